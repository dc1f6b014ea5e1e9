"""The report as a document in Markdown and HTML: skeleton, narrative, sentences, options.

The data are the three reports of the indicators guide
(:func:`tests.reporting.report_samples.three_reports`, all in Quyết Thắng, 03386,
2024-H1 = 15/12/2023 .. 14/06/2024), worked out by hand:

- received in the period: CR-0017, CR-0018, CR-0019: 3; other offences 0;
- classified by the period's end: all three: 3/3 = 100,0%;
- resolved: CR-0017 (khởi tố, 20/02) and CR-0018 (không khởi tố, 20/03) of the 0
  pending at the start plus 3 received: 2/3 = 66,7%; CR-0019 is suspended at the end
  (1); nothing pending at the start (0, so no clause for it);
- on time: CR-0018 (limit 25/03, decided 20/03) of the two decided; CR-0017 (limit
  15/02 past Tết, decided 20/02) is late: 1/2 = 50,0%;
- ``support.coverage``: no returned victim at all, so no data.

Placement (the 2024 plan): ``reports.classified`` and ``reports.resolved`` are named by
a duty of "Công tác đấu tranh phòng, chống tội phạm mua bán người" (the plan's II.4);
``reports.received`` and ``reports.on_time`` only by the purpose I.3, which also names
``reports.classified``, so they are written there too; ``support.coverage`` is named by
duties of the plan's II.3 and, among the agencies, by a duty the City Women's Union leads
(the plan's III.2). No other agency's duty names one of these indicators.

Published with k = 5: every count of 1 to 4 is hidden: 3 received, 3/3 classified, 2/3
resolved, the 1 suspended, 1/2 on time, so no number is left in those sentences.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

import pytest

from tests.reporting.report_samples import three_reports
from threeno import cli
from threeno.errors import ValidationError
from threeno.indicators.catalogue import CATALOGUE
from threeno.indicators.definitions import Sentence
from threeno.indicators.engine import evaluate
from threeno.plans import load_plan
from threeno.reporting.letterhead import Letterhead
from threeno.reporting.render import render
from threeno.reporting.sentences import result_parts
from threeno.reporting.view import build_view

if TYPE_CHECKING:
    from pathlib import Path

    from threeno.indicators.results import Evaluation

PLAN = load_plan("lai-chau-2024")
INDICATORS = ["reports.received", "reports.classified", "reports.resolved", "reports.on_time"]
CRIME = "Công tác đấu tranh phòng, chống tội phạm mua bán người"
SENTENCES = (
    "Trong kỳ, tiếp nhận 3 tin tố giác, tin báo về tội phạm, kiến nghị khởi tố.",
    "Đã phân loại 3/3 tin (100,0%).",
    (
        "Đã giải quyết 2/3 tin phải giải quyết trong kỳ (66,7%); tiếp nhận mới trong kỳ 3 tin;"
        " đang tạm đình chỉ tại ngày cuối kỳ 1 tin."
    ),
    "Giải quyết trong thời hạn luật định 1/2 tin đã giải quyết (50,0%).",
)
SUPPORT = "Tỷ lệ nạn nhân bị mua bán trở về được hỗ trợ: không có số liệu."
NARRATIVE = """\
# VI. Đề xuất, kiến nghị

Đề nghị **Ủy ban nhân dân tỉnh** hỗ trợ kinh phí.

# Đặc điểm tình hình

Địa bàn có 7 xã, phường.

## Về dân cư

Dân cư <script>x</script> phân tán.

# Kết quả thực hiện

Ngoài các chỉ tiêu, đã tổ chức hội nghị.
"""
LETTERHEAD = Letterhead(
    number="12",
    issued_on=dt.date(2024, 7, 2),
    place="Lai Châu",
    recipients=("Ủy ban nhân dân thành phố",),
    signer="Nguyễn Văn A",
)
THREE = "tests/cli/data/three-reports.json"


@pytest.fixture(scope="module")
def evaluation() -> Evaluation:
    """The three reports, four indicators on them and one with no data."""
    indicators = [*INDICATORS, "support.coverage"]
    return evaluate(PLAN, three_reports(), PLAN.period("2024-H1"), indicators=indicators)


def _section(text: str, start: str, end: str) -> list[str]:
    lines = text.splitlines()
    return lines[lines.index(start) + 1 : lines.index(end)]


class TestSkeleton:
    """The document's parts in the order of the Word file."""

    def test_markdown_headings_in_order(self, evaluation: Evaluation) -> None:
        """The title, the six sections, then the five annexes (a case fails: Phụ lục III)."""
        text = render(evaluation, "md", plan=PLAN)
        headings = [line for line in text.splitlines() if re.match(r"^##? ", line)]
        assert headings == [
            "# BÁO CÁO",
            "## I. ĐẶC ĐIỂM TÌNH HÌNH",
            "## II. KẾT QUẢ THỰC HIỆN",
            "## III. ĐÁNH GIÁ CHUNG",
            "## IV. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
            "## V. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI",
            "## VI. ĐỀ XUẤT, KIẾN NGHỊ",
            "## Phụ lục I. KẾT QUẢ CÁC CHỈ TIÊU THEO ĐƠN VỊ",
            "## Phụ lục II. PHÂN TỔ VÀ SỐ LIỆU KHÁC CỦA CÁC CHỈ TIÊU",
            "## Phụ lục III. DANH SÁCH TRƯỜNG HỢP CHƯA ĐẠT",
            "## Phụ lục IV. NGUỒN VÀ CHẤT LƯỢNG SỐ LIỆU",
            "## Phụ lục V. MÃ DÙNG CHO CÁC CÔNG CỤ ĐỌC BÁO CÁO",
        ]
        lines = text.splitlines()
        closing = next(i for i, line in enumerate(lines) if line.startswith("Trên đây là"))
        signature = lines.index("**TM. BAN CHỈ ĐẠO**\\")
        assert lines.index("## VI. ĐỀ XUẤT, KIẾN NGHỊ") < closing < signature
        assert signature < lines.index("## Phụ lục I. KẾT QUẢ CÁC CHỈ TIÊU THEO ĐƠN VỊ")

    def test_html_headings_in_order(self, evaluation: Evaluation) -> None:
        """The same order in the page: h1, the sections' h2, the annexes' h2."""
        page = render(evaluation, "html", plan=PLAN, lang="en")
        headings = re.findall(r"<h[12][^>]*>(.*?)</h[12]>", page)
        assert headings == [
            "REPORT",
            "I. Situation",
            "II. Results",
            "III. Overall assessment",
            "IV. Shortcomings and their causes",
            "V. Tasks for the next period",
            "VI. Proposals",
            "Annex I<br>THE INDICATORS BY UNIT",
            "Annex II<br>BREAKDOWNS AND OTHER FIGURES OF THE INDICATORS",
            "Annex III<br>CASES NOT MEETING AN INDICATOR",
            "Annex IV<br>SOURCES AND QUALITY OF THE DATA",
            "Annex V<br>CODES FOR THE TOOLS THAT READ THIS REPORT",
        ]
        assert page.index('class="closing"') < page.index('class="annex"')

    def test_every_number_is_kept_in_the_annexes(self, evaluation: Evaluation) -> None:
        """The tables by unit, the breakdowns and the failing cases are in the annexes."""
        text = render(evaluation, "md", plan=PLAN)
        annexes = text[text.index("## Phụ lục I.") :]
        assert "| Phường Quyết Thắng | 2/3 tin, đạt 66,7% | Chưa đạt |" in annexes
        assert "#### Phân tổ: Quyết định giải quyết" in annexes
        assert "- CR-0019 (phường Quyết Thắng): " in annexes
        body = text[: text.index("## Phụ lục I.")]
        assert "| Phường Quyết Thắng |" not in body


class TestNarrative:
    """The office's paragraphs, merged into their sections in the report's order."""

    def test_markdown(self, evaluation: Evaluation) -> None:
        """Each section gets its own paragraphs; the others keep the line to write them."""
        text = render(evaluation, "md", plan=PLAN, narrative=NARRATIVE)
        situation = _section(text, "## I. ĐẶC ĐIỂM TÌNH HÌNH", "## II. KẾT QUẢ THỰC HIỆN")
        assert [line for line in situation if line] == [
            "Địa bàn có 7 xã, phường.",
            "**Về dân cư**",
            "Dân cư \\<script\\>x\\</script\\> phân tán.",
        ]
        results = _section(text, "## II. KẾT QUẢ THỰC HIỆN", "## III. ĐÁNH GIÁ CHUNG")
        # The office's paragraph after the sentences the report writes.
        assert results[-2] == "Ngoài các chỉ tiêu, đã tổ chức hội nghị."
        assert results.index(" ".join(SENTENCES)) < len(results) - 2
        proposals = _section(
            text, "## VI. ĐỀ XUẤT, KIẾN NGHỊ", "## Phụ lục I. KẾT QUẢ CÁC CHỈ TIÊU THEO ĐƠN VỊ"
        )
        assert "Đề nghị **Ủy ban nhân dân tỉnh** hỗ trợ kinh phí." in proposals
        placeholder = "*(Phần này do cơ quan soạn thảo báo cáo bổ sung.)*"
        assert text.count(placeholder) == 2  # IV and V only
        assert placeholder not in situation

    def test_html(self, evaluation: Evaluation) -> None:
        """The same in the page: bold kept, the office's text escaped."""
        page = render(evaluation, "html", plan=PLAN, narrative=NARRATIVE)
        assert '<p class="narrative"><strong>Về dân cư</strong></p>' in page
        assert "Dân cư &lt;script&gt;x&lt;/script&gt; phân tán." in page
        assert "Đề nghị <strong>Ủy ban nhân dân tỉnh</strong> hỗ trợ kinh phí." in page
        assert page.index("Địa bàn có 7 xã") < page.index('id="section-results"')
        assert page.count('class="placeholder"') == 2

    def test_text_before_a_section_is_refused(self, evaluation: Evaluation) -> None:
        """A narrative must start with a section's heading: the message names the line."""
        with pytest.raises(ValidationError, match="line 1"):
            render(evaluation, "md", plan=PLAN, narrative="Lời mở đầu.\n")


class TestSentences:
    """The results woven into sentences, by task and by agency."""

    def test_by_task_and_by_agency(self, evaluation: Evaluation) -> None:
        """Hand-computed sentences, under the plan's task and the Women's Union's duties."""
        view = build_view(evaluation, plan=PLAN)
        tasks, agencies = result_parts(view, PLAN)
        assert tasks.title == "Kết quả thực hiện các nhiệm vụ, giải pháp của Kế hoạch"
        groups = {g.title: g.sentences for g in tasks.groups}
        assert list(groups) == [
            (
                "Công tác giúp đỡ những phụ nữ có hoàn cảnh khó khăn tại địa bàn; hỗ trợ những nạn"
                " nhân bị mua bán, lừa đảo, cưỡng ép ra nước ngoài"
            ),
            CRIME,
        ]
        assert groups[CRIME] == SENTENCES
        assert agencies.title == "Kết quả thực hiện nhiệm vụ của các cơ quan, đơn vị"
        (union,) = agencies.groups
        assert (union.title, union.sentences) == ("Hội Liên hiệp Phụ nữ thành phố", (SUPPORT,))

    def test_in_the_markdown_report(self, evaluation: Evaluation) -> None:
        """Numbered under the results, one paragraph per group."""
        lines = render(evaluation, "md", plan=PLAN).splitlines()
        assert f"#### 1.2. {CRIME}" in lines
        assert " ".join(SENTENCES) in lines
        assert "#### 2.1. Hội Liên hiệp Phụ nữ thành phố" in lines

    def test_english(self, evaluation: Evaluation) -> None:
        """The same numbers in English words: 3/3 classified, 1 of 2 on time."""
        view = build_view(evaluation, plan=PLAN, lang="en")
        crime = result_parts(view, PLAN)[0].groups[1]
        assert crime.title == "Fighting and preventing human trafficking"
        assert crime.sentences[1] == "3 of the 3 reports received were classified (100.0%)."
        assert crime.sentences[3] == (
            "1 of the 2 reports decided were decided within the time limit (50.0%)."
        )

    def test_published_writes_no_hidden_count(self, evaluation: Evaluation) -> None:
        """With k = 5, every count of the crime sentences is hidden: only the mark is written."""
        view = build_view(evaluation, plan=PLAN, suppress_below=5)
        crime = result_parts(view, PLAN)[0].groups[1]
        assert crime.sentences == (
            "Trong kỳ, tiếp nhận x tin tố giác, tin báo về tội phạm, kiến nghị khởi tố.",
            "Đã phân loại x/x tin.",
            (
                "Đã giải quyết x/x tin phải giải quyết trong kỳ; tiếp nhận mới trong kỳ x tin;"
                " đang tạm đình chỉ tại ngày cuối kỳ x tin."
            ),
            "Giải quyết trong thời hạn luật định x/x tin đã giải quyết.",
        )
        text = render(evaluation, "md", plan=PLAN, suppress_below=5)
        results = _section(text, "## II. KẾT QUẢ THỰC HIỆN", "## III. ĐÁNH GIÁ CHUNG")
        written = [line for line in results if line and not line.startswith("#")]
        assert not any(re.search(r"\d", line) for line in written[1:]), written

    def test_without_a_plan(self, evaluation: Evaluation) -> None:
        """No plan, no tasks: one group, every sentence in the report's order."""
        (part,) = result_parts(build_view(evaluation), None)
        (group,) = part.groups
        assert group.sentences == (*SENTENCES, SUPPORT)

    def test_every_indicator_has_its_words(self) -> None:
        """Each indicator of the catalogue writes its result with words of its own."""
        assert all(ind.sentence is not None for ind in CATALOGUE)

    def test_a_placeholder_not_known_is_refused(self) -> None:
        """Only {n}, {d} and {pct}: a typo in a sentence fails when the catalogue loads."""
        with pytest.raises(ValidationError, match="placeholders"):
            Sentence(vi="{count} tin", en="{n} reports")
        with pytest.raises(ValidationError, match="FIGURES"):
            Sentence(vi="{n}", en="{n}", optional=(("nope", "{n}", "{n}"),))


class TestOptions:
    """The letterhead, for Markdown and HTML as for the Word file."""

    def test_markdown(self, evaluation: Evaluation) -> None:
        """Number, place and date, recipient and signer as given."""
        lines = render(evaluation, "md", plan=PLAN, letterhead=LETTERHEAD).splitlines()
        assert "Số: 12/BC-BCĐ" in lines
        # Phụ lục I of Nghị định 30/2020/NĐ-CP: day 02, month 7 without a leading 0.
        assert "*Lai Châu, ngày 02 tháng 7 năm 2024*" in lines
        assert "**Kính gửi:** Ủy ban nhân dân thành phố." in lines
        assert "**Nguyễn Văn A**" in lines
        assert "- Như trên;" in lines
        assert any(
            line.startswith("*(Kèm theo Báo cáo số 12/BC-BCĐ ngày 02/07/2024 của") for line in lines
        )

    def test_left_out(self, evaluation: Evaluation) -> None:
        """Without them: a blank number, no date line, no "Kính gửi", no signer."""
        text = render(evaluation, "md", plan=PLAN)
        assert "Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-BCĐ" in text.splitlines()
        assert "Kính gửi" not in text
        assert not any(line.startswith("*Lai Châu, ngày") for line in text.splitlines())
        assert "Nơi nhận" not in text

    def test_html(self, evaluation: Evaluation) -> None:
        """The same in the page."""
        page = render(evaluation, "html", plan=PLAN, letterhead=LETTERHEAD)
        assert '<p class="number">Số: 12/BC-BCĐ</p>' in page
        assert '<p class="dateline">Lai Châu, ngày 02 tháng 7 năm 2024</p>' in page
        assert "<strong>Kính gửi:</strong> Ủy ban nhân dân thành phố." in page
        assert '<p class="signer">Nguyễn Văn A</p>' in page

    @pytest.mark.parametrize("fmt", ["json", "csv"])
    def test_data_formats_refuse_them(self, evaluation: Evaluation, fmt: str) -> None:
        """JSON and CSV are data: a letterhead or a narrative is refused, not ignored."""
        with pytest.raises(ValidationError, match="letterhead"):
            render(evaluation, fmt, plan=PLAN, letterhead=LETTERHEAD)
        with pytest.raises(ValidationError, match="narrative"):
            render(evaluation, fmt, plan=PLAN, narrative=NARRATIVE)

    def test_command(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """``threeno report --format md`` honours the options; ``--format json`` refuses them."""
        narrative = tmp_path / "narrative.md"
        narrative.write_text(NARRATIVE, encoding="utf-8")
        argv = ["report", "--data", THREE, "--period", "2024-H1", "--number", "12"]
        argv += ["--issued-on", "2024-07-02", "--place", "Lai Châu", "--signer", "Nguyễn Văn A"]
        argv += ["--recipient", "Ủy ban nhân dân thành phố", "--narrative", str(narrative)]
        assert cli.main([*argv, "--format", "md"]) == cli.EXIT_OK
        lines = capsys.readouterr().out.splitlines()
        assert "Số: 12/BC-BCĐ" in lines
        assert "*Lai Châu, ngày 02 tháng 7 năm 2024*" in lines
        assert "**Kính gửi:** Ủy ban nhân dân thành phố." in lines
        assert "Địa bàn có 7 xã, phường." in lines
        assert cli.main([*argv, "--format", "json"]) == cli.EXIT_USAGE
        assert "--format json" in capsys.readouterr().err
