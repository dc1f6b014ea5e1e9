"""A revision of a plan: the plan with some of its parts replaced, for a what-if.

A steering committee revising its plan asks what its numbers would have been under
another target, another reading of the law or another reporting deadline. A
:class:`Revision` is such an alternative: a base plan, the parts a revision file replaces
(:func:`threeno.io.revisions.read_revision`), and the plan that results, checked as a
plan is. The revision's title and note say what it is, in both languages, so that a
comparison (:func:`threeno.indicators.compare.compare`) never presents it as the plan.

Plan clauses: the whole plan (a revision may replace its targets, its report's
indicators, its reporting rules of IV.2, its calendar and its readings).

.. versionadded:: 0.2.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from threeno.model._base import nfc, non_empty
from threeno.model.plan import Plan
from threeno.model.plan_parts import A_SLUG, SLUG, matching, texts

if TYPE_CHECKING:
    from threeno.lang import Lang

__all__ = ["Revision"]


@attrs.frozen(kw_only=True)
class Revision:
    """A plan with some of its parts replaced: the alternative side of a comparison.

    Args:
        id: a slug naming the revision (a revision file's name without ``.toml``, or its
            ``id`` key).
        base: the base plan as the revision names it (a bundled plan's id or a path).
        plan: the revised plan, checked as a plan file is; its ``id`` is the base plan's
            (a revision changes the plan's settings, not which plan it is).
        title_vi: what the revision is, in Vietnamese (NFC); title_en: in English.
        note_vi: where it comes from or why (optional); note_en: in English.
        changes: the keys of the revision file that change the base plan, in the file's
            order (``evaluation.count_receipt_day``, ``targets."reports.resolved".value``).

    .. versionadded:: 0.2.0
    """

    id: str = attrs.field(validator=matching(SLUG, A_SLUG))
    base: str = attrs.field(validator=non_empty)
    plan: Plan = attrs.field(validator=attrs.validators.instance_of(Plan))
    title_vi: str = attrs.field(converter=nfc, validator=non_empty)
    title_en: str = attrs.field(validator=non_empty)
    note_vi: str = attrs.field(default="", converter=nfc)
    note_en: str = attrs.field(default="")
    changes: tuple[str, ...] = attrs.field(default=(), validator=texts)

    def title(self, lang: Lang = "vi") -> str:
        """The title in ``"vi"`` (default) or ``"en"``."""
        return self.title_en if lang == "en" else self.title_vi

    def note(self, lang: Lang = "vi") -> str:
        """The note in ``"vi"`` (default) or ``"en"``; ``""`` when there is none."""
        return self.note_en if lang == "en" else self.note_vi
