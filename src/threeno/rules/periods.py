"""Rules about reporting periods: when a report is due, and which period is the latest complete.

The plan asks the standing body to report every six months and every year (clause
IV.2, "định kỳ báo cáo 06 tháng, 01 năm"), on the windows of Nghị định 09/2019/NĐ-CP,
Art. 12 (see :mod:`threeno.model.period`). Neither the plan nor the decree fixes how
long after a period's end a report may be sent: that is set by whoever issues the
reporting duty, so here it is a plan parameter, ``days_allowed``.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt

from threeno.errors import RulesError
from threeno.model.period import Convention, PeriodKind, ReportingPeriod

__all__ = ["due_date", "latest_complete"]


def due_date(period: ReportingPeriod, days_allowed: int) -> dt.date:
    """The last day a report on ``period`` may be sent: its end plus ``days_allowed`` days.

    Days are calendar days, counted from the day after the period's last day, with no
    shift for weekends or holidays: the plan sets no deadline and no counting rule, so
    the plan file sets ``days_allowed`` (0 means the period's own last day).

    >>> from threeno.model.period import ReportingPeriod
    >>> from threeno.rules.periods import due_date
    >>> due_date(ReportingPeriod.half_year(2024, 1), 5)  # 14 June + 5 days
    datetime.date(2024, 6, 19)

    Args:
        period: the reporting period.
        days_allowed: whole days allowed after the period's end, 0 or more.

    Returns:
        The due date, a plain :class:`datetime.date`.

    Raises:
        RulesError: for a negative or non-whole ``days_allowed``, or a due date past
            9999-12-31.

    Source: Nghị định 09/2019/NĐ-CP, Art. 12 (the period's last day, the cut-off); the
    deadline to send is the issuer's to set. Plan clauses: IV.2.
    """
    if isinstance(days_allowed, bool) or not isinstance(days_allowed, int) or days_allowed < 0:
        msg = f"days_allowed must be a whole number of days, 0 or more, not {days_allowed!r}"
        raise RulesError(msg)
    try:
        return period.end + dt.timedelta(days=days_allowed)
    except OverflowError:
        msg = f"a report on {period} due {days_allowed} days after it ends falls past 9999-12-31"
        raise RulesError(msg) from None


def latest_complete(
    kind: PeriodKind, on: dt.date, convention: Convention = Convention.CUTOFF
) -> ReportingPeriod:
    """The latest period of ``kind`` that ended before ``on``.

    A period ends at the close of its last day, so on 15 June 2024 the first half of
    2024 (to 14 June under the cut-off) is complete, while on 14 June it is not yet.

    >>> import datetime as dt
    >>> from threeno.model.period import PeriodKind
    >>> from threeno.rules.periods import latest_complete
    >>> str(latest_complete(PeriodKind.HALF_YEAR, dt.date(2024, 6, 15)))
    '2024-H1'

    Args:
        kind: month, quarter, half-year or year.
        on: the day asked about (usually today).
        convention: the plan's convention; the 15th-to-14th cut-off by default.

    Returns:
        The :class:`~threeno.model.period.ReportingPeriod`.

    Raises:
        RulesError: for a custom kind (it has no fixed windows), a non-date ``on``, or no
            such period within Python's dates.

    Source: Nghị định 09/2019/NĐ-CP, Art. 12 (cut-off); Nghị định 60/2018/NĐ-CP
    (calendar). Plan clauses: IV.2 (reports every six months and every year).
    """
    try:
        return ReportingPeriod.containing(kind, on, convention).previous()
    except ValueError as exc:  # PeriodError, and the model's ValidationError
        msg = f"no latest complete {getattr(kind, 'value', kind)} period before {on}: {exc}"
        raise RulesError(msg) from exc
