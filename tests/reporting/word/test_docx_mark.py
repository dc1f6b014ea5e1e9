"""The Word file of the bundled demo data says so: its first line, and every page's header.

The other formats' mark is tested in ``tests/reporting/test_simulated_mark.py``.
"""

from __future__ import annotations

import io
import zipfile
from typing import TYPE_CHECKING

import pytest

from tests.reporting.word import word_samples as ws
from threeno import cli
from threeno.reporting.render import SIMULATED_MARK

if TYPE_CHECKING:
    from pathlib import Path

# python-docx is the docx extra's: without it, these tests are skipped, saying so.
pytest.importorskip("docx", reason="python-docx not installed: pip install -e '.[docx]'")


def _docx_text(data: bytes) -> tuple[str, str]:
    """The document's XML and its headers' XML."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        body = archive.read("word/document.xml").decode()
        headers = "".join(archive.read(n).decode() for n in names if "/header" in n)
    return body, headers


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_word_file_first_line_and_header(lang: str) -> None:
    """The first paragraph and every header (the first page's too) carry the mark."""
    mark = SIMULATED_MARK[lang]
    body, headers = _docx_text(ws.demo_docx(lang))
    assert body.index(mark) < body.index("<w:tbl>")
    assert headers.count(mark) == 2  # the first page's header and the others'
    body, headers = _docx_text(ws.demo_docx(lang, simulated=False))
    assert mark not in body
    assert mark not in headers


def test_the_command_marks_the_demo_data(tmp_path: Path) -> None:
    """``threeno report --format docx`` on the demo data: the mark in the file."""
    out = tmp_path / "bao-cao.docx"
    assert cli.main(["report", "--format", "docx", "--out", str(out)]) == cli.EXIT_OK
    body, headers = _docx_text(out.read_bytes())
    assert SIMULATED_MARK["vi"] in body
    assert SIMULATED_MARK["vi"] in headers
