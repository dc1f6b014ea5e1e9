"""A real ``threeno serve`` in a subprocess on a free localhost port, and a client for it.

The server runs the installed command (``python -m threeno.cli serve --port 0``); the
port is read from uvicorn's line "Uvicorn running on http://127.0.0.1:PORT", so no port
is guessed. Everything the server writes on standard error (its log) is kept, to be
searched. Requests go over HTTP with :mod:`http.client` (only to 127.0.0.1).
"""

from __future__ import annotations

import http.client
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import attrs

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

#: How long a server may take to start (it loads the bundled plans).
START_SECONDS: Final = 60.0
_RUNNING: Final = re.compile(r"Uvicorn running on http://127\.0\.0\.1:(\d+)")


@attrs.frozen(kw_only=True)
class Answer:
    """One HTTP answer: status, headers (names in lower case) and body."""

    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:  # noqa: ANN401 - any JSON value
        """The body as JSON."""
        return json.loads(self.body)

    @property
    def text(self) -> str:
        """The body as UTF-8 text."""
        return self.body.decode("utf-8")

    @property
    def code(self) -> str:
        """An error answer's code."""
        code: str = self.json()["error"]["code"]
        return code


class Server:
    """``threeno serve ARGS`` on 127.0.0.1 and a free port, until :meth:`stop`."""

    def __init__(self, *args: str, env: Mapping[str, str] | None = None) -> None:
        """Start the server and wait until it listens."""
        # A token of the developer's environment is not inherited: a test gives its own.
        environment = {k: v for k, v in os.environ.items() if k != "THREENO_TOKEN"}
        environment.update({"PYTHONUNBUFFERED": "1", **(env or {})})
        command = [sys.executable, "-m", "threeno.cli", "serve", "--port", "0", *args]
        self.process = subprocess.Popen(  # noqa: S603 - our own command
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=environment,
        )
        self.lines: list[str] = []
        self.out: list[str] = []
        self._ready = threading.Event()
        self.port = 0
        self._readers = [
            threading.Thread(target=self._read_log, daemon=True),
            threading.Thread(target=self._read_out, daemon=True),
        ]
        for reader in self._readers:
            reader.start()
        if not self._ready.wait(START_SECONDS) or not self.port:
            self.stop()
            msg = f"the server did not start: {''.join(self.lines)[-2000:]}"
            raise RuntimeError(msg)

    def _read_log(self) -> None:
        assert self.process.stderr is not None
        for raw in self.process.stderr:
            line = raw.decode("utf-8", "replace")
            self.lines.append(line)
            match = _RUNNING.search(line)
            if match:
                self.port = int(match[1])
                self._ready.set()
        self._ready.set()  # the process ended

    def _read_out(self) -> None:
        assert self.process.stdout is not None
        self.out.extend(raw.decode("utf-8", "replace") for raw in self.process.stdout)

    @property
    def log(self) -> str:
        """What the server wrote so far (standard error, then standard output)."""
        return "".join(self.lines) + "".join(self.out)

    @property
    def base(self) -> str:
        """The server's address, ``http://127.0.0.1:PORT``."""
        return f"http://127.0.0.1:{self.port}"

    def connect(self, timeout: float = 60.0) -> http.client.HTTPConnection:
        """A new connection to the server."""
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)

    def request(
        self,
        method: str,
        path: str,
        body: bytes | str | Mapping[str, Any] | Sequence[Any] | None = None,
        headers: Mapping[str, str] | None = None,
        *,
        connection: http.client.HTTPConnection | None = None,
    ) -> Answer:
        """One request; a body that is not bytes is sent as JSON (``Content-Type`` set)."""
        sent: dict[str, str] = {}
        data: bytes | None
        if body is None or isinstance(body, bytes):
            data = body
        else:
            data = (body if isinstance(body, str) else json.dumps(body)).encode("utf-8")
            sent["Content-Type"] = "application/json"
        sent.update(headers or {})
        conn = connection or self.connect()
        try:
            conn.request(method, path, body=data, headers=sent)
            response = conn.getresponse()
            answer = Answer(
                status=response.status,
                headers={k.lower(): v for k, v in response.getheaders()},
                body=response.read(),
            )
        finally:
            if connection is None:
                conn.close()
        return answer

    def get(self, path: str, headers: Mapping[str, str] | None = None) -> Answer:
        """``GET path``."""
        return self.request("GET", path, headers=headers)

    def post(
        self,
        path: str,
        body: bytes | str | Mapping[str, Any] | Sequence[Any],
        headers: Mapping[str, str] | None = None,
    ) -> Answer:
        """``POST path`` with a body (JSON unless bytes)."""
        sent = dict(headers or {})
        if isinstance(body, bytes):
            sent.setdefault("Content-Type", "application/json")
        return self.request("POST", path, body, sent)

    def rss_kib(self) -> int:
        """The server process's resident set size, in KiB (``/proc/PID/status``)."""
        status = Path(f"/proc/{self.process.pid}/status").read_text(encoding="ascii")
        match = re.search(r"^VmRSS:\s+(\d+) kB$", status, re.MULTILINE)
        assert match is not None
        return int(match[1])

    def stop(self) -> int:
        """Interrupt the server as Ctrl-C would, wait for it, and return its exit code."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=30)
        for reader in self._readers:
            reader.join(timeout=10)
        for stream in (self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()
        return self.process.returncode


def wait_until(condition: Any, seconds: float = 30.0) -> bool:  # noqa: ANN401 - a callable
    """Poll ``condition()`` until it is true or ``seconds`` pass."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.05)
    return bool(condition())
