"""The exact audit of a suppression pattern: how far a reader can narrow each hidden count.

The reader's best knowledge of a hidden count is the smallest and the largest value it
takes over every table of whole numbers that agrees with what is shown and with every
relation the reader knows: a linear programme (L. Zayatz, "Using linear programming
methodology for disclosure avoidance purposes", U.S. Census Bureau, Statistical Research
Division, report RR-92/02, 1992; the τ-Argus manual, "Producing safe tables").
:func:`audit` solves it in whole numbers, with an exact simplex tableau, and checks every
value it reports on a witness table. The privacy guide (docs/guides/privacy.md, "What
suppression guarantees") says what the audit promises.

Plan clauses: IV.2 (reports published to the Steering Committee and beyond).
"""

from __future__ import annotations

import attrs

__all__ = ["Row", "audit"]

# A relation over the variables of one linear programme: coefficients by variable index,
# the constant, and whether it is an equation.
Row = tuple[dict[int, int], int, bool]


class _Tableau:
    """An exact simplex tableau in whole numbers (Edmonds' integer-preserving pivots).

    The variables are the hidden counts ``x`` (each 1 or more: zeros are shown), written
    ``y = x - 1 >= 0``; each row of ``rows`` is a relation between them once the shown
    counts are put in. Every entry is an integer over the common denominator ``d``
    (a basis determinant), so nothing is rounded: an optimum found is exact. Rows are
    kept sparse (a report's relations name few counts each). Bland's rule (the
    smallest index enters and leaves) keeps degenerate pivots from cycling.
    """

    def __init__(self, n: int, rows: list[Row]) -> None:
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


def _satisfies(point: list[int], rows: list[Row]) -> bool:
    if any(v < 1 for v in point):
        return False
    for coefficients, constant, equal in rows:
        value = sum(a * point[j] for j, a in coefficients.items())
        if (value != constant) if equal else (value > constant):
            return False
    return True


def _is_ray(ray: list[int], rows: list[Row], j: int) -> bool:
    if ray[j] <= 0 or any(v < 0 for v in ray):
        return False
    for coefficients, _, equal in rows:
        value = sum(a * ray[i] for i, a in coefficients.items())
        if (value != 0) if equal else (value > 0):
            return False
    return True


class _Seen:
    """The lowest and highest value of each variable over the witness tables found."""

    def __init__(self, values: list[int], rows: list[Row]) -> None:
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


def audit(
    values: list[int], rows: list[Row], todo: list[int], need: int
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
