"""The words of a time limit's summary and explanation, in Vietnamese and English.

:mod:`threeno.rules.time_limits` fills them with the limit's numbers (``{n}`` days or
months, ``{m}`` the procuracy's months), its dates (``{d}``; ``{e}`` the event's day,
``{r}`` the resulting last day, ``{p}`` the limit that had passed) and the names of days
off. Each language's table has the same keys.
"""

from __future__ import annotations

from typing import Final

from threeno.lang import Lang  # noqa: TC001 - the table's annotation is read at run time

WORDS: Final[dict[Lang, dict[str, str]]] = {
    "en": {
        "days": "{n} days",
        "complex": "{n} months (complex matter)",
        "procuracy": " + {n} months (procuracy)",
        "resumed": "{n} month from resumption on {d}",
        "suspended": "suspended since {d}",
        "moved": "moved past {what}",
        "weekend": "the weekend",
        "granted_late": "extension granted after the limit had passed",
        "missed": "limit of {d} missed before the suspension",
        "head": "{id}: received {d} ({counted}).",
        "counted": "the day of receipt counted as day 1",
        "not_counted": "the day of receipt not counted",
        "as_of": " Events known on {d}.",
        "limit": "Limit: {d}.",
        "no_limit": "No limit runs while the report is suspended (since {d}).",
        "receipt": "{n} days from receipt end on {r}",
        "receipt_counted": "{n} days, the day of receipt being day 1, end on {r}",
        "complex_step": (
            "complex-matter extension granted {e}: up to {n} months from receipt, ending on {r}"
        ),
        "procuracy_step": (
            "procuracy extension granted {e}: up to {m} more months from the end of the "
            "{n}-month limit, ending on {r}"
        ),
        "not_applied": (
            "; not applied: granted after a suspension, when Art. 149(1) sets the time left"
        ),
        "late_extension": "; granted after the limit of {p} had passed, applied all the same",
        "suspension_step": "suspended on {e}: the clock stops",
        "late_suspension": "; suspended after the limit of {p} had passed: that limit was missed",
        "resumption_step": "resumed on {e}: up to {n} month from resumption, ending on {r}",
        "day_off_step": (
            "{e} is a day off ({name}){more}: the first working day after it, {r}, is the last day"
        ),
        "and_more": ", and so are {others}",
    },
    "vi": {
        "days": "{n} ngày",
        "complex": "{n:02d} tháng (vụ việc phức tạp)",
        "procuracy": " + {n:02d} tháng (Viện kiểm sát gia hạn)",
        "resumed": "{n:02d} tháng kể từ ngày phục hồi {d}",
        "suspended": "tạm đình chỉ từ {d}",
        "moved": "chuyển sang ngày làm việc sau {what}",
        "weekend": "ngày nghỉ cuối tuần",
        "granted_late": "gia hạn sau khi thời hạn đã hết",
        "missed": "thời hạn {d} đã hết trước khi tạm đình chỉ",
        "head": "{id}: tiếp nhận ngày {d} ({counted}).",
        "counted": "tính cả ngày tiếp nhận là ngày thứ nhất",
        "not_counted": "không tính ngày tiếp nhận",
        "as_of": " Tính theo các sự kiện đến ngày {d}.",
        "limit": "Hạn cuối: {d}.",
        "no_limit": "Không tính thời hạn trong thời gian tạm đình chỉ (từ ngày {d}).",
        "receipt": "{n} ngày kể từ ngày tiếp nhận, hết ngày {r}",
        "receipt_counted": "{n} ngày, ngày tiếp nhận là ngày thứ nhất, hết ngày {r}",
        "complex_step": (
            "kéo dài do vụ việc phức tạp (ngày {e}): không quá {n:02d} tháng kể từ ngày tiếp "
            "nhận, hết ngày {r}"
        ),
        "procuracy_step": (
            "Viện kiểm sát gia hạn (ngày {e}): thêm không quá {m:02d} tháng kể từ khi hết "
            "thời hạn {n:02d} tháng, hết ngày {r}"
        ),
        "not_applied": (
            "; không áp dụng: gia hạn sau khi đã tạm đình chỉ, thời hạn còn lại theo "
            "khoản 1 Điều 149"
        ),
        "late_extension": "; gia hạn sau khi thời hạn {p} đã hết, vẫn áp dụng",
        "suspension_step": "tạm đình chỉ ngày {e}: ngừng tính thời hạn",
        "late_suspension": "; tạm đình chỉ sau khi thời hạn {p} đã hết: thời hạn đó đã bị vi phạm",
        "resumption_step": (
            "phục hồi ngày {e}: không quá {n:02d} tháng kể từ ngày phục hồi, hết ngày {r}"
        ),
        "day_off_step": (
            "ngày {e} là ngày nghỉ ({name}){more}: ngày làm việc đầu tiên tiếp theo, {r}, là ngày "
            "cuối cùng của thời hạn"
        ),
        "and_more": ", các ngày {others} cũng là ngày nghỉ",
    },
}
