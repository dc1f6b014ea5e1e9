"""A pickler that refuses what must never travel with a partition's state.

What a partition sends between machines is its evaluators' state; the definition (the
plan, its calendar, the register of units, the indicators, the context, the evaluator)
is sent once, with the job, and records never. ``dumps_guarded`` pickles an object and
raises on the first such object found inside it.
"""

from __future__ import annotations

import io
import pickle
from typing import Any, Final

from threeno.indicators.counting import Context
from threeno.indicators.definitions import Indicator
from threeno.indicators.engine import Evaluator
from threeno.indicators.results import Evaluation
from threeno.model.dataset import RECORD_TYPES
from threeno.model.plan import Plan
from threeno.model.units import UnitRegistry
from threeno.rules.calendar import DayOffCalendar

#: The classes never pickled in a state: the definition, an evaluation, every record class.
FORBIDDEN: Final[tuple[type, ...]] = (
    Plan,
    DayOffCalendar,
    UnitRegistry,
    Evaluation,
    Evaluator,
    Context,
    Indicator,
    *RECORD_TYPES.values(),
)


class SentAloneError(TypeError):
    """An object that must not be pickled with a state was."""


class _Guard(pickle.Pickler):
    def reducer_override(self, obj: object) -> Any:  # noqa: ANN401 - pickle's own type
        if isinstance(obj, FORBIDDEN):
            msg = f"pickled a {type(obj).__name__}"
            raise SentAloneError(msg)
        return NotImplemented


def dumps_guarded(obj: object) -> bytes:
    """``obj`` pickled; raises :class:`SentAloneError` at a forbidden object inside it."""
    out = io.BytesIO()
    _Guard(out, protocol=pickle.HIGHEST_PROTOCOL).dump(obj)
    return out.getvalue()
