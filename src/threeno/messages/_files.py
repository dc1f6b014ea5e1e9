"""Messages about files: what could not be read or written, and why.

An input that is not a regular file (a device, a named pipe) is never opened; the
operating system's refusals are named by what was attempted and why; an output is
refused before anything is written when it would replace an input or is not a regular
file.

Part of :data:`threeno.messages.TEMPLATES` (each code once across the parts); the wording
is Vietnamese first, then English, as ``str.format`` templates with the forms the
package's docstring lists.
"""

from __future__ import annotations

from typing import Final

TEMPLATES: Final[dict[str, tuple[str, str]]] = {
    # -- files: what could not be read or written, and why ---------------------------
    "input_not_regular": (
        (
            "{path}: là {kind}, không phải tệp thông thường; threeno chỉ đọc tệp thông "
            "thường (hoặc thư mục chứa các tệp đó)"
        ),
        "{path}: is {kind}, not a regular file; threeno reads regular files (or folders of them)",
    ),
    "input_is_folder": (
        "{path}: là thư mục, không phải tệp",
        "{path}: is a folder, not a file",
    ),
    "kind_fifo": (
        "một đường ống có tên (FIFO)",
        "a named pipe (FIFO)",
    ),
    "kind_char_device": (
        "một thiết bị ký tự",
        "a character device",
    ),
    "kind_block_device": (
        "một thiết bị khối",
        "a block device",
    ),
    "kind_socket": (
        "một socket",
        "a socket",
    ),
    "kind_other": (
        "một loại tệp đặc biệt",
        "a special file",
    ),
    "cannot_read_file": (
        "{path}: không đọc được tệp: {reason}",
        "{path}: cannot read the file: {reason}",
    ),
    "file_changed_since_read": (
        (
            "{path}: tệp đã thay đổi sau khi được đọc để tính chỉ tiêu; không đọc lại "
            "được các bản ghi cần giải trình (hãy tính lại từ tệp hiện có)"
        ),
        (
            "{path}: the file changed after it was read for the evaluation; the records"
            " an explanation needs cannot be read again (evaluate the file again)"
        ),
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
    "os_permission_denied": (
        "không có quyền truy cập",
        "permission denied",
    ),
    "os_no_such_file": (
        "không có tệp hay thư mục này",
        "no such file or folder",
    ),
    "os_not_a_folder": (
        "một phần của đường dẫn không phải là thư mục",
        "a part of the path is not a folder",
    ),
    "os_is_a_folder": (
        "là thư mục",
        "is a folder",
    ),
    "os_read_only": (
        "hệ thống tệp chỉ cho đọc",
        "read-only file system",
    ),
    "os_disk_full": (
        "hết dung lượng đĩa",
        "no space left on the disk",
    ),
    "os_name_too_long": (
        "tên tệp quá dài",
        "file name too long",
    ),
    "os_symlink_loop": (
        "quá nhiều liên kết tượng trưng",
        "too many symbolic links",
    ),
    "os_exists": (
        "đã có tệp này",
        "the file exists",
    ),
    "os_other": (
        "lỗi của hệ điều hành ({detail})",
        "{detail}",
    ),
    "output_is_input": (
        "{path}: là tệp đầu vào của lệnh này; hãy ghi kết quả ra tệp khác",
        "{path}: is an input of this command; write the output to another file",
    ),
    "output_in_input_folder": (
        (
            "{path}: nằm trong thư mục đầu vào {folder}; hãy ghi kết quả ra ngoài thư mục "
            "đó (tệp thêm vào đó sẽ bị đọc như dữ liệu đầu vào ở lần sau)"
        ),
        (
            "{path}: is inside the input folder {folder}; write the output outside it (a "
            "file added there would be read as input next time)"
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
            "{path}: là {kind}, không phải tệp thông thường; threeno chỉ ghi tệp thông "
            "thường (để in ra màn hình, bỏ --out)"
        ),
        (
            "{path}: is {kind}, not a regular file; threeno writes only regular files (to "
            "print to the screen, leave out --out)"
        ),
    ),
    "output_not_a_path": (
        (
            "{path}: không dẫn đến một tệp có đường dẫn riêng (một liên kết tới đường ống, "
            "tới tệp đã xóa hoặc tới màn hình); để in ra màn hình, bỏ --out"
        ),
        (
            "{path}: does not lead to a file with a path of its own (a link to a pipe, a "
            "deleted file or the terminal); to print to the screen, leave out --out"
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
    "cannot_read_plan": (
        "không đọc được tệp kế hoạch {path}: {reason}",
        "cannot read plan file {path}: {reason}",
    ),
}
