"""Equal values read from records share one object, in tables that never grow without bound.

A loaded dataset holds millions of texts, dates and small values that repeat: a record's
id and every reference to it (a case's ``victim_ids``, a support action's
``subject_id``), unit and agency codes, days, birth years, a report's suspensions. Each
is read through one of the tables here, so that equal values share one object (a loaded
dataset then holds each id once: ``docs/performance.md``, "Memory per record").

This replaces :func:`sys.intern`: on CPython 3.12 an interned string is immortal (PEP
683, "Immortal Objects"), so a stream of millions of records would keep every distinct
id it read, for the life of the process.

Two uses, two sizes:

* A stream (:func:`~threeno.io.datasets.iter_records`, ``evaluate_stream``) holds a few
  records at a time: sharing matters only for values that repeat from line to line (a
  unit code, a day). Ids are not shared there at all (:func:`share_id`): each is read
  once and its record soon dropped, so a table of them would only fill and be emptied
  again. Each table is emptied when it reaches its bound (:data:`BOUND`), so it holds at
  most a few hundred kilobytes, however long the stream.
* A load (:func:`~threeno.io.datasets.load_dataset`) keeps every record, and a reference
  is shared with the id it names only if that id is still in the table when the
  reference is read, which may be a million ids later (subjects are read first, the
  reports, cases, actions and events that name them after). Within :func:`keeping_all`
  no table is emptied: it holds nothing that the dataset does not hold already, only its
  slots (about 40 bytes a distinct value while the load runs); on leaving, the tables are
  emptied.

Losing a table's contents never changes a value: two equal values are merely two
objects. Nothing compares ids by identity.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Final, Generic, TypeVar

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterator

__all__ = ["BOUND", "DATES", "TEXTS", "VALUES", "keeping_all", "share", "share_id", "share_text"]

_K = TypeVar("_K")
_V = TypeVar("_V")

#: The entries a table holds in a stream before it is emptied. A stream reads one
#: record at a time, so the bound only needs to outlast the values that repeat: a few
#: dozen unit and agency codes, the days of a few years (4,096 days is eleven years), the
#: few hundred suspensions and counts that recur. Full, a table holds about
#: 4,096 x 100 bytes (its slots, keys and values): under half a megabyte.
BOUND: Final = 4096

_lock = threading.Lock()
_keepers = 0  # loads running (each within keeping_all): while any runs, nothing is emptied


class SharingTable(Generic[_K, _V]):
    """A dictionary of kept values, emptied when it reaches :data:`BOUND` entries.

    Not emptied while a load keeps its records (:func:`keeping_all`).
    """

    __slots__ = ("_data", "get")

    def __init__(self) -> None:
        """An empty table."""
        self._data: dict[_K, _V] = {}
        #: The value kept for ``key``, or ``None``.
        self.get = self._data.get

    def keep(self, key: _K, value: _V) -> _V:
        """Keep ``value`` for ``key`` (emptying the table first if full) and return it."""
        data = self._data
        if len(data) >= BOUND and not _keepers:
            data.clear()
        data[key] = value
        return value

    def __len__(self) -> int:
        """The number of values kept."""
        return len(self._data)

    def clear(self) -> None:
        """Forget every value kept."""
        self._data.clear()


#: Record ids, references to them, and the codes of :data:`threeno.io.converter.INTERNED_FIELDS`.
TEXTS: Final[SharingTable[str, str]] = SharingTable()
#: Days read from text, by their text.
DATES: Final[SharingTable[str, dt.date]] = SharingTable()
#: Whole numbers beyond 256, values of the small frozen classes nested in records, tuples
#: of them or of codes.
VALUES: Final[SharingTable[Any, Any]] = SharingTable()
_TABLES: Final = (TEXTS, DATES, VALUES)


def share_text(text: str) -> str:
    """The one string kept for texts equal to ``text`` (``text`` itself the first time)."""
    kept = TEXTS.get(text)
    return kept if kept is not None else TEXTS.keep(text, text)


def share_id(text: str) -> str:
    """A record's id or a reference to one: shared as :func:`share_text` while a load runs.

    Outside :func:`keeping_all` (a stream, a writer of generated records) ``text`` itself:
    an id is read once and its record soon dropped, so sharing it would only fill the
    table of texts with ids (4,096 of them, about 400 KB) and empty it again.
    """
    return share_text(text) if _keepers else text


def share(value: _V) -> _V:
    """The one object kept for values equal to ``value`` (``value`` itself the first time)."""
    kept = VALUES.get(value)
    return kept if kept is not None else VALUES.keep(value, value)  # type: ignore[no-any-return]


@contextmanager
def keeping_all() -> Iterator[None]:
    """Within: no table is emptied (records are being kept); after the last load: all are.

    Loads may run in several threads at once; a stream running beside a load keeps its
    values until the load ends.
    """
    global _keepers  # noqa: PLW0603 - one count for the process, under the lock
    with _lock:
        _keepers += 1
    try:
        yield
    finally:
        with _lock:
            _keepers -= 1
            if not _keepers:
                for table in _TABLES:
                    table.clear()
