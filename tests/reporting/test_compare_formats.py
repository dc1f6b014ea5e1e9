"""The comparison as a Word file and an Excel workbook: the same figures as in Markdown.

Three comparisons worked by hand (tests/indicators/test_compare.py):

- the day of receipt counted (TestReceiptDay): reports.on_time 2/2 = 100% (met) against
  1/2 = 50% (not met), a difference of 1/2 - 2/2 = -0.5 (-50 percentage points); CR-1 is
  classified differently;
- the target lowered to 95% (TestTarget): reports.resolved 19/20 = 95% on both sides, a
  difference of 0, the status not met (95% < 100%) → met (95% >= 95%); no record moves;
- reports due 10 days after the period instead of 5 (TestDeadline): the Women's Union's
  report sent 20/06/2024, due 19/06 or 24/06: reporting.timeliness 0/5 against 1/5, a
  difference of 1/5 - 0/5 = +0.2 (+20 points); "hoi-phu-nu-tp 2024-H1" moves.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import TYPE_CHECKING, Any

import docx
import openpyxl
import pytest

from tests.indicators.indicator_scenario import submission
from tests.indicators.test_compare import TestReceiptDay, TestTarget
from threeno import cli, compare
from threeno.io.datasets import dump_dataset
from threeno.model.dataset import Dataset
from threeno.plans import load_plan, load_revision
from threeno.reporting.compare_view import render_comparison, render_comparisons
from threeno.reporting.render import SIMULATED_MARK

if TYPE_CHECKING:
    from pathlib import Path

    from threeno.indicators.compare import Comparison

PLAN = load_plan("lai-chau-2024")
RECEIPT = compare(
    PLAN,
    load_revision("lai-chau-2024-count-receipt-day"),
    TestReceiptDay.DATA,
    "2024-H1",
    indicators=["reports.on_time"],
)
TARGET = compare(
    PLAN,
    load_revision("lai-chau-2024-target-95"),
    TestTarget.DATA,
    "2024-H1",
    indicators=["reports.resolved"],
)
LATE = Dataset(
    report_submissions=[submission("RS-1", "hoi-phu-nu-tp", "2024-H1", dt.date(2024, 6, 20))]
)
DEADLINE = compare(
    PLAN,
    load_revision("lai-chau-2024-deadline-10-days"),
    LATE,
    "2024-H1",
    indicators=["reporting.timeliness"],
)
ON_TIME = "Tỷ lệ tố giác, tin báo về tội phạm, kiến nghị khởi tố giải quyết đúng thời hạn"


def _md_rows(comparison: Comparison, lang: str = "vi") -> list[list[str]]:
    """The cells of every table row of the Markdown comparison, its escapes undone."""
    text = render_comparison(comparison, "md", lang="vi" if lang == "vi" else "en")
    return [
        [cell.strip().strip("`").replace("\\", "") for cell in line.strip("|").split(" | ")]
        for line in text.splitlines()
        if line.startswith("| ") and not line.startswith("|---")
    ]


def _word(data: bytes) -> tuple[list[str], list[list[str]]]:
    """The paragraphs and the table rows of a Word file."""
    document = docx.Document(io.BytesIO(data))
    rows = [[c.text for c in row.cells] for t in document.tables for row in t.rows]
    return [p.text for p in document.paragraphs], rows


def _book(data: bytes) -> Any:  # noqa: ANN401 - an openpyxl workbook
    return openpyxl.load_workbook(io.BytesIO(data))


class TestWord:
    """The Word file says what the Markdown comparison says."""

    @pytest.mark.parametrize("comparison", [RECEIPT, TARGET, DEADLINE])
    def test_the_tables_are_the_markdown_tables(self, comparison: Comparison) -> None:
        """Every row of the Markdown tables, cell for cell, in the same order."""
        _, rows = _word(render_comparison(comparison, "docx"))
        assert rows == _md_rows(comparison)

    def test_receipt_day(self) -> None:
        """2/2 tin, đạt 100,0% against 1/2 tin, đạt 50,0%, -50 points, met → not met; CR-1."""
        paragraphs, rows = _word(render_comparison(RECEIPT, "docx"))
        assert paragraphs[0] == "So sánh kết quả thực hiện Kế hoạch theo các phương án"
        assert "Số trường hợp được xếp loại khác nhau: 1 trường hợp" in paragraphs
        row = [
            ON_TIME,
            "2/2 tin, đạt 100,0%",
            "1/2 tin, đạt 50,0%",
            "−50,0 điểm phần trăm",
            "Đạt → Chưa đạt",
        ]
        assert row in rows
        record = next(r for r in rows if r[0] == "CR-1")
        assert "hạn 21/03/2024" in record[1]
        assert "hạn 20/03/2024" in record[2]
        assert "Trường hợp được xếp loại khác nhau (1 trường hợp)" in paragraphs

    def test_target_in_english(self) -> None:
        """19/20 reports, 95.0% both sides, no difference, Not met → Met; the new target."""
        paragraphs, rows = _word(render_comparison(TARGET, "docx", lang="en"))
        assert rows == _md_rows(TARGET, "en")
        total = next(r for r in rows if r[0] == "Whole area")
        assert total[1:] == ["19/20 reports, 95.0%", "19/20 reports, 95.0%", "0", "Not met → Met"]
        assert any("at least 100% → at least 95%" in p for p in paragraphs)

    def test_landscape_tables(self) -> None:
        """The first page portrait (210 mm wide), the tables' pages landscape (297 mm)."""
        document = docx.Document(io.BytesIO(render_comparison(RECEIPT, "docx")))
        widths = [round(s.page_width.mm) for s in document.sections]  # type: ignore[union-attr]
        assert widths == [210, 297]
        font = document.styles["Normal"].font
        assert font.name == "Times New Roman"

    def test_several_and_the_mark(self) -> None:
        """Two comparisons, each with its portrait and landscape pages; the mark first."""
        data = render_comparisons([RECEIPT, DEADLINE], "docx", simulated=True)
        document = docx.Document(io.BytesIO(data))
        assert len(document.sections) == 4
        assert document.paragraphs[0].text == SIMULATED_MARK["vi"]
        titles = [p.text for p in document.paragraphs if p.text.startswith("So sánh kết quả")]
        assert len(titles) == 2


class TestExcel:
    """The workbook: numbers as numbers, the same figures as the Markdown comparison."""

    def test_receipt_day(self) -> None:
        """The whole area: 2, 2, 1.0 against 1, 2, 0.5; difference -0.5, formatted 0.0%."""
        book = _book(render_comparison(RECEIPT, "xlsx"))
        assert book.sheetnames == ["Nội dung thay đổi", "Các chỉ tiêu có thay đổi", "Mã bản ghi"]
        sheet = book["Các chỉ tiêu có thay đổi"]
        head = [c.value for c in sheet[1]]
        total = next(r for r in sheet.iter_rows(min_row=2) if r[1].value == "Toàn địa bàn")
        cells = {head[i]: c for i, c in enumerate(total)}
        values = [c.value for c in total[2:11]]
        assert values == [2, 2, 1.0, "2/2 tin, đạt 100,0%", 1, 2, 0.5, "1/2 tin, đạt 50,0%", -0.5]
        assert cells["Chênh lệch"].number_format == "0.0%"
        assert cells["Phương án gốc: Tử số"].number_format == "#,##0"
        assert cells["Chênh lệch: Kết quả"].value == "−50,0 điểm phần trăm"
        assert cells["Đánh giá"].value == "Đạt → Chưa đạt"
        assert cells["Mã phương án so sánh"].value == "lai-chau-2024-count-receipt-day"
        records = list(book["Mã bản ghi"].iter_rows(min_row=2, values_only=True))
        assert [(r[0], r[4]) for r in records] == [("CR-1", "reports.on_time")]

    @pytest.mark.parametrize("comparison", [RECEIPT, TARGET, DEADLINE])
    def test_the_summary_is_the_markdown_summary(self, comparison: Comparison) -> None:
        """The first sheet's table of results: the Markdown's first table, row for row."""
        sheet = _book(render_comparison(comparison, "xlsx")).worksheets[0]
        rows = [[c or "" for c in r] for r in sheet.iter_rows(values_only=True)]
        at = rows.index(
            ["Nội dung", "Phương án gốc", "Phương án so sánh", "Chênh lệch", "Đánh giá"]
        )
        md = _md_rows(comparison)
        assert rows[at : at + len(md[:2])] == md[:2]

    def test_deadline(self) -> None:
        """Reporting timeliness: 0/5 against 1/5, +0.2; the expected report by its id."""
        book = _book(render_comparison(DEADLINE, "xlsx", lang="en"))
        sheet = book["Indicators that changed"]
        total = next(r for r in sheet.iter_rows(min_row=2, values_only=True) if r[14] is None)
        assert total[2:4] == (0, 5)
        assert total[6:8] == (1, 5)
        assert total[10] == pytest.approx(0.2)
        assert total[11] == "+20.0 percentage points"
        records = list(book["Record id"].iter_rows(min_row=2, values_only=True))
        assert [r[0] for r in records] == ["hoi-phu-nu-tp 2024-H1"]

    def test_target_no_record(self) -> None:
        """No record moves: the records' sheet says 0 records; the difference is 0."""
        book = _book(render_comparison(TARGET, "xlsx", lang="en"))
        rows = list(book["Record id"].iter_rows(min_row=2, values_only=True))
        assert [r[:2] for r in rows] == [("Records classified differently", "0 records")]
        sheet = book["Indicators that changed"]
        total = next(
            r for r in sheet.iter_rows(min_row=2, values_only=True) if r[1] == "Whole area"
        )
        assert (total[2:4], total[6:8], total[10]) == ((19, 20), (19, 20), 0)

    def test_several(self) -> None:
        """Two comparisons share the sheets; each row names its alternative; one header."""
        book = _book(render_comparisons([RECEIPT, DEADLINE], "xlsx", lang="en"))
        sheet = book["Indicators that changed"]
        ids = {r[-1] for r in sheet.iter_rows(min_row=2, values_only=True)}
        assert ids == {"lai-chau-2024-count-receipt-day", "lai-chau-2024-deadline-10-days"}
        records = list(book["Record id"].iter_rows(values_only=True))
        assert [r[0] for r in records] == ["Record id", "CR-1", "hoi-phu-nu-tp 2024-H1"]


class TestBytes:
    """The same comparison gives the same bytes, whenever it is written."""

    @pytest.mark.parametrize("fmt", ["docx", "xlsx"])
    def test_deterministic(self, fmt: str) -> None:
        """Twice the same bytes; every part dated the period's last day, 14/06/2024."""
        first = render_comparison(RECEIPT, fmt)
        assert isinstance(first, bytes)
        assert first == render_comparison(RECEIPT, fmt)
        with zipfile.ZipFile(io.BytesIO(first)) as parts:
            assert {i.date_time for i in parts.infolist()} == {(2024, 6, 14, 0, 0, 0)}


class TestCommand:
    """threeno compare --format docx|xlsx, as threeno report writes a Word file."""

    @pytest.mark.parametrize("fmt", ["docx", "xlsx"])
    def test_to_a_file_and_to_standard_output(
        self, fmt: str, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
    ) -> None:
        """The same bytes in the file and on standard output; exit 0."""
        data = tmp_path / "data.json"
        dump_dataset(TestReceiptDay.DATA, data, format="json")
        argv = ["compare", "--revision", "lai-chau-2024-count-receipt-day", "--data", str(data)]
        argv += ["--period", "2024-H1", "--format", fmt]
        out = tmp_path / f"cmp.{fmt}"
        assert cli.main([*argv, "--out", str(out)]) == cli.EXIT_OK
        assert capsysbinary.readouterr().out == b""
        assert cli.main(argv) == cli.EXIT_OK
        written = capsysbinary.readouterr().out
        assert written == out.read_bytes()
        assert written[:2] == b"PK"
