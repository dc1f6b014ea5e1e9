"""A small synthetic dataset whose indicator values were worked out by hand.

The period is the first half of 2024 under the 15th-to-14th cut-off of Nghị định
09/2019/NĐ-CP, Art. 12: 2023-12-15 .. 2024-06-14 (``PERIOD``), evaluated against the
bundled 2024 plan (seven communes and wards; targets of clauses I.3, I.5, II.2.b, II.3.b,
IV.2). Every record is synthetic, with pseudonymous ids; the comment beside each record
says what it is there to test. The expected values live in the tests, with their working.

Calendar facts used by the working (a printed 2023-2024 calendar and Vietnam's holidays):
2023-12-01 is a Friday and 2023-12-21 a Thursday; Tết 2024 ran from Thursday 8 to
Wednesday 14 February; 2024-01-22, 2024-03-11, 2024-05-30 are working days (Monday,
Monday, Thursday); 2024-06-23 and 2024-06-30 are Sundays; 29 April to 1 May 2024 were off
and Thursday 2 May a working day.
"""

from __future__ import annotations

import datetime as dt

from threeno.model.activities import (
    ModelReview,
    OutreachEvent,
    ReportSubmission,
    SafetyAssessment,
    SupportAction,
)
from threeno.model.crime import CrimeReport, CriminalCase, Extension, Suspension
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
    SubjectCategory,
    SupportKind,
    SuspensionReason,
)
from threeno.model.period import ReportingPeriod
from threeno.model.subjects import CategorySpan, Subject
from threeno.plans import load_plan

D = dt.date
PLAN = load_plan("lai-chau-2024")
#: 2023-12-15 .. 2024-06-14.
PERIOD = ReportingPeriod.half_year(2024, 1)

QT, TP, QTI, DK, SP, DP, ST = "03386", "03387", "03388", "03389", "03403", "03408", "03409"
CITY = "105"  # Thành phố Lai Châu: a unit, but not a commune the plan covers
OUTSIDE = "03391"  # Lả Nhì Thàng, of Phong Thổ district: not in the 2024 plan's registry

TO_GIAC, TIN_BAO = ReportSource.TO_GIAC, ReportSource.TIN_BAO
KIEN_NGHI, TU_PHAT_HIEN = ReportSource.KIEN_NGHI_KHOI_TO, ReportSource.TU_PHAT_HIEN


def report(  # noqa: PLR0913 - a test builder with the fields the scenarios set
    rid: str,
    received: dt.date,
    *,
    unit: str = QT,
    source: ReportSource = TO_GIAC,
    article: int = 150,
    classified: dt.date | None = None,
    decision: Decision | None = None,
    decided: dt.date | None = None,
    suspensions: tuple[Suspension, ...] = (),
    extensions: tuple[Extension, ...] = (),
    reopened: dt.date | None = None,
) -> CrimeReport:
    """A synthetic crime report."""
    return CrimeReport(
        id=rid,
        source=source,
        offence_article=article,
        unit_code=unit,
        received_on=received,
        receiving_agency="cong-an-tp",
        classified_on=classified,
        extensions=extensions,
        suspensions=suspensions,
        decision=decision,
        decided_on=decided,
        reopened_on=reopened,
    )


def sus(start: dt.date, resumed: dt.date | None = None) -> Suspension:
    """A suspension for an expert examination (Art. 148(1)(a))."""
    return Suspension(
        reason=SuspensionReason.EXPERT_EXAMINATION, from_date=start, resumed_on=resumed
    )


def span(category: SubjectCategory, since: dt.date, until: dt.date | None = None) -> CategorySpan:
    """A category span."""
    return CategorySpan(category=category, since=since, until=until)


def subject(  # noqa: PLR0913 - a test builder with the fields the scenarios set
    sid: str,
    unit: str,
    registered: dt.date,
    *spans: CategorySpan,
    sex: Sex = Sex.FEMALE,
    born: int = 1990,
    ethnicity: Ethnicity = Ethnicity.HMONG,
) -> Subject:
    """A synthetic subject, with no personal data."""
    return Subject(
        id=sid,
        sex=sex,
        birth_year=born,
        ethnicity=ethnicity,
        unit_code=unit,
        registered_on=registered,
        categories=spans,
    )


def support(aid: str, sid: str, kind: SupportKind, delivered: dt.date) -> SupportAction:
    """A support action given in Quyết Thắng (where it is given does not matter)."""
    return SupportAction(
        id=aid,
        subject_id=sid,
        kind=kind,
        provider_agency="hoi-phu-nu-tp",
        unit_code=QT,
        delivered_on=delivered,
    )


def event(  # noqa: PLR0913, PLR0917 - a row of the EVENTS table reads best positionally
    eid: str,
    unit: str,
    held: dt.date,
    channel: Channel,
    participants: int,
    reached: tuple[str, ...],
    language: str = "vi",
) -> OutreachEvent:
    """An outreach event."""
    return OutreachEvent(
        id=eid,
        held_on=held,
        unit_code=unit,
        agency="hoi-phu-nu-tp",
        channel=channel,
        participants=participants,
        reached_subject_ids=reached,
        language=language,
    )


def review(
    rid: str, unit: str, held: dt.date, kind: ReviewKind, *, maintained: bool
) -> ModelReview:
    """A model review."""
    return ModelReview(id=rid, unit_code=unit, held_on=held, kind=kind, maintained=maintained)


def assessment(  # noqa: PLR0913 - a test builder with the fields the scenarios set
    aid: str,
    unit: str,
    scope: AssessmentScope,
    year: int,
    assessed: dt.date,
    *,
    meets: bool,
    failed: tuple[str, ...] = (),
) -> SafetyAssessment:
    """A safety assessment."""
    return SafetyAssessment(
        id=aid,
        unit_code=unit,
        scope=scope,
        year=year,
        assessed_on=assessed,
        meets_standard=meets,
        criteria_failed=failed,
    )


def submission(sid: str, agency: str, period: str, submitted: dt.date) -> ReportSubmission:
    """A report submission."""
    return ReportSubmission(id=sid, agency=agency, period=period, submitted_on=submitted)


REPORTS = (
    # Pending at the start: received before it, decided in it, on time (limit 2023-12-21).
    report(
        "CR-0001",
        D(2023, 12, 1),
        classified=D(2023, 12, 2),
        decision=Decision.KHOI_TO,
        decided=D(2023, 12, 20),
    ),
    # Resolved before the period: in no denominator.
    report(
        "CR-0002",
        D(2023, 11, 1),
        classified=D(2023, 11, 2),
        decision=Decision.KHONG_KHOI_TO,
        decided=D(2023, 11, 15),
    ),
    # The Tết report: limit 2024-02-14 is a Tết day off, so 2024-02-15; decided late.
    report(
        "CR-0017",
        D(2024, 1, 25),
        source=TIN_BAO,
        classified=D(2024, 1, 26),
        decision=Decision.KHOI_TO,
        decided=D(2024, 2, 20),
    ),
    # Suspended from 2024-03-15, still suspended at the end: pending, shown apart.
    report(
        "CR-0004",
        D(2024, 3, 1),
        source=KIEN_NGHI,
        classified=D(2024, 3, 4),
        suspensions=(sus(D(2024, 3, 15)),),
        decision=Decision.TAM_DINH_CHI,
        decided=D(2024, 3, 15),
    ),
    # Suspended, resumed on 2024-04-01, decided on its last day 2024-05-02 (1 month from
    # the resumption ends 2024-05-01, a holiday): on time.
    report(
        "CR-0005",
        D(2024, 2, 20),
        classified=D(2024, 2, 21),
        suspensions=(sus(D(2024, 3, 1), D(2024, 4, 1)),),
        decision=Decision.KHONG_KHOI_TO,
        decided=D(2024, 5, 2),
    ),
    # Decided not to open a case, on time (limit 2024-01-22); overturned 2024-04-10.
    report(
        "CR-0006",
        D(2024, 1, 2),
        classified=D(2024, 1, 3),
        decision=Decision.KHONG_KHOI_TO,
        decided=D(2024, 1, 10),
        reopened=D(2024, 4, 10),
    ),
    # Never classified nor decided; limit 2024-05-30 passed before the end: overdue.
    report("CR-0007", D(2024, 5, 10), source=TIN_BAO),
    # Classified on the period's last day; limit 2024-06-23 (a Sunday) moves to 06-24:
    # pending within its limit at the end.
    report("CR-0008", D(2024, 6, 3), classified=D(2024, 6, 14)),
    # Classified and transferred after the end (2024-06-20); limit 2024-07-01.
    report(
        "CR-0009",
        D(2024, 6, 10),
        source=TU_PHAT_HIEN,
        classified=D(2024, 6, 20),
        decision=Decision.CHUYEN,
        decided=D(2024, 6, 20),
    ),
    # Received after the period: in nothing.
    report("CR-0010", D(2024, 6, 20), classified=D(2024, 6, 21)),
    # Tân Phong: a complex matter (2 months), decided well within it.
    report(
        "CR-0011",
        D(2024, 3, 4),
        unit=TP,
        classified=D(2024, 3, 5),
        extensions=(Extension(kind=ExtensionKind.COMPLEX, granted_on=D(2024, 3, 20)),),
        decision=Decision.KHOI_TO,
        decided=D(2024, 4, 25),
    ),
    # Tân Phong: pending at the end, within its limit (2024-06-25).
    report("CR-0012", D(2024, 6, 5), unit=TP, source=TIN_BAO, classified=D(2024, 6, 6)),
    # The city's code: a unit, but not one of the plan's communes and wards.
    report("CR-0013", D(2024, 2, 1), unit=CITY),
    # A commune of another district: no unit of the plan's registry has this code.
    report("CR-0014", D(2024, 2, 1), unit=OUTSIDE),
)

CASES = (
    # Opened (from CR-0001), indicted and tried in the period: Art. 150, 2 defendants.
    CriminalCase(
        id="CC-0001",
        offence_article=150,
        unit_code=QT,
        opened_on=D(2023, 12, 20),
        defendants=2,
        indicted_on=D(2024, 3, 10),
        tried_on=D(2024, 5, 20),
    ),
    # Opened before the period, indicted in it: Art. 151.
    CriminalCase(
        id="CC-0002",
        offence_article=151,
        unit_code=QT,
        opened_on=D(2023, 10, 1),
        defendants=1,
        indicted_on=D(2024, 1, 15),
    ),
    # Art. 348 (organising illegal emigration): not a trafficking offence by default.
    CriminalCase(
        id="CC-0003", offence_article=348, unit_code=TP, opened_on=D(2024, 2, 1), defendants=3
    ),
    # Opened in Tân Phong (from CR-0011); found wrongful on 2024-06-01.
    CriminalCase(
        id="CC-0004",
        offence_article=150,
        unit_code=TP,
        opened_on=D(2024, 4, 25),
        defendants=1,
        wrongful_on=D(2024, 6, 1),
    ),
)

C = SubjectCategory
SUBJECTS = (
    # Poor woman, 34 in 2024: monitored, target, listed for vocational training.
    subject("S-0001", QT, D(2023, 1, 10), span(C.POOR, D(2023, 1, 10)), born=1990),
    # Emigrated illegally (since 2023) and unemployed (since 2024-01-01): 24 in 2024.
    subject(
        "S-0002",
        QT,
        D(2023, 5, 1),
        span(C.EMIGRATED_ILLEGALLY, D(2023, 5, 1)),
        span(C.UNEMPLOYED, D(2024, 1, 1)),
        born=2000,
        ethnicity=Ethnicity.THAI,
    ),
    # Lured abroad from 2024-02-01 to 04-30 (new in the period, gone by its end), then a
    # returned victim from 2024-05-01: 16 in 2024.
    subject(
        "S-0003",
        QT,
        D(2024, 2, 1),
        span(C.LURED_OR_SOLD_ABROAD, D(2024, 2, 1), D(2024, 4, 30)),
        span(C.RETURNED_VICTIM, D(2024, 5, 1)),
        born=2008,
    ),
    # A suspect only: monitored, never a target.
    subject(
        "S-0004",
        QT,
        D(2023, 3, 1),
        span(C.SUSPECT, D(2023, 3, 1)),
        born=1985,
        ethnicity=Ethnicity.KINH,
    ),
    # A man who returned as a victim: not a woman, but a returned victim (II.3.b).
    subject(
        "S-0005",
        QT,
        D(2023, 1, 1),
        span(C.RETURNED_VICTIM, D(2023, 6, 1)),
        sex=Sex.MALE,
        born=1980,
        ethnicity=Ethnicity.KINH,
    ),
    # Registered after the period's end: in nothing.
    subject("S-0006", TP, D(2024, 7, 1), span(C.POOR, D(2024, 7, 1)), born=1995),
    # Her only category ended on 2023-12-31: not under management at the end.
    subject(
        "S-0007",
        TP,
        D(2022, 1, 1),
        span(C.DIFFICULT_CIRCUMSTANCES, D(2022, 1, 1), D(2023, 12, 31)),
        born=1970,
    ),
    # Tân Phong: deceived into marrying a foreigner, returned victim since 2023-09-01.
    subject(
        "S-0008",
        TP,
        D(2023, 8, 1),
        span(C.MARRIED_FOREIGNER_UNLAWFULLY, D(2023, 8, 1)),
        span(C.RETURNED_VICTIM, D(2023, 9, 1)),
        born=1999,
    ),
    # The old Đoàn Kết: poor; reached only at an event held out of scope.
    subject(
        "S-0009",
        DK,
        D(2023, 2, 1),
        span(C.POOR, D(2023, 2, 1)),
        born=2002,
        ethnicity=Ethnicity.THAI,
    ),
)

EVENTS = (
    event(
        "OE-0001",
        QT,
        D(2024, 3, 8),
        Channel.FACE_TO_FACE,
        40,
        ("S-0001", "S-0002", "S-0004"),
        "hmn",
    ),
    # S-0001 again: her first reach stays OE-0001.
    event("OE-0002", TP, D(2024, 4, 10), Channel.LOUDSPEAKER, 100, ("S-0008", "S-0001")),
    # Held by the city (out of scope): not an event of a ward, but S-0009 was reached.
    event("OE-0003", CITY, D(2024, 5, 5), Channel.WORKSHOP, 25, ("S-0009",)),
    # After the period.
    event("OE-0004", QT, D(2024, 7, 1), Channel.FACE_TO_FACE, 30, ("S-0003",)),
)

SUPPORT = (
    support("SA-0001", "S-0003", SupportKind.PSYCHOLOGICAL, D(2024, 5, 10)),  # after return
    support("SA-0002", "S-0008", SupportKind.MEDICAL, D(2023, 8, 15)),  # before return
    support("SA-0003", "S-0005", SupportKind.LOAN, D(2024, 7, 15)),  # after the end
    support("SA-0004", "S-0002", SupportKind.VOCATIONAL_TRAINING, D(2024, 3, 20)),
    support("SA-0005", "S-0001", SupportKind.VOCATIONAL_COUNSELLING, D(2023, 12, 1)),  # before
    support("SA-0006", "S-0008", SupportKind.LEGAL_AID, D(2024, 1, 20)),  # after return
)

REVIEWS = (
    review("MR-0001", QT, D(2024, 1, 15), ReviewKind.SO_KET, maintained=False),
    review("MR-0002", QT, D(2024, 5, 20), ReviewKind.TONG_KET, maintained=True),  # latest
    review("MR-0003", TP, D(2024, 6, 1), ReviewKind.SO_KET, maintained=False),
    review("MR-0004", QTI, D(2024, 6, 20), ReviewKind.SO_KET, maintained=True),  # after the end
)

X, K = AssessmentScope.XA_PHUONG, AssessmentScope.KHU_DAN_CU
ASSESSMENTS = (
    assessment("SF-0001", QT, X, 2024, D(2024, 5, 30), meets=True),
    assessment("SF-0002", TP, X, 2024, D(2024, 4, 1), meets=False, failed=("2",)),
    assessment("SF-0003", TP, X, 2024, D(2024, 6, 10), meets=True),  # Tân Phong's latest
    assessment("SF-0004", DK, K, 2024, D(2024, 5, 1), meets=True),  # a residential area
    assessment("SF-0005", SP, X, 2023, D(2023, 12, 20), meets=False, failed=("1",)),  # 2023
)

SUBMISSIONS = (
    submission("RS-0001", "cong-an-tp", "2024-H1", D(2024, 6, 18)),  # due 06-19: on time
    submission("RS-0002", "hoi-phu-nu-tp", "2024-H1", D(2024, 6, 25)),  # late
    submission("RS-0003", "hoi-phu-nu-tp", "2024-H1", D(2024, 6, 30)),  # a later copy
    submission("RS-0004", "ban-dan-van", "adhoc:2024-03-02", D(2024, 3, 3)),  # ad hoc
    submission("RS-0005", "phong-ldtbxh", "2023-H2", D(2023, 12, 20)),  # another period
    submission("RS-0006", "hoi-nong-dan", "2024-H1", D(2024, 6, 15)),  # not a reporting agency
)

DATASET = Dataset(
    subjects=SUBJECTS,
    crime_reports=REPORTS,
    criminal_cases=CASES,
    support_actions=SUPPORT,
    outreach_events=EVENTS,
    model_reviews=REVIEWS,
    report_submissions=SUBMISSIONS,
    safety_assessments=ASSESSMENTS,
)
