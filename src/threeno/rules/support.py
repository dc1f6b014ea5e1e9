"""Who may receive which support: the victim-support regimes of the 2011 and 2024 laws.

Two laws governed support for victims of trafficking during the plan's life, one after
the other, so eligibility is a dated rule:

* Luật Phòng, chống mua bán người 2011 (66/2011/QH12), in force 1 January 2012 to
  30 June 2025: support kinds in Art. 32(1), the groups in Art. 32(1)–(3); detailed by
  Nghị định 09/2013/NĐ-CP (in force 15 April 2013), which also supports persons awaiting
  verification as victims (Art. 19).
* Luật Phòng, chống mua bán người 2024 (53/2024/QH15), in force 1 July 2025: protected
  persons in Art. 34, support kinds and the groups in Art. 37(1)–(4); detailed by
  Nghị định 162/2025/NĐ-CP.

A support action on 2025-06-30 falls under the 2011 law, one on 2025-07-01 under the 2024
law (:func:`regime_on`). Every kind and every group carries the article it comes from;
what could not be checked against the law's own text is marked ``verified=False`` and
says why in its ``note``. The classes a regime is made of are in
:mod:`threeno.rules.support_regime` (and exported here too).

Plan clauses: II.3.b, III.2.c, III.4.a (support for returned victims under the Law on
Prevention and Combat of Human Trafficking).
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from threeno.errors import RulesError
from threeno.model.enums import SupportKind
from threeno.model.sources import (
    ANTI_TRAFFICKING_LAW_2011,
    ANTI_TRAFFICKING_LAW_2024,
    CIRCULAR_84_2019,
    DECREE_09_2013,
    DECREE_162_2025,
    Instrument,
    Reference,
)
from threeno.rules.support_regime import Entitlement, ProtectedStatus, Provision, Regime

__all__ = [
    "REGIMES",
    "REGIME_2011",
    "REGIME_2024",
    "Entitlement",
    "ProtectedStatus",
    "Provision",
    "Regime",
    "eligible",
    "regime_on",
]


# -- the two regimes --------------------------------------------------------------------

_ALL_2011: Final = frozenset(
    {
        SupportKind.ESSENTIAL_NEEDS,
        SupportKind.TRAVEL_COSTS,
        SupportKind.MEDICAL,
        SupportKind.PSYCHOLOGICAL,
        SupportKind.LEGAL_AID,
        SupportKind.SCHOOLING,
        SupportKind.VOCATIONAL_TRAINING,
        SupportKind.INITIAL_HARDSHIP_ALLOWANCE,
        SupportKind.LOAN,
    }
)

_MONTHS: Final = (
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
)


def _titled(law: Instrument, articles: str) -> str:
    """``"Luật ... 2011 (66/2011/QH12), Art. 32 and 33–38"``: name, number, articles."""
    return f"{law.name_vi} ({law.number}), {articles}"


def _in_force(law: Instrument) -> str:
    """``"in force 15 April 2013"``, from the instrument's date."""
    day = law.in_force_from
    return "" if day is None else f"in force {day.day} {_MONTHS[day.month - 1]} {day.year}"


def _point(law: Instrument, article: str, clause: str, point: str) -> Reference:
    return Reference(instrument=law, article=article, clause=clause, point=point)


# Art. 32(1) of the 2011 law, point by point: (kinds, the point's words).
_A_TO_E_2011: Final = (
    (
        (SupportKind.ESSENTIAL_NEEDS, SupportKind.TRAVEL_COSTS),
        "a",
        "Hỗ trợ về nhu cầu thiết yếu và chi phí đi lại",
    ),
    ((SupportKind.MEDICAL,), "b", "Hỗ trợ y tế"),
    ((SupportKind.PSYCHOLOGICAL,), "c", "Hỗ trợ tâm lý"),
    ((SupportKind.LEGAL_AID,), "d", "Trợ giúp pháp lý"),
    ((SupportKind.SCHOOLING, SupportKind.VOCATIONAL_TRAINING), "đ", "Hỗ trợ học văn hóa, học nghề"),
    (
        (SupportKind.INITIAL_HARDSHIP_ALLOWANCE, SupportKind.LOAN),
        "e",
        "Trợ cấp khó khăn ban đầu, hỗ trợ vay vốn",
    ),
)

REGIME_2011: Final = Regime(
    instrument=ANTI_TRAFFICKING_LAW_2011,
    references=(
        _titled(ANTI_TRAFFICKING_LAW_2011, "Art. 32 and 33–38"),
        f"{DECREE_09_2013.name_vi} ({_in_force(DECREE_09_2013)}), Art. 19",
    ),
    provisions=tuple(
        Provision(
            kind=kind, reference=_point(ANTI_TRAFFICKING_LAW_2011, "32", "1", letter), words=words
        )
        for kinds, letter, words in _A_TO_E_2011
        for kind in kinds
    ),
    entitlements=(
        Entitlement(
            status=ProtectedStatus.VICTIM,
            kinds=_ALL_2011,
            article="Art. 32(1)",
            note="each kind under the conditions of Art. 33–38 (“tùy trường hợp”)",
        ),
        Entitlement(
            status=ProtectedStatus.FOREIGNER,
            kinds={
                SupportKind.ESSENTIAL_NEEDS,
                SupportKind.TRAVEL_COSTS,
                SupportKind.MEDICAL,
                SupportKind.PSYCHOLOGICAL,
                SupportKind.LEGAL_AID,
            },
            article="Art. 32(2) (points a, b, c and d of Art. 32(1))",
        ),
        Entitlement(
            status=ProtectedStatus.MINOR_ACCOMPANYING,
            kinds={
                SupportKind.ESSENTIAL_NEEDS,
                SupportKind.TRAVEL_COSTS,
                SupportKind.MEDICAL,
                SupportKind.PSYCHOLOGICAL,
            },
            article=(
                "Art. 32(3) (by way of Art. 33, 34 and 35); "
                + Reference(instrument=DECREE_09_2013, article="19").cite("en")
            ),
            verified=False,
            note=(
                "Art. 32(3) refers to Art. 33 (essential needs, travel), 34 (medical) and 35; "
                "Art. 35 is read as psychological support from the order of Art. 32(1): the "
                "law's own text was not available to check it"
            ),
        ),
        Entitlement(
            status=ProtectedStatus.BEING_IDENTIFIED_IN_VIETNAM,
            kinds={SupportKind.ESSENTIAL_NEEDS, SupportKind.TRAVEL_COSTS},
            article=(
                Reference(instrument=DECREE_09_2013, article="19").cite("en")
                + " (persons awaiting verification)"
            ),
            since=DECREE_09_2013.in_force_from,
            note=(
                "the 2011 law itself supports victims only; other kinds for persons "
                "awaiting verification were not found in the decree"
            ),
        ),
        Entitlement(
            status=ProtectedStatus.BEING_IDENTIFIED_ABROAD,
            kinds={SupportKind.ESSENTIAL_NEEDS, SupportKind.TRAVEL_COSTS},
            article=(
                f"Art. 33, as applied by Vietnam's missions abroad ({CIRCULAR_84_2019.name_vi})"
            ),
            verified=False,
            note=(
                "secondary sources only: persons abroad awaiting verification and papers to "
                "return receive essential needs and travel costs under Art. 33"
            ),
        ),
        Entitlement(
            status=ProtectedStatus.RELATIVE,
            kinds=frozenset(),
            article="Art. 32 (relatives are not among the groups it supports)",
        ),
    ),
)
"""The regime of Luật Phòng, chống mua bán người 2011 (66/2011/QH12), 2012-01-01 to 2025-06-30.

Art. 32(1) supports victims who are Vietnamese citizens or stateless residents with six
groups of support, points (a)–(e); Art. 32(2) foreign victims with points (a)–(d);
Art. 32(3) minors travelling with a victim by way of Art. 33–35. Nghị định 09/2013/NĐ-CP,
Art. 19, adds essential needs and travel costs for persons awaiting verification.
Interpretation, legal support, vocational counselling, employment, the health-insurance
contribution and reintegration are not support kinds of this law
(:meth:`~threeno.rules.support_regime.Regime.article_of` gives ``None``).
"""

_A_TO_K_2024: Final = (
    (SupportKind.ESSENTIAL_NEEDS, "a", "Hỗ trợ nhu cầu thiết yếu"),
    (SupportKind.MEDICAL, "b", "Hỗ trợ y tế"),
    (SupportKind.INTERPRETATION, "c", "Hỗ trợ phiên dịch"),
    (SupportKind.LEGAL_SUPPORT, "d", "Hỗ trợ pháp luật"),
    (SupportKind.LEGAL_AID, "đ", "Trợ giúp pháp lý"),
    (SupportKind.TRAVEL_COSTS, "e", "Hỗ trợ chi phí đi lại"),
    (SupportKind.PSYCHOLOGICAL, "g", "Hỗ trợ tâm lý"),
    (SupportKind.SCHOOLING, "h", "Hỗ trợ học văn hóa"),
    (SupportKind.VOCATIONAL_TRAINING, "i", "Hỗ trợ học nghề, tư vấn, tạo điều kiện để có việc làm"),
    (
        SupportKind.VOCATIONAL_COUNSELLING,
        "i",
        "Hỗ trợ học nghề, tư vấn, tạo điều kiện để có việc làm",
    ),
    (SupportKind.EMPLOYMENT, "i", "Hỗ trợ học nghề, tư vấn, tạo điều kiện để có việc làm"),
    (SupportKind.INITIAL_HARDSHIP_ALLOWANCE, "k", "Trợ cấp khó khăn ban đầu, hỗ trợ vay vốn"),
    (SupportKind.LOAN, "k", "Trợ cấp khó khăn ban đầu, hỗ trợ vay vốn"),
)


def _letters(*letters: str) -> frozenset[SupportKind]:
    return frozenset(kind for kind, letter, _ in _A_TO_K_2024 if letter in letters)


# Art. 37(1)(d) is reported to read "Hỗ trợ pháp luật" (legal support), a kind distinct
# from (đ) "Trợ giúp pháp lý" (legal aid); the law's text was not at hand to check it.
_LEGAL_SUPPORT_2024: Final = Reference(
    instrument=ANTI_TRAFFICKING_LAW_2024,
    article="37",
    clause="1",
    point="d",
    verified=False,
    note=(
        "point (d) is reported to read “Hỗ trợ pháp luật” (legal support), distinct from "
        "point (đ), legal aid; not checked against the law's text"
    ),
)


def _point_2024(letter: str) -> Reference:
    if letter == "d":
        return _LEGAL_SUPPORT_2024
    return _point(ANTI_TRAFFICKING_LAW_2024, "37", "1", letter)


REGIME_2024: Final = Regime(
    instrument=ANTI_TRAFFICKING_LAW_2024,
    references=(
        _titled(ANTI_TRAFFICKING_LAW_2024, "Art. 34 and 37"),
        f"{DECREE_162_2025.name_vi} (detail of the support regimes)",
    ),
    provisions=(
        *(
            Provision(kind=kind, reference=_point_2024(letter), words=words)
            for kind, letter, words in _A_TO_K_2024
        ),
        Provision(
            kind=SupportKind.HEALTH_INSURANCE,
            reference=Reference(
                instrument=ANTI_TRAFFICKING_LAW_2024,
                article="37",
                clause="1",
                point="b",
                verified=False,
                note=(
                    "the first year's health-insurance contribution is part of medical "
                    "support in Chapter V of the law; the detailed article was not available "
                    "to check"
                ),
            ),
            words="Hỗ trợ y tế (hỗ trợ đóng bảo hiểm y tế trong năm đầu tiên)",
        ),
    ),
    entitlements=(
        Entitlement(
            status=ProtectedStatus.VICTIM,
            kinds=_letters("a", "b", "c", "d", "đ", "e", "g", "h", "i", "k")
            | {SupportKind.HEALTH_INSURANCE},
            article="Art. 37(1)",
            note="the health-insurance contribution is granted to victims only (unverified)",
        ),
        Entitlement(
            status=ProtectedStatus.MINOR_ACCOMPANYING,
            kinds=_letters("a", "b", "c", "d", "đ", "e", "g", "h"),
            article="Art. 37(2) (points a to h of Art. 37(1))",
        ),
        Entitlement(
            status=ProtectedStatus.BEING_IDENTIFIED_ABROAD,
            kinds=_letters("a", "b", "c", "d"),
            article="Art. 37(3), first paragraph (points a to d of Art. 37(1))",
        ),
        Entitlement(
            status=ProtectedStatus.BEING_IDENTIFIED_IN_VIETNAM,
            kinds=_letters("a", "b", "c", "d", "đ", "e", "g"),
            article="Art. 37(3), second paragraph (points a to g of Art. 37(1))",
        ),
        Entitlement(
            status=ProtectedStatus.FOREIGNER,
            kinds=_letters("a", "b", "c", "d", "đ", "g"),
            article="Art. 37(4) (points a, b, c, d, đ and g of Art. 37(1))",
        ),
        Entitlement(
            status=ProtectedStatus.RELATIVE,
            kinds=frozenset(),
            article="Art. 34 (protection) and Art. 37 (no support for relatives)",
        ),
    ),
)
"""The regime of Luật Phòng, chống mua bán người 2024 (53/2024/QH15), from 2025-07-01.

Art. 37(1) supports victims who are Vietnamese citizens or stateless residents with
points (a)–(k); Art. 37(2) minors travelling with them with (a)–(h); Art. 37(3) persons
being identified as victims with (a)–(d) abroad and (a)–(g) in Vietnam; Art. 37(4)
foreigners trafficked in Vietnam with (a), (b), (c), (d), (đ) and (g). Relatives are
protected persons (Art. 34) but receive no support under Art. 37. ``reintegration`` is
not a support kind of this law.
"""

#: The regimes in date order.
REGIMES: Final = (REGIME_2011, REGIME_2024)


def regime_on(on: dt.date) -> Regime:
    """The support regime that governs support given on ``on``.

    Legal sources: Luật Phòng, chống mua bán người 2011 (66/2011/QH12), in force
    1 January 2012; Luật Phòng, chống mua bán người 2024 (53/2024/QH15), in force
    1 July 2025, replacing the 2011 law.

    Args:
        on: the day the support was given.

    Returns:
        :data:`REGIME_2011` up to 2025-06-30, :data:`REGIME_2024` from 2025-07-01.

    Raises:
        RulesError: ``on`` is not a date, or is before 2012-01-01 (no regime encoded).

    >>> import datetime as dt
    >>> from threeno.rules.support import regime_on
    >>> regime_on(dt.date(2025, 6, 30)).law_number, regime_on(dt.date(2025, 7, 1)).law_number
    ('66/2011/QH12', '53/2024/QH15')
    """
    if isinstance(on, dt.datetime) or not isinstance(on, dt.date):
        msg = f"a support date must be a date (YYYY-MM-DD), not {type(on).__name__}"
        raise RulesError(msg)
    for regime in REGIMES:
        if regime.covers(on):
            return regime
    msg = (
        f"no support regime before {REGIME_2011.in_force_from.isoformat()} "
        f"(the 2011 law's entry into force): {on.isoformat()}"
    )
    raise RulesError(msg)


def eligible(kind: SupportKind, status: ProtectedStatus, *, on: dt.date) -> bool:
    """Whether a person of ``status`` may receive ``kind`` of support given on ``on``.

    The regime is the one in force on ``on`` (:func:`regime_on`); a kind the law does not
    provide is never eligible.

    Legal sources: Luật Phòng, chống mua bán người 2011, Art. 32, with Nghị định
    09/2013/NĐ-CP, Art. 19; Luật Phòng, chống mua bán người 2024, Art. 37.

    Args:
        kind: the support kind.
        status: the person's standing.
        on: the day the support was given.

    Returns:
        ``True`` if the law in force on ``on`` grants ``kind`` to ``status``.

    Raises:
        RulesError: ``on`` is before 2012-01-01 or not a date.

    >>> import datetime as dt
    >>> from threeno.model.enums import SupportKind as K
    >>> from threeno.rules.support import ProtectedStatus, eligible
    >>> eligible(K.INTERPRETATION, ProtectedStatus.VICTIM, on=dt.date(2025, 6, 30))
    False
    >>> eligible(K.INTERPRETATION, ProtectedStatus.VICTIM, on=dt.date(2025, 7, 1))
    True
    """
    return regime_on(on).eligible(kind, status, on)
