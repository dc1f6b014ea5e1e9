"""The domain model: every entity of the plan as typed, validated, immutable classes.

No I/O and no cattrs here: serialisation lives at the edges (:mod:`threeno.io`).
"""

from __future__ import annotations

from threeno.model._base import LabelledEnum

__all__ = ["LabelledEnum"]
