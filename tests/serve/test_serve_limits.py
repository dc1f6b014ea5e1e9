"""Each limit of the service is answered as specified, by a real server given small limits.

Body size (413 ``service_body_too_large``, by ``Content-Length`` or while the body
streams), records per request (413 ``service_too_many_records``), time per request (503
``service_timeout``; 408 ``service_body_timeout`` while the body is still arriving) and
concurrent work (503 ``service_busy`` with ``Retry-After`` once every slot and the
queue are taken). After each, the server goes on answering.
"""

from __future__ import annotations

import concurrent.futures
import json
import socket
import time
from typing import TYPE_CHECKING, Any

import pytest

from tests.serve.live_server import Server, wait_until
from tests.serve.serve_samples import ONE_REPORT, REPORT, check_error
from threeno.io.converter import CONVERTER
from threeno.model.dataset import RECORD_TYPES
from threeno.plans import load_plan
from threeno.testing.synthetic import generate

if TYPE_CHECKING:
    from collections.abc import Iterator

BODY_LIMIT = 65_536
RECORDS_LIMIT = 50


@pytest.fixture(scope="module")
def large_body() -> bytes:
    """A synthetic document of about 8,700 records (2 MB).

    Loading and evaluating it takes more than half a second on this project's machine.
    """
    data = generate(load_plan("lai-chau-2024"), seed=1, scale=10)
    document = {
        "schema": "threeno/1",
        **{name: [CONVERTER.unstructure(r) for r in getattr(data, name)] for name in RECORD_TYPES},
    }
    return json.dumps(document).encode()


def _stopped(server: Server) -> None:
    log = server.log
    assert server.stop() == 0, log[-2000:]
    assert "Traceback" not in log
    assert "service_internal_error" not in log


@pytest.fixture(scope="module")
def small() -> Iterator[Server]:
    """A server that takes 64 KiB and 50 records a request."""
    server = Server("--max-body-bytes", str(BODY_LIMIT), "--max-records", str(RECORDS_LIMIT))
    yield server
    _stopped(server)


@pytest.fixture(scope="module")
def quick() -> Iterator[Server]:
    """A server that gives a request 0.2 seconds."""
    server = Server("--timeout", "0.2")
    yield server
    _stopped(server)


@pytest.fixture(scope="module")
def narrow() -> Iterator[Server]:
    """A server that works on one request at a time, with one waiting."""
    server = Server("--max-concurrent", "1", "--max-queue", "1", "--timeout", "120")
    yield server
    _stopped(server)


class TestSize:
    """Body size and records per request."""

    def test_content_length_over(self, small: Server) -> None:
        """A declared length over the limit: refused before the body is read."""
        conn = small.connect()
        conn.putrequest("POST", "/v1/validate")
        conn.putheader("Content-Type", "application/json")
        conn.putheader("Content-Length", str(10**9))
        conn.endheaders()
        conn.send(b'{"schema": "threeno/1"}')
        response = conn.getresponse()
        body = json.loads(response.read())
        conn.close()
        assert response.status == 413
        assert body["error"]["code"] == "service_body_too_large"
        assert body["error"]["params"] == {"limit": BODY_LIMIT}

    def test_streamed_over(self, small: Server) -> None:
        """A chunked body, no length declared, over the limit: refused while it streams."""
        conn = small.connect()
        chunks = iter([b'{"schema": "threeno/1", "x": "', b"a" * BODY_LIMIT, b'"}'])
        conn.request(
            "POST",
            "/v1/evaluate",
            body=chunks,
            headers={"Content-Type": "application/json", "Accept-Language": "en"},
            encode_chunked=True,
        )
        response = conn.getresponse()
        body = json.loads(response.read())
        conn.close()
        assert response.status == 413
        assert body["error"]["code"] == "service_body_too_large"

    def test_at_the_limit(self, small: Server) -> None:
        """A body of exactly the limit is read (and found not to be a dataset)."""
        prefix = b'{"schema": "threeno/1", "x": "'
        body = prefix + b"a" * (BODY_LIMIT - len(prefix) - 2) + b'"}'
        assert len(body) == BODY_LIMIT
        answer = small.post("/v1/validate?lang=en", body)
        check_error(answer, 422, "unknown_document_keys", "en")

    def test_too_many_records(self, small: Server) -> None:
        """51 records, all types together: 413; 50 are taken."""
        reports = [{**REPORT, "id": f"CR-{i:04d}"} for i in range(40)]
        events = [{"id": f"E-{i}"} for i in range(RECORDS_LIMIT - 40 + 1)]
        document = {"schema": "threeno/1", "crime_reports": reports, "outreach_events": events}
        error = check_error(
            small.post("/v1/validate", document), 413, "service_too_many_records", "vi"
        )
        assert error["params"] == {"count": RECORDS_LIMIT + 1, "limit": RECORDS_LIMIT}
        document["outreach_events"] = events[:-1]
        answer = small.post("/v1/validate", document)
        assert answer.status == 200
        assert answer.json()["read"] == RECORDS_LIMIT
        assert small.get("/v1/health").status == 200


def test_client_gone(small: Server) -> None:
    """A client that leaves mid-body: logged as such (400), not as an internal error."""
    with socket.create_connection(("127.0.0.1", small.port), timeout=30) as raw:
        raw.sendall(
            b"POST /v1/validate HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: application/json\r\nContent-Length: 100\r\n\r\n"
            b'{"schema": '
        )
        time.sleep(0.2)
    assert wait_until(lambda: "POST /v1/validate 400 service_body_incomplete" in small.log)
    assert "service_internal_error" not in small.log


class TestTime:
    """Time per request: the work answered 503 at the limit, a slow body 408."""

    def test_work_out_of_time(self, quick: Server, large_body: bytes) -> None:
        """An evaluation of 8,700 records in 0.2 s: 503, in time; the server goes on."""
        began = time.monotonic()
        answer = quick.post("/v1/evaluate?period=2024&explain=all&lang=en", large_body)
        took = time.monotonic() - began
        error = check_error(answer, 503, "service_timeout", "en")
        assert error["params"] == {"seconds": 0.2}
        assert took < 5  # answered at the limit, not when the work ended
        # The server goes on: once the abandoned work stops, a short request is answered.
        assert wait_until(lambda: quick.post("/v1/time-limit", ONE_REPORT).status == 200)

    def test_body_out_of_time(self, quick: Server) -> None:
        """A body that stops arriving: 408 once the time is up."""
        with socket.create_connection(("127.0.0.1", quick.port), timeout=30) as raw:
            raw.sendall(
                b"POST /v1/validate HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                b"Content-Type: application/json\r\nContent-Length: 100\r\n\r\n"
                b'{"schema": '
            )
            time.sleep(1.0)
            reply = raw.recv(65536)
        head, _, body = reply.partition(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 408 ")
        assert json.loads(body)["error"]["code"] == "service_body_timeout"


class TestBusy:
    """Concurrent work: one slot and one place in the queue; the others are told to retry."""

    def test_busy(self, narrow: Server, large_body: bytes) -> None:
        """Six at once: the first works, one waits, the rest get 503 and Retry-After."""

        def one(_: int) -> Any:  # noqa: ANN401 - an Answer
            return narrow.post("/v1/evaluate?period=2024", large_body)

        with concurrent.futures.ThreadPoolExecutor(6) as pool:
            answers = list(pool.map(one, range(6)))
        statuses = sorted(a.status for a in answers)
        assert set(statuses) <= {200, 503}, statuses
        assert statuses.count(200) >= 2, statuses
        assert statuses.count(503) >= 1, statuses
        for answer in answers:
            if answer.status == 503:
                check_error(answer, 503, "service_busy", "vi")
                assert answer.headers["retry-after"] == "1"
        done = [a.json()["evaluation"] for a in answers if a.status == 200]
        assert all(d == done[0] for d in done)  # the same numbers, whatever the order
        assert narrow.get("/v1/health").status == 200
