"""The evaluation's settings: described once, carried once, checked by the engine.

``evaluate``, ``evaluate_records``, ``Evaluator`` and ``evaluate_stream`` build one
``EvaluationSettings`` of their keywords and start the engine with it
(``Evaluator.from_settings``); a ``None`` is the plan's own, and a bad setting is refused
naming its field.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from tests.indicators.indicator_scenario import DATASET, PERIOD, PLAN, subject
from threeno.errors import DatasetError, UnitError, ValidationError
from threeno.indicators.catalogue import CATALOGUE, get
from threeno.indicators.engine import Evaluator, evaluate, evaluate_records
from threeno.indicators.settings import EvaluationSettings
from threeno.rules.calendar import default_calendar, plan_calendar

D = dt.date
THE_SEVEN = ("03386", "03387", "03388", "03389", "03403", "03408", "03409")


class TestEvaluationSettings:
    """One object of the settings, as given; the engine reads ``None`` as the plan's."""

    def test_iterables_are_read_once(self) -> None:
        """Units and indicators given as generators are kept as tuples, readable again."""
        settings = EvaluationSettings(
            units=(c for c in ["03386", "03387"]), indicators=iter(["cases.missed"])
        )
        assert settings.units == ("03386", "03387")
        assert settings.indicators == ("cases.missed",)
        assert settings.units == ("03386", "03387")

    def test_a_text_is_kept_for_the_engine_to_refuse(self) -> None:
        """A unit code where a list was meant is not split into its digits."""
        settings = EvaluationSettings(units="03386")
        kept: object = settings.units
        assert kept == "03386"
        with pytest.raises(UnitError, match=r"units must be a list of unit codes"):
            Evaluator.from_settings(PLAN, PERIOD, settings)

    def test_defaults_are_the_plans(self) -> None:
        """Nothing given: every setting is None but ``explain``, "failures"."""
        expected = EvaluationSettings(
            units=None,
            indicators=None,
            crosswalk=None,
            explain="failures",
            registry=None,
            calendar=None,
            count_receipt_day=None,
        )
        assert expected == EvaluationSettings()

    def test_for_plan_leaves_nothing_to_the_plan(self) -> None:
        """``for_plan`` names every unit, definition and reading; a plan's list keeps its order.

        The 2024 plan with ``indicators = ["units.safe", "reports.received"]``: those two,
        in that order (not the catalogue's).
        """
        plan = attrs.evolve(PLAN, indicators=("units.safe", "reports.received"))
        resolved = EvaluationSettings(units=["03403", "03386"]).for_plan(plan, PERIOD)
        assert resolved.units == ("03386", "03403")  # the plan's order
        assert resolved.indicators == (get("units.safe"), get("reports.received"))
        assert (resolved.crosswalk, resolved.count_receipt_day) == (False, False)
        assert resolved.calendar == plan_calendar(PLAN)

    def test_from_settings_is_the_keywords(self) -> None:
        """An evaluator from settings evaluates exactly as one from the same keywords."""
        settings = EvaluationSettings(units=["03386"], explain="all", count_receipt_day=True)
        by_settings = Evaluator.from_settings(PLAN, PERIOD, settings)
        by_keywords = Evaluator(
            PLAN, PERIOD, units=["03386"], explain="all", count_receipt_day=True
        )
        for evaluator in (by_settings, by_keywords):
            evaluator.add("crime_reports", DATASET.crime_reports)
        assert by_keywords.result().to_json() == by_settings.result().to_json()

    def test_from_settings_takes_settings(self) -> None:
        """Anything else is refused, naming the field."""
        with pytest.raises(
            ValidationError, match=r"^Evaluation\.settings: must be an EvaluationSettings, not dict"
        ):
            Evaluator.from_settings(PLAN, PERIOD, {"units": None})  # type: ignore[arg-type]

    def test_the_evaluation_says_what_it_ran_with(self) -> None:
        """``Evaluation.settings``: each None read as the 2024 plan's.

        The plan's seven units in force on 2024-06-14, its report's indicators (the
        whole catalogue, as it names every one), no crosswalk and the day of receipt not
        counted (its [evaluation] readings), its own registry and calendar.
        """
        settings = evaluate(PLAN, DATASET, PERIOD).settings
        assert settings.units == THE_SEVEN
        assert settings.indicators == CATALOGUE
        assert (settings.crosswalk, settings.count_receipt_day) == (False, False)
        assert settings.explain == "all"
        assert settings.registry is PLAN.registry
        assert settings.calendar == plan_calendar(PLAN)

    def test_the_settings_evaluate_again(self) -> None:
        """An evaluation's settings, given back, evaluate the same records the same way."""
        first = evaluate(PLAN, DATASET, PERIOD, units=["03386", "03389"], crosswalk=True)
        again = Evaluator.from_settings(PLAN, PERIOD, first.settings)
        for name in ("subjects", "crime_reports", "outreach_events"):
            again.add(name, getattr(DATASET, name))
        partial = evaluate_records(
            PLAN,
            {n: getattr(DATASET, n) for n in ("subjects", "crime_reports", "outreach_events")},
            PERIOD,
            units=["03386", "03389"],
            crosswalk=True,
            explain="all",
        )
        assert partial.to_json() == again.result().to_json()

    def test_settings_given_are_kept(self) -> None:
        """What was given is what the evaluation says it ran with."""
        calendar = default_calendar()
        wider = get("cases.prosecuted").with_offences({150, 151, 348})
        settings = evaluate_records(
            PLAN,
            {},
            PERIOD,
            units=["03387"],
            indicators=[wider],
            crosswalk=True,
            explain="none",
            calendar=calendar,
            count_receipt_day=True,
        ).settings
        assert settings.units == ("03387",)
        assert settings.indicators == (wider,)
        assert (settings.crosswalk, settings.explain, settings.count_receipt_day) == (
            True,
            "none",
            True,
        )
        assert settings.calendar is calendar


class TestArguments:
    """Bad arguments are refused with a ThreenoError naming the field."""

    @pytest.mark.parametrize(
        ("kwargs", "error", "message"),
        [
            ({"explain": "some"}, ValidationError, r"^Evaluation\.explain: must be one of all"),
            ({"crosswalk": 1}, ValidationError, r"^Evaluation\.crosswalk: must be a bool"),
            ({"registry": "x"}, ValidationError, r"^Evaluation\.registry: must be a UnitRegistry"),
            ({"units": ["99999"]}, UnitError, r"unit\(s\) 99999 not among the plan's units"),
            ({"units": "03386"}, UnitError, r"units must be a list of unit codes"),
            ({"units": []}, UnitError, r"units is empty"),
            ({"indicators": ["nope.x"]}, ValidationError, r"^Evaluation\.indicators\[0\]: unknown"),
            (
                {"indicators": ["cases.missed", "cases.missed"]},
                ValidationError,
                r"indicators\[1\]: cases\.missed is listed twice",
            ),
            ({"indicators": [3]}, ValidationError, r"indicators\[0\]: must be an indicator id"),
        ],
    )
    def test_refused(self, kwargs: dict[str, object], error: type[Exception], message: str) -> None:
        """Each bad setting names its field."""
        with pytest.raises(error, match=message):
            evaluate(PLAN, DATASET, PERIOD, **kwargs)  # type: ignore[arg-type]

    def test_plan_and_period(self) -> None:
        """The plan and the period must be a Plan and a ReportingPeriod."""
        with pytest.raises(ValidationError, match=r"^Evaluation\.plan: must be a Plan"):
            Evaluator("lai-chau-2024", PERIOD)  # type: ignore[arg-type]
        with pytest.raises(
            ValidationError, match=r"^Evaluation\.period: must be a ReportingPeriod"
        ):
            Evaluator(PLAN, "2024-H1")  # type: ignore[arg-type]

    def test_dataset(self) -> None:
        """``evaluate`` takes a Dataset."""
        with pytest.raises(DatasetError, match="dataset must be a Dataset, not dict"):
            evaluate(PLAN, {}, PERIOD)  # type: ignore[arg-type]

    def test_unknown_record_type(self) -> None:
        """A record type the data dictionary does not have."""
        with pytest.raises(DatasetError, match="unknown record type 'cases'"):
            evaluate_records(PLAN, {"cases": []}, PERIOD)

    def test_record_of_another_type(self) -> None:
        """A subject among the crime reports is refused with its position."""
        stray = subject("S-1", "03386", D(2024, 1, 1))
        with pytest.raises(
            DatasetError, match=r"crime_reports\[0\]: expected a CrimeReport, not Subject"
        ):
            evaluate_records(PLAN, {"crime_reports": [stray]}, PERIOD)

    def test_closed_evaluator(self) -> None:
        """An evaluator takes no records once its result is out."""
        evaluator = Evaluator(PLAN, PERIOD)
        evaluator.result()
        with pytest.raises(ValidationError, match="the evaluation is finished"):
            evaluator.add("subjects", [])

    def test_unknown_indicator_in_result(self) -> None:
        """Asking an evaluation for an indicator it does not have."""
        result = evaluate(PLAN, DATASET, PERIOD, indicators=["cases.missed"])
        with pytest.raises(
            ValidationError, match=r"^Evaluation\.results: no indicator 'cases\.wrongful'"
        ):
            result["cases.wrongful"]
