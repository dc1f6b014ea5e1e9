"""The column headers of the data dictionary's fields, in Vietnamese and English.

A workbook or a form shows a person a column's name, not the interchange name of its
field (``registered_on``): :data:`FIELD_LABELS` gives, for every record type and every
field, its header in Vietnamese and in English, and :data:`SHEET_TITLES` the short title
of each record type's sheet (a worksheet's name holds at most 31 characters, so the
longest names of :mod:`threeno.model.record_types` are shortened). The readers of
workbooks accept a column named by its field, its Vietnamese or its English header.

These headers are threeno's working names for the columns, not the plan's words: where
the plan or the law has a term, the header uses it (``Dân tộc``, ``Ngày khởi tố``,
``tố giác, tin báo``, Bộ luật Tố tụng hình sự 2015, Art. 144); the others are plain
descriptions.

>>> from threeno.model.field_labels import field_label
>>> field_label("subjects", "birth_year", "vi"), field_label("subjects", "birth_year", "en")
('Năm sinh', 'Year of birth')

.. versionadded:: 0.2.0
"""

from __future__ import annotations

from collections.abc import Mapping  # noqa: TC003 - Sphinx evaluates the annotations
from types import MappingProxyType
from typing import Final

from threeno.lang import Lang, check_lang

__all__ = ["FIELD_LABELS", "SHEET_TITLES", "field_label", "sheet_title"]

_ID: Final = ("Mã", "ID")
_UNIT: Final = ("Mã xã, phường", "Unit code")

_LABELS: Final[dict[str, dict[str, tuple[str, str]]]] = {
    "subjects": {
        "id": _ID,
        "sex": ("Giới tính", "Sex"),
        "birth_year": ("Năm sinh", "Year of birth"),
        "ethnicity": ("Dân tộc", "Ethnicity"),
        "unit_code": _UNIT,
        "registered_on": ("Ngày đưa vào quản lý", "Registered on"),
        "categories": ("Diện quản lý", "Categories"),
        "full_name": ("Họ và tên", "Full name"),
        "national_id": ("Số định danh cá nhân", "National ID number"),
        "phone": ("Số điện thoại", "Phone"),
    },
    "crime_reports": {
        "id": _ID,
        "source": ("Nguồn tin", "Source"),
        "offence_article": ("Điều của Bộ luật Hình sự", "Penal Code article"),
        "unit_code": _UNIT,
        "received_on": ("Ngày tiếp nhận", "Received on"),
        "receiving_agency": ("Cơ quan tiếp nhận", "Receiving agency"),
        "classified_on": ("Ngày phân loại", "Classified on"),
        "extensions": ("Gia hạn", "Extensions"),
        "suspensions": ("Tạm đình chỉ", "Suspensions"),
        "decision": ("Quyết định giải quyết", "Decision"),
        "decided_on": ("Ngày ra quyết định", "Decided on"),
        "reopened_on": ("Ngày phục hồi giải quyết", "Reopened on"),
        "case_id": ("Mã vụ án", "Case ID"),
        "victim_ids": ("Mã nạn nhân", "Victim IDs"),
    },
    "criminal_cases": {
        "id": _ID,
        "offence_article": ("Điều của Bộ luật Hình sự", "Penal Code article"),
        "unit_code": _UNIT,
        "opened_on": ("Ngày khởi tố", "Opened on"),
        "report_ids": ("Mã tố giác, tin báo", "Report IDs"),
        "defendants": ("Số bị can", "Defendants"),
        "victim_ids": ("Mã nạn nhân", "Victim IDs"),
        "indicted_on": ("Ngày truy tố", "Indicted on"),
        "tried_on": ("Ngày xét xử", "Tried on"),
        "verdict": ("Kết quả xét xử", "Verdict"),
        "wrongful_on": ("Ngày xác định oan sai", "Found wrongful on"),
    },
    "support_actions": {
        "id": _ID,
        "subject_id": ("Mã người được hỗ trợ", "Subject ID"),
        "kind": ("Hình thức hỗ trợ", "Kind of support"),
        "provider_agency": ("Cơ quan hỗ trợ", "Provider agency"),
        "unit_code": _UNIT,
        "delivered_on": ("Ngày hỗ trợ", "Delivered on"),
        "amount_vnd": ("Số tiền (đồng)", "Amount (VND)"),
    },
    "outreach_events": {
        "id": _ID,
        "held_on": ("Ngày tổ chức", "Held on"),
        "unit_code": _UNIT,
        "agency": ("Cơ quan thực hiện", "Agency"),
        "channel": ("Hình thức tuyên truyền", "Channel"),
        "participants": ("Số người tham dự", "Participants"),
        "reached_subject_ids": (
            "Mã người thuộc diện quản lý được tuyên truyền",
            "Subjects reached",
        ),
        "language": ("Ngôn ngữ", "Language"),
        "topics": ("Nội dung tuyên truyền", "Topics"),
    },
    "model_reviews": {
        "id": _ID,
        "unit_code": _UNIT,
        "held_on": ("Ngày tổ chức", "Held on"),
        "kind": ("Hình thức", "Kind of review"),
        "maintained": ("Duy trì mô hình", "Model maintained"),
    },
    "report_submissions": {
        "id": _ID,
        "agency": ("Cơ quan báo cáo", "Agency"),
        "period": ("Kỳ báo cáo", "Period"),
        "submitted_on": ("Ngày gửi", "Submitted on"),
    },
    "safety_assessments": {
        "id": _ID,
        "unit_code": _UNIT,
        "scope": ("Phạm vi đánh giá", "Scope"),
        "year": ("Năm đánh giá", "Year"),
        "assessed_on": ("Ngày đánh giá", "Assessed on"),
        "meets_standard": ("Đạt tiêu chuẩn", "Meets the standard"),
        "area_name": ("Tên địa bàn", "Area name"),
        "criteria_failed": ("Tiêu chí không đạt", "Criteria failed"),
    },
}

#: The header of every field of every record type (by interchange name), in Vietnamese
#: and English.
FIELD_LABELS: Final[Mapping[str, Mapping[str, tuple[str, str]]]] = MappingProxyType(
    {name: MappingProxyType(fields) for name, fields in _LABELS.items()}
)

#: The title of each record type's sheet in Vietnamese and English (31 characters at
#: most, a worksheet's limit).
SHEET_TITLES: Final[Mapping[str, tuple[str, str]]] = MappingProxyType(
    {
        "subjects": ("Người thuộc diện quản lý", "Monitored subjects"),
        "crime_reports": ("Tố giác, tin báo, kiến nghị", "Crime reports"),
        "criminal_cases": ("Vụ án hình sự", "Criminal cases"),
        "support_actions": ("Hoạt động hỗ trợ", "Support actions"),
        "outreach_events": ("Hoạt động tuyên truyền", "Outreach events"),
        "model_reviews": ("Sơ kết, tổng kết mô hình", "Model reviews"),
        "report_submissions": ("Báo cáo đã gửi", "Report submissions"),
        "safety_assessments": ("Đánh giá an toàn", "Safety assessments"),
    }
)


def field_label(record_type: str, field: str, lang: Lang = "vi") -> str:
    """The header of ``field`` of ``record_type`` in Vietnamese (``"vi"``) or English.

    Raises:
        KeyError: for a record type or field not in the data dictionary.
        LanguageError: for another language.
    """
    vi, en = FIELD_LABELS[record_type][field]
    return vi if check_lang(lang) == "vi" else en


def sheet_title(record_type: str, lang: Lang = "vi") -> str:
    """The title of the sheet of ``record_type`` in Vietnamese or English.

    Raises:
        KeyError: for a record type not in the data dictionary.
        LanguageError: for another language.
    """
    vi, en = SHEET_TITLES[record_type]
    return vi if check_lang(lang) == "vi" else en
