"""Tests for threeno.testing.strategies: every type has a strategy, datasets are consistent."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.testing.record_dates import record_day
from threeno.errors import UnitError, ValidationError
from threeno.model import enums as model_enums
from threeno.model import period as model_period
from threeno.model import plan as model_plan
from threeno.model import units as model_units
from threeno.model._base import LabelledEnum
from threeno.model.activities import (
    ModelReview,
    OutreachEvent,
    ReportSubmission,
    SafetyAssessment,
    SupportAction,
)
from threeno.model.crime import CrimeReport, CriminalCase, Extension, Suspension
from threeno.model.dataset import Dataset
from threeno.model.enums import Decision, SubjectCategory
from threeno.model.period import Convention, ReportingPeriod
from threeno.model.subjects import CategorySpan, Subject
from threeno.plans import load_plan
from threeno.rules import support as rules_support
from threeno.rules import time_limits as rules_time_limits
from threeno.rules.periods import due_date
from threeno.rules.time_limits import ReportStatus, status_on
from threeno.testing.strategies import (
    category_spans,
    crime_reports,
    criminal_cases,
    datasets,
    extensions,
    model_reviews,
    outreach_events,
    report_submissions,
    reporting_periods,
    safety_assessments,
    subjects,
    support_actions,
    suspensions,
)
from threeno.testing.synthetic import ReportScenario

if TYPE_CHECKING:
    import enum
    from collections.abc import Callable

PLAN = load_plan("lai-chau-2024")
PLAN_2026 = load_plan("doan-ket-tan-phong-2026")
YEAR = PLAN.reporting_year  # 2023-12-15..2024-12-14 under the plan's cut-off
ONE_YEAR = dt.timedelta(days=365)

RECORD_CLASSES = (
    Subject,
    CategorySpan,
    CrimeReport,
    Extension,
    Suspension,
    CriminalCase,
    SupportAction,
    OutreachEvent,
    ModelReview,
    ReportSubmission,
    SafetyAssessment,
    ReportingPeriod,
)


def labelled_enums() -> list[type[enum.Enum]]:
    """Every enumeration of the model and the rules, found by walking their modules."""
    found: list[type[enum.Enum]] = []
    for module in (
        model_enums,
        model_units,
        model_period,
        model_plan,
        rules_support,
        rules_time_limits,
    ):
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, LabelledEnum)
                and value is not LabelledEnum
                and value not in found
            ):
                found.append(value)
    return found


class TestFromType:
    """Importing the module registers a strategy for every type with Hypothesis."""

    @given(st.data())
    def test_every_record_type_resolves(self, data: st.DataObject) -> None:
        """st.from_type draws a valid instance of each record and value type."""
        for cls in RECORD_CLASSES:
            drawn = data.draw(st.from_type(cls))
            assert isinstance(drawn, cls)
            # Rebuilding runs every validator again: the drawn instance was valid.
            assert drawn == attrs.evolve(drawn)

    @settings(max_examples=5, suppress_health_check=[HealthCheck.too_slow])
    @given(st.from_type(Dataset))
    def test_dataset_resolves_to_the_2024_plan(self, data: Dataset) -> None:
        """st.from_type(Dataset) draws datasets of the bundled 2024 plan."""
        expected: list[object] = []
        assert expected == data.validate(PLAN)

    def test_every_enum_is_found(self) -> None:
        """The walk finds the enumerations of the data dictionary (the "Model" guide) and more."""
        found = {cls.__name__ for cls in labelled_enums()}
        expected = {"Sex", "SubjectCategory", "Decision", "UnitKind", "PeriodKind", "ReportKind"}
        assert expected <= found

    @given(st.data())
    def test_every_enum_resolves(self, data: st.DataObject) -> None:
        """Hypothesis draws a member of every enumeration by itself."""
        for cls in labelled_enums():
            assert isinstance(data.draw(st.from_type(cls)), cls)


class TestRecordStrategies:
    """The strategies for single records draw valid records."""

    @given(
        st.one_of(
            subjects(),
            category_spans(),
            crime_reports(),
            criminal_cases(),
            support_actions(),
            outreach_events(),
            model_reviews(),
            report_submissions(),
            safety_assessments(),
        )
    )
    def test_rebuild(self, record: Any) -> None:  # noqa: ANN401 - any record type
        """Rebuilding a drawn record from its fields gives an equal record."""
        assert record == attrs.evolve(record)

    @given(
        st.dates(max_value=dt.date(2030, 1, 1)).flatmap(
            lambda d: st.tuples(st.just(d), extensions(d), suspensions(d))
        )
    )
    def test_extensions_and_suspensions_fit_a_report(self, drawn: tuple[Any, ...]) -> None:
        """Extensions and suspensions drawn for a day of receipt make a valid report."""
        received, exts, sus = drawn
        open_sus = sus[-1] if sus and sus[-1].resumed_on is None else None
        report = CrimeReport(
            id="CR-0001",
            source=model_enums.ReportSource.TO_GIAC,
            offence_article=150,
            unit_code="03386",
            received_on=received,
            receiving_agency="cong-an-tp",
            extensions=exts,
            suspensions=sus,
            decision=Decision.TAM_DINH_CHI if open_sus else None,
            decided_on=open_sus.from_date if open_sus else None,
        )
        assert report.extensions == exts

    @given(reporting_periods())
    def test_periods_read_back(self, period: ReportingPeriod) -> None:
        """A drawn period's text reads back as the same period (ReportingPeriod.parse)."""
        assert period == ReportingPeriod.parse(str(period), period.convention)


class TestDatasets:
    """datasets() draws whole datasets that validate against their plan."""

    @given(datasets(PLAN))
    def test_validates_with_the_2024_plan(self, data: Dataset) -> None:
        """References resolve and every unit code is valid on its record's date."""
        expected: list[object] = []
        assert expected == data.validate(PLAN)

    @given(datasets(PLAN_2026))
    def test_validates_with_the_2026_plan(self, data: Dataset) -> None:
        """The two wards of 2025-07-01 are valid only from then: no record precedes it."""
        expected: list[object] = []
        assert expected == data.validate(PLAN_2026)
        # The 2026 plan's units start on 2025-07-01, so no record may be dated earlier.
        for records in (data.subjects, data.crime_reports, data.outreach_events):
            for record in records:
                assert dt.date(2025, 7, 1) <= record_day(record)

    @given(st.data())
    def test_validates_for_any_period_of_2024(self, data: st.DataObject) -> None:
        """A month, quarter, half, year or custom span of 2024 gives valid datasets too."""
        period = data.draw(reporting_periods(Convention.CUTOFF, years=(2024, 2024)))
        drawn = data.draw(datasets(PLAN, period, max_size=8))
        expected: list[object] = []
        assert expected == drawn.validate(PLAN)

    @given(datasets(PLAN))
    def test_dates_stay_in_the_frame(self, data: Dataset) -> None:
        """Records fall from a year before the period to its end; only submissions later."""
        first, last = YEAR.start - ONE_YEAR, YEAR.end
        for name in data.counts():
            for record in getattr(data, name):
                day = record_day(record)
                if isinstance(record, ReportSubmission):
                    assert YEAR.start <= day
                else:
                    assert first <= day <= last
        for report in data.crime_reports:
            later = [report.decided_on, report.classified_on, report.reopened_on]
            later += [e.granted_on for e in report.extensions]
            later += [s.resumed_on for s in report.suspensions]
            assert all(day is None or day <= last for day in later)

    @given(datasets(PLAN))
    def test_reports_and_cases_point_at_each_other(self, data: Dataset) -> None:
        """Every case lists one report that names it; every khoi_to report opened a case."""
        for case in data.criminal_cases:
            (report_id,) = case.report_ids
            report = data.get(CrimeReport, report_id)
            assert report is not None
            assert case.id == report.case_id
            assert report.decided_on == case.opened_on
        for report in data.crime_reports:
            assert (report.decision is Decision.KHOI_TO) == (report.case_id is not None)

    @given(datasets(PLAN, scenarios=[ReportScenario.OVERDUE]))
    def test_scenarios_are_kept(self, data: Dataset) -> None:
        """Asked for overdue reports only, every report is overdue at the period's end."""
        expected = [ReportStatus.OVERDUE] * len(data.crime_reports)
        assert expected == [status_on(r, YEAR.end) for r in data.crime_reports]

    @given(datasets(PLAN, max_size=3))
    def test_max_size_bounds_every_type(self, data: Dataset) -> None:
        """No record type has more records than max_size."""
        assert all(count <= 3 for count in data.counts().values())

    @pytest.mark.parametrize(
        ("kwargs", "field"),
        [
            ({"plan": "lai-chau-2024"}, "plan"),
            ({"period": "2024-H1"}, "period"),
            ({"max_size": -1}, "max_size"),
            ({"max_size": True}, "max_size"),
            ({"scenarios": []}, "scenarios"),
            ({"scenarios": ["overdue"]}, "scenarios"),
        ],
    )
    def test_bad_arguments(self, kwargs: dict[str, Any], field: str) -> None:
        """Arguments of the wrong kind are refused at once, naming the argument."""
        with pytest.raises(ValidationError) as caught:
            datasets(**kwargs)
        assert field == caught.value.field

    def test_no_unit_in_scope(self) -> None:
        """The 2026 wards do not exist in 2024 (nor in 2023): nothing valid can be drawn."""
        with pytest.raises(UnitError, match="doan-ket-tan-phong-2026 has no unit in scope"):
            datasets(PLAN_2026, YEAR)


def status_at_decision(report: CrimeReport) -> ReportStatus | None:
    """The status of a finally decided report on the day of its decision, else None."""
    if not report.is_final or report.decided_on is None:
        return None
    return status_on(report, report.decided_on)


def returned_victims(data: Dataset) -> list[Subject]:
    """Subjects who are returned victims at some time in the year."""
    return [
        s
        for s in data.subjects
        if any(
            c.category is SubjectCategory.RETURNED_VICTIM
            and (c.until is None or c.until >= YEAR.start)
            for c in s.categories
        )
    ]


def supported(data: Dataset) -> set[str]:
    """The ids of the subjects who received any support."""
    return {a.subject_id for a in data.support_actions}


def missing_report(data: Dataset) -> bool:
    """Some agency sent no report on some period it had to report on."""
    sent = {(s.agency, s.period) for s in data.report_submissions}
    return any(
        (agency, str(p)) not in sent
        for agency in PLAN.reporting.agencies
        for p in (PLAN.period("2024-H1"), PLAN.period("2024-H2"), YEAR)
    )


# Each kind of case the issue names, with a predicate that finds it in a dataset.
KINDS: dict[str, Callable[[Dataset], bool]] = {
    "report decided on time": lambda d: any(
        status_at_decision(r) is ReportStatus.DECIDED_ON_TIME for r in d.crime_reports
    ),
    "report decided late": lambda d: any(
        status_at_decision(r) is ReportStatus.DECIDED_LATE for r in d.crime_reports
    ),
    "report pending at the end": lambda d: any(
        status_on(r, YEAR.end) is ReportStatus.PENDING for r in d.crime_reports
    ),
    "report overdue at the end": lambda d: any(
        status_on(r, YEAR.end) is ReportStatus.OVERDUE for r in d.crime_reports
    ),
    "report pending at the start": lambda d: any(
        r.received_on < YEAR.start and (r.decided_on is None or r.decided_on >= YEAR.start)
        for r in d.crime_reports
    ),
    "report suspended": lambda d: any(r.open_suspension is not None for r in d.crime_reports),
    "report resumed": lambda d: any(
        s.resumed_on is not None for r in d.crime_reports for s in r.suspensions
    ),
    "report extended by the procuracy": lambda d: any(
        len(r.extensions) == 2 for r in d.crime_reports
    ),
    "report reopened": lambda d: any(r.reopened_on is not None for r in d.crime_reports),
    "case indicted and tried": lambda d: any(c.verdict is not None for c in d.criminal_cases),
    "victim with support": lambda d: any(v.id in supported(d) for v in returned_victims(d)),
    "victim without support": lambda d: any(v.id not in supported(d) for v in returned_victims(d)),
    "subject entering a category": lambda d: any(
        YEAR.start <= c.since for s in d.subjects for c in s.categories
    ),
    "subject leaving a category": lambda d: any(
        c.until is not None and YEAR.start <= c.until for s in d.subjects for c in s.categories
    ),
    "model maintained": lambda d: any(r.maintained for r in d.model_reviews),
    "model not maintained": lambda d: any(not r.maintained for r in d.model_reviews),
    "report submitted late": lambda d: any(
        s.submitted_on > due_date(PLAN.period(s.period), PLAN.reporting.days_allowed)
        for s in d.report_submissions
        if not s.period.startswith("adhoc:")
    ),
    "report not submitted": missing_report,
    "women reached by outreach": lambda d: any(e.reached_subject_ids for e in d.outreach_events),
    "area failing the safety standard": lambda d: any(
        not a.meets_standard for a in d.safety_assessments
    ),
}


class TestMix:
    """Every kind of case the issue names appears among a few hundred drawn datasets."""

    def test_every_kind_appears(self) -> None:
        """Over 300 datasets (derandomized, so the same every run), every kind occurs."""
        seen: set[str] = set()

        @settings(max_examples=300, derandomize=True, database=None, deadline=None)
        @given(datasets(PLAN, max_size=6))
        def collect(data: Dataset) -> None:
            seen.update(kind for kind, holds in KINDS.items() if holds(data))

        collect()
        assert set(KINDS) == seen
