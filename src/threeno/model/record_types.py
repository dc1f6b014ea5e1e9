"""The record types of the data dictionary, each described once.

A record type's facts — its class, its interchange name (the key of a JSON document, the
file ``NAME.jsonl`` or ``NAME.csv``), its names in Vietnamese and English, the field whose
date places a record in a unit and a period, the prefix and digits of its pseudonymous
ids — are one :class:`RecordType` in :data:`RECORD_TYPE_LIST`, in the data dictionary's
order. The dataset, the engine's placement, pseudonyms, the synthetic generator, the JSON
Schema and the data dictionary page read them from here; adding a record type is its
class and its line here (see the guide "Extending threeno").

>>> from threeno.model.record_types import record_type
>>> reports = record_type("crime_reports")
>>> reports.cls.__name__, reports.unit_date, reports.id_prefix, reports.label("vi")
('CrimeReport', 'received_on', 'CR', 'tố giác, tin báo về tội phạm, kiến nghị khởi tố')

Source: the data dictionary (the generated page ``generated/data-dictionary``); a unit
code is read at the record's own date because codes were reused when units merged on
01/07/2025 (Nghị quyết 1670/NQ-UBTVQH15).

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import datetime as dt  # noqa: TC003 - Sphinx evaluates the annotations to link them
from collections.abc import Mapping  # noqa: TC003 - Sphinx evaluates the annotations
from operator import attrgetter
from types import MappingProxyType
from typing import Any, Final

import attrs

from threeno.lang import Lang, check_lang
from threeno.model.activities import (
    ModelReview,
    OutreachEvent,
    ReportSubmission,
    SafetyAssessment,
    SupportAction,
)
from threeno.model.crime import CrimeReport, CriminalCase
from threeno.model.subjects import Subject

__all__ = ["RECORD_TYPES_BY_NAME", "RECORD_TYPE_LIST", "RecordType", "record_type"]


@attrs.frozen(kw_only=True)
class RecordType:
    """One record type of the data dictionary.

    Args:
        name: its interchange name (``"crime_reports"``): the key of a JSON document and
            the stem of its JSON Lines and CSV files.
        cls: the model class of its records.
        label_vi: its name in Vietnamese, lower case as in running text.
        label_en: its name in English, plural, lower case.
        unit_date: the field whose date places a record in a unit and a period (its
            ``unit_code`` is read on that date); ``None`` for a type that belongs to an
            agency, not a unit (report submissions).
        id_prefix: the prefix of its pseudonymous ids (``"CR"`` in ``CR-00017``), which
            the synthetic data and pseudonyms share.
        id_digits: how many digits the synthetic data's ids have after the prefix.

    .. versionadded:: 0.2.0
    """

    name: str
    cls: type[Any]
    label_vi: str
    label_en: str
    unit_date: str | None
    id_prefix: str
    id_digits: int

    def label(self, lang: Lang = "vi") -> str:
        """Its name in Vietnamese (``"vi"``) or English (``"en"``).

        Raises:
            LanguageError: for another language.
        """
        return self.label_vi if check_lang(lang) == "vi" else self.label_en

    def date_of(self, record: Any) -> dt.date:  # noqa: ANN401 - a record of this type
        """The date that places ``record`` in a unit and a period (its ``unit_date`` field).

        Raises:
            AttributeError: for a type with no unit date.
        """
        day: dt.date = _GETTERS[self.name](record)
        return day


#: Every record type, in the data dictionary's order.
#:
#: The Vietnamese names: ``subjects`` "người thuộc diện quản lý", the people plan clause
#: I.1 asks to manage and know ("quản lý, nắm số ..."), not "đối tượng", which usually
#: means a suspect; ``crime_reports`` "tố giác, tin báo về tội phạm, kiến nghị khởi tố",
#: the three sources of Bộ luật Tố tụng hình sự 2015, Art. 144, as that article's title
#: and plan clause I.3 name them; ``criminal_cases`` "vụ án hình sự" (Art. 143);
#: ``support_actions`` "hoạt động hỗ trợ", support to victims and to women in difficult
#: circumstances alike (plan clauses II.3.a, II.3.b); ``outreach_events`` "hoạt động
#: tuyên truyền", sessions, broadcasts, posters and posts alike (plan clause II.2.b);
#: ``model_reviews`` "sơ kết, tổng kết mô hình" (plan clause IV.1);
#: ``report_submissions`` "báo cáo đã gửi" (plan clause IV.2); ``safety_assessments``
#: "đánh giá an toàn về an ninh, trật tự", the standard of Thông tư 124/2021/TT-BCA
#: (plan clause II.1.b).
RECORD_TYPE_LIST: Final[tuple[RecordType, ...]] = (
    RecordType(
        name="subjects",
        cls=Subject,
        label_vi="người thuộc diện quản lý",
        label_en="monitored subjects",
        unit_date="registered_on",
        id_prefix="S",
        id_digits=6,
    ),
    RecordType(
        name="crime_reports",
        cls=CrimeReport,
        label_vi="tố giác, tin báo về tội phạm, kiến nghị khởi tố",
        label_en="crime reports",
        unit_date="received_on",
        id_prefix="CR",
        id_digits=5,
    ),
    RecordType(
        name="criminal_cases",
        cls=CriminalCase,
        label_vi="vụ án hình sự",
        label_en="criminal cases",
        unit_date="opened_on",
        id_prefix="CC",
        id_digits=5,
    ),
    RecordType(
        name="support_actions",
        cls=SupportAction,
        label_vi="hoạt động hỗ trợ",
        label_en="support actions",
        unit_date="delivered_on",
        id_prefix="SA",
        id_digits=6,
    ),
    RecordType(
        name="outreach_events",
        cls=OutreachEvent,
        label_vi="hoạt động tuyên truyền",
        label_en="outreach events",
        unit_date="held_on",
        id_prefix="OE",
        id_digits=6,
    ),
    RecordType(
        name="model_reviews",
        cls=ModelReview,
        label_vi="sơ kết, tổng kết mô hình",
        label_en="model reviews",
        unit_date="held_on",
        id_prefix="MR",
        id_digits=4,
    ),
    RecordType(
        name="report_submissions",
        cls=ReportSubmission,
        label_vi="báo cáo đã gửi",
        label_en="report submissions",
        unit_date=None,
        id_prefix="RS",
        id_digits=4,
    ),
    RecordType(
        name="safety_assessments",
        cls=SafetyAssessment,
        label_vi="đánh giá an toàn về an ninh, trật tự",
        label_en="safety assessments",
        unit_date="assessed_on",
        id_prefix="SF",
        id_digits=4,
    ),
)

#: The record types by interchange name, in the data dictionary's order.
RECORD_TYPES_BY_NAME: Final[Mapping[str, RecordType]] = MappingProxyType(
    {t.name: t for t in RECORD_TYPE_LIST}
)
_GETTERS: Final = {t.name: attrgetter(t.unit_date) for t in RECORD_TYPE_LIST if t.unit_date}


def record_type(name: str) -> RecordType:
    """The record type of interchange name ``name``.

    Raises:
        KeyError: for a name that is not a record type.
    """
    return RECORD_TYPES_BY_NAME[name]
