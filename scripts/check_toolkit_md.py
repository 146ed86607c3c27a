#!/usr/bin/env python3
"""Checks that toolkit.md holds every published indicator row, with one cell per level, and the stamp.
Given a variant's export (`strategyc export --variant`), also that it carries what the variant's site does:
the "How this variant differs" section with every element left out and its reason, every addition named,
an origin mark for every element a layer added or changed, and a priority line per prioritised key area.

usage: check_toolkit_md.py TOOLKIT.md MODEL.json [VARIANT.json]
"""
import hashlib
import json
import sys


def variant_problems(text, variant):
    problems = []
    if "\n## How this variant differs\n" not in text:
        return ["no \"How this variant differs\" section"]
    differs = text.split("\n## How this variant differs\n", 1)[1]
    for excluded in variant["excluded"]:
        if excluded["title"] not in differs or excluded["reason"].split(";")[0] not in differs:
            problems.append(f"left out {excluded['id']} without its title or reason")
    titles = {}
    for theme in variant["model"]["themes"]:
        for area in theme["keyAreas"]:
            titles[area["id"]] = area["title"]
            for indicator in area["indicators"]:
                titles[indicator["id"]] = indicator["title"]
    for element, origin in variant["origins"].items():
        if origin == "inherited" or element not in titles:
            continue
        verb = "Added by" if origin.startswith("added") else "Changed by"
        # A key area's mark is on the line under its heading; an indicator's follows its title in its row.
        heading = f"\n### {titles[element]}\n\n"
        under = text.split(heading, 1)[1].split("\n", 1)[0] if heading in text else ""
        if verb not in under and f"\n| {titles[element]} ({verb} " not in text:
            problems.append(f"{element} ({origin}) has no origin mark")
        if origin.startswith("added") and f"- {titles[element]}" not in differs:
            problems.append(f"addition {element} is not listed")
    lines = text.count("\n**Priority in this variant:** ")
    if lines != len(variant["priorities"]):
        problems.append(f"{lines} priority lines, expected {len(variant['priorities'])}")
    return problems


def main(toolkit_path, model_path, variant_path=None):
    text = open(toolkit_path, encoding="utf-8").read()
    model_bytes = open(model_path, "rb").read()
    model = json.loads(model_bytes)
    levels = [level["name"] for level in model["levels"]]
    header = "| Indicator | " + " | ".join(levels) + " |"
    tables = text.count(header)
    rows = [line for line in text.splitlines()
            if line.startswith("| ") and not line.startswith("| Indicator |") and line.count(" | ") == len(levels)]
    active = [k for t in model["themes"] for k in t["keyAreas"] if k["status"] == "active"]
    wanted_rows = sum(1 for k in active for i in k["indicators"] if i["status"] == "active")
    problems = []
    if tables != len(active):
        problems.append(f"{tables} maturity tables, expected {len(active)}")
    if len(rows) != wanted_rows:
        problems.append(f"{len(rows)} indicator rows, expected {wanted_rows}")
    for area in active:
        if f"### {area['title']}" not in text:
            problems.append(f"missing key area {area['title']}")
    digest = hashlib.sha256(model_bytes).hexdigest()
    if digest not in text or f"edition {model['edition']}" not in text:
        problems.append("missing edition or content hash stamp")
    retired = [k for t in model["themes"] for k in t["keyAreas"] if k["status"] == "retired"]
    for area in retired:
        if f"### {area['title']}" in text:
            problems.append(f"retired key area {area['title']} is published")
    if variant_path:
        problems += variant_problems(text, json.load(open(variant_path, encoding="utf-8")))
    for problem in problems:
        print(problem)
    print(f"toolkit.md: {tables} tables, {len(rows)} rows, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
