"""``threeno plan show [ID|PATH]``."""

from __future__ import annotations

from pathlib import Path

import pytest

from threeno import cli
from threeno.errors import PlanError

MISTAKES = Path(__file__).parent / "data" / "mistakes.toml"


class TestPlanShow:
    """The summary of a bundled plan or a plan file; problems on standard error."""

    def test_default_is_the_2024_plan(self, capsys: pytest.CaptureFixture[str]) -> None:
        """With no argument it shows lai-chau-2024, exit 0."""
        assert cli.main(["plan", "show"]) == cli.EXIT_OK
        out = capsys.readouterr().out
        assert out.startswith("lai-chau-2024: Maintaining the “03 không, 03 có”")
        assert "Administrative units (7):" in out

    def test_by_id_in_vietnamese(self, capsys: pytest.CaptureFixture[str]) -> None:
        """``--lang vi`` gives the Vietnamese names."""
        assert cli.main(["plan", "show", "doan-ket-tan-phong-2026", "--lang", "vi"]) == 0
        out = capsys.readouterr().out
        assert "  03388  Phường Đoàn Kết  từ ngày 01/07/2025" in out
        assert "  Công an phường Đoàn Kết (cấp xã; Cơ quan Thường trực Ban Chỉ đạo; " in out

    def test_unknown_id_is_one_line_exit_2(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown plan: a usage error, one line naming the bundled plans, exit 2."""
        assert cli.main(["plan", "show", "ha-noi-2024"]) == cli.EXIT_USAGE
        captured = capsys.readouterr()
        assert captured.out == ""
        assert captured.err.count("\n") == 1
        assert captured.err.startswith("threeno: error: no bundled plan 'ha-noi-2024'; ")
        assert "bundled plans: doan-ket-tan-phong-2026, lai-chau-2024" in captured.err

    def test_problems_listed_with_paths(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A plan file's problems: a first line, then one line per problem, exit 1."""
        assert cli.main(["plan", "show", str(MISTAKES)]) == cli.EXIT_DATA
        lines = capsys.readouterr().err.splitlines()
        assert lines[0] == f"threeno: error: {MISTAKES}: 6 problems"
        assert "  duties[0].agency: unknown agency 'hoi-nong-dan'" in lines
        assert len(lines) == 7

    def test_debug_raises(self) -> None:
        """``--debug`` lets the error through with its traceback."""
        with pytest.raises(PlanError):
            cli.main(["--debug", "plan", "show", str(MISTAKES)])

    def test_missing_action_is_a_usage_error(self, capsys: pytest.CaptureFixture[str]) -> None:
        """``threeno plan`` without an action exits 2, as argparse does for usage errors."""
        with pytest.raises(SystemExit) as excinfo:
            cli.main(["plan"])
        assert excinfo.value.code == cli.EXIT_USAGE
        assert "the following arguments are required: ACTION" in capsys.readouterr().err

    def test_help_lists_bundled_plans(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The help names the bundled plans a user may show."""
        with pytest.raises(SystemExit):
            cli.main(["plan", "show", "--help"])
        assert "bundled plans: doan-ket-tan-phong-2026, lai-chau-2024" in capsys.readouterr().out
