"""Targets and deadlines the plan does not set: labelled as readings, or left unassessed.

The 2024 plan's own words set 100% received, classified and resolved, no wrongful
conviction and no crime missed (section I, point 3) and 07/07 communes and wards (point
5). It sets no share of reports resolved on time (it asks for "xử lý kịp thời"), no share
of victims supported ("đảm bảo"), of reports sent, and no deadline for them: those
targets are the software's readings (``set_by_plan = false``), and the timeliness of
reports is measured against a local default deadline (``days_allowed_set_by_plan``
false).

The dataset is the hand-built one of ``indicator_scenario`` (2024-H1): reports.on_time is
3/4 in Quyết Thắng and 4/5 in all (CR-0017 late), reports.resolved 5/10.
"""

from __future__ import annotations

import json

import attrs
import pytest

from tests.indicators.indicator_scenario import DATASET, PERIOD, PLAN
from threeno.indicators.engine import evaluate
from threeno.indicators.results import Evaluation, Status
from threeno.reporting.render import render

INDICATORS = ("reports.resolved", "reports.on_time", "reporting.timeliness")


def not_assessing() -> Evaluation:
    """The plan with ``[evaluation] assess_assumed_targets = false``."""
    readings = attrs.evolve(PLAN.evaluation, assess_assumed_targets=False)
    plan = attrs.evolve(PLAN, evaluation=readings)
    return evaluate(plan, DATASET, PERIOD, indicators=INDICATORS)


@pytest.fixture(scope="module")
def assessed() -> Evaluation:
    """The 2024 plan as it is: readings assessed and labelled."""
    return evaluate(PLAN, DATASET, PERIOD, indicators=INDICATORS)


class TestProvenance:
    """Which targets the plan sets, as the plan file says."""

    def test_the_plans_own_words(self) -> None:
        """Section I, points 3 and 5 set these; everything else is a reading."""
        own = {t.indicator for t in PLAN.targets if t.set_by_plan}
        expected = {
            "reports.classified",
            "reports.resolved",
            "cases.wrongful",
            "cases.missed",
            "units.model_maintained",
        }
        assert expected == own
        readings = [t for t in PLAN.targets if t.assumed]
        assert len(readings) == 6  # 11 targets, 5 the plan's
        assert all(t.note_vi.strip() and t.note.strip() for t in readings)

    def test_result_readings(self, assessed: Evaluation) -> None:
        """What of each result's target is a reading: none, the target, or both."""
        found = {i: assessed[i].total.readings for i in INDICATORS}
        expected = {
            "reports.resolved": (),
            "reports.on_time": ("target",),
            "reporting.timeliness": ("target", "deadline"),
        }
        assert expected == found


class TestLabelled:
    """Assessed by default, and labelled in every language and format."""

    def test_status_assessed(self, assessed: Evaluation) -> None:
        """3/4 against at least 100%: not met, as before; the label says it is a reading."""
        result = assessed["reports.on_time"].by_unit["03386"]
        assert result.status is Status.NOT_MET
        assert result.target_text("vi") == (
            "chỉ tiêu không thấp hơn 100% (I.3; theo cách hiểu của phần mềm, Kế hoạch không"
            " quy định)"
        )
        assert result.target_text("en") == (
            "target at least 100% (I.3; the software's reading, not set by the plan)"
        )

    def test_the_plans_target_is_not_labelled(self, assessed: Evaluation) -> None:
        """reports.resolved: the plan's words, no label."""
        assert assessed["reports.resolved"].total.target_text("vi") == (
            "chỉ tiêu không thấp hơn 100% (I.3)"
        )

    def test_the_deadline_too(self, assessed: Evaluation) -> None:
        """Timeliness against a local default deadline says so."""
        text = assessed["reporting.timeliness"].total.target_text("vi")
        assert text.endswith(
            "(IV.2; chỉ tiêu và hạn gửi báo cáo theo cách hiểu của phần mềm, Kế hoạch không quy"
            " định)"
        )

    def test_json(self, assessed: Evaluation) -> None:
        """The JSON says whether the plan sets the target, and what is a reading."""
        target = assessed["reports.on_time"].total.to_dict()["target"]
        assert target == {
            "comparator": ">=",
            "value": 1.0,
            "clause": "I.3",
            "set_by_plan": False,
            "readings": ["target"],
        }

    @pytest.mark.parametrize("fmt", ["md", "html", "csv", "json"])
    def test_every_format(self, assessed: Evaluation, fmt: str) -> None:
        """Each format carries the label of the reading, in Vietnamese."""
        text = render(assessed, fmt, lang="vi", plan=PLAN)
        assert "theo cách hiểu của phần mềm, Kế hoạch không quy định" in text


class TestNotAssessed:
    """``assess_assumed_targets = false``: readings shown, not judged."""

    def test_statuses(self) -> None:
        """on_time and timeliness are not assessed; the plan's own target still is.

        reports.resolved 5/10 against at least 100%: not met. reports.on_time 4/5 (3/4
        in Quyết Thắng, CR-0011 on time in Tân Phong; a reading): not assessed.
        reporting.timeliness, over the five agencies' expected 2024-H1 reports (its
        target and its deadline readings): not assessed.
        """
        evaluation = not_assessing()
        assert evaluation["reports.resolved"].total.status is Status.NOT_MET
        assert evaluation["reports.on_time"].total.status is Status.NOT_ASSESSED
        assert evaluation["reports.on_time"].by_unit["03386"].status is Status.NOT_ASSESSED
        assert evaluation["reporting.timeliness"].total.status is Status.NOT_ASSESSED
        assert not evaluation.assess_assumed_targets

    def test_no_data_stays_no_data(self) -> None:
        """A unit with no report to judge has no data, assessed or not (Tân Phong's 0/0)."""
        evaluation = not_assessing()
        assert evaluation["reports.on_time"].by_unit["03388"].status is Status.NO_DATA

    def test_report_says_why(self) -> None:
        """The status in words gives the reason; the settings line says the switch is off."""
        evaluation = not_assessing()
        plan = attrs.evolve(
            PLAN, evaluation=attrs.evolve(PLAN.evaluation, assess_assumed_targets=False)
        )
        text = render(evaluation, "md", lang="vi", plan=plan)
        assert "Không đánh giá (chỉ tiêu, thời hạn không do Kế hoạch quy định)" in text
        assert "không; các chỉ tiêu này ghi “Không đánh giá”" in text
        data = json.loads(render(evaluation, "json", lang="en", plan=plan))
        setting = next(s for s in data["settings"] if s["key"] == "assess_assumed_targets")
        assert setting["value"] is False
