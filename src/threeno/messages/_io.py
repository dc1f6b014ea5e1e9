"""Messages of loading data.

A record's problems in the converter's and the readers' words, a load's notes, and
sources that cannot be read.

Part of :data:`threeno.messages.TEMPLATES` (each code once across the parts); the wording
is Vietnamese first, then English, as ``str.format`` templates with the forms the
package's docstring lists.
"""

from __future__ import annotations

from typing import Final

TEMPLATES: Final[dict[str, tuple[str, str]]] = {
    # -- loading data (io) -----------------------------------------------------------
    "units_not_checked": (
        "chưa kiểm tra mã đơn vị hành chính: không có kế hoạch",
        "unit codes were not checked: no plan was given",
    ),
    # Where a message names a source that is not a file: data given in memory.
    "the_document": ("tài liệu được truyền vào", "the document"),
    # A record's own problems (the reasons it is rejected), in the converter's words...
    "not_a_number": (
        "phải là số, không phải {type:kind}",
        "must be a number, not {type}",
    ),
    "not_finite": (
        "phải là số hữu hạn, không phải {value}",
        "must be a finite number, not {value}",
    ),
    "date_with_time": (
        "phải là ngày (YYYY-MM-DD), không kèm giờ, không phải {value}",
        "must be a date (YYYY-MM-DD) without a time, not {value}",
    ),
    "date_not_text": (
        "phải là ngày ghi dạng văn bản YYYY-MM-DD, không phải {type:kind}",
        "must be a date as text YYYY-MM-DD, not {type}",
    ),
    "date_format": (
        "phải là ngày ghi theo dạng YYYY-MM-DD, không phải {value!r}",
        "must be a date written YYYY-MM-DD, not {value!r}",
    ),
    "no_such_date": (
        "{value!r} không phải là ngày có thật",
        "{value!r} is not a date that exists",
    ),
    "datetime_format": (
        "phải là ngày giờ ghi theo dạng YYYY-MM-DDThh:mm:ss+hh:mm, không phải {value!r}",
        "must be a date and time written YYYY-MM-DDThh:mm:ss+hh:mm, not {value!r}",
    ),
    "no_such_datetime": (
        "{value!r} không phải là ngày giờ có thật",
        "{value!r} is not a date and time that exists",
    ),
    "datetime_not_text": (
        "phải là ngày giờ ghi dạng văn bản, không phải {type:kind}",
        "must be a date and time as text, not {type}",
    ),
    "datetime_without_offset": (
        "{value} thiếu độ lệch múi giờ; hãy ghi thêm, ví dụ +07:00",
        "{value} has no offset; write one, e.g. +07:00",
    ),
    "enum_not_text": (
        "phải là mã ghi dạng văn bản, không phải {type:kind}; các mã hợp lệ: {choices}",
        "must be one of {known} (as text), not {type}",
    ),
    "not_an_object": (
        "phải là một nhóm {{khóa: giá trị}}, không phải {type:kind}",
        "must be an object of {{key: value}} pairs, not {type}",
    ),
    "unknown_key": (
        "không có trong từ điển dữ liệu",
        "unknown key",
    ),
    "missing_key": (
        "bắt buộc phải có nhưng bị thiếu",
        "required key missing",
    ),
    "invalid_value": (
        "giá trị không hợp lệ",
        "{detail}",
    ),
    # ... and in the readers' words (a line of a file, a cell of a CSV row).
    "line_too_long": (
        "dòng dài hơn {limit:number} byte, vượt giới hạn (LoadLimits.line_bytes)",
        "line longer than {limit:number} bytes, the limit (LoadLimits.line_bytes)",
    ),
    "not_utf8": (
        "không phải văn bản UTF-8 (byte 0x{byte:02x}); hãy lưu tệp dạng UTF-8",
        "not UTF-8 text (byte 0x{byte:02x}); save the file as UTF-8",
    ),
    "not_json": (
        "không phải JSON hợp lệ (cột {column})",
        "not valid JSON: {detail} (column {column})",
    ),
    "duplicate_json_key": (
        "không phải JSON hợp lệ: khóa {key!r} lặp lại trong cùng một nhóm",
        "not valid JSON: duplicate key {key!r} in an object",
    ),
    "json_constant": (
        "không phải JSON hợp lệ: {name} không phải là số JSON",
        "not valid JSON: {name} is not a JSON number",
    ),
    "too_deep": (
        "lồng nhau quá {depth} cấp, vượt giới hạn (LoadLimits.depth)",
        "nested more than {depth} levels deep, the limit (LoadLimits.depth)",
    ),
    "not_csv": (
        "không phải CSV hợp lệ",
        "not valid CSV: {detail}",
    ),
    "cell_count": (
        "dòng có {count} ô, nhưng dòng tiêu đề có {columns} cột",
        "{count} cells, but the header has {columns} columns",
    ),
    "empty_cell": (
        "ô trống: phải có giá trị",
        "empty cell: a value is required",
    ),
    "empty_part": (
        "để trống: phải có giá trị",
        "empty: a value is required",
    ),
    "cell_not_whole_number": (
        "phải là số nguyên, không phải {value!r}",
        "must be a whole number, not {value!r}",
    ),
    "cell_not_boolean": (
        "phải là true hoặc false, không phải {value!r}",
        "must be true or false, not {value!r}",
    ),
    "cell_object_form": (
        "phải ghi theo dạng {form}, không phải {value!r}",
        "must be written {form}, not {value!r}",
    ),
    "unreadable": (
        "không đọc được ({type})",
        "could not be read ({type})",
    ),
    # A load's notes (LoadReport.notes).
    "file_missing": (
        "không có tệp {file}: không có dữ liệu loại này",
        "no file {file}: no {record_type}",
    ),
    "empty_rows_skipped": (
        "tệp {file}: bỏ qua {count:number} dòng trống",
        "{file}: {count} empty rows skipped",
    ),
    "file_ignored": (
        "thư mục {folder}: bỏ qua {name!r} (không phải tệp dữ liệu)",
        "{folder}: {name!r} ignored (not a file of records)",
    ),
    # A note given as text by a caller (its words, the same in both languages).
    "note": ("{text}", "{text}"),
    # A strict load that rejected records or found problems (LoadReportError).
    "load_rejected": (
        "có {rejected:number} bản ghi bị loại và {problems:number} vấn đề giữa các bản ghi",
        "{rejected:number} records rejected and {problems:number} problems between records",
    ),
    # Sources that cannot be read at all (a DatasetError, the load stops).
    "no_such_path": (
        "{path}: không có tệp hay thư mục này",
        "{path}: no such file or folder",
    ),
    "cannot_load": (
        (
            "không nạp được bộ dữ liệu từ {type:kind}: hãy đưa vào một tệp, một thư mục, một"
            " mapping hoặc một iterable các dict"
        ),
        (
            "cannot load a dataset from {type}: give a file, a folder, a mapping or an iterable"
            " of dicts"
        ),
    ),
    "limits_not_limits": (
        "{function}: limits phải là một LoadLimits, không phải {type}",
        "{function}: limits must be a LoadLimits, not {type}",
    ),
    "limit_not_positive": (
        "phải là số nguyên từ 1 trở lên, không phải {value}",
        "must be a whole number, 1 or more, not {value}",
    ),
    "file_too_large": (
        (
            "tệp {file}: {size:number} byte, vượt giới hạn {limit:number} byte của một tệp dữ"
            " liệu (LoadLimits)"
        ),
        (
            "{file}: {size:number} bytes, more than the limit of {limit:number} bytes for a file"
            " of records (LoadLimits)"
        ),
    ),
    "document_too_large": (
        (
            "tệp {file}: {size:number} byte, vượt giới hạn {limit:number} byte của một tài liệu"
            " JSON (LoadLimits)"
        ),
        (
            "{file}: {size:number} bytes, more than the limit of {limit:number} bytes for a JSON"
            " document (LoadLimits)"
        ),
    ),
    "file_line_too_long": (
        (
            "tệp {file}, dòng {line}: dòng dài hơn {limit:number} byte, vượt giới hạn"
            " (LoadLimits.line_bytes)"
        ),
        (
            "{file}, line {line}: line longer than {limit:number} bytes, the limit"
            " (LoadLimits.line_bytes)"
        ),
    ),
    "csv_not_utf8": (
        (
            "tệp {file}, dòng {line}: không phải văn bản UTF-8 (byte 0x{byte:02x}); hãy lưu tệp"
            " dạng UTF-8 (trong Excel: CSV UTF-8)"
        ),
        (
            "{file}, line {line}: not UTF-8 text (byte 0x{byte:02x}); save the file as UTF-8"
            " (in Excel: CSV UTF-8)"
        ),
    ),
    "csv_not_csv": (
        "tệp {file}, dòng {line}: không phải CSV hợp lệ",
        "{file}, line {line}: not valid CSV: {detail}",
    ),
    "csv_empty_file": (
        "tệp {file}: tệp trống; dòng đầu tiên phải ghi tên các cột: {columns}",
        "{file}: empty file; its first row must name the columns: {columns}",
    ),
    "csv_no_header": (
        (
            "tệp {file}: dòng đầu tiên không có tên cột nào của {record_type} (thiếu dòng tiêu"
            " đề?); {count} ô của dòng này không được nêu ra vì có thể là dữ liệu (các cột của"
            " {record_type}: {columns})"
        ),
        (
            "{file}: the first row names none of the columns of {record_type} (is the header row"
            " missing?); its {count} cells are not quoted, since they may be data (the columns"
            " of {record_type} are {columns})"
        ),
    ),
    "csv_columns": (
        "tệp {file}: {faults} (các cột của {record_type}: {columns})",
        "{file}: {faults} (the columns of {record_type} are {columns})",
    ),
    "column_twice": ("cột {column!r} xuất hiện hai lần", "column {column!r} appears twice"),
    "column_missing": ("thiếu cột {column!r}", "missing column {column!r}"),
    "column_extra": ("thừa cột {column!r}", "extra column {column!r}"),
    "not_a_records_file": (
        (
            "tệp {file}: không phải tệp dữ liệu; hãy đặt tên tệp theo loại dữ liệu, ví dụ"
            " crime_reports.jsonl hoặc crime_reports.csv (các loại: {types})"
        ),
        (
            "{file}: not a file of records; name it after its record type, e.g."
            " crime_reports.jsonl or crime_reports.csv (the types are {types})"
        ),
    ),
    "unknown_files": (
        (
            "thư mục {folder}: không nhận ra tệp {names}; mỗi thư mục có một tệp cho mỗi loại"
            " dữ liệu, tên là {expected}"
        ),
        "{folder}: unknown file {names}; a folder holds one file per record type, named {expected}",
    ),
    "mixed_formats": (
        "thư mục {folder}: có cả tệp JSON Lines và tệp CSV; mỗi thư mục chỉ dùng một định dạng",
        "{folder}: holds both JSON Lines and CSV files; keep one format per folder",
    ),
    "no_record_files": (
        (
            "thư mục {folder}: không có tệp dữ liệu nào; cần các tệp tên là {expected} (hoặc"
            " cùng tên với đuôi .csv)"
        ),
        (
            "{folder}: no files of records; expected files named {expected} (or the same names"
            " ending .csv)"
        ),
    ),
    "document_not_utf8": (
        (
            "tệp {file}, dòng {line}: không phải văn bản UTF-8 (byte 0x{byte:02x}); hãy lưu tệp"
            " dạng UTF-8"
        ),
        "{file}, line {line}: not UTF-8 text (byte 0x{byte:02x}); save the file as UTF-8",
    ),
    "empty_document": (
        'tệp {file}: tệp trống; bộ dữ liệu phải là một nhóm JSON có "schema": "{schema}"',
        '{file}: empty file; a dataset is a JSON object with "schema": "{schema}"',
    ),
    "document_not_json": (
        "tệp {file}: không phải JSON hợp lệ (dòng {line}, cột {column})",
        "{file}: not valid JSON: {detail} (line {line}, column {column})",
    ),
    "document_json_problem": (
        "tệp {file}: {problem}",
        "{file}: {problem}",
    ),
    "document_not_object": (
        (
            '{where}: bộ dữ liệu phải là một nhóm JSON có "schema": "{schema}" và một danh'
            " sách cho mỗi loại dữ liệu, không phải {type:kind}"
        ),
        (
            '{where}: a dataset is a JSON object with "schema": "{schema}" and one list per'
            " record type, not {type}"
        ),
    ),
    "no_schema": (
        '{where}: thiếu khóa "schema"; hãy ghi "schema": "{schema}" trước tiên',
        '{where}: no "schema" key; write "schema": "{schema}" first',
    ),
    "unknown_schema": (
        "{where}: không nhận ra schema {version!r}; phiên bản threeno này đọc được {readable}",
        "{where}: unknown schema {version!r}; this release of threeno reads {readable}",
    ),
    "unknown_document_keys": (
        "{where}: không nhận ra khóa {keys}; các khóa hợp lệ: schema, {types}",
        "{where}: unknown key {keys}; the keys are schema, {types}",
    ),
    "records_not_list": (
        "{where}: {name!r} phải là một danh sách bản ghi, không phải {type:kind}",
        "{where}: {name!r} must be a list of records, not {type}",
    ),
    "record_not_a_dict": (
        "records[{index}]: mỗi bản ghi phải là một dict, không phải {type:kind}",
        "records[{index}]: a record is a dict, not {type}",
    ),
    "record_type_missing": (
        (
            "records[{index}]: thiếu 'record_type'; mỗi bản ghi ghi loại dữ liệu của nó, là"
            " một trong: {types}"
        ),
        "records[{index}]: no 'record_type'; each record names its type, one of {types}",
    ),
    "record_type_unknown": (
        (
            "records[{index}]: 'record_type' {name!r} không phải loại dữ liệu nào; mỗi bản ghi"
            " ghi loại dữ liệu của nó, là một trong: {types}"
        ),
        (
            "records[{index}]: an unknown {name!r} as 'record_type'; each record names its"
            " type, one of {types}"
        ),
    ),
    "unknown_record_type": (
        "không có loại dữ liệu {value!r}; các loại: {types}",
        "unknown record type {value!r}; the types are {types}",
    ),
    "no_such_file": (
        "tệp {file}: không tồn tại",
        "{file}: no such file",
    ),
    "not_streamable": (
        "tệp {file}: chỉ đọc lần lượt được tệp .jsonl, .csv hoặc sổ tính Excel .xlsx",
        "{file}: records are streamed from a .jsonl, .csv or Excel .xlsx file",
    ),
    "counts_do_not_add_up": (
        "{accepted} hợp lệ + {rejected} bị loại khác với {read} đã đọc",
        "{accepted} accepted + {rejected} rejected is not the {read} read",
    ),
    # -- what the readers refuse: repeated ids, first rows, unprintable texts, numbers too
    # large, plan files that cannot be read; partitions that share ids
    "duplicate_id": (
        "trùng mã: mã này còn có ở {others}; mọi bản ghi có mã lặp lại đều bị loại",
        "duplicate id: the same id is also at {others}; every record whose id repeats is rejected",
    ),
    "place_line": (
        "dòng {line}",
        "line {line}",
    ),
    "place_index": (
        "{record_type}[{index}]",
        "{record_type}[{index}]",
    ),
    "more_places": (
        "và {count:number} chỗ khác",
        "and {count:number} more",
    ),
    "column_unknown": (
        (
            "ô thứ {position} của dòng đầu tiên không phải tên cột (không nêu ra vì có thể "
            "là dữ liệu)"
        ),
        "cell {position} of the first row is not a column name (not quoted: it may be data)",
    ),
    "stream_not_a_folder": (
        "{path}: không phải thư mục dữ liệu (mỗi loại dữ liệu một tệp .jsonl hoặc .csv)",
        "{path}: not a folder of records (one .jsonl or .csv file per record type)",
    ),
    "dask_file_name": (
        (
            "{file}: tên tệp không phải tên một loại dữ liệu (mỗi tệp một loại dữ liệu:"
            " {expected}; hoặc .csv)"
        ),
        "{file}: not named after a record type (one file per record type: {expected}; or .csv)",
    ),
    "dask_glob_empty": (
        "{pattern}: không có tệp dữ liệu nào",
        "{pattern}: no file of records",
    ),
    "stream_both_formats": (
        "thư mục {folder}: có cả {first} và {second}; mỗi loại dữ liệu chỉ giữ một tệp",
        "{folder}: both {first} and {second}; keep one per type",
    ),
    "unprintable_text": (
        (
            "chứa {kind} {char} ở ký tự thứ {position}: văn bản không in ra được đúng như "
            "nó là nên bị loại; hãy xóa ký tự này"
        ),
        (
            "holds {kind} {char} at character {position}: a text that cannot be printed as "
            "it is is refused; remove the character"
        ),
    ),
    "char_control": (
        "ký tự điều khiển",
        "a control character",
    ),
    "char_line_separator": (
        "ký tự ngắt dòng Unicode",
        "a Unicode line separator",
    ),
    "char_bidi": (
        "ký tự điều khiển hướng chữ",
        "a bidirectional control",
    ),
    "char_surrogate": (
        "nửa cặp thay thế UTF-16 đứng lẻ",
        "an unpaired surrogate (half of a UTF-16 pair)",
    ),
    "number_too_large": (
        (
            "phải có giá trị tuyệt đối không quá {limit:number} (2^53 − 1, số nguyên lớn "
            "nhất mà JSON trao đổi chính xác giữa các phần mềm, RFC 8259 mục 6)"
        ),
        (
            "must be at most {limit:number} in absolute value (2^53 − 1, the largest whole "
            "number JSON exchanges exactly between tools, RFC 8259 section 6)"
        ),
    ),
    "json_number_too_long": (
        "không phải JSON đọc được: có một số dài hơn {limit:number} chữ số",
        "not valid JSON: a number of more than {limit:number} digits",
    ),
    "personal_data_in_field": (
        (
            "chứa dữ liệu cá nhân của chính người này (họ tên, số định danh hoặc số điện "
            "thoại); dữ liệu cá nhân chỉ ghi ở full_name, national_id và phone, còn mã phải "
            "là bí danh"
        ),
        (
            "holds the person's own personal data (her name, national id or phone); "
            "personal data goes in full_name, national_id and phone only, and an id is a "
            "pseudonym"
        ),
    ),
    "plan_number_too_long": (
        "{source}: có một số dài hơn {limit:number} chữ số",
        "{source}: a number of more than {limit:number} digits",
    ),
    "plan_too_large": (
        "tệp kế hoạch {file}: {size:number} byte, vượt giới hạn {limit:number} byte",
        "plan file {file}: {size:number} bytes, more than the limit of {limit:number} bytes",
    ),
    "plan_not_utf8": (
        (
            "không đọc được tệp kế hoạch {file}: dòng {line} không phải văn bản UTF-8 (byte "
            "0x{byte:02x}); hãy lưu tệp dạng UTF-8"
        ),
        (
            "cannot read plan file {file}: line {line} is not UTF-8 text (byte "
            "0x{byte:02x}); save the file as UTF-8"
        ),
    ),
    "partitions_share_ids": (
        (
            "hai phần đánh giá có chung {count:number} mã bản ghi {record_type}: mỗi bản "
            "ghi chỉ được ở một phần, nếu không sẽ bị tính hai lần (khi đọc, mọi bản sao "
            "của một mã lặp lại đều bị loại)"
        ),
        (
            "the two evaluations share {count:number} {record_type} id(s): a record must be "
            "in one partition only, or it is counted twice (when read, every copy of a "
            "repeated id is rejected)"
        ),
    ),
}
