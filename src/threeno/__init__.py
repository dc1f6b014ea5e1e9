"""threeno: the "03 không, 03 có" plan against the trafficking of women, as code.

This module only re-exports the public names; see the documentation for the guide.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from threeno.errors import (
    DatasetError,
    PeriodError,
    PlanError,
    RulesError,
    ThreenoError,
    UnitError,
    ValidationError,
)

try:
    __version__ = version("threeno")
except PackageNotFoundError:  # pragma: no cover - only when run from a bare source tree
    __version__ = "0+unknown"

__all__ = [
    "DatasetError",
    "PeriodError",
    "PlanError",
    "RulesError",
    "ThreenoError",
    "UnitError",
    "ValidationError",
    "__version__",
]
