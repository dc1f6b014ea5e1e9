"""The package installs, reports its version and exposes its command."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version

import pytest

import threeno
from threeno import cli
from threeno.errors import ThreenoError, ValidationError


class TestPackage:
    """The installed distribution and the import package agree."""

    def test_version_is_the_distribution_version(self) -> None:
        """``threeno.__version__`` comes from the installed metadata, not a copy."""
        assert version("threeno") == threeno.__version__

    def test_all_is_sorted_and_resolves(self) -> None:
        """``__all__`` is sorted and every name in it exists."""
        assert sorted(threeno.__all__) == threeno.__all__
        for name in threeno.__all__:
            assert hasattr(threeno, name), name

    def test_every_error_is_a_threeno_error(self) -> None:
        """A tool can catch every bad-input error with one class."""
        exc = ValidationError("before received_on", cls_name="CrimeReport", field="decided_on")
        assert isinstance(exc, ThreenoError)
        assert str(exc) == "CrimeReport.decided_on: before received_on"
        assert exc.field == "decided_on"


class TestCommand:
    """The ``threeno`` console script."""

    def test_version(self, capsys: pytest.CaptureFixture[str]) -> None:
        """``threeno --version`` prints the version and exits 0."""
        with pytest.raises(SystemExit) as excinfo:
            cli.main(["--version"])
        assert excinfo.value.code == 0
        assert f"threeno {threeno.__version__}" in capsys.readouterr().out

    def test_help_from_the_installed_script(self) -> None:
        """The console script is installed and ``--help`` works in a subprocess."""
        result = subprocess.run(
            [sys.executable, "-m", "threeno.cli", "--help"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0
        assert "usage: threeno" in result.stdout
