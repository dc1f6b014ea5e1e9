"""Messages with a stable code, written in Vietnamese or English.

Every sentence threeno shows about the data or the plan — a rejection reason, a problem
between records, a load note, a warning of an evaluation — is a :class:`Notice`: a stable,
machine-readable ``code`` (a tool matches it whatever the language) and the ``params``
that fill it, written out by :meth:`Notice.text` from :data:`TEMPLATES`, the one
catalogue of wordings (Vietnamese first, then English).

Params are ids, codes, field names, counts and dates — never a value that could be a
person's (the caller scrubs, see ``threeno.model._base.scrub``).

A template fills its params as :meth:`str.format` does (``{value!r}``, ``{byte:02x}``),
and also knows how each language writes a few of them:

* a param that is itself a :class:`Notice` (or a tuple of them, joined by ``"; "``) is
  written in the same language, so a message can hold another (a file's name, then
  what is wrong with it);
* ``{n:number}`` writes a whole number as :func:`threeno.lang.number` does (``19.353``
  in Vietnamese, ``19,353`` in English);
* ``{t:kind}`` writes the name of a value's type (``int``, ``str``, ``list``, ``dict``,
  ``object``, ``text``...) in words: ``số nguyên``, ``văn bản``... in Vietnamese, the
  name itself in English;
* ``{name:an}`` puts the English article before a class name (``an Extension``) and
  nothing in Vietnamese.

>>> from threeno.messages import Notice
>>> n = Notice("units_not_checked")
>>> n.text("en")
'unit codes were not checked: no plan was given'
>>> n.text("vi")
'chưa kiểm tra mã đơn vị hành chính: không có kế hoạch'

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import string
from collections.abc import Callable, Mapping  # noqa: TC003 - attrs reads the annotations
from types import MappingProxyType
from typing import Final

import attrs

from threeno.lang import Lang, check_lang, number

__all__ = ["TEMPLATES", "Notice"]

#: Every message's wording by code, ``(Vietnamese, English)``, as ``str.format``
#: templates filled with the notice's params. Codes are stable; a tool may match them.
TEMPLATES: Final[dict[str, tuple[str, str]]] = {
    # -- languages -------------------------------------------------------------------
    "unknown_language": (
        "không có ngôn ngữ {lang}: threeno viết tiếng Việt ('vi') và tiếng Anh ('en')",
        "unknown language {lang}: threeno writes 'vi' (Vietnamese) and 'en' (English)",
    ),
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
    # Every copy of a repeated id is rejected, whatever the order of the records; the
    # message names the other places (never the id: the rejection's place shows it, or
    # masks it). Params: others, a tuple of place_line or place_index notices, the last
    # perhaps more_places.
    "duplicate_id": (
        "trùng mã: mã này còn có ở {others}; mọi bản ghi có mã lặp lại đều bị loại",
        "duplicate id: the same id is also at {others}; every record whose id repeats is rejected",
    ),
    "place_line": ("dòng {line}", "line {line}"),
    "place_index": ("{record_type}[{index}]", "{record_type}[{index}]"),
    "more_places": ("và {count:number} chỗ khác", "and {count:number} more"),
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
    # A cell of the first row that is not a column name, by its position: the row may be a
    # record (its header lost), so its cells are never quoted. Params: position (from 1).
    "column_unknown": (
        "ô thứ {position} của dòng đầu tiên không phải tên cột (không nêu ra vì có thể là dữ liệu)",
        "cell {position} of the first row is not a column name (not quoted: it may be data)",
    ),
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
        "tệp {file}: chỉ đọc lần lượt được tệp .jsonl hoặc .csv",
        "{file}: records are streamed from a .jsonl or .csv file",
    ),
    "stream_not_a_folder": (
        ("{path}: không phải thư mục dữ liệu (mỗi loại dữ liệu một tệp .jsonl hoặc .csv)"),
        "{path}: not a folder of records (one .jsonl or .csv file per record type)",
    ),
    "stream_both_formats": (
        "thư mục {folder}: có cả {first} và {second}; mỗi loại dữ liệu chỉ giữ một tệp",
        "{folder}: both {first} and {second}; keep one per type",
    ),
    "counts_do_not_add_up": (
        "{accepted} hợp lệ + {rejected} bị loại khác với {read} đã đọc",
        "{accepted} accepted + {rejected} rejected is not the {read} read",
    ),
    # -- files: what could not be read or written, and why ---------------------------
    # An input that is not a regular file (nor a folder of them) is never opened: a device
    # (/dev/zero, /dev/urandom) would be read without end, a named pipe would wait for a
    # writer. Params: path, kind (one of the kind_* notices below).
    "input_not_regular": (
        (
            "{path}: là {kind}, không phải tệp thông thường; threeno chỉ đọc tệp thông thường"
            " (hoặc thư mục chứa các tệp đó)"
        ),
        "{path}: is {kind}, not a regular file; threeno reads regular files (or folders of them)",
    ),
    "input_is_folder": (
        "{path}: là thư mục, không phải tệp",
        "{path}: is a folder, not a file",
    ),
    "kind_fifo": ("một đường ống có tên (FIFO)", "a named pipe (FIFO)"),
    "kind_char_device": ("một thiết bị ký tự", "a character device"),
    "kind_block_device": ("một thiết bị khối", "a block device"),
    "kind_socket": ("một socket", "a socket"),
    "kind_other": ("một loại tệp đặc biệt", "a special file"),
    # The operating system refused: what was attempted, on which path, and its reason (one
    # of the os_* notices below). Params: path (or file, folder), reason.
    "cannot_read_file": (
        "{path}: không đọc được tệp: {reason}",
        "{path}: cannot read the file: {reason}",
    ),
    "cannot_list_folder": (
        "{path}: không liệt kê được các tệp trong thư mục: {reason}",
        "{path}: cannot list the folder's files: {reason}",
    ),
    "cannot_make_folder": (
        "{path}: không tạo được thư mục: {reason}",
        "{path}: cannot make the folder: {reason}",
    ),
    "cannot_write_file": (
        "{path}: không ghi được tệp: {reason}",
        "{path}: cannot write: {reason}",
    ),
    "cannot_write_in_folder": (
        "{path}: không ghi được vào thư mục {folder}: {reason}",
        "{path}: cannot write in {folder}: {reason}",
    ),
    "os_permission_denied": ("không có quyền truy cập", "permission denied"),
    "os_no_such_file": ("không có tệp hay thư mục này", "no such file or folder"),
    "os_not_a_folder": (
        "một phần của đường dẫn không phải là thư mục",
        "a part of the path is not a folder",
    ),
    "os_is_a_folder": ("là thư mục", "is a folder"),
    "os_read_only": ("hệ thống tệp chỉ cho đọc", "read-only file system"),
    "os_disk_full": ("hết dung lượng đĩa", "no space left on the disk"),
    "os_name_too_long": ("tên tệp quá dài", "file name too long"),
    "os_symlink_loop": ("quá nhiều liên kết tượng trưng", "too many symbolic links"),
    "os_exists": ("đã có tệp này", "the file exists"),
    "os_other": ("lỗi của hệ điều hành ({detail})", "{detail}"),
    # An output refused before anything is written (OutputError). Params: path, and input
    # (the input it would replace), folder, kind.
    "output_is_input": (
        "{path}: là tệp đầu vào của lệnh này; hãy ghi kết quả ra tệp khác",
        "{path}: is an input of this command; write the output to another file",
    ),
    "output_in_input_folder": (
        (
            "{path}: nằm trong thư mục đầu vào {folder}; hãy ghi kết quả ra ngoài thư mục đó"
            " (tệp thêm vào đó sẽ bị đọc như dữ liệu đầu vào ở lần sau)"
        ),
        (
            "{path}: is inside the input folder {folder}; write the output outside it"
            " (a file added there would be read as input next time)"
        ),
    ),
    "output_folder_missing": (
        "{path}: không có thư mục {folder}",
        "{path}: the folder {folder} does not exist",
    ),
    "output_is_folder": (
        "{path}: là thư mục, không phải tệp",
        "{path}: is a folder, not a file",
    ),
    "output_not_regular": (
        (
            "{path}: là {kind}, không phải tệp thông thường; threeno chỉ ghi tệp thông thường"
            " (để in ra màn hình, bỏ --out)"
        ),
        (
            "{path}: is {kind}, not a regular file; threeno writes only regular files (to"
            " print to the screen, leave out --out)"
        ),
    ),
    "output_not_a_path": (
        (
            "{path}: không dẫn đến một tệp có đường dẫn riêng (một liên kết tới đường ống,"
            " tới tệp đã xóa hoặc tới màn hình); để in ra màn hình, bỏ --out"
        ),
        (
            "{path}: does not lead to a file with a path of its own (a link to a pipe, a"
            " deleted file or the terminal); to print to the screen, leave out --out"
        ),
    ),
    "output_folder_is_file": (
        "{path}: không phải thư mục; các tệp được ghi vào một thư mục",
        "{path}: is not a folder; the files are written into a folder",
    ),
    "output_not_a_folder": (
        "{path}: không phải thư mục; định dạng {format} được ghi thành một thư mục các tệp",
        "{path}: not a folder; {format} is written as a folder of files",
    ),
    # -- the model's invariants --------------------------------------------------------
    # Values no output can show as they are, refused when read (any record or plan text,
    # any whole number). Params: kind (one of the char_* notices), char ("U+001B"),
    # position (from 1); limit (MAX_WHOLE_NUMBER).
    "unprintable_text": (
        (
            "chứa {kind} {char} ở ký tự thứ {position}: văn bản không in ra được đúng như nó"
            " là nên bị loại; hãy xóa ký tự này"
        ),
        (
            "holds {kind} {char} at character {position}: a text that cannot be printed as it"
            " is is refused; remove the character"
        ),
    ),
    "char_control": ("ký tự điều khiển", "a control character"),
    "char_line_separator": ("ký tự ngắt dòng Unicode", "a Unicode line separator"),
    "char_bidi": ("ký tự điều khiển hướng chữ", "a bidirectional control"),
    "char_surrogate": (
        "nửa cặp thay thế UTF-16 đứng lẻ",
        "an unpaired surrogate (half of a UTF-16 pair)",
    ),
    "number_too_large": (
        (
            "phải có giá trị tuyệt đối không quá {limit:number} (2^53 − 1, số nguyên lớn nhất"
            " mà JSON trao đổi chính xác giữa các phần mềm, RFC 8259 mục 6)"
        ),
        (
            "must be at most {limit:number} in absolute value (2^53 − 1, the largest whole"
            " number JSON exchanges exactly between tools, RFC 8259 section 6)"
        ),
    ),
    "json_number_too_long": (
        "không phải JSON đọc được: có một số dài hơn {limit:number} chữ số",
        "not valid JSON: a number of more than {limit:number} digits",
    ),
    # Values of the wrong type or form (any record or model object).
    "not_text": ("phải là văn bản, không phải {type:kind}", "must be text, not {type}"),
    "empty": ("không được để trống", "must not be empty"),
    "not_whole_number": (
        "phải là số nguyên, không phải {type:kind}",
        "must be a whole number, not {type}",
    ),
    "negative": ("phải từ 0 trở lên, không phải {value}", "must be 0 or more, not {value}"),
    "not_a_date": (
        "phải là ngày (YYYY-MM-DD), không phải {type:kind}",
        "must be a date (YYYY-MM-DD), not {type}",
    ),
    "not_boolean": (
        "phải là true hoặc false, không phải {type:kind}",
        "must be true or false, not {type}",
    ),
    "not_a_list": ("phải là danh sách, không phải {type:kind}", "must be a list, not {type}"),
    "wrong_item": (
        "phải là {expected:an}, không phải {type:kind}",
        "must be {expected:an}, not {type}",
    ),
    "not_a_year": (
        "phải là một năm (số nguyên), không phải {type:kind}",
        "must be a year, not {type}",
    ),
    "unknown_value": (
        "giá trị {value!r} không có trong danh mục; các mã hợp lệ: {choices}",
        "unknown {enum} {value!r}; known values: {known}",
    ),
    "label_not_code": (
        "{value!r} không phải là mã trong danh mục: hãy ghi mã {slug} (các mã hợp lệ: {choices})",
        "unknown {enum} {value!r}; known values: {known} (write the code {slug})",
    ),
    "listed_twice": ("{item} được ghi hai lần", "{item} is listed twice"),
    "id_listed_twice": ("mã {id!r} được ghi hai lần", "id {id!r} is listed twice"),
    "date_before": (
        "ngày {value} không được trước ngày {other_value} ở trường {other}",
        "{value} is before {other} {other_value}",
    ),
    # Subjects.
    "personal_data_in_field": (
        (
            "chứa dữ liệu cá nhân của chính người này (họ tên, số định danh hoặc số điện"
            " thoại); dữ liệu cá nhân chỉ ghi ở full_name, national_id và phone, còn mã phải"
            " là bí danh"
        ),
        (
            "holds the person's own personal data (her name, national id or phone); personal"
            " data goes in full_name, national_id and phone only, and an id is a pseudonym"
        ),
    ),
    "birth_year_out_of_range": (
        "phải từ năm {low} đến năm {high} (năm của registered_on), không phải {value}",
        "must be from {low} to {high} (the year of registered_on), not {value}",
    ),
    "span_overlaps": (
        (
            "'{category}' từ ngày {since} trùng thời gian với categories[{other}] (từ ngày"
            " {other_since} đến ngày {other_until})"
        ),
        "'{category}' from {since} overlaps categories[{other}] ({other_since} to {other_until})",
    ),
    "span_overlaps_open": (
        (
            "'{category}' từ ngày {since} trùng thời gian với categories[{other}] (từ ngày"
            " {other_since}, chưa kết thúc)"
        ),
        "'{category}' from {since} overlaps categories[{other}] ({other_since} to open)",
    ),
    # Crime reports and criminal cases (Bộ luật Tố tụng hình sự 2015, Art. 147-149).
    "not_an_article": (
        "phải là số điều của Bộ luật Hình sự, không phải {type:kind}",
        "must be an article number, not {type}",
    ),
    "article_below_one": (
        "phải là số điều của Bộ luật Hình sự (từ 1 trở lên), không phải {value}",
        "must be an article number (1 or more), not {value}",
    ),
    "second_extension": (
        (
            "gia hạn loại '{kind}' lần thứ hai; khoản 2 Điều 147 Bộ luật Tố tụng hình sự chỉ cho"
            " phép một lần"
        ),
        "a second '{kind}' extension; Art. 147(2) allows one",
    ),
    "procuracy_without_complex": (
        (
            "Viện kiểm sát chỉ gia hạn sau khi thời hạn đã kéo dài vì vụ việc phức tạp (khoản 2"
            " Điều 147 Bộ luật Tố tụng hình sự)"
        ),
        "a procuracy extension needs a complex-matter extension first (Art. 147(2))",
    ),
    "procuracy_before_complex": (
        (
            "ngày {value} trước ngày kéo dài thời hạn vì vụ việc phức tạp ({other_value}) mà Viện"
            " kiểm sát gia hạn tiếp (khoản 2 Điều 147 Bộ luật Tố tụng hình sự)"
        ),
        "{value} is before the complex-matter extension {other_value} it extends (Art. 147(2))",
    ),
    "suspension_not_last_open": (
        "còn thiếu: chỉ lần tạm đình chỉ cuối cùng mới được chưa phục hồi",
        "missing: only the last suspension may still be open",
    ),
    "decision_and_date": (
        "còn thiếu: quyết định và ngày ra quyết định phải ghi cùng nhau",
        "missing: a decision and its date come together",
    ),
    "decision_while_suspended": (
        (
            "phải là 'tam_dinh_chi' khi việc tạm đình chỉ từ ngày {since} chưa được phục hồi,"
            " không phải '{value}'"
        ),
        "must be 'tam_dinh_chi' while the suspension of {since} is open, not '{value}'",
    ),
    "no_decision_while_suspended": (
        (
            "phải là 'tam_dinh_chi' khi việc tạm đình chỉ từ ngày {since} chưa được phục hồi,"
            " nhưng chưa ghi quyết định nào"
        ),
        "must be 'tam_dinh_chi' while the suspension of {since} is open, and there is no decision",
    ),
    "decided_on_not_suspension_start": (
        "phải là ngày bắt đầu tạm đình chỉ chưa được phục hồi ({since})",
        "must be the open suspension's start {since}",
    ),
    "suspended_without_suspension": (
        "'tam_dinh_chi' cần có một lần tạm đình chỉ chưa được phục hồi trong suspensions",
        "'tam_dinh_chi' needs an open suspension",
    ),
    "reopened_not_no_case": (
        "chỉ quyết định 'khong_khoi_to' mới có thể bị hủy, không phải '{value}'",
        "only a 'khong_khoi_to' decision can be overturned, not '{value}'",
    ),
    "reopened_without_decision": (
        "chỉ quyết định 'khong_khoi_to' mới có thể bị hủy, nhưng chưa ghi quyết định nào",
        "only a 'khong_khoi_to' decision can be overturned, and there is no decision",
    ),
    "case_without_prosecution": (
        "chỉ quyết định 'khoi_to' mới dẫn đến vụ án hình sự, không phải '{value}'",
        "only a 'khoi_to' decision opens a case, not '{value}'",
    ),
    "case_without_decision": (
        "chỉ quyết định 'khoi_to' mới dẫn đến vụ án hình sự, nhưng chưa ghi quyết định nào",
        "only a 'khoi_to' decision opens a case, and there is no decision",
    ),
    "trial_without_indictment": (
        "phải truy tố rồi mới xét xử (thiếu indicted_on)",
        "a trial needs an indictment first (indicted_on is missing)",
    ),
    "verdict_without_trial": (
        "phải xét xử rồi mới có kết quả xét xử (thiếu tried_on)",
        "a verdict needs a trial (tried_on is missing)",
    ),
    # Support, outreach, reports, safety assessments.
    "not_a_language_code": (
        "phải là mã ngôn ngữ ISO 639 viết thường, ví dụ 'vi' hoặc 'hmn', không phải {value!r}",
        "must be a lower-case ISO 639 code such as 'vi' or 'hmn', not {value!r}",
    ),
    "fewer_participants": (
        (
            "số người tham dự ({value}) ít hơn số người thuộc diện quản lý được ghi là đã được"
            " tuyên truyền ({reached})"
        ),
        "{value} is fewer than the {reached} subjects reached",
    ),
    "not_a_period": (
        (
            "{value!r} không phải là kỳ báo cáo: hãy ghi 2024, 2024-H1, 2024-Q2, 2024-05,"
            " 2024-01-01..2024-03-31 hoặc adhoc:2024-03-02"
        ),
        (
            "{value!r} is not a period: write 2024, 2024-H1, 2024-Q2, 2024-05,"
            " 2024-01-01..2024-03-31 or adhoc:2024-03-02"
        ),
    ),
    "period_day_not_a_date": (
        "{day} trong {value!r} không phải là ngày có thật",
        "{day} in {value!r} is not a date",
    ),
    "period_ends_before_start": (
        "{value!r} có ngày kết thúc trước ngày bắt đầu",
        "{value!r} ends before it starts",
    ),
    "assessment_year_out_of_range": (
        (
            "phải từ năm {low} (năm Thông tư 124/2021/TT-BCA có hiệu lực) đến năm {high} (năm"
            " của assessed_on), không phải {value}"
        ),
        (
            "must be from {low} (Thông tư 124/2021 in force) to {high} (the year of"
            " assessed_on), not {value}"
        ),
    ),
    "failed_yet_met": (
        "có {count} tiêu chí không đạt nhưng meets_standard lại là true",
        "{count} criteria failed, yet meets_standard is true",
    ),
    # A dataset: duplicate ids, and the problems between records (Dataset.validate).
    "duplicate_ids": (
        "trùng mã {ids}: mỗi mã chỉ được dùng một lần trong một loại dữ liệu",
        "duplicate id {ids}: ids must be unique within a type",
    ),
    "unknown_subject": (
        "không có người thuộc diện quản lý mã {id!r}",
        "unknown subject {id!r}",
    ),
    "unknown_case": ("không có vụ án hình sự mã {id!r}", "unknown criminal case {id!r}"),
    "case_does_not_list_report": (
        "vụ án hình sự mã {id!r} không ghi tin này trong report_ids",
        "criminal case {id!r} does not list this report in its report_ids",
    ),
    "unknown_report": (
        "không có tố giác, tin báo về tội phạm, kiến nghị khởi tố mã {id!r}",
        "unknown crime report {id!r}",
    ),
    "report_without_case": (
        "tin mã {id!r} chưa ghi case_id, nên không thuộc vụ án này",
        "crime report {id!r} has case_id None, not this case",
    ),
    "report_of_other_case": (
        "tin mã {id!r} ghi case_id {case!r}, không phải vụ án này",
        "crime report {id!r} has case_id {case!r}, not this case",
    ),
    "unit_not_valid_on": (
        "{code!r} không phải mã đơn vị hành chính có hiệu lực vào ngày {on}",
        "{code!r} is not a valid unit on {on}",
    ),
    # Administrative units and their registry.
    "not_a_unit_code": (
        "phải là mã đơn vị hành chính gồm các chữ số, ghi dạng văn bản, không phải {value!r}",
        "must be a GSO code of digits as text, not {value!r}",
    ),
    "not_names": (
        "phải là danh sách tên, không tên nào để trống",
        "must be a list of non-empty names",
    ),
    "unit_code_length": (
        "mã đơn vị {level_vi} có {length} chữ số (giữ các số 0 ở đầu), không phải {value!r}",
        "a {level_en} code has {length} digits (keep leading zeros), not {value!r}",
    ),
    "province_with_parent": (
        "đơn vị cấp tỉnh không có đơn vị cấp trên, không phải {value!r}",
        "a province has no parent, not {value!r}",
    ),
    "not_a_parent_code": (
        "phải là mã của đơn vị hành chính cấp trên, không phải {value!r}",
        "must be the GSO code of the unit above, not {value!r}",
    ),
    "not_a_successor_code": (
        "phải là mã đơn vị hành chính ghi dạng văn bản, không phải {value!r}",
        "must be a GSO code as text, not {value!r}",
    ),
    "successor_without_end": (
        "đơn vị có đơn vị kế thừa phải ghi valid_to, ngày cuối cùng của nó",
        "a unit with a successor needs valid_to, its last day",
    ),
    "not_units": (
        "phải là một tập hợp đơn vị hành chính, không phải {type:kind}",
        "must be a collection of units, not {type}",
    ),
    "unit_versions_overlap": (
        (
            "hai phiên bản của mã {code} trùng thời gian: {name} ({span}) và {other_name}"
            " ({other_span})"
        ),
        "two versions of code {code} overlap: {name} ({span}) and {other_name} ({other_span})",
    ),
    "successor_not_in_registry": (
        "{code} {name} có đơn vị kế thừa {successor}, nhưng danh mục không có mã này vào ngày {on}",
        "{code} {name} has successor {successor}, which is not in the registry on {on}",
    ),
    "parent_not_in_registry": (
        "{code} {name} có đơn vị cấp trên {parent}, nhưng danh mục không có mã này ({span})",
        "{code} {name} has parent {parent}, which is not in the registry ({span})",
    ),
    "parent_not_in_registry_on": (
        (
            "{code} {name} có đơn vị cấp trên {parent}, nhưng danh mục không có mã này vào ngày"
            " {on} ({span})"
        ),
        "{code} {name} has parent {parent}, which is not in the registry on {on} ({span})",
    ),
    "parent_not_higher": (
        (
            "{code} {name} ({level_vi}) có đơn vị cấp trên {parent} {parent_name}, nhưng đơn vị"
            " này không ở cấp cao hơn"
        ),
        (
            "{code} {name} ({level_en}) has parent {parent} {parent_name}, which is not of a"
            " higher level"
        ),
    ),
    "unit_code_not_text": (
        "mã đơn vị hành chính phải ghi dạng văn bản (giữ các số 0 ở đầu), không phải {value}",
        "a unit code must be text (keep leading zeros), not {value}",
    ),
    "unit_date_not_a_date": (
        (
            "mã đơn vị hành chính {code}: ngày dùng để tra mã phải là ngày (YYYY-MM-DD), không"
            " phải {type:kind}"
        ),
        "unit code {code}: the date to read it on must be a date (YYYY-MM-DD), not {type}",
    ),
    "unknown_unit_code": (
        "mã đơn vị hành chính {code!r}{when}: không có trong danh mục{hint}",
        "unknown unit code {code!r}{when}: not in the registry{hint}",
    ),
    "on_date": (" vào ngày {on}", " on {on}"),
    "leading_zero_lost": (
        " (mất số 0 ở đầu? danh mục có mã {code})",
        " (a leading zero lost? {code} is known)",
    ),
    "unit_not_valid": (
        "mã đơn vị hành chính {code} không có hiệu lực{when}: mã này là {versions}",
        "unit code {code} is not valid{when}: it names {versions}",
    ),
    "unit_versions": (
        (
            "mã đơn vị hành chính {code} có {count} phiên bản ({versions}): hãy chỉ rõ bằng on=,"
            " một ngày phiên bản cần tìm có hiệu lực"
        ),
        (
            "unit code {code} has {count} versions ({versions}): say which with on=, a date it"
            " was valid"
        ),
    ),
    "unit_version": ("{name}, {span}", "{name}, {span}"),
    "unit_version_merged": (
        "{name}, {span}, sau đó sáp nhập vào {heir} {heir_name} từ ngày {heir_from}",
        "{name}, {span}, then merged into {heir} {heir_name} from {heir_from}",
    ),
    "span_always": ("có hiệu lực ở mọi thời điểm", "valid at every date"),
    "span_until": ("có hiệu lực đến ngày {end}", "valid until {end}"),
    "span_from": ("có hiệu lực từ ngày {start}", "valid from {start}"),
    "span_between": (
        "có hiệu lực từ ngày {start} đến ngày {end}",
        "valid from {start} to {end}",
    ),
    # Reporting periods.
    "term_year": ("năm", "year"),
    "term_half": ("nửa năm", "half"),
    "term_quarter": ("quý", "quarter"),
    "term_month": ("tháng", "month"),
    "at_field": ("{owner}.{field}: {problem}", "{owner}.{field}: {problem}"),
    "period_number": (
        "{what} phải là số nguyên từ {low} đến {high}, không phải {value!r}",
        "{what} must be a whole number from {low} to {high}, not {value!r}",
    ),
    "period_convention": (
        "convention phải là một Convention ({known}), không phải {value}",
        "convention must be a Convention ({known}), not {value}",
    ),
    "period_out_of_range": (
        "kỳ {kind_vi} thứ {index} của năm {year} nằm ngoài khoảng ngày Python biểu diễn được",
        "{kind_en} {index} of year {year} falls outside the dates Python can hold",
    ),
    "custom_period": (
        "kỳ tùy chọn {start}..{end}: {problem}",
        "custom period {start}..{end}: {problem}",
    ),
    "period_kind_not_standard": (
        "kind phải là month, quarter, half_year hoặc year, không phải {value}",
        "kind must be month, quarter, half_year or year, not {value}",
    ),
    "containing_day_not_a_date": (
        "day phải là ngày (YYYY-MM-DD), không phải {type:kind}",
        "day must be a date (YYYY-MM-DD), not {type}",
    ),
    "period_not_text": (
        (
            'kỳ báo cáo phải ghi dạng văn bản như "2024" (năm), "2024-H1" (6 tháng), "2024-Q2"'
            ' (quý), "2024-05" (tháng) hoặc "2024-01-01..2024-03-31" (tùy chọn), không phải'
            " {type:kind}"
        ),
        (
            'a period must be text such as "2024" (year), "2024-H1" (half-year), "2024-Q2"'
            ' (quarter), "2024-05" (month) or "2024-01-01..2024-03-31" (custom), not {type}'
        ),
    ),
    "period_text": ("kỳ {text!r}: {problem}", "period {text!r}: {problem}"),
    "period_unknown_form": (
        (
            'kỳ {text!r} không thuộc dạng nào trong "2024" (năm), "2024-H1" (6 tháng), "2024-Q2"'
            ' (quý), "2024-05" (tháng) hoặc "2024-01-01..2024-03-31" (tùy chọn)'
        ),
        (
            'period {text!r} is not one of "2024" (year), "2024-H1" (half-year), "2024-Q2"'
            ' (quarter), "2024-05" (month) or "2024-01-01..2024-03-31" (custom)'
        ),
    ),
    "period_holds_dates": (
        "kỳ {period}: chỉ chứa được ngày (YYYY-MM-DD), không phải {type:kind}",
        "period {period}: can only hold dates (YYYY-MM-DD), not {type}",
    ),
    "period_no_custom_next": (
        (
            "không có kỳ tùy chọn {days} ngày liền kề {period} trong khoảng ngày Python biểu diễn"
            " được"
        ),
        "no custom period of {days} days next to {period} within Python's dates",
    ),
    "period_no_next": (
        "không có kỳ {kind_vi} nào sau {period}: {problem}",
        "no {kind_en} after {period}: {problem}",
    ),
    "period_no_previous": (
        "không có kỳ {kind_vi} nào trước {period}: {problem}",
        "no {kind_en} before {period}: {problem}",
    ),
    "period_cannot_split": (
        "không thể chia kỳ {period} ({kind}) thành các kỳ {into}",
        "cannot split {period} ({kind}) into {into} periods",
    ),
    "no_period_ends_on": (
        "không có kỳ {kind_vi} nào kết thúc vào ngày {end} (ngoài phạm vi ngày)",
        "no {kind_en} ends on {end} (out of the date range)",
    ),
    "period_dates": (
        (
            "kỳ {kind_vi} theo quy ước {convention} kết thúc trong tháng {month} kéo dài từ"
            " {start} đến {end}, không phải {given_start}..{given_end}"
        ),
        (
            "a {kind_en} under {convention} ending in {month} runs {start}..{end}, not"
            " {given_start}..{given_end}"
        ),
    ),
    # -- plans -------------------------------------------------------------------------
    # A plan file that cannot be read (a PlanError). Params: path or file, reason, size,
    # limit, line, byte.
    "cannot_read_plan": (
        "không đọc được tệp kế hoạch {path}: {reason}",
        "cannot read plan file {path}: {reason}",
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
            "không đọc được tệp kế hoạch {file}: dòng {line} không phải văn bản UTF-8 (byte"
            " 0x{byte:02x}); hãy lưu tệp dạng UTF-8"
        ),
        (
            "cannot read plan file {file}: line {line} is not UTF-8 text (byte 0x{byte:02x});"
            " save the file as UTF-8"
        ),
    ),
    # -- evaluations -------------------------------------------------------------------
    # The period evaluated is not within the plan's reporting year: its targets, units and
    # reports are those of another year. Params: period (text, "2025-H1"), period_vi,
    # period_en (its label), plan (id), year_vi, year_en (the year's label), start, end
    # (the year's first and last day, ISO).
    "period_outside_plan_year": (
        "kỳ báo cáo {period_vi} không nằm trong {year_vi} của kế hoạch {plan}",
        "the period {period_en} is not within the plan {plan}'s year, {year_en}",
    ),
    # Two partial evaluations share a record (Evaluation.merge): it would be counted
    # twice, so they are not merged. Params: record_type (interchange name), count.
    "partitions_share_ids": (
        (
            "hai phần đánh giá có chung {count:number} mã bản ghi {record_type}: mỗi bản ghi"
            " chỉ được ở một phần, nếu không sẽ bị tính hai lần (khi đọc, mọi bản sao của"
            " một mã lặp lại đều bị loại)"
        ),
        (
            "the two evaluations share {count:number} {record_type} id(s): a record must be in"
            " one partition only, or it is counted twice (when read, every copy of a"
            " repeated id is rejected)"
        ),
    ),
    # Records were left out of every number for their unit code. Params: count, and
    # out_of_scope, not_valid_on_date, unknown_unit (how many for each reason).
    "records_left_out": (
        (
            "{count} bản ghi không được tính vì mã đơn vị: {out_of_scope} ngoài phạm vi kế"
            " hoạch, {not_valid_on_date} mã không có hiệu lực tại ngày của bản ghi,"
            " {unknown_unit} mã không có trong danh mục đơn vị hành chính"
        ),
        (
            "{count} record(s) left out for their unit code: {out_of_scope} outside the"
            " plan's units, {not_valid_on_date} with a code not in force on the record's"
            " date, {unknown_unit} with a code in no unit of the register"
        ),
    ),
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
        "{count} bản ghi bị loại; phần chất lượng dữ liệu của báo cáo liệt kê các bản ghi này",
        "{count} record(s) rejected; the report's data-quality section lists them",
    ),
    "cli_rejected_see_validate": (
        "{count} bản ghi bị loại; lệnh `threeno validate` liệt kê các bản ghi này",
        "{count} record(s) rejected; `threeno validate` lists them",
    ),
    "cli_left_out": (
        (
            "{count} bản ghi không được tính (mã đơn vị không có trong danh mục: {unknown_unit};"
            " mã đơn vị không còn hiệu lực vào ngày của bản ghi: {not_valid_on_date}; đơn vị"
            " không thuộc phạm vi Kế hoạch: {out_of_scope}); dùng --allow-out-of-scope nếu"
            " chấp nhận"
        ),
        (
            "{count} record(s) left out (unknown unit code: {unknown_unit}; unit not valid"
            " on the record's date: {not_valid_on_date}; unit not the plan's: {out_of_scope});"
            " --allow-out-of-scope accepts this"
        ),
    ),
    "cli_left_out_allowed": (
        (
            "{count} bản ghi không được tính (mã đơn vị không có trong danh mục: {unknown_unit};"
            " mã đơn vị không còn hiệu lực vào ngày của bản ghi: {not_valid_on_date}; đơn vị"
            " không thuộc phạm vi Kế hoạch: {out_of_scope}); đã chấp nhận (--allow-out-of-scope)"
        ),
        (
            "{count} record(s) left out (unknown unit code: {unknown_unit}; unit not valid"
            " on the record's date: {not_valid_on_date}; unit not the plan's: {out_of_scope});"
            " accepted (--allow-out-of-scope)"
        ),
    ),
    "cli_suppress_without_publish": (
        "--suppress-below là ngưỡng của bản công bố: thêm --publish",
        "--suppress-below sets the threshold of a published report: add --publish",
    ),
}


def _frozen(params: Mapping[str, object]) -> Mapping[str, object]:
    return MappingProxyType(dict(params))


#: How Vietnamese names the types of values a message may report (Python's names, and
#: JSON's words ``object``, ``list``, ``text``); English writes the name itself.
_KIND_VI: Final[dict[str, str]] = {
    "str": "văn bản",
    "text": "văn bản",
    "int": "số nguyên",
    "float": "số thập phân",
    "bool": "giá trị true/false",
    "list": "danh sách",
    "tuple": "danh sách",
    "dict": "nhóm {khóa: giá trị}",
    "object": "nhóm {khóa: giá trị}",
    "NoneType": "null",
    "date": "ngày",
    "datetime": "ngày giờ",
    "bytes": "dữ liệu nhị phân",
}


def _kind(value: object, lang: Lang) -> str:
    name = str(value)
    return _KIND_VI.get(name, name) if lang == "vi" else name


def _article(value: object, lang: Lang) -> str:
    name = str(value)
    if lang == "vi":
        return name
    return f"{'an' if name[:1] in 'AEIOU' else 'a'} {name}"


def _number(value: object, lang: Lang) -> str:
    return number(value, lang) if isinstance(value, int) else str(value)


_SPECS: Final[dict[str, Callable[[object, Lang], str]]] = {
    "number": _number,
    "kind": _kind,
    "an": _article,
}


class _Formatter(string.Formatter):
    """``str.format`` with the language's own ways (see the module's docstring)."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang

    def format_field(self, value: object, format_spec: str) -> str:
        if isinstance(value, Notice):
            value = value.text(self.lang)
        elif isinstance(value, tuple) and value and all(isinstance(v, Notice) for v in value):
            value = "; ".join(v.text(self.lang) for v in value)
        spec = _SPECS.get(format_spec)
        if spec is not None:
            return spec(value, self.lang)
        return format(value, format_spec)


_FORMATTERS: Final = {lang: _Formatter(lang) for lang in ("vi", "en")}


def _plain(value: object) -> object:
    # A nested notice as JSON sees it.
    if isinstance(value, Notice):
        return value.to_dict()
    if isinstance(value, tuple) and value and all(isinstance(v, Notice) for v in value):
        return [v.to_dict() for v in value]
    return value


@attrs.frozen
class Notice:
    """A message: its stable ``code`` and the ``params`` its wording is filled with.

    Args:
        code: a key of :data:`TEMPLATES`.
        params: the values the template names (ids, codes, counts, dates).

    Raises:
        KeyError: for a code :data:`TEMPLATES` does not have (a programming error).

    .. versionadded:: 0.2.0
    """

    code: str
    params: Mapping[str, object] = attrs.field(factory=dict, converter=_frozen)

    def __attrs_post_init__(self) -> None:
        """Refuse a code without wording, so no message is ever shown half-written."""
        if self.code not in TEMPLATES:
            msg = f"no wording for message code {self.code!r}"
            raise KeyError(msg)

    def text(self, lang: Lang = "en") -> str:
        """The message in Vietnamese (``"vi"``) or English (``"en"``)."""
        vi, en = TEMPLATES[self.code]
        checked = check_lang(lang)
        return _FORMATTERS[checked].vformat(vi if checked == "vi" else en, (), self.params)

    def __str__(self) -> str:
        """The English text (for developers and logs)."""
        return self.text("en")

    def to_dict(self) -> dict[str, object]:
        """``{"code": ..., "params": {...}}`` for JSON (params as given, keys sorted).

        A param that is a notice (or a tuple of them) is given as its own ``to_dict()``.
        """
        return {"code": self.code, "params": {k: _plain(v) for k, v in sorted(self.params.items())}}
