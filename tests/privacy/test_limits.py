"""Tests of the limits against hostile input (LoadLimits, plan file limits)."""

from __future__ import annotations

import gc
import json
import tracemalloc
from typing import TYPE_CHECKING, Any

import pytest

from threeno.errors import DatasetError, PlanError, ValidationError
from threeno.io._limits import too_deep
from threeno.io.datasets import DEFAULT_LIMITS, LoadLimits, iter_records, load_dataset
from threeno.io.plans import parse_plan, read_plan
from threeno.io.stream import evaluate_stream
from threeno.plans import load_plan

if TYPE_CHECKING:
    from pathlib import Path

PLAN = load_plan("lai-chau-2024")

SUBJECT = {
    "id": "S-1",
    "sex": "female",
    "birth_year": 1998,
    "ethnicity": "08",
    "unit_code": "03386",
    "registered_on": "2024-01-10",
    "categories": [{"category": "returned_victim", "since": "2024-01-10"}],
}


def _nested(depth: int) -> object:
    value: object = 1
    for _ in range(depth):
        value = [value]
    return value


class TestTooDeep:
    """too_deep: counting levels of nesting."""

    def test_levels(self) -> None:
        """A scalar is 0 deep, [1] is 1, [[1]] is 2; a record with categories is 3."""
        assert not too_deep(1, 0)
        assert too_deep([1], 0)
        assert not too_deep([1], 1)
        assert too_deep([[1]], 1)
        # The object, its categories list, and an object in it: three levels.
        assert not too_deep(SUBJECT, 3)
        assert too_deep(SUBJECT, 2)

    def test_text_shortcut(self) -> None:
        """With no more brackets than the limit, the walk is skipped (and agrees)."""
        text = json.dumps(SUBJECT)
        assert not too_deep(SUBJECT, 3, text)


class TestLoadLimits:
    """LoadLimits: the defaults, and refusal of nonsense."""

    def test_defaults(self) -> None:
        """256 MiB documents, 2 GiB files of records, 1 MiB lines, 32 levels."""
        expected = (256 * 2**20, 2 * 2**30, 2**20, 32)
        actual = (
            DEFAULT_LIMITS.document_bytes,
            DEFAULT_LIMITS.file_bytes,
            DEFAULT_LIMITS.line_bytes,
            DEFAULT_LIMITS.depth,
        )
        assert expected == actual

    @pytest.mark.parametrize("bad", [0, -1, True, 1.5])
    def test_bad_limit(self, bad: object) -> None:
        """A limit below 1 or not a whole number is refused."""
        with pytest.raises(ValidationError, match=r"LoadLimits\.depth: must be a whole number"):
            LoadLimits(depth=bad)  # type: ignore[arg-type]  # checked at run time

    def test_not_limits(self, tmp_path: Path) -> None:
        """load_dataset, iter_records and evaluate_stream refuse limits of the wrong type."""
        path = tmp_path / "subjects.jsonl"
        path.write_text(json.dumps(SUBJECT) + "\n", encoding="utf-8")
        bad: Any = {}  # checked at run time
        with pytest.raises(DatasetError) as loaded:
            load_dataset(tmp_path, limits=bad)
        with pytest.raises(DatasetError) as streamed:
            iter_records(path, "subjects", limits=bad)
        with pytest.raises(DatasetError) as evaluated:
            evaluate_stream(PLAN, tmp_path, PLAN.reporting_year, limits=bad)
        expected = [
            "load_dataset: limits must be a LoadLimits, not dict",
            "iter_records: limits must be a LoadLimits, not dict",
            "evaluate_stream: limits must be a LoadLimits, not dict",
        ]
        assert expected == [str(e.value) for e in (loaded, streamed, evaluated)]


class TestDatasetLimits:
    """Files beyond a limit are refused with the file and the limit named."""

    def test_document_too_large(self, tmp_path: Path) -> None:
        """A JSON document of 40 bytes against a limit of 20 is refused before reading."""
        path = tmp_path / "data.json"
        path.write_text('{"schema": "threeno/1", "subjects": []}', encoding="utf-8")
        # len('{"schema": "threeno/1", "subjects": []}') == 39 bytes.
        with pytest.raises(DatasetError) as info:
            load_dataset(path, limits=LoadLimits(document_bytes=20))
        expected = (
            f"{path}: 39 bytes, more than the limit of 20 bytes for a JSON document (LoadLimits)"
        )
        assert expected == str(info.value)

    def test_file_of_records_too_large(self, tmp_path: Path) -> None:
        """A JSON Lines file beyond file_bytes stops the load."""
        folder = tmp_path / "records"
        folder.mkdir()
        (folder / "subjects.jsonl").write_text(json.dumps(SUBJECT) + "\n", encoding="utf-8")
        with pytest.raises(DatasetError, match="for a file of records"):
            load_dataset(folder, limits=LoadLimits(file_bytes=10))

    def test_document_too_deep(self, tmp_path: Path) -> None:
        """A document nesting 40 levels, against the default 32, is refused."""
        path = tmp_path / "data.json"
        path.write_text(
            json.dumps({"schema": "threeno/1", "subjects": [_nested(40)]}), encoding="utf-8"
        )
        with pytest.raises(DatasetError) as info:
            load_dataset(path)
        expected = f"{path}: nested more than 32 levels deep, the limit (LoadLimits.depth)"
        assert expected == str(info.value)

    def test_document_far_too_deep(self, tmp_path: Path) -> None:
        """100 000 levels exhaust the parser's stack: refused the same way, no crash."""
        path = tmp_path / "data.json"
        path.write_text('{"schema": "threeno/1", "subjects": [' + "[" * 100_000, encoding="utf-8")
        with pytest.raises(DatasetError, match="nested more than 32 levels deep"):
            load_dataset(path)

    def test_deep_line_is_rejected_and_counted(self, tmp_path: Path) -> None:
        """In JSON Lines, a line too deep is one rejected record; the load goes on."""
        path = tmp_path / "subjects.jsonl"
        lines = [json.dumps(SUBJECT), json.dumps({"id": "S-2", "x": _nested(5)})]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        data, report = load_dataset(path, limits=LoadLimits(depth=4))
        expected = ("S-1",)
        assert expected == tuple(s.id for s in data.subjects)
        expected_2 = (2, 1, 1)
        assert expected_2 == (report.read, report.accepted, report.rejected)
        expected_3 = "nested more than 4 levels deep, the limit (LoadLimits.depth)"
        assert expected_3 == str(report.rejections[0].problems[0])
        expected_4 = 2
        assert expected_4 == report.rejections[0].line

    def test_long_line_is_rejected_and_skipped(self, tmp_path: Path) -> None:
        """A line over line_bytes is rejected without being kept; the next line is read."""
        path = tmp_path / "subjects.jsonl"
        long_line = json.dumps({**SUBJECT, "id": "S-2", "pad": "x" * 5000})
        path.write_text(f"{long_line}\n{json.dumps(SUBJECT)}\n", encoding="utf-8")
        data, report = load_dataset(path, limits=LoadLimits(line_bytes=1000))
        expected = ("S-1",)
        assert expected == tuple(s.id for s in data.subjects)
        expected_2 = "line longer than 1,000 bytes, the limit (LoadLimits.line_bytes)"
        assert expected_2 == str(report.rejections[0].problems[0])
        expected_3 = (1, 2)
        assert expected_3 == (report.rejections[0].line, report.read)

    def test_long_line_when_streaming(self, tmp_path: Path) -> None:
        """iter_records applies the line limit too, and accounts for the line."""
        path = tmp_path / "subjects.jsonl"
        path.write_text(json.dumps({**SUBJECT, "pad": "x" * 5000}) + "\n", encoding="utf-8")
        with iter_records(path, "subjects", limits=LoadLimits(line_bytes=1000)) as stream:
            assert not list(stream)
            expected_2 = 1
            assert expected_2 == stream.report.rejected

    def test_long_csv_line_stops_the_load(self, tmp_path: Path) -> None:
        """In CSV a row may span lines, so a line too long stops the load, naming it."""
        path = tmp_path / "model_reviews.csv"
        path.write_text(
            "id,unit_code,held_on,kind,maintained\n" + "x" * 3000 + "\n", encoding="utf-8"
        )
        with pytest.raises(DatasetError) as info:
            load_dataset(path, limits=LoadLimits(line_bytes=1000))
        expected = (
            f"{path}, line 2: line longer than 1,000 bytes, the limit (LoadLimits.line_bytes)"
        )
        assert expected == str(info.value)


class TestStreamLimits:
    """evaluate_stream reads within the limits given, as load_dataset does."""

    def test_long_csv_line_same_error(self, tmp_path: Path) -> None:
        """A CSV line over line_bytes stops both, with the same error naming it."""
        folder = tmp_path / "records"
        folder.mkdir()
        path = folder / "model_reviews.csv"
        path.write_text(
            "id,unit_code,held_on,kind,maintained\n" + "x" * 3000 + "\n", encoding="utf-8"
        )
        limits = LoadLimits(line_bytes=1000)
        with pytest.raises(DatasetError) as loaded:
            load_dataset(folder, limits=limits)
        with pytest.raises(DatasetError) as streamed:
            evaluate_stream(PLAN, folder, PLAN.reporting_year, limits=limits)
        expected = (
            f"{path}, line 2: line longer than 1,000 bytes, the limit (LoadLimits.line_bytes)"
        )
        assert (expected, expected) == (str(loaded.value), str(streamed.value))

    def test_default_limits_when_none_given(self, tmp_path: Path) -> None:
        """Without limits the same 3 001-byte line is read (and rejected as one bad row)."""
        folder = tmp_path / "records"
        folder.mkdir()
        (folder / "model_reviews.csv").write_text(
            "id,unit_code,held_on,kind,maintained\n" + "x" * 3000 + "\n", encoding="utf-8"
        )
        _, report = evaluate_stream(PLAN, folder, PLAN.reporting_year)
        expected = (1, 0, 1)
        assert expected == (report.read, report.accepted, report.rejected)

    def test_long_and_deep_jsonl_lines_same_rejections(self, tmp_path: Path) -> None:
        """JSON Lines lines over line_bytes or depth are rejected by both, alike."""
        folder = tmp_path / "records"
        lines = [
            json.dumps({**SUBJECT, "id": "S-2", "pad": "x" * 5000}),  # line 1: too long
            json.dumps(SUBJECT),  # line 2: S-1, accepted
            json.dumps({"id": "S-3", "x": _nested(5)}),  # line 3: too deep
        ]
        folder.mkdir()
        (folder / "subjects.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        limits = LoadLimits(line_bytes=1000, depth=4)
        _, loaded = load_dataset(folder, limits=limits)
        _, streamed = evaluate_stream(PLAN, folder, PLAN.reporting_year, limits=limits)
        expected = [
            (1, "line longer than 1,000 bytes, the limit (LoadLimits.line_bytes)"),
            (3, "nested more than 4 levels deep, the limit (LoadLimits.depth)"),
        ]
        counts = (3, 1, 2)
        for report in (loaded, streamed):
            assert expected == [(r.line, str(r.problems[0])) for r in report.rejections]
            assert counts == (report.read, report.accepted, report.rejected)
        assert loaded.rejections == streamed.rejections


class TestPlanLimits:
    """Plan files: a size limit and a nesting limit."""

    def test_file_too_large(self, tmp_path: Path) -> None:
        """A plan file over max_bytes is refused before it is read."""
        path = tmp_path / "plan.toml"
        path.write_text("x = 1\n" * 10, encoding="utf-8")  # 60 bytes
        with pytest.raises(PlanError) as info:
            read_plan(path, max_bytes=50)
        expected = f"plan file {path}: 60 bytes, more than the limit of 50 bytes"
        assert expected == str(info.value)

    def test_too_deep(self) -> None:
        """Arrays nested 40 deep, against the default 32, are refused."""
        with pytest.raises(PlanError) as info:
            parse_plan("a = " + "[" * 40 + "]" * 40, source="p.toml")
        expected = "p.toml: nested more than 32 levels deep, the limit"
        assert expected == str(info.value)

    def test_far_too_deep_is_not_a_crash(self) -> None:
        """100 000 levels overflow tomllib's recursion: a PlanError, not a RecursionError."""
        with pytest.raises(PlanError, match="nested more than 32 levels deep"):
            parse_plan("a = " + "[" * 100_000 + "]" * 100_000)

    def test_bundled_plans_within_limits(self) -> None:
        """The bundled plan loads under the default limits."""
        expected = "lai-chau-2024"
        assert expected == load_plan("lai-chau-2024").id


class TestRejectionLimit:
    """Rejections are listed up to LoadLimits.max_rejections, the rest counted by code.

    Issue 17, point 3: every rejection was kept, so 10 million one-character bad lines
    took 3.8 GB (a bare MemoryError under a memory limit), and a stream of bad lines grew
    like a load. Worked by hand: 5,000 bad lines, 1,000 listed, 4,000 counted.
    """

    BAD_LINES = 5000

    @pytest.fixture
    def bad_file(self, tmp_path: Path) -> Path:
        """A JSON Lines file of one good subject then 5,000 lines ``x`` (not JSON)."""
        path = tmp_path / "subjects.jsonl"
        path.write_text(json.dumps(SUBJECT) + "\n" + "x\n" * self.BAD_LINES, encoding="utf-8")
        return path

    def test_default_is_a_thousand(self) -> None:
        """The default: a thousand rejections listed."""
        assert DEFAULT_LIMITS.max_rejections == 1000
        with pytest.raises(ValidationError, match=r"LoadLimits\.max_rejections"):
            LoadLimits(max_rejections=0)

    def test_load(self, bad_file: Path) -> None:
        """Reproduces 5,000 bad lines all kept: now the first 1,000, and 4,000 counted.

        accepted + rejected = read still holds; the report says how many are not listed,
        by code, in both languages.
        """
        _, report = load_dataset(bad_file)
        counts = report.counts["subjects"]
        assert (counts.read, counts.accepted, counts.rejected) == (5001, 1, 5000)
        assert len(report.rejections) == 1000
        assert [r.line for r in report.rejections[:2]] == [2, 3]
        assert report.rejections[-1].line == 1001
        assert (report.not_listed, dict(report.unlisted)) == (4000, {"not_json": 4000})
        assert not report.ok
        assert (
            "  ... and 4,000 more rejected records not listed (LoadLimits.max_rejections);"
            " their problems by code: not_json 4,000"
        ) in report.text("en").splitlines()
        assert (
            "  ... và 4.000 bản ghi bị loại khác không được liệt kê"
            " (LoadLimits.max_rejections); số lỗi theo mã: not_json 4.000"
        ) in report.text("vi").splitlines()

    def test_stream_and_evaluation(self, bad_file: Path) -> None:
        """The stream and evaluate_stream list the same 1,000 and count the same 4,000."""
        _, loaded = load_dataset(bad_file)
        with iter_records(bad_file, "subjects") as stream:
            assert [s.id for s in stream] == ["S-1"]
        _, evaluated = evaluate_stream(PLAN, bad_file.parent, PLAN.reporting_year)
        for report in (stream.report, evaluated):
            assert report.rejections == loaded.rejections
            assert dict(report.unlisted) == {"not_json": 4000}
            assert report.counts["subjects"] == loaded.counts["subjects"]

    def test_a_smaller_limit_across_files(self, tmp_path: Path) -> None:
        """Three listed in all, over two files, the first read: the types' order."""
        (tmp_path / "subjects.jsonl").write_text("x\n" * 2, encoding="utf-8")
        (tmp_path / "crime_reports.jsonl").write_text("[1]\n" * 3, encoding="utf-8")
        limits = LoadLimits(max_rejections=3)
        _, loaded = load_dataset(tmp_path, limits=limits)
        _, streamed = evaluate_stream(PLAN, tmp_path, PLAN.reporting_year, limits=limits)
        for report in (loaded, streamed):
            listed = [(r.record_type, r.line) for r in report.rejections]
            assert listed == [("subjects", 1), ("subjects", 2), ("crime_reports", 1)]
            assert dict(report.unlisted) == {"not_an_object": 2}
            assert report.rejected == 5

    def test_memory_does_not_grow_with_bad_lines(self, tmp_path: Path) -> None:
        """Ten times the bad lines, about the same memory (traced, not timed).

        Reproduces the growth: before, the peak grew with every rejection kept (about
        2 KB a line). Now the peak of 40,000 bad lines is within 1.5 times that of 4,000
        (both beyond the 1,000 listed), in a load and in a stream.
        """

        def peak(lines: int, *, stream: bool) -> int:
            path = tmp_path / f"{lines}" / "subjects.jsonl"
            path.parent.mkdir(exist_ok=True)
            path.write_text("x\n" * lines, encoding="utf-8")
            gc.collect()
            tracemalloc.start()
            try:
                if stream:
                    with iter_records(path, "subjects") as records:
                        for _ in records:
                            pass
                else:
                    load_dataset(path)
                return tracemalloc.get_traced_memory()[1]
            finally:
                tracemalloc.stop()

        for stream in (False, True):
            small, large = peak(4000, stream=stream), peak(40000, stream=stream)
            assert large < 1.5 * small, (stream, small, large)
