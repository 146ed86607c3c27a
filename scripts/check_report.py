#!/usr/bin/env python3
"""Checks the figures of a `strategyc report` against figures computed here, independently, from the returns.

usage: check_report.py REPORT_JSON MODEL_JSON --returns R1.xlsx [R2.xlsx ...] [--previous P1.xlsx ...]
       check_report.py --self-test

MODEL_JSON is `strategyc export` output: for a variant (`export --variant`) the model sits under "model"
and the key areas' weights under "priorities"; for the national strategy the model is the whole document
and every weight is 1. The returns are read with openpyxl only: the Assessment sheet's columns are found
by their header in row 1 ("Current level", "Target level", "Indicator id") and its rows by the hidden
indicator id, never by position.

The rules:
- levels are numbered 1..N in the model's order; a cell's level name matches case-insensitively after
  trimming; an empty cell is unanswered;
- several returns combine per indicator: the lower median (sorted, element (n-1)//2) of the returns'
  non-empty current levels, and likewise of their targets; an indicator nobody answered stays unanswered;
- per key area (active ones, in the model's order), from the combined values: current = the lowest current
  level, null unless every indicator has one; target = the highest target, null if none; gap =
  max(0, target - current) or null; progress = 1 - sum(max(0, t - c)) / sum(t) over the indicators with
  both values, null if none; answered = indicators with both; indicators = their number; weight = the
  priority's weight or 1; respondents = each return's own key-area current, in the order given;
  previousCurrent and previousProgress = current and progress from the --previous returns combined (null
  without --previous);
- overall progress = 1 - sum(weight * sum(max(0, t - c))) / sum(weight * sum(t)) over the key areas'
  indicators with both values (null if none), with answered and indicators totalled;
- nextSteps: every indicator whose combined current is below its combined target, as {indicator, keyArea,
  current, next = current + 1}, ordered by key-area weight (highest first), then the model's key-area
  order, then indicator order.

Integers, strings and nulls must match exactly, floats within 1e-9. Keys of the report not named above
are ignored. Prints every mismatch and exits 1 if there is any, 0 with a one-line summary if not; a
problem with the inputs (a missing column, an unknown level name, an indicator missing) exits 2.
"""
import json
import math
import os
import sys

FORMAT = "strategyc-report-1"
TOLERANCE = 1e-9
COLUMNS = ("Current level", "Target level", "Indicator id")


class InputProblem(Exception):
    pass


# ---------------------------------------------------------------------------------------------------
# The rules, as small pure functions (the self-test runs them on hand-computed cases)
# ---------------------------------------------------------------------------------------------------

def level_number(text, numbers, where):
    """The level number of a cell's text: None for an empty cell, else the level whose name matches
    case-insensitively after trimming."""
    if text is None:
        return None
    if not isinstance(text, str):
        raise InputProblem(f"{where}: {text!r} is not a level name")
    key = text.strip().lower()
    if not key:
        return None
    if key not in numbers:
        raise InputProblem(f"{where}: {text!r} is not a level name (levels: {', '.join(numbers)})")
    return numbers[key]


def lower_median(values):
    """The lower median of the non-empty values: sorted ascending, the element at (n - 1) // 2."""
    present = sorted(v for v in values if v is not None)
    return present[(len(present) - 1) // 2] if present else None


def shortfall(pairs):
    """(sum of max(0, t - c), sum of t) over the (current, target) pairs that have both values."""
    both = [(c, t) for c, t in pairs if c is not None and t is not None]
    return sum(max(0, t - c) for c, t in both), sum(t for _, t in both), len(both)


def progress(pairs):
    """1 - sum(max(0, t - c)) / sum(t) over the pairs with both values; None when there are none."""
    short, total, count = shortfall(pairs)
    return 1 - short / total if count else None


def area_current(pairs):
    """The lowest current level, or None unless every indicator has one."""
    currents = [c for c, _ in pairs]
    return min(currents) if currents and all(c is not None for c in currents) else None


def area_figures(pairs):
    current = area_current(pairs)
    targets = [t for _, t in pairs if t is not None]
    target = max(targets) if targets else None
    return {
        "current": current,
        "target": target,
        "gap": max(0, target - current) if current is not None and target is not None else None,
        "progress": progress(pairs),
        "answered": shortfall(pairs)[2],
        "indicators": len(pairs),
    }


def overall_progress(weighted_areas):
    """1 - sum(w * shortfall) / sum(w * targets) over [(weight, pairs)]; None when no pair has both values."""
    short = total = count = 0
    for weight, pairs in weighted_areas:
        s, t, n = shortfall(pairs)
        short, total, count = short + weight * s, total + weight * t, count + n
    return 1 - short / total if count else None


def next_steps(areas, combined):
    """AREAS: [(key area id, weight, [indicator ids])] in model order; COMBINED: {indicator: (c, t)}."""
    order = sorted(range(len(areas)), key=lambda i: (-areas[i][1], i))
    steps = []
    for i in order:
        area_id, _, indicators = areas[i]
        for indicator in indicators:
            c, t = combined[indicator]
            if c is not None and t is not None and c < t:
                steps.append({"indicator": indicator, "keyArea": area_id, "current": c, "next": c + 1})
    return steps


# ---------------------------------------------------------------------------------------------------
# Inputs
# ---------------------------------------------------------------------------------------------------

def load_model(path):
    with open(path, encoding="utf-8") as f:
        exported = json.load(f)
    model = exported.get("model", exported)
    if "levels" not in model or "themes" not in model:
        raise InputProblem(f"{path}: not a strategyc export (no levels or themes)")
    numbers = {}
    for index, level in enumerate(model["levels"]):
        numbers[level["name"].strip().lower()] = index + 1
    priorities = exported.get("priorities") or {}
    areas = []
    for theme in model["themes"]:
        for area in theme["keyAreas"]:
            if area["status"] != "active":
                continue
            indicators = [i["id"] for i in area["indicators"] if i["status"] == "active"]
            weight = (priorities.get(area["id"]) or {}).get("weight", 1)
            areas.append((area["id"], weight, indicators))
    return numbers, areas


def read_return(path, numbers, areas):
    """{indicator: (current, target)} from one return, by the hidden indicator id column."""
    import openpyxl
    name = os.path.basename(path)
    try:
        workbook = openpyxl.load_workbook(path, data_only=True)
    except Exception as error:  # openpyxl raises several kinds for a file that is not a workbook
        raise InputProblem(f"{path}: cannot be read as a workbook ({error})")
    if "Assessment" not in workbook.sheetnames:
        raise InputProblem(f"{name}: no Assessment sheet")
    sheet = workbook["Assessment"]
    header = [cell.value.strip() if isinstance(cell.value, str) else cell.value for cell in sheet[1]]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise InputProblem(f"{name}: the Assessment sheet has no column headed {', '.join(map(repr, missing))}")
    col = {c: header.index(c) + 1 for c in COLUMNS}
    values = {}
    for row in range(2, sheet.max_row + 1):
        indicator = sheet.cell(row=row, column=col["Indicator id"]).value
        if indicator is None or (isinstance(indicator, str) and not indicator.strip()):
            continue
        indicator = str(indicator).strip()
        if indicator in values:
            raise InputProblem(f"{name}: indicator {indicator} appears twice (rows {values[indicator][2]} and {row})")
        cells = [sheet.cell(row=row, column=col[c]) for c in ("Current level", "Target level")]
        current, target = (level_number(cell.value, numbers, f"{name}: Assessment!{cell.coordinate}") for cell in cells)
        values[indicator] = (current, target, row)
    wanted = [i for _, _, indicators in areas for i in indicators]
    absent = [i for i in wanted if i not in values]
    if absent:
        raise InputProblem(f"{name}: no row for {len(absent)} of the model's indicators ({', '.join(absent[:5])})")
    return {i: values[i][:2] for i in wanted}


def read_notes(path):
    """{indicator: (actions, owner, review date)} from one return, as text trimmed; a date cell as YYYY-MM-DD."""
    import datetime
    import openpyxl
    sheet = openpyxl.load_workbook(path, data_only=True)["Assessment"]
    header = [cell.value.strip() if isinstance(cell.value, str) else cell.value for cell in sheet[1]]
    col = {c: header.index(c) + 1 for c in ("Indicator id", "Actions", "Owner", "Review date") if c in header}
    def text(value):
        if isinstance(value, (datetime.datetime, datetime.date)):
            return value.strftime("%Y-%m-%d")
        return "" if value is None else str(value).strip()
    notes = {}
    for row in range(2, sheet.max_row + 1):
        indicator = sheet.cell(row=row, column=col["Indicator id"]).value
        if indicator:
            notes[str(indicator).strip()] = tuple(text(sheet.cell(row=row, column=col[c]).value) if c in col else ""
                                                  for c in ("Actions", "Owner", "Review date"))
    return notes


def distinct(texts):
    seen, kept = set(), []
    for text in texts:
        if text and text not in seen:
            seen.add(text)
            kept.append(text)
    return kept


def expected_action_plan(steps, notes):
    """Each next step with the respondents' distinct actions, owners and review dates, in return order."""
    plan = []
    for step in steps:
        rows = [n[step["indicator"]] for n in notes if step["indicator"] in n]
        plan.append({"indicator": step["indicator"], "keyArea": step["keyArea"], "current": step["current"],
                     "next": step["next"], "actions": distinct([r[0] for r in rows]),
                     "owners": distinct([r[1] for r in rows]), "reviewDates": distinct([r[2] for r in rows])})
    return plan


def compare_action_plan(report, csv_path, plan):
    """report.json's actionPlan and actions.csv against the plan worked out from the returns."""
    import csv
    keys = ("indicator", "keyArea", "current", "next", "actions", "owners", "reviewDates")
    mismatches = []
    actual = [{k: item.get(k) for k in keys} for item in report.get("actionPlan") or []]
    if actual != plan:
        first = next((i for i, (a, w) in enumerate(zip(actual, plan)) if a != w), min(len(actual), len(plan)))
        mismatches.append(f"actionPlan: {len(actual)} entries, expected {len(plan)}; first difference at {first}: "
                          f"{show(actual[first] if first < len(actual) else None)} != {show(plan[first] if first < len(plan) else None)}")
    with open(csv_path, encoding="utf-8", newline="") as f:
        raw = f.read()
    if raw and not raw.endswith("\r\n"):
        mismatches.append("actions.csv: lines do not end with CRLF")
    rows = list(csv.reader(raw.splitlines()))
    header, body = rows[0], rows[1:]
    if len(body) != len(plan):
        mismatches.append(f"actions.csv: {len(body)} rows, expected {len(plan)}")
    for row, wanted in zip(body, plan):
        cells = dict(zip(header, row))
        for field in row:
            if field[:1] in ("=", "+", "-", "@", "\t", "\r"):
                mismatches.append(f"actions.csv: a field a spreadsheet would run as a formula: {show(field)}")
        def unguarded(text):
            return text[1:] if text.startswith("'") and text[1:2] in ("=", "+", "-", "@", "\t", "\r") else text
        for column, key in (("Actions", "actions"), ("Owner", "owners"), ("Review date", "reviewDates")):
            if unguarded(cells.get(column, "")) != "; ".join(wanted[key]):
                mismatches.append(f"actions.csv: {wanted['indicator']} {column} is {show(cells.get(column))}, "
                                  f"expected {show('; '.join(wanted[key]))}")
        if cells.get("Indicator id") != wanted["indicator"] or cells.get("Key area id") != wanted["keyArea"]:
            mismatches.append(f"actions.csv: row for {show(cells.get('Indicator id'))}, expected {wanted['indicator']}")
    return mismatches


def combine(returns, areas):
    indicators = [i for _, _, ids in areas for i in ids]
    return {i: (lower_median([r[i][0] for r in returns]), lower_median([r[i][1] for r in returns]))
            for i in indicators}


def expected_report(areas, returns, previous):
    combined = combine(returns, areas)
    before = combine(previous, areas) if previous else None
    key_areas = []
    for area_id, weight, indicators in areas:
        pairs = [combined[i] for i in indicators]
        figures = {"id": area_id, "weight": weight, **area_figures(pairs)}
        figures["respondents"] = [area_current([r[i] for i in indicators]) for r in returns]
        figures["previousCurrent"] = area_current([before[i] for i in indicators]) if before else None
        figures["previousProgress"] = progress([before[i] for i in indicators]) if before else None
        key_areas.append(figures)
    overall = {
        "progress": overall_progress([(w, [combined[i] for i in ids]) for _, w, ids in areas]),
        "answered": sum(a["answered"] for a in key_areas),
        "indicators": sum(a["indicators"] for a in key_areas),
    }
    return {"format": FORMAT, "keyAreas": key_areas, "overall": overall, "nextSteps": next_steps(areas, combined)}


# ---------------------------------------------------------------------------------------------------
# Comparison
# ---------------------------------------------------------------------------------------------------

def same(actual, wanted):
    """Exact for integers, strings, booleans and null; floats within TOLERANCE; lists element by element."""
    if wanted is None or actual is None:
        return actual is None and wanted is None
    if isinstance(wanted, bool) or isinstance(actual, bool):
        return actual is wanted
    if isinstance(wanted, (int, float)) and isinstance(actual, (int, float)):
        if isinstance(wanted, int) and isinstance(actual, int):
            return actual == wanted
        return math.isfinite(actual) and abs(actual - wanted) <= TOLERANCE
    if isinstance(wanted, list) and isinstance(actual, list):
        return len(actual) == len(wanted) and all(same(a, w) for a, w in zip(actual, wanted))
    return type(actual) is type(wanted) and actual == wanted


def show(value):
    return json.dumps(value)


def compare(report, expected):
    mismatches = []

    def field(where, container, key, wanted):
        if not isinstance(container, dict) or key not in container:
            mismatches.append(f"{where}.{key}: missing from the report (expected {show(wanted)})")
        elif not same(container[key], wanted):
            mismatches.append(f"{where}.{key}: report has {show(container[key])}, expected {show(wanted)}")

    field("report", report, "format", expected["format"])

    areas = report.get("keyAreas") if isinstance(report, dict) else None
    if not isinstance(areas, list):
        mismatches.append("report.keyAreas: missing or not a list")
        areas = []
    ids = [a.get("id") if isinstance(a, dict) else None for a in areas]
    wanted_ids = [a["id"] for a in expected["keyAreas"]]
    if ids != wanted_ids:
        extra = [i for i in ids if i not in wanted_ids]
        lost = [i for i in wanted_ids if i not in ids]
        detail = []
        if lost:
            detail.append(f"missing {', '.join(map(str, lost))}")
        if extra:
            detail.append(f"not in the model {', '.join(map(str, extra))}")
        if not lost and not extra:
            first = next(n for n, (a, w) in enumerate(zip(ids, wanted_ids)) if a != w)
            detail.append(f"out of order from position {first}: {ids[first]} where {wanted_ids[first]} belongs")
        mismatches.append(f"report.keyAreas: not the model's {len(wanted_ids)} active key areas in order ({'; '.join(detail)})")
    by_id = {a.get("id"): a for a in areas if isinstance(a, dict)}
    for wanted in expected["keyAreas"]:
        actual = by_id.get(wanted["id"])
        if actual is None:
            continue
        for key, value in wanted.items():
            if key != "id":
                field(f"keyAreas[{wanted['id']}]", actual, key, value)

    overall = report.get("overall") if isinstance(report, dict) else None
    for key, value in expected["overall"].items():
        field("overall", overall, key, value)

    steps = report.get("nextSteps") if isinstance(report, dict) else None
    if not isinstance(steps, list):
        mismatches.append("report.nextSteps: missing or not a list")
    else:
        keys = ("indicator", "keyArea", "current", "next")
        actual = [tuple(s.get(k) for k in keys) if isinstance(s, dict) else (s,) for s in steps]
        wanted = [tuple(s[k] for k in keys) for s in expected["nextSteps"]]
        if not same([list(a) for a in actual], [list(w) for w in wanted]):
            missing = [w for w in wanted if w not in actual]
            extra = [a for a in actual if a not in wanted]
            for w in missing:
                mismatches.append(f"nextSteps: missing {show(dict(zip(keys, w)))}")
            for a in extra:
                mismatches.append(f"nextSteps: unexpected {show(dict(zip(keys, a)) if len(a) == 4 else a[0])}")
            if not missing and not extra:
                first = next(n for n, (a, w) in enumerate(zip(actual, wanted)) if a != w) if len(actual) == len(wanted) else None
                if first is None:
                    mismatches.append(f"nextSteps: {len(actual)} entries, expected {len(wanted)} (duplicates?)")
                else:
                    mismatches.append(f"nextSteps: out of order at position {first}: report has {show(dict(zip(keys, actual[first])))}, "
                                      f"expected {show(dict(zip(keys, wanted[first])))}")
    return mismatches


# ---------------------------------------------------------------------------------------------------
# Self-test
# ---------------------------------------------------------------------------------------------------

def self_test():
    failures = []

    def check(what, actual, wanted):
        ok = same(actual, wanted)
        print(("ok: " if ok else "FAILED: ") + f"{what} = {show(actual)}" + ("" if ok else f", expected {show(wanted)}"))
        if not ok:
            failures.append(what)

    numbers = {"minimum": 1, "developing": 2, "mature": 3, "leader": 4, "innovator": 5}
    check("lower median of [1, 3, 4, 5]", lower_median([1, 3, 4, 5]), 3)
    check("lower median of [5, 1, 3]", lower_median([5, 1, 3]), 3)
    check("lower median of [2, 2, 1, 1]", lower_median([2, 2, 1, 1]), 1)
    check("lower median of [4, None, 2]", lower_median([4, None, 2]), 2)
    check("lower median of [None, None]", lower_median([None, None]), None)
    check("progress of (2,4), (3,3), (5,4)", progress([(2, 4), (3, 3), (5, 4)]), 1 - 2 / 11)
    check("progress of (2,4), (None,3), (1,None)", progress([(2, 4), (None, 3), (1, None)]), 0.5)
    check("progress with no pair complete", progress([(None, 3), (2, None)]), None)
    check("area current of (2,4), (3,3), (5,4)", area_current([(2, 4), (3, 3), (5, 4)]), 2)
    check("area current with one current missing", area_current([(2, 4), (None, 3)]), None)
    check("area figures of (3,4), (4,2), (2,None)", area_figures([(3, 4), (4, 2), (2, None)]),
          {"current": 2, "target": 4, "gap": 2, "progress": 1 - 1 / 6, "answered": 2, "indicators": 3})
    check("area figures with the target met", area_figures([(4, 3), (5, 3)])["gap"], 0)
    check("area figures with no target", area_figures([(4, None)])["target"], None)
    check("weighted overall: weight 2 on (1,3), weight 1 on (2,2)",
          overall_progress([(2, [(1, 3)]), (1, [(2, 2)])]), 1 - 4 / 8)
    check("weighted overall with nothing complete", overall_progress([(2, [(None, 3)])]), None)
    check("level ' mature ' (trimmed, any case)", level_number(" MaTure ", numbers, "test"), 3)
    check("level '' is unanswered", level_number("  ", numbers, "test"), None)
    try:
        level_number("expert", numbers, "test")
        check("level 'expert' is refused", "accepted", "refused")
    except InputProblem:
        check("level 'expert' is refused", "refused", "refused")
    areas = [("a", 1, ["a1", "a2"]), ("b", 3, ["b1"]), ("c", 3, ["c1"])]
    combined = {"a1": (1, 2), "a2": (3, 3), "b1": (2, 4), "c1": (None, 5)}
    check("next steps: weight first, then model order, only where current < target",
          next_steps(areas, combined), [{"indicator": "b1", "keyArea": "b", "current": 2, "next": 3},
                                        {"indicator": "a1", "keyArea": "a", "current": 1, "next": 2}])
    returns = [{"a1": (1, 3), "a2": (2, None)}, {"a1": (3, 5), "a2": (None, None)}, {"a1": (None, 4), "a2": (4, 2)}]
    check("combining three returns", combine(returns, [("a", 1, ["a1", "a2"])]), {"a1": (1, 4), "a2": (2, 2)})
    check("same: 1e-10 apart", same(0.1 + 1e-10, 0.1), True)
    check("same: 1e-8 apart", same(0.1 + 1e-8, 0.1), False)
    check("same: null is not 0", same(0, None), False)
    print(f"self-test: {len(failures)} failures")
    return 1 if failures else 0


def parse(argv):
    positional, returns, previous, current = [], [], [], None
    for argument in argv:
        if argument == "--returns":
            current = returns
        elif argument == "--previous":
            current = previous
        elif argument.startswith("-"):
            raise InputProblem(f"unknown option {argument}")
        elif current is None:
            positional.append(argument)
        else:
            current.append(argument)
    if len(positional) != 2 or not returns:
        raise InputProblem("usage: check_report.py REPORT_JSON MODEL_JSON --returns R1.xlsx [...] [--previous P1.xlsx ...]")
    return positional[0], positional[1], returns, previous


def main(argv):
    if argv == ["--self-test"]:
        return self_test()
    try:
        report_path, model_path, return_paths, previous_paths = parse(argv)
        numbers, areas = load_model(model_path)
        returns = [read_return(p, numbers, areas) for p in return_paths]
        previous = [read_return(p, numbers, areas) for p in previous_paths]
        with open(report_path, encoding="utf-8") as f:
            report = json.load(f)
    except (InputProblem, OSError, json.JSONDecodeError) as error:
        print(f"check_report: error: {error}", file=sys.stderr)
        return 2
    expected = expected_report(areas, returns, previous)
    mismatches = compare(report, expected)
    plan = expected_action_plan(expected["nextSteps"], [read_notes(p) for p in return_paths])
    mismatches += compare_action_plan(report, os.path.join(os.path.dirname(report_path), "actions.csv"), plan)
    for mismatch in mismatches:
        print(f"MISMATCH: {mismatch}")
    overall = expected["overall"]
    if mismatches:
        print(f"check_report: {len(mismatches)} mismatches between {report_path} and the figures computed from "
              f"{len(returns)} returns", file=sys.stderr)
        return 1
    shown = "null" if overall["progress"] is None else f"{overall['progress']:.4f}"
    print(f"check_report: {report_path} matches: {len(areas)} key areas, {overall['answered']} of "
          f"{overall['indicators']} indicators answered, overall progress {shown}, "
          f"{len(expected['nextSteps'])} next steps (the action plan and actions.csv with "
          f"{sum(len(p['owners']) for p in plan)} owners), from {len(returns)} returns"
          + (f" and {len(previous)} previous" if previous else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
