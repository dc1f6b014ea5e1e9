"""What the service reads from a request, and how it refuses: language, parameters, body.

Pure functions, no web framework: the language of the answer from ``lang`` or
``Accept-Language``; each parameter read as the command line reads its option, unknown
and repeated ones refused; the body read as JSON as strictly as the library reads a
document (UTF-8, no repeated key, no ``NaN``, a bounded depth) and its records counted.
Every refusal is a :class:`ServiceError`: an HTTP status and a coded
:class:`~threeno.messages.Notice`. No message quotes the body: a value from it could be
a person's.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import TYPE_CHECKING, Any, Final

from threeno.io._json import BOM, JSON_SPACE
from threeno.io._limits import MAX_DEPTH, too_deep
from threeno.lang import LANGS
from threeno.messages import Notice

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from threeno.lang import Lang

# How deeply a request body may nest (MAX_DEPTH): a record nests 3 levels deep in a
# document, its lists of objects 5; the library's limit for JSON files, LoadLimits.depth.
#: Python's limit on the digits of a whole number read from text (``sys.int_info``).
INT_DIGITS: Final = 4300


class ServiceError(Exception):
    """A request the service refuses: its HTTP status and a coded notice.

    Args:
        status: the HTTP status (4xx; 503 when busy or out of time).
        code: the notice's code in :data:`threeno.messages.TEMPLATES`.
        headers: headers for the answer (``Retry-After``, ``WWW-Authenticate``, ``Allow``).
        extra: more JSON for the answer beside ``error`` (a load report).
        params: the notice's params.
    """

    def __init__(
        self,
        status: int,
        code: str,
        /,
        *,
        headers: Mapping[str, str] | None = None,
        extra: Mapping[str, object] | None = None,
        **params: object,
    ) -> None:
        """Keep the status and the notice; ``str(error)`` is its English text."""
        self.status = status
        self.notice = Notice(code, params)
        self.headers = dict(headers or {})
        self.extra = dict(extra or {})
        super().__init__(self.notice.text("en"))

    @classmethod
    def coded(cls, status: int, code: str, params: Mapping[str, object]) -> ServiceError:
        """The error of ``code`` with ``params`` given as a mapping (a library error's)."""
        error = cls.__new__(cls)
        error.status = status
        error.notice = Notice(code, params)
        error.headers = {}
        error.extra = {}
        Exception.__init__(error, error.notice.text("en"))
        return error


def shown(value: object, limit: int = 40) -> str:
    """A value a message quotes back to its sender: repr'd, cut at ``limit`` characters."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


# -- the language ----------------------------------------------------------------------

_RANGE: Final = re.compile(
    r"^\s*([A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*|\*)\s*(?:;\s*q\s*=\s*([0-9.]+))?\s*$"
)


def negotiate(header: str | None, default: Lang = "vi") -> Lang:
    """The language an ``Accept-Language`` header prefers among Vietnamese and English.

    The highest weight wins (``q``, 1 when absent; ``q=0`` refuses); a tie goes to the
    one listed first; ``*`` stands for ``default``; ``en-US`` counts as ``en``. Vietnamese
    (the language of the officials who read the reports) when the header names neither.
    Malformed ranges are skipped (RFC 9110, section 12.5.4: a server may ignore the header).

    >>> from threeno.serve._http import negotiate
    >>> negotiate("en-US,en;q=0.9,vi;q=0.8"), negotiate("vi, en;q=0.5"), negotiate(None)
    ('en', 'vi', 'vi')
    >>> negotiate("fr, en;q=0.1"), negotiate("en;q=0, *")
    ('en', 'vi')
    """
    if not header:
        return default
    best: tuple[float, int, Lang] | None = None
    refused: set[str] = set()
    for position, item in enumerate(header.split(",")[:32]):
        match = _RANGE.match(item)
        if match is None:
            continue
        tag, weight = match[1].lower(), match[2]
        try:
            q = 1.0 if weight is None else float(weight)
        except ValueError:
            continue
        primary = tag.split("-", 1)[0]
        lang: Lang | None
        if primary == "*":
            lang = default
        elif primary in LANGS:
            lang = "vi" if primary == "vi" else "en"
        else:
            continue
        if q <= 0:
            refused.add(primary)
            continue
        if primary == "*" and lang in refused:
            lang = "en" if lang == "vi" else "vi"
        candidate = (q, -position, lang)
        if best is None or candidate[:2] > best[:2]:
            best = candidate
    return default if best is None else best[2]


# -- the parameters ----------------------------------------------------------------------


class Query:
    """A request's query parameters, read against the names its endpoint takes.

    Args:
        items: the ``(name, value)`` pairs in their order.
        allowed: the names the endpoint takes; any other is refused.
        repeatable: those of them that may be given several times.

    Raises:
        ServiceError: 400 ``service_parameter_unknown`` for a name not allowed.
    """

    def __init__(
        self,
        items: Iterable[tuple[str, str]],
        allowed: Sequence[str],
        repeatable: Iterable[str] = (),
    ) -> None:
        """Keep the values by name, refusing a name the endpoint does not take."""
        self.values: dict[str, list[str]] = {}
        for name, value in items:
            if name not in allowed:
                known = ", ".join(allowed) or "—"
                raise ServiceError(400, "service_parameter_unknown", name=shown(name), known=known)
            self.values.setdefault(name, []).append(value)
        self.repeatable = frozenset(repeatable)

    def one(self, name: str) -> str | None:
        """The value of a parameter given at most once; ``None`` when absent."""
        values = self.values.get(name, [])
        if len(values) > 1 and name not in self.repeatable:
            raise ServiceError(400, "service_parameter_repeated", name=name)
        return values[-1] if values else None

    def many(self, name: str) -> list[str]:
        """Every value of a repeatable parameter, in order."""
        return list(self.values.get(name, []))

    def boolean(self, name: str) -> bool | None:
        """``true`` or ``false`` (any case); ``None`` when absent."""
        value = self.one(name)
        if value is None:
            return None
        if value.lower() in {"true", "false"}:
            return value.lower() == "true"
        raise ServiceError(400, "service_parameter_not_boolean", name=name, value=shown(value))

    def choice(self, name: str, choices: Sequence[str]) -> str | None:
        """One of ``choices``; ``None`` when absent."""
        value = self.one(name)
        if value is None or value in choices:
            return value
        raise ServiceError(
            400,
            "service_parameter_not_choice",
            name=name,
            value=shown(value),
            choices=", ".join(choices),
        )

    def days(self, name: str) -> int | None:
        """A whole number of days from 0 to 366, as ``--days-allowed``; ``None`` when absent."""
        value = self.one(name)
        if value is None:
            return None
        if re.fullmatch(r"[0-9]{1,3}", value) and int(value) <= 366:
            return int(value)
        raise ServiceError(400, "service_parameter_not_days", name=name, value=shown(value))

    def threshold(self, name: str) -> int | None:
        """A whole number, 2 or more, as ``--suppress-below``; ``None`` when absent."""
        value = self.one(name)
        if value is None:
            return None
        if re.fullmatch(r"[0-9]{1,9}", value) and int(value) >= 2:
            return int(value)
        raise ServiceError(400, "service_parameter_not_threshold", name=name, value=shown(value))

    def dates(self, name: str) -> list[dt.date]:
        """Every value of a repeatable date parameter (``YYYY-MM-DD``)."""
        return [_date(name, value) for value in self.many(name)]

    def date(self, name: str) -> dt.date | None:
        """A date (``YYYY-MM-DD``); ``None`` when absent."""
        value = self.one(name)
        return None if value is None else _date(name, value)


def _date(name: str, value: str) -> dt.date:
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise ServiceError(400, "service_parameter_not_date", name=name, value=shown(value))


# -- the body ----------------------------------------------------------------------------


class _RefusedError(ValueError):
    def __init__(self, *, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # json keeps the last of two equal keys, silently dropping the first value: refuse,
    # without quoting the key (a key may be a value in a hostile body).
    obj = dict(pairs)
    if len(obj) != len(pairs):
        raise _RefusedError(code="service_body_duplicate_key")
    return obj


def _no_constant(name: str) -> float:
    # json reads NaN and Infinity, which are not JSON.
    raise _RefusedError(code="service_body_json_constant", name=name)


_DECODER: Final = json.JSONDecoder(
    object_pairs_hook=_no_duplicate_keys, parse_constant=_no_constant
)


def parse_json(body: bytes, *, schema: str) -> object:
    """The JSON value of a request body, read as strictly as the library reads a document.

    UTF-8 (a byte-order mark is skipped, as Excel writes one), not empty, valid JSON, no
    key twice in an object, no ``NaN`` or ``Infinity``, at most :data:`MAX_DEPTH` levels.

    Raises:
        ServiceError: 400 with ``service_body_empty``, ``service_body_not_utf8``,
            ``service_body_not_json``, ``service_body_duplicate_key``,
            ``service_body_json_constant``, ``service_body_number_too_long`` or
            ``service_body_too_deep``; the message gives a place, never a value.
    """
    data = body.removeprefix(BOM)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ServiceError(400, "service_body_not_utf8", line=line, byte=data[exc.start]) from None
    if not text.strip(JSON_SPACE):
        raise ServiceError(400, "service_body_empty", schema=schema)
    try:
        value = _DECODER.decode(text)
    except json.JSONDecodeError as exc:
        raise ServiceError(
            400, "service_body_not_json", detail=exc.msg, line=exc.lineno, column=exc.colno
        ) from None
    except _RefusedError as exc:
        raise ServiceError.coded(400, exc.code, exc.params) from None
    except RecursionError:
        raise ServiceError(400, "service_body_too_deep", depth=MAX_DEPTH) from None
    except ValueError:  # a whole number of more digits than Python reads
        raise ServiceError(400, "service_body_number_too_long", digits=INT_DIGITS) from None
    if too_deep(value, MAX_DEPTH):
        raise ServiceError(400, "service_body_too_deep", depth=MAX_DEPTH)
    return value


def count_records(document: object) -> int:
    """How many records a document holds: the items of its lists (0 for anything else)."""
    if not isinstance(document, dict):
        return 0
    return sum(len(value) for value in document.values() if isinstance(value, list))
