"""threeno: the "03 không, 03 có" plan against the trafficking of women, as code.

This module only re-exports the public names; see the documentation for the guide.

>>> import threeno
>>> plan = threeno.load_plan("lai-chau-2024")
>>> str(plan.period("2024-H1").start), str(plan.period("2024-H1").end)
('2023-12-15', '2024-06-14')
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from threeno.errors import (
    DatasetError,
    LanguageError,
    OutputError,
    PeriodError,
    PlanError,
    RulesError,
    ThreenoError,
    UnitError,
    ValidationError,
)
from threeno.indicators import (
    ALL_INDICATORS,
    Comparison,
    Evaluation,
    IndicatorResult,
    compare,
    evaluate,
)
from threeno.io import (
    LoadReport,
    dump_dataset,
    evaluate_stream,
    iter_records,
    json_schema,
    load_dataset,
)
from threeno.model import (
    CrimeReport,
    CriminalCase,
    Dataset,
    ModelReview,
    OutreachEvent,
    Plan,
    ReportingPeriod,
    ReportSubmission,
    SafetyAssessment,
    Subject,
    SupportAction,
    UnitRegistry,
)
from threeno.plans import load_plan, load_revision
from threeno.reporting import render

try:
    __version__ = version("threeno")
except PackageNotFoundError:  # pragma: no cover - only when run from a bare source tree
    __version__ = "0+unknown"

__all__ = [
    "ALL_INDICATORS",
    "Comparison",
    "CrimeReport",
    "CriminalCase",
    "Dataset",
    "DatasetError",
    "Evaluation",
    "IndicatorResult",
    "LanguageError",
    "LoadReport",
    "ModelReview",
    "OutputError",
    "OutreachEvent",
    "PeriodError",
    "Plan",
    "PlanError",
    "ReportSubmission",
    "ReportingPeriod",
    "RulesError",
    "SafetyAssessment",
    "Subject",
    "SupportAction",
    "ThreenoError",
    "UnitError",
    "UnitRegistry",
    "ValidationError",
    "__version__",
    "compare",
    "dump_dataset",
    "evaluate",
    "evaluate_stream",
    "iter_records",
    "json_schema",
    "load_dataset",
    "load_plan",
    "load_revision",
    "render",
]
