"""Byte ranges of files of records: a part of a file read alone, its lines numbered truly.

A :class:`ByteRange` names a part of one file of records: for JSON Lines, the bytes from
a line's start to a line's end, with the number of its first line and the number of
records before it, so that a record read in the range is named exactly as a read of the
whole file names it (its line in a rejection, its index). A CSV file is one range whole
(a quoted cell may hold a line end, so a line end is not always a row's end, and every
part would need the header); an Excel workbook is one range per record type (its sheet).
:func:`split_file` cuts a JSON Lines file at line ends; :func:`records_of` and
:func:`ids_of` read a range with the readers of :mod:`threeno.io._record_files`.

The public face of this module is :mod:`threeno.io.partitions`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Final

import attrs

from threeno.errors import DatasetError
from threeno.io._files import guarded, open_input
from threeno.io._json import BOM
from threeno.io._limits import LoadLimits, lines, refuse
from threeno.io._places import LinePlaces
from threeno.io._record_files import (
    ID_READERS,
    READERS,
    SPAN_ID_READER,
    SPAN_READER,
    STREAMED,
    TYPE_NAMES,
    Span,
)
from threeno.model.dataset import RECORD_TYPES

if TYPE_CHECKING:
    from collections.abc import Iterator

    from threeno.io._tally import Tally
    from threeno.model.dataset import Record

__all__ = ["FORMATS", "ByteRange", "ids_of", "places_of", "records_of", "split_file"]

#: The formats of a range: a JSON Lines file (split at line ends), a CSV file (whole), a
#: sheet of an Excel workbook (whole).
FORMATS: Final = frozenset(STREAMED.values())
_RANK: Final = {name: rank for rank, name in enumerate(RECORD_TYPES)}
# The bytes a JSON Lines line may hold and still be blank (JSON's white space).
_BLANK: Final = b" \t\r\n"


def _nonnegative(_: ByteRange, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 0:
        msg = f"ByteRange.{attribute.name} must be 0 or more, not {value}"
        raise DatasetError(msg)


def _known_type(_: ByteRange, __: attrs.Attribute[str], value: str) -> None:
    if value not in RECORD_TYPES:
        refuse("unknown_record_type", value=value, types=TYPE_NAMES)


def _known_format(_: ByteRange, __: attrs.Attribute[str], value: str) -> None:
    if value not in FORMATS:
        msg = f"ByteRange.format must be one of {', '.join(sorted(FORMATS))}, not {value!r}"
        raise DatasetError(msg)


@attrs.frozen(kw_only=True)
class ByteRange:
    """A part of one file of records, read alone: a unit of work (small, picklable).

    Args:
        path: the file, as the whole file's reader names it in its messages.
        record_type: the record type its records are (``"crime_reports"``).
        format: ``"jsonl"``, ``"csv"`` or ``"xlsx"`` (a sheet of a workbook).
        start: the offset of its first byte (0 for a whole file).
        stop: the offset after its last byte, at a line end; ``None`` to the end of
            the file (a whole file, or the last range of one).
        first_line: the number of its first line in the file (1 for the first).
        first_index: how many records (lines not blank) come before it in the file.

    Ranges of a file are ordered by :attr:`order`: the record type's place in the data
    dictionary, then ``start``.

    .. versionadded:: 0.2.0
    """

    path: str
    record_type: str = attrs.field(validator=_known_type)
    format: str = attrs.field(validator=_known_format)
    start: int = attrs.field(default=0, validator=_nonnegative)
    stop: int | None = None
    first_line: int = 1
    first_index: int = attrs.field(default=0, validator=_nonnegative)

    @property
    def whole(self) -> bool:
        """Whether the range is its whole file (or sheet)."""
        return self.start == 0 and self.stop is None

    @property
    def order(self) -> tuple[int, int]:
        """The range's place in a folder read whole (its type's rank, then its start)."""
        return _RANK[self.record_type], self.start


def _span(rng: ByteRange) -> Span | None:
    """The part of its file to read, or ``None`` for the whole file."""
    if rng.whole:
        return None
    stop = rng.stop if rng.stop is not None else 1 << 62
    return Span(rng.start, stop, rng.first_line, rng.first_index)


def records_of(rng: ByteRange, tally: Tally, places: LinePlaces | None = None) -> Iterator[Record]:
    """The records of a range, each accepted or rejected in ``tally`` as a whole read does.

    ``places`` (a JSON Lines range only): set to each record's line as it is given.
    """
    path = Path(rng.path)
    span = _span(rng)
    if places is not None:
        return SPAN_READER(path, rng.record_type, tally, span, places)
    if span is None:
        return READERS[rng.format](path, rng.record_type, tally)
    return SPAN_READER(path, rng.record_type, tally, span)


def places_of(rng: ByteRange, limits: LoadLimits) -> LinePlaces | None:
    """Where a range's records are, to read them again: a JSON Lines range only."""
    if rng.format != "jsonl":
        return None
    return LinePlaces(rng.path, rng.record_type, limits.line_bytes)


def ids_of(rng: ByteRange, tally: Tally) -> Iterator[tuple[str | None, int]]:
    """Each record's id in a range (``None`` for none that can be shown) and its line."""
    path = Path(rng.path)
    span = _span(rng)
    if span is None:
        return ID_READERS[rng.format](path, rng.record_type, tally)
    return SPAN_ID_READER(path, rng.record_type, tally, span)


def split_file(
    path: str | Path, record_type: str, target_bytes: int, limits: LoadLimits
) -> tuple[ByteRange, ...]:
    """A JSON Lines file cut at line ends into ranges of about ``target_bytes`` each.

    The file is read once, line by line as its reader reads it (a line beyond
    ``limits.line_bytes`` is one record, skipped to its end without being kept), to
    number each range's first line and count the records before it. A range ends at
    the first line end at or after ``target_bytes`` from its start, so a line is never
    cut; an empty file is one empty range. Memory: one line at a time.

    Raises:
        DatasetError: when the file cannot be read.
    """
    file = Path(path)
    name = str(path)
    ranges: list[ByteRange] = []
    start = 0
    first_line = 1
    first_index = 0
    records = 0
    number = 0
    with open_input(file, DatasetError) as stream:
        source = guarded(stream, file, DatasetError)
        for number, raw_line in enumerate(lines(source, limits.line_bytes), start=1):
            if raw_line is None:
                records += 1
            else:
                text = raw_line.removeprefix(BOM) if number == 1 else raw_line
                records += bool(text.strip(_BLANK))
            position = stream.tell()
            if position - start >= target_bytes:
                ranges.append(
                    ByteRange(
                        path=name,
                        record_type=record_type,
                        format="jsonl",
                        start=start,
                        stop=position,
                        first_line=first_line,
                        first_index=first_index,
                    )
                )
                start, first_line, first_index = position, number + 1, records
    if ranges and first_line > number:
        # The file ends at the last cut: the last range runs to the end.
        ranges[-1] = attrs.evolve(ranges[-1], stop=None)
    else:
        tail = ByteRange(
            path=name,
            record_type=record_type,
            format="jsonl",
            start=start,
            first_line=first_line,
            first_index=first_index,
        )
        ranges.append(tail)
    return tuple(ranges)
