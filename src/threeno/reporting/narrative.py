"""The report's sections, and the office's own paragraphs: a Markdown file of sections.

The sections of the report's body (:data:`SECTIONS`) are the same in every format that
writes the report as a document (Markdown, HTML, Word); the office's paragraphs are
merged into them.

A heading (``#`` to ``######``) that names one of the report's sections
(:data:`SECTIONS`, in either language, with or without its
number: ``# II. Kết quả thực hiện``, ``## kết quả thực hiện``) starts that section; the
paragraphs after it, up to the next such heading, go into it, in the file's order. A
heading that names no section is a sub-heading of the section it is in (a bold paragraph
of its own); before the first section, it is an error. Paragraphs are separated by a
blank line; a line starting with ``-`` or ``*`` is an item of its own (written after a
dash); ``**bold**`` and ``*italic*`` (or ``_italic_``) are kept; everything else is
text, as written (no HTML, links or pictures).

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from threeno.errors import ValidationError

__all__ = ["ROMAN", "SECTIONS", "Paragraph", "Run", "parse_narrative"]

#: The sections of the report's body, in order, each ``(key, Vietnamese heading, English
#: heading)``.
#: The structure such reports have (situation; results; assessment, with the table of
#: targets; shortcomings and their causes; tasks for the next period; proposals), as the
#: summary reports on anti-trafficking work that provincial plans of 2025 ask for, and
#: the decree's own example headings, have it.
SECTIONS: Final = (
    ("situation", "Đặc điểm tình hình", "Situation"),
    ("results", "Kết quả thực hiện", "Results"),
    ("assessment", "Đánh giá chung", "Overall assessment"),
    ("shortcomings", "Tồn tại, hạn chế và nguyên nhân", "Shortcomings and their causes"),
    ("next_period", "Phương hướng, nhiệm vụ kỳ tới", "Tasks for the next period"),
    ("proposals", "Đề xuất, kiến nghị", "Proposals"),
)

#: The Roman numerals of the sections and of the annexes ("Phụ lục I, II, …").
ROMAN: Final = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")

#: One run of a paragraph, ``(text, bold, italic)``.
Run = tuple[str, bool, bool]
#: One paragraph, ``(runs, whether it is a sub-heading)``.
Paragraph = tuple[tuple[Run, ...], bool]

_HEADING: Final = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_ITEM: Final = re.compile(r"^\s*[-*+]\s+(.*)$")
_NUMBERING: Final = re.compile(rf"^(?:(?:{'|'.join(ROMAN)})|\d+|[a-zđ])\s*[.)/-]\s*", re.IGNORECASE)
_INLINE: Final = re.compile(r"\*\*(.+?)\*\*|\*(.+?)\*|(?<!\w)_(.+?)_(?!\w)")


def _key(heading: str) -> str:
    """A heading as it is compared: NFC, no number before it, case and spaces folded."""
    text = unicodedata.normalize("NFC", heading).strip()
    text = _NUMBERING.sub("", text, count=1)
    text = text.rstrip(" :.")
    return " ".join(text.casefold().split())


_SECTION_KEYS: Final = {
    _key(name): key for key, vi, en in SECTIONS for name in (vi, en, key.replace("_", " "))
}


def _runs(text: str) -> tuple[Run, ...]:
    """The runs of one paragraph's text: plain, ``**bold**``, ``*italic*``."""
    runs: list[Run] = []
    at = 0
    for match in _INLINE.finditer(text):
        if match.start() > at:
            runs.append((text[at : match.start()], False, False))
        bold, star, underscore = match.groups()
        runs.append((bold, True, False) if bold is not None else (star or underscore, False, True))
        at = match.end()
    if at < len(text):
        runs.append((text[at:], False, False))
    return tuple(runs)


class _Parser:
    """Reads a narrative line by line: the section it is in, the paragraph it builds."""

    def __init__(self) -> None:
        self.sections: dict[str, list[Paragraph]] = {}
        self.current: list[Paragraph] | None = None
        self.lines: list[str] = []

    def flush(self) -> None:
        """End the paragraph being built."""
        if self.lines and self.current is not None:
            self.current.append((_runs(" ".join(self.lines)), False))
        self.lines.clear()

    def heading(self, text: str, number: int) -> None:
        """A section's heading starts it; another heading is a sub-heading of the section."""
        self.flush()
        key = _SECTION_KEYS.get(_key(text))
        if key is not None:
            self.current = self.sections.setdefault(key, [])
        elif self.current is not None:
            self.current.append((_runs(text), True))
        else:
            msg = (
                f"line {number}: the heading {text[:80]!r} names no section of the report;"
                f" the sections are: {_KNOWN}"
            )
            raise ValidationError(msg, cls_name="narrative", field="heading")

    def line(self, line: str, number: int) -> None:
        """A line of text: part of a paragraph, an item of its own, or a paragraph's end."""
        if self.current is None:
            if line:
                msg = (
                    f"line {number}: text before the first heading; start with the heading"
                    f" of a section of the report ({_KNOWN})"
                )
                raise ValidationError(msg, cls_name="narrative", field="heading")
            return
        item = _ITEM.match(line)
        if not line or item is not None:
            self.flush()
        if item is not None:
            self.current.append((_runs(f"- {item.group(1)}"), False))
        elif line:
            self.lines.append(line)


_KNOWN: Final = "; ".join(vi for _, vi, _ in SECTIONS)


def parse_narrative(text: str) -> dict[str, list[Paragraph]]:
    r"""The paragraphs of each section, by the section's key, in the file's order.

    >>> from threeno.reporting.narrative import parse_narrative
    >>> parsed = parse_narrative("# I. Đặc điểm tình hình\n\nDân số **12.000** người.\n")
    >>> parsed["situation"]
    [((('Dân số ', False, False), ('12.000', True, False), (' người.', False, False)), False)]

    Raises:
        ValidationError: for text before the first heading that names a section (the
            message names the line and the sections known).
    """
    parser = _Parser()
    for number, raw in enumerate(unicodedata.normalize("NFC", text).splitlines(), start=1):
        line = raw.strip()
        heading = _HEADING.match(line)
        if heading is not None:
            parser.heading(heading.group(2), number)
        else:
            parser.line(line, number)
    parser.flush()
    return parser.sections
