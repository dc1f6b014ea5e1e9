"""The proportions of synthetic data: how many records of each kind, and how they unfold.

The numbers :mod:`threeno.testing.synthetic` draws its datasets with, and the kinds of
case it mixes: how a crime report unfolds (:class:`ReportScenario`) and whether an
agency's periodic report comes (:class:`SubmissionStatus`). They are illustrative,
chosen to look like a city of Lai Châu's size at ``scale=1``, not taken from any
statistics; the Hypothesis strategies of :mod:`threeno.testing.strategies` ignore the
weights and meet every case as often as any other.

Plan clauses: I.1, I.3, I.5, II.1.b, II.2.b, II.3.b, II.4.b, III.4.c, IV.1, IV.2.

.. versionadded:: 0.2.0
   Moved here from :mod:`threeno.testing.synthetic`, which still exports every name.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping  # noqa: TC003 - Sphinx evaluates the annotations to link them
from types import MappingProxyType
from typing import Final

from threeno.model.enums import (
    Channel,
    Decision,
    Ethnicity,
    ReportSource,
    SubjectCategory,
    Verdict,
)

__all__ = [
    "ARTICLE_SHARES",
    "CARRIED_OVER_SHARE",
    "CATEGORY_SHARES",
    "CHANNEL_SHARES",
    "CLASSIFIED_PENDING_SHARE",
    "DECISION_SHARES",
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
]


class ReportScenario(enum.Enum):
    """How a synthetic crime report unfolds, judged at the end of the period it is made for.

    Each scenario is built with the time limits of Bộ luật Tố tụng hình sự 2015,
    Art. 147-149 (:func:`threeno.rules.time_limits.time_limit`), so that
    :func:`~threeno.rules.time_limits.status_on` gives the status its name promises.

    Plan clauses: I.3, II.4.b.

    .. versionadded:: 0.1.0
    """

    #: Decided (finally) within the 20-day limit of Art. 147(1).
    ON_TIME = "on_time"
    #: Decided after the limit.
    LATE = "late"
    #: Not decided, still within the limit at the period's end.
    PENDING = "pending"
    #: Not decided, past the limit at the period's end.
    OVERDUE = "overdue"
    #: Extended for a complex matter (and sometimes by the procuracy), decided within it.
    EXTENDED = "extended"
    #: Suspended within the limit (Art. 148), still suspended at the period's end.
    SUSPENDED = "suspended"
    #: Suspended, resumed, and decided within the month left (Art. 149).
    RESUMED = "resumed"
    #: Decided not to open a case on time, then that decision overturned (a missed crime).
    REOPENED = "reopened"


class SubmissionStatus(enum.Enum):
    """Whether an agency sent a periodic report on time, late or not at all.

    Plan clauses: IV.2.

    .. versionadded:: 0.1.0
    """

    ON_TIME = "on_time"
    LATE = "late"
    MISSING = "missing"


# -- proportions: illustrative, for a city of Lai Châu's size at scale 1 -----------------

#: Monitored subjects per commune or ward at scale 1, so 420 in the seven units of Lai
#: Châu city, hundreds of monitored women; ``scale`` multiplies it (and every unit keeps
#: at least one).
SUBJECTS_PER_UNIT: Final = 60

#: Share of subjects registered in the year before the plan's year (the register carries
#: over, so the women under management at the year's start are most of them).
REGISTERED_EARLIER_SHARE: Final = 0.7

#: Each subject's first category, by weight, mostly the poor, disadvantaged and jobless
#: women of plan clause I.1 and III.4.c; fewer emigrants, victims and suspects (III.1.b).
CATEGORY_SHARES: Final[Mapping[SubjectCategory, float]] = MappingProxyType(
    {
        SubjectCategory.POOR: 0.30,
        SubjectCategory.DIFFICULT_CIRCUMSTANCES: 0.20,
        SubjectCategory.UNEMPLOYED: 0.16,
        SubjectCategory.EMIGRATED_ILLEGALLY: 0.08,
        SubjectCategory.LURED_OR_SOLD_ABROAD: 0.04,
        SubjectCategory.MARRIED_FOREIGNER_UNLAWFULLY: 0.05,
        SubjectCategory.ABSENT_SUSPECTED_TRAFFICKED: 0.04,
        SubjectCategory.BEING_IDENTIFIED: 0.01,
        SubjectCategory.RETURNED_VICTIM: 0.06,
        SubjectCategory.SUSPECT: 0.03,
        SubjectCategory.OFFENDER: 0.03,
    }
)

#: Share of subjects with a second category among poor, disadvantaged and jobless (a poor
#: woman who is also without work).
SECOND_CATEGORY_SHARE: Final = 0.3

#: Share of category memberships that end before the period's end (a woman leaves a
#: category, for example poverty).
LEAVING_SHARE: Final = 0.1

#: Share of the memberships that ended which start again later in the period.
RETURNING_SHARE: Final = 0.2

#: Ethnic groups by weight (codes of QĐ 1019/QĐ-TCTK 2008), the Kinh and ethnic groups
#: that live in Lai Châu province, the Thái, H'mông and Dao first; illustrative, not
#: census figures. Every other group has a small weight, so that every code occurs at
#: large scales.
ETHNICITY_SHARES: Final[Mapping[Ethnicity, float]] = MappingProxyType(
    {
        e: {
            Ethnicity.KINH: 40.0,
            Ethnicity.THAI: 20.0,
            Ethnicity.HMONG: 14.0,
            Ethnicity.DAO: 7.0,
            Ethnicity.GIAY: 4.0,
            Ethnicity.HA_NHI: 2.0,
            Ethnicity.LU: 2.0,
            Ethnicity.KHO_MU: 1.0,
            Ethnicity.LA_HU: 1.0,
            Ethnicity.MANG: 1.0,
            Ethnicity.CONG: 1.0,
        }.get(e, 0.05)
        for e in Ethnicity
    }
)

#: Crime reports a year per subject, 36 a year for the 420 subjects of scale 1, so dozens
#: of crime reports a year (trafficking, fraud and illegal exit).
REPORTS_PER_SUBJECT: Final = 36 / 420

#: Share of reports received in the two months before the year, and carried into it.
CARRIED_OVER_SHARE: Final = 0.15

#: How reports unfold (see :class:`ReportScenario`), most decided on time, some late,
#: extended, suspended or still pending, a few overdue or reopened. The first reports of
#: a dataset take each scenario once, so that every kind occurs at every scale.
SCENARIO_SHARES: Final[Mapping[ReportScenario, float]] = MappingProxyType(
    {
        ReportScenario.ON_TIME: 0.45,
        ReportScenario.LATE: 0.08,
        ReportScenario.PENDING: 0.07,
        ReportScenario.OVERDUE: 0.05,
        ReportScenario.EXTENDED: 0.14,
        ReportScenario.SUSPENDED: 0.06,
        ReportScenario.RESUMED: 0.10,
        ReportScenario.REOPENED: 0.05,
    }
)

#: Where reports come from (Bộ luật Tố tụng hình sự 2015, Art. 143, 144).
SOURCE_SHARES: Final[Mapping[ReportSource, float]] = MappingProxyType(
    {
        ReportSource.TO_GIAC: 0.40,
        ReportSource.TIN_BAO: 0.30,
        ReportSource.KIEN_NGHI_KHOI_TO: 0.10,
        ReportSource.TU_PHAT_HIEN: 0.15,
        ReportSource.TU_THU: 0.05,
    }
)

#: The offence a report concerns, by article of Bộ luật Hình sự 2015, trafficking first,
#: then fraud and the organising of illegal exit (the offences of plan clause I.3).
ARTICLE_SHARES: Final[Mapping[int, float]] = MappingProxyType(
    {150: 0.40, 174: 0.25, 348: 0.15, 349: 0.10, 151: 0.07, 153: 0.03}
)

#: The final decision on a report (Art. 147(1), 146(2)).
DECISION_SHARES: Final[Mapping[Decision, float]] = MappingProxyType(
    {Decision.KHOI_TO: 0.55, Decision.KHONG_KHOI_TO: 0.35, Decision.CHUYEN: 0.10}
)

#: Share of extended reports whose limit the procuracy extends a second time (Art. 147(2)).
PROCURACY_SHARE: Final = 0.3

#: Share of undecided reports already classified.
CLASSIFIED_PENDING_SHARE: Final = 0.7

#: Share of criminal cases indicted within the data, and of those tried.
INDICTED_SHARE: Final = 0.6
#: Share of indicted cases tried within the data.
TRIED_SHARE: Final = 0.7

#: The verdicts of first-instance trials.
VERDICT_SHARES: Final[Mapping[Verdict, float]] = MappingProxyType(
    {Verdict.CONVICTED: 0.90, Verdict.ACQUITTED: 0.03, Verdict.RETURNED_FOR_INVESTIGATION: 0.07}
)

#: Share of cases later found wrongful (the "oan sai" plan clause I.3 forbids), rare.
WRONGFUL_SHARE: Final = 0.01

#: Share of returned victims (and persons being identified) who receive any support;
#: the rest are the victims without support that ``support.coverage`` exists to find
#: (the first returned victim of a dataset is always one of them).
SUPPORTED_VICTIM_SHARE: Final = 0.85

#: Share of poor, disadvantaged or jobless women referred to vocational training, loans
#: or jobs in the year (plan clauses III.2.b, III.4.c).
VOCATIONAL_SHARE: Final = 0.2

#: Outreach events per commune or ward per month at scale 1 (plan clause II.2.b asks for
#: awareness-raising everywhere, by every fitting means); at least one at every scale.
EVENTS_PER_UNIT_MONTH: Final = 3

#: The means of an outreach event (plan clause II.2.b).
CHANNEL_SHARES: Final[Mapping[Channel, float]] = MappingProxyType(
    {
        Channel.LOUDSPEAKER: 0.25,
        Channel.FACE_TO_FACE: 0.30,
        Channel.PICTURES: 0.05,
        Channel.DOCUMENTARY: 0.03,
        Channel.TELEVISION: 0.03,
        Channel.PANEL_POSTER: 0.08,
        Channel.SOCIAL_MEDIA: 0.12,
        Channel.SCHOOL: 0.07,
        Channel.WORKSHOP: 0.05,
        Channel.OTHER: 0.02,
    }
)

#: The language of an outreach event, Vietnamese or an ethnic language where many
#: ethnic-minority people live (plan clause I.2): Hmong ``hmn``, Tai Dam ``blt``, Iu
#: Mien ``ium``.
LANGUAGE_SHARES: Final[Mapping[str, float]] = MappingProxyType(
    {"vi": 0.70, "hmn": 0.12, "blt": 0.12, "ium": 0.06}
)

#: Mean share of a unit's target women an event reaches; over a year of events most,
#: not always all, are reached (plan clause II.2.b asks for 100%).
REACH_SHARE: Final = 0.25

#: Share of reviews that find the model maintained in the unit (plan clause I.5).
MAINTAINED_SHARE: Final = 0.85

#: Whether an agency's periodic report arrives on time, late, or not at all (plan IV.2);
#: in every dataset at least one is late and one missing.
SUBMISSION_SHARES: Final[Mapping[SubmissionStatus, float]] = MappingProxyType(
    {SubmissionStatus.ON_TIME: 0.80, SubmissionStatus.LATE: 0.12, SubmissionStatus.MISSING: 0.08}
)

#: Residential areas (khu dân cư) assessed per unit each year, beside the unit itself
#: (Thông tư 124/2021/TT-BCA; plan clause II.1.b).
RESIDENTIAL_AREAS_PER_UNIT: Final = 3

#: Share of safety assessments that find the standard met.
MEETS_STANDARD_SHARE: Final = 0.85
