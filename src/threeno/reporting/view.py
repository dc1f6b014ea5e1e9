"""The consolidated report as data: what every format shows, built once from an evaluation.

:func:`build_view` turns an :class:`~threeno.indicators.results.Evaluation` (and, when
given, the plan and the load report) into a :class:`ReportView`: the header, one
:class:`IndicatorView` per indicator (a row per unit and the total, the breakdowns, the
extra figures, the failing records), and the data-quality section. The renderers of
:mod:`threeno.reporting.render` only lay it out, so Markdown, HTML, JSON and CSV say the
same thing.

Every number shown in a table goes through one function, :func:`make_cell`, which
returns a :class:`Cell` (the raw numbers and their text): that is the one place where a
published table's cells can be changed. A published report (``suppress_below=k``) hides
every count from 1 to ``k - 1``, and the counts that would reveal them through a total
(:func:`threeno.privacy.suppress_cells`), and lists no record.

Records are named by their ``id`` only (pseudonymous); reasons are written from the
facts the engine keeps (dates, codes, labels), never from personal data.

Plan clauses: IV.2 (the standing body consolidates the six-monthly and yearly reports).

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt  # noqa: TC003 - Sphinx evaluates the annotations to link them
from pathlib import PurePath
from typing import TYPE_CHECKING, Final

import attrs

from threeno.errors import LanguageError, ValidationError
from threeno.indicators.definitions import AGE_GROUPS, FIGURES, Dimension, IndicatorKind, Level
from threeno.indicators.results import percent
from threeno.model.enums import (
    Channel,
    Decision,
    Ethnicity,
    ReportSource,
    Sex,
    SubjectCategory,
    SupportKind,
)
from threeno.model.plan import ReportKind
from threeno.privacy import Suppression, suppress_cells

if TYPE_CHECKING:
    from threeno.indicators.explanation import Entry
    from threeno.indicators.results import (
        BreakdownCell,
        DataQuality,
        Evaluation,
        IndicatorResult,
        IndicatorSet,
    )
    from threeno.io.report import LoadReport
    from threeno.model._base import LabelledEnum
    from threeno.model.plan import Plan

__all__ = [
    "LANGS",
    "Bar",
    "BarChart",
    "Breakdown",
    "BreakdownRow",
    "Cell",
    "FailingRecord",
    "Header",
    "IndicatorView",
    "QualityView",
    "ReportView",
    "ResultRow",
    "build_view",
    "make_cell",
    "words",
]

#: The languages a report is written in.
LANGS: Final = ("vi", "en")

_WORDS: Final[dict[str, dict[str, str]]] = {
    "vi": {
        "title": "Báo cáo tình hình, kết quả triển khai thực hiện Kế hoạch",
        "plan": "Kế hoạch",
        "period": "Kỳ báo cáo",
        "dates": "Thời gian",
        "convention": "Cách chốt số liệu",
        "area": "Địa bàn",
        "units": "Đơn vị",
        "generated_on": "Ngày lập",
        "contents": "Các chỉ tiêu",
        "clauses": "Mục của kế hoạch",
        "kind": "Loại chỉ tiêu",
        "numerator": "Tử số",
        "denominator": "Mẫu số",
        "target": "Chỉ tiêu",
        "unit": "Đơn vị",
        "value": "Kết quả",
        "status": "Đánh giá",
        "total": "Toàn địa bàn",
        "agencies": "Các cơ quan, đơn vị báo cáo",
        "breakdowns": "Phân tổ",
        "category": "Nhóm",
        "figures": "Số liệu khác",
        "failing": "Bản ghi không đạt",
        "failing_none": "Không có bản ghi không đạt.",
        "failing_more": "còn {n} bản ghi không được lưu (explain={mode!r})",
        "record": "Mã bản ghi",
        "reason": "Lý do",
        "chart": "Biểu đồ theo đơn vị",
        "no_data": "không có số liệu",
        "quality": "Chất lượng dữ liệu",
        "load": "Nạp dữ liệu",
        "source": "Nguồn",
        "record_type": "Loại bản ghi",
        "read": "Đọc",
        "accepted": "Nhận",
        "rejected": "Loại",
        "rejections": "Bản ghi bị loại",
        "problems": "Vấn đề giữa các bản ghi",
        "notes": "Ghi chú",
        "placement": "Phân bổ theo đơn vị",
        "in_scope": "Trong phạm vi",
        "crosswalked": "Chuyển đổi đơn vị",
        "not_selected": "Không được chọn",
        "out_of_scope": "Ngoài phạm vi",
        "not_valid_on_date": "Mã không có hiệu lực tại ngày của bản ghi",
        "unknown_unit": "Mã đơn vị không xác định",
        "issues": "Bản ghi không tính được theo đơn vị",
        "crosswalk": "Đơn vị cũ được chuyển sang đơn vị mới",
        "no_load_report": "Không có báo cáo nạp dữ liệu.",
        "nothing": "Không có.",
        "offence": "Điều {article}",
        "published": "Bản công bố",
        "published_note": (
            "số từ 1 đến {last} được ghi là <{k}; ô ghi “x” được ẩn để không suy ra được"
            " số đã ẩn từ số tổng. Không công bố mã bản ghi, danh sách bản ghi không đạt"
            " và chi tiết về dữ liệu bị loại."
        ),
        "withheld": (
            "Bản công bố chỉ nêu số tổng: không nêu số theo loại bản ghi, bản ghi bị loại,"
            " vấn đề, ghi chú hay mã bản ghi."
        ),
    },
    "en": {
        "title": "Report on the implementation of the plan and its results",
        "plan": "Plan",
        "period": "Reporting period",
        "dates": "Dates",
        "convention": "Cut-off convention",
        "area": "Area",
        "units": "Units",
        "generated_on": "Generated on",
        "contents": "Indicators",
        "clauses": "Plan clauses",
        "kind": "Kind",
        "numerator": "Numerator",
        "denominator": "Denominator",
        "target": "Target",
        "unit": "Unit",
        "value": "Value",
        "status": "Status",
        "total": "Whole area",
        "agencies": "All reporting agencies",
        "breakdowns": "Disaggregations",
        "category": "Category",
        "figures": "Other figures",
        "failing": "Failing records",
        "failing_none": "No failing records.",
        "failing_more": "{n} more not kept (explain={mode!r})",
        "record": "Record id",
        "reason": "Reason",
        "chart": "Chart by unit",
        "no_data": "no data",
        "quality": "Data quality",
        "load": "Data load",
        "source": "Source",
        "record_type": "Record type",
        "read": "Read",
        "accepted": "Accepted",
        "rejected": "Rejected",
        "rejections": "Rejected records",
        "problems": "Problems between records",
        "notes": "Notes",
        "placement": "Placement by unit",
        "in_scope": "In scope",
        "crosswalked": "Crosswalked",
        "not_selected": "Not selected",
        "out_of_scope": "Out of scope",
        "not_valid_on_date": "Code not in force on the record's date",
        "unknown_unit": "Unknown unit",
        "issues": "Records not counted for their unit",
        "crosswalk": "Old units mapped onto new ones",
        "no_load_report": "No load report given.",
        "nothing": "None.",
        "offence": "Art. {article}",
        "published": "Published report",
        "published_note": (
            "counts from 1 to {last} are shown as <{k}; a cell shown as “x” is hidden so"
            " that a total cannot reveal a hidden count. Record ids, failing records and"
            " the details of rejected records are not published."
        ),
        "withheld": (
            "A published report gives the totals only: no counts by record type, no rejected"
            " records, problems, notes or record ids."
        ),
    },
}

# The vocabulary of each breakdown whose categories are an enumeration's slugs.
_ENUMS: Final[dict[str, type[LabelledEnum]]] = {
    Dimension.SOURCE.value: ReportSource,
    Dimension.DECISION.value: Decision,
    Dimension.CATEGORY.value: SubjectCategory,
    Dimension.CHANNEL.value: Channel,
    Dimension.SUPPORT_KIND.value: SupportKind,
    Dimension.ETHNICITY.value: Ethnicity,
    Dimension.SEX.value: Sex,
    Dimension.REPORT_KIND.value: ReportKind,
}
_AGE_LABELS: Final = {g.slug: g for g in AGE_GROUPS}


def words(lang: str) -> dict[str, str]:
    """The report's fixed words in ``lang``.

    Raises:
        LanguageError: for a language other than ``"vi"`` or ``"en"``.
    """
    found = _WORDS.get(lang)
    if found is None:
        msg = f"unknown language {lang!r}: threeno reports in 'vi' and 'en'"
        raise LanguageError(msg)
    return found


@attrs.frozen(kw_only=True)
class Cell:
    """One number of a published table: the raw figures and the text shown.

    Args:
        numerator: the count, or the numerator of a share.
        denominator: the denominator of a share; ``None`` for a count.
        value: the count, the share as a fraction, or ``None`` (no data, or hidden).
        text: what the table shows: ``"12"``, ``"33/35 = 94.3%"``, *no data*, or in a
            published report ``"<5"``, ``"<5/35"``, ``"x/40"``.
        suppressed: whether a published report hides part of the cell; the hidden
            numbers are then ``None``, and so is ``value``.

    .. versionadded:: 0.1.0
    """

    numerator: int | None
    denominator: int | None
    value: int | float | None
    text: str
    suppressed: bool = False


def make_cell(
    numerator: int,
    denominator: int | None,
    lang: str,
    *,
    hidden: tuple[str | None, str | None] = (None, None),
) -> Cell:
    """Format one table cell: a count, or a share with its numerator and denominator.

    The only place a report turns a number into the text of a table cell, so that a
    rule for published tables (suppressing small counts) applies everywhere. A share
    with a zero denominator is *no data*, never 0% or 100%. A hidden numerator or
    denominator is written as its mark, and the share's percentage is left out (it
    would give the hidden number away).

    >>> from threeno.reporting.view import make_cell
    >>> make_cell(33, 35, "en").text, make_cell(33, 35, "vi").text, make_cell(4, None, "en").text
    ('33/35 = 94.3%', '33/35 = 94,3%', '4')
    >>> make_cell(0, 0, "en").text
    '0/0: no data'
    >>> cell = make_cell(3, 35, "en", hidden=("<5", None))
    >>> cell.text, cell.numerator, cell.denominator, cell.value
    ('<5/35', None, 35, None)

    Args:
        numerator: the count or numerator.
        denominator: the denominator, ``None`` for a count.
        lang: ``"vi"`` or ``"en"``.
        hidden: what to show instead of the numerator and of the denominator, for
            those a published report hides (``None``: shown).

    Raises:
        LanguageError: for another language.

    Plan clauses: I.3 ("100%"), I.5 ("07/07"), IV.2 (reports published).
    """
    w = words(lang)
    hide_numerator, hide_denominator = hidden
    if hide_numerator is not None or hide_denominator is not None:
        top = str(numerator) if hide_numerator is None else hide_numerator
        if denominator is None:
            return Cell(numerator=None, denominator=None, value=None, text=top, suppressed=True)
        bottom = str(denominator) if hide_denominator is None else hide_denominator
        return Cell(
            numerator=None if hide_numerator is not None else numerator,
            denominator=None if hide_denominator is not None else denominator,
            value=None,
            text=f"{top}/{bottom}",
            suppressed=True,
        )
    if denominator is None:
        return Cell(numerator=numerator, denominator=None, value=numerator, text=str(numerator))
    if not denominator:
        text = f"{numerator}/{denominator}: {w['no_data']}"
        return Cell(numerator=numerator, denominator=denominator, value=None, text=text)
    value = numerator / denominator
    text = f"{numerator}/{denominator} = {percent(value, lang)}"
    return Cell(numerator=numerator, denominator=denominator, value=value, text=text)


@attrs.frozen(kw_only=True)
class Header:
    """The report's header: plan, period with its dates and convention, area and units.

    Args:
        plan_id: the plan's id.
        plan_title: the plan's title in the report's language (``None`` without a plan).
        plan_number: the plan's number as written, if known.
        period: the period's text (``"2024-H2"``).
        period_label: the period in words with its dates.
        start: the period's first day.
        end: the period's last day.
        convention: the cut-off convention in words.
        area: the names of the units that contain the plan's units.
        units: ``(code, name)`` of every unit evaluated.
        generated_on: the date the report was made, when given.

    .. versionadded:: 0.1.0
    """

    plan_id: str
    plan_title: str | None
    plan_number: str | None
    period: str
    period_label: str
    start: dt.date
    end: dt.date
    convention: str
    area: tuple[str, ...]
    units: tuple[tuple[str, str], ...]
    generated_on: dt.date | None


@attrs.frozen(kw_only=True)
class ResultRow:
    """One unit's (or the total's) line of an indicator's table.

    Args:
        unit_code: the unit's code; ``None`` for the whole area.
        unit_name: the unit's name, or *whole area*.
        cell: the value.
        target: the target in words.
        status: the status slug (``met``, ``not_met``, ``no_data``, ``no_target``).
        status_label: the status in words.

    .. versionadded:: 0.1.0
    """

    unit_code: str | None
    unit_name: str
    cell: Cell
    target: str
    status: str
    status_label: str


@attrs.frozen(kw_only=True)
class BreakdownRow:
    """One category of a breakdown of the whole area's result.

    Args:
        category: the category's slug (``"to_giac"``, ``"150"``).
        label: its label in the report's language.
        cell: the category's numerator (and denominator, for a share).
        figures: its extra figures, ``(label, cell)``.

    .. versionadded:: 0.1.0
    """

    category: str
    label: str
    cell: Cell
    figures: tuple[tuple[str, Cell], ...]


@attrs.frozen(kw_only=True)
class Breakdown:
    """A disaggregation of the whole area's result.

    Args:
        dimension: the dimension's slug (``"source"``).
        label: its label.
        rows: one per category, in the vocabulary's order.

    .. versionadded:: 0.1.0
    """

    dimension: str
    label: str
    rows: tuple[BreakdownRow, ...]


@attrs.frozen(kw_only=True)
class FailingRecord:
    """A record that fails an indicator: its id, its unit, and why (no personal data).

    Args:
        record_id: the record's pseudonymous id.
        unit_code: the unit it counts in, ``None`` for an agency's report.
        reason: why it fails, in the report's language.

    .. versionadded:: 0.1.0
    """

    record_id: str
    unit_code: str | None
    reason: str


@attrs.frozen(kw_only=True)
class Bar:
    """One bar of a chart: a unit's share, and where it is drawn.

    Args:
        label: the unit's code and name.
        text: the value's text.
        width: the bar's length in pixels (0 for no data).
        y: the bar's top in pixels.
        has_data: whether the share has a value.

    .. versionadded:: 0.1.0
    """

    label: str
    text: str
    width: float
    y: float
    has_data: bool


@attrs.frozen(kw_only=True)
class BarChart:
    """A bar chart of a share across units, with the target as a line.

    Args:
        width: the chart's width in pixels.
        height: the chart's height in pixels.
        left: where the bars start (after the labels).
        scale: the bars' full length (100%).
        bar_height: each bar's thickness.
        bars: one per unit.
        target_x: where the target line is drawn, or ``None``.
        title: an accessible title.

    .. versionadded:: 0.1.0
    """

    width: float
    height: float
    left: float
    scale: float
    bar_height: float
    bars: tuple[Bar, ...]
    target_x: float | None
    title: str


@attrs.frozen(kw_only=True)
class IndicatorView:
    """Everything the report shows of one indicator.

    Args:
        id: the indicator's id.
        name: its name in the report's language.
        clauses: the plan clauses it serves.
        kind: ``count`` or ``share`` (the slug).
        kind_label: the kind in words.
        numerator: what the numerator counts.
        denominator: what the denominator counts (``None`` for a count).
        target: the target in words.
        rows: a row per unit (none for an agency-level indicator), then the total.
        breakdowns: the disaggregations of the total.
        figures: the total's extra figures, ``(label, cell)``.
        failing: the failing records kept (for an indicator that counts what the plan
            wants none of, the records counted).
        failing_omitted: how many failing records the evaluation did not keep.
        chart: a bar chart across units, for a share counted by unit.

    .. versionadded:: 0.1.0
    """

    id: str
    name: str
    clauses: tuple[str, ...]
    kind: str
    kind_label: str
    numerator: str
    denominator: str | None
    target: str
    rows: tuple[ResultRow, ...]
    breakdowns: tuple[Breakdown, ...]
    figures: tuple[tuple[str, Cell], ...]
    failing: tuple[FailingRecord, ...]
    failing_omitted: int
    chart: BarChart | None


@attrs.frozen(kw_only=True)
class QualityView:
    """The data-quality section: the load report, and where the evaluation placed records.

    Args:
        load_source: what was loaded, ``None`` without a load report.
        load_rows: per record type, ``(type, read, accepted, rejected)``.
        load_totals: ``(read, accepted, rejected)`` over every type.
        rejections: one line per problem of a rejected record (place, id, field, message).
        problems: the problems between records.
        notes: the load's notes.
        placements: per record type, ``(type, read, in_scope, crosswalked, not_selected,
            out_of_scope, not_valid_on_date, unknown_unit)``; ``None`` for a type without
            units.
        issues: the records not counted for their unit, one line each.
        crosswalk: the old units mapped onto new ones, one line each.
        withheld: whether the report is published: then only ``load_totals`` is kept
            (the counts by record type and every line are left out).

    .. versionadded:: 0.1.0
    """

    load_source: str | None
    load_rows: tuple[tuple[str, int, int, int], ...]
    load_totals: tuple[int, int, int]
    rejections: tuple[str, ...]
    problems: tuple[str, ...]
    notes: tuple[str, ...]
    placements: tuple[tuple[str, tuple[int | None, ...]], ...]
    issues: tuple[str, ...]
    crosswalk: tuple[str, ...]
    withheld: bool = False


@attrs.frozen(kw_only=True)
class ReportView:
    """The whole consolidated report, in one language.

    Args:
        lang: ``"vi"`` or ``"en"``.
        words: the fixed words in that language.
        explain_mode: the evaluation's explanation mode (which failing records it kept).
        header: the header.
        indicators: one per indicator, in the catalogue's order.
        quality: the data-quality section.
        suppress_below: the threshold of a published report (counts from 1 to
            ``suppress_below - 1`` hidden); ``None`` for an internal report.

    Plan clauses: IV.2.

    .. versionadded:: 0.1.0
    """

    lang: str
    words: dict[str, str]
    explain_mode: str
    header: Header
    indicators: tuple[IndicatorView, ...]
    quality: QualityView
    suppress_below: int | None = None


def _category_label(dimension: str, slug: str, lang: str, plan: Plan | None) -> str:
    enum_cls = _ENUMS.get(dimension)
    if enum_cls is not None:
        try:
            return enum_cls.from_slug(slug).label(lang)
        except ValueError:  # pragma: no cover - the engine uses the vocabularies' slugs
            return slug
    if dimension == Dimension.AGE_GROUP.value and slug in _AGE_LABELS:
        return _AGE_LABELS[slug].label(lang)
    if dimension == Dimension.OFFENCE.value:
        return words(lang)["offence"].format(article=slug)
    if dimension == Dimension.AGENCY.value and plan is not None:
        agency = next((a for a in plan.agencies if a.id == slug), None)
        if agency is not None:
            return agency.name_vi if lang == "vi" else agency.name_en
    return slug  # languages are ISO 639 codes; an agency without a plan keeps its id


def _figure_label(key: str, lang: str) -> str:
    vi, en = FIGURES.get(key, (key, key))
    return vi if lang == "vi" else en


def _row(result: IndicatorResult, lang: str) -> ResultRow:
    w = words(lang)
    unit = result.unit
    if unit is not None:
        name = unit.full_name
    elif result.indicator.level is Level.AGENCY:
        name = w["agencies"]
    else:
        name = w["total"]
    return ResultRow(
        unit_code=None if unit is None else unit.code,
        unit_name=name,
        cell=make_cell(result.numerator, result.denominator, lang),
        target=result.target_text(lang),
        status=result.status.value,
        status_label=result.status.label(lang),
    )


def _breakdowns(result: IndicatorResult, lang: str, plan: Plan | None) -> tuple[Breakdown, ...]:
    out = []
    for dimension, cells in result.disaggregations.items():
        rows = tuple(
            BreakdownRow(
                category=slug,
                label=_category_label(dimension, slug, lang, plan),
                cell=_breakdown_cell(cell, lang),
                figures=tuple(
                    (_figure_label(k, lang), make_cell(cell.figures[k], None, lang))
                    for k in _figure_order(result, cell.figures)
                ),
            )
            for slug, cell in cells.items()
        )
        label = Dimension.from_slug(dimension).label(lang)
        out.append(Breakdown(dimension=dimension, label=label, rows=rows))
    return tuple(out)


def _figure_order(result: IndicatorResult, figures: dict[str, int]) -> list[str]:
    # The definition's order of figures, then any other in alphabetical order.
    named = [k for k in result.indicator.figures if k in figures]
    return named + sorted(k for k in figures if k not in named)


def _breakdown_cell(cell: BreakdownCell, lang: str) -> Cell:
    return make_cell(cell.numerator, cell.denominator, lang)


def _failing(result: IndicatorResult, lang: str) -> tuple[tuple[FailingRecord, ...], int]:
    explanation = result.explanation
    if result.indicator.adverse:
        entries: tuple[Entry, ...] = explanation.counted
        expected = result.numerator
    else:
        entries = explanation.failures
        expected = 0 if result.denominator is None else result.denominator - result.numerator
    records = tuple(
        FailingRecord(record_id=e.record_id, unit_code=e.unit, reason=e.reason.text(lang))
        for e in entries
    )
    return records, max(expected - len(records), 0)


_CHART_WIDTH: Final = 560.0
_CHART_LEFT: Final = 200.0
_CHART_RIGHT: Final = 110.0
_BAR: Final = 16.0
_GAP: Final = 8.0


def _chart(indicator_set: IndicatorSet, rows: tuple[ResultRow, ...], lang: str) -> BarChart | None:
    ind = indicator_set.indicator
    if ind.kind is not IndicatorKind.SHARE or ind.level is not Level.UNIT:
        return None
    scale = _CHART_WIDTH - _CHART_LEFT - _CHART_RIGHT
    bars = []
    for i, row in enumerate(rows):
        value = row.cell.value
        has_data = isinstance(value, float)
        bars.append(
            Bar(
                label=row.unit_name
                if row.unit_code is None
                else f"{row.unit_code} {row.unit_name}",
                text=row.cell.text if has_data or row.cell.suppressed else words(lang)["no_data"],
                width=round(scale * float(value), 1) if isinstance(value, float) else 0.0,
                y=_GAP + i * (_BAR + _GAP),
                has_data=has_data,
            )
        )
    target = indicator_set.total.target
    target_x = None
    if target is not None and 0 <= float(target.value) <= 1:
        target_x = round(_CHART_LEFT + scale * float(target.value), 1)
    return BarChart(
        width=_CHART_WIDTH,
        height=_GAP + len(bars) * (_BAR + _GAP),
        left=_CHART_LEFT,
        scale=scale,
        bar_height=_BAR,
        bars=tuple(bars),
        target_x=target_x,
        title=ind.name(lang),
    )


# A count of a published table: ("row", i, part), ("total", part), ("category", d, j, part),
# ("figure", label) or ("category_figure", d, j, label); part is numerator or denominator.
_Key = tuple[object, ...]
_PARTS: Final = ("numerator", "denominator")


def _count_of(cell: Cell, part: str) -> int | None:
    # An unsuppressed cell (make_cell) always has its numerator; a count no denominator.
    return cell.numerator if part == "numerator" else cell.denominator


class _Publication:
    """The small-cell suppression of one indicator's tables, for a published report.

    Every count shown is in one or more groups whose total the report shows: a part
    (numerator, or denominator of a share) of the units' rows with the whole area's row;
    of a breakdown's categories with the whole area's row; a figure of the categories
    with the whole area's figure. Each group is suppressed by
    :func:`threeno.privacy.suppress_cells`; a total is shared between groups, so when one
    group hides it, the others are suppressed again without it (a hidden total cannot
    be subtracted from), until nothing changes. A hidden count stays hidden.

    Plan clauses: IV.2 (reports published to the Steering Committee).
    """

    def __init__(
        self,
        rows: tuple[ResultRow, ...],
        breakdowns: tuple[Breakdown, ...],
        figures: tuple[tuple[str, Cell], ...],
    ) -> None:
        self.rows, self.breakdowns, self.figures = rows, breakdowns, figures
        self.counts: dict[_Key, int] = {}
        self.groups: list[tuple[list[_Key], _Key | None]] = []
        for part in _PARTS:
            self._part_groups(part)
        self._figure_groups()

    def _part_groups(self, part: str) -> None:
        # The units with the total, and each breakdown's categories with the total.
        *units, total = self.rows
        total_key = self._add(("total", part), total.cell, part)
        if total_key is None:
            return  # a count has no denominator
        if units:
            keys = [self._add(("row", i, part), r.cell, part) for i, r in enumerate(units)]
            self.groups.append(([k for k in keys if k is not None], total_key))
        else:
            self.groups.append(([total_key], None))  # an agency-level indicator
        for d, breakdown in enumerate(self.breakdowns):
            keys = [
                self._add(("category", d, j, part), cat.cell, part)
                for j, cat in enumerate(breakdown.rows)
            ]
            self.groups.append(([k for k in keys if k is not None], total_key))

    def _figure_groups(self) -> None:
        # Each figure of the total alone; each figure of the categories with the total's.
        for label, cell in self.figures:
            self.groups.append(([self._add_figure(("figure", label), cell)], None))
        for d, breakdown in enumerate(self.breakdowns):
            by_label: dict[str, list[_Key]] = {}
            for j, cat in enumerate(breakdown.rows):
                for label, cell in cat.figures:
                    key = self._add_figure(("category_figure", d, j, label), cell)
                    by_label.setdefault(label, []).append(key)
            for label, keys in by_label.items():
                known = ("figure", label)
                self.groups.append((keys, known if known in self.counts else None))

    def _add(self, key: _Key, cell: Cell, part: str) -> _Key | None:
        count = _count_of(cell, part)
        if count is None:
            return None
        self.counts[key] = count
        return key

    def _add_figure(self, key: _Key, cell: Cell) -> _Key:
        self.counts[key] = cell.numerator or 0  # a figure's cell is a count (make_cell)
        return key

    def marks(self, k: int) -> dict[_Key, Suppression]:
        """Every count's mark, once no group hides anything more."""
        marks = dict.fromkeys(self.counts, Suppression.SHOWN)
        changed = True
        while changed:
            changed = False
            for cells, total in self.groups:
                known = total if total is not None and marks[total] is Suppression.SHOWN else None
                result = suppress_cells(
                    [self.counts[c] for c in cells],
                    None if known is None else self.counts[known],
                    k=k,
                )
                hidden = [(c, m) for c, m in zip(cells, result.cell_marks, strict=True)]
                if known is not None:
                    hidden.append((known, result.total_mark))
                for key, mark in hidden:
                    if mark is not Suppression.SHOWN and marks[key] is Suppression.SHOWN:
                        marks[key] = mark
                        changed = True
        return marks

    def apply(
        self, k: int, lang: str
    ) -> tuple[tuple[ResultRow, ...], tuple[Breakdown, ...], tuple[tuple[str, Cell], ...]]:
        """The rows, breakdowns and figures with their hidden counts replaced by marks."""
        marks = self.marks(k)

        def hide(key: _Key) -> str | None:
            mark = marks.get(key, Suppression.SHOWN)
            return None if mark is Suppression.SHOWN else mark.text(self.counts[key], k)

        def cell(prefix: _Key, old: Cell) -> Cell:
            hidden = (hide((*prefix, "numerator")), hide((*prefix, "denominator")))
            if hidden == (None, None):
                return old
            return make_cell(
                self.counts[(*prefix, "numerator")], old.denominator, lang, hidden=hidden
            )

        def figure(key: _Key, old: Cell) -> Cell:
            text = hide(key)
            return (
                old
                if text is None
                else make_cell(self.counts[key], None, lang, hidden=(text, None))
            )

        last = len(self.rows) - 1
        rows = tuple(
            attrs.evolve(r, cell=cell(("total",) if i == last else ("row", i), r.cell))
            for i, r in enumerate(self.rows)
        )
        breakdowns = tuple(
            attrs.evolve(
                b,
                rows=tuple(
                    attrs.evolve(
                        cat,
                        cell=cell(("category", d, j), cat.cell),
                        figures=tuple(
                            (label, figure(("category_figure", d, j, label), c))
                            for label, c in cat.figures
                        ),
                    )
                    for j, cat in enumerate(b.rows)
                ),
            )
            for d, b in enumerate(self.breakdowns)
        )
        figures = tuple((label, figure(("figure", label), c)) for label, c in self.figures)
        return rows, breakdowns, figures


def _indicator(
    indicator_set: IndicatorSet, lang: str, plan: Plan | None, suppress_below: int | None
) -> IndicatorView:
    ind = indicator_set.indicator
    total = indicator_set.total
    rows = (*(_row(r, lang) for r in indicator_set.by_unit.values()), _row(total, lang))
    breakdowns = _breakdowns(total, lang, plan)
    figures = tuple(
        (_figure_label(k, lang), make_cell(n, None, lang)) for k, n in total.figures.items()
    )
    failing, omitted = _failing(total, lang)
    if suppress_below is not None:
        rows, breakdowns, figures = _Publication(rows, breakdowns, figures).apply(
            suppress_below, lang
        )
        failing, omitted = (), 0  # a list of records would give a small count away
    return IndicatorView(
        id=ind.id,
        name=ind.name(lang),
        clauses=indicator_set.clauses,
        kind=ind.kind.value,
        kind_label=ind.kind.label(lang),
        numerator=ind.numerator(lang),
        denominator=ind.denominator(lang),
        target=total.target_text(lang),
        rows=rows,
        breakdowns=breakdowns,
        figures=figures,
        failing=failing,
        failing_omitted=omitted,
        chart=_chart(indicator_set, rows, lang),
    )


def _area(plan: Plan | None, end: dt.date) -> tuple[str, ...]:
    if plan is None:
        return ()
    names = []
    for code in plan.area:
        versions = [u for u in plan.related_units if u.code == code]
        current = [u for u in versions if u.is_valid_on(end)] or versions
        names.append(current[0].full_name if current else code)
    return tuple(names)


def _quality(
    data_quality: DataQuality, load_report: LoadReport | None, lang: str, *, published: bool
) -> QualityView:
    placements: list[tuple[str, tuple[int | None, ...]]] = []
    for name, counts in data_quality.counts.items():
        if set(counts) == {"read"}:
            placements.append((name, (counts["read"], None, None, None, None, None, None)))
        else:
            placements.append(
                (
                    name,
                    tuple(
                        counts.get(key, 0)
                        for key in (
                            "read",
                            "in_scope",
                            "crosswalked",
                            "not_selected",
                            "out_of_scope",
                            "not_valid_on_date",
                            "unknown_unit",
                        )
                    ),
                )
            )
    crosswalk = tuple(use.text(lang) for use in data_quality.crosswalk)
    issues = tuple(issue.text(lang) for issue in data_quality.issues)
    if published:
        # Lines name records and quote values; a published report keeps the counts only.
        return _published_quality(_quality(data_quality, load_report, lang, published=False))
    if load_report is None:
        return QualityView(
            load_source=None,
            load_rows=(),
            load_totals=(0, 0, 0),
            rejections=(),
            problems=(),
            notes=(),
            placements=tuple(placements),
            issues=issues,
            crosswalk=crosswalk,
        )
    return QualityView(
        load_source=load_report.source,
        load_rows=tuple(
            (name, c.read, c.accepted, c.rejected) for name, c in load_report.counts.items()
        ),
        load_totals=(load_report.read, load_report.accepted, load_report.rejected),
        rejections=tuple(line for r in load_report.rejections for line in str(r).splitlines()),
        problems=tuple(str(p) for p in load_report.problems),
        notes=tuple(str(note) for note in load_report.notes),
        placements=tuple(placements),
        issues=issues,
        crosswalk=crosswalk,
    )


def _published_quality(quality: QualityView) -> QualityView:
    source = quality.load_source
    return attrs.evolve(
        quality,
        # The name of what was loaded, not its path (which may name a person's folder).
        load_source=None if source is None else (PurePath(source).name or source),
        # Counts by record type can be small (three support actions): totals only.
        load_rows=(),
        placements=(),
        rejections=(),
        problems=(),
        notes=(),
        issues=(),
        crosswalk=(),
        withheld=True,
    )


def _threshold(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 2:  # k = 1 hides nothing
        msg = f"must be a whole number, 2 or more (counts 1 to k - 1 are hidden), not {value!r}"
        raise ValidationError(msg, cls_name="render", field="suppress_below")
    return value


def build_view(  # noqa: PLR0913 - the report's options, all keyword-only
    evaluation: Evaluation,
    *,
    lang: str = "vi",
    plan: Plan | None = None,
    load_report: LoadReport | None = None,
    generated_on: dt.date | None = None,
    suppress_below: int | None = None,
) -> ReportView:
    """Build the report of an evaluation, in one language.

    Args:
        evaluation: the evaluation to report.
        lang: ``"vi"`` (the default) or ``"en"``.
        plan: the plan evaluated, for its title, number, area and agency names; without
            it the header names the plan by id and agencies keep their ids.
        load_report: the load report of the data, for the data-quality section.
        generated_on: the date to print as the report's date; none by default, so the
            same evaluation always gives the same report.
        suppress_below: ``k`` for a published report: every count from 1 to ``k - 1``
            shows as ``<k``, the counts that would reveal one through a total as ``x``
            (:func:`threeno.privacy.suppress_cells`), shares with a hidden part lose
            their percentage, and no record is listed (no failing records, no
            rejections, problems, notes or placement lines); of the data quality, only
            the totals read, accepted and rejected stay. ``None`` (the default): an
            internal report, nothing hidden.

    Returns:
        The :class:`ReportView`.

    Raises:
        LanguageError: for a language other than ``"vi"`` or ``"en"``.
        ValidationError: for a plan other than the one evaluated, or a threshold that is
            not a whole number 2 or more.

    Plan clauses: IV.2.
    """
    k = _threshold(suppress_below)
    w = words(lang)
    if plan is not None and plan.id != evaluation.plan_id:
        msg = f"the evaluation is of plan {evaluation.plan_id}, not {plan.id}"
        raise ValidationError(msg, cls_name="render", field="plan")
    period = evaluation.period
    header = Header(
        plan_id=evaluation.plan_id,
        plan_title=None if plan is None else (plan.title_vi if lang == "vi" else plan.title_en),
        plan_number=None if plan is None else plan.number,
        period=str(period),
        period_label=period.label(lang),
        start=period.start,
        end=period.end,
        convention=period.convention.label(lang),
        area=_area(plan, period.end),
        units=tuple((u.code, u.full_name) for u in evaluation.units),
        generated_on=generated_on,
    )
    return ReportView(
        lang=lang,
        words=w,
        explain_mode=evaluation.explain_mode,
        header=header,
        indicators=tuple(_indicator(s, lang, plan, k) for s in evaluation.results.values()),
        quality=_quality(evaluation.data_quality, load_report, lang, published=k is not None),
        suppress_below=k,
    )
