"""The comparison as a report, in every format and both languages, and its command.

The records are those of the receipt-day case (tests/indicators/test_compare.py): CR-1,
received 01/03/2024 and decided 21/03/2024, is on time when the day of receipt is not
counted (limit 21/03) and a day late when it is (limit 20/03); CR-2, decided 10/03, is on
time both ways. reports.on_time: 2/2 = 100% (met) against 1/2 = 50% (not met): a
difference of -50 percentage points.
"""

from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING

import pytest

from tests.indicators.test_compare import TestCrosswalk as _Crosswalk
from tests.indicators.test_compare import TestReceiptDay as _ReceiptDay
from threeno import cli, compare
from threeno.errors import ValidationError
from threeno.indicators.compare import Difference, Numbers
from threeno.io.datasets import dump_dataset
from threeno.plans import load_plan, load_revision
from threeno.reporting.compare_view import _WORDS, _row, render_comparison, render_comparisons

if TYPE_CHECKING:
    from pathlib import Path

    from threeno.lang import Lang

PLAN = load_plan("lai-chau-2024")
RECEIPT_DAY = load_revision("lai-chau-2024-count-receipt-day")
DATA = _ReceiptDay.DATA
RESULT = compare(PLAN, RECEIPT_DAY, DATA, "2024-H1", indicators=["reports.on_time"])


def words_of(lang: Lang) -> dict[str, str]:
    """The comparison's words in ``lang``."""
    return _WORDS[lang]


class TestMarkdown:
    """The Markdown comparison, as an office reads it."""

    def test_vietnamese(self) -> None:
        """Names, not codes; 100,0% and 50,0%; the difference in percentage points."""
        text = render_comparison(RESULT, "md", lang="vi")
        assert text.startswith("# So sánh kết quả thực hiện Kế hoạch theo các phương án")
        row = (
            "| Tỷ lệ tố giác, tin báo về tội phạm, kiến nghị khởi tố giải quyết đúng thời hạn"
            " | 2/2 tin, đạt 100,0% | 1/2 tin, đạt 50,0% | −50,0 điểm phần trăm | Đạt → Chưa đạt |"
        )
        assert row in text.splitlines()
        assert "- **Kỳ báo cáo:** 6 tháng đầu năm 2024 (15/12/2023 – 14/06/2024)" in text
        assert (
            "- **Tính ngày tiếp nhận là ngày thứ nhất của thời hạn giải quyết:** không → có" in text
        )
        record = next(line for line in text.splitlines() if line.startswith("| `CR-1`"))
        assert "được tính (Phường Quyết Thắng): tiếp nhận ngày 01/03/2024" in record
        assert "chưa đạt (Phường Quyết Thắng)" in record
        assert "hạn 20/03/2024" in record
        assert "reports.on_time" not in text  # no code in the Vietnamese text

    def test_english(self) -> None:
        """The same in English."""
        text = render_comparison(RESULT, "md", lang="en")
        assert (
            "| 2/2 reports, 100.0% | 1/2 reports, 50.0% | −50.0 percentage points | Met → Not met |"
            in text
        )
        assert "- **Records classified differently:** 1 record" in text


class TestUnits:
    """Counts and their differences carry their units, as the report's tables write them."""

    @pytest.mark.parametrize(
        ("numbers", "lang", "cells"),
        [
            # 12 → 15 reports: +3; 15 → 12: −3; 2 → 2: no difference, still counted in tin.
            ((12, 15), "vi", ("12 tin", "15 tin", "+3 tin")),
            ((15, 12), "vi", ("15 tin", "12 tin", "−3 tin")),
            ((2, 2), "vi", ("2 tin", "2 tin", "0 tin")),
            # English: 1 report, the singular; 2 → 1 is −1 report.
            ((2, 1), "en", ("2 reports", "1 report", "−1 report")),
        ],
    )
    def test_a_count(self, numbers: tuple[int, int], lang: Lang, cells: tuple[str, ...]) -> None:
        """reports.received, a count in tin (reports): each side and the difference."""
        before, after = (Numbers(numerator=n, denominator=None, value=n) for n in numbers)
        row = Difference(
            indicator="reports.received", unit=None, baseline=before, alternative=after
        )
        shown = _row(RESULT, row, lang, words_of(lang))
        assert cells == (shown.baseline, shown.alternative, shown.delta)

    def test_a_channel(self) -> None:
        """A loudspeaker channel of outreach counts in lần phát, not in the events' unit."""
        before, after = (Numbers(numerator=n, denominator=None, value=n) for n in (4, 6))
        row = Difference(
            indicator="outreach.events",
            unit=None,
            dimension="channel",
            category="loudspeaker",
            baseline=before,
            alternative=after,
        )
        shown = _row(RESULT, row, "vi", words_of("vi"))
        assert (shown.baseline, shown.alternative, shown.delta) == (
            "4 lần phát",
            "6 lần phát",
            "+2 lần phát",
        )


class TestOtherFormats:
    """HTML, JSON and CSV say the same."""

    def test_html(self) -> None:
        """One page, the record by id, the changed row marked."""
        text = render_comparison(RESULT, "html", lang="vi")
        assert text.startswith('<!DOCTYPE html>\n<html lang="vi">')
        assert "<code>CR-1</code>" in text
        assert '<tr class="changed"><td>Toàn địa bàn</td>' in text

    def test_json(self) -> None:
        """The view and the comparison as data: the record and both kinds."""
        data = json.loads(render_comparison(RESULT, "json", lang="en"))
        assert data["schema"] == "threeno-comparison-report/1"
        (change,) = data["comparison"]["records"]
        assert (
            change["id"],
            change["baseline"]["kind"],
            change["alternative"]["kind"],
        ) == ("CR-1", "counted", "failing")

    def test_csv(self) -> None:
        """One table: the change, the results, the record; headers in Vietnamese."""
        rows = list(csv.reader(io.StringIO(render_comparison(RESULT, "csv", lang="vi"))))
        assert rows[0][0] == "Phần"
        sections = [row[0] for row in rows[1:]]
        assert sections[0] == "thay đổi"
        assert "kết quả" in sections
        record = next(row for row in rows if row[0] == "bản ghi")
        assert (record[-2], record[-1]) == ("CR-1", "lai-chau-2024-count-receipt-day")

    def test_several_comparisons(self) -> None:
        """Two revisions in one JSON document, one CSV table with one header."""
        second = compare(PLAN, load_revision("lai-chau-2024-target-95"), DATA, "2024-H1")
        data = json.loads(render_comparisons([RESULT, second], "json", lang="en"))
        assert len(data["comparisons"]) == 2
        text = render_comparisons([RESULT, second], "csv", lang="en")
        assert text.count("section,indicator_name") == 1
        html = render_comparisons([RESULT, second], "html", lang="en")
        assert (html.count("<html"), html.count("<h1>")) == (1, 2)

    def test_an_unknown_format(self) -> None:
        """A format neither the report nor the comparison has."""
        with pytest.raises(ValidationError, match="format"):
            render_comparison(RESULT, "pdf")


class TestCommand:
    """threeno compare."""

    def test_to_a_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """The records as a JSON document; the comparison in JSON; exit 0."""
        data = tmp_path / "data.json"
        dump_dataset(DATA, data, format="json")
        out = tmp_path / "cmp.json"
        argv = ["compare", "--revision", "lai-chau-2024-count-receipt-day", "--data", str(data)]
        code = cli.main([*argv, "--period", "2024-H1", "--format", "json", "--out", str(out)])
        assert code == cli.EXIT_OK
        records = json.loads(out.read_text(encoding="utf-8"))["comparison"]["records"]
        assert {("reports.on_time", "CR-1")} == {(r["indicator"], r["id"]) for r in records}
        assert capsys.readouterr().out == ""

    def test_records_left_out_by_a_revision(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The 2026 plan without its crosswalk leaves out S-1 (the old Đoàn Kết): exit 1.

        The plan counts both women (S-1 crosswalked); the revision leaves S-1 out for its
        unit code, and the command says so, naming the revision, unless told to accept it.
        """
        data = tmp_path / "data.json"
        dump_dataset(_Crosswalk.DATA, data, format="json")
        argv = ["compare", "--plan", "doan-ket-tan-phong-2026", "--data", str(data)]
        argv += ["--revision", "doan-ket-tan-phong-2026-no-crosswalk", "--period", "2025-H2"]
        assert cli.main([*argv, "--lang", "en"]) == cli.EXIT_DATA
        err = capsys.readouterr().err
        assert "threeno: doan-ket-tan-phong-2026-no-crosswalk: 1 record(s)" in err
        assert cli.main([*argv, "--allow-out-of-scope"]) == cli.EXIT_OK

    def test_publish_is_refused(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--publish: exit 2, saying why."""
        code = cli.main(["compare", "--revision", "lai-chau-2024-target-95", "--publish"])
        assert code == cli.EXIT_USAGE
        assert "không có bản công bố" in capsys.readouterr().err

    def test_an_unknown_revision(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A revision that is neither a file nor a sample: exit 2, naming the samples."""
        code = cli.main(["compare", "--revision", "no-such", "--lang", "en"])
        assert code == cli.EXIT_USAGE
        assert "lai-chau-2024-target-95" in capsys.readouterr().err
