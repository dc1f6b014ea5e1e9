"""The project's cattrs converter: model objects to and from plain data, strictly.

Every plan and dataset is read through :data:`CONVERTER` (made on first use, as
:func:`shared_converter`; or a converter from :func:`make_converter`, which configures a
fresh one the same way). It is built on
:func:`cattrs.preconf.json.make_converter` with ``forbid_extra_keys=True`` and detailed
validation, and registers its own hooks so that nothing is coerced silently:

- dates are ISO ``YYYY-MM-DD`` text (or a TOML date); any other form, and impossible
  dates such as ``2024-02-30``, are refused with a message saying so;
- datetimes are ISO text with an offset (the plan's zone is ``Asia/Ho_Chi_Minh``); a
  datetime without one is refused, never guessed;
- ``pendulum.Date`` and ``pendulum.DateTime`` have explicit hooks (the stock JSON
  converter would turn a ``pendulum.DateTime`` into a plain ``datetime``);
- enumerations are read and written as their data-dictionary slugs;
- text must be text, whole numbers whole numbers (not ``True``, not ``5.7``, not
  ``"5"``), flags ``true``/``false``; a number is a whole number or a decimal;
- a text that no output can show as it is (a control character, a bidirectional
  control, an unpaired surrogate: ``threeno.model._base.unprintable``) is refused, and
  so is a whole number beyond ``MAX_WHOLE_NUMBER`` (2^53 − 1) in absolute value, so
  that whatever is read can be printed (the privacy guide);
- lists become tuples, and a lone text where a list is expected is refused (it would
  otherwise become a tuple of its letters);
- records (every type of :data:`~threeno.model.dataset.RECORD_TYPES` and the objects
  nested in them) are written without the optional keys whose value is absent
  (``None``), in the order of the model's fields; the codes that repeat from record to
  record (:data:`INTERNED_FIELDS`: unit codes, agency ids, languages, periods) are
  shared when read, and equal dates, whole numbers above 256, nested values (category
  spans, extensions, suspensions) and tuples of them or of codes are shared, so a
  million records do not hold a million copies of ``"03386"`` (record ids and the
  references to them are shared by the model itself: ``threeno.model._base.nfc_id``;
  the tables that share them never grow without bound: ``threeno.model._sharing``).

Unstructuring then structuring gives back an equal object, for every model type.
:func:`structure_problems` turns a structuring error into one line per problem, each
with the path of the key at fault: ``duties[3].agency: must be text, not int``;
:func:`field_problems` gives the same as ``(path, message)`` pairs, and
:func:`coded_problems` as :class:`~threeno.io.report.FieldProblem` with the stable code
and params of each message (to write it in Vietnamese too).

Source: the data dictionary (the generated page ``generated/data-dictionary``: ISO dates,
offsets, slugs, snake_case keys); ``docs/performance.md`` (interned codes, cached dates).

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final, NoReturn, get_args, get_origin

import attrs
import pendulum
from cattrs.cols import homogenous_tuple_structure_factory
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override
from cattrs.preconf.json import JsonConverter
from cattrs.preconf.json import make_converter as _make_json_converter
from cattrs.v import format_exception

from threeno.errors import ThreenoError, ValidationError
from threeno.io.report import FieldProblem
from threeno.messages import Notice
from threeno.model._base import MAX_WHOLE_NUMBER, LabelledEnum, enum_problem, unprintable
from threeno.model._sharing import DATES, share_text
from threeno.model._sharing import share as _shared
from threeno.model.crime import Extension, Suspension
from threeno.model.dataset import RECORD_TYPES
from threeno.model.subjects import CategorySpan

if TYPE_CHECKING:
    from collections.abc import Callable

    import cattrs.preconf.json
    from cattrs import Converter

__all__ = [
    "CONVERTER",
    "INTERNED_FIELDS",
    "RECORD_CLASSES",
    "coded_problems",
    "field_problems",
    "make_converter",
    "shared_converter",
    "structure_problems",
]

#: The classes of records and of the objects nested in them, nested ones first.
RECORD_CLASSES: Final[tuple[type[Any], ...]] = (
    CategorySpan,
    Extension,
    Suspension,
    *RECORD_TYPES.values(),
)

_RECORD_CLASS_SET: Final = frozenset(RECORD_CLASSES)

#: Text fields of records whose values repeat from record to record (codes of units and
#: agencies, languages, period texts): read through
#: ``threeno.model._sharing.share_text``, so that equal values share one string.
INTERNED_FIELDS: Final = frozenset(
    {"unit_code", "receiving_agency", "provider_agency", "agency", "language", "period"}
)

# Equal dates read from text share one object (a date costs 32 bytes; a dataset has far
# fewer distinct days than records): DATES. So do equal whole numbers beyond the 256
# Python shares itself (a birth year, a count of participants: 28 bytes each), and equal
# values of the small frozen classes nested in records (a category span, an extension, a
# suspension) and equal tuples of them or of codes (an event's topics): each is kept
# once, however many records hold it (_shared). Both tables are bounded in a stream and
# kept whole while a dataset is loaded (threeno.model._sharing).
_SMALL_INT: Final = 256
# The nested classes whose values are shared (frozen, so sharing is never seen).
_NESTED: Final[frozenset[type[Any]]] = frozenset({CategorySpan, Extension, Suspension})


_ISO_DATE: Final = re.compile(r"\d{4}-\d{2}-\d{2}")
# A date, "T", a time to the second (fraction allowed) and an offset: "Z" or ±hh:mm
# (with seconds for the historical offsets datetime.isoformat() writes that way).
_ISO_DATETIME: Final = re.compile(
    r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2}(:\d{2}(\.\d{6})?)?)"
)


def _refuse(code: str, /, **params: object) -> NoReturn:
    # No class or field here: structure_problems puts the path in front.
    raise ValidationError(Notice(code, params).text("en"), code=code, params=params)


def _kind(value: object) -> str:
    return type(value).__name__


# -- primitives ------------------------------------------------------------------------


def _structure_str(value: object, _: type) -> str:
    if not isinstance(value, str):
        _refuse("not_text", type=_kind(value))
    if not value.isprintable():  # the common case costs one call; see unprintable()
        found = unprintable(value)
        if found is not None:
            _refuse("unprintable_text", **found)
    return value


def _structure_bool(value: object, _: type) -> bool:
    if not isinstance(value, bool):
        _refuse("not_boolean", type=_kind(value))
    return value


def _bounded(value: int) -> int:
    if not -MAX_WHOLE_NUMBER <= value <= MAX_WHOLE_NUMBER:
        _refuse("number_too_large", limit=MAX_WHOLE_NUMBER)
    return value


def _structure_int(value: object, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        _refuse("not_whole_number", type=_kind(value))
    if -_SMALL_INT < value <= _SMALL_INT:
        return value
    return _shared(_bounded(value))


def _structure_float(value: object, _: type) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        _refuse("not_a_number", type=_kind(value))
    if not math.isfinite(value):
        _refuse("not_finite", value=str(value))
    return float(value)


def _structure_number(value: object, _: object) -> int | float:
    # ``int | float``: a count stays a whole number, a share stays a fraction.
    if isinstance(value, int) and not isinstance(value, bool):
        return _bounded(value)
    return _structure_float(value, float)


# -- dates and times -------------------------------------------------------------------


def _parse_date(value: object) -> dt.date:
    if isinstance(value, str):
        cached = DATES.get(value)
        if cached is not None:
            return cached
    if isinstance(value, dt.datetime):
        _refuse("date_with_time", value=value.isoformat())
    if isinstance(value, dt.date):
        return value  # a TOML date, already checked by the TOML reader
    if not isinstance(value, str):
        _refuse("date_not_text", type=_kind(value))
    if not _ISO_DATE.fullmatch(value):
        _refuse("date_format", value=value)
    try:
        parsed = dt.date.fromisoformat(value)
    except ValueError:
        _refuse("no_such_date", value=value)
    return DATES.keep(value, parsed)


def _parse_datetime(value: object) -> dt.datetime:
    if isinstance(value, dt.datetime):
        parsed = value  # a TOML datetime
    elif isinstance(value, str):
        if not _ISO_DATETIME.fullmatch(value):
            _refuse("datetime_format", value=value)
        try:
            parsed = dt.datetime.fromisoformat(value)
        except ValueError:
            _refuse("no_such_datetime", value=value)
    else:
        _refuse("datetime_not_text", type=_kind(value))
    if parsed.tzinfo is None:
        _refuse("datetime_without_offset", value=parsed.isoformat())
    return parsed


def _structure_date(value: object, _: type) -> dt.date:
    return _parse_date(value)


def _structure_pendulum_date(value: object, _: type) -> pendulum.Date:
    parsed = _parse_date(value)
    return pendulum.Date(parsed.year, parsed.month, parsed.day)


def _structure_datetime(value: object, _: type) -> dt.datetime:
    return _parse_datetime(value)


def _structure_pendulum_datetime(value: object, _: type) -> pendulum.DateTime:
    return pendulum.instance(_parse_datetime(value))


def _iso(value: dt.date) -> str:
    return value.isoformat()


# -- enumerations and tuples -----------------------------------------------------------


def _is_labelled_enum(cls: Any) -> bool:  # noqa: ANN401 - cattrs passes any type
    return isinstance(cls, type) and issubclass(cls, LabelledEnum)


def _enum_hook(cls: type[LabelledEnum]) -> Callable[[object, type], LabelledEnum]:
    members = {member.value: member for member in cls}
    known = ", ".join(members)
    choices = ", ".join(f"{m.value} ({m.vi})" for m in cls)

    def structure(value: object, _: type) -> LabelledEnum:
        if not isinstance(value, str):
            _refuse("enum_not_text", known=known, choices=choices, type=_kind(value))
        member = members.get(value)
        if member is None:
            code, params = enum_problem(cls, value)
            _refuse(code, **params)
        return member

    return structure


def _is_homogeneous_tuple(cls: Any) -> bool:  # noqa: ANN401 - cattrs passes any type
    args = get_args(cls)
    return get_origin(cls) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_hook(cls: Any, converter: JsonConverter) -> Callable[[object, type], tuple[Any, ...]]:  # noqa: ANN401
    inner = homogenous_tuple_structure_factory(cls, converter)

    item = get_args(cls)[0]
    share = item in _NESTED or _is_labelled_enum(item)

    def structure(value: object, type_: type) -> tuple[Any, ...]:
        if not isinstance(value, (list, tuple)):
            _refuse("not_a_list", type=_kind(value))
        structured: tuple[Any, ...] = inner(value, type_)
        return _shared(structured) if share else structured

    return structure


def _structure_interned(value: object, _: type) -> str:
    return share_text(_structure_str(value, str))


def _record_structure_hook(cls: type[Any], converter: Converter) -> Callable[[object, type], Any]:
    # Typed Any: mypy would match the keys against the generator's own keyword flags.
    interned: dict[str, Any] = {
        f.name: override(struct_hook=_structure_interned)
        for f in attrs.fields(cls)
        if f.name in INTERNED_FIELDS
    }
    generated = make_dict_structure_fn(cls, converter, **interned)
    share = cls in _NESTED

    def structure(value: object, type_: type) -> Any:  # noqa: ANN401 - any record class
        # Without this, a list or a text where a record belongs fails with "no attribute 'keys'".
        # A dict first: the check against the Mapping ABC costs five times more.
        if type(value) is not dict and not isinstance(value, Mapping):
            _refuse("not_an_object", type=_kind(value))
        made = generated(value, type_)
        return _shared(made) if share else made

    return structure


def _record_unstructure_hook(
    cls: type[Any], converter: Converter
) -> Callable[[Any], dict[str, Any]]:
    generated = make_dict_unstructure_fn(cls, converter)
    if not any(f.default is None for f in attrs.fields(cls)):
        return generated

    def unstructure(record: Any) -> dict[str, Any]:  # noqa: ANN401 - any record class
        # An absent optional value (None) is left out rather than written as null; the
        # keys stay in the order of the fields (cattrs' omit_if_default would move them).
        return {key: value for key, value in generated(record).items() if value is not None}

    return unstructure


def _is_record_class(cls: Any) -> bool:  # noqa: ANN401 - cattrs passes any type
    return cls in _RECORD_CLASS_SET


def _register_records(converter: JsonConverter) -> None:
    # Factories, not hooks: a record class's code is generated (and cached by cattrs) the
    # first time it is structured or unstructured, so a converter that only reads a plan
    # never generates the records'. A record's generated hook asks for its nested
    # classes' hooks when made, which this factory then makes.
    converter.register_structure_hook_factory(_is_record_class, _record_structure_hook)
    converter.register_unstructure_hook_factory(_is_record_class, _record_unstructure_hook)


def make_converter(*, detailed_validation: bool = True) -> JsonConverter:
    """Make a converter configured as the project's: strict, ISO dates, slugs, tuples.

    Args:
        detailed_validation: whether a structuring error collects every problem with
            its path (cattrs' ``ClassValidationError``, read by
            :func:`structure_problems`), as :data:`CONVERTER` does. ``False`` makes a
            faster converter that stops at the first problem with a bare exception: the
            dataset loader structures with one and, for a record that fails, asks a
            detailed one why.

    Returns:
        A new converter; :data:`CONVERTER` is one, shared. Make your own only to extend
        it without touching the shared one.

    Source: the data dictionary (``generated/data-dictionary``); cattrs' advice to own
    your converter and register the pendulum hooks yourself.

    .. versionadded:: 0.1.0
    """
    converter = _make_json_converter(
        forbid_extra_keys=True, detailed_validation=detailed_validation
    )
    for cls, hook in (
        (str, _structure_str),
        (bool, _structure_bool),
        (int, _structure_int),
        (float, _structure_float),
        (dt.date, _structure_date),
        (dt.datetime, _structure_datetime),
        (pendulum.Date, _structure_pendulum_date),
        (pendulum.DateTime, _structure_pendulum_datetime),
    ):
        converter.register_structure_hook(cls, hook)
    # A function hook, so that it takes precedence over the JSON preset's union passthrough
    # (which would let True through as a number).
    converter.register_structure_hook_func(lambda cls: cls == int | float, _structure_number)
    # pendulum.DateTime is a datetime and pendulum.Date a date: one hook each way suffices,
    # and isoformat() keeps the offset of an aware datetime.
    converter.register_unstructure_hook(dt.date, _iso)
    converter.register_unstructure_hook(dt.datetime, _iso)
    converter.register_unstructure_hook(pendulum.Date, _iso)
    converter.register_unstructure_hook(pendulum.DateTime, _iso)
    converter.register_structure_hook_factory(_is_labelled_enum, _enum_hook)
    converter.register_unstructure_hook_func(_is_labelled_enum, lambda member: member.value)
    converter.register_structure_hook_factory(
        _is_homogeneous_tuple, lambda cls: _tuple_hook(cls, converter)
    )
    _register_records(converter)
    return converter


@functools.cache
def shared_converter(*, detailed_validation: bool = True) -> JsonConverter:
    """The converter shared by the whole library, made by :func:`make_converter` on first use.

    Made once per setting and kept: the detailed one is :data:`CONVERTER`; the dataset
    loader structures with the fast one (``detailed_validation=False``) and asks the
    detailed one why a record failed. A record class's code is generated the first time
    it is structured (or unstructured), so a program that only reads a plan generates
    none of the records'.

    Args:
        detailed_validation: as for :func:`make_converter`.

    Returns:
        The same converter for the same setting, on every call. Never register hooks on
        it: make your own with :func:`make_converter`.

    .. versionadded:: 0.2.0
    """
    return make_converter(detailed_validation=detailed_validation)


#: The project's converter, configured by :func:`make_converter`: the same object as
#: :func:`shared_converter`, made when this name is first read. (An annotation without
#: a value: the name is bound by the module's ``__getattr__``, which type checkers and
#: the documentation read through this line.)
CONVERTER: cattrs.preconf.json.JsonConverter


def __getattr__(name: str) -> object:
    """:data:`CONVERTER`, made on first use (PEP 562): making it costs a tenth of a second."""
    if name == "CONVERTER":
        value = shared_converter()
        globals()[name] = value
        return value
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)


def _problem(path: str, exc: BaseException, type_: type | None) -> FieldProblem:
    if isinstance(exc, ThreenoError):
        return FieldProblem(field=path, message=str(exc), code=exc.code, params=exc.params)
    if isinstance(exc, KeyError):
        return FieldProblem.of(path, "missing_key")
    return FieldProblem.of(path, "invalid_value", detail=format_exception(exc, type_))


def _key(key: str) -> str:
    # A key as the data wrote it, unless no output can show it as it is: then its repr,
    # whose escapes (\x1b, \u202e, \ud800) show it safely.
    return key if unprintable(key) is None else repr(key)


def _walk(exc: BaseException, path: str, type_: type | None, out: list[FieldProblem]) -> None:
    prefix = f"{path}." if path else ""
    if isinstance(exc, IterableValidationError):
        items, rest = exc.group_exceptions()
        for sub, item in items:
            _walk(sub, f"{path}[{item.index!r}]", item.type, out)
        for sub in rest:
            _walk(sub, path, None, out)
    elif isinstance(exc, ClassValidationError):
        fields, rest = exc.group_exceptions()
        for sub, field in fields:
            _walk(sub, f"{prefix}{field.name}", field.type, out)
        for sub in rest:
            _walk(sub, path, None, out)
    elif isinstance(exc, ForbiddenExtraKeysError):
        out.extend(
            FieldProblem.of(f"{prefix}{_key(key)}", "unknown_key")
            for key in sorted(exc.extra_fields)
        )
    elif isinstance(exc, ValidationError) and exc.field:
        # Raised by a model validator: the class and field are in the message's prefix.
        text = str(exc).removeprefix(f"{exc.cls_name}.{exc.field}: ")
        at = f"{prefix}{exc.field}"
        out.append(FieldProblem(field=at, message=text, code=exc.code, params=exc.params))
    else:
        out.append(_problem(path, exc, type_))


def coded_problems(exc: BaseException, root: str = "") -> tuple[FieldProblem, ...]:
    """Every problem in a structuring error, with the code and params of its message.

    The same problems as :func:`field_problems`, each a
    :class:`~threeno.io.report.FieldProblem` whose ``code`` (``unknown_key``,
    ``missing_key``, ``date_format``...) and ``params`` let it be written in Vietnamese
    too (``FieldProblem.text("vi")``). A message of a model class without a code (a plan's
    older checks) has ``code=None``.

    Args:
        exc: what ``CONVERTER.structure`` raised.
        root: the path of the structured value itself; ``""`` for the top of a file.

    Returns:
        The problems, in the order of the data.

    .. versionadded:: 0.2.0
    """
    out: list[FieldProblem] = []
    _walk(exc, root, None, out)
    return tuple(out)


def field_problems(exc: BaseException, root: str = "") -> tuple[tuple[str, str], ...]:
    """Every problem in a structuring error, as ``(path, message)`` pairs.

    The same problems as :func:`structure_problems`, for a program that wants the path
    apart (``("categories[1].until", "2023-01-01 is before since 2024-01-01")``); the
    path is ``""`` for a problem with the value itself.

    Args:
        exc: what ``CONVERTER.structure`` raised.
        root: the path of the structured value itself; ``""`` for the top of a file.

    Returns:
        The problems, in the order of the data.

    .. versionadded:: 0.1.0
    """
    return tuple((p.field, p.message) for p in coded_problems(exc, root))


def structure_problems(exc: BaseException, root: str = "") -> tuple[str, ...]:
    r"""Every problem in a structuring error, one line each, with the path of its key.

    >>> import attrs
    >>> from threeno.io.converter import CONVERTER, structure_problems
    >>> @attrs.frozen
    ... class Point:
    ...     x: int
    >>> try:
    ...     CONVERTER.structure({"x": "5", "z": 1}, Point)
    ... except Exception as exc:
    ...     print("\n".join(structure_problems(exc, root="points[0]")))
    points[0].x: must be a whole number, not str
    points[0].z: unknown key

    Args:
        exc: what ``CONVERTER.structure`` raised (a :class:`cattrs.ClassValidationError`,
            or any exception for a single value).
        root: the path of the structured value itself; ``""`` for the top of a file.

    Returns:
        The problems as ``path: message`` lines, in the order of the data.

    .. versionadded:: 0.1.0
    """
    return tuple(
        f"{path}: {message}" if path else message for path, message in field_problems(exc, root)
    )
