"""The settings of an evaluation, carried once from the caller to the engine.

:func:`~threeno.indicators.engine.evaluate`,
:func:`~threeno.indicators.engine.evaluate_records`,
:class:`~threeno.indicators.engine.Evaluator` and
:func:`threeno.io.stream.evaluate_stream` take the same keywords (``units``,
``indicators``, ``crosswalk``, ``explain``, ``registry``, ``calendar``,
``count_receipt_day``). Each builds one :class:`EvaluationSettings` of them at its door
and passes it on (:meth:`Evaluator.from_settings
<threeno.indicators.engine.Evaluator.from_settings>`), so a setting is described and
carried in one place. ``None`` means the plan's own: its units, its report's indicators,
its readings (``Plan.evaluation``), its registry and its calendar; the engine reads them
from the plan evaluated.

>>> from threeno.indicators.settings import EvaluationSettings
>>> EvaluationSettings(units=["03386"], explain="none").units
('03386',)

Plan clauses: every clause of the catalogue.

.. versionadded:: 0.2.0
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs

from threeno.indicators.definitions import Indicator  # noqa: TC001 - Sphinx evaluates the annotations
from threeno.model.units import UnitRegistry  # noqa: TC001 - Sphinx evaluates the annotations
from threeno.rules.calendar import DayOffCalendar  # noqa: TC001 - Sphinx evaluates the annotations

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
