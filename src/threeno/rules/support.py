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
says why in its ``note``.

Plan clauses: II.3.b, III.2.c, III.4.a (support for returned victims under the Law on
Prevention and Combat of Human Trafficking).
"""

from __future__ import annotations

import datetime as dt
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

import attrs

from threeno.errors import RulesError
from threeno.lang import Lang, check_lang
from threeno.model._base import (
    LabelledEnum,
    as_tuple,
    check_order,
    date_field,
    fail,
    nfc_tuple,
    non_empty,
    of_enum,
    optional_date,
    tuple_of,
)
from threeno.model.enums import SupportKind

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

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


class ProtectedStatus(LabelledEnum):
    """The standing under which a person may receive support, in the laws' own words.

    Legal sources: Luật Phòng, chống mua bán người 2011, Art. 32(1)–(3) (victims who are
    Vietnamese citizens or stateless residents; foreign victims trafficked in Vietnam;
    minors travelling with a victim) and Nghị định 09/2013/NĐ-CP, Art. 19 (persons
    awaiting verification as victims); Luật Phòng, chống mua bán người 2024, Art. 34
    (protected persons, relatives included) and Art. 37(1)–(4).

    A person under 18 travelling with someone *being identified* as a victim has that
    person's status: Art. 37(3) of the 2024 law gives them the same support.

    Plan clauses: II.3.b, III.4.a.

    .. versionadded:: 0.1.0
    """

    VICTIM = (
        "victim",
        "Nạn nhân là công dân Việt Nam, người không quốc tịch thường trú ở Việt Nam",
        "Victim (Vietnamese citizen or stateless resident of Vietnam)",
    )
    BEING_IDENTIFIED_ABROAD = (
        "being_identified_abroad",
        "Người đang trong quá trình xác định là nạn nhân đang ở nước ngoài",
        "Person being identified as a victim, abroad",
    )
    BEING_IDENTIFIED_IN_VIETNAM = (
        "being_identified_in_vietnam",
        "Người đang trong quá trình xác định là nạn nhân ở trong nước",
        "Person being identified as a victim, in Vietnam",
    )
    MINOR_ACCOMPANYING = (
        "minor_accompanying",
        "Người dưới 18 tuổi đi cùng nạn nhân",
        "Person under 18 travelling with a victim",
    )
    RELATIVE = ("relative", "Người thân thích của nạn nhân", "Relative of a victim")
    FOREIGNER = (
        "foreigner",
        "Người nước ngoài bị mua bán tại Việt Nam",
        "Foreigner trafficked in Vietnam",
    )


def _kinds(value: object) -> frozenset[SupportKind]:
    if isinstance(value, (set, frozenset, list, tuple)):
        return frozenset(value)
    return value  # type: ignore[return-value]  # the validator names the error


def _validate_kinds(
    instance: Entitlement, attribute: attrs.Attribute[frozenset[SupportKind]], value: object
) -> None:
    if not isinstance(value, frozenset) or not all(isinstance(k, SupportKind) for k in value):
        fail(instance, attribute.name, "must be a set of SupportKind members")


@attrs.frozen(kw_only=True)
class Provision:
    """One kind of support a law grants, with its article and the law's own words.

    Args:
        kind: the support kind of the data dictionary.
        article: where the law grants it, e.g. ``"Art. 37(1)(b)"``.
        words: the law's Vietnamese words for it, e.g. ``"Hỗ trợ y tế"``.
        verified: ``False`` when the reading rests on secondary sources only.
        note: what a reader should know about the reading.

    Legal sources: Luật Phòng, chống mua bán người 2011, Art. 32(1); 2024, Art. 37(1).

    .. versionadded:: 0.1.0
    """

    kind: SupportKind = attrs.field(validator=of_enum(SupportKind))
    article: str = attrs.field(validator=non_empty)
    words: str = attrs.field(validator=non_empty)
    verified: bool = True
    note: str = ""


@attrs.frozen(kw_only=True)
class Entitlement:
    """The support kinds one protected status may receive under a regime, and why.

    Args:
        status: who.
        kinds: which kinds (each must be one of the regime's provisions).
        article: where the law says so, e.g. ``"Art. 37(3), second paragraph"``.
        since: when the text that grants it came into force, if later than the law
            itself (Nghị định 09/2013/NĐ-CP came into force on 15 April 2013).
        verified: ``False`` when the reading rests on secondary sources only.
        note: what a reader should know about the reading.

    Legal sources: Luật Phòng, chống mua bán người 2011, Art. 32; 2024, Art. 37.

    .. versionadded:: 0.1.0
    """

    status: ProtectedStatus = attrs.field(validator=of_enum(ProtectedStatus))
    kinds: frozenset[SupportKind] = attrs.field(converter=_kinds, validator=_validate_kinds)
    article: str = attrs.field(validator=non_empty)
    since: dt.date | None = attrs.field(default=None, validator=optional_date)
    verified: bool = True
    note: str = ""


def _provisions(value: Iterable[Provision]) -> tuple[Provision, ...]:
    return as_tuple(value)  # a typed converter: mypy's attrs plugin needs one per type


def _entitlements(value: Iterable[Entitlement]) -> tuple[Entitlement, ...]:
    return as_tuple(value)


@attrs.frozen(kw_only=True)
class Regime:
    """A support regime: one law's support kinds, and who may receive which, by date.

    Args:
        name: the law's name, e.g. ``"Luật Phòng, chống mua bán người 2024"``.
        law_number: its number, e.g. ``"53/2024/QH15"``.
        in_force_from: the first day it governs.
        in_force_until: the last day it governs (``None`` while in force).
        references: the legal texts it rests on, each with the articles used.
        provisions: every support kind the law grants, with its article.
        entitlements: for every :class:`ProtectedStatus`, the kinds it may receive.

    Raises:
        ValidationError: a kind granted to a status that the law does not provide, a
            status listed twice or missing, or a kind listed twice.

    Legal sources: Luật Phòng, chống mua bán người 2011, Art. 32; 2024, Art. 34 and 37.
    Plan clauses: II.3.b, III.4.a.

    .. versionadded:: 0.1.0
    """

    name: str = attrs.field(validator=non_empty)
    law_number: str = attrs.field(validator=non_empty)
    in_force_from: dt.date = attrs.field(validator=date_field)
    in_force_until: dt.date | None = attrs.field(validator=optional_date)
    references: tuple[str, ...] = attrs.field(converter=nfc_tuple, validator=tuple_of(str))
    provisions: tuple[Provision, ...] = attrs.field(
        converter=_provisions, validator=tuple_of(Provision)
    )
    entitlements: tuple[Entitlement, ...] = attrs.field(
        converter=_entitlements, validator=tuple_of(Entitlement)
    )

    def __attrs_post_init__(self) -> None:
        """Check that the table is complete and consistent with the provisions."""
        check_order(
            self, ("in_force_from", self.in_force_from), ("in_force_until", self.in_force_until)
        )
        kinds = [p.kind for p in self.provisions]
        if len(set(kinds)) != len(kinds):
            fail(self, "provisions", "a support kind is listed twice")
        statuses = [e.status for e in self.entitlements]
        if sorted(statuses, key=str) != sorted(ProtectedStatus, key=str):
            fail(self, "entitlements", "must list every ProtectedStatus exactly once")
        for entitlement in self.entitlements:
            extra = entitlement.kinds - set(kinds)
            if extra:
                names = ", ".join(sorted(str(k) for k in extra))
                fail(self, "entitlements", f"{entitlement.status} granted {names}: not provided")

    @property
    def kinds(self) -> frozenset[SupportKind]:
        """Every support kind this law provides."""
        return frozenset(p.kind for p in self.provisions)

    @property
    def eligibility(self) -> Mapping[ProtectedStatus, frozenset[SupportKind]]:
        """The table status -> kinds (ignoring ``since``; see :meth:`kinds_for`)."""
        return MappingProxyType({e.status: e.kinds for e in self.entitlements})

    def covers(self, on: dt.date) -> bool:
        """Whether this regime governs support given on ``on``."""
        until = self.in_force_until
        return self.in_force_from <= on and (until is None or on <= until)

    def provision(self, kind: SupportKind) -> Provision | None:
        """The provision granting ``kind``, or ``None`` if this law does not provide it."""
        for p in self.provisions:
            if p.kind is kind:
                return p
        return None

    def article_of(self, kind: SupportKind) -> str | None:
        """The article that provides ``kind`` (``"Art. 32(1)(b)"``), or ``None``.

        ``None`` means the law has no such support kind (e.g. ``reintegration`` under
        either law, ``interpretation`` under the 2011 law): nobody is eligible for it.
        """
        p = self.provision(kind)
        return None if p is None else p.article

    def entitlement(self, status: ProtectedStatus) -> Entitlement:
        """The row of the eligibility table for ``status``."""
        for e in self.entitlements:
            if e.status is status:
                return e
        msg = f"{self.law_number} has no row for {status!r}"  # pragma: no cover - checked above
        raise RulesError(msg)  # pragma: no cover

    def kinds_for(
        self, status: ProtectedStatus, on: dt.date | None = None
    ) -> frozenset[SupportKind]:
        """The kinds ``status`` may receive, on ``on`` if given (``since`` applies).

        Raises:
            RulesError: ``on`` is outside the regime's dates.
        """
        e = self.entitlement(status)
        if on is not None:
            self._check_covers(on)
            if e.since is not None and on < e.since:
                return frozenset()
        return e.kinds

    def eligible(
        self, kind: SupportKind, status: ProtectedStatus, on: dt.date | None = None
    ) -> bool:
        """Whether ``status`` may receive ``kind`` under this law (on ``on`` if given).

        Raises:
            RulesError: ``on`` is outside the regime's dates.
        """
        return kind in self.kinds_for(status, on)

    def explain(
        self,
        kind: SupportKind,
        status: ProtectedStatus,
        on: dt.date | None = None,
        lang: Lang = "en",
    ) -> str:
        """Say in words whether, and by which article, ``status`` may receive ``kind``.

        Args:
            kind: the support kind.
            status: the person's standing.
            on: the day of the support, if the entitlement's ``since`` matters.
            lang: ``"en"`` (default) or ``"vi"``.

        Returns:
            One sentence citing the article.

        Raises:
            RulesError: ``on`` outside the regime's dates.
            LanguageError: for a language other than ``"vi"`` or ``"en"``.
        """
        lang = check_lang(lang)
        e = self.entitlement(status)
        article = self.article_of(kind)
        if article is None:
            case = "not_provided"
        elif on is not None and e.since is not None and on < e.since and kind in e.kinds:
            case = "not_yet"
        elif self.eligible(kind, status, on):
            case = "eligible"
        else:
            case = "not_eligible"
        return _EXPLAIN[lang][case].format(
            law=f"{self.name} ({self.law_number})",
            who=status.label(lang),
            what=kind.label(lang),
            article=article,
            entitlement=e.article,
            since=e.since.isoformat() if e.since else "",
        )

    def _check_covers(self, on: dt.date) -> None:
        if not self.covers(on):
            until = "" if self.in_force_until is None else f" to {self.in_force_until.isoformat()}"
            msg = (
                f"{self.law_number} governs support from {self.in_force_from.isoformat()}"
                f"{until}, not on {on.isoformat()}: use regime_on({on.isoformat()!r})"
            )
            raise RulesError(msg)


_EXPLAIN: Final = {
    "en": {
        "not_provided": "{law} provides no support of the kind “{what}”: nobody is eligible.",
        "not_yet": "{who}: eligible for “{what}” only from {since} ({entitlement}).",
        "eligible": "{who}: eligible for “{what}” under {law}, {entitlement}; {article}.",
        "not_eligible": "{who}: not eligible for “{what}” under {law} ({entitlement}).",
    },
    "vi": {
        "not_provided": "{law} không quy định chế độ “{what}”: không ai được hưởng.",
        "not_yet": "{who}: chỉ được hưởng “{what}” từ {since} ({entitlement}).",
        "eligible": "{who} được hưởng “{what}” theo {law}, {entitlement}; {article}.",
        "not_eligible": "{who} không được hưởng “{what}” theo {law} ({entitlement}).",
    },
}

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

REGIME_2011: Final = Regime(
    name="Luật Phòng, chống mua bán người 2011",
    law_number="66/2011/QH12",
    in_force_from=dt.date(2012, 1, 1),
    in_force_until=dt.date(2025, 6, 30),
    references=(
        "Luật Phòng, chống mua bán người 2011 (66/2011/QH12), Art. 32 and 33–38",
        "Nghị định 09/2013/NĐ-CP (in force 15 April 2013), Art. 19",
    ),
    provisions=(
        Provision(
            kind=SupportKind.ESSENTIAL_NEEDS,
            article="Art. 32(1)(a)",
            words="Hỗ trợ về nhu cầu thiết yếu và chi phí đi lại",
        ),
        Provision(
            kind=SupportKind.TRAVEL_COSTS,
            article="Art. 32(1)(a)",
            words="Hỗ trợ về nhu cầu thiết yếu và chi phí đi lại",
        ),
        Provision(kind=SupportKind.MEDICAL, article="Art. 32(1)(b)", words="Hỗ trợ y tế"),
        Provision(kind=SupportKind.PSYCHOLOGICAL, article="Art. 32(1)(c)", words="Hỗ trợ tâm lý"),
        Provision(kind=SupportKind.LEGAL_AID, article="Art. 32(1)(d)", words="Trợ giúp pháp lý"),
        Provision(
            kind=SupportKind.SCHOOLING,
            article="Art. 32(1)(đ)",
            words="Hỗ trợ học văn hóa, học nghề",
        ),
        Provision(
            kind=SupportKind.VOCATIONAL_TRAINING,
            article="Art. 32(1)(đ)",
            words="Hỗ trợ học văn hóa, học nghề",
        ),
        Provision(
            kind=SupportKind.INITIAL_HARDSHIP_ALLOWANCE,
            article="Art. 32(1)(e)",
            words="Trợ cấp khó khăn ban đầu, hỗ trợ vay vốn",
        ),
        Provision(
            kind=SupportKind.LOAN,
            article="Art. 32(1)(e)",
            words="Trợ cấp khó khăn ban đầu, hỗ trợ vay vốn",
        ),
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
            article="Art. 32(3) (by way of Art. 33, 34 and 35); Nghị định 09/2013/NĐ-CP, Art. 19",
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
            article="Nghị định 09/2013/NĐ-CP, Art. 19 (persons awaiting verification)",
            since=dt.date(2013, 4, 15),
            note=(
                "the 2011 law itself supports victims only; other kinds for persons "
                "awaiting verification were not found in the decree"
            ),
        ),
        Entitlement(
            status=ProtectedStatus.BEING_IDENTIFIED_ABROAD,
            kinds={SupportKind.ESSENTIAL_NEEDS, SupportKind.TRAVEL_COSTS},
            article="Art. 33, as applied by Vietnam's missions abroad (Thông tư 84/2019/TT-BTC)",
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
(:meth:`Regime.article_of` gives ``None``).
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


REGIME_2024: Final = Regime(
    name="Luật Phòng, chống mua bán người 2024",
    law_number="53/2024/QH15",
    in_force_from=dt.date(2025, 7, 1),
    in_force_until=None,
    references=(
        "Luật Phòng, chống mua bán người 2024 (53/2024/QH15), Art. 34 and 37",
        "Nghị định 162/2025/NĐ-CP (detail of the support regimes)",
    ),
    provisions=(
        *(
            Provision(kind=kind, article=f"Art. 37(1)({letter})", words=words)
            for kind, letter, words in _A_TO_K_2024
        ),
        Provision(
            kind=SupportKind.HEALTH_INSURANCE,
            article="Art. 37(1)(b)",
            words="Hỗ trợ y tế (hỗ trợ đóng bảo hiểm y tế trong năm đầu tiên)",
            verified=False,
            note=(
                "the first year's health-insurance contribution is part of medical support "
                "in Chapter V of the law; the detailed article was not available to check"
            ),
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
