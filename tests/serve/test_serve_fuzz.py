"""Never a 500: arbitrary bodies to a real server get a 200 or a coded 4xx, nothing else.

Hypothesis sends random bytes, random JSON, and random documents shaped like a dataset
(records of every type with the data dictionary's keys and random values) to every
endpoint that reads records. Every answer is 200, or an error whose code is one of
:data:`threeno.messages.TEMPLATES` with its status; the server's log is then searched for
an internal error and a traceback (by the ``server`` fixture, at its end).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Final

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from threeno.io.schema import json_schema
from threeno.messages import TEMPLATES
from threeno.model.dataset import RECORD_TYPES

if TYPE_CHECKING:
    from tests.serve.live_server import Server

PATHS: Final = (
    "/v1/validate",
    "/v1/evaluate?period=2024&explain=all",
    "/v1/explain/reports.on_time?period=2024-H1",
    "/v1/report?period=2024&format=html&lang=en",
    "/v1/time-limit",
)
ALLOWED: Final = {200, 400, 413, 422}

scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12)
    | st.sampled_from(["2024-01-25", "03386", "khoi_to", "female", "to_giac", "08", "S-1"])
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=12,
)


def _record(name: str) -> st.SearchStrategy[dict[str, Any]]:
    keys = list(json_schema(name)["properties"])
    return st.dictionaries(st.sampled_from(keys) | st.text(max_size=6), values, max_size=8)


documents = st.fixed_dictionaries(
    {"schema": st.sampled_from(["threeno/1", "threeno/1", "threeno/0"])},
    optional={name: st.lists(_record(name), max_size=3) for name in RECORD_TYPES},
)
bodies = (
    st.binary(max_size=64)
    | values.map(lambda v: json.dumps(v).encode())
    | documents.map(lambda d: json.dumps(d).encode())
)


def _check(server: Server, path: str, body: bytes) -> None:
    answer = server.post(path, body)
    assert answer.status in ALLOWED, (answer.status, answer.body[:300])
    if answer.status != 200:
        error = answer.json()["error"]
        assert error["code"] in TEMPLATES
        assert error["status"] == answer.status


@pytest.mark.parametrize("path", PATHS)
@settings(suppress_health_check=[HealthCheck.too_slow])
@given(body=bodies)
def test_any_body(server: Server, path: str, body: bytes) -> None:
    """Any body to any endpoint that reads records: 200 or a coded 4xx."""
    _check(server, path, body)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(document=documents)
def test_documents_evaluated(server: Server, document: dict[str, Any]) -> None:
    """Documents shaped like datasets, evaluated with every setting overridden."""
    query = (
        "/v1/evaluate?period=2024-H1&explain=failures&count_receipt_day=true&crosswalk=true"
        "&days_allowed=0&day_off=2024-02-20&all_indicators=true&allow_out_of_scope=true"
    )
    _check(server, query, json.dumps(document).encode())
