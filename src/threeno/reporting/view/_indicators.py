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

from threeno.indicators.definitions import CHANNEL_UNITS, FIGURE_UNITS, Dimension, Level
from threeno.indicators.explanation import lower_first
from threeno.lang import number
from threeno.reporting.view._cells import make_cell
from threeno.reporting.view._classes import (
    Breakdown,
    BreakdownRow,
    Cell,
    FailingRecord,
    ResultRow,
)
from threeno.reporting.view._words import NO_VALUE, category_label, figure_label, words

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from threeno.indicators.definitions import CountUnit, Indicator
    from threeno.indicators.explanation import Entry
    from threeno.indicators.results import IndicatorResult, IndicatorSet
    from threeno.lang import Lang
    from threeno.model.plan import Plan
    from threeno.reporting.view._classes import IndicatorView

__all__ = [
    "breakdowns",
    "category_figures",
    "category_unit",
    "failing",
    "failing_more",
    "figure_order",
    "figure_unit",
    "figures",
    "in_progress",
    "rows",
    "target",
]


def rows(
    indicator_set: IndicatorSet, lang: Lang, plan: Plan | None = None
) -> tuple[ResultRow, ...]:
    """A row per unit (none for an indicator counted by agency), then the total's."""
    return (
        *(_row(r, lang, plan) for r in indicator_set.by_unit.values()),
        _row(indicator_set.total, lang, plan),
    )


def target(result: IndicatorResult, lang: Lang, plan: Plan | None) -> str:
    """The target as an official report writes it, with the clause that sets it.

    ``Không thấp hơn 100% (điểm 3 mục I)``; ``—`` where the plan sets none; a target or
    deadline the plan does not set says so after the clause (``Không thấp hơn 100%
    (điểm 3 mục I; theo cách hiểu của phần mềm, Kế hoạch không quy định)``). The clause
    is named as the plan refers to it (:meth:`Plan.cite
    <threeno.model.plan.Plan.cite>`); without the plan, by its id.
    """
    found = result.target
    if found is None:
        return NO_VALUE
    shown = result.indicator.target_text(found, lang)
    clause = found.clause if plan is None else plan.cite(found.clause, lang)
    why = result.reading_note(lang)  # a reading is labelled so, never shown as the plan's
    where = clause if why is None else f"{clause}; {why}"
    return f"{shown[:1].upper()}{shown[1:]} ({where})"


def _row(result: IndicatorResult, lang: Lang, plan: Plan | None) -> ResultRow:
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
        cell=make_cell(
            result.numerator,
            result.denominator,
            lang,
            has_data=result.has_data,
            unit=result.indicator.unit,
        ),
        target=target(result, lang, plan),
        status=result.status.value,
        status_label=result.status.label(lang),
        has_data=result.has_data,
        records_considered=result.records_considered,
    )


def breakdowns(result: IndicatorResult, lang: Lang, plan: Plan | None) -> tuple[Breakdown, ...]:
    """The disaggregations of the whole area's result, in the engine's order.

    Each category counts in the indicator's unit, but a channel of outreach in its own
    (:data:`~threeno.indicators.definitions.CHANNEL_UNITS`: ``71 lần phát``, ``12
    buổi``; :func:`category_unit`); attendances are shown only for the channels people
    attend, and not by language, where broadcasts and meetings are mixed
    (:func:`category_figures`).
    """
    out = []
    for dimension, cells in result.disaggregations.items():
        found = tuple(
            BreakdownRow(
                category=slug,
                label=category_label(dimension, slug, lang, plan),
                cell=make_cell(
                    cell.numerator,
                    cell.denominator,
                    lang,
                    unit=category_unit(result.indicator, dimension, slug),
                ),
                figures=tuple(
                    (figure_label(k, lang), _figure_cell(result, k, cell.figures[k], lang))
                    for k in category_figures(result, dimension, slug)
                ),
            )
            for slug, cell in cells.items()
        )
        label = Dimension.from_slug(dimension).label(lang)
        out.append(Breakdown(dimension=dimension, label=label, rows=found))
    return tuple(out)


def category_unit(indicator: Indicator, dimension: str, slug: str) -> CountUnit:
    """What a category of a breakdown counts in: its channel's unit, or the indicator's."""
    if dimension == Dimension.CHANNEL.value and slug in CHANNEL_UNITS:
        return CHANNEL_UNITS[slug][0]
    return indicator.unit


def category_figures(result: IndicatorResult, dimension: str, slug: str) -> list[str]:
    """The keys of the figures a category shows, in order (:func:`figure_order`).

    Attendances only for a channel people attend; none by language, where broadcasts
    and meetings are mixed.
    """
    attended = dimension != Dimension.LANGUAGE.value
    if dimension == Dimension.CHANNEL.value and slug in CHANNEL_UNITS:
        attended = CHANNEL_UNITS[slug][1]
    keys = figure_order(result, result.disaggregations[dimension][slug].figures)
    return [k for k in keys if attended or k != _PEOPLE]


def figure_unit(result: IndicatorResult, key: str) -> CountUnit:
    """What an extra figure counts in: its own unit, or its indicator's."""
    return FIGURE_UNITS.get(key, result.indicator.unit)


# The figure of attendances, which only meetings have.
_PEOPLE = "participants"


def _figure_cell(result: IndicatorResult, key: str, n: int, lang: Lang) -> Cell:
    """A figure's cell, in its own unit or its indicator's."""
    return make_cell(n, None, lang, unit=figure_unit(result, key))


def _attended(result: IndicatorResult) -> int | None:
    """The attendances of the channels people attend, from the channel breakdown.

    ``None`` when the result has no breakdown by channel (the figure is then shown as
    counted).
    """
    cells = result.disaggregations.get(Dimension.CHANNEL.value)
    if cells is None:
        return None
    return sum(
        cell.figures.get(_PEOPLE, 0)
        for slug, cell in cells.items()
        if CHANNEL_UNITS.get(slug, (None, True))[1]
    )


def figure_order(result: IndicatorResult, figures: dict[str, int]) -> list[str]:
    """The keys of a category's figures: the definition's order, then the others sorted."""
    named = [k for k in result.indicator.figures if k in figures]
    return named + sorted(k for k in figures if k not in named)


def figures(result: IndicatorResult, lang: Lang) -> tuple[tuple[str, Cell], ...]:
    """The whole area's extra figures, ``(label, cell)``, in the result's order.

    Attendances count the meetings only (a broadcast has no attendees), summed from the
    breakdown by channel when there is one.
    """
    out = []
    for key, n in result.figures.items():
        shown = n
        if key == _PEOPLE:
            attended = _attended(result)
            shown = n if attended is None else attended
        out.append((figure_label(key, lang), _figure_cell(result, key, shown, lang)))
    return tuple(out)


def failing(
    result: IndicatorResult, lang: Lang, names: Mapping[str, str] | None = None
) -> tuple[tuple[FailingRecord, ...], int]:
    """The failing records the evaluation kept, and how many more there are.

    For an indicator that counts what the plan wants none of (``adverse``), the records
    counted; for any other, the records of the denominator that the numerator does not
    count. ``names`` gives a unit's name by its code.
    """
    found = names or {}
    explanation = result.explanation
    if result.indicator.adverse:
        entries: Sequence[Entry] = explanation.counted
        expected = result.numerator
    else:
        entries = explanation.failures
        expected = 0 if result.denominator is None else result.denominator - result.numerator
        expected -= explanation.in_progress_count
    records = tuple(
        FailingRecord(
            record_id=e.record_id,
            unit_code=e.unit,
            reason=e.reason.text(lang),
            unit_name="" if e.unit is None else _running(found.get(e.unit, e.unit), lang),
        )
        for e in entries
    )
    return records, max(expected - len(records), 0)


def in_progress(
    result: IndicatorResult, lang: Lang, names: Mapping[str, str] | None = None
) -> tuple[tuple[FailingRecord, ...], int]:
    """The records in progress the evaluation kept, and how many more there are.

    Records of the denominator that the numerator does not count and that do not fail:
    a crime report still within its time limit at the period's end, or suspended
    (``reports.resolved``), each with the line that says which. ``names`` gives a unit's
    name by its code.
    """
    found = names or {}
    explanation = result.explanation
    records = tuple(
        FailingRecord(
            record_id=e.record_id,
            unit_code=e.unit,
            reason=e.reason.text(lang),
            unit_name="" if e.unit is None else _running(found.get(e.unit, e.unit), lang),
        )
        for e in explanation.in_progress
    )
    return records, max(explanation.in_progress_count - len(records), 0)


def _running(name: str, lang: Lang) -> str:
    """A unit's name inside a sentence: ``phường Tân Phong`` (Nghị định 30/2020/NĐ-CP)."""
    return lower_first(name) if lang == "vi" else name


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
