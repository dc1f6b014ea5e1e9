"""A plan's own days off and working days in the time limits (``plan_calendar``).

Every date was worked out by hand from a printed calendar of 2024 (1 January 2024 is a
Monday, so 1 March is a Friday: 31 + 29 = 60 days later, 60 = 8 x 7 + 4) and Vietnam's
days off that year: Tết from Thursday 8 to Wednesday 14 February; 29 April to 1 May off,
with Saturday 4 May worked instead. The local days are made up for the tests (neither
bundled plan declares any). A limit of 20 days does not count the day of receipt
(Bộ luật Tố tụng hình sự 2015, Art. 147(1), Art. 134(1); the library's default reading).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest

from threeno.errors import LanguageError, ValidationError
from threeno.model.crime import CrimeReport
from threeno.model.enums import ReportSource
from threeno.model.plan import LocalCalendar, NamedDay, Plan
from threeno.plans import load_plan
from threeno.rules.calendar import DayOffCalendar, default_calendar, plan_calendar
from threeno.rules.time_limits import StepKind, time_limit

D = dt.date

#: A local day off on Thursday 15 February 2024, the day after Tết ended.
AFTER_TET = NamedDay(
    date=D(2024, 2, 15), name_vi="Ngày nghỉ địa phương sau Tết", name_en="Local day off after Tết"
)
#: A local day off on Friday 22 March 2024, before a weekend.
FRIDAY = NamedDay(date=D(2024, 3, 22), name_vi="Ngày hội địa phương", name_en="Local festival day")
#: A local make-up working day on Saturday 30 March 2024.
SATURDAY = NamedDay(
    date=D(2024, 3, 30), name_vi="Làm bù ngày hội địa phương", name_en="Make-up for the festival"
)


def with_calendar(*, days_off: Any = (), working: Any = ()) -> Plan:  # noqa: ANN401 - days
    """The 2024 plan with local days (tuples of NamedDay)."""
    local = LocalCalendar(days_off=days_off, working_days=working, note="Quyết định (ví dụ)")
    return attrs.evolve(load_plan("lai-chau-2024"), calendar=local)


PLAN = with_calendar(days_off=(AFTER_TET, FRIDAY), working=(SATURDAY,))


def received(on: dt.date) -> CrimeReport:
    """A synthetic crime report received on ``on``."""
    return CrimeReport(
        id="CR-LOCAL",
        source=ReportSource.TO_GIAC,
        offence_article=150,
        unit_code="03386",
        received_on=on,
        receiving_agency="CATP",
    )


class TestLimitsMove:
    """A limit ending on a local day off moves; one ending on a local working day stays."""

    def test_past_tet_then_a_local_day_off(self) -> None:
        """Received Thursday 25 January 2024.

        20 days: 25 Jan + 6 = 31 Jan, + 14 = 14 Feb (Wednesday, Mùng năm Tết, off).
        Nationally the next working day is Thursday 15 February; under the plan the 15th
        is a local day off, so the limit is Friday 16 February.
        """
        report = received(D(2024, 1, 25))
        assert time_limit(report).date == D(2024, 2, 15)
        deadline = time_limit(report, calendar=plan_calendar(PLAN))
        assert deadline.date == D(2024, 2, 16)
        moved = [s for s in deadline.steps if s.kind is StepKind.DAY_OFF]
        assert [d.day for d in moved[0].skipped] == [D(2024, 2, 14), D(2024, 2, 15)]
        assert [d.name_vi for d in moved[0].skipped] == [
            "Mùng năm Tết Nguyên Đán",
            "Ngày nghỉ địa phương sau Tết",
        ]
        assert moved[0].skipped[1].name_en == "Local day off after Tết"
        assert moved[0].skipped[1].holiday

    def test_a_friday_off_moves_past_the_weekend(self) -> None:
        """Received Saturday 2 March 2024.

        20 days: 2 + 20 = 22 March, a Friday (Saturday 2 + 20 days = Saturday + 6 days).
        Under the plan it is a local day off, then Saturday 23 and Sunday 24: Monday 25
        March. Nationally the 22nd is a working day and the limit stays there.
        """
        report = received(D(2024, 3, 2))
        assert time_limit(report).date == D(2024, 3, 22)
        assert time_limit(report, calendar=plan_calendar(PLAN)).date == D(2024, 3, 25)

    def test_a_local_working_saturday_holds_the_limit(self) -> None:
        """Received Sunday 10 March 2024.

        20 days: 10 + 20 = 30 March, a Saturday (Sunday + 6 days). Nationally it moves
        past Saturday 30 and Sunday 31 to Monday 1 April; the plan makes the 30th a
        working day, so the limit stays on Saturday 30 March.
        """
        report = received(D(2024, 3, 10))
        assert time_limit(report).date == D(2024, 4, 1)
        assert time_limit(report, calendar=plan_calendar(PLAN)).date == D(2024, 3, 30)


class TestPlanCalendar:
    """What ``plan_calendar`` builds, and the names it gives."""

    def test_names_in_each_language(self) -> None:
        """A local day off is named as the plan writes it, in Vietnamese or English."""
        cal = plan_calendar(PLAN)
        assert cal.name_of(D(2024, 3, 22), "vi") == "Ngày hội địa phương"
        assert cal.name_of(D(2024, 3, 22), "en") == "Local festival day"
        assert cal.name_of(D(2024, 3, 30), "vi") is None  # a working day has no day-off name
        # National days keep the holidays package's names.
        assert cal.name_of(D(2024, 2, 14), "vi") == "Mùng năm Tết Nguyên Đán"

    def test_national_days_are_kept(self) -> None:
        """Weekends, Tết and the national make-up Saturday 4 May 2024 are as nationally."""
        cal = plan_calendar(PLAN)
        assert cal.is_day_off(D(2024, 3, 23))  # Saturday
        assert cal.is_day_off(D(2024, 2, 12))  # Mùng ba Tết
        assert not cal.is_day_off(D(2024, 5, 4))  # worked for Monday 29 April
        assert cal.is_holiday(D(2024, 3, 22))

    def test_days_off_between(self) -> None:
        """From Monday 18 to Sunday 31 March 2024 under the plan.

        Weekends 23, 24, 30, 31 March, plus the local Friday 22, less Saturday 30 (worked).
        """
        expected = (D(2024, 3, 22), D(2024, 3, 23), D(2024, 3, 24), D(2024, 3, 31))
        assert plan_calendar(PLAN).days_off_between(D(2024, 3, 18), D(2024, 3, 31)) == expected

    def test_no_local_days_is_the_national_calendar(self) -> None:
        """A plan without local days shares the national calendar."""
        assert plan_calendar(load_plan("lai-chau-2024")) is default_calendar()

    def test_cached_by_local_days(self) -> None:
        """Two plans with equal local days share one calendar."""
        again = with_calendar(days_off=(AFTER_TET, FRIDAY), working=(SATURDAY,))
        assert plan_calendar(again) is plan_calendar(PLAN)
        other = with_calendar(days_off=(FRIDAY,))
        assert plan_calendar(other) is not plan_calendar(PLAN)
        assert not plan_calendar(other).is_day_off(D(2024, 2, 15))

    def test_a_day_both_off_and_working_is_refused(self) -> None:
        """An unchecked plan that declares a day both ways cannot make a calendar."""
        both = attrs.evolve(SATURDAY, name_vi="Nghỉ", name_en="Off")
        plan = with_calendar(days_off=(both,), working=(SATURDAY,))
        with pytest.raises(ValidationError, match="2024-03-30 also declared in extra_days_off"):
            plan_calendar(plan)


class TestDayOffCalendarNames:
    """``DayOffCalendar.names_en``, and the API that was there before it."""

    def test_without_names_en_one_name_for_both(self) -> None:
        """As before: the one name given serves both languages."""
        cal = DayOffCalendar(extra_days_off={D(2024, 3, 22): "Ngày hội"})
        assert cal.name_of(D(2024, 3, 22), "en") == "Ngày hội"
        assert cal.name_of(D(2024, 3, 22), "vi") == "Ngày hội"

    def test_english_name_of_an_undeclared_day_is_refused(self) -> None:
        """``names_en`` names only local days."""
        with pytest.raises(ValidationError) as excinfo:
            DayOffCalendar(names_en={D(2024, 3, 22): "Festival"})
        assert excinfo.value.field == "names_en"

    def test_unknown_language(self) -> None:
        """Only vi and en, as before."""
        with pytest.raises(LanguageError, match="unknown language 'fr'"):
            plan_calendar(PLAN).name_of(D(2024, 3, 22), "fr")  # type: ignore[arg-type]
