"""Documentation pages generated from a plan and the code, so they cannot drift from either.

:func:`write_pages` writes Markdown (MyST) pages for a plan:

- ``indicators.md``: the indicator catalogue: each indicator's id, names, clauses, kind,
  numerator and denominator, breakdowns, the plan's target, and the exact counting rule
  (the docstring of the code that counts it);
- ``duties.md``: the duty matrix, agencies by task area with clause ids, then every
  duty's text in Vietnamese and English;
- ``data-dictionary.md``: every record type and field of the interchange format, with
  its type, whether it is required, its column's Vietnamese and English headers and its
  sheet's titles in a workbook (:mod:`threeno.model.field_labels`), and the slugs of
  every enumeration with their Vietnamese and English labels, read from the model
  classes themselves;
- ``rules.md``: the statutory rules with their legal references, read from the rules'
  own docstrings and tables;
- ``index.md``: a page with a table of contents of the four.

``threeno docs`` calls it, and the Sphinx site calls it at build time (a
``builder-inited`` hook in ``docs/conf.py``), so the published pages are always those of
the code being documented.

Plan clauses: the whole plan (I-IV); the interchange format is the data dictionary page
(``generated/data-dictionary``), which this module writes.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import enum
import inspect
import re
import types
import typing
from typing import TYPE_CHECKING, Any, Final, Union, get_args, get_origin

import attrs

from threeno.indicators.catalogue import CATALOGUE
from threeno.io._atomic import make_folder, write_atomic
from threeno.io.schema import field_docs
from threeno.model._base import LabelledEnum
from threeno.model._personal import is_sensitive
from threeno.model.dataset import RECORD_TYPES
from threeno.model.field_labels import FIELD_LABELS, SHEET_TITLES
from threeno.rules import calendar, periods, support, time_limits

if TYPE_CHECKING:
    import os
    from collections.abc import Iterable, Iterator, Mapping
    from pathlib import Path

    from threeno.indicators.definitions import Indicator
    from threeno.model.plan import Plan

__all__ = ["PAGES", "write_pages"]

#: The pages :func:`write_pages` writes, in the order of their table of contents.
PAGES: Final = ("indicators.md", "duties.md", "data-dictionary.md", "rules.md")

_ROLE: Final = re.compile(r":[a-z:]+:`(?:~?([^`<]*?)\s*<[^`>]*>|~?([^`]+))`")
_SOURCE: Final = re.compile(r"^(Source|Sources|Legal sources|Legal source|Plan clauses):")
_RULE_MODULES: Final = (periods, calendar, time_limits, support)


def _inline(text: str) -> str:
    """Turn reST inline markup into Markdown: roles to code, double backticks to single."""

    def role(match: re.Match[str]) -> str:
        shown = match[1] if match[1] is not None else match[2]
        if match[1] is None and "." in shown:
            shown = shown.rsplit(".", 1)[-1]
        return f"`{shown}`"

    text = _ROLE.sub(role, text).replace("``", "`")
    # Outside code spans, keep table cells whole and let no HTML through.
    parts = text.split("`")
    for i in range(0, len(parts), 2):
        parts[i] = parts[i].replace("|", "\\|").replace("<", "&lt;").replace("*", "\\*")
    return "`".join(parts)


def _cell(text: str) -> str:
    # Documentation written in the code (docstrings): its markup is converted.
    return _inline(" ".join(text.split()))


# Characters that open a Markdown or MyST construct anywhere in a line: code spans and
# fences, emphasis, links and images, raw HTML and autolinks, entities, table cells,
# MyST roles, substitutions and attributes ({...}), dollar math, strikethrough and
# tilde fences, and the backslash itself.
_ANYWHERE: Final = frozenset("\\`*_[]{}<>&|$~")
# What opens a block at the start of a line: a heading, a list item, a setext line, a
# colon fence or definition, a MyST comment, target or block break, a quote.
_FIRST: Final = frozenset("#+-=:%(!")
_ORDERED: Final = re.compile(r"[0-9]+(?=[.)])")
_CONTROL: Final = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CODE_SAFE: Final = re.compile(r"[\w.:/-]+")


def _text(text: str) -> str:
    """A text of the plan (or of the code's data) as Markdown that shows it as it is.

    Whatever the text holds, it is one line of literal text: whitespace, line breaks
    included, becomes single spaces, so nothing can start a block of its own (a fence
    of backticks, tildes or colons, a heading, a quote, a list, a table, a directive);
    every character that can open an inline construct is escaped with a backslash
    (CommonMark, "Backslash escapes": the character is then literal), and so is a first
    character that could open a block where the text starts a line; control characters
    become U+FFFD. MyST's extensions enabled in docs/conf.py (colon fences, definition
    lists) open only at the start of a line, and roles and directives only with a
    backtick, a brace or a fence: none is left.
    """
    flat = _CONTROL.sub("\ufffd", " ".join(text.split()))
    escaped = "".join(f"\\{c}" if c in _ANYWHERE else c for c in flat)
    if escaped[:1] in _FIRST:
        return "\\" + escaped
    ordered = _ORDERED.match(escaped)
    if ordered:  # "1." or "1)" would start an ordered list
        return f"{escaped[: ordered.end()]}\\{escaped[ordered.end() :]}"
    return escaped


def _code(text: str) -> str:
    """An identifier as code (a slug, a clause or indicator id); anything else as text."""
    return f"`{text}`" if _CODE_SAFE.fullmatch(text) else _text(text)


def _fence(text: str, info: str) -> Iterator[str]:
    """``text`` in a fenced block of ``info``, fenced with more backticks than it holds."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    yield f"{fence}{info}"
    yield text
    yield fence


def _summary(obj: object) -> str:
    doc = inspect.getdoc(obj) or ""
    return " ".join(doc.split("\n\n", 1)[0].split())


def _sources(obj: object) -> list[str]:
    """The docstring's ``Source:`` / ``Legal sources:`` / ``Plan clauses:`` paragraphs."""
    found = []
    for paragraph in (inspect.getdoc(obj) or "").split("\n\n"):
        text = " ".join(paragraph.split())
        if _SOURCE.match(text):
            found.append(text)
    return found


# -- the indicator catalogue ---------------------------------------------------------


def _target_text(plan: Plan, indicator: Indicator) -> str:
    # The target as the report writes it (Indicator.target_text), its comparator's slug
    # and its clause, and the plan's note.
    target = plan.target(indicator.id)
    if target is None:
        return "no target in this plan"
    text = (
        f"{indicator.target_text(target, 'en')} (`{target.comparator.value}`,"
        f" {_text(target.clause)})"
    )
    if target.assumed:  # never shown as the plan's rule
        text += ". A reading of the plan, not set by its words"
    if target.note:
        text += f". {_text(target.note)}"
    return text


def _clauses(plan: Plan, indicator_id: str) -> str:
    return ", ".join(_text(c) for c in plan.clauses_for(indicator_id))


def _indicators_page(plan: Plan) -> Iterator[str]:
    named = {i for clause in plan.clauses for i in clause.indicators}
    named |= {t.indicator for t in plan.targets}
    yield "# Indicator catalogue"
    yield ""
    yield (
        f"Every indicator threeno computes, with the targets of plan {_code(plan.id)}. The counting"
        " rule of each is the documentation of the code that counts it, printed here as it"
        " stands. Shares are fractions of their denominator; a zero denominator is *no"
        " data*, never 0% or 100%."
    )
    yield ""
    yield "| id | name | clauses | kind | target |"
    yield "|---|---|---|---|---|"
    for ind in CATALOGUE:
        yield (
            f"| `{ind.id}` | {_text(ind.name_en)} | {_clauses(plan, ind.id)} |"
            f" {ind.kind.value} | {_target_text(plan, ind)} |"
        )
    for ind in CATALOGUE:
        yield ""
        yield f"## `{ind.id}`"
        yield ""
        yield f"- **Name (vi):** {_text(ind.name_vi)}"
        yield f"- **Name (en):** {_text(ind.name_en)}"
        yield f"- **Plan clauses ({_text(plan.id)}):** {_clauses(plan, ind.id) or '—'}"
        kind = f"{ind.kind.value} ({ind.kind.label('en')})"
        yield f"- **Kind:** {kind}; **level:** {ind.level.label('en')}"
        yield f"- **Counted in:** {_text(ind.unit.en)} — {_text(ind.unit.vi)}"
        yield f"- **Numerator:** {_text(ind.numerator_en)} — {_text(ind.numerator_vi)}"
        if ind.denominator_en is not None and ind.denominator_vi is not None:
            yield f"- **Denominator:** {_text(ind.denominator_en)} — {_text(ind.denominator_vi)}"
        if ind.disaggregations:
            dims = ", ".join(f"`{d.value}`" for d in ind.disaggregations)
            yield f"- **Disaggregations:** {dims}"
        if ind.figures:
            yield f"- **Other figures:** {', '.join(f'`{f}`' for f in ind.figures)}"
        if ind.offences is not None:
            yield f"- **Offences counted:** Art. {', '.join(map(str, sorted(ind.offences)))}"
        yield f"- **Target ({_text(plan.id)}):** {_target_text(plan, ind)}"
        if ind.id not in named:
            yield f"- Plan {_code(plan.id)} names no clause or target for this indicator."
        yield ""
        yield "Counting rule:"
        yield ""
        yield from _fence(ind.rule, "text")


# -- the duty matrix -----------------------------------------------------------------


def _duties_page(plan: Plan) -> Iterator[str]:
    sections = {s.id: s for s in plan.sections}
    areas = list(dict.fromkeys(d.task_area for d in plan.duties))
    agencies = [
        a for a in plan.agencies if any(a.id == d.agency or a.id in d.partners for d in plan.duties)
    ]
    yield "# Duty matrix"
    yield ""
    yield (
        f"Who does what under plan {_code(plan.id)}: each agency's duties by task area, as clause"
        " ids. **Bold**: the agency leads the duty (chủ trì); plain: it takes part (phối"
        " hợp). The texts follow, exactly as the plan writes them, with an English"
        " translation."
    )
    yield ""
    heads = [
        f"{_text(a)} {_text(sections[a].title_en)}" if a in sections else _text(a) for a in areas
    ]
    yield "| agency | " + " | ".join(heads) + " |"
    yield "|---|" + "---|" * len(areas)
    for agency in agencies:
        cells = []
        for area in areas:
            ids = [
                f"**{_text(d.id)}**" if d.agency == agency.id else _text(d.id)
                for d in plan.duties
                if d.task_area == area and (d.agency == agency.id or agency.id in d.partners)
            ]
            cells.append(", ".join(ids) or "—")
        name = f"{_text(agency.name_vi)} ({_code(agency.id)})"
        yield f"| {name} | " + " | ".join(cells) + " |"
    for area in areas:
        yield ""
        title = sections.get(area)
        yield f"## {_text(area)}" + (f" {_text(title.title_vi)}" if title else "")
        if title:
            yield ""
            yield f"*{_text(title.title_en)}*"
        for duty in (d for d in plan.duties if d.task_area == area):
            yield ""
            partners = ", ".join(_code(p) for p in duty.partners) or "—"
            indicators = ", ".join(_code(i) for i in duty.indicators) or "—"
            yield (
                f"**{_text(duty.id)}** — lead {_code(duty.agency)}; partners {partners};"
                f" indicators {indicators}"
            )
            yield ""
            yield f"> {_text(duty.text_vi)}"
            yield ""
            yield _text(duty.text_en)
            if duty.note_vi and duty.note_en:
                yield ""
                yield f"Note: {_text(duty.note_vi)} — {_text(duty.note_en)}"


# -- the data dictionary -------------------------------------------------------------


def _optional(tp: Any) -> tuple[Any, bool]:  # noqa: ANN401 - any annotation
    if get_origin(tp) in {Union, types.UnionType}:
        args = [a for a in get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
    return tp, False


_SCALAR_NAMES: Final[dict[Any, str]] = {
    bool: "boolean",
    int: "integer",
    float: "number",
    str: "text",
}


def _type_text(tp: Any, found: dict[str, type[Any]]) -> str:  # noqa: ANN401 - any annotation
    inner, optional = _optional(tp)
    suffix = " or null" if optional else ""
    if inner in _SCALAR_NAMES:
        return _SCALAR_NAMES[inner] + suffix
    if getattr(inner, "__name__", "") == "date":
        return "date (YYYY-MM-DD)" + suffix
    if get_origin(inner) is tuple:
        return f"list of {_type_text(get_args(inner)[0], found)}" + suffix
    if isinstance(inner, type) and (issubclass(inner, enum.Enum) or attrs.has(inner)):
        found.setdefault(inner.__name__, inner)
        anchor = inner.__name__.lower()
        return f"[{inner.__name__}](#{anchor})" + suffix
    return str(inner) + suffix  # pragma: no cover - a new kind of field


def _fields_table(
    cls: type[Any],
    found: dict[str, type[Any]],
    headers: Mapping[str, tuple[str, str]] | None = None,
) -> Iterator[str]:
    """The table of the fields of ``cls``; with ``headers``, each column's headers too."""
    hints = typing.get_type_hints(cls)
    docs = field_docs(cls)
    if headers is None:
        yield "| field | type | required | description |"
        yield "|---|---|---|---|"
    else:
        yield "| field | column (Vietnamese) | column (English) | type | required | description |"
        yield "|---|---|---|---|---|---|"
    for field in attrs.fields(cls):
        if not field.init:
            continue
        required = "required" if field.default is attrs.NOTHING else "optional"
        description = _cell(docs.get(field.name, ""))
        if is_sensitive(field):
            description = f"**Personal data** (never shown in a report). {description}"
        kind = _type_text(hints[field.name], found)
        columns = ""
        if headers is not None:
            vi, en = headers[field.name]
            columns = f" {_text(vi)} | {_text(en)} |"
        yield f"| `{field.name}` |{columns} {kind} | {required} | {description} |"


def _dictionary_page() -> Iterator[str]:
    found: dict[str, type[Any]] = {}
    yield "# Data dictionary"
    yield ""
    yield (
        "The interchange format (`threeno/1`): every record type and its fields, read from"
        " the model's classes. Dates are ISO `YYYY-MM-DD`; an optional field may be left"
        " out or `null`; enumerations take the slugs listed below. In an Excel workbook"
        " (`threeno template`) each record type is a sheet and each field a column, headed"
        " in Vietnamese or in English as given here."
    )
    for name, cls in RECORD_TYPES.items():
        sheet_vi, sheet_en = SHEET_TITLES[name]
        yield ""
        yield f"## `{name}`"
        yield ""
        yield f"Class `{cls.__module__}.{cls.__name__}`. {_cell(_summary(cls))}"
        yield ""
        yield f"Sheet of a workbook: {_text(sheet_vi)} (English: {_text(sheet_en)})."
        yield ""
        yield from _fields_table(cls, found, FIELD_LABELS[name])
    # Nested objects first (they may name more enumerations), then the enumerations.
    done: set[str] = set()
    yield ""
    yield "## Nested objects and enumerations"
    while True:
        pending = sorted(n for n in found if n not in done and attrs.has(found[n]))
        if not pending:
            break
        for type_name in pending:
            done.add(type_name)
            cls = found[type_name]
            yield ""
            yield f"### {type_name}"
            yield ""
            yield _cell(_summary(cls))
            yield ""
            yield from _fields_table(cls, found)
    for type_name in sorted(n for n in found if issubclass(found[n], enum.Enum)):
        enum_cls = found[type_name]
        yield ""
        yield f"### {type_name}"
        yield ""
        yield _cell(_summary(enum_cls))
        yield ""
        yield "| slug | Vietnamese | English |"
        yield "|---|---|---|"
        for member in enum_cls:
            if isinstance(member, LabelledEnum):
                vi, en = member.label("vi"), member.label("en")
            else:  # pragma: no cover - every enumeration of the model is labelled
                vi = en = str(member.value)
            yield f"| `{member.value}` | {_text(vi)} | {_text(en)} |"


# -- the rules -----------------------------------------------------------------------


def _rules_page() -> Iterator[str]:
    yield "# Rules and their legal sources"
    yield ""
    yield (
        "The statutory and plan rules threeno applies, each with the legal text it rests"
        " on, as the code documents them."
    )
    for module in _RULE_MODULES:
        yield ""
        yield f"## `{module.__name__}`"
        yield ""
        yield _cell(_summary(module))
        for name in module.__all__:
            obj = getattr(module, name)
            if isinstance(obj, int) and not isinstance(obj, bool):
                yield ""
                yield f"- `{name}` = {obj}"
                continue
            if not (inspect.isfunction(obj) or inspect.isclass(obj)):
                continue
            yield ""
            yield f"### `{name}`"
            yield ""
            yield _cell(_summary(obj))
            for line in _sources(obj):
                yield ""
                yield _cell(line)
    yield from _regimes()


def _regimes() -> Iterator[str]:
    yield ""
    yield "## Support regimes by law"
    for regime in support.REGIMES:
        until = regime.in_force_until.isoformat() if regime.in_force_until else "in force"
        yield ""
        yield f"### {_text(regime.name)} ({_text(regime.law_number)})"
        yield ""
        yield f"Governs support given from {regime.in_force_from.isoformat()} to {until}."
        yield f"Rests on: {'; '.join(_text(r) for r in regime.references)}."
        yield ""
        yield "| support kind | article | the law's words | verified |"
        yield "|---|---|---|---|"
        for p in regime.provisions:
            verified = "yes" if p.verified else f"no: {_text(p.note)}"
            yield f"| `{p.kind.value}` | {_text(p.article)} | {_text(p.words)} | {verified} |"


# -- writing -------------------------------------------------------------------------


def _index_page(plan: Plan) -> Iterator[str]:
    yield f"# Generated reference: {_text(plan.id)}"
    yield ""
    yield (
        f"These pages are written from plan {_code(plan.id)} ({_text(plan.title_en)}) and from"
        " the code at build time (`threeno docs`), so they cannot drift from either."
    )
    yield ""
    yield "```{toctree}"
    yield ":maxdepth: 1"
    yield ""
    yield from (page.removesuffix(".md") for page in PAGES)
    yield "```"


def _write(path: Path, lines: Iterable[str]) -> bool:
    text = "\n".join(lines).rstrip("\n") + "\n"
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False  # unchanged: keep the file's time, so Sphinx does not re-read it
    write_atomic(path, text)  # whole or not at all
    return True


def write_pages(plan: Plan, out_dir: str | os.PathLike[str]) -> tuple[Path, ...]:
    """Write the generated documentation pages of a plan into ``out_dir``.

    Writes ``index.md`` and the :data:`PAGES` (the folder is created if needed); a page
    whose text has not changed is left as it is. The same plan and code give
    byte-identical pages. Each page is written atomically (a temporary file renamed
    over it), so an interrupted run leaves every page whole, old or new.

    Args:
        plan: the plan (its targets, agencies and duties; the catalogue, data dictionary
            and rules come from the code).
        out_dir: the folder to write into.

    Returns:
        The paths of the pages, ``index.md`` first.

    Raises:
        OutputError: (:class:`threeno.errors.OutputError`) when the folder cannot be
            made or a page cannot be written (naming the path and the system's reason).

    Plan clauses: the whole plan; the interchange format (the data dictionary page,
    ``generated/data-dictionary``).

    .. versionadded:: 0.1.0
    """
    out = make_folder(out_dir)
    pages = {
        "index.md": _index_page(plan),
        "indicators.md": _indicators_page(plan),
        "duties.md": _duties_page(plan),
        "data-dictionary.md": _dictionary_page(),
        "rules.md": _rules_page(),
    }
    for name, lines in pages.items():
        _write(out / name, lines)
    return tuple(out / name for name in pages)
