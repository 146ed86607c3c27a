#!/usr/bin/env python3
"""Times strategyc side by side with its yardsticks and writes docs/performance.md.

usage: scripts/benchmark.py STRATEGYC [--scales 1,10,100] [--runs 5] [--councils 350] [--write-doc]

Each case runs the command (A) and its yardstick (B) in turn, A B A B ..., after one warm-up run each, so
drift on this shared machine cancels in the ratio, which is taken pair by pair. Every run is one whole
process, timed from outside: wall time from a monotonic clock, CPU time and peak memory from the
operating system's accounting of that child (wait4). Medians are reported; min and max show the spread.

The cases:
- check on the shipped strategy and on copies 10x, 100x (and 1000x when asked) larger, against cmark
  rendering the same Markdown bytes (the floor for any Markdown tool);
- build on the same, against Hugo building the same pages with the same navigation, its content made from
  our model.json;
- workbook on the same (no yardstick);
- build --variants on COUNCILS generated council variants of the Greener North region;
- the peer benchmark: RETURNS synthetic returns (make_synthetic_returns.py, 350 fictional councils, three
  rounds) recorded in a new store by `returns add`, then `benchmark` writing every report of the last
  round, against openpyxl loading the same workbooks and reading every cell of their Assessment sheet (the
  least any Python tool must do to read them);
- the disclosure attack at a size too long for `make test`: check_disclosure.py on a seeded random
  population of DISCLOSURE councils (--disclosure, rounds --disclosure-rounds) under two fixed secrets,
  with no insider, the smallest group's three and two random sets of three; reported with what it found
  (answers pinned, undecided) and its time, once (no yardstick: nothing else attacks these tables).

Performance is measured here, never asserted in tests. The set-up installs cmark and Hugo from Debian's
packages when they are missing.
"""
import argparse
import datetime
import html
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
# How many key areas a theme may have and still be listed on every page: read from the renderer, so the
# Hugo pages always carry the same contents as ours.
LISTING_LIMIT = int(re.search(r"static let listingLimit = (\d+)",
                              open(os.path.join(ROOT, "Sources/StrategyRender/Site/SiteNavigation.swift")).read()).group(1))


def ensure_tools():
    missing = [package for tool, package in (("cmark", "cmark"), ("hugo", "hugo"), ("/usr/bin/time", "time"))
               if shutil.which(tool) is None]
    if missing:
        print(f"benchmark: installing {' '.join(missing)} (Debian packages)", file=sys.stderr)
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        subprocess.run(sudo + ["apt-get", "install", "-y", "-q"] + missing, check=True,
                       stdout=subprocess.DEVNULL)


def run_once(command, cwd):
    """One whole-process run: (wall s, cpu s, peak MiB, exit status).

    The command runs under /usr/bin/time, which forks it from a small process. Forked from this script
    directly, it would inherit this script's peak memory (Linux keeps the high-water mark across exec),
    and a small command would seem to take hundreds of MiB once the script has loaded a large model.
    """
    with tempfile.NamedTemporaryFile("r") as report:
        start = time.monotonic()
        process = subprocess.Popen(["/usr/bin/time", "-q", "-f", "%e %U %S %M", "-o", report.name] + command, cwd=cwd,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
        status = process.wait()
        wall = time.monotonic() - start
        fields = report.read().split()
    _, user, system, peak_kib = (float(field) for field in fields[-4:])
    return wall, user + system, peak_kib / 1024, status


def measure(label, command, yardstick, cwd, runs, before=None, warm_up=True):
    """Runs A and B in turn; returns a result row. `before` runs ahead of every run (not timed)."""
    def once(cmd):
        if before:
            before()
        return run_once(cmd, cwd)
    if warm_up:
        once(command)
        if yardstick:
            once(yardstick[1])
    a, b = [], []
    for _ in range(runs):
        a.append(once(command))
        if yardstick:
            b.append(once(yardstick[1]))
    failed = [r[3] for r in a if r[3] != 0]
    row = {"label": label, "runs": runs, "failed": failed,
           "wall": [r[0] for r in a], "cpu": [r[1] for r in a], "peak": [r[2] for r in a]}
    if yardstick:
        row["yardstick"] = yardstick[0]
        row["yardstick_wall"] = [r[0] for r in b]
        row["yardstick_peak"] = [r[2] for r in b]
        row["ratios"] = [x[0] / y[0] for x, y in zip(a, b)]
    median = statistics.median
    text = f"{label:52} {median(row['wall']) * 1000:9.0f} ms  peak {median(row['peak']):6.0f} MiB"
    if yardstick:
        text += f"   {yardstick[0]}: {median(row['yardstick_wall']) * 1000:8.0f} ms   ratio {median(row['ratios']):5.2f}"
    print(text + (f"   FAILED {failed}" if failed else ""), flush=True)
    return row


def make_copies(source, target, copies):
    """The strategy with each key area copied COPIES times under fresh ids, orders and titles."""
    shutil.copytree(source, target)
    areas = os.path.join(source, "key-areas")
    for folder, _, names in os.walk(areas):
        for name in names:
            text = open(os.path.join(folder, name), encoding="utf-8").read()
            for n in range(1, copies):
                copy = re.sub(r"^id: (.+)$", lambda m: f"id: {m.group(1)}-copy-{n}", text, count=1, flags=re.M)
                copy = re.sub(r"\{#([a-z0-9-]+)\}", lambda m: "{#" + f"{m.group(1)}-copy-{n}" + "}", copy)
                copy = re.sub(r"^order: (\d+)$", lambda m: f"order: {int(m.group(1)) + 100 * n}", copy, count=1, flags=re.M)
                copy = re.sub(r"^title: (.+)$", lambda m: f"title: {m.group(1)} (copy {n})", copy, count=1, flags=re.M)
                copy = re.sub(r"^### (.+?) \{#", lambda m: f"### {m.group(1)} (copy {n}) {{#", copy, flags=re.M)
                with open(os.path.join(target, os.path.relpath(folder, source), f"{name[:-3]}-copy-{n}.md"), "w",
                          encoding="utf-8") as f:
                    f.write(copy)


def concatenate(strategy, target):
    """Every Markdown byte of a strategy in one file, for cmark."""
    with open(target, "wb") as out:
        for folder, _, names in sorted(os.walk(strategy)):
            for name in sorted(names):
                if name.endswith(".md"):
                    out.write(open(os.path.join(folder, name), "rb").read() + b"\n")


def hugo_site(model_path, site):
    """A Hugo site with our pages: the index and one page per key area and enabler, each with the whole
    navigation and the maturity table, made from model.json."""
    model = json.load(open(model_path, encoding="utf-8"))
    os.makedirs(os.path.join(site, "content", "key-areas"), exist_ok=True)
    os.makedirs(os.path.join(site, "layouts", "_default"), exist_ok=True)
    with open(os.path.join(site, "hugo.toml"), "w") as f:
        f.write('baseURL = "/"\ntitle = "Toolkit"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "404"]\n'
                '[markup.goldmark.renderer]\nunsafe = false\n')
    levels = model["levels"]
    with open(os.path.join(site, "content", "_index.md"), "w", encoding="utf-8") as f:
        f.write(f"---\ntitle: {json.dumps(model['title'])}\n---\n\n{model.get('introduction', '')}\n")
    weight = 0
    for theme in model["themes"]:
        for area in theme["keyAreas"]:
            if area["status"] != "active":
                continue
            weight += 1
            rows = ["| Indicator | " + " | ".join(level["name"] for level in levels) + " |",
                    "|---" * (len(levels) + 1) + "|"]
            for indicator in area["indicators"]:
                cells = [indicator["descriptors"].get(level["id"], "").replace("\n", " ").replace("|", "\\|")
                         for level in levels]
                rows.append("| " + indicator["title"] + " | " + " | ".join(cells) + " |")
            body = area.get("description", "") + "\n\n" + "\n".join(rows) + "\n"
            with open(os.path.join(site, "content", "key-areas", area["id"] + ".md"), "w", encoding="utf-8") as f:
                f.write(f"---\ntitle: {json.dumps(area['title'])}\nweight: {weight}\ntheme: {theme['id']}\n---\n\n{body}")
    # The same contents as strategyc's pages: every theme, each listed in full while it has at most
    # LISTING_LIMIT key areas (SiteNavigation.listingLimit), otherwise its count and a link to its list.
    nav = ['<nav><ul>']
    for theme in model["themes"]:
        active = [a for a in theme["keyAreas"] if a["status"] == "active"]
        nav.append(f'<li><a href="/#theme-{theme["id"]}">{html.escape(theme["title"])}</a>')
        if len(active) <= LISTING_LIMIT:
            nav.append('<ul>{{ range where .Site.RegularPages.ByWeight "Params.theme" "' + theme["id"] + '" }}'
                       '<li><a href="{{ .RelPermalink }}"{{ if eq . $.Page }} aria-current="page"{{ end }}>'
                       '{{ .Title }}</a></li>{{ end }}</ul>')
        else:
            nav.append(f'<p>{len(active)} key areas, listed on the <a href="/#theme-{theme["id"]}">home page</a></p>')
        nav.append('</li>')
    nav = "".join(nav) + '</ul></nav>'
    page = ('<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>'
            '<body><main><h1>{{ .Title }}</h1>{{ .Content }}</main>' + nav + '</body></html>\n')
    for layout in ("single.html", "list.html"):
        with open(os.path.join(site, "layouts", "_default", layout), "w") as f:
            f.write(page)


def growth(rows, prefix, scales):
    by_scale = {scale: row for scale, row in zip(scales, rows)}
    lines = []
    for small, large in zip(scales, scales[1:]):
        factor = statistics.median(by_scale[large]["wall"]) / statistics.median(by_scale[small]["wall"])
        lines.append((f"{prefix} {small}x → {large}x", factor, large / small))
    return lines


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("strategyc")
    parser.add_argument("--scales", default="1,10,100")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--large-runs", type=int, default=1,
                        help="runs at 1000x and above, where each run takes minutes (no warm-up there)")
    parser.add_argument("--councils", type=int, default=350)
    parser.add_argument("--returns", type=int, default=400, help="returns added to the store (0 to skip)")
    parser.add_argument("--disclosure", type=int, default=60,
                        help="councils of the random population the disclosure attack runs on (0 to skip)")
    parser.add_argument("--disclosure-rounds", default="2026",
                        help="its rounds (default 2026; two rounds take far longer, see docs/benchmark.md)")
    parser.add_argument("--write-doc", action="store_true", help="write docs/performance.md")
    args = parser.parse_args()
    strategyc = os.path.abspath(args.strategyc)
    scales = [int(s) for s in args.scales.split(",")]
    ensure_tools()
    work = tempfile.mkdtemp(prefix="strategyc-benchmark-")
    results = {"check": [], "build": [], "workbook": [], "variants": None, "other": [], "returns": None,
               "disclosure": None}
    try:
        for scale in scales:
            folder = os.path.join(work, f"x{scale}")
            if scale == 1:
                shutil.copytree(os.path.join(ROOT, "Strategy"), folder)
            else:
                make_copies(os.path.join(ROOT, "Strategy"), folder, scale)
            files = sum(1 for _, _, names in os.walk(folder) for name in names if name.endswith(".md"))
            joined = os.path.join(work, f"x{scale}.md")
            concatenate(folder, joined)
            size = os.path.getsize(joined)
            model = os.path.join(work, f"x{scale}.json")
            subprocess.run([strategyc, "export", "-o", model, folder], check=True, stdout=subprocess.DEVNULL)
            site = os.path.join(work, f"hugo-x{scale}")
            hugo_site(model, site)
            label = f"x{scale} ({files} files, {size / 1024:.0f} KB)"
            out = os.path.join(work, f"out-x{scale}")
            hugo_out = os.path.join(work, f"hugo-out-x{scale}")
            clean = lambda: [shutil.rmtree(p, ignore_errors=True) for p in (out, hugo_out)]
            runs, warm = (args.runs, True) if scale < 1000 else (args.large_runs, False)
            results["check"].append(measure(f"check {label}", [strategyc, "check", folder],
                                            ("cmark", ["cmark", joined]), work, runs, warm_up=warm))
            results["build"].append(measure(f"build {label}", [strategyc, "build", folder, "--out", out,
                                                               "--templates", os.path.join(ROOT, "Templates")],
                                            ("Hugo", ["hugo", "--quiet", "-s", site, "-d", hugo_out]), work, runs,
                                            before=clean, warm_up=warm))
            results["workbook"].append(measure(f"workbook {label}", [strategyc, "workbook", folder, "-o",
                                                                      os.path.join(work, f"w{scale}.xlsx")],
                                               None, work, runs, warm_up=warm,
                                               before=lambda: shutil.rmtree(os.path.join(work, f"w{scale}.xlsx"), ignore_errors=True)))
        results["other"].append(measure("strategyc --help", [strategyc, "--help"], None, work, args.runs))
        if args.councils:
            batch = os.path.join(work, "batch")
            os.makedirs(batch)
            shutil.copytree(os.path.join(ROOT, "Strategy"), os.path.join(batch, "Strategy"))
            shutil.copytree(os.path.join(ROOT, "Variants"), os.path.join(batch, "Variants"))
            generate_councils(os.path.join(batch, "Variants"), args.councils)
            out = os.path.join(batch, "out")
            results["variants"] = measure(f"build --variants ({args.councils + 3} variants)",
                                          [strategyc, "build", "--variants", "Variants", "--out", out,
                                           "--templates", os.path.join(ROOT, "Templates")], None, batch,
                                          max(1, args.runs // 2), before=lambda: shutil.rmtree(out, ignore_errors=True))
        if args.returns:
            results["returns"] = measure_returns(strategyc, work, args.returns, max(1, args.runs // 2))
        if args.disclosure:
            results["disclosure"] = attack_disclosure(strategyc, args.disclosure, args.disclosure_rounds)
        lines = growth(results["check"], "check", scales) + growth(results["build"], "build", scales)
        for name, factor, step in lines:
            print(f"growth {name}: {factor:.1f}x for {step}x the content")
        if args.write_doc:
            write_doc(results, lines, scales, args)
    finally:
        shutil.rmtree(work, ignore_errors=True)


OPENPYXL_READ = """
import sys, openpyxl
cells = 0
for path in sys.argv[1:]:
    book = openpyxl.load_workbook(path)
    for row in book["Assessment"].iter_rows(values_only=True):
        cells += sum(1 for value in row if value is not None)
print(cells)
"""


def measure_returns(strategyc, work, count, runs):
    """`returns add` of COUNT synthetic returns into a new store, then `benchmark` of the last round."""
    synthetic = os.path.join(work, "synthetic")
    subprocess.run([sys.executable, os.path.join(HERE, "make_synthetic_returns.py"), strategyc, synthetic,
                    "--councils", "350", "--rounds", "2024,2025,2026", "--quiet"], check=True, cwd=ROOT)
    rounds = sorted(d for d in os.listdir(synthetic) if os.path.isdir(os.path.join(synthetic, d)))
    # Half from the last round and half from the one before, so that the reports include a trend.
    def of(round_):
        return sorted(os.path.join(synthetic, round_, name) for name in os.listdir(os.path.join(synthetic, round_)))
    files = of(rounds[-1])[:count // 2]
    files += of(rounds[-2])[:count - len(files)]
    store, out = os.path.join(work, "benchmark.sqlite"), os.path.join(work, "benchmark-out")
    script = os.path.join(work, "returns.sh")
    with open(script, "w") as f:
        f.write(f'set -e\n"{strategyc}" returns add "$@" --store "{store}" >/dev/null\n'
                f'"{strategyc}" benchmark --store "{store}" --round {rounds[-1]} --out "{out}" >/dev/null\n')
    clean = lambda: [shutil.rmtree(out, ignore_errors=True), os.path.exists(store) and os.remove(store)]
    return measure(f"returns add {len(files)} + benchmark (all reports)", ["bash", script] + files,
                   ("openpyxl", [sys.executable, "-c", OPENPYXL_READ] + files), ROOT, runs, before=clean)


def attack_disclosure(strategyc, councils, rounds):
    """check_disclosure.py on a random population: what the attacker found, and how long it took.

    Its verdict is reported, not asserted: a pin here is a finding to act on (and to turn into a case of
    make test's check), but this script measures and never fails."""
    print(f"benchmark: disclosure attack on {councils} random councils, rounds {rounds} (this takes minutes)",
          file=sys.stderr, flush=True)
    start = time.monotonic()
    done = subprocess.run([sys.executable, os.path.join(HERE, "check_disclosure.py"), strategyc, "--cases", "random",
                           "--random", str(councils), "--random-rounds", rounds, "--secrets", "2",
                           "--insider-sets", "2"], cwd=ROOT, capture_output=True, text=True)
    elapsed = time.monotonic() - start
    attacks = [line.strip() for line in done.stdout.splitlines() if "pinned" in line and "insiders" in line]
    pinned = sum(int(m.group(1)) for m in (re.search(r": (\d+) pinned", a) for a in attacks) if m)
    undecided = sum(int(m.group(1)) for m in (re.search(r", (\d+) undecided", a) for a in attacks) if m)
    result = {"label": f"disclosure attack, {councils} random councils, rounds {rounds}", "seconds": elapsed,
              "attacks": len(attacks), "pinned": pinned, "undecided": undecided, "status": done.returncode,
              "summary": (done.stdout.strip().splitlines() or ["(no output)"])[-1]}
    print(f"{result['label']}: {len(attacks)} attacks, {pinned} pinned, {undecided} undecided, "
          f"{elapsed:.0f} s (exit {done.returncode})", flush=True)
    return result


def generate_councils(root, count):
    levels = ["mature", "leader", "innovator"]
    areas = ["creating-social-value", "greener-north-net-zero", "managing-strategic-risk", "engaging-councillors"]
    for n in range(1, count + 1):
        folder = os.path.join(root, f"council-{n:03d}")
        os.makedirs(folder, exist_ok=True)
        priorities = "\n".join(f"  - key_area: {areas[(n + k) % 4]}\n    weight: {1 + (n + k) % 3}\n    target: {levels[(n + k) % 3]}"
                               for k in range(2))
        exclude = "exclude:\n  - id: enabling-innovation\n    reason: Led by a shared service.\n" if n % 5 == 0 else ""
        with open(os.path.join(folder, "variant.md"), "w", encoding="utf-8") as f:
            f.write(f"---\nid: council-{n:03d}\ntitle: Council {n} procurement strategy\nfor: Council {n}\ntype: district\n"
                    f"base: ../greener-north\nbase_edition: 2022\n{exclude}priorities:\n{priorities}\n---\n\n"
                    f"Council {n} follows the Greener North strategy with its own targets.\n")


def write_doc(results, growth_lines, scales, args):
    median = statistics.median
    def ms(values):
        return f"{median(values) * 1000:,.0f} ms" if median(values) < 10 else f"{median(values):.1f} s"
    def spread(values):
        return f"{min(values) * 1000:,.0f}–{max(values) * 1000:,.0f}" if max(values) < 10 else f"{min(values):.1f}–{max(values):.1f} s"
    cores = os.cpu_count()
    lines = [
        "# Performance",
        "",
        f"Measured by `scripts/benchmark.py` on {datetime.date.today().isoformat()}, on this project's machine "
        f"({platform.machine()}, {cores} cores, {platform.system()} {platform.release()}), release build.",
        f"Each row is the median of {args.runs} whole-process runs after one warm-up (at 1000x, {args.large_runs} "
        f"run{'s' if args.large_runs != 1 else ''} without warm-up, as each takes minutes), run in turn with its",
        "yardstick so that drift on the shared machine cancels in the ratio (taken pair by pair). Spread is",
        "min–max. Peak memory is the process's maximum resident set, from /usr/bin/time.",
        "The machine is shared, so single figures move by tens of per cent from run to run; ratios move less.",
        "",
        "| work | strategyc | spread | peak | yardstick | yardstick time | yardstick peak | ratio |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for kind in ("check", "build", "workbook"):
        for row in results[kind]:
            yard = row.get("yardstick", "")
            lines.append(f"| {row['label']} | {ms(row['wall'])} | {spread(row['wall'])} | {median(row['peak']):.0f} MiB | {yard} | "
                         + (f"{ms(row['yardstick_wall'])} | {median(row['yardstick_peak']):.0f} MiB | {median(row['ratios']):.2f} |"
                            if yard else "– | – | – |")
                         + (f" FAILED (exit {row['failed']})" if row["failed"] else ""))
    for row in results["other"] + ([results["variants"]] if results["variants"] else []):
        lines.append(f"| {row['label']} | {ms(row['wall'])} | {spread(row['wall'])} | {median(row['peak']):.0f} MiB | – | – | – | – |")
    if results["returns"]:
        row = results["returns"]
        lines.append(f"| {row['label']} | {ms(row['wall'])} | {spread(row['wall'])} | {median(row['peak']):.0f} MiB | openpyxl (load, read every cell) | "
                     f"{ms(row['yardstick_wall'])} | {median(row['yardstick_peak']):.0f} MiB | {median(row['ratios']):.2f} |")
    if results["disclosure"]:
        row = results["disclosure"]
        lines += ["", f"The {row['label']} (scripts/check_disclosure.py, two fixed secrets, no insider, the smallest "
                  f"group's three and two random sets of three; run once): {row['attacks']} attacks, "
                  f"{row['pinned']} answers pinned, {row['undecided']} undecided, {row['seconds']:.0f} s "
                  f"(\"{row['summary']}\")."]
    lines += ["", "Growth (median time at the larger scale over the smaller; linear is the content factor):", ""]
    for name, factor, step in growth_lines:
        lines.append(f"- {name}: {factor:.1f}x for {step}x the content")
    lines += ["", "## Targets", "", "TARGETS", ""]
    path = os.path.join(ROOT, "docs", "performance.md")
    existing = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
    targets = existing.split("## Targets\n", 1)[1].strip() if "## Targets\n" in existing else "(to be written)"
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines).replace("TARGETS", targets) + "\n")
    print(f"benchmark: wrote {path}")


if __name__ == "__main__":
    main()
