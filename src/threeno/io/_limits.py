"""Limits against hostile input: how large a file, how long a line, how deep a nesting.

A file handed to threeno may come from anywhere. Without limits, one line of a few
gigabytes, or an array nested a million levels deep, would exhaust memory or the
interpreter's stack instead of being refused. The loaders check these limits and
raise a :class:`~threeno.errors.ThreenoError` naming the file and the limit.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, NoReturn, Protocol

import attrs

from threeno.errors import DatasetError
from threeno.messages import Notice
from threeno.model._base import fail

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

__all__ = [
    "MAX_DEPTH",
    "LineSource",
    "LoadLimits",
    "check_limits",
    "lines",
    "refuse",
    "too_deep",
    "too_large",
]


class LineSource(Protocol):
    """Anything read by lines, as a binary file is (``readline(size)``)."""

    def readline(self, size: int = -1, /) -> bytes:
        """The next line, of at most ``size`` bytes; ``b""`` at the end."""
        ...


#: How deeply JSON or TOML values may nest (an object in a list in an object is 3);
#: a record of the data dictionary nests 3 deep, a plan file 4.
MAX_DEPTH: Final = 32
_CHUNK: Final = 1 << 16


def too_deep(value: object, limit: int, text: str | None = None) -> bool:
    """Whether ``value`` (parsed JSON or TOML) nests more than ``limit`` levels.

    Args:
        value: the parsed value: dicts, lists and scalars.
        limit: the most levels allowed; a scalar is 0 deep, ``{}`` or ``[]`` 1.
        text: the text ``value`` was parsed from, if JSON: with no more brackets than
            ``limit``, it cannot nest deeper, and the walk is skipped.
    """
    if text is not None and text.count("[") + text.count("{") <= limit:
        return False
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children = list(item.values())
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > limit:
            return True
        stack.extend((c, depth + 1) for c in children if isinstance(c, dict | list))
    return False


def lines(stream: LineSource, limit: int) -> Iterator[bytes | None]:
    """The lines of a binary stream, ``None`` for each line longer than ``limit`` bytes.

    A line too long is skipped to its end without being kept in memory.
    """
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit:
            yield line
            continue
        while not line.endswith(b"\n"):
            line = stream.readline(_CHUNK)
            if not line:
                break
        yield None


_MIB: Final = 1 << 20


def refuse(code: str, /, **params: object) -> NoReturn:
    """Raise a :class:`DatasetError` of ``code``, its English wording as its message.

    Raised "from None": the error says all there is, without the decoder's traceback.
    """
    raise DatasetError(Notice(code, params).text("en"), code=code, params=params) from None


def _positive(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        shown = value if isinstance(value, int) else type(value).__name__
        fail(instance, attribute.name, "limit_not_positive", value=shown)


@attrs.frozen(kw_only=True)
class LoadLimits:
    """Limits against hostile input files, checked before or while they are read.

    A file beyond a limit is refused with a :class:`~threeno.errors.DatasetError`
    naming it and the limit, except a JSON Lines line, which is rejected like any bad
    record (the load goes on). Records given in memory (a mapping, an iterable of
    dicts) are not checked: they are not files.

    Args:
        document_bytes: the largest JSON document (read whole into memory).
        file_bytes: the largest JSON Lines or CSV file :func:`load_dataset` reads (it
            keeps every record); :func:`iter_records` streams files of any size.
        line_bytes: the longest line of a JSON Lines or CSV file, its newline included.
        depth: how deeply JSON values may nest (a record nests 3 levels deep).
        max_rejections: how many rejections a load report lists, the first read; the
            others are counted by the code of each of their problems
            (``LoadReport.unlisted``), so
            that a file of millions of bad lines takes no more memory than one of good
            lines. Every rejection is counted in the totals either way.
        rows: the most rows a sheet of an Excel workbook may have (Excel's own most,
            1,048,576, by default).
        unpacked_bytes: the most bytes an Excel workbook (a zip archive) may unpack to,
            each part and all together, checked from its directory before anything is
            unpacked (a "zip bomb" is refused).
        shared_strings_bytes: the most bytes a workbook's table of texts may unpack to
            (it is read whole into memory).

    Raises:
        ValidationError: for a limit that is not a whole number, 1 or more.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 ``max_rejections``; ``rows``, ``unpacked_bytes`` and
       ``shared_strings_bytes`` (Excel workbooks).
    """

    document_bytes: int = attrs.field(default=256 * _MIB, validator=_positive)
    file_bytes: int = attrs.field(default=2048 * _MIB, validator=_positive)
    line_bytes: int = attrs.field(default=_MIB, validator=_positive)
    depth: int = attrs.field(default=MAX_DEPTH, validator=_positive)
    max_rejections: int = attrs.field(default=1000, validator=_positive)
    rows: int = attrs.field(default=1_048_576, validator=_positive)
    unpacked_bytes: int = attrs.field(default=1024 * _MIB, validator=_positive)
    shared_strings_bytes: int = attrs.field(default=64 * _MIB, validator=_positive)


def check_limits(limits: object, function: str) -> None:
    """Refuse ``limits`` that is not a :class:`LoadLimits` (an untyped caller's mistake).

    Shared by the readers of this package (``load_dataset``, ``iter_records``,
    ``evaluate_stream``).

    Raises:
        DatasetError: naming ``function`` and the type given.
    """
    if not isinstance(limits, LoadLimits):
        refuse("limits_not_limits", function=function, type=type(limits).__name__)


def too_large(path: Path, limit: int, code: str) -> Callable[[int], NoReturn]:
    """A refusal of ``path``, beyond ``limit`` bytes, to call with the size found.

    code: file_too_large (a file of records) or document_too_large (a JSON document).
    """

    def refuse_size(size: int) -> NoReturn:
        refuse(code, file=str(path), size=size, limit=limit)

    return refuse_size
