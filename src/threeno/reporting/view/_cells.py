"""The one place a report turns a number into the text of a table cell.

Plan clauses: I.3 ("100%"), I.5 ("07/07"), IV.2 (reports published).
"""

from __future__ import annotations

from threeno.lang import Lang, check_lang, number, percent
from threeno.reporting.view._classes import Cell
from threeno.reporting.view._words import NO_VALUE, words

__all__ = ["make_cell"]


def make_cell(
    numerator: int,
    denominator: int | None,
    lang: Lang,
    *,
    hidden: tuple[str | None, str | None] = (None, None),
    has_data: bool = True,
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

    >>> from threeno.reporting.view import make_cell
    >>> make_cell(33, 35, "en").text, make_cell(33, 35, "vi").text, make_cell(4, None, "en").text
    ('33/35 = 94.3%', '33/35 = 94,3%', '4')
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
    hide_numerator, hide_denominator = hidden
    if hide_numerator is not None or hide_denominator is not None:
        top = number(numerator, code) if hide_numerator is None else hide_numerator
        if denominator is None:
            return Cell(numerator=None, denominator=None, value=None, text=top, suppressed=True)
        bottom = number(denominator, code) if hide_denominator is None else hide_denominator
        return Cell(
            numerator=None if hide_numerator is not None else numerator,
            denominator=None if hide_denominator is not None else denominator,
            value=None,
            text=f"{top}/{bottom}",
            suppressed=True,
        )
    if denominator is None:
        text = number(numerator, code) if has_data else NO_VALUE
        return Cell(numerator=numerator, denominator=None, value=numerator, text=text)
    parts = f"{number(numerator, code)}/{number(denominator, code)}"
    if not denominator or not has_data:
        text = f"{parts}: {w['no_data']}"
        return Cell(numerator=numerator, denominator=denominator, value=None, text=text)
    value = numerator / denominator
    text = f"{parts} = {percent(value, code)}"
    return Cell(numerator=numerator, denominator=denominator, value=value, text=text)
