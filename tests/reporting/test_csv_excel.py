"""The CSV report for Excel in Vietnam (issue 18, item 6).

UTF-8 with a byte-order mark (without it Excel reads the file in the computer's legacy
code page and garbles Vietnamese), Vietnamese headers by default and English ones with
``--lang en``, statuses in words, shares as percentages with one decimal, and no
number a spreadsheet could misread.
"""

from __future__ import annotations

import csv
import functools
import io
import re
from typing import TYPE_CHECKING

import pytest

from threeno import cli
from threeno.indicators.engine import evaluate
from threeno.indicators.results import Status
from threeno.io.datasets import load_dataset
from threeno.plans import load_plan
from threeno.reporting.render import CSV_COLUMNS, CSV_HEADERS, render
from threeno.testing.synthetic import demo_path

if TYPE_CHECKING:
    from pathlib import Path

    from threeno.indicators.results import Evaluation
    from threeno.lang import Lang

PLAN = load_plan("lai-chau-2024")


@functools.cache
def _evaluation() -> Evaluation:
    data, _ = load_dataset(demo_path(), plan=PLAN)
    return evaluate(PLAN, data, PLAN.period("2024"))


def _rows(lang: Lang) -> tuple[list[str], list[dict[str, str]]]:
    """The header row, and the rows by column key."""
    text = render(_evaluation(), "csv", lang=lang, plan=PLAN)
    header = next(csv.reader(io.StringIO(text)))
    rows = list(csv.DictReader(io.StringIO(text), fieldnames=CSV_COLUMNS))[1:]
    return header, rows


class TestHeaders:
    """Vietnamese by default; English with lang="en"."""

    def test_vietnamese_by_default(self) -> None:
        """The header row names every column in Vietnamese; the people's columns first."""
        header, _ = _rows("vi")
        assert header == list(CSV_HEADERS["vi"])
        assert header[:4] == ["Phần", "Nội dung", "Đơn vị", "Nhóm"]
        assert "Đánh giá" in header
        assert "Chỉ tiêu Kế hoạch" in header
        assert not [h for h in header if re.fullmatch(r"[a-z_]+", h)]

    def test_english(self) -> None:
        """In English, the column keys tools read."""
        header, _ = _rows("en")
        assert tuple(header) == CSV_COLUMNS


class TestValues:
    """Statuses in words, shares as percentages with one decimal, whole counts."""

    @pytest.mark.parametrize("lang", ["vi", "en"])
    def test_statuses_in_words(self, lang: Lang) -> None:
        """Every result's status is a status's label, never its code."""
        _, rows = _rows(lang)
        results = [r for r in rows if r["indicator"] and not r["dimension"]]
        labels = {s.label(lang) for s in Status}
        assert results
        assert {r["status"] for r in results} <= labels
        assert not {r["status"] for r in results} & {s.value for s in Status}

    @pytest.mark.parametrize(("lang", "sign"), [("vi", ","), ("en", ".")])
    def test_shares_as_percentages_with_one_decimal(self, lang: Lang, sign: str) -> None:
        """A share's value is numerator / denominator × 100, one decimal, the language's sign.

        ``reports.resolved`` over the demo year is 25/38: 65.789…%, written 65,8 (65.8).
        """
        _, rows = _rows(lang)
        shares = [r for r in rows if r["denominator"] not in ("", "0")]
        assert shares
        for row in shares:
            expected = int(row["numerator"]) / int(row["denominator"]) * 100
            assert re.fullmatch(rf"\d+\{sign}\d", row["value"]), row
            assert float(row["value"].replace(",", ".")) == pytest.approx(expected, abs=0.05)
        resolved = next(
            r for r in rows if r["indicator"] == "reports.resolved" and r["section"] in (
                "Kết quả", "result"
            ) and not r["unit"]
        )  # fmt: skip
        assert (resolved["numerator"], resolved["denominator"]) == ("25", "38")
        assert resolved["value"] == f"65{sign}8"

    def test_no_long_fractions_or_grouped_counts(self) -> None:
        """No 0.333…; a count is digits only, so that Excel reads it as a number anywhere."""
        _, rows = _rows("vi")
        for row in rows:
            for column in ("numerator", "denominator"):
                assert re.fullmatch(r"\d*", row[column]), row
            assert not re.search(r"\d[.,]\d{2,}", row["value"]), row

    def test_yes_and_no_in_words(self) -> None:
        """A reading that applies or not is "có" or "không" in Vietnamese."""
        _, rows = _rows("vi")
        receipt = next(r for r in rows if r["category"] == "count_receipt_day")
        assert receipt["value"] in {"có", "không"}
        assert receipt["section"] == "Cách tính áp dụng"


class TestByteOrderMark:
    """Written by the command, to a file or to standard output, with the mark."""

    def test_to_a_file(self, tmp_path: Path) -> None:
        """The file starts with EF BB BF, then the Vietnamese header."""
        out = tmp_path / "bao-cao.csv"
        assert cli.main(["report", "--format", "csv", "--out", str(out)]) == cli.EXIT_OK
        raw = out.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf" + "Phần,Nội dung,".encode())
        assert raw.count(b"\xef\xbb\xbf") == 1

    def test_to_standard_output(self, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
        """Redirected to a file by the shell, the CSV still carries the mark."""
        assert cli.main(["report", "--format", "csv", "--lang", "en"]) == cli.EXIT_OK
        raw = capsysbinary.readouterr().out
        assert raw.startswith(b"\xef\xbb\xbfsection,indicator_name,")
        assert b"\r\n" in raw  # RFC 4180 line ends
