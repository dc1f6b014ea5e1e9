"""The last day to decide on a crime report, computed lean: a date, no steps.

:func:`~threeno.rules.time_limits.time_limit` builds a
:class:`~threeno.rules.time_limits.Deadline` with every step and the names of the days
off a last day was moved past, which an explanation shows. Counting needs only the last
day (and, for timeliness, the limit missed before a late suspension). This module
computes those two dates with the same law and the same readings, on day numbers
(proleptic ordinals), with what repeats memoised:

* a report with no extension and no suspension (most of them) has a last day that
  depends only on its day of receipt, the calendar and whether the day of receipt
  counts: one dictionary look-up after the first;
* with extensions and no suspension, it depends also on the order of the kinds of
  extension known on the day asked about (Art. 147(2): a complex-matter extension
  counts from receipt, the procuracy's from the end of the limit before it), and on
  nothing else: memoised on that too;
* with a suspension the dates of the events matter (Art. 148, 149(1)): computed each
  time, on day numbers;
* the move of a last day that is a day off to the first working day after it
  (Art. 134(1)) is the calendar's own answer
  (:meth:`~threeno.rules.calendar.DayOffCalendar.working_day_on_or_after`), kept per day.

The memos are kept per calendar and per procedure regime
(:data:`~threeno.rules.procedure.PROCEDURE_REGIMES`): a report is counted under the
regime in force on its day of receipt, as :func:`~threeno.rules.time_limits.time_limit`
counts it.

Legal sources: Bộ luật Tố tụng hình sự 2015, Art. 134(1) (counting days and months; a
last day that is a day off), Art. 147(1) (20 days), Art. 147(2) (2 months for a complex
matter, 2 more by the procuracy), Art. 148 (suspension), Art. 149(1) (1 month after the
resumption). The readings where the law leaves a choice are those of
:mod:`threeno.rules.time_limits`, listed in its documentation.

Plan clauses: I.3 (every report resolved, on time), II.4.b.

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import datetime as dt
import weakref
from typing import TYPE_CHECKING, Final

from threeno.model.enums import ExtensionKind
from threeno.rules import procedure
from threeno.rules.procedure import procedure_regime_on
from threeno.rules.time_limits import check_limit_inputs

if TYPE_CHECKING:
    from threeno.model.crime import CrimeReport
    from threeno.rules.calendar import DayOffCalendar
    from threeno.rules.procedure import ProcedureRegime

__all__ = ["LeanLimits", "last_day", "last_day_and_missed", "lean_limits"]

_COMPLEX: Final = ExtensionKind.COMPLEX
# The kinds of the events of a suspended report, in the order of time_limit's steps.
_EXTENSION: Final = 0
_SUSPENSION: Final = 1
_RESUMPTION: Final = 2
# Days in each month of a common year; February of a leap year is handled apart.
_MONTH_DAYS: Final = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _add_months(ordinal: int, months: int) -> int:
    """Art. 134(1): the same date ``months`` later, or that month's last day if it has none."""
    day = dt.date.fromordinal(ordinal)
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    last = _MONTH_DAYS[month - 1]
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        last = 29
    return dt.date(year, month, min(day.day, last)).toordinal()


class LeanLimits:
    """The last days of crime reports under one calendar, memoised.

    Made by :func:`lean_limits` (one per calendar, shared); :func:`last_day` and
    :func:`last_day_and_missed` check their arguments and call it. The indicator engine
    calls it directly, with arguments it has checked once for the evaluation.

    Legal sources: Bộ luật Tố tụng hình sự 2015, Art. 134(1), 147, 148, 149(1).

    .. versionadded:: 0.2.0
    """

    __slots__ = ("_calendar", "_extended", "_moved", "_plain", "_regime_of", "_regimes")

    def __init__(self, calendar: DayOffCalendar) -> None:
        """Keep the calendar (weakly: the memo of calendars must not keep it); memos empty."""
        self._calendar = weakref.proxy(calendar)
        self._regimes: object = None
        self._reset()

    def _reset(self) -> None:
        # Memos by whether the day of receipt counts (False, True); each keyed by the day of
        # receipt (and, for an extended report, the kinds of its extensions in order).
        self._plain: tuple[dict[dt.date, dt.date], dict[dt.date, dt.date]] = ({}, {})
        self._extended: tuple[dict[tuple[dt.date, int], dt.date], ...] = ({}, {})
        self._regime_of: dict[dt.date, ProcedureRegime] = {}
        self._moved: dict[int, int] = {}
        self._regimes = procedure.PROCEDURE_REGIMES

    def _regime(self, received: dt.date) -> ProcedureRegime:
        regime = self._regime_of.get(received)
        if regime is None:
            regime = self._regime_of[received] = procedure_regime_on(received)
        return regime

    def _move(self, ordinal: int) -> int:
        """Art. 134(1): the day itself if a working day, else the first working day after it."""
        moved = self._moved.get(ordinal)
        if moved is None:
            day = self._calendar.working_day_on_or_after(dt.date.fromordinal(ordinal))
            moved = self._moved[ordinal] = day.toordinal()
        return moved

    def last_day(
        self,
        report: CrimeReport,
        known: dt.date,
        count_receipt_day: bool,  # noqa: FBT001 - the hot path takes it positionally
    ) -> dt.date | None:
        """The last day to decide, with the events known on ``known``; ``None`` while suspended.

        Args:
            report: the crime report.
            known: the day whose knowledge is used (``datetime.date.max``: every
                recorded event), on or after the day of receipt.
            count_receipt_day: count the day of receipt (and of resumption) as day 1.

        Returns:
            The ``date`` of the :class:`~threeno.rules.time_limits.Deadline` that
            :func:`~threeno.rules.time_limits.time_limit` gives with the same arguments.
        """
        if procedure.PROCEDURE_REGIMES is not self._regimes:
            self._reset()
        if report.suspensions:
            return self._suspended(report, known, count_receipt_day)[0]
        received = report.received_on
        if not report.extensions:
            plain = self._plain[count_receipt_day]
            found = plain.get(received)
            if found is None:
                regime = self._regime(received)
                end = received.toordinal() - count_receipt_day + regime.base_days
                found = plain[received] = dt.date.fromordinal(self._move(end))
            return found
        return self._extended_day(report, known, count_receipt_day)

    def last_day_and_missed(
        self,
        report: CrimeReport,
        known: dt.date,
        count_receipt_day: bool,  # noqa: FBT001 - the hot path takes it positionally
    ) -> tuple[dt.date | None, dt.date | None]:
        """The last day (``None`` while suspended) and the limit missed before a late suspension.

        Args:
            report: the crime report.
            known: the day whose knowledge is used (``datetime.date.max``: every
                recorded event), on or after the day of receipt.
            count_receipt_day: count the day of receipt (and of resumption) as day 1.

        Returns:
            The ``date`` and ``missed_limit`` of the
            :class:`~threeno.rules.time_limits.Deadline` that
            :func:`~threeno.rules.time_limits.time_limit` gives with the same arguments.
        """
        if report.suspensions:
            if procedure.PROCEDURE_REGIMES is not self._regimes:
                self._reset()
            return self._suspended(report, known, count_receipt_day)
        return self.last_day(report, known, count_receipt_day), None

    def _extended_day(
        self,
        report: CrimeReport,
        known: dt.date,
        count_receipt_day: bool,  # noqa: FBT001
    ) -> dt.date:
        # Art. 147(2). The kinds known, in the order of time_limit's steps (by day, a
        # complex-matter extension before the procuracy's on the same day), as digits in
        # base 3 (1: complex matter, 2: procuracy): the last day depends on nothing else.
        exts = [e for e in report.extensions if e.granted_on <= known]
        if len(exts) > 1:
            exts.sort(key=lambda e: (e.granted_on, e.kind is not _COMPLEX))
        kinds = 0
        for ext in exts:
            kinds = kinds * 3 + (1 if ext.kind is _COMPLEX else 2)
        received = report.received_on
        memo = self._extended[count_receipt_day]
        key = (received, kinds)
        found = memo.get(key)
        if found is None:
            regime = self._regime(received)
            start = received.toordinal() - count_receipt_day
            end = start + regime.base_days
            for ext in exts:
                if ext.kind is _COMPLEX:
                    end = _add_months(start, regime.extension_months)
                else:
                    end = _add_months(end, regime.procuracy_months)
            found = memo[key] = dt.date.fromordinal(self._move(end))
        return found

    def _suspended(
        self,
        report: CrimeReport,
        known: dt.date,
        count_receipt_day: bool,  # noqa: FBT001
    ) -> tuple[dt.date | None, dt.date | None]:
        # The loop of time_limit on day numbers, without its steps (Art. 147-149).
        received = report.received_on
        regime = self._regime(received)
        shift = 1 if count_receipt_day else 0
        start = received.toordinal() - shift
        end = start + regime.base_days
        events = _events(report, known)
        suspended = ever_suspended = False
        missed = 0
        for day, _, kind, complex_matter in events:
            if kind == _RESUMPTION:
                suspended = False
                end = _add_months(day.toordinal() - shift, regime.resumption_months)
            elif kind == _SUSPENSION:
                # Art. 148: the clock stops; decided after the limit in force, it is missed.
                if not missed:
                    in_force = self._move(end)
                    if day.toordinal() > in_force:
                        missed = in_force
                suspended = ever_suspended = True
            elif ever_suspended:
                continue  # Art. 149(1) sets the time left after a suspension
            elif complex_matter:
                end = _add_months(start, regime.extension_months)
            else:
                end = _add_months(end, regime.procuracy_months)
        final = None if suspended else dt.date.fromordinal(self._move(end))
        return final, dt.date.fromordinal(missed) if missed else None


def _events(report: CrimeReport, known: dt.date) -> list[tuple[dt.date, int, int, bool]]:
    """The events known on ``known``, in the order of time_limit's steps.

    Each is (day, order on that day, kind, complex matter): on one day the extensions
    first (complex matter before the procuracy's, Art. 147(2)), then the suspensions and
    resumptions in their recorded order.
    """
    events: list[tuple[dt.date, int, int, bool]] = []
    for ext in report.extensions:
        if ext.granted_on <= known:
            complex_matter = ext.kind is _COMPLEX
            events.append(
                (ext.granted_on, -2 if complex_matter else -1, _EXTENSION, complex_matter)
            )
    for i, sus in enumerate(report.suspensions):
        if sus.from_date <= known:
            events.append((sus.from_date, 2 * i, _SUSPENSION, False))
            resumed = sus.resumed_on
            if resumed is not None and resumed <= known:
                events.append((resumed, 2 * i + 1, _RESUMPTION, False))
    # (day, order) is unique but for two extensions of one kind on one day, whose tuples
    # are then equal: sorting whole tuples is sorting by (day, order).
    events.sort()
    return events


# One LeanLimits per calendar object, found by the object's id (cheaper than hashing a
# calendar); the weak reference tells a calendar from a later one given the same id.
_BY_CALENDAR: dict[int, tuple[weakref.ref[DayOffCalendar], LeanLimits]] = {}


def lean_limits(calendar: DayOffCalendar) -> LeanLimits:
    """The :class:`LeanLimits` of ``calendar``, made on first use and shared.

    Legal sources: Bộ luật Tố tụng hình sự 2015, Art. 134(1), 147, 148, 149(1).

    Args:
        calendar: the days off.

    Returns:
        The same object for every call with the same calendar.

    .. versionadded:: 0.2.0
    """
    key = id(calendar)
    found = _BY_CALENDAR.get(key)
    if found is not None and found[0]() is calendar:
        return found[1]
    limits = LeanLimits(calendar)
    _BY_CALENDAR[key] = (weakref.ref(calendar, lambda _: _BY_CALENDAR.pop(key, None)), limits)
    return limits


def last_day_and_missed(
    report: CrimeReport,
    calendar: DayOffCalendar | None = None,
    *,
    as_of: dt.date | None = None,
    count_receipt_day: bool = False,
) -> tuple[dt.date | None, dt.date | None]:
    """The last day to decide on ``report`` and the limit it missed, without the steps.

    Equal to ``(deadline.date, deadline.missed_limit)`` for ``deadline =
    time_limit(report, calendar, as_of=as_of, count_receipt_day=count_receipt_day)``
    (:func:`~threeno.rules.time_limits.time_limit`); the missed limit is the one that
    had passed when the report was suspended (a suspension does not cure a delay), which
    makes a report decided late whenever it is decided.

    Legal sources: Bộ luật Tố tụng hình sự 2015, Art. 134(1), 147(1)-(2), 148, 149(1).
    Plan clauses: I.3, II.4.b.

    Args:
        report: the crime report.
        calendar: the days off; the national calendar if ``None``.
        as_of: use only what was known on this day; every recorded event if ``None``.
        count_receipt_day: count the day of receipt (and of resumption) as day 1.

    Returns:
        The last day (``None`` while suspended) and the missed limit (``None`` if none).

    Raises:
        RulesError: as :func:`~threeno.rules.time_limits.time_limit` raises it.

    .. versionadded:: 0.2.0
    """
    cal, known = check_limit_inputs(report, calendar, as_of, count_receipt_day)
    return lean_limits(cal).last_day_and_missed(report, known, count_receipt_day)


def last_day(
    report: CrimeReport,
    calendar: DayOffCalendar | None = None,
    *,
    as_of: dt.date | None = None,
    count_receipt_day: bool = False,
) -> dt.date | None:
    """The last day to decide on ``report``, without the steps; ``None`` while suspended.

    Equal to ``time_limit(report, calendar, as_of=as_of,
    count_receipt_day=count_receipt_day).date``
    (:func:`~threeno.rules.time_limits.time_limit`, which keeps the steps for an
    explanation), at a fraction of its cost.

    Legal sources: Bộ luật Tố tụng hình sự 2015, Art. 147(1) (20 days), Art. 147(2)
    (2 months for a complex matter; 2 more months by the procuracy, once), Art. 148
    (suspension stops the clock), Art. 149(1) (1 month after resumption), Art. 134(1)
    (counting days and months; a last day that is a day off moves to the next working
    day). The readings chosen where the law leaves a choice are those listed in
    :mod:`threeno.rules.time_limits`.

    Plan clauses: I.3, II.4.b.

    Args:
        report: the crime report.
        calendar: the days off; the national calendar if ``None``.
        as_of: use only what was known on this day (an extension granted later, a
            resumption later, are not known yet); every recorded event if ``None``.
        count_receipt_day: count the day of receipt (and of resumption) as day 1.

    Returns:
        The last day, or ``None`` while the report is suspended.

    Raises:
        RulesError: ``as_of`` is before the day of receipt or not a date, ``calendar``
            is not a :class:`~threeno.rules.calendar.DayOffCalendar`, or
            ``count_receipt_day`` is not ``True`` or ``False``.

    >>> import datetime as dt
    >>> from threeno.model.crime import CrimeReport
    >>> from threeno.model.enums import ReportSource
    >>> from threeno.rules.lean_limits import last_day
    >>> report = CrimeReport(
    ...     id="CR-0017",
    ...     source=ReportSource.TO_GIAC,
    ...     offence_article=150,
    ...     unit_code="03386",
    ...     received_on=dt.date(2024, 1, 25),
    ...     receiving_agency="CATP",
    ... )
    >>> last_day(report)  # 20 days end on 2024-02-14, in Tết: the next working day
    datetime.date(2024, 2, 15)

    .. versionadded:: 0.2.0
    """
    cal, known = check_limit_inputs(report, calendar, as_of, count_receipt_day)
    return lean_limits(cal).last_day(report, known, count_receipt_day)
