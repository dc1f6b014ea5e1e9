"""Hypothesis strategies that build valid instances of every record type, and datasets.

Every strategy draws only synthetic data: pseudonymous ids (``S-0042``), dates between
2012 (the 2011 anti-trafficking law in force) and 2030, unit codes of Lai Châu city, and
made-up names for the sensitive fields. A later issue turns this module into the public
``threeno.testing.strategies``; it imports only the model and Hypothesis.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import TYPE_CHECKING

import attrs
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
from threeno.model.subjects import MIN_BIRTH_YEAR, CategorySpan, Subject

if TYPE_CHECKING:
    from collections.abc import Sequence

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
    "safety_assessments",
    "subjects",
    "support_actions",
    "suspensions",
]

#: The range of the dates drawn: the 2011 law in force .. a few years past the plans.
EARLIEST = dt.date(2012, 1, 1)
LATEST = dt.date(2030, 12, 31)

#: The seven communes and wards of Lai Châu city before 1 July 2025 (DOMAIN-FACTS.md).
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
    """Pseudonymous ids such as ``S-0042``."""
    return st.integers(min_value=0, max_value=9999).map(lambda n: f"{prefix}-{n:04d}")


def dates(min_value: dt.date = EARLIEST, max_value: dt.date = LATEST) -> st.SearchStrategy[dt.date]:
    """Plain dates in ``[min_value, max_value]``."""
    return st.dates(min_value=min_value, max_value=max(min_value, max_value))


def _day(draw: st.DrawFn) -> dt.date:
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
    """A span of one category, open or closed (``until`` on or after ``since``)."""
    cat = category if category is not None else draw(st.sampled_from(SubjectCategory))
    start = since if since is not None else _day(draw)
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
    """A subject with consistent category spans and, sometimes, synthetic personal data."""
    registered = _day(draw)
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
    """No extension, a complex-matter one, or a complex one then the procuracy's."""
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
    """Zero to three successive suspensions; the last may be open."""
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

    ``case_id`` is left empty: :func:`datasets` links reports to the cases it makes.
    Victims are drawn from ``subject_ids`` (none if it is empty).
    """
    received = _day(draw)
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
    """A criminal case whose stages come in order (indictment, trial, verdict)."""
    opened = _day(draw)
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
    """A support action, for one of ``subject_ids`` (any pseudonymous id if ``None``)."""
    subject = draw(ids("S") if subject_ids is None else st.sampled_from(subject_ids))
    return SupportAction(
        id=draw(ids("SA")),
        subject_id=subject,
        kind=draw(st.sampled_from(SupportKind)),
        provider_agency=draw(_AGENCY),
        unit_code=draw(_UNITS),
        delivered_on=_day(draw),
        amount_vnd=draw(st.none() | st.integers(0, 50_000_000)),
    )


@st.composite
def outreach_events(draw: st.DrawFn, subject_ids: Sequence[str] | None = None) -> OutreachEvent:
    """An outreach event; the subjects reached are drawn from ``subject_ids``.

    With ``None``, any pseudonymous ids; with an empty sequence, nobody on the register.
    """
    if subject_ids is None:
        reached = draw(st.lists(ids("S"), unique=True, max_size=5))
    else:
        reached = _some_of(draw, subject_ids)
    return OutreachEvent(
        id=draw(ids("OE")),
        held_on=_day(draw),
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
    """A preliminary or final review of the model in a unit."""
    return ModelReview(
        id=draw(ids("MR")),
        unit_code=draw(_UNITS),
        held_on=_day(draw),
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
    """A report submission with a period text of any of the accepted shapes."""
    period = _period_text(draw(st.integers(0, 5)), _day(draw), draw(st.integers(0, 90)))
    return ReportSubmission(
        id=draw(ids("RS")),
        agency=draw(_AGENCY),
        period=period,
        submitted_on=_day(draw),
    )


_CRITERIA = st.lists(st.sampled_from(("1", "2", "3a", "3b")), unique=True)
_AREA = st.none() | st.sampled_from(("Tổ dân phố 1", "Bản San Thàng"))


@st.composite
def safety_assessments(draw: st.DrawFn) -> SafetyAssessment:
    """A safety assessment: a passing one lists no failed criteria."""
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


@st.composite
def datasets(draw: st.DrawFn, max_size: int = 4) -> Dataset:
    """A whole dataset whose records all refer to each other consistently.

    Subjects come first; every other record's subject references are drawn from them.
    Some reports decided ``khoi_to`` get a criminal case that lists them, and the report
    names that case, so :meth:`Dataset.validate` finds no problem without a unit context.
    """
    people = draw(st.lists(subjects(), max_size=max_size, unique_by=lambda s: s.id))
    subject_ids = [s.id for s in people]
    reports = draw(
        st.lists(crime_reports(subject_ids), max_size=max_size, unique_by=lambda r: r.id)
    )
    cases = draw(st.lists(criminal_cases(subject_ids), max_size=max_size, unique_by=lambda c: c.id))
    linked: list[CrimeReport] = []
    for report in reports:
        if report.decision is Decision.KHOI_TO and draw(st.booleans()):
            case_id = f"CC-{report.id}"
            cases.append(
                draw(criminal_cases(subject_ids, st.just(case_id), report_ids=(report.id,)))
            )
            report = attrs.evolve(report, case_id=case_id)  # noqa: PLW2901 - the linked copy
        linked.append(report)
    return Dataset(
        subjects=people,
        crime_reports=linked,
        criminal_cases=cases,
        support_actions=draw(
            st.lists(support_actions(subject_ids), max_size=max_size, unique_by=lambda a: a.id)
            if subject_ids
            else st.just([])
        ),
        outreach_events=draw(
            st.lists(outreach_events(subject_ids), max_size=max_size, unique_by=lambda e: e.id)
        ),
        model_reviews=draw(st.lists(model_reviews(), max_size=max_size, unique_by=lambda r: r.id)),
        report_submissions=draw(
            st.lists(report_submissions(), max_size=max_size, unique_by=lambda r: r.id)
        ),
        safety_assessments=draw(
            st.lists(safety_assessments(), max_size=max_size, unique_by=lambda a: a.id)
        ),
    )
