"""Reading a filled template: exactly the records typed, and every mistake named by cell.

The template of the bundled plan is written, filled in with openpyxl as an office types
into Excel (cells as Excel stores them: text, numbers, dates, booleans), and loaded.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import openpyxl
import pytest

from tests.io.xlsx.xlsx_samples import fill, plan
from threeno.errors import DatasetError
from threeno.io import LoadLimits, iter_records, load_dataset
from threeno.model.enums import Ethnicity, ReviewKind, Sex
from threeno.model.subjects import Subject

if TYPE_CHECKING:
    from pathlib import Path

    from threeno.io.report import LoadReport, Rejection
    from threeno.lang import Lang

SUBJECTS = "Người thuộc diện quản lý"
REVIEWS = "Sơ kết, tổng kết mô hình"


def _subject(changes: dict[str, Any] | None = None) -> dict[str, Any]:
    """A subject's row as typed, with ``changes``."""
    row: dict[str, Any] = {
        "Mã": "S-1",
        "Giới tính": "Nữ",
        "Năm sinh": 1990,
        "Dân tộc": "Thái",
        "Mã xã, phường": "03387",
        "Ngày đưa vào quản lý": dt.datetime(2024, 3, 5),  # noqa: DTZ001 - as Excel stores it
    }
    row.update(changes or {})
    return row


def _only(report: LoadReport) -> Rejection:
    assert report.rejected == 1, report.text("en")
    return report.rejections[0]


class TestFilledTemplate:
    """A template filled in correctly."""

    def test_exactly_the_records_typed(self, tmp_path: Path) -> None:
        """Two subjects and one review typed: 3 read, 3 accepted, fields as typed.

        Row 3 types its values as Excel may store them: the year as 1991.0 (a float
        that is whole, read 1991), the date as the serial 45356 (05/03/2024: 45356 days
        from Excel's day 0 of 30/12/1899), the sex and ethnicity by English label; the
        review's flag is the drop-down's "Có" (yes).
        """
        path = fill(
            tmp_path / "so-lieu.xlsx",
            {
                SUBJECTS: [
                    _subject(),
                    _subject(
                        {
                            "Mã": "S-2",
                            "Giới tính": "Female",
                            "Năm sinh": 1991.0,
                            "Dân tộc": "Kinh",
                            "Ngày đưa vào quản lý": 45356,
                        }
                    ),
                ],
                REVIEWS: [
                    {
                        "Mã": "MR-1",
                        "Mã xã, phường": "03387",
                        "Ngày tổ chức": "30/06/2024",
                        "Hình thức": "Sơ kết",
                        "Duy trì mô hình": "Có",
                    }
                ],
            },
        )
        data, report = load_dataset(path, plan=plan())
        assert (report.read, report.accepted, report.rejected) == (3, 3, 0)
        assert data.subjects == (
            Subject(
                id="S-1",
                sex=Sex.FEMALE,
                birth_year=1990,
                ethnicity=Ethnicity.THAI,
                unit_code="03387",
                registered_on=dt.date(2024, 3, 5),
            ),
            Subject(
                id="S-2",
                sex=Sex.FEMALE,
                birth_year=1991,
                ethnicity=Ethnicity.KINH,
                unit_code="03387",
                registered_on=dt.date(2024, 3, 5),
            ),
        )
        (review,) = data.model_reviews
        assert (review.held_on, review.kind, review.maintained) == (
            dt.date(2024, 6, 30),
            ReviewKind.SO_KET,
            True,
        )
        notes = [n.code for n in report.notes]
        assert notes.count("xlsx_sheet_skipped") == 2  # the instructions and the lists

    def test_english_headers_and_labels(self, tmp_path: Path) -> None:
        """The English template reads the same: headers "ID", "Sex"...; label "Female"."""
        path = fill(
            tmp_path / "data.xlsx",
            {
                "Monitored subjects": [
                    {
                        "ID": "S-1",
                        "Sex": "Female",
                        "Year of birth": 1990,
                        "Ethnicity": "Thai",
                        "Unit code": "03387",
                        "Registered on": dt.date(2024, 3, 5),
                    }
                ]
            },
            lang="en",
        )
        data, report = load_dataset(path, plan=plan())
        assert report.rejected == 0, report.text("en")
        assert data.subjects[0].ethnicity is Ethnicity.THAI

    def test_stream_reads_one_sheet(self, tmp_path: Path) -> None:
        """iter_records over the workbook gives the subjects' sheet: 2 rows, 2 records."""
        path = fill(tmp_path / "s.xlsx", {SUBJECTS: [_subject(), _subject({"Mã": "S-2"})]})
        stream = iter_records(path, "subjects")
        assert [s.id for s in stream] == ["S-1", "S-2"]
        assert stream.report.read == 2


class TestPlantedMistakes:
    """Each mistake: the row rejected, named by sheet, Excel's row and the column."""

    def _rejection(self, tmp_path: Path, row: dict[str, Any], **options: Any) -> Rejection:  # noqa: ANN401
        path = fill(tmp_path / "m.xlsx", {SUBJECTS: [_subject(), row]}, **options)
        _, report = load_dataset(path, plan=plan())
        assert (report.read, report.accepted) == (2, 1)
        rejection = _only(report)
        assert (rejection.sheet, rejection.line) == (SUBJECTS, 3)
        return rejection

    def test_wrong_date(self, tmp_path: Path) -> None:
        """31/02/2024 does not exist: column F, "Ngày đưa vào quản lý"."""
        r = self._rejection(tmp_path, _subject({"Mã": "S-2", "Ngày đưa vào quản lý": "31/02/2024"}))
        (problem,) = r.problems
        assert (problem.field, problem.code) == ("Ngày đưa vào quản lý (F)", "no_such_date")
        assert "trang tính 'Người thuộc diện quản lý', dòng 3" in r.text("vi")

    def test_label_not_in_list(self, tmp_path: Path) -> None:
        """The text "Nu" is no label of the sex list (Nữ, Nam): column B."""
        r = self._rejection(tmp_path, _subject({"Mã": "S-2", "Giới tính": "Nu"}))
        assert [p.field for p in r.problems] == ["Giới tính (B)"]

    def test_integer_typed_with_a_fraction(self, tmp_path: Path) -> None:
        """2.5 in "Năm sinh" (a whole number) is refused, not rounded: column C."""
        r = self._rejection(tmp_path, _subject({"Mã": "S-2", "Năm sinh": 2.5}))
        (problem,) = r.problems
        assert (problem.field, problem.code) == ("Năm sinh (C)", "cell_not_whole_number")
        assert "2.5" in problem.message

    def test_unit_code_typed_as_a_number(self, tmp_path: Path) -> None:
        """3387 typed in a General cell lost its 0: refused, column E, not read as 03387."""
        r = self._rejection(tmp_path, _subject({"Mã": "S-2", "Mã xã, phường": 3387}))
        (problem,) = r.problems
        assert (problem.field, problem.code) == ("Mã xã, phường (E)", "xlsx_number_in_text")

    def test_personal_value_in_the_id_column(self, tmp_path: Path) -> None:
        """A name typed in "Mã": refused, and the name quoted nowhere, in either language."""
        name = "Lò Thị Sương"
        row = _subject({"Mã": name, "Họ và tên": name})
        r = self._rejection(tmp_path, row, personal_data=True)
        assert [p.code for p in r.problems] == ["personal_data_in_field"]
        assert r.problems[0].field == "Mã (A)"
        langs: tuple[Lang, ...] = ("vi", "en")
        for lang in langs:
            assert "Sương" not in r.text(lang)

    def test_unknown_unit(self, tmp_path: Path) -> None:
        """The unit code 99999, not a unit of the plan: one problem at row 3, column E.

        As in every format, the record is kept (2 read = 2 accepted + 0 rejected) and the
        problem is one between records (``unit_not_valid_on``, on its own date
        05/03/2024); in a workbook it is named by sheet, row 3 (the header is row 1, S-1
        row 2) and the column "Mã xã, phường", the fifth: letter E.
        """
        row = _subject({"Mã": "S-2", "Mã xã, phường": "99999"})
        path = fill(tmp_path / "m.xlsx", {SUBJECTS: [_subject(), row]})
        data, report = load_dataset(path, plan=plan())
        assert (report.read, report.accepted, report.rejected) == (2, 2, 0)
        assert [s.id for s in data.subjects] == ["S-1", "S-2"]
        (problem,) = report.problems
        assert (problem.code, problem.record_id) == ("unit_not_valid_on", "S-2")
        assert (problem.file, problem.sheet, problem.line) == (str(path), SUBJECTS, 3)
        assert problem.field == "Mã xã, phường (E)"
        assert problem.text("vi") == (
            f"tệp {path}, trang tính 'Người thuộc diện quản lý', dòng 3, mã 'S-2':"
            " trường Mã xã, phường (E): '99999' không phải mã đơn vị hành chính có hiệu"
            " lực vào ngày 2024-03-05"
        )
        assert problem.text("en") == (
            f"{path}, sheet 'Người thuộc diện quản lý', row 3, id 'S-2':"
            " Mã xã, phường (E): '99999' is not a valid unit on 2024-03-05"
        )

    def test_unknown_unit_english_sheet(self, tmp_path: Path) -> None:
        """In the English template the column is headed "Unit code" (still letter E)."""
        row = {
            "ID": "S-1",
            "Sex": "Female",
            "Year of birth": 1990,
            "Ethnicity": "Thai",
            "Unit code": "99999",
            "Registered on": dt.date(2024, 3, 5),
        }
        path = fill(tmp_path / "data.xlsx", {"Monitored subjects": [row]}, lang="en")
        _, report = load_dataset(path, plan=plan())
        (problem,) = report.problems
        assert (problem.sheet, problem.line, problem.field) == (
            "Monitored subjects",
            2,
            "Unit code (E)",
        )

    def test_unknown_subject_located_too(self, tmp_path: Path) -> None:
        """A support action for a subject not in the workbook: its row and column named.

        The sheet "Hoạt động hỗ trợ" has one row (row 2); its subject "S-404" is no
        subject of the workbook, so the problem ``unknown_subject`` is at row 2, in the
        column "Mã người được hỗ trợ" (the second: B), and the action stays accepted
        (2 read: S-1 and SA-1; 2 accepted).
        """
        action = {
            "Mã": "SA-1",
            "Mã người được hỗ trợ": "S-404",
            "Hình thức hỗ trợ": "Hỗ trợ y tế",
            "Cơ quan hỗ trợ": "cong-an-tp",
            "Mã xã, phường": "03387",
            "Ngày hỗ trợ": dt.datetime(2024, 4, 1),  # noqa: DTZ001 - as Excel stores it
        }
        path = fill(tmp_path / "m.xlsx", {SUBJECTS: [_subject()], "Hoạt động hỗ trợ": [action]})
        _, report = load_dataset(path, plan=plan())
        assert (report.read, report.accepted) == (2, 2), report.text("en")
        (problem,) = report.problems
        assert (problem.code, problem.sheet, problem.line, problem.field) == (
            "unknown_subject",
            "Hoạt động hỗ trợ",
            2,
            "Mã người được hỗ trợ (B)",
        )

        """Rows 2-3 merged in column D: both rows rejected at "Dân tộc (D)"."""
        path = fill(
            tmp_path / "m.xlsx",
            {SUBJECTS: [_subject(), _subject({"Mã": "S-2"})]},
            merge=(SUBJECTS, "D2:D3"),
        )
        _, report = load_dataset(path)
        assert (report.read, report.rejected) == (2, 2)
        assert {(r.line, r.problems[0].field, r.problems[0].code) for r in report.rejections} == {
            (2, "Dân tộc (D)", "xlsx_merged_cell"),
            (3, "Dân tộc (D)", "xlsx_merged_cell"),
        }

    def test_value_beyond_the_header(self, tmp_path: Path) -> None:
        """A value in column Z, which has no header: the row refused, cell Z3 named."""
        path = fill(tmp_path / "m.xlsx", {SUBJECTS: [_subject(), _subject({"Mã": "S-2"})]})
        book = openpyxl.load_workbook(path)
        book[SUBJECTS]["Z3"] = "ghi chú"
        book.save(path)
        _, report = load_dataset(path)
        assert _only(report).problems[0].params["cell"] == "Z3"


class TestSheets:
    """Which sheets are read, skipped or refused."""

    def test_unknown_sheet_stops_the_load(self, tmp_path: Path) -> None:
        """A sheet "Sheet1" holds no record type: refused, never left out unseen."""
        path = fill(tmp_path / "w.xlsx", {})
        book = openpyxl.load_workbook(path)
        book.create_sheet("Sheet1")
        book.save(path)
        with pytest.raises(DatasetError) as caught:
            load_dataset(path)
        assert caught.value.code == "xlsx_unknown_sheets"

    def test_hidden_sheet_is_read_with_a_note(self, tmp_path: Path) -> None:
        """The subjects' sheet hidden: its 1 row read, and a note says so."""
        path = fill(tmp_path / "w.xlsx", {SUBJECTS: [_subject()]})
        book = openpyxl.load_workbook(path)
        book[SUBJECTS].sheet_state = "hidden"
        book.save(path)
        data, report = load_dataset(path)
        assert len(data.subjects) == 1
        assert "xlsx_hidden_sheet_read" in [n.code for n in report.notes]

    def test_empty_rows_noted(self, tmp_path: Path) -> None:
        """A row, an empty row (only a space-free empty string), a row: 2 read, 1 skipped."""
        path = fill(tmp_path / "w.xlsx", {SUBJECTS: [_subject()]})
        book = openpyxl.load_workbook(path)
        sheet = book[SUBJECTS]
        sheet["A3"] = ""
        for column, value in zip("ABCDEF", _subject({"Mã": "S-3"}).values(), strict=True):
            sheet[f"{column}4"] = value
        sheet["A3"].number_format = "@"  # a styled, empty row 3
        book.save(path)
        data, report = load_dataset(path)
        assert [s.id for s in data.subjects] == ["S-1", "S-3"]
        assert report.read == 2
        skipped = [n for n in report.notes if n.code == "xlsx_empty_rows_skipped"]
        assert [n.params["count"] for n in skipped] == [1]


class TestHostileFiles:
    """Workbooks made to exhaust memory or to mislead."""

    def test_zip_bomb_refused_before_unpacking(self, tmp_path: Path) -> None:
        """A part declared 2 MiB unpacked, the limit 1 MiB: a DatasetError, not MemoryError."""
        import zipfile  # noqa: PLC0415

        path = tmp_path / "bomb.xlsx"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("xl/sharedStrings.xml", b"<" * (2 << 20))
        limits = LoadLimits(shared_strings_bytes=1 << 20)
        with pytest.raises(DatasetError) as caught:
            load_dataset(path, limits=limits)
        assert caught.value.code == "xlsx_part_too_large"

    def test_not_a_zip(self, tmp_path: Path) -> None:
        """Text named .xlsx: xlsx_not_a_workbook."""
        path = tmp_path / "x.xlsx"
        path.write_text("id,sex\n", encoding="utf-8")
        with pytest.raises(DatasetError) as caught:
            load_dataset(path)
        assert caught.value.code == "xlsx_not_a_workbook"

    @pytest.mark.parametrize("where", [180, -20])
    def test_sheet_cut_short(self, tmp_path: Path, where: int) -> None:
        """The subjects' sheet XML cut (at byte 180, or 20 bytes before its end).

        The load stops with ``xlsx_sheet_unreadable`` naming the sheet, as does the
        stream of that sheet: a damaged sheet is never read as the rows before the cut.
        """
        import io  # noqa: PLC0415
        import zipfile  # noqa: PLC0415

        path = fill(tmp_path / "w.xlsx", {SUBJECTS: [_subject(), _subject({"Mã": "S-2"})]})
        source = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
            for item in source.infolist():
                body = source.read(item)
                if item.filename == "xl/worksheets/sheet2.xml":  # the subjects' sheet
                    body = body[:where]
                target.writestr(item.filename, body)
        for read in (load_dataset, lambda p: list(iter_records(p, Subject))):
            with pytest.raises(DatasetError) as caught:
                read(path)
            assert caught.value.code == "xlsx_sheet_unreadable"
            assert caught.value.params["sheet"] == SUBJECTS

    def test_row_limit(self, tmp_path: Path) -> None:
        """Limit 2 rows a sheet; rows 2 and 3 are records: row 3 is beyond, refused."""
        path = fill(tmp_path / "w.xlsx", {SUBJECTS: [_subject(), _subject({"Mã": "S-2"})]})
        with pytest.raises(DatasetError) as caught:
            load_dataset(path, limits=LoadLimits(rows=2))
        assert caught.value.code == "xlsx_too_many_rows"


class TestStream:
    """evaluate_stream over a workbook: the same evaluation as a load of it."""

    def test_stream_equals_load(self, tmp_path: Path) -> None:
        """Two subjects: the streamed evaluation's JSON is the loaded one's; notes once."""
        from threeno.indicators.engine import evaluate  # noqa: PLC0415
        from threeno.io import evaluate_stream  # noqa: PLC0415

        path = fill(tmp_path / "s.xlsx", {SUBJECTS: [_subject(), _subject({"Mã": "S-2"})]})
        period = plan().period("2024")
        streamed, report = evaluate_stream(plan(), path, period)
        data, _ = load_dataset(path, plan=plan())
        assert streamed.to_json() == evaluate(plan(), data, period, explain="failures").to_json()
        assert report.read == 2
        skipped = [n for n in report.notes if n.code == "xlsx_sheet_skipped"]
        assert len(skipped) == 2  # the instructions and the lists, once each


class TestDimension:
    """A sheet that claims a wrong size is read whole."""

    def test_rows_beyond_a_wrong_dimension_are_read(self, tmp_path: Path) -> None:
        """The sheet says it spans A1 only; its two rows of records are read all the same."""
        import re  # noqa: PLC0415
        import zipfile  # noqa: PLC0415

        path = fill(tmp_path / "w.xlsx", {SUBJECTS: [_subject(), _subject({"Mã": "S-2"})]})
        wrong = tmp_path / "wrong.xlsx"
        with zipfile.ZipFile(path) as source, zipfile.ZipFile(wrong, "w") as target:
            for name in source.namelist():
                part = source.read(name)
                if name.startswith("xl/worksheets/"):
                    part = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1"/>', part)
                target.writestr(name, part)
        loaded, report = load_dataset(wrong)
        assert [s.id for s in loaded.subjects] == ["S-1", "S-2"]
        assert report.read == 2
