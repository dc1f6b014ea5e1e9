"""Scenario tests as data: a plan, a period, a few records, and the indicator values expected.

A provincial team states what it expects of the indicators without writing Python, as
OpenFisca's YAML tests do for tax and benefit rules: a ``*.scenario.toml`` file names a
plan and a period, gives a small dataset (inline, or the path of a dataset file or
folder), and lists the values expected for units and for the whole area::

    name = "A report decided a day after its Tết-shifted limit is late"
    plan = "lai-chau-2024"
    period = "2024-H1"

    [[data.crime_reports]]
    id = "CR-1"
    source = "to_giac"
    offence_article = 150
    unit_code = "03387"
    received_on = 2024-01-25
    receiving_agency = "cong-an-tp"
    decision = "khoi_to"
    decided_on = 2024-02-16

    [[expect]]
    indicator = "reports.on_time"
    unit = "03387"
    numerator = 0
    denominator = 1
    status = "not_met"

:func:`run_scenario` checks every scenario of a file and returns the expectations not
met (:class:`Mismatch`), each with the ``explain()`` of the result, so it runs in any CI
without pytest; the pytest plugin (:mod:`threeno.testing.pytest_plugin`) makes one test
of each scenario. The format is documented in the "Testing" guide, section "Scenario
tests as data". A file that breaks the format raises
:class:`~threeno.testing.scenario_files.ScenarioError` listing every problem with its
TOML path; so does a scenario whose plan, period or data cannot be loaded, or whose data
has a rejected record (unless it sets ``allow_rejected = true``).

Records are read by :func:`threeno.io.datasets.load_dataset`, as any dataset is, and
evaluated by :func:`threeno.indicators.engine.evaluate` with ``explain="all"``.

The format and its reader are :mod:`threeno.testing.scenario_files`; this module runs
the scenarios, and exports every name of that module too.

Plan clauses: every clause of the indicator catalogue
(:data:`threeno.indicators.catalogue.CATALOGUE`): a scenario states the expected value of
any indicator.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from threeno.errors import DatasetError, PeriodError, PlanError
from threeno.indicators.engine import evaluate
from threeno.io.datasets import SCHEMA, load_dataset
from threeno.plans import load_plan
from threeno.testing.scenario_files import (
    DEFAULT_TOLERANCE,
    EXPECT_KEYS,
    MAX_SCENARIO_BYTES,
    SCENARIO_KEYS,
    SUFFIX,
    TOTAL,
    Expectation,
    Scenario,
    ScenarioError,
    load_scenarios,
    parse_scenarios,
)

if TYPE_CHECKING:
    from threeno.indicators.results import Evaluation, IndicatorResult
    from threeno.model.dataset import Dataset
    from threeno.model.period import ReportingPeriod
    from threeno.model.plan import Plan

__all__ = [
    "DEFAULT_TOLERANCE",
    "EXPECT_KEYS",
    "MAX_SCENARIO_BYTES",
    "SCENARIO_KEYS",
    "SUFFIX",
    "TOTAL",
    "Difference",
    "Expectation",
    "Mismatch",
    "Scenario",
    "ScenarioError",
    "check_scenario",
    "load_scenarios",
    "parse_scenarios",
    "run_scenario",
]


@attrs.frozen(kw_only=True)
class Difference:
    """One checked figure of an expectation that differs: what was expected, what came.

    Args:
        field: ``numerator``, ``denominator``, ``value``, ``status`` or
            ``figures.<name>``.
        expected: the value the scenario gives.
        actual: the value the evaluation gives (``None``: no data).
        tolerance: for ``value``, the tolerance applied.

    .. versionadded:: 0.1.0
    """

    field: str
    expected: object
    actual: object
    tolerance: float | None = None

    def __str__(self) -> str:
        """``value: expected 1.0, actual 0.5 (tolerance 1e-09)``."""
        text = f"{self.field}: expected {_show(self.expected)}, actual {_show(self.actual)}"
        return text if self.tolerance is None else f"{text} (tolerance {self.tolerance:g})"


@attrs.frozen(kw_only=True)
class Mismatch:
    """An expectation not met: where, which indicator and unit, what differs, and why.

    ``str(mismatch)`` is what a failing scenario prints::

        tests/scenarios/on-time.scenario.toml "..." expect[1]: reports.on_time, unit 03387
          value: expected 1.0, actual 0.0 (tolerance 1e-09)
          explain():
            reports.on_time: Share of crime reports resolved within the time limit
            ...

    Args:
        scenario: the scenario's label
            (:attr:`~threeno.testing.scenario_files.Scenario.label`: file and name).
        where: the expectation's TOML path.
        indicator: the indicator's id.
        unit: the unit's code, or :data:`~threeno.testing.scenario_files.TOTAL`.
        differences: every checked figure that differs.
        explanation: :meth:`IndicatorResult.explain
            <threeno.indicators.results.IndicatorResult.explain>` of the result, in English.

    Plan clauses: the clauses of ``indicator``.

    .. versionadded:: 0.1.0
    """

    scenario: str
    where: str
    indicator: str
    unit: str
    differences: tuple[Difference, ...]
    explanation: str

    def __str__(self) -> str:
        """The expectation, each difference, and the explanation, indented."""
        lines = [f"{self.scenario} {self.where}: {self.indicator}, unit {self.unit}"]
        lines.extend(f"  {d}" for d in self.differences)
        lines.append("  explain():")
        lines.extend(f"    {line}" for line in self.explanation.splitlines())
        return "\n".join(lines)


def _show(value: object) -> str:
    if value is None:
        return "no data"
    if isinstance(value, str):
        return repr(value)
    return str(value)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


# -- running ---------------------------------------------------------------------------


def _plan_of(scenario: Scenario) -> Plan:
    ref = scenario.plan
    is_path = ref.endswith(".toml") or any(sep in ref for sep in ("/", os.sep))
    try:
        return load_plan(scenario.file.parent / ref if is_path else ref)
    except PlanError as exc:
        msg = f"{scenario.label}: plan: {exc}"
        raise ScenarioError(msg) from exc


def _period_of(scenario: Scenario, plan: Plan) -> ReportingPeriod:
    try:
        return plan.period(scenario.period)
    except PeriodError as exc:
        msg = f"{scenario.label}: period: {exc}"
        raise ScenarioError(msg) from exc


def _dataset_of(scenario: Scenario, plan: Plan) -> Dataset:
    source = scenario.data
    try:
        data, report = load_dataset(
            source if isinstance(source, Path) else {"schema": SCHEMA, **source}, plan=plan
        )
    except DatasetError as exc:
        msg = f"{scenario.label}: data: {exc}"
        raise ScenarioError(msg) from exc
    refused = []
    if report.rejections and not scenario.allow_rejected:
        count = _plural(len(report.rejections), "rejected record")
        refused.append(f"{count} (set allow_rejected = true if that is the point)")
    if report.problems and not scenario.allow_problems:
        count = _plural(len(report.problems), "problem")
        refused.append(f"{count} between records (set allow_problems = true if that is the point)")
    if refused:
        msg = f"{scenario.label}: data: {' and '.join(refused)}\n{report}"
        raise ScenarioError(msg)
    return data


def _check_units(scenario: Scenario, plan: Plan, period: ReportingPeriod) -> None:
    codes = [u.code for u in plan.units_in_scope(period.end)]
    problems = [
        f"{e.where}.unit: {e.unit!r} is not a unit evaluated; the units on {period.end}:"
        f" {TOTAL}, {', '.join(codes)}"
        for e in scenario.expectations
        if e.unit != TOTAL and e.unit not in codes
    ]
    if problems:
        msg = f"{scenario.label}: {_plural(len(problems), 'problem')}"
        raise ScenarioError(msg, tuple(problems))


def _differences(expected: Expectation, actual: IndicatorResult) -> tuple[Difference, ...]:
    found: list[Difference] = []
    for field, wanted, got in (
        ("numerator", expected.numerator, actual.numerator),
        ("denominator", expected.denominator, actual.denominator),
    ):
        if wanted is not None and wanted != got:
            found.append(Difference(field=field, expected=wanted, actual=got))
    wanted_value, value = expected.value, actual.value
    if wanted_value is not None and (
        value is None
        or not math.isclose(value, wanted_value, rel_tol=0, abs_tol=expected.tolerance)
    ):
        found.append(
            Difference(
                field="value", expected=wanted_value, actual=value, tolerance=expected.tolerance
            )
        )
    if expected.status is not None and expected.status != actual.status.value:
        found.append(
            Difference(field="status", expected=expected.status, actual=actual.status.value)
        )
    for name, wanted_figure in expected.figures.items():
        got_figure = actual.figures.get(name, 0)
        if wanted_figure != got_figure:
            found.append(
                Difference(field=f"figures.{name}", expected=wanted_figure, actual=got_figure)
            )
    return tuple(found)


def _evaluation_of(scenario: Scenario) -> Evaluation:
    plan = _plan_of(scenario)
    period = _period_of(scenario, plan)
    data = _dataset_of(scenario, plan)
    _check_units(scenario, plan, period)
    indicators = list(dict.fromkeys(e.indicator for e in scenario.expectations))
    return evaluate(
        plan,
        data,
        period,
        indicators=indicators,
        explain="all",
        count_receipt_day=scenario.count_receipt_day,
        suspension_counts_as_resolved=scenario.suspension_counts_as_resolved,
    )


def check_scenario(scenario: Scenario) -> list[Mismatch]:
    """Evaluate one scenario and compare every expectation with the result.

    Args:
        scenario: the scenario (from
            :func:`~threeno.testing.scenario_files.load_scenarios` or
            :func:`~threeno.testing.scenario_files.parse_scenarios`).

    Returns:
        The expectations not met, in the scenario's order; empty when all are met.

    Raises:
        ScenarioError: when the plan, the period or the data cannot be loaded, the data
            have a rejected record or a problem between records the scenario does not
            allow, or an expectation names a unit the plan does not have at the period's
            end.

    Plan clauses: the clauses of the indicators expected.

    .. versionadded:: 0.1.0
    """
    evaluation = _evaluation_of(scenario)
    mismatches: list[Mismatch] = []
    for expected in scenario.expectations:
        results = evaluation[expected.indicator]
        actual = results.total if expected.unit == TOTAL else results.by_unit[expected.unit]
        differences = _differences(expected, actual)
        if differences:
            mismatches.append(
                Mismatch(
                    scenario=scenario.label,
                    where=expected.where,
                    indicator=expected.indicator,
                    unit=expected.unit,
                    differences=differences,
                    explanation=actual.explain(),
                )
            )
    return mismatches


def run_scenario(path: str | os.PathLike[str]) -> list[Mismatch]:
    """Check every scenario of a ``*.scenario.toml`` file: pytest not needed.

    A provincial team's CI can run its scenarios with it::

        import sys
        from pathlib import Path
        from threeno.testing.scenarios import run_scenario

        failed = False
        for file in sorted(Path("scenarios").glob("*.scenario.toml")):
            for mismatch in run_scenario(file):
                print(mismatch)
                failed = True
        sys.exit(1 if failed else 0)

    Args:
        path: the scenario file.

    Returns:
        The expectations not met, of every scenario in the file; empty when all are met.

    Raises:
        ScenarioError: see :func:`~threeno.testing.scenario_files.load_scenarios` and
            :func:`check_scenario`.

    Plan clauses: the clauses of the indicators expected.

    .. versionadded:: 0.1.0
    """
    return [m for scenario in load_scenarios(path) for m in check_scenario(scenario)]
