"""The attacker of the suppression tests (issue 17): exact bounds of every hidden count.

A reader of a published table knows every number it shows, that a hidden count is 1 or
more (zeros are shown), and relations between the counts: the units add up to the whole
area, a numerator never exceeds its denominator, and so on. The smallest and the largest
value a hidden count takes over every table of whole numbers that agrees with all that
is what the reader can learn of it: this module finds them, with SciPy's HiGHS solver
(a linear programme; a mixed-integer one when the linear optimum is not whole), one
group of linked hidden counts at a time. It shares no code with threeno's own audit
(``threeno.privacy``): the relations of a published report are written here again, from
the indicators' definitions, and read from the report's JSON as a reader would.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np
from scipy.optimize import Bounds, LinearConstraint, linprog, milp

from threeno.indicators.definitions import FIGURES

if TYPE_CHECKING:
    from collections.abc import Hashable, Iterable, Mapping

#: A value at least this large is "as large as one likes" (nothing bounds it).
UNBOUNDED = 10**6
_CAP = 10**7


@attrs.frozen
class Fact:
    """``sum(coefficient * count) == constant`` (``equal``) or ``<= constant``."""

    terms: tuple[tuple[Hashable, int], ...]
    constant: int = 0
    equal: bool = True

    def holds(self, values: Mapping[Hashable, int]) -> bool:
        """Whether the true counts satisfy the fact."""
        value = sum(a * values[key] for key, a in self.terms)
        return value == self.constant if self.equal else value <= self.constant


def total(parts: Iterable[Hashable], whole: Hashable) -> Fact:
    """The parts add up to the whole."""
    return Fact((*((p, 1) for p in parts), (whole, -1)))


def at_most(small: Hashable, large: Hashable) -> Fact:
    """``small <= large``."""
    return Fact(((small, 1), (large, -1)), equal=False)


def at_least(parts: Iterable[Hashable], whole: Hashable) -> Fact:
    """The parts add up to the whole or more."""
    return Fact((*((p, -1) for p in parts), (whole, 1)), equal=False)


def same(a: Hashable, b: Hashable) -> Fact:
    """Two counts are the same number."""
    return Fact(((a, 1), (b, -1)))


@attrs.define
class Table:
    """What a reader has: the counts shown, the counts hidden, the facts known."""

    shown: dict[Hashable, int] = attrs.field(factory=dict)
    hidden: list[Hashable] = attrs.field(factory=list)
    facts: list[Fact] = attrs.field(factory=list)

    def keys(self) -> set[Hashable]:
        """Every count the table has, shown or hidden."""
        return set(self.shown) | set(self.hidden)


def _groups(table: Table, facts: list[Fact]) -> list[list[Hashable]]:
    parent = {key: key for key in table.hidden}

    def find(key: Hashable) -> Hashable:
        while parent[key] != key:
            key = parent[key]
        return key

    for fact in facts:
        members = [find(k) for k, _ in fact.terms if k in parent]
        for other in members[1:]:
            a, b = find(members[0]), find(other)
            if a != b:
                parent[b] = a
    groups: dict[Hashable, list[Hashable]] = {}
    for key in table.hidden:
        groups.setdefault(find(key), []).append(key)
    return list(groups.values())


def _extreme(
    objective: np.ndarray[Any, Any],
    matrix: np.ndarray[Any, Any],
    low: list[float],
    high: list[float],
) -> np.ndarray[Any, Any]:
    """Whole numbers x >= 1 with ``low <= matrix @ x <= high`` minimising ``objective @ x``."""
    n = len(objective)
    a_ub, b_ub, a_eq, b_eq = [], [], [], []
    for row, lo, hi in zip(matrix, low, high, strict=True):
        if lo == hi:
            a_eq.append(row)
            b_eq.append(hi)
        else:
            a_ub.append(row)
            b_ub.append(hi)
    relaxed = linprog(
        objective,
        A_ub=np.array(a_ub) if a_ub else None,
        b_ub=b_ub or None,
        A_eq=np.array(a_eq) if a_eq else None,
        b_eq=b_eq or None,
        bounds=[(1, _CAP)] * n,
        method="highs",
    )
    assert relaxed.status == 0, relaxed.message  # the true counts are a solution
    best: np.ndarray[Any, Any] = np.round(relaxed.x)
    if np.all(np.abs(relaxed.x - best) < 1e-7):
        return best  # a whole optimum of the relaxation is the optimum
    whole = milp(  # the linear optimum is not whole: solve in whole numbers
        objective,
        constraints=[LinearConstraint(matrix, low, high)] if len(matrix) else [],
        integrality=np.ones(n),
        bounds=Bounds(np.ones(n), np.full(n, _CAP)),
    )
    assert whole.status == 0, whole.message
    return np.asarray(np.round(whole.x))


def intervals(table: Table, k: int | None = None) -> dict[Hashable, tuple[int, int | None]]:
    """For every hidden count: the smallest and the largest value it can take.

    ``None`` as the largest: nothing bounds it (any value up to :data:`UNBOUNDED` and
    beyond). A fact naming a count the table does not have is left out.

    With ``k``, a count already seen ``k - 1`` apart in the optimal tables found for
    other counts (each a table of whole numbers satisfying every fact) is not solved
    for: its bounds are then those two values, not the extremes (quicker, and enough to
    show that it cannot be narrowed). The bounds of a count left narrow are exact.
    """
    keys = table.keys()
    facts = [f for f in table.facts if all(key in keys for key, _ in f.terms)]
    found: dict[Hashable, tuple[int, int | None]] = {}
    for group in _groups(table, facts):
        index = {key: i for i, key in enumerate(group)}
        rows, low, high = [], [], []
        for fact in facts:
            if not any(key in index for key, _ in fact.terms):
                continue
            row = np.zeros(len(group))
            constant = fact.constant
            for key, a in fact.terms:
                if key in index:
                    row[index[key]] += a
                else:
                    constant -= a * table.shown[key]
            rows.append(row)
            high.append(float(constant))
            low.append(float(constant) if fact.equal else -math.inf)
        matrix = np.array(rows) if rows else np.zeros((0, len(group)))
        seen_low = np.full(len(group), np.inf)
        seen_high = np.full(len(group), -np.inf)
        for key, i in index.items():
            for sign in (1, -1):
                if k is not None and seen_high[i] - seen_low[i] >= k - 1:
                    break
                objective = np.zeros(len(group))
                objective[i] = sign
                x = _extreme(objective, matrix, low, high)
                seen_low, seen_high = np.minimum(seen_low, x), np.maximum(seen_high, x)
            top = round(seen_high[i])
            found[key] = (round(seen_low[i]), None if top >= UNBOUNDED else top)
    return found


def narrow(table: Table, k: int) -> dict[Hashable, tuple[int, int | None]]:
    """The hidden counts a reader can narrow to fewer than ``k`` values, with their bounds."""
    return {
        key: (lo, hi)
        for key, (lo, hi) in intervals(table, k).items()
        if hi is not None and hi - lo < k - 1
    }


# -- a published report, read as a reader would ------------------------------------------

#: The breakdowns whose categories split the records (each in exactly one category).
PARTITIONS = frozenset(
    {
        "source",
        "offence",
        "decision",
        "ethnicity",
        "age_group",
        "sex",
        "channel",
        "language",
        "agency",
        "report_kind",
    }
)
#: The breakdowns of a share's numerator only (reports.resolved by decision).
NUMERATOR_ONLY = frozenset({"decision"})
#: The breakdowns where a record may be in several categories, and is in one at least.
OVERLAPPING = frozenset({"category", "support_kind"})
_FIGURE_KEYS = {en: key for key, (_, en) in FIGURES.items()}


def _read_cell(table: Table, where: tuple[str, ...], cell: Mapping[str, Any]) -> None:
    text = str(cell["text"])
    parts = text.split("/") if "/" in text.split(":", maxsplit=1)[0] else [text]
    numbers = [cell["numerator"], cell["denominator"]]
    for name, number, shown_as in zip(("numerator", "denominator"), numbers, parts, strict=False):
        key = (*where, name)
        if number is not None:
            table.shown[key] = int(number)
        else:
            table.hidden.append(key)
            # The mark, before the count's unit ("x women", "<5 tin", "x/35 reports").
            mark = shown_as.strip().split(" ", maxsplit=1)[0].rstrip(",:")
            if mark.startswith("<"):  # the mark says the count is below k
                table.facts.append(Fact(((key, 1),), int(mark[1:]) - 1, equal=False))
            else:
                assert mark == "x", (key, text)


def read_report(report: Mapping[str, Any]) -> Table:
    """The counts of a report's JSON (``render(..., "json", lang="en")``), shown and hidden.

    Keys: ``(indicator, "total"|"row"|..., ..., part)`` as :func:`report_facts` names them.
    A hidden count is a cell part written ``x`` (or ``<k``, which also tells the reader
    that it is below ``k``: the mark of threeno 0.1); absent categories are zero and
    left out (they add nothing to a sum).
    """
    table = Table()
    for ind in report["indicators"]:
        i = ind["id"]
        for row in ind["rows"]:
            code = row["unit_code"]
            _read_cell(table, (i, "total") if code is None else (i, "row", code), row["cell"])
        for label, cell in ind["figures"]:
            _read_cell(table, (i, "figure", _FIGURE_KEYS[label]), cell)
        for breakdown in ind["breakdowns"]:
            d = breakdown["dimension"]
            for cat in breakdown["rows"]:
                c = cat["category"]
                _read_cell(table, (i, "category", d, c), cat["cell"])
                for label, cell in cat["figures"]:
                    _read_cell(table, (i, "category_figure", d, c, _FIGURE_KEYS[label]), cell)
    return table


def report_facts(report: Mapping[str, Any]) -> list[Fact]:  # noqa: C901, PLR0912 - one list of what a reader knows
    """What a reader knows of a report's counts from the indicators' definitions.

    Written from the catalogue's definitions (threeno.indicators.catalogue and the
    counting rules), not from threeno.reporting.publication.
    """
    facts: list[Fact] = []
    n, d = "numerator", "denominator"
    by_id = {ind["id"]: ind for ind in report["indicators"]}
    for i, ind in by_id.items():
        units = [row["unit_code"] for row in ind["rows"] if row["unit_code"] is not None]
        for part in (n, d):
            whole = (i, "total", part)
            if units:
                facts.append(total([(i, "row", u, part) for u in units], whole))
            for breakdown in ind["breakdowns"]:
                dim = breakdown["dimension"]
                if part == d and dim in NUMERATOR_ONLY:
                    continue
                cats = [(i, "category", dim, c["category"], part) for c in breakdown["rows"]]
                if dim in PARTITIONS:
                    facts.append(total(cats, whole))
                else:
                    facts.extend(at_most(c, whole) for c in cats)
                    facts.append(at_least(cats, whole))
        # A numerator never exceeds its denominator.
        places = [(i, "total"), *((i, "row", u) for u in units)]
        places += [
            (i, "category", b["dimension"], c["category"])
            for b in ind["breakdowns"]
            for c in b["rows"]
        ]
        facts.extend(at_most((*p, n), (*p, d)) for p in places)
        # The categories' figures add up to the whole area's.
        for breakdown in ind["breakdowns"]:
            dim = breakdown["dimension"]
            labels = {label for c in breakdown["rows"] for label, _ in c["figures"]}
            for label in labels:
                key = _FIGURE_KEYS[label]
                cats = [(i, "category_figure", dim, c["category"], key) for c in breakdown["rows"]]
                facts.append(total(cats, (i, "figure", key)))
    # support.coverage: every kind of support is over all the returned victims.
    support = by_id.get("support.coverage")
    if support is not None:
        for breakdown in support["breakdowns"]:
            if breakdown["dimension"] == "support_kind":
                for c in breakdown["rows"]:
                    kind = ("support.coverage", "category", "support_kind", c["category"], d)
                    facts.append(same(kind, ("support.coverage", "total", d)))
    # The definitions of the figures.
    res, over = "reports.resolved", "reports.overdue"
    facts.append(
        total(
            [(res, "figure", "pending_at_start"), (res, "figure", "received_in_period")],
            (res, "total", d),
        )
    )
    facts.append(
        Fact(
            (
                ((res, "total", n), 1),
                ((res, "figure", "suspended_at_end"), 1),
                ((res, "total", d), -1),
            ),
            equal=False,
        )
    )
    facts.append(
        Fact(
            (
                ((over, "total", n), 1),
                ((over, "figure", "suspended_at_end"), 1),
                ((over, "figure", "pending_at_end"), -1),
            ),
            equal=False,
        )
    )
    facts.append(
        Fact(
            (
                ((over, "figure", "pending_at_end"), 1),
                ((res, "total", d), -1),
                ((res, "total", n), 1),
            )
        )
    )
    facts.append(same((over, "figure", "suspended_at_end"), (res, "figure", "suspended_at_end")))
    facts.append(same(("reports.received", "total", n), (res, "figure", "received_in_period")))
    facts.append(
        same(
            ("reports.received", "figure", "other_offences"),
            ("reports.classified", "figure", "other_offences"),
        )
    )
    pro = "cases.prosecuted"
    facts.append(same((pro, "total", n), (pro, "figure", "opened")))
    prosecuted = by_id.get(pro)
    for breakdown in [] if prosecuted is None else prosecuted["breakdowns"]:
        for c in breakdown["rows"]:
            where = (pro, "category", breakdown["dimension"], c["category"])
            facts.append(same((*where, n), (pro, "category_figure", *where[2:], "opened")))
    # The same records in two tables.
    facts += _mirror(by_id, ("reports.received", n), ("reports.classified", d))
    facts += _mirror(by_id, ("reports.resolved", n), ("reports.on_time", d))
    facts += _women(by_id)
    return facts


def _places(ind: Mapping[str, Any]) -> list[tuple[str, ...]]:
    i = ind["id"]
    places: list[tuple[str, ...]] = [(i, "total")]
    places += [(i, "row", r["unit_code"]) for r in ind["rows"] if r["unit_code"] is not None]
    places += [
        (i, "category", b["dimension"], c["category"]) for b in ind["breakdowns"] for c in b["rows"]
    ]
    return places


def _mirror(
    by_id: Mapping[str, Mapping[str, Any]], a: tuple[str, str], b: tuple[str, str]
) -> list[Fact]:
    (ida, pa), (idb, pb) = a, b
    if ida not in by_id or idb not in by_id:
        return []
    theirs = {p[1:] for p in _places(by_id[idb])}
    return [same((*p, pa), (idb, *p[1:], pb)) for p in _places(by_id[ida]) if p[1:] in theirs]


def _women(by_id: Mapping[str, Mapping[str, Any]]) -> list[Fact]:
    # The women of these tables are among those of subjects.monitored; a category of
    # women counted in two tables is the same women.
    mon = "subjects.monitored"
    if mon not in by_id:
        return []
    facts: list[Fact] = []
    theirs = {p[1:] for p in _places(by_id[mon])}
    for other, part in (
        ("subjects.emigrated", "numerator"),
        ("outreach.coverage", "denominator"),
        ("women.vocational", "denominator"),
        ("support.coverage", "denominator"),
    ):
        if other not in by_id:
            continue
        for p in _places(by_id[other]):
            if p[1:] not in theirs:
                continue
            mine = (mon, *p[1:], "numerator")
            if len(p) > 2 and p[2] == "category":
                facts.append(same((*p, part), mine))
            elif len(p) == 2 or p[1] == "row" or p[2] in {"ethnicity", "age_group"}:
                facts.append(at_most((*p, part), mine))
    facts.append(
        same(
            ("support.coverage", "total", "denominator"),
            (mon, "category", "category", "returned_victim", "numerator"),
        )
    )
    return facts
