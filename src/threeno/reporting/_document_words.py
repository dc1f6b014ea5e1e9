"""The fixed words of the report as a document, in Vietnamese and English.

The words of the document's frame (Nghị định 30/2020/NĐ-CP, Phụ lục I: the national
title and motto, "BÁO CÁO", "Kính gửi", "Nơi nhận", the annexes' lines), shared by
every format that writes the report as a document (Markdown, HTML, Word). The headings
of the sections an office writes its own paragraphs in are
:data:`threeno.reporting.narrative.SECTIONS`; the words of the report's content
(indicators, units, statuses, data quality) are the view's
(:func:`threeno.reporting.view.words`).

Private: :mod:`threeno.reporting.document` is the public entry.
"""

from __future__ import annotations

from typing import Final

WORDS: Final[dict[str, dict[str, str]]] = {
    "vi": {
        # Phụ lục I: the national title and the motto, as the decree writes them.
        "national_title": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "motto": "Độc lập - Tự do - Hạnh phúc",
        "type": "BÁO CÁO",
        "number": "Số: {number}",
        "summary": "Tình hình, kết quả {period} triển khai thực hiện Kế hoạch {title}",
        "summary_no_plan": "Tình hình, kết quả {period} triển khai thực hiện Kế hoạch",
        "dateline": "{place}, ngày {day} tháng {month} năm {year}",
        "to": "Kính gửi:",
        "opening": (
            "Thực hiện {plan}, {issuer} báo cáo tình hình, kết quả triển khai thực hiện"
            " Kế hoạch {period} (số liệu từ ngày {start} đến ngày {end}) như sau:"
        ),
        "plan_numbered": "Kế hoạch số {number} {title}",
        "plan_unnumbered": "Kế hoạch {title}",
        "this_plan": "Kế hoạch",
        "the_body": "cơ quan báo cáo",
        "placeholder": "(Phần này do cơ quan soạn thảo báo cáo bổ sung.)",
        "see_annexes": (
            "Kết quả từng chỉ tiêu theo từng đơn vị tại Phụ lục {units}; phân tổ và số liệu"
            " khác tại Phụ lục {breakdowns}; nguồn và chất lượng số liệu tại Phụ lục {quality}."
        ),
        "assessment_lead": "Kết quả thực hiện các chỉ tiêu của Kế hoạch trên toàn địa bàn:",
        "closing": (
            "Trên đây là báo cáo tình hình, kết quả triển khai thực hiện Kế hoạch {period}"
            " của {issuer}./."
        ),
        "recipients": "Nơi nhận:",
        "as_above": "Như trên;",
        "archive": "Lưu: VT.",
        "annex": "Phụ lục {n}",
        "attached": "(Kèm theo Báo cáo số {number} ngày {date} của {issuer})",
        "annex_units": "KẾT QUẢ CÁC CHỈ TIÊU THEO ĐƠN VỊ",
        "annex_breakdowns": "PHÂN TỔ VÀ SỐ LIỆU KHÁC CỦA CÁC CHỈ TIÊU",
        "annex_failing": "DANH SÁCH TRƯỜNG HỢP CHƯA ĐẠT",
        "annex_quality": "NGUỒN VÀ CHẤT LƯỢNG SỐ LIỆU",
        "annex_codes": "MÃ DÙNG CHO CÁC CÔNG CỤ ĐỌC BÁO CÁO",
        "no": "STT",
        "numerator": "Tử số",
        "denominator": "mẫu số",
        "figures_of": "Số liệu khác",
        "case_id": "Mã số",
        "total": "Cộng",
        "applied": "Áp dụng",
        "basis": "Căn cứ",
        "unit_code": "Mã đơn vị",
        "nothing_failing": "Không có trường hợp chưa đạt.",
        "results_by_task": "Kết quả thực hiện các nhiệm vụ, giải pháp của Kế hoạch",
        "results_by_agency": "Kết quả thực hiện nhiệm vụ của các cơ quan, đơn vị",
        "other_indicators": "Các chỉ tiêu khác",
        "as_partner": "Phối hợp thực hiện:",
        "no_data_sentence": "{name}: không có số liệu.",
    },
    "en": {
        "national_title": "SOCIALIST REPUBLIC OF VIET NAM",
        "motto": "Independence - Freedom - Happiness",
        "type": "REPORT",
        "number": "No.: {number}",
        "summary": ("On the implementation and results of the plan {title}, {period}"),
        "summary_no_plan": "On the implementation and results of the plan, {period}",
        "dateline": "{place}, {date}",
        "to": "To:",
        "opening": (
            "Pursuant to {plan}, the {issuer} reports on the implementation of the plan and"
            " its results, {period} (data from {start} to {end}), as follows:"
        ),
        "plan_numbered": "plan No. {number} {title}",
        "plan_unnumbered": "the plan {title}",
        "this_plan": "the plan",
        "the_body": "reporting body",
        "placeholder": "(To be written by the office drafting the report.)",
        "see_annexes": (
            "Each indicator's results by unit are in Annex {units}; breakdowns and other"
            " figures in Annex {breakdowns}; the data's sources and quality in Annex"
            " {quality}."
        ),
        "assessment_lead": "The plan's indicators over the whole area:",
        "closing": "This is the report of the {issuer} on the plan's results, {period}.",
        "recipients": "Recipients:",
        "as_above": "As above;",
        "archive": "Archive: office.",
        "annex": "Annex {n}",
        "attached": "(Attached to report No. {number} of {date} of the {issuer})",
        "annex_units": "THE INDICATORS BY UNIT",
        "annex_breakdowns": "BREAKDOWNS AND OTHER FIGURES OF THE INDICATORS",
        "annex_failing": "CASES NOT MEETING AN INDICATOR",
        "annex_quality": "SOURCES AND QUALITY OF THE DATA",
        "annex_codes": "CODES FOR THE TOOLS THAT READ THIS REPORT",
        "no": "No.",
        "numerator": "Numerator",
        "denominator": "denominator",
        "figures_of": "Other figures",
        "case_id": "Id",
        "total": "Total",
        "applied": "Applied",
        "basis": "Basis",
        "unit_code": "Unit code",
        "nothing_failing": "No case fails an indicator.",
        "results_by_task": "Results by the plan's tasks",
        "results_by_agency": "Results by the agencies' duties",
        "other_indicators": "Other indicators",
        "as_partner": "Taking part:",
        "no_data_sentence": "{name}: no data.",
    },
}
