"""The sentinel test: personal data never appears in anything the library puts out.

A dataset's sensitive fields hold sentinel strings; every public function of the library
that takes records runs on it, including loads that fail, and every output is searched:
return values' text, reprs, error messages, load reports, rendered reports in every
format, files written, log records, warnings, and whatever reached stdout or stderr. The
commands of the ``threeno`` CLI are covered by the lead's own sentinel test.

A last test lists every public function (every name in a public module's ``__all__``)
and fails when a new one is neither run here nor exempted with a reason, so this test
grows with the library.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import importlib
import inspect
import io
import json
import logging
import pkgutil
import re
import tempfile
import warnings
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import pytest

import threeno
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
from threeno.errors import ThreenoError
from threeno.indicators.compare import compare, compare_all, compare_evaluations
from threeno.indicators.engine import evaluate, evaluate_records
from threeno.indicators.multi import evaluate_plans
from threeno.indicators.settings import EvaluationSettings
from threeno.io.converter import CONVERTER, coded_problems, field_problems, structure_problems
from threeno.io.datasets import RECORD_TYPE_KEY, dump_dataset, iter_records, load_dataset
from threeno.io.partitions import (
    StreamJob,
    evaluate_range,
    evaluate_ranges,
    evaluate_split,
    finish,
    merge_partials,
    merge_places,
    merge_scans,
    recheck_ids,
    scan_ids,
    split_folder,
)
from threeno.io.stream import evaluate_stream
from threeno.io.xlsx_template import workbook_bytes, write_workbook
from threeno.lang import LANGS
from threeno.model.dataset import RECORD_TYPES, Dataset
from threeno.model.subjects import Subject
from threeno.plans import load_plan, load_revision
from threeno.privacy import pseudonymise, redact
from threeno.reporting.compare_view import (
    build_comparison_view,
    render_comparison,
    render_comparisons,
)
from threeno.reporting.docx import render_docx
from threeno.reporting.render import FORMATS, render
from threeno.reporting.view import build_view
from threeno.reporting.xlsx import render_xlsx
from threeno.testing.synthetic import generate

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from threeno.indicators.results import Evaluation

SENTINELS = (NAME, NATIONAL_ID, PHONE, DIGITS)
PLAN = load_plan("lai-chau-2024")
PERIOD = PLAN.reporting_year


@pytest.fixture(scope="module")
def data() -> Dataset:
    """A small synthetic dataset of the bundled plan, every subject's personal data a sentinel."""
    return with_sentinels(generate(PLAN, seed=11, scale=0.05))


def _texts(value: object) -> Iterator[str]:
    """The str and repr of a value, its texts in both languages, and those of its items.

    A value with a ``text(lang)`` method (a load report, a rejection, a problem, an error)
    is written in Vietnamese too: a sentinel must not leak in either language.
    """
    yield str(value)
    yield repr(value)
    text = getattr(value, "text", None)
    if callable(text):
        yield from (text("vi"), text("en"))
    if isinstance(value, tuple | list):
        for item in value:
            yield from _texts(item)


def _partitioned(out: Outputs, folder: Path) -> None:
    """Every step of threeno.io.partitions on ``folder``, by ranges of 300 bytes."""
    split = out.call(split_folder, folder, range_bytes=300)
    job = StreamJob(plans=(PLAN,), period=PERIOD, settings=EvaluationSettings(explain="all"))
    scans = [scan_ids(r, job.limits) for r in split.ranges]
    scan = functools.reduce(merge_scans, scans)
    checks = [out.call(recheck_ids, r, scan.repeated, job.limits) for r in split.ranges]
    repeats = functools.reduce(merge_places, checks).repeats()
    out.add(scan, repeats)
    parts = [out.call(evaluate_range, job, r, repeats) for r in split.ranges]
    out.call(evaluate_ranges, job, split.ranges, repeats)
    out.call(evaluate_split, job, split, repeats)
    merged = functools.reduce(lambda a, b: out.call(merge_partials, a, b), parts)
    result = out.call(finish, job, split, merged)
    out.add(result[0].to_json(), result[0].summary("vi"), result[1].text("vi"))
    strict = StreamJob(plans=(PLAN,), period=PERIOD, strict=True)
    out.call(finish, strict, split, evaluate_ranges(strict, split.ranges, repeats))


class Outputs:
    """Everything the library put out during a test, to search for sentinels."""

    def __init__(self) -> None:
        """Start with nothing collected."""
        self.texts: list[str] = []

    def add(self, *values: object) -> None:
        """Keep the text of each value."""
        for value in values:
            self.texts.extend(_texts(value))

    def call(self, function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:  # noqa: ANN401 - any function
        """Call a function, keeping its result's text, or its error's message."""
        try:
            result = function(*args, **kwargs)
        except ThreenoError as exc:
            self.add(exc, exc.args, getattr(exc, "problems", ()), getattr(exc, "report", None))
            return None
        self.add(result)
        return result

    def files(self, paths: tuple[Path, ...]) -> None:
        """Keep the content of every file written."""
        for path in paths:
            self.texts.append(path.read_text(encoding="utf-8-sig"))

    def leaks(self) -> list[str]:
        """The sentinels found, with a little context each.

        Written exactly (in any case), or in any spacing, accents or Unicode form (the
        text folded), or a phone in any punctuation (spaces, dots, dashes, parentheses
        and ``+`` taken out).
        """
        found = []
        for text in self.texts:
            upper = text.upper()
            for sentinel in SENTINELS:
                at = upper.find(sentinel)
                if at >= 0:
                    found.append(f"{sentinel}: ...{text[max(at - 60, 0) : at + 30]}...")
            bare_text = folded(text)
            found.extend(f"{p} (folded): {text[:300]!r}" for p in FOLDED if p in bare_text)
            bare = re.sub(r"[\s.\-()+]", "", text)
            found.extend(
                f"{piece} (a phone): {text[:300]!r}" for piece in PHONE_PIECES if piece in bare
            )
        return found


@pytest.fixture
def out(caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str]) -> Iterator[Outputs]:
    """Collect outputs; at the end, add log records, warnings and stdout/stderr, and search."""
    outputs = Outputs()
    caplog.set_level(logging.DEBUG)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield outputs
    outputs.add(*(r.getMessage() for r in caplog.records), *(str(w.message) for w in caught))
    captured = capfd.readouterr()
    outputs.add(captured.out, captured.err)
    expected: list[str] = []
    assert expected == outputs.leaks()


def _sensitive_present(data: Dataset) -> None:
    # The test means something only if the sentinels are really in the data.
    assert data.subjects
    assert NAME in (data.subjects[0].full_name or "")


class TestRecordsAndDataset:
    """Reprs and messages of records and datasets."""

    def test_reprs(self, data: Dataset, out: Outputs) -> None:
        """The repr and str of every record and of the dataset hold no personal data."""
        _sensitive_present(data)
        out.add(data, *(r for name in RECORD_TYPES for r in getattr(data, name)))
        out.add(data.counts(), data.by_unit(data.subjects[0].unit_code))
        out.add(data.validate(PLAN))

    def test_construction_errors(self, data: Dataset, out: Outputs) -> None:
        """A subject refused on construction is refused without quoting its personal data."""
        good = data.subjects[0]
        out.call(attrs.evolve, good, birth_year=1000)
        out.call(attrs.evolve, good, full_name=" ")
        out.call(attrs.evolve, good, registered_on=NAME)
        out.call(Dataset, subjects=[good, good])  # a duplicate id

    def test_converter_messages(self, data: Dataset, out: Outputs) -> None:
        """The converter's problem lists for a bad subject hold no personal data.

        The converter quotes a faulty value of a field that is not sensitive (BAD-8's
        name in ``sex``); only the loader, which knows the record, scrubs that one.
        """
        for raw in bad_subjects(data)[:-2]:
            try:
                CONVERTER.structure(raw, Subject)
            except Exception as exc:  # noqa: BLE001 - any error the converter raises
                out.add(list(structure_problems(exc)), list(field_problems(exc)))
                out.add(list(coded_problems(exc)))

    def test_privacy_functions(self, data: Dataset, out: Outputs) -> None:
        """Neither redact's result nor pseudonymise's repr holds a sentinel; nor an export.

        ``dump_dataset`` leaves personal data out by default (issue 11): its files hold
        no sentinel, whether the data was redacted first or not.
        """
        _sensitive_present(data)
        out.add(redact(data), pseudonymise(data, b"a made-up key of 32 bytes, test!"))
        with tempfile.TemporaryDirectory() as folder:
            for given, records in (("redacted", redact(data)), ("unredacted", data)):
                for fmt in ("json", "jsonl", "csv"):
                    target = Path(folder) / given / (f"data.{fmt}" if fmt == "json" else fmt)
                    target.parent.mkdir(exist_ok=True)
                    out.files(dump_dataset(records, target, fmt))


class TestLoads:
    """Loads, good and failing, in every form."""

    def test_document_with_bad_records(self, data: Dataset, out: Outputs) -> None:
        """Rejections of a JSON document, its report, and the strict error."""
        document = json.loads(_document(data))
        document["subjects"] += bad_subjects(data)
        loaded = out.call(load_dataset, document, plan=PLAN)
        assert loaded is not None
        assert loaded[1].rejected >= len(bad_subjects(data)) - 1
        out.add(*loaded[1].rejections)
        out.call(load_dataset, document, plan=PLAN, strict=True)

    def test_files(self, data: Dataset, out: Outputs) -> None:
        """The same records from a JSON file, a folder of JSON Lines and one of CSV."""
        bad = bad_subjects(data)
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            document = json.loads(_document(data))
            document["subjects"] += bad
            (root / "data.json").write_text(json.dumps(document), encoding="utf-8")
            out.call(load_dataset, root / "data.json", strict=True)
            for fmt in ("jsonl", "csv"):
                # The interchange files hold the sentinels: the loads below must meet them.
                dump_dataset(data, root / fmt, fmt, personal_data=True)
                assert NAME in (root / fmt / f"subjects.{fmt}").read_text(encoding="utf-8-sig")
            with (root / "jsonl" / "subjects.jsonl").open("a", encoding="utf-8") as lines:
                lines.writelines(json.dumps(b) + "\n" for b in bad)
                lines.write(f'{{"id": "BAD-9", "full_name": "{NAME}", \n')  # not JSON
            with (root / "csv" / "subjects.csv").open("a", encoding="utf-8") as rows:
                rows.write(
                    f"BAD-10,female,1000,08,03386,2024-01-10,,{NAME},{NATIONAL_ID},{PHONE}\n"
                )
                rows.write(f'BAD-11,female,1998,08,03386,2024-01-10,,"{NAME}",{DIGITS}\n')
            for fmt in ("jsonl", "csv"):
                out.call(load_dataset, root / fmt, plan=PLAN, strict=True)
                loaded = out.call(load_dataset, root / fmt, plan=PLAN)
                out.add(*loaded[1].rejections)
                with iter_records(root / fmt / f"subjects.{fmt}", Subject) as stream:
                    out.add(list(stream), stream.report)
            out.call(evaluate_stream, PLAN, root / "jsonl", PERIOD, explain="all")
            out.call(evaluate_stream, PLAN, root / "jsonl", PERIOD, strict=True)
            _partitioned(out, root / "jsonl")

    def test_own_data_partitioned(self, data: Dataset, out: Outputs) -> None:
        """Every own-data variant evaluated by byte ranges, copies across ranges included."""
        variants = list(own_data_variants(data).values())
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            dump_dataset(data, root, "jsonl", personal_data=True)
            with (root / "subjects.jsonl").open("a", encoding="utf-8") as lines:
                lines.writelines(json.dumps(v, ensure_ascii=False) + "\n" for v in variants * 2)
            _partitioned(out, root)

    def test_records_iterable(self, data: Dataset, out: Outputs) -> None:
        """Records given as an iterable of dicts naming their type."""
        rows: list[dict[str, object]] = [
            {RECORD_TYPE_KEY: "subjects", **s} for s in bad_subjects(data) if isinstance(s, dict)
        ]
        rows.append({RECORD_TYPE_KEY: "persons", "full_name": NAME})  # an unknown type
        out.call(load_dataset, rows[:-1])
        out.call(load_dataset, rows)


class TestOwnDataWrittenOtherwise:
    """A record's own personal data typed in another field, written otherwise (issue 17).

    Reproduces point 6: a name was masked only when typed exactly (a trailing space,
    upper case, NFD, a phone with spaces, the name as a list went through), and an id
    equal to her name was masked in the message but printed in its place. Each variant
    of ``own_data_variants`` leaked before the change.
    """

    def test_loads(self, data: Dataset, out: Outputs) -> None:
        """Every variant, in a document, a JSON Lines file and as records in memory."""
        variants = list(own_data_variants(data).values())
        document = json.loads(_document(data))
        document["subjects"] += variants
        loaded = out.call(load_dataset, document, plan=PLAN)
        assert loaded is not None
        out.add(*loaded[1].rejections, *loaded[1].problems)
        out.call(load_dataset, document, plan=PLAN, strict=True)
        rows = [{RECORD_TYPE_KEY: "subjects", **v} for v in variants]
        out.call(load_dataset, rows, plan=PLAN, strict=True)
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            dump_dataset(data, root, "jsonl", personal_data=True)
            with (root / "subjects.jsonl").open("a", encoding="utf-8") as lines:
                lines.writelines(json.dumps(v, ensure_ascii=False) + "\n" for v in variants)
            out.call(load_dataset, root, plan=PLAN, strict=True)
            with iter_records(root / "subjects.jsonl", Subject) as stream:
                out.add(len(list(stream)), stream.report)
            out.call(evaluate_stream, PLAN, root, PERIOD, explain="all", strict=True)
            streamed = out.call(evaluate_stream, PLAN, root, PERIOD, explain="all")
            assert streamed is not None
            out.add(streamed[0].to_json(), streamed[0].summary("vi"))

    def test_accepted_ones(self, data: Dataset, out: Outputs) -> None:
        """The variants accepted (a name or phone as the unit code): validate, evaluate, render."""
        document = json.loads(_document(data))
        document["subjects"] += list(own_data_variants(data).values())
        dataset, report = load_dataset(document, plan=PLAN)
        accepted = {s.id for s in dataset.subjects} & {"BAD-52", "BAD-53"}
        assert accepted == {"BAD-52", "BAD-53"}  # a unit code is not checked when read
        assert {"BAD-52", "BAD-53"} <= {p.record_id for p in report.problems}
        out.add(dataset.validate(PLAN))
        evaluation = evaluate(PLAN, dataset, PERIOD, explain="all")
        out.add(evaluation.to_json(), [i.text("vi") for i in evaluation.data_quality.issues])
        for fmt in FORMATS:
            out.call(render, evaluation, fmt, lang="vi", plan=PLAN, load_report=report)


def _document(data: Dataset) -> str:
    """The JSON document of ``data``, personal data (the sentinels) included: an input."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "data.json"
        dump_dataset(data, path, "json", personal_data=True)
        text = path.read_text(encoding="utf-8")
    assert NAME in text
    return text


@pytest.fixture(scope="module")
def evaluation(data: Dataset) -> Evaluation:
    """Every indicator of the bundled plan on the sentinel data, every explanation kept."""
    return evaluate(PLAN, data, PERIOD, explain="all")


class TestEvaluationAndReports:
    """The evaluation, its explanations, and the rendered reports."""

    def test_evaluation(self, data: Dataset, evaluation: Evaluation, out: Outputs) -> None:
        """Reprs, summaries, JSON and every explanation in both languages."""
        out.add(evaluation, evaluation.summary("en"), evaluation.summary("vi"))
        out.add(evaluation.to_json())
        for indicator_id in evaluation:
            results = evaluation[indicator_id]
            out.add(results)
            for result in [results.total, *results.by_unit.values()]:
                out.add(result, result.explain("en"), result.explain("vi"), result.to_dict())
        records = {name: getattr(data, name) for name in RECORD_TYPES}
        out.call(evaluate_records, PLAN, records, PERIOD, explain="all")

    def test_reports(self, data: Dataset, evaluation: Evaluation, out: Outputs) -> None:
        """The report in every format and language, with the load report of a failing load."""
        document = json.loads(_document(data))
        document["subjects"] += bad_subjects(data)
        _, report = load_dataset(document, plan=PLAN)
        for fmt in FORMATS:
            for lang in ("vi", "en"):
                out.call(render, evaluation, fmt, lang=lang, plan=PLAN, load_report=report)
        out.call(build_view, evaluation, lang="en", plan=PLAN, load_report=report)
        for lang in LANGS:  # the Word file: the text of every part of its zip
            word = render_docx(evaluation, lang=lang, plan=PLAN, load_report=report)
            with zipfile.ZipFile(io.BytesIO(word)) as parts:
                out.texts.extend(parts.read(name).decode("utf-8") for name in parts.namelist())


class TestComparisons:
    """A comparison of the plan and revisions on the sentinel data, in every format."""

    def test_compare(self, data: Dataset, out: Outputs) -> None:
        """compare, compare_all, compare_evaluations, evaluate_plans, and the renderings."""
        revisions = [load_revision("lai-chau-2024-count-receipt-day")]
        revisions.append(load_revision("lai-chau-2024-deadline-10-days"))
        comparison = out.call(compare, PLAN, revisions[0], data, PERIOD)
        assert comparison is not None
        out.add(comparison, comparison.to_json(), *comparison.records)
        several = out.call(compare_all, PLAN, revisions, data, PERIOD)
        assert several is not None
        records = {name: getattr(data, name) for name in RECORD_TYPES}
        sides = out.call(evaluate_plans, [PLAN, revisions[1].plan], records, PERIOD)
        assert sides is not None
        out.call(
            compare_evaluations, comparison.baseline_evaluation, comparison.alternative_evaluation
        )
        for fmt in FORMATS:
            for lang in ("vi", "en"):
                out.call(render_comparison, comparison, fmt, lang=lang)
                out.call(render_comparisons, several, fmt, lang=lang)
        for fmt in ("docx", "xlsx"):  # the Word file and the workbook: every part of the zip
            for lang in LANGS:
                one = render_comparison(comparison, fmt, lang=lang)
                both = render_comparisons(several, fmt, lang=lang)
                assert isinstance(one, bytes)
                assert isinstance(both, bytes)
                out.texts.extend([*_zip_texts(one), *_zip_texts(both)])
        out.call(build_comparison_view, comparison, "en")


def _zip_texts(data: bytes) -> list[str]:
    """The text of every part of a zip archive (a workbook), as written and as read.

    openpyxl writes characters as references (``&#225;``): each part also with them
    read as characters, so that a sentinel with accents is found.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as parts:
        texts = [parts.read(name).decode("utf-8") for name in parts.namelist()]
    return [*texts, *(html.unescape(text) for text in texts)]


class TestExcel:
    """Workbooks: the template with records, a filled one read back, the report's tables."""

    def test_workbook_without_personal_data(self, data: Dataset, out: Outputs) -> None:
        """Records written into the template leave personal data out by default."""
        _sensitive_present(data)
        out.texts.extend(_zip_texts(workbook_bytes(PLAN, data)))
        out.texts.extend(_zip_texts(workbook_bytes(PLAN, data, lang="en")))

    def test_filled_workbook_with_bad_rows(self, data: Dataset, out: Outputs) -> None:
        """A register with personal columns and bad rows: rejections, streams, strict error.

        BAD-X1 has the name in the sex column, BAD-X2 a year 1990.5, the third row the
        name as its id, BAD-X4 the ID number typed as a number, UNIT-X7 a unit code that
        is no unit of the plan (kept, with a located problem), BAD-X5 and BAD-X6 merged
        cells; each row also holds the sentinels in its personal columns.
        """
        import openpyxl  # noqa: PLC0415

        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "so-lieu.xlsx"
            write_workbook(path, plan=PLAN, dataset=data, personal_data=True)
            book = openpyxl.load_workbook(path)
            sheet = book["Người thuộc diện quản lý"]
            day = dt.date(2024, 1, 10)
            tail = [None, NAME, NATIONAL_ID, PHONE]
            for row in (
                ["BAD-X1", NAME, 1990, "Thái", "03386", day, *tail],
                ["BAD-X2", "Nữ", 1990.5, "Thái", "03386", day, *tail],
                [NAME, "Nữ", 1990, "Thái", "03386", day, *tail],
                ["BAD-X4", "Nữ", 1990, "Thái", "03386", day, None, NAME, int(DIGITS), PHONE],
                ["UNIT-X7", "Nữ", 1990, "Thái", "99999", day, *tail],
                ["BAD-X5", "Nữ", 1990, "Thái", "03386", day, *tail],
                ["BAD-X6", "Nữ", 1990, "Thái", "03386", day, *tail],
            ):
                sheet.append(row)
            last = sheet.max_row
            sheet.merge_cells(f"H{last - 1}:H{last}")
            book.save(path)
            loaded = out.call(load_dataset, path, plan=PLAN)
            assert loaded is not None
            assert loaded[1].rejected >= 6
            # UNIT-X7's unit is no unit of the plan: a problem located by sheet and row.
            assert any(p.sheet is not None for p in loaded[1].problems)
            out.add(*loaded[1].problems)
            out.add(*loaded[1].rejections, loaded[1].text("vi"), loaded[1].text("en"))
            out.call(load_dataset, path, plan=PLAN, strict=True)
            with iter_records(path, Subject) as stream:
                out.add(list(stream), stream.report)

    def test_report_workbook(self, evaluation: Evaluation, out: Outputs) -> None:
        """The report's tables as a workbook, in both languages."""
        for lang in ("vi", "en"):
            out.texts.extend(_zip_texts(render_xlsx(evaluation, lang=lang, plan=PLAN)))


# -- coverage of the public functions ---------------------------------------------------------

#: Public functions run above on data holding sentinels.
COVERED = {
    "threeno.indicators.compare.compare",
    "threeno.indicators.compare.compare_all",
    "threeno.indicators.compare.compare_evaluations",
    "threeno.indicators.multi.evaluate_plans",
    "threeno.reporting.compare_view.build_comparison_view",
    "threeno.reporting.compare_view.render_comparison",
    "threeno.reporting.compare_view.render_comparisons",
    # Through render_comparison and render_comparisons, for csv, docx and xlsx.
    "threeno.reporting.compare_csv.to_csv",
    "threeno.reporting.compare_docx.comparison_docx",
    "threeno.reporting.compare_xlsx.comparison_xlsx",
    "threeno.indicators.engine.evaluate",
    "threeno.indicators.engine.evaluate_records",
    "threeno.io.converter.coded_problems",
    "threeno.io.converter.field_problems",
    "threeno.io.converter.structure_problems",
    "threeno.io.datasets.dump_dataset",
    "threeno.io.datasets.iter_records",
    "threeno.io.datasets.load_dataset",
    "threeno.io.stream.evaluate_stream",
    "threeno.io.partitions.split_folder",
    "threeno.io.partitions.merge_scans",
    "threeno.io.partitions.merge_places",
    "threeno.io.partitions.evaluate_range",
    "threeno.io.partitions.evaluate_ranges",
    "threeno.io.partitions.evaluate_split",
    "threeno.io.partitions.merge_partials",
    "threeno.io.partitions.finish",
    "threeno.privacy.pseudonymise",
    "threeno.privacy.redact",
    "threeno.reporting.render.render",
    "threeno.reporting.docx.render_docx",
    "threeno.reporting.view.build_view",
    "threeno.reporting.xlsx.render_xlsx",
    "threeno.io.xlsx_template.workbook_bytes",
    "threeno.io.xlsx_template.write_workbook",
    # Run by load_dataset and iter_records on a workbook (TestExcel).
    "threeno.io.xlsx.locate",
    "threeno.io.xlsx.read_workbook",
    "threeno.io.xlsx.sheet_ids",
    "threeno.io.xlsx.sheet_records",
}
#: Public functions that never see a record's personal data, and why.
EXEMPT = {
    "threeno.indicators.state.check_same": (
        "compares two evaluations' settings (plan id, period, unit codes, indicator ids,"
        " readings) and names the field that differs, never a value"
    ),
    "threeno.cli.default_period": "a date from the plan; the commands have their own test",
    "threeno.cli.main": "the commands: covered by the lead's CLI sentinel test",
    "threeno.dask.evaluate_dask": (
        "evaluate_stream's steps on a Dask cluster; its result equals evaluate_stream's"
        " (covered) byte for byte in tests/cluster"
    ),
    "threeno.indicators.catalogue.catalogue": "indicator definitions only",
    "threeno.indicators.catalogue.get": "indicator definitions only",
    "threeno.indicators.counting.expected_reports": "plan and period only",
    "threeno.indicators.definitions.age_group": "a birth year and a date",
    "threeno.indicators.explanation.format_fact": "formats facts of the engine (ids, dates)",
    "threeno.indicators.results.percent": "a number",
    "threeno.indicators.results.status_of": "a number and a target",
    "threeno.indicators.results.value_of": "numbers",
    "threeno.io.converter.make_converter": "builds a converter; its messages are covered",
    "threeno.io.plans.check_plan": "plans hold no personal data",
    "threeno.io.plans.parse_plan": "plans hold no personal data",
    "threeno.io.plans.read_plan": "plans hold no personal data",
    "threeno.io.schema.json_schema": "the schema only (no values)",
    "threeno.model.dataset.record_type_label": "fixed names of record types",
    "threeno.plans.available": "plan ids",
    "threeno.plans.revisions": "sample revision ids",
    "threeno.plans.load_revision": "revisions, like plans, hold no personal data",
    "threeno.io.revisions.parse_revision": "revisions, like plans, hold no personal data",
    "threeno.io.revisions.read_revision": "revisions, like plans, hold no personal data",
    "threeno.io.revisions.revise": "revisions, like plans, hold no personal data",
    "threeno.plans.load_plan": "plans hold no personal data",
    "threeno.plans.summary": "plans hold no personal data",
    "threeno.privacy.suppress_cells": "numbers",
    "threeno.privacy.suppress_table": "numbers",
    "threeno.reporting.docs.write_pages": "plan and catalogue pages",
    "threeno.reporting.publication.counts": "an evaluation's counts (no record's values)",
    "threeno.reporting.publication.marks": "an evaluation's counts (no record's values)",
    "threeno.reporting.publication.relations": "an evaluation's counts (no record's values)",
    "threeno.reporting.view.make_cell": "numbers",
    "threeno.reporting.view.words": "fixed words",
    "threeno.rules.calendar.local_date": "a date",
    "threeno.rules.calendar.plan_calendar": "a plan's days off; plans hold no personal data",
    "threeno.reporting.letterhead.load_letterhead": "reads a letterhead file; no record reaches it",
    "threeno.reporting.letterhead.dateline_date": "writes a date; no record reaches it",
    "threeno.reporting.letterhead.make_frame": "a view's header and the plan; no record's values",
    "threeno.reporting.document.build_document": (
        "a view (covered through render and render_docx) and the office's narrative"
    ),
    "threeno.reporting.narrative.parse_narrative": "the office's own text; no record reaches it",
    "threeno.reporting.sentences.result_parts": "a view's totals (covered through render)",
    "threeno.reporting.sentences.sentence": "a view's total (covered through render)",
    "threeno.model.plan.with_settings": "a plan's settings; plans hold no personal data",
    "threeno.model.record_types.record_type": "a descriptor by name; no record reaches it",
    "threeno.model.field_labels.field_label": "a column's fixed header; no record reaches it",
    "threeno.model.field_labels.sheet_title": "a sheet's fixed title; no record reaches it",
    "threeno.lang.check_lang": "checks a language code; no record reaches it",
    "threeno.lang.number": "formats a count; no record reaches it",
    "threeno.lang.percent": "formats a share; no record reaches it",
    "threeno.lang.date": "formats a date; no record reaches it",
    "threeno.lang.count": "formats a count with its unit's name; no record reaches it",
    "threeno.lang.target": "formats a plan's target; no record reaches it",
    "threeno.model.sources.cite": "cites articles of the law; no record reaches it",
    "threeno.plans.looks_like_path": "tells a path from a plan id; no record reaches it",
    "threeno.rules.calendar.today": "a date",
    "threeno.rules.periods.due_date": "a period",
    "threeno.rules.periods.latest_complete": "a period",
    "threeno.rules.procedure.procedure_regime_on": "a date",
    "threeno.rules.support.eligible": "a support kind, a status and a date",
    "threeno.rules.support.regime_on": "a date",
    "threeno.rules.lean_limits.last_day": "crime reports have no personal data",
    "threeno.rules.lean_limits.last_day_and_missed": "crime reports have no personal data",
    "threeno.rules.lean_limits.lean_limits": "a calendar; no record reaches it",
    "threeno.rules.time_limits.status_on": "crime reports have no personal data",
    "threeno.rules.time_limits.time_limit": "crime reports have no personal data",
    "threeno.serve.create_app": "the service: its answers and log are searched by"
    " tests/serve/test_serve_sentinels.py, on a real server",
    "threeno.serve.run": "the service: covered by tests/serve/test_serve_sentinels.py",
}


def _public_functions() -> set[str]:
    found = set()
    for module_info in pkgutil.walk_packages(threeno.__path__, "threeno."):
        name = module_info.name
        private = any(part.startswith("_") for part in name.split("."))
        if private or name.startswith("threeno.testing"):
            continue  # private modules; test helpers make synthetic data
        module = importlib.import_module(name)
        for attr in getattr(module, "__all__", ()):
            value = getattr(module, attr)
            if inspect.isfunction(value) and value.__module__ == name:
                found.add(f"{name}.{attr}")
    return found


class TestCoverage:
    """Every public function is run on sentinel data or exempted with a reason."""

    def test_every_public_function_considered(self) -> None:
        """A new public function must be added to COVERED or EXEMPT (with a reason)."""
        expected: set[str] = set()
        assert expected == _public_functions() - COVERED - set(EXEMPT)

    def test_no_stale_names(self) -> None:
        """Every name listed is still a public function."""
        expected: set[str] = set()
        assert expected == (COVERED | set(EXEMPT)) - _public_functions()

    def test_dates_are_dates(self) -> None:
        """The period of the runs above is the plan's reporting year (a sanity check)."""
        assert isinstance(PERIOD.start, dt.date)
