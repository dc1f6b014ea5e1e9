"""Input and output at the edges: the converter, plans, datasets, load reports, JSON Schema.

The model knows nothing of files or cattrs; this package maps plain data to it and back
(validation and serialisation are concerns of the edges of the program: the
architecture page of the docs).
Plans are read by :mod:`threeno.io.plans` (through :func:`threeno.plans.load_plan`);
datasets by :func:`load_dataset` and :func:`iter_records`, written by
:func:`dump_dataset`, and described by :func:`json_schema`; a folder too large for
memory is evaluated by :func:`evaluate_stream`. A file that cannot be written is an
:class:`~threeno.errors.OutputError` (re-exported here beside :class:`LoadReportError`).
"""

from __future__ import annotations

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
