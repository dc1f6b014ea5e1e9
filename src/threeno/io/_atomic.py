"""Writing files atomically, and never over an input.

Every file threeno writes (a dataset dump, a report, a documentation page, a sample)
goes through :func:`atomic_open` or :func:`write_atomic`: the text is written to a
temporary file beside the target, flushed to disk, and only then renamed over the target
(:func:`os.replace`, atomic on POSIX and Windows within one file system). A write that
fails or is interrupted (an error, Ctrl-C, a full disk) leaves the target as it was, old
content or no file, and removes the temporary file; a reader never sees half a file.

Before anything is written, the target is compared with the inputs of the command: an
output that would replace an input file, or land inside an input folder, is refused
(:class:`~threeno.errors.OutputError`, also importable from here). Paths are compared
resolved (symbolic links followed) and, when both exist, as the same file on disk (hard
links). A target that is not a regular file (a folder, a device such as ``/dev/null``, a
named pipe, a socket, ``/dev/stdout`` when it is one of these, or a link to any of them)
is refused too (:func:`check_output`): the rename would replace it with a file. Every
refusal and every failure of the system has a code and is written in Vietnamese or
English, naming the path and what was attempted.

A new file gets the permissions of :func:`tempfile.mkstemp`, readable by its owner only
(the records hold personal data); a file replaced keeps its permissions.

Plan clauses: IV.2 (the reports sent to the Steering Committee are complete or absent).

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import contextlib
import io
import os
import stat
import tempfile
import zipfile
from pathlib import Path
from typing import IO, TYPE_CHECKING, NoReturn

# OutputError is defined with the other errors, and documented there; it stays
# importable from here (a re-export, left out of __all__ so it is documented once).
from threeno.errors import OutputError as OutputError  # noqa: PLC0414 - explicit re-export
from threeno.io._files import kind_of, os_reason
from threeno.messages import Notice

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable, Iterator

__all__ = [
    "atomic_open",
    "check_not_input",
    "check_output",
    "check_output_folder",
    "fixed_zip",
    "make_folder",
    "write_atomic",
]

_Pathish = str | os.PathLike[str]


def _resolved(path: _Pathish) -> Path:
    return Path(path).expanduser().resolve()


def _refuse(code: str, /, **params: object) -> NoReturn:
    raise OutputError(Notice(code, params).text("en"), code=code, params=params) from None


def check_not_input(target: _Pathish, inputs: Iterable[_Pathish]) -> None:
    """Refuse an output path that is one of the inputs, or inside an input folder.

    Args:
        target: the file about to be written.
        inputs: the files and folders the command read.

    Raises:
        OutputError: naming the target and the input it would overwrite (codes
            ``output_is_input``, ``output_in_input_folder``).

    Plan clauses: IV.2.

    .. versionadded:: 0.1.0
    """
    out = _resolved(target)
    for given in inputs:
        source = _resolved(given)
        same = out == source
        if not same and out.exists() and source.exists():
            same = out.samefile(source)
        if same:
            _refuse("output_is_input", path=str(target))
        if source.is_dir() and out.is_relative_to(source):
            _refuse("output_in_input_folder", path=str(target), folder=str(given))


def check_output(target: _Pathish, inputs: Iterable[_Pathish] = ()) -> Path:
    """Refuse an output that could destroy something; return where it will be written.

    The target, its symbolic links followed, must be absent or a regular file, in a
    folder that exists, and be none of the inputs nor inside an input folder. A device
    (``/dev/null``), a named pipe, a socket, a folder, ``/dev/stdout`` when it is not a
    regular file, or a link to any of them, is refused: the atomic rename would replace
    it with a file. A command calls this before any work, so that nothing is computed
    for an output that cannot be written.

    Args:
        target: the file about to be written.
        inputs: the files and folders the command read.

    Returns:
        Where the file will be written, the target with its links followed (a link to a
        file is kept, and the file it points to is replaced).

    Raises:
        OutputError: naming the target and why (codes ``output_is_input``,
            ``output_in_input_folder``, ``output_is_folder``, ``output_not_regular``,
            ``output_not_a_path``, ``output_folder_missing``, ``cannot_write_file``).

    Plan clauses: IV.2.

    .. versionadded:: 0.2.0
    """
    check_not_input(target, inputs)
    try:
        found: os.stat_result | None = Path(target).stat()
    except FileNotFoundError:
        found = None
    except (OSError, ValueError) as exc:
        if isinstance(exc, NotADirectoryError):
            _refuse("output_folder_missing", path=str(target), folder=str(Path(target).parent))
        reason = os_reason(exc) if isinstance(exc, OSError) else Notice("os_no_such_file")
        _refuse("cannot_write_file", path=str(target), reason=reason)
    if found is not None and stat.S_ISDIR(found.st_mode):
        _refuse("output_is_folder", path=str(target))
    if found is not None and not stat.S_ISREG(found.st_mode):
        _refuse("output_not_regular", path=str(target), kind=kind_of(found.st_mode))
    path = _resolved(target)
    if found is not None and not _same(found, path):
        # A link the system follows to something with no path of its own: /dev/stdout
        # to a deleted file, or /proc/self/fd/1. Writing at the path the link names
        # would make a new file, unrelated to what the link leads to.
        _refuse("output_not_a_path", path=str(target))
    if not path.parent.is_dir():
        _refuse("output_folder_missing", path=str(target), folder=str(Path(target).parent))
    return path


def _same(found: os.stat_result, path: Path) -> bool:
    try:
        return os.path.samestat(found, path.stat())
    except (OSError, ValueError):
        return False


def check_output_folder(
    folder: _Pathish, names: Iterable[str], inputs: Iterable[_Pathish] = ()
) -> None:
    """Refuse a folder to write ``names`` into when a file of it could destroy something.

    The folder, its links followed, must be absent or a folder, and each file to be
    written in it must pass :func:`check_output` (when the folder exists). Nothing is
    made.

    Raises:
        OutputError: naming the folder or the file, and why.

    .. versionadded:: 0.2.0
    """
    try:
        mode = Path(folder).stat().st_mode
    except FileNotFoundError:
        check_not_input(folder, inputs)
        return
    except (OSError, ValueError) as exc:
        reason = os_reason(exc) if isinstance(exc, OSError) else Notice("os_no_such_file")
        _refuse("cannot_make_folder", path=str(folder), reason=reason)
    if not stat.S_ISDIR(mode):
        _refuse("output_folder_is_file", path=str(folder))
    for name in names:
        check_output(Path(folder) / name, inputs)


def make_folder(folder: _Pathish) -> Path:
    """Make ``folder`` (and its parents) if missing; an ``OutputError`` if it cannot be.

    Raises:
        OutputError: ``cannot_make_folder``, with the system's reason.

    .. versionadded:: 0.2.0
    """
    path = Path(folder)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        _refuse("cannot_make_folder", path=str(folder), reason=os_reason(exc))
    return path


@contextlib.contextmanager
def atomic_open(
    target: _Pathish,
    *,
    inputs: Iterable[_Pathish] = (),
    encoding: str = "utf-8",
    newline: str | None = "\n",
) -> Iterator[IO[str]]:
    r"""Open a text file to write so that it appears whole or not at all.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> with atomic_open(folder / "out.txt") as out:
    ...     _ = out.write("xin chào\n")
    >>> (folder / "out.txt").read_text(encoding="utf-8")
    'xin chào\n'

    Args:
        target: the file to write; its folder must exist. A symbolic link is followed:
            the file it points to is replaced, the link kept.
        inputs: the files and folders the command read (see :func:`check_not_input`).
        encoding: the text encoding (``"utf-8-sig"`` for CSV files Excel opens).
        newline: as for :func:`open` (``"\n"`` by default: the same bytes everywhere).

    Yields:
        The temporary file, to write to; it replaces ``target`` when the block ends
        without an exception.

    Raises:
        OutputError: when ``target`` is an input, is not a regular file (a folder, a
            device, a named pipe), its folder does not exist, or the file cannot be
            created or renamed (the operating system's reason is given); see
            :func:`check_output`.

    Plan clauses: IV.2.

    .. versionadded:: 0.1.0
    """
    path = check_output(target, inputs)
    folder = path.parent
    try:
        handle, name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        reason = os_reason(exc)
        _refuse("cannot_write_in_folder", path=str(target), folder=str(folder), reason=reason)
    temporary = Path(name)
    try:
        with os.fdopen(handle, "w", encoding=encoding, newline=newline) as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        if path.exists():
            temporary.chmod(stat.S_IMODE(path.stat().st_mode))
        temporary.replace(path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        _refuse("cannot_write_file", path=str(target), reason=os_reason(exc))
    except BaseException:
        # Any failure, Ctrl-C included, leaves the target untouched and no stray file.
        temporary.unlink(missing_ok=True)
        raise


def write_atomic(
    target: _Pathish,
    text: str,
    *,
    inputs: Iterable[_Pathish] = (),
    encoding: str = "utf-8",
) -> Path:
    """Write ``text`` to ``target`` atomically (see :func:`atomic_open`).

    Args:
        target: the file to write.
        text: its whole content.
        inputs: the files and folders the command read; ``target`` may not be one.
        encoding: the text encoding.

    Returns:
        The path written.

    Raises:
        OutputError: as :func:`atomic_open`.

    Plan clauses: IV.2.

    .. versionadded:: 0.1.0
    """
    with atomic_open(target, inputs=inputs, encoding=encoding) as out:
        out.write(text)
    return Path(target)


def fixed_zip(data: bytes, day: dt.date) -> bytes:
    """The same zip archive (a .docx, a .xlsx) with every part dated ``day``: the same bytes.

    python-docx and openpyxl date each part of the zip with the time of writing; here
    every part is rewritten dated ``day`` at midnight, ``[Content_Types].xml`` first and
    the others by name, with the same compression and no system-dependent attribute, so
    that the same inputs give the same file.
    """
    when = (max(day.year, 1980), day.month, day.day, 0, 0, 0)
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        names = sorted(source.namelist(), key=lambda name: (name != "[Content_Types].xml", name))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target:
            for name in names:
                info = zipfile.ZipInfo(name, date_time=when)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.create_system = 0
                info.external_attr = 0
                target.writestr(info, source.read(name), compresslevel=9)
    return out.getvalue()
