#!/usr/bin/env python3
"""Validates a strategyc model export against the JSON Schema and the figures of the 2022 toolkit.

usage: check_model.py MODEL.json SCHEMA.json
"""
import json
import sys

import jsonschema


def main(model_path, schema_path):
    model = json.load(open(model_path, encoding="utf-8"))
    schema = json.load(open(schema_path, encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(model), key=str)
    for error in errors:
        print(f"schema: {'/'.join(map(str, error.absolute_path))}: {error.message}")
    problems = len(errors)

    def expect(what, actual, wanted):
        nonlocal problems
        status = "ok" if actual == wanted else "MISMATCH"
        if actual != wanted:
            problems += 1
        print(f"{status}: {what}: {actual} (expected {wanted})")

    levels = [level["id"] for level in model["levels"]]
    themes = [t for t in model["themes"] if t["kind"] == "theme"]
    enabler_groups = [t for t in model["themes"] if t["kind"] == "enablers"]
    active = lambda group: [k for t in group for k in t["keyAreas"] if k["status"] == "active"]
    key_areas, enablers = active(themes), active(enabler_groups)
    indicators = [i for k in key_areas for i in k["indicators"] if i["status"] == "active"]
    rows = indicators + [i for k in enablers for i in k["indicators"] if i["status"] == "active"]
    descriptors = [text for row in rows for level, text in row["descriptors"].items()]

    expect("edition", model["edition"], "2022")
    expect("levels", [level["name"] for level in model["levels"]],
           ["Minimum", "Developing", "Mature", "Leader", "Innovator"])
    expect("themes", len(themes), 3)
    expect("enabler groups", len(enabler_groups), 1)
    expect("active key areas", len(key_areas), 10)
    expect("indicators in key areas", len(indicators), 62)
    expect("enablers", len(enablers), 5)
    expect("descriptors", len(descriptors), 335)
    expect("non-empty descriptors", sum(1 for d in descriptors if d.strip()), 335)
    expect("rows with one descriptor per level", sum(1 for r in rows if sorted(r["descriptors"]) == sorted(levels)), len(rows))
    expect("key areas with description and help",
           sum(1 for k in key_areas if k["description"] and k.get("whatItIs") and k.get("whyItIsImportant")), 10)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
