"""The plan's own indicators, calendar and readings (``threeno.model.plan``)."""

from __future__ import annotations

import datetime as dt
import unicodedata
from importlib.resources import files
from typing import TYPE_CHECKING, Any

import attrs
import pytest

from threeno.errors import PlanError, ValidationError
from threeno.io.plans import parse_plan
from threeno.model.plan import (
    Comparator,
    EvaluationReadings,
    LocalCalendar,
    NamedDay,
    Plan,
    Target,
)
from threeno.plans import load_plan

if TYPE_CHECKING:
    from collections.abc import Callable

TEMPLATE_TEXT = files("threeno.plans").joinpath("template.toml").read_text(encoding="utf-8")
#: The template without its ``[evaluation]`` table (its last), so no new key is set.
BASE_TEXT = TEMPLATE_TEXT[: TEMPLATE_TEXT.index("\n[evaluation]")]


def fails(make: Callable[[], object], field: str) -> str:
    """Build with ``make``; it must raise a ValidationError naming ``field``."""
    with pytest.raises(ValidationError) as excinfo:
        make()
    assert excinfo.value.field == field
    return str(excinfo.value)


def template() -> Plan:
    """The bundled template, a small valid plan."""
    return parse_plan(TEMPLATE_TEXT, source="template.toml")


def parse_problems(text: str) -> tuple[str, ...]:
    """The problems ``parse_plan`` reports for a plan file's text."""
    with pytest.raises(PlanError) as excinfo:
        parse_plan(text, source="x.toml")
    return excinfo.value.problems


class TestNamedDay:
    """A day with its two names."""

    def test_vietnamese_name_is_nfc(self) -> None:
        """A decomposed "Làm bù" is stored composed."""
        day = NamedDay(
            date=dt.date(2026, 5, 9),
            name_vi=unicodedata.normalize("NFD", "Làm bù"),
            name_en="Make-up working day",
        )
        assert day.name_vi == "Làm bù"
        assert unicodedata.is_normalized("NFC", day.name_vi)

    @pytest.mark.parametrize("field", ["name_vi", "name_en"])
    def test_empty_name(self, field: str) -> None:
        """A day needs its names: an empty one is refused."""
        names = {"name_vi": "Ngày nghỉ", "name_en": "Day off"} | {field: "  "}
        message = fails(lambda: NamedDay(date=dt.date(2026, 3, 20), **names), field)
        assert message == f"NamedDay.{field}: must not be empty"

    def test_datetime_is_not_a_date(self) -> None:
        """A time of day has no place in a calendar of days."""
        when: Any = dt.datetime(2026, 3, 20, 8, 0)  # noqa: DTZ001 - the value refused
        fails(lambda: NamedDay(date=when, name_vi="Nghỉ", name_en="Off"), "date")


class TestLocalCalendarAndReadings:
    """Defaults and types of the two new tables."""

    def test_defaults(self) -> None:
        """No local day; the day of receipt not counted; no crosswalk."""
        assert LocalCalendar().is_empty
        assert (LocalCalendar().days_off, LocalCalendar().working_days) == ((), ())
        readings = EvaluationReadings()
        assert (readings.count_receipt_day, readings.crosswalk) == (False, False)

    def test_lists_become_tuples(self) -> None:
        """Days given as a list are kept as a tuple."""
        day = NamedDay(date=dt.date(2026, 3, 20), name_vi="Nghỉ", name_en="Off")
        days: Any = [day]
        assert LocalCalendar(days_off=days).days_off == (day,)
        assert not LocalCalendar(days_off=days).is_empty

    def test_days_are_named_days(self) -> None:
        """A bare date is refused: a local day needs its names."""
        days: Any = (dt.date(2026, 3, 20),)
        message = fails(lambda: LocalCalendar(days_off=days), "days_off[0]")
        assert message == "LocalCalendar.days_off[0]: must be a NamedDay, not date"

    @pytest.mark.parametrize("field", ["count_receipt_day", "crosswalk"])
    def test_readings_are_flags(self, field: str) -> None:
        """``1`` is not ``true``."""
        value: Any = 1
        fails(lambda: EvaluationReadings(**{field: value}), field)

    def test_plan_defaults(self) -> None:
        """A plan file without the new keys has no local day and the default readings."""
        plan = parse_plan(BASE_TEXT)
        assert plan.indicators is None
        assert plan.calendar == LocalCalendar()
        assert plan.evaluation == EvaluationReadings()

    def test_plan_is_still_hashable(self) -> None:
        """The new fields keep a plan hashable (a calendar may be cached by it)."""
        plan = template()
        assert hash(plan) == hash(template())


class TestReportIndicators:
    """``Plan.report_indicators``: the plan's list, or what its clauses and targets name."""

    def test_default_from_clauses_then_targets(self) -> None:
        """Worked out from template.toml, with one target added.

        Clauses in the plan's order: purpose I.1 names reports.received, reports.resolved;
        duty II.1 names reports.resolved (already seen). Targets: reports.resolved (seen)
        and the added cases.missed, which no clause names. So: received, resolved, missed.
        """
        plan = template()
        extra = Target(indicator="cases.missed", comparator=Comparator.EQUAL, value=0, clause="I.1")
        targets: Any = (*plan.targets, extra)
        plan = attrs.evolve(plan, targets=targets)
        assert plan.report_indicators == (
            "reports.received",
            "reports.resolved",
            "cases.missed",
        )

    def test_listed_indicators_win(self) -> None:
        """A plan that lists its indicators reports exactly those, in its order."""
        plan = attrs.evolve(template(), indicators=["outreach.events", "reports.received"])
        assert plan.indicators == ("outreach.events", "reports.received")
        assert plan.report_indicators == ("outreach.events", "reports.received")

    def test_indicator_ids_have_their_form(self) -> None:
        """An id that is not dotted lower-case words is refused, naming its index."""
        ids: Any = ["reports.received", "Reports"]
        message = fails(lambda: attrs.evolve(template(), indicators=ids), "indicators[1]")
        assert message.endswith("not 'Reports'")

    def test_lai_chau_names_all_eighteen(self) -> None:
        """Every one of the catalogue's 18 indicators is named by a clause of the 2024 plan.

        In the plan's order: I.1 (subjects.monitored, subjects.emigrated), I.2
        (outreach.events), I.3 (the seven of crime reports and cases), I.5
        (units.model_maintained), then the duties: II.1.b units.safe, II.2.b
        outreach.coverage, II.3.b support.coverage, II.4.b cases.prosecuted, III.4.c
        women.vocational, IV.2 reporting.completeness and reporting.timeliness.
        """
        assert load_plan("lai-chau-2024").report_indicators == (
            "subjects.monitored",
            "subjects.emigrated",
            "outreach.events",
            "reports.received",
            "reports.classified",
            "reports.resolved",
            "reports.on_time",
            "reports.overdue",
            "cases.wrongful",
            "cases.missed",
            "units.model_maintained",
            "units.safe",
            "outreach.coverage",
            "support.coverage",
            "cases.prosecuted",
            "women.vocational",
            "reporting.completeness",
            "reporting.timeliness",
        )


class TestClausesFor:
    """``Plan.clauses_for``: the clauses listing an indicator, purposes then duties."""

    def test_template(self) -> None:
        """template.toml: reports.resolved is listed by purpose I.1 and duty II.1."""
        plan = template()
        assert plan.clauses_for("reports.resolved") == ("I.1", "II.1")
        assert plan.clauses_for("reports.received") == ("I.1",)

    def test_none(self) -> None:
        """An indicator no clause lists (and an id the catalogue lacks) has no clause."""
        plan = template()
        assert plan.clauses_for("units.safe") == ()
        assert plan.clauses_for("no.such") == ()

    def test_the_2026_plan_has_its_own_clauses(self) -> None:
        """doan-ket-tan-phong-2026 numbers its own clauses: I.2 and II.4.a list on_time."""
        plan = load_plan("doan-ket-tan-phong-2026")
        assert plan.clauses_for("reports.on_time") == ("I.2", "II.4.a")
        assert plan.clauses_for("units.model_maintained") == ("I.3", "II.1.a")


class TestLoading:
    """The loader reads the new keys, and refuses unknown keys in them as before."""

    EXTRA = """
[calendar]
note = "Quyết định số 01/QĐ-UBND (ví dụ)"
[[calendar.days_off]]
date = 2025-03-20
name_vi = "Ngày nghỉ địa phương"
name_en = "Local day off"
[[calendar.working_days]]
date = "2025-05-10"
name_vi = "Làm bù"
name_en = "Make-up working day"

[evaluation]
count_receipt_day = true
count_receipt_day_note = "The plan counts it."
crosswalk = false
crosswalk_note = "No unit merged."
"""

    def test_reads_every_new_key(self) -> None:
        """Dates as TOML dates or text, names, notes, flags, the list of indicators."""
        text = BASE_TEXT.replace("slogan = [", 'indicators = ["reports.resolved"]\nslogan = [', 1)
        plan = parse_plan(text + self.EXTRA)
        assert plan.indicators == ("reports.resolved",)
        assert plan.calendar.note == "Quyết định số 01/QĐ-UBND (ví dụ)"
        assert [d.date for d in plan.calendar.days_off] == [dt.date(2025, 3, 20)]
        assert [d.name_en for d in plan.calendar.working_days] == ["Make-up working day"]
        assert plan.evaluation == EvaluationReadings(
            count_receipt_day=True,
            count_receipt_day_note="The plan counts it.",
            crosswalk=False,
            crosswalk_note="No unit merged.",
        )

    def test_unknown_keys_and_wrong_types(self) -> None:
        """Every structure problem of the new keys at once, each with its path."""
        bad = (
            self.EXTRA.replace("crosswalk = false", "crosswalk = 1\ncross_walk = true")
            .replace('name_en = "Local day off"', 'name_en = "Local day off"\nwhy = "x"')
            .replace('date = "2025-05-10"', 'date = "2025-02-30"')
        )
        assert parse_problems(BASE_TEXT + bad) == (
            "calendar.days_off[0].why: unknown key",
            "calendar.working_days[0].date: '2025-02-30' is not a date that exists",
            "evaluation.crosswalk: must be true or false, not int",
            "evaluation.cross_walk: unknown key",
        )

    def test_empty_name_with_its_path(self) -> None:
        """An empty name is refused with its path in the file."""
        bad = self.EXTRA.replace('name_vi = "Làm bù"', 'name_vi = ""')
        assert parse_problems(BASE_TEXT + bad) == (
            "calendar.working_days[0].name_vi: must not be empty",
        )

    def test_indicators_must_be_a_list(self) -> None:
        """A lone id is not a list of one (it would be read letter by letter)."""
        assert parse_problems('indicators = "reports.received"\n' + TEMPLATE_TEXT) == (
            "indicators: must be a list, not str",
        )
