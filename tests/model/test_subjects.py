"""Tests for threeno.model.subjects: category spans, subjects, and their personal data."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from threeno.errors import ValidationError
from threeno.model._personal import is_sensitive
from threeno.model.enums import Ethnicity, Sex, SubjectCategory
from threeno.model.subjects import CategorySpan, Subject
from threeno.testing.strategies import category_spans, dates, subjects

D = dt.date
POOR = SubjectCategory.POOR
SUSPECT = SubjectCategory.SUSPECT
NEW_YEAR_2024 = D(2024, 1, 1)


def span(
    category: SubjectCategory = POOR, since: dt.date = NEW_YEAR_2024, until: dt.date | None = None
) -> CategorySpan:
    """A category span with defaults, for short tests."""
    return CategorySpan(category=category, since=since, until=until)


def subject(**changes: Any) -> Subject:  # noqa: ANN401 - test helper passes any field
    """A valid subject (synthetic), with some fields changed."""
    fields: dict[str, Any] = {
        "id": "S-0001",
        "sex": Sex.FEMALE,
        "birth_year": 1998,
        "ethnicity": Ethnicity.HMONG,
        "unit_code": "03403",
        "registered_on": D(2024, 3, 1),
        "categories": (span(),),
    }
    fields.update(changes)
    return Subject(**fields)


class TestCategorySpan:
    """A span of dates in one category, ``until`` included."""

    def test_until_before_since(self) -> None:
        """A span that ends the day before it starts is refused, naming ``until``."""
        with pytest.raises(ValidationError, match=r"CategorySpan\.until: 2023-12-31 is before"):
            span(until=D(2023, 12, 31))

    def test_one_day_span(self) -> None:
        """``until == since`` is a one-day span: active that day only."""
        one = span(since=D(2024, 5, 1), until=D(2024, 5, 1))
        expected = [False, True, False]
        actual = [one.is_active_on(D(2024, 4, 30)), one.is_active_on(D(2024, 5, 1))]
        actual.append(one.is_active_on(D(2024, 5, 2)))
        assert expected == actual

    def test_until_is_inclusive(self) -> None:
        """A span until 30 June is active on 30 June and not on 1 July (until included)."""
        closed = span(since=D(2024, 1, 1), until=D(2024, 6, 30))
        assert closed.is_active_on(D(2024, 6, 30))
        assert not closed.is_active_on(D(2024, 7, 1))

    def test_open_span(self) -> None:
        """An open span is active from ``since`` on, for ever."""
        open_span = span(since=D(2024, 1, 1))
        assert not open_span.is_active_on(D(2023, 12, 31))
        assert open_span.is_active_on(D(2030, 1, 1))

    def test_category_must_be_member(self) -> None:
        """A slug string is not a category: the converter at the edge turns slugs into members."""
        with pytest.raises(ValidationError, match=r"CategorySpan\.category: unknown"):
            CategorySpan(category="poor", since=D(2024, 1, 1))  # type: ignore[arg-type]

    @given(category_spans())
    def test_generated_spans_hold(self, generated: CategorySpan) -> None:
        """Every generated span ends on or after its start and is active on its first day."""
        assert generated.until is None or generated.since <= generated.until
        assert generated.is_active_on(generated.since)

    @given(dates(), st.integers(min_value=1, max_value=5000))
    def test_any_reversed_pair_fails(self, since: dt.date, days: int) -> None:
        """Whatever the dates, an ``until`` before ``since`` is refused."""
        with pytest.raises(ValidationError) as caught:
            span(since=since, until=since - dt.timedelta(days=days))
        expected = "until"
        assert expected == caught.value.field


class TestSubjectInvariants:
    """Each invariant of Subject, with one failing case naming its field."""

    def test_valid(self) -> None:
        """The helper's subject is valid and keeps what it was given."""
        expected = "S-0001"
        assert expected == subject().id

    @pytest.mark.parametrize("bad_id", ["", "   "])
    def test_empty_id(self, bad_id: str) -> None:
        """An empty or blank id is refused."""
        with pytest.raises(ValidationError, match=r"Subject\.id: must not be empty"):
            subject(id=bad_id)

    def test_birth_year_before_1900(self) -> None:
        """1899 is below the lower bound (a typing error, not a person)."""
        with pytest.raises(ValidationError, match=r"Subject\.birth_year: must be from 1900"):
            subject(birth_year=1899)

    def test_birth_year_after_registration(self) -> None:
        """Born in 2025 but registered in 2024: impossible."""
        with pytest.raises(ValidationError, match=r"Subject\.birth_year: .* to 2024"):
            subject(birth_year=2025, registered_on=D(2024, 12, 31))

    def test_birth_year_bounds_included(self) -> None:
        """1900 and the year of registration are both allowed (a newborn may be registered)."""
        expected = (1900, 2024)
        actual = (
            subject(birth_year=1900).birth_year,
            subject(birth_year=2024, registered_on=D(2024, 1, 1)).birth_year,
        )
        assert expected == actual

    def test_birth_year_not_bool(self) -> None:
        """``True`` is an int in Python but not a year."""
        with pytest.raises(ValidationError, match=r"Subject\.birth_year: must be a year"):
            subject(birth_year=True)

    def test_same_category_overlap(self) -> None:
        """Two poor spans sharing 1 June overlap: the second is named."""
        spans = (
            span(since=D(2024, 1, 1), until=D(2024, 6, 1)),
            span(since=D(2024, 6, 1)),
        )
        with pytest.raises(ValidationError, match=r"Subject\.categories\[1\]: 'poor' from"):
            subject(categories=spans)

    def test_open_span_then_later_span(self) -> None:
        """An open span overlaps any later span of the same category."""
        spans = (span(since=D(2025, 1, 1)), span(since=D(2024, 1, 1)))
        with pytest.raises(ValidationError, match=r"Subject\.categories\[0\]: .* overlaps"):
            subject(categories=spans)

    def test_successive_spans_allowed(self) -> None:
        """Poor until 31 May, poor again from 1 June: adjacent, not overlapping."""
        spans = (
            span(since=D(2024, 6, 1)),
            span(since=D(2024, 1, 1), until=D(2024, 5, 31)),
        )
        expected = 2
        assert expected == len(subject(categories=spans).categories)

    def test_different_categories_may_overlap(self) -> None:
        """A woman may be poor and a returned victim at once."""
        spans = (span(POOR), span(SubjectCategory.RETURNED_VICTIM))
        expected = 2
        assert expected == len(subject(categories=spans).categories)

    def test_categories_must_be_spans(self) -> None:
        """A bare category is not a span: the index is named."""
        with pytest.raises(ValidationError, match=r"Subject\.categories\[0\]: must be a"):
            subject(categories=[POOR])

    def test_categories_list_accepted(self) -> None:
        """A list is accepted and stored as a tuple."""
        expected = (span(),)
        assert expected == subject(categories=[span()]).categories

    def test_unit_code_empty(self) -> None:
        """A subject lives somewhere: the unit code is required."""
        with pytest.raises(ValidationError, match=r"Subject\.unit_code: must not be empty"):
            subject(unit_code="")

    def test_registered_on_datetime(self) -> None:
        """A datetime is not a date (a time of day has no place here)."""
        with pytest.raises(ValidationError, match=r"Subject\.registered_on: must be a date"):
            subject(registered_on=dt.datetime(2024, 3, 1, 9, 0, tzinfo=dt.UTC))


class TestCategoriesOn:
    """Which categories hold on a day, and outreach targets."""

    def test_categories_on(self) -> None:
        """Poor from 1 Jan to 30 Jun, suspect from 1 Jun: on 15 Jun both, on 1 Jul suspect only."""
        person = subject(
            categories=(
                span(POOR, D(2024, 1, 1), D(2024, 6, 30)),
                span(SUSPECT, D(2024, 6, 1)),
            )
        )
        expected_june = frozenset({POOR, SUSPECT})
        assert expected_june == person.categories_on(D(2024, 6, 15))
        expected_july = frozenset({SUSPECT})
        assert expected_july == person.categories_on(D(2024, 7, 1))
        assert frozenset() == person.categories_on(D(2023, 12, 31))

    def test_outreach_target(self) -> None:
        """Poor and suspect on 15 June: still a target (poor); suspect only on 1 July: not."""
        person = subject(
            categories=(
                span(POOR, D(2024, 1, 1), D(2024, 6, 30)),
                span(SUSPECT, D(2024, 6, 1)),
            )
        )
        assert person.is_outreach_target_on(D(2024, 6, 15))
        assert not person.is_outreach_target_on(D(2024, 7, 1))

    def test_no_category_no_target(self) -> None:
        """A subject in no category that day is not a target."""
        assert not subject(categories=()).is_outreach_target_on(D(2024, 6, 1))


# Synthetic personal data only; these strings must never leave through repr or errors.
FAKE_NAME = "Lò Thị Mẫu"
FAKE_NATIONAL_ID = "000000000042"
FAKE_PHONE = "0999000111"


class TestPersonalData:
    """Name, national ID number and phone are sensitive and never shown."""

    def test_fields_marked_sensitive(self) -> None:
        """Exactly the three personal-data fields carry the sensitive mark."""
        expected = {"full_name", "national_id", "phone"}
        assert expected == {f.name for f in attrs.fields(Subject) if is_sensitive(f)}

    def test_repr_and_str_hide_them(self) -> None:
        """Neither repr nor str shows the name, the ID number or the phone."""
        person = subject(full_name=FAKE_NAME, national_id=FAKE_NATIONAL_ID, phone=FAKE_PHONE)
        for text in (repr(person), str(person)):
            assert FAKE_NAME not in text
            assert FAKE_NATIONAL_ID not in text
            assert FAKE_PHONE not in text
            assert "full_name" not in text
        expected = FAKE_NAME  # still there for the program that needs it
        assert expected == person.full_name

    def test_errors_do_not_quote_them(self) -> None:
        """An error on a subject with personal data quotes none of it."""
        with pytest.raises(ValidationError) as caught:
            subject(full_name=FAKE_NAME, phone=FAKE_PHONE, birth_year=1800)
        assert FAKE_NAME not in str(caught.value)
        assert FAKE_PHONE not in str(caught.value)

    def test_empty_personal_field(self) -> None:
        """An empty name is refused (use None for unknown), naming the field only."""
        with pytest.raises(ValidationError, match=r"Subject\.full_name: must not be empty"):
            subject(full_name="  ")

    def test_personal_field_wrong_type(self) -> None:
        """A number given as a phone is refused by type name, not by value."""
        with pytest.raises(ValidationError) as caught:
            subject(phone=999000111)
        expected = "Subject.phone: must be text, not int"
        assert expected == str(caught.value)

    def test_nfc(self) -> None:
        """A decomposed name is stored in NFC."""
        decomposed = "Lo\u0300 Thi\u0323 Mâ\u0303u"
        expected = FAKE_NAME
        assert expected == subject(full_name=decomposed).full_name


class TestGenerated:
    """Property tests over generated subjects."""

    @given(subjects())
    def test_invariants_hold(self, person: Subject) -> None:
        """Generated subjects satisfy every invariant and survive a rebuild from their fields."""
        assert 1900 <= person.birth_year <= person.registered_on.year
        assert person == attrs.evolve(person)
        for s in person.categories:
            assert s.category in person.categories_on(s.since)

    @given(subjects(), st.integers(min_value=1, max_value=200))
    def test_birth_after_registration_fails(self, person: Subject, years: int) -> None:
        """Any birth year after the year of registration is refused."""
        with pytest.raises(ValidationError) as caught:
            attrs.evolve(person, birth_year=person.registered_on.year + years)
        expected = "birth_year"
        assert expected == caught.value.field
