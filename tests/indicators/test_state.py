"""An evaluator's state apart from its definition: taken, merged, restored.

The digests' merge is checked against hand-made arrays (the shared digests counted by
hand) and, at random, against a set; the engine's refusal of shared records against
partitions of model reviews whose shared ids are counted by hand.
"""

from __future__ import annotations

import array
import datetime as dt
import pickle
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.indicators.indicator_scenario import DATASET, PERIOD, PLAN
from tests.pickle_guard import dumps_guarded
from threeno.errors import ValidationError
from threeno.indicators import _memory
from threeno.indicators._memory import Digests, digest, merge_digests, sorted_digests
from threeno.indicators.engine import Evaluator, evaluate
from threeno.model.activities import ModelReview
from threeno.model.dataset import RECORD_TYPES
from threeno.model.enums import ReviewKind

TOP = 2**64 - 1  # the greatest 8-byte digest


def _a(*values: int) -> array.array[int]:
    return array.array("Q", values)


def _review(number: int) -> ModelReview:
    return ModelReview(
        id=f"MR-{number}",
        unit_code="03386",
        held_on=dt.date(2024, 3, 1),
        kind=ReviewKind.SO_KET,
        maintained=True,
    )


#: Ten reviews MR-1 .. MR-10, and the same ordered by their ids' digests.
REVIEWS = [_review(n) for n in range(1, 11)]
BY_DIGEST = sorted(REVIEWS, key=lambda r: digest(r.id))


def _evaluator(reviews: list[ModelReview]) -> Evaluator:
    evaluator = Evaluator(PLAN, PERIOD, indicators=["units.model_maintained"])
    evaluator.add("model_reviews", reviews)
    return evaluator


class TestMergeDigests:
    """Two sorted arrays merged in one sweep; the distinct digests both hold counted."""

    @pytest.mark.parametrize(
        ("first", "second", "shared"),
        [
            ((1, 3, 5), (2, 4), 0),  # none shared
            ((1, 5, 9), (1, 6), 1),  # the first digest of both: 1
            ((1, 5, 9), (2, 9), 1),  # the last digest of both: 9
            ((0, TOP), (TOP,), 1),  # the least and the greatest digest: TOP shared
            ((2, 4, 6), (2, 4, 6), 3),  # all shared: 2, 4 and 6
            ((3, 3, 7), (5,), 0),  # a digest twice in one side is not shared
            ((3, 3, 7), (3, 3), 1),  # 3 in both (twice each): one distinct digest
            ((), (1, 2), 0),  # an empty side
            ((), (), 0),
        ],
    )
    def test_by_hand(self, first: tuple[int, ...], second: tuple[int, ...], shared: int) -> None:
        """The merged array is both sides sorted; ``shared`` counts distinct digests."""
        for a, b in ((first, second), (second, first)):
            merged, count = merge_digests(_a(*a), _a(*b))
            assert list(merged) == sorted(a + b)
            assert count == shared

    @given(
        first=st.lists(st.integers(0, 40)),
        second=st.lists(st.integers(0, 40)),
        block=st.integers(1, 5),
    )
    def test_against_a_set(self, first: list[int], second: list[int], block: int) -> None:
        """Steps of 1 to 5 digests (repeats straddling them) count what a set counts."""
        first.sort()
        second.sort()
        merged, count = merge_digests(_a(*first), _a(*second), block=block)
        assert list(merged) == sorted(first + second)
        assert count == len(set(first) & set(second))

    def test_sorted_digests_copies(self) -> None:
        """Sorted or not, a new array is given: the evaluator's own is never shared."""
        ids = _a(5, 1, 3)
        assert list(sorted_digests(ids)) == [1, 3, 5]
        done = _a(1, 3, 5)
        again = sorted_digests(done)
        assert list(again) == [1, 3, 5]
        assert again is not done


class TestDigests:
    """Digests noted beyond what is held go to disk, sorted; all come back sorted."""

    @given(
        values=st.lists(st.integers(0, 2**64 - 1), max_size=60),
        held=st.integers(1, 7),
    )
    def test_against_sorted(self, values: list[int], held: int) -> None:
        """Any digests, any bound: ``sorted()`` is ``sorted(values)``; pickled the same."""
        noted = Digests(held)
        for v in values:
            noted.note(v.to_bytes(8, "little"))
        # The digests read back as the machine's 8-byte integers.
        expected = sorted(array.array("Q", b"".join(v.to_bytes(8, "little") for v in values)))
        assert len(noted) == len(values)
        assert len(noted._block) < held
        assert list(noted.sorted()) == expected
        again = pickle.loads(pickle.dumps(noted))  # noqa: S301 - our own bytes
        assert list(again.sorted()) == expected

    def test_by_hand(self) -> None:
        """Five digests, two held: runs [3, 9] and [1, 4], then 7 held; merged 1 3 4 7 9."""
        noted = Digests(2)
        for v in (9, 3, 4, 1, 7):
            noted.note(array.array("Q", [v]).tobytes())
        assert noted._runs == [(0, 2), (16, 2)]
        assert list(noted._block) == [7]
        assert list(noted.sorted()) == [1, 3, 4, 7, 9]


class TestSharedRecordsRefused:
    """Partitions sharing records refuse to merge, the shared ids counted."""

    @pytest.mark.parametrize(
        ("first", "second", "count"),
        [
            # MR-1..MR-5 and MR-4..MR-8: MR-4 and MR-5 in both, 2.
            (REVIEWS[:5], REVIEWS[3:8], 2),
            # All ten and the one of least digest: 1 (the first digest of both).
            (REVIEWS, BY_DIGEST[:1], 1),
            # All ten and the one of greatest digest: 1 (the last digest of both).
            (REVIEWS, BY_DIGEST[-1:], 1),
            # All ten in both: 10.
            (REVIEWS, REVIEWS, 10),
        ],
    )
    def test_count(self, first: list[ModelReview], second: list[ModelReview], count: int) -> None:
        """Same code and count from the states, and from the evaluations, either way."""
        one, two = _evaluator(first), _evaluator(second)
        states = one.state(), two.state()
        evaluations = one.result(), two.result()
        for a, b in (states, states[::-1]):
            with pytest.raises(ValidationError) as caught:
                a.merge(b)
            assert caught.value.code == "partitions_share_ids"
            assert caught.value.params == {"record_type": "model_reviews", "count": count}
        for x, y in (evaluations, evaluations[::-1]):
            with pytest.raises(ValidationError) as caught:
                x.merge(y)
            assert caught.value.code == "partitions_share_ids"
            assert caught.value.params == {"record_type": "model_reviews", "count": count}

    @pytest.mark.parametrize("held", [1, 2, 3])
    def test_count_with_digests_on_disk(self, held: int) -> None:
        """The same, each evaluator holding 1 to 3 digests and writing the others to disk.

        MR-1..MR-5 and MR-4..MR-8 share 2; all ten in both share 10.
        """
        with mock.patch.object(_memory, "HELD", held):
            for first, second, count in ((REVIEWS[:5], REVIEWS[3:8], 2), (REVIEWS, REVIEWS, 10)):
                one, two = _evaluator(first), _evaluator(second)
                assert one._ids["model_reviews"]._runs  # some on disk
                with pytest.raises(ValidationError) as caught:
                    one.result().merge(two.result())
                assert caught.value.params == {"record_type": "model_reviews", "count": count}

    def test_none_shared(self) -> None:
        """MR-1..MR-5 and MR-6..MR-10 merge into the evaluation of all ten."""
        merged = _evaluator(REVIEWS[:5]).result().merge(_evaluator(REVIEWS[5:]).result())
        assert merged.to_json() == _evaluator(REVIEWS).result().to_json()


class TestState:
    """A state holds no definition; restored in a fresh evaluator it gives the evaluation."""

    def test_no_definition_pickled(self) -> None:
        """The scenario's state pickles with no plan, calendar, register, record, evaluator."""
        evaluator = Evaluator(PLAN, PERIOD, explain="all")
        for name in RECORD_TYPES:
            evaluator.add(name, getattr(DATASET, name))
        state = pickle.loads(dumps_guarded(evaluator.state()))  # noqa: S301 - our own bytes
        fresh = Evaluator(PLAN, PERIOD, explain="all")
        fresh.restore(state)
        assert fresh.result().to_json() == evaluate(PLAN, DATASET, PERIOD).to_json()

    def test_states_merge_without_changing(self) -> None:
        """Merging two states twice gives the same; neither input changes."""
        records = {name: list(getattr(DATASET, name)) for name in RECORD_TYPES}
        half = {name: items[::2] for name, items in records.items()}
        rest = {name: items[1::2] for name, items in records.items()}
        one, two = Evaluator(PLAN, PERIOD), Evaluator(PLAN, PERIOD)
        for evaluator, part in ((one, half), (two, rest)):
            for name, items in part.items():
                evaluator.add(name, items)
        a, b = one.state(), two.state()
        before = pickle.dumps((a, b))
        merged = [a.merge(b), b.merge(a), a.merge(b)]
        assert pickle.dumps((a, b)) == before
        whole = evaluate(PLAN, DATASET, PERIOD, explain="failures").to_json()
        for state in merged:
            fresh = Evaluator(PLAN, PERIOD)
            fresh.restore(state)
            assert fresh.result().to_json() == whole

    def test_restore_refuses(self) -> None:
        """A fed evaluator takes no state; nor one of another period (field named)."""
        state = _evaluator(REVIEWS[:2]).state()
        fed = _evaluator(REVIEWS[2:4])
        with pytest.raises(ValidationError, match=r"^Evaluation\.restore: only a fresh"):
            fed.restore(state)
        other = Evaluator(PLAN, PLAN.period("2024"), indicators=["units.model_maintained"])
        with pytest.raises(ValidationError, match=r"^Evaluation\.period: the two evaluations"):
            other.restore(state)
