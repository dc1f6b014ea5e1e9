"""Small hand-checked datasets for the report and command tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from threeno.model.crime import CrimeReport, Suspension
from threeno.model.dataset import Dataset
from threeno.model.enums import Decision, ReportSource, SuspensionReason


def report(rid: str, received: dt.date, **fields: Any) -> CrimeReport:  # noqa: ANN401
    """A crime report (Art. 150) received by the City Police in Quyết Thắng (03386)."""
    return CrimeReport(
        id=rid,
        source=ReportSource.TO_GIAC,
        offence_article=150,
        unit_code="03386",
        received_on=received,
        receiving_agency="cong-an-tp",
        **fields,
    )


def three_reports() -> Dataset:
    """The three reports of the indicators guide, all in 03386, in 2024-H1.

    - CR-0017, received 2024-01-25: 20 days end on 14 February, a Tết day off, so the
      limit moves to 15 February (Bộ luật Tố tụng hình sự 2015, Art. 134, 147(1));
      decided (khởi tố) on 20 February: resolved, but late.
    - CR-0018, received 2024-03-04: limit 24 March (a Sunday, so 25 March); decided
      (không khởi tố) on 20 March: resolved on time.
    - CR-0019, received 2024-05-02, suspended for an expert examination from 15 May
      (Art. 148) and still suspended on 14 June: not resolved.
    """
    return Dataset(
        crime_reports=[
            report(
                "CR-0017",
                dt.date(2024, 1, 25),
                classified_on=dt.date(2024, 1, 26),
                decision=Decision.KHOI_TO,
                decided_on=dt.date(2024, 2, 20),
            ),
            report(
                "CR-0018",
                dt.date(2024, 3, 4),
                classified_on=dt.date(2024, 3, 5),
                decision=Decision.KHONG_KHOI_TO,
                decided_on=dt.date(2024, 3, 20),
            ),
            report(
                "CR-0019",
                dt.date(2024, 5, 2),
                classified_on=dt.date(2024, 5, 3),
                suspensions=[
                    Suspension(
                        reason=SuspensionReason.EXPERT_EXAMINATION,
                        from_date=dt.date(2024, 5, 15),
                    )
                ],
                decision=Decision.TAM_DINH_CHI,
                decided_on=dt.date(2024, 5, 15),
            ),
        ]
    )


#: Personal data no report may show, put in every subject of the demo data.
SENTINELS = ("SENTINEL-NAME-Lò Thị Mẩy", "SENTINEL-ID-0123456789", "SENTINEL-PHONE-0912000000")


def with_sentinels(dataset: Dataset) -> Dataset:
    """The dataset with the sentinel name, ID number and phone on every subject."""
    name, national_id, phone = SENTINELS
    subjects = [
        attrs.evolve(s, full_name=name, national_id=national_id, phone=phone)
        for s in dataset.subjects
    ]
    return attrs.evolve(dataset, subjects=subjects)
