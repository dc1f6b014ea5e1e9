"""Limits against hostile input: how large a file, how long a line, how deep a nesting.

A file handed to threeno may come from anywhere. Without limits, one line of a few
gigabytes, or an array nested a million levels deep, would exhaust memory or the
interpreter's stack instead of being refused. The loaders check these limits and
raise a :class:`~threeno.errors.ThreenoError` naming the file and the limit.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, Protocol

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["MAX_DEPTH", "LineSource", "lines", "too_deep"]


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
