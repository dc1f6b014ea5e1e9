"""What the agencies do under the plan: support, awareness-raising, reviews, reports, assessments.

Each class is one record type of the data dictionary (docs/guides/data-exchange.md): a
support action for a person, an outreach event, a review of the model held by a commune
or ward, a report sent to the Steering Committee, a security-and-order safety assessment.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any, Final

import attrs

from threeno.model._base import (
    as_tuple,
    boolean,
    date_field,
    fail,
    id_tuple,
    nfc,
    nfc_id,
    nfc_id_tuple,
    nfc_or_none,
    nfc_tuple,
    non_empty,
    non_negative,
    of_enum,
    tuple_of,
)
from threeno.model.enums import AssessmentScope, Channel, ReviewKind, SloganItem, SupportKind

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "FIRST_ASSESSMENT_YEAR",
    "LANGUAGE_PATTERN",
    "PERIOD_PATTERN",
    "ModelReview",
    "OutreachEvent",
    "ReportSubmission",
    "SafetyAssessment",
    "SupportAction",
]

_optional_text = attrs.validators.optional(non_empty)
_optional_amount = attrs.validators.optional(non_negative)


def _topics(value: Iterable[SloganItem]) -> tuple[SloganItem, ...]:
    # A typed converter: mypy's attrs plugin cannot solve a generic one's type variable.
    return as_tuple(value)


@attrs.frozen(kw_only=True)
class SupportAction:
    """One support given to one person on one day.

    Invariants: ``amount_vnd``, when given, is a whole number of đồng, 0 or more (the
    đồng has no smaller unit in use). Which kinds a person may lawfully receive on a
    date is a rule (the 2011 and 2024 anti-trafficking laws), not checked here.

    Plan clauses: II.3.b, III.2.b, III.2.c, III.4.a, III.5.b.

    Args:
        id: pseudonymous reference, unique among support actions.
        subject_id: the subject supported.
        kind: the kind of support.
        provider_agency: the agency that gave it.
        unit_code: GSO code of the commune or ward where it was given.
        delivered_on: the day it was given.
        amount_vnd: the money value in đồng, if any.

    Raises:
        ValidationError: naming the field, when a value is not allowed.

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(converter=nfc, validator=non_empty)
    subject_id: str = attrs.field(converter=nfc_id, validator=non_empty)
    kind: SupportKind = attrs.field(validator=of_enum(SupportKind))
    provider_agency: str = attrs.field(converter=nfc, validator=non_empty)
    unit_code: str = attrs.field(converter=nfc, validator=non_empty)
    delivered_on: dt.date = attrs.field(validator=date_field)
    amount_vnd: int | None = attrs.field(default=None, validator=_optional_amount)


#: The shape of a language code, in lower case. ISO 639-1 (two letters, ``vi``) where
#: one exists, otherwise ISO 639-3 (three letters, e.g. ``hmn`` Hmong, ``blt`` Tai Dam).
LANGUAGE_PATTERN: Final = re.compile(r"[a-z]{2,3}")


def _language(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    non_empty(instance, attribute, value)
    if not LANGUAGE_PATTERN.fullmatch(str(value)):
        fail(instance, attribute.name, "not_a_language_code", value=value)


@attrs.frozen(kw_only=True)
class OutreachEvent:
    """An awareness-raising event: where, when, by whom, by what means, for whom.

    Invariants: ``participants`` is a count, at least the number of subjects recorded
    as reached (each is one participant; others may attend without being on the
    register); a subject is listed at most once; ``language`` is a lower-case ISO 639
    code (:data:`LANGUAGE_PATTERN`; ``vi`` by default); a slogan item is listed at most
    once in ``topics``.

    Plan clauses: I.2, II.2.a, II.2.b, III.2.a, III.2.c.

    Args:
        id: pseudonymous reference, unique among outreach events.
        held_on: the day it was held.
        unit_code: GSO code of the commune or ward where it was held.
        agency: the agency that held it.
        channel: the means (II.2.b).
        participants: how many people took part.
        reached_subject_ids: the registered subjects among them.
        language: the language used, e.g. ``vi`` or ``hmn``.
        topics: the slogan items covered.

    Raises:
        ValidationError: naming the field, when an invariant above does not hold.

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(converter=nfc, validator=non_empty)
    held_on: dt.date = attrs.field(validator=date_field)
    unit_code: str = attrs.field(converter=nfc, validator=non_empty)
    agency: str = attrs.field(converter=nfc, validator=non_empty)
    channel: Channel = attrs.field(validator=of_enum(Channel))
    participants: int = attrs.field(validator=non_negative)
    reached_subject_ids: tuple[str, ...] = attrs.field(
        default=(), converter=nfc_id_tuple, validator=id_tuple
    )
    language: str = attrs.field(default="vi", converter=nfc, validator=_language)
    topics: tuple[SloganItem, ...] = attrs.field(
        default=(), converter=_topics, validator=tuple_of(SloganItem, unique=True)
    )

    def __attrs_post_init__(self) -> None:
        """Check that every subject reached is counted among the participants."""
        reached = len(self.reached_subject_ids)
        if self.participants < reached:
            fail(
                self, "participants", "fewer_participants", value=self.participants, reached=reached
            )


@attrs.frozen(kw_only=True)
class ModelReview:
    """A preliminary or final review of the model held by a commune or ward.

    ``maintained`` records the review's finding: whether the model is maintained and
    effective in the unit (plan I.5: in 07/07 communes and wards).

    Plan clauses: I.5, IV.1.

    Args:
        id: pseudonymous reference, unique among model reviews.
        unit_code: GSO code of the commune or ward reviewed.
        held_on: the day the review was held.
        kind: sơ kết (preliminary) or tổng kết (final).
        maintained: whether the review found the model maintained.

    Raises:
        ValidationError: naming the field, when a value is not allowed.

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(converter=nfc, validator=non_empty)
    unit_code: str = attrs.field(converter=nfc, validator=non_empty)
    held_on: dt.date = attrs.field(validator=date_field)
    kind: ReviewKind = attrs.field(validator=of_enum(ReviewKind))
    maintained: bool = attrs.field(validator=boolean)


#: The shapes a reporting-period text may take, namely ``2024``, ``2024-H1``,
#: ``2024-Q2``, ``2024-05``, ``2024-01-01..2024-03-31`` or ``adhoc:2024-03-02`` (an ad hoc
#: report of that day, plan IV.2 "báo cáo đột xuất"). The period module gives them dates.
PERIOD_PATTERN: Final = re.compile(
    r"""
    (?P<year>\d{4})
      (?: -H[12] | -Q[1-4] | -(?:0[1-9]|1[0-2]) )?
    | (?P<start>\d{4}-\d{2}-\d{2})\.\.(?P<end>\d{4}-\d{2}-\d{2})
    | adhoc:(?P<day>\d{4}-\d{2}-\d{2})
    """,
    re.VERBOSE,
)


def _period(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    non_empty(instance, attribute, value)
    match = PERIOD_PATTERN.fullmatch(str(value))
    if match is None:
        fail(instance, attribute.name, "not_a_period", value=value)
    days = [match[name] for name in ("start", "end", "day") if match[name] is not None]
    for text in days:
        try:
            dt.date.fromisoformat(text)
        except ValueError:
            fail(instance, attribute.name, "period_day_not_a_date", day=text, value=value)
    if match["start"] is not None and match["end"] < match["start"]:
        fail(instance, attribute.name, "period_ends_before_start", value=value)


@attrs.frozen(kw_only=True)
class ReportSubmission:
    """A report an agency sent to the Steering Committee (through the City Police).

    Plan clause IV.2: reports every 6 months, every year, and ad hoc. ``period`` is the
    period's text (:data:`PERIOD_PATTERN`); its shape and dates are checked here, its
    meaning under the plan's cut-off convention is the period module's.

    Plan clauses: IV.2.

    Args:
        id: pseudonymous reference, unique among report submissions.
        agency: the agency that sent the report.
        period: the period it reports on, e.g. ``2024-H1``, ``2024`` or
            ``adhoc:2024-03-02``.
        submitted_on: the day it was sent.

    Raises:
        ValidationError: naming the field, when a value is not allowed.

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(converter=nfc, validator=non_empty)
    agency: str = attrs.field(converter=nfc, validator=non_empty)
    period: str = attrs.field(converter=nfc, validator=_period)
    submitted_on: dt.date = attrs.field(validator=date_field)


#: The first year whose result can be assessed under Thông tư 124/2021/TT-BCA, which
#: came into force on 10 February 2022.
FIRST_ASSESSMENT_YEAR: Final = 2022


def _year(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        fail(instance, attribute.name, "not_a_year", type=type(value).__name__)


@attrs.frozen(kw_only=True)
class SafetyAssessment:
    """The result of assessing an area against the security-and-order safety standard.

    Thông tư 124/2021/TT-BCA sets the standard; its full list of criteria is not
    verified here, so the record keeps the result and the criteria found failing, in
    the assessor's words, and does not re-implement the standard.

    Invariants: ``year`` is from :data:`FIRST_ASSESSMENT_YEAR` to the year of
    ``assessed_on`` (a year is assessed during or after it, never before); an area that
    meets the standard lists no failed criteria; a criterion is listed at most once.

    Plan clauses: II.1.b.

    Args:
        id: pseudonymous reference, unique among safety assessments.
        unit_code: GSO code of the commune or ward (of the area assessed).
        scope: a residential area, or the commune or ward itself.
        area_name: the residential area's name, if the scope is one.
        year: the year assessed.
        assessed_on: the day of the assessment.
        meets_standard: whether the area met the standard.
        criteria_failed: the criteria found failing.

    Raises:
        ValidationError: naming the field, when an invariant above does not hold.

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(converter=nfc, validator=non_empty)
    unit_code: str = attrs.field(converter=nfc, validator=non_empty)
    scope: AssessmentScope = attrs.field(validator=of_enum(AssessmentScope))
    year: int = attrs.field(validator=_year)
    assessed_on: dt.date = attrs.field(validator=date_field)
    meets_standard: bool = attrs.field(validator=boolean)
    area_name: str | None = attrs.field(
        default=None, converter=nfc_or_none, validator=_optional_text
    )
    criteria_failed: tuple[str, ...] = attrs.field(
        default=(), converter=nfc_tuple, validator=id_tuple
    )

    def __attrs_post_init__(self) -> None:
        """Check the year against the assessment date and the result against the criteria."""
        latest = self.assessed_on.year
        if not FIRST_ASSESSMENT_YEAR <= self.year <= latest:
            fail(
                self,
                "year",
                "assessment_year_out_of_range",
                low=FIRST_ASSESSMENT_YEAR,
                high=latest,
                value=self.year,
            )
        if self.meets_standard and self.criteria_failed:
            fail(self, "criteria_failed", "failed_yet_met", count=len(self.criteria_failed))
