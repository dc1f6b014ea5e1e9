"""Messages of the command line.

Part of :data:`threeno.messages.TEMPLATES` (each code once across the parts); the wording
is Vietnamese first, then English, as ``str.format`` templates with the forms the
package's docstring lists.
"""

from __future__ import annotations

from typing import Final

TEMPLATES: Final[dict[str, tuple[str, str]]] = {
    # -- the command line --------------------------------------------------------------
    "cli_unknown_plan": (
        (
            "không có kế hoạch {plan} trong các kế hoạch kèm theo: {known}"
            " (đường dẫn tệp kế hoạch kết thúc bằng .toml)"
        ),
        "no bundled plan {plan}; bundled plans: {known} (a plan file's path ends in .toml)",
    ),
    "cli_unknown_period": (
        (
            "kỳ báo cáo {text} không hợp lệ; các dạng hợp lệ: 2024 (năm), 2024-H1 (6 tháng),"
            " 2024-Q2 (quý), 2024-05 (tháng), 2024-01-01..2024-03-31 (từ ngày đến ngày)"
        ),
        (
            "no reporting period {text}; the forms are 2024 (year), 2024-H1 (half-year),"
            " 2024-Q2 (quarter), 2024-05 (month), 2024-01-01..2024-03-31 (from..to)"
        ),
    ),
    "cli_no_demo_data": (
        "không có --data và kế hoạch {plan} không có dữ liệu mẫu: hãy chỉ ra dữ liệu bằng --data",
        "no --data given, and no demo data for plan {plan}: name the records with --data",
    ),
    "cli_unit_not_in_plan": (
        "đơn vị {units} không thuộc các đơn vị của kế hoạch {plan} ngày {on}: {known}",
        "unit {units} is not one of plan {plan}'s units on {on}: {known}",
    ),
    "cli_unknown_indicator": (
        "không có chỉ tiêu {indicator}; danh mục chỉ tiêu gồm: {known}",
        "no indicator {indicator}; the catalogue has: {known}",
    ),
    "cli_indicator_by_agency": (
        "chỉ tiêu {indicator} được tính theo cơ quan báo cáo, không theo đơn vị: bỏ --unit",
        "{indicator} is counted by reporting agency, not by unit: leave out --unit",
    ),
    "cli_rejected_in_report": (
        (
            "{count:number} bản ghi bị loại; phần chất lượng dữ liệu của báo cáo liệt kê các"
            " bản ghi này"
        ),
        "{count:number} record(s) rejected; the report's data-quality section lists them",
    ),
    "cli_rejected_see_validate": (
        "{count:number} bản ghi bị loại; lệnh `threeno validate` liệt kê các bản ghi này",
        "{count:number} record(s) rejected; `threeno validate` lists them",
    ),
    "cli_left_out": (
        (
            "{count:number} bản ghi không được tính (mã đơn vị không có trong danh mục đơn vị"
            " hành chính: {unknown_unit:number}; mã đơn vị không có hiệu lực tại ngày của bản"
            " ghi: {not_valid_on_date:number}; đơn vị không thuộc phạm vi Kế hoạch:"
            " {out_of_scope:number}); dùng --allow-out-of-scope nếu chấp nhận"
        ),
        (
            "{count:number} record(s) left out (unknown unit code: {unknown_unit:number}; unit"
            " not valid on the record's date: {not_valid_on_date:number}; unit not the plan's:"
            " {out_of_scope:number});"
            " --allow-out-of-scope accepts this"
        ),
    ),
    "cli_left_out_allowed": (
        (
            "{count:number} bản ghi không được tính (mã đơn vị không có trong danh mục đơn vị"
            " hành chính: {unknown_unit:number}; mã đơn vị không có hiệu lực tại ngày của bản"
            " ghi: {not_valid_on_date:number}; đơn vị không thuộc phạm vi Kế hoạch:"
            " {out_of_scope:number}); đã chấp nhận (--allow-out-of-scope)"
        ),
        (
            "{count:number} record(s) left out (unknown unit code: {unknown_unit:number}; unit"
            " not valid on the record's date: {not_valid_on_date:number}; unit not the plan's:"
            " {out_of_scope:number});"
            " accepted (--allow-out-of-scope)"
        ),
    ),
    "cli_document_options": (
        (
            "--number, --issued-on, --place, --recipient, --signer, --letterhead và --narrative"
            " chỉ dùng cho báo cáo dạng văn bản (--format md, html hoặc docx), không dùng cho"
            " --format {fmt}"
        ),
        (
            "--number, --issued-on, --place, --recipient, --signer, --letterhead and --narrative"
            " are for the report as a document (--format md, html or docx), not --format {fmt}"
        ),
    ),
    "cli_suppress_without_publish": (
        "--suppress-below là ngưỡng của bản công bố: thêm --publish",
        "--suppress-below sets the threshold of a published report: add --publish",
    ),
    "cli_unknown_revision": (
        (
            "không có phương án điều chỉnh {revision} trong các phương án kèm theo: {known}"
            " (đường dẫn tệp phương án kết thúc bằng .toml)"
        ),
        (
            "no bundled revision {revision}; bundled revisions: {known} (a revision file's"
            " path ends in .toml)"
        ),
    ),
    "cli_dask_not_installed": (
        (
            "{option} chạy việc tính toán trên cụm Dask và cần gói bổ sung:"
            ' `pip install "threeno[dask]"`'
        ),
        (
            "{option} runs the evaluation on a Dask cluster and needs the dask extra:"
            ' pip install "threeno[dask]"'
        ),
    ),
    "cli_dask_and_workers": (
        (
            "--dask (một cụm Dask có sẵn) và --workers (một cụm khởi động trên máy này) không"
            " dùng cùng nhau: chọn một"
        ),
        (
            "--dask (a running Dask cluster) and --workers (a cluster started on this machine)"
            " do not go together: choose one"
        ),
    ),
    "cli_dask_unreachable": (
        "không kết nối được bộ điều phối Dask {address}",
        "cannot reach the Dask scheduler {address}",
    ),
    "cli_dask_needs_folder": (
        (
            "{option} đọc một thư mục dữ liệu (mỗi loại dữ liệu một tệp .jsonl hoặc .csv)"
            " hoặc một tệp Excel, không đọc {path}"
        ),
        (
            "{option} reads a folder of records (one .jsonl or .csv file per record type) or"
            " an Excel workbook, not {path}"
        ),
    ),
    "cli_compare_no_publish": (
        (
            "bản so sánh các phương án là tài liệu làm việc nội bộ, liệt kê mã bản ghi: không"
            " có bản công bố (bỏ --publish)"
        ),
        (
            "a comparison is an internal working document that lists record ids: it has no"
            " published form (leave out --publish)"
        ),
    ),
}
