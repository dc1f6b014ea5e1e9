"""Strict JSON: a document or a line read as JSON, and nothing Python's reader also takes.

Python's :mod:`json` keeps the last of two equal keys (silently dropping the first
value) and reads ``NaN`` and ``Infinity``, which are not JSON (RFC 8259); both are
refused here, as is a number of thousands of digits, each with a coded notice saying
why. Shared by the readers of a JSON document and of JSON Lines files
(:mod:`threeno.io.datasets`).
"""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any, Final, NoReturn

from threeno.io._limits import refuse
from threeno.messages import Notice

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["BOM", "JSON_SPACE", "json_error", "loads", "refuse_document", "too_deep_problem"]

#: The byte-order mark Excel and some editors write at the start of a UTF-8 file.
BOM: Final = b"\xef\xbb\xbf"
# JSON's whitespace (RFC 8259): a line of only these is blank. str.strip() would also
# drop other Unicode spaces (U+001C, U+00A0), silently skipping a line that is no JSON.
JSON_SPACE: Final = " \t\r\n"


class _NotJsonError(ValueError):
    """Valid to Python's json reader, but not JSON (or ambiguous): its notice says why."""

    def __init__(self, notice: Notice) -> None:
        super().__init__(notice.text("en"))
        self.notice = notice


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # json keeps the last of two equal keys, silently dropping the first value: refuse.
    obj = dict(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _NotJsonError(Notice("duplicate_json_key", {"key": key}))
            seen.add(key)
    return obj


def _no_constant(name: str) -> float:
    # json reads NaN and Infinity, which are not JSON.
    raise _NotJsonError(Notice("json_constant", {"name": name}))


def json_error(exc: BaseException, depth: int) -> Notice:
    """Why a line is not JSON (a decoding error's column counts from the line's start)."""
    if isinstance(exc, json.JSONDecodeError):
        return Notice("not_json", {"detail": exc.msg, "column": exc.colno})
    if isinstance(exc, RecursionError):
        return too_deep_problem(depth)
    if isinstance(exc, _NotJsonError):
        return exc.notice
    if _TOO_MANY_DIGITS in str(exc):
        # A number of thousands of digits: Python refuses to read it (CVE-2020-10735).
        return Notice("json_number_too_long", {"limit": sys.get_int_max_str_digits()})
    return Notice("invalid_value", {"detail": f"not valid JSON: {exc}"})  # pragma: no cover


# The words of the ValueError Python raises for an integer of too many digits.
_TOO_MANY_DIGITS: Final = "Exceeds the limit"


def refuse_document(path: Path, exc: BaseException, depth: int) -> NoReturn:
    """Refuse a whole JSON document that is not JSON, naming the file and why."""
    if isinstance(exc, json.JSONDecodeError):
        refuse(
            "document_not_json", file=str(path), detail=exc.msg, line=exc.lineno, column=exc.colno
        )
    refuse("document_json_problem", file=str(path), problem=json_error(exc, depth))


def too_deep_problem(depth: int) -> Notice:
    return Notice("too_deep", {"depth": depth})


# One decoder for every line: json.loads with hooks would build a new one per call.
_DECODER: Final = json.JSONDecoder(
    object_pairs_hook=_no_duplicate_keys, parse_constant=_no_constant
)


def loads(text: str) -> object:
    return _DECODER.decode(text)
