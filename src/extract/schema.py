"""JSON Schema export of every record type (``schemas/<name>.schema.json``)."""

from __future__ import annotations

import os
from pathlib import Path

import orjson
from pydantic import BaseModel

from .models import RECORD_TYPES, ArticleExtraction

__all__ = ["schema_documents", "write_schemas"]


def schema_documents() -> dict[str, bytes]:
    """File name → the JSON Schema bytes, for each output record type and the nested extraction."""
    docs: dict[str, bytes] = {}
    models: dict[str, type[BaseModel]] = {**RECORD_TYPES, "article_extraction": ArticleExtraction}
    for name, model in models.items():
        schema = model.model_json_schema(mode="serialization")
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": f"{name}.schema.json", **schema}
        docs[f"{name}.schema.json"] = orjson.dumps(schema, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS) + b"\n"
    return docs


def write_schemas(folder: str | os.PathLike[str]) -> list[Path]:
    """Write every schema into ``folder``; returns the paths written."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, data in schema_documents().items():
        path = out / name
        path.write_bytes(data)
        paths.append(path)
    return paths
