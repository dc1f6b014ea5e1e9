"""The attacker against published tables and reports (issue 17, point 1).

The guarantee under test (``threeno.privacy.suppress_table``, docs/guides/privacy.md):
a reader who knows every count shown, that a hidden count is 1 or more, ``k`` and the
relations between the counts cannot narrow a hidden count to fewer than ``k`` values:
its smallest and largest possible values are at least ``k - 1`` apart. The attacker of
``attacker.py`` computes those values exactly with SciPy, from the published numbers
alone and relations written again from the indicators' definitions.
"""

from __future__ import annotations

import functools
import json
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.privacy.attacker import (
    Fact,
    Table,
    at_most,
    intervals,
    narrow,
    read_report,
    report_facts,
    total,
)
from threeno.indicators.engine import evaluate
from threeno.io.datasets import load_dataset
from threeno.plans import load_plan
from threeno.privacy import HIDDEN_MARK, Relation, Suppression, suppress_cells, suppress_table
from threeno.reporting.render import render
from threeno.testing.strategies import datasets
from threeno.testing.synthetic import demo_path

if TYPE_CHECKING:
    from collections.abc import Hashable

    from threeno.indicators.results import Evaluation
    from threeno.model.dataset import Dataset

PLAN = load_plan("lai-chau-2024")
#: Every period of the plan's year: the year, the halves, the quarters, the months.
PERIODS = (
    "2024",
    "2024-H1",
    "2024-H2",
    *(f"2024-Q{q}" for q in range(1, 5)),
    *(f"2024-{m:02d}" for m in range(1, 13)),
)


def _published(cells: list[int], total_count: int, k: int) -> Table:
    """What a reader of ``suppress_cells(cells, total_count, k=k)`` has."""
    result = suppress_cells(cells, total_count, k=k)
    table = Table(facts=[total(range(len(cells)), "total")])
    for i, (count, text) in enumerate(zip(cells, result.cell_texts, strict=True)):
        if text == str(count):
            table.shown[i] = count
        else:
            table.hidden.append(i)
    if result.total_text == str(total_count):
        table.shown["total"] = total_count
    else:
        table.hidden.append("total")
    return table


class TestIssueExamples:
    """The two tables of the issue: each hidden value was pinned down; now none is."""

    def test_one_small_cell(self) -> None:
        """[1, 5, 7, 7] of 20, k = 5.

        threeno 0.1 showed ``<5, x, 7, 7``: 20 - 7 - 7 = 6 = a + b, with a <= 4 (``<5``)
        and b >= 5 (``x``, the smallest cell of 5 or more), so a = 1 and b = 5. Now both
        show ``x`` and say nothing of their size: a + b = 6 with a, b >= 1 leaves a in
        1..5 and b in 1..5, five values each (k = 5).
        """
        result = suppress_cells([1, 5, 7, 7], total=20, k=5)
        assert result.cell_texts == ("x", "x", "7", "7")
        assert result.total_text == "20"
        assert intervals(_published([1, 5, 7, 7], 20, 5)) == {0: (1, 5), 1: (1, 5)}

    def test_two_equal_small_cells(self) -> None:
        """[4, 4, 27] of 35, k = 5.

        threeno 0.1 showed ``<5, <5, 27`` (4 + 4 = 8 >= 5: no complement), and
        35 - 27 = 8 = a + b with a, b <= 4 forced a = b = 4. Now ``x, x, 27``:
        a + b = 8, a, b >= 1: each is 1..7, seven values.
        """
        result = suppress_cells([4, 4, 27], total=35, k=5)
        assert result.cell_texts == ("x", "x", "27")
        assert intervals(_published([4, 4, 27], 35, 5)) == {0: (1, 7), 1: (1, 7)}

    def test_the_old_marks_gave_both_away(self) -> None:
        """The attacker reads the marks of threeno 0.1 too: ``<5`` is an upper bound.

        ``<5, x, 7, 7`` of 20: a <= 4 and a + b = 6 with b >= 1; the attacker alone,
        without the rule that ``x`` is 5 or more, gets a in 1..4 and b in 2..5: still
        fewer than five values each. ``<5, <5, 27`` of 35: a + b = 8, a, b <= 4: both 4.
        """
        old = Table(shown={2: 7, 3: 7, "total": 20}, hidden=[0, 1])
        old.facts = [total(range(4), "total"), Fact(((0, 1),), 4, equal=False)]
        assert narrow(old, 5) == {0: (1, 4), 1: (2, 5)}
        twins = Table(shown={2: 27, "total": 35}, hidden=[0, 1])
        twins.facts = [total(range(3), "total")]
        twins.facts += [Fact(((i, 1),), 4, equal=False) for i in (0, 1)]
        assert narrow(twins, 5) == {0: (4, 4), 1: (4, 4)}


class TestSuppressTable:
    """``suppress_table`` over relations the reader knows, worked by hand (k = 5)."""

    def test_a_pinned_denominator(self) -> None:
        """A numerator shown beside a hidden denominator bounds it from below.

        Denominators 3, 35, 40 of 78; numerators 0, 35, 38 of 73; k = 5 (4 apart).

        1. D1 = 3 is small. D1 = 78 - 35 - 40 = 3: pinned. Of the shown counts of that
           row, the smallest that is not a total is D2 = 35: hidden.
        2. D1 + D2 = 38, but N2 = 35 <= D2: D2 in 35..37, D1 in 1..3 (2 apart). The rows
           that bind D1 are that sum and N2 <= D2; their smallest shown count that is
           not a total: N2 = 35 (D3 = 40): hidden.
        3. N2 = 73 - 0 - 38 = 35 again, from the numerators' row: D1 is still 1..3. Of
           the binding rows' shown counts (D3 = 40, N3 = 38, the totals) N3 = 38 goes.
        4. N2 + N3 = 73 with N3 <= D3 = 40: N2 >= 33; N2 <= D2 = 38 - D1 <= 37. So
           N2 in 33..37, N3 = 73 - N2 in 36..40, D2 in 33..37 (>= N2), D1 = 38 - D2 in
           1..5: every hidden count spans five values. Done.
        """
        counts = {"D1": 3, "D2": 35, "D3": 40, "D": 78, "N1": 0, "N2": 35, "N3": 38, "N": 73}
        relations = [
            Relation.total(["D1", "D2", "D3"], "D"),
            Relation.total(["N1", "N2", "N3"], "N"),
            *(Relation.at_most(f"N{i}", f"D{i}") for i in (1, 2, 3)),
            Relation.at_most("N", "D"),
        ]
        table = suppress_table(counts, relations, k=5, last_resort=["D", "N"])
        hidden = {key for key, mark in table.marks.items() if mark is not Suppression.SHOWN}
        assert hidden == {"D1", "D2", "N2", "N3"}
        hidden_keys: list[Hashable] = [*sorted(hidden)]
        shown: dict[Hashable, int] = {key: n for key, n in counts.items() if key not in hidden}
        reader = Table(
            shown=shown,
            hidden=hidden_keys,
            facts=[Fact(r.terms, r.constant, r.equal) for r in relations],
        )
        assert intervals(reader) == {
            "D1": (1, 5),
            "D2": (33, 37),
            "N2": (33, 37),
            "N3": (36, 40),
        }

    def test_every_mark_is_the_same(self) -> None:
        """A small count and its complement both show ``x``."""
        table = suppress_table(
            {"a": 2, "b": 9, "t": 11}, [Relation.total(["a", "b"], "t")], k=5, last_resort=["t"]
        )
        assert (table.text("a"), table.text("b"), table.text("t")) == (HIDDEN_MARK, "x", "11")
        assert (table.marks["a"], table.marks["b"]) == (
            Suppression.SMALL,
            Suppression.COMPLEMENTARY,
        )

    def test_spans(self) -> None:
        """Two witness tables per hidden count, found with the count at its largest.

        a + b = 11, each 1 or more. The largest a is 11 - 1 = 10, in the table a = 10,
        b = 1; with the true table (2, 9) it gives a in 2..10 and b in 1..9, both 4 or
        more apart, so no smallest value is looked for.
        """
        table = suppress_table(
            {"a": 2, "b": 9, "t": 11}, [Relation.total(["a", "b"], "t")], k=5, last_resort=["t"]
        )
        assert dict(table.spans) == {"a": (2, 10), "b": (1, 9)}

    def test_no_relation_no_bound(self) -> None:
        """A count in no relation is hidden alone and nothing bounds it."""
        table = suppress_table({"a": 2}, k=5)
        assert table.text("a") == "x"
        assert table.spans["a"] == (2, None)

    def test_the_total_last(self) -> None:
        """[3, 0] of 3: the 3 and the total are both small, both hidden."""
        table = suppress_table(
            {"a": 3, "b": 0, "t": 3}, [Relation.total(["a", "b"], "t")], k=5, last_resort=["t"]
        )
        assert [table.text(key) for key in ("a", "b", "t")] == ["x", "0", "x"]

    @pytest.mark.parametrize(
        ("counts", "relations", "message"),
        [
            (
                {"a": 1},
                [Relation.total(["a"], "b")],
                "suppress_table.relations[0]: names 'b', which is not one of the counts",
            ),
            (
                {"a": 1, "b": 2},
                [Relation.total(["a"], "b")],
                "suppress_table.relations[0]: the counts do not satisfy it",
            ),
            (
                {"a": -1},
                [],
                "suppress_table.counts['a']: must be a whole number, 0 or more, not -1",
            ),
            ({"a": 1}, ["a = 1"], "suppress_table.relations[0]: must be a Relation, not str"),
        ],
    )
    def test_bad_input(self, counts: Any, relations: Any, message: str) -> None:  # noqa: ANN401 - bad on purpose
        """A relation that names no count, or that the counts break, is refused."""
        with pytest.raises(ValueError, match="suppress_table") as info:
            suppress_table(counts, relations, k=5)
        assert str(info.value) == message


# -- generated tables ----------------------------------------------------------------------


@st.composite
def _tables(draw: st.DrawFn) -> tuple[dict[str, int], list[Relation[str]], list[str]]:
    """A share broken down two ways: units and categories, numerators and denominators.

    Records fall in a unit and a category (a cross-table the reader never sees); each
    counts in the denominator and maybe in the numerator. The table shows the units'
    and the categories' numerators and denominators and the totals.
    """
    units = draw(st.integers(1, 4))
    categories = draw(st.integers(1, 4))
    cells = draw(
        st.lists(
            st.tuples(st.integers(0, 12), st.integers(0, 12)),
            min_size=units * categories,
            max_size=units * categories,
        )
    )
    pairs = [(min(a, b), max(a, b)) for a, b in cells]  # (numerator, denominator)
    counts: dict[str, int] = {}
    relations: list[Relation[str]] = []
    for n, part in enumerate(("N", "D")):
        for u in range(units):
            counts[f"{part}u{u}"] = sum(pairs[u * categories + c][n] for c in range(categories))
        for c in range(categories):
            counts[f"{part}c{c}"] = sum(pairs[u * categories + c][n] for u in range(units))
        counts[part] = sum(pair[n] for pair in pairs)
        relations.append(Relation.total([f"{part}u{u}" for u in range(units)], part))
        relations.append(Relation.total([f"{part}c{c}" for c in range(categories)], part))
    places = [*(f"u{u}" for u in range(units)), *(f"c{c}" for c in range(categories)), ""]
    relations += [Relation.at_most(f"N{p}", f"D{p}") for p in places]
    return counts, relations, ["N", "D"]


@settings(max_examples=60)
@given(_tables(), st.integers(2, 11))
def test_generated_tables_cannot_be_narrowed(
    table: tuple[dict[str, int], list[Relation[str]], list[str]], k: int
) -> None:
    """Whatever the table, no count from 1 to k - 1 is shown, and no hidden one is narrow."""
    counts, relations, totals = table
    result = suppress_table(counts, relations, k=k, last_resort=totals)
    shown: dict[Hashable, int] = {
        key: n for key, n in counts.items() if result.marks[key] is Suppression.SHOWN
    }
    assert all(n == 0 or n >= k for n in shown.values())
    assert all(result.text(key) == "x" for key in counts if key not in shown)
    reader = Table(
        shown=shown,
        hidden=[key for key in counts if key not in shown],
        facts=[Fact(r.terms, r.constant, r.equal) for r in relations],
    )
    assert narrow(reader, k) == {}


# -- published reports -----------------------------------------------------------------------


def _attack(
    result: Evaluation, k: int
) -> tuple[dict[Hashable, tuple[int, int | None]], list[Fact]]:
    """What a reader can narrow in ``result``'s published report, and the facts dropped.

    The reader's facts are kept when the true counts satisfy them (a relation that does
    not hold in these data is no knowledge); the truth is read from the internal report.
    """
    published = json.loads(render(result, "json", lang="en", plan=PLAN, suppress_below=k))
    truth = read_report(json.loads(render(result, "json", lang="en", plan=PLAN))).shown
    table = read_report(published)
    facts = report_facts(published)
    known = [f for f in facts if all(key in truth for key, _ in f.terms)]
    dropped = [f for f in known if not f.holds(truth)]
    table.facts += [f for f in known if f.holds(truth)]
    found = narrow(table, k)
    for key, (low, high) in found.items():  # the truth is one of the tables
        assert low <= truth[key], key
        assert high is None or truth[key] <= high, key
    return found, dropped


@functools.cache
def _demo() -> Dataset:
    data, _ = load_dataset(demo_path("lai-chau-2024"), plan=PLAN)
    return data


@functools.cache
def _demo_result(period: str) -> Evaluation:
    return evaluate(PLAN, _demo(), PLAN.period(period))


@pytest.mark.parametrize("k", [3, 5, 11])
@pytest.mark.parametrize("period", PERIODS)
def test_demo_reports_cannot_be_narrowed(period: str, k: int) -> None:
    """Every published report of the demo data: no hidden count narrower than k values.

    threeno 0.1's report of 2024 at k = 5 let this attacker pin 43 of its 231 hidden
    counts to one value, and 228 to fewer than five (the 16-17-year-olds given
    vocational help, 1, and the reports pending at the start, 3, each to 1..4). Every
    relation the attacker uses holds in the demo data (none is dropped).
    """
    found, dropped = _attack(_demo_result(period), k)
    assert dropped == []
    assert found == {}


@settings(max_examples=10)
@given(data=datasets(PLAN, PLAN.period("2024-H1"), max_size=30), k=st.integers(2, 11))
def test_generated_reports_cannot_be_narrowed(data: Dataset, k: int) -> None:
    """Any consistent dataset: its published report leaves no hidden count narrow."""
    found, _ = _attack(evaluate(PLAN, data, PLAN.period("2024-H1")), k)
    assert found == {}


def test_attacker_reads_a_report() -> None:
    """The attacker's reading of one cell: ``x/14`` is a hidden numerator over 14."""
    table = Table()
    report = {
        "indicators": [
            {
                "id": "i",
                "rows": [
                    {
                        "unit_code": None,
                        "cell": {
                            "numerator": None,
                            "denominator": 14,
                            "text": "x/14",
                            "suppressed": True,
                        },
                    }
                ],
                "figures": [],
                "breakdowns": [],
            }
        ]
    }
    table = read_report(report)
    assert table.shown == {("i", "total", "denominator"): 14}
    assert table.hidden == [("i", "total", "numerator")]
    table.facts = [at_most(("i", "total", "numerator"), ("i", "total", "denominator"))]
    assert intervals(table) == {("i", "total", "numerator"): (1, 14)}
