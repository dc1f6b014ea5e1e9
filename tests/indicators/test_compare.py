"""What if: the plan and a revision compared on the same records, worked by hand.

One comparison per kind of change a revision makes (the day of receipt counted, a
target lowered, the old units crosswalked, a local day off, the reporting deadline), each
with the records whose classification flips; then the one-pass evaluation against two
separate ones, and a property over generated datasets. Calendar facts: 2024-03-01 is a
Friday, 2024-03-20 a Wednesday, 2024-03-21 a Thursday and 2024-03-22 a Friday, all
working days nationally (a printed 2024 calendar; no public holiday in March).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.indicators.indicator_scenario import report, span, subject, submission
from threeno import compare
from threeno.errors import ValidationError
from threeno.indicators.compare import (
    Difference,
    Numbers,
    compare_all,
    compare_evaluations,
)
from threeno.indicators.engine import evaluate
from threeno.indicators.multi import evaluate_plans
from threeno.indicators.results import Status
from threeno.io.datasets import dump_dataset
from threeno.io.stream import evaluate_stream
from threeno.model.dataset import Dataset
from threeno.model.enums import Decision, SubjectCategory
from threeno.plans import load_plan, load_revision
from threeno.testing.strategies import datasets

if TYPE_CHECKING:
    from pathlib import Path

    from threeno.indicators.results import Evaluation
    from threeno.model.crime import CrimeReport
    from threeno.model.revision import Revision

D = dt.date
PLAN = load_plan("lai-chau-2024")
PLAN_2026 = load_plan("doan-ket-tan-phong-2026")
RECEIPT_DAY = load_revision("lai-chau-2024-count-receipt-day")
TARGET_95 = load_revision("lai-chau-2024-target-95")
CROSSWALK = load_revision("lai-chau-2024-crosswalk")
NO_CROSSWALK = load_revision("doan-ket-tan-phong-2026-no-crosswalk")
DEADLINE_10 = load_revision("lai-chau-2024-deadline-10-days")


def sides(row: Difference) -> tuple[Numbers, Numbers]:
    """A row's two sides, both there."""
    assert row.baseline is not None
    assert row.alternative is not None
    return row.baseline, row.alternative


def decided(rid: str, received: dt.date, on: dt.date) -> CrimeReport:
    """A report received and classified the next day, decided (a case opened) on ``on``."""
    return report(
        rid,
        received,
        classified=received + dt.timedelta(days=1),
        decision=Decision.KHOI_TO,
        decided=on,
    )


class TestReceiptDay:
    """Counting the day of receipt moves a limit a day earlier (Art. 134, Art. 147)."""

    DATA = Dataset(
        crime_reports=[
            decided("CR-1", D(2024, 3, 1), D(2024, 3, 21)),
            decided("CR-2", D(2024, 3, 1), D(2024, 3, 10)),
        ]
    )

    def test_the_report_decided_on_the_last_day_flips(self) -> None:
        """CR-1, received Friday 01/03/2024, decided Thursday 21/03/2024.

        Not counting the day of receipt: day 1 is 02/03, day 20 is 21/03 (a Thursday, a
        working day): decided on the last day, on time. Counting it: day 1 is 01/03,
        day 20 is 20/03 (a Wednesday): decided a day late. CR-2, decided 10/03, is on
        time both ways. reports.on_time: 2/2 = 100% (met, target at least 100%) against
        1/2 = 50% (not met); the difference is -0.5. Only CR-1 is reclassified,
        counted → failing, in Quyết Thắng (03386).
        """
        result = compare(PLAN, RECEIPT_DAY, self.DATA, "2024-H1", indicators=["reports.on_time"])
        row = result.row("reports.on_time")
        before, after = sides(row)
        assert (
            before.numerator,
            before.denominator,
            after.numerator,
            after.denominator,
        ) == (2, 2, 1, 2)
        assert row.delta == -0.5
        assert (before.status, after.status) == (Status.MET, Status.NOT_MET)
        assert [(r.indicator, r.unit) for r in result.status_changes] == [
            ("reports.on_time", None),
            ("reports.on_time", "03386"),
        ]
        (change,) = result.records
        assert (
            change.record_id,
            change.baseline.kind,
            change.alternative.kind,
            change.alternative.unit,
        ) == ("CR-1", "counted", "failing", "03386")
        assert change.baseline.reason is not None
        assert change.alternative.reason is not None
        assert D(2024, 3, 21) == change.baseline.reason.fact("limit")
        assert D(2024, 3, 20) == change.alternative.reason.fact("limit")


class TestTarget:
    """A target lowered from 100% to 95% (clause I.3): the same numbers, another status."""

    DATA = Dataset(
        crime_reports=[
            *(decided(f"CR-{i:02d}", D(2024, 3, 1), D(2024, 3, 10)) for i in range(19)),
            report("CR-19", D(2024, 3, 1), classified=D(2024, 3, 2)),  # still pending
        ]
    )

    def test_the_status_flips_and_no_record_moves(self) -> None:
        """reports.resolved: 19 of the 20 reports received in 2024-H1 are decided: 19/20 = 95%.

        Against the plan's target (at least 100%) not met; against the revision's (at
        least 95%) met. The counting does not change: no record is reclassified, and the
        value's difference is 0.
        """
        result = compare(PLAN, TARGET_95, self.DATA, "2024-H1", indicators=["reports.resolved"])
        row = result.row("reports.resolved")
        before, after = sides(row)
        assert (after.numerator, after.denominator) == (19, 20)
        assert row.delta == 0
        assert (before.status, after.status) == (Status.NOT_MET, Status.MET)
        assert before.target is not None
        assert after.target is not None
        assert (before.target.value, after.target.value) == (1.0, 0.95)
        assert result.records == ()


class TestCrosswalk:
    """The 2026 plan counts the old units in the new wards; the revision does not."""

    DATA = Dataset(
        subjects=[
            # The old Đoàn Kết (03389) before the merger of 01/07/2025; the new one after.
            subject("S-1", "03389", D(2024, 3, 1), span(SubjectCategory.POOR, D(2024, 3, 1))),
            subject("S-2", "03388", D(2025, 8, 1), span(SubjectCategory.POOR, D(2025, 8, 1))),
        ]
    )

    def test_the_old_units_record_is_left_out(self) -> None:
        """Women under management on 14/12/2025, the end of 2025-H2 (15/06 – 14/12/2025).

        Crosswalked (the 2026 plan): S-1, coded with the old Đoàn Kết, is counted in the
        new Phường Đoàn Kết (03388) with S-2: 2. Not crosswalked: 03389 is a unit on
        S-1's date but not one of the plan's units in force at the period's end, so
        S-1 is left out (out_of_scope): 1. S-1 is reclassified counted → absent.
        """
        result = compare(
            PLAN_2026, NO_CROSSWALK, self.DATA, "2025-H2", indicators=["subjects.monitored"]
        )
        row = result.row("subjects.monitored", "03388")
        before, after = sides(row)
        assert (before.value, after.value, row.delta) == (2, 1, -1)
        (change,) = result.records
        assert (
            change.record_id,
            change.baseline.kind,
            change.baseline.unit,
            change.alternative.kind,
            change.alternative.left_out,
        ) == ("S-1", "counted", "03388", "absent", "out_of_scope")

    def test_the_2024_plan_has_nothing_to_crosswalk(self) -> None:
        """Within 2024 the seven units of the 2024 plan are all in force: nothing changes.

        A report of Quyết Thắng (03386) decided in time: counted the same either way.
        """
        data = Dataset(crime_reports=[decided("CR-1", D(2024, 3, 1), D(2024, 3, 10))])
        result = compare(PLAN, CROSSWALK, data, "2024")
        assert result.changed == ()
        assert result.records == ()


class TestCalendar:
    """A local day off on a limit's last day moves the limit to the next working day."""

    def test_a_day_off_on_the_last_day(self, tmp_path: Path) -> None:
        """CR-1, received Friday 01/03/2024, decided Friday 22/03/2024.

        The plan: the limit ends Thursday 21/03 (day 1 is 02/03): decided a day late,
        failing. The revision makes 21/03/2024 a local day off: a limit ending on a day
        off ends on the next working day (Art. 134), Friday 22/03: decided on time,
        counted. reports.on_time 0/1 against 1/1.
        """
        path = tmp_path / "day-off.toml"
        path.write_text(
            'base = "lai-chau-2024"\n'
            'title_vi = "Nghỉ ngày 21/03/2024"\ntitle_en = "21/03/2024 off"\n'
            '[calendar]\nnote = "Synthetic"\n[[calendar.days_off]]\n'
            'date = 2024-03-21\nname_vi = "Ngày nghỉ"\nname_en = "Day off"\n',
            encoding="utf-8",
        )
        revision = load_revision(path)
        data = Dataset(crime_reports=[decided("CR-1", D(2024, 3, 1), D(2024, 3, 22))])
        result = compare(PLAN, revision, data, "2024-H1", indicators=["reports.on_time"])
        row = result.row("reports.on_time")
        before, after = sides(row)
        assert (before.numerator, after.numerator) == (0, 1)
        (change,) = result.records
        assert (
            change.record_id,
            change.baseline.kind,
            change.alternative.kind,
        ) == ("CR-1", "failing", "counted")


class TestDeadline:
    """Reports due 10 days after a period's end instead of 5 (clause IV.2, a local default)."""

    def test_a_late_report_is_on_time(self) -> None:
        """The Women's Union's report for 2024-H1 (ending 14/06/2024), sent 20/06/2024.

        Due 14/06 + 5 days = 19/06: late; due 14/06 + 10 days = 24/06: on time.
        reporting.timeliness over the five agencies' six-monthly reports: 0/5 against
        1/5 = 20%, +0.2. The expected report "hoi-phu-nu-tp 2024-H1" is reclassified,
        failing → counted.
        """
        data = Dataset(
            report_submissions=[submission("RS-1", "hoi-phu-nu-tp", "2024-H1", D(2024, 6, 20))]
        )
        result = compare(PLAN, DEADLINE_10, data, "2024-H1", indicators=["reporting.timeliness"])
        row = result.row("reporting.timeliness")
        before, after = sides(row)
        assert (
            before.numerator,
            before.denominator,
            after.numerator,
            after.denominator,
        ) == (0, 5, 1, 5)
        assert row.delta == pytest.approx(0.2)
        (change,) = result.records
        assert (
            change.record_id,
            change.baseline.kind,
            change.alternative.kind,
        ) == ("hoi-phu-nu-tp 2024-H1", "failing", "counted")
        assert change.alternative.reason is not None
        assert D(2024, 6, 24) == change.alternative.reason.fact("due")


class TestOnePass:
    """Both sides from one reading of the records equal two separate evaluations."""

    def test_the_demo_data_against_three_revisions(self) -> None:
        """The 2024 plan on its demo data against three revisions: each side as if alone.

        The receipt day, the 95% target and the crosswalk: each side's JSON equals its
        plan evaluated alone on the same records.
        """
        from threeno.io.datasets import load_dataset  # noqa: PLC0415
        from threeno.testing import synthetic  # noqa: PLC0415 - only here

        data, _ = load_dataset(synthetic.demo_path(PLAN.id))
        period = PLAN.period("2024")
        comparisons = compare_all(PLAN, [RECEIPT_DAY, TARGET_95, CROSSWALK], data, period)
        baseline = evaluate(PLAN, data, period).to_json()
        for comparison, revision in zip(
            comparisons, [RECEIPT_DAY, TARGET_95, CROSSWALK], strict=True
        ):
            assert baseline == comparison.baseline_evaluation.to_json()
            alone = evaluate(revision.plan, data, period).to_json()
            assert alone == comparison.alternative_evaluation.to_json()
            assert comparison.alternative.id == revision.id
        assert json.loads(comparisons[0].to_json())["schema"] == "threeno-comparison/1"

    def test_records_are_read_once(self) -> None:
        """A generator can be read once only: both sides still count its three reports."""
        reports = [decided(f"CR-{i}", D(2024, 3, 1), D(2024, 3, 10)) for i in range(3)]
        first, second = evaluate_plans(
            [PLAN, RECEIPT_DAY.plan],
            {"crime_reports": (r for r in reports)},
            PLAN.period("2024-H1"),
        )
        assert (
            first["reports.received"].total.value,
            second["reports.received"].total.value,
        ) == (3, 3)

    def test_the_stream_takes_alternatives(self, tmp_path: Path) -> None:
        """evaluate_stream(..., alternatives=[...]) gives the plan's and each alternative's."""
        data = TestReceiptDay.DATA
        dump_dataset(data, tmp_path / "data", format="jsonl")
        period = PLAN.period("2024-H1")
        base, load_report, (alternative,) = evaluate_stream(
            PLAN, tmp_path / "data", period, explain="all", alternatives=[RECEIPT_DAY.plan]
        )
        assert load_report.accepted == 2
        assert evaluate(PLAN, data, period).to_json() == base.to_json()
        assert evaluate(RECEIPT_DAY.plan, data, period).to_json() == alternative.to_json()

    def test_a_comparison_needs_every_record(self) -> None:
        """Evaluations that kept only the failing records cannot be compared: said so."""
        period = PLAN.period("2024-H1")
        first, second = evaluate_plans([PLAN, RECEIPT_DAY.plan], {}, period)
        with pytest.raises(ValidationError, match="explain='all'"):
            compare_evaluations(first, second)


PROPERTY_PERIOD = PLAN.period("2024")
REVISIONS = (RECEIPT_DAY, TARGET_95, CROSSWALK, DEADLINE_10)


def _kinds(evaluation: Evaluation) -> dict[tuple[str, str], tuple[str, str | None]]:
    """Every (indicator, record id) an evaluation's explanations name, with kind and unit."""
    found = {}
    for ind, results in evaluation.results.items():
        parts = list(results.by_unit.values()) or [results.total]
        for result in parts:
            e = result.explanation
            for kind, entries in (
                ("counted", e.counted),
                ("failing", e.failures),
                ("apart", e.apart),
            ):
                for entry in entries:
                    found[(ind, entry.record_id)] = (kind, entry.unit)
    return found


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=datasets(PLAN, PROPERTY_PERIOD, max_size=8), which=st.sampled_from(REVISIONS))
def test_property_compare_is_two_evaluations(data: Dataset, which: Revision) -> None:
    """Any dataset, any sample revision: compare() is two separate evaluations.

    Each side equals its plan evaluated alone; the records listed are exactly those the
    two evaluations classify differently (a record one side does not name is absent
    there); the results marked changed are exactly those whose numbers, status or target
    differ.
    """
    result = compare(PLAN, which, data, PROPERTY_PERIOD)
    alone = evaluate(PLAN, data, PROPERTY_PERIOD), evaluate(which.plan, data, PROPERTY_PERIOD)
    assert alone[0].to_json() == result.baseline_evaluation.to_json()
    assert alone[1].to_json() == result.alternative_evaluation.to_json()
    before, after = (_kinds(e) for e in alone)
    absent = ("absent", None)
    expected = {
        key
        for key in before.keys() | after.keys()
        if before.get(key, absent) != after.get(key, absent)
    }
    assert expected == {(c.indicator, c.record_id) for c in result.records}
    changed_rows = {(r.indicator, r.unit) for r in result.rows if r.dimension is None and r.changed}
    expected_rows = {
        (ind, unit)
        for ind in alone[0].results
        for unit, a, b in [
            (None, alone[0][ind].total, alone[1][ind].total),
            *((code, r, alone[1][ind].by_unit[code]) for code, r in alone[0][ind].by_unit.items()),
        ]
        if (a.numerator, a.denominator, a.status, a.target)
        != (b.numerator, b.denominator, b.status, b.target)
    }
    assert expected_rows == changed_rows
