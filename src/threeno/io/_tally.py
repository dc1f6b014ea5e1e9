"""The accounting of one load or stream: records read, accepted, rejected, and why.

Every record read is accepted or rejected (:class:`Tally`), and a rejection names its
file, line or index, its id (masked when it holds the record's own personal data) and
each problem, with every personal value of the record masked. Repeated ids are
resolved here (:class:`Ids`): every copy of an id that repeats within its type is
rejected, naming the other places, whatever the order of the records. The readers of
:mod:`threeno.io.datasets` feed it; :meth:`Tally.report` makes the
:class:`~threeno.io.report.LoadReport`.
"""

from __future__ import annotations

import array
import functools
import unicodedata
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Final

import attrs

from threeno.io.converter import coded_problems, shared_converter
from threeno.io.report import FieldProblem, LoadReport, Rejection, TypeCounts
from threeno.messages import Notice
from threeno.model._base import unprintable
from threeno.model._personal import (
    REDACTED,
    Masker,
    masker,
    masker_of,
    scrub_params,
    sensitive_fields,
)
from threeno.model.dataset import RECORD_TYPES, R, Record

if TYPE_CHECKING:
    from cattrs.preconf.json import JsonConverter

    from threeno.io._limits import LoadLimits
    from threeno.model.dataset import Problem

__all__ = ["KEPT_PLACES", "Ids", "Tally", "raw_id", "structure"]


@functools.cache
def _fast() -> JsonConverter:
    # A call without arguments: the cheapest cached look-up, once per record.
    return shared_converter(detailed_validation=False)


def structure(cls: type[R], raw: object) -> tuple[R | None, list[FieldProblem]]:
    """The record, or ``None`` and every problem (path relative to the record)."""
    # The fast converter stops at the first problem; a record that fails is structured
    # again by the detailed one only to say why. Both are made on first use.
    # Whatever goes wrong in making one record is that record's rejection, never the end
    # of the load (the data-exchange guide: a bad record does not stop it): a broad catch.
    try:
        return _fast().structure(raw, cls), []
    except Exception as fast_error:  # noqa: BLE001 - see above
        try:
            shared_converter().structure(raw, cls)
        except Exception as exc:  # noqa: BLE001 - see above
            return None, list(coded_problems(exc))
        # The two converters disagree; never expected, but never a silent acceptance.
        problem = FieldProblem.of("", "unreadable", type=type(fast_error).__name__)
        return None, [problem]  # pragma: no cover


def raw_id(raw: object) -> str | None:
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
    return masker(raw.get(name) for name in sensitive_fields(cls))


def _scrub(found: Masker, problems: list[FieldProblem]) -> list[FieldProblem]:
    """The problems, with every personal value of the record masked (the privacy guide).

    In the message, in its params (so that no language quotes it) and in the field's
    path too (a key that is the record's own name); in any case, spacing or Unicode form
    (:class:`~threeno.model._personal.Masker`).
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
KEPT_PLACES: Final = 6
_SHOWN_PLACES: Final = 5


class Ids:
    """Where the ids of one record type were read: every id's first place, repeats apart.

    A place is a line (files of lines) or an index among the type's records. Memory per
    id is one dictionary entry; a repeated id keeps at most ``KEPT_PLACES`` places and
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
        if len(kept) < KEPT_PLACES:
            kept.append(place)
        self.copies[record_id] += 1

    def repeats(self) -> Ids:
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


class Tally:
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
        limits: LoadLimits,
        check_duplicates: bool = True,
        file_limit: int | None = None,
        known: Mapping[str, Ids] | None = None,
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
        self.ids: dict[str, Ids] | None = None
        self.accepted_lines: dict[str, array.array[int]] = {}
        self.accepted_indexes: dict[str, array.array[int]] = {}
        self.files: dict[str, str | None] = {}
        self.sheets: dict[str, str | None] = {}
        # The columns of each record type read from a workbook's sheet: field name to
        # (position, header as written), to name a problem's column (threeno.io.xlsx).
        self.columns: dict[str, Mapping[str, tuple[int, str]]] = {}
        if check_duplicates and known is None:
            self.ids = {name: Ids() for name in RECORD_TYPES}
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
        record_id = record.id if record is not None else raw_id(raw)
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
        record, problems = structure(RECORD_TYPES[name], raw)
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
