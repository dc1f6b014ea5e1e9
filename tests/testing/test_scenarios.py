"""Scenario tests as data: the format, the runner, the pytest plugin, the shipped scenarios."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from importlib.metadata import entry_points
from importlib.resources import files
from pathlib import Path

import pytest

from threeno.errors import ThreenoError
from threeno.indicators.engine import evaluate
from threeno.io.datasets import SCHEMA, load_dataset
from threeno.plans import load_plan
from threeno.testing import scenario_files
from threeno.testing.pytest_plugin import ScenarioMismatchError
from threeno.testing.scenarios import (
    DEFAULT_TOLERANCE,
    TOTAL,
    Difference,
    Expectation,
    Mismatch,
    Scenario,
    ScenarioError,
    check_scenario,
    load_scenarios,
    parse_scenarios,
    run_scenario,
)

pytest_plugins = ["pytester"]

SHIPPED = Path(__file__).parent.parent / "scenarios"
SHIPPED_FILES = sorted(SHIPPED.glob("*.scenario.toml"))

HEAD = """\
name = "One report decided on time"
plan = "lai-chau-2024"
period = "2024-H1"
"""

# CR-1: received Friday 2024-03-01; 20 days (Bộ luật Tố tụng hình sự 2015, Art. 147(1)),
# not counting the day of receipt, end on Thursday 2024-03-21, a working day; decided on
# 2024-03-05, within the limit and within 2024-H1 (2023-12-15 .. 2024-06-14). So in
# Quyết Thắng (03386) reports.on_time is 1/1 = 1.0, met (target at least 100%, I.3).
REPORT = """\
[[data.crime_reports]]
id = "CR-1"
source = "to_giac"
offence_article = 150
unit_code = "03386"
received_on = 2024-03-01
receiving_agency = "cong-an-tp"
decision = "khoi_to"
decided_on = 2024-03-05
"""

ON_TIME = """\
[[expect]]
indicator = "reports.on_time"
unit = "03386"
numerator = 1
denominator = 1
value = 1.0
status = "met"
"""


def text_of(*parts: str) -> str:
    """A scenario file's text from its parts."""
    return "\n".join(textwrap.dedent(p) for p in parts)


def parse(*parts: str, file: str | Path = "example.scenario.toml") -> tuple[Scenario, ...]:
    """The scenarios of a text made of ``parts``."""
    return parse_scenarios(text_of(*parts), file=file)


def problems(*parts: str) -> tuple[str, ...]:
    """The problems ``parse_scenarios`` finds in a text made of ``parts``."""
    with pytest.raises(ScenarioError) as caught:
        parse(*parts)
    return caught.value.problems


def only(*parts: str, file: str | Path = "example.scenario.toml") -> Scenario:
    """The one scenario of a text made of ``parts``."""
    (scenario,) = parse(*parts, file=file)
    return scenario


class TestShippedScenarios:
    """The scenarios of tests/scenarios, worked by hand, hold (without the plugin too)."""

    def test_a_handful(self) -> None:
        """Five to eight files, as the issue asks, each with at least one scenario."""
        assert 5 <= len(SHIPPED_FILES) <= 8
        for path in SHIPPED_FILES:
            assert load_scenarios(path)

    def test_what_they_cover(self) -> None:
        """Together they expect every indicator the issue names."""
        expected = {
            "reports.resolved",
            "reports.on_time",
            "reports.overdue",
            "outreach.coverage",
            "support.coverage",
            "units.model_maintained",
            "reporting.completeness",
            "reporting.timeliness",
        }
        covered = {
            e.indicator
            for path in SHIPPED_FILES
            for s in load_scenarios(path)
            for e in s.expectations
        }
        assert expected <= covered

    @pytest.mark.parametrize("path", SHIPPED_FILES, ids=lambda p: p.name)
    def test_holds(self, path: Path) -> None:
        """Every expectation of the file is met."""
        expected: list[Mismatch] = []
        assert expected == run_scenario(path)


class TestParse:
    """``parse_scenarios``: the format, with every problem named by its TOML path."""

    def test_one_scenario(self) -> None:
        """A file with one scenario at its top level; unit and tolerance take defaults.

        count_receipt_day left out is None: the plan's reading decides.
        """
        scenario = only(HEAD, REPORT, "[[expect]]\nindicator = 'reports.received'\nvalue = 1\n")
        expected = Expectation(where="expect[0]", indicator="reports.received", value=1)
        assert expected == scenario.expectations[0]
        defaults = (TOTAL, DEFAULT_TOLERANCE)
        assert defaults == (expected.unit, expected.tolerance)
        head = ("One report decided on time", "", "lai-chau-2024", "2024-H1")
        assert head == (scenario.name, scenario.where, scenario.plan, scenario.period)
        flags = (False, False, None)
        assert flags == (
            scenario.allow_rejected,
            scenario.allow_problems,
            scenario.count_receipt_day,
        )

    def test_inline_records(self) -> None:
        """Inline records are kept per record type, as TOML gave them (dates as dates)."""
        scenario = only(HEAD, REPORT, ON_TIME)
        assert isinstance(scenario.data, dict)
        (record,) = scenario.data["crime_reports"]
        expected = ("CR-1", "2024-03-05")
        assert expected == (record["id"], str(record["decided_on"]))

    def test_several_scenarios(self) -> None:
        """``[[scenario]]`` tables: each with its own path, data and expectations."""
        text = """\
            [[scenario]]
            name = "first"
            plan = "lai-chau-2024"
            period = "2024-H1"
            [[scenario.expect]]
            indicator = "reports.received"
            value = 0

            [[scenario]]
            name = "second"
            plan = "lai-chau-2024"
            period = "2024"
            count_receipt_day = true
            [[scenario.expect]]
            indicator = "units.model_maintained"
            unit = "03409"
            status = "not_met"
            """
        first, second = parse(text)
        expected = [("first", "scenario[0]"), ("second", "scenario[1]")]
        assert expected == [(first.name, first.where), (second.name, second.where)]
        assert second.expectations[0].where == "scenario[1].expect[0]"
        assert second.count_receipt_day

    def test_data_path_is_read_from_the_file_folder(self) -> None:
        """``data = "path"`` is relative to the scenario file's folder."""
        scenario = only(HEAD, 'data = "records/2024"', ON_TIME, file="area/x.scenario.toml")
        assert Path("area/records/2024") == scenario.data

    def test_nfc(self) -> None:
        """Names are kept in NFC, as every Vietnamese text is."""
        decomposed = "Te\u0302\u0301t"  # "Tết" with combining marks
        scenario = only(HEAD.replace("One report decided on time", decomposed), ON_TIME)
        expected = "T\u1ebft"
        assert expected == scenario.name

    def test_unknown_keys(self) -> None:
        """Typos are errors naming the path, at every level."""
        found = problems(
            HEAD,
            "perod = '2024'",
            REPORT,
            ON_TIME.replace("numerator", "numerater"),
        )
        assert "perod: unknown key; the keys are name, description, plan, period" in found[0]
        assert found[1].startswith("expect[0].numerater: unknown key; the keys are indicator,")

    def test_unknown_key_in_a_scenario_table(self) -> None:
        """In a file of several scenarios, the path starts with the scenario's."""
        found = problems(
            "[[scenario]]",
            HEAD,
            "[[scenario.expect]]\nindicator = 'reports.received'\ntolerence = 0.1\n",
        )
        assert found[0].startswith("scenario[0].expect[0].tolerence: unknown key")

    def test_the_message_names_the_file(self) -> None:
        """The error's message names the file, then lists the problems."""
        with pytest.raises(ScenarioError) as caught:
            parse(HEAD, "extra = 1", ON_TIME, file="tests/x.scenario.toml")
        expected = "tests/x.scenario.toml: 1 problem in the scenario file\n  extra: unknown key"
        assert str(caught.value).startswith(expected)
        assert isinstance(caught.value, ThreenoError)

    def test_missing_keys(self) -> None:
        """name, plan, period and expect are required; indicator in every expectation."""
        found = problems("[[expect]]\nvalue = 1\n")
        expected = (
            "name: missing",
            "plan: missing",
            "period: missing",
            "expect[0].indicator: missing",
        )
        assert expected == found

    def test_no_expectation(self) -> None:
        """A scenario that expects nothing is an error."""
        missing = ("expect: missing: give at least one [[expect]] table",)
        assert missing == problems(HEAD)
        expected = (
            "expect[0]: expects nothing; give numerator, denominator, value, status or figures",
        )
        assert expected == problems(HEAD, "[[expect]]\nindicator = 'reports.received'\n")

    @pytest.mark.parametrize(
        ("line", "message"),
        [
            ("numerator = -1", "expect[0].numerator: must be a whole number, 0 or more, not -1"),
            ("numerator = 1.5", "expect[0].numerator: must be a whole number, 0 or more, not 1.5"),
            ("denominator = true", "expect[0].denominator: must be a whole number, 0 or more"),
            ("value = 'half'", "expect[0].value: must be a number, not 'half'"),
            ("value = nan", "expect[0].value: must be a number, not nan"),
            ("unit = 3386", "expect[0].unit: must be text, not a whole number"),
            ("status = 'ok'", "expect[0].status: unknown status 'ok'; the statuses: met, not_met,"),
            ("value = 0.5\ntolerance = -1", "expect[0].tolerance: must be 0 or more, not -1"),
            ("tolerance = 0.1", "expect[0].tolerance: applies to value, which this expectation"),
            ("figures = 3", "expect[0].figures: must be a table of figure = whole number, not a"),
            (
                "figures = { sent = 1 }",
                "expect[0].figures.sent: reports.on_time has no such figure;",
            ),
            (
                "figures = { other_offences = -2 }",
                "expect[0].figures.other_offences: must be a whole",
            ),
        ],
    )
    def test_wrong_values(self, line: str, message: str) -> None:
        """Each value of the wrong kind is named with its path."""
        found = problems(HEAD, f"[[expect]]\nindicator = 'reports.on_time'\n{line}\n")
        assert found[0].startswith(message), found

    def test_unknown_indicator(self) -> None:
        """An indicator not in the catalogue is named, with the catalogue's ids."""
        found = problems(HEAD, "[[expect]]\nindicator = 'reports.ontime'\nvalue = 1\n")
        assert found[0].startswith(
            "expect[0].indicator: unknown indicator 'reports.ontime'; the catalogue has: cases."
        )

    def test_a_count_has_no_denominator(self) -> None:
        """reports.overdue is a count: expecting a denominator is a mistake."""
        found = problems(HEAD, "[[expect]]\nindicator = 'reports.overdue'\ndenominator = 2\n")
        expected = ("expect[0].denominator: reports.overdue is a count: it has no denominator",)
        assert expected == found

    def test_a_count_is_whole(self) -> None:
        """A count's value is a whole number."""
        found = problems(HEAD, "[[expect]]\nindicator = 'reports.overdue'\nvalue = 1.5\n")
        expected = ("expect[0].value: reports.overdue is a count: a whole number, not 1.5",)
        assert expected == found

    def test_a_share_is_a_fraction(self) -> None:
        """Shares are fractions: 50 (a percentage) is refused."""
        found = problems(HEAD, "[[expect]]\nindicator = 'reports.on_time'\nvalue = 50\n")
        expected = ("expect[0].value: a share is a fraction from 0 to 1 (0.5, not 50), not 50",)
        assert expected == found

    def test_agency_indicators_have_no_units(self) -> None:
        """reporting.* are counted per agency (IV.2): no unit to expect."""
        found = problems(
            HEAD, "[[expect]]\nindicator = 'reporting.timeliness'\nunit = '03386'\nvalue = 1\n"
        )
        expected = (
            (
                "expect[0].unit: reporting.timeliness is counted per agency, not per unit:"
                " leave unit out"
            ),
        )
        assert expected == found

    def test_data(self) -> None:
        """Unknown record types, records that are not tables, data of the wrong kind."""
        found = problems(
            HEAD,
            "[data]\ncrime_report = []\nsubjects = [1]\nmodel_reviews = 'x'\n",
            ON_TIME,
        )
        assert found[0].startswith("data.crime_report: unknown record type; the record types are")
        assert (
            found[1] == "data.subjects[0]: a record is a table ({ id = ... }), not a whole number"
        )
        assert found[2] == "data.model_reviews: must be an array of records, not text"
        expected = ("data: must be a table of records or a path, not a whole number",)
        assert expected == problems(HEAD, "data = 3", ON_TIME)
        expected = ("data: empty",)
        assert expected == problems(HEAD, 'data = ""', ON_TIME)

    def test_flags(self) -> None:
        """allow_rejected, allow_problems and count_receipt_day are true or false."""
        found = problems(HEAD, "allow_rejected = 'yes'", ON_TIME)
        expected = ("allow_rejected: must be true or false, not text",)
        assert expected == found

    def test_keys_beside_scenario_tables(self) -> None:
        """With [[scenario]] tables, nothing else sits at the top level."""
        found = problems(
            'plan = "lai-chau-2024"',
            "[[scenario]]",
            HEAD,
            ON_TIME.replace("[[expect]]", "[[scenario.expect]]"),
        )
        expected = ("plan: beside [[scenario]] tables; put it in each scenario",)
        assert expected == found

    def test_duplicate_names(self) -> None:
        """Two scenarios of one file cannot share a name (it names their test)."""
        one = text_of("[[scenario]]", HEAD, ON_TIME.replace("[[expect]]", "[[scenario.expect]]"))
        found = problems(one, one)
        expected = ("scenario[1].name: 'One report decided on time' is already scenario[0]'s name",)
        assert expected == found

    def test_not_toml(self) -> None:
        """Text that is not TOML: the message names the file and the line."""
        with pytest.raises(ScenarioError, match=r"^x\.scenario\.toml: not valid TOML: .*line 2"):
            parse_scenarios("name = 'x'\nplan = = 1\n", file="x.scenario.toml")

    def test_number_of_thousands_of_digits(self) -> None:
        """A number of 5,000 digits (Python reads at most 4,300) is a ScenarioError."""
        with pytest.raises(ScenarioError, match=r"^x\.scenario\.toml: a number of more than"):
            parse_scenarios(
                "name = 'x'\nevaluate_on = " + "9" * 5000 + "\n", file="x.scenario.toml"
            )


class TestLoadScenarios:
    """``load_scenarios``: files."""

    def test_reads_a_file(self, tmp_path: Path) -> None:
        """The scenarios of a file, with the file's path."""
        path = tmp_path / "a.scenario.toml"
        path.write_text(text_of(HEAD, REPORT, ON_TIME), encoding="utf-8")
        (scenario,) = load_scenarios(path)
        assert path == scenario.file
        assert f'{path} "One report decided on time"' == scenario.label

    def test_missing_file(self, tmp_path: Path) -> None:
        """A file that cannot be read."""
        with pytest.raises(ScenarioError, match=r"^cannot read scenario file .*nothing\.scenario"):
            load_scenarios(tmp_path / "nothing.scenario.toml")

    def test_too_large(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A file over the limit is refused before it is read."""
        monkeypatch.setattr(scenario_files, "MAX_SCENARIO_BYTES", 10)
        path = tmp_path / "big.scenario.toml"
        path.write_text(text_of(HEAD, ON_TIME), encoding="utf-8")
        with pytest.raises(ScenarioError, match=r"bytes, more than the limit of 10; give a large"):
            load_scenarios(path)


def check(*parts: str, file: str | Path = "example.scenario.toml") -> list[Mismatch]:
    """Check the one scenario of a text made of ``parts``."""
    (scenario,) = parse(*parts, file=file)
    return check_scenario(scenario)


class TestCheckScenario:
    """``check_scenario``: the expectations not met, with the explanation of each result."""

    def test_met(self) -> None:
        """Every expectation met: nothing to report."""
        expected: list[Mismatch] = []
        assert expected == check(HEAD, REPORT, ON_TIME)

    def test_mismatch(self) -> None:
        """A wrong numerator, value and status: one mismatch with three differences.

        The scenario expects 0 on time; the report was decided on time (see REPORT), so
        the numerator is 1, the value 1/1 = 1.0 and the status met.
        """
        wrong = ON_TIME.replace("numerator = 1", "numerator = 0")
        wrong = wrong.replace("value = 1.0", "value = 0.0").replace('"met"', '"not_met"')
        (mismatch,) = check(HEAD, REPORT, wrong)
        expected = (
            Difference(field="numerator", expected=0, actual=1),
            Difference(field="value", expected=0.0, actual=1.0, tolerance=DEFAULT_TOLERANCE),
            Difference(field="status", expected="not_met", actual="met"),
        )
        assert expected == mismatch.differences
        where = ("expect[0]", "reports.on_time", "03386")
        assert where == (mismatch.where, mismatch.indicator, mismatch.unit)

    def test_the_explanation_is_the_results(self) -> None:
        """The mismatch carries ``explain()`` of the very result compared."""
        (mismatch,) = check(HEAD, REPORT, ON_TIME.replace("value = 1.0", "value = 0.5"))
        data, _ = load_dataset({"schema": SCHEMA, "crime_reports": [_report_record()]})
        plan = load_plan("lai-chau-2024")
        result = evaluate(plan, data, plan.period("2024-H1"), indicators=["reports.on_time"])
        assert result["reports.on_time"].by_unit["03386"].explain() == mismatch.explanation

    def test_text(self) -> None:
        """``str(mismatch)``: the scenario, the expectation, each difference, the explanation."""
        (mismatch,) = check(HEAD, REPORT, ON_TIME.replace("value = 1.0", "value = 0.5"))
        lines = str(mismatch).splitlines()
        expected_head = [
            (
                'example.scenario.toml "One report decided on time" expect[0]: reports.on_time,'
                " unit 03386"
            ),
            "  value: expected 0.5, actual 1.0 (tolerance 1e-09)",
            "  explain():",
            "    reports.on_time: Share of crime reports resolved within the time limit",
        ]
        assert expected_head == lines[:4]
        # The report's line, with its limit worked out above: 2024-03-21.
        assert any(
            "CR-1" in line and "limit 21/03/2024" in line and "decided 05/03/2024" in line
            for line in lines
        )

    def test_tolerance(self) -> None:
        """A value within the tolerance is met; outside it, not.

        reports.resolved in 2024-H1: CR-1, CR-2 and CR-3 received 2024-03-01, only CR-1
        decided: 1/3 = 0.3333..., 0.00033 from 0.333: within 0.001, not within 0.0001.
        """
        third = "\n".join(
            REPORT.replace("CR-1", rid).replace(
                'decision = "khoi_to"\ndecided_on = 2024-03-05\n', ""
            )
            for rid in ("CR-2", "CR-3")
        )
        # Denominator CR-1, CR-2, CR-3 (all received in the period); numerator CR-1: 1/3.
        near = "[[expect]]\nindicator = 'reports.resolved'\nvalue = 0.333\ntolerance = 0.001\n"
        expected: list[Mismatch] = []
        assert expected == check(HEAD, REPORT, third, near)
        (mismatch,) = check(HEAD, REPORT, third, near.replace("0.001", "0.0001"))
        expected_difference = Difference(
            field="value", expected=0.333, actual=1 / 3, tolerance=0.0001
        )
        assert (expected_difference,) == mismatch.differences

    def test_no_data(self) -> None:
        """An expected value where the result has no data: ``actual`` is None, shown so."""
        # Quyết Tiến (03388) has no report: reports.on_time has no denominator there.
        expect = "[[expect]]\nindicator = 'reports.on_time'\nunit = '03388'\nvalue = 1.0\n"
        (mismatch,) = check(HEAD, REPORT, expect)
        expected = Difference(field="value", expected=1.0, actual=None, tolerance=1e-9)
        assert (expected,) == mismatch.differences
        expected_text = "value: expected 1.0, actual no data (tolerance 1e-09)"
        assert expected_text == str(expected)

    def test_figures(self) -> None:
        """Figures are compared by name.

        reports.resolved for the whole area: CR-1 was received in the period, none was
        pending at its start.
        """
        expect = (
            "[[expect]]\nindicator = 'reports.resolved'\n"
            "figures = { pending_at_start = 1, received_in_period = 1 }\n"
        )
        (mismatch,) = check(HEAD, REPORT, expect)
        expected = (Difference(field="figures.pending_at_start", expected=1, actual=0),)
        assert expected == mismatch.differences

    def test_rejected_record(self) -> None:
        """A rejected record fails the scenario with the load report."""
        bad = REPORT.replace('"to_giac"', '"to_giacc"')
        with pytest.raises(ScenarioError) as caught:
            check(HEAD, bad, ON_TIME)
        message = str(caught.value)
        assert message.startswith(
            'example.scenario.toml "One report decided on time": data: 1 rejected record'
            " (set allow_rejected = true if that is the point)"
        )
        assert "crime_reports[0], id 'CR-1': source: unknown ReportSource 'to_giacc'" in message

    def test_allow_rejected(self) -> None:
        """With ``allow_rejected = true`` the rest is evaluated: no report left, 0 received."""
        bad = REPORT.replace('"to_giac"', '"to_giacc"')
        expect = "[[expect]]\nindicator = 'reports.received'\nvalue = 0\n"
        expected: list[Mismatch] = []
        assert expected == check(HEAD, "allow_rejected = true", bad, expect)

    def test_problems_between_records(self) -> None:
        """A problem between records (an unknown victim) fails, unless allowed."""
        victim = REPORT + 'victim_ids = ["S-9"]\n'
        with pytest.raises(ScenarioError, match=r"data: 1 problem between records \(set allow_"):
            check(HEAD, victim, ON_TIME)
        expected: list[Mismatch] = []
        assert expected == check(HEAD, "allow_problems = true", victim, ON_TIME)

    def test_unit_not_evaluated(self) -> None:
        """A unit that is not one of the plan's at the period's end is named."""
        expect = "[[expect]]\nindicator = 'reports.on_time'\nunit = '03391'\nvalue = 1\n"
        with pytest.raises(ScenarioError) as caught:
            check(HEAD, expect)
        (problem,) = caught.value.problems
        assert problem.startswith(
            "expect[0].unit: '03391' is not a unit evaluated; the units on 2024-06-14:"
            " total, 03386, 03387"
        )

    def test_unknown_plan(self) -> None:
        """A plan that is neither bundled nor a file."""
        with pytest.raises(ScenarioError, match=r"^example.*: plan: no bundled plan 'lai-chau'"):
            check(HEAD.replace("lai-chau-2024", "lai-chau"), ON_TIME)

    def test_bad_period(self) -> None:
        """A period the plan's convention cannot read."""
        with pytest.raises(ScenarioError, match=r"^example.*: period: "):
            check(HEAD.replace("2024-H1", "2024-H3"), ON_TIME)

    def test_plan_and_data_by_path(self, tmp_path: Path) -> None:
        """A plan file and a dataset file, both read from the scenario file's folder."""
        plans = tmp_path / "plans"
        plans.mkdir()
        bundled = files("threeno.plans").joinpath("lai-chau-2024.toml").read_text(encoding="utf-8")
        (plans / "ours.toml").write_text(bundled, encoding="utf-8")
        document = {"schema": SCHEMA, "crime_reports": [_report_record()]}
        (tmp_path / "records.json").write_text(json.dumps(document), encoding="utf-8")
        head = HEAD.replace('"lai-chau-2024"', '"plans/ours.toml"')
        path = tmp_path / "by-path.scenario.toml"
        path.write_text(text_of(head, 'data = "records.json"', ON_TIME), encoding="utf-8")
        expected: list[Mismatch] = []
        assert expected == run_scenario(path)

    def test_missing_data_path(self, tmp_path: Path) -> None:
        """A data path that does not exist."""
        with pytest.raises(ScenarioError, match=r"data: .*nowhere: no such file or folder"):
            check(HEAD, 'data = "nowhere"', ON_TIME, file=tmp_path / "x.scenario.toml")

    def test_personal_data_stays_out_of_repr(self) -> None:
        """Inline records may hold personal data: a scenario's repr does not show them."""
        subject = """\
            [[data.subjects]]
            id = "S-1"
            sex = "female"
            birth_year = 1990
            ethnicity = "08"
            unit_code = "03386"
            registered_on = 2023-01-01
            full_name = "Nguyễn Thị Giả Định"
            """
        scenario = only(HEAD, subject, ON_TIME)
        assert "Giả Định" not in repr(scenario)


def _report_record() -> dict[str, object]:
    """REPORT's record as the data dictionary writes it."""
    return {
        "id": "CR-1",
        "source": "to_giac",
        "offence_article": 150,
        "unit_code": "03386",
        "received_on": "2024-03-01",
        "receiving_agency": "cong-an-tp",
        "decision": "khoi_to",
        "decided_on": "2024-03-05",
    }


class TestRunScenario:
    """``run_scenario``: every scenario of a file."""

    def test_every_scenario(self, tmp_path: Path) -> None:
        """Mismatches of every scenario of the file, in order, each naming its scenario."""
        wrong = ON_TIME.replace("[[expect]]", "[[scenario.expect]]").replace("1.0", "0.0")
        text = text_of(
            "[[scenario]]",
            HEAD,
            REPORT.replace("[[data.", "[[scenario.data."),
            wrong,
            "[[scenario]]",
            HEAD.replace("One report", "Again, one report"),
            REPORT.replace("[[data.", "[[scenario.data."),
            wrong,
        )
        path = tmp_path / "two.scenario.toml"
        path.write_text(text, encoding="utf-8")
        found = run_scenario(path)
        expected = [
            (f'{path} "One report decided on time"', "scenario[0].expect[0]"),
            (f'{path} "Again, one report decided on time"', "scenario[1].expect[0]"),
        ]
        assert expected == [(m.scenario, m.where) for m in found]


class TestMismatchError:
    """The plugin's failure: every mismatch under a count."""

    def test_message(self) -> None:
        """One of one expectation not met, then the mismatch."""
        scenario = only(HEAD, REPORT, ON_TIME.replace("value = 1.0", "value = 0.5"))
        mismatches = check_scenario(scenario)
        error = ScenarioMismatchError(scenario, mismatches)
        expected = f"expectations not met: 1 of 1\n\n{mismatches[0]}"
        assert expected == str(error)
        assert isinstance(error, AssertionError)


# -- the plugin, in a pytest run of its own ------------------------------------------------


@pytest.fixture
def runner(pytester: pytest.Pytester) -> pytest.Pytester:
    """A pytester whose ``sys.path`` has a distribution declaring the ``pytest11`` entry point.

    The plugin is found the way an installed threeno declares it (pyproject.toml:
    ``[project.entry-points.pytest11] threeno = "threeno.testing.pytest_plugin"``), not with
    ``-p``: once threeno itself declares it, ``-p`` would register the module twice.
    """
    dist = pytester.path / "site" / "threeno_scenario_probe-0.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: threeno-scenario-probe\nVersion: 0\n", encoding="utf-8"
    )
    (dist / "entry_points.txt").write_text(
        "[pytest11]\nthreeno = threeno.testing.pytest_plugin\n", encoding="utf-8"
    )
    pytester.syspathinsert(pytester.path / "site")
    return pytester


def write(pytester: pytest.Pytester, name: str, *parts: str) -> Path:
    """Write a scenario file ``<name>.scenario.toml`` in pytester's folder."""
    path = pytester.path / f"{name}.scenario.toml"
    path.write_text(text_of(*parts), encoding="utf-8")
    return path


class TestPlugin:
    """The pytest plugin: scenario files run under plain ``pytest``."""

    def test_passes(self, runner: pytest.Pytester) -> None:
        """A scenario file is collected; its scenario is a test named by its name."""
        write(runner, "on_time", HEAD, REPORT, ON_TIME)
        result = runner.runpytest("-v")
        result.stdout.fnmatch_lines(["*on_time.scenario.toml::One report decided on time PASSED*"])
        result.assert_outcomes(passed=1)

    def test_a_wrong_expectation_fails_readably(self, runner: pytest.Pytester) -> None:
        """The failure prints the indicator, the unit, expected and actual, and explain()."""
        write(runner, "wrong", HEAD, REPORT, ON_TIME.replace("value = 1.0", "value = 0.0"))
        result = runner.runpytest()
        result.assert_outcomes(failed=1)
        result.stdout.fnmatch_lines(
            [
                "*_ scenario: One report decided on time _*",
                "expectations not met: 1 of 1",
                "",
                (
                    '*wrong.scenario.toml "One report decided on time" expect[[]0]:'
                    " reports.on_time, unit 03386"
                ),
                "  value: expected 0.0, actual 1.0 (tolerance 1e-09)",
                "  explain():",
                "    reports.on_time: Share of crime reports resolved within the time limit",
                "*CR-1*received 01/03/2024, limit 21/03/2024*decided 05/03/2024*",
                "FAILED wrong.scenario.toml::One report decided on time*",
            ]
        )
        assert "Traceback" not in result.stdout.str()

    def test_several_scenarios(self, runner: pytest.Pytester) -> None:
        """One test per scenario of the file, in its order."""
        table = ON_TIME.replace("[[expect]]", "[[scenario.expect]]")
        data = REPORT.replace("[[data.", "[[scenario.data.")
        second = HEAD.replace("One report", "Another report")
        write(runner, "two", "[[scenario]]", HEAD, data, table, "[[scenario]]", second, data, table)
        result = runner.runpytest("--collect-only", "-q")
        result.stdout.fnmatch_lines(
            [
                "two.scenario.toml::One report decided on time",
                "two.scenario.toml::Another report decided on time",
            ]
        )

    def test_a_broken_file_fails_to_collect(self, runner: pytest.Pytester) -> None:
        """A format problem is a collection error naming the file and the TOML path."""
        write(runner, "typo", HEAD, REPORT, ON_TIME.replace("value", "valeu"))
        result = runner.runpytest()
        result.assert_outcomes(errors=1)
        result.stdout.fnmatch_lines(
            [
                "*typo.scenario.toml: 1 problem in the scenario file",
                "  expect[[]0].valeu: unknown key; the keys are indicator, unit, numerator,*",
            ]
        )
        assert "Traceback" not in result.stdout.str()

    def test_rejected_data_fails_with_the_load_report(self, runner: pytest.Pytester) -> None:
        """Bad data fails the scenario with the load report, not a traceback."""
        write(runner, "bad", HEAD, REPORT.replace("150", "-1"), ON_TIME)
        result = runner.runpytest()
        result.assert_outcomes(failed=1)
        result.stdout.fnmatch_lines(
            [
                '*bad.scenario.toml "One report decided on time": data: 1 rejected record*',
                "*crime_reports[[]0[]], id 'CR-1': offence_article:*",
            ]
        )
        assert "Traceback" not in result.stdout.str()

    def test_other_toml_files_are_ignored(self, runner: pytest.Pytester) -> None:
        """Only files ending in ``.scenario.toml`` are collected."""
        runner.makefile(".toml", plan="id = 'x'\n")
        result = runner.runpytest()
        expected = pytest.ExitCode.NO_TESTS_COLLECTED
        assert expected == result.ret

    def test_turned_off(self, runner: pytest.Pytester) -> None:
        """``-p no:threeno`` turns the plugin off."""
        write(runner, "on_time", HEAD, REPORT, ON_TIME)
        result = runner.runpytest("-p", "no:threeno")
        expected = pytest.ExitCode.NO_TESTS_COLLECTED
        assert expected == result.ret

    def test_shipped_scenarios(self, runner: pytest.Pytester) -> None:
        """The shipped scenarios pass under the plugin: one test per scenario."""
        for path in SHIPPED_FILES:
            (runner.path / path.name).write_bytes(path.read_bytes())
        count = sum(len(load_scenarios(path)) for path in SHIPPED_FILES)
        result = runner.runpytest()
        result.assert_outcomes(passed=count)


class TestPluginImport:
    """The plugin is loaded by every pytest run: it imports little."""

    def test_imports_neither_hypothesis_nor_the_runner(self) -> None:
        """Importing the plugin imports neither Hypothesis nor the scenario runner."""
        code = (
            "import sys, threeno.testing.pytest_plugin;"
            "print(sorted(m for m in ('hypothesis', 'threeno.testing.scenarios')"
            " if m in sys.modules))"
        )
        out = subprocess.run(  # noqa: S603 - our own interpreter and code
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout
        expected = "[]\n"
        assert expected == out

    def test_entry_point(self) -> None:
        """Installed threeno declares the plugin as the ``pytest11`` entry point ``threeno``."""
        found = [ep for ep in entry_points(group="pytest11") if ep.name == "threeno"]
        found = [ep for ep in found if ep.dist is None or ep.dist.name == "threeno"]
        if not found:
            pytest.skip("threeno is not installed with its pytest11 entry point yet")
        expected = ["threeno.testing.pytest_plugin"]
        assert expected == [ep.value for ep in found]
