"""Plan validation: every problem at once, each with its TOML path."""

from __future__ import annotations

import copy
import tomllib
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from threeno.errors import PlanError, ValidationError
from threeno.io.converter import CONVERTER
from threeno.io.plans import check_plan, parse_plan, read_plan
from threeno.model.plan import Clause, Plan
from threeno.plans import load_plan

DATA = Path(__file__).parent / "data"
TEMPLATE_TEXT = files("threeno.plans").joinpath("template.toml").read_text(encoding="utf-8")


def template() -> dict[str, Any]:
    """The template's data: a small valid plan to spoil one key at a time."""
    return copy.deepcopy(tomllib.loads(TEMPLATE_TEXT))


def problems(data: dict[str, Any]) -> tuple[str, ...]:
    """The cross-field problems of a plan whose structure is sound."""
    return check_plan(CONVERTER.structure(data, Plan))


def parse_problems(text: str) -> tuple[str, ...]:
    """The problems ``parse_plan`` reports for a plan file's text."""
    with pytest.raises(PlanError) as excinfo:
        parse_plan(text, source="x.toml")
    return excinfo.value.problems


class TestMistakesFile:
    """The fixture file with one mistake of each kind reports them all."""

    def test_every_mistake_with_its_path(self) -> None:
        """Six mistakes, six problems, in the order of the file.

        Worked out by hand from tests/plans/data/mistakes.toml:
        - units[0] ends 2024-06-30, before the plan's year 2025, which under the cut-off
          runs 2024-12-15..2025-12-14 (Nghị định 09/2019/NĐ-CP, Art. 12);
        - purposes[1] repeats the clause id I.1;
        - duties[0] names the agency 'hoi-nong-dan', which the file does not define, and
          the indicator 'reports.solved', which the catalogue does not have;
        - targets[0] sets a share at 1.5 (100% is 1.0);
        - targets[1] cites clause I.9, which the file does not define.
        """
        path = DATA / "mistakes.toml"
        with pytest.raises(PlanError) as excinfo:
            read_plan(path)
        expected = (
            (
                "units[0]: 99999 Xã Mẫu is not valid throughout the plan's year 2025 "
                "(2024-12-15..2025-12-14): valid_to is 2024-06-30"
            ),
            "purposes[1].id: duplicate clause id 'I.1' (first at purposes[0].id)",
            "duties[0].agency: unknown agency 'hoi-nong-dan'",
            "duties[0].indicators[0]: unknown indicator 'reports.solved': not in the catalogue",
            (
                "targets[0].value: reports.resolved is a share, written as a fraction from 0 to 1 "
                "(100% is 1.0), not 1.5"
            ),
            "targets[1].clause: 'I.9' is not a clause of the plan",
        )
        assert expected == excinfo.value.problems
        assert str(excinfo.value).startswith(f"{path}: 6 problems\n  units[0]: ")


class TestCrossFieldChecks:
    """Each check of ``check_plan``, one at a time, on the (valid) template."""

    def test_template_is_clean(self) -> None:
        """The unspoilt template has no problem."""
        assert problems(template()) == ()

    def test_unknown_partner_and_reporting_agencies(self) -> None:
        """Every agency id a duty or the reporting rules name must be defined."""
        data = template()
        data["duties"][0]["partners"] = ["hoi-nong-dan"]
        data["reporting"]["agencies"] = ["cong-an-xa", "doan-thanh-nien"]
        data["reporting"]["submit_to"] = "ubnd-huyen"
        data["reporting"]["through"] = "ban-chi-dao"
        assert problems(data) == (
            "duties[0].partners[0]: unknown agency 'hoi-nong-dan'",
            "reporting.agencies[1]: unknown agency 'doan-thanh-nien'",
            "reporting.submit_to: unknown agency 'ubnd-huyen'",
            "reporting.through: unknown agency 'ban-chi-dao'",
        )

    def test_duplicate_ids(self) -> None:
        """Agencies, legal bases, unit codes and targets: each id once."""
        data = template()
        data["agencies"].append(dict(data["agencies"][0]))
        data["legal_bases"].append(dict(data["legal_bases"][0]))
        data["units"].append(dict(data["units"][0]))
        data["targets"].append(dict(data["targets"][0]))
        assert problems(data) == (
            (
                "legal_bases[1].id: duplicate legal basis id 'luat-pcmbn-2024' "
                "(first at legal_bases[0].id)"
            ),
            # The registry refuses the same unit twice too; a problem of the whole key
            # comes before those of its items.
            (
                "units: two versions of code 99999 overlap: Xã Mẫu (valid at every date) "
                "and Xã Mẫu (valid at every date)"
            ),
            "units[1].code: duplicate unit code '99999' (first at units[0].code)",
            "agencies[2].id: duplicate agency id 'ubnd-xa' (first at agencies[0].id)",
            # The copy also holds the committee's role a second time.
            "agencies[2].roles: a plan has one Steering Committee; 'ubnd-xa' is already it",
            (
                "targets[1].indicator: duplicate target for indicator 'reports.resolved' "
                "(first at targets[0].indicator)"
            ),
        )

    def test_clause_ids_must_exist(self) -> None:
        """A clause's parent, a task area, a cited clause and the reporting clause."""
        data = template()
        data["duties"][0]["id"] = "III.1"  # no section III
        data["duties"][0]["task_area"] = "II.4"  # no section II.4
        data["legal_bases"][0]["cited_in"] = "II.7"
        data["reporting"]["clause"] = "IV.2"
        assert problems(data) == (
            "legal_bases[0].cited_in: 'II.7' is not a clause of the plan",
            "duties[0].id: 'III.1' is under 'III', which is not a section of the plan",
            "duties[0].task_area: 'II.4' is not a section of the plan",
            "reporting.clause: 'IV.2' is not a clause of the plan",
        )

    def test_target_clause_must_list_its_indicator(self) -> None:
        """A target's clause measures its indicator (I.1 lists reports.received, resolved)."""
        data = template()
        data["targets"][0]["indicator"] = "outreach.coverage"
        assert problems(data) == (
            "targets[0].indicator: clause I.1 does not list indicator 'outreach.coverage'",
        )

    def test_unknown_target_indicator(self) -> None:
        """A target's indicator must be in the catalogue."""
        data = template()
        data["targets"][0]["indicator"] = "reports.lost"
        assert problems(data) == (
            "targets[0].indicator: unknown indicator 'reports.lost': not in the catalogue",
        )

    def test_targets_out_of_range(self) -> None:
        """Below 0 for a count; above 1 for a share ("100%" written as 100)."""
        data = template()
        data["purposes"][0]["indicators"] += ["cases.missed"]
        data["targets"][0]["value"] = 100
        data["targets"].append(
            {
                "indicator": "cases.missed",
                "comparator": "==",
                "value": -1,
                "clause": "I.1",
                "set_by_plan": True,
            }
        )
        assert problems(data) == (
            (
                "targets[0].value: reports.resolved is a share, written as a fraction from 0 to 1 "
                "(100% is 1.0), not 100"
            ),
            "targets[1].value: -1 is below 0",
        )

    def test_units_valid_throughout_the_year(self) -> None:
        """A unit that starts inside the plan's year does not cover all of it.

        2025 under the cut-off: 2024-12-15..2025-12-14 (Nghị định 09/2019/NĐ-CP, Art. 12);
        a unit from 2025-07-01 misses its first half.
        """
        data = template()
        data["units"][0]["valid_from"] = "2025-07-01"
        assert problems(data) == (
            (
                "units[0]: 99999 Xã Mẫu is not valid throughout the plan's year 2025 "
                "(2024-12-15..2025-12-14): valid_from is 2025-07-01"
            ),
        )

    def test_calendar_year(self) -> None:
        """Under the calendar convention 2025 is 1 January to 31 December."""
        data = template()
        data["reporting"]["convention"] = "calendar"
        data["units"][0]["valid_to"] = "2025-12-30"
        assert problems(data) == (
            (
                "units[0]: 99999 Xã Mẫu is not valid throughout the plan's year 2025 "
                "(2025-01-01..2025-12-31): valid_to is 2025-12-30"
            ),
        )

    def test_area_and_agency_units(self) -> None:
        """Area codes are units of the plan; an agency's unit is a unit in scope."""
        data = template()
        data["area"] = ["99", "105"]
        data["agencies"][0]["unit_code"] = "03388"
        assert problems(data) == (
            "area[1]: '105' is not the code of a unit in units or related_units",
            "agencies[0].unit_code: '03388' is not a unit in scope",
        )

    def test_missing_parent_in_registry(self) -> None:
        """The registry needs each unit's parent: a missing one is reported."""
        data = template()
        data["related_units"] = []
        data["area"] = []
        (problem,) = problems(data)
        assert problem.startswith("units: 99999 Xã Mẫu has parent 99, which is not in the registry")

    def test_one_committee_and_one_standing_body(self) -> None:
        """A second steering committee or standing body is a problem."""
        data = template()
        data["agencies"][1]["roles"] = ["steering_committee", "standing_body"]
        data["agencies"][0]["roles"] = ["steering_committee", "standing_body"]
        assert problems(data) == (
            "agencies[1].roles: a plan has one Steering Committee; 'ubnd-xa' is already it",
            (
                "agencies[1].roles: a plan has one standing body of the Steering Committee; "
                "'ubnd-xa' is already it"
            ),
        )

    @given(st.sampled_from(["ubnd-huyen", "hoi-nong-dan", "doan-thanh-nien", "x"]))
    def test_every_reference_to_a_missing_agency_is_reported(self, missing: str) -> None:
        """Renaming the police's id leaves each reference to the old id as one problem."""
        data = template()
        data["agencies"][1]["id"] = missing
        # The template names cong-an-xa as a duty's lead and as a reporting agency.
        assert problems(data) == (
            "duties[0].agency: unknown agency 'cong-an-xa'",
            "reporting.agencies[0]: unknown agency 'cong-an-xa'",
        )


class TestStructureProblems:
    """Wrong types, unknown keys and model invariants, with their paths."""

    def test_types_keys_and_invariants_at_once(self) -> None:
        """Every structural problem of the file at once, before any cross-field check."""
        text = (
            TEMPLATE_TEXT.replace("year = 2025 ", 'year = "2025" ')
            .replace("issuer_en =", "issuer_english =")
            .replace('kind = "xa"', 'kind = "village"')
            .replace('task_area = "II"', 'task_area = "II-1"')
            .replace("days_allowed = 5", "days_allowed = -5")
        )
        assert parse_problems(text) == (
            "year: must be a whole number, not str",
            "issuer_en: required key missing",
            (
                "units[0].kind: unknown UnitKind 'village'; known values: tinh, thanh_pho_tw, "
                "thanh_pho, huyen, quan, thi_xa, phuong, xa, thi_tran, dac_khu"
            ),
            "duties[0].task_area: must be a clause id such as I.3, II.4.b or IV.2, not 'II-1'",
            "reporting.days_allowed: must be 0 or more, not -5",
            "issuer_english: unknown key",
        )

    def test_a_local_default_must_say_so(self) -> None:
        """A deadline the plan does not set needs a note saying where it comes from."""
        text = TEMPLATE_TEXT.replace(
            'days_allowed_note = "Local default: the plan sets no deadline."', ""
        )
        assert parse_problems(text) == (
            (
                "reporting.days_allowed_note: the plan does not set days_allowed: "
                "say where the local default comes from"
            ),
        )

    def test_malformed_toml_names_file_and_line(self) -> None:
        """The TOML reader's line and column are in the message."""
        text = TEMPLATE_TEXT.replace("year = 2025 ", "year = = 2025 ")
        line = TEMPLATE_TEXT.splitlines().index(
            next(x for x in TEMPLATE_TEXT.splitlines() if x.startswith("year = 2025"))
        )
        with pytest.raises(PlanError) as excinfo:
            parse_plan(text, source="x.toml")
        assert str(excinfo.value) == (
            f"x.toml: not valid TOML: Invalid value (at line {line + 1}, column 8)"
        )
        assert excinfo.value.problems == ()

    def test_count_in_message(self) -> None:
        """One problem is "1 problem"."""
        with pytest.raises(PlanError, match=r"^x\.toml: 1 problem\n  year: "):
            parse_plan(TEMPLATE_TEXT.replace("year = 2025 ", "year = 2025.5 "), source="x.toml")


class TestTargetProvenance:
    """Every target says whether the plan sets it; a reading says why, in both languages."""

    def test_not_said(self) -> None:
        """A target without ``set_by_plan``: one problem naming the key."""
        data = template()
        del data["targets"][0]["set_by_plan"]
        assert problems(data) == (
            (
                "targets[0].set_by_plan: say whether the plan's own words set this target"
                " (true) or it is a reading of them (false, with note and note_vi saying why)"
            ),
        )

    def test_a_reading_without_its_reasons(self) -> None:
        """``set_by_plan = false`` with neither note: both problems at once."""
        data = template()
        data["targets"][0]["set_by_plan"] = False
        data["targets"][0]["note"] = " "
        assert problems(data) == (
            "targets[0].note: a target the plan does not set says why, in English",
            (
                "targets[0].note_vi: a target the plan does not set says why, in Vietnamese,"
                " for the report"
            ),
        )

    def test_a_reading_with_its_reasons(self) -> None:
        """With both notes, a reading is a valid target."""
        data = template()
        data["targets"][0]["set_by_plan"] = False
        data["targets"][0]["note_vi"] = "Kế hoạch không nêu tỷ lệ; phần mềm hiểu là 100%."
        assert problems(data) == ()
        assert CONVERTER.structure(data, Plan).targets[0].assumed

    def test_a_local_deadline_in_vietnamese(self) -> None:
        """A deadline the plan does not set needs ``days_allowed_note_vi`` too."""
        data = template()
        del data["reporting"]["days_allowed_note_vi"]
        assert problems(data) == (
            (
                "reporting.days_allowed_note_vi: the plan does not set days_allowed: say where"
                " the local default comes from, in Vietnamese, for the report"
            ),
        )

    def test_every_problem_at_once(self) -> None:
        """Two targets unsaid and the deadline's note: three problems in one check."""
        data = template()
        data["purposes"][0]["indicators"] += ["cases.missed"]
        data["targets"].append(
            {"indicator": "cases.missed", "comparator": "==", "value": 0, "clause": "I.1"}
        )
        del data["targets"][0]["set_by_plan"]
        del data["reporting"]["days_allowed_note_vi"]
        found = problems(data)
        assert [p.split(":")[0] for p in found] == [
            "targets[0].set_by_plan",
            "targets[1].set_by_plan",
            "reporting.days_allowed_note_vi",
        ]


class TestCitations:
    """A clause as the plan refers to it: ``cite_vi``/``cite_en``, all clauses or none."""

    def test_the_template_cites_every_clause(self) -> None:
        """I.1 is "điểm 1 mục I" (point 1 of section I); the template is clean."""
        data = template()
        assert data["purposes"][0]["cite_vi"] == "điểm 1 mục I"
        assert data["purposes"][0]["cite_en"] == "section I, point 1"
        assert problems(data) == ()

    def test_a_clause_without_its_citation_when_others_have_one(self) -> None:
        """The duty II.1 loses its citation while the purpose I.1 keeps hers: one problem."""
        data = template()
        del data["duties"][0]["cite_vi"], data["duties"][0]["cite_en"]
        found = problems(data)
        assert len(found) == 1
        assert found[0].startswith("duties[0].cite_vi: clause 'II.1' has no citation")

    def test_no_citation_at_all_is_allowed(self) -> None:
        """An older plan file without citations is clean, and shows its ids."""
        data = template()
        for clause in (*data["purposes"], *data["duties"]):
            del clause["cite_vi"], clause["cite_en"]
        assert problems(data) == ()
        plan = CONVERTER.structure(data, Plan)
        assert plan.cite("II.1") == "II.1"

    def test_a_citation_in_one_language_only(self) -> None:
        """cite_vi without cite_en is refused, naming the missing field."""
        with pytest.raises(ValidationError, match="cite_en"):
            Clause(id="I.1", text_vi="Nội dung", text_en="Text", cite_vi="điểm 1 mục I")

    def test_the_bundled_plan_as_it_words_its_clauses(self) -> None:
        """II.4.b is the second dash of point 4 of section II; IV.2 is point 2 of IV."""
        plan = load_plan("lai-chau-2024")
        assert plan.cite("II.4.b") == "gạch đầu dòng thứ hai, điểm 4 mục II"
        assert plan.cite("II.4.b", "en") == "section II, point 4, second dash"
        assert plan.cite("IV.2") == "điểm 2 mục IV"
        assert plan.cite("I.3") == "điểm 3 mục I"
        assert all(c.cite_vi is not None for c in plan.clauses)
        assert plan.cite("IX.9") == "IX.9"  # not a clause of the plan: its id
