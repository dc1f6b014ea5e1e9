"""JSON Schema (draft 2020-12) for every record type and for the dataset document.

The schemas are generated from the model's classes (their fields, types, defaults and
docstrings), so they cannot drift from what :func:`threeno.io.datasets.load_dataset`
reads. Another language validates its exports with them before sending; ``threeno
schema [TYPE]`` prints them.

How the model maps to JSON Schema:

- text is ``string``, whole numbers ``integer``, flags ``boolean``;
- a date is a ``string`` of ``format: date`` with the pattern ``YYYY-MM-DD`` (a schema
  validator checks that a day exists only when asked to check formats; threeno always
  does);
- an enumeration is a ``string`` among its slugs, described once under ``$defs``;
- a tuple is an ``array`` of its items; a nested object is described under ``$defs``;
- a field with a default is optional (not ``required``) and an optional value may also
  be ``null``; a key the model does not know is refused (``additionalProperties:
  false``, as the converter's ``forbid_extra_keys``).

The checks that involve several fields or records (a decision after the receipt, an
unknown subject) are the model's and :meth:`Dataset.validate
<threeno.model.dataset.Dataset.validate>`'s, not the schema's.

Source: the data dictionary (the generated page ``generated/data-dictionary``).

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
import enum
import inspect
import re
import types
import typing
from typing import Any, Final, Union, get_args, get_origin

import attrs

from threeno.errors import DatasetError
from threeno.io.datasets import READABLE_SCHEMAS, SCHEMA
from threeno.model._base import LabelledEnum
from threeno.model._personal import is_sensitive
from threeno.model.dataset import RECORD_TYPES

__all__ = ["DRAFT", "SCHEMA_NAMES", "json_schema"]

#: The JSON Schema dialect of every schema here.
DRAFT: Final = "https://json-schema.org/draft/2020-12/schema"
#: The names :func:`json_schema` knows: ``dataset`` and every record type.
SCHEMA_NAMES: Final = ("dataset", *RECORD_TYPES)

_DATE_PATTERN: Final = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_ARG: Final = re.compile(r"^    (\w+): (.*)$")


def _summary(cls: type[Any]) -> str:
    doc = inspect.getdoc(cls) or ""
    return doc.split("\n\n", 1)[0].replace("\n", " ")


def field_docs(cls: type[Any]) -> dict[str, str]:
    """Each field's description, from the ``Args:`` section of the class's docstring.

    The one reading of the model's field descriptions, for the JSON Schema and for the
    generated data dictionary (:mod:`threeno.reporting.docs`); not in ``__all__``.
    """
    docs: dict[str, str] = {}
    name = None
    in_args = False
    for line in (inspect.getdoc(cls) or "").splitlines():
        if line == "Args:":
            in_args = True
            continue
        if not in_args:
            continue
        if line and not line.startswith(" "):
            break  # the next section
        match = _ARG.match(line)
        if match:
            name = match[1]
            docs[name] = match[2]
        elif name is not None and line.strip():
            docs[name] += " " + line.strip()
    return docs


def _optional(tp: Any) -> tuple[Any, bool]:  # noqa: ANN401 - any annotation
    if get_origin(tp) in {Union, types.UnionType}:
        args = [a for a in get_args(tp) if a is not type(None)]
        if len(args) == 1 and len(get_args(tp)) == 2:
            return args[0], True
    return tp, False


def _enum_def(cls: type[enum.Enum]) -> dict[str, Any]:
    return {
        "title": cls.__name__,
        "description": _summary(cls),
        "type": "string",
        "enum": [m.value for m in cls],
    }


_SCALARS: Final[dict[Any, dict[str, Any]]] = {
    bool: {"type": "boolean"},
    int: {"type": "integer"},
    float: {"type": "number"},
    str: {"type": "string"},
    dt.date: {"type": "string", "format": "date", "pattern": _DATE_PATTERN},
}


def _ref(tp: type[Any], defs: dict[str, Any]) -> dict[str, Any]:
    # An enumeration or nested object, described once under $defs.
    if tp.__name__ not in defs:
        defs[tp.__name__] = {}  # claimed first, in case a class refers to itself
        defs[tp.__name__] = _enum_def(tp) if issubclass(tp, enum.Enum) else _object_schema(tp, defs)
    return {"$ref": f"#/$defs/{tp.__name__}"}


def _type_schema(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:  # noqa: ANN401 - any annotation
    inner, optional = _optional(tp)
    if optional:
        return {"anyOf": [_type_schema(inner, defs), {"type": "null"}]}
    if tp in _SCALARS:
        return dict(_SCALARS[tp])
    if get_origin(tp) is tuple:
        return {"type": "array", "items": _type_schema(get_args(tp)[0], defs)}
    if isinstance(tp, type) and (issubclass(tp, LabelledEnum) or attrs.has(tp)):
        return _ref(tp, defs)
    msg = f"no JSON Schema for the type {tp!r}"  # pragma: no cover - a new kind of field
    raise TypeError(msg)  # pragma: no cover


def _object_schema(cls: type[Any], defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    docs = field_docs(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in attrs.fields(cls):
        if not field.init:
            continue
        prop = _type_schema(hints[field.name], defs)
        description = docs.get(field.name, "")
        if is_sensitive(field):
            description = f"{description} Personal data.".strip()
        if description:
            prop = {"description": description, **prop}
        properties[field.name] = prop
        if field.default is attrs.NOTHING:
            required.append(field.name)
    return {
        "title": cls.__name__,
        "description": _summary(cls),
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def _dataset_schema() -> dict[str, Any]:
    defs: dict[str, Any] = {}
    properties: dict[str, Any] = {
        "schema": {
            "description": f"The version of the interchange format: {SCHEMA!r}.",
            "enum": list(READABLE_SCHEMAS),
        }
    }
    for name, cls in RECORD_TYPES.items():
        properties[name] = {
            "description": f"The {name.replace('_', ' ')}; absent means none.",
            "type": "array",
            "items": _type_schema(cls, defs),
        }
    return {
        "$schema": DRAFT,
        "title": "threeno dataset",
        "description": (
            f"A threeno dataset ({SCHEMA}): one list per record type, each record with"
            " an id unique within its type."
        ),
        "type": "object",
        "properties": properties,
        "required": ["schema"],
        "additionalProperties": False,
        "$defs": dict(sorted(defs.items())),
    }


def json_schema(record_type: str | type[Any] = "dataset") -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a record type, or of the dataset document.

    >>> from threeno.io.schema import json_schema
    >>> schema = json_schema("model_reviews")
    >>> schema["required"]
    ['id', 'unit_code', 'held_on', 'kind', 'maintained']
    >>> schema["$defs"]["ReviewKind"]["enum"]
    ['so_ket', 'tong_ket']

    Args:
        record_type: ``"dataset"`` (the default) for the JSON document, or a record
            type by interchange name (``"crime_reports"``) or class (``CrimeReport``).

    Returns:
        A new schema, as a JSON-ready dict (yours to change).

    Raises:
        DatasetError: for a name that is neither ``dataset`` nor a record type.

    Plan clauses: IV.2; the data dictionary (``generated/data-dictionary``).

    .. versionadded:: 0.1.0
    """
    if record_type == "dataset":
        return _dataset_schema()
    names = {cls: name for name, cls in RECORD_TYPES.items()}
    name = record_type if isinstance(record_type, str) else names.get(record_type, "")
    if name not in RECORD_TYPES:
        msg = f"no schema named {record_type!r}; the schemas are {', '.join(SCHEMA_NAMES)}"
        raise DatasetError(msg)
    defs: dict[str, Any] = {}
    schema = _object_schema(RECORD_TYPES[name], defs)
    return {"$schema": DRAFT, **schema, "$defs": dict(sorted(defs.items()))}
