"""What the plan says is what is evaluated, unless the caller says otherwise.

The indicators (the plan's report), the crosswalk of old units, whether the day of
receipt counts, the calendar of days off and the clauses shown beside each indicator all
come from the plan evaluated; an argument overrides each. A period outside the plan's
year is evaluated with a warning. Expected values are worked by hand in each docstring.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import attrs

from tests.indicators.indicator_scenario import DATASET, PERIOD, PLAN, report, span, subject
from threeno.indicators import ALL_INDICATORS, CATALOGUE
from threeno.indicators.engine import evaluate
from threeno.model.dataset import Dataset
from threeno.model.enums import Decision, SubjectCategory
from threeno.model.plan import EvaluationReadings, LocalCalendar, NamedDay
from threeno.model.units import UnitRegistry
from threeno.plans import load_plan
from threeno.rules.calendar import default_calendar

D = dt.date
PLAN_2026 = load_plan("doan-ket-tan-phong-2026")


class TestIndicators:
    """Which indicators are evaluated."""

    def test_the_plans_report_in_the_plans_order(self) -> None:
        """A plan listing two indicators evaluates those two, in the order it lists them.

        The plan lists reports.on_time then reports.received (the catalogue has them the
        other way round: reports.received 3rd, reports.on_time 6th); the plans guide
        promises the order of the `indicators` key.
        """
        plan = attrs.evolve(PLAN, indicators=("reports.on_time", "reports.received"))
        result = evaluate(plan, DATASET, PERIOD)
        expected = ["reports.on_time", "reports.received"]
        assert expected == list(result)

    def test_the_clauses_indicators_in_catalogue_order(self) -> None:
        """Without `indicators`, what the clauses name comes in the catalogue's order.

        The 2024 plan's first clause naming indicators (I.1) names subjects.monitored and
        subjects.emigrated, then I.2 outreach.events; the catalogue puts the reports
        (3rd to 7th) before outreach.events (13th), and so does the evaluation.
        """
        result = evaluate(PLAN, DATASET, PERIOD)
        assert list(result) == list(ALL_INDICATORS)
        assert PLAN.report_indicators[:3] == (
            "subjects.monitored",
            "subjects.emigrated",
            "outreach.events",
        )

    def test_a_plan_naming_none_gets_the_catalogue(self) -> None:
        """A plan whose report lists no indicator is evaluated on the whole catalogue."""
        plan = attrs.evolve(PLAN, indicators=())
        result = evaluate(plan, DATASET, PERIOD)
        assert list(ALL_INDICATORS) == list(result)

    def test_explicit_indicators_are_exactly_evaluated(self) -> None:
        """indicators= is the set evaluated, listed by the plan or not, in the order given."""
        plan = attrs.evolve(PLAN, indicators=("reports.received",))
        result = evaluate(plan, DATASET, PERIOD, indicators=["cases.prosecuted", "units.safe"])
        expected = ["cases.prosecuted", "units.safe"]
        assert expected == list(result)
        every = evaluate(plan, DATASET, PERIOD, indicators=ALL_INDICATORS)
        assert len(CATALOGUE) == len(every)


class TestClauses:
    """The clauses beside each indicator are the plan's."""

    def test_the_2024_plans_clauses(self) -> None:
        """reports.classified is listed by I.3 and II.4.b of lai-chau-2024.toml.

        Read off the file: [[purposes]] I.3 lists it, then [[duties]] II.4.b.
        """
        result = evaluate(PLAN, DATASET, PERIOD, indicators=["reports.classified"])
        expected = ("I.3", "II.4.b")
        assert expected == result["reports.classified"].clauses
        found = json.loads(result.to_json())["indicators"]["reports.classified"]["clauses"]
        assert list(expected) == found

    def test_a_plan_whose_clauses_list_nothing(self) -> None:
        """The same indicator under a plan whose clauses list no indicator: no clause."""
        purposes: Any = tuple(attrs.evolve(c, indicators=()) for c in PLAN.purposes)
        duties: Any = tuple(attrs.evolve(d, indicators=()) for d in PLAN.duties)
        plan = attrs.evolve(PLAN, purposes=purposes, duties=duties)
        result = evaluate(plan, DATASET, PERIOD, indicators=["reports.classified"])
        expected: tuple[str, ...] = ()
        assert expected == result["reports.classified"].clauses


class TestReadings:
    """crosswalk and count_receipt_day: the plan's reading, or the caller's."""

    DATA = Dataset(
        subjects=[
            # Old Đoàn Kết (03389) before the merger; new Đoàn Kết (03388) after it.
            subject("X-1", "03389", D(2024, 3, 1), span(SubjectCategory.POOR, D(2024, 3, 1))),
            subject("X-4", "03388", D(2025, 8, 1), span(SubjectCategory.POOR, D(2025, 8, 1))),
        ]
    )

    def run(self, plan: object, **kwargs: object) -> tuple[dict[str, int | float | None], bool]:
        """Women under management at the end of 2026 by ward, and whether it crosswalked."""
        result = evaluate(
            plan,  # type: ignore[arg-type]
            self.DATA,
            PLAN_2026.period("2026"),
            indicators=["subjects.monitored"],
            registry=UnitRegistry.lai_chau(),
            **kwargs,  # type: ignore[arg-type]
        )
        values = {c: r.value for c, r in result["subjects.monitored"].by_unit.items()}
        return values, result.crosswalk_applied

    def test_crosswalk_from_the_plan(self) -> None:
        """The 2026 plan crosswalks (its [evaluation] says so): X-1 counts in Đoàn Kết.

        X-1 (old Đoàn Kết, merged into the new 03388) + X-4 = 2 with the crosswalk; X-4
        alone without it, whether the caller says False or the plan reads it so.
        """
        assert PLAN_2026.evaluation.crosswalk
        expected = ({"03388": 2, "03408": 0}, True)
        assert expected == self.run(PLAN_2026)
        expected_off = ({"03388": 1, "03408": 0}, False)
        assert expected_off == self.run(PLAN_2026, crosswalk=False)
        plan = attrs.evolve(PLAN_2026, evaluation=EvaluationReadings(crosswalk=False))
        assert expected_off == self.run(plan)
        assert expected == self.run(plan, crosswalk=True)

    def test_count_receipt_day_from_the_plan(self) -> None:
        """A plan that counts the day of receipt makes a report late; False overrides.

        Received Wednesday 2024-03-06, decided Tuesday 2024-03-26. Not counting the day of
        receipt, 20 days end on 03-26: on time (1/1). Counting it as day 1, they end on
        Monday 03-25: late (0/1).
        """
        data = Dataset(
            crime_reports=[
                report("CR-1", D(2024, 3, 6), decision=Decision.KHOI_TO, decided=D(2024, 3, 26))
            ]
        )
        plan = attrs.evolve(PLAN, evaluation=EvaluationReadings(count_receipt_day=True))
        ids = ["reports.on_time"]
        counted = evaluate(plan, data, PERIOD, indicators=ids)
        overridden = evaluate(plan, data, PERIOD, indicators=ids, count_receipt_day=False)
        expected = (0, True, 1, False)
        assert expected == (
            counted["reports.on_time"].total.numerator,
            counted.count_receipt_day,
            overridden["reports.on_time"].total.numerator,
            overridden.count_receipt_day,
        )


class TestCalendar:
    """The plan's own days off move a time limit; an explicit calendar overrides them."""

    def test_a_local_day_off_moves_a_limit(self) -> None:
        """A limit ending on the plan's local day off ends the next working day.

        Received Friday 2024-03-01: 20 days end on Thursday 2024-03-21. The plan makes
        03-21 a local day off, so the limit ends on Friday 03-22 (Art. 134(1)); decided
        03-22: on time under the plan (1/1), late under the national calendar (0/1).
        """
        day = NamedDay(date=D(2024, 3, 21), name_vi="Ngày nghỉ của tỉnh", name_en="Local day off")
        days: Any = (day,)
        plan = attrs.evolve(PLAN, calendar=LocalCalendar(days_off=days))
        data = Dataset(
            crime_reports=[
                report("CR-1", D(2024, 3, 1), decision=Decision.KHOI_TO, decided=D(2024, 3, 22))
            ]
        )
        ids = ["reports.on_time"]
        local = evaluate(plan, data, PERIOD, indicators=ids)["reports.on_time"].total
        national = evaluate(plan, data, PERIOD, indicators=ids, calendar=default_calendar())
        expected = (1, 0)
        assert expected == (local.numerator, national["reports.on_time"].total.numerator)


class TestWarnings:
    """A period outside the plan's year is evaluated, with a warning."""

    def test_period_outside_the_plans_year(self) -> None:
        """2025-H1 (2024-12-15 .. 2025-06-14) is not within 2024 (2023-12-15 .. 2024-12-14)."""
        result = evaluate(PLAN, Dataset(), PLAN.period("2025-H1"), indicators=["cases.missed"])
        (warning,) = result.warnings
        expected_params = {
            "period": "2025-H1",
            "plan": "lai-chau-2024",
            "start": "2023-12-15",
            "end": "2024-12-14",
        }
        assert warning.code == "period_outside_plan_year"
        assert expected_params == {k: warning.params[k] for k in expected_params}
        expected_vi = (
            "kỳ báo cáo 6 tháng đầu năm 2025 (15/12/2024 – 14/06/2025) không nằm trong"
            " năm 2024 (15/12/2023 – 14/12/2024) của Kế hoạch"
        )
        assert expected_vi == warning.text("vi")
        assert "lai-chau-2024" not in warning.text("vi") + warning.text("en")
        assert f"Cảnh báo: {expected_vi}" in result.summary("vi").splitlines()
        found = json.loads(result.to_json())["warnings"]
        assert [{"code": "period_outside_plan_year", "params": dict(warning.params)}] == found

    def test_period_within_the_year(self) -> None:
        """2024-H1 is within the plan's year: no warning (the dataset has no record)."""
        result = evaluate(PLAN, Dataset(), PERIOD, indicators=["cases.missed"])
        assert result.warnings == ()
