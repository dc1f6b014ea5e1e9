"""Outputs that must not destroy anything, inputs that are not files, and system errors.

Issue 17, point 5: ``--out`` replaced the plan it read, turned ``/dev/null`` into a
regular file (as root), replaced a named pipe or ``/dev/stdout`` with a file; a plan path
naming a device or a named pipe was read until memory ran out, or hung, because the size
limit trusted ``stat``. Point 7: unreadable files and folders, and outputs in impossible
places, raised bare ``OSError``s. Every test below reproduces one of them and failed
before the change; each says which.

The tests run as root, which may read anything: a permission refused is simulated by
making :func:`os.open`, :func:`open` or :func:`os.scandir` raise for one path.
"""

from __future__ import annotations

import builtins
import errno
import json
import os
import shutil
import subprocess
import sys
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from threeno import cli
from threeno.errors import DatasetError, OutputError, PlanError, ThreenoError
from threeno.io._atomic import check_output, write_atomic
from threeno.io.datasets import iter_records, load_dataset
from threeno.io.plans import read_plan
from threeno.io.stream import evaluate_stream
from threeno.model.dataset import Dataset
from threeno.plans import load_plan
from threeno.reporting.docs import write_pages
from threeno.testing.synthetic import demo_path, write_jsonl

if TYPE_CHECKING:
    from collections.abc import Callable

PLAN_TEXT = files("threeno.plans").joinpath("lai-chau-2024.toml").read_text(encoding="utf-8")
PLAN = load_plan("lai-chau-2024")
SUBJECT = {
    "id": "S-1",
    "sex": "female",
    "birth_year": 1998,
    "ethnicity": "08",
    "unit_code": "03386",
    "registered_on": "2024-01-10",
    "categories": [{"category": "returned_victim", "since": "2024-01-10"}],
}
posix = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")


def _both(error: ThreenoError) -> tuple[str, str]:
    return error.text("vi"), error.text("en")


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


# -- outputs (point 5) ----------------------------------------------------------------------


class TestReportOut:
    """``report --out`` refuses, before any work, what it must not replace."""

    def test_out_over_the_plan_file(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Reproduces ``report --plan ./p.toml --out p.toml``, which replaced the plan.

        Before: exit 0 and p.toml held the report. After: exit 1, the plan untouched.
        """
        monkeypatch.chdir(tmp_path)
        Path("p.toml").write_text(PLAN_TEXT, encoding="utf-8")
        argv = ["report", "--plan", "./p.toml", "--out", "p.toml", "--lang", "en"]
        assert cli.main(argv) == cli.EXIT_DATA
        expected = (
            "threeno: error: p.toml: is an input of this command; write the output to another"
            " file\n"
        )
        assert expected == capsys.readouterr().err
        assert Path("p.toml").read_text(encoding="utf-8") == PLAN_TEXT

    @posix
    def test_out_a_named_pipe(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Reproduces ``--out FIFO``, which replaced the named pipe with a regular file."""
        pipe = _fifo(tmp_path / "pipe")
        assert cli.main(["report", "--out", str(pipe)]) == cli.EXIT_DATA
        err = capsys.readouterr().err
        assert f"threeno: lỗi: {pipe}: là một đường ống có tên (FIFO), không phải tệp" in err
        assert pipe.is_fifo()

    def test_out_a_link_to_dev_null(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Reproduces ``--out`` naming a link to /dev/null: the link was replaced by a file.

        (``--out /dev/null`` itself, as root, replaced the device: not run here on the
        code before the change, for the machine's sake; see test_dev_null below.)
        """
        link = tmp_path / "null.md"
        link.symlink_to(os.devnull)
        assert cli.main(["report", "--out", str(link), "--lang", "en"]) == cli.EXIT_DATA
        err = capsys.readouterr().err
        assert f"{link}: is a character device, not a regular file;" in err
        assert link.is_symlink()
        assert str(link.readlink()) == os.devnull

    def test_out_a_folder(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A folder as --out is refused, and nothing is evaluated."""
        assert cli.main(["report", "--out", str(tmp_path), "--lang", "en"]) == cli.EXIT_DATA
        assert f"{tmp_path}: is a folder, not a file" in capsys.readouterr().err

    def test_out_through_a_link_to_a_file(self, tmp_path: Path) -> None:
        """A link to a regular file is followed: the file it leads to is replaced, the link kept."""
        real = tmp_path / "real.md"
        real.write_text("old\n", encoding="utf-8")
        link = tmp_path / "link.md"
        link.symlink_to(real)
        write_atomic(link, "new\n")
        assert link.is_symlink()
        assert real.read_text(encoding="utf-8") == "new\n"


class TestCheckOutput:
    """check_output: the one check of every file threeno writes."""

    @pytest.mark.parametrize("device", [os.devnull, "/dev/zero"])
    def test_devices(self, device: str) -> None:
        """/dev/null and /dev/zero are character devices: refused, in both languages."""
        if not Path(device).exists():
            pytest.skip(f"no {device} here")
        with pytest.raises(OutputError) as info:
            check_output(device)
        assert info.value.code == "output_not_regular"
        vi = (
            f"{device}: là một thiết bị ký tự, không phải tệp thông thường; threeno chỉ ghi"
            " tệp thông thường (để in ra màn hình, bỏ --out)"
        )
        en = (
            f"{device}: is a character device, not a regular file; threeno writes only"
            " regular files (to print to the screen, leave out --out)"
        )
        assert (vi, en) == _both(info.value)

    @posix
    def test_dev_stdout_to_a_pipe(self) -> None:
        """``--out /dev/stdout`` when standard output is a pipe: refused, the pipe kept."""
        code = (
            "from threeno.io._atomic import check_output\n"
            "try:\n    check_output('/dev/stdout')\n"
            "except Exception as e:\n    import sys; print(e.code, file=sys.stderr)\n"
        )
        done = subprocess.run(  # noqa: S603 - our interpreter, our code
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert done.stderr.strip() == "output_not_regular"

    def test_a_path_under_a_file(self, tmp_path: Path) -> None:
        """A target whose folder is a file: its folder does not exist."""
        (tmp_path / "file").write_text("x", encoding="utf-8")
        with pytest.raises(OutputError) as info:
            check_output(tmp_path / "file" / "report.md")
        assert info.value.code == "output_folder_missing"


class TestFolderOutputs:
    """``docs --out`` and ``sample --out``: every file of the folder checked before the work."""

    def test_sample_over_a_link_to_dev_null(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Reproduces ``sample --out DIR`` with DIR/subjects.jsonl a link to /dev/null.

        Before: the link was replaced by a file of subjects. After: refused, exit 1.
        """
        link = tmp_path / "subjects.jsonl"
        link.symlink_to(os.devnull)
        argv = ["sample", "--scale", "0.05", "--out", str(tmp_path), "--lang", "en"]
        with pytest.raises(SystemExit):  # sample has no --lang: a usage error
            cli.main(argv)
        capsys.readouterr()
        assert cli.main(argv[:-2]) == cli.EXIT_DATA
        assert f"{link}: is a character device" in capsys.readouterr().err
        assert link.is_symlink()
        assert sorted(p.name for p in tmp_path.iterdir()) == ["subjects.jsonl"]

    @posix
    def test_docs_over_a_named_pipe(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Reproduces ``docs --out DIR`` with DIR/rules.md a named pipe: it was replaced."""
        pipe = _fifo(tmp_path / "rules.md")
        assert cli.main(["docs", "--out", str(tmp_path)]) == cli.EXIT_DATA
        assert f"{pipe}: is a named pipe (FIFO), not a regular file" in capsys.readouterr().err
        assert pipe.is_fifo()
        assert [p.name for p in tmp_path.iterdir()] == ["rules.md"]  # nothing written

    def test_docs_over_its_plan(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """``docs ./index.md --out .``: a plan file named as a page is not replaced."""
        monkeypatch.chdir(tmp_path)
        Path("index.md").write_text(PLAN_TEXT, encoding="utf-8")
        # A plan's path ends in .toml or holds a separator: ./index.md is a path.
        assert cli.main(["docs", "./index.md", "--out", "."]) == cli.EXIT_DATA
        assert "index.md: is an input of this command" in capsys.readouterr().err
        assert Path("index.md").read_text(encoding="utf-8") == PLAN_TEXT


# -- inputs that are not regular files (point 5) -----------------------------------------------


def _run(argv: list[str], timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """The installed program in a subprocess, with a memory ceiling and a time limit."""
    script = Path(sys.executable).parent / "threeno"
    command = [str(script)] if script.is_file() else [sys.executable, "-m", "threeno.cli"]

    def limit_memory() -> None:  # pragma: no cover - runs in the child
        import resource  # noqa: PLC0415 - POSIX only

        ceiling = 1 << 30  # 1 GiB: /dev/zero read whole would pass it in a second
        resource.setrlimit(resource.RLIMIT_AS, (ceiling, ceiling))

    return subprocess.run(  # noqa: S603 - our own program
        [*command, *argv],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        preexec_fn=limit_memory,
    )


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
class TestDevicesAsInputs:
    """/dev/zero and /dev/urandom as a plan or as data: refused at once, never read."""

    @pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
    def test_plan(self, device: str) -> None:
        """Reproduces ``plan show /dev/zero``: read until memory ran out (MemoryError).

        After: exit 1 at once, naming the path and what it is.
        """
        done = _run(["plan", "show", device, "--lang", "en"])
        assert done.returncode == cli.EXIT_DATA, done.stderr[-500:]
        expected = (
            f"threeno: error: {device}: is a character device, not a regular file; threeno"
            " reads regular files (or folders of them)\n"
        )
        assert expected == done.stderr

    def test_data(self) -> None:
        """``--data /dev/zero`` was "no such file or folder"; now it says what it is."""
        with pytest.raises(DatasetError) as info:
            load_dataset("/dev/zero")
        assert info.value.code == "input_not_regular"
        with pytest.raises(DatasetError) as info:
            iter_records("/dev/zero", "subjects")
        assert info.value.code == "input_not_regular"

    def test_read_plan_directly(self) -> None:
        """read_plan of a device: a PlanError, with the code, in both languages."""
        with pytest.raises(PlanError) as info:
            read_plan("/dev/urandom")
        assert info.value.code == "input_not_regular"
        assert info.value.text("vi").startswith("/dev/urandom: là một thiết bị ký tự")


@posix
class TestNamedPipesAsInputs:
    """A named pipe is refused without being opened (opening one waits for a writer)."""

    def test_plan(self, tmp_path: Path) -> None:
        """Reproduces a plan path that is a named pipe: the command hung on it.

        Before: the subprocess never ended (killed by the time limit). After: exit 1.
        """
        pipe = _fifo(tmp_path / "plan.toml")
        done = _run(["plan", "show", str(pipe), "--lang", "en"], timeout=30)
        assert done.returncode == cli.EXIT_DATA
        assert f"{pipe}: is a named pipe (FIFO), not a regular file" in done.stderr

    def test_a_pipe_named_as_records_in_a_folder(self, tmp_path: Path) -> None:
        """Reproduces a folder whose subjects.jsonl is a pipe: it was silently ignored."""
        shutil.copytree(demo_path(), tmp_path / "data")
        (tmp_path / "data" / "subjects.jsonl").unlink()
        _fifo(tmp_path / "data" / "subjects.jsonl")
        with pytest.raises(DatasetError) as info:
            load_dataset(tmp_path / "data")
        assert info.value.code == "input_not_regular"
        with pytest.raises(DatasetError) as info:
            evaluate_stream(PLAN, tmp_path / "data", PLAN.reporting_year)
        assert info.value.code == "input_not_regular"

    def test_a_pipe_given_as_a_file(self, tmp_path: Path) -> None:
        """A pipe named subjects.jsonl given alone: not "no such file", but what it is."""
        pipe = _fifo(tmp_path / "subjects.jsonl")
        for load in (load_dataset, lambda p: iter_records(p, "subjects")):
            with pytest.raises(DatasetError) as info:
                load(pipe)
            assert info.value.code == "input_not_regular"


class TestSizeNotTrusted:
    """The size limits hold whatever ``stat`` says: at most limit + 1 bytes are read."""

    @pytest.fixture
    def lying_stat(self, monkeypatch: pytest.MonkeyPatch) -> Callable[[Path], None]:
        """Make ``os.stat`` and ``os.fstat`` report a file of 10 bytes for one path."""
        real_stat, real_fstat = os.stat, os.fstat
        small: dict[str, Any] = {}

        def shrink(result: os.stat_result) -> os.stat_result:
            fields = list(result)
            fields[6] = 10  # st_size
            return os.stat_result(fields)

        def fake_stat(path: Any, *args: Any, **kwargs: Any) -> os.stat_result:  # noqa: ANN401
            result = real_stat(path, *args, **kwargs)
            return shrink(result) if str(path) in small else result

        def fake_fstat(fd: int) -> os.stat_result:
            result = real_fstat(fd)
            inodes = {(s.st_dev, s.st_ino) for s in small.values()}
            return shrink(result) if (result.st_dev, result.st_ino) in inodes else result

        monkeypatch.setattr(os, "stat", fake_stat)
        monkeypatch.setattr(os, "fstat", fake_fstat)

        def lie_about(path: Path) -> None:
            small[str(path)] = real_stat(path)

        return lie_about

    def test_plan(self, tmp_path: Path, lying_stat: Callable[[Path], None]) -> None:
        """Reproduces a plan file that says it is 10 bytes and holds 4,000: it was read whole.

        Before: the plan was parsed (and refused for another reason, code None). After:
        refused as too large, its size at least the limit + 1.
        """
        path = tmp_path / "plan.toml"
        path.write_text("# a comment\n" * 333 + "\n", encoding="utf-8")  # 3,997 bytes
        lying_stat(path)
        with pytest.raises(PlanError) as info:
            read_plan(path, max_bytes=100)
        assert info.value.code == "plan_too_large"
        assert str(info.value) == f"plan file {path}: 101 bytes, more than the limit of 100 bytes"

    def test_document(self, tmp_path: Path, lying_stat: Callable[[Path], None]) -> None:
        """A JSON document that says it is 10 bytes: refused at the document limit."""
        from threeno.io.datasets import LoadLimits  # noqa: PLC0415 - beside its use

        path = tmp_path / "data.json"
        path.write_text(json.dumps({"schema": "threeno/1", "subjects": [SUBJECT] * 20}))
        lying_stat(path)
        with pytest.raises(DatasetError) as info:
            load_dataset(path, limits=LoadLimits(document_bytes=500))
        assert info.value.code == "document_too_large"

    def test_lines(self, tmp_path: Path, lying_stat: Callable[[Path], None]) -> None:
        """A JSON Lines file that says it is 10 bytes: refused once 500 bytes are read."""
        from threeno.io.datasets import LoadLimits  # noqa: PLC0415 - beside its use

        path = tmp_path / "subjects.jsonl"
        path.write_text((json.dumps(SUBJECT) + "\n") * 20, encoding="utf-8")
        lying_stat(path)
        with pytest.raises(DatasetError) as info:
            load_dataset(path, limits=LoadLimits(file_bytes=500))
        assert info.value.code == "file_too_large"


# -- system errors (point 7) ----------------------------------------------------------------


@pytest.fixture
def refuse(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path], None]:
    """Make opening or listing one path fail as a permission refused (tests run as root)."""
    refused: set[str] = set()
    real_open, real_os_open = builtins.open, os.open
    real_scandir, real_listdir = os.scandir, os.listdir

    def check(path: object) -> None:
        if isinstance(path, str | os.PathLike) and os.fspath(path) in refused:
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))

    def fake_open(file: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: ANN401
        check(file)
        return real_open(file, *args, **kwargs)

    def fake_os_open(path: Any, *args: Any, **kwargs: Any) -> int:  # noqa: ANN401
        check(path)
        return real_os_open(path, *args, **kwargs)

    def fake_scandir(path: Any = ".") -> Any:  # noqa: ANN401
        check(path)
        return real_scandir(path)

    def fake_listdir(path: Any = ".") -> list[str]:  # noqa: ANN401
        check(path)
        return real_listdir(path)

    monkeypatch.setattr(builtins, "open", fake_open)
    monkeypatch.setattr(os, "open", fake_os_open)
    monkeypatch.setattr(os, "scandir", fake_scandir)
    monkeypatch.setattr(os, "listdir", fake_listdir)
    import io  # noqa: PLC0415 - pathlib opens through io.open

    monkeypatch.setattr(io, "open", fake_open)

    def add(path: Path) -> None:
        refused.add(os.fspath(path))

    return add


class TestUnreadable:
    """Files and folders the system refuses to read: a coded error naming them."""

    def test_file(self, tmp_path: Path, refuse: Callable[[Path], None]) -> None:
        """Reproduces an unreadable subjects.jsonl: a bare PermissionError escaped."""
        path = tmp_path / "subjects.jsonl"
        path.write_text(json.dumps(SUBJECT) + "\n", encoding="utf-8")
        refuse(path)
        for load in (load_dataset, lambda p: list(iter_records(p, "subjects"))):
            with pytest.raises(DatasetError) as info:
                load(path)
            assert info.value.code == "cannot_read_file"
            assert _both(info.value) == (
                f"{path}: không đọc được tệp: không có quyền truy cập",
                f"{path}: cannot read the file: permission denied",
            )

    def test_folder(self, tmp_path: Path, refuse: Callable[[Path], None]) -> None:
        """Reproduces an unreadable folder of records: a bare PermissionError escaped."""
        folder = tmp_path / "data"
        shutil.copytree(demo_path(), folder)
        refuse(folder)
        with pytest.raises(DatasetError) as info:
            load_dataset(folder)
        assert _both(info.value) == (
            f"{folder}: không liệt kê được các tệp trong thư mục: không có quyền truy cập",
            f"{folder}: cannot list the folder's files: permission denied",
        )

    def test_document_and_plan(self, tmp_path: Path, refuse: Callable[[Path], None]) -> None:
        """An unreadable JSON document and plan file: coded errors in both languages."""
        document = tmp_path / "data.json"
        document.write_text('{"schema": "threeno/1"}', encoding="utf-8")
        plan = tmp_path / "plan.toml"
        plan.write_text(PLAN_TEXT, encoding="utf-8")
        refuse(document)
        refuse(plan)
        with pytest.raises(DatasetError) as data_info:
            load_dataset(document)
        assert data_info.value.code == "cannot_read_file"
        with pytest.raises(PlanError) as plan_info:
            load_plan(plan)
        assert plan_info.value.code == "cannot_read_plan"
        assert _both(plan_info.value) == (
            f"không đọc được tệp kế hoạch {plan}: không có quyền truy cập",
            f"cannot read plan file {plan}: permission denied",
        )

    def test_command(
        self, tmp_path: Path, refuse: Callable[[Path], None], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """``validate`` on an unreadable folder: one line, in the command's language.

        Before: the English "[Errno 13] Permission denied: ..." of the bare OSError.
        """
        folder = tmp_path / "data"
        shutil.copytree(demo_path(), folder)
        refuse(folder)
        assert cli.main(["validate", str(folder), "--lang", "vi"]) == cli.EXIT_DATA
        expected = (
            f"threeno: lỗi: {folder}: không liệt kê được các tệp trong thư mục: không có"
            " quyền truy cập\n"
        )
        assert expected == capsys.readouterr().err


class TestImpossibleOutputs:
    """Writing under a file: an OutputError naming the path and what was attempted."""

    @pytest.fixture
    def under_a_file(self, tmp_path: Path) -> Path:
        """A path whose parent is a regular file."""
        (tmp_path / "file").write_text("x", encoding="utf-8")
        return tmp_path / "file" / "out"

    @pytest.mark.parametrize("fmt", ["jsonl", "csv"])
    def test_dump_dataset(self, under_a_file: Path, fmt: str) -> None:
        """Reproduces dump_dataset into a path under a file: a bare NotADirectoryError."""
        from threeno.io.datasets import dump_dataset  # noqa: PLC0415 - beside its use

        with pytest.raises(OutputError) as info:
            dump_dataset(Dataset(), under_a_file, fmt)
        assert info.value.code == "cannot_make_folder"
        vi = f"{under_a_file}: không tạo được thư mục: một phần của đường dẫn không phải là thư mục"
        en = f"{under_a_file}: cannot make the folder: a part of the path is not a folder"
        assert (vi, en) == _both(info.value)

    def test_dump_document(self, under_a_file: Path) -> None:
        """A JSON document under a file: its folder does not exist."""
        from threeno.io.datasets import dump_dataset  # noqa: PLC0415 - beside its use

        with pytest.raises(OutputError) as info:
            dump_dataset(Dataset(), under_a_file / "data.json", "json")
        assert info.value.code == "output_folder_missing"

    def test_write_jsonl_and_pages(self, under_a_file: Path) -> None:
        """Reproduces write_jsonl and write_pages under a file: bare OSErrors escaped."""
        with pytest.raises(OutputError) as info:
            write_jsonl(PLAN, under_a_file, seed=1, scale=0.01)
        assert info.value.code == "cannot_make_folder"
        with pytest.raises(OutputError) as info:
            write_pages(PLAN, under_a_file)
        assert info.value.code == "cannot_make_folder"

    def test_command(self, under_a_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """``sample --out`` under a file: one coded line, exit 1 (was a bare OSError's text)."""
        assert cli.main(["sample", "--scale", "0.05", "--out", str(under_a_file)]) == 1
        err = capsys.readouterr().err
        assert err == (
            f"threeno: error: {under_a_file}: cannot make the folder: a part of the path is"
            " not a folder\n"
        )
