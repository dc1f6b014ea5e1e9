"""Tests for ``evaluate_stream``: a folder of records evaluated line by line."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.indicators.indicator_scenario import DATASET, PERIOD, PLAN
from threeno.errors import DatasetError
from threeno.indicators.engine import evaluate
from threeno.io.datasets import dump_dataset
from threeno.io.report import LoadReportError
from threeno.io.stream import evaluate_stream

if TYPE_CHECKING:
    from pathlib import Path


class TestEvaluateStream:
    """The streaming mode gives what the in-memory mode gives."""

    @pytest.mark.parametrize("fmt", ["jsonl", "csv"])
    def test_same_as_in_memory(self, tmp_path: Path, fmt: str) -> None:
        """The scenario written as files and streamed equals its evaluation in memory."""
        dump_dataset(DATASET, tmp_path, fmt)
        streamed, report = evaluate_stream(PLAN, tmp_path, PERIOD)
        assert evaluate(PLAN, DATASET, PERIOD, explain="failures").to_json() == streamed.to_json()
        expected = (52, 52, 0)
        assert expected == (report.read, report.accepted, report.rejected)

    def test_rejected_line_is_reported(self, tmp_path: Path) -> None:
        """A bad line is in no number and in the report; strict mode raises."""
        dump_dataset(DATASET, tmp_path, "jsonl")
        with (tmp_path / "crime_reports.jsonl").open("a", encoding="utf-8") as file:
            file.write('{"id": "CR-BAD"}\n')
        streamed, report = evaluate_stream(PLAN, tmp_path, PERIOD)
        expected = 1
        assert expected == report.rejected
        expected = 9
        assert expected == streamed["reports.received"].total.value  # as without the bad line
        with pytest.raises(LoadReportError):
            evaluate_stream(PLAN, tmp_path, PERIOD, strict=True)

    def test_missing_type_is_noted(self, tmp_path: Path) -> None:
        """A record type without a file has no records, and the report says so."""
        dump_dataset(DATASET, tmp_path, "jsonl")
        (tmp_path / "model_reviews.jsonl").unlink()
        streamed, report = evaluate_stream(PLAN, tmp_path, PERIOD)
        notes = [str(note) for note in report.notes]
        assert "no file model_reviews.jsonl: no model_reviews" in notes
        expected = 0
        assert expected == streamed["units.model_maintained"].total.numerator

    def test_not_a_folder(self, tmp_path: Path) -> None:
        """A path that is not a folder of records is refused."""
        with pytest.raises(DatasetError, match="not a folder of records"):
            evaluate_stream(PLAN, tmp_path / "missing", PERIOD)
        with pytest.raises(DatasetError, match="no files of records"):
            evaluate_stream(PLAN, tmp_path, PERIOD)

    def test_two_formats_of_one_type(self, tmp_path: Path) -> None:
        """A type with both a .jsonl and a .csv file is ambiguous."""
        dump_dataset(DATASET, tmp_path, "jsonl")
        (tmp_path / "subjects.csv").write_text("id\n", encoding="utf-8")
        with pytest.raises(DatasetError, match=r"both subjects\.jsonl and subjects\.csv"):
            evaluate_stream(PLAN, tmp_path, PERIOD)
