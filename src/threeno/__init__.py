"""threeno: the "03 không, 03 có" plan against the trafficking of women, as code.

This module only re-exports the public names; see the documentation for the guide.
Each name is imported from its module when first used (PEP 562), so that
``import threeno`` costs little: the engine, the readers and the reports, with their
dependencies (holidays, Jinja2, the converters), load when a program first asks for
them.

>>> import threeno
>>> plan = threeno.load_plan("lai-chau-2024")
>>> str(plan.period("2024-H1").start), str(plan.period("2024-H1").end)
('2023-12-15', '2024-06-14')
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
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
    from threeno.reporting.render import render

    __version__: str

#: Each public name and the module it is imported from on first use.
_LAZY: Final[dict[str, str]] = {
    "ALL_INDICATORS": "threeno.indicators",
    "Comparison": "threeno.indicators",
    "CrimeReport": "threeno.model",
    "CriminalCase": "threeno.model",
    "Dataset": "threeno.model",
    "DatasetError": "threeno.errors",
    "Evaluation": "threeno.indicators",
    "IndicatorResult": "threeno.indicators",
    "LanguageError": "threeno.errors",
    "LoadReport": "threeno.io",
    "ModelReview": "threeno.model",
    "OutputError": "threeno.errors",
    "OutreachEvent": "threeno.model",
    "PeriodError": "threeno.errors",
    "Plan": "threeno.model",
    "PlanError": "threeno.errors",
    "ReportSubmission": "threeno.model",
    "ReportingPeriod": "threeno.model",
    "RulesError": "threeno.errors",
    "SafetyAssessment": "threeno.model",
    "Subject": "threeno.model",
    "SupportAction": "threeno.model",
    "ThreenoError": "threeno.errors",
    "UnitError": "threeno.errors",
    "UnitRegistry": "threeno.model",
    "ValidationError": "threeno.errors",
    "compare": "threeno.indicators",
    "dump_dataset": "threeno.io",
    "evaluate": "threeno.indicators",
    "evaluate_stream": "threeno.io",
    "iter_records": "threeno.io",
    "json_schema": "threeno.io",
    "load_dataset": "threeno.io",
    "load_plan": "threeno.plans",
    "load_revision": "threeno.plans",
    "render": "threeno.reporting.render",
}

# A literal list, which type checkers read (a name is re-exported only when listed here).
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


def __getattr__(name: str) -> object:
    """Import a public name from its module on first use, and keep it (PEP 562)."""
    if name == "__version__":
        value: object = _version()
    elif name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
    else:
        msg = f"module 'threeno' has no attribute {name!r}"
        raise AttributeError(msg)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The module's own names and every public name, imported or not."""
    return sorted({*globals(), *__all__})


def _version() -> str:
    # importlib.metadata costs as much as a dependency: read only when asked for.
    from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415

    try:
        return version("threeno")
    except PackageNotFoundError:  # pragma: no cover - only when run from a bare source tree
        return "0+unknown"
