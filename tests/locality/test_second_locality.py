"""A second locality, read from its plan file alone: Huyện Mẫu Sơn, Tỉnh Mẫu (fictional).

Its plan file (``tests/data/locality/plan.toml``) was written from the template and the
documentation, as another district would write one: its own clause numbering (1.1 ...
3.1), calendar-month periods, monthly, quarterly and yearly reports, its own targets, a
local day off on Tuesday 2024-03-19, and the plan's own readings of the law
(``[evaluation]``). The figures are those of ``tests/data/locality/EXPECTED.md``, worked
out by hand. Here nothing is passed to the engine but the plan, the records and the
period: whatever the locality sets must come from its file.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import TYPE_CHECKING, Any

import pytest

import threeno
from tests.locality.locality_figures import (
    CLAUSES,
    COMPLETENESS,
    FIGURES,
    LEFT_OUT,
    LOCAL_DAY_OFF,
    LOCAL_DAY_OFF_EN,
    LOCAL_DAY_OFF_VI,
    PERIODS,
    PLAN_PATH,
    RECORDS,
    REPORT_INDICATORS,
    TOTAL,
    A,
    B,
    C,
)
from threeno.model.dataset import Dataset
from threeno.model.plan import NamedDay, Plan
from threeno.rules.calendar import DayOffCalendar, plan_calendar

if TYPE_CHECKING:
    from threeno.indicators.results import Evaluation, IndicatorResult


@functools.cache
def _plan() -> Plan:
    return threeno.load_plan(PLAN_PATH)


@functools.cache
def _data() -> Dataset:
    data, _ = threeno.load_dataset(RECORDS, plan=_plan())
    return data


@functools.cache
def _evaluate(period: str) -> Evaluation:
    """The evaluation as the plan file alone says: no setting passed."""
    plan = _plan()
    return threeno.evaluate(plan, _data(), plan.period(period))


def _cell(result: IndicatorResult) -> tuple[int, int | None, str]:
    return (result.numerator, result.denominator, result.status.value)


# -- the plan file ---------------------------------------------------------------------


def test_the_plan_file_loads_with_its_own_settings() -> None:
    """The file's indicators, its local day off and its readings are in the Plan.

    indicators: the 8 its clauses name plus subjects.monitored, in the file's order.
    [calendar]: one day off, 2024-03-19, with both names; no make-up working day.
    [evaluation]: the day after receipt is day 1; no crosswalk.
    """
    plan = _plan()
    assert plan.indicators == REPORT_INDICATORS
    assert plan.report_indicators == REPORT_INDICATORS
    expected_day = NamedDay(date=LOCAL_DAY_OFF, name_vi=LOCAL_DAY_OFF_VI, name_en=LOCAL_DAY_OFF_EN)
    assert plan.calendar.days_off == (expected_day,)
    assert plan.calendar.working_days == ()
    assert plan.calendar.note.startswith("Quyết định số 25/QĐ-UBND")
    assert (plan.evaluation.count_receipt_day, plan.evaluation.crosswalk) == (False, False)
    assert plan.evaluation.crosswalk_note != ""


def test_clauses_are_the_plans_own() -> None:
    """Each indicator's clauses are those of this plan that list it, in the plan's order.

    outreach.coverage: purpose 1.1 and duty 2.1.a; reports.on_time: 1.2 and 2.2.a;
    cases.wrongful: 1.2 and 2.2.b; reporting.timeliness: 3.1; subjects.monitored: none
    (only the indicators key names it). No Lai Châu clause (I.3, II.4.b, IV.2) anywhere.
    """
    plan = _plan()
    assert {i: plan.clauses_for(i) for i in REPORT_INDICATORS} == CLAUSES
    evaluation = _evaluate("2024-03")
    assert {i: evaluation[i].clauses for i in REPORT_INDICATORS} == CLAUSES
    as_json: Any = evaluation.to_dict()["indicators"]  # JSON: a dict of dicts
    assert {i: tuple(as_json[i]["clauses"]) for i in REPORT_INDICATORS} == CLAUSES


def test_the_plan_calendar_has_the_local_day_off() -> None:
    """plan_calendar: the national calendar plus Tuesday 2024-03-19, named as the file names it.

    Monday 18 March stays a working day; Mùng ba Tết (2024-02-12) stays a day off.
    """
    calendar = plan_calendar(_plan())
    assert calendar.is_day_off(LOCAL_DAY_OFF)
    assert calendar.name_of(LOCAL_DAY_OFF, "vi") == LOCAL_DAY_OFF_VI
    assert calendar.name_of(LOCAL_DAY_OFF, "en") == LOCAL_DAY_OFF_EN
    assert not calendar.is_day_off(dt.date(2024, 3, 18))
    assert calendar.is_day_off(dt.date(2024, 2, 12))


# -- the figures, from the plan file alone ----------------------------------------------


def test_evaluates_the_indicators_the_plan_lists() -> None:
    """The nine of its indicators key, subjects.monitored included, and no other."""
    for period in PERIODS:
        assert set(_evaluate(period).results) == set(REPORT_INDICATORS)


@pytest.mark.parametrize("indicator", REPORT_INDICATORS)
def test_every_figure(indicator: str) -> None:
    """Every numerator, denominator and status of EXPECTED.md section 4, per unit and total.

    The arithmetic of each is in EXPECTED.md and in test_second_locality_figures.py; here
    the local day off, the reading of Art. 134 and the list of indicators come from the
    plan file, and cases.wrongful is "no data" in Mẫu Đông and Mẫu Tây, which have no
    criminal case at all.
    """
    wrong = []
    for period, cells in FIGURES[indicator].items():
        found = _evaluate(period)[indicator]
        for unit, expected in cells.items():
            result = found.total if unit == TOTAL else found.by_unit[unit]
            if _cell(result) != expected:
                wrong.append(f"{period} {unit}: expected {expected}, got {_cell(result)}")
    assert wrong == []


def test_the_local_day_off_from_the_file_moves_cr05() -> None:
    """March: CR-05's day 20 is the local day off 19 March, so it is on time on the 20th.

    reports.on_time in March: Thị trấn Mẫu Sơn 1/1 and total 1/1, met (target >= 0.9).
    Passing the national calendar instead overrides the plan: 0/1, not met.
    """
    on_time = _evaluate("2024-03")["reports.on_time"]
    assert (_cell(on_time.by_unit[A]), _cell(on_time.total)) == ((1, 1, "met"), (1, 1, "met"))
    plan = _plan()
    national = threeno.evaluate(plan, _data(), plan.period("2024-03"), calendar=DayOffCalendar())
    assert _cell(national["reports.on_time"].total) == (0, 1, "not_met")


def test_settings_passed_override_the_plan() -> None:
    """count_receipt_day=True and crosswalk=True win over the file's false.

    Day of receipt as day 1: CR-05's day 20 is Monday 18 March, late: March on time 0/1.
    Crosswalk: S-07 of Mẫu Bắc counts in Mẫu Tây: March outreach.coverage 4/6, C 1/2.
    """
    plan = _plan()
    march = plan.period("2024-03")
    counted = threeno.evaluate(plan, _data(), march, count_receipt_day=True)
    assert _cell(counted["reports.on_time"].total) == (0, 1, "not_met")
    mapped = threeno.evaluate(plan, _data(), march, crosswalk=True)
    coverage = mapped["outreach.coverage"]
    assert (_cell(coverage.by_unit[C]), _cell(coverage.total)) == (
        (1, 2, "not_met"),
        (4, 6, "not_met"),
    )
    assert mapped.data_quality.left_out == 3


def test_a_caller_adds_an_indicator_the_plan_does_not_list() -> None:
    """reporting.completeness: March 3/4, Q1 7/8, 2024 7/34, no target, no clause."""
    plan = _plan()
    wanted = [*REPORT_INDICATORS, "reporting.completeness"]
    for period, expected in COMPLETENESS.items():
        found = threeno.evaluate(plan, _data(), plan.period(period), indicators=wanted)
        assert _cell(found["reporting.completeness"].total) == expected
        assert found["reporting.completeness"].clauses == ()


# -- nothing counted out quietly; no data never met ---------------------------------------


def test_records_left_out_are_counted_by_reason() -> None:
    """S-07 out of scope, CR-14 not valid on its date, CR-12 and CR-13 unknown: 4.

    98704 is Xã Mẫu Bắc until 2023-12-31: valid for S-07 (2023-09-12), not for CR-14
    (2024-02-05). 98799 and 03386 are not in the plan's registry.
    """
    for period in PERIODS:
        quality = _evaluate(period).data_quality
        assert quality.left_out == 4
        assert quality.left_out_by_reason == {
            "out_of_scope": 1,
            "not_valid_on_date": 1,
            "unknown_unit": 2,
        }
        issues = {(i.record_type, i.record_id): i.problem for i in quality.issues}
        assert issues == LEFT_OUT


def test_a_count_with_no_record_in_scope_is_no_data() -> None:
    """cases.wrongful is 0 everywhere, but only Thị trấn Mẫu Sơn has a case (CC-01).

    A and the total considered one case: met. Mẫu Đông and Mẫu Tây considered none: no
    data, never met.
    """
    for period in PERIODS:
        wrongful = _evaluate(period)["cases.wrongful"]
        assert (wrongful.by_unit[A].has_data, wrongful.total.has_data) == (True, True)
        for unit in (B, C):
            result = wrongful.by_unit[unit]
            assert (result.status.value, result.has_data, result.records_considered) == (
                "no_data",
                False,
                0,
            )


def test_records_entirely_left_out_give_no_data() -> None:
    """Only the three crime reports with bad codes: every report indicator is no data.

    CR-12 would be overdue at 31 March (day 20 Monday 25 March), but it is left out with
    the other two, so reports.overdue has nothing in scope: no data, not "0, met".
    """
    plan = _plan()
    bad = [r for r in _data().crime_reports if r.id in {"CR-12", "CR-13", "CR-14"}]
    found = threeno.evaluate(plan, Dataset(crime_reports=bad), plan.period("2024-03"))
    assert found.data_quality.left_out == 3
    for indicator in ("reports.received", "reports.resolved", "reports.on_time"):
        assert found[indicator].total.status.value == "no_data", indicator
    assert _cell(found["reports.overdue"].total) == (0, None, "no_data")


def test_a_period_outside_the_plans_year_is_warned_about() -> None:
    """2025-Q1 is outside the plan's 2024; 2024-03, 2024-Q1 and 2024 are not."""
    plan = _plan()
    outside = threeno.evaluate(plan, _data(), plan.period("2025-Q1"))
    codes = [w.code for w in outside.warnings]
    assert "period_outside_plan_year" in codes
    for period in PERIODS:
        # The fixture always leaves 4 records out (EXPECTED.md), which is warned about too.
        assert [w.code for w in _evaluate(period).warnings] == ["records_left_out"]
