"""The synthetic records' builders: one realistic record at a time, from a source of choices.

Private to the testing kit. :class:`Builder` makes each kind of record for a
:class:`Frame` (the plan's units, agencies and expected reports over a period), with its
choices from a :class:`Source`: the seeded generator of :mod:`threeno.testing.synthetic`
drives it with :class:`random.Random`, the Hypothesis strategies of
:mod:`threeno.testing.strategies` with Hypothesis. One implementation of what a
realistic record is, whichever makes the choices.

The records follow the plan and the law: unit codes are the plan's units, each valid on
the record's own date; reports, extensions, suspensions and decisions follow the time
limits of Bộ luật Tố tụng hình sự 2015, Art. 147-149, as :mod:`threeno.rules.time_limits`
computes them; support kinds are those the anti-trafficking law in force on the day
grants (:mod:`threeno.rules.support`); reports fall due as
:func:`threeno.rules.periods.due_date` says. The numbers are those of
:mod:`threeno.testing.proportions`.

This module imports the model and the rules only (the architecture page): no plan file
is read and no file written here.

Plan clauses: I.1, I.3, I.5, II.1.b, II.2.b, II.3.b, II.4.b, III.2.c, III.4.c, IV.1, IV.2.
"""

from __future__ import annotations

import datetime as dt
import math
from types import MappingProxyType
from typing import TYPE_CHECKING, Final, Protocol, TypeVar

import attrs

from threeno.errors import UnitError, ValidationError
from threeno.model.activities import (
    FIRST_ASSESSMENT_YEAR,
    ModelReview,
    OutreachEvent,
    ReportSubmission,
    SafetyAssessment,
    SupportAction,
)
from threeno.model.crime import CrimeReport, CriminalCase, Extension, Suspension
from threeno.model.enums import (
    AssessmentScope,
    Decision,
    ExtensionKind,
    ReviewKind,
    Sex,
    SloganItem,
    SubjectCategory,
    SupportKind,
    SuspensionReason,
    Verdict,
)
from threeno.model.period import ReportingPeriod
from threeno.model.plan import AgencyRole, Plan
from threeno.model.subjects import CategorySpan, Subject
from threeno.rules.periods import due_date
from threeno.rules.support import ProtectedStatus, eligible
from threeno.rules.time_limits import time_limit
from threeno.testing.proportions import (
    ARTICLE_SHARES,
    CARRIED_OVER_SHARE,
    CATEGORY_SHARES,
    CHANNEL_SHARES,
    CLASSIFIED_PENDING_SHARE,
    DECISION_SHARES,
    ETHNICITY_SHARES,
    INDICTED_SHARE,
    LANGUAGE_SHARES,
    LEAVING_SHARE,
    MAINTAINED_SHARE,
    MEETS_STANDARD_SHARE,
    PROCURACY_SHARE,
    REACH_SHARE,
    REGISTERED_EARLIER_SHARE,
    RETURNING_SHARE,
    SCENARIO_SHARES,
    SECOND_CATEGORY_SHARE,
    SOURCE_SHARES,
    SUBMISSION_SHARES,
    SUPPORTED_VICTIM_SHARE,
    TRIED_SHARE,
    VERDICT_SHARES,
    VOCATIONAL_SHARE,
    WRONGFUL_SHARE,
    ReportScenario,
    SubmissionStatus,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

__all__ = [
    "SCENARIOS",
    "SUBMISSIONS",
    "TRAFFICKING_RELATED",
    "Builder",
    "Frame",
    "Source",
    "UnitSpan",
    "make_frame",
]

_T = TypeVar("_T")
_ONE_DAY: Final = dt.timedelta(days=1)

# Days before the period's start that a dataset's records may go back to (the year before).
_LOOKBACK: Final = dt.timedelta(days=365)
# Reports carried over into the period were received in the weeks before it.
_CARRY: Final = dt.timedelta(days=60)
# Safety assessments are held in the last two months of the period.
_TWO_MONTHS: Final = dt.timedelta(days=60)
# The most days a last day moves past days off (Tết is the longest run), with a margin.
_SLACK: Final = 15
# Days after receipt each scenario needs to unfold (so that it ends by the period's end).
_NEEDS: Final[Mapping[ReportScenario, int]] = MappingProxyType(
    {
        ReportScenario.ON_TIME: 20 + _SLACK,
        ReportScenario.LATE: 20 + _SLACK + 45,
        ReportScenario.PENDING: 0,
        ReportScenario.OVERDUE: 20 + _SLACK + 10,
        ReportScenario.EXTENDED: 123 + _SLACK,
        ReportScenario.SUSPENDED: 20 + _SLACK,
        ReportScenario.RESUMED: 20 + _SLACK + 60 + 31 + _SLACK,
        ReportScenario.REOPENED: 20 + _SLACK + 90,
    }
)
# The categories of the women a report of trafficking may name as its victims.
TRAFFICKING_RELATED: Final = frozenset(
    {
        SubjectCategory.EMIGRATED_ILLEGALLY,
        SubjectCategory.LURED_OR_SOLD_ABROAD,
        SubjectCategory.MARRIED_FOREIGNER_UNLAWFULLY,
        SubjectCategory.ABSENT_SUSPECTED_TRAFFICKED,
        SubjectCategory.BEING_IDENTIFIED,
        SubjectCategory.RETURNED_VICTIM,
    }
)
_DISADVANTAGED: Final = (
    SubjectCategory.POOR,
    SubjectCategory.DIFFICULT_CIRCUMSTANCES,
    SubjectCategory.UNEMPLOYED,
)
# Who is supported under the anti-trafficking law, as which protected status.
_PROTECTED: Final[Mapping[SubjectCategory, ProtectedStatus]] = MappingProxyType(
    {
        SubjectCategory.RETURNED_VICTIM: ProtectedStatus.VICTIM,
        SubjectCategory.BEING_IDENTIFIED: ProtectedStatus.BEING_IDENTIFIED_IN_VIETNAM,
    }
)
# Help for disadvantaged women outside the anti-trafficking law (III.2.b, III.4.c).
_VOCATIONAL: Final = (
    SupportKind.VOCATIONAL_TRAINING,
    SupportKind.VOCATIONAL_COUNSELLING,
    SupportKind.LOAN,
    SupportKind.EMPLOYMENT,
)
# Illustrative amounts in đồng (step, fewest steps, most steps), not legal rates.
_AMOUNTS: Final[Mapping[SupportKind, tuple[int, int, int]]] = MappingProxyType(
    {
        SupportKind.ESSENTIAL_NEEDS: (100_000, 5, 30),
        SupportKind.TRAVEL_COSTS: (50_000, 2, 20),
        SupportKind.INITIAL_HARDSHIP_ALLOWANCE: (500_000, 2, 6),
        SupportKind.LOAN: (1_000_000, 10, 50),
    }
)
# Criteria found failing in a safety assessment, as the assessor numbers them.
_CRITERIA: Final = ("1", "2", "3", "4", "5", "6")
_AGE: Final = (16, 60)


def _options(shares: Mapping[_T, float]) -> tuple[tuple[_T, ...], tuple[float, ...]]:
    # The options and their weights, as Source.pick(*options) takes them.
    return tuple(shares), tuple(shares.values())


_CATEGORIES: Final = _options(CATEGORY_SHARES)
_ETHNICITIES: Final = _options(ETHNICITY_SHARES)
SCENARIOS: Final = _options(SCENARIO_SHARES)
_SOURCES: Final = _options(SOURCE_SHARES)
_ARTICLES: Final = _options(ARTICLE_SHARES)
_DECISIONS: Final = _options(DECISION_SHARES)
_VERDICTS: Final = _options(VERDICT_SHARES)
_CHANNELS: Final = _options(CHANNEL_SHARES)
_LANGUAGES: Final = _options(LANGUAGE_SHARES)
SUBMISSIONS: Final = _options(SUBMISSION_SHARES)
_SEXES: Final = ((Sex.MALE, Sex.FEMALE), (0.7, 0.3))


# -- where the choices come from ---------------------------------------------------------


class Source(Protocol):
    """Where a builder's choices come from: a seeded ``random.Random``, or Hypothesis.

    Weights and probabilities are the generator's; a Hypothesis source may ignore them
    (it explores every branch and shrinks towards the first option).
    """

    def integer(self, low: int, high: int) -> int:
        """A whole number from ``low`` to ``high``, both included (``low <= high``)."""
        ...

    def pick(self, options: Sequence[_T], weights: Sequence[float] | None = None) -> _T:
        """One of ``options`` (not empty), by ``weights`` if given."""
        ...

    def chance(self, p: float) -> bool:
        """``True`` with probability ``p``."""
        ...

    def subset(self, options: Sequence[_T], low: int, high: int) -> list[_T]:
        """Distinct items of ``options``, from ``low`` to ``high`` of them, in their order."""
        ...


# -- the frame: where and when records may fall -----------------------------------------


@attrs.frozen
class UnitSpan:
    """A unit in scope, and the days of the frame on which its code is valid."""

    code: str
    first: dt.date
    last: dt.date


@attrs.frozen(kw_only=True)
class Frame:
    """Everything a builder needs from the plan and the period, computed once."""

    start: dt.date
    period: ReportingPeriod
    units: tuple[UnitSpan, ...]
    receiving: tuple[str, ...]
    local: Mapping[str, tuple[str, ...]]
    reporting: tuple[str, ...]
    expected: tuple[ReportingPeriod, ...]
    days_allowed: int
    slogan: tuple[SloganItem, ...]

    @property
    def end(self) -> dt.date:
        return self.period.end

    def unit(self, code: str) -> UnitSpan:
        return next(u for u in self.units if u.code == code)

    def is_valid(self, code: str, day: dt.date) -> bool:
        return any(u.code == code and u.first <= day <= u.last for u in self.units)


def make_frame(plan: Plan, period: ReportingPeriod) -> Frame:
    """The frame of ``plan`` for ``period``: its units, agencies and expected reports."""
    start, end = period.start - _LOOKBACK, period.end
    units = []
    for unit in plan.units:
        first = max(start, unit.valid_from or start)
        last = min(end, unit.valid_to or end)
        if first <= last:
            units.append(UnitSpan(unit.code, first, last))
    if not units:
        msg = (
            f"plan {plan.id} has no unit in scope from {start.isoformat()} to {end.isoformat()}:"
            " no record could carry a valid unit code"
        )
        raise UnitError(msg)
    committee = {a.id for a in plan.agencies if AgencyRole.STEERING_COMMITTEE in a.roles}
    standing = tuple(a.id for a in plan.agencies if AgencyRole.STANDING_BODY in a.roles)
    others = tuple(a.id for a in plan.agencies if a.id not in committee)
    local = {
        u.code: tuple(a.id for a in plan.agencies if a.unit_code == u.code)
        or tuple(a for a in others if plan.agency(a).unit_code is None)
        or others
        or tuple(a.id for a in plan.agencies)
        for u in units
    }
    rules = plan.reporting
    return Frame(
        start=start,
        period=period,
        units=tuple(units),
        receiving=standing or others or (plan.agencies[0].id,),
        local=MappingProxyType(local),
        reporting=rules.agencies,
        expected=_expected_periods(plan, period),
        days_allowed=rules.days_allowed,
        slogan=plan.slogan or tuple(SloganItem),
    )


def _expected_periods(plan: Plan, period: ReportingPeriod) -> tuple[ReportingPeriod, ...]:
    """The periodic reports of the plan's kinds whose period ends within ``period``."""
    found: list[ReportingPeriod] = []
    for kind in plan.reporting.kinds:
        period_kind = kind.period_kind
        if period_kind is None:
            continue
        current = ReportingPeriod.containing(period_kind, period.start, plan.reporting.convention)
        while current.start <= period.end:
            if period.start <= current.end <= period.end:
                found.append(current)
            current = current.next()
    return tuple(sorted(found))


# -- builders: one record at a time ------------------------------------------------------


def _limit(report: CrimeReport) -> dt.date:
    """The last day to decide, as the rules compute it (the report is not suspended)."""
    deadline = time_limit(report).date
    if deadline is None:  # pragma: no cover - only called on reports not under suspension
        msg = f"crime_reports[{report.id}]: no limit while suspended"
        raise ValidationError(msg)
    return deadline


def _known_on(report: CrimeReport, end: dt.date) -> CrimeReport:
    """The report as it stood on ``end``: every later event dropped (a safety net)."""
    suspensions: list[Suspension] = []
    for sus in report.suspensions:
        if sus.from_date > end:
            break
        if sus.resumed_on is not None and sus.resumed_on > end:
            suspensions.append(attrs.evolve(sus, resumed_on=None))
            break
        suspensions.append(sus)
    decision, decided = report.decision, report.decided_on
    if decided is not None and decided > end:
        decision, decided = None, None
    if suspensions and suspensions[-1].resumed_on is None:
        decision, decided = Decision.TAM_DINH_CHI, suspensions[-1].from_date
    elif decision is Decision.TAM_DINH_CHI:  # pragma: no cover - suspensions kept with it
        decision, decided = None, None
    reopened = report.reopened_on
    if reopened is not None and (reopened > end or decision is not Decision.KHONG_KHOI_TO):
        reopened = None
    classified = report.classified_on
    return attrs.evolve(
        report,
        classified_on=None if classified is None or classified > end else classified,
        extensions=[e for e in report.extensions if e.granted_on <= end],
        suspensions=suspensions,
        decision=decision,
        decided_on=decided,
        reopened_on=reopened,
        case_id=report.case_id if decision is Decision.KHOI_TO else None,
    )


@attrs.frozen
class Builder:
    """Builds one record at a time for a frame, with choices from a source.

    The synthetic generator drives it with :class:`random.Random`, the Hypothesis
    strategies with Hypothesis: one implementation of what a realistic record is.
    """

    src: Source
    frame: Frame

    def day(self, low: dt.date, high: dt.date) -> dt.date:
        """A day from ``low`` to ``high`` (``low`` itself if the span is empty)."""
        if high <= low:
            return low
        return low + dt.timedelta(days=self.src.integer(0, (high - low).days))

    def day_in(self, unit: UnitSpan, low: dt.date, high: dt.date) -> dt.date:
        """A day from ``low`` to ``high`` on which ``unit``'s code is valid.

        An empty span (``high`` before ``low``) is the day ``low``; a span in which the
        code is never valid gives the valid day nearest to it.
        """
        high = max(low, high)
        first, last = max(low, unit.first), min(high, unit.last)
        if last < first:
            first = last = unit.first if high < unit.first else unit.last
        return self.day(first, last)

    def spans(self, category: SubjectCategory, since: dt.date) -> list[CategorySpan]:
        """One membership of ``category`` from ``since``; it may end, and start again."""
        src, end = self.src, self.frame.end
        if not src.chance(LEAVING_SHARE):
            return [CategorySpan(category=category, since=since)]
        until = self.day(since, end)
        spans = [CategorySpan(category=category, since=since, until=until)]
        if until < end and src.chance(RETURNING_SHARE):
            spans.append(CategorySpan(category=category, since=self.day(until + _ONE_DAY, end)))
        return spans

    def subject(self, subject_id: str, unit: UnitSpan) -> Subject:
        """A subject of ``unit``, registered in the frame, with one or two categories."""
        src, frame = self.src, self.frame
        if src.chance(REGISTERED_EARLIER_SHARE):
            registered = self.day_in(unit, frame.start, frame.period.start)
        else:
            registered = self.day_in(unit, frame.period.start, frame.end)
        first = src.pick(*_CATEGORIES)
        categories = [first]
        if src.chance(SECOND_CATEGORY_SHARE):
            second = src.pick(_DISADVANTAGED)
            if second is not first:
                categories.append(second)
        watched = first in {SubjectCategory.SUSPECT, SubjectCategory.OFFENDER}
        return Subject(
            id=subject_id,
            sex=src.pick(*_SEXES) if watched else Sex.FEMALE,
            birth_year=registered.year - src.integer(*_AGE),
            ethnicity=src.pick(*_ETHNICITIES),
            unit_code=unit.code,
            registered_on=registered,
            categories=[span for c in categories for span in self.spans(c, registered)],
        )

    def received(self, unit: UnitSpan, scenario: ReportScenario) -> dt.date:
        """The day of receipt, early enough for ``scenario`` to unfold by the period's end."""
        frame = self.frame
        begins, end = frame.period.start, frame.end
        if scenario is ReportScenario.PENDING:
            # Received within the last 19 days: the 20-day limit has not passed at the end.
            return self.day_in(unit, end - dt.timedelta(days=19), end)
        latest = end - dt.timedelta(days=_NEEDS[scenario])
        if self.src.chance(CARRIED_OVER_SHARE):
            return self.day_in(unit, begins - _CARRY, min(begins - _ONE_DAY, latest))
        if latest < begins:  # a short period: start in the weeks before it
            return self.day_in(unit, frame.start, latest)
        return self.day_in(unit, begins, latest)

    def report(  # noqa: C901 - one branch per scenario reads better than a table of functions
        self,
        report_id: str,
        unit: UnitSpan,
        scenario: ReportScenario,
        victims: Sequence[str] = (),
    ) -> CrimeReport:
        """A crime report of ``unit`` that unfolds as ``scenario`` says.

        Built with the limits :func:`~threeno.rules.time_limits.time_limit` computes
        (Bộ luật Tố tụng hình sự 2015, Art. 147-149), then cut at the period's end.
        """
        src = self.src
        received = self.received(unit, scenario)
        base = CrimeReport(
            id=report_id,
            source=src.pick(*_SOURCES),
            offence_article=src.pick(*_ARTICLES),
            unit_code=unit.code,
            received_on=received,
            receiving_agency=src.pick(self.frame.receiving),
            victim_ids=victims,
        )
        limit = _limit(base)
        extensions: tuple[Extension, ...] = ()
        suspensions: tuple[Suspension, ...] = ()
        decided: dt.date | None = None
        first_act: dt.date | None = None
        if scenario in {ReportScenario.ON_TIME, ReportScenario.REOPENED}:
            decided = self.day(received, limit)
        elif scenario is ReportScenario.LATE:
            decided = limit + dt.timedelta(days=src.integer(1, 45))
        elif scenario is ReportScenario.EXTENDED:
            first_act = self.day(received, limit)
            extensions = (Extension(kind=ExtensionKind.COMPLEX, granted_on=first_act),)
            if src.chance(PROCURACY_SHARE):
                longer = _limit(attrs.evolve(base, extensions=extensions))
                granted = self.day(first_act, longer)
                extensions = (
                    *extensions,
                    Extension(kind=ExtensionKind.PROCURACY, granted_on=granted),
                )
            extended = _limit(attrs.evolve(base, extensions=extensions))
            decided = self.day(extensions[-1].granted_on, extended)
        elif scenario in {ReportScenario.SUSPENDED, ReportScenario.RESUMED}:
            first_act = self.day(received, limit)
            reason = src.pick(tuple(SuspensionReason))
            if scenario is ReportScenario.SUSPENDED:
                suspensions = (Suspension(reason=reason, from_date=first_act),)
            else:
                resumed = first_act + dt.timedelta(days=src.integer(1, 60))
                suspensions = (Suspension(reason=reason, from_date=first_act, resumed_on=resumed),)
                decided = self.day(resumed, _limit(attrs.evolve(base, suspensions=suspensions)))
        decision: Decision | None = None
        reopened: dt.date | None = None
        if scenario is ReportScenario.REOPENED:
            decision = Decision.KHONG_KHOI_TO
            reopened = decided + dt.timedelta(days=src.integer(1, 90)) if decided else None
        elif decided is not None:
            decision = src.pick(*_DECISIONS)
        elif suspensions:
            decision, decided = Decision.TAM_DINH_CHI, suspensions[0].from_date
        classified: dt.date | None = None
        acts = [d for d in (decided, first_act) if d is not None]
        if acts or src.chance(CLASSIFIED_PENDING_SHARE):
            by = min([received + dt.timedelta(days=5), self.frame.end, *acts])
            classified = self.day(received, by)
        report = attrs.evolve(
            base,
            classified_on=classified,
            extensions=extensions,
            suspensions=suspensions,
            decision=decision,
            decided_on=decided,
            reopened_on=reopened,
        )
        return _known_on(report, self.frame.end)

    def can_open_case(self, report: CrimeReport) -> bool:
        """Whether ``report`` opened a case that can carry its unit code on its day."""
        return (
            report.decision is Decision.KHOI_TO
            and report.decided_on is not None
            and self.frame.is_valid(report.unit_code, report.decided_on)
        )

    def case(self, case_id: str, report: CrimeReport) -> CriminalCase:
        """The criminal case opened by ``report`` (decided ``khoi_to``), linked both ways."""
        src, end = self.src, self.frame.end
        opened = report.decided_on or report.received_on
        indicted = tried = wrongful = None
        verdict: Verdict | None = None
        if src.chance(INDICTED_SHARE):
            day = opened + dt.timedelta(days=src.integer(30, 150))
            indicted = day if day <= end else None
        if indicted is not None and src.chance(TRIED_SHARE):
            day = indicted + dt.timedelta(days=src.integer(15, 90))
            if day <= end:
                tried, verdict = day, src.pick(*_VERDICTS)
        if src.chance(WRONGFUL_SHARE):
            day = opened + dt.timedelta(days=src.integer(30, 365))
            wrongful = day if day <= end else None
        return CriminalCase(
            id=case_id,
            offence_article=report.offence_article,
            unit_code=report.unit_code,
            opened_on=opened,
            report_ids=(report.id,),
            defendants=src.integer(1, 4),
            victim_ids=report.victim_ids,
            indicted_on=indicted,
            tried_on=tried,
            verdict=verdict,
            wrongful_on=wrongful,
        )

    def amount(self, kind: SupportKind) -> int | None:
        """An illustrative amount in đồng for the kinds that are paid in money."""
        if kind not in _AMOUNTS:
            return None
        step, low, high = _AMOUNTS[kind]
        return step * self.src.integer(low, high)

    def support(self, subject: Subject, new_id: Callable[[], str]) -> list[SupportAction]:
        """The support ``subject`` received in the frame, in the unit where she lives.

        A returned victim (or a person being identified) is supported, or not, with kinds
        the anti-trafficking law in force on the day grants her
        (:func:`threeno.rules.support.eligible`); a poor, disadvantaged or jobless woman
        may be referred to training, a loan or a job.
        """
        src, frame = self.src, self.frame
        unit = frame.unit(subject.unit_code)
        actions: list[SupportAction] = []
        for span in subject.categories:
            status = _PROTECTED.get(span.category)
            if status is not None:
                supported, times = src.chance(SUPPORTED_VICTIM_SHARE), (1, 4)
            elif span.category in _DISADVANTAGED:
                supported, times = src.chance(VOCATIONAL_SHARE), (1, 1)
            else:
                continue
            low, high = max(span.since, unit.first), min(span.until or frame.end, unit.last)
            if not supported or high < low:
                continue
            for _ in range(src.integer(*times)):
                day = self.day(low, high)
                kinds: tuple[SupportKind, ...] = _VOCATIONAL
                if status is not None:
                    kinds = tuple(k for k in SupportKind if eligible(k, status, on=day))
                kind = src.pick(kinds)
                actions.append(
                    SupportAction(
                        id=new_id(),
                        subject_id=subject.id,
                        kind=kind,
                        provider_agency=src.pick(frame.local[unit.code]),
                        unit_code=unit.code,
                        delivered_on=day,
                        amount_vnd=self.amount(kind),
                    )
                )
        return actions

    def event(
        self,
        event_id: str,
        unit: UnitSpan,
        span: tuple[dt.date, dt.date],
        people: Sequence[Subject],
    ) -> OutreachEvent:
        """An outreach event in ``unit`` within ``span``, reaching some of its target women."""
        src = self.src
        day = self.day_in(unit, *span)
        targets = [
            p.id for p in people if p.unit_code == unit.code and p.is_outreach_target_on(day)
        ]
        reached = src.subset(targets, 0, math.ceil(2 * REACH_SHARE * len(targets)))
        return OutreachEvent(
            id=event_id,
            held_on=day,
            unit_code=unit.code,
            agency=src.pick(self.frame.local[unit.code]),
            channel=src.pick(*_CHANNELS),
            participants=len(reached) + src.integer(10, 120),
            reached_subject_ids=reached,
            language=src.pick(*_LANGUAGES),
            topics=src.subset(self.frame.slogan, 1, len(self.frame.slogan)),
        )

    def review(
        self, review_id: str, unit: UnitSpan, kind: ReviewKind, span: tuple[dt.date, dt.date]
    ) -> ModelReview:
        """A review of the model in ``unit`` within ``span`` (plan clause IV.1)."""
        return ModelReview(
            id=review_id,
            unit_code=unit.code,
            held_on=self.day_in(unit, *span),
            kind=kind,
            maintained=self.src.chance(MAINTAINED_SHARE),
        )

    def submission(
        self, submission_id: str, agency: str, period: ReportingPeriod, status: SubmissionStatus
    ) -> ReportSubmission:
        """An agency's report on ``period``, sent on time or late (plan clause IV.2)."""
        due = due_date(period, self.frame.days_allowed)
        if status is SubmissionStatus.LATE:
            day = due + dt.timedelta(days=self.src.integer(1, 20))
        else:
            day = self.day(min(period.end + _ONE_DAY, due), due)
        return ReportSubmission(
            id=submission_id, agency=agency, period=str(period), submitted_on=day
        )

    def adhoc(self, submission_id: str, agency: str, asked: dt.date) -> ReportSubmission:
        """An agency's ad hoc report ("báo cáo đột xuất", plan IV.2) asked for on ``asked``."""
        return ReportSubmission(
            id=submission_id,
            agency=agency,
            period=f"adhoc:{asked.isoformat()}",
            submitted_on=asked + dt.timedelta(days=self.src.integer(0, 5)),
        )

    def assessment(
        self, assessment_id: str, unit: UnitSpan, area: int | None
    ) -> SafetyAssessment | None:
        """A year-end safety assessment of ``unit`` (``area`` None) or of a residential area.

        ``None`` when the day falls before Thông tư 124/2021/TT-BCA could assess a year.
        """
        frame = self.frame
        day = self.day_in(unit, max(frame.period.start, frame.end - _TWO_MONTHS), frame.end)
        if day.year < FIRST_ASSESSMENT_YEAR:
            return None
        meets = self.src.chance(MEETS_STANDARD_SHARE)
        return SafetyAssessment(
            id=assessment_id,
            unit_code=unit.code,
            scope=AssessmentScope.XA_PHUONG if area is None else AssessmentScope.KHU_DAN_CU,
            area_name=None if area is None else f"Khu dân cư số {area}",
            year=day.year,
            assessed_on=day,
            meets_standard=meets,
            criteria_failed=() if meets else self.src.subset(_CRITERIA, 1, 3),
        )
