"""``threeno report --dask ADDRESS`` and ``--workers N``: the report made on a Dask cluster."""

from __future__ import annotations

import importlib.util

import pytest

from threeno import cli
from threeno.testing.synthetic import demo_path

#: Whether the dask extra is installed (the tests that start a cluster need it).
EXTRA: bool = all(importlib.util.find_spec(name) for name in ("dask", "distributed"))


def usage_error(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    """The one line a refused command writes, checking exit code 2 and no output."""
    code = cli.main(argv)
    captured = capsys.readouterr()
    assert (code, captured.out) == (2, "")
    return captured.err


@pytest.mark.skipif(not EXTRA, reason='needs the dask extra: "threeno[dask]"')
def test_report_on_one_worker_is_the_report(capsys: pytest.CaptureFixture[str]) -> None:
    """The JSON report of the demo data on a local cluster of one worker process.

    It equals the report made on this process, byte for byte (the demo data have no
    problem between records, which a cluster does not look for).
    """
    argv = ["report", "--format", "json", "--lang", "en"]
    assert cli.main(argv) == 0
    here = capsys.readouterr().out
    assert cli.main([*argv, "--workers", "1"]) == 0
    assert here == capsys.readouterr().out


def test_dask_and_workers(capsys: pytest.CaptureFixture[str]) -> None:
    """A running cluster and a local one: one or the other."""
    err = usage_error(capsys, ["report", "--dask", "tcp://127.0.0.1:8786", "--workers", "2"])
    assert "--dask (một cụm Dask có sẵn) và --workers" in err
    err = usage_error(
        capsys, ["report", "--dask", "tcp://127.0.0.1:8786", "--workers", "2", "--lang", "en"]
    )
    assert "error: --dask (a running Dask cluster) and --workers" in err


def test_extra_missing(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the dask extra, the command says how to install it (exit 2)."""
    found = importlib.util.find_spec

    def without_dask(name: str, package: str | None = None) -> object:
        return None if name in {"dask", "distributed"} else found(name, package)

    monkeypatch.setattr(importlib.util, "find_spec", without_dask)
    err = usage_error(capsys, ["report", "--workers", "2", "--lang", "en"])
    expected = (
        "error: --workers runs the evaluation on a Dask cluster and needs the dask extra:"
        ' pip install "threeno[dask]"'
    )
    assert expected in err


def test_records_not_a_folder(capsys: pytest.CaptureFixture[str]) -> None:
    """A single file of records is not split: the cluster reads a folder."""
    one = demo_path() / "subjects.jsonl"
    err = usage_error(capsys, ["report", "--workers", "1", "--data", str(one), "--lang", "en"])
    assert "error: --workers reads a folder of records" in err


@pytest.mark.parametrize("given", ["0", "-2", "two"])
def test_workers_a_whole_number(capsys: pytest.CaptureFixture[str], given: str) -> None:
    """--workers N: N is 1 or more."""
    with pytest.raises(SystemExit) as exited:
        cli.main(["report", "--workers", given])
    assert exited.value.code == 2
    assert "must be a whole number, 1 or more" in capsys.readouterr().err


@pytest.mark.skipif(not EXTRA, reason='needs the dask extra: "threeno[dask]"')
def test_scheduler_not_answering(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A scheduler address where nothing listens (port 1 of this machine)."""
    from threeno import _cli_dask  # noqa: PLC0415 - imports the command's module

    monkeypatch.setattr(_cli_dask, "CONNECT_SECONDS", 2)  # the command waits 20 s
    err = usage_error(capsys, ["report", "--dask", "tcp://127.0.0.1:1", "--lang", "en"])
    assert "error: cannot reach the Dask scheduler 'tcp://127.0.0.1:1'" in err
