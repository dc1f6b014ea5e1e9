"""Messages with a stable code, written in Vietnamese or English.

Every sentence threeno shows about the data or the plan — a rejection reason, a problem
between records, a load note, a warning of an evaluation — is a :class:`Notice`: a stable,
machine-readable ``code`` (a tool matches it whatever the language) and the ``params``
that fill it, written out by :meth:`Notice.text` from :data:`TEMPLATES`, the one
catalogue of wordings (Vietnamese first, then English).

Params are ids, codes, field names, counts and dates — never a value that could be a
person's (the caller scrubs, see ``threeno.model._personal.scrub``).

A template fills its params as :meth:`str.format` does (``{value!r}``, ``{byte:02x}``),
and also knows how each language writes a few of them:

* a param that is itself a :class:`Notice` (or a tuple of them, joined by ``"; "``) is
  written in the same language, so a message can hold another (a file's name, then
  what is wrong with it);
* ``{n:number}`` writes a whole number as :func:`threeno.lang.number` does (``19.353``
  in Vietnamese, ``19,353`` in English);
* ``{t:kind}`` writes the name of a value's type (``int``, ``str``, ``list``, ``dict``,
  ``object``, ``text``...) in words: ``số nguyên``, ``văn bản``... in Vietnamese, the
  name itself in English;
* ``{name:an}`` puts the English article before a class name (``an Extension``) and
  nothing in Vietnamese.

>>> from threeno.messages import Notice
>>> n = Notice("units_not_checked")
>>> n.text("en")
'unit codes were not checked: no plan was given'
>>> n.text("vi")
'chưa kiểm tra mã đơn vị hành chính: không có kế hoạch'

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import string
from collections.abc import Callable, Mapping  # noqa: TC003 - attrs reads the annotations
from types import MappingProxyType
from typing import Final

import attrs

from threeno.lang import LANGS, Lang, check_lang, number
from threeno.messages import (
    _cli,
    _evaluation,
    _files,
    _io,
    _languages,
    _model,
    _service,
    _xlsx,
)

__all__ = ["TEMPLATES", "Notice"]


def _merged(*parts: Mapping[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """One catalogue from the parts, refusing a code written twice (a programming error)."""
    merged: dict[str, tuple[str, str]] = {}
    for part in parts:
        twice = sorted(merged.keys() & part.keys())
        if twice:
            msg = f"message codes written twice: {', '.join(twice)}"
            raise ValueError(msg)
        merged.update(part)
    return merged


#: Every message's wording by code, ``(Vietnamese, English)``, as ``str.format``
#: templates filled with the notice's params. Codes are stable; a tool may match them.
#: The wordings are written by area, each in a module of this package (languages,
#: loading data, the model's invariants, plans and evaluations, the command line, the
#: HTTP service).
TEMPLATES: Final[dict[str, tuple[str, str]]] = _merged(
    _languages.TEMPLATES,
    _io.TEMPLATES,
    _files.TEMPLATES,
    _model.TEMPLATES,
    _evaluation.TEMPLATES,
    _cli.TEMPLATES,
    _service.TEMPLATES,
    _xlsx.TEMPLATES,
)


def _frozen(params: Mapping[str, object]) -> Mapping[str, object]:
    return MappingProxyType(dict(params))


#: How Vietnamese names the types of values a message may report (Python's names, and
#: JSON's words ``object``, ``list``, ``text``); English writes the name itself.
_KIND_VI: Final[dict[str, str]] = {
    "str": "văn bản",
    "text": "văn bản",
    "int": "số nguyên",
    "float": "số thập phân",
    "bool": "giá trị true/false",
    "list": "danh sách",
    "tuple": "danh sách",
    "dict": "nhóm {khóa: giá trị}",
    "object": "nhóm {khóa: giá trị}",
    "NoneType": "null",
    "date": "ngày",
    "datetime": "ngày giờ",
    "bytes": "dữ liệu nhị phân",
}


def _kind(value: object, lang: Lang) -> str:
    name = str(value)
    return _KIND_VI.get(name, name) if lang == "vi" else name


def _article(value: object, lang: Lang) -> str:
    name = str(value)
    if lang == "vi":
        return name
    return f"{'an' if name[:1] in 'AEIOU' else 'a'} {name}"


def _number(value: object, lang: Lang) -> str:
    return number(value, lang) if isinstance(value, int) else str(value)


_SPECS: Final[dict[str, Callable[[object, Lang], str]]] = {
    "number": _number,
    "kind": _kind,
    "an": _article,
}


class _Formatter(string.Formatter):
    """``str.format`` with the language's own ways (see the module's docstring)."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang

    def format_field(self, value: object, format_spec: str) -> str:
        if isinstance(value, Notice):
            value = value.text(self.lang)
        elif isinstance(value, tuple) and value and all(isinstance(v, Notice) for v in value):
            value = "; ".join(v.text(self.lang) for v in value)
        spec = _SPECS.get(format_spec)
        if spec is not None:
            return spec(value, self.lang)
        return format(value, format_spec)


_FORMATTERS: Final = {lang: _Formatter(lang) for lang in LANGS}


def _plain(value: object) -> object:
    # A nested notice as JSON sees it.
    if isinstance(value, Notice):
        return value.to_dict()
    if isinstance(value, tuple) and value and all(isinstance(v, Notice) for v in value):
        return [v.to_dict() for v in value]
    return value


@attrs.frozen
class Notice:
    """A message: its stable ``code`` and the ``params`` its wording is filled with.

    Args:
        code: a key of :data:`TEMPLATES`.
        params: the values the template names (ids, codes, counts, dates).

    Raises:
        KeyError: for a code :data:`TEMPLATES` does not have (a programming error).

    .. versionadded:: 0.2.0
    """

    code: str
    params: Mapping[str, object] = attrs.field(factory=dict, converter=_frozen)

    def __attrs_post_init__(self) -> None:
        """Refuse a code without wording, so no message is ever shown half-written."""
        if self.code not in TEMPLATES:
            msg = f"no wording for message code {self.code!r}"
            raise KeyError(msg)

    def text(self, lang: Lang = "en") -> str:
        """The message in Vietnamese (``"vi"``) or English (``"en"``)."""
        vi, en = TEMPLATES[self.code]
        checked = check_lang(lang)
        return _FORMATTERS[checked].vformat(vi if checked == "vi" else en, (), self.params)

    def __str__(self) -> str:
        """The English text (for developers and logs)."""
        return self.text("en")

    def to_dict(self) -> dict[str, object]:
        """``{"code": ..., "params": {...}}`` for JSON (params as given, keys sorted).

        A param that is a notice (or a tuple of them) is given as its own ``to_dict()``.
        """
        return {"code": self.code, "params": {k: _plain(v) for k, v in sorted(self.params.items())}}
