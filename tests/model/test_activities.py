"""Tests for threeno.model.activities: support, outreach, reviews, reports, assessments."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from threeno.errors import ValidationError
from threeno.model.activities import (
    ModelReview,
    OutreachEvent,
    ReportSubmission,
    SafetyAssessment,
    SupportAction,
)
from threeno.model.enums import AssessmentScope, Channel, ReviewKind, SloganItem, SupportKind
from threeno.testing.strategies import (
    model_reviews,
    outreach_events,
    report_submissions,
    safety_assessments,
    support_actions,
)

D = dt.date


def field_of(caught: pytest.ExceptionInfo[ValidationError]) -> str:
    """The field a ValidationError names."""
    return caught.value.field


def support(**changes: Any) -> SupportAction:  # noqa: ANN401 - test helper passes any field
    """A valid support action, with some fields changed."""
    fields: dict[str, Any] = {
        "id": "SA-0001",
        "subject_id": "S-0001",
        "kind": SupportKind.PSYCHOLOGICAL,
        "provider_agency": "hoi-phu-nu-tp",
        "unit_code": "03387",
        "delivered_on": D(2024, 4, 2),
    }
    fields.update(changes)
    return SupportAction(**fields)


class TestSupportAction:
    """One support, to one person, on one day."""

    def test_amount_zero_allowed(self) -> None:
        """A free service has amount 0: allowed (0 or more)."""
        expected = 0
        assert expected == support(amount_vnd=0).amount_vnd

    def test_amount_negative(self) -> None:
        """A negative amount is refused."""
        with pytest.raises(ValidationError, match=r"SupportAction\.amount_vnd: must be 0"):
            support(amount_vnd=-1)

    def test_amount_fraction(self) -> None:
        """The đồng has no smaller unit in use: 1500.5 is refused."""
        with pytest.raises(ValidationError, match=r"SupportAction\.amount_vnd: must be a whole"):
            support(amount_vnd=1500.5)

    def test_subject_required(self) -> None:
        """Support goes to someone."""
        with pytest.raises(ValidationError, match=r"SupportAction\.subject_id: must not be empty"):
            support(subject_id="")

    def test_kind_member(self) -> None:
        """A slug is not a kind."""
        with pytest.raises(ValidationError, match=r"SupportAction\.kind: unknown SupportKind"):
            support(kind="loan")


def event(**changes: Any) -> OutreachEvent:  # noqa: ANN401 - test helper passes any field
    """A valid outreach event, with some fields changed."""
    fields: dict[str, Any] = {
        "id": "OE-0001",
        "held_on": D(2024, 5, 19),
        "unit_code": "03409",
        "agency": "cong-an-xa",
        "channel": Channel.FACE_TO_FACE,
        "participants": 40,
        "reached_subject_ids": ["S-0001", "S-0002"],
        "topics": [SloganItem.KHONG_2, SloganItem.CO_2],
    }
    fields.update(changes)
    return OutreachEvent(**fields)


class TestOutreachEvent:
    """Participants, reached subjects, language and topics."""

    def test_defaults(self) -> None:
        """Vietnamese by default; lists become tuples."""
        made = event()
        expected = ("vi", ("S-0001", "S-0002"), (SloganItem.KHONG_2, SloganItem.CO_2))
        assert expected == (made.language, made.reached_subject_ids, made.topics)

    def test_fewer_participants_than_reached(self) -> None:
        """Two subjects reached but one participant: impossible."""
        with pytest.raises(ValidationError, match="1 is fewer than the 2") as caught:
            event(participants=1)
        expected = "participants"
        assert expected == field_of(caught)

    def test_participants_equal_reached(self) -> None:
        """Exactly the two subjects took part: allowed."""
        expected = 2
        assert expected == event(participants=2).participants

    def test_reached_twice(self) -> None:
        """A subject listed twice would be counted twice: refused."""
        with pytest.raises(ValidationError) as caught:
            event(reached_subject_ids=["S-0001", "S-0001"])
        expected = "reached_subject_ids[1]"
        assert expected == field_of(caught)

    def test_negative_participants(self) -> None:
        """Participants are counted from 0."""
        with pytest.raises(ValidationError, match=r"OutreachEvent\.participants: must be 0"):
            event(participants=-1, reached_subject_ids=[])

    @pytest.mark.parametrize("language", ["vi", "hmn", "blt", "en"])
    def test_languages_accepted(self, language: str) -> None:
        """ISO 639-1 or -3 codes in lower case: Vietnamese, Hmong, Tai Dam, English."""
        assert language == event(language=language).language

    @pytest.mark.parametrize("language", ["", "VI", "vie-VN", "v", "tiếng Mông", "hmong"])
    def test_languages_refused(self, language: str) -> None:
        """Empty, upper case, with a region, too short, a name, too long: refused."""
        with pytest.raises(ValidationError) as caught:
            event(language=language)
        expected = "language"
        assert expected == field_of(caught)

    def test_topic_twice(self) -> None:
        """A slogan item listed twice is refused."""
        with pytest.raises(ValidationError, match="listed twice") as caught:
            event(topics=[SloganItem.CO_1, SloganItem.CO_1])
        expected = "topics[1]"
        assert expected == field_of(caught)

    def test_topic_slug(self) -> None:
        """A slug in the topics (unconverted data) is refused at its index."""
        with pytest.raises(ValidationError, match=r"topics\[0\]: must be a SloganItem, not str"):
            event(topics=["co_1"])


class TestModelReview:
    """A sơ kết or tổng kết and whether the model is maintained."""

    def test_valid(self) -> None:
        """A final review that found the model maintained."""
        review = ModelReview(
            id="MR-0001",
            unit_code="03388",
            held_on=D(2024, 12, 10),
            kind=ReviewKind.TONG_KET,
            maintained=True,
        )
        assert review.maintained

    @pytest.mark.parametrize("maintained", [1, "yes", None])
    def test_maintained_not_bool(self, maintained: object) -> None:
        """1, "yes" and None are not booleans: no silent truthiness."""
        with pytest.raises(ValidationError, match=r"ModelReview\.maintained: must be true"):
            ModelReview(
                id="MR-0001",
                unit_code="03388",
                held_on=D(2024, 12, 10),
                kind=ReviewKind.SO_KET,
                maintained=maintained,  # type: ignore[arg-type]
            )


def submission(period: str) -> ReportSubmission:
    """A report submission for ``period``."""
    return ReportSubmission(
        id="RS-0001", agency="hoi-phu-nu-tp", period=period, submitted_on=D(2024, 6, 20)
    )


class TestReportSubmission:
    """The period text's shape (plan IV.2: six-month, annual, ad hoc reports)."""

    @pytest.mark.parametrize(
        "period",
        [
            "2024",
            "2024-H1",
            "2024-H2",
            "2024-Q1",
            "2024-Q4",
            "2024-01",
            "2024-12",
            "2024-01-01..2024-03-31",
            "2024-02-29..2024-02-29",
            "adhoc:2024-03-02",
        ],
    )
    def test_shapes_accepted(self, period: str) -> None:
        """Every shape of the data dictionary (2024-02-29 exists: 2024 is a leap year)."""
        assert period == submission(period).period

    @pytest.mark.parametrize(
        "period",
        [
            "2024-H3",  # there are two halves
            "2024-Q5",  # four quarters
            "2024-13",  # twelve months
            "2024-5",  # months have two digits
            "24-H1",  # years have four
            "2024-H1 ",  # no trailing space
            "adhoc:2024-3-2",  # ISO dates
            "adhoc",  # an ad hoc report has its day
            "2023-02-29..2023-03-01",  # 2023 is not a leap year
            "2024-03-31..2024-01-01",  # ends before it starts
            "",  # empty
        ],
    )
    def test_shapes_refused(self, period: str) -> None:
        """Each malformed text is refused, naming ``period``."""
        with pytest.raises(ValidationError) as caught:
            submission(period)
        expected = "period"
        assert expected == field_of(caught)


def assessment(**changes: Any) -> SafetyAssessment:  # noqa: ANN401 - test helper
    """A valid safety assessment, with some fields changed."""
    fields: dict[str, Any] = {
        "id": "SF-0001",
        "unit_code": "03409",
        "scope": AssessmentScope.KHU_DAN_CU,
        "area_name": "Bản Xéo Xin Chải",
        "year": 2024,
        "assessed_on": D(2024, 12, 5),
        "meets_standard": False,
        "criteria_failed": ["tiêu chí 2"],
    }
    fields.update(changes)
    return SafetyAssessment(**fields)


class TestSafetyAssessment:
    """Thông tư 124/2021/TT-BCA results."""

    def test_meets_with_failed_criteria(self) -> None:
        """Meeting the standard while failing a criterion is contradictory."""
        with pytest.raises(ValidationError, match="yet meets_standard is true") as caught:
            assessment(meets_standard=True)
        expected = "criteria_failed"
        assert expected == field_of(caught)

    def test_meets_without_criteria(self) -> None:
        """Meeting the standard with no failed criteria: valid."""
        assert assessment(meets_standard=True, criteria_failed=[]).meets_standard

    def test_year_before_standard(self) -> None:
        """2021: the standard came into force on 10 February 2022."""
        with pytest.raises(ValidationError, match="from 2022") as caught:
            assessment(year=2021, assessed_on=D(2021, 12, 5))
        expected = "year"
        assert expected == field_of(caught)

    def test_year_after_assessment(self) -> None:
        """Assessing 2025 on 5 December 2024: the year has not begun."""
        with pytest.raises(ValidationError, match="to 2024") as caught:
            assessment(year=2025)
        expected = "year"
        assert expected == field_of(caught)

    def test_year_assessed_next_year(self) -> None:
        """2024 assessed on 10 January 2025: allowed (a year is reviewed after it ends)."""
        expected = 2024
        assert expected == assessment(assessed_on=D(2025, 1, 10)).year

    def test_area_name_optional(self) -> None:
        """A commune-level assessment needs no area name."""
        ward = assessment(scope=AssessmentScope.XA_PHUONG, area_name=None)
        assert ward.area_name is None

    def test_criterion_twice(self) -> None:
        """A criterion listed twice is refused."""
        with pytest.raises(ValidationError) as caught:
            assessment(criteria_failed=["tiêu chí 2", "tiêu chí 2"])
        expected = "criteria_failed[1]"
        assert expected == field_of(caught)


class TestGenerated:
    """Generated instances of every activity type are valid and rebuild equal."""

    @given(
        st.one_of(
            support_actions(),
            outreach_events(),
            model_reviews(),
            report_submissions(),
            safety_assessments(),
        )
    )
    def test_rebuild(
        self,
        record: SupportAction | OutreachEvent | ModelReview | ReportSubmission | SafetyAssessment,
    ) -> None:
        """Rebuilding from the same fields runs every validator again and gives an equal record."""
        assert record == attrs.evolve(record)

    @given(outreach_events())
    def test_participants_cover_reached(self, generated: OutreachEvent) -> None:
        """The participant count is never below the subjects reached."""
        assert generated.participants >= len(generated.reached_subject_ids)

    @given(safety_assessments())
    def test_pass_means_no_failed_criteria(self, generated: SafetyAssessment) -> None:
        """A passing assessment lists no failed criteria."""
        assert not (generated.meets_standard and generated.criteria_failed)
