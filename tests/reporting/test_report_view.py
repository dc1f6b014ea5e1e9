"""``make_cell`` (the one place a table cell is formatted) and ``build_view``."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.reporting.report_samples import three_reports
from threeno.errors import LanguageError
from threeno.indicators.engine import evaluate
from threeno.plans import load_plan
from threeno.reporting.view import build_view, make_cell

PLAN = load_plan("lai-chau-2024")


class TestMakeCell:
    """Counts and shares as table cells."""

    def test_share(self) -> None:
        """A share shows numerator, denominator and a percentage with one decimal."""
        # 33/35 = 0.942857... -> 94.3% (94,3% with the Vietnamese decimal comma).
        cell = make_cell(33, 35, "en")
        assert (cell.numerator, cell.denominator, cell.text) == (33, 35, "33/35 = 94.3%")
        assert make_cell(33, 35, "vi").text == "33/35 = 94,3%"

    def test_no_data(self) -> None:
        """A zero denominator is no data: value None, never 0% or 100%."""
        cell = make_cell(0, 0, "vi")
        assert (cell.value, cell.text) == (None, "0/0: không có số liệu")

    def test_count(self) -> None:
        """A count is its number."""
        assert make_cell(4, None, "en").text == "4"

    def test_unknown_language(self) -> None:
        """Another language is refused."""
        with pytest.raises(LanguageError):
            make_cell(1, 2, "fr")  # type: ignore[arg-type]

    def test_numbers_grouped(self) -> None:
        """Thousands are grouped as each language writes them: 19.353 and 19,353."""
        assert make_cell(19353, None, "vi").text == "19.353"
        assert make_cell(1234, 19353, "en").text == "1,234/19,353 = 6.4%"  # 0.06376...

    def test_count_with_no_data(self) -> None:
        """A count with nothing behind it shows "—", never a 0 that looks measured.

        The numbers stay for the JSON and CSV reports: numerator and value 0.
        """
        cell = make_cell(0, None, "vi", has_data=False)
        assert (cell.text, cell.numerator, cell.value) == ("—", 0, 0)
        assert make_cell(0, None, "vi").text == "0"  # 0 counted: it was measured

    def test_share_with_no_data(self) -> None:
        """A share with nothing behind it has no value, even with a denominator."""
        cell = make_cell(0, 8, "en", has_data=False)
        assert (cell.text, cell.value) == ("0/8: no data", None)

    @given(st.integers(0, 10**6), st.integers(0, 10**6))
    def test_share_value(self, numerator: int, denominator: int) -> None:
        """The value is numerator/denominator, or None for a zero denominator."""
        cell = make_cell(numerator, denominator, "en")
        expected = None if denominator == 0 else numerator / denominator
        assert expected == cell.value
        assert cell.text.startswith(f"{numerator:,}/{denominator:,}")


class TestBuildView:
    """What the report shows, before any format."""

    def test_rows_units_then_total(self) -> None:
        """Seven unit rows in the plan's order, then the whole area."""
        evaluation = evaluate(PLAN, three_reports(), PLAN.period("2024-H1"))
        view = build_view(evaluation, lang="en", plan=PLAN)
        resolved = next(i for i in view.indicators if i.id == "reports.resolved")
        codes = [r.unit_code for r in resolved.rows]
        assert codes == ["03386", "03387", "03388", "03389", "03403", "03408", "03409", None]
        assert resolved.rows[-1].unit_name == "Whole area"

    def test_adverse_indicator_lists_what_it_counts(self) -> None:
        """For an indicator of what the plan wants none of, the records counted fail."""
        # reports.overdue at 2024-06-14: none of the three is pending past its limit
        # (CR-0019 is suspended, so its clock is stopped: Art. 148).
        evaluation = evaluate(PLAN, three_reports(), PLAN.period("2024-H1"))
        view = build_view(evaluation, lang="en")
        overdue = next(i for i in view.indicators if i.id == "reports.overdue")
        assert overdue.failing == ()
        assert overdue.rows[-1].cell.text == "0 reports"

    def test_failing_kept_and_omitted(self) -> None:
        """With explain="none" nothing is kept; the report says how many it did not list."""
        evaluation = evaluate(
            PLAN,
            three_reports(),
            PLAN.period("2024-H1"),
            indicators=["reports.resolved"],
            explain="none",
        )
        view = build_view(evaluation, lang="en")
        # Of three, CR-0019 is suspended: in progress (a decision, Art. 147(1)(c)), not
        # failing, and not kept; none fails.
        shown = view.indicators[0]
        assert (shown.failing, shown.failing_omitted) == ((), 0)
        assert (shown.in_progress, shown.in_progress_omitted) == ((), 1)

    def test_agency_labels_need_the_plan(self) -> None:
        """Agency breakdowns show the plan's agency names when the plan is given."""
        evaluation = evaluate(
            PLAN, three_reports(), PLAN.period("2024-H1"), indicators=["reporting.completeness"]
        )
        with_plan = build_view(evaluation, lang="vi", plan=PLAN).indicators[0]
        agency = next(b for b in with_plan.breakdowns if b.dimension == "agency")
        assert agency.rows[0].label == "Công an thành phố"
        without = build_view(evaluation, lang="vi").indicators[0]
        agency = next(b for b in without.breakdowns if b.dimension == "agency")
        assert agency.rows[0].label == "cong-an-tp"
        # An agency-level indicator has no unit rows: only the total.
        assert len(with_plan.rows) == 1
        assert with_plan.chart is None
