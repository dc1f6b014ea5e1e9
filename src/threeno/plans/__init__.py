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
from importlib.resources import as_file, files
from typing import TYPE_CHECKING, Final

from threeno.errors import PlanError
from threeno.indicators.catalogue import get as get_indicator
from threeno.io.plans import parse_plan, read_plan
from threeno.io.revisions import read_revision
from threeno.lang import Lang, check_lang, date

if TYPE_CHECKING:
    from pathlib import Path

    from threeno.model.plan import NamedDay, Plan
    from threeno.model.revision import Revision
    from threeno.model.units import AdministrativeUnit

__all__ = ["available", "load_plan", "load_revision", "looks_like_path", "revisions", "summary"]

_SUFFIX: Final = ".toml"
_TEMPLATE: Final = "template"
_REVISIONS: Final = "revisions"


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


def revisions() -> tuple[str, ...]:
    """The ids of the bundled sample revisions, sorted (``threeno/plans/revisions/``).

    >>> from threeno.plans import revisions
    >>> revisions()[0]
    'doan-ket-tan-phong-2026-no-crosswalk'

    .. versionadded:: 0.2.0
    """
    folder = files(__name__).joinpath(_REVISIONS)
    names = (entry.name for entry in folder.iterdir())
    return tuple(sorted(n.removesuffix(_SUFFIX) for n in names if n.endswith(_SUFFIX)))


def load_revision(id_or_path: str | os.PathLike[str]) -> Revision:
    """Load a revision of a plan (or a whole second plan) by its file's path or a sample's id.

    A revision file names its base plan (``base``: a bundled plan's id, or a plan file's
    path, relative to the revision file's folder) and replaces parts of it
    (:mod:`threeno.io.revisions`); a plan file is read as a whole alternative plan. Text
    that does not look like a path (:func:`looks_like_path`) is the id of a bundled
    sample revision (:func:`revisions`).

    >>> from threeno.plans import load_revision
    >>> revision = load_revision("lai-chau-2024-count-receipt-day")
    >>> revision.plan.evaluation.count_receipt_day, revision.changes[0]
    (True, 'evaluation.count_receipt_day')

    Raises:
        PlanError: for an unknown sample, a file that cannot be read, or listing every
            problem of the revision with its key in the file.

    .. versionadded:: 0.2.0
    """
    if isinstance(id_or_path, os.PathLike) or looks_like_path(id_or_path):
        return read_revision(id_or_path, load_base=_load_base)
    if not isinstance(id_or_path, str) or id_or_path not in revisions():
        known = ", ".join(revisions())
        msg = (
            f"no bundled revision {id_or_path!r}; bundled revisions: {known} "
            "(a revision file's path ends in .toml)"
        )
        raise PlanError(msg)
    resource = files(__name__).joinpath(_REVISIONS, id_or_path + _SUFFIX)
    with as_file(resource) as path:
        return read_revision(path, load_base=_load_base)


def _load_base(base: str, folder: Path) -> Plan:
    """A revision's base plan: a bundled plan's id, or a path from the revision's folder."""
    if looks_like_path(base):
        return read_plan(folder / base)
    return load_plan(base)


#: The words of the summary, Vietnamese then English; every sentence it prints is built
#: from these, the plan's own texts in the language asked, and the model's labels.
_WORDS: Final[dict[str, tuple[str, str]]] = {
    "number": ("Số", "Number"),
    "no_number": ("không có số", "no number"),
    "year": ("năm", "year"),
    "issuer": ("Cơ quan ban hành", "Issued by"),
    "issued_on": ("Ngày ban hành", "Issued on"),
    "note": ("Ghi chú", "Note"),
    "units": ("Đơn vị hành chính", "Administrative units"),
    "until": ("đến hết ngày {end}", "until {end}"),
    "from": ("từ ngày {start}", "from {start}"),
    "from_to": ("từ ngày {start} đến hết ngày {end}", "from {start} to {end}"),
    "agencies": ("Cơ quan, đơn vị", "Agencies"),
    "duties": ("Nhiệm vụ của từng cơ quan, đơn vị", "Duties per agency"),
    "lead": ("Chủ trì", "Leads"),
    "partner": ("Phối hợp", "Takes part in"),
    "no_duty": ("không có nhiệm vụ", "no duty"),
    "indicators": ("Chỉ số của báo cáo", "Indicators of the report"),
    "listed": ("theo danh mục của Kế hoạch", "as the plan lists them"),
    "named": (
        "theo các điều khoản và chỉ tiêu của Kế hoạch",
        "named by the plan's clauses and targets",
    ),
    "no_clause": ("không có điều khoản nào nêu", "named by no clause"),
    "targets": ("Chỉ tiêu", "Targets"),
    "reporting": ("Chế độ báo cáo", "Reporting"),
    "periods": ("kỳ báo cáo", "periods"),
    "senders": ("Cơ quan, đơn vị báo cáo", "Reports from"),
    "submit_to": ("Gửi về", "Sent to"),
    "through": ("qua {through}", "through {through}"),
    "deadline": (
        "Hạn gửi báo cáo: {days} ngày sau ngày cuối kỳ",
        "Reports due {days} days after a period's last day",
    ),
    "set_by_plan": ("Kế hoạch quy định", "set by the plan"),
    "local_default": (
        "mặc định địa phương, Kế hoạch không quy định",
        "a local default, not set by the plan",
    ),
    "calendar": (
        "Ngày nghỉ, ngày làm việc riêng của địa phương",
        "Local days off and working days",
    ),
    "national_only": (
        "không có; áp dụng lịch nghỉ chung của Nhà nước",
        "none; the national calendar applies",
    ),
    "day_off": ("Ngày nghỉ", "Day off"),
    "working_day": ("Ngày làm việc", "Working day"),
    "readings": ("Cách tính áp dụng", "Readings applied"),
    "count_receipt_day": (
        "Tính ngày tiếp nhận là ngày thứ nhất của thời hạn giải quyết",
        "The day of receipt counts as day 1 of a time limit",
    ),
    "crosswalk": (
        "Tính số liệu của đơn vị hành chính cũ vào đơn vị mới sau sắp xếp",
        "Records of merged units are counted in the unit they were merged into",
    ),
    "suspension_counts_as_resolved": (
        "Tính tin tạm đình chỉ giải quyết là đã giải quyết",
        "A suspended report counts as resolved",
    ),
    "assess_assumed_targets": (
        "Đánh giá Đạt/Chưa đạt các chỉ tiêu theo cách hiểu của phần mềm",
        "Targets the plan does not set are assessed",
    ),
    "target_reading": (
        "theo cách hiểu của phần mềm, Kế hoạch không quy định",
        "the software's reading, not set by the plan",
    ),
    "yes": ("có", "yes"),
    "no": ("không", "no"),
}


def _word(key: str, lang: Lang, **params: object) -> str:
    vi, en = _WORDS[key]
    return (vi if lang == "vi" else en).format(**params)


def summary(plan: Plan, lang: Lang = "en") -> str:
    """A plain-text summary of a plan, all of it in one language.

    What ``threeno plan show`` prints: the header, the units in scope, the agencies and
    the duties each leads or takes part in, the indicators of the plan's report with the
    clauses that name them, the targets, the reporting rules and deadline (and whether
    the plan sets it), the local days off and working days, and the readings of the law
    the plan applies with their notes. In Vietnamese (``"vi"``) every word is
    Vietnamese: agencies, roles, report kinds and indicators by their Vietnamese names,
    dates as dd/mm/yyyy (``threeno.lang.date``); in English (``"en"``) every label
    and name is English, the plan's own Vietnamese words only where the plan gives no
    English (unit names). Notes the plan writes in one language only are shown in that
    language's summary: ``note`` and the ``*_note`` keys in English,
    ``*_note_vi`` in Vietnamese.

    >>> from threeno.plans import load_plan, summary
    >>> text = summary(load_plan("lai-chau-2024"), "vi")
    >>> print(next(line for line in text.splitlines() if "Hạn gửi" in line))
      Hạn gửi báo cáo: 5 ngày sau ngày cuối kỳ (mặc định địa phương, Kế hoạch không quy định)

    Args:
        plan: the plan.
        lang: ``"en"`` (the default) or ``"vi"``.

    Raises:
        LanguageError: for a language other than ``"en"`` or ``"vi"``.

    Plan clauses: I.5 (units), III (agencies and duties), I.3, I.5, II.2.b, II.3.b, IV.2
    (targets), IV.2 (reporting); the plan's own calendar and readings.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       All of it in the language asked; indicators, calendar and readings added; agencies
       by name; dates as dd/mm/yyyy.
    """
    language = check_lang(lang)
    return "\n".join(
        [
            *_header(plan, language),
            *_unit_lines(plan, language),
            *_agency_lines(plan, language),
            *_indicator_lines(plan, language),
            *_target_lines(plan, language),
            *_reporting_lines(plan, language),
            *_calendar_lines(plan, language),
            *_reading_lines(plan, language),
        ]
    )


def _header(plan: Plan, lang: Lang) -> list[str]:
    vi = lang == "vi"
    title = plan.title_vi if vi else plan.title_en
    issuer = plan.issuer_vi if vi else plan.issuer_en
    number_text = plan.number or f"({_word('no_number', lang)})"
    lines = [
        f"{plan.id}: {title}",
        (
            f"  {_word('number', lang)}: {number_text}; {_word('year', lang)} {plan.year}; "
            f"{_word('issuer', lang)}: {issuer}"
        ),
    ]
    if plan.issued_on is not None:
        lines.append(f"  {_word('issued_on', lang)}: {date(plan.issued_on, lang)}")
    if plan.note and not vi:  # the plan's note is written in English
        lines.append(f"  {_word('note', lang)}: {plan.note}")
    return lines


def _unit_lines(plan: Plan, lang: Lang) -> list[str]:
    lines = [f"{_word('units', lang)} ({len(plan.units)}):"]
    for unit in plan.units:
        name = unit.full_name if lang == "vi" else f"{unit.name} ({unit.kind.en})"
        lines.append(f"  {unit.code}  {name}{_validity(unit, lang)}")
    return lines


def _agency_name(plan: Plan, agency_id: str, lang: Lang) -> str:
    agency = plan.agency(agency_id)
    return agency.name_vi if lang == "vi" else agency.name_en


def _agency_lines(plan: Plan, lang: Lang) -> list[str]:
    lines = [f"{_word('agencies', lang)} ({len(plan.agencies)}):"]
    for agency in plan.agencies:
        about = [agency.level.label(lang), *(role.label(lang) for role in agency.roles)]
        lines.append(f"  {_agency_name(plan, agency.id, lang)} ({'; '.join(about)})")
    lines.append(f"{_word('duties', lang)}:")
    for agency in plan.agencies:
        lead = ", ".join(d.id for d in plan.duties if d.agency == agency.id)
        partner = ", ".join(d.id for d in plan.duties if agency.id in d.partners)
        parts = [f"{_word('lead', lang)} {lead}" if lead else ""]
        parts += [f"{_word('partner', lang)} {partner}" if partner else ""]
        text = "; ".join(p for p in parts if p) or _word("no_duty", lang)
        lines.append(f"  {_agency_name(plan, agency.id, lang)}: {text}")
    return lines


def _indicator_lines(plan: Plan, lang: Lang) -> list[str]:
    ids = plan.report_indicators
    how = _word("listed" if plan.indicators is not None else "named", lang)
    lines = [f"{_word('indicators', lang)} ({len(ids)}; {how}):"]
    for indicator_id in ids:
        clauses = ", ".join(plan.clauses_for(indicator_id)) or _word("no_clause", lang)
        lines.append(f"  {get_indicator(indicator_id).name(lang)} ({clauses})")
    return lines


def _target_lines(plan: Plan, lang: Lang) -> list[str]:
    lines = [f"{_word('targets', lang)} ({len(plan.targets)}):"]
    for target in plan.targets:
        indicator = get_indicator(target.indicator)
        shown = indicator.target_text(target, lang)  # a share as the plan writes it: 100%
        reading = f"; {_word('target_reading', lang)}" if target.assumed else ""
        lines.append(f"  {indicator.name(lang)}: {shown} ({target.clause}{reading})")
    return lines


def _reporting_lines(plan: Plan, lang: Lang) -> list[str]:
    rules = plan.reporting
    kinds = ", ".join(kind.label(lang) for kind in rules.kinds)
    senders = ", ".join(_agency_name(plan, a, lang) for a in rules.agencies)
    route = _agency_name(plan, rules.submit_to, lang)
    if rules.through is not None:
        route += f" ({_word('through', lang, through=_agency_name(plan, rules.through, lang))})"
    source = _word("set_by_plan" if rules.days_allowed_set_by_plan else "local_default", lang)
    lines = [
        (
            f"{_word('reporting', lang)} ({rules.clause}): {kinds}; "
            f"{_word('periods', lang)}: {rules.convention.label(lang)}"
        ),
        f"  {_word('senders', lang)}: {senders}",
        f"  {_word('submit_to', lang)}: {route}",
        f"  {_word('deadline', lang, days=rules.days_allowed)} ({source})",
    ]
    note = rules.days_allowed_note if lang == "en" else rules.days_allowed_note_vi
    if note:
        lines.append(f"    {note}")
    return lines


def _calendar_lines(plan: Plan, lang: Lang) -> list[str]:
    local = plan.calendar
    if local.is_empty:
        return [f"{_word('calendar', lang)}: {_word('national_only', lang)}"]
    note = f" ({local.note})" if local.note else ""
    lines = [f"{_word('calendar', lang)}{note}:"]
    lines.extend(_day_line(day, _word("day_off", lang), lang) for day in local.days_off)
    lines.extend(_day_line(day, _word("working_day", lang), lang) for day in local.working_days)
    return lines


def _day_line(day: NamedDay, kind: str, lang: Lang) -> str:
    name = day.name_vi if lang == "vi" else day.name_en
    return f"  {kind} {date(day.date, lang)}: {name}"


def _reading_lines(plan: Plan, lang: Lang) -> list[str]:
    readings = plan.evaluation
    lines = [f"{_word('readings', lang)}:"]
    for key, value, note_en, note_vi in (
        (
            "count_receipt_day",
            readings.count_receipt_day,
            readings.count_receipt_day_note,
            readings.count_receipt_day_note_vi,
        ),
        ("crosswalk", readings.crosswalk, readings.crosswalk_note, readings.crosswalk_note_vi),
        (
            "suspension_counts_as_resolved",
            readings.suspension_counts_as_resolved,
            readings.suspension_counts_as_resolved_note,
            readings.suspension_counts_as_resolved_note_vi,
        ),
        ("assess_assumed_targets", readings.assess_assumed_targets, "", ""),
    ):
        lines.append(f"  {_word(key, lang)}: {_word('yes' if value else 'no', lang)}")
        note = note_vi if lang == "vi" else note_en
        if note:
            lines.append(f"    {note}")
    return lines


def _validity(unit: AdministrativeUnit, lang: Lang) -> str:
    start, end = unit.valid_from, unit.valid_to
    if start is None and end is None:
        return ""
    if start is None:
        return "  " + _word("until", lang, end=date(end, lang)) if end else ""
    if end is None:
        return "  " + _word("from", lang, start=date(start, lang))
    return "  " + _word("from_to", lang, start=date(start, lang), end=date(end, lang))
