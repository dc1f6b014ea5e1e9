"""The register of monitored subjects: the women (and others) the plan asks to know.

Plan clause I.1 asks the city to keep managing and knowing the women who emigrated
illegally or were lured or sold abroad, and the lives and needs of poor women and women
in difficult circumstances; III.1.b adds victims, women deceived into marrying
foreigners, women and children absent from home suspected of being trafficked, and
offenders and suspects. A :class:`Subject` is one person on that register, with the
categories she belongs to and since when.

Personal data (name, national ID number, phone) are optional, marked sensitive, and
never shown by ``repr``, ``str`` or an error message.
"""

from __future__ import annotations

import datetime as dt  # noqa: TC003 - attrs and cattrs read the annotations at run time
import itertools
from typing import TYPE_CHECKING, Any

import attrs

from threeno.model._base import (
    as_tuple,
    check_order,
    date_field,
    fail,
    nfc,
    nfc_id,
    nfc_or_none,
    non_empty,
    of_enum,
    optional_date,
    tuple_of,
)
from threeno.model._personal import holding_personal, masker_of, sensitive
from threeno.model.enums import Ethnicity, Sex, SubjectCategory

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["MIN_BIRTH_YEAR", "CategorySpan", "Subject"]

#: The earliest birth year a subject may have (anything older is a typing error).
MIN_BIRTH_YEAR = 1900


@attrs.frozen(kw_only=True)
class CategorySpan:
    """A subject's membership of one category, from one date to another (both included).

    A span is active on a day ``d`` when ``since <= d`` and either ``until`` is ``None``
    (still in the category) or ``d <= until``: ``until`` is the last day in the
    category, inclusive, like the end of a reporting period.

    Plan clauses: I.1, III.1.b, III.4.c.

    Args:
        category: the category.
        since: the first day in the category.
        until: the last day in the category, or ``None`` while it lasts.

    Raises:
        ValidationError: if ``until`` is before ``since``.

    .. versionadded:: 0.1.0
    """

    category: SubjectCategory = attrs.field(validator=of_enum(SubjectCategory))
    since: dt.date = attrs.field(validator=date_field)
    until: dt.date | None = attrs.field(default=None, validator=optional_date)

    def __attrs_post_init__(self) -> None:
        """Check that the span does not end before it starts."""
        check_order(self, ("since", self.since), ("until", self.until))

    def is_active_on(self, day: dt.date) -> bool:
        """Whether the span covers ``day`` (``since <= day <= until``, ``until`` included)."""
        return self.since <= day and (self.until is None or day <= self.until)


_optional_text = attrs.validators.optional(non_empty)


def _spans(value: Iterable[CategorySpan]) -> tuple[CategorySpan, ...]:
    # A typed converter: mypy's attrs plugin cannot solve a generic one's type variable.
    return as_tuple(value)


def _birth_year(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        fail(instance, attribute.name, "not_a_year", type=type(value).__name__)


@attrs.frozen(kw_only=True)
class Subject:
    """A person on the register of monitored subjects ("đối tượng").

    Invariants: ``id`` is not empty; ``birth_year`` is a whole number from
    :data:`MIN_BIRTH_YEAR` to the year of registration (nobody is registered before
    being born); every category span ends on or after its start; two spans of the same
    category do not overlap (one membership at a time, so counts never double).

    ``full_name``, ``national_id`` and ``phone`` are personal data: optional, marked
    sensitive (``threeno.model._personal.is_sensitive``), left out of ``repr`` and
    ``str``, and never quoted in an error message.

    Plan clauses: I.1, II.2.b, II.3.a, III.1.b, III.4.c.

    Args:
        id: pseudonymous reference, unique among subjects; never a name or ID number.
        sex: the person's sex.
        birth_year: the year of birth.
        ethnicity: the ethnic group (codes of QĐ 1019/QĐ-TCTK 2008).
        unit_code: GSO code of the commune or ward of residence.
        registered_on: the day the person entered the register.
        categories: the category spans, in any order.
        full_name: the person's name (sensitive).
        national_id: the national ID number (sensitive).
        phone: a phone number (sensitive).

    Raises:
        ValidationError: naming the field, when an invariant above does not hold.

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(converter=nfc_id, validator=non_empty)
    sex: Sex = attrs.field(validator=of_enum(Sex))
    birth_year: int = attrs.field(validator=_birth_year)
    ethnicity: Ethnicity = attrs.field(validator=of_enum(Ethnicity))
    unit_code: str = attrs.field(converter=nfc, validator=non_empty)
    registered_on: dt.date = attrs.field(validator=date_field)
    categories: tuple[CategorySpan, ...] = attrs.field(
        default=(), converter=_spans, validator=tuple_of(CategorySpan)
    )
    full_name: str | None = sensitive(converter=nfc_or_none, validator=_optional_text)
    national_id: str | None = sensitive(converter=nfc_or_none, validator=_optional_text)
    phone: str | None = sensitive(converter=nfc_or_none, validator=_optional_text)

    def __attrs_post_init__(self) -> None:
        """Check the birth year against the registration and the spans against each other.

        Also that the id does not hold the subject's own name, national id or phone,
        however written (case, spacing, accents, Unicode form, a phone's punctuation and
        prefix): an id is quoted in every report and message, and must be pseudonymous
        (the data dictionary, ``generated/data-dictionary``; Nghị định 13/2023/NĐ-CP,
        Art. 2: personal data).
        Another field holding them (a name typed as the unit code) is masked wherever a
        message quotes it (``threeno.model._personal.Masker``).
        """
        if self.full_name is not None or self.national_id is not None or self.phone is not None:
            personal = (self.full_name, self.national_id, self.phone)
            if holding_personal(personal, (("id", self.id),)) is not None:
                fail(self, "id", "personal_data_in_field")
        latest = self.registered_on.year
        if not MIN_BIRTH_YEAR <= self.birth_year <= latest:
            fail(
                self,
                "birth_year",
                "birth_year_out_of_range",
                low=MIN_BIRTH_YEAR,
                high=latest,
                value=self.birth_year,
            )
        self._check_spans()

    def __repr__(self) -> str:
        """The fields but personal data, and the subject's own data masked in any field.

        A name typed as the unit code is shown as ``<personal data>`` there too
        (``threeno.model._personal.Masker``).
        """
        shown = ", ".join(
            f"{f.name}={getattr(self, f.name)!r}" for f in attrs.fields(Subject) if f.repr
        )
        return masker_of(self).mask(f"Subject({shown})")

    def _check_spans(self) -> None:
        by_category: dict[SubjectCategory, list[tuple[int, CategorySpan]]] = {}
        for i, span in enumerate(self.categories):
            by_category.setdefault(span.category, []).append((i, span))
        for spans in by_category.values():
            # Sorted by start, neighbours are enough: if a span overlaps a later one, it
            # overlaps the one right after it too.
            spans.sort(key=lambda pair: pair[1].since)
            for (i, earlier), (j, later) in itertools.pairwise(spans):
                if earlier.until is None or later.since <= earlier.until:
                    params: dict[str, object] = {
                        "category": later.category.value,
                        "since": later.since.isoformat(),
                        "other": i,
                        "other_since": earlier.since.isoformat(),
                    }
                    if earlier.until is None:
                        fail(self, f"categories[{j}]", "span_overlaps_open", **params)
                    until = earlier.until.isoformat()
                    fail(self, f"categories[{j}]", "span_overlaps", **params, other_until=until)

    def categories_on(self, day: dt.date) -> frozenset[SubjectCategory]:
        """The categories the subject is in on ``day`` (a span's ``until`` is included)."""
        return frozenset(s.category for s in self.categories if s.is_active_on(day))

    def is_outreach_target_on(self, day: dt.date) -> bool:
        """Whether the subject is a target of awareness-raising on ``day``.

        True when at least one category active that day is an outreach target
        (:attr:`SubjectCategory.is_outreach_target
        <threeno.model.enums.SubjectCategory.is_outreach_target>`): a woman who is both
        poor and a suspect is still a poor woman whom plan clause II.2.b wants reached.

        Plan clauses: II.2.b.
        """
        return any(s.category.is_outreach_target for s in self.categories if s.is_active_on(day))
