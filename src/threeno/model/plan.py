"""A plan as data: its header, clauses, agencies, units, targets and reporting rules.

Lai Châu city's 2024 plan for the "03 không, 03 có" model is one :class:`Plan`; another
commune, city or province adopts the model by writing its own plan file (see
:mod:`threeno.io.plans` and the bundled ``template.toml``), and the same indicator code
counts for it. The plan's text is kept clause by clause: the purposes of section I are
:class:`~threeno.model.plan_parts.Clause` objects, the duties of sections II, III and IV
:class:`~threeno.model.plan_parts.Duty` objects, and the headings above them
:class:`~threeno.model.plan_parts.Section` objects, so every clause id a plan uses is
defined by the plan itself.

The parts are the classes of :mod:`threeno.model.plan_parts`, exported here too. Each
class checks what concerns one object (an id's form, a text that is empty, a value that
is not a number). Checks across the plan (an agency a duty names but the plan does not
define, an indicator id the catalogue does not know, a unit not valid in the plan's
year) gather every problem at once in :func:`threeno.io.plans.check_plan`, which the
loader runs.

Plan clauses: the whole plan, in particular I.1-I.5, II.1-II.4, III.1-III.5, IV.1-IV.2.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt  # noqa: TC003 - attrs and cattrs read the annotations at run time
import functools
from typing import TYPE_CHECKING, Any, cast

import attrs

from threeno.errors import PlanError
from threeno.lang import Lang, check_lang
from threeno.model._base import (
    as_tuple,
    fail,
    nfc,
    nfc_or_none,
    nfc_tuple,
    non_empty,
    optional_date,
    tuple_of,
)
from threeno.model.enums import SloganItem
from threeno.model.period import ReportingPeriod
from threeno.model.plan_parts import (
    A_CODE,
    A_SLUG,
    AN_INDICATOR,
    CLAUSE_ID,
    INDICATOR_ID,
    SLUG,
    UNIT_CODE,
    Agency,
    AgencyRole,
    Clause,
    Comparator,
    Duty,
    EvaluationReadings,
    LegalBasis,
    LocalCalendar,
    NamedDay,
    ReportingRules,
    ReportKind,
    Section,
    Target,
    all_matching,
    matching,
    optional_text,
    texts,
)
from threeno.model.units import AdministrativeUnit, UnitRegistry

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

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
    "Plan",
    "ReportKind",
    "ReportingRules",
    "Section",
    "Target",
    "with_settings",
]


def _indicator_ids(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``None``, or a tuple of indicator ids (duplicates are ``check_plan``'s to report)."""
    if value is None:
        return
    tuple_of(str)(instance, attribute, value)
    for i, item in enumerate(cast("tuple[str, ...]", value)):  # checked just above
        if not INDICATOR_ID.fullmatch(item):
            fail(instance, f"{attribute.name}[{i}]", f"must be {AN_INDICATOR}, not {item!r}")


def _optional_tuple(value: object) -> object:
    return None if value is None else as_tuple(value)  # type: ignore[arg-type]


def _year(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1945 <= value <= 2100:
        fail(instance, attribute.name, f"must be a year from 1945 to 2100, not {value!r}")


@attrs.frozen(kw_only=True)
class Plan:
    """A local plan for the "03 không, 03 có" model, as data.

    Load one with :func:`threeno.plans.load_plan`, which also checks it across fields
    (every id a clause names exists, every unit is valid in the plan's year, ...). The
    fields follow the plan's own parts; every Vietnamese text is NFC, exactly as the
    source writes it.

    Args:
        id: a slug naming the plan (``"lai-chau-2024"``).
        year: the year the plan is for; its reporting year is this year under the plan's
            convention (2024: 2023-12-15..2024-12-14).
        title_vi: the plan's title as written; title_en: in English.
        number: its number as written (``"/KH-BCĐ"``: the source leaves the number blank).
        dateline_vi: the place and date line as written (the source leaves the day blank).
        issued_on: the date of issue, when the source gives a whole date.
        issuer_vi: the body that issues the plan; issuer_en: in English.
        signature_vi: the lines of the signature block without the signer's name
            ("TM. BAN CHỈ ĐẠO", ...); signature_en: in English.
        note: what a reader must know about the plan file itself (say, that it is an
            illustration), in English.
        legal_bases: the legal texts and programmes it rests on or cites.
        area: the codes of the units that contain the plan's units (province, and the city
            or district where there is one).
        units: the units in scope (the 2024 plan: the 07/07 communes and wards).
        related_units: the other units the registry needs to read codes at any date: the
            ``area`` units and the units the plan's units were merged into.
        agencies: the bodies the plan names.
        slogan: the slogan items the plan asks people to follow.
        indicators: the catalogue ids of the indicators of the plan's report, in the
            order the report shows them; ``None`` (the key left out) for those its
            clauses and targets name (:attr:`report_indicators`).
        sections: the headings of the plan's outline.
        purposes: the clauses of section I (purposes and requirements).
        duties: the duties of sections II-IV.
        targets: the targets, at most one per indicator.
        reporting: the reporting rules.
        calendar: the locality's own days off and working days (none by default).
        evaluation: the readings of the law and of the data the plan chooses (whether
            the day of receipt counts, whether old units are crosswalked).

    Plan clauses: the whole plan; units I.5, IV.1; reporting IV.2; slogan II.2.b.

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(validator=matching(SLUG, A_SLUG))
    year: int = attrs.field(validator=_year)
    title_vi: str = attrs.field(converter=nfc, validator=non_empty)
    title_en: str = attrs.field(validator=non_empty)
    number: str | None = attrs.field(default=None, converter=nfc_or_none, validator=optional_text)
    dateline_vi: str | None = attrs.field(
        default=None, converter=nfc_or_none, validator=optional_text
    )
    issued_on: dt.date | None = attrs.field(default=None, validator=optional_date)
    issuer_vi: str = attrs.field(converter=nfc, validator=non_empty)
    issuer_en: str = attrs.field(validator=non_empty)
    signature_vi: tuple[str, ...] = attrs.field(default=(), converter=nfc_tuple, validator=texts)
    signature_en: tuple[str, ...] = attrs.field(default=(), converter=as_tuple, validator=texts)
    note: str = attrs.field(default="", converter=nfc)
    legal_bases: tuple[LegalBasis, ...] = attrs.field(
        default=(), converter=as_tuple, validator=tuple_of(LegalBasis)
    )
    area: tuple[str, ...] = attrs.field(
        default=(), converter=as_tuple, validator=all_matching(UNIT_CODE, A_CODE)
    )
    units: tuple[AdministrativeUnit, ...] = attrs.field(
        converter=as_tuple, validator=tuple_of(AdministrativeUnit)
    )
    related_units: tuple[AdministrativeUnit, ...] = attrs.field(
        default=(), converter=as_tuple, validator=tuple_of(AdministrativeUnit)
    )
    agencies: tuple[Agency, ...] = attrs.field(converter=as_tuple, validator=tuple_of(Agency))
    slogan: tuple[SloganItem, ...] = attrs.field(
        default=(), converter=as_tuple, validator=tuple_of(SloganItem, unique=True)
    )
    indicators: tuple[str, ...] | None = attrs.field(
        default=None, converter=_optional_tuple, validator=_indicator_ids
    )
    sections: tuple[Section, ...] = attrs.field(converter=as_tuple, validator=tuple_of(Section))
    purposes: tuple[Clause, ...] = attrs.field(
        default=(), converter=as_tuple, validator=tuple_of(Clause)
    )
    duties: tuple[Duty, ...] = attrs.field(converter=as_tuple, validator=tuple_of(Duty))
    targets: tuple[Target, ...] = attrs.field(
        default=(), converter=as_tuple, validator=tuple_of(Target)
    )
    reporting: ReportingRules = attrs.field(validator=attrs.validators.instance_of(ReportingRules))
    calendar: LocalCalendar = attrs.field(
        factory=LocalCalendar, validator=attrs.validators.instance_of(LocalCalendar)
    )
    evaluation: EvaluationReadings = attrs.field(
        factory=EvaluationReadings, validator=attrs.validators.instance_of(EvaluationReadings)
    )

    @functools.cached_property
    def registry(self) -> UnitRegistry:
        """A :class:`~threeno.model.units.UnitRegistry` of ``units`` and ``related_units``.

        The indicator engine and ``Dataset.validate`` read record codes with it.

        Raises:
            ValidationError: when the units are inconsistent (two versions of a code
                overlap, a parent or successor is missing); the loader reports it.

        Plan clauses: I.5, IV.1.
        """
        return UnitRegistry(self.units + self.related_units)

    @property
    def clauses(self) -> tuple[Clause, ...]:
        """Every numbered clause, in the plan's order (the purposes, then the duties)."""
        return self.purposes + self.duties

    @property
    def report_indicators(self) -> tuple[str, ...]:
        """The ids of the indicators of the plan's report, each once.

        ``indicators`` when the plan lists them; otherwise the ids its clauses name
        (purposes, then duties, in the plan's order), then those only its targets name,
        each once, in the order first seen. A caller may evaluate others besides
        (``evaluate(..., indicators=...)``).

        >>> from threeno.plans import load_plan
        >>> load_plan("lai-chau-2024").report_indicators[:3]
        ('subjects.monitored', 'subjects.emigrated', 'outreach.events')

        Plan clauses: the clauses that name indicators (the 2024 plan: I.1-I.3, I.5,
        II.1.b, II.2.b, II.3.b, II.4.b, III.2.c, III.4.c, IV.1, IV.2) and the targets.
        """
        if self.indicators is not None:
            return self.indicators
        named = [i for clause in self.clauses for i in clause.indicators]
        named += [t.indicator for t in self.targets]
        return tuple(dict.fromkeys(named))

    def clauses_for(self, indicator_id: str) -> tuple[str, ...]:
        """The ids of the plan's clauses that list an indicator, in the plan's order.

        Purposes first, then duties; ``()`` when no clause lists it (an indicator the
        plan does not name, or one only a caller asked for). Every clause reference an
        output shows for an indicator comes from here, so a plan shows its own clauses.

        >>> from threeno.plans import load_plan
        >>> load_plan("lai-chau-2024").clauses_for("reports.classified")
        ('I.3', 'II.4.b')

        Args:
            indicator_id: a catalogue id (``"reports.on_time"``).

        Plan clauses: every clause that lists an indicator.
        """
        return tuple(c.id for c in self.clauses if indicator_id in c.indicators)

    def cite(self, clause_id: str, lang: Lang = "vi") -> str:
        """A clause as the plan itself refers to it, for a report to print.

        See :meth:`Clause.cite <threeno.model.plan_parts.Clause.cite>`. A clause without
        a citation, or an id the plan does not define, gives its id.

        >>> from threeno.plans import load_plan
        >>> plan = load_plan("lai-chau-2024")
        >>> plan.cite("II.4.b"), plan.cite("I.3", "en")
        ('gạch đầu dòng thứ hai, điểm 4 mục II', 'section I, point 3')

        Raises:
            LanguageError: for another language.

        .. versionadded:: 0.2.0
        """
        found = next((c for c in self.clauses if c.id == clause_id), None)
        if found is None:
            check_lang(lang)
            return clause_id
        return found.cite(lang)

    @property
    def reporting_year(self) -> ReportingPeriod:
        """The plan's year as a reporting period in its own convention.

        Source: Nghị định 09/2019/NĐ-CP, Art. 12 (2024 = 2023-12-15..2024-12-14 under the
        cut-off). Plan clauses: IV.2.
        """
        return ReportingPeriod.year(self.year, self.reporting.convention)

    def period(self, text: str) -> ReportingPeriod:
        """A reporting period read in the plan's own convention.

        >>> from threeno.plans import load_plan
        >>> p = load_plan("lai-chau-2024").period("2024-H1")
        >>> str(p.start), str(p.end)
        ('2023-12-15', '2024-06-14')

        Args:
            text: ``"2024"``, ``"2024-H1"``, ``"2024-Q2"``, ``"2024-05"`` or
                ``"2024-01-01..2024-03-31"``.

        Raises:
            PeriodError: for text that names no period.

        Source: Nghị định 09/2019/NĐ-CP, Art. 12. Plan clauses: IV.2.
        """
        return ReportingPeriod.parse(text, self.reporting.convention)

    def units_in_scope(self, on: dt.date) -> tuple[AdministrativeUnit, ...]:
        """The plan's units in force on ``on``, in the plan's order.

        Args:
            on: the date (a record's own date, or a period's end).

        Plan clauses: I.5 ("07/07 xã, phường"), IV.1.
        """
        return tuple(u for u in self.units if u.is_valid_on(on))

    def target(self, indicator_id: str) -> Target | None:
        """The plan's target for an indicator, or ``None`` when it sets none.

        Plan clauses: I.3, I.5, II.2.b, II.3.b, IV.2.
        """
        return next((t for t in self.targets if t.indicator == indicator_id), None)

    def agency(self, agency_id: str) -> Agency:
        """The agency with this id.

        Raises:
            PlanError: when the plan has no such agency, listing those it has.

        Plan clauses: III.1-III.5, IV.
        """
        for agency in self.agencies:
            if agency.id == agency_id:
                return agency
        known = ", ".join(a.id for a in self.agencies)
        msg = f"plan {self.id} has no agency {agency_id!r}; its agencies: {known}"
        raise PlanError(msg)

    def duties_of(self, agency_id: str) -> tuple[Duty, ...]:
        """The duties an agency leads or takes part in, in the plan's order.

        Raises:
            PlanError: when the plan has no such agency.

        Plan clauses: III.1-III.5, IV.1, IV.2.
        """
        self.agency(agency_id)
        return tuple(d for d in self.duties if agency_id == d.agency or agency_id in d.partners)


def with_settings(  # noqa: PLR0913 - the settings a run may override, all keyword-only
    plan: Plan,
    *,
    count_receipt_day: bool | None = None,
    crosswalk: bool | None = None,
    suspension_counts_as_resolved: bool | None = None,
    days_allowed: int | None = None,
    days_off: Iterable[dt.date] = (),
    set_by: Callable[[str, object], tuple[str, str]],
) -> Plan:
    """The plan with the settings a run overrides, each noted as not the plan's.

    ``count_receipt_day``, ``crosswalk`` and ``suspension_counts_as_resolved`` replace the
    plan's ``[evaluation]`` readings,
    ``days_allowed`` its reporting deadline, and ``days_off`` add local days off to its
    ``[calendar]``; ``None`` (or a value equal to the plan's, or a day off it already
    has) changes nothing. Each change carries the note ``set_by(key, value)`` gives
    (Vietnamese, English: "set on the command line (--crosswalk), not by the plan
    file"), so a report never presents a run's value as the plan's; the deadline becomes
    a local default (``days_allowed_set_by_plan=False``). The command line and the
    service both override a plan this way.

    >>> import datetime as dt
    >>> from threeno.model.plan import with_settings
    >>> from threeno.plans import load_plan
    >>> plan = with_settings(
    ...     load_plan("lai-chau-2024"),
    ...     crosswalk=True,
    ...     set_by=lambda key, value: (f"Đặt riêng ({key})", f"set here ({key})"),
    ... )
    >>> plan.evaluation.crosswalk, plan.evaluation.crosswalk_note
    (True, 'set here (crosswalk)')

    Plan clauses: IV.2 (the reporting deadline); the readings of Bộ luật Tố tụng hình sự
    2015, Art. 134, and Nghị quyết 1670/NQ-UBTVQH15 the plan file records.

    .. versionadded:: 0.2.0
    .. versionchanged:: 0.2.0 ``suspension_counts_as_resolved``.
    """
    readings = plan.evaluation
    for key, value in (
        ("count_receipt_day", count_receipt_day),
        ("crosswalk", crosswalk),
        ("suspension_counts_as_resolved", suspension_counts_as_resolved),
    ):
        if value is not None and value != getattr(readings, key):
            vi, en = set_by(key, value)
            changes: dict[str, Any] = {key: value, f"{key}_note": en, f"{key}_note_vi": vi}
            readings = attrs.evolve(readings, **changes)
    if readings != plan.evaluation:
        plan = attrs.evolve(plan, evaluation=readings)
    if days_allowed is not None and days_allowed != plan.reporting.days_allowed:
        reporting = attrs.evolve(
            plan.reporting,
            days_allowed=days_allowed,
            days_allowed_set_by_plan=False,
            days_allowed_note=set_by("days_allowed", days_allowed)[1],
            days_allowed_note_vi=set_by("days_allowed", days_allowed)[0],
        )
        plan = attrs.evolve(plan, reporting=reporting)
    known = {day.date for day in plan.calendar.days_off}
    added = []
    for day in sorted(set(days_off) - known):
        vi, en = set_by("day_off", day)
        added.append(NamedDay(date=day, name_vi=vi, name_en=en))
    if added:
        # The attrs plugin cannot solve the converter's type variable: the tuples are
        # given as what they are, and LocalCalendar's validators check them.
        new_days: Any = (*plan.calendar.days_off, *added)
        working_days: Any = plan.calendar.working_days
        calendar = LocalCalendar(
            days_off=new_days, working_days=working_days, note=plan.calendar.note
        )
        plan = attrs.evolve(plan, calendar=calendar)
    return plan
