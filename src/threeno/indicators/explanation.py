"""Why each record counts or fails: reasons in words, in Vietnamese and English.

Every number of an evaluation can be traced to its records. An indicator's
:class:`Explanation` lists the records counted in its numerator, the records of its
denominator that fail (each with the reason), and the records shown apart (a suspended
report, an ad hoc submission, a report about an offence the indicator does not count).
A reason is data (:class:`Reason`: a code and its facts: dates, labels, names, the time
limit that applied), rendered in words on demand::

    CR-0017: received 25/01/2024, limit 15/02/2024 (20 days, moved past Tết), decided 20/02/2024

Every word is in the language asked for: dates as :func:`threeno.lang.date` writes them
(``dd/mm/yyyy`` in both languages), labels of the enumerations, agencies and reporting
periods by name (:class:`Named`); ids and codes stay as they are. The JSON keeps the
slugs and ISO dates.

Plan clauses: I.3 (every report resolved, on time), and every indicator of the catalogue.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
import enum
import itertools
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import Final, Literal, overload

import attrs

from threeno.lang import Lang, check_lang
from threeno.lang import date as date_text
from threeno.model._base import LabelledEnum
from threeno.rules.time_limits import Deadline

__all__ = [
    "EXPLAIN_MODES",
    "REASON_CODES",
    "Entries",
    "Entry",
    "ExplainMode",
    "Explanation",
    "Fact",
    "Named",
    "Reason",
    "format_fact",
]

#: How much an evaluation keeps to explain its numbers.
ExplainMode = Literal["all", "failures", "none"]
#: The explanation modes. ``all`` keeps every record's entry; ``failures`` keeps the
#: failing records and those shown apart (and, for an indicator that counts what the plan
#: wants none of, the records counted), counts only for the rest, so memory stays flat;
#: ``none`` keeps counts only.
EXPLAIN_MODES: Final[tuple[str, ...]] = ("all", "failures", "none")


@attrs.frozen
class Named:
    """A fact shown by its name: an agency, a reporting period. JSON keeps its ``slug``.

    >>> from threeno.indicators.explanation import Named
    >>> Named("2024-H1", "6 tháng đầu năm 2024", "first half of 2024").label("vi")
    '6 tháng đầu năm 2024'

    Args:
        slug: its id or code (``"ban-dan-van"``, ``"2024-H1"``).
        vi: its name in Vietnamese (NFC).
        en: its name in English.

    .. versionadded:: 0.2.0
    """

    slug: str
    vi: str
    en: str

    def label(self, lang: Lang = "vi") -> str:
        """The name in ``"vi"`` or ``"en"``.

        Raises:
            LanguageError: for another language.
        """
        return self.vi if check_lang(lang) == "vi" else self.en


#: The type of a fact of a reason (a date, a number, a text, a label, a name, a time
#: limit, or several labels).
Fact = dt.date | int | str | bool | LabelledEnum | Named | Deadline | tuple[LabelledEnum, ...]


@attrs.frozen(kw_only=True)
class _Words:
    """A reason's words: its sentence in each language, then its optional clauses.

    An optional clause ``(fact, English, Vietnamese)`` is added when its fact is given.
    """

    en: str
    vi: str
    optional: tuple[tuple[str, str, str], ...] = ()

    def sentence(self, lang: Lang) -> tuple[str, tuple[tuple[str, str], ...]]:
        """The sentence and the optional clauses ``(fact, clause)`` in ``lang``."""
        if lang == "vi":
            return self.vi, tuple((key, vi) for key, _, vi in self.optional)
        return self.en, tuple((key, en) for key, en, _ in self.optional)


# The words of every reason, both languages together: a reason code an accumulator gives
# is added here, once.
_REASONS: Final[dict[str, _Words]] = {
    "received": _Words(
        en="received {received} ({source})",
        vi="tiếp nhận ngày {received} ({source})",
    ),
    "other_offence": _Words(
        en="about Art. {article}, not among the articles this indicator counts ({articles})",
        vi="về tội danh Điều {article}, không thuộc các điều chỉ tiêu này tính ({articles})",
    ),
    "classified": _Words(
        en="received {received}, classified {classified}",
        vi="tiếp nhận ngày {received}, phân loại ngày {classified}",
    ),
    "not_classified": _Words(
        en="received {received}, not classified by {end}",
        vi="tiếp nhận ngày {received}, đến ngày {end} chưa phân loại",
    ),
    "classified_late": _Words(
        en="received {received}, classified {classified}, after the period's end {end}",
        vi="tiếp nhận ngày {received}, phân loại ngày {classified}, sau ngày cuối kỳ {end}",
    ),
    "resolved": _Words(
        en="received {received}; decision of {decided}: {decision}",
        vi="tiếp nhận ngày {received}; ngày {decided}: {decision}",
    ),
    "resolved_on_time": _Words(
        en=(
            "received {received}; decision of {decided}: {decision}; decided on time (limit"
            " {limit}: {basis})"
        ),
        vi=(
            "tiếp nhận ngày {received}; ngày {decided}: {decision}; đã giải quyết đúng hạn (hạn"
            " {limit}: {basis})"
        ),
    ),
    "resolved_late": _Words(
        en=(
            "received {received}; decision of {decided}: {decision}; decided late (limit {limit}:"
            " {basis})"
        ),
        vi=(
            "tiếp nhận ngày {received}; ngày {decided}: {decision}; đã giải quyết quá hạn (hạn"
            " {limit}: {basis})"
        ),
    ),
    "suspension_resolves": _Words(
        en=(
            "received {received}; handling suspended on {since} (tạm đình chỉ, Art. 147(1)(c),"
            " 148), counted as resolved"
        ),
        vi=(
            "tiếp nhận ngày {received}; ngày {since}: tạm đình chỉ việc giải quyết (điểm c khoản 1"
            " Điều 147, Điều 148), tính là đã giải quyết"
        ),
    ),
    "suspension_open": _Words(
        en=(
            "received {received}; handling suspended on {since} (tạm đình chỉ, Art. 147(1)(c),"
            " 148), not counted as resolved"
        ),
        vi=(
            "tiếp nhận ngày {received}; ngày {since}: tạm đình chỉ việc giải quyết (điểm c khoản 1"
            " Điều 147, Điều 148), không tính là đã giải quyết"
        ),
    ),
    "within_limit_open": _Words(
        en="received {received}, limit {limit} ({basis}): being handled, within its limit at {end}",
        vi=(
            "tiếp nhận ngày {received}, hạn {limit} ({basis}): đang giải quyết, còn trong hạn tại"
            " ngày {end}"
        ),
        optional=(
            (
                "decided",
                "; decision of {decided}, after the period",
                "; ngày {decided}, sau kỳ báo cáo",
            ),
            ("decision", ": {decision}", ": {decision}"),
        ),
    ),
    "overdue_open": _Words(
        en="received {received}, limit {limit} ({basis}): overdue, not resolved at {end}",
        vi=(
            "tiếp nhận ngày {received}, hạn {limit} ({basis}): quá hạn chưa giải quyết tại ngày"
            " {end}"
        ),
        optional=(
            (
                "decided",
                "; decision of {decided}, after the period",
                "; ngày {decided}, sau kỳ báo cáo",
            ),
            ("decision", ": {decision}", ": {decision}"),
        ),
    ),
    "suspended": _Words(
        en=(
            "received {received}, handling suspended since {since} (tạm đình chỉ, Art. 148): its"
            " limit stops"
        ),
        vi=(
            "tiếp nhận ngày {received}, tạm đình chỉ việc giải quyết từ ngày {since} (Điều 148):"
            " thời hạn tạm dừng"
        ),
    ),
    "suspended_in_time": _Words(
        en="received {received}; handling suspended on {since} (tạm đình chỉ), within its limit",
        vi="tiếp nhận ngày {received}; ngày {since}: tạm đình chỉ việc giải quyết, trong thời hạn",
    ),
    "suspended_late": _Words(
        en=(
            "received {received}; handling suspended on {since} (tạm đình chỉ), after its limit"
            " {missed}"
        ),
        vi=(
            "tiếp nhận ngày {received}; ngày {since}: tạm đình chỉ việc giải quyết, sau khi hết"
            " hạn {missed}"
        ),
    ),
    "decided": _Words(
        en="received {received}, limit {limit} ({basis}), decided {decided}",
        vi="tiếp nhận ngày {received}, hạn {limit} ({basis}), giải quyết ngày {decided}",
    ),
    "missed_limit": _Words(
        en=(
            "received {received}, limit {missed} passed before the suspension of {suspended},"
            " decided {decided}"
        ),
        vi=(
            "tiếp nhận ngày {received}, hạn {missed} đã hết trước khi tạm đình chỉ ngày"
            " {suspended}, giải quyết ngày {decided}"
        ),
    ),
    "overdue": _Words(
        en="received {received}, limit {limit} ({basis}), still pending at {end}",
        vi="tiếp nhận ngày {received}, hạn {limit} ({basis}), đến ngày {end} vẫn chưa giải quyết",
    ),
    "within_limit": _Words(
        en="received {received}, limit {limit} ({basis}), not passed at {end}",
        vi="tiếp nhận ngày {received}, hạn {limit} ({basis}), chưa hết hạn tại ngày {end}",
    ),
    "reopened": _Words(
        en="no-case decision of {decided} overturned on {reopened}",
        vi="quyết định không khởi tố ngày {decided} bị hủy ngày {reopened}",
    ),
    "opened": _Words(
        en="opened {opened} (Art. {article}), {defendants} defendant(s)",
        vi="khởi tố ngày {opened} (Điều {article}), {defendants} bị can",
        optional=(
            ("indicted", "; indicted {indicted}", "; truy tố ngày {indicted}"),
            ("tried", "; tried {tried}", "; xét xử ngày {tried}"),
        ),
    ),
    "opened_before": _Words(
        en="opened {opened} (Art. {article}), before the period",
        vi="khởi tố ngày {opened} (Điều {article}), trước kỳ báo cáo",
        optional=(
            ("indicted", "; indicted {indicted}", "; truy tố ngày {indicted}"),
            ("tried", "; tried {tried}", "; xét xử ngày {tried}"),
        ),
    ),
    "wrongful": _Words(
        en=(
            "opened {opened} (Art. {article}); wrongful prosecution or conviction established"
            " {wrongful}"
        ),
        vi="khởi tố ngày {opened} (Điều {article}); xác định oan sai ngày {wrongful}",
    ),
    "monitored": _Words(
        en="registered {registered}; on {end}: {categories}",
        vi="đăng ký quản lý ngày {registered}; tại ngày {end}: {categories}",
    ),
    "emigrated": _Words(
        en="{categories} since {since}",
        vi="{categories} từ ngày {since}",
        optional=(("new", ", new in the period", ", phát sinh trong kỳ"),),
    ),
    "emigrated_ended": _Words(
        en="{category} from {since} to {until}: new in the period, no longer at its end",
        vi=(
            "{category} từ ngày {since} đến ngày {until}: phát sinh trong kỳ, không còn tại thời"
            " điểm cuối kỳ"
        ),
    ),
    "reached": _Words(
        en="target woman ({categories}); reached {reached} at event {event}",
        vi="đối tượng ({categories}); được tuyên truyền ngày {reached} (buổi {event})",
    ),
    "not_reached": _Words(
        en="target woman ({categories}); not reached by any event in the period",
        vi="đối tượng ({categories}); chưa được tuyên truyền trong kỳ",
    ),
    "supported": _Words(
        en="returned victim since {since}; latest support {delivered}: {kind} ({action})",
        vi="nạn nhân trở về từ ngày {since}; hỗ trợ gần nhất ngày {delivered}: {kind} ({action})",
    ),
    "not_supported": _Words(
        en="returned victim since {since}; no support delivered from {since} to {end}",
        vi="nạn nhân trở về từ ngày {since}; không được hỗ trợ từ ngày {since} đến ngày {end}",
    ),
    "trained": _Words(
        en="{categories}; {kind} on {delivered} ({action})",
        vi="{categories}; {kind} ngày {delivered} ({action})",
    ),
    "not_trained": _Words(
        en="{categories}; no vocational training or counselling in the period",
        vi="{categories}; chưa được hỗ trợ học nghề, tư vấn hướng nghiệp trong kỳ",
    ),
    "maintained": _Words(
        en="{kind} of {held} ({review}): the model is maintained",
        vi="{kind} ngày {held} ({review}): mô hình được duy trì",
    ),
    "not_maintained": _Words(
        en="{kind} of {held} ({review}): the model is not maintained",
        vi="{kind} ngày {held} ({review}): mô hình không được duy trì",
    ),
    "no_review": _Words(
        en="no review in the period",
        vi="không tổ chức sơ kết, tổng kết trong kỳ",
    ),
    "safe": _Words(
        en="assessment of {year} on {assessed}: meets the standard",
        vi="đánh giá năm {year} ngày {assessed}: đạt tiêu chuẩn",
    ),
    "not_safe": _Words(
        en="assessment of {year} on {assessed}: does not meet the standard",
        vi="đánh giá năm {year} ngày {assessed}: không đạt tiêu chuẩn",
        optional=(
            ("criteria", " (criteria failed: {criteria})", " (tiêu chí không đạt: {criteria})"),
        ),
    ),
    "not_assessed": _Words(
        en="no commune or ward assessment of {year}",
        vi="không có kết quả đánh giá cấp xã, phường năm {year}",
    ),
    "submitted": _Words(
        en="report for {report} from {agency}, due {due}: submitted {submitted} ({submission})",
        vi="báo cáo {report} của {agency}, hạn {due}: gửi ngày {submitted} ({submission})",
    ),
    "submitted_late": _Words(
        en=(
            "report for {report} from {agency}, due {due}: submitted {submitted} ({submission}),"
            " after the due date"
        ),
        vi="báo cáo {report} của {agency}, hạn {due}: gửi ngày {submitted} ({submission}), quá hạn",
    ),
    "not_submitted": _Words(
        en="report for {report} from {agency}, due {due}: not submitted",
        vi="báo cáo {report} của {agency}, hạn {due}: chưa gửi",
    ),
    "adhoc": _Words(
        en="ad hoc report of {day} from {agency}, submitted {submitted}",
        vi="báo cáo đột xuất ngày {day} của {agency}, gửi ngày {submitted}",
    ),
    "unexpected_agency": _Words(
        en="report for {report} from {agency}, which the plan does not ask to report",
        vi="báo cáo {report} của {agency}, không thuộc diện phải báo cáo theo kế hoạch",
    ),
    "event": _Words(
        en="held {held} ({channel}; {participants} participants; language {language})",
        vi="tổ chức ngày {held} ({channel}; {participants} người tham dự; ngôn ngữ {language})",
    ),
}

#: Every reason code, with its words in both languages.
REASON_CODES: Final[frozenset[str]] = frozenset(_REASONS)


def lower_first(text: str) -> str:
    """A label inside a sentence: "Poor woman" reads "poor woman" mid-sentence."""
    return text[:1].lower() + text[1:]


def format_fact(value: object, lang: Lang = "en") -> str:  # noqa: PLR0911 - one return per kind of fact
    """Write one fact of a reason in words.

    A date is written as :func:`threeno.lang.date` writes it (``dd/mm/yyyy``); a whole
    number as it is (years and article numbers are facts too); a label is the
    enum's label, its first letter in lower case (it sits inside a sentence); a name
    (:class:`Named`) is the name in that language; a time limit is its
    :meth:`~threeno.rules.time_limits.Deadline.summary`; several labels are joined by
    commas.

    >>> import datetime as dt
    >>> from threeno.indicators.explanation import format_fact
    >>> format_fact(dt.date(2024, 2, 15)), format_fact(dt.date(2024, 2, 15), "vi")
    ('15/02/2024', '15/02/2024')

    Raises:
        LanguageError: for a language other than ``"vi"`` or ``"en"``.
    """
    code = check_lang(lang)
    if isinstance(value, LabelledEnum):
        return lower_first(value.label(code))
    if isinstance(value, Named):
        return value.label(code)
    if isinstance(value, Deadline):
        return value.summary(code)
    if isinstance(value, dt.date):
        return date_text(value, code)
    if isinstance(value, tuple):
        return ", ".join(format_fact(v, lang) for v in value)
    if isinstance(value, enum.Enum):  # pragma: no cover - every enum here is labelled
        return str(value.value)
    return str(value)


def _json_fact(value: object) -> object:
    if isinstance(value, LabelledEnum):
        return value.slug
    if isinstance(value, Named):
        return value.slug
    if isinstance(value, Deadline):
        return value.summary("en")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_json_fact(v) for v in value]
    return value


@attrs.frozen(kw_only=True)
class Reason:
    """Why a record counts, fails or is shown apart: a code and its facts.

    Args:
        code: what happened (``"decided"``, ``"not_reached"``, ...: one of the codes
            :meth:`text` has words for).
        facts: the facts the words need, as ``(name, value)`` pairs in order.

    Plan clauses: I.3 and every indicator of the catalogue.

    .. versionadded:: 0.1.0
    """

    code: str
    facts: tuple[tuple[str, Fact], ...] = ()

    def fact(self, name: str) -> Fact | None:
        """The fact called ``name``, or ``None``."""
        return next((value for key, value in self.facts if key == name), None)

    def text(self, lang: Lang = "en") -> str:
        """The reason in words, in English (default) or Vietnamese.

        Raises:
            LanguageError: for a language other than ``"vi"`` or ``"en"``.
        """
        sentence, optional = _REASONS[self.code].sentence(check_lang(lang))
        given = {key: format_fact(value, lang) for key, value in self.facts}
        text = sentence.format_map(given)
        for key, clause in optional:
            if key in given:
                text += clause.format_map(given)
        return text

    def to_dict(self) -> dict[str, object]:
        """The reason as JSON-ready data: its code, its facts, and its English words."""
        return {
            "code": self.code,
            "facts": {key: _json_fact(value) for key, value in self.facts},
            "text": self.text("en"),
        }


@attrs.frozen(kw_only=True, order=False)
class Entry:
    """One record's line in an explanation: its id, its unit, and the reason.

    Args:
        record_id: the record's id (or, for a unit with no review or assessment, the
            unit's code; for an expected report, ``agency period``).
        unit: the code of the unit it was counted in; ``None`` for an agency's report.
        reason: why it counts, fails or is shown apart.

    .. versionadded:: 0.1.0
    """

    record_id: str
    unit: str | None
    reason: Reason

    def text(self, lang: Lang = "en") -> str:
        """``"CR-0017: received 2024-01-25, limit 2024-02-15 (...), decided 2024-02-20"``."""
        return f"{self.record_id}: {self.reason.text(lang)}"

    def sort_key(self) -> tuple[str, str]:
        """The order of entries in an explanation: by record id, then unit."""
        return (self.record_id, self.unit or "")

    def to_dict(self) -> dict[str, object]:
        """The entry as JSON-ready data."""
        return {"id": self.record_id, "unit": self.unit, "reason": self.reason.to_dict()}


class Entries(Sequence[Entry]):
    """Entries sorted by record id, some of them made only when first read.

    What an :class:`Explanation` holds when an evaluation kept where its records were
    read instead of their entries (a stream of a JSON Lines file): the entries kept, and
    the parts to make, each a function that reads the records again. The first look
    (its length, an entry, a comparison) makes every part, sorts all, and keeps the
    result; it is then a tuple in all but its type. It equals the tuple of the same
    entries; pickled, it is that tuple (the records are not read again elsewhere).

    Raises:
        ThreenoError: when first read, if a record cannot be read again (the file
            changed since the evaluation, naming it).

    .. versionadded:: 0.2.0
    """

    __slots__ = ("_entries", "_kept", "_lock", "_parts")

    def __init__(
        self, kept: Sequence[Entry], parts: Sequence[Callable[[], Sequence[Entry]]]
    ) -> None:
        """The entries ``kept``, and those each of ``parts`` makes when first read."""
        self._kept: Sequence[Entry] = kept
        self._parts = tuple(parts)
        self._entries: tuple[Entry, ...] | None = None
        self._lock = threading.Lock()

    def _made(self) -> tuple[Entry, ...]:
        entries = self._entries
        if entries is None:
            with self._lock:
                entries = self._entries
                if entries is None:
                    made = itertools.chain(self._kept, *(part() for part in self._parts))
                    entries = self._entries = tuple(sorted(made, key=Entry.sort_key))
                    self._kept, self._parts = (), ()
        return entries

    @overload
    def __getitem__(self, index: int) -> Entry: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Entry, ...]: ...

    def __getitem__(self, index: int | slice) -> Entry | tuple[Entry, ...]:
        """An entry, or a slice of them as a tuple."""
        return self._made()[index]

    def __len__(self) -> int:
        """How many entries."""
        return len(self._made())

    def __iter__(self) -> Iterator[Entry]:
        """The entries, sorted."""
        return iter(self._made())

    def __eq__(self, other: object) -> bool:
        """Equal to the tuple of the same entries (or other ``Entries`` of them)."""
        if isinstance(other, Entries):
            return self._made() == other._made()
        if isinstance(other, tuple):
            return self._made() == other
        return NotImplemented

    def __hash__(self) -> int:
        """The hash of the tuple of its entries."""
        return hash(self._made())

    def __add__(self, other: Sequence[Entry]) -> tuple[Entry, ...]:
        """The entries then ``other``'s, as a tuple."""
        return (*self._made(), *other)

    def __radd__(self, other: Sequence[Entry]) -> tuple[Entry, ...]:
        """``other``'s entries then these, as a tuple."""
        return (*other, *self._made())

    def __repr__(self) -> str:
        """As the tuple of its entries."""
        return repr(self._made())

    def __reduce__(self) -> tuple[type[tuple[Entry, ...]], tuple[tuple[Entry, ...]]]:
        """Pickled as the tuple of its entries."""
        return tuple, (self._made(),)


@attrs.frozen(kw_only=True)
class Explanation:
    """The records behind one result: counted, failing, and shown apart.

    Entries are sorted by record id, so the same records in any order give an equal
    explanation. In ``failures`` mode the counted records are not kept (except for an
    indicator that counts what the plan wants none of); in ``none`` mode no entry is
    kept: the result's numerator and denominator still say how many there are.

    Each list of entries is a tuple, or, from a stream of JSON Lines files, an
    :class:`Entries` that reads its records again when first looked at (equal to the
    tuple of the same entries).

    Args:
        mode: the explanation mode the evaluation ran with.
        counted: the records in the numerator.
        failures: the records in the denominator and not in the numerator that fail.
        in_progress: the records in the denominator and not in the numerator that do not
            fail, or not yet: a crime report still being handled within its time limit at
            the period's end, or suspended (``reports.resolved``, unless a suspension
            counts as resolved).
        apart: the records shown apart, not in the numerator or denominator.
        in_progress_count: how many records are in progress, kept or not.

    Plan clauses: I.3 and every indicator of the catalogue.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 ``in_progress``.
    .. versionchanged:: 0.2.0 a list of entries may be :class:`Entries`.
    """

    mode: str
    counted: Sequence[Entry] = ()
    failures: Sequence[Entry] = ()
    apart: Sequence[Entry] = ()
    in_progress: Sequence[Entry] = ()
    in_progress_count: int = 0

    @property
    def counted_ids(self) -> tuple[str, ...]:
        """The ids of the records counted (those kept), sorted."""
        return tuple(e.record_id for e in self.counted)

    @property
    def failure_ids(self) -> tuple[str, ...]:
        """The ids of the failing records (those kept), sorted."""
        return tuple(e.record_id for e in self.failures)

    def to_dict(self) -> dict[str, object]:
        """The explanation as JSON-ready data."""
        return {
            "mode": self.mode,
            "counted": [e.to_dict() for e in self.counted],
            "failures": [e.to_dict() for e in self.failures],
            "in_progress": [e.to_dict() for e in self.in_progress],
            "in_progress_count": self.in_progress_count,
            "apart": [e.to_dict() for e in self.apart],
        }
