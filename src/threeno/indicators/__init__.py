"""Indicators of the plan: the catalogue and the engine that evaluates it.

- :mod:`threeno.indicators.catalogue`: the definitions, by id (``get``, and
  ``catalogue.catalogue()``, not re-exported here so that the name stays the module's);
- :mod:`threeno.indicators.counting`: the counting rule of each indicator, in code;
- :mod:`threeno.indicators.engine`: ``evaluate``, ``evaluate_records``, ``Evaluator``;
- :mod:`threeno.indicators.settings`: ``EvaluationSettings``, the settings of an
  evaluation, described once;
- :mod:`threeno.indicators.results`: ``Evaluation``, ``IndicatorResult``, ...;
- :mod:`threeno.indicators.explanation`: the records behind each number, in words;
- :mod:`threeno.indicators.ids`: the catalogue's ids, which plan files may name;
- :mod:`threeno.indicators.multi`: several plans evaluated in one pass (``Evaluators``);
- :mod:`threeno.indicators.compare`: a plan and a revision compared (``compare``).

Plan clauses: I.1-I.5, II.1.b, II.2.b, II.3.b, II.4.b, III.2.c, III.4.c, IV.1, IV.2.
"""

from __future__ import annotations

from threeno.indicators.catalogue import ALL_INDICATORS, CATALOGUE, get
from threeno.indicators.compare import Comparison, compare, compare_all
from threeno.indicators.definitions import Dimension, Indicator, IndicatorKind, Level
from threeno.indicators.engine import Evaluator, evaluate, evaluate_records
from threeno.indicators.explanation import Entry, Explanation, Reason
from threeno.indicators.results import (
    DataQuality,
    Evaluation,
    IndicatorResult,
    IndicatorSet,
    Status,
)
from threeno.indicators.settings import EvaluationSettings

__all__ = [
    "ALL_INDICATORS",
    "CATALOGUE",
    "Comparison",
    "DataQuality",
    "Dimension",
    "Entry",
    "Evaluation",
    "EvaluationSettings",
    "Evaluator",
    "Explanation",
    "Indicator",
    "IndicatorKind",
    "IndicatorResult",
    "IndicatorSet",
    "Level",
    "Reason",
    "Status",
    "compare",
    "compare_all",
    "evaluate",
    "evaluate_records",
    "get",
]
