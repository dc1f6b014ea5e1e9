"""Several plans evaluated in one pass over the records: a baseline and its alternatives.

A what-if compares a plan with revisions of it on the same records. Reading the records
once per side would read a folder of JSON Lines twice; :class:`Evaluators` reads each
record once and hands it to every side's :class:`~threeno.indicators.engine.Evaluator`,
in chunks of :data:`CHUNK` records (the records are not held: memory stays that of a
chunk plus each side's accumulators). Each side is evaluated exactly as
:func:`~threeno.indicators.engine.evaluate_records` would evaluate it alone: its own
units, indicators, readings, calendar and registry unless the settings given name them
for every side.

Plan clauses: every clause of the catalogue.

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Final

from threeno.errors import DatasetError, ValidationError
from threeno.indicators.engine import Evaluator
from threeno.indicators.settings import EvaluationSettings
from threeno.model.dataset import RECORD_TYPES

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from threeno.indicators.counting import Places
    from threeno.indicators.results import Evaluation
    from threeno.model.dataset import Record
    from threeno.model.period import ReportingPeriod
    from threeno.model.plan import Plan

__all__ = ["CHUNK", "Evaluators", "evaluate_plans"]

#: How many records are read before every side is fed them.
CHUNK: Final = 4096


class Evaluators:
    """One evaluator per plan, fed together: each record is read once for all of them.

    >>> from threeno.indicators.multi import Evaluators
    >>> from threeno.plans import load_plan, load_revision
    >>> plan = load_plan("lai-chau-2024")
    >>> revised = load_revision("lai-chau-2024-count-receipt-day").plan
    >>> sides = Evaluators([plan, revised], plan.period("2024-H1"))
    >>> sides.add("crime_reports", [])
    >>> [e.count_receipt_day for e in sides.result()]
    [False, True]

    Args:
        plans: the baseline first, then each alternative.
        period: the period every side is evaluated over.
        settings: the settings of every side; each ``None`` in them is read as each
            plan's own (:meth:`EvaluationSettings.for_plan
            <threeno.indicators.settings.EvaluationSettings.for_plan>`), so that a
            revision's readings, calendar and indicators apply to its side.

    Raises:
        ValidationError: for no plan, or a bad setting of a side (see the Evaluator).
        UnitError: for a unit not among a side's units in force at the period's end.

    .. versionadded:: 0.2.0
    """

    def __init__(
        self,
        plans: Sequence[Plan],
        period: ReportingPeriod,
        settings: EvaluationSettings | None = None,
    ) -> None:
        """One evaluator per plan, with the same settings."""
        if not plans:
            msg = "name at least one plan"
            raise ValidationError(msg, cls_name="Evaluation", field="plans")
        chosen = EvaluationSettings() if settings is None else settings
        self.evaluators = tuple(Evaluator.from_settings(p, period, chosen) for p in plans)

    def add(
        self, record_type: str, records: Iterable[Record], *, places: Places | None = None
    ) -> None:
        """Feed records of one type to every side, reading the iterable once.

        ``places``: where the records are read (:meth:`Evaluator.add
        <threeno.indicators.engine.Evaluator.add>`); used with one side only (several
        sides take the records by chunks, so each keeps its entries).

        Raises:
            DatasetError: for an unknown record type, or a record of another type (naming
                its position in ``records``: ``crime_reports[3]``).
            ValidationError: once :meth:`result` has been called.
        """
        if len(self.evaluators) == 1:  # one side: the engine reads the records itself
            self.evaluators[0].add(record_type, records, places=places)
            return
        for evaluator in self.evaluators:  # the type named is checked, the sides still open
            evaluator.add(record_type, ())
        cls = RECORD_TYPES[record_type]
        position = 0
        iterator = iter(records)
        while chunk := tuple(itertools.islice(iterator, CHUNK)):
            for index, record in enumerate(chunk, start=position):
                if not isinstance(record, cls):
                    msg = (
                        f"{record_type}[{index}]: expected a {cls.__name__},"
                        f" not {type(record).__name__}"
                    )
                    raise DatasetError(msg)
            position += len(chunk)
            for evaluator in self.evaluators:
                evaluator.add(record_type, chunk)

    def result(self) -> tuple[Evaluation, ...]:
        """Finish: each side's evaluation, in the order of the plans."""
        return tuple(evaluator.result() for evaluator in self.evaluators)


def evaluate_plans(
    plans: Sequence[Plan],
    records: Mapping[str, Iterable[Record]],
    period: ReportingPeriod,
    settings: EvaluationSettings | None = None,
) -> tuple[Evaluation, ...]:
    """Evaluate several plans on the same records, each record read once.

    Each evaluation equals ``evaluate_records(plan, records, period, ...)`` of its plan
    alone with the same settings.

    Args:
        plans: the plans, baseline first.
        records: per record type name, an iterable of records (read once).
        period: the period.
        settings: the settings of every side (``None``: each plan's own, and
            ``explain="failures"``).

    Returns:
        The evaluations, in the order of the plans.

    Raises:
        DatasetError: for an unknown record type or a record of the wrong type.
        ValidationError: for a bad setting.
        UnitError: for a unit not in scope.

    .. versionadded:: 0.2.0
    """
    sides = Evaluators(plans, period, settings)
    for name, iterable in records.items():
        sides.add(name, iterable)
    return sides.result()
