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

import gc
import os
import pathlib
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Generic, NoReturn, Self, overload

from threeno.errors import DatasetError
from threeno.io._files import FOLDER, input_kind, list_folder, read_input
from threeno.io._idscan import find_repeats, tally_ids
from threeno.io._json import BOM, JSON_SPACE, loads, refuse_document, too_deep_problem
from threeno.io._limits import LoadLimits, check_limits, refuse, too_deep, too_large
from threeno.io._ranges import ByteRange
from threeno.io._record_files import READERS, STREAMED, SUFFIXES, TYPE_NAMES, file_type
from threeno.io._tally import Ids, Tally
from threeno.io._writing import write_document, write_folder
from threeno.io.report import LoadReport, LoadReportError
from threeno.messages import Notice
from threeno.model._sharing import keeping_all
from threeno.model.dataset import RECORD_TYPES, Dataset, HasRegistry, R, Record, UnitLookup

if TYPE_CHECKING:
    from types import TracebackType

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
#: The limits used when none are given (a 256 MiB JSON document, 2 GiB JSON Lines or
#: CSV files, 1 MiB lines, 32 levels of nesting, 1,000 rejections listed).
DEFAULT_LIMITS: Final = LoadLimits()


def _kind(value: object) -> str:
    # JSON's words for JSON's values, Python's for anything else.
    names: dict[type[Any], str] = {dict: "object", list: "list", str: "text"}
    return names.get(type(value)) or type(value).__name__


def _expected_files(suffix: str) -> str:
    return ", ".join(f"{name}{suffix}" for name in RECORD_TYPES)


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
        if path.stem in RECORD_TYPES and path.suffix in SUFFIXES:
            # Named as records: it must be a regular file (a device or a named pipe of that
            # name is refused, never opened; so is a folder).
            if input_kind(path, DatasetError) == FOLDER:
                refuse("input_is_folder", path=str(path))
            found[path.stem + path.suffix] = path
            formats.add(SUFFIXES[path.suffix])
        elif not path.is_file() or suffix not in {".jsonl", ".csv", ".json"}:
            ignored.append(path.name)
        else:
            unknown.append(path.name)
    return found, formats, unknown, ignored


def _read_folder(folder: Path, tally: Tally) -> dict[str, list[Any]]:
    found, formats, unknown, ignored = _sort_folder(folder)
    if unknown:
        suffix = f".{formats.pop()}" if len(formats) == 1 else ".jsonl"
        names = ", ".join(repr(u) for u in unknown)
        refuse("unknown_files", folder=str(folder), names=names, expected=_expected_files(suffix))
    if len(formats) > 1:
        refuse("mixed_formats", folder=str(folder))
    if not formats:
        refuse("no_record_files", folder=str(folder), expected=_expected_files(".jsonl"))
    fmt = formats.pop()
    suffix = f".{fmt}"
    read = READERS[fmt]
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
        refuse("records_not_list", where=where, name=name, type=_kind(items))
    return items


def _read_document(document: object, tally: Tally, file: str | None) -> dict[str, list[Any]]:
    where: str | Notice = file or Notice("the_document")
    if not isinstance(document, Mapping):
        refuse("document_not_object", where=where, schema=SCHEMA, type=_kind(document))
    if "schema" not in document:
        refuse("no_schema", where=where, schema=SCHEMA)
    version = document["schema"]
    if version not in READABLE_SCHEMAS:
        readable = ", ".join(READABLE_SCHEMAS)
        refuse("unknown_schema", where=where, version=version, readable=readable)
    unknown = [key for key in document if key != "schema" and key not in RECORD_TYPES]
    if unknown:
        keys = ", ".join(repr(k) for k in unknown)
        refuse("unknown_document_keys", where=where, keys=keys, types=TYPE_NAMES)
    records: dict[str, list[Any]] = {}
    for name in RECORD_TYPES:
        items = _records_of(where, name, document.get(name, ()))
        accepted = [
            tally.take(name, raw, file=file, line=None, index=i) for i, raw in enumerate(items)
        ]
        records[name] = [r for r in accepted if r is not None]
    return records


def _read_json_file(path: Path, tally: Tally) -> dict[str, list[Any]]:
    depth = tally.limits.depth
    limit = tally.limits.document_bytes
    refuse_size = too_large(path, limit, "document_too_large")
    data = read_input(path, limit, DatasetError, refuse_size).removeprefix(BOM)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        refuse("document_not_utf8", file=str(path), line=line, byte=data[exc.start])
    if not text.strip(JSON_SPACE):
        refuse("empty_document", file=str(path), schema=SCHEMA)
    try:
        document = loads(text)
    except (ValueError, RecursionError) as exc:
        refuse_document(path, exc, depth)
    if too_deep(document, depth, text):
        refuse("document_json_problem", file=str(path), problem=too_deep_problem(depth))
    return _read_document(document, tally, str(path))


def _read_iterable(items: Iterable[object], tally: Tally) -> dict[str, list[Any]]:
    records: dict[str, list[Any]] = {name: [] for name in RECORD_TYPES}
    positions = dict.fromkeys(RECORD_TYPES, 0)
    for i, item in enumerate(items):
        if not isinstance(item, Mapping):
            refuse("record_not_a_dict", index=i, type=_kind(item))
        name = item.get(RECORD_TYPE_KEY)
        if name is None:
            refuse("record_type_missing", index=i, types=TYPE_NAMES)
        if not isinstance(name, str) or name not in RECORD_TYPES:
            refuse("record_type_unknown", index=i, name=name, types=TYPE_NAMES)
        raw = {k: v for k, v in item.items() if k != RECORD_TYPE_KEY}
        record = tally.take(name, raw, file=None, line=None, index=positions[name])
        positions[name] += 1
        if record is not None:
            records[name].append(record)
    return records


def _read(source: object, tally: Tally) -> tuple[str, dict[str, list[Any]]]:  # noqa: RET503 - refuse() never returns
    if isinstance(source, str | os.PathLike):
        path = Path(source)

        def missing() -> NoReturn:
            refuse("no_such_path", path=str(path))

        if input_kind(path, DatasetError, missing=missing) == FOLDER:
            return str(path), _read_folder(path, tally)
        if path.suffix == ".json":
            return str(path), _read_json_file(path, tally)
        if path.suffix.lower() == ".xlsx":
            from threeno.io import xlsx  # noqa: PLC0415 - it imports this module

            return str(path), xlsx.read_workbook(path, tally)
        name, fmt = file_type(path)
        return str(path), {name: list(READERS[fmt](path, name, tally))}
    if isinstance(source, Mapping):
        return "the document", _read_document(source, tally, None)
    if isinstance(source, Iterable) and not isinstance(source, bytes):
        return "the records", _read_iterable(source, tally)
    refuse("cannot_load", type=type(source).__name__)


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
    tally = Tally(limits=limits, file_limit=limits.file_bytes)
    # Pausing the cyclic garbage collector while millions of records are made saves a
    # fifth of the time (docs/performance.md); it is restarted whatever happens.
    # Every record is kept: equal values (ids and the references to them) are shared
    # however far apart they are read (threeno.model._sharing).
    collecting = gc.isenabled()
    gc.disable()
    try:
        with keeping_all():
            label, records = _read(source, tally)
        tally.finish(records)  # every copy of a repeated id rejected, whatever the order
        dataset = Dataset(**records)
    finally:
        if collecting:
            gc.enable()
    if plan is None:
        tally.notes.append(Notice("units_not_checked"))
    problems = dataset.validate(plan)
    if tally.columns:
        # Read from a workbook: each problem named by sheet, row and column.
        from threeno.io import xlsx  # noqa: PLC0415 - it imports this module

        problems = xlsx.locate(problems, tally)
    report = tally.report(label, problems)
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
    for, reads each line's id only (as JSON, not as a record) and finds the ids that
    repeat (as 64-bit digests, each hit checked exactly by reading the ids again:
    :func:`threeno.io.partitions.find_repeats`, the code a folder's byte ranges use);
    the second makes the records.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 every copy of a repeated id is rejected (a first pass).
    .. versionchanged:: 0.2.0 the first pass keeps 64-bit digests, not the ids.
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
        self._known: dict[str, Ids] = {}
        self._tally = Tally(check_duplicates=False, limits=limits, known=self._known)
        self._records: Iterator[Record] = self._read(check_duplicates=check_duplicates)

    def _read(self, *, check_duplicates: bool) -> Iterator[Record]:
        """The records, after a first pass for the repeated ids (run at the first ``next``)."""
        fmt = STREAMED[self.path.suffix.lower()]
        if check_duplicates:
            whole = ByteRange(path=str(self.path), record_type=self.record_type, format=fmt)
            repeats = find_repeats((whole,), self._tally.limits)
            self._known[self.record_type] = tally_ids(repeats, self.record_type)
        yield from READERS[fmt](self.path, self.record_type, self._tally)

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
    pass over the file that finds the ids repeated (each id as an 8-byte digest, about
    17 bytes per record at the peak of that pass, 17 MB at a million; a digest seen
    twice is checked exactly by reading the file's ids once more, so a third read when
    the file has a repeated id; the second pass keeps only the repeated ids), so that
    every copy of a repeated id is rejected, as :func:`load_dataset` rejects them.
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
        refuse("unknown_record_type", value=record_type, types=TYPE_NAMES)
    file = Path(path)

    def missing() -> NoReturn:
        refuse("no_such_file", file=str(file))

    if input_kind(file, DatasetError, missing=missing) == FOLDER:
        refuse("input_is_folder", path=str(file))
    if file.suffix.lower() not in STREAMED:
        refuse("not_streamable", file=str(file))
    return RecordStream(file, name, check_duplicates=check_duplicates, limits=limits)


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
    (``threeno.model._personal.is_sensitive``: a subject's ``full_name``,
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
        write_document(dataset, path, sources, schema=SCHEMA, personal_data=personal_data)
        return (path,)
    return write_folder(dataset, path, format, sources, personal_data=personal_data)
