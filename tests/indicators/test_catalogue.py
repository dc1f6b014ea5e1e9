"""Tests for the catalogue of indicator definitions and what a definition is.

The catalogue is the only list of indicators: the ids plan files may name
(``CATALOGUE_IDS``) and the shares among them (``SHARE_IDS``) are read from it, and it
must hold the indicators of the 2024 plan in the indicators guide's order. It keeps no
clause ids: the clauses an indicator serves are those of the plan evaluated.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from threeno.errors import LanguageError, ValidationError
from threeno.indicators import counting, ids
from threeno.indicators.catalogue import (
    ALL_INDICATORS,
    CATALOGUE,
    CATALOGUE_IDS,
    SHARE_IDS,
    catalogue,
    get,
)
from threeno.indicators.definitions import (
    AGE_GROUPS,
    FIGURES,
    Dimension,
    Indicator,
    IndicatorKind,
    Level,
    age_group,
)
from threeno.indicators.engine import evaluate
from threeno.io.datasets import load_dataset
from threeno.plans import load_plan
from threeno.testing.synthetic import demo_path

PLAN = load_plan("lai-chau-2024")

# The catalogue of the 2024 plan (docs/guides/indicators.md, "The catalogue"): id ->
# clauses, in the table's order. The clauses are the 2024 plan's: read off
# src/threeno/plans/lai-chau-2024.toml, each [[purposes]] or [[duties]] whose `indicators`
# list names the id, in the file's order (I.3 lists reports.classified and II.4.b lists it
# again: ("I.3", "II.4.b")).
PLAN_TABLE = {
    "subjects.monitored": ("I.1",),
    "subjects.emigrated": ("I.1",),
    "reports.received": ("I.3",),
    "reports.classified": ("I.3", "II.4.b"),
    "reports.resolved": ("I.3", "II.4.b"),
    "reports.on_time": ("I.3",),
    "reports.overdue": ("I.3",),
    "cases.prosecuted": ("II.4.b",),
    "cases.wrongful": ("I.3",),
    "cases.missed": ("I.3",),
    "units.model_maintained": ("I.5", "IV.1"),
    "outreach.coverage": ("II.2.b",),
    "outreach.events": ("I.2", "II.2.b"),
    "support.coverage": ("II.3.b", "III.2.c"),
    "women.vocational": ("III.4.c",),
    "units.safe": ("II.1.b",),
    "reporting.completeness": ("IV.2",),
    "reporting.timeliness": ("IV.2",),
}


class TestCatalogue:
    """The registry of definitions."""

    def test_ids_are_the_plan_table(self) -> None:
        """The catalogue is the 2024 table, in its order; the ids plan files may name too."""
        assert list(PLAN_TABLE) == [i.id for i in catalogue()]
        assert tuple(PLAN_TABLE) == ALL_INDICATORS
        assert set(PLAN_TABLE) == CATALOGUE_IDS

    @pytest.mark.parametrize("indicator", CATALOGUE, ids=lambda i: i.id)
    def test_a_share_is_named_as_one(self, indicator: Indicator) -> None:
        """A share's names say so ("Tỷ lệ", "Share of"), a count's do not; SHARE_IDS has it."""
        named_share = indicator.name_vi.startswith("Tỷ lệ ")
        assert named_share == indicator.name_en.startswith("Share of ")
        assert named_share == (indicator.kind is IndicatorKind.SHARE)
        assert named_share == (indicator.id in SHARE_IDS)

    def test_ids_module_reads_the_catalogue(self) -> None:
        """threeno.indicators.ids keeps the names importable: the catalogue's own sets."""
        assert ids.CATALOGUE_IDS is CATALOGUE_IDS
        assert ids.SHARE_IDS is SHARE_IDS

    def test_no_clause_ids_in_the_catalogue(self) -> None:
        """A definition names no plan clause: that is the plan's to say."""
        names = {f.name for f in attrs.fields(Indicator)}
        assert "clauses" not in names

    def test_the_2024_plan_gives_the_table_clauses(self) -> None:
        """Lai Châu's clause ids are in its plan file: clauses_for gives the table's."""
        expected = PLAN_TABLE
        assert expected == {i: PLAN.clauses_for(i) for i in ALL_INDICATORS}

    def test_get(self) -> None:
        """``get`` finds a definition by id."""
        expected = "reports.on_time"
        assert expected == get("reports.on_time").id

    def test_get_unknown(self) -> None:
        """An unknown id is refused, naming the field and listing the known ids."""
        with pytest.raises(ValidationError, match=r"^Indicator\.id: unknown indicator 'x\.y'"):
            get("x.y")

    @pytest.mark.parametrize("indicator", CATALOGUE, ids=lambda i: i.id)
    def test_rule_is_the_docstring_and_cites_clauses(self, indicator: Indicator) -> None:
        """Every rule is the accumulator's docstring, starts with the id and cites its source.

        The source is the 2024 plan's clauses that list the indicator (its docstring cites
        the plan it was written from) and names the records it considers (its universe).
        """
        rule = indicator.rule
        assert rule.startswith(f"``{indicator.id}``: ")
        assert "Records considered: " in rule
        assert "Plan clauses: " in rule
        for clause in PLAN.clauses_for(indicator.id):
            assert clause in rule.split("Plan clauses: ")[1]

    @pytest.mark.parametrize("indicator", CATALOGUE, ids=lambda i: i.id)
    def test_names_in_nfc(self, indicator: Indicator) -> None:
        """Vietnamese names and descriptions are stored in NFC."""
        texts = [indicator.name_vi, indicator.numerator_vi, indicator.denominator_vi or ""]
        assert texts == [unicodedata.normalize("NFC", t) for t in texts]

    @pytest.mark.parametrize("indicator", CATALOGUE, ids=lambda i: i.id)
    def test_agency_level_only_for_reporting(self, indicator: Indicator) -> None:
        """Only the reporting indicators are counted by agency (plan IV.2)."""
        expected = Level.AGENCY if indicator.id.startswith("reporting.") else Level.UNIT
        assert expected is indicator.level

    def test_adverse_indicators(self) -> None:
        """The indicators whose target is 0 count what the plan wants none of."""
        expected = {"reports.overdue", "cases.wrongful", "cases.missed"}
        assert expected == {i.id for i in CATALOGUE if i.adverse}

    def test_default_offences(self) -> None:
        """Only cases.prosecuted narrows offences by default, to trafficking (150, 151)."""
        narrowed = {i.id: i.offences for i in CATALOGUE if i.offences is not None}
        assert {"cases.prosecuted": frozenset({150, 151})} == narrowed


class TestIndicator:
    """The definition class."""

    def test_with_offences(self) -> None:
        """A plan widens an indicator's offences (a copy; the catalogue is unchanged)."""
        wider = get("cases.prosecuted").with_offences({150, 151, 174, 348, 349})
        assert frozenset({150, 151, 174, 348, 349}) == wider.offences
        assert wider.counts(348)
        assert not get("cases.prosecuted").counts(348)

    def test_with_no_offences_counts_everything(self) -> None:
        """``None`` counts every article."""
        assert get("cases.prosecuted").with_offences(None).counts(999)

    @pytest.mark.parametrize("bad", [set(), {0}, {"150"}, {True}])
    def test_bad_offences(self, bad: set[object]) -> None:
        """Offences must be a non-empty set of article numbers."""
        with pytest.raises(ValidationError, match=r"^Indicator\.offences: "):
            get("cases.prosecuted").with_offences(bad)  # type: ignore[arg-type]

    def test_count_has_no_denominator(self) -> None:
        """A count with a denominator is refused."""
        with pytest.raises(ValidationError, match="a count has no denominator"):
            attrs.evolve(get("reports.received"), denominator_vi="x", denominator_en="x")

    def test_share_needs_denominator(self) -> None:
        """A share without a denominator is refused."""
        with pytest.raises(ValidationError, match="a share needs a denominator"):
            attrs.evolve(get("reports.resolved"), denominator_vi=None, denominator_en=None)

    def test_unknown_figure(self) -> None:
        """A figure must be one of FIGURES, which has labels in both languages."""
        with pytest.raises(ValidationError, match=r"figures\[0\]: unknown figure 'x'"):
            attrs.evolve(get("reports.received"), figures=("x",))

    def test_names(self) -> None:
        """Names and descriptions come in Vietnamese and English, and no other language."""
        ind = get("reports.resolved")
        expected = "Tỷ lệ tố giác, tin báo về tội phạm, kiến nghị khởi tố được giải quyết"
        assert expected == ind.name()
        expected = "reports to resolve (carried over and received in the period)"
        assert expected == ind.denominator("en")
        assert get("reports.received").denominator("vi") is None
        with pytest.raises(LanguageError):
            ind.name("fr")  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("indicator_id", "value", "vi", "en"),
        [
            ("reports.on_time", 1.0, "100%", "100%"),
            ("reports.on_time", 0.955, "95,5%", "95.5%"),  # one decimal when not whole
            ("reports.on_time", 0.9999, "100%", "100%"),  # 99.99% rounds to 100.0%: whole
            ("reports.overdue", 0, "0", "0"),
            ("outreach.events", 1500, "1.500", "1,500"),  # grouped as each language does
            ("outreach.events", 2.5, "2,5", "2.5"),
        ],
    )
    def test_target_value(self, indicator_id: str, value: float, vi: str, en: str) -> None:
        """A target's value as the plan writes it: a share in percent, a count grouped."""
        indicator = get(indicator_id)
        assert vi == indicator.target_value(value, "vi")
        assert en == indicator.target_value(value, "en")

    def test_target_text(self) -> None:
        """The 2024 plan's target of reports.overdue (I.3): equal to 0."""
        target = PLAN.target("reports.overdue")
        assert target is not None
        indicator = get("reports.overdue")
        assert indicator.target_text(target) == "bằng 0"
        assert indicator.target_text(target, "en") == "equal to 0"
        with pytest.raises(LanguageError):
            indicator.target_text(target, "fr")  # type: ignore[arg-type]

    @pytest.mark.parametrize("indicator", CATALOGUE, ids=lambda i: i.id)
    def test_declared_figures_have_labels(self, indicator: Indicator) -> None:
        """Every figure a definition declares has a Vietnamese and an English label."""
        assert all(f in FIGURES for f in indicator.figures)

    def test_every_accumulator_is_a_counting_class(self) -> None:
        """Each definition's code is an Accumulator of the counting module."""
        assert all(issubclass(i.accumulator, counting.Accumulator) for i in CATALOGUE)

    def test_dimensions_have_labels(self) -> None:
        """Every dimension has a Vietnamese label."""
        expected = "Dân tộc"
        assert expected == Dimension.ETHNICITY.label("vi")


class TestDimension:
    """A dimension's vocabulary: its categories in order, and their labels."""

    def test_open_dimensions(self) -> None:
        """Articles, languages and agencies have no fixed list; every other dimension has."""
        expected = {Dimension.OFFENCE, Dimension.LANGUAGE, Dimension.AGENCY}
        assert expected == {d for d in Dimension if d.vocabulary is None}

    def test_vocabulary_order(self) -> None:
        """Categories come in their enumeration's order, age groups from young to old."""
        assert Dimension.SEX.vocabulary == ("female", "male")
        expected = ("under_16", "16_17", "18_29", "30_44", "45_plus")
        assert expected == Dimension.AGE_GROUP.vocabulary
        expected = ("to_giac", "tin_bao", "kien_nghi_khoi_to", "tu_thu", "tu_phat_hien")
        assert expected == Dimension.SOURCE.vocabulary

    def test_label_of(self) -> None:
        """A category's label in either language; None for a slug the dimension lacks."""
        assert Dimension.AGE_GROUP.label_of("16_17") == "Từ 16 đến dưới 18 tuổi"
        assert Dimension.REPORT_KIND.label_of("half_year", "en") == "six-monthly report"
        assert Dimension.SOURCE.label_of("to_giac", "vi") == "Tố giác về tội phạm"
        assert Dimension.SOURCE.label_of("16_17") is None
        assert Dimension.OFFENCE.label_of("150") is None

    def test_label_of_refuses_another_language(self) -> None:
        """The language is checked even where no label would be found."""
        with pytest.raises(LanguageError):
            Dimension.OFFENCE.label_of("150", "fr")  # type: ignore[arg-type]

    def test_breakdowns_use_the_vocabularies(self) -> None:
        """Every category of every breakdown of the demo evaluation is in its vocabulary."""
        data, _ = load_dataset(demo_path())
        result = evaluate(PLAN, data, PLAN.reporting_year, explain="none")
        seen: set[Dimension] = set()
        for ind_id in result:
            for dim, cells in result[ind_id].total.disaggregations.items():
                dimension = Dimension.from_slug(dim)
                if dimension.vocabulary is not None:
                    assert set(cells) <= set(dimension.vocabulary), (ind_id, dim)
                    seen.add(dimension)
        assert seen == {d for d in Dimension if d.vocabulary is not None}


class TestAgeGroup:
    """Age groups, from the birth year and the period's end."""

    @pytest.mark.parametrize(
        ("born", "expected"),
        [
            # The age reached in 2024: 2009 -> 15, under 16 (BLHS Art. 151, 153).
            (2009, "under_16"),
            (2008, "16_17"),  # 16
            (2007, "16_17"),  # 17
            (2006, "18_29"),  # 18: full age
            (1995, "18_29"),  # 29
            (1994, "30_44"),  # 30
            (1980, "30_44"),  # 44
            (1979, "45_plus"),  # 45
            (2030, "under_16"),  # a later birth year: age 0
        ],
    )
    def test_bands(self, born: int, expected: str) -> None:
        """Each band's edges, for a period ending on 2024-12-14."""
        assert expected == age_group(born, dt.date(2024, 12, 14))

    @given(st.integers(1900, 2100), st.dates(dt.date(1950, 1, 1), dt.date(2100, 1, 1)))
    def test_every_age_has_one_band(self, born: int, on: dt.date) -> None:
        """Every birth year falls in exactly one band, which contains its age."""
        slug = age_group(born, on)
        group = next(g for g in AGE_GROUPS if g.slug == slug)
        age = max(on.year - born, 0)
        assert group.first <= age
        assert group.last is None or age <= group.last

    def test_labels(self) -> None:
        """Bands have labels in both languages."""
        expected = ("Dưới 16 tuổi", "Under 16")
        assert expected == (AGE_GROUPS[0].label(), AGE_GROUPS[0].label("en"))
        with pytest.raises(LanguageError):
            AGE_GROUPS[0].label("de")  # type: ignore[arg-type]
