"""Loading and writing datasets: a JSON document, JSON Lines files, CSV files.

The interchange format v1 (the data dictionary, ``generated/data-dictionary``) comes in
three forms, which hold the same records and read back to the same
:class:`~threeno.model.dataset.Dataset`:

- a **JSON document**: ``{"schema": "threeno/1", "subjects": [...], ...}``, one array
  per record type (a missing array is an empty one; an unknown key is an error);
- a **folder of JSON Lines files**, one per record type, named as the type
  (``subjects.jsonl``, ``crime_reports.jsonl``, ...), one record per line;
- a **folder of CSV files** with the same names (``crime_reports.csv``) and one column
  per field (the "Data exchange" guide says how each kind of value is written in a
  cell), UTF-8 with or without the byte-order mark Excel writes.

:func:`load_dataset` also takes the document as a Python mapping, an iterable of
dicts each naming its type in a ``record_type`` key (rows from a tool's own database), or
an Excel workbook (``.xlsx``, the ``excel`` extra: :mod:`threeno.io.xlsx`, a sheet per
record type).

A bad record does not stop a load: it is rejected, with its file, line or index and
the path and message of each problem, in the :class:`~threeno.io.report.LoadReport`;
every record read is accepted or rejected. Every reason, note and error has a stable
code and params (:data:`threeno.messages.TEMPLATES`), and is written in Vietnamese or
English (``report.text("vi")``, ``error.text("vi")``). A bad *file* (not UTF-8 or not JSON where
the whole file is one document, an unknown schema version, an unknown file name in a
folder, a CSV file whose columns are not the type's) stops the load with a
:class:`~threeno.errors.DatasetError` naming it.

Files are read within :class:`LoadLimits` (file size, line length, nesting depth), so
a hostile file is refused rather than exhausting memory, and written atomically
(:mod:`threeno.io._atomic`), never over one of the inputs. :func:`dump_dataset` leaves
personal data (the fields the model marks sensitive) out of what it writes unless asked
with ``personal_data=True`` (the privacy guide: "Sensitive values never appear in ... an
export").

Plan clauses: IV.2 (the agencies' reports to the Steering Committee rest on these
records); every clause whose indicator counts records (see the indicators guide).

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import array
import csv
import gc
import itertools
import json
import os
import pathlib
import sys
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Generic, NoReturn, Self, overload

import attrs

from threeno.errors import DatasetError
from threeno.io import _csvcells
from threeno.io._atomic import atomic_open, check_output_folder, make_folder
from threeno.io._files import FOLDER, guarded, input_kind, list_folder, open_input, read_input
from threeno.io._limits import MAX_DEPTH, lines, too_deep
from threeno.io.converter import CONVERTER, coded_problems, make_converter
from threeno.io.report import FieldProblem, LoadReport, LoadReportError, Rejection, TypeCounts
from threeno.messages import Notice
from threeno.model._base import (
    REDACTED,
    Masker,
    fail,
    is_sensitive,
    masker,
    masker_of,
    scrub_params,
    unprintable,
)
from threeno.model.dataset import RECORD_TYPES, Dataset, HasRegistry, R, Record, UnitLookup

if TYPE_CHECKING:
    from collections.abc import Callable
    from types import TracebackType
    from typing import IO

    from threeno.io._limits import LineSource
    from threeno.model.dataset import Problem

__all__ = [
    "DEFAULT_LIMITS",
    "FORMATS",
    "READABLE_SCHEMAS",
    "RECORD_TYPE_KEY",
    "SCHEMA",
    "LoadLimits",
    "RecordStream",
    "dump_dataset",
    "iter_records",
    "load_dataset",
]

#: The schema version this release writes in a JSON document's ``"schema"`` key.
SCHEMA: Final = "threeno/1"
#: The schema versions this release reads.
READABLE_SCHEMAS: Final = (SCHEMA,)
#: The formats :func:`dump_dataset` writes: a JSON document, a folder of JSON Lines
#: files, a folder of CSV files.
FORMATS: Final = ("json", "jsonl", "csv")
#: The key naming a record's type when records are given as an iterable of dicts.
RECORD_TYPE_KEY: Final = "record_type"

_SUFFIXES: Final = {".jsonl": "jsonl", ".csv": "csv"}
_BOM: Final = b"\xef\xbb\xbf"
# JSON's whitespace (RFC 8259): a line of only these is blank. str.strip() would also
# drop other Unicode spaces (U+001C, U+00A0), silently skipping a line that is no JSON.
_JSON_SPACE: Final = " \t\r\n"

# The fast converter stops at the first problem; a record that fails is structured
# again by the detailed one (CONVERTER) only to say why.
_FAST: Final = make_converter(detailed_validation=False)
_FIELD_ORDER: Final[dict[type[Any], dict[str, int]]] = {
    cls: {f.name: i for i, f in enumerate(attrs.fields(cls))} for cls in RECORD_TYPES.values()
}
_COLUMNS: Final = {name: _csvcells.columns(cls) for name, cls in RECORD_TYPES.items()}
_TYPES: Final = ", ".join(RECORD_TYPES)


_MIB: Final = 1 << 20


# The fields each record class marks as personal data, found once per class (a subclass
# of a record type is looked at too, so that a field it marks is never written).
_SENSITIVE: Final[dict[type[Any], tuple[str, ...]]] = {}


def _sensitive(cls: type[Any]) -> tuple[str, ...]:
    """The fields of a record type that the model marks as personal data."""
    fields = _SENSITIVE.get(cls)
    if fields is None:
        fields = _SENSITIVE[cls] = tuple(f.name for f in attrs.fields(cls) if is_sensitive(f))
    return fields


def _refuse(code: str, /, **params: object) -> NoReturn:
    """Raise a :class:`DatasetError` of ``code``, its English wording as its message.

    Raised "from None": the error says all there is, without the decoder's traceback.
    """
    raise DatasetError(Notice(code, params).text("en"), code=code, params=params) from None


def _positive(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        shown = value if isinstance(value, int) else type(value).__name__
        fail(instance, attribute.name, "limit_not_positive", value=shown)


@attrs.frozen(kw_only=True)
class LoadLimits:
    """Limits against hostile input files, checked before or while they are read.

    A file beyond a limit is refused with a :class:`~threeno.errors.DatasetError`
    naming it and the limit, except a JSON Lines line, which is rejected like any bad
    record (the load goes on). Records given in memory (a mapping, an iterable of
    dicts) are not checked: they are not files.

    Args:
        document_bytes: the largest JSON document (read whole into memory).
        file_bytes: the largest JSON Lines or CSV file :func:`load_dataset` reads (it
            keeps every record); :func:`iter_records` streams files of any size.
        line_bytes: the longest line of a JSON Lines or CSV file, its newline included.
        depth: how deeply JSON values may nest (a record nests 3 levels deep).
        max_rejections: how many rejections a load report lists, the first read; the
            others are counted by the code of each of their problems
            (``LoadReport.unlisted``), so
            that a file of millions of bad lines takes no more memory than one of good
            lines. Every rejection is counted in the totals either way.
        rows: the most rows a sheet of an Excel workbook may have (Excel's own most,
            1,048,576, by default).
        unpacked_bytes: the most bytes an Excel workbook (a zip archive) may unpack to,
            each part and all together, checked from its directory before anything is
            unpacked (a "zip bomb" is refused).
        shared_strings_bytes: the most bytes a workbook's table of texts may unpack to
            (it is read whole into memory).

    Raises:
        ValidationError: for a limit that is not a whole number, 1 or more.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 ``max_rejections``; ``rows``, ``unpacked_bytes`` and
       ``shared_strings_bytes`` (Excel workbooks).
    """

    document_bytes: int = attrs.field(default=256 * _MIB, validator=_positive)
    file_bytes: int = attrs.field(default=2048 * _MIB, validator=_positive)
    line_bytes: int = attrs.field(default=_MIB, validator=_positive)
    depth: int = attrs.field(default=MAX_DEPTH, validator=_positive)
    max_rejections: int = attrs.field(default=1000, validator=_positive)
    rows: int = attrs.field(default=1_048_576, validator=_positive)
    unpacked_bytes: int = attrs.field(default=1024 * _MIB, validator=_positive)
    shared_strings_bytes: int = attrs.field(default=64 * _MIB, validator=_positive)


#: The limits used when none are given (a 256 MiB JSON document, 2 GiB JSON Lines or
#: CSV files, 1 MiB lines, 32 levels of nesting, 1,000 rejections listed).
DEFAULT_LIMITS: Final = LoadLimits()


def check_limits(limits: object, function: str) -> None:
    """Refuse ``limits`` that is not a :class:`LoadLimits` (an untyped caller's mistake).

    Shared by the readers of this package (:func:`load_dataset`, :func:`iter_records`,
    :func:`threeno.io.stream.evaluate_stream`); not part of the public API.

    Raises:
        DatasetError: naming ``function`` and the type given.
    """
    if not isinstance(limits, LoadLimits):
        _refuse("limits_not_limits", function=function, type=type(limits).__name__)


def _too_large(path: Path, limit: int, code: str) -> Callable[[int], NoReturn]:
    """A refusal of ``path``, beyond ``limit`` bytes, to call with the size found.

    code: file_too_large (a file of records) or document_too_large (a JSON document).
    """

    def refuse(size: int) -> NoReturn:
        _refuse(code, file=str(path), size=size, limit=limit)

    return refuse


def _open_records(path: Path, tally: _Tally) -> tuple[IO[bytes], LineSource]:
    """A file of records, opened as an input (:mod:`threeno.io._files`), and its lines.

    A load (``tally.file_limit`` set) refuses a file beyond it, from its size before
    anything is read, and again as it is read (a size the system reports is not
    trusted); a stream reads any size.
    """
    stream = open_input(path, DatasetError)
    limit = tally.file_limit
    if limit is None:
        return stream, guarded(stream, path, DatasetError)
    refuse = _too_large(path, limit, "file_too_large")
    size = os.fstat(stream.fileno()).st_size
    if size > limit:
        stream.close()
        refuse(size)
    return stream, guarded(stream, path, DatasetError, limit=limit, too_large=refuse)


def _kind(value: object) -> str:
    # JSON's words for JSON's values, Python's for anything else.
    names: dict[type[Any], str] = {dict: "object", list: "list", str: "text"}
    return names.get(type(value)) or type(value).__name__


def _expected_files(suffix: str) -> str:
    return ", ".join(f"{name}{suffix}" for name in RECORD_TYPES)


# -- JSON ------------------------------------------------------------------------------


class _NotJsonError(ValueError):
    """Valid to Python's json reader, but not JSON (or ambiguous): its notice says why."""

    def __init__(self, notice: Notice) -> None:
        super().__init__(notice.text("en"))
        self.notice = notice


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # json keeps the last of two equal keys, silently dropping the first value: refuse.
    obj = dict(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _NotJsonError(Notice("duplicate_json_key", {"key": key}))
            seen.add(key)
    return obj


def _no_constant(name: str) -> float:
    # json reads NaN and Infinity, which are not JSON.
    raise _NotJsonError(Notice("json_constant", {"name": name}))


def _json_error(exc: BaseException, depth: int) -> Notice:
    """Why a line is not JSON (a decoding error's column counts from the line's start)."""
    if isinstance(exc, json.JSONDecodeError):
        return Notice("not_json", {"detail": exc.msg, "column": exc.colno})
    if isinstance(exc, RecursionError):
        return _too_deep(depth)
    if isinstance(exc, _NotJsonError):
        return exc.notice
    if _TOO_MANY_DIGITS in str(exc):
        # A number of thousands of digits: Python refuses to read it (CVE-2020-10735).
        return Notice("json_number_too_long", {"limit": sys.get_int_max_str_digits()})
    return Notice("invalid_value", {"detail": f"not valid JSON: {exc}"})  # pragma: no cover


# The words of the ValueError Python raises for an integer of too many digits.
_TOO_MANY_DIGITS: Final = "Exceeds the limit"


def _refuse_document(path: Path, exc: BaseException, depth: int) -> NoReturn:
    """Refuse a whole JSON document that is not JSON, naming the file and why."""
    if isinstance(exc, json.JSONDecodeError):
        _refuse(
            "document_not_json", file=str(path), detail=exc.msg, line=exc.lineno, column=exc.colno
        )
    _refuse("document_json_problem", file=str(path), problem=_json_error(exc, depth))


def _too_deep(depth: int) -> Notice:
    return Notice("too_deep", {"depth": depth})


# One decoder for every line: json.loads with hooks would build a new one per call.
_DECODER: Final = json.JSONDecoder(
    object_pairs_hook=_no_duplicate_keys, parse_constant=_no_constant
)


def _loads(text: str) -> object:
    return _DECODER.decode(text)


# -- one record ------------------------------------------------------------------------


def _root(path: str) -> str:
    return path.split(".", 1)[0].split("[", 1)[0]


def _structure(cls: type[R], raw: object) -> tuple[R | None, list[FieldProblem]]:
    """The record, or ``None`` and every problem (path relative to the record)."""
    # Whatever goes wrong in making one record is that record's rejection, never the end
    # of the load (the data-exchange guide: a bad record does not stop it): a broad catch.
    try:
        return _FAST.structure(raw, cls), []
    except Exception as fast_error:  # noqa: BLE001 - see above
        try:
            CONVERTER.structure(raw, cls)
        except Exception as exc:  # noqa: BLE001 - see above
            return None, list(coded_problems(exc))
        # The two converters disagree; never expected, but never a silent acceptance.
        problem = FieldProblem.of("", "unreadable", type=type(fast_error).__name__)
        return None, [problem]  # pragma: no cover


def _raw_id(raw: object) -> str | None:
    """The id of a record as read, if it is a text that can be shown; else ``None``.

    An id that no output can show as it is (a control character, an unpaired surrogate:
    :func:`~threeno.model._base.unprintable`) is not kept: its record is rejected for it,
    and named by its line or index only.
    """
    value = raw.get("id") if isinstance(raw, Mapping) else None
    if isinstance(value, str) and value.strip() and unprintable(value) is None:
        return unicodedata.normalize("NFC", value)
    return None


def _masker(cls: type[Any], raw: object) -> Masker:
    """The personal values of a record as read (its sensitive fields), to mask them."""
    if not isinstance(raw, Mapping):
        return masker(())
    return masker(raw.get(name) for name in _sensitive(cls))


def _scrub(found: Masker, problems: list[FieldProblem]) -> list[FieldProblem]:
    """The problems, with every personal value of the record masked (the privacy guide).

    In the message, in its params (so that no language quotes it) and in the field's
    path too (a key that is the record's own name); in any case, spacing or Unicode form
    (:class:`~threeno.model._base.Masker`).
    """
    if not found:
        return problems
    return [
        FieldProblem(
            field=found.mask(problem.field),
            message=found.mask(problem.message),
            code=problem.code,
            params=scrub_params(problem.params, found),
        )
        for problem in problems
    ]


#: How many places of a repeated id are remembered (the first ones read); the copies
#: beyond are counted. A duplicate_id message names at most _SHOWN_PLACES of them.
_KEPT_PLACES: Final = 6
_SHOWN_PLACES: Final = 5


class _Ids:
    """Where the ids of one record type were read: every id's first place, repeats apart.

    A place is a line (files of lines) or an index among the type's records. Memory per
    id is one dictionary entry; a repeated id keeps at most ``_KEPT_PLACES`` places and
    its number of copies, however many there are.
    """

    __slots__ = ("copies", "first", "kept")

    def __init__(self) -> None:
        self.first: dict[str, int] = {}
        self.kept: dict[str, list[int]] = {}
        self.copies: dict[str, int] = {}

    def add(self, record_id: str, place: int) -> None:
        first = self.first.setdefault(record_id, place)
        if first == place:
            return
        kept = self.kept.get(record_id)
        if kept is None:
            self.kept[record_id] = [first, place]
            self.copies[record_id] = 2
            return
        if len(kept) < _KEPT_PLACES:
            kept.append(place)
        self.copies[record_id] += 1

    def repeats(self) -> _Ids:
        """Only the repeated ids (the first places of the others let go, to save memory)."""
        self.first = {}
        return self

    def duplicate(
        self, record_id: str, place: int, record_type: str, *, by_line: bool
    ) -> FieldProblem:
        """The problem of the copy of ``record_id`` at ``place``: the other places named."""
        others = [q for q in self.kept[record_id] if q != place][:_SHOWN_PLACES]
        places = [
            Notice("place_line", {"line": q})
            if by_line
            else Notice("place_index", {"record_type": record_type, "index": q})
            for q in others
        ]
        more = self.copies[record_id] - 1 - len(others)
        if more:
            places.append(Notice("more_places", {"count": more}))
        return FieldProblem.of("id", "duplicate_id", others=tuple(places))


class _Tally:
    """The counts, rejections and notes of one load, built as records are read.

    Repeated ids are resolved whatever the order of the records: every copy is rejected
    (``duplicate_id``, naming the other places). A load (``known is None``) notes each
    id's places as it reads, and rejects the copies once everything is read
    (:meth:`finish`); a stream, which cannot take back a record it gave, is told the
    repeated ids by a first pass over its file (``known``), and rejects every copy as it
    reads it. Both give the same rejections.

    At most ``limits.max_rejections`` rejections are kept, the first read; the others are
    counted by the code of each of their problems (``LoadReport.unlisted``).
    """

    def __init__(
        self,
        *,
        check_duplicates: bool = True,
        limits: LoadLimits = DEFAULT_LIMITS,
        file_limit: int | None = None,
        known: Mapping[str, _Ids] | None = None,
    ) -> None:
        self.limits = limits
        # The most bytes a file of records may hold: limits.file_bytes for a load, which
        # keeps every record; None for a stream, which keeps none.
        self.file_limit = file_limit
        self.read = dict.fromkeys(RECORD_TYPES, 0)
        self.rejected = dict.fromkeys(RECORD_TYPES, 0)
        self.rejections: list[Rejection] = []
        # The id of each rejection kept, as read (a rejection shows it masked, or not).
        self._rejected_ids: list[str | None] = []
        self.unlisted: dict[str, int] = {}
        self.notes: list[Notice] = []
        self.known = known
        # A load: each type's ids, and the line (-1 for none) and index of each record
        # accepted, in order (8 bytes each), to reject the copies of a repeated id at the
        # end; and the file of each type.
        self.ids: dict[str, _Ids] | None = None
        self.accepted_lines: dict[str, array.array[int]] = {}
        self.accepted_indexes: dict[str, array.array[int]] = {}
        self.files: dict[str, str | None] = {}
        self.sheets: dict[str, str | None] = {}
        if check_duplicates and known is None:
            self.ids = {name: _Ids() for name in RECORD_TYPES}
            self.accepted_lines = {name: array.array("q") for name in RECORD_TYPES}
            self.accepted_indexes = {name: array.array("q") for name in RECORD_TYPES}

    def account(  # noqa: PLR0913 - where a record was is four facts
        self,
        name: str,
        raw: object,
        record: R | None,
        problems: list[FieldProblem],
        *,
        file: str | None,
        line: int | None,
        index: int,
        sheet: str | None = None,
    ) -> R | None:
        """Count one record read; return it if accepted, else record why not.

        ``sheet``: the sheet of an Excel workbook the record is a row of (``line`` its row).
        """
        self.read[name] += 1
        record_id = record.id if record is not None else _raw_id(raw)
        place = line if line is not None else index
        if record_id is not None:
            if self.known is not None:
                ids = self.known.get(name)
                if ids is not None and record_id in ids.kept:
                    by_line = line is not None
                    duplicate = ids.duplicate(record_id, place, name, by_line=by_line)
                    problems = [duplicate, *problems]
            elif self.ids is not None:
                self.ids[name].add(record_id, place)
        if not problems:
            if self.ids is not None:
                self.accepted_lines[name].append(-1 if line is None else line)
                self.accepted_indexes[name].append(index)
                self.files[name] = file
                self.sheets[name] = sheet
            return record
        self.rejected[name] += 1
        if len(self.rejections) >= self.limits.max_rejections:
            self._count(problems)
            return None
        found = _masker(RECORD_TYPES[name], raw)
        # An id that holds the record's own personal data is not shown beside its problems.
        shown_id = REDACTED if record_id is not None and found.holds(record_id) else record_id
        self.rejections.append(
            Rejection(
                record_type=name,
                file=file,
                sheet=sheet,
                line=line,
                index=index,
                record_id=shown_id,
                problems=tuple(_scrub(found, problems)),
            )
        )
        self._rejected_ids.append(record_id)
        return None

    def _count(self, problems: Iterable[FieldProblem]) -> None:
        """Count a rejection not kept, under the code of each of its problems."""
        unlisted = self.unlisted
        for problem in problems:
            code = problem.code or "uncoded"
            unlisted[code] = unlisted.get(code, 0) + 1

    def take(
        self, name: str, raw: object, *, file: str | None, line: int | None, index: int
    ) -> Record | None:
        """Structure one record in JSON form and account for it."""
        record, problems = _structure(RECORD_TYPES[name], raw)
        return self.account(name, raw, record, problems, file=file, line=line, index=index)

    def finish(self, records: dict[str, list[Any]]) -> None:
        """Reject every copy of each repeated id among the records read (a load).

        Each accepted copy leaves ``records`` and becomes a rejection; each rejection
        kept of a copy gets the ``duplicate_id`` problem first; a rejected copy beyond
        the rejections kept is counted under ``duplicate_id``. The rejections kept are
        then the first ``limits.max_rejections`` in the order read (by record type, then
        line or index).
        """
        if self.ids is None or not any(ids.kept for ids in self.ids.values()):
            return
        order = {name: i for i, name in enumerate(RECORD_TYPES)}
        # Per type, the copies of each repeated id not yet rejected with a message.
        remaining = {name: dict(ids.copies) for name, ids in self.ids.items() if ids.kept}
        kept: list[tuple[tuple[int, int], Rejection]] = []
        for rejection, record_id in zip(self.rejections, self._rejected_ids, strict=True):
            name = rejection.record_type
            ids = self.ids[name]
            place = rejection.line if rejection.line is not None else rejection.index
            if record_id is not None and record_id in ids.kept:
                by_line = rejection.line is not None
                duplicate = ids.duplicate(record_id, place, name, by_line=by_line)
                problems = (duplicate, *rejection.problems)
                rejection = attrs.evolve(rejection, problems=problems)  # noqa: PLW2901
                remaining[name][record_id] -= 1
            kept.append(((order[name], place), rejection))
        for name, left in remaining.items():
            kept.extend(self._reject_copies(name, records, order[name], left))
        kept.sort(key=lambda pair: pair[0])
        limit = self.limits.max_rejections
        for _, overflow in kept[limit:]:
            self._count(overflow.problems)
        self.rejections = [rejection for _, rejection in kept[:limit]]
        self._rejected_ids = []
        # The copies rejected for another reason, beyond the rejections kept: counted.
        copies = sum(sum(left.values()) for left in remaining.values())
        if copies:
            self.unlisted["duplicate_id"] = self.unlisted.get("duplicate_id", 0) + copies

    def _reject_copies(
        self, name: str, records: dict[str, list[Any]], rank: int, left: dict[str, int]
    ) -> list[tuple[tuple[int, int], Rejection]]:
        """Take the accepted copies of repeated ids out of ``records``, as rejections."""
        assert self.ids is not None  # noqa: S101 - a load; for the type checker
        ids = self.ids[name]
        lines_read = self.accepted_lines[name]
        indexes = self.accepted_indexes[name]
        kept_records: list[Any] = []
        rejected: list[tuple[tuple[int, int], Rejection]] = []
        for record, line, index in zip(records.get(name, []), lines_read, indexes, strict=True):
            if record.id not in ids.kept:
                kept_records.append(record)
                continue
            left[record.id] -= 1
            self.rejected[name] += 1
            place = line if line >= 0 else index
            duplicate = ids.duplicate(record.id, place, name, by_line=line >= 0)
            shown_id = REDACTED if masker_of(record).holds(record.id) else record.id
            rejection = Rejection(
                record_type=name,
                file=self.files.get(name),
                sheet=self.sheets.get(name),
                line=line if line >= 0 else None,
                index=index,
                record_id=shown_id,
                problems=(duplicate,),
            )
            rejected.append(((rank, place), rejection))
        if name in records:
            records[name] = kept_records
        return rejected

    def report(self, source: str, problems: Iterable[Problem] = ()) -> LoadReport:
        """The report of everything read so far."""
        counts = {
            name: TypeCounts(
                read=self.read[name],
                accepted=self.read[name] - self.rejected[name],
                rejected=self.rejected[name],
            )
            for name in RECORD_TYPES
        }
        return LoadReport(
            source=source,
            counts=counts,
            rejections=tuple(self.rejections),
            unlisted=self.unlisted,
            problems=tuple(problems),
            notes=tuple(self.notes),
        )


# -- JSON Lines and CSV files ----------------------------------------------------------


def _jsonl_lines(path: Path, tally: _Tally) -> Iterator[tuple[int, object, list[FieldProblem]]]:
    """Each record line of a JSON Lines file: (line number, JSON read, problems of the line).

    A line that cannot be read as JSON (too long, not UTF-8, not JSON, too deep) has its
    problem and no JSON (``None``); a blank line is not a record and is skipped.
    """
    limits = tally.limits
    stream, source = _open_records(path, tally)
    with stream:
        for number, raw_line in enumerate(lines(source, limits.line_bytes), start=1):
            if raw_line is None:
                yield number, None, [FieldProblem.of("", "line_too_long", limit=limits.line_bytes)]
                continue
            line_bytes = raw_line.removeprefix(_BOM) if number == 1 else raw_line
            try:
                text = line_bytes.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield number, None, [FieldProblem.of("", "not_utf8", byte=line_bytes[exc.start])]
                continue
            if not text.strip(_JSON_SPACE):
                continue  # a blank line is not a record
            try:
                raw = _loads(text.rstrip())  # columns count from the line's start
            except (ValueError, RecursionError) as exc:
                yield number, None, [_whole(_json_error(exc, limits.depth))]
                continue
            if too_deep(raw, limits.depth, text):
                yield number, None, [_whole(_too_deep(limits.depth))]
                continue
            yield number, raw, []


def _jsonl(path: Path, name: str, tally: _Tally) -> Iterator[Record]:
    """The records of a JSON Lines file, one line at a time; bad lines are rejected."""
    file = str(path)
    cls = RECORD_TYPES[name]
    for index, (number, raw, line_problems) in enumerate(_jsonl_lines(path, tally)):
        record: Record | None = None
        problems = line_problems
        if not problems:
            record, problems = _structure(cls, raw)
        accepted = tally.account(name, raw, record, problems, file=file, line=number, index=index)
        if accepted is not None:
            yield accepted


def _jsonl_ids(path: Path, name: str, tally: _Tally) -> Iterator[tuple[str | None, int]]:  # noqa: ARG001 - as _csv_ids
    """Each record line's id as :func:`_jsonl` reads it (or ``None``), and its line."""
    for number, raw, _ in _jsonl_lines(path, tally):
        yield _raw_id(raw), number


def _whole(notice: Notice) -> FieldProblem:
    """A problem of the record as a whole (no field), from its notice."""
    return FieldProblem.of("", notice.code, **notice.params)


def _decoded_lines(stream: Iterable[bytes | None], file: str, limit: int) -> Iterator[str]:
    for number, raw_line in enumerate(stream, start=1):
        if raw_line is None:
            _refuse("file_line_too_long", file=file, line=number, limit=limit)
        line_bytes = raw_line.removeprefix(_BOM) if number == 1 else raw_line
        try:
            yield line_bytes.decode("utf-8")
        except UnicodeDecodeError as exc:
            byte = line_bytes[exc.start]
            _refuse("csv_not_utf8", file=file, line=number, byte=byte)


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
        _refuse("csv_no_header", file=file, record_type=name, count=len(header), columns=columns)
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
        _refuse("csv_columns", file=file, faults=tuple(faults), record_type=name, columns=columns)
    return tuple(by_name[h] for h in header)


def _csv_problem(problem: FieldProblem) -> FieldProblem:
    # A required key is missing from a CSV record because its cell (or part) is empty.
    if problem.code != "missing_key":
        return problem
    path = problem.field
    return FieldProblem.of(path, "empty_cell" if path == _root(path) else "empty_part")


def _csv_problems(
    name: str, header: tuple[_csvcells.Column, ...], cells: list[str]
) -> tuple[dict[str, Any], Record | None, list[FieldProblem]]:
    cls = RECORD_TYPES[name]
    data, cell_problems = _csvcells.decode_row(header, cells)
    record, problems = _structure(cls, data)
    if not cell_problems and not problems:
        return data, record, []
    unread = {_root(p.field) for p in cell_problems}
    problems = [_csv_problem(p) for p in problems if _root(p.field) not in unread]
    order = _FIELD_ORDER[cls]
    merged = sorted(
        [*cell_problems, *problems], key=lambda p: order.get(_root(p.field), len(order))
    )
    return data, None, merged


def _csv_rows(
    path: Path, name: str, tally: _Tally, *, notes: bool = True
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
            _refuse("csv_empty_file", file=file, columns=columns)
        # Excel set to Vietnamese (or any locale whose decimal mark is a comma) separates
        # cells with ';'. The header names several columns, so it holds the separator.
        delimiter = "," if "," in first else ";"
        reader = csv.reader(itertools.chain([first], decoded), delimiter=delimiter, strict=True)
        try:
            header = _csv_header(file, name, next(reader))
        except csv.Error as exc:
            _refuse("csv_not_csv", file=file, line=1, detail=str(exc))
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


def _csv(path: Path, name: str, tally: _Tally) -> Iterator[Record]:
    """The records of a CSV file, one row at a time; bad rows are rejected."""
    file = str(path)
    rows = _csv_rows(path, name, tally)
    for index, (line, header, cells, row_problems) in enumerate(rows):
        data: object = None
        record: Record | None = None
        problems = row_problems
        if cells is not None:
            data, record, problems = _csv_problems(name, header, cells)
        accepted = tally.account(name, data, record, problems, file=file, line=line, index=index)
        if accepted is not None:
            yield accepted


def _csv_ids(path: Path, name: str, tally: _Tally) -> Iterator[tuple[str | None, int]]:
    """Each row's id as :func:`_csv` reads it (or ``None``), and its line."""
    for line, header, cells, _ in _csv_rows(path, name, tally, notes=False):
        data = None if cells is None else _csvcells.decode_row(header, cells)[0]
        yield _raw_id(data), line


def _xlsx(path: Path, name: str, tally: _Tally) -> Iterator[Record]:
    """The records of one sheet of an Excel workbook (:mod:`threeno.io.xlsx`)."""
    from threeno.io import xlsx  # noqa: PLC0415 - it imports this module

    return xlsx.sheet_records(path, name, tally)


def _xlsx_ids(path: Path, name: str, tally: _Tally) -> Iterator[tuple[str | None, int]]:
    """The ids of one sheet of an Excel workbook, and their rows."""
    from threeno.io import xlsx  # noqa: PLC0415 - it imports this module

    return xlsx.sheet_ids(path, name, tally)


_READERS: Final = {"jsonl": _jsonl, "csv": _csv, "xlsx": _xlsx}
#: The ids of a file's records, read without making them (a stream's first pass).
_ID_READERS: Final = {"jsonl": _jsonl_ids, "csv": _csv_ids, "xlsx": _xlsx_ids}
#: The files a stream reads: JSON Lines, CSV, and one sheet of an Excel workbook.
_STREAMED: Final = {**_SUFFIXES, ".xlsx": "xlsx"}


def _file_type(path: Path) -> tuple[str, str]:
    """The record type and format of a JSON Lines or CSV file, from its name."""
    fmt = _SUFFIXES.get(path.suffix)
    if fmt is None or path.stem not in RECORD_TYPES:
        _refuse("not_a_records_file", file=str(path), types=_TYPES)
    return path.stem, fmt


# -- sources ---------------------------------------------------------------------------


def _sort_folder(folder: Path) -> tuple[dict[str, Path], set[str], list[str], list[str]]:
    """A folder's files of records (by file name), their formats, unknown and ignored names."""
    found: dict[str, Path] = {}
    formats: set[str] = set()
    unknown: list[str] = []
    ignored: list[str] = []
    for path in list_folder(folder, DatasetError):
        if path.name.startswith("."):
            continue  # hidden files (.DS_Store, editors' backups) are the system's
        suffix = path.suffix.lower()
        if path.stem in RECORD_TYPES and path.suffix in _SUFFIXES:
            # Named as records: it must be a regular file (a device or a named pipe of that
            # name is refused, never opened; so is a folder).
            if input_kind(path, DatasetError) == FOLDER:
                _refuse("input_is_folder", path=str(path))
            found[path.stem + path.suffix] = path
            formats.add(_SUFFIXES[path.suffix])
        elif not path.is_file() or suffix not in {".jsonl", ".csv", ".json"}:
            ignored.append(path.name)
        else:
            unknown.append(path.name)
    return found, formats, unknown, ignored


def _read_folder(folder: Path, tally: _Tally) -> dict[str, list[Any]]:
    found, formats, unknown, ignored = _sort_folder(folder)
    if unknown:
        suffix = f".{formats.pop()}" if len(formats) == 1 else ".jsonl"
        names = ", ".join(repr(u) for u in unknown)
        _refuse("unknown_files", folder=str(folder), names=names, expected=_expected_files(suffix))
    if len(formats) > 1:
        _refuse("mixed_formats", folder=str(folder))
    if not formats:
        _refuse("no_record_files", folder=str(folder), expected=_expected_files(".jsonl"))
    fmt = formats.pop()
    suffix = f".{fmt}"
    read = _READERS[fmt]
    records: dict[str, list[Any]] = {}
    for name in RECORD_TYPES:
        file = found.get(name + suffix)
        if file is None:
            note = Notice("file_missing", {"file": f"{name}{suffix}", "record_type": name})
            tally.notes.append(note)
            continue
        records[name] = list(read(file, name, tally))
    tally.notes.extend(
        Notice("file_ignored", {"folder": str(folder), "name": name}) for name in ignored
    )
    return records


def _records_of(where: str | Notice, name: str, items: object) -> Iterable[object]:
    if isinstance(items, str | bytes | Mapping) or not isinstance(items, Iterable):
        _refuse("records_not_list", where=where, name=name, type=_kind(items))
    return items


def _read_document(document: object, tally: _Tally, file: str | None) -> dict[str, list[Any]]:
    where: str | Notice = file or Notice("the_document")
    if not isinstance(document, Mapping):
        _refuse("document_not_object", where=where, schema=SCHEMA, type=_kind(document))
    if "schema" not in document:
        _refuse("no_schema", where=where, schema=SCHEMA)
    version = document["schema"]
    if version not in READABLE_SCHEMAS:
        readable = ", ".join(READABLE_SCHEMAS)
        _refuse("unknown_schema", where=where, version=version, readable=readable)
    unknown = [key for key in document if key != "schema" and key not in RECORD_TYPES]
    if unknown:
        keys = ", ".join(repr(k) for k in unknown)
        _refuse("unknown_document_keys", where=where, keys=keys, types=_TYPES)
    records: dict[str, list[Any]] = {}
    for name in RECORD_TYPES:
        items = _records_of(where, name, document.get(name, ()))
        accepted = [
            tally.take(name, raw, file=file, line=None, index=i) for i, raw in enumerate(items)
        ]
        records[name] = [r for r in accepted if r is not None]
    return records


def _read_json_file(path: Path, tally: _Tally) -> dict[str, list[Any]]:
    depth = tally.limits.depth
    limit = tally.limits.document_bytes
    refuse = _too_large(path, limit, "document_too_large")
    data = read_input(path, limit, DatasetError, refuse).removeprefix(_BOM)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        _refuse("document_not_utf8", file=str(path), line=line, byte=data[exc.start])
    if not text.strip(_JSON_SPACE):
        _refuse("empty_document", file=str(path), schema=SCHEMA)
    try:
        document = _loads(text)
    except (ValueError, RecursionError) as exc:
        _refuse_document(path, exc, depth)
    if too_deep(document, depth, text):
        _refuse("document_json_problem", file=str(path), problem=_too_deep(depth))
    return _read_document(document, tally, str(path))


def _read_iterable(items: Iterable[object], tally: _Tally) -> dict[str, list[Any]]:
    records: dict[str, list[Any]] = {name: [] for name in RECORD_TYPES}
    positions = dict.fromkeys(RECORD_TYPES, 0)
    for i, item in enumerate(items):
        if not isinstance(item, Mapping):
            _refuse("record_not_a_dict", index=i, type=_kind(item))
        name = item.get(RECORD_TYPE_KEY)
        if name is None:
            _refuse("record_type_missing", index=i, types=_TYPES)
        if not isinstance(name, str) or name not in RECORD_TYPES:
            _refuse("record_type_unknown", index=i, name=name, types=_TYPES)
        raw = {k: v for k, v in item.items() if k != RECORD_TYPE_KEY}
        record = tally.take(name, raw, file=None, line=None, index=positions[name])
        positions[name] += 1
        if record is not None:
            records[name].append(record)
    return records


def _read(source: object, tally: _Tally) -> tuple[str, dict[str, list[Any]]]:
    if isinstance(source, str | os.PathLike):
        path = Path(source)

        def missing() -> NoReturn:
            _refuse("no_such_path", path=str(path))

        if input_kind(path, DatasetError, missing=missing) == FOLDER:
            return str(path), _read_folder(path, tally)
        if path.suffix == ".json":
            return str(path), _read_json_file(path, tally)
        if path.suffix.lower() == ".xlsx":
            from threeno.io import xlsx  # noqa: PLC0415 - it imports this module

            return str(path), xlsx.read_workbook(path, tally)
        name, fmt = _file_type(path)
        return str(path), {name: list(_READERS[fmt](path, name, tally))}
    if isinstance(source, Mapping):
        return "the document", _read_document(source, tally, None)
    if isinstance(source, Iterable) and not isinstance(source, bytes):
        return "the records", _read_iterable(source, tally)
    _refuse("cannot_load", type=type(source).__name__)


def load_dataset(
    source: str | os.PathLike[str] | Mapping[str, Any] | Iterable[Mapping[str, Any]],
    *,
    plan: HasRegistry | UnitLookup | None = None,
    strict: bool = False,
    limits: LoadLimits = DEFAULT_LIMITS,
) -> tuple[Dataset, LoadReport]:
    """Load a dataset, accounting for every record read.

    Every record is accepted or rejected, and every rejection says why, with its file,
    line (or index) and the path of each field at fault; a bad record does not stop the
    load. Every record whose id repeats within its type is rejected, each naming the
    others' places (``duplicate_id``), so that the order of the records never changes
    the result. At most ``limits.max_rejections`` rejections are listed, the first read;
    the others are counted by code. The problems between accepted records (:meth:`Dataset.validate
    <threeno.model.dataset.Dataset.validate>`: unknown subjects, reports and cases, and
    with a plan or unit registry, unit codes not valid on the record's date) are in the
    report too, and do not remove any record.

    Args:
        source: a JSON document (``data.json``); a folder of JSON Lines or CSV files named
            after the record types; one such file (``crime_reports.csv``); an Excel
            workbook (``so-lieu.xlsx``, :mod:`threeno.io.xlsx`); the document
            as a mapping; or an iterable of dicts, each naming its type in a
            ``record_type`` key (:data:`RECORD_TYPE_KEY`).
        plan: a plan (or a unit registry) to check unit codes against.
        strict: raise instead of returning when anything was rejected or a problem
            found.
        limits: the largest files and lines, and the deepest nesting, read
            (:class:`LoadLimits`; :data:`DEFAULT_LIMITS` by default). A JSON Lines line
            beyond a limit is rejected; a file beyond one stops the load.

    Returns:
        The dataset of the accepted records, and the load report.

    Raises:
        DatasetError: when the source cannot be read as a whole (no such file, not
            UTF-8 or not JSON for a whole document, an unknown schema version or key,
            an unknown file name in a folder, a CSV file with a missing or extra
            column, a file beyond ``limits``, ``limits`` not a :class:`LoadLimits`);
            with ``strict=True``, a
            :class:`~threeno.io.report.LoadReportError` carrying the whole report when a
            record was rejected or a problem found.

    Plan clauses: IV.2; the data dictionary (``generated/data-dictionary``).

    .. versionadded:: 0.1.0
    """
    check_limits(limits, "load_dataset")
    tally = _Tally(limits=limits, file_limit=limits.file_bytes)
    # Pausing the cyclic garbage collector while millions of records are made saves a
    # fifth of the time (docs/performance.md); it is restarted whatever happens.
    collecting = gc.isenabled()
    gc.disable()
    try:
        label, records = _read(source, tally)
        tally.finish(records)  # every copy of a repeated id rejected, whatever the order
        dataset = Dataset(**records)
    finally:
        if collecting:
            gc.enable()
    if plan is None:
        tally.notes.append(Notice("units_not_checked"))
    report = tally.report(label, dataset.validate(plan))
    if strict and not report.ok:
        raise LoadReportError(report)
    return dataset, report


class RecordStream(Generic[R]):
    """The records of one file, read one at a time; :attr:`report` accounts for them.

    Made by :func:`iter_records`. Iterating gives the accepted records in file order;
    bad lines are rejected exactly as :func:`load_dataset` rejects them, and
    :attr:`report` gives the counts and rejections so far. Use it in a ``with`` block,
    or call :meth:`close`, to close the file before the end.

    To reject every copy of a repeated id, as :func:`load_dataset` does, the file is
    read twice when ``check_duplicates`` is on: a first pass, at the first record asked
    for, reads each line's id only (as JSON, not as a record) and keeps the ids that
    repeat; the second makes the records.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 every copy of a repeated id is rejected (a first pass).
    """

    # pathlib.Path, not Path: Sphinx resolves a generic class's __init__ annotations
    # without the module's names.
    def __init__(
        self,
        path: pathlib.Path,
        name: str,
        *,
        check_duplicates: bool,
        limits: LoadLimits = DEFAULT_LIMITS,
    ) -> None:
        """Prepare to read ``path`` as records of type ``name``; nothing is read yet."""
        self.path = path
        self.record_type = name
        self._known: dict[str, _Ids] = {}
        self._tally = _Tally(check_duplicates=False, limits=limits, known=self._known)
        self._records: Iterator[Record] = self._read(check_duplicates=check_duplicates)

    def _read(self, *, check_duplicates: bool) -> Iterator[Record]:
        """The records, after a first pass for the repeated ids (run at the first ``next``)."""
        fmt = _STREAMED[self.path.suffix.lower()]
        if check_duplicates:
            ids = _Ids()
            first_pass = _Tally(check_duplicates=False, limits=self._tally.limits)
            for record_id, place in _ID_READERS[fmt](self.path, self.record_type, first_pass):
                if record_id is not None:
                    ids.add(record_id, place)
            self._known[self.record_type] = ids.repeats()
        yield from _READERS[fmt](self.path, self.record_type, self._tally)

    def __iter__(self) -> Self:
        """The stream itself: it is its own iterator."""
        return self

    def __next__(self) -> R:
        """The next accepted record."""
        return next(self._records)  # type: ignore[return-value]  # the file holds R records

    @property
    def report(self) -> LoadReport:
        """The report of what was read so far (counts of this type, rejections, notes)."""
        return self._tally.report(str(self.path))

    def close(self) -> None:
        """Close the file; the stream then gives no more records."""
        close = getattr(self._records, "close", None)
        if close is not None:
            close()

    def __enter__(self) -> Self:
        """Use the stream in a ``with`` block, which closes it."""
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """Close the file."""
        self.close()


@overload
def iter_records(
    path: str | os.PathLike[str],
    record_type: type[R],
    *,
    check_duplicates: bool = True,
    limits: LoadLimits = DEFAULT_LIMITS,
) -> RecordStream[R]: ...
@overload
def iter_records(
    path: str | os.PathLike[str],
    record_type: str,
    *,
    check_duplicates: bool = True,
    limits: LoadLimits = DEFAULT_LIMITS,
) -> RecordStream[Record]: ...
def iter_records(
    path: str | os.PathLike[str],
    record_type: str | type[Any],
    *,
    check_duplicates: bool = True,
    limits: LoadLimits = DEFAULT_LIMITS,
) -> RecordStream[Any]:
    """Stream the records of one JSON Lines (or CSV) file, one line at a time.

    Or of one sheet of an Excel workbook, one row at a time (:mod:`threeno.io.xlsx`).

    For the engine's streaming mode: memory stays flat, on good lines as on bad ones (at
    most ``limits.max_rejections`` rejections are kept), apart from the ids of a first
    pass over the file that finds the ids repeated (about a hundred bytes per record
    during that pass; the second keeps only the repeated ones), so that every copy of a
    repeated id is rejected, as :func:`load_dataset` rejects them.
    ``check_duplicates=False`` reads the file once and keeps no id, when the file is
    known to have unique ids.

    >>> from threeno.model.crime import CrimeReport
    >>> stream = iter_records("crime_reports.jsonl", CrimeReport)  # doctest: +SKIP
    >>> for report in stream:  # doctest: +SKIP
    ...     ...
    >>> print(stream.report)  # doctest: +SKIP

    Args:
        path: a ``.jsonl`` (or ``.csv``) file of one record type, or an Excel workbook
            (``.xlsx``), whose sheet of ``record_type`` is read.
        record_type: the type, by class (``CrimeReport``) or interchange name
            (``"crime_reports"``).
        check_duplicates: whether to reject every record whose id repeats in the file
            (which reads it twice).
        limits: the longest line and deepest nesting read (:class:`LoadLimits`; the
            file itself may be of any size, since it is streamed).

    Returns:
        A :class:`RecordStream` of the accepted records; its ``report`` accounts for
        every line read so far.

    Raises:
        DatasetError: when the file does not exist or is not ``.jsonl`` or ``.csv``, the
            record type is unknown, or ``limits`` is not a :class:`LoadLimits`; while
            iterating a CSV file, when its header is wrong, or a line is not UTF-8 or
            longer than ``limits.line_bytes``.

    Plan clauses: IV.2; the architecture page (one streaming pass).

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 every copy of a repeated id is rejected (two passes).
    """
    check_limits(limits, "iter_records")
    names = {cls: name for name, cls in RECORD_TYPES.items()}
    name = record_type if isinstance(record_type, str) else names.get(record_type, "")
    if name not in RECORD_TYPES:
        _refuse("unknown_record_type", value=record_type, types=_TYPES)
    file = Path(path)

    def missing() -> NoReturn:
        _refuse("no_such_file", file=str(file))

    if input_kind(file, DatasetError, missing=missing) == FOLDER:
        _refuse("input_is_folder", path=str(file))
    if file.suffix.lower() not in _STREAMED:
        _refuse("not_streamable", file=str(file))
    return RecordStream(file, name, check_duplicates=check_duplicates, limits=limits)


# -- writing ---------------------------------------------------------------------------


def _plain(record: Record, *, personal_data: bool) -> dict[str, Any]:
    """A record's JSON form, the one every format writes; personal data only if asked."""
    data: dict[str, Any] = CONVERTER.unstructure(record)  # a new dict: ours to change
    if not personal_data:
        # As if redacted: an absent optional value, left out (JSON) or an empty cell (CSV).
        for name in _sensitive(type(record)):
            data.pop(name, None)
    return data


def _json_lines(records: Iterable[Record], *, compact: bool, personal_data: bool) -> Iterator[str]:
    separators = (",", ":") if compact else (", ", ": ")
    for record in records:
        data = _plain(record, personal_data=personal_data)
        yield json.dumps(data, ensure_ascii=False, separators=separators)


def _write_document(
    dataset: Dataset, path: Path, inputs: tuple[Path, ...], *, personal_data: bool
) -> None:
    with atomic_open(path, inputs=inputs) as out:
        out.write(f'{{\n  "schema": {json.dumps(SCHEMA)}')
        for name in RECORD_TYPES:
            records: tuple[Record, ...] = getattr(dataset, name)
            if not records:
                out.write(f',\n  "{name}": []')
                continue
            out.write(f',\n  "{name}": [')
            encoded = _json_lines(records, compact=False, personal_data=personal_data)
            for i, line in enumerate(encoded):
                out.write(f"{',' if i else ''}\n    {line}")
            out.write("\n  ]")
        out.write("\n}\n")


def _write_jsonl(
    records: tuple[Record, ...], path: Path, inputs: tuple[Path, ...], *, personal_data: bool
) -> None:
    with atomic_open(path, inputs=inputs) as out:
        for line in _json_lines(records, compact=True, personal_data=personal_data):
            out.write(line + "\n")


def _write_csv(
    records: tuple[Record, ...],
    path: Path,
    name: str,
    inputs: tuple[Path, ...],
    *,
    personal_data: bool,
) -> None:
    header = _COLUMNS[name]
    # With the byte-order mark, Excel opens the file as UTF-8 (Vietnamese stays legible).
    with atomic_open(path, inputs=inputs, encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow([c.name for c in header])
        for record in records:
            data = _plain(record, personal_data=personal_data)
            try:
                writer.writerow(_csvcells.encode_record(header, data))
            except ValueError as exc:
                msg = f"{path}: {name} id {record.id!r}: {exc}"
                raise DatasetError(msg) from None


def dump_dataset(
    dataset: Dataset,
    target: str | os.PathLike[str],
    format: str,  # noqa: A002 - the word the interchange format's documentation uses
    *,
    inputs: Iterable[str | os.PathLike[str]] = (),
    personal_data: bool = False,
) -> tuple[Path, ...]:
    """Write a dataset as a JSON document, or a folder of JSON Lines or CSV files.

    The output is deterministic: records sorted by id (as the dataset holds them), keys
    in the order of the model's fields, absent optional values left out (JSON) or empty
    (CSV), UTF-8. Every record type is written, so a folder written again leaves no
    stale file behind: an empty type is an empty JSON Lines file, or a CSV file with only
    its header.

    **Personal data is left out by default.** The fields the model marks sensitive
    (``threeno.model._base.is_sensitive``: a subject's ``full_name``,
    ``national_id`` and ``phone``) are written as if absent: no key in JSON, an empty
    cell in CSV (the columns stay, so the format does not change). Loading the files
    back gives :func:`threeno.privacy.redact` of the dataset, not the dataset itself.
    ``personal_data=True`` writes them, and loading the files back then gives an equal
    dataset: use it only for a transfer between trusted systems of one agency (a backup,
    a move to a new server), never for files that leave it. Ids are written either way;
    for files that leave the agency, also replace them with
    :func:`threeno.privacy.pseudonymise`.

    Each file is written atomically: to a temporary file beside it, then renamed over
    it, so an interrupted or failed write leaves the old file (or none), never half a
    file. A folder is written file by file: an interruption may leave some record
    types new and others old, each file whole. No file is written over one of
    ``inputs``, nor inside an input folder.

    Args:
        dataset: the records to write.
        target: the ``.json`` file (format ``json``) or the folder (``jsonl``, ``csv``;
            made if missing).
        format: ``"json"``, ``"jsonl"`` or ``"csv"`` (:data:`FORMATS`).
        inputs: the files and folders the dataset was read from, which the output
            must not overwrite (a command passes its sources).
        personal_data: write the sensitive fields too (``True`` or ``False``; by
            default they are left out). Only between trusted systems of one agency.

    Returns:
        The files written, in the data dictionary's order of record types.

    Raises:
        DatasetError: for an unknown format, a ``personal_data`` that is not ``True``
            or ``False``, a folder target that is a file, or a value a CSV cell cannot
            hold so that it reads back the same (a list item with ``;``).
        OutputError: (:class:`threeno.errors.OutputError`) when a file would be
            written over an input or inside an input folder, or over anything that is
            not a regular file (a device, a named pipe, a folder), or when the folder
            cannot be made or a file cannot be written (naming the path and the
            system's reason).

    Plan clauses: IV.2; the data dictionary (``generated/data-dictionary``) and
    "Quality bars" (personal data never leaves); Nghị định 13/2023/NĐ-CP (personal
    data).

    .. versionadded:: 0.1.0
    """
    if format not in FORMATS:
        msg = f"unknown format {format!r}; threeno writes {', '.join(FORMATS)}"
        raise DatasetError(msg)
    given: object = personal_data  # a caller without a type checker may pass "no"
    if not isinstance(given, bool):
        msg = f"dump_dataset: personal_data must be True or False, not {type(given).__name__}"
        raise DatasetError(msg)
    path = Path(target)
    sources = tuple(Path(i) for i in inputs)
    if format == "json":
        _write_document(dataset, path, sources, personal_data=personal_data)
        return (path,)
    if path.exists() and not path.is_dir():
        _refuse("output_not_a_folder", path=str(path), format=format)
    names = [f"{name}.{format}" for name in RECORD_TYPES]
    check_output_folder(path, names, sources)  # refuse before writing anything
    make_folder(path)
    written = []
    for name in RECORD_TYPES:
        file = path / f"{name}.{format}"
        records: tuple[Record, ...] = getattr(dataset, name)
        if format == "jsonl":
            _write_jsonl(records, file, sources, personal_data=personal_data)
        else:
            _write_csv(records, file, name, sources, personal_data=personal_data)
        written.append(file)
    return tuple(written)
