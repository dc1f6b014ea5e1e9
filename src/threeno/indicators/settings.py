"""The settings of an evaluation, carried once from the caller to the engine.

:func:`~threeno.indicators.engine.evaluate`,
:func:`~threeno.indicators.engine.evaluate_records`,
:class:`~threeno.indicators.engine.Evaluator` and
:func:`threeno.io.stream.evaluate_stream` take the same keywords (``units``,
``indicators``, ``crosswalk``, ``explain``, ``registry``, ``calendar``,
``count_receipt_day``, ``suspension_counts_as_resolved``). Each builds one
:class:`EvaluationSettings` of them at its door and passes it on (:meth:`Evaluator.from_settings
<threeno.indicators.engine.Evaluator.from_settings>`), so a setting is described and
carried in one place. ``None`` means the plan's own: its units, its report's indicators,
its readings (``Plan.evaluation``), its registry and its calendar;
:meth:`EvaluationSettings.for_plan` reads them from the plan evaluated and checks every
setting.

>>> from threeno.indicators.settings import EvaluationSettings
>>> EvaluationSettings(units=["03386"], explain="none").units
('03386',)

Plan clauses: every clause of the catalogue.

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import datetime as dt  # noqa: TC003 - Sphinx evaluates the annotations to link them
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

from threeno.errors import UnitError, ValidationError
from threeno.indicators.catalogue import CATALOGUE, CATALOGUE_IDS, get
from threeno.indicators.definitions import Indicator
from threeno.indicators.explanation import EXPLAIN_MODES
from threeno.model.period import ReportingPeriod
from threeno.model.plan import Plan
from threeno.model.units import AdministrativeUnit, UnitRegistry
from threeno.rules.calendar import DayOffCalendar, plan_calendar

if TYPE_CHECKING:
    from threeno.indicators.explanation import ExplainMode

__all__ = ["EvaluationSettings"]


def _listed(value: object) -> object:
    # An iterable is read once, into a tuple, so that the settings can be read again; a
    # text (a unit code where a list was meant) or anything else is kept for the engine
    # to refuse, naming it.
    if value is None or isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        return value
    return tuple(value)


# Typed converters: mypy's attrs plugin takes a converter's argument type for __init__.
def _units(value: Iterable[str] | None) -> tuple[str, ...] | None:
    return _listed(value)  # type: ignore[return-value]  # the engine checks the rest


def _indicators(
    value: Iterable[str | Indicator] | None,
) -> tuple[str | Indicator, ...] | None:
    return _listed(value)  # type: ignore[return-value]  # the engine checks the rest


@attrs.frozen(kw_only=True)
class EvaluationSettings:
    """What to evaluate and how: the keywords of every evaluation function, once.

    The values are those given: the engine checks them (a
    :class:`~threeno.errors.ValidationError` or :class:`~threeno.errors.UnitError` naming
    the setting) and reads ``None`` as the plan's.

    Args:
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
        explain: ``"all"`` (every record's entry), ``"failures"`` (the default: the
            failing records and those shown apart; memory stays flat), or ``"none"``.
            :func:`~threeno.indicators.engine.evaluate` passes ``"all"`` by default.
        registry: the units to read record codes with; ``None`` for the plan's
            (``Plan.registry``). A plan that lists only new units needs the old ones here
            to crosswalk old records.
        calendar: the days off for time limits; ``None`` for the plan's calendar
            (``plan_calendar(plan)``: the national days off and the plan's own).
        count_receipt_day: count the day of receipt as day 1 of a time limit (Bộ luật Tố
            tụng hình sự 2015, Art. 134; unverified); ``None`` for the plan's reading
            (``Plan.evaluation.count_receipt_day``, not counted unless the plan says so).
        suspension_counts_as_resolved: count a report suspended (tạm đình chỉ, Bộ luật Tố
            tụng hình sự 2015, Art. 147(1)(c), Art. 148) at the period's end, suspended in
            the period, as resolved in it (and, if suspended within its limit, as decided
            on time); unverified; ``None`` for the plan's reading
            (``Plan.evaluation.suspension_counts_as_resolved``, not counted unless the plan
            says so).

    Plan clauses: every clause of the catalogue.

    .. versionadded:: 0.2.0
    """

    units: tuple[str, ...] | None = attrs.field(default=None, converter=_units)
    indicators: tuple[str | Indicator, ...] | None = attrs.field(
        default=None, converter=_indicators
    )
    crosswalk: bool | None = None
    explain: ExplainMode = "failures"
    registry: UnitRegistry | None = None
    calendar: DayOffCalendar | None = None
    count_receipt_day: bool | None = None
    suspension_counts_as_resolved: bool | None = None

    def for_plan(self, plan: Plan, period: ReportingPeriod) -> EvaluationSettings:
        """These settings for ``plan`` over ``period``: each ``None`` read as the plan's.

        The result names what is evaluated and how, nothing left to the plan: the codes of
        the units (the plan's units in force at the period's end, or those asked for, in
        the plan's order), the definitions of the indicators, ``crosswalk``,
        ``count_receipt_day`` and ``suspension_counts_as_resolved`` (the plan's readings
        where not given), the registry and the calendar.

        Raises:
            ValidationError: for a setting of the wrong type, an unknown indicator or
                explanation mode (naming the field: ``Evaluation.crosswalk``).
            UnitError: for a unit not among the plan's units in force at the period's
                end, or a plan with no unit in force then.
        """
        given_plan: object = plan  # callers without a type checker may pass anything
        readings = plan.evaluation if isinstance(given_plan, Plan) else None
        crosswalk = self.crosswalk
        count_receipt_day = self.count_receipt_day
        if crosswalk is None and readings is not None:
            crosswalk = readings.crosswalk
        if count_receipt_day is None and readings is not None:
            count_receipt_day = readings.count_receipt_day
        suspension = self.suspension_counts_as_resolved
        if suspension is None and readings is not None:
            suspension = readings.suspension_counts_as_resolved
        _check_types(
            plan=plan,
            period=period,
            explain=self.explain,
            crosswalk=crosswalk,
            count_receipt_day=count_receipt_day,
            suspension_counts_as_resolved=suspension,
            registry=self.registry,
            calendar=self.calendar,
        )
        units = _check_units(plan, plan.units_in_scope(period.end), self.units, period.end)
        return EvaluationSettings(
            units=tuple(u.code for u in units),
            indicators=_check_indicators(plan, self.indicators),
            crosswalk=crosswalk,
            explain=self.explain,
            registry=plan.registry if self.registry is None else self.registry,
            calendar=plan_calendar(plan) if self.calendar is None else self.calendar,
            count_receipt_day=count_receipt_day,
            suspension_counts_as_resolved=suspension,
        )


def _fail(message: str, field: str) -> ValidationError:
    return ValidationError(message, cls_name="Evaluation", field=field)


def _check_types(  # noqa: PLR0913 - one argument per setting checked
    *,
    plan: object,
    period: object,
    explain: object,
    crosswalk: object,
    count_receipt_day: object,
    suspension_counts_as_resolved: object,
    registry: object,
    calendar: object,
) -> None:
    checks: tuple[tuple[str, object, type[Any], bool], ...] = (
        ("plan", plan, Plan, False),
        ("period", period, ReportingPeriod, False),
        ("crosswalk", crosswalk, bool, False),
        ("count_receipt_day", count_receipt_day, bool, False),
        ("suspension_counts_as_resolved", suspension_counts_as_resolved, bool, False),
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
        if plan.indicators is not None:
            listed = tuple(get(i) for i in plan.indicators if i in CATALOGUE_IDS)
            return listed or CATALOGUE
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
        elif isinstance(item, str) and item in CATALOGUE_IDS:
            definition = get(item)
        elif isinstance(item, str):
            known = ", ".join(sorted(CATALOGUE_IDS))
            msg = f"unknown indicator {item!r}; the catalogue has: {known}"
            raise _fail(msg, f"indicators[{i}]")
        else:
            msg = f"must be an indicator id or an Indicator, not {type(item).__name__}"
            raise _fail(msg, f"indicators[{i}]")
        if any(d.id == definition.id for d in result):
            msg = f"{definition.id} is listed twice"
            raise _fail(msg, f"indicators[{i}]")
        result.append(definition)
    return tuple(result)
