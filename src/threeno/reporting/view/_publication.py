"""What a published report's view hides: its threshold, the marks in its tables, its lists.

Which counts to hide is decided over the whole report at once by
:func:`threeno.reporting.publication.marks` (a reader knows relations between tables,
not only within one); this module only applies the decision to the view: it puts
:data:`~threeno.privacy.HIDDEN_MARK` in the cells of the hidden counts
(:class:`Publication`), and keeps of the data-quality section only the totals read,
accepted and rejected (:func:`published_quality`). The privacy guide
(docs/guides/privacy.md) says what this guarantees and against which reader.

Plan clauses: IV.2 (reports published to the Steering Committee).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from threeno.errors import ValidationError
from threeno.privacy import HIDDEN_MARK, Suppression
from threeno.reporting.view._cells import make_cell
from threeno.reporting.view._indicators import figure_order

if TYPE_CHECKING:
    from collections.abc import Mapping

    from threeno.indicators.results import IndicatorSet
    from threeno.lang import Lang
    from threeno.reporting.publication import CountKey
    from threeno.reporting.view._classes import (
        Breakdown,
        BreakdownRow,
        Cell,
        QualityView,
        ResultRow,
    )

__all__ = ["Publication", "published_quality", "threshold"]


def threshold(value: object) -> int | None:
    """The ``suppress_below`` of a report: ``None``, or a whole number 2 or more.

    Raises:
        ValidationError: for anything else (``k = 1`` would hide nothing).
    """
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 2:  # k = 1 hides nothing
        msg = f"must be a whole number, 2 or more (counts 1 to k - 1 are hidden), not {value!r}"
        raise ValidationError(msg, cls_name="render", field="suppress_below")
    return value


class Publication:
    """The counts a published report hides in one indicator's tables, shown as marks.

    Which counts to hide is decided over the whole report at once
    (:func:`threeno.reporting.publication.marks`: a reader knows relations between
    tables, not only within one); this puts :data:`~threeno.privacy.HIDDEN_MARK` in their
    cells (:func:`make_cell`), numerators and denominators apart.

    Plan clauses: IV.2 (reports published to the Steering Committee).
    """

    def __init__(
        self, indicator_set: IndicatorSet, marks: Mapping[CountKey, Suppression], lang: Lang
    ) -> None:
        self.id, self.total, self.marks, self.lang = (
            indicator_set.indicator.id,
            indicator_set.total,
            marks,
            lang,
        )

    def _mark(self, key: CountKey) -> str | None:
        shown = self.marks.get(key, Suppression.SHOWN) is Suppression.SHOWN
        return None if shown else HIDDEN_MARK

    def _cell(self, where: CountKey, old: Cell) -> Cell:
        hidden = (self._mark((*where, "numerator")), self._mark((*where, "denominator")))
        if hidden == (None, None) or old.numerator is None:
            return old
        return make_cell(old.numerator, old.denominator, self.lang, hidden=hidden)

    def _figure(self, key: CountKey, old: Cell) -> Cell:
        text = self._mark(key)
        if text is None or old.numerator is None:
            return old
        return make_cell(old.numerator, None, self.lang, hidden=(text, None))

    def _category(self, dimension: str, row: BreakdownRow) -> BreakdownRow:
        i = self.id
        cell = self.total.disaggregations[dimension][row.category]
        keys = figure_order(self.total, cell.figures)
        return attrs.evolve(
            row,
            cell=self._cell((i, "category", dimension, row.category), row.cell),
            figures=tuple(
                (label, self._figure((i, "category_figure", dimension, row.category, key), c))
                for (label, c), key in zip(row.figures, keys, strict=True)
            ),
        )

    def apply(
        self,
        rows: tuple[ResultRow, ...],
        breakdowns: tuple[Breakdown, ...],
        figures: tuple[tuple[str, Cell], ...],
    ) -> tuple[tuple[ResultRow, ...], tuple[Breakdown, ...], tuple[tuple[str, Cell], ...]]:
        """The rows, breakdowns and figures with their hidden counts replaced by marks."""
        i = self.id
        return (
            tuple(
                attrs.evolve(
                    r,
                    cell=self._cell(
                        (i, "total") if r.unit_code is None else (i, "row", r.unit_code), r.cell
                    ),
                )
                for r in rows
            ),
            tuple(
                attrs.evolve(b, rows=tuple(self._category(b.dimension, row) for row in b.rows))
                for b in breakdowns
            ),
            tuple(
                (label, self._figure((i, "figure", key), cell))
                for (label, cell), key in zip(figures, self.total.figures, strict=True)
            ),
        )


def published_quality(quality: QualityView) -> QualityView:
    """The data-quality section of a published report: the totals only.

    Lines name records and quote values, and counts by record type can be small (three
    support actions): only the totals read, accepted and rejected, and the last part of
    the name of what was loaded, stay.
    """
    return attrs.evolve(
        quality,
        load_rows=(),
        placements=(),
        rejections=(),
        problems=(),
        notes=(),
        issues=(),
        crosswalk=(),
        withheld=True,
    )
