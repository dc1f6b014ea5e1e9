"""The msgspec fast path of the JSON Lines reader takes a line only when the exact path would.

:func:`threeno.io._fast.decode` returns a record only for a line the exact reader (strict
JSON, the depth check, the cattrs converter, the class's validators) accepts, and then a
record equal to the exact one, field by field and type by type; for any other line it
returns ``None`` and the exact reader says why. Lines are drawn from the strategies'
valid records, then mutated the ways a file goes wrong: a key dropped, given twice or
unknown, a value of another type, out of range, an impossible date, ``null``, a float or
a huge number for a whole number, an escape, text not in NFC, a lone surrogate,
``NaN``, spacing. A file of many faults is then loaded and streamed with the fast path on
and off: the same records and the same report.
"""

from __future__ import annotations

import datetime as dt
import enum
import inspect
import json
from typing import TYPE_CHECKING, Any, cast

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import threeno.testing.strategies  # noqa: F401 - registers the records' strategies
from threeno.io import _fast
from threeno.io._json import JSON_SPACE, loads
from threeno.io._limits import MAX_DEPTH, too_deep
from threeno.io._tally import structure
from threeno.io.converter import CONVERTER
from threeno.io.datasets import iter_records, load_dataset
from threeno.model.crime import CrimeReport
from threeno.model.dataset import RECORD_TYPES, Record
from threeno.model.enums import Decision, ReportSource

if TYPE_CHECKING:
    from pathlib import Path


def exact(name: str, line: bytes) -> Record | None:
    """The record the exact reader makes of ``line`` (as ``_jsonl_lines`` then ``_jsonl``)."""
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if not text.strip(JSON_SPACE):
        return None
    try:
        raw = loads(text.rstrip())
    except (ValueError, RecursionError):
        return None
    if too_deep(raw, MAX_DEPTH, text):
        return None
    return structure(RECORD_TYPES[name], raw)[0]


def typed(value: object) -> object:
    """``value`` with the type of every part beside it, records and tuples walked into."""
    if attrs.has(type(value)):
        fields = attrs.fields(cast("Any", type(value)))
        return (type(value), tuple((f.name, typed(getattr(value, f.name))) for f in fields))
    if isinstance(value, tuple):
        return (tuple, tuple(typed(item) for item in value))
    return (type(value), value)


class Pairs(list[tuple[str, Any]]):
    """A JSON object as its pairs, in order: a key may come twice."""


@attrs.frozen
class Token:
    """A value written as this JSON text, as it is (an escape, ``1e2``, ``NaN``)."""

    text: str


def to_pairs(value: object) -> object:
    """JSON data with each object as its :class:`Pairs`."""
    if isinstance(value, dict):
        return Pairs((k, to_pairs(v)) for k, v in value.items())
    if isinstance(value, list):
        return [to_pairs(v) for v in value]
    return value


def dump(value: object, *, ascii_only: bool, comma: str, colon: str) -> str:
    """The JSON text of ``value`` (pairs, tokens), with the spacing given."""
    if isinstance(value, Token):
        return value.text
    if isinstance(value, Pairs):
        inner = comma.join(
            f"{json.dumps(k, ensure_ascii=ascii_only)}{colon}"
            f"{dump(v, ascii_only=ascii_only, comma=comma, colon=colon)}"
            for k, v in value
        )
        return "{" + inner + "}"
    if isinstance(value, list):
        items = (dump(v, ascii_only=ascii_only, comma=comma, colon=colon) for v in value)
        return "[" + comma.join(items) + "]"
    return json.dumps(value, ensure_ascii=ascii_only)


#: Values a field may be given instead of its own: wrong types, out of range, bad dates,
#: other slugs, texts no output shows, text not in NFC, numbers written otherwise.
HOSTILE: tuple[object, ...] = (
    None,
    True,
    False,
    0,
    -1,
    1899,
    2**53 - 1,
    2**53,
    -(2**53),
    2**64,
    10**30,
    1.5,
    5.0,
    float("nan"),
    "",
    "   ",
    "x",
    "12",
    "2024-02-30",
    "2024-2-3",
    "2024-06-30T00:00:00",
    "\u0662\u0660\u0662\u0664-01-01",
    "2019-01-01",
    "2030-12-31",
    "\x1b[31m",
    "a\u00a0b",
    "Ng\u00f4",
    "Ngo\u0302",
    "\u202eX",
    "\ud800",
    "female",
    "khoi_to",
    "tam_dinh_chi",
    "complex",
    "procuracy",
    "hmn",
    "2024-H1",
    "adhoc:2024-02-30",
    [],
    ["a", "a"],
    [1],
    ["S-0001"],
    ["S-\x1b"],
    ["\u202eS"],
    ["S-0001", "S-000\u0031"],
    ["Ngo\u0302"],
    {},
    {"kind": "complex", "granted_on": "2024-01-01"},
    Token("150.0"),
    Token("1e2"),
    Token("-0"),
    Token("01"),
    Token("NaN"),
    Token("Infinity"),
    Token("1E400"),
    Token('"\\u0043R-1"'),
    Token('"2024-01-0\\u0031"'),
    Token('"\\ud800"'),
    Token('"so_ket"'),
    Token("[[[[1]]]]"),
)


#: Values near a field's own, of the same JSON kind: numbers at and beyond the bounds or
#: written as floats; texts with a date, slug or character just wrong.
NEAR_NUMBER: tuple[object, ...] = (
    0,
    -1,
    1899,
    2030,
    2**53 - 1,
    2**53,
    -(2**53),
    2**63,
    2**64,
    10**30,
    Token("150.0"),
    Token("1e2"),
    Token("-0"),
    Token("1E400"),
)
NEAR_TEXT: tuple[object, ...] = (
    "2024-02-29",
    "2023-02-29",
    "2024-13-01",
    "0000-01-01",
    "2024-02-30",
    "2024-01-01 ",
    "\u0662\u0660\u0662\u0664-01-01",
    "Ngo\u0302",
    "Ng\u00f4",
    "a\u00a0b",
    "\x7f",
    "\u2028",
    "\ud800",
    "",
    " ",
    Token('"\\u0041"'),
    Token('"2024-01-0\\u0031"'),
)


def slots(node: object) -> list[Pairs]:
    """Every object in ``node``, itself and the nested ones."""
    found: list[Pairs] = []
    if isinstance(node, Pairs):
        found.append(node)
        for _, value in node:
            found.extend(slots(value))
    elif isinstance(node, list):
        for item in node:
            found.extend(slots(item))
    return found


@st.composite
def mutated(draw: st.DrawFn, obj: Pairs) -> None:
    """Break ``obj`` (or an object nested in it) in one way, in place."""
    target = draw(st.sampled_from(slots(obj)))
    way = draw(st.sampled_from(("drop", "replace", "near", "twice", "unknown", "null")))
    if not target:
        target.append(("id", draw(st.sampled_from(HOSTILE))))
        return
    i = draw(st.integers(0, len(target) - 1))
    key, value = target[i]
    if way == "drop":
        del target[i]
    elif way == "replace":
        target[i] = (key, draw(st.sampled_from(HOSTILE)))
    elif way == "near":
        near = NEAR_NUMBER if isinstance(value, int) else NEAR_TEXT
        target[i] = (key, draw(st.sampled_from(near)))
    elif way == "twice":
        again = value if draw(st.booleans()) else draw(st.sampled_from(HOSTILE))
        target.insert(draw(st.integers(0, len(target))), (key, again))
    elif way == "unknown":
        target.insert(draw(st.integers(0, len(target))), ("note", value))
    else:
        target[i] = (key, None)


_RECORDS = st.sampled_from(sorted(RECORD_TYPES)).flatmap(
    lambda name: st.tuples(st.just(name), st.from_type(RECORD_TYPES[name]))
)
_SPACING = st.sampled_from(((",", ":"), (", ", ": "), (" ,\t", " :  ")))
_EDGES = st.sampled_from(("", " ", "\t", "\r", "\r\n", "\x0c", "\u00a0", "x"))


@st.composite
def lines(draw: st.DrawFn, *, mutations: int, least: int = 0) -> tuple[str, bytes]:
    """A record type and a line of it: a valid record, broken ``least`` to ``mutations`` times."""
    name, record = draw(_RECORDS)
    obj = to_pairs(CONVERTER.unstructure(record))
    assert isinstance(obj, Pairs)
    for _ in range(draw(st.integers(least, mutations))):
        draw(mutated(obj))
    comma, colon = draw(_SPACING)
    text = dump(obj, ascii_only=draw(st.booleans()), comma=comma, colon=colon)
    if mutations:
        text = draw(_EDGES) + text + draw(_EDGES)
    return name, text.encode("utf-8", "surrogatepass")


def agrees(name: str, line: bytes) -> Record | None:
    """The fast record of ``line``, checked against the exact path's (see the module)."""
    fast = _fast.decode(name, line)
    if fast is None:
        return None
    slow = exact(name, line)
    assert slow is not None, "the fast path took a line the exact path rejects"
    assert attrs.asdict(fast) == attrs.asdict(slow)
    assert typed(fast) == typed(slow)
    return fast


@given(lines(mutations=0))
def test_valid_lines_are_taken_as_the_exact_path_reads_them(drawn: tuple[str, bytes]) -> None:
    """A valid record's line, written plainly, is taken by the fast path, equal to the exact.

    "Plainly": without an escape (the duplicate-key proof counts quotes) and in NFC; the
    strategies' records are printable and NFC, so only an escape hands the line over.
    """
    name, line = drawn
    fast = agrees(name, line)
    if b"\\" not in line:
        assert fast is not None


@settings(max_examples=500)
@given(lines(mutations=1, least=1))
def test_a_line_with_one_fault_is_taken_only_when_the_exact_path_accepts_it(
    drawn: tuple[str, bytes],
) -> None:
    """One mutation: a record only when the exact path accepts the line, and equal to it."""
    agrees(*drawn)


@settings(max_examples=300)
@given(lines(mutations=3))
def test_a_broken_line_is_taken_only_when_the_exact_path_accepts_it(
    drawn: tuple[str, bytes],
) -> None:
    """Up to 3 mutations: a record only when the exact path accepts, and equal to it."""
    agrees(*drawn)


def every_fault(obj: Pairs) -> list[Pairs]:
    """``obj`` broken each way, once each: a copy per fault.

    Every key (nested too) dropped, given twice, ``null``, replaced by every value of
    ``HOSTILE`` and of its kind's near values; an unknown key beside it.
    """
    broken: list[Pairs] = []
    text = dump(obj, ascii_only=True, comma=",", colon=":")
    for depth, target in enumerate(slots(obj)):
        for i, (key, value) in enumerate(target):
            near = NEAR_NUMBER if isinstance(value, int) else NEAR_TEXT
            edits: list[tuple[str, object]] = [("drop", None), ("twice", value), ("unknown", 1)]
            edits += [("replace", v) for v in (*HOSTILE, *near)]
            for way, new in edits:
                copy = json.loads(text, object_pairs_hook=Pairs)
                place = slots(copy)[depth]
                if way == "drop":
                    del place[i]
                elif way == "twice":
                    place.append((key, new))
                elif way == "unknown":
                    place.insert(i, ("note", new))
                else:
                    place[i] = (key, new)
                broken.append(copy)
    return broken


@settings(max_examples=25)
@given(_RECORDS)
def test_every_single_fault_is_taken_only_when_the_exact_path_accepts_it(
    drawn: tuple[str, Record],
) -> None:
    """Every key of a valid record broken every way, one at a time (see ``every_fault``)."""
    name, record = drawn
    obj = to_pairs(CONVERTER.unstructure(record))
    assert isinstance(obj, Pairs)
    for broken in every_fault(obj):
        agrees(
            name,
            dump(broken, ascii_only=False, comma=",", colon=":").encode("utf-8", "surrogatepass"),
        )


REPORT = (
    '{"id":"CR-1","source":"to_giac","offence_article":150,"unit_code":"03385",'
    '"received_on":"2024-03-01","receiving_agency":"CA-TP"}'
)


@pytest.mark.parametrize(
    ("line", "taken"),
    [
        (REPORT, True),
        # "id" twice: 2 more strings on the line than the decoded record holds.
        (REPORT.replace('"CR-1"', '"CR-1","id":"CR-2"'), False),
        (REPORT.replace('"CR-1"', '"CR-1","id":"CR-1"'), False),
        # The same report with an escape: the exact path reads it, the fast path hands it over.
        (REPORT.replace('"CR-1"', '"\\u0043R-1"'), False),
        (REPORT.replace("150", "150.0"), False),
        (REPORT.replace("150", "9007199254740992"), False),  # 2^53, beyond MAX_WHOLE_NUMBER
        (REPORT.replace("2024-03-01", "2024-02-30"), False),
        (REPORT.replace('"CA-TP"', '"CA-TP","note":1'), False),
        (REPORT.replace('"03385"', '"Ngo\u0302"'), False),  # not NFC: o + combining circumflex
        (REPORT.replace('"03385"', '"a\u00a0b"'), False),  # a space no-break: handed over
        (REPORT.replace('"03385"', '" "'), False),
        (REPORT.replace("}", ',"case_id":null}'), True),
        (REPORT.replace("}", ',"extensions":null}'), False),
    ],
)
def test_worked_lines(line: str, taken: bool) -> None:
    """Hand-picked lines: which the fast path takes (and then equal to the exact path's)."""
    data = line.encode("utf-8")
    assert (agrees("crime_reports", data) is not None) is taken


FAULTS = [
    # Valid, then one line per fault; a blank line and a duplicate id too.
    REPORT,
    REPORT.replace("CR-1", "CR-2").replace("}", ',"classified_on":"2024-03-02"}'),
    "",
    REPORT.replace("CR-1", "CR-3").replace('"to_giac"', '"To giac"'),
    REPORT.replace("CR-1", "CR-4").replace('"source":"to_giac",', ""),
    REPORT.replace("CR-1", "CR-5").replace('"CR-5"', '"CR-5","id":"CR-6"'),
    REPORT.replace("CR-1", "CR-7").replace("150", "150.0"),
    REPORT.replace("CR-1", "CR-8").replace("150", "0"),
    REPORT.replace("CR-1", "CR-9").replace("2024-03-01", "01/03/2024"),
    REPORT.replace("CR-1", "CR-10").replace("}", ',"decided_on":"2024-03-05"}'),
    REPORT.replace("CR-1", "CR-11").replace("}", ',"classified_on":"2024-01-01"}'),
    REPORT.replace("CR-1", "CR-12").replace("150", "NaN"),
    REPORT.replace("CR-1", "CR-13") + " x",
    REPORT.replace("CR-1", "CR-14").replace('"03385"', '"\\u001b"'),
    REPORT.replace("CR-1", "CR-15").replace("}", ',"victim_ids":["S-1","S-1"]}'),
    REPORT.replace("CR-1", "CR-16").replace("}", ',"victim_ids":"S-1"}'),
    REPORT,  # CR-1 again: both copies rejected, the first accepted by the fast path
    REPORT.replace("CR-1", "CR-17").replace(
        "}", ',"extensions":[{"kind":"complex","granted_on":"2024-03-02","kind":"complex"}]}'
    ),
    REPORT.replace("CR-1", "CR-18").replace(
        "}", ',"suspensions":[{"reason":"x","from_date":"2024-03-02"}]}'
    ),
    REPORT.replace("CR-1", "CR-19").replace("150", "99999999999999999999999"),
    REPORT.replace("CR-1", "CR-20").replace("}", ',"decision":"khoi_to"}'),
    REPORT.replace("CR-1", "CR-21").replace('"CA-TP"', "true"),
    "[1, 2]",
    "{",
    REPORT.replace("CR-1", "CR-22").replace('"03385"', '"Ngo\u0302"'),
    REPORT.replace("CR-1", "CR-2"),  # CR-2 again
]

SUBJECT = (
    '{"id":"S-1","sex":"female","birth_year":1990,"ethnicity":"thai","unit_code":"03385",'
    '"registered_on":"2024-01-05","full_name":"L\u00f2 Th\u1ecb A"}'
)
SUBJECTS = [
    SUBJECT,
    # The same id with the name typed as the unit code: masked in the duplicate's report.
    SUBJECT.replace('"03385"', '"L\u00f2 Th\u1ecb A"'),
    SUBJECT.replace("S-1", "S-2").replace("1990", "2030"),
    SUBJECT.replace("S-1", "L\u00f2 Th\u1ecb A"),
]


def _write(folder: Path) -> None:
    (folder / "crime_reports.jsonl").write_text("\n".join(FAULTS) + "\n", encoding="utf-8")
    (folder / "subjects.jsonl").write_text("\n".join(SUBJECTS) + "\n", encoding="utf-8")


def _reported(report: object) -> tuple[str, str, str]:
    as_json = json.dumps(CONVERTER.unstructure(report), sort_keys=True, default=str)
    return as_json, report.text("en"), report.text("vi")  # type: ignore[attr-defined]


def test_a_file_of_faults_loads_the_same_with_the_fast_path_on_and_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """load_dataset: the same records and the same report, line for line, on and off.

    The file: 2 valid reports (CR-1 twice, CR-2 twice: all four copies rejected as
    duplicates), 22 faulty lines and a blank one; 4 subjects, S-1 twice.
    """
    _write(tmp_path)
    results = []
    for enabled in (True, False):
        monkeypatch.setattr(_fast, "ENABLED", enabled)
        dataset, report = load_dataset(tmp_path)
        results.append((dataset, _reported(report)))
    (fast_data, fast_report), (slow_data, slow_report) = results
    assert fast_data == slow_data
    assert fast_report == slow_report
    assert "duplicate_id" in fast_report[0]


def test_a_file_of_faults_streams_the_same_with_the_fast_path_on_and_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """iter_records: the same records, types and report, fast path on and off, each type."""
    _write(tmp_path)
    for name in ("crime_reports", "subjects"):
        results = []
        for enabled in (True, False):
            monkeypatch.setattr(_fast, "ENABLED", enabled)
            with iter_records(tmp_path / f"{name}.jsonl", name) as stream:
                records = [typed(r) for r in stream]
                results.append((records, _reported(stream.report)))
        assert results[0] == results[1]
        assert results[0][1][0].count("duplicate_id") >= 1


def test_every_record_type_has_a_fast_path() -> None:
    """Each of the 8 record types is mirrored (a new field type would drop its fast path)."""
    assert set(_fast._SHAPES) == set(RECORD_TYPES)


def test_equal_dates_are_shared() -> None:
    """Two records of the same day hold one date object, as on the exact path."""
    one = _fast.decode("crime_reports", REPORT.encode())
    two = _fast.decode("crime_reports", REPORT.replace("CR-1", "CR-2").encode())
    assert isinstance(one, CrimeReport)
    assert isinstance(two, CrimeReport)
    assert one.received_on is two.received_on
    assert isinstance(one.received_on, dt.date)
    assert isinstance(one.source, enum.Enum)


def _described(thing: object) -> object:
    """A validator or converter by name, with what an ``of_enum`` or ``optional`` wraps."""
    if thing is None:
        return None
    inner = getattr(thing, "validator", None)
    if inner is not None:
        return ("optional", _described(inner))
    name = getattr(thing, "__qualname__", "")
    if name == "of_enum.<locals>.validate":
        wrapped = inspect.getclosurevars(cast("Any", thing)).nonlocals
        return (name, wrapped["enum_cls"], wrapped["optional"])
    return name


def test_the_crime_report_builder_mirrors_the_class_validators() -> None:
    """``_fast._crime_report`` checks what these validators and converters check.

    It makes a report without running them, so a change here must be mirrored there
    (then this list updated); every other record type is made by its class.
    """
    pinned = [
        ("id", "non_empty", "nfc_id", attrs.NOTHING),
        ("source", ("of_enum.<locals>.validate", ReportSource, False), None, attrs.NOTHING),
        ("offence_article", "_article", None, attrs.NOTHING),
        ("unit_code", "non_empty", "nfc", attrs.NOTHING),
        ("received_on", "date_field", None, attrs.NOTHING),
        ("receiving_agency", "non_empty", "nfc", attrs.NOTHING),
        ("classified_on", "optional_date", None, None),
        ("extensions", "tuple_of.<locals>.validate", "_extensions", ()),
        ("suspensions", "tuple_of.<locals>.validate", "_suspensions", ()),
        ("decision", ("of_enum.<locals>.validate", Decision, True), None, None),
        ("decided_on", "optional_date", None, None),
        ("reopened_on", "optional_date", None, None),
        ("case_id", ("optional", "non_empty"), "nfc_id_or_none", None),
        ("victim_ids", "id_tuple", "nfc_id_tuple", ()),
    ]
    fields = [
        (f.name, _described(f.validator), _described(f.converter), f.default)
        for f in attrs.fields(CrimeReport)
    ]
    assert fields == pinned
    assert set(_fast._BUILDERS) == {"crime_reports"}
