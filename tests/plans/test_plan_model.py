"""The plan classes of ``threeno.model.plan``: one-object invariants and small behaviours."""

from __future__ import annotations

import operator
import unicodedata
from typing import TYPE_CHECKING, Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from threeno.errors import ValidationError
from threeno.io.converter import CONVERTER
from threeno.model.period import Convention
from threeno.model.plan import (
    Agency,
    Clause,
    Comparator,
    Duty,
    LegalBasis,
    ReportingRules,
    ReportKind,
    Section,
    Target,
)
from threeno.model.units import UnitLevel
from threeno.plans import load_plan

if TYPE_CHECKING:
    from collections.abc import Callable


def fails(make: Callable[[], object], field: str) -> str:
    """Build with ``make``; it must raise a ValidationError naming ``field``."""
    with pytest.raises(ValidationError) as excinfo:
        make()
    assert excinfo.value.field == field
    return str(excinfo.value)


def duty(**changes: Any) -> Duty:  # noqa: ANN401 - any field of Duty
    """A valid duty, with some fields changed."""
    fields: dict[str, Any] = {
        "id": "III.1.a",
        "text_vi": "Chủ trì, phối hợp",
        "text_en": "Lead, coordinate",
        "agency": "cong-an-tp",
        "task_area": "II.4",
    }
    return Duty(**(fields | changes))


class TestIds:
    """Ids, clause ids and indicator ids have their forms."""

    @pytest.mark.parametrize("good", ["I", "I.3", "II.4.b", "IV.2", "III.2.đ", "2.1.a"])
    def test_clause_ids(self, good: str) -> None:
        """Roman or Arabic sections, numbered points, a lettered point (đ is a letter)."""
        assert Section(id=good, title_vi="Mục", title_en="Part").id == good

    @pytest.mark.parametrize("bad", ["II-4", "ii.4", "II.4.bb", "", "II.", " I.3"])
    def test_bad_clause_ids(self, bad: str) -> None:
        """Anything else is refused, naming the field."""
        message = fails(lambda: Section(id=bad, title_vi="Mục", title_en="Part"), "id")
        assert (
            message == f"Section.id: must be a clause id such as I.3, II.4.b or IV.2, not {bad!r}"
        )

    def test_agency_id_is_a_slug(self) -> None:
        """Lower-case letters, digits and hyphens."""
        fails(
            lambda: Agency(
                id="Cong_an", name_vi="Công an", name_en="Police", level=UnitLevel.DISTRICT
            ),
            "id",
        )

    def test_indicator_ids(self) -> None:
        """Dotted lower-case words, each once."""
        fails(lambda: duty(indicators=["Reports"]), "indicators[0]")
        message = fails(lambda: duty(indicators=["reports.on_time"] * 2), "indicators[1]")
        assert message == "Duty.indicators[1]: reports.on_time is listed twice"


class TestClauseAndDuty:
    """Clauses and duties."""

    def test_parent(self) -> None:
        """II.1.a sits in II.1; I has no parent."""
        assert duty(id="II.1.a").parent == "II.1"
        assert Clause(id="I", text_vi="Mục", text_en="Part").parent is None

    def test_text_is_nfc(self) -> None:
        """A decomposed text (NFD) is stored NFC."""
        decomposed = unicodedata.normalize("NFD", "Công an")
        assert decomposed != "Công an"
        assert duty(text_vi=decomposed).text_vi == "Công an"

    def test_empty_text(self) -> None:
        """Empty or blank text is refused."""
        fails(lambda: duty(text_vi="  "), "text_vi")

    def test_note_in_both_languages(self) -> None:
        """A note needs both its Vietnamese and its English."""
        message = fails(lambda: duty(note_vi="Chú thích"), "note_en")
        assert message == "Duty.note_en: a note needs both note_vi and note_en"

    def test_lead_is_not_a_partner(self) -> None:
        """The lead ("chủ trì") is not also its own partner ("phối hợp")."""
        message = fails(lambda: duty(partners=["cong-an-tp"]), "partners")
        assert message == "Duty.partners: 'cong-an-tp' leads the duty; it is not also a partner"

    def test_lists_become_tuples(self) -> None:
        """Users may pass lists."""
        assert duty(partners=["ubnd-xa-phuong"]).partners == ("ubnd-xa-phuong",)


class TestTarget:
    """A target's value and comparator."""

    def test_value_must_be_a_number(self) -> None:
        """Not a bool, not text, not infinity."""
        for bad in (True, "1.0", float("nan")):
            with pytest.raises(ValidationError) as excinfo:
                Target(
                    indicator="reports.resolved",
                    comparator=Comparator.AT_LEAST,
                    value=bad,  # type: ignore[arg-type]  # the wrong type is the point
                    clause="I.3",
                )
            assert excinfo.value.field == "value"

    def test_met(self) -> None:
        """I.3: 95% resolved does not meet 100%; 0 wrongful convictions meets == 0."""
        resolved = Target(
            indicator="reports.resolved", comparator=Comparator.AT_LEAST, value=1.0, clause="I.3"
        )
        wrongful = Target(
            indicator="cases.wrongful", comparator=Comparator.EQUAL, value=0, clause="I.3"
        )
        expected = (False, True, True, False)
        assert expected == (resolved.met(0.95), resolved.met(1.0), wrongful.met(0), wrongful.met(1))

    @given(
        st.sampled_from(list(Comparator)),
        st.floats(allow_nan=False, allow_infinity=False),
        st.floats(allow_nan=False, allow_infinity=False),
    )
    def test_comparators_are_the_operators(
        self, comparator: Comparator, a: float, b: float
    ) -> None:
        """Each comparator is the operator its symbol names."""
        operators = {">=": operator.ge, "<=": operator.le, "==": operator.eq}
        operators |= {">": operator.gt, "<": operator.lt}
        assert operators[comparator.value](a, b) == comparator.holds(a, b)

    @given(
        st.sampled_from(["reports.resolved", "cases.missed", "units.model_maintained"]),
        st.sampled_from(list(Comparator)),
        st.one_of(st.integers(0, 10**6), st.floats(0, 1)),
        st.sampled_from(["I.3", "I.5", "IV.2"]),
        # Printable text: a control character is refused when read (issue 17).
        st.text(st.characters(exclude_categories=("Cc", "Cs", "Cf", "Zl", "Zp"))),
    )
    def test_round_trip(
        self, indicator: str, comparator: Comparator, value: float, clause: str, note: str
    ) -> None:
        """Any valid target goes through the converter and back equal, int or float kept."""
        target = Target(
            indicator=indicator, comparator=comparator, value=value, clause=clause, note=note
        )
        back = CONVERTER.structure(CONVERTER.unstructure(target), Target)
        assert target == back
        assert type(target.value) is type(back.value)


class TestReportingRules:
    """Reporting rules."""

    def rules(self, **changes: Any) -> ReportingRules:  # noqa: ANN401 - any field
        """Valid rules, with some fields changed."""
        fields: dict[str, Any] = {
            "clause": "IV.2",
            "convention": Convention.CUTOFF,
            "kinds": [ReportKind.HALF_YEAR, ReportKind.YEAR],
            "agencies": ["cong-an-tp"],
            "submit_to": "ban-chi-dao",
            "days_allowed": 5,
            "days_allowed_set_by_plan": True,
        }
        return ReportingRules(**(fields | changes))

    def test_valid(self) -> None:
        """A deadline set by the plan needs no note."""
        assert self.rules().days_allowed == 5

    def test_local_default_needs_a_note(self) -> None:
        """IV.2 sets no deadline: a local default must say where it comes from."""
        fails(lambda: self.rules(days_allowed_set_by_plan=False), "days_allowed_note")

    def test_days_allowed_not_negative(self) -> None:
        """A number of days is 0 or more."""
        fails(lambda: self.rules(days_allowed=-1), "days_allowed")

    def test_set_by_plan_is_a_flag(self) -> None:
        """``"yes"`` is not a flag."""
        fails(lambda: self.rules(days_allowed_set_by_plan="yes"), "days_allowed_set_by_plan")

    def test_kinds_once_each(self) -> None:
        """Each kind of report once."""
        fails(lambda: self.rules(kinds=[ReportKind.YEAR, ReportKind.YEAR]), "kinds[1]")


class TestPlan:
    """Invariants of the plan object itself (cross-field checks are in the loader)."""

    def test_year_range(self) -> None:
        """A year from 1945 to 2100."""
        plan = load_plan("lai-chau-2024")
        fails(lambda: attrs.evolve(plan, year=24), "year")

    def test_id_slug(self) -> None:
        """The plan's id is a slug."""
        plan = load_plan("lai-chau-2024")
        fails(lambda: attrs.evolve(plan, id="Lai Châu 2024"), "id")

    def test_items_typed(self) -> None:
        """A list of agencies holds agencies."""
        plan = load_plan("lai-chau-2024")
        agencies: Any = ["cong-an-tp"]
        message = fails(lambda: attrs.evolve(plan, agencies=agencies), "agencies[0]")
        assert message == "Plan.agencies[0]: must be an Agency, not str"

    def test_legal_basis_cited_in_is_a_clause_id(self) -> None:
        """``cited_in`` is a clause id or nothing (the preamble)."""
        fails(
            lambda: LegalBasis(id="x", text_vi="Luật", text_en="Law", cited_in="art. 3"), "cited_in"
        )
