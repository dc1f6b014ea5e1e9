"""The accumulator machinery: the evaluation's context, tallies, facts, the base class.

An accumulator (:class:`Accumulator`) is the counting code of one indicator. It reads
records one at a time through the methods it names in :meth:`Accumulator.consumes`
(:class:`Consumes`), keeps one :class:`Tally` per commune or ward, merges with another
accumulator of the same indicator built on other records, and gives its tallies at the
end. What every accumulator of an evaluation shares is its :class:`Context`; what every
accumulator of a crime report or a subject needs is computed once per record
(:class:`ReportFacts`, :class:`SubjectFacts`).

The accumulators themselves, one per indicator, are grouped by subject in the modules
beside this one; :mod:`threeno.indicators.counting` is where they are all imported from.

Plan clauses: I.1, I.2, I.3, I.5, II.1.b, II.2.b, II.3.b, II.4.b, III.2.c, III.4.c, IV.1, IV.2.
"""

from __future__ import annotations

import copy
import datetime as dt
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, ClassVar, Final, Self, TypeVar

import attrs

from threeno.indicators.definitions import age_group
from threeno.indicators.explanation import Entry, Fact, Named, Reason
from threeno.model.crime import CrimeReport
from threeno.model.dataset import RECORD_TYPES
from threeno.model.enums import Decision, Sex, SubjectCategory
from threeno.model.period import ReportingPeriod
from threeno.model.subjects import Subject
from threeno.rules.lean_limits import lean_limits
from threeno.rules.periods import due_date
from threeno.rules.time_limits import Deadline, time_limit

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from threeno.indicators.definitions import Indicator
    from threeno.model.dataset import Record
    from threeno.model.plan import ReportingRules
    from threeno.rules.calendar import DayOffCalendar

__all__ = [
    "FACTS",
    "Accumulator",
    "Cell",
    "Consumes",
    "Context",
    "ExpectedReport",
    "ReportFacts",
    "SubjectFacts",
    "Taken",
    "Tally",
    "expected_reports",
    "in_period",
]

#: The class of what a method named in :class:`Consumes` takes.
Taken = TypeVar("Taken")
_CATEGORY_ORDER: Final = {c: i for i, c in enumerate(SubjectCategory)}


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
        suspension_resolves: whether a suspension (tạm đình chỉ, Art. 147(1)(c), 148)
            counts as resolving a report (an unverified reading, so a setting).
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
        "limits",
        "period",
        "reporting_agencies",
        "start",
        "suspension_resolves",
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
        suspension_resolves: bool = False,
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
        self.suspension_resolves = suspension_resolves
        self.limits = lean_limits(calendar)  # the last days, without their steps
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

    __slots__ = (
        "apart",
        "cells",
        "considered",
        "counted",
        "failures",
        "in_progress",
        "in_progress_count",
    )

    def __init__(self) -> None:
        """Start at zero, with no entries."""
        super().__init__()
        self.considered = 0
        self.cells: dict[tuple[str, str], Cell] = {}
        self.counted: list[Entry] = []
        self.failures: list[Entry] = []
        self.in_progress: list[Entry] = []
        self.in_progress_count = 0
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
            self.in_progress.extend(other.in_progress)
            self.in_progress_count += other.in_progress_count
            self.apart.extend(other.apart)


def _facts(**facts: Fact | Callable[[], Fact] | None) -> tuple[tuple[str, Fact], ...]:
    # Facts in the order given, leaving out those that are None (optional clauses). A fact
    # may be given as a function, called only here, for an entry that is kept: a time
    # limit with its steps, of which the counts need only the date.
    found = ((key, value() if callable(value) else value) for key, value in facts.items())
    return tuple((key, value) for key, value in found if value is not None)


def in_period(day: dt.date | None, ctx: Context) -> bool:
    """Whether ``day`` is a day of the evaluation period (both ends included)."""
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

    def in_unit(self, kind: type[Taken], method: Callable[[Taken, str], None]) -> Consumes:
        """Call ``method`` with each ``kind`` placed in a unit evaluated, and the unit's code."""
        if kind not in _IN_UNIT_KINDS:
            msg = f"{kind.__name__} is not given to accumulators by unit: give one of " + (
                ", ".join(sorted(k.__name__ for k in _IN_UNIT_KINDS))
            )
            raise TypeError(msg)
        self._in_unit[kind] = method
        return self

    def any_unit(self, kind: type[Taken], method: Callable[[Taken, str | None], None]) -> Consumes:
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
       attributes ``consumes`` and ``any_unit`` naming them by strings;
       ``uses_reporting_deadline``.
    """

    #: Whether the result is measured against the plan's reporting deadline
    #: (``days_allowed``), so that a deadline the plan does not set makes it a reading.
    uses_reporting_deadline: ClassVar[bool] = False

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

    def detached(self) -> Self:
        """A copy without its definition: its state alone, to send or to merge.

        The copy has no ``indicator`` and no ``ctx`` (the plan's definition and the
        evaluation's context, which the receiving side has): it only merges
        (:meth:`merge` reads neither) and is merged into an accumulator of the same
        indicator to be read (:meth:`~threeno.indicators.engine.Evaluator.restore`).
        """
        clone = self.copy()
        del clone.indicator, clone.ctx
        return clone

    def finish(self) -> dict[str | None, Tally]:
        """The tallies by unit code (``None``: an agency-level indicator's only tally).

        Does not change the accumulator, so it may still be merged afterwards.
        """
        return self.tallies

    # Helpers for the subclasses: each builds the reason only when the entry is kept, so
    # that explain="none" costs nothing but the counts.

    def _count(
        self,
        tally: Tally,
        record_id: str,
        unit: str | None,
        code: str,
        /,
        **facts: Fact | Callable[[], Fact] | None,
    ) -> None:
        tally.numerator += 1
        if self.keep_counted:
            tally.counted.append(_entry(record_id, unit, code, facts))

    def _fail(
        self,
        tally: Tally,
        record_id: str,
        unit: str | None,
        code: str,
        /,
        **facts: Fact | Callable[[], Fact] | None,
    ) -> None:
        if self.keep_failures:
            tally.failures.append(_entry(record_id, unit, code, facts))

    def _in_progress(
        self,
        tally: Tally,
        record_id: str,
        unit: str | None,
        code: str,
        /,
        **facts: Fact | Callable[[], Fact] | None,
    ) -> None:
        # In the denominator, not in the numerator, and not failing (yet): a report still
        # within its limit, or suspended.
        tally.in_progress_count += 1
        if self.keep_failures:
            tally.in_progress.append(_entry(record_id, unit, code, facts))

    def _apart(
        self,
        tally: Tally,
        record_id: str,
        unit: str | None,
        code: str,
        /,
        *,
        keep: bool,
        **facts: Fact | Callable[[], Fact] | None,
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


def _entry(
    record_id: str, unit: str | None, code: str, facts: dict[str, Fact | Callable[[], Fact] | None]
) -> Entry:
    return Entry(record_id=record_id, unit=unit, reason=Reason(code=code, facts=_facts(**facts)))


# -- facts read once per record ---------------------------------------------------------


class ReportFacts:
    """What every report indicator needs to know about one report, computed once.

    ``final_on`` is the date of the final decision (``None`` if there is none yet);
    ``suspended_since`` the start of the suspension in force at the period's end, if the
    report is not finally decided by then. The time limits are computed on first use
    and kept: as known at the period's end (:meth:`at_end`) and as known on the day of
    the final decision (:meth:`at_decision`), each with its steps for an explanation; the
    counts need only their dates (:meth:`last_day_at_end`, :meth:`last_day_at_decision`,
    computed lean by :mod:`threeno.rules.lean_limits`, equal to the dates of the limits).

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

    def last_day_at_end(self) -> dt.date | None:
        """The date of :meth:`at_end` (``None`` while suspended), without its steps."""
        if self._at_end is not None:
            return self._at_end.date
        ctx = self._ctx
        return ctx.limits.last_day(self.report, ctx.end, ctx.count_receipt_day)

    def last_day_at_decision(self) -> tuple[dt.date | None, dt.date | None]:
        """The date and the missed limit of :meth:`at_decision`, without its steps."""
        if self._at_decision is not None:
            return self._at_decision.date, self._at_decision.missed_limit
        known = self.final_on or dt.date.max
        ctx = self._ctx
        return ctx.limits.last_day_and_missed(self.report, known, ctx.count_receipt_day)

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
