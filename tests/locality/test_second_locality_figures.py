"""The second locality's hand-worked figures, checked against the engine as it is now.

The plan file of Huyện Mẫu Sơn carries keys a library may not know yet (``indicators``,
``[calendar]``, ``[evaluation]``); here it is read without them, and what they say is
passed to the engine explicitly: the local day off as a calendar, the report's
indicators as ``indicators=``. So every figure of ``tests/data/locality/EXPECTED.md``
that does not depend on the new keys is checked today. ``test_second_locality.py``
checks the same figures with the plan file as it is.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import TYPE_CHECKING

import pytest

import threeno
from tests.locality.locality_figures import (
    COMPLETENESS,
    FIGURES,
    LEFT_OUT,
    LEFT_OUT_REASONS,
    LIMITS,
    LOCAL_DAY_OFF,
    LOCAL_DAY_OFF_VI,
    NO_DATA_COUNTS,
    PERIODS,
    PLAN_ID,
    RECORDS,
    REPORT_INDICATORS,
    TOTAL,
    UNITS,
    A,
    B,
    C,
    Cell,
    local_calendar,
    plan_without_new_keys,
)
from threeno.model.period import Convention
from threeno.rules.calendar import DayOffCalendar
from threeno.rules.time_limits import ReportStatus, StepKind, status_on, time_limit

if TYPE_CHECKING:
    from threeno.indicators.results import Evaluation, IndicatorResult
    from threeno.model.dataset import Dataset
    from threeno.model.plan import Plan


@functools.cache
def _plan() -> Plan:
    return plan_without_new_keys()


@functools.cache
def _data() -> Dataset:
    data, _ = threeno.load_dataset(RECORDS, plan=_plan())
    return data


@functools.cache
def _evaluate(
    period: str,
    *,
    local: bool = True,
    count_receipt_day: bool = False,
    crosswalk: bool = False,
    extra: tuple[str, ...] = (),
) -> Evaluation:
    """Evaluate as the plan file says (local day off, its indicators), or as asked."""
    plan = _plan()
    calendar = local_calendar() if local else DayOffCalendar()
    return threeno.evaluate(
        plan,
        _data(),
        plan.period(period),
        indicators=[*REPORT_INDICATORS, *extra],
        calendar=calendar,
        count_receipt_day=count_receipt_day,
        crosswalk=crosswalk,
    )


def _result(evaluation: Evaluation, indicator: str, unit: str) -> IndicatorResult:
    found = evaluation[indicator]
    return found.total if unit == TOTAL else found.by_unit[unit]


def _actual(result: IndicatorResult) -> Cell:
    return (result.numerator, result.denominator, result.status.value)


def _check(indicator: str) -> None:
    """Compare every period's results of ``indicator`` with FIGURES, all at once."""
    wrong: list[str] = []
    for period, cells in FIGURES[indicator].items():
        evaluation = _evaluate(period)
        for unit, (numerator, denominator, status) in cells.items():
            result = _result(evaluation, indicator, unit)
            # A count of 0 with nothing of its kind in scope is "no data" only under the
            # rule that no data is never met; the numbers themselves hold either way.
            shown = result.status.value if (indicator, unit) in NO_DATA_COUNTS else status
            expected = (numerator, denominator, shown)
            if expected != _actual(result):
                wrong.append(f"{period} {unit}: expected {expected}, got {_actual(result)}")
            # A count's value is its numerator; a share's the fraction, none when 0/0.
            value: float | None = numerator
            if denominator is not None:
                value = numerator / denominator if denominator else None
            if value != result.value:
                wrong.append(f"{period} {unit}: value {result.value}, expected {value}")
    assert wrong == []


# -- the plan and the records ----------------------------------------------------------


def test_plan_has_its_own_outline_units_and_calendar_periods() -> None:
    """The plan numbers its clauses 1.1 ... 3.1, covers 3 units, and reads calendar periods.

    Convention "calendar" (Nghị định 60/2018/NĐ-CP): 2024-03 is 1-31 March, 2024-Q1 is
    1 January - 31 March, 2024 is 1 January - 31 December (no 15th-to-14th cut-off).
    """
    plan = _plan()
    assert plan.id == PLAN_ID
    assert [c.id for c in plan.clauses] == ["1.1", "1.2", "2.1.a", "2.2.a", "2.2.b", "3.1"]
    assert [s.id for s in plan.sections] == ["1", "2", "2.1", "2.2", "3"]
    assert [u.full_name for u in plan.units] == [
        "Thị trấn Mẫu Sơn",
        "Xã Mẫu Đông",
        "Xã Mẫu Tây",
    ]
    assert plan.reporting.convention is Convention.CALENDAR
    assert [(plan.period(p).start, plan.period(p).end) for p in PERIODS] == list(PERIODS.values())


def test_records_load_with_the_three_bad_unit_codes_listed() -> None:
    """33 records are read and accepted; 3 crime reports name a unit not valid on their date.

    7 subjects + 14 crime reports + 1 case + 4 events + 7 submissions = 33. CR-12 has
    98799 (no such unit), CR-13 03386 (not in this plan's registry), CR-14 98704 (Xã Mẫu
    Bắc, which ended on 2023-12-31, on 2024-02-05). S-07's 98704 on 2023-09-12 is valid.
    """
    _, report = threeno.load_dataset(RECORDS, plan=_plan())
    counts = {name: (c.read, c.accepted, c.rejected) for name, c in report.counts.items()}
    assert counts == {
        "subjects": (7, 7, 0),
        "crime_reports": (14, 14, 0),
        "criminal_cases": (1, 1, 0),
        "support_actions": (0, 0, 0),
        "outreach_events": (4, 4, 0),
        "model_reviews": (0, 0, 0),
        "report_submissions": (7, 7, 0),
        "safety_assessments": (0, 0, 0),
    }
    assert [(p.record_type, p.record_id, p.field) for p in report.problems] == [
        ("crime_reports", "CR-12", "unit_code"),
        ("crime_reports", "CR-13", "unit_code"),
        ("crime_reports", "CR-14", "unit_code"),
    ]


# -- the time limits ---------------------------------------------------------------------


@pytest.mark.parametrize("report_id", sorted(LIMITS))
def test_time_limit_of_each_report(report_id: str) -> None:
    """Each limit as EXPECTED.md section 3 works it out (Art. 147(1), Art. 134(1)).

    Day 20 = received + 20 days (the day after receipt is day 1); the days off from day 1
    to day 20 do not lengthen it; a day 20 that is a day off gives way to the next working
    day. With the day of receipt as day 1, day 20 = received + 19 days. For example CR-04:
    received 2024-01-22, day 20 = 2024-02-11 (Sunday, Mùng hai Tết), 12-14 February are
    Tết, so the last day is Thursday 2024-02-15.
    """
    received, day20, days_off, last, last_receipt_counted = LIMITS[report_id]
    report = next(r for r in _data().crime_reports if r.id == report_id)
    calendar = local_calendar()
    assert report.received_on == received
    deadline = time_limit(report, calendar)
    assert (deadline.steps[0].result, deadline.date) == (day20, last)
    assert received + dt.timedelta(days=20) == day20
    assert calendar.days_off_between(received + dt.timedelta(days=1), day20) == days_off
    counted = time_limit(report, calendar, count_receipt_day=True)
    assert counted.date == last_receipt_counted


def test_the_local_day_off_moves_the_limit_of_cr05() -> None:
    """CR-05 is on time only because 2024-03-19 is the plan's local day off.

    Received Wednesday 2024-02-28; day 1 Thursday 29 February; day 20 Tuesday 19 March,
    the "Ngày Truyền thống tỉnh Mẫu": the limit moves to Wednesday 20 March (Art. 134(1)),
    the day of the decision. Under the national calendar alone 19 March is a working day,
    the limit stays there and the decision is one day late.
    """
    report = next(r for r in _data().crime_reports if r.id == "CR-05")
    local = time_limit(report, local_calendar())
    national = time_limit(report, DayOffCalendar())
    assert (local.date, national.date) == (dt.date(2024, 3, 20), dt.date(2024, 3, 19))
    moved = [s for s in local.steps if s.kind is StepKind.DAY_OFF]
    assert [(s.event_on, [d.day for d in s.skipped]) for s in moved] == [
        (LOCAL_DAY_OFF, [LOCAL_DAY_OFF])
    ]
    assert moved[0].skipped[0].name_vi == LOCAL_DAY_OFF_VI
    end = dt.date(2024, 3, 31)
    assert status_on(report, end, local_calendar()) is ReportStatus.DECIDED_ON_TIME
    assert status_on(report, end, DayOffCalendar()) is ReportStatus.DECIDED_LATE


# -- the indicators ----------------------------------------------------------------------


def test_outreach_coverage() -> None:
    """Target women at the period's end reached by an event in the period (target >= 0.8).

    31 March: A S-01, S-02 (both reached by OE-01 on 8 March): 2/2; B S-03 (OE-02,
    14 March), S-04 (never reached): 1/2; C S-05 (reached by OE-03 on 20 February only; S-06
    is a suspect, not a target): March 0/1, Q1 1/1. Totals: March 3/5 = 0.6 not met; Q1
    4/5 = 0.8 met (0.8 >= 0.8). 31 December: S-04's category ended on 30 June, so B is
    S-03 alone, 1/1; total 4/4 = 1.0 met. S-07 (reached by OE-04) is out of scope.
    """
    _check("outreach.coverage")


def test_outreach_events() -> None:
    """Events held in the period, where held; participants summed (no target).

    March: OE-01 (A, 45), OE-02 (B, 30), OE-04 (C, 20): 1, 1, 1 = 3; participants 95.
    Q1 and 2024 add OE-03 (C, 20 February, 25): C 2, total 4; participants 120.
    """
    _check("outreach.events")
    participants = {
        p: _evaluate(p)["outreach.events"].total.figures["participants"] for p in PERIODS
    }
    assert participants == {"2024-03": 95, "2024-Q1": 120, "2024": 120}


def test_subjects_monitored() -> None:
    """Women with an active category at the period's end, any category (no target).

    31 March: A S-01, S-02; B S-03, S-04; C S-05, S-06 (a suspect is managed too): 2, 2, 2 = 6.
    31 December: S-04's span ended on 30 June: 2, 1, 2 = 5. S-07 is out of scope.
    """
    _check("subjects.monitored")


def test_reports_received() -> None:
    """Crime reports received in the period, in their unit (no target).

    March: CR-08 (A), CR-06 (B), CR-07 (C) = 3. Q1: A CR-02, CR-05, CR-08; B CR-03, CR-06;
    C CR-04, CR-07 = 3 + 2 + 2 = 7 (CR-01 came in 2023). 2024 adds CR-10 (A), CR-11 (B),
    CR-09 (C) = 10. CR-12, CR-13, CR-14 are left out.
    """
    _check("reports.received")


def test_reports_resolved() -> None:
    """Finally decided in the period, of those pending at its start or received in it.

    March: A CR-05 (decided 20 March) and CR-08 (pending) 1/2; B CR-06 0/1; C CR-07 0/1;
    total 1/4. Q1: A CR-02, CR-05 decided, CR-08 not: 2/3; B CR-01 (pending on 1 January,
    decided 5 January), CR-03 decided, CR-06 not: 2/3; C CR-04 decided, CR-07 not: 1/2;
    total 5/8. 2024: A 3/4 (CR-10 pending), B 3/4 (CR-11), C 2/3 (CR-09); total 8/11.
    Pending at the start: March 1 (CR-05), Q1 and 2024 1 (CR-01).
    """
    _check("reports.resolved")
    figures = {p: _evaluate(p)["reports.resolved"].total.figures for p in PERIODS}
    assert {p: (f["pending_at_start"], f["received_in_period"]) for p, f in figures.items()} == {
        "2024-03": (1, 3),
        "2024-Q1": (1, 7),
        "2024": (1, 10),
    }


def test_reports_on_time() -> None:
    """Decided in the period on or before the limit, of those decided (target >= 0.9).

    March: only CR-05 is decided, on 20 March, its limit moved there by the local day off:
    A 1/1 met, B and C nothing decided (no data), total 1/1 met. Q1: A CR-02, CR-05 2/2;
    B CR-01 on time (limit 9 January), CR-03 late (limit 6 February, decided 21 February)
    1/2; C CR-04 (limit moved past Tết to 15 February) 1/1; total 4/5 = 0.8 not met.
    2024 adds CR-08 (A, on time), CR-06 (B, limit 25 March, decided 15 April: late), CR-07
    (C, on time): 3/3, 1/3, 2/2; total 6/8 = 0.75 not met.
    """
    _check("reports.on_time")


def test_reports_on_time_under_other_calendars_and_readings() -> None:
    """Only CR-05 changes, and it changes A and the total.

    National calendar only: 19 March is a working day, CR-05 is late: March A 0/1, total
    0/1; Q1 A 1/2, total 3/5; 2024 A 2/3, total 5/8. With the day of receipt as day 1:
    day 20 of CR-05 is Monday 18 March, a working day, so it is late as well: the same.
    """
    expected = {
        "2024-03": ((0, 1), (0, 1)),
        "2024-Q1": ((1, 2), (3, 5)),
        "2024": ((2, 3), (5, 8)),
    }
    for settings in ({"local": False}, {"count_receipt_day": True}):
        found = {}
        for period in PERIODS:
            on_time = _evaluate(period, **settings)["reports.on_time"]
            unit_a, total = on_time.by_unit[A], on_time.total
            found[period] = (
                (unit_a.numerator, unit_a.denominator),
                (total.numerator, total.denominator),
            )
        assert found == expected, settings
        # B and C do not change.
        for period in PERIODS:
            on_time = _evaluate(period, **settings)["reports.on_time"]
            for unit in (B, C):
                assert _actual(on_time.by_unit[unit]) == FIGURES["reports.on_time"][period][unit]


def test_reports_overdue() -> None:
    """Pending at the period's end past the last day (target == 0).

    31 March: CR-06 (B; day 20 Sunday 24 March, last day Monday 25 March) is overdue; CR-08
    (A, to 16 April) and CR-07 (C, to 11 April) are within: 0, 1, 0; total 1 not met.
    31 December: CR-09 (C; day 20 Sunday 22 December, last day 23 December) is overdue;
    CR-10 (A, to 9 January 2025) and CR-11 (B, to 13 January 2025) are within: 0, 0, 1.
    Pending at the end: 3 in every period.
    """
    _check("reports.overdue")
    pending = {p: _evaluate(p)["reports.overdue"].total.figures["pending_at_end"] for p in PERIODS}
    assert pending == {"2024-03": 3, "2024-Q1": 3, "2024": 3}


def test_cases_wrongful() -> None:
    """Cases found wrongful in the period: none, so 0 everywhere (target == 0).

    The one case, CC-01 in A, opened 20 March, so A and the total considered a case and
    are met. (B and C have no case at all: their status is checked in
    test_second_locality.py, where no data is never met.)
    """
    _check("cases.wrongful")


def test_reporting_timeliness() -> None:
    """Expected reports sent within 5 days of their period's end (target >= 1.0).

    Expected: each period of month, quarter and year ending within the evaluated one, from
    hoi-lhpn-huyen and phong-ldtbxh-huyen. March ends 2024-03 and 2024-Q1: 2 x 2 = 4; on
    time RS-03, RS-04, RS-07, phong-ldtbxh-huyen 2024-03 missing: 3/4. Q1: 2 x 4 = 8; on
    time 6 (RS-06 sent 11 March, due 5 March; one missing): 6/8. 2024: 2 x (12 + 4 + 1)
    = 34 expected, 6 on time. By agency in Q1: 4/4 and 2/4.
    """
    _check("reporting.timeliness")
    by_agency = _evaluate("2024-Q1")["reporting.timeliness"].total.disaggregations["agency"]
    assert {a: (c.numerator, c.denominator) for a, c in by_agency.items()} == {
        "hoi-lhpn-huyen": (4, 4),
        "phong-ldtbxh-huyen": (2, 4),
    }


def test_an_indicator_the_plan_does_not_list_can_be_added() -> None:
    """reporting.completeness, which no clause names, evaluated when asked for.

    Same expected reports as timeliness, sent at all: March 3/4, Q1 7/8 (RS-06 counts,
    late), 2024 7/34. No target.
    """
    found = {
        p: _actual(_evaluate(p, extra=("reporting.completeness",))["reporting.completeness"].total)
        for p in PERIODS
    }
    assert found == COMPLETENESS


# -- data quality and the crosswalk ------------------------------------------------------


def test_records_left_out_are_counted() -> None:
    """4 records are counted in no unit, the same in every period.

    S-07 (98704 Mẫu Bắc on 2023-09-12: a unit, not the plan's): out of scope. CR-12
    (98799) and CR-13 (03386, not in the plan's registry): unknown. CR-14 (98704 on
    2024-02-05, after Mẫu Bắc ended): not valid on that date (counted with the unknown
    ones until the engine tells them apart). 1 + 1 + 2 = 4.
    """
    for period in PERIODS:
        quality = _evaluate(period).data_quality
        counts = quality.counts
        assert (counts["subjects"]["read"], counts["subjects"]["in_scope"]) == (7, 6)
        assert (counts["crime_reports"]["read"], counts["crime_reports"]["in_scope"]) == (14, 11)
        assert counts["subjects"]["out_of_scope"] == 1
        left_out = {
            name: sum(placed.get(reason, 0) for reason in LEFT_OUT_REASONS)
            for name, placed in counts.items()
        }
        assert sum(left_out.values()) == 4
        assert (left_out["subjects"], left_out["crime_reports"]) == (1, 3)
        issues = {(i.record_type, i.record_id): i.problem for i in quality.issues}
        assert set(issues) == set(LEFT_OUT)
        assert issues[("subjects", "S-07")] == "out_of_scope"
        assert issues[("crime_reports", "CR-12")] == "unknown_unit"
        assert issues[("crime_reports", "CR-13")] == "unknown_unit"


def test_crosswalk_counts_the_merged_commune_in_mau_tay() -> None:
    """With the crosswalk, S-07 of Mẫu Bắc counts in Mẫu Tây (98703), which absorbed it.

    outreach.coverage C: March 1/2 (S-07 reached by OE-04 on 26 March, S-05 not in March),
    total 4/6; Q1 2/2, total 5/6; 2024 2/2, total 5/5. subjects.monitored C 3 (March, Q1)
    and 3 (2024), totals 7 and 6. CR-14, dated after Mẫu Bắc ended, is not crosswalked.
    """
    coverage = {
        p: (
            _actual(_evaluate(p, crosswalk=True)["outreach.coverage"].by_unit[C]),
            _actual(_evaluate(p, crosswalk=True)["outreach.coverage"].total),
        )
        for p in PERIODS
    }
    assert coverage == {
        "2024-03": ((1, 2, "not_met"), (4, 6, "not_met")),
        "2024-Q1": ((2, 2, "met"), (5, 6, "met")),
        "2024": ((2, 2, "met"), (5, 5, "met")),
    }
    monitored = {
        p: (
            _evaluate(p, crosswalk=True)["subjects.monitored"].by_unit[C].numerator,
            _evaluate(p, crosswalk=True)["subjects.monitored"].total.numerator,
        )
        for p in PERIODS
    }
    assert monitored == {"2024-03": (3, 7), "2024-Q1": (3, 7), "2024": (3, 6)}
    counts = _evaluate("2024-03", crosswalk=True).data_quality.counts
    assert (counts["subjects"]["crosswalked"], counts["subjects"]["out_of_scope"]) == (1, 0)
    assert counts["crime_reports"]["crosswalked"] == 0


def test_every_unit_of_the_plan_is_in_every_result() -> None:
    """Every result of a unit-level indicator has the plan's three units, and only them."""
    for period in PERIODS:
        evaluation = _evaluate(period)
        for indicator in REPORT_INDICATORS:
            by_unit = evaluation[indicator].by_unit
            expected = () if indicator.startswith("reporting.") else UNITS
            assert tuple(by_unit) == expected, (period, indicator)
