"""The shape of a victim-support regime: who is protected, which support, by which article.

A :class:`Regime` is one law's support as data: the kinds of support it grants, each a
:class:`Provision` with its article and the law's own words, and for every
:class:`ProtectedStatus` an :class:`Entitlement` listing the kinds that status may
receive, with the article that says so. :mod:`threeno.rules.support` holds the two laws'
regimes (2011 and 2024) and chooses the one in force on a day. What could not be checked
against the law's own text is marked ``verified=False`` and says why in its ``note``.

Legal sources: Luật Phòng, chống mua bán người 2011, Art. 32; Luật Phòng, chống mua bán
người 2024, Art. 34 and 37.

Plan clauses: II.3.b, III.4.a.

.. versionadded:: 0.2.0
   The classes were defined in :mod:`threeno.rules.support`, which still exports them.
"""

from __future__ import annotations

import datetime as dt  # noqa: TC003 - attrs and Sphinx read the annotations at run time
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
from threeno.model.sources import Instrument, Reference

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

__all__ = ["Entitlement", "ProtectedStatus", "Provision", "Regime"]


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


_optional_reference: Final = attrs.validators.optional(attrs.validators.instance_of(Reference))


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
        words: the law's Vietnamese words for it, e.g. ``"Hỗ trợ y tế"``.
        reference: where the law grants it, as data; ``article``, ``verified`` and
            ``note`` are then written from it.
        article: where the law grants it, e.g. ``"Art. 37(1)(b)"`` (the reference's
            :meth:`~threeno.model.sources.Reference.pinpoint`, when there is one).
        verified: ``False`` when the reading rests on secondary sources only.
        note: what a reader should know about the reading.

    Raises:
        ValidationError: no article and no reference, or an ``article``, ``verified``
            or ``note`` that says otherwise than the reference.

    Legal sources: Luật Phòng, chống mua bán người 2011, Art. 32(1); 2024, Art. 37(1).

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 ``reference``.
    """

    kind: SupportKind = attrs.field(validator=of_enum(SupportKind))
    reference: Reference | None = attrs.field(
        default=None, validator=_optional_reference, repr=False
    )
    article: str = attrs.field(validator=non_empty)
    words: str = attrs.field(validator=non_empty)
    verified: bool = attrs.field()
    note: str = attrs.field()

    @article.default
    def _article_of_reference(self) -> str:
        if self.reference is None:
            fail(self, "article", "is needed when there is no reference")
        return self.reference.pinpoint("en")

    @verified.default
    def _verified_of_reference(self) -> bool:
        return self.reference is None or self.reference.verified

    @note.default
    def _note_of_reference(self) -> str:
        return "" if self.reference is None else self.reference.note

    def __attrs_post_init__(self) -> None:
        """The article and the reading are the reference's, when there is one."""
        ref = self.reference
        if ref is not None and (self.article, self.verified, self.note) != (
            ref.pinpoint("en"),
            ref.verified,
            ref.note,
        ):
            fail(self, "reference", "article, verified and note are the reference's: omit them")


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
        instrument: the law, as data; the name, number and dates default to its own.
        name: the law's name, e.g. ``"Luật Phòng, chống mua bán người 2024"``.
        law_number: its number, e.g. ``"53/2024/QH15"``.
        in_force_from: the first day it governs.
        in_force_until: the last day it governs (``None`` while in force).
        references: the legal texts it rests on, each with the articles used.
        provisions: every support kind the law grants, with its article.
        entitlements: for every :class:`ProtectedStatus`, the kinds it may receive.

    Raises:
        ValidationError: a kind granted to a status that the law does not provide, a
            status listed twice or missing, a kind listed twice, no name, number or
            start and no instrument to take them from, or a name or number other than
            the instrument's.

    Legal sources: Luật Phòng, chống mua bán người 2011, Art. 32; 2024, Art. 34 and 37.
    Plan clauses: II.3.b, III.4.a.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 ``instrument``.
    """

    instrument: Instrument | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(attrs.validators.instance_of(Instrument)),
        repr=False,
    )
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

    @name.default
    def _instrument_name(self) -> str:
        return self._law("name").name_vi

    @law_number.default
    def _instrument_number(self) -> str:
        return self._law("law_number").number

    @in_force_from.default
    def _instrument_start(self) -> dt.date | None:
        return self._law("in_force_from").in_force_from

    @in_force_until.default
    def _instrument_end(self) -> dt.date | None:
        return self._law("in_force_until").in_force_to

    def _law(self, field: str) -> Instrument:
        if self.instrument is None:
            fail(self, field, "is needed when there is no instrument")
        return self.instrument

    def __attrs_post_init__(self) -> None:
        """Check that the table is complete and consistent with the provisions."""
        law = self.instrument
        if law is not None and (self.name, self.law_number) != (law.name_vi, law.number):
            fail(self, "instrument", "the name and the number are the instrument's: omit them")
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
