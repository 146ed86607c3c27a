#!/usr/bin/env python3
"""Regenerates docs/diagnostics.md from Sources/StrategyModel/Diagnostics/DiagnosticCode.swift.
A test (DiagnosticsDocumentationTests) fails when the page and the code disagree."""
import os
import re

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
src = open(os.path.join(ROOT, "Sources/StrategyModel/Diagnostics/DiagnosticCode.swift"), encoding="utf-8").read()
warn_block = re.search(r"case (\.fileIgnored.*?):\n\s*\.warning", src, re.S).group(1)
warnings = set(re.findall(r"\.(\w+)", warn_block))
summaries = dict(re.findall(r'case \.(\w+): "(.*?)"\n', src))
groups = re.findall(r'// ([A-Z][^\n]*)\n((?:\s*case \w+ = "[^"]+"\n)+)', src)
head = open(os.path.join(ROOT, "docs/diagnostics.md"), encoding="utf-8").read().split("## Codes")[0]
out = [head.rstrip(), "", "## Codes", ""]
for title, body in groups:
    out += [f"### {title}", "", "| code | severity | meaning |", "|---|---|---|"]
    for name, code in re.findall(r'case (\w+) = "([^"]+)"', body):
        severity = "warning" if name in warnings else "error"
        out.append(f"| `{code}` | {severity} | {summaries[name]} |")
    out.append("")
open(os.path.join(ROOT, "docs/diagnostics.md"), "w", encoding="utf-8").write("\n".join(out))
