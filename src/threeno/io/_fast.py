"""The fast path of the JSON Lines reader: a line decoded by msgspec when it is provably valid.

The exact reader (:mod:`threeno.io._record_files`) reads a line with Python's strict
JSON reader (:mod:`threeno.io._json`), then the record with the project's cattrs
converter (:mod:`threeno.io.converter`), about 38 µs a line. Here the line is decoded by
msgspec into a Struct that mirrors the record class (``forbid_unknown_fields``, the
same required and optional keys, the same JSON types), each value checked as the
converter checks it, and the record made by calling its class, whose converters and
validators then run as they do on the exact path. A crime report (the type a national
consolidation holds by the million) is made without its field validators, each checked
by ``_crime_report`` instead; its cross-field checks (``__attrs_post_init__``) run as
they are. :func:`decode` returns that record
only when it can prove that the exact path would build an equal one; otherwise it
returns ``None`` and the caller reads the line the exact way, so that every rejection
(its messages, codes, fields and order) is the exact path's, line for line.

``None`` is returned for a line that:

- msgspec cannot decode into the Struct (not JSON, not UTF-8, ``NaN``, a missing or
  unknown key, a value of another JSON type, a float or ``true`` for a whole number,
  ``null`` for a key that is not optional);
- holds a backslash (an escape: the duplicate-key proof below counts quotes) or two
  equal keys (msgspec keeps the last one silently; the exact path refuses the line);
- holds text that is not in Unicode NFC (``"`` never composes with a neighbour, so on
  a line in NFC every text is in NFC, and the class's NFC converter changes nothing),
  or a text that is not printable (the
  converter refuses a control character; a non-ASCII space is handed over too);
- holds a whole number beyond ``MAX_WHOLE_NUMBER``, a date that is not ``YYYY-MM-DD`` in
  ASCII digits or no such date, a slug that is not one of its enumeration;
- makes a record its class refuses (any :class:`~threeno.errors.ThreenoError`).

Two equal keys are proved absent by counting: on a line without a backslash every
``"`` opens or closes a string (a key or a text value), so the line holds
``count('"') / 2`` strings; the decoded Struct accounts for one string per key present
and one per text, date or slug value. A repeated key adds at least one string (itself)
that the Struct does not hold, so the counts are equal only when no key is repeated.
For ``{"id":"CR-1","id":"CR-2",...}``: 8 quotes more than a line with one ``id`` would
need 4, the decoded ``id`` accounts for 2 strings (4 quotes), and the line is handed over.

Depth is bounded by the Structs (a crime report nests 3 deep: object, list, object);
the caller uses the fast path only when the load's depth limit is at least
:data:`DEPTH`. Source: the data dictionary (``generated/data-dictionary``: the keys and
JSON types of each record type); ``docs/performance.md`` ("Where the time goes").
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import types
import typing
import unicodedata
from collections.abc import Callable
from typing import Any, Final, Union, get_args, get_origin

import attrs
import msgspec

# The converter's shared values: a record made here holds the same objects as one made
# by the exact path (one date, whole number, nested value or tuple of them per value).
from threeno.io.converter import (
    _NESTED as _SHARED_CLASSES,
)
from threeno.io.converter import _SMALL_INT, INTERNED_FIELDS
from threeno.model._base import MAX_WHOLE_NUMBER
from threeno.model._sharing import DATES, share_id, share_text
from threeno.model._sharing import share as _shared
from threeno.model.crime import CrimeReport
from threeno.model.dataset import RECORD_TYPES, Record
from threeno.model.enums import Decision, ReportSource

__all__ = ["DEPTH", "ENABLED", "decode"]

#: Whether the JSON Lines reader tries the fast path (off only to compare with the exact
#: path in tests).
ENABLED = True

#: The deepest a line the fast path accepts can nest (a record, a list, a nested record).
DEPTH: Final = 3

_ASCII_DATE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class _Unproven(Exception):  # noqa: N818 - a signal, not an error
    """The line is not proved valid: hand it to the exact path."""


# A value checker: the decoded value and a one-item counter of the strings it holds.
_Check = Callable[[Any, list[int]], Any]


def _text(value: str, strings: list[int]) -> str:
    # The converter refuses an unprintable text; a non-ASCII space (printable to it) is
    # handed over too, which is only conservative.
    if not value.isprintable():
        raise _Unproven
    strings[0] += 1
    return value


def _interned(value: str, strings: list[int]) -> str:
    return share_text(_text(value, strings))


def _whole(value: int, strings: list[int]) -> int:  # noqa: ARG001 - a checker's signature
    if not -MAX_WHOLE_NUMBER <= value <= MAX_WHOLE_NUMBER:
        raise _Unproven
    return value if -_SMALL_INT < value <= _SMALL_INT else _shared(value)


def _flag(value: bool, strings: list[int]) -> bool:  # noqa: ARG001, FBT001 - a checker's signature
    return value


def _date(value: str, strings: list[int]) -> dt.date:
    strings[0] += 1
    cached = DATES.get(value)
    if cached is not None:
        return cached
    if not _ASCII_DATE.fullmatch(value):
        raise _Unproven
    try:
        parsed = dt.date.fromisoformat(value)
    except ValueError:
        raise _Unproven from None
    return DATES.keep(value, parsed)


def _slug(cls: type[enum.Enum]) -> _Check:
    members = {member.value: member for member in cls}

    def check(value: str, strings: list[int]) -> enum.Enum:
        member = members.get(value)
        if member is None:
            raise _Unproven
        strings[0] += 1
        return member

    return check


def _optional(inner: _Check) -> _Check:
    def check(value: Any, strings: list[int]) -> Any:  # noqa: ANN401 - any field's value
        return None if value is None else inner(value, strings)

    return check


def _items(inner: _Check, *, share: bool) -> _Check:
    def check(value: tuple[Any, ...], strings: list[int]) -> tuple[Any, ...]:
        made = tuple([inner(item, strings) for item in value])
        return _shared(made) if share else made

    return check


class _Shape:
    """A record class, the Struct mirroring it, and the check of each of its fields."""

    __slots__ = ("checks", "cls", "struct")

    def __init__(self, cls: type[Any]) -> None:
        self.cls = cls
        hints = typing.get_type_hints(cls)
        fields: list[tuple[str, Any] | tuple[str, Any, Any]] = []
        checks: list[tuple[str, _Check]] = []
        for field in attrs.fields(cls):
            wire, check = _mirror(hints[field.name], field.name)
            if field.default is attrs.NOTHING:
                fields.append((field.name, wire))
            else:  # absent stays absent: the class gives its default, as on the exact path
                fields.append((field.name, wire | msgspec.UnsetType, msgspec.UNSET))
            checks.append((field.name, check))
        self.struct: type[msgspec.Struct] = msgspec.defstruct(
            f"{cls.__name__}Wire", fields, forbid_unknown_fields=True
        )
        self.checks = tuple(checks)

    def build(self, decoded: msgspec.Struct, strings: list[int]) -> Any:  # noqa: ANN401 - a record
        kwargs: dict[str, Any] = {}
        for name, check in self.checks:
            value = getattr(decoded, name)
            if value is msgspec.UNSET:
                continue
            strings[0] += 1  # the key
            kwargs[name] = check(value, strings)
        try:
            made = self.cls(**kwargs)
        except Exception:  # noqa: BLE001 - whatever the class refuses, the exact path says why
            raise _Unproven from None
        return _shared(made) if self.cls in _SHARED_CLASSES else made


def _mirror(hint: Any, name: str) -> tuple[Any, _Check]:  # noqa: ANN401, C901, PLR0911 - one branch a type
    """The JSON type msgspec decodes a field of type ``hint`` as, and the field's check."""
    if get_origin(hint) in (Union, types.UnionType):
        args = [a for a in get_args(hint) if a is not type(None)]
        if len(args) != len(get_args(hint)) - 1 or len(args) != 1:
            raise TypeError(hint)
        wire, check = _mirror(args[0], name)
        return wire | None, _optional(check)
    if get_origin(hint) is tuple:
        item, *rest = get_args(hint)
        if rest != [Ellipsis]:  # only tuple[X, ...]
            raise TypeError(hint)
        wire, check = _mirror(item, "")
        # As the converter: tuples of nested values or of codes are shared.
        share = item in _SHARED_CLASSES or (isinstance(item, type) and issubclass(item, enum.Enum))
        return tuple[wire, ...], _items(check, share=share)  # type: ignore[valid-type]
    if hint is bool:
        return bool, _flag
    if hint is int:
        return int, _whole
    if hint is str:
        return str, _interned if name in INTERNED_FIELDS else _text
    if hint is dt.date:
        return str, _date
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return str, _slug(hint)
    if attrs.has(hint):
        shape = _Shape(hint)
        return shape.struct, shape.build
    raise TypeError(hint)


_UNSET: Final = msgspec.UNSET
_SOURCES: Final = {member.value: member for member in ReportSource}
_DECISIONS: Final = {member.value: member for member in Decision}
_new = object.__new__
_set = object.__setattr__


def _code(value: str) -> str:
    # non_empty (the model) and the converter's text check; NFC already (see decode).
    if not value.isprintable() or not value.strip():
        raise _Unproven
    return value


def _day(value: str | None) -> dt.date | None:
    return None if value is None else _date(value, [0])


def _crime_report(  # noqa: C901, PLR0912, PLR0915 - a step a field
    wire: Any,  # noqa: ANN401 - the Struct made from the class
    strings: list[int],
) -> CrimeReport:
    """A crime report made without its field validators, each checked here instead.

    The checks equal ``CrimeReport``'s validators (``non_empty``, ``_article``, ``of_enum``,
    the dates', ``id_tuple``, the optional ``case_id``) and the converter's (printable
    text, whole numbers within ``MAX_WHOLE_NUMBER``); the class's converters (NFC, lists
    to tuples) change nothing on a line in NFC; ``__attrs_post_init__`` runs as it is.
    tests/io/test_fast_path.py pins the validators this mirrors.
    """
    source = _SOURCES.get(wire.source)
    article = wire.offence_article
    if source is None or not 1 <= article <= MAX_WHOLE_NUMBER:
        raise _Unproven
    count = 11  # 6 keys, 5 texts: id, source, unit_code, received_on, receiving_agency
    record = _new(CrimeReport)
    _set(record, "id", share_id(_code(wire.id)))  # as nfc_id does
    _set(record, "source", source)
    _set(record, "offence_article", article)
    _set(record, "unit_code", share_text(_code(wire.unit_code)))
    _set(record, "received_on", _date(wire.received_on, strings))
    _set(record, "receiving_agency", share_text(_code(wire.receiving_agency)))
    for name in ("classified_on", "decided_on", "reopened_on"):
        value = getattr(wire, name)
        if value is _UNSET:
            value = None
        else:
            count += 1 if value is None else 2
        _set(record, name, _day(value))
    nested = []
    for name in ("extensions", "suspensions"):
        value = getattr(wire, name)
        if value is _UNSET:
            value = ()
        else:
            count += 1
            value = _NESTED[name](value, strings)
        nested.append(value)
        _set(record, name, value)
    decision = wire.decision
    if decision is _UNSET:
        decision = None
    elif decision is not None:
        count += 2
        decision = _DECISIONS.get(decision)
        if decision is None:
            raise _Unproven
    else:
        count += 1
    _set(record, "decision", decision)
    case_id = wire.case_id
    if case_id is _UNSET:
        case_id = None
    elif case_id is not None:
        count += 2
        case_id = share_id(_code(case_id))
    else:
        count += 1
    _set(record, "case_id", case_id)
    victims = wire.victim_ids
    if victims is _UNSET:
        victims = ()
    else:
        count += 1 + len(victims)
        victims = tuple(share_id(_code(victim)) for victim in victims)
        if len(set(victims)) != len(victims):
            raise _Unproven
    _set(record, "victim_ids", victims)
    strings[0] += count - 1  # _date counted received_on
    try:
        record.__attrs_post_init__()
    except Exception:  # noqa: BLE001 - whatever the class refuses, the exact path says why
        raise _Unproven from None
    return record


def _shapes() -> dict[str, tuple[_Shape, msgspec.json.Decoder[Any]]]:
    shapes = {}
    for name, cls in RECORD_TYPES.items():
        try:
            shape = _Shape(cls)
        except TypeError:  # a field of a type not mirrored here: that type has no fast path
            continue
        shapes[name] = (shape, msgspec.json.Decoder(shape.struct))
    return shapes


_SHAPES: Final = _shapes()
# The nested records of a crime report, made by their classes (lists are usually empty).
_NESTED: Final = {
    name: check
    for name, check in _SHAPES["crime_reports"][0].checks
    if name in ("extensions", "suspensions")
}
#: The record types made without their field validators (each mirrored above).
_BUILDERS: Final[dict[str, Callable[[Any, list[int]], Any]]] = {"crime_reports": _crime_report}


def decode(record_type: str, line: bytes) -> Record | None:
    """The record a JSON Lines line holds, or ``None`` unless it is proved valid.

    The record is equal to the one the exact path makes of the line (the same values,
    the same types: dates, enumeration members, tuples, interned codes), made by its
    class; ``None`` says only "read this line the exact way".

    >>> line = b'{"id": "MR-1", "unit_code": "03385", "held_on": "2024-06-30",'
    >>> line += b' "kind": "so_ket", "maintained": true}'
    >>> decode("model_reviews", line).held_on
    datetime.date(2024, 6, 30)
    >>> decode("model_reviews", line.replace(b'"MR-1"', b'"MR-1", "id": "MR-2"')) is None
    True
    >>> decode("model_reviews", line.replace(b"true", b"1")) is None
    True

    Args:
        record_type: the record type of the file (a key of ``RECORD_TYPES``).
        line: the line's bytes, without a byte-order mark.
    """
    found = _SHAPES.get(record_type)
    if found is None or b"\\" in line:
        return None
    shape, decoder = found
    try:
        decoded = decoder.decode(line)
    except (msgspec.DecodeError, msgspec.ValidationError):
        return None
    if not line.isascii() and not unicodedata.is_normalized("NFC", line.decode("utf-8")):
        return None
    strings = [0]
    try:
        build: Callable[[Any, list[int]], Any] = _BUILDERS.get(record_type, shape.build)
        record: Record = build(decoded, strings)
    except _Unproven:
        return None
    if 2 * strings[0] != line.count(b'"'):
        return None  # a key given twice (msgspec kept the last)
    return record
