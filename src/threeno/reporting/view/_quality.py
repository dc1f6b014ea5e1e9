"""The data-quality section: what was read, accepted and rejected, and where records went.

From the load report (records read, accepted and rejected by record type, each rejected
record's problems, the problems between records, the notes) and the evaluation's
:class:`~threeno.indicators.results.DataQuality` (where each record type's records were
placed: in scope, crosswalked, in a unit not selected, or left out for their unit code).
Everything is in the report's language; what was loaded is named by the last part of its
name, never a whole path.

Plan clauses: IV.2 (the report states the data it rests on).
"""

from __future__ import annotations

from pathlib import PurePath
from typing import TYPE_CHECKING, Final

from threeno.indicators.engine import PLACEMENTS
from threeno.reporting.view._classes import LoadRow, Placement, QualityView
from threeno.reporting.view._words import type_label

if TYPE_CHECKING:
    from threeno.indicators.results import DataQuality
    from threeno.io.report import LoadReport
    from threeno.lang import Lang

__all__ = ["quality", "source_name"]

# What the loader calls records given in memory rather than read from a file
# (:func:`threeno.io.datasets.load_dataset` of a mapping or of records).
_IN_MEMORY: Final = frozenset({"the document", "the records"})


def source_name(source: str) -> str:
    """What was loaded, by the last part of its name: never a whole path.

    A path names the folders of the machine it was read on (and may name a person's
    folder): ``/home/…/lai-chau-2024`` is shown as ``lai-chau-2024``, so that the same
    data give the same report anywhere. Records given in memory have no name (``""``).
    """
    if source in _IN_MEMORY:
        return ""
    return PurePath(source).name or source


def quality(data_quality: DataQuality, load_report: LoadReport | None, lang: Lang) -> QualityView:
    """The data-quality section of an internal report (every line; see ``published_quality``).

    A record type without units (report submissions belong to agencies) has its
    records read only: its other placements are ``None``.
    """
    placements = tuple(
        Placement(
            record_type=name,
            label=type_label(name, lang),
            counts=(counts["read"], *(None,) * (len(PLACEMENTS) - 1))
            if set(counts) == {"read"}
            else tuple(counts.get(key, 0) for key in PLACEMENTS),
        )
        for name, counts in data_quality.counts.items()
    )
    crosswalk = tuple(use.text(lang) for use in data_quality.crosswalk)
    issues = tuple(issue.text(lang) for issue in data_quality.issues)
    if load_report is None:
        return QualityView(
            load_source=None,
            load_rows=(),
            load_totals=(0, 0, 0),
            rejections=(),
            problems=(),
            notes=(),
            placements=placements,
            issues=issues,
            crosswalk=crosswalk,
        )
    return QualityView(
        load_source=source_name(load_report.source),
        load_rows=tuple(
            LoadRow(
                record_type=name,
                label=type_label(name, lang),
                read=c.read,
                accepted=c.accepted,
                rejected=c.rejected,
            )
            for name, c in load_report.counts.items()
        ),
        load_totals=(load_report.read, load_report.accepted, load_report.rejected),
        rejections=tuple(
            line for r in load_report.rejections for line in r.text(lang).splitlines()
        ),
        problems=tuple(p.text(lang) for p in load_report.problems),
        notes=tuple(note.text(lang) for note in load_report.notes),
        placements=placements,
        issues=issues,
        crosswalk=crosswalk,
    )
