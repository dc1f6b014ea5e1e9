"""Properties of the indicator engine over whole datasets drawn by ``threeno.testing.strategies``.

The properties: results do not depend on record order; the area's figure is the sum
over its units; every share lies in [0, 1]; adding a report decided on time never lowers
``reports.on_time``; evaluating partitions and merging equals evaluating the whole.

The datasets are those of :func:`threeno.testing.strategies.datasets` for the bundled 2024
plan, over a half-year, a quarter or the year (the plan's 15th-to-14th cut-off), so that
reports pending at a period's start, reports decided after its end and periodic reports
due after it all occur. Example counts are set per test (:func:`examples`) to keep the CI
profile's run short.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from threeno.indicators.definitions import IndicatorKind, Level
from threeno.indicators.engine import evaluate, evaluate_records
from threeno.model.crime import OFFENCES, CrimeReport
from threeno.model.dataset import RECORD_TYPES, Dataset
from threeno.model.enums import Decision, ReportSource
from threeno.plans import load_plan
from threeno.rules.time_limits import time_limit
from threeno.testing.strategies import datasets

if TYPE_CHECKING:
    import random

    from threeno.indicators.explanation import ExplainMode
    from threeno.indicators.results import Evaluation, IndicatorResult
    from threeno.model.dataset import Record
    from threeno.model.period import ReportingPeriod

PLAN = load_plan("lai-chau-2024")
#: 2023-12-15..2024-06-14, 2024-06-15..2024-12-14, 2024-03-15..2024-06-14, 2023-12-15..2024-12-14.
PERIODS = tuple(PLAN.period(text) for text in ("2024-H1", "2024-H2", "2024-Q2", "2024"))
#: At most this many records of each type: enough for every kind of case, quick to evaluate.
SIZE = 10
EXPLAIN_MODES: tuple[ExplainMode, ...] = ("all", "failures", "none")
FINAL_DECISIONS = tuple(d for d in Decision if d.is_final)


def examples(count: int) -> settings:
    """``count`` examples, whatever the profile, with no deadline and no slowness check.

    A whole dataset and one or more evaluations per example are slow by Hypothesis's
    standards (not by the engine's); the CI profile's 300 examples per test would take
    minutes for no more coverage than these counts give.
    """
    return settings(max_examples=count, deadline=None, suppress_health_check=[HealthCheck.too_slow])


Case = tuple["ReportingPeriod", Dataset]


def cases() -> st.SearchStrategy[Case]:
    """A period of the plan and a consistent dataset drawn for it."""
    return st.sampled_from(PERIODS).flatmap(
        lambda period: st.tuples(st.just(period), datasets(PLAN, period, max_size=SIZE))
    )


def records_of(data: Dataset) -> dict[str, list[Record]]:
    """The dataset's records as lists, by record type."""
    return {name: list(getattr(data, name)) for name in RECORD_TYPES}


def results_of(evaluation: Evaluation) -> list[IndicatorResult]:
    """Every result of an evaluation: each indicator's total and each unit's."""
    return [
        result
        for ind_id in evaluation
        for result in (evaluation[ind_id].total, *evaluation[ind_id].by_unit.values())
    ]


class TestRecordOrder:
    """``evaluate_records``: the results do not depend on the order of the records."""

    @examples(100)
    @given(case=cases(), rnd=st.randoms(use_true_random=False))
    def test_any_order(self, case: Case, rnd: random.Random) -> None:
        """Records shuffled within each type, types fed in any order: the same JSON.

        A hundred datasets, each shuffled once: the order matters only where records meet in
        one accumulator (a unit's latest review, a woman's first event), and each draw
        has several such meetings.
        """
        period, data = case
        expected = evaluate(PLAN, data, period)
        shuffled = {name: rnd.sample(items, len(items)) for name, items in records_of(data).items()}
        names = rnd.sample(list(shuffled), len(shuffled))
        actual = evaluate_records(
            PLAN, {n: iter(shuffled[n]) for n in names}, period, explain="all"
        )
        assert expected.to_json() == actual.to_json()
        assert expected == actual


class TestTotals:
    """The whole area's figures are the sums of its units', never averaged ("Indicators" guide)."""

    @examples(100)
    @given(case=cases())
    def test_area_is_the_sum_of_its_units(self, case: Case) -> None:
        """Numerator, denominator, figures and every breakdown cell sum over the units.

        Agency-level indicators (``reporting.*``) have no units and are left out.
        """
        period, data = case
        evaluation = evaluate(PLAN, data, period)
        for ind_id in evaluation:
            result_set = evaluation[ind_id]
            if result_set.indicator.level is Level.AGENCY:
                continue
            total, units = result_set.total, list(result_set.by_unit.values())
            expected_units = len(PLAN.units_in_scope(period.end))
            assert expected_units == total.units_in_total == len(units)
            assert total.numerator == sum(r.numerator for r in units), ind_id
            if total.denominator is not None:
                assert total.denominator == sum(r.denominator or 0 for r in units), ind_id
            for figure, n in total.figures.items():
                assert n == sum(r.figures[figure] for r in units), (ind_id, figure)
            for dim, cells in total.disaggregations.items():
                for category, cell in cells.items():
                    parts = [r.disaggregations[dim].get(category) for r in units]
                    found = [p for p in parts if p is not None]
                    assert cell.numerator == sum(p.numerator for p in found), (ind_id, dim)
                    if cell.denominator is not None:
                        expected = sum(p.denominator or 0 for p in found)
                        assert expected == cell.denominator, (ind_id, dim, category)


class TestShares:
    """Every share is a fraction in [0, 1], or no data (None) when it has nothing to count.

    Nothing to count: its denominator is 0, or no record it considers was there (a share
    whose denominator is not made of records, units or expected reports, has no data
    without reviews or submissions).
    """

    @examples(100)
    @given(case=cases())
    def test_every_share_is_a_fraction(self, case: Case) -> None:
        """Totals, units and breakdown cells of every share indicator."""
        period, data = case
        evaluation = evaluate(PLAN, data, period)
        for result in results_of(evaluation):
            if result.indicator.kind is not IndicatorKind.SHARE:
                continue
            assert result.denominator is not None
            if result.denominator == 0 or not result.has_data:
                assert result.value is None
            else:
                assert result.value is not None
                assert 0 <= result.numerator <= result.denominator
                assert 0 <= result.value <= 1
            for cells in result.disaggregations.values():
                for cell in cells.values():
                    if cell.denominator is None:
                        continue  # a breakdown of the numerator only (by decision)
                    assert (cell.value is None) == (cell.denominator == 0)
                    assert cell.value is None or 0 <= cell.value <= 1


@st.composite
def decided_on_time(draw: st.DrawFn, period: ReportingPeriod) -> CrimeReport:
    """A report received in ``period`` and finally decided in it, within its time limit.

    The limit is the one the engine applies (``threeno.rules.time_limits.time_limit``,
    Bộ luật Tố tụng hình sự 2015, Art. 147(1), Art. 134(1)): 20 days, moved past days off.
    The id is one the dataset strategy never makes (it numbers reports ``CR-0000``).
    """
    received = draw(st.dates(period.start, period.end))
    units = [u.code for u in PLAN.units_in_scope(period.end) if u.is_valid_on(received)]
    pending = CrimeReport(
        id="CR-extra",
        source=draw(st.sampled_from(ReportSource)),
        offence_article=draw(st.sampled_from(sorted(OFFENCES))),
        unit_code=draw(st.sampled_from(units)),
        received_on=received,
        receiving_agency="cong-an-tp",
    )
    limit = time_limit(pending).date
    assert limit is not None  # no suspension: there is a limit
    decided = draw(st.dates(received, min(limit, period.end)))
    return attrs.evolve(
        pending, decision=draw(st.sampled_from(FINAL_DECISIONS)), decided_on=decided
    )


class TestOnTime:
    """``reports.on_time`` never falls when a report decided on time is added."""

    @examples(100)
    @given(data=st.data())
    def test_a_report_on_time_never_lowers_it(self, data: st.DataObject) -> None:
        """One more report decided within its limit: numerator and denominator both grow by 1.

        So (n + 1) / (d + 1) >= n / d whenever n <= d: the value never falls, and where
        there was no data it becomes 1.0. Only the report's unit and the total change.
        """
        period, dataset = data.draw(cases())
        extra = data.draw(decided_on_time(period))
        assert extra.decided_on is not None
        assert extra.decided_on <= (time_limit(extra, as_of=extra.decided_on).date or period.end)
        grown = attrs.evolve(dataset, crime_reports=(*dataset.crime_reports, extra))
        before = evaluate(PLAN, dataset, period, indicators=["reports.on_time"])["reports.on_time"]
        after = evaluate(PLAN, grown, period, indicators=["reports.on_time"])["reports.on_time"]
        unit = extra.unit_code
        for old, new in ((before.total, after.total), (before.by_unit[unit], after.by_unit[unit])):
            assert old.denominator is not None
            expected = (old.numerator + 1, old.denominator + 1)
            assert expected == (new.numerator, new.denominator)
            assert new.value is not None
            assert old.value is None or new.value >= old.value
            if old.value is None:
                assert new.value == 1.0
        for code, result in before.by_unit.items():
            if code != unit:
                assert result.to_dict() == after.by_unit[code].to_dict()


def split(data: Dataset, parts: int, rnd: random.Random) -> list[dict[str, list[Record]]]:
    """The records dealt at random into ``parts`` disjoint partitions."""
    found: list[dict[str, list[Record]]] = [{n: [] for n in RECORD_TYPES} for _ in range(parts)]
    for name, items in records_of(data).items():
        for item in items:
            found[rnd.randrange(parts)][name].append(item)
    return found


class TestMerge:
    """``Evaluation.merge``: evaluating partitions and merging equals evaluating the whole."""

    @examples(100)
    @given(
        case=cases(),
        parts=st.integers(1, 4),
        explain=st.sampled_from(EXPLAIN_MODES),
        rnd=st.randoms(use_true_random=False),
    )
    def test_partitions_merge_to_the_whole(
        self, case: Case, parts: int, explain: ExplainMode, rnd: random.Random
    ) -> None:
        """One to four random partitions, merged in a random order: the whole's JSON.

        The joins cross partitions (a woman and the event that reached her, a victim and
        her support, an agency's two submissions), so merging is tested where it is hard.
        """
        period, data = case
        expected = evaluate(PLAN, data, period, explain=explain)
        partials = [
            evaluate_records(PLAN, part, period, explain=explain)
            for part in split(data, parts, rnd)
        ]
        merged = functools.reduce(lambda a, b: a.merge(b), rnd.sample(partials, len(partials)))
        assert expected.to_json() == merged.to_json()
        assert expected == merged
