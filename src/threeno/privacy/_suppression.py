"""Small-cell suppression: which counts of a published table to hide.

What a published table promises (docs/guides/privacy.md, "What suppression guarantees"):
a reader who knows the method, ``k``, every number the table shows and every relation
between its counts (a total and its parts, a numerator and its denominator, the
definition of a figure) cannot narrow a hidden count to fewer than ``k`` values.
:func:`suppress_table` hides the small counts, asks the exact audit of
:mod:`threeno.privacy._audit` how far each hidden count can be narrowed, and hides more
counts until every hidden one spans ``k`` values or more.

Plan clauses: IV.2 (reports published to the Steering Committee and beyond).
"""

from __future__ import annotations

import enum
from collections.abc import Hashable, Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Final, Generic, TypeVar

import attrs

from threeno.errors import ValidationError
from threeno.privacy._audit import Row, audit

__all__ = [
    "COMPLEMENTARY_MARK",
    "DEFAULT_THRESHOLD",
    "HIDDEN_MARK",
    "K",
    "Relation",
    "Suppression",
    "SuppressionResult",
    "TableSuppression",
    "suppress_cells",
    "suppress_table",
]

# The threshold when none is given, the mark of a hidden count, and the type of a table's
# keys: documented in the package, where they are imported from.
DEFAULT_THRESHOLD: Final = 5
HIDDEN_MARK: Final = "x"
COMPLEMENTARY_MARK: Final = HIDDEN_MARK
K = TypeVar("K", bound=Hashable)


class Suppression(enum.Enum):
    """Whether a cell of a published table is shown, and if not, why.

    - ``SHOWN``: the count is shown;
    - ``SMALL``: the count is from 1 to ``k - 1`` (primary suppression);
    - ``COMPLEMENTARY``: the count would let a reader work out a hidden count
      (complementary suppression).

    Both reasons show the same mark, :data:`HIDDEN_MARK`: a reader cannot tell a small
    count from a count hidden to protect one.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 both reasons show :data:`HIDDEN_MARK` (a small count
       showed ``<k``, which told the reader it was below ``k``); :meth:`text` takes the
       count only.
    """

    SHOWN = "shown"
    SMALL = "small"
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
) -> list[Row]:
    rows: list[Row] = []
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

    def __init__(self, values: list[int], rows: list[Row], k: int, last: set[int]) -> None:
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
        rows: list[Row] = []
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
        for j, ((low, high), binding) in audit(values, rows, todo, self.k - 1).items():
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
