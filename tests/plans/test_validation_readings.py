"""``check_plan`` on the plan's indicators, local calendar and readings: all at once, with paths.

The template's plan is for 2025 under the 15th-to-14th cut-off; its only target is
``reports.resolved``. Weekdays worked out by hand: 1 January 2025 is a Wednesday, so
20 March 2025 (78 days later, 78 = 11 x 7 + 1) is a Thursday, 22 March a Saturday, and
14 May 2025 (133 days later, 133 = 19 x 7) a Wednesday; 4 May 2024 is the Saturday the
government made a working day in exchange for Monday 29 April 2024; 5 January 2030 is
a Saturday (1 January 2030 is a Tuesday). In 2025, 1 and 2 September are the National
Day holiday (Bộ luật Lao động 2019, Art. 112).
"""

from __future__ import annotations

import copy
import tomllib
from importlib.resources import files
from typing import Any

from threeno.io.converter import CONVERTER
from threeno.io.plans import check_plan
from threeno.model.plan import Plan

TEMPLATE_TEXT = files("threeno.plans").joinpath("template.toml").read_text(encoding="utf-8")


def template() -> dict[str, Any]:
    """The template's data: a small valid plan to spoil one key at a time."""
    return copy.deepcopy(tomllib.loads(TEMPLATE_TEXT))


def problems(data: dict[str, Any]) -> tuple[str, ...]:
    """The cross-field problems of a plan whose structure is sound."""
    return check_plan(CONVERTER.structure(data, Plan))


def day(date: str, name: str = "Ngày nghỉ") -> dict[str, str]:
    """A day of the local calendar, as the TOML reads it."""
    return {"date": date, "name_vi": name, "name_en": "Day"}


class TestAllAtOnce:
    """Every problem of the new keys, with those of the rest of the plan, in file order."""

    def test_every_mistake_with_its_path(self) -> None:
        """Nine mistakes, nine problems, sorted by where they are in the file.

        - indicators: 'reports.solved' is not in the catalogue; 'reports.received' twice;
          the target for reports.resolved is for an indicator the list leaves out;
        - days_off: 20 March 2025 twice; 5 January 2030 is outside 2024..2026;
        - working_days: 20 March 2025 is also a day off; Wednesday 14 May 2025 and
          Saturday 4 May 2024 (a national make-up day) are working days already;
        - a problem elsewhere (a duty's unknown agency) is reported with them.
        Not problems: Saturday 22 March and the National Day holiday 2 September 2025
        as local days off.
        """
        data = template()
        data["indicators"] = ["reports.received", "reports.solved", "reports.received"]
        data["duties"][0]["agency"] = "hoi-nong-dan"
        data["calendar"] = {
            "days_off": [
                day("2025-03-20"),
                day("2025-03-22"),
                day("2025-09-02"),
                day("2025-03-20", "Lặp lại"),
                day("2030-01-05"),
            ],
            "working_days": [day("2025-03-20"), day("2025-05-14"), day("2024-05-04")],
        }
        assert problems(data) == (
            "indicators[1]: unknown indicator 'reports.solved': not in the catalogue",
            "indicators[2]: duplicate indicator 'reports.received' (first at indicators[0])",
            "duties[0].agency: unknown agency 'hoi-nong-dan'",
            (
                "targets[0].indicator: 'reports.resolved' has a target but is not among the "
                "plan's indicators (indicators): add it there, or drop the target"
            ),
            (
                "calendar.days_off[3].date: duplicate day '2025-03-20' "
                "(first at calendar.days_off[0].date)"
            ),
            (
                "calendar.days_off[4].date: 2030-01-05 is far from the plan's year 2025: "
                "a local day falls in 2024 to 2026"
            ),
            (
                "calendar.working_days[0].date: 2025-03-20 is also a day off "
                "(calendar.days_off[0].date): a day is off or worked, not both"
            ),
            (
                "calendar.working_days[1].date: 2025-05-14 is already a working day in the "
                "national calendar (a Wednesday that is not a public holiday): list only days "
                "the national calendar has off"
            ),
            (
                "calendar.working_days[2].date: 2024-05-04 is already a working day in the "
                "national calendar (a Saturday the government already made a working day "
                "(làm bù)): list only days the national calendar has off"
            ),
        )


class TestIndicators:
    """The plan's own list of indicators."""

    def test_listed_with_its_targets_is_clean(self) -> None:
        """A list that holds the target's indicator, each once, in the catalogue."""
        data = template()
        data["indicators"] = ["reports.resolved", "units.safe"]
        assert problems(data) == ()

    def test_absent_is_clean(self) -> None:
        """Without the key, the targets' indicators are the report's by definition."""
        assert "indicators" not in template()
        assert problems(template()) == ()

    def test_empty_list(self) -> None:
        """An empty list would evaluate nothing: the key is left out instead."""
        data = template()
        data["indicators"] = []
        assert problems(data)[0] == (
            "indicators: an empty list evaluates no indicator; leave the key out to report "
            "the indicators the clauses and targets name"
        )


class TestCalendar:
    """The local days: what is allowed."""

    def test_days_off_on_weekends_and_holidays_are_fine(self) -> None:
        """Local days that change nothing nationally are allowed, one that does too.

        A local day off may fall on a day that is off anyway (Saturday 22 March 2025,
        Tuesday 2 September 2025); a working day on a Sunday (23 March 2025) is a change.
        """
        data = template()
        data["calendar"] = {
            "note": "Quyết định (ví dụ)",
            "days_off": [day("2025-03-22"), day("2025-09-02")],
            "working_days": [day("2025-03-23", "Làm bù")],
        }
        assert problems(data) == ()

    def test_the_years_around_the_plans_are_fine(self) -> None:
        """The year before and the year after are the plan's too.

        They hold days near the reporting year's edges: 31 December 2024 (a Tuesday) and
        2 January 2026 (a Friday) for a 2025 plan.
        """
        data = template()
        data["calendar"] = {"days_off": [day("2024-12-31"), day("2026-01-02")]}
        assert problems(data) == ()

    def test_the_year_before_the_year_before_is_far(self) -> None:
        """31 December 2023 is outside 2024..2026 for a 2025 plan."""
        data = template()
        data["calendar"] = {"days_off": [day("2023-12-31")]}
        assert problems(data) == (
            (
                "calendar.days_off[0].date: 2023-12-31 is far from the plan's year 2025: "
                "a local day falls in 2024 to 2026"
            ),
        )


class TestEvaluation:
    """``crosswalk = true`` needs old units to crosswalk."""

    def test_crosswalk_without_old_units(self) -> None:
        """The template lists one commune and its province: no unit has a successor."""
        data = template()
        data["evaluation"] = {"crosswalk": True, "crosswalk_note": "Merged in 2025."}
        assert problems(data) == (
            (
                "evaluation.crosswalk: true, but no unit in units or related_units ends with "
                "a successor among the plan's units: there is nothing to crosswalk (list the "
                "old units in related_units with valid_to and successor)"
            ),
        )

    def test_count_receipt_day_alone_is_clean(self) -> None:
        """The day-of-receipt reading has nothing to check across the plan."""
        data = template()
        data["evaluation"] = {"count_receipt_day": True}
        assert problems(data) == ()
