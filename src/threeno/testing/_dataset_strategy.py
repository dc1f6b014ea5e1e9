"""The strategy for whole consistent datasets: the synthetic builders, with Hypothesis choosing.

Private to the testing kit: :func:`datasets` is public as
:func:`threeno.testing.strategies.datasets`, which registers it with Hypothesis. The
records are built by the builders the seeded generator of
:mod:`threeno.testing.synthetic` drives, with every choice made by Hypothesis instead of
:class:`random.Random`, so the datasets shrink towards small, simple ones.

Plan clauses: I.1, I.3, I.5, II.1.b, II.2.b, II.3.b, II.4.b, III.4.c, IV.1, IV.2.
"""

# No "from __future__ import annotations": Hypothesis's composite functions carry their
# annotations to the strategies they make, and Sphinx reads the signature of datasets().
import functools
import itertools
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, TypeVar

import attrs
from hypothesis import strategies as st

from threeno.errors import ValidationError
from threeno.model.activities import ModelReview, OutreachEvent, ReportSubmission, SafetyAssessment
from threeno.model.crime import CrimeReport, CriminalCase
from threeno.model.dataset import Dataset
from threeno.model.enums import ReviewKind
from threeno.model.period import ReportingPeriod
from threeno.model.plan import Plan
from threeno.model.subjects import Subject
from threeno.plans import load_plan

# The builders are shared with the synthetic generator, which drives them with
# random.Random: one implementation of what a realistic record is.
from threeno.testing._builders import Builder, Frame, make_frame
from threeno.testing.proportions import ReportScenario, SubmissionStatus

if TYPE_CHECKING:
    from threeno.model.dataset import Record

__all__ = ["datasets"]

_T = TypeVar("_T")
_R = TypeVar("_R", bound="Record")


class _DrawSource:
    """The builders' choices, made by Hypothesis: every branch explored, shrinking to the first.

    Weights and probabilities are ignored: a test should meet rare cases as often as
    common ones.
    """

    def __init__(self, draw: st.DrawFn) -> None:
        self._draw = draw

    def integer(self, low: int, high: int) -> int:
        return self._draw(st.integers(low, high))

    def pick(self, options: Sequence[_T], weights: Sequence[float] | None = None) -> _T:  # noqa: ARG002 - see the class
        return options[self._draw(st.integers(0, len(options) - 1))]

    def chance(self, p: float) -> bool:
        if p <= 0 or p >= 1:
            return p >= 1
        return self._draw(st.booleans())

    def subset(self, options: Sequence[_T], low: int, high: int) -> list[_T]:
        high = min(high, len(options))
        if high == 0:
            return []
        index = st.integers(0, len(options) - 1)
        chosen = self._draw(st.lists(index, unique=True, min_size=min(low, high), max_size=high))
        return [options[i] for i in sorted(chosen)]


def _numbered(records: Iterable[_R], prefix: str) -> list[_R]:
    # Ids by position (S-0000, S-0001, ...): unique, and stable while Hypothesis shrinks.
    return [attrs.evolve(r, id=f"{prefix}-{i:04d}") for i, r in enumerate(records)]


@st.composite
def _subject_in(draw: st.DrawFn, frame: Frame) -> Subject:
    build = Builder(_DrawSource(draw), frame)
    return build.subject("S-new", build.src.pick(frame.units))


@st.composite
def _report_in(
    draw: st.DrawFn, frame: Frame, subject_ids: Sequence[str], scenarios: Sequence[ReportScenario]
) -> CrimeReport:
    build = Builder(_DrawSource(draw), frame)
    unit, scenario = build.src.pick(frame.units), build.src.pick(scenarios)
    return build.report("CR-new", unit, scenario, build.src.subset(subject_ids, 0, 2))


@st.composite
def _event_in(draw: st.DrawFn, frame: Frame, people: Sequence[Subject]) -> OutreachEvent:
    build = Builder(_DrawSource(draw), frame)
    span = (frame.period.start, frame.end)
    return build.event("OE-new", build.src.pick(frame.units), span, people)


@st.composite
def _review_in(draw: st.DrawFn, frame: Frame) -> ModelReview:
    build = Builder(_DrawSource(draw), frame)
    unit, kind = build.src.pick(frame.units), build.src.pick(tuple(ReviewKind))
    return build.review("MR-new", unit, kind, (frame.period.start, frame.end))


@st.composite
def _assessment_in(draw: st.DrawFn, frame: Frame) -> SafetyAssessment | None:
    build = Builder(_DrawSource(draw), frame)
    area = build.src.integer(1, 9) if build.src.chance(0.5) else None
    return build.assessment("SF-new", build.src.pick(frame.units), area)


def _submissions_in(build: Builder) -> list[ReportSubmission]:
    # Every expected report missing, on time or late (shrinking to missing: no record),
    # then up to two ad hoc reports.
    src, frame = build.src, build.frame
    found: list[ReportSubmission] = []
    statuses = (SubmissionStatus.MISSING, SubmissionStatus.ON_TIME, SubmissionStatus.LATE)
    for agency in frame.reporting:
        for period in frame.expected:
            status = src.pick(statuses)
            if status is not SubmissionStatus.MISSING:
                found.append(build.submission("RS-new", agency, period, status))
    for _ in range(src.integer(0, 2) if frame.reporting else 0):
        asked = build.day(frame.period.start, frame.end)
        found.append(build.adhoc("RS-new", src.pick(frame.reporting), asked))
    return found


@st.composite
def _datasets(
    draw: st.DrawFn, frame: Frame, max_size: int, scenarios: Sequence[ReportScenario]
) -> Dataset:
    build = Builder(_DrawSource(draw), frame)
    people = _numbered(draw(st.lists(_subject_in(frame), max_size=max_size)), "S")
    subject_ids = [p.id for p in people]
    drawn = draw(st.lists(_report_in(frame, subject_ids, scenarios), max_size=max_size))
    reports: list[CrimeReport] = []
    cases: list[CriminalCase] = []
    for report in _numbered(drawn, "CR"):
        if build.can_open_case(report):
            cases.append(build.case(f"CC-{len(cases):04d}", report))
            report = attrs.evolve(report, case_id=cases[-1].id)  # noqa: PLW2901 - linked copy
        reports.append(report)
    numbers = itertools.count()
    support = [
        action
        for person in people
        for action in build.support(person, lambda: f"SA-{next(numbers):04d}")
    ]
    events = draw(st.lists(_event_in(frame, people), max_size=max_size))
    reviews = draw(st.lists(_review_in(frame), max_size=max_size))
    assessments = draw(st.lists(_assessment_in(frame), max_size=max_size))
    return Dataset(
        subjects=people,
        crime_reports=reports,
        criminal_cases=cases,
        support_actions=support[:max_size],
        outreach_events=_numbered(events, "OE"),
        model_reviews=_numbered(reviews, "MR"),
        report_submissions=_numbered(_submissions_in(build)[:max_size], "RS"),
        safety_assessments=_numbered((a for a in assessments if a is not None), "SF"),
    )


@functools.cache
def _bundled_plan() -> Plan:
    return load_plan("lai-chau-2024")


def datasets(
    plan: Plan | None = None,
    period: ReportingPeriod | None = None,
    *,
    max_size: int = 30,
    scenarios: Iterable[ReportScenario] | None = None,
) -> st.SearchStrategy[Dataset]:
    """Whole consistent datasets for ``plan`` and ``period``, mixing every kind of case.

    Every reference resolves (victims, reached subjects and supported subjects are the
    dataset's subjects; reports and cases point at each other), every unit code is one
    of the plan's units valid on the record's own date, so ``data.validate(plan)`` is
    empty; dates are in order and fall from a year before the period's start to its end,
    except report submissions on periods ending in it, sent up to their due date or
    later. Crime reports unfold as :class:`~threeno.testing.proportions.ReportScenario`
    says, judged at the period's end; returned victims are supported or not; category
    memberships start and end within the period; reviews find the model maintained or
    not; periodic reports are on time, late or missing.

    >>> from hypothesis import given, settings
    >>> from threeno.plans import load_plan
    >>> from threeno.testing.strategies import datasets
    >>> plan = load_plan("lai-chau-2024")
    >>> @settings(max_examples=20)
    ... @given(datasets(plan))
    ... def test_every_reference_resolves(data):
    ...     assert data.validate(plan) == []
    >>> test_every_reference_resolves()

    Args:
        plan: the plan whose units, agencies and reporting rules the records follow; the
            bundled ``lai-chau-2024`` if ``None``.
        period: the period the records are about; the plan's reporting year if ``None``.
        max_size: the most records of each type (small keeps property tests quick).
        scenarios: the report scenarios to draw from; all of them if ``None``.

    Returns:
        A strategy for :class:`~threeno.model.dataset.Dataset`.

    Raises:
        ValidationError: for a plan, period, size or scenarios of the wrong kind.
        UnitError: when none of the plan's units is valid in the period or the year
            before it.

    Plan clauses: I.1, I.3, I.5, II.1.b, II.2.b, II.3.b, II.4.b, III.4.c, IV.1, IV.2.

    .. versionadded:: 0.1.0
    """
    # Checked at run time for callers without a type checker.
    chosen: object = _bundled_plan() if plan is None else plan
    if not isinstance(chosen, Plan):
        msg = f"must be a Plan (threeno.plans.load_plan), not {type(chosen).__name__}"
        raise ValidationError(msg, cls_name="datasets", field="plan")
    span: object = chosen.reporting_year if period is None else period
    if not isinstance(span, ReportingPeriod):
        msg = f"must be a ReportingPeriod, not {type(span).__name__}"
        raise ValidationError(msg, cls_name="datasets", field="period")
    size: object = max_size
    if isinstance(size, bool) or not isinstance(size, int) or size < 0:
        msg = f"must be a whole number, 0 or more, not {size!r}"
        raise ValidationError(msg, cls_name="datasets", field="max_size")
    kinds = tuple(ReportScenario) if scenarios is None else tuple(scenarios)
    if not kinds or not all(isinstance(k, ReportScenario) for k in kinds):
        msg = "must name at least one ReportScenario, and nothing else"
        raise ValidationError(msg, cls_name="datasets", field="scenarios")
    return _datasets(make_frame(chosen, span), size, kinds)
