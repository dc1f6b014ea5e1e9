"""The consolidated report as data: what every format shows, built once from an evaluation.

:func:`build_view` turns an :class:`~threeno.indicators.results.Evaluation` (and, when
given, the plan and the load report) into a :class:`ReportView`: the header; the
:class:`Overview` shown beside the period, before any indicator (the records read,
accepted, rejected and left out for their unit code by reason, and the evaluation's
warnings); the settings the evaluation used (:class:`Setting`) and where each comes from; one
:class:`IndicatorView` per indicator (a row per unit and the total, the breakdowns, the
extra figures, the failing records); and the data-quality section. The renderers of
:mod:`threeno.reporting.render` only lay it out, so Markdown, HTML, JSON and CSV say the
same thing.

Everything a person reads is in the report's language, with names rather than codes:
indicators, record types, agencies, offences and languages by name, the period by name.
Codes are kept for tools: in the JSON's keys and ids, the CSV's code columns, and the
annex of codes that the Markdown and HTML reports end with.

Every number shown in a table goes through one function, :func:`make_cell`, which
returns a :class:`Cell` (the raw numbers and their text): that is the one place where a
published table's cells can be changed. A published report (``suppress_below=k``) hides
every count from 1 to ``k - 1``, and the counts that would let a reader work one out
(:func:`threeno.reporting.publication.marks`), all shown as ``x``, and lists no record.

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
from threeno.lang import Lang, number
from threeno.lang import count as lang_count
from threeno.lang import date as lang_date
from threeno.model.crime import OFFENCES
from threeno.model.dataset import record_type_label
from threeno.model.enums import (
    Channel,
    Decision,
    Ethnicity,
    ReportSource,
    Sex,
    SubjectCategory,
    SupportKind,
)
from threeno.model.period import PeriodKind
from threeno.model.plan import ReportKind
from threeno.privacy import HIDDEN_MARK, Suppression
from threeno.reporting import publication

if TYPE_CHECKING:
    from collections.abc import Mapping

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
    from threeno.model.period import ReportingPeriod
    from threeno.model.plan import Plan
    from threeno.reporting.publication import CountKey

__all__ = [
    "LANGS",
    "LANGUAGE_NAMES",
    "LEFT_OUT_REASONS",
    "NO_VALUE",
    "Bar",
    "BarChart",
    "Breakdown",
    "BreakdownRow",
    "Cell",
    "Fact",
    "FailingRecord",
    "Header",
    "IndicatorView",
    "LoadRow",
    "Overview",
    "Placement",
    "QualityView",
    "ReportView",
    "ResultRow",
    "Setting",
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
        "custom_period": "từ ngày {start} đến ngày {end}",
        "dates": "Thời gian",
        "convention": "Cách chốt số liệu",
        "area": "Địa bàn",
        "units": "Đơn vị",
        "generated_on": "Ngày lập",
        # -- the data-quality counts at the top
        "records": "Số liệu đầu vào",
        "records_read": "đã đọc {read}: {accepted} hợp lệ, {rejected} bị loại",
        "source_of": "nguồn",
        "records_given": "{n} được đưa vào tính (không có kết quả đọc dữ liệu)",
        "left_out": "Bản ghi không được tính vì mã đơn vị",
        "left_out_none": "không có",
        "left_out_some": "{n} ({reasons})",
        "crosswalked_n": "Bản ghi của đơn vị cũ được tính vào đơn vị mới",
        "warning": "Cảnh báo",
        "read_n": "Số bản ghi đã đọc",
        "accepted_n": "Số bản ghi hợp lệ",
        "rejected_n": "Số bản ghi bị loại",
        "left_out_n": "Số bản ghi không được tính vì mã đơn vị",
        # -- the readings and settings applied
        "settings": "Cách tính áp dụng",
        "count_receipt_day": "Tính ngày tiếp nhận là ngày thứ nhất của thời hạn giải quyết",
        "crosswalk_setting": "Tính số liệu của đơn vị hành chính cũ vào đơn vị mới sau sắp xếp",
        "yes": "có",
        "no": "không",
        "set_by_caller": "Đặt riêng cho lần tính này, không theo tệp kế hoạch.",
        "set_by_plan_file": "Theo tệp kế hoạch.",
        "calendar": "Ngày nghỉ, ngày làm việc riêng của địa phương",
        "national_only": "không có; áp dụng lịch nghỉ chung của Nhà nước",
        "days_off": "{n} ngày nghỉ: {days}",
        "working_days": "{n} ngày làm việc: {days}",
        "deadline": "Hạn gửi báo cáo",
        "deadline_days": "{days} ngày sau ngày cuối kỳ ({source})",
        "deadline_by_plan": "do Kế hoạch quy định",
        "deadline_default": "mặc định địa phương, Kế hoạch không quy định",
        # -- the indicators
        "contents": "Các chỉ tiêu",
        "name": "Nội dung",
        "clauses": "Mục của kế hoạch",
        "kind": "Loại chỉ tiêu",
        "numerator": "Tử số",
        "denominator": "Mẫu số",
        "target": "Chỉ tiêu Kế hoạch",
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
        "failing_more_none": (
            "còn {n} bản ghi không được liệt kê: khi tính đã chọn không lưu danh sách bản ghi"
        ),
        "failing_more_failures": (
            "còn {n} bản ghi không được liệt kê: khi tính chỉ lưu danh sách bản ghi không đạt"
        ),
        "failing_more_all": "còn {n} bản ghi không được liệt kê",
        "record": "Mã bản ghi",
        "reason": "Lý do",
        "chart": "Biểu đồ theo đơn vị",
        "no_data": "không có số liệu",
        "offence": "Điều {article} Bộ luật Hình sự",
        "offence_named": "Điều {article} Bộ luật Hình sự ({name})",
        # -- the data-quality section
        "quality": "Chất lượng dữ liệu",
        "load": "Dữ liệu đầu vào",
        "source": "Nguồn",
        "record_type": "Nhóm dữ liệu",
        "read": "Đã đọc",
        "accepted": "Hợp lệ",
        "rejected": "Bị loại",
        "rejections": "Bản ghi bị loại",
        "problems": "Vấn đề giữa các bản ghi",
        "notes": "Ghi chú",
        "placement": "Phân bổ theo đơn vị",
        "in_scope": "Trong phạm vi",
        "crosswalked": "Chuyển sang đơn vị mới",
        "not_selected": "Thuộc đơn vị không được chọn",
        "out_of_scope": "Đơn vị không thuộc phạm vi Kế hoạch",
        "not_valid_on_date": "Mã đơn vị không có hiệu lực tại ngày của bản ghi",
        "unknown_unit": "Mã đơn vị không có trong danh mục đơn vị hành chính",
        "issues": "Bản ghi không tính được theo đơn vị",
        "crosswalk": "Đơn vị cũ được chuyển sang đơn vị mới",
        "no_load_report": "Không có kết quả đọc dữ liệu.",
        "nothing": "Không có.",
        # -- the annex of codes
        "annex": "Phụ lục: mã chỉ tiêu",
        "annex_note": "Mã dùng cho các công cụ đọc báo cáo này.",
        "plan_code": "Mã kế hoạch",
        "period_code": "Mã kỳ báo cáo",
        "indicator": "Chỉ tiêu",
        "indicator_code": "Mã chỉ tiêu",
        # -- a published report
        "published": "Bản công bố",
        "published_note": (
            "các số từ 1 đến {last}, và các số có thể dùng để suy ra chúng, được ghi là “x”."
            " Không công bố mã bản ghi, danh sách bản ghi không đạt và chi tiết về dữ liệu"
            " bị loại."
        ),
        "withheld": (
            "Bản công bố chỉ nêu số tổng: không nêu số theo nhóm dữ liệu, bản ghi bị loại,"
            " vấn đề, ghi chú hay mã bản ghi."
        ),
    },
    "en": {
        "title": "Report on the implementation of the plan and its results",
        "plan": "Plan",
        "period": "Reporting period",
        "custom_period": "{start} to {end}",
        "dates": "Dates",
        "convention": "Cut-off convention",
        "area": "Area",
        "units": "Units",
        "generated_on": "Generated on",
        # -- the data-quality counts at the top
        "records": "Records",
        "records_read": "{read} read: {accepted} accepted, {rejected} rejected",
        "source_of": "source",
        "records_given": "{n} evaluated (no load report given)",
        "left_out": "Records left out for their unit code",
        "left_out_none": "none",
        "left_out_some": "{n} ({reasons})",
        "crosswalked_n": "Records of old units counted in the unit they were merged into",
        "warning": "Warning",
        "read_n": "Records read",
        "accepted_n": "Records accepted",
        "rejected_n": "Records rejected",
        "left_out_n": "Records left out for their unit code",
        # -- the readings and settings applied
        "settings": "Readings and settings applied",
        "count_receipt_day": "The day of receipt counts as day 1 of a time limit",
        "crosswalk_setting": (
            "Records of merged units are counted in the unit they were merged into"
        ),
        "yes": "yes",
        "no": "no",
        "set_by_caller": "Set for this evaluation only, not by the plan file.",
        "set_by_plan_file": "As the plan file sets it.",
        "calendar": "Local days off and working days",
        "national_only": "none; the national calendar applies",
        "days_off": "{n} days off: {days}",
        "working_days": "{n} working days: {days}",
        "deadline": "Reports due",
        "deadline_days": "{days} days after a period's last day ({source})",
        "deadline_by_plan": "set by the plan",
        "deadline_default": "a local default, not set by the plan",
        # -- the indicators
        "contents": "Indicators",
        "name": "Indicator",
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
        "failing_more_none": "{n} more not listed: the evaluation kept no list of records",
        "failing_more_failures": (
            "{n} more not listed: the evaluation kept the list of failing records only"
        ),
        "failing_more_all": "{n} more not listed",
        "record": "Record id",
        "reason": "Reason",
        "chart": "Chart by unit",
        "no_data": "no data",
        "offence": "Criminal Code, Art. {article}",
        "offence_named": "Criminal Code, Art. {article} ({name})",
        # -- the data-quality section
        "quality": "Data quality",
        "load": "Records read",
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
        "not_selected": "In units not selected",
        "out_of_scope": "Unit outside the plan",
        "not_valid_on_date": "Unit code not in force on the record's date",
        "unknown_unit": "Unit code in no unit of the register",
        "issues": "Records not counted for their unit",
        "crosswalk": "Old units mapped onto new ones",
        "no_load_report": "No load report given.",
        "nothing": "None.",
        # -- the annex of codes
        "annex": "Annex: indicator codes",
        "annex_note": "Codes for the tools that read this report.",
        "plan_code": "Plan code",
        "period_code": "Period code",
        "indicator": "Indicator",
        "indicator_code": "Indicator code",
        # -- a published report
        "published": "Published report",
        "published_note": (
            "counts from 1 to {last}, and the counts that could be used to work them out,"
            " are shown as “x”. Record ids, failing records and the details of rejected"
            " records are not published."
        ),
        "withheld": (
            "A published report gives the totals only: no counts by record type, no rejected"
            " records, problems, notes or record ids."
        ),
    },
}

#: What a table shows for a count with no data (beside its status *no data*), and for a
#: value that does not apply.
NO_VALUE: Final = "—"

#: The reasons a record is left out of every number for its unit code, in the order of
#: :attr:`DataQuality.left_out_by_reason <threeno.indicators.results.DataQuality>`.
LEFT_OUT_REASONS: Final = ("out_of_scope", "not_valid_on_date", "unknown_unit")

#: The languages of outreach by name (``OutreachEvent.language`` is an ISO 639 code):
#: Vietnamese names as the names of the ethnic groups whose languages they are (Mông,
#: Thái, Dao), English names as ISO 639-3 gives them (``blt`` is Tai Dam, the language
#: of the Black Thái; ``ium`` is Iu Mien, a language of the Dao).
LANGUAGE_NAMES: Final[dict[str, tuple[str, str]]] = {
    "vi": ("Tiếng Việt", "Vietnamese"),
    "hmn": ("Tiếng Mông", "Hmong"),
    "blt": ("Tiếng Thái", "Tai Dam"),
    "ium": ("Tiếng Dao", "Iu Mien"),
}

#: What the loader calls records given in memory rather than read from a file
#: (:func:`threeno.io.datasets.load_dataset` of a mapping or of records).
_IN_MEMORY: Final = frozenset({"the document", "the records"})

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
            published report ``"x"``, ``"x/35"``, ``"x/x"``.
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
    has_data: bool = True,
) -> Cell:
    """Format one table cell: a count, or a share with its numerator and denominator.

    The only place a report turns a number into the text of a table cell, so that a
    rule for published tables (suppressing small counts) applies everywhere. Numbers are
    grouped as the language writes them (``19.353``, ``19,353``). A share with a zero
    denominator is *no data*, never 0% or 100%. A result with no data (no record its
    indicator looks at, ``has_data`` false) is never shown as a number that looks
    measured: a count shows :data:`NO_VALUE` ("—") beside its status *no data* instead
    of ``0``, a share its parts and *no data*; the cell keeps the numbers (``numerator``
    and, for a count, ``value`` stay ``0``) for the JSON and CSV reports. A hidden
    numerator or denominator is written as its mark, and the share's percentage is left
    out (it would give the hidden number away).

    >>> from threeno.reporting.view import make_cell
    >>> make_cell(33, 35, "en").text, make_cell(33, 35, "vi").text, make_cell(4, None, "en").text
    ('33/35 = 94.3%', '33/35 = 94,3%', '4')
    >>> make_cell(0, 0, "en").text, make_cell(19353, None, "vi").text
    ('0/0: no data', '19.353')
    >>> cell = make_cell(0, None, "vi", has_data=False)
    >>> cell.text, cell.value
    ('—', 0)
    >>> cell = make_cell(3, 35, "en", hidden=("<5", None))
    >>> cell.text, cell.numerator, cell.denominator, cell.value
    ('<5/35', None, 35, None)

    Args:
        numerator: the count or numerator.
        denominator: the denominator, ``None`` for a count.
        lang: ``"vi"`` or ``"en"``.
        hidden: what to show instead of the numerator and of the denominator, for
            those a published report hides (``None``: shown).
        has_data: whether any record the indicator looks at was there
            (:attr:`IndicatorResult.has_data
            <threeno.indicators.results.IndicatorResult.has_data>`).

    Raises:
        LanguageError: for another language.

    Plan clauses: I.3 ("100%"), I.5 ("07/07"), IV.2 (reports published).
    """
    w = words(lang)
    code: Lang = "vi" if lang == "vi" else "en"
    hide_numerator, hide_denominator = hidden
    if hide_numerator is not None or hide_denominator is not None:
        top = number(numerator, code) if hide_numerator is None else hide_numerator
        if denominator is None:
            return Cell(numerator=None, denominator=None, value=None, text=top, suppressed=True)
        bottom = number(denominator, code) if hide_denominator is None else hide_denominator
        return Cell(
            numerator=None if hide_numerator is not None else numerator,
            denominator=None if hide_denominator is not None else denominator,
            value=None,
            text=f"{top}/{bottom}",
            suppressed=True,
        )
    if denominator is None:
        text = number(numerator, code) if has_data else NO_VALUE
        return Cell(numerator=numerator, denominator=None, value=numerator, text=text)
    parts = f"{number(numerator, code)}/{number(denominator, code)}"
    if not denominator or not has_data:
        text = f"{parts}: {w['no_data']}"
        return Cell(numerator=numerator, denominator=denominator, value=None, text=text)
    value = numerator / denominator
    text = f"{parts} = {percent(value, lang)}"
    return Cell(numerator=numerator, denominator=denominator, value=value, text=text)


@attrs.frozen(kw_only=True)
class Header:
    """The report's header: plan, period with its dates and convention, area and units.

    Args:
        plan_id: the plan's id.
        plan_title: the plan's title in the report's language (``None`` without a plan).
        plan_number: the plan's number as written, if known.
        period: the period's text (``"2024-H2"``), for tools (the annex of codes).
        period_label: the period in words, without its dates (``"6 tháng cuối năm
            2024"``; a custom period as its first and last day).
        start: the period's first day.
        end: the period's last day.
        convention: the cut-off convention in words.
        area: the names of the units that contain the plan's units.
        units: ``(code, name)`` of every unit evaluated.
        generated_on: the date the report was made, when given.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       ``period_label`` without the dates (``start`` and ``end`` have them).
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
        has_data: whether any record the indicator looks at was there for the unit (or
            the area); when not, the status is *no data* and a count shows ``"—"``.
        records_considered: how many records the indicator looked at.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       ``has_data`` and ``records_considered``.
    """

    unit_code: str | None
    unit_name: str
    cell: Cell
    target: str
    status: str
    status_label: str
    has_data: bool = True
    records_considered: int = 0


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
        failing_more: the sentence that says how many failing records are not listed,
            and why (``""`` when all are).

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       ``clauses`` are the plan's (none when no clause of the plan lists the
       indicator); ``failing_more``.
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
    failing_more: str = ""


@attrs.frozen(kw_only=True)
class Fact:
    """One line of the report's top: what it is about, and what it says.

    Args:
        key: a stable name for tools (``"records"``, ``"left_out"``, or a warning's
            code such as ``"period_outside_plan_year"``).
        label: what the line is about, in the report's language.
        text: what it says, in the report's language.

    .. versionadded:: 0.2.0
    """

    key: str
    label: str
    text: str


@attrs.frozen(kw_only=True)
class Setting:
    """A reading or setting the evaluation used, and where it comes from.

    Args:
        key: ``count_receipt_day``, ``crosswalk``, ``calendar`` or ``days_allowed``.
        label: what it is, in the report's language.
        value: the value: whether the reading applies, the local days off and working
            days (ISO dates), or the days allowed.
        text: the value in words.
        note: where the value comes from: the plan file's note in the report's
            language, the command line's note, that it was set for this evaluation
            only, or ``""`` when nothing says.

    .. versionadded:: 0.2.0
    """

    key: str
    label: str
    value: bool | int | tuple[str, ...]
    text: str
    note: str


@attrs.frozen(kw_only=True)
class Overview:
    """What the report says before any indicator: the records behind it, and warnings.

    Args:
        source: the last part of the name of what was loaded (a folder's or file's
            name, never its whole path), ``""`` for records given in memory, ``None``
            without a load report.
        read: the records read (load report), ``None`` without one.
        accepted: the records accepted, ``None`` without a load report.
        rejected: the records rejected, ``None`` without a load report.
        evaluated: the records the evaluation placed (read by it, over every type).
        left_out: the records left out of every number for their unit code.
        left_out_by_reason: ``out_of_scope``, ``not_valid_on_date``, ``unknown_unit``:
            how many for each (always all three).
        crosswalk_applied: whether records of merged units were counted in their
            successor.
        crosswalked: how many records were so counted.
        facts: those counts as the report's lines (records, left out, crosswalked); the
            source is not in their text (a name the data's owner chose, shown as code).
        warnings: each warning of the evaluation (key: its code), in the report's
            language.

    .. versionadded:: 0.2.0
    """

    source: str | None
    read: int | None
    accepted: int | None
    rejected: int | None
    evaluated: int
    left_out: int
    left_out_by_reason: dict[str, int]
    crosswalk_applied: bool
    crosswalked: int
    facts: tuple[Fact, ...]
    warnings: tuple[Fact, ...]


@attrs.frozen(kw_only=True)
class LoadRow:
    """What the load report counted for one record type.

    Args:
        record_type: the type's interchange name (``"crime_reports"``), for tools.
        label: its name in the report's language.
        read: records read.
        accepted: records accepted.
        rejected: records rejected.

    .. versionadded:: 0.2.0
    """

    record_type: str
    label: str
    read: int
    accepted: int
    rejected: int


@attrs.frozen(kw_only=True)
class Placement:
    """Where the evaluation placed one record type's records.

    Args:
        record_type: the type's interchange name, for tools.
        label: its name in the report's language.
        counts: ``(read, in_scope, crosswalked, not_selected, out_of_scope,
            not_valid_on_date, unknown_unit)``; all but ``read`` ``None`` for a type
            without units (report submissions belong to agencies).

    .. versionadded:: 0.2.0
    """

    record_type: str
    label: str
    counts: tuple[int | None, ...]


@attrs.frozen(kw_only=True)
class QualityView:
    """The data-quality section: the load report, and where the evaluation placed records.

    Args:
        load_source: the last part of the name of what was loaded, ``""`` for records
            given in memory, ``None`` without a load report.
        load_rows: per record type, what was read, accepted and rejected.
        load_totals: ``(read, accepted, rejected)`` over every type.
        rejections: one line per problem of a rejected record (place, id, field, message),
            in the report's language.
        problems: the problems between records, in the report's language.
        notes: the load's notes, in the report's language.
        placements: per record type, where its records were placed.
        issues: the records not counted for their unit, one line each.
        crosswalk: the old units mapped onto new ones, one line each.
        withheld: whether the report is published: then only ``load_totals`` is kept
            (the counts by record type and every line are left out).

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       ``load_rows`` and ``placements`` name each record type in the report's language
       (:class:`LoadRow`, :class:`Placement`); the lines are in the report's language;
       ``load_source`` is the last part of the name only.
    """

    load_source: str | None
    load_rows: tuple[LoadRow, ...]
    load_totals: tuple[int, int, int]
    rejections: tuple[str, ...]
    problems: tuple[str, ...]
    notes: tuple[str, ...]
    placements: tuple[Placement, ...]
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
        overview: the records behind the report and the warnings, shown beside the
            period, before any indicator.
        settings: the readings and settings the evaluation used, with where each comes
            from.
        indicators: one per indicator, in the evaluation's order.
        quality: the data-quality section.
        suppress_below: the threshold of a published report (counts from 1 to
            ``suppress_below - 1`` hidden); ``None`` for an internal report.

    Plan clauses: IV.2.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       ``overview`` and ``settings``.
    """

    lang: str
    words: dict[str, str]
    explain_mode: str
    header: Header
    overview: Overview
    settings: tuple[Setting, ...]
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
    if dimension in (Dimension.OFFENCE.value, Dimension.LANGUAGE.value):
        return _named_category(dimension, slug, lang)
    agency = None
    if dimension == Dimension.AGENCY.value and plan is not None:
        agency = next((a for a in plan.agencies if a.id == slug), None)
    if agency is None:
        return slug  # an agency without a plan keeps its id
    return agency.name_vi if lang == "vi" else agency.name_en


def _named_category(dimension: str, slug: str, lang: str) -> str:
    """An offence (an article number) or a language (an ISO 639 code) by its name."""
    if dimension == Dimension.OFFENCE.value:
        return _offence_label(slug, lang)
    vi, en = LANGUAGE_NAMES.get(slug, (slug, slug))  # another language keeps its code
    return vi if lang == "vi" else en


def _offence_label(article: str, lang: str) -> str:
    """An offence as the article of the Criminal Code and, when known, its name.

    ``Điều 150 Bộ luật Hình sự (Tội mua bán người)``: the article's title as Bộ luật
    Hình sự 2015 words it ("Điều 150. Tội mua bán người"), from
    :data:`threeno.model.crime.OFFENCES`; an article it does not name keeps its number.
    """
    w = words(lang)
    names = OFFENCES.get(int(article)) if article.isdigit() else None
    if names is None:
        return w["offence"].format(article=article)
    vi, en = names
    name = f"Tội {vi[:1].lower()}{vi[1:]}" if lang == "vi" else en
    return w["offence_named"].format(article=article, name=name)


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
        cell=make_cell(result.numerator, result.denominator, lang, has_data=result.has_data),
        target=result.target_text(lang),
        status=result.status.value,
        status_label=result.status.label(lang),
        has_data=result.has_data,
        records_considered=result.records_considered,
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


class _Publication:
    """The counts a published report hides in one indicator's tables, shown as marks.

    Which counts to hide is decided over the whole report at once
    (:func:`threeno.reporting.publication.marks`: a reader knows relations between
    tables, not only within one); this puts :data:`~threeno.privacy.HIDDEN_MARK` in their
    cells (:func:`make_cell`), numerators and denominators apart.

    Plan clauses: IV.2 (reports published to the Steering Committee).
    """

    def __init__(
        self, indicator_set: IndicatorSet, marks: Mapping[CountKey, Suppression], lang: str
    ) -> None:
        self.id, self.total, self.marks, self.lang = (
            indicator_set.indicator.id,
            indicator_set.total,
            marks,
            lang,
        )

    def _mark(self, key: CountKey) -> str | None:
        shown = self.marks.get(key, Suppression.SHOWN) is Suppression.SHOWN
        return None if shown else HIDDEN_MARK

    def _cell(self, where: CountKey, old: Cell) -> Cell:
        hidden = (self._mark((*where, "numerator")), self._mark((*where, "denominator")))
        if hidden == (None, None) or old.numerator is None:
            return old
        return make_cell(old.numerator, old.denominator, self.lang, hidden=hidden)

    def _figure(self, key: CountKey, old: Cell) -> Cell:
        text = self._mark(key)
        if text is None or old.numerator is None:
            return old
        return make_cell(old.numerator, None, self.lang, hidden=(text, None))

    def _category(self, dimension: str, row: BreakdownRow) -> BreakdownRow:
        i = self.id
        cell = self.total.disaggregations[dimension][row.category]
        keys = _figure_order(self.total, cell.figures)
        return attrs.evolve(
            row,
            cell=self._cell((i, "category", dimension, row.category), row.cell),
            figures=tuple(
                (label, self._figure((i, "category_figure", dimension, row.category, key), c))
                for (label, c), key in zip(row.figures, keys, strict=True)
            ),
        )

    def apply(
        self,
        rows: tuple[ResultRow, ...],
        breakdowns: tuple[Breakdown, ...],
        figures: tuple[tuple[str, Cell], ...],
    ) -> tuple[tuple[ResultRow, ...], tuple[Breakdown, ...], tuple[tuple[str, Cell], ...]]:
        """The rows, breakdowns and figures with their hidden counts replaced by marks."""
        i = self.id
        return (
            tuple(
                attrs.evolve(
                    r,
                    cell=self._cell(
                        (i, "total") if r.unit_code is None else (i, "row", r.unit_code), r.cell
                    ),
                )
                for r in rows
            ),
            tuple(
                attrs.evolve(b, rows=tuple(self._category(b.dimension, row) for row in b.rows))
                for b in breakdowns
            ),
            tuple(
                (label, self._figure((i, "figure", key), cell))
                for (label, cell), key in zip(figures, self.total.figures, strict=True)
            ),
        )


def _indicator(
    indicator_set: IndicatorSet,
    lang: str,
    plan: Plan | None,
    marks: Mapping[CountKey, Suppression] | None,
) -> IndicatorView:
    ind = indicator_set.indicator
    total = indicator_set.total
    rows = (*(_row(r, lang) for r in indicator_set.by_unit.values()), _row(total, lang))
    breakdowns = _breakdowns(total, lang, plan)
    figures = tuple(
        (_figure_label(k, lang), make_cell(n, None, lang)) for k, n in total.figures.items()
    )
    failing, omitted = _failing(total, lang)
    if marks is not None:
        rows, breakdowns, figures = _Publication(indicator_set, marks, lang).apply(
            rows, breakdowns, figures
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


_PLACEMENTS: Final = (
    "read",
    "in_scope",
    "crosswalked",
    "not_selected",
    "out_of_scope",
    "not_valid_on_date",
    "unknown_unit",
)


def _type_label(name: str, lang: str) -> str:
    """A record type by its name, capitalised as a table's first cell is."""
    try:
        label = record_type_label(name, "vi" if lang == "vi" else "en")
    except KeyError:  # pragma: no cover - the loader and the engine know only these types
        label = name
    return label[:1].upper() + label[1:]


def _source_name(source: str) -> str:
    """What was loaded, by the last part of its name: never a whole path.

    A path names the folders of the machine it was read on (and may name a person's
    folder): ``/home/…/lai-chau-2024`` is shown as ``lai-chau-2024``, so that the same
    data give the same report anywhere. Records given in memory have no name (``""``).
    """
    if source in _IN_MEMORY:
        return ""
    return PurePath(source).name or source


def _quality(
    data_quality: DataQuality, load_report: LoadReport | None, lang: str, *, published: bool
) -> QualityView:
    code: Lang = "vi" if lang == "vi" else "en"
    placements = tuple(
        Placement(
            record_type=name,
            label=_type_label(name, lang),
            counts=(counts["read"], *(None,) * (len(_PLACEMENTS) - 1))
            if set(counts) == {"read"}
            else tuple(counts.get(key, 0) for key in _PLACEMENTS),
        )
        for name, counts in data_quality.counts.items()
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
            placements=placements,
            issues=issues,
            crosswalk=crosswalk,
        )
    return QualityView(
        load_source=_source_name(load_report.source),
        load_rows=tuple(
            LoadRow(
                record_type=name,
                label=_type_label(name, lang),
                read=c.read,
                accepted=c.accepted,
                rejected=c.rejected,
            )
            for name, c in load_report.counts.items()
        ),
        load_totals=(load_report.read, load_report.accepted, load_report.rejected),
        rejections=tuple(
            line for r in load_report.rejections for line in r.text(code).splitlines()
        ),
        problems=tuple(p.text(code) for p in load_report.problems),
        notes=tuple(note.text(code) for note in load_report.notes),
        placements=placements,
        issues=issues,
        crosswalk=crosswalk,
    )


def _records(n: int, lang: Lang) -> str:
    """A number of records: ``888 bản ghi``, ``1 record``, ``19,353 records``."""
    return lang_count(n, "bản ghi", "records", lang)


def _overview(evaluation: Evaluation, load_report: LoadReport | None, lang: str) -> Overview:
    """The records behind the report, what was left out and why, and the warnings.

    Nothing is counted out quietly: the records read, accepted and rejected (from the
    load report), the records left out of every number for their unit code by reason
    (:attr:`DataQuality.left_out_by_reason
    <threeno.indicators.results.DataQuality.left_out_by_reason>`), the records of old
    units counted in their successor when the evaluation crosswalked, and every warning
    of the evaluation, in the report's language; one short line when nothing was left out.
    """
    w = words(lang)
    code: Lang = "vi" if lang == "vi" else "en"
    quality = evaluation.data_quality
    by_reason = quality.left_out_by_reason
    evaluated = sum(counts.get("read", 0) for counts in quality.counts.values())
    crosswalked = sum(counts.get("crosswalked", 0) for counts in quality.counts.values())
    source = None if load_report is None else _source_name(load_report.source)
    if load_report is None:
        records = w["records_given"].format(n=_records(evaluated, code))
    else:
        records = w["records_read"].format(
            read=_records(load_report.read, code),
            accepted=number(load_report.accepted, code),
            rejected=number(load_report.rejected, code),
        )
    if quality.left_out:
        reasons = "; ".join(
            f"{w[reason][:1].lower()}{w[reason][1:]}: {number(by_reason[reason], code)}"
            for reason in LEFT_OUT_REASONS
        )
        left_out = w["left_out_some"].format(n=_records(quality.left_out, code), reasons=reasons)
    else:
        left_out = w["left_out_none"]
    facts = [
        Fact(key="records", label=w["records"], text=records),
        Fact(key="left_out", label=w["left_out"], text=left_out),
    ]
    if evaluation.crosswalk_applied:
        facts.append(
            Fact(key="crosswalked", label=w["crosswalked_n"], text=number(crosswalked, code))
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
            Fact(key=notice.code, label=w["warning"], text=notice.text(code))
            for notice in evaluation.warnings
        ),
    )


def _reading(
    key: str, lang: str, *, used: bool, planned: bool | None, notes: tuple[str, str]
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


def _settings(evaluation: Evaluation, plan: Plan | None, lang: str) -> tuple[Setting, ...]:
    """The readings and settings the evaluation used, and where each comes from.

    The day of receipt (Bộ luật Tố tụng hình sự 2015, Art. 134) and the crosswalk of
    merged units, as the evaluation applied them (:attr:`Evaluation.count_receipt_day
    <threeno.indicators.results.Evaluation.count_receipt_day>`,
    :attr:`~threeno.indicators.results.Evaluation.crosswalk_applied`); with the plan,
    its local days off and working days (``[calendar]``) and the reporting deadline
    (``reporting.days_allowed``, set by the plan or a local default).
    """
    w = words(lang)
    code: Lang = "vi" if lang == "vi" else "en"
    readings = None if plan is None else plan.evaluation
    settings = [
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
    ]
    if plan is None:
        return tuple(settings)
    local = plan.calendar
    if local.is_empty:
        calendar_text = w["national_only"]
    else:
        parts = []
        for key, days in (("days_off", local.days_off), ("working_days", local.working_days)):
            if days:
                listed = ", ".join(
                    f"{lang_date(d.date, code)} ({d.name_vi if lang == 'vi' else d.name_en})"
                    for d in days
                )
                parts.append(w[key].format(n=number(len(days), code), days=listed))
        calendar_text = "; ".join(parts)
    settings.append(
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
    settings.append(
        Setting(
            key="days_allowed",
            label=w["deadline"],
            value=rules.days_allowed,
            text=w["deadline_days"].format(days=number(rules.days_allowed, code), source=source),
            # The plan writes where its deadline comes from in English only.
            note=rules.days_allowed_note if lang == "en" else "",
        )
    )
    return tuple(settings)


def _period_name(period: ReportingPeriod, lang: str) -> str:
    """The period in words, without its dates: ``6 tháng đầu năm 2025``, ``quý I năm 2024``.

    A custom period is named by its first and last day (``từ ngày 01/01/2024 đến ngày
    31/03/2024``).
    """
    code: Lang = "vi" if lang == "vi" else "en"
    if period.kind is PeriodKind.CUSTOM:
        return words(lang)["custom_period"].format(
            start=lang_date(period.start, code), end=lang_date(period.end, code)
        )
    name, _, _ = period.label(lang).partition(" (")  # the label is "name (start – end)"
    return name


def _failing_more(view: IndicatorView, mode: str, lang: str) -> IndicatorView:
    """The view with the sentence saying how many failing records are not listed, and why."""
    if not view.failing_omitted:
        return view
    w = words(lang)
    template = w.get(f"failing_more_{mode}", w["failing_more_all"])
    code: Lang = "vi" if lang == "vi" else "en"
    return attrs.evolve(view, failing_more=template.format(n=number(view.failing_omitted, code)))


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
        suppress_below: ``k`` for a published report: every count from 1 to ``k - 1``,
            and the counts that would let a reader narrow one to fewer than ``k``
            values (:func:`threeno.reporting.publication.marks`), show as ``x``;
            shares with a hidden part lose their percentage, and no record is listed
            (no failing records, no rejections, problems, notes or placement lines);
            of the data quality, only
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
    marks = None if k is None else publication.marks(evaluation, k)
    if plan is not None and plan.id != evaluation.plan_id:
        msg = f"the evaluation is of plan {evaluation.plan_id}, not {plan.id}"
        raise ValidationError(msg, cls_name="render", field="plan")
    period = evaluation.period
    header = Header(
        plan_id=evaluation.plan_id,
        plan_title=None if plan is None else (plan.title_vi if lang == "vi" else plan.title_en),
        plan_number=None if plan is None else plan.number,
        period=str(period),
        period_label=_period_name(period, lang),
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
        overview=_overview(evaluation, load_report, lang),
        settings=_settings(evaluation, plan, lang),
        indicators=tuple(
            _failing_more(_indicator(s, lang, plan, marks), evaluation.explain_mode, lang)
            for s in evaluation.results.values()
        ),
        quality=_quality(evaluation.data_quality, load_report, lang, published=k is not None),
        suppress_below=k,
    )
