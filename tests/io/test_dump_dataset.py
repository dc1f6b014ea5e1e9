"""``dump_dataset``: three formats, deterministic bytes, loading back, personal data left out."""

from __future__ import annotations

import csv
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.io.io_samples import RECORDS
from threeno.errors import DatasetError
from threeno.io.datasets import FORMATS, SCHEMA, dump_dataset, load_dataset
from threeno.messages import Notice
from threeno.model.dataset import RECORD_TYPES, Dataset
from threeno.privacy import redact
from threeno.testing.strategies import (
    crime_reports,
    criminal_cases,
    datasets,
    model_reviews,
    outreach_events,
    report_submissions,
    safety_assessments,
    subjects,
    support_actions,
)


def _unique(strategy: st.SearchStrategy[object]) -> st.SearchStrategy[list[object]]:
    return st.lists(strategy, max_size=4, unique_by=lambda r: r.id)  # type: ignore[attr-defined]


#: Datasets of any valid records, whatever they refer to: every strategy's variety
#: (personal data, three suspensions, open spans), not only what a plan makes.
any_records = st.builds(
    Dataset,
    subjects=_unique(subjects()),
    crime_reports=_unique(crime_reports()),
    criminal_cases=_unique(criminal_cases()),
    support_actions=_unique(support_actions()),
    outreach_events=_unique(outreach_events()),
    model_reviews=_unique(model_reviews()),
    report_submissions=_unique(report_submissions()),
    safety_assessments=_unique(safety_assessments()),
)


def dump_and_load(data: Dataset, fmt: str, *, personal_data: bool = True) -> tuple[Dataset, bytes]:
    """Dump ``data`` in ``fmt`` to a fresh folder, load it back; the bytes written too.

    Personal data is written unless ``personal_data=False``, so that what comes back
    is the whole dataset.
    """
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / ("data.json" if fmt == "json" else "data")
        written = dump_dataset(data, target, fmt, personal_data=personal_data)
        back, report = load_dataset(target)
        assert not report.rejections, str(report)
        return back, b"".join(path.read_bytes() for path in written)


class TestRoundTrip:
    """Dump then load gives an equal dataset, in every format."""

    @pytest.mark.parametrize("fmt", FORMATS)
    @given(data=datasets(max_size=4))
    def test_consistent_datasets(self, fmt: str, data: Dataset) -> None:
        """Datasets of a plan (every reference resolves): equal, and no problem either."""
        back, _ = dump_and_load(data, fmt)
        assert data == back

    @pytest.mark.parametrize("fmt", FORMATS)
    @given(data=any_records)
    def test_any_valid_records(self, fmt: str, data: Dataset) -> None:
        """Any valid records, personal data included, come back equal (``personal_data=True``)."""
        back, _ = dump_and_load(data, fmt)
        assert data == back

    @pytest.mark.parametrize("fmt", FORMATS)
    @given(data=any_records, order=st.randoms())
    def test_same_bytes_whatever_the_order(
        self, fmt: str, data: Dataset, order: st.SearchStrategy[object]
    ) -> None:
        """The same records given in another order are written byte for byte the same."""
        shuffled = {}
        for name in RECORD_TYPES:
            items = list(getattr(data, name))
            order.shuffle(items)  # type: ignore[attr-defined]  # a random.Random
            shuffled[name] = items
        _, first = dump_and_load(data, fmt)
        _, second = dump_and_load(Dataset(**shuffled), fmt)
        assert first == second


class TestJsonDocument:
    """The JSON document: the envelope, one record per line, keys in the model's order."""

    def test_layout(self, tmp_path: Path) -> None:
        """Every type is written (empty ones as ``[]``); absent optional values left out."""
        data, _ = load_dataset({"schema": SCHEMA, "model_reviews": RECORDS["model_reviews"]})
        (path,) = dump_dataset(data, tmp_path / "data.json", "json")
        expected = (
            '{\n  "schema": "threeno/1",\n  "subjects": [],\n  "crime_reports": [],\n'
            '  "criminal_cases": [],\n  "support_actions": [],\n  "outreach_events": [],\n'
            '  "model_reviews": [\n'
            '    {"id": "MR-1", "unit_code": "03386", "held_on": "2024-06-20",'
            ' "kind": "so_ket", "maintained": true}\n'
            '  ],\n  "report_submissions": [],\n  "safety_assessments": []\n}\n'
        )
        assert expected == path.read_text(encoding="utf-8")

    def test_vietnamese_stays_legible(self, tmp_path: Path) -> None:
        """Text is UTF-8, not escaped to ASCII: a clerk can read the file."""
        data, _ = load_dataset({"schema": SCHEMA, "subjects": RECORDS["subjects"]})
        # The only Vietnamese text of the samples is a (made-up) name: personal data.
        (path,) = dump_dataset(data, tmp_path / "data.json", "json", personal_data=True)
        assert "Giàng Thị Thử" in path.read_text(encoding="utf-8")

    def test_valid_json(self, tmp_path: Path) -> None:
        """The document is one JSON value, with every record of every type."""
        data, _ = load_dataset({"schema": SCHEMA, **RECORDS})
        (path,) = dump_dataset(data, tmp_path / "data.json", "json")
        document = json.loads(path.read_text(encoding="utf-8"))
        assert ["schema", *RECORD_TYPES] == list(document)
        assert dict.fromkeys(RECORD_TYPES, 1) == {n: len(document[n]) for n in RECORD_TYPES}


class TestFolders:
    """JSON Lines and CSV: one file per record type, every type."""

    @pytest.mark.parametrize("fmt", ["jsonl", "csv"])
    def test_every_type_is_written(self, tmp_path: Path, fmt: str) -> None:
        """Eight files, so a folder written again never keeps a stale type."""
        written = dump_dataset(Dataset(), tmp_path / "out", fmt)
        assert [f"{name}.{fmt}" for name in RECORD_TYPES] == [p.name for p in written]

    def test_stale_records_are_overwritten(self, tmp_path: Path) -> None:
        """Dumping an empty dataset over a full folder leaves it empty."""
        full, _ = load_dataset({"schema": SCHEMA, **RECORDS})
        dump_dataset(full, tmp_path, "jsonl")
        dump_dataset(Dataset(), tmp_path, "jsonl")
        data, report = load_dataset(tmp_path)
        assert (len(data), report.notes) == (0, (Notice("units_not_checked"),))

    def test_jsonl_line(self, tmp_path: Path) -> None:
        """One compact line per record, sorted by id."""
        reviews = [dict(RECORDS["model_reviews"][0], id=i) for i in ("MR-2", "MR-10", "MR-1")]
        data, _ = load_dataset({"schema": SCHEMA, "model_reviews": reviews})
        dump_dataset(data, tmp_path, "jsonl")
        lines = (tmp_path / "model_reviews.jsonl").read_text(encoding="utf-8").splitlines()
        # Sorted as text: "MR-1" < "MR-10" < "MR-2".
        assert [json.loads(line)["id"] for line in lines] == ["MR-1", "MR-10", "MR-2"]
        expected = (
            '{"id":"MR-1","unit_code":"03386","held_on":"2024-06-20","kind":"so_ket",'
            '"maintained":true}'
        )
        assert expected == lines[0]

    def test_csv_header_only_for_an_empty_type(self, tmp_path: Path) -> None:
        """An empty type's CSV file has its header (a template for a spreadsheet user)."""
        dump_dataset(Dataset(), tmp_path, "csv")
        text = (tmp_path / "model_reviews.csv").read_text(encoding="utf-8-sig")
        assert text == "id,unit_code,held_on,kind,maintained\n"


class TestBadTargets:
    """What cannot be written is refused with a DatasetError."""

    def test_unknown_format(self, tmp_path: Path) -> None:
        """Only json, jsonl and csv."""
        with pytest.raises(DatasetError, match=r"^unknown format 'xlsx'; threeno writes json,"):
            dump_dataset(Dataset(), tmp_path, "xlsx")

    def test_folder_that_is_a_file(self, tmp_path: Path) -> None:
        """A folder format into an existing file."""
        file = tmp_path / "data"
        file.write_text("x", encoding="utf-8")
        with pytest.raises(DatasetError, match="not a folder; csv is written as a folder"):
            dump_dataset(Dataset(), file, "csv")


#: A subject with every sensitive field filled (made-up values), in JSON form.
PERSONAL = {
    "full_name": "Giàng Thị Thử",
    "national_id": "000000000042",
    "phone": "0900000042",
}
#: The same subject's fields that are not personal data, as every format writes them.
NOT_PERSONAL = {k: v for k, v in RECORDS["subjects"][0].items() if k not in PERSONAL}


def _subject_written(paths: tuple[Path, ...], fmt: str) -> dict[str, object]:
    """The one subject in the files written, as JSON (JSON, JSON Lines) or CSV cells."""
    if fmt == "json":
        (path,) = paths
        (subject,) = json.loads(path.read_text(encoding="utf-8"))["subjects"]
        return dict(subject)
    (path,) = [p for p in paths if p.stem == "subjects"]
    text = path.read_text(encoding="utf-8-sig")
    if fmt == "jsonl":
        (line,) = text.splitlines()
        return dict(json.loads(line))
    (row,) = csv.DictReader(text.splitlines())
    return dict(row)


def _all_text(paths: tuple[Path, ...]) -> str:
    return "".join(p.read_text(encoding="utf-8-sig") for p in paths)


class TestPersonalData:
    """Sensitive fields are left out unless ``personal_data=True`` (issue 11)."""

    @pytest.mark.parametrize("fmt", FORMATS)
    @pytest.mark.parametrize("field", list(PERSONAL))
    def test_left_out_by_default(self, tmp_path: Path, fmt: str, field: str) -> None:
        """Each sensitive field: no key in JSON, an empty cell under its column in CSV."""
        raw = {**NOT_PERSONAL, field: PERSONAL[field]}
        data, _ = load_dataset({"schema": SCHEMA, "subjects": [raw]})
        assert PERSONAL[field] == getattr(data.subjects[0], field)  # it is in the data
        written = dump_dataset(data, tmp_path / ("data.json" if fmt == "json" else "out"), fmt)
        assert PERSONAL[field] not in _all_text(written)
        if fmt == "csv":
            # Every column is still there (the format does not change), the cells empty.
            cells = {"categories": "returned_victim:2024-01-10", "birth_year": "1998"}
            expected = {**NOT_PERSONAL, **cells, "full_name": "", "national_id": "", "phone": ""}
            expected_order = [
                *("id", "sex", "birth_year", "ethnicity", "unit_code", "registered_on"),
                *("categories", "full_name", "national_id", "phone"),
            ]
            assert expected_order == list(_subject_written(written, fmt))
        else:
            expected = NOT_PERSONAL
        assert expected == _subject_written(written, fmt)

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_written_when_asked(self, tmp_path: Path, fmt: str) -> None:
        """With ``personal_data=True`` every sensitive field is written as given."""
        data, _ = load_dataset({"schema": SCHEMA, "subjects": [{**NOT_PERSONAL, **PERSONAL}]})
        target = tmp_path / ("data.json" if fmt == "json" else "out")
        written = dump_dataset(data, target, fmt, personal_data=True)
        subject = _subject_written(written, fmt)
        expected = PERSONAL
        assert expected == {k: subject[k] for k in PERSONAL}

    def test_jsonl_line_by_default(self, tmp_path: Path) -> None:
        """The whole line: the keys of the model's order, the three personal ones gone."""
        data, _ = load_dataset({"schema": SCHEMA, "subjects": [{**NOT_PERSONAL, **PERSONAL}]})
        dump_dataset(data, tmp_path, "jsonl")
        expected = (
            '{"id":"S-1","sex":"female","birth_year":1998,"ethnicity":"08","unit_code":"03386",'
            '"registered_on":"2024-01-10",'
            '"categories":[{"category":"returned_victim","since":"2024-01-10"}]}\n'
        )
        assert expected == (tmp_path / "subjects.jsonl").read_text(encoding="utf-8")

    @pytest.mark.parametrize("fmt", FORMATS)
    @given(data=any_records)
    def test_round_trip_by_default_is_redacted(self, fmt: str, data: Dataset) -> None:
        """By default the files load back to the redacted dataset, byte for byte its dump."""
        back, written = dump_and_load(data, fmt, personal_data=False)
        assert redact(data) == back
        # The same bytes as redacting first: the encoder leaves the fields out, no copy.
        with tempfile.TemporaryDirectory() as tmp:
            target = Path(tmp) / ("data.json" if fmt == "json" else "data")
            paths = dump_dataset(redact(data), target, fmt, personal_data=True)
            assert written == b"".join(path.read_bytes() for path in paths)

    @pytest.mark.parametrize("flag", ["no", 0, None])
    def test_flag_must_be_a_bool(self, tmp_path: Path, flag: object) -> None:
        """A flag that is not True or False is refused before anything is written."""
        with pytest.raises(DatasetError) as excinfo:
            dump_dataset(Dataset(), tmp_path / "out", "jsonl", personal_data=flag)  # type: ignore[arg-type]  # checked at run time
        expected = f"dump_dataset: personal_data must be True or False, not {type(flag).__name__}"
        assert expected == str(excinfo.value)
        assert not (tmp_path / "out").exists()
