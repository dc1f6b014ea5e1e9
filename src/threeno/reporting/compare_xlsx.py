"""The comparison of a plan and revisions of it as an Excel workbook.

:func:`comparison_xlsx` writes what every format of the comparison shows
(:class:`~threeno.reporting.compare_view.ComparisonView`, with the same words) in three
sheets: the comparison (the title, the two sides, the records classified differently,
what the alternative changes, and the whole area's results of every indicator); the
indicators that changed, one row per unit and breakdown category; and the records
classified differently, by id only, with each side's reason (never a person's data).
Several comparisons share the sheets: each row says which alternative it is about.

Numbers are numbers, as in the report's workbook (:mod:`threeno.reporting.xlsx`): a
count formatted ``#,##0``, a share a fraction formatted ``0.0%``, and a difference a
number in the same format (a difference of shares, ``-0.5``, shows ``-50.0%``: 50
percentage points); each side's and the difference's text, as the other formats write
them, stays beside. Text a spreadsheet would run as a formula is stored as text. The
bytes depend only on the comparison (every part dated the period's last day).

Needs openpyxl: ``pip install 'threeno[excel]'``.

Plan clauses: IV.2 (the reports of the standing body).

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import TYPE_CHECKING

from threeno.io._xlsxsheets import fixed_zip, openpyxl_or_refuse
from threeno.lang import count
from threeno.reporting.render import CSV_COLUMNS, CSV_HEADERS
from threeno.reporting.xlsx import COUNT_FORMAT, SHARE_FORMAT, _Number, _Sheet

if TYPE_CHECKING:
    from collections.abc import Sequence

    from threeno.indicators.compare import Numbers
    from threeno.reporting.compare_view import ComparisonView, Row

__all__ = ["comparison_xlsx"]

#: The codes' columns, named as the CSV comparison names them.
_CODES_VI = ("Mã chỉ tiêu", "Mã đơn vị", "Mã phân tổ", "Mã nhóm", "Mã phương án so sánh")
_CODES_EN = ("indicator", "unit", "dimension", "category", "alternative_id")


def _heads(view: ComparisonView, *keys: str) -> list[str]:
    """The report's own column names (numerator, denominator, value, text)."""
    headers = dict(zip(CSV_COLUMNS, CSV_HEADERS[view.lang], strict=True))
    return [headers[k] for k in keys]


def _numbers(numbers: Numbers | None, text: str) -> list[object]:
    """Numerator, denominator, value and the text of one side (blank when none)."""
    if numbers is None or not numbers.has_data:
        return ["", "", "", text]
    share = numbers.denominator is not None
    value: object = ""
    if numbers.value is not None:
        value = _Number(numbers.value, SHARE_FORMAT if share else COUNT_FORMAT)
    denominator = "" if numbers.denominator is None else _Number(numbers.denominator, COUNT_FORMAT)
    return [_Number(numbers.numerator, COUNT_FORMAT), denominator, value, text]


def _delta(row: Row) -> object:
    numbers = row.numbers
    if numbers.delta is None:
        return ""
    share = numbers.baseline is not None and numbers.baseline.denominator is not None
    return _Number(numbers.delta, SHARE_FORMAT if share else COUNT_FORMAT)


def _front(out: _Sheet, view: ComparisonView, mark: str | None) -> None:
    w = view.words
    if mark:
        out.put(mark, bold=True)
    out.put(w["title"], bold=True)
    out.put(w["plan"], view.plan)
    out.put(w["period"], view.period)
    for line in (view.baseline, view.alternative, *view.overview):
        out.put(line.label, line.text, line.note)
    out.gap()
    out.put(w["differences"], bold=True)
    for line in view.differences:
        out.put(line.label, line.text, line.note)
    if not view.differences:
        out.put(w["no_difference"])
    out.gap()
    out.put(w["summary"], bold=True)
    out.put(w["name"], w["baseline"], w["alternative"], w["delta"], w["status"], bold=True)
    for row in view.summary:
        out.put(row.name, row.baseline, row.alternative, row.delta, row.status)
    out.gap()


def _rows_head(out: _Sheet, view: ComparisonView) -> None:
    w = view.words
    parts = _heads(view, "numerator", "denominator", "value", "text")
    sides = [f"{side}: {part}" for side in (w["baseline"], w["alternative"]) for part in parts]
    codes = _CODES_VI if view.lang == "vi" else _CODES_EN
    delta = [w["delta"], f"{w['delta']}: {parts[-1]}"]
    out.put(w["name"], w["unit"], *sides, *delta, w["status"], *codes, bold=True)


def _rows(out: _Sheet, view: ComparisonView) -> None:
    for ind in view.indicators:
        for row in (*ind.rows, *ind.categories):
            numbers = row.numbers
            out.put(
                row.name,
                row.unit,
                *_numbers(numbers.baseline, row.baseline),
                *_numbers(numbers.alternative, row.alternative),
                _delta(row),
                row.delta,
                row.status,
                row.indicator,
                numbers.unit or "",
                numbers.dimension or "",
                numbers.category or "",
                view.alternative_id,
            )


def _records(out: _Sheet, view: ComparisonView, *, head: bool) -> None:
    w = view.words
    codes = _CODES_VI if view.lang == "vi" else _CODES_EN
    if head:
        out.put(w["record"], w["name"], w["baseline"], w["alternative"], codes[0], codes[-1])
    for ind in view.indicators:
        for rec in ind.records:
            out.put(
                rec.record_id, ind.name, rec.baseline, rec.alternative, ind.id, view.alternative_id
            )


def comparison_xlsx(views: Sequence[ComparisonView], *, day: dt.date, mark: str | None) -> bytes:
    """The comparisons as an Excel workbook (.xlsx): the same inputs give the same bytes.

    Args:
        views: one view per comparison, in one language (the first's).
        day: the date of every part of the workbook (the period's last day).
        mark: the mark of simulated data, first on every sheet (none for real data).

    Raises:
        DatasetError: without the ``excel`` extra (``xlsx_not_installed``).
    """
    openpyxl = openpyxl_or_refuse()
    from openpyxl.writer.excel import ExcelWriter  # noqa: PLC0415

    w = views[0].words
    book = openpyxl.Workbook()
    front = _Sheet(book.active)
    front.sheet.title = w["differences"][:31]
    rows = _Sheet(book.create_sheet(w["changed"][:31]))
    records = _Sheet(book.create_sheet(w["record"][:31]))
    for sheet in (rows, records):
        if mark:
            sheet.put(mark, bold=True)
    _rows_head(rows, views[0])
    for i, view in enumerate(views):
        _front(front, view, mark if i == 0 else None)
        _rows(rows, view)
        _records(records, view, head=i == 0)
    if not any(ind.records for view in views for ind in view.indicators):
        records.put(w["records_changed"], count(0, "trường hợp", "records", views[0].lang))
    for sheet, widths in ((front, (45, 60, 40)), (rows, (45, 35)), (records, (25, 45, 60, 60))):
        for column, width in zip("ABCD", widths, strict=False):
            sheet.sheet.column_dimensions[column].width = width
    when = dt.datetime(day.year, day.month, day.day)  # noqa: DTZ001 - a day, no time
    book.properties.creator = "threeno"
    book.properties.lastModifiedBy = "threeno"
    book.properties.created = book.properties.modified = when
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).save()
    return fixed_zip(buffer.getvalue(), day)
