"""Messages of plans and of evaluations (warnings of an evaluation).

Part of :data:`threeno.messages.TEMPLATES` (each code once across the parts); the wording
is Vietnamese first, then English, as ``str.format`` templates with the forms the
package's docstring lists.
"""

from __future__ import annotations

from typing import Final

TEMPLATES: Final[dict[str, tuple[str, str]]] = {
    # -- plans -------------------------------------------------------------------------
    # -- evaluations -------------------------------------------------------------------
    # The period evaluated is not within the plan's reporting year: its targets, units and
    # reports are those of another year. Params: period (text, "2025-H1"), period_vi,
    # period_en (its label), plan (id: for tools, not in the text, which an office signs),
    # year_vi, year_en (the year's label), start, end (the year's first and last day, ISO).
    "period_outside_plan_year": (
        "kỳ báo cáo {period_vi} không nằm trong {year_vi} của Kế hoạch",
        "the period {period_en} is not within the plan's year, {year_en}",
    ),
    # Records were left out of every number for their unit code. Params: count, and
    # out_of_scope, not_valid_on_date, unknown_unit (how many for each reason).
    "records_left_out": (
        (
            "{count} trường hợp không được tính vì mã đơn vị: {out_of_scope} ngoài phạm vi"
            " Kế hoạch, {not_valid_on_date} mã không có hiệu lực tại ngày phát sinh,"
            " {unknown_unit} mã không có trong danh mục đơn vị hành chính"
        ),
        (
            "{count} record(s) left out for their unit code: {out_of_scope} outside the"
            " plan's units, {not_valid_on_date} with a code not in force on the record's"
            " date, {unknown_unit} with a code in no unit of the register"
        ),
    ),
}
