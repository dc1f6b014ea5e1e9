"""Repeated ids found compactly, over one file or many ranges: 8 bytes a record.

Every copy of an id that repeats within its record type is rejected (``duplicate_id``,
naming the other places: :class:`~threeno.io._tally.Ids`). A stream cannot take back a
record it gave, so the repeated ids are found before the records are made, in three
steps that run over one whole file or over the ranges of many files alike:

1. :func:`scan_ids` reads each line's id of a range (as JSON, not as a record) and keeps
   it as a 64-bit digest (BLAKE2b, 8 bytes): sorted, each distinct digest once, apart
   from those seen twice or more. Sorting goes by runs of :data:`RUN` digests merged at
   the end, so the range's scan holds about 8 bytes per distinct id (16 while the runs
   merge), instead of a dictionary entry of about a hundred.
2. :meth:`IdScan.merge` merges two scans (of any ranges, in any order or tree): a
   digest in both, or repeated in either, is repeated. The merged scan of every range
   holds 8 bytes per distinct id of the whole input (this is what grows with it);
   its :attr:`IdScan.repeated` digests are the candidates, usually few.
3. A digest is not an id: two different ids share one with a probability of about
   n² / 2^65 for n ids (below 10^-7 at a million). So a candidate is checked exactly:
   :func:`recheck_ids` reads again the ranges and keeps, for the lines whose digest is
   a candidate, the exact id and its line (or row); :meth:`IdPlaces.merge` merges them;
   an id of two places or more is repeated, and :func:`tally_ids` gives the
   :class:`~threeno.io._tally.Ids` a stream rejects every copy with. Two ids sharing a
   digest by chance are each found once: no good record is rejected for a collision.
   Memory: the candidates' places only (at most six kept per id, the others counted).

The public face of this module is :mod:`threeno.io.partitions`.
"""

from __future__ import annotations

import array
import hashlib
import heapq
from typing import TYPE_CHECKING, Final

import attrs

from threeno.indicators._memory import Digests
from threeno.io._ranges import ids_of
from threeno.io._tally import KEPT_PLACES, Ids, Tally

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from threeno.io._limits import LoadLimits
    from threeno.io._ranges import ByteRange

__all__ = [
    "RUN",
    "IdPlaces",
    "IdScan",
    "find_repeats",
    "id_digest",
    "recheck_ids",
    "scan_ids",
    "tally_ids",
]

#: How many digests are sorted at once while a range is scanned (a run): the Python
#: integers of one run (about 36 bytes each) are the scan's only memory beyond 8 bytes
#: a digest.
RUN: Final = 1 << 16


def id_digest(record_id: str) -> int:
    """An id as a 64-bit number (BLAKE2b, 8 bytes): equal ids, equal digests."""
    data = record_id.encode("utf-8", "surrogatepass")
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little")


def _digests() -> dict[str, array.array[int]]:
    return {}


@attrs.frozen
class IdScan:
    """The ids of some ranges as sorted 64-bit digests, by record type (small, picklable).

    Args:
        digests: per record type, each distinct digest once, ascending (8 bytes each).
        repeated: per record type, the digests seen twice or more, ascending.

    .. versionadded:: 0.2.0
    """

    digests: dict[str, array.array[int]] = attrs.field(factory=_digests)
    repeated: dict[str, array.array[int]] = attrs.field(factory=_digests)

    def merge(self, other: IdScan) -> IdScan:
        """The scan of both scans' ranges (associative and commutative)."""
        digests: dict[str, array.array[int]] = {}
        repeated: dict[str, array.array[int]] = {}
        for name in {**self.digests, **other.digests}:
            empty: array.array[int] = array.array("Q")
            both = heapq.merge(self.digests.get(name, empty), other.digests.get(name, empty))
            distinct, twice = _distinct(both)
            again = heapq.merge(
                twice, self.repeated.get(name, empty), other.repeated.get(name, empty)
            )
            digests[name] = distinct
            repeated[name] = _distinct(again)[0]
        return IdScan(digests, repeated)

    @property
    def size(self) -> int:
        """How many distinct digests the scan holds (8 bytes each)."""
        return sum(len(d) for d in self.digests.values())


def _distinct(ordered: Iterable[int]) -> tuple[array.array[int], array.array[int]]:
    """An ascending stream as its distinct values, and those that came twice or more."""
    distinct: array.array[int] = array.array("Q")
    twice: array.array[int] = array.array("Q")
    previous = -1
    for value in ordered:
        if value == previous:
            if not twice or twice[-1] != value:
                twice.append(value)
            continue
        distinct.append(value)
        previous = value
    return distinct, twice


def scan_ids(rng: ByteRange, limits: LoadLimits) -> IdScan:
    """The ids of one range as digests: step 1 (module docstring).

    Each line's id is read as the record's reader reads it (a line with no id that can
    be shown has none, and is not a copy of anything). Memory: 8 bytes per record of the
    range in sorted runs, 8 more per distinct id as the runs merge, and one run of
    65,536 Python integers being sorted.
    """
    tally = Tally(check_duplicates=False, limits=limits)
    runs: list[array.array[int]] = []
    run: list[int] = []
    digest = id_digest  # looked up once (a test replaces it to force collisions)
    for record_id, _ in ids_of(rng, tally):
        if record_id is not None:
            run.append(digest(record_id))
            if len(run) >= RUN:
                run.sort()
                runs.append(array.array("Q", run))
                run = []
    run.sort()
    runs.append(array.array("Q", run))
    distinct, twice = _distinct(heapq.merge(*runs))
    return IdScan({rng.record_type: distinct}, {rng.record_type: twice})


def _repeated(ranges: Sequence[ByteRange], limits: LoadLimits) -> array.array[int]:
    """The digests seen twice or more in the ranges (of one type), in ascending order.

    The same ids as :func:`scan_ids` reads; memory bounded (:class:`Digests`).
    """
    noted = Digests()
    digest = id_digest  # looked up once (a test replaces it to force collisions)
    for rng in ranges:
        tally = Tally(check_duplicates=False, limits=limits)
        for record_id, _ in ids_of(rng, tally):
            if record_id is not None:
                noted.append(digest(record_id))
    twice: array.array[int] = array.array("Q")
    previous = -1
    for value in noted.ordered():
        if value == previous and (not twice or twice[-1] != value):
            twice.append(value)
        previous = value
    return twice


@attrs.frozen
class IdPlaces:
    """The exact ids behind candidate digests, and their places, by type (picklable).

    Args:
        places: per record type, per id, its first places (lines, or rows of a sheet)
            in ascending order, at most ``KEPT_PLACES`` of them, and how many there are.

    .. versionadded:: 0.2.0
    """

    places: dict[str, dict[str, tuple[tuple[int, ...], int]]] = attrs.field(factory=dict)

    def __repr__(self) -> str:
        """How many ids of each type, never the ids (one may be a person's own data)."""
        counts = ", ".join(f"{name}: {len(ids)}" for name, ids in self.places.items())
        return f"IdPlaces({counts})"

    def merge(self, other: IdPlaces) -> IdPlaces:
        """The places of both (associative and commutative)."""
        merged = {name: dict(ids) for name, ids in self.places.items()}
        for name, ids in other.places.items():
            mine = merged.setdefault(name, {})
            for record_id, (kept, copies) in ids.items():
                if record_id in mine:
                    before, count = mine[record_id]
                    kept = tuple(sorted((*before, *kept))[:KEPT_PLACES])  # noqa: PLW2901
                    copies += count  # noqa: PLW2901
                mine[record_id] = (kept, copies)
        return IdPlaces(merged)

    def repeats(self) -> IdPlaces:
        """Only the ids of two places or more: the ids repeated."""
        return IdPlaces(
            {name: {i: p for i, p in ids.items() if p[1] > 1} for name, ids in self.places.items()}
        )

    def ids(self, record_type: str) -> Ids:
        """The repeated ids of a type, as a stream's tally rejects them (:func:`tally_ids`)."""
        return tally_ids(self, record_type)


def tally_ids(places: IdPlaces, record_type: str) -> Ids:
    """The repeated ids of a type, as a stream's tally rejects them."""
    found = Ids()
    for record_id, (kept, copies) in places.places.get(record_type, {}).items():
        if copies > 1:
            found.kept[record_id] = list(kept)
            found.copies[record_id] = copies
    return found


def recheck_ids(
    rng: ByteRange, candidates: Mapping[str, Iterable[int]], limits: LoadLimits
) -> IdPlaces:
    """The exact ids of a range whose digest is a candidate, and their places: step 3.

    Nothing is read when the range's type has no candidate. Memory: the candidates'
    places.
    """
    wanted = set(candidates.get(rng.record_type, ()))
    found: dict[str, tuple[tuple[int, ...], int]] = {}
    if wanted:
        tally = Tally(check_duplicates=False, limits=limits)
        digest = id_digest
        for record_id, place in ids_of(rng, tally):
            if record_id is None or digest(record_id) not in wanted:
                continue
            kept, copies = found.get(record_id, ((), 0))
            if len(kept) < KEPT_PLACES:
                kept = (*kept, place)
            found[record_id] = (kept, copies + 1)
    return IdPlaces({rng.record_type: found})


def find_repeats(ranges: Sequence[ByteRange], limits: LoadLimits) -> IdPlaces:
    """The repeated ids of the ranges (steps 1 to 3, one after the other).

    One machine's way, for one file (a stream's first pass) or a folder's ranges; a
    cluster runs the same steps as tasks (:mod:`threeno.io.partitions`). Here step 1
    keeps each type's digests in a ``threeno.indicators._memory.Digests`` (2 MB in
    memory, the others sorted in a temporary file) and merges them in order to find the
    digests seen twice, so that its memory is bounded whatever the files' size (a
    cluster's scans hold 8 bytes per distinct id instead, :class:`IdScan`).
    """
    candidates: dict[str, tuple[int, ...]] = {}
    for name in dict.fromkeys(rng.record_type for rng in ranges):
        found = _repeated([rng for rng in ranges if rng.record_type == name], limits)
        if found:
            candidates[name] = tuple(found)
    places = IdPlaces()
    if candidates:
        for rng in ranges:
            places = places.merge(recheck_ids(rng, candidates, limits))
    return places.repeats()
