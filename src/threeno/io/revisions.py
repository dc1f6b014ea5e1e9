"""Reading a revision file: a base plan and the parts of it a what-if replaces.

A revision file is a small TOML file that names a base plan and replaces parts of it::

    base = "lai-chau-2024"          # a bundled plan's id, or a plan file's path
    title_vi = "Tính ngày tiếp nhận là ngày thứ nhất của thời hạn"
    title_en = "The day of receipt counted as day 1 of a time limit"

    [evaluation]
    count_receipt_day = true

    [targets."reports.resolved"]
    value = 0.95

What it may replace, each as the plan file writes it (the plans guide,
``docs/guides/plans.md``):

- ``indicators``: the report's indicators, the whole list;
- ``[targets."ID"]``: the target of one indicator, its keys over the base plan's
  (``comparator``, ``value``, ``clause``, ``note``; all but ``note`` for an indicator the
  base sets no target for), or ``remove = true`` to drop it;
- ``[reporting]``, ``[calendar]``, ``[evaluation]``: their keys over the base plan's (a
  key given replaces the base's value, a list the whole list). ``[evaluation]`` takes
  every reading the plan format has, whatever it is called, so a reading added to the
  format is a reading a revision can change.

A change the revision does not explain is never shown as the plan's: a reading changed
without its ``*_note`` (and ``*_note_vi``) gets a note saying the revision set it, a
deadline changed without ``days_allowed_set_by_plan`` is a local choice, and a target
changed without ``note`` says the revision set it and what the plan set.

The revised plan is checked as a plan file is (:func:`threeno.io.plans.check_plan`), and
every problem of the revision is reported at once, with its key in the revision file
(``targets."reports.resolved".value: ...``), as a :class:`~threeno.errors.PlanError`.

Plan clauses: the whole plan (targets of I.3, I.5, II.2.b, II.3.b, IV.2; reporting IV.2).

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import attrs
from cattrs.errors import BaseValidationError

from threeno.errors import PlanError
from threeno.indicators.catalogue import CATALOGUE_IDS, get
from threeno.io._files import raise_coded, read_input
from threeno.io._limits import MAX_DEPTH, too_deep
from threeno.io.converter import shared_converter, structure_problems
from threeno.io.plans import MAX_PLAN_BYTES, check_plan, parse_plan
from threeno.model.plan import EvaluationReadings, Plan, ReportingRules
from threeno.model.plan_parts import SLUG
from threeno.model.revision import Revision

if TYPE_CHECKING:
    import os
    from collections.abc import Callable, Iterator
    from typing import NoReturn

__all__ = ["REVISION_KEYS", "parse_revision", "read_revision", "revise"]

#: The top-level keys of a revision file; the tables are those of a plan file.
REVISION_KEYS: Final = (
    "base",
    "id",
    "title_vi",
    "title_en",
    "note_vi",
    "note_en",
    "indicators",
    "targets",
    "reporting",
    "calendar",
    "evaluation",
)
_TEXTS: Final = ("title_vi", "title_en", "note_vi", "note_en")
_TABLES: Final = ("reporting", "calendar", "evaluation")
_TARGET: Final = re.compile(r"targets\[(?P<index>[0-9]+)\]")

#: The notes a change gets when the revision gives none: the plan never seems to set it.
_SET_BY_VI: Final = "Đặt theo phương án điều chỉnh {revision}, không theo tệp kế hoạch."
_SET_BY_EN: Final = "Set by the revision {revision}, not by the plan file."


def read_revision(
    path: str | os.PathLike[str], *, load_base: Callable[[str, Path], Plan]
) -> Revision:
    """Read and check a revision file.

    Args:
        path: the TOML file.
        load_base: how to load the base plan the file names: called with the ``base``
            text and the revision file's folder (a relative path is read from there).
            :func:`threeno.plans.load_revision` passes the bundled plans' loader.

    Returns:
        The :class:`~threeno.model.revision.Revision`, its plan checked.

    Raises:
        PlanError: when the file cannot be read, is larger than a plan file may be, is
            not UTF-8 or not TOML, or lists every problem with its key in the file.

    .. versionadded:: 0.2.0
    """
    file = Path(path)

    def too_large(size: int) -> NoReturn:
        raise_coded(PlanError, "plan_too_large", file=str(file), size=size, limit=MAX_PLAN_BYTES)

    data = read_input(file, MAX_PLAN_BYTES, PlanError, too_large, cannot_read="cannot_read_plan")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise_coded(PlanError, "plan_not_utf8", file=str(file), line=line, byte=data[exc.start])
    return parse_revision(
        text,
        source=str(file),
        default_id=file.stem,
        load_base=lambda base: load_base(base, file.parent),
    )


def parse_revision(
    text: str,
    *,
    source: str = "<revision>",
    default_id: str = "revision",
    load_base: Callable[[str], Plan],
) -> Revision:
    """Read and check a revision from TOML text (or a whole plan, as an alternative).

    A text with no ``base`` key and a plan's ``units`` is a whole plan file: it is read as
    one (:func:`threeno.io.plans.parse_plan`), and the revision is that plan, its title
    the plan's and its ``changes`` ``("plan",)``.

    Args:
        text: the TOML text.
        source: how to name the text in messages (its file name).
        default_id: the revision's id when the text has no ``id`` key.
        load_base: loads the base plan from the ``base`` text.

    Returns:
        The revision.

    Raises:
        PlanError: for malformed TOML, or listing every problem with its key.

    .. versionadded:: 0.2.0
    """
    try:
        data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, ValueError, RecursionError) as exc:
        msg = f"{source}: not valid TOML: {exc}"
        raise PlanError(msg) from exc
    if too_deep(data, MAX_DEPTH):
        msg = f"{source}: nested more than {MAX_DEPTH} levels deep, the limit"
        raise PlanError(msg)
    if "base" not in data and "units" in data:  # a whole second plan, not a revision
        plan = parse_plan(text, source=source)
        return Revision(
            id=plan.id,
            base=source,
            plan=plan,
            title_vi=plan.title_vi,
            title_en=plan.title_en,
            changes=("plan",),
        )
    problems = list(_header_problems(data))
    if problems:
        raise PlanError(_count(source, problems), tuple(problems))
    base = load_base(data["base"])
    revision_id = data.get("id", default_id)
    if not isinstance(revision_id, str) or not SLUG.fullmatch(revision_id):
        revision_id = "revision"
    plan, changes = revise(base, data, source=source, revision_id=revision_id)
    return Revision(
        id=revision_id,
        base=data["base"],
        plan=plan,
        title_vi=data.get("title_vi", revision_id),
        title_en=data.get("title_en", revision_id),
        note_vi=data.get("note_vi", ""),
        note_en=data.get("note_en", ""),
        changes=changes,
    )


def _header_problems(data: dict[str, Any]) -> Iterator[str]:
    """The top-level keys: known, ``base`` a text, the texts texts, the tables tables."""
    for key in data:
        if key not in REVISION_KEYS:
            yield f"{key}: unknown key; a revision file has {', '.join(REVISION_KEYS)}"
    base = data.get("base")
    if base is None:
        yield "base: missing: name the base plan (a bundled plan's id or a plan file's path)"
    elif not isinstance(base, str) or not base.strip():
        yield "base: must be a bundled plan's id or a plan file's path, as text"
    yield from _text_problems(data)
    for key in ("targets", *_TABLES):
        if key in data and not isinstance(data[key], dict):
            yield f"{key}: must be a table"
    changes = [k for k in data if k in ("indicators", "targets", *_TABLES)]
    if not changes and "base" in data:
        yield "base: the revision changes nothing: give indicators, targets, or a table"


def _text_problems(data: dict[str, Any]) -> Iterator[str]:
    """The revision's id and texts: texts that are not empty, the id a slug."""
    for key in ("id", *_TEXTS):
        if key in data and not (isinstance(data[key], str) and data[key].strip()):
            yield f"{key}: must be a text that is not empty"
    if "id" in data and isinstance(data["id"], str) and not SLUG.fullmatch(data["id"]):
        yield "id: must be lower-case letters, digits and hyphens"


def _count(source: str, problems: list[str] | tuple[str, ...]) -> str:
    noun = "problem" if len(problems) == 1 else "problems"
    return f"{source}: {len(problems)} {noun}"


def revise(
    plan: Plan, changes: dict[str, Any], *, source: str = "<revision>", revision_id: str
) -> tuple[Plan, tuple[str, ...]]:
    """The plan with a revision's tables in place of its own, checked as a plan is.

    Args:
        plan: the base plan.
        changes: the revision's keys (``indicators``, ``targets``, ``reporting``,
            ``calendar``, ``evaluation``; any other is ignored here).
        source: how to name the revision in messages.
        revision_id: the revision's id, for the notes of changes it does not explain.

    Returns:
        The revised plan (the base plan's id) and the keys that changed it, in order.

    Raises:
        PlanError: listing every problem with its key in the revision file.

    .. versionadded:: 0.2.0
    """
    data: dict[str, Any] = shared_converter().unstructure(plan)
    problems: list[str] = []
    changed: list[str] = []
    if "indicators" in changes:
        data["indicators"] = changes["indicators"]
        changed.append("indicators")
    for key in _TABLES:
        given = changes.get(key)
        if isinstance(given, dict):
            data[key] = {**data[key], **given}
            changed.extend(f"{key}.{name}" for name in given)
    notes = {
        "vi": _SET_BY_VI.format(revision=revision_id),
        "en": _SET_BY_EN.format(revision=revision_id),
    }
    _note_readings(plan, changes.get("evaluation"), data["evaluation"], notes)
    _note_deadline(plan, changes.get("reporting"), data["reporting"], notes)
    order = [t["indicator"] for t in data["targets"]]
    targets = changes.get("targets")
    if isinstance(targets, dict):
        data["targets"], order = _targets(plan, targets, problems, changed, notes)
    if problems:
        raise PlanError(_count(source, problems), tuple(problems))
    try:
        revised = shared_converter().structure(data, Plan)
    except (BaseValidationError, ValueError, TypeError) as exc:
        found = tuple(_in_revision(p, order) for p in structure_problems(exc))
        raise PlanError(_count(source, found), found) from exc
    found = tuple(_in_revision(p, order) for p in check_plan(revised))
    if found:
        raise PlanError(_count(source, found), found)
    return revised, tuple(changed)


def _note_readings(
    plan: Plan, given: object, readings: dict[str, Any], notes: dict[str, str]
) -> None:
    """Each reading changed without its notes gets the revision's notes.

    Generic over the readings of ``[evaluation]``: a key ``K`` with fields ``K_note`` and
    ``K_note_vi`` is one reading with its notes.
    """
    if not isinstance(given, dict):
        return
    fields = attrs.fields_dict(EvaluationReadings)
    for key, value in given.items():
        if key not in fields or key.endswith(("_note", "_note_vi")):
            continue
        if value == getattr(plan.evaluation, key):
            continue
        for suffix, lang in (("_note", "en"), ("_note_vi", "vi")):
            if key + suffix in fields and key + suffix not in given:
                readings[key + suffix] = notes[lang]


def _note_deadline(
    plan: Plan, given: object, reporting: dict[str, Any], notes: dict[str, str]
) -> None:
    """A deadline changed without saying who set it is a local choice, and says so."""
    if not isinstance(given, dict) or "days_allowed" not in given:
        return
    if given["days_allowed"] == plan.reporting.days_allowed:
        return
    fields = attrs.fields_dict(ReportingRules)
    if "days_allowed_set_by_plan" in fields and "days_allowed_set_by_plan" not in given:
        reporting["days_allowed_set_by_plan"] = False
    if "days_allowed_note" in fields and "days_allowed_note" not in given:
        reporting["days_allowed_note"] = notes["en"]


def _targets(
    plan: Plan,
    given: dict[str, Any],
    problems: list[str],
    changed: list[str],
    notes: dict[str, str],
) -> tuple[list[dict[str, Any]], list[str]]:
    """The base plan's targets with the revision's, in the base's order, new ones after."""
    by_id: dict[str, dict[str, Any]] = {
        t.indicator: shared_converter().unstructure(t) for t in plan.targets
    }
    for indicator, table in given.items():
        path = f'targets."{indicator}"'
        if indicator not in CATALOGUE_IDS:
            problems.append(f"{path}: unknown indicator {indicator!r}: not in the catalogue")
            continue
        if not isinstance(table, dict):
            problems.append(f"{path}: must be a table")
            continue
        if table.get("remove") is True and len(table) == 1:
            if indicator not in by_id:
                problems.append(f"{path}.remove: the base plan sets no target for {indicator}")
            by_id.pop(indicator, None)
            changed.append(f"{path}.remove")
            continue
        old = plan.target(indicator)
        merged = {**by_id.get(indicator, {"indicator": indicator}), **table}
        if "indicator" in table and table["indicator"] != indicator:
            problems.append(f"{path}.indicator: must be {indicator!r}, the table's name")
        if "note" not in table:
            merged["note"] = _target_note(indicator, old, notes["en"])
        by_id[indicator] = merged
        changed.extend(f"{path}.{key}" for key in table)
    return list(by_id.values()), list(by_id)


def _target_note(indicator: str, old: Any, note: str) -> str:  # noqa: ANN401 - Target | None
    """The note of a target the revision sets without one: who set it, and the plan's."""
    if old is None:
        return f"{note} The plan sets no target for this indicator."
    shown = get(indicator).target_text(old, "en")
    return f"{note} The plan's target: {shown} ({old.clause})."


def _in_revision(problem: str, order: list[str]) -> str:
    """A problem of the revised plan, with the target's key as the revision writes it."""
    match = _TARGET.match(problem)
    if match is None:
        return problem
    index = int(match["index"])
    if index >= len(order):  # pragma: no cover - every index is one of the targets
        return problem
    return f'targets."{order[index]}"' + problem[match.end() :]
