"""Tests for the engine: placement of records, aggregation, crosswalk, modes, merging.

Expected values are worked out by hand from the records of ``indicator_scenario`` (period
2024-H1, 2023-12-15 .. 2024-06-14) or of the small datasets built in each test.
"""

from __future__ import annotations

import datetime as dt
import pickle
import random
from typing import TYPE_CHECKING

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.indicators.indicator_scenario import (
    DATASET,
    PERIOD,
    PLAN,
    report,
    span,
    subject,
)
from threeno.errors import LanguageError, UnitError, ValidationError
from threeno.indicators.catalogue import CATALOGUE
from threeno.indicators.engine import evaluate, evaluate_records
from threeno.indicators.results import Evaluation, Status
from threeno.io.datasets import load_dataset
from threeno.model.dataset import RECORD_TYPES, Dataset
from threeno.model.enums import Decision, SubjectCategory
from threeno.model.units import UnitRegistry
from threeno.plans import load_plan
from threeno.testing.strategies import datasets
from threeno.testing.synthetic import demo_path, generate

if TYPE_CHECKING:
    from threeno.indicators.explanation import ExplainMode
    from threeno.model.dataset import Record

D = dt.date
PLAN_2026 = load_plan("doan-ket-tan-phong-2026")
YEAR_2026 = PLAN_2026.period("2026")  # 2025-12-15 .. 2026-12-14


def records_of(data: Dataset) -> dict[str, list[Record]]:
    """The dataset's records as lists, by record type."""
    return {name: list(getattr(data, name)) for name in RECORD_TYPES}


def numbers(result: Evaluation) -> dict[tuple[str, str | None], tuple[int, int | None]]:
    """Every (indicator, unit) -> (numerator, denominator), the total under unit None."""
    found: dict[tuple[str, str | None], tuple[int, int | None]] = {}
    for ind_id in result:
        indicator = result[ind_id]
        found[(ind_id, None)] = (indicator.total.numerator, indicator.total.denominator)
        for code, r in indicator.by_unit.items():
            found[(ind_id, code)] = (r.numerator, r.denominator)
    return found


class TestEvaluate:
    """``evaluate``: every indicator, every unit, the whole area."""

    def test_every_indicator_of_the_plan(self) -> None:
        """The 2024 plan names every indicator of the catalogue in its clauses and targets."""
        result = evaluate(PLAN, DATASET, PERIOD)
        assert len(CATALOGUE) == len(result)
        assert "reports.resolved" in result

    def test_every_unit_appears(self) -> None:
        """All seven units appear, with or without data, in the plan's order."""
        result = evaluate(PLAN, DATASET, PERIOD)
        expected = ["03386", "03387", "03388", "03389", "03403", "03408", "03409"]
        assert expected == list(result["reports.resolved"].by_unit)

    def test_shares_sum_numerators_and_denominators(self) -> None:
        """Totals sum numerators and denominators, never average shares.

        reports.classified: QT 5/7 and TP 2/2 make 7/9 = 0.777..., not the average of
        the shares, (5/7 + 1) / 2 = 0.857...
        """
        total = evaluate(PLAN, DATASET, PERIOD)["reports.classified"].total
        expected = 7 / 9
        assert expected == total.value
        average = (5 / 7 + 1) / 2
        assert average != total.value

    def test_units_asked_for(self) -> None:
        """Only the units asked for are evaluated; the others' records are not_selected.

        With units 03386 and 03387: only they appear; S-0009 (old Đoàn Kết) is
        not_selected; women under management 4 + 1 = 5; units maintaining the model 1/2.
        """
        result = evaluate(PLAN, DATASET, PERIOD, units=["03387", "03386"])
        expected = ["03386", "03387"]
        assert expected == list(result["subjects.monitored"].by_unit)
        expected_women = 5
        assert expected_women == result["subjects.monitored"].total.value
        expected_units = (1, 2)
        assert expected_units == (
            result["units.model_maintained"].total.numerator,
            result["units.model_maintained"].total.denominator,
        )
        counts = result.data_quality.counts["subjects"]
        expected_placed = (9, 8, 1)
        assert expected_placed == (counts["read"], counts["in_scope"], counts["not_selected"])

    def test_indicators_asked_for(self) -> None:
        """Only the indicators asked for, in the order asked."""
        result = evaluate(PLAN, DATASET, PERIOD, indicators=["reports.overdue", "cases.missed"])
        expected = ["reports.overdue", "cases.missed"]
        assert expected == list(result)

    def test_count_receipt_day(self) -> None:
        """Counting the day of receipt as day 1 is a setting that changes the limit.

        Received Wednesday 2024-03-06, decided Tuesday 2024-03-26. Without the day of
        receipt, 20 days end on 03-26: on time. With it as day 1, they end on Monday
        03-25: late (Art. 134, an unverified reading, hence the setting).
        """
        data = Dataset(
            crime_reports=[
                report("CR-1", D(2024, 3, 6), decision=Decision.KHOI_TO, decided=D(2024, 3, 26))
            ]
        )
        ids = ["reports.on_time"]
        usual = evaluate(PLAN, data, PERIOD, indicators=ids)["reports.on_time"].total
        counted = evaluate(PLAN, data, PERIOD, indicators=ids, count_receipt_day=True)
        expected = (1, 0)
        assert expected == (usual.numerator, counted["reports.on_time"].total.numerator)
        assert counted.count_receipt_day

    def test_data_quality(self) -> None:
        """Every record is placed, and those left out are counted by reason and listed.

        Every record is placed: CR-0013 carries the city's code (a unit, not the plan's),
        CR-0014 a code no unit of the registry has at any date; OE-0003 was held by the
        city. Left out: 3, two outside the plan's units and one unknown.
        """
        result = evaluate(PLAN, DATASET, PERIOD)
        quality = result.data_quality
        reports = quality.counts["crime_reports"]
        expected = {
            "read": 14,
            "in_scope": 12,
            "crosswalked": 0,
            "not_selected": 0,
            "out_of_scope": 1,
            "not_valid_on_date": 0,
            "unknown_unit": 1,
        }
        assert expected == reports
        expected_submissions = {"read": 6}
        assert expected_submissions == quality.counts["report_submissions"]
        expected_issues = [
            (
                "crime report CR-0013: unit code 105 (Thành phố Lai Châu) on 01/02/2024:"
                " outside the plan's units"
            ),
            "crime report CR-0014: unit code 03391 is in no unit of the register",
            (
                "outreach event OE-0003: unit code 105 (Thành phố Lai Châu) on 05/05/2024:"
                " outside the plan's units"
            ),
        ]
        assert expected_issues == [issue.text() for issue in quality.issues]
        expected_left_out = (3, {"out_of_scope": 2, "not_valid_on_date": 0, "unknown_unit": 1})
        assert expected_left_out == (quality.left_out, quality.left_out_by_reason)
        expected_warning = {
            "code": "records_left_out",
            "params": {"count": 3, "not_valid_on_date": 0, "out_of_scope": 2, "unknown_unit": 1},
        }
        assert [expected_warning] == [w.to_dict() for w in result.warnings]

    def test_data_quality_explained(self) -> None:
        """The data-quality section in words: what was left out, placements, each issue."""
        lines = evaluate(PLAN, DATASET, PERIOD).data_quality.explain().splitlines()
        expected_head = (
            "Records left out for their unit: 3 (outside the plan's units 2, unknown unit code 1)"
        )
        assert expected_head == lines[0]
        expected = (
            "Crime reports: read 14, in scope 12, outside the plan's units 1, unknown unit code 1"
        )
        assert expected == lines[2]
        expected_subjects = "Monitored subjects: read 9, in scope 9"
        assert expected_subjects == lines[1]
        expected_issue = "- crime report CR-0014: unit code 03391 is in no unit of the register"
        assert expected_issue in lines

    def test_data_quality_explained_in_vietnamese(self) -> None:
        """The same in Vietnamese: record types and placements by their Vietnamese names."""
        lines = evaluate(PLAN, DATASET, PERIOD).data_quality.explain("vi").splitlines()
        expected = [
            (
                "Bản ghi không được tính vì đơn vị: 3 (ngoài phạm vi kế hoạch 2,"
                " mã đơn vị không xác định 1)"
            ),
            "Người thuộc diện quản lý: đọc 9, trong phạm vi 9",
            (
                "Tố giác, tin báo về tội phạm, kiến nghị khởi tố: đọc 14, trong phạm vi 12,"
                " ngoài phạm vi kế hoạch 1, mã đơn vị không xác định 1"
            ),
        ]
        assert expected == lines[:3]
        expected_issue = (
            "- tố giác, tin báo về tội phạm, kiến nghị khởi tố CR-0013: mã đơn vị 105"
            " (Thành phố Lai Châu) ngày 01/02/2024: ngoài phạm vi kế hoạch"
        )
        assert expected_issue in lines

    def test_plan_without_units_in_force(self) -> None:
        """The 2024 plan's units ended on 2025-06-30: it has no unit at the end of 2026."""
        with pytest.raises(
            UnitError, match="plan lai-chau-2024 has no unit in force on 2026-12-14"
        ):
            evaluate(PLAN, DATASET, PLAN.period("2026"))


class TestCrosswalk:
    """Records of the units merged on 2025-07-01, read for the two new wards."""

    # Registered before 2025-07-01 in the old Đoàn Kết (03389), in Quyết Tiến (the old
    # 03388) and in San Thàng (03409); after it in the new Đoàn Kết (03388); and once
    # under the city's code (105), which ended without a successor.
    DATA = Dataset(
        subjects=[
            subject("X-1", "03389", D(2024, 3, 1), span(SubjectCategory.POOR, D(2024, 3, 1))),
            subject("X-2", "03388", D(2024, 3, 1), span(SubjectCategory.POOR, D(2024, 3, 1))),
            subject("X-3", "03409", D(2024, 5, 1), span(SubjectCategory.POOR, D(2024, 5, 1))),
            subject("X-4", "03388", D(2025, 8, 1), span(SubjectCategory.POOR, D(2025, 8, 1))),
            subject("X-5", "105", D(2024, 1, 1), span(SubjectCategory.POOR, D(2024, 1, 1))),
        ]
    )
    OLD_AND_NEW = UnitRegistry.lai_chau()

    def run(self, *, crosswalk: bool, registry: UnitRegistry | None = None) -> Evaluation:
        """Women under management at the end of 2026, by ward."""
        return evaluate(
            PLAN_2026,
            self.DATA,
            YEAR_2026,
            indicators=["subjects.monitored"],
            crosswalk=crosswalk,
            registry=registry,
        )

    def test_without_crosswalk(self) -> None:
        """Only X-4 counts (new Đoàn Kết); X-1..X-3 are old units, X-5 the city: out of scope."""
        result = self.run(crosswalk=False, registry=self.OLD_AND_NEW)
        by_unit = {c: r.value for c, r in result["subjects.monitored"].by_unit.items()}
        expected = {"03388": 1, "03408": 0}
        assert expected == by_unit
        counts = result.data_quality.counts["subjects"]
        expected_placed = (1, 0, 4)
        assert expected_placed == (
            counts["in_scope"],
            counts["crosswalked"],
            counts["out_of_scope"],
        )
        assert not result.crosswalk_applied

    def test_with_crosswalk(self) -> None:
        """Old units' records are counted in the ward they were merged into.

        Đoàn Kết: X-1 (old Đoàn Kết), X-2 (Quyết Tiến), X-4 = 3; Tân Phong: X-3 (San
        Thàng) = 1. X-5 stays out of scope. The mappings used are listed.
        """
        result = self.run(crosswalk=True, registry=self.OLD_AND_NEW)
        by_unit = {c: r.value for c, r in result["subjects.monitored"].by_unit.items()}
        expected = {"03388": 3, "03408": 1}
        assert expected == by_unit
        assert result.crosswalk_applied
        uses = [
            (u.from_code, u.from_name, u.to_code, u.records) for u in result.data_quality.crosswalk
        ]
        expected_uses = [
            ("03388", "Phường Quyết Tiến", "03388", {"subjects": 1}),
            ("03389", "Phường Đoàn Kết", "03388", {"subjects": 1}),
            ("03409", "Xã San Thàng", "03408", {"subjects": 1}),
        ]
        assert expected_uses == uses
        expected_issues = ["X-5"]
        assert expected_issues == [i.record_id for i in result.data_quality.issues]

    def test_plan_registry_holds_the_old_units(self) -> None:
        """The 2026 plan's own registry holds the old units, so it crosswalks alone.

        Its related_units list the city (105) and its seven communes and wards until
        2025-06-30 with their successors: X-1, X-2 and X-3 are crosswalked as with the
        bundled Lai Châu table (Đoàn Kết 3, Tân Phong 1), X-4 is in scope, and X-5 (the
        city, ended without a successor) is a unit but not the plan's: out of scope.
        """
        result = self.run(crosswalk=True)
        by_unit = {c: r.value for c, r in result["subjects.monitored"].by_unit.items()}
        assert by_unit == {"03388": 3, "03408": 1}
        counts = result.data_quality.counts["subjects"]
        expected = (1, 3, 1, 0)
        assert expected == (
            counts["in_scope"],
            counts["crosswalked"],
            counts["out_of_scope"],
            counts.get("unknown_unit", 0),
        )

    def test_registry_without_old_units(self) -> None:
        """A registry of the new wards only: old codes are unknown, or not valid on their date.

        The units of the 2026 plan's registry still in force: Tỉnh Lai Châu (12) and the
        two wards from 2025-07-01. X-4 is in scope; X-2's code 03388 is a ward of that
        registry, but only from 2025-07-01, not on 2024-03-01 (not valid on its date);
        X-1 (03389), X-3 (03409) and X-5 (105) have codes no unit of it has: unknown.
        """
        new_only = UnitRegistry(tuple(u for u in PLAN_2026.registry if u.valid_to is None))
        result = self.run(crosswalk=True, registry=new_only)
        quality = result.data_quality
        counts = quality.counts["subjects"]
        expected = (1, 1, 3)
        assert expected == (counts["in_scope"], counts["not_valid_on_date"], counts["unknown_unit"])
        issue = next(i for i in quality.issues if i.record_id == "X-2")
        expected_text = (
            "monitored subject X-2: unit code 03388 (Phường Đoàn Kết) is not in force on 01/03/2024"
        )
        assert (issue.problem, issue.text()) == ("not_valid_on_date", expected_text)
        expected_vi = (
            "người thuộc diện quản lý X-2: mã đơn vị 03388 (Phường Đoàn Kết) không có hiệu lực"
            " ngày 01/03/2024"
        )
        assert expected_vi == issue.text("vi")
        expected_left_out = {"out_of_scope": 0, "not_valid_on_date": 1, "unknown_unit": 3}
        assert (4, expected_left_out) == (quality.left_out, quality.left_out_by_reason)


class TestExplain:
    """``IndicatorResult.explain``: the numbers and every record behind them, in words."""

    def test_english(self) -> None:
        """The on-time share of Quyết Thắng, as an official reads it."""
        text = evaluate(PLAN, DATASET, PERIOD)["reports.on_time"].by_unit["03386"].explain()
        expected = (
            "reports.on_time: Share of crime reports resolved within the time limit\n"
            "Unit: 03386 Phường Quyết Thắng; period: first half of 2024"
            " (15/12/2023 – 14/06/2024)\n"
            "Numerator: decided within the statutory time limit: 3\n"
            "Denominator: finally decided in the period: 4\n"
            "Value: 3/4 = 75.0%; target at least 100% (I.3; the software's reading, not set by"
            " the plan): not met\n"
            "Records considered: 4\n"
            "Figures: about other offences (not counted) 0\n"
            "Counted (3):\n"
            "- CR-0001: received 01/12/2023, limit 21/12/2023 (20 days), decided 20/12/2023\n"
            "- CR-0005: received 20/02/2024, limit 02/05/2024 (1 month from resumption on"
            " 2024-04-01, moved past International Labor Day), decided 02/05/2024\n"
            "- CR-0006: received 02/01/2024, limit 22/01/2024 (20 days), decided 10/01/2024\n"
            "Not counted (1):\n"
            "- CR-0017: received 25/01/2024, limit 15/02/2024 (20 days, moved past Tết),"
            " decided 20/02/2024"
        )
        assert expected == text

    def test_vietnamese(self) -> None:
        """The same in Vietnamese: dates day/month/year, a decimal comma."""
        lines = evaluate(PLAN, DATASET, PERIOD)["reports.on_time"].by_unit["03386"].explain("vi")
        assert (
            "Kết quả: 3/4 = 75,0%; chỉ tiêu không thấp hơn 100% (I.3; theo cách hiểu của phần"
            " mềm, Kế hoạch không quy định): chưa đạt" in lines.splitlines()
        )
        expected = (
            "- CR-0017: tiếp nhận ngày 25/01/2024, hạn 15/02/2024 (20 ngày, chuyển sang ngày làm"
            " việc sau Tết), giải quyết ngày 20/02/2024"
        )
        assert expected in lines.splitlines()

    def test_total_names_units(self) -> None:
        """For the whole area each line names its unit."""
        text = evaluate(PLAN, DATASET, PERIOD)["reports.overdue"].total.explain()
        assert (
            "- CR-0007 (03386): received 10/05/2024, limit 30/05/2024 (20 days),"
            " still pending at 14/06/2024" in text.splitlines()
        )
        assert (
            "Unit: whole area (7 units); period: first half of 2024 (15/12/2023 – 14/06/2024)"
            in text
        )

    def test_unknown_language(self) -> None:
        """Explanations exist in Vietnamese and English only."""
        with pytest.raises(LanguageError):
            evaluate(PLAN, DATASET, PERIOD)["cases.missed"].total.explain("fr")  # type: ignore[arg-type]


class TestExplainModes:
    """How much each mode keeps; the numbers are the same in every mode."""

    def test_numbers_equal_in_every_mode(self) -> None:
        """The explanation mode changes what is kept, never what is counted."""
        modes: list[ExplainMode] = ["all", "failures", "none"]
        found = [numbers(evaluate(PLAN, DATASET, PERIOD, explain=m)) for m in modes]
        assert found[0] == found[1] == found[2]

    def test_failures_mode(self) -> None:
        """``failures`` keeps the failing records and, for overdue, the records counted."""
        result = evaluate(PLAN, DATASET, PERIOD, explain="failures")
        on_time = result["reports.on_time"].total
        expected = ((), ("CR-0017",))
        assert expected == (on_time.explanation.counted, on_time.explanation.failure_ids)
        expected_overdue = ("CR-0007",)
        assert expected_overdue == result["reports.overdue"].total.explanation.counted_ids
        assert "- 4 more not listed (explain='failures')" in on_time.explain().splitlines()

    def test_none_mode(self) -> None:
        """``none`` keeps no entry and no issue, and says so."""
        result = evaluate(PLAN, DATASET, PERIOD, explain="none")
        on_time = result["reports.on_time"].total
        expected = ((), ())
        assert expected == (on_time.explanation.counted, on_time.explanation.failures)
        expected_last_line = "Records not kept (explain='none')."
        assert expected_last_line == on_time.explain().splitlines()[-1]
        expected_issues = ()
        assert expected_issues == result.data_quality.issues


class TestDeterminism:
    """The same records in any order give equal evaluations and byte-identical JSON."""

    def test_shuffled(self) -> None:
        """Records shuffled within each type, fed as generators."""
        whole = evaluate(PLAN, DATASET, PERIOD)
        records = records_of(DATASET)
        for seed in range(5):
            rng = random.Random(seed)  # noqa: S311 - shuffles test data, no secret
            shuffled = {name: rng.sample(items, len(items)) for name, items in records.items()}
            names = rng.sample(list(shuffled), len(shuffled))  # types in any order too
            again = evaluate_records(
                PLAN, {n: iter(shuffled[n]) for n in names}, PERIOD, explain="all"
            )
            assert whole == again
            assert whole.to_json() == again.to_json()


def partitions(data: Dataset, parts: int, seed: int) -> list[dict[str, list[Record]]]:
    """The records split at random into ``parts`` disjoint partitions."""
    rng = random.Random(seed)  # noqa: S311 - shuffles test data, no secret
    split: list[dict[str, list[Record]]] = [{n: [] for n in RECORD_TYPES} for _ in range(parts)]
    for name, items in records_of(data).items():
        for item in items:
            split[rng.randrange(parts)][name].append(item)
    return split


class TestMerge:
    """Partial evaluations of disjoint records merge into the whole."""

    @pytest.mark.parametrize("explain", ["all", "failures", "none"])
    def test_partitions_merge_to_the_whole(self, explain: ExplainMode) -> None:
        """Three random partitions, merged in two orders, equal one evaluation of all.

        The joins cross partitions: a woman and the event that reached her, a victim and
        her support, may fall in different partitions.
        """
        whole = evaluate(PLAN, DATASET, PERIOD, explain=explain)
        for seed in range(4):
            parts = [
                evaluate_records(PLAN, p, PERIOD, explain=explain)
                for p in partitions(DATASET, 3, seed)
            ]
            left = parts[0].merge(parts[1]).merge(parts[2])
            right = parts[2].merge(parts[0].merge(parts[1]))
            assert whole.to_json() == left.to_json() == right.to_json()
            assert whole == left

    def test_partitions_by_record_type(self) -> None:
        """Partitions split by record type merge into the whole.

        One partition holds the subjects only, the other everything else: the women and
        the events that reached them meet only in the merge.
        """
        records = records_of(DATASET)
        people = {"subjects": records["subjects"]}
        rest = {name: items for name, items in records.items() if name != "subjects"}
        merged = evaluate_records(PLAN, people, PERIOD).merge(evaluate_records(PLAN, rest, PERIOD))
        whole = evaluate(PLAN, DATASET, PERIOD, explain="failures")
        assert whole.to_json() == merged.to_json()

    def test_merge_does_not_change_its_inputs(self) -> None:
        """Merging gives a new evaluation; both inputs keep their numbers."""
        first, second = (evaluate_records(PLAN, p, PERIOD) for p in partitions(DATASET, 2, 0))
        before = (first.to_json(), second.to_json())
        first.merge(second)
        first.merge(second)
        assert before == (first.to_json(), second.to_json())

    def test_pickled_partitions_merge(self) -> None:
        """Evaluations survive pickling (as from worker processes) and still merge."""
        first, second = (evaluate_records(PLAN, p, PERIOD) for p in partitions(DATASET, 2, 1))
        restored = [pickle.loads(pickle.dumps(e)) for e in (first, second)]  # noqa: S301 - our own bytes
        merged = restored[0].merge(restored[1])
        assert evaluate(PLAN, DATASET, PERIOD, explain="failures").to_json() == merged.to_json()

    def test_different_settings_refused(self) -> None:
        """Evaluations of different periods (or settings) do not merge."""
        first = evaluate(PLAN, DATASET, PERIOD)
        other = evaluate(PLAN, DATASET, PLAN.period("2024"))
        with pytest.raises(
            ValidationError, match=r"^Evaluation\.period: the two evaluations differ"
        ):
            first.merge(other)
        with pytest.raises(
            ValidationError, match=r"^Evaluation\.merge: can only merge an Evaluation"
        ):
            first.merge("x")  # type: ignore[arg-type]


class TestDemoData:
    """Both bundled plans evaluate on the testing kit's data."""

    def test_2024_plan_on_the_demo_dataset(self) -> None:
        """The demo dataset is the 2024 plan's: every record with a unit is in scope."""
        data, _ = load_dataset(demo_path())
        result = evaluate(PLAN, data, PLAN.reporting_year, explain="failures")
        assert len(CATALOGUE) == len(result)
        for name, counts in result.data_quality.counts.items():
            assert counts["read"] == counts.get("in_scope", counts["read"]), name

    def test_2026_plan_on_its_synthetic_data(self) -> None:
        """The 2026 example plan evaluates on data generated for it, in its two wards."""
        data = generate(PLAN_2026, seed=7, scale=0.2)
        result = evaluate(PLAN_2026, data, YEAR_2026, explain="none")
        expected = ["03388", "03408"]
        assert expected == list(result["reports.received"].by_unit)
        expected_out = 0
        assert expected_out == result.data_quality.counts["subjects"]["out_of_scope"]

    def test_2026_plan_on_the_2024_demo_with_crosswalk(self) -> None:
        """With the crosswalk, the 2024 demo's subjects are placed in the new wards.

        Women registered in 2023-2024 are still managed in 2026: every subject of the
        demo is counted in one of the two wards their commune was merged into.
        """
        data, _ = load_dataset(demo_path())
        result = evaluate(
            PLAN_2026,
            data,
            YEAR_2026,
            indicators=["subjects.monitored"],
            crosswalk=True,
            registry=UnitRegistry.lai_chau(),
        )
        counts = result.data_quality.counts["subjects"]
        assert counts["read"] == counts["crosswalked"]


class TestStatus:
    """Statuses against the plan's targets."""

    def test_no_data_wins_over_no_target(self) -> None:
        """units.safe has no target in the plan; a unit with no assessment has no data."""
        result = evaluate(PLAN, DATASET, PERIOD)["units.safe"]
        expected = (Status.NO_DATA, Status.NO_TARGET)
        assert expected == (
            result.by_unit["03403"].status,
            result.total.status,
        )

    def test_met(self) -> None:
        """Quyết Thắng maintains the model: 1/1 meets the target == 100% (I.5)."""
        result = evaluate(PLAN, DATASET, PERIOD)["units.model_maintained"].by_unit["03386"]
        expected = (1.0, Status.MET)
        assert expected == (result.value, result.status)


PROPERTY_PLAN = PLAN
PROPERTY_PERIOD = PLAN.period("2024")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=datasets(PROPERTY_PLAN, PROPERTY_PERIOD, max_size=8), seed=st.integers(0, 2**16))
def test_property_order_and_partitions(data: Dataset, seed: int) -> None:
    """Any dataset: shuffled, or split in two and merged, gives the same JSON."""
    whole = evaluate(PROPERTY_PLAN, data, PROPERTY_PERIOD)
    rng = random.Random(seed)  # noqa: S311 - shuffles test data, no secret
    shuffled = {n: rng.sample(items, len(items)) for n, items in records_of(data).items()}
    assert (
        whole.to_json()
        == evaluate_records(PROPERTY_PLAN, shuffled, PROPERTY_PERIOD, explain="all").to_json()
    )
    first, second = (
        evaluate_records(PROPERTY_PLAN, p, PROPERTY_PERIOD, explain="all")
        for p in partitions(data, 2, seed)
    )
    assert whole.to_json() == second.merge(first).to_json()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=datasets(PROPERTY_PLAN, PROPERTY_PERIOD, max_size=8))
def test_property_totals_and_shares(data: Dataset) -> None:
    """Totals, shares, statuses and explanations hold together for any dataset.

    Totals sum the units (records considered too); a result is no data exactly when no
    record was considered or, for a share, its denominator is 0, and then a share's value
    is None and a count's 0; otherwise a share is in [0, 1]; every record counted or
    failing is listed in ``all`` mode.
    """
    result = evaluate(PROPERTY_PLAN, data, PROPERTY_PERIOD)
    for ind_id in result:
        indicator = result[ind_id]
        total = indicator.total
        if indicator.by_unit:
            assert total.numerator == sum(r.numerator for r in indicator.by_unit.values())
            assert total.records_considered == sum(
                r.records_considered for r in indicator.by_unit.values()
            )
            assert total.figures == {
                k: sum(r.figures[k] for r in indicator.by_unit.values()) for k in total.figures
            }
        for r in (total, *indicator.by_unit.values()):
            assert len(r.explanation.counted) == r.numerator
            no_data = not r.has_data or r.denominator == 0
            assert no_data == (r.status is Status.NO_DATA)
            assert r.records_considered >= r.numerator
            if r.denominator is None:
                assert r.value == r.numerator
                continue
            # Every record of the denominator not counted fails or is in progress (a
            # report within its limit, or suspended: reports.resolved).
            explanation = r.explanation
            assert len(explanation.in_progress) == explanation.in_progress_count
            assert len(explanation.failures) + explanation.in_progress_count == (
                r.denominator - r.numerator
            )
            if no_data:
                assert r.value is None
            else:
                assert r.value is not None
                assert 0 <= r.value <= 1


def test_results_are_frozen() -> None:
    """Results cannot be changed after the fact."""
    result = evaluate(PLAN, DATASET, PERIOD)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        result["cases.missed"].total.numerator = 0  # type: ignore[misc]
