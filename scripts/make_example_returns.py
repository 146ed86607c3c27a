#!/usr/bin/env python3
"""Makes the example assessment returns in Examples/returns/, as a council would fill them in.

usage: make_example_returns.py STRATEGYC OUTDIR

Run from anywhere; STRATEGYC runs from the repository root. It writes the blank Riverside workbook
(`STRATEGYC workbook --variant Variants/riverside`) and the model (`STRATEGYC export --variant
Variants/riverside`) to a temporary folder, then writes four completed returns into OUTDIR:

  riverside-2026-procurement.xlsx  Head of procurement, round 2026, filled with openpyxl
  riverside-2026-finance.xlsx      Finance business partner, round 2026, filled with openpyxl
  riverside-2026-housing.xlsx      Housing commissioning lead, round 2026, typed in LibreOffice (Python-UNO)
                                   and saved by LibreOffice
  riverside-2025-procurement.xlsx  Head of procurement, round 2025 (lower levels), filled with openpyxl

The answers follow fixed patterns drawn from random.Random with a fixed seed per return, so a rerun gives
the same answers. Columns are found by their header in row 1, rows by the hidden Indicator id column, and
the About answers by their defined names; the list answers (organisation type, region, validation) are
taken from the workbook's own hidden Lists sheet.

The openpyxl returns carry fixed document properties and fixed zip-entry dates, so a rerun with the same
strategyc and openpyxl is byte-identical. The LibreOffice return is left exactly as LibreOffice wrote it:
its cells repeat, but its zip entries carry the time of writing and its chart gets new axis ids. Headless
LibreOffice saves no frozen panes; the read-back reports that as a note, not a problem.

The LibreOffice part runs this same file with LibreOffice's Python (the one that can `import uno`:
/usr/bin/python3 with Debian's python3-uno, or the `python` beside soffice in LibreOffice's own builds;
STRATEGYC_UNO_PYTHON overrides), in the internal mode `--libreoffice-type SPEC.json`.

Every return is read back with openpyxl and checked: the intended answers are in their cells as plain
strings (no formulas), the About answers are there (the date as a date, the round as a number), and the
hidden id columns, the hidden Lists and Metadata sheets, the Metadata stamp and the defined names
survived the save.
"""
import datetime
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile

VARIANT = "Variants/riverside"
ORGANISATION = "Riverside District Council"
ABOUT_NAMES = ["AboutOrganisation", "AboutOrganisationType", "AboutRegion", "AboutRespondentRole",
               "AboutRespondentDepartment", "AboutAssessmentDate", "AboutRound", "AboutValidation"]
HEADERS = ["Current level", "Target level", "Evidence", "Owner", "Review date", "Key area id", "Indicator id"]

# One entry per return: file, seed, who answers, when, and how it is written.
RETURNS = [
    {"file": "riverside-2026-procurement.xlsx", "seed": 2026, "role": "Head of procurement",
     "department": "Procurement", "date": datetime.date(2026, 3, 16), "round": 2026, "writer": "openpyxl"},
    {"file": "riverside-2026-finance.xlsx", "seed": 2027, "role": "Finance business partner",
     "department": "Finance", "date": datetime.date(2026, 3, 16), "round": 2026, "writer": "openpyxl"},
    {"file": "riverside-2026-housing.xlsx", "seed": 2028, "role": "Housing commissioning lead",
     "department": "Housing", "date": datetime.date(2026, 3, 16), "round": 2026, "writer": "libreoffice"},
    {"file": "riverside-2025-procurement.xlsx", "seed": 2025, "role": "Head of procurement",
     "department": "Procurement", "date": datetime.date(2025, 3, 10), "round": 2025, "writer": "openpyxl",
     "earlier_than": "riverside-2026-procurement.xlsx"},
]

EVIDENCE = [
    "Contract procedure rules, revised 2025",
    "Procurement board minutes",
    "Annual procurement report to cabinet",
    "Contracts register on the council website",
    "Supplier day feedback",
    "Internal audit report",
    "Training records in the learning system",
    "Social value policy and its annual statement",
]

problems = []


def fail(message):
    print(f"make_example_returns: error: {message}", file=sys.stderr)
    sys.exit(1)


def expect(what, condition, detail=""):
    if not condition:
        problems.append(f"{what}" + (f" ({detail})" if detail else ""))
        print(f"PROBLEM: {what}" + (f" ({detail})" if detail else ""))


# ---------------------------------------------------------------------------------------------------
# The model and the blank workbook
# ---------------------------------------------------------------------------------------------------

def run_strategyc(strategyc, root, *arguments):
    result = subprocess.run([strategyc, *arguments], cwd=root, capture_output=True, text=True)
    if result.returncode != 0:
        fail(f"`{os.path.basename(strategyc)} {' '.join(arguments)}` failed ({result.returncode}):\n"
             f"{result.stderr.strip()}")


def active_rows(model):
    """(key area id, indicator id, theme kind) for every active indicator of every active key area, in order."""
    rows = []
    for theme in model["themes"]:
        for area in theme["keyAreas"]:
            if area["status"] != "active":
                continue
            for indicator in area["indicators"]:
                if indicator["status"] == "active":
                    rows.append((area["id"], indicator["id"], theme["kind"]))
    return rows


def list_choices(workbook, name):
    """The cells a defined name covers (a one-column range on the hidden Lists sheet)."""
    defined = workbook.defined_names.get(name)
    if defined is None:
        fail(f"the blank workbook has no defined name {name}")
    sheet_name, cell_range = list(defined.destinations)[0]
    return [row[0].value for row in workbook[sheet_name][cell_range.replace("$", "")] if row[0].value is not None]


def pick(choices, wanted, what):
    """The first of WANTED (exact, then containing) that the list offers, else the list's first entry."""
    for want in wanted:
        if want in choices:
            return want
    for want in wanted:
        for choice in choices:
            if want.lower() in choice.lower():
                return choice
    if not choices:
        fail(f"the workbook's {what} list is empty")
    return choices[0]


def read_blank(path, model):
    import openpyxl
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Assessment"]
    header = [cell.value for cell in sheet[1]]
    missing = [name for name in HEADERS if name not in header]
    if missing:
        fail(f"the Assessment sheet has no column headed {', '.join(repr(m) for m in missing)}")
    columns = {name: header.index(name) + 1 for name in header if name}
    row_of = {}
    for row in range(2, sheet.max_row + 1):
        indicator = sheet.cell(row=row, column=columns["Indicator id"]).value
        if indicator:
            row_of[indicator] = row
    rows = active_rows(model)
    if set(row_of) != {indicator for _, indicator, _ in rows}:
        fail("the workbook's indicator ids differ from the model's active indicators")
    defaults = {indicator: sheet.cell(row=row_of[indicator], column=columns["Target level"]).value
                for _, indicator, _ in rows}
    about = {}
    for name in ABOUT_NAMES:
        defined = workbook.defined_names.get(name)
        if defined is None:
            fail(f"the blank workbook has no defined name {name}")
        sheet_name, cell = list(defined.destinations)[0]
        about[name] = (sheet_name, cell.replace("$", ""))
    names = {name: defined.attr_text for name, defined in workbook.defined_names.items()}
    metadata = [tuple(row) for row in workbook["Metadata"].iter_rows(values_only=True)]
    frozen = {ws.title: ws.freeze_panes for ws in workbook.worksheets if ws.freeze_panes}
    lists = {name: list_choices(workbook, name) for name in ("Levels", "OrganisationTypes", "Regions", "Validations")}
    return {"columns": columns, "row_of": row_of, "defaults": defaults, "about": about, "names": names,
            "metadata": metadata, "frozen": frozen, "lists": lists, "rows": rows}


# ---------------------------------------------------------------------------------------------------
# The answers
# ---------------------------------------------------------------------------------------------------

def clamp(value, count):
    return max(1, min(count, value))


def answers_for(spec, blank, levels, earlier=None):
    """What one respondent puts in each row: {indicator: {"current", "target", "evidence", "owner",
    "review"}}; level values are level NAMES (or None for an empty cell).

    The pattern: each key area gets a tendency (most councils sit at Developing or Mature), each indicator
    varies around it; the target is the variant's default where there is one (kept seven times in ten),
    otherwise from one level below the current (already met) to two above; a few rows are left without a
    current level, and a few without a target. The last indicator of the last theme key area is left
    without a current level by every 2026 respondent (nobody in the room could rate it).
    For an earlier round (EARLIER: the later answers of the same respondent) each current level is the
    later one or up to two levels lower, and the targets are mostly the same."""
    rng = random.Random(spec["seed"])
    count = len(levels)
    rows = blank["rows"]
    theme_rows = [indicator for _, indicator, kind in rows if kind == "theme"]
    nobody = theme_rows[-1] if theme_rows else rows[-1][1]
    skipped = set(rng.sample([indicator for _, indicator, _ in rows], 3 if earlier is None else 6)) | {nobody}
    answers = {}
    tendency = {}
    for area, indicator, _ in rows:
        default = blank["defaults"][indicator]
        default_number = levels.index(default) + 1 if default in levels else None
        if earlier is None:
            base = tendency.setdefault(area, rng.choice([1, 2, 2, 3, 3, 3, 4]))
            current = clamp(base + rng.choice([-1, 0, 0, 0, 1]), count)
            if default_number and rng.random() < 0.7:
                target = default_number
            else:
                target = clamp(current + rng.choice([-1, 0, 1, 1, 1, 2]), count)
            if default_number is None and rng.random() < 0.06:
                target = None
        else:
            later = earlier[indicator]
            later_current = levels.index(later["current"]) + 1 if later["current"] else clamp(2, count)
            current = clamp(later_current - rng.choice([0, 1, 1, 2]), count)
            target = levels.index(later["target"]) + 1 if later["target"] else None
            if target is not None and rng.random() < 0.15:
                target = clamp(target - 1, count)
        evidence = rng.choice(EVIDENCE) if rng.random() < 0.35 else None
        answers[indicator] = {
            "current": None if indicator in skipped else levels[current - 1],
            "target": levels[target - 1] if target else None,
            "evidence": evidence,
            "owner": spec["department"] if evidence else None,
            "review": datetime.date(spec["round"], 9, 30) if evidence and target and target > current else None,
        }
    return answers


def about_for(spec, blank):
    lists = blank["lists"]
    return {
        "AboutOrganisation": ORGANISATION,
        "AboutOrganisationType": pick(lists["OrganisationTypes"], ["District council", "District"], "organisation type"),
        "AboutRegion": pick(lists["Regions"], ["North West", "North"], "region"),
        "AboutRespondentRole": spec["role"],
        "AboutRespondentDepartment": spec["department"],
        "AboutAssessmentDate": spec["date"],
        "AboutRound": spec["round"],
        "AboutValidation": pick(lists["Validations"], ["Self-assessed", "Self"], "validation"),
    }


def typed_variants(spec, answers, blank):
    """Cells whose text differs from the dropdown's spelling, as people type or paste them.

    The finance return has two current levels pasted from elsewhere with a trailing space (pasting
    bypasses a dropdown's validation); the housing return has two typed in lower case (a dropdown's
    check ignores case). Readers match level names case-insensitively after trimming."""
    answered = [indicator for _, indicator, _ in blank["rows"] if answers[indicator]["current"]]
    rng = random.Random(spec["seed"] * 7)
    chosen = sorted(rng.sample(answered, 2), key=answered.index)
    for indicator in chosen:
        if spec["department"] == "Finance":
            answers[indicator]["current"] += " "
        elif spec["department"] == "Housing":
            answers[indicator]["current"] = answers[indicator]["current"].lower()


def cell_plan(spec, blank, answers, about):
    """The cells to fill: (sheet, cell, kind, value), kind text, number or date. A target equal to what
    the blank holds (the variant's default) is left as it is."""
    from openpyxl.utils import get_column_letter
    plan = []
    for name in ABOUT_NAMES:
        sheet, cell = blank["about"][name]
        value = about[name]
        kind = "date" if isinstance(value, datetime.date) else "number" if isinstance(value, int) else "text"
        plan.append((sheet, cell, kind, value.isoformat() if kind == "date" else value))
    columns = blank["columns"]
    for _, indicator, _ in blank["rows"]:
        row = blank["row_of"][indicator]
        answer = answers[indicator]
        letter = lambda header: get_column_letter(columns[header]) + str(row)
        if answer["current"] is not None:
            plan.append(("Assessment", letter("Current level"), "text", answer["current"]))
        if answer["target"] != blank["defaults"][indicator]:
            if answer["target"] is None:
                plan.append(("Assessment", letter("Target level"), "empty", None))
            else:
                plan.append(("Assessment", letter("Target level"), "text", answer["target"]))
        for header, key in (("Evidence", "evidence"), ("Owner", "owner")):
            if answer[key]:
                plan.append(("Assessment", letter(header), "text", answer[key]))
        if answer["review"]:
            plan.append(("Assessment", letter("Review date"), "date", answer["review"].isoformat()))
    return plan


# ---------------------------------------------------------------------------------------------------
# Writing with openpyxl
# ---------------------------------------------------------------------------------------------------

def fixed_zip(source, destination, when):
    """Copies the zip SOURCE to DESTINATION entry by entry, in the same order, with every entry dated WHEN."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(destination, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in original.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=when.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            copy.writestr(entry, original.read(info.filename))


def write_with_openpyxl(blank_path, out_path, plan, spec, workdir):
    import openpyxl
    from openpyxl.writer.excel import ExcelWriter
    workbook = openpyxl.load_workbook(blank_path)
    for sheet, cell, kind, value in plan:
        target = workbook[sheet][cell]
        if kind == "date":
            target.value = datetime.date.fromisoformat(value)  # keeps the cell's own YYYY-MM-DD format
        elif kind == "empty":
            target.value = None
        else:
            target.value = value
    moment = datetime.datetime.combine(spec["date"], datetime.time())
    workbook.properties.created = moment
    workbook.properties.modified = moment
    workbook.properties.lastModifiedBy = f"{spec['role']}, {ORGANISATION}"
    # openpyxl's save_workbook stamps `modified` with the time of saving; its ExcelWriter does not.
    unstable = os.path.join(workdir, "openpyxl-" + os.path.basename(out_path))
    with zipfile.ZipFile(unstable, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(workbook, archive).save()
    fixed_zip(unstable, out_path, moment)


# ---------------------------------------------------------------------------------------------------
# Typing in LibreOffice
# ---------------------------------------------------------------------------------------------------

def uno_python():
    """A Python interpreter that can import uno."""
    candidates = []
    if os.environ.get("STRATEGYC_UNO_PYTHON"):
        candidates.append(os.environ["STRATEGYC_UNO_PYTHON"])
    soffice = shutil.which("soffice")
    if soffice:
        program = os.path.dirname(os.path.realpath(soffice))
        candidates += [os.path.join(program, "python"), os.path.join(program, "python.bin")]
    candidates += ["/usr/bin/python3", sys.executable]
    for candidate in candidates:
        if os.path.exists(candidate) and subprocess.run([candidate, "-c", "import uno"],
                                                        capture_output=True).returncode == 0:
            return candidate
    fail("no Python with LibreOffice's uno module was found: install python3-uno (scripts/install-deps does), "
         "or set STRATEGYC_UNO_PYTHON")


def write_with_libreoffice(blank_path, out_path, plan, spec, workdir):
    if shutil.which("soffice") is None:
        fail("LibreOffice (soffice) is not installed; scripts/install-deps installs it")
    job = {
        "blank": os.path.abspath(blank_path),
        "out": os.path.abspath(out_path),
        "profile": os.path.join(workdir, "lo-profile"),
        "pipe": f"strategyc_returns_{os.getpid()}",
        "soffice": shutil.which("soffice"),
        "moment": datetime.datetime.combine(spec["date"], datetime.time()).isoformat(),
        "cells": plan,
    }
    job_path = os.path.join(workdir, "libreoffice-job.json")
    with open(job_path, "w", encoding="utf-8") as f:
        json.dump(job, f)
    result = subprocess.run([uno_python(), os.path.abspath(__file__), "--libreoffice-type", job_path],
                            capture_output=True, text=True, timeout=600)
    sys.stdout.write(result.stdout)
    if result.returncode != 0:
        fail(f"typing the return in LibreOffice failed:\n{result.stderr.strip()}")


def libreoffice_type(job_path):
    """Runs under LibreOffice's Python: starts a headless LibreOffice with a private profile, opens the
    blank workbook, types each answer into its cell as a user would (go to the cell, enter the text; the
    dates and the round are typed as text too and recognised by LibreOffice), sets the document
    properties and saves the result as Excel 2007-365 (.xlsx)."""
    import uno
    from com.sun.star.beans import PropertyValue
    from com.sun.star.connection import NoConnectException
    from com.sun.star.table.CellContentType import EMPTY, FORMULA, TEXT, VALUE

    with open(job_path, encoding="utf-8") as f:
        job = json.load(f)

    def prop(name, value):
        p = PropertyValue()
        p.Name, p.Value = name, value
        return p

    os.makedirs(job["profile"], exist_ok=True)
    office = subprocess.Popen([job["soffice"], f"-env:UserInstallation={uno.systemPathToFileUrl(job['profile'])}",
                               "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
                               "--nolockcheck", f"--accept=pipe,name={job['pipe']};urp;StarOffice.ComponentContext"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        context = None
        for _ in range(240):
            try:
                context = resolver.resolve(f"uno:pipe,name={job['pipe']};urp;StarOffice.ComponentContext")
                break
            except NoConnectException:
                if office.poll() is not None:
                    raise SystemExit(f"soffice exited with status {office.returncode} before accepting a connection")
                time.sleep(0.5)
        if context is None:
            raise SystemExit("soffice did not accept a connection within two minutes")
        manager = context.ServiceManager
        desktop = manager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(job["blank"]), "_blank", 0,
                                                (prop("Hidden", True),))
        if document is None:
            raise SystemExit(f"LibreOffice could not open {job['blank']}")
        controller = document.getCurrentController()
        frame = controller.getFrame()
        dispatcher = manager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", context)
        sheets = document.getSheets()
        typed = 0
        for sheet_name, cell_name, kind, value in job["cells"]:
            sheet = sheets.getByName(sheet_name)
            cell = sheet.getCellRangeByName(cell_name)
            controller.setActiveSheet(sheet)
            dispatcher.executeDispatch(frame, ".uno:GoToCell", "", 0, (prop("ToPoint", cell_name),))
            if kind == "empty":  # what the Delete key does: clear the contents, keep the format
                flags = ("VALUE", "DATETIME", "STRING", "FORMULA")
                cell.clearContents(sum(uno.getConstantByName(f"com.sun.star.sheet.CellFlags.{f}") for f in flags))
            else:
                dispatcher.executeDispatch(frame, ".uno:EnterString", "", 0, (prop("StringName", str(value)),))
            content = cell.getType()
            if kind == "empty":
                ok = content == EMPTY
            elif kind == "text":
                ok = content == TEXT and cell.getString() == value
            elif kind == "number":
                ok = content == VALUE and cell.getValue() == value
            else:  # a date: a number whose displayed text is the date typed
                ok = content == VALUE and cell.getString() == value
            if not ok:
                raise SystemExit(f"typing {value!r} into {sheet_name}!{cell_name} left {cell.getType().value} "
                                 f"{cell.getString()!r} (formula {content == FORMULA})")
            typed += 1
        moment = datetime.datetime.fromisoformat(job["moment"])
        stamp = uno.createUnoStruct("com.sun.star.util.DateTime")
        stamp.Year, stamp.Month, stamp.Day = moment.year, moment.month, moment.day
        stamp.Hours, stamp.Minutes, stamp.Seconds, stamp.NanoSeconds = moment.hour, moment.minute, moment.second, 0
        properties = document.getDocumentProperties()
        properties.CreationDate = stamp
        properties.ModificationDate = stamp
        # Saving stamps the time of saving and the profile's (empty) user name over these unless the
        # document does not apply user data (File > Properties > General: Apply user data). Without it,
        # LibreOffice keeps the dates set here but always writes an empty lastModifiedBy.
        settings = document.createInstance("com.sun.star.document.Settings")
        settings.setPropertyValue("ApplyUserData", False)
        document.storeToURL(uno.systemPathToFileUrl(job["out"]), (prop("FilterName", "Calc MS Excel 2007 XML"),))
        print(f"LibreOffice: typed {typed} cells through the dispatcher (GoToCell, EnterString) and saved "
              f"{os.path.basename(job['out'])} as Calc MS Excel 2007 XML")
        # storeToURL has returned, so the return is written. Headless LibreOffice now and then drops the
        # bridge while closing the document or quitting; that loses nothing, and the caller reads the
        # file back and checks it.
        for step in (lambda: document.close(True), desktop.terminate):
            try:
                step()
            except Exception:
                break
    finally:
        try:
            office.wait(timeout=60)
        except subprocess.TimeoutExpired:
            office.kill()
            office.wait()


# ---------------------------------------------------------------------------------------------------
# Reading each return back
# ---------------------------------------------------------------------------------------------------

def verify(path, blank, plan, spec):
    import openpyxl
    from openpyxl.utils import get_column_letter
    name = os.path.basename(path)
    before = len(problems)
    notes = []
    workbook = openpyxl.load_workbook(path)
    for sheet_name, cell_name, kind, value in plan:
        cell = workbook[sheet_name][cell_name]
        where = f"{name}: {sheet_name}!{cell_name}"
        if kind == "text":
            expect(f"{where} holds the string {value!r}", cell.data_type == "s" and cell.value == value,
                   f"found {cell.data_type} {cell.value!r}")
        elif kind == "number":
            expect(f"{where} holds the number {value}", cell.data_type == "n" and cell.value == value,
                   f"found {cell.data_type} {cell.value!r}")
        elif kind == "date":
            ok = isinstance(cell.value, datetime.datetime) and cell.value.date().isoformat() == value and cell.is_date
            expect(f"{where} holds the date {value}", ok, f"found {cell.value!r} shown as {cell.number_format!r}")
        else:
            expect(f"{where} is empty", cell.value is None, f"found {cell.value!r}")
    sheet = workbook["Assessment"]
    header = [cell.value for cell in sheet[1]]
    expect(f"{name}: the Assessment header is unchanged",
           [h for h in header if h] == [h for h, _ in sorted(blank["columns"].items(), key=lambda kv: kv[1])])
    for column_name in ("Current level", "Target level"):
        column = blank["columns"][column_name]
        formulas = [sheet.cell(row=r, column=column).coordinate for r in blank["row_of"].values()
                    if sheet.cell(row=r, column=column).data_type == "f"]
        expect(f"{name}: no formula in the {column_name} column", not formulas, formulas[:3])
    for column_name in ("Key area id", "Indicator id"):
        letter = get_column_letter(blank["columns"][column_name])
        expect(f"{name}: the {column_name} column is still hidden", sheet.column_dimensions[letter].hidden)
    ids = {sheet.cell(row=r, column=blank["columns"]["Indicator id"]).value: r for r in range(2, sheet.max_row + 1)}
    ids.pop(None, None)
    expect(f"{name}: the hidden indicator ids are unchanged", ids == blank["row_of"])
    expect(f"{name}: Lists and Metadata are still hidden",
           [workbook[n].sheet_state for n in ("Lists", "Metadata")] == ["hidden", "hidden"])
    metadata = [tuple(row) for row in workbook["Metadata"].iter_rows(values_only=True)]
    expect(f"{name}: the Metadata stamp is unchanged", metadata == blank["metadata"])
    frozen = {ws.title: ws.freeze_panes for ws in workbook.worksheets if ws.freeze_panes}
    if spec["writer"] == "libreoffice":
        # Headless LibreOffice has no view to take the panes from, so it saves none (--convert-to too).
        if frozen != blank["frozen"]:
            notes.append(f"frozen panes {frozen or 'none'} (the blank: {blank['frozen']})")
    else:
        expect(f"{name}: the same panes are frozen", frozen == blank["frozen"], f"{frozen} instead of {blank['frozen']}")
    names = {n: d.attr_text for n, d in workbook.defined_names.items()}
    lost = {n: t for n, t in blank["names"].items() if names.get(n) != t}
    expect(f"{name}: every defined name survived with its range", not lost,
           f"changed or lost: {lost}; now: {names}")
    added = sorted(set(names) - set(blank["names"]))
    if added:
        notes.append(f"defined names added: {', '.join(added)}")
    return len(problems) == before, notes


def main(argv):
    if len(argv) == 2 and argv[0] == "--libreoffice-type":
        libreoffice_type(argv[1])
        return 0
    if len(argv) != 2 or argv[0].startswith("-"):
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    strategyc, outdir = os.path.abspath(argv[0]), os.path.abspath(argv[1])
    if not os.access(strategyc, os.X_OK):
        fail(f"{argv[0]} is not an executable strategyc")
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    os.makedirs(outdir, exist_ok=True)
    workdir = tempfile.mkdtemp(prefix="strategyc-returns-")
    try:
        blank_path = os.path.join(workdir, "blank.xlsx")
        model_path = os.path.join(workdir, "riverside.json")
        run_strategyc(strategyc, root, "workbook", "--variant", VARIANT, "-o", blank_path)
        run_strategyc(strategyc, root, "export", "--variant", VARIANT, "-o", model_path)
        with open(model_path, encoding="utf-8") as f:
            exported = json.load(f)
        model = exported.get("model", exported)
        levels = [level["name"] for level in model["levels"]]
        blank = read_blank(blank_path, model)
        if blank["lists"]["Levels"] != levels:
            fail(f"the workbook's Levels list {blank['lists']['Levels']} differs from the model's {levels}")
        made = {}
        for spec in RETURNS:
            earlier = made[spec["earlier_than"]] if spec.get("earlier_than") else None
            answers = answers_for(spec, blank, levels, earlier)
            made[spec["file"]] = {k: dict(v) for k, v in answers.items()}
            typed_variants(spec, answers, blank)
            plan = cell_plan(spec, blank, answers, about_for(spec, blank))
            out_path = os.path.join(outdir, spec["file"])
            if spec["writer"] == "libreoffice":
                write_with_libreoffice(blank_path, out_path, plan, spec, workdir)
            else:
                write_with_openpyxl(blank_path, out_path, plan, spec, workdir)
            ok, notes = verify(out_path, blank, plan, spec)
            unanswered = sum(1 for a in answers.values() if a["current"] is None)
            print(f"wrote {out_path}: {spec['role']}, round {spec['round']}, {len(answers) - unanswered} of "
                  f"{len(answers)} current levels, written by {spec['writer']}"
                  + "".join(f"; {note}" for note in notes)
                  + ("" if ok else "; PROBLEMS above"))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    if problems:
        print(f"make_example_returns: {len(problems)} problems", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
