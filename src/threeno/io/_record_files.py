"""Files of records read line by line: JSON Lines and CSV, one record type per file.

A line (or row) that cannot be read, or whose record is bad, is rejected in the
:class:`~threeno.io._tally.Tally` and the reading goes on; a file that cannot be read
as a whole (a CSV file with a wrong header, not UTF-8, a line too long) is refused
with a :class:`~threeno.errors.DatasetError`. The "Data exchange" guide says how each
kind of value is written in a CSV cell (:mod:`threeno.io._csvcells`).
"""

from __future__ import annotations

import csv
import itertools
import os
from typing import TYPE_CHECKING, Any, Final, NamedTuple

import attrs

from threeno.errors import DatasetError
from threeno.io import _csvcells, _fast
from threeno.io._files import guarded, open_input
from threeno.io._json import BOM, JSON_SPACE, json_error, loads, too_deep_problem
from threeno.io._limits import lines, refuse, too_deep, too_large
from threeno.io._tally import raw_id, structure
from threeno.io.report import FieldProblem
from threeno.messages import Notice
from threeno.model._personal import sensitive_fields
from threeno.model.dataset import RECORD_TYPES, Record

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from pathlib import Path
    from typing import IO

    from threeno.io._limits import LineSource
    from threeno.io._places import LinePlaces
    from threeno.io._tally import Tally

__all__ = [
    "ID_READERS",
    "READERS",
    "SPAN_ID_READER",
    "SPAN_READER",
    "STREAMED",
    "SUFFIXES",
    "TYPE_NAMES",
    "Span",
    "csv_problems",
    "file_type",
    "root",
]

#: The suffixes of the files of records, and their formats.
SUFFIXES: Final = {".jsonl": "jsonl", ".csv": "csv"}
_FIELD_ORDER: Final[dict[type[Any], dict[str, int]]] = {
    cls: {f.name: i for i, f in enumerate(attrs.fields(cls))} for cls in RECORD_TYPES.values()
}
_COLUMNS: Final = {name: _csvcells.columns(cls) for name, cls in RECORD_TYPES.items()}
TYPE_NAMES: Final = ", ".join(RECORD_TYPES)


class Span(NamedTuple):
    """A part of a JSON Lines file read alone: its bytes ``[start, stop)``, from a line's start.

    ``line`` is the number of its first line in the file, ``before`` the number of records
    (lines not blank) before it, so that a record read in the part is named as in the
    whole file (:mod:`threeno.io.partitions`).
    """

    start: int
    stop: int
    line: int
    before: int


class _Bounded:
    """A line source that ends after ``size`` bytes (the end of a :class:`Span`)."""

    def __init__(self, source: LineSource, size: int) -> None:
        self._source = source
        self._left = size

    def readline(self, size: int = -1, /) -> bytes:
        if self._left <= 0:
            return b""
        line = self._source.readline(self._left if size < 0 else min(size, self._left))
        self._left -= len(line)
        return line


def _open_records(
    path: Path, tally: Tally, span: Span | None = None
) -> tuple[IO[bytes], LineSource]:
    """A file of records, opened as an input (:mod:`threeno.io._files`), and its lines.

    A load (``tally.file_limit`` set) refuses a file beyond it, from its size before
    anything is read, and again as it is read (a size the system reports is not
    trusted); a stream reads any size. With a ``span``, only its bytes are read.
    """
    stream = open_input(path, DatasetError)
    limit = tally.file_limit
    if span is not None:
        try:
            stream.seek(span.start)
        except BaseException:
            stream.close()
            raise
        return stream, _Bounded(guarded(stream, path, DatasetError), span.stop - span.start)
    if limit is None:
        return stream, guarded(stream, path, DatasetError)
    refuse_size = too_large(path, limit, "file_too_large")
    size = os.fstat(stream.fileno()).st_size
    if size > limit:
        stream.close()
        refuse_size(size)
    return stream, guarded(stream, path, DatasetError, limit=limit, too_large=refuse_size)


def root(path: str) -> str:
    return path.split(".", 1)[0].split("[", 1)[0]


def _jsonl_lines(
    path: Path,
    tally: Tally,
    span: Span | None = None,
    fast: str | None = None,
    places: LinePlaces | None = None,
) -> Iterator[tuple[int, object, list[FieldProblem]]]:
    """Each record line of a JSON Lines file: (line number, JSON read, problems of the line).

    A line that cannot be read as JSON (too long, not UTF-8, not JSON, too deep) has its
    problem and no JSON (``None``); a blank line is not a record and is skipped. With a
    ``span``, the lines of that part only, numbered as in the whole file. With ``fast``
    (a record type), a line proved valid by :func:`threeno.io._fast.decode` comes as its
    record instead of its JSON. With ``places``, its ``offset`` is the start of the line
    given while it is given.
    """
    limits = tally.limits
    stream, source = _open_records(path, tally, span)
    first = 1 if span is None else span.line
    # With places, a line's start is the start of the line before and its length (or,
    # after a line too long, not kept, where the stream is: it is read by lines).
    start = 0
    if places is not None:
        places.opened(os.fstat(stream.fileno()))
        start = stream.tell()
    with stream:
        for number, raw_line in enumerate(lines(source, limits.line_bytes), start=first):
            if places is not None:
                places.offset = start
                start = stream.tell() if raw_line is None else start + len(raw_line)
            if raw_line is None:
                yield number, None, [FieldProblem.of("", "line_too_long", limit=limits.line_bytes)]
                continue
            line_bytes = raw_line.removeprefix(BOM) if number == 1 else raw_line
            fast_record = None if fast is None else _fast.decode(fast, line_bytes)
            if fast_record is not None:
                yield number, fast_record, []
                continue
            try:
                text = line_bytes.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield number, None, [FieldProblem.of("", "not_utf8", byte=line_bytes[exc.start])]
                continue
            if not text.strip(JSON_SPACE):
                continue  # a blank line is not a record
            try:
                raw = loads(text.rstrip())  # columns count from the line's start
            except (ValueError, RecursionError) as exc:
                yield number, None, [_whole(json_error(exc, limits.depth))]
                continue
            if too_deep(raw, limits.depth, text):
                yield number, None, [_whole(too_deep_problem(limits.depth))]
                continue
            yield number, raw, []


def _jsonl(
    path: Path,
    name: str,
    tally: Tally,
    span: Span | None = None,
    places: LinePlaces | None = None,
) -> Iterator[Record]:
    """The records of a JSON Lines file (or of a ``span`` of it); bad lines are rejected.

    With ``places``, its ``offset`` is the start of the record's line while it is given.
    """
    file = str(path)
    cls = RECORD_TYPES[name]
    first = 0 if span is None else span.before
    fast = name if _fast.ENABLED and tally.limits.depth >= _fast.DEPTH else None
    personal = sensitive_fields(cls)
    lines_read = _jsonl_lines(path, tally, span, fast, places)
    for index, (number, raw, line_problems) in enumerate(lines_read, first):
        record: Record | None = None
        problems = line_problems
        if isinstance(raw, cls):  # from the fast path: its personal values, to mask them
            record, raw = raw, {key: getattr(raw, key) for key in personal}  # noqa: PLW2901
        elif not problems:
            record, problems = structure(cls, raw)
        accepted = tally.account(name, raw, record, problems, file=file, line=number, index=index)
        if accepted is not None:
            yield accepted


def _jsonl_ids(
    path: Path,
    name: str,  # noqa: ARG001 - as _csv_ids
    tally: Tally,
    span: Span | None = None,
) -> Iterator[tuple[str | None, int]]:
    """Each record line's id as :func:`_jsonl` reads it (or ``None``), and its line."""
    for number, raw, _ in _jsonl_lines(path, tally, span):
        yield raw_id(raw), number


def _whole(notice: Notice) -> FieldProblem:
    """A problem of the record as a whole (no field), from its notice."""
    return FieldProblem.of("", notice.code, **notice.params)


def _decoded_lines(stream: Iterable[bytes | None], file: str, limit: int) -> Iterator[str]:
    for number, raw_line in enumerate(stream, start=1):
        if raw_line is None:
            refuse("file_line_too_long", file=file, line=number, limit=limit)
        line_bytes = raw_line.removeprefix(BOM) if number == 1 else raw_line
        try:
            yield line_bytes.decode("utf-8")
        except UnicodeDecodeError as exc:
            byte = line_bytes[exc.start]
            refuse("csv_not_utf8", file=file, line=number, byte=byte)


def _csv_header(file: str, name: str, header: list[str]) -> tuple[_csvcells.Column, ...]:
    """The columns the first row names; the file refused unless it is the type's header.

    The first row is the header only if every cell is a column of the record type
    (the privacy guide). A cell that is not is named by its position, never quoted: the row may
    be a record whose header row was lost, and its cells personal data. A column
    missing or named twice is quoted (it is one of the type's column names).
    """
    by_name = {c.name: c for c in _COLUMNS[name]}
    columns = ", ".join(by_name)
    if header and not any(h in by_name for h in header):
        # Not a header at all but a record (the header row lost): its cells are data, may
        # be personal, and are not quoted.
        refuse("csv_no_header", file=file, record_type=name, count=len(header), columns=columns)
    faults: list[Notice] = []
    doubled = sorted({h for h in header if h in by_name and header.count(h) > 1})
    faults.extend(Notice("column_twice", {"column": h}) for h in doubled)
    faults.extend(Notice("column_missing", {"column": c}) for c in by_name if c not in header)
    faults.extend(
        Notice("column_unknown", {"position": i})
        for i, h in enumerate(header, start=1)
        if h not in by_name
    )
    if faults:
        refuse("csv_columns", file=file, faults=tuple(faults), record_type=name, columns=columns)
    return tuple(by_name[h] for h in header)


def _csv_problem(problem: FieldProblem) -> FieldProblem:
    # A required key is missing from a CSV record because its cell (or part) is empty.
    if problem.code != "missing_key":
        return problem
    path = problem.field
    return FieldProblem.of(path, "empty_cell" if path == root(path) else "empty_part")


def csv_problems(
    name: str, header: tuple[_csvcells.Column, ...], cells: list[str]
) -> tuple[dict[str, Any], Record | None, list[FieldProblem]]:
    cls = RECORD_TYPES[name]
    data, cell_problems = _csvcells.decode_row(header, cells)
    record, problems = structure(cls, data)
    if not cell_problems and not problems:
        return data, record, []
    unread = {root(p.field) for p in cell_problems}
    problems = [_csv_problem(p) for p in problems if root(p.field) not in unread]
    order = _FIELD_ORDER[cls]
    merged = sorted([*cell_problems, *problems], key=lambda p: order.get(root(p.field), len(order)))
    return data, None, merged


def _csv_rows(
    path: Path, name: str, tally: Tally, *, notes: bool = True
) -> Iterator[tuple[int, tuple[_csvcells.Column, ...], list[str] | None, list[FieldProblem]]]:
    """Each non-empty row of a CSV file: (line, the header's columns, cells, problems).

    A row that cannot be read (not CSV, a wrong number of cells) has its problem and no
    cells (``None``). With ``notes``, the empty rows skipped are noted in the tally.

    Raises:
        DatasetError: for a file that is empty, has a wrong header, a line that is not
            UTF-8 or is too long.
    """
    file = str(path)
    limit = tally.limits.line_bytes
    stream, source = _open_records(path, tally)
    skipped = 0
    with stream:
        decoded = _decoded_lines(lines(source, limit), file, limit)
        first = next(decoded, "")
        if not first.strip():
            columns = ", ".join(c.name for c in _COLUMNS[name])
            refuse("csv_empty_file", file=file, columns=columns)
        # Excel set to Vietnamese (or any locale whose decimal mark is a comma) separates
        # cells with ';'. The header names several columns, so it holds the separator.
        delimiter = "," if "," in first else ";"
        reader = csv.reader(itertools.chain([first], decoded), delimiter=delimiter, strict=True)
        try:
            header = _csv_header(file, name, next(reader))
        except csv.Error as exc:
            refuse("csv_not_csv", file=file, line=1, detail=str(exc))
        previous = reader.line_num
        while True:
            try:
                cells: list[str] | None = next(reader)
                problems: list[FieldProblem] = []
            except csv.Error as exc:
                cells, problems = None, [FieldProblem.of("", "not_csv", detail=str(exc))]
            except StopIteration:
                break
            line = previous + 1
            previous = reader.line_num
            if cells is not None and not any(cells):
                skipped += 1
                continue
            if cells is not None and len(cells) != len(header):
                wrong = FieldProblem.of("", "cell_count", count=len(cells), columns=len(header))
                cells, problems = None, [wrong]
            yield line, header, cells, problems
    if skipped and notes:
        tally.notes.append(Notice("empty_rows_skipped", {"file": file, "count": skipped}))


def _csv(path: Path, name: str, tally: Tally) -> Iterator[Record]:
    """The records of a CSV file, one row at a time; bad rows are rejected."""
    file = str(path)
    rows = _csv_rows(path, name, tally)
    for index, (line, header, cells, row_problems) in enumerate(rows):
        data: object = None
        record: Record | None = None
        problems = row_problems
        if cells is not None:
            data, record, problems = csv_problems(name, header, cells)
        accepted = tally.account(name, data, record, problems, file=file, line=line, index=index)
        if accepted is not None:
            yield accepted


def _csv_ids(path: Path, name: str, tally: Tally) -> Iterator[tuple[str | None, int]]:
    """Each row's id as :func:`_csv` reads it (or ``None``), and its line."""
    for line, header, cells, _ in _csv_rows(path, name, tally, notes=False):
        data = None if cells is None else _csvcells.decode_row(header, cells)[0]
        yield raw_id(data), line


def _xlsx(path: Path, name: str, tally: Tally) -> Iterator[Record]:
    """The records of one sheet of an Excel workbook (:mod:`threeno.io.xlsx`)."""
    from threeno.io import xlsx  # noqa: PLC0415 - it imports this module

    return xlsx.sheet_records(path, name, tally)


def _xlsx_ids(path: Path, name: str, tally: Tally) -> Iterator[tuple[str | None, int]]:
    """The ids of one sheet of an Excel workbook, and their rows."""
    from threeno.io import xlsx  # noqa: PLC0415 - it imports this module

    return xlsx.sheet_ids(path, name, tally)


READERS: Final = {"jsonl": _jsonl, "csv": _csv, "xlsx": _xlsx}
#: The ids of a file's records, read without making them (a stream's first pass).
ID_READERS: Final = {"jsonl": _jsonl_ids, "csv": _csv_ids, "xlsx": _xlsx_ids}
#: The files a stream reads: JSON Lines, CSV, and one sheet of an Excel workbook.
STREAMED: Final = {**SUFFIXES, ".xlsx": "xlsx"}


def file_type(path: Path) -> tuple[str, str]:
    """The record type and format of a JSON Lines or CSV file, from its name."""
    fmt = SUFFIXES.get(path.suffix)
    if fmt is None or path.stem not in RECORD_TYPES:
        refuse("not_a_records_file", file=str(path), types=TYPE_NAMES)
    return path.stem, fmt


#: A :class:`Span` of a JSON Lines file read alone: its records, and its ids
#: (:mod:`threeno.io.partitions`).
SPAN_READER: Final = _jsonl
SPAN_ID_READER: Final = _jsonl_ids
