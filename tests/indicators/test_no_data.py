"""No data is never met: a result with no record behind it says *no data*, whatever its target.

Every counting rule names the records it considers for the period (its universe, see the
docstrings of :mod:`threeno.indicators.counting`). The expected values below are worked
by hand from the few records of each test, for the 2024 plan's first half year
(2023-12-15 .. 2024-06-14), whose targets for ``reports.overdue``, ``cases.wrongful`` and
``cases.missed`` are ``== 0`` (clause I.3) and for ``units.model_maintained`` ``== 100%``
(I.5) and ``reporting.completeness`` ``>= 100%`` (IV.2).
"""

from __future__ import annotations

import datetime as dt

from tests.indicators.indicator_scenario import (
    CITY,
    OUTSIDE,
    PERIOD,
    PLAN,
    QT,
    TP,
    report,
    review,
    submission,
)
from threeno.indicators import ALL_INDICATORS
from threeno.indicators.engine import evaluate
from threeno.indicators.results import Evaluation, IndicatorResult, Status
from threeno.model.crime import CriminalCase
from threeno.model.dataset import Dataset
from threeno.model.enums import Decision, ReviewKind

D = dt.date
ADVERSE = ["reports.overdue", "cases.wrongful", "cases.missed"]


def every_result(result: Evaluation) -> list[IndicatorResult]:
    """The total and every unit's result of every indicator."""
    found: list[IndicatorResult] = []
    for ind_id in result:
        indicator = result[ind_id]
        found += [indicator.total, *indicator.by_unit.values()]
    return found


class TestEmptyDataset:
    """No record at all: every indicator, every unit and the total, has no data."""

    def test_every_result_is_no_data(self) -> None:
        """18 indicators; 16 of them by 7 units plus the total, 2 agency-level: 130 results.

        16 x (7 + 1) + 2 x 1 = 130, each with no record considered and status no data,
        counts at 0, shares at None (the two reporting shares expect 5 reports each from
        the plan's agencies, 5 in the denominator, but no submission was given).
        """
        result = evaluate(PLAN, Dataset(), PERIOD, indicators=ALL_INDICATORS)
        results = every_result(result)
        expected_results = 130
        assert expected_results == len(results)
        for r in results:
            assert (r.records_considered, r.has_data, r.status) == (0, False, Status.NO_DATA)
            expected_value = 0 if r.denominator is None else None
            assert expected_value == r.value, r
        expected_denominator = 5
        assert expected_denominator == result["reporting.completeness"].total.denominator

    def test_json_says_no_data(self) -> None:
        """The JSON carries records_considered and has_data beside the status."""
        total = evaluate(PLAN, Dataset(), PERIOD, indicators=["reports.overdue"])[
            "reports.overdue"
        ].total
        found = total.to_dict()
        expected = {"records_considered": 0, "has_data": False, "status": "no_data", "value": 0}
        assert expected == {key: found[key] for key in expected}


class TestAllLeftOut:
    """Records there, but all left out for their unit: the adverse counts are no data."""

    DATA = Dataset(
        crime_reports=[
            # Pending past its limit in the city (a unit, not the plan's): would be overdue.
            report("CR-A", D(2024, 2, 1), unit=CITY),
            # A no-case decision overturned in the period, under a code no unit has.
            report(
                "CR-B",
                D(2024, 1, 5),
                unit=OUTSIDE,
                decision=Decision.KHONG_KHOI_TO,
                decided=D(2024, 1, 20),
                reopened=D(2024, 3, 1),
            ),
        ],
        criminal_cases=[
            CriminalCase(
                id="CC-A",
                offence_article=150,
                unit_code=CITY,
                opened_on=D(2024, 1, 10),
                wrongful_on=D(2024, 5, 1),
            )
        ],
    )

    def test_no_data_not_met(self) -> None:
        """0 of each, with nothing in scope behind the 0: no data, where it said met before.

        Left out: CR-A and CC-A (the city's code 105: outside the plan's units), CR-B
        (03391: in no unit of the 2024 registry) = 3.
        """
        result = evaluate(PLAN, self.DATA, PERIOD, indicators=ADVERSE)
        for ind_id in ADVERSE:
            for r in (result[ind_id].total, *result[ind_id].by_unit.values()):
                assert (r.value, r.records_considered, r.status) == (0, 0, Status.NO_DATA)
        expected_left_out = (3, {"out_of_scope": 2, "not_valid_on_date": 0, "unknown_unit": 1})
        quality = result.data_quality
        assert expected_left_out == (quality.left_out, quality.left_out_by_reason)


class TestOneRecordInScope:
    """One record of the kind in scope: the target decides, met or not met."""

    def test_pending_within_its_limit_is_met(self) -> None:
        """One report pending at the end but within its limit: 0 overdue, met.

        CR-1, Quyết Thắng, received Saturday 2024-06-01: 20 days end on Friday 2024-06-21,
        after the end (06-14). Considered 1 (received by the end, not decided before the
        start), overdue 0: == 0 is met in Quyết Thắng and in the total; the six other
        units considered nothing: no data.
        """
        data = Dataset(crime_reports=[report("CR-1", D(2024, 6, 1))])
        result = evaluate(PLAN, data, PERIOD, indicators=["reports.overdue"])["reports.overdue"]
        expected = (0, 1, Status.MET)
        total, unit = result.total, result.by_unit[QT]
        assert expected == (total.value, total.records_considered, total.status)
        assert expected == (unit.value, unit.records_considered, unit.status)
        others = {r.status for code, r in result.by_unit.items() if code != QT}
        assert {Status.NO_DATA} == others

    def test_overdue_report_is_not_met(self) -> None:
        """One report pending past its limit: 1 overdue, not met.

        CR-2, received Friday 2024-05-10: 20 days end on Thursday 2024-05-30, before the
        end (06-14), and it is still pending: 1 overdue, == 0 not met.
        """
        data = Dataset(crime_reports=[report("CR-2", D(2024, 5, 10))])
        total = evaluate(PLAN, data, PERIOD, indicators=["reports.overdue"])[
            "reports.overdue"
        ].total
        expected = (1, 1, Status.NOT_MET)
        assert expected == (total.value, total.records_considered, total.status)

    def test_report_decided_long_ago(self) -> None:
        """A report decided before the period counts for cases.missed, not for overdue.

        CR-3, Tân Phong, received 2023-11-01, không khởi tố on 2023-11-20, never reopened.
        cases.missed considers every report received by the end: 1, none reopened: 0, met.
        reports.overdue considers only reports not finally decided before the start: 0,
        no data.
        """
        data = Dataset(
            crime_reports=[
                report(
                    "CR-3",
                    D(2023, 11, 1),
                    unit=TP,
                    decision=Decision.KHONG_KHOI_TO,
                    decided=D(2023, 11, 20),
                )
            ]
        )
        result = evaluate(PLAN, data, PERIOD, indicators=["cases.missed", "reports.overdue"])
        missed, overdue = result["cases.missed"].by_unit[TP], result["reports.overdue"].by_unit[TP]
        expected = ((0, 1, Status.MET), (0, 0, Status.NO_DATA))
        assert expected == (
            (missed.value, missed.records_considered, missed.status),
            (overdue.value, overdue.records_considered, overdue.status),
        )

    def test_case_not_wrongful_is_met(self) -> None:
        """One case opened in the period, never found wrongful: 0 wrongful, met.

        CC-1, Quyết Thắng, opened 2024-01-10: considered 1 (opened by the end), wrongful 0:
        == 0 is met.
        """
        case = CriminalCase(id="CC-1", offence_article=150, unit_code=QT, opened_on=D(2024, 1, 10))
        data = Dataset(criminal_cases=[case])
        total = evaluate(PLAN, data, PERIOD, indicators=["cases.wrongful"])["cases.wrongful"].total
        expected = (0, 1, Status.MET)
        assert expected == (total.value, total.records_considered, total.status)


class TestSharesWithADenominatorButNoData:
    """Shares whose denominator is not made of records: no record, no data."""

    def test_model_maintained(self) -> None:
        """One review in Quyết Thắng: it meets 1/1; the others have no data; the area 1/7.

        MR-1, a sơ kết of 2024-03-01 in Quyết Thắng, finds the model maintained. Every unit
        stays in the denominator (a unit without a review fails the plan's 07/07), so the
        area is 1/7, not met; but a unit without a review has no record considered: no
        data, value None, not 0%.
        """
        data = Dataset(
            model_reviews=[review("MR-1", QT, D(2024, 3, 1), ReviewKind.SO_KET, maintained=True)]
        )
        result = evaluate(PLAN, data, PERIOD, indicators=["units.model_maintained"])
        found = result["units.model_maintained"]
        expected_total = (1, 7, 1 / 7, Status.NOT_MET)
        total = found.total
        assert expected_total == (total.numerator, total.denominator, total.value, total.status)
        expected_qt = (1.0, Status.MET)
        assert expected_qt == (found.by_unit[QT].value, found.by_unit[QT].status)
        tp = found.by_unit[TP]
        expected_tp = (0, 1, None, Status.NO_DATA)
        assert expected_tp == (tp.numerator, tp.denominator, tp.value, tp.status)
        expected_text = "0/1: no data (no record to count)"
        assert expected_text == tp.value_text()

    def test_reporting(self) -> None:
        """One report of five expected was submitted: 1/5, not met; with none, no data.

        2024-H1 expects one report from each of the plan's 5 reporting agencies. RS-1 from
        cong-an-tp: 1/5 = 20%, >= 100% not met.
        """
        data = Dataset(
            report_submissions=[submission("RS-1", "cong-an-tp", "2024-H1", D(2024, 6, 18))]
        )
        total = evaluate(PLAN, data, PERIOD, indicators=["reporting.completeness"])[
            "reporting.completeness"
        ].total
        expected = (1, 5, 0.2, 1, Status.NOT_MET)
        assert expected == (
            total.numerator,
            total.denominator,
            total.value,
            total.records_considered,
            total.status,
        )
