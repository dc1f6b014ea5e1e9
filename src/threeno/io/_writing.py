"""Writing a dataset: a JSON document, or a folder of JSON Lines or CSV files.

Each file is written atomically (:mod:`threeno.io._atomic`), never over an input, and
leaves out personal data (the fields the model marks sensitive) unless asked. The
public entry is :func:`threeno.io.datasets.dump_dataset`, which checks its arguments
and says what is written.
"""

from __future__ import annotations

import csv
import json
from typing import TYPE_CHECKING, Any

from threeno.errors import DatasetError
from threeno.io import _csvcells
from threeno.io._atomic import atomic_open, check_output_folder, make_folder
from threeno.io._limits import refuse
from threeno.io.converter import shared_converter
from threeno.model._personal import sensitive_fields
from threeno.model.dataset import RECORD_TYPES, Dataset, Record

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from pathlib import Path

__all__ = ["write_document", "write_folder"]


def _plain(record: Record, *, personal_data: bool) -> dict[str, Any]:
    """A record's JSON form, the one every format writes; personal data only if asked."""
    data: dict[str, Any] = shared_converter().unstructure(record)  # a new dict: ours to change
    if not personal_data:
        # As if redacted: an absent optional value, left out (JSON) or an empty cell (CSV).
        for name in sensitive_fields(type(record)):
            data.pop(name, None)
    return data


def _json_lines(records: Iterable[Record], *, compact: bool, personal_data: bool) -> Iterator[str]:
    separators = (",", ":") if compact else (", ", ": ")
    for record in records:
        data = _plain(record, personal_data=personal_data)
        yield json.dumps(data, ensure_ascii=False, separators=separators)


def write_document(
    dataset: Dataset, path: Path, inputs: tuple[Path, ...], *, schema: str, personal_data: bool
) -> None:
    """Write ``dataset`` as one JSON document of version ``schema``, atomically."""
    with atomic_open(path, inputs=inputs) as out:
        out.write(f'{{\n  "schema": {json.dumps(schema)}')
        for name in RECORD_TYPES:
            records: tuple[Record, ...] = getattr(dataset, name)
            if not records:
                out.write(f',\n  "{name}": []')
                continue
            out.write(f',\n  "{name}": [')
            encoded = _json_lines(records, compact=False, personal_data=personal_data)
            for i, line in enumerate(encoded):
                out.write(f"{',' if i else ''}\n    {line}")
            out.write("\n  ]")
        out.write("\n}\n")


def _write_jsonl(
    records: tuple[Record, ...], path: Path, inputs: tuple[Path, ...], *, personal_data: bool
) -> None:
    with atomic_open(path, inputs=inputs) as out:
        for line in _json_lines(records, compact=True, personal_data=personal_data):
            out.write(line + "\n")


def _write_csv(
    records: tuple[Record, ...],
    path: Path,
    name: str,
    inputs: tuple[Path, ...],
    *,
    personal_data: bool,
) -> None:
    header = _csvcells.columns(RECORD_TYPES[name])
    # With the byte-order mark, Excel opens the file as UTF-8 (Vietnamese stays legible).
    with atomic_open(path, inputs=inputs, encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow([c.name for c in header])
        for record in records:
            data = _plain(record, personal_data=personal_data)
            try:
                writer.writerow(_csvcells.encode_record(header, data))
            except ValueError as exc:
                msg = f"{path}: {name} id {record.id!r}: {exc}"
                raise DatasetError(msg) from None


def write_folder(
    dataset: Dataset, path: Path, fmt: str, inputs: tuple[Path, ...], *, personal_data: bool
) -> tuple[Path, ...]:
    """Write ``dataset`` as a folder of ``fmt`` files, one per record type; return them.

    Nothing is written when ``path`` is a file, or when any file would be written over
    one of ``inputs`` or inside an input folder.
    """
    if path.exists() and not path.is_dir():
        refuse("output_not_a_folder", path=str(path), format=fmt)
    names = [f"{name}.{fmt}" for name in RECORD_TYPES]
    check_output_folder(path, names, inputs)  # refuse before writing anything
    make_folder(path)
    written = []
    for name in RECORD_TYPES:
        file = path / f"{name}.{fmt}"
        records: tuple[Record, ...] = getattr(dataset, name)
        if fmt == "jsonl":
            _write_jsonl(records, file, inputs, personal_data=personal_data)
        else:
            _write_csv(records, file, name, inputs, personal_data=personal_data)
        written.append(file)
    return tuple(written)
