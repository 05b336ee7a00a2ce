"""Spark and Arrow schemas derived from the Pydantic models, by walking their fields.

Nothing here is a hand-written copy of a model: a field added to
``extract.models`` appears in the Spark schema on the next import. The walk
produces Spark's own JSON form of a type (``{"type": "struct", "fields": [...]}``),
from which both the ``StructType`` and the Arrow schema that the executors emit
are built, so the two cannot drift apart.

Mapping (a field is nullable exactly when its annotation admits ``None``):

- ``str``, a ``Literal`` of strings, a ``str`` ``Enum`` → ``string``
- ``int`` → ``long``; ``float`` → ``double``; ``bool`` → ``boolean``
- ``datetime.date`` → ``date``; ``datetime.datetime`` → ``string`` holding the ISO form the JSONL files
  hold (a datetime may carry its zone, ``published_at`` ``…+08:00``, which ``timestamp_ntz`` would drop)
- ``datetime | date`` (either may occur) → ``string`` holding the ISO form the JSONL files hold
- ``list[X]`` / ``tuple[X, ...]`` / ``set[X]`` → ``array<X>``; ``dict[str, X]`` → ``map<string, X>``
- a nested model → ``struct`` of its fields, in declaration order

Any other annotation raises :class:`TypeError`, so an unsupported new field
fails the schema test instead of being silently dropped.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import types
import typing
from typing import Any

from pydantic import BaseModel
from pydantic_core import to_jsonable_python

__all__ = ["arrow_schema", "field_type", "model_type", "spark_schema", "to_arrow_value"]

Json = dict[str, Any] | str

_ATOMS: dict[type, str] = {str: "string", int: "long", float: "double", bool: "boolean",
                           dt.date: "date", dt.datetime: "string"}


def _strip_none(annotation: Any) -> tuple[list[Any], bool]:
    """The members of a union other than ``None``, and whether ``None`` was one of them."""
    origin = typing.get_origin(annotation)
    if origin is typing.Union or origin is types.UnionType:
        args = typing.get_args(annotation)
        return [a for a in args if a is not type(None)], any(a is type(None) for a in args)
    if origin is typing.Annotated:
        return _strip_none(typing.get_args(annotation)[0])
    return [annotation], annotation is type(None)


def field_type(annotation: Any) -> tuple[Json, bool]:
    """Spark's JSON form of the type of ``annotation``, and whether it admits ``None``.

    >>> field_type(int | None)
    ('long', True)
    >>> field_type(list[str])
    ({'type': 'array', 'elementType': 'string', 'containsNull': False}, False)
    """
    members, nullable = _strip_none(annotation)
    if not members:
        raise TypeError(f"cannot map {annotation!r} to a Spark type: it only admits None")
    if len(members) > 1:
        if set(members) <= {dt.date, dt.datetime}:
            return "string", nullable  # either a date or a datetime: the ISO text, as in JSON
        if all(typing.get_origin(m) is typing.Literal for m in members):
            values = [v for m in members for v in typing.get_args(m)]
            return _literal(values, annotation), nullable
        raise TypeError(f"cannot map the union {annotation!r} to one Spark type")
    return _one(members[0]), nullable


def _literal(values: list[Any], annotation: Any) -> str:
    kinds = {type(v) for v in values}
    if kinds <= {str}:
        return "string"
    if kinds <= {int}:
        return "long"
    if kinds <= {bool}:
        return "boolean"
    raise TypeError(f"cannot map {annotation!r} to a Spark type: literal values of mixed types")


def _one(annotation: Any) -> Json:
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Literal:
        return _literal(list(args), annotation)
    if origin is typing.Annotated:
        return _one(args[0])
    if origin in (list, tuple, set, frozenset) or annotation in (list, tuple, set, frozenset):
        if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
            raise TypeError(f"cannot map the fixed-length tuple {annotation!r} to a Spark type")
        if not args:
            raise TypeError(f"cannot map the untyped {annotation!r} to a Spark type: give its element type")
        element, contains_null = field_type(args[0])
        return {"type": "array", "elementType": element, "containsNull": contains_null}
    if origin is dict:
        if len(args) != 2 or args[0] is not str:
            raise TypeError(f"cannot map {annotation!r} to a Spark type: only dict[str, X] is supported")
        value, value_null = field_type(args[1])
        return {"type": "map", "keyType": "string", "valueType": value, "valueContainsNull": value_null}
    if isinstance(annotation, type):
        if issubclass(annotation, BaseModel):
            return model_type(annotation)
        if issubclass(annotation, enum.Enum):
            return _literal([m.value for m in annotation], annotation)
        for base in (bool, dt.datetime, dt.date, int, float, str):  # subclasses first
            if issubclass(annotation, base):
                return _ATOMS[base]
    raise TypeError(f"cannot map {annotation!r} to a Spark type")


@functools.cache
def model_type(model: type[BaseModel]) -> dict[str, Any]:
    """Spark's JSON form of the struct of ``model``'s fields, in declaration order."""
    fields = []
    hints = typing.get_type_hints(model, include_extras=True)
    for name, info in model.model_fields.items():
        annotation = hints.get(name, info.annotation)
        try:
            spark, nullable = field_type(annotation)
        except TypeError as e:
            raise TypeError(f"{model.__name__}.{name}: {e}") from None
        fields.append({"name": name, "type": spark, "nullable": nullable, "metadata": {}})
    return {"type": "struct", "fields": fields}


def spark_schema(model: type[BaseModel]) -> Any:
    """The ``pyspark.sql.types.StructType`` of one record type (needs pyspark)."""
    from pyspark.sql.types import StructType

    return StructType.fromJson(model_type(model))


# ---------------------------------------------------------------- Arrow


def _arrow(spark: Json) -> Any:
    import pyarrow as pa

    if isinstance(spark, str):
        return {"string": pa.string(), "long": pa.int64(), "double": pa.float64(), "boolean": pa.bool_(),
                "date": pa.date32(), "timestamp_ntz": pa.timestamp("us")}[spark]
    kind = spark["type"]
    if kind == "array":
        return pa.list_(pa.field("element", _arrow(spark["elementType"]), nullable=spark["containsNull"]))
    if kind == "map":
        return pa.map_(pa.string(), pa.field("value", _arrow(spark["valueType"]), nullable=spark["valueContainsNull"]))
    return pa.struct([pa.field(f["name"], _arrow(f["type"]), nullable=f["nullable"]) for f in spark["fields"]])


def arrow_schema(struct: dict[str, Any]) -> Any:
    """The ``pyarrow.Schema`` of a struct in Spark's JSON form (needs pyarrow)."""
    import pyarrow as pa

    return pa.schema([pa.field(f["name"], _arrow(f["type"]), nullable=f["nullable"]) for f in struct["fields"]])


def to_arrow_value(value: Any, spark: Json) -> Any:
    """A ``model_dump()`` value shaped for Arrow under the Spark type ``spark``.

    Only what differs from the Python value changes: a date or datetime held as
    ``string`` becomes its JSON (ISO) text, an enum its value, a struct a dict.

    >>> to_arrow_value(dt.date(2022, 12, 1), "string")
    '2022-12-01'
    """
    if value is None:
        return None
    if isinstance(spark, str):
        if spark == "string" and not isinstance(value, str):
            return to_jsonable_python(value)
        if isinstance(value, enum.Enum):
            return value.value
        return value
    kind = spark["type"]
    if kind == "array":
        element = spark["elementType"]
        return [to_arrow_value(v, element) for v in value]
    if kind == "map":
        element = spark["valueType"]
        return [(k, to_arrow_value(v, element)) for k, v in value.items()]
    return {f["name"]: to_arrow_value(value.get(f["name"]), f["type"]) for f in spark["fields"]}
