"""Scenario files: the format of a ``*.scenario.toml`` file, and reading it.

A scenario file states what a provincial team expects of the indicators without
Python: a plan, a period, a small dataset (inline, or the path of a dataset file or
folder), and the values expected for units and for the whole area (the "Testing" guide,
section "Scenario tests as data", documents every key). :func:`parse_scenarios` reads
the TOML text of one, :func:`load_scenarios` a file; both give :class:`Scenario`
values, each with its :class:`Expectation` tables. A file that breaks the format raises
:class:`ScenarioError` listing every problem with its TOML path, so that a plan author
fixes them all in one go.

Running the scenarios (loading what they name, evaluating, comparing) is
:mod:`threeno.testing.scenarios`, which exports every name of this module too.

Plan clauses: every clause of the indicator catalogue
(:data:`threeno.indicators.catalogue.CATALOGUE`): a scenario states the expected value of
any indicator.

.. versionadded:: 0.2.0
   Moved here from :mod:`threeno.testing.scenarios`, which still exports every name.
"""

from __future__ import annotations

import math
import sys
import tomllib
from collections.abc import Mapping  # noqa: TC003 - attrs and Sphinx read the annotations
from pathlib import Path
from typing import TYPE_CHECKING, Final

import attrs

from threeno.errors import ThreenoError
from threeno.indicators.catalogue import CATALOGUE
from threeno.indicators.definitions import Indicator, IndicatorKind, Level
from threeno.indicators.results import Status
from threeno.model._base import nfc
from threeno.model.dataset import RECORD_TYPES

if TYPE_CHECKING:
    import os

__all__ = [
    "DEFAULT_TOLERANCE",
    "EXPECT_KEYS",
    "MAX_SCENARIO_BYTES",
    "SCENARIO_KEYS",
    "SUFFIX",
    "TOTAL",
    "Expectation",
    "Scenario",
    "ScenarioError",
    "load_scenarios",
    "parse_scenarios",
]

#: How a scenario file's name ends; the pytest plugin collects the files named so.
SUFFIX: Final = ".scenario.toml"
#: The ``unit`` of an expectation about the whole area (or, for the ``reporting.*``
#: indicators, all reporting agencies): the default.
TOTAL: Final = "total"
#: How far an expected ``value`` may be from the actual one, unless the expectation sets
#: ``tolerance``: enough for a share written with ten decimals (``0.8571428571`` for 6/7).
DEFAULT_TOLERANCE: Final = 1e-9
#: The largest scenario file read. Inline data are a handful of records; a larger
#: dataset belongs in its own file, named by ``data = "path"``.
MAX_SCENARIO_BYTES: Final = 4 << 20
#: The keys of a scenario, in the order the guide documents them.
SCENARIO_KEYS: Final = (
    "name",
    "description",
    "plan",
    "period",
    "data",
    "allow_rejected",
    "allow_problems",
    "count_receipt_day",
    "suspension_counts_as_resolved",
    "expect",
)
#: The keys of an ``[[expect]]`` table; only ``indicator`` is required.
EXPECT_KEYS: Final = (
    "indicator",
    "unit",
    "numerator",
    "denominator",
    "value",
    "status",
    "tolerance",
    "figures",
)
_CHECKED: Final = ("numerator", "denominator", "value", "status", "figures")
_BY_ID: Final[dict[str, Indicator]] = {i.id: i for i in CATALOGUE}


class ScenarioError(ThreenoError, ValueError):
    """A scenario file breaks the format, or its plan, period or data cannot be loaded.

    The message names the file (and the scenario); ``problems`` lists every problem of the
    format, each with its TOML path (``expect[0].tolerence: unknown key; ...``), so that
    a plan author fixes them all in one go.

    Args:
        message: what is wrong, naming the file.
        problems: every problem, each with its TOML path.

    .. versionadded:: 0.1.0
    """

    def __init__(self, message: str, problems: tuple[str, ...] = ()) -> None:
        """Keep every problem beside the message."""
        self.problems = problems
        text = message if not problems else message + "\n" + "\n".join(f"  {p}" for p in problems)
        super().__init__(text)


@attrs.frozen(kw_only=True)
class Expectation:
    """The values one ``[[expect]]`` table expects of one indicator, for one unit or the total.

    Only what is given is checked: ``numerator``, ``denominator``, ``value`` (within
    ``tolerance``), ``status`` and each of ``figures``.

    Args:
        where: the table's TOML path, e.g. ``expect[0]`` or ``scenario[1].expect[0]``.
        indicator: the indicator's id in the catalogue (``"reports.on_time"``).
        unit: a unit's GSO code, or :data:`TOTAL` for the whole area.
        numerator: the numerator expected (for a count, the count).
        denominator: the denominator expected (shares only).
        value: the value expected: a share as a fraction from 0 to 1, a count as a
            whole number.
        status: the status slug expected (``met``, ``not_met``, ``no_data``,
            ``no_target``).
        tolerance: how far the actual value may be from ``value``.
        figures: the extra figures expected, by name (``pending_at_start``).

    Plan clauses: the clauses of ``indicator``.

    .. versionadded:: 0.1.0
    """

    where: str
    indicator: str
    unit: str = TOTAL
    numerator: int | None = None
    denominator: int | None = None
    value: float | None = None
    status: str | None = None
    tolerance: float = DEFAULT_TOLERANCE
    figures: Mapping[str, int] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True)
class Scenario:
    """One scenario: a plan, a period, a dataset, and the values expected.

    Args:
        name: what the scenario shows, in a sentence; the name of its pytest test.
        file: the file it was read from (relative paths in it are read from its folder).
        where: its TOML path in the file: ``""`` when the file holds one scenario,
            ``"scenario[1]"`` when it holds several.
        plan: a bundled plan's id, or the path of a plan file (relative to ``file``).
        period: the period, as the plan's convention reads it (``"2024-H1"``).
        data: the records inline, per record type (as the data dictionary writes them),
            or the path of a dataset file or folder.
        expectations: the ``[[expect]]`` tables, in order.
        description: a longer explanation, if any.
        allow_rejected: whether the data may have rejected records.
        allow_problems: whether the data may have problems between records (an unknown
            subject, a unit code not valid on the record's date).
        count_receipt_day: evaluate with the day of receipt as day 1 of a time limit
            (Bộ luật Tố tụng hình sự 2015, Art. 134; unverified, so a setting); ``None``
            (the key left out) for the plan's reading (``[evaluation]``).
        suspension_counts_as_resolved: evaluate with a suspension (tạm đình chỉ, Art.
            147(1)(c), 148) counted as resolving a report (unverified, so a setting);
            ``None`` (the key left out) for the plan's reading.

    Plan clauses: the clauses of the indicators expected.

    .. versionadded:: 0.1.0
    """

    name: str
    file: Path
    where: str
    plan: str
    period: str
    # repr=False: inline records may carry personal data fields (full_name, ...).
    data: Mapping[str, tuple[Mapping[str, object], ...]] | Path = attrs.field(repr=False)
    expectations: tuple[Expectation, ...]
    description: str | None = None
    allow_rejected: bool = False
    allow_problems: bool = False
    count_receipt_day: bool | None = None
    suspension_counts_as_resolved: bool | None = None

    @property
    def label(self) -> str:
        """The file, then the scenario's name in quotes."""
        return f'{self.file} "{self.name}"'


# -- reading ---------------------------------------------------------------------------


def _kind(value: object) -> str:
    names = {str: "text", bool: "true or false", int: "a whole number", float: "a number"}
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    return names.get(type(value), type(value).__name__)


class _Table:
    """One TOML table being read: its path, and the problems found so far."""

    def __init__(
        self, table: Mapping[str, object], prefix: str, problems: list[str], keys: tuple[str, ...]
    ) -> None:
        self.table = table
        self.prefix = prefix
        self.problems = problems
        for key in table:
            if key not in keys:
                self.problem(key, f"unknown key; the keys are {', '.join(keys)}")

    def path(self, key: str) -> str:
        return f"{self.prefix}.{key}" if self.prefix else key

    def problem(self, key: str, message: str) -> None:
        self.problems.append(f"{self.path(key)}: {message}")

    def text(self, key: str, *, required: bool = False) -> str | None:
        value = self.table.get(key)
        if value is None:
            if required:
                self.problem(key, "missing")
            return None
        if not isinstance(value, str):
            self.problem(key, f"must be text, not {_kind(value)}")
            return None
        if not value.strip():
            self.problem(key, "empty")
            return None
        return nfc(value)

    def flag(self, key: str) -> bool:
        value = self.table.get(key, False)
        if not isinstance(value, bool):
            self.problem(key, f"must be true or false, not {_kind(value)}")
            return False
        return value

    def count(self, key: str) -> int | None:
        value = self.table.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            self.problem(key, f"must be a whole number, 0 or more, not {value!r}")
            return None
        return value

    def number(self, key: str) -> float | None:
        value = self.table.get(key)
        if value is None:
            return None
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
        ):
            self.problem(key, f"must be a number, not {value!r}")
            return None
        return value


def _figures(table: _Table, indicator: Indicator | None) -> dict[str, int]:
    raw = table.table.get("figures")
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        table.problem("figures", f"must be a table of figure = whole number, not {_kind(raw)}")
        return {}
    figures: dict[str, int] = {}
    inner = _Table(raw, table.path("figures"), table.problems, tuple(raw))
    for name in raw:
        number = inner.count(name)
        if indicator is not None and name not in indicator.figures:
            known = ", ".join(indicator.figures) or "none"
            inner.problem(name, f"{indicator.id} has no such figure; its figures: {known}")
        elif number is not None:
            figures[name] = number
    return figures


def _expectation(raw: object, where: str, problems: list[str]) -> Expectation | None:
    if not isinstance(raw, dict):
        problems.append(f"{where}: must be a table ([[expect]]), not {_kind(raw)}")
        return None
    table = _Table(raw, where, problems, EXPECT_KEYS)
    ind_id = table.text("indicator", required=True)
    indicator = None if ind_id is None else _BY_ID.get(ind_id)
    if ind_id is not None and indicator is None:
        table.problem("indicator", f"unknown indicator {ind_id!r}; the catalogue has: {_ids()}")
    unit = table.text("unit") or TOTAL
    numerator = table.count("numerator")
    denominator = table.count("denominator")
    value = table.number("value")
    status = table.text("status")
    tolerance = table.number("tolerance")
    figures = _figures(table, indicator)
    if status is not None and status not in Status.slugs():
        table.problem("status", f"unknown status {status!r}; the statuses: {_statuses()}")
    if tolerance is not None and tolerance < 0:
        table.problem("tolerance", f"must be 0 or more, not {tolerance!r}")
    if tolerance is not None and value is None:
        table.problem("tolerance", "applies to value, which this expectation does not give")
    if not any(key in raw for key in _CHECKED):
        problems.append(f"{where}: expects nothing; give {', '.join(_CHECKED[:-1])} or figures")
    if indicator is not None:
        _check_against(table, indicator, unit, denominator, value)
    if ind_id is None:
        return None  # the problem is listed; parse_scenarios raises with every problem
    return Expectation(
        where=where,
        indicator=ind_id,
        unit=unit,
        numerator=numerator,
        denominator=denominator,
        value=value,
        status=status,
        tolerance=DEFAULT_TOLERANCE if tolerance is None else tolerance,
        figures=figures,
    )


def _check_against(
    table: _Table, indicator: Indicator, unit: str, denominator: int | None, value: float | None
) -> None:
    # What the indicator's definition says about the figures expected of it.
    if indicator.level is Level.AGENCY and unit != TOTAL:
        table.problem("unit", f"{indicator.id} is counted per agency, not per unit: leave unit out")
    count = indicator.kind is IndicatorKind.COUNT
    if count and denominator is not None:
        table.problem("denominator", f"{indicator.id} is a count: it has no denominator")
    if value is None:
        return
    if count and (value < 0 or value != int(value)):
        table.problem("value", f"{indicator.id} is a count: a whole number, not {value!r}")
    if indicator.kind is IndicatorKind.SHARE and not 0 <= value <= 1:
        table.problem("value", f"a share is a fraction from 0 to 1 (0.5, not 50), not {value!r}")


def _ids() -> str:
    return ", ".join(sorted(_BY_ID))


def _statuses() -> str:
    return ", ".join(Status.slugs())


def _data(table: _Table, folder: Path) -> Mapping[str, tuple[Mapping[str, object], ...]] | Path:
    raw = table.table.get("data")
    if raw is None:
        return {}
    if isinstance(raw, str):
        path = table.text("data")
        return {} if path is None else folder / path
    if not isinstance(raw, dict):
        table.problem("data", f"must be a table of records or a path, not {_kind(raw)}")
        return {}
    records: dict[str, tuple[Mapping[str, object], ...]] = {}
    for name, items in raw.items():
        path = table.path(f"data.{name}")
        if name not in RECORD_TYPES:
            known = ", ".join(RECORD_TYPES)
            table.problems.append(f"{path}: unknown record type; the record types are {known}")
        elif not isinstance(items, list):
            table.problems.append(f"{path}: must be an array of records, not {_kind(items)}")
        else:
            for i, item in enumerate(items):
                if not isinstance(item, dict):
                    table.problems.append(
                        f"{path}[{i}]: a record is a table ({{ id = ... }}), not {_kind(item)}"
                    )
            records[name] = tuple(item for item in items if isinstance(item, dict))
    return records


def _scenario(raw: Mapping[str, object], where: str, file: Path, problems: list[str]) -> Scenario:
    table = _Table(raw, where, problems, SCENARIO_KEYS)
    name = table.text("name", required=True)
    description = table.text("description")
    plan = table.text("plan", required=True)
    period = table.text("period", required=True)
    data = _data(table, file.parent)
    expect = raw.get("expect")
    expectations: list[Expectation | None] = []
    if expect is None:
        table.problem("expect", "missing: give at least one [[expect]] table")
    elif not isinstance(expect, list) or not expect:
        table.problem("expect", f"must be [[expect]] tables, not {_kind(expect)}")
    else:
        expectations = [
            _expectation(item, table.path(f"expect[{i}]"), problems)
            for i, item in enumerate(expect)
        ]
    return Scenario(
        name=name or "",
        file=file,
        where=where,
        plan=plan or "",
        period=period or "",
        data=data,
        expectations=tuple(e for e in expectations if e is not None),
        description=description,
        allow_rejected=table.flag("allow_rejected"),
        allow_problems=table.flag("allow_problems"),
        count_receipt_day=_optional_flag(table, "count_receipt_day"),
        suspension_counts_as_resolved=_optional_flag(table, "suspension_counts_as_resolved"),
    )


def _optional_flag(table: _Table, key: str) -> bool | None:
    """A yes/no key that may be left out (``None``: the plan's reading)."""
    return table.flag(key) if key in table.table else None


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def parse_scenarios(
    text: str, *, file: str | os.PathLike[str] = "<scenario>"
) -> tuple[Scenario, ...]:
    """Read the scenarios of a scenario file's TOML text.

    The file holds one scenario at its top level, or several as ``[[scenario]]``
    tables (and then nothing else at the top level); the "Testing" guide documents
    the keys.

    Args:
        text: the TOML text.
        file: the file's path, to name it in messages and to read ``plan`` and ``data``
            paths from its folder.

    Returns:
        The scenarios, in the file's order.

    Raises:
        ScenarioError: for text that is not TOML (naming the line), or listing every
            problem of the format with its TOML path: an unknown or missing key, a
            value of the wrong kind, an unknown indicator, status, record type or
            figure, a denominator expected of a count, a share outside [0, 1], two
            scenarios of the same name.

    Plan clauses: every clause of the indicator catalogue.

    .. versionadded:: 0.1.0
    """
    path = Path(file)
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        msg = f"{path}: not valid TOML: {exc}"
        raise ScenarioError(msg) from None
    except RecursionError:
        # tomllib recurses once per level of nesting: a hostile file exhausts the stack.
        msg = f"{path}: nested too deeply to read"
        raise ScenarioError(msg) from None
    except ValueError:
        # A number of thousands of digits, which Python refuses to read (CVE-2020-10735).
        msg = f"{path}: a number of more than {sys.get_int_max_str_digits():,} digits"
        raise ScenarioError(msg) from None
    problems: list[str] = []
    scenarios: list[Scenario] = []
    tables = document.get("scenario")
    if tables is None:
        scenarios.append(_scenario(document, "", path, problems))
    elif not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        problems.append(f"scenario: must be [[scenario]] tables, not {_kind(tables)}")
    else:
        problems.extend(
            f"{key}: beside [[scenario]] tables; put it in each scenario"
            for key in document
            if key != "scenario"
        )
        if not tables:
            problems.append("scenario: no scenario; give at least one [[scenario]] table")
        scenarios.extend(
            _scenario(t, f"scenario[{i}]", path, problems) for i, t in enumerate(tables)
        )
    seen: dict[str, str] = {}
    for scenario in scenarios:
        first = seen.setdefault(scenario.name, scenario.where)
        if scenario.name and first != scenario.where:
            problems.append(f"{scenario.where}.name: {scenario.name!r} is already {first}'s name")
    if problems:
        msg = f"{path}: {_plural(len(problems), 'problem')} in the scenario file"
        raise ScenarioError(msg, tuple(problems))
    return tuple(scenarios)


def load_scenarios(path: str | os.PathLike[str]) -> tuple[Scenario, ...]:
    """Read the scenarios of a ``*.scenario.toml`` file.

    Args:
        path: the file.

    Returns:
        The scenarios, in the file's order (see :func:`parse_scenarios`).

    Raises:
        ScenarioError: when the file cannot be read, is larger than
            :data:`MAX_SCENARIO_BYTES`, or breaks the format (see :func:`parse_scenarios`).

    Plan clauses: every clause of the indicator catalogue.

    .. versionadded:: 0.1.0
    """
    file = Path(path)
    try:
        size = file.stat().st_size
        if size > MAX_SCENARIO_BYTES:
            msg = (
                f"{file}: {size:,} bytes, more than the limit of {MAX_SCENARIO_BYTES:,}; give"
                ' a large dataset its own file (data = "path")'
            )
            raise ScenarioError(msg)
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        msg = f"cannot read scenario file {file}: {exc}"
        raise ScenarioError(msg) from exc
    return parse_scenarios(text, file=file)
