"""The engine: one pass over each record type, accumulators per indicator and unit, merged.

:func:`evaluate` evaluates a plan's indicators on a :class:`~threeno.model.dataset.Dataset`
over a period; :func:`evaluate_records` does the same on iterables of records, one per
record type, without holding them (a folder of JSON Lines read line by line:
:func:`threeno.io.stream.evaluate_stream`); :class:`Evaluator` is the engine itself, for a
caller that feeds records as they come. Partial evaluations of disjoint records merge
(:meth:`~threeno.indicators.results.Evaluation.merge`) into the evaluation of all of them.

How a record is placed. Its unit is its ``unit_code`` read at its own date (a subject's
``registered_on``, a report's ``received_on``, a case's ``opened_on``, a support action's
``delivered_on``, an event's or review's ``held_on``, an assessment's ``assessed_on``):
``03388`` is Quyết Tiến before 1 July 2025 and Đoàn Kết after. The units evaluated are
the plan's units in force at the period's end (``Plan.units_in_scope``), or those of
them asked for. A record whose unit is one of them is counted there; one whose unit is
another of the plan's units in force is ``not_selected``; with ``crosswalk=True``, one
whose unit ended before the period's end and was merged into exactly one unit evaluated
is counted in that unit (``crosswalked``, and the evaluation lists the mapping); any
other is left out: ``out_of_scope`` (a unit, but not the plan's), ``not_valid_on_date``
(a unit of the register has that code, but not on the record's date) or
``unknown_unit`` (no unit of the register has that code, at any date).
Nothing is dropped silently: :class:`~threeno.indicators.results.DataQuality` counts every
record by placement and lists the ids of those left out, and the evaluation warns
(``records_left_out``) when any was.

What is evaluated, by default, is what the plan says: its report's indicators
(``Plan.report_indicators``), its readings of the law and the data (``Plan.evaluation``:
``crosswalk``, ``count_receipt_day``) and its calendar (``plan_calendar(plan)``: the
national days off plus the plan's own). Each is overridden by passing it.

Joins (the women an event reached, the victims support reached) count by the person's
unit, so outreach events and support actions reach the accumulators that join them even
when their own unit is out of scope.

Plan clauses: every clause of the catalogue.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import array
import contextlib
import copy
import datetime as dt
import gc
import hashlib
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Final

from threeno.errors import DatasetError, UnitError, ValidationError
from threeno.indicators.catalogue import CATALOGUE
from threeno.indicators.counting import (
    Accumulator,
    Context,
    ReportFacts,
    SubjectFacts,
    Tally,
    expected_reports,
)
from threeno.indicators.definitions import AGE_GROUPS, Dimension, Indicator, IndicatorKind, Level
from threeno.indicators.explanation import EXPLAIN_MODES, Entry, Explanation
from threeno.indicators.results import (
    BreakdownCell,
    CrosswalkUse,
    DataQuality,
    Evaluation,
    IndicatorResult,
    IndicatorSet,
    UnitIssue,
    status_of,
    value_of,
)
from threeno.messages import Notice
from threeno.model._base import scrub
from threeno.model.dataset import RECORD_TYPES, Dataset
from threeno.model.enums import (
    Channel,
    Decision,
    Ethnicity,
    ReportSource,
    Sex,
    SubjectCategory,
    SupportKind,
)
from threeno.model.period import ReportingPeriod
from threeno.model.plan import Plan, ReportKind
from threeno.model.units import AdministrativeUnit, UnitRegistry
from threeno.rules.calendar import DayOffCalendar, plan_calendar

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Mapping

    from threeno.indicators.explanation import ExplainMode
    from threeno.model.dataset import Record

__all__ = ["PLACEMENTS", "Evaluator", "evaluate", "evaluate_records"]

#: The placements of a record's unit, in the order of the data-quality counts
#: (``read`` first, then where each record went).
PLACEMENTS: Final[tuple[str, ...]] = (
    "read",
    "in_scope",
    "crosswalked",
    "not_selected",
    "out_of_scope",
    "not_valid_on_date",
    "unknown_unit",
)
_READ, _IN, _MAPPED, _NOT_SELECTED, _OUT, _NOT_VALID, _UNKNOWN = range(7)

# The date at which each record type's unit code is read (DESIGN.md).
_UNIT_DATE: Final[dict[str, Callable[[Any], dt.date]]] = {
    "subjects": attrgetter("registered_on"),
    "crime_reports": attrgetter("received_on"),
    "criminal_cases": attrgetter("opened_on"),
    "support_actions": attrgetter("delivered_on"),
    "outreach_events": attrgetter("held_on"),
    "model_reviews": attrgetter("held_on"),
    "safety_assessments": attrgetter("assessed_on"),
}

# The order of the categories of each breakdown (their vocabulary's order).
_VOCABULARIES: Final[dict[str, tuple[str, ...]]] = {
    Dimension.SOURCE.value: ReportSource.slugs(),
    Dimension.DECISION.value: Decision.slugs(),
    Dimension.CATEGORY.value: SubjectCategory.slugs(),
    Dimension.CHANNEL.value: Channel.slugs(),
    Dimension.SUPPORT_KIND.value: SupportKind.slugs(),
    Dimension.ETHNICITY.value: Ethnicity.slugs(),
    Dimension.SEX.value: Sex.slugs(),
    Dimension.AGE_GROUP.value: tuple(g.slug for g in AGE_GROUPS),
    Dimension.REPORT_KIND.value: ReportKind.slugs(),
}
#: Breakdowns that split the numerator only (no denominator per category).
_NUMERATOR_ONLY: Final[frozenset[str]] = frozenset({Dimension.DECISION.value})
_BY_ID: Final[dict[str, Indicator]] = {i.id: i for i in CATALOGUE}


def _fail(message: str, field: str) -> ValidationError:
    return ValidationError(message, cls_name="Evaluation", field=field)


def _check_settings(  # noqa: PLR0913 - one argument per setting checked
    *,
    plan: object,
    period: object,
    explain: object,
    crosswalk: object,
    count_receipt_day: object,
    registry: object,
    calendar: object,
) -> None:
    checks: tuple[tuple[str, object, type[Any], bool], ...] = (
        ("plan", plan, Plan, False),
        ("period", period, ReportingPeriod, False),
        ("crosswalk", crosswalk, bool, False),
        ("count_receipt_day", count_receipt_day, bool, False),
        ("registry", registry, UnitRegistry, True),
        ("calendar", calendar, DayOffCalendar, True),
    )
    for field, value, expected, optional in checks:
        if not isinstance(value, expected) and not (optional and value is None):
            msg = f"must be a {expected.__name__}, not {type(value).__name__}"
            raise _fail(msg, field)
    if explain not in EXPLAIN_MODES:
        msg = f"must be one of {', '.join(EXPLAIN_MODES)}, not {explain!r}"
        raise _fail(msg, "explain")


class _Scope:
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
            status = _OUT
            mapping = -1
            if unit.code in scope_codes and unit.is_valid_on(end):
                status = _IN if unit.code in selected_codes else _NOT_SELECTED
                target = unit.code if status == _IN else None
            elif crosswalk and unit.valid_to is not None and unit.valid_to < end:
                heirs = registry.crosswalk(unit.code, to=end, on=unit.valid_to)
                if len(heirs) == 1 and heirs[0].code in scope_codes:
                    heir = heirs[0]
                    status = _MAPPED if heir.code in selected_codes else _NOT_SELECTED
                    if status == _MAPPED:
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
            return None, _UNKNOWN, -1
        for first, last, target, status, mapping in versions:
            if first <= on <= last:
                return target, status, mapping
        return None, _NOT_VALID, -1

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


class _Quality:
    """Data-quality state: placements per record type, issues, crosswalk counts."""

    def __init__(self, *, keep_issues: bool) -> None:
        self.keep_issues = keep_issues
        self.counts: dict[str, list[int]] = {}
        self.issues: list[UnitIssue] = []
        self.mapped: dict[tuple[int, str], int] = {}

    def counts_of(self, record_type: str) -> list[int]:
        found = self.counts.get(record_type)
        if found is None:
            found = self.counts[record_type] = [0] * len(PLACEMENTS)
        return found

    def merge(self, other: _Quality) -> None:
        for name, counts in other.counts.items():
            mine = self.counts_of(name)
            for i, n in enumerate(counts):
                mine[i] += n
        self.issues.extend(other.issues)
        for key, n in other.mapped.items():
            self.mapped[key] = self.mapped.get(key, 0) + n

    def copy(self) -> _Quality:
        clone = _Quality(keep_issues=self.keep_issues)
        clone.merge(self)
        return clone


def _check_units(
    plan: Plan, in_scope: tuple[AdministrativeUnit, ...], units: Iterable[str] | None, end: dt.date
) -> tuple[AdministrativeUnit, ...]:
    if not in_scope:
        known = ", ".join(f"{u.code} {u.full_name}" for u in plan.units)
        msg = f"plan {plan.id} has no unit in force on {end} (the period's end); its units: {known}"
        raise UnitError(msg)
    if units is None:
        return in_scope
    given: object = units  # callers without a type checker may pass anything
    if isinstance(given, str):
        msg = f"units must be a list of unit codes, not the text {given!r}"
        raise UnitError(msg)
    wanted = list(units)
    by_code = {u.code: u for u in in_scope}
    unknown = [code for code in wanted if code not in by_code]
    if unknown:
        known = ", ".join(by_code)
        msg = (
            f"unit(s) {', '.join(map(str, unknown))} not among the plan's units in force on"
            f" {end}: {known}"
        )
        raise UnitError(msg)
    if not wanted:
        msg = "units is empty: name at least one unit, or pass None for all of them"
        raise UnitError(msg)
    chosen = set(wanted)
    return tuple(u for u in in_scope if u.code in chosen)


def _check_indicators(
    plan: Plan, indicators: Iterable[str | Indicator] | None
) -> tuple[Indicator, ...]:
    if indicators is None:
        # The plan's own list in its order; else what its clauses and targets name, in the
        # catalogue's order (the same order for every plan).
        by_id = {i.id: i for i in CATALOGUE}
        if plan.indicators is not None:
            return tuple(by_id[i] for i in plan.indicators if i in by_id) or CATALOGUE
        named = set(plan.report_indicators)
        return tuple(i for i in CATALOGUE if i.id in named) or CATALOGUE
    given: object = indicators  # callers without a type checker may pass anything
    if isinstance(given, str):
        msg = f"must be a list of ids, not the text {given!r}"
        raise _fail(msg, "indicators")
    result: list[Indicator] = []
    items: Iterable[object] = indicators
    for i, item in enumerate(items):
        if isinstance(item, Indicator):
            definition = item
        elif isinstance(item, str) and item in _BY_ID:
            definition = _BY_ID[item]
        elif isinstance(item, str):
            msg = f"unknown indicator {item!r}; the catalogue has: {', '.join(sorted(_BY_ID))}"
            raise _fail(msg, f"indicators[{i}]")
        else:
            msg = f"must be an indicator id or an Indicator, not {type(item).__name__}"
            raise _fail(msg, f"indicators[{i}]")
        if any(d.id == definition.id for d in result):
            msg = f"{definition.id} is listed twice"
            raise _fail(msg, f"indicators[{i}]")
        result.append(definition)
    return tuple(result)


def _digest(record_id: str) -> bytes:
    """A record's id as 8 bytes (BLAKE2b), to find a record in two partitions (merge)."""
    return hashlib.blake2b(record_id.encode("utf-8", "surrogatepass"), digest_size=8).digest()


class Evaluator:
    """The engine: feed it records type by type, then ask for the evaluation.

    Records may come in any order, in several calls per type, from a list or a generator;
    the accumulators keep counts (and, depending on ``explain``, the entries of the
    explanations) and nothing else, except the per-person state the joins need.

    >>> from threeno.indicators.engine import Evaluator
    >>> from threeno.plans import load_plan
    >>> plan = load_plan("lai-chau-2024")
    >>> evaluator = Evaluator(plan, plan.period("2024-H1"), indicators=["reports.received"])
    >>> evaluator.add("crime_reports", [])
    >>> evaluator.result()["reports.received"].total.value
    0

    Args:
        plan: the plan (its units, targets and reporting rules).
        period: the period to evaluate.
        units: codes of the units to evaluate, among the plan's units in force at the
            period's end; ``None`` for all of them.
        indicators: ids (or definitions, e.g. one made with
            :meth:`~threeno.indicators.definitions.Indicator.with_offences`) to evaluate,
            exactly these, in this order, whether the plan lists them or not
            (:data:`~threeno.indicators.catalogue.ALL_INDICATORS` for every one);
            ``None`` for the indicators of the plan's report (``Plan.report_indicators``)
            in the catalogue's order, or the whole catalogue if the plan names none.
        crosswalk: map records of units that ended before the period's end onto the unit
            they were merged into (Nghị quyết 1670/NQ-UBTVQH15); ``None`` for the plan's
            reading (``Plan.evaluation.crosswalk``).
        explain: ``"all"`` (every record's entry), ``"failures"`` (the default here: the
            failing records and those shown apart; memory stays flat), or ``"none"``.
        registry: the units to read record codes with; the plan's
            (``Plan.registry``) by default. A plan
            that lists only new units needs the old ones here to crosswalk old records.
        calendar: the days off for time limits; ``None`` for the plan's calendar
            (``plan_calendar(plan)``: the national days off and the plan's own).
        count_receipt_day: count the day of receipt as day 1 of a time limit (Bộ luật Tố
            tụng hình sự 2015, Art. 134; unverified); ``None`` for the plan's reading
            (``Plan.evaluation.count_receipt_day``, not counted unless the plan says so).

    Raises:
        ValidationError: for an argument of the wrong type, an unknown indicator or
            explanation mode.
        UnitError: for a unit not among the plan's units in force at the period's end, or
            a plan with no unit in force then.

    Plan clauses: every clause of the catalogue.

    .. versionadded:: 0.1.0
    """

    def __init__(  # noqa: PLR0913 - the evaluation's settings, all keyword-only
        self,
        plan: Plan,
        period: ReportingPeriod,
        *,
        units: Iterable[str] | None = None,
        indicators: Iterable[str | Indicator] | None = None,
        crosswalk: bool | None = None,
        explain: ExplainMode = "failures",
        registry: UnitRegistry | None = None,
        calendar: DayOffCalendar | None = None,
        count_receipt_day: bool | None = None,
    ) -> None:
        """Check the arguments, take the plan's settings where none is given.

        Then make one accumulator per indicator.
        """
        given_plan: object = plan  # callers without a type checker may pass anything
        readings = plan.evaluation if isinstance(given_plan, Plan) else None
        if crosswalk is None and readings is not None:
            crosswalk = readings.crosswalk
        if count_receipt_day is None and readings is not None:
            count_receipt_day = readings.count_receipt_day
        _check_settings(
            plan=plan,
            period=period,
            explain=explain,
            crosswalk=crosswalk,
            count_receipt_day=count_receipt_day,
            registry=registry,
            calendar=calendar,
        )
        assert crosswalk is not None  # noqa: S101 - checked just above
        assert count_receipt_day is not None  # noqa: S101 - checked just above
        self.plan = plan
        self.period = period
        in_scope = plan.units_in_scope(period.end)
        self.units = _check_units(plan, in_scope, units, period.end)
        self.indicators = _check_indicators(plan, indicators)
        self.crosswalk = crosswalk
        self.explain = explain
        self.registry = plan.registry if registry is None else registry
        self.calendar = plan_calendar(plan) if calendar is None else calendar
        self.count_receipt_day = count_receipt_day
        self.context = Context(
            period=period,
            unit_codes=tuple(u.code for u in self.units),
            explain=explain,
            calendar=self.calendar,
            count_receipt_day=count_receipt_day,
            expected=expected_reports(plan.reporting, period),
            reporting_agencies=plan.reporting.agencies,
            agency_names={a.id: (a.name_vi, a.name_en) for a in plan.agencies},
        )
        self.accumulators: tuple[Accumulator, ...] = tuple(
            ind.accumulator(ind, self.context) for ind in self.indicators
        )
        self._scope = _Scope(self.registry, in_scope, self.units, period.end, crosswalk=crosswalk)
        self._quality = _Quality(keep_issues=explain != "none")
        # Each record's id as an 8-byte digest, per type: two partitions that share a
        # record refuse to merge (it would be counted twice). 8 bytes per record.
        self._ids: dict[str, array.array[int]] = {name: array.array("Q") for name in RECORD_TYPES}
        self._closed = False
        self._order: dict[str, dict[str, int]] = {
            dim: {slug: i for i, slug in enumerate(slugs)} for dim, slugs in _VOCABULARIES.items()
        }
        self._order[Dimension.AGENCY.value] = {a: i for i, a in enumerate(plan.reporting.agencies)}

    # -- feeding ---------------------------------------------------------------------

    def add(self, record_type: str, records: Iterable[Record]) -> None:
        """Feed records of one type (``"crime_reports"``, ...), one at a time.

        Args:
            record_type: the record type's name in the data dictionary.
            records: any iterable of records of that type; it is read once.

        Raises:
            DatasetError: for an unknown record type, or a record of another type
                (naming its position: ``crime_reports[3]``).
            ValidationError: once :meth:`result` has been called.
        """
        if self._closed:
            msg = "the evaluation is finished: make a new Evaluator"
            raise _fail(msg, "add")
        cls = RECORD_TYPES.get(record_type)
        if cls is None:
            known = ", ".join(RECORD_TYPES)
            msg = f"unknown record type {record_type!r}; the record types are: {known}"
            raise DatasetError(msg)
        in_scope: list[Callable[[Any, str], None]] = []
        any_unit: list[Callable[[Any, str | None], None]] = []
        for acc in self.accumulators:
            method = acc.consumes.get(record_type)
            if method is None:
                continue
            if record_type in acc.any_unit:
                any_unit.append(getattr(acc, method))
            else:
                in_scope.append(getattr(acc, method))
        digests = self._ids[record_type]
        with _paused_gc():
            if record_type in _UNIT_DATE:
                self._feed(record_type, cls, records, in_scope, any_unit)
                return
            counts = self._quality.counts_of(record_type)  # report submissions: no unit
            note = digests.frombytes
            for index, record in enumerate(records):
                if not isinstance(record, cls):
                    raise _wrong_type(record_type, index, cls, record)
                note(_digest(record.id))
                counts[_READ] += 1
                for handle in any_unit:
                    handle(record, None)

    def _feed(
        self,
        record_type: str,
        cls: type[Any],
        records: Iterable[Record],
        in_scope: list[Callable[[Any, str], None]],
        any_unit: list[Callable[[Any, str | None], None]],
    ) -> None:
        # The hot loop: one unit look-up per record, then the accumulators of its type.
        date_of = _UNIT_DATE[record_type]
        resolve = self._scope.resolve
        # Reports and subjects are read once into the facts every accumulator of them needs.
        facts_of: Callable[[Any, Context], object] | None = {
            "crime_reports": ReportFacts,
            "subjects": SubjectFacts,
        }.get(record_type)
        context = self.context
        quality = self._quality
        counts = quality.counts_of(record_type)
        note = self._ids[record_type].frombytes
        for index, record in enumerate(records):
            if not isinstance(record, cls):
                raise _wrong_type(record_type, index, cls, record)
            note(_digest(record.id))
            counts[_READ] += 1
            code: str = record.unit_code  # every record type with a unit date has one
            on = date_of(record)
            unit, status, mapping = resolve(code, on)
            counts[status] += 1
            if status >= _OUT:
                if quality.keep_issues:
                    # The record's own name typed as its unit is not repeated.
                    shown = scrub(code, record)
                    quality.issues.append(self._issue(record_type, record.id, shown, on, status))
            elif mapping >= 0:
                key = (mapping, record_type)
                quality.mapped[key] = quality.mapped.get(key, 0) + 1
            if unit is not None and in_scope:
                payload = record if facts_of is None else facts_of(record, context)
                for handle in in_scope:
                    handle(payload, unit)
            for handle in any_unit:
                handle(record, unit)

    def _issue(
        self, record_type: str, record_id: str, code: str, on: dt.date, status: int
    ) -> UnitIssue:
        problem = PLACEMENTS[status]
        name = None if status == _UNKNOWN else self._scope.name(code, on)
        return UnitIssue(
            record_type=record_type,
            record_id=record_id,
            unit_code=code,
            on=on,
            problem=problem,
            unit_name=name,
        )

    # -- results ---------------------------------------------------------------------

    def result(self) -> Evaluation:
        """Finish: the evaluation of every record fed (the evaluator closes).

        Returns:
            The :class:`~threeno.indicators.results.Evaluation`.
        """
        self._closed = True
        return self._build()

    def merged(self, other: Evaluator) -> Evaluation:
        """The evaluation of this evaluator's records and ``other``'s (neither changes).

        Raises:
            ValidationError: naming what differs between the two evaluations.
        """
        self._check_same(other)
        self._check_disjoint(other)
        clone = copy.copy(self)
        clone._ids = {name: ids + other._ids[name] for name, ids in self._ids.items()}  # noqa: SLF001
        clone.accumulators = tuple(a.copy() for a in self.accumulators)
        for mine, theirs in zip(clone.accumulators, other.accumulators, strict=True):
            mine.merge(theirs)
        clone._quality = self._quality.copy()  # noqa: SLF001 - a copy of this very class
        clone._quality.merge(other._quality)  # noqa: SLF001
        clone._closed = True  # noqa: SLF001
        return clone._build()  # noqa: SLF001

    def _check_disjoint(self, other: Evaluator) -> None:
        """Refuse partitions that share a record: it would be counted twice.

        Ids are compared as 8-byte BLAKE2b digests: two different ids share one with a
        probability of about n × m / 2^64 for partitions of n and m records (below
        10^-7 at a million each), and then the merge is refused when it could go on.
        """
        for name, mine in self._ids.items():
            theirs = other._ids[name]
            if not mine or not theirs:
                continue
            small, large = (mine, theirs) if len(mine) <= len(theirs) else (theirs, mine)
            seen = set(small)
            shared = len({digest for digest in large if digest in seen})
            if shared:
                params = {"record_type": name, "count": shared}
                msg = Notice("partitions_share_ids", params).text("en")
                raise ValidationError(
                    msg,
                    cls_name="Evaluation",
                    field="merge",
                    code="partitions_share_ids",
                    params=params,
                )

    def _check_same(self, other: Evaluator) -> None:
        checks = (
            ("plan_id", self.plan.id, other.plan.id),
            ("period", self.period, other.period),
            ("units", [u.code for u in self.units], [u.code for u in other.units]),
            ("indicators", self.indicators, other.indicators),
            ("crosswalk_applied", self.crosswalk, other.crosswalk),
            ("explain_mode", self.explain, other.explain),
            ("count_receipt_day", self.count_receipt_day, other.count_receipt_day),
            ("calendar", self.calendar, other.calendar),
            ("registry", self.registry.units, other.registry.units),
        )
        for field, mine, theirs in checks:
            if mine != theirs:
                msg = "the two evaluations differ here: only evaluations of the same settings merge"
                raise _fail(msg, field)

    def _build(self) -> Evaluation:
        with _paused_gc():
            results = {acc.indicator.id: self._result_set(acc) for acc in self.accumulators}
        quality = self._data_quality()
        return Evaluation(
            plan_id=self.plan.id,
            period=self.period,
            units=self.units,
            results=results,
            data_quality=quality,
            crosswalk_applied=self.crosswalk,
            explain_mode=self.explain,
            count_receipt_day=self.count_receipt_day,
            warnings=self._warnings(quality),
            state=self,
        )

    def _warnings(self, quality: DataQuality) -> tuple[Notice, ...]:
        """What a reader must know before the numbers.

        A period outside the plan's year, records left out for their unit: both come from
        settings and sums, so partitions merge into the same warnings as the whole.
        """
        found: list[Notice] = []
        year = self.plan.reporting_year
        period = self.period
        if not (year.start <= period.start and period.end <= year.end):
            found.append(
                Notice(
                    "period_outside_plan_year",
                    {
                        "period": str(period),
                        "period_vi": period.label("vi"),
                        "period_en": period.label("en"),
                        "plan": self.plan.id,
                        "year_vi": year.label("vi"),
                        "year_en": year.label("en"),
                        "start": year.start.isoformat(),
                        "end": year.end.isoformat(),
                    },
                )
            )
        left_out = quality.left_out
        if left_out:
            found.append(
                Notice("records_left_out", {"count": left_out, **quality.left_out_by_reason})
            )
        return tuple(found)

    def _result_set(self, acc: Accumulator) -> IndicatorSet:
        ind = acc.indicator
        target = self.plan.target(ind.id)
        clauses = self.plan.clauses_for(ind.id)
        tallies = acc.finish()
        if ind.level is Level.AGENCY:
            tally = tallies.get(None) or Tally()
            total = self._result(ind, None, tally, target, len(self.units))
            return IndicatorSet(indicator=ind, total=total, by_unit={}, clauses=clauses)
        by_unit: dict[str, IndicatorResult] = {}
        whole = Tally()
        for unit in self.units:
            tally = tallies.get(unit.code) or Tally()
            by_unit[unit.code] = self._result(ind, unit, tally, target, 1)
            whole.merge(tally)
        total = self._result(ind, None, whole, target, len(self.units))
        return IndicatorSet(indicator=ind, total=total, by_unit=by_unit, clauses=clauses)

    def _result(
        self,
        ind: Indicator,
        unit: AdministrativeUnit | None,
        tally: Tally,
        target: Any,  # noqa: ANN401 - Target | None, from the plan
        units_in_total: int,
    ) -> IndicatorResult:
        count = ind.kind is IndicatorKind.COUNT
        denominator = None if count else tally.denominator
        considered = tally.considered
        value = value_of(ind.kind, tally.numerator, denominator)
        if not considered and not count:
            value = None  # a share with no record behind it is no data, never 0% or 100%
        cells: dict[str, dict[str, BreakdownCell]] = {d.value: {} for d in ind.disaggregations}
        for (dim, category), cell in sorted(tally.cells.items(), key=self._cell_order):
            if dim not in cells:
                continue
            share = not count and dim not in _NUMERATOR_ONLY
            cells[dim][category] = BreakdownCell(
                numerator=cell.numerator,
                denominator=cell.denominator if share else None,
                figures=dict(sorted(cell.figures.items())),
            )
        key = Entry.sort_key
        explanation = Explanation(
            mode=self.explain,
            counted=tuple(sorted(tally.counted, key=key)),
            failures=tuple(sorted(tally.failures, key=key)),
            apart=tuple(sorted(tally.apart, key=key)),
        )
        return IndicatorResult(
            indicator=ind,
            period=self.period,
            unit=unit,
            units_in_total=units_in_total,
            numerator=tally.numerator,
            denominator=denominator,
            value=value,
            records_considered=considered,
            target=target,
            status=status_of(value, target, has_data=considered > 0),
            disaggregations=cells,
            figures={f: tally.figures.get(f, 0) for f in ind.figures},
            explanation=explanation,
        )

    def _cell_order(self, item: tuple[tuple[str, str], object]) -> tuple[int, int, str]:
        (dim, category), _ = item
        if dim == Dimension.OFFENCE.value and category.isdigit():
            return (0, int(category), category)
        order = self._order.get(dim, {})
        position = order.get(category)
        return (0, position, category) if position is not None else (1, 0, category)

    def _data_quality(self) -> DataQuality:
        quality = self._quality
        counts: dict[str, dict[str, int]] = {}
        for name in RECORD_TYPES:
            # Every type, fed or not, so that partitions fed different types still merge
            # into the same JSON as the whole.
            found = quality.counts.get(name) or [0] * len(PLACEMENTS)
            placed = dict(zip(PLACEMENTS, found, strict=True))
            # Report submissions belong to agencies: only "read" means anything.
            counts[name] = placed if name in _UNIT_DATE else {"read": placed["read"]}
        order = {name: i for i, name in enumerate(RECORD_TYPES)}
        issues = tuple(
            sorted(quality.issues, key=lambda i: (order[i.record_type], i.record_id, i.on))
        )
        uses: list[CrosswalkUse] = []
        for index, (old, new) in enumerate(self._scope.mappings):
            records = {
                name: quality.mapped[(index, name)]
                for name in RECORD_TYPES
                if (index, name) in quality.mapped
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


@contextlib.contextmanager
def _paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while many small acyclic objects are made.

    The accumulators make no reference cycles, and the collector's passes over millions
    of young objects cost a fifth to two fifths of an evaluation (DESIGN.md, "Quality
    bars"); it is restarted whatever happens.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _wrong_type(record_type: str, index: int, cls: type[Any], record: object) -> DatasetError:
    msg = f"{record_type}[{index}]: expected a {cls.__name__}, not {type(record).__name__}"
    return DatasetError(msg)


def evaluate(  # noqa: PLR0913 - the evaluation's settings, all keyword-only
    plan: Plan,
    dataset: Dataset,
    period: ReportingPeriod,
    *,
    units: Iterable[str] | None = None,
    indicators: Iterable[str | Indicator] | None = None,
    crosswalk: bool | None = None,
    explain: ExplainMode = "all",
    registry: UnitRegistry | None = None,
    calendar: DayOffCalendar | None = None,
    count_receipt_day: bool | None = None,
) -> Evaluation:
    """Evaluate a plan's indicators on a dataset over a period, for every unit and the area.

    >>> from threeno.indicators.engine import evaluate
    >>> from threeno.model.dataset import Dataset
    >>> from threeno.plans import load_plan
    >>> plan = load_plan("lai-chau-2024")
    >>> result = evaluate(plan, Dataset(), plan.period("2024"))
    >>> result["reports.resolved"].total.status.value  # nothing to resolve: no data
    'no_data'
    >>> len(result["reports.resolved"].by_unit)  # every unit appears, data or not
    7

    Args:
        plan: the plan.
        dataset: the records.
        period: the period (``plan.period("2024-H1")`` reads one in the plan's convention).
        units: see :class:`Evaluator`.
        indicators: see :class:`Evaluator`.
        crosswalk: see :class:`Evaluator`.
        explain: ``"all"`` by default here (a dataset is in memory anyway).
        registry: see :class:`Evaluator`.
        calendar: see :class:`Evaluator`.
        count_receipt_day: see :class:`Evaluator`.

    Returns:
        The :class:`~threeno.indicators.results.Evaluation`.

    Raises:
        DatasetError: when ``dataset`` is not a Dataset.
        ValidationError: for a bad argument (see :class:`Evaluator`).
        UnitError: for a unit not in scope (see :class:`Evaluator`).

    Plan clauses: every clause of the catalogue.

    .. versionadded:: 0.1.0
    """
    given: object = dataset  # callers without a type checker may pass anything
    if not isinstance(given, Dataset):
        msg = f"dataset must be a Dataset, not {type(given).__name__}"
        raise DatasetError(msg)
    return evaluate_records(
        plan,
        {name: getattr(dataset, name) for name in RECORD_TYPES},
        period,
        units=units,
        indicators=indicators,
        crosswalk=crosswalk,
        explain=explain,
        registry=registry,
        calendar=calendar,
        count_receipt_day=count_receipt_day,
    )


def evaluate_records(  # noqa: PLR0913 - the evaluation's settings, all keyword-only
    plan: Plan,
    records: Mapping[str, Iterable[Record]],
    period: ReportingPeriod,
    *,
    units: Iterable[str] | None = None,
    indicators: Iterable[str | Indicator] | None = None,
    crosswalk: bool | None = None,
    explain: ExplainMode = "failures",
    registry: UnitRegistry | None = None,
    calendar: DayOffCalendar | None = None,
    count_receipt_day: bool | None = None,
) -> Evaluation:
    """Evaluate on iterables of records, one per record type, each read once.

    The records are not held: a generator reading a file line by line is evaluated
    without the records all in memory. What grows with them: the explanations kept
    (under the default ``explain="failures"``, one per failing record) and the
    per-person state of the joins (outreach and support coverage).

    Args:
        plan: the plan.
        records: per record type name (``"crime_reports"``, ...), an iterable of records.
        period: the period.
        units: see :class:`Evaluator`.
        indicators: see :class:`Evaluator`.
        crosswalk: see :class:`Evaluator`.
        explain: ``"failures"`` by default here.
        registry: see :class:`Evaluator`.
        calendar: see :class:`Evaluator`.
        count_receipt_day: see :class:`Evaluator`.

    Returns:
        The :class:`~threeno.indicators.results.Evaluation`.

    Raises:
        DatasetError: for an unknown record type or a record of the wrong type.
        ValidationError: for a bad argument (see :class:`Evaluator`).
        UnitError: for a unit not in scope (see :class:`Evaluator`).

    Plan clauses: every clause of the catalogue.

    .. versionadded:: 0.1.0
    """
    evaluator = Evaluator(
        plan,
        period,
        units=units,
        indicators=indicators,
        crosswalk=crosswalk,
        explain=explain,
        registry=registry,
        calendar=calendar,
        count_receipt_day=count_receipt_day,
    )
    for name, iterable in records.items():
        evaluator.add(name, iterable)
    return evaluator.result()
