"""Synthetic data: a seeded generator of whole, consistent, realistic datasets for a plan.

:func:`generate` returns a :class:`~threeno.model.dataset.Dataset` for a plan's year;
:func:`write_jsonl` streams the same records to one JSON Lines file per record type,
with memory that does not grow with ``scale``; :func:`stream` yields them one by one.
Everything is made up: ids are pseudonymous (``S-000123``, ``CR-00017``), the personal
data fields are left empty, and the proportions (:mod:`threeno.testing.proportions`)
are illustrative, chosen to look like a city of Lai Châu's size at ``scale=1``, not
taken from any statistics.

The records follow the plan and the law: unit codes are the plan's units, each valid on
the record's own date; reports, extensions, suspensions and decisions follow the time
limits of Bộ luật Tố tụng hình sự 2015, Art. 147-149, as :mod:`threeno.rules.time_limits`
computes them; support kinds are those the anti-trafficking law in force on the day
grants (:mod:`threeno.rules.support`); reports fall due as :func:`threeno.rules.periods.due_date`
says. Nothing is dated after the end of the plan's reporting year except the reports
on it that agencies send afterwards.

The same builders, driven by Hypothesis instead of :class:`random.Random`, make the
datasets of :func:`threeno.testing.strategies.datasets`.

A bundled demo dataset, written by :func:`write_jsonl` for the 2024 plan with
:data:`DEMO_SEED` and :data:`DEMO_SCALE`, lies in :func:`demo_path`.

Where this module sits (the architecture page): its builders import only the model and
the rules, but its public functions are a kit that users call with a plan and a folder,
so it stands above :mod:`threeno.plans` and ``threeno.io``, just below the command line
(whose ``threeno demo`` calls :func:`write_jsonl`); nothing else in the library imports
it. It loads the bundled plans, reads the demo dataset with
:func:`threeno.io.datasets.load_dataset`, and :func:`write_jsonl` writes records as they
are made, one line each as that loader reads it, through io's atomic writer: a stream
that :func:`threeno.io.datasets.dump_dataset`, which writes a dataset held in memory,
does not offer. Every name of :mod:`threeno.testing.proportions` is exported here too.

Plan clauses: I.1, I.3, I.5, II.1.b, II.2.b, II.3.b, II.4.b, III.2.c, III.4.c, IV.1, IV.2
(every record type the indicators count).

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import contextlib
import json
import math
import random
from importlib.resources import files
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Final, TypeVar

import attrs

from threeno.errors import DatasetError, ValidationError
from threeno.io._atomic import atomic_open, make_folder
from threeno.io.converter import shared_converter
from threeno.io.datasets import load_dataset
from threeno.model.dataset import RECORD_TYPES, Dataset, Record
from threeno.model.enums import ReviewKind, SubjectCategory
from threeno.model.period import PeriodKind
from threeno.model.plan import Plan
from threeno.model.record_types import RECORD_TYPE_LIST
from threeno.plans import load_plan
from threeno.testing._builders import (
    SCENARIOS,
    SUBMISSIONS,
    TRAFFICKING_RELATED,
    Builder,
    Frame,
    Source,
    UnitSpan,
    make_frame,
)
from threeno.testing.proportions import (
    ARTICLE_SHARES,
    CARRIED_OVER_SHARE,
    CATEGORY_SHARES,
    CHANNEL_SHARES,
    CLASSIFIED_PENDING_SHARE,
    DECISION_SHARES,
    ETHNICITY_SHARES,
    EVENTS_PER_UNIT_MONTH,
    INDICTED_SHARE,
    LANGUAGE_SHARES,
    LEAVING_SHARE,
    MAINTAINED_SHARE,
    MEETS_STANDARD_SHARE,
    PROCURACY_SHARE,
    REACH_SHARE,
    REGISTERED_EARLIER_SHARE,
    REPORTS_PER_SUBJECT,
    RESIDENTIAL_AREAS_PER_UNIT,
    RETURNING_SHARE,
    SCENARIO_SHARES,
    SECOND_CATEGORY_SHARE,
    SOURCE_SHARES,
    SUBJECTS_PER_UNIT,
    SUBMISSION_SHARES,
    SUPPORTED_VICTIM_SHARE,
    TRIED_SHARE,
    VERDICT_SHARES,
    VOCATIONAL_SHARE,
    WRONGFUL_SHARE,
    ReportScenario,
    SubmissionStatus,
)

if TYPE_CHECKING:
    import os
    from collections.abc import Iterator, Sequence

__all__ = [
    "ARTICLE_SHARES",
    "BLOCK_SIZE",
    "CARRIED_OVER_SHARE",
    "CATEGORY_SHARES",
    "CHANNEL_SHARES",
    "CLASSIFIED_PENDING_SHARE",
    "DECISION_SHARES",
    "DEMO_PLAN",
    "DEMO_SCALE",
    "DEMO_SEED",
    "ETHNICITY_SHARES",
    "EVENTS_PER_UNIT_MONTH",
    "INDICTED_SHARE",
    "LANGUAGE_SHARES",
    "LEAVING_SHARE",
    "MAINTAINED_SHARE",
    "MEETS_STANDARD_SHARE",
    "PROCURACY_SHARE",
    "REACH_SHARE",
    "REGISTERED_EARLIER_SHARE",
    "REPORTS_PER_SUBJECT",
    "RESIDENTIAL_AREAS_PER_UNIT",
    "RETURNING_SHARE",
    "SCENARIO_SHARES",
    "SECOND_CATEGORY_SHARE",
    "SOURCE_SHARES",
    "SUBJECTS_PER_UNIT",
    "SUBMISSION_SHARES",
    "SUPPORTED_VICTIM_SHARE",
    "TRIED_SHARE",
    "VERDICT_SHARES",
    "VOCATIONAL_SHARE",
    "WRONGFUL_SHARE",
    "ReportScenario",
    "SubmissionStatus",
    "demo_path",
    "generate",
    "load_demo",
    "stream",
    "write_jsonl",
]

_T = TypeVar("_T")

#: Subjects are made in blocks of at most this many, each with all its records, and a
#: block is forgotten once written, so the memory :func:`write_jsonl` needs does not
#: grow with the scale.
BLOCK_SIZE: Final = 60

#: The bundled plan the demo dataset was made for.
DEMO_PLAN: Final = "lai-chau-2024"
#: The seed of the bundled demo dataset.
DEMO_SEED: Final = 2024
#: The scale of the bundled demo dataset.
DEMO_SCALE: Final = 1.0


class _RandomSource:
    """Choices from one :class:`random.Random`, so a seed fixes every record."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng

    def integer(self, low: int, high: int) -> int:
        return self._rng.randint(low, high)

    def pick(self, options: Sequence[_T], weights: Sequence[float] | None = None) -> _T:
        if weights is None:
            return options[self._rng.randrange(len(options))]
        return self._rng.choices(options, weights=weights)[0]

    def chance(self, p: float) -> bool:
        return self._rng.random() < p

    def subset(self, options: Sequence[_T], low: int, high: int) -> list[_T]:
        high = min(high, len(options))
        count = self._rng.randint(min(low, high), high)
        return [options[i] for i in sorted(self._rng.sample(range(len(options)), count))]


# -- the generator -----------------------------------------------------------------------


class _Ids:
    """Sequential pseudonymous ids per record type: ``S-000001``, ``CR-00001``, ..."""

    # The prefix and digits of each record type's ids (its descriptor).
    _FORMATS: Final = MappingProxyType(
        {t.name: f"{t.id_prefix}-{{:0{t.id_digits}d}}" for t in RECORD_TYPE_LIST}
    )

    def __init__(self) -> None:
        self._next = dict.fromkeys(self._FORMATS, 1)
        self._met: set[str] = set()

    def first(self, what: str) -> bool:
        """Whether this is the first time ``what`` is asked about in the dataset."""
        if what in self._met:
            return False
        self._met.add(what)
        return True

    def issued(self, record_type: str) -> int:
        """How many ids of ``record_type`` were issued so far."""
        return self._next[record_type] - 1

    def __call__(self, record_type: str) -> str:
        number = self._next[record_type]
        self._next[record_type] = number + 1
        return self._FORMATS[record_type].format(number)


def _count(src: Source, expected: float) -> int:
    """A whole count whose mean is ``expected`` (the fraction decided by chance)."""
    whole = math.floor(expected)
    return whole + (1 if src.chance(expected - whole) else 0)


def _block(
    build: Builder, unit: UnitSpan, size: int, ids: _Ids, *, first: bool
) -> Iterator[Record]:
    """``size`` subjects of ``unit`` and every record about them, for the frame's period."""
    src, frame = build.src, build.frame
    people = [build.subject(ids("subjects"), unit) for _ in range(size)]
    yield from people
    candidates = [p.id for p in people if TRAFFICKING_RELATED & {s.category for s in p.categories}]
    for _ in range(_count(src, REPORTS_PER_SUBJECT * size)):
        victims = src.subset(candidates, 0, 2)
        done = ids.issued("crime_reports")
        # The first reports take every scenario once, so each occurs at every scale.
        scenario = SCENARIOS[0][done] if done < len(SCENARIOS[0]) else src.pick(*SCENARIOS)
        report = build.report(ids("crime_reports"), unit, scenario, victims)
        if build.can_open_case(report):
            case = build.case(ids("criminal_cases"), report)
            report = attrs.evolve(report, case_id=case.id)
            yield case
        yield report
    for person in people:
        returned = any(c.category is SubjectCategory.RETURNED_VICTIM for c in person.categories)
        if returned and ids.first("returned victim"):
            continue  # the first returned victim gets no support: coverage is never a given
        yield from build.support(person, lambda: ids("support_actions"))
    share = size / SUBJECTS_PER_UNIT
    for month in frame.period.split(PeriodKind.MONTH):
        count = _count(src, EVENTS_PER_UNIT_MONTH * share)
        for _ in range(max(count, 1) if first else count):
            yield build.event(ids("outreach_events"), unit, (month.start, month.end), people)


def _unit_records(build: Builder, unit: UnitSpan, ids: _Ids) -> Iterator[Record]:
    """A unit's reviews (sơ kết mid-year, tổng kết at the end) and safety assessments."""
    months = build.frame.period.split(PeriodKind.MONTH)
    middle, last = months[len(months) // 2 - 1], months[-1]
    for kind, month in ((ReviewKind.SO_KET, middle), (ReviewKind.TONG_KET, last)):
        yield build.review(ids("model_reviews"), unit, kind, (month.start, month.end))
    for area in (None, *range(1, RESIDENTIAL_AREAS_PER_UNIT + 1)):
        assessment = build.assessment(ids("safety_assessments"), unit, area)
        if assessment is not None:
            yield assessment


def _submissions(build: Builder, ids: _Ids) -> Iterator[Record]:
    """Every reporting agency's periodic reports (some late, some missing) and one ad hoc.

    One expected report, chosen at random, is late and another missing, whatever the
    draws: the indicators' 100% is never a given.
    """
    src, frame = build.src, build.frame
    expected = [(agency, period) for agency in frame.reporting for period in frame.expected]
    forced: dict[int, SubmissionStatus] = {}
    if len(expected) > 1:
        late = src.integer(0, len(expected) - 1)
        missing = (late + src.integer(1, len(expected) - 1)) % len(expected)
        forced = {late: SubmissionStatus.LATE, missing: SubmissionStatus.MISSING}
    for i, (agency, period) in enumerate(expected):
        status = forced[i] if i in forced else src.pick(*SUBMISSIONS)
        if status is not SubmissionStatus.MISSING:
            yield build.submission(ids("report_submissions"), agency, period, status)
    asked = build.day(frame.period.start, frame.end)
    for agency in frame.reporting:
        if not src.chance(SUBMISSION_SHARES[SubmissionStatus.MISSING]):
            yield build.adhoc(ids("report_submissions"), agency, asked)


def _check(plan: object, seed: object, scale: object, where: str) -> None:
    if not isinstance(plan, Plan):
        msg = f"must be a Plan (threeno.plans.load_plan), not {type(plan).__name__}"
        raise ValidationError(msg, cls_name=where, field="plan")
    if isinstance(seed, bool) or not isinstance(seed, int):
        msg = f"must be a whole number, not {type(seed).__name__}"
        raise ValidationError(msg, cls_name=where, field="seed")
    if (
        isinstance(scale, bool)
        or not isinstance(scale, (int, float))
        or not math.isfinite(scale)
        or scale <= 0
    ):
        msg = f"must be a number greater than 0, not {scale!r}"
        raise ValidationError(msg, cls_name=where, field="scale")


def stream(plan: Plan, *, seed: int, scale: float = 1.0) -> Iterator[Record]:
    """Yield the synthetic records of ``plan``'s reporting year one by one.

    The records come unit by unit, in blocks of at most :data:`BLOCK_SIZE` subjects with
    all their records; only one block is held at a time. Per unit: two model reviews and
    the safety assessments; per block: subjects, crime reports and their cases, support,
    and outreach events month by month; then every agency's report submissions. The
    counts per unit and record type are
    :data:`~threeno.testing.proportions.SUBJECTS_PER_UNIT` times ``scale`` subjects and
    the proportions of :mod:`threeno.testing.proportions`; reviews, assessments and
    submissions are per unit or agency and do not grow with ``scale``.

    Args:
        plan: the plan whose units, agencies, year and reporting rules the records follow.
        seed: the seed of the one :class:`random.Random` every choice comes from.
        scale: multiplies the population and the records about it (1.0: a city the size
            of Lai Châu).

    Returns:
        An iterator of records, the same for the same plan, seed and scale.

    Raises:
        ValidationError: for a plan that is not a :class:`~threeno.model.plan.Plan`, a
            seed that is not a whole number, or a scale that is not a number above 0.
        UnitError: when none of the plan's units is valid in its reporting year.

    Plan clauses: I.1, I.3, I.5, II.1.b, II.2.b, II.3.b, II.4.b, III.4.c, IV.1, IV.2.

    .. versionadded:: 0.1.0
    """
    _check(plan, seed, scale, "stream")
    frame = make_frame(plan, plan.reporting_year)
    # A seeded generator is the point: synthetic data, not secrets.
    return _stream(frame, random.Random(seed), float(scale))  # noqa: S311


def _stream(frame: Frame, rng: random.Random, scale: float) -> Iterator[Record]:
    build, ids = Builder(_RandomSource(rng), frame), _Ids()
    population = max(1, round(SUBJECTS_PER_UNIT * scale))  # every unit has someone
    for unit in frame.units:
        yield from _unit_records(build, unit, ids)
        for offset in range(0, population, BLOCK_SIZE):
            size = min(BLOCK_SIZE, population - offset)
            yield from _block(build, unit, size, ids, first=offset == 0)
    yield from _submissions(build, ids)


def generate(plan: Plan, *, seed: int, scale: float = 1.0) -> Dataset:
    """A whole synthetic dataset for ``plan``'s reporting year, the same for the same seed.

    At ``scale=1`` a city like Lai Châu:
    :data:`~threeno.testing.proportions.SUBJECTS_PER_UNIT` monitored subjects per unit
    (420 in the seven units of the 2024 plan), dozens of crime reports a year, outreach
    events every month in every unit; the records about the population grow linearly
    with ``scale``. Every reference resolves, every unit code is one of the
    plan's units valid on the record's date, and ``dataset.validate(plan)`` finds no
    problem. The personal data fields are ``None``.

    >>> from threeno.plans import load_plan
    >>> from threeno.testing.synthetic import generate
    >>> plan = load_plan("lai-chau-2024")
    >>> data = generate(plan, seed=1, scale=0.5)
    >>> data.counts()["subjects"], data.validate(plan)
    (210, [])

    Args:
        plan: the plan whose units, agencies, year and reporting rules the records follow.
        seed: the seed of the one :class:`random.Random` every choice comes from.
        scale: multiplies the population and the records about it.

    Returns:
        The :class:`~threeno.model.dataset.Dataset` of the records :func:`stream` yields.

    Raises:
        ValidationError: for a plan that is not a plan, a seed that is not a whole number,
            or a scale that is not a number above 0.
        UnitError: when none of the plan's units is valid in its reporting year.

    Plan clauses: I.1, I.3, I.5, II.1.b, II.2.b, II.3.b, II.4.b, III.4.c, IV.1, IV.2.

    .. versionadded:: 0.1.0
    """
    _check(plan, seed, scale, "generate")
    names = {cls: name for name, cls in RECORD_TYPES.items()}
    records: dict[str, list[Record]] = {name: [] for name in RECORD_TYPES}
    for record in stream(plan, seed=seed, scale=scale):
        records[names[type(record)]].append(record)
    return Dataset(**records)  # type: ignore[arg-type]  # each list holds its own type


def _line(record: Record) -> str:
    # One JSON object per line, keys in field order, text as written (not \u escapes).
    return json.dumps(
        shared_converter().unstructure(record), ensure_ascii=False, separators=(",", ":")
    )


def write_jsonl(
    plan: Plan, folder: str | os.PathLike[str], *, seed: int, scale: float = 1.0
) -> dict[str, int]:
    """Write the records :func:`generate` returns, streaming, one JSON Lines file per type.

    Writes ``<folder>/<record_type>.jsonl`` for every record type of the data dictionary
    (``subjects.jsonl``, ``crime_reports.jsonl``, ...; empty files for types without
    records), one record per line, unstructured by the project's converter
    (:data:`threeno.io.converter.CONVERTER`) as the dataset loader reads it. The folder is
    created if needed and those eight files are replaced, atomically: each is written to
    a temporary file renamed over it only when every record is written, so a run that
    fails or is interrupted leaves the old files (or none), never half a dataset.
    Records are written as :func:`stream` yields them, so memory does not grow with
    ``scale``, and the same plan, seed and scale give byte-identical files.

    Args:
        plan: the plan whose units, agencies, year and reporting rules the records follow.
        folder: the folder to write to.
        seed: the seed of the one :class:`random.Random` every choice comes from.
        scale: multiplies the population and the records about it.

    Returns:
        The number of records written per record type, in the data dictionary's order.

    Raises:
        ValidationError: for a plan that is not a plan, a seed that is not a whole number,
            or a scale that is not a number above 0.
        UnitError: when none of the plan's units is valid in its reporting year.
        OutputError: (:class:`threeno.errors.OutputError`) when the folder cannot be
            made or a file cannot be written (naming the path and the system's reason),
            or a file of the folder is not a regular file (a device, a named pipe).

    Plan clauses: I.1, I.3, I.5, II.1.b, II.2.b, II.3.b, II.4.b, III.4.c, IV.1, IV.2.

    .. versionadded:: 0.1.0
    """
    _check(plan, seed, scale, "write_jsonl")
    records = stream(plan, seed=seed, scale=scale)
    out = make_folder(folder)
    names = {cls: name for name, cls in RECORD_TYPES.items()}
    counts = dict.fromkeys(RECORD_TYPES, 0)
    with contextlib.ExitStack() as stack:
        handles = {
            name: stack.enter_context(atomic_open(out / f"{name}.jsonl")) for name in RECORD_TYPES
        }
        for record in records:
            name = names[type(record)]
            handles[name].write(_line(record) + "\n")
            counts[name] += 1
    return counts


def demo_path(plan_id: str = DEMO_PLAN) -> Path:
    """The folder of the bundled demo dataset for ``plan_id``: one JSON Lines file per type.

    Written by :func:`write_jsonl` with :data:`DEMO_SEED` and :data:`DEMO_SCALE`; the
    tests check that the shipped files equal the generator's output byte for byte.

    >>> from threeno.testing.synthetic import demo_path
    >>> sorted(p.name for p in demo_path().iterdir())[:2]
    ['crime_reports.jsonl', 'criminal_cases.jsonl']

    Args:
        plan_id: the bundled plan the demo data were made for; only ``"lai-chau-2024"``.

    Returns:
        The folder's path.

    Raises:
        DatasetError: when there is no demo dataset for ``plan_id``, or the package is
            not installed as files on disk.

    Plan clauses: the whole plan (``threeno report`` evaluates it on these records).

    .. versionadded:: 0.1.0
    """
    demo = files(__package__ or "threeno.testing").joinpath("demo")
    available = sorted(p.name for p in demo.iterdir() if p.is_dir())
    if plan_id not in available:
        msg = f"no demo dataset for {plan_id!r}; bundled demo datasets: {', '.join(available)}"
        raise DatasetError(msg)
    folder = demo.joinpath(plan_id)
    if not isinstance(folder, Path):  # pragma: no cover - a zipped install
        msg = f"the demo dataset for {plan_id!r} is not on disk (threeno runs from an archive)"
        raise DatasetError(msg)
    return folder


def load_demo(plan_id: str = DEMO_PLAN) -> Dataset:
    """The bundled demo dataset for ``plan_id``, loaded and checked against that plan.

    >>> from threeno.testing.synthetic import load_demo
    >>> load_demo().counts()["subjects"]
    420

    Args:
        plan_id: the bundled plan the demo data were made for; only ``"lai-chau-2024"``.

    Returns:
        The :class:`~threeno.model.dataset.Dataset`, read by
        :func:`threeno.io.datasets.load_dataset` with the plan's unit registry.

    Raises:
        DatasetError: when there is no demo dataset for ``plan_id``, or a shipped record
            is rejected or a problem found (the shipped files are damaged).

    Plan clauses: the whole plan (``threeno report`` evaluates it on these records).

    .. versionadded:: 0.1.0
    """
    folder = demo_path(plan_id)
    dataset, _ = load_dataset(folder, plan=load_plan(plan_id), strict=True)
    return dataset
