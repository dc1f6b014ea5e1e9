"""The ``threeno`` command: every subcommand's exit code and what it prints or writes.

The data files: ``data/three-reports.json`` holds the three reports of the indicators
guide (all in Quyết Thắng, 03386, 2024-H1):

- CR-0017, received 2024-01-25, limit 2024-02-15 (20 days ending on a Tết day off, moved
  to the next working day: Bộ luật Tố tụng hình sự 2015, Art. 134, 147(1)), decided
  2024-02-20: resolved, late;
- CR-0018, received 2024-03-04, limit 2024-03-25 (20 days end on Sunday 24 March),
  decided 2024-03-20: resolved on time;
- CR-0019, received 2024-05-02, suspended from 2024-05-15 (Art. 148): not resolved.

``data/one-rejected.json`` has CR-0017 and CR-0020, decided before it was received.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import threeno
from threeno import cli
from threeno.errors import PeriodError
from threeno.model.dataset import RECORD_TYPES
from threeno.plans import load_plan

DATA = Path(__file__).parent / "data"
THREE = str(DATA / "three-reports.json")
REJECTED = str(DATA / "one-rejected.json")


def _usage_error(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    """Run argv, expect exit 2 with one line on standard error, and return that line."""
    assert cli.main(argv) == cli.EXIT_USAGE
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    return captured.err


class TestDefaultPeriod:
    """The period ``report`` evaluates when given none."""

    @pytest.mark.parametrize(
        ("on", "expected"),
        [
            # 2024-H1 runs 2023-12-15..2024-06-14: still open on 14 June, complete on the 15th.
            (dt.date(2024, 6, 14), "2024-H1"),
            (dt.date(2024, 6, 15), "2024-H1"),
            # H2 and the year both end on 2024-12-14; once over, the year (the longer).
            (dt.date(2024, 12, 15), "2024"),
            (dt.date(2026, 1, 5), "2024"),
            # Before any report period of the plan's year is complete: the first one.
            (dt.date(2024, 1, 10), "2024-H1"),
        ],
    )
    def test_latest_complete_within_the_plan_year(self, on: dt.date, expected: str) -> None:
        """The latest complete six-monthly or yearly period of the plan's year."""
        assert expected == str(cli.default_period(load_plan("lai-chau-2024"), on))


class TestReport:
    """``threeno report``."""

    def test_defaults(self, capsys: pytest.CaptureFixture[str]) -> None:
        """No options: the 2024 plan, the demo data, the year 2024, Markdown in Vietnamese."""
        assert cli.main(["report"]) == cli.EXIT_OK
        out = capsys.readouterr().out
        # The demo data are synthetic: the report says so first (issue 18, item 7).
        assert out.startswith(
            "> **SỐ LIỆU MÔ PHỎNG – KHÔNG DÙNG ĐỂ BÁO CÁO**\n\n"
            "**BAN CHỈ ĐẠO DUY TRÌ HOẠT ĐỘNG MÔ HÌNH “03 KHÔNG, 03 CÓ”**\n"
        )
        assert "\n# BÁO CÁO\n" in out
        assert "- **Kỳ báo cáo:** năm 2024\n- **Thời gian:** 15/12/2023 – 14/12/2024\n" in out
        # The demo data: 888 records, none rejected, none left out for its unit.
        assert "- **Số liệu đầu vào:** 888 trường hợp, trong đó 888 hợp lệ, 0 không hợp lệ" in out
        assert "- **Số liệu không được tính vì mã đơn vị:** không có\n" in out

    def test_options(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--data, --period, --unit, --lang select what is evaluated and how it reads."""
        argv = ["report", "--data", THREE, "--period", "2024-H1", "--unit", "03386"]
        assert cli.main([*argv, "--lang", "en"]) == cli.EXIT_OK
        lines = capsys.readouterr().out.splitlines()
        assert "- **Units (1):** Phường Quyết Thắng" in lines
        resolved = "Share of crime reports resolved"
        target = "At least 100% (section I, point 3)"
        rows = [line.split(" | ", 1)[-1] for line in lines if line.startswith("| ")]
        assert f"{resolved} | 2/3 reports, 66.7% | {target} | Not met |" in rows
        on_time = "Share of crime reports resolved within the time limit"
        # The plan does not set this target (it reads "xử lý kịp thời"): labelled a reading.
        reading = f"{target[:-1]}; the software's reading, not set by the plan)"
        assert f"{on_time} | 1/2 reports, 50.0% | {reading} | Not met |" in rows

    def test_suspension_resolved(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--suspension-resolved counts CR-0019's suspension as its resolution, and says so.

        CR-0019, received 2024-05-02, was suspended on 2024-05-15 (Art. 147(1)(c), 148),
        within its limit (20 days end on 2024-05-22, a Wednesday). Resolved: 2/3 by
        default, 3/3 with the option; on time: CR-0018 and, now, CR-0019: 2/3 (CR-0017
        decided on 20/02 after its limit 15/02).
        """
        argv = ["report", "--data", THREE, "--period", "2024-H1", "--unit", "03386"]
        assert cli.main([*argv, "--lang", "en", "--suspension-resolved"]) == cli.EXIT_OK
        lines = capsys.readouterr().out.splitlines()
        rows = [line.split(" | ", 1)[-1] for line in lines if line.startswith("| ")]
        resolved = "Share of crime reports resolved"
        target = "At least 100% (section I, point 3)"
        assert f"{resolved} | 3/3 reports, 100.0% | {target} | Met |" in rows
        on_time = "Share of crime reports resolved within the time limit"
        assert any(row.startswith(f"{on_time} | 2/3 reports, 66.7% |") for row in rows)
        assert (
            "- **A suspended report counts as resolved:** yes — Set on the command line"
            " (--suspension-resolved), not by the plan file."
        ) in lines
        assert cli.main([*argv, "--no-suspension-resolved"]) == cli.EXIT_OK
        out = capsys.readouterr().out
        assert "2/3 tin, đạt 66,7%" in out

    @pytest.mark.parametrize("fmt", ["html", "json", "csv", "md"])
    def test_out_file(self, tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
        """--out writes the file in the format asked for; nothing on standard output."""
        out = tmp_path / f"report.{fmt}"
        argv = ["report", "--data", THREE, "--period", "2024-H1", "--format", fmt]
        assert cli.main([*argv, "--out", str(out), "--lang", "en"]) == cli.EXIT_OK
        assert capsys.readouterr().out == ""
        raw = out.read_bytes()
        if fmt == "html":
            assert raw.startswith(b'<!DOCTYPE html>\n<html lang="en">')
        elif fmt == "json":
            assert json.loads(raw)["header"]["period"] == "2024-H1"
        elif fmt == "csv":
            # A byte-order mark, so that a spreadsheet reads UTF-8.
            assert raw.startswith(b"\xef\xbb\xbfsection,indicator_name,")
            rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
            total = next(
                r
                for r in rows
                if r["indicator"] == "reports.resolved" and not r["unit"] and not r["dimension"]
            )
            assert (total["numerator"], total["denominator"]) == ("2", "3")
        else:
            assert raw.startswith(b"**STEERING COMMITTEE")

    def test_rejected_records_exit_1(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A record rejected: the report is written, a line on standard error, exit 1."""
        argv = ["report", "--data", REJECTED, "--period", "2024-H1", "--lang", "en"]
        assert cli.main(argv) == cli.EXIT_DATA
        captured = capsys.readouterr()
        assert "| Crime reports | 2 | 1 | 1 |" in captured.out
        assert captured.err == (
            "threeno: 1 record(s) rejected; the report's data-quality section lists them\n"
        )

    def test_bad_period_is_a_usage_error(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A period that does not exist: exit 2, in the command's language."""
        err = _usage_error(capsys, ["report", "--period", "2024-H3", "--lang", "en"])
        assert err.startswith("threeno: error: no reporting period '2024-H3'; the forms are 2024")
        err = _usage_error(capsys, ["report", "--period", "2024-H3"])
        assert err.startswith("threeno: lỗi: kỳ báo cáo '2024-H3' không hợp lệ; các dạng hợp lệ:")

    def test_unknown_unit_is_a_usage_error(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A unit not in the plan: exit 2, naming the plan's units."""
        err = _usage_error(capsys, ["report", "--unit", "99999", "--lang", "en"])
        assert err.startswith(
            "threeno: error: unit '99999' is not one of plan lai-chau-2024's units on 14/12/2024:"
            " 03386, 03387"
        )
        err = _usage_error(capsys, ["report", "--unit", "99999"])
        assert err.startswith(
            "threeno: lỗi: đơn vị '99999' không thuộc các đơn vị của kế hoạch lai-chau-2024"
            " ngày 14/12/2024: 03386, 03387"
        )

    def test_no_demo_data_for_another_plan(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Another plan without --data: exit 2 (there is no demo data for it)."""
        err = _usage_error(capsys, ["report", "--plan", "doan-ket-tan-phong-2026", "--lang", "en"])
        assert "no demo data for plan doan-ket-tan-phong-2026" in err
        err = _usage_error(capsys, ["report", "--plan", "doan-ket-tan-phong-2026"])
        assert "kế hoạch doan-ket-tan-phong-2026 không có dữ liệu mẫu" in err

    @pytest.mark.parametrize(
        "command",
        ["report", "explain reports.on_time", "indicators", "validate x.json", "sample --out x"],
    )
    def test_unknown_plan_is_a_usage_error(
        self, command: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A bundled plan that does not exist: exit 2 (a usage error), listing the bundled plans.

        A plan file's path that does not exist is missing data instead (exit 1).
        """
        argv = [*command.split(), "--plan", "nope-2030"]
        err = _usage_error(capsys, argv)
        bundled = "doan-ket-tan-phong-2026, lai-chau-2024"
        if command.startswith(("report", "explain", "indicators", "validate")):  # vi by default
            assert err == (
                "threeno: lỗi: không có kế hoạch 'nope-2030' trong các kế hoạch kèm theo:"
                f" {bundled} (đường dẫn tệp kế hoạch kết thúc bằng .toml)\n"
            )
        else:
            assert err == (
                f"threeno: error: no bundled plan 'nope-2030'; bundled plans: {bundled}"
                " (a plan file's path ends in .toml)\n"
            )
        assert cli.main([*command.split(), "--plan", "nope-2030.toml"]) == cli.EXIT_DATA

    def test_unknown_format(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown format is refused by the parser: exit 2."""
        with pytest.raises(SystemExit) as excinfo:
            cli.main(["report", "--format", "pdf"])
        assert excinfo.value.code == cli.EXIT_USAGE
        assert "invalid choice: 'pdf'" in capsys.readouterr().err

    def test_missing_data_exit_1(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Data that cannot be read: one line, exit 1."""
        argv = ["report", "--data", str(tmp_path / "nothing.json"), "--lang", "en"]
        assert cli.main(argv) == cli.EXIT_DATA
        err = capsys.readouterr().err
        assert err.startswith("threeno: error: ")
        assert err.count("\n") == 1

    def test_debug_raises(self) -> None:
        """--debug lets the error through with its traceback (and its cause)."""
        with pytest.raises(cli.UsageError) as excinfo:
            cli.main(["--debug", "report", "--period", "2024-H3"])
        assert isinstance(excinfo.value.__cause__, PeriodError)


class TestValidate:
    """``threeno validate DATA``."""

    def test_clean_data(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The load report, exit 0."""
        assert cli.main(["validate", THREE, "--lang", "en"]) == cli.EXIT_OK
        out = capsys.readouterr().out
        assert out.splitlines()[0] == (
            f"{THREE}: 3 records read, 3 accepted, 0 rejected; 0 problems between records"
        )

    def test_rejected(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A rejected record: listed with its place and reason, exit 1."""
        assert cli.main(["validate", REJECTED, "--lang", "en"]) == cli.EXIT_DATA
        out = capsys.readouterr().out
        assert (
            f"  {REJECTED}, crime_reports[1], id 'CR-0020': decided_on: 2024-04-01 is before"
            " received_on 2024-05-02"
        ) in out.splitlines()


class TestIndicators:
    """``threeno indicators``."""

    def test_catalogue_with_targets(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A header, then one line per indicator: id, kind, clauses, target, reported, name."""
        assert cli.main(["indicators", "--lang", "en"]) == cli.EXIT_OK
        lines = capsys.readouterr().out.splitlines()
        assert len(lines) == 1 + 18
        assert lines[0].split("  ")[0] == "Indicator id"
        resolved = next(line for line in lines if line.startswith("reports.resolved "))
        # Plan I.3: "100%" of crime reports resolved; II.4.b lists it too.
        cells = [cell.strip() for cell in resolved.split("  ") if cell.strip()]
        assert cells == [
            "reports.resolved",
            "Share",
            "I.3, II.4.b",
            "at least 100%",
            "yes",
            "Share of crime reports resolved",
        ]

    def test_in_vietnamese(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The same table in Vietnamese: the headers, kinds, comparators and names."""
        assert cli.main(["indicators"]) == cli.EXIT_OK
        lines = capsys.readouterr().out.splitlines()
        assert lines[0].split("  ")[0] == "Mã chỉ tiêu"
        overdue = next(line for line in lines if line.startswith("reports.overdue "))
        cells = [cell.strip() for cell in overdue.split("  ") if cell.strip()]
        assert cells[1:5] == ["Số lượng", "I.3", "bằng 0", "có"]  # I.3 alone lists it

    def test_clauses_are_the_plans(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Under another plan, its own clauses, never Lai Châu's; what it does not list.

        doan-ket-tan-phong-2026.toml lists reports.resolved in its purpose I.2 and its duty
        II.4.a (where Lai Châu's plan has I.3 and II.4.b). The second locality lists nine
        indicators in its `indicators` key; reports.classified is not one of them and no
        clause of it names it: no clause, evaluated on request.
        """
        argv = ["indicators", "--plan", "doan-ket-tan-phong-2026", "--lang", "en"]
        assert cli.main(argv) == cli.EXIT_OK
        lines = capsys.readouterr().out.splitlines()
        resolved = next(line for line in lines if line.startswith("reports.resolved "))
        assert [c.strip() for c in resolved.split("  ") if c.strip()][2] == "I.2, II.4.a"
        locality = str(Path(__file__).parents[1] / "data" / "locality" / "plan.toml")
        assert cli.main(["indicators", "--plan", locality, "--lang", "en"]) == cli.EXIT_OK
        lines = capsys.readouterr().out.splitlines()
        classified = next(line for line in lines if line.startswith("reports.classified "))
        cells = [c.strip() for c in classified.split("  ") if c.strip()]
        assert cells[2:5] == ["—", "—", "on request"]


class TestExplain:
    """``threeno explain INDICATOR``."""

    def test_one_unit(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The result and every record behind it, for one unit."""
        argv = ["explain", "reports.on_time", "--unit", "03386", "--data", THREE]
        assert cli.main([*argv, "--period", "2024-H1", "--lang", "en"]) == cli.EXIT_OK
        lines = capsys.readouterr().out.splitlines()
        assert lines[0] == "reports.on_time: Share of crime reports resolved within the time limit"
        reading = "(I.3; the software's reading, not set by the plan)"
        assert f"Value: 1/2 = 50.0%; target at least 100% {reading}: not met" in lines
        assert lines[-2] == "Not counted (1):"
        assert lines[-1].startswith("- CR-0017: received 25/01/2024, limit 15/02/2024")

    def test_whole_area_in_vietnamese(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Without --unit, the whole area; Vietnamese by default."""
        argv = ["explain", "reports.resolved", "--data", THREE, "--period", "2024-H1"]
        assert cli.main(argv) == cli.EXIT_OK
        out = capsys.readouterr().out
        assert "Đơn vị: toàn địa bàn (7 xã, phường)" in out
        assert "Kết quả: 2/3 = 66,7%" in out

    def test_rejected_records(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Records rejected: the result is printed, and the command exits 1 saying why.

        ``one-rejected.json`` holds CR-0017 (late, as in the three reports) and CR-0020,
        rejected: 1 of 1 resolved report, 0 on time.
        """
        argv = ["explain", "reports.on_time", "--data", REJECTED, "--period", "2024-H1"]
        assert cli.main([*argv, "--lang", "en"]) == cli.EXIT_DATA
        captured = capsys.readouterr()
        reading = "(I.3; the software's reading, not set by the plan)"
        assert f"Value: 0/1 = 0.0%; target at least 100% {reading}: not met" in captured.out
        assert captured.err == "threeno: 1 record(s) rejected; `threeno validate` lists them\n"

    def test_unknown_indicator(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An indicator not in the catalogue: exit 2."""
        err = _usage_error(capsys, ["explain", "reports.lost", "--lang", "en"])
        assert err.startswith("threeno: error: no indicator 'reports.lost'; the catalogue has: ")
        err = _usage_error(capsys, ["explain", "reports.lost"])
        assert err.startswith("threeno: lỗi: không có chỉ tiêu 'reports.lost'; danh mục chỉ tiêu")

    def test_unit_of_an_agency_indicator(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Reporting is counted by agency: --unit makes no sense, exit 2."""
        argv = ["explain", "reporting.completeness", "--unit", "03386"]
        err = _usage_error(capsys, [*argv, "--lang", "en"])
        assert "counted by reporting agency, not by unit" in err
        err = _usage_error(capsys, argv)
        assert "được tính theo cơ quan báo cáo, không theo đơn vị" in err


class TestSchema:
    """``threeno schema [TYPE]``."""

    def test_record_type(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The JSON Schema of one record type."""
        assert cli.main(["schema", "model_reviews"]) == cli.EXIT_OK
        schema = json.loads(capsys.readouterr().out)
        assert schema["required"] == ["id", "unit_code", "held_on", "kind", "maintained"]


class TestDocs:
    """``threeno docs [PLAN] --out DIR``."""

    def test_pages(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Writes the five pages and prints their paths."""
        assert cli.main(["docs", "--out", str(tmp_path)]) == cli.EXIT_OK
        printed = capsys.readouterr().out.splitlines()
        names = ["index.md", "indicators.md", "duties.md", "data-dictionary.md", "rules.md"]
        assert printed == [str(tmp_path / name) for name in names]
        assert (tmp_path / "duties.md").read_text("utf-8").startswith("# Duty matrix")

    def test_out_is_required(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--out is required: exit 2."""
        with pytest.raises(SystemExit) as excinfo:
            cli.main(["docs"])
        assert excinfo.value.code == cli.EXIT_USAGE
        assert "--out" in capsys.readouterr().err


class TestSample:
    """``threeno sample``."""

    def test_writes_files(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """One JSON Lines file per record type, counts printed; loads back cleanly."""
        out = tmp_path / "sample"
        assert cli.main(["sample", "--seed", "7", "--scale", "0.2", "--out", str(out)]) == 0
        lines = capsys.readouterr().out.splitlines()
        assert len(lines) == 9
        assert lines[-1].endswith(f"records written to {out}")
        expected = sorted(f"{name}.jsonl" for name in RECORD_TYPES)
        assert expected == sorted(p.name for p in out.iterdir())
        assert cli.main(["validate", str(out)]) == cli.EXIT_OK

    @pytest.mark.parametrize("scale", ["0", "-1", "lots"])
    def test_bad_scale(self, scale: str, tmp_path: Path) -> None:
        """A scale that is not a number above 0 is a usage error."""
        with pytest.raises(SystemExit) as excinfo:
            cli.main(["sample", "--scale", scale, "--out", str(tmp_path)])
        assert excinfo.value.code == cli.EXIT_USAGE


class TestPlanShow:
    """``threeno plan show`` still works (tests/plans/test_cli_plan.py has the rest)."""

    def test_default(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The 2024 plan in English."""
        assert cli.main(["plan", "show"]) == cli.EXIT_OK
        assert capsys.readouterr().out.startswith("lai-chau-2024: ")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class TestProgress:
    """Progress of a slow load: on a terminal only."""

    @pytest.fixture
    def no_delay(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Show progress at once instead of after two seconds."""
        monkeypatch.setattr(cli, "PROGRESS_DELAY", 0.0)

    @pytest.mark.usefixtures("no_delay")
    def test_terminal(self) -> None:
        """On a terminal: what is being done and the seconds elapsed, then cleared."""
        stream = _Terminal()
        with cli._progress("loading records", stream):
            pass
        text = stream.getvalue()
        assert text.startswith("\rthreeno: loading records… 0 s")
        assert text.endswith("\r\x1b[K")

    @pytest.mark.usefixtures("no_delay")
    def test_not_a_terminal(self) -> None:
        """Not a terminal (a pipe, a file, a CI log): nothing."""
        stream = io.StringIO()
        with cli._progress("loading records", stream):
            pass
        assert stream.getvalue() == ""


class TestNoCommand:
    """``threeno`` alone."""

    def test_help(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Prints the help, listing every command, exit 0."""
        assert cli.main([]) == cli.EXIT_OK
        out = capsys.readouterr().out
        for command in (
            "report",
            "validate",
            "indicators",
            "explain",
            "schema",
            "docs",
            "plan",
            "sample",
        ):
            assert command in out


class TestModule:
    """``python -m threeno`` runs the same command as the console script."""

    def test_version(self) -> None:
        """The package runs as a module: its version, exit 0."""
        done = subprocess.run(
            [sys.executable, "-m", "threeno", "--version"],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert (done.returncode, done.stdout) == (0, f"threeno {threeno.__version__}\n")
