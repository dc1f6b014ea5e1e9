"""Revision files: a base plan and the parts a what-if replaces, checked as a plan is."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs
import pytest

from threeno.errors import PlanError
from threeno.io.revisions import parse_revision
from threeno.model.plan import EvaluationReadings
from threeno.plans import load_plan, load_revision, revisions

if TYPE_CHECKING:
    from pathlib import Path

    from threeno.model.revision import Revision

PLAN = load_plan("lai-chau-2024")
HEAD = 'base = "lai-chau-2024"\ntitle_vi = "Thử"\ntitle_en = "Trial"\n'


def parse(text: str) -> Revision:
    """A revision of the bundled 2024 plan from TOML text."""
    return parse_revision(text, source="trial.toml", default_id="trial", load_base=load_plan)


def problems(text: str) -> tuple[str, ...]:
    """The problems the revision is refused for."""
    with pytest.raises(PlanError) as caught:
        parse(text)
    return caught.value.problems


class TestSamples:
    """The bundled sample revisions."""

    def test_every_sample_loads(self) -> None:
        """Five samples, each changing its base plan in the key it names."""
        expected = (
            "doan-ket-tan-phong-2026-no-crosswalk",
            "lai-chau-2024-count-receipt-day",
            "lai-chau-2024-crosswalk",
            "lai-chau-2024-deadline-10-days",
            "lai-chau-2024-target-95",
        )
        assert expected == revisions()
        receipt = load_revision("lai-chau-2024-count-receipt-day")
        assert receipt.plan.evaluation.count_receipt_day is True
        assert receipt.plan.id == PLAN.id  # the same plan, another reading
        target = load_revision("lai-chau-2024-target-95").plan.target("reports.resolved")
        assert target is not None
        assert (target.value, target.clause) == (0.95, "I.3")  # the clause kept from the base

    def test_an_unknown_sample(self) -> None:
        """An id that is no sample is refused, naming the samples."""
        with pytest.raises(PlanError, match="lai-chau-2024-target-95"):
            load_revision("no-such-revision")


class TestChanges:
    """What a revision replaces, and the notes it gets when it explains nothing."""

    def test_a_reading_without_its_notes_says_who_set_it(self) -> None:
        """Crosswalk changed with no note: both notes name the revision, not the plan."""
        revision = parse(HEAD + "[evaluation]\ncrosswalk = true\n")
        readings = revision.plan.evaluation
        assert readings.crosswalk is True
        assert "revision trial" in readings.crosswalk_note
        assert "phương án điều chỉnh trial" in readings.crosswalk_note_vi
        assert revision.changes == ("evaluation.crosswalk",)

    def test_every_reading_of_the_format_can_be_changed(self) -> None:
        """Each reading of [evaluation], whatever it is called, flipped by a revision."""
        readings = attrs.fields(EvaluationReadings)
        flags = [f for f in readings if f.type in (bool, "bool")]
        assert flags  # count_receipt_day, crosswalk at least
        for field in flags:
            default = getattr(PLAN.evaluation, field.name)
            value = "false" if default else "true"
            revision = parse(HEAD + f"[evaluation]\n{field.name} = {value}\n")
            assert getattr(revision.plan.evaluation, field.name) is (not default)

    def test_a_deadline_is_a_local_choice(self) -> None:
        """days_allowed 10: not the plan's, and its note names the revision."""
        rules = parse(HEAD + "[reporting]\ndays_allowed = 10\n").plan.reporting
        assert (rules.days_allowed, rules.days_allowed_set_by_plan) == (10, False)
        assert "revision trial" in rules.days_allowed_note

    def test_a_target_lowered_keeps_the_plans_in_its_note(self) -> None:
        """Value = 0.95 over the plan's >= 100% (I.3): the note gives the plan's target."""
        text = HEAD + '[targets."reports.resolved"]\nvalue = 0.95\n'
        target = parse(text).plan.target("reports.resolved")
        assert target is not None
        assert target.value == 0.95
        assert "The plan's target: at least 100% (I.3)." in target.note

    def test_a_target_removed(self) -> None:
        """Remove = true drops the plan's target for the indicator."""
        text = HEAD + '[targets."reports.resolved"]\nremove = true\n'
        assert parse(text).plan.target("reports.resolved") is None

    def test_the_reports_indicators(self) -> None:
        """Indicators replaces the whole list; every target's indicator must be in it."""
        listed = [t.indicator for t in PLAN.targets]
        text = HEAD + f"indicators = {listed!r}\n".replace("'", '"')
        assert tuple(listed) == parse(text).plan.report_indicators

    def test_a_whole_plan_is_an_alternative(self, tmp_path: Path) -> None:
        """A plan file (no base) is read whole: the revision is that plan."""
        from importlib.resources import files  # noqa: PLC0415 - only here

        path = tmp_path / "other.toml"
        text = files("threeno.plans").joinpath("doan-ket-tan-phong-2026.toml").read_text("utf-8")
        path.write_text(text, encoding="utf-8")
        revision = load_revision(path)
        assert (revision.plan.id, revision.changes) == ("doan-ket-tan-phong-2026", ("plan",))

    def test_a_base_by_path(self, tmp_path: Path) -> None:
        """A base given as a path is read from the revision file's folder."""
        from importlib.resources import files  # noqa: PLC0415 - only here

        text = files("threeno.plans").joinpath("lai-chau-2024.toml").read_text("utf-8")
        (tmp_path / "base.toml").write_text(text, encoding="utf-8")
        (tmp_path / "rev.toml").write_text(
            HEAD.replace('"lai-chau-2024"', '"base.toml"') + "[reporting]\ndays_allowed = 7\n",
            encoding="utf-8",
        )
        revision = load_revision(tmp_path / "rev.toml")
        assert (revision.id, revision.plan.reporting.days_allowed) == ("rev", 7)


class TestProblems:
    """Every problem at once, each with its key in the revision file."""

    def test_every_problem_of_the_header(self) -> None:
        """No base, an unknown key, a title that is not text, a table that is a number."""
        found = problems('titel = "x"\ntitle_vi = 3\nevaluation = 1\n')
        expected = (
            (
                "titel: unknown key; a revision file has base, id, title_vi, title_en, note_vi,"
                " note_en, indicators, targets, reporting, calendar, evaluation"
            ),
            "base: missing: name the base plan (a bundled plan's id or a plan file's path)",
            "title_vi: must be a text that is not empty",
            "evaluation: must be a table",
        )
        assert expected == found

    def test_every_problem_of_the_tables(self) -> None:
        """A share over 1, an unknown indicator, an unknown reading, a deadline as text.

        Each is named by its key in the revision file, not by the plan's index.
        """
        text = (
            HEAD
            + '[targets."reports.resolved"]\nvalue = 95\n'
            + '[targets."reports.nothing"]\nvalue = 1\n'
            + "[evaluation]\ncount_the_moon = true\n"
            + '[reporting]\ndays_allowed = "ten"\n'
        )
        found = problems(text)
        assert 'targets."reports.nothing": unknown indicator' in found[0]
        assert len(found) == 1  # the targets are checked before the structure
        text = text.replace('[targets."reports.nothing"]\nvalue = 1\n', "")
        found = problems(text)
        keys = {p.split(":")[0] for p in found}
        assert {"reporting.days_allowed", "evaluation.count_the_moon"} == keys
        text = text.replace("[evaluation]\ncount_the_moon = true\n", "").replace('"ten"', "10")
        (found_one,) = problems(text)
        assert found_one.startswith('targets."reports.resolved".value: reports.resolved is a share')

    def test_a_revision_that_changes_nothing(self) -> None:
        """A base and a title only: refused, there is nothing to compare."""
        assert problems(HEAD)[0].startswith("base: the revision changes nothing")
