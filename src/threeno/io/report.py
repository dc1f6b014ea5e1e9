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

Plan clauses: IV.2 (agencies report to the Steering Committee: the numbers must be
traceable to the records behind them).

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from collections.abc import Mapping  # noqa: TC003 - attrs and Sphinx read the annotations
from types import MappingProxyType
from typing import Final

import attrs

from threeno.errors import DatasetError, ValidationError
from threeno.model.dataset import RECORD_TYPES, Problem

__all__ = ["FieldProblem", "LoadReport", "LoadReportError", "Rejection", "TypeCounts"]

#: How many rejections and problems ``str(report)`` lists before it says "and N more".
SHOWN: Final = 50


@attrs.frozen(kw_only=True)
class FieldProblem:
    """One problem of one record: the path of the field at fault and what is wrong.

    ``str(problem)`` is ``decided_on: 2024-01-01 is before received_on 2024-01-05``; the
    path is relative to the record (``categories[1].until``), or ``""`` for a problem
    with the record as a whole (a line that is not JSON, a row with too many cells).

    Args:
        field: the path of the field at fault, e.g. ``categories[1].until``.
        message: what is wrong, in words a data clerk understands.

    .. versionadded:: 0.1.0
    """

    field: str
    message: str

    def __str__(self) -> str:
        """``field: message``, or the message alone for the record as a whole."""
        return f"{self.field}: {self.message}" if self.field else self.message


@attrs.frozen(kw_only=True)
class Rejection:
    """A record that was read but not accepted, with where it was and every reason.

    ``str(rejection)`` gives one line per problem, each starting with the record's place:
    ``crime_reports.jsonl, line 18, id 'CR-0017': decided_on: ...`` (files of lines),
    ``data.json, crime_reports[17], id 'CR-0017': ...`` (a JSON document) or
    ``crime_reports[17], id 'CR-0017': ...`` (records given in memory).

    Args:
        record_type: the record type's interchange name, e.g. ``"crime_reports"``.
        file: the file the record came from; ``None`` for records given in memory.
        line: the line it starts on (JSON Lines and CSV files), from 1; else ``None``.
        index: its position among the records of its type in that source, from 0.
        record_id: its ``id``, if one could be read (ids are pseudonymous).
        problems: every problem found, in the order of the record's fields.

    .. versionadded:: 0.1.0
    """

    record_type: str
    file: str | None
    line: int | None
    index: int
    record_id: str | None
    problems: tuple[FieldProblem, ...]

    @property
    def location(self) -> str:
        """The record's file, then its line or position, then its id."""
        parts = [] if self.file is None else [self.file]
        parts.append(f"line {self.line}" if self.line is not None else self.path)
        if self.record_id is not None:
            parts.append(f"id {self.record_id!r}")
        return ", ".join(parts)

    @property
    def path(self) -> str:
        """The record's path in the data dictionary's terms, e.g. ``crime_reports[17]``."""
        return f"{self.record_type}[{self.index}]"

    def __str__(self) -> str:
        """One line per problem, each starting with :attr:`location`."""
        return "\n".join(f"{self.location}: {problem}" for problem in self.problems)


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
            msg = f"{self.accepted} accepted + {self.rejected} rejected is not the {self.read} read"
            raise ValidationError(msg, cls_name="TypeCounts", field="read")


def _all_counts(counts: Mapping[str, TypeCounts]) -> Mapping[str, TypeCounts]:
    # Every record type, in the data dictionary's order; zero where nothing was read.
    return MappingProxyType({name: counts.get(name, TypeCounts()) for name in RECORD_TYPES})


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


@attrs.frozen(kw_only=True)
class LoadReport:
    """Everything a dataset load has to say: counts, rejections, problems, notes.

    ``str(report)`` is a summary a clerk reads: the totals, a table per record type of
    what was read, accepted and rejected, then every rejection, every problem between
    records and every note (the first fifty of each, then how many more).

    Rejections and problems differ: a rejected record is not in the dataset (it could
    not be read, or breaks a rule of its own type); a problem is between records that
    are each valid (a support action for an unknown subject, a unit code not valid on
    the record's date) and does not remove them.

    Args:
        source: what was loaded (a file, a folder, or a description of the records).
        counts: per record type, in the data dictionary's order; every type is present.
        rejections: every rejected record, in the order read.
        problems: the problems between accepted records (:meth:`Dataset.validate
            <threeno.model.dataset.Dataset.validate>`).
        notes: what else the reader noticed and did, e.g. a record type with no file.

    .. versionadded:: 0.1.0
    """

    source: str
    counts: Mapping[str, TypeCounts] = attrs.field(factory=dict, converter=_all_counts)
    rejections: tuple[Rejection, ...] = ()
    problems: tuple[Problem, ...] = ()
    notes: tuple[str, ...] = ()

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
    def ok(self) -> bool:
        """Whether nothing was rejected and no problem was found (notes do not count)."""
        return not self.rejections and not self.problems

    def __str__(self) -> str:
        """A summary: totals, a table per record type, then rejections, problems, notes."""
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
        rejected = [line for r in self.rejections for line in str(r).splitlines()]
        for title, items in (
            ("rejected", rejected),
            ("problems between records", [str(p) for p in self.problems]),
            ("notes", list(self.notes)),
        ):
            if items:
                lines.append(f"{title}:")
                lines.extend(f"  {item}" for item in items[:SHOWN])
                if len(items) > SHOWN:
                    lines.append(f"  ... and {len(items) - SHOWN} more")
        return "\n".join(lines)


class LoadReportError(DatasetError):
    """A strict load found rejected records or problems; ``report`` has them all.

    Raised by ``load_dataset(..., strict=True)``; its message is ``str(report)``.

    Args:
        report: the whole load report.

    .. versionadded:: 0.1.0
    """

    def __init__(self, report: LoadReport) -> None:
        """Keep the report, so a program can list every rejection and problem."""
        self.report = report
        super().__init__(str(report))
