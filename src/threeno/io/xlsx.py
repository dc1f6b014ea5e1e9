"""Reading records from an Excel workbook (``.xlsx``), as offices keep their registers.

:func:`threeno.io.datasets.load_dataset` reads a workbook (``load_dataset("so-lieu.xlsx",
plan=plan)``), and :func:`threeno.io.datasets.iter_records` one of its sheets, through
this module (the ``excel`` extra: openpyxl). The rules, which the guide "Excel
workbooks" gives to offices:

- **Sheets.** A sheet titled as a record type (its Vietnamese or English title, or its
  interchange name, any case) holds that type's records. The template's instructions
  and lists sheets are skipped, and so are chart sheets, each with a note. Any other
  sheet stops the load (``xlsx_unknown_sheets``): a sheet renamed by mistake would
  otherwise be left out unseen. A hidden sheet of records is read, with a note. A
  record type with no sheet has no records (a note).
- **Header.** The first row names the columns: a field's name, or its Vietnamese or
  English header. Every column of the type must be there (in any order), except those
  of personal data, which the template leaves out unless asked; a header cell
  that names no column is refused, named by its cell, not quoted.
- **Rows.** Every other row is a record; empty rows are skipped, with a note. At most
  ``limits.rows`` rows a sheet.
- **Cells, as Excel stores them.** A date column takes a date cell, a date serial
  number, or text ``dd/mm/yyyy`` or ``yyyy-mm-dd``; a date with a time of day is
  refused. A whole-number column takes a number that is whole (``3.0`` is 3; ``2.5`` is
  refused). A flag column takes TRUE or FALSE, or the words ``Có``, ``Không``, ``Yes``,
  ``No``. A column of a list of values (an enumeration) takes the value's code, or its
  Vietnamese or English label, as the template's drop-down writes it. A column of text
  (ids, unit codes, agencies) refuses a number: a unit code typed in a cell of Excel's
  General format has lost its leading zero. Lists and lists of objects are written as
  in CSV (``S-1;S-2``). A formula is read as the value Excel last computed and saved.
- **Merged cells.** A row with a cell in merged cells is rejected at that column (a
  merged cell holds its value in its first row only).

Every rejection names the file, the sheet, the row as Excel numbers it, and each
column at fault by its header in the sheet and its letter (``Năm sinh (C)``); a
person's data is never quoted. Every row read is accepted or rejected. A problem between
records (a unit code that is not a unit of the plan on the record's date, an unknown
subject) is located alike (``locate``), and leaves its record accepted, as in every
format.

A workbook is a zip archive: before anything is unpacked, each part and the whole are
checked against ``limits.unpacked_bytes`` (and the table of texts, read whole, against
``limits.shared_strings_bytes``) from the archive's directory, whose sizes the unpacking
then holds to, so a "zip bomb" is refused with a :class:`~threeno.errors.DatasetError`;
the sheets are then read row by row (openpyxl's read-only mode).

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import re
import warnings
import zipfile
from typing import TYPE_CHECKING, Any, Final, NoReturn
from xml.etree import ElementTree as ET

import attrs

from threeno.errors import DatasetError
from threeno.io import _csvcells
from threeno.io._files import open_input
from threeno.io._record_files import csv_problems, root
from threeno.io._tally import Tally, raw_id
from threeno.io._xlsxsheets import (
    FLAG_WORDS,
    INSTRUCTIONS,
    LISTS,
    XlsxColumn,
    enum_slug,
    fold,
    openpyxl_or_refuse,
    refuse,
    sheet_columns,
    sheet_names,
)
from threeno.io.report import FieldProblem
from threeno.messages import Notice
from threeno.model.dataset import RECORD_TYPES
from threeno.model.field_labels import SHEET_TITLES

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping
    from pathlib import Path

    from threeno.model.dataset import Problem, Record

__all__ = ["locate", "read_workbook", "sheet_ids", "sheet_records"]

#: The most parts a workbook's archive may hold (a workbook of eight sheets has ~30).
_MOST_PARTS: Final = 10_000
_DMY: Final = re.compile(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})")
_MAIN_NS: Final = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
#: Excel's date serial numbers: 1 is 01/01/1900, 2958465 is 31/12/9999.
_SERIALS: Final = range(1, 2958466)


def _check_archive(stream: Any, file: str, tally: Tally) -> None:  # noqa: ANN401 - a file
    """Refuse a workbook that would unpack beyond the limits, before unpacking it."""
    limits = tally.limits
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        refuse("xlsx_not_a_workbook", file=file, detail=type(exc).__name__)
    with archive:
        infos = archive.infolist()
        if len(infos) > _MOST_PARTS:
            refuse("xlsx_too_many_parts", file=file, count=len(infos), limit=_MOST_PARTS)
        total = 0
        for info in infos:
            strings = info.filename.lower().endswith("sharedstrings.xml")
            limit = limits.shared_strings_bytes if strings else limits.unpacked_bytes
            if info.file_size > limit:
                part = info.filename[:100]
                refuse(
                    "xlsx_part_too_large", file=file, part=part, size=info.file_size, limit=limit
                )
            total += info.file_size
        if total > limits.unpacked_bytes:
            refuse(
                "xlsx_part_too_large", file=file, part="*", size=total, limit=limits.unpacked_bytes
            )
    stream.seek(0)


@contextlib.contextmanager
def _workbook(path: Path, tally: Tally) -> Iterator[Any]:
    """The workbook at ``path``, opened read-only, within the limits."""
    openpyxl = openpyxl_or_refuse()
    file = str(path)
    stream = open_input(path, DatasetError)
    with stream:
        limit = tally.file_limit
        size = stream.seek(0, 2)
        if limit is not None and size > limit:
            refuse("file_too_large", file=file, size=size, limit=limit)
        stream.seek(0)
        _check_archive(stream, file, tally)
        # openpyxl warns of parts it does not read (a sheet's extensions, a theme
        # LibreOffice writes); none holds records.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                book = openpyxl.load_workbook(stream, read_only=True, data_only=True)
            except MemoryError:
                refuse("xlsx_not_a_workbook", file=file, detail="MemoryError")
            except Exception as exc:  # noqa: BLE001 - whatever a broken archive raises
                refuse("xlsx_not_a_workbook", file=file, detail=type(exc).__name__)
            try:
                yield book
            finally:
                book.close()


def _sheets(book: Any, file: str, tally: Tally | None) -> dict[str, Any]:  # noqa: ANN401
    """The sheets of records of ``book`` by record type; the others skipped or refused."""
    by_title = {fold(t): name for name in RECORD_TYPES for t in sheet_names(name)}
    own = {fold(t) for t in (*INSTRUCTIONS, *LISTS)}
    found: dict[str, Any] = {}
    unknown: list[str] = []
    notes: list[Notice] = []
    for sheet in book.worksheets:
        key = fold(sheet.title)
        if key in own:
            notes.append(Notice("xlsx_sheet_skipped", {"file": file, "sheet": sheet.title}))
            continue
        name = by_title.get(key)
        if name is None:
            unknown.append(sheet.title)
            continue
        if name in found:
            names = f"{found[name].title!r}, {sheet.title!r}"
            refuse("xlsx_sheet_twice", file=file, record_type=name, names=names)
        if sheet.sheet_state != "visible":
            notes.append(Notice("xlsx_hidden_sheet_read", {"file": file, "sheet": sheet.title}))
        found[name] = sheet
    notes.extend(
        Notice("xlsx_chart_skipped", {"file": file, "sheet": chart.title})
        for chart in book.chartsheets
    )
    expected = ", ".join(repr(SHEET_TITLES[name][0]) for name in RECORD_TYPES)
    if unknown:
        names = ", ".join(repr(u) for u in unknown)
        refuse("xlsx_unknown_sheets", file=file, names=names, expected=expected)
    if not found:
        refuse("xlsx_no_record_sheets", file=file, expected=expected)
    if tally is not None:
        tally.notes.extend(notes)
    return found


def _letter(index: int) -> str:
    """The letter of the column at ``index`` (from 0): A, B, ..., Z, AA, ..."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _header(
    file: str, sheet: str, name: str, row: tuple[Any, ...] | None
) -> list[tuple[int, XlsxColumn, str]]:
    """The columns the header row names: (position, column, header as written)."""
    columns = sheet_columns(name)
    listed = ", ".join(c.name for c in columns)
    cells = [c for c in row or () if c is not None]
    if not cells:
        refuse("xlsx_empty_sheet", file=file, sheet=sheet, record_type=name, columns=listed)
    by_name = {fold(n): c for c in columns for n in c.names()}
    found: list[tuple[int, XlsxColumn, str]] = []
    faults: list[Notice] = []
    for i, cell in enumerate(row or ()):
        if cell is None or (isinstance(cell, str) and not cell.strip()):
            continue
        column = by_name.get(fold(str(cell)))
        if column is None:
            faults.append(Notice("xlsx_header_unknown", {"cell": f"{_letter(i)}1"}))
            continue
        found.append((i, column, str(cell).strip()))
    named = [c.name for _, c, _ in found]
    faults.extend(
        Notice("column_twice", {"column": n})
        for n in sorted({n for n in named if named.count(n) > 1})
    )
    faults.extend(
        Notice("column_missing", {"column": c.name})
        for c in columns
        if c.name not in named and not c.personal
    )
    if faults:
        refuse(
            "xlsx_columns",
            file=file,
            sheet=sheet,
            faults=tuple(faults),
            record_type=name,
            columns=listed,
        )
    return found


def _merged(source: Any) -> dict[int, list[tuple[int, int, str]]]:  # noqa: ANN401 - a file
    """The merged cells of a sheet's XML: per row, the (first, last column, range) in it."""
    rows: dict[int, list[tuple[int, int, str]]] = {}
    # ElementTree resolves no external entity, and expat (2.4.1 or newer, which Python
    # 3.11 bundles) refuses an entity expanded beyond reason; openpyxl parses alike.
    for _, element in ET.iterparse(source):  # noqa: S314 - see above
        if element.tag == f"{_MAIN_NS}mergeCell":
            ref = element.get("ref", "")
            bounds = _bounds(ref)
            if bounds is not None:
                first_col, first_row, last_col, last_row = bounds
                for r in range(first_row, min(last_row, first_row + 1_048_576) + 1):
                    rows.setdefault(r, []).append((first_col, last_col, ref))
        if element.tag != f"{_MAIN_NS}mergeCells":
            element.clear()
    return rows


_CELL: Final = re.compile(r"([A-Z]{1,3})([0-9]{1,7})")


def _bounds(ref: str) -> tuple[int, int, int, int] | None:
    """(first column, first row, last column, last row) of a range ``A3:B5``, from 0/1."""
    parts = ref.split(":")
    matches = [_CELL.fullmatch(p) for p in parts]
    if len(parts) != 2 or not all(matches):
        return None
    (c1, r1), (c2, r2) = (m.groups() for m in matches if m is not None)
    return _column_index(c1), int(r1), _column_index(c2), int(r2)


def _column_index(letters: str) -> int:
    index = 0
    for char in letters:
        index = index * 26 + ord(char) - ord("A") + 1
    return index - 1


def _date_text(value: dt.datetime | dt.date) -> tuple[str, FieldProblem | None]:
    if isinstance(value, dt.datetime):
        if value.time() != dt.time(0):
            return "", FieldProblem.of("", "date_with_time", value=value.isoformat(sep=" "))
        return value.date().isoformat(), None
    return value.isoformat(), None


def _serial_date(value: float, epoch: dt.datetime) -> tuple[str, FieldProblem | None]:
    """A date serial number (Excel's count of days) as ISO text."""
    if not value.is_integer() or int(value) not in _SERIALS:
        return "", FieldProblem.of("", "xlsx_not_a_date_serial", value=str(value))
    from openpyxl.utils.datetime import from_excel  # noqa: PLC0415 - the optional extra

    return _date_text(from_excel(int(value), epoch))


def _number(value: float) -> str | None:
    """A whole number's text, or ``None`` for a fraction."""
    if isinstance(value, int):
        return str(value)
    if not math.isfinite(value) or not value.is_integer():
        return None
    return str(int(value))


def _cell(  # noqa: C901, PLR0911, PLR0912 - one branch per kind of cell and column
    column: XlsxColumn, value: object, epoch: dt.datetime
) -> tuple[str, FieldProblem | None]:
    """A cell's value as the CSV text of its field, or a problem (its field unset)."""
    if value is None:
        return "", None
    kind = column.cell.kind
    if isinstance(value, bool):
        if kind is _csvcells.Kind.FLAG:
            return ("true" if value else "false"), None
        return "", FieldProblem.of("", "xlsx_flag_not_expected")
    if isinstance(value, dt.datetime | dt.date):
        if column.is_date:
            return _date_text(value)
        return "", FieldProblem.of("", "xlsx_date_not_expected")
    if isinstance(value, dt.time | dt.timedelta):
        return "", FieldProblem.of("", "xlsx_date_not_expected")
    if isinstance(value, int | float):
        if column.is_date:
            return _serial_date(float(value), epoch)
        if kind is _csvcells.Kind.WHOLE:
            text = _number(value)
            if text is None:
                return "", FieldProblem.of("", "cell_not_whole_number", value=str(value))
            return text, None
        return "", FieldProblem.of("", "xlsx_number_in_text")
    text = str(value)
    if column.is_date:
        match = _DMY.fullmatch(text.strip())
        if match:
            day, month, year = match.groups()
            return f"{year}-{int(month):02d}-{int(day):02d}", None
        return text, None
    if kind is _csvcells.Kind.FLAG:
        flag = FLAG_WORDS.get(fold(text))
        return (text if flag is None else ("true" if flag else "false")), None
    if column.choices is not None:
        slug = enum_slug(column.choices, text)
        return (text if slug is None else slug), None
    return text, None


Row = tuple[int, dict[str, Any], "Record | None", list[FieldProblem]]


def _rows(path: Path, name: str, tally: Tally, *, notes: bool = True) -> Iterator[tuple[str, Row]]:
    """Each non-empty row of the sheet of ``name``: the sheet's title and the row."""
    file = str(path)
    with _workbook(path, tally) as book:
        sheets = _sheets(book, file, tally if notes else None)
        sheet = sheets.get(name)
        if sheet is None:
            if notes:
                title = SHEET_TITLES[name][0]
                note = {"file": file, "sheet": title, "record_type": name}
                tally.notes.append(Notice("xlsx_sheet_missing", note))
            return
        for row in _sheet_rows(book, sheet, file, name, tally, notes=notes):
            yield sheet.title, row


def _unreadable(file: str, sheet: str, exc: BaseException) -> NoReturn:
    """Refuse a sheet whose XML is damaged (cut, spliced): its rows cannot be trusted."""
    refuse("xlsx_sheet_unreadable", file=file, sheet=sheet, detail=type(exc).__name__)


def _guarded(rows: Iterator[tuple[Any, ...]], file: str, sheet: str) -> Iterator[tuple[Any, ...]]:
    """The rows openpyxl reads, any error of a damaged sheet a :class:`DatasetError`.

    openpyxl parses a sheet's XML as its rows are asked for, so a sheet cut short or
    spliced with other bytes raises (``ParseError``, ``ValueError``, ``KeyError``...)
    part-way: the whole load stops with ``xlsx_sheet_unreadable``, never with the rows
    read so far taken as the sheet.
    """
    while True:
        try:
            values = next(rows)
        except StopIteration:
            return
        except Exception as exc:  # noqa: BLE001 - whatever a damaged sheet's XML raises
            _unreadable(file, sheet, exc)
        yield values


def _sheet_rows(  # noqa: PLR0913 - the sheet, where it is, and what to tell
    book: Any,  # noqa: ANN401 - an openpyxl workbook
    sheet: Any,  # noqa: ANN401 - an openpyxl sheet
    file: str,
    name: str,
    tally: Tally,
    *,
    notes: bool,
) -> Iterator[Row]:
    try:
        with book._archive.open(sheet._worksheet_path) as source:  # noqa: SLF001 - its XML
            merged = _merged(source)
    except Exception as exc:  # noqa: BLE001 - whatever a damaged sheet's XML raises
        _unreadable(file, sheet.title, exc)
    # The sheet's own claim of its size (its <dimension>) is not trusted: a tool that
    # writes it wrong would otherwise have rows beyond it left unread, silently.
    sheet.reset_dimensions()
    rows = _guarded(sheet.iter_rows(values_only=True), file, sheet.title)
    header = _header(file, sheet.title, name, next(rows, None))
    positions = {i for i, _, _ in header}
    order = {c.name: i for i, (_, c, _) in enumerate(header)}
    fields = [c.cell for _, c, _ in header]
    headed = {c.name: (i, text) for i, c, text in header}
    tally.columns[name] = headed
    skipped = 0
    limit = tally.limits.rows
    for number, values in enumerate(rows, start=2):
        if number > limit:
            refuse("xlsx_too_many_rows", file=file, sheet=sheet.title, limit=limit)
        if all(v is None or (isinstance(v, str) and not v) for v in values):
            skipped += 1
            continue
        cells: list[str] = []
        problems: list[FieldProblem] = []
        spans = merged.get(number, [])
        for i, column, _ in header:
            value = values[i] if i < len(values) else None
            span = next((ref for first, last, ref in spans if first <= i <= last), None)
            if span is not None:
                cells.append("")
                problems.append(FieldProblem.of(column.name, "xlsx_merged_cell", range=span))
                continue
            text, problem = _cell(column, value, book.epoch)
            cells.append(text)
            if problem is not None:
                problems.append(FieldProblem.of(column.name, problem.code or "", **problem.params))
        beyond = [
            j for j, v in enumerate(values) if v is not None and v != "" and j not in positions
        ]
        row_problems = [
            FieldProblem.of("", "xlsx_cell_beyond_header", cell=f"{_letter(j)}{number}")
            for j in beyond
        ]
        data, record, found = csv_problems(name, tuple(fields), cells)
        unread = {p.field for p in problems}
        found = [p for p in found if root(p.field) not in unread]
        merged_problems = sorted(
            [*problems, *found], key=lambda p: order.get(root(p.field), len(order))
        )
        all_problems = [*row_problems, *merged_problems]
        if all_problems:
            record = None
        yield number, data, record, [_headed(p, headed) for p in all_problems]
    if skipped and notes:
        note = {"file": file, "sheet": sheet.title, "count": skipped}
        tally.notes.append(Notice("xlsx_empty_rows_skipped", note))


def _column(field: str, headed: Mapping[str, tuple[int, str]]) -> str | None:
    """The field's column as headed in the sheet, with its letter (``Năm sinh (C)``)."""
    name = root(field)
    if name not in headed:
        return None
    index, text = headed[name]
    return f"{text} ({_letter(index)}){field[len(name) :]}"


def _headed(problem: FieldProblem, headed: Mapping[str, tuple[int, str]]) -> FieldProblem:
    """The problem with its field named by the column's header in the sheet and letter."""
    field = _column(problem.field, headed)
    if field is None:
        return problem
    return FieldProblem(
        field=field, message=problem.message, code=problem.code, params=problem.params
    )


def locate(problems: Iterable[Problem], tally: Tally) -> list[Problem]:
    """The problems between records, each of a workbook's row located as a rejection is.

    A problem of a record read from a sheet gets the file, the sheet, the row as Excel
    numbers it, and its field as the column headed in the sheet with its letter
    (``Mã xã, phường (E)``); the others are as they were. Nothing else changes: the
    record stays accepted, as a problem between records leaves it in every format.
    """
    located: list[Problem] = []
    for problem in problems:
        name = problem.record_type
        headed = tally.columns.get(name)
        ids = None if tally.ids is None else tally.ids.get(name)
        row = None if ids is None else ids.first.get(problem.record_id)
        column = None if headed is None else _column(problem.field, headed)
        if row is None or column is None or tally.sheets.get(name) is None:
            located.append(problem)
            continue
        located.append(
            attrs.evolve(
                problem,
                field=column,
                file=tally.files.get(name),
                sheet=tally.sheets.get(name),
                line=row,
            )
        )
    return located


def sheet_records(path: Path, name: str, tally: Tally) -> Iterator[Record]:
    """The records of the sheet of ``name`` in the workbook at ``path``, row by row."""
    file = str(path)
    for index, (title, row) in enumerate(_rows(path, name, tally)):
        number, data, record, problems = row
        accepted = tally.account(
            name, data, record, problems, file=file, line=number, index=index, sheet=title
        )
        if accepted is not None:
            yield accepted


def sheet_ids(path: Path, name: str, tally: Tally) -> Iterator[tuple[str | None, int]]:
    """Each row's id as :func:`sheet_records` reads it (or ``None``), and its row."""
    for _, (number, data, _, _) in _rows(path, name, tally, notes=False):
        yield raw_id(data), number


def read_workbook(path: Path, tally: Tally) -> dict[str, list[Any]]:
    """The records of every sheet of records of the workbook at ``path``, by type."""
    records: dict[str, list[Any]] = {}
    file = str(path)
    with _workbook(path, tally) as book:
        sheets = _sheets(book, file, tally)
        for name in RECORD_TYPES:
            sheet = sheets.get(name)
            if sheet is None:
                title = SHEET_TITLES[name][0]
                note = {"file": file, "sheet": title, "record_type": name}
                tally.notes.append(Notice("xlsx_sheet_missing", note))
                continue
            kept = []
            rows = _sheet_rows(book, sheet, file, name, tally, notes=True)
            for index, (number, data, record, problems) in enumerate(rows):
                accepted = tally.account(
                    name,
                    data,
                    record,
                    problems,
                    file=file,
                    line=number,
                    index=index,
                    sheet=sheet.title,
                )
                if accepted is not None:
                    kept.append(accepted)
            records[name] = kept
    return records
