"""The legal texts threeno cites, as data: each instrument, and references into it.

A rule names its source twice: in words, in its docstring (``Legal sources: ...``, for
the reader and the generated rules page), and as data, a :class:`Reference` to an
:class:`Instrument` (a law, code, decree, decision, resolution or circular) with its
article, clause and point, from which the citations the rule shows are written
(:func:`cite`). An instrument carries its number and its dates, so a rule that changes
with the law can be chosen by date (the support regimes, the time limits of criminal
procedure).

Laws are cited by their Vietnamese names in both languages, as the plan and the officials
who read the reports cite them; English orders a citation as "name, Art. 147(1)",
Vietnamese as "khoản 1 Điều 147 name".

What the project could not check against the instrument's own text is marked
``verified=False`` with a ``note`` saying what is open: an instrument whose number or
dates come from the public record rather than from the project's sources, a reading of
an article that rests on secondary sources.

>>> from threeno.model.sources import CRIMINAL_PROCEDURE_CODE_2015, Reference, cite
>>> base = Reference(instrument=CRIMINAL_PROCEDURE_CODE_2015, article="147", clause="1")
>>> base.cite("en"), base.cite("vi")
('Bộ luật Tố tụng hình sự 2015, Art. 147(1)', 'khoản 1 Điều 147 Bộ luật Tố tụng hình sự 2015')
>>> counting = Reference(instrument=CRIMINAL_PROCEDURE_CODE_2015, article="134", clause="1")
>>> cite((base, counting), "vi")
'khoản 1 Điều 147, khoản 1 Điều 134 Bộ luật Tố tụng hình sự 2015'

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping  # noqa: TC003 - Sphinx evaluates the annotations
from types import MappingProxyType
from typing import Any, Final

import attrs

from threeno.lang import Lang, check_lang
from threeno.model._base import check_order, fail, nfc, non_empty, optional_date

__all__ = [
    "AMENDING_LAW_2021",
    "ANTI_TRAFFICKING_LAW_2011",
    "ANTI_TRAFFICKING_LAW_2024",
    "CIRCULAR_84_2019",
    "CIRCULAR_124_2021",
    "CRIMINAL_CODE_2015",
    "CRIMINAL_PROCEDURE_CODE_2015",
    "DECISION_188_1999",
    "DECISION_193_2021",
    "DECREE_09_2013",
    "DECREE_09_2019",
    "DECREE_30_2020",
    "DECREE_60_2018",
    "DECREE_162_2025",
    "INSTRUMENTS",
    "LABOUR_CODE_2019",
    "RESOLUTION_1670_2025",
    "Instrument",
    "Reference",
    "cite",
]

#: The shape of an instrument's id: lower-case ASCII words and numbers joined by hyphens,
#: as a plan file names its legal bases (``"luat-pcmbn-2011"``, ``"nq-1670-2025"``).
_ID: Final = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
#: An article, clause or point as the law numbers it: digits (``"147"``, ``"1"``) or a
#: Vietnamese letter (``"a"``, ``"đ"``).
_PART: Final = re.compile(r"[0-9]+[a-z]?|[a-zđ]")


def _slug(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not _ID.fullmatch(value):
        fail(instance, attribute.name, "must be a lower-case id of letters, digits and hyphens")


def _part(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, str) or not _PART.fullmatch(value)):
        fail(instance, attribute.name, "must be a number (147) or a letter (a, đ), or None")


@attrs.frozen(kw_only=True)
class Instrument:
    """A legal instrument threeno cites: its name, number and dates.

    Args:
        id: a slug naming it (``"bltths-2015"``), as plan files name their legal bases.
        name_vi: how threeno cites it, in Vietnamese (``"Bộ luật Tố tụng hình sự 2015"``);
            citations in both languages use this name.
        name_en: its English name, for a glossary (``"Criminal Procedure Code 2015"``).
        number: its official number (``"101/2015/QH13"``).
        issued_on: the day it was passed or signed, if recorded here.
        in_force_from: the first day it is in force, if recorded here.
        in_force_to: the last day it is in force; ``None`` while in force, or when its
            end is not recorded here (the ``note`` says which).
        verified: ``False`` when the number or a date is not in the project's sources
            (taken from the public record; to check against the official gazette).
        note: what a reader should know (amendments, what is not recorded).

    Raises:
        ValidationError: an empty name or number, an id that is not a slug, or
            ``in_force_to`` before ``in_force_from``.

    .. versionadded:: 0.2.0
    """

    id: str = attrs.field(validator=_slug)
    name_vi: str = attrs.field(converter=nfc, validator=non_empty)
    name_en: str = attrs.field(validator=non_empty)
    number: str = attrs.field(converter=nfc, validator=non_empty)
    issued_on: dt.date | None = attrs.field(default=None, validator=optional_date)
    in_force_from: dt.date | None = attrs.field(default=None, validator=optional_date)
    in_force_to: dt.date | None = attrs.field(default=None, validator=optional_date)
    verified: bool = True
    note: str = ""

    def __attrs_post_init__(self) -> None:
        """Refuse an end of force before its start."""
        check_order(self, ("in_force_from", self.in_force_from), ("in_force_to", self.in_force_to))

    def in_force_on(self, day: dt.date) -> bool:
        """Whether the instrument is in force on ``day``, as far as its dates are recorded.

        An instrument with no recorded start is taken as in force before ``in_force_to``.
        """
        start, end = self.in_force_from, self.in_force_to
        return (start is None or start <= day) and (end is None or day <= end)


@attrs.frozen(kw_only=True)
class Reference:
    """A place in an instrument: an article, its clause (khoản) and point (điểm).

    Args:
        instrument: the instrument.
        article: the article (``"147"``), or ``None`` for the instrument as a whole.
        clause: the clause of that article (``"1"``), or ``None``.
        point: the point of that clause (``"a"``, ``"đ"``), or ``None``.
        verified: ``False`` when the reading of this place rests on secondary sources,
            or the project's sources mark it unverified.
        note: what a reader should know about the reading.

    Raises:
        ValidationError: a point without a clause, or a clause without an article, or
            a part that is neither a number nor a letter.

    .. versionadded:: 0.2.0
    """

    instrument: Instrument = attrs.field(validator=attrs.validators.instance_of(Instrument))
    article: str | None = attrs.field(default=None, validator=_part)
    clause: str | None = attrs.field(default=None, validator=_part)
    point: str | None = attrs.field(default=None, validator=_part)
    verified: bool = True
    note: str = ""

    def __attrs_post_init__(self) -> None:
        """A point lies in a clause, a clause in an article."""
        if self.point is not None and self.clause is None:
            fail(self, "point", "needs the clause it belongs to")
        if self.clause is not None and self.article is None:
            fail(self, "clause", "needs the article it belongs to")

    def pinpoint(self, lang: Lang = "en") -> str:
        """The place alone: ``Art. 32(1)(a)`` (en), ``điểm a khoản 1 Điều 32`` (vi).

        Empty for a reference to the whole instrument.

        Raises:
            LanguageError: for a language other than ``"vi"`` or ``"en"``.
        """
        if check_lang(lang) == "en":
            if self.article is None:
                return ""
            parts = [f"Art. {self.article}"]
            parts += [f"({part})" for part in (self.clause, self.point) if part is not None]
            return "".join(parts)
        words = (("điểm", self.point), ("khoản", self.clause), ("Điều", self.article))
        return " ".join(f"{word} {part}" for word, part in words if part is not None)

    def cite(self, lang: Lang = "en") -> str:
        """The full citation, e.g. ``Bộ luật Tố tụng hình sự 2015, Art. 148`` (en).

        Raises:
            LanguageError: for a language other than ``"vi"`` or ``"en"``.
        """
        return cite((self,), lang)


def cite(references: Iterable[Reference], lang: Lang = "en") -> str:
    """Cite several places, the instrument named once for each run of places in it.

    English: ``Bộ luật Tố tụng hình sự 2015, Art. 147(1), Art. 134(1)``; Vietnamese, in
    its citation order: ``khoản 1 Điều 147, khoản 1 Điều 134 Bộ luật Tố tụng hình sự
    2015``. Runs of different instruments are joined by ``"; "``.

    Args:
        references: the places, in the order to cite them.
        lang: ``"en"`` (the default) or ``"vi"``.

    Returns:
        The citation (empty for no reference).

    Raises:
        LanguageError: for a language other than ``"vi"`` or ``"en"``.
    """
    language = check_lang(lang)
    runs: list[tuple[Instrument, list[str]]] = []
    for ref in references:
        place = ref.pinpoint(language)
        if runs and runs[-1][0] is ref.instrument:
            runs[-1][1].append(place)
        else:
            runs.append((ref.instrument, [place]))
    cited = []
    for instrument, places in runs:
        where = ", ".join(p for p in places if p)
        name = instrument.name_vi
        if not where:
            cited.append(name)
        else:
            cited.append(f"{name}, {where}" if language == "en" else f"{where} {name}")
    return "; ".join(cited)


# -- the instruments --------------------------------------------------------------------

_PUBLIC_RECORD: Final = (
    "not in the project's sources: from the public record, to check against the official gazette"
)

CRIMINAL_PROCEDURE_CODE_2015: Final = Instrument(
    id="bltths-2015",
    name_vi="Bộ luật Tố tụng hình sự 2015",
    name_en="Criminal Procedure Code 2015",
    number="101/2015/QH13",
    issued_on=dt.date(2015, 11, 27),
    in_force_from=dt.date(2018, 1, 1),
    verified=False,
    note=(
        f"number and dates {_PUBLIC_RECORD}; amended in 2021 by Luật 02/2021/QH15 (Art. 148,"
        " force majeure); it replaced Bộ luật Tố tụng hình sự 2003, which threeno does not"
        " encode"
    ),
)
"""Bộ luật Tố tụng hình sự 2015 (101/2015/QH13), in force from 1 January 2018, amended 2021.

Art. 134 (counting time limits), 144 (sources of crime information), 147–149 (the time
limit to decide on them, suspension, resumption).
"""

AMENDING_LAW_2021: Final = Instrument(
    id="luat-02-2021",
    name_vi="Luật 02/2021/QH15",
    name_en="Law 02/2021/QH15 amending the Criminal Procedure Code",
    number="02/2021/QH15",
    note="its dates are not recorded here; it added force majeure to Art. 148",
)
"""Luật 02/2021/QH15, amending Bộ luật Tố tụng hình sự 2015 (force majeure in Art. 148)."""

CRIMINAL_CODE_2015: Final = Instrument(
    id="blhs-2015",
    name_vi="Bộ luật Hình sự 2015",
    name_en="Criminal Code 2015",
    number="100/2015/QH13",
    issued_on=dt.date(2015, 11, 27),
    in_force_from=dt.date(2018, 1, 1),
    verified=False,
    note=(
        f"number and dates {_PUBLIC_RECORD}; amended in 2017 (Luật 12/2017/QH14); the exact"
        " names of Art. 348 and 349 in the amended text are to be checked"
    ),
)
"""Bộ luật Hình sự 2015, amended 2017; the offences of Art. 150, 151, 153, 174, 348, 349."""

ANTI_TRAFFICKING_LAW_2011: Final = Instrument(
    id="luat-pcmbn-2011",
    name_vi="Luật Phòng, chống mua bán người 2011",
    name_en="Law on Prevention and Combat of Human Trafficking 2011",
    number="66/2011/QH12",
    issued_on=dt.date(2011, 3, 29),
    in_force_from=dt.date(2012, 1, 1),
    in_force_to=dt.date(2025, 6, 30),
    note="replaced by Luật Phòng, chống mua bán người 2024 from 1 July 2025",
)
"""Luật Phòng, chống mua bán người 2011 (66/2011/QH12), 1 January 2012 to 30 June 2025."""

ANTI_TRAFFICKING_LAW_2024: Final = Instrument(
    id="luat-pcmbn-2024",
    name_vi="Luật Phòng, chống mua bán người 2024",
    name_en="Law on Prevention and Combat of Human Trafficking 2024",
    number="53/2024/QH15",
    issued_on=dt.date(2024, 11, 28),
    in_force_from=dt.date(2025, 7, 1),
)
"""Luật Phòng, chống mua bán người 2024 (53/2024/QH15), in force from 1 July 2025."""

DECREE_09_2013: Final = Instrument(
    id="nd-09-2013",
    name_vi="Nghị định 09/2013/NĐ-CP",
    name_en="Decree 09/2013/NĐ-CP detailing the 2011 Law on Prevention and Combat of Human"
    " Trafficking",
    number="09/2013/NĐ-CP",
    in_force_from=dt.date(2013, 4, 15),
    note="its issue date and its end are not recorded here",
)
"""Nghị định 09/2013/NĐ-CP, in force from 15 April 2013 (support under the 2011 law)."""

DECREE_162_2025: Final = Instrument(
    id="nd-162-2025",
    name_vi="Nghị định 162/2025/NĐ-CP",
    name_en="Decree 162/2025/NĐ-CP detailing the 2024 Law on Prevention and Combat of Human"
    " Trafficking",
    number="162/2025/NĐ-CP",
    note="its dates are not recorded here",
)
"""Nghị định 162/2025/NĐ-CP, detailing the support regimes of the 2024 law."""

CIRCULAR_84_2019: Final = Instrument(
    id="tt-84-2019",
    name_vi="Thông tư 84/2019/TT-BTC",
    name_en="Circular 84/2019/TT-BTC of the Ministry of Finance",
    number="84/2019/TT-BTC",
    note="its dates are not recorded here",
)
"""Thông tư 84/2019/TT-BTC (support for persons abroad awaiting verification as victims)."""

LABOUR_CODE_2019: Final = Instrument(
    id="blld-2019",
    name_vi="Bộ luật Lao động 2019",
    name_en="Labour Code 2019",
    number="45/2019/QH14",
    issued_on=dt.date(2019, 11, 20),
    in_force_from=dt.date(2021, 1, 1),
    verified=False,
    note=f"number and dates {_PUBLIC_RECORD}",
)
"""Bộ luật Lao động 2019, whose Art. 112 sets the public holidays."""

DECISION_188_1999: Final = Instrument(
    id="qd-188-1999",
    name_vi="Quyết định 188/1999/QĐ-TTg",
    name_en="Decision 188/1999/QĐ-TTg of the Prime Minister on the 40-hour working week",
    number="188/1999/QĐ-TTg",
    issued_on=dt.date(1999, 9, 17),
    verified=False,
    note=f"issue date {_PUBLIC_RECORD}; its entry into force is not recorded here",
)
"""Quyết định 188/1999/QĐ-TTg, which makes Saturday and Sunday the days off of state bodies."""

DECREE_09_2019: Final = Instrument(
    id="nd-09-2019",
    name_vi="Nghị định 09/2019/NĐ-CP",
    name_en="Decree 09/2019/NĐ-CP on the reporting regime of state administrative agencies",
    number="09/2019/NĐ-CP",
    issued_on=dt.date(2019, 1, 24),
    in_force_from=dt.date(2019, 3, 12),
    verified=False,
    note=f"dates {_PUBLIC_RECORD}",
)
"""Nghị định 09/2019/NĐ-CP, whose Art. 12 sets the data cut-off of administrative reports."""

DECREE_60_2018: Final = Instrument(
    id="nd-60-2018",
    name_vi="Nghị định 60/2018/NĐ-CP",
    name_en="Decree 60/2018/NĐ-CP on the national statistical reporting regime",
    number="60/2018/NĐ-CP",
    note="its dates are not recorded here",
)
"""Nghị định 60/2018/NĐ-CP, national statistical reporting on calendar periods."""

DECREE_30_2020: Final = Instrument(
    id="nd-30-2020",
    name_vi="Nghị định 30/2020/NĐ-CP",
    name_en="Decree 30/2020/NĐ-CP on clerical work",
    number="30/2020/NĐ-CP",
    note="its dates are not recorded here",
)
"""Nghị định 30/2020/NĐ-CP, whose Appendix I says how administrative documents write dates."""

RESOLUTION_1670_2025: Final = Instrument(
    id="nq-1670-2025",
    name_vi="Nghị quyết 1670/NQ-UBTVQH15",
    name_en="Resolution 1670/NQ-UBTVQH15 of the Standing Committee of the National Assembly"
    " on arranging the commune-level units of Lai Châu province",
    number="1670/NQ-UBTVQH15",
    issued_on=dt.date(2025, 6, 16),
    in_force_from=dt.date(2025, 7, 1),
)
"""Nghị quyết 1670/NQ-UBTVQH15 of 16 June 2025, Lai Châu's communes and wards from 1 July 2025."""

CIRCULAR_124_2021: Final = Instrument(
    id="tt-124-2021",
    name_vi="Thông tư 124/2021/TT-BCA",
    name_en="Circular 124/2021/TT-BCA of the Ministry of Public Security (the"
    " security-and-order safety standard)",
    number="124/2021/TT-BCA",
    issued_on=dt.date(2021, 12, 28),
    in_force_from=dt.date(2022, 2, 10),
    note="its full list of criteria is not verified; threeno records an assessment's result",
)
"""Thông tư 124/2021/TT-BCA of 28 December 2021, the safety standard, in force 10 February 2022."""

DECISION_193_2021: Final = Instrument(
    id="qd-193-2021",
    name_vi="Quyết định 193/QĐ-TTg",
    name_en="Decision 193/QĐ-TTg of the Prime Minister approving the action programme"
    " against human trafficking 2021–2025",
    number="193/QĐ-TTg",
    issued_on=dt.date(2021, 2, 9),
    note="succeeded by Quyết định 33/QĐ-TTg (7 January 2026, programme 2026–2030)",
)
"""Quyết định 193/QĐ-TTg of 9 February 2021, the national programme and targets 2021–2025."""


def _by_id(instruments: Iterable[Instrument]) -> Mapping[str, Instrument]:
    table: dict[str, Instrument] = {}
    for instrument in instruments:
        if instrument.id in table:  # pragma: no cover - a programming error, caught by a test
            msg = f"two instruments with the id {instrument.id!r}"
            raise ValueError(msg)
        table[instrument.id] = instrument
    return MappingProxyType(table)


#: Every instrument above, by id.
INSTRUMENTS: Final[Mapping[str, Instrument]] = _by_id(
    (
        CRIMINAL_PROCEDURE_CODE_2015,
        AMENDING_LAW_2021,
        CRIMINAL_CODE_2015,
        ANTI_TRAFFICKING_LAW_2011,
        ANTI_TRAFFICKING_LAW_2024,
        DECREE_09_2013,
        DECREE_162_2025,
        CIRCULAR_84_2019,
        LABOUR_CODE_2019,
        DECISION_188_1999,
        DECREE_09_2019,
        DECREE_60_2018,
        DECREE_30_2020,
        RESOLUTION_1670_2025,
        CIRCULAR_124_2021,
        DECISION_193_2021,
    )
)
