"""Tests of atomic writes and the input-overwrite guard (threeno.io._atomic, dump_dataset)."""

from __future__ import annotations

import os
import stat
from typing import TYPE_CHECKING

import pytest

import threeno.errors
import threeno.io
from threeno.errors import ThreenoError
from threeno.io._atomic import OutputError, atomic_open, check_not_input, write_atomic
from threeno.io.datasets import dump_dataset, load_dataset
from threeno.model.dataset import RECORD_TYPES, Dataset

if TYPE_CHECKING:
    from pathlib import Path


class Interrupted(Exception):  # noqa: N818 - named for what the test simulates
    """Stands for a crash or Ctrl-C in the middle of a write."""


def _write_then_fail(target: Path, error: BaseException) -> None:
    """Write half a file, then fail as ``error`` says."""
    with atomic_open(target) as out:
        out.write("new, half")
        raise error


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


class TestAtomicOpen:
    """atomic_open / write_atomic: whole or not at all."""

    def test_writes_the_text(self, tmp_path: Path) -> None:
        """The file holds exactly the text written, and no temporary file is left."""
        target = tmp_path / "report.md"
        write_atomic(target, "Báo cáo\n")
        expected = "Báo cáo\n"
        assert expected == target.read_text(encoding="utf-8")
        expected_2 = ["report.md"]
        assert expected_2 == _files(tmp_path)

    def test_failure_keeps_the_old_file(self, tmp_path: Path) -> None:
        """An error half-way through leaves the previous content and no stray file."""
        target = tmp_path / "report.md"
        target.write_text("old\n", encoding="utf-8")
        with pytest.raises(Interrupted):
            _write_then_fail(target, Interrupted())
        expected = "old\n"
        assert expected == target.read_text(encoding="utf-8")
        expected_2 = ["report.md"]
        assert expected_2 == _files(tmp_path)

    def test_keyboard_interrupt_leaves_no_file(self, tmp_path: Path) -> None:
        """Ctrl-C (a BaseException) during a first write leaves no file at all."""
        target = tmp_path / "report.md"
        with pytest.raises(KeyboardInterrupt):
            _write_then_fail(target, KeyboardInterrupt())
        expected: list[str] = []
        assert expected == _files(tmp_path)

    def test_missing_folder(self, tmp_path: Path) -> None:
        """A target in a folder that does not exist is an OutputError naming it."""
        target = tmp_path / "nowhere" / "report.md"
        with pytest.raises(OutputError, match="does not exist"):
            write_atomic(target, "x")

    def test_target_is_a_folder(self, tmp_path: Path) -> None:
        """A folder cannot be replaced by a file."""
        with pytest.raises(OutputError, match="is a folder"):
            write_atomic(tmp_path, "x")

    @pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
    def test_permissions(self, tmp_path: Path) -> None:
        """A new file is the owner's only; a replaced file keeps its permissions."""
        new = write_atomic(tmp_path / "new.md", "x")
        expected = 0o600
        assert expected == stat.S_IMODE(new.stat().st_mode)
        old = tmp_path / "old.md"
        old.write_text("x", encoding="utf-8")
        old.chmod(0o640)
        write_atomic(old, "y")
        expected_2 = 0o640
        assert expected_2 == stat.S_IMODE(old.stat().st_mode)


class TestCheckNotInput:
    """check_not_input: an output never replaces an input."""

    def test_same_file(self, tmp_path: Path) -> None:
        """The input itself, by another spelling of its path, is refused."""
        source = tmp_path / "data.json"
        source.write_text("{}", encoding="utf-8")
        with pytest.raises(OutputError, match="is an input"):
            check_not_input(tmp_path / "." / "data.json", [source])

    @pytest.mark.skipif(os.name != "posix", reason="symbolic links")
    def test_symbolic_link_to_input(self, tmp_path: Path) -> None:
        """A link pointing at the input is the input."""
        source = tmp_path / "data.json"
        source.write_text("{}", encoding="utf-8")
        link = tmp_path / "link.json"
        link.symlink_to(source)
        with pytest.raises(OutputError, match="is an input"):
            check_not_input(link, [source])

    def test_inside_input_folder(self, tmp_path: Path) -> None:
        """A file inside an input folder is refused (it would be read next time)."""
        folder = tmp_path / "records"
        folder.mkdir()
        with pytest.raises(OutputError, match="inside the input folder"):
            check_not_input(folder / "report.md", [folder])

    def test_other_file_allowed(self, tmp_path: Path) -> None:
        """A file beside the inputs is fine."""
        folder = tmp_path / "records"
        folder.mkdir()
        check_not_input(tmp_path / "report.md", [folder, tmp_path / "data.json"])


class TestDumpDatasetSafety:
    """dump_dataset writes atomically and never over its inputs."""

    def test_refuses_to_overwrite_input_document(self, tmp_path: Path) -> None:
        """Dumping to the JSON file the dataset came from is refused; the file is kept."""
        source = tmp_path / "data.json"
        dump_dataset(Dataset(), source, "json")
        before = source.read_bytes()
        data, _ = load_dataset(source)
        with pytest.raises(OutputError, match="is an input"):
            dump_dataset(data, source, "json", inputs=[source])
        assert before == source.read_bytes()

    def test_refuses_input_folder_before_writing_anything(self, tmp_path: Path) -> None:
        """A folder of JSON Lines written over itself is refused before any file changes."""
        folder = tmp_path / "records"
        dump_dataset(Dataset(), folder, "jsonl")
        before = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
        with pytest.raises(OutputError):
            dump_dataset(Dataset(), folder, "csv", inputs=[folder])
        assert before == {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}

    def test_failed_csv_write_keeps_the_old_file(self, tmp_path: Path) -> None:
        """A value a CSV cell cannot hold stops the write; the old file stays whole."""
        from threeno.model.activities import OutreachEvent  # noqa: PLC0415 - one test's need
        from threeno.model.enums import Channel, SloganItem  # noqa: PLC0415 - likewise

        folder = tmp_path / "records"
        dump_dataset(Dataset(), folder, "csv")
        before = (folder / "outreach_events.csv").read_bytes()
        event = OutreachEvent(
            id="OE-1",
            held_on=__import__("datetime").date(2024, 3, 8),
            unit_code="03386",
            agency="hoi-phu-nu-tp",
            channel=next(iter(Channel)),
            participants=3,
            reached_subject_ids=("S;1",),  # ';' separates list items in a CSV cell
            topics=(next(iter(SloganItem)),),
        )
        with pytest.raises(Exception, match="cannot be written in a CSV list"):
            dump_dataset(Dataset(outreach_events=[event]), folder, "csv")
        assert before == (folder / "outreach_events.csv").read_bytes()
        expected = sorted(f"{name}.csv" for name in RECORD_TYPES)
        assert expected == _files(folder)


class TestOutputError:
    """OutputError lives with the other errors and is still importable where it was."""

    def test_one_class_everywhere(self) -> None:
        """threeno.errors, threeno.io and threeno.io._atomic give the same class."""
        assert threeno.errors.OutputError is OutputError
        assert threeno.io.OutputError is OutputError
        assert "OutputError" in threeno.errors.__all__
        assert "OutputError" in threeno.io.__all__

    def test_caught_as_a_threeno_error(self, tmp_path: Path) -> None:
        """A tool catching ThreenoError (or ValueError) catches a refused output."""
        source = tmp_path / "data.json"
        source.write_text("{}", encoding="utf-8")
        with pytest.raises(ThreenoError) as info:
            write_atomic(source, "x", inputs=[source])
        assert isinstance(info.value, ValueError)
        expected = f"{source}: is an input of this command; write the output to another file"
        assert expected == str(info.value)
