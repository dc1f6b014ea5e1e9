"""The fused crime-report kernel equals the accumulators read report by report.

The reference is the same evaluator with the kernel given no accumulator, so that every
crime-report accumulator reads each report itself, as before the kernel: every number,
breakdown, figure and explanation entry must be the same, in every explanation mode,
under both readings of the day of receipt and of a suspension, and after partitions
split in any way are merged.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import pickle
from typing import TYPE_CHECKING, Any
from unittest import mock

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.indicators.indicator_scenario import PLAN, report, sus
from threeno.errors import ThreenoError
from threeno.indicators.counting import ReportKernel, _kernel
from threeno.indicators.counting._base import ReportFacts
from threeno.indicators.counting._kernel import FUSED, _counts
from threeno.indicators.engine import Evaluator
from threeno.indicators.settings import EvaluationSettings
from threeno.model.crime import CrimeReport, Extension, Suspension
from threeno.model.enums import Decision, ExtensionKind, ReportSource
from threeno.testing.strategies import crime_reports, dates, ids

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from threeno.indicators.explanation import ExplainMode
    from threeno.indicators.results import Evaluation
    from threeno.model.period import ReportingPeriod

D = dt.date
_REPORT_INDICATORS = (
    "reports.received",
    "reports.classified",
    "reports.resolved",
    "reports.on_time",
    "reports.overdue",
    "cases.missed",
)
_PERIODS = ("2024", "2024-H1", "2024-H2", "2024-Q3")


def _settings(explain: ExplainMode, receipt_day: bool, suspension: bool) -> EvaluationSettings:
    return EvaluationSettings(
        indicators=_REPORT_INDICATORS,
        explain=explain,
        count_receipt_day=receipt_day,
        suspension_counts_as_resolved=suspension,
    )


def _evaluate(
    reports: list[CrimeReport],
    period: ReportingPeriod,
    chosen: EvaluationSettings,
    *,
    fused: bool,
) -> Evaluator:
    evaluator = Evaluator.from_settings(PLAN, period, chosen)
    if not fused:  # the reference: every accumulator reads each report itself
        evaluator._kernel = ReportKernel((), evaluator.context)
    evaluator.add("crime_reports", reports)
    return evaluator


def _json(evaluation: Evaluation) -> str:
    return evaluation.to_json()


def _shifted(original: CrimeReport, days: int) -> CrimeReport:
    """The report with every date moved by ``days`` (its dates stay consistent)."""
    by = dt.timedelta(days=days)

    def move(day: dt.date | None) -> dt.date | None:
        return None if day is None else day + by

    return attrs.evolve(
        original,
        received_on=original.received_on + by,
        classified_on=move(original.classified_on),
        extensions=tuple(
            attrs.evolve(e, granted_on=e.granted_on + by) for e in original.extensions
        ),
        suspensions=tuple(
            attrs.evolve(s, from_date=s.from_date + by, resumed_on=move(s.resumed_on))
            for s in original.suspensions
        ),
        decided_on=move(original.decided_on),
        reopened_on=move(original.reopened_on),
    )


@st.composite
def _reports_near_2024(draw: st.DrawFn) -> CrimeReport:
    # A report received from October 2023 to January 2025, around the periods evaluated
    # (the strategy's own days run from 2012 to 2030), in one of two units, about one of
    # two offences, from one of two sources: reports that differ only in what the
    # signature reads share the rest, so a signature that missed a fact would be seen.
    drawn = draw(crime_reports())
    received = draw(dates(D(2023, 10, 1), D(2025, 1, 31)))
    return attrs.evolve(
        _shifted(drawn, (received - drawn.received_on).days),
        unit_code=draw(st.sampled_from(["03386", "03409"])),
        offence_article=draw(st.sampled_from([150, 151])),
        source=draw(st.sampled_from([ReportSource.TO_GIAC, ReportSource.TIN_BAO])),
    )


_RECEIVED = (D(2023, 12, 1), D(2024, 3, 1), D(2024, 6, 10), D(2024, 12, 10), D(2024, 12, 20))
_FINAL = (Decision.KHOI_TO, Decision.KHONG_KHOI_TO, Decision.CHUYEN)


@st.composite
def _coarse_reports(draw: st.DrawFn) -> CrimeReport:
    # A report made of few choices each (five days of receipt, a few gaps), so that many
    # reports share a signature, and reports differing in one fact are common.
    received = draw(st.sampled_from(_RECEIVED))
    gap = st.sampled_from([0, 3, 19, 25, 70, 200, 400]).map(lambda n: dt.timedelta(days=n))
    classified = draw(st.none() | gap.map(lambda g: received + g))
    extensions: tuple[Extension, ...] = ()
    if draw(st.booleans()):
        extensions = (Extension(kind=ExtensionKind.COMPLEX, granted_on=received + draw(gap)),)
    suspensions: tuple[Suspension, ...] = ()
    decision: Decision | None = None
    decided: dt.date | None = None
    after = received
    if draw(st.booleans()):
        since = received + draw(gap)
        resumed = draw(st.none() | gap.map(lambda g: since + g))
        suspensions = (sus(since, resumed),)
        if resumed is None:
            decision, decided = Decision.TAM_DINH_CHI, since
        after = resumed or since
    if decision is None and draw(st.booleans()):
        decision, decided = draw(st.sampled_from(_FINAL)), after + draw(gap)
    reopened = None
    if decision is Decision.KHONG_KHOI_TO and decided is not None:
        reopened = draw(st.none() | gap.map(lambda g: decided + g))
    return report(
        draw(ids("CR")),
        received,
        unit=draw(st.sampled_from(["03386", "03409"])),
        article=draw(st.sampled_from([150, 151])),
        source=ReportSource.TO_GIAC,
        classified=classified,
        decision=decision,
        decided=decided,
        suspensions=suspensions,
        extensions=extensions,
        reopened=reopened,
    )


_SOME_REPORTS = st.lists(_reports_near_2024(), max_size=30, unique_by=lambda r: r.id) | st.lists(
    _coarse_reports(), min_size=20, max_size=80, unique_by=lambda r: r.id
)


class TestTheKernelEqualsTheAccumulators:
    """Same evaluation, fused or not, whole or merged from partitions."""

    @settings(suppress_health_check=[HealthCheck.too_slow])
    @given(
        reports=_SOME_REPORTS,
        period=st.sampled_from(_PERIODS),
        receipt_day=st.booleans(),
        suspension=st.booleans(),
        split=st.lists(st.integers(0, 2), min_size=1, max_size=160),
    )
    def test_same_evaluation_whole_and_merged(
        self,
        reports: list[CrimeReport],
        period: str,
        receipt_day: bool,
        suspension: bool,
        split: list[int],
    ) -> None:
        """Every result and explanation equal, in every mode; partitions merge to it.

        The reports are drawn twice over (the second time with ids of their own) so that
        signatures repeat: the kernel counts a repeated signature without reading the
        report again. Each report goes to one of three partitions, as ``split`` says.
        """
        twice = reports + [_copy(r, f"{r.id}~2") for r in reports]
        over = PLAN.period(period)
        parts: list[list[CrimeReport]] = [[], [], []]
        for i, r in enumerate(twice):
            parts[split[i % len(split)]].append(r)
        modes: tuple[ExplainMode, ...] = ("none", "failures", "all")
        for explain in modes:
            chosen = _settings(explain, receipt_day, suspension)
            reference = _evaluate(twice, over, chosen, fused=False).result()
            whole = _evaluate(twice, over, chosen, fused=True).result()
            assert _json(whole) == _json(reference)
            assert whole == reference
            evaluated = [_evaluate(p, over, chosen, fused=True).result() for p in parts]
            merged = evaluated[2].merge(evaluated[0].merge(evaluated[1]))
            assert _json(merged) == _json(reference)

    @settings(suppress_health_check=[HealthCheck.too_slow], max_examples=40)
    @given(
        reports=_SOME_REPORTS,
        period=st.sampled_from(_PERIODS),
        receipt_day=st.booleans(),
        suspension=st.booleans(),
        bound=st.integers(1, 4),
    )
    def test_same_evaluation_when_the_store_is_flushed(
        self,
        reports: list[CrimeReport],
        period: str,
        receipt_day: bool,
        suspension: bool,
        bound: int,
    ) -> None:
        """A kernel that holds 1 to 4 signatures at a time gives every result and entry unchanged.

        Its store is then flushed to the tallies and emptied many times in one
        evaluation, and signatures met again are learned again (the reports are drawn
        twice over so that they are).
        """
        twice = reports + [_copy(r, f"{r.id}~2") for r in reports]
        over = PLAN.period(period)
        modes: tuple[ExplainMode, ...] = ("none", "failures", "all")
        for explain in modes:
            chosen = _settings(explain, receipt_day, suspension)
            reference = _evaluate(twice, over, chosen, fused=False).result()
            with mock.patch.object(_kernel, "SIGNATURES", bound):
                evaluator = _evaluate(twice, over, chosen, fused=True)
                assert len(evaluator._kernel._deltas) <= bound
                flushed = evaluator.result()
            assert _json(flushed) == _json(reference)
            assert flushed == reference


class TestCountsBySignature:
    """Reports of one signature are counted once each, by hand."""

    def test_three_alike_reports(self) -> None:
        """Three reports alike but for their ids, received in 2024-H1 and not decided.

        The period 2024-H1 runs 2023-12-15 .. 2024-06-14. Each report is received on
        2024-03-01 in 03386 and never decided: its limit (20 days, about 21 March) is
        before the end, so each is overdue. By hand: received 3, to resolve 3 (all
        received in the period), resolved 0, overdue 3, and in ``failures`` mode the
        three appear once each among ``reports.resolved``'s failures (``overdue_open``)
        and, ``reports.overdue`` being adverse, among its counted records.
        """
        alike = [report(f"CR-{n}", D(2024, 3, 1), unit="03386") for n in (3, 1, 2)]
        chosen = _settings("failures", False, False)  # noqa: FBT003
        result = _evaluate(alike, PLAN.period("2024-H1"), chosen, fused=True).result()
        assert result["reports.received"].total.numerator == 3
        resolved = result["reports.resolved"].total
        assert (resolved.numerator, resolved.denominator) == (0, 3)
        assert resolved.explanation.failure_ids == ("CR-1", "CR-2", "CR-3")
        overdue = result["reports.overdue"].total
        assert overdue.numerator == 3
        assert overdue.explanation.counted_ids == ("CR-1", "CR-2", "CR-3")


def _copy(original: CrimeReport, new_id: str) -> CrimeReport:
    return attrs.evolve(original, id=new_id)


def _counts_of(evaluator: Evaluator) -> tuple[object, ...]:
    """What the crime-report accumulators hold, as the kernel's plain tuples."""
    return tuple(_counts(a.tallies) for a in evaluator.accumulators if type(a) in FUSED)


def _variants(base: CrimeReport, over: ReportingPeriod, limit: dt.date | None) -> list[CrimeReport]:
    """``base`` and reports differing from it in one fact, around every edge that counts.

    The whole report moved by -25 .. +25 days (its limit sweeps across the period's end,
    its receipt across the period's start and end); each other date set to the day before,
    the day of and the day after the period's start and end and the report's limit; a
    suspension's start and resumption moved a day either way. A variant the model refuses
    (a decision before the receipt, say) is left out.
    """
    one = dt.timedelta(days=1)
    marks = {over.start - one, over.start, over.end, over.end + one}
    if limit is not None:
        marks |= {limit - one, limit, limit + one}
    made: list[CrimeReport] = [base]

    def attempt(**changes: Any) -> None:  # noqa: ANN401 - any field of a report
        with contextlib.suppress(ThreenoError):
            made.append(attrs.evolve(base, **changes))

    made.extend(_shifted(base, days) for days in range(-25, 26) if days)
    for day in sorted(marks):
        attempt(classified_on=day)
        if base.decision is not None and base.decision is not Decision.TAM_DINH_CHI:
            attempt(decided_on=day)
        if base.reopened_on is not None:
            attempt(reopened_on=day)
    for i, s in enumerate(base.suspensions):
        for by in (-one, one):
            moved = _moved(s, from_date=s.from_date + by)
            if moved is not None:
                attempt(
                    suspensions=(*base.suspensions[:i], moved, *base.suspensions[i + 1 :]),
                    decided_on=base.decided_on
                    if base.decision is not Decision.TAM_DINH_CHI
                    else s.from_date + by,
                )
            resumed = None if s.resumed_on is None else _moved(s, resumed_on=s.resumed_on + by)
            if resumed is not None:
                attempt(suspensions=(*base.suspensions[:i], resumed, *base.suspensions[i + 1 :]))
    return made


def _moved(suspension: Suspension, **changes: Any) -> Suspension | None:  # noqa: ANN401
    """The suspension with a date moved; ``None`` if the model refuses it (resumed first)."""
    try:
        return attrs.evolve(suspension, **changes)
    except ThreenoError:
        return None


class TestSignatures:
    """Two reports of one signature add the same counts: what the kernel relies on."""

    @settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
    @given(
        base=_coarse_reports() | _reports_near_2024(),
        period=st.sampled_from(_PERIODS),
        receipt_day=st.booleans(),
        suspension=st.booleans(),
    )
    def test_equal_signatures_add_equal_counts(
        self, base: CrimeReport, period: str, receipt_day: bool, suspension: bool
    ) -> None:
        """Each variant of a report evaluated alone, by the accumulators themselves.

        Variants that the kernel gives one signature must add the same numbers to every
        tally, unit, breakdown and figure: a fact the counts depend on and the signature
        misses (a ``<`` for a ``<=`` at the period's end, a decision or a missed limit
        left out) shows as two variants of one signature adding different counts. The
        variants sit on the edges where such a slip shows: the day before, of and after
        the period's start and end and the report's limit.
        """
        over = PLAN.period(period)
        chosen = _settings("none", receipt_day, suspension)
        probe = _evaluate([], over, chosen, fused=False)
        limit = probe.context.limits.last_day(base, over.end, receipt_day)
        seen: dict[tuple[object, ...], tuple[tuple[object, ...], str]] = {}
        for variant in _variants(base, over, limit):
            evaluator = _evaluate([variant], over, chosen, fused=False)
            facts = ReportFacts(variant, evaluator.context)
            key = evaluator._kernel.signature(facts, variant.unit_code)
            counts = _counts_of(evaluator)
            first = seen.setdefault(key, (counts, repr(variant)))
            assert first[0] == counts, f"one signature, other counts:\n{first[1]}\n{variant!r}"


class _ListPlaces:
    """Places of reports in a list: the offset of a report is its index (picklable)."""

    def __init__(self, reports: list[CrimeReport]) -> None:
        self.key = "list"
        self.offset = -1
        self.reports = reports
        self.reads = 0

    def given(self, indices: list[int]) -> Iterator[CrimeReport]:
        for i in indices:
            self.offset = i
            yield self.reports[i]

    def records_at(self, offsets: Sequence[int]) -> Iterator[CrimeReport]:
        assert list(offsets) == sorted(offsets)
        self.reads += 1
        return (self.reports[i] for i in offsets)


class TestEntriesMadeAgainFromPlaces:
    """With the records' places, a report's entries are made when first read: all equal."""

    @settings(suppress_health_check=[HealthCheck.too_slow], max_examples=60)
    @given(
        reports=_SOME_REPORTS,
        period=st.sampled_from(_PERIODS),
        receipt_day=st.booleans(),
        suspension=st.booleans(),
        split=st.lists(st.integers(0, 2), min_size=1, max_size=160),
        bound=st.sampled_from([1, 3, _kernel.SIGNATURES]),
    )
    def test_same_evaluation_whole_and_merged(  # noqa: PLR0913, PLR0917 - the drawn case
        self,
        reports: list[CrimeReport],
        period: str,
        receipt_day: bool,
        suspension: bool,
        split: list[int],
        bound: int,
    ) -> None:
        """Every result and entry equal to the accumulators', whole and merged (pickled).

        The reports are given with their places (an index in a list): a report whose
        signature keeps entries is counted by its signature and only its index kept; the
        entries are made from the list when the explanation is first read. Partitions'
        states go through pickle (as to a cluster) and merge. A store of 1 or 3
        signatures flushes many times.
        """
        twice = reports + [_copy(r, f"{r.id}~2") for r in reports]
        over = PLAN.period(period)
        places = _ListPlaces(twice)
        parts: list[list[int]] = [[], [], []]
        for i in range(len(twice)):
            parts[split[i % len(split)]].append(i)
        modes: tuple[ExplainMode, ...] = ("none", "failures", "all")
        for explain in modes:
            chosen = _settings(explain, receipt_day, suspension)
            reference = _evaluate(twice, over, chosen, fused=False).result()
            with mock.patch.object(_kernel, "SIGNATURES", bound):
                whole = Evaluator.from_settings(PLAN, over, chosen)
                whole.add("crime_reports", places.given(list(range(len(twice)))), places=places)
                kept = sum(len(o) for o in whole._kernel.kept.offsets.values())
                evaluated = whole.result()
            keeps_entries = any(_entries_of(reference))
            assert (kept > 0) == keeps_entries
            assert _json(evaluated) == _json(reference)
            assert evaluated == reference
            states = []
            for indices in parts:
                side = Evaluator.from_settings(PLAN, over, chosen)
                side.add("crime_reports", places.given(indices), places=places)
                states.append(pickle.loads(pickle.dumps(side.state())))  # noqa: S301 - ours
            fresh = Evaluator.from_settings(PLAN, over, chosen)
            fresh.restore(states[2].merge(states[0].merge(states[1])))
            assert _json(fresh.result()) == _json(reference)

    def test_entries_are_made_when_first_read_and_once(self) -> None:
        """An overdue report's failure is made from its place on first look, then kept.

        Period 2024-H1, ``explain="failures"``, the receipt day not counted. R-1:
        received 02/01/2024, never decided: its limit, 20 days from 03/01/2024 (Art.
        147(1)), ends on 22/01/2024, before the period's end (30/06/2024), so it is
        overdue: a failure of ``reports.resolved`` (1 resolved of 2) and a record
        counted by ``reports.overdue`` (which counts what the plan wants none of, so it
        keeps its counted records). R-2: received 02/01/2024, classified 03/01/2024,
        decided (khởi tố) 05/01/2024, within its limit: counted everywhere, no entry.
        Only R-1's index, 0, is kept.
        """
        late = report("R-1", received=D(2024, 1, 2))
        done = report(
            "R-2",
            received=D(2024, 1, 2),
            classified=D(2024, 1, 3),
            decision=Decision.KHOI_TO,
            decided=D(2024, 1, 5),
        )
        places = _ListPlaces([late, done])
        chosen = _settings("failures", receipt_day=False, suspension=False)
        evaluator = Evaluator.from_settings(PLAN, PLAN.period("2024-H1"), chosen)
        evaluator.add("crime_reports", places.given([0, 1]), places=places)
        assert [list(o) for o in evaluator._kernel.kept.offsets.values()] == [[0]]
        evaluation = evaluator.result()
        assert places.reads == 0  # nothing read again before an explanation is looked at
        resolved = evaluation.results["reports.resolved"].total
        assert (resolved.numerator, resolved.denominator) == (1, 2)
        assert resolved.explanation.failure_ids == ("R-1",)
        assert places.reads == 1  # the unit's reports read again once
        overdue = evaluation.results["reports.overdue"].total
        assert overdue.explanation.counted_ids == ("R-1",)
        assert places.reads == 1  # the entries made for the unit are kept


def _entries_of(evaluation: Evaluation) -> Iterator[object]:
    for results in evaluation.results.values():
        for result in (results.total, *results.by_unit.values()):
            e = result.explanation
            yield from (*e.counted, *e.failures, *e.in_progress, *e.apart)
