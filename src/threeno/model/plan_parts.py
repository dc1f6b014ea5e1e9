"""The parts of a plan: its legal bases, agencies, outline, clauses, targets and rules.

A :class:`~threeno.model.plan.Plan` is made of these: the legal texts it rests on
(:class:`LegalBasis`), the bodies it names (:class:`Agency`), the headings of its
outline (:class:`Section`), the purposes of section I (:class:`Clause`) and the duties of
sections II–IV (:class:`Duty`), its targets (:class:`Target`), its reporting rules
(:class:`ReportingRules`), its own days off (:class:`LocalCalendar`) and the readings of
the law it applies (:class:`EvaluationReadings`). Each class checks what concerns one
object (an id's form, a text that is empty, a value that is not a number); checks across
the plan are :func:`threeno.io.plans.check_plan`'s. :mod:`threeno.model.plan` exports
them all beside the :class:`~threeno.model.plan.Plan`.

The validators the plan's own fields share are public here (``matching``, ``texts``...)
and stay out of the API reference.

Plan clauses: the preamble (legal bases), I.1–I.5 (purposes), II–IV (duties), I.3, I.5,
II.2.b, II.3.b and IV.2 (targets), IV.2 (reporting).

.. versionadded:: 0.2.0
   These classes were defined in :mod:`threeno.model.plan`, which still exports them.
"""

from __future__ import annotations

import datetime as dt  # noqa: TC003 - attrs and cattrs read the annotations at run time
import math
import re
from typing import TYPE_CHECKING, Any, Final, cast

import attrs

from threeno.lang import Lang, check_lang
from threeno.lang import target as target_text
from threeno.model._base import (
    LabelledEnum,
    as_tuple,
    boolean,
    date_field,
    fail,
    nfc,
    nfc_or_none,
    non_empty,
    non_negative,
    of_enum,
    optional_date,
    tuple_of,
)
from threeno.model.period import Convention, PeriodKind
from threeno.model.units import UnitLevel

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "CLAUSE_ID",
    "INDICATOR_ID",
    "SLUG",
    "Agency",
    "AgencyRole",
    "Clause",
    "Comparator",
    "Duty",
    "EvaluationReadings",
    "LegalBasis",
    "LocalCalendar",
    "NamedDay",
    "ReportKind",
    "ReportingRules",
    "Section",
    "Target",
]

#: The shape of a plan's or an agency's id, lower-case ASCII words joined by hyphens ("cong-an-tp").
SLUG: Final = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
#: The shape of a clause id, a Roman or Arabic section number, numbered points and an
#: optional lettered point (Vietnamese lettering includes "đ"), as in "I", "II.1", "III.2.c".
CLAUSE_ID: Final = re.compile(r"(?:[IVXLC]+|[0-9]+)(?:\.[0-9]+)*(?:\.[a-zđ])?")
#: The shape of an indicator id of the catalogue, dotted lower-case words ("reports.on_time").
INDICATOR_ID: Final = re.compile(r"[a-z][a-z_]*(?:\.[a-z][a-z_]*)+")
# A GSO unit code, digits as text (the validators and the phrases below are shared with
# the Plan class; they are not part of the API reference).
UNIT_CODE: Final = re.compile(r"[0-9]+")


def matching(
    pattern: re.Pattern[str], what: str, *, optional: bool = False
) -> Callable[[object, attrs.Attribute[Any], object], None]:
    """Make a validator for a text of the form ``pattern`` (``None`` too if optional)."""

    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and optional:
            return
        if not isinstance(value, str) or not pattern.fullmatch(value):
            fail(instance, attribute.name, f"must be {what}, not {value!r}")

    return validate


def all_matching(
    pattern: re.Pattern[str], what: str
) -> Callable[[object, attrs.Attribute[Any], object], None]:
    """Make a validator for a tuple of distinct texts, each of the form ``pattern``."""
    of_str = tuple_of(str, unique=True)

    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        of_str(instance, attribute, value)
        for i, item in enumerate(cast("tuple[str, ...]", value)):  # checked just above
            if not pattern.fullmatch(item):
                fail(instance, f"{attribute.name}[{i}]", f"must be {what}, not {item!r}")

    return validate


def optional_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validate ``None`` or a text that is not empty."""
    if value is not None:
        non_empty(instance, attribute, value)


def texts(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validate a tuple of texts, none of them empty."""
    tuple_of(str)(instance, attribute, value)
    for i, item in enumerate(cast("tuple[str, ...]", value)):  # checked just above
        if not item.strip():
            fail(instance, f"{attribute.name}[{i}]", "must not be empty")


A_SLUG: Final = "a lower-case id of letters, digits and hyphens (cong-an-tp)"
A_CLAUSE: Final = "a clause id such as I.3, II.4.b or IV.2"
AN_INDICATOR: Final = "an indicator id such as reports.on_time"
A_CODE: Final = "a GSO unit code of digits as text (03388)"


class AgencyRole(LabelledEnum):
    """The part an agency plays in running the plan.

    Plan clauses: IV.1 ("Các thành viên Ban Chỉ đạo mô hình"), IV.2 ("Công an thành phố
    (Cơ quan Thường trực Ban Chỉ đạo)"); the issuer in the header.

    .. versionadded:: 0.1.0
    """

    STEERING_COMMITTEE = ("steering_committee", "Ban Chỉ đạo", "Steering Committee")
    STANDING_BODY = (
        "standing_body",
        "Cơ quan Thường trực Ban Chỉ đạo",
        "standing body of the Steering Committee",
    )
    STEERING_MEMBER = (
        "steering_member",
        "Thành viên Ban Chỉ đạo",
        "member of the Steering Committee",
    )


class Comparator(LabelledEnum):
    """How an indicator's value is compared with its target.

    >>> from threeno.model.plan import Comparator
    >>> Comparator.AT_LEAST.holds(0.95, 1.0), Comparator.EQUAL.holds(0, 0)
    (False, True)

    Plan clauses: I.3 ("100% ... được tiếp nhận, phân loại, giải quyết"; "không để xảy
    ra oan sai, bỏ lọt"), I.5 ("07/07 xã, phường").

    .. versionadded:: 0.1.0
    """

    AT_LEAST = (">=", "không thấp hơn", "at least")
    AT_MOST = ("<=", "không cao hơn", "at most")
    EQUAL = ("==", "bằng", "equal to")
    MORE_THAN = (">", "cao hơn", "more than")
    LESS_THAN = ("<", "thấp hơn", "less than")

    def holds(self, value: float, target: float) -> bool:
        """Whether ``value`` meets ``target`` under this comparator."""
        return _COMPARE[self](value, target)


_COMPARE: Final[dict[Comparator, Callable[[float, float], bool]]] = {
    Comparator.AT_LEAST: lambda v, t: v >= t,
    Comparator.AT_MOST: lambda v, t: v <= t,
    Comparator.EQUAL: lambda v, t: v == t,
    Comparator.MORE_THAN: lambda v, t: v > t,
    Comparator.LESS_THAN: lambda v, t: v < t,
}


class ReportKind(LabelledEnum):
    """A kind of report the plan asks for.

    Plan clause IV.2: "định kỳ báo cáo 06 tháng, 01 năm và báo cáo đột xuất" (every six
    months, every year, and ad hoc). Monthly and quarterly reports are here for other
    localities' plans (Nghị định 09/2019/NĐ-CP, Art. 12).

    .. versionadded:: 0.1.0
    """

    MONTH = ("month", "báo cáo tháng", "monthly report")
    QUARTER = ("quarter", "báo cáo quý", "quarterly report")
    HALF_YEAR = ("half_year", "báo cáo 06 tháng", "six-monthly report")
    YEAR = ("year", "báo cáo 01 năm", "yearly report")
    ADHOC = ("adhoc", "báo cáo đột xuất", "ad hoc report")

    @property
    def period_kind(self) -> PeriodKind | None:
        """The reporting period a report of this kind covers; ``None`` for an ad hoc report."""
        return _PERIOD_KINDS.get(self)


_PERIOD_KINDS: Final = {
    ReportKind.MONTH: PeriodKind.MONTH,
    ReportKind.QUARTER: PeriodKind.QUARTER,
    ReportKind.HALF_YEAR: PeriodKind.HALF_YEAR,
    ReportKind.YEAR: PeriodKind.YEAR,
}


@attrs.frozen(kw_only=True)
class LegalBasis:
    """A legal text or programme the plan rests on or cites.

    Args:
        id: a slug naming it within the plan (``"kh-1877-2021"``).
        text_vi: how the plan cites it, exactly as the source writes it (NFC).
        text_en: an English rendering.
        number: its number (``"1877/KH-UBND"``), when it has one.
        issued_on: the date it was issued, when known.
        cited_in: the clause that cites it; ``None`` for the plan's preamble ("Căn cứ ...").

    Plan clauses: the preamble; II.1.a (footnote 1), II.1.b, II.3.b.

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(validator=matching(SLUG, A_SLUG))
    text_vi: str = attrs.field(converter=nfc, validator=non_empty)
    text_en: str = attrs.field(validator=non_empty)
    number: str | None = attrs.field(default=None, converter=nfc_or_none, validator=optional_text)
    issued_on: dt.date | None = attrs.field(default=None, validator=optional_date)
    cited_in: str | None = attrs.field(
        default=None, validator=matching(CLAUSE_ID, A_CLAUSE, optional=True)
    )


@attrs.frozen(kw_only=True)
class Agency:
    """A body the plan gives duties to, or that reports under it.

    Args:
        id: a slug (``"cong-an-tp"``) that duties, targets and reports refer to.
        name_vi: the name as the plan writes it (``"Công an thành phố"``), NFC.
        name_en: the English name.
        level: the tier of government it belongs to (a
            :class:`~threeno.model.units.UnitLevel`); a city's bodies are of district level.
        roles: its parts in running the plan (:class:`AgencyRole`), each at most once.
        unit_code: the unit whose body it is, for a body of one commune or ward; ``None``
            for a body of the plan's own level, or for the bodies of every commune and
            ward taken together ("UBND các xã, phường").

    Plan clauses: III.1-III.5, IV.1, IV.2.

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(validator=matching(SLUG, A_SLUG))
    name_vi: str = attrs.field(converter=nfc, validator=non_empty)
    name_en: str = attrs.field(validator=non_empty)
    level: UnitLevel = attrs.field(validator=of_enum(UnitLevel))
    roles: tuple[AgencyRole, ...] = attrs.field(
        default=(), converter=as_tuple, validator=tuple_of(AgencyRole, unique=True)
    )
    unit_code: str | None = attrs.field(
        default=None, validator=matching(UNIT_CODE, A_CODE, optional=True)
    )


@attrs.frozen(kw_only=True)
class Section:
    """A heading of the plan, above its clauses: ``"II"``, ``"II.1"``, ``"III.4"``.

    A clause's parent (its id without the last part: ``"II.1"`` for ``"II.1.a"``) must be
    a section of the plan, and a duty's task area is one; so every clause id a plan uses
    is checked against the plan's own outline.

    Args:
        id: the heading's number (``"I"``, ``"II.3"``).
        title_vi: the heading as the source writes it, NFC.
        title_en: the English heading.

    Plan clauses: the headings of sections I-IV.

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(validator=matching(CLAUSE_ID, A_CLAUSE))
    title_vi: str = attrs.field(converter=nfc, validator=non_empty)
    title_en: str = attrs.field(validator=non_empty)


@attrs.frozen(kw_only=True)
class Clause:
    """A numbered clause of the plan: a purpose of section I, or the text of a duty.

    Args:
        id: the clause id (``"I.3"``), as the plan numbers its clauses (I.1 to IV.2 in
            the 2024 plan).
        text_vi: the clause's Vietnamese text exactly as in the source, NFC.
        text_en: an English translation.
        indicators: the ids of the catalogue's indicators that measure it, each once.
        note_vi: a note the source attaches (a footnote), exactly as written; optional.
        note_en: its English translation; given with ``note_vi`` or not at all.
        cite_vi: the clause as the plan itself refers to it, in Vietnamese ("điểm 3 mục
            I", "gạch đầu dòng thứ hai, điểm 4 mục II"): a plan numbers only its sections
            and points and marks the rest with dashes, so the id is a machine key and
            this is what a report prints.
        cite_en: the same in English ("section I, point 3"); given with ``cite_vi`` or
            not at all.

    Plan clauses: I.1-I.5 (purposes); as the base of :class:`Duty`, II-IV.

    .. versionchanged:: 0.2.0
       ``cite_vi`` and ``cite_en``.

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(validator=matching(CLAUSE_ID, A_CLAUSE))
    text_vi: str = attrs.field(converter=nfc, validator=non_empty)
    text_en: str = attrs.field(validator=non_empty)
    indicators: tuple[str, ...] = attrs.field(
        default=(), converter=as_tuple, validator=all_matching(INDICATOR_ID, AN_INDICATOR)
    )
    note_vi: str | None = attrs.field(default=None, converter=nfc_or_none, validator=optional_text)
    note_en: str | None = attrs.field(default=None, validator=optional_text)
    cite_vi: str | None = attrs.field(default=None, converter=nfc_or_none, validator=optional_text)
    cite_en: str | None = attrs.field(default=None, validator=optional_text)

    def __attrs_post_init__(self) -> None:
        """Check that a note and a citation come in both languages or not at all."""
        if (self.note_vi is None) != (self.note_en is None):
            missing = "note_en" if self.note_en is None else "note_vi"
            fail(self, missing, "a note needs both note_vi and note_en")
        if (self.cite_vi is None) != (self.cite_en is None):
            missing = "cite_en" if self.cite_en is None else "cite_vi"
            fail(self, missing, "a citation needs both cite_vi and cite_en")

    def cite(self, lang: Lang = "vi") -> str:
        """The clause as the plan refers to it, in ``"vi"`` or ``"en"``; its id without one.

        Raises:
            LanguageError: for another language.
        """
        code = check_lang(lang)
        found = self.cite_vi if code == "vi" else self.cite_en
        return self.id if found is None else found

    @property
    def parent(self) -> str | None:
        """The id of the section the clause sits in (``"II.1"`` for ``"II.1.a"``)."""
        head, dot, _ = self.id.rpartition(".")
        return head if dot else None


@attrs.frozen(kw_only=True)
class Duty(Clause):
    """A duty of sections II-IV: a clause with the agency that carries it out.

    Args:
        agency: the id of the agency that leads it ("chủ trì"); for the tasks of section
            II, which name no agency, the Steering Committee that issued the plan.
        partners: the ids of the other agencies the clause names as taking part
            ("phối hợp"), each once, not the lead.
        task_area: the section of key tasks it serves, ``"II.1"`` to ``"II.4"`` for the
            2024 plan, ``"IV"`` for organising the plan itself.

    The other fields are those of :class:`Clause`.

    Plan clauses: II.1.a-II.4.c, III.1.a-III.5.b, IV.1, IV.2.

    .. versionadded:: 0.1.0
    """

    agency: str = attrs.field(validator=matching(SLUG, A_SLUG))
    partners: tuple[str, ...] = attrs.field(
        default=(), converter=as_tuple, validator=all_matching(SLUG, A_SLUG)
    )
    task_area: str = attrs.field(validator=matching(CLAUSE_ID, A_CLAUSE))

    def __attrs_post_init__(self) -> None:
        """Check the note, and that the lead agency is not also a partner."""
        super().__attrs_post_init__()
        if self.agency in self.partners:
            fail(self, "partners", f"{self.agency!r} leads the duty; it is not also a partner")


def _number(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        fail(instance, attribute.name, f"must be a number, not {type(value).__name__}")
    if not math.isfinite(value):
        fail(instance, attribute.name, f"must be a finite number, not {value}")


@attrs.frozen(kw_only=True)
class Target:
    """A target the plan sets for an indicator, with the clause that sets it.

    A share is written as a fraction: the plan's "100%" is ``1.0`` and "07/07" is ``1.0``
    (every unit in scope), with the plan's own words kept in ``note``; a count is a whole
    number ("không để xảy ra oan sai" is ``== 0``).

    >>> from threeno.model.plan import Comparator, Target
    >>> t = Target(indicator="reports.overdue", comparator=Comparator.EQUAL, value=0, clause="I.3")
    >>> t.met(0), t.met(2)
    (True, False)

    Args:
        indicator: the indicator's id in the catalogue.
        comparator: how a value is compared with ``value``.
        value: the target: a fraction in [0, 1] for a share, a count otherwise.
        clause: the clause the target comes from.
        note: the plan's words, and how they were read.
        set_by_plan: whether the plan's own words set this target (``True``: "100% ...
            được tiếp nhận, phân loại, giải quyết") or it is a reading of them, the
            library's or the locality's (``False``: "đảm bảo" read as 100%). ``None``
            (not said) is refused by :func:`threeno.io.plans.check_plan`: every target
            says which it is, so that no report presents a reading as the plan's rule.
        note_vi: why, in Vietnamese (NFC), for Vietnamese outputs; required for a
            target the plan does not set.

    Plan clauses: I.3, I.5, II.2.b, II.3.b, IV.2 (the 2024 plan's targets).

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 ``set_by_plan`` and ``note_vi``.
    """

    indicator: str = attrs.field(validator=matching(INDICATOR_ID, AN_INDICATOR))
    comparator: Comparator = attrs.field(validator=of_enum(Comparator))
    value: int | float = attrs.field(validator=_number)
    clause: str = attrs.field(validator=matching(CLAUSE_ID, A_CLAUSE))
    note: str = attrs.field(default="", converter=nfc)
    set_by_plan: bool | None = attrs.field(
        default=None, validator=attrs.validators.optional(boolean)
    )
    note_vi: str = attrs.field(default="", converter=nfc)

    @property
    def assumed(self) -> bool:
        """Whether the target is a reading of the plan, not set by its words."""
        return self.set_by_plan is False

    def met(self, value: float) -> bool:
        """Whether an indicator's ``value`` meets this target."""
        return self.comparator.holds(value, self.value)

    def to_dict(self) -> dict[str, object]:
        """The target as JSON-ready data, as every JSON output writes it.

        >>> from threeno.model.plan import Comparator, Target
        >>> Target(
        ...     indicator="reports.overdue",
        ...     comparator=Comparator.EQUAL,
        ...     value=0,
        ...     clause="I.3",
        ...     set_by_plan=False,
        ... ).to_dict()
        {'comparator': '==', 'value': 0, 'clause': 'I.3', 'set_by_plan': False}

        ``set_by_plan`` says whether the plan's words set it or it is a reading of them,
        so that a tool showing the target never shows a reading as the plan's rule.

        .. versionadded:: 0.2.0
        """
        return {
            "comparator": self.comparator.value,
            "value": self.value,
            "clause": self.clause,
            "set_by_plan": self.set_by_plan,
        }

    def text(self, lang: Lang = "vi", *, share: bool) -> str:
        """The target in words, its value as the plan writes it (:func:`threeno.lang.target`).

        >>> from threeno.model.plan import Comparator, Target
        >>> t = Target(
        ...     indicator="reports.resolved",
        ...     comparator=Comparator.AT_LEAST,
        ...     value=1.0,
        ...     clause="I.3",
        ... )
        >>> t.text("vi", share=True), t.text("en", share=True)
        ('không thấp hơn 100%', 'at least 100%')

        Args:
            lang: ``"vi"`` (the default) or ``"en"``.
            share: whether the indicator is a share (its value a fraction) or a count.

        Raises:
            LanguageError: for a language other than ``"vi"`` or ``"en"``.

        .. versionadded:: 0.2.0
        """
        return f"{self.comparator.label(lang)} {target_text(self.value, lang, share=share)}"


@attrs.frozen(kw_only=True)
class ReportingRules:
    """Who reports, on which periods, to whom, and by when.

    Args:
        clause: the clause that sets the reporting duty (``"IV.2"``).
        convention: where the periods' data are cut off (the 2024 plan: the 15th-to-14th
            cut-off of Nghị định 09/2019/NĐ-CP, Art. 12).
        kinds: the reports asked for, each once (the 2024 plan: six-monthly, yearly, ad hoc).
        agencies: the ids of the agencies that send reports, each once.
        submit_to: the id of the agency the reports go to (the Steering Committee).
        through: the id of the agency they pass through, if any (its standing body).
        days_allowed: days after a period's end within which a report is due.
        days_allowed_set_by_plan: whether the plan itself sets ``days_allowed``; when it
            does not (the 2024 plan sets no deadline), the number is a local default.
        days_allowed_note: where the number comes from; required for a local default.
        days_allowed_note_vi: the same in Vietnamese (NFC), for Vietnamese outputs;
            :func:`threeno.io.plans.check_plan` requires it for a local default.

    Plan clauses: IV.2.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 ``days_allowed_note_vi``.
    """

    clause: str = attrs.field(validator=matching(CLAUSE_ID, A_CLAUSE))
    convention: Convention = attrs.field(validator=of_enum(Convention))
    kinds: tuple[ReportKind, ...] = attrs.field(
        converter=as_tuple, validator=tuple_of(ReportKind, unique=True)
    )
    agencies: tuple[str, ...] = attrs.field(
        converter=as_tuple, validator=all_matching(SLUG, A_SLUG)
    )
    submit_to: str = attrs.field(validator=matching(SLUG, A_SLUG))
    through: str | None = attrs.field(default=None, validator=matching(SLUG, A_SLUG, optional=True))
    days_allowed: int = attrs.field(validator=non_negative)
    days_allowed_set_by_plan: bool = attrs.field(validator=boolean)
    days_allowed_note: str = attrs.field(default="", converter=nfc)
    days_allowed_note_vi: str = attrs.field(default="", converter=nfc)

    def __attrs_post_init__(self) -> None:
        """Check that a deadline the plan does not set says where it comes from."""
        if not self.days_allowed_set_by_plan and not self.days_allowed_note.strip():
            fail(
                self,
                "days_allowed_note",
                "the plan does not set days_allowed: say where the local default comes from",
            )


@attrs.frozen(kw_only=True)
class NamedDay:
    """A day of a plan's own calendar, with its name in Vietnamese and in English.

    A local day off (a day the province or district gives its staff off, by its own
    decision) or a make-up working day ("làm bù") the national calendar does not list.

    Args:
        date: the day.
        name_vi: its name as the locality's decision writes it (NFC), saying why the day
            is off or worked (``"Làm bù ngày ..."``).
        name_en: its English name.

    Legal sources: Bộ luật Lao động 2019, Art. 112 (public holidays; a day off added or
    swapped by the competent authority); Bộ luật Tố tụng hình sự 2015, Art. 134 (a time
    limit that ends on a day off ends on the next working day).

    .. versionadded:: 0.2.0
    """

    date: dt.date = attrs.field(validator=date_field)
    name_vi: str = attrs.field(converter=nfc, validator=non_empty)
    name_en: str = attrs.field(validator=non_empty)


@attrs.frozen(kw_only=True)
class LocalCalendar:
    """The locality's own days off and working days, on top of the national calendar.

    The national calendar (weekends, public holidays, Tết and the government's make-up
    working Saturdays) is :class:`threeno.rules.calendar.DayOffCalendar`;
    :func:`threeno.rules.calendar.plan_calendar` adds a plan's local days to it. A time
    limit that ends on a local day off moves to the next working day, and one that ends
    on a local working day stays there.

    What concerns the days together (a day both off and working, a day listed twice, a
    working day the national calendar has as one already, a day far from the plan's
    year) is checked with the plan's other problems by
    :func:`threeno.io.plans.check_plan`.

    Args:
        days_off: extra local days off, in the order the plan lists them.
        working_days: extra working days (make-up days, "làm bù") the national calendar
            lacks.
        note: where the days come from (the locality's decision, cited as written), NFC.

    Legal sources: Bộ luật Lao động 2019, Art. 112 (public holidays and the days
    swapped for them); Bộ luật Tố tụng hình sự 2015, Art. 134 (a limit ending on a day
    off ends on the first working day after it).

    .. versionadded:: 0.2.0
    """

    days_off: tuple[NamedDay, ...] = attrs.field(
        default=(), converter=as_tuple, validator=tuple_of(NamedDay)
    )
    working_days: tuple[NamedDay, ...] = attrs.field(
        default=(), converter=as_tuple, validator=tuple_of(NamedDay)
    )
    note: str = attrs.field(default="", converter=nfc, validator=attrs.validators.instance_of(str))

    @property
    def is_empty(self) -> bool:
        """Whether the plan adds nothing to the national calendar."""
        return not self.days_off and not self.working_days


@attrs.frozen(kw_only=True)
class EvaluationReadings:
    """How the plan reads the law and its data where they leave a choice.

    Each reading is what the indicator engine applies unless a caller overrides it; each
    note says where the reading comes from (the plan's words, or that the plan is silent
    and the value is the library's reading).

    Args:
        count_receipt_day: whether the day a crime report is received is day 1 of its
            time limit. Bộ luật Tố tụng hình sự 2015, Art. 134 counts limits in days and
            months but whether the day of receipt counts is not verified; ``False`` (the
            default) follows the civil-law convention: the limit runs from the next day.
        count_receipt_day_note: where that reading comes from, in English.
        count_receipt_day_note_vi: the same in Vietnamese (NFC), for Vietnamese outputs.
        crosswalk: whether records coded with a unit that ended before the period's end
            are counted in the plan's unit it was merged into (the 2025 merger of
            communes and wards, Nghị quyết 1670/NQ-UBTVQH15); the plan's registry must
            hold the old units with their ``successor`` for this to map anything.
        crosswalk_note: where that reading comes from, in English.
        crosswalk_note_vi: the same in Vietnamese (NFC).
        suspension_counts_as_resolved: whether a report whose handling is suspended (tạm
            đình chỉ, Bộ luật Tố tụng hình sự 2015, Art. 147(1)(c), Art. 148: one of the
            three decisions on a source of crime information) counts as resolved in the
            period of the suspension. ``False`` (the default) counts only khởi tố, không
            khởi tố and chuyển; whether the police's and procuracy's statistics count a
            suspension as resolved is not verified, so it is a reading.
        suspension_counts_as_resolved_note: where that reading comes from, in English.
        suspension_counts_as_resolved_note_vi: the same in Vietnamese (NFC).
        assess_assumed_targets: whether a target the plan does not set (``Target.set_by_plan``
            false), and the timeliness of reports against a deadline the plan does not set
            (``ReportingRules.days_allowed_set_by_plan`` false), are assessed (met or not
            met, labelled as readings: the default) or left unassessed (status
            ``not_assessed``).

    .. versionadded:: 0.2.0
    .. versionchanged:: 0.2.0
       ``suspension_counts_as_resolved`` (and its notes), ``assess_assumed_targets``.
    """

    count_receipt_day: bool = attrs.field(default=False, validator=boolean)
    count_receipt_day_note: str = attrs.field(
        default="", converter=nfc, validator=attrs.validators.instance_of(str)
    )
    count_receipt_day_note_vi: str = attrs.field(
        default="", converter=nfc, validator=attrs.validators.instance_of(str)
    )
    crosswalk: bool = attrs.field(default=False, validator=boolean)
    crosswalk_note: str = attrs.field(
        default="", converter=nfc, validator=attrs.validators.instance_of(str)
    )
    crosswalk_note_vi: str = attrs.field(
        default="", converter=nfc, validator=attrs.validators.instance_of(str)
    )
    suspension_counts_as_resolved: bool = attrs.field(default=False, validator=boolean)
    suspension_counts_as_resolved_note: str = attrs.field(
        default="", converter=nfc, validator=attrs.validators.instance_of(str)
    )
    suspension_counts_as_resolved_note_vi: str = attrs.field(
        default="", converter=nfc, validator=attrs.validators.instance_of(str)
    )
    assess_assumed_targets: bool = attrs.field(default=True, validator=boolean)
