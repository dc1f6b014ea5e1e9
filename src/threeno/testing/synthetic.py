"""Synthetic data: a seeded generator of whole, consistent, realistic datasets for a plan.

:func:`generate` returns a :class:`~threeno.model.dataset.Dataset` for a plan's year;
:func:`write_jsonl` streams the same records to one JSON Lines file per record type,
with memory that does not grow with ``scale``; :func:`stream` yields them one by one.
Everything is made up: ids are pseudonymous (``S-000123``, ``CR-00017``), the personal
data fields are left empty, and the proportions below are illustrative, chosen to look
like a city of Lai Châu's size at ``scale=1``, not taken from any statistics.

The records follow the plan and the law: unit codes are the plan's units, each valid on
the record's own date; reports, extensions, suspensions and decisions follow the time
limits of Bộ luật Tố tụng hình sự 2015, Art. 147-149, as :mod:`threeno.rules.time_limits`
computes them; support kinds are those the anti-trafficking law in force on the day
grants (:mod:`threeno.rules.support`); reports fall due as :func:`threeno.rules.periods.due_date`
says. Nothing is dated after the end of the plan's reporting year except the reports
on it that agencies send afterwards.

The same builders, driven by Hypothesis instead of :class:`random.Random`, make the
datasets of :func:`threeno.testing.strategies.datasets`.

A bundled demo dataset, written by :func:`write_jsonl` for the 2024 plan with
:data:`DEMO_SEED` and :data:`DEMO_SCALE`, lies in :func:`demo_path`.

Plan clauses: I.1, I.3, I.5, II.1.b, II.2.b, II.3.b, II.4.b, III.2.c, III.4.c, IV.1, IV.2
(every record type the indicators count).

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import json
import math
import random
from collections.abc import Mapping  # noqa: TC003 - Sphinx evaluates the annotations to link them
from importlib.resources import files
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Final, Protocol, TypeVar

import attrs

from threeno.errors import DatasetError, UnitError, ValidationError
from threeno.io._atomic import atomic_open, make_folder
from threeno.io.converter import CONVERTER
from threeno.io.datasets import load_dataset
from threeno.model.activities import (
    FIRST_ASSESSMENT_YEAR,
    ModelReview,
    OutreachEvent,
    ReportSubmission,
    SafetyAssessment,
    SupportAction,
)
from threeno.model.crime import CrimeReport, CriminalCase, Extension, Suspension
from threeno.model.dataset import RECORD_TYPES, Dataset, Record
from threeno.model.enums import (
    AssessmentScope,
    Channel,
    Decision,
    Ethnicity,
    ExtensionKind,
    ReportSource,
    ReviewKind,
    Sex,
    SloganItem,
    SubjectCategory,
    SupportKind,
    SuspensionReason,
    Verdict,
)
from threeno.model.period import PeriodKind, ReportingPeriod
from threeno.model.plan import AgencyRole, Plan
from threeno.model.subjects import CategorySpan, Subject
from threeno.plans import load_plan
from threeno.rules.periods import due_date
from threeno.rules.support import ProtectedStatus, eligible
from threeno.rules.time_limits import time_limit

if TYPE_CHECKING:
    import os
    from collections.abc import Callable, Iterator, Sequence

__all__ = [
    "ARTICLE_SHARES",
    "BLOCK_SIZE",
    "CARRIED_OVER_SHARE",
    "CATEGORY_SHARES",
    "CHANNEL_SHARES",
    "CLASSIFIED_PENDING_SHARE",
    "DECISION_SHARES",
    "DEMO_PLAN",
    "DEMO_SCALE",
    "DEMO_SEED",
    "ETHNICITY_SHARES",
    "EVENTS_PER_UNIT_MONTH",
    "INDICTED_SHARE",
    "LANGUAGE_SHARES",
    "LEAVING_SHARE",
    "MAINTAINED_SHARE",
    "MEETS_STANDARD_SHARE",
    "PROCURACY_SHARE",
    "REACH_SHARE",
    "REGISTERED_EARLIER_SHARE",
    "REPORTS_PER_SUBJECT",
    "RESIDENTIAL_AREAS_PER_UNIT",
    "RETURNING_SHARE",
    "SCENARIO_SHARES",
    "SECOND_CATEGORY_SHARE",
    "SOURCE_SHARES",
    "SUBJECTS_PER_UNIT",
    "SUBMISSION_SHARES",
    "SUPPORTED_VICTIM_SHARE",
    "TRIED_SHARE",
    "VERDICT_SHARES",
    "VOCATIONAL_SHARE",
    "WRONGFUL_SHARE",
    "ReportScenario",
    "SubmissionStatus",
    "demo_path",
    "generate",
    "load_demo",
    "stream",
    "write_jsonl",
]

_T = TypeVar("_T")
_ONE_DAY: Final = dt.timedelta(days=1)


class ReportScenario(enum.Enum):
    """How a synthetic crime report unfolds, judged at the end of the period it is made for.

    Each scenario is built with the time limits of Bộ luật Tố tụng hình sự 2015,
    Art. 147-149 (:func:`threeno.rules.time_limits.time_limit`), so that
    :func:`~threeno.rules.time_limits.status_on` gives the status its name promises.

    Plan clauses: I.3, II.4.b.

    .. versionadded:: 0.1.0
    """

    #: Decided (finally) within the 20-day limit of Art. 147(1).
    ON_TIME = "on_time"
    #: Decided after the limit.
    LATE = "late"
    #: Not decided, still within the limit at the period's end.
    PENDING = "pending"
    #: Not decided, past the limit at the period's end.
    OVERDUE = "overdue"
    #: Extended for a complex matter (and sometimes by the procuracy), decided within it.
    EXTENDED = "extended"
    #: Suspended within the limit (Art. 148), still suspended at the period's end.
    SUSPENDED = "suspended"
    #: Suspended, resumed, and decided within the month left (Art. 149).
    RESUMED = "resumed"
    #: Decided not to open a case on time, then that decision overturned (a missed crime).
    REOPENED = "reopened"


class SubmissionStatus(enum.Enum):
    """Whether an agency sent a periodic report on time, late or not at all.

    Plan clauses: IV.2.

    .. versionadded:: 0.1.0
    """

    ON_TIME = "on_time"
    LATE = "late"
    MISSING = "missing"


# -- proportions: illustrative, for a city of Lai Châu's size at scale 1 -----------------

#: Monitored subjects per commune or ward at scale 1, so 420 in the seven units of Lai
#: Châu city, the "hundreds of monitored women" of issue 7; ``scale`` multiplies it (and
#: every unit keeps at least one).
SUBJECTS_PER_UNIT: Final = 60

#: Subjects are made in blocks of at most this many, each with all its records, and a
#: block is forgotten once written, so the memory :func:`write_jsonl` needs does not
#: grow with the scale.
BLOCK_SIZE: Final = 60

#: Share of subjects registered in the year before the plan's year (the register carries
#: over, so the women under management at the year's start are most of them).
REGISTERED_EARLIER_SHARE: Final = 0.7

#: Each subject's first category, by weight, mostly the poor, disadvantaged and jobless
#: women of plan clause I.1 and III.4.c; fewer emigrants, victims and suspects (III.1.b).
CATEGORY_SHARES: Final[Mapping[SubjectCategory, float]] = MappingProxyType(
    {
        SubjectCategory.POOR: 0.30,
        SubjectCategory.DIFFICULT_CIRCUMSTANCES: 0.20,
        SubjectCategory.UNEMPLOYED: 0.16,
        SubjectCategory.EMIGRATED_ILLEGALLY: 0.08,
        SubjectCategory.LURED_OR_SOLD_ABROAD: 0.04,
        SubjectCategory.MARRIED_FOREIGNER_UNLAWFULLY: 0.05,
        SubjectCategory.ABSENT_SUSPECTED_TRAFFICKED: 0.04,
        SubjectCategory.BEING_IDENTIFIED: 0.01,
        SubjectCategory.RETURNED_VICTIM: 0.06,
        SubjectCategory.SUSPECT: 0.03,
        SubjectCategory.OFFENDER: 0.03,
    }
)

#: Share of subjects with a second category among poor, disadvantaged and jobless (a poor
#: woman who is also without work).
SECOND_CATEGORY_SHARE: Final = 0.3

#: Share of category memberships that end before the period's end (a woman leaves a
#: category, for example poverty).
LEAVING_SHARE: Final = 0.1

#: Share of the memberships that ended which start again later in the period.
RETURNING_SHARE: Final = 0.2

#: Ethnic groups by weight (codes of QĐ 1019/QĐ-TCTK 2008), the groups DOMAIN-FACTS.md
#: names as Lai Châu's largest, with the Kinh; illustrative, not census figures. Every
#: other group has a small weight, so that every code occurs at large scales.
ETHNICITY_SHARES: Final[Mapping[Ethnicity, float]] = MappingProxyType(
    {
        e: {
            Ethnicity.KINH: 40.0,
            Ethnicity.THAI: 20.0,
            Ethnicity.HMONG: 14.0,
            Ethnicity.DAO: 7.0,
            Ethnicity.GIAY: 4.0,
            Ethnicity.HA_NHI: 2.0,
            Ethnicity.LU: 2.0,
            Ethnicity.KHO_MU: 1.0,
            Ethnicity.LA_HU: 1.0,
            Ethnicity.MANG: 1.0,
            Ethnicity.CONG: 1.0,
        }.get(e, 0.05)
        for e in Ethnicity
    }
)

#: Crime reports a year per subject, 36 a year for the 420 subjects of scale 1 (the
#: "dozens of crime reports a year" of issue 7: trafficking, fraud and illegal exit).
REPORTS_PER_SUBJECT: Final = 36 / 420

#: Share of reports received in the two months before the year, and carried into it.
CARRIED_OVER_SHARE: Final = 0.15

#: How reports unfold (see :class:`ReportScenario`), most decided on time, some late,
#: extended, suspended or still pending, a few overdue or reopened. The first reports of
#: a dataset take each scenario once, so that every kind occurs at every scale.
SCENARIO_SHARES: Final[Mapping[ReportScenario, float]] = MappingProxyType(
    {
        ReportScenario.ON_TIME: 0.45,
        ReportScenario.LATE: 0.08,
        ReportScenario.PENDING: 0.07,
        ReportScenario.OVERDUE: 0.05,
        ReportScenario.EXTENDED: 0.14,
        ReportScenario.SUSPENDED: 0.06,
        ReportScenario.RESUMED: 0.10,
        ReportScenario.REOPENED: 0.05,
    }
)

#: Where reports come from (Bộ luật Tố tụng hình sự 2015, Art. 143, 144).
SOURCE_SHARES: Final[Mapping[ReportSource, float]] = MappingProxyType(
    {
        ReportSource.TO_GIAC: 0.40,
        ReportSource.TIN_BAO: 0.30,
        ReportSource.KIEN_NGHI_KHOI_TO: 0.10,
        ReportSource.TU_PHAT_HIEN: 0.15,
        ReportSource.TU_THU: 0.05,
    }
)

#: The offence a report concerns, by article of Bộ luật Hình sự 2015, trafficking first,
#: then fraud and the organising of illegal exit (the offences of plan clause I.3).
ARTICLE_SHARES: Final[Mapping[int, float]] = MappingProxyType(
    {150: 0.40, 174: 0.25, 348: 0.15, 349: 0.10, 151: 0.07, 153: 0.03}
)

#: The final decision on a report (Art. 147(3), 146(2)).
DECISION_SHARES: Final[Mapping[Decision, float]] = MappingProxyType(
    {Decision.KHOI_TO: 0.55, Decision.KHONG_KHOI_TO: 0.35, Decision.CHUYEN: 0.10}
)

#: Share of extended reports whose limit the procuracy extends a second time (Art. 147(2)).
PROCURACY_SHARE: Final = 0.3

#: Share of undecided reports already classified.
CLASSIFIED_PENDING_SHARE: Final = 0.7

#: Share of criminal cases indicted within the data, and of those tried.
INDICTED_SHARE: Final = 0.6
#: Share of indicted cases tried within the data.
TRIED_SHARE: Final = 0.7

#: The verdicts of first-instance trials.
VERDICT_SHARES: Final[Mapping[Verdict, float]] = MappingProxyType(
    {Verdict.CONVICTED: 0.90, Verdict.ACQUITTED: 0.03, Verdict.RETURNED_FOR_INVESTIGATION: 0.07}
)

#: Share of cases later found wrongful (the "oan sai" plan clause I.3 forbids), rare.
WRONGFUL_SHARE: Final = 0.01

#: Share of returned victims (and persons being identified) who receive any support;
#: the rest are the victims without support that ``support.coverage`` exists to find
#: (the first returned victim of a dataset is always one of them).
SUPPORTED_VICTIM_SHARE: Final = 0.85

#: Share of poor, disadvantaged or jobless women referred to vocational training, loans
#: or jobs in the year (plan clauses III.2.b, III.4.c).
VOCATIONAL_SHARE: Final = 0.2

#: Outreach events per commune or ward per month at scale 1 (plan clause II.2.b asks for
#: awareness-raising everywhere, by every fitting means); at least one at every scale.
EVENTS_PER_UNIT_MONTH: Final = 3

#: The means of an outreach event (plan clause II.2.b).
CHANNEL_SHARES: Final[Mapping[Channel, float]] = MappingProxyType(
    {
        Channel.LOUDSPEAKER: 0.25,
        Channel.FACE_TO_FACE: 0.30,
        Channel.PICTURES: 0.05,
        Channel.DOCUMENTARY: 0.03,
        Channel.TELEVISION: 0.03,
        Channel.PANEL_POSTER: 0.08,
        Channel.SOCIAL_MEDIA: 0.12,
        Channel.SCHOOL: 0.07,
        Channel.WORKSHOP: 0.05,
        Channel.OTHER: 0.02,
    }
)

#: The language of an outreach event, Vietnamese or an ethnic language where many
#: ethnic-minority people live (plan clause I.2): Hmong ``hmn``, Tai Dam ``blt``, Iu
#: Mien ``ium``.
LANGUAGE_SHARES: Final[Mapping[str, float]] = MappingProxyType(
    {"vi": 0.70, "hmn": 0.12, "blt": 0.12, "ium": 0.06}
)

#: Mean share of a unit's target women an event reaches; over a year of events most,
#: not always all, are reached (plan clause II.2.b asks for 100%).
REACH_SHARE: Final = 0.25

#: Share of reviews that find the model maintained in the unit (plan clause I.5).
MAINTAINED_SHARE: Final = 0.85

#: Whether an agency's periodic report arrives on time, late, or not at all (plan IV.2);
#: in every dataset at least one is late and one missing.
SUBMISSION_SHARES: Final[Mapping[SubmissionStatus, float]] = MappingProxyType(
    {SubmissionStatus.ON_TIME: 0.80, SubmissionStatus.LATE: 0.12, SubmissionStatus.MISSING: 0.08}
)

#: Residential areas (khu dân cư) assessed per unit each year, beside the unit itself
#: (Thông tư 124/2021/TT-BCA; plan clause II.1.b).
RESIDENTIAL_AREAS_PER_UNIT: Final = 3

#: Share of safety assessments that find the standard met.
MEETS_STANDARD_SHARE: Final = 0.85

#: The bundled plan the demo dataset was made for.
DEMO_PLAN: Final = "lai-chau-2024"
#: The seed of the bundled demo dataset.
DEMO_SEED: Final = 2024
#: The scale of the bundled demo dataset.
DEMO_SCALE: Final = 1.0

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
_TRAFFICKING_RELATED: Final = frozenset(
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
    return tuple(shares), tuple(shares.values())


_CATEGORIES: Final = _options(CATEGORY_SHARES)
_ETHNICITIES: Final = _options(ETHNICITY_SHARES)
_SCENARIOS: Final = _options(SCENARIO_SHARES)
_SOURCES: Final = _options(SOURCE_SHARES)
_ARTICLES: Final = _options(ARTICLE_SHARES)
_DECISIONS: Final = _options(DECISION_SHARES)
_VERDICTS: Final = _options(VERDICT_SHARES)
_CHANNELS: Final = _options(CHANNEL_SHARES)
_LANGUAGES: Final = _options(LANGUAGE_SHARES)
_SUBMISSIONS: Final = _options(SUBMISSION_SHARES)
_SEXES: Final = ((Sex.MALE, Sex.FEMALE), (0.7, 0.3))


# -- where the choices come from ---------------------------------------------------------


class _Source(Protocol):
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


class _RandomSource:
    """Choices from one :class:`random.Random`, so a seed fixes every record."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng

    def integer(self, low: int, high: int) -> int:
        return self._rng.randint(low, high)

    def pick(self, options: Sequence[_T], weights: Sequence[float] | None = None) -> _T:
        if weights is None:
            return options[self._rng.randrange(len(options))]
        return self._rng.choices(options, weights=weights)[0]

    def chance(self, p: float) -> bool:
        return self._rng.random() < p

    def subset(self, options: Sequence[_T], low: int, high: int) -> list[_T]:
        high = min(high, len(options))
        count = self._rng.randint(min(low, high), high)
        return [options[i] for i in sorted(self._rng.sample(range(len(options)), count))]


# -- the frame: where and when records may fall -----------------------------------------


@attrs.frozen
class _UnitSpan:
    """A unit in scope, and the days of the frame on which its code is valid."""

    code: str
    first: dt.date
    last: dt.date


@attrs.frozen(kw_only=True)
class _Frame:
    """Everything a builder needs from the plan and the period, computed once."""

    start: dt.date
    period: ReportingPeriod
    units: tuple[_UnitSpan, ...]
    receiving: tuple[str, ...]
    local: Mapping[str, tuple[str, ...]]
    reporting: tuple[str, ...]
    expected: tuple[ReportingPeriod, ...]
    days_allowed: int
    slogan: tuple[SloganItem, ...]

    @property
    def end(self) -> dt.date:
        return self.period.end

    def unit(self, code: str) -> _UnitSpan:
        return next(u for u in self.units if u.code == code)

    def is_valid(self, code: str, day: dt.date) -> bool:
        return any(u.code == code and u.first <= day <= u.last for u in self.units)


def _frame(plan: Plan, period: ReportingPeriod) -> _Frame:
    """The frame of ``plan`` for ``period``: its units, agencies and expected reports."""
    start, end = period.start - _LOOKBACK, period.end
    units = []
    for unit in plan.units:
        first = max(start, unit.valid_from or start)
        last = min(end, unit.valid_to or end)
        if first <= last:
            units.append(_UnitSpan(unit.code, first, last))
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
    return _Frame(
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
class _Builder:
    """Builds one record at a time for a frame, with choices from a source.

    The synthetic generator drives it with :class:`random.Random`, the Hypothesis
    strategies with Hypothesis: one implementation of what a realistic record is.
    """

    src: _Source
    frame: _Frame

    def day(self, low: dt.date, high: dt.date) -> dt.date:
        """A day from ``low`` to ``high`` (``low`` itself if the span is empty)."""
        if high <= low:
            return low
        return low + dt.timedelta(days=self.src.integer(0, (high - low).days))

    def day_in(self, unit: _UnitSpan, low: dt.date, high: dt.date) -> dt.date:
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

    def subject(self, subject_id: str, unit: _UnitSpan) -> Subject:
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

    def received(self, unit: _UnitSpan, scenario: ReportScenario) -> dt.date:
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
        unit: _UnitSpan,
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
        unit: _UnitSpan,
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
        self, review_id: str, unit: _UnitSpan, kind: ReviewKind, span: tuple[dt.date, dt.date]
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
        self, assessment_id: str, unit: _UnitSpan, area: int | None
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


# -- the generator -----------------------------------------------------------------------


class _Ids:
    """Sequential pseudonymous ids per record type: ``S-000001``, ``CR-00001``, ..."""

    _FORMATS: Final = MappingProxyType(
        {
            "subjects": "S-{:06d}",
            "crime_reports": "CR-{:05d}",
            "criminal_cases": "CC-{:05d}",
            "support_actions": "SA-{:06d}",
            "outreach_events": "OE-{:06d}",
            "model_reviews": "MR-{:04d}",
            "report_submissions": "RS-{:04d}",
            "safety_assessments": "SF-{:04d}",
        }
    )

    def __init__(self) -> None:
        self._next = dict.fromkeys(self._FORMATS, 1)
        self._met: set[str] = set()

    def first(self, what: str) -> bool:
        """Whether this is the first time ``what`` is asked about in the dataset."""
        if what in self._met:
            return False
        self._met.add(what)
        return True

    def issued(self, record_type: str) -> int:
        """How many ids of ``record_type`` were issued so far."""
        return self._next[record_type] - 1

    def __call__(self, record_type: str) -> str:
        number = self._next[record_type]
        self._next[record_type] = number + 1
        return self._FORMATS[record_type].format(number)


def _count(src: _Source, expected: float) -> int:
    """A whole count whose mean is ``expected`` (the fraction decided by chance)."""
    whole = math.floor(expected)
    return whole + (1 if src.chance(expected - whole) else 0)


def _block(
    build: _Builder, unit: _UnitSpan, size: int, ids: _Ids, *, first: bool
) -> Iterator[Record]:
    """``size`` subjects of ``unit`` and every record about them, for the frame's period."""
    src, frame = build.src, build.frame
    people = [build.subject(ids("subjects"), unit) for _ in range(size)]
    yield from people
    candidates = [p.id for p in people if _TRAFFICKING_RELATED & {s.category for s in p.categories}]
    for _ in range(_count(src, REPORTS_PER_SUBJECT * size)):
        victims = src.subset(candidates, 0, 2)
        done = ids.issued("crime_reports")
        # The first reports take every scenario once, so each occurs at every scale.
        scenario = _SCENARIOS[0][done] if done < len(_SCENARIOS[0]) else src.pick(*_SCENARIOS)
        report = build.report(ids("crime_reports"), unit, scenario, victims)
        if build.can_open_case(report):
            case = build.case(ids("criminal_cases"), report)
            report = attrs.evolve(report, case_id=case.id)
            yield case
        yield report
    for person in people:
        returned = any(c.category is SubjectCategory.RETURNED_VICTIM for c in person.categories)
        if returned and ids.first("returned victim"):
            continue  # the first returned victim gets no support: coverage is never a given
        yield from build.support(person, lambda: ids("support_actions"))
    share = size / SUBJECTS_PER_UNIT
    for month in frame.period.split(PeriodKind.MONTH):
        count = _count(src, EVENTS_PER_UNIT_MONTH * share)
        for _ in range(max(count, 1) if first else count):
            yield build.event(ids("outreach_events"), unit, (month.start, month.end), people)


def _unit_records(build: _Builder, unit: _UnitSpan, ids: _Ids) -> Iterator[Record]:
    """A unit's reviews (sơ kết mid-year, tổng kết at the end) and safety assessments."""
    months = build.frame.period.split(PeriodKind.MONTH)
    middle, last = months[len(months) // 2 - 1], months[-1]
    for kind, month in ((ReviewKind.SO_KET, middle), (ReviewKind.TONG_KET, last)):
        yield build.review(ids("model_reviews"), unit, kind, (month.start, month.end))
    for area in (None, *range(1, RESIDENTIAL_AREAS_PER_UNIT + 1)):
        assessment = build.assessment(ids("safety_assessments"), unit, area)
        if assessment is not None:
            yield assessment


def _submissions(build: _Builder, ids: _Ids) -> Iterator[Record]:
    """Every reporting agency's periodic reports (some late, some missing) and one ad hoc.

    One expected report, chosen at random, is late and another missing, whatever the
    draws: the indicators' 100% is never a given.
    """
    src, frame = build.src, build.frame
    expected = [(agency, period) for agency in frame.reporting for period in frame.expected]
    forced: dict[int, SubmissionStatus] = {}
    if len(expected) > 1:
        late = src.integer(0, len(expected) - 1)
        missing = (late + src.integer(1, len(expected) - 1)) % len(expected)
        forced = {late: SubmissionStatus.LATE, missing: SubmissionStatus.MISSING}
    for i, (agency, period) in enumerate(expected):
        status = forced[i] if i in forced else src.pick(*_SUBMISSIONS)
        if status is not SubmissionStatus.MISSING:
            yield build.submission(ids("report_submissions"), agency, period, status)
    asked = build.day(frame.period.start, frame.end)
    for agency in frame.reporting:
        if not src.chance(SUBMISSION_SHARES[SubmissionStatus.MISSING]):
            yield build.adhoc(ids("report_submissions"), agency, asked)


def _check(plan: object, seed: object, scale: object, where: str) -> None:
    if not isinstance(plan, Plan):
        msg = f"must be a Plan (threeno.plans.load_plan), not {type(plan).__name__}"
        raise ValidationError(msg, cls_name=where, field="plan")
    if isinstance(seed, bool) or not isinstance(seed, int):
        msg = f"must be a whole number, not {type(seed).__name__}"
        raise ValidationError(msg, cls_name=where, field="seed")
    if (
        isinstance(scale, bool)
        or not isinstance(scale, (int, float))
        or not math.isfinite(scale)
        or scale <= 0
    ):
        msg = f"must be a number greater than 0, not {scale!r}"
        raise ValidationError(msg, cls_name=where, field="scale")


def stream(plan: Plan, *, seed: int, scale: float = 1.0) -> Iterator[Record]:
    """Yield the synthetic records of ``plan``'s reporting year one by one.

    The records come unit by unit, in blocks of at most :data:`BLOCK_SIZE` subjects with
    all their records; only one block is held at a time. Per unit: two model reviews and
    the safety assessments; per block: subjects, crime reports and their cases, support,
    and outreach events month by month; then every agency's report submissions. The
    counts per unit and record type are :data:`SUBJECTS_PER_UNIT` times ``scale``
    subjects and the proportions of this module; reviews, assessments and submissions
    are per unit or agency and do not grow with ``scale``.

    Args:
        plan: the plan whose units, agencies, year and reporting rules the records follow.
        seed: the seed of the one :class:`random.Random` every choice comes from.
        scale: multiplies the population and the records about it (1.0: a city the size
            of Lai Châu).

    Returns:
        An iterator of records, the same for the same plan, seed and scale.

    Raises:
        ValidationError: for a plan that is not a :class:`~threeno.model.plan.Plan`, a
            seed that is not a whole number, or a scale that is not a number above 0.
        UnitError: when none of the plan's units is valid in its reporting year.

    Plan clauses: I.1, I.3, I.5, II.1.b, II.2.b, II.3.b, II.4.b, III.4.c, IV.1, IV.2.

    .. versionadded:: 0.1.0
    """
    _check(plan, seed, scale, "stream")
    frame = _frame(plan, plan.reporting_year)
    # A seeded generator is the point: synthetic data, not secrets.
    return _stream(frame, random.Random(seed), float(scale))  # noqa: S311


def _stream(frame: _Frame, rng: random.Random, scale: float) -> Iterator[Record]:
    build, ids = _Builder(_RandomSource(rng), frame), _Ids()
    population = max(1, round(SUBJECTS_PER_UNIT * scale))  # every unit has someone
    for unit in frame.units:
        yield from _unit_records(build, unit, ids)
        for offset in range(0, population, BLOCK_SIZE):
            size = min(BLOCK_SIZE, population - offset)
            yield from _block(build, unit, size, ids, first=offset == 0)
    yield from _submissions(build, ids)


def generate(plan: Plan, *, seed: int, scale: float = 1.0) -> Dataset:
    """A whole synthetic dataset for ``plan``'s reporting year, the same for the same seed.

    At ``scale=1`` a city like Lai Châu: :data:`SUBJECTS_PER_UNIT` monitored subjects per
    unit (420 in the seven units of the 2024 plan), dozens of crime reports a year,
    outreach events every month in every unit; the records about the population grow
    linearly with ``scale``. Every reference resolves, every unit code is one of the
    plan's units valid on the record's date, and ``dataset.validate(plan)`` finds no
    problem. The personal data fields are ``None``.

    >>> from threeno.plans import load_plan
    >>> from threeno.testing.synthetic import generate
    >>> plan = load_plan("lai-chau-2024")
    >>> data = generate(plan, seed=1, scale=0.5)
    >>> data.counts()["subjects"], data.validate(plan)
    (210, [])

    Args:
        plan: the plan whose units, agencies, year and reporting rules the records follow.
        seed: the seed of the one :class:`random.Random` every choice comes from.
        scale: multiplies the population and the records about it.

    Returns:
        The :class:`~threeno.model.dataset.Dataset` of the records :func:`stream` yields.

    Raises:
        ValidationError: for a plan that is not a plan, a seed that is not a whole number,
            or a scale that is not a number above 0.
        UnitError: when none of the plan's units is valid in its reporting year.

    Plan clauses: I.1, I.3, I.5, II.1.b, II.2.b, II.3.b, II.4.b, III.4.c, IV.1, IV.2.

    .. versionadded:: 0.1.0
    """
    _check(plan, seed, scale, "generate")
    names = {cls: name for name, cls in RECORD_TYPES.items()}
    records: dict[str, list[Record]] = {name: [] for name in RECORD_TYPES}
    for record in stream(plan, seed=seed, scale=scale):
        records[names[type(record)]].append(record)
    return Dataset(**records)  # type: ignore[arg-type]  # each list holds its own type


def _line(record: Record) -> str:
    # One JSON object per line, keys in field order, text as written (not \u escapes).
    return json.dumps(CONVERTER.unstructure(record), ensure_ascii=False, separators=(",", ":"))


def write_jsonl(
    plan: Plan, folder: str | os.PathLike[str], *, seed: int, scale: float = 1.0
) -> dict[str, int]:
    """Write the records :func:`generate` returns, streaming, one JSON Lines file per type.

    Writes ``<folder>/<record_type>.jsonl`` for every record type of the data dictionary
    (``subjects.jsonl``, ``crime_reports.jsonl``, ...; empty files for types without
    records), one record per line, unstructured by the project's converter
    (:data:`threeno.io.converter.CONVERTER`) as the dataset loader reads it. The folder is
    created if needed and those eight files are replaced, atomically: each is written to
    a temporary file renamed over it only when every record is written, so a run that
    fails or is interrupted leaves the old files (or none), never half a dataset.
    Records are written as :func:`stream` yields them, so memory does not grow with
    ``scale``, and the same plan, seed and scale give byte-identical files.

    Args:
        plan: the plan whose units, agencies, year and reporting rules the records follow.
        folder: the folder to write to.
        seed: the seed of the one :class:`random.Random` every choice comes from.
        scale: multiplies the population and the records about it.

    Returns:
        The number of records written per record type, in the data dictionary's order.

    Raises:
        ValidationError: for a plan that is not a plan, a seed that is not a whole number,
            or a scale that is not a number above 0.
        UnitError: when none of the plan's units is valid in its reporting year.
        OutputError: (:class:`threeno.errors.OutputError`) when the folder cannot be
            made or a file cannot be written (naming the path and the system's reason),
            or a file of the folder is not a regular file (a device, a named pipe).

    Plan clauses: I.1, I.3, I.5, II.1.b, II.2.b, II.3.b, II.4.b, III.4.c, IV.1, IV.2.

    .. versionadded:: 0.1.0
    """
    _check(plan, seed, scale, "write_jsonl")
    records = stream(plan, seed=seed, scale=scale)
    out = make_folder(folder)
    names = {cls: name for name, cls in RECORD_TYPES.items()}
    counts = dict.fromkeys(RECORD_TYPES, 0)
    with contextlib.ExitStack() as stack:
        handles = {
            name: stack.enter_context(atomic_open(out / f"{name}.jsonl")) for name in RECORD_TYPES
        }
        for record in records:
            name = names[type(record)]
            handles[name].write(_line(record) + "\n")
            counts[name] += 1
    return counts


def demo_path(plan_id: str = DEMO_PLAN) -> Path:
    """The folder of the bundled demo dataset for ``plan_id``: one JSON Lines file per type.

    Written by :func:`write_jsonl` with :data:`DEMO_SEED` and :data:`DEMO_SCALE`; the
    tests check that the shipped files equal the generator's output byte for byte.

    >>> from threeno.testing.synthetic import demo_path
    >>> sorted(p.name for p in demo_path().iterdir())[:2]
    ['crime_reports.jsonl', 'criminal_cases.jsonl']

    Args:
        plan_id: the bundled plan the demo data were made for; only ``"lai-chau-2024"``.

    Returns:
        The folder's path.

    Raises:
        DatasetError: when there is no demo dataset for ``plan_id``, or the package is
            not installed as files on disk.

    Plan clauses: the whole plan (``threeno report`` evaluates it on these records).

    .. versionadded:: 0.1.0
    """
    demo = files(__package__ or "threeno.testing").joinpath("demo")
    available = sorted(p.name for p in demo.iterdir() if p.is_dir())
    if plan_id not in available:
        msg = f"no demo dataset for {plan_id!r}; bundled demo datasets: {', '.join(available)}"
        raise DatasetError(msg)
    folder = demo.joinpath(plan_id)
    if not isinstance(folder, Path):  # pragma: no cover - a zipped install
        msg = f"the demo dataset for {plan_id!r} is not on disk (threeno runs from an archive)"
        raise DatasetError(msg)
    return folder


def load_demo(plan_id: str = DEMO_PLAN) -> Dataset:
    """The bundled demo dataset for ``plan_id``, loaded and checked against that plan.

    >>> from threeno.testing.synthetic import load_demo
    >>> load_demo().counts()["subjects"]
    420

    Args:
        plan_id: the bundled plan the demo data were made for; only ``"lai-chau-2024"``.

    Returns:
        The :class:`~threeno.model.dataset.Dataset`, read by
        :func:`threeno.io.datasets.load_dataset` with the plan's unit registry.

    Raises:
        DatasetError: when there is no demo dataset for ``plan_id``, or a shipped record
            is rejected or a problem found (the shipped files are damaged).

    Plan clauses: the whole plan (``threeno report`` evaluates it on these records).

    .. versionadded:: 0.1.0
    """
    folder = demo_path(plan_id)
    dataset, _ = load_dataset(folder, plan=load_plan(plan_id), strict=True)
    return dataset
