"""Properties of loading: valid datasets corrupted at random are always accounted for.

A dataset drawn from the strategies is unstructured, then some of its records are
corrupted in one of the ways a provincial export goes wrong: a required key dropped, a
value of the wrong type, an unknown slug, an impossible or foreign-format date, an
unknown key, an id repeated (both copies are then corrupted). The load must then reject
exactly the corrupted records, accept every other one, and report per type
``read == accepted + rejected``.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
import typing
from pathlib import Path
from typing import Any

import attrs
from hypothesis import given
from hypothesis import strategies as st

from threeno.io.converter import CONVERTER
from threeno.io.datasets import SCHEMA, load_dataset
from threeno.model._base import LabelledEnum
from threeno.model.dataset import RECORD_TYPES, Dataset
from threeno.testing.strategies import datasets

Raw = dict[str, Any]

_HINTS = {name: typing.get_type_hints(cls) for name, cls in RECORD_TYPES.items()}


def _bare(tp: Any) -> Any:  # noqa: ANN401 - any annotation
    """``X`` for ``X | None``."""
    args = [a for a in typing.get_args(tp) if a is not type(None)]
    return args[0] if type(None) in typing.get_args(tp) else tp


def _fields(name: str, kind: str) -> list[str]:
    """The fields of ``name`` whose type is ``kind``: required, enum or date."""
    cls = RECORD_TYPES[name]
    fields = attrs.fields(cls)
    if kind == "required":
        return [f.name for f in fields if f.default is attrs.NOTHING]
    wanted: Any = LabelledEnum if kind == "enum" else dt.date
    return [
        f.name
        for f in fields
        if isinstance(_bare(_HINTS[name][f.name]), type)
        and issubclass(_bare(_HINTS[name][f.name]), wanted)
    ]


def _wrong_value(tp: Any) -> object:  # noqa: ANN401 - any annotation
    """A JSON value of another type than ``tp`` wants."""
    bare = _bare(tp)
    if bare is int or bare is bool:
        return "12"
    if typing.get_origin(bare) is tuple:
        return "S-1;S-2"  # a text where a list belongs
    return 12  # text, slugs and dates are all text


@st.composite
def corrupt(draw: st.DrawFn, name: str, raw: Raw) -> Raw:
    """``raw`` broken in one of five ways (an id repeated is done by the caller)."""
    broken = dict(raw)
    ways = ["drop", "wrong_type", "extra_key"]
    if _fields(name, "enum"):
        ways.append("bad_slug")
    if _fields(name, "date"):
        ways.append("bad_date")
    way = draw(st.sampled_from(ways))
    if way == "drop":
        del broken[draw(st.sampled_from(_fields(name, "required")))]
    elif way == "wrong_type":
        field = draw(st.sampled_from(sorted(_HINTS[name])))
        broken[field] = _wrong_value(_HINTS[name][field])
    elif way == "extra_key":
        broken["remarks"] = "ghi chú"
    elif way == "bad_slug":
        broken[draw(st.sampled_from(_fields(name, "enum")))] = "khong-ro"
    else:
        bad = draw(st.sampled_from(["2024-02-30", "25/01/2024", "2024-1-5", ""]))
        broken[draw(st.sampled_from(_fields(name, "date")))] = bad
    return broken


@st.composite
def corrupted(draw: st.DrawFn) -> tuple[dict[str, list[Raw]], dict[str, set[int]]]:
    """A valid dataset's records in JSON form, some corrupted; the corrupted indexes."""
    data: Dataset = draw(datasets(max_size=5))
    document: dict[str, list[Raw]] = {}
    broken: dict[str, set[int]] = {}
    for name in RECORD_TYPES:
        items: list[Raw] = [CONVERTER.unstructure(r) for r in getattr(data, name)]
        broken[name] = set()
        for i in range(len(items)):
            if draw(st.integers(0, 3)) == 0:
                items[i] = draw(corrupt(name, items[i]))
                broken[name].add(i)
        repeat = draw(st.booleans())
        if items and repeat:
            # An id repeated: a copy of an earlier record, at the end. Both are rejected
            # (issue 17: every copy of a repeated id, whatever the order).
            copied = draw(st.integers(0, len(items) - 1))
            items.append(dict(items[copied]))
            broken[name] |= {copied, len(items) - 1}
        document[name] = items
    return document, broken


def check(report_counts: dict[str, tuple[int, int, int]], document: dict[str, list[Raw]]) -> None:
    """Per type, ``read`` is the records given and ``accepted + rejected == read``."""
    for name, (read, accepted, rejected) in report_counts.items():
        assert len(document[name]) == read
        assert read == accepted + rejected


class TestCorruptedDatasets:
    """Every record read is accepted or rejected, and exactly the corrupted are rejected."""

    @given(case=corrupted())
    def test_in_memory_document(
        self, case: tuple[dict[str, list[Raw]], dict[str, set[int]]]
    ) -> None:
        """The document given as a mapping."""
        document, broken = case
        data, report = load_dataset({"schema": SCHEMA, **document})
        counts = {n: (c.read, c.accepted, c.rejected) for n, c in report.counts.items()}
        check(counts, document)
        for name in RECORD_TYPES:
            rejected = {r.index for r in report.rejections if r.record_type == name}
            assert broken[name] == rejected
            assert len(getattr(data, name)) == len(document[name]) - len(broken[name])
        assert all(r.problems for r in report.rejections)

    @given(case=corrupted(), garbage=st.lists(st.sampled_from(["{", "[1]", "null", '"x"'])))
    def test_jsonl_folder(
        self, case: tuple[dict[str, list[Raw]], dict[str, set[int]]], garbage: list[str]
    ) -> None:
        """The same records as JSON Lines files, with lines that are not records at the end."""
        document, broken = case
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            for name, items in document.items():
                lines = [json.dumps(raw, ensure_ascii=False) for raw in items]
                if name == "model_reviews":
                    lines += garbage
                text = "".join(line + "\n" for line in lines)
                (folder / f"{name}.jsonl").write_text(text, encoding="utf-8")
            _, report = load_dataset(folder)
        document["model_reviews"] = document["model_reviews"] + [{} for _ in garbage]
        counts = {n: (c.read, c.accepted, c.rejected) for n, c in report.counts.items()}
        check(counts, document)
        for name in RECORD_TYPES:
            expected = {i + 1 for i in broken[name]}  # line numbers start at 1
            if name == "model_reviews":
                first = len(document[name]) - len(garbage)
                expected |= {first + k + 1 for k in range(len(garbage))}
            assert expected == {r.line for r in report.rejections if r.record_type == name}
