#!/usr/bin/env python3
"""Attacks strategyc's published peer benchmark with scripts/attack_benchmark.py (an integer program written
apart from strategyc's disclosure control) on adversarial and seeded random populations of fictional
councils, and fails if any council's answer can be pinned (issue 24).

usage: check_disclosure.py STRATEGYC [--cases NAME,...] [--random COUNCILS] [--random-rounds 2025,2026]
                           [--seed S] [--insider-sets K] [--secrets N] [--workers W] [--time-limit S] [--keep DIR]
                           [--quiet]

Run from the repository root. For each case it writes the returns (make_synthetic_returns.py, --plan for
the adversarial cases), records them in a new store (`strategyc returns add`), publishes the national
benchmark of every round (`strategyc benchmark --round R`), and attacks every round's benchmark.json
together:
- with no insider, and with insider sets of 3 councils (the attacker's own and two others, the model of
  docs/benchmark.md): for the adversarial cases the three that share the smallest published groups with
  the fewest others, and then K sets drawn at random (--insider-sets, seeded);
- assuming cell-key consistency across rounds ("all": strategyc's record keys belong to the council, so a
  set of councils is rounded alike in every table of every round), the strongest assumption the method
  allows; should the publication break it, the attacker says so and this check fails.
It fails on any pinned answer, on anything the solver could not decide, and when an attack on the same
case published without protection (exact counts made from the truth, with the groupings strategyc chose)
pins nothing where the case is meant to leak: that is the proof the attacker would see a leak.

THE ADVERSARIAL CASES (issue 24's list; every council fictional, "Synthetic ..."):
  small-groups   regions of exactly 5, 6 and 9; types of 1 and 2; in the region of 5 one council alone at
                 each level (a key area per level) and full cells (all five at one level, four of five);
                 a council not rated in one key area; two respondents of one council disagreeing.
  linked-zeros   three London borough councils of London's five at Developing, four councils of small
                 regions (pooled) at Mature whose types are pooled too: the zeros of a region's and a
                 type's row together leave one level for the councils in both.
  rounds         a council that answered 2025 and not 2026 (its region drops from 5 to 4 and is pooled);
                 a council joining in 2026; councils whose levels change between rounds.
  small-round    2025 with 4 councils (nothing may be published of it), 2026 with 9 of whom 3 answered
                 2025 (a cohort too small for trends).
  random         make_synthetic_returns.py's seeded random population (--random councils, --random-rounds).

Prints one line per case and attack; exit status 0 when nothing is pinned anywhere, 1 otherwise.
"""
import argparse
import hashlib
import json
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import attack_benchmark as attacker  # noqa: E402

LEVELS = ["Minimum", "Developing", "Mature", "Leader", "Innovator"]
LEFT_OUT = {"Combined authority"}


class Plan:
    """The returns of one adversarial case, as make_synthetic_returns.py's --plan entries."""

    def __init__(self, areas):
        self.areas, self.entries, self.counter = areas, [], 0

    def council(self, name, ctype, region, round_name, current, target=None, validation="Self-assessed",
                role="Head of procurement"):
        """current/target: a function (key area index) -> level index or None (not rated / no target)."""
        self.counter += 1
        levels = {area: LEVELS[current(k)] for k, area in enumerate(self.areas) if current(k) is not None}
        targets = {}
        if target is not None:
            targets = {area: LEVELS[target(k)] for k, area in enumerate(self.areas) if target(k) is not None}
        self.entries.append({"council": name, "type": ctype, "region": region, "round": round_name,
                             "role": role, "department": "Procurement", "validation": validation,
                             "date": f"{round_name}-03-{1 + self.counter % 27:02d}", "variant": None,
                             "current": levels, "target": targets})


def small_groups(areas):
    """Regions of 5 (London), 6 (North East) and 9 (South West); a type of 1 (Other) and of 2
    (Metropolitan borough council). London's first council is alone at level k in key area k (k < 5),
    all five are at Developing in key area 5 (a full cell), four at Mature and one not rated in 6."""
    plan = Plan(areas)
    for i in range(5):
        def current(k, i=i):
            if k < 5:
                return k if i == 0 else (k + 2) % 5
            if k == 5:
                return 1
            if k == 6:
                return None if i == 4 else 2
            return (i + k) % 4
        plan.council(f"Synthetic London {i + 1}", "London borough council", "London", "2026", current,
                     lambda k, i=i: min(4, (i + k) % 4 + (i % 3)) if k != 7 else None,
                     "Externally validated" if i < 2 else "Self-assessed")
    for i in range(6):
        ctype = "Metropolitan borough council" if i < 2 else "Unitary authority"
        plan.council(f"Synthetic North East {i + 1}", ctype, "North East", "2026",
                     lambda k, i=i: (k if i == 0 else (k + 1)) % 5,
                     lambda k, i=i: min(4, (k + 1 + i % 2) % 5))
    for i in range(9):
        ctype = "Other" if i == 0 else "County council" if i < 5 else "District council"
        plan.council(f"Synthetic South West {i + 1}", ctype, "South West", "2026",
                     lambda k, i=i: (i * (k + 1)) % 5, lambda k, i=i: 2 + (i + k) % 3,
                     "Externally validated" if i in (3, 6, 8) else "Self-assessed")
    # The second respondent of one council, a level lower everywhere: the council's level is the lower.
    plan.council("Synthetic South West 2", "County council", "South West", "2026",
                 lambda k: max(0, (1 * (k + 1)) % 5 - 1), lambda k: 2 + (1 + k) % 3,
                 role="Finance business partner")
    return {"2026": plan.entries}, True


def linked_zeros(areas):
    """The issue's first leak: the region row and the type row have zeros that, together, leave one level
    for the councils in both; a pooled region whose types are pooled as well."""
    plan = Plan(areas)
    for i in range(3):
        plan.council(f"Synthetic London {i + 1}", "London borough council", "London", "2026", lambda k: 1,
                     lambda k: 2)
    for i in range(2):
        plan.council(f"Synthetic London {i + 4}", "Unitary authority", "London", "2026", lambda k: 2,
                     lambda k: 3)
    small = [("North East", "Other"), ("North East", "Other"), ("East Midlands", "Metropolitan borough council"),
             ("East Midlands", "Metropolitan borough council")]
    for i, (region, ctype) in enumerate(small):
        plan.council(f"Synthetic Small Region {i + 1}", ctype, region, "2026", lambda k: 2, lambda k: 2)
    plan.council("Synthetic Yorkshire 1", "Unitary authority", "Yorkshire and the Humber", "2026",
                 lambda k: 3, lambda k: 3)
    for i in range(8):
        ctype = "County council" if i % 2 else "District council"
        plan.council(f"Synthetic South East {i + 1}", ctype, "South East", "2026",
                     lambda k, i=i: (i + k) % 5 if i < 6 else 0, lambda k, i=i: 2 + (i % 3))
    return {"2026": plan.entries}, True


def rounds(areas):
    """A council leaving between rounds (London drops to 4 and is pooled), one joining, levels moving."""
    plan = Plan(areas)
    for round_name, shift in (("2025", 0), ("2026", 1)):
        for i in range(5):
            if round_name == "2026" and i == 4:
                continue  # Synthetic London 5 answered 2025 only; alone at Innovator there in most key areas
            plan.council(f"Synthetic London {i + 1}", "London borough council", "London", round_name,
                         lambda k, i=i, s=shift: 4 if i == 4 and k % 3 else min(3, (k + s + i) % 4),
                         lambda k: 3)
        for i in range(6):
            plan.council(f"Synthetic South East {i + 1}", "District council" if i % 2 else "County council",
                         "South East", round_name, lambda k, i=i, s=shift: min(4, (i + k) % 4 + s * (i % 2)),
                         lambda k, i=i: 2 + i % 2)
        for i in range(5 if round_name == "2025" else 6):
            plan.council(f"Synthetic North West {i + 1}", "Unitary authority", "North West", round_name,
                         lambda k, i=i, s=shift: (2 * i + k + s) % 5, lambda k, i=i: None if i == 0 else 3)
    return {"2025": [e for e in plan.entries if e["round"] == "2025"],
            "2026": [e for e in plan.entries if e["round"] == "2026"]}, True


def small_round(areas):
    """A first round of 4 councils (nothing of it may be published) and a second of 9, 3 of them in both."""
    plan = Plan(areas)
    for i in range(4):
        plan.council(f"Synthetic East {i + 1}", "District council", "East of England", "2025",
                     lambda k, i=i: (i + k) % 5, lambda k: 3)
    for i in range(9):
        name = f"Synthetic East {i + 1}" if i < 3 else f"Synthetic West Midlands {i + 1}"
        region = "East of England" if i < 3 else "West Midlands"
        plan.council(name, "District council" if i % 2 else "Unitary authority", region, "2026",
                     lambda k, i=i: (i + 2 * k) % 5, lambda k, i=i: 2 + i % 3)
    return {"2025": [e for e in plan.entries if e["round"] == "2025"],
            "2026": [e for e in plan.entries if e["round"] == "2026"]}, False


CASES = {"small-groups": small_groups, "linked-zeros": linked_zeros, "rounds": rounds, "small-round": small_round}


def run(command, what):
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        raise attacker.AttackError(f"{what} failed (exit {result.returncode}): {result.stderr.strip() or result.stdout.strip()}")
    return result.stdout


def write_plan(strategyc, work, plan_rounds):
    """The plan's returns, written by make_synthetic_returns.py --plan into WORK/returns."""
    plan_path = os.path.join(work, "plan.json")
    with open(plan_path, "w", encoding="utf-8") as handle:
        json.dump([e for entries in plan_rounds.values() for e in entries], handle, indent=1)
    run([sys.executable, os.path.join(HERE, "make_synthetic_returns.py"), strategyc, os.path.join(work, "returns"),
         "--plan", plan_path, "--quiet"], "make_synthetic_returns.py --plan")


def record(strategyc, work, returns):
    """Every return recorded in a new store: (store, the rounds, truth.json)."""
    store = os.path.join(work, "store.sqlite")
    names = sorted(d for d in os.listdir(returns) if os.path.isdir(os.path.join(returns, d)))
    files = [os.path.join(returns, d, f) for d in names for f in sorted(os.listdir(os.path.join(returns, d)))]
    run([strategyc, "returns", "add", *files, "--store", store], "strategyc returns add")
    return store, names, os.path.join(returns, "truth.json")


def store_secret(label):
    """A fixed 32-byte disclosure secret for a named run, so that a check gives the same figures every time;
    None keeps the random secret the store was made with."""
    return None if label is None else hashlib.sha256(f"check_disclosure {label}".encode()).digest()


def publish(strategyc, work, store, round_names, secret, label):
    """Every round published with the store's disclosure secret set to SECRET (a test's own store: the
    secret is what a real store draws at random; fixing it makes the check repeatable): [benchmark.json]."""
    if secret is not None:
        with sqlite3.connect(store) as connection:
            if connection.execute("UPDATE disclosureKey SET secret = ?", (secret,)).rowcount != 1:
                raise attacker.AttackError(f"{store}: no disclosure key to set")
    paths = []
    for round_name in round_names:
        out = os.path.join(work, f"benchmark-{label}-{round_name}")
        run([strategyc, "benchmark", "--store", store, "--round", round_name, "--out", out,
             "--templates", os.path.join(ROOT, "Templates")], f"strategyc benchmark --round {round_name}")
        paths.append(os.path.join(out, "benchmark.json"))
    return paths


def smallest_group_insiders(publications, truth):
    """Three councils that share the smallest published groups (of any round) with the fewest others: the
    insiders most able to read off the rest of their group."""
    best = None
    for publication in publications:
        councils = truth.get(publication.round, {})
        for grouping, groups in publication.groupings.items():
            if grouping == "national":
                continue
            for _, values in groups:
                members = sorted(i for i, c in councils.items() if c.attribute(grouping) in values)
                if len(members) >= 4 and (best is None or len(members) < len(best)):
                    best = members
    return [tuple(best[:3])] if best else []


def attack(paths, truth_path, model_path, insider_sets, seed, workers, time_limit, exact=False):
    levels, areas = attacker.load_model(model_path)
    truth = attacker.load_truth(truth_path, levels, areas, LEFT_OUT)
    publications = attacker.load_publications(paths, truth, levels, areas, exact, 0, [], seed)
    everyone = sorted({i for r in truth.values() for i in r})
    sets = [()]
    if not exact:
        sets += smallest_group_insiders(publications, truth)
        draw = random.Random(seed)
        sets += [tuple(draw.sample(everyone, 3)) for _ in range(insider_sets)] if len(everyone) > 3 else []
    log = (lambda text: print(f"    {text}", file=sys.stderr, flush=True)) if os.environ.get("CHECK_DISCLOSURE_LOG") else None
    run_attack = attacker.Attack(publications, truth, levels, "all", time_limit, log=log)
    results = run_attack.run(sets, workers=workers)
    return run_attack, results


def main(argv=None):
    parser = argparse.ArgumentParser(description="Attacks strategyc's benchmark on adversarial and random populations.")
    parser.add_argument("strategyc")
    parser.add_argument("--cases", default=",".join(CASES) + ",random", help="cases to run (default all)")
    parser.add_argument("--random", type=int, default=40, help="councils of the random population (default 40)")
    parser.add_argument("--random-rounds", default="2025,2026", help="rounds of the random population")
    parser.add_argument("--seed", type=int, default=7, help="the random population's and insiders' seed (default 7)")
    parser.add_argument("--insider-sets", type=int, default=3, help="random insider sets of 3 per case (default 3)")
    parser.add_argument("--secrets", type=int, default=0,
                        help="publish each case with this many fixed disclosure secrets (repeatable runs); "
                             "default 0: once, with the store's own random secret")
    parser.add_argument("--workers", type=int, default=2, help="key areas attacked in parallel (default 2)")
    parser.add_argument("--time-limit", type=float, default=60.0, help="seconds per MILP solve (default 60)")
    parser.add_argument("--keep", help="write the cases' returns, stores and benchmarks here (a new folder)")
    parser.add_argument("--quiet", action="store_true", help="only failures and the summary")
    args = parser.parse_args(argv)
    strategyc = os.path.abspath(args.strategyc)
    cases = [c.strip() for c in args.cases.split(",") if c.strip()]
    unknown = [c for c in cases if c not in CASES and c != "random"]
    if unknown:
        parser.error(f"unknown case {unknown[0]!r}; the cases are {', '.join(CASES)}, random")
    if args.keep and os.path.exists(args.keep) and os.listdir(args.keep):
        parser.error(f"--keep {args.keep}: not empty (nothing is replaced there)")
    root = args.keep or tempfile.mkdtemp(prefix="strategyc-disclosure-")
    failures, started = [], time.perf_counter()

    def say(text):
        if not args.quiet:
            print(text, flush=True)
    try:
        model_path = os.path.join(root, "national-model.json")
        os.makedirs(root, exist_ok=True)
        run([strategyc, "export", "-o", model_path], "strategyc export")
        _, areas = attacker.load_model(model_path)
        for case in cases:
            work = os.path.join(root, case)
            os.makedirs(work)
            case_started = time.perf_counter()
            try:
                if case == "random":
                    run([sys.executable, os.path.join(HERE, "make_synthetic_returns.py"), strategyc,
                         os.path.join(work, "returns"), "--councils", str(args.random), "--rounds",
                         args.random_rounds, "--seed", str(args.seed), "--quiet"], "make_synthetic_returns.py")
                    meant_to_leak = True
                else:
                    plan_rounds, meant_to_leak = CASES[case](list(areas))
                    write_plan(strategyc, work, plan_rounds)
                store, round_names, truth_path = record(strategyc, work, os.path.join(work, "returns"))
                paths = publish(strategyc, work, store, round_names, None, "store")
                exact_attack, exact = attack(paths, truth_path, model_path, 0, args.seed, args.workers,
                                             args.time_limit, exact=True)
            except attacker.AttackError as error:
                failures.append(f"{case}: {error}")
                print(f"FAILED {case}: {error}", flush=True)
                continue
            unprotected = len(exact[0]["pins"])
            say(f"{case}: rounds {', '.join(exact_attack.rounds)}; unprotected (exact counts): {unprotected} answers pinned "
                f"of {exact[0]['questions']}")
            if meant_to_leak and unprotected == 0:
                failures.append(f"{case}: the attacker pins nothing even without protection (it has no teeth here)")
                print(f"FAILED {case}: exact counts made from the truth give no pin; the case tests nothing", flush=True)
            labels = [f"{case} {n + 1}" for n in range(args.secrets)] if args.secrets else [None]
            for n, label in enumerate(labels):
                secret_started = time.perf_counter()
                name = f"secret {n + 1}" if label else "the store's random secret"
                try:
                    paths = publish(strategyc, work, store, round_names, store_secret(label), f"secret-{n + 1}")
                    protected_attack, results = attack(paths, truth_path, model_path, args.insider_sets, args.seed,
                                                       args.workers, args.time_limit)
                except attacker.AttackError as error:
                    failures.append(f"{case}, {name}: {error}")
                    print(f"FAILED {case}, {name}: {error}", flush=True)
                    continue
                for warning in protected_attack.warnings:
                    failures.append(f"{case}, {name}: {warning}")
                    print(f"FAILED {case}, {name}: {warning}", flush=True)
                for result in results:
                    who = ", ".join(result["insiders"]) or "none"
                    line = (f"  strategyc's benchmark ({name}), insiders {who}: {len(result['pins'])} pinned, "
                            f"{len(result['undecided'])} undecided of {result['questions']} ({result['solves']} solves)")
                    if result["pins"] or result["undecided"]:
                        failures.append(f"{case}, {name}, insiders {who}: {len(result['pins'])} pinned, "
                                        f"{len(result['undecided'])} undecided")
                        print("FAILED " + line.strip(), flush=True)
                        for pin in result["pins"][:20]:
                            print("    " + attacker.format_pin(pin), flush=True)
                        for text in result["undecided"][:20]:
                            print("    UNDECIDED " + text, flush=True)
                    else:
                        say(line)
                say(f"  {case}, {name}: {time.perf_counter() - secret_started:.1f} s")
            say(f"  {case}: {time.perf_counter() - case_started:.1f} s")
    finally:
        if not args.keep:
            subprocess.run(["rm", "-rf", root])
    elapsed = time.perf_counter() - started
    if failures:
        print(f"check_disclosure: FAILED: {len(failures)} problem(s) in {elapsed:.0f} s")
        return 1
    print(f"check_disclosure: nothing pinned in {len(cases)} case(s), {elapsed:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
