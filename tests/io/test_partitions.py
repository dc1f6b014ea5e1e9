"""Byte ranges as units of work: split, scan the ids, evaluate, merge, finish.

The oracle is :func:`evaluate_stream` on the whole folder, whose own equality with a load
and an evaluation in memory the other tests show; and, for the ids, the dictionary of
:class:`~threeno.io._tally.Ids` that a stream's first pass kept before.
"""

from __future__ import annotations

import json
import pickle
import random
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.pickle_guard import SentAloneError, dumps_guarded
from threeno.errors import DatasetError, ValidationError
from threeno.indicators import _memory
from threeno.io import _idscan
from threeno.io._idscan import tally_ids
from threeno.io._record_files import ID_READERS
from threeno.io._tally import Ids, Tally
from threeno.io.converter import CONVERTER
from threeno.io.datasets import LoadLimits, iter_records
from threeno.io.partitions import (
    ByteRange,
    IdPlaces,
    IdScan,
    Partial,
    StreamJob,
    evaluate_range,
    find_repeats,
    finish,
    merge_partials,
    merge_places,
    merge_scans,
    recheck_ids,
    scan_ids,
    split_file,
    split_folder,
)
from threeno.io.stream import evaluate_stream
from threeno.model.dataset import RECORD_TYPES, Dataset
from threeno.plans import load_plan, load_revision
from threeno.testing.strategies import datasets
from threeno.testing.synthetic import demo_path

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from threeno.indicators.results import Evaluation
    from threeno.io.report import LoadReport

T = TypeVar("T")
PLAN = load_plan("lai-chau-2024")
PERIOD = PLAN.period("2024")
REVISED = load_revision("lai-chau-2024-count-receipt-day").plan
LIMITS = LoadLimits()
Raw = dict[str, Any]
#: A model review's fields but its id.
REVIEW: Raw = {"unit_code": "03386", "held_on": "2024-06-20", "kind": "so_ket", "maintained": True}
#: Each example evaluates a folder whole and range by range (a range's evaluation is
#: built, some tens of milliseconds, and so is each merge): few examples, a slow test.
EXAMPLES = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: Lines that are not good records: not JSON, not UTF-8, not an object, blank (no
#: record at all), a record missing its fields.
BAD_LINES: tuple[bytes, ...] = (
    b"not json",
    b"\xff\xfe{}",
    b"[1, 2]",
    b"",
    b"   \t",
    b'{"id": "BAD-1"}',
    b'{"id": 5}',
)


def _tree(items: Sequence[T], merge: Callable[[T, T], T], rnd: random.Random) -> T:
    """The items merged two at a time, any two, until one is left: any order, any tree."""
    pool = list(items)
    while len(pool) > 1:
        i, j = sorted(rnd.sample(range(len(pool)), 2))
        second = pool.pop(j)
        first = pool.pop(i)
        pool.append(merge(first, second) if rnd.random() < 0.5 else merge(second, first))
    return pool[0]


def _partitioned(
    folder: Path,
    job: StreamJob,
    range_bytes: int | None,
    seed: int,
    *,
    check_duplicates: bool = True,
) -> tuple[Any, ...]:
    """The folder evaluated range by range, each step merged in a random tree."""
    rnd = random.Random(seed)  # noqa: S311 - an order, not a secret
    split = split_folder(folder, range_bytes=range_bytes, limits=job.limits)
    ranges = list(split.ranges)
    repeats = None
    if check_duplicates:
        scan: IdScan = _tree([scan_ids(r, job.limits) for r in ranges], merge_scans, rnd)
        candidates = {name: tuple(found) for name, found in scan.repeated.items()}
        checks = [recheck_ids(r, candidates, job.limits) for r in rnd.sample(ranges, len(ranges))]
        repeats = _tree(checks, merge_places, rnd).repeats()
    # Each task pickled, as a cluster sends it, and its partial pickled back.
    sent = pickle.loads(pickle.dumps((job, repeats)))  # noqa: S301 - our own bytes
    parts = [
        pickle.loads(pickle.dumps(evaluate_range(sent[0], r, sent[1])))  # noqa: S301 - ours
        for r in rnd.sample(ranges, len(ranges))
    ]
    return finish(job, split, _tree(parts, merge_partials, rnd))


def _same(
    whole: tuple[Any, ...],
    parts: tuple[Any, ...],
) -> None:
    """Equal evaluations (their JSON byte for byte) and equal load reports."""
    evaluation: Evaluation = whole[0]
    report: LoadReport = whole[1]
    assert parts[0].to_json() == evaluation.to_json()
    assert parts[1] == report
    assert parts[1].text("vi") == report.text("vi")
    if len(whole) == 3:
        assert [e.to_json() for e in parts[2]] == [e.to_json() for e in whole[2]]


@st.composite
def folders(draw: st.DrawFn) -> dict[str, list[bytes]]:
    """The lines of a folder's JSON Lines files: good records, copies, bad lines."""
    data: Dataset = draw(datasets(PLAN, PERIOD, max_size=5))
    files: dict[str, list[bytes]] = {}
    for name in RECORD_TYPES:
        raws: list[Raw] = [CONVERTER.unstructure(r) for r in getattr(data, name)]
        lines = [json.dumps(r, ensure_ascii=False).encode() for r in raws]
        for raw in raws:
            copies = draw(st.sampled_from([0, 0, 0, 1, 2]))
            lines.extend([json.dumps(raw, ensure_ascii=False).encode()] * copies)
            if draw(st.integers(0, 9)) == 0:
                lines.append(json.dumps({"id": raw["id"]}).encode())  # a bad copy
        lines.extend(draw(st.lists(st.sampled_from(BAD_LINES), max_size=3)))
        files[name] = draw(st.permutations(lines))
    return files


def _write(folder: Path, files: dict[str, list[bytes]], *, crlf: bool, last_newline: bool) -> None:
    folder.mkdir()
    end = b"\r\n" if crlf else b"\n"
    for name, lines in files.items():
        body = end.join(lines) + (end if last_newline and lines else b"")
        (folder / f"{name}.jsonl").write_bytes(body)


class TestEqualsEvaluateStream:
    """Ranges scanned, evaluated and merged in any tree equal evaluate_stream whole."""

    @EXAMPLES
    @given(
        files=folders(),
        range_bytes=st.one_of(st.none(), st.integers(1, 3000)),
        seed=st.integers(0, 2**32),
        shape=st.tuples(st.booleans(), st.booleans(), st.booleans(), st.sampled_from([1, 3, 1000])),
    )
    def test_property(
        self,
        files: dict[str, list[bytes]],
        range_bytes: int | None,
        seed: int,
        shape: tuple[bool, bool, bool, int],
    ) -> None:
        """Copies across ranges, bad lines, alternatives and a rejection limit included.

        ``max_rejections`` of 1 and 3 make ranges list more rejections than the whole
        may: the merge keeps the first by line and counts the others by code.
        """
        crlf, last_newline, alternatives, max_rejections = shape
        limits = LoadLimits(max_rejections=max_rejections)
        others = [REVISED] if alternatives else None
        job = StreamJob(
            plans=(PLAN, *(others or ())),
            period=PERIOD,
            limits=limits,
            alternatives=others is not None,
        )
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "data"
            _write(folder, files, crlf=crlf, last_newline=last_newline)
            whole = evaluate_stream(PLAN, folder, PERIOD, limits=limits, alternatives=others)
            parts = _partitioned(folder, job, range_bytes, seed)
            _same(whole, parts)  # entries are made from the files: compared while they are here

    def test_duplicates_across_ranges_by_hand(self, tmp_path: Path) -> None:
        """Three copies of one id in three ranges: each rejected, naming the two others.

        Lines 1, 3 and 5 hold S-1 (line 2 blank, line 4 another subject); with ranges of
        one line each, every copy is in its own range. The copy on line 3 names lines 1
        and 5; the subject of line 4 is accepted: read 4, accepted 1, rejected 3.
        """
        subject = {
            "id": "S-1",
            "sex": "female",
            "birth_year": 1998,
            "ethnicity": "08",
            "unit_code": "03386",
            "registered_on": "2024-01-10",
            "categories": [{"category": "returned_victim", "since": "2024-01-10"}],
        }
        one = json.dumps(subject)
        two = json.dumps({**subject, "id": "S-2"})
        folder = tmp_path / "data"
        folder.mkdir()
        (folder / "subjects.jsonl").write_text(f"{one}\n\n{one}\n{two}\n{one}\n")
        job = StreamJob(plans=(PLAN,), period=PERIOD)
        evaluation, report = _partitioned(folder, job, 1, seed=7)
        expected = (4, 1, 3)
        assert expected == (report.read, report.accepted, report.rejected)
        assert [r.line for r in report.rejections] == [1, 3, 5]
        middle = report.rejections[1].problems[0]
        assert middle.code == "duplicate_id"
        assert [p.params["line"] for p in middle.params["others"]] == [1, 5]
        assert evaluation.to_json() == evaluate_stream(PLAN, folder, PERIOD)[0].to_json()

    def test_csv_and_workbook_are_whole(self, tmp_path: Path) -> None:
        """A CSV file is one range whatever ``range_bytes`` (a cell may hold a line end)."""
        folder = tmp_path / "data"
        folder.mkdir()
        (folder / "subjects.csv").write_text("id\n")
        split = split_folder(folder, range_bytes=1)
        assert [(r.format, r.start, r.stop) for r in split.ranges] == [("csv", 0, None)]
        assert len(split.notes) == len(RECORD_TYPES) - 1  # one note per file missing

    def test_no_duplicate_check_refuses_shared_ids(self, tmp_path: Path) -> None:
        """Without the check, two ranges sharing an id refuse to merge; one range counts both."""
        folder = tmp_path / "data"
        folder.mkdir()
        review = {
            "id": "MR-1",
            "unit_code": "03386",
            "held_on": "2024-06-20",
            "kind": "so_ket",
            "maintained": True,
        }
        line = json.dumps(review)
        (folder / "model_reviews.jsonl").write_text(f"{line}\n{line}\n")
        job = StreamJob(plans=(PLAN,), period=PERIOD)
        split = split_folder(folder, range_bytes=1)
        first, second = (evaluate_range(job, r) for r in split.ranges)
        with pytest.raises(ValidationError) as caught:
            merge_partials(first, second)
        assert caught.value.code == "partitions_share_ids"
        whole = evaluate_range(job, split_folder(folder).ranges[0])
        assert whole.counts["model_reviews"].accepted == 2


class TestWhatIsSent:
    """A partial carries its evaluators' state: no definition, no record, no evaluation."""

    def test_demo_partial_holds_no_definition(self) -> None:
        """The demo data's partials, whole and merged, pickle past the guard and finish.

        The guard refuses a plan, a calendar, a register of units, an evaluation, an
        evaluator, its context, an indicator and every record class; a partial of the
        plan and its alternative, pickled and loaded, still finishes as evaluate_stream.
        """
        folder = demo_path()
        job = StreamJob(plans=(PLAN, REVISED), period=PERIOD, alternatives=True)
        split = split_folder(folder, range_bytes=64 << 10)
        repeats = find_repeats(split.ranges, job.limits)
        parts = [evaluate_range(job, r, repeats) for r in split.ranges]
        merged = _tree(parts, merge_partials, random.Random(3))  # noqa: S311 - an order
        sent = [pickle.loads(dumps_guarded(p)) for p in (*parts[:3], merged)]  # noqa: S301 - ours
        whole = evaluate_stream(PLAN, folder, PERIOD, alternatives=[REVISED])
        _same(whole, finish(job, split, sent[-1]))

    def test_guard_refuses_an_evaluation(self) -> None:
        """The guard itself: an evaluation (what a partial held before) is refused."""
        evaluation, _ = evaluate_stream(PLAN, demo_path(), PERIOD)
        with pytest.raises(SentAloneError, match="Evaluation"):
            dumps_guarded((evaluation,))

    def test_shared_ids_counted_across_merged_ranges(self, tmp_path: Path) -> None:
        """Ranges of MR-1, MR-2, MR-3 merged, then of MR-2, MR-3: 2 shared, refused.

        Without the duplicate check every line is its own range (one line each); the
        first three merge (disjoint), the last two merge, and the two merges share MR-2
        and MR-3: count 2, in either order.
        """
        folder = tmp_path / "data"
        folder.mkdir()
        lines = [json.dumps({**REVIEW, "id": f"MR-{n}"}) for n in (1, 2, 3, 2, 3)]
        (folder / "model_reviews.jsonl").write_text("".join(f"{line}\n" for line in lines))
        job = StreamJob(plans=(PLAN,), period=PERIOD)
        parts = [evaluate_range(job, r) for r in split_folder(folder, range_bytes=1).ranges]
        first = merge_partials(merge_partials(parts[0], parts[1]), parts[2])
        second = merge_partials(parts[4], parts[3])
        for a, b in ((first, second), (second, first)):
            with pytest.raises(ValidationError) as caught:
                merge_partials(a, b)
            assert caught.value.code == "partitions_share_ids"
            assert caught.value.params == {"record_type": "model_reviews", "count": 2}


class TestSplitFile:
    """Ranges cut at line ends, numbered as the whole file is."""

    def test_by_hand(self, tmp_path: Path) -> None:
        r"""A BOM, a blank line, a line too long and no last newline.

        Lines (bytes): 1 ``BOM{"a":1}\n`` (11), 2 ``\n`` (1), 3 ``{"b":2}\n`` (8),
        4 forty ``x`` and ``\n`` (41, beyond a line limit of 20: one record), 5 ``{}``
        (2, no newline). Ranges of at least 9 bytes: [0, 11) line 1, no record before;
        [11, 20) lines 2-3 (1 + 8 = 9 bytes), one record before; [20, 61) line 4, two
        records before (lines 1 and 3; line 2 is blank); [61, end) line 5, three before.
        """
        path = tmp_path / "subjects.jsonl"
        path.write_bytes(b'\xef\xbb\xbf{"a":1}\n\n{"b":2}\n' + b"x" * 40 + b"\n{}")
        ranges = split_file(path, "subjects", 9, LoadLimits(line_bytes=20))
        got = [(r.start, r.stop, r.first_line, r.first_index) for r in ranges]
        assert got == [(0, 11, 1, 0), (11, 20, 2, 1), (20, 61, 4, 2), (61, None, 5, 3)]

    def test_empty_and_exact_end(self, tmp_path: Path) -> None:
        """An empty file is one empty range; a file ending at a cut has no empty tail."""
        path = tmp_path / "subjects.jsonl"
        path.write_bytes(b"")
        assert [(r.start, r.stop) for r in split_file(path, "subjects", 5, LIMITS)] == [(0, None)]
        path.write_bytes(b"12345\n12345\n")
        got = [(r.start, r.stop, r.first_line) for r in split_file(path, "subjects", 6, LIMITS)]
        assert got == [(0, 6, 1), (6, None, 2)]

    def test_messages_name_true_lines(self, tmp_path: Path) -> None:
        """A bad line in the last range is named by its line in the file (line 3)."""
        folder = tmp_path / "data"
        folder.mkdir()
        (folder / "subjects.jsonl").write_text("\n\nnot json\n")
        job = StreamJob(plans=(PLAN,), period=PERIOD)
        split = split_folder(folder, range_bytes=1)
        last = evaluate_range(job, split.ranges[-1])
        assert [(r.line, r.index) for r in last.rejections] == [(3, 0)]

    def test_bad_range(self) -> None:
        """An unknown type or format, a negative start, is refused."""
        with pytest.raises(DatasetError):
            ByteRange(path="x", record_type="people", format="jsonl")
        with pytest.raises(DatasetError):
            ByteRange(path="x", record_type="subjects", format="parquet")
        with pytest.raises(DatasetError):
            ByteRange(path="x", record_type="subjects", format="jsonl", start=-1)
        with pytest.raises(DatasetError):
            split_folder(".", range_bytes=0)


def _old_ids(path: Path) -> Ids:
    """The repeated ids as the stream's first pass kept them before: a dictionary entry each."""
    ids = Ids()
    for record_id, place in ID_READERS["jsonl"](path, "subjects", Tally(limits=LIMITS)):
        if record_id is not None:
            ids.add(record_id, place)
    return ids


class TestCompactIds:
    """Digests find exactly the ids the dictionary found; a collision rejects nobody."""

    @settings(max_examples=60, deadline=None)
    @given(
        ids=st.lists(st.sampled_from(["A", "B", "C", "Đ", "E\u0301", "É", "7"]), max_size=30),
        range_bytes=st.integers(1, 80),
        held=st.sampled_from([1, 2, 5, _memory.HELD]),
    )
    def test_equals_the_dictionary(self, ids: list[str], range_bytes: int, held: int) -> None:
        """The same repeated ids, places kept and copies, over one range or many.

        ``E`` with a combining acute and ``É`` are one id (read in NFC), as before. The
        digests of a stream's first pass go to disk beyond ``held`` of them (1 to 5
        here, 8 MB by default): the same ids are found.
        """
        with tempfile.TemporaryDirectory() as tmp, mock.patch.object(_memory, "HELD", held):
            path = Path(tmp) / "subjects.jsonl"
            path.write_text("".join(json.dumps({"id": i}) + "\n" for i in ids))
            old = _old_ids(path)
            for ranges in (split_file(path, "subjects", range_bytes, LIMITS), None):
                chosen = ranges or (
                    ByteRange(path=str(path), record_type="subjects", format="jsonl"),
                )
                new = tally_ids(find_repeats(chosen, LIMITS), "subjects")
                assert new.kept == old.kept
                assert new.copies == old.copies

    def test_forced_collision(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """Every id digests to 42: each is a candidate, the exact check keeps them apart.

        Model reviews MR-1, MR-2, MR-3 and MR-1 again: the scan finds one digest four
        times; the exact check finds MR-1 twice (lines 1 and 4), MR-2 and MR-3 once. So
        2 rejections (lines 1 and 4) and 2 accepted, as without the collision.
        """
        review = {
            "unit_code": "03386",
            "held_on": "2024-06-20",
            "kind": "so_ket",
            "maintained": True,
        }
        ids = ["MR-1", "MR-2", "MR-3", "MR-1"]
        folder = tmp_path / "data"
        folder.mkdir()
        path = folder / "model_reviews.jsonl"
        path.write_text("".join(json.dumps({"id": i, **review}) + "\n" for i in ids))
        expected = evaluate_stream(PLAN, folder, PERIOD)
        monkeypatch.setattr(_idscan, "id_digest", lambda _: 42)
        scan = scan_ids(split_folder(folder).ranges[0], LIMITS)
        assert list(scan.repeated["model_reviews"]) == [42]
        collided = evaluate_stream(PLAN, folder, PERIOD)
        assert [r.line for r in collided[1].rejections] == [1, 4]
        assert collided[1].accepted == 2
        assert collided[0].to_json() == expected[0].to_json()
        assert collided[1] == expected[1]
        with iter_records(path, "model_reviews") as stream:
            assert [r.id for r in stream] == ["MR-2", "MR-3"]

    def test_merges_are_associative(self) -> None:
        """Scans of 1,2 / 2,3 / 3,4: 2 and 3 repeated, whatever the grouping."""

        def scan(*values: int) -> IdScan:
            import array  # noqa: PLC0415 - only here

            return IdScan({"subjects": array.array("Q", values)}, {"subjects": array.array("Q")})

        a, b, c = scan(1, 2), scan(2, 3), scan(3, 4)
        left, right = a.merge(b).merge(c), a.merge(b.merge(c))
        assert list(left.digests["subjects"]) == list(right.digests["subjects"]) == [1, 2, 3, 4]
        assert list(left.repeated["subjects"]) == list(right.repeated["subjects"]) == [2, 3]
        places = IdPlaces({"subjects": {"A": ((9, 3), 2)}}).merge(
            IdPlaces({"subjects": {"A": ((1,), 1)}})
        )
        assert places.places["subjects"]["A"] == ((1, 3, 9), 3)

    def test_everything_pickles(self, tmp_path: Path) -> None:
        """Ranges, scans, places, jobs and partials go through pickle unchanged."""
        folder = tmp_path / "data"
        folder.mkdir()
        (folder / "subjects.jsonl").write_text('{"id": "S-1"}\n')
        split = split_folder(folder)
        job = StreamJob(plans=(PLAN,), period=PERIOD)
        partial = evaluate_range(job, split.ranges[0])
        for item in (split, job, scan_ids(split.ranges[0], LIMITS), IdPlaces()):
            assert pickle.loads(pickle.dumps(item)) == item  # noqa: S301 - our own bytes
        back: Partial = pickle.loads(pickle.dumps(partial))  # noqa: S301 - our own bytes
        assert back.rejections == partial.rejections
        assert back.counts == partial.counts
