"""Helpers of the Excel tests: the bundled plan's template, filled in as an office would."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

import openpyxl

from threeno.io.xlsx_template import write_workbook
from threeno.plans import load_plan

if TYPE_CHECKING:
    from pathlib import Path

    from threeno.model.plan import Plan


@functools.cache
def plan() -> Plan:
    """The bundled plan (Lai Châu city, 2024)."""
    return load_plan("lai-chau-2024")


def fill(
    path: Path,
    rows: dict[str, list[dict[str, Any]]],
    *,
    lang: str = "vi",
    personal_data: bool = False,
    merge: tuple[str, str] | None = None,
) -> Path:
    """The template of :func:`plan` written at ``path``, with ``rows`` typed in.

    Args:
        path: the workbook to write.
        rows: per sheet title, the rows below the header, each ``{header: value}``
            (a value as Excel stores it: text, a number, a date, a boolean).
        lang: the template's language.
        personal_data: a template with the columns of personal data.
        merge: a sheet title and a range of cells to merge (``("Vụ án hình sự", "C2:C3")``).
    """
    write_workbook(path, plan=plan(), lang=lang, personal_data=personal_data)  # type: ignore[arg-type]
    book = openpyxl.load_workbook(path)
    for title, values in rows.items():
        sheet = book[title]
        headers = {cell.value: int(cell.column or 0) for cell in sheet[1]}
        for number, row in enumerate(values, start=2):
            for header, value in row.items():
                sheet.cell(row=number, column=headers[header], value=value)
    if merge is not None:
        book[merge[0]].merge_cells(merge[1])
    book.save(path)
    return path
