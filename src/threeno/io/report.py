"""What a dataset load did with every record: read, accepted, rejected and why.

A provincial tool feeds threeno exports from its own database or from spreadsheets;
the issue behind this module asks that every record be accounted for and every
rejection explained. :func:`threeno.io.datasets.load_dataset` returns a
:class:`LoadReport` beside the dataset: per record type, how many records were read,
accepted and rejected (``accepted + rejected == read``, always); each rejected record
with its file, line or index, id, and the path and message of each problem; the
problems between records that :meth:`Dataset.validate
<threeno.model.dataset.Dataset.validate>` found; and notes (a file absent, so no
records of its type).

Messages never quote a sensitive value (``full_name``, ``national_id``, ``phone``) nor
a whole record; only ids, codes and the faulty value of a non-sensitive field.

Every rejection reason, problem between records and note has a stable, machine-readable
code (:data:`threeno.messages.TEMPLATES`) and the params of its wording, so that a tool
matches it whatever the language, and :meth:`LoadReport.text` writes the whole report in
Vietnamese (``"vi"``) or English (``"en"``, which ``str(report)`` gives).

Plan clauses: IV.2 (agencies report to the Steering Committee: the numbers must be
traceable to the records behind them).

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping  # noqa: TC003 - attrs and Sphinx read them
from types import MappingProxyType
from typing import Final

import attrs

from threeno.errors import DatasetError, ValidationError
from threeno.lang import Lang, check_lang, number
from threeno.messages import Notice
from threeno.model.dataset import RECORD_TYPES, Problem, record_type_label

__all__ = ["FieldProblem", "LoadReport", "LoadReportError", "Rejection", "TypeCounts"]

#: How many rejections and problems ``str(report)`` lists before it says "and N more".
SHOWN: Final = 50

#: What the loader calls the sources that are not files (records given in memory), and
#: how Vietnamese says it.
_SOURCES_VI: Final = {
    "the document": "tài liệu được truyền vào",
    "the records": "các bản ghi được truyền vào",
}


def _frozen(params: Mapping[str, object]) -> Mapping[str, object]:
    return MappingProxyType(dict(params))


@attrs.frozen(kw_only=True)
class FieldProblem:
    """One problem of one record: the path of the field at fault and what is wrong.

    ``str(problem)`` is ``decided_on: 2024-01-01 is before received_on 2024-01-05``; the
    path is relative to the record (``categories[1].until``), or ``""`` for a problem
    with the record as a whole (a line that is not JSON, a row with too many cells).
    :meth:`text` writes it in Vietnamese too: ``trường decided_on: ngày 2024-01-01 không
    được trước ngày 2024-01-05 ở trường received_on``.

    Args:
        field: the path of the field at fault, e.g. ``categories[1].until``.
        message: what is wrong, in English words a data clerk understands.
        code: the message's stable code in :data:`threeno.messages.TEMPLATES`
            (``date_before``, ``unknown_key``...), or ``None`` for a message given only in
            English.
        params: the values its wording names (never a person's data: scrubbed).

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 ``code``, ``params``, :meth:`of` and :meth:`text`.
    """

    field: str
    message: str
    code: str | None = None
    params: Mapping[str, object] = attrs.field(factory=dict, converter=_frozen, hash=False)

    @classmethod
    def of(cls, field: str, code: str, /, **params: object) -> FieldProblem:
        """The problem of ``code`` filled with ``params``; its message is the English wording.

        >>> from threeno.io.report import FieldProblem
        >>> str(FieldProblem.of("sex", "missing_key"))
        'sex: required key missing'

        A problem is immutable: one whose params are texts and numbers is made once and
        shared (a file of millions of lines that are not JSON repeats a few problems).

        Raises:
            KeyError: for a code without wording (a programming error).
        """
        if cls is FieldProblem and all(type(v) in _PLAIN for v in params.values()):
            return _shared_problem(field, code, tuple(params.items()))
        return cls(field=field, message=Notice(code, params).text("en"), code=code, params=params)

    def __reduce__(self) -> tuple[object, tuple[str, str, str | None, dict[str, object]]]:
        """Pickled with its params as a plain dict (a read-only mapping does not pickle).

        Rejections travel between processes (ranges evaluated apart:
        :mod:`threeno.io.partitions`).
        """
        return _problem, (self.field, self.message, self.code, dict(self.params))

    @property
    def notice(self) -> Notice | None:
        """What is wrong as a :class:`~threeno.messages.Notice`; ``None`` without a code."""
        return None if self.code is None else Notice(self.code, self.params)

    def __str__(self) -> str:
        """``field: message``, or the message alone for the record as a whole."""
        return f"{self.field}: {self.message}" if self.field else self.message

    def text(self, lang: Lang = "en") -> str:
        """The problem in Vietnamese (``trường decided_on: ...``) or English (``str()``)."""
        if check_lang(lang) == "en":
            return str(self)
        notice = self.notice
        message = self.message if notice is None else notice.text(lang)
        return f"trường {self.field}: {message}" if self.field else message


_PLAIN: Final = frozenset({str, int})


def _problem(field: str, message: str, code: str | None, params: dict[str, object]) -> FieldProblem:
    """A problem unpickled (:meth:`FieldProblem.__reduce__`)."""
    return FieldProblem(field=field, message=message, code=code, params=params)


@functools.lru_cache(maxsize=4096)
def _shared_problem(field: str, code: str, params: tuple[tuple[str, object], ...]) -> FieldProblem:
    """:meth:`FieldProblem.of` for params of texts and numbers, made once for all."""
    mapping = dict(params)
    message = Notice(code, mapping).text("en")
    return FieldProblem(field=field, message=message, code=code, params=mapping)


@attrs.frozen(kw_only=True)
class Rejection:
    """A record that was read but not accepted, with where it was and every reason.

    ``str(rejection)`` gives one line per problem, each starting with the record's place:
    ``crime_reports.jsonl, line 18, id 'CR-0017': decided_on: ...`` (files of lines),
    ``data.json, crime_reports[17], id 'CR-0017': ...`` (a JSON document) or
    ``crime_reports[17], id 'CR-0017': ...`` (records given in memory). :meth:`text`
    writes the same in Vietnamese: ``tệp crime_reports.jsonl, dòng 18, mã 'CR-0017':
    trường decided_on: ...``.

    Args:
        record_type: the record type's interchange name, e.g. ``"crime_reports"``.
        file: the file the record came from; ``None`` for records given in memory.
        line: the line it starts on (JSON Lines and CSV files), from 1, or its row as
            Excel numbers it (a workbook); else ``None``.
        index: its position among the records of its type in that source, from 0.
        record_id: its ``id``, if one could be read (ids are pseudonymous).
        problems: every problem found, in the order of the record's fields.

    .. versionadded:: 0.1.0
        sheet: the sheet of an Excel workbook the record is a row of, else ``None``;
            each problem's ``field`` is then the column as headed in the sheet, with its
            letter (``Năm sinh (C)``).

    .. versionchanged:: 0.2.0 :meth:`text`, :meth:`location_text` and ``sheet``.
    """

    record_type: str
    file: str | None
    line: int | None
    index: int
    record_id: str | None
    problems: tuple[FieldProblem, ...]
    sheet: str | None = None

    @property
    def location(self) -> str:
        """The record's file, then its line or position, then its id."""
        return self.location_text("en")

    def location_text(self, lang: Lang = "en") -> str:
        """:attr:`location` in Vietnamese (``tệp x.jsonl, dòng 18, mã 'CR-0017'``) or English."""
        vi = check_lang(lang) == "vi"
        parts = []
        if self.file is not None:
            parts.append(f"tệp {self.file}" if vi else self.file)
        if self.sheet is not None:
            parts.append(f"trang tính {self.sheet!r}" if vi else f"sheet {self.sheet!r}")
            if self.line is not None:
                parts.append(f"dòng {self.line}" if vi else f"row {self.line}")
        elif self.line is not None:
            parts.append(f"dòng {self.line}" if vi else f"line {self.line}")
        else:
            parts.append(self.path)
        if self.record_id is not None:
            parts.append(f"{'mã' if vi else 'id'} {self.record_id!r}")
        return ", ".join(parts)

    @property
    def path(self) -> str:
        """The record's path in the data dictionary's terms, e.g. ``crime_reports[17]``."""
        return f"{self.record_type}[{self.index}]"

    def __str__(self) -> str:
        """One line per problem, each starting with :attr:`location`."""
        return self.text("en")

    def text(self, lang: Lang = "en") -> str:
        """One line per problem, in Vietnamese or English, each after the record's place."""
        where = self.location_text(lang)
        return "\n".join(f"{where}: {problem.text(lang)}" for problem in self.problems)


@attrs.frozen(kw_only=True)
class TypeCounts:
    """How many records of one type were read, accepted and rejected.

    Args:
        read: records read (blank lines and empty rows are not records).
        accepted: records that are in the dataset.
        rejected: records refused, each with a :class:`Rejection`.

    Raises:
        ValidationError: if ``accepted + rejected != read`` (a record unaccounted for).

    .. versionadded:: 0.1.0
    """

    read: int = 0
    accepted: int = 0
    rejected: int = 0

    def __attrs_post_init__(self) -> None:
        """Refuse counts that leave a record unaccounted for."""
        if self.accepted + self.rejected != self.read:
            params = {"accepted": self.accepted, "rejected": self.rejected, "read": self.read}
            msg = Notice("counts_do_not_add_up", params).text("en")
            raise ValidationError(
                msg, cls_name="TypeCounts", field="read", code="counts_do_not_add_up", params=params
            )


def _sorted_counts(counts: Mapping[str, int]) -> Mapping[str, int]:
    # By code, in alphabetical order: the same report whatever the order of the problems.
    return MappingProxyType(dict(sorted(counts.items())))


def _all_counts(counts: Mapping[str, TypeCounts]) -> Mapping[str, TypeCounts]:
    # Every record type, in the data dictionary's order; zero where nothing was read.
    return MappingProxyType({name: counts.get(name, TypeCounts()) for name in RECORD_TYPES})


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _notices(notes: Iterable[Notice | str]) -> tuple[Notice, ...]:
    # A note given as text (older callers) keeps its words, in either language.
    return tuple(n if isinstance(n, Notice) else Notice("note", {"text": n}) for n in notes)


def _headed(lines: list[str], title: str, items: list[str], more: str) -> None:
    if items:
        lines.append(title)
        lines.extend(f"  {item}" for item in items[:SHOWN])
        if len(items) > SHOWN:
            lines.append("  " + more.format(len(items) - SHOWN))


@attrs.frozen(kw_only=True)
class LoadReport:
    """Everything a dataset load has to say: counts, rejections, problems, notes.

    ``str(report)`` is a summary a clerk reads: the totals, a table per record type of
    what was read, accepted and rejected, then every rejection, every problem between
    records and every note (the first fifty of each, then how many more).
    :meth:`text` writes it in Vietnamese (record types by their names) or English.

    Rejections and problems differ: a rejected record is not in the dataset (it could
    not be read, or breaks a rule of its own type); a problem is between records that
    are each valid (a support action for an unknown subject, a unit code not valid on
    the record's date) and does not remove them.

    Args:
        source: what was loaded (a file, a folder, or a description of the records).
        counts: per record type, in the data dictionary's order; every type is present.
        rejections: the rejected records, in the order read: the first
            ``LoadLimits.max_rejections`` (1,000 by default); the others are counted in
            ``unlisted``.
        unlisted: the rejections not listed, counted by the code of each of their
            problems (a rejection with two problems counts under both codes; one whose
            problem has no code under ``"uncoded"``). How many are not listed is
            :attr:`not_listed`.
        problems: the problems between accepted records (:meth:`Dataset.validate
            <threeno.model.dataset.Dataset.validate>`).
        notes: what else the reader noticed and did, e.g. a record type with no file
            (``file_missing``) or unit codes not checked (``units_not_checked``), each a
            :class:`~threeno.messages.Notice`; a note given as text becomes the notice
            ``note``, whose text is the same in both languages.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 ``notes`` are :class:`~threeno.messages.Notice`; :meth:`text`;
       ``unlisted`` and :attr:`not_listed`.
    """

    source: str
    counts: Mapping[str, TypeCounts] = attrs.field(factory=dict, converter=_all_counts)
    rejections: tuple[Rejection, ...] = ()
    unlisted: Mapping[str, int] = attrs.field(factory=dict, converter=_sorted_counts)
    problems: tuple[Problem, ...] = ()
    notes: tuple[Notice, ...] = attrs.field(default=(), converter=_notices)

    def __reduce__(self) -> tuple[object, tuple[dict[str, object]]]:
        """Pickled with its counts as plain dicts (a read-only mapping does not pickle).

        A load report travels between processes with its evaluation (partitions
        evaluated apart, as the indicators guide's "Streams and partitions" shows).
        """
        fields = {f.name: getattr(self, f.name) for f in attrs.fields(LoadReport)}
        fields["counts"] = dict(self.counts)
        fields["unlisted"] = dict(self.unlisted)
        return _load_report, (fields,)

    @property
    def read(self) -> int:
        """Records read, of every type."""
        return sum(c.read for c in self.counts.values())

    @property
    def accepted(self) -> int:
        """Records accepted, of every type."""
        return sum(c.accepted for c in self.counts.values())

    @property
    def rejected(self) -> int:
        """Records rejected, of every type."""
        return sum(c.rejected for c in self.counts.values())

    @property
    def not_listed(self) -> int:
        """Records rejected but not listed in ``rejections`` (beyond the limit)."""
        return self.rejected - len(self.rejections)

    @property
    def ok(self) -> bool:
        """Whether nothing was rejected and no problem was found (notes do not count)."""
        return not self.rejected and not self.rejections and not self.problems

    def __str__(self) -> str:
        """A summary in English: totals, a table per record type, then the rest."""
        return self.text("en")

    def text(self, lang: Lang = "en") -> str:
        """The whole report in Vietnamese (``"vi"``) or English (``"en"``).

        The totals; a table of what was read, accepted and rejected per record type
        (by the type's name in Vietnamese, its interchange name in English); then every
        rejection, problem between records and note, each in ``lang`` (the first
        ``SHOWN`` (50) of each, then how many more).

        .. versionadded:: 0.2.0
        """
        if check_lang(lang) == "vi":
            return self._vietnamese()
        totals = (
            f"{self.source}: {_plural(self.read, 'record')} read, {self.accepted} accepted,"
            f" {self.rejected} rejected; {_plural(len(self.problems), 'problem')}"
            " between records"
        )
        lines = [totals]
        rows = [(name, c) for name, c in self.counts.items() if c.read]
        if rows:
            width = max(len(name) for name, _ in rows)
            lines.append(f"  {'record type':<{width}}  read  accepted  rejected")
            lines.extend(
                f"  {name:<{width}}  {c.read:>4}  {c.accepted:>8}  {c.rejected:>8}"
                for name, c in rows
            )
        rejected = [line for r in self.rejections for line in r.text("en").splitlines()]
        _headed(lines, "rejected:", rejected, "... and {} more")
        if self.not_listed:
            reasons = ", ".join(f"{code} {n:,}" for code, n in self.unlisted.items())
            lines.append(
                f"  ... and {self.not_listed:,} more rejected records not listed"
                f" (LoadLimits.max_rejections); their problems by code: {reasons}"
            )
        problems = [p.text("en") for p in self.problems]
        _headed(lines, "problems between records:", problems, "... and {} more")
        _headed(lines, "notes:", [n.text("en") for n in self.notes], "... and {} more")
        return "\n".join(lines)

    def _vietnamese(self) -> str:
        def n(value: int) -> str:
            return number(value, "vi")

        source = _SOURCES_VI.get(self.source, self.source)
        totals = (
            f"{source}: đã đọc {n(self.read)} bản ghi, {n(self.accepted)} hợp lệ,"
            f" {n(self.rejected)} bị loại; {n(len(self.problems))} vấn đề giữa các bản ghi"
        )
        lines = [totals]
        rows = [
            (_capitalised(record_type_label(name, "vi")), c)
            for name, c in self.counts.items()
            if c.read
        ]
        if rows:
            heads = ("Nhóm dữ liệu", "Đã đọc", "Hợp lệ", "Bị loại")
            width = max(len(heads[0]), *(len(label) for label, _ in rows))
            lines.append(f"  {heads[0]:<{width}}  {heads[1]}  {heads[2]}  {heads[3]}")
            lines.extend(
                f"  {label:<{width}}  {n(c.read):>{len(heads[1])}}"
                f"  {n(c.accepted):>{len(heads[2])}}  {n(c.rejected):>{len(heads[3])}}"
                for label, c in rows
            )
        rejected = [line for r in self.rejections for line in r.text("vi").splitlines()]
        _headed(lines, "Bản ghi bị loại:", rejected, "... và {} mục khác")
        if self.not_listed:
            reasons = ", ".join(f"{code} {n(count)}" for code, count in self.unlisted.items())
            lines.append(
                f"  ... và {n(self.not_listed)} bản ghi bị loại khác không được liệt kê"
                f" (LoadLimits.max_rejections); số lỗi theo mã: {reasons}"
            )
        problems = [p.text("vi") for p in self.problems]
        _headed(lines, "Vấn đề giữa các bản ghi:", problems, "... và {} mục khác")
        _headed(lines, "Ghi chú:", [note.text("vi") for note in self.notes], "... và {} mục khác")
        return "\n".join(lines)


def _load_report(fields: dict[str, object]) -> LoadReport:
    """A load report unpickled (:meth:`LoadReport.__reduce__`)."""
    return LoadReport(**fields)  # type: ignore[arg-type]  # the fields of a load report


class LoadReportError(DatasetError):
    """A strict load found rejected records or problems; ``report`` has them all.

    Raised by ``load_dataset(..., strict=True)``; its message is ``str(report)``, and
    :meth:`text` is :meth:`LoadReport.text` (code ``load_rejected``).

    Args:
        report: the whole load report.

    .. versionadded:: 0.1.0
    """

    def __init__(self, report: LoadReport) -> None:
        """Keep the report, so a program can list every rejection and problem."""
        self.report = report
        params = {"rejected": report.rejected, "problems": len(report.problems)}
        super().__init__(str(report), code="load_rejected", params=params)

    def text(self, lang: Lang = "en") -> str:
        """The whole load report in ``lang`` (``"vi"`` or ``"en"``)."""
        return self.report.text(check_lang(lang))


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]
