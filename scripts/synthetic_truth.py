"""What each council of make_synthetic_returns.py's truth.json really answered, worked out without strategyc:
the one home of the figures that check_benchmark.py checks the benchmark against and that
attack_benchmark.py knows to be the truth.

Respondents of a council are combined by the lower median of each indicator's levels (a variant's own
indicators left out); a key area's level is the lowest of its indicators' once all are rated, its target
the highest of theirs; progress is 1 minus the levels still to climb over the target levels. A council's
region and type are those of its latest return of the round, its basis "Externally validated" only when
every return of the round says so.
"""
import json
import re


def key(text):
    """A council's identity across returns and rounds: its name with case, spacing and punctuation ignored."""
    return " ".join(re.findall(r"[^\W_]+", str(text).lower()))


def lower_median(values):
    values = sorted(values)
    return values[(len(values) - 1) // 2] if values else None


def load_model(path):
    """The national levels and the active national indicators of each active key area, in order, from
    `strategyc export`'s JSON."""
    with open(path, encoding="utf-8") as handle:
        document = json.load(handle)
    model = document.get("model", document)
    levels = [level["name"] for level in model["levels"]]
    areas = {}
    for theme in model["themes"]:
        for area in theme["keyAreas"]:
            if area["status"] == "active":
                areas[area["id"]] = [i["id"] for i in area["indicators"] if i["status"] == "active"]
    return levels, areas


def council_figures(entries, levels, areas):
    """One council's figures in one round from its returns: name, type, region, basis, and by key area
    `levels` and `targets` (level numbers from 1) and `progress`, and `overall` progress."""
    number = {name: index + 1 for index, name in enumerate(levels)}
    latest = sorted(entries, key=lambda e: e["about"].get("AboutAssessmentDate") or "")[-1]["about"]
    result = {"name": latest["AboutOrganisation"], "type": latest["AboutOrganisationType"],
              "region": latest["AboutRegion"],
              "basis": "Externally validated" if all(e["about"]["AboutValidation"] == "Externally validated"
                                                     for e in entries) else "Self-assessed",
              "levels": {}, "targets": {}, "progress": {}}
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


def figures_by_round(path, levels, areas, left_out):
    """{round: {council key: council_figures}} from truth.json, councils of a type in `left_out` dropped."""
    with open(path, encoding="utf-8") as handle:
        entries = json.load(handle)
    by_round = {}
    for entry in entries:
        about = entry["about"]
        by_round.setdefault(str(about["AboutRound"]), {}).setdefault(key(about["AboutOrganisation"]), []).append(entry)
    rounds = {}
    for round_name, councils in by_round.items():
        figures = {ident: council_figures(returns, levels, areas) for ident, returns in councils.items()}
        rounds[round_name] = {ident: f for ident, f in figures.items() if f["type"] not in left_out}
    return rounds
