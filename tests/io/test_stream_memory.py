"""Streaming records keeps no id it has read: the tables that share values are bounded.

The readers used to share ids with :func:`sys.intern`. On CPython 3.12 an interned string
is immortal (PEP 683), so a stream of millions of records kept every distinct id it read:
about 93 MB a million ids, for the life of the process. The tables of
:mod:`threeno.model._sharing` are emptied when full in a stream.

The measure runs in a fresh interpreter (this one, ``sys.executable``), so that nothing
else the test run has loaded moves its resident set; it compares the resident set after
the stream with a baseline taken in the same process after a warm-up stream of the same
shape, with a margin several times what the bounded tables can hold. Linux only (it reads
``/proc/self/status``).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/status").exists(), reason="reads the resident set from /proc"
)

#: Lines streamed per file.
LINES = 20_000
#: The growth allowed, in KiB: the three tables full (3 x 4,096 entries of at most
#: about 300 bytes: under 4 MB) and room for the allocator's leftovers.
ALLOWED_KB = 12 * 1024

# The child: streams files of crime reports (fast path and exact path) and of subjects,
# every id distinct and 200 letters long, and prints its resident growth in KiB; then
# interns as many distinct strings of that length with sys.intern, drops them, and
# prints that growth too (the control: what the old readers did).
_CHILD = r"""
import gc, json, sys
from pathlib import Path

from threeno.io import _fast
from threeno.io.datasets import iter_records

folder, lines = Path(sys.argv[1]), int(sys.argv[2])
PAD = "x" * 200


def write(name, prefix, count):
    path = folder / f"{name}-{prefix}.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            if name == "crime_reports":
                record = {
                    "id": f"CR-{prefix}{n}-{PAD}", "source": "tin_bao", "offence_article": 150,
                    "unit_code": "03386", "received_on": "2024-06-24",
                    "receiving_agency": "cong-an-tp", "classified_on": "2024-06-24",
                    "decision": "khoi_to", "decided_on": "2024-06-24",
                    "case_id": f"CC-{prefix}{n}-{PAD}",
                    "victim_ids": [f"S-{prefix}{n}-{PAD}", f"T-{prefix}{n}-{PAD}"],
                }
            else:
                record = {
                    "id": f"S-{prefix}{n}-{PAD}", "sex": "female", "birth_year": 1994,
                    "ethnicity": "01", "unit_code": "03386", "registered_on": "2023-07-15",
                }
            out.write(json.dumps(record, separators=(",", ":")) + "\n")
    return path


def stream(name, path, fast):
    _fast.ENABLED = fast
    accepted = 0
    with iter_records(path, name, check_duplicates=False) as records:
        for _ in records:
            accepted += 1
        assert records.report.rejected == 0
    return accepted


def resident_kb():
    gc.collect()
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])


files = [
    ("crime_reports", write("crime_reports", "f", lines), True),
    ("crime_reports", write("crime_reports", "e", lines // 2), False),
    ("subjects", write("subjects", "s", lines), True),
]
warm = [(name, write(name, "w" + name[0], 2000), fast) for name, _, fast in files]
for name, path, fast in warm:
    stream(name, path, fast)
before = resident_kb()
accepted = sum(stream(name, path, fast) for name, path, fast in files)
streamed = resident_kb() - before
ids = 4 * lines + 4 * (lines // 2) + lines  # every id and reference streamed

before = resident_kb()
for n in range(ids):
    sys.intern(f"Z-{n}-{PAD}")
interned = resident_kb() - before
figures = {"accepted": accepted, "ids": ids, "streamed_kb": streamed, "interned_kb": interned}
print(json.dumps(figures))
"""


@pytest.fixture(scope="module")
def measured(tmp_path_factory: pytest.TempPathFactory) -> dict[str, int]:
    """The child's figures (one run for the tests below)."""
    folder = tmp_path_factory.mktemp("stream-memory")
    done = subprocess.run(  # noqa: S603 - our interpreter, our code
        [sys.executable, "-c", _CHILD, str(folder), str(LINES)],
        check=True,
        capture_output=True,
        text=True,
    )
    figures: dict[str, int] = json.loads(done.stdout.splitlines()[-1])
    return figures


def test_streaming_distinct_ids_keeps_none(measured: dict[str, int]) -> None:
    """140,000 distinct ids of 200 letters or more streamed: the resident set grows < 12 MiB.

    The lines: 20,000 crime reports on the fast path and 10,000 on the exact path, each
    with an id, a case id and two victim ids (4 ids a line), and 20,000 subjects (1 id a
    line): 4 x 20,000 + 4 x 10,000 + 20,000 = 140,000 ids, of which 50,000 records.
    Kept, each id costs at least 49 + 200 bytes (a string's header and its letters):
    140,000 x 249 bytes = about 33 MiB, over twice the allowance.
    """
    assert measured["accepted"] == 50_000
    assert measured["ids"] == 140_000
    assert measured["streamed_kb"] < ALLOWED_KB, measured


def test_sys_intern_keeps_ids_on_3_12_only(measured: dict[str, int]) -> None:
    """The control: the same number of ids through sys.intern, then dropped.

    On 3.12 interned strings are immortal (PEP 683): 140,000 strings of at least 249
    bytes stay, about 33 MiB, beyond the allowance the stream keeps under. On 3.11 and
    3.13 they are freed with their last reference, and the same allowance holds (about
    0.6 MB a million strings, measured).
    """
    if sys.version_info[:2] == (3, 12):
        assert measured["interned_kb"] > ALLOWED_KB, measured
    else:
        assert measured["interned_kb"] < ALLOWED_KB, measured
