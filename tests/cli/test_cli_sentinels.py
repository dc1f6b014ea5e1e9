"""The CLI sentinel test: personal data never appears in anything a command puts out.

Issue 11: "Sensitive values never appear in a repr, an error message, a log line, a
report or an export." The subjects of a small synthetic dataset hold sentinel strings
as their name, national id and phone; the dataset is written as a JSON document, a
folder of JSON Lines and a folder of CSV files, and again with bad records appended
(each carrying personal data in some form), plus inputs that cannot be read at all.
Every command of ``threeno`` runs on them through :func:`threeno.cli.main`, in every
variant that reads records, and everything it puts out is searched: standard output
and error (at the file descriptors), log records, warnings, the traceback of
``--debug``, and every file it wrote. Two runs go through the installed ``threeno``
program in a subprocess, to catch what the interpreter prints at exit.

The commands are read from the parser: a command that no runner below runs fails
:func:`test_command` until one is added to :data:`RUNNERS`.
tests/privacy/test_sentinels.py covers the library's public functions.
"""

from __future__ import annotations

import argparse
import functools
import html
import inspect
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import traceback
import warnings
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import attrs
import pytest

from tests.sentinel_data import (
    DIGITS,
    FOLDED,
    NAME,
    NATIONAL_ID,
    PHONE,
    PHONE_PIECES,
    bad_subjects,
    folded,
    own_data_variants,
    with_sentinels,
)
from threeno import cli
from threeno.indicators.catalogue import CATALOGUE
from threeno.indicators.definitions import Level
from threeno.io.converter import CONVERTER
from threeno.io.datasets import SCHEMA, LoadLimits, dump_dataset, load_dataset
from threeno.io.schema import SCHEMA_NAMES
from threeno.io.xlsx_template import write_workbook
from threeno.model.dataset import RECORD_TYPES, Dataset
from threeno.plans import load_plan
from threeno.reporting.render import CSV_HEADERS, FORMATS
from threeno.testing.synthetic import generate

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

SENTINELS: Final = (NAME, NATIONAL_ID, PHONE)
#: What the outputs are searched for: a piece of a sentinel is a leak too (an error
#: message quoting the start of a line, a value cut short).
SEARCHED: Final = ("SENTINEL", "NAMEQX", "NIDQX", "PHONEQX", DIGITS)
PLAN: Final = load_plan("lai-chau-2024")
#: The period ``report`` evaluates by default, "today" being 2026-01-05 (conftest.TODAY).
DEFAULT_PERIOD: Final = "2024"
#: How many subject lines each failing input appends, all of them rejected.
BAD_JSONL_LINES: Final = 15
BAD_CSV_ROWS: Final = 5
BAD_DOCUMENT_SUBJECTS: Final = 9
#: The good subject a bad one copies (bad_subjects' last) is rejected too: every copy of
#: a repeated id is (issue 17).
REPEATED: Final = 1
#: Failing inputs that leaked personal data when this test was written, now fixed: each
#: stays here as a regression test (what it leaked, before the fix).
KNOWN_LEAKS: Final = {
    # The header row lost: the first row was quoted as "extra column" names.
    "csv-without-header": "DatasetError: ... extra column '<name>'; extra column '<id>' ...",
    # A record's own name in unit_code: the problem between records and the data-quality
    # line quoted it (the rejection of a name in `sex` was already scrubbed).
    "name-as-unit": "subjects[BAD-40].unit_code: '<name>' is not a valid unit on ...",
    # A key that is the record's own name: the field path was not scrubbed.
    "name-as-key": "subjects.jsonl, line 22, id 'BAD-41': <name>: unknown key",
    # Issue 17, point 6: the record's own data typed elsewhere, written otherwise, was
    # masked only when byte-identical (sentinel_data.own_data_variants says each).
    "name-cased-spaced-in-sex": "... unknown Sex '<name in lower case>  ' ...",
    "name-nfd-in-sex": "... unknown Sex '<name in NFD>' ...",
    "name-fullwidth-in-unit": "... '<name in full-width letters>' is not a valid unit ...",
    "phone-punctuated-in-unit": "... '+84 <phone with dots>' is not a valid unit ...",
    "phone-spaced-in-sex": "... unknown Sex '(+84) <phone with dashes>' ...",
    "name-as-list-in-sex": "... unknown Sex '<name>' (her name given as a list) ...",
    "name-as-key-in-ethnicity": "... unknown Ethnicity '<name>' (her name as a key) ...",
    "id-is-her-name": "subjects.jsonl, line 22, id '<name>': accepted; listed in reports",
    "id-is-her-name-and-bad": "..., id '<name>': birth_year: ... (masked beside, not in place)",
    "id-is-her-phone": "subjects.jsonl, line 22, id 'S-<phone>': accepted",
    # A first row (the header lost) with a cell that is a column name: read as a header,
    # and its other cells quoted as "extra column" names.
    "csv-first-row-with-a-column-name": "DatasetError: ... extra column '<name>' ...",
}


# -- the inputs ------------------------------------------------------------------------------


def _raw(data: Dataset, name: str) -> list[dict[str, Any]]:
    return [CONVERTER.unstructure(r) for r in getattr(data, name)]


def _bad_lines(data: Dataset) -> list[bytes]:
    """JSON Lines of subjects that are rejected, each with personal data in it."""
    bad = [json.dumps(b).encode() for b in bad_subjects(data)]
    good = dict(CONVERTER.unstructure(data.subjects[0]))
    rest = json.dumps({k: v for k, v in good.items() if k not in {"id", "full_name"}})[1:]
    no_sex = json.dumps({k: v for k, v in good.items() if k not in {"id", "full_name", "sex"}})
    no_sex = no_sex[1:]
    deep = "[" * 40 + json.dumps(NAME) + "]" * 40
    bad += [
        f'{{"id": "BAD-9", "full_name": "{NAME}", '.encode(),  # not JSON
        f'{{"id": "BAD-10", "full_name": "{NAME}", "full_name": "{NAME}", {rest}'.encode(),
        f'{{"id": "BAD-11", "full_name": {deep}, {rest}'.encode(),  # too deep
        b'{"id": "BAD-12", "full_name": "' + NAME.encode() + b' \xe9", ' + rest.encode(),
        # A line over the 1 MiB limit, the name at its start.
        f'{{"id": "BAD-13", "full_name": "{NAME}", "phone": "{PHONE}{"9" * (1 << 20)}"}}'.encode(),
        f'{{"id": "BAD-14", "full_name": "{NAME}", "sex": "{NAME}", {no_sex}'.encode(),
    ]
    assert len(bad) == BAD_JSONL_LINES
    return bad


def _bad_rows(unit: str) -> str:
    """CSV rows of subjects (columns id, sex, ..., full_name, national_id, phone), rejected."""
    return (
        f"BAD-20,female,1000,08,{unit},2024-01-10,,{NAME},{NATIONAL_ID},{PHONE}\n"  # the year
        f'BAD-21,female,1998,08,{unit},2024-01-10,,"{NAME}",{DIGITS}\n'  # a cell short
        f"BAD-22,{NAME} 0,1998,08,{unit},2024-01-10,,{NAME} 0,{NATIONAL_ID},{PHONE}\n"
        f"BAD-23,female,1998,08,{unit},2024-02-30,,{NAME} 2024-02-30,,\n"
        # An unclosed quote, last: the rest of the file is one bad cell.
        f'BAD-24,female,1998,08,{unit},2024-01-10,,"{NAME},{NATIONAL_ID},{PHONE}\n'
    )


def _write_lines(folder: Path, data: Dataset) -> None:
    folder.mkdir(parents=True)
    for name in RECORD_TYPES:
        lines = (json.dumps(r, ensure_ascii=False) + "\n" for r in _raw(data, name))
        (folder / f"{name}.jsonl").write_text("".join(lines), encoding="utf-8")


def _document(data: Dataset) -> dict[str, Any]:
    return {"schema": SCHEMA, **{name: _raw(data, name) for name in RECORD_TYPES}}


def _write_csv(folder: Path, data: Dataset) -> None:
    # Another change makes dump_dataset leave personal data out unless asked to keep it.
    keep: dict[str, Any] = {}
    if "personal_data" in inspect.signature(dump_dataset).parameters:
        keep["personal_data"] = True
    dump_dataset(data, folder, "csv", **keep)


@attrs.frozen(kw_only=True)
class Inputs:
    """The input files, good and failing, every one of them holding sentinels."""

    root: Path
    data: Dataset
    unit: str  # a unit whose subjects are in the data
    other_unit: str
    good: dict[str, Path]  # by format: json, jsonl, csv
    bad: dict[str, Path]
    single_file: Path  # the failing subjects.jsonl, given alone
    unreadable: dict[str, Path]  # inputs whose load fails as a whole
    known_leaks: dict[str, Path]  # failing inputs whose personal data leaks today
    missing: Path

    def short(self, text: str) -> str:
        """The text with the inputs' folder left out, for readable test ids and messages."""
        return text.replace(str(self.root) + os.sep, "")


def _build_inputs(root: Path) -> Inputs:
    data = with_sentinels(generate(PLAN, seed=11, scale=0.05))
    units = sorted({s.unit_code for s in data.subjects})
    good = {"json": root / "good.json", "jsonl": root / "good-jsonl", "csv": root / "good-csv"}
    good["json"].write_text(json.dumps(_document(data), indent=1), encoding="utf-8")
    _write_lines(good["jsonl"], data)
    _write_csv(good["csv"], data)

    bad = {"json": root / "bad.json", "jsonl": root / "bad-jsonl", "csv": root / "bad-csv"}
    document = _document(data)
    document["subjects"] += bad_subjects(data)
    bad["json"].write_text(json.dumps(document, indent=1), encoding="utf-8")
    _write_lines(bad["jsonl"], data)
    with (bad["jsonl"] / "subjects.jsonl").open("ab") as lines:
        lines.writelines(line + b"\n" for line in _bad_lines(data))
    shutil.copytree(good["csv"], bad["csv"])
    with (bad["csv"] / "subjects.csv").open("a", encoding="utf-8") as rows:
        rows.write(_bad_rows(units[0]))

    text = good["json"].read_text(encoding="utf-8")
    cut = text.index(NAME) + len(NAME) + 1
    unreadable = {
        "truncated.json": text[:cut],  # a document cut short in the middle of a name
        "not-utf8.json": text[:cut] + "\udce9" + text[cut:],  # a Latin-1 é after the name
        "array.json": json.dumps(document["subjects"]),  # subjects, not a dataset
        "by-id.json": json.dumps(
            {"schema": SCHEMA, "subjects": {s["id"]: s for s in document["subjects"]}}
        ),
        "no-schema.json": json.dumps({"subjects": document["subjects"]}),
    }
    paths = {}
    for name, content in unreadable.items():
        paths[name] = root / name
        paths[name].write_bytes(content.encode("utf-8", "surrogateescape"))
    # CSV files the reader gives up on: a Latin-1 é after a name; a row over the 1 MiB limit.
    row = f"BAD-30,female,1998,08,{units[0]},2024-01-10,,{NAME},{NATIONAL_ID},{PHONE}"
    for name, tail in (("not-utf8-csv", b"\xe9\n"), ("long-row-csv", b"9" * (1 << 20) + b"\n")):
        paths[name] = root / name
        shutil.copytree(good["csv"], paths[name])
        with (paths[name] / "subjects.csv").open("ab") as rows:
            rows.write(row.encode() + tail)

    known_leaks = {name: root / name for name in KNOWN_LEAKS}
    shutil.copytree(good["csv"], known_leaks["csv-without-header"])
    subjects = known_leaks["csv-without-header"] / "subjects.csv"
    subjects.write_text(subjects.read_text("utf-8-sig").split("\n", 1)[1], encoding="utf-8")
    first: dict[str, Any] = CONVERTER.unstructure(data.subjects[0])
    own_name = {  # the record's own name, which the loader knows to be personal
        "name-as-unit": {**first, "id": "BAD-40", "unit_code": first["full_name"]},
        "name-as-key": {**first, "id": "BAD-41", first["full_name"]: True},
    }
    own_name.update(own_data_variants(data))
    for name, line in own_name.items():
        shutil.copytree(good["jsonl"], known_leaks[name])
        with (known_leaks[name] / "subjects.jsonl").open("a", encoding="utf-8") as lines:
            lines.write(json.dumps(line) + "\n")
    shutil.copytree(good["csv"], known_leaks["csv-first-row-with-a-column-name"])
    first_row = known_leaks["csv-first-row-with-a-column-name"] / "subjects.csv"
    data_rows = first_row.read_text("utf-8-sig").split("\n")[1:]
    cells = data_rows[0].split(",")
    cells[6] = "categories"  # a cell that is a column name, in the first (data) row
    first_row.write_text("\n".join([",".join(cells), *data_rows[1:]]), encoding="utf-8")
    return Inputs(
        root=root,
        data=data,
        unit=units[0],
        other_unit=units[-1],
        good=good,
        bad=bad,
        single_file=bad["jsonl"] / "subjects.jsonl",
        unreadable=paths,
        known_leaks=known_leaks,
        missing=root / "no-such-data.json",
    )


def _files(path: Path) -> list[Path]:
    return sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8", "replace")


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Inputs:
    """The inputs, built once; each holds the sentinels, or the test would prove nothing."""
    made = _build_inputs(tmp_path_factory.mktemp("inputs"))
    for path in [*made.good.values(), *made.bad.values(), *made.known_leaks.values()]:
        text = "".join(_read(p) for p in _files(path))
        assert all(s in text for s in SENTINELS), path
    for path in made.bad.values():
        assert DIGITS in "".join(_read(p) for p in _files(path)), path
    for path in made.unreadable.values():
        assert NAME in "".join(_read(p) for p in _files(path)), path
    assert not made.missing.exists()
    return made


# -- running commands ------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Run:
    """One command's exit code and output; ``raised`` for ``--debug`` letting an error through."""

    code: int | str | None
    out: str
    err: str
    files: dict[Path, str]
    raised: BaseException | None = None


def _state(root: Path) -> dict[Path, tuple[int, int]]:
    return {p: (p.stat().st_mtime_ns, p.stat().st_size) for p in _files(root)}


class Cli:
    """Runs commands in-process and keeps everything they put out, to search for sentinels."""

    def __init__(
        self,
        inputs: Inputs,
        workdir: Path,
        capfd: pytest.CaptureFixture[str],
        caplog: pytest.LogCaptureFixture,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        """Run in ``workdir``, where relative outputs go; nothing collected yet."""
        self.inputs = inputs
        self.workdir = workdir
        self.capfd = capfd
        self.caplog = caplog
        self.monkeypatch = monkeypatch
        self.texts: list[tuple[str, str]] = []  # (the command, something it put out)
        self.runs = 0

    def add(self, label: str, *texts: str) -> None:
        """Keep texts put out by the command ``label``."""
        self.texts.extend((label, t) for t in texts)

    def run(self, *argv: object, code: int | None) -> Run:
        """Run ``threeno argv``, check its exit code, and keep all it put out and wrote.

        ``code=None`` expects ``--debug`` to let an error through.
        """
        args = [str(a) for a in argv]
        label = self.inputs.short("threeno " + " ".join(args))
        roots = (self.workdir, self.inputs.root)
        before = {root: _state(root) for root in roots}
        self.capfd.readouterr()
        self.caplog.clear()
        raised: BaseException | None = None
        result: int | str | None
        try:
            result = cli.main(args)
        except SystemExit as exc:  # argparse: --help, --version, a usage error
            result = exc.code
        except Exception as exc:
            if "--debug" not in args:
                raise
            raised, result = exc, None
            # What the interpreter prints for an uncaught error, its causes included; from
            # cli.main on (this file's frames name the sentinels).
            frames = exc.__traceback__
            while frames is not None and frames.tb_frame.f_code.co_filename == __file__:
                frames = frames.tb_next
            shown = traceback.format_exception(type(exc), exc, frames)
            self.add(label, "".join(shown), repr(exc.args))
        captured = self.capfd.readouterr()
        files = {}
        for root in roots:
            after = _state(root)
            files.update({p: _read(p) for p, s in after.items() if before[root].get(p) != s})
        self.add(label, captured.out, captured.err, *files.values())
        self.add(label, *(r.getMessage() for r in self.caplog.records))
        self.runs += 1
        assert result == code, f"{label}: exit code {result}, not {code}: {captured.err[-800:]}"
        if code is not None:
            assert captured.out or captured.err or files, f"{label}: printed and wrote nothing"
        return Run(code=result, out=captured.out, err=captured.err, files=files, raised=raised)

    def leaks(self) -> list[str]:
        """Each piece of a sentinel found, with the command and a little context.

        The texts searched are then dropped, so that each is searched once.
        """
        found = []
        texts, self.texts = self.texts, []
        for label, text in texts:
            upper = text.upper()
            for piece in SEARCHED:
                at = upper.find(piece)
                if at >= 0:
                    context = self.inputs.short(text[max(at - 80, 0) : at + 40])
                    found.append(f"{label}\n    {piece}: ...{context!r}...")
            # Written otherwise (issue 17): in any case, spacing, accents or Unicode form,
            # or a phone in any punctuation.
            bare = folded(self.inputs.short(text))
            found.extend(f"{label}\n    {piece} (folded)" for piece in FOLDED if piece in bare)
            digits = re.sub(r"[\s.\-()+]", "", text)
            found.extend(f"{label}\n    {p} (a phone)" for p in PHONE_PIECES if p in digits)
        return found


@pytest.fixture
def run(
    inputs: Inputs,
    tmp_path: Path,
    capfd: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Cli]:
    """A :class:`Cli` in an empty folder; at the end, warnings too, and the search."""
    monkeypatch.chdir(tmp_path)
    caplog.set_level(logging.DEBUG)
    runner = Cli(inputs, tmp_path, capfd, caplog, monkeypatch)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield runner
    runner.add("warnings", *(str(w.message) for w in caught))
    assert runner.runs, "no command was run"
    expected: list[str] = []
    assert expected == runner.leaks()


# -- the commands, one runner each -----------------------------------------------------------


def _rejected(count: int) -> str:
    return f"{count} rejected"


def _check_report(run: Run, fmt: str, lang: str, text: str) -> None:
    """The report is there, in its format and language."""
    if fmt == "md":
        title = "\n# BÁO CÁO\n" if lang == "vi" else "\n# REPORT\n"
        assert title in text
    elif fmt == "html":
        assert text.startswith(f'<!DOCTYPE html>\n<html lang="{lang}">')
    elif fmt == "json":
        assert json.loads(text)["header"]["period"] == DEFAULT_PERIOD
    else:
        assert text.lstrip("\ufeff").startswith(",".join(CSV_HEADERS[lang][:2]) + ",")
    assert run.code in {cli.EXIT_OK, cli.EXIT_DATA}


def _run_report(cli_: Cli) -> None:
    """Every format and language, to standard output and to a file; units; periods; failures."""
    inputs = cli_.inputs
    for fmt in FORMATS:
        for lang in ("vi", "en"):
            # The failing data: exit 1, the rejections in the data-quality section.
            argv = ["report", "--data", inputs.bad["jsonl"], "--format", fmt, "--lang", lang]
            done = cli_.run(*argv, code=cli.EXIT_DATA)
            _check_report(done, fmt, lang, done.out)
            assert ("record(s) rejected" if lang == "en" else "bản ghi bị loại") in done.err
            if fmt != "csv":  # the CSV report is the indicator table alone
                assert "BAD-8" in done.out  # the rejections are listed, and were searched
            out = cli_.workdir / f"report-{lang}.{fmt}"
            argv = ["report", "--data", inputs.good["json"], "--format", fmt, "--lang", lang]
            done = cli_.run(*argv, "--out", out, code=cli.EXIT_OK)
            assert done.out == ""
            _check_report(done, fmt, lang, done.files[out])
    # The other forms of failing data, one unit or two, another period.
    cli_.run("report", "--data", inputs.bad["csv"], "--unit", inputs.unit, code=cli.EXIT_DATA)
    argv = ["report", "--data", inputs.bad["json"], "--period", "2024-H1", "--lang", "en"]
    done = cli_.run(*argv, code=cli.EXIT_DATA)
    # The plan's half-years run from the 15th of December to the 14th of June.
    lines = done.out.splitlines()
    assert "- **Reporting period:** first half of 2024" in lines
    assert "- **Dates:** 15/12/2023 – 14/06/2024" in lines
    argv = ["report", "--data", inputs.good["csv"], "--unit", inputs.unit, "--period", "2024-H2"]
    argv += ["--unit", inputs.other_unit, "--format", "csv", "--out", "units.csv"]
    cli_.run(*argv, code=cli.EXIT_OK)
    # Data that cannot be read, and --debug on it; a usage error with failing data.
    for path in [inputs.missing, *inputs.unreadable.values()]:
        done = cli_.run("report", "--data", path, code=cli.EXIT_DATA)
        assert done.out == ""
        assert done.err.startswith("threeno: lỗi: ")  # the report's default language
        assert done.err.count("\n") == 1
    done = cli_.run("report", "--data", inputs.single_file, "--format", "json", code=1)
    assert json.loads(done.out)["header"]["period"] == DEFAULT_PERIOD
    done = cli_.run("--debug", "report", "--data", inputs.unreadable["truncated.json"], code=None)
    assert done.raised is not None
    cli_.run("--debug", "report", "--data", inputs.bad["csv"], code=cli.EXIT_DATA)
    cli_.run("report", "--data", inputs.bad["jsonl"], "--period", "2024-H3", code=cli.EXIT_USAGE)


def _run_compare(cli_: Cli) -> None:
    """Every format and language on failing data (Word and Excel to files); --publish refused.

    The comparison lists records by id with the reasons each side gives: the search
    checks that no personal value comes with them.
    """
    inputs = cli_.inputs
    revisions = ["--revision", "lai-chau-2024-count-receipt-day"]
    revisions += ["--revision", "lai-chau-2024-deadline-10-days"]
    for fmt in FORMATS:
        for lang in ("vi", "en"):
            argv = ["compare", *revisions, "--data", inputs.bad["jsonl"], "--format", fmt]
            done = cli_.run(*argv, "--lang", lang, code=cli.EXIT_DATA)
            assert done.out
    for fmt in ("docx", "xlsx"):  # the Word file and the workbook: every part of the zip
        for lang in ("vi", "en"):
            out = cli_.workdir / f"compare-{lang}.{fmt}"
            argv = ["compare", *revisions, "--data", inputs.bad["jsonl"], "--format", fmt]
            cli_.run(*argv, "--lang", lang, "--out", out, code=cli.EXIT_DATA)
            with zipfile.ZipFile(out) as parts:
                # openpyxl writes characters as references (&#225;): read them as characters.
                texts = [html.unescape(parts.read(n).decode("utf-8")) for n in parts.namelist()]
            assert any("So sánh" in t or "Comparison" in t for t in texts)
            cli_.add(f"threeno compare --format {fmt} --lang {lang}", *texts)
    out = cli_.workdir / "compare.md"
    argv = ["compare", *revisions[:2], "--data", inputs.good["json"], "--out", out]
    done = cli_.run(*argv, code=cli.EXIT_OK)
    assert done.out == ""
    assert done.files[out].startswith("# So sánh")
    argv = ["compare", *revisions[:2], "--data", inputs.good["json"], "--publish"]
    cli_.run(*argv, code=cli.EXIT_USAGE)


def _run_validate(cli_: Cli) -> None:
    """Good and failing data in each format; data that cannot be read; over a size limit."""
    inputs = cli_.inputs
    for fmt in ("json", "jsonl", "csv"):
        done = cli_.run("validate", inputs.good[fmt], "--lang", "en", code=cli.EXIT_OK)
        assert ", 0 rejected;" in done.out.splitlines()[0]
        done = cli_.run("validate", inputs.good[fmt], code=cli.EXIT_OK)  # Vietnamese
        assert ", 0 bị loại;" in done.out.splitlines()[0]
    # Worked out from the inputs: every bad line, row or subject appended is rejected.
    for fmt, count in (
        ("jsonl", BAD_JSONL_LINES + REPEATED),
        ("csv", BAD_CSV_ROWS),
        ("json", BAD_DOCUMENT_SUBJECTS + REPEATED),
    ):
        cli_.run("validate", inputs.bad[fmt], code=cli.EXIT_DATA)  # Vietnamese, searched too
        done = cli_.run("validate", inputs.bad[fmt], "--lang", "en", code=cli.EXIT_DATA)
        first = done.out.splitlines()[0]
        assert _rejected(count) in first, first
    done = cli_.run("validate", inputs.single_file, "--lang", "en", code=cli.EXIT_DATA)
    assert _rejected(BAD_JSONL_LINES + REPEATED) in done.out.splitlines()[0]
    for path in [inputs.missing, *inputs.unreadable.values()]:
        done = cli_.run("validate", path, "--lang", "en", code=cli.EXIT_DATA)
        assert done.out == ""
        assert done.err.startswith("threeno: error: ")
        assert done.err.count("\n") == 1
    done = cli_.run("--debug", "validate", inputs.unreadable["not-utf8.json"], code=None)
    assert "not UTF-8" in str(done.raised)
    # Over a size limit: the limits made small, so that the test files exceed them.
    small = LoadLimits(document_bytes=1000, file_bytes=1000)
    cli_.monkeypatch.setattr(cli, "load_dataset", functools.partial(load_dataset, limits=small))
    for path in (inputs.bad["json"], inputs.bad["csv"], inputs.bad["jsonl"]):
        done = cli_.run("validate", path, "--lang", "en", code=cli.EXIT_DATA)
        assert "more than the limit of 1,000 bytes" in done.err
        done = cli_.run("validate", path, code=cli.EXIT_DATA)
        assert "vượt giới hạn 1.000 byte" in done.err


def _run_indicators(cli_: Cli) -> None:
    """The catalogue in both languages (no records read; run for completeness)."""
    for lang in ("vi", "en"):
        done = cli_.run("indicators", "--lang", lang, code=cli.EXIT_OK)
        assert len(done.out.splitlines()) == 1 + len(CATALOGUE)  # a header, then one each


def _run_explain(cli_: Cli) -> None:
    """Every indicator, for the whole area and (when counted by unit) one unit, on failing data.

    ``explain`` lists every record behind the result, so it runs on each form of failing
    data in turn (it exits 1, as ``report`` does, since records were rejected).
    """
    inputs = cli_.inputs
    forms = ("jsonl", "csv", "json")
    for i, indicator in enumerate(CATALOGUE):
        data = inputs.bad[forms[i % len(forms)]]
        lang = ("vi", "en")[i % 2]
        argv = ["explain", indicator.id, "--data", data, "--lang", lang]
        done = cli_.run(*argv, code=cli.EXIT_DATA)
        assert done.out.startswith(f"{indicator.id}: ")
        if indicator.level is Level.UNIT:
            other = ("vi", "en")[(i + 1) % 2]
            argv = ["explain", indicator.id, "--unit", inputs.unit, "--data", data]
            done = cli_.run(*argv, "--lang", other, "--period", "2024-H2", code=cli.EXIT_DATA)
            assert done.out.startswith(f"{indicator.id}: ")
            assert inputs.unit in done.out
    # Failing loads: data that cannot be read, and --debug on it.
    first = CATALOGUE[0].id
    cli_.run("explain", first, "--data", inputs.missing, code=cli.EXIT_DATA)
    cli_.run("explain", first, "--data", inputs.unreadable["by-id.json"], code=cli.EXIT_DATA)
    argv = ["--debug", "explain", first, "--data", inputs.unreadable["array.json"]]
    assert cli_.run(*argv, code=None).raised is not None


def _run_schema(cli_: Cli) -> None:
    """Every schema (no records read; run for completeness)."""
    for name in SCHEMA_NAMES:
        done = cli_.run("schema", name, code=cli.EXIT_OK)
        assert json.loads(done.out)["type"] == "object"


def _run_docs(cli_: Cli) -> None:
    """The generated pages (from the plan and the code; no records read)."""
    done = cli_.run("docs", "--out", "pages", code=cli.EXIT_OK)
    assert len(done.files) == len(done.out.splitlines()) >= 1


def _run_plan_show(cli_: Cli) -> None:
    """A plan's summary in both languages (no records read)."""
    for lang in ("vi", "en"):
        done = cli_.run("plan", "show", "--lang", lang, code=cli.EXIT_OK)
        assert done.out.startswith("lai-chau-2024: ")


def _run_sample(cli_: Cli) -> None:
    """Synthetic data written and validated (made up, but searched all the same)."""
    done = cli_.run("sample", "--seed", "3", "--scale", "0.05", "--out", "sample", code=0)
    assert sorted(p.name for p in done.files) == sorted(f"{n}.jsonl" for n in RECORD_TYPES)
    cli_.run("validate", "sample", code=cli.EXIT_OK)


def _run_template(cli_: Cli) -> None:
    """The Excel template in each language and with the personal columns; a filled one read.

    The good data are written into the template (their personal values included) and read
    back by ``validate`` and ``report``. The template holds no record; the filled workbook
    holds the good data's sentinels, so only its own file may show them: what the commands
    print about it may not.
    """
    for lang, extra in (("vi", ()), ("en", ()), ("vi", ("--personal-data",))):
        out = cli_.workdir / f"so-lieu-{lang}-{len(extra)}.xlsx"
        cli_.run("template", "--lang", lang, *extra, "--out", out, code=cli.EXIT_OK)
        with zipfile.ZipFile(out) as parts:
            texts = [html.unescape(parts.read(n).decode("utf-8")) for n in parts.namelist()]
        assert any("Hướng dẫn" in t or "Instructions" in t for t in texts)
        cli_.add(f"threeno template --lang {lang} {' '.join(extra)}", *texts)
    plan = load_plan("lai-chau-2024")
    data, _ = load_dataset(cli_.inputs.good["json"], plan=plan)
    filled = cli_.inputs.root / "filled.xlsx"  # an input, searched only for what is printed
    write_workbook(filled, plan=plan, dataset=data, personal_data=True)
    with zipfile.ZipFile(filled) as parts:  # the sentinels are in it, or this proves nothing
        written = " ".join(html.unescape(parts.read(n).decode("utf-8")) for n in parts.namelist())
    assert any(piece in written.upper() for piece in SEARCHED)
    done = cli_.run("validate", filled, code=cli.EXIT_OK)
    assert done.out
    cli_.run("report", "--data", filled, "--period", "2024", code=cli.EXIT_OK)


def _run_serve(cli_: Cli) -> None:
    """A usage error before the service starts (no records read).

    The service reads records only from its requests: tests/serve/test_serve_sentinels.py
    sends these sentinels to a real server and searches every answer and its log.
    """
    done = cli_.run("serve", "--default-plan", "no-such-plan", code=cli.EXIT_USAGE)
    # Without the serve extra, the command says how to install it instead.
    assert "no plan 'no-such-plan'" in done.err or 'pip install "threeno[serve]"' in done.err


#: A runner for each command of ``threeno``; a new command fails test_command until added.
RUNNERS: Final[dict[str, Callable[[Cli], None]]] = {
    "report": _run_report,
    "compare": _run_compare,
    "validate": _run_validate,
    "indicators": _run_indicators,
    "explain": _run_explain,
    "schema": _run_schema,
    "docs": _run_docs,
    "plan show": _run_plan_show,
    "sample": _run_sample,
    "template": _run_template,
    "serve": _run_serve,
}


def _commands(parser: argparse.ArgumentParser) -> Iterator[tuple[str, ...]]:
    """Every command of a parser, a command with subcommands by each of them (``plan show``)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                nested = list(_commands(sub))
                yield from ((name, *n) for n in nested) if nested else [(name,)]


COMMANDS: Final = [" ".join(c) for c in _commands(cli.build_parser())]


@pytest.mark.parametrize("command", COMMANDS)
def test_command(command: str, run: Cli) -> None:
    """Each command, in each variant that reads records, on good and failing data.

    Also its ``--help`` and a usage error (an unknown option).
    """
    runner = RUNNERS.get(command)
    if runner is None:
        pytest.fail(f"threeno {command} is not run on sentinel data: add a runner to RUNNERS")
    runner(run)
    words = command.split()
    assert "usage: threeno " in run.run(*words, "--help", code=cli.EXIT_OK).out
    assert "error: " in run.run(*words, "--no-such-option", code=cli.EXIT_USAGE).err


def test_no_stale_runners() -> None:
    """Every runner is for a command that exists, and every command of the parser was found."""
    assert set(RUNNERS) - set(COMMANDS) == set()
    assert {"report", "validate", "explain", "plan show"} <= set(COMMANDS)


def test_program(run: Cli) -> None:
    """``threeno`` alone, ``--help``, ``--version``, and an unknown command."""
    assert "report" in run.run(code=cli.EXIT_OK).out
    assert "usage: threeno " in run.run("--help", code=cli.EXIT_OK).out
    assert run.run("--version", code=cli.EXIT_OK).out.startswith("threeno ")
    assert "invalid choice" in run.run("no-such-command", code=cli.EXIT_USAGE).err


@pytest.mark.parametrize("case", list(KNOWN_LEAKS))
def test_known_leaks(case: str, run: Cli) -> None:
    """Failing inputs whose personal data leaked once: none leaks now."""
    path = run.inputs.known_leaks[case]
    run.run("validate", path, code=cli.EXIT_DATA)  # in Vietnamese, searched too
    done = run.run("validate", path, "--lang", "en", code=cli.EXIT_DATA)
    if case == "csv-without-header":
        assert "subjects.csv: the first row names none of the columns" in done.err
        assert "is the header row missing?" in done.err
    elif case == "csv-first-row-with-a-column-name":
        assert "; cell 1 of the first row is not a column name (not quoted" in done.err
    else:  # a unit that does not exist is a problem between records, not a rejection
        first = done.out.splitlines()[0]
        assert first.endswith(
            ("1 rejected; 0 problems between records", "1 problem between records")
        )
    # report exits 1 for a rejected record, unreadable data, or a record left out (a name
    # typed as a unit code is no unit's code)
    run.run("report", "--data", path, "--lang", "en", code=cli.EXIT_DATA)
    expected: list[str] = []
    assert expected == run.leaks()  # here, not at teardown, for xfail to see it


@pytest.mark.parametrize(
    "options", [["--publish"], ["--publish", "--suppress-below", "11"]], ids=["5", "11"]
)
def test_report_published(options: list[str], run: Cli) -> None:
    """``report --publish``: every format and language, on good and failing data.

    A published report has no record ids and no failing-record lists, besides no
    personal data.
    """
    inputs = run.inputs
    ids = {r.id for name in RECORD_TYPES for r in getattr(inputs.data, name)}
    ids |= {b["id"] for b in bad_subjects(inputs.data)} | {f"BAD-{i}" for i in range(9, 25)}
    pattern = re.compile("|".join(rf"\b{re.escape(i)}\b" for i in sorted(ids)))
    for i, fmt in enumerate(FORMATS):
        lang = ("vi", "en")[i % 2]
        argv = ["report", *options, "--format", fmt, "--lang", lang]
        done = run.run(*argv, "--data", inputs.bad["jsonl"], code=cli.EXIT_DATA)
        _check_report(done, fmt, lang, done.out)
        assert pattern.search(done.out) is None, pattern.search(done.out)
        out = run.workdir / f"published.{fmt}"
        done = run.run(*argv, "--data", inputs.good["csv"], "--out", out, code=cli.EXIT_OK)
        _check_report(done, fmt, lang, done.files[out])
        assert pattern.search(done.files[out]) is None
    one_unit = ["--data", inputs.bad["csv"], "--unit", inputs.unit, "--period", "2024-H1"]
    run.run("report", *options, *one_unit, code=cli.EXIT_DATA)


# -- the installed program, in a subprocess --------------------------------------------------


def _program() -> list[str]:
    """The ``threeno`` console script beside this Python, else the module run as a script."""
    script = Path(sys.executable).parent / ("threeno.exe" if os.name == "nt" else "threeno")
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-m", "threeno.cli"]  # pragma: no cover - not installed


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["report", "--data", "BAD_JSONL", "--format", "html"], cli.EXIT_DATA),
        (["--debug", "validate", "TRUNCATED"], 1),  # an uncaught error: the traceback
    ],
    ids=["report", "debug"],
)
def test_subprocess(args: list[str], code: int, inputs: Inputs, tmp_path: Path) -> None:
    """What the real program prints, up to the interpreter's exit, in development mode."""
    paths = {"BAD_JSONL": inputs.bad["jsonl"], "TRUNCATED": inputs.unreadable["truncated.json"]}
    argv = [str(paths.get(a, a)) for a in args]
    env = {**os.environ, "PYTHONDEVMODE": "1", "PYTHONWARNINGS": "always"}
    done = subprocess.run(  # noqa: S603 - our own program, arguments made here
        [*_program(), *argv], capture_output=True, cwd=tmp_path, env=env, timeout=120, check=False
    )
    out = done.stdout.decode("utf-8", "replace")
    err = done.stderr.decode("utf-8", "replace")
    assert done.returncode == code, err[-800:]
    if args[0] == "--debug":
        assert "Traceback (most recent call last):" in err
        assert "threeno.errors.DatasetError: " in err
    else:
        assert out.startswith('<!DOCTYPE html>\n<html lang="vi">')
    found = [
        f"{piece}: ...{inputs.short(text[max(at - 80, 0) : at + 40])!r}..."
        for text in (out, err, *(_read(p) for p in _files(tmp_path)))
        for piece in SEARCHED
        if (at := text.upper().find(piece)) >= 0
    ]
    expected: list[str] = []
    assert expected == found
