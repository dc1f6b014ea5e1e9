"""JSON Schema: generated from the model, valid draft 2020-12, agreeing with the loader."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import jsonschema  # type: ignore[import-untyped]  # no stubs in the dev tools (types-jsonschema)
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.io.io_samples import RECORDS
from threeno import cli
from threeno.errors import DatasetError
from threeno.io.converter import CONVERTER
from threeno.io.datasets import SCHEMA
from threeno.io.schema import DRAFT, SCHEMA_NAMES, json_schema
from threeno.model.crime import CrimeReport
from threeno.model.dataset import RECORD_TYPES, Dataset, Record
from threeno.testing.strategies import datasets

if TYPE_CHECKING:
    from collections.abc import Mapping


def validator(name: str) -> jsonschema.Draft202012Validator:
    """A validator of the schema ``name`` that also checks formats (a date must exist)."""
    return jsonschema.Draft202012Validator(
        json_schema(name), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def errors_of(name: str, instance: Mapping[str, Any]) -> list[str]:
    """The schema's error messages for ``instance``, sorted."""
    return sorted(e.message for e in validator(name).iter_errors(instance))


class TestSchemas:
    """Every schema is a valid draft 2020-12 schema, closed, and described."""

    @pytest.mark.parametrize("name", SCHEMA_NAMES)
    def test_valid_schema(self, name: str) -> None:
        """The metaschema accepts it, and it names its dialect."""
        schema = json_schema(name)
        jsonschema.Draft202012Validator.check_schema(schema)
        assert schema["$schema"] == DRAFT

    @pytest.mark.parametrize("name", list(RECORD_TYPES))
    def test_every_field_described(self, name: str) -> None:
        """Each property has the description of the model's docstring (its ``Args``)."""
        schema = json_schema(name)
        assert [k for k, v in schema["properties"].items() if not v.get("description")] == []
        assert schema["additionalProperties"] is False

    def test_crime_report(self) -> None:
        """Required fields are those without a default; optional ones may be null."""
        schema = json_schema(CrimeReport)
        expected_required = [
            "id",
            "source",
            "offence_article",
            "unit_code",
            "received_on",
            "receiving_agency",
        ]
        assert expected_required == schema["required"]
        date = {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
        decided_on = schema["properties"]["decided_on"]
        assert {"anyOf": [date, {"type": "null"}]} == {"anyOf": decided_on["anyOf"]}
        extensions = schema["properties"]["extensions"]
        assert extensions["items"] == {"$ref": "#/$defs/Extension"}
        assert schema["$defs"]["ExtensionKind"]["enum"] == ["complex", "procuracy"]

    def test_sensitive_fields_are_marked(self) -> None:
        """The descriptions of personal data say so."""
        properties = json_schema("subjects")["properties"]
        assert properties["phone"]["description"].endswith("Personal data.")
        assert not properties["id"]["description"].endswith("Personal data.")

    def test_dataset(self) -> None:
        """The document: a schema version, a list per record type, nothing else."""
        schema = json_schema()
        assert ["schema", *RECORD_TYPES] == list(schema["properties"])
        assert schema["required"] == ["schema"]
        assert schema["properties"]["subjects"]["items"] == {"$ref": "#/$defs/Subject"}
        assert schema["properties"]["schema"]["enum"] == [SCHEMA]

    def test_unknown_name(self) -> None:
        """A name that is no schema."""
        with pytest.raises(DatasetError, match=r"^no schema named 'crime_report'; the schemas"):
            json_schema("crime_report")

    def test_a_fresh_dict_each_time(self) -> None:
        """Changing one schema does not change the next."""
        json_schema("subjects")["properties"].clear()
        assert json_schema("subjects")["properties"]


class TestAgreesWithTheLoader:
    """What the loader accepts the schema accepts, and the schema refuses what it refuses."""

    @given(data=datasets(max_size=3))
    def test_generated_records_validate(self, data: Dataset) -> None:
        """Every record of a generated dataset, unstructured, is valid against its type."""
        for name in RECORD_TYPES:
            check = validator(name)
            records: tuple[Record, ...] = getattr(data, name)
            for record in records:
                check.validate(CONVERTER.unstructure(record))

    @given(record=st.one_of(*(st.from_type(cls) for cls in RECORD_TYPES.values())))
    def test_any_record_validates(self, record: Record) -> None:
        """Any valid record of any type, personal data included, is valid in JSON form."""
        names = {cls: name for name, cls in RECORD_TYPES.items()}
        validator(names[type(record)]).validate(CONVERTER.unstructure(record))

    @given(data=datasets(max_size=3))
    def test_generated_document_validates(self, data: Dataset) -> None:
        """A whole document, as dump_dataset writes it, is valid against the dataset schema."""
        document = {"schema": SCHEMA, **CONVERTER.unstructure(data)}
        validator("dataset").validate(json.loads(json.dumps(document)))

    def test_null_for_an_absent_value(self) -> None:
        """Another language may write ``null`` for an absent value: both accept it."""
        record = {**RECORDS["subjects"][0], "phone": None}
        assert errors_of("subjects", record) == []

    def test_refusals(self) -> None:
        """An unknown key, an unknown slug, an impossible date, a missing key: refused."""
        record = {**RECORDS["model_reviews"][0], "kind": "x", "held_on": "2024-02-30", "z": 1}
        del record["unit_code"]
        assert errors_of("model_reviews", record) == [
            "'2024-02-30' is not a 'date'",
            "'unit_code' is a required property",
            "'x' is not one of ['so_ket', 'tong_ket']",
            "Additional properties are not allowed ('z' was unexpected)",
        ]

    def test_other_date_format(self) -> None:
        """``25/01/2024`` does not match the date's pattern."""
        record = {**RECORDS["model_reviews"][0], "held_on": "25/01/2024"}
        assert len(errors_of("model_reviews", record)) == 2  # the pattern and the format


class TestCommand:
    """``threeno schema [TYPE]`` prints a schema as JSON."""

    def test_dataset_by_default(self, capsys: pytest.CaptureFixture[str]) -> None:
        """No type: the dataset document's schema."""
        assert cli.main(["schema"]) == cli.EXIT_OK
        assert json_schema() == json.loads(capsys.readouterr().out)

    def test_a_record_type(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A type's schema, with its Vietnamese-free slugs and UTF-8 text as is."""
        assert cli.main(["schema", "subjects"]) == cli.EXIT_OK
        out = capsys.readouterr().out
        assert json_schema("subjects") == json.loads(out)
        assert "QĐ 1019/QĐ-TCTK" in out  # not escaped to \\u

    def test_unknown_type_is_a_usage_error(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Argparse refuses a name that is no schema, listing the choices, exit 2."""
        with pytest.raises(SystemExit) as excinfo:
            cli.main(["schema", "crime_report"])
        assert excinfo.value.code == cli.EXIT_USAGE
        assert "invalid choice: 'crime_report'" in capsys.readouterr().err
