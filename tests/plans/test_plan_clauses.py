"""Clause references live in the plan file: the 2024 plan lists every clause it measures.

The catalogue used to carry Lai Châu's clause ids (``Indicator.clauses``). The table
below is what it held (copied once from ``threeno.indicators.catalogue`` before the ids
moved out of it); the 2024 plan file must list each indicator in each of those clauses,
so that ``plan.clauses_for`` gives every reference the catalogue used to give.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

import pytest

from threeno.indicators.engine import evaluate
from threeno.indicators.ids import CATALOGUE_IDS
from threeno.model.dataset import Dataset
from threeno.model.enums import Ethnicity, Sex, SubjectCategory
from threeno.model.plan import EvaluationReadings
from threeno.model.subjects import CategorySpan, Subject
from threeno.plans import load_plan

#: The clauses of the 2024 plan each indicator of the catalogue measures.
CATALOGUE_CLAUSES: Final = {
    "subjects.monitored": ("I.1",),
    "subjects.emigrated": ("I.1",),
    "reports.received": ("I.3",),
    "reports.classified": ("I.3", "II.4.b"),
    "reports.resolved": ("I.3", "II.4.b"),
    "reports.on_time": ("I.3",),
    "reports.overdue": ("I.3",),
    "cases.prosecuted": ("II.4.b",),
    "cases.wrongful": ("I.3",),
    "cases.missed": ("I.3",),
    "units.model_maintained": ("I.5", "IV.1"),
    "outreach.coverage": ("II.2.b",),
    "outreach.events": ("I.2", "II.2.b"),
    "support.coverage": ("II.3.b", "III.2.c"),
    "women.vocational": ("III.4.c",),
    "units.safe": ("II.1.b",),
    "reporting.completeness": ("IV.2",),
    "reporting.timeliness": ("IV.2",),
}

LAI_CHAU = load_plan("lai-chau-2024")
WARDS_2026 = load_plan("doan-ket-tan-phong-2026")


def test_the_table_covers_the_catalogue() -> None:
    """Every catalogue id has its row, so no indicator is skipped below."""
    assert set(CATALOGUE_CLAUSES) == set(CATALOGUE_IDS)


@pytest.mark.parametrize(("indicator", "clauses"), CATALOGUE_CLAUSES.items())
def test_lai_chau_lists_every_clause(indicator: str, clauses: tuple[str, ...]) -> None:
    """The plan's clauses listing the indicator include every one the catalogue named."""
    assert set(clauses) <= set(LAI_CHAU.clauses_for(indicator))


def test_lai_chau_lists_no_more() -> None:
    """And no other: the references outputs show for the 2024 plan are unchanged."""
    assert {i: LAI_CHAU.clauses_for(i) for i in CATALOGUE_CLAUSES} == CATALOGUE_CLAUSES


def test_the_2026_plan_has_its_own() -> None:
    """The 2026 example numbers its clauses its own way: none of the 2024 ids it lacks.

    From its file: I.1 lists subjects.*, I.2 the seven of crime reports and cases,
    I.3 and II.1.a units.model_maintained, II.4.a four of reports and cases.prosecuted.
    """
    assert WARDS_2026.clauses_for("reports.classified") == ("I.2", "II.4.a")
    assert WARDS_2026.clauses_for("cases.prosecuted") == ("II.4.a",)
    assert WARDS_2026.clauses_for("units.model_maintained") == ("I.3", "II.1.a")
    every = {c for i in CATALOGUE_IDS for c in WARDS_2026.clauses_for(i)}
    assert every <= {c.id for c in WARDS_2026.clauses}
    assert "I.5" not in every
    assert "IV.2" not in every


class TestReadings:
    """The ``[evaluation]`` tables of the bundled plans."""

    def test_lai_chau(self) -> None:
        """Neither reading applies; the notes say the plan is silent, in both languages."""
        readings = LAI_CHAU.evaluation
        assert (readings.count_receipt_day, readings.crosswalk) == (False, False)
        assert readings.count_receipt_day_note.startswith("The plan is silent")
        assert readings.count_receipt_day_note_vi.startswith(
            "Kế hoạch không quy định; theo cách tính của phần mềm."
        )
        assert "Art. 134" in readings.count_receipt_day_note
        assert "Điều 134 Bộ luật Tố tụng hình sự 2015" in readings.count_receipt_day_note_vi
        assert "1670/NQ-UBTVQH15" in readings.crosswalk_note
        assert "1670/NQ-UBTVQH15" in readings.crosswalk_note_vi

    def test_the_2026_plan_crosswalks(self) -> None:
        """It crosswalks, and its registry can: each old unit maps to one ward.

        From Nghị quyết 1670/NQ-UBTVQH15 (shared/DOMAIN-FACTS.md): 03386, 03388, 03389,
        03403 into Đoàn Kết (03388); 03387, 03408, 03409 into Tân Phong (03408).
        """
        assert WARDS_2026.evaluation.crosswalk
        assert "1670/NQ-UBTVQH15" in WARDS_2026.evaluation.crosswalk_note
        end = WARDS_2026.period("2026").end
        last = dt.date(2025, 6, 30)
        mapped = {
            code: [u.code for u in WARDS_2026.registry.crosswalk(code, to=end, on=last)]
            for code in ("03386", "03387", "03388", "03389", "03403", "03408", "03409")
        }
        assert mapped == {
            "03386": ["03388"],
            "03387": ["03408"],
            "03388": ["03388"],
            "03389": ["03388"],
            "03403": ["03388"],
            "03408": ["03408"],
            "03409": ["03408"],
        }

    def test_an_old_record_is_counted_in_its_ward(self) -> None:
        """A woman registered in the old Đoàn Kết (03389) on 1 March 2024, poor since.

        Still under management at the end of 2026 (14 December 2026): with the plan's own
        registry (no ``registry=``) she is counted in the new Đoàn Kết, 03388: 1 and 0.
        """
        woman = Subject(
            id="S-0001",
            sex=Sex.FEMALE,
            birth_year=1990,
            ethnicity=Ethnicity.HMONG,
            unit_code="03389",
            registered_on=dt.date(2024, 3, 1),
            categories=[CategorySpan(category=SubjectCategory.POOR, since=dt.date(2024, 3, 1))],
        )
        result = evaluate(
            WARDS_2026,
            Dataset(subjects=[woman]),
            WARDS_2026.period("2026"),
            indicators=["subjects.monitored"],
            crosswalk=WARDS_2026.evaluation.crosswalk,
        )
        by_unit = {code: r.value for code, r in result["subjects.monitored"].by_unit.items()}
        assert by_unit == {"03388": 1, "03408": 0}
        assert result.data_quality.counts["subjects"]["crosswalked"] == 1

    def test_the_old_units_are_not_in_scope(self) -> None:
        """Only the two wards are the plan's units, on any day of its year."""
        for day in (dt.date(2025, 12, 15), dt.date(2026, 12, 14)):
            assert [u.code for u in WARDS_2026.units_in_scope(day)] == ["03388", "03408"]

    def test_defaults_match_the_library(self) -> None:
        """The 2024 plan's readings are the library's defaults, written out."""
        defaults = EvaluationReadings()
        assert LAI_CHAU.evaluation.count_receipt_day == defaults.count_receipt_day
        assert LAI_CHAU.evaluation.crosswalk == defaults.crosswalk
