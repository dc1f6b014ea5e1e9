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
links).

A new file gets the permissions of :func:`tempfile.mkstemp`, readable by its owner only
(the records hold personal data); a file replaced keeps its permissions.

Plan clauses: IV.2 (the reports sent to the Steering Committee are complete or absent).

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path
from typing import IO, TYPE_CHECKING

# OutputError is defined with the other errors, and documented there; it stays
# importable from here (a re-export, left out of __all__ so it is documented once).
from threeno.errors import OutputError as OutputError  # noqa: PLC0414 - explicit re-export

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

__all__ = ["atomic_open", "check_not_input", "write_atomic"]

_Pathish = str | os.PathLike[str]


def _resolved(path: _Pathish) -> Path:
    return Path(path).expanduser().resolve()


def check_not_input(target: _Pathish, inputs: Iterable[_Pathish]) -> None:
    """Refuse an output path that is one of the inputs, or inside an input folder.

    Args:
        target: the file about to be written.
        inputs: the files and folders the command read.

    Raises:
        OutputError: naming the target and the input it would overwrite.

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
            msg = f"{target}: is an input of this command; write the output to another file"
            raise OutputError(msg)
        if source.is_dir() and out.is_relative_to(source):
            msg = (
                f"{target}: is inside the input folder {given}; write the output outside it"
                " (a file added there would be read as input next time)"
            )
            raise OutputError(msg)


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
        target: the file to write; its folder must exist.
        inputs: the files and folders the command read (see :func:`check_not_input`).
        encoding: the text encoding (``"utf-8-sig"`` for CSV files Excel opens).
        newline: as for :func:`open` (``"\n"`` by default: the same bytes everywhere).

    Yields:
        The temporary file, to write to; it replaces ``target`` when the block ends
        without an exception.

    Raises:
        OutputError: when ``target`` is an input, its folder does not exist, or the file
            cannot be created or renamed (the operating system's reason is given).

    Plan clauses: IV.2.

    .. versionadded:: 0.1.0
    """
    check_not_input(target, inputs)
    path = Path(target)
    folder = path.parent
    if not folder.is_dir():
        msg = f"{target}: the folder {folder} does not exist"
        raise OutputError(msg)
    if path.is_dir():
        msg = f"{target}: is a folder, not a file"
        raise OutputError(msg)
    try:
        handle, name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        msg = f"{target}: cannot write in {folder}: {exc.strerror}"
        raise OutputError(msg) from None
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
        msg = f"{target}: cannot write: {exc.strerror}"
        raise OutputError(msg) from None
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
