"""The domain model: every entity of the plan as typed, validated, immutable classes.

Records (:mod:`~threeno.model.subjects`, :mod:`~threeno.model.crime`,
:mod:`~threeno.model.activities`), their collection (:mod:`~threeno.model.dataset`), the
enumerations of the data dictionary (:mod:`~threeno.model.enums`), administrative units
read at a date (:mod:`~threeno.model.units`), reporting periods
(:mod:`~threeno.model.period`), the plan itself (:mod:`~threeno.model.plan`) and the
legal texts the rules cite (:mod:`~threeno.model.sources`). No I/O and no cattrs here:
serialisation lives at the edges (:mod:`threeno.io`).
"""

from __future__ import annotations

from threeno.model._base import LabelledEnum
from threeno.model.activities import (
    ModelReview,
    OutreachEvent,
    ReportSubmission,
    SafetyAssessment,
    SupportAction,
)
from threeno.model.crime import OFFENCES, CrimeReport, CriminalCase, Extension, Suspension
from threeno.model.dataset import RECORD_TYPES, Dataset, Problem, UnitLookup
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
from threeno.model.lai_chau import LAI_CHAU_UNITS
from threeno.model.period import Convention, PeriodKind, ReportingPeriod
from threeno.model.plan import (
    Agency,
    AgencyRole,
    Clause,
    Comparator,
    Duty,
    LegalBasis,
    Plan,
    ReportingRules,
    ReportKind,
    Section,
    Target,
)
from threeno.model.revision import Revision
from threeno.model.subjects import CategorySpan, Subject
from threeno.model.units import (
    AdministrativeUnit,
    UnitKind,
    UnitLevel,
    UnitRegistry,
)

__all__ = [
    "LAI_CHAU_UNITS",
    "OFFENCES",
    "RECORD_TYPES",
    "AdministrativeUnit",
    "Agency",
    "AgencyRole",
    "AssessmentScope",
    "CategorySpan",
    "Channel",
    "Clause",
    "Comparator",
    "Convention",
    "CrimeReport",
    "CriminalCase",
    "Dataset",
    "Decision",
    "Duty",
    "Ethnicity",
    "Extension",
    "ExtensionKind",
    "LabelledEnum",
    "LegalBasis",
    "ModelReview",
    "OutreachEvent",
    "PeriodKind",
    "Plan",
    "Problem",
    "ReportKind",
    "ReportSource",
    "ReportSubmission",
    "ReportingPeriod",
    "ReportingRules",
    "ReviewKind",
    "Revision",
    "SafetyAssessment",
    "Section",
    "Sex",
    "SloganItem",
    "Subject",
    "SubjectCategory",
    "SupportAction",
    "SupportKind",
    "Suspension",
    "SuspensionReason",
    "Target",
    "UnitKind",
    "UnitLevel",
    "UnitLookup",
    "UnitRegistry",
    "Verdict",
]
