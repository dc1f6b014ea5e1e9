"""An evaluation in words: its results, its data quality and its summary, in vi or en.

The result classes of :mod:`threeno.indicators.results` write themselves out
(:meth:`IndicatorResult.explain <threeno.indicators.results.IndicatorResult.explain>`,
:meth:`Evaluation.summary <threeno.indicators.results.Evaluation.summary>`, ...) with the
functions and the words here, so that the results module holds the data and its JSON,
and this one every word of them but the reasons' (:mod:`threeno.indicators.explanation`)
and the definitions' (:mod:`threeno.indicators.definitions`). Numbers, shares and dates
are written by :mod:`threeno.lang`.

Plan clauses: every clause of the catalogue.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from threeno.indicators.definitions import FIGURES, Level
from threeno.indicators.explanation import lower_first
from threeno.lang import Lang, check_lang, number
from threeno.lang import date as date_text
from threeno.lang import percent as percent_text

if TYPE_CHECKING:
    from threeno.indicators.explanation import Entry
    from threeno.indicators.results import (
        CrosswalkUse,
        DataQuality,
        Evaluation,
        IndicatorResult,
        UnitIssue,
    )

__all__ = [
    "crosswalk_text",
    "explain",
    "issue_text",
    "line",
    "quality_text",
    "summary",
    "target_text",
    "value_text",
    "where",
]

_WORDS: Final[dict[str, dict[str, str]]] = {
    "en": {
        "unit": "Unit",
        "period": "period",
        "area": "whole area ({n} units)",
        "agencies": "all reporting agencies",
        "numerator": "Numerator",
        "denominator": "Denominator",
        "value": "Value",
        "no_data": "no data (the denominator is 0)",
        "no_records": "no data (no record to count)",
        "target": "target {target} ({clause})",
        "target_reading": "target {target} ({clause}; {why})",
        "reading_target": "the software's reading, not set by the plan",
        "reading_deadline": "against a local default deadline the plan does not set",
        "reading_both": "the target and the deadline are the software's reading, not the plan's",
        "no_target": "no target in the plan",
        "figures": "Figures",
        "counted": "Counted",
        "failures": "Not counted",
        "in_progress": "In progress, not failing (within the time limit, or suspended)",
        "apart": "Shown apart",
        "omitted": "{n} more not listed ({mode})",
        "none": "Records not kept ({mode}).",
        "records": "Records considered",
        "summary": "Plan {plan}, {period}",
        "warning": "Warning",
        "left_out": "Records left out for their unit: {n}",
    },
    "vi": {
        "unit": "Đơn vị",
        "period": "kỳ",
        "area": "toàn địa bàn ({n} xã, phường)",
        "agencies": "các cơ quan, đơn vị báo cáo",
        "numerator": "Tử số",
        "denominator": "Mẫu số",
        "value": "Kết quả",
        "no_data": "không có số liệu (mẫu số bằng 0)",
        "no_records": "không có số liệu (không có bản ghi để tính)",
        "target": "chỉ tiêu {target} ({clause})",
        "target_reading": "chỉ tiêu {target} ({clause}; {why})",
        "reading_target": "theo cách hiểu của phần mềm, Kế hoạch không quy định",
        "reading_deadline": "hạn gửi báo cáo theo mặc định địa phương, Kế hoạch không quy định",
        "reading_both": (
            "chỉ tiêu và hạn gửi báo cáo theo cách hiểu của phần mềm, Kế hoạch không quy định"
        ),
        "no_target": "kế hoạch không đặt chỉ tiêu",
        "figures": "Số liệu khác",
        "counted": "Được tính",
        "failures": "Không được tính",
        "in_progress": "Đang giải quyết, chưa tính là không đạt (còn trong hạn, hoặc tạm đình chỉ)",
        "apart": "Thống kê riêng",
        "omitted": "còn {n} bản ghi không liệt kê ({mode})",
        "none": "Không lưu danh sách bản ghi ({mode}).",
        "records": "Số bản ghi được xem xét",
        "summary": "Kế hoạch {plan}, {period}",
        "warning": "Cảnh báo",
        "left_out": "Bản ghi không được tính vì đơn vị: {n}",
    },
}


#: The explanation modes in Vietnamese, as a note says which records were kept.
_MODES_VI: Final[dict[str, str]] = {
    "all": "chế độ lưu mọi bản ghi",
    "failures": "chế độ chỉ lưu bản ghi không đạt",
    "none": "chế độ không lưu bản ghi",
}

#: The record types by name, Vietnamese then English (singular, plural). The Vietnamese
#: and the English plural are those of the data dictionary's labels of the record types.
_TYPE_NAMES: Final[dict[str, tuple[str, str, str]]] = {
    "subjects": ("người thuộc diện quản lý", "monitored subject", "monitored subjects"),
    "crime_reports": (
        "tố giác, tin báo về tội phạm, kiến nghị khởi tố",
        "crime report",
        "crime reports",
    ),
    "criminal_cases": ("vụ án hình sự", "criminal case", "criminal cases"),
    "support_actions": ("hoạt động hỗ trợ", "support action", "support actions"),
    "outreach_events": ("hoạt động tuyên truyền", "outreach event", "outreach events"),
    "model_reviews": ("sơ kết, tổng kết mô hình", "model review", "model reviews"),
    "report_submissions": ("báo cáo đã gửi", "report submission", "report submissions"),
    "safety_assessments": (
        "đánh giá an toàn về an ninh, trật tự",
        "safety assessment",
        "safety assessments",
    ),
}

#: The placements of records by unit, in words (Vietnamese, English).
_PLACEMENT_NAMES: Final[dict[str, tuple[str, str]]] = {
    "read": ("đọc", "read"),
    "in_scope": ("trong phạm vi", "in scope"),
    "crosswalked": ("chuyển sang đơn vị mới", "crosswalked"),
    "not_selected": ("thuộc đơn vị không được chọn", "in units not selected"),
    "out_of_scope": ("ngoài phạm vi kế hoạch", "outside the plan's units"),
    "not_valid_on_date": (
        "mã đơn vị không có hiệu lực tại ngày của bản ghi",
        "unit code not in force on the record's date",
    ),
    "unknown_unit": ("mã đơn vị không xác định", "unknown unit code"),
}

# What each problem of a record's unit says: (Vietnamese, English) templates.
_ISSUE_TEXTS: Final[dict[str, tuple[str, str]]] = {
    "out_of_scope": (
        "mã đơn vị {code} ({name}) ngày {day}: ngoài phạm vi kế hoạch",
        "unit code {code} ({name}) on {day}: outside the plan's units",
    ),
    "not_valid_on_date": (
        "mã đơn vị {code} ({name}) không có hiệu lực ngày {day}",
        "unit code {code} ({name}) is not in force on {day}",
    ),
    "unknown_unit": (
        "mã đơn vị {code} không có trong danh mục đơn vị hành chính",
        "unit code {code} is in no unit of the register",
    ),
}


def _words(lang: Lang) -> dict[str, str]:
    return _WORDS[check_lang(lang)]


def _type_name(record_type: str, lang: Lang, *, plural: bool = False) -> str:
    vi, one, many = _TYPE_NAMES.get(record_type, (record_type, record_type, record_type))
    if lang == "vi":
        return vi
    return many if plural else one


def _mode_text(mode: str, lang: Lang) -> str:
    return _MODES_VI.get(mode, mode) if lang == "vi" else f"explain={mode!r}"


def value_text(result: IndicatorResult, lang: Lang) -> str:
    """A result's value in words (:meth:`IndicatorResult.value_text`)."""
    words = _words(lang)
    code = check_lang(lang)
    numerator = number(result.numerator, code)
    if result.denominator is None:
        return numerator
    denominator = number(result.denominator, code)
    if result.value is None:
        why = words["no_data"] if result.denominator == 0 else words["no_records"]
        return f"{numerator}/{denominator}: {why}"
    shown = percent_text(result.value, code)
    return f"{numerator}/{denominator} = {shown}"


def target_text(result: IndicatorResult, lang: Lang) -> str:
    """A result's target in words, or that there is none."""
    words = _words(lang)
    target = result.target
    if target is None:
        return words["no_target"]
    shown = result.indicator.target_text(target, lang)
    why = reading_note(result, lang)
    if why is None:
        return words["target"].format(target=shown, clause=target.clause)
    return words["target_reading"].format(target=shown, clause=target.clause, why=why)


def reading_note(result: IndicatorResult, lang: Lang) -> str | None:
    """What of a result's target the plan does not set, in words; ``None`` if it sets all.

    A reading is never shown as the plan's rule: every format writes this beside the
    target (``[[targets]] set_by_plan = false``, or a deadline of ``[reporting]`` that
    the plan does not set).
    """
    readings = set(result.readings)
    if result.target is None or not readings:
        return None
    key = "reading_both" if len(readings) > 1 else f"reading_{next(iter(readings))}"
    return _words(lang)[key]


def where(result: IndicatorResult, lang: Lang) -> str:
    """The unit of a result, the whole area, or all reporting agencies."""
    words = _words(lang)
    if result.unit is not None:
        return f"{result.unit.code} {result.unit.full_name}"
    if result.indicator.level is Level.AGENCY:
        return words["agencies"]
    return words["area"].format(n=result.units_in_total)


def explain(result: IndicatorResult, lang: Lang) -> str:
    """A result and every record behind it (:meth:`IndicatorResult.explain`)."""
    words = _words(lang)
    code = check_lang(lang)
    ind = result.indicator
    lines = [
        f"{ind.id}: {ind.name(lang)}",
        f"{words['unit']}: {where(result, lang)}; {words['period']}: {result.period.label(lang)}",
        f"{words['numerator']}: {ind.numerator(lang)}: {number(result.numerator, code)}",
    ]
    denominator = ind.denominator(lang)
    if denominator is not None and result.denominator is not None:
        lines.append(f"{words['denominator']}: {denominator}: {number(result.denominator, code)}")
    lines.append(f"{words['value']}: {result.value_text(lang)}; {_assessed(result, lang)}")
    lines.append(f"{words['records']}: {number(result.records_considered, code)}")
    if result.figures:
        index = 0 if lang == "vi" else 1
        shown = "; ".join(
            f"{FIGURES[k][index]} {number(n, code)}" for k, n in result.figures.items()
        )
        lines.append(f"{words['figures']}: {shown}")
    explanation = result.explanation
    if explanation.mode == "none":
        lines.append(words["none"].format(mode=_mode_text("none", code)))
        return "\n".join(lines)
    total = result.unit is None
    counted_total = result.numerator
    in_progress = explanation.in_progress_count
    failing_total = (
        None if result.denominator is None else result.denominator - result.numerator - in_progress
    )
    for key, entries, expected in (
        ("counted", explanation.counted, counted_total),
        ("failures", explanation.failures, failing_total),
        ("in_progress", explanation.in_progress, in_progress),
        ("apart", explanation.apart, None),
    ):
        if not entries and not expected:
            continue
        shown_n = number(expected if expected is not None else len(entries), code)
        lines.append(f"{words[key]} ({shown_n}):")
        lines.extend(f"- {line(e, lang, with_unit=total)}" for e in entries)
        if expected is not None and len(entries) < expected:
            omitted = words["omitted"].format(
                n=number(expected - len(entries), code),
                mode=_mode_text(explanation.mode, code),
            )
            lines.append(f"- {omitted}")
    return "\n".join(lines)


def line(entry: Entry, lang: Lang, *, with_unit: bool) -> str:
    """An entry in one line; for the whole area, with its unit's code."""
    if with_unit and entry.unit is not None and entry.unit != entry.record_id:
        return f"{entry.record_id} ({entry.unit}): {entry.reason.text(lang)}"
    return entry.text(lang)


def issue_text(issue: UnitIssue, lang: Lang) -> str:
    """A record left out for its unit, in one line."""
    code = check_lang(lang)
    vi, en = _ISSUE_TEXTS.get(issue.problem, _ISSUE_TEXTS["unknown_unit"])
    template = vi if code == "vi" else en
    text = template.format(
        code=issue.unit_code, day=date_text(issue.on, code), name=issue.unit_name or "—"
    )
    return f"{_type_name(issue.record_type, code)} {issue.record_id}: {text}"


def crosswalk_text(use: CrosswalkUse, lang: Lang) -> str:
    """An old unit mapped onto its successor, in one line."""
    code = check_lang(lang)
    counts = ", ".join(
        f"{_type_name(name, code, plural=True)} {number(n, code)}"
        for name, n in use.records.items()
    )
    return f"{use.from_code} {use.from_name} → {use.to_code} {use.to_name}: {counts}"


def quality_text(quality: DataQuality, lang: Lang) -> str:
    """Where every record went (:meth:`DataQuality.explain`)."""
    words = _words(lang)
    code = check_lang(lang)
    index = 0 if code == "vi" else 1
    head = words["left_out"].format(n=number(quality.left_out, code))
    if quality.left_out:
        head += (
            " ("
            + ", ".join(
                f"{_PLACEMENT_NAMES[reason][index]} {number(n, code)}"
                for reason, n in quality.left_out_by_reason.items()
                if n
            )
            + ")"
        )
    lines = [head]
    for name, counts in quality.counts.items():
        placed = ", ".join(
            f"{_PLACEMENT_NAMES.get(key, (key, key))[index]} {number(n, code)}"
            for key, n in counts.items()
            if n or key == "read"
        )
        type_name = _type_name(name, code, plural=True)
        lines.append(f"{type_name[:1].upper()}{type_name[1:]}: {placed}")
    lines.extend(f"- {issue.text(lang)}" for issue in quality.issues)
    lines.extend(use.text(lang) for use in quality.crosswalk)
    return "\n".join(lines)


def _assessed(result: IndicatorResult, lang: Lang) -> str:
    """The target and the status (``target at least 100% (I.3): met``), or no target."""
    if result.status.value == "no_target":  # results imports this module: by value
        return result.target_text(lang)
    return f"{result.target_text(lang)}: {lower_first(result.status.label(lang))}"


def summary(evaluation: Evaluation, lang: Lang) -> str:
    """The plan and period, the warnings, one line per indicator."""
    words = _words(lang)
    code = check_lang(lang)
    lines = [words["summary"].format(plan=evaluation.plan_id, period=evaluation.period.label(code))]
    lines.extend(f"{words['warning']}: {notice.text(code)}" for notice in evaluation.warnings)
    for ind_id, result_set in evaluation.results.items():
        total = result_set.total
        lines.append(f"{ind_id}: {total.value_text(lang)}; {_assessed(total, lang)}")
    return "\n".join(lines)
