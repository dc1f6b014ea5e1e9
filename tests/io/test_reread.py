"""A stream keeps where a failing crime report's line is, and makes its entries from it.

The oracle is the evaluation in memory of the same file loaded (:func:`load_dataset`,
then :func:`evaluate`), which keeps every entry as it reads: a stream that kept only
the offsets of the lines must give the same JSON, entry for entry, whole or by ranges.
The offsets themselves are checked against the bytes the test wrote (a BOM, CRLF line
ends, a blank line, a line too long and a line that is not JSON before the reports).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import pickle
from typing import TYPE_CHECKING

import pytest

from tests.indicators.indicator_scenario import report
from threeno.errors import DatasetError
from threeno.indicators import evaluate
from threeno.indicators.explanation import Entries
from threeno.indicators.settings import EvaluationSettings
from threeno.io.converter import CONVERTER
from threeno.io.datasets import LoadLimits, load_dataset
from threeno.io.partitions import (
    StreamJob,
    evaluate_range,
    finish,
    merge_partials,
    split_folder,
)
from threeno.io.stream import evaluate_stream
from threeno.model.enums import Decision
from threeno.plans import load_plan
from threeno.testing.synthetic import demo_path

if TYPE_CHECKING:
    from pathlib import Path

    from threeno.indicators.explanation import ExplainMode
    from threeno.indicators.results import Evaluation
    from threeno.model.crime import CrimeReport

D = dt.date
PLAN = load_plan("lai-chau-2024")
PERIOD = PLAN.period("2024-H1")
BOM = b"\xef\xbb\xbf"


def _line(r: CrimeReport) -> bytes:
    return json.dumps(CONVERTER.unstructure(r), ensure_ascii=False).encode()


def _reports() -> list[CrimeReport]:
    """Three reports of the ward 03386, period 2024-H1, receipt day not counted.

    * R-1: received 02/01/2024, never classified nor decided: its limit (20 days, Art.
      147(1)) ended on 22/01/2024, so it is overdue at 30/06/2024: it fails
      ``reports.resolved`` and ``reports.classified``, and ``reports.overdue`` counts it.
    * R-2: received 02/01/2024, classified 03/01/2024, decided (khởi tố) 05/01/2024:
      within its limit, no entry in ``failures`` mode.
    * R-3: received 10/06/2024, classified 11/06/2024, not decided: its limit ends on
      30/06/2024, the period's last day, so it is in progress (an entry of
      ``reports.resolved``'s ``in_progress``).
    """
    return [
        report("R-1", received=D(2024, 1, 2)),
        report(
            "R-2",
            received=D(2024, 1, 2),
            classified=D(2024, 1, 3),
            decision=Decision.KHOI_TO,
            decided=D(2024, 1, 5),
        ),
        report("R-3", received=D(2024, 6, 10), classified=D(2024, 6, 11)),
    ]


def _write(folder: Path) -> tuple[Path, list[int]]:
    """The file, and the offset of each report's line, counted from the bytes written."""
    folder.mkdir()
    parts = [
        BOM + b"not json\r\n",
        b"\r\n",
        b'{"id": "' + b"x" * 600 + b'"}\n',
        b"[1, 2]\n",
    ]
    offsets = []
    for r in _reports():
        offsets.append(sum(len(p) for p in parts))
        parts.append(_line(r) + b"\r\n")
    path = folder / "crime_reports.jsonl"
    path.write_bytes(b"".join(parts))
    return path, offsets


LIMITS = LoadLimits(line_bytes=500)


def _memory(folder: Path) -> Evaluation:
    dataset, _ = load_dataset(folder, limits=LIMITS)
    return evaluate(PLAN, dataset, PERIOD, count_receipt_day=False, explain="failures")


class TestOffsets:
    """The offsets kept are the lines' starts; the entries made from them are the load's."""

    def test_offsets_and_entries(self, tmp_path: Path) -> None:
        """R-1's and R-3's lines are kept (they keep entries), R-2's is not.

        The four lines before the reports are a BOM and a line that is not JSON, a blank
        CRLF line, a line of 612 bytes (beyond the limit of 500, rejected) and a JSON
        array (not an object, rejected): the offsets count every byte of them.
        """
        path, offsets = _write(tmp_path / "data")
        evaluation, report_ = evaluate_stream(
            PLAN, path.parent, PERIOD, count_receipt_day=False, limits=LIMITS
        )
        assert report_.rejected == 3
        kept = evaluation._state._kernel.kept
        assert {unit: list(o) for (_, unit), o in kept.offsets.items()} == {
            "03386": [offsets[0], offsets[2]]
        }
        resolved = evaluation.results["reports.resolved"].by_unit["03386"]
        assert isinstance(resolved.explanation.failures, Entries)
        assert resolved.explanation.failure_ids == ("R-1",)
        assert [e.record_id for e in resolved.explanation.in_progress] == ["R-3"]
        assert evaluation.to_json() == _memory(path.parent).to_json()

    def test_without_reread_the_entries_are_tuples(self, tmp_path: Path) -> None:
        """``reread=False`` keeps every entry as it is read: tuples, nothing kept, equal."""
        path, _ = _write(tmp_path / "data")
        evaluation, _ = evaluate_stream(
            PLAN, path.parent, PERIOD, count_receipt_day=False, limits=LIMITS, reread=False
        )
        assert not evaluation._state._kernel.kept
        explanation = evaluation.results["reports.resolved"].total.explanation
        assert type(explanation.failures) is tuple
        assert evaluation.to_json() == _memory(path.parent).to_json()

    def test_pickled_the_entries_are_made(self, tmp_path: Path) -> None:
        """An explanation pickled carries its entries (a tuple), not the file's places."""
        path, _ = _write(tmp_path / "data")
        evaluation, _ = evaluate_stream(
            PLAN, path.parent, PERIOD, count_receipt_day=False, limits=LIMITS
        )
        explanation = evaluation.results["reports.resolved"].total.explanation
        again = pickle.loads(pickle.dumps(explanation))  # noqa: S301 - our own bytes
        path.unlink()
        assert type(again.failures) is tuple
        assert again == explanation
        assert [e.record_id for e in again.failures] == ["R-1"]


class TestTheFileChanged:
    """An explanation is never made from other lines than those counted."""

    @pytest.mark.parametrize("change", ["append", "touch", "replace"])
    def test_refused_naming_the_file(self, tmp_path: Path, change: str) -> None:
        """Appended to, touched (same bytes, a new time) or replaced: refused, named.

        The numbers stay readable; the first look at an entry to make raises
        ``file_changed_since_read`` naming the file and no record's value.
        """
        path, _ = _write(tmp_path / "data")
        evaluation, _ = evaluate_stream(
            PLAN, path.parent, PERIOD, count_receipt_day=False, limits=LIMITS
        )
        data = path.read_bytes()
        stat = path.stat()
        if change == "append":
            path.write_bytes(data + b"\n")
        elif change == "touch":
            os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
        else:
            other = path.with_name("other")
            other.write_bytes(data)
            os.utime(other, ns=(stat.st_atime_ns, stat.st_mtime_ns))
            other.replace(path)  # the same bytes and time, another inode
        resolved = evaluation.results["reports.resolved"].total
        assert (resolved.numerator, resolved.denominator) == (1, 3)
        with pytest.raises(DatasetError) as caught:
            resolved.explanation.failure_ids  # noqa: B018 - the look that makes them
        assert caught.value.code == "file_changed_since_read"
        assert str(path) in str(caught.value)
        assert "R-1" not in str(caught.value)

    def test_a_file_removed_cannot_be_read(self, tmp_path: Path) -> None:
        """Removed: ``cannot_read_file``, naming it."""
        path, _ = _write(tmp_path / "data")
        evaluation, _ = evaluate_stream(
            PLAN, path.parent, PERIOD, count_receipt_day=False, limits=LIMITS
        )
        path.unlink()
        with pytest.raises(DatasetError) as caught:
            evaluation.to_json()
        assert caught.value.code == "cannot_read_file"
        assert str(path) in str(caught.value)


class TestRangesAndSides:
    """Ranges of the demo data merged, and alternatives: equal to the load's evaluation."""

    @pytest.mark.parametrize("explain", ["failures", "all"])
    def test_ranges_merged_after_pickling(self, explain: ExplainMode) -> None:
        """The demo data in ranges of 4 KiB, each partial pickled, merged, finished.

        The offsets of each range are of the whole file: the entries made from them are
        those of the demo data loaded and evaluated in memory.
        """
        folder = demo_path()
        period = PLAN.period("2024")
        job = StreamJob(plans=(PLAN,), period=period, settings=EvaluationSettings(explain=explain))
        split = split_folder(folder, range_bytes=4096)
        assert len(split.ranges) > 10
        sent = [pickle.dumps(evaluate_range(job, r)) for r in split.ranges]
        parts = [pickle.loads(b) for b in sent]  # noqa: S301 - our own bytes
        merged = parts[0]
        for part in parts[1:]:
            merged = merge_partials(merged, part)
        assert merged.states[0].kept  # the failing reports' places, not their entries
        evaluation, *_ = finish(job, split, merged)
        dataset, _ = load_dataset(folder)
        expected = evaluate(PLAN, dataset, period, explain=explain)
        assert evaluation.to_json() == expected.to_json()

    def test_alternatives_keep_their_entries(self) -> None:
        """With alternatives, reports go to the sides by chunks: entries kept as read."""
        period = PLAN.period("2024")
        evaluation, _, (other,) = evaluate_stream(PLAN, demo_path(), period, alternatives=(PLAN,))
        assert not evaluation._state._kernel.kept
        assert evaluation.to_json() == other.to_json()
        dataset, _ = load_dataset(demo_path())
        expected = evaluate(PLAN, dataset, period, explain="failures")
        assert evaluation.to_json() == expected.to_json()
