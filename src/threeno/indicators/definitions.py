"""What an indicator is: its kind, level, disaggregations, and the age groups it uses.

An :class:`Indicator` is a definition, not a number: its id, its names in Vietnamese and
English, whether it is a count or a share, what its numerator and denominator count,
the disaggregations and extra figures it reports, and the code that counts it (an
accumulator class of :mod:`threeno.indicators.counting`, whose docstring is the exact
counting rule, so the rule is written once). The catalogue of
:mod:`threeno.indicators.catalogue` holds one per indicator, and is the only list of them.

Plan clauses: I.1-I.5, II.1.b, II.2.b, II.3.b, II.4.b, III.2.c, III.4.c, IV.1, IV.2.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt  # noqa: TC003 - Sphinx evaluates the annotations to link them
import inspect
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final, Protocol

import attrs

from threeno.lang import Lang, check_lang
from threeno.lang import count as lang_count
from threeno.lang import target as lang_target
from threeno.model._base import LabelledEnum, as_tuple, fail, non_empty, of_enum, tuple_of
from threeno.model.enums import (
    Channel,
    Decision,
    Ethnicity,
    ReportSource,
    Sex,
    SubjectCategory,
    SupportKind,
)
from threeno.model.plan import INDICATOR_ID, ReportKind

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from threeno.indicators.counting import Accumulator
    from threeno.model.plan import Target

__all__ = [
    "AGE_GROUPS",
    "CHANNEL_UNITS",
    "FIGURES",
    "FIGURE_UNITS",
    "AgeGroup",
    "CountUnit",
    "Dimension",
    "Indicator",
    "IndicatorKind",
    "Level",
    "Sentence",
    "age_group",
]


class IndicatorKind(LabelledEnum):
    """Whether an indicator's value is a count, a share or a ratio.

    - ``count``: a whole number of records, people or events (``value`` is an ``int``);
      it has no denominator.
    - ``share``: a numerator over a denominator that contains it, a fraction in [0, 1]
      (``value`` is a ``float``, ``None`` when the denominator is 0: *no data*). The
      plan's "100%" is ``1.0``.
    - ``ratio``: a numerator over a denominator that does not contain it (a ``float``,
      not bounded by 1). No indicator of the 2024 catalogue is a ratio; the kind is
      there for other plans.

    Plan clauses: I.3 ("100%"), I.5 ("07/07"), II.2.b ("100%").

    .. versionadded:: 0.1.0
    """

    COUNT = ("count", "Số lượng", "Count")
    SHARE = ("share", "Tỷ lệ", "Share")
    RATIO = ("ratio", "Tỷ số", "Ratio")


class Level(LabelledEnum):
    """What an indicator is counted by: the communes and wards, or the reporting agencies.

    Every indicator but those of reporting (plan clause IV.2) is counted per commune or
    ward and summed over them; reports are sent by agencies, which are not wards, so
    ``reporting.*`` results have no ``by_unit`` entries and break down by agency instead.

    Plan clauses: I.5 ("07/07 xã, phường"), IV.2.

    .. versionadded:: 0.1.0
    """

    UNIT = ("unit", "Theo xã, phường", "By commune or ward")
    AGENCY = ("agency", "Theo cơ quan, đơn vị báo cáo", "By reporting agency")


class Dimension(LabelledEnum):
    """A disaggregation: a way to split an indicator's numerator and denominator.

    The dimensions: source and offence of a crime report (Bộ luật Tố tụng hình sự 2015,
    Art. 144; Bộ luật Hình sự 2015), the decision on it (Art. 147), the subject's
    category, channel and language of outreach (plan I.2, II.2.b), the kind of support
    (II.3.b), ethnicity (I.2), sex and age group, and, for reporting, the agency and the
    kind of report (IV.2).

    Each dimension with a fixed vocabulary knows it: :attr:`vocabulary` is its categories'
    slugs in their order (the order of breakdowns), :meth:`label_of` a category's label.
    The offence (article numbers), the language (ISO 639 codes) and the agency (the
    plan's) have none.

    >>> from threeno.indicators.definitions import Dimension
    >>> Dimension.AGE_GROUP.vocabulary[:2], Dimension.SEX.label_of("female", "en")
    (('under_16', '16_17'), 'Female')
    >>> Dimension.OFFENCE.vocabulary is None
    True

    Plan clauses: I.1, I.2, I.3, II.2.b, II.3.b, IV.2.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       ``vocabulary`` and ``label_of``.
    """

    SOURCE = ("source", "Nguồn tin về tội phạm", "Source")
    OFFENCE = ("offence", "Tội danh (điều của Bộ luật Hình sự)", "Offence (article)")
    DECISION = ("decision", "Quyết định giải quyết", "Decision")
    CATEGORY = ("category", "Diện quản lý", "Category")
    CHANNEL = ("channel", "Hình thức tuyên truyền", "Channel")
    LANGUAGE = ("language", "Ngôn ngữ tuyên truyền", "Language")
    SUPPORT_KIND = ("support_kind", "Hình thức hỗ trợ", "Kind of support")
    ETHNICITY = ("ethnicity", "Dân tộc", "Ethnicity")
    SEX = ("sex", "Giới tính", "Sex")
    AGE_GROUP = ("age_group", "Nhóm tuổi", "Age group")
    AGENCY = ("agency", "Cơ quan, đơn vị báo cáo", "Reporting agency")
    REPORT_KIND = ("report_kind", "Loại báo cáo", "Kind of report")

    @property
    def vocabulary(self) -> tuple[str, ...] | None:
        """The slugs of its categories, in their order; ``None`` when it has no fixed list."""
        found = _VOCABULARIES.get(self)
        return None if found is None else tuple(found)

    def label_of(self, slug: str, lang: Lang = "vi") -> str | None:
        """The label of the category ``slug`` in ``"vi"`` or ``"en"``.

        ``None`` for a slug not in the vocabulary, or a dimension without one (the caller
        names an article, a language or an agency its own way).

        Raises:
            LanguageError: for another language.
        """
        check_lang(lang)
        found = _VOCABULARIES.get(self)
        category = None if found is None else found.get(slug)
        return None if category is None else category.label(lang)


@attrs.frozen
class CountUnit:
    """What one counted thing is called: ``tin``, ``vụ``, ``người``, ``lượt người``.

    A report never prints a bare count: ``35 tin``, ``10 vụ``, ``19.353 lượt người``
    (``35 reports``, ``10 cases``). Official reports count crime reports in *tin*, cases
    in *vụ*, defendants in *bị can*, persons in *người*, meetings in *cuộc* or *buổi*,
    attendances in *lượt người*, loudspeaker broadcasts in *lần phát* (a broadcast has no
    attendees) and communes and wards in *xã, phường*; the docs' term list
    (``docs/reference/terms.md``) gives each with its source.

    >>> from threeno.indicators.definitions import CountUnit
    >>> u = CountUnit("tin", "reports")
    >>> u.text(19353, "vi"), u.text(1, "en")
    ('19.353 tin', '1 report')

    Args:
        vi: the Vietnamese word, which does not change with the number.
        en: the English plural; the singular drops a final ``s``
            (:func:`threeno.lang.count`) unless ``en_one`` gives it.
        en_one: the English singular, where dropping the ``s`` would not give it.

    .. versionadded:: 0.2.0
    """

    vi: str = attrs.field(validator=non_empty)
    en: str = attrs.field(validator=non_empty)
    en_one: str | None = None

    def label(self, lang: Lang = "vi") -> str:
        """The unit's word in ``"vi"`` or ``"en"`` (the English plural).

        Raises:
            LanguageError: for another language.
        """
        return _pick(lang, self.vi, self.en)

    def text(self, value: int, lang: Lang = "vi") -> str:
        """``value`` with this unit, grouped as the language writes numbers.

        Raises:
            LanguageError: for another language.
        """
        code = check_lang(lang)
        if code == "en" and value == 1 and self.en_one is not None:
            return f"1 {self.en_one}"
        return lang_count(value, self.vi, self.en, code)


@attrs.frozen(kw_only=True)
class AgeGroup:
    """An age band, both ends included (``last`` ``None``: no upper end).

    Args:
        slug: the band's key in breakdowns (``"16_17"``).
        first: the first age in the band.
        last: the last age in the band, or ``None``.
        vi: the Vietnamese label.
        en: the English label.

    .. versionadded:: 0.1.0
    """

    slug: str
    first: int
    last: int | None
    vi: str
    en: str

    def label(self, lang: Lang = "vi") -> str:
        """The label in ``"vi"`` or ``"en"``.

        Raises:
            LanguageError: for another language.
        """
        return _pick(lang, self.vi, self.en)


#: The age groups of the breakdowns, from the age reached in the year of the period's
#: end. 16 is the threshold of Bộ luật Hình sự 2015, Art. 151 and 153 (trafficking and
#: appropriation of persons under 16); 18 is full age (Bộ luật Dân sự 2015, Art. 20;
#: Luật Phòng, chống mua bán người 2024, Art. 37(3) treats persons under 18 travelling
#: with a victim apart). 30 and 45 only split the adult women into young, middle and
#: older groups for reporting: no legal text sets them.
AGE_GROUPS: Final[tuple[AgeGroup, ...]] = (
    AgeGroup(slug="under_16", first=0, last=15, vi="Dưới 16 tuổi", en="Under 16"),
    AgeGroup(slug="16_17", first=16, last=17, vi="Từ 16 đến dưới 18 tuổi", en="16 to 17"),
    AgeGroup(slug="18_29", first=18, last=29, vi="Từ 18 đến 29 tuổi", en="18 to 29"),
    AgeGroup(slug="30_44", first=30, last=44, vi="Từ 30 đến 44 tuổi", en="30 to 44"),
    AgeGroup(slug="45_plus", first=45, last=None, vi="Từ 45 tuổi trở lên", en="45 and over"),
)


class _Category(Protocol):
    """A category of a breakdown: an enumeration's member or an age group."""

    @property
    def slug(self) -> str: ...  # the category's key in breakdowns

    def label(self, lang: Lang = "vi") -> str: ...  # its label in "vi" or "en"


def _by_slug(categories: Iterable[_Category]) -> Mapping[str, _Category]:
    return MappingProxyType({c.slug: c for c in categories})


# The vocabulary of each dimension that has a fixed one, in the order of its breakdowns
# (:attr:`Dimension.vocabulary`): the enumeration's order, or the age groups' from young
# to old. The engine orders breakdown cells by it and the report labels them with it.
_VOCABULARIES: Final[Mapping[Dimension, Mapping[str, _Category]]] = {
    Dimension.SOURCE: _by_slug(ReportSource),
    Dimension.DECISION: _by_slug(Decision),
    Dimension.CATEGORY: _by_slug(SubjectCategory),
    Dimension.CHANNEL: _by_slug(Channel),
    Dimension.SUPPORT_KIND: _by_slug(SupportKind),
    Dimension.ETHNICITY: _by_slug(Ethnicity),
    Dimension.SEX: _by_slug(Sex),
    Dimension.AGE_GROUP: _by_slug(AGE_GROUPS),
    Dimension.REPORT_KIND: _by_slug(ReportKind),
}


def age_group(birth_year: int, on: dt.date) -> str:
    """The slug of the :data:`AGE_GROUPS` band of a person born in ``birth_year``, on ``on``.

    The register records a birth year, not a birth date, so the age is the age reached in
    the year of ``on`` (``on.year - birth_year``): a girl born in 2008 is 16 for the whole
    of a period ending in 2024, even before her birthday. A birth year after ``on``'s
    year (a person registered later) counts as age 0.

    >>> import datetime as dt
    >>> from threeno.indicators.definitions import age_group
    >>> age_group(2008, dt.date(2024, 12, 14)), age_group(1979, dt.date(2024, 12, 14))
    ('16_17', '45_plus')

    Source: Bộ luật Hình sự 2015, Art. 151, 153 (under 16); Bộ luật Dân sự 2015, Art. 20.
    """
    age = max(on.year - birth_year, 0)
    for group in AGE_GROUPS:
        if group.last is None or age <= group.last:
            return group.slug
    return AGE_GROUPS[-1].slug  # pragma: no cover - the last band has no upper end


#: The extra figures an indicator may report beside its numerator and denominator,
#: with their Vietnamese and English labels. A figure counts in its indicator's
#: ``unit`` unless :data:`FIGURE_UNITS` gives it its own.
FIGURES: Final[dict[str, tuple[str, str]]] = {
    "received_in_period": ("Tiếp nhận mới trong kỳ", "received in the period"),
    "pending_at_start": ("Kỳ trước chuyển sang", "carried over from the previous period"),
    "pending_at_end": ("Chưa giải quyết tại ngày cuối kỳ", "pending at the period's end"),
    "decided_on_time": ("Đã giải quyết đúng hạn", "decided on time"),
    "decided_late": ("Đã giải quyết quá hạn", "decided late"),
    "suspended_at_end": (
        "Đang tạm đình chỉ tại ngày cuối kỳ",
        "suspended at the period's end (tạm đình chỉ)",
    ),
    "pending_within_limit": (
        "Đang giải quyết, còn trong hạn tại ngày cuối kỳ",
        "being handled, within the limit, at the period's end",
    ),
    "overdue_at_end": (
        "Quá hạn chưa giải quyết tại ngày cuối kỳ",
        "overdue, not resolved, at the period's end",
    ),
    "other_offences": (
        "Thuộc tội danh khác (không tính vào chỉ tiêu)",
        "about other offences (not counted)",
    ),
    "new_in_period": ("Phát sinh mới trong kỳ", "new in the period"),
    "opened": ("Khởi tố", "opened"),
    "indicted": ("Truy tố", "indicted"),
    "tried": ("Xét xử", "tried"),
    "defendants": ("Bị can của các vụ khởi tố trong kỳ", "defendants of the cases opened"),
    "participants": ("Người tham dự", "attendances"),
    "adhoc": ("Báo cáo đột xuất", "ad hoc reports"),
    "unexpected": ("Báo cáo không thuộc diện phải gửi", "reports not asked for"),
}

#: The figures that count in a unit of their own rather than their indicator's, such as
#: the attendances of meetings and the defendants of cases.
FIGURE_UNITS: Final[dict[str, CountUnit]] = {
    "participants": CountUnit("lượt người", "attendances"),
    "defendants": CountUnit("bị can", "defendants"),
}

#: What an outreach event of each channel is counted as (plan II.2.b lists the
#: channels), and whether people attend it: a meeting has attendees (*lượt người tham
#: dự*), a loudspeaker or television broadcast, a post, a panel or a poster has none, so
#: its ``participants`` are never shown as attendances. The data record events, not
#: minutes on air, so a broadcast counts as a *lần phát*.
CHANNEL_UNITS: Final[dict[str, tuple[CountUnit, bool]]] = {
    "loudspeaker": (CountUnit("lần phát", "broadcasts"), False),
    "face_to_face": (CountUnit("buổi", "sessions"), True),
    "pictures": (CountUnit("hoạt động", "events"), False),
    "documentary": (CountUnit("phóng sự", "documentary reports"), False),
    "television": (CountUnit("lần phát sóng", "broadcasts"), False),
    "panel_poster": (CountUnit("hoạt động", "events"), False),
    "social_media": (CountUnit("tin, bài", "posts"), False),
    "school": (CountUnit("buổi", "sessions"), True),
    "workshop": (CountUnit("cuộc", "meetings"), True),
    "other": (CountUnit("hoạt động", "events"), False),
}

#: The placeholders of a :class:`Sentence`'s main text.
SENTENCE_FIELDS: Final = ("n", "d", "pct")


def _sentence_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        fail(instance, attribute.name, "must be a non-empty text")
    try:
        value.format(n="", d="", pct="")
    except (KeyError, IndexError, ValueError):
        fields = ", ".join(f"{{{f}}}" for f in SENTENCE_FIELDS)
        fail(instance, attribute.name, f"may hold only the placeholders {fields}")


def _optional_clauses(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple):
        fail(instance, attribute.name, "must be a tuple of (figure, Vietnamese, English)")
    for i, clause in enumerate(value):
        ok = isinstance(clause, tuple) and len(clause) == 3
        if not ok or clause[0] not in FIGURES:
            fail(instance, f"{attribute.name}[{i}]", "must be (a key of FIGURES, vi, en)")
        for text in clause[1:]:
            try:
                text.format(n="")
            except (KeyError, IndexError, ValueError):
                fail(instance, f"{attribute.name}[{i}]", "may hold only the placeholder {n}")


def _clause_tuple(value: Iterable[tuple[str, str, str]]) -> tuple[tuple[str, str, str], ...]:
    return as_tuple(value)


@attrs.frozen(kw_only=True)
class Sentence:
    """How a report writes an indicator's result in a sentence, in Vietnamese and English.

    The body of the consolidated report weaves the whole area's result into its text
    (:mod:`threeno.reporting.sentences`): the sentence is data, beside the indicator's
    name and what its numerator and denominator count, and says the unit of each count
    ("35 tin", "4 vụ"). Its text holds ``{n}`` (the numerator), ``{d}`` (the
    denominator, for a share) and ``{pct}`` (the share as a percentage in brackets,
    `` (94,3%)``, or nothing when it cannot be given); each optional clause, ``(figure,
    Vietnamese, English)``, is added after it when the result reports that figure
    (:data:`FIGURES`), ``{n}`` being the figure's number. A hidden number of a published
    report is written as its mark, never as the number.

    >>> from threeno.indicators.catalogue import get
    >>> get("reports.classified").sentence.vi
    'đã phân loại {n}/{d} tin{pct}'

    .. versionadded:: 0.2.0
    """

    vi: str = attrs.field(validator=_sentence_text)
    en: str = attrs.field(validator=_sentence_text)
    optional: tuple[tuple[str, str, str], ...] = attrs.field(
        default=(), converter=_clause_tuple, validator=_optional_clauses
    )

    def text(self, lang: Lang = "vi") -> str:
        """The main text in ``"vi"`` or ``"en"``."""
        return _pick(lang, self.vi, self.en)

    def clauses(self, lang: Lang = "vi") -> tuple[tuple[str, str], ...]:
        """The optional clauses ``(figure, text)`` in ``"vi"`` or ``"en"``."""
        index = 1 if check_lang(lang) == "vi" else 2
        return tuple((clause[0], clause[index]) for clause in self.optional)


def _pick(lang: Lang, vi: str, en: str) -> str:
    return vi if check_lang(lang) == "vi" else en


def _indicator_id(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not INDICATOR_ID.fullmatch(value):
        fail(
            instance,
            attribute.name,
            f"must be an indicator id such as reports.on_time, not {value!r}",
        )


# Typed converters: mypy's attrs plugin cannot solve a generic converter's type variable.
def _texts(value: Iterable[str]) -> tuple[str, ...]:
    return as_tuple(value)


def _dimensions(value: Iterable[Dimension]) -> tuple[Dimension, ...]:
    return as_tuple(value)


def _offences(value: object) -> frozenset[int] | None:
    if value is None or isinstance(value, frozenset):
        return value
    if isinstance(value, (set, list, tuple)):
        return frozenset(value)
    return value  # type: ignore[return-value]  # the validator names the error


def _check_offences(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, frozenset) or not value:
        fail(instance, attribute.name, "must be a non-empty set of article numbers, or None")
    for article in sorted(value, key=str):
        if isinstance(article, bool) or not isinstance(article, int) or article < 1:
            fail(instance, attribute.name, f"{article!r} is not an article number")


@attrs.frozen(kw_only=True)
class Indicator:
    """The definition of one indicator of the catalogue.

    The counting rule is the docstring of ``accumulator`` (:attr:`rule`), the code that
    counts it: the rule is written once, beside the code, and the generated catalogue
    prints it. A definition names no plan clause: which clauses an indicator serves is
    the plan's to say (``Plan.clauses_for``), so one catalogue serves every locality.

    Args:
        id: the stable id, which plan files name, e.g. ``"reports.on_time"``.
        name_vi: the name in Vietnamese, NFC.
        name_en: the name in English.
        kind: count, share or ratio.
        level: counted per commune or ward, or per reporting agency.
        numerator_vi: what the numerator counts, in Vietnamese.
        numerator_en: what the numerator counts, in English.
        denominator_vi: what the denominator counts, in Vietnamese (``None`` for a count).
        denominator_en: the same in English.
        disaggregations: the breakdowns it reports, in order.
        figures: the extra figures it reports (keys of :data:`FIGURES`).
        adverse: whether it counts what the plan wants none of (overdue reports, wrongful
            convictions, crimes missed): then the records counted are the ones an official
            acts on, and ``explain="failures"`` keeps them.
        unit: what its numerator and denominator count in (``tin``, ``vụ``, ``người``):
            every count a report prints carries it.
        offences: the articles of Bộ luật Hình sự 2015 whose reports or cases it counts;
            ``None`` counts every article in the data. Only the indicators on crime
            reports and criminal cases read it.
        accumulator: the class that counts it (see :mod:`threeno.indicators.counting`).
        sentence: how a report writes its result in a sentence (:class:`Sentence`);
            ``None``: its name and value.

    Raises:
        ValidationError: naming the field, for an id of the wrong form, an empty name, an
            unknown figure, a share without a denominator, or bad offences.

    Plan clauses: every clause the catalogue serves (the indicators guide, "The catalogue").

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       ``clauses`` removed: the plan evaluated names the clauses
       (``IndicatorSet.clauses`` of :mod:`threeno.indicators.results`);
       ``unit``; ``sentence``.
    """

    id: str = attrs.field(validator=_indicator_id)
    name_vi: str = attrs.field(validator=non_empty)
    name_en: str = attrs.field(validator=non_empty)
    kind: IndicatorKind = attrs.field(validator=of_enum(IndicatorKind))
    level: Level = attrs.field(default=Level.UNIT, validator=of_enum(Level))
    numerator_vi: str = attrs.field(validator=non_empty)
    numerator_en: str = attrs.field(validator=non_empty)
    denominator_vi: str | None = attrs.field(default=None)
    denominator_en: str | None = attrs.field(default=None)
    disaggregations: tuple[Dimension, ...] = attrs.field(
        default=(), converter=_dimensions, validator=tuple_of(Dimension, unique=True)
    )
    figures: tuple[str, ...] = attrs.field(
        default=(), converter=_texts, validator=tuple_of(str, unique=True)
    )
    adverse: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
    unit: CountUnit = attrs.field(validator=attrs.validators.instance_of(CountUnit))
    offences: frozenset[int] | None = attrs.field(
        default=None, converter=_offences, validator=_check_offences
    )
    accumulator: type[Accumulator] = attrs.field(repr=False)
    sentence: Sentence | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Sentence))
    )

    def __attrs_post_init__(self) -> None:
        """Check the figures and that a share or ratio has a denominator (and a count none)."""
        for i, figure in enumerate(self.figures):
            if figure not in FIGURES:
                fail(self, f"figures[{i}]", f"unknown figure {figure!r}")
        for i, (figure, _, _) in enumerate(self.sentence.optional if self.sentence else ()):
            if figure not in self.figures:
                fail(self, f"sentence.optional[{i}]", f"{figure!r} is not among its figures")
        has_denominator = self.denominator_vi is not None and self.denominator_en is not None
        if self.kind is IndicatorKind.COUNT and has_denominator:
            fail(self, "denominator_en", "a count has no denominator")
        if self.kind is not IndicatorKind.COUNT and not has_denominator:
            fail(self, "denominator_en", f"a {self.kind.value} needs a denominator in vi and en")

    @property
    def rule(self) -> str:
        """The exact counting rule, which is the docstring of the code that counts it."""
        return inspect.getdoc(self.accumulator) or ""

    def name(self, lang: Lang = "vi") -> str:
        """The name in ``"vi"`` (default) or ``"en"``.

        Raises:
            LanguageError: for another language.
        """
        return _pick(lang, self.name_vi, self.name_en)

    def numerator(self, lang: Lang = "vi") -> str:
        """What the numerator counts, in ``"vi"`` or ``"en"``."""
        return _pick(lang, self.numerator_vi, self.numerator_en)

    def denominator(self, lang: Lang = "vi") -> str | None:
        """What the denominator counts, in ``"vi"`` or ``"en"`` (``None`` for a count)."""
        if self.denominator_vi is None or self.denominator_en is None:
            _pick(lang, "", "")  # still refuse an unknown language
            return None
        return _pick(lang, self.denominator_vi, self.denominator_en)

    def target_value(self, value: float, lang: Lang = "vi") -> str:
        """A target's value for this indicator, as the plan writes it, in ``"vi"`` or ``"en"``.

        A share is a percentage, whole when it is (``100%``) and with one decimal otherwise
        (``95,5%``; ``95.5%`` in English); a count is a number grouped as the language
        writes it (``1.000``; ``1,000``), or with its decimals if it has any.

        >>> from threeno.indicators.catalogue import get
        >>> get("reports.on_time").target_value(1.0), get("reports.overdue").target_value(0)
        ('100%', '0')

        Raises:
            LanguageError: for another language.
        """
        return lang_target(value, check_lang(lang), share=self.kind is not IndicatorKind.COUNT)

    def target_text(self, target: Target, lang: Lang = "vi") -> str:
        """A target for this indicator in words: its comparator and its value.

        >>> from threeno.indicators.catalogue import get
        >>> from threeno.plans import load_plan
        >>> plan = load_plan("lai-chau-2024")
        >>> get("reports.on_time").target_text(plan.target("reports.on_time"), "en")
        'at least 100%'

        Raises:
            LanguageError: for another language.
        """
        return target.text(check_lang(lang), share=self.kind is not IndicatorKind.COUNT)

    def with_offences(
        self, articles: frozenset[int] | set[int] | tuple[int, ...] | None
    ) -> Indicator:
        """A copy that counts the reports or cases of ``articles`` (``None``: every article).

        A plan whose scope is wider than trafficking (the 2024 plan's title covers fraud
        and coercion into illegal emigration) widens ``cases.prosecuted`` to 150, 151,
        348, 349 and 174 with
        ``get("cases.prosecuted").with_offences({150, 151, 174, 348, 349})``.

        Raises:
            ValidationError: for an empty set or something that is not an article number.

        Source: Bộ luật Hình sự 2015, Art. 150, 151, 153, 174, 348, 349.
        """
        return attrs.evolve(self, offences=articles)

    def counts(self, article: int) -> bool:
        """Whether a report or case under ``article`` is within the ``offences`` counted."""
        return self.offences is None or article in self.offences
