#!/usr/bin/env python3
"""Checks that toolkit.md holds every published indicator row, with one cell per level, and the stamp.

usage: check_toolkit_md.py TOOLKIT.md MODEL.json
"""
import hashlib
import json
import sys


def main(toolkit_path, model_path):
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
    for problem in problems:
        print(problem)
    print(f"toolkit.md: {tables} tables, {len(rows)} rows, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
