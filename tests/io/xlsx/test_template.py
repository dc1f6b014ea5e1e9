"""The template of the bundled plan: its sheets, headers, drop-downs, formats, protection."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

import openpyxl
import pytest

from tests.io.xlsx.xlsx_samples import plan
from threeno import cli
from threeno.errors import DatasetError
from threeno.io.xlsx_template import workbook_bytes, write_workbook

if TYPE_CHECKING:
    from pathlib import Path

SUBJECTS = "Người thuộc diện quản lý"


def _book(**options: Any) -> Any:  # noqa: ANN401
    return openpyxl.load_workbook(io.BytesIO(workbook_bytes(plan(), **options)))


def _validation(sheet: Any, column: str) -> Any:  # noqa: ANN401
    """The data validation that covers row 2 of ``column``."""
    for rule in sheet.data_validations.dataValidation:
        if f"{column}2" in rule.sqref:
            return rule
    pytest.fail(f"no validation on {column}2")


class TestSheets:
    """One sheet per record type, the instructions first and the lists last."""

    def test_sheet_titles(self) -> None:
        """Vietnamese titles, 31 characters at most (Excel's limit)."""
        names = _book().sheetnames
        assert names[0] == "Hướng dẫn"
        assert names[-1] == "Danh mục"
        assert names[1:-1] == [
            "Người thuộc diện quản lý",
            "Tố giác, tin báo, kiến nghị",
            "Vụ án hình sự",
            "Hoạt động hỗ trợ",
            "Hoạt động tuyên truyền",
            "Sơ kết, tổng kết mô hình",
            "Báo cáo đã gửi",
            "Đánh giá an toàn",
        ]

    def test_english(self) -> None:
        """--lang en: English titles and headers."""
        book = _book(lang="en")
        headers = [c.value for c in book["Monitored subjects"][1]]
        assert headers[:3] == ["ID", "Sex", "Year of birth"]

    def test_no_personal_column_unless_asked(self) -> None:
        """Subjects: 7 columns without personal data; 10 with (name, ID number, phone)."""
        plain = [c.value for c in _book()[SUBJECTS][1]]
        personal = [c.value for c in _book(personal_data=True)[SUBJECTS][1]]
        assert len(plain) == 7
        assert "Họ và tên" not in plain
        assert personal[7:] == ["Họ và tên", "Số định danh cá nhân", "Số điện thoại"]

    def test_same_bytes_every_time(self) -> None:
        """Two writes, byte-identical (every part dated 01/01 of the plan's year)."""
        assert workbook_bytes(plan()) == workbook_bytes(plan())


class TestColumns:
    """Headers with comments, frozen and protected; drop-downs and formats below."""

    def test_header_comment_is_the_data_dictionary_description(self) -> None:
        """Column C of subjects, birth_year: its name, required, and its description."""
        cell = _book()[SUBJECTS]["C1"]
        assert cell.value == "Năm sinh"
        assert cell.comment.text.startswith("birth_year (Bắt buộc)\n")

    def test_frozen_and_protected_header(self) -> None:
        """The first row frozen; the sheet protected, the columns below unlocked."""
        sheet = _book()[SUBJECTS]
        assert sheet.freeze_panes == "A2"
        assert sheet.protection.sheet is True
        assert sheet["A1"].protection.locked is True
        assert sheet.column_dimensions["A"].protection.locked is False

    def test_unit_drop_down_lists_the_plan_units_of_its_year(self) -> None:
        """The units' list: the 7 communes and wards in force in 2024 (03386 ... 03409).

        03408 and 03409 are the plan's other two units (Đông Phong, San Thàng); the
        two wards made on 01/07/2025 are not in force in 2024.
        """
        book = _book()
        rule = _validation(book[SUBJECTS], "E")
        assert rule.type == "list"
        sheet_name, cells = rule.formula1.split("!")
        assert sheet_name == "'Danh mục'"
        codes = [c.value for (c,) in book["Danh mục"][cells.replace("$", "")]]
        assert codes == ["03386", "03387", "03388", "03389", "03403", "03408", "03409"]

    def test_enum_drop_down_offers_vietnamese_labels(self) -> None:
        """Sex (column B): the labels Nữ, Nam."""
        book = _book()
        rule = _validation(book[SUBJECTS], "B")
        cells = rule.formula1.split("!")[1].replace("$", "")
        assert [c.value for (c,) in book["Danh mục"][cells]] == ["Nữ", "Nam"]

    def test_dates_validated_and_formatted(self) -> None:
        """Column F (registered_on): a date between serials 1 and 2958465, dd/mm/yyyy."""
        sheet = _book()[SUBJECTS]
        rule = _validation(sheet, "F")
        assert (rule.type, rule.formula1, rule.formula2) == ("date", "1", "2958465")
        assert sheet.column_dimensions["F"].number_format == "DD/MM/YYYY"

    def test_codes_are_text(self) -> None:
        """Column E (unit code) is formatted as text (@), so 03387 keeps its 0."""
        assert _book()[SUBJECTS].column_dimensions["E"].number_format == "@"


class TestCommand:
    """`threeno template`."""

    def test_writes_the_template(self, tmp_path: Path) -> None:
        """The command writes a workbook that loads with no record."""
        out = tmp_path / "so-lieu.xlsx"
        assert cli.main(["template", "--plan", "lai-chau-2024", "--out", str(out)]) == 0
        assert openpyxl.load_workbook(out).sheetnames[0] == "Hướng dẫn"

    def test_refuses_another_suffix(self, tmp_path: Path) -> None:
        """A name not ending in .xlsx: xlsx_output_suffix."""
        with pytest.raises(DatasetError) as caught:
            write_workbook(tmp_path / "so-lieu.xls", plan=plan())
        assert caught.value.code == "xlsx_output_suffix"
