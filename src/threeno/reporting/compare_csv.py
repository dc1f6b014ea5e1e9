"""The comparison of a plan and a revision as one CSV table.

:func:`to_csv` writes a :class:`~threeno.reporting.compare_view.ComparisonView` as the
rows of one table: what the alternative changes, then for each indicator that changed
its results, its breakdown categories and its records (by id only), with the codes for
tools in the last columns. It is what
:func:`~threeno.reporting.compare_view.render_comparison` writes for ``csv``.

Plan clauses: IV.2 (the reports of the standing body).

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Final

from threeno.reporting.render import SIMULATED_MARK

if TYPE_CHECKING:
    from threeno.reporting.compare_view import ComparisonView

__all__ = ["CSV_COLUMNS", "to_csv"]


#: The columns of the CSV comparison, what a person reads first and then the codes.
CSV_COLUMNS: Final = (
    "section",
    "indicator_name",
    "unit_name",
    "baseline",
    "alternative",
    "difference",
    "status",
    "note",
    "indicator",
    "unit",
    "dimension",
    "category",
    "record",
    "alternative_id",
)
_CSV_HEADERS: Final = {
    "vi": (
        "Phần",
        "Nội dung",
        "Đơn vị, nhóm",
        "Phương án gốc",
        "Phương án so sánh",
        "Chênh lệch",
        "Đánh giá",
        "Ghi chú",
        "Mã chỉ tiêu",
        "Mã đơn vị",
        "Mã phân tổ",
        "Mã nhóm",
        "Mã bản ghi",
        "Mã phương án so sánh",
    ),
    "en": CSV_COLUMNS,
}
_CSV_SECTIONS: Final = {
    "vi": {"change": "thay đổi", "result": "kết quả", "breakdown": "phân tổ", "record": "bản ghi"},
    "en": {"change": "change", "result": "result", "breakdown": "breakdown", "record": "record"},
}
_FORMULA_START: Final = ("=", "+", "-", "@", "\t", "\r")


def _csv_text(text: str) -> str:
    """A text cell a spreadsheet shows as text, never runs as a formula (OWASP)."""
    return f"'{text}" if text.startswith(_FORMULA_START) else text


def to_csv(view: ComparisonView, *, simulated: bool, header: bool = True) -> str:
    """The comparison as CSV rows, the header first unless ``header`` is false."""
    sections = _CSV_SECTIONS[view.lang]
    rows: list[list[str]] = []
    if simulated:
        rows.append(["", SIMULATED_MARK[view.lang], *[""] * 11])
    for change in view.differences:
        cells = [sections["change"], change.label, "", "", "", change.text, "", change.note]
        rows.append([*cells, "", "", "", "", ""])
    for ind in view.indicators:
        for row in (*ind.rows, *ind.categories):
            numbers = row.numbers
            rows.append(
                [
                    sections["result" if numbers.dimension is None else "breakdown"],
                    row.name,
                    row.unit,
                    row.baseline,
                    row.alternative,
                    row.delta,
                    row.status,
                    "",
                    row.indicator,
                    numbers.unit or "",
                    numbers.dimension or "",
                    numbers.category or "",
                    "",
                ]
            )
        for rec in ind.records:
            cells = [sections["record"], ind.name, "", rec.baseline, rec.alternative, "", "", ""]
            rows.append([*cells, ind.id, "", "", "", rec.record_id])
    out = io.StringIO()
    writer = csv.writer(out)
    if header:
        writer.writerow(_CSV_HEADERS[view.lang])
    writer.writerows([*(_csv_text(cell) for cell in row), view.alternative_id] for row in rows)
    return out.getvalue()
