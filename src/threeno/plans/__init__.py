"""The bundled plans, and loading a plan by id or path.

>>> from threeno.plans import available, load_plan
>>> available()
('doan-ket-tan-phong-2026', 'lai-chau-2024')
>>> plan = load_plan("lai-chau-2024")
>>> len(plan.units), plan.target("reports.resolved").value
(7, 1.0)

Bundled plans are TOML files beside this module, read with :mod:`importlib.resources`:

- ``lai-chau-2024``: Lai Châu city's 2024 plan, the whole text clause by clause;
- ``doan-ket-tan-phong-2026``: an illustrative plan (no real plan text exists) for the
  two wards that replaced the city on 2025-07-01, continuing the model in 2026 under the
  2024 law against human trafficking;
- ``template.toml``: a commented template for another locality, not listed by
  :func:`available` (load it by path once filled in).

Plan clauses: the whole plan.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import os
from importlib.resources import files
from typing import TYPE_CHECKING, Final

from threeno.errors import LanguageError, PlanError
from threeno.indicators.ids import SHARE_IDS
from threeno.io.plans import parse_plan, read_plan

if TYPE_CHECKING:
    from threeno.model.plan import Plan, Target
    from threeno.model.units import AdministrativeUnit

__all__ = ["available", "load_plan", "looks_like_path", "summary"]

_SUFFIX: Final = ".toml"
_TEMPLATE: Final = "template"


def available() -> tuple[str, ...]:
    """The ids of the bundled plans, sorted (the template is not one).

    .. versionadded:: 0.1.0
    """
    names = (entry.name for entry in files(__name__).iterdir())
    return tuple(
        sorted(
            name.removesuffix(_SUFFIX)
            for name in names
            if name.endswith(_SUFFIX) and name != _TEMPLATE + _SUFFIX
        )
    )


def load_plan(id_or_path: str | os.PathLike[str]) -> Plan:
    """Load a bundled plan by id, or a plan file by path, and check it.

    A :class:`~pathlib.Path`, or a text that ends in ``.toml`` or holds a path separator,
    is a path; any other text is the id of a bundled plan (see :func:`available`).

    >>> from threeno.plans import load_plan
    >>> load_plan("lai-chau-2024").period("2024").end
    datetime.date(2024, 12, 14)

    Args:
        id_or_path: ``"lai-chau-2024"``, or ``"plans/my-commune-2025.toml"``.

    Returns:
        The plan, checked across fields by :func:`threeno.io.plans.check_plan`.

    Raises:
        PlanError: for an unknown id or a missing file, or listing every problem of the
            plan with its TOML path.

    .. versionadded:: 0.1.0
    """
    if isinstance(id_or_path, os.PathLike) or looks_like_path(id_or_path):
        return read_plan(id_or_path)
    if not isinstance(id_or_path, str) or id_or_path not in available():
        known = ", ".join(available())
        msg = (
            f"no bundled plan {id_or_path!r}; bundled plans: {known} "
            "(a plan file's path ends in .toml)"
        )
        raise PlanError(msg)
    resource = files(__name__).joinpath(id_or_path + _SUFFIX)
    return parse_plan(resource.read_text(encoding="utf-8"), source=f"bundled plan {id_or_path}")


def looks_like_path(text: object) -> bool:
    """Whether :func:`load_plan` reads ``text`` as a plan file's path, not a bundled id.

    A text that ends in ``.toml`` or holds a path separator is a path.

    >>> from threeno.plans import looks_like_path
    >>> looks_like_path("lai-chau-2024"), looks_like_path("plans/xa-mau-2025.toml")
    (False, True)

    .. versionadded:: 0.2.0
    """
    separators = [sep for sep in (os.sep, os.altsep) if sep]
    return isinstance(text, str) and (
        text.endswith(_SUFFIX) or any(sep in text for sep in separators)
    )


def _target_text(target: Target) -> str:
    # A share as the plan writes it (1.0 is "100%"); a count as a whole number.
    value = f"{target.value:.0%}" if target.indicator in SHARE_IDS else f"{target.value:g}"
    return f"{target.comparator.value} {value}"


def summary(plan: Plan, lang: str = "en") -> str:
    """A plain-text summary: units, agencies, duties per agency, targets and reporting.

    What ``threeno plan show`` prints.

    >>> from threeno.plans import load_plan, summary
    >>> print(summary(load_plan("lai-chau-2024")).splitlines()[0])
    lai-chau-2024: Maintaining the “03 không, 03 có” (three no's, three yes's) model ...

    Args:
        plan: the plan.
        lang: ``"en"`` (the default) or ``"vi"`` for the names and titles.

    Raises:
        LanguageError: for a language other than ``"en"`` or ``"vi"``.

    Plan clauses: I.5 (units), III (agencies and duties), I.3, I.5, II.2.b, II.3.b, IV.2
    (targets), IV.2 (reporting).

    .. versionadded:: 0.1.0
    """
    if lang not in {"en", "vi"}:
        msg = f"unknown language {lang!r}: threeno has labels in 'vi' and 'en'"
        raise LanguageError(msg)
    vi = lang == "vi"
    title = plan.title_vi if vi else plan.title_en
    lines = [f"{plan.id}: {_shorten(title)}"]
    issuer = plan.issuer_vi if vi else plan.issuer_en
    lines.append(f"  {plan.number or '(no number)'}, {plan.year}, issued by {issuer}")
    if plan.note:
        lines.append(f"  note: {plan.note}")
    lines.append(f"units ({len(plan.units)}):")
    for unit in plan.units:
        name = unit.full_name if vi else f"{unit.name} ({unit.kind.en})"
        lines.append(f"  {unit.code}  {name}{_validity(unit)}")
    lines.append(f"agencies ({len(plan.agencies)}):")
    for agency in plan.agencies:
        roles = ", ".join(role.label(lang) for role in agency.roles)
        name = agency.name_vi if vi else agency.name_en
        extra = f"; {roles}" if roles else ""
        lines.append(f"  {agency.id}  {name} ({agency.level.label(lang)}{extra})")
    lines.append("duties per agency:")
    for agency in plan.agencies:
        lead = " ".join(d.id for d in plan.duties if d.agency == agency.id)
        partner = " ".join(d.id for d in plan.duties if agency.id in d.partners)
        parts = [f"leads {lead}" if lead else "", f"takes part in {partner}" if partner else ""]
        lines.append(f"  {agency.id}: {'; '.join(p for p in parts if p) or 'none'}")
    lines.append(f"targets ({len(plan.targets)}):")
    lines.extend(f"  {t.indicator} {_target_text(t)}  ({t.clause})" for t in plan.targets)
    lines.extend(_reporting_lines(plan, lang))
    return "\n".join(lines)


def _reporting_lines(plan: Plan, lang: str) -> list[str]:
    rules = plan.reporting
    kinds = ", ".join(kind.label(lang) for kind in rules.kinds)
    route = rules.submit_to + (f" through {rules.through}" if rules.through else "")
    source = "set by the plan" if rules.days_allowed_set_by_plan else "local default"
    return [
        f"reporting ({rules.clause}): {kinds}; {rules.convention.label(lang)}",
        f"  from {', '.join(rules.agencies)} to {route}",
        f"  due {rules.days_allowed} days after a period's end ({source})",
    ]


def _validity(unit: AdministrativeUnit) -> str:
    start, end = unit.valid_from, unit.valid_to
    if start is None and end is None:
        return ""
    if start is None:
        return f"  until {end}"
    return f"  from {start}" + (f" to {end}" if end else "")


def _shorten(text: str, width: int = 80) -> str:
    if len(text) <= width:
        return text
    return text[: width - 4].rsplit(" ", 1)[0] + " ..."
