"""The bar chart of a share across units, with the plan's target as a line.

The HTML report draws it as an inline SVG (:mod:`threeno.reporting.render`); the JSON
report leaves it out, since the rows hold the same numbers. A published report's chart
reads the rows after their small counts are hidden, so a bar never gives one away.

Plan clauses: I.3, I.5, II.2.b, II.3.b (the shares the plan sets a target for).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from threeno.indicators.definitions import IndicatorKind, Level
from threeno.reporting.view._classes import Bar, BarChart
from threeno.reporting.view._words import words

if TYPE_CHECKING:
    from threeno.indicators.results import IndicatorSet
    from threeno.lang import Lang
    from threeno.reporting.view._classes import ResultRow

__all__ = ["chart"]


_CHART_WIDTH: Final = 560.0
_CHART_LEFT: Final = 200.0
_CHART_RIGHT: Final = 110.0
_BAR: Final = 16.0
_GAP: Final = 8.0


def chart(indicator_set: IndicatorSet, rows: tuple[ResultRow, ...], lang: Lang) -> BarChart | None:
    """A chart of a share counted by unit across the rows, or ``None`` for any other."""
    ind = indicator_set.indicator
    if ind.kind is not IndicatorKind.SHARE or ind.level is not Level.UNIT:
        return None
    scale = _CHART_WIDTH - _CHART_LEFT - _CHART_RIGHT
    bars = []
    for i, row in enumerate(rows):
        value = row.cell.value
        has_data = isinstance(value, float)
        bars.append(
            Bar(
                label=row.unit_name,
                text=row.cell.text if has_data or row.cell.suppressed else words(lang)["no_data"],
                width=round(scale * float(value), 1) if isinstance(value, float) else 0.0,
                y=_GAP + i * (_BAR + _GAP),
                has_data=has_data,
            )
        )
    target = indicator_set.total.target
    target_x = None
    if target is not None and 0 <= float(target.value) <= 1:
        target_x = round(_CHART_LEFT + scale * float(target.value), 1)
    return BarChart(
        width=_CHART_WIDTH,
        height=_GAP + len(bars) * (_BAR + _GAP),
        left=_CHART_LEFT,
        scale=scale,
        bar_height=_BAR,
        bars=tuple(bars),
        target_x=target_x,
        title=ind.name(lang),
    )
