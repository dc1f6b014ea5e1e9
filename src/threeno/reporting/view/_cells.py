"""The one place a report turns a number into the text of a table cell.

Plan clauses: I.3 ("100%"), I.5 ("07/07"), IV.2 (reports published).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from threeno.lang import Lang, check_lang, number, percent
from threeno.reporting.view._classes import Cell
from threeno.reporting.view._words import NO_VALUE, words

if TYPE_CHECKING:
    from threeno.indicators.definitions import CountUnit

__all__ = ["make_cell"]


def make_cell(  # noqa: PLR0913 - the cell's numbers, then its options, keyword-only
    numerator: int,
    denominator: int | None,
    lang: Lang,
    *,
    hidden: tuple[str | None, str | None] = (None, None),
    has_data: bool = True,
    unit: CountUnit | None = None,
) -> Cell:
    """Format one table cell: a count, or a share with its numerator and denominator.

    The only place a report turns a number into the text of a table cell, so that a
    rule for published tables (suppressing small counts) applies everywhere. Numbers are
    grouped as the language writes them (``19.353``, ``19,353``). A share with a zero
    denominator is *no data*, never 0% or 100%. A result with no data (no record its
    indicator looks at, ``has_data`` false) is never shown as a number that looks
    measured: a count shows :data:`NO_VALUE` ("—") beside its status *no data* instead
    of ``0``, a share its parts and *no data*; the cell keeps the numbers (``numerator``
    and, for a count, ``value`` stay ``0``) for the JSON and CSV reports. A hidden
    numerator or denominator is written as its mark, and the share's percentage is left
    out (it would give the hidden number away).

    A count carries its unit (``35 tin``, ``19.353 lượt người``), and so does a share's
    pair (``33/35 tin, đạt 94,3%``), as an official report writes them; without a
    unit, the bare numbers.

    >>> from threeno.indicators.definitions import CountUnit
    >>> from threeno.reporting.view import make_cell
    >>> tin = CountUnit("tin", "reports")
    >>> make_cell(33, 35, "vi", unit=tin).text, make_cell(33, 35, "en", unit=tin).text
    ('33/35 tin, đạt 94,3%', '33/35 reports, 94.3%')
    >>> make_cell(35, None, "vi", unit=tin).text, make_cell(1, None, "en", unit=tin).text
    ('35 tin', '1 report')
    >>> make_cell(33, 35, "en").text, make_cell(4, None, "en").text
    ('33/35 = 94.3%', '4')
    >>> make_cell(0, 0, "en").text, make_cell(19353, None, "vi").text
    ('0/0: no data', '19.353')
    >>> cell = make_cell(0, None, "vi", has_data=False)
    >>> cell.text, cell.value
    ('—', 0)
    >>> cell = make_cell(3, 35, "en", hidden=("<5", None))
    >>> cell.text, cell.numerator, cell.denominator, cell.value
    ('<5/35', None, 35, None)

    Args:
        numerator: the count or numerator.
        denominator: the denominator, ``None`` for a count.
        lang: ``"vi"`` or ``"en"``.
        unit: what the numbers count in (the indicator's ``unit``, a
            :class:`~threeno.indicators.definitions.CountUnit`); ``None``: bare numbers.
        hidden: what to show instead of the numerator and of the denominator, for
            those a published report hides (``None``: shown).
        has_data: whether any record the indicator looks at was there
            (:attr:`IndicatorResult.has_data
            <threeno.indicators.results.IndicatorResult.has_data>`).

    Raises:
        LanguageError: for another language.

    Plan clauses: I.3 ("100%"), I.5 ("07/07"), IV.2 (reports published).
    """
    code = check_lang(lang)
    w = words(code)
    after = "" if unit is None else f" {unit.label(code)}"
    hide_numerator, hide_denominator = hidden
    if hide_numerator is not None or hide_denominator is not None:
        top = number(numerator, code) if hide_numerator is None else hide_numerator
        if denominator is None:
            text = f"{top}{after}"
            return Cell(numerator=None, denominator=None, value=None, text=text, suppressed=True)
        bottom = number(denominator, code) if hide_denominator is None else hide_denominator
        return Cell(
            numerator=None if hide_numerator is not None else numerator,
            denominator=None if hide_denominator is not None else denominator,
            value=None,
            text=f"{top}/{bottom}{after}",
            suppressed=True,
        )
    if denominator is None:
        if not has_data:
            text = NO_VALUE
        elif unit is None:
            text = number(numerator, code)
        else:
            text = unit.text(numerator, code)
        return Cell(numerator=numerator, denominator=None, value=numerator, text=text)
    parts = f"{number(numerator, code)}/{number(denominator, code)}{after}"
    if not denominator or not has_data:
        text = f"{parts}: {w['no_data']}"
        return Cell(numerator=numerator, denominator=denominator, value=None, text=text)
    value = numerator / denominator
    shown = percent(value, code)
    if unit is None:
        text = f"{parts} = {shown}"
    else:
        text = w["share_of"].format(parts=parts, percent=shown)
    return Cell(numerator=numerator, denominator=denominator, value=value, text=text)
