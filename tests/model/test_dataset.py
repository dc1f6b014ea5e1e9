"""Tests for threeno.model.dataset: construction, lookups, units and cross-record problems."""

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
from threeno.model.crime import CrimeReport, CriminalCase
from threeno.model.dataset import RECORD_TYPES, Dataset, Problem, UnitLookup
from threeno.model.enums import (
    Channel,
    Decision,
    Ethnicity,
    ReportSource,
    ReviewKind,
    Sex,
    SupportKind,
)
from threeno.model.subjects import Subject
from threeno.model.units import UnitRegistry
from threeno.testing.strategies import datasets

D = dt.date


REGISTERED = D(2024, 1, 10)


def subject(sid: str, unit: str = "03386", registered: dt.date = REGISTERED) -> Subject:
    """A synthetic subject."""
    return Subject(
        id=sid,
        sex=Sex.FEMALE,
        birth_year=1995,
        ethnicity=Ethnicity.THAI,
        unit_code=unit,
        registered_on=registered,
    )


def report(rid: str, **changes: Any) -> CrimeReport:  # noqa: ANN401 - test helper
    """A synthetic crime report received 2024-01-25."""
    fields: dict[str, Any] = {
        "id": rid,
        "source": ReportSource.TIN_BAO,
        "offence_article": 150,
        "unit_code": "03386",
        "received_on": D(2024, 1, 25),
        "receiving_agency": "cong-an-tp",
    }
    fields.update(changes)
    return CrimeReport(**fields)


def opened_report(rid: str, case_id: str | None, **changes: Any) -> CrimeReport:  # noqa: ANN401
    """A report decided khoi_to on 2024-02-10, pointing at ``case_id``."""
    return report(
        rid, decision=Decision.KHOI_TO, decided_on=D(2024, 2, 10), case_id=case_id, **changes
    )


def case(cid: str, report_ids: tuple[str, ...] = (), **changes: Any) -> CriminalCase:  # noqa: ANN401
    """A synthetic criminal case opened 2024-02-10."""
    fields: dict[str, Any] = {
        "id": cid,
        "offence_article": 150,
        "unit_code": "03386",
        "opened_on": D(2024, 2, 10),
        "report_ids": report_ids,
    }
    fields.update(changes)
    return CriminalCase(**fields)


def support(aid: str, subject_id: str, unit: str = "03387") -> SupportAction:
    """A synthetic support action given in ``unit``."""
    return SupportAction(
        id=aid,
        subject_id=subject_id,
        kind=SupportKind.MEDICAL,
        provider_agency="phong-ldtbxh",
        unit_code=unit,
        delivered_on=D(2024, 3, 1),
    )


def event(eid: str, reached: tuple[str, ...] = (), unit: str = "03386") -> OutreachEvent:
    """A synthetic outreach event."""
    return OutreachEvent(
        id=eid,
        held_on=D(2024, 4, 1),
        unit_code=unit,
        agency="hoi-phu-nu-tp",
        channel=Channel.LOUDSPEAKER,
        participants=30,
        reached_subject_ids=reached,
    )


class FakeRegistry:
    """A unit registry for tests: each code valid from one date to another, both included."""

    def __init__(self, spans: dict[str, tuple[dt.date, dt.date]]) -> None:
        """Keep the validity spans."""
        self.spans = spans

    def is_valid(self, code: str, on: dt.date) -> bool:
        """Whether ``code`` is valid on ``on``."""
        span = self.spans.get(code)
        return span is not None and span[0] <= on <= span[1]


@attrs.frozen
class FakePlan:
    """Anything with a ``registry`` attribute, as a plan has."""

    registry: FakeRegistry


# 03386 existed until 2025-06-30 (Nghị quyết 1670/NQ-UBTVQH15); 03387 likewise.
OLD_UNITS = FakeRegistry(
    {
        "03386": (D(2008, 1, 1), D(2025, 6, 30)),
        "03387": (D(2008, 1, 1), D(2025, 6, 30)),
    }
)


class TestRecordTypes:
    """The names are the data dictionary's, and the Dataset's attributes."""

    def test_names(self) -> None:
        """Eight record types, in the data dictionary's order."""
        expected = [
            "subjects",
            "crime_reports",
            "criminal_cases",
            "support_actions",
            "outreach_events",
            "model_reviews",
            "report_submissions",
            "safety_assessments",
        ]
        assert expected == list(RECORD_TYPES)
        assert expected == [f.name for f in attrs.fields(Dataset) if f.init]

    def test_classes(self) -> None:
        """Each name maps to its record class."""
        expected = [
            Subject,
            CrimeReport,
            CriminalCase,
            SupportAction,
            OutreachEvent,
            ModelReview,
            ReportSubmission,
            SafetyAssessment,
        ]
        assert expected == list(RECORD_TYPES.values())


class TestConstruction:
    """Sorted by id, duplicates refused, wrong types refused."""

    def test_sorted_by_id(self) -> None:
        """Records given as S-0002, S-0001 come out as S-0001, S-0002."""
        data = Dataset(subjects=[subject("S-0002"), subject("S-0001")])
        expected = ("S-0001", "S-0002")
        assert expected == tuple(s.id for s in data.subjects)

    def test_order_does_not_matter(self) -> None:
        """The same records in another order make an equal dataset with an equal hash."""
        one = Dataset(subjects=[subject("S-0002"), subject("S-0001")])
        other = Dataset(subjects=(subject("S-0001"), subject("S-0002")))
        assert one == other
        assert hash(one) == hash(other)

    def test_duplicate_ids(self) -> None:
        """Two crime reports CR-0001 are refused, naming the type and the id."""
        with pytest.raises(ValidationError) as caught:
            Dataset(crime_reports=[report("CR-0001"), report("CR-0001"), report("CR-0002")])
        expected_field = "crime_reports"
        assert expected_field == caught.value.field
        assert "'CR-0001'" in str(caught.value)

    def test_same_id_in_two_types(self) -> None:
        """Ids are unique within a type only: a subject and a report may share one."""
        data = Dataset(subjects=[subject("X-1")], crime_reports=[report("X-1")])
        expected = 2
        assert expected == len(data)

    def test_wrong_record_type(self) -> None:
        """A crime report among the subjects is refused at its index."""
        with pytest.raises(ValidationError, match=r"Dataset\.subjects\[0\]: must be a Subject"):
            Dataset(subjects=[report("CR-0001")])  # type: ignore[list-item]

    def test_not_a_list(self) -> None:
        """A single record is not a list of records."""
        with pytest.raises(ValidationError, match=r"Dataset\.subjects: must be a list"):
            Dataset(subjects=subject("S-0001"))  # type: ignore[arg-type]

    def test_empty(self) -> None:
        """An empty dataset has no records and validates without problems."""
        empty = Dataset()
        expected_len = 0
        expected_problems: list[Problem] = []
        assert expected_len == len(empty)
        assert expected_problems == empty.validate(OLD_UNITS)


class TestLookups:
    """get, by_id, records, counts."""

    data = Dataset(
        subjects=[subject("S-0001"), subject("S-0002")],
        crime_reports=[report("CR-0017")],
    )

    def test_get(self) -> None:
        """A record is found by type and id; an unknown id gives None."""
        found = self.data.get(Subject, "S-0002")
        assert found is not None
        expected = "S-0002"
        assert expected == found.id
        assert self.data.get(Subject, "S-9999") is None
        assert self.data.get(CriminalCase, "S-0001") is None

    def test_by_id_read_only(self) -> None:
        """The mapping by id is complete and cannot be changed."""
        by_id = self.data.by_id(Subject)
        expected = ["S-0001", "S-0002"]
        assert expected == sorted(by_id)
        with pytest.raises(TypeError):
            by_id["S-0003"] = subject("S-0003")  # type: ignore[index]

    def test_records(self) -> None:
        """``records(CrimeReport)`` is the crime_reports tuple."""
        assert self.data.crime_reports == self.data.records(CrimeReport)

    def test_len_and_counts(self) -> None:
        """Two subjects and one report: three records; counts per type in order."""
        expected_len = 3
        assert expected_len == len(self.data)
        counts = self.data.counts()
        expected_counts = {"subjects": 2, "crime_reports": 1, "criminal_cases": 0}
        assert expected_counts == {k: counts[k] for k in expected_counts}
        assert list(RECORD_TYPES) == list(counts)


class TestByUnit:
    """Records of one unit, by each record's own unit_code."""

    def test_filter(self) -> None:
        """S-0001 lives in 03386 and is supported in 03387: the support counts for 03387."""
        data = Dataset(
            subjects=[subject("S-0001", unit="03386"), subject("S-0002", unit="03387")],
            support_actions=[support("SA-0001", "S-0001", unit="03387")],
            model_reviews=[
                ModelReview(
                    id="MR-1",
                    unit_code="03386",
                    held_on=D(2024, 6, 1),
                    kind=ReviewKind.SO_KET,
                    maintained=True,
                )
            ],
            report_submissions=[
                ReportSubmission(
                    id="RS-1", agency="cong-an-tp", period="2024-H1", submitted_on=D(2024, 6, 20)
                )
            ],
        )
        in_03386 = data.by_unit("03386")
        expected_03386 = {"subjects": 1, "support_actions": 0, "model_reviews": 1}
        assert expected_03386 == {k: in_03386.counts()[k] for k in expected_03386}
        in_03387 = data.by_unit("03387")
        expected_ids = (("S-0002",), ("SA-0001",))
        assert expected_ids == (
            tuple(s.id for s in in_03387.subjects),
            tuple(a.id for a in in_03387.support_actions),
        )
        # Report submissions belong to agencies, not units.
        expected_submissions = ()
        assert expected_submissions == in_03386.report_submissions


class TestValidate:
    """Cross-record problems are listed, not raised."""

    def test_problem_str(self) -> None:
        """The path form of a problem: record type, index, field."""
        problem = Problem(
            record_type="crime_reports",
            record_id="CR-0017",
            field="case_id",
            message="unknown criminal case 'CC-9'",
        )
        expected = "crime_reports[CR-0017].case_id: unknown criminal case 'CC-9'"
        assert expected == str(problem)

    def test_unknown_case(self) -> None:
        """A report pointing at CC-9, which is not in the dataset."""
        data = Dataset(crime_reports=[opened_report("CR-0017", "CC-9")])
        expected = ["crime_reports[CR-0017].case_id: unknown criminal case 'CC-9'"]
        assert expected == [str(p) for p in data.validate()]

    def test_unknown_subjects(self) -> None:
        """A support action, an event, a report and a case naming S-9 (unknown), S-1 (known)."""
        data = Dataset(
            subjects=[subject("S-1")],
            support_actions=[support("SA-1", "S-9")],
            outreach_events=[event("OE-1", reached=("S-1", "S-9"))],
            crime_reports=[report("CR-1", victim_ids=["S-9"])],
            criminal_cases=[case("CC-1", victim_ids=["S-1", "S-9"])],
        )
        expected = [
            "crime_reports[CR-1].victim_ids[0]: unknown subject 'S-9'",
            "criminal_cases[CC-1].victim_ids[1]: unknown subject 'S-9'",
            "support_actions[SA-1].subject_id: unknown subject 'S-9'",
            "outreach_events[OE-1].reached_subject_ids[1]: unknown subject 'S-9'",
        ]
        assert expected == [str(p) for p in data.validate()]

    def test_unknown_report(self) -> None:
        """A case listing CR-404, which is not in the dataset."""
        data = Dataset(criminal_cases=[case("CC-1", ("CR-404",))])
        expected = ["criminal_cases[CC-1].report_ids[0]: unknown crime report 'CR-404'"]
        assert expected == [str(p) for p in data.validate()]

    def test_links_disagree(self) -> None:
        """CR-1 names CC-1, which lists CR-2 only; CR-2 names no case: both ends reported."""
        data = Dataset(
            crime_reports=[opened_report("CR-1", "CC-1"), opened_report("CR-2", None)],
            criminal_cases=[case("CC-1", ("CR-2",))],
        )
        expected = [
            (
                "crime_reports[CR-1].case_id: criminal case 'CC-1' does not list this report"
                " in its report_ids"
            ),
            (
                "criminal_cases[CC-1].report_ids[0]: crime report 'CR-2' has case_id None,"
                " not this case"
            ),
        ]
        assert expected == [str(p) for p in data.validate()]

    def test_links_agree(self) -> None:
        """CR-1 names CC-1 and CC-1 lists CR-1: no problem."""
        data = Dataset(
            crime_reports=[opened_report("CR-1", "CC-1")],
            criminal_cases=[case("CC-1", ("CR-1",))],
        )
        expected: list[Problem] = []
        assert expected == data.validate()

    def test_unit_valid_on_record_date(self) -> None:
        """03386 ends on 2025-06-30: a subject registered 2025-06-30 is fine, 2025-07-01 not."""
        data = Dataset(
            subjects=[
                subject("S-1", unit="03386", registered=D(2025, 6, 30)),
                subject("S-2", unit="03386", registered=D(2025, 7, 1)),
                subject("S-3", unit="99999", registered=D(2024, 1, 1)),
            ]
        )
        expected = [
            "subjects[S-2].unit_code: '03386' is not a valid unit on 2025-07-01",
            "subjects[S-3].unit_code: '99999' is not a valid unit on 2024-01-01",
        ]
        assert expected == [str(p) for p in data.validate(OLD_UNITS)]

    def test_each_type_uses_its_own_date(self) -> None:
        """Each record type is read at its own date: all after 03386 ended, all reported."""
        late = D(2025, 8, 1)
        data = Dataset(
            crime_reports=[report("CR-1", received_on=late)],
            criminal_cases=[case("CC-1", opened_on=late)],
            support_actions=[attrs.evolve(support("SA-1", "S-1", "03386"), delivered_on=late)],
            outreach_events=[attrs.evolve(event("OE-1"), held_on=late)],
            subjects=[subject("S-1", registered=late)],
        )
        expected = {
            ("subjects", "S-1"),
            ("crime_reports", "CR-1"),
            ("criminal_cases", "CC-1"),
            ("support_actions", "SA-1"),
            ("outreach_events", "OE-1"),
        }
        problems = data.validate(OLD_UNITS)
        assert expected == {(p.record_type, p.record_id) for p in problems}
        assert all(p.field == "unit_code" for p in problems)

    def test_context_with_registry(self) -> None:
        """A plan-like object is read through its ``registry``."""
        data = Dataset(subjects=[subject("S-2", registered=D(2025, 7, 1))])
        expected = data.validate(OLD_UNITS)
        assert expected == data.validate(FakePlan(OLD_UNITS))
        expected_count = 1
        assert expected_count == len(expected)

    def test_without_context_no_unit_checks(self) -> None:
        """With no context only references are checked."""
        data = Dataset(subjects=[subject("S-3", unit="99999")])
        expected: list[Problem] = []
        assert expected == data.validate()

    def test_fake_registry_is_a_unit_lookup(self) -> None:
        """The protocol is structural: anything with ``is_valid(code, on)`` will do."""
        assert isinstance(OLD_UNITS, UnitLookup)

    def test_lai_chau_registry(self) -> None:
        """With the shipped Lai Châu registry: 03389 (old Đoàn Kết) is gone on 2025-08-01."""
        registry = UnitRegistry.lai_chau()
        data = Dataset(
            subjects=[
                subject("S-1", unit="03389", registered=D(2024, 5, 1)),
                subject("S-2", unit="03389", registered=D(2025, 8, 1)),
            ]
        )
        expected = ["subjects[S-2].unit_code: '03389' is not a valid unit on 2025-08-01"]
        assert expected == [str(p) for p in data.validate(registry)]


class TestGenerated:
    """Property tests over generated consistent datasets."""

    @given(datasets())
    def test_consistent_datasets_validate(self, data: Dataset) -> None:
        """A dataset whose references were drawn consistently has no problem."""
        expected: list[Problem] = []
        assert expected == data.validate()

    @given(datasets(), st.randoms(use_true_random=False))
    def test_order_independent(self, data: Dataset, rnd: Any) -> None:  # noqa: ANN401
        """Shuffling every record list gives an equal dataset."""
        shuffled: dict[str, list[Any]] = {}
        for name in RECORD_TYPES:
            records = list(getattr(data, name))
            rnd.shuffle(records)
            shuffled[name] = records
        assert data == Dataset(**shuffled)

    @given(datasets())
    def test_lookups_agree(self, data: Dataset) -> None:
        """Every record is found again by its type and id; counts add up to the length."""
        for cls in RECORD_TYPES.values():
            for record in data.records(cls):
                assert record is data.get(cls, record.id)
        assert len(data) == sum(data.counts().values())
