"""Messages of Excel workbooks: reading one, its template, the report as a workbook.

Part of :data:`threeno.messages.TEMPLATES` (each code once across the parts); the wording
is Vietnamese first, then English, as ``str.format`` templates with the forms the
package's docstring lists. A cell's value is never quoted unless the column is one of
dates or numbers (a person's data is never in those).
"""

from __future__ import annotations

from typing import Final

TEMPLATES: Final[dict[str, tuple[str, str]]] = {
    # -- a workbook that cannot be read (DatasetError) ----------------------------------
    "xlsx_not_installed": (
        ('đọc, ghi tệp Excel (.xlsx) cần cài thêm gói openpyxl: pip install "threeno[excel]"'),
        'reading and writing Excel files (.xlsx) needs openpyxl: pip install "threeno[excel]"',
    ),
    "xlsx_not_a_workbook": (
        "tệp {file}: không phải sổ tính Excel (.xlsx) đọc được ({detail})",
        "{file}: not an Excel workbook (.xlsx) that can be read ({detail})",
    ),
    "xlsx_sheet_unreadable": (
        "tệp {file}: không đọc được trang tính {sheet!r}, tệp bị hỏng ({detail})",
        "{file}: the sheet {sheet!r} cannot be read, the file is damaged ({detail})",
    ),
    "xlsx_part_too_large": (
        (
            "tệp {file}: phần {part!r} khi giải nén có {size:number} byte, vượt giới hạn"
            " {limit:number} byte (LoadLimits)"
        ),
        (
            "{file}: part {part!r} unpacks to {size:number} bytes, more than the limit of"
            " {limit:number} bytes (LoadLimits)"
        ),
    ),
    "xlsx_too_many_parts": (
        "tệp {file}: {count:number} phần nén, vượt giới hạn {limit:number}",
        "{file}: {count:number} parts, more than the limit of {limit:number}",
    ),
    "xlsx_too_many_rows": (
        "tệp {file}, trang tính {sheet!r}: hơn {limit:number} dòng (LoadLimits)",
        "{file}, sheet {sheet!r}: more than {limit:number} rows (LoadLimits)",
    ),
    "xlsx_unknown_sheets": (
        (
            "tệp {file}: trang tính {names} không phải trang dữ liệu nào (các trang dữ liệu:"
            " {expected}); đổi tên hoặc xoá trang đó"
        ),
        (
            "{file}: sheets {names} hold no record type (the sheets of records: {expected});"
            " rename or delete them"
        ),
    ),
    "xlsx_sheet_twice": (
        "tệp {file}: hai trang tính cùng ghi {record_type}: {names}",
        "{file}: two sheets hold {record_type}: {names}",
    ),
    "xlsx_no_record_sheets": (
        "tệp {file}: không có trang dữ liệu nào (các trang dữ liệu: {expected})",
        "{file}: no sheet of records (the sheets of records: {expected})",
    ),
    "xlsx_empty_sheet": (
        (
            "tệp {file}, trang tính {sheet!r}: không có dòng tiêu đề (các cột của"
            " {record_type}: {columns})"
        ),
        "{file}, sheet {sheet!r}: no header row (the columns of {record_type}: {columns})",
    ),
    "xlsx_columns": (
        "tệp {file}, trang tính {sheet!r}: {faults} (các cột của {record_type}: {columns})",
        "{file}, sheet {sheet!r}: {faults} (the columns of {record_type} are {columns})",
    ),
    "xlsx_header_unknown": (
        "ô {cell} của dòng tiêu đề không phải tên cột (không nêu ra vì có thể là dữ liệu)",
        "cell {cell} of the header row is not a column name (not quoted: it may be data)",
    ),
    "xlsx_not_streamable": (
        "tệp {file}: không có trang tính {record_type}",
        "{file}: no sheet of {record_type}",
    ),
    # -- notes -----------------------------------------------------------------------
    "xlsx_sheet_skipped": (
        "tệp {file}: bỏ qua trang tính {sheet!r} (trang hướng dẫn hoặc danh mục của mẫu)",
        "{file}: sheet {sheet!r} skipped (the template's instructions or lists)",
    ),
    "xlsx_chart_skipped": (
        "tệp {file}: bỏ qua trang biểu đồ {sheet!r} (không có dữ liệu)",
        "{file}: chart sheet {sheet!r} skipped (it holds no records)",
    ),
    "xlsx_hidden_sheet_read": (
        "tệp {file}: trang tính {sheet!r} đang ẩn, vẫn được đọc",
        "{file}: sheet {sheet!r} is hidden, and was read",
    ),
    "xlsx_sheet_missing": (
        "tệp {file}: không có trang tính {sheet!r}: không có dữ liệu loại này",
        "{file}: no sheet {sheet!r}: no {record_type}",
    ),
    "xlsx_empty_rows_skipped": (
        "tệp {file}, trang tính {sheet!r}: bỏ qua {count:number} dòng trống",
        "{file}, sheet {sheet!r}: {count:number} empty rows skipped",
    ),
    # -- a cell's problems (the reasons a row is rejected) -------------------------------
    "xlsx_number_in_text": (
        (
            "ô chứa số, nhưng cột này ghi văn bản (mã, danh mục): định dạng cột là Văn bản"
            " rồi gõ lại, để giữ các số 0 ở đầu"
        ),
        (
            "the cell holds a number, but the column holds text (codes, lists): format the"
            " column as Text and type it again, so that leading zeros stay"
        ),
    ),
    "xlsx_date_not_expected": (
        "ô chứa ngày tháng, nhưng cột này không ghi ngày",
        "the cell holds a date, but the column holds no date",
    ),
    "xlsx_flag_not_expected": (
        "ô chứa TRUE/FALSE, nhưng cột này không ghi Có/Không",
        "the cell holds TRUE/FALSE, but the column holds no yes or no",
    ),
    "xlsx_not_a_date_serial": (
        "số {value} không phải là một ngày: gõ ngày theo dạng dd/mm/yyyy",
        "the number {value} is not a date: type the date as dd/mm/yyyy",
    ),
    "xlsx_merged_cell": (
        "ô thuộc vùng ô gộp {range}: bỏ gộp ô và ghi đủ giá trị ở từng dòng",
        "the cell is part of the merged cells {range}: unmerge them and fill in every row",
    ),
    "xlsx_cell_beyond_header": (
        "ô {cell} có giá trị nhưng cột của ô không có tiêu đề",
        "cell {cell} holds a value, but its column has no header",
    ),
    # -- the template --------------------------------------------------------------------
    "xlsx_output_suffix": (
        "tệp {path}: sổ tính Excel phải có đuôi .xlsx",
        "{path}: an Excel workbook's name must end in .xlsx",
    ),
}
