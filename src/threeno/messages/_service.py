"""Messages of the HTTP service (``threeno serve``, :mod:`threeno.serve`).

Part of :data:`threeno.messages.TEMPLATES` (each code once across the parts); the wording
is Vietnamese first, then English, as ``str.format`` templates with the forms the
package's docstring lists.
"""

from __future__ import annotations

from typing import Final

TEMPLATES: Final[dict[str, tuple[str, str]]] = {
    # -- the service -------------------------------------------------------------------
    # `threeno serve` (threeno.serve): a request's parameters, its body, the service's
    # limits and guards, and how an answer accounts for the records it did not count.
    "service_no_route": (
        "không có điểm truy cập này; /v1/openapi.json liệt kê các điểm truy cập",
        "no such endpoint; /v1/openapi.json lists the endpoints",
    ),
    "service_method_not_allowed": (
        "điểm truy cập này không nhận phương thức {method}; phương thức được nhận: {allowed}",
        "this endpoint does not take {method}; it takes {allowed}",
    ),
    "service_token_missing": (
        "dịch vụ yêu cầu mã truy cập: gửi kèm tiêu đề `Authorization: Bearer <mã>`",
        "this service needs a token: send the header `Authorization: Bearer <token>`",
    ),
    "service_token_invalid": (
        "mã truy cập không hợp lệ",
        "the token is not one this service accepts",
    ),
    "service_cors_not_allowed": (
        (
            "dịch vụ không nhận yêu cầu từ trang web ở nguồn gốc khác này; người quản trị"
            " cho phép bằng --cors-origin"
        ),
        (
            "this service takes no cross-origin request from this origin (its operator allows"
            " one with --cors-origin)"
        ),
    ),
    "service_parameter_unknown": (
        "không có tham số {name}; các tham số của điểm truy cập này: {known}",
        "unknown parameter {name}; this endpoint's parameters are {known}",
    ),
    "service_parameter_repeated": (
        "tham số {name} chỉ được ghi một lần",
        "parameter {name} may be given only once",
    ),
    "service_parameter_not_boolean": (
        "tham số {name} phải là true hoặc false, không phải {value}",
        "parameter {name} must be true or false, not {value}",
    ),
    "service_parameter_not_days": (
        "tham số {name} phải là số ngày nguyên từ 0 đến 366, không phải {value}",
        "parameter {name} must be a whole number of days from 0 to 366, not {value}",
    ),
    "service_parameter_not_date": (
        "tham số {name} phải là ngày ghi theo dạng YYYY-MM-DD, không phải {value}",
        "parameter {name} must be a date written YYYY-MM-DD, not {value}",
    ),
    "service_parameter_not_threshold": (
        "tham số {name} phải là số nguyên từ 2 trở lên, không phải {value}",
        "parameter {name} must be a whole number, 2 or more, not {value}",
    ),
    "service_parameter_not_choice": (
        "tham số {name} phải là một trong các giá trị {choices}, không phải {value}",
        "parameter {name} must be one of {choices}, not {value}",
    ),
    "service_unknown_plan": (
        "không có kế hoạch {plan}; các kế hoạch của dịch vụ: {known}",
        "no plan {plan}; this service's plans are {known}",
    ),
    "service_unknown_period": (
        (
            "kỳ báo cáo {text} không hợp lệ; các dạng hợp lệ: 2024 (năm), 2024-H1 (6 tháng),"
            " 2024-Q2 (quý), 2024-05 (tháng), 2024-01-01..2024-03-31 (từ ngày đến ngày)"
        ),
        (
            "no reporting period {text}; the forms are 2024 (year), 2024-H1 (half-year),"
            " 2024-Q2 (quarter), 2024-05 (month), 2024-01-01..2024-03-31 (from..to)"
        ),
    ),
    "service_unknown_indicator": (
        "không có chỉ tiêu {indicator}; danh mục chỉ tiêu gồm: {known}",
        "no indicator {indicator}; the catalogue has: {known}",
    ),
    "service_unit_not_in_plan": (
        "đơn vị {units} không thuộc các đơn vị của kế hoạch {plan} ngày {on}: {known}",
        "unit {units} is not one of plan {plan}'s units on {on}: {known}",
    ),
    "service_indicator_by_agency": (
        "chỉ tiêu {indicator} được tính theo cơ quan báo cáo, không theo đơn vị: bỏ tham số `unit`",
        "{indicator} is counted by reporting agency, not by unit: leave out the unit parameter",
    ),
    "service_suppress_without_publish": (
        "tham số `suppress_below` là ngưỡng của bản công bố: thêm `publish=true`",
        "suppress_below sets the threshold of a published report: add publish=true",
    ),
    "service_unknown_schema": (
        "không có lược đồ {name}; các lược đồ: {known}",
        "no schema {name}; the schemas are {known}",
    ),
    "service_not_json_type": (
        "nội dung yêu cầu phải là JSON (`Content-Type: application/json`), không phải {type}",
        "the request body must be JSON (Content-Type: application/json), not {type}",
    ),
    "service_body_too_large": (
        "nội dung yêu cầu vượt giới hạn {limit:number} byte của dịch vụ",
        "the request body is over the service's limit of {limit:number} bytes",
    ),
    "service_body_timeout": (
        "nội dung yêu cầu không được gửi hết trong {seconds} giây",
        "the request body did not arrive within {seconds} seconds",
    ),
    "service_body_incomplete": (
        "nội dung yêu cầu bị ngắt trước khi được gửi hết",
        "the request body was cut off before all of it arrived",
    ),
    "service_body_empty": (
        'nội dung yêu cầu trống; bộ dữ liệu phải là một nhóm JSON có "schema": "{schema}"',
        'the request body is empty; a dataset is a JSON object with "schema": "{schema}"',
    ),
    "service_body_not_utf8": (
        "nội dung yêu cầu, dòng {line}: không phải văn bản UTF-8 (byte 0x{byte:02x})",
        "the request body, line {line}: not UTF-8 text (byte 0x{byte:02x})",
    ),
    "service_body_not_json": (
        "nội dung yêu cầu không phải JSON hợp lệ (dòng {line}, cột {column})",
        "the request body is not valid JSON: {detail} (line {line}, column {column})",
    ),
    "service_body_duplicate_key": (
        "nội dung yêu cầu không phải JSON hợp lệ: một khóa lặp lại trong cùng một nhóm",
        "the request body is not valid JSON: a key appears twice in one object",
    ),
    "service_body_json_constant": (
        "nội dung yêu cầu không phải JSON hợp lệ: {name} không phải là số JSON",
        "the request body is not valid JSON: {name} is not a JSON number",
    ),
    "service_body_number_too_long": (
        "nội dung yêu cầu có một số dài hơn {digits:number} chữ số",
        "the request body holds a number of more than {digits:number} digits",
    ),
    "service_body_too_deep": (
        "nội dung yêu cầu lồng nhau quá {depth} cấp, vượt giới hạn của dịch vụ",
        "the request body is nested more than {depth} levels deep, the service's limit",
    ),
    "service_too_many_records": (
        "yêu cầu có {count:number} bản ghi, vượt giới hạn {limit:number} bản ghi của dịch vụ",
        "the request holds {count:number} records, more than the service's limit of {limit:number}",
    ),
    "service_no_crime_report": (
        'bộ dữ liệu không có tố giác, tin báo về tội phạm nào trong "crime_reports"',
        'the dataset holds no crime report in "crime_reports"',
    ),
    "service_several_crime_reports": (
        (
            "bộ dữ liệu có {count:number} tố giác, tin báo về tội phạm: chọn một bằng tham số"
            " `report_id`"
        ),
        "the dataset holds {count:number} crime reports: choose one with the report_id parameter",
    ),
    "service_crime_report_not_found": (
        "bộ dữ liệu không có tố giác, tin báo về tội phạm mã {report_id}",
        "no crime report {report_id} in the dataset",
    ),
    "service_crime_report_rejected": (
        "tố giác, tin báo về tội phạm bị loại; báo cáo tải dữ liệu (load_report) nêu lý do",
        "the crime report was rejected; the load report (load_report) says why",
    ),
    "service_as_of_before_receipt": (
        "ngày {as_of} trước ngày tiếp nhận {received_on}: chưa có thời hạn",
        "{as_of} is before the report was received ({received_on}): there is no limit yet",
    ),
    "service_busy": (
        (
            "dịch vụ đang bận ({running:number} lượt tính đang chạy, {waiting:number} lượt"
            " đang chờ); hãy thử lại sau giây lát"
        ),
        (
            "the service is busy ({running:number} evaluations running, {waiting:number}"
            " waiting); try again shortly"
        ),
    ),
    "service_timeout": (
        "yêu cầu chưa xong sau {seconds} giây, giới hạn của dịch vụ",
        "the request did not finish within {seconds} seconds, the service's limit",
    ),
    "service_internal_error": (
        "lỗi bên trong dịch vụ; hãy báo người quản trị mã yêu cầu {request_id}",
        "an internal error of the service; give its operator the request id {request_id}",
    ),
    "service_uncoded_error": (
        "dữ liệu đầu vào không hợp lệ (chi tiết chỉ có bằng tiếng Anh): {detail}",
        "invalid input: {detail}",
    ),
    "service_records_rejected": (
        "{count:number} bản ghi bị loại; báo cáo tải dữ liệu (load_report) liệt kê các bản ghi này",
        "{count:number} record(s) rejected; the load report (load_report) lists them",
    ),
    "service_records_left_out": (
        (
            "{count:number} bản ghi không được tính (mã đơn vị không có trong danh mục đơn vị"
            " hành chính: {unknown_unit:number}; mã đơn vị không có hiệu lực tại ngày của bản"
            " ghi: {not_valid_on_date:number}; đơn vị không thuộc phạm vi Kế hoạch:"
            " {out_of_scope:number}); gửi `allow_out_of_scope=true` nếu chấp nhận"
        ),
        (
            "{count:number} record(s) left out (unknown unit code: {unknown_unit:number}; unit"
            " not valid on the record's date: {not_valid_on_date:number}; unit not the plan's:"
            " {out_of_scope:number}); allow_out_of_scope=true accepts this"
        ),
    ),
    "service_records_left_out_allowed": (
        (
            "{count:number} bản ghi không được tính (mã đơn vị không có trong danh mục đơn vị"
            " hành chính: {unknown_unit:number}; mã đơn vị không có hiệu lực tại ngày của bản"
            " ghi: {not_valid_on_date:number}; đơn vị không thuộc phạm vi Kế hoạch:"
            " {out_of_scope:number}); đã chấp nhận (`allow_out_of_scope=true`)"
        ),
        (
            "{count:number} record(s) left out (unknown unit code: {unknown_unit:number}; unit"
            " not valid on the record's date: {not_valid_on_date:number}; unit not the plan's:"
            " {out_of_scope:number}); accepted (allow_out_of_scope=true)"
        ),
    ),
    "service_not_installed": (
        'lệnh `threeno serve` cần gói bổ sung: `pip install "threeno[serve]"`',
        'threeno serve needs the serve extra: pip install "threeno[serve]"',
    ),
    "service_token_file_unreadable": (
        "không đọc được tệp mã truy cập {file}",
        "cannot read the token file {file}",
    ),
    "service_token_file_empty": (
        "tệp mã truy cập {file} không có mã nào",
        "the token file {file} holds no token",
    ),
    "service_token_file_line": (
        "tệp mã truy cập {file}, dòng {line}",
        "the token file {file}, line {line}",
    ),
    "service_token_too_short": (
        "{where}: mã truy cập ngắn hơn {minimum} ký tự",
        "{where}: a token shorter than {minimum} characters",
    ),
    "service_seconds_not_positive": (
        "phải là số giây lớn hơn 0, không phải {value}",
        "must be a number of seconds above 0, not {value}",
    ),
    "service_plan_id_taken": (
        "tệp kế hoạch {file}: mã kế hoạch {plan} đã được dùng",
        "plan file {file}: the plan id {plan} is taken",
    ),
}
