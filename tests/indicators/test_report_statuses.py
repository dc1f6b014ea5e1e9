"""Crime reports at the period's end: one category each; a suspension under both readings.

Bộ luật Tố tụng hình sự 2015: Art. 147(1) gives 20 days from receipt and the three
decisions (khởi tố, không khởi tố, tạm đình chỉ); Art. 148 the suspension; Art. 149(1)
1 month after a resumption; Art. 134(1) a last day that is a day off moves to the next
working day. The day of receipt is not counted (the plan's reading).

The period is 2024-H1 under the cut-off: 2023-12-15 .. 2024-06-14, a Friday. Eight
reports, all in Phường Quyết Thắng (03386), Art. 150:

======  ==========  =============================================  =========================
id      received    what happened                                  limit (20 days, moved)
======  ==========  =============================================  =========================
CR-A    2024-05-20  nothing                                        06-09 Sun → 06-10: overdue
CR-B    2024-06-01  nothing                                        06-21: within the limit
CR-C    2024-04-01  suspended 04-10, still                         04-21 Sun → 04-22: in time
CR-D    2023-11-01  suspended 2023-11-10, still                    before the period
CR-E    2024-03-01  khởi tố 03-15                                  03-21: on time
CR-F    2024-02-01  khởi tố 03-01                                  02-21: late
CR-G    2024-04-01  suspended 05-01, still                         04-22 had passed: late
CR-H    2023-11-20  suspended 2023-12-01, resumed 05-01, nothing   1 month: 06-01 Sat → 06-03
======  ==========  =============================================  =========================

CR-H is overdue at the end (06-03 < 06-14).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs
import pytest

from tests.indicators.indicator_scenario import PERIOD, PLAN, D, report, sus
from threeno.indicators.engine import evaluate
from threeno.model.dataset import Dataset
from threeno.model.enums import Decision

if TYPE_CHECKING:
    import datetime as dt

    from threeno.indicators.results import Evaluation
    from threeno.model.crime import CrimeReport

TDC, KHOI_TO = Decision.TAM_DINH_CHI, Decision.KHOI_TO


def suspended(rid: str, received: dt.date, since: dt.date) -> CrimeReport:
    """A report suspended on ``since`` and not resumed (decision tạm đình chỉ that day)."""
    return report(rid, received, suspensions=(sus(since),), decision=TDC, decided=since)


REPORTS = (
    report("CR-A", D(2024, 5, 20)),
    report("CR-B", D(2024, 6, 1)),
    suspended("CR-C", D(2024, 4, 1), D(2024, 4, 10)),
    suspended("CR-D", D(2023, 11, 1), D(2023, 11, 10)),
    report("CR-E", D(2024, 3, 1), decision=KHOI_TO, decided=D(2024, 3, 15)),
    report("CR-F", D(2024, 2, 1), decision=KHOI_TO, decided=D(2024, 3, 1)),
    suspended("CR-G", D(2024, 4, 1), D(2024, 5, 1)),
    report("CR-H", D(2023, 11, 20), suspensions=(sus(D(2023, 12, 1), D(2024, 5, 1)),)),
)
DATA = Dataset(crime_reports=REPORTS)
INDICATORS = ("reports.resolved", "reports.on_time", "reports.overdue")


@pytest.fixture(scope="module")
def not_resolving() -> Evaluation:
    """The plan's reading: a suspension does not resolve a report."""
    return evaluate(PLAN, DATA, PERIOD, indicators=INDICATORS)


@pytest.fixture(scope="module")
def resolving() -> Evaluation:
    """The other reading: a suspension resolves a report in its period."""
    return evaluate(PLAN, DATA, PERIOD, indicators=INDICATORS, suspension_counts_as_resolved=True)


class TestCategoriesByDefault:
    """``suspension_counts_as_resolved`` false, the 2024 plan's reading."""

    def test_resolved(self, not_resolving: Evaluation) -> None:
        """8 to resolve (D and H pending at the start, 6 received); E and F decided: 2/8.

        On time E; late F; suspended C, D, G; within the limit B; overdue A, H:
        1 + 1 + 3 + 1 + 2 = 8.
        """
        total = not_resolving["reports.resolved"].total
        assert (total.numerator, total.denominator) == (2, 8)
        expected = {
            "pending_at_start": 2,
            "received_in_period": 6,
            "decided_on_time": 1,
            "decided_late": 1,
            "suspended_at_end": 3,
            "pending_within_limit": 1,
            "overdue_at_end": 2,
            "other_offences": 0,
        }
        assert expected == total.figures

    def test_lists(self, not_resolving: Evaluation) -> None:
        """Only the overdue fail; within the limit and suspended are in progress."""
        explanation = not_resolving["reports.resolved"].total.explanation
        assert explanation.counted_ids == ("CR-E", "CR-F")
        assert explanation.failure_ids == ("CR-A", "CR-H")
        assert [e.record_id for e in explanation.in_progress] == ["CR-B", "CR-C", "CR-D", "CR-G"]
        codes = {e.record_id: e.reason.code for e in explanation.in_progress}
        expected = {
            "CR-B": "within_limit_open",
            "CR-C": "suspension_open",
            "CR-D": "suspension_open",
            "CR-G": "suspension_open",
        }
        assert expected == codes

    def test_lines_in_vietnamese(self, not_resolving: Evaluation) -> None:
        """Each line says its category in the words of the brief's statuses."""
        explanation = not_resolving["reports.resolved"].total.explanation
        lines = {e.record_id: e.text("vi") for e in (*explanation.counted, *explanation.failures)}
        lines |= {e.record_id: e.text("vi") for e in explanation.in_progress}
        assert "đã giải quyết đúng hạn (hạn 21/03/2024" in lines["CR-E"]
        assert "đã giải quyết quá hạn (hạn 21/02/2024" in lines["CR-F"]
        assert "quá hạn chưa giải quyết tại ngày 14/06/2024" in lines["CR-A"]
        assert "hạn 21/06/2024 (20 ngày): đang giải quyết, còn trong hạn" in lines["CR-B"]
        assert "tạm đình chỉ việc giải quyết" in lines["CR-C"]
        assert "không tính là đã giải quyết" in lines["CR-C"]
        assert not any("vẫn chưa giải quyết" in line for line in lines.values())

    def test_on_time_unchanged(self, not_resolving: Evaluation) -> None:
        """Only final decisions are judged: E on time, F late: 1/2."""
        total = not_resolving["reports.on_time"].total
        assert (total.numerator, total.denominator) == (1, 2)

    def test_decision_breakdown_has_no_suspension(self, not_resolving: Evaluation) -> None:
        """The numerator by decision: E and F, both khởi tố."""
        cells = not_resolving["reports.resolved"].total.disaggregations["decision"]
        assert {c: cell.numerator for c, cell in cells.items()} == {"khoi_to": 2}


class TestSuspensionResolves:
    """``suspension_counts_as_resolved`` true."""

    def test_resolved(self, resolving: Evaluation) -> None:
        """D, suspended since before the period, was resolved then: 7 to resolve.

        Pending at the start H (resumed in the period) = 1; received 6. Resolved: E, F
        and the suspensions in the period C, G = 4/7. Suspended 2, within B, overdue A, H:
        1 + 1 + 2 + 1 + 2 = 7.
        """
        total = resolving["reports.resolved"].total
        assert (total.numerator, total.denominator) == (4, 7)
        figures = total.figures
        expected = (1, 6, 1, 1, 2, 1, 2)
        keys = (
            "pending_at_start",
            "received_in_period",
            "decided_on_time",
            "decided_late",
            "suspended_at_end",
            "pending_within_limit",
            "overdue_at_end",
        )
        assert expected == tuple(figures[k] for k in keys)
        cells = total.disaggregations["decision"]
        assert {c: cell.numerator for c, cell in cells.items()} == {"khoi_to": 2, "tam_dinh_chi": 2}
        assert total.explanation.in_progress_count == 1  # CR-B only

    def test_on_time(self, resolving: Evaluation) -> None:
        """E on time, F late; C suspended 04-10 within its limit 04-22, G on 05-01 after it.

        2/4; G fails with the limit it missed, 22/04/2024 (Art. 147(1): 20 days from
        2024-04-01 end on 04-21, a Sunday).
        """
        total = resolving["reports.on_time"].total
        assert (total.numerator, total.denominator) == (2, 4)
        assert total.explanation.counted_ids == ("CR-C", "CR-E")
        failures = {e.record_id: e.text() for e in total.explanation.failures}
        expected = (
            "CR-G: received 01/04/2024; handling suspended on 01/05/2024 (tạm đình chỉ),"
            " after its limit 22/04/2024"
        )
        assert expected == failures["CR-G"]

    def test_overdue_unchanged(self, resolving: Evaluation, not_resolving: Evaluation) -> None:
        """``reports.overdue`` is A and H under both readings; C, D, G suspended apart."""
        for evaluation in (resolving, not_resolving):
            total = evaluation["reports.overdue"].total
            assert (total.numerator, total.figures["suspended_at_end"]) == (2, 3)

    def test_setting_shown(self, resolving: Evaluation, not_resolving: Evaluation) -> None:
        """The evaluation says which reading it applied, in its JSON too."""
        assert resolving.suspension_counts_as_resolved
        assert not not_resolving.suspension_counts_as_resolved
        settings = resolving.to_dict()["settings"]
        assert isinstance(settings, dict)
        assert settings["suspension_counts_as_resolved"] is True
        assert resolving.settings.suspension_counts_as_resolved is True

    def test_plan_reading(self) -> None:
        """The plan's ``[evaluation]`` reading applies when the caller gives none."""
        readings = attrs.evolve(PLAN.evaluation, suspension_counts_as_resolved=True)
        plan = attrs.evolve(PLAN, evaluation=readings)
        total = evaluate(plan, DATA, PERIOD, indicators=INDICATORS)["reports.resolved"].total
        assert (total.numerator, total.denominator) == (4, 7)

    def test_partitions_merge(self, resolving: Evaluation) -> None:
        """Partitions merge into the whole, the reading kept."""
        first = Dataset(crime_reports=REPORTS[:4])
        second = Dataset(crime_reports=REPORTS[4:])
        parts = [
            evaluate(PLAN, d, PERIOD, indicators=INDICATORS, suspension_counts_as_resolved=True)
            for d in (first, second)
        ]
        assert parts[0].merge(parts[1]).to_json() == resolving.to_json()
