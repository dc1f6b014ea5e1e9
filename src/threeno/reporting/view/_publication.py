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
from threeno.reporting.view._indicators import category_figures, category_unit, figure_unit

if TYPE_CHECKING:
    from collections.abc import Mapping

    from threeno.indicators.definitions import CountUnit
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

    def _cell(self, where: CountKey, old: Cell, unit: CountUnit | None = None) -> Cell:
        hidden = (self._mark((*where, "numerator")), self._mark((*where, "denominator")))
        if hidden == (None, None) or old.numerator is None:
            return old
        shown = self.total.indicator.unit if unit is None else unit
        return make_cell(old.numerator, old.denominator, self.lang, hidden=hidden, unit=shown)

    def _figure(self, key: CountKey, old: Cell, figure: str) -> Cell:
        text = self._mark(key)
        if key[1] == "figure" and figure == "participants" and text is None:
            text = self._attended_mark()
        if text is None or old.numerator is None:
            return old
        unit = figure_unit(self.total, figure)
        return make_cell(old.numerator, None, self.lang, hidden=(text, None), unit=unit)

    def _attended_mark(self) -> str | None:
        """The mark of the attendances a report shows, a sum of the channels' figures.

        The sum of the channels people attend (:func:`~threeno.reporting.view._indicators.figures`)
        is hidden when any of its parts is: shown parts are 0 or k or more, and so is
        their sum, which gives away nothing they do not.
        """
        cells = self.total.disaggregations.get("channel", {})
        for slug in cells:
            if "participants" in category_figures(self.total, "channel", slug):
                mark = self._mark((self.id, "category_figure", "channel", slug, "participants"))
                if mark is not None:
                    return mark
        return None

    def _category(self, dimension: str, row: BreakdownRow) -> BreakdownRow:
        i, slug = self.id, row.category
        keys = category_figures(self.total, dimension, slug)
        unit = category_unit(self.total.indicator, dimension, slug)
        return attrs.evolve(
            row,
            cell=self._cell((i, "category", dimension, slug), row.cell, unit),
            figures=tuple(
                (label, self._figure((i, "category_figure", dimension, slug, key), c, key))
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
                (label, self._figure((i, "figure", key), cell, key))
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
