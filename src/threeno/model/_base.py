"""Shared building blocks of the model: labelled enumerations and field validators.

Everything here raises :class:`threeno.errors.ValidationError` naming the class and the
field, in words a data clerk understands, and never quotes a sensitive value.
"""

from __future__ import annotations

import datetime as dt
import enum
import unicodedata
from typing import TYPE_CHECKING, Any, Final, NoReturn, Self

import attrs

from threeno.errors import ValidationError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

__all__ = [
    "SENSITIVE",
    "LabelledEnum",
    "check_order",
    "date_field",
    "duplicates_of",
    "fail",
    "is_sensitive",
    "nfc",
    "nfc_or_none",
    "non_empty",
    "non_negative",
    "of_enum",
    "optional_date",
    "sensitive",
]

#: Field-metadata key marking personal data: never shown by ``repr``, logs or exports.
SENSITIVE: Final = "threeno.sensitive"

Lang = str  # "vi" or "en"


class LabelledEnum(enum.Enum):
    """An enumeration whose value is the data dictionary's slug, with two labels.

    Members are declared as ``NAME = ("slug", "Vietnamese label", "English label")``;
    the member's ``value`` is the slug, so cattrs and JSON see only the slug.

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
            ValueError: for a language other than ``"vi"`` or ``"en"``.
        """
        if lang == "vi":
            return self.vi
        if lang == "en":
            return self.en
        msg = f"unknown language {lang!r}: threeno has labels in 'vi' and 'en'"
        raise ValueError(msg)

    def __str__(self) -> str:
        """The slug, so an f-string gives what the data dictionary writes."""
        return self._value_

    @classmethod
    def slugs(cls) -> tuple[str, ...]:
        """Every slug, in declaration order."""
        return tuple(m.value for m in cls)


def fail(owner: object, field: str, message: str) -> NoReturn:
    """Raise a :class:`ValidationError` for ``field`` of ``owner`` (an instance or class)."""
    cls = owner if isinstance(owner, type) else type(owner)
    raise ValidationError(message, cls_name=cls.__name__, field=field)


def nfc(value: object) -> str:
    """Normalise a string to Unicode NFC; anything else is left for the validator to refuse."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    return value  # type: ignore[return-value]  # the field's type validator names the error


def nfc_or_none(value: object) -> str | None:
    """Like :func:`nfc`, letting ``None`` through."""
    return None if value is None else nfc(value)


def non_empty(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validate a required text: a string with something other than white space."""
    if not isinstance(value, str):
        fail(instance, attribute.name, f"must be text, not {type(value).__name__}")
    if not value.strip():
        fail(instance, attribute.name, "must not be empty")


def non_negative(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validate a count: a whole number (not a bool) that is zero or more."""
    if isinstance(value, bool) or not isinstance(value, int):
        fail(instance, attribute.name, f"must be a whole number, not {type(value).__name__}")
    if value < 0:
        fail(instance, attribute.name, f"must be 0 or more, not {value}")


def _check_date(instance: object, name: str, value: object) -> None:
    # A datetime is a date subclass; a time of day has no place in a date field.
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        fail(instance, name, f"must be a date (YYYY-MM-DD), not {type(value).__name__}")


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
            known = ", ".join(str(m.value) for m in enum_cls)
            fail(
                instance,
                attribute.name,
                f"unknown {enum_cls.__name__} {value!r}; known values: {known}",
            )

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
        fail(owner, l_name, f"{l_value.isoformat()} is before {e_name} {e_value.isoformat()}")


def sensitive(**kwargs: Any) -> Any:  # noqa: ANN401 - mirrors attrs.field's own signature
    """An optional personal-data field: default ``None``, hidden from ``repr``, marked sensitive."""
    metadata = {**kwargs.pop("metadata", {}), SENSITIVE: True}
    return attrs.field(default=None, repr=False, metadata=metadata, **kwargs)


def is_sensitive(field: attrs.Attribute[Any]) -> bool:
    """Whether a field holds personal data that must never leave the library."""
    return bool(field.metadata.get(SENSITIVE, False))


def duplicates_of(values: Iterable[str]) -> list[str]:
    """The values that occur more than once, sorted (for duplicate-id messages)."""
    seen: set[str] = set()
    dups: set[str] = set()
    for v in values:
        (dups if v in seen else seen).add(v)
    return sorted(dups)
