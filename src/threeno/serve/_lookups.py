"""The service's endpoints that read no records: plans, indicators, schemas, health.

Each takes a :class:`~threeno.serve._work.Call` and returns a
:class:`~threeno.serve._work.Reply`, calling the library's public functions as the
command does (``threeno plan show``, ``threeno indicators``, ``threeno schema``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import threeno
from threeno import plans
from threeno.indicators.catalogue import CATALOGUE
from threeno.io.schema import SCHEMA_NAMES
from threeno.lang import LANGS
from threeno.serve._http import ServiceError, shown
from threeno.serve._work import Call, Reply, json_reply, plan_of, to_json

if TYPE_CHECKING:
    from threeno.model.plan import Plan
    from threeno.serve._config import ServeConfig


def _plan_head(plan: Plan, config: ServeConfig) -> dict[str, object]:
    return {
        "id": plan.id,
        "title_vi": plan.title_vi,
        "title_en": plan.title_en,
        "number": plan.number,
        "year": plan.year,
        "issued_on": plan.issued_on,
        "bundled": plan.id in plans.available(),
        "default": plan.id == config.default_plan,
    }


def plan_list(call: Call) -> Reply:
    """``GET /v1/plans``: the plans requests may name."""
    config = call.config
    return json_reply({"plans": [_plan_head(p, config) for p in config.plans.values()]})


def _plan_by_path(call: Call) -> Plan:
    plan = call.config.plans.get(call.path or "")
    if plan is None:
        known = ", ".join(call.config.plans)
        raise ServiceError(404, "service_unknown_plan", plan=shown(call.path), known=known)
    return plan


def plan_detail(call: Call) -> Reply:
    """``GET /v1/plans/{plan}``: a plan's units, agencies, targets, settings and summary."""
    plan = _plan_by_path(call)
    year = plan.reporting_year
    body = {
        **_plan_head(plan, call.config),
        "reporting_year": {"text": str(year), "start": year.start, "end": year.end},
        "convention": plan.reporting.convention.value,
        "units": [
            {
                "code": u.code,
                "name": u.full_name,
                "valid_from": u.valid_from,
                "valid_to": u.valid_to,
            }
            for u in plan.units
        ],
        "agencies": [
            {"id": a.id, "name_vi": a.name_vi, "name_en": a.name_en} for a in plan.agencies
        ],
        "indicators": list(plan.report_indicators),
        "targets": [{"indicator": t.indicator, **t.to_dict()} for t in plan.targets],
        "settings": {
            "count_receipt_day": plan.evaluation.count_receipt_day,
            "crosswalk": plan.evaluation.crosswalk,
            "suspension_counts_as_resolved": plan.evaluation.suspension_counts_as_resolved,
            "assess_assumed_targets": plan.evaluation.assess_assumed_targets,
            "days_allowed": plan.reporting.days_allowed,
            "days_allowed_set_by_plan": plan.reporting.days_allowed_set_by_plan,
            "days_off": [
                {"date": d.date, "name_vi": d.name_vi, "name_en": d.name_en}
                for d in plan.calendar.days_off
            ],
            "working_days": [
                {"date": d.date, "name_vi": d.name_vi, "name_en": d.name_en}
                for d in plan.calendar.working_days
            ],
        },
        "summary": plans.summary(plan, lang=call.lang),
    }
    return json_reply(body)


def indicator_list(call: Call) -> Reply:
    """``GET /v1/indicators``: the catalogue with a plan's clauses and targets (``indicators``)."""
    plan = plan_of(call)
    reported = set(plan.report_indicators or (i.id for i in CATALOGUE))
    rows = []
    for ind in CATALOGUE:
        target = plan.target(ind.id)
        rows.append(
            {
                "id": ind.id,
                "kind": ind.kind.value,
                "level": ind.level.value,
                "name": ind.name(call.lang),
                "name_vi": ind.name_vi,
                "name_en": ind.name_en,
                "clauses": list(plan.clauses_for(ind.id)),
                "target": None if target is None else target.to_dict(),
                "in_report": ind.id in reported,
            }
        )
    return json_reply({"plan": plan.id, "indicators": rows})


def schema(call: Call) -> Reply:
    """``GET /v1/schema[/{record_type}]``: the JSON Schema of the dataset or a record type."""
    name = call.path or "dataset"
    if name not in SCHEMA_NAMES:
        raise ServiceError(
            404, "service_unknown_schema", name=shown(name), known=", ".join(SCHEMA_NAMES)
        )
    return Reply(body=to_json(threeno.json_schema(name)), media_type="application/schema+json")


def health(_: Call) -> Reply:
    """``GET /v1/health``: the service answers (no token needed); its version and languages."""
    return json_reply({"status": "ok", "version": threeno.__version__, "languages": list(LANGS)})
