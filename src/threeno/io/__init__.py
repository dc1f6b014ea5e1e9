"""Input and output at the edges: the converter, plans, datasets, load reports, JSON Schema.

The model knows nothing of files or cattrs; this package maps plain data to it and back
(validation and serialisation are concerns of the edges of the program: the
architecture page of the docs).
Plans are read by :mod:`threeno.io.plans` (through :func:`threeno.plans.load_plan`);
datasets by :func:`load_dataset` and :func:`iter_records`, written by
:func:`dump_dataset`, and described by :func:`json_schema`; a folder too large for
memory is evaluated by :func:`evaluate_stream`. A file that cannot be written is an
:class:`~threeno.errors.OutputError` (re-exported here beside :class:`LoadReportError`).

Each name is imported from its module when first used (PEP 562), as at the top level of
``threeno``: reading a plan does not import the dataset loader, the writers or the
engine.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from threeno.errors import OutputError
    from threeno.io.converter import CONVERTER, make_converter, structure_problems
    from threeno.io.datasets import (
        DEFAULT_LIMITS,
        FORMATS,
        READABLE_SCHEMAS,
        SCHEMA,
        LoadLimits,
        RecordStream,
        dump_dataset,
        iter_records,
        load_dataset,
    )
    from threeno.io.report import FieldProblem, LoadReport, LoadReportError, Rejection, TypeCounts
    from threeno.io.schema import json_schema
    from threeno.io.stream import evaluate_stream

#: Each public name and the module it is imported from on first use.
_LAZY: Final[dict[str, str]] = {
    "CONVERTER": "threeno.io.converter",
    "DEFAULT_LIMITS": "threeno.io.datasets",
    "FORMATS": "threeno.io.datasets",
    "FieldProblem": "threeno.io.report",
    "LoadLimits": "threeno.io.datasets",
    "LoadReport": "threeno.io.report",
    "LoadReportError": "threeno.io.report",
    "OutputError": "threeno.errors",
    "READABLE_SCHEMAS": "threeno.io.datasets",
    "RecordStream": "threeno.io.datasets",
    "Rejection": "threeno.io.report",
    "SCHEMA": "threeno.io.datasets",
    "TypeCounts": "threeno.io.report",
    "dump_dataset": "threeno.io.datasets",
    "evaluate_stream": "threeno.io.stream",
    "iter_records": "threeno.io.datasets",
    "json_schema": "threeno.io.schema",
    "load_dataset": "threeno.io.datasets",
    "make_converter": "threeno.io.converter",
    "structure_problems": "threeno.io.converter",
}

# A literal list, which type checkers read (a name is re-exported only when listed here).
__all__ = [
    "CONVERTER",
    "DEFAULT_LIMITS",
    "FORMATS",
    "READABLE_SCHEMAS",
    "SCHEMA",
    "FieldProblem",
    "LoadLimits",
    "LoadReport",
    "LoadReportError",
    "OutputError",
    "RecordStream",
    "Rejection",
    "TypeCounts",
    "dump_dataset",
    "evaluate_stream",
    "iter_records",
    "json_schema",
    "load_dataset",
    "make_converter",
    "structure_problems",
]


def __getattr__(name: str) -> object:
    """Import a public name from its module on first use, and keep it (PEP 562)."""
    if name not in _LAZY:
        msg = f"module 'threeno.io' has no attribute {name!r}"
        raise AttributeError(msg)
    value: object = getattr(importlib.import_module(_LAZY[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The module's own names and every public name, imported or not."""
    return sorted({*globals(), *__all__})
