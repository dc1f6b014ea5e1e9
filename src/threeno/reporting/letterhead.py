"""What a report as a document says besides its numbers: the letterhead and the frame.

A :class:`Letterhead` is what the plan does not say, given at run time (the command's
options, or a small TOML file, :func:`load_letterhead`): the number, the date of issue,
the place, the recipients, the body above the issuer, and the signer's name; no file of
the project holds a person's name. Left out, each is a space to fill in.

:func:`make_frame` works out the texts of the document's frame (:class:`Frame`) from the
report's view, the plan and the letterhead: the issuing body, "Số: …/BC-…", the place
and date, the summary, "Kính gửi", the opening and closing sentences, "Nơi nhận", the
signature block and the line that attaches an annex. Markdown, HTML
(:func:`threeno.reporting.render.render`) and Word
(:func:`threeno.reporting.docx.render_docx`) write the same frame.

Source: Nghị định 30/2020/NĐ-CP của Chính phủ về công tác văn thư, Art. 8 (the parts of
an administrative document) and Phụ lục I (their layout).
Plan clauses: IV.2 (the standing body consolidates the six-monthly and yearly reports).

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import datetime as dt  # noqa: TC003 - Sphinx evaluates the annotations to link them
import re
import sys
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Final

import attrs

from threeno.errors import ValidationError
from threeno.lang import Lang
from threeno.lang import date as lang_date
from threeno.model._base import nfc_or_none, nfc_tuple, optional_date
from threeno.model.plan_parts import optional_text, texts
from threeno.reporting._document_words import WORDS

if TYPE_CHECKING:
    from threeno.model.plan import Plan
    from threeno.reporting.view import ReportView

__all__ = [
    "BLANK",
    "LETTERHEAD_KEYS",
    "Frame",
    "Letterhead",
    "dateline_date",
    "load_letterhead",
    "make_frame",
]

#: The keys of a letterhead file.
LETTERHEAD_KEYS: Final = (
    "number",
    "issued_on",
    "place",
    "recipients",
    "copies",
    "signer",
    "parent_body",
)

_MONTHS: Final = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
# A blank to fill in by hand: the number is given when the document is registered.
#: The longest letterhead file read: its dozen short keys fit in far less.
_LETTERHEAD_BYTES: Final = 64 * 1024
BLANK: Final = "\u00a0" * 8
# The kinds of administrative unit a place name drops (Phụ lục I: the place is the unit's
# name), unless what follows is a number ("Quận 1").
_UNIT_KINDS: Final = re.compile(
    r"^(?:tỉnh|thành phố|thị xã|huyện|quận|thị trấn|xã|phường|đặc khu)\s+(?=\D)", re.IGNORECASE
)


@attrs.frozen(kw_only=True)
class Letterhead:
    """What the document says that the plan does not: given at run time.

    Args:
        number: the document's number (``"5"``, written ``05``), or number and symbol
            (``"05/BC-BCĐ"``); ``None``: a blank before the symbol ("Số: /BC-BCĐ").
        issued_on: the date of issue; ``None``: "ngày … tháng … năm …" to fill in.
        place: the place name of the date line (``"Lai Châu"``); ``None``: from the plan.
        recipients: the bodies the report is sent to ("Kính gửi").
        copies: the other lines of "Nơi nhận", between "Như trên" and "Lưu: VT".
        signer: the signer's name, printed beneath the signature; ``None``: no name.
        parent_body: the body above the issuing body (cơ quan chủ quản), if any.

    .. versionadded:: 0.2.0
    """

    number: str | None = attrs.field(default=None, converter=nfc_or_none, validator=optional_text)
    issued_on: dt.date | None = attrs.field(default=None, validator=optional_date)
    place: str | None = attrs.field(default=None, converter=nfc_or_none, validator=optional_text)
    recipients: tuple[str, ...] = attrs.field(default=(), converter=nfc_tuple, validator=texts)
    copies: tuple[str, ...] = attrs.field(default=(), converter=nfc_tuple, validator=texts)
    signer: str | None = attrs.field(default=None, converter=nfc_or_none, validator=optional_text)
    parent_body: str | None = attrs.field(
        default=None, converter=nfc_or_none, validator=optional_text
    )

    def updated(self, other: Letterhead) -> Letterhead:
        """This letterhead with every value ``other`` sets (a non-empty one) in its place."""
        changes = {
            field.name: getattr(other, field.name)
            for field in attrs.fields(Letterhead)
            if getattr(other, field.name) not in (None, ())
        }
        return attrs.evolve(self, **changes)


def load_letterhead(path: str | Path) -> Letterhead:
    r"""Read a letterhead from a TOML file of its keys (:data:`LETTERHEAD_KEYS`).

    >>> import tempfile, pathlib
    >>> from threeno.reporting.letterhead import load_letterhead
    >>> file = pathlib.Path(tempfile.mkdtemp()) / "letterhead.toml"
    >>> _ = file.write_text('number = "5"\nissued_on = 2025-01-05\n', encoding="utf-8")
    >>> load_letterhead(file).issued_on
    datetime.date(2025, 1, 5)

    Raises:
        ValidationError: for a file that is not UTF-8 TOML (or is longer than 64 KiB,
            nested too deeply, or holds a number of thousands of digits), a key not
            known, or a value of the wrong kind.
        OSError: when the file cannot be read.
    """
    with Path(path).open("rb") as handle:
        raw = handle.read(_LETTERHEAD_BYTES + 1)
    name = Path(path).name
    if len(raw) > _LETTERHEAD_BYTES:
        msg = f"{name}: longer than {_LETTERHEAD_BYTES:,} bytes, the most a letterhead holds"
        raise ValidationError(msg, cls_name="Letterhead")
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        msg = f"{name}: not UTF-8 text"
        raise ValidationError(msg, cls_name="Letterhead") from None
    except tomllib.TOMLDecodeError as exc:
        # The reader's message names the line and column, never the value.
        msg = f"{name}: not TOML: {exc}"
        raise ValidationError(msg, cls_name="Letterhead") from None
    except RecursionError:
        # tomllib recurses once per level of nesting: a hostile file exhausts the stack.
        msg = f"{name}: nested too deeply to read"
        raise ValidationError(msg, cls_name="Letterhead") from None
    except ValueError:
        # A number of thousands of digits, which Python refuses to read (CVE-2020-10735).
        msg = f"{name}: a number of more than {sys.get_int_max_str_digits():,} digits"
        raise ValidationError(msg, cls_name="Letterhead") from None
    unknown = sorted(set(data) - set(LETTERHEAD_KEYS))
    if unknown:
        msg = f"unknown key(s) {', '.join(unknown)}; the keys are {', '.join(LETTERHEAD_KEYS)}"
        raise ValidationError(msg, cls_name="Letterhead", field=unknown[0])
    return Letterhead(**data)


@attrs.frozen(kw_only=True)
class Frame:
    """The texts of the document's frame, worked out from the view, plan and letterhead.

    .. versionadded:: 0.2.0
    """

    mark: str | None
    issuer: str
    parent_body: str | None
    number: str
    dateline: str
    summary: str
    recipients: tuple[str, ...]
    copies: tuple[str, ...]
    signature: tuple[str, ...]
    signer: str | None
    opening: str
    closing: str
    attached: str
    issued_on: dt.date | None


def dateline_date(day: dt.date) -> tuple[str, str, str]:
    """Day, month and year as the date line writes them: ``("05", "01", "2025")``.

    Phụ lục I of Nghị định 30/2020/NĐ-CP: a day below 10 and the months 1 and 2 are
    written with a leading 0 (``ngày 05 tháng 02``); other months without
    (``tháng 3``).

    >>> import datetime as dt
    >>> from threeno.reporting.letterhead import dateline_date
    >>> dateline_date(dt.date(2025, 3, 5)), dateline_date(dt.date(2025, 2, 15))
    (('05', '3', '2025'), ('15', '02', '2025'))
    """
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{day.day:02d}", month, str(day.year)


def _symbol(plan: Plan | None) -> str:
    """The symbol of a report of the plan's issuer: ``BC-`` and the issuer's abbreviation.

    The abbreviation is the one of the plan's own number (``/KH-BCĐ``: ``BCĐ``); without
    it, a blank.
    """
    found = re.search(r"/[^/-]+-(.+)$", (plan.number or "") if plan is not None else "")
    return f"BC-{found.group(1).strip()}" if found else f"BC-{BLANK}"


def _number(given: str | None, plan: Plan | None) -> str:
    if given is None:
        return f"{BLANK}/{_symbol(plan)}"
    if "/" in given:
        return given
    return f"{int(given):02d}/{_symbol(plan)}" if given.isdigit() else f"{given}/{_symbol(plan)}"


def _place(given: str | None, plan: Plan | None, view: ReportView) -> str:
    """The place of the date line: given, else the plan's, else its innermost area unit.

    The plan's own date line names its place (``"Thành phố Lai Châu, ngày …"``); the
    place is a unit's name without its kind (``Lai Châu``), as Phụ lục I of Nghị định
    30/2020/NĐ-CP writes it, unless the name is a number (``Quận 1``).
    """
    if given is not None:
        return given
    place = ""
    if plan is not None and plan.dateline_vi:
        place = plan.dateline_vi.split(",")[0].strip()
    elif view.header.area:
        place = view.header.area[-1]
    place = _UNIT_KINDS.sub("", place)
    return place or "……"


def make_frame(
    view: ReportView, plan: Plan | None, letterhead: Letterhead, *, mark: str | None
) -> Frame:
    """The texts of the document's frame, from the view, the plan and the letterhead.

    Args:
        view: the report's view (its language, header and period).
        plan: the plan evaluated: its issuer, number, title, date line and signature.
        letterhead: what is given at run time.
        mark: the mark of simulated data, or ``None``.
    """
    lang: Lang = "vi" if view.lang == "vi" else "en"
    w = WORDS[lang]
    header = view.header
    issuer = (plan.issuer_vi if lang == "vi" else plan.issuer_en) if plan else w["the_body"]
    place = _place(letterhead.place, plan, view)
    day = letterhead.issued_on
    if lang == "vi":
        d, m, y = dateline_date(day) if day else ("\u00a0" * 4,) * 3
        dateline = w["dateline"].format(place=place, day=d, month=m, year=y)
    else:
        # The month by name, whatever the machine's locale (strftime's %B follows it).
        shown = f"{day.day} {_MONTHS[day.month - 1]} {day.year}" if day else ""
        dateline = w["dateline"].format(place=place, date=shown)
    number = _number(letterhead.number, plan)
    title = header.plan_title or ""
    title_lower = title[:1].lower() + title[1:]
    period = header.period_label
    summary = (
        w["summary"].format(period=period, title=title_lower)
        if title
        else w["summary_no_plan"].format(period=period)
    )
    plan_number = header.plan_number or ""
    if re.match(r"^\d", plan_number):
        plan_ref = w["plan_numbered"].format(number=plan_number, title=title_lower)
    else:
        plan_ref = w["plan_unnumbered"].format(title=title_lower) if title else w["this_plan"]
    opening = w["opening"].format(
        plan=plan_ref,
        issuer=issuer,
        period=period,
        start=lang_date(header.start, lang),
        end=lang_date(header.end, lang),
    )
    signature = (plan.signature_vi if lang == "vi" else plan.signature_en) if plan else ()
    return Frame(
        mark=mark,
        issuer=issuer,
        parent_body=letterhead.parent_body,
        number=number,
        dateline=dateline,
        summary=summary,
        recipients=letterhead.recipients,
        copies=letterhead.copies,
        signature=signature,
        signer=letterhead.signer,
        opening=opening,
        closing=w["closing"].format(period=period, issuer=issuer),
        attached=w["attached"].format(
            number=number,
            date=lang_date(day, lang) if day else BLANK,
            issuer=issuer,
        ),
        issued_on=day,
    )
