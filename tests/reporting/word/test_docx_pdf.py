"""The Word report as a person sees it: opened in LibreOffice, printed to PDF, read back.

The demo report is converted headless (``soffice --convert-to pdf``, a private profile,
a time limit), and its pages read with poppler's ``pdftotext``, ``pdfinfo`` and
``pdftoppm``: A4 pages, portrait then landscape; the national title, motto, "BÁO
CÁO", every indicator's name and "Nơi nhận" on the pages; no indicator code outside the
annex for tools; no English word; page numbers from the second page; and the rules
beneath the motto and the issuing body measured on the rendered page against the
words above them.

Skipped when LibreOffice is not installed, unless ``CI`` is set: ``.ci/run`` installs
Debian's ``libreoffice-writer-nogui`` and ``poppler-utils``, so it runs there.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Final

import pytest

from tests.reporting.test_no_english import english_words
from tests.reporting.word import word_samples as ws
from threeno.indicators.catalogue import CATALOGUE
from threeno.reporting.render import SIMULATED_MARK

SOFFICE: Final = shutil.which("soffice") or shutil.which("libreoffice")
POPPLER: Final = shutil.which("pdftotext") and shutil.which("pdftoppm") and shutil.which("pdfinfo")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        (SOFFICE is None or not POPPLER) and not os.environ.get("CI"),
        reason=(
            "LibreOffice or poppler not installed (Debian: apt-get install"
            " libreoffice-writer-nogui poppler-utils fonts-liberation2); CI runs this"
        ),
    ),
]

#: Points per mm, and the resolution the rules are measured at.
PT_PER_MM: Final = 72 / 25.4
DPI: Final = 200


def _run(*command: str, timeout: float = 60) -> str:
    done = subprocess.run(  # noqa: S603 - fixed commands on files the test wrote
        command, capture_output=True, text=True, timeout=timeout, check=True
    )
    return done.stdout


@functools.cache
def _pdf() -> Path:
    """The demo report (with a number, a date and two recipients) as LibreOffice prints it."""
    assert SOFFICE is not None
    folder = Path(tempfile.mkdtemp(prefix="threeno-docx-"))
    source = folder / "bao-cao.docx"
    source.write_bytes(ws.demo_docx())
    profile = folder / "profile"
    _run(
        SOFFICE,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        str(folder),
        str(source),
        timeout=180,
    )
    return folder / "bao-cao.pdf"


def _pages() -> list[str]:
    """The text of each page."""
    return _run("pdftotext", "-enc", "UTF-8", str(_pdf()), "-").split("\f")[:-1]


def _flat(text: str) -> str:
    return " ".join(text.split())


class TestPages:
    """What a reader of the printed report sees."""

    def test_a4_portrait_then_landscape(self) -> None:
        """Every page is A4: the report's pages portrait, the annexes' landscape."""
        info = _run("pdfinfo", "-f", "1", "-l", "999", str(_pdf()))
        sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info)
        assert len(sizes) == len(_pages()) > 3
        a4 = (210 * PT_PER_MM, 297 * PT_PER_MM)
        shapes = []
        for width, height in sizes:
            w, h = float(width), float(height)
            assert sorted((w, h)) == pytest.approx(a4, abs=1)
            shapes.append("portrait" if h > w else "landscape")
        first_landscape = shapes.index("landscape")
        assert set(shapes[:first_landscape]) == {"portrait"}
        assert set(shapes[first_landscape:]) == {"landscape"}

    def test_the_first_page(self) -> None:
        """The mark, the national title, the motto, the issuer, "BÁO CÁO", "Kính gửi"."""
        first = _pages()[0]
        lines = [line.strip() for line in first.splitlines() if line.strip()]
        assert lines[0] == SIMULATED_MARK["vi"]  # the header's mark
        for text in (
            ws.NATIONAL_TITLE,
            ws.MOTTO,
            "BÁO CÁO",
            "Kính gửi:",
            "Số: 05/BC-BCĐ",
            "Lai Châu, ngày 05 tháng 01 năm 2025",
        ):
            assert text in lines, text
        assert _flat(ws.plan().issuer_vi.upper()) in _flat(first)

    def test_every_indicator_by_name_and_the_recipients(self) -> None:
        """Each indicator's name is on the report's pages, and so is "Nơi nhận:"."""
        evaluation, _ = ws.demo()
        text = _flat("\n".join(_pages()))
        names = {i.id: i.name("vi") for i in CATALOGUE}
        for indicator in evaluation.results:
            assert _flat(names[indicator]) in text, indicator
        assert "Nơi nhận:" in text

    def test_no_code_outside_the_annex_for_tools(self) -> None:
        """Indicator codes are printed in the last annex only."""
        pages = _pages()
        tools = next(i for i, page in enumerate(pages) if "MÃ DÙNG CHO CÁC CÔNG CỤ" in page)
        before = "\n".join(pages[:tools])
        codes = [i.id for i in CATALOGUE]
        assert not [code for code in codes if code in before]
        assert any(code in "\n".join(pages[tools:]) for code in codes)

    def test_no_english_word(self) -> None:
        """No English word on any page (the checker of every Vietnamese output)."""
        found = english_words("\n".join(_pages()))
        assert not found, found[:10]

    def test_page_numbers_from_the_second_page(self) -> None:
        """No number on the first page; "2" at the top of the second; annexes from 1."""
        pages = _pages()
        tops = [page.strip().splitlines()[0].strip() for page in pages]
        assert tops[0] == SIMULATED_MARK["vi"]
        assert tops[1] == "2"
        label = re.compile(r"^Phụ lục [IVX]+$", re.MULTILINE)
        annexes = [i for i, page in enumerate(pages) if label.search(page)]
        for first in annexes:  # an annex's first page is not numbered, its second is 2
            assert tops[first] == SIMULATED_MARK["vi"]
            if first + 1 < len(pages) and first + 1 not in annexes:
                assert tops[first + 1] == "2"

    def test_the_font_is_times_new_roman_or_its_metric_twin(self) -> None:
        """The PDF's fonts: Times New Roman, or Liberation Serif where it is not installed."""
        fonts = _run("pdffonts", str(_pdf()))
        names = set(re.findall(r"^\S+?\+([A-Za-z]+)", fonts, re.MULTILINE))
        assert names <= {"TimesNewRomanPSMT", "TimesNewRoman", "LiberationSerif"}, names


Word = tuple[float, float, float, float, str]


def _lines(page: int) -> list[list[Word]]:
    """The lines of a page, each the words with their boxes (points): x0, y0, x1, y1, text."""
    html = _run(
        "pdftotext", "-bbox-layout", "-enc", "UTF-8", "-f", str(page), "-l", str(page),
        str(_pdf()), "-",
    )  # fmt: skip
    word = re.compile(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
    )
    return [
        [(float(a), float(b), float(c), float(d), text) for a, b, c, d, text in word.findall(line)]
        for line in re.findall(r"<line .*?</line>", html, re.DOTALL)
    ]


@functools.cache
def _page_one() -> tuple[int, bytes]:
    """The first page in grey, ``DPI`` dots per inch: its width in pixels, its pixels."""
    stem = _pdf().parent / "page1"
    _run(
        "pdftoppm", "-gray", "-r", str(DPI), "-f", "1", "-l", "1", "-singlefile",
        str(_pdf()), str(stem),
    )  # fmt: skip
    data = stem.with_suffix(".pgm").read_bytes()
    header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+255\s", data)
    assert header is not None
    return int(header.group(1)), data[header.end() :]


def _dark_runs(y0: float, y1: float, x0: float, x1: float) -> float:
    """The longest horizontal run of dark pixels in a band of page 1, in points."""
    width, pixels = _page_one()
    scale = DPI / 72
    best = 0
    for row in range(int(y0 * scale), int(y1 * scale) + 1):
        line = pixels[row * width : (row + 1) * width]
        run = 0
        for x in range(int(x0 * scale), int(x1 * scale)):
            run = run + 1 if line[x] < 128 else 0
            best = max(best, run)
    return best / scale


#: A word's box reaches below its line's baseline by the font's descent: the rule beneath
#: a line is drawn within that. Letters make runs of dark pixels a few points long; a
#: rule runs for tens of points.
_BELOW_BASELINE: Final = 4.0


class TestRulesOnThePage:
    """The rules beneath the motto and the issuing body, measured on the printed page."""

    def test_the_motto_is_underlined_over_its_whole_length(self) -> None:
        """The line beneath "Độc lập - Tự do - Hạnh phúc" is as long as the words (±1 mm)."""
        (motto,) = [ln for ln in _lines(1) if " ".join(w[4] for w in ln) == ws.MOTTO]
        x0, x1, bottom = motto[0][0], motto[-1][2], max(w[3] for w in motto)
        line = _dark_runs(bottom - _BELOW_BASELINE, bottom + 8, x0 - 20, x1 + 20)
        assert line == pytest.approx(x1 - x0, abs=PT_PER_MM)

    def test_the_issuer_is_underlined_over_a_third_to_half(self) -> None:
        """The line beneath the issuing body: 1/3 to 1/2 of the longest line of its name."""
        issuer = set(ws.plan().issuer_vi.upper().split())
        page_middle = 210 / 2 * PT_PER_MM
        lines = [
            ln for ln in _lines(1)
            if ln and ln[-1][2] < page_middle and all(w[4] in issuer for w in ln)
        ]  # fmt: skip
        assert " ".join(w[4] for ln in lines for w in ln) == ws.plan().issuer_vi.upper()
        longest = max(ln[-1][2] - ln[0][0] for ln in lines)
        bottom = max(w[3] for w in lines[-1])
        x0 = min(ln[0][0] for ln in lines)
        x1 = max(ln[-1][2] for ln in lines)
        rule = _dark_runs(bottom - _BELOW_BASELINE, bottom + 8, x0 - 5, x1 + 5)
        low, high = ws.ISSUER_RULE_RANGE
        assert low * longest <= rule <= high * longest
