"""Check that the reference copies in tests/data/reference/ still match their sources.

The tests read copies of public source material kept in the repository (the GSO unit
list, the 2025 conversion table, the plan's text without the signer's name, the digest's
clause ids), so that a clone runs every test with nothing beside it. When the project's
``shared/`` folder sits beside the clone (as in CI), this script checks the copies
against it; `.ci/run` runs it. Exit 0 when every copy matches or ``shared/`` is absent
(it says so), 1 on a mismatch, naming the file.

Usage: ``python scripts/check_reference_copies.py [SHARED_DIR]``.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "tests" / "data" / "reference"
_ID_IN_BACKTICKS = re.compile(r"`((?:I|II|III|IV)(?:\.[0-9]+)?(?:\.[a-z])?)`")


def _lines(path: Path) -> list[str]:
    return unicodedata.normalize("NFC", path.read_text(encoding="utf-8")).splitlines()


def check(shared: Path) -> list[str]:
    """The mismatches between the copies and ``shared``, one line each (empty: all match)."""
    names = ("gso-units-lai-chau-2025-01-04.csv", "conversion-2025-07-lai-chau-city.csv")
    problems = [
        f"{name}: differs from shared/data/{name}"
        for name in names
        if (shared / "data" / name).read_bytes() != (REFERENCE / name).read_bytes()
    ]
    source = set(_lines(shared / "plan" / "ke-hoach-2024.vi.txt"))
    excerpt = REFERENCE / "ke-hoach-2024.excerpt.vi.txt"
    for number, line in enumerate(_lines(excerpt), start=1):
        if line not in source and line.removesuffix("**") not in source:
            problems.append(f"{excerpt.name}, line {number}: not a line of the plan's text")
    digest = _ID_IN_BACKTICKS.findall((shared / "plan" / "PLAN-DIGEST.md").read_text("utf-8"))
    copied = (REFERENCE / "plan-digest-clause-ids.txt").read_text(encoding="utf-8").split()
    if digest != copied:
        problems.append("plan-digest-clause-ids.txt: not the digest's backticked ids in order")
    return problems


def main(argv: list[str]) -> int:
    """Check the copies; print what differs."""
    shared = Path(argv[0]) if argv else ROOT.parent / "shared"
    if not shared.is_dir():
        print(f"reference copies: {shared} is absent, nothing to check against")
        return 0
    problems = check(shared)
    for problem in problems:
        print(f"reference copies: {problem}")
    if not problems:
        print(f"reference copies: all match {shared}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
