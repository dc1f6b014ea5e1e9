"""The closed vocabularies of the data dictionary, with Vietnamese and English labels.

Every enumeration here is a :class:`~threeno.model._base.LabelledEnum`: a member's
``value`` is the slug that the data dictionary (interchange format v1,
docs/guides/data-exchange.md) writes, and ``label("vi")`` / ``label("en")`` give the
words a person reads. The slugs
are a contract with every tool that exchanges records: extend, never rename.

Vietnamese labels are taken from the plan (its text is in the tests' reference data,
``tests/data/reference/ke-hoach-2024.excerpt.vi.txt``) or from the legal text each
enumeration cites, in NFC.
"""

from __future__ import annotations

import unicodedata
from typing import Final

from threeno.lang import Lang, check_lang
from threeno.model._base import LabelledEnum

__all__ = [
    "SLOGAN_TITLE",
    "AssessmentScope",
    "Channel",
    "Decision",
    "Ethnicity",
    "ExtensionKind",
    "ReportSource",
    "ReviewKind",
    "Sex",
    "SloganItem",
    "SubjectCategory",
    "SupportKind",
    "SuspensionReason",
    "Verdict",
]


class Sex(LabelledEnum):
    """A person's sex, as recorded in the register of monitored subjects.

    Plan clauses: I.1, III.1.b (women, and women and children, under management).

    .. versionadded:: 0.1.0
    """

    FEMALE = ("female", "Nữ", "Female")
    MALE = ("male", "Nam", "Male")


class Ethnicity(LabelledEnum):
    """Vietnam's 54 ethnic groups, coded by the General Statistics Office's list.

    The value is the two-digit code of the "Danh mục các dân tộc Việt Nam" issued with
    Quyết định 1019/QĐ-TCTK of 12 November 2008 (01 Kinh, 02 Tày, 03 Thái, 04 Mường,
    05 Khơ me, 06 Hoa, ...), the list the General Statistics Office has used since the
    2009 census.
    It is NOT the older list of Quyết định 121-TCTK/PPCĐ of 2 March 1979, still copied on
    many pages and in some code systems, which orders the groups differently (04 Hoa,
    05 Khơ-me, 06 Mường, 11 Ngái, ...): a code read with the wrong list names the wrong
    people, so records must say which list they use, and threeno uses the 2008 one.

    The Vietnamese label is the group's name in the list, without the other names the
    list adds in brackets (``Kinh (Việt)``, ``Hoa (Hán)``, ``H'mông (Mèo)``,
    ``Sán Chay (Cao Lan-Sán Chỉ)``). Codes and order were checked against several
    published copies of the list; the names of 01 to 13 are spelled as the published
    list spells them, while the exact spelling (hyphens, capitals) of 14 to 54 could not
    be checked against the decision's own text. Two values outside the list record what
    a register also meets: ``foreign`` (a foreign national) and ``unknown`` (not
    recorded).

    Plan clauses: I.2 (awareness-raising where many ethnic-minority people live, so
    ethnicity is a disaggregation), I.4.

    .. versionadded:: 0.1.0
    """

    KINH = ("01", "Kinh", "Kinh")
    TAY = ("02", "Tày", "Tay")
    THAI = ("03", "Thái", "Thai")
    MUONG = ("04", "Mường", "Muong")
    KHO_ME = ("05", "Khơ me", "Khmer")
    HOA = ("06", "Hoa", "Hoa (ethnic Chinese)")
    NUNG = ("07", "Nùng", "Nung")
    HMONG = ("08", "H'mông", "Hmong")
    DAO = ("09", "Dao", "Dao")
    GIA_RAI = ("10", "Gia-rai", "Jarai")
    E_DE = ("11", "Ê-đê", "Ede")
    BA_NA = ("12", "Ba-na", "Bahnar")
    SAN_CHAY = ("13", "Sán Chay", "San Chay")
    CHAM = ("14", "Chăm", "Cham")
    CO_HO = ("15", "Cơ-ho", "Koho")
    XO_DANG = ("16", "Xơ-đăng", "Sedang")
    SAN_DIU = ("17", "Sán Dìu", "San Diu")
    HRE = ("18", "Hrê", "Hre")
    RA_GLAI = ("19", "Ra-glai", "Raglai")
    MNONG = ("20", "Mnông", "Mnong")
    THO = ("21", "Thổ", "Tho")
    XTIENG = ("22", "Xtiêng", "Stieng")
    KHO_MU = ("23", "Khơ mú", "Khmu")
    BRU_VAN_KIEU = ("24", "Bru Vân Kiều", "Bru-Van Kieu")
    CO_TU = ("25", "Cơ-tu", "Katu")
    GIAY = ("26", "Giáy", "Giay")
    TA_OI = ("27", "Tà-ôi", "Ta Oi")
    MA = ("28", "Mạ", "Ma")
    GIE_TRIENG = ("29", "Giẻ-Triêng", "Gie Trieng")
    CO = ("30", "Co", "Co")
    CHO_RO = ("31", "Chơ-ro", "Cho Ro")
    XINH_MUN = ("32", "Xinh-mun", "Xinh Mun")
    HA_NHI = ("33", "Hà Nhì", "Ha Nhi")
    CHU_RU = ("34", "Chu-ru", "Chu Ru")
    LAO = ("35", "Lào", "Lao")
    LA_CHI = ("36", "La Chí", "La Chi")
    KHANG = ("37", "Kháng", "Khang")
    PHU_LA = ("38", "Phù Lá", "Phu La")
    LA_HU = ("39", "La Hủ", "Lahu")
    LA_HA = ("40", "La Ha", "La Ha")
    PA_THEN = ("41", "Pà Thẻn", "Pa Then")
    LU = ("42", "Lự", "Lu")
    NGAI = ("43", "Ngái", "Ngai")
    CHUT = ("44", "Chứt", "Chut")
    LO_LO = ("45", "Lô Lô", "Lo Lo")
    MANG = ("46", "Mảng", "Mang")
    CO_LAO = ("47", "Cơ lao", "Co Lao")
    BO_Y = ("48", "Bố Y", "Bo Y")
    CONG = ("49", "Cống", "Cong")
    SI_LA = ("50", "Si La", "Si La")
    PU_PEO = ("51", "Pu Péo", "Pu Peo")
    RO_MAM = ("52", "Rơ-măm", "Ro Mam")
    BRAU = ("53", "Brâu", "Brau")
    O_DU = ("54", "Ơ-đu", "O Du")
    FOREIGN = ("foreign", "Người nước ngoài", "Foreign national")
    UNKNOWN = ("unknown", "Không rõ", "Unknown")

    @property
    def is_listed(self) -> bool:
        """Whether this is one of the 54 groups of the list (not ``foreign`` or ``unknown``)."""
        return self.slug.isdigit()

    @property
    def is_minority(self) -> bool:
        """Whether this is one of the 53 ethnic minorities (every listed group but Kinh).

        Nghị định 05/2011/NĐ-CP, Art. 4(2): an ethnic minority is a group smaller than
        the majority group, the Kinh.
        """
        return self.is_listed and self is not Ethnicity.KINH


class SubjectCategory(LabelledEnum):
    """Why a person is on the register of monitored subjects ("đối tượng").

    A subject may be in several categories at once, each for a span of dates. The
    Vietnamese labels use the plan's own words: I.1 (women who emigrated illegally;
    women lured, enticed or sold abroad; poor women; women in difficult circumstances),
    III.1.b (offenders and suspects, victims, women deceived into marrying foreigners,
    women and children absent from home suspected of being trafficked), III.4.a
    (victims who return), III.4.c (women without work). ``being_identified`` is the
    protected status of Luật Phòng, chống mua bán người 2024, Art. 34 ("người đang trong
    quá trình xác định là nạn nhân").

    Plan clauses: I.1, II.2.b, II.3.a, II.3.b, III.1.b, III.4.c.

    .. versionadded:: 0.1.0
    """

    EMIGRATED_ILLEGALLY = (
        "emigrated_illegally",
        "Phụ nữ xuất cảnh trái phép ra nước ngoài",
        "Woman who emigrated illegally",
    )
    LURED_OR_SOLD_ABROAD = (
        "lured_or_sold_abroad",
        "Phụ nữ bị dụ dỗ, lôi kéo, bán qua nước ngoài",
        "Woman lured, enticed or sold abroad",
    )
    POOR = ("poor", "Phụ nữ nghèo", "Poor woman")
    DIFFICULT_CIRCUMSTANCES = (
        "difficult_circumstances",
        "Phụ nữ có hoàn cảnh khó khăn",
        "Woman in difficult circumstances",
    )
    UNEMPLOYED = ("unemployed", "Phụ nữ không có việc làm", "Woman without work")
    MARRIED_FOREIGNER_UNLAWFULLY = (
        "married_foreigner_unlawfully",
        "Phụ nữ bị lừa lấy chồng nước ngoài",
        "Woman deceived into marrying a foreigner",
    )
    ABSENT_SUSPECTED_TRAFFICKED = (
        "absent_suspected_trafficked",
        "Vắng nhà đi khỏi địa phương nghi bị buôn bán",
        "Absent from home, suspected of being trafficked",
    )
    BEING_IDENTIFIED = (
        "being_identified",
        "Người đang trong quá trình xác định là nạn nhân",
        "Being identified as a victim",
    )
    RETURNED_VICTIM = (
        "returned_victim",
        "Nạn nhân bị mua bán trở về",
        "Victim of trafficking who has returned",
    )
    SUSPECT = ("suspect", "Người nghi phạm tội mua bán người", "Suspected of trafficking")
    OFFENDER = ("offender", "Đối tượng phạm tội mua bán người", "Trafficking offender")

    @property
    def is_outreach_target(self) -> bool:
        """Whether awareness-raising aims at people in this category.

        Every category is a target of the outreach of plan clause II.2.b except the
        suspects and offenders watched under III.1.b (the data dictionary).
        """
        return self not in {SubjectCategory.SUSPECT, SubjectCategory.OFFENDER}


class ReportSource(LabelledEnum):
    """Where information about a crime came from.

    Bộ luật Tố tụng hình sự 2015, Art. 144: a denunciation (tố giác) is an individual's;
    a crime report (tin báo) comes from an agency, an organisation, a person or the mass
    media; a recommendation to prosecute (kiến nghị khởi tố) is a state body's, in
    writing, with evidence. Art. 143(5) and (6) add two further grounds for opening a
    case: the competent authority detecting signs of a crime itself, and the offender's
    confession (tự thú).

    Plan clauses: I.3, II.4.b.

    .. versionadded:: 0.1.0
    """

    TO_GIAC = ("to_giac", "Tố giác về tội phạm", "Denunciation")
    TIN_BAO = ("tin_bao", "Tin báo về tội phạm", "Crime report from an agency or the media")
    KIEN_NGHI_KHOI_TO = ("kien_nghi_khoi_to", "Kiến nghị khởi tố", "Recommendation to prosecute")
    TU_THU = ("tu_thu", "Người phạm tội tự thú", "Offender's confession")
    TU_PHAT_HIEN = (
        "tu_phat_hien",
        "Cơ quan có thẩm quyền tiến hành tố tụng trực tiếp phát hiện dấu hiệu tội phạm",
        "Detected by the competent authority itself",
    )


class Decision(LabelledEnum):
    """The decision that settles (or suspends) a crime report.

    Bộ luật Tố tụng hình sự 2015, Art. 147(1): within the time limit the authority
    decides to open a case (khởi tố vụ án), not to open one (không khởi tố vụ án), or to
    suspend the handling (tạm đình chỉ việc giải quyết, on the grounds of Art. 148).
    Art. 146(2): a report outside the receiving authority's competence is transferred
    (chuyển) to the competent investigation agency. Every decision but a suspension is
    final for the receiving authority.

    Plan clauses: I.3, II.4.b.

    .. versionadded:: 0.1.0
    """

    KHOI_TO = ("khoi_to", "Khởi tố vụ án", "Open a criminal case")
    KHONG_KHOI_TO = ("khong_khoi_to", "Không khởi tố vụ án", "Decide not to open a case")
    TAM_DINH_CHI = ("tam_dinh_chi", "Tạm đình chỉ việc giải quyết", "Suspend the handling")
    CHUYEN = (
        "chuyen",
        "Chuyển cơ quan có thẩm quyền giải quyết",
        "Transfer to the competent authority",
    )

    @property
    def is_final(self) -> bool:
        """Whether the decision ends the handling (every decision except a suspension)."""
        return self is not Decision.TAM_DINH_CHI


class ExtensionKind(LabelledEnum):
    """How the 20-day limit for handling a crime report was extended.

    Bộ luật Tố tụng hình sự 2015, Art. 147(2): for a matter with many complex details,
    or checks in several places, the limit may run to 2 months (``complex``); if the
    checks still cannot end, the head of the procuracy may extend it once, by up to
    2 more months (``procuracy``).

    Plan clauses: I.3.

    .. versionadded:: 0.1.0
    """

    COMPLEX = (
        "complex",
        "Kéo dài thời hạn do vụ việc phức tạp",
        "Extended: complex matter (up to 2 months)",
    )
    PROCURACY = (
        "procuracy",
        "Viện kiểm sát gia hạn",
        "Extended by the procuracy (up to 2 more months)",
    )


class SuspensionReason(LabelledEnum):
    """Why the handling of a crime report was suspended.

    Bộ luật Tố tụng hình sự 2015, Art. 148(1): (a) an expert examination, an asset
    valuation or foreign legal assistance was requested and has no result yet; (b)
    documents or objects decisive for the decision were requested and have not
    arrived; (c) since Luật 02/2021/QH15, force majeure from natural disaster or
    epidemic.

    Plan clauses: I.3.

    .. versionadded:: 0.1.0
    """

    EXPERT_EXAMINATION = (
        "expert_examination",
        "Đã trưng cầu giám định nhưng chưa có kết quả",
        "Expert examination pending",
    )
    VALUATION = (
        "valuation",
        "Đã yêu cầu định giá tài sản nhưng chưa có kết quả",
        "Asset valuation pending",
    )
    LEGAL_ASSISTANCE = (
        "legal_assistance",
        "Đã yêu cầu nước ngoài tương trợ tư pháp nhưng chưa có kết quả",
        "Foreign legal assistance pending",
    )
    DOCUMENTS_PENDING = (
        "documents_pending",
        "Đã yêu cầu cung cấp tài liệu, đồ vật nhưng chưa có kết quả",
        "Requested documents or objects pending",
    )
    FORCE_MAJEURE = (
        "force_majeure",
        "Bất khả kháng do thiên tai, dịch bệnh",
        "Force majeure: natural disaster or epidemic",
    )


class Verdict(LabelledEnum):
    """The outcome of a first-instance trial.

    Plan clauses: I.3 (trials lawful: the right person, the right offence), II.4.b.

    .. versionadded:: 0.1.0
    """

    CONVICTED = ("convicted", "Tuyên bị cáo có tội", "Convicted")
    ACQUITTED = ("acquitted", "Tuyên bị cáo không có tội", "Acquitted")
    RETURNED_FOR_INVESTIGATION = (
        "returned_for_investigation",
        "Trả hồ sơ để điều tra bổ sung",
        "Returned for further investigation",
    )


class SupportKind(LabelledEnum):
    """A kind of support given to a victim, or to a woman in difficulty.

    The kinds are the union of the support regimes of Luật Phòng, chống mua bán người
    2011 (66/2011/QH12, Art. 32) and 2024 (53/2024/QH15, Art. 37, letters (a) to (k),
    plus the first year's health-insurance contribution), and of the plan's own words
    (II.3.b: psychological help, medical care, vocational counselling and training,
    loans, reintegration; III.2.b: jobs). Which kinds a law grants to whom, on which
    date, is a rule (``threeno.rules``), not a property of the kind.

    Plan clauses: II.3.b, III.2.b, III.2.c, III.4.a, III.5.b.

    .. versionadded:: 0.1.0
    """

    ESSENTIAL_NEEDS = ("essential_needs", "Hỗ trợ nhu cầu thiết yếu", "Essential needs")
    TRAVEL_COSTS = ("travel_costs", "Hỗ trợ chi phí đi lại", "Travel costs")
    MEDICAL = ("medical", "Hỗ trợ y tế", "Medical care")
    PSYCHOLOGICAL = ("psychological", "Hỗ trợ tâm lý", "Psychological support")
    INTERPRETATION = ("interpretation", "Hỗ trợ phiên dịch", "Interpretation")
    LEGAL_SUPPORT = ("legal_support", "Hỗ trợ pháp lý", "Legal support")
    LEGAL_AID = ("legal_aid", "Trợ giúp pháp lý", "Legal aid")
    SCHOOLING = ("schooling", "Hỗ trợ học văn hóa", "Schooling")
    VOCATIONAL_TRAINING = ("vocational_training", "Hỗ trợ học nghề", "Vocational training")
    VOCATIONAL_COUNSELLING = (
        "vocational_counselling",
        "Tư vấn hướng nghiệp",
        "Vocational counselling",
    )
    EMPLOYMENT = ("employment", "Hỗ trợ việc làm", "Employment")
    INITIAL_HARDSHIP_ALLOWANCE = (
        "initial_hardship_allowance",
        "Trợ cấp khó khăn ban đầu",
        "Initial hardship allowance",
    )
    LOAN = ("loan", "Hỗ trợ vay vốn", "Loan")
    HEALTH_INSURANCE = (
        "health_insurance",
        "Hỗ trợ đóng bảo hiểm y tế",
        "Health-insurance contribution",
    )
    REINTEGRATION = ("reintegration", "Hỗ trợ hòa nhập cộng đồng", "Reintegration support")


class Channel(LabelledEnum):
    """The means by which an awareness-raising event reached people.

    Plan clause II.2.b lists the means "that fit each place": wireless loudspeakers,
    face-to-face sessions, pictures, reports (phóng sự), television, panels, posters;
    I.2 adds social media, III.1.c the city's schools, III.2.c training courses,
    workshops and talks. The Vietnamese labels use those words.

    Plan clauses: I.2, II.2.b, III.1.c, III.2.a, III.2.c.

    .. versionadded:: 0.1.0
    """

    LOUDSPEAKER = ("loudspeaker", "Hệ thống loa không dây", "Wireless loudspeakers")
    FACE_TO_FACE = ("face_to_face", "Tuyên truyền trực tiếp", "Face-to-face session")
    PICTURES = ("pictures", "Hình ảnh", "Pictures")
    DOCUMENTARY = ("documentary", "Phóng sự", "Documentary report")
    TELEVISION = ("television", "Truyền hình", "Television")
    PANEL_POSTER = ("panel_poster", "Pano, áp phích", "Panels and posters")
    SOCIAL_MEDIA = ("social_media", "Mạng xã hội", "Social media")
    SCHOOL = ("school", "Trường học", "School")
    WORKSHOP = ("workshop", "Tập huấn, hội thảo, tọa đàm", "Training course, workshop or talk")
    OTHER = ("other", "Hình thức khác", "Other means")


#: The model's name as the plan writes it (plan title and II.2.b).
SLOGAN_TITLE: Final = unicodedata.normalize("NFC", "03 không, 03 có")


class SloganItem(LabelledEnum):
    """One of the six items of the slogan "03 không, 03 có" (three no's, three yes's).

    The label is short (``"03 không (1)"``); :meth:`text` gives the item's full wording,
    in Vietnamese exactly as plan clause II.2.b quotes it (NFC), or in the English of the
    plan digest. Outreach events record which items they covered.

    Plan clauses: II.2.b.

    .. versionadded:: 0.1.0
    """

    KHONG_1 = ("khong_1", "03 không (1)", "Three no's (1)")
    KHONG_2 = ("khong_2", "03 không (2)", "Three no's (2)")
    KHONG_3 = ("khong_3", "03 không (3)", "Three no's (3)")
    CO_1 = ("co_1", "03 có (1)", "Three yes's (1)")
    CO_2 = ("co_2", "03 có (2)", "Three yes's (2)")
    CO_3 = ("co_3", "03 có (3)", "Three yes's (3)")

    def text(self, lang: Lang = "vi") -> str:
        """The item's full text in Vietnamese (``"vi"``, the default) or English (``"en"``).

        Raises:
            LanguageError: (a ``ValueError``) for a language other than ``"vi"`` or ``"en"``.
        """
        vi, en = _SLOGAN_TEXT[self.slug]
        return vi if check_lang(lang) == "vi" else en

    @property
    def is_khong(self) -> bool:
        """Whether the item is one of the three no's (``khong_*``)."""
        return self.slug.startswith("khong_")


# The plan's II.2.b, character for character (then NFC); the English is a translation.
_CO_1_VI: Final = (
    "Có kiến thức về văn hóa, pháp luật để nhận diện hoạt động lừa đảo của các đối tượng"
    " (Nâng cao trình độ học vấn, nhận thức rõ về Luật hôn nhân, gia đình;"
    " Luật xuất - nhập cảnh)"
)
_CO_1_EN: Final = (
    "Knowledge of culture and law to recognise traffickers' scams (higher schooling;"
    " a clear grasp of the Law on Marriage and Family and the Law on Exit and Entry)"
)
_SLOGAN_TEXT: Final[dict[str, tuple[str, str]]] = {
    slug: (unicodedata.normalize("NFC", vi), en)
    for slug, vi, en in (
        (
            "khong_1",
            "Không kết hôn với người nước ngoài trái pháp luật",
            "Not marrying a foreigner unlawfully",
        ),
        ("khong_2", "Không xuất cảnh trái phép", "Not emigrating illegally"),
        (
            "khong_3",
            "Không trở thành nạn nhân của bọn tội phạm buôn bán người",
            "Not becoming a victim of human traffickers",
        ),
        ("co_1", _CO_1_VI, _CO_1_EN),
        (
            "co_2",
            "Có kỹ năng bảo vệ bản thân và gia đình; có ý thức phát hiện, tố giác tội phạm",
            "Skills to protect oneself and one's family; awareness to detect and denounce crime",
        ),
        (
            "co_3",
            "Có niềm tin đối với Đảng, Nhà nước và chính quyền địa phương",
            "Trust in the Party, the State and the local government",
        ),
    )
}


class ReviewKind(LabelledEnum):
    """A review of the model held by a commune or ward.

    Plan clause IV.1: the commune and ward People's Committees keep the model effective
    and hold preliminary and final reviews (sơ kết, tổng kết) on time.

    Plan clauses: I.5, IV.1.

    .. versionadded:: 0.1.0
    """

    SO_KET = ("so_ket", "Sơ kết", "Preliminary review")
    TONG_KET = ("tong_ket", "Tổng kết", "Final review")


class AssessmentScope(LabelledEnum):
    """What a security-and-order safety assessment covered.

    Thông tư 124/2021/TT-BCA (28 December 2021, in force 10 February 2022) sets the
    standard for residential areas (khu dân cư) and for communes, wards and townships
    (xã, phường, thị trấn), among others; plan clause II.1.b asks people to build both.

    Plan clauses: II.1.b.

    .. versionadded:: 0.1.0
    """

    KHU_DAN_CU = ("khu_dan_cu", "Khu dân cư", "Residential area")
    XA_PHUONG = ("xa_phuong", "Xã, phường, thị trấn", "Commune, ward or township")
