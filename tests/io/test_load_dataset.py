"""``load_dataset``: every source, every record accounted for, every bad input explained."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import pytest

from tests.io.io_samples import RECORDS, Records, write_jsonl, write_text
from threeno.errors import DatasetError, ThreenoError
from threeno.io.datasets import RECORD_TYPE_KEY, SCHEMA, load_dataset
from threeno.io.report import FieldProblem, LoadReportError, TypeCounts
from threeno.messages import Notice
from threeno.model.dataset import RECORD_TYPES
from threeno.model.enums import Sex
from threeno.plans import load_plan

if TYPE_CHECKING:
    from pathlib import Path


def document(records: Records, **extra: object) -> dict[str, Any]:
    """The JSON document of ``records``."""
    return {"schema": SCHEMA, **records, **extra}


def write_document(path: Path, records: Records, **extra: object) -> Path:
    """Write the JSON document of ``records`` to ``path``."""
    text = json.dumps(document(records, **extra), ensure_ascii=False, indent=2)
    return write_text(path, text)


def problems_of(records: Records, name: str) -> list[str]:
    """Load ``records`` in memory; the problems of the one rejected record of ``name``."""
    _, report = load_dataset(document(records))
    (rejection,) = report.rejections
    assert name == rejection.record_type
    return [str(p) for p in rejection.problems]


class TestSources:
    """The same records load from every kind of source."""

    def test_every_record_type_from_a_document(self, tmp_path: Path, records: Records) -> None:
        """One record of each type: 8 read, 8 accepted, no problem (they refer to each other)."""
        data, report = load_dataset(write_document(tmp_path / "data.json", records))
        assert report.ok
        assert dict.fromkeys(RECORD_TYPES, TypeCounts(read=1, accepted=1)) == dict(report.counts)
        assert data.subjects[0].sex is Sex.FEMALE
        assert report.source == str(tmp_path / "data.json")

    def test_a_mapping_and_a_file_give_the_same_dataset(
        self, tmp_path: Path, records: Records
    ) -> None:
        """The document in memory reads as the document in a file."""
        from_file, _ = load_dataset(write_document(tmp_path / "data.json", records))
        in_memory, report = load_dataset(document(records))
        assert from_file == in_memory
        assert report.source == "the document"

    def test_a_folder_of_jsonl_files(self, tmp_path: Path, records: Records) -> None:
        """One file per type; the types without a file are noted, not errors."""
        write_jsonl(tmp_path, "subjects", records["subjects"])
        write_jsonl(tmp_path, "support_actions", records["support_actions"])
        data, report = load_dataset(tmp_path)
        assert report.ok
        assert (len(data.subjects), len(data.support_actions)) == (1, 1)
        # 8 types, 2 files: 6 notes, in the data dictionary's order; then no plan was given.
        missing = Notice(
            "file_missing", {"file": "crime_reports.jsonl", "record_type": "crime_reports"}
        )
        assert report.notes[0] == missing
        assert str(report.notes[0]) == "no file crime_reports.jsonl: no crime_reports"
        assert len(report.notes) == 7
        assert report.notes[-1] == Notice("units_not_checked")

    def test_a_single_file_named_after_its_type(self, tmp_path: Path, records: Records) -> None:
        """``model_reviews.jsonl`` alone loads as model reviews."""
        path = write_jsonl(tmp_path, "model_reviews", records["model_reviews"])
        data, report = load_dataset(path)
        assert tuple(r.id for r in data.model_reviews) == ("MR-1",)
        assert report.counts["model_reviews"] == TypeCounts(read=1, accepted=1)

    def test_an_iterable_of_dicts(self, records: Records) -> None:
        """Each dict names its type under ``record_type``; the key is not a field."""
        rows = [
            {RECORD_TYPE_KEY: name, **record} for name, items in records.items() for record in items
        ]
        data, report = load_dataset(iter(rows))
        assert report.ok
        assert data == load_dataset(document(records))[0]

    def test_an_iterable_of_dicts_needs_record_type(self, records: Records) -> None:
        """A dict without ``record_type`` stops the load: it cannot be counted in any type."""
        with pytest.raises(DatasetError, match=r"^records\[1\]: no 'record_type'; each record"):
            load_dataset([{RECORD_TYPE_KEY: "subjects", **records["subjects"][0]}, {"id": "x"}])
        with pytest.raises(DatasetError, match=r"^records\[0\]: an unknown 'subject' as"):
            load_dataset([{RECORD_TYPE_KEY: "subject"}])
        with pytest.raises(DatasetError, match=r"^records\[0\]: a record is a dict, not list"):
            load_dataset([["id", "S-1"]])  # type: ignore[list-item]  # the bad input

    def test_a_missing_path(self, tmp_path: Path) -> None:
        """A path that does not exist is named."""
        with pytest.raises(DatasetError, match=r"nowhere: no such file or folder$"):
            load_dataset(tmp_path / "nowhere")

    def test_not_a_source(self) -> None:
        """A number is no source of records."""
        with pytest.raises(DatasetError, match=r"^cannot load a dataset from int"):
            load_dataset(5)  # type: ignore[arg-type]  # the point of the test

    def test_a_file_not_named_after_a_type(self, tmp_path: Path) -> None:
        """``records.jsonl`` does not say which type its records are."""
        path = write_text(tmp_path / "records.jsonl", "{}\n")
        with pytest.raises(DatasetError, match=r"records\.jsonl: not a file of records; name it"):
            load_dataset(path)


class TestBadRecords:
    """A bad record is rejected with its field and why; the others still load."""

    def test_wrong_type(self, records: Records) -> None:
        """A birth year written as text is not a whole number."""
        records["subjects"][0]["birth_year"] = "1998"
        assert problems_of(records, "subjects") == ["birth_year: must be a whole number, not str"]

    def test_unknown_field(self, records: Records) -> None:
        """A key the model does not know is refused (forbid_extra_keys), never ignored."""
        records["model_reviews"][0]["note"] = "tốt"
        assert problems_of(records, "model_reviews") == ["note: unknown key"]

    def test_unknown_enum_slug(self, records: Records) -> None:
        """``f`` is not a slug of Sex; the message lists the slugs."""
        records["subjects"][0]["sex"] = "f"
        expected = ["sex: unknown Sex 'f'; known values: female, male"]
        assert expected == problems_of(records, "subjects")

    def test_impossible_date(self, records: Records) -> None:
        """2024 is a leap year, but February has no 30th."""
        records["support_actions"][0]["delivered_on"] = "2024-02-30"
        expected = ["delivered_on: '2024-02-30' is not a date that exists"]
        assert expected == problems_of(records, "support_actions")

    def test_date_in_another_format(self, records: Records) -> None:
        """``25/01/2024`` (day first, as Vietnamese forms write it) is refused, not guessed."""
        records["model_reviews"][0]["held_on"] = "25/01/2024"
        expected = ["held_on: must be a date written YYYY-MM-DD, not '25/01/2024'"]
        assert expected == problems_of(records, "model_reviews")

    def test_missing_required_key(self, records: Records) -> None:
        """A model review without ``kind``."""
        del records["model_reviews"][0]["kind"]
        assert problems_of(records, "model_reviews") == ["kind: required key missing"]

    def test_model_invariant(self, records: Records) -> None:
        """A decision before the receipt breaks CrimeReport's own rule, named by field.

        Received 2024-01-25, decided 2024-01-20: five days earlier (BLTTHS 2015, Art.
        147: the authority decides on what it has received).
        """
        records["crime_reports"][0]["decided_on"] = "2024-01-20"
        _, report = load_dataset(document(records))
        (rejection,) = report.rejections
        expected = (
            FieldProblem(
                field="decided_on",
                message="2024-01-20 is before received_on 2024-01-25",
                code="date_before",
                params={"value": "2024-01-20", "other": "received_on", "other_value": "2024-01-25"},
            ),
        )
        assert expected == rejection.problems
        # The case still lists the rejected report: a problem between records.
        assert [str(p) for p in report.problems] == [
            "criminal_cases[CC-1].report_ids[0]: unknown crime report 'CR-1'"
        ]

    def test_nested_object_path(self, records: Records) -> None:
        """A category span that ends before it starts is named with its index and field."""
        span = {"category": "poor", "since": "2024-03-01", "until": "2024-02-01"}
        records["subjects"][0]["categories"].append(span)
        expected = ["categories[1].until: 2024-02-01 is before since 2024-03-01"]
        assert expected == problems_of(records, "subjects")

    def test_every_problem_of_a_record(self, records: Records) -> None:
        """Three problems in one record are all listed, in the order of its fields."""
        records["model_reviews"][0].update(held_on="2024-13-01", maintained="yes", extra=1)
        assert problems_of(records, "model_reviews") == [
            "held_on: '2024-13-01' is not a date that exists",
            "maintained: must be true or false, not str",
            "extra: unknown key",
        ]

    def test_not_an_object(self, records: Records) -> None:
        """A record that is a list is rejected, not a traceback."""
        records["model_reviews"][0] = ["MR-1"]  # type: ignore[call-overload]  # the bad input
        assert problems_of(records, "model_reviews") == [
            "must be an object of {key: value} pairs, not list"
        ]

    def test_others_still_load(self, records: Records) -> None:
        """One bad review among three: two accepted, one rejected, at its index."""
        second = {**records["model_reviews"][0], "id": "MR-2", "kind": "bad"}
        third = {**records["model_reviews"][0], "id": "MR-3"}
        records["model_reviews"] += [second, third]
        data, report = load_dataset(document(records))
        assert TypeCounts(read=3, accepted=2, rejected=1) == report.counts["model_reviews"]
        assert tuple(r.id for r in data.model_reviews) == ("MR-1", "MR-3")
        assert report.rejections[0].index == 1
        assert report.rejections[0].location == "model_reviews[1], id 'MR-2'"


def first_problems(records: Records, name: str) -> list[str]:
    """Load ``records`` in memory; the first problem of each rejected record, all of ``name``."""
    _, report = load_dataset(document(records))
    assert {r.record_type for r in report.rejections} == {name}
    return [str(r.problems[0]) for r in report.rejections]


DUPLICATE = "id: duplicate id: the same id is also at {}; every record whose id repeats is rejected"


class TestDuplicateIds:
    """Every record of a repeated id is rejected, naming the others; the load goes on.

    Issue 17: the first copy was kept, so shuffling a file changed the numbers.
    """

    def test_in_a_jsonl_file_names_the_other_lines(self, tmp_path: Path, records: Records) -> None:
        """Lines 1 and 3 share id S-1: both are rejected, each naming the other."""
        first = records["subjects"][0]
        other = {**first, "id": "S-2"}
        write_jsonl(tmp_path, "subjects", [first, other, {**first, "birth_year": 1990}])
        data, report = load_dataset(tmp_path / "subjects.jsonl")
        assert tuple(s.id for s in data.subjects) == ("S-2",)
        assert [(r.line, [str(p) for p in r.problems]) for r in report.rejections] == [
            (1, [DUPLICATE.format("line 3")]),
            (3, [DUPLICATE.format("line 1")]),
        ]
        assert TypeCounts(read=3, accepted=1, rejected=2) == report.counts["subjects"]

    def test_in_a_document_names_the_other_indexes(self, records: Records) -> None:
        """In a document each is named by its place in the list."""
        records["model_reviews"].append(dict(records["model_reviews"][0]))
        assert first_problems(records, "model_reviews") == [
            DUPLICATE.format("model_reviews[1]"),
            DUPLICATE.format("model_reviews[0]"),
        ]

    def test_many_copies(self, records: Records) -> None:
        """Nine copies: each names five others, then how many more (9 - 1 - 5 = 3)."""
        records["model_reviews"] = [dict(records["model_reviews"][0]) for _ in range(9)]
        problems = first_problems(records, "model_reviews")
        assert len(problems) == 9
        places = "model_reviews[{}]; " * 5 + "and 3 more"
        assert problems[0] == DUPLICATE.format(places.format(1, 2, 3, 4, 5))
        assert problems[8] == DUPLICATE.format(places.format(0, 1, 2, 3, 4))

    def test_ids_compare_in_nfc(self, records: Records) -> None:
        """An id in decomposed Unicode is the same id as its composed form."""
        composed = {**records["model_reviews"][0], "id": "MR-\u00e0"}  # à, one code point
        decomposed = {**composed, "id": "MR-a\u0300"}  # a + combining grave accent
        records["model_reviews"] = [composed, decomposed]
        assert first_problems(records, "model_reviews") == [
            DUPLICATE.format("model_reviews[1]"),
            DUPLICATE.format("model_reviews[0]"),
        ]


class TestProblemsBetweenRecords:
    """References and units: reported, not rejected; strict raises."""

    def test_a_record_referring_to_a_missing_one(self, records: Records) -> None:
        """A support action for an unknown subject is accepted, with a problem."""
        records["support_actions"][0]["subject_id"] = "S-9"
        data, report = load_dataset(document(records))
        assert len(data.support_actions) == 1
        assert not report.rejections
        assert not report.ok
        assert [str(p) for p in report.problems] == [
            "support_actions[SA-1].subject_id: unknown subject 'S-9'"
        ]

    def test_units_checked_against_a_plan(self, records: Records) -> None:
        """With the 2024 plan, a code that names no unit of it is a problem.

        ``03390`` is not one of the city's seven communes and wards (DOMAIN-FACTS.md).
        """
        records["model_reviews"][0]["unit_code"] = "03390"
        _, without = load_dataset(document(records))
        _, with_plan = load_dataset(document(records), plan=load_plan("lai-chau-2024"))
        assert without.ok
        assert [str(p) for p in with_plan.problems] == [
            "model_reviews[MR-1].unit_code: '03390' is not a valid unit on 2024-06-20"
        ]

    def test_strict_raises_with_the_whole_report(self, records: Records) -> None:
        """``strict=True``: a LoadReportError (a DatasetError) carrying the report."""
        records["support_actions"][0]["subject_id"] = "S-9"
        records["model_reviews"][0]["kind"] = "bad"
        with pytest.raises(LoadReportError) as excinfo:
            load_dataset(document(records), strict=True)
        report = excinfo.value.report
        assert (report.rejected, len(report.problems)) == (1, 1)
        assert isinstance(excinfo.value, DatasetError)

    def test_strict_passes_a_clean_load(self, records: Records) -> None:
        """Nothing wrong: strict returns as usual."""
        _, report = load_dataset(document(records), strict=True)
        assert report.ok


class TestBadDocuments:
    """A JSON document that cannot be read as a whole stops the load, naming the file."""

    def test_malformed_json(self, tmp_path: Path) -> None:
        """The parser's position: line 2, column 15 is the ``}`` after ``[``."""
        path = write_text(tmp_path / "data.json", '{"schema": "threeno/1",\n "subjects": [}')
        with pytest.raises(DatasetError) as excinfo:
            load_dataset(path)
        assert f"{path}: not valid JSON: Expecting value (line 2, column 15)" == str(excinfo.value)

    def test_duplicate_key_in_an_object(self, tmp_path: Path) -> None:
        """JSON parsers keep the last of two equal keys; threeno refuses the document."""
        path = write_text(tmp_path / "data.json", '{"schema": "threeno/1", "schema": "x"}')
        with pytest.raises(DatasetError, match="not valid JSON: duplicate key 'schema'"):
            load_dataset(path)

    def test_not_a_number(self, tmp_path: Path) -> None:
        """``NaN`` is not JSON, though Python's parser reads it."""
        text = '{"schema": "threeno/1", "model_reviews": [{"id": NaN}]}'
        with pytest.raises(DatasetError, match="not valid JSON: NaN is not a JSON number"):
            load_dataset(write_text(tmp_path / "data.json", text))

    def test_empty_file(self, tmp_path: Path) -> None:
        """An empty document is an error, not an empty dataset."""
        path = write_text(tmp_path / "data.json", "\n")
        with pytest.raises(
            DatasetError, match=r"data\.json: empty file; a dataset is a JSON object"
        ):
            load_dataset(path)

    def test_not_utf8(self, tmp_path: Path, records: Records) -> None:
        """A document saved in Latin-1: the name's ``à`` is byte 0xe0, on line 11.

        ``json.dumps(indent=2)`` puts "schema" on line 2, "subjects" on 3, the subject's
        ``{`` on 4 and its keys from line 5: id, sex, birth_year, ethnicity, unit_code,
        registered_on (line 10), categories (11..16), full_name (17). The only non-ASCII
        text is the name ("Giàng Thị Thử"): Latin-1 has no ``ị``, so the name is
        written without it here.
        """
        records["subjects"][0]["full_name"] = "Giàng Thi Thu"
        text = json.dumps(document(records), ensure_ascii=False, indent=2)
        line = text[: text.index("Giàng")].count("\n") + 1
        assert line == 17
        path = write_text(tmp_path / "data.json", text, encoding="latin-1")
        with pytest.raises(DatasetError) as excinfo:
            load_dataset(path)
        expected = f"{path}, line 17: not UTF-8 text (byte 0xe0); save the file as UTF-8"
        assert expected == str(excinfo.value)

    def test_byte_order_mark_accepted(self, tmp_path: Path, records: Records) -> None:
        """Windows tools start UTF-8 files with a byte-order mark: it is read, not refused."""
        text = json.dumps(document(records), ensure_ascii=False)
        _, report = load_dataset(write_text(tmp_path / "data.json", text, encoding="utf-8-sig"))
        assert report.ok

    def test_unknown_schema_version(self, records: Records) -> None:
        """The error names the versions this release reads."""
        with pytest.raises(DatasetError) as excinfo:
            load_dataset({**document(records), "schema": "threeno/2"})
        expected = (
            "the document: unknown schema 'threeno/2'; this release of threeno reads threeno/1"
        )
        assert expected == str(excinfo.value)

    def test_missing_schema(self, records: Records) -> None:
        """A document must say its version."""
        with pytest.raises(DatasetError, match='no "schema" key; write "schema": "threeno/1"'):
            load_dataset(dict(records))

    def test_unknown_top_level_key(self, records: Records) -> None:
        """``crime_report`` (singular) is a typo, not an empty type: an error naming it."""
        with pytest.raises(DatasetError) as excinfo:
            load_dataset(document({}, crime_report=records["crime_reports"]))
        assert str(excinfo.value).startswith(
            "the document: unknown key 'crime_report'; the keys are schema, subjects,"
            " crime_reports,"
        )

    def test_a_type_that_is_not_a_list(self) -> None:
        """A type's value must be a list of records."""
        with pytest.raises(DatasetError, match="'subjects' must be a list of records, not object"):
            load_dataset(document({"subjects": {}}))  # type: ignore[dict-item]  # the bad input

    def test_not_an_object(self, tmp_path: Path) -> None:
        """A document that is a list of records, without the envelope."""
        path = write_text(tmp_path / "data.json", "[]")
        with pytest.raises(DatasetError, match=r"a dataset is a JSON object .* not list$"):
            load_dataset(path)


class TestBadJsonLines:
    """In a JSON Lines file a bad line is a rejection; the rest of the file loads."""

    def test_malformed_line(self, tmp_path: Path, records: Records) -> None:
        """Line 2 stops after a comma: the parser wants a key at column 15.

        ``{"id": "MR-2",`` is 14 characters (the comma is the 14th); the key would start
        just past it.
        """
        good = records["model_reviews"][0]
        write_jsonl(tmp_path, "model_reviews", [good, '{"id": "MR-2",', {**good, "id": "MR-3"}])
        data, report = load_dataset(tmp_path)
        assert tuple(r.id for r in data.model_reviews) == ("MR-1", "MR-3")
        (rejection,) = report.rejections
        assert (rejection.line, rejection.index, rejection.record_id) == (2, 1, None)
        expected = "not valid JSON: Expecting property name enclosed in double quotes (column 15)"
        assert [expected] == [str(p) for p in rejection.problems]

    def test_blank_lines_are_not_records(self, tmp_path: Path, records: Records) -> None:
        """Blank lines (a trailing newline, a gap) are skipped; line numbers stay true."""
        good = records["model_reviews"][0]
        bad = {**good, "id": "MR-9", "kind": "x"}
        write_jsonl(tmp_path, "model_reviews", ["", good, "   ", bad])
        _, report = load_dataset(tmp_path)
        assert TypeCounts(read=2, accepted=1, rejected=1) == report.counts["model_reviews"]
        assert report.rejections[0].line == 4

    def test_empty_file_is_no_records(self, tmp_path: Path) -> None:
        """An empty JSON Lines file holds zero records, and is not an error.

        dump_dataset writes one for an empty type; unlike an empty JSON document or an
        empty CSV file (which lacks its header), nothing in it is missing.
        """
        write_text(tmp_path / "model_reviews.jsonl", "")
        _, report = load_dataset(tmp_path)
        assert report.ok
        assert report.read == 0

    def test_not_utf8_line(self, tmp_path: Path, records: Records) -> None:
        """A line in Latin-1 is rejected (byte 0xe0 is ``à``); the UTF-8 lines load."""
        good = records["model_reviews"][0]
        path = write_jsonl(tmp_path, "model_reviews", [good])
        latin = json.dumps({**good, "id": "MR-2", "unit_code": "à"}, ensure_ascii=False)
        path.write_bytes(path.read_bytes() + latin.encode("latin-1") + b"\n")
        data, report = load_dataset(tmp_path)
        assert len(data.model_reviews) == 1
        (rejection,) = report.rejections
        assert rejection.line == 2
        expected = ["not UTF-8 text (byte 0xe0); save the file as UTF-8"]
        assert expected == [str(p) for p in rejection.problems]

    def test_byte_order_mark_accepted(self, tmp_path: Path, records: Records) -> None:
        """A BOM before the first line is not part of the record."""
        text = json.dumps(records["model_reviews"][0]) + "\n"
        write_text(tmp_path / "model_reviews.jsonl", text, encoding="utf-8-sig")
        _, report = load_dataset(tmp_path)
        assert report.ok
        assert report.read == 1


class TestFolders:
    """A folder holds one file per record type, in one format."""

    def test_unknown_file_name(self, tmp_path: Path, records: Records) -> None:
        """``crime_report.jsonl`` (a typo) would load nothing: an error listing the names."""
        write_jsonl(tmp_path, "crime_report", records["crime_reports"])
        with pytest.raises(DatasetError) as excinfo:
            load_dataset(tmp_path)
        assert str(excinfo.value).startswith(
            f"{tmp_path}: unknown file 'crime_report.jsonl'; a folder holds one file per"
            " record type, named subjects.jsonl, crime_reports.jsonl,"
        )

    def test_mixed_formats(self, tmp_path: Path, records: Records) -> None:
        """JSON Lines and CSV in one folder: which one is right is not for threeno to guess."""
        write_jsonl(tmp_path, "subjects", records["subjects"])
        write_text(tmp_path / "model_reviews.csv", "id\n")
        with pytest.raises(DatasetError, match="holds both JSON Lines and CSV files"):
            load_dataset(tmp_path)

    def test_no_files_of_records(self, tmp_path: Path) -> None:
        """An empty folder is an error: nothing there is a dataset."""
        with pytest.raises(DatasetError, match="no files of records; expected files named"):
            load_dataset(tmp_path)

    def test_other_files_are_noted(self, tmp_path: Path, records: Records) -> None:
        """A README beside the files is ignored, with a note; hidden files silently."""
        write_jsonl(tmp_path, "subjects", records["subjects"])
        write_text(tmp_path / "README.md", "# records\n")
        write_text(tmp_path / ".DS_Store", "")
        _, report = load_dataset(tmp_path)
        notes = [str(note) for note in report.notes]
        assert f"{tmp_path}: 'README.md' ignored (not a file of records)" in notes
        assert not any("DS_Store" in note for note in notes)


class TestPersonalData:
    """Rejection messages never quote a sensitive value."""

    def test_a_name_in_the_wrong_column_is_not_quoted(self, records: Records) -> None:
        """A name shifted into ``sex`` is refused without the name appearing anywhere."""
        name = records["subjects"][0]["full_name"]
        records["subjects"][0]["sex"] = name
        _, report = load_dataset(document(records))
        assert name not in str(report)
        assert problems_of(records, "subjects") == [
            "sex: unknown Sex '<personal data>'; known values: female, male"
        ]

    def test_a_bad_sensitive_field_is_named_not_quoted(self, records: Records) -> None:
        """An empty phone number: the field is named, its value not."""
        records["subjects"][0]["phone"] = "  "
        assert problems_of(records, "subjects") == ["phone: must not be empty"]


class TestErrorsAreThreenoErrors:
    """Whatever the input, only ThreenoError leaves load_dataset."""

    @pytest.mark.parametrize(
        "text",
        ["", "{", "null", "[1]", '{"schema": 1}', '{"schema": "threeno/1", "subjects": 5}'],
    )
    def test_odd_documents(self, tmp_path: Path, text: str) -> None:
        """Each of these odd documents is a DatasetError."""
        with pytest.raises(ThreenoError):
            load_dataset(write_text(tmp_path / "data.json", text))

    def test_odd_records(self) -> None:
        """Odd values in every field of a record are rejections, not exceptions."""
        odd: list[object] = [None, 1, 1.5, True, "", [], {}, [None], {"a": []}]
        rows = [
            {RECORD_TYPE_KEY: name, **dict.fromkeys(RECORDS[name][0], value)}
            for name in RECORD_TYPES
            for value in odd
        ]
        data, report = load_dataset(rows)
        assert len(data) == 0
        assert report.rejected == report.read == len(rows)
