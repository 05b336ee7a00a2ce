"""The Spark schemas agree with the Pydantic models (walked from them, checked against their JSON Schema)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Literal

import orjson
import pytest
from pydantic import BaseModel

from extract.io import extract_path
from extract.models import RECORD_TYPES, CaseCount, Evidence, InputError
from extract.spark.schema import arrow_schema, field_type, model_type, to_arrow_value

ROOT = Path(__file__).resolve().parents[1]


def _expected(node: dict[str, Any], defs: dict[str, Any]) -> tuple[Any, bool]:
    """Spark's JSON form of a JSON Schema node, and whether it admits null: an independent derivation."""
    if "$ref" in node:
        return _expected(defs[node["$ref"].rsplit("/", 1)[-1]], defs)
    if "anyOf" in node:
        members = [m for m in node["anyOf"] if m.get("type") != "null"]
        nullable = len(members) < len(node["anyOf"])
        if len(members) == 1:
            return _expected(members[0], defs)[0], nullable
        if {m.get("format") for m in members} <= {"date", "date-time"}:
            return "string", nullable
        raise AssertionError(f"union the Spark schema cannot hold: {node}")
    kind = node.get("type")
    if "enum" in node or "const" in node:
        values = node.get("enum", [node.get("const")])
        kind = {str: "string", int: "integer", bool: "boolean"}[type(values[0])]
    if kind == "string":
        return {"date": "date", "date-time": "string"}.get(node.get("format", ""), "string"), False
    if kind in ("integer", "number", "boolean"):
        return {"integer": "long", "number": "double", "boolean": "boolean"}[kind], False
    if kind == "array":
        element, contains_null = _expected(node["items"], defs)
        return {"type": "array", "elementType": element, "containsNull": contains_null}, False
    if kind == "object" and "properties" in node:
        fields = []
        for name, sub in node["properties"].items():
            spark, nullable = _expected(sub, defs)
            fields.append({"name": name, "type": spark, "nullable": nullable, "metadata": {}})
        return {"type": "struct", "fields": fields}, False
    if kind == "object":
        value, value_null = _expected(node["additionalProperties"], defs)
        return {"type": "map", "keyType": "string", "valueType": value, "valueContainsNull": value_null}, False
    raise AssertionError(f"JSON Schema node with no Spark type: {node}")


@pytest.mark.parametrize("name", list(RECORD_TYPES))
def test_spark_schema_agrees_with_the_models_json_schema(name: str) -> None:
    model = RECORD_TYPES[name]
    schema = model.model_json_schema(mode="serialization")
    expected, _ = _expected(schema, schema.get("$defs", {}))
    got = model_type(model)
    assert [f["name"] for f in got["fields"]] == list(model.model_fields), "fields missing or out of model order"
    for want, have in zip(expected["fields"], got["fields"], strict=True):
        assert have == want, f"{name}.{want['name']}: Spark {have} but the model says {want}"


def test_new_fields_appear_without_editing_the_schema_code() -> None:
    class Extended(CaseCount):  # fields other engineers may add, of every kind
        record_id: str
        parent_code: str | None = None
        action: Literal["appointed", "removed"] | None = None
        seen: list[dt.date] = []
        sources: list[Evidence] = []
        score: float = 0.0
        tags: dict[str, int] = {}

    fields = {f["name"]: (f["type"], f["nullable"]) for f in model_type(Extended)["fields"]}
    assert list(fields)[: len(CaseCount.model_fields)] == list(CaseCount.model_fields)
    assert fields["record_id"] == ("string", False)
    assert fields["parent_code"] == ("string", True)
    assert fields["action"] == ("string", True)
    assert fields["seen"] == ({"type": "array", "elementType": "date", "containsNull": False}, False)
    assert fields["sources"][0]["elementType"] == model_type(Evidence)
    assert fields["score"] == ("double", False)
    assert fields["tags"] == ({"type": "map", "keyType": "string", "valueType": "long", "valueContainsNull": False}, False)


def test_a_field_spark_cannot_hold_fails_loudly_with_its_name() -> None:
    class Odd(BaseModel):
        pair: tuple[int, str]

    with pytest.raises(TypeError, match=r"Odd\.pair"):
        model_type(Odd)
    with pytest.raises(TypeError):
        field_type(int | str)


def test_records_survive_arrow_as_the_cli_writes_them() -> None:
    """Every real record, shaped for Arrow and read back, equals its JSON line."""
    pa = pytest.importorskip("pyarrow")
    results = [r for r in extract_path(ROOT / "data" / "raw") if not isinstance(r, InputError)]
    assert results
    for name, model in RECORD_TYPES.items():
        records = [r.article for r in results] if name == "articles" else \
            [x for r in results for x in getattr(r, name, [])]
        if name == "errors":
            records = [InputError(source="a.txt", error="empty", message="the file is empty")]
        struct = model_type(model)
        rows = [to_arrow_value(r.model_dump(), struct) for r in records]
        batch = pa.RecordBatch.from_pylist(rows, schema=arrow_schema(struct))
        back = [orjson.loads(orjson.dumps(row, default=lambda v: v.isoformat())) for row in batch.to_pylist()]
        assert back == [orjson.loads(r.model_dump_json()) for r in records], name
