"""What the engine does for memory and time: the collector paused, record ids as digests.

The engine makes millions of small acyclic objects (tallies, entries, facts) and keeps
each record's id as an 8-byte digest, so that two partitions sharing a record refuse to
merge (:meth:`~threeno.indicators.results.Evaluation.merge`). The digests of a state
(:class:`~threeno.indicators.state.EvaluatorState`) are kept sorted
(:func:`sorted_digests`), so that two of them merge, and their shared digests are
counted, in one sweep (:func:`merge_digests`) with no set of them: memory is that of
the merged array, 8 bytes per record.

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import array
import contextlib
import gc
import hashlib
import itertools
import operator
from bisect import bisect_right
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["digest", "merge_digests", "paused_gc", "sorted_digests"]

#: How many digests of each side a step of :func:`merge_digests` takes at most (its
#: transient list), unless one digest repeats more often within a side.
BLOCK: Final = 1 << 14


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


def _pairs_equal(digests: array.array[int] | list[int]) -> int:
    """How many neighbours are equal in sorted ``digests`` (counted in C, no Python loop)."""
    return sum(map(operator.eq, digests, itertools.islice(digests, 1, None)))


def sorted_digests(digests: array.array[int]) -> array.array[int]:
    """A sorted copy of ``digests`` (a copy as it is when it is sorted already)."""
    if all(map(operator.le, digests, itertools.islice(digests, 1, None))):
        return array.array("Q", digests)
    return array.array("Q", sorted(digests))


def merge_digests(
    first: array.array[int], second: array.array[int], *, block: int = BLOCK
) -> tuple[array.array[int], int]:
    """Two sorted arrays of digests merged, and how many distinct digests both hold.

    A linear sweep in steps of at most ``block`` digests of each side, cut where the
    digest changes (so a digest's copies all fall in one step): a step of one side only
    is copied; a step of both is sorted (two sorted runs: one merge) and its digests held
    by both counted: for a digest held ``a`` times by one side and ``b`` by the other,
    the merged step has ``a + b - 1`` equal neighbours and the sides ``a - 1`` and
    ``b - 1`` (none when it is absent), so the difference is 1 exactly when both hold it.
    Memory: the merged array and one step; no set of the digests.
    """
    out = array.array("Q")
    shared = 0
    i = j = 0
    n, m = len(first), len(second)
    while i < n or j < m:
        if n - i > block or m - j > block:
            bounds = [
                d[k + block - 1]
                for d, k, size in ((first, i, n), (second, j, m))
                if size - k > block
            ]
            last = min(bounds)
            i_end, j_end = bisect_right(first, last, i), bisect_right(second, last, j)
        else:
            i_end, j_end = n, m
        if j_end == j:
            out.extend(first[i:i_end])
        elif i_end == i:
            out.extend(second[j:j_end])
        else:
            mine, theirs = first[i:i_end], second[j:j_end]
            step = sorted(mine + theirs)
            equal = _pairs_equal(step)
            if equal:  # else no digest repeats, within a side or across: nothing shared
                shared += equal - _pairs_equal(mine) - _pairs_equal(theirs)
            out.extend(step)
        i, j = i_end, j_end
    return out, shared
