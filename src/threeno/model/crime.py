"""Crime reports and criminal cases: the lifecycle the plan wants handled 100%, lawfully.

A crime report (tố giác, tin báo về tội phạm, kiến nghị khởi tố) is received, classified
and decided within the time limits of Bộ luật Tố tụng hình sự 2015 (amended 2021),
Art. 147 to 149; a decision to open a case starts a criminal case, which is investigated,
indicted and tried. The classes here hold the facts and refuse impossible ones; the time
limits themselves are rules (``threeno.rules``), computed from these facts.

Plan clauses: I.3, II.4.a, II.4.b.
"""

from __future__ import annotations

import datetime as dt  # noqa: TC003 - attrs and cattrs read the annotations at run time
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final

import attrs

from threeno.model._base import (
    as_tuple,
    check_order,
    date_field,
    fail,
    id_tuple,
    nfc,
    nfc_id,
    nfc_id_or_none,
    nfc_id_tuple,
    non_empty,
    non_negative,
    of_enum,
    optional_date,
    tuple_of,
)
from threeno.model.enums import Decision, ExtensionKind, ReportSource, SuspensionReason, Verdict

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

__all__ = [
    "OFFENCES",
    "CrimeReport",
    "CriminalCase",
    "Extension",
    "Suspension",
]

#: The offences of Bộ luật Hình sự 2015 (amended 2017) that the plan is about, mapping
#: each article number to its Vietnamese and English names. Plan clause I.3 covers
#: trafficking, fraud and coercion of women into illegal emigration, hence fraud (174)
#: and the organising of illegal exit (348, 349) beside trafficking (150, 151) and the
#: appropriation of children (153). Records may carry any other article; this table
#: names offences, it does not restrict them.
OFFENCES: Final[Mapping[int, tuple[str, str]]] = MappingProxyType(
    {
        150: ("Mua bán người", "Trafficking in persons"),
        151: ("Mua bán người dưới 16 tuổi", "Trafficking in persons under 16"),
        153: ("Chiếm đoạt người dưới 16 tuổi", "Appropriating persons under 16"),
        174: ("Lừa đảo chiếm đoạt tài sản", "Fraud (obtaining property by deception)"),
        348: (
            "Tổ chức, môi giới cho người khác xuất cảnh, nhập cảnh hoặc ở lại Việt Nam trái phép",
            "Organising or brokering another's illegal exit, entry or stay in Vietnam",
        ),
        349: (
            "Tổ chức, môi giới cho người khác trốn đi nước ngoài hoặc ở lại nước ngoài trái phép",
            "Organising or brokering another's illegal flight abroad or stay abroad",
        ),
    }
)


def _article(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    # An article number of Bộ luật Hình sự: a whole number from 1 (not a bool, not text).
    if isinstance(value, bool) or not isinstance(value, int):
        fail(instance, attribute.name, "not_an_article", type=type(value).__name__)
    if value < 1:
        fail(instance, attribute.name, "article_below_one", value=value)


_optional_text = attrs.validators.optional(non_empty)


# Typed converters: mypy's attrs plugin cannot solve a generic converter's type variable,
# so each list field has its own, and type checkers accept lists of the right records.
def _extensions(value: Iterable[Extension]) -> tuple[Extension, ...]:
    return as_tuple(value)


def _suspensions(value: Iterable[Suspension]) -> tuple[Suspension, ...]:
    return as_tuple(value)


@attrs.frozen(kw_only=True)
class Extension:
    """An extension of the time limit for handling a crime report.

    Bộ luật Tố tụng hình sự 2015, Art. 147(2): a complex matter may take up to 2 months
    from receipt (``complex``); the procuracy may then extend once, by up to 2 more
    months (``procuracy``). The data record the kind and the date it was granted, not
    the length granted: the rules compute the latest lawful date.

    Plan clauses: I.3.

    Args:
        kind: which extension.
        granted_on: the date it was granted.

    .. versionadded:: 0.1.0
    """

    kind: ExtensionKind = attrs.field(validator=of_enum(ExtensionKind))
    granted_on: dt.date = attrs.field(validator=date_field)


@attrs.frozen(kw_only=True)
class Suspension:
    """A suspension of the handling of a crime report, and its resumption.

    Bộ luật Tố tụng hình sự 2015, Art. 148(1) gives the grounds (``reason``); Art. 149
    the resumption (phục hồi), after which at most 1 month remains to decide.
    ``resumed_on`` is ``None`` while the suspension lasts.

    Plan clauses: I.3.

    Args:
        reason: the ground of Art. 148(1).
        from_date: the date of the decision to suspend.
        resumed_on: the date of the decision to resume, if any (not before ``from_date``).

    Raises:
        ValidationError: if ``resumed_on`` is before ``from_date``.

    .. versionadded:: 0.1.0
    """

    reason: SuspensionReason = attrs.field(validator=of_enum(SuspensionReason))
    from_date: dt.date = attrs.field(validator=date_field)
    resumed_on: dt.date | None = attrs.field(default=None, validator=optional_date)

    def __attrs_post_init__(self) -> None:
        """Check that a resumption does not come before the suspension."""
        check_order(self, ("from_date", self.from_date), ("resumed_on", self.resumed_on))

    @property
    def is_open(self) -> bool:
        """Whether the handling is still suspended (no resumption recorded)."""
        return self.resumed_on is None


@attrs.frozen(kw_only=True)
class CrimeReport:
    """A crime report received by an authority, from receipt to decision.

    The invariants, each from its source:

    * classification, decision, every extension and every suspension come on or after
      the day of receipt (one cannot act on a report not yet received);
    * ``decision`` and ``decided_on`` come together;
    * at most one extension of each kind, and a procuracy extension only after a
      complex-matter one granted no later than it (Art. 147(2): the procuracy extends
      a limit already lengthened for a complex matter, once);
    * suspensions are in date order and do not overlap: each starts on or after the
      previous one's resumption, and only the last may still be open (Art. 148, 149);
    * a report under suspension has decision ``tam_dinh_chi`` dated the suspension's
      start (the data dictionary's rule; Art. 147(1)(c)), and ``tam_dinh_chi`` is
      recorded only while the last suspension is open; a final decision after a
      resumption is dated on or after that resumption (Art. 149);
    * ``reopened_on`` (a no-case decision overturned: a missed crime, plan I.3) only
      with decision ``khong_khoi_to``, on or after its date;
    * ``case_id`` only with decision ``khoi_to`` (only a decision to open a case starts
      a criminal case);
    * ``unit_code`` is not empty and ``offence_article`` is an article number.

    Plan clauses: I.3, II.4.b.

    Args:
        id: pseudonymous reference, unique among crime reports.
        source: where the information came from (Art. 143, 144).
        offence_article: the article of Bộ luật Hình sự 2015 the report concerns
            (see :data:`OFFENCES`; any article is accepted).
        unit_code: GSO code of the commune or ward where the facts occurred.
        received_on: the day the authority received it.
        receiving_agency: the agency that received it.
        classified_on: the day it was classified, if it was.
        extensions: extensions of the time limit (Art. 147(2)).
        suspensions: suspensions and resumptions (Art. 148, 149), in date order.
        decision: the latest decision, if any (Art. 147(1), 146(2)).
        decided_on: the date of that decision.
        reopened_on: the day a no-case decision was overturned, if it was.
        case_id: the criminal case opened, for decision ``khoi_to``.
        victim_ids: subject ids of the victims named in the report.

    Raises:
        ValidationError: naming the field, when an invariant above does not hold.

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(converter=nfc_id, validator=non_empty)
    source: ReportSource = attrs.field(validator=of_enum(ReportSource))
    offence_article: int = attrs.field(validator=_article)
    unit_code: str = attrs.field(converter=nfc, validator=non_empty)
    received_on: dt.date = attrs.field(validator=date_field)
    receiving_agency: str = attrs.field(converter=nfc, validator=non_empty)
    classified_on: dt.date | None = attrs.field(default=None, validator=optional_date)
    extensions: tuple[Extension, ...] = attrs.field(
        default=(), converter=_extensions, validator=tuple_of(Extension)
    )
    suspensions: tuple[Suspension, ...] = attrs.field(
        default=(), converter=_suspensions, validator=tuple_of(Suspension)
    )
    decision: Decision | None = attrs.field(
        default=None, validator=of_enum(Decision, optional=True)
    )
    decided_on: dt.date | None = attrs.field(default=None, validator=optional_date)
    reopened_on: dt.date | None = attrs.field(default=None, validator=optional_date)
    case_id: str | None = attrs.field(
        default=None, converter=nfc_id_or_none, validator=_optional_text
    )
    victim_ids: tuple[str, ...] = attrs.field(
        default=(), converter=nfc_id_tuple, validator=id_tuple
    )

    def __attrs_post_init__(self) -> None:
        """Check the invariants that tie fields together (see the class docstring)."""
        received = ("received_on", self.received_on)
        check_order(self, received, ("classified_on", self.classified_on))
        check_order(self, received, ("decided_on", self.decided_on))
        self._check_extensions()
        self._check_suspensions()
        self._check_decision()

    def _check_extensions(self) -> None:
        # Art. 147(2): one extension for a complex matter, then once by the procuracy.
        granted: dict[ExtensionKind, dt.date] = {}
        for i, ext in enumerate(self.extensions):
            field = f"extensions[{i}]"
            check_order(
                self, ("received_on", self.received_on), (f"{field}.granted_on", ext.granted_on)
            )
            if ext.kind in granted:
                fail(self, f"{field}.kind", "second_extension", kind=ext.kind.value)
            granted[ext.kind] = ext.granted_on
        procuracy = granted.get(ExtensionKind.PROCURACY)
        if procuracy is None:
            return
        i = next(i for i, e in enumerate(self.extensions) if e.kind is ExtensionKind.PROCURACY)
        complex_on = granted.get(ExtensionKind.COMPLEX)
        if complex_on is None:
            fail(self, f"extensions[{i}].kind", "procuracy_without_complex")
        if procuracy < complex_on:
            fail(
                self,
                f"extensions[{i}].granted_on",
                "procuracy_before_complex",
                value=procuracy.isoformat(),
                other_value=complex_on.isoformat(),
            )

    def _check_suspensions(self) -> None:
        # Art. 148-149: suspend, resume, perhaps suspend again; never two at once.
        previous: Suspension | None = None
        for i, sus in enumerate(self.suspensions):
            field = f"suspensions[{i}]"
            check_order(
                self, ("received_on", self.received_on), (f"{field}.from_date", sus.from_date)
            )
            if previous is not None:
                if previous.resumed_on is None:
                    fail(self, f"suspensions[{i - 1}].resumed_on", "suspension_not_last_open")
                check_order(
                    self,
                    (f"suspensions[{i - 1}].resumed_on", previous.resumed_on),
                    (f"{field}.from_date", sus.from_date),
                )
            previous = sus

    def _check_decision(self) -> None:
        if (self.decision is None) != (self.decided_on is None):
            missing = "decided_on" if self.decided_on is None else "decision"
            fail(self, missing, "decision_and_date")
        open_sus = self.open_suspension
        if open_sus is not None:
            self._check_suspended(open_sus)
        elif self.decision is Decision.TAM_DINH_CHI:
            fail(self, "decision", "suspended_without_suspension")
        elif self.suspensions and self.decided_on is not None:
            # Art. 149: after a resumption the decision follows it, never precedes it.
            last = self.suspensions[-1]
            check_order(
                self,
                (f"suspensions[{len(self.suspensions) - 1}].resumed_on", last.resumed_on),
                ("decided_on", self.decided_on),
            )
        if self.reopened_on is not None:
            if self.decision is not Decision.KHONG_KHOI_TO:
                if self.decision is None:
                    fail(self, "reopened_on", "reopened_without_decision")
                fail(self, "reopened_on", "reopened_not_no_case", value=self.decision.value)
            check_order(self, ("decided_on", self.decided_on), ("reopened_on", self.reopened_on))
        if self.case_id is not None and self.decision is not Decision.KHOI_TO:
            if self.decision is None:
                fail(self, "case_id", "case_without_decision")
            fail(self, "case_id", "case_without_prosecution", value=self.decision.value)

    def _check_suspended(self, open_sus: Suspension) -> None:
        # The data dictionary: a report under suspension has decision tam_dinh_chi dated its
        # start (Art. 147(1)(c)).
        since = open_sus.from_date.isoformat()
        if self.decision is not Decision.TAM_DINH_CHI:
            if self.decision is None:
                fail(self, "decision", "no_decision_while_suspended", since=since)
            fail(
                self, "decision", "decision_while_suspended", since=since, value=self.decision.value
            )
        if self.decided_on != open_sus.from_date:
            fail(self, "decided_on", "decided_on_not_suspension_start", since=since)

    @property
    def is_final(self) -> bool:
        """Whether the report has a final decision (any decision but a suspension)."""
        return self.decision is not None and self.decision.is_final

    @property
    def open_suspension(self) -> Suspension | None:
        """The suspension still in force (the last one, if not resumed), else ``None``."""
        if self.suspensions and self.suspensions[-1].resumed_on is None:
            return self.suspensions[-1]
        return None

    def extension(self, kind: ExtensionKind) -> Extension | None:
        """The extension of ``kind`` granted for this report, if any (Art. 147(2))."""
        return next((e for e in self.extensions if e.kind is kind), None)


@attrs.frozen(kw_only=True)
class CriminalCase:
    """A criminal case, from the decision to open it to the first-instance verdict.

    Invariants: the stages come in order (``opened_on`` <= ``indicted_on`` <=
    ``tried_on``; a trial needs an indictment, a verdict needs a trial);
    ``wrongful_on`` (the day a wrongful prosecution or conviction was established, the
    "oan sai" plan I.3 forbids) is not before ``opened_on``; ``defendants`` is a count.

    Plan clauses: I.3, II.4.a, II.4.b.

    Args:
        id: pseudonymous reference, unique among criminal cases.
        offence_article: the article of Bộ luật Hình sự 2015 the case is opened under.
        unit_code: GSO code of the commune or ward where the facts occurred.
        opened_on: the day the case was opened (khởi tố vụ án).
        report_ids: the crime reports that led to it.
        defendants: the number of accused persons.
        victim_ids: subject ids of the victims.
        indicted_on: the day of the indictment (truy tố), if any.
        tried_on: the day of the first-instance trial (xét xử), if any.
        verdict: the trial's outcome.
        wrongful_on: the day a wrongful prosecution or conviction was established.

    Raises:
        ValidationError: naming the field, when an invariant above does not hold.

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(converter=nfc_id, validator=non_empty)
    offence_article: int = attrs.field(validator=_article)
    unit_code: str = attrs.field(converter=nfc, validator=non_empty)
    opened_on: dt.date = attrs.field(validator=date_field)
    report_ids: tuple[str, ...] = attrs.field(
        default=(), converter=nfc_id_tuple, validator=id_tuple
    )
    defendants: int = attrs.field(default=0, validator=non_negative)
    victim_ids: tuple[str, ...] = attrs.field(
        default=(), converter=nfc_id_tuple, validator=id_tuple
    )
    indicted_on: dt.date | None = attrs.field(default=None, validator=optional_date)
    tried_on: dt.date | None = attrs.field(default=None, validator=optional_date)
    verdict: Verdict | None = attrs.field(default=None, validator=of_enum(Verdict, optional=True))
    wrongful_on: dt.date | None = attrs.field(default=None, validator=optional_date)

    def __attrs_post_init__(self) -> None:
        """Check the order of the stages (see the class docstring)."""
        opened = ("opened_on", self.opened_on)
        check_order(self, opened, ("indicted_on", self.indicted_on))
        if self.tried_on is not None and self.indicted_on is None:
            fail(self, "tried_on", "trial_without_indictment")
        check_order(self, ("indicted_on", self.indicted_on), ("tried_on", self.tried_on))
        if self.verdict is not None and self.tried_on is None:
            fail(self, "verdict", "verdict_without_trial")
        check_order(self, opened, ("wrongful_on", self.wrongful_on))
