"""What the engine does for memory and time: the collector paused, record ids as digests.

The engine makes millions of small acyclic objects (tallies, entries, facts) and keeps
each record's id as an 8-byte digest, so that two partitions sharing a record refuse to
merge (:meth:`~threeno.indicators.results.Evaluation.merge`).

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["digest", "paused_gc"]


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while many small acyclic objects are made.

    The accumulators make no reference cycles, and the collector's passes over millions
    of young objects cost a fifth to two fifths of an evaluation (the performance page,
    ``docs/performance.md``, "Where the time goes"); it is restarted whatever happens.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def digest(record_id: str) -> bytes:
    """A record's id as 8 bytes (BLAKE2b), to find a record in two partitions (merge)."""
    return hashlib.blake2b(record_id.encode("utf-8", "surrogatepass"), digest_size=8).digest()
