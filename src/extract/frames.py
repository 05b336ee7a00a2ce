"""One output file as a pandas DataFrame with documented dtypes: ``extract.read_frame(out_dir, name)``.

``pd.read_json`` guesses types from the values: ``"500000"`` becomes the float ``500000.0``
and ``"001"`` article ids lose their zeros. :func:`read_frame` reads the JSON itself and sets
every column's dtype from the output schema instead (pandas is the optional extra
``extract[pandas]``):

=============================================  ============================================
column                                         dtype
=============================================  ============================================
codes and ids: ``region_code``, ``code``,      ``string`` (pandas' nullable string; null is
``prefecture_code``, ``province_code``,        ``<NA>``), never a number
``record_id``, ``article_id`` and every other
text column
days: ``date``, ``published``                  ``datetime64[ns]`` (midnight; null is ``NaT``)
instants: ``published_at``                     ``datetime64[ns, Asia/Shanghai]`` (China
                                               Standard Time, +08:00 as written)
``period_start``, ``period_end``               ``datetime64[ns]`` (local clock time, as written)
counts: ``value``, ``count``, ``mentions``     ``Int64`` (nullable integer)
``ordinal``
flags: ``summed``, ``expanded``                ``boolean``
nested values (``evidence``, ``mentions`` of   ``object``: the parsed JSON (dicts, lists)
districts, ``change``, ``warnings``, lists)
=============================================  ============================================

An empty file gives an empty frame with all the columns and dtypes above.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .models import RECORD_TYPES

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["FRAME_NAMES", "read_frame"]

#: The output files :func:`read_frame` reads, by stem.
FRAME_NAMES: tuple[str, ...] = tuple(RECORD_TYPES)

_DAYS = frozenset({"date", "published"})
_INSTANTS = frozenset({"published_at"})
_CLOCK = frozenset({"period_start", "period_end"})
_INTS = frozenset({"value", "count", "ordinal"})
_BOOLS = frozenset({"summed", "expanded"})
_TEXT_KINDS = frozenset({"string"})


def _columns(name: str) -> dict[str, str]:
    """Column → kind (``text``, ``day``, ``instant``, ``clock``, ``int``, ``bool``, ``object``) from the schema."""
    schema = RECORD_TYPES[name].model_json_schema()
    out: dict[str, str] = {}
    for col, spec in schema["properties"].items():
        kinds = {spec.get("type")} | {alt.get("type") for alt in spec.get("anyOf", [])}
        kinds.discard(None)
        kinds.discard("null")
        if col in _DAYS:
            out[col] = "day"
        elif col in _INSTANTS:
            out[col] = "instant"
        elif col in _CLOCK:
            out[col] = "clock"
        elif col in _BOOLS or kinds == {"boolean"}:
            out[col] = "bool"
        elif col in _INTS or kinds == {"integer"}:
            out[col] = "int"
        elif kinds <= _TEXT_KINDS and kinds:
            out[col] = "text"
        else:
            out[col] = "object"
    return out


def _path(out_dir: str | os.PathLike[str], name: str) -> tuple[str, Path]:
    stem = name[: -len(".jsonl")] if name.endswith(".jsonl") else name
    if stem not in RECORD_TYPES:
        raise ValueError(f"unknown output file {name!r}: one of {', '.join(FRAME_NAMES)}")
    return stem, Path(out_dir) / f"{stem}.jsonl"


def read_frame(out_dir: str | os.PathLike[str], name: str) -> pd.DataFrame:
    """One output file of ``out_dir`` (``articles``, ``case_counts``, ``districts``, ``meetings``,
    ``officials`` or ``errors``; ``.jsonl`` may be given) as a DataFrame with the dtypes of the
    module doc: codes and ids as strings, dates parsed.

    Raises:
        ValueError: an unknown name, or a line that is not a JSON object.
        FileNotFoundError: the file does not exist.
        ImportError: pandas is not installed (``pip install 'extract[pandas]'``).
    """
    stem, path = _path(out_dir, name)
    try:
        import pandas as pd
    except ImportError as e:  # pragma: no cover - pandas is in the test extra
        raise ImportError("extract.read_frame needs pandas: pip install 'extract[pandas]'") from e
    kinds = _columns(stem)
    rows: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            obj = json.loads(line)
            if not isinstance(obj, dict):
                raise ValueError(f"{path}:{lineno}: not a JSON object")
            rows.append(obj)
    extra = [c for row in rows for c in row if c not in kinds]
    columns = list(kinds) + list(dict.fromkeys(extra))
    data = {c: [row.get(c) for row in rows] for c in columns}
    frame = pd.DataFrame({c: pd.Series(v, dtype=object) for c, v in data.items()}, columns=columns)
    for col in columns:
        kind = kinds.get(col, "object")
        s = frame[col]
        if kind == "text":
            frame[col] = s.astype("string")
        elif kind == "day":
            frame[col] = pd.to_datetime(s, format="ISO8601").astype("datetime64[ns]")
        elif kind == "instant":
            parsed = pd.to_datetime(s, format="ISO8601", utc=True)
            frame[col] = parsed.dt.tz_convert("Asia/Shanghai").astype("datetime64[ns, Asia/Shanghai]")
        elif kind == "clock":
            frame[col] = pd.to_datetime(s, format="ISO8601").astype("datetime64[ns]")
        elif kind == "int":
            frame[col] = s.astype("Int64")
        elif kind == "bool":
            frame[col] = s.astype("boolean")
    return frame
