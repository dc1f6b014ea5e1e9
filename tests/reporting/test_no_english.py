"""No English word left in a Vietnamese output, on the demo data and on a second plan.

Every output a Vietnamese reader gets is rendered in Vietnamese and searched for English
words: the consolidated report in Markdown, HTML (its text, tags stripped), JSON (the
texts meant for a person: labels, texts, names; not keys, ids or codes) and CSV (its
text columns), internal and published (``suppress_below=5``); the evaluation's summary,
every result's explanation, the load report and the plan's summary. Two plans: the
bundled 2024 plan on its demo data (periods 2024, 2024-H1 and an ad hoc period) and the
second locality of ``tests/data/locality`` (2024-03, 2024-Q1, 2024, and 2025-Q1, a
period outside the plan's year, which the report warns about).

An English word is one of :data:`ENGLISH`, matched whole and whatever its case, after
what is not a sentence is taken away (:func:`english_words`): code spans, tokens with a
slash (paths, dates, document numbers such as ``25/QĐ-UBND``), ids and codes (a run of
letters, then ``.``, ``_`` or ``-``, then letters, digits or more of those:
``reports.on_time``, ``CR-0017``, ``unit_code``, ``lai-chau-2024``) and numbers. A
failure prints each word found with its context.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, Final

import pytest

from threeno.indicators.engine import evaluate
from threeno.io.datasets import load_dataset
from threeno.plans import available, load_plan, summary
from threeno.reporting.render import CSV_COLUMNS, FORMATS, render
from threeno.testing.synthetic import demo_path

if TYPE_CHECKING:
    from collections.abc import Iterator

    from threeno.indicators.results import Evaluation
    from threeno.io.report import LoadReport
    from threeno.model.dataset import Dataset
    from threeno.model.plan import Plan

#: Common English words, and every word of the English report (its labels, headings and
#: sentences), none of which a Vietnamese sentence has: Vietnamese words spelt with these
#: letters carry diacritics ("thể", "đã", "nó") or are left out here ("an" of "an ninh",
#: "do" of "do Kế hoạch quy định", "can" of "bị can", "so" of "so với", "tin" of "tin
#: báo", "ban" of "Ban Chỉ đạo").
ENGLISH: Final = frozenset(
    """
    the of and to in for not no is are was were be been being has have had with by from
    at on or as this that these those which who whom what when where why how it its into
    out over under after before between within without per each every all any some more
    most less than only also other same new old first last one two three none yes true
    false null if then else but because about again must may should would could will
    shall there here than such very just both either neither nor
    record records report reports reporting unit units period periods data rejected
    accepted read reading readings failing failed fails counted count counts target
    targets value values status met source sources note notes problem problems file
    files line lines field fields unknown known missing whole area kept explain
    failures failure plan plans indicator indicators total totals share shares
    numerator denominator category categories breakdown breakdowns disaggregation
    disaggregations chart published hidden suppressed warning warnings left placement
    scope crosswalk crosswalked selected valid invalid date dates day days deadline due
    late overdue received resolved decided pending suspended since limit until agency
    agencies case cases women woman subject subjects outreach support events event
    generated kind kinds convention cut off reason reasons nothing given load loaded
    quality type types name names code codes id ids set setting settings command
    default local national calendar receipt expected empty key keys column columns
    duplicate ignored skipped written need needs applied merged mapped listed
    """.split()  # noqa: SIM905 - a list of words reads best as text
)

#: Words of :data:`ENGLISH` a Vietnamese output may hold, each with the reason why. Empty:
#: every English word found was translated, none allowed.
ALLOWED: Final[dict[str, str]] = {}

#: The JSON keys whose values are codes, ids, dates or sources, not text for a person.
CODE_KEYS: Final = frozenset(
    {
        "category",
        "code",
        "dimension",
        "end",
        "explain_mode",
        "id",
        "key",
        "kind",
        "lang",
        "load_source",
        "period",
        "plan_id",
        "record_id",
        "record_type",
        "schema",
        "source",
        "start",
        "status",
        "unit_code",
        "value",
    }
)

#: The CSV columns that hold text for a person (the others hold codes and numbers).
CSV_TEXT: Final = (
    "section",
    "unit_name",
    "category_label",
    "text",
    "target",
    "status",
    "indicator_name",
)

_ID: Final = re.compile(r"[a-z]+[._-][a-z0-9._-]+", re.IGNORECASE)
_WORD: Final = re.compile(r"[^\W\d_]+")
_MD_ESCAPE: Final = re.compile(r"\\([\\`*_{}\[\]<>#+!|~])")

DATA: Final = Path(__file__).resolve().parents[1] / "data" / "locality"


def english_words(text: str) -> list[tuple[str, str]]:
    """Each English word of ``text`` with its context, once what is not a sentence is gone.

    >>> english_words("Kết quả: `reports.on_time` CR-0017 15/12/2023 đạt")
    []
    >>> english_words("Bản ghi bị loại: no file")
    [('no', 'Bản ghi bị loại: no file'), ('file', 'Bản ghi bị loại: no file')]
    """
    text = re.sub(r"`[^`\n]*`", " ", text)
    text = re.sub(r"\S*/\S*", " ", text)
    text = _ID.sub(" ", text)
    found = []
    for match in _WORD.finditer(text):
        word = match.group().casefold()
        if word in ENGLISH and word not in ALLOWED:
            context = " ".join(text[max(0, match.start() - 60) : match.end() + 60].split())
            found.append((match.group(), context))
    return found


class _Text(HTMLParser):
    """The text of an HTML page a reader sees: no style, script or code."""

    def __init__(self) -> None:
        super().__init__()
        self.skipping = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:  # noqa: ARG002
        if tag in {"style", "script", "code"}:
            self.skipping += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in {"style", "script", "code"}:
            self.skipping -= 1

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def _json_texts(value: object) -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key not in CODE_KEYS:
                yield from _json_texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_texts(item)
    elif isinstance(value, str):
        yield value


def readable_text(output: str, fmt: str) -> str:
    """The text of a rendered report that a person reads, by format."""
    if fmt == "md":
        return _MD_ESCAPE.sub(r"\1", output)
    if fmt == "html":
        parser = _Text()
        parser.feed(output)
        return "\n".join(parser.parts)
    if fmt == "json":
        return "\n".join(_json_texts(json.loads(output)))
    # By column key: the header row is in the report's language.
    rows = list(csv.DictReader(io.StringIO(output), fieldnames=CSV_COLUMNS))[1:]
    return "\n".join(row[column] for row in rows for column in CSV_TEXT)


def _check(found: list[tuple[str, str]], what: str) -> None:
    assert not found, f"English in {what}:\n" + "\n".join(
        f"  {word!r}: …{context}…" for word, context in found
    )


# -- the two plans and their data ----------------------------------------------------------

#: Each case: the plan, its data, and the periods to report on.
CASES: Final = {
    "demo": ("lai-chau-2024", None, ("2024", "2024-H1", "2024-01-01..2024-03-31")),
    "locality": (
        str(DATA / "plan.toml"),
        DATA / "records",
        ("2024-03", "2024-Q1", "2024", "2025-Q1"),
    ),
}


@functools.cache
def _plan(case: str) -> Plan:
    return load_plan(Path(CASES[case][0]) if case == "locality" else CASES[case][0])


@functools.cache
def _data(case: str) -> tuple[Dataset, LoadReport]:
    path = CASES[case][1] or demo_path()
    return load_dataset(path, plan=_plan(case))


@functools.cache
def _evaluation(case: str, period: str) -> Evaluation:
    plan = _plan(case)
    return evaluate(plan, _data(case)[0], plan.period(period), explain="failures")


def _runs() -> Iterator[tuple[str, str]]:
    for case, (_, _, periods) in CASES.items():
        for period in periods:
            yield case, period


class TestTheHelpers:
    """The search itself finds English and leaves codes, ids and Vietnamese alone."""

    def test_finds_english_words_whole_and_in_any_case(self) -> None:
        """The words "No file" and "Rejected" are English; "Không" and "theo" are not."""
        words = [w for w, _ in english_words("No file: Rejected. Không theo")]
        assert words == ["No", "file", "Rejected"]

    def test_leaves_codes_ids_paths_and_numbers(self) -> None:
        """Code spans, ids, codes, paths, dates and numbers are not sentences."""
        text = "`no file` reports.on_time unit_code CR-0017 /tmp/records 15/12/2023 2024-H1"
        assert english_words(text) == []

    def test_readable_text_of_each_format(self) -> None:
        """HTML without tags, style or code; JSON without code keys; CSV text columns."""
        page = "<style>p { color: red }</style><p>Đạt <code>met</code></p>"
        assert readable_text(page, "html").split() == ["Đạt"]
        document = '{"status": "met", "status_label": "Đạt", "rows": [{"id": "x"}]}'
        assert readable_text(document, "json") == "Đạt"
        row = dict.fromkeys(CSV_COLUMNS, "")
        row.update(unit="03386", unit_name="Phường", dimension="source")
        table = io.StringIO()
        writer = csv.DictWriter(table, CSV_COLUMNS)
        writer.writeheader()
        writer.writerow(row)
        assert readable_text(table.getvalue(), "csv").split() == ["Phường"]
        assert readable_text("crime\\_reports", "md") == "crime_reports"

    def test_the_list_is_of_english_words(self) -> None:
        """The list has about 150 words, and the old report's words are in it."""
        assert len(ENGLISH) >= 150
        old_report = "record rejected accepted read failing counted target status met source"
        assert set(old_report.split()) <= ENGLISH


@pytest.mark.parametrize(("case", "period"), list(_runs()))
@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("published", [None, 5], ids=["internal", "published"])
def test_the_report_in_every_format(
    case: str, period: str, fmt: str, published: int | None
) -> None:
    """Every format of the Vietnamese report, internal and published, has no English."""
    output = render(
        _evaluation(case, period),
        fmt,
        lang="vi",
        plan=_plan(case),
        load_report=_data(case)[1],
        suppress_below=published,
    )
    _check(english_words(readable_text(output, fmt)), f"{fmt} report, {case} {period}")


@pytest.mark.parametrize(("case", "period"), list(_runs()))
def test_the_summary_and_every_explanation(case: str, period: str) -> None:
    """Evaluation.summary and IndicatorResult.explain of every result (units, total)."""
    evaluation = _evaluation(case, period)
    found = english_words(evaluation.summary("vi"))
    for indicator_set in evaluation.results.values():
        for result in (indicator_set.total, *indicator_set.by_unit.values()):
            found += english_words(result.explain("vi"))
    _check(found, f"summary and explanations, {case} {period}")


@pytest.mark.parametrize("case", list(CASES))
def test_the_load_report(case: str) -> None:
    """The load report of each dataset (the locality's lists three problems)."""
    _check(english_words(_data(case)[1].text("vi")), f"load report, {case}")


@pytest.mark.parametrize("plan", [*available(), "locality"])
def test_the_plan_summary(plan: str) -> None:
    """threeno.plans.summary of every bundled plan and of the second locality's plan."""
    loaded = _plan("locality") if plan == "locality" else load_plan(plan)
    _check(english_words(summary(loaded, "vi")), f"plan summary, {plan}")


def test_the_warnings_are_there_to_be_searched() -> None:
    """The runs cover the report's warnings: 2025-Q1 is outside the locality's 2024.

    The locality leaves 4 records out (EXPECTED.md section 2): the warning
    ``records_left_out`` in every period; ``period_outside_plan_year`` in 2025-Q1.
    """
    codes = [w.code for w in _evaluation("locality", "2025-Q1").warnings]
    assert codes == ["period_outside_plan_year", "records_left_out"]
    assert [w.code for w in _evaluation("locality", "2024-03").warnings] == ["records_left_out"]
