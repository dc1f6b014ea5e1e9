"""The report as data: the classes every format reads, built once by ``build_view``.

Each is a frozen attrs class of what a report shows, in its language: the header, the
overview and the settings at the top, one :class:`IndicatorView` per indicator (rows,
breakdowns, figures, failing records, chart), and the data-quality section; the
renderers of :mod:`threeno.reporting.render` only lay them out.

Plan clauses: IV.2 (the report the standing body consolidates).
"""

from __future__ import annotations

import datetime as dt  # noqa: TC003 - Sphinx evaluates the annotations to link them

import attrs

from threeno.lang import Lang  # noqa: TC001 - Sphinx evaluates the annotations to link them

__all__ = [
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
]


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
        unit_name: the name of the unit it counts in (``""`` for an agency's report).

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       ``unit_name``.
    """

    record_id: str
    unit_code: str | None
    reason: str
    unit_name: str = ""


@attrs.frozen(kw_only=True)
class Bar:
    """One bar of a chart: a unit's share, and where it is drawn.

    Args:
        label: the unit's name.
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
        clauses: the ids of the plan clauses it serves (keys for tools).
        citations: the same clauses as the plan refers to them ("điểm 3 mục I").
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
        in_progress: the records in progress the evaluation kept: in the denominator,
            not in the numerator, and not failing (a crime report still within its time
            limit, or suspended), each with the line that says which.
        in_progress_omitted: how many records in progress the evaluation did not keep.
        in_progress_more: the sentence that says how many records in progress are not
            listed, and why (``""`` when all are).

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       ``clauses`` are the plan's (none when no clause of the plan lists the
       indicator); ``failing_more``; ``in_progress``, ``in_progress_omitted``,
       ``in_progress_more``; ``citations``.
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
    in_progress: tuple[FailingRecord, ...] = ()
    in_progress_omitted: int = 0
    in_progress_more: str = ""
    citations: tuple[str, ...] = ()


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
        key: ``count_receipt_day``, ``crosswalk``, ``suspension_counts_as_resolved``,
            ``calendar``, ``days_allowed`` or ``assess_assumed_targets`` (its note says
            why each target the plan does not set is a reading).
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

    lang: Lang
    words: dict[str, str]
    explain_mode: str
    header: Header
    overview: Overview
    settings: tuple[Setting, ...]
    indicators: tuple[IndicatorView, ...]
    quality: QualityView
    suppress_below: int | None = None
