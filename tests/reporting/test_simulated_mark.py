"""Demo data are marked (issue 18, item 7): every output of the bundled synthetic data.

"SỐ LIỆU MÔ PHỎNG – KHÔNG DÙNG ĐỂ BÁO CÁO" ("SIMULATED DATA – NOT FOR REPORTING") at
the top of the Markdown, the HTML page's title and first paragraph, the JSON's
``simulated`` and ``simulated_note``, the CSV's first row, and the Word file's first line
and header; nothing of the kind for other data. The command marks what it computed from
the bundled demo data, whether it took them by default or was given their folder.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.reporting.word import word_samples as ws
from threeno import cli
from threeno.reporting.render import CSV_COLUMNS, FORMATS, SIMULATED_MARK, render
from threeno.testing.synthetic import demo_path

if TYPE_CHECKING:
    from threeno.lang import Lang

THREE = str(Path(__file__).resolve().parents[1] / "cli" / "data" / "three-reports.json")


def _marked_at_top(text: str, fmt: str, mark: str) -> bool:
    if fmt == "md":
        return text.startswith(f"> **{mark}**\n\n**")
    if fmt == "html":
        body = text.index("<body>")
        return f"<title>{mark} — " in text and text.index(mark, body) < text.index("<header>")
    if fmt == "json":
        data = json.loads(text)
        return data["simulated"] is True and data["simulated_note"] == mark
    rows = list(csv.DictReader(io.StringIO(text), fieldnames=CSV_COLUMNS))[1:]
    return rows[0]["text"] == mark and rows[0]["category"] == "simulated_data"


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_text_format_when_simulated(fmt: str, lang: Lang) -> None:
    """With simulated=True, the mark in the report's language is at the top."""
    evaluation, load_report = ws.demo()
    text = render(evaluation, fmt, lang=lang, plan=ws.plan(), simulated=True)
    assert _marked_at_top(text, fmt, SIMULATED_MARK[lang])
    assert SIMULATED_MARK["en" if lang == "vi" else "vi"] not in text
    plain = render(evaluation, fmt, lang=lang, plan=ws.plan(), load_report=load_report)
    assert SIMULATED_MARK[lang] not in plain
    if fmt == "json":
        assert json.loads(plain)["simulated"] is False


class TestCommand:
    """``threeno report`` marks the bundled demo data, and only them."""

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_demo_data_by_default(self, tmp_path: Path, fmt: str) -> None:
        """No --data: the demo data, marked in every format (the Word file's: test_docx_mark)."""
        out = tmp_path / f"report.{fmt}"
        assert cli.main(["report", "--format", fmt, "--out", str(out)]) == cli.EXIT_OK
        assert SIMULATED_MARK["vi"].encode() in out.read_bytes()

    def test_the_demo_folder_given(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--data naming the demo folder: still the synthetic data, still marked."""
        assert cli.main(["report", "--data", str(demo_path()), "--lang", "en"]) == cli.EXIT_OK
        assert capsys.readouterr().out.startswith(f"> **{SIMULATED_MARK['en']}**")

    def test_other_data_not_marked(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Records of one's own are not marked."""
        argv = ["report", "--data", THREE, "--period", "2024-H1"]
        assert cli.main(argv) == cli.EXIT_OK
        assert SIMULATED_MARK["vi"] not in capsys.readouterr().out
