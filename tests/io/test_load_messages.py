"""Loading data in Vietnamese or English: every reason with its code, every note, the report.

For each kind of rejection, the test writes one bad line or row and checks the reason's
code, its params, its English text (unchanged: tools and tests read it) and its
Vietnamese text, written out in full here and read by hand. Then a load with every fault
at once must leave no English word in its Vietnamese report (``tests/english.py``: field
names, codes, file names and quoted values aside).
"""

from __future__ import annotations

import copy
import json
from typing import TYPE_CHECKING, Any

import pytest

from tests.english import english_words
from tests.io.io_samples import RECORDS, write_jsonl, write_text
from tests.sentinel_data import bad_subjects
from threeno.errors import DatasetError
from threeno.io.datasets import DEFAULT_LIMITS, SCHEMA, LoadLimits, dump_dataset, load_dataset
from threeno.io.report import FieldProblem, LoadReport, Rejection, TypeCounts
from threeno.messages import Notice
from threeno.model.dataset import Problem
from threeno.plans import load_plan

if TYPE_CHECKING:
    from pathlib import Path

REVIEW: dict[str, Any] = RECORDS["model_reviews"][0]
REVIEWS_HEADER = "id,unit_code,held_on,kind,maintained"
SUBJECTS_HEADER = (
    "id,sex,birth_year,ethnicity,unit_code,registered_on,categories,full_name,national_id,phone"
)
PLAN = load_plan("lai-chau-2024")


def only_problem(report: LoadReport) -> tuple[Rejection, FieldProblem]:
    """The one rejection of a load, and its one problem."""
    (rejection,) = report.rejections
    (problem,) = rejection.problems
    return rejection, problem


def reviews_jsonl(tmp_path: Path, line: object, limits: LoadLimits | None = None) -> LoadReport:
    """Load a JSON Lines file of model reviews holding one line (a record or raw text)."""
    write_jsonl(tmp_path, "model_reviews", [line])
    return load_dataset(tmp_path / "model_reviews.jsonl", limits=limits or DEFAULT_LIMITS)[1]


#: (the line, code, params, English, Vietnamese) of a JSON Lines line rejected.
LINES: list[tuple[object, str, dict[str, object], str, str]] = [
    (
        {**REVIEW, "maintained": "yes"},
        "not_boolean",
        {"type": "str"},
        "maintained: must be true or false, not str",
        "trường maintained: phải là true hoặc false, không phải văn bản",
    ),
    (
        {k: v for k, v in REVIEW.items() if k != "held_on"},
        "missing_key",
        {},
        "held_on: required key missing",
        "trường held_on: bắt buộc phải có nhưng bị thiếu",
    ),
    (
        {**REVIEW, "nickname": "x"},
        "unknown_key",
        {},
        "nickname: unknown key",
        "trường nickname: không có trong từ điển dữ liệu",
    ),
    (
        {**REVIEW, "held_on": "20/06/2024"},
        "date_format",
        {"value": "20/06/2024"},
        "held_on: must be a date written YYYY-MM-DD, not '20/06/2024'",
        "trường held_on: phải là ngày ghi theo dạng YYYY-MM-DD, không phải '20/06/2024'",
    ),
    (
        {**REVIEW, "held_on": "2024-02-30"},  # February 2024 has 29 days
        "no_such_date",
        {"value": "2024-02-30"},
        "held_on: '2024-02-30' is not a date that exists",
        "trường held_on: '2024-02-30' không phải là ngày có thật",
    ),
    (
        {**REVIEW, "kind": "Sơ kết"},
        "label_not_code",
        {
            "enum": "ReviewKind",
            "value": "Sơ kết",
            "known": "so_ket, tong_ket",
            "choices": "so_ket (Sơ kết), tong_ket (Tổng kết)",
            "slug": "so_ket",
        },
        "kind: unknown ReviewKind 'Sơ kết'; known values: so_ket, tong_ket (write the code so_ket)",
        (
            "trường kind: 'Sơ kết' không phải là mã trong danh mục: hãy ghi mã so_ket (các mã hợp"
            " lệ: so_ket (Sơ kết), tong_ket (Tổng kết))"
        ),
    ),
    (
        {**REVIEW, "kind": 2},
        "enum_not_text",
        {
            "known": "so_ket, tong_ket",
            "choices": "so_ket (Sơ kết), tong_ket (Tổng kết)",
            "type": "int",
        },
        "kind: must be one of so_ket, tong_ket (as text), not int",
        (
            "trường kind: phải là mã ghi dạng văn bản, không phải số nguyên; các mã hợp lệ: so_ket"
            " (Sơ kết), tong_ket (Tổng kết)"
        ),
    ),
    (
        # 14 characters, then the end where a key belongs: column 15.
        '{"id": "MR-1",',
        "not_json",
        {"detail": "Expecting property name enclosed in double quotes", "column": 15},
        "not valid JSON: Expecting property name enclosed in double quotes (column 15)",
        "không phải JSON hợp lệ (cột 15)",
    ),
    (
        '{"id": "MR-1", "id": "MR-2"}',
        "duplicate_json_key",
        {"key": "id"},
        "not valid JSON: duplicate key 'id' in an object",
        "không phải JSON hợp lệ: khóa 'id' lặp lại trong cùng một nhóm",
    ),
    (
        {**REVIEW, "maintained": [True]},
        "not_boolean",
        {"type": "list"},
        "maintained: must be true or false, not list",
        "trường maintained: phải là true hoặc false, không phải danh sách",
    ),
    (
        [REVIEW],
        "not_an_object",
        {"type": "list"},
        "must be an object of {key: value} pairs, not list",
        "phải là một nhóm {khóa: giá trị}, không phải danh sách",
    ),
]


@pytest.mark.parametrize("case", LINES, ids=[case[1] for case in LINES])
def test_a_line_rejected(
    tmp_path: Path, case: tuple[object, str, dict[str, object], str, str]
) -> None:
    """The reason's code and params; English as before; Vietnamese in full."""
    line, code, params, english, vietnamese = case
    _, problem = only_problem(reviews_jsonl(tmp_path, line))
    assert (problem.code, dict(problem.params)) == (code, params)
    assert (str(problem), problem.text("en"), problem.text("vi")) == (english, english, vietnamese)


class TestLimitsAndBytes:
    """Lines beyond the limits, and bytes that are not UTF-8."""

    def test_too_deep(self, tmp_path: Path) -> None:
        """An object (1) holding a list (2) holding a list (3): deeper than a limit of 2."""
        report = reviews_jsonl(tmp_path, '{"id": "MR-1", "x": [[1]]}', LoadLimits(depth=2))
        _, problem = only_problem(report)
        assert (problem.code, dict(problem.params)) == ("too_deep", {"depth": 2})
        assert problem.text("vi") == "lồng nhau quá 2 cấp, vượt giới hạn (LoadLimits.depth)"

    def test_too_long(self, tmp_path: Path) -> None:
        """A line of more than 1,000 bytes where 1,000 is the limit: 1.000 in Vietnamese."""
        line = json.dumps({**REVIEW, "id": "M" * 1000})
        report = reviews_jsonl(tmp_path, line, LoadLimits(line_bytes=1000))
        _, problem = only_problem(report)
        assert (problem.code, dict(problem.params)) == ("line_too_long", {"limit": 1000})
        assert str(problem) == "line longer than 1,000 bytes, the limit (LoadLimits.line_bytes)"
        assert problem.text("vi") == (
            "dòng dài hơn 1.000 byte, vượt giới hạn (LoadLimits.line_bytes)"
        )

    def test_not_utf8(self, tmp_path: Path) -> None:
        """A byte 0xff, which UTF-8 never uses."""
        (tmp_path / "model_reviews.jsonl").write_bytes(b'{"id": "MR-\xff"}\n')
        _, report = load_dataset(tmp_path / "model_reviews.jsonl")
        _, problem = only_problem(report)
        assert (problem.code, dict(problem.params)) == ("not_utf8", {"byte": 0xFF})
        assert str(problem) == "not UTF-8 text (byte 0xff); save the file as UTF-8"
        assert problem.text("vi") == (
            "không phải văn bản UTF-8 (byte 0xff); hãy lưu tệp dạng UTF-8"
        )


class TestWhereARecordIs:
    """A rejection's place, in each language, and duplicate ids."""

    def test_a_line(self, tmp_path: Path) -> None:
        """Line 2 of a JSON Lines file repeats line 1's id: both rejected (issue 17)."""
        write_jsonl(tmp_path, "model_reviews", [REVIEW, REVIEW])
        _, report = load_dataset(tmp_path / "model_reviews.jsonl")
        first, second = report.rejections
        (problem,) = second.problems
        file = str(tmp_path / "model_reviews.jsonl")
        assert problem.code == "duplicate_id"
        assert problem.notice is not None
        assert problem.notice.to_dict()["params"] == {
            "others": [{"code": "place_line", "params": {"line": 1}}]
        }
        assert second.text("en") == (
            f"{file}, line 2, id 'MR-1': id: duplicate id: the same id is also at line 1;"
            " every record whose id repeats is rejected"
        )
        assert second.text("vi") == (
            f"tệp {file}, dòng 2, mã 'MR-1': trường id: trùng mã: mã này còn có ở dòng 1; mọi"
            " bản ghi có mã lặp lại đều bị loại"
        )
        assert first.text("en").startswith(f"{file}, line 1, id 'MR-1': id: duplicate id:")

    def test_a_document_in_memory(self) -> None:
        """model_reviews[0] and [1] of a document given as a mapping share an id."""
        _, report = load_dataset({"schema": SCHEMA, "model_reviews": [REVIEW, REVIEW]})
        first, second = report.rejections
        assert [p.code for p in second.problems] == ["duplicate_id"]
        assert first.text("en") == (
            "model_reviews[0], id 'MR-1': id: duplicate id: the same id is also at"
            " model_reviews[1]; every record whose id repeats is rejected"
        )
        assert second.text("vi") == (
            "model_reviews[1], mã 'MR-1': trường id: trùng mã: mã này còn có ở"
            " model_reviews[0]; mọi bản ghi có mã lặp lại đều bị loại"
        )


def reviews_csv(tmp_path: Path, rows: str) -> LoadReport:
    """Load a CSV file of model reviews: the header, then ``rows``."""
    write_text(tmp_path / "model_reviews.csv", f"{REVIEWS_HEADER}\n{rows}")
    return load_dataset(tmp_path / "model_reviews.csv")[1]


#: (the row, code, params, English, Vietnamese) of a CSV row rejected.
ROWS: list[tuple[str, str, dict[str, object], str, str]] = [
    (
        "MR-1,03386,2024-06-20,so_ket,có\n",
        "cell_not_boolean",
        {"value": "có"},
        "maintained: must be true or false, not 'có'",
        "trường maintained: phải là true hoặc false, không phải 'có'",
    ),
    (
        "MR-1,03386,,so_ket,true\n",
        "empty_cell",
        {},
        "held_on: empty cell: a value is required",
        "trường held_on: ô trống: phải có giá trị",
    ),
    (
        "MR-1,03386,2024-06-20,so_ket\n",
        "cell_count",
        {"count": 4, "columns": 5},
        "4 cells, but the header has 5 columns",
        "dòng có 4 ô, nhưng dòng tiêu đề có 5 cột",
    ),
    (
        'MR-1,03386,2024-06-20,so_ket,"true\n',
        "not_csv",
        {"detail": "unexpected end of data"},
        "not valid CSV: unexpected end of data",
        "không phải CSV hợp lệ",
    ),
]


@pytest.mark.parametrize("case", ROWS, ids=[case[1] for case in ROWS])
def test_a_row_rejected(tmp_path: Path, case: tuple[str, str, dict[str, object], str, str]) -> None:
    """The reason of a bad CSV row, in both languages."""
    row, code, params, english, vietnamese = case
    rejection, problem = only_problem(reviews_csv(tmp_path, row))
    assert (problem.code, dict(problem.params)) == (code, params)
    assert (str(problem), problem.text("vi")) == (english, vietnamese)
    assert rejection.location_text("vi").startswith(f"tệp {tmp_path / 'model_reviews.csv'}, dòng 2")


class TestCsvCellsOfSubjects:
    """Cells of a subject's row: a whole number, a list of objects."""

    def load(self, tmp_path: Path, row: str) -> FieldProblem:
        """The one problem of a subjects file with ``row``."""
        write_text(tmp_path / "subjects.csv", f"{SUBJECTS_HEADER}\n{row}")
        return only_problem(load_dataset(tmp_path / "subjects.csv")[1])[1]

    def test_whole_number(self, tmp_path: Path) -> None:
        """1998.0 is how a spreadsheet writes a year it took for a decimal."""
        problem = self.load(tmp_path, "S-1,female,1998.0,08,03386,2024-01-10,,,,\n")
        assert (problem.code, dict(problem.params)) == (
            "cell_not_whole_number",
            {"value": "1998.0"},
        )
        assert problem.text("vi") == "trường birth_year: phải là số nguyên, không phải '1998.0'"

    def test_object_form(self, tmp_path: Path) -> None:
        """A category without its date: 1 part where category:since[:until] needs 2 or 3."""
        problem = self.load(tmp_path, "S-1,female,1998,08,03386,2024-01-10,poor,,,\n")
        assert (problem.code, dict(problem.params)) == (
            "cell_object_form",
            {"form": "category:since[:until]", "value": "poor"},
        )
        assert problem.text("vi") == (
            "trường categories[0]: phải ghi theo dạng category:since[:until], không phải 'poor'"
        )

    def test_empty_part(self, tmp_path: Path) -> None:
        """'poor:' has two parts, the date empty."""
        problem = self.load(tmp_path, "S-1,female,1998,08,03386,2024-01-10,poor:,,,\n")
        assert (problem.field, problem.code) == ("categories[0].since", "empty_part")
        assert problem.text("vi") == "trường categories[0].since: để trống: phải có giá trị"


class TestFilesThatStopALoad:
    """A DatasetError carries a code and is written in both languages."""

    def test_csv_columns(self, tmp_path: Path) -> None:
        """'maintained' written 'kept': the missing column named, the unknown one by position.

        The unknown cell is not quoted (issue 17): the first row may be a record.
        """
        file = write_text(tmp_path / "model_reviews.csv", "id,unit_code,held_on,kind,kept\n")
        with pytest.raises(DatasetError) as caught:
            load_dataset(file)
        error = caught.value
        assert error.code == "csv_columns"
        assert [n.code for n in error.params["faults"]] == ["column_missing", "column_unknown"]  # type: ignore[attr-defined]
        columns = "id, unit_code, held_on, kind, maintained"
        assert str(error) == (
            f"{file}: missing column 'maintained'; cell 5 of the first row is not a column"
            f" name (not quoted: it may be data) (the columns of model_reviews are {columns})"
        )
        assert error.text("vi") == (
            f"tệp {file}: thiếu cột 'maintained'; ô thứ 5 của dòng đầu tiên không phải tên cột"
            f" (không nêu ra vì có thể là dữ liệu) (các cột của model_reviews: {columns})"
        )

    def test_unknown_schema(self) -> None:
        """A document of a schema this release does not read, given in memory."""
        with pytest.raises(DatasetError) as caught:
            load_dataset({"schema": "threeno/0"})
        assert caught.value.code == "unknown_schema"
        assert str(caught.value) == (
            "the document: unknown schema 'threeno/0'; this release of threeno reads threeno/1"
        )
        assert caught.value.text("vi") == (
            "tài liệu được truyền vào: không nhận ra schema 'threeno/0'; phiên bản threeno này"
            " đọc được threeno/1"
        )

    def test_no_such_path(self, tmp_path: Path) -> None:
        """A path that is neither file nor folder."""
        with pytest.raises(DatasetError) as caught:
            load_dataset(tmp_path / "nothing.json")
        assert caught.value.code == "no_such_path"
        assert (
            caught.value.text("vi") == f"{tmp_path / 'nothing.json'}: không có tệp hay thư mục này"
        )


class TestNotes:
    """The notes of a load, each a Notice."""

    def test_no_plan(self) -> None:
        """Without a plan the unit codes are not checked, and the report says so."""
        _, report = load_dataset({"schema": SCHEMA})
        assert report.notes == (Notice("units_not_checked"),)
        assert report.ok  # a note is no rejection

    def test_with_a_plan(self) -> None:
        """With a plan they are, and no note says otherwise."""
        _, report = load_dataset({"schema": SCHEMA}, plan=PLAN)
        assert report.notes == ()

    def test_folder_notes(self, tmp_path: Path) -> None:
        """One file of 8 types: 7 missing; a README ignored; then no plan."""
        write_jsonl(tmp_path, "model_reviews", [REVIEW])
        write_text(tmp_path / "README.md", "notes")
        _, report = load_dataset(tmp_path)
        codes = [n.code for n in report.notes]
        assert codes == ["file_missing"] * 7 + ["file_ignored", "units_not_checked"]
        assert report.notes[0].text("vi") == (
            "không có tệp subjects.jsonl: không có dữ liệu loại này"
        )
        assert (
            report.notes[7].text("vi")
            == f"thư mục {tmp_path}: bỏ qua 'README.md' (không phải tệp dữ liệu)"
        )

    def test_empty_rows(self, tmp_path: Path) -> None:
        """Two rows of empty cells are skipped and counted."""
        report = reviews_csv(tmp_path, ",,,,\nMR-1,03386,2024-06-20,so_ket,true\n,,,,\n")
        (skipped,) = (n for n in report.notes if n.code == "empty_rows_skipped")
        assert skipped.text("vi") == f"tệp {tmp_path / 'model_reviews.csv'}: bỏ qua 2 dòng trống"

    def test_notes_given_as_text(self) -> None:
        """A caller's note given as text keeps its words in either language."""
        report = LoadReport(source="x", notes=("from the ministry's export",))
        assert report.notes == (Notice("note", {"text": "from the ministry's export"}),)


def test_the_whole_report_in_vietnamese() -> None:
    """Two types read, one rejection, one problem, one note, written out by hand.

    Read 3: 1 model review (accepted) and 2 support actions, of which SA-2's amount is
    negative (rejected); SA-1's subject S-1 is not in the data (a problem). 3 read = 2
    accepted + 1 rejected.
    """
    support = RECORDS["support_actions"][0]
    document = {
        "schema": SCHEMA,
        "support_actions": [support, {**support, "id": "SA-2", "amount_vnd": -5}],
        "model_reviews": [REVIEW],
    }
    _, report = load_dataset(document)
    assert report.text("vi") == (
        "tài liệu được truyền vào: đã đọc 3 bản ghi, 2 hợp lệ, 1 bị loại; 1 vấn đề giữa các"
        " bản ghi\n"
        "  Nhóm dữ liệu              Đã đọc  Hợp lệ  Bị loại\n"
        "  Hoạt động hỗ trợ               2       1        1\n"
        "  Sơ kết, tổng kết mô hình       1       1        0\n"
        "Bản ghi bị loại:\n"
        "  support_actions[1], mã 'SA-2': trường amount_vnd: phải từ 0 trở lên, không phải -5\n"
        "Vấn đề giữa các bản ghi:\n"
        "  mã 'SA-1' (hoạt động hỗ trợ), trường subject_id: không có người thuộc diện quản lý"
        " mã 'S-1'\n"
        "Ghi chú:\n"
        "  chưa kiểm tra mã đơn vị hành chính: không có kế hoạch"
    )
    assert str(report) == report.text("en")
    assert str(report).splitlines()[0] == (
        "the document: 3 records read, 2 accepted, 1 rejected; 1 problem between records"
    )


def test_vietnamese_numbers_in_the_table() -> None:
    """A count of 19,353 is written 19.353 in the Vietnamese table and totals."""
    report = LoadReport(
        source="x.json", counts={"subjects": TypeCounts(read=19353, accepted=19353)}
    )
    assert report.text("vi").splitlines() == [
        "x.json: đã đọc 19.353 bản ghi, 19.353 hợp lệ, 0 bị loại; 0 vấn đề giữa các bản ghi",
        "  Nhóm dữ liệu              Đã đọc  Hợp lệ  Bị loại",
        "  Người thuộc diện quản lý  19.353  19.353        0",
    ]


def many_faults(root: Path) -> None:
    """A folder of JSON Lines files with a fault of every kind a line can have."""
    records = copy.deepcopy(RECORDS)
    subject = records["subjects"][0]
    subjects: list[object] = [
        subject,
        {**subject, "id": "S-2", "sex": "Nữ"},
        {**subject, "id": "S-3", "sex": "nam", "birth_year": "1990"},
        {**subject, "id": "S-4", "registered_on": "2024-02-30", "nickname": "x"},
        {**subject, "id": "S-5", "ethnicity": 8},
        {
            **subject,
            "id": "S-6",
            "categories": [{"category": "poor", "since": "2024-03-01", "until": "2024-02-01"}],
        },
        {**subject, "id": "S-1"},
        {k: v for k, v in subject.items() if k != "unit_code"} | {"id": "S-7"},
        {**subject, "id": "S-8", "birth_year": 1800},
        '{"id": "S-9", ',
        "[" * 40 + "]" * 40,
        '{"id": "S-10", "sex": NaN}',
        {**subject, "id": "S-11", "registered_on": "10/01/2024", "categories": "poor"},
    ]
    write_jsonl(root, "subjects", subjects)
    report = records["crime_reports"][0]
    write_jsonl(
        root,
        "crime_reports",
        [
            report,
            {**report, "id": "CR-2", "decided_on": "2024-01-20", "case_id": None},
            {**report, "id": "CR-3", "case_id": "CC-9"},
            {**report, "id": "CR-4", "decision": "tam_dinh_chi", "case_id": None},
            {
                **report,
                "id": "CR-5",
                "extensions": [{"kind": "procuracy", "granted_on": "2024-02-20"}],
            },
        ],
    )
    case = records["criminal_cases"][0]
    write_jsonl(
        root,
        "criminal_cases",
        [case | {"report_ids": ["CR-1", "CR-404"], "victim_ids": ["S-1", "S-99"]}],
    )
    event = records["outreach_events"][0]
    write_jsonl(
        root,
        "outreach_events",
        [event | {"language": "Mông"}, event | {"id": "OE-2", "participants": 0}],
    )
    write_jsonl(
        root, "report_submissions", [records["report_submissions"][0] | {"period": "2024-H3"}]
    )
    assessment = records["safety_assessments"][0]
    write_jsonl(root, "safety_assessments", [assessment | {"meets_standard": True, "year": 2021}])
    # A valid review, in a unit no registry knows: a problem when a plan is given.
    write_jsonl(root, "model_reviews", [{**REVIEW, "unit_code": "99999"}])
    write_text(root / "README.md", "notes")


@pytest.mark.parametrize("with_plan", [False, True])
def test_no_english_in_a_vietnamese_load_report(tmp_path: Path, with_plan: bool) -> None:
    """Every kind of fault at once, with and without a plan: no English word in Vietnamese.

    Also the sentinel test's bad subjects (a name in the wrong field, a number for a text,
    a misspelt key...), in a JSON document and in a folder of CSV files.
    """
    many_faults(tmp_path / "jsonl")
    plan = PLAN if with_plan else None
    data, report = load_dataset(tmp_path / "jsonl", plan=plan)
    assert report.rejected >= 15
    codes = {p.code for p in report.problems}
    assert ("unit_not_valid_on" in codes) is with_plan
    assert (Notice("units_not_checked") in report.notes) is not with_plan
    vietnamese = report.text("vi")
    assert english_words(vietnamese) == set(), vietnamese
    # Every reason and problem has a code: none falls back to its English message.
    assert all(p.code for r in report.rejections for p in r.problems)
    assert all(p.code for p in report.problems)

    document: dict[str, Any] = {"schema": SCHEMA, **copy.deepcopy(RECORDS)}
    document["subjects"] += bad_subjects(
        load_dataset({"schema": SCHEMA, "subjects": document["subjects"]})[0]
    )
    _, from_document = load_dataset(document, plan=plan)
    assert from_document.rejected >= 8
    assert english_words(from_document.text("vi")) == set()

    dump_dataset(data, tmp_path / "csv", "csv")
    write_text(
        tmp_path / "csv" / "model_reviews.csv",
        f"{REVIEWS_HEADER}\nMR-1,03386,,so_ket,có\nMR-2,03386,2024-06-20\n,,,,\n",
    )
    _, from_csv = load_dataset(tmp_path / "csv", plan=plan)
    assert from_csv.rejected == 2
    assert english_words(from_csv.text("vi")) == set()


@pytest.mark.parametrize(
    "source",
    [
        "nothing.json",
        "empty.json",
        "not-json.json",
        "deep.json",
        "old.json",
        "subjects.txt",
        "model_reviews.csv",
    ],
)
def test_no_english_in_a_vietnamese_error(tmp_path: Path, source: str) -> None:
    """A file that cannot be read: its error in Vietnamese holds no English word."""
    files = {
        "empty.json": " \n",
        "not-json.json": '{"schema": "threeno/1",',
        "deep.json": '{"schema": "threeno/1", "subjects": ' + "[" * 40 + "]" * 40 + "}",
        "old.json": '{"schema": "threeno/0"}',
        "subjects.txt": "",
        "model_reviews.csv": "id;unit_code;held_on;kind;kept;kept\n",
    }
    if source in files:
        write_text(tmp_path / source, files[source])
    with pytest.raises(DatasetError) as caught:
        load_dataset(tmp_path / source)
    assert caught.value.code is not None
    assert english_words(caught.value.text("vi")) == set(), caught.value.text("vi")


def test_problem_between_records_keeps_english() -> None:
    """``str(problem)`` is the English line tools read, whatever the Vietnamese says."""
    problem = Problem(
        record_type="crime_reports",
        record_id="CR-1",
        field="case_id",
        message="unknown criminal case 'CC-9'",
        code="unknown_case",
        params={"id": "CC-9"},
    )
    assert str(problem) == "crime_reports[CR-1].case_id: unknown criminal case 'CC-9'"
    assert problem.text("vi").endswith("không có vụ án hình sự mã 'CC-9'")


def test_problems_stay_hashable() -> None:
    """A reason and a problem can still go in a set (their params are left out of the hash)."""
    reasons = {FieldProblem.of("held_on", "missing_key"), FieldProblem.of("held_on", "missing_key")}
    assert len(reasons) == 1
    problem = Problem(
        record_type="subjects",
        record_id="S-1",
        field="x",
        message="y",
        code="note",
        params={"text": "y"},
    )
    assert len({problem, problem}) == 1
