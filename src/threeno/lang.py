"""threeno's two languages, and how each writes numbers, shares, dates and counts.

Everything threeno shows a person is written in Vietnamese (``"vi"``, the language of the
officials who read and sign the reports) or English (``"en"``, for developers and
partners). :data:`Lang` is the type of a language argument, :func:`check_lang` the one
check of it (a :class:`~threeno.errors.LanguageError` for anything else), and the
formatters below the one way each language writes a number:

* Vietnamese groups thousands with a dot and writes decimals with a comma
  (``19.353``; ``60,0%``), as administrative documents do (Nghị định 30/2020/NĐ-CP,
  Appendix I, and the usage of TCVN 6398-1:1998 for the decimal sign);
* English groups with a comma and writes decimals with a point (``19,353``; ``60.0%``);
* both write a date ``dd/mm/yyyy`` with two-digit day and month (``14/06/2024``), the one
  style of Vietnamese administrative documents, so a report never mixes ``14/6/2024`` with
  ``14/06/2024``.

>>> from threeno.lang import count, date, number, percent
>>> number(19353, "vi"), number(19353, "en"), percent(0.6, "vi"), percent(0.6, "en")
('19.353', '19,353', '60,0%', '60.0%')
>>> import datetime as dt
>>> date(dt.date(2024, 6, 14), "vi"), count(35, "tin", "reports", "vi")
('14/06/2024', '35 tin')

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import datetime as dt  # noqa: TC003 - Sphinx evaluates the annotations to link them
from typing import Final, Literal

from threeno.errors import LanguageError

__all__ = ["LANGS", "Lang", "check_lang", "count", "date", "number", "percent", "target"]

#: A language threeno writes (Vietnamese or English).
Lang = Literal["vi", "en"]
#: The languages, Vietnamese first (the default of every output an official reads).
LANGS: Final[tuple[Lang, ...]] = ("vi", "en")


_SWAP_SEPARATORS: Final = str.maketrans(",.", ".,")


def check_lang(lang: object) -> Lang:
    """Return ``lang`` if threeno writes it, else raise :class:`~threeno.errors.LanguageError`.

    >>> from threeno.lang import check_lang
    >>> check_lang("vi")
    'vi'

    Raises:
        LanguageError: for anything but ``"vi"`` or ``"en"`` (the message names both).
    """
    if lang == "vi" or lang == "en":  # noqa: PLR1714 - narrows the type for mypy
        return lang
    shown = repr(lang) if isinstance(lang, str) and len(lang) <= 16 else type(lang).__name__
    msg = f"unknown language {shown}: threeno writes 'vi' (Vietnamese) and 'en' (English)"
    raise LanguageError(msg, code="unknown_language", params={"lang": shown})


def number(value: int, lang: Lang) -> str:
    """A whole number with its thousands grouped: ``19.353`` (vi), ``19,353`` (en).

    >>> from threeno.lang import number
    >>> number(-1234567, "vi"), number(7, "en")
    ('-1.234.567', '7')
    """
    text = f"{value:,}"
    return text.replace(",", ".") if check_lang(lang) == "vi" else text


def percent(value: float, lang: Lang, digits: int = 1) -> str:
    """A share (a fraction) as a percentage with ``digits`` decimals: ``60,0%`` / ``60.0%``.

    >>> from threeno.lang import percent
    >>> percent(33 / 35, "vi"), percent(33 / 35, "en"), percent(1.0, "vi", digits=0)
    ('94,3%', '94.3%', '100%')
    """
    text = f"{value * 100:,.{digits}f}%"
    if check_lang(lang) == "vi":
        return text.translate(_SWAP_SEPARATORS)
    return text


def target(value: float, lang: Lang, *, share: bool) -> str:
    """A target's value as a plan writes it: ``100%``, ``90,5%`` for a share, ``1.000`` for a count.

    A share (a fraction) is a percentage with one decimal, left out when it is 0 (so
    ``0.9999`` is ``100%``, as it rounds); a whole count is grouped as :func:`number`; any
    other count is written with the language's decimal sign (``2,5`` / ``2.5``).

    >>> from threeno.lang import target
    >>> target(1.0, "vi", share=True), target(0.905, "vi", share=True)
    ('100%', '90,5%')
    >>> (
    ...     target(0.9, "en", share=True),
    ...     target(1000, "vi", share=False),
    ...     target(2.5, "vi", share=False),
    ... )
    ('90%', '1.000', '2,5')

    .. versionadded:: 0.2.0
    """
    language = check_lang(lang)
    if share:  # one decimal, dropped when it is 0 (0.9999 is written 100%, as it rounds)
        return percent(value, language, digits=1).replace(",0%", "%").replace(".0%", "%")
    if isinstance(value, int) or float(value).is_integer():
        return number(int(value), language)
    return f"{value:g}".replace(".", "," if language == "vi" else ".")


def date(day: dt.date, lang: Lang) -> str:
    """A date as ``dd/mm/yyyy`` in both languages (``14/06/2024``).

    Source: Nghị định 30/2020/NĐ-CP, Appendix I (dates written with two-digit day and
    month, e.g. "ngày 05 tháng 02 năm 2020"; in tables, the numeric form).
    """
    check_lang(lang)
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def count(value: int, unit_vi: str, unit_en: str, lang: Lang) -> str:
    """A count with its unit: ``35 tin`` (vi), ``35 reports`` (en), grouped as :func:`number`.

    ``unit_en`` is the plural; English writes the singular for one by dropping a final
    ``s`` (``1 report``), which covers the units threeno counts in.
    """
    shown = number(value, lang)
    if lang == "vi":
        return f"{shown} {unit_vi}"
    unit = unit_en[:-1] if value == 1 and unit_en.endswith("s") else unit_en
    return f"{shown} {unit}"
