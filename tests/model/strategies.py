"""The model tests' strategies: the public ``threeno.testing.strategies``, re-exported.

Test modules import them as ``from strategies import ...``; new code should import
``threeno.testing.strategies`` itself.
"""

from __future__ import annotations

from threeno.testing.strategies import (
    EARLIEST,
    LATEST,
    UNIT_CODES,
    category_spans,
    crime_reports,
    criminal_cases,
    datasets,
    dates,
    extensions,
    ids,
    model_reviews,
    outreach_events,
    report_submissions,
    reporting_periods,
    safety_assessments,
    subjects,
    support_actions,
    suspensions,
)

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
    "reporting_periods",
    "safety_assessments",
    "subjects",
    "support_actions",
    "suspensions",
]
