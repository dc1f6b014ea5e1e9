"""The report's tables as an Excel workbook: the Markdown report's figures, as numbers.

The three crime reports of the indicators guide (tests.reporting.report_samples), in
2024-H1: CR-0017 and CR-0018 resolved of the three received (2/3), CR-0018 alone on
time of the two decided (1/2), all in 03386 Quyết Thắng.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

import openpyxl
import pytest

from tests.reporting.report_samples import three_reports
from threeno import cli
from threeno.indicators.engine import evaluate
from threeno.plans import load_plan
from threeno.reporting.render import render
from threeno.reporting.xlsx import COUNT_FORMAT, SHARE_FORMAT, render_xlsx

if TYPE_CHECKING:
    from threeno.lang import Lang

PLAN = load_plan("lai-chau-2024")
INDICATORS = ["reports.received", "reports.resolved", "reports.on_time"]


def _book(lang: Lang = "vi", suppress_below: int | None = None) -> Any:  # noqa: ANN401
    evaluation = evaluate(PLAN, three_reports(), PLAN.period("2024-H1"), indicators=INDICATORS)
    data = render_xlsx(evaluation, lang=lang, plan=PLAN, suppress_below=suppress_below)
    return openpyxl.load_workbook(io.BytesIO(data))


def _row(sheet: Any, first: str) -> tuple[Any, ...]:  # noqa: ANN401
    """The cells of the row whose first cell is ``first`` (the last such row)."""
    rows = [r for r in sheet.iter_rows() if r[0].value == first]
    assert rows, first
    return tuple(rows[-1])


class TestFigures:
    """The figures, as numbers with formats, and the Markdown report's text beside them."""

    def test_share_is_a_fraction_formatted_as_a_percentage(self) -> None:
        """Resolved: 2 of 3 in Quyết Thắng; the value 2/3 as a number, format 0.0%."""
        sheet = _book("en")["Indicator 2"]
        _, numerator, denominator, value, text, *_ = _row(sheet, "Phường Quyết Thắng")
        assert (numerator.value, denominator.value) == (2, 3)
        assert value.value == pytest.approx(2 / 3)
        assert value.number_format == SHARE_FORMAT
        assert numerator.number_format == COUNT_FORMAT
        assert text.value == "2/3 reports, 66.7%"

    def test_same_text_as_the_markdown_report(self) -> None:
        """Every unit's text of "on time" is the Markdown table's: 1/2 reports, 50.0% in 03386."""
        evaluation = evaluate(PLAN, three_reports(), PLAN.period("2024-H1"), indicators=INDICATORS)
        markdown = render(evaluation, "md", lang="en", plan=PLAN)
        sheet = _book("en")["Indicator 3"]
        texts = {
            r[0].value: r[4].value
            for r in sheet.iter_rows()
            if r[0].value and str(r[0].value).startswith(("Phường", "Xã"))
        }
        assert texts["Phường Quyết Thắng"] == "1/2 reports, 50.0%"
        for unit, text in texts.items():
            assert f" {unit} | {text} |" in markdown

    def test_no_data_is_no_number(self) -> None:
        """Tân Phong received nothing: 0 of 0, and no share (never 0% nor 100%)."""
        sheet = _book("en")["Indicator 2"]
        _, numerator, denominator, value, text, *_ = _row(sheet, "Phường Tân Phong")
        assert (numerator.value, denominator.value, value.value) == (0, 0, None)
        assert "no data" in text.value

    def test_summary_lists_each_indicator_with_the_whole_area(self) -> None:
        """The summary's table: received 3, resolved 2/3, on time 1/2 for the whole area."""
        sheet = _book("vi")["Các chỉ tiêu"]
        values = {r[0].value: r[2].value for r in sheet.iter_rows() if r[0].value}
        assert values["Chỉ tiêu 1"] == 3
        assert values["Chỉ tiêu 2"] == pytest.approx(2 / 3)
        assert values["Chỉ tiêu 3"] == pytest.approx(1 / 2)


class TestPublished:
    """A report to publish hides what the other formats hide."""

    def test_small_counts_are_x(self) -> None:
        """Threshold 5: the count 3 of received reports is hidden as "x", no number."""
        sheet = _book("vi", suppress_below=5)["Chỉ tiêu 1"]
        cells = _row(sheet, "Phường Quyết Thắng")
        assert cells[1].value == "x"
        assert cells[3].value == "x"
        assert not any(isinstance(c.value, int | float) and c.value == 3 for c in cells)


class TestCommand:
    """The command writes the workbook."""

    def test_report_format_xlsx(self, tmp_path: Any) -> None:  # noqa: ANN401
        """`threeno report --format xlsx --out r.xlsx`: a workbook, the same bytes twice."""
        first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
        for out in (first, second):
            code = cli.main(["report", "--period", "2024", "--format", "xlsx", "--out", str(out)])
            assert code in {0, 1}  # the demo data reject nothing; some records are left out
        assert first.read_bytes() == second.read_bytes()
        assert openpyxl.load_workbook(first).sheetnames[0] == "Các chỉ tiêu"
