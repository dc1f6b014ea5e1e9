"""Messages of the model's invariants.

Values of the wrong type or form, subjects, crime reports and cases, support and the
other records, a dataset, administrative units and reporting periods.

Part of :data:`threeno.messages.TEMPLATES` (each code once across the parts); the wording
is Vietnamese first, then English, as ``str.format`` templates with the forms the
package's docstring lists.
"""

from __future__ import annotations

from typing import Final

TEMPLATES: Final[dict[str, tuple[str, str]]] = {
    # -- the model's invariants --------------------------------------------------------
    # Values of the wrong type or form (any record or model object).
    "not_text": ("phải là văn bản, không phải {type:kind}", "must be text, not {type}"),
    "empty": ("không được để trống", "must not be empty"),
    "not_whole_number": (
        "phải là số nguyên, không phải {type:kind}",
        "must be a whole number, not {type}",
    ),
    "negative": ("phải từ 0 trở lên, không phải {value}", "must be 0 or more, not {value}"),
    "not_a_date": (
        "phải là ngày (YYYY-MM-DD), không phải {type:kind}",
        "must be a date (YYYY-MM-DD), not {type}",
    ),
    "not_boolean": (
        "phải là true hoặc false, không phải {type:kind}",
        "must be true or false, not {type}",
    ),
    "not_a_list": ("phải là danh sách, không phải {type:kind}", "must be a list, not {type}"),
    "wrong_item": (
        "phải là {expected:an}, không phải {type:kind}",
        "must be {expected:an}, not {type}",
    ),
    "not_a_year": (
        "phải là một năm (số nguyên), không phải {type:kind}",
        "must be a year, not {type}",
    ),
    "unknown_value": (
        "giá trị {value!r} không có trong danh mục; các mã hợp lệ: {choices}",
        "unknown {enum} {value!r}; known values: {known}",
    ),
    "label_not_code": (
        "{value!r} không phải là mã trong danh mục: hãy ghi mã {slug} (các mã hợp lệ: {choices})",
        "unknown {enum} {value!r}; known values: {known} (write the code {slug})",
    ),
    "listed_twice": ("{item} được ghi hai lần", "{item} is listed twice"),
    "id_listed_twice": ("mã {id!r} được ghi hai lần", "id {id!r} is listed twice"),
    "date_before": (
        "ngày {value} không được trước ngày {other_value} ở trường {other}",
        "{value} is before {other} {other_value}",
    ),
    # Subjects.
    "birth_year_out_of_range": (
        "phải từ năm {low} đến năm {high} (năm của registered_on), không phải {value}",
        "must be from {low} to {high} (the year of registered_on), not {value}",
    ),
    "span_overlaps": (
        (
            "'{category}' từ ngày {since} trùng thời gian với categories[{other}] (từ ngày"
            " {other_since} đến ngày {other_until})"
        ),
        "'{category}' from {since} overlaps categories[{other}] ({other_since} to {other_until})",
    ),
    "span_overlaps_open": (
        (
            "'{category}' từ ngày {since} trùng thời gian với categories[{other}] (từ ngày"
            " {other_since}, chưa kết thúc)"
        ),
        "'{category}' from {since} overlaps categories[{other}] ({other_since} to open)",
    ),
    # Crime reports and criminal cases (Bộ luật Tố tụng hình sự 2015, Art. 147-149).
    "not_an_article": (
        "phải là số điều của Bộ luật Hình sự, không phải {type:kind}",
        "must be an article number, not {type}",
    ),
    "article_below_one": (
        "phải là số điều của Bộ luật Hình sự (từ 1 trở lên), không phải {value}",
        "must be an article number (1 or more), not {value}",
    ),
    "second_extension": (
        (
            "gia hạn loại '{kind}' lần thứ hai; khoản 2 Điều 147 Bộ luật Tố tụng hình sự chỉ cho"
            " phép một lần"
        ),
        "a second '{kind}' extension; Art. 147(2) allows one",
    ),
    "procuracy_without_complex": (
        (
            "Viện kiểm sát chỉ gia hạn sau khi thời hạn đã kéo dài vì vụ việc phức tạp (khoản 2"
            " Điều 147 Bộ luật Tố tụng hình sự)"
        ),
        "a procuracy extension needs a complex-matter extension first (Art. 147(2))",
    ),
    "procuracy_before_complex": (
        (
            "ngày {value} trước ngày kéo dài thời hạn vì vụ việc phức tạp ({other_value}) mà Viện"
            " kiểm sát gia hạn tiếp (khoản 2 Điều 147 Bộ luật Tố tụng hình sự)"
        ),
        "{value} is before the complex-matter extension {other_value} it extends (Art. 147(2))",
    ),
    "suspension_not_last_open": (
        "còn thiếu: chỉ lần tạm đình chỉ cuối cùng mới được chưa phục hồi",
        "missing: only the last suspension may still be open",
    ),
    "decision_and_date": (
        "còn thiếu: quyết định và ngày ra quyết định phải ghi cùng nhau",
        "missing: a decision and its date come together",
    ),
    "decision_while_suspended": (
        (
            "phải là 'tam_dinh_chi' khi việc tạm đình chỉ từ ngày {since} chưa được phục hồi,"
            " không phải '{value}'"
        ),
        "must be 'tam_dinh_chi' while the suspension of {since} is open, not '{value}'",
    ),
    "no_decision_while_suspended": (
        (
            "phải là 'tam_dinh_chi' khi việc tạm đình chỉ từ ngày {since} chưa được phục hồi,"
            " nhưng chưa ghi quyết định nào"
        ),
        "must be 'tam_dinh_chi' while the suspension of {since} is open, and there is no decision",
    ),
    "decided_on_not_suspension_start": (
        "phải là ngày bắt đầu tạm đình chỉ chưa được phục hồi ({since})",
        "must be the open suspension's start {since}",
    ),
    "suspended_without_suspension": (
        "'tam_dinh_chi' cần có một lần tạm đình chỉ chưa được phục hồi trong suspensions",
        "'tam_dinh_chi' needs an open suspension",
    ),
    "reopened_not_no_case": (
        "chỉ quyết định 'khong_khoi_to' mới có thể bị hủy, không phải '{value}'",
        "only a 'khong_khoi_to' decision can be overturned, not '{value}'",
    ),
    "reopened_without_decision": (
        "chỉ quyết định 'khong_khoi_to' mới có thể bị hủy, nhưng chưa ghi quyết định nào",
        "only a 'khong_khoi_to' decision can be overturned, and there is no decision",
    ),
    "case_without_prosecution": (
        "chỉ quyết định 'khoi_to' mới dẫn đến vụ án hình sự, không phải '{value}'",
        "only a 'khoi_to' decision opens a case, not '{value}'",
    ),
    "case_without_decision": (
        "chỉ quyết định 'khoi_to' mới dẫn đến vụ án hình sự, nhưng chưa ghi quyết định nào",
        "only a 'khoi_to' decision opens a case, and there is no decision",
    ),
    "trial_without_indictment": (
        "phải truy tố rồi mới xét xử (thiếu indicted_on)",
        "a trial needs an indictment first (indicted_on is missing)",
    ),
    "verdict_without_trial": (
        "phải xét xử rồi mới có kết quả xét xử (thiếu tried_on)",
        "a verdict needs a trial (tried_on is missing)",
    ),
    # Support, outreach, reports, safety assessments.
    "not_a_language_code": (
        "phải là mã ngôn ngữ ISO 639 viết thường, ví dụ 'vi' hoặc 'hmn', không phải {value!r}",
        "must be a lower-case ISO 639 code such as 'vi' or 'hmn', not {value!r}",
    ),
    "fewer_participants": (
        (
            "số người tham dự ({value}) ít hơn số người thuộc diện quản lý được ghi là đã được"
            " tuyên truyền ({reached})"
        ),
        "{value} is fewer than the {reached} subjects reached",
    ),
    "not_a_period": (
        (
            "{value!r} không phải là kỳ báo cáo: hãy ghi 2024, 2024-H1, 2024-Q2, 2024-05,"
            " 2024-01-01..2024-03-31 hoặc adhoc:2024-03-02"
        ),
        (
            "{value!r} is not a period: write 2024, 2024-H1, 2024-Q2, 2024-05,"
            " 2024-01-01..2024-03-31 or adhoc:2024-03-02"
        ),
    ),
    "period_day_not_a_date": (
        "{day} trong {value!r} không phải là ngày có thật",
        "{day} in {value!r} is not a date",
    ),
    "period_ends_before_start": (
        "{value!r} có ngày kết thúc trước ngày bắt đầu",
        "{value!r} ends before it starts",
    ),
    "assessment_year_out_of_range": (
        (
            "phải từ năm {low} (năm Thông tư 124/2021/TT-BCA có hiệu lực) đến năm {high} (năm"
            " của assessed_on), không phải {value}"
        ),
        (
            "must be from {low} (Thông tư 124/2021 in force) to {high} (the year of"
            " assessed_on), not {value}"
        ),
    ),
    "failed_yet_met": (
        "có {count} tiêu chí không đạt nhưng meets_standard lại là true",
        "{count} criteria failed, yet meets_standard is true",
    ),
    # A dataset: duplicate ids, and the problems between records (Dataset.validate).
    "duplicate_ids": (
        "trùng mã {ids}: mỗi mã chỉ được dùng một lần trong một loại dữ liệu",
        "duplicate id {ids}: ids must be unique within a type",
    ),
    "unknown_subject": (
        "không có người thuộc diện quản lý mã {id!r}",
        "unknown subject {id!r}",
    ),
    "unknown_case": ("không có vụ án hình sự mã {id!r}", "unknown criminal case {id!r}"),
    "case_does_not_list_report": (
        "vụ án hình sự mã {id!r} không ghi tin này trong report_ids",
        "criminal case {id!r} does not list this report in its report_ids",
    ),
    "unknown_report": (
        "không có tố giác, tin báo về tội phạm, kiến nghị khởi tố mã {id!r}",
        "unknown crime report {id!r}",
    ),
    "report_without_case": (
        "tin mã {id!r} chưa ghi case_id, nên không thuộc vụ án này",
        "crime report {id!r} has case_id None, not this case",
    ),
    "report_of_other_case": (
        "tin mã {id!r} ghi case_id {case!r}, không phải vụ án này",
        "crime report {id!r} has case_id {case!r}, not this case",
    ),
    "unit_not_valid_on": (
        "{code!r} không phải mã đơn vị hành chính có hiệu lực vào ngày {on}",
        "{code!r} is not a valid unit on {on}",
    ),
    # Administrative units and their registry.
    "not_a_unit_code": (
        "phải là mã đơn vị hành chính gồm các chữ số, ghi dạng văn bản, không phải {value!r}",
        "must be a GSO code of digits as text, not {value!r}",
    ),
    "not_names": (
        "phải là danh sách tên, không tên nào để trống",
        "must be a list of non-empty names",
    ),
    "unit_code_length": (
        "mã đơn vị {level_vi} có {length} chữ số (giữ các số 0 ở đầu), không phải {value!r}",
        "a {level_en} code has {length} digits (keep leading zeros), not {value!r}",
    ),
    "province_with_parent": (
        "đơn vị cấp tỉnh không có đơn vị cấp trên, không phải {value!r}",
        "a province has no parent, not {value!r}",
    ),
    "not_a_parent_code": (
        "phải là mã của đơn vị hành chính cấp trên, không phải {value!r}",
        "must be the GSO code of the unit above, not {value!r}",
    ),
    "not_a_successor_code": (
        "phải là mã đơn vị hành chính ghi dạng văn bản, không phải {value!r}",
        "must be a GSO code as text, not {value!r}",
    ),
    "successor_without_end": (
        "đơn vị có đơn vị kế thừa phải ghi valid_to, ngày cuối cùng của nó",
        "a unit with a successor needs valid_to, its last day",
    ),
    "not_units": (
        "phải là một tập hợp đơn vị hành chính, không phải {type:kind}",
        "must be a collection of units, not {type}",
    ),
    "unit_versions_overlap": (
        (
            "hai phiên bản của mã {code} trùng thời gian: {name} ({span}) và {other_name}"
            " ({other_span})"
        ),
        "two versions of code {code} overlap: {name} ({span}) and {other_name} ({other_span})",
    ),
    "successor_not_in_registry": (
        "{code} {name} có đơn vị kế thừa {successor}, nhưng danh mục không có mã này vào ngày {on}",
        "{code} {name} has successor {successor}, which is not in the registry on {on}",
    ),
    "parent_not_in_registry": (
        "{code} {name} có đơn vị cấp trên {parent}, nhưng danh mục không có mã này ({span})",
        "{code} {name} has parent {parent}, which is not in the registry ({span})",
    ),
    "parent_not_in_registry_on": (
        (
            "{code} {name} có đơn vị cấp trên {parent}, nhưng danh mục không có mã này vào ngày"
            " {on} ({span})"
        ),
        "{code} {name} has parent {parent}, which is not in the registry on {on} ({span})",
    ),
    "parent_not_higher": (
        (
            "{code} {name} ({level_vi}) có đơn vị cấp trên {parent} {parent_name}, nhưng đơn vị"
            " này không ở cấp cao hơn"
        ),
        (
            "{code} {name} ({level_en}) has parent {parent} {parent_name}, which is not of a"
            " higher level"
        ),
    ),
    "unit_code_not_text": (
        "mã đơn vị hành chính phải ghi dạng văn bản (giữ các số 0 ở đầu), không phải {value}",
        "a unit code must be text (keep leading zeros), not {value}",
    ),
    "unit_date_not_a_date": (
        (
            "mã đơn vị hành chính {code}: ngày dùng để tra mã phải là ngày (YYYY-MM-DD), không"
            " phải {type:kind}"
        ),
        "unit code {code}: the date to read it on must be a date (YYYY-MM-DD), not {type}",
    ),
    "unknown_unit_code": (
        "mã đơn vị hành chính {code!r}{when}: không có trong danh mục{hint}",
        "unknown unit code {code!r}{when}: not in the registry{hint}",
    ),
    "on_date": (" vào ngày {on}", " on {on}"),
    "leading_zero_lost": (
        " (mất số 0 ở đầu? danh mục có mã {code})",
        " (a leading zero lost? {code} is known)",
    ),
    "unit_not_valid": (
        "mã đơn vị hành chính {code} không có hiệu lực{when}: mã này là {versions}",
        "unit code {code} is not valid{when}: it names {versions}",
    ),
    "unit_versions": (
        (
            "mã đơn vị hành chính {code} có {count} phiên bản ({versions}): hãy chỉ rõ bằng on=,"
            " một ngày phiên bản cần tìm có hiệu lực"
        ),
        (
            "unit code {code} has {count} versions ({versions}): say which with on=, a date it"
            " was valid"
        ),
    ),
    "unit_version": ("{name}, {span}", "{name}, {span}"),
    "unit_version_merged": (
        "{name}, {span}, sau đó sáp nhập vào {heir} {heir_name} từ ngày {heir_from}",
        "{name}, {span}, then merged into {heir} {heir_name} from {heir_from}",
    ),
    "span_always": ("có hiệu lực ở mọi thời điểm", "valid at every date"),
    "span_until": ("có hiệu lực đến ngày {end}", "valid until {end}"),
    "span_from": ("có hiệu lực từ ngày {start}", "valid from {start}"),
    "span_between": (
        "có hiệu lực từ ngày {start} đến ngày {end}",
        "valid from {start} to {end}",
    ),
    # Reporting periods.
    "term_year": ("năm", "year"),
    "term_half": ("nửa năm", "half"),
    "term_quarter": ("quý", "quarter"),
    "term_month": ("tháng", "month"),
    "at_field": ("{owner}.{field}: {problem}", "{owner}.{field}: {problem}"),
    "period_number": (
        "{what} phải là số nguyên từ {low} đến {high}, không phải {value!r}",
        "{what} must be a whole number from {low} to {high}, not {value!r}",
    ),
    "period_convention": (
        "convention phải là một Convention ({known}), không phải {value}",
        "convention must be a Convention ({known}), not {value}",
    ),
    "period_out_of_range": (
        "kỳ {kind_vi} thứ {index} của năm {year} nằm ngoài khoảng ngày Python biểu diễn được",
        "{kind_en} {index} of year {year} falls outside the dates Python can hold",
    ),
    "custom_period": (
        "kỳ tùy chọn {start}..{end}: {problem}",
        "custom period {start}..{end}: {problem}",
    ),
    "period_kind_not_standard": (
        "kind phải là month, quarter, half_year hoặc year, không phải {value}",
        "kind must be month, quarter, half_year or year, not {value}",
    ),
    "containing_day_not_a_date": (
        "day phải là ngày (YYYY-MM-DD), không phải {type:kind}",
        "day must be a date (YYYY-MM-DD), not {type}",
    ),
    "period_not_text": (
        (
            'kỳ báo cáo phải ghi dạng văn bản như "2024" (năm), "2024-H1" (6 tháng), "2024-Q2"'
            ' (quý), "2024-05" (tháng) hoặc "2024-01-01..2024-03-31" (tùy chọn), không phải'
            " {type:kind}"
        ),
        (
            'a period must be text such as "2024" (year), "2024-H1" (half-year), "2024-Q2"'
            ' (quarter), "2024-05" (month) or "2024-01-01..2024-03-31" (custom), not {type}'
        ),
    ),
    "period_text": ("kỳ {text!r}: {problem}", "period {text!r}: {problem}"),
    "period_unknown_form": (
        (
            'kỳ {text!r} không thuộc dạng nào trong "2024" (năm), "2024-H1" (6 tháng), "2024-Q2"'
            ' (quý), "2024-05" (tháng) hoặc "2024-01-01..2024-03-31" (tùy chọn)'
        ),
        (
            'period {text!r} is not one of "2024" (year), "2024-H1" (half-year), "2024-Q2"'
            ' (quarter), "2024-05" (month) or "2024-01-01..2024-03-31" (custom)'
        ),
    ),
    "period_holds_dates": (
        "kỳ {period}: chỉ chứa được ngày (YYYY-MM-DD), không phải {type:kind}",
        "period {period}: can only hold dates (YYYY-MM-DD), not {type}",
    ),
    "period_no_custom_next": (
        (
            "không có kỳ tùy chọn {days} ngày liền kề {period} trong khoảng ngày Python biểu diễn"
            " được"
        ),
        "no custom period of {days} days next to {period} within Python's dates",
    ),
    "period_no_next": (
        "không có kỳ {kind_vi} nào sau {period}: {problem}",
        "no {kind_en} after {period}: {problem}",
    ),
    "period_no_previous": (
        "không có kỳ {kind_vi} nào trước {period}: {problem}",
        "no {kind_en} before {period}: {problem}",
    ),
    "period_cannot_split": (
        "không thể chia kỳ {period} ({kind}) thành các kỳ {into}",
        "cannot split {period} ({kind}) into {into} periods",
    ),
    "no_period_ends_on": (
        "không có kỳ {kind_vi} nào kết thúc vào ngày {end} (ngoài phạm vi ngày)",
        "no {kind_en} ends on {end} (out of the date range)",
    ),
    "period_dates": (
        (
            "kỳ {kind_vi} theo quy ước {convention} kết thúc trong tháng {month} kéo dài từ"
            " {start} đến {end}, không phải {given_start}..{given_end}"
        ),
        (
            "a {kind_en} under {convention} ending in {month} runs {start}..{end}, not"
            " {given_start}..{given_end}"
        ),
    ),
}
