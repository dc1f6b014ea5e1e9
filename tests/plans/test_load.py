"""Loading the bundled plans, and what a loaded plan answers."""

from __future__ import annotations

import datetime as dt
import json
from importlib.resources import files
from pathlib import Path

import pytest

from threeno.errors import PlanError
from threeno.io.converter import CONVERTER
from threeno.io.plans import check_plan, read_plan
from threeno.model.activities import ModelReview
from threeno.model.dataset import Dataset
from threeno.model.enums import ReviewKind, SloganItem
from threeno.model.period import Convention, PeriodKind, ReportingPeriod
from threeno.model.plan import Plan, ReportKind
from threeno.plans import available, load_plan, summary

TEMPLATE = Path(str(files("threeno.plans").joinpath("template.toml")))


@pytest.fixture(scope="module")
def plan() -> Plan:
    """The bundled 2024 plan."""
    return load_plan("lai-chau-2024")


@pytest.fixture(scope="module")
def plan_2026() -> Plan:
    """The bundled illustrative 2026 plan."""
    return load_plan("doan-ket-tan-phong-2026")


class TestAvailable:
    """``available()`` lists the bundled plans."""

    def test_bundled_ids(self) -> None:
        """The two bundled plans, sorted; the template is not a plan to load by id."""
        assert available() == ("doan-ket-tan-phong-2026", "lai-chau-2024")


class TestLoadPlan:
    """``load_plan`` by id or by path."""

    def test_seven_units(self, plan: Plan) -> None:
        """I.5: "07/07 xã, phường": the seven communes and wards of the city in 2024."""
        # DOMAIN-FACTS.md, the city's units before 2025-07-01.
        expected = ["03386", "03387", "03388", "03389", "03403", "03408", "03409"]
        assert expected == [u.code for u in plan.units]
        assert expected == [u.code for u in plan.units_in_scope(dt.date(2024, 5, 1))]

    def test_by_path_equals_by_id(self) -> None:
        """The same file read by path gives an equal plan (str or Path)."""
        path = Path(str(files("threeno.plans").joinpath("lai-chau-2024.toml")))
        by_id = load_plan("lai-chau-2024")
        assert by_id == load_plan(path)
        assert by_id == load_plan(str(path))
        assert by_id == read_plan(path)

    def test_unknown_id(self) -> None:
        """An unknown id names the bundled plans."""
        with pytest.raises(PlanError) as excinfo:
            load_plan("ha-noi-2024")
        assert str(excinfo.value) == (
            "no bundled plan 'ha-noi-2024'; bundled plans: doan-ket-tan-phong-2026, "
            "lai-chau-2024 (a plan file's path ends in .toml)"
        )

    def test_missing_file(self, tmp_path: Path) -> None:
        """A path that does not exist is a PlanError naming the file."""
        missing = tmp_path / "nowhere.toml"
        with pytest.raises(PlanError, match=r"cannot read plan file .*nowhere\.toml"):
            load_plan(missing)

    def test_template_loads(self) -> None:
        """The template is itself a valid plan, so a copy starts from something that loads."""
        template = load_plan(TEMPLATE)
        assert template.id == "xa-mau-2025"
        assert check_plan(template) == ()


class TestRoundTrip:
    """A plan goes through the converter and back unchanged."""

    @pytest.mark.parametrize("plan_id", ["lai-chau-2024", "doan-ket-tan-phong-2026"])
    def test_unstructure_structure(self, plan_id: str) -> None:
        """Unstructure, write as JSON, read, structure: an equal plan."""
        plan = load_plan(plan_id)
        text = json.dumps(CONVERTER.unstructure(plan), ensure_ascii=False)
        assert plan == CONVERTER.structure(json.loads(text), Plan)

    def test_template_round_trips(self) -> None:
        """The template too."""
        plan = load_plan(TEMPLATE)
        assert plan == CONVERTER.structure(CONVERTER.unstructure(plan), Plan)


class TestPeriod:
    """``plan.period`` reads a period in the plan's own convention."""

    def test_first_half_of_2024(self, plan: Plan) -> None:
        """Nghị định 09/2019/NĐ-CP Art. 12: six months = 15 Dec of the previous year to 14 June."""
        period = plan.period("2024-H1")
        assert ReportingPeriod.half_year(2024, 1, Convention.CUTOFF) == period
        assert (dt.date(2023, 12, 15), dt.date(2024, 6, 14)) == (period.start, period.end)

    def test_reporting_year(self, plan: Plan) -> None:
        """The plan's year under the cut-off: 15 Dec 2023 to 14 Dec 2024 (Art. 12)."""
        assert (dt.date(2023, 12, 15), dt.date(2024, 12, 14)) == (
            plan.reporting_year.start,
            plan.reporting_year.end,
        )

    def test_calendar_plan_reads_calendar_periods(self, plan: Plan) -> None:
        """A plan on the calendar convention reads 2024-H1 as 1 January to 30 June."""
        rules = CONVERTER.structure(
            {**CONVERTER.unstructure(plan.reporting), "convention": "calendar"},
            type(plan.reporting),
        )
        calendar_plan = CONVERTER.structure(
            {**CONVERTER.unstructure(plan), "reporting": CONVERTER.unstructure(rules)}, Plan
        )
        period = calendar_plan.period("2024-H1")
        assert (dt.date(2024, 1, 1), dt.date(2024, 6, 30)) == (period.start, period.end)


class TestUnitsAndRegistry:
    """Units in scope at a date, and the registry built from the plan's units."""

    def test_no_unit_in_scope_after_the_merger(self, plan: Plan) -> None:
        """The seven ended on 2025-06-30 (Nghị quyết 1670/NQ-UBTVQH15)."""
        assert plan.units_in_scope(dt.date(2025, 7, 1)) == ()

    def test_registry_reads_codes_at_their_date(self, plan: Plan) -> None:
        """03388 is Quyết Tiến in 2024 and Đoàn Kết from 2025-07-01 (DOMAIN-FACTS.md)."""
        assert plan.registry.lookup("03388", dt.date(2024, 5, 1)).name == "Quyết Tiến"
        assert plan.registry.lookup("03388", dt.date(2025, 8, 1)).name == "Đoàn Kết"
        assert plan.registry.is_valid("03389", dt.date(2024, 5, 1))
        assert not plan.registry.is_valid("03389", dt.date(2025, 8, 1))

    def test_registry_children_of_the_city(self, plan: Plan) -> None:
        """The city (105) has the seven as children in 2024."""
        children = plan.registry.children("105", dt.date(2024, 5, 1))
        assert [u.code for u in plan.units] == [u.code for u in children]


class TestTargetsAndDuties:
    """``plan.target`` and ``plan.duties_of``."""

    def test_share_targets_are_fractions(self, plan: Plan) -> None:
        """I.3 "100%" is 1.0; I.5 "07/07" is 1.0 (every unit), written ``==``."""
        resolved = plan.target("reports.resolved")
        maintained = plan.target("units.model_maintained")
        assert resolved is not None
        assert maintained is not None
        expected = [(">=", 1.0, "I.3"), ("==", 1.0, "I.5")]
        assert expected == [(t.comparator.value, t.value, t.clause) for t in (resolved, maintained)]
        assert "07/07" in maintained.note

    def test_count_targets_are_zero(self, plan: Plan) -> None:
        """I.3: no wrongful conviction (oan sai), no crime missed (bỏ lọt): counts == 0."""
        for indicator in ("reports.overdue", "cases.wrongful", "cases.missed"):
            target = plan.target(indicator)
            assert target is not None
            expected = ("==", 0, "I.3")
            assert expected == (target.comparator.value, target.value, target.clause)
            assert type(target.value) is int

    def test_every_target_of_the_plan(self, plan: Plan) -> None:
        """The targets the plan's words set, each with its clause (see the brief's list)."""
        expected = {
            # I.3: 100% received, classified, resolved; lawful investigation.
            "reports.classified": "I.3",
            "reports.resolved": "I.3",
            "reports.on_time": "I.3",
            "reports.overdue": "I.3",
            "cases.wrongful": "I.3",
            "cases.missed": "I.3",
            # I.5: 07/07 communes and wards.
            "units.model_maintained": "I.5",
            # II.2.b: 100% of the target people reached.
            "outreach.coverage": "II.2.b",
            # II.3.b: every returning victim helped.
            "support.coverage": "II.3.b",
            # IV.2: six-monthly and yearly reports.
            "reporting.completeness": "IV.2",
            "reporting.timeliness": "IV.2",
        }
        assert expected == {t.indicator: t.clause for t in plan.targets}

    def test_no_target(self, plan: Plan) -> None:
        """The plan sets no target for the number of reports received."""
        assert plan.target("reports.received") is None

    def test_duties_of_the_city_police(self, plan: Plan) -> None:
        """III.1.a-d are the City Police's; IV.2 charges it with leading the follow-up."""
        expected = ["III.1.a", "III.1.b", "III.1.c", "III.1.d", "IV.2"]
        assert expected == [d.id for d in plan.duties_of("cong-an-tp")]

    def test_duties_of_includes_partners(self, plan: Plan) -> None:
        """III.1.c names "UBND các xã, phường"; IV.1 charges them with the model."""
        expected = ["III.1.c", "IV.1"]
        assert expected == [d.id for d in plan.duties_of("ubnd-xa-phuong")]

    def test_unknown_agency(self, plan: Plan) -> None:
        """An agency the plan does not have is an error, not an empty answer."""
        with pytest.raises(PlanError, match="plan lai-chau-2024 has no agency 'hoi-nong-dan'"):
            plan.duties_of("hoi-nong-dan")

    def test_standing_body_and_reporting(self, plan: Plan) -> None:
        """IV.2: reports every 6 months, yearly and ad hoc, through the City Police."""
        rules = plan.reporting
        expected_kinds = (ReportKind.HALF_YEAR, ReportKind.YEAR, ReportKind.ADHOC)
        assert expected_kinds == rules.kinds
        expected_route = ("ban-chi-dao", "cong-an-tp")
        assert expected_route == (rules.submit_to, rules.through)
        assert Convention.CUTOFF is rules.convention
        # The plan sets no deadline: the number is a local default, marked as such.
        assert not rules.days_allowed_set_by_plan
        assert "not set by the plan" in rules.days_allowed_note

    def test_report_kinds_map_to_period_kinds(self) -> None:
        """A six-monthly report covers a half-year; an ad hoc one no period."""
        assert PeriodKind.HALF_YEAR is ReportKind.HALF_YEAR.period_kind
        assert ReportKind.ADHOC.period_kind is None

    def test_slogan(self, plan: Plan) -> None:
        """II.2.b quotes all six items of the slogan."""
        assert tuple(SloganItem) == plan.slogan


class TestThe2026Example:
    """The illustrative plan of the two wards that replaced the city."""

    def test_two_wards_from_2025_07_01(self, plan_2026: Plan) -> None:
        """Phường Đoàn Kết (03388) and Phường Tân Phong (03408), in force 2025-07-01."""
        on = dt.date(2026, 3, 1)
        expected = ["Phường Đoàn Kết", "Phường Tân Phong"]
        assert expected == [u.full_name for u in plan_2026.units_in_scope(on)]
        assert plan_2026.registry.lookup("03388", on).name == "Đoàn Kết"
        # Before the merger, 03388 meant Quyết Tiến: the plan knows it (to crosswalk
        # old records), but only as a related unit, never in scope.
        assert plan_2026.registry.lookup("03388", dt.date(2024, 5, 1)).name == "Quyết Tiến"
        assert [u.code for u in plan_2026.units] == ["03388", "03408"]

    def test_legal_bases_name_the_2024_law(self, plan_2026: Plan) -> None:
        """It rests on Luật 53/2024/QH15 and Nghị định 162/2025/NĐ-CP."""
        numbers = {b.number for b in plan_2026.legal_bases}
        assert {"53/2024/QH15", "162/2025/NĐ-CP"} <= numbers

    def test_ward_level_agencies(self, plan_2026: Plan) -> None:
        """Each ward has its People's Committee, police and Women's Union."""
        for code in ("03388", "03408"):
            names = [a.name_vi for a in plan_2026.agencies if a.unit_code == code]
            assert len(names) == 3
            assert [n.split(" phường")[0] for n in names] == [
                "UBND",
                "Công an",
                "Hội Liên hiệp Phụ nữ",
            ]

    def test_says_it_is_illustrative(self, plan_2026: Plan) -> None:
        """The file says what it is, and so does its summary."""
        assert plan_2026.note.startswith("Illustrative example")
        assert "  Note: Illustrative example" in summary(plan_2026)
        assert summary(plan_2026, "vi").splitlines()[0].endswith("(ví dụ minh họa)")

    def test_same_dataset_code_reads_both_plans(self, plan: Plan, plan_2026: Plan) -> None:
        """``Dataset.validate`` reads record codes through either plan's registry.

        Two synthetic reviews: one in the old Đoàn Kết ward (03389) in June 2024, one in
        the new Tân Phong ward (03408) in June 2026. The 2024 plan knows both codes on
        those dates (its registry holds the wards its units were merged into); so does
        the 2026 plan (its registry holds the old units, to crosswalk them), but 03389
        in June 2026 (it ended on 2025-06-30) is known to neither.
        """
        data = Dataset(
            model_reviews=[
                ModelReview(
                    id="MR-1",
                    unit_code="03389",
                    held_on=dt.date(2024, 6, 10),
                    kind=ReviewKind.SO_KET,
                    maintained=True,
                ),
                ModelReview(
                    id="MR-2",
                    unit_code="03408",
                    held_on=dt.date(2026, 6, 10),
                    kind=ReviewKind.SO_KET,
                    maintained=True,
                ),
            ]
        )
        assert data.validate(plan) == []
        assert data.validate(plan_2026) == []
        late = ModelReview(
            id="MR-3",
            unit_code="03389",
            held_on=dt.date(2026, 6, 10),
            kind=ReviewKind.SO_KET,
            maintained=True,
        )
        expected = [("MR-3", "unit_code")]
        for p in (plan, plan_2026):
            found = Dataset(model_reviews=[late]).validate(p)
            assert expected == [(x.record_id, x.field) for x in found]

    def test_same_period_code(self, plan_2026: Plan) -> None:
        """Its periods come from the same code: 2026-H1 = 2025-12-15..2026-06-14."""
        period = plan_2026.period("2026-H1")
        assert (dt.date(2025, 12, 15), dt.date(2026, 6, 14)) == (period.start, period.end)
