"""Shared building blocks of the model: labelled enumerations and field validators.

Everything here raises :class:`threeno.errors.ValidationError` naming the class and the
field, in words a data clerk understands, and never quotes a sensitive value. Each
message has a stable code of :data:`threeno.messages.TEMPLATES` and its params, so it
can be written in Vietnamese or English (:func:`fail`).
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Final, NoReturn, Self, TypeVar

from threeno.errors import ThreenoError, ValidationError
from threeno.lang import Lang, check_lang
from threeno.messages import Notice
from threeno.model._sharing import share_id

if TYPE_CHECKING:
    from collections.abc import Callable

    import attrs

_T = TypeVar("_T")

__all__ = [
    "MAX_WHOLE_NUMBER",
    "LabelledEnum",
    "as_tuple",
    "boolean",
    "check_order",
    "date_field",
    "duplicates_of",
    "enum_problem",
    "fail",
    "id_tuple",
    "nfc",
    "nfc_id",
    "nfc_id_or_none",
    "nfc_id_tuple",
    "nfc_or_none",
    "nfc_tuple",
    "non_empty",
    "non_negative",
    "notice_of",
    "of_enum",
    "optional_date",
    "tuple_of",
    "unprintable",
]

#: The largest whole number (in absolute value) a record or a plan may hold: 2^53 − 1,
#: the largest JSON exchanges exactly between tools (RFC 8259, section 6), and exact in
#: the float a share is computed with. Beyond it a number is refused when read, so that
#: no sum becomes too long to print (Python refuses to print more than 4,300 digits).
MAX_WHOLE_NUMBER: Final = 2**53 - 1

# The characters a text may not hold, because no output can show them as they are: the
# C0 and C1 controls and DEL (ESC starts terminal sequences, NUL ends C strings, a line
# break breaks a table row or a message's line), the Unicode line and paragraph
# separators, the bidirectional controls (which reorder what follows: Unicode Standard
# Annex #9, "Explicit Directional Formatting Characters"; the marks U+200E, U+200F and
# U+061C too) and unpaired surrogates, which UTF-8 cannot encode (a JSON escape such as
# \ud800 makes one).
_UNPRINTABLE: Final = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]"
)
_LINE_SEPARATORS: Final = frozenset("\u2028\u2029")
_BIDI: Final = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e") | frozenset(
    "\u2066\u2067\u2068\u2069"
)


def unprintable(text: str) -> dict[str, object] | None:
    r"""The params of the message ``unprintable_text`` for ``text``, or ``None`` if printable.

    A text is refused when it holds a character no output can show as it is (see
    ``_UNPRINTABLE``): the params name the first one by its code point and position
    (from 1), and what it is; never the text itself, which may be personal.

    >>> unprintable("CR-0017") is None
    True
    >>> unprintable("CR-\x1b[31m")["char"], unprintable("CR-\x1b[31m")["position"]
    ('U+001B', 4)
    """
    if text.isprintable():  # fast: most texts; a space other than ASCII's is checked below
        return None
    found = _UNPRINTABLE.search(text)
    if found is None:
        return None
    char = found.group()
    if char in _BIDI:
        kind = "char_bidi"
    elif char in _LINE_SEPARATORS:
        kind = "char_line_separator"
    elif "\ud800" <= char <= "\udfff":
        kind = "char_surrogate"
    else:
        kind = "char_control"
    return {"kind": Notice(kind), "char": f"U+{ord(char):04X}", "position": found.start() + 1}


class LabelledEnum(enum.Enum):
    """An enumeration whose value is the data dictionary's slug, with two labels.

    Members are declared as ``NAME = ("slug", "Vietnamese label", "English label")``;
    the member's ``value`` is the slug, so cattrs and JSON see only the slug.

    >>> from threeno.model._base import LabelledEnum
    >>> class Colour(LabelledEnum):
    ...     RED = ("red", "Đỏ", "Red")
    >>> Colour.RED.value, Colour.RED.label("vi"), Colour("red") is Colour.RED
    ('red', 'Đỏ', True)
    """

    _value_: str
    vi: str
    en: str

    def __new__(cls, slug: str, vi: str, en: str) -> Self:
        """Make a member whose value is ``slug``; the labels are stored NFC."""
        member = object.__new__(cls)
        member._value_ = slug
        member.vi = unicodedata.normalize("NFC", vi)
        member.en = en
        return member

    @property
    def slug(self) -> str:
        """The slug of the data dictionary (the same as ``value``)."""
        return self._value_

    def label(self, lang: Lang = "vi") -> str:
        """The label in Vietnamese (``"vi"``, the default) or English (``"en"``).

        Raises:
            LanguageError: for a language other than ``"vi"`` or ``"en"``.
        """
        return self.vi if check_lang(lang) == "vi" else self.en

    def __str__(self) -> str:
        """The slug, so an f-string gives what the data dictionary writes."""
        return self._value_

    @classmethod
    def slugs(cls) -> tuple[str, ...]:
        """Every slug, in declaration order."""
        return tuple(m.value for m in cls)

    @classmethod
    def from_slug(cls, slug: str) -> Self:
        """The member whose slug is ``slug`` (the same as ``cls(slug)``, typed for mypy).

        Raises:
            ValueError: if no member has that slug.
        """
        return cls(slug)  # type: ignore[call-arg]  # Enum lookup by value, not __new__


_CODE: Final = re.compile(r"[a-z][a-z0-9_]*")


def fail(owner: object, field: str, message: str, /, **params: object) -> NoReturn:
    """Raise a :class:`ValidationError` for ``field`` of ``owner`` (an instance or class).

    ``message`` is the code of the message in :data:`threeno.messages.TEMPLATES` and
    ``params`` the values its wording names: ``fail(self, "birth_year", "not_a_year",
    type="str")``. The error's English message (``str(error)``) is the template's
    English wording; :meth:`ValidationError.text <threeno.errors.ThreenoError.text>`
    writes it in Vietnamese too. A message that is not a code (words, with spaces) is
    taken as the English message itself, without a code.

    Raises:
        ValidationError: always; its ``code`` and ``params`` are set for a code.
        KeyError: for a code that has no wording (a programming error).
    """
    cls = owner if isinstance(owner, type) else type(owner)
    if not _CODE.fullmatch(message):
        raise ValidationError(message, cls_name=cls.__name__, field=field)
    text = Notice(message, params).text("en")
    raise ValidationError(text, cls_name=cls.__name__, field=field, code=message, params=params)


def notice_of(error: ThreenoError) -> Notice:
    """An error's message as a :class:`~threeno.messages.Notice`, to hold in another message.

    A :class:`ValidationError` keeps its class and field in front (code ``at_field``); an
    error without a code keeps its English message (code ``note``).
    """
    if error.code is None:
        return Notice("note", {"text": str(error)})
    inner = Notice(error.code, error.params)
    if isinstance(error, ValidationError) and error.cls_name and error.field:
        return Notice("at_field", {"owner": error.cls_name, "field": error.field, "problem": inner})
    return inner


def enum_problem(enum_cls: type[enum.Enum], value: object) -> tuple[str, dict[str, object]]:
    """The code and params of the message for ``value``, which is not a slug of ``enum_cls``.

    ``unknown_value`` lists the slugs (English) or each slug with its Vietnamese label
    (Vietnamese); ``label_not_code`` is for a value that is a member's label or its slug
    written otherwise (``'Nữ'``, ``'Female'``, ``'FEMALE'``, ``'so-ket'`` for ``so_ket``),
    and names the slug to write instead.

    >>> from threeno.messages import Notice
    >>> from threeno.model._base import enum_problem
    >>> from threeno.model.enums import Sex
    >>> code, params = enum_problem(Sex, "Nữ")
    >>> code, params["slug"]
    ('label_not_code', 'female')
    >>> print(Notice(code, params).text("vi"))
    'Nữ' không phải là mã trong danh mục: hãy ghi mã female (các mã hợp lệ: female (Nữ), male (Nam))
    """
    members = list(enum_cls)
    known = ", ".join(str(m.value) for m in members)
    choices = ", ".join(
        f"{m.value} ({m.vi})" if isinstance(m, LabelledEnum) else str(m.value) for m in members
    )
    params: dict[str, object] = {
        "enum": enum_cls.__name__,
        "value": value,
        "known": known,
        "choices": choices,
    }
    if isinstance(value, str):
        wanted = unicodedata.normalize("NFC", value).strip().casefold()
        as_slug = re.sub(r"[\s-]+", "_", wanted)
        for m in members:
            names = {str(m.value).casefold()}
            if isinstance(m, LabelledEnum):
                names |= {m.vi.casefold(), m.en.casefold()}
            if wanted in names or as_slug == str(m.value):
                return "label_not_code", {**params, "slug": str(m.value)}
    return "unknown_value", params


def nfc(value: object) -> str:
    """Normalise a string to Unicode NFC; anything else is left for the validator to refuse."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    return value  # type: ignore[return-value]  # the field's type validator names the error


def nfc_id(value: object) -> str:
    """Like :func:`nfc`, and the text shared (``threeno.model._sharing.share_id``): for ids.

    A record's id and every reference to it (a case's ``victim_ids``, an outreach event's
    ``reached_subject_ids``) then share one string, however many records name it: a
    loaded dataset holds each id once (docs/performance.md, "Memory per record"). In a
    stream, where records are dropped as they are read, ids are not shared.
    """
    text = nfc(value)
    return share_id(text) if type(text) is str else text


def nfc_id_or_none(value: object) -> str | None:
    """Like :func:`nfc_id`, letting ``None`` through."""
    return None if value is None else nfc_id(value)


def nfc_id_tuple(value: Iterable[str]) -> tuple[str, ...]:
    """Like :func:`nfc_tuple`, each text shared as :func:`nfc_id` does."""
    items: object = as_tuple(value)
    if isinstance(items, tuple):
        return tuple(nfc_id(v) for v in items)
    return items  # type: ignore[return-value]  # the field's validator names the error


def nfc_or_none(value: object) -> str | None:
    """Like :func:`nfc`, letting ``None`` through."""
    return None if value is None else nfc(value)


def non_empty(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validate a required text: a string with something other than white space.

    A text holding a control character, a bidirectional control or an unpaired
    surrogate is refused too (:func:`unprintable`): no output could show it as it is.
    """
    if not isinstance(value, str):
        fail(instance, attribute.name, "not_text", type=type(value).__name__)
    if not value.strip():
        fail(instance, attribute.name, "empty")
    if not value.isprintable():  # the common case costs one call; see unprintable()
        found = unprintable(value)
        if found is not None:
            fail(instance, attribute.name, "unprintable_text", **found)


def non_negative(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validate a count: a whole number (not a bool) from zero to :data:`MAX_WHOLE_NUMBER`."""
    if isinstance(value, bool) or not isinstance(value, int):
        fail(instance, attribute.name, "not_whole_number", type=type(value).__name__)
    if value < 0:
        fail(instance, attribute.name, "negative", value=value)
    if value > MAX_WHOLE_NUMBER:
        fail(instance, attribute.name, "number_too_large", limit=MAX_WHOLE_NUMBER)


def _check_date(instance: object, name: str, value: object) -> None:
    # A datetime is a date subclass; a time of day has no place in a date field.
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        fail(instance, name, "not_a_date", type=type(value).__name__)


def date_field(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validate a date: a :class:`datetime.date` (a ``pendulum.Date`` is one), not a datetime."""
    _check_date(instance, attribute.name, value)


def optional_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validate an optional date: ``None`` or a :func:`date_field`."""
    if value is not None:
        _check_date(instance, attribute.name, value)


def of_enum(
    enum_cls: type[enum.Enum], *, optional: bool = False
) -> Callable[[object, attrs.Attribute[Any], object], None]:
    """Make a validator that accepts only members of ``enum_cls`` (and ``None`` if optional)."""

    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and optional:
            return
        if not isinstance(value, enum_cls):
            code, params = enum_problem(enum_cls, value)
            fail(instance, attribute.name, code, **params)

    return validate


def check_order(
    owner: object, earlier: tuple[str, dt.date | None], later: tuple[str, dt.date | None]
) -> None:
    """Refuse a later date that comes before an earlier one (both must be set to compare).

    Args:
        owner: the record (for the message).
        earlier: the name and value of the date that must come first.
        later: the name and value of the date that must not come before it.
    """
    (e_name, e_value), (l_name, l_value) = earlier, later
    if e_value is not None and l_value is not None and l_value < e_value:
        fail(
            owner,
            l_name,
            "date_before",
            value=l_value.isoformat(),
            other=e_name,
            other_value=e_value.isoformat(),
        )


def duplicates_of(values: Iterable[str]) -> list[str]:
    """The values that occur more than once, sorted (for duplicate-id messages)."""
    seen: set[str] = set()
    dups: set[str] = set()
    for v in values:
        (dups if v in seen else seen).add(v)
    return sorted(dups)


def as_tuple(value: Iterable[_T]) -> tuple[_T, ...]:
    """Turn a list (or any iterable) into a tuple, so users may pass lists.

    A string, bytes or a mapping is left as it is, for the field's validator to refuse:
    ``tuple("CR-1")`` would silently split an id into letters.
    """
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        return value  # type: ignore[return-value]  # the field's validator names the error
    return tuple(value)


def nfc_tuple(value: Iterable[str]) -> tuple[str, ...]:
    """Like :func:`as_tuple`, normalising every string item to NFC."""
    items: object = as_tuple(value)
    if isinstance(items, tuple):
        return tuple(nfc(v) for v in items)
    return items  # type: ignore[return-value]  # the field's validator names the error


def _check_tuple(instance: object, name: str, value: object) -> tuple[object, ...]:
    if not isinstance(value, tuple):
        fail(instance, name, "not_a_list", type=type(value).__name__)
    return value


def tuple_of(
    item_type: type[Any], *, unique: bool = False
) -> Callable[[object, attrs.Attribute[Any], object], None]:
    """Make a validator for a tuple whose every item is an ``item_type`` (and, if asked, unique).

    The message names the item's index (``topics[2]``) and what is wrong with it.
    """
    expected = item_type.__name__

    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        items = _check_tuple(instance, attribute.name, value)
        for i, item in enumerate(items):
            if not isinstance(item, item_type):
                got = type(item).__name__
                fail(instance, f"{attribute.name}[{i}]", "wrong_item", expected=expected, type=got)
        if unique:
            seen: set[object] = set()
            for i, item in enumerate(items):
                if item in seen:
                    fail(instance, f"{attribute.name}[{i}]", "listed_twice", item=str(item))
                seen.add(item)

    return validate


def id_tuple(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validate a list of record ids: each a non-empty text, none listed twice.

    Ids are pseudonymous references (the privacy guide, docs/guides/privacy.md), so a
    duplicate may be quoted.
    """
    items = _check_tuple(instance, attribute.name, value)
    seen: set[str] = set()
    for i, item in enumerate(items):
        field = f"{attribute.name}[{i}]"
        if not isinstance(item, str):
            fail(instance, field, "not_text", type=type(item).__name__)
        if not item.strip():
            fail(instance, field, "empty")
        if item in seen:
            fail(instance, field, "id_listed_twice", id=item)
        seen.add(item)


def boolean(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validate a yes/no field: ``True`` or ``False`` only (not 0, 1 or ``"yes"``)."""
    if not isinstance(value, bool):
        fail(instance, attribute.name, "not_boolean", type=type(value).__name__)
