#!/usr/bin/env python3
"""Checks the assessment workbook as a spreadsheet user and program would see it.

usage: check_workbook.py ASSESSMENT.xlsx MODEL.json [WORKDIR] [VARIANT.json]

1. openpyxl reads the structure: the sheets; a level dropdown (the `Levels` defined name) on every current
   and target cell of every indicator row; the date validation; protection with the input cells unlocked;
   the hidden ids, matching model.json row for row; the edition and content-hash stamp.
2. LibreOffice, headless, recalculates it: the test fills some current and target levels with openpyxl,
   has LibreOffice convert the file with a private profile that recalculates OOXML on load, and compares
   the Summary's computed current levels, targets, gaps and weighted levels with values computed here
   independently. It does this twice, in an English and in a German (decimal-comma) locale, which must
   agree.
3. With VARIANT.json (`strategyc export --variant`): the variant's default targets are in the Target
   cells and the hidden default column, its weights in the Summary, each row's origin in the Origin column
   (local exactly where the export says a layer added the indicator or its key area), and the stamp names
   the variant and its base edition.
"""
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile

import openpyxl

problems = []


def expect(what, condition, detail=""):
    print(("ok: " if condition else "PROBLEM: ") + what + (f" ({detail})" if detail and not condition else ""))
    if not condition:
        problems.append(what)


def published_rows(model):
    rows = []
    for theme in model["themes"]:
        for area in theme["keyAreas"]:
            if area["status"] == "active":
                rows += [(area, indicator) for indicator in area["indicators"] if indicator["status"] == "active"]
    return rows


def covered(validations, column, first, last, kind):
    cells = set()
    for validation in validations:
        if validation.type == kind:
            for cell_range in validation.sqref.ranges:
                for row in range(cell_range.min_row, cell_range.max_row + 1):
                    for col in range(cell_range.min_col, cell_range.max_col + 1):
                        cells.add((row, col))
    return all((row, column) in cells for row in range(first, last + 1))


def check_structure(path, model, model_bytes):
    workbook = openpyxl.load_workbook(path)
    names = workbook.sheetnames
    expect("sheets are How to use, About, Assessment, Summary, Lists, Metadata",
           names == ["How to use", "About", "Assessment", "Summary", "Lists", "Metadata"], names)
    expect("Lists and Metadata are hidden", [workbook[n].sheet_state for n in ("Lists", "Metadata")] == ["hidden", "hidden"])
    levels = [level["name"] for level in model["levels"]]
    defined = workbook.defined_names.get("Levels")
    expect("defined name Levels covers the level names", defined is not None and defined.attr_text == f"Lists!$A$2:$A${len(levels) + 1}")
    expect("Lists holds the level names", [workbook["Lists"].cell(row=i + 2, column=1).value for i in range(len(levels))] == levels)

    sheet = workbook["Assessment"]
    rows = published_rows(model)
    header = [cell.value for cell in sheet[1]]
    current_col, target_col, date_col = header.index("Current level") + 1, header.index("Target level") + 1, header.index("Review date") + 1
    area_id_col, indicator_id_col = header.index("Key area id") + 1, header.index("Indicator id") + 1
    last = len(rows) + 1
    expect(f"{len(rows)} indicator rows", sheet.max_row == last, sheet.max_row)
    validations = sheet.data_validations.dataValidation
    lists = [v for v in validations if v.type == "list"]
    expect("every dropdown uses the Levels defined name", lists and all(v.formula1 == "Levels" for v in lists))
    expect(f"a dropdown on every current-level cell (rows 2-{last})", covered(validations, current_col, 2, last, "list"))
    expect(f"a dropdown on every target-level cell (rows 2-{last})", covered(validations, target_col, 2, last, "list"))
    expect("a date validation on every review-date cell", covered(validations, date_col, 2, last, "date"))
    for name in names:
        expect(f"sheet '{name}' is protected", workbook[name].protection.sheet)
    unlocked = all(not sheet.cell(row=r, column=c).protection.locked for r in range(2, last + 1) for c in range(current_col, date_col + 1))
    expect("input cells (current level to review date) are unlocked", unlocked)
    locked = all(sheet.cell(row=r, column=c).protection.locked for r in range(2, last + 1) for c in (1, 2, 3, area_id_col, indicator_id_col))
    expect("labels and ids are locked", locked)
    ids = [(sheet.cell(row=r, column=area_id_col).value, sheet.cell(row=r, column=indicator_id_col).value) for r in range(2, last + 1)]
    expect("hidden ids match model.json row for row", ids == [(a["id"], i["id"]) for a, i in rows])
    letter = openpyxl.utils.get_column_letter
    expect("id columns are hidden", sheet.column_dimensions[letter(area_id_col)].hidden and sheet.column_dimensions[letter(indicator_id_col)].hidden)
    expect("header row is frozen", sheet.freeze_panes is not None and sheet.freeze_panes[-1] == "2")
    expect("no merged cells", all(not workbook[n].merged_cells.ranges for n in names))

    digest = hashlib.sha256(model_bytes).hexdigest()
    metadata = {workbook["Metadata"].cell(row=r, column=1).value: workbook["Metadata"].cell(row=r, column=2).value
                for r in range(2, workbook["Metadata"].max_row + 1)}
    expect("Metadata carries edition and content hash", metadata.get("Edition") == model["edition"] and metadata.get("Content hash") == digest)
    expect("document properties carry the stamp", digest in (workbook.properties.keywords or "") and model["edition"] in (workbook.properties.keywords or ""))
    how = "\n".join(str(c.value) for c in workbook["How to use"]["A"] if c.value)
    expect("How to use shows the edition, hash and scoring rule", digest in how and "lowest current level" in how)
    summary = workbook["Summary"]
    expect("Summary has a radar chart with alt text", len(summary._charts) == 1)
    check_about(workbook, model)
    return rows, header


ABOUT_QUESTIONS = ["Organisation", "Organisation type", "Region", "Your role", "Your department",
                   "Date of the assessment", "Round", "Self-assessed or externally validated"]
ABOUT_NAMES = ["AboutOrganisation", "AboutOrganisationType", "AboutRegion", "AboutRespondentRole",
               "AboutRespondentDepartment", "AboutAssessmentDate", "AboutRound", "AboutValidation"]


def check_about(workbook, model):
    """The About sheet: its questions, each answer cell named and unlocked, and the dropdowns offering
    exactly the choices of assessment.md (from model.json's assessmentForm)."""
    about = workbook["About"]
    expect("About has a Question / Answer / How to answer header", [c.value for c in about[3]][:3] == ["Question", "Answer", "How to answer"])
    expect("About asks the eight questions in order", [about.cell(row=r, column=1).value for r in range(4, 12)] == ABOUT_QUESTIONS)
    expect("About's answer cells are blank and unlocked",
           all(about.cell(row=r, column=2).value is None and not about.cell(row=r, column=2).protection.locked for r in range(4, 12)))
    targets = [workbook.defined_names.get(name) for name in ABOUT_NAMES]
    expect("each About answer has its defined name", all(t is not None for t in targets) and
           [t.attr_text for t in targets] == [f"About!$B${r}" for r in range(4, 12)], [t and t.attr_text for t in targets])
    form = model.get("assessmentForm")
    lists = {str(v.sqref): v.formula1 for v in about.data_validations.dataValidation if v.type == "list"}
    if form is None:
        expect("without assessment.md, no About dropdowns", not lists, lists)
        return
    expect("About dropdowns: type, region and validation", lists == {"B5": "OrganisationTypes", "B6": "Regions", "B11": "Validations"}, lists)
    for name, key in (("OrganisationTypes", "organisationTypes"), ("Regions", "regions"), ("Validations", "validation")):
        destination = list(workbook.defined_names.get(name).destinations)[0]
        cells = workbook[destination[0]][destination[1].replace("$", "")]
        choices = [row[0].value for row in cells]
        expect(f"{name} offers exactly assessment.md's {len(form[key])} choices", choices == form[key], choices)


def fill(path, filled_path, rows, header, weights):
    """Fills a deterministic pattern of levels and returns what the Summary must then show: per key area
    (target, current, gap), and under WEIGHTED the weighted target and current levels."""
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Assessment"]
    levels = [c.value for c in workbook["Lists"]["A"][1:] if c.value is not None]
    current_col, target_col = header.index("Current level") + 1, header.index("Target level") + 1
    areas = {}
    for index, (area, indicator) in enumerate(rows):
        areas.setdefault(area["id"], []).append(index + 2)
    expected = {}
    for area_number, (area_id, row_numbers) in enumerate(areas.items()):
        currents, targets = [], []
        for offset, row in enumerate(row_numbers):
            if area_number % 3 != 2 or offset == 0:  # every third area is left partly unassessed
                value = (area_number + offset) % len(levels) + 1
                sheet.cell(row=row, column=current_col, value=levels[value - 1])
                currents.append(value)
            if area_number % 4 != 3:  # every fourth area keeps what the workbook came with (a default, or none)
                target = min(len(levels), (area_number % len(levels)) + offset % 2 + 1)
                sheet.cell(row=row, column=target_col, value=levels[target - 1])
                targets.append(target)
            elif sheet.cell(row=row, column=target_col).value:
                targets.append(levels.index(sheet.cell(row=row, column=target_col).value) + 1)
        current = min(currents) if len(currents) == len(row_numbers) else None
        target = max(targets) if targets else None
        expected[area_id] = (
            levels[target - 1] if target else None,
            levels[current - 1] if current else None,
            max(0, target - current) if target and current else None,
        )
    numbers = {name: index + 1 for index, name in enumerate(levels)}
    weighted = []
    for slot in (0, 1):  # target, current
        pairs = [(weights.get(area_id, 1), numbers[values[slot]]) for area_id, values in expected.items() if values[slot]]
        total = sum(weight for weight, _ in pairs)
        weighted.append(round(sum(weight * level for weight, level in pairs) / total, 2) if total else None)
    expected["WEIGHTED"] = tuple(weighted)
    workbook.save(filled_path)
    return expected


def recalculate(filled_path, workdir, locale):
    profile = os.path.join(workdir, f"lo-profile-{locale}")
    os.makedirs(os.path.join(profile, "user"), exist_ok=True)
    with open(os.path.join(profile, "user", "registrymodifications.xcu"), "w", encoding="utf-8") as f:
        f.write(f"""<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>{locale}</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" oor:op="fuse"><value>{locale}</value></prop></item>
</oor:items>
""")
    outdir = os.path.join(workdir, f"out-{locale}")
    os.makedirs(outdir, exist_ok=True)
    command = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
               "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", outdir, filled_path]
    subprocess.run(command, check=True, capture_output=True, timeout=240)
    return os.path.join(outdir, os.path.basename(filled_path))


def check_recalculated(path, expected, locale):
    workbook = openpyxl.load_workbook(path, data_only=True)
    summary = workbook["Summary"]
    header = [c.value for c in summary[1]]
    col = {name: header.index(name) + 1 for name in ("Target level", "Current level", "Gap (levels)", "Key area id")}
    actual = {}
    for r in range(2, summary.max_row + 1):
        area_id = summary.cell(row=r, column=col["Key area id"]).value
        if area_id:
            value = lambda name: summary.cell(row=r, column=col[name]).value
            gap = value("Gap (levels)")
            actual[area_id] = (value("Target level") or None, value("Current level") or None,
                               int(gap) if gap not in (None, "") else None)
    by_label = {summary.cell(row=r, column=2).value: summary.cell(row=r, column=3).value for r in range(2, summary.max_row + 1)}
    levels = len([c for c in workbook["Lists"]["A"][1:] if c.value is not None])
    weighted = [by_label.get(f"Weighted {what} level (1 to {levels})") for what in ("target", "current")]
    actual["WEIGHTED"] = tuple(round(float(v), 2) if v not in (None, "") else None for v in weighted)
    mismatches = {k: (actual.get(k), v) for k, v in expected.items() if actual.get(k) != v}
    expect(f"LibreOffice ({locale}) recalculates every Summary row as computed independently ({len(expected)} rows)",
           not mismatches, mismatches)
    return actual


def check_variant(path, variant, rows, header):
    """The variant's defaults, weights, origins and stamp, against its export."""
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Assessment"]
    names = {level["id"]: level["name"] for level in variant["model"]["levels"]}
    priorities = variant["priorities"]
    col = {name: header.index(name) + 1 for name in ("Target level", "Current level", "Origin", "Default target level", "Indicator id")}
    targets = [sheet.cell(row=r, column=col["Target level"]).value for r in range(2, len(rows) + 2)]
    wanted = [names.get(priorities.get(area["id"], {}).get("target")) for area, _ in rows]
    expect(f"Target cells hold the variant's default targets ({sum(1 for t in wanted if t)} rows)", targets == wanted,
           [(r, t, w) for r, (t, w) in enumerate(zip(targets, wanted), 2) if t != w][:3])
    defaults = [sheet.cell(row=r, column=col["Default target level"]).value for r in range(2, len(rows) + 2)]
    expect("the hidden default column repeats them", defaults == wanted)
    expect("Default target level column is hidden",
           sheet.column_dimensions[openpyxl.utils.get_column_letter(col["Default target level"])].hidden)
    expect("no current level is filled in", all(sheet.cell(row=r, column=col["Current level"]).value is None for r in range(2, len(rows) + 2)))
    origins = variant["origins"]
    local = [origins.get(i["id"], origins.get(a["id"], "")).startswith("added") for a, i in rows]
    shown = [str(sheet.cell(row=r, column=col["Origin"]).value) for r in range(2, len(rows) + 2)]
    expect(f"Origin says Local on exactly the {sum(local)} added rows", [o.startswith("Local") for o in shown] == local)
    changed = [origins.get(i["id"], "").startswith("changed") for a, i in rows]
    expect(f"Origin says changed on exactly the {sum(changed)} rows a layer rewrote",
           [", changed by" in o for o in shown] == changed)
    summary = workbook["Summary"]
    header2 = [c.value for c in summary[1]]
    weight_col, id_col = header2.index("Weight") + 1, header2.index("Key area id") + 1
    weights = {summary.cell(row=r, column=id_col).value: summary.cell(row=r, column=weight_col).value
               for r in range(2, summary.max_row + 1) if summary.cell(row=r, column=id_col).value}
    expect("Summary weights are the variant's", all(weights[k] == priorities.get(k, {}).get("weight", 1) for k in weights), weights)
    metadata = {workbook["Metadata"].cell(row=r, column=1).value: workbook["Metadata"].cell(row=r, column=2).value
                for r in range(2, workbook["Metadata"].max_row + 1)}
    expect("the stamp names the variant and its base edition",
           metadata.get("Variant") == variant["variant"]["id"] and metadata.get("Base edition") == variant["baseEdition"]
           and len(metadata.get("Base content hash") or "") == 64, metadata)
    return {k: float(v) for k, v in weights.items()}


def main(xlsx, model_path, workdir=None, variant_path=None):
    model_bytes = open(model_path, "rb").read()
    model = json.loads(model_bytes)
    rows, header = check_structure(xlsx, model, model_bytes)
    weights = {}
    if variant_path:
        weights = check_variant(xlsx, json.load(open(variant_path, encoding="utf-8")), rows, header)
    workdir = workdir or tempfile.mkdtemp(prefix="strategyc-workbook-")
    os.makedirs(workdir, exist_ok=True)
    filled = os.path.join(workdir, "filled.xlsx")
    expected = fill(xlsx, filled, rows, header, weights)
    if shutil.which("soffice") is None:
        expect("LibreOffice (soffice) is installed", False)
    else:
        english = check_recalculated(recalculate(filled, workdir, "en-GB"), expected, "en-GB")
        german = check_recalculated(recalculate(filled, workdir, "de-DE"), expected, "de-DE")
        expect("English and German locales give the same results", english == german)
    print(f"workbook: {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:5]))
