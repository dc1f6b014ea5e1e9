"""Vietnamese all the way: no English word in any Vietnamese text of an evaluation.

The demo data of the 2024 plan is evaluated on every indicator (explain="all", so every
record's reason is written), once in the plan's year and once over a period outside it
(a warning), and once under the 2026 plan without its crosswalk, whose two wards none
of the demo's records belong to (every record left out, each with its issue). Every
text these give in Vietnamese is searched for common English words. Ids are allowed
where they are ids (indicator ids, record ids, agency slugs, the plan's id, unit codes,
period codes, language codes): they are taken out before the search.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

import threeno
from threeno.testing.synthetic import demo_path

if TYPE_CHECKING:
    from threeno.indicators.results import Evaluation

#: Common English words that must not be left in a Vietnamese text.
ENGLISH = (
    "the",
    "of",
    "and",
    "or",
    "records",
    "record",
    "reports",
    "report",
    "unit",
    "units",
    "not",
    "counted",
    "period",
    "none",
    "failing",
    "failures",
    "no data",
    "data",
    "received",
    "decided",
    "pending",
    "limit",
    "days",
    "day",
    "month",
    "moved",
    "weekend",
    "holiday",
    "suspended",
    "resumption",
    "women",
    "woman",
    "target",
    "value",
    "numerator",
    "denominator",
    "figures",
    "since",
    "submitted",
    "due",
    "from",
    "with",
    "whole",
    "area",
    "shown",
    "apart",
    "explain",
    "met",
    "status",
    "warning",
    "outside",
    "plan",
    "code",
    "unknown",
    "scope",
    "read",
    "left",
    "out",
    "is",
    "on",
    "at",
    "by",
    "for",
    "in",
)
WORDS = re.compile(r"\b(" + "|".join(re.escape(w) for w in ENGLISH) + r")\b", re.IGNORECASE)

PLAN = threeno.load_plan("lai-chau-2024")
PLAN_2026 = threeno.load_plan("doan-ket-tan-phong-2026")
DATA, _ = threeno.load_dataset(demo_path("lai-chau-2024"))


def evaluations() -> list[Evaluation]:
    """The demo evaluated in its year, outside it, and under a plan it has no unit of."""
    return [
        threeno.evaluate(
            PLAN, DATA, PLAN.period("2024"), indicators=threeno.ALL_INDICATORS, explain="all"
        ),
        threeno.evaluate(PLAN, DATA, PLAN.period("2025-H1"), indicators=threeno.ALL_INDICATORS),
        threeno.evaluate(
            PLAN_2026,
            DATA,
            PLAN_2026.period("2026"),
            indicators=threeno.ALL_INDICATORS,
            crosswalk=False,
        ),
    ]


def ids() -> list[str]:
    """Every id that may stand in a Vietnamese text, longest first."""
    found = {*threeno.ALL_INDICATORS, PLAN.id, PLAN_2026.id}
    for name in threeno.model.dataset.RECORD_TYPES:
        found |= {record.id for record in getattr(DATA, name)}
    found |= {a.id for a in PLAN.agencies} | {a.id for a in PLAN_2026.agencies}
    found |= {s.period for s in DATA.report_submissions}
    found |= {e.language for e in DATA.outreach_events}
    return sorted(found, key=len, reverse=True)


def vietnamese_texts(result: Evaluation) -> list[str]:
    """Every text the evaluation writes in Vietnamese."""
    texts = [result.summary("vi"), result.data_quality.explain("vi")]
    texts += [notice.text("vi") for notice in result.warnings]
    texts += [issue.text("vi") for issue in result.data_quality.issues]
    for ind_id in result:
        indicator = result[ind_id]
        for r in (indicator.total, *indicator.by_unit.values()):
            texts.append(r.explain("vi"))
    return texts


@pytest.mark.parametrize("which", [0, 1, 2], ids=["2024", "2025-H1", "2026-plan"])
def test_no_english_word_in_vietnamese(which: int) -> None:
    """No English word in any Vietnamese text, once the ids are taken out."""
    result = evaluations()[which]
    known = ids()
    left: dict[str, str] = {}
    for text in vietnamese_texts(result):
        for identifier in known:
            text = text.replace(identifier, " ")  # noqa: PLW2901 - the text without its ids
        for line in text.splitlines():
            found = WORDS.search(line)
            if found is not None:
                left.setdefault(found.group(0).lower(), line)
    assert left == {}


def test_the_search_finds_english() -> None:
    """The same search finds the English words of the English texts (it can fail)."""
    result = evaluations()[2]
    text = result.data_quality.explain("en") + "\n" + result.summary("en")
    found = {m.group(0).lower() for m in WORDS.finditer(text)}
    assert {"records", "left", "out", "unit", "plan"} <= found
