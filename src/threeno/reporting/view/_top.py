"""The report's top: the header, the records behind it and the warnings, the settings used.

Before any indicator the report names its plan, its period (by name, with its dates and
cut-off convention), its area and units; says what it rests on (the records read,
accepted and rejected, and those left out of every number for their unit code, by
reason) and every warning of the evaluation; and lists the readings and settings the
evaluation used, with where each comes from (the plan file, the command line, or a local
default).

Plan clauses: IV.2 (the six-monthly and yearly reports the standing body consolidates).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from threeno.indicators.catalogue import CATALOGUE_IDS as IDS
from threeno.indicators.catalogue import get
from threeno.indicators.explanation import lower_first
from threeno.indicators.results import LEFT_OUT_REASONS
from threeno.lang import count, date, number
from threeno.model.period import PeriodKind
from threeno.reporting.view._classes import Fact, Header, Overview, Setting
from threeno.reporting.view._quality import source_name
from threeno.reporting.view._words import words

if TYPE_CHECKING:
    import datetime as dt

    from threeno.indicators.results import Evaluation
    from threeno.io.report import LoadReport
    from threeno.lang import Lang
    from threeno.model.period import ReportingPeriod
    from threeno.model.plan import Plan

__all__ = ["header", "overview", "settings"]


def header(
    evaluation: Evaluation, plan: Plan | None, lang: Lang, generated_on: dt.date | None
) -> Header:
    """The header: plan, period by name with its dates and convention, area, units."""
    period = evaluation.period
    return Header(
        plan_id=evaluation.plan_id,
        plan_title=None if plan is None else (plan.title_vi if lang == "vi" else plan.title_en),
        plan_number=None if plan is None else plan.number,
        period=str(period),
        period_label=_period_name(period, lang),
        start=period.start,
        end=period.end,
        convention=period.convention.label(lang),
        area=_area(plan, period.end, lang),
        units=tuple((u.code, _running(u.full_name, lang)) for u in evaluation.units),
        generated_on=generated_on,
    )


def _period_name(period: ReportingPeriod, lang: Lang) -> str:
    """The period in words, without its dates: ``6 tháng đầu năm 2025``, ``quý I năm 2024``.

    A custom period is named by its first and last day (``từ ngày 01/01/2024 đến ngày
    31/03/2024``).
    """
    if period.kind is PeriodKind.CUSTOM:
        return words(lang)["custom_period"].format(
            start=date(period.start, lang), end=date(period.end, lang)
        )
    name, _, _ = period.label(lang).partition(" (")  # the label is "name (start – end)"
    return name


def _running(name: str, lang: Lang) -> str:
    """A unit's name as running text writes it: ``phường Tân Phong``, ``tỉnh Lai Châu``.

    In a sentence or a list the kind of unit is lower case and the proper name keeps its
    capitals (Nghị định 30/2020/NĐ-CP, Phụ lục II); a table's first cell keeps the
    capital a cell starts with.
    """
    return lower_first(name) if lang == "vi" else name


def _area(plan: Plan | None, end: dt.date, lang: Lang) -> tuple[str, ...]:
    """The units containing the plan's, smallest first: ``thành phố Lai Châu, tỉnh Lai Châu``."""
    if plan is None:
        return ()
    names = []
    for code in plan.area:
        versions = [u for u in plan.related_units if u.code == code]
        current = [u for u in versions if u.is_valid_on(end)] or versions
        names.append(_running(current[0].full_name, lang) if current else code)
    return tuple(reversed(names))


def _records(n: int, lang: Lang) -> str:
    """A number of records: ``888 trường hợp``, ``1 record``, ``19,353 records``."""
    return count(n, "trường hợp", "records", lang)


def overview(evaluation: Evaluation, load_report: LoadReport | None, lang: Lang) -> Overview:
    """The records behind the report, what was left out and why, and the warnings.

    Nothing is counted out quietly: the records read, accepted and rejected (from the
    load report), the records left out of every number for their unit code by reason
    (:attr:`DataQuality.left_out_by_reason
    <threeno.indicators.results.DataQuality.left_out_by_reason>`), the records of old
    units counted in their successor when the evaluation crosswalked, and every warning
    of the evaluation, in the report's language; one short line when nothing was left out.
    """
    w = words(lang)
    quality = evaluation.data_quality
    by_reason = quality.left_out_by_reason
    evaluated = sum(counts.get("read", 0) for counts in quality.counts.values())
    crosswalked = sum(counts.get("crosswalked", 0) for counts in quality.counts.values())
    source = None if load_report is None else source_name(load_report.source)
    if load_report is None:
        records = w["records_given"].format(n=_records(evaluated, lang))
    else:
        records = w["records_read"].format(
            read=_records(load_report.read, lang),
            accepted=number(load_report.accepted, lang),
            rejected=number(load_report.rejected, lang),
        )
    if quality.left_out:
        reasons = "; ".join(
            f"{lower_first(w[reason])}: {number(by_reason[reason], lang)}"
            for reason in LEFT_OUT_REASONS
        )
        left_out = w["left_out_some"].format(n=_records(quality.left_out, lang), reasons=reasons)
    else:
        left_out = w["left_out_none"]
    facts = [
        Fact(key="records", label=w["records"], text=records),
        Fact(key="left_out", label=w["left_out"], text=left_out),
    ]
    if evaluation.crosswalk_applied:
        facts.append(
            Fact(key="crosswalked", label=w["crosswalked_n"], text=number(crosswalked, lang))
        )
    return Overview(
        source=source,
        read=None if load_report is None else load_report.read,
        accepted=None if load_report is None else load_report.accepted,
        rejected=None if load_report is None else load_report.rejected,
        evaluated=evaluated,
        left_out=quality.left_out,
        left_out_by_reason={reason: by_reason[reason] for reason in LEFT_OUT_REASONS},
        crosswalk_applied=evaluation.crosswalk_applied,
        crosswalked=crosswalked,
        facts=tuple(facts),
        warnings=tuple(
            Fact(key=notice.code, label=w["warning"], text=notice.text(lang))
            for notice in evaluation.warnings
        ),
    )


def _reading(
    key: str, lang: Lang, *, used: bool, planned: bool | None, notes: tuple[str, str]
) -> Setting:
    """A reading of the plan's ``[evaluation]``: its value, and where it comes from.

    The note is the plan's in the report's language (the command line writes its own
    there, "Đặt khi chạy lệnh (--crosswalk), không theo tệp kế hoạch."); when the
    evaluation used another value than the plan's, it was set for this evaluation only.
    """
    w = words(lang)
    note_vi, note_en = notes
    if planned is None:  # no plan given: the value only
        note = ""
    elif used != planned:
        note = w["set_by_caller"]
    else:
        note = (note_vi if lang == "vi" else note_en) or w["set_by_plan_file"]
    label = w["crosswalk_setting" if key == "crosswalk" else key]
    return Setting(key=key, label=label, value=used, text=w["yes" if used else "no"], note=note)


def settings(evaluation: Evaluation, plan: Plan | None, lang: Lang) -> tuple[Setting, ...]:
    """The readings and settings the evaluation used, and where each comes from.

    The day of receipt (Bộ luật Tố tụng hình sự 2015, Art. 134) and the crosswalk of
    merged units, as the evaluation applied them (:attr:`Evaluation.count_receipt_day
    <threeno.indicators.results.Evaluation.count_receipt_day>`,
    :attr:`~threeno.indicators.results.Evaluation.crosswalk_applied`); with the plan,
    its local days off and working days (``[calendar]``), the reporting deadline
    (``reporting.days_allowed``, set by the plan or a local default), and the targets the
    plan does not set (``set_by_plan = false``: why each is a reading, and whether they
    were assessed: ``[evaluation] assess_assumed_targets``). Whether a suspension counts
    as resolved (``suspension_counts_as_resolved``) is a reading too.
    """
    w = words(lang)
    readings = None if plan is None else plan.evaluation
    found = [
        _reading(
            "count_receipt_day",
            lang,
            used=evaluation.count_receipt_day,
            planned=None if readings is None else readings.count_receipt_day,
            notes=("", "")
            if readings is None
            else (readings.count_receipt_day_note_vi, readings.count_receipt_day_note),
        ),
        _reading(
            "crosswalk",
            lang,
            used=evaluation.crosswalk_applied,
            planned=None if readings is None else readings.crosswalk,
            notes=("", "")
            if readings is None
            else (readings.crosswalk_note_vi, readings.crosswalk_note),
        ),
        _reading(
            "suspension_counts_as_resolved",
            lang,
            used=evaluation.suspension_counts_as_resolved,
            planned=None if readings is None else readings.suspension_counts_as_resolved,
            notes=("", "")
            if readings is None
            else (
                readings.suspension_counts_as_resolved_note_vi,
                readings.suspension_counts_as_resolved_note,
            ),
        ),
    ]
    if plan is None:
        return tuple(found)
    local = plan.calendar
    if local.is_empty:
        calendar_text = w["national_only"]
    else:
        parts = []
        for key, days in (("days_off", local.days_off), ("working_days", local.working_days)):
            if days:
                listed = ", ".join(
                    f"{date(d.date, lang)} ({d.name_vi if lang == 'vi' else d.name_en})"
                    for d in days
                )
                parts.append(w[key].format(n=number(len(days), lang), days=listed))
        calendar_text = "; ".join(parts)
    found.append(
        Setting(
            key="calendar",
            label=w["calendar"],
            value=tuple(d.date.isoformat() for d in (*local.days_off, *local.working_days)),
            text=calendar_text,
            note=local.note,
        )
    )
    rules = plan.reporting
    source = w["deadline_by_plan" if rules.days_allowed_set_by_plan else "deadline_default"]
    found.append(
        Setting(
            key="days_allowed",
            label=w["deadline"],
            value=rules.days_allowed,
            text=w["deadline_days"].format(days=number(rules.days_allowed, lang), source=source),
            note=rules.days_allowed_note if lang == "en" else rules.days_allowed_note_vi,
        )
    )
    found.append(_assumed_targets(evaluation, plan, lang))
    return tuple(found)


def _assumed_targets(evaluation: Evaluation, plan: Plan, lang: Lang) -> Setting:
    """The targets the plan does not set, why each is a reading, and whether assessed."""
    w = words(lang)
    assumed = [
        t for t in plan.targets if t.assumed and t.indicator in evaluation and t.indicator in IDS
    ]
    why = "; ".join(
        f"{get(t.indicator).name(lang)}: {(t.note_vi if lang == 'vi' else t.note).rstrip('.')}"
        for t in assumed
    )
    why += "." if why else ""
    assessed = evaluation.assess_assumed_targets
    return Setting(
        key="assess_assumed_targets",
        label=w["assess_assumed_targets"],
        value=assessed,
        text=w["yes" if assessed else "no_assessed"],
        note=why or w["no_assumed_targets"],
    )
