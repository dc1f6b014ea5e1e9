"""``evaluate_dask`` on a local cluster of two worker processes equals ``evaluate_stream``.

Equal means the JSON of both, byte for byte: the evaluation's (``Evaluation.to_json``)
and the JSON report written with the load report (``render(..., "json")``), so that
counts, explanations, rejections and notes are all compared.
"""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING

import pytest

from tests.indicators.indicator_scenario import DATASET, PERIOD, PLAN
from threeno.errors import DatasetError, ValidationError
from threeno.io.datasets import dump_dataset
from threeno.io.report import LoadReportError
from threeno.io.stream import evaluate_stream
from threeno.plans import load_plan, load_revision
from threeno.reporting.render import render
from threeno.testing.synthetic import demo_path

if TYPE_CHECKING:
    from pathlib import Path

    import distributed

    from threeno.indicators.results import Evaluation
    from threeno.io.report import LoadReport
    from threeno.model.plan import Plan

DEMO_PLAN = load_plan("lai-chau-2024")
YEAR = DEMO_PLAN.period("2024")


def as_json(plan: Plan, evaluation: Evaluation, report: LoadReport) -> tuple[str, str]:
    """The evaluation's JSON and the JSON report with its load report."""
    rendered = render(evaluation, "json", lang="en", plan=plan, load_report=report)
    assert isinstance(rendered, str)
    return evaluation.to_json(), rendered


def demo_copy(tmp_path: Path) -> Path:
    """A copy of the demo folder that a test may change."""
    folder = tmp_path / "demo"
    shutil.copytree(demo_path(), folder)
    return folder


def demo_with_duplicates(tmp_path: Path) -> Path:
    """A copy of the demo folder with 2 ids repeated at the two ends of their files.

    crime_reports.jsonl gets a copy of its first line at its end, and subjects.jsonl a
    copy of its last line at its start: in ranges of a few KiB, each pair is in two
    ranges. Every copy of a repeated id is rejected, as a load rejects them: 2 ids, 2
    copies each, 4 rejections.
    """
    folder = demo_copy(tmp_path)
    reports = folder / "crime_reports.jsonl"
    lines = reports.read_text(encoding="utf-8").splitlines(keepends=True)
    reports.write_text("".join([*lines, lines[0]]), encoding="utf-8")
    subjects = folder / "subjects.jsonl"
    people = subjects.read_text(encoding="utf-8").splitlines(keepends=True)
    subjects.write_text("".join([people[-1], *people]), encoding="utf-8")
    return folder


class TestSameAsStream:
    """The cluster's result is the one machine's, whatever the partitions."""

    @pytest.mark.parametrize("partition_bytes", [16384, 64 << 20])
    def test_demo(self, client: distributed.Client, partition_bytes: int) -> None:
        """The demo data for the year 2024, in ranges of 16 KiB and in whole files."""
        from threeno.dask import evaluate_dask  # noqa: PLC0415 - the extra

        streamed = evaluate_stream(DEMO_PLAN, demo_path(), YEAR)
        on_cluster = evaluate_dask(
            DEMO_PLAN, demo_path(), YEAR, client=client, partition_bytes=partition_bytes
        )
        assert as_json(DEMO_PLAN, *streamed) == as_json(DEMO_PLAN, *on_cluster)
        assert streamed[1] == on_cluster[1]

    def test_hand_worked_scenario(self, client: distributed.Client, tmp_path: Path) -> None:
        """The hand-worked scenario: 52 records read and accepted, 9 reports received.

        The scenario's working (tests/indicators/test_counting.py): of the crime reports,
        9 were received in 2024-H1 (2023-12-15 .. 2024-06-14); its 52 records are all
        valid, so none is rejected.
        """
        from threeno.dask import evaluate_dask  # noqa: PLC0415 - the extra

        dump_dataset(DATASET, tmp_path, "jsonl")
        evaluation, report = evaluate_dask(
            PLAN, tmp_path, PERIOD, client=client, partition_bytes=2048
        )
        assert (report.read, report.accepted, report.rejected) == (52, 52, 0)
        assert evaluation["reports.received"].total.value == 9
        assert as_json(PLAN, evaluation, report) == as_json(
            PLAN, *evaluate_stream(PLAN, tmp_path, PERIOD)
        )

    def test_duplicates_across_partitions(self, client: distributed.Client, tmp_path: Path) -> None:
        """An id planted in the first and the last range of a file: both copies rejected.

        crime_reports.jsonl gets a copy of its first line at its end, and subjects.jsonl
        a copy of its last line at its start; in ranges of 8 KiB, each pair is in two
        ranges. Every copy of a repeated id is rejected, as a load rejects them: 2 ids,
        2 copies each, 4 rejections.
        """
        from threeno.dask import evaluate_dask  # noqa: PLC0415 - the extra

        folder = demo_with_duplicates(tmp_path)
        streamed = evaluate_stream(DEMO_PLAN, folder, YEAR)
        on_cluster = evaluate_dask(DEMO_PLAN, folder, YEAR, client=client, partition_bytes=8192)
        assert on_cluster[1].rejected == 4
        assert as_json(DEMO_PLAN, *streamed) == as_json(DEMO_PLAN, *on_cluster)

    def test_alternatives(self, client: distributed.Client) -> None:
        """A revision evaluated in the same pass equals its own stream's evaluation."""
        from threeno.dask import evaluate_dask  # noqa: PLC0415 - the extra

        revised = load_revision("lai-chau-2024-count-receipt-day").plan
        streamed = evaluate_stream(DEMO_PLAN, demo_path(), YEAR, alternatives=[revised])
        on_cluster = evaluate_dask(
            DEMO_PLAN, demo_path(), YEAR, client=client, alternatives=[revised]
        )
        assert streamed[0].to_json() == on_cluster[0].to_json()
        assert [e.to_json() for e in streamed[2]] == [e.to_json() for e in on_cluster[2]]

    def test_glob_and_list(self, client: distributed.Client) -> None:
        """A glob and a list of the folder's files: the folder's evaluation and counts."""
        from threeno.dask import evaluate_dask  # noqa: PLC0415 - the extra

        folder = demo_path()
        whole, report = evaluate_stream(DEMO_PLAN, folder, YEAR)
        pattern = str(folder / "*.jsonl")
        by_glob = evaluate_dask(DEMO_PLAN, pattern, YEAR, client=client)
        files = sorted(folder.glob("*.jsonl"), reverse=True)  # any order: types sort them
        by_list = evaluate_dask(DEMO_PLAN, files, YEAR, client=client)
        for evaluation, loaded in (by_glob, by_list):
            assert whole.to_json() == evaluation.to_json()
            assert report.counts == loaded.counts
        assert by_glob[1].source == pattern

    def test_strict(self, client: distributed.Client, tmp_path: Path) -> None:
        """strict=True raises when a line was rejected, as evaluate_stream does."""
        from threeno.dask import evaluate_dask  # noqa: PLC0415 - the extra

        folder = demo_copy(tmp_path)
        with (folder / "model_reviews.jsonl").open("a", encoding="utf-8") as file:
            file.write('{"id": "MR-BAD"}\n')
        with pytest.raises(LoadReportError):
            evaluate_dask(DEMO_PLAN, folder, YEAR, client=client, strict=True)


class TestRefused:
    """What evaluate_dask refuses, before any task runs."""

    def test_client_and_workers(self, client: distributed.Client) -> None:
        """A client and a number of workers for a local cluster: one or the other."""
        from threeno.dask import evaluate_dask  # noqa: PLC0415 - the extra

        with pytest.raises(ValidationError, match="not both"):
            evaluate_dask(DEMO_PLAN, demo_path(), YEAR, client=client, workers=2)

    @pytest.mark.parametrize("workers", [0, -1, True])
    def test_bad_workers(self, workers: int) -> None:
        """Workers: a whole number, 1 or more (no cluster is started)."""
        from threeno.dask import evaluate_dask  # noqa: PLC0415 - the extra

        with pytest.raises(ValidationError, match="worker processes"):
            evaluate_dask(DEMO_PLAN, demo_path(), YEAR, workers=workers)

    def test_file_not_named_after_a_type(self, tmp_path: Path) -> None:
        """A file of the list whose name is not a record type's."""
        from threeno.dask import evaluate_dask  # noqa: PLC0415 - the extra

        other = tmp_path / "reports.jsonl"
        other.write_text("", encoding="utf-8")
        with pytest.raises(DatasetError, match=r"reports\.jsonl: not named after a record type"):
            evaluate_dask(DEMO_PLAN, [other], YEAR, workers=1)

    def test_glob_with_no_match(self, tmp_path: Path) -> None:
        """A glob that matches no file."""
        from threeno.dask import evaluate_dask  # noqa: PLC0415 - the extra

        with pytest.raises(DatasetError, match="no file of records") as raised:
            evaluate_dask(DEMO_PLAN, str(tmp_path / "*.jsonl"), YEAR, workers=1)
        assert raised.value.code == "dask_glob_empty"

    def test_bad_partition_bytes(self) -> None:
        """Ranges of at least one byte."""
        from threeno.dask import evaluate_dask  # noqa: PLC0415 - the extra

        with pytest.raises(ValidationError, match="partition_bytes"):
            evaluate_dask(DEMO_PLAN, demo_path(), YEAR, workers=1, partition_bytes=0)
