"""What the engine does for memory and time: the collector paused, record ids as digests.

The engine makes millions of small acyclic objects (tallies, entries, facts) and keeps
each record's id as an 8-byte digest, so that two partitions sharing a record refuse to
merge (:meth:`~threeno.indicators.results.Evaluation.merge`). The digests of a state
(:class:`~threeno.indicators.state.EvaluatorState`) are kept sorted
(:func:`sorted_digests`), so that two of them merge, and their shared digests are
counted, in one sweep (:func:`merge_digests`) with no set of them: memory is that of
the merged array, 8 bytes per record. While records are fed, an evaluator notes the
digests in :class:`Digests`, which holds at most :data:`HELD` of a type in memory (2 MB,
and about 10 MB more while it sorts them) and writes the others, sorted, to a temporary
file: a stream of 10 million records holds a few MB of them, not 80, until a state asks
for them all.

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import array
import contextlib
import gc
import hashlib
import heapq
import itertools
import operator
import tempfile
import weakref
from bisect import bisect_right
from typing import IO, TYPE_CHECKING, Final

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["HELD", "Digests", "digest", "merge_digests", "paused_gc", "sorted_digests"]

#: How many digests of a record type :class:`Digests` holds in memory (2 MB) before it
#: writes them, sorted, to its temporary file. Sorting them makes a Python integer of
#: each (about 40 bytes with its place in the list): 10 MB while it lasts.
HELD: Final = 1 << 18
# How many digests of a run are read back at a time when the runs are merged (64 KB): 38
# runs at 10 million records, 2.4 MB.
_READ: Final = 1 << 13

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


class Digests:
    """The digests of the records of one type fed to an evaluator, memory bounded.

    :meth:`note` appends one. Up to ``held`` digests (:data:`HELD`, 2 MB) stay in
    memory; when that many are held they are sorted and written to an anonymous
    temporary file (a *run*; the file is removed by the system when it is closed, and
    it is closed with this object), and memory starts again from none. :meth:`sorted`
    gives every digest, sorted, in memory (what a state carries), merging the runs read
    back a block at a time. Pickled, it is that sorted array.

    Disk: 8 bytes per record beyond the first ``held``, in the system's temporary
    folder (:func:`tempfile.TemporaryFile`).

    .. versionadded:: 0.2.0
    """

    __slots__ = ("__weakref__", "_block", "_file", "_held", "_runs")

    def __init__(self, held: int | None = None) -> None:
        """None noted yet; ``held``: :data:`HELD` when ``None``."""
        self._held = HELD if held is None else held
        self._block: array.array[int] = array.array("Q")
        self._file: IO[bytes] | None = None
        self._runs: list[tuple[int, int]] = []  # (offset in the file, digests)

    @classmethod
    def of(cls, digests: array.array[int]) -> Digests:
        """Digests noted already (a state's), held in memory."""
        made = cls()
        made._block = array.array("Q", digests)
        return made

    def note(self, value: bytes) -> None:
        """Note one digest (8 bytes, as :func:`digest` gives it)."""
        block = self._block
        block.frombytes(value)
        if len(block) >= self._held:
            self._spill()

    def append(self, value: int) -> None:
        """Note one digest given as a number (below 2**64)."""
        block = self._block
        block.append(value)
        if len(block) >= self._held:
            self._spill()

    def __len__(self) -> int:
        """How many digests are noted."""
        return len(self._block) + sum(n for _, n in self._runs)

    def _spill(self) -> None:
        run = array.array("Q", sorted(self._block))
        file = self._file
        if file is None:
            file = self._file = tempfile.TemporaryFile(prefix="threeno-digests-")  # noqa: SIM115
            weakref.finalize(self, file.close)  # closed (and so removed) with this object
        start = file.seek(0, 2)
        run.tofile(file)
        self._runs.append((start, len(run)))
        self._block = array.array("Q")

    def _run(self, start: int, size: int) -> Iterator[int]:
        file = self._file
        assert file is not None  # noqa: S101 - a run is in the file
        done = 0
        while done < size:
            part = array.array("Q")
            file.seek(start + done * 8)
            part.fromfile(file, min(_READ, size - done))
            done += len(part)
            yield from part

    def sorted(self) -> array.array[int]:
        """Every digest noted, sorted, in memory (8 bytes each)."""
        if not self._runs:
            return sorted_digests(self._block)
        return array.array("Q", self.ordered())

    def ordered(self) -> Iterator[int]:
        """Every digest noted, in ascending order, read from the runs a block at a time.

        Memory: the block held, sorted, and a block of each run.
        """
        block = sorted_digests(self._block)
        runs = [self._run(start, size) for start, size in self._runs]
        return heapq.merge(*runs, block) if runs else iter(block)

    def __getstate__(self) -> array.array[int]:
        """Pickled as every digest, sorted."""
        return self.sorted()

    def __setstate__(self, state: array.array[int]) -> None:
        """Held in memory, as :meth:`of` makes it."""
        self._held = HELD
        self._block = state
        self._file = None
        self._runs = []
