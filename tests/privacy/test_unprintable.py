r"""Input that cannot be printed faithfully is rejected at load, with a reason (issue 17, 4).

Before the change, a lone surrogate in an id (the JSON escape ``\\ud800``) was accepted,
and then ``report`` and ``explain`` ended in ``UnicodeEncodeError``; an integer of
thousands of digits was accepted, and its sum could not be printed (``ValueError:
Exceeds the limit (4300 digits)``); control characters (ESC, NUL, U+2028) in ids and
bidirectional overrides in plan texts reached the terminal and every format unchanged.
Each test below reproduces one of them and says what it did before.

Worked by hand: ``"CR-\\x1b[31m"`` holds ESC (U+001B) at character 4; 2^53 − 1 is
9,007,199,254,740,991, the largest whole number accepted.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import pytest

from threeno import cli
from threeno.errors import PlanError
from threeno.indicators.catalogue import CATALOGUE
from threeno.io.converter import CONVERTER
from threeno.io.datasets import iter_records, load_dataset
from threeno.io.plans import check_plan, parse_plan
from threeno.model._base import MAX_WHOLE_NUMBER
from threeno.model.subjects import Subject
from threeno.plans import load_plan
from threeno.reporting.render import FORMATS
from threeno.testing.synthetic import demo_path

if TYPE_CHECKING:
    from threeno.io.report import LoadReport

PLAN = load_plan("lai-chau-2024")
PLAN_TEXT = files("threeno.plans").joinpath("lai-chau-2024.toml").read_text(encoding="utf-8")
#: What no output may hold: the characters refused, as they would reach a terminal.
UNPRINTABLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]"
)
SUBJECT: dict[str, Any] = {
    "id": "S-1",
    "sex": "female",
    "birth_year": 1998,
    "ethnicity": "08",
    "unit_code": "03386",
    "registered_on": "2024-01-10",
    "categories": [{"category": "returned_victim", "since": "2024-01-10"}],
}
REPORT: dict[str, Any] = {
    "id": "CR-1",
    "source": "to_giac",
    "offence_article": 150,
    "unit_code": "03386",
    "received_on": "2024-01-25",
    "receiving_agency": "cong-an-tp",
}
EVENT: dict[str, Any] = {
    "id": "OE-1",
    "unit_code": "03386",
    "agency": "hoi-phu-nu-tp",
    "held_on": "2024-03-08",
    "channel": "face_to_face",
    "participants": 40,
}


def _reasons(report: LoadReport) -> list[tuple[int | None, str, str | None]]:
    """(line, field, code) of each problem of each rejection, in order."""
    return [(r.line, p.field, p.code) for r in report.rejections for p in r.problems]


def _raw_id(record: dict[str, Any], raw: str) -> str:
    """The record as a JSON line whose id is ``raw``, written as JSON text (escapes kept)."""
    return json.dumps({**record, "id": "@"}).replace('"@"', raw)


def _lines(*records: dict[str, Any]) -> str:
    return "".join(json.dumps(r) + "\n" for r in records)


class TestRecords:
    """Texts and numbers refused when read, with the record, the field and a code."""

    def test_lone_surrogate_in_an_id(self, tmp_path: Path) -> None:
        r"""Reproduces an id ``"CR-\\ud800"`` (a JSON escape): accepted, then report crashed.

        After: rejected at line 1, field ``id``, code ``unprintable_text``; the id is not
        quoted (the rejection names the line only).
        """
        path = tmp_path / "crime_reports.jsonl"
        path.write_text(_raw_id(REPORT, '"CR-\\ud800"') + "\n", encoding="utf-8")
        _, report = load_dataset(path)
        assert _reasons(report) == [(1, "id", "unprintable_text")]
        rejection = report.rejections[0]
        assert rejection.record_id is None
        assert rejection.text("en") == (
            f"{path}, line 1: id: holds an unpaired surrogate (half of a UTF-16 pair) U+D800"
            " at character 4: a text that cannot be printed as it is is refused; remove the"
            " character"
        )
        assert rejection.text("vi") == (
            f"tệp {path}, dòng 1: trường id: chứa nửa cặp thay thế UTF-16 đứng lẻ U+D800 ở ký"
            " tự thứ 4: văn bản không in ra được đúng như nó là nên bị loại; hãy xóa ký tự này"
        )
        rejection.text("vi").encode("utf-8")  # printable: no surrogate left in it

    @pytest.mark.parametrize(
        ("field", "value", "char", "position"),
        [
            ("id", "CR-\x1b[31m", "U+001B", 4),  # ESC: a terminal colour sequence
            ("id", "CR-\x00", "U+0000", 4),  # NUL
            ("unit_code", "03386\u2028", "U+2028", 6),  # a Unicode line separator
            ("receiving_agency", "\u202econg-an-tp", "U+202E", 1),  # right-to-left override
            ("receiving_agency", "cong\x85an", "U+0085", 5),  # C1: next line
            ("id", "CR-1\tx", "U+0009", 5),  # a tab: ids and codes are one word
        ],
    )
    def test_control_characters(
        self, tmp_path: Path, field: str, value: str, char: str, position: int
    ) -> None:
        """Reproduces control characters in ids and codes: accepted and printed raw.

        After: rejected with the code point and its position, in both languages.
        """
        path = tmp_path / "crime_reports.jsonl"
        path.write_text(_lines({**REPORT, field: value}), encoding="utf-8")
        _, report = load_dataset(path)
        assert _reasons(report) == [(1, field, "unprintable_text")]
        problem = report.rejections[0].problems[0]
        assert (problem.params["char"], problem.params["position"]) == (char, position)
        for lang in ("vi", "en"):
            assert UNPRINTABLE.search(report.text(lang)) is None

    def test_every_text_field(self, tmp_path: Path) -> None:
        """A name with a bidirectional override is refused too, without being quoted."""
        path = tmp_path / "subjects.jsonl"
        name = "Lò Thị \u202eVí Dụ"
        path.write_text(_lines({**SUBJECT, "full_name": name}), encoding="utf-8")
        _, report = load_dataset(path)
        assert _reasons(report) == [(1, "full_name", "unprintable_text")]
        assert "Ví Dụ" not in report.text("en")
        assert "Ví Dụ" not in report.text("vi")

    def test_no_break_space_is_kept(self, tmp_path: Path) -> None:
        """A no-break space (U+00A0, from a word processor) is text, not a control: kept."""
        path = tmp_path / "subjects.jsonl"
        path.write_text(_lines({**SUBJECT, "full_name": "Lò\u00a0Thị"}), encoding="utf-8")
        data, report = load_dataset(path)
        assert report.rejected == 0
        assert data.subjects[0].full_name == "Lò\u00a0Thị"

    def test_key_with_a_control_character(self, tmp_path: Path) -> None:
        """An unknown key holding ESC is named by its repr (escaped), never raw."""
        path = tmp_path / "subjects.jsonl"
        path.write_text(_lines({**SUBJECT, "x\x1b[2J": 1}), encoding="utf-8")
        _, report = load_dataset(path)
        assert _reasons(report) == [(1, "'x\\x1b[2J'", "unknown_key")]

    @pytest.mark.parametrize(
        ("value", "code"),
        [
            ("9" * 5000, "json_number_too_long"),  # Python reads no more than 4,300 digits
            ("9" * 4000, "number_too_large"),
            (10**20, "number_too_large"),
            (MAX_WHOLE_NUMBER + 1, "number_too_large"),
        ],
        ids=["5000-digits", "4000-digits", "10^20", "2^53"],
    )
    def test_huge_numbers(self, tmp_path: Path, value: int | str, code: str) -> None:
        """Reproduces participants of 4,000 digits: accepted, then the sum could not print.

        After: rejected; 2^53 − 1 itself is the largest accepted.
        """
        path = tmp_path / "outreach_events.jsonl"
        first = json.dumps(EVENT).replace('"participants": 40', f'"participants": {value}')
        second = json.dumps({**EVENT, "id": "OE-2", "participants": MAX_WHOLE_NUMBER})
        path.write_text(f"{first}\n{second}\n", encoding="utf-8")
        data, report = load_dataset(path)
        field = "" if code == "json_number_too_long" else "participants"
        assert _reasons(report) == [(1, field, code)]
        assert [e.participants for e in data.outreach_events] == [MAX_WHOLE_NUMBER]

    def test_huge_number_in_a_csv_cell(self, tmp_path: Path) -> None:
        """Reproduces a CSV cell of 5,000 digits: a bare ValueError escaped the load."""
        path = tmp_path / "criminal_cases.csv"
        header = (
            "id,offence_article,unit_code,opened_on,report_ids,defendants,victim_ids,"
            "indicted_on,tried_on,verdict,wrongful_on"
        )
        path.write_text(f"{header}\nCC-1,150,03386,2024-02-20,,{'9' * 5000},,,,,\n", "utf-8")
        _, report = load_dataset(path)
        assert _reasons(report) == [(2, "defendants", "number_too_large")]
        assert report.rejections[0].problems[0].text("en") == (
            "defendants: must be at most 9,007,199,254,740,991 in absolute value (2^53 − 1, the"
            " largest whole number JSON exchanges exactly between tools, RFC 8259 section 6)"
        )

    def test_stream_and_memory_alike(self, tmp_path: Path) -> None:
        """The same rejections streaming, and for records given in memory."""
        path = tmp_path / "crime_reports.jsonl"
        path.write_text(_lines({**REPORT, "id": "CR-\x1b"}), encoding="utf-8")
        with iter_records(path, "crime_reports") as stream:
            assert list(stream) == []
            assert _reasons(stream.report) == [(1, "id", "unprintable_text")]
        _, report = load_dataset(
            {"schema": "threeno/1", "crime_reports": [{**REPORT, "id": "\ud800"}]}
        )
        assert _reasons(report) == [(None, "id", "unprintable_text")]

    def test_model_refuses_too(self) -> None:
        """A record made in Python with ESC in its id, or a count beyond the bound."""
        from threeno.errors import ValidationError  # noqa: PLC0415 - beside its use

        subject = CONVERTER.structure(SUBJECT, Subject)
        with pytest.raises(ValidationError) as info:
            attrs.evolve(subject, id="S-\x1b")
        assert info.value.code == "unprintable_text"
        from threeno.model.activities import OutreachEvent  # noqa: PLC0415 - beside its use

        event = CONVERTER.structure(EVENT, OutreachEvent)
        with pytest.raises(ValidationError) as info:
            attrs.evolve(event, participants=10**20)
        assert info.value.code == "number_too_large"


class TestPlans:
    """Plan texts: bidirectional controls and other controls refused with the other problems."""

    def test_plan_file(self) -> None:
        """Reproduces a plan whose texts hold a right-to-left override and ESC: accepted.

        After: a PlanError listing both, each with its TOML path, beside any other.
        """
        text = PLAN_TEXT.replace(
            'text_vi = "Luật Phòng chống mua bán người"',
            'text_vi = "Luật \u202ePhòng chống mua bán người"',  # the character itself
        ).replace('name_en = "City Police"', 'name_en = "\\u001b[2JCity Police"')  # TOML's escape
        with pytest.raises(PlanError) as info:
            parse_plan(text, source="p.toml")
        problems = info.value.problems
        assert len(problems) == 2
        assert any(
            p.startswith("legal_bases[") and "a bidirectional control U+202E at character 6" in p
            for p in problems
        ), problems
        assert any("a control character U+001B at character 1" in p for p in problems), problems

    def test_newline_in_a_plan_text(self) -> None:
        r"""A plan text is one line: a line break (TOML's ``\\n``) is refused."""
        text = PLAN_TEXT.replace(
            'text_vi = "Luật Phòng chống mua bán người"',
            'text_vi = "Luật Phòng chống\\nmua bán người"',
        )
        with pytest.raises(PlanError) as info:
            parse_plan(text, source="p.toml")
        assert len(info.value.problems) == 1
        assert "a control character U+000A at character 17" in info.value.problems[0]

    def test_check_plan_on_a_plan_made_in_python(self) -> None:
        """check_plan finds a bidirectional control in a plan built without the reader."""
        # The model refuses it too: made with its validators off, as a careless tool might.
        with attrs.validators.disabled():
            basis = attrs.evolve(PLAN.legal_bases[0], text_vi="\u2066x\u2069")
            bases: Any = (basis, *PLAN.legal_bases[1:])
            plan = attrs.evolve(PLAN, legal_bases=bases)
        problems = check_plan(plan)
        expected = (
            "legal_bases[0].text_vi: holds a bidirectional control U+2066 at character 1: a text"
            " that cannot be printed as it is is refused; remove the character"
        )
        assert (expected,) == problems

    def test_number_of_thousands_of_digits(self) -> None:
        """Reproduces ``year = 999...`` (5,000 digits): a bare ValueError escaped parse_plan."""
        with pytest.raises(PlanError) as info:
            parse_plan("year = " + "9" * 5000, source="p.toml")
        assert info.value.code == "plan_number_too_long"
        assert info.value.text("vi") == "p.toml: có một số dài hơn 4.300 chữ số"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo data with one record of each kind that cannot be printed faithfully."""
    folder = tmp_path_factory.mktemp("hostile") / "data"
    shutil.copytree(demo_path(), folder)
    with (folder / "crime_reports.jsonl").open("a", encoding="utf-8") as out:
        out.write(_raw_id(REPORT, '"CR-\\ud800"') + "\n")
        out.write(json.dumps({**REPORT, "id": "CR-\x1b[31mRED"}) + "\n")
        out.write(json.dumps({**REPORT, "id": "CR-\u2028", "unit_code": "03386"}) + "\n")
        out.write(json.dumps({**REPORT, "id": "CR-X", "receiving_agency": "\u202eabc"}) + "\n")
    with (folder / "outreach_events.jsonl").open("a", encoding="utf-8") as out:
        big = json.dumps({**EVENT, "id": "OE-BIG", "participants": 1})
        out.write(big.replace('"participants": 1', f'"participants": {"9" * 4000}') + "\n")
        out.write(json.dumps({**EVENT, "id": "OE-NUL\x00"}) + "\n")
    return folder


def _check_printable(text: str) -> None:
    text.encode("utf-8")  # no unpaired surrogate
    assert UNPRINTABLE.search(text.replace("\r\n", "\n")) is None


class TestCommands:
    """Every command that reads records, on data holding each hostile record: no crash."""

    def test_report(self, hostile: Path, capfd: pytest.CaptureFixture[str]) -> None:
        """Reproduces ``report`` on such data: UnicodeEncodeError (exit 1 with a traceback).

        After: the report in every format, the six hostile records rejected (exit 1).
        """
        for fmt in FORMATS:
            assert cli.main(["report", "--data", str(hostile), "--format", fmt]) == 1
            out, err = capfd.readouterr()
            _check_printable(out)
            assert "threeno: 6 bản ghi bị loại" in err
        argv = ["report", "--data", str(hostile), "--publish", "--lang", "en"]
        assert cli.main(argv) == 1
        _check_printable(capfd.readouterr().out)

    def test_explain_and_validate(self, hostile: Path, capfd: pytest.CaptureFixture[str]) -> None:
        """Reproduces ``explain`` on such data: UnicodeEncodeError. ``validate`` lists all six.

        Five texts (a surrogate, ESC, U+2028, U+202E, NUL) and a number of 4,000 digits.
        """
        for indicator in CATALOGUE[:4]:
            assert cli.main(["explain", indicator.id, "--data", str(hostile)]) == 1
            _check_printable(capfd.readouterr().out)
        assert cli.main(["validate", str(hostile), "--lang", "en"]) == 1
        out = capfd.readouterr().out
        _check_printable(out)
        assert ", 6 rejected;" in out.splitlines()[0]
        assert out.count("unprintable_text") == 0  # codes are not shown; words are
        assert out.count("a text that cannot be printed as it is is refused") == 5
        assert out.count("participants: must be at most 9,007,199,254,740,991") == 1

    @pytest.mark.parametrize("command", [["report"], ["explain", "reports.received"]])
    def test_real_program(self, hostile: Path, command: list[str]) -> None:
        r"""Reproduces the crash as a user saw it: the program, its output a pipe.

        Before: ``UnicodeEncodeError: 'utf-8' codec can't encode character '\\ud800'`` and
        a traceback. After: the output, and exit 1 for the rejected records.
        """
        script = Path(sys.executable).parent / "threeno"
        program = [str(script)] if script.is_file() else [sys.executable, "-m", "threeno.cli"]
        done = subprocess.run(  # noqa: S603 - our own program
            [*program, *command, "--data", str(hostile)], capture_output=True, check=False
        )
        assert b"Traceback" not in done.stderr, done.stderr[-600:]
        assert done.returncode == 1
        _check_printable(done.stdout.decode("utf-8"))

    def test_plan_commands(self, tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
        """A plan file with a right-to-left override: every command that reads it exits 1."""
        path = tmp_path / "p.toml"
        path.write_text(
            PLAN_TEXT.replace("Luật Phòng chống mua bán người", "Luật \u202eabc"), "utf-8"
        )
        for argv in (
            ["plan", "show", str(path)],
            ["indicators", "--plan", str(path)],
            ["docs", str(path), "--out", str(tmp_path / "pages")],
            ["report", "--plan", str(path)],
        ):
            assert cli.main(argv) == 1, argv
            out, err = capfd.readouterr()
            _check_printable(out + err)
            assert "U+202E" in err
        assert not (tmp_path / "pages").exists()
