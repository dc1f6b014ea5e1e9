"""The counting rules of the communes and wards, and of reporting (I.5, II.1.b, IV.1, IV.2).

``units.model_maintained`` and ``units.safe`` give one tally per unit evaluated from its
latest review or assessment; ``reporting.completeness`` and ``reporting.timeliness`` are
counted per agency, from the reports the plan expects
(:func:`~threeno.indicators.counting.expected_reports`) and the submissions, which belong
to agencies, not to units.

Plan clauses: I.5, II.1.b, IV.1, IV.2.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, ClassVar, Final

from threeno.indicators.counting._base import Accumulator, Consumes, Tally, in_period
from threeno.indicators.definitions import Dimension
from threeno.indicators.explanation import Named
from threeno.model.activities import ModelReview, ReportSubmission, SafetyAssessment
from threeno.model.enums import AssessmentScope, ReviewKind

if TYPE_CHECKING:
    from threeno.indicators.counting._base import Context
    from threeno.indicators.definitions import Indicator
    from threeno.indicators.explanation import Fact
    from threeno.model.period import ReportingPeriod

__all__ = [
    "ReportingCompleteness",
    "ReportingTimeliness",
    "UnitsModelMaintained",
    "UnitsSafe",
]

_AGENCY: Final = Dimension.AGENCY.value
_REPORT_KIND: Final = Dimension.REPORT_KIND.value

# What is kept of a unit's latest review: held on, id (the order), kind, maintained; and
# of its latest assessment: assessed on, id (the order), year, criteria failed, met. Not
# the record: an accumulator's state is sent between machines and holds no record.
_Review = tuple[dt.date, str, ReviewKind, bool]
_Assessment = tuple[dt.date, str, int, tuple[str, ...], bool]


class UnitsModelMaintained(Accumulator):
    """``units.model_maintained``: units whose latest review in the period says "maintained".

    Denominator: every commune or ward evaluated (the plan's units in force at the
    period's end, or those asked for), each once: 7 for the 2024 plan, so 7/7 is 1.0.
    Numerator: the units whose latest model review (sơ kết or tổng kết) held in the period
    says ``maintained``; the latest is the one with the latest ``held_on`` (on the same
    day, the greatest id). A unit with no review in the period stays in the denominator
    and fails ("no review in the period"): the plan asks for reviews on time (IV.1).

    Records considered: the model reviews held in the unit in the period. A unit with no
    review still fails in the whole area's share, but its own result has no data, and
    the area's has none when no unit has a review (reviews not given, or all left out).

    Plan clauses: I.5 ("07/07 xã, phường"), IV.1.
    """

    def consumes(self) -> Consumes:
        """Each model review placed in a unit evaluated."""
        return Consumes().in_unit(ModelReview, self.add_review)

    def __init__(self, indicator: Indicator, context: Context) -> None:
        """Start with no review."""
        super().__init__(indicator, context)
        self.latest: dict[str, _Review] = {}

    def add_review(self, review: ModelReview, unit: str) -> None:
        """Keep the unit's latest review in the period."""
        if not in_period(review.held_on, self.ctx):
            return
        self.tally(unit).considered += 1
        self._keep((review.held_on, review.id, review.kind, review.maintained), unit)

    def _keep(self, review: _Review, unit: str) -> None:
        current = self.latest.get(unit)
        if current is None or review[:2] > current[:2]:
            self.latest[unit] = review

    def merge(self, other: Accumulator) -> None:
        """Add the reviews considered; keep, per unit, the later of the two latest reviews."""
        assert isinstance(other, UnitsModelMaintained)  # noqa: S101 - the engine pairs like with like
        super().merge(other)
        for unit, review in other.latest.items():
            self._keep(review, unit)

    def finish(self) -> dict[str | None, Tally]:
        """One tally per unit evaluated: 1 in the denominator, 1 in the numerator if maintained."""
        tallies: dict[str | None, Tally] = {}
        for unit in self.ctx.unit_codes:
            tally = tallies[unit] = Tally()
            tally.denominator = 1
            seen = self.tallies.get(unit)
            tally.considered = 0 if seen is None else seen.considered
            review = self.latest.get(unit)
            if review is None:
                self._fail(tally, unit, unit, "no_review")
                continue
            held_on, review_id, kind, maintained = review
            code = "maintained" if maintained else "not_maintained"
            found: dict[str, Fact | None] = {"kind": kind, "held": held_on, "review": review_id}
            if maintained:
                self._count(tally, review_id, unit, code, **found)
            else:
                self._fail(tally, review_id, unit, code, **found)
        return tallies


class UnitsSafe(Accumulator):
    """``units.safe``: communes and wards meeting the safety standard, of those assessed.

    Looks at the safety assessments of scope ``xa_phuong`` (the commune or ward itself,
    not its residential areas) whose assessed ``year`` is the year of the period's end,
    whenever they were held, in the unit of their ``unit_code`` read on ``assessed_on``;
    per unit only the latest (latest ``assessed_on``, then greatest id). Denominator: the
    units with such an assessment. Numerator: those whose latest assessment
    ``meets_standard``. A unit with no assessment of that year is shown apart and has
    *no data*, not 0%. The standard is Thông tư 124/2021/TT-BCA; its criteria are not
    re-implemented, the assessment's result is read.

    Records considered: the unit's commune-level assessments of the period's year (every
    one, not only the latest).

    Plan clauses: II.1.b.
    """

    def consumes(self) -> Consumes:
        """Each safety assessment placed in a unit evaluated."""
        return Consumes().in_unit(SafetyAssessment, self.add_assessment)

    def __init__(self, indicator: Indicator, context: Context) -> None:
        """Start with no assessment."""
        super().__init__(indicator, context)
        self.latest: dict[str, _Assessment] = {}

    def add_assessment(self, assessment: SafetyAssessment, unit: str) -> None:
        """Keep the unit's latest commune-level assessment of the period's year."""
        if assessment.scope is not AssessmentScope.XA_PHUONG or assessment.year != self.ctx.year:
            return
        self.tally(unit).considered += 1
        kept = (
            assessment.assessed_on,
            assessment.id,
            assessment.year,
            assessment.criteria_failed,
            assessment.meets_standard,
        )
        self._keep(kept, unit)

    def _keep(self, assessment: _Assessment, unit: str) -> None:
        current = self.latest.get(unit)
        if current is None or assessment[:2] > current[:2]:
            self.latest[unit] = assessment

    def merge(self, other: Accumulator) -> None:
        """Add the assessments considered; keep, per unit, the later of the two latest."""
        assert isinstance(other, UnitsSafe)  # noqa: S101 - the engine pairs like with like
        super().merge(other)
        for unit, assessment in other.latest.items():
            self._keep(assessment, unit)

    def finish(self) -> dict[str | None, Tally]:
        """One tally per unit: assessed units in the denominator, those meeting it counted."""
        tallies: dict[str | None, Tally] = {}
        for unit in self.ctx.unit_codes:
            tally = tallies[unit] = Tally()
            seen = self.tallies.get(unit)
            tally.considered = 0 if seen is None else seen.considered
            found = self.latest.get(unit)
            if found is None:
                self._apart(
                    tally, unit, unit, "not_assessed", keep=self.keep_failures, year=self.ctx.year
                )
                continue
            tally.denominator = 1
            assessed_on, assessment_id, year, criteria_failed, meets_standard = found
            facts: dict[str, Fact | None] = {
                "year": year,
                "assessed": assessed_on,
                "assessment": assessment_id,
                "criteria": ", ".join(criteria_failed) or None,
            }
            if meets_standard:
                self._count(tally, assessment_id, unit, "safe", **facts)
            else:
                self._fail(tally, assessment_id, unit, "not_safe", **facts)
        return tallies


class _Reporting(Accumulator):
    """What the two reporting indicators share: the earliest submission per expected report."""

    def consumes(self) -> Consumes:
        """Every report submission: submissions belong to agencies, not to units."""
        return Consumes().any_unit(ReportSubmission, self.add_submission)

    #: Whether a report counts only if sent by its due date (timeliness) or at all.
    by_due_date: ClassVar[bool] = False

    def __init__(self, indicator: Indicator, context: Context) -> None:
        """Index the expected reports; start with no submission."""
        super().__init__(indicator, context)
        self.expected_keys = {e.key for e in context.expected}
        self.expected_texts = {str(e.period) for e in context.expected}
        self.periods = {str(e.period): _period_name(e.period) for e in context.expected}
        self.agencies = frozenset(context.reporting_agencies)
        self.earliest: dict[tuple[str, str], tuple[dt.date, str]] = {}

    def add_submission(self, submission: ReportSubmission, unit: str | None) -> None:  # noqa: ARG002 - agencies, not units
        """Match a submission with an expected report, or note an ad hoc or unexpected one."""
        key = (submission.agency, submission.period)
        if key in self.expected_keys:
            self.tally(None).considered += 1
            seen = (submission.submitted_on, submission.id)
            current = self.earliest.get(key)
            if current is None or seen < current:
                self.earliest[key] = seen
            return
        text = submission.period
        if text.startswith("adhoc:"):
            day = dt.date.fromisoformat(text.removeprefix("adhoc:"))
            if not in_period(day, self.ctx):
                return
            tally = self.tally(None)
            tally.considered += 1
            tally.add("adhoc")
            self._apart(
                tally,
                submission.id,
                None,
                "adhoc",
                keep=self.keep_failures,
                day=day,
                agency=self.ctx.agency(submission.agency),
                submitted=submission.submitted_on,
            )
        elif text in self.expected_texts and submission.agency not in self.agencies:
            tally = self.tally(None)
            tally.considered += 1
            tally.add("unexpected")
            self._apart(
                tally,
                submission.id,
                None,
                "unexpected_agency",
                keep=self.keep_failures,
                report=self.periods[text],
                agency=self.ctx.agency(submission.agency),
            )

    def merge(self, other: Accumulator) -> None:
        """Add the notes and keep the earliest submission per expected report."""
        assert isinstance(other, _Reporting)  # noqa: S101 - the engine pairs like with like
        super().merge(other)
        for key, seen in other.earliest.items():
            current = self.earliest.get(key)
            if current is None or seen < current:
                self.earliest[key] = seen

    def finish(self) -> dict[str | None, Tally]:
        """One tally for the whole plan: every expected report in the denominator."""
        tally = Tally()
        notes = self.tallies.get(None)
        if notes is not None:
            tally.merge(notes)
        for expected in self.ctx.expected:
            tally.denominator += 1
            agency_cell = tally.cell(_AGENCY, expected.agency)
            kind_cell = tally.cell(_REPORT_KIND, expected.kind)
            agency_cell.denominator += 1
            kind_cell.denominator += 1
            seen = self.earliest.get(expected.key)
            record_id = f"{expected.agency} {expected.period}"
            text = self.periods[str(expected.period)]
            agency = self.ctx.agency(expected.agency)
            if seen is None:
                self._fail(
                    tally,
                    record_id,
                    None,
                    "not_submitted",
                    report=text,
                    agency=agency,
                    due=expected.due,
                )
                continue
            on_time = seen[0] <= expected.due
            facts: dict[str, Fact | None] = {
                "report": text,
                "agency": agency,
                "due": expected.due,
                "submitted": seen[0],
                "submission": seen[1],
            }
            code = "submitted" if on_time else "submitted_late"
            if on_time or not self.by_due_date:
                agency_cell.numerator += 1
                kind_cell.numerator += 1
                self._count(tally, record_id, None, code, **facts)
            else:
                self._fail(tally, record_id, None, code, **facts)
        return {None: tally}


def _period_name(period: ReportingPeriod) -> Named:
    """A reporting period by name without its dates (``6 tháng đầu năm 2024``), for a reason."""
    return Named(str(period), period.label("vi").split(" (")[0], period.label("en").split(" (")[0])


class ReportingCompleteness(_Reporting):
    """``reporting.completeness``: periodic reports submitted, of those the plan expects.

    Denominator: the expected reports (:func:`expected_reports`): for each agency the
    plan's reporting rules list, each period of the plan's report kinds (six-monthly and
    yearly for the 2024 plan; ad hoc reports have no period) that ends within the
    evaluation period, in the plan's convention. Numerator: those with at least one
    submission of that agency whose ``period`` text is the period's (``2024-H1``), sent on
    any date. Agency-level: no result per ward; breakdowns by agency and by kind of report.
    Ad hoc submissions dated in the period, and submissions of an expected period from an
    agency the plan does not list, are shown apart (figures ``adhoc``, ``unexpected``).

    Records considered: the report submissions that match an expected report (whenever
    sent), and those shown apart. With none, the reports expected still fill the
    denominator, but the result has no data: no submission was given to count.

    Plan clauses: IV.2 ("định kỳ báo cáo 06 tháng, 01 năm và báo cáo đột xuất").
    """

    by_due_date: ClassVar[bool] = False


class ReportingTimeliness(_Reporting):
    """``reporting.timeliness``: periodic reports submitted by their due date, of those expected.

    Denominator: the expected reports, as for ``reporting.completeness``. Numerator: those
    whose earliest matching submission was sent on or before the due date, the period's
    end plus the plan's ``days_allowed`` calendar days
    (``threeno.rules.periods.due_date``; the 2024 plan sets no deadline, so its
    ``days_allowed`` is a local default). Agency-level, by agency and by kind of report;
    ad hoc and unexpected submissions shown apart as for completeness.

    Records considered: as for ``reporting.completeness``.

    A deadline the plan does not set (``days_allowed_set_by_plan = false``) makes the
    result a reading (``IndicatorResult.readings``): every report labels it so, and it is
    left unassessed under ``[evaluation] assess_assumed_targets = false``.

    Plan clauses: IV.2.
    """

    by_due_date: ClassVar[bool] = True
    uses_reporting_deadline: ClassVar[bool] = True
