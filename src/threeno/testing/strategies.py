"""Hypothesis strategies for every record type of threeno, and for whole consistent datasets.

Needs Hypothesis, which the ``testing`` extra installs (``pip install "threeno[testing]"``).

- One strategy per record and value type: :func:`subjects`, :func:`category_spans`,
  :func:`crime_reports`, :func:`extensions`, :func:`suspensions`,
  :func:`criminal_cases`, :func:`support_actions`, :func:`outreach_events`,
  :func:`model_reviews`, :func:`report_submissions`, :func:`safety_assessments`,
  :func:`reporting_periods`. They draw any valid record, plausible or not (three
  suspensions, a trial the same day as the indictment), with dates from
  :data:`EARLIEST` to :data:`LATEST` and the unit codes of Lai Châu city
  (:data:`UNIT_CODES`), for testing code that must accept every valid record.
  References between records are not resolved; use :func:`datasets` for that.
- :func:`datasets` draws whole datasets for a plan and a period: every reference
  resolves, every unit code is one of the plan's units valid on the record's date,
  dates are in order and nothing is dated after the period's end except the reports on
  it sent afterwards, and the records mix every kind of case the indicators meet
  (reports on time, late, pending, overdue, extended, suspended, resumed, reopened; victims
  with and without support; subjects entering and leaving categories; reviews that find
  the model maintained or not). They are built by the same code as
  :func:`threeno.testing.synthetic.generate`, with Hypothesis making the choices, so they
  shrink towards small, simple datasets.
- Every enumeration is drawn with ``st.sampled_from(E)`` or ``st.from_type(E)``
  (Hypothesis resolves enumerations itself).

Importing this module registers the strategies with Hypothesis, so that
``st.from_type(CrimeReport)`` or ``st.builds(f)`` for a function annotated with threeno's
types draws valid records; ``st.from_type(Dataset)`` draws datasets of the bundled 2024
plan.

The data are synthetic: pseudonymous ids (``S-0042``), and made-up names and numbers in
the personal data fields of :func:`subjects` (:func:`datasets` leaves them empty).

Plan clauses: I.1, I.3, I.5, II.1.b, II.2.b, II.3.b, II.4.b, III.4.c, IV.1, IV.2.

.. versionadded:: 0.1.0
"""

# No "from __future__ import annotations": Hypothesis's composite functions carry their
# annotations to the strategies they make, where Sphinx reads them; as text they would
# name ``dt.date`` in a module that has no ``dt``.
import datetime as dt
import functools
from collections.abc import Sequence

from hypothesis import strategies as st

from threeno.model.activities import (
    FIRST_ASSESSMENT_YEAR,
    ModelReview,
    OutreachEvent,
    ReportSubmission,
    SafetyAssessment,
    SupportAction,
)
from threeno.model.crime import OFFENCES, CrimeReport, CriminalCase, Extension, Suspension
from threeno.model.dataset import Dataset
from threeno.model.enums import (
    AssessmentScope,
    Channel,
    Decision,
    Ethnicity,
    ExtensionKind,
    ReportSource,
    ReviewKind,
    Sex,
    SloganItem,
    SubjectCategory,
    SupportKind,
    SuspensionReason,
    Verdict,
)
from threeno.model.period import Convention, PeriodKind, ReportingPeriod
from threeno.model.subjects import MIN_BIRTH_YEAR, CategorySpan, Subject

# Whole datasets are built by the builders the synthetic generator drives.
from threeno.testing._dataset_strategy import datasets

__all__ = [
    "EARLIEST",
    "LATEST",
    "UNIT_CODES",
    "category_spans",
    "crime_reports",
    "criminal_cases",
    "datasets",
    "dates",
    "extensions",
    "ids",
    "model_reviews",
    "outreach_events",
    "report_submissions",
    "reporting_periods",
    "safety_assessments",
    "subjects",
    "support_actions",
    "suspensions",
]

#: The first date the record strategies draw (the 2011 anti-trafficking law in force).
EARLIEST = dt.date(2012, 1, 1)
#: The last date the record strategies draw, a few years past the bundled plans.
LATEST = dt.date(2030, 12, 31)

#: The seven communes and wards of Lai Châu city before 1 July 2025, by their codes in the
#: General Statistics Office's list (:mod:`threeno.model.units`).
UNIT_CODES = ("03386", "03387", "03388", "03389", "03403", "03408", "03409")

# Made-up names and numbers for the sensitive fields: no real person's data.
_FAKE_NAMES = ("Lò Thị Mẫu", "Giàng Thị Thử", "Tẩn Thị Ví Dụ", "Nguyễn Thị Giả Định")
_FAKE_IDS = ("000000000001", "000000000002", "999999999999")
_FAKE_PHONES = ("0000000000", "0999999999")

_AGENCIES = ("cong-an-tp", "hoi-phu-nu-tp", "phong-ldtbxh", "ban-dan-van", "ubnd-phuong")

# Strategies built once: building one per draw costs more than drawing from it.
_UNITS = st.sampled_from(UNIT_CODES)
_AGENCY = st.sampled_from(_AGENCIES)
_DAY = st.integers(min_value=0, max_value=(LATEST - EARLIEST).days)
_GAP = st.integers(min_value=0, max_value=400)  # days from one event to the next
_MAYBE = st.booleans()
_CATEGORIES = st.lists(st.sampled_from(SubjectCategory), unique=True, max_size=4)
_NAME = st.none() | st.sampled_from(_FAKE_NAMES)
_NATIONAL_ID = st.none() | st.sampled_from(_FAKE_IDS)
_PHONE = st.none() | st.sampled_from(_FAKE_PHONES)
_ARTICLE = st.sampled_from(sorted(OFFENCES)) | st.integers(1, 426)


@functools.cache
def ids(prefix: str) -> st.SearchStrategy[str]:
    """Pseudonymous ids such as ``S-0042``: the prefix, a hyphen and four digits.

    .. versionadded:: 0.1.0
    """
    return st.integers(min_value=0, max_value=9999).map(lambda n: f"{prefix}-{n:04d}")


def dates(min_value: dt.date = EARLIEST, max_value: dt.date = LATEST) -> st.SearchStrategy[dt.date]:
    """Plain :class:`datetime.date` values from ``min_value`` to ``max_value``.

    .. versionadded:: 0.1.0
    """
    return st.dates(min_value=min_value, max_value=max(min_value, max_value))


def _day_drawn(draw: st.DrawFn) -> dt.date:
    # A day between EARLIEST and LATEST.
    return EARLIEST + dt.timedelta(days=draw(_DAY))


def _on_or_after(draw: st.DrawFn, day: dt.date) -> dt.date:
    # A day on or after ``day``, up to about a year later (it may pass LATEST: harmless).
    return day + dt.timedelta(days=draw(_GAP))


def _maybe_after(draw: st.DrawFn, day: dt.date | None) -> dt.date | None:
    # None, or a day on or after ``day`` (None if ``day`` is None).
    if day is None or not draw(_MAYBE):
        return None
    return _on_or_after(draw, day)


@st.composite
def category_spans(
    draw: st.DrawFn, category: SubjectCategory | None = None, since: dt.date | None = None
) -> CategorySpan:
    """A membership of one category, open or closed (``until`` on or after ``since``).

    Args:
        draw: supplied by Hypothesis; callers leave it out.
        category: the category; any if ``None``.
        since: the first day; any if ``None``.

    Plan clauses: I.1, III.1.b, III.4.c.

    .. versionadded:: 0.1.0
    """
    cat = category if category is not None else draw(st.sampled_from(SubjectCategory))
    start = since if since is not None else _day_drawn(draw)
    return CategorySpan(category=cat, since=start, until=_maybe_after(draw, start))


def _spans_of(draw: st.DrawFn, category: SubjectCategory) -> list[CategorySpan]:
    # One to three successive spans of the same category, each after the last one ended.
    spans = [draw(category_spans(category))]
    while len(spans) < 3 and spans[-1].until is not None and draw(_MAYBE):
        after = spans[-1].until + dt.timedelta(days=1)
        spans.append(draw(category_spans(category, since=_on_or_after(draw, after))))
    return spans


@st.composite
def subjects(draw: st.DrawFn, subject_id: st.SearchStrategy[str] | None = None) -> Subject:
    """A subject with consistent category spans and, sometimes, made-up personal data.

    Args:
        draw: supplied by Hypothesis; callers leave it out.
        subject_id: the ids to draw from; :func:`ids` ``("S")`` if ``None``.

    Plan clauses: I.1, II.2.b, III.1.b, III.4.c.

    .. versionadded:: 0.1.0
    """
    registered = _day_drawn(draw)
    spans = [span for cat in draw(_CATEGORIES) for span in _spans_of(draw, cat)]
    return Subject(
        id=draw(subject_id if subject_id is not None else ids("S")),
        sex=draw(st.sampled_from(Sex)),
        birth_year=registered.year - draw(st.integers(0, registered.year - MIN_BIRTH_YEAR)),
        ethnicity=draw(st.sampled_from(Ethnicity)),
        unit_code=draw(_UNITS),
        registered_on=registered,
        categories=draw(st.permutations(tuple(spans))),
        full_name=draw(_NAME),
        national_id=draw(_NATIONAL_ID),
        phone=draw(_PHONE),
    )


@st.composite
def extensions(draw: st.DrawFn, received_on: dt.date) -> tuple[Extension, ...]:
    """No extension, a complex-matter one, or a complex one then the procuracy's.

    Args:
        draw: supplied by Hypothesis; callers leave it out.
        received_on: the report's day of receipt; extensions come on or after it.

    Source: Bộ luật Tố tụng hình sự 2015, Art. 147(2). Plan clauses: I.3.

    .. versionadded:: 0.1.0
    """
    how_many = draw(st.integers(0, 2))
    if how_many == 0:
        return ()
    complex_on = _on_or_after(draw, received_on)
    first = Extension(kind=ExtensionKind.COMPLEX, granted_on=complex_on)
    if how_many == 1:
        return (first,)
    second = Extension(kind=ExtensionKind.PROCURACY, granted_on=_on_or_after(draw, complex_on))
    return (first, second)


@st.composite
def suspensions(draw: st.DrawFn, received_on: dt.date) -> tuple[Suspension, ...]:
    """Zero to three successive suspensions; the last may still be open.

    Args:
        draw: supplied by Hypothesis; callers leave it out.
        received_on: the report's day of receipt; suspensions come on or after it.

    Source: Bộ luật Tố tụng hình sự 2015, Art. 148, 149. Plan clauses: I.3.

    .. versionadded:: 0.1.0
    """
    result: list[Suspension] = []
    start = received_on
    for _ in range(draw(st.integers(0, 3))):
        from_date = _on_or_after(draw, start)
        resumed = _maybe_after(draw, from_date)
        reason = draw(st.sampled_from(SuspensionReason))
        result.append(Suspension(reason=reason, from_date=from_date, resumed_on=resumed))
        if resumed is None:
            break
        start = resumed
    return tuple(result)


_FINAL = st.sampled_from((Decision.KHOI_TO, Decision.KHONG_KHOI_TO, Decision.CHUYEN))


def _some_of(draw: st.DrawFn, items: Sequence[str]) -> list[str]:
    # A few distinct items of ``items`` (none if it is empty).
    if not items:
        return []
    return draw(st.lists(st.sampled_from(items), unique=True, max_size=3))


@st.composite
def crime_reports(
    draw: st.DrawFn,
    subject_ids: Sequence[str] = (),
    report_id: st.SearchStrategy[str] | None = None,
) -> CrimeReport:
    """A crime report whose dates, extensions, suspensions and decision are consistent.

    ``case_id`` is left empty (:func:`datasets` links reports to the cases they open).

    Args:
        draw: supplied by Hypothesis; callers leave it out.
        subject_ids: the subjects the victims are drawn from (none if empty).
        report_id: the ids to draw from; :func:`ids` ``("CR")`` if ``None``.

    Source: Bộ luật Tố tụng hình sự 2015, Art. 144-149. Plan clauses: I.3, II.4.b.

    .. versionadded:: 0.1.0
    """
    received = _day_drawn(draw)
    sus = draw(suspensions(received))
    decision: Decision | None = None
    decided: dt.date | None = None
    reopened: dt.date | None = None
    if sus and sus[-1].resumed_on is None:
        decision, decided = Decision.TAM_DINH_CHI, sus[-1].from_date
    elif draw(_MAYBE):
        after = sus[-1].resumed_on if sus and sus[-1].resumed_on else received
        decision, decided = draw(_FINAL), _on_or_after(draw, after)
        if decision is Decision.KHONG_KHOI_TO:
            reopened = _maybe_after(draw, decided)
    return CrimeReport(
        id=draw(report_id if report_id is not None else ids("CR")),
        source=draw(st.sampled_from(ReportSource)),
        offence_article=draw(_ARTICLE),
        unit_code=draw(_UNITS),
        received_on=received,
        receiving_agency=draw(_AGENCY),
        classified_on=_maybe_after(draw, received),
        extensions=draw(extensions(received)),
        suspensions=sus,
        decision=decision,
        decided_on=decided,
        reopened_on=reopened,
        victim_ids=_some_of(draw, subject_ids),
    )


@st.composite
def criminal_cases(
    draw: st.DrawFn,
    subject_ids: Sequence[str] = (),
    case_id: st.SearchStrategy[str] | None = None,
    report_ids: Sequence[str] = (),
) -> CriminalCase:
    """A criminal case whose stages come in order (indictment, trial, verdict).

    Args:
        draw: supplied by Hypothesis; callers leave it out.
        subject_ids: the subjects the victims are drawn from (none if empty).
        case_id: the ids to draw from; :func:`ids` ``("CC")`` if ``None``.
        report_ids: the reports the case lists.

    Plan clauses: I.3, II.4.a, II.4.b.

    .. versionadded:: 0.1.0
    """
    opened = _day_drawn(draw)
    indicted = _maybe_after(draw, opened)
    tried = _maybe_after(draw, indicted)
    verdict = draw(st.none() | st.sampled_from(Verdict)) if tried else None
    return CriminalCase(
        id=draw(case_id if case_id is not None else ids("CC")),
        offence_article=draw(st.sampled_from(sorted(OFFENCES))),
        unit_code=draw(_UNITS),
        opened_on=opened,
        report_ids=report_ids,
        defendants=draw(st.integers(0, 20)),
        victim_ids=_some_of(draw, subject_ids),
        indicted_on=indicted,
        tried_on=tried,
        verdict=verdict,
        wrongful_on=_maybe_after(draw, opened),
    )


@st.composite
def support_actions(draw: st.DrawFn, subject_ids: Sequence[str] | None = None) -> SupportAction:
    """A support action for one of ``subject_ids`` (any pseudonymous id if ``None``).

    Args:
        draw: supplied by Hypothesis; callers leave it out.
        subject_ids: the subjects to draw from.

    Plan clauses: II.3.b, III.2.b, III.2.c, III.4.a.

    .. versionadded:: 0.1.0
    """
    subject = draw(ids("S") if subject_ids is None else st.sampled_from(subject_ids))
    return SupportAction(
        id=draw(ids("SA")),
        subject_id=subject,
        kind=draw(st.sampled_from(SupportKind)),
        provider_agency=draw(_AGENCY),
        unit_code=draw(_UNITS),
        delivered_on=_day_drawn(draw),
        amount_vnd=draw(st.none() | st.integers(0, 50_000_000)),
    )


@st.composite
def outreach_events(draw: st.DrawFn, subject_ids: Sequence[str] | None = None) -> OutreachEvent:
    """An outreach event; the subjects reached are drawn from ``subject_ids``.

    Args:
        draw: supplied by Hypothesis; callers leave it out.
        subject_ids: the subjects to draw from; any pseudonymous ids if ``None``, nobody on
            the register if empty.

    Plan clauses: I.2, II.2.b.

    .. versionadded:: 0.1.0
    """
    if subject_ids is None:
        reached = draw(st.lists(ids("S"), unique=True, max_size=5))
    else:
        reached = _some_of(draw, subject_ids)
    return OutreachEvent(
        id=draw(ids("OE")),
        held_on=_day_drawn(draw),
        unit_code=draw(_UNITS),
        agency=draw(_AGENCY),
        channel=draw(st.sampled_from(Channel)),
        participants=len(reached) + draw(st.integers(0, 300)),
        reached_subject_ids=reached,
        language=draw(st.sampled_from(("vi", "hmn", "blt", "ium"))),
        topics=draw(st.lists(st.sampled_from(SloganItem), unique=True)),
    )


@st.composite
def model_reviews(draw: st.DrawFn) -> ModelReview:
    """A preliminary or final review of the model in a unit.

    Plan clauses: I.5, IV.1.

    .. versionadded:: 0.1.0
    """
    return ModelReview(
        id=draw(ids("MR")),
        unit_code=draw(_UNITS),
        held_on=_day_drawn(draw),
        kind=draw(st.sampled_from(ReviewKind)),
        maintained=draw(_MAYBE),
    )


def _period_text(shape: int, day: dt.date, n: int) -> str:
    # One of the six shapes ReportSubmission accepts, built from a day and a number.
    texts = (
        f"{day.year}",
        f"{day.year}-H{n % 2 + 1}",
        f"{day.year}-Q{n % 4 + 1}",
        f"{day.year}-{n % 12 + 1:02d}",
        f"{day.isoformat()}..{(day + dt.timedelta(days=n)).isoformat()}",
        f"adhoc:{day.isoformat()}",
    )
    return texts[shape]


@st.composite
def report_submissions(draw: st.DrawFn) -> ReportSubmission:
    """A report submission with a period text of any of the accepted shapes.

    Plan clauses: IV.2.

    .. versionadded:: 0.1.0
    """
    period = _period_text(draw(st.integers(0, 5)), _day_drawn(draw), draw(st.integers(0, 90)))
    return ReportSubmission(
        id=draw(ids("RS")),
        agency=draw(_AGENCY),
        period=period,
        submitted_on=_day_drawn(draw),
    )


_CRITERIA = st.lists(st.sampled_from(("1", "2", "3a", "3b")), unique=True)
_AREA = st.none() | st.sampled_from(("Tổ dân phố 1", "Bản San Thàng"))


@st.composite
def safety_assessments(draw: st.DrawFn) -> SafetyAssessment:
    """A safety assessment; a passing one lists no failed criteria.

    Source: Thông tư 124/2021/TT-BCA. Plan clauses: II.1.b.

    .. versionadded:: 0.1.0
    """
    assessed = draw(dates(dt.date(FIRST_ASSESSMENT_YEAR, 1, 1), LATEST))
    meets = draw(_MAYBE)
    return SafetyAssessment(
        id=draw(ids("SF")),
        unit_code=draw(_UNITS),
        scope=draw(st.sampled_from(AssessmentScope)),
        area_name=draw(_AREA),
        year=assessed.year - draw(st.integers(0, assessed.year - FIRST_ASSESSMENT_YEAR)),
        assessed_on=assessed,
        meets_standard=meets,
        criteria_failed=[] if meets else draw(_CRITERIA),
    )


_STANDARD = {
    PeriodKind.MONTH: ReportingPeriod.month,
    PeriodKind.QUARTER: ReportingPeriod.quarter,
    PeriodKind.HALF_YEAR: ReportingPeriod.half_year,
}


@st.composite
def reporting_periods(
    draw: st.DrawFn,
    convention: Convention | None = None,
    years: tuple[int, int] = (EARLIEST.year, LATEST.year),
) -> ReportingPeriod:
    """A reporting period of any kind: a month, quarter, half-year, year or custom span.

    Args:
        draw: supplied by Hypothesis; callers leave it out.
        convention: the convention; either if ``None``.
        years: the first and last year the period may be named after (or start in, for
            a custom span).

    Source: Nghị định 09/2019/NĐ-CP, Art. 12. Plan clauses: IV.2.

    .. versionadded:: 0.1.0
    """
    conv = convention if convention is not None else draw(st.sampled_from(Convention))
    kind = draw(st.sampled_from(PeriodKind))
    year = draw(st.integers(*years))
    if kind is PeriodKind.YEAR:
        return ReportingPeriod.year(year, conv)
    if kind is PeriodKind.CUSTOM:
        start = draw(dates(dt.date(year, 1, 1), dt.date(year, 12, 31)))
        end = start + dt.timedelta(days=draw(st.integers(0, 400)))
        return ReportingPeriod.custom(start, end, conv)
    index = draw(st.integers(1, 12 // (kind.months or 12)))
    return _STANDARD[kind](year, index, conv)


def _register() -> None:
    # st.from_type(CrimeReport) and friends draw valid records; Dataset a 2024-plan dataset,
    # deferred so that the plan is read only when a dataset is first drawn.
    for cls, strategy in (
        (Subject, subjects()),
        (CategorySpan, category_spans()),
        (CrimeReport, crime_reports()),
        (Extension, _EXTENSION),
        (Suspension, _SUSPENSION),
        (CriminalCase, criminal_cases()),
        (SupportAction, support_actions()),
        (OutreachEvent, outreach_events()),
        (ModelReview, model_reviews()),
        (ReportSubmission, report_submissions()),
        (SafetyAssessment, safety_assessments()),
        (ReportingPeriod, reporting_periods()),
        (Dataset, st.deferred(datasets)),
    ):
        st.register_type_strategy(cls, strategy)


_EXTENSION = st.builds(Extension, kind=st.sampled_from(ExtensionKind), granted_on=dates())
_SUSPENSION = dates().flatmap(
    lambda start: st.builds(
        Suspension,
        reason=st.sampled_from(SuspensionReason),
        from_date=st.just(start),
        resumed_on=st.none() | dates(start, LATEST),
    )
)

_register()


def _hypothesis_setup_hook() -> None:
    """Hypothesis's entry point (group ``hypothesis``): importing this module registers it all."""
