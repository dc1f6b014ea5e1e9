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
``crosswalk``, ``count_receipt_day``, ``suspension_counts_as_resolved``, whether
targets it does not set are assessed) and its calendar (``plan_calendar(plan)``: the
national days off plus the plan's own). Each is overridden by passing it; the settings
are described once, by :class:`~threeno.indicators.settings.EvaluationSettings`, which
every function here builds from its keywords.

Joins (the women an event reached, the victims support reached) count by the person's
unit, so outreach events and support actions reach the accumulators that join them even
when their own unit is out of scope (they read them with
:meth:`Consumes.any_unit <threeno.indicators.counting.Consumes.any_unit>`).

Plan clauses: every clause of the catalogue.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, Final, cast

from threeno.errors import DatasetError, ValidationError
from threeno.indicators import _placement
from threeno.indicators._memory import Digests, digest, paused_gc
from threeno.indicators._placement import OUT_OF_SCOPE, READ, UNIT_DATE, Quality, Scope
from threeno.indicators.counting import (
    FACTS,
    Accumulator,
    Context,
    Places,
    Rebuilt,
    ReportFacts,
    ReportKernel,
    Tally,
    expected_reports,
)
from threeno.indicators.definitions import Dimension, Indicator, IndicatorKind, Level
from threeno.indicators.explanation import Entries, Entry, Explanation
from threeno.indicators.results import (
    BreakdownCell,
    DataQuality,
    Evaluation,
    IndicatorResult,
    IndicatorSet,
    status_of,
    value_of,
)
from threeno.indicators.settings import EvaluationSettings
from threeno.indicators.state import SIGNATURE_FIELDS, EvaluatorState, Signature, check_same
from threeno.messages import Notice
from threeno.model._personal import scrub
from threeno.model.dataset import RECORD_TYPES, Dataset
from threeno.model.period import ReportingPeriod  # noqa: TC001 - Sphinx evaluates the annotations
from threeno.model.plan import Plan, Target  # noqa: TC001 - Sphinx evaluates the annotations
from threeno.model.units import (  # noqa: TC001 - Sphinx evaluates the annotations
    AdministrativeUnit,
    UnitRegistry,
)
from threeno.rules.calendar import DayOffCalendar  # noqa: TC001 - Sphinx evaluates the annotations

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping, Sequence

    from threeno.indicators.explanation import ExplainMode
    from threeno.model.dataset import Record

__all__ = ["PLACEMENTS", "Evaluator", "evaluate", "evaluate_records"]

#: The placements of a record's unit, in the order of the data-quality counts
#: (``read`` first, then where each record went).
PLACEMENTS: Final = _placement.PLACEMENTS

# The position of each category in its breakdown (its dimension's vocabulary's order).
_ORDER: Final[dict[str, dict[str, int]]] = {
    d.value: {slug: i for i, slug in enumerate(d.vocabulary)}
    for d in Dimension
    if d.vocabulary is not None
}
#: Breakdowns that split the numerator only (no denominator per category).
_NUMERATOR_ONLY: Final[frozenset[str]] = frozenset({Dimension.DECISION.value})


def _fail(message: str, field: str) -> ValidationError:
    return ValidationError(message, cls_name="Evaluation", field=field)


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
        units: the units to evaluate (``None``: the plan's units in force at the period's
            end). This and every setting below are described once, by
            :class:`~threeno.indicators.settings.EvaluationSettings`; ``None`` is the
            plan's own.
        indicators: the indicators to evaluate (``None``: the plan's report's).
        crosswalk: map records of units that ended onto their successor (``None``: the
            plan's reading).
        explain: ``"all"``, ``"failures"`` (the default here) or ``"none"``.
        registry: the units to read record codes with (``None``: the plan's).
        calendar: the days off for time limits (``None``: the plan's calendar).
        count_receipt_day: count the day of receipt as day 1 of a time limit (``None``:
            the plan's reading).
        suspension_counts_as_resolved: count a suspension as resolving a report
            (``None``: the plan's reading).

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
        suspension_counts_as_resolved: bool | None = None,
    ) -> None:
        """Check the settings, take the plan's where none is given; one accumulator each."""
        self._start(
            plan,
            period,
            EvaluationSettings(
                units=units,
                indicators=indicators,
                crosswalk=crosswalk,
                explain=explain,
                registry=registry,
                calendar=calendar,
                count_receipt_day=count_receipt_day,
                suspension_counts_as_resolved=suspension_counts_as_resolved,
            ),
        )

    @classmethod
    def from_settings(
        cls, plan: Plan, period: ReportingPeriod, settings: EvaluationSettings
    ) -> Evaluator:
        """The evaluator of ``plan`` over ``period`` with ``settings`` (keywords, built once).

        The same as ``Evaluator(plan, period, units=..., ...)`` with the settings'
        values: :func:`evaluate`, :func:`evaluate_records` and
        :func:`threeno.io.stream.evaluate_stream` build their settings once and start
        here.

        Raises:
            ValidationError: for settings that are not an ``EvaluationSettings``, or a bad
                setting (see the class).
            UnitError: see the class.
        """
        given: object = settings  # callers without a type checker may pass anything
        if not isinstance(given, EvaluationSettings):
            msg = f"must be an EvaluationSettings, not {type(given).__name__}"
            raise _fail(msg, "settings")
        evaluator = cls.__new__(cls)
        evaluator._start(plan, period, settings)  # noqa: SLF001 - this very class
        return evaluator

    def _start(self, plan: Plan, period: ReportingPeriod, settings: EvaluationSettings) -> None:
        # Checked, and nothing left to the plan: every unit, definition and reading named.
        resolved = settings.for_plan(plan, period)
        assert resolved.units is not None  # noqa: S101
        assert resolved.crosswalk is not None  # noqa: S101
        assert resolved.count_receipt_day is not None  # noqa: S101
        assert resolved.suspension_counts_as_resolved is not None  # noqa: S101
        assert resolved.registry is not None  # noqa: S101
        assert resolved.calendar is not None  # noqa: S101
        self.plan = plan
        self.period = period
        in_scope = plan.units_in_scope(period.end)
        chosen = set(resolved.units)
        self.units = tuple(u for u in in_scope if u.code in chosen)
        self.indicators = cast("tuple[Indicator, ...]", resolved.indicators)
        self.crosswalk = crosswalk = resolved.crosswalk
        self.explain = explain = resolved.explain
        self.registry = resolved.registry
        self.calendar = resolved.calendar
        self.count_receipt_day = count_receipt_day = resolved.count_receipt_day
        self.suspension_resolves = suspension = resolved.suspension_counts_as_resolved
        #: The settings this evaluation runs with, each ``None`` read as the plan's.
        self.settings = resolved
        self.context = Context(
            period=period,
            unit_codes=tuple(u.code for u in self.units),
            explain=explain,
            calendar=self.calendar,
            count_receipt_day=count_receipt_day,
            suspension_resolves=suspension,
            expected=expected_reports(plan.reporting, period),
            reporting_agencies=plan.reporting.agencies,
            agency_names={a.id: (a.name_vi, a.name_en) for a in plan.agencies},
        )
        self.accumulators: tuple[Accumulator, ...] = tuple(
            ind.accumulator(ind, self.context) for ind in self.indicators
        )
        self._kernel = ReportKernel(self.accumulators, self.context)  # each report read once
        self._scope = Scope(self.registry, in_scope, self.units, period.end, crosswalk=crosswalk)
        self._quality = Quality(keep_issues=explain != "none")
        # Each record's id as an 8-byte digest, per type: two partitions that share a
        # record refuse to merge (it would be counted twice). 8 bytes per record, at most
        # 2 MB of them in memory, the others in a temporary file (Digests).
        self._ids: dict[str, Digests] = {name: Digests() for name in RECORD_TYPES}
        self._closed = False
        self._order: dict[str, dict[str, int]] = {
            **_ORDER,
            Dimension.AGENCY.value: {a: i for i, a in enumerate(plan.reporting.agencies)},
        }

    def add(
        self, record_type: str, records: Iterable[Record], *, places: Places | None = None
    ) -> None:
        """Feed records of one type (``"crime_reports"``, ...), one at a time.

        Args:
            record_type: the record type's name in the data dictionary.
            records: any iterable of records of that type; it is read once.
            places: where ``records`` are read, set to each record's place before it is
                given (:class:`~threeno.indicators.counting.Places`): a crime
                report's entries of an explanation are then not kept, only its place,
                and made again from it when the explanation is first read. ``None``
                (the default): entries are kept as the records are read.

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
        # Accumulators name what they take: a record's facts where it has them, else the
        # record, for the records placed in a unit evaluated; the record for the others.
        given = FACTS.get(cls, cls)
        in_scope: list[Callable[[Any, str], None]] = []
        any_unit: list[Callable[[Any, str | None], None]] = []
        for acc in self.accumulators:
            consumes = acc.consumes()
            method = consumes.in_unit_method(given)
            if method is not None:
                in_scope.append(method)
            wide = consumes.any_unit_method(cls)
            if wide is not None:
                any_unit.append(wide)
        in_scope = self._kernel.fuse(given, in_scope)  # the crime-report accumulators: one call
        with paused_gc():
            if record_type in UNIT_DATE:
                self._kernel.places = places
                try:
                    self._feed(record_type, cls, records, in_scope, any_unit)
                finally:
                    self._kernel.places = None
                return
            counts = self._quality.counts_of(record_type)  # report submissions: no unit
            note = self._ids[record_type].note
            for index, record in enumerate(records):
                if not isinstance(record, cls):
                    raise _wrong_type(record_type, index, cls, record)
                note(digest(record.id))
                counts[READ] += 1
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
        date_of = UNIT_DATE[record_type]
        resolve = self._scope.resolve
        # Reports and subjects are read once into the facts every accumulator of them needs.
        facts_of = FACTS.get(cls)
        context = self.context
        quality = self._quality
        counts = quality.counts_of(record_type)
        note = self._ids[record_type].note
        for index, record in enumerate(records):
            if not isinstance(record, cls):
                raise _wrong_type(record_type, index, cls, record)
            note(digest(record.id))
            counts[READ] += 1
            code: str = record.unit_code  # every record type with a unit date has one
            on = date_of(record)
            unit, status, mapping = resolve(code, on)
            counts[status] += 1
            if status >= OUT_OF_SCOPE:
                if quality.keep_issues:
                    # The record's own name typed as its unit is not repeated.
                    shown = scrub(code, record)
                    quality.issues.append(
                        self._scope.issue(record_type, record.id, shown, on, status)
                    )
            elif mapping >= 0:
                key = (mapping, record_type)
                quality.mapped[key] = quality.mapped.get(key, 0) + 1
            if unit is not None and in_scope:
                payload = record if facts_of is None else facts_of(record, context)
                for handle in in_scope:
                    handle(payload, unit)
            for handle in any_unit:
                handle(record, unit)

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
            ValidationError: naming what differs between the two evaluations, or
                ``merge`` (``partitions_share_ids``) when they share a record.
        """
        check_same(self._signature(whole=True), other._signature(whole=True))
        state = self.state().merge(other.state())  # a fresh evaluator takes the merged state
        fresh = Evaluator.from_settings(self.plan, self.period, self.settings)
        fresh.restore(state)
        return fresh.result()

    def state(self) -> EvaluatorState:
        """What the records fed left, without the definition (a copy; the ids sorted once).

        Every report is counted in its accumulators first; the evaluator may go on.
        """
        self._kernel.flush()
        return EvaluatorState(
            signature=self._signature(),
            accumulators=tuple(acc.detached() for acc in self.accumulators),
            quality=self._quality.copy(),
            ids={name: ids.sorted() for name, ids in self._ids.items()},
            kept=self._kernel.kept.copy(),
        )

    def restore(self, state: EvaluatorState) -> None:
        """Take ``state`` as this fresh evaluator's own: :meth:`result` is then its evaluation.

        Raises:
            ValidationError: when this evaluator was fed or finished already
                (``restore``), or the state is of other settings (naming the field).
        """
        if self._closed or any(len(ids) for ids in self._ids.values()):
            msg = "only a fresh evaluator takes a state: make a new Evaluator"
            raise _fail(msg, "restore")
        check_same(state.signature, self._signature())
        for mine, theirs in zip(self.accumulators, state.accumulators, strict=True):
            mine.merge(theirs)
        self._quality.merge(state.quality)
        self._ids = {name: Digests.of(ids) for name, ids in state.ids.items()}
        self._kernel.kept.merge(state.kept)

    def _signature(self, *, whole: bool = False) -> Signature:
        # What a state carries; ``whole``: and what only an evaluator has to compare.
        values = (
            self.plan.id,
            self.period,
            tuple(u.code for u in self.units),
            tuple(ind.id for ind in self.indicators),
            self.crosswalk,
            self.explain,
            self.count_receipt_day,
            self.suspension_resolves,
        )
        mine = tuple(zip(SIGNATURE_FIELDS, values, strict=True))
        if not whole:
            return mine
        return (
            *mine,
            ("indicators", self.indicators),
            ("calendar", self.calendar),
            ("registry", self.registry.units),
        )

    def _build(self) -> Evaluation:
        self._kernel.flush()
        rebuilt = self._kernel.rebuilt(ReportFacts)
        fused = {id(acc): i for i, acc in enumerate(self._kernel.fused)}
        with paused_gc():
            results = {
                acc.indicator.id: self._result_set(acc, _Lazy.of(rebuilt, fused.get(id(acc))))
                for acc in self.accumulators
            }
        quality = self._quality.finish(self._scope)
        return Evaluation(
            plan_id=self.plan.id,
            period=self.period,
            units=self.units,
            results=results,
            data_quality=quality,
            crosswalk_applied=self.crosswalk,
            explain_mode=self.explain,
            count_receipt_day=self.count_receipt_day,
            suspension_counts_as_resolved=self.suspension_resolves,
            assess_assumed_targets=self.plan.evaluation.assess_assumed_targets,
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

    def _result_set(self, acc: Accumulator, lazy: _Lazy | None) -> IndicatorSet:
        ind = acc.indicator
        target = self.plan.target(ind.id)
        clauses = self.plan.clauses_for(ind.id)
        readings = self._readings(acc, target)
        tallies = acc.finish()
        made = _Lazy.NONE if lazy is None else lazy
        if ind.level is Level.AGENCY:
            tally = tallies.get(None) or Tally()
            total = self._result(
                ind, None, tally, target, len(self.units), readings=readings, lazy=_Lazy.NONE
            )
            return IndicatorSet(indicator=ind, total=total, by_unit={}, clauses=clauses)
        by_unit: dict[str, IndicatorResult] = {}
        whole = Tally()
        for unit in self.units:
            tally = tallies.get(unit.code) or Tally()
            by_unit[unit.code] = self._result(
                ind, unit, tally, target, 1, readings=readings, lazy=made.only(unit.code)
            )
            whole.merge(tally)
        total = self._result(
            ind, None, whole, target, len(self.units), readings=readings, lazy=made
        )
        return IndicatorSet(indicator=ind, total=total, by_unit=by_unit, clauses=clauses)

    def _result(  # noqa: PLR0913 - a result's parts
        self,
        ind: Indicator,
        unit: AdministrativeUnit | None,
        tally: Tally,
        target: Target | None,
        units_in_total: int,
        *,
        readings: tuple[str, ...],
        lazy: _Lazy,
    ) -> IndicatorResult:
        count = ind.kind is IndicatorKind.COUNT
        assessed = not readings or self.plan.evaluation.assess_assumed_targets
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
        explanation = Explanation(
            mode=self.explain,
            counted=lazy.entries(tally.counted, "counted"),
            failures=lazy.entries(tally.failures, "failures"),
            in_progress=lazy.entries(tally.in_progress, "in_progress"),
            in_progress_count=tally.in_progress_count,
            apart=lazy.entries(tally.apart, "apart"),
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
            status=status_of(value, target, has_data=considered > 0, assessed=assessed),
            disaggregations=cells,
            figures={f: tally.figures.get(f, 0) for f in ind.figures},
            explanation=explanation,
            readings=readings,
        )

    def _readings(self, acc: Accumulator, target: Target | None) -> tuple[str, ...]:
        """What of the target is a reading: the target itself, or the reporting deadline."""
        if target is None:
            return ()
        deadline = acc.uses_reporting_deadline and not self.plan.reporting.days_allowed_set_by_plan
        return (*(("target",) if target.assumed else ()), *(("deadline",) if deadline else ()))

    def _cell_order(self, item: tuple[tuple[str, str], object]) -> tuple[int, int, str]:
        (dim, category), _ = item
        if dim == Dimension.OFFENCE.value and category.isdigit():
            return (0, int(category), category)
        order = self._order.get(dim, {})
        position = order.get(category)
        return (0, position, category) if position is not None else (1, 0, category)


class _Lazy:
    """The entries of one accumulator's result still to make: of some units, made again.

    An accumulator not fused, or an evaluation that kept no place, has none: its entries
    are the tally's, sorted, as a tuple.
    """

    __slots__ = ("_index", "_rebuilt", "_units")

    NONE: _Lazy

    def __init__(self, rebuilt: Rebuilt | None, index: int, units: Sequence[str]) -> None:
        self._rebuilt = rebuilt
        self._index = index
        self._units = tuple(units)

    @classmethod
    def of(cls, rebuilt: Rebuilt | None, index: int | None) -> _Lazy | None:
        """The entries the ``index``-th fused accumulator has to make (``None``: none)."""
        if rebuilt is None or index is None:
            return None
        return cls(rebuilt, index, sorted(rebuilt.units()))

    def only(self, unit: str) -> _Lazy:
        """Those of one unit."""
        return _Lazy(self._rebuilt, self._index, [u for u in self._units if u == unit])

    def entries(self, kept: Sequence[Entry], kind: str) -> Sequence[Entry]:
        """``kept`` and the entries of kind ``kind`` to make, sorted by record id."""
        rebuilt = self._rebuilt
        if rebuilt is None or not self._units:
            return tuple(sorted(kept, key=Entry.sort_key))
        index = self._index
        parts = [functools.partial(rebuilt.entries, index, unit, kind) for unit in self._units]
        return Entries(tuple(kept), parts)


_Lazy.NONE = _Lazy(None, 0, ())


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
    suspension_counts_as_resolved: bool | None = None,
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
        units: see :class:`~threeno.indicators.settings.EvaluationSettings`, which
            describes every setting below once.
        indicators: see ``EvaluationSettings``.
        crosswalk: see ``EvaluationSettings``.
        explain: ``"all"`` by default here (a dataset is in memory anyway).
        registry: see ``EvaluationSettings``.
        calendar: see ``EvaluationSettings``.
        count_receipt_day: see ``EvaluationSettings``.
        suspension_counts_as_resolved: see ``EvaluationSettings``.

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
    settings = EvaluationSettings(
        units=units,
        indicators=indicators,
        crosswalk=crosswalk,
        explain=explain,
        registry=registry,
        calendar=calendar,
        count_receipt_day=count_receipt_day,
        suspension_counts_as_resolved=suspension_counts_as_resolved,
    )
    records = {name: getattr(dataset, name) for name in RECORD_TYPES}
    return _evaluate(Evaluator.from_settings(plan, period, settings), records)


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
    suspension_counts_as_resolved: bool | None = None,
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
        units: see :class:`~threeno.indicators.settings.EvaluationSettings`, which
            describes every setting below once.
        indicators: see ``EvaluationSettings``.
        crosswalk: see ``EvaluationSettings``.
        explain: ``"failures"`` by default here.
        registry: see ``EvaluationSettings``.
        calendar: see ``EvaluationSettings``.
        count_receipt_day: see ``EvaluationSettings``.
        suspension_counts_as_resolved: see ``EvaluationSettings``.

    Returns:
        The :class:`~threeno.indicators.results.Evaluation`.

    Raises:
        DatasetError: for an unknown record type or a record of the wrong type.
        ValidationError: for a bad argument (see :class:`Evaluator`).
        UnitError: for a unit not in scope (see :class:`Evaluator`).

    Plan clauses: every clause of the catalogue.

    .. versionadded:: 0.1.0
    """
    settings = EvaluationSettings(
        units=units,
        indicators=indicators,
        crosswalk=crosswalk,
        explain=explain,
        registry=registry,
        calendar=calendar,
        count_receipt_day=count_receipt_day,
        suspension_counts_as_resolved=suspension_counts_as_resolved,
    )
    return _evaluate(Evaluator.from_settings(plan, period, settings), records)


def _evaluate(evaluator: Evaluator, records: Mapping[str, Iterable[Record]]) -> Evaluation:
    for name, iterable in records.items():
        evaluator.add(name, iterable)
    return evaluator.result()
