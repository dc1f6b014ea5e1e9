"""The parts of the Word report, laid out as Nghị định 30/2020/NĐ-CP, Phụ lục I has them.

:class:`Builder` writes, in order: the mark of simulated data; the heading (the issuing
body and its number at the left, the national title, motto, place and date at the
right, in a table without borders); "BÁO CÁO" and the summary; "Kính gửi"; the body (an
opening sentence, the sections an office writes its own paragraphs in, the table of the
indicators in the assessment, a closing sentence); "Nơi nhận" and the signature block;
then the annexes, each on landscape pages of its own: the indicators by unit, the
breakdowns and other figures, the cases not meeting an indicator, the data's sources and
quality, and the codes for tools (the only place an indicator's code is written).

Private: :mod:`threeno.reporting.docx` is the public entry.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm

from threeno.lang import Lang
from threeno.lang import number as lang_number
from threeno.reporting import _docx_layout as lay
from threeno.reporting._document_words import WORDS

if TYPE_CHECKING:
    from collections.abc import Sequence

    from docx.document import Document
    from docx.table import _Cell

    from threeno.reporting.document import DocumentView
    from threeno.reporting.narrative import Paragraph
    from threeno.reporting.view import IndicatorView, ReportView

S = lay.SIZES
_CENTER = WD_ALIGN_PARAGRAPH.CENTER


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


class Builder:
    """Writes one report into a python-docx document."""

    def __init__(self, document: Document, view: ReportView, skeleton: DocumentView) -> None:
        """Keep what the report is built from."""
        self.doc, self.view, self.skeleton = document, view, skeleton
        self.frame = skeleton.frame
        self.w = WORDS["vi" if view.lang == "vi" else "en"]
        self.vw = view.words
        self.lang = view.lang
        self.annex_numbers = {annex.key: annex.number for annex in skeleton.annexes}

    # -- the first page ---------------------------------------------------------------

    def mark(self) -> None:
        """The mark of simulated data, as the document's first line."""
        if self.frame.mark is None:
            return
        paragraph = lay.add_paragraph(self.doc, align=_CENTER, size=S["body"], space_after=6)
        lay.add_run(paragraph, self.frame.mark, size=S["body"], bold=True, colour="C00000")

    def heading(self) -> None:
        """The issuing body and the national title side by side; number, place and date.

        Phụ lục I: the body above the issuing body upper case, not bold; the issuing body
        upper case, bold, a solid line beneath of 1/3 to 1/2 of its length; the national
        title upper case, bold; the motto bold, a solid line beneath as long as it; the
        number ("Số: 05/BC-BCĐ") beneath the issuing body; place and date in italics
        beneath the motto.
        """
        left_mm, right_mm = lay.HEADING_COLUMNS_MM
        table = lay.layout_table(self.doc, lay.HEADING_COLUMNS_MM)
        left, right = table.rows[0].cells
        frame = self.frame
        if frame.parent_body:
            lay.add_paragraph(left, frame.parent_body.upper(), size=S["parent_body"], align=_CENTER)
        issuer = frame.issuer.upper()
        lay.add_paragraph(left, issuer, size=S["issuer"], bold=True, align=_CENTER)
        width = lay.bold_text_width_pt(issuer, S["issuer"]) * 25.4 / 72
        lay.rule(left, lay.ISSUER_RULE_SHARE * min(width, left_mm), left_mm)
        title = self.w["national_title"]
        lay.add_paragraph(right, title, size=S["national_title"], bold=True, align=_CENTER)
        motto = self.w["motto"]
        lay.add_paragraph(right, motto, size=S["motto"], bold=True, align=_CENTER)
        lay.rule(right, lay.bold_text_width_pt(motto, S["motto"]) * 25.4 / 72, right_mm)
        row = table.add_row()  # type: ignore[no-untyped-call] # python-docx leaves it untyped
        for cell, width_mm in zip(row.cells, lay.HEADING_COLUMNS_MM, strict=True):
            cell.width = Mm(width_mm)
        lay.empty_cells(row.cells)
        number_cell, date_cell = row.cells
        number = self.w["number"].format(number=frame.number)
        lay.add_paragraph(number_cell, number, size=S["number"], align=_CENTER, space_before=6)
        lay.add_paragraph(
            date_cell, frame.dateline, size=S["dateline"], italic=True, align=_CENTER,
            space_before=6,
        )  # fmt: skip

    def title(self) -> None:
        """The type, "BÁO CÁO", bold, centred; the summary beneath, a short line under it.

        Phụ lục I: the type of document upper case, 13–14, bold, centred; the summary
        beneath it, 13–14, bold, a solid line of 1/3 to 1/2 of its length below it.
        """
        lay.add_paragraph(
            self.doc, self.w["type"], size=S["type"], bold=True, align=_CENTER, space_before=18
        )
        summary = self.frame.summary
        lay.add_paragraph(self.doc, summary, size=S["summary"], bold=True, align=_CENTER)
        width = lay.text_width_mm(self.doc.sections[-1])
        summary_mm = lay.bold_text_width_pt(summary, S["summary"]) * 25.4 / 72
        lay.rule(self.doc, lay.ISSUER_RULE_SHARE * min(summary_mm, width), width)

    def recipients(self) -> None:
        """The line "Kính gửi:" and the recipients, in the body's size (Phụ lục I: recipients).

        One recipient on the same line; several on lines of their own, each after a dash,
        ending in ";" and the last in ".". None given: a dotted space to fill in.
        """
        to = self.w["to"]
        names = self.frame.recipients
        if len(names) <= 1:
            shown = names[0] if names else "……………………………………"
            lay.add_paragraph(
                self.doc, f"{to} {shown}", size=S["body"], align=_CENTER, space_before=12,
                space_after=12,
            )  # fmt: skip
            return
        first = lay.add_paragraph(self.doc, to, size=S["body"], space_before=12)
        first.paragraph_format.left_indent = Mm(30)
        for i, name in enumerate(names):
            end = "." if i == len(names) - 1 else ";"
            line = lay.add_paragraph(
                self.doc, f"- {name}{end}", size=S["body"], space_after=12 if end == "." else 0
            )
            line.paragraph_format.left_indent = Mm(50)

    # -- the body ----------------------------------------------------------------------

    def body(self) -> None:
        """The opening, the sections, the assessment's table, the closing sentence."""
        lay.body_paragraph(self.doc, self.frame.opening)
        view = self.view
        if view.suppress_below is not None:
            last = view.suppress_below - 1
            note = self.vw["published_note"].format(last=lang_number(last, self._lang))
            lay.body_paragraph(self.doc, f"{self.vw['published']}: {note}")
        for warning in view.overview.warnings:
            lay.body_paragraph(self.doc, f"{warning.label}: {warning.text}")
        for section in self.skeleton.sections:
            heading = section.heading.upper()
            title = lay.body_paragraph(self.doc, f"{section.number}. {heading}", bold=True)
            title.paragraph_format.keep_with_next = True
            if section.key == "results":
                lay.body_paragraph(self.doc, self.skeleton.see_annexes)
                self._results()
            if section.key == "assessment":
                lay.body_paragraph(self.doc, self.skeleton.assessment_lead)
                self._summary_table()
            self._narrative(section.paragraphs, section.placeholder)
        lay.body_paragraph(self.doc, self.frame.closing)

    @property
    def _lang(self) -> Lang:
        return "vi" if self.lang == "vi" else "en"

    def _results(self) -> None:
        """The results in sentences: by the plan's tasks, then by each agency's duties."""
        for i, part in enumerate(self.skeleton.results, start=1):
            if part.title:
                title = lay.body_paragraph(self.doc, f"{i}. {part.title}", bold=True)
                title.paragraph_format.keep_with_next = True
            for j, group in enumerate(part.groups, start=1):
                if group.title:
                    title = lay.body_paragraph(self.doc)
                    lay.add_run(title, f"{i}.{j}. {group.title}", size=S["body"], italic=True)
                    title.paragraph_format.keep_with_next = True
                if group.sentences:
                    lay.body_paragraph(self.doc, " ".join(group.sentences))
                if group.partner_sentences:
                    text = " ".join((self.skeleton.as_partner, *group.partner_sentences))
                    lay.body_paragraph(self.doc, text)

    def _narrative(self, paragraphs: Sequence[Paragraph], placeholder: str | None) -> None:
        """The office's paragraphs for a section, or a line saying they are to be written."""
        if placeholder is not None:
            paragraph = lay.body_paragraph(self.doc)
            lay.add_run(paragraph, placeholder, size=S["body"], italic=True)
        for runs, heading in paragraphs:
            paragraph = lay.body_paragraph(self.doc)
            if heading:
                paragraph.paragraph_format.keep_with_next = True
            for text, bold, italic in runs:
                lay.add_run(paragraph, text, size=S["body"], bold=bold or heading, italic=italic)

    def _summary_table(self) -> None:
        """The indicators by name: the whole area's result, the plan's target, the status."""
        vw = self.vw
        header = [self.w["no"], vw["name"], vw["value"], vw["target"], vw["status"]]
        rows = [
            [str(i), ind.name, ind.rows[-1].cell.text, _capital(ind.rows[-1].target),
             ind.rows[-1].status_label]
            for i, ind in enumerate(self.view.indicators, start=1)
        ]  # fmt: skip
        lay.grid_table(self.doc, header, rows, (12, 63, 32, 33, 25), size=S["table"], align="clccc")
        lay.add_paragraph(self.doc, size=S["body"], space_after=6)

    def signature(self) -> None:
        """The list "Nơi nhận" at the left, the signature block at the right, side by side.

        Phụ lục I: "Nơi nhận:" 12, bold, italic; its lines 11, each after a dash, the
        last "Lưu: VT, …"; the authority and title of the signer upper case, 13–14, bold;
        the signer's name, 13–14, bold, beneath the space for the signature: only when
        given at run time (never from the plan or a file of the project).
        """
        table = lay.layout_table(self.doc, lay.SIGNATURE_COLUMNS_MM)
        left, right = table.rows[0].cells
        self._copies(left)
        for line in self.frame.signature:
            lay.add_paragraph(right, line.upper(), size=S["signature"], bold=True, align=_CENTER)
        for _ in range(4):  # the space for the signature and the seal
            lay.add_paragraph(right, size=S["signature"], align=_CENTER)
        if self.frame.signer:
            lay.add_paragraph(
                right, self.frame.signer, size=S["signature"], bold=True, align=_CENTER
            )

    def _copies(self, cell: _Cell) -> None:
        label = lay.add_paragraph(cell, size=S["recipients_label"])
        lay.add_run(label, self.w["recipients"], size=S["recipients_label"], bold=True, italic=True)
        lines = [self.w["as_above"], *(f"{c};" for c in self.frame.copies), self.w["archive"]]
        for line in lines:
            lay.add_paragraph(cell, f"- {line}", size=S["recipients"])

    # -- the annexes ---------------------------------------------------------------------

    def annexes(self) -> None:
        """Each annex on landscape pages of its own, numbered from 1."""
        for key in self.annex_numbers:
            lay.new_section(self.doc, landscape=True)
            self._annex_heading(key)
            getattr(self, f"_annex_{key}")()

    def _annex_heading(self, key: str) -> None:
        """An annex's label ("Phụ lục I"), its title, and "(Kèm theo Báo cáo số … ngày … của …)".

        Phụ lục I of the decree: "Phụ lục" (Roman numerals when several) 14, bold; the
        title upper case, 13–14, bold; the line saying which document it is attached
        to in italics.
        """
        annex = self.skeleton.annex(key)
        assert annex is not None  # noqa: S101 - the keys are the skeleton's
        lay.add_paragraph(self.doc, annex.label, size=S["annex_label"], bold=True, align=_CENTER)
        title = annex.title
        lay.add_paragraph(self.doc, title, size=S["annex_title"], bold=True, align=_CENTER)
        lay.add_paragraph(
            self.doc, self.frame.attached, size=S["annex_title"], italic=True, align=_CENTER,
            space_after=12,
        )  # fmt: skip

    def _subheading(self, text: str) -> None:
        lay.add_paragraph(
            self.doc, text, size=S["table"] + 1, bold=True, space_before=8, space_after=4,
            keep_with_next=True,
        )  # fmt: skip

    def _note(self, text: str) -> None:
        lay.add_paragraph(
            self.doc, text, size=S["annex_table"], italic=True, space_after=4, keep_with_next=True
        )

    def _table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        align: str = "",
        *,
        bold_last: bool = False,
    ) -> None:
        lay.grid_table(
            self.doc, header, rows, widths, size=S["annex_table"], align=align,
            bold_last=bold_last,
        )  # fmt: skip

    def _annex_units(self) -> None:
        vw = self.vw
        for i, ind in enumerate(self.view.indicators, start=1):
            self._subheading(f"{i}. {ind.name}")
            parts = f"{self.w['numerator']}: {ind.numerator}"
            if ind.denominator:
                parts += f"; {self.w['denominator']}: {ind.denominator}"
            self._note(parts + ".")
            header = [self.w["no"], vw["unit"], vw["value"], vw["target"], vw["status"]]
            rows = [
                [str(n), row.unit_name, row.cell.text, _capital(row.target), row.status_label]
                for n, row in enumerate(ind.rows, start=1)
            ]
            rows[-1][0] = ""
            self._table(header, rows, (12, 70, 60, 70, 40), "clccc", bold_last=len(rows) > 1)

    def _annex_breakdowns(self) -> None:
        vw = self.vw
        shown = [ind for ind in self.view.indicators if ind.breakdowns or ind.figures]
        if not shown:
            lay.add_paragraph(self.doc, vw["nothing"], size=S["table"])
        for i, ind in enumerate(shown, start=1):
            self._subheading(f"{i}. {ind.name}")
            if ind.figures:
                self._note(f"{vw['figures']} ({vw['total'].lower()}):")
                self._table(
                    [self.w["no"], vw["name"], vw["value"]],
                    [[str(n), label, cell.text] for n, (label, cell) in enumerate(ind.figures, 1)],
                    (12, 170, 70),
                    "clc",
                )
            for breakdown in ind.breakdowns:
                label = breakdown.label[:1].lower() + breakdown.label[1:]
                self._note(f"{vw['breakdowns']}: {label}")
                rows = [
                    [str(n), row.label, row.cell.text,
                     "; ".join(f"{label}: {cell.text}" for label, cell in row.figures)]
                    for n, row in enumerate(breakdown.rows, start=1)
                ]  # fmt: skip
                header = [self.w["no"], breakdown.label, vw["value"], self.w["figures_of"]]
                self._table(header, rows, (12, 90, 50, 100), "clcl")

    def _annex_failing(self) -> None:
        vw = self.vw
        names = dict(self.view.header.units)
        shown = [ind for ind in self.view.indicators if _listed(ind)]
        for i, ind in enumerate(shown, start=1):
            self._subheading(f"{i}. {ind.name}")
            rows = [
                [str(n), record.record_id,
                 names.get(record.unit_code, record.unit_code) if record.unit_code else "",
                 record.reason]
                for n, record in enumerate(ind.failing, start=1)
            ]  # fmt: skip
            if rows:
                header = [self.w["no"], self.w["case_id"], vw["unit"], vw["reason"]]
                self._table(header, rows, (12, 35, 45, 160), "ccll")
            if ind.failing_more:
                self._note(_capital(ind.failing_more) + ".")
            if ind.in_progress:  # in the denominator, not failing: its own list
                self._note(vw["in_progress"] + ":")
                rows = [
                    [str(n), record.record_id,
                     names.get(record.unit_code, record.unit_code) if record.unit_code else "",
                     record.reason]
                    for n, record in enumerate(ind.in_progress, start=1)
                ]  # fmt: skip
                header = [self.w["no"], self.w["case_id"], vw["unit"], vw["reason"]]
                self._table(header, rows, (12, 35, 45, 160), "ccll")
            if ind.in_progress_more:
                self._note(_capital(ind.in_progress_more) + ".")

    def _annex_quality(self) -> None:
        vw, view = self.vw, self.view
        overview, quality = view.overview, view.quality
        facts = [(fact.label, fact.text) for fact in (*overview.facts, *overview.warnings)]
        if quality.load_source:
            facts.insert(0, (vw["source"], quality.load_source))
        for label, text in facts:
            paragraph = lay.add_paragraph(self.doc, size=S["table"], space_after=3)
            lay.add_run(paragraph, f"{label}: ", size=S["table"], bold=True)
            lay.add_run(paragraph, text, size=S["table"])
        if view.suppress_below is not None:
            last = lang_number(view.suppress_below - 1, self._lang)
            note = vw["published_note"].format(last=last)
            self._note(f"{vw['published']}: {note}")
        self._subheading(vw["settings"])
        self._table(
            [self.w["no"], vw["name"], self.w["applied"], self.w["basis"]],
            [[str(n), s.label, s.text, s.note] for n, s in enumerate(view.settings, start=1)],
            (12, 70, 70, 100),
            "clll",
        )
        self._load_tables()
        for key, lines in (
            ("rejections", quality.rejections),
            ("problems", quality.problems),
            ("notes", quality.notes),
            ("issues", quality.issues),
            ("crosswalk", quality.crosswalk),
        ):
            if lines:
                self._subheading(vw[key])
                for line in lines:
                    lay.add_paragraph(self.doc, f"- {line}", size=S["annex_table"], space_after=2)
        if quality.withheld:
            self._note(vw["withheld"])

    def _load_tables(self) -> None:
        vw, quality = self.vw, self.view.quality
        number = self._number
        if quality.load_rows:
            self._subheading(vw["load"])
            rows = [
                [str(n), r.label, number(r.read), number(r.accepted), number(r.rejected)]
                for n, r in enumerate(quality.load_rows, start=1)
            ]
            rows.append(["", self.w["total"], *(number(n) for n in quality.load_totals)])
            header = [self.w["no"], vw["record_type"], vw["read"], vw["accepted"], vw["rejected"]]
            self._table(header, rows, (12, 120, 40, 40, 40), "clccc", bold_last=True)
        elif quality.load_source is None:
            self._note(vw["no_load_report"])
        if quality.placements:
            self._subheading(vw["placement"])
            keys = (
                "read", "in_scope", "crosswalked", "not_selected", "out_of_scope",
                "not_valid_on_date", "unknown_unit",
            )  # fmt: skip
            header = [self.w["no"], vw["record_type"], *(vw[k] for k in keys)]
            rows = [
                [str(n), p.label, *("—" if c is None else number(c) for c in p.counts)]
                for n, p in enumerate(quality.placements, start=1)
            ]
            widths = (12, 58, 22, 24, 26, 28, 26, 28, 28)
            self._table(header, rows, widths, "clccccccc")

    def _number(self, n: int) -> str:
        return lang_number(n, "vi" if self.lang == "vi" else "en")

    def _annex_codes(self) -> None:
        vw, header = self.vw, self.view.header
        for label, code in ((vw["plan_code"], header.plan_id), (vw["period_code"], header.period)):
            paragraph = lay.add_paragraph(self.doc, size=S["table"], space_after=3)
            lay.add_run(paragraph, f"{label}: ", size=S["table"], bold=True)
            lay.add_run(paragraph, code, size=S["table"])
        self._note(vw["annex_note"])
        self._table(
            [self.w["no"], vw["name"], vw["indicator_code"]],
            [[str(n), ind.name, ind.id] for n, ind in enumerate(self.view.indicators, start=1)],
            (12, 170, 70),
            "clc",
        )
        if header.units:
            lay.add_paragraph(self.doc, size=S["table"], space_after=6)
            self._table(
                [self.w["no"], vw["unit"], self.w["unit_code"]],
                [[str(n), name, code] for n, (code, name) in enumerate(header.units, start=1)],
                (12, 170, 70),
                "clc",
            )


def _listed(ind: IndicatorView) -> bool:
    """Whether the annex lists records of an indicator: failing, or in progress."""
    return bool(ind.failing or ind.failing_more or ind.in_progress or ind.in_progress_more)
