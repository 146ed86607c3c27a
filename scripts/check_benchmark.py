#!/usr/bin/env python3
"""Checks a peer benchmark against figures worked out again, independently, from the synthetic returns'
truth file (what make_synthetic_returns.py put in each workbook), and checks its disclosure control.

usage: check_benchmark.py BENCHMARK_DIR MODEL_JSON TRUTH_JSON --round R [--threshold 5]
                          [--leave-out-type "Combined authority"]

Nothing here uses strategyc's code: councils are combined (respondents by the lower median of their
levels, a key area's level the lowest of its indicators' once all are rated, its target the highest),
scored (progress = 1 - sum(max(0, t - c)) / sum(t)) and counted here, from the truth file and the
national model (model.json from `strategyc export`); a variant's own indicators are left out.

Then, for every table of benchmark.json (every key area's levels and targets, every trend), with B the
threshold (the rounding base):
- each published count is a multiple of B from 0 to the largest multiple of B its group's size allows;
  each group's size is exact; every group has at least B councils;
- the shift is there and rare: of the sets of councils published, those published a whole step of B or
  more from their true count (a shift the cap and 0 did not undo) are between 2% and 20% (strategyc
  shifts 2 in 11 of all sets, fewer show: a count of 0 shifted down stays 0), and the others are within
  B - 1 of it;
- the same set of councils is published as the same figure in every table of every measure (the cell
  key's consistency, checked from the truth's councils, not from strategyc's keys);
- each published median is a band of a tenth that holds the true median of at least 2B councils, and
  is null otherwise;
- every regional report's figures.json repeats the national report's rows for its region exactly;
- figures.csv publishes only multiples of B as counts;
- every row of every table of index.html, and of benchmark.md, shows exactly what figures.csv says
  (national and regional reports alike).
Exit status 1 with every problem listed, else 0.
"""
import argparse
import csv
import html.parser
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import synthetic_truth as truth_figures  # noqa: E402

problems = []


def problem(text):
    problems.append(text)


def median(values):
    values = sorted(values)
    n = len(values)
    if n == 0:
        return None
    return values[n // 2] if n % 2 else (values[n // 2 - 1] + values[n // 2]) / 2


class Tables(html.parser.HTMLParser):
    """Every table of a page: its id (from its caption's id), caption and rows of cell texts."""

    def __init__(self):
        super().__init__()
        self.tables, self.text, self.cell = [], None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "caption":
            self.tables.append({"id": (attrs.get("id") or "").removesuffix("-caption"), "caption": "", "rows": []})
            self.text = "caption"
        elif tag == "tr" and self.tables:
            self.tables[-1]["rows"].append([])
        elif tag in ("td", "th") and self.tables and self.tables[-1]["rows"]:
            self.cell = ""

    def handle_endtag(self, tag):
        if tag == "caption":
            self.text = None
        elif tag in ("td", "th") and self.cell is not None:
            self.tables[-1]["rows"][-1].append(self.cell.strip())
            self.cell = None

    def handle_data(self, data):
        if self.text == "caption":
            self.tables[-1]["caption"] += data
        elif self.cell is not None:
            self.cell += data


def markdown_tables(text):
    """Every table of benchmark.md: the caption line before it and its rows (header row first)."""
    tables, lines = [], text.split("\n")
    for index, line in enumerate(lines):
        if line.startswith("| Councils in |") and index >= 2:
            rows, cursor = [], index
            while cursor < len(lines) and lines[cursor].startswith("|"):
                if not lines[cursor].startswith("|---"):
                    rows.append([cell.strip() for cell in lines[cursor].strip().strip("|").split("|")])
                cursor += 1
            tables.append({"caption": lines[index - 2].strip(), "rows": rows})
    return tables


def check_pages(folder, csv_path, problem):
    """Every row of the page's count tables shows exactly figures.csv's figures, and benchmark.md the same
    tables as index.html (the national trends table once showed the last region's row)."""
    import html as html_module
    with open(csv_path, newline="") as handle:
        figures = {(r["measure"], r["key_area"], r["earlier_round"], r["grouping"], r["group"], r["category"]): r["value"]
                   for r in csv.DictReader(handle)}
    page = Tables()
    page.feed(open(os.path.join(folder, "index.html"), encoding="utf-8").read())
    markdown = markdown_tables(open(os.path.join(folder, "benchmark.md"), encoding="utf-8").read())
    if len(markdown) != len(page.tables):
        problem(f"{folder}: index.html has {len(page.tables)} tables, benchmark.md {len(markdown)}")
    for html_table, md_table in zip(page.tables, markdown):
        if html_table["caption"].strip() != html_module.unescape(md_table["caption"]) or [
                [html_module.unescape(c) for c in row] for row in md_table["rows"]] != html_table["rows"]:
            problem(f"{folder}: the table '{html_table['caption']}' differs between index.html and benchmark.md")
    own = os.path.join(folder, "benchmark.json")
    document = json.load(open(own if os.path.exists(own) else os.path.join(folder, "figures.json")))
    titles = {area["title"]: area["id"] for area in document["keyAreas"]}
    groupings = {"Region": "region", "Type": "type", "Basis": "basis"}
    scope = document.get("scope", "national")
    checked = 0
    for table in page.tables:
        kind, _, rest = table["id"].partition("-")
        if kind not in ("levels", "targets", "cohort", "change") or not table["rows"]:
            continue
        header = table["rows"][0][1:]
        for row in table["rows"][1:]:
            label, cells = row[0], row[1:]
            if kind == "change":
                measure, area, earlier = "change", titles.get(label, "?"), rest
                grouping, group = ("national", "All councils") if scope == "national" else ("region", scope)
            else:
                measure = {"levels": "level", "targets": "target", "cohort": "cohort"}[kind]
                area, earlier = ("", rest) if kind == "cohort" else (rest, "")
                name, _, value = label.partition(": ")
                grouping, group = (groupings[name], value) if value else ("national", label)
            for category, text in zip(header, cells):
                wanted = figures.get((measure, area, earlier, grouping, group, category))
                if wanted is None:
                    continue
                checked += 1
                if text != (wanted if wanted != "" else "withheld"):
                    problem(f"{folder}: table {table['id']} row '{label}' {category} reads '{text}'; figures.csv says '{wanted}'")
    if checked == 0:
        problem(f"{folder}: no table cell of index.html could be matched with figures.csv")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("benchmark")
    parser.add_argument("model")
    parser.add_argument("truth")
    parser.add_argument("--round", required=True)
    parser.add_argument("--costs", action="store_true", help="also print what the protection costs (level and target cells)")
    parser.add_argument("--threshold", type=int, default=5)
    parser.add_argument("--leave-out-type", action="append", default=None)
    args = parser.parse_args()
    left_out = set(args.leave_out_type if args.leave_out_type is not None else ["Combined authority"])
    k = args.threshold

    levels, areas = truth_figures.load_model(args.model)
    # Councils of every round, from the truth file.
    rounds = truth_figures.figures_by_round(args.truth, levels, areas, left_out)
    now = rounds.get(args.round, {})

    document = json.load(open(os.path.join(args.benchmark, "benchmark.json")))
    if document.get("format") != "strategyc-benchmark-3":
        problem("benchmark.json is not a strategyc-benchmark-3 document")
    if document.get("rounding", {}).get("base") != k:
        problem(f"benchmark.json rounds to {document.get('rounding')}, not to the threshold {k}")
    if document.get("councils") != (len(now) if len(now) >= k else 0):
        problem(f"benchmark.json counts {document.get('councils')} councils; the truth has {len(now)}")

    # Each grouping's group of each council, from the published group members.
    groupings = {g["name"]: g["groups"] for g in document["groupings"]}
    attribute = {"region": "region", "type": "type", "basis": "basis"}

    def group_of(grouping, figures):
        if grouping == "national":
            return "All councils"
        for group in groupings[grouping]:
            if figures[attribute[grouping]] in group["members"]:
                return group["label"]
        problem(f"{grouping}: no published group holds {figures[attribute[grouping]]}")
        return None

    for grouping, groups in groupings.items():
        for group in groups:
            size = sum(1 for f in now.values() if group_of(grouping, f) == group["label"])
            if size < k and len(now) >= k:
                problem(f"{grouping} group {group['label']} has {size} councils, fewer than {k}")

    published_by_members = {}
    moved = []  # per set of councils: published a step or more from its true count
    errors = []  # |published - true| of every level and target cell of every group (what docs/benchmark.md costs)

    def check_count(name, published, members, size):
        actual, cap = len(members), size - size % k
        if published is None:
            if len(now) >= k:
                problem(f"{name}: null, but round {args.round} has {len(now)} councils")
            return
        if published % k or published < 0:
            problem(f"{name}: published {published}, truly {actual}: not a multiple of {k} from 0")
        if published > cap:
            problem(f"{name}: published {published}, more than its group of {size} allows ({cap})")
        # The same councils are rounded alike wherever they are counted; only a group's cap lowers a figure.
        earlier = published_by_members.setdefault(frozenset(members), (published, name, cap))
        if earlier[1] == name:
            moved.append(abs(published - actual) >= k)
        if name.startswith(("levels ", "targets ")) and name.split(" ")[3] != "national":  # rows, not totals
            errors.append(abs(published - actual))
        if earlier[0] != published and not (published < earlier[0] and published == cap) \
                and not (earlier[0] < published and earlier[0] == earlier[2]):
            problem(f"{name}: the same {actual} councils are published as {published} here and {earlier[0]} in {earlier[1]}")

    def check_family(name, family, category_of, councils):
        categories = family["categories"]
        for table in family["tables"]:
            grouping = table["grouping"]
            members = {}
            for council, figures in councils.items():
                group = group_of(grouping, figures)
                members.setdefault((group, category_of(council, figures)), set()).add(council)
            for row in table["rows"]:
                size = sum(len(members.get((row["group"], index), ())) for index in range(len(categories)))
                for index, published in enumerate(row["counts"]):
                    check_count(f"{name} {grouping} {row['group']} {categories[index]}", published,
                                members.get((row["group"], index), set()), size)
                if row["size"] != (size if len(now) >= k else None):
                    problem(f"{name} {grouping} {row['group']}: size {row['size']}, truly {size}")
            for index, published in enumerate(table["totals"]):
                everyone = set().union(*[m for (g, c), m in members.items() if c == index]) if members else set()
                check_count(f"{name} {grouping} national {categories[index]}", published, everyone,
                            sum(len(m) for (g, c), m in members.items()))

    def check_medians(name, published, values_by_council, councils):
        for grouping, groups in published.items():
            for group, value in groups.items():
                values = [v for c, f in councils.items() if group_of(grouping, f) == group
                          for v in [values_by_council(c, f)] if v is not None]
                expected = median(values) if len(values) >= 2 * k else None
                if (value is None) != (expected is None):
                    problem(f"{name} {grouping} {group}: median {value}, truly {expected} over {len(values)} councils")
                elif value is not None:
                    low, high = value["from"], value["to"]
                    tenth = round(low * 10)
                    if abs(low * 10 - tenth) > 1e-9 or abs(high - low - 0.1) > 1e-9 or not (
                            low - 1e-9 <= expected < high - 1e-9 or (high > 1 - 1e-9 and expected <= 1 + 1e-9 and expected >= low)):
                        problem(f"{name} {grouping} {group}: band {low}-{high} does not hold the median {expected}")

    not_rated = len(levels)
    for area in document["keyAreas"]:
        area_id = area["id"]
        check_family(f"levels {area_id}", area["levels"],
                     lambda c, f: f["levels"][area_id] - 1 if area_id in f["levels"] else not_rated, now)
        check_family(f"targets {area_id}", area["targets"],
                     lambda c, f: (0 if f["levels"][area_id] >= f["targets"][area_id] else 1)
                     if area_id in f["levels"] and area_id in f["targets"] else 2, now)
        check_medians(f"progress {area_id}", area["medianProgress"], lambda c, f: f["progress"].get(area_id), now)
    check_medians("overall progress", document["overall"]["medianProgress"], lambda c, f: f["overall"], now)
    for trend in document["trends"]:
        earlier = rounds.get(trend["earlierRound"], {})
        check_family(f"cohort {trend['earlierRound']}", trend["cohort"], lambda c, f: 0 if c in earlier else 1, now)
        for change in trend["keyAreas"]:
            area_id = change["id"]

            def category(c, f):
                then = earlier.get(c, {}).get("levels", {}).get(area_id)
                current = f["levels"].get(area_id)
                if then is None or current is None:
                    return 3
                return 0 if current > then else 1 if current == then else 2
            check_family(f"change {area_id} since {trend['earlierRound']}", change["change"], category, now)
        both = {c: f for c, f in now.items() if c in earlier}
        check_medians(f"overall then {trend['earlierRound']}", trend["medianOverallThen"], lambda c, f: earlier[c]["overall"], both)
        check_medians(f"overall now {trend['earlierRound']}", trend["medianOverallNow"], lambda c, f: f["overall"], both)

    # Regional reports repeat the national rows for their region, and nothing else of the regions.
    regions_dir = os.path.join(args.benchmark, "regions")
    for slug in sorted(os.listdir(regions_dir)) if os.path.isdir(regions_dir) else []:
        regional = json.load(open(os.path.join(regions_dir, slug, "figures.json")))
        for national_area, regional_area in zip(document["keyAreas"], regional["keyAreas"]):
            for measure in ("levels", "targets"):
                national_rows = {(t["grouping"], r["group"]): r for t in national_area[measure]["tables"] for r in t["rows"]}
                for table in regional_area[measure]["tables"]:
                    if table["grouping"] not in ("national", "region") or (table["grouping"] == "region" and len(table["rows"]) != 1):
                        problem(f"regions/{slug}: {measure} shows the {table['grouping']} grouping beyond its own region")
                    for row in table["rows"]:
                        if national_rows.get((table["grouping"], row["group"])) != row:
                            problem(f"regions/{slug}: {national_area['id']} {measure} row {row['group']} differs from the national report")

    counts = {"level", "target", "cohort", "change"}
    for path in [os.path.join(args.benchmark, "figures.csv")] + [
            os.path.join(regions_dir, slug, "figures.csv") for slug in (os.listdir(regions_dir) if os.path.isdir(regions_dir) else [])]:
        with open(path, newline="") as handle:
            for row in csv.DictReader(handle):
                if row["measure"] in counts and row["status"] == "published" and row["category"] != "Councils" and int(row["value"]) % k:
                    problem(f"{path}: {row} publishes a count that is not a multiple of {k}")
        check_pages(os.path.dirname(path), path, problem)

    share = sum(moved) / len(moved) if moved else 0.0
    if moved and not 0.02 <= share <= 0.20:
        problem(f"{sum(moved)} of {len(moved)} sets of councils ({share:.1%}) are published a step of {k} or more from "
                f"their count: the shift is {'missing' if share < 0.02 else 'too frequent'} (expected 2% to 20%)")
    if args.costs and errors:
        print(f"costs: {len(errors)} level and target cells; {sum(e == 0 for e in errors)} exact "
              f"({sum(e == 0 for e in errors) / len(errors):.1%}); mean error {sum(errors) / len(errors):.2f}; "
              f"{sum(e >= k for e in errors)} ({sum(e >= k for e in errors) / len(errors):.1%}) off by {k} or more; "
              f"largest error {max(errors)}")
    if problems:
        print(f"check_benchmark: {len(problems)} problem(s)")
        for text in problems[:60]:
            print("  " + text)
        sys.exit(1)
    print(f"check_benchmark: every figure of round {args.round} is the truth rounded to a multiple of {k} and shifted "
          f"({sum(moved)} of {len(moved)} sets, {share:.1%}, a step or more from the truth), "
          f"consistently ({len(now)} councils, {len(document['keyAreas'])} key areas, {len(document['trends'])} trend(s), "
          f"{len(published_by_members)} sets of councils); every page row matches figures.csv")


if __name__ == "__main__":
    main()
