"""Where a stream read each crime report, to read it again for an explanation.

:func:`~threeno.io.stream.evaluate_stream` keeps, for a crime report whose signature
keeps an entry of an explanation, only the byte offset of its line
(:class:`threeno.indicators.counting.Kept`, 8 bytes a report); the entries are
made when the explanation is first read, from the line read again here, by the same
reader (the fast path, else the exact one). A file that changed in between (its size,
modification time or inode) is refused, naming the file: an explanation is
never made from other records than those counted.

Only JSON Lines files have places: a CSV or Excel file's records keep their entries as
they are read.

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from threeno.errors import DatasetError
from threeno.io import _fast
from threeno.io._files import open_input, raise_coded
from threeno.io._json import BOM, loads
from threeno.io._tally import structure
from threeno.model.dataset import RECORD_TYPES

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from threeno.model.dataset import Record

__all__ = ["LinePlaces"]

_Identity = tuple[int, int, int]


def _identity(stat: os.stat_result) -> _Identity:
    # Not the device: a file shared between machines (a cluster's workers and its
    # client) may be on a device numbered differently on each.
    return stat.st_ino, stat.st_size, stat.st_mtime_ns


class LinePlaces:
    """The places of a JSON Lines file's records: the offset of the line read last.

    Implements :class:`~threeno.indicators.counting.Places`. Small and
    picklable (a path, the file's identity, two numbers), so that a range's state sent
    from a worker is read again where the evaluation is built (the same path).

    Args:
        path: the file, as its range names it.
        record_type: the type of its records.
        line_bytes: the longest line read (:class:`~threeno.io.datasets.LoadLimits`).

    .. versionadded:: 0.2.0
    """

    __slots__ = ("_identity", "_line_bytes", "_record_type", "key", "offset")

    def __init__(self, path: str, record_type: str, line_bytes: int) -> None:
        """At the file's start; its identity is taken when it is opened (:meth:`opened`)."""
        self.key = path
        self._record_type = record_type
        self._line_bytes = line_bytes
        self._identity: _Identity | None = None
        self.offset = 0

    def opened(self, stat: os.stat_result) -> None:
        """The file is read now: its inode, size and modification time."""
        self._identity = _identity(stat)

    def __getstate__(self) -> tuple[str, str, int, _Identity | None]:
        """The state pickled (no offset: it is the reader's)."""
        return self.key, self._record_type, self._line_bytes, self._identity

    def __setstate__(self, state: tuple[str, str, int, _Identity | None]) -> None:
        """Restore from :meth:`__getstate__`."""
        self.key, self._record_type, self._line_bytes, self._identity = state
        self.offset = 0

    def records_at(self, offsets: Sequence[int]) -> Iterator[Record]:
        """The records of the lines at ``offsets``, read again as they were read.

        Raises:
            DatasetError: ``file_changed_since_read`` (naming the file) when it is not
                the file read (inode, size or modification time), or a line read
                again is no longer a valid record; ``cannot_read_file`` when it cannot
                be opened.
        """
        path = Path(self.key)
        cls = RECORD_TYPES[self._record_type]
        with open_input(path, DatasetError) as stream:
            if _identity(os.fstat(stream.fileno())) != self._identity:
                raise_coded(DatasetError, "file_changed_since_read", path=self.key)
            for offset in offsets:
                stream.seek(offset)
                line = stream.readline(self._line_bytes + 1)
                record = self._record(cls, line.removeprefix(BOM) if offset == 0 else line)
                if record is None:
                    raise_coded(DatasetError, "file_changed_since_read", path=self.key)
                yield record

    def _record(self, cls: type[Record], line: bytes) -> Record | None:
        if len(line) > self._line_bytes:
            return None
        fast = _fast.decode(self._record_type, line) if _fast.ENABLED else None
        if fast is not None:
            return fast
        try:
            raw = loads(line.decode("utf-8").rstrip())
        except (ValueError, RecursionError):
            return None
        record, _ = structure(cls, raw)
        return record
