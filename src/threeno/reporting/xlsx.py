"""The consolidated report's tables as an Excel workbook (``report --format xlsx``).

:func:`render_xlsx` writes what the other formats show
(:func:`threeno.reporting.view.build_view`, with the same words): a summary sheet (the
header, the records behind the report, the warnings, the settings, and the table of
indicators with the whole area's value, target and status), then one sheet per
indicator, named by its number in the report (``Chỉ tiêu 1``), with its name, clauses,
numerator, denominator and target, its table by unit, its extra figures and its
disaggregations. The column headers are the CSV report's
(:data:`threeno.reporting.render.CSV_HEADERS`).

Numbers are numbers: a count is a whole number formatted ``#,##0``, a share a fraction
formatted ``0.0%`` (a spreadsheet set to Vietnamese shows ``94,3%``, to English
``94.3%``); the ``Kết quả`` column keeps the text the report writes. A published report
(``suppress_below``) hides exactly what the other formats hide: a hidden number is the
text ``x``, as those formats write it, and no record is listed. Text a spreadsheet
would run as a formula is stored as text, never as a formula. The bytes depend only on
the arguments (every part dated the first day of the period).

Needs openpyxl: ``pip install 'threeno[excel]'``.

Plan clauses: IV.2 (the standing body consolidates the reports).

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import TYPE_CHECKING, Any, Final

from threeno.io._xlsxsheets import fixed_zip, openpyxl_or_refuse
from threeno.lang import Lang, check_lang
from threeno.lang import date as lang_date
from threeno.reporting.render import CSV_COLUMNS, CSV_HEADERS, SIMULATED_MARK
from threeno.reporting.view import NO_VALUE, build_view

if TYPE_CHECKING:
    from threeno.indicators.results import Evaluation
    from threeno.io.report import LoadReport
    from threeno.model.plan import Plan
    from threeno.reporting.view import Cell, IndicatorView, ReportView

__all__ = ["COUNT_FORMAT", "SHARE_FORMAT", "render_xlsx"]

#: The number format of a share, a percentage with one decimal, written with the
#: decimal sign of the spreadsheet's language (``94,3%`` in Vietnamese).
SHARE_FORMAT: Final = "0.0%"
#: The number format of a count, its thousands grouped as the spreadsheet's language
#: groups them (``19.353`` in Vietnamese).
COUNT_FORMAT: Final = "#,##0"
#: Shown for a number a published report hides, as the other formats show it.
HIDDEN: Final = "x"


def _heads(lang: Lang, *keys: str) -> list[str]:
    headers = dict(zip(CSV_COLUMNS, CSV_HEADERS[lang], strict=True))
    return [headers[k] for k in keys]


class _Sheet:
    """A sheet written row by row: text as text, numbers with their formats."""

    def __init__(self, sheet: Any) -> None:  # noqa: ANN401 - an openpyxl sheet
        self.sheet = sheet
        self.row = 0

    def put(self, *values: object, bold: bool = False) -> None:
        from openpyxl.styles import Font  # noqa: PLC0415

        self.row += 1
        for column, value in enumerate(values, start=1):
            if value is None or value == "":
                continue
            cell = self.sheet.cell(row=self.row, column=column)
            if isinstance(value, _Number):
                cell.value = value.value
                cell.number_format = value.format
            else:
                cell.value = str(value)
                cell.data_type = "s"  # never a formula
            if bold:
                cell.font = Font(bold=True)

    def gap(self) -> None:
        self.row += 1


class _Number:
    """A number and its format."""

    def __init__(self, value: float, number_format: str) -> None:
        self.value = value
        self.format = number_format


def _count(value: int | None, cell: Cell) -> object:
    if value is None:
        return HIDDEN if cell.suppressed else ""
    return _Number(value, COUNT_FORMAT)


def _value(cell: Cell) -> object:
    if cell.value is None:
        return HIDDEN if cell.suppressed else ""
    if isinstance(cell.value, float):
        return _Number(cell.value, SHARE_FORMAT)
    return _Number(cell.value, COUNT_FORMAT)


def _cells(cell: Cell, *, share: bool) -> tuple[object, ...]:
    """Numerator, denominator, value and the report's text of a cell (of a share or not)."""
    if cell.text == NO_VALUE:  # no data: never a number, whatever the raw figures
        return ("", "", "", cell.text)
    denominator = _count(cell.denominator, cell) if share else ""
    return (_count(cell.numerator, cell), denominator, _value(cell), cell.text)


def _summary(out: _Sheet, view: ReportView, lang: Lang, *, simulated: bool) -> None:
    w, h, o = view.words, view.header, view.overview
    if simulated:
        out.put(SIMULATED_MARK[lang], bold=True)
    out.put(w["title"], bold=True)
    if h.plan_title:
        out.put(w["plan"], h.plan_title + (f" ({h.plan_number})" if h.plan_number else ""))
    out.put(w["period"], h.period_label)
    out.put(w["dates"], f"{lang_date(h.start, lang)} – {lang_date(h.end, lang)}")
    out.put(w["convention"], h.convention)
    if h.area:
        out.put(w["area"], ", ".join(h.area))
    out.put(f"{w['units']} ({len(h.units)})", ", ".join(f"{c} {n}" for c, n in h.units))
    if h.generated_on is not None:
        out.put(w["generated_on"], lang_date(h.generated_on, lang))
    for fact in o.facts:
        out.put(fact.label, fact.text)
    for warning in o.warnings:
        out.put(warning.label, warning.text)
    if view.suppress_below:
        k = view.suppress_below
        out.put(w["published"], w["published_note"].format(k=k, last=k - 1))
    out.gap()
    out.put(w["settings"], bold=True)
    for setting in view.settings:
        text = f"{setting.text} — {setting.note}" if setting.note else setting.text
        out.put(setting.label, text)
    out.gap()
    out.put(w["contents"], bold=True)
    out.put(
        w["indicator"], w["name"], *_heads(lang, "value", "text", "target", "status"), bold=True
    )
    for i, ind in enumerate(view.indicators, start=1):
        total = ind.rows[-1]
        cells = _cells(total.cell, share=ind.kind == "share")
        out.put(_title(w, i), ind.name, cells[2], cells[3], ind.target, total.status_label)


def _title(words: dict[str, str], number: int) -> str:
    return f"{words['indicator']} {number}"


def _indicator(
    out: _Sheet, view: ReportView, ind: IndicatorView, lang: Lang, *, simulated: bool
) -> None:
    w = view.words
    if simulated:
        out.put(SIMULATED_MARK[lang], bold=True)
    out.put(ind.name, bold=True)
    out.put(w["clauses"], ", ".join(ind.clauses) or "—")
    out.put(w["kind"], ind.kind_label)
    out.put(w["numerator"], ind.numerator)
    if ind.denominator is not None:
        out.put(w["denominator"], ind.denominator)
    out.put(w["target"], ind.target)
    share = ind.kind == "share"
    out.gap()
    heads = _heads(lang, "unit_name", "numerator", "denominator", "value", "text", "target")
    out.put(*heads, *_heads(lang, "status", "unit"), bold=True)
    for row in ind.rows:
        out.put(
            row.unit_name,
            *_cells(row.cell, share=share),
            row.target,
            row.status_label,
            row.unit_code,
        )
    if ind.figures:
        out.gap()
        out.put(w["figures"], bold=True)
        for label, cell in ind.figures:
            out.put(label, *_cells(cell, share=cell.denominator is not None))
    for breakdown in ind.breakdowns:
        out.gap()
        out.put(f"{w['breakdowns']}: {breakdown.label}", bold=True)
        heads = _heads(lang, "category_label", "numerator", "denominator", "value", "text")
        out.put(*heads, *_heads(lang, "category"), bold=True)
        for cat in breakdown.rows:
            out.put(cat.label, *_cells(cat.cell, share=share), cat.category)


def render_xlsx(  # noqa: PLR0913 - the report's options, all keyword-only
    evaluation: Evaluation,
    *,
    lang: Lang = "vi",
    plan: Plan | None = None,
    load_report: LoadReport | None = None,
    generated_on: dt.date | None = None,
    suppress_below: int | None = None,
    simulated: bool = False,
) -> bytes:
    """The consolidated report's tables as an Excel workbook (.xlsx), as bytes.

    Args:
        evaluation: the evaluation (:func:`threeno.indicators.engine.evaluate`).
        lang: ``"vi"`` (the default) or ``"en"``.
        plan: the plan evaluated.
        load_report: the data's load report (the records behind the report).
        generated_on: a date to print as the report's date (none by default).
        suppress_below: ``k`` for a report to publish, as for
            :func:`threeno.reporting.render.render`.
        simulated: whether the data are the bundled synthetic data (a first row says so
            on every sheet).

    Raises:
        ValidationError: as :func:`threeno.reporting.render.render`.
        DatasetError: without the ``excel`` extra (``xlsx_not_installed``).

    Plan clauses: IV.2.
    """
    code = check_lang(lang)
    openpyxl = openpyxl_or_refuse()
    from openpyxl.writer.excel import ExcelWriter  # noqa: PLC0415

    view = build_view(
        evaluation,
        lang=code,
        plan=plan,
        load_report=load_report,
        generated_on=generated_on,
        suppress_below=suppress_below,
    )
    book = openpyxl.Workbook()
    first = book.active
    first.title = view.words["contents"][:31]
    _summary(_Sheet(first), view, code, simulated=simulated)
    first.column_dimensions["A"].width = 30
    first.column_dimensions["B"].width = 60
    for i, ind in enumerate(view.indicators, start=1):
        sheet = book.create_sheet(_title(view.words, i)[:31])
        _indicator(_Sheet(sheet), view, ind, code, simulated=simulated)
        sheet.column_dimensions["A"].width = 30
    when = view.header.start
    book.properties.creator = "threeno"
    book.properties.lastModifiedBy = "threeno"
    book.properties.created = book.properties.modified = _midnight(when)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).save()
    return fixed_zip(buffer.getvalue(), when)


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day)  # noqa: DTZ001 - a day, no time
