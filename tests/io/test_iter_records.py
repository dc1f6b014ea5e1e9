"""``iter_records``: one file streamed a record at a time, with the loader's rejections."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from tests.io.io_samples import Records, write_jsonl, write_text
from threeno.errors import DatasetError
from threeno.io.datasets import RecordStream, iter_records
from threeno.io.report import TypeCounts
from threeno.model.activities import ModelReview

if TYPE_CHECKING:
    from pathlib import Path


def reviews(records: Records, *ids: str, **changes: object) -> list[dict[str, Any]]:
    """Model reviews with the given ids, the first record's other values and ``changes``."""
    return [{**records["model_reviews"][0], "id": i, **changes} for i in ids]


class TestStreaming:
    """Records come one at a time; the report accounts for the lines read so far."""

    def test_records_in_file_order(self, tmp_path: Path, records: Records) -> None:
        """The file's order, not sorted: nothing is held to sort."""
        path = write_jsonl(tmp_path, "model_reviews", reviews(records, "MR-2", "MR-1"))
        stream = iter_records(path, ModelReview)
        assert isinstance(stream, RecordStream)
        assert [r.id for r in stream] == ["MR-2", "MR-1"]
        assert TypeCounts(read=2, accepted=2) == stream.report.counts["model_reviews"]

    def test_lazy(self, tmp_path: Path, records: Records) -> None:
        """After one record, one line has been read."""
        path = write_jsonl(tmp_path, "model_reviews", reviews(records, "MR-1", "MR-2", "MR-3"))
        with iter_records(path, "model_reviews") as stream:
            first = next(stream)
            assert first.id == "MR-1"
            assert stream.report.read == 1

    def test_bad_lines_are_rejected(self, tmp_path: Path, records: Records) -> None:
        """A bad line is skipped with its reason; the good ones still come."""
        lines = [*reviews(records, "MR-1"), "not json", *reviews(records, "MR-2", kind="x")]
        path = write_jsonl(tmp_path, "model_reviews", [*lines, *reviews(records, "MR-3")])
        with iter_records(path, ModelReview) as stream:
            ids = [r.id for r in stream]
        assert ids == ["MR-1", "MR-3"]
        report = stream.report
        assert TypeCounts(read=4, accepted=2, rejected=2) == report.counts["model_reviews"]
        assert [r.line for r in report.rejections] == [2, 3]
        assert report.source == str(path)

    def test_duplicates(self, tmp_path: Path, records: Records) -> None:
        """Every copy of a repeated id is rejected by default; with the check off, both come.

        Issue 17: the first copy came (first wins), so the order decided the numbers.
        """
        path = write_jsonl(tmp_path, "model_reviews", reviews(records, "MR-1", "MR-2", "MR-1"))
        with iter_records(path, ModelReview) as stream:
            assert [r.id for r in stream] == ["MR-2"]
        message = (
            "id: duplicate id: the same id is also at line {}; every record whose id repeats"
            " is rejected"
        )
        assert [(r.line, str(r.problems[0])) for r in stream.report.rejections] == [
            (1, message.format(3)),
            (3, message.format(1)),
        ]
        unchecked = iter_records(path, ModelReview, check_duplicates=False)
        assert [r.id for r in unchecked] == ["MR-1", "MR-2", "MR-1"]

    def test_a_csv_file(self, tmp_path: Path) -> None:
        """A CSV file streams too."""
        text = "id,unit_code,held_on,kind,maintained\nMR-1,03386,2024-06-20,so_ket,true\n"
        path = write_text(tmp_path / "model_reviews.csv", text)
        assert [r.id for r in iter_records(path, "model_reviews")] == ["MR-1"]

    def test_close_ends_the_stream(self, tmp_path: Path, records: Records) -> None:
        """After ``close`` nothing more comes."""
        path = write_jsonl(tmp_path, "model_reviews", reviews(records, "MR-1", "MR-2"))
        stream = iter_records(path, ModelReview)
        next(stream)
        stream.close()
        assert list(stream) == []


class TestBadCalls:
    """Unknown types and files are errors at once, before any line is read."""

    def test_unknown_record_type(self, tmp_path: Path) -> None:
        """``crime_report`` is not a type; the types are listed."""
        with pytest.raises(DatasetError, match=r"^unknown record type 'crime_report'; the types"):
            iter_records(tmp_path / "x.jsonl", "crime_report")

    def test_missing_file(self, tmp_path: Path) -> None:
        """A file that is not there."""
        with pytest.raises(DatasetError, match=r"model_reviews\.jsonl: no such file$"):
            iter_records(tmp_path / "model_reviews.jsonl", ModelReview)

    def test_other_suffix(self, tmp_path: Path) -> None:
        """A JSON document is loaded whole, not streamed."""
        path = write_text(tmp_path / "data.json", "{}")
        with pytest.raises(
            DatasetError, match=r"streamed from a \.jsonl, \.csv or Excel \.xlsx file$"
        ):
            iter_records(path, ModelReview)

    def test_bad_csv_header_when_reading(self, tmp_path: Path) -> None:
        """A CSV header is read with the first record: the error comes then."""
        path = write_text(tmp_path / "model_reviews.csv", "id\n")
        stream = iter_records(path, ModelReview)
        with pytest.raises(DatasetError, match="missing column 'unit_code'"):
            next(stream)
