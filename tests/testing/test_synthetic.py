"""Tests for threeno.testing.synthetic: the seeded generator, its JSONL writer, the demo data."""

from __future__ import annotations

import datetime as dt
import gc
import re
import subprocess
import sys
import tracemalloc
from collections import Counter
from typing import TYPE_CHECKING, Any

import attrs
import pytest

from tests.testing.record_dates import record_day
from threeno.errors import DatasetError, UnitError, ValidationError
from threeno.io.datasets import load_dataset
from threeno.model._personal import is_sensitive
from threeno.model.activities import ReportSubmission
from threeno.model.crime import CrimeReport
from threeno.model.dataset import RECORD_TYPES, Dataset
from threeno.model.enums import ReviewKind, SubjectCategory
from threeno.model.period import PeriodKind
from threeno.plans import load_plan
from threeno.rules.periods import due_date
from threeno.rules.time_limits import ReportStatus, status_on
from threeno.testing.synthetic import (
    DEMO_PLAN,
    DEMO_SCALE,
    DEMO_SEED,
    ReportScenario,
    demo_path,
    generate,
    load_demo,
    stream,
    write_jsonl,
)

if TYPE_CHECKING:
    from pathlib import Path

PLAN = load_plan("lai-chau-2024")
PLAN_2026 = load_plan("doan-ket-tan-phong-2026")
YEAR = PLAN.reporting_year  # 2023-12-15..2024-12-14 under the plan's cut-off


@pytest.fixture(scope="module")
def demo() -> Dataset:
    """The demo dataset as the generator makes it (seed 2024, scale 1, the 2024 plan)."""
    return generate(PLAN, seed=DEMO_SEED, scale=DEMO_SCALE)


def read_jsonl(folder: Path) -> Dataset:
    """Read a folder of JSON Lines files with the dataset loader, strictly."""
    dataset, _ = load_dataset(folder, plan=PLAN, strict=True)
    return dataset


class TestGenerate:
    """generate() makes consistent, realistic datasets, the same for the same seed."""

    def test_validates_with_the_2024_plan(self, demo: Dataset) -> None:
        """Every reference resolves and every unit code is valid on its record's date."""
        expected: list[object] = []
        assert expected == demo.validate(PLAN)

    def test_validates_with_the_2026_plan(self) -> None:
        """The two wards of the 2026 example plan are valid from 2025-07-01 only."""
        data = generate(PLAN_2026, seed=5, scale=1)
        expected: list[object] = []
        assert expected == data.validate(PLAN_2026)

    def test_fixed_counts_at_scale_1(self, demo: Dataset) -> None:
        """Subjects, reviews and assessments follow the documented proportions exactly."""
        expected = {
            # 7 units x SUBJECTS_PER_UNIT (60) = 420 monitored subjects.
            "subjects": 420,
            # 7 units x one so_ket and one tong_ket.
            "model_reviews": 14,
            # 7 units x (the unit itself + RESIDENTIAL_AREAS_PER_UNIT (3) residential areas).
            "safety_assessments": 28,
            # 7 units x 12 months x EVENTS_PER_UNIT_MONTH (3): one whole block per unit.
            "outreach_events": 252,
        }
        assert expected == {name: demo.counts()[name] for name in expected}

    def test_dozens_of_reports_a_year(self, demo: Dataset) -> None:
        """About 36 reports a year (REPORTS_PER_SUBJECT x 420), drawn: dozens, not hundreds."""
        assert 20 <= len(demo.crime_reports) <= 60

    def test_population_grows_linearly(self) -> None:
        """Scale 2.5 has 2.5 times the subjects (7 x 150) and about 2.5 times the reports."""
        small, large = generate(PLAN, seed=3, scale=1), generate(PLAN, seed=3, scale=2.5)
        expected = 1050  # 7 units x round(60 x 2.5)
        assert expected == len(large.subjects)
        for name in ("crime_reports", "support_actions", "outreach_events"):
            ratio = large.counts()[name] / small.counts()[name]
            assert 1.8 <= ratio <= 3.2, name

    @pytest.mark.parametrize("scale", [0.001, 0.05, 1.0])
    def test_events_every_month_in_every_unit(self, scale: float) -> None:
        """Every unit holds at least one outreach event in every month of the year."""
        data = generate(PLAN, seed=11, scale=scale)
        months = YEAR.split(PeriodKind.MONTH)
        held = {(e.unit_code, m) for e in data.outreach_events for m in months if e.held_on in m}
        expected = {(u.code, m) for u in PLAN.units for m in months}
        assert expected == held

    def test_every_scenario_occurs(self, demo: Dataset) -> None:
        """The first reports take every scenario once, so each status occurs at scale 1."""
        statuses: Counter[ReportStatus] = Counter()
        for report in demo.crime_reports:
            if report.is_final and report.decided_on is not None:
                statuses[status_on(report, report.decided_on)] += 1
            else:
                statuses[status_on(report, YEAR.end)] += 1
        assert set(ReportStatus) == set(statuses)
        assert any(r.extensions for r in demo.crime_reports)
        assert any(s.resumed_on for r in demo.crime_reports for s in r.suspensions)
        assert any(r.reopened_on for r in demo.crime_reports)
        assert any(r.received_on < YEAR.start for r in demo.crime_reports)

    def test_victims_with_and_without_support(self, demo: Dataset) -> None:
        """Most returned victims received support; some did not (SUPPORTED_VICTIM_SHARE)."""
        victims = {
            s.id
            for s in demo.subjects
            if any(c.category is SubjectCategory.RETURNED_VICTIM for c in s.categories)
        }
        supported = {a.subject_id for a in demo.support_actions} & victims
        assert supported
        assert victims - supported

    def test_cases_reach_trial(self, demo: Dataset) -> None:
        """Some cases are indicted and tried within the year."""
        assert any(c.verdict is not None for c in demo.criminal_cases)

    def test_reviews_mid_year_and_year_end(self, demo: Dataset) -> None:
        """Sơ kết in the sixth month (15 May..14 June), tổng kết in the last (15 Nov..14 Dec)."""
        for review in demo.model_reviews:
            if review.kind is ReviewKind.SO_KET:
                assert dt.date(2024, 5, 15) <= review.held_on <= dt.date(2024, 6, 14)
            else:
                assert dt.date(2024, 11, 15) <= review.held_on <= dt.date(2024, 12, 14)

    def test_submissions_on_time_late_and_missing(self) -> None:
        """Reports on 2024-H1, 2024-H2 and 2024 arrive by the due date, after it, or not."""
        data = generate(PLAN, seed=1, scale=0.1)
        periodic = [s for s in data.report_submissions if not s.period.startswith("adhoc:")]
        # The due date is the period's end plus days_allowed (5): 2024-H1 is due 2024-06-19.
        late = [s for s in periodic if s.submitted_on > due_date(PLAN.period(s.period), 5)]
        assert late
        assert len(late) < len(periodic)
        # 5 agencies x 3 periods are expected; the missing ones are not in the data.
        assert len(periodic) < 15
        assert {"2024-H1", "2024-H2", "2024"} == {s.period for s in periodic}

    def test_dates_within_the_year_and_the_year_before(self, demo: Dataset) -> None:
        """Records fall from 2022-12-15 to 2024-12-14; reports on the year are sent in 2024."""
        for name in RECORD_TYPES:
            for record in getattr(demo, name):
                day = record_day(record)
                if isinstance(record, ReportSubmission):
                    assert YEAR.start <= day <= dt.date(2024, 12, 31)
                else:
                    assert dt.date(2022, 12, 15) <= day <= YEAR.end

    def test_ids_are_pseudonymous(self, demo: Dataset) -> None:
        """Ids are a prefix and a number, never a name (S-000001, CR-00001, ...)."""
        pattern = re.compile(r"(S|SA|OE)-\d{6}|(CR|CC)-\d{5}|(MR|RS|SF)-\d{4}")
        for name in RECORD_TYPES:
            for record in getattr(demo, name):
                assert pattern.fullmatch(record.id), record.id

    def test_personal_data_left_empty(self, demo: Dataset) -> None:
        """Every sensitive field of every subject is None."""
        fields = [f.name for f in attrs.fields(type(demo.subjects[0])) if is_sensitive(f)]
        expected = ["full_name", "national_id", "phone"]
        assert expected == fields
        assert all(getattr(s, name) is None for s in demo.subjects for name in fields)

    def test_same_seed_same_dataset(self, demo: Dataset) -> None:
        """Two runs with one seed give equal datasets; another seed another one."""
        assert demo == generate(PLAN, seed=DEMO_SEED, scale=DEMO_SCALE)
        assert demo != generate(PLAN, seed=DEMO_SEED + 1, scale=DEMO_SCALE)

    def test_stream_yields_the_same_records(self, demo: Dataset) -> None:
        """stream() yields exactly the records generate() returns."""
        records = list(stream(PLAN, seed=DEMO_SEED, scale=DEMO_SCALE))
        assert len(demo) == len(records)
        assert sorted(demo.crime_reports, key=lambda r: r.id) == [
            r for r in records if isinstance(r, CrimeReport)
        ]

    @pytest.mark.parametrize(
        ("kwargs", "field"),
        [
            ({"seed": True}, "seed"),
            ({"seed": "2024"}, "seed"),
            ({"seed": 1.5}, "seed"),
            ({"scale": 0}, "scale"),
            ({"scale": -1}, "scale"),
            ({"scale": float("nan")}, "scale"),
            ({"scale": float("inf")}, "scale"),
            ({"scale": "1"}, "scale"),
            ({"plan": "lai-chau-2024"}, "plan"),
        ],
    )
    def test_bad_arguments(self, kwargs: dict[str, Any], field: str, tmp_path: Path) -> None:
        """A seed, scale or plan of the wrong kind is refused by every entry point."""
        args: dict[str, Any] = {"plan": PLAN, "seed": 1, "scale": 1.0, **kwargs}
        plan = args.pop("plan")
        for call in (
            lambda: generate(plan, **args),
            lambda: stream(plan, **args),
            lambda: write_jsonl(plan, tmp_path / "out", **args),
        ):
            with pytest.raises(ValidationError) as caught:
                call()
            assert field == caught.value.field
        assert not (tmp_path / "out").exists()

    def test_plan_without_units_in_its_year(self) -> None:
        """A plan whose units are not valid in its own year cannot carry any record."""
        plan = attrs.evolve(PLAN_2026, year=2024)
        with pytest.raises(UnitError, match="no unit in scope"):
            generate(plan, seed=1)


class TestWriteJsonl:
    """write_jsonl() writes what generate() returns, streaming, byte for byte the same."""

    def test_same_records_as_generate(self, tmp_path: Path) -> None:
        """Reading the files back gives the dataset generate() returns for the seed."""
        counts = write_jsonl(PLAN, tmp_path, seed=7, scale=0.5)
        expected = generate(PLAN, seed=7, scale=0.5)
        assert expected == read_jsonl(tmp_path)
        assert expected.counts() == counts

    def test_byte_identical_runs(self, tmp_path: Path) -> None:
        """Two runs with one seed write identical bytes in every file."""
        write_jsonl(PLAN, tmp_path / "a", seed=9, scale=0.5)
        write_jsonl(PLAN, tmp_path / "b", seed=9, scale=0.5)
        for name in RECORD_TYPES:
            first = (tmp_path / "a" / f"{name}.jsonl").read_bytes()
            assert first == (tmp_path / "b" / f"{name}.jsonl").read_bytes()

    def test_every_type_gets_a_file(self, tmp_path: Path) -> None:
        """Eight files, one per record type, even at a scale too small for some types."""
        (tmp_path / "subjects.jsonl").write_text("stale\n", encoding="utf-8")
        write_jsonl(PLAN, tmp_path, seed=1, scale=0.01)
        expected = sorted(f"{name}.jsonl" for name in RECORD_TYPES)
        assert expected == sorted(p.name for p in tmp_path.iterdir())
        assert "stale" not in (tmp_path / "subjects.jsonl").read_text(encoding="utf-8")

    def test_text_is_utf8_not_escaped(self, tmp_path: Path) -> None:
        """Vietnamese text is written as UTF-8 in NFC, not as JSON's backslash-u escapes."""
        write_jsonl(PLAN, tmp_path, seed=1, scale=0.1)
        text = (tmp_path / "safety_assessments.jsonl").read_text(encoding="utf-8")
        assert "Khu dân cư số 1" in text
        assert "\\u" not in text

    def test_memory_does_not_grow_with_scale(self, tmp_path: Path) -> None:
        """Peak memory at scale 8 is about that at scale 1: records are streamed out.

        At scale 1 each unit is one block of 60 subjects; at scale 8 it is eight blocks,
        written one after the other. A writer that kept the records would need about
        eight times the memory; the ratio allowed is 1.5.
        """
        write_jsonl(PLAN, tmp_path / "warm", seed=1, scale=1)  # caches and imports

        def peak(scale: float) -> int:
            gc.collect()
            fill_tuple_free_lists()
            tracemalloc.start()
            try:
                write_jsonl(PLAN, tmp_path / str(scale), seed=1, scale=scale)
                return tracemalloc.get_traced_memory()[1]
            finally:
                tracemalloc.stop()

        assert peak(8) < 1.5 * peak(1)


def fill_tuple_free_lists() -> None:
    """Fill CPython's free lists of small tuples before tracing memory.

    CPython keeps up to 2000 freed tuples of each length below 20 for reuse, and
    tracemalloc counts them as allocated. A tuple built from a generator is allocated at
    one length and resized, so freed tuples of other lengths pile up in those lists for
    the first few thousand records, whatever the scale: noise that makes a short run
    look as if its memory grew. Filled beforehand, the lists hold untraced tuples.
    """
    junk = [tuple(range(length)) for length in range(1, 20) for _ in range(2000)]
    del junk


class TestDemo:
    """The bundled demo dataset is the generator's output for its seed."""

    def test_shipped_files_equal_the_generator(self, tmp_path: Path) -> None:
        """Regenerating with DEMO_SEED and DEMO_SCALE gives the shipped files, byte for byte.

        If the generator changes on purpose, regenerate the demo data with
        ``write_jsonl(load_plan(DEMO_PLAN), demo_path(), seed=DEMO_SEED, scale=DEMO_SCALE)``.
        """
        write_jsonl(load_plan(DEMO_PLAN), tmp_path, seed=DEMO_SEED, scale=DEMO_SCALE)
        shipped = demo_path()
        expected = sorted(p.name for p in tmp_path.iterdir())
        assert expected == sorted(p.name for p in shipped.iterdir())
        for name in expected:
            assert (tmp_path / name).read_bytes() == (shipped / name).read_bytes(), name

    def test_load_demo(self, demo: Dataset) -> None:
        """load_demo() reads the shipped records back as the generated dataset."""
        assert demo == load_demo()

    @pytest.mark.parametrize("find", [demo_path, load_demo])
    def test_unknown_demo(self, find: Any) -> None:  # noqa: ANN401 - either function
        """Asking for a demo dataset that is not bundled names the ones that are."""
        with pytest.raises(DatasetError, match="bundled demo datasets: lai-chau-2024"):
            find("doan-ket-tan-phong-2026")


class TestScenarios:
    """ReportScenario names every kind of crime report the generator makes."""

    def test_names(self) -> None:
        """Eight scenarios, in the order the first reports of a dataset take them."""
        expected = [
            "on_time",
            "late",
            "pending",
            "overdue",
            "extended",
            "suspended",
            "resumed",
            "reopened",
        ]
        assert expected == [s.value for s in ReportScenario]


class TestWithoutHypothesis:
    """The generator and the demo data need nothing beyond threeno itself."""

    def test_importing_threeno_testing_leaves_hypothesis_alone(self) -> None:
        """``import threeno.testing`` imports no Hypothesis (it comes with an extra)."""
        code = "import sys, threeno.testing; print('hypothesis' in sys.modules)"
        ran = subprocess.run(  # noqa: S603 - this interpreter, a fixed program
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        expected = "False"
        assert expected == ran.stdout.strip()
