"""Tokens, origins, the address, publication, plan files, and what happens on a bug.

Real servers, each started with the options under test: a bearer token from the
environment and a token file; CORS for one origin; ``--publish``; a plan file. The
catch-all is tested in-process, since no request can make a real server fail.
"""

from __future__ import annotations

import hmac
import json
import logging
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

import threeno
from tests.serve.live_server import Server
from tests.serve.serve_samples import EMPTY, ONE_REPORT, check_error
from threeno import cli
from threeno.errors import ValidationError
from threeno.rules.calendar import plan_calendar
from threeno.serve import (
    MIN_TOKEN_LENGTH,
    ServeConfig,
    ServiceLimits,
    _lookups,
    create_app,
    read_tokens,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from tests.serve.conftest import Demo

TOKEN_ENV = "env-token-0123456789abcdef"  # noqa: S105 - a test's token
TOKENS_IN_FILE = ("file-token-one-0123456789", "file-token-two-0123456789")
ORIGIN = "https://tracker.example.vn"
LOCALITY_PLAN = Path(__file__).parents[1] / "data" / "locality" / "plan.toml"


def _stopped(server: Server) -> str:
    log = server.log
    assert server.stop() == 0, log[-2000:]
    assert "Traceback" not in log
    assert "service_internal_error" not in log
    return log


@pytest.fixture(scope="module")
def secured(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server that takes the token of THREENO_TOKEN and the two of a token file."""
    path = tmp_path_factory.mktemp("tokens") / "tokens.txt"
    path.write_text("# the tracker\n" + TOKENS_IN_FILE[0] + "\n\n  " + TOKENS_IN_FILE[1] + "\n")
    server = Server("--token-file", str(path), env={"THREENO_TOKEN": TOKEN_ENV})
    yield server
    log = _stopped(server)
    for token in (TOKEN_ENV, *TOKENS_IN_FILE, "wrong-token"):
        assert token not in log  # no token is ever logged


@pytest.fixture(scope="module")
def open_to_one() -> Iterator[Server]:
    """A server that lets pages of one origin call it."""
    server = Server("--cors-origin", ORIGIN)
    yield server
    _stopped(server)


@pytest.fixture(scope="module")
def publishing() -> Iterator[Server]:
    """A server whose reports are published by default, at k = 11."""
    server = Server("--publish", "--suppress-below", "11")
    yield server
    _stopped(server)


@pytest.fixture(scope="module")
def locality() -> Iterator[Server]:
    """A server with the second locality's plan file."""
    server = Server("--plan-file", str(LOCALITY_PLAN))
    yield server
    _stopped(server)


class TestTokens:
    """A bearer token, compared in constant time; only /v1/health without one."""

    def test_none(self, secured: Server) -> None:
        """No token: 401, a coded message, and the challenge of RFC 6750."""
        answer = secured.get("/v1/plans")
        check_error(answer, 401, "service_token_missing", "vi")
        assert answer.headers["www-authenticate"] == 'Bearer realm="threeno"'
        other = secured.get("/v1/plans", {"Authorization": "Basic dXNlcjpwYXNz"})
        check_error(other, 401, "service_token_missing", "vi")

    def test_wrong(self, secured: Server) -> None:
        """A token not accepted: 401 ``invalid_token``, in the language asked."""
        headers = {"Authorization": "Bearer wrong-token", "Accept-Language": "en"}
        answer = secured.request("POST", "/v1/validate", EMPTY, headers)
        check_error(answer, 401, "service_token_invalid", "en")
        assert 'error="invalid_token"' in answer.headers["www-authenticate"]
        prefix = TOKEN_ENV[:-1]
        check_error(
            secured.get("/v1/plans", {"Authorization": f"Bearer {prefix}"}),
            401,
            "service_token_invalid",
            "vi",
        )

    @pytest.mark.parametrize("token", [TOKEN_ENV, *TOKENS_IN_FILE])
    def test_accepted(self, secured: Server, token: str) -> None:
        """Each token lets a request in; the scheme's case does not matter."""
        for scheme in ("Bearer", "bearer"):
            answer = secured.request(
                "POST", "/v1/time-limit", ONE_REPORT, {"Authorization": f"{scheme} {token}"}
            )
            assert answer.status == 200, answer.body[:300]

    def test_health_needs_none(self, secured: Server) -> None:
        """A load balancer checks the service without a token."""
        assert secured.get("/v1/health").status == 200

    def test_documented(self, secured: Server) -> None:
        """The OpenAPI document says so: bearer for all, none for health, 401 answers."""
        headers = {"Authorization": f"Bearer {TOKEN_ENV}"}
        document = secured.get("/v1/openapi.json", headers).json()
        assert document["security"] == [{"bearerAuth": []}]
        assert document["paths"]["/v1/health"]["get"]["security"] == []
        assert "401" in document["paths"]["/v1/evaluate"]["post"]["responses"]

    def test_compared_in_constant_time(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Digests compared with hmac.compare_digest, every one, a match or not."""
        from threeno.serve import _app  # noqa: PLC0415 - needs the extra (Starlette)

        calls: list[tuple[bytes, bytes]] = []
        real = hmac.compare_digest

        def counting(a: bytes, b: bytes) -> bool:
            calls.append((a, b))
            return real(a, b)

        monkeypatch.setattr(hmac, "compare_digest", counting)
        digests = ServeConfig(tokens=[TOKEN_ENV, *TOKENS_IN_FILE]).tokens
        assert _app._accepted(TOKENS_IN_FILE[0], digests)
        assert len(calls) == 3  # no early exit at the match
        assert all(len(a) == len(b) == 32 for a, b in calls)  # SHA-256s: lengths say nothing
        calls.clear()
        assert not _app._accepted("x" * 40, digests)
        assert len(calls) == 3

    def test_never_kept_or_shown(self) -> None:
        """The configuration keeps digests only, and its repr shows none."""
        config = ServeConfig(tokens=[TOKEN_ENV])
        assert TOKEN_ENV.encode() not in b"".join(config.tokens)
        assert "tokens" not in repr(config)


class TestOrigins:
    """CORS: off unless an origin is configured, then for that origin only."""

    def test_off_by_default(self, server: Server) -> None:
        """No Access-Control header for any origin; a preflight is refused, coded."""
        answer = server.get("/v1/plans", {"Origin": ORIGIN})
        assert answer.status == 200
        assert not any(h.startswith("access-control-") for h in answer.headers)
        preflight = server.request(
            "OPTIONS",
            "/v1/evaluate",
            headers={"Origin": ORIGIN, "Access-Control-Request-Method": "POST"},
        )
        check_error(preflight, 403, "service_cors_not_allowed", "vi")
        assert "access-control-allow-origin" not in preflight.headers

    def test_configured_origin(self, open_to_one: Server) -> None:
        """The origin configured: its preflight passes, its answers carry the headers."""
        preflight = open_to_one.request(
            "OPTIONS",
            "/v1/evaluate",
            headers={
                "Origin": ORIGIN,
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "authorization, content-type",
            },
        )
        assert preflight.status == 204
        assert preflight.headers["access-control-allow-origin"] == ORIGIN
        assert "POST" in preflight.headers["access-control-allow-methods"]
        assert "Authorization" in preflight.headers["access-control-allow-headers"]
        answer = open_to_one.post("/v1/evaluate?period=2024", EMPTY, {"Origin": ORIGIN})
        assert answer.headers["access-control-allow-origin"] == ORIGIN
        assert "Threeno-Complete" in answer.headers["access-control-expose-headers"]
        assert answer.headers["vary"] == "Origin"

    def test_other_origin(self, open_to_one: Server) -> None:
        """Another origin (even a look-alike): no header, preflight refused."""
        for origin in ("https://evil.example", ORIGIN + ".evil.example", ORIGIN.upper()):
            answer = open_to_one.get("/v1/plans", {"Origin": origin})
            assert "access-control-allow-origin" not in answer.headers
            preflight = open_to_one.request(
                "OPTIONS",
                "/v1/plans",
                headers={"Origin": origin, "Access-Control-Request-Method": "GET"},
            )
            check_error(preflight, 403, "service_cors_not_allowed", "vi")


class TestAddress:
    """The service listens on this machine only unless told otherwise."""

    def test_default_is_localhost(self, server: Server) -> None:
        """The server listens on 127.0.0.1 (read in /proc, no traffic to another address)."""
        assert ServeConfig().host == "127.0.0.1"
        args = cli.build_parser().parse_args(["serve"])
        assert (args.host, args.port) == ("127.0.0.1", 8000)
        listening = _listening(server.process.pid)
        assert listening == {("127.0.0.1", server.port)}, listening


def _listening(pid: int) -> set[tuple[str, int]]:
    """The IPv4 and IPv6 addresses a process listens on, from /proc/PID/net/tcp{,6}."""
    sockets = {
        link.resolve().name.removeprefix("socket:[").removesuffix("]")
        for link in Path(f"/proc/{pid}/fd").iterdir()
        if link.resolve().name.startswith("socket:[")
    }
    found = set()
    for table in ("tcp", "tcp6"):
        lines = Path(f"/proc/{pid}/net/{table}").read_text(encoding="ascii").splitlines()[1:]
        for line in lines:
            fields = line.split()
            local, state, inode = fields[1], fields[3], fields[9]
            if state != "0A" or inode not in sockets:  # 0A: LISTEN
                continue
            address, port = local.split(":")
            if table == "tcp":
                octets = bytes.fromhex(address)[::-1]
                found.add((".".join(str(o) for o in octets), int(port, 16)))
            else:
                found.add((address, int(port, 16)))
    return found


class TestPublish:
    """``--publish``: the report endpoint's default; a request may still ask otherwise."""

    def test_default_published(self, publishing: Server, demo: Demo) -> None:
        """No parameter: ``render(..., suppress_below=11)``; publish=false: the internal one."""
        plan = demo.plan
        _, report = threeno.load_dataset(demo.document, plan=plan)
        evaluation = threeno.evaluate(
            plan,
            demo.data,
            plan.period("2024-H1"),
            explain="failures",
            calendar=plan_calendar(plan),
        )
        answer = publishing.post("/v1/report?period=2024-H1&format=md", demo.document)
        assert answer.headers["threeno-published"] == "true"
        expected = threeno.render(
            evaluation, "md", plan=plan, load_report=report, suppress_below=11
        )
        assert answer.text == expected
        internal = publishing.post("/v1/report?period=2024-H1&publish=false", demo.document)
        assert internal.text == threeno.render(evaluation, "md", plan=plan, load_report=report)
        assert "CR-" in internal.text
        assert "CR-" not in answer.text  # a published report lists no record
        five = publishing.post("/v1/report?period=2024-H1&suppress_below=5", demo.document)
        expected = threeno.render(evaluation, "md", plan=plan, load_report=report, suppress_below=5)
        assert five.text == expected


class TestPlanFiles:
    """``--plan-file``: another locality's plan, by its id, beside the bundled ones."""

    def test_served(self, locality: Server) -> None:
        """Listed (not bundled), and its indicators are its own 9 plus those asked."""
        plans = {p["id"]: p for p in locality.get("/v1/plans").json()["plans"]}
        assert plans["mau-son-2024"]["bundled"] is False
        plan = threeno.load_plan(LOCALITY_PLAN)
        records = LOCALITY_PLAN.parent / "records"
        data, _ = threeno.load_dataset(records, plan=plan)
        document = {
            "schema": "threeno/1",
            **{
                name: [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]
                for path in sorted(records.glob("*.jsonl"))
                for name in [path.stem]
            },
        }
        answer = locality.post(
            "/v1/evaluate?plan=mau-son-2024&period=2024&indicator=support.coverage"
            "&indicator=cases.missed",
            document,
        )
        shown = answer.json()["evaluation"]
        assert plan.indicators is not None
        wanted = (*plan.indicators, "cases.missed", "support.coverage")  # the catalogue's order
        expected = threeno.evaluate(
            plan,
            data,
            plan.period("2024"),
            explain="none",
            indicators=wanted,
            calendar=plan_calendar(plan),
        )
        assert shown == json.loads(expected.to_json())
        assert len(shown["indicators"]) == len(plan.indicators) + 2


class TestCommand:
    """``threeno serve``'s refusals before it starts, each coded."""

    def test_token_file_missing(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A token file that cannot be read: exit 1, the file named, no path."""
        code = cli.main(["serve", "--token-file", str(tmp_path / "none.txt")])
        assert code == cli.EXIT_DATA
        assert "cannot read the token file none.txt" in capsys.readouterr().err

    def test_token_too_short(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A short token: the line named, never the token."""
        path = tmp_path / "tokens.txt"
        path.write_text("# comment\nshort-secret\n")
        assert cli.main(["serve", "--token-file", str(path)]) == cli.EXIT_DATA
        err = capsys.readouterr().err
        assert f"tokens.txt, line 2: a token shorter than {MIN_TOKEN_LENGTH}" in err
        assert "short-secret" not in err
        with pytest.raises(ValidationError) as caught:
            read_tokens(path)
        assert caught.value.code == "service_token_too_short"
        empty = tmp_path / "empty.txt"
        empty.write_text("# nothing\n\n")
        with pytest.raises(ValidationError) as caught:
            read_tokens(empty)
        assert caught.value.code == "service_token_file_empty"
        with pytest.raises(ValidationError) as caught:
            ServeConfig(tokens=["short"])
        assert caught.value.code == "service_token_too_short"

    def test_plan_id_taken(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A plan file whose id is a bundled plan's: exit 2."""
        bundled = Path(threeno.plans.__file__).parent / "lai-chau-2024.toml"
        assert cli.main(["serve", "--plan-file", str(bundled)]) == cli.EXIT_USAGE
        assert "lai-chau-2024.toml" in capsys.readouterr().err

    def test_not_installed(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Without the extra: exit 2, and how to install it."""
        import importlib.util  # noqa: PLC0415 - patched for this test only

        real = importlib.util.find_spec
        monkeypatch.setattr(
            importlib.util,
            "find_spec",
            lambda name, *a: None if name == "starlette" else real(name, *a),
        )
        assert cli.main(["serve"]) == cli.EXIT_USAGE
        assert 'pip install "threeno[serve]"' in capsys.readouterr().err

    def test_limits(self) -> None:
        """A limit of 0 or below is refused, coded."""
        with pytest.raises(ValidationError) as caught:
            ServiceLimits(records=0)
        assert caught.value.code == "limit_not_positive"
        with pytest.raises(ValidationError) as caught:
            ServiceLimits(seconds=float("nan"))
        assert caught.value.code == "service_seconds_not_positive"

    def test_import_threeno_has_no_web_stack(self) -> None:
        """``import threeno`` (and the command, and threeno.serve) import no web framework."""
        code = (
            "import sys, threeno, threeno.cli, threeno.serve; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "{'starlette', 'uvicorn', 'anyio', 'h11'}))"
        )
        done = subprocess.run(  # noqa: S603 - our own interpreter
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert done.stdout.strip() == "[]"


class TestCatchAll:
    """A bug answers 500 with a code and the request's id; its message is logged nowhere."""

    def test_internal_error(
        self, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
    ) -> None:
        """An exception whose message holds a name: a coded 500, a coded log line."""
        import anyio  # noqa: PLC0415 - needs the extra

        def broken(*_: Any) -> Any:  # noqa: ANN401 - replaces any function
            msg = "SENTINELNAMEQX 0 failed"
            raise RuntimeError(msg)

        monkeypatch.setattr(_lookups, "_plan_head", broken)
        caplog.set_level(logging.INFO, logger="threeno.serve")
        status, headers, body = anyio.run(_call, create_app(ServeConfig()), "/v1/plans")
        assert status == 500
        error = json.loads(body)["error"]
        request_id = headers["threeno-request-id"]
        assert (error["code"], error["params"]) == (
            "service_internal_error",
            {"request_id": request_id},
        )
        logged = "\n".join(r.getMessage() for r in caplog.records)
        assert f"request {request_id}: service_internal_error: RuntimeError at" in logged
        assert "test_serve_security.py" in logged  # where it was raised: file, line, function
        assert logged.count("service_internal_error: RuntimeError") == 1  # logged once
        assert "SENTINEL" not in logged
        assert "SENTINEL" not in body.decode()
        assert "Traceback" not in logged


async def _call(app: Any, path: str) -> tuple[int, dict[str, str], bytes]:  # noqa: ANN401
    """One GET through an ASGI application, in-process."""
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"127.0.0.1")],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
    }
    await app(scope, receive, send)
    start = next(m for m in sent if m["type"] == "http.response.start")
    headers = {k.decode().lower(): v.decode() for k, v in start["headers"]}
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return start["status"], headers, body
