"""Tests for threeno.model.enums: slugs, labels and the facts each enumeration encodes."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from threeno.errors import LanguageError
from threeno.model.enums import (
    SLOGAN_TITLE,
    AssessmentScope,
    Channel,
    Decision,
    Ethnicity,
    ExtensionKind,
    ReportSource,
    ReviewKind,
    Sex,
    SloganItem,
    SubjectCategory,
    SupportKind,
    SuspensionReason,
    Verdict,
)

if TYPE_CHECKING:
    from threeno.model._base import LabelledEnum

ALL_ENUMS: list[type[LabelledEnum]] = [
    Sex,
    Ethnicity,
    SubjectCategory,
    ReportSource,
    Decision,
    ExtensionKind,
    SuspensionReason,
    Verdict,
    SupportKind,
    Channel,
    SloganItem,
    ReviewKind,
    AssessmentScope,
]

#: The plan's text (the copy without the signer's name; its source: the README there).
PLAN_TEXT = (
    Path(__file__).resolve().parents[1] / "data" / "reference" / "ke-hoach-2024.excerpt.vi.txt"
)


class TestLabels:
    """Every enumeration: slugs unique, labels present, Vietnamese in NFC."""

    @pytest.mark.parametrize("enum_cls", ALL_ENUMS, ids=lambda c: c.__name__)
    def test_slugs_unique(self, enum_cls: type[LabelledEnum]) -> None:
        """No two members share a slug (an alias would make a slug ambiguous)."""
        slugs = [m.slug for m in enum_cls]
        assert len(set(slugs)) == len(slugs)
        assert len(enum_cls.__members__) == len(slugs)

    @pytest.mark.parametrize("enum_cls", ALL_ENUMS, ids=lambda c: c.__name__)
    def test_labels_present_and_nfc(self, enum_cls: type[LabelledEnum]) -> None:
        """Every member has non-empty vi and en labels, the vi one in NFC."""
        for member in enum_cls:
            assert member.label("vi").strip()
            assert member.label("en").strip()
            assert unicodedata.normalize("NFC", member.label("vi")) == member.label("vi")

    @pytest.mark.parametrize("enum_cls", ALL_ENUMS, ids=lambda c: c.__name__)
    def test_slug_round_trip(self, enum_cls: type[LabelledEnum]) -> None:
        """Each member is found again from its slug, and str() gives the slug."""
        for member in enum_cls:
            assert member is enum_cls.from_slug(member.slug)
            assert member.slug == str(member)


class TestDataDictionarySlugs:
    """The slugs of the data dictionary (docs/guides/data-exchange.md), in order: a contract."""

    def test_subject_categories(self) -> None:
        """The eleven subject categories of the data dictionary."""
        expected = (
            "emigrated_illegally",
            "lured_or_sold_abroad",
            "poor",
            "difficult_circumstances",
            "unemployed",
            "married_foreigner_unlawfully",
            "absent_suspected_trafficked",
            "being_identified",
            "returned_victim",
            "suspect",
            "offender",
        )
        assert expected == SubjectCategory.slugs()

    def test_crime_report_vocabularies(self) -> None:
        """Sources, decisions, extension kinds and suspension reasons of the data dictionary."""
        expected_sources = ("to_giac", "tin_bao", "kien_nghi_khoi_to", "tu_thu", "tu_phat_hien")
        assert expected_sources == ReportSource.slugs()
        expected_decisions = ("khoi_to", "khong_khoi_to", "tam_dinh_chi", "chuyen")
        assert expected_decisions == Decision.slugs()
        expected_kinds = ("complex", "procuracy")
        assert expected_kinds == ExtensionKind.slugs()
        expected_reasons = (
            "expert_examination",
            "valuation",
            "legal_assistance",
            "documents_pending",
            "force_majeure",
        )
        assert expected_reasons == SuspensionReason.slugs()
        expected_verdicts = ("convicted", "acquitted", "returned_for_investigation")
        assert expected_verdicts == Verdict.slugs()

    def test_activity_vocabularies(self) -> None:
        """Support kinds, channels, topics, review kinds and scopes of the data dictionary."""
        expected_support = (
            "essential_needs",
            "travel_costs",
            "medical",
            "psychological",
            "interpretation",
            "legal_support",
            "legal_aid",
            "schooling",
            "vocational_training",
            "vocational_counselling",
            "employment",
            "initial_hardship_allowance",
            "loan",
            "health_insurance",
            "reintegration",
        )
        assert expected_support == SupportKind.slugs()
        expected_channels = (
            "loudspeaker",
            "face_to_face",
            "pictures",
            "documentary",
            "television",
            "panel_poster",
            "social_media",
            "school",
            "workshop",
            "other",
        )
        assert expected_channels == Channel.slugs()
        expected_topics = ("khong_1", "khong_2", "khong_3", "co_1", "co_2", "co_3")
        assert expected_topics == SloganItem.slugs()
        expected_reviews = ("so_ket", "tong_ket")
        assert expected_reviews == ReviewKind.slugs()
        expected_scopes = ("khu_dan_cu", "xa_phuong")
        assert expected_scopes == AssessmentScope.slugs()
        expected_sexes = ("female", "male")
        assert expected_sexes == Sex.slugs()


class TestLabelLanguages:
    """Only Vietnamese and English labels exist."""

    def test_unknown_language(self) -> None:
        """Asking for French is an error, not a silent fallback."""
        with pytest.raises(LanguageError, match="'fr'"):
            Sex.FEMALE.label("fr")  # type: ignore[arg-type]


class TestEthnicity:
    """The 2008 list of Quyết định 1019/QĐ-TCTK, not the 1979 one."""

    def test_codes_01_to_54(self) -> None:
        """The 54 groups have the two-digit codes 01..54, in order, then foreign, unknown."""
        expected = (*(f"{n:02d}" for n in range(1, 55)), "foreign", "unknown")
        assert expected == Ethnicity.slugs()

    @pytest.mark.parametrize(
        ("code", "member", "vi"),
        [
            # The first thirteen rows of the 1019/QĐ-TCTK list as published (Phụ lục E of
            # QCVN 109 quotes it), the bracketed other names dropped: "Kinh (Việt)" etc.
            ("01", Ethnicity.KINH, "Kinh"),
            ("02", Ethnicity.TAY, "Tày"),
            ("03", Ethnicity.THAI, "Thái"),
            # 04 is Mường in 2008; in the 1979 list (Quyết định 121-TCTK/PPCĐ) 04 was Hoa.
            ("04", Ethnicity.MUONG, "Mường"),
            ("05", Ethnicity.KHO_ME, "Khơ me"),
            # 06 is Hoa in 2008; in 1979 it was Mường.
            ("06", Ethnicity.HOA, "Hoa"),
            ("07", Ethnicity.NUNG, "Nùng"),
            ("08", Ethnicity.HMONG, "H'mông"),
            ("09", Ethnicity.DAO, "Dao"),
            ("10", Ethnicity.GIA_RAI, "Gia-rai"),
            # 11 is Ê-đê in 2008; in 1979 it was Ngái.
            ("11", Ethnicity.E_DE, "Ê-đê"),
            ("12", Ethnicity.BA_NA, "Ba-na"),
            ("13", Ethnicity.SAN_CHAY, "Sán Chay"),
        ],
    )
    def test_first_rows_of_the_2008_list(self, code: str, member: Ethnicity, vi: str) -> None:
        """Code, member and Vietnamese name agree with the published 2008 list."""
        assert member is Ethnicity.from_slug(code)
        assert vi == member.label("vi")

    @pytest.mark.parametrize(
        ("code", "member"),
        [
            # Lai Châu's larger groups, placed by the 2008 list's order:
            # Thái 03, H'mông 08, Dao 09, Khơ mú 23, Giáy 26, Hà Nhì 33, La Hủ 39, Lự 42,
            # Mảng 46, Cống 49; Ngái is 43 in 2008 (11 in 1979).
            ("23", Ethnicity.KHO_MU),
            ("26", Ethnicity.GIAY),
            ("33", Ethnicity.HA_NHI),
            ("39", Ethnicity.LA_HU),
            ("42", Ethnicity.LU),
            ("43", Ethnicity.NGAI),
            ("46", Ethnicity.MANG),
            ("49", Ethnicity.CONG),
            ("54", Ethnicity.O_DU),
        ],
    )
    def test_lai_chau_groups(self, code: str, member: Ethnicity) -> None:
        """The groups of Lai Châu that outreach (plan I.2) disaggregates by have their codes."""
        assert member is Ethnicity.from_slug(code)

    def test_listed_and_minority(self) -> None:
        """54 listed groups, 53 minorities (all but Kinh); foreign and unknown are neither."""
        listed, minorities = 54, 53
        assert listed == sum(1 for m in Ethnicity if m.is_listed)
        assert minorities == sum(1 for m in Ethnicity if m.is_minority)
        assert not Ethnicity.KINH.is_minority
        assert Ethnicity.HMONG.is_minority
        assert not Ethnicity.FOREIGN.is_listed
        assert not Ethnicity.UNKNOWN.is_minority


class TestSubjectCategory:
    """Who is an outreach target."""

    def test_outreach_targets(self) -> None:
        """Suspects and offenders are the only non-targets (plan clauses II.2.b, III.1.b)."""
        non_targets = {c for c in SubjectCategory if not c.is_outreach_target}
        assert {SubjectCategory.SUSPECT, SubjectCategory.OFFENDER} == non_targets


class TestDecision:
    """Art. 147(1) decisions, and which are final."""

    def test_exact_vietnamese_labels(self) -> None:
        """The three decisions of Art. 147(1) in the law's words."""
        expected = ("Khởi tố vụ án", "Không khởi tố vụ án", "Tạm đình chỉ việc giải quyết")
        actual = tuple(
            d.label("vi") for d in (Decision.KHOI_TO, Decision.KHONG_KHOI_TO, Decision.TAM_DINH_CHI)
        )
        assert expected == actual

    def test_is_final(self) -> None:
        """A suspension is the only decision that does not end the handling."""
        assert {Decision.KHOI_TO, Decision.KHONG_KHOI_TO, Decision.CHUYEN} == {
            d for d in Decision if d.is_final
        }


# The six items as plan II.2.b prints them (copied from ke-hoach-2024.vi.txt).
SLOGAN_VI = {
    SloganItem.KHONG_1: "Không kết hôn với người nước ngoài trái pháp luật",
    SloganItem.KHONG_2: "Không xuất cảnh trái phép",
    SloganItem.KHONG_3: "Không trở thành nạn nhân của bọn tội phạm buôn bán người",
    SloganItem.CO_1: (
        "Có kiến thức về văn hóa, pháp luật để nhận diện hoạt động lừa đảo của các đối tượng"
        " (Nâng cao trình độ học vấn, nhận thức rõ về Luật hôn nhân, gia đình;"
        " Luật xuất - nhập cảnh)"
    ),
    SloganItem.CO_2: (
        "Có kỹ năng bảo vệ bản thân và gia đình; có ý thức phát hiện, tố giác tội phạm"
    ),
    SloganItem.CO_3: "Có niềm tin đối với Đảng, Nhà nước và chính quyền địa phương",
}


class TestSloganItem:
    """The slogan's six items, word for word."""

    @pytest.mark.parametrize("item", list(SloganItem), ids=str)
    def test_vietnamese_text(self, item: SloganItem) -> None:
        """The full Vietnamese text equals the plan's, in NFC."""
        assert unicodedata.normalize("NFC", SLOGAN_VI[item]) == item.text("vi")

    @pytest.mark.parametrize("item", list(SloganItem), ids=str)
    def test_text_is_in_the_plan(self, item: SloganItem) -> None:
        """Each text occurs verbatim in the plan's source text."""
        source = unicodedata.normalize("NFC", PLAN_TEXT.read_text(encoding="utf-8"))
        assert item.text("vi") in source

    def test_english_text(self) -> None:
        """The English is the project's translation of the plan's words."""
        expected_khong_2 = "Not emigrating illegally"
        assert expected_khong_2 == SloganItem.KHONG_2.text("en")
        expected_co_3 = "Trust in the Party, the State and the local government"
        assert expected_co_3 == SloganItem.CO_3.text("en")

    def test_title_and_kinds(self) -> None:
        """The title is the plan's, and the first three items are the no's."""
        expected_title = "03 không, 03 có"
        assert expected_title == SLOGAN_TITLE
        expected_khong = [True, True, True, False, False, False]
        assert expected_khong == [i.is_khong for i in SloganItem]

    def test_unknown_language(self) -> None:
        """Only vi and en texts exist."""
        with pytest.raises(LanguageError, match="'hmn'"):
            SloganItem.CO_1.text("hmn")  # type: ignore[arg-type]
