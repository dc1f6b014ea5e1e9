"""The pytest plugin: every ``*.scenario.toml`` file is collected, one test per scenario.

Installing threeno registers it through the ``pytest11`` entry point ``threeno``, so a
plain ``pytest`` runs the scenario files under its test paths; ``-p no:threeno`` turns it
off. Each scenario of a file (:mod:`threeno.testing.scenarios`) is one test, named by the
scenario's ``name``. A failing scenario prints, for each expectation not met, the
indicator, the unit, the expected and actual values, and the ``explain()`` of the
result; a scenario file that breaks the format fails to collect, listing every problem
with its TOML path.

This module is imported by every pytest run once threeno is installed, so it imports
nothing but pytest at import time: the scenario runner (and through it the engine) is
imported when a scenario file is first collected. It never imports Hypothesis.

Plan clauses: every clause of the indicator catalogue (a scenario states expected values
of any indicator).

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from _pytest._code.code import TerminalRepr, TracebackStyle

    from threeno.testing.scenarios import Mismatch, Scenario

__all__ = ["ScenarioFile", "ScenarioItem", "ScenarioMismatchError", "pytest_collect_file"]

# Kept here rather than imported, so that matching a file name imports nothing.
_SUFFIX = ".scenario.toml"


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> ScenarioFile | None:
    """Collect a file whose name ends in ``.scenario.toml`` (pytest's hook).

    Args:
        file_path: the file pytest found.
        parent: the collector of its folder.

    Returns:
        A :class:`ScenarioFile`, or ``None`` for any other file.

    Plan clauses: every clause of the indicator catalogue.
    """
    if file_path.name.endswith(_SUFFIX):
        found: ScenarioFile = ScenarioFile.from_parent(parent, path=file_path)
        return found
    return None


def _is_threeno_error(error: BaseException) -> bool:
    from threeno.errors import ThreenoError  # noqa: PLC0415 - imported only when a test fails

    return isinstance(error, ThreenoError)


class ScenarioMismatchError(AssertionError):
    """A scenario's expectations not met; the message lists each with its explanation.

    Args:
        scenario: the scenario.
        mismatches: the expectations not met.

    .. versionadded:: 0.1.0
    """

    def __init__(self, scenario: Scenario, mismatches: list[Mismatch]) -> None:
        """Keep the mismatches; the message is the scenario and every mismatch."""
        self.scenario = scenario
        self.mismatches = mismatches
        head = f"expectations not met: {len(mismatches)} of {len(scenario.expectations)}"
        super().__init__("\n\n".join([head, *(str(m) for m in mismatches)]))


class ScenarioFile(pytest.File):
    """A ``*.scenario.toml`` file: its scenarios are its tests.

    Plan clauses: every clause of the indicator catalogue.

    .. versionadded:: 0.1.0
    """

    def collect(self) -> Iterator[ScenarioItem]:
        """One :class:`ScenarioItem` per scenario, in the file's order.

        Raises:
            ScenarioError: when the file breaks the format (pytest reports it as a
                collection error, with every problem).
        """
        from threeno.testing.scenarios import load_scenarios  # noqa: PLC0415 - see the module

        for scenario in load_scenarios(self.path):
            yield ScenarioItem.from_parent(self, name=scenario.name, scenario=scenario)

    def repr_failure(
        self,
        excinfo: pytest.ExceptionInfo[BaseException],
        style: TracebackStyle | None = None,  # noqa: ARG002 - Node's signature; collectors ignore it
    ) -> str | TerminalRepr:
        """A file that breaks the format: the problems, without a traceback."""
        if _is_threeno_error(excinfo.value):
            return str(excinfo.value)
        return super().repr_failure(excinfo)


class ScenarioItem(pytest.Item):
    """One scenario, run as a test.

    Args:
        scenario: the scenario.
        **kwargs: what pytest passes to every item (``name``, ``parent``).

    Plan clauses: the clauses of the indicators the scenario expects.

    .. versionadded:: 0.1.0
    """

    def __init__(self, *, scenario: Scenario, **kwargs: Any) -> None:  # noqa: ANN401 - pytest's node keywords
        """Keep the scenario."""
        super().__init__(**kwargs)
        self.scenario = scenario

    def runtest(self) -> None:
        """Evaluate the scenario and compare.

        Raises:
            ScenarioMismatchError: when an expectation is not met.
            ScenarioError: when the plan, the period or the data cannot be loaded.
        """
        from threeno.testing.scenarios import check_scenario  # noqa: PLC0415 - see the module

        mismatches = check_scenario(self.scenario)
        if mismatches:
            raise ScenarioMismatchError(self.scenario, mismatches)

    def repr_failure(
        self,
        excinfo: pytest.ExceptionInfo[BaseException],
        style: TracebackStyle | None = None,
    ) -> str | TerminalRepr:
        """The mismatches with their explanations, or the load problem; no traceback."""
        error = excinfo.value
        if isinstance(error, ScenarioMismatchError) or _is_threeno_error(error):
            return str(error)
        return super().repr_failure(excinfo, style)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        """Where the test is: the file, no line, and the scenario's name."""
        return self.path, None, f"scenario: {self.name}"
