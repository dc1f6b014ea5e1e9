"""The benchmarks' data: which sizes, made how, and cached where.

Synthetic data from :mod:`threeno.testing.synthetic`, cached under ``benchmarks/_data/``
(one folder per series, seed and size), each folder keyed by a hash of the sources the
generated files depend on: the whole ``threeno.testing`` folder, the converter, the
model, the rules and the bundled plans (:data:`GENERATOR_SOURCES`). ``benchmarks/README.md``
describes the series.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import random
import shutil
import time
from pathlib import Path
from typing import TYPE_CHECKING, Final

from bench_realistic import distinct_keys, read_lines, write_reports

from threeno.io.datasets import iter_records
from threeno.model.crime import CrimeReport
from threeno.testing import synthetic

if TYPE_CHECKING:
    from threeno.model.plan import Plan

PLAN_ID: Final = "lai-chau-2024"
#: The plan's reporting year, in its own convention (2023-12-15 .. 2024-12-14), the year
#: the generator makes records for.
PERIOD: Final = "2024"
FULL_SIZES: Final = (10_000, 100_000, 1_000_000)
QUICK_SIZES: Final = (10_000, 100_000)
#: The size of the single run at national scale (``--only scale-10m``).
NATIONAL: Final = 10_000_000
#: The largest size whose records are also held in memory (load_dataset, evaluate, the
#: hand-written loop); above it only the streaming measures run (memory stays flat).
IN_MEMORY_MAX: Final = 1_000_000
#: The series of crime reports: ``realistic`` (dates spread as real data are; the
#: targets are judged on it) and ``repeated`` (the generator's reports of the mixed 100k
#: folder repeated with fresh ids, the series of earlier runs, kept to compare).
SERIES: Final = ("realistic", "repeated")
#: The mixed size whose crime reports are repeated to make the reports series.
BASE_SIZE: Final = 100_000
#: The size profiled, and the two sizes whose times give the scaling.
PROFILED: Final = 100_000
SCALING: Final = (100_000, 1_000_000)
#: The generator's scales at which write_jsonl's peak memory is measured, in
#: --quick too (a few seconds each): scale 1 is about 870 records, 100 about 87,000.
WRITE_SCALES: Final = (1, 10, 100)
#: Fresh processes per scale (and for the baseline); the page shows the largest peak.
WRITE_RUNS: Final = 3
#: What a folder of data was made from; hidden, so that the loader skips it.
META: Final = ".meta.json"

#: The number of lines of the bad-line and good-line files, in --quick too:
#: the first to see the memory of a few thousand lines, the second a million.
BAD_LINE_SIZES: Final = (100_000, 1_000_000)
#: A bad line: one character that is not JSON (10 million of them once took
#: 3.8 GB); a good line: a model review, one of the smallest records, each with its id.
BAD_LINE: Final = b"x\n"

HERE: Final = Path(__file__).resolve().parent
REPO: Final = HERE.parent

# The inputs the generated files depend on: a change in any file of them makes new data.
# The whole generator (every .py file of threeno.testing), not a hand list of its modules.
GENERATOR_SOURCES: Final = (
    "testing",
    "io/converter.py",
    "model",
    "rules",
    "plans",
)


# -- data ------------------------------------------------------------------------------


def _generator_key() -> str:
    """A hash of the sources the generated files depend on."""
    package = Path(synthetic.__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for name in GENERATOR_SOURCES:
        path = package / name
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in files:
            if file.is_file() and file.suffix in {".py", ".toml"}:
                digest.update(file.relative_to(package).as_posix().encode())
                digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


def _fresh(folder: Path, key: dict[str, object]) -> bool:
    meta = folder / META
    if not meta.is_file():
        return False
    stored: dict[str, object] = json.loads(meta.read_text(encoding="utf-8"))
    return all(stored.get(k) == v for k, v in key.items())


def _scale_for(plan: Plan, seed: int, size: int) -> float:
    """The generator's scale that gives about ``size`` records in all.

    The number of records grows linearly with the scale, plus a few that do not
    (reviews, assessments and submissions are per unit or agency): two small probes
    give the line.
    """
    low, high = 4.0, 12.0
    count_low = sum(1 for _ in synthetic.stream(plan, seed=seed, scale=low))
    count_high = sum(1 for _ in synthetic.stream(plan, seed=seed, scale=high))
    per_scale = (count_high - count_low) / (high - low)
    fixed = count_low - per_scale * low
    return max((size - fixed) / per_scale, 0.01)


def mixed_folder(data: Path, plan: Plan, seed: int, size: int) -> Path:
    """The generator's output with about ``size`` records in all (made if not cached)."""
    folder = data / f"mixed-seed{seed}-n{size}"
    key: dict[str, object] = {"seed": seed, "size": size, "generator": _generator_key()}
    if _fresh(folder, key):
        return folder
    print(f"  generating the mixed series at {size:,} records (cached afterwards) ...")
    start = time.perf_counter()
    scale = _scale_for(plan, seed, size)
    counts = synthetic.write_jsonl(plan, folder, seed=seed, scale=scale)
    keys = distinct_keys(read_lines(folder / "crime_reports.jsonl"))
    meta = {
        **key,
        "scale": scale,
        "counts": counts,
        "seconds": time.perf_counter() - start,
        "limit_keys": keys,
    }
    (folder / META).write_text(json.dumps(meta, indent=1), encoding="utf-8")
    return folder


def reports_folder(data: Path, base: Path, seed: int, size: int) -> Path:
    """``size`` crime reports: the base folder's, repeated with fresh ids (made if not cached).

    Copy ``k`` of report ``CR-00017`` is ``CR-00017~k`` (and its ``case_id`` likewise), so
    ids stay unique; every other field is the generator's.
    """
    folder = data / f"reports-seed{seed}-n{size}"
    base_meta = json.loads((base / META).read_text(encoding="utf-8"))
    key: dict[str, object] = {"seed": seed, "size": size, "base": base_meta["generator"]}
    if _fresh(folder, key):
        return folder
    print(f"  writing the reports series at {size:,} crime reports (cached afterwards) ...")
    lines = (base / "crime_reports.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "crime_reports.jsonl").open("w", encoding="utf-8", newline="\n") as out:
        for i in range(size):
            copy, record = divmod(i, len(records))[0], dict(records[i % len(records)])
            record["id"] = f"{record['id']}~{copy:04d}"
            if record.get("case_id") is not None:
                record["case_id"] = f"{record['case_id']}~{copy:04d}"
            out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
    keys = distinct_keys(lines)
    meta = {**key, "distinct": len(records), "limit_keys": keys}
    (folder / META).write_text(json.dumps(meta, indent=1), encoding="utf-8")
    return folder


def realistic_folder(data: Path, plan: Plan, seed: int, size: int) -> Path:
    """``size`` realistic crime reports (:mod:`bench_realistic`), made if not cached."""
    folder = data / f"realistic-seed{seed}-n{size}"
    key: dict[str, object] = {"seed": seed, "size": size, "generator": _realistic_key()}
    if _fresh(folder, key):
        return folder
    print(f"  generating the realistic series at {size:,} crime reports (cached afterwards) ...")
    start = time.perf_counter()
    period = plan.period(PERIOD)
    keys = write_reports(folder / "crime_reports.jsonl", plan, period, seed, size)
    meta = {**key, "limit_keys": keys, "seconds": time.perf_counter() - start}
    (folder / META).write_text(json.dumps(meta, indent=1), encoding="utf-8")
    return folder


def reports_series(data: Path, plan: Plan, seed: int, size: int, series: str) -> Path:
    """The folder of a crime-report series at ``size`` (see :data:`SERIES`)."""
    if series == "realistic":
        return realistic_folder(data, plan, seed, size)
    base = mixed_folder(data, plan, seed, BASE_SIZE)
    return reports_folder(data, base, seed, size)


def meta_of(folder: Path) -> dict[str, object]:
    """What a folder of data was made from (its hidden ``.meta.json``)."""
    meta: dict[str, object] = json.loads((folder / META).read_text(encoding="utf-8"))
    return meta


def _realistic_key() -> str:
    """The generator's key and the realistic series' own source."""
    digest = hashlib.sha256(_generator_key().encode())
    digest.update((HERE / "bench_realistic.py").read_bytes())
    return digest.hexdigest()[:16]


def read_reports(folder: Path) -> list[CrimeReport]:
    """The crime reports of a reports folder, as objects (no cross-record checks)."""
    with iter_records(folder / "crime_reports.jsonl", CrimeReport, check_duplicates=False) as s:
        return list(s)


def line_files(folder: Path, size: int) -> dict[str, Path]:
    """Two folders of ``size`` lines of model reviews: one character each, and records."""
    bad = folder / f"bad-{size}"
    good = folder / f"good-{size}"
    for path in (bad, good):
        path.mkdir(parents=True, exist_ok=True)
    (bad / "model_reviews.jsonl").write_bytes(BAD_LINE * size)
    with (good / "model_reviews.jsonl").open("w", encoding="utf-8") as out:
        for i in range(size):
            out.write(
                f'{{"id":"MR-{i:07d}","unit_code":"03386","held_on":"2024-06-20",'
                '"kind":"so_ket","maintained":true}\n'
            )
    return {"bad": bad, "good": good}


# -- duplicate ids planted -------------------------------------------------------------

#: The record types whose ids are planted again (``planted_folder``): crime reports,
#: subjects and support actions.
PLANTED_TYPES: Final = ("crime_reports", "subjects", "support_actions")
#: Ids of each planted type that appear twice: the original and one copy at the file's end.
TWICE: Final = 2
#: The type one of whose ids appears three times: the original, a copy in the middle of
#: the file and one at its end.
THRICE_TYPE: Final = "crime_reports"


def _plant(
    source: Path, target: Path, rng: random.Random, *, thrice: bool
) -> tuple[dict[str, object], int]:
    """Copy ``source`` to ``target`` with ids of its first lines written again.

    The ids are taken among the first hundredth of the lines (the file's first range);
    :data:`TWICE` of them are copied once at the end of the file (its last range), and
    with ``thrice`` one more is copied in the middle and at the end.

    Returns:
        What was planted (each id, the line it was first at, how often it now appears),
        and the number of records its ids make: each is rejected.
    """
    with source.open(encoding="utf-8") as file:
        count = sum(1 for _ in file)
    picked = rng.sample(range(max(count // 100, TWICE + 1)), TWICE + int(thrice))
    lines: dict[int, str] = {}
    with source.open(encoding="utf-8") as file:
        for number, line in enumerate(file):
            if number in picked:
                lines[number] = line
            if len(lines) == len(picked):
                break
    middle = count // 2
    with source.open(encoding="utf-8") as file, target.open("w", encoding="utf-8") as out:
        for number, line in enumerate(file):
            if thrice and number == middle:
                out.write(lines[picked[-1]])
            out.write(line)
        out.writelines(lines[number] for number in picked)
    appears = [3 if thrice and number == picked[-1] else 2 for number in picked]
    ids = [
        {"id": json.loads(lines[number])["id"], "line": number + 1, "appears": times}
        for number, times in zip(picked, appears, strict=True)
    ]
    return {"lines": count, "ids": ids}, sum(appears)


def planted_folder(data: Path, source: Path, seed: int) -> tuple[Path, dict[str, object]]:
    """A copy of a mixed folder with duplicate ids planted across its ranges (cached).

    In :data:`PLANTED_TYPES`, :data:`TWICE` ids of the first lines appear again at the
    file's end, and one crime report's id in the middle and at the end (three times);
    which lines is drawn from ``seed``. Every other file is copied as it is. The folder is
    ``planted-<source's name>``, beside the source, which is never written to.

    Returns:
        The folder and what was planted (:func:`_plant`'s account per type, and the
        rejections expected: every copy of a repeated id, the first included, is rejected).
    """
    folder = data / f"planted-{source.name}"
    key: dict[str, object] = {
        "seed": seed,
        "source": meta_of(source),
        "plant": hashlib.sha256(inspect.getsource(_plant).encode()).hexdigest()[:16],
    }
    if _fresh(folder, key):
        return folder, meta_of(folder)
    print(f"  planting duplicate ids into a copy of {source.name} (cached afterwards) ...")
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    planted: dict[str, object] = {}
    expected = 0
    for path in sorted(source.glob("*.jsonl")):
        kind = path.stem
        if kind in PLANTED_TYPES:
            planted[kind], rejected = _plant(
                path, folder / path.name, rng, thrice=kind == THRICE_TYPE
            )
            expected += rejected
        else:
            shutil.copyfile(path, folder / path.name)
    meta = {**key, "planted": planted, "expected_duplicates": expected}
    (folder / META).write_text(json.dumps(meta, indent=1), encoding="utf-8")
    return folder, meta
