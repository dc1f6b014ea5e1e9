"""Tests for the support regimes of the 2011 and 2024 laws on trafficking.

Expected tables are copied by hand from the laws' own enumerations:
Luật Phòng, chống mua bán người 2011 (66/2011/QH12), Art. 32(1) points a-e ("a) Hỗ trợ
về nhu cầu thiết yếu và chi phí đi lại; b) Hỗ trợ y tế; c) Hỗ trợ tâm lý; d) Trợ giúp
pháp lý; đ) Hỗ trợ học văn hóa, học nghề; e) Trợ cấp khó khăn ban đầu, hỗ trợ vay vốn"),
Art. 32(2) (foreigners: a-d), Art. 32(3) (minors: by way of Art. 33-35), Nghị định
09/2013/NĐ-CP Art. 19; Luật Phòng, chống mua bán người 2024 (53/2024/QH15), Art. 37(1)
points a-k, 37(2) (a-h), 37(3) (a-d abroad, a-g in Vietnam), 37(4) (a, b, c, d, đ, g).
"""

from __future__ import annotations

import datetime as dt
import unicodedata

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from threeno.errors import LanguageError, RulesError, ValidationError
from threeno.model.enums import SupportKind
from threeno.model.sources import (
    ANTI_TRAFFICKING_LAW_2011,
    ANTI_TRAFFICKING_LAW_2024,
    DECREE_09_2013,
    Reference,
)
from threeno.rules.support import (
    REGIME_2011,
    REGIME_2024,
    REGIMES,
    Entitlement,
    ProtectedStatus,
    Provision,
    Regime,
    eligible,
    regime_on,
)

D = dt.date
K = SupportKind
S = ProtectedStatus

# 2011 law, Art. 32(1) points a to e, each kind by the words of its point.
A_2011 = {K.ESSENTIAL_NEEDS, K.TRAVEL_COSTS}  # a) nhu cầu thiết yếu và chi phí đi lại
B_2011 = {K.MEDICAL}  # b) y tế
C_2011 = {K.PSYCHOLOGICAL}  # c) tâm lý
D_2011 = {K.LEGAL_AID}  # d) trợ giúp pháp lý
DD_2011 = {K.SCHOOLING, K.VOCATIONAL_TRAINING}  # đ) học văn hóa, học nghề
E_2011 = {K.INITIAL_HARDSHIP_ALLOWANCE, K.LOAN}  # e) trợ cấp khó khăn ban đầu, vay vốn

# 2024 law, Art. 37(1) points a to k.
P_2024 = {
    "a": {K.ESSENTIAL_NEEDS},  # Hỗ trợ nhu cầu thiết yếu
    "b": {K.MEDICAL},  # Hỗ trợ y tế
    "c": {K.INTERPRETATION},  # Hỗ trợ phiên dịch
    "d": {K.LEGAL_SUPPORT},  # Hỗ trợ pháp luật
    "đ": {K.LEGAL_AID},  # Trợ giúp pháp lý
    "e": {K.TRAVEL_COSTS},  # Hỗ trợ chi phí đi lại
    "g": {K.PSYCHOLOGICAL},  # Hỗ trợ tâm lý
    "h": {K.SCHOOLING},  # Hỗ trợ học văn hóa
    # i) Hỗ trợ học nghề, tư vấn, tạo điều kiện để có việc làm
    "i": {K.VOCATIONAL_TRAINING, K.VOCATIONAL_COUNSELLING, K.EMPLOYMENT},
    "k": {K.INITIAL_HARDSHIP_ALLOWANCE, K.LOAN},  # Trợ cấp khó khăn ban đầu, hỗ trợ vay vốn
}


def points(*letters: str) -> frozenset[SupportKind]:
    """The kinds of the 2024 law's Art. 37(1) points ``letters``."""
    return frozenset().union(*(P_2024[letter] for letter in letters))


TABLE = [
    # 2011, Art. 32(1): a victim receives every point, a to e.
    (REGIME_2011, S.VICTIM, frozenset(A_2011 | B_2011 | C_2011 | D_2011 | DD_2011 | E_2011)),
    # 2011, Art. 32(2): a foreigner trafficked in Vietnam receives points a, b, c and d.
    (REGIME_2011, S.FOREIGNER, frozenset(A_2011 | B_2011 | C_2011 | D_2011)),
    # 2011, Art. 32(3): a minor travelling with a victim, by way of Art. 33 (essential needs,
    # travel), 34 (medical) and 35 (psychological).
    (REGIME_2011, S.MINOR_ACCOMPANYING, frozenset(A_2011 | B_2011 | C_2011)),
    # Nghị định 09/2013/NĐ-CP, Art. 19: persons awaiting verification receive essential
    # needs and travel costs.
    (REGIME_2011, S.BEING_IDENTIFIED_IN_VIETNAM, frozenset(A_2011)),
    # Abroad, awaiting verification and papers to return: essential needs and travel
    # (Art. 33; secondary sources only).
    (REGIME_2011, S.BEING_IDENTIFIED_ABROAD, frozenset(A_2011)),
    # Art. 32 lists no support for relatives.
    (REGIME_2011, S.RELATIVE, frozenset()),
    # 2024, Art. 37(1): a victim receives points a to k, and the first year's
    # health-insurance contribution (part of medical support).
    (
        REGIME_2024,
        S.VICTIM,
        points("a", "b", "c", "d", "đ", "e", "g", "h", "i", "k") | {K.HEALTH_INSURANCE},
    ),
    # 2024, Art. 37(2): a person under 18 travelling with a victim, points a to h.
    (REGIME_2024, S.MINOR_ACCOMPANYING, points("a", "b", "c", "d", "đ", "e", "g", "h")),
    # 2024, Art. 37(3), first paragraph: being identified, abroad, points a to d.
    (REGIME_2024, S.BEING_IDENTIFIED_ABROAD, points("a", "b", "c", "d")),
    # 2024, Art. 37(3), second paragraph: being identified, in Vietnam, points a to g.
    (REGIME_2024, S.BEING_IDENTIFIED_IN_VIETNAM, points("a", "b", "c", "d", "đ", "e", "g")),
    # 2024, Art. 37(4): a foreigner trafficked in Vietnam, points a, b, c, d, đ and g.
    (REGIME_2024, S.FOREIGNER, points("a", "b", "c", "d", "đ", "g")),
    # 2024, Art. 34 protects relatives; Art. 37 gives them no support.
    (REGIME_2024, S.RELATIVE, frozenset()),
]


class TestRegimeOn:
    """regime_on(): which law governs support given on a date."""

    @pytest.mark.parametrize(
        ("on", "expected"),
        [
            # The 2011 law came into force on 1 January 2012.
            (D(2012, 1, 1), REGIME_2011),
            # The plan's year.
            (D(2024, 6, 14), REGIME_2011),
            # Its last day: the 2024 law came into force on 1 July 2025.
            (D(2025, 6, 30), REGIME_2011),
            (D(2025, 7, 1), REGIME_2024),
            (D(2030, 1, 1), REGIME_2024),
        ],
    )
    def test_dates(self, on: dt.date, expected: Regime) -> None:
        """The regime in force on each side of 1 July 2025."""
        assert expected is regime_on(on)

    def test_before_the_2011_law(self) -> None:
        """No regime is encoded before 2012-01-01."""
        with pytest.raises(RulesError, match="no support regime before 2012-01-01"):
            regime_on(D(2011, 12, 31))

    def test_not_a_date(self) -> None:
        """A datetime is refused."""
        with pytest.raises(RulesError, match="not datetime"):
            regime_on(dt.datetime(2025, 7, 1, tzinfo=dt.UTC))

    def test_regimes_in_order_without_gap(self) -> None:
        """The second regime starts the day after the first ends."""
        first, second = REGIMES
        assert first.in_force_until is not None
        expected = first.in_force_until + dt.timedelta(days=1)
        assert expected == second.in_force_from


class TestEligibility:
    """The eligibility tables, status by status, regime by regime."""

    @pytest.mark.parametrize(
        ("regime", "status", "expected"),
        TABLE,
        ids=[f"{r.law_number}-{s}" for r, s, _ in TABLE],
    )
    def test_table(self, regime: Regime, status: ProtectedStatus, expected: frozenset[K]) -> None:
        """Each status receives exactly the kinds the law's points list."""
        assert expected == regime.kinds_for(status)
        assert expected == regime.eligibility[status]

    @pytest.mark.parametrize(("regime", "status", "expected"), TABLE)
    def test_eligible_per_kind(
        self, regime: Regime, status: ProtectedStatus, expected: frozenset[K]
    ) -> None:
        """eligible() agrees with the table for every kind, on a day the regime governs."""
        on = regime.in_force_from + dt.timedelta(days=500)
        for kind in SupportKind:
            assert (kind in expected) == eligible(kind, status, on=on)

    @pytest.mark.parametrize(
        ("kind", "on", "expected"),
        [
            # Interpretation is not a kind of the 2011 law, is point c of the 2024 law.
            (K.INTERPRETATION, D(2025, 6, 30), False),
            (K.INTERPRETATION, D(2025, 7, 1), True),
            # Employment: only the 2024 law's point i.
            (K.EMPLOYMENT, D(2025, 6, 30), False),
            (K.EMPLOYMENT, D(2025, 7, 1), True),
            # Loans: both laws (2011 point e, 2024 point k).
            (K.LOAN, D(2025, 6, 30), True),
            (K.LOAN, D(2025, 7, 1), True),
            # Reintegration: a word of the plan (II.3.b), a kind of neither law.
            (K.REINTEGRATION, D(2025, 6, 30), False),
            (K.REINTEGRATION, D(2025, 7, 1), False),
        ],
    )
    def test_a_victim_across_the_change(self, kind: K, on: dt.date, expected: bool) -> None:
        """The same victim's eligibility on 30 June and 1 July 2025."""
        assert expected == eligible(kind, S.VICTIM, on=on)

    def test_decree_in_force_date(self) -> None:
        """Persons awaiting verification: supported from Nghị định 09/2013's 15 April 2013."""
        expected = (False, True)
        assert expected == tuple(
            eligible(K.ESSENTIAL_NEEDS, S.BEING_IDENTIFIED_IN_VIETNAM, on=day)
            for day in (D(2013, 4, 14), D(2013, 4, 15))
        )

    def test_kinds_for_outside_the_regime(self) -> None:
        """Asking the 2011 regime about a day in the 2024 law's time is an error."""
        with pytest.raises(RulesError, match="use regime_on"):
            REGIME_2011.kinds_for(S.VICTIM, D(2025, 7, 1))


class TestArticles:
    """article_of() and explain(): every answer cites its article."""

    @pytest.mark.parametrize(
        ("regime", "kind", "expected"),
        [
            (REGIME_2011, K.ESSENTIAL_NEEDS, "Art. 32(1)(a)"),
            (REGIME_2011, K.SCHOOLING, "Art. 32(1)(đ)"),
            (REGIME_2011, K.LOAN, "Art. 32(1)(e)"),
            (REGIME_2011, K.INTERPRETATION, None),
            (REGIME_2011, K.HEALTH_INSURANCE, None),
            (REGIME_2011, K.REINTEGRATION, None),
            (REGIME_2024, K.LEGAL_SUPPORT, "Art. 37(1)(d)"),
            (REGIME_2024, K.LEGAL_AID, "Art. 37(1)(đ)"),
            (REGIME_2024, K.EMPLOYMENT, "Art. 37(1)(i)"),
            (REGIME_2024, K.HEALTH_INSURANCE, "Art. 37(1)(b)"),
            (REGIME_2024, K.REINTEGRATION, None),
        ],
    )
    def test_article_of(self, regime: Regime, kind: K, expected: str | None) -> None:
        """The article of each kind, or None when the law does not provide it."""
        assert expected == regime.article_of(kind)

    def test_law_words_kept(self) -> None:
        """Point d of the 2024 law says "Hỗ trợ pháp luật", in its own words."""
        provision = REGIME_2024.provision(K.LEGAL_SUPPORT)
        assert provision is not None
        expected = "Hỗ trợ pháp luật"
        assert expected == provision.words

    def test_unverified_readings_are_marked(self) -> None:
        """What rests on secondary sources says so."""
        minor = REGIME_2011.entitlement(S.MINOR_ACCOMPANYING)
        abroad = REGIME_2011.entitlement(S.BEING_IDENTIFIED_ABROAD)
        insurance = REGIME_2024.provision(K.HEALTH_INSURANCE)
        assert insurance is not None
        expected = (False, False, False)
        assert expected == (minor.verified, abroad.verified, insurance.verified)

    def test_explain_eligible(self) -> None:
        """An eligible answer names the law and both articles."""
        expected = (
            "Foreigner trafficked in Vietnam: eligible for “Interpretation” under "
            "Luật Phòng, chống mua bán người 2024 (53/2024/QH15), "
            "Art. 37(4) (points a, b, c, d, đ and g of Art. 37(1)); Art. 37(1)(c)."
        )
        assert expected == REGIME_2024.explain(K.INTERPRETATION, S.FOREIGNER)

    def test_explain_not_eligible(self) -> None:
        """A refusal cites the row that lists what the status receives."""
        expected = (
            "Foreigner trafficked in Vietnam: not eligible for “Loan” under "
            "Luật Phòng, chống mua bán người 2024 (53/2024/QH15) "
            "(Art. 37(4) (points a, b, c, d, đ and g of Art. 37(1)))."
        )
        assert expected == REGIME_2024.explain(K.LOAN, S.FOREIGNER)

    def test_explain_not_provided_vi(self) -> None:
        """A kind the law lacks is explained in Vietnamese too."""
        expected = (
            "Luật Phòng, chống mua bán người 2011 (66/2011/QH12) không quy định chế độ "
            "“Hỗ trợ hòa nhập cộng đồng”: không ai được hưởng."
        )
        assert expected == REGIME_2011.explain(K.REINTEGRATION, S.VICTIM, lang="vi")

    def test_explain_not_yet(self) -> None:
        """Before the decree's date the answer says from when."""
        text = REGIME_2011.explain(K.TRAVEL_COSTS, S.BEING_IDENTIFIED_IN_VIETNAM, D(2013, 1, 1))
        assert "only from 2013-04-15" in text

    def test_explain_unknown_language(self) -> None:
        """Only 'vi' and 'en'."""
        with pytest.raises(LanguageError, match="'fr'"):
            REGIME_2024.explain(K.LOAN, S.VICTIM, lang="fr")  # type: ignore[arg-type]


class TestRegimeInvariants:
    """A Regime refuses an inconsistent table."""

    PROVISION = Provision(kind=K.MEDICAL, article="Art. 1(a)", words="Hỗ trợ y tế")

    def rows(self, **kinds: frozenset[K]) -> tuple[Entitlement, ...]:
        """One row per status, with the kinds given by slug, none otherwise."""
        return tuple(
            Entitlement(status=s, kinds=kinds.get(s.slug, frozenset()), article="Art. 1")
            for s in ProtectedStatus
        )

    def regime(self, entitlements: tuple[Entitlement, ...]) -> Regime:
        """A small synthetic regime."""
        return Regime(
            name="Luật thử nghiệm",
            law_number="00/0000/QH00",
            in_force_from=D(2030, 1, 1),
            in_force_until=None,
            references=("Art. 1",),
            provisions=(self.PROVISION,),
            entitlements=entitlements,
        )

    def test_consistent(self) -> None:
        """A complete, consistent table is accepted."""
        regime = self.regime(self.rows(victim=frozenset({K.MEDICAL})))
        assert regime.eligible(K.MEDICAL, S.VICTIM)

    def test_kind_not_provided(self) -> None:
        """Granting a kind the law does not provide is refused, naming the field."""
        with pytest.raises(ValidationError, match=r"Regime\.entitlements: victim granted loan"):
            self.regime(self.rows(victim=frozenset({K.LOAN})))

    def test_status_missing(self) -> None:
        """Every status has its row."""
        with pytest.raises(ValidationError, match="every ProtectedStatus exactly once"):
            self.regime(self.rows()[1:])

    def test_kind_listed_twice(self) -> None:
        """A kind has one article."""
        with pytest.raises(ValidationError, match="listed twice"):
            Regime(
                name="Luật thử nghiệm",
                law_number="00/0000/QH00",
                in_force_from=D(2030, 1, 1),
                in_force_until=None,
                references=(),
                provisions=(self.PROVISION, self.PROVISION),
                entitlements=self.rows(),
            )

    def test_until_before_from(self) -> None:
        """A regime cannot end before it starts."""
        with pytest.raises(ValidationError, match=r"Regime\.in_force_until"):
            Regime(
                name="Luật thử nghiệm",
                law_number="00/0000/QH00",
                in_force_from=D(2030, 1, 1),
                in_force_until=D(2029, 12, 31),
                references=(),
                provisions=(self.PROVISION,),
                entitlements=self.rows(),
            )

    def test_provision_needs_its_article(self) -> None:
        """Every provision cites its article."""
        with pytest.raises(ValidationError, match=r"Provision\.article"):
            Provision(kind=K.MEDICAL, article=" ", words="Hỗ trợ y tế")

    def test_entitlement_kinds_checked(self) -> None:
        """Kinds are SupportKind members, not slugs."""
        with pytest.raises(ValidationError, match=r"Entitlement\.kinds"):
            Entitlement(status=S.VICTIM, kinds={"loan"}, article="Art. 1")


class TestSourcesAsData:
    """Provisions and regimes written from the instruments and references."""

    def test_provision_from_reference(self) -> None:
        """The article, verified and note are the reference's: Art. 32(1)(b) of the 2011 law."""
        ref = Reference(instrument=ANTI_TRAFFICKING_LAW_2011, article="32", clause="1", point="b")
        provision = Provision(kind=K.MEDICAL, reference=ref, words="Hỗ trợ y tế")
        assert (provision.article, provision.verified, provision.note) == (
            "Art. 32(1)(b)",
            True,
            "",
        )
        unsure = attrs.evolve(ref, verified=False, note="secondary sources")
        provision = Provision(kind=K.MEDICAL, reference=unsure, words="Hỗ trợ y tế")
        assert (provision.verified, provision.note) == (False, "secondary sources")

    def test_provision_says_otherwise(self) -> None:
        """An article other than the reference's, or none at all, is refused."""
        ref = Reference(instrument=ANTI_TRAFFICKING_LAW_2011, article="32", clause="1", point="b")
        with pytest.raises(ValidationError, match=r"Provision\.reference"):
            Provision(kind=K.MEDICAL, reference=ref, article="Art. 32(1)(c)", words="Hỗ trợ y tế")
        with pytest.raises(ValidationError, match=r"Provision\.article"):
            Provision(kind=K.MEDICAL, words="Hỗ trợ y tế")

    @pytest.mark.parametrize(
        ("regime", "law", "start", "end"),
        [
            (REGIME_2011, ANTI_TRAFFICKING_LAW_2011, D(2012, 1, 1), D(2025, 6, 30)),
            (REGIME_2024, ANTI_TRAFFICKING_LAW_2024, D(2025, 7, 1), None),
        ],
    )
    def test_regime_from_its_law(
        self, regime: Regime, law: object, start: dt.date, end: dt.date | None
    ) -> None:
        """Name, number and dates are the law's; every provision cites the law itself."""
        assert regime.instrument is law
        assert (regime.in_force_from, regime.in_force_until) == (start, end)
        assert {p.reference.instrument for p in regime.provisions if p.reference} == {law}
        assert all(p.reference is not None for p in regime.provisions)

    def test_rendered_from_the_instruments(self) -> None:
        """The texts that name another instrument take its name and dates from the data."""
        assert REGIME_2011.references[1] == (
            "Nghị định 09/2013/NĐ-CP (in force 15 April 2013), Art. 19"
        )
        waiting = REGIME_2011.entitlement(S.BEING_IDENTIFIED_IN_VIETNAM)
        assert waiting.since == DECREE_09_2013.in_force_from == D(2013, 4, 15)

    def test_legal_support_unverified(self) -> None:
        """Art. 37(1)(d)'s wording is reported, not checked: the provision says so."""
        provision = REGIME_2024.provision(K.LEGAL_SUPPORT)
        assert provision is not None
        assert not provision.verified
        assert "Hỗ trợ pháp luật" in provision.note

    def test_regime_name_is_the_laws(self) -> None:
        """A name or number other than the instrument's is refused."""
        with pytest.raises(ValidationError, match=r"Regime\.instrument"):
            attrs.evolve(REGIME_2024, law_number="53/2024/QH14")


class TestProtectedStatus:
    """The statuses' labels."""

    def test_labels(self) -> None:
        """Every status has both labels, the Vietnamese in NFC, and unique slugs."""
        for status in ProtectedStatus:
            assert status.label("en")
            assert unicodedata.normalize("NFC", status.label("vi")) == status.label("vi")
        assert len(set(ProtectedStatus.slugs())) == len(ProtectedStatus)


class TestProperties:
    """Properties over every kind, status and date."""

    @given(
        kind=st.sampled_from(SupportKind),
        status=st.sampled_from(ProtectedStatus),
        on=st.dates(min_value=D(2012, 1, 1), max_value=D(2035, 12, 31)),
    )
    def test_eligible_only_for_a_provided_kind(
        self, kind: K, status: ProtectedStatus, on: dt.date
    ) -> None:
        """Whoever is eligible, the law in force provides the kind, with an article."""
        if eligible(kind, status, on=on):
            assert regime_on(on).article_of(kind) is not None

    @given(status=st.sampled_from(ProtectedStatus))
    def test_victims_receive_the_most(self, status: ProtectedStatus) -> None:
        """Under both laws, no status receives a kind a victim does not."""
        for regime in REGIMES:
            assert regime.kinds_for(status) <= regime.kinds_for(S.VICTIM)
