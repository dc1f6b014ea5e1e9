"""Tests of threeno.privacy: redact, pseudonymise, suppress_cells.

Every record here is synthetic: made-up ids, a made-up name, the unit codes of Lai Châu city.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from typing import TYPE_CHECKING, Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from threeno.errors import ThreenoError, ValidationError
from threeno.indicators.engine import evaluate
from threeno.model._personal import is_sensitive
from threeno.model.activities import OutreachEvent, SupportAction
from threeno.model.crime import CrimeReport, CriminalCase
from threeno.model.dataset import RECORD_TYPES, Dataset
from threeno.model.enums import (
    Channel,
    Decision,
    Ethnicity,
    ReportSource,
    Sex,
    SloganItem,
    SupportKind,
)
from threeno.model.subjects import Subject
from threeno.plans import load_plan
from threeno.privacy import (
    HIDDEN_MARK,
    ID_PREFIXES,
    MIN_KEY_BYTES,
    Suppression,
    pseudonymise,
    redact,
    suppress_cells,
)
from threeno.testing.strategies import datasets

if TYPE_CHECKING:
    from threeno.indicators.results import Evaluation

KEY = b"a made-up key of 32 bytes, test!"
PLAN = load_plan("lai-chau-2024")
S, M, SM = Suppression.SHOWN, Suppression.SMALL, Suppression.COMPLEMENTARY


def _subject(
    subject_id: str,
    *,
    full_name: str | None = None,
    national_id: str | None = None,
    phone: str | None = None,
) -> Subject:
    return Subject(
        id=subject_id,
        sex=Sex.FEMALE,
        birth_year=1998,
        ethnicity=Ethnicity.HMONG,
        unit_code="03386",
        registered_on=dt.date(2024, 1, 10),
        full_name=full_name,
        national_id=national_id,
        phone=phone,
    )


def _linked_dataset() -> Dataset:
    """One record of each referring type, every reference resolving."""
    report = CrimeReport(
        id="CR-1",
        source=ReportSource.TO_GIAC,
        offence_article=150,
        unit_code="03386",
        received_on=dt.date(2024, 1, 25),
        receiving_agency="cong-an-tp",
        decision=Decision.KHOI_TO,
        decided_on=dt.date(2024, 2, 5),
        case_id="CC-1",
        victim_ids=("S-1",),
    )
    case = CriminalCase(
        id="CC-1",
        offence_article=150,
        unit_code="03386",
        opened_on=dt.date(2024, 2, 5),
        report_ids=("CR-1",),
        defendants=2,
        victim_ids=("S-1",),
    )
    action = SupportAction(
        id="SA-1",
        subject_id="S-1",
        kind=next(iter(SupportKind)),
        provider_agency="hoi-phu-nu-tp",
        unit_code="03386",
        delivered_on=dt.date(2024, 2, 1),
    )
    event = OutreachEvent(
        id="OE-1",
        held_on=dt.date(2024, 3, 8),
        unit_code="03386",
        agency="hoi-phu-nu-tp",
        channel=next(iter(Channel)),
        participants=30,
        reached_subject_ids=("S-1", "S-2"),
        topics=(next(iter(SloganItem)),),
    )
    return Dataset(
        subjects=[
            _subject("S-1", full_name="Giàng Thị Thử", national_id="000000000001"),
            _subject("S-2", phone="0999999999"),
        ],
        crime_reports=[report],
        criminal_cases=[case],
        support_actions=[action],
        outreach_events=[event],
    )


def _expected_pseudonym(record_type: str, record_id: str) -> str:
    # Worked out apart from the code under test: the prefix, a dash, and the first 16 hex
    # digits of HMAC-SHA256(key, "type:id"), as the lead's design says.
    digest = hmac.new(KEY, f"{record_type}:{record_id}".encode(), hashlib.sha256).hexdigest()
    return f"{ID_PREFIXES[record_type]}-{digest[:16]}"


def _numbers(evaluation: Evaluation) -> dict[str, object]:
    """Every number of an evaluation (no record ids), to compare two evaluations."""
    return {
        indicator_id: [
            (code, r.numerator, r.denominator, r.figures, r.disaggregations)
            for code, r in [(None, s.total), *s.by_unit.items()]
        ]
        for indicator_id, s in evaluation.results.items()
    }


class TestRedact:
    """redact(dataset): every sensitive field emptied, everything else kept."""

    def test_empties_every_sensitive_field(self) -> None:
        """The name, national id and phone of every subject become None."""
        redacted = redact(_linked_dataset())
        # Subjects hold the only sensitive fields (full_name, national_id, phone).
        expected = [(None, None, None), (None, None, None)]
        actual = [(s.full_name, s.national_id, s.phone) for s in redacted.subjects]
        assert expected == actual

    def test_keeps_everything_else(self) -> None:
        """Apart from the sensitive fields, the redacted dataset equals the original."""
        original = _linked_dataset()
        expected = [
            attrs.evolve(s, full_name=None, national_id=None, phone=None) for s in original.subjects
        ]
        redacted = redact(original)
        assert tuple(expected) == redacted.subjects
        assert original.crime_reports == redacted.crime_reports
        assert original.outreach_events == redacted.outreach_events

    def test_original_unchanged(self) -> None:
        """The dataset given is not changed (records are frozen; a new dataset is made)."""
        original = _linked_dataset()
        redact(original)
        expected = "Giàng Thị Thử"
        assert expected == original.subjects[0].full_name

    @settings(max_examples=20)
    @given(datasets(max_size=8))
    def test_no_sensitive_value_left(self, data: Dataset) -> None:
        """In any dataset, no field marked sensitive holds a value after redaction."""
        redacted = redact(data)
        left = [
            (name, field.name)
            for name, cls in RECORD_TYPES.items()
            for field in attrs.fields(cls)
            if is_sensitive(field)
            for record in getattr(redacted, name)
            if getattr(record, field.name) is not None
        ]
        assert not left
        assert data.counts() == redacted.counts()


class TestPseudonymise:
    """pseudonymise(dataset, key): keyed HMAC ids, consistent across record types."""

    def test_ids_are_keyed_hmacs(self) -> None:
        """Each id is the type's prefix and the first 16 hex digits of the HMAC."""
        data = pseudonymise(_linked_dataset(), KEY)
        expected = sorted(
            [_expected_pseudonym("subjects", "S-1"), _expected_pseudonym("subjects", "S-2")]
        )
        assert expected == [s.id for s in data.subjects]
        assert _expected_pseudonym("crime_reports", "CR-1") == data.crime_reports[0].id
        assert _expected_pseudonym("criminal_cases", "CC-1") == data.criminal_cases[0].id

    def test_references_follow_their_records(self) -> None:
        """Every reference is mapped as the record it points at, so all still resolve."""
        data = pseudonymise(_linked_dataset(), KEY)
        s1, s2 = _expected_pseudonym("subjects", "S-1"), _expected_pseudonym("subjects", "S-2")
        report, case = data.crime_reports[0], data.criminal_cases[0]
        assert (s1,) == report.victim_ids
        assert case.id == report.case_id
        assert (report.id,) == case.report_ids
        assert (s1,) == case.victim_ids
        assert s1 == data.support_actions[0].subject_id
        assert (s1, s2) == data.outreach_events[0].reached_subject_ids
        # The original had no problem between records; neither has the result.
        assert not data.validate(PLAN)

    def test_unknown_reference_stays_unknown(self) -> None:
        """A dangling reference is mapped like any other and still dangles."""
        original = _linked_dataset()
        action = attrs.evolve(original.support_actions[0], subject_id="S-404")
        data = pseudonymise(attrs.evolve(original, support_actions=[action]), KEY)
        assert _expected_pseudonym("subjects", "S-404") == data.support_actions[0].subject_id
        expected = 1
        assert expected == len(data.validate())

    def test_same_id_in_two_types_gets_two_pseudonyms(self) -> None:
        """The type is part of the HMAC's message: "X" as subject and as report differ."""
        assert _expected_pseudonym("subjects", "X") != _expected_pseudonym("crime_reports", "X")

    def test_stable_and_key_dependent(self) -> None:
        """The same key gives the same ids; another key gives others."""
        original = _linked_dataset()
        assert pseudonymise(original, KEY) == pseudonymise(original, KEY)
        other = pseudonymise(original, b"another made-up key, 32 bytes!!")
        assert {s.id for s in pseudonymise(original, KEY).subjects}.isdisjoint(
            s.id for s in other.subjects
        )

    def test_sensitive_fields_kept(self) -> None:
        """Pseudonymising is not redacting: compose the two for data that leaves."""
        data = pseudonymise(_linked_dataset(), KEY)
        both = pseudonymise(redact(_linked_dataset()), KEY)
        expected = "Giàng Thị Thử"
        assert expected == next(s.full_name for s in data.subjects if s.full_name)
        assert all(s.full_name is None for s in both.subjects)

    @pytest.mark.parametrize(
        ("key", "message"),
        [
            (b"short", "pseudonymise.key: must be at least 16 bytes long, not 5"),
            (b"", "pseudonymise.key: must be at least 16 bytes long, not 0"),
            (
                "a text key of more than 16 chars",
                "pseudonymise.key: must be bytes (e.g. secrets.token_bytes(32)), not str",
            ),
        ],
    )
    def test_bad_key_refused_without_quoting_it(self, key: object, message: str) -> None:
        """A key that is not bytes or shorter than 16 bytes is refused; it is never quoted."""
        with pytest.raises(ValidationError) as info:
            pseudonymise(_linked_dataset(), key)  # type: ignore[arg-type]  # checked at run time
        assert message == str(info.value)
        assert MIN_KEY_BYTES == 16

    @settings(max_examples=15, deadline=None)
    @given(datasets(max_size=8))
    def test_evaluates_to_the_same_numbers(self, data: Dataset) -> None:
        """A pseudonymised (and redacted) dataset gives every indicator the same numbers."""
        period = PLAN.reporting_year
        before = evaluate(PLAN, data, period, explain="none")
        after = evaluate(PLAN, pseudonymise(redact(data), KEY), period, explain="none")
        assert _numbers(before) == _numbers(after)
        assert len(data.validate(PLAN)) == len(pseudonymise(data, KEY).validate(PLAN))


class TestSuppressCells:
    """suppress_cells(cells, total, k): hidden counts, all shown as ``x``, none narrowable.

    A reader knows the total, the cells shown, that a hidden cell is 1 or more, and that
    the cells add up to the total; each hidden cell must keep k values or more possible.
    """

    def test_nothing_small(self) -> None:
        """Counts of k or more, and zeros, are all shown."""
        result = suppress_cells([7, 0, 12], total=19, k=5)
        assert result.cell_marks == (S, S, S)
        assert result.total_mark == S
        assert result.cell_texts == ("7", "0", "12")
        assert not result.any_hidden

    def test_one_small_cell_takes_the_next_smallest_with_it(self) -> None:
        """3 alone would be 55 - 12 - 40 = 3: the smallest non-zero other (12) is hidden.

        Then a + b = 15 with a, b >= 1: each is 1..14, fourteen values.
        """
        result = suppress_cells([3, 12, 0, 40], total=55, k=5)
        assert result.cell_marks == (M, SM, S, S)
        assert result.cell_texts == (HIDDEN_MARK, HIDDEN_MARK, "0", "40")
        assert result.total_text == "55"

    def test_two_small_cells_summing_below_k(self) -> None:
        """1 and 1: a + b = 22 - 20 = 2 pins both to 1, so 20 goes too.

        Then a + b + c = 22: each 1..20.
        """
        result = suppress_cells([1, 1, 20], total=22, k=5)
        assert result.cell_marks == (M, M, SM)

    def test_small_cells_summing_to_k_are_not_enough(self) -> None:
        """2 + 3 = 5: a + b = 5 leaves each 1..4, four values, fewer than k = 5.

        threeno 0.1 stopped there (the hidden cells held k); 20 goes too: a + b + c = 25,
        each 1..23.
        """
        result = suppress_cells([2, 3, 20], total=25, k=5)
        assert result.cell_marks == (M, M, SM)

    def test_small_cells_summing_to_k_plus_one_are(self) -> None:
        """2 + 4 = 6: a + b = 6 leaves each 1..5, five values: nothing more to hide."""
        result = suppress_cells([2, 4, 20], total=26, k=5)
        assert result.cell_marks == (M, M, S)

    def test_small_total_is_hidden(self) -> None:
        """A total of 3 is itself a small count: hidden; then a = t, unbounded."""
        result = suppress_cells([3, 0, 0], total=3, k=5)
        assert result.cell_marks == (M, S, S)
        assert result.total_mark == M
        assert result.total_text == HIDDEN_MARK

    def test_a_total_that_counts_others_too(self) -> None:
        """Cells 3 and 0 of 9 (``partition=False``): a <= 9 - 0, so a is 1..9: enough."""
        result = suppress_cells([3, 0], total=9, k=5, partition=False)
        assert result.cell_marks == (M, S)
        assert result.total_mark == S

    def test_no_cell_left_hides_the_total(self) -> None:
        """Cells 2 and 3 of 5: a + b = 5 leaves each 1..4, four values; no other cell.

        The total goes (last resort); then a + b = t, and nothing bounds them.
        """
        result = suppress_cells([2, 3], total=5, k=5)
        assert (result.cell_marks, result.total_mark) == ((M, M), SM)

    def test_without_total_only_primary(self) -> None:
        """With no total shown, nothing can be worked out: only small counts are hidden."""
        result = suppress_cells([3, 12], k=5)
        assert result.cell_marks == (M, S)
        assert result.total_text is None

    def test_ctdc_threshold(self) -> None:
        """At k = 11, 10 is small; 10 + 12 = 22 leaves each 1..21: 12 is its complement."""
        result = suppress_cells([10, 12, 30], total=52, k=11)
        assert result.cell_texts == ("x", "x", "30")

    def test_ties_go_to_the_first_cell(self) -> None:
        """Two candidates of equal size: the first is hidden (output is deterministic).

        2 + 9 = 11 leaves each 1..10.
        """
        result = suppress_cells([2, 9, 9], total=20, k=5)
        assert result.cell_marks == (M, SM, S)

    def test_k_two(self) -> None:
        """At k = 2 the old mark ``<2`` said "1"; now a 1 and its complement are both x.

        [1, 5] of 6: a + b = 6, each 1..5, two values or more.
        """
        assert suppress_cells([1, 5], total=6, k=2).cell_texts == ("x", "x")

    @pytest.mark.parametrize(
        ("cells", "total", "k", "message"),
        [
            (
                [1, -1],
                None,
                5,
                "suppress_cells.cells[1]: must be a whole number, 0 or more, not -1",
            ),
            (
                [1.5],
                None,
                5,
                "suppress_cells.cells[0]: must be a whole number, 0 or more, not float",
            ),
            (
                [True],
                None,
                5,
                "suppress_cells.cells[0]: must be a whole number, 0 or more, not True",
            ),
            ([1], -2, 5, "suppress_cells.total: must be a whole number, 0 or more, not -2"),
            (
                [1],
                None,
                1,
                "suppress_cells.k: must be 2 or more (counts from 1 to k - 1 are hidden), not 1",
            ),
            ("12", None, 5, "suppress_cells.cells: must be a list of counts, not str"),
            ([1, 2], 4, 5, "suppress_cells.total: must equal the sum of the cells (3), not 4"),
        ],
    )
    def test_bad_input_refused(self, cells: Any, total: Any, k: Any, message: str) -> None:  # noqa: ANN401 - bad on purpose
        """Counts and thresholds that make no sense raise a ValidationError naming them."""
        with pytest.raises(ThreenoError) as info:
            suppress_cells(cells, total, k=k)
        assert message == str(info.value)

    def test_total_below_the_cells_refused(self) -> None:
        """Even when the total counts others too, it cannot be below the cells' 3."""
        with pytest.raises(ValidationError, match=r"must be at least the sum of the cells \(3\)"):
            suppress_cells([1, 2], 2, partition=False)

    @given(
        st.lists(st.integers(0, 60), max_size=10),
        st.integers(2, 12),
    )
    def test_hidden_cells_cannot_be_worked_out(self, cells: list[int], k: int) -> None:
        """No small count is shown, every hidden one shows x, and none is narrow.

        The narrowest a hidden cell can be made by a reader who knows the total: it is
        at least 1, and at most the hidden part of the total less 1 for each other hidden
        cell; at least k values stay possible (the span is k - 1 or more).
        """
        total = sum(cells)
        result = suppress_cells(cells, total, k=k)
        shown = [c for c, m in zip(cells, result.cell_marks, strict=True) if m is S]
        assert all(c == 0 or c >= k for c in shown)
        hidden = [c for c, m in zip(cells, result.cell_marks, strict=True) if m is not S]
        assert all(
            text == HIDDEN_MARK
            for text, m in zip(result.cell_texts, result.cell_marks, strict=True)
            if m is not S
        )
        if result.total_mark is S and hidden:
            # a hidden cell is 1 .. (sum of the hidden) - (number of other hidden cells)
            assert sum(hidden) - (len(hidden) - 1) - 1 >= k - 1


class TestOwnNameInAnotherField:
    """A record's own name typed in another field is not repeated (found by the CLI test).

    The name is known to be personal because the record holds it in ``full_name``; a
    message about the other field quotes the value, so the name is replaced there.
    """

    NAME = "Lò Thị Ví Dụ"

    def _subject(self) -> Subject:
        return Subject(
            id="S-1",
            sex=Sex.FEMALE,
            birth_year=1990,
            ethnicity=Ethnicity.from_slug("01"),
            unit_code=self.NAME,
            registered_on=dt.date(2024, 2, 1),
            full_name=self.NAME,
        )

    def test_problem_between_records(self) -> None:
        """Dataset.validate: the unit that does not exist is named as personal data."""
        plan = load_plan("lai-chau-2024")
        (problem,) = Dataset(subjects=[self._subject()]).validate(plan)
        assert str(problem) == (
            "subjects[S-1].unit_code: '<personal data>' is not a valid unit on 2024-02-01"
        )

    def test_data_quality_line(self) -> None:
        """The evaluation's line for a record not counted: its code is not repeated."""
        plan = load_plan("lai-chau-2024")
        result = evaluate(plan, Dataset(subjects=[self._subject()]), plan.period("2024-H1"))
        (issue,) = result.data_quality.issues
        assert issue.unit_code == "<personal data>"
        assert self.NAME not in issue.text("vi")
        assert self.NAME not in result.to_json()
