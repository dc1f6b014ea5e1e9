"""The report's fixed words in Vietnamese and English, and the labels of what it names.

Everything a person reads in a report is in its language, with names rather than codes:
the fixed words of every format (:func:`words`), a breakdown's categories (from the
vocabulary of their :class:`~threeno.indicators.definitions.Dimension`), offences by
their article and title in Bộ luật Hình sự 2015, the languages of outreach, agencies by
the plan's names, the extra figures and the record types.

Plan clauses: IV.2 (the report the standing body consolidates).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from threeno.indicators.definitions import FIGURES, Dimension
from threeno.indicators.explanation import lower_first
from threeno.lang import check_lang
from threeno.model.crime import OFFENCES
from threeno.model.dataset import record_type_label

if TYPE_CHECKING:
    from threeno.lang import Lang
    from threeno.model.plan import Plan

__all__ = [
    "LANGUAGE_NAMES",
    "NO_VALUE",
    "category_label",
    "figure_label",
    "type_label",
    "words",
]

_WORDS: Final[dict[str, dict[str, str]]] = {
    "vi": {
        "title": "Báo cáo tình hình, kết quả triển khai thực hiện Kế hoạch",
        "plan": "Kế hoạch",
        "period": "Kỳ báo cáo",
        "custom_period": "từ ngày {start} đến ngày {end}",
        "dates": "Thời gian",
        "convention": "Cách chốt số liệu",
        "area": "Địa bàn",
        "units": "Đơn vị",
        "generated_on": "Ngày lập",
        # -- the data-quality counts at the top
        "records": "Số liệu đầu vào",
        "records_read": "{read}, trong đó {accepted} hợp lệ, {rejected} không hợp lệ",
        "source_of": "nguồn",
        "records_given": ("{n} được đưa vào tính (không có kết quả kiểm tra số liệu đầu vào)"),
        "left_out": "Số liệu không được tính vì mã đơn vị",
        "left_out_none": "không có",
        "left_out_some": "{n} ({reasons})",
        "crosswalked_n": "Số liệu của đơn vị cũ được tính vào đơn vị mới",
        "warning": "Cảnh báo",
        "read_n": "Tổng số trường hợp",
        "accepted_n": "Số trường hợp hợp lệ",
        "rejected_n": "Số trường hợp không hợp lệ",
        "left_out_n": "Số trường hợp không được tính vì mã đơn vị",
        # -- the readings and settings applied
        "settings": "Cách tính áp dụng",
        "count_receipt_day": "Tính ngày tiếp nhận là ngày thứ nhất của thời hạn giải quyết",
        "crosswalk_setting": "Tính số liệu của đơn vị hành chính cũ vào đơn vị mới sau sắp xếp",
        "yes": "có",
        "no": "không",
        "set_by_caller": "Đặt riêng cho lần tính này, không theo tệp kế hoạch.",
        "set_by_plan_file": "Theo tệp kế hoạch.",
        "calendar": "Ngày nghỉ, ngày làm việc riêng của địa phương",
        "national_only": "không có; áp dụng lịch nghỉ chung của Nhà nước",
        "days_off": "{n} ngày nghỉ: {days}",
        "working_days": "{n} ngày làm việc: {days}",
        "deadline": "Hạn gửi báo cáo",
        "deadline_days": "{days} ngày sau ngày cuối kỳ ({source})",
        "deadline_by_plan": "do Kế hoạch quy định",
        "deadline_default": "mặc định địa phương, Kế hoạch không quy định",
        "suspension_counts_as_resolved": "Tính tin tạm đình chỉ giải quyết là đã giải quyết",
        "assess_assumed_targets": (
            "Đánh giá Đạt/Chưa đạt các chỉ tiêu theo cách hiểu của phần mềm (Kế hoạch không"
            " quy định)"
        ),
        "no_assessed": "không; các chỉ tiêu này ghi “Không đánh giá”",
        "no_assumed_targets": "Mọi chỉ tiêu đều do Kế hoạch quy định.",
        # -- the indicators
        "contents": "Các chỉ tiêu",
        "name": "Nội dung",
        "clauses": "Nội dung Kế hoạch",
        "kind": "Loại chỉ tiêu",
        "numerator": "Tử số",
        "denominator": "Mẫu số",
        "target": "Chỉ tiêu Kế hoạch",
        "unit": "Xã, phường",
        "value": "Kết quả",
        "status": "Đánh giá",
        "total": "Toàn địa bàn",
        "agencies": "Các cơ quan, đơn vị báo cáo",
        "breakdowns": "Phân tổ",
        "category": "Nhóm",
        "figures": "Số liệu khác",
        "failing": "Danh sách trường hợp chưa đạt",
        "in_progress": (
            "Đang giải quyết, còn trong hạn hoặc đang tạm đình chỉ (không tính là chưa đạt)"
        ),
        "failing_none": "Không có trường hợp chưa đạt.",
        "failing_more_none": (
            "còn {n} trường hợp không được liệt kê: khi tính đã chọn không lưu danh sách"
        ),
        "failing_more_failures": (
            "còn {n} trường hợp không được liệt kê: khi tính chỉ lưu danh sách trường hợp chưa đạt"
        ),
        "failing_more_all": "còn {n} trường hợp không được liệt kê",
        "record": "Số hiệu",
        "reason": "Lý do",
        "chart": "Biểu đồ theo đơn vị",
        "no_data": "không có số liệu",
        "share_of": "{parts}, đạt {percent}",
        "figure": "{label}: {value}",
        "offence": "Điều {article} Bộ luật Hình sự",
        "offence_named": "Điều {article} Bộ luật Hình sự ({name})",
        # -- the data-quality section
        "quality": "Nguồn và chất lượng số liệu",
        "load": "Số liệu đầu vào",
        "source": "Nguồn",
        "record_type": "Loại số liệu",
        "read": "Tổng số",
        "accepted": "Hợp lệ",
        "rejected": "Không hợp lệ",
        "rejections": "Trường hợp không hợp lệ",
        "problems": "Vấn đề giữa các trường hợp",
        "notes": "Ghi chú",
        "placement": "Phân bổ theo đơn vị",
        "in_scope": "Trong phạm vi",
        "crosswalked": "Chuyển sang đơn vị mới",
        "not_selected": "Thuộc đơn vị không được chọn",
        "out_of_scope": "Đơn vị không thuộc phạm vi Kế hoạch",
        "not_valid_on_date": "Mã đơn vị không có hiệu lực tại ngày phát sinh",
        "unknown_unit": "Mã đơn vị không có trong danh mục đơn vị hành chính",
        "issues": "Số liệu không tính được theo đơn vị",
        "crosswalk": "Đơn vị cũ được chuyển sang đơn vị mới",
        "no_load_report": "Không có kết quả kiểm tra số liệu đầu vào.",
        "nothing": "Không có.",
        # -- the annex of codes
        "annex": "Phụ lục: mã chỉ tiêu",
        "annex_note": "Mã dùng cho các công cụ đọc báo cáo này.",
        "plan_code": "Mã kế hoạch",
        "period_code": "Mã kỳ báo cáo",
        "indicator": "Chỉ tiêu",
        "indicator_code": "Mã chỉ tiêu",
        # -- a published report
        "published": "Bản công bố",
        "published_note": (
            "các số từ 1 đến {last}, và các số có thể dùng để suy ra chúng, được ghi là “x”."
            " Không công bố số hiệu trường hợp, danh sách trường hợp chưa đạt và chi tiết về"
            " số liệu không hợp lệ."
        ),
        "withheld": (
            "Bản công bố chỉ nêu số tổng: không nêu số theo loại số liệu, trường hợp không"
            " hợp lệ, vấn đề, ghi chú hay số hiệu trường hợp."
        ),
    },
    "en": {
        "title": "Report on the implementation of the plan and its results",
        "plan": "Plan",
        "period": "Reporting period",
        "custom_period": "{start} to {end}",
        "dates": "Dates",
        "convention": "Cut-off convention",
        "area": "Area",
        "units": "Units",
        "generated_on": "Generated on",
        # -- the data-quality counts at the top
        "records": "Records",
        "records_read": "{read} read: {accepted} accepted, {rejected} rejected",
        "source_of": "source",
        "records_given": "{n} evaluated (no load report given)",
        "left_out": "Records left out for their unit code",
        "left_out_none": "none",
        "left_out_some": "{n} ({reasons})",
        "crosswalked_n": "Records of old units counted in the unit they were merged into",
        "warning": "Warning",
        "read_n": "Records read",
        "accepted_n": "Records accepted",
        "rejected_n": "Records rejected",
        "left_out_n": "Records left out for their unit code",
        # -- the readings and settings applied
        "settings": "Readings and settings applied",
        "count_receipt_day": "The day of receipt counts as day 1 of a time limit",
        "crosswalk_setting": (
            "Records of merged units are counted in the unit they were merged into"
        ),
        "yes": "yes",
        "no": "no",
        "set_by_caller": "Set for this evaluation only, not by the plan file.",
        "set_by_plan_file": "As the plan file sets it.",
        "calendar": "Local days off and working days",
        "national_only": "none; the national calendar applies",
        "days_off": "{n} days off: {days}",
        "working_days": "{n} working days: {days}",
        "deadline": "Reports due",
        "deadline_days": "{days} days after a period's last day ({source})",
        "deadline_by_plan": "set by the plan",
        "deadline_default": "a local default, not set by the plan",
        "suspension_counts_as_resolved": "A suspended report counts as resolved",
        "assess_assumed_targets": (
            "Targets the plan does not set (the software's readings) assessed"
        ),
        "no_assessed": "no; they are shown as not assessed",
        "no_assumed_targets": "The plan sets every target.",
        # -- the indicators
        "contents": "Indicators",
        "name": "Indicator",
        "clauses": "Plan clauses",
        "kind": "Kind",
        "numerator": "Numerator",
        "denominator": "Denominator",
        "target": "Target",
        "unit": "Commune or ward",
        "value": "Value",
        "status": "Status",
        "total": "Whole area",
        "agencies": "All reporting agencies",
        "breakdowns": "Disaggregations",
        "category": "Category",
        "figures": "Other figures",
        "failing": "Cases not met",
        "in_progress": "In progress: within the time limit, or suspended (not counted as not met)",
        "failing_none": "No failing records.",
        "failing_more_none": "{n} more not listed: the evaluation kept no list of records",
        "failing_more_failures": (
            "{n} more not listed: the evaluation kept the list of failing records only"
        ),
        "failing_more_all": "{n} more not listed",
        "record": "Record id",
        "reason": "Reason",
        "chart": "Chart by unit",
        "no_data": "no data",
        "share_of": "{parts}, {percent}",
        "figure": "{label}: {value}",
        "offence": "Criminal Code, Art. {article}",
        "offence_named": "Criminal Code, Art. {article} ({name})",
        # -- the data-quality section
        "quality": "Data quality",
        "load": "Records read",
        "source": "Source",
        "record_type": "Record type",
        "read": "Read",
        "accepted": "Accepted",
        "rejected": "Rejected",
        "rejections": "Rejected records",
        "problems": "Problems between records",
        "notes": "Notes",
        "placement": "Placement by unit",
        "in_scope": "In scope",
        "crosswalked": "Crosswalked",
        "not_selected": "In units not selected",
        "out_of_scope": "Unit outside the plan",
        "not_valid_on_date": "Unit code not in force on the record's date",
        "unknown_unit": "Unit code in no unit of the register",
        "issues": "Records not counted for their unit",
        "crosswalk": "Old units mapped onto new ones",
        "no_load_report": "No load report given.",
        "nothing": "None.",
        # -- the annex of codes
        "annex": "Annex: indicator codes",
        "annex_note": "Codes for the tools that read this report.",
        "plan_code": "Plan code",
        "period_code": "Period code",
        "indicator": "Indicator",
        "indicator_code": "Indicator code",
        # -- a published report
        "published": "Published report",
        "published_note": (
            "counts from 1 to {last}, and the counts that could be used to work them out,"
            " are shown as “x”. Record ids, failing records and the details of rejected"
            " records are not published."
        ),
        "withheld": (
            "A published report gives the totals only: no counts by record type, no rejected"
            " records, problems, notes or record ids."
        ),
    },
}

# What a table shows for no value, and the languages of outreach by name: documented in
# the package, where they are imported from.
NO_VALUE: Final = "—"
LANGUAGE_NAMES: Final[dict[str, tuple[str, str]]] = {
    "vi": ("Tiếng Việt", "Vietnamese"),
    "hmn": ("Tiếng Mông", "Hmong"),
    "blt": ("Tiếng Thái", "Tai Dam"),
    "ium": ("Tiếng Dao", "Iu Mien"),
}


def words(lang: Lang) -> dict[str, str]:
    """The report's fixed words in ``lang``.

    Raises:
        LanguageError: for a language other than ``"vi"`` or ``"en"``.
    """
    return _WORDS[check_lang(lang)]


def category_label(dimension: str, slug: str, lang: Lang, plan: Plan | None) -> str:
    """A category of a breakdown by its name in ``lang``.

    A dimension with a fixed vocabulary names it
    (:meth:`~threeno.indicators.definitions.Dimension.label_of`); an offence is named by
    its article, a language of outreach by :data:`LANGUAGE_NAMES`, an agency by the
    plan's name. Anything else (an agency without a plan, a language not listed) keeps
    its slug.
    """
    label = Dimension.from_slug(dimension).label_of(slug, lang)
    if label is not None:
        return label
    if dimension == Dimension.OFFENCE.value:
        return _offence_label(slug, lang)
    if dimension == Dimension.LANGUAGE.value:
        vi, en = LANGUAGE_NAMES.get(slug, (slug, slug))  # another language keeps its code
        return vi if lang == "vi" else en
    agency = None
    if dimension == Dimension.AGENCY.value and plan is not None:
        agency = next((a for a in plan.agencies if a.id == slug), None)
    if agency is None:
        return slug  # an agency without a plan keeps its id
    return agency.name_vi if lang == "vi" else agency.name_en


def _offence_label(article: str, lang: Lang) -> str:
    """An offence as the article of the Criminal Code and, when known, its name.

    ``Điều 150 Bộ luật Hình sự (Tội mua bán người)``: the article's title as Bộ luật
    Hình sự 2015 words it ("Điều 150. Tội mua bán người"), from
    :data:`threeno.model.crime.OFFENCES`; an article it does not name keeps its number.
    """
    w = words(lang)
    names = OFFENCES.get(int(article)) if article.isdigit() else None
    if names is None:
        return w["offence"].format(article=article)
    vi, en = names
    name = f"Tội {lower_first(vi)}" if lang == "vi" else en
    return w["offence_named"].format(article=article, name=name)


def figure_label(key: str, lang: Lang) -> str:
    """An extra figure by its name (:data:`~threeno.indicators.definitions.FIGURES`)."""
    vi, en = FIGURES.get(key, (key, key))
    return vi if lang == "vi" else en


def type_label(name: str, lang: Lang) -> str:
    """A record type by its name, capitalised as a table's first cell is."""
    try:
        label = record_type_label(name, lang)
    except KeyError:  # pragma: no cover - the loader and the engine know only these types
        label = name
    return label[:1].upper() + label[1:]
