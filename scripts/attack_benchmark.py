#!/usr/bin/env python3
"""An independent attacker on the published peer benchmark: an integer program (scipy.optimize.milp, HiGHS)
over every population of councils consistent with everything published, which tries to pin individual
councils' answers. Written apart from strategyc's disclosure control (issue 24), so that the protection is
tested by something that does not share its assumptions.

usage: attack_benchmark.py [BENCHMARK_JSON ...] --model MODEL_JSON --truth TRUTH_JSON
                           [--insider NAME ...] [--insiders N [--seed S]] [--leave-out-type TYPE ...]
                           [--exact-from-truth | --simulate-rounding B] [--rounds 2025,2026]
                           [--key-consistency {none,round,all}] [--explain N] [--time-limit S] [--quiet]

BENCHMARK_JSON: the national benchmark.json of each round (`strategyc benchmark --round R --out DIR`).
MODEL_JSON: the national model (`strategyc export`). TRUTH_JSON: make_synthetic_returns.py's truth.json.

THE ATTACKER MODEL (what the attacker knows and does)
- It knows every council that took part in every round, with its region and type (from its latest return
  of the round) and its basis (externally validated only when all its returns of the round say so), and
  which councils are the same council from one round to the next. With the published `members` of every
  grouping it therefore knows exactly which councils make up every published group.
- It sees everything published for every round: every count of every level, target and change table of
  every grouping (national, region, type, basis), every total, every group size. Regional reports and
  council reports repeat these rows, so they add no constraint. The cohort table (who answered both
  rounds) is known to it anyway.
- It knows the answers of up to 3 councils, its own and two others ("insiders", --insider/--insiders):
  their variables are fixed to the truth.
- It does not know the rounding's keys. Of format strategyc-benchmark-3 (strategyc's) it knows that every
  count is rounded to a multiple of the base B, shifted by whole steps of B (rarely; any number of steps is
  possible), and kept between 0 and the largest multiple of B its group's size allows: a published figure
  then rules no count from 0 to the group's size out, and only cell-key consistency (below) is left to
  reason with. Of format strategyc-benchmark-2 (the method before the shift, and --simulate-rounding) it
  knows that every count is rounded to one of the two multiples of B either side of the true count (the
  count itself when a multiple), then capped: a published p says true count in [max(0, p-B+1), p+B-1].
  A null (a round too small to publish) says nothing. Format strategyc-benchmark-1 (exact counts; null =
  withheld) is read too, so that the attacker can be shown to work on an unprotected publication.
- Cell-key consistency (--key-consistency, default "round"): strategyc publishes the same set of councils
  as the same figure wherever it appears in a round, before the cap. So two cells published differently,
  the smaller not at its own cap, cannot hold the same set of councils, and the attacker uses that: for each such pair the symmetric difference of the two
  sets must hold at least one council (a linear constraint, added lazily whenever a candidate population
  makes two such sets equal). "all" assumes the same across rounds too; "none" leaves it out.
- It ignores the medians (published as bands of a tenth, or null). The one point value a council's
  progress can be pinned to from the counts is 100%, which is exactly "meets its target", and that is
  checked as the target category below.

WHAT IS TRIED
For every council that is not an insider, every key area and every round, the attacker tries to pin
(a) its level category (Minimum ... Innovator, or Not rated); (b) its target category (Meets its target,
Below its target, No target or not rated); (c) for every trend published in a round, its change category
(Improved, Unchanged, Declined, Not comparable), for councils that answered both rounds (for the others
"Not comparable" follows from who took part, which the attacker knows anyway). A variable is PINNED when
it takes the same value in every population consistent with everything published.

THE INTEGER PROGRAM, one per key area (key areas share no published cell, so they are independent), over
all rounds jointly: binaries x[r,c,l] one-hot over the level categories, t[r,c,j] one-hot over the target
categories with Not rated => No target or not rated and Innovator => not Below its target (no target
is above Innovator); y[r,e,c,k] one-hot over the change categories of each trend (round r against the
earlier round e) for councils in both rounds, with Not comparable <=> not rated in either round, and
otherwise Improved <=> level_r > level_e, Unchanged <=> equal, Declined <=> lower (big-M on the integer
level value sum_i i*x[r,c,i]). Every published count is a linear constraint over the councils of its group.

How pins are found cheaply: the truth is a feasible point. Repeatedly solve with the objective "number of
still-unresolved variables at their true value" (minimised: one solve frees many at once); a solve to
optimality that frees none proves all the rest pinned. Whatever is left then gets one feasibility MILP
each, with its true value forbidden: infeasible = pinned. Every solve has a time limit; a solver failure
or a timeout is reported as a failure (exit status 2), never as safe.

--explain N: for up to N pins, a deletion filter finds a small set of published cells (and insiders) that
alone force the pin, and prints them with their published values and true counts.

SELF-CHECKS THAT IT HAS TEETH: --exact-from-truth attacks an unprotected publication made straight from
the truth (exact counts, nothing withheld; the groupings of the BENCHMARK_JSONs given, or every region
and type its own group, for --rounds); --simulate-rounding B attacks a publication rounded here by a
seeded cell key (the same set of councils, the same coin), to develop against before strategyc does it.

Exit status: 1 when anything is pinned (each pin listed), 2 on a failure (inconsistent inputs, solver
failure or timeout), 0 otherwise with a one-line summary. Nothing here uses strategyc's code: the
councils' figures are worked out from truth.json by scripts/synthetic_truth.py, as check_benchmark.py's are.
"""
import argparse
import hashlib
import json
import os
import random
import sys
import time

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import csr_matrix

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import synthetic_truth as truth_figures  # noqa: E402

TARGET_CATEGORIES = ["Meets its target", "Below its target", "No target or not rated"]
CHANGE_CATEGORIES = ["Improved", "Unchanged", "Declined", "Not comparable"]
COHORT_CATEGORIES = ["Answered both rounds", "Only this round"]
MEETS, BELOW, NO_TARGET = 0, 1, 2
IMPROVED, UNCHANGED, DECLINED, NOT_COMPARABLE = 0, 1, 2, 3
BOTH, ONLY_THIS = 0, 1
# format: how a published count relates to the true one: exactly; rounded (within base - 1, capped); or
# rounded and shifted (any count from 0 to the group's size)
FORMATS = {"strategyc-benchmark-1": "exact", "strategyc-benchmark-2": "rounded", "strategyc-benchmark-3": "shifted"}


class AttackError(Exception):
    """A failure: inputs that do not fit together, or a solver that could not decide. Never 'safe'."""


# ---------------------------------------------------------------------------------------------------
# The truth: every council's figures (scripts/synthetic_truth.py)
# ---------------------------------------------------------------------------------------------------

key, load_model = truth_figures.key, truth_figures.load_model


class Council:
    """One council in one round: who it is (known to the attacker) and its answers (the truth)."""

    def __init__(self, ident, name, ctype, region, basis, level, target):
        self.key, self.name, self.type, self.region, self.basis = ident, name, ctype, region, basis
        self.level = level    # key area: level number 1.. or absent (not rated)
        self.target = target  # key area: target number 1.. or absent

    def attribute(self, grouping):
        return {"region": self.region, "type": self.type, "basis": self.basis}[grouping]


def load_truth(path, levels, areas, left_out):
    """{round: {council key: Council}} from truth.json, councils of a left-out type dropped, with the
    figures of scripts/synthetic_truth.py (shared with check_benchmark.py, not with strategyc)."""
    return {round_name: {ident: Council(ident, f["name"], f["type"], f["region"], f["basis"], f["levels"], f["targets"])
                         for ident, f in councils.items()}
            for round_name, councils in truth_figures.figures_by_round(path, levels, areas, left_out).items()}


def round_order(name):
    return (int(name), name) if str(name).isdigit() else (10 ** 9, str(name))


# ---------------------------------------------------------------------------------------------------
# What is published
# ---------------------------------------------------------------------------------------------------

class Cell:
    """One published count: the set of councils it counts is (group, atom): the councils of the group
    (of the round's grouping) whose variable `atom` is 1. atom = (kind, area, earlier round, category)."""

    __slots__ = ("round", "kind", "area", "earlier", "category", "grouping", "group", "published", "low", "high",
                 "members", "ident", "base", "rounded")

    def __init__(self, round_name, kind, area, earlier, category, grouping, group, published, base, mode):
        rounded = mode != "exact"
        self.round, self.kind, self.area, self.earlier, self.category = round_name, kind, area, earlier, category
        self.grouping, self.group, self.published = grouping, group, published
        if published is None:
            self.low = self.high = None
        elif mode == "shifted":
            self.low, self.high = 0, np.inf  # the group's size, which the structure holds it to anyway
        elif rounded:
            self.low, self.high = max(0, published - base + 1), published + base - 1
        else:
            self.low = self.high = published
        self.base, self.rounded = base, rounded
        self.members = None  # council keys of the group, filled in when the attacker maps the groups
        self.ident = None

    def atom(self):
        return (self.kind, self.area, self.earlier, self.category)

    def describe(self, categories):
        what = {"level": "levels", "target": "targets", "change": "change", "cohort": "cohort"}[self.kind]
        since = f" since {self.earlier}" if self.earlier else ""
        area = f" {self.area}" if self.area else ""
        return (f"round {self.round} {what}{area}{since}, {self.grouping} '{self.group}' "
                f"{categories[self.kind][self.category]}: published {self.published}")


class Publication:
    """One round's national benchmark.json, as cells (format 1, 2 or 3)."""

    def __init__(self, document, source):
        fmt = document.get("format")
        if fmt not in FORMATS:
            raise AttackError(f"{source}: format {fmt!r} is neither {' nor '.join(FORMATS)}")
        self.source, self.round, self.mode = source, str(document["round"]), FORMATS[fmt]
        self.rounded = self.mode != "exact"
        self.base = int(document.get("rounding", {}).get("base", 1)) if self.rounded else 1
        if self.rounded and self.base < 2:
            raise AttackError(f"{source}: rounding base {self.base}")
        self.councils = document.get("councils")
        self.groupings = {g["name"]: [(group["label"], list(group["members"])) for group in g["groups"]]
                          for g in document["groupings"]}
        self.areas = [area["id"] for area in document["keyAreas"]]
        self.earlier = [trend["earlierRound"] for trend in document["trends"]]
        self.cells, self.sizes = [], []
        for area in document["keyAreas"]:
            self.family("level", area["id"], None, area["levels"])
            self.family("target", area["id"], None, area["targets"])
        for trend in document["trends"]:
            earlier = str(trend["earlierRound"])
            self.family("cohort", None, earlier, trend["cohort"])
            for change in trend["keyAreas"]:
                self.family("change", change["id"], earlier, change["change"])

    def family(self, kind, area, earlier, family):
        for table in family["tables"]:
            grouping = table["grouping"]
            for row in table["rows"]:
                self.sizes.append((grouping, row["group"], row.get("size")))
                for index, value in enumerate(row["counts"]):
                    self.cells.append(Cell(self.round, kind, area, earlier, index, grouping, row["group"], value,
                                           self.base, self.mode))
            national = self.groupings.get("national", [("All councils", [])])[0][0]
            self.sizes.append(("national", national, table.get("total")))
            for index, value in enumerate(table.get("totals", [])):
                self.cells.append(Cell(self.round, kind, area, earlier, index, "national", national, value,
                                       self.base, self.mode))


def truth_category(kind, council, area, earlier_council, not_rated):
    """The true category of a council's atom of this kind (the truth's figures, as check_benchmark.py)."""
    if kind == "level":
        return council.level[area] - 1 if area in council.level else not_rated
    if kind == "target":
        if area in council.level and area in council.target:
            return MEETS if council.level[area] >= council.target[area] else BELOW
        return NO_TARGET
    if kind == "cohort":
        return BOTH if earlier_council is not None else ONLY_THIS
    then = earlier_council.level.get(area) if earlier_council is not None else None
    now = council.level.get(area)
    if then is None or now is None:
        return NOT_COMPARABLE
    return IMPROVED if now > then else UNCHANGED if now == then else DECLINED


def default_groupings(councils):
    """Every region, type and basis its own group (an unprotected publication pools nothing)."""
    groupings = {"national": [("All councils", [])]}
    for grouping in ("region", "type", "basis"):
        values = sorted({c.attribute(grouping) for c in councils.values()})
        groupings[grouping] = [(value, [value]) for value in values]
    return groupings


def cell_key_coin(seed, members):
    """A uniform number in [0, 1) that depends only on the set of councils (and the seed)."""
    digest = hashlib.sha256((str(seed) + "\x00" + "\x00".join(sorted(members))).encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2 ** 64


def publication_from_truth(truth, round_name, levels, areas, groupings=None, earlier=None, base=None, seed=0):
    """A benchmark document of the round made straight from the truth: exact counts, nothing withheld
    (format 1 shape), or with base B every count rounded to a multiple of B by a coin that depends only on
    the set of councils counted (format 2 shape: the same set gives the same figure in every table and
    round). The groupings are those given (a real benchmark's) or every value its own group."""
    councils = truth.get(round_name, {})
    groupings = groupings or default_groupings(councils)
    if earlier is None:
        earlier = [r for r in sorted(truth, key=round_order) if round_order(r) < round_order(round_name) and truth[r]]
    not_rated = len(levels)

    def publish(members, size):
        count = len(members)
        if base is None:
            return count
        low, rest = divmod(count, base)
        return min(low * base + (base if cell_key_coin(seed, members) < rest / base else 0), size - size % base)

    def family(categories, category_of):
        tables = []
        for name, groups in groupings.items():
            rows, everyone = [], [[] for _ in categories]
            for label, members in groups:
                in_group = [c for c in councils.values() if name == "national" or c.attribute(name) in members]
                sets = [[] for _ in categories]
                for council in in_group:
                    sets[category_of(council)].append(council.key)
                rows.append({"group": label, "size": len(in_group), "counts": [publish(s, len(in_group)) for s in sets]})
                for index, s in enumerate(sets):
                    everyone[index].extend(s)
            if name == "national":
                everyone = [[] for _ in categories]
                for council in councils.values():
                    everyone[category_of(council)].append(council.key)
            tables.append({"grouping": name, "rows": rows, "total": len(councils),
                           "totals": [publish(s, len(councils)) for s in everyone]})
        return {"categories": categories, "tables": tables}

    document = {"format": "strategyc-benchmark-2" if base else "strategyc-benchmark-1", "round": round_name,
                "councils": len(councils), "keyAreas": [], "trends": [],
                "groupings": [{"name": n, "groups": [{"label": l, "members": m} for l, m in g]}
                              for n, g in groupings.items()]}
    if base:
        document["rounding"] = {"base": base}
    for area in areas:
        document["keyAreas"].append({
            "id": area,
            "levels": family(levels + ["Not rated"], lambda c: truth_category("level", c, area, None, not_rated)),
            "targets": family(TARGET_CATEGORIES, lambda c: truth_category("target", c, area, None, not_rated))})
    for earlier_round in earlier:
        then = truth.get(earlier_round, {})
        document["trends"].append({
            "earlierRound": earlier_round,
            "cohort": family(COHORT_CATEGORIES, lambda c: truth_category("cohort", c, None, then.get(c.key), not_rated)),
            "keyAreas": [{"id": area, "change": family(
                CHANGE_CATEGORIES, lambda c, area=area: truth_category("change", c, area, then.get(c.key), not_rated))}
                for area in areas]})
    return document


# ---------------------------------------------------------------------------------------------------
# The integer program of one key area
# ---------------------------------------------------------------------------------------------------

class AreaModel:
    """The binaries and linear constraints of one key area over every round, with the truth as a known
    feasible point. Rows are tagged: 'structure' (always), ('cell', id) for a published count, ('pair', a, b)
    for a cell-key consistency cut between two cells of this key area, 'conditional' for a cut against another
    key area's cell, which holds only while that key area is at its truth (see AreaWork.search)."""

    def __init__(self, attack, area):
        self.attack, self.area = attack, area
        self.levels = attack.level_count  # rated categories 0..levels-1; not rated = levels
        self.nr = self.levels
        self.columns = 0
        self.truth, self.meta, self.block, self.council_columns = [], [], {}, {}
        self.rows, self.row_low, self.row_high, self.row_tag = [], [], [], []
        self.cell_row = {}
        self.cache = {}
        self.build()

    def size(self, kind):
        return self.levels + 1 if kind == "level" else 3 if kind == "target" else 4

    def add_block(self, kind, round_name, council, earlier, true_category):
        first = self.columns
        self.block[(kind, round_name, council, earlier)] = first
        for category in range(self.size(kind)):
            self.meta.append((kind, round_name, council, earlier, category))
            self.truth.append(1 if category == true_category else 0)
            self.council_columns.setdefault(council, []).append(self.columns)
            self.columns += 1
        return first

    def add_aux(self, true_value):
        self.meta.append(("aux",))
        self.truth.append(true_value)
        self.columns += 1
        return self.columns - 1

    def add_row(self, coefficients, low, high, tag):
        self.rows.append(coefficients)
        self.row_low.append(low)
        self.row_high.append(high)
        self.row_tag.append(tag)
        return len(self.rows) - 1

    def build(self):
        attack, area, nr, levels = self.attack, self.area, self.nr, self.levels
        top = levels - 1
        for r in attack.rounds:
            for ident, council in attack.councils[r].items():
                x = self.add_block("level", r, ident, None, truth_category("level", council, area, None, nr))
                t = self.add_block("target", r, ident, None, truth_category("target", council, area, None, nr))
                self.add_row({x + k: 1 for k in range(levels + 1)}, 1, 1, "structure")
                self.add_row({t + k: 1 for k in range(3)}, 1, 1, "structure")
                self.add_row({x + nr: 1, t + NO_TARGET: -1}, -np.inf, 0, "structure")   # not rated => no target
                self.add_row({x + top: 1, t + BELOW: 1}, -np.inf, 1, "structure")      # top level => not below
        for r, e in attack.trends:
            for ident, council in attack.councils[r].items():
                if ident not in attack.councils.get(e, {}):
                    continue
                y = self.add_block("change", r, ident, e, truth_category("change", council, area, attack.councils[e][ident], nr))
                xr, xe = self.block[("level", r, ident, None)], self.block[("level", e, ident, None)]
                self.add_row({y + k: 1 for k in range(4)}, 1, 1, "structure")
                self.add_row({y + NOT_COMPARABLE: 1, xr + nr: -1}, 0, np.inf, "structure")
                self.add_row({y + NOT_COMPARABLE: 1, xe + nr: -1}, 0, np.inf, "structure")
                self.add_row({y + NOT_COMPARABLE: 1, xr + nr: -1, xe + nr: -1}, -np.inf, 0, "structure")
                # d = level_r - level_e over the rated categories (a not-rated level counts 0; y is then NC)
                diff = {}
                for k in range(1, levels):
                    diff[xr + k] = diff.get(xr + k, 0) + k
                    diff[xe + k] = diff.get(xe + k, 0) - k
                self.add_row({**diff, y + IMPROVED: -(top + 1)}, -top, np.inf, "structure")  # y0 => d >= 1
                self.add_row({**diff, y + UNCHANGED: top}, -np.inf, top, "structure")        # y1 => d <= 0
                self.add_row({**diff, y + UNCHANGED: -top}, -top, np.inf, "structure")       # y1 => d >= 0
                self.add_row({**{c: -v for c, v in diff.items()}, y + DECLINED: -(top + 1)}, -top, np.inf, "structure")
        for cell in attack.cells_of_area(area):
            if cell.low is None:
                continue
            coefficients, constant = self.expression(cell)
            self.cell_row[cell.ident] = self.add_row(coefficients, cell.low - constant, cell.high - constant,
                                                     ("cell", cell.ident))
        if not self.satisfied(self.truth_vector()):
            raise AttackError(f"key area {area}: the truth does not satisfy what is published (inputs do not fit together)")

    def truth_vector(self):
        return np.array(self.truth, dtype=float)

    def atom(self, cell, ident):
        """The council's term in the cell: ('var', column) or ('const', 0 or 1)."""
        if cell.kind == "cohort":
            return ("const", int(self.attack.cohort_category(cell.round, ident, cell.earlier) == cell.category))
        if cell.kind == "change" and ("change", cell.round, ident, cell.earlier) not in self.block:
            return ("const", int(cell.category == NOT_COMPARABLE))
        return ("var", self.block[(cell.kind, cell.round, ident, cell.earlier)] + cell.category)

    def expression(self, cell):
        return count_expression(cell, self.atom)

    def matrix(self, keep="all"):
        """The constraint matrix of the rows kept: 'all', 'valid' (no conditional cut), or a set of row
        indices (with every structure row)."""
        cache_key = (keep, len(self.rows), self.columns) if isinstance(keep, str) else None
        if cache_key in self.cache:
            return self.cache[cache_key]
        if keep == "all":
            chosen = range(len(self.rows))
        elif keep == "valid":
            chosen = [i for i, tag in enumerate(self.row_tag) if tag != "conditional"]
        else:
            chosen = [i for i, tag in enumerate(self.row_tag) if tag == "structure" or i in keep]
        data, rows, cols = [], [], []
        for n, i in enumerate(chosen):
            for column, value in self.rows[i].items():
                rows.append(n)
                cols.append(column)
                data.append(value)
        result = (csr_matrix((data, (rows, cols)), shape=(len(chosen), self.columns)),
                  np.array([self.row_low[i] for i in chosen], dtype=float),
                  np.array([self.row_high[i] for i in chosen], dtype=float))
        if cache_key:
            self.cache = {cache_key: result}
        return result

    def satisfied(self, vector, keep="all"):
        a, low, high = self.matrix(keep)
        values = a @ vector
        return bool(np.all(values >= low - 1e-6) and np.all(values <= high + 1e-6))

    def solve(self, objective, forbid=(), fixed=(), keep="all", time_limit=30.0):
        """('feasible', x) | ('infeasible',) | ('unknown', why). forbid: columns held at 0; fixed: columns held
        at their truth (the insiders')."""
        a, low, high = self.matrix(keep)
        lower, upper = np.zeros(self.columns), np.ones(self.columns)
        truth = self.truth_vector()
        for column in fixed:
            lower[column] = upper[column] = truth[column]
        for column in forbid:
            upper[column] = 0
        if np.any(lower > upper):
            return ("infeasible",)
        c = np.zeros(self.columns)
        c[:len(objective)] = objective
        try:
            result = milp(c, integrality=np.ones(self.columns), bounds=Bounds(lower, upper),
                          constraints=[LinearConstraint(a, low, high)] if a.shape[0] else [],
                          options={"time_limit": time_limit, "presolve": True})
        except Exception as error:  # the solver itself failed: never read as safe
            return ("unknown", f"milp raised {error!r}")
        if result.status == 2:
            return ("infeasible",)
        if result.x is None:
            return ("unknown", f"milp status {result.status}: {result.message}")
        x = np.round(result.x)
        if not self.satisfied(x, keep) or np.any(x < lower) or np.any(x > upper):
            return ("unknown", "milp returned a point that breaks the constraints")
        return ("feasible", x)


# ---------------------------------------------------------------------------------------------------
# The search of one key area: local moves first, the integer program for what is left
# ---------------------------------------------------------------------------------------------------

PAIR_CANDIDATES = 60  # pair moves tried for consistency per move of the council (bounds already hold)


class AreaWork:
    """Pins of one key area, for any set of insiders. A *witness* is a whole population consistent with
    everything published (every count in its interval, every cell-key consistency, the other key areas at
    their truth) in which a variable differs from its truth; it is kept as the set of councils it moves, so a
    witness found once serves every insider set that leaves those councils alone. Witnesses come from moving
    one council (every other council at its truth), then two, then from the integer program."""

    def __init__(self, attack, area):
        self.attack, self.area = attack, area
        self.model = model = AreaModel(attack, area)
        self.truth = model.truth_vector()
        self.solves = 0
        # the variables to pin: one per block, with its true category
        self.questions, self.question_of_block = [], {}
        for (kind, r, ident, e), first in model.block.items():
            true = [model.truth[first + k] for k in range(model.size(kind))].index(1)
            self.question_of_block[(kind, r, ident, e)] = len(self.questions)
            self.questions.append(((kind, r, ident, e), first, true))
        self.witnesses = [[] for _ in self.questions]
        self.learned = set()  # (cell, cell) pairs found to need different sets: cuts the joint search reuses
        # the published cells of this key area as a matrix, and which cells each column is counted in
        cells = [(row, self.attack.cells[model.row_tag[row][1]]) for row in model.cell_row.values()]
        self.cell_list = [cell for _, cell in cells]
        a = model.matrix(set(row for row, _ in cells))[0]
        structure = [i for i, tag in enumerate(model.row_tag) if tag == "structure"]
        keep = np.array([i for i, tag in enumerate(model.row_tag) if tag == "structure" or i in model.cell_row.values()])
        order = {row: n for n, row in enumerate(keep)}
        self.cell_index = np.array([order[row] for row, _ in cells], dtype=int)
        self.struct_index = np.array([order[row] for row in structure], dtype=int)
        self.a_cells = a[self.cell_index] if len(cells) else csr_matrix((0, model.columns))
        self.a_struct = a[self.struct_index]
        self.base = self.a_cells @ self.truth
        self.low = np.array([model.row_low[row] for row, _ in cells], dtype=float)
        self.high = np.array([model.row_high[row] for row, _ in cells], dtype=float)
        self.column_cells = self.a_cells.tocsc()
        self.build_moves()
        self.singles()
        self.relabels()

    # -- moves of one council ------------------------------------------------------------------------

    def build_moves(self):
        """Every change of one council's level and target category in one round, with what follows for its
        change categories; D holds them as columns of +1/-1 over the model's columns."""
        model, nr, top = self.model, self.model.nr, self.model.levels - 1
        trends_of = {}
        for (kind, r, ident, e) in model.block:
            if kind == "change":
                trends_of.setdefault((r, ident), []).append((r, ident, e))
                trends_of.setdefault((e, ident), []).append((r, ident, e))
        true_level = {(r, i): self.questions[self.question_of_block[("level", r, i, None)]][2]
                      for (kind, r, i, e) in model.block if kind == "level"}
        self.moves, data, rows, cols = [], [], [], []
        for (r, ident), l0 in true_level.items():
            t0 = self.questions[self.question_of_block[("target", r, ident, None)]][2]
            x, t = model.block[("level", r, ident, None)], model.block[("target", r, ident, None)]
            for level in range(nr + 1):
                for target in range(3):
                    if (level, target) == (l0, t0) or (level == nr and target != NO_TARGET) or \
                            (level == top and target == BELOW):
                        continue
                    delta, changed = {}, []
                    if level != l0:
                        delta[x + l0], delta[x + level] = -1, 1
                        changed.append(self.question_of_block[("level", r, ident, None)])
                    if target != t0:
                        delta[t + t0], delta[t + target] = -1, 1
                        changed.append(self.question_of_block[("target", r, ident, None)])
                    for (rr, _, ee) in trends_of.get((r, ident), []):
                        now = level if rr == r else true_level[(rr, ident)]
                        then = level if ee == r else true_level[(ee, ident)]
                        new = NOT_COMPARABLE if nr in (now, then) else IMPROVED if now > then else \
                            UNCHANGED if now == then else DECLINED
                        q = self.question_of_block[("change", rr, ident, ee)]
                        old = self.questions[q][2]
                        if new != old:
                            y = model.block[("change", rr, ident, ee)]
                            delta[y + old], delta[y + new] = -1, 1
                            changed.append(q)
                    n = len(self.moves)
                    self.moves.append((ident, delta, changed))
                    for column, value in delta.items():
                        rows.append(column)
                        cols.append(n)
                        data.append(value)
        self.d = csr_matrix((data, (rows, cols)), shape=(model.columns, len(self.moves))).tocsc()
        self.owner = np.array([ident for ident, _, _ in self.moves], dtype=object)
        s = (self.a_struct @ self.d).tocoo()
        base_s = self.a_struct @ self.truth
        low_s = np.array([model.row_low[i] for i, tag in enumerate(model.row_tag) if tag == "structure"])
        high_s = np.array([model.row_high[i] for i, tag in enumerate(model.row_tag) if tag == "structure"])
        new = base_s[s.row] + s.data
        if np.any(new < low_s[s.row] - 1e-9) or np.any(new > high_s[s.row] + 1e-9):
            raise AttackError(f"key area {self.area}: a local move breaks the model's structure (a bug of the attacker)")
        self.r = (self.a_cells @ self.d).tocsc()
        coo = self.r.tocoo()
        new = self.base[coo.row] + coo.data
        bad = (new < self.low[coo.row] - 1e-9) | (new > self.high[coo.row] + 1e-9)
        self.bad = np.bincount(coo.col[bad], minlength=len(self.moves))
        self.r_rows = self.r.tocsr()
        self.moves_of = {}
        for n, (ident, delta, changed) in enumerate(self.moves):
            for q in changed:
                self.moves_of.setdefault(q, []).append(n)

    def changed_cells(self, delta):
        """{cell ident: its new set of councils} for the cells whose set a change of columns alters."""
        adds, removes = {}, {}
        meta = self.model.meta
        for column, value in delta.items():
            if value == 0:
                continue
            start, end = self.column_cells.indptr[column], self.column_cells.indptr[column + 1]
            for row in self.column_cells.indices[start:end]:
                (adds if value > 0 else removes).setdefault(row, set()).add(meta[column][2])
        out = {}
        for row in set(adds) | set(removes):
            cell = self.cell_list[row]
            old = self.attack.truth_sets[cell.ident]
            new = (old - removes.get(row, set())) | adds.get(row, set())
            if new != old:
                out[cell.ident] = frozenset(new)
        return out

    def consistent_delta(self, delta):
        return not self.attack.collisions(self.changed_cells(delta), first_only=True)

    def add_witness(self, moved, questions):
        moved = frozenset(moved)
        for q in questions:
            if moved not in self.witnesses[q]:
                self.witnesses[q].append(moved)

    def singles(self):
        """Witnesses that move one council (every other at its truth): most variables are freed here."""
        feasible = np.flatnonzero(self.bad == 0)
        for n in feasible:
            ident, delta, changed = self.moves[n]
            if all(any(len(w) == 1 for w in self.witnesses[q]) for q in changed):
                continue
            if self.consistent_delta(delta):
                self.add_witness({ident}, changed)

    def relabels(self):
        """Witnesses that swap two twins: councils in the same group of every grouping of every round and
        in the same rounds. Swapping all their answers (and their unknown record keys) gives the very same
        publication, so wherever two twins differ, neither is pinned unless the other is an insider."""
        by_signature = {}
        for ident, signature in self.attack.signatures.items():
            by_signature.setdefault(signature, []).append(ident)
        values = {}
        for q, ((kind, r, ident, e), _, true) in enumerate(self.questions):
            values[(kind, r, ident, e)] = (q, true)
        for twins in by_signature.values():
            for x in twins:
                for y in twins:
                    if x >= y:
                        continue
                    for (kind, r, ident, e), (q, true) in values.items():
                        if ident != x:
                            continue
                        other = values.get((kind, r, y, e))
                        if other is not None and other[1] != true:
                            self.add_witness({x, y}, [q, other[0]])

    def pairs(self, q, insiders):
        """A witness moving the council of question q and one other council, none an insider."""
        ident = self.questions[q][0][2]
        allowed = np.array([o not in insiders and o != ident for o in self.owner], dtype=bool)
        for m in self.moves_of.get(q, []):
            start, end = self.r.indptr[m], self.r.indptr[m + 1]
            rows, values = self.r.indices[start:end], self.r.data[start:end]
            if len(rows) == 0:
                continue
            sub = self.r_rows[rows].toarray()
            base, low, high = self.base[rows, None], self.low[rows, None], self.high[rows, None]
            combined = base + values[:, None] + sub
            together = np.all((combined >= low - 1e-9) & (combined <= high + 1e-9), axis=0)
            alone = base + sub
            bad_here = np.sum((alone < low - 1e-9) | (alone > high + 1e-9), axis=0)
            ok = np.flatnonzero(together & (self.bad - bad_here == 0) & allowed)
            mine = self.moves[m][1]
            for n in ok[:PAIR_CANDIDATES]:
                other, delta, changed = self.moves[n]
                both = dict(mine)
                for column, value in delta.items():
                    both[column] = both.get(column, 0) + value
                if self.consistent_delta(both):
                    self.add_witness({ident, other}, set(changed) | set(self.moves[m][2]))
                    return True
        return False

    # -- the integer program for what is left ----------------------------------------------------------

    def search(self, q, insiders):
        """('free',) with a witness recorded, ('pinned',) proven, ('undecided', why) or ('unknown', why)."""
        model, attack = self.model, self.attack
        (kind, r, ident, e), first, true = self.questions[q]
        fixed = [c for i in insiders for c in model.council_columns.get(i, [])]
        keep = "valid"
        while True:
            objective = np.zeros(model.columns)
            for (k2, _, i2, _), f2, t2 in self.questions:
                if k2 != "change" and i2 not in insiders:
                    objective[f2 + t2] = -1  # stay close to the truth: few councils move, few cells change
            outcome = model.solve(objective, forbid=[first + true], fixed=fixed, keep=keep,
                                  time_limit=attack.time_limit)
            self.solves += 1
            if outcome[0] == "infeasible":
                return ("pinned",) if keep == "valid" else \
                    ("undecided", "every witness found collides with another key area's published cells")
            if outcome[0] == "unknown":
                return outcome
            x = outcome[1]
            delta = {c: int(x[c] - self.truth[c]) for c in np.flatnonzero(x[:len(self.truth)] != self.truth)}
            changed = self.changed_cells(delta)
            cuts = attack.collisions(changed)
            if not cuts:
                moved = {model.meta[c][2] for c in delta}
                freed = [p for p, (_, f2, t2) in enumerate(self.questions) if x[f2 + t2] < 0.5]
                self.add_witness(moved, freed)
                return ("free",)
            for mine, other in cuts:
                self.learned.add((mine.ident, other.ident))
                conditional = other.area != self.area and other.kind != "cohort"
                coefficients, constant = attack.difference_row(model, mine, other, conditional)
                model.add_row(coefficients, 1 - constant, np.inf,
                              "conditional" if conditional else ("pair", mine.ident, other.ident))
                if conditional:
                    keep = "all"
            if not model.satisfied(model.truth_vector(), "valid"):
                raise AttackError(f"key area {self.area}: a consistency cut excludes the truth (a bug of the attacker)")

    def run(self, insiders, only=None, explain=0):
        insiders = frozenset(insiders)
        started, solves = time.perf_counter(), self.solves
        asked = [q for q, ((kind, r, ident, e), _, _) in enumerate(self.questions)
                 if ident not in insiders and (only is None or ident in only)]

        def free(q):
            return any(w.isdisjoint(insiders) for w in self.witnesses[q])
        pins, undecided = [], []
        for q in asked:
            if not free(q):
                self.pairs(q, insiders)
        for q in asked:
            if free(q):
                continue
            outcome = self.search(q, insiders)
            if outcome[0] == "pinned":
                pins.append(q)
            elif outcome[0] == "undecided":
                undecided.append((q, outcome[1]))
            elif outcome[0] == "unknown":
                raise AttackError(f"key area {self.area}: {self.attack.label(self.questions[q][0])}: "
                                  f"the solver could not decide ({outcome[1]})")
        reports = []
        for n, q in enumerate(pins):
            (kind, r, ident, e), first, true = self.questions[q]
            report = {"council": self.attack.names[ident], "round": r, "area": self.area, "what": kind,
                      "earlier": e, "value": self.attack.categories[kind][true]}
            if n < explain:
                report["because"] = self.explain(first + true, insiders)
            reports.append(report)
        return {"pins": reports, "questions": len(asked), "solves": self.solves - solves,
                "undecided": [(self.area, self.questions[q][0], self.questions[q][2], why) for q, why in undecided],
                "cuts": sorted(self.learned),
                "seconds": time.perf_counter() - started}

    def explain(self, column, insiders):
        """A small set of published cells, consistency cuts and insiders that alone forbid moving this column
        off its truth (a deletion filter over the tagged rows, in chunks)."""
        model = self.model

        def infeasible(kept, known):
            fixed = [c for i in known for c in model.council_columns.get(i, [])]
            outcome = model.solve(np.zeros(model.columns), [column], fixed, set(kept), self.attack.time_limit)
            return outcome[0] == "infeasible"

        kept = [i for i, tag in enumerate(model.row_tag) if tag != "structure" and tag != "conditional"]
        known = set(insiders)
        if not infeasible(kept, known):
            return ["(not forced by this key area's cells alone)"]
        chunk = max(1, len(kept) // 4)
        while True:
            i = 0
            while i < len(kept):
                trial = kept[:i] + kept[i + chunk:]
                if infeasible(trial, known):
                    kept = trial
                else:
                    i += chunk
            if chunk == 1:
                break
            chunk = max(1, chunk // 4)
        for insider in sorted(known):
            if infeasible(kept, known - {insider}):
                known.discard(insider)
        out = []
        for row in kept:
            tag = model.row_tag[row]
            if tag[0] == "cell":
                cell = self.attack.cells[tag[1]]
                out.append(f"{cell.describe(self.attack.categories)} (truly {len(self.attack.truth_sets[cell.ident])})")
            else:
                first, second = self.attack.cells[tag[1]], self.attack.cells[tag[2]]
                out.append(f"cell key: '{first.describe(self.attack.categories)}' and "
                           f"'{second.describe(self.attack.categories)}' differ, so they do not count the same councils")
        out.extend(f"insider {self.attack.names[i]}'s own answers" for i in sorted(known))
        return out


# ---------------------------------------------------------------------------------------------------
# The attack
# ---------------------------------------------------------------------------------------------------

_SHARED = {}  # what a worker process of Attack.run reads (set before the processes fork)


def _attack_area(area):
    attack, insider_sets, only, explain = _SHARED["job"]
    started = time.perf_counter()
    work = AreaWork(attack, area)
    prepared = time.perf_counter() - started
    results = [work.run(insiders, only, explain) for insiders in insider_sets]
    results[0]["seconds"] += prepared
    return area, results


def count_expression(cell, term):
    """A cell's count as (coefficients, constant): term(cell, council) gives each council's ('var', column)
    or ('const', 0 or 1)."""
    coefficients, constant = {}, 0
    for ident in cell.members:
        what, value = term(cell, ident)
        if what == "var":
            coefficients[value] = coefficients.get(value, 0) + 1
        else:
            constant += value
    return coefficients, constant


def xor_terms(pairs, add, both):
    """The size of a symmetric difference as a linear expression: for each council's pair of terms (a, b),
    each ('const', 0 or 1) or ('var', column), adds what |a - b| contributes through add(column, value),
    two different columns through both(a, b), and returns the constant part."""
    constant = 0
    for a, b in pairs:
        if a[0] == "const" and b[0] == "const":
            constant += a[1] ^ b[1]
        elif a[0] == "const" or b[0] == "const":
            k, v = (a[1], b[1]) if a[0] == "const" else (b[1], a[1])
            if k:
                constant += 1
                add(v, -1)
            else:
                add(v, 1)
        elif a[1] != b[1]:
            both(a[1], b[1])
    return constant


class Attack:
    """Everything the attacker knows (councils, groups, published cells) and the search for pins."""

    def __init__(self, publications, truth, levels, consistency="round", time_limit=30.0, log=None,
                 joint_solves=None):
        self.publications = sorted(publications, key=lambda p: round_order(p.round))
        self.truth, self.levels, self.level_count = truth, levels, len(levels)
        self.consistency, self.time_limit = consistency, time_limit
        self.joint_solves = joint_solves or JOINT_SOLVES
        self.log = log or (lambda text: None)
        self.warnings = []
        self.categories = {"level": levels + ["Not rated"], "target": TARGET_CATEGORIES,
                           "change": CHANGE_CATEGORIES, "cohort": COHORT_CATEGORIES}
        if len({p.round for p in self.publications}) != len(self.publications):
            raise AttackError("two benchmarks of the same round")
        self.trends = [(p.round, e) for p in self.publications for e in p.earlier]
        self.rounds = sorted({p.round for p in self.publications} | {e for _, e in self.trends}, key=round_order)
        self.councils = {r: truth.get(r, {}) for r in self.rounds}
        self.names = {}
        for r in self.rounds:
            for ident, council in self.councils[r].items():
                self.names[ident] = council.name
        self.areas = []
        for p in self.publications:
            self.areas.extend(area for area in p.areas if area not in self.areas)
        self.cells, self.group_members = [], {}
        for p in self.publications:
            self.map_groups(p)
            for cell in p.cells:
                cell.ident = len(self.cells)
                self.cells.append(cell)
        self.check_structure()
        self.prepare_consistency()
        self.signatures = {}
        for ident in self.names:
            self.signatures[ident] = tuple(
                (p.round, tuple(label for grouping, groups in sorted(p.groupings.items()) for label, _ in groups
                                if ident in self.group_members[(p.round, grouping, label)]))
                if ident in self.councils[p.round] else (p.round, None)
                for p in self.publications) + tuple(r for r in self.rounds if ident in self.councils[r])

    def map_groups(self, publication):
        """Each published group's councils, from the groupings' members; every group size must agree."""
        councils = self.councils[publication.round]
        if publication.councils is not None and publication.councils not in (0, len(councils)):
            raise AttackError(f"{publication.source}: {publication.councils} councils published, the truth has "
                              f"{len(councils)} in round {publication.round} (wrong truth or --leave-out-type?)")
        members = {}
        for grouping, groups in publication.groupings.items():
            for label, values in groups:
                members[(grouping, label)] = tuple(sorted(
                    ident for ident, c in councils.items() if grouping == "national" or c.attribute(grouping) in values))
            if grouping != "national":
                for ident, c in councils.items():
                    if sum(1 for _, values in groups if c.attribute(grouping) in values) != 1:
                        raise AttackError(f"{publication.source}: {c.name} ({grouping} {c.attribute(grouping)}) is in "
                                          f"no published {grouping} group, or in several")
        for grouping, label, size in publication.sizes:
            if (grouping, label) not in members:
                raise AttackError(f"{publication.source}: a row of group {grouping} '{label}' not among the groupings")
            if size is not None and size != len(members[(grouping, label)]):
                raise AttackError(f"{publication.source}: {grouping} '{label}' has size {size}, the attacker counts "
                                  f"{len(members[(grouping, label)])}")
        for cell in publication.cells:
            cell.members = members[(cell.grouping, cell.group)]
        for (grouping, label), councils_in in members.items():
            self.group_members[(publication.round, grouping, label)] = frozenset(councils_in)

    def check_structure(self):
        """The same atom over the same group must be published alike (else the inputs are not strategyc's)."""
        seen = {}
        for cell in self.cells:
            if cell.published is not None:
                k = (cell.round, cell.atom(), cell.members)
                if seen.setdefault(k, cell.published) != cell.published:
                    raise AttackError(f"one cell published as {seen[k]} and {cell.published}: {cell.describe(self.categories)}")

    def cohort_category(self, round_name, ident, earlier):
        return BOTH if ident in self.councils.get(earlier, {}) else ONLY_THIS

    def cells_of_area(self, area):
        return [cell for cell in self.cells if cell.area == area]

    def scope(self, cell):
        return cell.round if self.consistency == "round" else None

    def label(self, label):
        kind, r, ident, e = label
        return f"{self.names[ident]} round {r} {kind}" + (f" since {e}" if e else "")

    # -- cell-key consistency -----------------------------------------------------------------------

    def category_of(self, cell, ident):
        if cell.kind == "cohort":
            return self.cohort_category(cell.round, ident, cell.earlier)
        earlier = self.councils.get(cell.earlier, {}).get(ident) if cell.earlier else None
        return truth_category(cell.kind, self.councils[cell.round][ident], cell.area, earlier, self.level_count)

    def prepare_consistency(self):
        """The true set of councils of every published cell, and the index (scope, set) -> {published: cells}.
        If the truth itself publishes one set as two figures, strategyc's rounding is not consistent by set
        (within a round, or across rounds for "all") and the attacker may not assume it: it is left out."""
        self.truth_sets = {}
        self.index = {}
        for cell in self.cells:
            if cell.published is not None:
                self.truth_sets[cell.ident] = frozenset(i for i in cell.members if self.category_of(cell, i) == cell.category)
        if self.consistency == "none":
            return
        for cell in self.cells:
            if cell.published is not None:
                self.index.setdefault((self.scope(cell), self.truth_sets[cell.ident]), {}).setdefault(
                    cell.published, []).append(cell.ident)
        clashes = [k for k, by_value in self.index.items()
                   if any(self.differ(self.cells[a[0]], self.cells[b[0]]) for a in by_value.values() for b in by_value.values())]
        if clashes:
            example = self.index[clashes[0]]
            cells = [self.cells[ids[0]].describe(self.categories) for ids in example.values()]
            self.warnings.append(f"the publication is not consistent by set of councils ({self.consistency}): "
                                 f"{len(clashes)} sets published as two figures, e.g. {' / '.join(cells)}; "
                                 f"the attacker does not use cell-key consistency")
            self.consistency, self.index = "none", {}

    @staticmethod
    def cap(cell):
        """The largest figure the cell's group allows: its size down to a multiple of the base (format 2)."""
        return len(cell.members) - len(cell.members) % cell.base if cell.rounded else None

    def differ(self, first, second):
        """Whether two cells' figures prove that they count different sets of councils: the same set is
        rounded alike, then capped by each cell's group, so two figures differ for one set only when the
        smaller is its own cell's cap."""
        if first.published == second.published:
            return False
        low = first if first.published < second.published else second
        return low.published != self.cap(low)

    def collisions(self, changed, first_only=False):
        """Pairs (changed cell, other cell) published differently whose sets of councils become equal when the
        cells in CHANGED take their new sets (every other cell at its truth)."""
        if self.consistency == "none" or not changed:
            return []
        added = {}
        for ident, members in changed.items():
            added.setdefault((self.scope(self.cells[ident]), members), []).append(ident)
        found = []
        for k, mine in added.items():
            others = {}
            for value, ids in self.index.get(k, {}).items():
                for other in ids:
                    if other not in changed:
                        others.setdefault(value, other)
            for ident in mine:
                others.setdefault(self.cells[ident].published, ident)
            if len(others) < 2:
                continue
            for ident in mine:
                for value, other in others.items():
                    if self.differ(self.cells[ident], self.cells[other]):
                        found.append((self.cells[ident], self.cells[other]))
                        if first_only:
                            return found
        return found

    def difference_row(self, model, first, second, second_fixed):
        """Coefficients and constant of |S1 xor S2| (S2 at its truth when second_fixed), linear in the
        model's columns, with an auxiliary binary where two unrelated columns must differ."""
        coefficients, constant = {}, 0

        def add(column, value):
            coefficients[column] = coefficients.get(column, 0) + value

        def term(cell, ident, members, fixed):
            if ident not in members:
                return ("const", 0)
            if fixed:
                return ("const", int(self.category_of(cell, ident) == cell.category))
            return model.atom(cell, ident)

        def both(u, v):
            relation = self.relation(model, u, v)
            if relation == "disjoint":
                add(u, 1)
                add(v, 1)
            elif relation == "first-implies":
                add(v, 1)
                add(u, -1)
            elif relation == "second-implies":
                add(u, 1)
                add(v, -1)
            else:
                z = model.add_aux(int(model.truth[u] != model.truth[v]))
                model.add_row({z: 1, u: -1, v: -1}, -np.inf, 0, "structure")
                model.add_row({z: 1, u: 1, v: 1}, -np.inf, 2, "structure")
                add(z, 1)
        firsts, seconds = set(first.members), set(second.members)
        constant = xor_terms(((term(first, i, firsts, False), term(second, i, seconds, second_fixed))
                              for i in firsts | seconds), add, both)
        return coefficients, constant

    def relation(self, model, u, v):
        mu, mv = model.meta[u], model.meta[v]
        if mu[:4] == mv[:4]:
            return "disjoint"  # two categories of one one-hot block
        nr = self.level_count

        def implies(p, q):  # p = 1 forces q = 1
            if p[0] == "level" and p[4] == nr:
                if q[0] == "target" and q[1:3] == p[1:3] and q[4] == NO_TARGET:
                    return True
                if q[0] == "change" and q[2] == p[2] and p[1] in (q[1], q[3]) and q[4] == NOT_COMPARABLE:
                    return True
            return False
        return "first-implies" if implies(mu, mv) else "second-implies" if implies(mv, mu) else None

    def run(self, insider_sets=((),), only=None, explain=0, workers=1):
        """For each insider set: {'pins', 'questions', 'solves', 'undecided', 'seconds'} over every key area."""
        insider_sets = [frozenset(s) for s in insider_sets]
        only = frozenset(only) if only is not None else None
        _SHARED["job"] = (self, insider_sets, only, explain)
        if workers > 1 and len(self.areas) > 1:
            import multiprocessing
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                per_area = dict(pool.imap_unordered(_attack_area, self.areas))
        else:
            per_area = dict(_attack_area(area) for area in self.areas)
        results, joint = [], None
        for n, insiders in enumerate(insider_sets):
            total = {"insiders": sorted(self.names[i] for i in insiders), "pins": [], "questions": 0, "solves": 0,
                     "undecided": [], "seconds": 0.0}
            pending = []
            for area in self.areas:
                part = per_area[area][n]
                total["pins"].extend(part["pins"])
                for k in ("questions", "solves", "seconds"):
                    total[k] += part[k]
                pending.extend(part["undecided"])
            # Every witness of these variables' own key area collides with another key area's cells: search
            # all key areas together, where the other key area may move as well. A joint witness frees every
            # pending variable it moves off its truth, not only the one it was sought for.
            started, freed = time.perf_counter(), set()
            if pending and joint is None:
                cuts = sorted({pair for area in self.areas for part in per_area[area] for pair in part["cuts"]})
                joint = JointModel(self, cuts)
            for k, item in enumerate(pending):
                if k in freed:
                    continue
                outcome, solves = joint.search(item[0], item[1], item[2], insiders)
                total["solves"] += solves
                kind, r, ident, e = item[1]
                if outcome[0] == "free":
                    x = outcome[1]
                    freed.update(j for j, other in enumerate(pending) if x[joint.column(other[0], other[1], other[2])] < 0.5)
                elif outcome[0] == "pinned":
                    total["pins"].append({"council": self.names[ident], "round": r, "area": item[0], "what": kind,
                                          "earlier": e, "value": self.categories[kind][item[2]],
                                          "because": ["(all key areas together)"]})
                else:
                    total["undecided"].append(f"{item[0]}: {self.label(item[1])}: {outcome[1]}")
            total["seconds"] += time.perf_counter() - started
            results.append(total)
        return results


FIRST_REACH, LAST_REACH = 3, 24  # answers a joint witness may move off their truth, doubled when none is found
JOINT_SOLVES = 40  # joint solves for one variable before it is reported undecided (--joint-solves)


class JointModel:
    """Every key area's integer program side by side (block-diagonal), with cell-key consistency cuts
    between cells of different key areas: the search for a variable that no key area alone could free
    without colliding with another's published cells."""

    def __init__(self, attack, cuts=()):
        self.attack = attack
        self.models, self.offset, columns = {}, {}, 0
        for area in attack.areas:
            self.models[area] = AreaModel(attack, area)
            self.offset[area] = columns
            columns += self.models[area].columns
        self.columns = columns
        self.truth = np.concatenate([self.models[a].truth_vector() for a in attack.areas])
        self.extra, self.extra_truth = [], []  # (coefficients, low, high) rows and aux columns added by cuts
        self.rows, self.cut_areas, self._matrix = [], [], None
        for area, model in self.models.items():
            shift = self.offset[area]
            for i, tag in enumerate(model.row_tag):
                if tag == "conditional":
                    continue
                self.rows.append(({c + shift: v for c, v in model.rows[i].items()}, model.row_low[i], model.row_high[i]))
        for first, second in cuts:  # what the key areas' own searches learned holds here too
            self.cut(attack.cells[first], attack.cells[second])
        self.hints = self.nonempty_hints()

    def nonempty_hints(self):
        """Rows that hold at the truth and steer the search away from the commonest collision: a cell
        published unlike a cell that is truly empty may not become empty while that one stays so. They are
        not known to the attacker (they assume the empty cells stay empty), so they only guide the search
        for a witness, whose collisions are checked exactly anyway; nothing is called pinned with them."""
        attack, rows = self.attack, []
        empty = {}
        for cell in attack.cells:
            if cell.published is not None and not attack.truth_sets[cell.ident]:
                empty.setdefault(attack.scope(cell), []).append(cell)
        for cell in attack.cells:
            if cell.published is None or cell.area is None or not attack.truth_sets[cell.ident]:
                continue
            if not any(attack.differ(cell, e) for e in empty.get(attack.scope(cell), [])):
                continue
            coefficients, constant = count_expression(cell, self.term)
            rows.append((coefficients, 1 - constant, np.inf))
        return rows

    def column(self, area, key, true):
        return self.offset[area] + self.models[area].block[key] + true

    def add_aux(self, true_value):
        self.extra_truth.append(true_value)
        return self.columns + len(self.extra_truth) - 1

    def width(self):
        return self.columns + len(self.extra_truth)

    def term(self, cell, ident):
        if cell.area is None:  # the cohort: who took part, known to the attacker
            return ("const", int(self.attack.category_of(cell, ident) == cell.category))
        model, shift = self.models[cell.area], self.offset[cell.area]
        what, value = model.atom(cell, ident)
        return (what, value + shift) if what == "var" else (what, value)

    def sets(self, x):
        """Every published cell's set of councils in the population x."""
        out = {}
        for cell in self.attack.cells:
            if cell.published is None:
                continue
            if cell.area is None:
                out[cell.ident] = self.attack.truth_sets[cell.ident]
                continue
            members = []
            for ident in cell.members:
                what, value = self.term(cell, ident)
                if (what == "var" and x[value] > 0.5) or (what == "const" and value):
                    members.append(ident)
            out[cell.ident] = frozenset(members)
        return out

    def cut(self, first, second):
        """The row |S1 xor S2| >= 1 over the joint columns."""
        coefficients, constant = {}, 0

        def add(column, value):
            coefficients[column] = coefficients.get(column, 0) + value

        def both(u, v):
            z = self.add_aux(int(self.truth[u] != self.truth[v]))
            self.rows.append(({z: 1, u: -1, v: -1}, -np.inf, 0))
            self.rows.append(({z: 1, u: 1, v: 1}, -np.inf, 2))
            add(z, 1)
        firsts, seconds = set(first.members), set(second.members)
        constant = xor_terms(((self.term(first, i) if i in firsts else ("const", 0),
                               self.term(second, i) if i in seconds else ("const", 0)) for i in firsts | seconds), add, both)
        self.rows.append((coefficients, 1 - constant, np.inf))
        self.cut_areas.append({first.area, second.area} - {None})

    def matrix(self, hinted):
        """The rows (and the hints, if HINTED) as (csr matrix, low, high), rebuilt only when rows or columns
        were added."""
        rows_used = self.rows + self.hints if hinted else self.rows
        shape = (len(rows_used), self.width())
        if self._matrix is None or self._matrix[0].shape != shape or self._matrix[3] != hinted:
            data, rows, cols = [], [], []
            for n, (coefficients, _, _) in enumerate(rows_used):
                for c, v in coefficients.items():
                    rows.append(n)
                    cols.append(c)
                    data.append(v)
            self._matrix = (csr_matrix((data, (rows, cols)), shape=shape),
                            np.array([r[1] for r in rows_used], dtype=float),
                            np.array([r[2] for r in rows_used], dtype=float), hinted)
        return self._matrix[:3]

    def search(self, area, key, true, insiders):
        """(('free', x) | ('pinned',) | ('unknown', why)), MILP solves. The search starts with only AREA
        free (every other key area held at its truth) and frees another key area when a candidate collides
        with its cells, or, on infeasibility, the key areas the cuts link to the free ones (then all): a
        variable is pinned only when it is infeasible with every key area free."""
        column = self.column(area, key, true)
        fixed = {self.offset[a] + c for a, m in self.models.items() for i in insiders for c in m.council_columns.get(i, [])}
        active, solves, hinted, reach, limit = {area}, 0, True, FIRST_REACH, min(10.0, self.attack.time_limit)
        ones = np.flatnonzero(self.truth > 0.5)
        while True:
            if solves == self.attack.joint_solves:
                return ("unknown", f"no witness without collisions after {solves} joint solves"), solves
            width = self.width()
            a, low, high = self.matrix(hinted)
            truth = np.concatenate([self.truth, np.array(self.extra_truth, dtype=float)])
            lower, upper = np.zeros(width), np.ones(width)
            for other in self.attack.areas:
                if other not in active:
                    first, last = self.offset[other], self.offset[other] + self.models[other].columns
                    lower[first:last] = upper[first:last] = truth[first:last]
            for c in fixed:
                lower[c] = upper[c] = truth[c]
            upper[column] = 0
            objective = np.zeros(width)
            objective[:self.columns] = -self.truth  # stay near the truth: few cells change their sets
            constraints = [LinearConstraint(a, low, high)]
            if reach is not None:  # at most REACH answers off their truth: a local witness, few collisions
                local = csr_matrix((np.ones(len(ones)), (np.zeros(len(ones), dtype=int), ones)), shape=(1, width))
                constraints.append(LinearConstraint(local, len(ones) - reach, np.inf))
            result = milp(objective, integrality=np.ones(width), bounds=Bounds(lower, upper),
                          constraints=constraints,
                          options={"time_limit": limit, "presolve": True})
            solves += 1
            if result.status == 2:
                if len(active) == len(self.attack.areas):
                    if reach is not None and reach < LAST_REACH:  # none this close to the truth: look farther
                        reach *= 2
                    elif hinted:  # the hints assumed too much: search without them, near the truth again
                        hinted, reach = False, FIRST_REACH
                    elif reach is not None:
                        reach = None
                    else:
                        return ("pinned",), solves
                    self.attack.log(f"joint search {area} {self.attack.label(key)}: infeasible; reach {reach}, hints {hinted}")
                    continue
                linked = set().union(*(areas for areas in self.cut_areas if areas & active))
                grown = active | linked
                active = grown if grown != active else set(self.attack.areas)
                self.attack.log(f"joint search {area} {self.attack.label(key)}: infeasible, {len(active)} key areas free")
                continue
            if result.x is None and result.status == 1 and limit < self.attack.time_limit:
                limit = min(4 * limit, self.attack.time_limit)  # out of time with nothing found: once more, longer
                self.attack.log(f"joint search {area} {self.attack.label(key)}: out of time; {limit:.0f} s next")
                continue
            if result.x is None:
                return ("unknown", f"milp status {result.status}: {result.message}"), solves
            x = np.round(result.x)
            values = a @ x
            if np.any(values < low - 1e-6) or np.any(values > high + 1e-6):
                return ("unknown", "milp returned a point that breaks the constraints"), solves
            sets = self.sets(x)
            found = []
            if self.attack.consistency != "none":
                seen = {}
                for ident, members in sets.items():
                    seen.setdefault((self.attack.scope(self.attack.cells[ident]), members), []).append(ident)
                for ids in seen.values():
                    for i in ids:
                        for j in ids:
                            if i < j and self.attack.differ(self.attack.cells[i], self.attack.cells[j]):
                                found.append((self.attack.cells[i], self.attack.cells[j]))
            self.attack.log(f"joint search {area} {self.attack.label(key)}: solve {solves}, "
                            f"{len(found)} collisions, {len(self.rows)} rows, {len(active)} key areas free")
            if not found:
                return ("free", x), solves
            for first, second in found:
                self.cut(first, second)
                active.update(cell.area for cell in (first, second) if cell.area is not None)


def format_pin(pin):
    since = f" since {pin['earlier']}" if pin["earlier"] else ""
    return f"PINNED {pin['council']}, round {pin['round']}, {pin['area']}, {pin['what']}{since}: {pin['value']}"


# ---------------------------------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------------------------------

def load_publications(paths, truth, levels, areas, exact, simulate, rounds, seed):
    """The publications to attack: the files as they are, or made from the truth with their groupings."""
    documents = []
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            documents.append((json.load(handle), path))
    if not (exact or simulate):
        if not documents:
            raise AttackError("no benchmark.json given")
        return [Publication(d, path) for d, path in documents]
    made = []
    templates = [(str(d["round"]), d) for d, _ in documents] or [(r, None) for r in rounds]
    if not templates:
        raise AttackError("--exact-from-truth and --simulate-rounding need benchmark.json files or --rounds")
    for round_name, template in templates:
        groupings = earlier = None
        if template is not None:
            groupings = {g["name"]: [(x["label"], list(x["members"])) for x in g["groups"]] for g in template["groupings"]}
            earlier = [str(t["earlierRound"]) for t in template["trends"]]
        document = publication_from_truth(truth, round_name, levels, list(areas), groupings, earlier,
                                          base=simulate or None, seed=seed)
        made.append(Publication(document, f"{'exact' if exact else 'rounded'} publication of round {round_name}"))
    return made


def pick_insiders(names, count, seed, truth_councils):
    wanted = []
    for name in names:
        ident = key(name)
        if ident not in truth_councils:
            raise AttackError(f"--insider {name!r} took part in no round")
        wanted.append(ident)
    if count:
        rest = sorted(set(truth_councils) - set(wanted))
        wanted.extend(random.Random(seed).sample(rest, min(count, len(rest))))
    return wanted


def report(result, attack, elapsed, out=print):
    """Prints every pin (with its reasons) and undecided variable, then the one-line summary; returns the
    exit status: 2 on anything undecided, 1 on any pin, else 0."""
    for pin in result["pins"]:
        out(format_pin(pin))
        for reason in pin.get("because", []):
            out(f"    because {reason}")
    for text in result["undecided"]:
        out(f"UNDECIDED {text}")
    for text in attack.warnings:
        out(f"warning: {text}")
    out(f"attack_benchmark: {len(result['pins'])} pinned, {len(result['undecided'])} undecided, of "
        f"{result['questions']} variables (rounds {', '.join(attack.rounds)}, {len(attack.areas)} key areas, "
        f"{ {'exact': 'exact counts', 'rounded': 'rounded to ' + str(attack.publications[0].base), 'shifted': 'rounded to ' + str(attack.publications[0].base) + ' and shifted'}[attack.publications[0].mode]}, "
        f"insiders: {', '.join(result['insiders']) or 'none'}); {result['solves']} MILP solves, {elapsed:.1f} s")
    return 2 if result["undecided"] else 1 if result["pins"] else 0


def main(argv=None):
    parser = argparse.ArgumentParser(description="Tries to pin councils' answers from published benchmarks.")
    parser.add_argument("benchmarks", nargs="*", help="national benchmark.json files, one per round")
    parser.add_argument("--model", required=True, help="the national model JSON (strategyc export)")
    parser.add_argument("--truth", required=True, help="truth.json of make_synthetic_returns.py")
    parser.add_argument("--insider", action="append", default=[], help="a council whose answers are known")
    parser.add_argument("--insiders", type=int, default=0, help="this many more insiders, drawn with --seed")
    parser.add_argument("--seed", type=int, default=1, help="draws the insiders, and the simulated rounding's coins")
    parser.add_argument("--leave-out-type", action="append", default=None,
                        help="a council type left out, as given to strategyc benchmark (default Combined authority)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--exact-from-truth", action="store_true", help="attack exact counts made from the truth")
    mode.add_argument("--simulate-rounding", type=int, default=0, metavar="B",
                      help="attack counts made from the truth and rounded here to multiples of B")
    parser.add_argument("--rounds", default="", help="rounds to make publications of, without benchmark.json files")
    parser.add_argument("--key-consistency", choices=["none", "round", "all"], default="round")
    parser.add_argument("--explain", type=int, default=10, help="explain up to this many pins (default 10)")
    parser.add_argument("--time-limit", type=float, default=60.0, help="seconds per MILP solve (default 60)")
    parser.add_argument("--workers", type=int, default=1, help="key areas attacked in parallel (default 1)")
    parser.add_argument("--quiet", action="store_true", help="no line per key area")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    left_out = set(args.leave_out_type if args.leave_out_type is not None else ["Combined authority"]) - {"none"}
    try:
        levels, areas = load_model(args.model)
        truth = load_truth(args.truth, levels, areas, left_out)
        everyone = {i for r in truth.values() for i in r}
        insiders = pick_insiders(args.insider, args.insiders, args.seed, everyone)
        if len(insiders) > 3:
            print(f"attack_benchmark: note: {len(insiders)} insiders, more than the model's 3", file=sys.stderr)
        rounds = [r.strip() for r in args.rounds.split(",") if r.strip()]
        publications = load_publications(args.benchmarks, truth, levels, areas, args.exact_from_truth,
                                         args.simulate_rounding, rounds, args.seed)
        attack = Attack(publications, truth, levels, args.key_consistency, args.time_limit)
        result = attack.run([insiders], explain=args.explain, workers=args.workers)[0]
    except AttackError as error:
        print(f"attack_benchmark: FAILURE: {error}")
        return 2
    return report(result, attack, time.perf_counter() - started)


if __name__ == "__main__":
    sys.exit(main())
