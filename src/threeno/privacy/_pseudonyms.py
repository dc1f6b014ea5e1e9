"""Redaction and pseudonyms: records fit to leave an agency, still evaluating the same.

:func:`redact` empties every field the model marks sensitive; :func:`pseudonymise`
replaces every record id, and every reference to one, with a keyed HMAC-SHA256
pseudonym. Pseudonymised data is still personal data (Nghị định 13/2023/NĐ-CP).

Plan clauses: II.3.a, II.3.b (support for victims, whose identity must be protected),
IV.2 (the reports published to the Steering Committee).
"""

from __future__ import annotations

import hashlib
import hmac
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final

import attrs

from threeno.errors import ValidationError
from threeno.model._personal import sensitive_fields
from threeno.model.dataset import RECORD_TYPES, Dataset
from threeno.model.record_types import RECORD_TYPE_LIST

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

__all__ = ["ID_PREFIXES", "MIN_KEY_BYTES", "pseudonymise", "redact"]

# The fewest bytes of a key (RFC 2104, section 3) and each record type's prefix of a
# pseudonym: documented in the package, where they are imported from.
MIN_KEY_BYTES: Final = 16
ID_PREFIXES: Final[Mapping[str, str]] = MappingProxyType(
    {t.name: t.id_prefix for t in RECORD_TYPE_LIST}  # the record types' descriptors
)
#: How many hex digits of the HMAC a pseudonym keeps (64 bits: a collision among a
#: million ids of one type has odds of about 1 in 36 million, and is refused, not hidden).
_HEX_DIGITS: Final = 16
# The names of each record type's sensitive fields.
_SENSITIVE: Final = {name: sensitive_fields(cls) for name, cls in RECORD_TYPES.items()}


def redact(dataset: Dataset) -> Dataset:
    """The dataset with every sensitive field emptied (set to ``None``).

    Every other field, and every id, is kept: the result evaluates to the same numbers.
    A field is sensitive when the model marks it so (``subjects``: ``full_name``,
    ``national_id``, ``phone``); a field marked in a later release is redacted too.

    >>> import datetime as dt
    >>> from threeno.model.dataset import Dataset
    >>> from threeno.model.enums import Ethnicity, Sex
    >>> from threeno.model.subjects import Subject
    >>> person = Subject(
    ...     id="S-1",
    ...     sex=Sex.FEMALE,
    ...     birth_year=1990,
    ...     ethnicity=Ethnicity("01"),
    ...     unit_code="03386",
    ...     registered_on=dt.date(2024, 1, 2),
    ...     full_name="Tẩn Thị Ví Dụ",
    ... )
    >>> redact(Dataset(subjects=[person])).subjects[0].full_name is None
    True

    Args:
        dataset: the records.

    Returns:
        A new dataset; ``dataset`` itself is unchanged.

    Plan clauses: II.3.a, II.3.b, IV.2; Nghị định 13/2023/NĐ-CP (personal data).

    .. versionadded:: 0.1.0
    """
    kept: dict[str, tuple[Any, ...]] = {}
    for name in RECORD_TYPES:
        records: tuple[Any, ...] = getattr(dataset, name)
        fields = _SENSITIVE[name]
        if fields:
            empty = dict.fromkeys(fields)
            records = tuple(attrs.evolve(r, **empty) for r in records)
        kept[name] = records
    return Dataset(**kept)


def _check_key(key: object) -> bytes:
    # The key is a secret: the messages give its type and length, never its bytes.
    if not isinstance(key, bytes | bytearray):
        msg = f"must be bytes (e.g. secrets.token_bytes(32)), not {type(key).__name__}"
        raise ValidationError(msg, cls_name="pseudonymise", field="key")
    if len(key) < MIN_KEY_BYTES:
        msg = f"must be at least {MIN_KEY_BYTES} bytes long, not {len(key)}"
        raise ValidationError(msg, cls_name="pseudonymise", field="key")
    return bytes(key)


def _pseudonym_maker(key: bytes) -> Callable[[str, str], str]:
    def pseudonym(record_type: str, record_id: str) -> str:
        message = f"{record_type}:{record_id}".encode()
        digest = hmac.new(key, message, hashlib.sha256).hexdigest()
        return f"{ID_PREFIXES[record_type]}-{digest[:_HEX_DIGITS]}"

    return pseudonym


# Which record type each reference field points at, per record type (the fields that name
# another record's id, in the data dictionary page, generated/data-dictionary).
_REFERENCES: Final = {
    "crime_reports": {"case_id": "criminal_cases", "victim_ids": "subjects"},
    "criminal_cases": {"report_ids": "crime_reports", "victim_ids": "subjects"},
    "support_actions": {"subject_id": "subjects"},
    "outreach_events": {"reached_subject_ids": "subjects"},
}


def pseudonymise(dataset: Dataset, key: bytes) -> Dataset:
    """The dataset with every record id replaced by a keyed pseudonym.

    A record of type ``t`` with id ``i`` gets the id ``P-h``: ``P`` the type's prefix
    (:data:`ID_PREFIXES`: ``S`` for subjects, ``CR`` for crime reports, ...) and ``h``
    the first 16 hex digits of HMAC-SHA256(key, ``t:i``). Every reference is mapped the
    same way (a support action's ``subject_id``, an outreach event's
    ``reached_subject_ids``, the ``victim_ids`` of reports and cases, a report's
    ``case_id``, a case's ``report_ids``), so the result evaluates to the same numbers,
    and a reference to an unknown record stays a reference to an unknown record. The
    same key gives the same pseudonyms in every run, so datasets pseudonymised apart can
    be joined; without the key, a pseudonym cannot be traced back to its id.

    Sensitive fields are kept: use ``pseudonymise(redact(dataset), key)`` for data that
    leaves the agency. Pseudonymised data is still personal data (Nghị định
    13/2023/NĐ-CP): protect the key like the data itself.

    >>> from threeno.model.dataset import Dataset
    >>> pseudonymise(Dataset(), b"0123456789abcdef") == Dataset()
    True

    Args:
        dataset: the records.
        key: the secret key, at least :data:`MIN_KEY_BYTES` bytes (e.g.
            ``secrets.token_bytes(32)``, kept outside the data).

    Returns:
        A new dataset; ``dataset`` itself is unchanged.

    Raises:
        ValidationError: when the key is not bytes or is too short (the key is never
            quoted), or, against odds of about 1 in 10^19 per pair, two ids of one type
            get the same pseudonym.

    Plan clauses: II.3.a, II.3.b, IV.2; Nghị định 13/2023/NĐ-CP (personal data).

    .. versionadded:: 0.1.0
    """
    pseudonym = _pseudonym_maker(_check_key(key))
    mapped: dict[str, tuple[Any, ...]] = {}
    for name in RECORD_TYPES:
        references = _REFERENCES.get(name, {})
        records: tuple[Any, ...] = getattr(dataset, name)
        out = []
        for record in records:
            changes: dict[str, object] = {"id": pseudonym(name, record.id)}
            for field, target in references.items():
                value = getattr(record, field)
                if isinstance(value, tuple):
                    changes[field] = tuple(pseudonym(target, v) for v in value)
                elif value is not None:
                    changes[field] = pseudonym(target, value)
            out.append(attrs.evolve(record, **changes))
        mapped[name] = tuple(out)
    return Dataset(**mapped)
