"""Fuzz tests of the Excel reader: hostile workbooks give only ThreenoErrors.

As ``test_fuzz.py`` does for JSON, JSON Lines and CSV, Hypothesis feeds the reader of
``.xlsx`` workbooks (:mod:`threeno.io.xlsx`) what an office or an attacker could send:

- sheets of random cells (text, numbers, dates, date-times, flags, empty cells) under the
  right header, a header in another language, a random header, or none, in a sheet
  titled as a record type or anything else;
- a valid workbook with one of its parts (a sheet, the table of texts, the workbook's
  list of sheets, the content types) cut, spliced with random bytes or replaced;
- random bytes named ``.xlsx``;
- an entity expansion ("billion laughs") and an external entity in a part.

Whatever comes in, either a :class:`~threeno.errors.ThreenoError` comes out, or the load
returns and every row read is accounted for (accepted + rejected = read, and the dataset
holds exactly the accepted ones). That no message quotes a person's data is the sentinel
tests' part (``test_sentinels.py``, ``tests/cli/test_cli_sentinels.py``, workbooks
included); here the messages are only built, in both languages.

The ``ci`` profile runs each test a few hundred times; the long run is::

    HYPOTHESIS_PROFILE=fuzz python -m pytest tests/privacy/test_fuzz_xlsx.py
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import re
import tempfile
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tests.io.xlsx.xlsx_samples import fill
from threeno.errors import ThreenoError
from threeno.io.datasets import LoadLimits, load_dataset

if TYPE_CHECKING:
    from threeno.io.report import LoadReport
    from threeno.model.dataset import Dataset

openpyxl = pytest.importorskip("openpyxl")
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE  # noqa: E402

# Small limits, so that they are crossed too.
LIMITS = LoadLimits(rows=40, unpacked_bytes=400_000, shared_strings_bytes=100_000)
#: The sheets of the bundled plan's template, per language: title → header row.
_TEMPLATE_LANGS = ("vi", "en")


@functools.cache
def _template_headers() -> dict[str, tuple[str, ...]]:
    """Every record sheet's title and header row, in Vietnamese and English."""
    found: dict[str, tuple[str, ...]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for lang in _TEMPLATE_LANGS:
            path = fill(Path(folder) / f"t-{lang}.xlsx", {}, lang=lang)
            book = openpyxl.load_workbook(path, read_only=True)
            for sheet in book.worksheets:
                header = next(sheet.iter_rows(max_row=1, values_only=True), ())
                cells = tuple(str(c) for c in header if c is not None)
                if cells and sheet.title not in {"Hướng dẫn", "Instructions"}:
                    found[sheet.title] = cells
            book.close()
    return found


@functools.cache
def _valid_workbook() -> bytes:
    """A small valid workbook: two subjects and a crime report, as an office types them."""
    subject = {
        "Mã": "S-1",
        "Giới tính": "Nữ",
        "Năm sinh": 1998,
        "Dân tộc": "Thái",
        "Mã xã, phường": "03386",
        "Ngày đưa vào quản lý": dt.date(2024, 1, 10),
    }
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "valid.xlsx"
        headers = _template_headers()
        sheet = next(t for t in headers if t.startswith("Người thuộc diện"))
        rows = [
            {k: v for k, v in subject.items() if k in headers[sheet]},
            {k: v for k, v in {**subject, "Mã": "S-2"}.items() if k in headers[sheet]},
        ]
        fill(path, {sheet: rows})
        return path.read_bytes()


def _printable(text: str) -> str:
    return ILLEGAL_CHARACTERS_RE.sub("", text)


TEXTS = st.text(max_size=12).map(_printable) | st.sampled_from(
    [
        "2024-02-30",
        "10/01/2024",
        "31/12/2024",
        "03386",
        "Nữ",
        "Female",
        "to_giac",
        "Có",
        "S-1",
        "",
        " ",
        "S-1;S-2",
        "=1/0",
    ]
)
CELLS = (
    st.none()
    | st.booleans()
    | st.integers(-(2**40), 2**40)
    | st.floats(allow_nan=False, allow_infinity=False, width=64)
    | st.dates(dt.date(1899, 12, 30), dt.date(2100, 1, 1))
    # Excel's date-times have no time zone.
    | st.datetimes(dt.datetime(1900, 3, 1), dt.datetime(2100, 1, 1))  # noqa: DTZ001
    | TEXTS
)


def _accounted(data: Dataset, report: LoadReport) -> None:
    """Every row read is accepted or rejected; the dataset holds the accepted."""
    for name, counts in report.counts.items():
        assert counts.read == counts.accepted + counts.rejected
        assert counts.accepted == len(getattr(data, name))
    assert report.rejected == len(report.rejections) + report.not_listed


def _load(content: bytes) -> tuple[Dataset, LoadReport] | None:
    """Load ``content`` as a workbook; None when a ThreenoError came out.

    Any other exception fails the test, the building of the messages included.
    """
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "so-lieu.xlsx"
        path.write_bytes(content)
        message: str | None = None
        try:
            data, report = load_dataset(path, limits=LIMITS)
        except ThreenoError as error:
            message = str(error)
    if message is not None:
        assert message
        return None
    _accounted(data, report)
    for lang in ("vi", "en"):
        assert report.text(lang)
    return data, report


def _book(sheets: list[tuple[str, list[list[Any]]]]) -> bytes:
    """A workbook of the given sheets, each a title and its rows."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@st.composite
def sheets(draw: st.DrawFn) -> tuple[str, list[list[Any]]]:
    """A sheet: a record type's title (or anything), a header, random rows."""
    headers = _template_headers()
    titles = sorted(headers)
    kind = draw(st.integers(0, 9))
    if kind == 0:
        # Excel refuses \ / * ? : [ ] in a title, and a quote at either end.
        text = re.sub(r"[\\/*?:\[\]]", "", _printable(draw(st.text(min_size=1, max_size=20))))
        title = text.strip("'") or "x"
        header: list[Any] = draw(st.lists(CELLS, max_size=8))
    else:
        title = draw(st.sampled_from(titles))
        header = list(headers[title])
        if kind == 1:  # another sheet's header, or the right one cut or reordered
            header = list(headers[draw(st.sampled_from(titles))])
        elif kind == 2:
            header = draw(st.permutations(header))[: draw(st.integers(0, len(header)))]
    width = max(len(header), 1)
    rows = draw(st.lists(st.lists(CELLS, max_size=width + 2), max_size=6))
    return title[:31], [header, *rows]


class TestFuzzXlsx:
    """load_dataset on Excel workbooks."""

    @given(st.lists(sheets(), min_size=1, max_size=3, unique_by=lambda s: s[0].lower()))
    def test_random_cells(self, book: list[tuple[str, list[list[Any]]]]) -> None:
        """Sheets of random cells under right, wrong or random headers."""
        _load(_book(book))

    @given(
        st.sampled_from(
            [
                "xl/worksheets/sheet1.xml",
                "xl/worksheets/sheet2.xml",
                "xl/sharedStrings.xml",
                "xl/workbook.xml",
                "xl/_rels/workbook.xml.rels",
                "[Content_Types].xml",
                "xl/styles.xml",
            ]
        ),
        st.sampled_from(["cut", "splice", "replace", "drop"]),
        st.integers(min_value=0),
        st.binary(max_size=64),
    )
    def test_mutated_parts(self, part: str, how: str, where: int, garbage: bytes) -> None:
        """A valid workbook with one part cut, spliced, replaced or dropped."""
        source = zipfile.ZipFile(io.BytesIO(_valid_workbook()))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for item in source.infolist():
                content = source.read(item)
                if item.filename == part:
                    at = where % (len(content) + 1)
                    if how == "drop":
                        continue
                    content = {
                        "cut": content[:at],
                        "splice": content[:at] + garbage + content[at:],
                        "replace": garbage,
                    }[how]
                target.writestr(item.filename, content)
        _load(out.getvalue())

    @given(st.binary(max_size=400))
    @example(b"PK\x03\x04" + b"\x00" * 60)
    def test_random_bytes(self, content: bytes) -> None:
        """Random bytes named .xlsx."""
        _load(content)

    @pytest.mark.parametrize(
        "part", ["xl/sharedStrings.xml", "xl/worksheets/sheet2.xml", "xl/workbook.xml"]
    )
    def test_entity_expansion(self, part: str) -> None:
        """A "billion laughs" part: ten levels of ten references (10^10 "lol"s).

        expat refuses the amplification (or the reader refuses the DTD): a ThreenoError,
        never gigabytes of memory.
        """
        lols = ['<!ENTITY l0 "lol">'] + [
            f'<!ENTITY l{n} "{("&l" + str(n - 1) + ";") * 10}">' for n in range(1, 11)
        ]
        bomb = f'<?xml version="1.0"?><!DOCTYPE x [{"".join(lols)}]><x>&l10;</x>'.encode()
        assert _load(self._replaced(part, bomb)) is None

    def test_external_entity(self) -> None:
        """A part whose entity names a file of the machine: never read into a record."""
        xxe = (
            b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
            b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            b'count="1" uniqueCount="1"><si><t>&e;</t></si></sst>'
        )
        found = _load(self._replaced("xl/sharedStrings.xml", xxe))
        if found is not None:
            data, report = found
            texts = repr(data) + report.text("en") + report.text("vi")
            assert "root:" not in texts

    @staticmethod
    def _replaced(part: str, content: bytes) -> bytes:
        source = zipfile.ZipFile(io.BytesIO(_valid_workbook()))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for item in source.infolist():
                body = content if item.filename == part else source.read(item)
                if item.filename == "[Content_Types].xml" and part not in source.namelist():
                    # openpyxl writes texts inline: the table of texts is declared here.
                    body = body.replace(b"</Types>", _SHARED_STRINGS_TYPE + b"</Types>")
                target.writestr(item.filename, body)
            if part not in source.namelist():
                target.writestr(part, content)
        return out.getvalue()


_SHARED_STRINGS_TYPE = (
    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
    b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
)
