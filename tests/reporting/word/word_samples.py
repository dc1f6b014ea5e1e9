"""The Word reports the tests read back, and the measures they are checked against.

The measures are Nghị định 30/2020/NĐ-CP's (Phụ lục I), written here from the decree's
summary in the project's notes, not taken from the code. A text's width is worked out
from the font file LibreOffice sets Times New Roman in on Debian (Liberation Serif,
metric-compatible with it), read here with the standard library.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import struct
import unicodedata
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Final

from threeno.indicators.engine import evaluate
from threeno.io.datasets import load_dataset
from threeno.plans import load_plan
from threeno.reporting.docx import Letterhead, render_docx
from threeno.testing.synthetic import demo_path

if TYPE_CHECKING:
    from collections.abc import Callable

    from threeno.indicators.results import Evaluation
    from threeno.io.report import LoadReport
    from threeno.lang import Lang
    from threeno.model.plan import Plan

# -- the decree's measures (Phụ lục I), in mm and points ---------------------------------

A4_MM: Final = (210.0, 297.0)
MARGIN_RANGES_MM: Final = {"top": (20, 25), "bottom": (20, 25), "left": (30, 35), "right": (15, 20)}
FONT: Final = "Times New Roman"
NATIONAL_TITLE: Final = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO: Final = "Độc lập - Tự do - Hạnh phúc"
#: Size ranges in points: (lowest, highest).
SIZE_RANGES: Final = {
    "national_title": (12, 13),
    "motto": (13, 14),
    "issuer": (12, 13),
    "number": (13, 13),
    "dateline": (13, 14),
    "type": (13, 14),
    "summary": (13, 14),
    "body": (13, 14),
    "signature": (13, 14),
    "recipients_label": (12, 12),
    "recipients": (11, 11),
    "page_number": (13, 14),
    "annex_label": (14, 14),
    "annex_title": (13, 14),
}
#: The first line of a body paragraph: 1 cm or 1.27 cm.
FIRST_LINE_INDENTS_CM: Final = (1.0, 1.27)
#: Paragraphs at least 6 pt apart; line spacing from single to 1.5 lines.
MIN_PARAGRAPH_SPACING_PT: Final = 6
LINE_SPACING_RANGE: Final = (1.0, 1.5)
#: The rule beneath the issuing body: 1/3 to 1/2 of its text's length.
ISSUER_RULE_RANGE: Final = (1 / 3, 1 / 2)

# -- the sample reports --------------------------------------------------------------------

PLAN_ID: Final = "lai-chau-2024"
#: The letterhead of most tests: number 5, issued on 5 January 2025, two recipients.
LETTERHEAD: Final = Letterhead(
    number="5",
    issued_on=dt.date(2025, 1, 5),
    place="Lai Châu",
    recipients=("Thường trực Thành ủy", "Ủy ban nhân dân thành phố"),
    parent_body="Ủy ban nhân dân thành phố Lai Châu",
)


@functools.cache
def plan() -> Plan:
    """The bundled 2024 plan."""
    return load_plan(PLAN_ID)


@functools.cache
def demo() -> tuple[Evaluation, LoadReport]:
    """The demo data's evaluation over 2024, and their load report."""
    data, load_report = load_dataset(demo_path(), plan=plan())
    return evaluate(plan(), data, plan().period("2024"), explain="failures"), load_report


@functools.cache
def demo_docx(lang: Lang = "vi", *, simulated: bool = True) -> bytes:
    """The demo report as a Word file, with :data:`LETTERHEAD`."""
    evaluation, load_report = demo()
    return render_docx(
        evaluation,
        lang=lang,
        plan=plan(),
        load_report=load_report,
        letterhead=LETTERHEAD,
        simulated=simulated,
    )


def zip_dates(data: bytes) -> set[tuple[int, ...]]:
    """The dates of the entries of a zip (a .docx)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.date_time for info in archive.infolist()}


# -- a text's width, from the font file ----------------------------------------------------

LIBERATION_BOLD: Final = Path("/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf")


def _table(data: bytes, tag: bytes) -> int:
    count = struct.unpack(">H", data[4:6])[0]
    for i in range(count):
        name, _, offset, _ = struct.unpack(">4sIII", data[12 + 16 * i : 28 + 16 * i])
        if name == tag:
            return int(offset)
    raise KeyError(tag)


@functools.cache
def advance_widths(path: Path = LIBERATION_BOLD) -> Callable[[str], float]:
    """Each character's advance in ems, from a TrueType file's cmap (format 4) and hmtx."""
    data = path.read_bytes()
    head, hhea, hmtx, cmap = (_table(data, t) for t in (b"head", b"hhea", b"hmtx", b"cmap"))
    units = int(struct.unpack(">H", data[head + 18 : head + 20])[0])
    metrics = int(struct.unpack(">H", data[hhea + 34 : hhea + 36])[0])
    advances = [
        int(struct.unpack(">H", data[hmtx + 4 * i : hmtx + 4 * i + 2])[0]) for i in range(metrics)
    ]
    subtable = 0
    for i in range(struct.unpack(">H", data[cmap + 2 : cmap + 4])[0]):
        platform, encoding, offset = struct.unpack(
            ">HHI", data[cmap + 4 + 8 * i : cmap + 12 + 8 * i]
        )
        if (platform, encoding) == (3, 1):
            subtable = cmap + offset
    segments = struct.unpack(">H", data[subtable + 6 : subtable + 8])[0] // 2
    at = subtable + 14
    ends = struct.unpack(f">{segments}H", data[at : at + 2 * segments])
    starts = struct.unpack(f">{segments}H", data[at + 2 + 2 * segments : at + 2 + 4 * segments])
    deltas = struct.unpack(f">{segments}h", data[at + 2 + 4 * segments : at + 2 + 6 * segments])
    ranges_at = at + 2 + 6 * segments
    ranges = struct.unpack(f">{segments}H", data[ranges_at : ranges_at + 2 * segments])

    def glyph(code: int) -> int:
        for i in range(segments):
            if starts[i] <= code <= ends[i]:
                if ranges[i] == 0:
                    return int(code + deltas[i]) & 0xFFFF
                where = ranges_at + 2 * i + ranges[i] + 2 * (code - starts[i])
                found = int(struct.unpack(">H", data[where : where + 2])[0])
                return int(found + deltas[i]) & 0xFFFF if found else 0
        return 0

    def width(char: str) -> float:
        return float(advances[min(glyph(ord(char)), metrics - 1)]) / units

    return width


def bold_width_mm(text: str, size: float) -> float:
    """The width of ``text`` in Times New Roman Bold (Liberation Serif Bold), mm."""
    width = advance_widths()
    ems = sum(width(char) for char in unicodedata.normalize("NFC", text))
    return ems * size * 25.4 / 72
