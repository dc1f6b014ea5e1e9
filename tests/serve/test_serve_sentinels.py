"""The service sentinel test: no personal value in any answer or any line of the server's log.

Issue 22: "no personal value in any log line or error". The subjects of a small
synthetic dataset hold the sentinels of ``tests/sentinel_data.py`` as their name,
national id and phone; the dataset is sent to a real server as a document, as is, with
the bad subjects appended (each carrying personal data in some form), and cut or
corrupted in the ways a body can fail (not JSON mid-name, not UTF-8 after a name, a
key twice, a name as a key, nested too deep, over the size and record limits). Every
endpoint that reads records runs on them, in both languages, every report format,
internal and published, and every indicator's explanation. Every answer (status line,
headers, body) and the server's whole log are searched for any piece of a sentinel.
Values given as query parameters are the sender's own words, quoted back to the sender
in an error; the log must not hold them either.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Final

import pytest

from tests.sentinel_data import DIGITS, NAME, NATIONAL_ID, PHONE, bad_subjects, with_sentinels
from tests.serve.live_server import Server
from threeno.indicators.catalogue import CATALOGUE
from threeno.indicators.definitions import Level
from threeno.io.converter import CONVERTER
from threeno.model.dataset import RECORD_TYPES
from threeno.plans import load_plan
from threeno.reporting.render import FORMATS
from threeno.testing.synthetic import generate

if TYPE_CHECKING:
    from collections.abc import Iterator

    from tests.serve.live_server import Answer
    from threeno.model.dataset import Dataset

SENTINELS: Final = (NAME, NATIONAL_ID, PHONE)
#: What is searched for: a piece of a sentinel is a leak too (as the command's test).
SEARCHED: Final = ("SENTINEL", "NAMEQX", "NIDQX", "PHONEQX", DIGITS)
RECORDS_LIMIT: Final = 400
BODY_LIMIT: Final = 1 << 20
#: The bad subjects of sentinel_data.bad_subjects, all rejected.
BAD_SUBJECTS: Final = 9
#: The good subject a bad one copies (bad_subjects' last) is rejected too: every copy of
#: a repeated id is (issue 17).
REPEATED: Final = 1


def _document(data: Dataset) -> dict[str, Any]:
    return {
        "schema": "threeno/1",
        **{name: [CONVERTER.unstructure(r) for r in getattr(data, name)] for name in RECORD_TYPES},
    }


class Searched:
    """A server, and everything it answered, to search."""

    def __init__(self, server: Server) -> None:
        """Nothing answered yet."""
        self.server = server
        self.texts: list[tuple[str, str]] = []

    def post(self, path: str, body: bytes, lang: str = "vi") -> Answer:
        """A POST whose answer is kept."""
        answer = self.server.post(path, body, {"Accept-Language": lang})
        head = f"{answer.status} " + " ".join(f"{k}: {v}" for k, v in answer.headers.items())
        self.texts.append((f"POST {path} ({lang})", head + "\n" + answer.text))
        assert answer.status != 500, answer.text
        return answer

    def leaks(self) -> list[str]:
        """Each piece of a sentinel found, with where and a little context."""
        found = []
        for label, text in [*self.texts, ("the server's log", self.server.log)]:
            upper = text.upper()
            for piece in SEARCHED:
                at = upper.find(piece)
                if at >= 0:
                    found.append(f"{label}: {piece}: ...{text[max(at - 80, 0) : at + 40]!r}...")
        return found


@pytest.fixture(scope="module")
def bodies() -> dict[str, bytes]:
    """The bodies sent: good, with bad subjects, and every way of failing; each holds sentinels."""
    data = with_sentinels(generate(load_plan("lai-chau-2024"), seed=11, scale=0.05))
    good = _document(data)
    bad = _document(data)
    bad["subjects"] += bad_subjects(data)
    text = json.dumps(good, indent=1)
    cut = text.index(NAME) + len(NAME) + 1
    subject = good["subjects"][0]
    deep: object = NAME
    for _ in range(40):
        deep = [deep]
    made = {
        "good": text.encode(),
        "bad": json.dumps(bad).encode(),
        "truncated": text[:cut].encode(),
        "not-utf8": text[:cut].encode() + b"\xe9" + text[cut:].encode(),
        "array": json.dumps(bad["subjects"]).encode(),
        "by-id": json.dumps({"schema": "threeno/1", "subjects": {NAME: subject}}).encode(),
        "no-schema": json.dumps({"subjects": bad["subjects"]}).encode(),
        "key-twice": text.replace(
            '"full_name": ', f'"full_name": "{NAME}", "full_name": ', 1
        ).encode(),
        "name-as-key": json.dumps(
            {"schema": "threeno/1", "subjects": [{**subject, subject["full_name"]: True}]}
        ).encode(),
        "too-deep": json.dumps(
            {"schema": "threeno/1", "subjects": [{**subject, "full_name": deep}]}
        ).encode(),
        "nan": text.replace(f'"{NAME}', f'NaN, "x": "{NAME}', 1).encode(),
        "too-many": json.dumps(
            {
                "schema": "threeno/1",
                "subjects": good["subjects"] * (RECORDS_LIMIT // len(good["subjects"]) + 1),
            }
        ).encode(),
        "too-large": json.dumps(
            {"schema": "threeno/1", "x": NAME * (BODY_LIMIT // len(NAME))}
        ).encode(),
    }
    for name, body in made.items():
        assert NAME.encode() in body, name
    assert DIGITS.encode() in made["bad"]
    return made


@pytest.fixture(scope="module")
def searched() -> Iterator[Searched]:
    """A server with small limits (so that bodies can exceed them), searched at the end."""
    server = Server("--max-records", str(RECORDS_LIMIT), "--max-body-bytes", str(BODY_LIMIT))
    run = Searched(server)
    try:
        yield run
    finally:
        server.stop()
    assert "Traceback" not in server.log
    expected: list[str] = []
    assert expected == run.leaks()


PERIOD = "2024"


def test_validate(searched: Searched, bodies: dict[str, bytes]) -> None:
    """Every body, both languages: load reports and errors."""
    for name, body in bodies.items():
        for lang in ("vi", "en"):
            answer = searched.post(f"/v1/validate?lang={lang}", body, lang)
            if name == "good":
                assert answer.status == 200
                assert answer.json()["ok"] is True
            elif name == "name-as-key":  # the record's own name as a key: a rejection
                assert answer.json()["rejected"] == 1
            elif name == "bad":
                assert answer.json()["rejected"] == BAD_SUBJECTS + REPEATED
                assert "BAD-8" in answer.text  # the rejections are listed, and searched
            else:
                assert 400 <= answer.status < 500, (name, answer.text[:300])


@pytest.mark.parametrize("explain", ["all", "failures"])
def test_evaluate(searched: Searched, bodies: dict[str, bytes], explain: str) -> None:
    """Evaluations with every record explained, good data and bad."""
    for name in ("good", "bad", "too-many", "name-as-key"):
        for lang in ("vi", "en"):
            searched.post(
                f"/v1/evaluate?period={PERIOD}&explain={explain}&lang={lang}", bodies[name], lang
            )


def test_explain(searched: Searched, bodies: dict[str, bytes]) -> None:
    """Every indicator, for the area and a unit, on the bad data."""
    for ind in CATALOGUE:
        for lang in ("vi", "en"):
            answer = searched.post(
                f"/v1/explain/{ind.id}?period={PERIOD}&lang={lang}", bodies["bad"], lang
            )
            assert answer.status == 200
        if ind.level is not Level.AGENCY:
            searched.post(f"/v1/explain/{ind.id}?period={PERIOD}&unit=03386", bodies["bad"])


@pytest.mark.parametrize("fmt", FORMATS)
def test_report(searched: Searched, bodies: dict[str, bytes], fmt: str) -> None:
    """Every format and language, internal and published, on good and bad data."""
    for name in ("good", "bad"):
        for lang in ("vi", "en"):
            for publish in ("false", "true"):
                query = f"period={PERIOD}&format={fmt}&lang={lang}&publish={publish}"
                answer = searched.post(f"/v1/report?{query}", bodies[name], lang)
                assert answer.status == 200


def test_time_limit(searched: Searched, bodies: dict[str, bytes]) -> None:
    """Each crime report's limit, from the documents that hold the subjects."""
    reports = json.loads(bodies["good"])["crime_reports"]
    assert reports
    for report in reports[:5]:
        for name in ("good", "bad"):
            answer = searched.post(f"/v1/time-limit?report_id={report['id']}", bodies[name])
            assert answer.status == 200
    searched.post("/v1/time-limit", bodies["bad"])  # several reports: refused


def test_parameters_never_logged(searched: Searched) -> None:
    """A parameter's value is quoted back to its sender only; the log has none."""
    answer = searched.server.post(f"/v1/evaluate?period={NAME}", b'{"schema": "threeno/1"}')
    assert answer.status == 400
    answer = searched.server.post(f"/v1/evaluate?{PHONE}=1", b'{"schema": "threeno/1"}')
    assert answer.status == 400
    answer = searched.server.get(f"/v1/plans/{NATIONAL_ID}")
    assert answer.status == 404
    answer = searched.server.request(NAME, "/v1/plans")  # a method is the client's text too
    assert answer.status == 405
    log = searched.server.log
    assert all(piece not in log.upper() for piece in SEARCHED)
