"""The Word report's letterhead, the office's own paragraphs, and the command's options."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pytest

from tests.reporting.report_samples import three_reports
from tests.reporting.word import word_samples as ws
from threeno import cli
from threeno.errors import ValidationError
from threeno.indicators.engine import evaluate
from threeno.reporting.docx import (
    Letterhead,
    dateline_date,
    load_letterhead,
    parse_narrative,
    render_docx,
)
from threeno.reporting.render import render

# python-docx is the docx extra's: without it, these tests are skipped, saying so.
pytest.importorskip("docx", reason="python-docx not installed: pip install -e '.[docx]'")
from docx import Document

LOCALITY = Path(__file__).resolve().parents[2] / "data" / "locality"


def _texts(data: bytes) -> list[str]:
    """Every paragraph's text, the tables' too, in order (the body's, then each table's)."""
    doc = Document(io.BytesIO(data))
    texts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        texts += [p.text for row in table.rows for cell in row.cells for p in cell.paragraphs]
    return [t for t in texts if t.strip()]


def _render(**kwargs: object) -> list[str]:
    evaluation, load_report = ws.demo()
    return _texts(render_docx(evaluation, plan=ws.plan(), load_report=load_report, **kwargs))  # type: ignore[arg-type]


class TestDateline:
    """Place and date as Nghị định 30/2020/NĐ-CP, Phụ lục I writes them."""

    @pytest.mark.parametrize(
        ("day", "expected"),
        [
            # A day below 10 and the months 1 and 2 take a leading 0; months 3-12 none.
            (dt.date(2025, 1, 5), ("05", "01", "2025")),
            (dt.date(2025, 2, 15), ("15", "02", "2025")),
            (dt.date(2025, 3, 5), ("05", "3", "2025")),
            (dt.date(2025, 12, 25), ("25", "12", "2025")),
        ],
    )
    def test_leading_zeros(self, day: dt.date, expected: tuple[str, str, str]) -> None:
        """Written "ngày 05 tháng 01", "ngày 15 tháng 02", "ngày 05 tháng 3", "tháng 12"."""
        assert dateline_date(day) == expected

    def test_without_a_date_the_blanks_are_left(self) -> None:
        """No date of issue: "ngày … tháng … năm …" to fill in, after the plan's place."""
        texts = _render()
        line = next(t for t in texts if ", ngày" in t)
        assert line.startswith("Lai Châu, ngày ")  # the plan's "Thành phố Lai Châu"
        assert "tháng" in line
        assert not any(c.isdigit() for c in line)

    def test_the_locality_plans_place_and_symbol(self) -> None:
        """The second locality's plan: "Mẫu Sơn", and BC-BCĐ from its "15/KH-BCĐ"."""
        from threeno.indicators.engine import evaluate  # noqa: PLC0415
        from threeno.io.datasets import load_dataset  # noqa: PLC0415
        from threeno.plans import load_plan  # noqa: PLC0415

        plan = load_plan(LOCALITY / "plan.toml")
        data, _ = load_dataset(LOCALITY / "records", plan=plan)
        evaluation = evaluate(plan, data, plan.period("2024-Q1"))
        letterhead = Letterhead(number="12", issued_on=dt.date(2024, 4, 2))
        texts = _texts(render_docx(evaluation, plan=plan, letterhead=letterhead))
        assert "Số: 12/BC-BCĐ" in texts
        assert "Mẫu Sơn, ngày 02 tháng 4 năm 2024" in texts


class TestNumber:
    """The number "Số: …/BC-…": given at run time, or a blank for the office."""

    @pytest.mark.parametrize(
        ("given", "shown"),
        [("5", "Số: 05/BC-BCĐ"), ("17", "Số: 17/BC-BCĐ"), ("05/BC-CATP", "Số: 05/BC-CATP")],
    )
    def test_given(self, given: str, shown: str) -> None:
        """A number below 10 gets its leading 0; a whole number and symbol is kept."""
        assert shown in _render(letterhead=Letterhead(number=given))

    def test_left_blank(self) -> None:
        """No number: a blank before the symbol, as the plan's own "/KH-BCĐ"."""
        line = next(t for t in _render() if t.startswith("Số:"))
        assert line.replace("\u00a0", " ").split() == ["Số:", "/BC-BCĐ"]


class TestLetterheadFile:
    """A small TOML file of the letterhead; the options given replace its keys."""

    def test_read(self, tmp_path: Path) -> None:
        """Every key, read; dates as TOML dates."""
        path = tmp_path / "letterhead.toml"
        path.write_text(
            'number = "7"\nissued_on = 2025-07-01\nplace = "Lai Châu"\n'
            'recipients = ["Thường trực Thành ủy"]\ncopies = ["Các thành viên Ban Chỉ đạo"]\n'
            'parent_body = "Ủy ban nhân dân thành phố Lai Châu"\n',
            encoding="utf-8",
        )
        letterhead = load_letterhead(path)
        assert letterhead.issued_on == dt.date(2025, 7, 1)
        texts = _render(letterhead=letterhead)
        assert "- Các thành viên Ban Chỉ đạo;" in texts
        assert "ỦY BAN NHÂN DÂN THÀNH PHỐ LAI CHÂU" in texts

    def test_unknown_key(self, tmp_path: Path) -> None:
        """A key not known is refused, naming the keys."""
        path = tmp_path / "letterhead.toml"
        path.write_text('signature = "x"\n', encoding="utf-8")
        with pytest.raises(ValidationError, match="unknown key"):
            load_letterhead(path)

    @pytest.mark.parametrize(
        ("content", "says"),
        [
            (b'number = "\xff"\n', "not UTF-8"),
            (b"number = " + b"[" * 5000 + b"]" * 5000, "nested too deeply"),
            (b"number = " + b"9" * 5000, "digits"),
            (b"number = 1 +\n", "not TOML"),
            (b'place = "' + b"a" * (64 * 1024) + b'"\n', "longer than 65,536 bytes"),
        ],
        ids=["latin-1", "deep", "long-number", "not-toml", "too-long"],
    )
    def test_hostile_file(self, tmp_path: Path, content: bytes, says: str) -> None:
        """A hostile letterhead file is a ValidationError naming the file, never a crash.

        The cases: a byte that is not UTF-8, 5,000 nested arrays (tomllib recurses once
        per level), a number of 5,000 digits (Python reads at most 4,300), a TOML
        syntax error, and 64 KiB + 13 bytes (the most read is 64 × 1024 = 65,536).
        """
        path = tmp_path / "letterhead.toml"
        path.write_bytes(content)
        with pytest.raises(ValidationError, match=says) as caught:
            load_letterhead(path)
        assert "letterhead.toml" in str(caught.value)
        assert "aaaa" not in str(caught.value)

    def test_options_replace_the_files_keys(self) -> None:
        """The command line's value wins over the file's."""
        base = Letterhead(number="7", place="Lai Châu")
        merged = base.updated(Letterhead(number="8"))
        assert (merged.number, merged.place) == ("8", "Lai Châu")

    def test_no_signer_in_the_projects_files(self) -> None:
        """No file of the project sets a signer's name: the plans hold titles only."""
        root = Path(__file__).resolve().parents[3]
        plans = sorted((root / "src" / "threeno" / "plans").glob("*.toml"))
        assert plans
        for path in plans:
            text = path.read_text(encoding="utf-8")
            assert not re.search(r"^\s*signer\s*=", text, re.MULTILINE), path


NARRATIVE = """\
# I. Đặc điểm tình hình

Trên địa bàn thành phố có **07** xã, phường.
Tình hình an ninh ổn định.

## Về công tác *tuyên truyền*

- Tổ chức 12 buổi tuyên truyền;
- Phát 500 tờ rơi.

# Đề xuất, kiến nghị

Đề nghị Ủy ban nhân dân thành phố tiếp tục bố trí kinh phí.
"""


class TestNarrative:
    """The office's paragraphs, merged by heading into the report's sections."""

    def test_parsed_by_section(self) -> None:
        """Sections by heading; lines joined; items apart; sub-headings kept; runs styled."""
        parsed = parse_narrative(NARRATIVE)
        assert list(parsed) == ["situation", "proposals"]
        situation = parsed["situation"]
        first_runs, heading = situation[0]
        assert not heading
        assert "".join(t for t, _, _ in first_runs) == (
            "Trên địa bàn thành phố có 07 xã, phường. Tình hình an ninh ổn định."
        )
        assert ("07", True, False) in first_runs
        assert situation[1][1]  # the sub-heading
        assert [("".join(t for t, _, _ in runs)) for runs, _ in situation[2:]] == [
            "- Tổ chức 12 buổi tuyên truyền;",
            "- Phát 500 tờ rơi.",
        ]

    def test_merged_in_place_of_the_blank(self) -> None:
        """Each paragraph goes into its section, in order; the others keep their blank."""
        texts = _render(narrative=NARRATIVE)
        start = texts.index("I. ĐẶC ĐIỂM TÌNH HÌNH")
        assert texts[start + 1].startswith("Trên địa bàn thành phố có 07 xã, phường.")
        assert texts[start + 2] == "Về công tác tuyên truyền"
        assert texts[start + 4] == "- Phát 500 tờ rơi."
        assert texts[start + 5] == "II. KẾT QUẢ THỰC HIỆN"
        proposals = texts.index("VI. ĐỀ XUẤT, KIẾN NGHỊ")
        assert texts[proposals + 1].startswith("Đề nghị Ủy ban nhân dân thành phố")
        blank = "(Phần này do cơ quan soạn thảo báo cáo bổ sung.)"
        shortcomings = texts.index("IV. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN")
        assert texts[shortcomings + 1] == blank
        assert blank not in texts[start : start + 5]

    def test_headings_in_either_language_and_any_numbering(self) -> None:
        """Both "## 3. Overall assessment" and "# đánh giá chung:" name one section."""
        for heading in ("## 3. Overall assessment", "# đánh giá chung:", "# III - ĐÁNH GIÁ CHUNG"):
            assert list(parse_narrative(f"{heading}\n\nNội dung.\n")) == ["assessment"]

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ("Một câu trước tiêu đề.\n# Đặc điểm tình hình\n", "line 1: text before the first"),
            ("# Tình hình chung\n\nNội dung.\n", "names no section"),
        ],
    )
    def test_mistakes(self, text: str, message: str) -> None:
        """Text before the first section, or a first heading that names none, is refused."""
        with pytest.raises(ValidationError, match=message):
            parse_narrative(text)


class TestEnglishAndPublished:
    """The same layout in English; a published report lists no case."""

    def test_english(self) -> None:
        """The national title and motto in English, "REPORT", the annexes' labels."""
        texts = _texts(ws.demo_docx("en"))
        for text in ("SOCIALIST REPUBLIC OF VIET NAM", "Independence - Freedom - Happiness"):
            assert text in texts
        assert "REPORT" in texts
        assert "Annex I" in texts
        # The month by name whatever the machine's locale.
        assert "Lai Châu, 5 January 2025" in texts

    def test_published(self) -> None:
        """With suppress_below, no annex of cases, and the note of what is hidden."""
        texts = _render(suppress_below=5, letterhead=ws.LETTERHEAD)
        assert "DANH SÁCH TRƯỜNG HỢP CHƯA ĐẠT" not in texts
        assert any(t.startswith("Bản công bố:") for t in texts)


class TestCommand:
    """``threeno report --format docx``."""

    def test_written_with_the_options(self, tmp_path: Path) -> None:
        """--number, --issued-on, --place, --recipient, --signer on top of --letterhead."""
        letterhead = tmp_path / "letterhead.toml"
        letterhead.write_text(
            'number = "9"\nparent_body = "Ủy ban nhân dân thành phố Lai Châu"\n', encoding="utf-8"
        )
        narrative = tmp_path / "narrative.md"
        narrative.write_text("# Phương hướng, nhiệm vụ kỳ tới\n\nTiếp tục.\n", encoding="utf-8")
        out = tmp_path / "bao-cao.docx"
        argv = ["report", "--format", "docx", "--out", str(out), "--number", "5"]
        argv += ["--issued-on", "2025-01-05", "--place", "Lai Châu", "--signer", "Nguyễn Văn A"]
        argv += ["--recipient", "Thường trực Thành ủy", "--letterhead", str(letterhead)]
        argv += ["--narrative", str(narrative)]
        assert cli.main(argv) == cli.EXIT_OK
        texts = _texts(out.read_bytes())
        assert "Số: 05/BC-BCĐ" in texts  # the option, not the file's 9
        assert "Lai Châu, ngày 05 tháng 01 năm 2025" in texts
        assert "Kính gửi: Thường trực Thành ủy" in texts
        assert "ỦY BAN NHÂN DÂN THÀNH PHỐ LAI CHÂU" in texts
        assert "Nguyễn Văn A" in texts
        assert "Tiếp tục." in texts

    def test_to_standard_output(self, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
        """Without --out, the file's bytes go to standard output."""
        assert cli.main(["report", "--format", "docx", "--period", "2024-H1"]) == cli.EXIT_OK
        assert capsysbinary.readouterr().out.startswith(b"PK\x03\x04")

    def test_never_over_the_narrative(self, tmp_path: Path) -> None:
        """The output may not replace the narrative it reads (exit 1, the file untouched)."""
        narrative = tmp_path / "narrative.md"
        narrative.write_text("# Đề xuất, kiến nghị\n\nKhông.\n", encoding="utf-8")
        argv = ["report", "--format", "docx", "--narrative", str(narrative)]
        assert cli.main([*argv, "--out", str(narrative)]) == cli.EXIT_DATA
        assert narrative.read_text(encoding="utf-8").startswith("# Đề xuất")

    def test_a_bad_narrative_is_a_data_error(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A narrative with text before its first section: exit 1, one line saying why."""
        narrative = tmp_path / "narrative.md"
        narrative.write_text("Không có tiêu đề.\n", encoding="utf-8")
        argv = ["report", "--format", "docx", "--narrative", str(narrative)]
        assert cli.main([*argv, "--out", str(tmp_path / "x.docx")]) == cli.EXIT_DATA
        assert "text before the first heading" in capsys.readouterr().err


class TestResultsInSentences:
    """The Word file writes the same results in sentences as Markdown and HTML."""

    def test_the_sentences_of_the_markdown_report(self) -> None:
        """Section II: the parts and groups numbered, then each group's sentences."""
        plan = ws.plan()
        indicators = ["reports.received", "reports.classified"]
        evaluation = evaluate(plan, three_reports(), plan.period("2024-H1"), indicators=indicators)
        texts = _texts(render_docx(evaluation, plan=plan))
        # Received 3 (CR-0017, -0018, -0019), all classified: 3/3.
        sentences = "Trong kỳ, tiếp nhận 3 tin tố giác, tin báo về tội phạm, kiến nghị khởi tố."
        sentences += " Đã phân loại 3/3 tin (100,0%)."
        heading = "1.1. Công tác đấu tranh phòng, chống tội phạm mua bán người"
        assert texts.index(heading) + 1 == texts.index(sentences)
        assert texts.index("II. KẾT QUẢ THỰC HIỆN") < texts.index(heading)
        assert texts.index(heading) < texts.index("III. ĐÁNH GIÁ CHUNG")
        assert sentences in render(evaluation, "md", plan=plan).splitlines()
