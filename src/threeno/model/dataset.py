"""A dataset: every record of every type, immutable, sorted, with cross-record checks.

A :class:`Dataset` holds one tuple per record type of the data dictionary (each type
described once in :mod:`threeno.model.record_types`), named exactly as the interchange
format names them (``crime_reports``, ...). Records are
sorted by id on construction, so the same records in any order make an equal dataset
(and byte-identical outputs downstream). Duplicate ids within a type are refused at
once; problems between records (an unknown subject, a case pointing at an unknown
report, a unit code not valid on the record's date) are listed by :meth:`Dataset.validate`
rather than raised, so a clerk sees them all in one go. Each problem has a stable code
and is written in Vietnamese or English (:meth:`Problem.text`), and each record type has
a name in both (:func:`record_type_label`).
"""

from __future__ import annotations

import datetime as dt  # noqa: TC003 - Sphinx evaluates the annotations to link them
import itertools
from collections.abc import Mapping  # noqa: TC003 - likewise
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final, Protocol, TypeVar, runtime_checkable

import attrs

from threeno.lang import Lang, check_lang
from threeno.messages import Notice
from threeno.model._base import as_tuple, fail, tuple_of
from threeno.model._personal import masker_of, scrub_params
from threeno.model.activities import (
    ModelReview,
    OutreachEvent,
    ReportSubmission,
    SafetyAssessment,
    SupportAction,
)
from threeno.model.crime import CrimeReport, CriminalCase
from threeno.model.record_types import RECORD_TYPE_LIST, record_type
from threeno.model.subjects import Subject

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

__all__ = [
    "RECORD_TYPES",
    "RECORD_TYPE_LABELS",
    "Dataset",
    "HasRegistry",
    "Problem",
    "R",
    "Record",
    "UnitLookup",
    "record_type_label",
]

#: Any record of a dataset.
Record = (
    Subject
    | CrimeReport
    | CriminalCase
    | SupportAction
    | OutreachEvent
    | ModelReview
    | ReportSubmission
    | SafetyAssessment
)
#: The type of one kind of record, in the signatures of the lookups.
R = TypeVar("R", bound=Record)

#: The record types of the data dictionary, by their interchange names, in its order
#: (from their descriptors, :data:`threeno.model.record_types.RECORD_TYPE_LIST`).
RECORD_TYPES: Final[Mapping[str, type[Record]]] = MappingProxyType(
    {t.name: t.cls for t in RECORD_TYPE_LIST}
)
_NAME_OF: Final[dict[type[Any], str]] = {cls: name for name, cls in RECORD_TYPES.items()}

#: The name of each record type, ``(Vietnamese, English)``, lower case as in running
#: text, by interchange name, in the data dictionary's order (from the descriptors, where
#: each name's source is given: :data:`threeno.model.record_types.RECORD_TYPE_LIST`).
RECORD_TYPE_LABELS: Final[Mapping[str, tuple[str, str]]] = MappingProxyType(
    {t.name: (t.label_vi, t.label_en) for t in RECORD_TYPE_LIST}
)


def record_type_label(name: str, lang: Lang = "vi") -> str:
    """The name of a record type in Vietnamese or English, lower case (:data:`RECORD_TYPE_LABELS`).

    >>> from threeno.model.dataset import record_type_label
    >>> record_type_label("crime_reports", "vi"), record_type_label("crime_reports", "en")
    ('tố giác, tin báo về tội phạm, kiến nghị khởi tố', 'crime reports')

    Args:
        name: the record type's interchange name, e.g. ``"crime_reports"``.
        lang: ``"vi"`` (the default) or ``"en"``.

    Raises:
        KeyError: for a name that is not a record type.
        LanguageError: for a language other than ``"vi"`` or ``"en"``.

    .. versionadded:: 0.2.0
    """
    return record_type(name).label(check_lang(lang))


# The date at which a record's unit code is read: a code may name another unit on another
# day (the descriptors' ``unit_date``).
_UNIT_DATE: Final[dict[str, Callable[[Any], dt.date]]] = {
    t.name: t.date_of for t in RECORD_TYPE_LIST if t.unit_date is not None
}


@runtime_checkable
class UnitLookup(Protocol):
    """Anything that says whether a unit code is valid on a date (a unit registry).

    .. versionadded:: 0.1.0
    """

    def is_valid(self, code: str, on: dt.date) -> bool:
        """Whether ``code`` names an administrative unit on the day ``on``."""
        ...


@runtime_checkable
class HasRegistry(Protocol):
    """Anything with a unit registry in its ``registry`` attribute (a plan).

    .. versionadded:: 0.1.0
    """

    @property
    def registry(self) -> UnitLookup:
        """The units the object knows."""
        ...


def _frozen(params: Mapping[str, object]) -> Mapping[str, object]:
    return MappingProxyType(dict(params))


@attrs.frozen(kw_only=True)
class Problem:
    """One problem between records, found by :meth:`Dataset.validate`.

    ``str(problem)`` reads like ``crime_reports[CR-0017].case_id: unknown criminal case
    'CC-9'``: the record type, the record's id, the field and what is wrong. Only ids and
    codes are quoted, never personal data. :meth:`text` writes it in Vietnamese too:
    ``mã 'CR-0017' (tố giác, tin báo về tội phạm, kiến nghị khởi tố), trường case_id:
    không có vụ án hình sự mã 'CC-9'``.

    Args:
        record_type: the record type's interchange name, e.g. ``"crime_reports"``.
        record_id: the id of the record at fault.
        field: the field (or ``field[index]``) at fault.
        message: what is wrong, in English.
        code: the message's stable code in :data:`threeno.messages.TEMPLATES`
            (``unknown_case``...), or ``None`` for a message given only in English.
        params: the values its wording names (ids, codes, dates).
        file: for a located problem, the file the record was read from.
        sheet: the sheet of an Excel workbook the record is a row of; ``field`` is then
            the column as headed in the sheet, with its letter (``Mã xã, phường (E)``).
        line: the record's row as Excel numbers it (or its line); a problem with a
            ``line`` is *located*, and :meth:`text` starts with :meth:`location_text`.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 ``code``, ``params``, :meth:`text`; ``file``, ``sheet``,
       ``line`` and :meth:`location_text` (a workbook's problems are located).
    """

    record_type: str
    record_id: str
    field: str
    message: str
    code: str | None = None
    params: Mapping[str, object] = attrs.field(factory=dict, converter=_frozen, hash=False)
    file: str | None = None
    sheet: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        """The problem in one line, with the record's path (or place) first."""
        if self.line is not None:
            return f"{self.location_text('en')}: {self.field}: {self.message}"
        return f"{self.record_type}[{self.record_id}].{self.field}: {self.message}"

    def location_text(self, lang: Lang = "en") -> str:
        """Where the record is, for a located problem: file, sheet, row (or line), id.

        ``so-lieu.xlsx, sheet 'Người thuộc diện quản lý', row 8, id 'S-7'``, in Vietnamese
        ``tệp so-lieu.xlsx, trang tính '...', dòng 8, mã 'S-7'``; the record's path
        (``subjects[S-7]``) for a problem that is not located.

        .. versionadded:: 0.2.0
        """
        vi = check_lang(lang) == "vi"
        if self.line is None:
            return f"{self.record_type}[{self.record_id}]"
        parts = []
        if self.file is not None:
            parts.append(f"tệp {self.file}" if vi else self.file)
        if self.sheet is not None:
            parts.append(f"trang tính {self.sheet!r}" if vi else f"sheet {self.sheet!r}")
            parts.append(f"dòng {self.line}" if vi else f"row {self.line}")
        else:
            parts.append(f"dòng {self.line}" if vi else f"line {self.line}")
        parts.append(f"{'mã' if vi else 'id'} {self.record_id!r}")
        return ", ".join(parts)

    @property
    def notice(self) -> Notice | None:
        """What is wrong as a :class:`~threeno.messages.Notice`; ``None`` without a code."""
        return None if self.code is None else Notice(self.code, self.params)

    def text(self, lang: Lang = "en") -> str:
        """The problem in Vietnamese (``"vi"``) or English (``"en"``, ``str(problem)``).

        A problem without a code has only its English message.
        """
        if check_lang(lang) == "en":
            return str(self)
        notice = self.notice
        message = self.message if notice is None else notice.text(lang)
        if self.line is not None:
            return f"{self.location_text(lang)}: trường {self.field}: {message}"
        known = self.record_type in RECORD_TYPE_LABELS
        label = record_type_label(self.record_type, lang) if known else self.record_type
        return f"mã {self.record_id!r} ({label}), trường {self.field}: {message}"


def _sorted_by_id(value: Iterable[R]) -> tuple[R, ...]:
    """Make a tuple sorted by id; leave anything unsortable for the validator to refuse."""
    items: object = as_tuple(value)
    if isinstance(items, tuple) and all(isinstance(getattr(r, "id", None), str) for r in items):
        return tuple(sorted(items, key=lambda r: r.id))
    return items  # type: ignore[return-value]  # the field's validator names the error


# Typed converters: mypy's attrs plugin cannot solve a generic converter's type variable,
# so each record type has its own and type checkers accept lists of the right records.
def _subjects(value: Iterable[Subject]) -> tuple[Subject, ...]:
    return _sorted_by_id(value)


def _crime_reports(value: Iterable[CrimeReport]) -> tuple[CrimeReport, ...]:
    return _sorted_by_id(value)


def _criminal_cases(value: Iterable[CriminalCase]) -> tuple[CriminalCase, ...]:
    return _sorted_by_id(value)


def _support_actions(value: Iterable[SupportAction]) -> tuple[SupportAction, ...]:
    return _sorted_by_id(value)


def _outreach_events(value: Iterable[OutreachEvent]) -> tuple[OutreachEvent, ...]:
    return _sorted_by_id(value)


def _model_reviews(value: Iterable[ModelReview]) -> tuple[ModelReview, ...]:
    return _sorted_by_id(value)


def _report_submissions(value: Iterable[ReportSubmission]) -> tuple[ReportSubmission, ...]:
    return _sorted_by_id(value)


def _safety_assessments(value: Iterable[SafetyAssessment]) -> tuple[SafetyAssessment, ...]:
    return _sorted_by_id(value)


@attrs.frozen(kw_only=True)
class Dataset:
    """Every record of every type: the data an evaluation reads.

    Each attribute is a tuple of one record type, sorted by id, named as in the data
    dictionary; lists and other iterables are accepted. Duplicate ids within a type raise
    a :class:`~threeno.errors.ValidationError` naming the type and the ids. Lookups by id
    go through :meth:`get` and :meth:`by_id`; :meth:`validate` lists the problems between
    records.

    Plan clauses: I.1, I.3, I.5, II.1.b, II.2.b, II.3.b, II.4.b, IV.1, IV.2 (every record
    the indicators count).

    Args:
        subjects: the register of monitored subjects.
        crime_reports: crime reports received.
        criminal_cases: criminal cases opened.
        support_actions: support given.
        outreach_events: awareness-raising events held.
        model_reviews: reviews of the model held.
        report_submissions: reports sent to the Steering Committee.
        safety_assessments: security-and-order safety assessments.

    Raises:
        ValidationError: if a record is of the wrong type or an id occurs twice in a type.

    .. versionadded:: 0.1.0
    """

    subjects: tuple[Subject, ...] = attrs.field(
        default=(), converter=_subjects, validator=tuple_of(Subject)
    )
    crime_reports: tuple[CrimeReport, ...] = attrs.field(
        default=(), converter=_crime_reports, validator=tuple_of(CrimeReport)
    )
    criminal_cases: tuple[CriminalCase, ...] = attrs.field(
        default=(), converter=_criminal_cases, validator=tuple_of(CriminalCase)
    )
    support_actions: tuple[SupportAction, ...] = attrs.field(
        default=(), converter=_support_actions, validator=tuple_of(SupportAction)
    )
    outreach_events: tuple[OutreachEvent, ...] = attrs.field(
        default=(), converter=_outreach_events, validator=tuple_of(OutreachEvent)
    )
    model_reviews: tuple[ModelReview, ...] = attrs.field(
        default=(), converter=_model_reviews, validator=tuple_of(ModelReview)
    )
    report_submissions: tuple[ReportSubmission, ...] = attrs.field(
        default=(), converter=_report_submissions, validator=tuple_of(ReportSubmission)
    )
    safety_assessments: tuple[SafetyAssessment, ...] = attrs.field(
        default=(), converter=_safety_assessments, validator=tuple_of(SafetyAssessment)
    )
    _index: dict[str, dict[str, Record]] = attrs.field(init=False, repr=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        """Refuse duplicate ids (the records are sorted, so duplicates are neighbours)."""
        for name, records in self._tuples():
            dups = sorted({a.id for a, b in itertools.pairwise(records) if a.id == b.id})
            if dups:
                listed = ", ".join(repr(d) for d in dups)
                fail(self, name, "duplicate_ids", ids=listed)
        # The indexes by id are built on first use: a streaming evaluation never needs
        # them, and a dict entry per record would double a small record's memory.
        object.__setattr__(self, "_index", {})  # frozen: set once, here

    def _by_name(self, name: str) -> dict[str, Record]:
        index = self._index.get(name)
        if index is None:
            index = {r.id: r for r in getattr(self, name)}
            self._index[name] = index
        return index

    def _tuples(self) -> Iterator[tuple[str, tuple[Record, ...]]]:
        for name in RECORD_TYPES:
            yield name, getattr(self, name)

    def records(self, record_type: type[R]) -> tuple[R, ...]:
        """Every record of ``record_type`` (e.g. ``CrimeReport``), sorted by id."""
        records: tuple[R, ...] = getattr(self, _NAME_OF[record_type])
        return records

    def by_id(self, record_type: type[R]) -> Mapping[str, R]:
        """The records of ``record_type``, by id (a read-only mapping)."""
        index: dict[str, R] = self._by_name(_NAME_OF[record_type])  # type: ignore[assignment]
        return MappingProxyType(index)

    def get(self, record_type: type[R], record_id: str) -> R | None:
        """The record of ``record_type`` with id ``record_id``, or ``None`` if there is none.

        >>> from threeno.model.crime import CrimeReport
        >>> Dataset().get(CrimeReport, "CR-0017") is None
        True
        """
        # The index under R's name holds only R records.
        return self._by_name(_NAME_OF[record_type]).get(record_id)  # type: ignore[return-value]

    def __len__(self) -> int:
        """The number of records of every type together."""
        return sum(len(records) for _, records in self._tuples())

    def counts(self) -> dict[str, int]:
        """The number of records of each type, by interchange name, in the dictionary's order."""
        return {name: len(records) for name, records in self._tuples()}

    def by_unit(self, code: str) -> Dataset:
        """The records whose own ``unit_code`` is ``code``.

        A support action goes by the unit where it was given (its own ``unit_code``), not
        the subject's residence. Report submissions belong to agencies, not units, so the
        result has none.
        """
        kept: dict[str, Any] = {
            name: tuple(r for r in records if getattr(r, "unit_code", None) == code)
            for name, records in self._tuples()
        }
        return Dataset(**kept)

    def validate(self, context: UnitLookup | HasRegistry | None = None) -> list[Problem]:
        """Every problem between records, as a list (empty when there is none).

        Checked: a support action, an outreach event's reached subject, a crime report's
        or a criminal case's victim that is not a known subject; a case's report that is
        not a known crime report; a report's ``case_id`` that is not a known case; a
        report and a case that do not point at each other (the report names the case
        but the case does not list it, or the case lists a report whose ``case_id`` is
        another); and, with a ``context``, every unit code that is not valid on the
        record's own date (subjects: ``registered_on``; crime reports: ``received_on``;
        criminal cases: ``opened_on``; support actions: ``delivered_on``; outreach events
        and model reviews: ``held_on``; safety assessments: ``assessed_on``).

        Args:
            context: a unit registry (anything with ``is_valid(code, on)``), or an
                object whose ``registry`` attribute is one (a plan); ``None`` skips the
                unit checks.

        Returns:
            The problems, by record type in the dictionary's order, then by record id.
        """
        lookup = context.registry if isinstance(context, HasRegistry) else context
        problems: list[Problem] = []
        for name, records in self._tuples():
            for record in records:
                problems.extend(self._references(name, record))
                if lookup is not None and name in _UNIT_DATE:
                    on = _UNIT_DATE[name](record)
                    code: str = getattr(record, "unit_code")  # noqa: B009 - any record type
                    if not lookup.is_valid(code, on):
                        # The record's own name typed as its unit is not repeated.
                        problem = _problem(
                            name,
                            record,
                            "unit_code",
                            "unit_not_valid_on",
                            code=code,
                            on=on.isoformat(),
                        )
                        problems.append(problem)
        return problems

    def _references(self, name: str, record: Record) -> Iterator[Problem]:
        if isinstance(record, SupportAction):
            yield from self._subjects(name, record, [("subject_id", record.subject_id)])
        elif isinstance(record, OutreachEvent):
            refs = _indexed("reached_subject_ids", record.reached_subject_ids)
            yield from self._subjects(name, record, refs)
        elif isinstance(record, CrimeReport):
            yield from self._subjects(name, record, _indexed("victim_ids", record.victim_ids))
            yield from self._case_of(name, record)
        elif isinstance(record, CriminalCase):
            yield from self._subjects(name, record, _indexed("victim_ids", record.victim_ids))
            yield from self._reports_of(name, record)

    def _subjects(
        self, name: str, record: Record, refs: Iterable[tuple[str, str]]
    ) -> Iterator[Problem]:
        subjects = self._by_name("subjects")
        for field, ref in refs:
            if ref not in subjects:
                yield _problem(name, record, field, "unknown_subject", id=ref)

    def _case_of(self, name: str, report: CrimeReport) -> Iterator[Problem]:
        if report.case_id is None:
            return
        case = self.get(CriminalCase, report.case_id)
        if case is None:
            yield _problem(name, report, "case_id", "unknown_case", id=report.case_id)
        elif report.id not in case.report_ids:
            yield _problem(name, report, "case_id", "case_does_not_list_report", id=case.id)

    def _reports_of(self, name: str, case: CriminalCase) -> Iterator[Problem]:
        for field, ref in _indexed("report_ids", case.report_ids):
            report = self.get(CrimeReport, ref)
            if report is None:
                yield _problem(name, case, field, "unknown_report", id=ref)
            elif report.case_id is None:
                yield _problem(name, case, field, "report_without_case", id=ref)
            elif report.case_id != case.id:
                yield _problem(
                    name, case, field, "report_of_other_case", id=ref, case=report.case_id
                )


def _indexed(field: str, refs: tuple[str, ...]) -> list[tuple[str, str]]:
    return [(f"{field}[{i}]", ref) for i, ref in enumerate(refs)]


def _problem(
    record_type: str, record: Record, field: str, code: str, /, **params: object
) -> Problem:
    """A problem of ``record`` with its code; a personal value of the record is not quoted.

    Not in the message, its params, nor the record's id (however the value is written:
    :class:`~threeno.model._personal.Masker`).
    """
    found = masker_of(record)
    scrubbed = scrub_params(params, found)
    message = found.mask(Notice(code, scrubbed).text("en"))
    return Problem(
        record_type=record_type,
        record_id=found.mask(record.id),
        field=field,
        message=message,
        code=code,
        params=scrubbed,
    )
