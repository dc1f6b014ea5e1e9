"""Protecting the people behind the records: redaction, pseudonyms, small-cell suppression.

The records threeno counts describe victims of trafficking and people at risk of it. This
module holds the three pure functions that make data fit to leave an agency:

- :func:`redact` removes every field marked sensitive (``full_name``, ``national_id``,
  ``phone`` of a subject; see ``threeno.model._base.is_sensitive``);
- :func:`pseudonymise` replaces every record id with a keyed HMAC-SHA256 pseudonym, the
  same in every field that refers to the record, so references still resolve;
- :func:`suppress_cells` decides which counts of a published table to hide: every count
  from 1 to ``k - 1`` (primary suppression), and more cells when the group's total would
  otherwise give the hidden counts away (complementary suppression).

Pseudonymised data is still personal data under Vietnam's decree on personal data
protection (Nghị định 13/2023/NĐ-CP, issued 17 April 2023, in force 1 July 2023), whose
definition of personal data covers information that identifies a person when combined
with other information: whoever holds the key can link pseudonyms back to ids.

Plan clauses: II.3.a, II.3.b (support for victims, whose identity must be protected),
IV.2 (the reports published to the Steering Committee).

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import enum
import hashlib
import hmac
from collections.abc import Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final

import attrs

from threeno.errors import ValidationError
from threeno.model._base import is_sensitive
from threeno.model.dataset import RECORD_TYPES, Dataset

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

__all__ = [
    "COMPLEMENTARY_MARK",
    "DEFAULT_THRESHOLD",
    "ID_PREFIXES",
    "MIN_KEY_BYTES",
    "Suppression",
    "SuppressionResult",
    "pseudonymise",
    "redact",
    "suppress_cells",
]

#: The fewest bytes a pseudonymisation key may have (128 bits). RFC 2104 (HMAC), section 3,
#: discourages keys shorter than the hash's output: 32 bytes are recommended.
MIN_KEY_BYTES: Final = 16
#: The prefix of a pseudonym, by record type (the same as the synthetic data's ids).
ID_PREFIXES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "subjects": "S",
        "crime_reports": "CR",
        "criminal_cases": "CC",
        "support_actions": "SA",
        "outreach_events": "OE",
        "model_reviews": "MR",
        "report_submissions": "RS",
        "safety_assessments": "SF",
    }
)
#: How many hex digits of the HMAC a pseudonym keeps (64 bits: a collision among a
#: million ids of one type has odds of about 1 in 36 million, and is refused, not hidden).
_HEX_DIGITS: Final = 16
#: The threshold of :func:`suppress_cells` when none is given: counts 1 to 4 are hidden.
DEFAULT_THRESHOLD: Final = 5
#: What a published table shows for a cell hidden only so that a total cannot reveal a
#: small count (the cell's own count may be large, so ``<k`` would be untrue).
COMPLEMENTARY_MARK: Final = "x"

# The names of each record type's sensitive fields.
_SENSITIVE: Final = {
    name: tuple(f.name for f in attrs.fields(cls) if is_sensitive(f))
    for name, cls in RECORD_TYPES.items()
}


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


# Which record type each reference field points at, per record type (DESIGN.md).
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


# -- small-cell suppression ----------------------------------------------------------------


class Suppression(enum.Enum):
    """Whether a cell of a published table is shown, and if not, why.

    .. versionadded:: 0.1.0
    """

    #: The count is shown.
    SHOWN = "shown"
    #: The count is from 1 to ``k - 1``: shown as ``<k``.
    SMALL = "small"
    #: The count would let a reader work out a hidden small count from the total, so it
    #: is shown as :data:`COMPLEMENTARY_MARK`.
    COMPLEMENTARY = "complementary"

    def text(self, count: int, k: int) -> str:
        """What a published table shows for ``count`` so marked, with threshold ``k``.

        >>> from threeno.privacy import Suppression
        >>> Suppression.SMALL.text(3, 5), Suppression.COMPLEMENTARY.text(12, 5)
        ('<5', 'x')
        >>> Suppression.SHOWN.text(12, 5)
        '12'

        Args:
            count: the cell's count.
            k: the threshold: counts from 1 to ``k - 1`` are hidden.

        Returns:
            The count, ``<k``, or :data:`COMPLEMENTARY_MARK`.
        """
        if self is Suppression.SMALL:
            return f"<{k}"
        if self is Suppression.COMPLEMENTARY:
            return COMPLEMENTARY_MARK
        return str(count)


@attrs.frozen(kw_only=True)
class SuppressionResult:
    """Which cells of one group (the units of one figure, and their total) are hidden.

    Args:
        k: the threshold: counts from 1 to ``k - 1`` are hidden.
        cells: the counts of the group's cells, as given.
        total: the group's total, as given (``None`` when the table shows none).
        cell_marks: for each cell, whether it is shown, and if not why.
        total_mark: the same for the total (``SHOWN`` when there is none).

    .. versionadded:: 0.1.0
    """

    k: int
    cells: tuple[int, ...]
    total: int | None
    cell_marks: tuple[Suppression, ...]
    total_mark: Suppression

    def text(self, count: int, mark: Suppression) -> str:
        """What the table shows for ``count``: the number, ``<k`` or the complementary mark.

        >>> result = suppress_cells([3, 12, 0], total=15, k=5)
        >>> [result.text(c, m) for c, m in zip(result.cells, result.cell_marks)]
        ['<5', 'x', '0']
        """
        return mark.text(count, self.k)

    @property
    def cell_texts(self) -> tuple[str, ...]:
        """What the table shows for each cell."""
        return tuple(self.text(c, m) for c, m in zip(self.cells, self.cell_marks, strict=True))

    @property
    def total_text(self) -> str | None:
        """What the table shows for the total; ``None`` when there is none."""
        return None if self.total is None else self.text(self.total, self.total_mark)

    @property
    def any_hidden(self) -> bool:
        """Whether any cell or the total is hidden (a legend is then needed)."""
        marks = (*self.cell_marks, self.total_mark)
        return any(m is not Suppression.SHOWN for m in marks)


def _count(value: object, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        shown = value if isinstance(value, int) else type(value).__name__
        msg = f"must be a whole number, 0 or more, not {shown}"
        raise ValidationError(msg, cls_name="suppress_cells", field=field)
    return value


def suppress_cells(
    cells: Sequence[int], total: int | None = None, *, k: int = DEFAULT_THRESHOLD
) -> SuppressionResult:
    """Which counts of one group of a published table to hide (small-cell suppression).

    A group is the cells whose total the table shows: the units' counts of one
    indicator's numerator (or denominator) and the whole area's count, or the categories
    of one breakdown. The rules:

    1. **Primary suppression.** A count from 1 to ``k - 1`` is hidden and shown as
       ``<k``; the total too. A zero is shown: that nobody is in a cell reveals nobody
       (the practice of the Counter Trafficking Data Collaborative, which publishes at
       k = 11 and shows zeros).
    2. **Complementary suppression.** When the total is shown and the hidden cells hold
       together fewer than ``k`` (one hidden cell always does), a reader could work them
       out from the total: the smallest non-zero cell still shown is hidden too (shown
       as :data:`COMPLEMENTARY_MARK`, since its count may be ``k`` or more), and again
       until the hidden cells hold ``k`` or more. If no cell is left to hide, the total
       is hidden.

    A share whose numerator or denominator is hidden is hidden too; that is the
    caller's rule (this function sees counts only).

    >>> suppress_cells([3, 12, 0, 40], total=55).cell_texts
    ('<5', 'x', '0', '40')
    >>> suppress_cells([1, 1, 20], total=22).cell_texts  # 1 + 1 < 5: 20 goes too
    ('<5', '<5', 'x')
    >>> suppress_cells([7, 12], total=19).cell_texts
    ('7', '12')

    Args:
        cells: the counts of the group's cells, each a whole number, 0 or more.
        total: the group's total as the table shows it, or ``None`` when none is shown
            (then only primary suppression applies).
        k: the threshold, 2 or more (published tables: 5 by default; CTDC uses 11).

    Returns:
        The marks of every cell and of the total.

    Raises:
        ValidationError: for a count that is not a whole number, 0 or more, or a
            threshold below 2.

    Plan clauses: IV.2 (reports published to the Steering Committee and beyond).

    .. versionadded:: 0.1.0
    """
    threshold = _count(k, "k")
    if threshold < 2:  # k = 1 would hide nothing: surely a mistake
        msg = f"must be 2 or more (counts from 1 to k - 1 are hidden), not {threshold}"
        raise ValidationError(msg, cls_name="suppress_cells", field="k")
    if isinstance(cells, str | bytes) or not isinstance(cells, Sequence):
        msg = f"must be a list of counts, not {type(cells).__name__}"
        raise ValidationError(msg, cls_name="suppress_cells", field="cells")
    counts = tuple(_count(c, f"cells[{i}]") for i, c in enumerate(cells))
    shown_total = None if total is None else _count(total, "total")

    def small(count: int) -> bool:
        return 0 < count < threshold

    marks = [Suppression.SMALL if small(c) else Suppression.SHOWN for c in counts]
    total_mark = Suppression.SHOWN
    if shown_total is not None:
        if small(shown_total):
            total_mark = Suppression.SMALL
        hidden = [i for i, m in enumerate(marks) if m is not Suppression.SHOWN]
        # Only when the total is shown can the hidden cells be worked out from it.
        while total_mark is Suppression.SHOWN and hidden:
            if sum(counts[i] for i in hidden) >= threshold:
                break
            candidates = [i for i, m in enumerate(marks) if m is Suppression.SHOWN and counts[i]]
            if not candidates:
                total_mark = Suppression.COMPLEMENTARY
                break
            # The smallest count first; among equals, the first cell (deterministic).
            chosen = min(candidates, key=lambda i: (counts[i], i))
            marks[chosen] = Suppression.COMPLEMENTARY
            hidden.append(chosen)
    return SuppressionResult(
        k=threshold,
        cells=counts,
        total=shown_total,
        cell_marks=tuple(marks),
        total_mark=total_mark,
    )
