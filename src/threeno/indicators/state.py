"""An evaluator's state apart from its definition: what partitions send and merge.

An :class:`~threeno.indicators.engine.Evaluator` is a definition (the plan, the period,
the settings, the calendar, the register of units, the context its accumulators share)
and a state (what the records fed have left: each accumulator's tallies and the per-person
state its joins keep, the data-quality counts, the records' id digests). Only the state
depends on the records, so only the state travels between machines:
:meth:`Evaluator.state <threeno.indicators.engine.Evaluator.state>` takes it out (a copy,
the evaluator unchanged), :meth:`EvaluatorState.merge` merges two (associative,
commutative), and :meth:`Evaluator.restore <threeno.indicators.engine.Evaluator.restore>`
gives it to a fresh evaluator of the same definition, which then builds the evaluation.
The definition is never in a state: each side makes its own from what it was sent once
(:class:`threeno.io.partitions.StreamJob`).

What a state holds: each accumulator without its ``indicator`` and ``ctx``
(:meth:`Accumulator.detached <threeno.indicators.counting.Accumulator.detached>`), so
that the accumulators' own :meth:`~threeno.indicators.counting.Accumulator.merge` is the
one way to merge (never a second copy of it); the data-quality counts; the id digests of
each record type, sorted; and a short signature of the definition (plan id, period,
unit codes, indicator ids, the readings), so that states of different evaluations are
refused, naming the field that differs.

Plan clauses: every clause of the catalogue.

.. versionadded:: 0.2.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from threeno.errors import ValidationError
from threeno.indicators._memory import merge_digests
from threeno.indicators.counting import Kept
from threeno.messages import Notice

if TYPE_CHECKING:
    import array

    from threeno.indicators._placement import Quality
    from threeno.indicators.counting import Accumulator

__all__ = ["SIGNATURE_FIELDS", "EvaluatorState", "Signature", "check_same"]

#: An evaluation's definition as ``(field, value)`` pairs, to compare with another's.
Signature = tuple[tuple[str, object], ...]

#: What the fields of a signature are, in order (each as the evaluation names it).
SIGNATURE_FIELDS = (
    "plan_id",
    "period",
    "units",
    "indicators",
    "crosswalk_applied",
    "explain_mode",
    "count_receipt_day",
    "suspension_counts_as_resolved",
)


def check_same(mine: Signature, theirs: Signature) -> None:
    """Refuse to merge evaluations whose definitions differ.

    Raises:
        ValidationError: naming the first field that differs.
    """
    for (field, first), (_, second) in zip(mine, theirs, strict=True):
        if first != second:
            msg = "the two evaluations differ here: only evaluations of the same settings merge"
            raise ValidationError(msg, cls_name="Evaluation", field=field)


@attrs.frozen(kw_only=True, eq=False)
class EvaluatorState:
    """What the records fed to an evaluator left, without its definition (small, picklable).

    Not changed by anything: :meth:`merge` makes a new one.

    Args:
        signature: the definition's fields that must be equal for two states to merge,
            as ``(field, value)`` pairs in the order of ``SIGNATURE_FIELDS``.
        accumulators: each indicator's accumulator, detached (no ``indicator``, no
            ``ctx``), in the order of the evaluation's indicators.
        quality: the data-quality counts (placements, records left out, crosswalk uses).
        ids: per record type, the id digests of the records fed, sorted (8 bytes each).
        kept: the crime reports whose entries of an explanation are made again from
            where they were read (:class:`~threeno.indicators.counting.Kept`:
            per file and unit, their offsets, 8 bytes each), when the records came with
            their places; the side that builds the evaluation reads them again there.

    .. versionadded:: 0.2.0
    """

    signature: Signature
    accumulators: tuple[Accumulator, ...]
    quality: Quality
    ids: dict[str, array.array[int]]
    kept: Kept = attrs.field(factory=Kept)

    def merge(self, other: EvaluatorState) -> EvaluatorState:
        """This state and ``other`` together (neither changes): associative, commutative.

        Raises:
            ValidationError: naming the field of the definition that differs, or
                ``merge`` with code ``partitions_share_ids`` when the two share a record
                of a type (its count: the distinct digests both hold). Ids are compared
                as 8-byte BLAKE2b digests: two ids share one with a probability of about
                n × m / 2^64 for n and m records (below 10^-7 at a million each).
        """
        check_same(self.signature, other.signature)
        ids: dict[str, array.array[int]] = {}
        for name, mine in self.ids.items():
            ids[name], shared = merge_digests(mine, other.ids[name])
            if shared:
                params = {"record_type": name, "count": shared}
                msg = Notice("partitions_share_ids", params).text("en")
                raise ValidationError(
                    msg,
                    cls_name="Evaluation",
                    field="merge",
                    code="partitions_share_ids",
                    params=params,
                )
        accumulators = tuple(acc.copy() for acc in self.accumulators)
        for mine_acc, theirs_acc in zip(accumulators, other.accumulators, strict=True):
            mine_acc.merge(theirs_acc)
        quality = self.quality.copy()
        quality.merge(other.quality)
        kept = self.kept.copy()
        kept.merge(other.kept)
        return EvaluatorState(
            signature=self.signature,
            accumulators=accumulators,
            quality=quality,
            ids=ids,
            kept=kept,
        )
