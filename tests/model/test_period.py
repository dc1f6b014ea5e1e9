"""Reporting periods under the 15th-to-14th cut-off and the calendar.

Expected dates are worked out from Nghị định 09/2019/NĐ-CP, Art. 12: month = 15th of
the previous month .. 14th of the month; quarter =
15th of the month before the quarter .. 14th of its last month; first half = 15 Dec of
the previous year .. 14 Jun; second half = 15 Jun .. 14 Dec; year = 15 Dec of the
previous year .. 14 Dec. Calendar periods (Nghị định 60/2018/NĐ-CP) are the usual spans.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from threeno.errors import LanguageError, PeriodError, ThreenoError, ValidationError
from threeno.model.period import Convention, PeriodKind, ReportingPeriod

D = dt.date
CUT = Convention.CUTOFF
CAL = Convention.CALENDAR
STANDARD_KINDS = (PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.HALF_YEAR, PeriodKind.YEAR)
COUNT_PER_YEAR = {
    PeriodKind.MONTH: 12,
    PeriodKind.QUARTER: 4,
    PeriodKind.HALF_YEAR: 2,
    PeriodKind.YEAR: 1,
}

years = st.integers(min_value=1900, max_value=2200)
conventions = st.sampled_from(Convention)
standard_kinds = st.sampled_from(STANDARD_KINDS)


def build(kind: PeriodKind, year: int, index: int, convention: Convention) -> ReportingPeriod:
    """The period of ``kind`` numbered ``index`` in ``year``, by its own constructor."""
    if kind is PeriodKind.MONTH:
        return ReportingPeriod.month(year, index, convention)
    if kind is PeriodKind.QUARTER:
        return ReportingPeriod.quarter(year, index, convention)
    if kind is PeriodKind.HALF_YEAR:
        return ReportingPeriod.half_year(year, index, convention)
    return ReportingPeriod.year(year, convention)


@st.composite
def standard_periods(draw: st.DrawFn) -> ReportingPeriod:
    """A month, quarter, half-year or year of 1900..2200 under either convention."""
    kind = draw(standard_kinds)
    index = draw(st.integers(min_value=1, max_value=COUNT_PER_YEAR[kind]))
    return build(kind, draw(years), index, draw(conventions))


@st.composite
def custom_periods(draw: st.DrawFn) -> ReportingPeriod:
    """An arbitrary custom span within 1900..2200."""
    start = draw(st.dates(min_value=D(1900, 1, 1), max_value=D(2200, 12, 31)))
    length = draw(st.integers(min_value=0, max_value=800))
    return ReportingPeriod.custom(start, start + dt.timedelta(days=length), draw(conventions))


periods = st.one_of(standard_periods(), custom_periods())


class TestCutOffConstructors:
    """The constructors give the windows of Nghị định 09/2019/NĐ-CP, Art. 12."""

    @pytest.mark.parametrize(
        ("period", "start", "end"),
        [
            # Month: 15th of the previous month .. 14th; January reaches into December.
            (ReportingPeriod.month(2024, 1), D(2023, 12, 15), D(2024, 1, 14)),
            # March 2024: 15 Feb .. 14 Mar; 29 Feb (leap year) simply lies inside.
            (ReportingPeriod.month(2024, 3), D(2024, 2, 15), D(2024, 3, 14)),
            (ReportingPeriod.month(2024, 12), D(2024, 11, 15), D(2024, 12, 14)),
            # Quarter: 15th of the month before the quarter .. 14th of its last month.
            (ReportingPeriod.quarter(2024, 1), D(2023, 12, 15), D(2024, 3, 14)),
            (ReportingPeriod.quarter(2024, 2), D(2024, 3, 15), D(2024, 6, 14)),
            (ReportingPeriod.quarter(2024, 3), D(2024, 6, 15), D(2024, 9, 14)),
            (ReportingPeriod.quarter(2024, 4), D(2024, 9, 15), D(2024, 12, 14)),
            # Six months: 15 Dec of the previous year .. 14 Jun; 15 Jun .. 14 Dec.
            (ReportingPeriod.half_year(2024, 1), D(2023, 12, 15), D(2024, 6, 14)),
            (ReportingPeriod.half_year(2024, 2), D(2024, 6, 15), D(2024, 12, 14)),
            # Year: 15 Dec of the previous year .. 14 Dec.
            (ReportingPeriod.year(2024), D(2023, 12, 15), D(2024, 12, 14)),
            # The police publish "năm 2020 (15/12/2019–14/12/2020)".
            (ReportingPeriod.year(2020), D(2019, 12, 15), D(2020, 12, 14)),
        ],
    )
    def test_windows(self, period: ReportingPeriod, start: dt.date, end: dt.date) -> None:
        """Each window starts and ends where the decree says."""
        expected = (start, end, CUT)
        actual = (period.start, period.end, period.convention)
        assert expected == actual

    def test_cutoff_is_the_default(self) -> None:
        """The plan's convention, the cut-off, is the default of every constructor."""
        assert ReportingPeriod.half_year(2024, 1) == ReportingPeriod.half_year(2024, 1, CUT)


class TestCalendarConstructors:
    """Calendar periods (Nghị định 60/2018/NĐ-CP) are the ordinary spans."""

    @pytest.mark.parametrize(
        ("period", "start", "end"),
        [
            (ReportingPeriod.month(2024, 1, CAL), D(2024, 1, 1), D(2024, 1, 31)),
            # 2024 is a leap year (divisible by 4, not by 100): February has 29 days.
            (ReportingPeriod.month(2024, 2, CAL), D(2024, 2, 1), D(2024, 2, 29)),
            (ReportingPeriod.month(2023, 2, CAL), D(2023, 2, 1), D(2023, 2, 28)),
            # 2100 is divisible by 100 and not by 400: not a leap year.
            (ReportingPeriod.month(2100, 2, CAL), D(2100, 2, 1), D(2100, 2, 28)),
            (ReportingPeriod.month(2024, 4, CAL), D(2024, 4, 1), D(2024, 4, 30)),
            (ReportingPeriod.quarter(2024, 1, CAL), D(2024, 1, 1), D(2024, 3, 31)),
            (ReportingPeriod.quarter(2024, 2, CAL), D(2024, 4, 1), D(2024, 6, 30)),
            (ReportingPeriod.quarter(2024, 3, CAL), D(2024, 7, 1), D(2024, 9, 30)),
            (ReportingPeriod.quarter(2024, 4, CAL), D(2024, 10, 1), D(2024, 12, 31)),
            # Six months = 1 January .. 30 June (Nghị định 60/2018/NĐ-CP).
            (ReportingPeriod.half_year(2024, 1, CAL), D(2024, 1, 1), D(2024, 6, 30)),
            (ReportingPeriod.half_year(2024, 2, CAL), D(2024, 7, 1), D(2024, 12, 31)),
            (ReportingPeriod.year(2024, CAL), D(2024, 1, 1), D(2024, 12, 31)),
        ],
    )
    def test_windows(self, period: ReportingPeriod, start: dt.date, end: dt.date) -> None:
        """Each calendar window starts on the 1st and ends on the month's last day."""
        expected = (start, end, CAL)
        actual = (period.start, period.end, period.convention)
        assert expected == actual


class TestConstructorErrors:
    """Bad arguments raise a PeriodError saying what is expected."""

    @pytest.mark.parametrize(
        ("make", "message"),
        [
            (lambda: ReportingPeriod.month(2024, 13), "month must be a whole number from 1 to 12"),
            (lambda: ReportingPeriod.month(2024, 0), "month must be a whole number from 1 to 12"),
            (
                lambda: ReportingPeriod.quarter(2024, 5),
                "quarter must be a whole number from 1 to 4",
            ),
            (lambda: ReportingPeriod.half_year(2024, 3), "half must be a whole number from 1 to 2"),
            (lambda: ReportingPeriod.half_year(2024, h=True), "half must be a whole number"),
            (lambda: ReportingPeriod.year("2024"), "year must be a whole number"),  # type: ignore[arg-type]
            (lambda: ReportingPeriod.year(10_000), "year must be a whole number"),
            # Under the cut-off, year 1 would start on 15 December of year 0.
            (lambda: ReportingPeriod.year(1), "outside the dates Python can hold"),
            (lambda: ReportingPeriod.year(2024, "calendar"), "convention must be a Convention"),  # type: ignore[arg-type]
            (
                lambda: ReportingPeriod.custom(D(2024, 3, 1), D(2024, 2, 1)),
                "2024-02-01 is before start 2024-03-01",
            ),
            (lambda: ReportingPeriod.custom("2024-01-01", D(2024, 2, 1)), "start: must be a date"),  # type: ignore[arg-type]
        ],
    )
    def test_errors(self, make: object, message: str) -> None:
        """Each bad argument is named in the message."""
        with pytest.raises(PeriodError, match=message):
            make()  # type: ignore[operator]  # the lambdas of the table

    def test_period_error_is_a_threeno_error(self) -> None:
        """Callers catch one class for every bad input."""
        assert issubclass(PeriodError, ThreenoError)


class TestValidation:
    """The class itself refuses dates that do not match its kind."""

    def test_end_before_start(self) -> None:
        """An end before the start is a ValidationError naming the field."""
        with pytest.raises(ValidationError) as info:
            ReportingPeriod(
                start=D(2024, 2, 1), end=D(2024, 1, 1), kind=PeriodKind.CUSTOM, convention=CUT
            )
        expected = ("ReportingPeriod", "end")
        actual = (info.value.cls_name, info.value.field)
        assert expected == actual

    def test_calendar_dates_labelled_cutoff(self) -> None:
        """A calendar January labelled as a cut-off month is refused, with the right span."""
        with pytest.raises(ValidationError, match=r"runs 2023-12-15\.\.2024-01-14"):
            ReportingPeriod(
                start=D(2024, 1, 1), end=D(2024, 1, 31), kind=PeriodKind.MONTH, convention=CUT
            )

    def test_wrong_end(self) -> None:
        """A half-year ending on the wrong day is refused, naming the end."""
        with pytest.raises(ValidationError) as info:
            ReportingPeriod(
                start=D(2023, 12, 15),
                end=D(2024, 6, 15),
                kind=PeriodKind.HALF_YEAR,
                convention=CUT,
            )
        expected = "end"
        actual = info.value.field
        assert expected == actual

    @pytest.mark.parametrize(
        ("field", "changes"),
        [
            ("kind", {"kind": "month"}),
            ("convention", {"convention": "calendar"}),
            ("start", {"start": "2024-01-01"}),
            ("end", {"end": dt.datetime(2024, 1, 31, tzinfo=dt.UTC)}),
        ],
    )
    def test_bad_types(self, field: str, changes: dict[str, object]) -> None:
        """A slug instead of an enum member, or a text or datetime, is refused."""
        fields: dict[str, object] = {
            "start": D(2024, 1, 1),
            "end": D(2024, 1, 31),
            "kind": PeriodKind.CUSTOM,
            "convention": CAL,
        }
        fields.update(changes)
        with pytest.raises(ValidationError) as info:
            ReportingPeriod(**fields)  # type: ignore[arg-type]  # the point is bad input
        assert field == info.value.field


class TestParseAndStr:
    """parse reads what str writes."""

    @pytest.mark.parametrize(
        ("text", "kind", "start", "end"),
        [
            ("2024", PeriodKind.YEAR, D(2023, 12, 15), D(2024, 12, 14)),
            ("2024-H1", PeriodKind.HALF_YEAR, D(2023, 12, 15), D(2024, 6, 14)),
            ("2024-H2", PeriodKind.HALF_YEAR, D(2024, 6, 15), D(2024, 12, 14)),
            ("2024-Q2", PeriodKind.QUARTER, D(2024, 3, 15), D(2024, 6, 14)),
            ("2024-05", PeriodKind.MONTH, D(2024, 4, 15), D(2024, 5, 14)),
            ("2024-01-01..2024-03-31", PeriodKind.CUSTOM, D(2024, 1, 1), D(2024, 3, 31)),
            ("2024-03-02..2024-03-02", PeriodKind.CUSTOM, D(2024, 3, 2), D(2024, 3, 2)),
        ],
    )
    def test_parse_cutoff(self, text: str, kind: PeriodKind, start: dt.date, end: dt.date) -> None:
        """Each form gives the cut-off window by default, and str gives the text back."""
        period = ReportingPeriod.parse(text)
        expected = (kind, start, end, text)
        actual = (period.kind, period.start, period.end, str(period))
        assert expected == actual

    def test_parse_calendar(self) -> None:
        """The convention argument picks calendar spans."""
        period = ReportingPeriod.parse("2024-H1", CAL)
        expected = (D(2024, 1, 1), D(2024, 6, 30))
        actual = (period.start, period.end)
        assert expected == actual

    @pytest.mark.parametrize(
        "text",
        [
            "2024-H3",
            "2024-Q0",
            "2024-13",
            "2024-5",  # months have two digits
            "2024-h1",  # the letters are capitals, as str writes them
            " 2024",
            "24",
            "2024-01-01-2024-03-31",
            "2024-02-30..2024-03-01",  # no 30 February
            "2024-03-01..2024-02-01",  # end before start
            "adhoc:2024-03-02",  # a report submission's period, not a ReportingPeriod
            "",
        ],
    )
    def test_parse_errors(self, text: str) -> None:
        """Anything else is a PeriodError quoting the text."""
        with pytest.raises(PeriodError, match=f"period {text!r}"):
            ReportingPeriod.parse(text)

    def test_parse_not_text(self) -> None:
        """A number is not a period."""
        with pytest.raises(PeriodError, match="must be text"):
            ReportingPeriod.parse(2024)  # type: ignore[arg-type]  # the point is bad input

    def test_unknown_form_lists_the_forms(self) -> None:
        """The message lists every form a clerk may type."""
        with pytest.raises(PeriodError, match=r'"2024-H1" \(half-year\)'):
            ReportingPeriod.parse("H1 2024")

    @given(periods)
    def test_round_trip(self, period: ReportingPeriod) -> None:
        """parse(str(p), p.convention) == p for every period."""
        assert period == ReportingPeriod.parse(str(period), period.convention)


class TestProperties:
    """days, index, year_number, contains."""

    @pytest.mark.parametrize(
        ("period", "days"),
        [
            # 15 Dec 2023 .. 14 Jun 2024: 17 (Dec) + 31 + 29 + 31 + 30 + 31 + 14 = 183.
            (ReportingPeriod.half_year(2024, 1), 183),
            # 1 Jan .. 30 Jun 2024: 31 + 29 + 31 + 30 + 31 + 30 = 182.
            (ReportingPeriod.half_year(2024, 1, CAL), 182),
            # 15 Dec 2023 .. 14 Dec 2024 holds 29 Feb 2024: 366 days.
            (ReportingPeriod.year(2024), 366),
            # 15 Dec 2024 .. 14 Dec 2025 holds no 29 February: 365 days.
            (ReportingPeriod.year(2025), 365),
            # 15 Feb .. 14 Mar 2024: 15 (15..29 Feb) + 14 = 29.
            (ReportingPeriod.month(2024, 3), 29),
            (ReportingPeriod.custom(D(2024, 3, 2), D(2024, 3, 2)), 1),
        ],
    )
    def test_days(self, period: ReportingPeriod, days: int) -> None:
        """The day count includes both ends."""
        assert days == period.days

    @pytest.mark.parametrize(
        ("period", "year_number", "index"),
        [
            # The January window starts in December: its year is the year it ends in.
            (ReportingPeriod.month(2024, 1), 2024, 1),
            (ReportingPeriod.quarter(2024, 3), 2024, 3),
            (ReportingPeriod.half_year(2024, 2), 2024, 2),
            (ReportingPeriod.year(2024), 2024, 1),
            (ReportingPeriod.custom(D(2024, 1, 1), D(2024, 2, 1)), None, None),
        ],
    )
    def test_year_and_index(
        self, period: ReportingPeriod, year_number: int | None, index: int | None
    ) -> None:
        """year_number and index name the period; a custom period has neither."""
        expected = (year_number, index)
        actual = (period.year_number, period.index)
        assert expected == actual

    @pytest.mark.parametrize(
        ("day", "inside"),
        [
            (D(2023, 12, 14), False),  # the day before the first half of 2024
            (D(2023, 12, 15), True),  # its first day
            (D(2024, 6, 14), True),  # its last day: both ends are inclusive
            (D(2024, 6, 15), False),  # the second half's first day
        ],
    )
    def test_contains_boundaries(self, day: dt.date, inside: bool) -> None:
        """Both `contains` and `in` include both ends of the cut-off half-year."""
        period = ReportingPeriod.half_year(2024, 1)
        expected = (inside, inside)
        actual = (period.contains(day), day in period)
        assert expected == actual

    @pytest.mark.parametrize("day", ["2024-01-01", None, dt.datetime(2024, 1, 1, tzinfo=dt.UTC)])
    def test_contains_non_dates(self, day: object) -> None:
        """A non-date is a PeriodError, both ways of asking."""
        period = ReportingPeriod.year(2024)
        with pytest.raises(PeriodError, match="can only hold dates"):
            period.contains(day)  # type: ignore[arg-type]  # the point is bad input
        with pytest.raises(PeriodError, match="can only hold dates"):
            _ = day in period

    @given(periods, st.dates(min_value=D(1899, 1, 1), max_value=D(2203, 12, 31)))
    def test_contains_agrees_with_bounds(self, period: ReportingPeriod, day: dt.date) -> None:
        """contains(d) and `d in p` are start <= d <= end."""
        expected = period.start <= day <= period.end
        assert expected == period.contains(day)
        assert expected == (day in period)


class TestLabel:
    """Headings for reports, in Vietnamese and English."""

    @pytest.mark.parametrize(
        ("period", "vi", "en"),
        [
            (
                ReportingPeriod.half_year(2024, 1),
                "6 tháng đầu năm 2024 (15/12/2023 – 14/06/2024)",
                "first half of 2024 (15/12/2023 – 14/06/2024)",
            ),
            (
                ReportingPeriod.half_year(2024, 2, CAL),
                "6 tháng cuối năm 2024 (01/07/2024 – 31/12/2024)",
                "second half of 2024 (01/07/2024 – 31/12/2024)",
            ),
            (
                ReportingPeriod.year(2020),
                # As the police write it: "năm 2020 (15/12/2019–14/12/2020)".
                "năm 2020 (15/12/2019 – 14/12/2020)",
                "year 2020 (15/12/2019 – 14/12/2020)",
            ),
            (
                ReportingPeriod.quarter(2024, 4),
                "quý IV năm 2024 (15/09/2024 – 14/12/2024)",
                "Q4 2024 (15/09/2024 – 14/12/2024)",
            ),
            (
                ReportingPeriod.month(2024, 1),
                "tháng 1 năm 2024 (15/12/2023 – 14/01/2024)",
                "January 2024 (15/12/2023 – 14/01/2024)",
            ),
            (
                ReportingPeriod.custom(D(2024, 3, 2), D(2024, 3, 2)),
                "kỳ báo cáo (02/03/2024 – 02/03/2024)",
                "period (02/03/2024 – 02/03/2024)",
            ),
        ],
    )
    def test_labels(self, period: ReportingPeriod, vi: str, en: str) -> None:
        """Both languages write dd/mm/yyyy with leading zeros (Nghị định 30/2020/NĐ-CP)."""
        expected = (vi, vi, en)
        actual = (period.label(), period.label("vi"), period.label("en"))
        assert expected == actual

    def test_unknown_language(self) -> None:
        """Only vi and en exist."""
        with pytest.raises(LanguageError, match="unknown language 'fr'"):
            ReportingPeriod.year(2024).label("fr")  # type: ignore[arg-type]


class TestContaining:
    """containing finds the window a day falls in."""

    @pytest.mark.parametrize(
        ("kind", "day", "convention", "text"),
        [
            # Cut-off: 14 June is the last day of the first half, 15 June the first of the second.
            (PeriodKind.HALF_YEAR, D(2024, 6, 14), CUT, "2024-H1"),
            (PeriodKind.HALF_YEAR, D(2024, 6, 15), CUT, "2024-H2"),
            # From 15 December the data count for the next year.
            (PeriodKind.YEAR, D(2024, 12, 14), CUT, "2024"),
            (PeriodKind.YEAR, D(2024, 12, 15), CUT, "2025"),
            (PeriodKind.MONTH, D(2024, 12, 31), CUT, "2025-01"),
            (PeriodKind.QUARTER, D(2024, 3, 15), CUT, "2024-Q2"),
            # Calendar: the obvious spans.
            (PeriodKind.YEAR, D(2024, 12, 15), CAL, "2024"),
            (PeriodKind.QUARTER, D(2024, 3, 31), CAL, "2024-Q1"),
            (PeriodKind.MONTH, D(2024, 2, 29), CAL, "2024-02"),
        ],
    )
    def test_cases(self, kind: PeriodKind, day: dt.date, convention: Convention, text: str) -> None:
        """Each day lands in the window the decree gives it."""
        assert text == str(ReportingPeriod.containing(kind, day, convention))

    @pytest.mark.parametrize(
        ("kind", "day"),
        [
            (PeriodKind.CUSTOM, D(2024, 1, 1)),
            ("year", D(2024, 1, 1)),
            (PeriodKind.YEAR, "2024-01-01"),
            (PeriodKind.YEAR, dt.datetime(2024, 1, 1, tzinfo=dt.UTC)),
        ],
    )
    def test_errors(self, kind: object, day: object) -> None:
        """A custom kind has no windows; the day must be a date."""
        with pytest.raises(PeriodError):
            ReportingPeriod.containing(kind, day)  # type: ignore[arg-type]  # the point is bad input

    @given(standard_kinds, st.dates(min_value=D(1900, 1, 1), max_value=D(2200, 12, 1)), conventions)
    def test_the_day_is_inside(
        self, kind: PeriodKind, day: dt.date, convention: Convention
    ) -> None:
        """The period found holds the day, and its neighbours do not."""
        period = ReportingPeriod.containing(kind, day, convention)
        expected = (True, False, False)
        actual = (day in period, day in period.previous(), day in period.next())
        assert expected == actual


class TestNextPrevious:
    """next and previous step through adjacent windows."""

    @pytest.mark.parametrize(
        ("period", "following"),
        [
            # The second half of 2024 is followed by the first half of 2025:
            # 15 Dec 2024 .. 14 Jun 2025.
            (ReportingPeriod.half_year(2024, 2), ReportingPeriod.half_year(2025, 1)),
            (ReportingPeriod.month(2023, 12), ReportingPeriod.month(2024, 1)),
            (ReportingPeriod.quarter(2024, 4, CAL), ReportingPeriod.quarter(2025, 1, CAL)),
            (ReportingPeriod.year(2024), ReportingPeriod.year(2025)),
            # A custom span of 10 days: the next 10 days.
            (
                ReportingPeriod.custom(D(2024, 1, 1), D(2024, 1, 10)),
                ReportingPeriod.custom(D(2024, 1, 11), D(2024, 1, 20)),
            ),
        ],
    )
    def test_next(self, period: ReportingPeriod, following: ReportingPeriod) -> None:
        """The next period is the adjacent window of the same kind and convention."""
        assert following == period.next()
        assert period == following.previous()

    def test_beyond_python_dates(self) -> None:
        """Stepping past year 9999 is a PeriodError."""
        with pytest.raises(PeriodError, match="no month after 9999-12"):
            ReportingPeriod.month(9999, 12).next()
        with pytest.raises(PeriodError, match="no custom period"):
            ReportingPeriod.custom(D(9999, 12, 1), D(9999, 12, 31)).next()

    @given(periods)
    def test_next_then_previous(self, period: ReportingPeriod) -> None:
        """p.next().previous() == p and p.previous().next() == p."""
        assert period == period.next().previous()
        assert period == period.previous().next()

    @given(periods)
    def test_adjacent(self, period: ReportingPeriod) -> None:
        """No gap and no overlap between a period and the next."""
        assert period.end + dt.timedelta(days=1) == period.next().start


class TestPartition:
    """The periods of one kind tile a year without gap or overlap."""

    @given(standard_kinds, years, conventions)
    def test_partition(self, kind: PeriodKind, year: int, convention: Convention) -> None:
        """Built one by one, the periods of a kind cover exactly the year's window."""
        # The year's window, by hand from the two conventions.
        if convention is CUT:
            year_start, year_end = D(year - 1, 12, 15), D(year, 12, 14)
        else:
            year_start, year_end = D(year, 1, 1), D(year, 12, 31)
        parts = [build(kind, year, i, convention) for i in range(1, COUNT_PER_YEAR[kind] + 1)]
        assert year_start == parts[0].start
        assert year_end == parts[-1].end
        for before, after in itertools.pairwise(parts):
            assert dt.timedelta(days=1) == after.start - before.end
        assert (year_end - year_start).days + 1 == sum(p.days for p in parts)

    @given(years, conventions)
    def test_years_follow_each_other(self, year: int, convention: Convention) -> None:
        """Consecutive years leave no gap: 14 Dec is followed by 15 Dec under the cut-off."""
        this, following = (
            ReportingPeriod.year(year, convention),
            ReportingPeriod.year(year + 1, convention),
        )
        assert dt.timedelta(days=1) == following.start - this.end


class TestSplit:
    """split cuts a period into shorter ones."""

    @pytest.mark.parametrize(
        ("period", "kind", "texts"),
        [
            (ReportingPeriod.year(2024), PeriodKind.HALF_YEAR, ["2024-H1", "2024-H2"]),
            (
                ReportingPeriod.year(2024),
                PeriodKind.QUARTER,
                ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"],
            ),
            (ReportingPeriod.half_year(2024, 2), PeriodKind.QUARTER, ["2024-Q3", "2024-Q4"]),
            (
                ReportingPeriod.half_year(2024, 2),
                PeriodKind.MONTH,
                ["2024-07", "2024-08", "2024-09", "2024-10", "2024-11", "2024-12"],
            ),
            (ReportingPeriod.quarter(2024, 1), PeriodKind.MONTH, ["2024-01", "2024-02", "2024-03"]),
            (ReportingPeriod.quarter(2024, 1), PeriodKind.QUARTER, ["2024-Q1"]),
        ],
    )
    def test_split(self, period: ReportingPeriod, kind: PeriodKind, texts: list[str]) -> None:
        """The parts are the named periods, in order, under the same convention."""
        parts = period.split(kind)
        assert texts == [str(p) for p in parts]
        assert {period.convention} == {p.convention for p in parts}

    @pytest.mark.parametrize(
        ("period", "kind"),
        [
            (ReportingPeriod.month(2024, 1), PeriodKind.YEAR),  # longer
            (ReportingPeriod.quarter(2024, 1), PeriodKind.HALF_YEAR),  # a quarter holds no half
            (ReportingPeriod.year(2024), PeriodKind.CUSTOM),
            (ReportingPeriod.custom(D(2024, 1, 1), D(2024, 12, 31)), PeriodKind.MONTH),
        ],
    )
    def test_impossible(self, period: ReportingPeriod, kind: PeriodKind) -> None:
        """A shorter period cannot be split into longer ones; custom spans do not split."""
        with pytest.raises(PeriodError, match="cannot split"):
            period.split(kind)

    @given(standard_periods(), standard_kinds)
    def test_parts_tile_the_period(self, period: ReportingPeriod, kind: PeriodKind) -> None:
        """Where a split is possible, the parts cover the period exactly."""
        if kind.months is None or period.kind.months is None or kind.months > period.kind.months:
            return
        parts = period.split(kind)
        assert period.start == parts[0].start
        assert period.end == parts[-1].end
        assert period.days == sum(p.days for p in parts)


class TestOrdering:
    """Periods sort by start, then end."""

    def test_sorted(self) -> None:
        """The year starts with H1 but ends later, so H1 sorts first; H2 starts later still."""
        year, h1, h2 = (
            ReportingPeriod.year(2024),
            ReportingPeriod.half_year(2024, 1),
            ReportingPeriod.half_year(2024, 2),
        )
        assert [h1, year, h2] == sorted([h2, year, h1])

    def test_same_dates_different_kinds(self) -> None:
        """Equal dates of different kinds still compare, without raising."""
        h1 = ReportingPeriod.half_year(2024, 1)
        custom = ReportingPeriod.custom(h1.start, h1.end)
        assert h1 != custom
        assert (custom < h1) != (h1 < custom)
