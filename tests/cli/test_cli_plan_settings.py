"""The command line on the second locality: the plan's settings, overrides, exit codes.

The fictional plan of Huyện Mẫu Sơn (``tests/data/locality/plan.toml``) and its 33
records; every figure below is in ``tests/data/locality/EXPECTED.md``, worked by hand.
Four records are left out whatever the period (EXPECTED.md, section 2): CR-12 and CR-13
with unit codes no unit of the plan's registry has (``unknown_unit``), CR-14 coded with
Xã Mẫu Bắc after it ended on 2023-12-31 (``not_valid_on_date``), S-07 with a unit that is
not one of the plan's units in scope (``out_of_scope``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from threeno import cli

LOCALITY = Path(__file__).parents[1] / "data" / "locality"
PLAN = str(LOCALITY / "plan.toml")
RECORDS = str(LOCALITY / "records")


def _report(
    capsys: pytest.CaptureFixture[str], period: str, *options: str, code: int = cli.EXIT_DATA
) -> tuple[dict[str, Any], str]:
    """Run ``report`` as JSON in English; return the report and standard error."""
    argv = ["report", "--plan", PLAN, "--data", RECORDS, "--period", period, "--format", "json"]
    assert cli.main([*argv, "--lang", "en", *options]) == code
    captured = capsys.readouterr()
    report: dict[str, Any] = json.loads(captured.out)
    return report, captured.err


def _total(report: dict[str, Any], indicator: str) -> tuple[int | None, int | None]:
    """The whole area's numerator and denominator of one indicator of a JSON report."""
    found = [ind for ind in report["indicators"] if ind["id"] == indicator]
    assert len(found) == 1, indicator
    cell = found[0]["rows"][-1]["cell"]
    return cell["numerator"], cell["denominator"]


class TestExitCodes:
    """Records left out make the command exit 1, unless accepted with --allow-out-of-scope."""

    def test_left_out_records_exit_1_and_say_why(self, capsys: pytest.CaptureFixture[str]) -> None:
        """4 left out: 2 unknown codes, 1 code not valid on its date, 1 not the plan's."""
        _, err = _report(capsys, "2024-03")
        assert err == (
            "threeno: 4 record(s) left out (unknown unit code: 2; unit not valid on the"
            " record's date: 1; unit not the plan's: 1); --allow-out-of-scope accepts this\n"
        )

    def test_left_out_in_vietnamese(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The same line in the report's default language, Vietnamese."""
        argv = ["report", "--plan", PLAN, "--data", RECORDS, "--period", "2024-03"]
        assert cli.main(argv) == cli.EXIT_DATA
        assert capsys.readouterr().err == (
            "threeno: 4 bản ghi không được tính (mã đơn vị không có trong danh mục đơn vị hành"
            " chính: 2; mã đơn vị không có hiệu lực tại ngày của bản ghi: 1; đơn vị không thuộc"
            " phạm vi Kế hoạch: 1); dùng --allow-out-of-scope nếu chấp nhận\n"
        )

    def test_allow_out_of_scope_exits_0(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Accepted knowingly: exit 0, and the line still says how many and why."""
        _, err = _report(capsys, "2024-03", "--allow-out-of-scope", code=cli.EXIT_OK)
        assert err.endswith("accepted (--allow-out-of-scope)\n")
        assert err.startswith("threeno: 4 record(s) left out (unknown unit code: 2;")

    def test_explain_exits_1_too(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Explain evaluates the same records: the same exit and the same line."""
        argv = ["explain", "reports.on_time", "--plan", PLAN, "--data", RECORDS]
        assert cli.main([*argv, "--period", "2024-03", "--lang", "en"]) == cli.EXIT_DATA
        assert "4 record(s) left out" in capsys.readouterr().err
        assert cli.main([*argv, "--period", "2024-03", "--allow-out-of-scope"]) == cli.EXIT_OK


class TestIndicators:
    """The plan's list, and the indicators the command line adds."""

    def test_the_plans_list_in_its_order(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The plan's `indicators` key lists nine, outreach.coverage first: the report too."""
        report, _ = _report(capsys, "2024-03")
        assert [ind["id"] for ind in report["indicators"]] == [
            "outreach.coverage",
            "outreach.events",
            "subjects.monitored",
            "reports.received",
            "reports.resolved",
            "reports.on_time",
            "reports.overdue",
            "cases.wrongful",
            "reporting.timeliness",
        ]

    def test_indicator_adds_one(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--indicator reporting.completeness: appended; in Q1, 7 of the 8 reports expected.

        EXPECTED.md: 2 agencies x (2024-01, 2024-02, 2024-03, 2024-Q1) = 8 expected;
        submitted at all: RS-01..RS-07 = 7 (the ldtbxh report on March is missing).
        """
        report, _ = _report(capsys, "2024-Q1", "--indicator", "reporting.completeness")
        assert report["indicators"][-1]["id"] == "reporting.completeness"
        assert _total(report, "reporting.completeness") == (7, 8)
        assert len(report["indicators"]) == 10

    def test_all_indicators(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--all-indicators: the whole catalogue, 18 indicators."""
        report, _ = _report(capsys, "2024-Q1", "--all-indicators")
        assert len(report["indicators"]) == 18

    def test_unknown_indicator_is_a_usage_error(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An id the catalogue does not have: exit 2 before anything is read."""
        argv = ["report", "--plan", PLAN, "--data", RECORDS, "--indicator", "reports.lost"]
        assert cli.main([*argv, "--lang", "en"]) == cli.EXIT_USAGE
        assert "no indicator 'reports.lost'" in capsys.readouterr().err


class TestSettings:
    """--count-receipt-day, --crosswalk, --days-allowed and --day-off override the plan."""

    def test_count_receipt_day(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Counting the day of receipt: CR-05 is late, reports.on_time in March is 0/1.

        CR-05 was received on 28/02/2024 and decided on 20/03/2024. Not counting the day of
        receipt (the plan's reading), day 1 is 29/02 and day 20 is 19/03, the local day off,
        so the limit moves to 20/03: on time (1/1). Counting it, day 20 is 18/03, a Monday:
        decided two days late (0/1).
        """
        report, _ = _report(capsys, "2024-03")
        assert _total(report, "reports.on_time") == (1, 1)
        report, _ = _report(capsys, "2024-03", "--count-receipt-day")
        assert _total(report, "reports.on_time") == (0, 1)

    def test_day_off_on_the_command_line(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Without the plan's day off CR-05 is late (0/1); --day-off 2024-03-19 restores it.

        The same arithmetic as above: day 20 is Tuesday 19/03/2024; a working day unless
        declared off, in which case the limit moves to Wednesday 20/03, the decision day.
        """
        text = (LOCALITY / "plan.toml").read_text(encoding="utf-8")
        start = text.index("[calendar]")
        end = text.index("[evaluation]")
        without = tmp_path / "plan.toml"
        without.write_text(text[:start] + text[end:], encoding="utf-8")
        argv = ["report", "--plan", str(without), "--data", RECORDS, "--period", "2024-03"]
        argv += ["--format", "json", "--lang", "en"]
        assert cli.main(argv) == cli.EXIT_DATA
        assert _total(json.loads(capsys.readouterr().out), "reports.on_time") == (0, 1)
        assert cli.main([*argv, "--day-off", "2024-03-19"]) == cli.EXIT_DATA
        assert _total(json.loads(capsys.readouterr().out), "reports.on_time") == (1, 1)

    def test_crosswalk(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--crosswalk: S-07 (Xã Mẫu Bắc, merged into Xã Mẫu Tây) counts in Mẫu Tây.

        EXPECTED.md, section 5: outreach.coverage in March goes from 3/5 to 4/6 (S-07 was
        reached by OE-04 on 26/03/2024), and one record fewer is left out.
        """
        report, err = _report(capsys, "2024-03")
        assert _total(report, "outreach.coverage") == (3, 5)
        report, err = _report(capsys, "2024-03", "--crosswalk")
        assert _total(report, "outreach.coverage") == (4, 6)
        assert err.startswith("threeno: 3 record(s) left out")

    @pytest.mark.parametrize(("days", "on_time"), [(5, 6), (4, 4), (11, 7)])
    def test_days_allowed(
        self, days: int, on_time: int, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """reporting.timeliness in Q1 with 4, 5 (the plan's) and 11 days allowed.

        Due = the period's last day + N calendar days. With 5: 6 of 8 on time (RS-06, sent
        11/03 for February, is late; ldtbxh's March report is missing). With 4: January
        due 04/02 (RS-05 sent 05/02: late), February 04/03 (RS-02 sent 04/03: on time),
        March and Q1 due 04/04 (RS-04 sent 05/04: late; RS-03 and RS-07: on time): RS-01,
        RS-02, RS-03, RS-07 = 4. With 11: February due 11/03, so RS-06 is on time too: 7.
        """
        report, _ = _report(capsys, "2024-Q1", "--days-allowed", str(days))
        assert _total(report, "reporting.timeliness") == (on_time, 8)

    def test_bad_settings_are_usage_errors(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A day that is not a date, or a deadline that is not a number of days: exit 2."""
        for option, value in (("--day-off", "19/03/2024"), ("--days-allowed", "-1")):
            with pytest.raises(SystemExit) as excinfo:
                cli.main(["report", "--plan", PLAN, option, value])
            assert excinfo.value.code == cli.EXIT_USAGE
            assert option in capsys.readouterr().err
