"""``threeno.plans.summary`` (``threeno plan show``): all of it in the language asked.

Expected lines are read off the plan files: the 2024 plan has 7 units (each until
30 June 2025), 8 agencies, 18 indicators named by its clauses, 11 targets and a local
default of 5 days for reports; the template, with its commented examples made live, has
2 listed indicators, a local day off on 21/03/2025 and a working day on 29/03/2025.
"""

from __future__ import annotations

import datetime as dt
import re
from importlib.resources import files
from typing import TYPE_CHECKING, Final

import attrs
import pytest

from threeno import cli
from threeno.errors import LanguageError
from threeno.io.plans import parse_plan
from threeno.plans import load_plan, summary

if TYPE_CHECKING:
    from threeno.model.plan import Plan

LAI_CHAU = load_plan("lai-chau-2024")
WARDS_2026 = load_plan("doan-ket-tan-phong-2026")

TEMPLATE_TEXT = files("threeno.plans").joinpath("template.toml").read_text(encoding="utf-8")
_COMMENTED_KEY = re.compile(r"^# ((?:\[\[?calendar|indicators|note|date|name_vi|name_en)\b.*)$")


def full_template() -> Plan:
    """The template with every optional part.

    Listed indicators, local days, an issue date, and a deadline the plan sets itself.
    """
    lines = [
        match[1] if (match := _COMMENTED_KEY.match(line)) else line
        for line in TEMPLATE_TEXT.splitlines()
    ]
    plan = parse_plan("\n".join(lines) + "\n")
    rules = attrs.evolve(plan.reporting, days_allowed_set_by_plan=True, days_allowed_note="")
    return attrs.evolve(plan, issued_on=dt.date(2025, 1, 15), reporting=rules)


TEMPLATE = full_template()
PLANS: Final = (LAI_CHAU, WARDS_2026, TEMPLATE)

#: English words and phrases the Vietnamese summary used to print, and others a summary
#: would print if a label were left in English.
ENGLISH: Final = (
    "issued by",
    "issued on",
    "number",
    "units",
    "agencies",
    "leads",
    "takes part",
    "duties",
    "targets",
    "indicators",
    "reporting",
    "due",
    "days after",
    "period",
    "local default",
    "set by the plan",
    "through",
    "from",
    "until",
    "to",
    "none",
    "note",
    "ward",
    "commune",
    "district level",
    "commune level",
    "steering committee",
    "standing body",
    "member",
    "at least",
    "equal to",
    "report",
    "six-monthly",
    "yearly",
    "ad hoc",
    "cut-off",
    "calendar",
    "day off",
    "working day",
    "make-up",
    "readings",
    "receipt",
    "crosswalk",
    "yes",
    "no",
    "the",
    "of",
    "and",
    "plan",
)

#: Vietnamese labels an English summary must not print.
VIETNAMESE: Final = (
    "Số:",
    "Cơ quan ban hành",
    "Ngày ban hành",
    "Đơn vị hành chính",
    "Chủ trì",
    "Phối hợp",
    "Chỉ tiêu",
    "Chỉ số",
    "Chế độ báo cáo",
    "Hạn gửi báo cáo",
    "mặc định địa phương",
    "Kế hoạch quy định",
    "đến hết ngày",
    "từ ngày",
    "cấp huyện",
    "cấp xã",
    "báo cáo 06 tháng",
    "không thấp hơn",
    "Ngày nghỉ",
    "Ngày làm việc",
    "Cách tính",
    "Tính ngày tiếp nhận",
)


def english_left(text: str) -> list[str]:
    """The words of :data:`ENGLISH` found in ``text``, as whole words, any case."""
    return [w for w in ENGLISH if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text, re.IGNORECASE)]


class TestNoOtherLanguage:
    """Every summary is in one language (the plan's own names aside)."""

    @pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.id)
    def test_no_english_in_vietnamese(self, plan: Plan) -> None:
        """None of the English words is left in the Vietnamese summary."""
        assert english_left(summary(plan, "vi")) == []

    def test_the_word_list_finds_english(self) -> None:
        """The check itself: the English summary has many of those words."""
        found = english_left(summary(LAI_CHAU, "en"))
        assert {"issued by", "units", "leads", "due", "days after"} <= set(found)

    @pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.id)
    def test_no_vietnamese_labels_in_english(self, plan: Plan) -> None:
        """None of the Vietnamese labels is in the English summary."""
        text = summary(plan, "en")
        assert [w for w in VIETNAMESE if w in text] == []

    def test_unknown_language(self) -> None:
        """Only vi and en: anything else is a LanguageError naming both."""
        with pytest.raises(LanguageError, match="unknown language 'fr'"):
            summary(LAI_CHAU, lang="fr")  # type: ignore[arg-type]


class TestVietnamese:
    """The 2024 plan in Vietnamese, line by line where it matters."""

    TEXT = summary(LAI_CHAU, "vi")

    def test_header(self) -> None:
        """Number, year and issuing body; the whole title on the first line."""
        lines = self.TEXT.splitlines()
        assert lines[0] == f"lai-chau-2024: {LAI_CHAU.title_vi}"
        assert lines[1] == (
            "  Số: /KH-BCĐ; năm 2024; Cơ quan ban hành: Ban Chỉ đạo duy trì hoạt động mô "
            "hình “03 không, 03 có”"
        )

    def test_units(self) -> None:
        """Full names; the last day in force as dd/mm/yyyy."""
        assert "Đơn vị hành chính (7):" in self.TEXT
        assert "  03403  Xã Sùng Phài  đến hết ngày 30/06/2025" in self.TEXT

    def test_agencies_by_name_and_role(self) -> None:
        """Names, levels and roles; no slug."""
        assert "Cơ quan, đơn vị (8):" in self.TEXT
        assert (
            "  Công an thành phố (cấp huyện; Cơ quan Thường trực Ban Chỉ đạo; "
            "Thành viên Ban Chỉ đạo)"
        ) in self.TEXT
        assert "cong-an-tp" not in self.TEXT

    def test_duties(self) -> None:
        """Chủ trì (leads) and Phối hợp (takes part) per agency.

        From the file: the City Women's Union leads III.2.a-III.2.d and takes part in
        III.4.c; the commune and ward People's Committees take part in III.1.c and IV.1.
        """
        assert (
            "  Hội Liên hiệp Phụ nữ thành phố: Chủ trì III.2.a, III.2.b, III.2.c, III.2.d; "
            "Phối hợp III.4.c"
        ) in self.TEXT
        assert "  UBND các xã, phường: Phối hợp III.1.c, IV.1" in self.TEXT

    def test_indicators_with_their_clauses(self) -> None:
        """18 indicators by their Vietnamese names, each with the clauses listing it."""
        assert "Chỉ số của báo cáo (18; theo các điều khoản và chỉ tiêu của Kế hoạch):" in (
            self.TEXT
        )
        assert (
            "  Tỷ lệ tố giác, tin báo về tội phạm, kiến nghị khởi tố được phân loại (I.3, II.4.b)"
        ) in self.TEXT

    def test_targets(self) -> None:
        """Shares as percentages, counts as numbers, comparators in words."""
        assert "Chỉ tiêu (11):" in self.TEXT
        assert "  Số vụ oan sai: bằng 0 (I.3)" in self.TEXT
        assert "  Tỷ lệ xã, phường duy trì hiệu quả mô hình: bằng 100% (I.5)" in self.TEXT

    def test_reporting(self) -> None:
        """Report kinds by label, bodies by name, the deadline and who sets it."""
        assert (
            "Chế độ báo cáo (IV.2): báo cáo 06 tháng, báo cáo 01 năm, báo cáo đột xuất; "
            "kỳ báo cáo: chốt số liệu từ ngày 15 đến ngày 14"
        ) in self.TEXT
        assert (
            "  Gửi về: Ban Chỉ đạo duy trì hoạt động mô hình “03 không, 03 có” "
            "(qua Công an thành phố)"
        ) in self.TEXT
        assert (
            "  Hạn gửi báo cáo: 5 ngày sau ngày cuối kỳ "
            "(mặc định địa phương, Kế hoạch không quy định)"
        ) in self.TEXT

    def test_calendar_and_readings(self) -> None:
        """No local day; both readings "không", with the plan file's Vietnamese notes."""
        assert (
            "Ngày nghỉ, ngày làm việc riêng của địa phương: không có; "
            "áp dụng lịch nghỉ chung của Nhà nước"
        ) in self.TEXT
        assert "  Tính ngày tiếp nhận là ngày thứ nhất của thời hạn giải quyết: không" in (
            self.TEXT
        )
        assert f"    {LAI_CHAU.evaluation.count_receipt_day_note_vi}" in self.TEXT
        assert "  Tính số liệu của đơn vị hành chính cũ vào đơn vị mới sau sắp xếp: không" in (
            self.TEXT
        )


class TestEveryPart:
    """The template with every optional part, in both languages."""

    def test_vietnamese(self) -> None:
        """Issue date, listed indicators, a deadline the plan sets, the local days."""
        text = summary(TEMPLATE, "vi")
        assert "  Ngày ban hành: 15/01/2025" in text
        assert "Chỉ số của báo cáo (2; theo danh mục của Kế hoạch):" in text
        assert "  Hạn gửi báo cáo: 5 ngày sau ngày cuối kỳ (Kế hoạch quy định)" in text
        assert (
            "Ngày nghỉ, ngày làm việc riêng của địa phương "
            "(Quyết định số .../QĐ-UBND ngày ... của UBND xã Mẫu):"
        ) in text
        assert "  Ngày nghỉ 21/03/2025: Nghỉ lễ hội truyền thống xã Mẫu" in text
        assert "  Ngày làm việc 29/03/2025: Làm bù ngày 21/03/2025" in text

    def test_english(self) -> None:
        """The same in English, with the English names of the local days."""
        text = summary(TEMPLATE, "en")
        assert "  Issued on: 15/01/2025" in text
        assert "Indicators of the report (2; as the plan lists them):" in text
        assert "  Reports due 5 days after a period's last day (set by the plan)" in text
        assert "  Day off 21/03/2025: Mẫu commune's traditional festival" in text
        assert "  Working day 29/03/2025: Make-up working day for 21/03/2025" in text


class TestEnglish:
    """The 2024 plan in English."""

    TEXT = summary(LAI_CHAU, "en")

    def test_lines(self) -> None:
        """Units, agencies, duties, targets and the deadline, in English."""
        assert "Administrative units (7):" in self.TEXT
        assert "  03388  Quyết Tiến (Ward)  until 30/06/2025" in self.TEXT
        assert "Agencies (8):" in self.TEXT
        assert "  City Police: Leads III.1.a, III.1.b, III.1.c, III.1.d, IV.2" in self.TEXT
        assert (
            "  People's Committees of the communes and wards: Takes part in III.1.c, IV.1"
        ) in self.TEXT
        assert "Targets (11):" in self.TEXT
        assert "  Share of crime reports resolved: at least 100% (I.3)" in self.TEXT
        assert (
            "  Reports due 5 days after a period's last day (a local default, not set by the plan)"
        ) in self.TEXT
        assert f"    {LAI_CHAU.reporting.days_allowed_note}" in self.TEXT
        assert "  The day of receipt counts as day 1 of a time limit: no" in self.TEXT
        assert f"    {LAI_CHAU.evaluation.crosswalk_note}" in self.TEXT

    def test_the_2026_plan_crosswalks(self) -> None:
        """The 2026 example says it counts the merged units' records in their wards."""
        text = summary(WARDS_2026, "en")
        assert (
            "  Records of merged units are counted in the unit they were merged into: yes"
        ) in text
        assert "  03388  Đoàn Kết (Ward)  from 01/07/2025" in text


def test_plan_show_in_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    """``threeno plan show --lang vi`` prints the Vietnamese summary, exit 0."""
    assert cli.main(["plan", "show", "--lang", "vi"]) == cli.EXIT_OK
    out = capsys.readouterr().out
    assert out == summary(LAI_CHAU, "vi") + "\n"
    assert english_left(out) == []
