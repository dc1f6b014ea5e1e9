"""Due dates and the latest complete period (Nghị định 09/2019/NĐ-CP, Art. 12; plan IV.2)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from threeno.errors import RulesError
from threeno.model.period import Convention, PeriodKind, ReportingPeriod
from threeno.rules import due_date as reexported_due_date
from threeno.rules.periods import due_date, latest_complete

D = dt.date
CUT = Convention.CUTOFF
CAL = Convention.CALENDAR


class TestDueDate:
    """A report is due a plan-set number of days after its period's end."""

    @pytest.mark.parametrize(
        ("period", "days_allowed", "due"),
        [
            # The first half of 2024 ends on 14 June (cut-off); 0 days: due that day.
            (ReportingPeriod.half_year(2024, 1), 0, D(2024, 6, 14)),
            # 14 June + 5 days = 19 June.
            (ReportingPeriod.half_year(2024, 1), 5, D(2024, 6, 19)),
            # The year 2024 ends on 14 December; + 20 days: 14 + 20 = 34, December has
            # 31 days, so 3 January 2025.
            (ReportingPeriod.year(2024), 20, D(2025, 1, 3)),
            # Calendar first half ends on 30 June; + 15 days = 15 July.
            (ReportingPeriod.half_year(2024, 1, CAL), 15, D(2024, 7, 15)),
            # Calendar days, with no shift: 14 Dec 2024 + 1 = Sunday 15 Dec 2024 stays.
            (ReportingPeriod.year(2024), 1, D(2024, 12, 15)),
        ],
    )
    def test_cases(self, period: ReportingPeriod, days_allowed: int, due: dt.date) -> None:
        """The due date is the period's last day plus days_allowed calendar days."""
        assert due == due_date(period, days_allowed)

    @pytest.mark.parametrize("days_allowed", [-1, 1.5, True, "5", None])
    def test_bad_days(self, days_allowed: object) -> None:
        """Only a whole number of days, 0 or more, is a deadline."""
        with pytest.raises(RulesError, match="days_allowed must be a whole number"):
            due_date(ReportingPeriod.year(2024), days_allowed)  # type: ignore[arg-type]  # the point is bad input

    def test_past_the_last_date(self) -> None:
        """A deadline past 9999-12-31 is a RulesError, not an OverflowError."""
        with pytest.raises(RulesError, match="past 9999-12-31"):
            due_date(ReportingPeriod.month(9999, 12), 30)

    def test_reexported(self) -> None:
        """threeno.rules re-exports the rule."""
        assert due_date is reexported_due_date

    @given(st.dates(min_value=D(1900, 1, 1), max_value=D(2200, 1, 1)), st.integers(0, 400))
    def test_never_before_the_end(self, start: dt.date, days_allowed: int) -> None:
        """A report is never due before its period ends, and due exactly days_allowed later."""
        period = ReportingPeriod.containing(PeriodKind.MONTH, start)
        assert days_allowed == (due_date(period, days_allowed) - period.end).days


class TestLatestComplete:
    """The latest period of a kind that ended before a day."""

    @pytest.mark.parametrize(
        ("kind", "on", "convention", "text"),
        [
            # The first half of 2024 ends on 14 June (cut-off): complete from 15 June ...
            (PeriodKind.HALF_YEAR, D(2024, 6, 15), CUT, "2024-H1"),
            # ... but not on 14 June itself, when the latest complete half is 2023-H2.
            (PeriodKind.HALF_YEAR, D(2024, 6, 14), CUT, "2023-H2"),
            # The year 2024 ends on 14 December 2024.
            (PeriodKind.YEAR, D(2024, 12, 15), CUT, "2024"),
            (PeriodKind.YEAR, D(2024, 12, 14), CUT, "2023"),
            # Under the calendar, 2024 is complete on 1 January 2025, not on 31 December.
            (PeriodKind.YEAR, D(2025, 1, 1), CAL, "2024"),
            (PeriodKind.YEAR, D(2024, 12, 31), CAL, "2023"),
            # March 2024 (cut-off) ends on 14 March.
            (PeriodKind.MONTH, D(2024, 3, 15), CUT, "2024-03"),
            (PeriodKind.MONTH, D(2024, 3, 14), CUT, "2024-02"),
            # The first quarter of 2024 ends on 14 March (cut-off).
            (PeriodKind.QUARTER, D(2024, 4, 1), CUT, "2024-Q1"),
            (PeriodKind.QUARTER, D(2024, 4, 1), CAL, "2024-Q1"),
            (PeriodKind.QUARTER, D(2024, 3, 31), CAL, "2023-Q4"),
        ],
    )
    def test_cases(self, kind: PeriodKind, on: dt.date, convention: Convention, text: str) -> None:
        """The window that ended before the day, read from the decree's cut-off."""
        period = latest_complete(kind, on, convention)
        expected = (text, convention)
        actual = (str(period), period.convention)
        assert expected == actual

    def test_default_is_the_cutoff(self) -> None:
        """The plan's convention is the default."""
        assert ReportingPeriod.half_year(2024, 1) == latest_complete(
            PeriodKind.HALF_YEAR, D(2024, 7, 1)
        )

    @pytest.mark.parametrize(
        ("kind", "on"),
        [
            (PeriodKind.CUSTOM, D(2024, 1, 1)),  # a custom span has no fixed windows
            (PeriodKind.YEAR, "2024-01-01"),
            (PeriodKind.YEAR, D(2, 1, 1)),  # year 1 under the cut-off would start in year 0
        ],
    )
    def test_errors(self, kind: PeriodKind, on: object) -> None:
        """Bad input is a RulesError."""
        with pytest.raises(RulesError, match="no latest complete"):
            latest_complete(kind, on)  # type: ignore[arg-type]  # the point is bad input

    @given(
        st.sampled_from(
            [PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.HALF_YEAR, PeriodKind.YEAR]
        ),
        st.dates(min_value=D(1900, 1, 1), max_value=D(2200, 1, 1)),
        st.sampled_from(Convention),
    )
    def test_latest(self, kind: PeriodKind, on: dt.date, convention: Convention) -> None:
        """It ended before the day, and the next period of its kind had not."""
        period = latest_complete(kind, on, convention)
        assert period.kind is kind
        assert period.end < on
        assert period.next().end >= on
