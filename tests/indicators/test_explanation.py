"""Tests for reasons in words: every reason code in both languages, facts formatted."""

from __future__ import annotations

import datetime as dt
import pickle
import re
import unicodedata

import pytest

from tests.indicators.indicator_scenario import DATASET, PERIOD, PLAN
from threeno.errors import LanguageError
from threeno.indicators import explanation
from threeno.indicators.engine import evaluate
from threeno.indicators.explanation import REASON_CODES, Entries, Entry, Reason, format_fact
from threeno.indicators.results import percent
from threeno.model.enums import SubjectCategory

D = dt.date


class TestReasonCodes:
    """The words of every reason."""

    @pytest.mark.parametrize("code", sorted(REASON_CODES))
    def test_both_languages(self, code: str) -> None:
        """Every code's words name the same facts in Vietnamese and English, in NFC."""
        words = explanation._REASONS[code]
        expected = set(re.findall(r"{(\w+)}", words.en))
        assert expected == set(re.findall(r"{(\w+)}", words.vi))
        for key, en, vi in words.optional:  # a clause names its own fact, if any
            named = set(re.findall(r"{(\w+)}", en))
            assert named <= {key}
            assert named == set(re.findall(r"{(\w+)}", vi))
        texts = [words.vi, *(vi for _, _, vi in words.optional)]
        assert texts == [unicodedata.normalize("NFC", t) for t in texts]

    def test_every_entry_of_the_scenario_has_words(self) -> None:
        """Every entry of the scenario's evaluation reads in both languages."""
        result = evaluate(PLAN, DATASET, PERIOD)
        codes = set()
        for ind_id in result:
            found = result[ind_id].total.explanation
            for entry in (*found.counted, *found.failures, *found.apart):
                codes.add(entry.reason.code)
                assert entry.text("vi")
                assert entry.text("en")
        # Most codes occur in the scenario; the others are tested one by one below.
        expected = 35
        assert expected <= len(codes)


class TestReason:
    """One reason in words."""

    def test_optional_clauses(self) -> None:
        """Optional facts add their clause only when given."""
        facts = (("opened", D(2024, 1, 2)), ("article", 150), ("defendants", 2))
        bare = Reason(code="opened", facts=facts)
        tried = Reason(code="opened", facts=(*facts, ("tried", D(2024, 5, 6))))
        expected_bare = "opened 02/01/2024 (Art. 150), 2 defendant(s)"
        assert expected_bare == bare.text()
        expected = "khởi tố ngày 02/01/2024 (Điều 150), 2 bị can; xét xử ngày 06/05/2024"
        assert expected == tried.text("vi")

    def test_labels_inside_sentences(self) -> None:
        """A label starts in lower case inside a sentence; several are joined by commas."""
        reason = Reason(
            code="not_reached",
            facts=(("categories", (SubjectCategory.POOR, SubjectCategory.UNEMPLOYED)),),
        )
        expected = (
            "target woman (poor woman, woman without work); not reached by any event in the period"
        )
        assert expected == reason.text()

    def test_unknown_language(self) -> None:
        """Only Vietnamese and English."""
        with pytest.raises(LanguageError):
            Reason(code="no_review").text("fr")  # type: ignore[arg-type]
        with pytest.raises(LanguageError):
            format_fact(1, "fr")  # type: ignore[arg-type]

    def test_to_dict(self) -> None:
        """JSON-ready: the code, the facts as ISO dates and slugs, the English words.

        The words write dates dd/mm/yyyy (threeno.lang.date); the facts keep ISO dates.
        """
        entry = Entry(
            record_id="CR-0006",
            unit="03386",
            reason=Reason(
                code="reopened", facts=(("decided", D(2024, 1, 10)), ("reopened", D(2024, 4, 10)))
            ),
        )
        expected = {
            "id": "CR-0006",
            "unit": "03386",
            "reason": {
                "code": "reopened",
                "facts": {"decided": "2024-01-10", "reopened": "2024-04-10"},
                "text": "no-case decision of 10/01/2024 overturned on 10/04/2024",
            },
        }
        assert expected == entry.to_dict()


class TestPercent:
    """``results.percent``: a share as explanations and reports write it."""

    def test_one_decimal_in_each_language(self) -> None:
        """33/35 is 94.29%: one decimal, a comma in Vietnamese, a point in English."""
        assert (percent(33 / 35, "vi"), percent(33 / 35, "en")) == ("94,3%", "94.3%")

    def test_another_language_is_refused(self) -> None:
        """As every language argument: LanguageError, not English."""
        with pytest.raises(LanguageError):
            percent(0.5, "fr")  # type: ignore[arg-type]


class TestEntries:
    """Entries made on first look: sorted by id then unit, then a tuple in all but type."""

    @staticmethod
    def _entry(record_id: str, unit: str | None) -> Entry:
        return Entry(record_id=record_id, unit=unit, reason=Reason(code="received"))

    def test_made_once_sorted_and_like_a_tuple(self) -> None:
        """Kept CR-2 (03386); a part makes CR-1 (03389) and CR-1 (03386): sorted by id, unit.

        The order is CR-1 03386, CR-1 03389, CR-2 03386; the part is called once, on
        the first look, whatever is looked at after.
        """
        calls = []
        made = [self._entry("CR-1", "03389"), self._entry("CR-1", "03386")]

        def part() -> list[Entry]:
            calls.append(1)
            return made

        kept = self._entry("CR-2", "03386")
        entries = Entries([kept], [part])
        assert calls == []
        expected = (made[1], made[0], kept)
        assert len(entries) == 3
        assert calls == [1]
        assert entries == expected
        assert expected == entries
        assert tuple(entries) == expected
        assert entries[0] == made[1]
        assert entries[1:] == (made[0], kept)
        assert entries + (kept,) == (*expected, kept)  # noqa: RUF005 - its __add__
        assert (kept,) + entries == (kept, *expected)  # noqa: RUF005 - its __radd__
        assert hash(entries) == hash(expected)
        assert repr(entries) == repr(expected)
        assert entries != expected[:2]
        assert calls == [1]

    def test_pickled_as_the_tuple(self) -> None:
        """Pickled, the entries themselves: a tuple, equal."""
        entries = Entries([self._entry("CR-2", None)], [lambda: [self._entry("CR-1", None)]])
        again = pickle.loads(pickle.dumps(entries))  # noqa: S301 - our own bytes
        assert type(again) is tuple
        assert again == entries
        assert [e.record_id for e in again] == ["CR-1", "CR-2"]
