"""A comparison of a plan and a revision, as a report: Markdown, HTML, JSON and CSV.

:func:`render_comparison` writes a :class:`~threeno.indicators.compare.Comparison` in one
of :data:`~threeno.reporting.render.FORMATS`, in Vietnamese (the default) or English. It
says what the two sides are and what the alternative changes (readings, targets,
deadline, days off, indicators); gives every indicator's whole-area result on both
sides, the difference and the status each way; then, for each indicator that changed,
its units, the breakdown categories that changed, and the records classified
differently, by id only, with the reason each side's explanation gives (dates, codes
and labels: never a person's data). Values are written as the report's tables write
them, with their units (``33/35 tin, đạt 94,3%``, ``12 buổi``), a difference of counts
with its unit (``+3 tin``), of shares in percentage points (``+5,0 điểm phần trăm``),
dates as ``dd/mm/yyyy``.

A comparison is a working document for those revising a plan: it lists records, so it
has no published form (``threeno compare --publish`` is refused).

Plan clauses: IV.2 (the reports of the standing body); the targets of I.3, I.5, II.2.b,
II.3.b, IV.2.

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Final, Literal, overload

import attrs

from threeno.errors import ValidationError
from threeno.indicators.catalogue import CATALOGUE_IDS, get
from threeno.indicators.compare import Comparison, Difference, Numbers, RecordState
from threeno.indicators.definitions import Level
from threeno.lang import Lang, check_lang, count, date, number
from threeno.model.plan import EvaluationReadings
from threeno.reporting.compare_csv import to_csv
from threeno.reporting.compare_docx import comparison_docx
from threeno.reporting.compare_xlsx import comparison_xlsx
from threeno.reporting.render import FORMATS, SIMULATED_MARK, _environment
from threeno.reporting.view import make_cell
from threeno.reporting.view._indicators import category_unit
from threeno.reporting.view._words import category_label, words

if TYPE_CHECKING:
    from collections.abc import Sequence

    from threeno.indicators.definitions import CountUnit
    from threeno.model.plan import Plan, Target

__all__ = [
    "BINARY_FORMATS",
    "COMPARISON_FORMATS",
    "COMPARISON_SCHEMA",
    "ComparisonView",
    "IndicatorChange",
    "Line",
    "RecordLine",
    "Row",
    "build_comparison_view",
    "render_comparison",
    "render_comparisons",
]

#: The formats of a comparison, the report's text formats with a Word file and a workbook.
COMPARISON_FORMATS: Final = (*FORMATS, "docx", "xlsx")
#: The formats written as bytes (:mod:`threeno.reporting.compare_docx`,
#: :mod:`threeno.reporting.compare_xlsx`).
BINARY_FORMATS: Final = ("docx", "xlsx")

#: The ``schema`` key of the JSON comparison report.
COMPARISON_SCHEMA: Final = "threeno-comparison-report/1"

_WORDS: Final[dict[str, dict[str, str]]] = {
    "vi": {
        "title": "So sánh kết quả thực hiện Kế hoạch theo các phương án",
        "plan": "Kế hoạch",
        "period": "Kỳ báo cáo",
        "baseline": "Phương án gốc",
        "as_plan": "Theo Kế hoạch (tệp kế hoạch {plan}, không điều chỉnh)",
        "alternative": "Phương án so sánh",
        "note": "Ghi chú",
        "differences": "Nội dung thay đổi",
        "no_difference": "Hai phương án không khác nhau về cách tính.",
        "unknown_difference": "Không rõ: chỉ có kết quả tính của hai phương án.",
        "whole_plan": "Kế hoạch khác: {title}",
        "summary": "Kết quả toàn địa bàn",
        "name": "Nội dung",
        "delta": "Chênh lệch",
        "status": "Đánh giá",
        "target": "Chỉ tiêu Kế hoạch",
        "unit": "Đơn vị",
        "total": "Toàn địa bàn",
        "agencies": "Các cơ quan, đơn vị báo cáo",
        "changed": "Các chỉ tiêu có thay đổi",
        "unchanged_all": "Không chỉ tiêu nào thay đổi trên số liệu này.",
        "categories": "Phân tổ có thay đổi",
        "category": "Nhóm",
        "records": "Trường hợp được xếp loại khác nhau",
        "record": "Mã bản ghi",
        "none": "—",
        "points": "{sign}{value} điểm phần trăm",
        "yes": "có",
        "no": "không",
        "no_target": "không có",
        "days": "{n} ngày sau ngày cuối kỳ",
        "days_off_added": "Thêm ngày nghỉ của địa phương",
        "days_off_removed": "Bỏ ngày nghỉ của địa phương",
        "indicators_added": "Thêm chỉ tiêu vào báo cáo",
        "indicators_removed": "Bỏ chỉ tiêu khỏi báo cáo",
        "deadline": "Hạn gửi báo cáo",
        "records_changed": "Số trường hợp được xếp loại khác nhau",
        "left_out_n": "Số bản ghi không được tính vì mã đơn vị",
        "counted": "được tính",
        "failing": "chưa đạt",
        "apart": "theo dõi riêng",
        "absent": "không thuộc phạm vi tính",
        "missing": "không có trong phương án này",
    },
    "en": {
        "title": "Comparison of the plan's results under two versions",
        "plan": "Plan",
        "period": "Reporting period",
        "baseline": "Baseline",
        "as_plan": "As the plan sets it (plan file {plan}, unchanged)",
        "alternative": "Alternative",
        "note": "Note",
        "differences": "What the alternative changes",
        "no_difference": "The two versions count alike.",
        "unknown_difference": "Not known: only the two evaluations were given.",
        "whole_plan": "Another plan: {title}",
        "summary": "Results for the whole area",
        "name": "Indicator",
        "delta": "Difference",
        "status": "Status",
        "target": "Target",
        "unit": "Unit",
        "total": "Whole area",
        "agencies": "All reporting agencies",
        "changed": "Indicators that changed",
        "unchanged_all": "No indicator changes on these records.",
        "categories": "Breakdown categories that changed",
        "category": "Category",
        "records": "Records classified differently",
        "record": "Record id",
        "none": "—",
        "points": "{sign}{value} percentage points",
        "yes": "yes",
        "no": "no",
        "no_target": "none",
        "days": "{n} days after a period's last day",
        "days_off_added": "Local days off added",
        "days_off_removed": "Local days off removed",
        "indicators_added": "Indicators added to the report",
        "indicators_removed": "Indicators removed from the report",
        "deadline": "Reports due",
        "records_changed": "Records classified differently",
        "left_out_n": "Records left out for their unit code",
        "counted": "counted",
        "failing": "failing",
        "apart": "shown apart",
        "absent": "not considered",
        "missing": "not in this version",
    },
}


@attrs.frozen(kw_only=True)
class Line:
    """A labelled pair: what changes, and how (``5 ngày → 10 ngày``), with a note."""

    label: str
    text: str
    note: str = ""


@attrs.frozen(kw_only=True)
class Row:
    """One row of a table: both sides' text, the difference, the statuses.

    ``numbers`` is the comparison's own :class:`~threeno.indicators.compare.Difference`.
    """

    indicator: str
    name: str
    unit: str
    unit_code: str | None
    baseline: str
    alternative: str
    delta: str
    status: str
    changed: bool
    numbers: Difference


@attrs.frozen(kw_only=True)
class RecordLine:
    """A record classified differently: its id, and each side's classification and reason."""

    indicator: str
    record_id: str
    baseline: str
    alternative: str


@attrs.frozen(kw_only=True)
class IndicatorChange:
    """One indicator that changed: its units, its categories, its records."""

    id: str
    name: str
    rows: tuple[Row, ...]
    categories: tuple[Row, ...]
    records: tuple[RecordLine, ...]


@attrs.frozen(kw_only=True)
class ComparisonView:
    """What every format of the comparison shows, in one language."""

    lang: Lang
    words: dict[str, str]
    alternative_id: str
    plan: str
    period: str
    baseline: Line
    alternative: Line
    differences: tuple[Line, ...]
    overview: tuple[Line, ...]
    summary: tuple[Row, ...]
    indicators: tuple[IndicatorChange, ...]


def _sign(value: float) -> str:
    return "+" if value > 0 else ("−" if value < 0 else "±")


def _delta(row: Difference, lang: Lang, w: dict[str, str], unit: CountUnit | None) -> str:
    delta = row.delta
    if delta is None or (row.baseline is not None and row.baseline.denominator is None):
        if delta is None:
            return w["none"]
        shown = number(abs(int(delta)), lang) if unit is None else unit.text(abs(int(delta)), lang)
        return f"{_sign(delta)}{shown}" if delta else shown
    shown = f"{abs(delta) * 100:.1f}"
    shown = shown.replace(".", ",") if lang == "vi" else shown
    return w["points"].format(sign=_sign(delta), value=shown) if delta else "0"


def _cell(numbers: Numbers | None, lang: Lang, w: dict[str, str], unit: CountUnit | None) -> str:
    """A side's value as the report's table writes it, with its unit.

    ``33/35 tin, đạt 94,3%``, ``12 buổi``: :func:`~threeno.reporting.view.make_cell`.
    """
    if numbers is None:
        return w["missing"]
    return make_cell(
        numbers.numerator, numbers.denominator, lang, has_data=numbers.has_data, unit=unit
    ).text


def _counted_in(row: Difference) -> CountUnit | None:
    """What the row counts in: its channel's unit for a channel, else the indicator's."""
    if row.indicator not in CATALOGUE_IDS:
        return None
    indicator = get(row.indicator)
    if row.dimension is None or row.category is None:
        return indicator.unit
    return category_unit(indicator, row.dimension, row.category)


def _status(row: Difference, lang: Lang, w: dict[str, str]) -> str:
    def one(numbers: Numbers | None) -> str:
        if numbers is None or numbers.status is None:
            return w["none"]
        return numbers.status.label(lang)

    before, after = one(row.baseline), one(row.alternative)
    return before if before == after else f"{before} → {after}"


def _unit_name(comparison: Comparison, code: str | None, w: dict[str, str]) -> str:
    if code is None:
        return w["total"]
    for evaluation in (comparison.baseline_evaluation, comparison.alternative_evaluation):
        for unit in evaluation.units:
            if unit.code == code:
                return unit.full_name
    return code  # pragma: no cover - every unit of a row is a unit of one side


def _row(comparison: Comparison, row: Difference, lang: Lang, w: dict[str, str]) -> Row:
    name = get(row.indicator).name(lang) if row.indicator in CATALOGUE_IDS else row.indicator
    unit = _unit_name(comparison, row.unit, w)
    if (
        row.unit is None
        and row.indicator in CATALOGUE_IDS
        and get(row.indicator).level is Level.AGENCY
    ):
        unit = w["agencies"]
    if row.dimension is not None and row.category is not None:
        plan = comparison.baseline.plan
        unit = f"{unit}: {category_label(row.dimension, row.category, lang, plan)}"
    counted = _counted_in(row)
    return Row(
        indicator=row.indicator,
        name=name,
        unit=unit,
        unit_code=row.unit,
        baseline=_cell(row.baseline, lang, w, counted),
        alternative=_cell(row.alternative, lang, w, counted),
        delta=_delta(row, lang, w, counted),
        status=_status(row, lang, w) if row.dimension is None else "",
        changed=row.changed,
        numbers=row,
    )


def _state(state: RecordState, comparison: Comparison, lang: Lang, w: dict[str, str]) -> str:
    text = w[state.kind]
    if state.kind != "absent" and state.unit is not None:
        text += f" ({_unit_name(comparison, state.unit, w)})"
    if state.reason is not None:
        text += f": {state.reason.text(lang)}"
    elif state.left_out is not None:
        text += f": {words(lang)[state.left_out].lower()}"
    return text


def _target(target: Target | None, indicator: str, lang: Lang, w: dict[str, str]) -> str:
    if target is None:
        return w["no_target"]
    return get(indicator).target_text(target, lang)


def _differences(comparison: Comparison, lang: Lang, w: dict[str, str]) -> list[Line]:
    """What differs between the two plans, read off them: the revision's changes."""
    before, after = comparison.baseline.plan, comparison.alternative.plan
    if before is None or after is None:  # compare_evaluations without the plans
        return [Line(label=w["differences"], text=w["unknown_difference"])]
    if "plan" in comparison.alternative.changes or before.id != after.id:
        title = after.title_vi if lang == "vi" else after.title_en
        return [Line(label=w["plan"], text=w["whole_plan"].format(title=title))]
    lines = _reading_lines(before, after, lang, w)
    for ind in dict.fromkeys([t.indicator for t in (*before.targets, *after.targets)]):
        old, new = before.target(ind), after.target(ind)
        if old != new:
            text = f"{_target(old, ind, lang, w)} → {_target(new, ind, lang, w)}"
            # A target's note is in English (the plan file's): shown in English only.
            note = "" if new is None or lang == "vi" else new.note
            label = f"{w['target']}: {get(ind).name(lang)}"
            lines.append(Line(label=label, text=text, note=note))
    if before.reporting.days_allowed != after.reporting.days_allowed:
        old_days = w["days"].format(n=before.reporting.days_allowed)
        new_days = w["days"].format(n=after.reporting.days_allowed)
        note = after.reporting.days_allowed_note if lang == "en" else ""
        lines.append(Line(label=w["deadline"], text=f"{old_days} → {new_days}", note=note))
    old_off = {d.date for d in before.calendar.days_off}
    new_off = {d.date for d in after.calendar.days_off}
    for key, days in (
        ("days_off_added", new_off - old_off),
        ("days_off_removed", old_off - new_off),
    ):
        if days:
            text = ", ".join(date(d, lang) for d in sorted(days))
            lines.append(Line(label=w[key], text=text))
    old_ind, new_ind = set(before.report_indicators), set(after.report_indicators)
    for key, ids in (
        ("indicators_added", new_ind - old_ind),
        ("indicators_removed", old_ind - new_ind),
    ):
        if ids:
            names = "; ".join(get(i).name(lang) for i in sorted(ids) if i in CATALOGUE_IDS)
            lines.append(Line(label=w[key], text=names))
    return lines


def _reading_lines(before: Plan, after: Plan, lang: Lang, w: dict[str, str]) -> list[Line]:
    """Each reading of ``[evaluation]`` that differs, whatever its name."""
    lines = []
    for key in attrs.fields_dict(EvaluationReadings):
        if key.endswith(("_note", "_note_vi")):
            continue
        old, new = getattr(before.evaluation, key), getattr(after.evaluation, key)
        if old == new:
            continue
        # The report's own words for a reading (its settings), else the reading's key.
        fixed = words(lang)
        label = fixed.get(f"{key}_setting") or fixed.get(key) or key

        def shown(value: object) -> str:
            if isinstance(value, bool):
                return w["yes"] if value else w["no"]
            return str(value)

        note = getattr(after.evaluation, f"{key}_note_vi" if lang == "vi" else f"{key}_note", "")
        lines.append(Line(label=label, text=f"{shown(old)} → {shown(new)}", note=str(note)))
    return lines


def build_comparison_view(comparison: Comparison, lang: Lang = "vi") -> ComparisonView:
    """The comparison as what every format shows, in ``lang``.

    Raises:
        ValidationError: for something other than a comparison.
        LanguageError: for a language other than ``"vi"`` or ``"en"``.

    .. versionadded:: 0.2.0
    """
    given: object = comparison
    if not isinstance(given, Comparison):
        msg = f"must be a Comparison, not {type(given).__name__}"
        raise ValidationError(msg, cls_name="render_comparison", field="comparison")
    code = check_lang(lang)
    w = _WORDS[code]
    sides = (comparison.baseline, comparison.alternative)
    base_line, alt_line = (
        Line(
            label=w[key],
            text=w["as_plan"].format(plan=side.plan_id)
            if side.plan is not None and not side.changes
            else side.title(code),
            note=side.note_en if code == "en" else side.note_vi,
        )
        for key, side in zip(("baseline", "alternative"), sides, strict=True)
    )
    rows = [_row(comparison, row, code, w) for row in comparison.rows]
    changes: list[IndicatorChange] = []
    for ind in dict.fromkeys(row.indicator for row in rows):
        mine = [row for row in rows if row.indicator == ind]
        records = [
            RecordLine(
                indicator=ind,
                record_id=change.record_id,
                baseline=_state(change.baseline, comparison, code, w),
                alternative=_state(change.alternative, comparison, code, w),
            )
            for change in comparison.records
            if change.indicator == ind
        ]
        if not any(row.changed for row in mine) and not records:
            continue
        results = [r for r in mine if r.numbers.dimension is None]
        categories = [r for r in mine if r.numbers.dimension is not None and r.changed]
        changes.append(
            IndicatorChange(
                id=ind,
                name=mine[0].name,
                rows=(*results[1:], results[0]),  # the units, then the whole area
                categories=tuple(categories),
                records=tuple(records),
            )
        )
    quality = (comparison.baseline_evaluation, comparison.alternative_evaluation)
    left_out = " → ".join(number(e.data_quality.left_out, code) for e in quality)
    overview = (
        Line(
            label=w["records_changed"],
            text=count(len(comparison.records), "trường hợp", "records", code),
        ),
        Line(label=w["left_out_n"], text=left_out),
    )
    plan = comparison.baseline.plan
    title = (
        comparison.baseline.plan_id
        if plan is None
        else (plan.title_vi if code == "vi" else plan.title_en)
    )
    return ComparisonView(
        lang=code,
        words=w,
        alternative_id=comparison.alternative.id,
        plan=title,
        period=comparison.period.label(code),
        baseline=base_line,
        alternative=alt_line,
        differences=tuple(_differences(comparison, code, w)),
        overview=overview,
        summary=tuple(r for r in rows if r.numbers.dimension is None and r.unit_code is None),
        indicators=tuple(changes),
    )


# -- the formats --------------------------------------------------------------------------


def _json_value(value: object) -> Any:  # noqa: ANN401 - JSON-ready data of any shape
    if attrs.has(type(value)):
        # A row's numbers are the comparison's own rows, which the JSON holds once.
        fields = [f for f in attrs.fields(type(value)) if f.name != "numbers"]  # type: ignore[arg-type]
        return {f.name: _json_value(getattr(value, f.name)) for f in fields}
    if isinstance(value, tuple | list):
        return [_json_value(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _json_value(v) for k, v in value.items()}
    return value


def _to_json(view: ComparisonView, comparison: Comparison, *, simulated: bool) -> str:
    data = _json_value(view)
    data.pop("words")
    data["schema"] = COMPARISON_SCHEMA
    data["comparison"] = comparison.to_dict()
    data["simulated"] = simulated
    if simulated:
        data["simulated_note"] = SIMULATED_MARK[view.lang]
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n"


@overload
def render_comparison(
    comparison: Comparison,
    format: Literal["md", "html", "json", "csv"],
    *,
    lang: Lang = ...,
    simulated: bool = ...,
) -> str: ...
@overload
def render_comparison(
    comparison: Comparison,
    format: Literal["docx", "xlsx"],
    *,
    lang: Lang = ...,
    simulated: bool = ...,
) -> bytes: ...
@overload
def render_comparison(
    comparison: Comparison,
    format: str,
    *,
    lang: Lang = ...,
    simulated: bool = ...,
) -> str | bytes: ...
def render_comparison(
    comparison: Comparison,
    format: str,  # noqa: A002 - the same name as render's
    *,
    lang: Lang = "vi",
    simulated: bool = False,
) -> str | bytes:
    """Render a comparison as a report: ``md``, ``html``, ``json``, ``csv``, ``docx``, ``xlsx``.

    >>> from threeno import compare
    >>> from threeno.model.dataset import Dataset
    >>> from threeno.plans import load_plan, load_revision
    >>> from threeno.reporting.compare_view import render_comparison
    >>> plan = load_plan("lai-chau-2024")
    >>> result = compare(plan, load_revision("lai-chau-2024-target-95"), Dataset(), "2024-H1")
    >>> text = render_comparison(result, "md", lang="vi")
    >>> print(
    ...     next(line for line in text.splitlines() if "Chỉ tiêu Kế hoạch:" in line).split(":** ")[
    ...         1
    ...     ]
    ... )
    không thấp hơn 100% → không thấp hơn 95%

    Args:
        comparison: the comparison (:func:`threeno.indicators.compare.compare`).
        format: one of :data:`COMPARISON_FORMATS`.
        lang: ``"vi"`` (the default) or ``"en"``.
        simulated: whether the records are the bundled synthetic data: marked at the
            top, as a report is (:data:`~threeno.reporting.render.SIMULATED_MARK`).

    Returns:
        The text (CSV rows end in CRLF; a CSV file is written as
        :data:`~threeno.reporting.render.CSV_ENCODING`); for ``docx`` and ``xlsx``
        the file's bytes (:mod:`~threeno.reporting.compare_docx`,
        :mod:`~threeno.reporting.compare_xlsx`), the same for the same comparison.

    Raises:
        ValidationError: for something other than a comparison, or an unknown format.
        LanguageError: for an unknown language.

    .. versionadded:: 0.2.0
    """
    if format not in COMPARISON_FORMATS:
        msg = f"must be one of {', '.join(COMPARISON_FORMATS)}, not {format!r}"
        raise ValidationError(msg, cls_name="render_comparison", field="format")
    if format in BINARY_FORMATS:
        return render_comparisons([comparison], format, lang=lang, simulated=simulated)
    view = build_comparison_view(comparison, lang)
    if format == "json":
        return _to_json(view, comparison, simulated=simulated)
    if format == "csv":
        return to_csv(view, simulated=simulated)
    template = _environment().get_template(f"compare.{format}")
    mark = SIMULATED_MARK[view.lang] if simulated else ""
    code = check_lang(view.lang)
    return template.render(
        v=view,
        w=view.words,
        mark=mark,
        records=lambda n: count(n, "trường hợp", "records", code),
    )


@overload
def render_comparisons(
    comparisons: Sequence[Comparison],
    format: Literal["md", "html", "json", "csv"],
    *,
    lang: Lang = ...,
    simulated: bool = ...,
) -> str: ...
@overload
def render_comparisons(
    comparisons: Sequence[Comparison],
    format: Literal["docx", "xlsx"],
    *,
    lang: Lang = ...,
    simulated: bool = ...,
) -> bytes: ...
@overload
def render_comparisons(
    comparisons: Sequence[Comparison],
    format: str,
    *,
    lang: Lang = ...,
    simulated: bool = ...,
) -> str | bytes: ...
def render_comparisons(
    comparisons: Sequence[Comparison],
    format: str,  # noqa: A002 - the same name as render's
    *,
    lang: Lang = "vi",
    simulated: bool = False,
) -> str | bytes:
    """Render several comparisons of one baseline as one document.

    One comparison renders as :func:`render_comparison` renders it. Several: Markdown
    one after another, separated by a rule; HTML one page, each comparison's sections in
    turn; JSON ``{"schema": ..., "comparisons": [...]}``; CSV one table, the header once
    (the last column, ``alternative_id``, says which revision a row is about); Word each
    comparison from a new page (:mod:`~threeno.reporting.compare_docx`); Excel the same
    three sheets, each row naming its alternative (:mod:`~threeno.reporting.compare_xlsx`).

    Raises:
        ValidationError: for no comparison, something other than comparisons, or an
            unknown format.
        LanguageError: for an unknown language.

    .. versionadded:: 0.2.0
    """
    if not comparisons:
        msg = "name at least one comparison"
        raise ValidationError(msg, cls_name="render_comparison", field="comparisons")
    if format in BINARY_FORMATS:
        views = [build_comparison_view(c, lang) for c in comparisons]
        mark = SIMULATED_MARK[views[0].lang] if simulated else None
        day = comparisons[0].period.end
        write = comparison_docx if format == "docx" else comparison_xlsx
        return write(views, day=day, mark=mark)
    if len(comparisons) == 1:
        return render_comparison(comparisons[0], format, lang=lang, simulated=simulated)
    if format == "json":
        parts = [json.loads(render_comparison(c, "json", lang=lang)) for c in comparisons]
        data = {"schema": COMPARISON_SCHEMA, "comparisons": parts, "simulated": simulated}
        return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n"
    if format == "csv":
        views = [build_comparison_view(c, lang) for c in comparisons]
        return "".join(
            to_csv(view, simulated=simulated and i == 0, header=i == 0)
            for i, view in enumerate(views)
        )
    texts = [str(render_comparison(c, format, lang=lang, simulated=simulated)) for c in comparisons]
    if format == "md":
        return "\n---\n\n".join(texts)
    first, *others = texts
    bodies = [t[t.index("<header>") : t.index("</main>") + len("</main>")] for t in others]
    end = first.rindex("</body>")
    return first[:end] + "\n".join(bodies) + "\n" + first[end:]
