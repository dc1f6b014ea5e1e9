"""The catalogue: the definition of every indicator of the plan, by id.

The catalogue is data, a tuple of :class:`~threeno.indicators.definitions.Indicator`
definitions in the order of the indicators guide's table (``docs/guides/indicators.md``,
"The catalogue"), and a registry (:func:`catalogue`, :func:`get`). It is the only list of
indicators: the ids plan files may name (:data:`CATALOGUE_IDS`), the shares among them
(:data:`SHARE_IDS`), :data:`ALL_INDICATORS` and the generated catalogue page are read
from it. A plan chooses indicators and sets targets by id; a definition's counting rule
is :attr:`Indicator.rule <threeno.indicators.definitions.Indicator.rule>`.

The catalogue keeps no locality's clause ids: the clauses an indicator serves are those
of the plan evaluated that list it (``Plan.clauses_for``), so every plan shows its own.

>>> from threeno.indicators.catalogue import ALL_INDICATORS, SHARE_IDS, get
>>> ind = get("reports.on_time")
>>> ind.kind.value, ind.name("en")
('share', 'Share of crime reports resolved within the time limit')
>>> len(ALL_INDICATORS), ALL_INDICATORS[0]
(18, 'subjects.monitored')
>>> "reports.on_time" in SHARE_IDS, "reports.overdue" in SHARE_IDS
(True, False)

Plan clauses: I.1, I.2, I.3, I.5, II.1.b, II.2.b, II.3.b, II.4.b, III.2.c, III.4.c, IV.1, IV.2.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, Final

from threeno.errors import ValidationError
from threeno.indicators import counting as c
from threeno.indicators.definitions import (
    CountUnit,
    Dimension,
    Indicator,
    IndicatorKind,
    Level,
    Sentence,
)

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["ALL_INDICATORS", "CATALOGUE", "CATALOGUE_IDS", "SHARE_IDS", "catalogue", "get"]

_COUNT = IndicatorKind.COUNT
_SHARE = IndicatorKind.SHARE
_PERSON = (Dimension.ETHNICITY, Dimension.AGE_GROUP)

# What each indicator counts in (the docs' term list gives the source of each word).
_WOMEN = CountUnit("người", "women", "woman")
_PERSONS = CountUnit("người", "persons")
_VICTIMS = CountUnit("nạn nhân", "victims")
_TIN = CountUnit("tin", "reports")
_VU = CountUnit("vụ", "cases")
_DECISIONS = CountUnit("quyết định", "decisions")
_UNITS = CountUnit("xã, phường", "communes and wards", "commune or ward")
_EVENTS = CountUnit("hoạt động", "events")
_REPORTS = CountUnit("báo cáo", "reports")

#: Every indicator of the catalogue, in the order of the indicators guide's table. Each
#: id is stable: plan files name it.
CATALOGUE: Final[tuple[Indicator, ...]] = (
    Indicator(
        id="subjects.monitored",
        name_vi="Số phụ nữ thuộc diện quản lý",
        name_en="Women under management",
        kind=_COUNT,
        numerator_vi="Phụ nữ thuộc diện quản lý tại ngày cuối kỳ",
        numerator_en="women under management on the period's last day",
        disaggregations=(Dimension.CATEGORY, *_PERSON),
        unit=_WOMEN,
        accumulator=c.SubjectsMonitored,
        sentence=Sentence(
            vi="đến ngày cuối kỳ, có {n} phụ nữ thuộc diện quản lý",
            en="{n} women were under management on the period's last day",
        ),
    ),
    Indicator(
        id="subjects.emigrated",
        name_vi="Số phụ nữ xuất cảnh trái phép, bị dụ dỗ, lôi kéo, bán qua nước ngoài",
        name_en="Women who emigrated illegally or were lured or sold abroad",
        kind=_COUNT,
        numerator_vi="Phụ nữ thuộc hai nhóm này tại ngày cuối kỳ",
        numerator_en="women in either category on the period's last day",
        disaggregations=(Dimension.CATEGORY, *_PERSON),
        figures=("new_in_period",),
        unit=_WOMEN,
        accumulator=c.SubjectsEmigrated,
        sentence=Sentence(
            vi=(
                "số phụ nữ xuất cảnh trái phép, bị dụ dỗ, lôi kéo, bán qua nước ngoài là {n} người"
            ),
            en="{n} women had emigrated illegally or been lured or sold abroad by the period's end",
            optional=(
                (
                    "new_in_period",
                    ", trong đó phát sinh mới trong kỳ {n} người",
                    ", {n} of them new",
                ),
            ),
        ),
    ),
    Indicator(
        id="reports.received",
        name_vi="Số tố giác, tin báo về tội phạm, kiến nghị khởi tố được tiếp nhận",
        name_en="Crime reports received",
        kind=_COUNT,
        numerator_vi="Tố giác, tin báo, kiến nghị khởi tố tiếp nhận trong kỳ",
        numerator_en="crime reports received in the period",
        disaggregations=(Dimension.SOURCE, Dimension.OFFENCE),
        figures=("other_offences",),
        unit=_TIN,
        accumulator=c.ReportsReceived,
        sentence=Sentence(
            vi="trong kỳ, tiếp nhận {n} tin tố giác, tin báo về tội phạm, kiến nghị khởi tố",
            en="{n} crime reports were received in the period",
            optional=(
                (
                    "other_offences",
                    "; ngoài ra, {n} tin thuộc tội danh khác, không tính",
                    "; besides, {n} about other offences, not counted",
                ),
            ),
        ),
    ),
    Indicator(
        id="reports.classified",
        name_vi="Tỷ lệ tố giác, tin báo về tội phạm, kiến nghị khởi tố được phân loại",
        name_en="Share of crime reports classified",
        kind=_SHARE,
        numerator_vi="Tiếp nhận trong kỳ và đã phân loại đến ngày cuối kỳ",
        numerator_en="received in the period and classified by its end",
        denominator_vi="Tiếp nhận trong kỳ",
        denominator_en="received in the period",
        disaggregations=(Dimension.SOURCE,),
        figures=("other_offences",),
        unit=_TIN,
        accumulator=c.ReportsClassified,
        sentence=Sentence(
            vi="đã phân loại {n}/{d} tin{pct}",
            en="{n} of the {d} reports received were classified{pct}",
        ),
    ),
    Indicator(
        id="reports.resolved",
        name_vi="Tỷ lệ tố giác, tin báo về tội phạm, kiến nghị khởi tố được giải quyết",
        name_en="Share of crime reports resolved",
        kind=_SHARE,
        numerator_vi="Đã ra quyết định giải quyết (khởi tố, không khởi tố, chuyển) trong kỳ",
        numerator_en="finally decided in the period (khởi tố, không khởi tố, chuyển)",
        denominator_vi="Số tin phải giải quyết (kỳ trước chuyển sang và tiếp nhận mới)",
        denominator_en="reports to resolve (carried over and received in the period)",
        disaggregations=(Dimension.SOURCE, Dimension.DECISION),
        figures=(
            "pending_at_start",
            "received_in_period",
            "decided_on_time",
            "decided_late",
            "suspended_at_end",
            "pending_within_limit",
            "overdue_at_end",
            "other_offences",
        ),
        unit=_TIN,
        accumulator=c.ReportsResolved,
        sentence=Sentence(
            vi="đã giải quyết {n}/{d} tin phải giải quyết trong kỳ{pct}",
            en="{n} of the {d} reports to resolve in the period were resolved{pct}",
            optional=(
                (
                    "pending_at_start",
                    "; kỳ trước chuyển sang {n} tin",
                    "; {n} carried over from the previous period",
                ),
                ("received_in_period", "; tiếp nhận mới trong kỳ {n} tin", "; {n} received in it"),
                (
                    "suspended_at_end",
                    "; đang tạm đình chỉ tại ngày cuối kỳ {n} tin",
                    "; {n} suspended at the period's end",
                ),
                (
                    "pending_within_limit",
                    "; đang giải quyết, còn trong hạn {n} tin",
                    "; {n} being handled within their time limit",
                ),
            ),
        ),
    ),
    Indicator(
        id="reports.on_time",
        name_vi="Tỷ lệ tố giác, tin báo về tội phạm, kiến nghị khởi tố giải quyết đúng thời hạn",
        name_en="Share of crime reports resolved within the time limit",
        kind=_SHARE,
        numerator_vi="Giải quyết trong thời hạn luật định",
        numerator_en="decided within the statutory time limit",
        denominator_vi="Đã ra quyết định giải quyết trong kỳ",
        denominator_en="finally decided in the period",
        disaggregations=(Dimension.SOURCE,),
        figures=("other_offences",),
        unit=_TIN,
        accumulator=c.ReportsOnTime,
        sentence=Sentence(
            vi="giải quyết trong thời hạn luật định {n}/{d} tin đã giải quyết{pct}",
            en="{n} of the {d} reports decided were decided within the time limit{pct}",
        ),
    ),
    Indicator(
        id="reports.overdue",
        name_vi="Số tố giác, tin báo về tội phạm, kiến nghị khởi tố quá hạn chưa giải quyết",
        name_en="Crime reports overdue",
        kind=_COUNT,
        numerator_vi="Chưa giải quyết, không tạm đình chỉ, đã quá hạn tại ngày cuối kỳ",
        numerator_en="pending, not suspended, past their limit at the period's end",
        disaggregations=(Dimension.SOURCE,),
        figures=("pending_at_end", "suspended_at_end", "other_offences"),
        adverse=True,
        unit=_TIN,
        accumulator=c.ReportsOverdue,
        sentence=Sentence(
            vi="tại ngày cuối kỳ, còn {n} tin quá hạn chưa giải quyết",
            en="{n} reports were pending past their time limit at the period's end",
            optional=(
                (
                    "pending_at_end",
                    "; chưa giải quyết tại ngày cuối kỳ {n} tin",
                    "; {n} pending at the period's end",
                ),
            ),
        ),
    ),
    Indicator(
        id="cases.prosecuted",
        name_vi="Số vụ án mua bán người được khởi tố, truy tố, xét xử",
        name_en="Trafficking cases opened, indicted and tried",
        kind=_COUNT,
        numerator_vi="Vụ án khởi tố trong kỳ",
        numerator_en="cases opened in the period",
        disaggregations=(Dimension.OFFENCE,),
        figures=("opened", "indicted", "tried", "defendants", "other_offences"),
        offences=c.DEFAULT_TRAFFICKING_OFFENCES,
        unit=_VU,
        accumulator=c.CasesProsecuted,
        sentence=Sentence(
            vi="khởi tố {n} vụ án mua bán người",
            en="{n} trafficking cases were opened",
            optional=(
                ("indicted", "; truy tố {n} vụ", "; {n} indicted"),
                ("tried", "; xét xử {n} vụ", "; {n} tried"),
                (
                    "defendants",
                    "; các vụ khởi tố trong kỳ có {n} bị can",
                    "; {n} defendants in the cases opened",
                ),
            ),
        ),
    ),
    Indicator(
        id="cases.wrongful",
        name_vi="Số vụ oan sai",
        name_en="Wrongful prosecutions or convictions",
        kind=_COUNT,
        numerator_vi="Vụ án được xác định oan sai trong kỳ",
        numerator_en="cases found wrongful in the period",
        disaggregations=(Dimension.OFFENCE,),
        figures=("other_offences",),
        adverse=True,
        unit=_VU,
        accumulator=c.CasesWrongful,
        sentence=Sentence(
            vi="số vụ oan sai: {n} vụ",
            en="{n} wrongful prosecutions or convictions",
        ),
    ),
    Indicator(
        id="cases.missed",
        name_vi="Số quyết định không khởi tố vụ án hình sự bị hủy (bỏ lọt tội phạm)",
        name_en="No-case decisions overturned (crimes missed)",
        kind=_COUNT,
        numerator_vi="Quyết định không khởi tố vụ án hình sự bị hủy trong kỳ",
        numerator_en="no-case decisions overturned in the period",
        disaggregations=(Dimension.SOURCE,),
        figures=("other_offences",),
        adverse=True,
        unit=_DECISIONS,
        accumulator=c.CasesMissed,
        sentence=Sentence(
            vi=(
                "số quyết định không khởi tố vụ án hình sự bị hủy trong kỳ (bỏ lọt tội phạm):"
                " {n} quyết định"
            ),
            en="{n} no-case decisions were overturned in the period (crimes missed)",
        ),
    ),
    Indicator(
        id="units.model_maintained",
        name_vi="Tỷ lệ xã, phường duy trì hiệu quả mô hình",
        name_en="Share of communes and wards maintaining the model",
        kind=_SHARE,
        numerator_vi="Xã, phường có kết quả sơ kết, tổng kết gần nhất trong kỳ là duy trì",
        numerator_en="units whose latest review in the period finds the model maintained",
        denominator_vi="Xã, phường thuộc phạm vi kế hoạch",
        denominator_en="units in scope",
        unit=_UNITS,
        accumulator=c.UnitsModelMaintained,
        sentence=Sentence(
            vi="{n}/{d} xã, phường duy trì hiệu quả mô hình{pct}",
            en="{n} of the {d} communes and wards maintained the model{pct}",
        ),
    ),
    Indicator(
        id="outreach.coverage",
        name_vi="Tỷ lệ người thuộc diện tuyên truyền được tuyên truyền",
        name_en="Share of target women reached by outreach",
        kind=_SHARE,
        numerator_vi="Người thuộc diện tuyên truyền được tuyên truyền ít nhất một lần trong kỳ",
        numerator_en="target women reached by at least one event in the period",
        denominator_vi="Người thuộc diện tuyên truyền, thuộc diện quản lý tại ngày cuối kỳ",
        denominator_en="target women under management on the period's last day",
        disaggregations=(Dimension.CATEGORY, *_PERSON),
        unit=_PERSONS,
        accumulator=c.OutreachCoverage,
        sentence=Sentence(
            vi="đã tuyên truyền đến {n}/{d} phụ nữ thuộc diện quản lý{pct}",
            en="outreach reached {n} of the {d} women under management{pct}",
        ),
    ),
    Indicator(
        id="outreach.events",
        name_vi="Số hoạt động tuyên truyền và lượt người tham dự",
        name_en="Outreach events and attendances",
        kind=_COUNT,
        numerator_vi="Hoạt động tuyên truyền tổ chức trong kỳ",
        numerator_en="events held in the period",
        disaggregations=(Dimension.CHANNEL, Dimension.LANGUAGE),
        figures=("participants",),
        unit=_EVENTS,
        accumulator=c.OutreachEvents,
        sentence=Sentence(
            vi="tổ chức {n} buổi tuyên truyền",
            en="{n} outreach events were held",
            optional=(("participants", " với {n} lượt người tham dự", " with {n} participants"),),
        ),
    ),
    Indicator(
        id="support.coverage",
        name_vi="Tỷ lệ nạn nhân bị mua bán trở về được hỗ trợ",
        name_en="Share of returned victims supported",
        kind=_SHARE,
        numerator_vi="Nạn nhân được hỗ trợ ít nhất một lần kể từ khi trở về",
        numerator_en="victims supported at least once since they returned",
        denominator_vi="Nạn nhân trở về tại ngày cuối kỳ",
        denominator_en="returned victims on the period's last day",
        disaggregations=(Dimension.SUPPORT_KIND, Dimension.SEX, *_PERSON),
        unit=_VICTIMS,
        accumulator=c.SupportCoverage,
        sentence=Sentence(
            vi="đã hỗ trợ {n}/{d} nạn nhân bị mua bán trở về{pct}",
            en="{n} of the {d} returned victims were supported{pct}",
        ),
    ),
    Indicator(
        id="women.vocational",
        name_vi=(
            "Tỷ lệ phụ nữ không có việc làm, có hoàn cảnh khó khăn được hỗ trợ học nghề,"
            " hướng nghiệp"
        ),
        name_en="Share of unemployed or disadvantaged women given vocational training",
        kind=_SHARE,
        numerator_vi="Được hỗ trợ học nghề hoặc tư vấn hướng nghiệp trong kỳ",
        numerator_en="given vocational training or counselling in the period",
        denominator_vi="Phụ nữ không có việc làm, có hoàn cảnh khó khăn, nghèo tại ngày cuối kỳ",
        denominator_en="unemployed, disadvantaged or poor women on the period's last day",
        disaggregations=(Dimension.CATEGORY, *_PERSON),
        unit=_WOMEN,
        accumulator=c.WomenVocational,
        sentence=Sentence(
            vi=(
                "đã hỗ trợ học nghề, hướng nghiệp cho {n}/{d} phụ nữ không có việc làm, có hoàn"
                " cảnh khó khăn{pct}"
            ),
            en=(
                "{n} of the {d} unemployed or disadvantaged women were given vocational"
                " training or counselling{pct}"
            ),
        ),
    ),
    Indicator(
        id="units.safe",
        name_vi="Tỷ lệ xã, phường đạt tiêu chuẩn “An toàn về an ninh, trật tự”",
        name_en="Share of communes and wards meeting the security-and-order safety standard",
        kind=_SHARE,
        numerator_vi="Xã, phường đạt tiêu chuẩn theo kết quả đánh giá gần nhất của năm",
        numerator_en="units whose latest assessment of the year meets the standard",
        denominator_vi="Xã, phường được đánh giá trong năm",
        denominator_en="units assessed for the year",
        unit=_UNITS,
        accumulator=c.UnitsSafe,
        sentence=Sentence(
            vi="{n}/{d} xã, phường được đánh giá đạt tiêu chuẩn “An toàn về an ninh, trật tự”{pct}",
            en="{n} of the {d} communes and wards assessed met the safety standard{pct}",
        ),
    ),
    Indicator(
        id="reporting.completeness",
        name_vi="Tỷ lệ báo cáo định kỳ đã gửi",
        name_en="Share of periodic reports submitted",
        kind=_SHARE,
        level=Level.AGENCY,
        numerator_vi="Báo cáo đã gửi",
        numerator_en="expected reports submitted",
        denominator_vi="Báo cáo phải gửi theo kế hoạch",
        denominator_en="reports the plan expects",
        disaggregations=(Dimension.AGENCY, Dimension.REPORT_KIND),
        figures=("adhoc", "unexpected"),
        unit=_REPORTS,
        accumulator=c.ReportingCompleteness,
        sentence=Sentence(
            vi="các cơ quan, đơn vị đã gửi {n}/{d} báo cáo định kỳ phải gửi{pct}",
            en="the agencies submitted {n} of the {d} periodic reports due{pct}",
            optional=(
                ("adhoc", "; {n} báo cáo đột xuất", "; {n} ad hoc reports"),
                ("unexpected", "; {n} báo cáo không thuộc diện phải gửi", "; {n} not asked for"),
            ),
        ),
    ),
    Indicator(
        id="reporting.timeliness",
        name_vi="Tỷ lệ báo cáo định kỳ gửi đúng hạn",
        name_en="Share of periodic reports submitted on time",
        kind=_SHARE,
        level=Level.AGENCY,
        numerator_vi="Báo cáo gửi đúng hạn",
        numerator_en="expected reports submitted by their due date",
        denominator_vi="Báo cáo phải gửi theo kế hoạch",
        denominator_en="reports the plan expects",
        disaggregations=(Dimension.AGENCY, Dimension.REPORT_KIND),
        figures=("adhoc", "unexpected"),
        unit=_REPORTS,
        accumulator=c.ReportingTimeliness,
        sentence=Sentence(
            vi="{n}/{d} báo cáo định kỳ phải gửi được gửi đúng hạn{pct}",
            en="{n} of the {d} periodic reports due were submitted on time{pct}",
        ),
    ),
)

#: The id of every indicator of the catalogue, in its order; ``evaluate(...,
#: indicators=ALL_INDICATORS)`` evaluates them all, whatever the plan's report lists.
ALL_INDICATORS: Final[tuple[str, ...]] = tuple(i.id for i in CATALOGUE)
#: Every indicator id of the catalogue, the ids a plan file may name (a duty's
#: ``indicators``, a target's ``indicator``); plan validation checks each against it.
CATALOGUE_IDS: Final[frozenset[str]] = frozenset(ALL_INDICATORS)
#: The indicators whose value is a share, a fraction between 0 and 1 where 100% is 1.0.
#: A target for one of them must lie in [0, 1]; the others are counts (0 or more).
SHARE_IDS: Final[frozenset[str]] = frozenset(
    i.id for i in CATALOGUE if i.kind is IndicatorKind.SHARE
)

_BY_ID: Final[Mapping[str, Indicator]] = MappingProxyType({i.id: i for i in CATALOGUE})


def catalogue() -> tuple[Indicator, ...]:
    """Every indicator definition, in the catalogue's order.

    Plan clauses: every clause the catalogue serves (the indicators guide, "The catalogue").

    .. versionadded:: 0.1.0
    """
    return CATALOGUE


def get(indicator_id: str) -> Indicator:
    """The definition of the indicator ``indicator_id``.

    Raises:
        ValidationError: for an id the catalogue does not have, listing those it has.

    Plan clauses: every clause the catalogue serves (the indicators guide, "The catalogue").

    .. versionadded:: 0.1.0
    """
    found = _BY_ID.get(indicator_id) if isinstance(indicator_id, str) else None
    if found is None:
        known = ", ".join(sorted(_BY_ID))
        msg = f"unknown indicator {indicator_id!r}; the catalogue has: {known}"
        raise ValidationError(msg, cls_name="Indicator", field="id")
    return found
