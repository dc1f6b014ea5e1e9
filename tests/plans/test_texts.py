"""The bundled 2024 plan against its source: every clause once, every text verbatim.

The source and the digest's clause ids are read from the copies in
``tests/data/reference/`` (the source without the signer's name; the digest's ids), so a
clone runs every test with nothing beside it; ``scripts/check_reference_copies.py``
checks the copies against ``shared/plan/`` when it is there.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from threeno.indicators.ids import CATALOGUE_IDS, SHARE_IDS
from threeno.plans import load_plan

REFERENCE = Path(__file__).parents[1] / "data" / "reference"
EXCERPT = REFERENCE / "ke-hoach-2024.excerpt.vi.txt"
DIGEST_IDS_FILE = REFERENCE / "plan-digest-clause-ids.txt"

#: The catalogue's first design ("clause" column): the clauses of the 2024 plan each
#: indicator serves, which the plan file's clauses must list.
CATALOGUE_CLAUSES = {
    "subjects.monitored": {"I.1"},
    "subjects.emigrated": {"I.1"},
    "reports.received": {"I.3"},
    "reports.classified": {"I.3", "II.4.b"},
    "reports.resolved": {"I.3", "II.4.b"},
    "reports.on_time": {"I.3"},
    "reports.overdue": {"I.3"},
    "cases.prosecuted": {"II.4.b"},
    "cases.wrongful": {"I.3"},
    "cases.missed": {"I.3"},
    "units.model_maintained": {"I.5", "IV.1"},
    "outreach.coverage": {"II.2.b"},
    "outreach.events": {"I.2", "II.2.b"},
    "support.coverage": {"II.3.b", "III.2.c"},
    "women.vocational": {"III.4.c"},
    "units.safe": {"II.1.b"},
    "reporting.completeness": {"IV.2"},
    "reporting.timeliness": {"IV.2"},
}


def digest_ids() -> tuple[str, ...]:
    """Every clause id of the digest, in its order (the copy of its backticked ids)."""
    return tuple(DIGEST_IDS_FILE.read_text(encoding="utf-8").split())


def leaf_ids(ids: tuple[str, ...]) -> list[str]:
    """The ids that head no other id: the clauses with a text of their own."""
    return [i for i in ids if not any(o.startswith(i + ".") for o in ids)]


def clean(text: str) -> str:
    """The source in NFC without its copy's artefacts, as the plan file stores its texts.

    Markdown markers (``**``, ``*``) and the footnote marker ``¹`` (not the slogan's
    ``⁽¹⁾``) are dropped; a blank line before a lower-case letter is a page break inside
    a sentence ("tội phạm mua / bán người"), joined with one space.
    """
    text = unicodedata.normalize("NFC", text)
    text = text.replace("**", "").replace("*", "")
    text = re.sub(r"(?<!⁽)¹ ?", "", text)
    return re.sub(r"\n\n(\w)", lambda m: (" " if m[1].islower() else "\n\n") + m[1], text)


def source_text() -> str:
    """The cleaned source (the copy without the signer's name)."""
    return clean(EXCERPT.read_text(encoding="utf-8"))


def vietnamese_texts() -> list[tuple[str, str]]:
    """Every Vietnamese text of the 2024 plan, with where it is."""
    plan = load_plan("lai-chau-2024")
    texts = [("title_vi", plan.title_vi), ("issuer_vi", plan.issuer_vi)]
    texts += [("number", plan.number or ""), ("dateline_vi", plan.dateline_vi or "")]
    texts += [(f"signature_vi[{i}]", t) for i, t in enumerate(plan.signature_vi)]
    texts += [(f"legal_bases[{i}]", b.text_vi) for i, b in enumerate(plan.legal_bases)]
    texts += [(f"agencies[{i}]", a.name_vi) for i, a in enumerate(plan.agencies)]
    texts += [(f"sections[{i}]", s.title_vi) for i, s in enumerate(plan.sections)]
    texts += [(c.id, c.text_vi) for c in plan.clauses]
    texts += [(f"{c.id} note", c.note_vi) for c in plan.clauses if c.note_vi]
    return texts


class TestClauseIds:
    """Every clause id of the digest is in the plan exactly once."""

    def test_digest_leaves_once_each(self) -> None:
        """The 31 clauses with a text: I.1-I.5, II.1.a-II.4.c, III.1.a-III.5.b, IV.1-2."""
        plan = load_plan("lai-chau-2024")
        expected = Counter(leaf_ids(digest_ids()))
        # 5 purposes + 9 tasks of II + 15 duties of III + 2 of IV, counted from the digest.
        assert sum(expected.values()) == 31
        assert expected == Counter(c.id for c in plan.clauses)

    def test_digest_headings_are_sections(self) -> None:
        """The digest's groups (II.1, ..., III.5) and the four Roman sections are the outline."""
        plan = load_plan("lai-chau-2024")
        ids = digest_ids()
        headings = {i for i in ids if i not in leaf_ids(ids)} | {"I", "II", "III", "IV"}
        assert headings == {s.id for s in plan.sections}


class TestVietnameseTexts:
    """Every Vietnamese text is the source's, character for character, in NFC."""

    @pytest.mark.parametrize(("where", "text"), vietnamese_texts())
    def test_found_verbatim_in_the_source(self, where: str, text: str) -> None:
        """The text is NFC, has no artefact, and occurs as such in the cleaned source."""
        assert unicodedata.normalize("NFC", text) == text, where
        assert "\n" not in text
        assert "*" not in text
        assert text in source_text(), where

    def test_page_breaks_are_joined(self) -> None:
        """The four sentences broken across pages are stored whole."""
        plan = load_plan("lai-chau-2024")
        text = {c.id: c.text_vi for c in plan.clauses}
        assert "tội phạm mua bán người bảo đảm" in text["I.3"]
        assert "tư vấn hướng nghiệp" in text["II.3.b"]
        assert "nắm chắc tình hình" in text["III.1.b"]
        assert "tạo điều kiện cho họ" in text["III.5.b"]

    def test_source_spelling_kept(self) -> None:
        """What looks like a typo stays as the source writes it."""
        plan = load_plan("lai-chau-2024")
        text = {c.id: c.text_vi for c in plan.clauses}
        assert "đề đề xuất" in text["III.4.c"]
        assert "tự ty" in text["III.2.b"]
        assert "ANTTQ" in text["I.4"]

    def test_footnote_is_the_note_of_ii_1_a(self) -> None:
        """Footnote 1 (the programmes and directives) is II.1.a's note, and its bases."""
        plan = load_plan("lai-chau-2024")
        (clause,) = [c for c in plan.clauses if c.id == "II.1.a"]
        assert clause.note_vi is not None
        assert clause.note_vi.startswith("Chương trình phòng chống mua, bán người")
        assert clause.text_vi.endswith("trọng tâm tội phạm mua bán người.")
        cited = [b.number for b in plan.legal_bases if b.cited_in == "II.1.a"]
        # The footnote's six items, four with a number.
        expected = [None, "46-CT/TW", "09-CT/TW", "48-CT/TW", "193/QĐ-TTg", None]
        assert expected == cited


class TestIndicators:
    """The plan's clauses name the catalogue's indicators, as DESIGN.md maps them."""

    def test_catalogue_ids(self) -> None:
        """18 ids; the shares among them are the "/" definitions of the catalogue."""
        assert set(CATALOGUE_CLAUSES) == CATALOGUE_IDS
        assert len(CATALOGUE_IDS) == 18
        assert SHARE_IDS < CATALOGUE_IDS

    def test_clauses_listing_each_indicator(self) -> None:
        """For each indicator, the clauses listing it are its catalogue clauses."""
        plan = load_plan("lai-chau-2024")
        listed: dict[str, set[str]] = {i: set() for i in CATALOGUE_IDS}
        for clause in plan.clauses:
            for indicator in clause.indicators:
                listed[indicator].add(clause.id)
        expected = CATALOGUE_CLAUSES
        assert expected == listed
