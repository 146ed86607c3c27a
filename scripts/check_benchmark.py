#!/usr/bin/env python3
"""Checks a peer benchmark against figures worked out again, independently, from the synthetic returns'
truth file (what make_synthetic_returns.py put in each workbook), and checks its disclosure control.

usage: check_benchmark.py BENCHMARK_DIR MODEL_JSON TRUTH_JSON --round R [--threshold 5]
                          [--leave-out-type "Combined authority"]

Nothing here uses strategyc's code: councils are combined (respondents by the lower median of their
levels, a key area's level the lowest of its indicators' once all are rated, its target the highest),
scored (progress = 1 - sum(max(0, t - c)) / sum(t)) and counted here, from the truth file and the
national model (model.json from `strategyc export`); a variant's own indicators are left out.

Then, for every table of benchmark.json (every key area's levels and targets, every trend):
- each published count equals the true count, and each withheld one is null;
- no published count lies between 1 and threshold - 1, and every group has at least threshold councils;
- no row or column of a table (totals included) has exactly one withheld cell, so none can be worked
  out by subtraction, and the national totals are the same in every grouping;
- each published median equals the true median of at least threshold councils, and is null otherwise;
- every regional report's figures.json repeats the national report's rows for its region exactly;
- figures.csv publishes no count between 1 and threshold - 1.
Exit status 1 with every problem listed, else 0.
"""
import argparse
import csv
import json
import os
import re
import sys

problems = []


def problem(text):
    problems.append(text)


def key(text):
    return " ".join(re.findall(r"[^\W_]+", text.lower()))


def lower_median(values):
    values = sorted(values)
    return values[(len(values) - 1) // 2] if values else None


def median(values):
    values = sorted(values)
    n = len(values)
    if n == 0:
        return None
    return values[n // 2] if n % 2 else (values[n // 2 - 1] + values[n // 2]) / 2


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("benchmark")
    parser.add_argument("model")
    parser.add_argument("truth")
    parser.add_argument("--round", required=True)
    parser.add_argument("--threshold", type=int, default=5)
    parser.add_argument("--leave-out-type", action="append", default=None)
    args = parser.parse_args()
    left_out = set(args.leave_out_type if args.leave_out_type is not None else ["Combined authority"])
    k = args.threshold

    model = json.load(open(args.model))
    levels = [level["name"] for level in model["levels"]]
    number = {name: index + 1 for index, name in enumerate(levels)}
    areas = {}
    for theme in model["themes"]:
        for area in theme["keyAreas"]:
            if area["status"] == "active":
                areas[area["id"]] = [i["id"] for i in area["indicators"] if i["status"] == "active"]

    # Councils of every round, from the truth file.
    returns = json.load(open(args.truth))
    by_round = {}
    for entry in returns:
        about = entry["about"]
        council = key(about["AboutOrganisation"])
        by_round.setdefault(about["AboutRound"], {}).setdefault(council, []).append(entry)

    def council_figures(entries):
        latest = sorted(entries, key=lambda e: e["about"].get("AboutAssessmentDate", ""))[-1]["about"]
        result = {"type": latest["AboutOrganisationType"], "region": latest["AboutRegion"],
                  "basis": "Externally validated" if all(e["about"]["AboutValidation"] == "Externally validated" for e in entries)
                  else "Self-assessed", "levels": {}, "targets": {}, "progress": {}}
        shortfall_all = target_all = 0
        for area, indicators in areas.items():
            currents, targets, shortfall, target_sum = [], [], 0, 0
            for indicator in indicators:
                given = [e["answers"].get(indicator, [None, None]) for e in entries if indicator not in e.get("local", [])]
                c = lower_median([number[g[0]] for g in given if g[0] in number])
                t = lower_median([number[g[1]] for g in given if g[1] in number])
                currents.append(c)
                if t is not None:
                    targets.append(t)
                if c is not None and t is not None:
                    shortfall += max(0, t - c)
                    target_sum += t
            if currents and None not in currents:
                result["levels"][area] = min(currents)
            if targets:
                result["targets"][area] = max(targets)
            if target_sum:
                result["progress"][area] = 1 - shortfall / target_sum
            shortfall_all += shortfall
            target_all += target_sum
        result["overall"] = 1 - shortfall_all / target_all if target_all else None
        return result

    rounds = {r: {c: council_figures(e) for c, e in councils.items()} for r, councils in by_round.items()}
    for r in rounds:
        rounds[r] = {c: f for c, f in rounds[r].items() if f["type"] not in left_out}
    now = rounds.get(args.round, {})

    document = json.load(open(os.path.join(args.benchmark, "benchmark.json")))
    if document.get("format") != "strategyc-benchmark-1":
        problem("benchmark.json is not a strategyc-benchmark-1 document")
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

    def check_family(name, family, category_of, councils):
        categories = family["categories"]
        national_totals = None
        for table in family["tables"]:
            grouping = table["grouping"]
            truth = {}
            for council, figures in councils.items():
                group = group_of(grouping, figures)
                truth.setdefault(group, [0] * len(categories))[category_of(council, figures)] += 1
            grid = []
            for row in table["rows"]:
                true_counts = truth.get(row["group"], [0] * len(categories))
                for index, (published, actual) in enumerate(zip(row["counts"], true_counts)):
                    if published is not None and published != actual:
                        problem(f"{name} {grouping} {row['group']} {categories[index]}: published {published}, truly {actual}")
                    if published is not None and 0 < published < k:
                        problem(f"{name} {grouping} {row['group']} {categories[index]}: {published} rests on fewer than {k} councils")
                if row["size"] is not None and row["size"] != sum(true_counts):
                    problem(f"{name} {grouping} {row['group']}: size {row['size']}, truly {sum(true_counts)}")
                grid.append(row["counts"] + [row["size"]])
            totals = table["totals"] + [table["total"]]
            for index, published in enumerate(table["totals"]):
                actual = sum(truth.get(g, [0] * len(categories))[index] for g in truth)
                if published is not None and (published != actual or 0 < published < k):
                    problem(f"{name} {grouping} national {categories[index]}: published {published}, truly {actual}")
            if national_totals is None:
                national_totals = totals
            elif [t is None for t in totals] != [t is None for t in national_totals]:
                problem(f"{name}: the national totals are withheld differently in the {grouping} grouping")
            if grouping == "national":
                continue
            grid.append(totals)
            lines = grid + [list(column) for column in zip(*grid)]
            for line in lines:
                if sum(value is None for value in line) == 1:
                    problem(f"{name} {grouping}: a line has exactly one withheld cell, so it can be worked out: {line}")

    def check_medians(name, published, values_by_council, councils):
        for grouping, groups in published.items():
            for group, value in groups.items():
                values = [v for c, f in councils.items() if group_of(grouping, f) == group
                          for v in [values_by_council(c, f)] if v is not None]
                expected = median(values) if len(values) >= k else None
                if (value is None) != (expected is None) or (value is not None and abs(value - expected) > 1e-9):
                    problem(f"{name} {grouping} {group}: median {value}, truly {expected} over {len(values)} councils")

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
                if row["measure"] in counts and row["status"] == "published" and 0 < int(row["value"]) < k:
                    problem(f"{path}: {row} publishes a count below {k}")

    if problems:
        print(f"check_benchmark: {len(problems)} problem(s)")
        for text in problems[:60]:
            print("  " + text)
        sys.exit(1)
    print(f"check_benchmark: every figure of round {args.round} matches the truth ({len(now)} councils, "
          f"{len(document['keyAreas'])} key areas, {len(document['trends'])} trend(s)); no count below {k}, "
          f"no withheld cell alone in a line")


if __name__ == "__main__":
    main()
