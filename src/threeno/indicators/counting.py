"""The counting rules: one accumulator per indicator, whose docstring is its exact rule.

An accumulator consumes records one at a time (``add_<record type>``), keeps one
:class:`Tally` per commune or ward (numerator, denominator, breakdowns, extra figures
and the entries of the explanation), merges with another accumulator of the same
indicator built on other records (:meth:`Accumulator.merge`: sums and unions, so the
merge is associative and commutative), and gives its tallies at the end
(:meth:`Accumulator.finish`). Indicators that join two record types (outreach reach with
the women reached, support with the victims supported) keep what they need per person
and join at :meth:`~Accumulator.finish`, so records may come in any order and partitions
may split them anyhow.

The engine (:mod:`threeno.indicators.engine`) resolves each record's unit once, by the
record's own date, and hands the record to the accumulators of its type; a crime report's
time limit is computed at most once per report (:class:`ReportFacts`). Hot paths compare
plain dates; nothing here uses pendulum.

Conventions shared by every rule:

* A period runs from its ``start`` to its ``end``, both days included ("in the period").
* "Women" are subjects of sex ``female``. A subject is *under management* on a day when
  she was registered on or before it and at least one of her category spans is active
  that day (a span's ``until`` is its last day). A *target woman* is a woman under
  management with at least one active category other than ``suspect`` and ``offender``
  (plan II.2.b; DESIGN.md). Subjects belong to their unit of residence, read at their
  ``registered_on``.
* Crime reports belong to their ``unit_code`` read at ``received_on``; criminal cases at
  ``opened_on``; outreach events and reviews at ``held_on``; safety assessments at
  ``assessed_on``.
* A report's *final decision* is any decision but a suspension (khởi tố, không khởi tố,
  chuyển: Bộ luật Tố tụng hình sự 2015, Art. 147(3), 146(2)); a report is *suspended at*
  a day when a suspension began on or before it and was not resumed by it (Art. 148).
* Each rule names its *universe*: the records it looks at for the period, in each unit
  ("Records considered" in the rule). A result whose universe is empty (no such record
  was given, or every one was left out for its unit) has *no data*, whatever its value and
  its target: a count of 0 with no record behind it is never "met". The universe holds
  every record the numerator and the denominator count, and only records of the
  definition's ``offences`` where it reads them.

Plan clauses: I.1, I.2, I.3, I.5, II.1.b, II.2.b, II.3.b, II.4.b, III.2.c, III.4.c, IV.1, IV.2.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import copy
import datetime as dt
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, ClassVar, Final, Self, TypeVar

import attrs

from threeno.indicators.definitions import Dimension, age_group
from threeno.indicators.explanation import Entry, Fact, Named, Reason
from threeno.model.activities import (
    ModelReview,
    OutreachEvent,
    ReportSubmission,
    SafetyAssessment,
    SupportAction,
)
from threeno.model.crime import CrimeReport, CriminalCase
from threeno.model.dataset import RECORD_TYPES
from threeno.model.enums import (
    AssessmentScope,
    Decision,
    Sex,
    SubjectCategory,
    SupportKind,
)
from threeno.model.period import ReportingPeriod
from threeno.model.subjects import Subject
from threeno.rules.periods import due_date
from threeno.rules.time_limits import Deadline, StepKind, time_limit

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from threeno.indicators.definitions import Indicator
    from threeno.model.dataset import Record
    from threeno.model.plan import ReportingRules
    from threeno.rules.calendar import DayOffCalendar

_T = TypeVar("_T")

__all__ = [
    "DEFAULT_TRAFFICKING_OFFENCES",
    "EMIGRATION_CATEGORIES",
    "FACTS",
    "VOCATIONAL_CATEGORIES",
    "VOCATIONAL_KINDS",
    "Accumulator",
    "CasesMissed",
    "CasesProsecuted",
    "CasesWrongful",
    "Cell",
    "Consumes",
    "Context",
    "ExpectedReport",
    "OutreachCoverage",
    "OutreachEvents",
    "ReportFacts",
    "ReportingCompleteness",
    "ReportingTimeliness",
    "ReportsClassified",
    "ReportsOnTime",
    "ReportsOverdue",
    "ReportsReceived",
    "ReportsResolved",
    "SubjectFacts",
    "SubjectsEmigrated",
    "SubjectsMonitored",
    "SupportCoverage",
    "Tally",
    "UnitsModelMaintained",
    "UnitsSafe",
    "WomenVocational",
    "expected_reports",
]

#: The offences ``cases.prosecuted`` counts by default: trafficking in persons (Bộ luật
#: Hình sự 2015, Art. 150) and in persons under 16 (Art. 151), the "trafficking cases" of
#: DESIGN.md's catalogue. A plan widens it with ``Indicator.with_offences``.
DEFAULT_TRAFFICKING_OFFENCES: Final[frozenset[int]] = frozenset({150, 151})
#: The categories of ``subjects.emigrated`` (plan clause I.1).
EMIGRATION_CATEGORIES: Final[frozenset[SubjectCategory]] = frozenset(
    {SubjectCategory.EMIGRATED_ILLEGALLY, SubjectCategory.LURED_OR_SOLD_ABROAD}
)
#: The women ``women.vocational`` lists (plan clause III.4.c: "phụ nữ không có việc làm,
#: có hoàn cảnh khó khăn", with the poor women of I.1).
VOCATIONAL_CATEGORIES: Final[frozenset[SubjectCategory]] = frozenset(
    {
        SubjectCategory.UNEMPLOYED,
        SubjectCategory.DIFFICULT_CIRCUMSTANCES,
        SubjectCategory.POOR,
    }
)
#: The support that counts for ``women.vocational`` (III.4.c: "dạy nghề, hướng nghiệp").
VOCATIONAL_KINDS: Final[frozenset[SupportKind]] = frozenset(
    {SupportKind.VOCATIONAL_TRAINING, SupportKind.VOCATIONAL_COUNSELLING}
)

_CATEGORY_ORDER: Final = {c: i for i, c in enumerate(SubjectCategory)}
_SOURCE: Final = Dimension.SOURCE.value
_OFFENCE: Final = Dimension.OFFENCE.value
_DECISION: Final = Dimension.DECISION.value
_CATEGORY: Final = Dimension.CATEGORY.value
_CHANNEL: Final = Dimension.CHANNEL.value
_LANGUAGE: Final = Dimension.LANGUAGE.value
_SUPPORT_KIND: Final = Dimension.SUPPORT_KIND.value
_ETHNICITY: Final = Dimension.ETHNICITY.value
_SEX: Final = Dimension.SEX.value
_AGE_GROUP: Final = Dimension.AGE_GROUP.value
_AGENCY: Final = Dimension.AGENCY.value
_REPORT_KIND: Final = Dimension.REPORT_KIND.value


# -- the evaluation's context ---------------------------------------------------------


@attrs.frozen(kw_only=True)
class ExpectedReport:
    """A periodic report the plan expects from an agency, and when it is due.

    Args:
        agency: the reporting agency's id.
        period: the reporting period, in the plan's convention.
        kind: the report's kind slug (``"half_year"``, ``"year"``, ...).
        due: the last day to send it (``threeno.rules.periods.due_date``).

    Plan clauses: IV.2.

    .. versionadded:: 0.1.0
    """

    agency: str
    period: ReportingPeriod
    kind: str
    due: dt.date

    @property
    def key(self) -> tuple[str, str]:
        """``(agency, period text)``: what a submission matches on."""
        return (self.agency, str(self.period))


def expected_reports(rules: ReportingRules, period: ReportingPeriod) -> tuple[ExpectedReport, ...]:
    """The periodic reports a plan expects for an evaluation period.

    For every reporting agency, every period of the plan's report kinds (ad hoc reports
    have no period and are not expected) that *ends* within the evaluation period, read in
    the plan's convention. The year 2024 under the cut-off (2023-12-15..2024-12-14) thus
    expects 2024-H1, 2024-H2 and 2024 from each agency; its first half expects 2024-H1
    only. Each is due ``days_allowed`` days after its period's end.

    Args:
        rules: the plan's reporting rules.
        period: the evaluation period.

    Returns:
        The expected reports, by agency (in the plan's order), then by period end, then
        shorter kinds first.

    Source: Nghị định 09/2019/NĐ-CP, Art. 12 (the periods). Plan clauses: IV.2
    ("định kỳ báo cáo 06 tháng, 01 năm và báo cáo đột xuất").
    """
    periods: list[tuple[ReportingPeriod, str]] = []
    for kind in rules.kinds:
        period_kind = kind.period_kind
        if period_kind is None:
            continue
        current = ReportingPeriod.containing(period_kind, period.start, rules.convention)
        while current.end <= period.end:
            if current.end >= period.start:
                periods.append((current, kind.value))
            current = current.next()
    periods.sort(key=lambda pair: (pair[0].end, pair[0].days))
    return tuple(
        ExpectedReport(agency=agency, period=p, kind=kind, due=due_date(p, rules.days_allowed))
        for agency in rules.agencies
        for p, kind in periods
    )


class Context:
    """What every accumulator of one evaluation shares: the period, units and settings.

    Args:
        period: the evaluation period.
        unit_codes: the codes of the units evaluated, in the plan's order.
        explain: the explanation mode (``"all"``, ``"failures"``, ``"none"``).
        calendar: the days off for the time limits.
        count_receipt_day: whether the day of receipt counts as day 1 (Art. 134; an
            unverified reading, so a setting).
        expected: the reports the plan expects for the period.
        reporting_agencies: the agencies the plan asks to report.
        agency_names: the names of the plan's agencies by id, Vietnamese then English,
            for the explanations (an agency not listed is shown by its id).

    .. versionadded:: 0.1.0
    """

    __slots__ = (
        "_ages",
        "agency_names",
        "calendar",
        "count_receipt_day",
        "end",
        "expected",
        "explain",
        "period",
        "reporting_agencies",
        "start",
        "unit_codes",
        "year",
    )

    def __init__(  # noqa: PLR0913 - one argument per setting of an evaluation
        self,
        *,
        period: ReportingPeriod,
        unit_codes: tuple[str, ...],
        explain: str,
        calendar: DayOffCalendar,
        count_receipt_day: bool,
        expected: tuple[ExpectedReport, ...],
        reporting_agencies: tuple[str, ...],
        agency_names: Mapping[str, tuple[str, str]] | None = None,
    ) -> None:
        """Keep the settings; the dates are unpacked for the hot paths."""
        self.period = period
        self.start: dt.date = period.start
        self.end: dt.date = period.end
        self.year: int = period.end.year
        self.unit_codes = unit_codes
        self.explain = explain
        self.calendar = calendar
        self.count_receipt_day = count_receipt_day
        self.expected = expected
        self.reporting_agencies = reporting_agencies
        self.agency_names: Mapping[str, tuple[str, str]] = agency_names or {}
        self._ages: dict[int, str] = {}

    def agency(self, agency_id: str) -> Named:
        """An agency as a fact of an explanation: by name, its id kept for the JSON."""
        vi, en = self.agency_names.get(agency_id, (agency_id, agency_id))
        return Named(agency_id, vi, en)

    def age_group(self, birth_year: int) -> str:
        """The age group at the period's end of a person born in ``birth_year`` (cached)."""
        found = self._ages.get(birth_year)
        if found is None:
            found = self._ages[birth_year] = age_group(birth_year, self.end)
        return found


# -- tallies -------------------------------------------------------------------------


class Cell:
    """The counts of one category of one breakdown: numerator, denominator, figures.

    .. versionadded:: 0.1.0
    """

    __slots__ = ("denominator", "figures", "numerator")

    def __init__(self) -> None:
        """Start at zero."""
        self.numerator = 0
        self.denominator = 0
        self.figures: dict[str, int] = {}

    def add(self, figure: str, n: int = 1) -> None:
        """Add ``n`` to an extra figure."""
        self.figures[figure] = self.figures.get(figure, 0) + n

    def merge(self, other: Cell) -> None:
        """Add another cell's counts to this one."""
        self.numerator += other.numerator
        self.denominator += other.denominator
        for key, n in other.figures.items():
            self.add(key, n)


class Tally(Cell):
    """One indicator's counts in one unit, with its breakdowns and explanation entries.

    ``considered`` counts the records the indicator looked at for the period in this unit
    (its *universe*, which each counting rule defines): 0 means the result has no data,
    whatever its value, and its status is *no data*.

    .. versionadded:: 0.1.0
    """

    __slots__ = ("apart", "cells", "considered", "counted", "failures")

    def __init__(self) -> None:
        """Start at zero, with no entries."""
        super().__init__()
        self.considered = 0
        self.cells: dict[tuple[str, str], Cell] = {}
        self.counted: list[Entry] = []
        self.failures: list[Entry] = []
        self.apart: list[Entry] = []

    def cell(self, dimension: str, category: str) -> Cell:
        """The cell of ``category`` in the breakdown by ``dimension`` (made when first asked)."""
        key = (dimension, category)
        found = self.cells.get(key)
        if found is None:
            found = self.cells[key] = Cell()
        return found

    def copy(self) -> Tally:
        """An independent copy (cells and entry lists copied)."""
        clone = Tally()
        clone.merge(self)
        return clone

    def merge(self, other: Cell) -> None:
        """Add another tally's counts, cells and entries to this one."""
        super().merge(other)
        if isinstance(other, Tally):
            self.considered += other.considered
            for key, cell in other.cells.items():
                self.cell(*key).merge(cell)
            self.counted.extend(other.counted)
            self.failures.extend(other.failures)
            self.apart.extend(other.apart)


def _facts(**facts: Fact | None) -> tuple[tuple[str, Fact], ...]:
    # Facts in the order given, leaving out those that are None (optional clauses).
    return tuple((key, value) for key, value in facts.items() if value is not None)


def _in(day: dt.date | None, ctx: Context) -> bool:
    return day is not None and ctx.start <= day <= ctx.end


# -- the accumulator -------------------------------------------------------------------


class Consumes:
    """What an accumulator reads: for each class of what it takes, the method taking it.

    An accumulator's :meth:`Accumulator.consumes` returns one, built from its own bound
    methods, so a reader (and go-to-definition) goes from the declaration to the method::

        Consumes().in_unit(SubjectFacts, self.add_subject).any_unit(OutreachEvent, self.add_event)

    - :meth:`in_unit`: the method is called, for every record placed in a unit evaluated,
      with the record and that unit's code. For a crime report or a subject the method
      takes the record's facts, computed once for every accumulator
      (:class:`ReportFacts`, :class:`SubjectFacts`; see :data:`FACTS`), so the class
      named is the facts'; for any other record type, the record's class.
    - :meth:`any_unit`: the method is called with every record of that class read,
      whatever its unit, and the unit it counts in or ``None`` (the joins, where what
      counts is the person's unit, not the event's; report submissions, which belong to
      agencies). It takes the record itself.

    Raises:
        TypeError: for a class the engine never gives (a record class where its facts
            are given, or a class that is no record type).

    .. versionadded:: 0.2.0
    """

    __slots__ = ("_any_unit", "_in_unit")

    def __init__(self) -> None:
        """Start reading nothing."""
        self._in_unit: dict[type[Any], Callable[[Any, str], None]] = {}
        self._any_unit: dict[type[Any], Callable[[Any, str | None], None]] = {}

    def in_unit(self, kind: type[_T], method: Callable[[_T, str], None]) -> Consumes:
        """Call ``method`` with each ``kind`` placed in a unit evaluated, and the unit's code."""
        if kind not in _IN_UNIT_KINDS:
            msg = f"{kind.__name__} is not given to accumulators by unit: give one of " + (
                ", ".join(sorted(k.__name__ for k in _IN_UNIT_KINDS))
            )
            raise TypeError(msg)
        self._in_unit[kind] = method
        return self

    def any_unit(self, kind: type[_T], method: Callable[[_T, str | None], None]) -> Consumes:
        """Call ``method`` with every record of class ``kind``, wherever it is placed."""
        if kind not in _RECORD_CLASSES:
            msg = f"{kind.__name__} is not a record class: give one of " + (
                ", ".join(sorted(k.__name__ for k in _RECORD_CLASSES))
            )
            raise TypeError(msg)
        self._any_unit[kind] = method
        return self

    def in_unit_method(self, kind: type[Any]) -> Callable[[Any, str], None] | None:
        """The method taking each ``kind`` placed in a unit evaluated, if any."""
        return self._in_unit.get(kind)

    def any_unit_method(self, kind: type[Any]) -> Callable[[Any, str | None], None] | None:
        """The method taking every record of class ``kind``, if any."""
        return self._any_unit.get(kind)


class Accumulator:
    """The counting code of one indicator, over records of one evaluation.

    Subclasses say what they read in :meth:`consumes`: their methods that take one record
    (or its :class:`ReportFacts` or :class:`SubjectFacts`) and the code of the unit it
    counts in, by the class of what they take (:class:`Consumes`).

    Args:
        indicator: the definition counted.
        context: the evaluation's shared context.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       :meth:`consumes` names the methods and classes read, instead of the class
       attributes ``consumes`` and ``any_unit`` naming them by strings.
    """

    def __init__(self, indicator: Indicator, context: Context) -> None:
        """Start with no tally; decide which entries to keep from the explanation mode."""
        self.indicator = indicator
        self.ctx = context
        self.tallies: dict[str | None, Tally] = {}
        mode = context.explain
        self.keep_counted = mode == "all" or (mode == "failures" and indicator.adverse)
        self.keep_failures = mode != "none"
        self.keep_all = mode == "all"

    def consumes(self) -> Consumes:
        """What this accumulator reads; the base class reads nothing."""
        return Consumes()

    def tally(self, unit: str | None) -> Tally:
        """The tally of ``unit`` (made when first asked)."""
        found = self.tallies.get(unit)
        if found is None:
            found = self.tallies[unit] = Tally()
        return found

    def merge(self, other: Accumulator) -> None:
        """Add the counts of ``other`` (same indicator, other records) to this one."""
        for unit, tally in other.tallies.items():
            self.tally(unit).merge(tally)

    def copy(self) -> Self:
        """An independent copy: tallies copied, every other dictionary of state copied.

        The values kept in those dictionaries (records, dates, ids) are immutable, so a
        shallow copy of each dictionary is enough.
        """
        clone = copy.copy(self)
        for name, value in vars(self).items():
            if isinstance(value, dict):
                setattr(clone, name, dict(value))
        clone.tallies = {unit: tally.copy() for unit, tally in self.tallies.items()}
        return clone

    def finish(self) -> dict[str | None, Tally]:
        """The tallies by unit code (``None``: an agency-level indicator's only tally).

        Does not change the accumulator, so it may still be merged afterwards.
        """
        return self.tallies

    # Helpers for the subclasses: each builds the reason only when the entry is kept, so
    # that explain="none" costs nothing but the counts.

    def _count(
        self, tally: Tally, record_id: str, unit: str | None, code: str, /, **facts: Fact | None
    ) -> None:
        tally.numerator += 1
        if self.keep_counted:
            tally.counted.append(_entry(record_id, unit, code, facts))

    def _fail(
        self, tally: Tally, record_id: str, unit: str | None, code: str, /, **facts: Fact | None
    ) -> None:
        if self.keep_failures:
            tally.failures.append(_entry(record_id, unit, code, facts))

    def _apart(
        self,
        tally: Tally,
        record_id: str,
        unit: str | None,
        code: str,
        /,
        *,
        keep: bool,
        **facts: Fact | None,
    ) -> None:
        if keep:
            tally.apart.append(_entry(record_id, unit, code, facts))

    def _other_offence(self, tally: Tally, record_id: str, unit: str, article: int) -> None:
        tally.add("other_offences")
        if self.keep_failures:
            offences = self.indicator.offences or frozenset()
            articles = ", ".join(str(a) for a in sorted(offences))
            self._apart(
                tally,
                record_id,
                unit,
                "other_offence",
                keep=True,
                article=article,
                articles=articles,
            )


def _entry(record_id: str, unit: str | None, code: str, facts: dict[str, Fact | None]) -> Entry:
    return Entry(record_id=record_id, unit=unit, reason=Reason(code=code, facts=_facts(**facts)))


# -- crime reports ---------------------------------------------------------------------


class ReportFacts:
    """What every report indicator needs to know about one report, computed once.

    ``final_on`` is the date of the final decision (``None`` if there is none yet);
    ``suspended_since`` the start of the suspension in force at the period's end, if the
    report is not finally decided by then. The time limits are computed on first use
    and kept: as known at the period's end (:meth:`at_end`) and as known on the day of
    the final decision (:meth:`at_decision`).

    Legal sources: Bộ luật Tố tụng hình sự 2015, Art. 147-149.

    .. versionadded:: 0.1.0
    """

    __slots__ = ("_at_decision", "_at_end", "_ctx", "final_on", "report", "suspended_since")

    def __init__(self, report: CrimeReport, context: Context) -> None:
        """Read the decision and the suspension in force at the period's end."""
        self.report = report
        self._ctx = context
        decision = report.decision
        final_on = (
            report.decided_on
            if decision is not None and decision is not Decision.TAM_DINH_CHI
            else None
        )
        self.final_on = final_on
        end = context.end
        since: dt.date | None = None
        if final_on is None or final_on > end:
            for sus in report.suspensions:
                if sus.from_date <= end and (sus.resumed_on is None or sus.resumed_on > end):
                    since = sus.from_date
        self.suspended_since = since
        self._at_end: Deadline | None = None
        self._at_decision: Deadline | None = None

    def at_end(self) -> Deadline:
        """The time limit as known at the period's end (the report must be received by then)."""
        if self._at_end is None:
            ctx = self._ctx
            self._at_end = time_limit(
                self.report, ctx.calendar, as_of=ctx.end, count_receipt_day=ctx.count_receipt_day
            )
        return self._at_end

    def at_decision(self) -> Deadline:
        """The time limit as known on the day of the final decision."""
        if self._at_decision is None:
            ctx = self._ctx
            self._at_decision = time_limit(
                self.report,
                ctx.calendar,
                as_of=self.final_on,
                count_receipt_day=ctx.count_receipt_day,
            )
        return self._at_decision


class ReportsReceived(Accumulator):
    """``reports.received``: crime reports received in the period.

    Counts every crime report whose ``received_on`` is in the period, by its source
    (tố giác, tin báo, kiến nghị khởi tố, tự thú, tự phát hiện: Bộ luật Tố tụng hình sự
    2015, Art. 143, 144) and its offence article, in the unit of its ``unit_code`` read on
    ``received_on``. Every report in the data is assumed to be about the plan's offences
    (the provincial tool exports only those); a definition with ``offences`` set counts
    only those articles and shows the others apart (figure ``other_offences``).

    Records considered: the unit's crime reports (of the definition's offences) received
    on or before the period's end, the register as it stood then; a unit with none has no
    data rather than 0 reports.

    Plan clauses: I.3.
    """

    def consumes(self) -> Consumes:
        """Each crime report placed in a unit evaluated, read once into its facts."""
        return Consumes().in_unit(ReportFacts, self.add_report)

    def add_report(self, facts: ReportFacts, unit: str) -> None:
        """Count the report if it was received in the period."""
        report = facts.report
        ctx = self.ctx
        if report.received_on > ctx.end:
            return
        counted = self.indicator.counts(report.offence_article)
        if counted:
            self.tally(unit).considered += 1
        if report.received_on < ctx.start:
            return
        tally = self.tally(unit)
        if not counted:
            self._other_offence(tally, report.id, unit, report.offence_article)
            return
        tally.cell(_SOURCE, report.source.value).numerator += 1
        tally.cell(_OFFENCE, str(report.offence_article)).numerator += 1
        self._count(
            tally, report.id, unit, "received", received=report.received_on, source=report.source
        )


class ReportsClassified(Accumulator):
    """``reports.classified``: reports received in the period and classified by its end.

    Denominator: the crime reports received in the period (``received_on`` in it).
    Numerator: those of them with ``classified_on`` set and on or before the period's
    end. A report classified after the end fails, with the date it was classified. By
    source. Reports about offences outside the definition's ``offences`` (if set) are shown
    apart.

    Records considered: the denominator, the reports received in the period.

    Plan clauses: I.3 ("100% ... được tiếp nhận, phân loại"), II.4.b.
    """

    def consumes(self) -> Consumes:
        """Each crime report placed in a unit evaluated, read once into its facts."""
        return Consumes().in_unit(ReportFacts, self.add_report)

    def add_report(self, facts: ReportFacts, unit: str) -> None:
        """Put a report received in the period in the denominator; count it if classified."""
        report = facts.report
        ctx = self.ctx
        if not _in(report.received_on, ctx):
            return
        tally = self.tally(unit)
        if not self.indicator.counts(report.offence_article):
            self._other_offence(tally, report.id, unit, report.offence_article)
            return
        tally.denominator += 1
        tally.considered += 1
        cell = tally.cell(_SOURCE, report.source.value)
        cell.denominator += 1
        received, classified = report.received_on, report.classified_on
        if classified is not None and classified <= ctx.end:
            cell.numerator += 1
            self._count(
                tally, report.id, unit, "classified", received=received, classified=classified
            )
        elif classified is None:
            self._fail(tally, report.id, unit, "not_classified", received=received, end=ctx.end)
        else:
            self._fail(
                tally,
                report.id,
                unit,
                "classified_late",
                received=received,
                classified=classified,
                end=ctx.end,
            )


class ReportsResolved(Accumulator):
    """``reports.resolved``: reports with a final decision in the period, of those to resolve.

    Denominator: the reports pending at the period's start (received before it and with no
    final decision before it) plus the reports received in it; a report under suspension
    at the start is pending (figures ``pending_at_start`` and ``received_in_period``).
    Numerator: those with a final decision dated in the period, that is khởi tố, không
    khởi tố or chuyển (Bộ luật Tố tụng hình sự 2015, Art. 147(3), 146(2)). A suspension
    (tạm đình chỉ, Art. 148) does not resolve a report: a report suspended at the period's
    end stays in the denominator, fails, and is shown apart in the figure
    ``suspended_at_end``. A reopened no-case decision (``reopened_on``) does not undo the
    decision here; ``cases.missed`` counts it. By source (numerator and denominator) and
    by decision (numerator only).

    Records considered: the denominator, the reports to resolve in the period.

    Plan clauses: I.3 ("100% ... được ... giải quyết"), II.4.b.
    """

    def consumes(self) -> Consumes:
        """Each crime report placed in a unit evaluated, read once into its facts."""
        return Consumes().in_unit(ReportFacts, self.add_report)

    def add_report(self, facts: ReportFacts, unit: str) -> None:
        """Put a report to resolve in the denominator; count it if finally decided in the period."""
        report = facts.report
        ctx = self.ctx
        final = facts.final_on
        if report.received_on > ctx.end or (final is not None and final < ctx.start):
            return
        tally = self.tally(unit)
        if not self.indicator.counts(report.offence_article):
            self._other_offence(tally, report.id, unit, report.offence_article)
            return
        tally.denominator += 1
        tally.considered += 1
        received = report.received_on
        tally.add("pending_at_start" if received < ctx.start else "received_in_period")
        cell = tally.cell(_SOURCE, report.source.value)
        cell.denominator += 1
        decision = report.decision
        if final is not None and final <= ctx.end and decision is not None:
            cell.numerator += 1
            tally.cell(_DECISION, decision.value).numerator += 1
            self._count(
                tally,
                report.id,
                unit,
                "resolved",
                received=received,
                decided=final,
                decision=decision,
            )
            return
        since = facts.suspended_since
        if since is not None:
            tally.add("suspended_at_end")
            self._fail(tally, report.id, unit, "suspended", received=received, since=since)
        elif not self.keep_failures:
            return
        elif final is not None:
            self._fail(
                tally,
                report.id,
                unit,
                "decided_after",
                received=received,
                end=ctx.end,
                decided=final,
                decision=decision,
            )
        else:
            deadline = facts.at_end()
            self._fail(
                tally,
                report.id,
                unit,
                "pending",
                received=received,
                end=ctx.end,
                limit=deadline.date,
                basis=deadline,
            )


class ReportsOnTime(Accumulator):
    """``reports.on_time``: reports resolved in the period within their statutory limit.

    Denominator: the reports with a final decision (khởi tố, không khởi tố, chuyển) dated
    in the period, whenever received. Numerator: those decided on or before their time
    limit as known on the day of the decision (:func:`threeno.rules.time_limits.time_limit`
    with ``as_of`` the decision's date): 20 days from receipt (Art. 147(1)), or the
    extended limit (Art. 147(2)), 1 month from the latest resumption after a suspension
    (Art. 149(1)), a last day that is a day off moved to the next working day (Art.
    134(1)); a report suspended only after its limit had passed is late whenever decided
    (``Deadline.missed_limit``). Whether the day of receipt counts is the evaluation's
    ``count_receipt_day`` (default not counted). By source.

    Records considered: the denominator, the reports finally decided in the period.

    Plan clauses: I.3, II.4.b ("xử lý kịp thời").
    """

    def consumes(self) -> Consumes:
        """Each crime report placed in a unit evaluated, read once into its facts."""
        return Consumes().in_unit(ReportFacts, self.add_report)

    def add_report(self, facts: ReportFacts, unit: str) -> None:
        """Put a report resolved in the period in the denominator; count it if on time."""
        report = facts.report
        final = facts.final_on
        if final is None or not _in(final, self.ctx):
            return
        tally = self.tally(unit)
        if not self.indicator.counts(report.offence_article):
            self._other_offence(tally, report.id, unit, report.offence_article)
            return
        tally.denominator += 1
        tally.considered += 1
        cell = tally.cell(_SOURCE, report.source.value)
        cell.denominator += 1
        deadline = facts.at_decision()
        limit = deadline.date
        received = report.received_on
        if deadline.missed_limit is not None:
            late_suspension = next(
                (s.event_on for s in deadline.steps if s.kind is StepKind.SUSPENSION and s.late),
                None,
            )
            self._fail(
                tally,
                report.id,
                unit,
                "missed_limit",
                received=received,
                missed=deadline.missed_limit,
                suspended=late_suspension,
                decided=final,
            )
        elif limit is not None and final <= limit:
            cell.numerator += 1
            self._count(
                tally,
                report.id,
                unit,
                "decided",
                received=received,
                limit=limit,
                basis=deadline,
                decided=final,
            )
        else:
            self._fail(
                tally,
                report.id,
                unit,
                "decided",
                received=received,
                limit=limit,
                basis=deadline,
                decided=final,
            )


class ReportsOverdue(Accumulator):
    """``reports.overdue``: reports pending at the period's end whose limit ended before it.

    Counts the reports received on or before the period's end, with no final decision on
    or before it, not under suspension at the end, whose time limit as known at the end
    (:func:`threeno.rules.time_limits.time_limit` with ``as_of`` the end) is a day before
    the end: a limit ends at 24:00 of its last day (Bộ luật Tố tụng hình sự 2015, Art.
    134(1)), so a limit ending on the period's last day is not yet passed. Figures:
    ``pending_at_end`` (every report not finally decided by the end, suspended ones
    included) and ``suspended_at_end`` (those under suspension, Art. 148: the clock is
    stopped, so they are shown apart, not counted). By source.

    Records considered: the unit's reports (of the definition's offences) received on or
    before the period's end and not finally decided before its start, the reports open at
    some time in the period; with none, "no report overdue" is no data, not met.

    Plan clauses: I.3 (every report resolved in time).
    """

    def consumes(self) -> Consumes:
        """Each crime report placed in a unit evaluated, read once into its facts."""
        return Consumes().in_unit(ReportFacts, self.add_report)

    def add_report(self, facts: ReportFacts, unit: str) -> None:
        """Count a report pending past its limit at the period's end."""
        report = facts.report
        ctx = self.ctx
        final = facts.final_on
        if report.received_on > ctx.end or (final is not None and final < ctx.start):
            return
        counted = self.indicator.counts(report.offence_article)
        if counted:
            self.tally(unit).considered += 1
        if final is not None and final <= ctx.end:
            return
        tally = self.tally(unit)
        if not counted:
            self._other_offence(tally, report.id, unit, report.offence_article)
            return
        tally.add("pending_at_end")
        received = report.received_on
        deadline = None if facts.suspended_since is not None else facts.at_end()
        if deadline is None or deadline.date is None:
            tally.add("suspended_at_end")
            self._apart(
                tally,
                report.id,
                unit,
                "suspended",
                keep=self.keep_failures,
                received=received,
                since=facts.suspended_since,
            )
            return
        limit = deadline.date
        if limit < ctx.end:
            tally.cell(_SOURCE, report.source.value).numerator += 1
            self._count(
                tally,
                report.id,
                unit,
                "overdue",
                received=received,
                limit=limit,
                basis=deadline,
                end=ctx.end,
            )
        else:
            self._apart(
                tally,
                report.id,
                unit,
                "within_limit",
                keep=self.keep_all,
                received=received,
                limit=limit,
                basis=deadline,
                end=ctx.end,
            )


class CasesMissed(Accumulator):
    """``cases.missed``: no-case decisions overturned in the period (crimes missed).

    Counts the crime reports whose ``reopened_on`` (a decision not to open a case, later
    overturned: the "bỏ lọt tội phạm" plan I.3 forbids) is in the period, in the unit of
    the report. By source.

    Records considered: the unit's crime reports (of the definition's offences) received
    on or before the period's end (a no-case decision of any earlier year may be
    overturned in the period); with none, "no crime missed" is no data, not met.

    Plan clauses: I.3 ("không để xảy ra ... bỏ lọt tội phạm").
    """

    def consumes(self) -> Consumes:
        """Each crime report placed in a unit evaluated, read once into its facts."""
        return Consumes().in_unit(ReportFacts, self.add_report)

    def add_report(self, facts: ReportFacts, unit: str) -> None:
        """Count a report whose no-case decision was overturned in the period."""
        report = facts.report
        ctx = self.ctx
        counted = self.indicator.counts(report.offence_article)
        reopened = _in(report.reopened_on, ctx)
        if counted and (report.received_on <= ctx.end or reopened):
            self.tally(unit).considered += 1
        if not reopened:
            return
        tally = self.tally(unit)
        if not counted:
            self._other_offence(tally, report.id, unit, report.offence_article)
            return
        tally.cell(_SOURCE, report.source.value).numerator += 1
        self._count(
            tally,
            report.id,
            unit,
            "reopened",
            decided=report.decided_on,
            reopened=report.reopened_on,
        )


# -- criminal cases --------------------------------------------------------------------


class CasesProsecuted(Accumulator):
    """``cases.prosecuted``: trafficking cases opened in the period, with indictments and trials.

    Counts the criminal cases opened (``opened_on``) in the period whose offence is in the
    definition's ``offences`` (by default Bộ luật Hình sự 2015, Art. 150 and 151,
    trafficking in persons; see :data:`DEFAULT_TRAFFICKING_OFFENCES`), in the unit of the
    case read on ``opened_on``. Figures: ``opened`` (the count), ``indicted`` and
    ``tried`` (cases of those offences with ``indicted_on`` or ``tried_on`` in the period,
    whenever opened), ``defendants`` (the sum of ``defendants`` of the cases opened in the
    period). A case indicted or tried in the period but opened before it is shown apart;
    cases of other offences with a stage in the period too (figure ``other_offences``).
    By offence, with the same figures per article.

    Records considered: the unit's criminal cases of the definition's offences opened on
    or before the period's end.

    Plan clauses: II.4.b (investigate, arrest; "điều tra, khám phá các vụ án").
    """

    def consumes(self) -> Consumes:
        """Each criminal case placed in a unit evaluated."""
        return Consumes().in_unit(CriminalCase, self.add_case)

    def add_case(self, case: CriminalCase, unit: str) -> None:
        """Count a case opened in the period; note its indictment and trial in the period."""
        ctx = self.ctx
        opened = _in(case.opened_on, ctx)
        indicted = _in(case.indicted_on, ctx)
        tried = _in(case.tried_on, ctx)
        counted = self.indicator.counts(case.offence_article)
        if counted and case.opened_on <= ctx.end:
            self.tally(unit).considered += 1
        if not (opened or indicted or tried):
            return
        tally = self.tally(unit)
        if not counted:
            self._other_offence(tally, case.id, unit, case.offence_article)
            return
        cell = tally.cell(_OFFENCE, str(case.offence_article))
        for target in (tally, cell):
            if opened:
                target.add("opened")
                target.add("defendants", case.defendants)
            if indicted:
                target.add("indicted")
            if tried:
                target.add("tried")
        stages: dict[str, Fact | None] = {
            "opened": case.opened_on,
            "article": case.offence_article,
            "defendants": case.defendants if opened else None,
            "indicted": case.indicted_on if indicted else None,
            "tried": case.tried_on if tried else None,
        }
        if opened:
            cell.numerator += 1
            self._count(tally, case.id, unit, "opened", **stages)
        else:
            self._apart(tally, case.id, unit, "opened_before", keep=self.keep_all, **stages)


class CasesWrongful(Accumulator):
    """``cases.wrongful``: wrongful prosecutions or convictions established in the period.

    Counts the criminal cases whose ``wrongful_on`` (the day a wrongful prosecution or
    conviction, "oan sai", was established) is in the period, in the unit of the case read
    on ``opened_on``. Every case in the data counts unless the definition's ``offences``
    is set. By offence.

    Records considered: the unit's criminal cases (of the definition's offences) opened on
    or before the period's end (a case of any earlier year may be found wrongful in the
    period); with none, "no wrongful case" is no data, not met.

    Plan clauses: I.3 ("không để xảy ra oan sai").
    """

    def consumes(self) -> Consumes:
        """Each criminal case placed in a unit evaluated."""
        return Consumes().in_unit(CriminalCase, self.add_case)

    def add_case(self, case: CriminalCase, unit: str) -> None:
        """Count a case whose wrongfulness was established in the period."""
        ctx = self.ctx
        counted = self.indicator.counts(case.offence_article)
        wrongful = _in(case.wrongful_on, ctx)
        if counted and (case.opened_on <= ctx.end or wrongful):
            self.tally(unit).considered += 1
        if not wrongful:
            return
        tally = self.tally(unit)
        if not counted:
            self._other_offence(tally, case.id, unit, case.offence_article)
            return
        tally.cell(_OFFENCE, str(case.offence_article)).numerator += 1
        self._count(
            tally,
            case.id,
            unit,
            "wrongful",
            opened=case.opened_on,
            article=case.offence_article,
            wrongful=case.wrongful_on,
        )


# -- subjects ------------------------------------------------------------------------


class SubjectFacts:
    """What every subject indicator needs to know about one subject, computed once.

    ``registered``: registered on or before the period's end. ``woman``: of sex female
    and registered on or before the period's end. ``active``:
    the categories active on the period's end day (each once, in the enumeration's order),
    empty if she was registered after it. ``age``: the :data:`AGE_GROUPS
    <threeno.indicators.definitions.AGE_GROUPS>` band at the period's end, and
    ``ethnicity``, ``sex``: the slugs of the breakdowns.

    .. versionadded:: 0.1.0
    """

    __slots__ = ("active", "age", "ethnicity", "registered", "sex", "subject", "woman")

    def __init__(self, subject: Subject, context: Context) -> None:
        """Read the subject's state at the period's end."""
        end = context.end
        self.subject = subject
        registered = subject.registered_on <= end
        self.registered = registered
        self.woman = registered and subject.sex is Sex.FEMALE
        found = {
            s.category
            for s in subject.categories
            if s.since <= end and (s.until is None or end <= s.until)
        }
        self.active: tuple[SubjectCategory, ...] = (
            tuple(sorted(found, key=_CATEGORY_ORDER.__getitem__)) if registered else ()
        )
        self.age = context.age_group(subject.birth_year)
        self.ethnicity: str = subject.ethnicity.value
        self.sex: str = subject.sex.value


#: The record classes whose accumulators take facts computed once per record, and the
#: class of those facts (made from the record and the :class:`Context`).
FACTS: Final[Mapping[type[Record], type[ReportFacts | SubjectFacts]]] = MappingProxyType(
    {CrimeReport: ReportFacts, Subject: SubjectFacts}
)
# What the engine gives by unit (the facts of a record that has them, or the record) and
# what it gives whatever the unit (the record).
_RECORD_CLASSES: Final[frozenset[type[Any]]] = frozenset(RECORD_TYPES.values())
_IN_UNIT_KINDS: Final[frozenset[type[Any]]] = frozenset(
    {*(_RECORD_CLASSES - set(FACTS)), ReportFacts, SubjectFacts}
)


class SubjectsMonitored(Accumulator):
    """``subjects.monitored``: women under management at the period's end, by category.

    Counts the subjects of sex female registered on or before the period's end with at
    least one category span active on the end day (any category, suspects and offenders
    included: plan III.1.b manages them too), in their unit of residence read on
    ``registered_on``. Each woman counts once in the total and once in each of her active
    categories, so the category breakdown may sum to more than the total. By category,
    ethnicity and age group (age reached in the year of the period's end).

    Records considered: the unit's subjects (of any sex) registered on or before the
    period's end.

    Plan clauses: I.1 ("quản lý, nắm chắc số phụ nữ"), III.1.b.
    """

    def consumes(self) -> Consumes:
        """Each subject placed in a unit evaluated, read once into her facts."""
        return Consumes().in_unit(SubjectFacts, self.add_subject)

    def add_subject(self, facts: SubjectFacts, unit: str) -> None:
        """Count a woman under management at the period's end."""
        if facts.registered:
            self.tally(unit).considered += 1
        if not facts.woman or not facts.active:
            return
        tally = self.tally(unit)
        for category in facts.active:
            tally.cell(_CATEGORY, category.value).numerator += 1
        tally.cell(_ETHNICITY, facts.ethnicity).numerator += 1
        tally.cell(_AGE_GROUP, facts.age).numerator += 1
        subject = facts.subject
        self._count(
            tally,
            subject.id,
            unit,
            "monitored",
            registered=subject.registered_on,
            end=self.ctx.end,
            categories=facts.active,
        )


class SubjectsEmigrated(Accumulator):
    """``subjects.emigrated``: women who emigrated illegally or were lured or sold abroad.

    Counts the women (sex female, registered on or before the period's end) with a span of
    ``emigrated_illegally`` or ``lured_or_sold_abroad`` active on the period's end day, in
    their unit of residence. Figure ``new_in_period``: the women with a span of either
    category that began in the period, whether or not it is still active at the end (one
    no longer active is shown apart). By category, ethnicity and age group.

    Records considered: the unit's subjects (of any sex) registered on or before the
    period's end.

    Plan clauses: I.1 ("số phụ nữ xuất cảnh trái phép, bị dụ dỗ, lôi kéo, bán qua nước
    ngoài").
    """

    def consumes(self) -> Consumes:
        """Each subject placed in a unit evaluated, read once into her facts."""
        return Consumes().in_unit(SubjectFacts, self.add_subject)

    def add_subject(self, facts: SubjectFacts, unit: str) -> None:
        """Count a woman in an emigration category at the end; note one new in the period."""
        if facts.registered:
            self.tally(unit).considered += 1
        if not facts.woman:
            return
        ctx = self.ctx
        spans = [s for s in facts.subject.categories if s.category in EMIGRATION_CATEGORIES]
        if not spans:
            return
        new = [s for s in spans if ctx.start <= s.since <= ctx.end]
        active = [c for c in facts.active if c in EMIGRATION_CATEGORIES]
        if not active and not new:
            return
        tally = self.tally(unit)
        subject = facts.subject
        if new:
            tally.add("new_in_period")
        if not active:
            last = max(new, key=lambda s: s.since)
            self._apart(
                tally,
                subject.id,
                unit,
                "emigrated_ended",
                keep=self.keep_all,
                category=last.category,
                since=last.since,
                until=last.until,
            )
            return
        for category in active:
            tally.cell(_CATEGORY, category.value).numerator += 1
        tally.cell(_ETHNICITY, facts.ethnicity).numerator += 1
        tally.cell(_AGE_GROUP, facts.age).numerator += 1
        end = ctx.end
        since = min(
            s.since for s in spans if s.since <= end and (s.until is None or end <= s.until)
        )
        self._count(
            tally,
            subject.id,
            unit,
            "emigrated",
            categories=tuple(active),
            since=since,
            new=True if new else None,
        )


# A person kept for a join: unit, categories, ethnicity slug, age-group slug, sex slug,
# and the start of the relevant span (support) or None.
_Person = tuple[str, tuple[SubjectCategory, ...], str, str, str, dt.date | None]


def _person(
    unit: str,
    categories: tuple[SubjectCategory, ...],
    facts: SubjectFacts,
    since: dt.date | None = None,
) -> _Person:
    return (unit, categories, facts.ethnicity, facts.age, facts.sex, since)


def _person_cells(tally: Tally, person: _Person, *, counted: bool, sex: bool = False) -> None:
    _, categories, ethnicity, age, sex_slug, _ = person
    keys = [(_ETHNICITY, ethnicity), (_AGE_GROUP, age)]
    keys += [(_CATEGORY, c.value) for c in categories]
    if sex:
        keys.append((_SEX, sex_slug))
    for key in keys:
        cell = tally.cell(*key)
        cell.denominator += 1
        if counted:
            cell.numerator += 1


def _tally_of(tallies: dict[str | None, Tally], unit: str) -> Tally:
    found = tallies.get(unit)
    if found is None:
        found = tallies[unit] = Tally()
    return found


class _WomenJoin(Accumulator):
    """Women kept at the period's end, joined with each one's first matching record.

    The shape of ``outreach.coverage`` and ``women.vocational``: the denominator (and the
    records considered) is the women a subclass keeps in ``women`` (by ``add_subject``),
    each once, in her unit of residence; the numerator is those named by a record of the
    period, wherever it was held or delivered. ``first`` keeps each woman's earliest match
    as ``(date, record id, ...)``, the earliest by date then id, so that merging
    partitions gives the same explanation as one pass.
    """

    #: The reason codes of a woman counted, and of one not.
    counted_code: ClassVar[str]
    missed_code: ClassVar[str]

    def __init__(self, indicator: Indicator, context: Context) -> None:
        """Start with no woman and no match."""
        super().__init__(indicator, context)
        self.women: dict[str, _Person] = {}
        self.first: dict[str, tuple[Any, ...]] = {}

    def match_facts(self, seen: tuple[Any, ...]) -> dict[str, Fact | None]:
        """The facts of a woman's first match, for the explanation."""
        raise NotImplementedError

    def merge(self, other: Accumulator) -> None:
        """Union the women, keeping each woman's first match."""
        assert isinstance(other, type(self))  # noqa: S101 - the engine pairs like with like
        self.women.update(other.women)
        first = self.first
        for subject_id, seen in other.first.items():
            current = first.get(subject_id)
            if current is None or seen[:2] < current[:2]:
                first[subject_id] = seen

    def finish(self) -> dict[str | None, Tally]:
        """Join the women with their first matches."""
        tallies: dict[str | None, Tally] = {}
        for subject_id, person in self.women.items():
            unit = person[0]
            tally = _tally_of(tallies, unit)
            tally.denominator += 1
            tally.considered += 1
            seen = self.first.get(subject_id)
            _person_cells(tally, person, counted=seen is not None)
            if seen is not None:
                facts = self.match_facts(seen)
                self._count(
                    tally, subject_id, unit, self.counted_code, categories=person[1], **facts
                )
            else:
                self._fail(tally, subject_id, unit, self.missed_code, categories=person[1])
        return tallies


class OutreachCoverage(_WomenJoin):
    """``outreach.coverage``: distinct target women reached in the period, of those managed.

    Denominator: the target women at the period's end: subjects of sex female registered
    on or before the end with at least one category other than ``suspect`` and
    ``offender`` active on the end day, each counted once, in her unit of residence read
    on ``registered_on``. Numerator: those listed in ``reached_subject_ids`` of at least
    one outreach event held in the period, wherever the event was held (even in a unit
    out of scope): a woman belongs to her unit of residence. The explanation names the
    first event that reached her. By category (her active target categories), ethnicity
    and age group.

    Records considered: the denominator, the target women.

    Plan clauses: II.2.b ("đảm bảo 100% đối tượng được tuyên truyền"), I.2.
    """

    def consumes(self) -> Consumes:
        """The subjects of the units evaluated, and every outreach event wherever held."""
        return (
            Consumes()
            .in_unit(SubjectFacts, self.add_subject)
            .any_unit(OutreachEvent, self.add_event)
        )

    counted_code: ClassVar[str] = "reached"
    missed_code: ClassVar[str] = "not_reached"

    def add_subject(self, facts: SubjectFacts, unit: str) -> None:
        """Keep a target woman at the period's end."""
        if not facts.woman:
            return
        targets = tuple(c for c in facts.active if c.is_outreach_target)
        if targets:
            self.women[facts.subject.id] = _person(unit, targets, facts)

    def add_event(self, event: OutreachEvent, unit: str | None) -> None:  # noqa: ARG002 - the woman's unit counts
        """Note, for each subject reached by an event in the period, the first such event."""
        if not _in(event.held_on, self.ctx):
            return
        reached = self.first
        seen = (event.held_on, event.id)
        for subject_id in event.reached_subject_ids:
            current = reached.get(subject_id)
            if current is None or seen < current:
                reached[subject_id] = seen

    def match_facts(self, seen: tuple[Any, ...]) -> dict[str, Fact | None]:
        """The first event that reached her: its date and id."""
        return {"reached": seen[0], "event": seen[1]}


class SupportCoverage(Accumulator):
    """``support.coverage``: returned victims supported since they returned, of all of them.

    Denominator: the subjects (of any sex: plan II.3.b speaks of victims) registered on or
    before the period's end with a ``returned_victim`` span active on the end day, each
    once, in their unit of residence read on ``registered_on``. Numerator: those who
    received at least one support action delivered from that span's ``since`` to the
    period's end, both included, of any kind and wherever delivered. Per kind of support
    (breakdown ``support_kind``): the victims who received that kind in the same window,
    over all returned victims. By sex, ethnicity and age group too. For each victim and
    kind only the latest delivery up to the end is kept: a delivery in the window exists
    if and only if that latest one is on or after ``since``.

    Records considered: the denominator, the returned victims.

    Plan clauses: II.3.b, III.2.c, III.4.a, III.5.b.
    """

    def consumes(self) -> Consumes:
        """The subjects of the units evaluated, and every support action wherever delivered."""
        return (
            Consumes()
            .in_unit(SubjectFacts, self.add_subject)
            .any_unit(SupportAction, self.add_support)
        )

    def __init__(self, indicator: Indicator, context: Context) -> None:
        """Start with no victim and no support."""
        super().__init__(indicator, context)
        self.victims: dict[str, _Person] = {}
        self.latest: dict[tuple[str, SupportKind], tuple[dt.date, str]] = {}

    def add_subject(self, facts: SubjectFacts, unit: str) -> None:
        """Keep a returned victim at the period's end, with the day she returned."""
        if SubjectCategory.RETURNED_VICTIM not in facts.active:
            return
        end = self.ctx.end
        since = next(
            s.since
            for s in facts.subject.categories
            if s.category is SubjectCategory.RETURNED_VICTIM
            and s.since <= end
            and (s.until is None or end <= s.until)
        )
        self.victims[facts.subject.id] = _person(unit, (), facts, since)

    def add_support(self, action: SupportAction, unit: str | None) -> None:  # noqa: ARG002 - the victim's unit counts
        """Keep the latest delivery of each kind to each person, up to the period's end."""
        if action.delivered_on > self.ctx.end:
            return
        key = (action.subject_id, action.kind)
        seen = (action.delivered_on, action.id)
        current = self.latest.get(key)
        if current is None or seen > current:
            self.latest[key] = seen

    def merge(self, other: Accumulator) -> None:
        """Union the victims and keep the latest delivery per person and kind."""
        assert isinstance(other, SupportCoverage)  # noqa: S101 - the engine pairs like with like
        self.victims.update(other.victims)
        for key, seen in other.latest.items():
            current = self.latest.get(key)
            if current is None or seen > current:
                self.latest[key] = seen

    def finish(self) -> dict[str | None, Tally]:
        """Join the victims with the support delivered since each returned."""
        tallies: dict[str | None, Tally] = {}
        end = self.ctx.end
        for subject_id, person in self.victims.items():
            unit, since = person[0], person[5]
            assert since is not None  # noqa: S101 - every victim is kept with her return date
            tally = _tally_of(tallies, unit)
            tally.denominator += 1
            tally.considered += 1
            received: list[tuple[dt.date, str, SupportKind]] = []
            for kind in SupportKind:
                seen = self.latest.get((subject_id, kind))
                cell = tally.cell(_SUPPORT_KIND, kind.value)
                cell.denominator += 1
                if seen is not None and seen[0] >= since:
                    cell.numerator += 1
                    received.append((seen[0], seen[1], kind))
            _person_cells(tally, person, counted=bool(received), sex=True)
            if received:
                day, action, kind = max(received)
                self._count(
                    tally,
                    subject_id,
                    unit,
                    "supported",
                    since=since,
                    delivered=day,
                    kind=kind,
                    action=action,
                )
            else:
                self._fail(tally, subject_id, unit, "not_supported", since=since, end=end)
        return tallies


class WomenVocational(_WomenJoin):
    """``women.vocational``: listed women who had vocational training or counselling in the period.

    Denominator: the women (sex female, registered on or before the period's end) with a
    span of ``unemployed``, ``difficult_circumstances`` or ``poor`` active on the end day,
    each once, in their unit of residence. Numerator: those who received a support action
    of kind ``vocational_training`` or ``vocational_counselling`` delivered in the period,
    wherever delivered (the explanation names the first). By category (of those three),
    ethnicity and age group.

    Records considered: the denominator, the women listed.

    Plan clauses: III.4.c ("lập danh sách số phụ nữ không có việc làm, có hoàn cảnh khó
    khăn ... mở các lớp dạy nghề, hướng nghiệp"), III.2.b, II.3.a.
    """

    def consumes(self) -> Consumes:
        """The subjects of the units evaluated, and every support action wherever delivered."""
        return (
            Consumes()
            .in_unit(SubjectFacts, self.add_subject)
            .any_unit(SupportAction, self.add_support)
        )

    counted_code: ClassVar[str] = "trained"
    missed_code: ClassVar[str] = "not_trained"

    def add_subject(self, facts: SubjectFacts, unit: str) -> None:
        """Keep a woman of the listed categories at the period's end."""
        if not facts.woman:
            return
        listed = tuple(c for c in facts.active if c in VOCATIONAL_CATEGORIES)
        if listed:
            self.women[facts.subject.id] = _person(unit, listed, facts)

    def add_support(self, action: SupportAction, unit: str | None) -> None:  # noqa: ARG002 - the woman's unit counts
        """Note each person's first vocational support in the period."""
        if action.kind not in VOCATIONAL_KINDS or not _in(action.delivered_on, self.ctx):
            return
        seen = (action.delivered_on, action.id, action.kind)
        current = self.first.get(action.subject_id)
        if current is None or seen[:2] < current[:2]:
            self.first[action.subject_id] = seen

    def match_facts(self, seen: tuple[Any, ...]) -> dict[str, Fact | None]:
        """The first vocational support: its kind, date and id."""
        return {"kind": seen[2], "delivered": seen[0], "action": seen[1]}


# -- activities ----------------------------------------------------------------------


class OutreachEvents(Accumulator):
    """``outreach.events``: outreach events held in the period, and their participants.

    Counts the outreach events whose ``held_on`` is in the period, in the unit where each
    was held (its ``unit_code`` read on ``held_on``); figure ``participants``: the sum of
    their ``participants``. By channel and by language, with the participants of each
    as the figure ``participants`` of the breakdown's cell.

    Records considered: the outreach events held in the unit on or before the period's
    end; a unit with none has no data rather than 0 events.

    Plan clauses: I.2, II.2.b, III.2.a.
    """

    def consumes(self) -> Consumes:
        """Each outreach event placed in a unit evaluated."""
        return Consumes().in_unit(OutreachEvent, self.add_event)

    def add_event(self, event: OutreachEvent, unit: str) -> None:
        """Count an event held in the period and its participants."""
        ctx = self.ctx
        if event.held_on > ctx.end:
            return
        tally = self.tally(unit)
        tally.considered += 1
        if event.held_on < ctx.start:
            return
        people = event.participants
        tally.add("participants", people)
        for key in ((_CHANNEL, event.channel.value), (_LANGUAGE, event.language)):
            cell = tally.cell(*key)
            cell.numerator += 1
            cell.add("participants", people)
        self._count(
            tally,
            event.id,
            unit,
            "event",
            held=event.held_on,
            channel=event.channel,
            participants=people,
            language=event.language,
        )


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
        self.latest: dict[str, ModelReview] = {}

    def add_review(self, review: ModelReview, unit: str) -> None:
        """Keep the unit's latest review in the period."""
        if not _in(review.held_on, self.ctx):
            return
        self.tally(unit).considered += 1
        self._keep(review, unit)

    def _keep(self, review: ModelReview, unit: str) -> None:
        current = self.latest.get(unit)
        if current is None or (review.held_on, review.id) > (current.held_on, current.id):
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
            code = "maintained" if review.maintained else "not_maintained"
            found: dict[str, Fact | None] = {
                "kind": review.kind,
                "held": review.held_on,
                "review": review.id,
            }
            if review.maintained:
                self._count(tally, review.id, unit, code, **found)
            else:
                self._fail(tally, review.id, unit, code, **found)
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
        self.latest: dict[str, SafetyAssessment] = {}

    def add_assessment(self, assessment: SafetyAssessment, unit: str) -> None:
        """Keep the unit's latest commune-level assessment of the period's year."""
        if assessment.scope is not AssessmentScope.XA_PHUONG or assessment.year != self.ctx.year:
            return
        self.tally(unit).considered += 1
        self._keep(assessment, unit)

    def _keep(self, assessment: SafetyAssessment, unit: str) -> None:
        current = self.latest.get(unit)
        if current is None or (assessment.assessed_on, assessment.id) > (
            current.assessed_on,
            current.id,
        ):
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
            facts: dict[str, Fact | None] = {
                "year": found.year,
                "assessed": found.assessed_on,
                "assessment": found.id,
                "criteria": ", ".join(found.criteria_failed) or None,
            }
            if found.meets_standard:
                self._count(tally, found.id, unit, "safe", **facts)
            else:
                self._fail(tally, found.id, unit, "not_safe", **facts)
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
            if not _in(day, self.ctx):
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

    Plan clauses: IV.2.
    """

    by_due_date: ClassVar[bool] = True
