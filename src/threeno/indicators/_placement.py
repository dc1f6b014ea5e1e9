"""Where each record counts: its unit, read at its own date, placed and accounted for.

A record's unit is its ``unit_code`` read at its own date (:data:`UNIT_DATE`). The units
evaluated are the plan's units in force at the period's end, or those asked for; a
record is counted in one of them (``in_scope``), in the unit its old unit was merged into
(``crosswalked``), or not: in a unit not selected, or left out (``out_of_scope``,
``not_valid_on_date``, ``unknown_unit``). :class:`Scope` places each record, and
:class:`Quality` counts every record by placement, so nothing is dropped silently; it
gives the evaluation's :class:`~threeno.indicators.results.DataQuality`.

The engine (:mod:`threeno.indicators.engine`) feeds records through both; its docstring
says how a record is placed, for the reader of the API.

Source: Nghị quyết 1670/NQ-UBTVQH15 (the units merged on 2025-07-01, read by the
crosswalk).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Final

from threeno.indicators.results import LEFT_OUT_REASONS, CrosswalkUse, DataQuality, UnitIssue
from threeno.model.dataset import RECORD_TYPES
from threeno.model.record_types import RECORD_TYPE_LIST

if TYPE_CHECKING:
    from collections.abc import Callable

    from threeno.model.units import AdministrativeUnit, UnitRegistry

__all__ = [
    "CROSSWALKED",
    "IN_SCOPE",
    "NOT_SELECTED",
    "NOT_VALID_ON_DATE",
    "OUT_OF_SCOPE",
    "PLACEMENTS",
    "READ",
    "UNIT_DATE",
    "UNKNOWN_UNIT",
    "Quality",
    "Scope",
]

# The placements of a record's unit, in the order of the data-quality counts (``read``
# first, then where each record went); documented where it is public, in the engine.
PLACEMENTS: Final[tuple[str, ...]] = (
    "read",
    "in_scope",
    "crosswalked",
    "not_selected",
    *LEFT_OUT_REASONS,
)
# Each placement's index in PLACEMENTS: a record's status. From OUT_OF_SCOPE on, it is left out.
READ, IN_SCOPE, CROSSWALKED, NOT_SELECTED, OUT_OF_SCOPE, NOT_VALID_ON_DATE, UNKNOWN_UNIT = range(7)

# The date at which each record type's unit code is read (the descriptors' ``unit_date``:
# :mod:`threeno.model.record_types`); report submissions have no unit.
UNIT_DATE: Final[dict[str, Callable[[Any], dt.date]]] = {
    t.name: t.date_of for t in RECORD_TYPE_LIST if t.unit_date is not None
}


class Scope:
    """Where each unit version's records go: a unit evaluated, mapped, or not counted."""

    def __init__(
        self,
        registry: UnitRegistry,
        in_scope: tuple[AdministrativeUnit, ...],
        selected: tuple[AdministrativeUnit, ...],
        end: dt.date,
        *,
        crosswalk: bool,
    ) -> None:
        scope_codes = {u.code for u in in_scope}
        selected_codes = {u.code for u in selected}
        self.mappings: list[tuple[AdministrativeUnit, AdministrativeUnit]] = []
        index: dict[str, list[tuple[dt.date, dt.date, str | None, int, int]]] = {}
        for unit in registry:
            first = unit.valid_from or dt.date.min
            last = unit.valid_to or dt.date.max
            target: str | None = None
            status = OUT_OF_SCOPE
            mapping = -1
            if unit.code in scope_codes and unit.is_valid_on(end):
                status = IN_SCOPE if unit.code in selected_codes else NOT_SELECTED
                target = unit.code if status == IN_SCOPE else None
            elif crosswalk and unit.valid_to is not None and unit.valid_to < end:
                heirs = registry.crosswalk(unit.code, to=end, on=unit.valid_to)
                if len(heirs) == 1 and heirs[0].code in scope_codes:
                    heir = heirs[0]
                    status = CROSSWALKED if heir.code in selected_codes else NOT_SELECTED
                    if status == CROSSWALKED:
                        target = heir.code
                        mapping = len(self.mappings)
                        self.mappings.append((unit, heir))
            index.setdefault(unit.code, []).append((first, last, target, status, mapping))
        self._index = {code: tuple(versions) for code, versions in index.items()}
        self._names = {(u.code, u.valid_from or dt.date.min): u.full_name for u in registry}

    def resolve(self, code: str, on: dt.date) -> tuple[str | None, int, int]:
        """The unit a record of ``code`` dated ``on`` counts in, its placement, its mapping."""
        versions = self._index.get(code)
        if versions is None:
            return None, UNKNOWN_UNIT, -1
        for first, last, target, status, mapping in versions:
            if first <= on <= last:
                return target, status, mapping
        return None, NOT_VALID_ON_DATE, -1

    def name(self, code: str, on: dt.date) -> str | None:
        """The full name ``code`` had on ``on``, or, if none, that of its nearest version."""
        nearest: tuple[int, str | None] | None = None
        for first, last, _, _, _ in self._index.get(code, ()):
            if first <= on <= last:
                return self._names.get((code, first))
            gap = (first - on).days if on < first else (on - last).days
            if nearest is None or gap < nearest[0]:
                nearest = (gap, self._names.get((code, first)))
        return None if nearest is None else nearest[1]

    def issue(
        self, record_type: str, record_id: str, code: str, on: dt.date, status: int
    ) -> UnitIssue:
        """The record left out for its unit, with what its code names near its date."""
        problem = PLACEMENTS[status]
        name = None if status == UNKNOWN_UNIT else self.name(code, on)
        return UnitIssue(
            record_type=record_type,
            record_id=record_id,
            unit_code=code,
            on=on,
            problem=problem,
            unit_name=name,
        )


class Quality:
    """Data-quality state: placements per record type, issues, crosswalk counts."""

    def __init__(self, *, keep_issues: bool) -> None:
        """Start at zero; keep the records left out only if ``keep_issues``."""
        self.keep_issues = keep_issues
        self.counts: dict[str, list[int]] = {}
        self.issues: list[UnitIssue] = []
        self.mapped: dict[tuple[int, str], int] = {}

    def counts_of(self, record_type: str) -> list[int]:
        """The counts of ``record_type`` by placement, in the order of PLACEMENTS."""
        found = self.counts.get(record_type)
        if found is None:
            found = self.counts[record_type] = [0] * len(PLACEMENTS)
        return found

    def merge(self, other: Quality) -> None:
        """Add the counts, issues and crosswalk uses of ``other`` to these."""
        for name, counts in other.counts.items():
            mine = self.counts_of(name)
            for i, n in enumerate(counts):
                mine[i] += n
        self.issues.extend(other.issues)
        for key, n in other.mapped.items():
            self.mapped[key] = self.mapped.get(key, 0) + n

    def copy(self) -> Quality:
        """An independent copy."""
        clone = Quality(keep_issues=self.keep_issues)
        clone.merge(self)
        return clone

    def finish(self, scope: Scope) -> DataQuality:
        """The data quality of every record fed, its crosswalk uses read from ``scope``."""
        counts: dict[str, dict[str, int]] = {}
        for name in RECORD_TYPES:
            # Every type, fed or not, so that partitions fed different types still merge
            # into the same JSON as the whole.
            found = self.counts.get(name) or [0] * len(PLACEMENTS)
            placed = dict(zip(PLACEMENTS, found, strict=True))
            # Report submissions belong to agencies: only "read" means anything.
            counts[name] = placed if name in UNIT_DATE else {"read": placed["read"]}
        order = {name: i for i, name in enumerate(RECORD_TYPES)}
        issues = tuple(sorted(self.issues, key=lambda i: (order[i.record_type], i.record_id, i.on)))
        uses: list[CrosswalkUse] = []
        for index, (old, new) in enumerate(scope.mappings):
            records = {
                name: self.mapped[(index, name)]
                for name in RECORD_TYPES
                if (index, name) in self.mapped
            }
            if records:
                uses.append(
                    CrosswalkUse(
                        from_code=old.code,
                        from_name=old.full_name,
                        to_code=new.code,
                        to_name=new.full_name,
                        records=records,
                    )
                )
        return DataQuality(counts=counts, issues=issues, crosswalk=tuple(uses))
