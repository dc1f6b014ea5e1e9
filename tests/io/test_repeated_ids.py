"""Repeated ids are resolved whatever the order of the records (issue 17, point 8).

Before the change the first copy of a repeated id was kept and the later ones rejected,
so shuffling a file with a duplicate changed the numbers (59 of 65 outputs differed
over 5 shuffles). Now every copy is rejected, each naming the others, in
``load_dataset`` (files, documents, records in memory), ``iter_records`` and
``evaluate_stream`` (a first pass finds the repeated ids) alike, and
``Evaluation.merge`` refuses partitions that share a record. The property tests below
shuffle datasets holding copies, changed or not, and check that every output is the
same as that of the dataset without the repeated ids (the oracle), whatever the order.
"""

from __future__ import annotations

import json
import random
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from threeno.errors import ValidationError
from threeno.indicators.engine import evaluate, evaluate_records
from threeno.io.converter import CONVERTER
from threeno.io.datasets import SCHEMA, LoadLimits, iter_records, load_dataset
from threeno.io.stream import evaluate_stream
from threeno.model.dataset import RECORD_TYPES, Dataset
from threeno.plans import load_plan
from threeno.testing.strategies import datasets
from threeno.testing.synthetic import demo_path

if TYPE_CHECKING:
    from threeno.io.report import LoadReport

PLAN = load_plan("lai-chau-2024")
PERIOD = PLAN.period("2024")
Raw = dict[str, Any]
#: Each example loads a dataset four ways and evaluates it three times: fewer examples
#: than the profile's, whatever it is (the fuzz profile runs the readers apart).
EXAMPLES = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _changed(raw: Raw) -> Raw:
    """A copy of a record with another value, so that which copy wins would matter."""
    copy = dict(raw)
    for key, value in raw.items():
        if isinstance(value, bool):
            copy[key] = not value
            return copy
        if isinstance(value, int) and key not in {"birth_year", "year"}:
            copy[key] = value + 1
            return copy
    return copy


@st.composite
def with_copies(draw: st.DrawFn) -> tuple[Dataset, dict[str, list[Raw]], set[tuple[str, str]]]:
    """A consistent dataset; its records in JSON form with copies added; the ids repeated."""
    data: Dataset = draw(datasets(PLAN, PERIOD, max_size=6))
    raws: dict[str, list[Raw]] = {}
    repeated: set[tuple[str, str]] = set()
    for name in RECORD_TYPES:
        items: list[Raw] = [CONVERTER.unstructure(r) for r in getattr(data, name)]
        for raw in list(items):
            copies = draw(st.sampled_from([0, 0, 0, 1, 2]))
            items.extend(_changed(raw) if draw(st.booleans()) else dict(raw) for _ in range(copies))
            if copies:
                repeated.add((name, raw["id"]))
        raws[name] = items
    return data, raws, repeated


def _shuffled(raws: dict[str, list[Raw]], seed: int) -> dict[str, list[Raw]]:
    rnd = random.Random(seed)  # noqa: S311 - a shuffle, not a secret
    return {name: rnd.sample(items, len(items)) for name, items in raws.items()}


def _write(folder: Path, raws: dict[str, list[Raw]]) -> Path:
    folder.mkdir()
    for name, items in raws.items():
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in items)
        (folder / f"{name}.jsonl").write_text(text, encoding="utf-8")
    return folder


def _rejected(report: LoadReport) -> list[tuple[str, str | None]]:
    return sorted((r.record_type, r.record_id) for r in report.rejections)


def _oracle(data: Dataset, repeated: set[tuple[str, str]]) -> Dataset:
    """The dataset without any record whose id was repeated."""
    return Dataset(
        **{
            name: [r for r in getattr(data, name) if (name, r.id) not in repeated]
            for name in RECORD_TYPES
        }
    )


class TestAnyOrder:
    """Shuffled datasets with copies: every output equals the oracle's, in every order."""

    @EXAMPLES
    @given(case=with_copies(), seeds=st.lists(st.integers(0, 2**32), min_size=2, max_size=2))
    def test_load_stream_and_evaluate(
        self, case: tuple[Dataset, dict[str, list[Raw]], set[tuple[str, str]]], seeds: list[int]
    ) -> None:
        """Reproduces a shuffled file with a repeated id: the numbers changed with the order.

        Two shuffles, each loaded as JSON Lines files, as a document and as records in
        memory, and streamed: the same dataset (the oracle), the same rejections, the
        same evaluation, whatever the order.
        """
        data, raws, repeated = case
        oracle = _oracle(data, repeated)
        expected = evaluate(PLAN, oracle, PERIOD, explain="failures").to_json()
        copies = sum(len(items) for items in raws.values()) - len(data)
        rejected_ids = sorted(repeated)
        for seed in seeds:
            order = _shuffled(raws, seed)
            with tempfile.TemporaryDirectory() as tmp:
                folder = _write(Path(tmp) / "data", order)
                loads = [
                    load_dataset(folder),
                    load_dataset({"schema": SCHEMA, **order}),
                    load_dataset(
                        [{"record_type": n, **r} for n, items in order.items() for r in items]
                    ),
                ]
                streamed, stream_report = evaluate_stream(PLAN, folder, PERIOD)
                # Its failing reports' entries are made from the files, while they are here.
                streamed_json = streamed.to_json()
            for loaded, report in loads:
                assert loaded == oracle
                assert report.rejected == len(repeated) + copies
                assert sorted(set(_rejected(report))) == rejected_ids
                assert all(r.problems[0].code == "duplicate_id" for r in report.rejections)
            assert streamed_json == expected
            assert stream_report.counts == loads[0][1].counts
            assert stream_report.rejections == loads[0][1].rejections

    def test_the_issue_example(self, tmp_path: Path) -> None:
        """The demo data with one outreach event copied (participants changed), 5 shuffles.

        Before: the copy that came first won, and the reports differed. After: both
        copies rejected; every shuffle gives the same evaluation.
        """
        raws: dict[str, list[Raw]] = {}
        for name in RECORD_TYPES:
            path = demo_path() / f"{name}.jsonl"
            raws[name] = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
        event = raws["outreach_events"][0]
        raws["outreach_events"].append({**event, "participants": event["participants"] + 500})
        outputs = set()
        loads = []
        for seed in range(5):
            folder = _write(tmp_path / f"shuffle-{seed}", _shuffled(raws, seed))
            data, report = load_dataset(folder)
            loads.append((data, report))
            outputs.add(evaluate(PLAN, data, PERIOD).to_json())
        assert len(outputs) == 1  # the order does not change the numbers
        for data, report in loads:
            assert event["id"] not in {e.id for e in data.outreach_events}
            assert [r.record_id for r in report.rejections] == [event["id"], event["id"]]


class TestStreamsAndLimits:
    """A stream rejects every copy too, and the rejections listed are the load's."""

    def test_iter_records_two_passes(self, tmp_path: Path) -> None:
        """Lines 1, 3 and 4 share an id; line 2 is alone: only line 2 comes."""
        review = {
            "id": "MR-1",
            "unit_code": "03386",
            "held_on": "2024-06-20",
            "kind": "so_ket",
            "maintained": True,
        }
        lines = [review, {**review, "id": "MR-2"}, review, {**review, "maintained": False}]
        folder = _write(tmp_path / "data", {"model_reviews": lines})
        with iter_records(folder / "model_reviews.jsonl", "model_reviews") as stream:
            assert [r.id for r in stream] == ["MR-2"]
        streamed = stream.report
        _, loaded = load_dataset(folder / "model_reviews.jsonl")
        assert [r.line for r in streamed.rejections] == [1, 3, 4]
        assert streamed.rejections == loaded.rejections
        assert str(streamed.rejections[0].problems[0]) == (
            "id: duplicate id: the same id is also at line 3; line 4; every record whose id"
            " repeats is rejected"
        )

    def test_over_the_rejection_limit(self, tmp_path: Path) -> None:
        """With 3 rejections listed, the copies beyond are counted under duplicate_id.

        Six copies of one id at lines 1 to 6, then a line that is not JSON: 7 rejected,
        3 listed (lines 1 to 3); the 4 others counted by code (3 duplicate_id, 1
        not_json), in the load and in the stream alike.
        """
        review = {
            "id": "MR-1",
            "unit_code": "03386",
            "held_on": "2024-06-20",
            "kind": "so_ket",
            "maintained": True,
        }
        path = tmp_path / "model_reviews.jsonl"
        path.write_text((json.dumps(review) + "\n") * 6 + "{\n", encoding="utf-8")
        limits = LoadLimits(max_rejections=3)
        _, loaded = load_dataset(path, limits=limits)
        with iter_records(path, "model_reviews", limits=limits) as stream:
            assert list(stream) == []
        for report in (loaded, stream.report):
            assert (report.rejected, report.not_listed) == (7, 4)
            assert [r.line for r in report.rejections] == [1, 2, 3]
            assert dict(report.unlisted) == {"duplicate_id": 3, "not_json": 1}
        assert loaded.rejections == stream.report.rejections


class TestMerge:
    """Partitions that share a record are not merged: it would be counted twice."""

    def test_shared_record_refused_in_either_order(self) -> None:
        """Reproduces a record in two partitions: counted twice by merge.

        The demo data split in two with one outreach event in both: refused, whichever
        is merged into which, naming the type and how many ids (never the ids).
        """
        data, _ = load_dataset(demo_path())
        events = list(data.outreach_events)
        left = {"outreach_events": events[: len(events) // 2 + 1]}
        right = {"outreach_events": events[len(events) // 2 :]}
        a = evaluate_records(PLAN, left, PERIOD)
        b = evaluate_records(PLAN, right, PERIOD)
        for first, second in ((a, b), (b, a)):
            with pytest.raises(ValidationError) as info:
                first.merge(second)
            assert info.value.code == "partitions_share_ids"
            assert dict(info.value.params) == {"record_type": "outreach_events", "count": 1}
            assert info.value.text("en") == (
                "Evaluation.merge: the two evaluations share 1 outreach_events id(s): a record"
                " must be in one partition only, or it is counted twice (when read, every"
                " copy of a repeated id is rejected)"
            )

    def test_disjoint_partitions_merge(self) -> None:
        """Split without overlap, in any order: the merge is the whole."""
        data, _ = load_dataset(demo_path())
        records = {name: list(getattr(data, name)) for name in RECORD_TYPES}
        whole = evaluate_records(PLAN, records, PERIOD)
        halves = [{name: items[i::2] for name, items in records.items()} for i in range(2)]
        a, b = (evaluate_records(PLAN, half, PERIOD) for half in halves)
        assert a.merge(b).to_json() == whole.to_json() == b.merge(a).to_json()
