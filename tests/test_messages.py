"""threeno.messages and threeno.lang: how each language writes a message, and the one check.

Worked by hand: Vietnamese groups thousands with a dot (1.048.576), English with a comma
(1,048,576); a type's name is a word in Vietnamese (``int`` is "số nguyên") and itself in
English; a notice inside another is written in the same language.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from typing import TYPE_CHECKING, Any

import pytest

from tests.english import english_words
from threeno import messages
from threeno.errors import LanguageError, RulesError
from threeno.lang import target as lang_target
from threeno.messages import (
    TEMPLATES,
    Notice,
    _cli,
    _evaluation,
    _files,
    _io,
    _languages,
    _model,
    _service,
    _xlsx,
)
from threeno.model.crime import CrimeReport
from threeno.model.enums import ReportSource, Sex, SloganItem, SupportKind
from threeno.model.period import ReportingPeriod
from threeno.model.plan import Comparator, Target
from threeno.model.sources import CRIMINAL_PROCEDURE_CODE_2015, Reference
from threeno.plans import load_plan, summary
from threeno.rules.calendar import default_calendar
from threeno.rules.support import REGIME_2024, ProtectedStatus
from threeno.rules.time_limits import SkippedDay, time_limit

if TYPE_CHECKING:
    from collections.abc import Callable


class TestSpecs:
    """``{n:number}``, ``{t:kind}``, ``{name:an}`` and nested notices."""

    def test_number(self) -> None:
        """1 MiB = 1 048 576 bytes: 1.048.576 (vi), 1,048,576 (en)."""
        notice = Notice("line_too_long", {"limit": 1 << 20})
        assert notice.text("vi") == (
            "dòng dài hơn 1.048.576 byte, vượt giới hạn (LoadLimits.line_bytes)"
        )
        assert notice.text("en") == (
            "line longer than 1,048,576 bytes, the limit (LoadLimits.line_bytes)"
        )

    @pytest.mark.parametrize(
        ("kind", "vi"),
        [
            ("int", "số nguyên"),
            ("str", "văn bản"),
            ("float", "số thập phân"),
            ("bool", "giá trị true/false"),
            ("list", "danh sách"),
            ("dict", "nhóm {khóa: giá trị}"),
            ("NoneType", "null"),
            ("Decimal", "Decimal"),
        ],
    )
    def test_kind(self, kind: str, vi: str) -> None:
        """A type in words in Vietnamese, its name in English; an unknown class stays."""
        notice = Notice("not_text", {"type": kind})
        assert notice.text("vi") == f"phải là văn bản, không phải {vi}"
        assert notice.text("en") == f"must be text, not {kind}"

    def test_article(self) -> None:
        """English puts 'an' before a vowel, 'a' before a consonant; Vietnamese neither."""
        extension = Notice("wrong_item", {"expected": "Extension", "type": "dict"})
        span = Notice("wrong_item", {"expected": "CategorySpan", "type": "str"})
        assert extension.text("en") == "must be an Extension, not dict"
        assert span.text("en") == "must be a CategorySpan, not str"
        assert span.text("vi") == "phải là CategorySpan, không phải văn bản"

    def test_nested_notices(self) -> None:
        """A notice, or a tuple of them, inside another, in the same language."""
        faults = (
            Notice("column_missing", {"column": "id"}),
            Notice("column_extra", {"column": "x"}),
        )
        params = {"file": "s.csv", "faults": faults, "record_type": "subjects", "columns": "id"}
        notice = Notice("csv_columns", params)
        assert notice.text("vi") == (
            "tệp s.csv: thiếu cột 'id'; thừa cột 'x' (các cột của subjects: id)"
        )
        assert notice.text("en") == (
            "s.csv: missing column 'id'; extra column 'x' (the columns of subjects are id)"
        )
        assert notice.to_dict()["params"] == {
            "columns": "id",
            "faults": [
                {"code": "column_missing", "params": {"column": "id"}},
                {"code": "column_extra", "params": {"column": "x"}},
            ],
            "file": "s.csv",
            "record_type": "subjects",
        }


class TestTemplates:
    """Every wording in the catalogue."""

    @pytest.mark.parametrize("code", sorted(TEMPLATES))
    def test_well_formed(self, code: str) -> None:
        """A code is snake_case; both wordings parse, in NFC, with the same placeholders.

        A Vietnamese wording may leave out a detail only English can give (a JSON
        reader's English reason), list codes with their labels, or take a name in
        Vietnamese (``kind_vi``) where English takes it in English (``kind_en``).
        """
        vi, en = TEMPLATES[code]
        assert re.fullmatch(r"[a-z][a-z0-9_]*", code)
        fields = [{f for _, f, _, _ in string.Formatter().parse(text) if f} for text in (vi, en)]
        # A param named ..._vi or ..._en is the same thing in each language's words.
        only_vi = {"choices"} | {f for f in fields[0] if f.endswith("_vi")}
        only_en = {"detail", "known", "enum", "record_type"} | {
            f for f in fields[1] if f.endswith("_en")
        }
        assert fields[0] - fields[1] <= only_vi
        assert fields[1] - fields[0] <= only_en

    @pytest.mark.parametrize("code", sorted(TEMPLATES))
    def test_vietnamese_has_no_english(self, code: str) -> None:
        """No English word in a Vietnamese wording (identifiers and quoted codes aside)."""
        vi, _ = TEMPLATES[code]
        assert english_words(vi) == set()


def test_each_code_written_once() -> None:
    """The areas' wordings merge into one catalogue; a code in two areas is refused."""
    with pytest.raises(ValueError, match="written twice: empty"):
        messages._merged({"empty": ("a", "b")}, {"empty": ("c", "d")})
    areas = (_cli, _evaluation, _files, _io, _languages, _model, _service, _xlsx)
    assert sum(len(area.TEMPLATES) for area in areas) == len(TEMPLATES)


def test_the_check_finds_english() -> None:
    """The check above can fail: it finds English words, and only outside identifiers."""
    assert english_words("trường x: must not be empty") == {"must", "not", "empty"}
    assert english_words("trường meets_standard: 'the file' (LoadLimits.line_bytes)") == set()
    assert english_words("dùng --allow-out-of-scope; lệnh `threeno validate the file`") == set()
    assert english_words("dùng --allow-out-of-scope, not this") == {"not"}


class TestOneLanguageCheck:
    """Every "vi or en" in the model, the rules and the plans is threeno.lang.check_lang."""

    @staticmethod
    def _calls() -> list[tuple[str, Callable[[Any], object]]]:
        report = CrimeReport(
            id="CR-1",
            source=ReportSource.TO_GIAC,
            offence_article=150,
            unit_code="03386",
            received_on=dt.date(2024, 1, 25),
            receiving_agency="CATP",
        )
        deadline = time_limit(report)
        step = deadline.steps[0]
        skipped = SkippedDay(day=dt.date(2024, 2, 14), name_vi="Tết", name_en="Tết")
        target = Target(
            indicator="reports.overdue", comparator=Comparator.EQUAL, value=0, clause="I.3"
        )
        plan = load_plan("lai-chau-2024")
        reference = Reference(instrument=CRIMINAL_PROCEDURE_CODE_2015, article="148")
        return [
            ("LabelledEnum.label", Sex.FEMALE.label),
            ("SloganItem.text", SloganItem.CO_1.text),
            ("ReportingPeriod.label", ReportingPeriod.year(2024).label),
            (
                "DayOffCalendar.name_of",
                lambda lang: default_calendar().name_of(dt.date(2024, 2, 14), lang),
            ),
            (
                "Regime.explain",
                lambda lang: REGIME_2024.explain(
                    SupportKind.LOAN, ProtectedStatus.VICTIM, lang=lang
                ),
            ),
            ("Deadline.summary", deadline.summary),
            ("Deadline.explain", deadline.explain),
            ("DeadlineStep.reference_in", step.reference_in),
            ("SkippedDay.name", skipped.name),
            ("Target.text", lambda lang: target.text(lang, share=False)),
            ("summary", lambda lang: summary(plan, lang)),
            ("Reference.cite", reference.cite),
            ("Notice.text", Notice("units_not_checked").text),
            ("ThreenoError.text", RulesError("x").text),
            ("target", lambda lang: lang_target(0.5, lang, share=True)),
        ]

    def test_one_behaviour(self) -> None:
        """French, upper case, empty and a non-string: a LanguageError coded unknown_language."""
        for name, call in self._calls():
            assert isinstance(call("vi"), str), name
            assert isinstance(call("en"), str), name
            for lang in ("fr", "VI", "", None):
                with pytest.raises(LanguageError) as excinfo:
                    call(lang)
                assert (name, "unknown_language") == (name, excinfo.value.code)

    def test_target_values(self) -> None:
        """Hand-worked: a whole share without decimals, another with one; counts grouped."""
        assert lang_target(1.0, "vi", share=True) == "100%"
        assert lang_target(0.905, "vi", share=True) == "90,5%"
        assert lang_target(0.905, "en", share=True) == "90.5%"
        assert lang_target(19353, "vi", share=False) == "19.353"
        assert lang_target(19353.0, "en", share=False) == "19,353"
        assert lang_target(2.5, "vi", share=False) == "2,5"
        target = Target(
            indicator="reports.on_time", comparator=Comparator.AT_LEAST, value=0.9, clause="I.3"
        )
        assert target.text("vi", share=True) == "không thấp hơn 90%"
        assert target.text("en", share=True) == "at least 90%"
