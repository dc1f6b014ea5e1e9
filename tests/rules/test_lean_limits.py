"""Tests for the lean time limit (Bộ luật Tố tụng hình sự 2015, Art. 134, 147-149).

:func:`threeno.rules.lean_limits.last_day` must equal ``time_limit(...).date`` and
:func:`~threeno.rules.lean_limits.last_day_and_missed` ``(date, missed_limit)`` for
every report, calendar, ``as_of`` and convention: a few cases worked out by hand, a
property over generated reports, and a sweep of every day of receipt from 2018 to 2026.
Calendar facts used (Vietnam, 2024): Tết from Thursday 8 to Wednesday 14 February; 29
April to 1 May off; Saturday 4 May worked instead. All reports are synthetic.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Final

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from threeno.errors import RulesError
from threeno.model.crime import CrimeReport, Extension, Suspension
from threeno.model.enums import Decision, ExtensionKind, ReportSource, SuspensionReason
from threeno.model.plan import LocalCalendar, NamedDay
from threeno.plans import load_plan
from threeno.rules import lean_limits, procedure
from threeno.rules.calendar import DayOffCalendar, default_calendar, plan_calendar
from threeno.rules.lean_limits import last_day, last_day_and_missed
from threeno.rules.procedure import PROCEDURE_2015
from threeno.rules.time_limits import time_limit

D = dt.date
COMPLEX = ExtensionKind.COMPLEX
PROCURACY = ExtensionKind.PROCURACY


def report(
    received: dt.date,
    *,
    extensions: tuple[tuple[ExtensionKind, dt.date], ...] = (),
    suspensions: tuple[tuple[dt.date, dt.date | None], ...] = (),
) -> CrimeReport:
    """A synthetic crime report; an open last suspension carries its ``tam_dinh_chi``."""
    sus = tuple(
        Suspension(reason=SuspensionReason.EXPERT_EXAMINATION, from_date=f, resumed_on=r)
        for f, r in suspensions
    )
    open_since = sus[-1].from_date if sus and sus[-1].resumed_on is None else None
    return CrimeReport(
        id="CR-LEAN",
        source=ReportSource.TO_GIAC,
        offence_article=150,
        unit_code="03386",
        received_on=received,
        receiving_agency="CATP",
        extensions=tuple(Extension(kind=k, granted_on=g) for k, g in extensions),
        suspensions=sus,
        decision=Decision.TAM_DINH_CHI if open_since is not None else None,
        decided_on=open_since,
    )


def _local_calendar() -> DayOffCalendar:
    """A plan's calendar: a local day off after Tết 2025, two make-up working days.

    Friday 2025-02-07 off (after Tết, which ran from 25 January to 2 February 2025);
    Saturday 2024-03-23 and Sunday 2026-03-01 worked.
    """
    off = (NamedDay(date=D(2025, 2, 7), name_vi="Nghỉ bù riêng", name_en="Local day off"),)
    worked = (
        NamedDay(date=D(2024, 3, 23), name_vi="Làm bù", name_en="Make-up day"),
        NamedDay(date=D(2026, 3, 1), name_vi="Làm bù", name_en="Make-up day"),
    )
    days: tuple[Any, Any] = (off, worked)  # the converter's generic type escapes mypy
    local = LocalCalendar(days_off=days[0], working_days=days[1])
    return plan_calendar(attrs.evolve(load_plan("lai-chau-2024"), calendar=local))


LOCAL: Final = _local_calendar()


def assert_equal(
    subject: CrimeReport, calendar: DayOffCalendar, as_of: dt.date | None, *, count: bool
) -> None:
    """The lean functions give time_limit's date and missed limit."""
    deadline = time_limit(subject, calendar, as_of=as_of, count_receipt_day=count)
    lean = last_day_and_missed(subject, calendar, as_of=as_of, count_receipt_day=count)
    assert lean == (deadline.date, deadline.missed_limit), (subject, as_of, count)
    assert last_day(subject, calendar, as_of=as_of, count_receipt_day=count) == deadline.date


class TestByHand:
    """Cases worked out from the articles and a printed calendar."""

    def test_tet(self) -> None:
        """Received Thursday 2024-01-25: 20 days end on 2024-02-14 (Tết), moved to 2024-02-15.

        Counting the day of receipt, they end on 2024-02-13, also in Tết: 2024-02-15 too.
        """
        subject = report(D(2024, 1, 25))
        assert last_day(subject) == D(2024, 2, 15)
        assert last_day(subject, count_receipt_day=True) == D(2024, 2, 15)

    def test_extensions(self) -> None:
        """Received 2023-12-31: complex matter 2 months to 2024-02-29, procuracy 2 more.

        2024-02-29 + 2 months = 2024-04-29 (Monday, off: 29 April to 1 May), so the
        last day is Thursday 2024-05-02. Known on 2024-02-01 (the procuracy's extension
        of 2024-02-20 not yet granted): Thursday 2024-02-29.
        """
        subject = report(
            D(2023, 12, 31), extensions=((COMPLEX, D(2024, 1, 10)), (PROCURACY, D(2024, 2, 20)))
        )
        assert last_day(subject) == D(2024, 5, 2)
        assert last_day(subject, as_of=D(2024, 2, 1)) == D(2024, 2, 29)

    def test_suspended_late_then_resumed(self) -> None:
        """Received Friday 2024-03-01: 20 days end on Thursday 2024-03-21.

        Suspended on 2024-03-25, after that day: the limit 2024-03-21 is missed. Resumed
        on 2024-04-01: 1 month ends on 2024-05-01, a holiday, so on Thursday 2024-05-02.
        Known on 2024-03-30 the report is suspended: no last day, the same missed limit.
        """
        subject = report(D(2024, 3, 1), suspensions=((D(2024, 3, 25), D(2024, 4, 1)),))
        assert last_day_and_missed(subject) == (D(2024, 5, 2), D(2024, 3, 21))
        assert last_day_and_missed(subject, as_of=D(2024, 3, 30)) == (None, D(2024, 3, 21))
        assert last_day(subject, as_of=D(2024, 3, 30)) is None

    def test_plan_calendar(self) -> None:
        """Received Sunday 2024-03-03: 20 days end on Saturday 2024-03-23.

        Nationally a day off, so Monday 2024-03-25; the plan works that Saturday, so the
        last day stays 2024-03-23.
        """
        subject = report(D(2024, 3, 3))
        assert last_day(subject) == D(2024, 3, 25)
        assert last_day(subject, LOCAL) == D(2024, 3, 23)

    def test_regime_of_the_receipt(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A later regime of 30 days is followed even after the 2015 one was memoised.

        Received Monday 2030-05-13: 20 days end on Sunday 2030-06-02, so Monday
        2030-06-03; under a regime of 30 days from 2030, Wednesday 2030-06-12.
        """
        subject = report(D(2030, 5, 13))
        assert last_day(subject) == D(2030, 6, 3)
        later = attrs.evolve(PROCEDURE_2015, in_force_from=D(2030, 1, 1), base_days=30)
        monkeypatch.setattr(procedure, "PROCEDURE_REGIMES", (PROCEDURE_2015, later))
        assert last_day(subject) == D(2030, 6, 12) == time_limit(subject).date

    def test_bad_arguments(self) -> None:
        """The same refusals as time_limit's."""
        subject = report(D(2024, 3, 1))
        with pytest.raises(RulesError, match="before the report was received"):
            last_day(subject, as_of=D(2024, 2, 1))
        with pytest.raises(RulesError, match="count_receipt_day must be True or False"):
            last_day(subject, count_receipt_day=1)  # type: ignore[arg-type]
        with pytest.raises(RulesError, match="calendar must be a DayOffCalendar"):
            last_day_and_missed(subject, "VN")  # type: ignore[arg-type]
        with pytest.raises(RulesError, match="as_of must be a date"):
            last_day(subject, as_of=dt.datetime(2024, 3, 2, tzinfo=dt.UTC))

    def test_one_memo_per_calendar(self) -> None:
        """A calendar's lean limits are made once and shared."""
        assert lean_limits.lean_limits(LOCAL) is lean_limits.lean_limits(LOCAL)
        assert lean_limits.lean_limits(LOCAL) is not lean_limits.lean_limits(default_calendar())


# -- generated reports ------------------------------------------------------------------

# Days whose limits end in or near days off: Tết of 2018-2026, 30 April and 1 May, 2
# September, the make-up Saturdays, the plan's own days.
_ANCHORS: Final = (
    D(2018, 2, 16),
    D(2019, 2, 5),
    D(2019, 5, 4),
    D(2020, 1, 25),
    D(2021, 2, 12),
    D(2022, 2, 1),
    D(2023, 1, 22),
    D(2024, 2, 10),
    D(2024, 3, 23),
    D(2024, 5, 4),
    D(2025, 1, 29),
    D(2025, 2, 7),
    D(2025, 4, 26),
    D(2025, 4, 30),
    D(2025, 9, 2),
    D(2026, 2, 17),
    D(2026, 3, 1),
    D(2026, 8, 22),
)
_FIRST: Final = D(2018, 1, 1)
_LAST: Final = D(2026, 12, 31)


@st.composite
def received_days(draw: st.DrawFn) -> dt.date:
    """A day of receipt: any from 2018 to 2026, or one whose limits end near a day off.

    20 days, 2 months and 4 months before an anchor, give or take a week.
    """
    if draw(st.booleans()):
        return draw(st.dates(_FIRST, _LAST))
    anchor = draw(st.sampled_from(_ANCHORS))
    back = draw(
        st.sampled_from((dt.timedelta(days=20), dt.timedelta(days=61), dt.timedelta(days=122)))
    )
    return anchor - back + dt.timedelta(days=draw(st.integers(-7, 7)))


_GAP: Final = st.integers(0, 70).map(lambda n: dt.timedelta(days=n))


@st.composite
def reports(draw: st.DrawFn) -> CrimeReport:
    """A report with none, one or two extensions and up to three suspensions.

    Gaps of 0 to 70 days between events, so that they fall before and after the limits.
    """
    received = draw(received_days())
    extensions: list[tuple[ExtensionKind, dt.date]] = []
    if draw(st.booleans()):
        complex_on = received + draw(_GAP)
        extensions.append((COMPLEX, complex_on))
        if draw(st.booleans()):
            extensions.append((PROCURACY, complex_on + draw(_GAP)))
    suspensions: list[tuple[dt.date, dt.date | None]] = []
    start = received
    for _ in range(draw(st.integers(0, 3))):
        from_date = start + draw(_GAP)
        resumed = from_date + draw(_GAP) if draw(st.booleans()) else None
        suspensions.append((from_date, resumed))
        if resumed is None:
            break
        start = resumed
    return report(received, extensions=tuple(extensions), suspensions=tuple(suspensions))


_CALENDARS: Final = st.sampled_from((None, LOCAL, DayOffCalendar(weekend_workdays=False)))


class TestEqualsTimeLimit:
    """The lean limit is time_limit's date, whatever the report."""

    @given(
        subject=reports(),
        calendar=_CALENDARS,
        count=st.booleans(),
        after=st.none() | st.integers(0, 300),
    )
    def test_generated(
        self, subject: CrimeReport, calendar: DayOffCalendar | None, count: bool, after: int | None
    ) -> None:
        """Both conventions, extensions, suspensions, as_of before and after the events."""
        as_of = None if after is None else subject.received_on + dt.timedelta(days=after)
        assert_equal(subject, calendar or default_calendar(), as_of, count=count)

    def test_pendulum_dates(self) -> None:
        """Dates given as pendulum's Date give plain dates, as time_limit's."""
        import pendulum  # noqa: PLC0415

        subject = report(pendulum.Date(2024, 1, 25))
        found = last_day(subject, as_of=pendulum.Date(2024, 2, 1))
        assert type(found) is dt.date
        assert found == D(2024, 2, 15)


# The sweep's event shapes: (extensions, suspensions) as days after receipt, and as_of.
_SHAPES: Final[
    tuple[tuple[tuple[tuple[ExtensionKind, int], ...], tuple[tuple[int, int | None], ...]], ...]
] = (
    ((), ()),
    (((COMPLEX, 5),), ()),
    (((COMPLEX, 5), (PROCURACY, 50)), ()),
    ((), ((10, 40),)),
    ((), ((25, None),)),
    (((COMPLEX, 35),), ((3, 30),)),
    (((COMPLEX, 2),), ((70, 75), (80, None))),
)
_AS_OF: Final = (None, 0, 19, 45)


@pytest.mark.parametrize("count", [False, True])
def test_every_day_of_receipt(count: bool) -> None:
    """Every day of receipt of 2018-2026, both conventions, seven shapes, four as_of.

    3,287 days x 7 shapes x 4 as_of (None, the day of receipt, 19 and 45 days after) per
    convention, on the national calendar and the plan's.
    """
    one = dt.timedelta(days=1)
    day = _FIRST
    while day <= _LAST:
        for exts, sus in _SHAPES:
            subject = report(
                day,
                extensions=tuple((k, day + n * one) for k, n in exts),
                suspensions=tuple(
                    (day + f * one, None if r is None else day + r * one) for f, r in sus
                ),
            )
            for after in _AS_OF:
                as_of = None if after is None else day + after * one
                assert_equal(subject, default_calendar(), as_of, count=count)
                assert_equal(subject, LOCAL, as_of, count=count)
        day += one
