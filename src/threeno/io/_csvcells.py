"""The CSV encoding of records: one row per record, one cell per field.

A CSV file holds one record type; its columns are that type's fields, named as in the
data dictionary. A cell is text, and its meaning depends on the field:

- an empty cell is an absent value (the field's default: ``None``, an empty list, or
  ``vi`` for a language); a field with no default needs a value;
- text, dates (``YYYY-MM-DD``) and slugs are written as they are, nothing trimmed;
- whole numbers are digits with an optional minus sign (``1990``, not ``1990.0``);
- flags are ``true`` or ``false`` (any case, as spreadsheets write ``TRUE``);
- a list of texts or slugs is its items separated by ``;`` (``S-1;S-2``);
- a list of objects (a subject's categories, a report's extensions and suspensions) is
  its objects separated by ``;``, each object its fields in the model's order separated
  by ``:``, the absent optional fields at the end left out
  (``returned_victim:2024-03-01;poor:2023-01-01:2024-06-30``).

This module turns a row's cells into the JSON form of the record (which the converter
then structures, like a JSON Lines line) and back. It is private to :mod:`threeno.io`.
"""

from __future__ import annotations

import enum
import re
import types
import typing
from typing import Any, Final, Union, get_args, get_origin

import attrs

from threeno.io.report import FieldProblem
from threeno.model._base import MAX_WHOLE_NUMBER

__all__ = ["Column", "Kind", "columns", "decode_row", "encode_record"]

#: A whole number in a cell: digits, with a minus sign if negative.
_WHOLE: Final = re.compile(r"-?[0-9]+")
#: The most digits a whole number of a cell may have: 2^53 − 1 has 16. A longer one is
#: refused before Python reads it (it refuses more than 4,300 digits with a ValueError).
_MOST_DIGITS: Final = len(str(MAX_WHOLE_NUMBER))
LIST_SEPARATOR: Final = ";"
PART_SEPARATOR: Final = ":"


class Kind(enum.Enum):
    """How a field is written in a cell."""

    TEXT = "text"
    WHOLE = "whole number"
    FLAG = "flag"
    LIST = "list"
    OBJECTS = "objects"


@attrs.frozen(kw_only=True)
class Column:
    """A CSV column: the field it holds and how its cell is written.

    Args:
        name: the field's name, which is the column's header.
        kind: how the cell is written.
        required: whether the field has no default (an empty cell is then refused).
        parts: for a list of objects, the nested fields in order.
        required_parts: for a list of objects, how many leading parts are required.
    """

    name: str
    kind: Kind
    required: bool
    parts: tuple[str, ...] = ()
    required_parts: int = 0

    @property
    def form(self) -> str:
        """How one object of a list of objects is written, e.g. ``category:since[:until]``."""
        head = PART_SEPARATOR.join(self.parts[: self.required_parts])
        tail = "".join(f"[{PART_SEPARATOR}{p}" for p in self.parts[self.required_parts :])
        return head + tail + "]" * (len(self.parts) - self.required_parts)


def _without_none(tp: Any) -> Any:  # noqa: ANN401 - any annotation
    if get_origin(tp) in {Union, types.UnionType}:
        args = [a for a in get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return tp


def _column(field: attrs.Attribute[Any], tp: Any) -> Column:  # noqa: ANN401 - any annotation
    tp = _without_none(tp)
    required = field.default is attrs.NOTHING
    if tp is bool:
        return Column(name=field.name, kind=Kind.FLAG, required=required)
    if tp is int:
        return Column(name=field.name, kind=Kind.WHOLE, required=required)
    if get_origin(tp) is tuple:
        item = get_args(tp)[0]
        if attrs.has(item):
            nested = attrs.fields(item)
            return Column(
                name=field.name,
                kind=Kind.OBJECTS,
                required=required,
                parts=tuple(f.name for f in nested),
                required_parts=sum(1 for f in nested if f.default is attrs.NOTHING),
            )
        return Column(name=field.name, kind=Kind.LIST, required=required)
    return Column(name=field.name, kind=Kind.TEXT, required=required)


def columns(cls: type[Any]) -> tuple[Column, ...]:
    """The columns of a record type, in the order of its fields."""
    hints = typing.get_type_hints(cls)
    return tuple(_column(f, hints[f.name]) for f in attrs.fields(cls) if f.init)


def _objects(column: Column, cell: str, out: list[FieldProblem]) -> list[dict[str, str]]:
    objects = []
    for i, item in enumerate(cell.split(LIST_SEPARATOR)):
        parts = item.split(PART_SEPARATOR)
        if not column.required_parts <= len(parts) <= len(column.parts):
            path = f"{column.name}[{i}]"
            out.append(FieldProblem.of(path, "cell_object_form", form=column.form, value=item))
            continue
        objects.append({k: v for k, v in zip(column.parts, parts, strict=False) if v})
    return objects


def _whole(name: str, cell: str, data: dict[str, Any], problems: list[FieldProblem]) -> None:
    if not _WHOLE.fullmatch(cell):
        problems.append(FieldProblem.of(name, "cell_not_whole_number", value=cell))
    elif len(cell.lstrip("-")) > _MOST_DIGITS:
        problems.append(FieldProblem.of(name, "number_too_large", limit=MAX_WHOLE_NUMBER))
    else:  # the converter checks the bound itself
        data[name] = int(cell)


def decode_row(
    header: tuple[Column, ...], cells: list[str]
) -> tuple[dict[str, Any], list[FieldProblem]]:
    """The JSON form of a row, and the problems of cells that could not be read.

    Args:
        header: the column of each cell, in the file's order.
        cells: the row's cells, as many as the header's columns.

    Returns:
        The record as the converter reads it (a cell that could not be read is left
        out) and a :class:`~threeno.io.report.FieldProblem` for each such cell (codes
        ``cell_not_whole_number``, ``cell_not_boolean``, ``cell_object_form``).
    """
    data: dict[str, Any] = {}
    problems: list[FieldProblem] = []
    for column, cell in zip(header, cells, strict=True):
        if not cell:
            continue
        kind = column.kind
        if kind is Kind.TEXT:
            data[column.name] = cell
        elif kind is Kind.WHOLE:
            _whole(column.name, cell, data, problems)
        elif kind is Kind.FLAG:
            flag = cell.lower()
            if flag in {"true", "false"}:
                data[column.name] = flag == "true"
            else:
                problems.append(FieldProblem.of(column.name, "cell_not_boolean", value=cell))
        elif kind is Kind.LIST:
            data[column.name] = cell.split(LIST_SEPARATOR)
        else:
            before = len(problems)
            objects = _objects(column, cell, problems)
            if len(problems) == before:
                data[column.name] = objects
    return data, problems


def _text(value: object, path: str) -> str:
    text = str(value)
    for separator in (LIST_SEPARATOR, PART_SEPARATOR):
        if separator in text:
            msg = f"{path}: an item holding '{separator}' cannot be written in a CSV list"
            raise ValueError(msg)
    if not text:
        msg = f"{path}: an empty item cannot be written in a CSV list"
        raise ValueError(msg)
    return text


def encode_record(header: tuple[Column, ...], data: dict[str, Any]) -> list[str]:
    """The cells of a record's JSON form (as the converter writes it).

    Args:
        header: the columns, in the order to write them.
        data: the record, unstructured.

    Returns:
        One cell per column.

    Raises:
        ValueError: naming the field, for a value a cell cannot hold so that it reads
            back the same (an empty text, a list item holding ``;``).
    """
    cells = []
    for column in header:
        value = data.get(column.name)
        if value is None:
            cells.append("")
        elif column.kind is Kind.FLAG:
            cells.append("true" if value else "false")
        elif column.kind is Kind.LIST:
            path = column.name
            items = [_text(v, f"{path}[{i}]") for i, v in enumerate(value)]
            cells.append(LIST_SEPARATOR.join(items))
        elif column.kind is Kind.OBJECTS:
            written = []
            for i, obj in enumerate(value):
                parts = [obj.get(p) for p in column.parts]
                while parts and parts[-1] is None:
                    parts.pop()
                path = f"{column.name}[{i}]"
                texts = [
                    "" if p is None else _text(p, f"{path}.{n}")
                    for p, n in zip(parts, column.parts, strict=False)
                ]
                written.append(PART_SEPARATOR.join(texts))
            cells.append(LIST_SEPARATOR.join(written))
        else:
            text = str(value)
            if not text:
                msg = f"{column.name}: an empty text cannot be written (an empty cell is absent)"
                raise ValueError(msg)
            cells.append(text)
    return cells
