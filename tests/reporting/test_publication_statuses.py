"""A published report hides small counts with the relations between them, for either reading.

The categories of ``reports.resolved`` at the period's end partition its denominator, and
whether a suspension is among the resolved (``suspension_counts_as_resolved``) decides
which sums a reader knows. On the eight reports of ``test_report_statuses`` (2024-H1):

- by default: decided on time 1 + late 1 = resolved 2; 2 + suspended 3 + within the
  limit 1 + overdue 2 = 8 to resolve;
- with the other reading: 1 + 1 + suspended 2 = resolved 4; 4 + 1 + 2 = 7.
"""

from __future__ import annotations

import pytest

from tests.indicators.indicator_scenario import PERIOD, PLAN
from tests.indicators.test_report_statuses import DATA, INDICATORS
from threeno.indicators.engine import evaluate
from threeno.privacy import Relation
from threeno.reporting.publication import CountKey, counts, relations

R = "reports.resolved"
ON_TIME, LATE = (R, "figure", "decided_on_time"), (R, "figure", "decided_late")
SUSPENDED = (R, "figure", "suspended_at_end")
WITHIN, OVERDUE = (R, "figure", "pending_within_limit"), (R, "figure", "overdue_at_end")
NUMERATOR, DENOMINATOR = (R, "total", "numerator"), (R, "total", "denominator")


@pytest.mark.parametrize(
    ("resolves", "expected"),
    [
        (
            False,
            [
                Relation.total([ON_TIME, LATE], NUMERATOR),
                Relation.total([NUMERATOR, SUSPENDED, WITHIN, OVERDUE], DENOMINATOR),
            ],
        ),
        (
            True,
            [
                Relation.total([ON_TIME, LATE, SUSPENDED], NUMERATOR),
                Relation.total([NUMERATOR, WITHIN, OVERDUE], DENOMINATOR),
            ],
        ),
    ],
)
def test_categories_partition(resolves: bool, expected: list[Relation[CountKey]]) -> None:
    """The relations of the reading applied are known to the reader, and hold."""
    evaluation = evaluate(
        PLAN, DATA, PERIOD, indicators=INDICATORS, suspension_counts_as_resolved=resolves
    )
    table = counts(evaluation)
    known = relations(evaluation, table)
    for relation in expected:
        assert relation in known
        assert relation.holds(table)
    # The other reading's sum does not hold here: 1 + 1 + 3 = 5 is not 2 resolved by
    # default; 1 + 1 = 2 is not 4 resolved when a suspension resolves.
    other: list[CountKey] = [ON_TIME, LATE] if resolves else [ON_TIME, LATE, SUSPENDED]
    assert not Relation.total(other, NUMERATOR).holds(table)
