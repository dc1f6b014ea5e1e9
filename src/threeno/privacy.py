"""Protecting the people behind the records: redaction, pseudonyms, small-cell suppression.

The records threeno counts describe victims of trafficking and people at risk of it. This
module holds the three pure functions that make data fit to leave an agency:

- :func:`redact` removes every field marked sensitive (``full_name``, ``national_id``,
  ``phone`` of a subject; see ``threeno.model._base.is_sensitive``);
- :func:`pseudonymise` replaces every record id with a keyed HMAC-SHA256 pseudonym, the
  same in every field that refers to the record, so references still resolve;
- :func:`suppress_table` decides which counts of a published table to hide: every count
  from 1 to ``k - 1`` (primary suppression), and more counts until no hidden one can be
  narrowed to fewer than ``k`` values by a reader who knows every count shown and every
  relation between them (complementary suppression, checked by an exact audit);
  :func:`suppress_cells` does it for one group of cells and its total.

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
from collections.abc import Hashable, Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final, Generic, TypeVar

import attrs

from threeno.errors import ValidationError
from threeno.model._base import is_sensitive
from threeno.model.dataset import RECORD_TYPES, Dataset

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "COMPLEMENTARY_MARK",
    "DEFAULT_THRESHOLD",
    "HIDDEN_MARK",
    "ID_PREFIXES",
    "MIN_KEY_BYTES",
    "K",
    "Relation",
    "Suppression",
    "SuppressionResult",
    "TableSuppression",
    "pseudonymise",
    "redact",
    "suppress_cells",
    "suppress_table",
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
#
# What a published table promises (docs/guides/privacy.md, "What suppression guarantees"):
# a reader who knows the method, k, every number the table shows and every relation
# between its counts (a total and its parts, a numerator and its denominator, the
# definition of a figure) cannot narrow a hidden count to fewer than k values. The
# reader's best knowledge of a hidden count is the smallest and the largest value it
# takes over every table of whole numbers that agrees with what is shown: a linear
# programme (the "audit" of a suppression pattern: L. Zayatz, "Using linear programming
# methodology for disclosure avoidance purposes", U.S. Census Bureau, Statistical
# Research Division, report RR-92/02, 1992; the τ-Argus manual, "Producing safe
# tables"). suppress_table solves it exactly, with whole numbers only, and hides more
# counts until every hidden one spans k values or more.


class Suppression(enum.Enum):
    """Whether a cell of a published table is shown, and if not, why.

    Both reasons show the same mark, :data:`HIDDEN_MARK`: a reader cannot tell a small
    count from a count hidden to protect one.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 both reasons show :data:`HIDDEN_MARK` (a small count
       showed ``<k``, which told the reader it was below ``k``); :meth:`text` takes the
       count only.
    """

    #: The count is shown.
    SHOWN = "shown"
    #: The count is from 1 to ``k - 1`` (primary suppression).
    SMALL = "small"
    #: The count would let a reader work out a hidden count (complementary suppression).
    COMPLEMENTARY = "complementary"

    def text(self, count: int) -> str:
        """What a published table shows for ``count`` so marked.

        >>> from threeno.privacy import Suppression
        >>> Suppression.SMALL.text(3), Suppression.COMPLEMENTARY.text(12)
        ('x', 'x')
        >>> Suppression.SHOWN.text(12)
        '12'

        Args:
            count: the cell's count.

        Returns:
            The count, or :data:`HIDDEN_MARK`.
        """
        return str(count) if self is Suppression.SHOWN else HIDDEN_MARK


#: What a published table shows for every hidden count, small or complementary.
HIDDEN_MARK: Final = "x"
#: The same mark, by its former name (a complementary cell showed it; a small one ``<k``).
COMPLEMENTARY_MARK: Final = HIDDEN_MARK

#: The type of the keys of a table's counts (any hashable value).
K = TypeVar("K", bound=Hashable)


def _whole(value: object, where: str, cls_name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        msg = f"must be a whole number, not {type(value).__name__}"
        raise ValidationError(msg, cls_name=cls_name, field=where)
    return value


@attrs.frozen
class Relation(Generic[K]):
    """A linear fact about a table's counts that a reader knows without the data.

    ``sum(coefficient * count for key, coefficient in terms)`` equals ``constant``
    (``equal=True``) or is at most ``constant`` (``equal=False``). The constructors say
    it in words: :meth:`total` (the parts add up to the total), :meth:`at_least`
    (overlapping parts: each record in one part or more), :meth:`at_most` (one count
    never exceeds another: a numerator and its denominator).

    >>> from threeno.privacy import Relation
    >>> Relation.total(["a", "b"], "t").holds({"a": 2, "b": 3, "t": 5})
    True
    >>> Relation.at_most("n", "d").holds({"n": 4, "d": 3})
    False

    Args:
        terms: ``(key, coefficient)`` pairs; a key may appear once.
        constant: the right-hand side.
        equal: ``True`` for ``=``, ``False`` for ``<=``.

    .. versionadded:: 0.2.0
    """

    terms: tuple[tuple[K, int], ...]
    constant: int = 0
    equal: bool = True

    @classmethod
    def total(cls, parts: Iterable[K], total: K) -> Relation[K]:
        """The parts add up to the total (a partition: each record in exactly one part)."""
        return cls(terms=(*((p, 1) for p in parts), (total, -1)))

    @classmethod
    def at_least(cls, parts: Iterable[K], total: K) -> Relation[K]:
        """The parts add up to the total or more (each record in one part or more)."""
        return cls(terms=(*((p, -1) for p in parts), (total, 1)), equal=False)

    @classmethod
    def at_most(cls, small: K, large: K) -> Relation[K]:
        """``small`` never exceeds ``large`` (a numerator and its denominator)."""
        return cls(terms=((small, 1), (large, -1)), equal=False)

    def holds(self, counts: Mapping[K, int]) -> bool:
        """Whether ``counts`` satisfy the relation (every key must be in ``counts``)."""
        value = sum(a * counts[key] for key, a in self.terms)
        return value == self.constant if self.equal else value <= self.constant


@attrs.frozen(kw_only=True)
class TableSuppression(Generic[K]):
    """Which counts of a table to hide, and how far a reader is from each hidden one.

    Args:
        k: the threshold.
        counts: the counts, as given.
        marks: every count's mark.
        spans: for every hidden count, two values it takes in tables of whole numbers
            that agree with everything shown and with every relation: the lowest and the
            highest found (``None``: no highest, the count can be as large as one likes).
            They are at least ``k - 1`` apart, so at least ``k`` values stay possible.

    .. versionadded:: 0.2.0
    """

    k: int
    counts: Mapping[K, int]
    marks: Mapping[K, Suppression]
    spans: Mapping[K, tuple[int, int | None]]

    def text(self, key: K) -> str:
        """What the table shows for ``key``: its count or :data:`HIDDEN_MARK`."""
        return self.marks[key].text(self.counts[key])


# A relation over the variables of one linear programme: coefficients by variable index,
# the constant, and whether it is an equation.
_Row = tuple[dict[int, int], int, bool]


class _Tableau:
    """An exact simplex tableau in whole numbers (Edmonds' integer-preserving pivots).

    The variables are the hidden counts ``x`` (each 1 or more: zeros are shown), written
    ``y = x - 1 >= 0``; each row of ``rows`` is a relation between them once the shown
    counts are put in. Every entry is an integer over the common denominator ``d``
    (a basis determinant), so nothing is rounded: an optimum found is exact. Rows are
    kept sparse (a report's relations name few counts each). Bland's rule (the
    smallest index enters and leaves) keeps degenerate pivots from cycling.
    """

    def __init__(self, n: int, rows: list[_Row]) -> None:
        self.n = n
        columns = n
        slack: dict[int, int] = {}
        for i, (_, _, equal) in enumerate(rows):
            if not equal:
                slack[i] = columns
                columns += 1
        self.first_artificial = columns
        self.rows: list[dict[int, int]] = []
        self.rhs: list[int] = []
        self.basis: list[int] = []
        # Each row's own column (its slack, or else its artificial): a row binds an
        # optimum when that column's reduced cost is not zero (its dual value).
        self.markers = dict(slack)
        for i, (coefficients, constant, _) in enumerate(rows):
            row = {j: a for j, a in coefficients.items() if a}
            b = constant - sum(coefficients.values())  # y = x - 1
            if i in slack:
                row[slack[i]] = 1
            if b < 0:
                row = {j: -a for j, a in row.items()}
                b = -b
            if i in slack and row[slack[i]] == 1:
                self.basis.append(slack[i])
            else:
                row[columns] = 1
                self.basis.append(columns)
                self.markers.setdefault(i, columns)
                columns += 1
            self.rows.append(row)
            self.rhs.append(b)
        self.width = columns
        self.d = 1
        self._phase_one()

    def _reduced(self, objective: dict[int, int]) -> dict[int, int]:
        # The reduced costs of maximising sum(c_j * column_j), times d (non-zero only).
        d = self.d
        costs = {j: c * d for j, c in objective.items()}
        for i, j in enumerate(self.basis):
            c = objective.get(j, 0)
            if c:
                for column, a in self.rows[i].items():
                    costs[column] = costs.get(column, 0) - c * a
        return {j: c for j, c in costs.items() if c}

    def _pivot(self, r: int, s: int, costs: dict[int, int] | None = None) -> None:
        p = self.rows[r][s]
        for i, row in enumerate(self.rows):
            if i != r:
                self.rows[i], self.rhs[i] = self._eliminate(row, self.rhs[i], r, s)
        if costs is not None:
            changed, _ = self._eliminate(costs, 0, r, s)
            costs.clear()
            costs.update(changed)
        self.basis[r] = s
        self.d = p
        if p < 0:  # keep the denominator positive: negate every numerator with it
            self.rows = [{j: -a for j, a in row.items()} for row in self.rows]
            self.rhs = [-b for b in self.rhs]
            if costs is not None:
                for j in costs:
                    costs[j] = -costs[j]
            self.d = -p

    def _eliminate(self, row: dict[int, int], b: int, r: int, s: int) -> tuple[dict[int, int], int]:
        # The row once column s is pivoted in at row r: (p * row - f * pivot row) / d, an
        # exact division (Sylvester's identity); a row without column s is only rescaled.
        p, d = self.rows[r][s], self.d
        f = row.get(s, 0)
        if not f:
            if p == d:
                return row, b
            return {j: p * a // d for j, a in row.items()}, p * b // d
        new = {j: p * a for j, a in row.items()}
        for j, a in self.rows[r].items():
            new[j] = new.get(j, 0) - f * a
        return {j: v // d for j, v in new.items() if v}, (p * b - f * self.rhs[r]) // d

    def _optimise(self, costs: dict[int, int], limit: int) -> int | None:
        # Maximise; columns from ``limit`` on never enter. None at the optimum, or the
        # entering column along which the objective grows without bound.
        while True:
            s = min((j for j, c in costs.items() if c > 0 and j < limit), default=None)
            if s is None:
                return None
            best = -1
            for i, row in enumerate(self.rows):
                a = row.get(s, 0)
                if a <= 0:
                    continue
                if best < 0:
                    best = i
                    continue
                here, there = self.rhs[i] * self.rows[best][s], self.rhs[best] * a
                if here < there or (here == there and self.basis[i] < self.basis[best]):
                    best = i
            if best < 0:
                return s
            self._pivot(best, s, costs)

    def _phase_one(self) -> None:
        artificial = range(self.first_artificial, self.width)
        costs = self._reduced(dict.fromkeys(artificial, -1))
        self._optimise(costs, self.width)
        redundant = []
        for i in range(len(self.rows)):
            if self.basis[i] < self.first_artificial:
                continue
            if self.rhs[i]:  # pragma: no cover - the true counts always satisfy the rows
                msg = "the counts do not satisfy the relations"
                raise AssertionError(msg)
            column = min((j for j in self.rows[i] if j < self.first_artificial), default=None)
            if column is None:
                redundant.append(i)  # a relation implied by the others
            else:
                self._pivot(i, column)  # a degenerate pivot: the values do not change
        for i in reversed(redundant):
            del self.rows[i]
            del self.rhs[i]
            del self.basis[i]

    def extreme(self, j: int, sense: int) -> _Extreme:
        """Maximise (``sense=1``) or minimise (``-1``) variable ``j``.

        Returns an optimal vertex in whole numbers (``None`` when it is not whole: no
        witness), or, when the maximum is unbounded, a direction in whole numbers along
        which every row stays satisfied and ``x_j`` grows; and the rows that bind the
        optimum (those whose dual value is not zero).
        """
        costs = self._reduced({j: sense})
        entering = self._optimise(costs, self.first_artificial)
        n, d = self.n, self.d
        if entering is not None:
            ray = [0] * n
            if entering < n:
                ray[entering] = d
            for i, b in enumerate(self.basis):
                if b < n:
                    ray[b] = -self.rows[i].get(entering, 0)
            return _Extreme(point=None, ray=ray, binding=frozenset())
        binding = frozenset(row for row, column in self.markers.items() if costs.get(column))
        point: list[int] | None = [1] * n
        for i, b in enumerate(self.basis):
            if b < n and point is not None:
                whole, rest = divmod(self.rhs[i], d)
                if rest:
                    point = None
                else:
                    point[b] = whole + 1
        return _Extreme(point=point, ray=None, binding=binding)


@attrs.frozen
class _Extreme:
    # An optimum of _Tableau.extreme: a whole vertex, or a ray; the binding rows.
    point: list[int] | None
    ray: list[int] | None
    binding: frozenset[int]


def _satisfies(point: list[int], rows: list[_Row]) -> bool:
    if any(v < 1 for v in point):
        return False
    for coefficients, constant, equal in rows:
        value = sum(a * point[j] for j, a in coefficients.items())
        if (value != constant) if equal else (value > constant):
            return False
    return True


def _is_ray(ray: list[int], rows: list[_Row], j: int) -> bool:
    if ray[j] <= 0 or any(v < 0 for v in ray):
        return False
    for coefficients, _, equal in rows:
        value = sum(a * ray[i] for i, a in coefficients.items())
        if (value != 0) if equal else (value > 0):
            return False
    return True


class _Seen:
    """The lowest and highest value of each variable over the witness tables found."""

    def __init__(self, values: list[int], rows: list[_Row]) -> None:
        self.rows = rows
        self.low: list[int] = list(values)
        self.high: list[int | None] = list(values)

    def add(self, found: _Extreme, j: int) -> None:
        """Count an optimum found for ``j``, once checked: a whole table, or a ray."""
        if found.ray is not None and _is_ray(found.ray, self.rows, j):
            for i, step in enumerate(found.ray):
                if step > 0:
                    self.high[i] = None  # the true table plus the ray, times any t
        elif found.point is not None and _satisfies(found.point, self.rows):
            for i, v in enumerate(found.point):
                self.low[i] = min(self.low[i], v)
                top = self.high[i]
                self.high[i] = None if top is None else max(top, v)

    def wide(self, j: int, need: int) -> bool:
        """Whether ``j`` is seen ``need`` apart (or without bound)."""
        top = self.high[j]
        return top is None or top - self.low[j] >= need


def _audit(
    values: list[int], rows: list[_Row], todo: list[int], need: int
) -> dict[int, tuple[tuple[int, int | None], frozenset[int]]]:
    """For each variable of ``todo``: its lowest and highest values, and what limits them.

    Each value comes with a witness, a table of whole numbers satisfying every row,
    checked in exact arithmetic before it counts; so a span is never wider than what a
    table consistent with the rows really gives (the true counts are one such table,
    and spans start from them). A witness found for one variable gives every other
    variable a value too, so a variable already ``need`` wide from the witnesses found
    so far needs no optimum of its own; a highest value is looked for first, a lowest
    only when still needed. The rows returned are those that bind the optima found for a
    variable left narrow (none for a wide one).
    """
    tableau = _Tableau(len(values), rows)
    seen = _Seen(values, rows)
    found: dict[int, tuple[tuple[int, int | None], frozenset[int]]] = {}
    for j in todo:
        binding: frozenset[int] = frozenset()
        for sense in (1, -1):
            if seen.wide(j, need):
                break
            optimum = tableau.extreme(j, sense)
            seen.add(optimum, j)
            binding |= optimum.binding
        wide = seen.wide(j, need)
        found[j] = ((seen.low[j], seen.high[j]), frozenset() if wide else binding)
    return found


def _threshold(k: object, cls_name: str) -> int:
    threshold = _count(k, "k", cls_name)
    if threshold < 2:  # k = 1 would hide nothing: surely a mistake
        msg = f"must be 2 or more (counts from 1 to k - 1 are hidden), not {threshold}"
        raise ValidationError(msg, cls_name=cls_name, field="k")
    return threshold


def _count(value: object, field: str, cls_name: str = "suppress_cells") -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        shown = value if isinstance(value, int) else type(value).__name__
        msg = f"must be a whole number, 0 or more, not {shown}"
        raise ValidationError(msg, cls_name=cls_name, field=field)
    return value


def _rows_of(
    relations: Iterable[Relation[K]], index: Mapping[K, int], values: list[int]
) -> list[_Row]:
    rows: list[_Row] = []
    for r, relation in enumerate(relations):
        where = f"relations[{r}]"
        given: object = relation  # callers without a type checker pass anything
        if not isinstance(given, Relation):
            msg = f"must be a Relation, not {type(relation).__name__}"
            raise ValidationError(msg, cls_name="suppress_table", field=where)
        coefficients: dict[int, int] = {}
        for key, a in relation.terms:
            if key not in index:
                msg = f"names {key!r}, which is not one of the counts"
                raise ValidationError(msg, cls_name="suppress_table", field=where)
            i = index[key]
            coefficients[i] = coefficients.get(i, 0) + _whole(a, where, "suppress_table")
        constant = _whole(relation.constant, where, "suppress_table")
        value = sum(a * values[i] for i, a in coefficients.items())
        if (value != constant) if relation.equal else (value > constant):
            msg = "the counts do not satisfy it"
            raise ValidationError(msg, cls_name="suppress_table", field=where)
        rows.append(({i: a for i, a in coefficients.items() if a}, constant, relation.equal))
    return rows


class _Suppressor:
    """The state of :func:`suppress_table`: the counts, the rows, the marks, the spans.

    Hiding one more count never narrows a hidden count's span: a witness table stays a
    witness once a shown count becomes free to vary (it keeps its true value). So a
    hidden count found wide enough once is not audited again.
    """

    def __init__(self, values: list[int], rows: list[_Row], k: int, last: set[int]) -> None:
        self.values, self.rows, self.k, self.last = values, rows, k, last
        self.touching: list[list[int]] = [[] for _ in values]
        for r, (coefficients, _, _) in enumerate(rows):
            for i in coefficients:
                self.touching[i].append(r)
        self.marks = [Suppression.SMALL if 0 < v < k else Suppression.SHOWN for v in values]
        self.wide: dict[int, tuple[int, int | None]] = {}

    def hidden(self, i: int) -> bool:
        return self.marks[i] is not Suppression.SHOWN

    def components(self) -> list[list[int]]:
        # The hidden counts linked by relations: each group is audited on its own.
        parent = {i: i for i, _ in enumerate(self.values) if self.hidden(i)}

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for coefficients, _, _ in self.rows:
            members = [find(i) for i in coefficients if i in parent]
            for other in members[1:]:
                a, b = find(members[0]), find(other)
                if a != b:
                    parent[max(a, b)] = min(a, b)
        groups: dict[int, list[int]] = {}
        for i in sorted(parent):
            groups.setdefault(find(i), []).append(i)
        return list(groups.values())

    def audit(self, component: list[int]) -> dict[int, list[int]]:
        """Audit the counts of ``component`` not yet wide enough.

        Returns the narrow ones, each with the rows (by index) that limit it.
        """
        local = {i: n for n, i in enumerate(component)}
        used = sorted({r for i in component for r in self.touching[i]})
        rows: list[_Row] = []
        for r in used:
            coefficients, constant, equal = self.rows[r]
            mine: dict[int, int] = {}
            for i, a in coefficients.items():
                if i in local:
                    mine[local[i]] = a
                else:  # a shown count is a constant
                    constant -= a * self.values[i]
            rows.append((mine, constant, equal))
        values = [self.values[i] for i in component]
        todo = [local[i] for i in component if i not in self.wide]
        narrow: dict[int, list[int]] = {}
        for j, ((low, high), binding) in _audit(values, rows, todo, self.k - 1).items():
            if high is None or high - low >= self.k - 1:
                self.wide[component[j]] = (low, high)
            else:
                narrow[component[j]] = [used[r] for r in sorted(binding)]
        return narrow

    def complement(self, binding: list[int], component: list[int]) -> int | None:
        # The count to hide next: a shown, non-zero count of a row that limits the narrow
        # count (else of any row of its group); counts the caller keeps for last (totals)
        # only when no other will do; then the smallest; then the first. None when every
        # such count is hidden already (by another group, in this round).
        def shown(rows: Iterable[int]) -> set[int]:
            return {
                i
                for r in rows
                for i in self.rows[r][0]
                if not self.hidden(i) and self.values[i] > 0
            }

        candidates = shown(binding) or shown(r for m in component for r in self.touching[m])
        if not candidates:
            return None
        return min(candidates, key=lambda i: (i in self.last, self.values[i], i))

    def run(self) -> dict[int, tuple[int, int | None]]:
        # When every count that a hidden one shares a relation with is hidden too, or
        # zero, the relations of its group are homogeneous and the true counts times t
        # (t >= 1) satisfy them all: each hidden count is unbounded, not narrow. So a
        # narrow group always has a count left to hide, and the loop ends.
        while True:
            picked = False
            for component in self.components():
                if all(i in self.wide for i in component):
                    continue
                chosen: set[int] = set()
                for binding in self.audit(component).values():
                    if any(chosen & self.rows[r][0].keys() for r in binding):
                        continue  # a count hidden for another narrow one may do for it too
                    pick = self.complement(binding, component)
                    if pick is not None:
                        self.marks[pick] = Suppression.COMPLEMENTARY
                        chosen.add(pick)
                        picked = True
            if all(i in self.wide for i in self._hidden()):
                return dict(self.wide)
            if not picked:  # pragma: no cover - impossible, as said above
                msg = "a hidden count is narrow but no count is left to hide"
                raise AssertionError(msg)

    def _hidden(self) -> list[int]:
        return [i for i in range(len(self.values)) if self.hidden(i)]


def suppress_table(
    counts: Mapping[K, int],
    relations: Iterable[Relation[K]] = (),
    *,
    k: int = DEFAULT_THRESHOLD,
    last_resort: Iterable[K] = (),
) -> TableSuppression[K]:
    """Which counts of a published table to hide, so that no hidden count can be worked out.

    1. **Primary suppression.** Every count from 1 to ``k - 1`` is hidden. A zero is
       shown: that nobody is in a cell reveals nobody (the practice of the Counter
       Trafficking Data Collaborative, which publishes at k = 11 and shows zeros).
    2. **Complementary suppression until the audit passes.** A reader knows every count
       shown, every relation (``relations``: totals and their parts, numerators and
       denominators, the definitions of figures), that a hidden count is 1 or more, and
       ``k``. For each hidden count, the smallest and the largest value it takes in a
       table of whole numbers agreeing with all that are found exactly (a linear
       programme solved in whole numbers; each value is checked on a witness table).
       While some hidden count's two values are less than ``k - 1`` apart, one more count
       is hidden: a shown, non-zero count in a relation with it, those in ``last_resort``
       (totals) only when no other will do, the smallest first.

    Every hidden count shows the same mark, :data:`HIDDEN_MARK`, so a reader cannot tell
    a small count from a complementary one.

    The guarantee: for every hidden count, two tables of whole numbers that agree with
    everything shown and satisfy every relation give it values at least ``k - 1`` apart
    (at least ``k`` possible values). It holds against the relations given, no more: a
    reader who knows another (a figure of another table, an earlier publication) is not
    covered.

    >>> from threeno.privacy import Relation, suppress_table
    >>> table = suppress_table(
    ...     {"a": 1, "b": 5, "c": 7, "d": 7, "total": 20},
    ...     [Relation.total(["a", "b", "c", "d"], "total")],
    ...     k=5,
    ...     last_resort=["total"],
    ... )
    >>> [table.text(key) for key in ("a", "b", "c", "d", "total")]
    ['x', 'x', '7', '7', '20']
    >>> table.spans["a"]  # a + b = 6, each 1 or more: a is 1 to 5
    (1, 5)

    Args:
        counts: the table's counts by key (any hashable key), each a whole number, 0
            or more; their order breaks ties.
        relations: what a reader knows about the counts; the counts must satisfy each.
        k: the threshold, 2 or more.
        last_resort: counts to hide only when nothing else will do (totals).

    Returns:
        The marks, and the values each hidden count can take.

    Raises:
        ValidationError: for a count that is not a whole number, 0 or more, a
            threshold below 2, or a relation that names an unknown key or that the
            counts do not satisfy.

    Plan clauses: IV.2 (reports published to the Steering Committee and beyond).

    .. versionadded:: 0.2.0
    """
    threshold = _threshold(k, "suppress_table")
    given: object = counts  # callers without a type checker pass anything
    if not isinstance(given, Mapping):
        msg = f"must be a mapping of keys to counts, not {type(counts).__name__}"
        raise ValidationError(msg, cls_name="suppress_table", field="counts")
    keys = list(counts)
    index = {key: i for i, key in enumerate(keys)}
    values = [_count(counts[key], f"counts[{key!r}]", "suppress_table") for key in keys]
    rows = _rows_of(relations, index, values)
    last = {index[key] for key in last_resort if key in index}
    suppressor = _Suppressor(values, rows, threshold, last)
    spans = suppressor.run()
    return TableSuppression(
        k=threshold,
        counts=MappingProxyType(dict(zip(keys, values, strict=True))),
        marks=MappingProxyType(dict(zip(keys, suppressor.marks, strict=True))),
        spans=MappingProxyType({keys[i]: span for i, span in sorted(spans.items())}),
    )


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
        """What the table shows for ``count``: the number or :data:`HIDDEN_MARK`.

        >>> result = suppress_cells([3, 12, 0], total=15, k=5)
        >>> [result.text(c, m) for c, m in zip(result.cells, result.cell_marks)]
        ['x', 'x', '0']
        """
        return mark.text(count)

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


def suppress_cells(
    cells: Sequence[int],
    total: int | None = None,
    *,
    k: int = DEFAULT_THRESHOLD,
    partition: bool = True,
) -> SuppressionResult:
    """Which counts of one group of a published table to hide (small-cell suppression).

    A group is the cells whose total the table shows: the units' counts of one
    indicator's numerator (or denominator) and the whole area's count, or the categories
    of one breakdown. :func:`suppress_table` with one relation, the cells adding up to
    the total (``partition=True``) or to at most the total (``partition=False``: the
    total counts records outside the cells too); the total is hidden only when nothing
    else will do. Every hidden count shows :data:`HIDDEN_MARK`, and none can be narrowed
    to fewer than ``k`` values.

    >>> suppress_cells([3, 12, 0, 40], total=55).cell_texts  # 3 + 12 = 15: 1 to 14 each
    ('x', 'x', '0', '40')
    >>> suppress_cells([2, 3, 20], total=25).cell_texts  # 2 + 3 = 5 would leave 1 to 4
    ('x', 'x', 'x')
    >>> suppress_cells([7, 12], total=19).cell_texts
    ('7', '12')

    Args:
        cells: the counts of the group's cells, each a whole number, 0 or more.
        total: the group's total as the table shows it, or ``None`` when none is shown
            (then only primary suppression applies).
        k: the threshold, 2 or more (published tables: 5 by default; CTDC uses 11).
        partition: whether the cells add up to the total (each record in exactly one
            cell); ``False`` when the total also counts records in no cell.

    Returns:
        The marks of every cell and of the total.

    Raises:
        ValidationError: for a count that is not a whole number, 0 or more, a threshold
            below 2, or a total that is not the sum of the cells (``partition=True``) or
            is below it.

    Plan clauses: IV.2 (reports published to the Steering Committee and beyond).

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 every hidden cell shows :data:`HIDDEN_MARK` (a small one
       showed ``<k``, which let a reader pin it down: ``[1, 5, 7, 7]`` of 20 gave ``<5,
       x, 7, 7``, and 20 - 14 = 6 with ``x >= 5`` forced the ``<5`` to 1); cells are
       hidden until none can be narrowed to fewer than ``k`` values; ``partition``.
    """
    threshold = _threshold(k, "suppress_cells")
    if isinstance(cells, str | bytes) or not isinstance(cells, Sequence):
        msg = f"must be a list of counts, not {type(cells).__name__}"
        raise ValidationError(msg, cls_name="suppress_cells", field="cells")
    counts = tuple(_count(c, f"cells[{i}]") for i, c in enumerate(cells))
    shown_total = None if total is None else _count(total, "total")
    table: dict[tuple[str, int], int] = {("cell", i): c for i, c in enumerate(counts)}
    relations: list[Relation[tuple[str, int]]] = []
    if shown_total is not None:
        added = sum(counts)
        if added != shown_total if partition else added > shown_total:
            relation = "equal" if partition else "be at least"
            msg = f"must {relation} the sum of the cells ({added}), not {shown_total}"
            raise ValidationError(msg, cls_name="suppress_cells", field="total")
        table["total", 0] = shown_total
        parts = [("cell", i) for i in range(len(counts))]
        relation_of = Relation.total if partition else _at_most_total
        relations.append(relation_of(parts, ("total", 0)))
    result = suppress_table(table, relations, k=threshold, last_resort=[("total", 0)])
    marks = result.marks
    return SuppressionResult(
        k=threshold,
        cells=counts,
        total=shown_total,
        cell_marks=tuple(marks["cell", i] for i in range(len(counts))),
        total_mark=Suppression.SHOWN if shown_total is None else marks["total", 0],
    )


def _at_most_total(parts: Iterable[K], total: K) -> Relation[K]:
    # The parts add up to at most the total (the total counts records in no part too).
    return Relation(terms=(*((p, 1) for p in parts), (total, -1)), equal=False)
