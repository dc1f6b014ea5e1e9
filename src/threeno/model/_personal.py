"""Personal data in the model: marking fields sensitive, finding and masking their values.

A record's personal data (the fields marked with :func:`sensitive`) never leaves the
library: not through ``repr``, an error message, a report or an export (the privacy
guide, docs/guides/privacy.md). This module marks the fields, lists a class's marked
fields once, and recognises a personal value inside other text however it is written
(:class:`Masker`), so that a message quoting it can mask it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Final

import attrs

from threeno.messages import Notice

__all__ = [
    "MIN_FOLDED",
    "REDACTED",
    "SENSITIVE",
    "Masker",
    "fold",
    "holding_personal",
    "is_sensitive",
    "masker",
    "masker_of",
    "personal_values",
    "scrub",
    "scrub_params",
    "secrets_of",
    "sensitive",
    "sensitive_fields",
]
#: Field-metadata key marking personal data: never shown by ``repr``, logs or exports.
SENSITIVE: Final = "threeno.sensitive"
#: What a message shows instead of a record's personal data: personal data never leaves
#: through an error message or a report (the privacy guide, docs/guides/privacy.md).
REDACTED: Final = "<personal data>"


def sensitive(**kwargs: Any) -> Any:  # noqa: ANN401 - mirrors attrs.field's own signature
    """An optional personal-data field: default ``None``, hidden from ``repr``, marked sensitive."""
    metadata = {**kwargs.pop("metadata", {}), SENSITIVE: True}
    return attrs.field(default=None, repr=False, metadata=metadata, **kwargs)


def is_sensitive(field: attrs.Attribute[Any]) -> bool:
    """Whether a field holds personal data that must never leave the library."""
    return bool(field.metadata.get(SENSITIVE, False))


def sensitive_fields(cls: type[Any]) -> tuple[str, ...]:
    """The names of the fields of attrs class ``cls`` marked sensitive, in field order.

    Found once per class (a subclass of a record type is looked at too, so that a field
    it marks is never written); none for a class that is not an attrs class.
    """
    fields = _SENSITIVE_FIELDS.get(cls)
    if fields is None:
        marked = attrs.fields(cls) if attrs.has(cls) else ()
        fields = _SENSITIVE_FIELDS[cls] = tuple(f.name for f in marked if is_sensitive(f))
    return fields


# The fields each class marks as personal data, found once per class.
_SENSITIVE_FIELDS: Final[dict[type[Any], tuple[str, ...]]] = {}


def _texts_of(value: object, depth: int = 0) -> Iterator[str]:
    """The texts a value holds: itself, or its items and keys (a name given as a list)."""
    if value is None or isinstance(value, bool):
        return
    if isinstance(value, Mapping) and depth < _CONTAINER_DEPTH:
        for key, item in value.items():
            yield from _texts_of(key, depth + 1)
            yield from _texts_of(item, depth + 1)
    elif isinstance(value, list | tuple | set | frozenset) and depth < _CONTAINER_DEPTH:
        for item in value:
            yield from _texts_of(item, depth + 1)
    elif isinstance(value, str | int | float):
        yield str(value)


#: How deep personal values are looked for in a value given as a list or an object.
_CONTAINER_DEPTH: Final = 8


def personal_values(values: Iterable[object]) -> tuple[str, ...]:
    """The texts a message could quote personal values as: each value's ``str``, then ``repr``.

    A value given as a list or an object (a name typed as ``["Lò Thị A"]``) gives the
    texts it holds, keys included. A value of one letter (or none) is left out: it
    identifies nobody, and replacing it would garble the message.

    >>> personal_values(["Lò Thị Ví Dụ", None, "x"])
    ('Lò Thị Ví Dụ', "'Lò Thị Ví Dụ'")
    >>> personal_values([["Lò Thị A"], {"số": 912345678}])
    ('Lò Thị A', "'Lò Thị A'", 'số', "'số'", '912345678', "'912345678'")

    Args:
        values: the values of a record's sensitive fields (raw or structured).
    """
    out: list[str] = []
    for value in values:
        for text in _texts_of(value):
            if len(text.strip()) > 1:
                out.extend((text, repr(text)))
    return tuple(out)


# -- recognising personal values however they are written ------------------------------

#: Letters a Unicode decomposition leaves whole, folded as a reader would (Vietnamese đ).
_FOLDED_LETTERS: Final = {"đ": "d", "ð": "d", "ø": "o", "ł": "l", "ħ": "h"}
#: A personal value folds to at least this many letters and digits to be recognised
#: inside other text; a shorter one is only recognised written exactly.
MIN_FOLDED: Final = 3


def _fold_char(char: str) -> str:
    """One character as compared: accents dropped, case folded, only letters and digits."""
    decomposed = unicodedata.normalize("NFKD", char)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    kept = "".join(_FOLDED_LETTERS.get(c, c) for c in kept)
    return "".join(c for c in kept if c.isalnum())


class _FoldTable(dict[int, str]):
    """:func:`_fold_char` by code point, for :meth:`str.translate`, filled as it is used.

    At most ``_FOLD_TABLE_SIZE`` characters are kept (hostile text could bring every
    code point); beyond, a character is folded again each time.
    """

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        if len(self) < _FOLD_TABLE_SIZE:
            self[code] = folded
        return folded


_FOLD_TABLE_SIZE: Final = 1 << 16
_FOLD_TABLE: Final = _FoldTable()


def fold(text: str) -> str:
    """``text`` as personal values are compared: its letters and digits only.

    Accents and case are folded, and compatibility forms read as their letters (NFKD):

    >>> fold("LÒ  Thị-Ánh ") == fold("lo thi anh") == fold("Lò Thị Ánh") == "lothianh"
    True
    >>> fold("(+84) 912.345.678")
    '84912345678'
    """
    return text.translate(_FOLD_TABLE)


def _folded_with_places(text: str) -> tuple[str, list[int]]:
    """:func:`fold` of ``text``, and for each of its characters the index it comes from."""
    folded: list[str] = []
    places: list[int] = []
    for i, char in enumerate(text):
        for part in _FOLD_TABLE[ord(char)]:
            folded.append(part)
            places.append(i)
    return "".join(folded), places


def _keys(value: str) -> tuple[str, ...]:
    """The folded forms a personal value is recognised by (a phone with and without +84)."""
    key = fold(value)
    if len(key) < MIN_FOLDED:
        return ()
    keys = [key]
    if key.isdigit() and len(key) >= _PHONE_DIGITS:
        # A Vietnamese phone number: 0912 345 678, +84 912 345 678 and 912345678 alike
        # (Thông tư 22/2014/TT-BTTTT: the national prefix 0, the country code 84).
        if key.startswith("0"):
            keys += ["84" + key[1:], key[1:]]
        elif key.startswith("84"):
            keys += ["0" + key[2:], key[2:]]
    return tuple(dict.fromkeys(keys))


#: A number of this many digits or more, starting with 0 or 84, may be a phone number.
_PHONE_DIGITS: Final = 9


@attrs.frozen
class Masker:
    """Finds a record's personal values in a text, however they are written, and masks them.

    A value is found written exactly (its ``str`` or ``repr``), or in any other case,
    spacing, punctuation or Unicode form (NFC, NFD, NFKC; accents dropped), a phone
    number with or without its +84 or 0 prefix, as a whole word or words of the text
    (a letter or digit right before or after is another word). Made by :func:`masker`.

    .. versionadded:: 0.2.0
    """

    exact: tuple[str, ...]
    keys: tuple[str, ...]

    def __bool__(self) -> bool:
        """Whether there is any personal value to look for."""
        return bool(self.exact or self.keys)

    def _spans(self, text: str) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        for secret in self.exact:
            at = text.find(secret)
            while at >= 0:
                spans.append((at, at + len(secret)))
                at = text.find(secret, at + 1)
        if self.keys:
            folded, places = _folded_with_places(text)
            for key in self.keys:
                at = folded.find(key)
                while at >= 0:
                    start, end = places[at], places[at + len(key) - 1] + 1
                    while end < len(text) and unicodedata.combining(text[end]):
                        end += 1  # the accents of the last letter, written apart (NFD)
                    before = text[start - 1] if start else ""
                    after = text[end] if end < len(text) else ""
                    if not before.isalnum() and not after.isalnum():
                        spans.append((start, end))
                    at = folded.find(key, at + 1)
        return spans

    def holds(self, text: str) -> bool:
        """Whether ``text`` holds one of the personal values, however written.

        Inside a word too (``S-LOTHIA-1`` holds ``Lò Thị A``): wider than :meth:`mask`,
        for a text to refuse or hide whole.
        """
        if any(secret in text for secret in self.exact):
            return True
        folded = fold(text) if self.keys else ""
        return any(key in folded for key in self.keys)

    def mask(self, text: str) -> str:
        """``text`` with every personal value in it replaced by :data:`REDACTED`."""
        spans = sorted(self._spans(text))
        if not spans:
            return text
        out: list[str] = []
        last = 0
        for start, end in spans:
            if end <= last:
                continue
            out.append(text[last : max(start, last)])
            if start >= last:
                out.append(REDACTED)
            last = end
        out.append(text[last:])
        return "".join(out)


def holding_personal(values: Iterable[str | None], texts: Iterable[tuple[str, str]]) -> str | None:
    """The name of the first text that holds one of ``values``, however written; else ``None``.

    The same test as :meth:`Masker.holds`, made lean for a record's own check of its
    fields (run for every record that has personal data).

    Args:
        values: the record's personal values (texts, or ``None``).
        texts: ``(name, text)`` of the record's other texts (its id, its unit code).
    """
    given = [v for v in values if v is not None and len(v.strip()) > 1]
    if not given:
        return None
    keys = [key for value in given for key in _keys(value)]
    for name, text in texts:
        if any(value in text for value in given):
            return name
        folded = fold(text)
        if any(key in folded for key in keys):
            return name
    return None


def masker(values: Iterable[object]) -> Masker:
    """The :class:`Masker` of personal values (a record's sensitive fields, raw or structured).

    >>> m = masker(["Lò Thị Ánh", None, "0912 345 678"])
    >>> m.mask("unit 'LO THI ANH ' and +84 912-345-678")
    "unit '<personal data> ' and +<personal data>"
    """
    found = personal_values(values)
    texts = found[::2]
    # A repr is looked for only when it is not the text in quotes (an escape in it): a
    # quoted value then stays quoted around the mask.
    reprs = [r for t, r in zip(texts, found[1::2], strict=True) if t not in r]
    keys = tuple(dict.fromkeys(k for text in texts for k in _keys(text)))
    return Masker(exact=tuple(dict.fromkeys((*texts, *reprs))), keys=keys)


def scrub(text: str, record: object) -> str:
    """``text`` with the personal values of ``record`` (its sensitive fields) masked.

    For a message about another field of the record that quotes its value: when the
    record's own name was typed in that field, in any case, spacing or Unicode form, the
    name is not repeated (:class:`Masker`).

    >>> import attrs
    >>> @attrs.frozen
    ... class Person:
    ...     unit_code: str
    ...     full_name: str | None = sensitive()
    >>> scrub("'Lò Thị A' is not a valid unit", Person("Lò Thị A", "Lò Thị A"))
    "'<personal data>' is not a valid unit"
    >>> scrub("'LO THI A' is not a valid unit", Person("LO THI A", "Lò Thị A"))
    "'<personal data>' is not a valid unit"

    Args:
        text: the message.
        record: the record it is about (an attrs instance; anything else has none).

    Personal data never leaves through an error message or a report (the privacy guide,
    docs/guides/privacy.md).
    """
    found = masker_of(record)
    return found.mask(text) if found else text


def secrets_of(record: object) -> tuple[str, ...]:
    """The personal values of ``record`` (its sensitive fields), as :func:`personal_values`.

    Empty for anything that is not an attrs instance.
    """
    return personal_values(getattr(record, name) for name in sensitive_fields(type(record)))


def masker_of(record: object) -> Masker:
    """The :class:`Masker` of ``record``'s sensitive fields (none for a non-attrs object)."""
    return masker(getattr(record, name) for name in sensitive_fields(type(record)))


def scrub_params(
    params: Mapping[str, object], secrets: Iterable[str] | Masker
) -> dict[str, object]:
    """``params`` of a message with personal values masked, as :func:`scrub` does a text.

    A text param has each personal value masked inside it (:class:`Masker`); any other
    param whose text holds a personal value (a phone typed as a number) becomes
    :data:`REDACTED`; a param that is a :class:`~threeno.messages.Notice` (or a tuple)
    is scrubbed in its own params.

    >>> from threeno.model._personal import scrub_params
    >>> scrub_params({"value": "Lò Thị A", "count": 2}, ["Lò Thị A"])
    {'value': '<personal data>', 'count': 2}

    Args:
        params: the params.
        secrets: the personal values (:func:`personal_values`, :func:`secrets_of`), or
            their :class:`Masker`.
    """
    found = secrets if isinstance(secrets, Masker) else masker(secrets)
    if not found:
        return dict(params)
    return {key: _scrub_value(value, found) for key, value in params.items()}


def _scrub_value(value: object, found: Masker) -> object:
    if isinstance(value, str):
        return found.mask(value)
    if isinstance(value, Notice):
        return Notice(value.code, scrub_params(value.params, found))
    if isinstance(value, tuple):
        return tuple(_scrub_value(v, found) for v in value)
    if value is not None and not isinstance(value, bool) and found.holds(str(value)):
        return REDACTED
    return value
