"""Messages with a stable code, written in Vietnamese or English.

Every sentence threeno shows about the data or the plan — a rejection reason, a problem
between records, a load note, a warning of an evaluation — is a :class:`Notice`: a stable,
machine-readable ``code`` (a tool matches it whatever the language) and the ``params``
that fill it, written out by :meth:`Notice.text` from :data:`TEMPLATES`, the one
catalogue of wordings (Vietnamese first, then English).

Params are ids, codes, field names, counts and dates — never a value that could be a
person's (the caller scrubs, see :func:`threeno.model._base.scrub`).

>>> from threeno.messages import Notice
>>> n = Notice("units_not_checked")
>>> n.text("en")
'unit codes were not checked: no plan was given'
>>> n.text("vi")
'chưa kiểm tra mã đơn vị hành chính: không có kế hoạch'

.. versionadded:: 0.2.0
"""

from __future__ import annotations

from collections.abc import Mapping  # noqa: TC003 - attrs reads the annotations
from types import MappingProxyType
from typing import Final

import attrs

from threeno.lang import Lang, check_lang

__all__ = ["TEMPLATES", "Notice"]

#: Every message's wording by code: ``(Vietnamese, English)``, ``str.format`` templates
#: filled with the notice's params. Codes are stable: a tool may match them.
TEMPLATES: Final[dict[str, tuple[str, str]]] = {
    # -- languages -------------------------------------------------------------------
    "unknown_language": (
        "không có ngôn ngữ {lang}: threeno viết tiếng Việt ('vi') và tiếng Anh ('en')",
        "unknown language {lang}: threeno writes 'vi' (Vietnamese) and 'en' (English)",
    ),
    # -- loading data (io) -----------------------------------------------------------
    "units_not_checked": (
        "chưa kiểm tra mã đơn vị hành chính: không có kế hoạch",
        "unit codes were not checked: no plan was given",
    ),
    # -- the model's invariants --------------------------------------------------------
    # -- plans -------------------------------------------------------------------------
    # -- evaluations -------------------------------------------------------------------
    # The period evaluated is not within the plan's reporting year: its targets, units and
    # reports are those of another year. Params: period (text, "2025-H1"), period_vi,
    # period_en (its label), plan (id), year_vi, year_en (the year's label), start, end
    # (the year's first and last day, ISO).
    "period_outside_plan_year": (
        "kỳ báo cáo {period_vi} không nằm trong {year_vi} của kế hoạch {plan}",
        "the period {period_en} is not within the plan {plan}'s year, {year_en}",
    ),
    # Records were left out of every number for their unit code. Params: count, and
    # out_of_scope, not_valid_on_date, unknown_unit (how many for each reason).
    "records_left_out": (
        (
            "{count} bản ghi không được tính vì mã đơn vị: {out_of_scope} ngoài phạm vi kế"
            " hoạch, {not_valid_on_date} mã không có hiệu lực tại ngày của bản ghi,"
            " {unknown_unit} mã không có trong danh mục đơn vị hành chính"
        ),
        (
            "{count} record(s) left out for their unit code: {out_of_scope} outside the"
            " plan's units, {not_valid_on_date} with a code not in force on the record's"
            " date, {unknown_unit} with a code in no unit of the register"
        ),
    ),
    # -- the command line --------------------------------------------------------------
    "cli_unknown_plan": (
        (
            "không có kế hoạch {plan} trong các kế hoạch kèm theo: {known}"
            " (đường dẫn tệp kế hoạch kết thúc bằng .toml)"
        ),
        "no bundled plan {plan}; bundled plans: {known} (a plan file's path ends in .toml)",
    ),
    "cli_unknown_period": (
        (
            "kỳ báo cáo {text} không hợp lệ; các dạng hợp lệ: 2024 (năm), 2024-H1 (6 tháng),"
            " 2024-Q2 (quý), 2024-05 (tháng), 2024-01-01..2024-03-31 (từ ngày đến ngày)"
        ),
        (
            "no reporting period {text}; the forms are 2024 (year), 2024-H1 (half-year),"
            " 2024-Q2 (quarter), 2024-05 (month), 2024-01-01..2024-03-31 (from..to)"
        ),
    ),
    "cli_no_demo_data": (
        "không có --data và kế hoạch {plan} không có dữ liệu mẫu: hãy chỉ ra dữ liệu bằng --data",
        "no --data given, and no demo data for plan {plan}: name the records with --data",
    ),
    "cli_unit_not_in_plan": (
        "đơn vị {units} không thuộc các đơn vị của kế hoạch {plan} ngày {on}: {known}",
        "unit {units} is not one of plan {plan}'s units on {on}: {known}",
    ),
    "cli_unknown_indicator": (
        "không có chỉ tiêu {indicator}; danh mục chỉ tiêu gồm: {known}",
        "no indicator {indicator}; the catalogue has: {known}",
    ),
    "cli_indicator_by_agency": (
        "chỉ tiêu {indicator} được tính theo cơ quan báo cáo, không theo đơn vị: bỏ --unit",
        "{indicator} is counted by reporting agency, not by unit: leave out --unit",
    ),
    "cli_rejected_in_report": (
        "{count} bản ghi bị loại; phần chất lượng dữ liệu của báo cáo liệt kê các bản ghi này",
        "{count} record(s) rejected; the report's data-quality section lists them",
    ),
    "cli_rejected_see_validate": (
        "{count} bản ghi bị loại; lệnh `threeno validate` liệt kê các bản ghi này",
        "{count} record(s) rejected; `threeno validate` lists them",
    ),
    "cli_left_out": (
        (
            "{count} bản ghi không được tính (mã đơn vị không có trong danh mục: {unknown_unit};"
            " mã đơn vị không còn hiệu lực vào ngày của bản ghi: {not_valid_on_date}; đơn vị"
            " không thuộc phạm vi Kế hoạch: {out_of_scope}); dùng --allow-out-of-scope nếu"
            " chấp nhận"
        ),
        (
            "{count} record(s) left out (unknown unit code: {unknown_unit}; unit not valid"
            " on the record's date: {not_valid_on_date}; unit not the plan's: {out_of_scope});"
            " --allow-out-of-scope accepts this"
        ),
    ),
    "cli_left_out_allowed": (
        (
            "{count} bản ghi không được tính (mã đơn vị không có trong danh mục: {unknown_unit};"
            " mã đơn vị không còn hiệu lực vào ngày của bản ghi: {not_valid_on_date}; đơn vị"
            " không thuộc phạm vi Kế hoạch: {out_of_scope}); đã chấp nhận (--allow-out-of-scope)"
        ),
        (
            "{count} record(s) left out (unknown unit code: {unknown_unit}; unit not valid"
            " on the record's date: {not_valid_on_date}; unit not the plan's: {out_of_scope});"
            " accepted (--allow-out-of-scope)"
        ),
    ),
    "cli_suppress_without_publish": (
        "--suppress-below là ngưỡng của bản công bố: thêm --publish",
        "--suppress-below sets the threshold of a published report: add --publish",
    ),
}


def _frozen(params: Mapping[str, object]) -> Mapping[str, object]:
    return MappingProxyType(dict(params))


@attrs.frozen
class Notice:
    """A message: its stable ``code`` and the ``params`` its wording is filled with.

    Args:
        code: a key of :data:`TEMPLATES`.
        params: the values the template names (ids, codes, counts, dates).

    Raises:
        KeyError: for a code :data:`TEMPLATES` does not have (a programming error).

    .. versionadded:: 0.2.0
    """

    code: str
    params: Mapping[str, object] = attrs.field(factory=dict, converter=_frozen)

    def __attrs_post_init__(self) -> None:
        """Refuse a code without wording, so no message is ever shown half-written."""
        if self.code not in TEMPLATES:
            msg = f"no wording for message code {self.code!r}"
            raise KeyError(msg)

    def text(self, lang: Lang = "en") -> str:
        """The message in Vietnamese (``"vi"``) or English (``"en"``)."""
        vi, en = TEMPLATES[self.code]
        return (vi if check_lang(lang) == "vi" else en).format(**self.params)

    def __str__(self) -> str:
        """The English text (for developers and logs)."""
        return self.text("en")

    def to_dict(self) -> dict[str, object]:
        """``{"code": ..., "params": {...}}`` for JSON (params as given, keys sorted)."""
        return {"code": self.code, "params": dict(sorted(self.params.items()))}
