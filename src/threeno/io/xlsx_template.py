"""The Excel workbook offices fill in: a plan's template, or records written into it.

``threeno template --plan ID --out so-lieu.xlsx`` writes :func:`write_workbook` of no
records: one sheet per record type with the columns of the data dictionary
(:data:`threeno.model.field_labels.FIELD_LABELS`, Vietnamese headers, or English with
``lang="en"``), each header's comment the field's description, drop-down lists for
every coded field (the plan's units in force in its year, its agencies, the labels of
each enumeration), date columns formatted ``dd/mm/yyyy`` and validated as dates, whole
numbers validated as such, text columns formatted as text (so that a unit code keeps its
leading zero), the header row frozen and protected (the sheet is protected without a
password, every cell below the header left unlocked), an instructions sheet, and the
lists of the drop-downs on a sheet of their own. The fields the model marks as personal
data have no column unless ``personal_data=True``.

Written with records (``dataset=``), the workbook reads back, through
:func:`threeno.io.datasets.load_dataset`, to the same records (enumerations written as
their labels, flags as Có/Không or Yes/No, dates as date cells). The bytes depend only on
the arguments: every part of the archive is dated the 1st of January of the plan's year.

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from threeno.io import _csvcells
from threeno.io._atomic import atomic_open, check_output
from threeno.io._xlsxsheets import (
    INSTRUCTIONS,
    LISTS,
    XlsxColumn,
    fixed_zip,
    openpyxl_or_refuse,
    refuse,
    sheet_columns,
)
from threeno.io.converter import shared_converter
from threeno.lang import Lang, check_lang, date
from threeno.model.dataset import RECORD_TYPES
from threeno.model.field_labels import SHEET_TITLES

if TYPE_CHECKING:
    import os
    from collections.abc import Iterable

    from threeno.model.dataset import Dataset, Record
    from threeno.model.plan import Plan

__all__ = ["workbook_bytes", "write_workbook"]

#: How many rows below the header the drop-downs and formats cover.
ROWS: Final = 1000
_DATE_FORMAT: Final = "DD/MM/YYYY"
_LAST_SERIAL: Final = 2958465  # 31/12/9999
_MAX_WHOLE: Final = (1 << 53) - 1
_FLAGS: Final = {"vi": ("Có", "Không"), "en": ("Yes", "No")}
_AGENCY_FIELDS: Final = frozenset({"agency", "receiving_agency", "provider_agency"})


def _words(lang: Lang) -> dict[str, str]:
    vi = lang == "vi"
    return {
        "required": "Bắt buộc" if vi else "Required",
        "optional": "Không bắt buộc" if vi else "Optional",
        "code": "Mã" if vi else "Code",
        "name": "Tên" if vi else "Name",
        "label": "Nhãn" if vi else "Label",
        "units": "Xã, phường" if vi else "Communes and wards",
        "agencies": "Cơ quan" if vi else "Agencies",
        "field": "Trường dữ liệu" if vi else "Field",
    }


def _plan_units(plan: Plan) -> list[tuple[str, str]]:
    """The plan's units in force on some day of its year: (code, name), in its order."""
    first, last = dt.date(plan.year, 1, 1), dt.date(plan.year, 12, 31)
    found: dict[str, str] = {}
    for u in plan.units:  # a code reused within the year: listed once, its first name
        if (u.valid_from is None or u.valid_from <= last) and (
            u.valid_to is None or first <= u.valid_to
        ):
            found.setdefault(u.code, u.name)
    return list(found.items())


class _Lists:
    """The lists sheet: one or two columns per list; the range each drop-down reads."""

    def __init__(self, sheet: Any, lang: Lang) -> None:  # noqa: ANN401 - an openpyxl sheet
        self.sheet = sheet
        self.lang = lang
        self.next_column = 1
        self.ranges: dict[str, str] = {}

    def add(
        self, key: str, title: str, rows: list[tuple[str, str]], heads: tuple[str, str]
    ) -> None:
        """Add a list: its values (first column, which the drop-down offers) and names."""
        from openpyxl.utils import get_column_letter, quote_sheetname  # noqa: PLC0415

        column = self.next_column
        self.next_column += 3
        self.sheet.cell(row=1, column=column, value=title)
        self.sheet.cell(row=2, column=column, value=heads[0])
        self.sheet.cell(row=2, column=column + 1, value=heads[1])
        for i, (value, name) in enumerate(rows, start=3):
            _text_cell(self.sheet.cell(row=i, column=column), value)
            _text_cell(self.sheet.cell(row=i, column=column + 1), name)
        letter = get_column_letter(column)
        last = max(3, 2 + len(rows))
        self.ranges[key] = f"{quote_sheetname(self.sheet.title)}!${letter}$3:${letter}${last}"


def _text_cell(cell: Any, value: str) -> None:  # noqa: ANN401 - an openpyxl cell
    """Write ``value`` as text, never as a formula (a value may begin with ``=``)."""
    cell.value = value
    cell.data_type = "s"


def _choices_key(column: XlsxColumn) -> str | None:
    if column.choices is not None:
        return column.choices.__name__
    if column.name == "unit_code":
        return "units"
    if column.name in _AGENCY_FIELDS:
        return "agencies"
    return None


def _fill_lists(lists: _Lists, plan: Plan, columns: list[XlsxColumn], lang: Lang) -> None:
    words = _words(lang)
    lists.add("units", words["units"], _plan_units(plan), (words["code"], words["name"]))
    agencies = [(a.id, a.name_vi if lang == "vi" else a.name_en) for a in plan.agencies]
    lists.add("agencies", words["agencies"], agencies, (words["code"], words["name"]))
    for column in columns:
        choices = column.choices
        if choices is None or choices.__name__ in lists.ranges:
            continue
        rows = [(m.label(lang), m.slug) for m in choices]
        lists.add(choices.__name__, choices.__name__, rows, (words["label"], words["code"]))


def _validations(sheet: Any, columns: list[XlsxColumn], lists: _Lists, lang: Lang) -> None:  # noqa: ANN401
    from openpyxl.utils import get_column_letter  # noqa: PLC0415
    from openpyxl.worksheet.datavalidation import DataValidation  # noqa: PLC0415

    vi = lang == "vi"
    for index, column in enumerate(columns, start=1):
        letter = get_column_letter(index)
        cells = f"{letter}2:{letter}{ROWS + 1}"
        key = _choices_key(column)
        kind = column.cell.kind
        if key is not None:
            rule = DataValidation(type="list", formula1=lists.ranges[key], allow_blank=True)
            rule.error = "Chọn một giá trị trong danh sách" if vi else "Pick a value of the list"
        elif column.is_date:
            rule = DataValidation(
                type="date", operator="between", formula1="1", formula2=str(_LAST_SERIAL)
            )
            rule.error = "Gõ một ngày dd/mm/yyyy" if vi else "Type a date dd/mm/yyyy"
        elif kind is _csvcells.Kind.WHOLE:
            rule = DataValidation(
                type="whole", operator="between", formula1="0", formula2=str(_MAX_WHOLE)
            )
            rule.error = "Gõ một số nguyên" if vi else "Type a whole number"
        elif kind is _csvcells.Kind.FLAG:
            yes, no = _FLAGS[lang]
            rule = DataValidation(type="list", formula1=f'"{yes},{no}"', allow_blank=True)
            rule.error = f"{yes} / {no}"
        else:
            continue
        rule.allow_blank = True
        rule.showErrorMessage = True
        rule.errorStyle = "stop"
        rule.add(cells)
        sheet.add_data_validation(rule)


def _record_sheet(  # noqa: PLR0913 - the sheet and what goes in it
    book: Any,  # noqa: ANN401 - an openpyxl workbook
    name: str,
    columns: list[XlsxColumn],
    lists: _Lists,
    *,
    records: Iterable[Record],
    lang: Lang,
) -> None:
    from openpyxl.comments import Comment  # noqa: PLC0415
    from openpyxl.styles import Font, Protection  # noqa: PLC0415
    from openpyxl.utils import get_column_letter  # noqa: PLC0415

    sheet = book.create_sheet(SHEET_TITLES[name][0 if lang == "vi" else 1])
    words = _words(lang)
    bold = Font(bold=True)
    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=index, value=column.header(lang))
        cell.font = bold
        need = words["required"] if column.cell.required else words["optional"]
        text = f"{column.name} ({need})\n{column.description}".strip()
        cell.comment = Comment(text, "threeno", width=300, height=160)
        letter = get_column_letter(index)
        dimension = sheet.column_dimensions[letter]
        wide = column.cell.kind in {_csvcells.Kind.LIST, _csvcells.Kind.OBJECTS}
        dimension.width = 30 if wide else max(12, min(40, len(column.header(lang)) + 4))
        dimension.protection = Protection(locked=False)
        dimension.number_format = _DATE_FORMAT if column.is_date else _number_format(column)
    sheet.freeze_panes = "A2"
    sheet.protection.sheet = True
    for option in ("formatColumns", "formatRows", "insertRows", "deleteRows", "sort", "autoFilter"):
        setattr(sheet.protection, option, False)  # False: the action is allowed
    _validations(sheet, columns, lists, lang)
    for row, record in enumerate(records, start=2):
        _write_record(sheet, row, columns, record, lang)


def _number_format(column: XlsxColumn) -> str:
    kind = column.cell.kind
    if kind is _csvcells.Kind.WHOLE:
        return "0"
    if kind is _csvcells.Kind.FLAG:
        return "General"
    return "@"


def _write_record(
    sheet: Any,  # noqa: ANN401 - an openpyxl sheet
    row: int,
    columns: list[XlsxColumn],
    record: Record,
    lang: Lang,
) -> None:
    from openpyxl.styles import Protection  # noqa: PLC0415

    data: dict[str, Any] = shared_converter().unstructure(record)
    cells = _csvcells.encode_record(tuple(c.cell for c in columns), data)
    unlocked = Protection(locked=False)
    for index, (column, text) in enumerate(zip(columns, cells, strict=True), start=1):
        if not text:
            continue
        cell = sheet.cell(row=row, column=index)
        cell.protection = unlocked
        value = getattr(record, column.name)
        if column.is_date:
            cell.value = value
            cell.number_format = _DATE_FORMAT
        elif column.cell.kind is _csvcells.Kind.WHOLE:
            cell.value = int(text)
        elif column.cell.kind is _csvcells.Kind.FLAG:
            cell.value = _FLAGS[lang][0 if value else 1]
        elif column.choices is not None:
            _text_cell(cell, value.label(lang))
        else:
            _text_cell(cell, text)
            cell.number_format = "@"


def _instructions(book: Any, plan: Plan, lang: Lang, columns: dict[str, list[XlsxColumn]]) -> None:  # noqa: ANN401
    from openpyxl.styles import Font  # noqa: PLC0415

    vi = lang == "vi"
    sheet = book.active
    sheet.title = INSTRUCTIONS[0 if vi else 1]
    title = plan.title_vi if vi else plan.title_en
    lines: list[str] = [
        "Mẫu nhập số liệu" if vi else "Data entry template",
        title,
        "",
        *(_RULES_VI if vi else _RULES_EN),
        "",
    ]
    for name in RECORD_TYPES:
        sheet_name = SHEET_TITLES[name][0 if vi else 1]
        lines.append(f"{sheet_name}:")
        lines.extend(f"  {c.header(lang)} ({c.name})" for c in columns[name])
    for row, line in enumerate(lines, start=1):
        _text_cell(sheet.cell(row=row, column=1), line)
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.column_dimensions["A"].width = 100
    day = date(dt.date(plan.year, 1, 1), lang)
    _text_cell(sheet.cell(row=len(lines) + 2, column=1), f"threeno — {plan.id} — {day}")


_RULES_VI: Final = (
    "Mỗi trang tính là một loại số liệu; mỗi dòng dưới dòng tiêu đề là một bản ghi.",
    "Không đổi tên trang tính, không sửa dòng tiêu đề, không gộp ô.",
    "Ngày gõ theo dạng dd/mm/yyyy (ví dụ 05/03/2024).",
    "Các cột có danh sách: chọn giá trị trong danh sách (trang Danh mục).",
    "Mã (mã bản ghi, mã xã, phường) ghi dạng văn bản, giữ các số 0 ở đầu.",
    "Cột nhiều giá trị: ghi các giá trị cách nhau bởi dấu chấm phẩy (S-1;S-2).",
    "Số nguyên: không có phần thập phân.",
    "Ghi chú ở ô tiêu đề giải thích từng cột (trường dữ liệu, bắt buộc hay không).",
)
_RULES_EN: Final = (
    "Each sheet is one kind of records; each row below the header is one record.",
    "Do not rename the sheets, change the header row or merge cells.",
    "Type dates as dd/mm/yyyy (for example 05/03/2024).",
    "Columns with a list: pick a value of the list (sheet Lists).",
    "Codes (record ids, commune and ward codes) are text: leading zeros stay.",
    "Columns of several values: separate them with semicolons (S-1;S-2).",
    "Whole numbers: no decimals.",
    "The comment of each header cell describes its column (field, required or not).",
)


def workbook_bytes(
    plan: Plan,
    dataset: Dataset | None = None,
    *,
    lang: Lang = "vi",
    personal_data: bool = False,
) -> bytes:
    """The workbook of ``plan`` (with the records of ``dataset``, if given), as bytes.

    Args:
        plan: the plan whose units and agencies the drop-downs offer.
        dataset: records to write into the sheets; none for the empty template.
        lang: the language of the headers, labels and instructions (``"vi"``, ``"en"``).
        personal_data: add the columns of the fields the model marks as personal data
            (and write their values); only for a register kept within one agency.

    Raises:
        DatasetError: without the ``excel`` extra (``xlsx_not_installed``).

    Plan clauses: IV.2 (the records the agencies report rest on); Nghị định
    13/2023/NĐ-CP (personal data).
    """
    lang = check_lang(lang)
    openpyxl = openpyxl_or_refuse()
    from openpyxl.writer.excel import ExcelWriter  # noqa: PLC0415

    book = openpyxl.Workbook()
    columns = {
        name: [c for c in sheet_columns(name) if personal_data or not c.personal]
        for name in RECORD_TYPES
    }
    _instructions(book, plan, lang, columns)
    lists = _Lists(book.create_sheet(LISTS[0 if lang == "vi" else 1]), lang)
    every = [c for name in RECORD_TYPES for c in columns[name]]
    _fill_lists(lists, plan, every, lang)
    for name in RECORD_TYPES:
        records = () if dataset is None else getattr(dataset, name)
        _record_sheet(book, name, columns[name], lists, records=records, lang=lang)
    book.move_sheet(lists.sheet, offset=len(RECORD_TYPES))
    lists.sheet.protection.sheet = True
    when = dt.datetime(plan.year, 1, 1)  # noqa: DTZ001 - a fixed date, not a time of day
    book.properties.creator = "threeno"
    book.properties.created = when
    book.properties.modified = when
    book.properties.lastModifiedBy = "threeno"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).save()
    return fixed_zip(buffer.getvalue(), dt.date(plan.year, 1, 1))


def write_workbook(  # noqa: PLR0913 - the workbook's options, all keyword-only
    target: str | os.PathLike[str],
    *,
    plan: Plan,
    dataset: Dataset | None = None,
    lang: Lang = "vi",
    personal_data: bool = False,
    inputs: Iterable[str | os.PathLike[str]] = (),
) -> Path:
    """Write :func:`workbook_bytes` to ``target`` (``.xlsx``), atomically.

    Raises:
        DatasetError: for a name not ending in ``.xlsx``, or without the ``excel`` extra.
        OutputError: as :func:`threeno.io.datasets.dump_dataset`.
    """
    path = Path(target)
    if path.suffix.lower() != ".xlsx":
        refuse("xlsx_output_suffix", path=str(path))
    check_output(path, inputs)
    data = workbook_bytes(plan, dataset, lang=lang, personal_data=personal_data)
    with atomic_open(path, inputs=inputs, encoding="latin-1", newline="") as out:
        out.write(data.decode("latin-1"))
    return path
