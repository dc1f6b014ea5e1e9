"""Opening input files safely, and saying in both languages why the system refused.

A path handed to threeno may name anything: a device that never ends (``/dev/zero``,
``/dev/urandom``), a named pipe that blocks until someone writes to it, a folder, a
file the process may not read. Every reader of threeno opens its inputs here:

* :func:`input_kind` looks at the path with :func:`os.stat` (symbolic links followed)
  and refuses, **without opening it**, anything but a regular file or a folder;
* :func:`open_input` opens a regular file, non-blocking (so that a file swapped for a
  named pipe between the look and the open cannot block), and checks again on the
  opened file that it is a regular file;
* :func:`read_input` reads at most ``limit + 1`` bytes, so a size limit holds whatever
  :func:`os.stat` said (a file that grows while read, a special file that reports 0);
* :func:`guarded` wraps a stream read line by line, with the same limit if asked.

Every failure is a :class:`~threeno.errors.ThreenoError` of the reader's class (a
:class:`~threeno.errors.DatasetError` for data, a :class:`~threeno.errors.PlanError` for
a plan) whose code names what was attempted (``cannot_read_file``,
``cannot_list_folder``...) and whose ``reason`` is the system's, in words of both
languages (:func:`os_reason`).

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import errno
import os
import stat
from typing import IO, TYPE_CHECKING, Final, NoReturn

from threeno.messages import Notice

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from threeno.errors import ThreenoError
    from threeno.io._limits import LineSource

__all__ = [
    "FILE",
    "FOLDER",
    "guarded",
    "input_kind",
    "kind_of",
    "list_folder",
    "open_input",
    "os_reason",
    "raise_coded",
    "read_input",
]

#: What :func:`input_kind` returns for a regular file and for a folder.
FILE: Final = "file"
FOLDER: Final = "folder"

_REASONS: Final = {
    errno.EACCES: "os_permission_denied",
    errno.EPERM: "os_permission_denied",
    errno.ENOENT: "os_no_such_file",
    errno.ENOTDIR: "os_not_a_folder",
    errno.EISDIR: "os_is_a_folder",
    errno.EROFS: "os_read_only",
    errno.ENOSPC: "os_disk_full",
    errno.ENAMETOOLONG: "os_name_too_long",
    errno.ELOOP: "os_symlink_loop",
    errno.EEXIST: "os_exists",
}
if hasattr(errno, "EDQUOT"):  # pragma: no branch - POSIX
    _REASONS[errno.EDQUOT] = "os_disk_full"

_OPEN_FLAGS: Final = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


def os_reason(exc: OSError) -> Notice:
    """The system's reason for ``exc``, as a notice written in either language.

    >>> os_reason(PermissionError(13, "Permission denied")).text("vi")
    'không có quyền truy cập'
    """
    code = _REASONS.get(exc.errno or 0)
    if code is not None:
        return Notice(code)
    return Notice("os_other", {"detail": exc.strerror or type(exc).__name__})


def raise_coded(error: type[ThreenoError], code: str, /, **params: object) -> NoReturn:
    """Raise ``error`` with the notice of ``code``, its English wording as its message."""
    raise error(Notice(code, params).text("en"), code=code, params=params) from None


def kind_of(mode: int) -> Notice:
    """What a file that is neither regular nor a folder is, in words of both languages."""
    if stat.S_ISFIFO(mode):
        return Notice("kind_fifo")
    if stat.S_ISCHR(mode):
        return Notice("kind_char_device")
    if stat.S_ISBLK(mode):
        return Notice("kind_block_device")
    if stat.S_ISSOCK(mode):
        return Notice("kind_socket")
    return Notice("kind_other")


def input_kind(
    path: Path,
    error: type[ThreenoError],
    *,
    missing: Callable[[], NoReturn] | None = None,
    cannot_read: str = "cannot_read_file",
) -> str:
    """:data:`FILE` or :data:`FOLDER`; anything else refused, never opened.

    Args:
        path: the path given (symbolic links are followed).
        error: the class of the error to raise.
        missing: what to do when nothing is at ``path`` (raise the reader's own error);
            by default a ``cannot_read`` error with the reason "no such file".
        cannot_read: the code of the error when the system refuses (params ``path`` and
            ``reason``): ``cannot_read_file``, or a reader's own (``cannot_read_plan``).

    Raises:
        ThreenoError: of class ``error``: ``input_not_regular`` for a device, a named pipe
            or a socket; ``cannot_read_file`` when the system refuses to look.
    """
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        if missing is not None and exc.errno in {errno.ENOENT, errno.ENOTDIR}:
            missing()
        raise_coded(error, cannot_read, path=str(path), reason=os_reason(exc))
    except ValueError:  # a NUL in the path: nothing of that name can exist
        if missing is not None:
            missing()
        raise_coded(error, cannot_read, path=str(path), reason=Notice("os_no_such_file"))
    if stat.S_ISREG(mode):
        return FILE
    if stat.S_ISDIR(mode):
        return FOLDER
    raise_coded(error, "input_not_regular", path=str(path), kind=kind_of(mode))


def open_input(
    path: Path, error: type[ThreenoError], *, cannot_read: str = "cannot_read_file"
) -> IO[bytes]:
    """Open a regular file for reading in binary; anything else is refused.

    Raises:
        ThreenoError: of class ``error`` (see :func:`input_kind`), and
            ``input_is_folder`` for a folder.
    """
    if input_kind(path, error, cannot_read=cannot_read) == FOLDER:
        raise_coded(error, "input_is_folder", path=str(path))
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        raise_coded(error, cannot_read, path=str(path), reason=os_reason(exc))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):  # swapped between the look and the open
            raise_coded(error, "input_not_regular", path=str(path), kind=kind_of(mode))
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_input(
    path: Path,
    limit: int,
    error: type[ThreenoError],
    too_large: Callable[[int], NoReturn],
    *,
    cannot_read: str = "cannot_read_file",
) -> bytes:
    """The whole content of a regular file of at most ``limit`` bytes.

    At most ``limit + 1`` bytes are read, whatever :func:`os.stat` says.

    Args:
        path: the file.
        limit: the most bytes allowed.
        error: the class of the error raised when the file cannot be read.
        too_large: called with the size known (at least ``limit + 1``) when the file is
            larger than ``limit``; it raises the reader's own error.
        cannot_read: the code of the error when the system refuses (see
            :func:`input_kind`).
    """
    with open_input(path, error, cannot_read=cannot_read) as stream:
        size = os.fstat(stream.fileno()).st_size
        if size > limit:
            too_large(size)
        try:
            data = stream.read(limit + 1)
        except OSError as exc:
            raise_coded(error, cannot_read, path=str(path), reason=os_reason(exc))
    if len(data) > limit:
        too_large(max(size, len(data)))
    return data


class _Guarded:
    """A binary stream read by lines: system errors coded, and at most ``limit`` bytes."""

    def __init__(
        self,
        stream: IO[bytes],
        path: Path,
        error: type[ThreenoError],
        limit: int | None,
        too_large: Callable[[int], NoReturn] | None,
    ) -> None:
        self._stream = stream
        self._path = path
        self._error = error
        self._limit = limit
        self._read = 0
        self._too_large = too_large

    def readline(self, size: int = -1) -> bytes:
        try:
            line = self._stream.readline(size)
        except OSError as exc:
            reason = os_reason(exc)
            raise_coded(self._error, "cannot_read_file", path=str(self._path), reason=reason)
        self._read += len(line)
        if self._limit is not None and self._read > self._limit and self._too_large is not None:
            self._too_large(self._read)
        return line


def guarded(
    stream: IO[bytes],
    path: Path,
    error: type[ThreenoError],
    *,
    limit: int | None = None,
    too_large: Callable[[int], NoReturn] | None = None,
) -> LineSource:
    """``stream`` read by lines, a system error raised as ``cannot_read_file``.

    With a ``limit``, ``too_large`` is called with the bytes read so far once they pass
    it: the limit holds whatever :func:`os.stat` said.
    """
    return _Guarded(stream, path, error, limit, too_large)


def list_folder(folder: Path, error: type[ThreenoError]) -> list[Path]:
    """The entries of a folder, sorted by name.

    Raises:
        ThreenoError: of class ``error``, ``cannot_list_folder`` naming the folder and
            the system's reason.
    """
    try:
        with os.scandir(folder) as entries:
            names = [entry.name for entry in entries]
    except OSError as exc:
        raise_coded(error, "cannot_list_folder", path=str(folder), reason=os_reason(exc))
    return [folder / name for name in sorted(names)]
