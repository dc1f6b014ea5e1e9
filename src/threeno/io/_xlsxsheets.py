"""What a workbook of records holds: its sheets, their columns, and the labels of values.

Shared by the reader (:mod:`threeno.io.xlsx`) and the template
(:mod:`threeno.io.xlsx_template`). A workbook holds one sheet per record type, titled as
:data:`threeno.model.field_labels.SHEET_TITLES` says (or by the type's interchange
name), whose first row names the columns (a field's name, or its Vietnamese or English
header, :data:`threeno.model.field_labels.FIELD_LABELS`) and whose other rows are
records, one per row. The template adds an instructions sheet and a sheet of the lists
its drop-downs offer; the reader skips those two, by title, and says so.

Private to :mod:`threeno.io`; openpyxl (the ``excel`` extra) is imported by
:func:`openpyxl_or_refuse` only, so that threeno works without it.

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import datetime as dt
import types
import typing
import unicodedata
from typing import TYPE_CHECKING, Any, Final, NoReturn, Union, get_args, get_origin

import attrs

from threeno.errors import DatasetError
from threeno.io import _csvcells
from threeno.io._atomic import fixed_zip
from threeno.messages import Notice
from threeno.model._base import LabelledEnum
from threeno.model._personal import is_sensitive
from threeno.model.dataset import RECORD_TYPES
from threeno.model.field_labels import FIELD_LABELS, SHEET_TITLES

if TYPE_CHECKING:
    import enum
    from types import ModuleType

    from threeno.lang import Lang

__all__ = [
    "FLAG_WORDS",
    "INSTRUCTIONS",
    "LISTS",
    "XlsxColumn",
    "fixed_zip",
    "fold",
    "openpyxl_or_refuse",
    "refuse",
    "sheet_columns",
]

#: The titles of the template's own sheets, (Vietnamese, English): the instructions and
#: the lists its drop-downs offer. The reader skips a sheet of either title, with a note.
INSTRUCTIONS: Final = ("Hướng dẫn", "Instructions")
LISTS: Final = ("Danh mục", "Lists")

#: The words a flag cell may hold besides Excel's TRUE and FALSE, any case: the
#: drop-down of a flag column offers "Có" and "Không" (Vietnamese), "Yes" and "No".
FLAG_WORDS: Final = {
    "true": True,
    "false": False,
    "có": True,
    "không": False,
    "yes": True,
    "no": False,
}


def refuse(code: str, /, **params: object) -> NoReturn:
    """Raise a :class:`DatasetError` of ``code``, its English wording as its message."""
    raise DatasetError(Notice(code, params).text("en"), code=code, params=params) from None


def openpyxl_or_refuse() -> ModuleType:
    """The openpyxl module, or a :class:`DatasetError` saying how to install it.

    Raises:
        DatasetError: ``xlsx_not_installed`` when the ``excel`` extra is missing.
    """
    try:
        import openpyxl  # noqa: PLC0415 - an optional dependency, imported when used
    except ImportError:
        refuse("xlsx_not_installed")
    return openpyxl


def fold(text: str) -> str:
    """A header, sheet title or label as compared: NFC, case folded, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _without_none(tp: Any) -> Any:  # noqa: ANN401 - any annotation
    if get_origin(tp) in {Union, types.UnionType}:
        args = [a for a in get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return tp


@attrs.frozen(kw_only=True)
class XlsxColumn:
    """A column of a record type's sheet.

    Args:
        cell: how the field is written in a cell (as in CSV).
        record_type: the record type's interchange name.
        is_date: whether the field is a date (a date cell, or text ``dd/mm/yyyy``).
        choices: for a field of an enumeration, its class (a drop-down of its labels).
        personal: whether the model marks the field as personal data.
        description: the data dictionary's description of the field, in English.
    """

    cell: _csvcells.Column
    record_type: str
    is_date: bool
    choices: type[LabelledEnum] | None
    personal: bool
    description: str

    @property
    def name(self) -> str:
        """The field's interchange name."""
        return self.cell.name

    def header(self, lang: Lang) -> str:
        """The column's header in Vietnamese (``"vi"``) or English (``"en"``)."""
        vi, en = FIELD_LABELS[self.record_type][self.name]
        return vi if lang == "vi" else en

    def names(self) -> tuple[str, ...]:
        """Every header a workbook may give the column: field name, Vietnamese, English."""
        return (self.name, *FIELD_LABELS[self.record_type][self.name])


def _descriptions(cls: type[Any]) -> dict[str, str]:
    from threeno.io.schema import field_docs  # noqa: PLC0415 - schema imports converter

    return field_docs(cls)


def _columns_of(name: str) -> tuple[XlsxColumn, ...]:
    cls = RECORD_TYPES[name]
    hints = typing.get_type_hints(cls)
    fields = {f.name: f for f in attrs.fields(cls)}
    docs = _descriptions(cls)
    out = []
    for cell in _csvcells.columns(cls):
        tp = _without_none(hints[cell.name])
        choices = tp if isinstance(tp, type) and issubclass(tp, LabelledEnum) else None
        out.append(
            XlsxColumn(
                cell=cell,
                record_type=name,
                is_date=tp is dt.date,
                choices=choices,
                personal=is_sensitive(fields[cell.name]),
                description=docs.get(cell.name, ""),
            )
        )
    return tuple(out)


_COLUMNS: dict[str, tuple[XlsxColumn, ...]] = {}


def sheet_columns(name: str) -> tuple[XlsxColumn, ...]:
    """The columns of record type ``name``'s sheet, in the order of its fields."""
    found = _COLUMNS.get(name)
    if found is None:
        found = _COLUMNS[name] = _columns_of(name)
    return found


def sheet_names(name: str) -> tuple[str, ...]:
    """Every title a sheet of record type ``name`` may have: interchange name, vi, en."""
    return (name, *SHEET_TITLES[name])


def enum_slug(choices: type[enum.Enum], text: str) -> str | None:
    """The slug of the member of ``choices`` whose slug or label ``text`` is, or ``None``."""
    wanted = fold(text)
    for member in choices:
        if not isinstance(member, LabelledEnum):  # pragma: no cover - all are labelled
            continue
        if wanted in {fold(member.slug), fold(member.label("vi")), fold(member.label("en"))}:
            return member.slug
    return None
