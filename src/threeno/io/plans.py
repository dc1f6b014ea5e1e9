"""Reading a plan file (TOML) into a :class:`~threeno.model.plan.Plan`, and checking it.

A plan file is read in three steps, and each reports every problem it finds at once,
as a :class:`~threeno.errors.PlanError` whose ``problems`` give the TOML path of each:

1. TOML: a malformed file is refused with its name, line and column.
2. Structure, through the project's converter
   (:data:`threeno.io.converter.CONVERTER`): a missing or unknown key, a value of the
   wrong type, a date that does not exist, a value the model refuses
   (``duties[3].task_area: must be a clause id such as I.3, II.4.b or IV.2, not 'II-4'``).
3. The plan as a whole (:func:`check_plan`): unknown indicator ids, duties naming unknown
   agencies, duplicate ids, targets out of range, units not valid in the plan's year,
   clause ids the plan does not define, the report's indicators, the local calendar's
   days (``duties[3].agency: unknown agency 'hoi-nong-dan'``).

Plan clauses: the whole plan; see :mod:`threeno.model.plan`.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Final, NoReturn

import attrs
from cattrs.errors import BaseValidationError

from threeno.errors import PlanError, ValidationError
from threeno.indicators.catalogue import CATALOGUE_IDS, SHARE_IDS
from threeno.io._files import raise_coded, read_input
from threeno.io._limits import MAX_DEPTH, too_deep
from threeno.io.converter import shared_converter, structure_problems
from threeno.messages import Notice
from threeno.model._base import unprintable
from threeno.model.plan import AgencyRole, NamedDay, Plan, Target
from threeno.rules.calendar import default_calendar

if TYPE_CHECKING:
    import datetime as dt
    import os
    from collections.abc import Iterable, Iterator

__all__ = ["MAX_PLAN_BYTES", "check_plan", "parse_plan", "read_plan"]

#: The largest plan file read (the bundled Lai Châu plan is under 100 KiB).
MAX_PLAN_BYTES: Final = 4 << 20


def read_plan(
    path: str | os.PathLike[str],
    *,
    max_bytes: int = MAX_PLAN_BYTES,
    max_depth: int = MAX_DEPTH,
) -> Plan:
    """Read and check a plan file.

    Args:
        path: the TOML file.
        max_bytes: the largest file read (:data:`MAX_PLAN_BYTES`, 4 MiB, by default).
        max_depth: how deeply the TOML's tables and arrays may nest (32 by default).

    Returns:
        The plan, checked by :func:`check_plan`.

    Raises:
        PlanError: when the file cannot be read (naming the system's reason), is not a
            regular file (a device such as ``/dev/zero``, a named pipe: refused without
            being opened), is larger than ``max_bytes`` (at most ``max_bytes + 1`` bytes
            are read, whatever the file's size is said to be), is not UTF-8 or not valid
            TOML, nests deeper than ``max_depth``, or has problems; its ``problems`` list
            each with its TOML path.

    .. versionadded:: 0.1.0
    """
    file = Path(path)

    def too_large(size: int) -> NoReturn:
        raise_coded(PlanError, "plan_too_large", file=str(file), size=size, limit=max_bytes)

    # A regular file only (a device or a named pipe is refused unopened), and never more
    # than max_bytes + 1 bytes read, whatever its size is said to be.
    data = read_input(file, max_bytes, PlanError, too_large, cannot_read="cannot_read_plan")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise_coded(PlanError, "plan_not_utf8", file=str(file), line=line, byte=data[exc.start])
    return parse_plan(text, source=str(file), max_depth=max_depth)


def parse_plan(text: str, *, source: str = "<plan>", max_depth: int = MAX_DEPTH) -> Plan:
    """Read and check a plan from TOML text.

    Args:
        text: the TOML text of a plan file.
        source: how to name the text in messages (its file name).
        max_depth: how deeply the TOML's tables and arrays may nest (32 by default).

    Returns:
        The plan, checked by :func:`check_plan`.

    Raises:
        PlanError: for malformed TOML (naming the line), nesting deeper than
            ``max_depth``, or listing every problem of structure or, once the structure
            is sound, of the plan as a whole.

    .. versionadded:: 0.1.0
    """
    too_deep_msg = f"{source}: nested more than {max_depth} levels deep, the limit"
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # The reader's message names the line and column: "... (at line 3, column 9)".
        msg = f"{source}: not valid TOML: {exc}"
        raise PlanError(msg) from exc
    except RecursionError:
        # tomllib recurses once per level of nesting: a hostile file exhausts the stack.
        raise PlanError(too_deep_msg) from None
    except ValueError as exc:
        # A number of thousands of digits, which Python refuses to read (CVE-2020-10735).
        if "Exceeds the limit" not in str(exc):  # pragma: no cover - tomllib's own errors
            raise
        limit = sys.get_int_max_str_digits()
        raise_coded(PlanError, "plan_number_too_long", source=source, limit=limit)
    if too_deep(data, max_depth):
        raise PlanError(too_deep_msg)
    try:
        plan = shared_converter().structure(data, Plan)
    except (BaseValidationError, ValueError, TypeError) as exc:
        problems = structure_problems(exc)
        raise PlanError(_count(source, problems), problems) from exc
    problems = check_plan(plan)
    if problems:
        raise PlanError(_count(source, problems), problems)
    return plan


def _count(source: str, problems: tuple[str, ...]) -> str:
    noun = "problem" if len(problems) == 1 else "problems"
    return f"{source}: {len(problems)} {noun}"


def check_plan(plan: Plan) -> tuple[str, ...]:
    """Every problem of a plan as a whole, each with its TOML path.

    What one object can check for itself, its class checks when it is made; this checks
    what involves several parts of the plan:

    - ids defined twice: clause ids (sections, purposes, duties), agencies, legal bases,
      unit codes in scope, targets for one indicator;
    - clause ids the plan does not define: a clause whose parent is not a section, a
      duty's task area, a target's or legal basis's clause, the reporting clause;
    - indicator ids not in the catalogue (:data:`~threeno.indicators.catalogue.CATALOGUE_IDS`),
      and a target whose clause does not list its indicator;
    - agency ids not defined (a duty's agency and partners, the reporting agencies),
      more than one steering committee or standing body, an agency's unit not in scope;
    - targets out of range: below 0, or above 1 for a share;
    - a target that does not say whether the plan sets it (``set_by_plan``), and a target
      the plan does not set without its reason in English and Vietnamese (``note``,
      ``note_vi``); a deadline the plan does not set without ``days_allowed_note_vi``;
    - units: a unit in scope not valid throughout the plan's reporting year, an area code
      that is not a unit of the plan, units that make no consistent registry;
    - the report's indicators (``indicators``, when given): an id not in the catalogue,
      an id listed twice, an empty list, a target for an indicator the list leaves out;
    - the local calendar (``[calendar]``): a day listed twice, a day both off and
      working, a working day the national calendar already has as one (a day off on a
      weekend or a public holiday is allowed), a day outside the plan's year, the year
      before or the year after;
    - the readings (``[evaluation]``): ``crosswalk = true`` with no unit of the registry
      merged into one of the plan's units (nothing to crosswalk);
    - citations (``cite_vi``/``cite_en``): a clause without one when other clauses have
      theirs;
    - texts no output can show as they are: a control character (a line break
      included: a plan's texts are one line each), a bidirectional control, an unpaired
      surrogate (``threeno.model._base.unprintable``). A plan file's text is refused
      for this when it is read; this catches a plan made in Python.

    Args:
        plan: the plan to check.

    Returns:
        The problems as ``path: message`` lines, such as
        ``duties[3].agency: unknown agency 'hoi-nong-dan'``, in the order of the file's
        keys and items; empty when there are none.

    Plan clauses: the whole plan.

    .. versionadded:: 0.1.0
    """
    problems = [
        *_duplicates(plan),
        *_units(plan),
        *_agencies(plan),
        *_clauses(plan),
        *_indicators(plan),
        *_targets(plan),
        *_report_indicators(plan),
        *_reporting(plan),
        *_calendar(plan),
        *_evaluation(plan),
        *_unprintable_texts(plan),
    ]
    return tuple(sorted(problems, key=_position))


_KEYS: Final = {name: i for i, name in enumerate(attrs.fields_dict(Plan))}
_PATH: Final = re.compile(r"(?P<key>[a-z_]+)(?:\[(?P<index>[0-9]+)\])?")


def _position(problem: str) -> tuple[int, int]:
    """Sort key putting a problem where its path is in the file: key, then index.

    The sort is stable, so problems at one place keep the order of the checks.
    """
    match = _PATH.match(problem)
    if match is None:  # pragma: no cover - every path starts with a key
        return (len(_KEYS), 0)
    index = match["index"]
    return (_KEYS.get(match["key"], len(_KEYS)), -1 if index is None else int(index))


def _first_seen(items: Iterable[tuple[str, str]], what: str) -> Iterator[str]:
    """``path: duplicate ...`` for each (path, key) whose key came earlier."""
    seen: dict[str, str] = {}
    for path, key in items:
        if key in seen:
            yield f"{path}: duplicate {what} {key!r} (first at {seen[key]})"
        else:
            seen[key] = path


def _clause_paths(plan: Plan) -> Iterator[tuple[str, str]]:
    yield from ((f"sections[{i}].id", s.id) for i, s in enumerate(plan.sections))
    yield from ((f"purposes[{i}].id", c.id) for i, c in enumerate(plan.purposes))
    yield from ((f"duties[{i}].id", d.id) for i, d in enumerate(plan.duties))


def _duplicates(plan: Plan) -> Iterator[str]:
    yield from _first_seen(
        ((f"legal_bases[{i}].id", b.id) for i, b in enumerate(plan.legal_bases)),
        "legal basis id",
    )
    yield from _first_seen(
        ((f"units[{i}].code", u.code) for i, u in enumerate(plan.units)), "unit code"
    )
    yield from _first_seen(
        ((f"agencies[{i}].id", a.id) for i, a in enumerate(plan.agencies)), "agency id"
    )
    yield from _first_seen(_clause_paths(plan), "clause id")
    yield from _first_seen(
        ((f"targets[{i}].indicator", t.indicator) for i, t in enumerate(plan.targets)),
        "target for indicator",
    )


def _units(plan: Plan) -> Iterator[str]:
    year = plan.reporting_year
    span = f"{year.start}..{year.end}"
    for i, unit in enumerate(plan.units):
        if not (unit.is_valid_on(year.start) and unit.is_valid_on(year.end)):
            bounds = [f"valid_from is {unit.valid_from}"] if unit.valid_from else []
            bounds += [f"valid_to is {unit.valid_to}"] if unit.valid_to else []
            yield (
                f"units[{i}]: {unit.code} {unit.full_name} is not valid throughout the "
                f"plan's year {plan.year} ({span}): {', '.join(bounds)}"
            )
    codes = {u.code for u in plan.units + plan.related_units}
    for i, code in enumerate(plan.area):
        if code not in codes:
            yield f"area[{i}]: {code!r} is not the code of a unit in units or related_units"
    try:
        plan.registry  # noqa: B018 - building the registry is the check
    except ValidationError as exc:
        text = str(exc).removeprefix(f"{exc.cls_name}.{exc.field}: ")
        yield f"units: {text}"


def _agencies(plan: Plan) -> Iterator[str]:
    in_scope = {u.code for u in plan.units}
    for role in (AgencyRole.STEERING_COMMITTEE, AgencyRole.STANDING_BODY):
        holders = [i for i, a in enumerate(plan.agencies) if role in a.roles]
        for i in holders[1:]:
            yield (
                f"agencies[{i}].roles: a plan has one {role.en}; "
                f"{plan.agencies[holders[0]].id!r} is already it"
            )
    for i, agency in enumerate(plan.agencies):
        if agency.unit_code is not None and agency.unit_code not in in_scope:
            yield f"agencies[{i}].unit_code: {agency.unit_code!r} is not a unit in scope"
    known = {a.id for a in plan.agencies}
    for i, duty in enumerate(plan.duties):
        if duty.agency not in known:
            yield f"duties[{i}].agency: unknown agency {duty.agency!r}"
        for j, partner in enumerate(duty.partners):
            if partner not in known:
                yield f"duties[{i}].partners[{j}]: unknown agency {partner!r}"


def _clauses(plan: Plan) -> Iterator[str]:
    sections = {s.id for s in plan.sections}
    defined = sections | {c.id for c in plan.clauses}
    for path, clause_id in _clause_paths(plan):
        parent, dot, _ = clause_id.rpartition(".")
        if dot and parent not in sections:
            yield f"{path}: {clause_id!r} is under {parent!r}, which is not a section of the plan"
    for i, duty in enumerate(plan.duties):
        if duty.task_area not in sections:
            yield f"duties[{i}].task_area: {duty.task_area!r} is not a section of the plan"
    for i, basis in enumerate(plan.legal_bases):
        if basis.cited_in is not None and basis.cited_in not in defined:
            yield f"legal_bases[{i}].cited_in: {basis.cited_in!r} is not a clause of the plan"
    for i, target in enumerate(plan.targets):
        if target.clause not in defined:
            yield f"targets[{i}].clause: {target.clause!r} is not a clause of the plan"
    if plan.reporting.clause not in defined:
        yield f"reporting.clause: {plan.reporting.clause!r} is not a clause of the plan"
    yield from _citations(plan)


def _citations(plan: Plan) -> Iterator[str]:
    """A clause without ``cite_vi``/``cite_en`` when others have theirs.

    A report prints a clause as the plan refers to it; a plan that gives no citation at
    all shows its ids (an older plan file), but one that gives some must give them all,
    so that no report mixes the two.
    """
    paths = [
        *((f"purposes[{i}]", c) for i, c in enumerate(plan.purposes)),
        *((f"duties[{i}]", d) for i, d in enumerate(plan.duties)),
    ]
    if all(clause.cite_vi is None for _, clause in paths):
        return
    for path, clause in paths:
        if clause.cite_vi is None:
            yield (
                f"{path}.cite_vi: clause {clause.id!r} has no citation, which other clauses"
                " have (how the plan refers to it, e.g. “điểm 3 mục I”)"
            )


def _unknown_indicator(indicator_id: str) -> str:
    return f"unknown indicator {indicator_id!r}: not in the catalogue"


def _indicators(plan: Plan) -> Iterator[str]:
    for key, clauses in (("purposes", plan.purposes), ("duties", plan.duties)):
        for i, clause in enumerate(clauses):
            for j, indicator in enumerate(clause.indicators):
                if indicator not in CATALOGUE_IDS:
                    yield f"{key}[{i}].indicators[{j}]: {_unknown_indicator(indicator)}"


def _targets(plan: Plan) -> Iterator[str]:
    listed: dict[str, tuple[str, ...]] = {}
    for clause in plan.clauses:  # the first of a duplicated id counts, as in the message
        listed.setdefault(clause.id, clause.indicators)
    for i, target in enumerate(plan.targets):
        if target.indicator not in CATALOGUE_IDS:
            yield f"targets[{i}].indicator: {_unknown_indicator(target.indicator)}"
        elif target.clause in listed and target.indicator not in listed[target.clause]:
            yield (
                f"targets[{i}].indicator: clause {target.clause} does not list "
                f"indicator {target.indicator!r}"
            )
        yield from _provenance(i, target)
        if target.value < 0:
            yield f"targets[{i}].value: {target.value} is below 0"
        elif target.indicator in SHARE_IDS and target.value > 1:
            yield (
                f"targets[{i}].value: {target.indicator} is a share, written as a fraction "
                f"from 0 to 1 (100% is 1.0), not {target.value}"
            )


def _provenance(i: int, target: Target) -> Iterator[str]:
    """Whether the plan sets a target or it is a reading, and for a reading, why."""
    if target.set_by_plan is None:
        yield (
            f"targets[{i}].set_by_plan: say whether the plan's own words set this target "
            "(true) or it is a reading of them (false, with note and note_vi saying why)"
        )
    elif not target.set_by_plan:
        if not target.note.strip():
            yield f"targets[{i}].note: a target the plan does not set says why, in English"
        if not target.note_vi.strip():
            yield (
                f"targets[{i}].note_vi: a target the plan does not set says why, in "
                "Vietnamese, for the report"
            )


def _reporting(plan: Plan) -> Iterator[str]:
    known = {a.id for a in plan.agencies}
    rules = plan.reporting
    if not rules.days_allowed_set_by_plan and not rules.days_allowed_note_vi.strip():
        yield (
            "reporting.days_allowed_note_vi: the plan does not set days_allowed: say where "
            "the local default comes from, in Vietnamese, for the report"
        )
    for j, agency in enumerate(rules.agencies):
        if agency not in known:
            yield f"reporting.agencies[{j}]: unknown agency {agency!r}"
    if rules.submit_to not in known:
        yield f"reporting.submit_to: unknown agency {rules.submit_to!r}"
    if rules.through is not None and rules.through not in known:
        yield f"reporting.through: unknown agency {rules.through!r}"


def _report_indicators(plan: Plan) -> Iterator[str]:
    """Problems of the plan's own list of indicators, and of targets it leaves out."""
    if plan.indicators is None:
        return
    if not plan.indicators:
        yield (
            "indicators: an empty list evaluates no indicator; leave the key out to report "
            "the indicators the clauses and targets name"
        )
    for j, indicator in enumerate(plan.indicators):
        if indicator not in CATALOGUE_IDS:
            yield f"indicators[{j}]: {_unknown_indicator(indicator)}"
    yield from _first_seen(
        ((f"indicators[{j}]", i) for j, i in enumerate(plan.indicators)), "indicator"
    )
    listed = set(plan.indicators)
    for i, target in enumerate(plan.targets):
        if target.indicator not in listed:
            yield (
                f"targets[{i}].indicator: {target.indicator!r} has a target but is not among "
                "the plan's indicators (indicators): add it there, or drop the target"
            )


_WEEKDAYS: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_SATURDAY: Final = 5


def _calendar(plan: Plan) -> Iterator[str]:
    """Problems of the local days: twice, both ways, already working, far from the year.

    Source: Bộ luật Lao động 2019, Art. 112 (the national days off, from the ``holidays``
    package through :func:`threeno.rules.calendar.default_calendar`); Bộ luật Tố tụng
    hình sự 2015, Art. 134 (the days off a time limit moves past).
    """
    local = plan.calendar
    lists = (("days_off", local.days_off), ("working_days", local.working_days))
    first, last = plan.year - 1, plan.year + 1
    off_at: dict[dt.date, str] = {}
    for key, days in lists:
        yield from _first_seen(
            ((f"calendar.{key}[{j}].date", d.date.isoformat()) for j, d in enumerate(days)),
            "day",
        )
        for j, day in enumerate(days):
            path = f"calendar.{key}[{j}].date"
            if not first <= day.date.year <= last:
                yield (
                    f"{path}: {day.date} is far from the plan's year {plan.year}: "
                    f"a local day falls in {first} to {last}"
                )
            if key == "days_off":
                off_at.setdefault(day.date, path)
            elif day.date in off_at:
                yield (
                    f"{path}: {day.date} is also a day off ({off_at[day.date]}): "
                    "a day is off or worked, not both"
                )
            else:
                yield from _already_working(path, day)


def _already_working(path: str, day: NamedDay) -> Iterator[str]:
    national = default_calendar()
    if national.is_day_off(day.date):
        return
    weekday = _WEEKDAYS[day.date.weekday()]
    why = (
        f"a {weekday} that is not a public holiday"
        if day.date.weekday() < _SATURDAY
        else f"a {weekday} the government already made a working day (làm bù)"
    )
    yield (
        f"{path}: {day.date} is already a working day in the national calendar ({why}): "
        "list only days the national calendar has off"
    )


def _unprintable_texts(plan: Plan) -> Iterator[str]:
    """``path: holds ...`` for every text of the plan that no output can show as it is.

    Source: Unicode Standard Annex #9 (bidirectional controls reorder what follows them,
    so that a page would not read as the plan was written).
    """
    stack: list[tuple[str, object]] = [("", shared_converter().unstructure(plan))]
    found: list[str] = []
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            params = unprintable(value)
            if params is not None:
                found.append(f"{path}: {Notice('unprintable_text', params).text('en')}")
        elif isinstance(value, dict):
            for key, item in value.items():
                shown = key if unprintable(str(key)) is None else repr(key)
                stack.append((f"{path}.{shown}" if path else str(shown), item))
        elif isinstance(value, list | tuple):
            stack.extend((f"{path}[{i}]", item) for i, item in enumerate(value))
    yield from sorted(found)


def _evaluation(plan: Plan) -> Iterator[str]:
    """``crosswalk = true`` needs old units merged into the plan's (Nghị quyết 1670/NQ-UBTVQH15)."""
    if not plan.evaluation.crosswalk:
        return
    codes = {u.code for u in plan.units}
    if not any(u.successor in codes for u in plan.units + plan.related_units if u.valid_to):
        yield (
            "evaluation.crosswalk: true, but no unit in units or related_units ends with a "
            "successor among the plan's units: there is nothing to crosswalk (list the old "
            "units in related_units with valid_to and successor)"
        )
