"""Write every output of the demo data and of the second locality, to compare two versions.

A change that should not change behaviour (a refactoring) is checked by writing the
snapshot before it and after it and comparing the two folders byte for byte::

    python scripts/snapshot_outputs.py /tmp/before     # on the commit before the change
    python scripts/snapshot_outputs.py /tmp/after      # on the change
    python scripts/snapshot_outputs.py --compare /tmp/before /tmp/after

The snapshot holds, for the bundled 2024 plan on its demo data and for the fictional
second locality of the tests on its records, over several periods: the evaluation's JSON
(explanations of every record), the report in every format and both languages, internal
and published, each indicator's explanation, the evaluation's and the load report's
summaries, and the plan's summary. The day of generation is fixed, so the files depend on
the code and the data only. Exit 0 when written, or when the two folders are equal; 1
when they differ (each differing file is named).
"""

from __future__ import annotations

import datetime as dt
import filecmp
import sys
from pathlib import Path

import threeno
from threeno.plans import summary
from threeno.reporting.render import FORMATS
from threeno.testing.synthetic import demo_path

ROOT = Path(__file__).resolve().parents[1]
LOCALITY = ROOT / "tests" / "data" / "locality"
#: The day every report says it was made on, so that snapshots compare.
GENERATED_ON = dt.date(2026, 1, 5)
#: Each case: a name, the plan (id or path), the records, the periods.
CASES = (
    ("lai-chau-2024", "lai-chau-2024", demo_path(), ("2024", "2024-H1", "2024-01-01..2024-03-31")),
    ("locality", str(LOCALITY / "plan.toml"), LOCALITY / "records", ("2024-03", "2024-Q1")),
)


def write(out: Path) -> int:
    """Write the snapshot into ``out`` (created; files replaced); return the files written."""
    out.mkdir(parents=True, exist_ok=True)
    written = 0

    def put(name: str, text: str) -> None:
        nonlocal written
        (out / name).write_text(text, encoding="utf-8")
        written += 1

    for case, plan_ref, records, periods in CASES:
        plan = threeno.load_plan(plan_ref)
        data, load_report = threeno.load_dataset(records, plan=plan)
        for lang in ("vi", "en"):
            put(f"{case}.plan.{lang}.txt", summary(plan, lang))
            put(f"{case}.load.{lang}.txt", load_report.text(lang))
        for period_text in periods:
            period = plan.period(period_text)
            tag = f"{case}.{str(period).replace('..', '_')}"
            evaluation = threeno.evaluate(plan, data, period, explain="all")
            put(f"{tag}.evaluation.json", evaluation.to_json())
            for lang in ("vi", "en"):
                put(f"{tag}.summary.{lang}.txt", evaluation.summary(lang))
                explained = [evaluation[i].total.explain(lang) for i in evaluation]
                put(f"{tag}.explain.{lang}.txt", "\n\n".join(explained))
                for fmt in FORMATS:
                    for k in (None, 5):
                        text = threeno.render(
                            evaluation,
                            fmt,
                            lang=lang,
                            plan=plan,
                            load_report=load_report,
                            generated_on=GENERATED_ON,
                            suppress_below=k,
                        )
                        put(f"{tag}.report{'' if k is None else f'-k{k}'}.{lang}.{fmt}", text)
    return written


def compare(before: Path, after: Path) -> list[str]:
    """The names of the files that differ between two snapshots, or exist in one only."""
    found = filecmp.dircmp(before, after)
    _, mismatch, errors = filecmp.cmpfiles(before, after, found.common_files, shallow=False)
    return sorted(mismatch + errors + found.left_only + found.right_only)


def main(argv: list[str]) -> int:
    """``OUT`` writes a snapshot; ``--compare BEFORE AFTER`` compares two."""
    if argv[:1] == ["--compare"] and len(argv) == 3:
        differ = compare(Path(argv[1]), Path(argv[2]))
        for name in differ:
            print(f"differs: {name}")
        print(f"{len(differ)} file(s) differ" if differ else "the two snapshots are equal")
        return 1 if differ else 0
    if argv[:1] in (["-h"], ["--help"]):
        print(__doc__)
        return 0
    if len(argv) != 1 or argv[0].startswith("-"):
        # An option not known is never taken for a folder to write into.
        print(__doc__)
        return 2
    print(f"{write(Path(argv[0]))} files written to {argv[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
