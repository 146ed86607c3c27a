#!/usr/bin/env python3
"""Makes SYNTHETIC completed assessment returns, many of them, for tests and the peer-benchmark speed measurement.

usage: make_synthetic_returns.py STRATEGYC OUTDIR [--seed 7] [--councils 350] [--rounds 2024,2025,2026]
                                 [--plan PLAN.json] [--quiet]

Run from the repository root (STRATEGYC runs there whatever the current folder). It writes the blank national
workbook (`STRATEGYC workbook`), the blank Greener North one (`STRATEGYC workbook --variant
Variants/greener-north`) and both models (`STRATEGYC export`) to a temporary folder, then writes into OUTDIR,
which must not exist or must be empty (nothing is ever deleted or replaced there):

  <round>/<council-slug>-<respondent-slug>.xlsx   one completed return per respondent and round
  truth.json                                      what each return says, one entry a line:
      {"file": "2026/synthetic-council-001-head-of-procurement.xlsx", "variant": null or "greener-north",
       "about": {About defined name: the answer as written, the date as YYYY-MM-DD, the round as a string},
       "answers": {indicator id: [current level, target level], a level name or null for an empty cell},
       "local": [the indicator ids that are the variant's own, not national]}

EVERY COUNCIL IS FICTIONAL: "Synthetic Council 001", "Synthetic Council 002", ... Nothing about a real council
is invented; the types and regions are only the choices the workbook itself offers.

The random returns (without --plan) follow these patterns, all drawn from random.Random(--seed):
- each council has a type and a region from the workbook's Lists sheet, kept in every round, drawn with uneven
  weights: the regions' weights are seeded, so some regions are much larger than others, and "Combined
  authority" is rare; with 100 councils or more every region has at least 6;
- about 40% of the councils of the North West fill in the Greener North workbook (every round), so they also
  answer its own key area, greener-north-net-zero, and often keep its default targets;
- a council answers the first round with probability 0.7 and each later one with 0.85; a council-round has
  1 respondent, 2 about one time in four and 3 about one time in twelve, with distinct roles; about a quarter
  of the council-rounds are externally validated (every respondent says so), the rest self-assessed; each
  respondent gives a day in March of the round's year;
- each council has a latent maturity, mostly between Developing and Mature, which rises a little on average
  from one round to the next (now and then it falls), with lasting strengths and weaknesses by key area and
  indicator; a current level varies around it, and a target is mostly at or above the current level
  (sometimes below: already met); respondents of one council differ by at most one level on most
  indicators; about 3% of the level cells are left empty.

--plan PLAN.json replaces the random councils with an explicit list for adversarial tests, one return per entry:
  [{"council": "...", "type": "...", "region": "...", "round": "2026", "role": "...", "department": "...",
    "validation": "Self-assessed", "date": "2026-03-10", "variant": null or "greener-north",
    "current": "Mature" or {"key-area-id": "Mature", ...}, "target": "Leader" or {...}}]
Every indicator of a key area gets its key area's level; a plain string applies to every key area; a key
area missing from a dict, and a missing or null "current" or "target", leaves its cells empty (a variant's
default target too). Values are written exactly as given (an off-list type or a misspelt level included);
a missing About answer leaves its cell empty. "council" and "round" are required.

How it is written: each blank workbook is loaded with openpyxl once; for each return the answer cells are
filled, the workbook is saved and the cells are put back as the blank had them (about half the time of
loading the blank again for every file; the saving itself, openpyxl serialising some 1,700 cells, is what
is left). A first save of each blank is thrown away, because openpyxl's first save changes the workbook a
little, so a return is the same whether it is written alone or after a thousand others. Columns are found
by their header in row 1, rows by the hidden Indicator id column, the About answers by their defined names
(the date as a real date, the round as a number), as make_example_returns.py does, whose reader of the
blank workbook this script shares. Every return carries fixed document properties (created and modified on
its assessment date, last modified by its respondent) and fixed zip-entry dates, so the same arguments give
byte-identical files with the same strategyc, Python and openpyxl (openpyxl serialises differently when
lxml is installed). The total time and the time per file are printed at the end unless --quiet.
"""
import argparse
import datetime
import io
import json
import os
import random
import re
import shutil
import sys
import tempfile
import time
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import make_example_returns as examples  # noqa: E402  (run_strategyc, read_blank, pick, ABOUT_NAMES)

VARIANT = "greener-north"
VARIANT_FOLDER = "Variants/greener-north"
VARIANT_REGION = "North West"
VARIANT_SHARE = 0.4
COUNCIL = "Synthetic Council {:0{width}d}"

# Organisation types: relative weights by name; a type not named here weighs 3.
TYPE_WEIGHTS = {"District council": 35, "Unitary authority": 15, "Metropolitan borough council": 10,
                "London borough council": 9, "County council": 6, "Other": 3, "Combined authority": 0.8}
MINIMUM_PER_REGION = 6
FIRST_ROUND_CHANCE = 0.7
LATER_ROUND_CHANCE = 0.85
VALIDATED_CHANCE = 0.25
EMPTY_CHANCE = 0.03
DEFAULT_KEPT_CHANCE = 0.7
# (role, department, weight): who answers for a council.
ROLES = [("Head of procurement", "Procurement", 10), ("Procurement manager", "Procurement", 4),
         ("Finance business partner", "Finance", 4), ("Service commissioning lead", "Adult social care", 3),
         ("Commissioning manager", "Children's services", 2), ("Contracts manager", "Highways", 2),
         ("Economic development officer", "Economic development", 1)]
PLAN_KEYS = {"council", "type", "region", "round", "role", "department", "validation", "date", "variant",
             "current", "target"}


def fail(message):
    print(f"make_synthetic_returns: error: {message}", file=sys.stderr)
    sys.exit(1)


def valid_year(year):
    """A year a return can carry: zip entries cannot be dated before 1980."""
    return 1980 <= year <= 9999


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", str(text).lower()).strip("-") or "respondent"


# ---------------------------------------------------------------------------------------------------
# The blank workbooks, loaded once and filled again and again
# ---------------------------------------------------------------------------------------------------

class FixedDateZip(zipfile.ZipFile):
    """A zip whose entries all carry one date and one mode, whatever openpyxl writes them from (strings, or
    the temporary files it writes worksheets into), so a rerun gives the same bytes. Compressed at level 1:
    the time goes on openpyxl's serialising, not on squeezing the last bytes."""

    def __init__(self, path, moment):
        super().__init__(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
        self.moment = moment.timetuple()[:6]

    def writestr(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None):
        if not isinstance(zinfo_or_arcname, zipfile.ZipInfo):
            zinfo_or_arcname = zipfile.ZipInfo(zinfo_or_arcname, date_time=self.moment)
            zinfo_or_arcname.compress_type = zipfile.ZIP_DEFLATED
            zinfo_or_arcname.external_attr = 0o600 << 16
        super().writestr(zinfo_or_arcname, data, compress_type, 1 if compresslevel is None else compresslevel)

    def write(self, filename, arcname=None, compress_type=None, compresslevel=None):
        with open(filename, "rb") as source:
            self.writestr(arcname or os.path.basename(filename), source.read())


class Blank:
    """One blank workbook, loaded once: its rows, lists and defaults, and the answer cells themselves."""

    def __init__(self, path, model, national_ids):
        import openpyxl
        from openpyxl.writer.excel import ExcelWriter
        self.writer = ExcelWriter
        info = examples.read_blank(path, model)
        self.rows = info["rows"]                       # (key area id, indicator id, theme kind), in order
        self.indicators = [indicator for _, indicator, _ in self.rows]
        self.defaults = info["defaults"]               # indicator id: the blank's target (a variant's default)
        self.lists = info["lists"]
        self.local = [indicator for indicator in self.indicators if indicator not in national_ids]
        self.areas = {}
        for area, indicator, _ in self.rows:
            self.areas.setdefault(area, []).append(indicator)
        self.workbook = openpyxl.load_workbook(path)
        sheet = self.workbook["Assessment"]
        self.current = {i: sheet.cell(row=info["row_of"][i], column=info["columns"]["Current level"])
                        for i in self.indicators}
        self.target = {i: sheet.cell(row=info["row_of"][i], column=info["columns"]["Target level"])
                       for i in self.indicators}
        self.about = {name: self.workbook[sheet_name][cell] for name, (sheet_name, cell) in info["about"].items()}
        # Every answer cell exists from here on (the cell calls above made any the blank lacked), so what is
        # written for one return never depends on the returns written before it.
        self.cells = list(self.current.values()) + list(self.target.values()) + list(self.about.values())
        self.originals = [cell.value for cell in self.cells]
        # openpyxl's first save of a loaded workbook changes it (each sheet's format gains outlineLevelCol),
        # so a first save that is thrown away makes every return the same as when it is written alone.
        self.writer(self.workbook, zipfile.ZipFile(io.BytesIO(), "w")).save()

    def write(self, path, about, answers, moment, author):
        """Fills the answers in, saves the workbook to PATH and puts the blank's values back."""
        for name, value in about.items():
            self.about[name].value = value  # a date keeps the cell's own YYYY-MM-DD format
        for indicator, (current, target) in answers.items():
            self.current[indicator].value = current
            self.target[indicator].value = target
        properties = self.workbook.properties
        properties.created = properties.modified = moment
        properties.lastModifiedBy = author
        try:
            self.writer(self.workbook, FixedDateZip(path, moment)).save()
        finally:
            for cell, value in zip(self.cells, self.originals):
                cell.value = value


# ---------------------------------------------------------------------------------------------------
# Random councils and their answers
# ---------------------------------------------------------------------------------------------------

def clamp(value, top):
    return max(0, min(top, value))


def make_councils(rng, count, blanks, level_count):
    types = blanks[None].lists["OrganisationTypes"]
    regions = blanks[None].lists["Regions"]
    if not types or not regions:
        fail("the workbook's organisation type or region list is empty")
    type_weights = [TYPE_WEIGHTS.get(name, 3) for name in types]
    region_weights = [rng.lognormvariate(0, 0.75) for _ in regions]
    width = max(3, len(str(count)))
    councils = []
    for number in range(1, count + 1):
        councils.append({
            "name": COUNCIL.format(number, width=width),
            "type": rng.choices(types, weights=type_weights)[0],
            "region": rng.choices(regions, weights=region_weights)[0],
            "latent": clamp(rng.gauss(1.5, 0.6), level_count - 1),
            "area": {}, "indicator": {},  # lasting offsets, drawn when first needed
            "variant": None,
        })
    if count >= 100:
        members = {region: [c for c in councils if c["region"] == region] for region in regions}
        for region in regions:
            while len(members[region]) < MINIMUM_PER_REGION:
                largest = max(regions, key=lambda r: len(members[r]))
                moved = members[largest].pop(rng.randrange(len(members[largest])))
                moved["region"] = region
                members[region].append(moved)
    if VARIANT_REGION not in regions:
        fail(f"the workbook's region list has no {VARIANT_REGION!r}, whose councils fill in the {VARIANT} workbook")
    region_members = [c for c in councils if c["region"] == VARIANT_REGION]
    for council in rng.sample(region_members, round(VARIANT_SHARE * len(region_members))):
        council["variant"] = VARIANT
    return councils


def respondents(rng, count):
    pool = list(ROLES)
    chosen = []
    for _ in range(count):
        index = rng.choices(range(len(pool)), weights=[weight for _, _, weight in pool])[0]
        role, department, _ = pool.pop(index)
        chosen.append((role, department))
    return chosen


def council_round_answers(rng, council, blank, levels, people):
    """[{indicator: [current, target]}] for each of PEOPLE respondents of one council in one round."""
    top = len(levels) - 1
    answers = [{} for _ in range(people)]
    for area, indicator, _ in blank.rows:
        area_offset = council["area"].setdefault(area, rng.gauss(0, 0.45))
        indicator_offset = council["indicator"].setdefault(indicator, rng.gauss(0, 0.35))
        current = clamp(round(council["latent"] + area_offset + indicator_offset + rng.gauss(0, 0.35)), top)
        target = clamp(current + rng.choices([-1, 0, 1, 2, 3], weights=[6, 22, 47, 20, 5])[0], top)
        default = blank.defaults[indicator]
        for person, answer in enumerate(answers):
            shift = 0 if person == 0 else rng.choices([0, -1, 1, -2, 2], weights=[70, 13, 13, 2, 2])[0]
            own_current = levels[clamp(current + shift, top)]
            if default is not None and rng.random() < DEFAULT_KEPT_CHANCE:
                own_target = default
            else:
                own_target = levels[clamp(target + rng.choices([0, -1, 1], weights=[85, 7, 8])[0], top)]
            answer[indicator] = [None if rng.random() < EMPTY_CHANCE else own_current,
                                 None if rng.random() < EMPTY_CHANCE else own_target]
    return answers


def random_returns(rng, count, rounds, blanks, levels):
    councils = make_councils(rng, count, blanks, len(levels))
    lists = blanks[None].lists
    self_assessed = examples.pick(lists["Validations"], ["Self-assessed", "Self"], "validation")
    validated = examples.pick(lists["Validations"], ["Externally validated", "External"], "validation")
    returns = []
    for index, year in enumerate(rounds):
        for council in councils:
            if index > 0:
                council["latent"] = clamp(council["latent"] + rng.gauss(0.2, 0.3), len(levels) - 1)
            if rng.random() >= (FIRST_ROUND_CHANCE if index == 0 else LATER_ROUND_CHANCE):
                continue
            validation = validated if rng.random() < VALIDATED_CHANCE else self_assessed
            draw = rng.random()
            people = respondents(rng, 3 if draw < 0.08 else 2 if draw < 0.33 else 1)
            blank = blanks[council["variant"]]
            answers = council_round_answers(rng, council, blank, levels, len(people))
            for (role, department), answer in zip(people, answers):
                returns.append({
                    "file": f"{year}/{slug(council['name'])}-{slug(role)}.xlsx",
                    "variant": council["variant"],
                    "about": {"AboutOrganisation": council["name"], "AboutOrganisationType": council["type"],
                              "AboutRegion": council["region"], "AboutRespondentRole": role,
                              "AboutRespondentDepartment": department,
                              "AboutAssessmentDate": datetime.date(year, 3, rng.randint(1, 31)),
                              "AboutRound": year, "AboutValidation": validation},
                    "answers": answer,
                })
    return returns


# ---------------------------------------------------------------------------------------------------
# An explicit plan
# ---------------------------------------------------------------------------------------------------

def plan_levels(spec, blank, what, where):
    """{indicator: level as given or None} from a plain level, a {key area: level} dict, or null."""
    if spec is None or isinstance(spec, str):
        return {indicator: spec for indicator in blank.indicators}
    if not isinstance(spec, dict):
        fail(f"{where}: {what} must be a level name, an object of key area ids, or null")
    unknown = sorted(set(spec) - set(blank.areas))
    if unknown:
        fail(f"{where}: {what} names key areas the workbook does not have: {', '.join(unknown)}")
    levels = {indicator: None for indicator in blank.indicators}
    for area, level in spec.items():
        if level is not None and not isinstance(level, str):
            fail(f"{where}: {what}[{area!r}] must be a level name or null")
        for indicator in blank.areas[area]:
            levels[indicator] = level
    return levels


def plan_returns(path, blanks):
    try:
        with open(path, encoding="utf-8") as f:
            plan = json.load(f)
    except (OSError, ValueError) as error:
        fail(f"cannot read the plan {path}: {error}")
    if not isinstance(plan, list):
        fail(f"{path}: the plan must be a list of returns")
    returns, taken = [], set()
    for number, entry in enumerate(plan, 1):
        where = f"{path}: entry {number}"
        if not isinstance(entry, dict):
            fail(f"{where} is not an object")
        unknown = sorted(set(entry) - PLAN_KEYS)
        if unknown:
            fail(f"{where} has unknown keys {', '.join(unknown)}; the keys are {', '.join(sorted(PLAN_KEYS))}")
        if not entry.get("council") or not str(entry.get("round", "")).isdigit() or \
                not valid_year(int(entry["round"])):
            fail(f"{where} needs a council and a round (a year from 1980 on, such as \"2026\")")
        if entry.get("variant") not in (None, VARIANT):
            fail(f"{where}: the variant must be null or {VARIANT!r}")
        for key in ("council", "type", "region", "role", "department", "validation", "date"):
            if entry.get(key) is not None and not isinstance(entry[key], str):
                fail(f"{where}: {key} must be a string or null")
        try:
            date = datetime.date.fromisoformat(entry["date"]) if entry.get("date") else None
        except ValueError:
            fail(f"{where}: the date {entry['date']!r} is not written YYYY-MM-DD")
        if date and not valid_year(date.year):
            fail(f"{where}: the date must be from 1980 on (a zip entry cannot be older)")
        year = int(entry["round"])
        blank = blanks[entry.get("variant")]
        current = plan_levels(entry.get("current"), blank, "current", where)
        target = plan_levels(entry.get("target"), blank, "target", where)
        stem = f"{year}/{slug(entry['council'])}-{slug(entry.get('role') or 'respondent')}"
        name, copy = f"{stem}.xlsx", 1
        while name in taken:
            copy += 1
            name = f"{stem}-{copy}.xlsx"
        taken.add(name)
        returns.append({
            "file": name,
            "variant": entry.get("variant"),
            "about": {"AboutOrganisation": entry["council"], "AboutOrganisationType": entry.get("type"),
                      "AboutRegion": entry.get("region"), "AboutRespondentRole": entry.get("role"),
                      "AboutRespondentDepartment": entry.get("department"), "AboutAssessmentDate": date,
                      "AboutRound": year, "AboutValidation": entry.get("validation")},
            "answers": {indicator: [current[indicator], target[indicator]] for indicator in blank.indicators},
        })
    return returns


# ---------------------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------------------

def truth_entry(spec, blank):
    about = {}
    for name in examples.ABOUT_NAMES:
        value = spec["about"].get(name)
        about[name] = value.isoformat() if isinstance(value, datetime.date) else \
            str(value) if isinstance(value, int) else value
    return {"file": spec["file"], "variant": spec["variant"], "about": about, "answers": spec["answers"],
            "local": blank.local}


def check_outdir(outdir):
    if os.path.lexists(outdir) and (not os.path.isdir(outdir) or os.path.islink(outdir)):
        fail(f"{outdir} exists and is not a folder; name a new or empty folder")
    if os.path.isdir(outdir) and os.listdir(outdir):
        fail(f"{outdir} is not empty; name a new or empty folder (nothing is deleted or replaced)")


def parse_arguments(argv):
    parser = argparse.ArgumentParser(
        prog="make_synthetic_returns.py",
        description="Makes synthetic completed assessment returns (fictional councils) and truth.json.")
    parser.add_argument("strategyc", help="the strategyc executable")
    parser.add_argument("outdir", help="a new or empty folder for the returns and truth.json")
    parser.add_argument("--seed", type=int, default=7, help="the seed of random.Random (default 7)")
    parser.add_argument("--councils", type=int, default=350, help="how many fictional councils (default 350)")
    parser.add_argument("--rounds", default="2024,2025,2026", help="the rounds, earliest first (default 2024,2025,2026)")
    parser.add_argument("--plan", help="a JSON list of returns to write instead of random councils")
    parser.add_argument("--quiet", action="store_true", help="print nothing but errors")
    arguments = parser.parse_args(argv)
    try:
        arguments.rounds = [int(year) for year in arguments.rounds.split(",")]
    except ValueError:
        parser.error(f"--rounds {arguments.rounds!r} is not a comma-separated list of years")
    if any(not valid_year(year) for year in arguments.rounds) or \
            any(a >= b for a, b in zip(arguments.rounds, arguments.rounds[1:])):
        parser.error("--rounds must be years from 1980 on, each later than the one before")
    if arguments.councils < 1:
        parser.error("--councils must be at least 1")
    return arguments


def main(argv):
    started = time.perf_counter()
    arguments = parse_arguments(argv)
    strategyc, outdir = os.path.abspath(arguments.strategyc), os.path.abspath(arguments.outdir)
    if not os.access(strategyc, os.X_OK):
        fail(f"{arguments.strategyc} is not an executable strategyc")
    check_outdir(outdir)
    workdir = tempfile.mkdtemp(prefix="strategyc-synthetic-")
    try:
        models, blanks = {}, {}
        for variant, extra in ((None, []), (VARIANT, ["--variant", VARIANT_FOLDER])):
            stem = os.path.join(workdir, variant or "national")
            examples.run_strategyc(strategyc, ROOT, "workbook", *extra, "-o", stem + ".xlsx")
            examples.run_strategyc(strategyc, ROOT, "export", *extra, "-o", stem + ".json")
            with open(stem + ".json", encoding="utf-8") as f:
                exported = json.load(f)
            models[variant] = exported.get("model", exported)
        national_ids = {indicator for _, indicator, _ in examples.active_rows(models[None])}
        for variant, model in models.items():
            blanks[variant] = Blank(os.path.join(workdir, (variant or "national") + ".xlsx"), model, national_ids)
        levels = [level["name"] for level in models[None]["levels"]]
        for variant, blank in blanks.items():
            if blank.lists["Levels"] != levels:
                fail(f"the {variant or 'national'} workbook's Levels list {blank.lists['Levels']} differs from {levels}")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    if arguments.plan:
        returns = plan_returns(arguments.plan, blanks)
    else:
        returns = random_returns(random.Random(arguments.seed), arguments.councils, arguments.rounds, blanks, levels)
    prepared = time.perf_counter()

    os.makedirs(outdir, exist_ok=True)
    truth = []
    for spec in returns:
        blank = blanks[spec["variant"]]
        path = os.path.join(outdir, spec["file"])
        os.makedirs(os.path.dirname(path), exist_ok=True)
        about = spec["about"]
        date = about["AboutAssessmentDate"] or datetime.date(about["AboutRound"], 3, 1)
        author = ", ".join(str(part) for part in (about["AboutRespondentRole"], about["AboutOrganisation"]) if part)
        blank.write(path, about, spec["answers"], datetime.datetime.combine(date, datetime.time()), author)
        truth.append(truth_entry(spec, blank))
    with open(os.path.join(outdir, "truth.json"), "w", encoding="utf-8") as f:
        f.write("[\n" + ",\n".join(json.dumps(entry, ensure_ascii=False) for entry in truth) + "\n]\n")
    finished = time.perf_counter()

    if not arguments.quiet:
        variant_count = sum(1 for spec in returns if spec["variant"])
        rounds = sorted({spec["about"]["AboutRound"] for spec in returns})
        councils = len({spec["about"]["AboutOrganisation"] for spec in returns})
        writing = finished - prepared
        print(f"wrote {len(returns)} returns ({len(returns) - variant_count} national, {variant_count} {VARIANT}) "
              f"of {councils} councils in rounds {', '.join(map(str, rounds))}, and truth.json, into {outdir}")
        print(f"time: {finished - started:.2f} s in all ({prepared - started:.2f} s preparing: strategyc, loading "
              f"the blanks, drawing the answers; {writing:.2f} s writing); "
              f"{(finished - started) / max(1, len(returns)) * 1000:.1f} ms a file in all, "
              f"{writing / max(1, len(returns)) * 1000:.1f} ms a file writing")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
