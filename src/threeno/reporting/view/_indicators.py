"""An indicator's tables: a row per unit and the whole area's, breakdowns, figures, records.

Each number goes through :func:`~threeno.reporting.view.make_cell`; a category is named
by ``category_label`` (``_words``); the failing records are named
by their pseudonymous id only, with the reason the engine wrote from its facts (dates,
codes, labels), never from personal data.

Plan clauses: I.1-I.5, II.1.b-II.4.b, III.2.c, III.4.c, IV.1, IV.2 (the indicators the
report consolidates).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from threeno.indicators.definitions import Dimension, Level
from threeno.lang import number
from threeno.reporting.view._cells import make_cell
from threeno.reporting.view._classes import Breakdown, BreakdownRow, FailingRecord, ResultRow
from threeno.reporting.view._words import category_label, figure_label, words

if TYPE_CHECKING:
    from threeno.indicators.explanation import Entry
    from threeno.indicators.results import IndicatorResult, IndicatorSet
    from threeno.lang import Lang
    from threeno.model.plan import Plan
    from threeno.reporting.view._classes import Cell, IndicatorView

__all__ = [
    "breakdowns",
    "failing",
    "failing_more",
    "figure_order",
    "figures",
    "in_progress",
    "rows",
]


def rows(indicator_set: IndicatorSet, lang: Lang) -> tuple[ResultRow, ...]:
    """A row per unit (none for an indicator counted by agency), then the total's."""
    return (
        *(_row(r, lang) for r in indicator_set.by_unit.values()),
        _row(indicator_set.total, lang),
    )


def _row(result: IndicatorResult, lang: Lang) -> ResultRow:
    w = words(lang)
    unit = result.unit
    if unit is not None:
        name = unit.full_name
    elif result.indicator.level is Level.AGENCY:
        name = w["agencies"]
    else:
        name = w["total"]
    return ResultRow(
        unit_code=None if unit is None else unit.code,
        unit_name=name,
        cell=make_cell(result.numerator, result.denominator, lang, has_data=result.has_data),
        target=result.target_text(lang),
        status=result.status.value,
        status_label=result.status.label(lang),
        has_data=result.has_data,
        records_considered=result.records_considered,
    )


def breakdowns(result: IndicatorResult, lang: Lang, plan: Plan | None) -> tuple[Breakdown, ...]:
    """The disaggregations of the whole area's result, in the engine's order."""
    out = []
    for dimension, cells in result.disaggregations.items():
        found = tuple(
            BreakdownRow(
                category=slug,
                label=category_label(dimension, slug, lang, plan),
                cell=make_cell(cell.numerator, cell.denominator, lang),
                figures=tuple(
                    (figure_label(k, lang), make_cell(cell.figures[k], None, lang))
                    for k in figure_order(result, cell.figures)
                ),
            )
            for slug, cell in cells.items()
        )
        label = Dimension.from_slug(dimension).label(lang)
        out.append(Breakdown(dimension=dimension, label=label, rows=found))
    return tuple(out)


def figure_order(result: IndicatorResult, figures: dict[str, int]) -> list[str]:
    """The keys of a category's figures: the definition's order, then the others sorted."""
    named = [k for k in result.indicator.figures if k in figures]
    return named + sorted(k for k in figures if k not in named)


def figures(result: IndicatorResult, lang: Lang) -> tuple[tuple[str, Cell], ...]:
    """The whole area's extra figures, ``(label, cell)``, in the result's order."""
    return tuple(
        (figure_label(k, lang), make_cell(n, None, lang)) for k, n in result.figures.items()
    )


def failing(result: IndicatorResult, lang: Lang) -> tuple[tuple[FailingRecord, ...], int]:
    """The failing records the evaluation kept, and how many more there are.

    For an indicator that counts what the plan wants none of (``adverse``), the records
    counted; for any other, the records of the denominator that the numerator does not
    count.
    """
    explanation = result.explanation
    if result.indicator.adverse:
        entries: tuple[Entry, ...] = explanation.counted
        expected = result.numerator
    else:
        entries = explanation.failures
        expected = 0 if result.denominator is None else result.denominator - result.numerator
        expected -= explanation.in_progress_count
    records = tuple(
        FailingRecord(record_id=e.record_id, unit_code=e.unit, reason=e.reason.text(lang))
        for e in entries
    )
    return records, max(expected - len(records), 0)


def in_progress(result: IndicatorResult, lang: Lang) -> tuple[tuple[FailingRecord, ...], int]:
    """The records in progress the evaluation kept, and how many more there are.

    Records of the denominator that the numerator does not count and that do not fail:
    a crime report still within its time limit at the period's end, or suspended
    (``reports.resolved``), each with the line that says which.
    """
    explanation = result.explanation
    records = tuple(
        FailingRecord(record_id=e.record_id, unit_code=e.unit, reason=e.reason.text(lang))
        for e in explanation.in_progress
    )
    return records, max(explanation.in_progress_count - len(records), 0)


def failing_more(view: IndicatorView, mode: str, lang: Lang) -> IndicatorView:
    """The view with the sentences saying how many records are not listed, and why.

    One for the failing records, one for the records in progress.
    """
    w = words(lang)
    template = w.get(f"failing_more_{mode}", w["failing_more_all"])

    def sentence(n: int) -> str:
        return template.format(n=number(n, lang)) if n else ""

    return attrs.evolve(
        view,
        failing_more=sentence(view.failing_omitted),
        in_progress_more=sentence(view.in_progress_omitted),
    )
