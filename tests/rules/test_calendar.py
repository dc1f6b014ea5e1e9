"""Tests for the day-off calendar (Bộ luật Tố tụng hình sự 2015, Art. 134(1)).

Dates were worked out by hand from the government's announced days off; weekdays were
checked against a printed calendar (2024-03-01 is a Friday, 2024-02-14 a Wednesday).
"""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from threeno.errors import LanguageError, RulesError, ValidationError
from threeno.model.sources import cite
from threeno.rules.calendar import (
    PLAN_ZONE,
    SOURCES,
    DayOffCalendar,
    default_calendar,
    local_date,
    today,
)

D = dt.date
NATIONAL = DayOffCalendar()

# (day, is it off?, English name, Vietnamese name, reasoning)
DAYS = [
    # 2024-03-05 is a Tuesday with no holiday: a working day, no name.
    (D(2024, 3, 5), False, None, None),
    # 2024-03-09 is a Saturday (2024-03-01 is a Friday): the weekly day off.
    (D(2024, 3, 9), True, "Saturday", "Thứ Bảy"),
    # 2024-03-10 is the Sunday after it.
    (D(2024, 3, 10), True, "Sunday", "Chủ nhật"),
    # New Year's Day 2024 fell on a Monday (Bộ luật Lao động 2019, Art. 112(1)(a)).
    (D(2024, 1, 1), True, "New Year's Day", "Tết Dương lịch"),
    # Tết Giáp Thìn: days off from Thursday 8 to Wednesday 14 February 2024; the 14th is
    # the 5th day of the first lunar month.
    (D(2024, 2, 8), True, "29 of Lunar New Year", "29 Tết"),
    (D(2024, 2, 14), True, "Fifth Day of Lunar New Year", "Mùng năm Tết Nguyên Đán"),
    # Thursday 15 February 2024: back at work after Tết.
    (D(2024, 2, 15), False, None, None),
    # A Saturday inside Tết is named after the holiday, not the weekday.
    (D(2024, 2, 10), True, "Lunar New Year", "Tết Nguyên Đán"),
    # Hùng Kings' day, the 10th of the 3rd lunar month, was Thursday 18 April 2024.
    (D(2024, 4, 18), True, "Hung Kings' Commemoration Day", "Ngày Giỗ Tổ Hùng Vương"),
    # Monday 29 April 2024 was given off in exchange for working Saturday 4 May ("làm bù").
    (
        D(2024, 4, 29),
        True,
        "Day off (substituted from 05/04/2024)",
        "Ngày nghỉ (thay cho ngày 04/05/2024)",
    ),
    (D(2024, 5, 4), False, None, None),
    # National Day 2024: Monday 2 and Tuesday 3 September.
    (D(2024, 9, 3), True, "National Day", "Quốc khánh"),
    # Across a year's end: Monday 31 December 2018 was off, Saturday 5 January 2019 worked.
    (D(2018, 12, 31), True, "Day off (substituted from 01/05/2019)", None),
    (D(2019, 1, 5), False, None, None),
]


class TestIsDayOff:
    """DayOffCalendar.is_day_off and name_of on the national calendar."""

    @pytest.mark.parametrize(("day", "off", "en", "vi"), DAYS)
    def test_national_days(self, day: dt.date, off: bool, en: str | None, vi: str | None) -> None:
        """Weekends, Tết, substituted and make-up days are as the government announced."""
        assert off == NATIONAL.is_day_off(day)
        assert en == NATIONAL.name_of(day, "en")
        if vi is not None or not off:
            assert vi == NATIONAL.name_of(day, "vi")

    def test_default_language_is_english(self) -> None:
        """name_of speaks English unless asked otherwise, like Deadline.explain."""
        expected = "Saturday"
        assert expected == NATIONAL.name_of(D(2024, 3, 9))

    def test_vietnamese_names_are_nfc(self) -> None:
        """Vietnamese names come out in NFC."""
        name = NATIONAL.name_of(D(2024, 2, 14), "vi")
        assert name is not None
        assert unicodedata.normalize("NFC", name) == name

    def test_make_up_saturday_can_be_ignored(self) -> None:
        """weekend_workdays=False treats Saturday 4 May 2024 as the Saturday it is."""
        calendar = DayOffCalendar(weekend_workdays=False)
        assert calendar.is_day_off(D(2024, 5, 4))
        expected = "Saturday"
        assert expected == calendar.name_of(D(2024, 5, 4))

    def test_is_holiday_distinguishes_weekends(self) -> None:
        """A plain Saturday is off but no holiday; a day of Tết is a holiday."""
        assert not NATIONAL.is_holiday(D(2024, 3, 9))
        assert NATIONAL.is_holiday(D(2024, 2, 10))
        assert not NATIONAL.is_holiday(D(2024, 3, 5))

    def test_datetime_refused(self) -> None:
        """A datetime would never match a day off: it is refused, not silently missed."""
        with pytest.raises(RulesError, match="must be a date"):
            NATIONAL.is_day_off(dt.datetime(2024, 2, 14, 9, 0, tzinfo=dt.UTC))

    def test_text_refused(self) -> None:
        """An ISO string is not a date."""
        with pytest.raises(RulesError, match="not str"):
            NATIONAL.is_day_off("2024-02-14")  # type: ignore[arg-type]

    def test_unknown_language(self) -> None:
        """Only 'vi' and 'en' exist."""
        with pytest.raises(LanguageError, match="'fr'"):
            NATIONAL.name_of(D(2024, 3, 9), "fr")  # type: ignore[arg-type]


class TestWorkingDays:
    """working_day_on_or_after, next_working_day and days_off_between."""

    @pytest.mark.parametrize(
        ("day", "expected"),
        [
            # A working Tuesday is its own answer.
            (D(2024, 3, 5), D(2024, 3, 5)),
            # Sunday 24 March 2024 gives way to Monday 25 March.
            (D(2024, 3, 24), D(2024, 3, 25)),
            # Wednesday 14 February 2024, the last day of Tết, gives way to Thursday 15th.
            (D(2024, 2, 14), D(2024, 2, 15)),
            # Saturday 27 April 2024 starts five days off (27, 28, 29 substituted, 30 April,
            # 1 May): the first working day is Thursday 2 May.
            (D(2024, 4, 27), D(2024, 5, 2)),
            # Tết 2025: Saturday 25 January to Sunday 2 February off; Monday 3 February works.
            (D(2025, 1, 25), D(2025, 2, 3)),
        ],
    )
    def test_on_or_after(self, day: dt.date, expected: dt.date) -> None:
        """Art. 134(1): the first working day on or after a last day."""
        assert expected == NATIONAL.working_day_on_or_after(day)

    def test_next_is_strictly_after(self) -> None:
        """next_working_day skips the day itself: Tuesday 5 March 2024 -> Wednesday 6 March."""
        assert D(2024, 3, 6) == NATIONAL.next_working_day(D(2024, 3, 5))

    def test_next_skips_tet(self) -> None:
        """From Wednesday 7 February 2024 the next working day is after Tết: 15 February."""
        assert D(2024, 2, 15) == NATIONAL.next_working_day(D(2024, 2, 7))

    def test_days_off_between(self) -> None:
        """7 to 19 February 2024: Tết 8-14 (seven days) and the weekend of 17-18."""
        expected = (
            *(D(2024, 2, d) for d in range(8, 15)),
            D(2024, 2, 17),
            D(2024, 2, 18),
        )
        assert expected == NATIONAL.days_off_between(D(2024, 2, 7), D(2024, 2, 19))

    def test_days_off_between_empty(self) -> None:
        """A span whose end comes before its start holds no day."""
        expected: tuple[dt.date, ...] = ()
        assert expected == NATIONAL.days_off_between(D(2024, 2, 19), D(2024, 2, 7))


class TestLocalDays:
    """A plan's own days off and working days."""

    LOCAL = DayOffCalendar(
        extra_days_off={D(2024, 3, 26): "Ngày hội văn hóa địa phương (ví dụ)"},
        extra_working_days={D(2024, 3, 9): "Làm bù (ví dụ)"},
    )

    def test_local_day_off(self) -> None:
        """Tuesday 26 March 2024, declared off by the plan, is off and named as the plan says."""
        assert self.LOCAL.is_day_off(D(2024, 3, 26))
        assert self.LOCAL.is_holiday(D(2024, 3, 26))
        expected = "Ngày hội văn hóa địa phương (ví dụ)"
        assert expected == self.LOCAL.name_of(D(2024, 3, 26), "en")
        assert D(2024, 3, 27) == self.LOCAL.working_day_on_or_after(D(2024, 3, 26))

    def test_local_working_day(self) -> None:
        """Saturday 9 March 2024, declared a working day, is not off."""
        assert not self.LOCAL.is_day_off(D(2024, 3, 9))
        assert self.LOCAL.name_of(D(2024, 3, 9)) is None

    def test_the_national_calendar_is_untouched(self) -> None:
        """Local days belong to the plan's calendar only."""
        assert not NATIONAL.is_day_off(D(2024, 3, 26))
        assert NATIONAL != self.LOCAL

    def test_names_stored_nfc(self) -> None:
        """A name given decomposed (NFD) is stored composed (NFC)."""
        nfd = unicodedata.normalize("NFD", "Lễ hội")
        calendar = DayOffCalendar(extra_days_off={D(2024, 3, 26): nfd})
        expected = "Lễ hội"
        assert expected == calendar.name_of(D(2024, 3, 26))

    def test_day_both_off_and_working(self) -> None:
        """A plan must say whether a day is off or worked, not both."""
        with pytest.raises(ValidationError, match=r"DayOffCalendar\.extra_working_days"):
            DayOffCalendar(
                extra_days_off={D(2024, 3, 26): "off"},
                extra_working_days={D(2024, 3, 26): "worked"},
            )

    def test_key_not_a_date(self) -> None:
        """Keys are dates, not text."""
        with pytest.raises(ValidationError, match=r"DayOffCalendar\.extra_days_off"):
            DayOffCalendar(extra_days_off={"2024-03-26": "off"})

    def test_key_a_datetime(self) -> None:
        """A time of day has no place in a day off."""
        with pytest.raises(ValidationError, match="not datetime"):
            DayOffCalendar(extra_days_off={dt.datetime(2024, 3, 26, tzinfo=dt.UTC): "off"})

    def test_empty_name(self) -> None:
        """Every local day off says why."""
        with pytest.raises(ValidationError, match="needs a name"):
            DayOffCalendar(extra_days_off={D(2024, 3, 26): "  "})

    def test_not_a_mapping(self) -> None:
        """A list of dates has no names."""
        with pytest.raises(ValidationError, match="must map dates to names"):
            DayOffCalendar(extra_days_off=[D(2024, 3, 26)])


class TestDefaultCalendar:
    """default_calendar() and the plan's zone."""

    def test_shared(self) -> None:
        """The default calendar is built once and shared."""
        assert default_calendar() is default_calendar()
        assert DayOffCalendar() == default_calendar()

    def test_local_date_crosses_midnight(self) -> None:
        """23:30 UTC on 25 January is 06:30 on 26 January in Vietnam (UTC+7)."""
        assert D(2024, 1, 26) == local_date(dt.datetime(2024, 1, 25, 23, 30, tzinfo=dt.UTC))

    def test_local_date_with_offset(self) -> None:
        """An instant already at +07:00 keeps its date."""
        plus7 = dt.timezone(dt.timedelta(hours=7))
        assert D(2024, 1, 25) == local_date(dt.datetime(2024, 1, 25, 23, 30, tzinfo=plus7))

    def test_local_date_naive(self) -> None:
        """A naive datetime has no date in Vietnam."""
        with pytest.raises(RulesError, match="offset"):
            local_date(dt.datetime(2024, 1, 25, 23, 30))  # noqa: DTZ001 - the point of the test

    def test_local_date_of_a_date(self) -> None:
        """A date is not an instant."""
        with pytest.raises(RulesError, match="not date"):
            local_date(D(2024, 1, 25))  # type: ignore[arg-type]

    def test_today_is_a_plain_date(self) -> None:
        """today() gives a plain date, not a pendulum one, in the plan's zone."""
        expected = "Asia/Ho_Chi_Minh"
        assert expected == PLAN_ZONE
        assert type(today()) is dt.date


days = st.dates(min_value=D(2012, 1, 1), max_value=D(2030, 12, 31))


class TestProperties:
    """Properties of any calendar, over 2012-2030."""

    @given(day=days)
    def test_on_or_after_is_a_working_day(self, day: dt.date) -> None:
        """The answer is a working day, not before the day, with only days off between."""
        answer = NATIONAL.working_day_on_or_after(day)
        assert not NATIONAL.is_day_off(answer)
        assert answer >= day
        between = NATIONAL.days_off_between(day, answer - dt.timedelta(days=1))
        assert (answer - day).days == len(between)

    @given(day=days)
    def test_weekends_are_off_unless_made_working(self, day: dt.date) -> None:
        """Every Saturday and Sunday is off, but for the package's make-up Saturdays."""
        if day.weekday() >= 5:
            strict = DayOffCalendar(weekend_workdays=False)
            assert strict.is_day_off(day)

    @given(day=days)
    def test_names_exactly_for_days_off(self, day: dt.date) -> None:
        """A day has a name exactly when it is off."""
        assert NATIONAL.is_day_off(day) == (NATIONAL.name_of(day) is not None)


def test_sources() -> None:
    """The days off rest on Art. 134(1), the Labour Code's Art. 112 and Decision 188/1999."""
    expected = (
        "khoản 1 Điều 134 Bộ luật Tố tụng hình sự 2015; Điều 112 Bộ luật Lao động 2019; "
        "Quyết định 188/1999/QĐ-TTg"
    )
    assert expected == cite(SOURCES, "vi")


@pytest.mark.parametrize("language", ["vi", "en_US"])
def test_vietnam_alone_lists_what_the_package_lists(language: str) -> None:
    """The class loaded by itself gives the days, names and make-up Saturdays of ``VN``.

    The calendar loads Vietnam's module without the package's other countries; what it
    lists must be what ``holidays.country_holidays("VN")`` lists, for each year the plans
    reach (2019 to 2027) and both languages.
    """
    import holidays  # noqa: PLC0415 - the package compared against

    from threeno.rules.calendar import _vietnam  # noqa: PLC0415 - the loader under test

    years = range(2019, 2028)
    alone = _vietnam()(years=years, language=language)
    package = holidays.country_holidays("VN", years=years, language=language)
    assert dict(alone) == dict(package)
    assert set(alone.weekend_workdays) == set(package.weekend_workdays)
    assert D(2024, 2, 10) in alone  # Tết 2024 (Mùng 1), by hand
