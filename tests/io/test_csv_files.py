"""CSV files: one column per field, lists in one cell, what a spreadsheet user writes."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest

from tests.io.io_samples import write_text
from threeno.errors import DatasetError
from threeno.io._csvcells import Column, Kind, columns
from threeno.io.datasets import dump_dataset, load_dataset
from threeno.io.report import TypeCounts
from threeno.messages import Notice
from threeno.model.activities import SafetyAssessment
from threeno.model.crime import CrimeReport, Extension, Suspension
from threeno.model.dataset import Dataset
from threeno.model.enums import (
    AssessmentScope,
    Decision,
    ExtensionKind,
    ReportSource,
    SubjectCategory,
    SuspensionReason,
)
from threeno.model.subjects import CategorySpan, Subject

if TYPE_CHECKING:
    from pathlib import Path

SUBJECTS_HEADER = (
    "id,sex,birth_year,ethnicity,unit_code,registered_on,categories,full_name,national_id,phone"
)
REVIEWS_HEADER = "id,unit_code,held_on,kind,maintained"


def load_csv(
    folder: Path, name: str, text: str, encoding: str = "utf-8"
) -> tuple[Dataset, list[str]]:
    """Write ``text`` as ``folder/name.csv`` and load the folder; the rejections' lines."""
    write_text(folder / f"{name}.csv", text, encoding)
    data, report = load_dataset(folder)
    return data, [line for r in report.rejections for line in str(r).splitlines()]


class TestColumns:
    """The columns of a record type, and how each cell is written."""

    def test_subject_columns(self) -> None:
        """Every field is a column, in the model's order; categories are objects."""
        cols = columns(Subject)
        assert ",".join(c.name for c in cols) == SUBJECTS_HEADER
        categories = cols[6]
        assert (
            categories.kind,
            categories.parts,
            categories.required_parts,
        ) == (Kind.OBJECTS, ("category", "since", "until"), 2)
        assert categories.form == "category:since[:until]"

    def test_kinds(self) -> None:
        """Flags, whole numbers, lists and text, each from the field's type."""
        kinds = {c.name: c.kind for c in columns(CrimeReport)}
        assert Kind.WHOLE is kinds["offence_article"]
        assert Kind.LIST is kinds["victim_ids"]
        assert Kind.OBJECTS is kinds["suspensions"]
        assert Kind.TEXT is kinds["received_on"]
        assert Kind.TEXT is kinds["decision"]

    def test_form_with_every_part_required(self) -> None:
        """An extension has two required parts and nothing optional."""
        column = Column(
            name="extensions",
            kind=Kind.OBJECTS,
            required=False,
            parts=("kind", "granted_on"),
            required_parts=2,
        )
        assert column.form == "kind:granted_on"


class TestReading:
    """Cells to records."""

    def test_subject_with_categories(self, tmp_path: Path) -> None:
        """Two categories in one cell; empty cells are absent values."""
        text = (
            f"{SUBJECTS_HEADER}\n"
            "S-1,female,1998,08,03386,2024-01-10,"
            "returned_victim:2024-03-01;poor:2023-01-01:2024-06-30,,,\n"
        )
        data, rejected = load_csv(tmp_path, "subjects", text)
        assert rejected == []
        (subject,) = data.subjects
        assert (SubjectCategory.RETURNED_VICTIM, dt.date(2024, 3, 1), None) == (
            subject.categories[0].category,
            subject.categories[0].since,
            subject.categories[0].until,
        )
        assert (
            CategorySpan(
                category=SubjectCategory.POOR, since=dt.date(2023, 1, 1), until=dt.date(2024, 6, 30)
            )
            == subject.categories[1]
        )
        assert (subject.full_name, subject.national_id, subject.phone) == (None, None, None)

    def test_crime_report_with_lists(self, tmp_path: Path) -> None:
        """Extensions, suspensions and victims, each a ``;``-separated cell."""
        header = ",".join(c.name for c in columns(CrimeReport))
        row = (
            "CR-1,to_giac,150,03386,2024-01-25,cong-an-tp,2024-01-26,"
            "complex:2024-02-10;procuracy:2024-03-20,"
            "expert_examination:2024-02-01:2024-02-20;documents_pending:2024-04-01,"
            "tam_dinh_chi,2024-04-01,,,S-1;S-2"
        )
        data, rejected = load_csv(tmp_path, "crime_reports", f"{header}\n{row}\n")
        assert rejected == []
        expected = CrimeReport(
            id="CR-1",
            source=ReportSource.TO_GIAC,
            offence_article=150,
            unit_code="03386",
            received_on=dt.date(2024, 1, 25),
            receiving_agency="cong-an-tp",
            classified_on=dt.date(2024, 1, 26),
            extensions=[
                Extension(kind=ExtensionKind.COMPLEX, granted_on=dt.date(2024, 2, 10)),
                Extension(kind=ExtensionKind.PROCURACY, granted_on=dt.date(2024, 3, 20)),
            ],
            suspensions=[
                Suspension(
                    reason=SuspensionReason.EXPERT_EXAMINATION,
                    from_date=dt.date(2024, 2, 1),
                    resumed_on=dt.date(2024, 2, 20),
                ),
                Suspension(
                    reason=SuspensionReason.DOCUMENTS_PENDING, from_date=dt.date(2024, 4, 1)
                ),
            ],
            decision=Decision.TAM_DINH_CHI,
            decided_on=dt.date(2024, 4, 1),
            victim_ids=["S-1", "S-2"],
        )
        assert (expected,) == data.crime_reports

    def test_flags_in_any_case(self, tmp_path: Path) -> None:
        """``TRUE`` (as Excel writes it) and ``false`` are flags."""
        text = (
            f"{REVIEWS_HEADER}\n"
            "MR-1,03386,2024-06-20,so_ket,TRUE\n"
            "MR-2,03386,2024-06-20,so_ket,false\n"
        )
        data, rejected = load_csv(tmp_path, "model_reviews", text)
        assert rejected == []
        assert tuple(r.maintained for r in data.model_reviews) == (True, False)

    def test_columns_in_any_order(self, tmp_path: Path) -> None:
        """A spreadsheet user may move columns: they are found by name."""
        text = "maintained,kind,held_on,unit_code,id\ntrue,so_ket,2024-06-20,03386,MR-1\n"
        data, rejected = load_csv(tmp_path, "model_reviews", text)
        assert rejected == []
        assert data.model_reviews[0].unit_code == "03386"

    def test_semicolon_separated_file(self, tmp_path: Path) -> None:
        """Excel in a Vietnamese locale separates cells with ``;``; lists are then quoted."""
        header = SUBJECTS_HEADER.replace(",", ";")
        row = 'S-1;female;1998;08;03386;2024-01-10;"poor:2023-01-01;unemployed:2023-05-01";;;'
        data, rejected = load_csv(tmp_path, "subjects", f"{header}\n{row}\n")
        assert rejected == []
        assert len(data.subjects[0].categories) == 2

    def test_byte_order_mark_and_crlf(self, tmp_path: Path) -> None:
        """Excel's "CSV UTF-8": a BOM and CRLF line ends."""
        text = f"{REVIEWS_HEADER}\r\nMR-1,03386,2024-06-20,tong_ket,true\r\n"
        data, rejected = load_csv(tmp_path, "model_reviews", text, encoding="utf-8-sig")
        assert rejected == []
        assert len(data.model_reviews) == 1

    def test_header_only_is_no_records(self, tmp_path: Path) -> None:
        """A file with its header and no row holds zero records."""
        data, rejected = load_csv(tmp_path, "model_reviews", f"{REVIEWS_HEADER}\n")
        assert (rejected, len(data)) == ([], 0)

    def test_empty_rows_are_skipped_with_a_note(self, tmp_path: Path) -> None:
        """Rows of empty cells (spreadsheets leave them) are no records; the note says so."""
        text = f"{REVIEWS_HEADER}\n,,,,\nMR-1,03386,2024-06-20,so_ket,true\n\n"
        write_text(tmp_path / "model_reviews.csv", text)
        _, report = load_dataset(tmp_path)
        assert TypeCounts(read=1, accepted=1) == report.counts["model_reviews"]
        file = str(tmp_path / "model_reviews.csv")
        assert Notice("empty_rows_skipped", {"file": file, "count": 2}) in report.notes
        assert f"{file}: 2 empty rows skipped" in [str(note) for note in report.notes]


class TestBadCells:
    """A bad cell rejects its row, naming the file, the line, the id and the field."""

    def test_whole_number_and_enum(self, tmp_path: Path) -> None:
        """``1998.0`` is not a whole number, ``f`` not a sex: both reported, in column order."""
        file = tmp_path / "subjects.csv"
        text = f"{SUBJECTS_HEADER}\nS-1,f,1998.0,08,03386,2024-01-10,,,,\n"
        _, rejected = load_csv(tmp_path, "subjects", text)
        assert rejected == [
            f"{file}, line 2, id 'S-1': sex: unknown Sex 'f'; known values: female, male",
            f"{file}, line 2, id 'S-1': birth_year: must be a whole number, not '1998.0'",
        ]

    def test_flag(self, tmp_path: Path) -> None:
        """``yes`` is not a flag."""
        text = f"{REVIEWS_HEADER}\nMR-1,03386,2024-06-20,so_ket,yes\n"
        _, rejected = load_csv(tmp_path, "model_reviews", text)
        file = tmp_path / "model_reviews.csv"
        assert rejected == [
            f"{file}, line 2, id 'MR-1': maintained: must be true or false, not 'yes'"
        ]

    def test_empty_required_cell(self, tmp_path: Path) -> None:
        """A review without its unit: the cell is empty and a value is required."""
        text = f"{REVIEWS_HEADER}\nMR-1,,2024-06-20,so_ket,true\n"
        _, rejected = load_csv(tmp_path, "model_reviews", text)
        file = tmp_path / "model_reviews.csv"
        assert rejected == [
            f"{file}, line 2, id 'MR-1': unit_code: empty cell: a value is required"
        ]

    def test_date_in_another_format(self, tmp_path: Path) -> None:
        """``25/01/2024``, as a spreadsheet set to Vietnamese may write a date, is refused."""
        text = f"{REVIEWS_HEADER}\nMR-1,03386,25/01/2024,so_ket,true\n"
        _, rejected = load_csv(tmp_path, "model_reviews", text)
        file = tmp_path / "model_reviews.csv"
        expected = (
            f"{file}, line 2, id 'MR-1': held_on: must be a date written YYYY-MM-DD,"
            " not '25/01/2024'"
        )
        assert [expected] == rejected

    def test_object_with_too_few_parts(self, tmp_path: Path) -> None:
        """A category without its start date."""
        text = f"{SUBJECTS_HEADER}\nS-1,female,1998,08,03386,2024-01-10,returned_victim,,,\n"
        _, rejected = load_csv(tmp_path, "subjects", text)
        file = tmp_path / "subjects.csv"
        expected = (
            f"{file}, line 2, id 'S-1': categories[0]: must be written category:since[:until],"
            " not 'returned_victim'"
        )
        assert [expected] == rejected

    def test_object_with_an_empty_required_part(self, tmp_path: Path) -> None:
        """``:2024-01-10`` has no category."""
        text = f"{SUBJECTS_HEADER}\nS-1,female,1998,08,03386,2024-01-10,:2024-01-10,,,\n"
        _, rejected = load_csv(tmp_path, "subjects", text)
        file = tmp_path / "subjects.csv"
        assert rejected == [
            f"{file}, line 2, id 'S-1': categories[0].category: empty: a value is required"
        ]

    def test_wrong_number_of_cells(self, tmp_path: Path) -> None:
        """A row with a cell too few (a comma lost) is rejected; the next row loads."""
        text = f"{REVIEWS_HEADER}\nMR-1,03386,2024-06-20,true\nMR-2,03386,2024-06-20,so_ket,true\n"
        data, rejected = load_csv(tmp_path, "model_reviews", text)
        file = tmp_path / "model_reviews.csv"
        assert rejected == [f"{file}, line 2: 4 cells, but the header has 5 columns"]
        assert tuple(r.id for r in data.model_reviews) == ("MR-2",)

    def test_malformed_quoting(self, tmp_path: Path) -> None:
        """A stray quote is refused by the CSV reader; the load goes on with the next row."""
        text = (
            f"{REVIEWS_HEADER}\n"
            'MR-1,"03386"x,2024-06-20,so_ket,true\n'
            "MR-2,03386,2024-06-20,so_ket,true\n"
        )
        data, rejected = load_csv(tmp_path, "model_reviews", text)
        file = tmp_path / "model_reviews.csv"
        assert rejected == [f"{file}, line 2: not valid CSV: ',' expected after '\"'"]
        assert tuple(r.id for r in data.model_reviews) == ("MR-2",)

    def test_line_numbers_count_multi_line_cells(self, tmp_path: Path) -> None:
        """A quoted cell holding a line break spans two lines; the next row is on line 4.

        The line break itself is refused in a code (issue 17: no output shows it as it
        is), at the cell's row, line 2.
        """
        text = (
            "id,agency,period,submitted_on\n"
            'RS-1,"hoi-phu-nu-tp\nxa",2024-H1,2024-06-16\n'
            "RS-2,hoi-phu-nu-tp,2024-H9,2024-06-16\n"
        )
        data, rejected = load_csv(tmp_path, "report_submissions", text)
        assert len(data.report_submissions) == 0
        file = tmp_path / "report_submissions.csv"
        assert rejected[0] == (
            f"{file}, line 2, id 'RS-1': agency: holds a control character U+000A at character"
            " 14: a text that cannot be printed as it is is refused; remove the character"
        )
        assert rejected[1].startswith(f"{file}, line 4, id 'RS-2'")


class TestBadFiles:
    """A CSV file whose columns are not the type's stops the load, naming file and column."""

    def test_missing_column(self, tmp_path: Path) -> None:
        """No ``maintained`` column."""
        write_text(tmp_path / "model_reviews.csv", "id,unit_code,held_on,kind\n")
        with pytest.raises(DatasetError) as excinfo:
            load_dataset(tmp_path)
        expected = (
            f"{tmp_path / 'model_reviews.csv'}: missing column 'maintained' (the columns of"
            " model_reviews are id, unit_code, held_on, kind, maintained)"
        )
        assert expected == str(excinfo.value)

    def test_extra_column(self, tmp_path: Path) -> None:
        """A ``note`` column is not a field: refused, named by its position (issue 17).

        A first row with a cell that is no column may be a record: no cell is quoted.
        """
        write_text(tmp_path / "model_reviews.csv", f"{REVIEWS_HEADER},note\n")
        with pytest.raises(DatasetError) as excinfo:
            load_dataset(tmp_path)
        expected = (
            f"{tmp_path / 'model_reviews.csv'}: cell 6 of the first row is not a column name"
            " (not quoted: it may be data) (the columns of model_reviews are id, unit_code,"
            " held_on, kind, maintained)"
        )
        assert expected == str(excinfo.value)

    def test_header_row_lost(self, tmp_path: Path) -> None:
        """A first row that names no column is data: it is not quoted (it may be personal)."""
        row = "S-1,female,1990,01,03386,2024-01-02,,Lò Thị Ví Dụ,012345678901,0912345678"
        write_text(tmp_path / "subjects.csv", row + "\n")
        with pytest.raises(DatasetError) as excinfo:
            load_dataset(tmp_path)
        message = str(excinfo.value)
        assert message.startswith(
            f"{tmp_path / 'subjects.csv'}: the first row names none of the columns of subjects"
            " (is the header row missing?); its 10 cells are not quoted, since they may be data"
        )
        for cell in row.split(","):
            assert not cell or f"'{cell}'" not in message

    def test_column_twice(self, tmp_path: Path) -> None:
        """Two ``id`` columns: which one counts?"""
        write_text(tmp_path / "model_reviews.csv", f"{REVIEWS_HEADER},id\n")
        with pytest.raises(DatasetError, match="column 'id' appears twice"):
            load_dataset(tmp_path)

    def test_empty_file(self, tmp_path: Path) -> None:
        """An empty CSV file has no header: an error listing the columns to write."""
        write_text(tmp_path / "model_reviews.csv", "")
        with pytest.raises(DatasetError) as excinfo:
            load_dataset(tmp_path)
        expected = (
            f"{tmp_path / 'model_reviews.csv'}: empty file; its first row must name the"
            f" columns: {REVIEWS_HEADER.replace(',', ', ')}"
        )
        assert expected == str(excinfo.value)

    def test_not_utf8(self, tmp_path: Path) -> None:
        """A file saved as Latin-1 (Excel's plain "CSV" on some systems): ``à`` is 0xe0."""
        text = (
            f"{REVIEWS_HEADER}\n"
            "MR-1,03386,2024-06-20,so_ket,true\n"
            "MR-à,03386,2024-06-20,so_ket,true\n"
        )
        with pytest.raises(DatasetError) as excinfo:
            load_csv(tmp_path, "model_reviews", text, encoding="latin-1")
        expected = (
            f"{tmp_path / 'model_reviews.csv'}, line 3: not UTF-8 text (byte 0xe0); save the"
            " file as UTF-8 (in Excel: CSV UTF-8)"
        )
        assert expected == str(excinfo.value)


class TestWriting:
    """Records to cells, and what a cell cannot hold."""

    def test_written_cells(self, tmp_path: Path) -> None:
        """A subject's row: categories as objects, an absent end left out, empty cells."""
        row = "S-1,female,1998,08,03386,2024-01-10,{},,,"
        categories = "poor:2023-01-01:2024-06-30;returned_victim:2024-03-01"
        text = f"{SUBJECTS_HEADER}\n{row.format(categories)}\n"
        data, _ = load_csv(tmp_path / "in", "subjects", text)
        (path,) = [p for p in dump_dataset(data, tmp_path / "out", "csv") if p.stem == "subjects"]
        # The BOM for Excel, the CRLF line ends of RFC 4180, the categories in the model's
        # order (the order the file gave).
        expected = f"\ufeff{SUBJECTS_HEADER}\r\n{row.format(categories)}\r\n"
        assert expected == path.read_bytes().decode("utf-8")

    def test_list_item_with_a_semicolon_is_refused(self, tmp_path: Path) -> None:
        """``a;b`` as one criterion would read back as two: the writer refuses it."""
        assessment = SafetyAssessment(
            id="SF-1",
            unit_code="03386",
            scope=AssessmentScope.XA_PHUONG,
            year=2024,
            assessed_on=dt.date(2024, 12, 1),
            meets_standard=False,
            criteria_failed=["a;b"],
        )
        with pytest.raises(DatasetError) as excinfo:
            dump_dataset(Dataset(safety_assessments=[assessment]), tmp_path, "csv")
        expected = (
            f"{tmp_path / 'safety_assessments.csv'}: safety_assessments id 'SF-1':"
            " criteria_failed[0]: an item holding ';' cannot be written in a CSV list"
        )
        assert expected == str(excinfo.value)
