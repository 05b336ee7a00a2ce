"""Record ids: deterministic, from the article id, the record type and the record's key.

``record_id`` is ``PREFIX_HASH``: the prefix names the type (``a`` article, ``c``
case count, ``d`` district, ``m`` meeting, ``o`` official, ``e`` error) and the
hash is 16 hex digits of SHA-256 over the article id, the type and the key:

============  =====================================================================
case count    date, region, metric, scope, measure, period_start, period_end
district      code (or name when it has none)
meeting       date, type, name
official      name
article       article id
error         source, article id, error code
============  =====================================================================

A key repeated inside one article (the same count stated twice) adds its
ordinal (1, 2 …) in output order. The same input gives the same ids, whatever
``--jobs``; an id changes only when its record's key does.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from pydantic import BaseModel

from .models import ArticleExtraction, CaseCount, District, Meeting, Official, record_hash

__all__ = ["with_record_ids"]

M = TypeVar("M", bound=BaseModel)


_set = object.__setattr__
#: Per model class: does it forbid extra fields and have no private attributes (see :func:`_updated`)?
_PLAIN: dict[type[BaseModel], bool] = {}


def _updated(model: M, update: dict[str, Any]) -> M:
    """``model.model_copy(update=update)`` without its generic steps (a shallow copy of the fields,
    ``update`` applied, its keys marked set), for models that forbid extra fields and have no
    private attributes, as every record model does; any other model is copied by pydantic."""
    cls = type(model)
    plain = _PLAIN.get(cls)
    if plain is None:
        plain = _PLAIN[cls] = cls.model_config.get("extra") != "allow" and not cls.__private_attributes__
    if not plain:
        return model.model_copy(update=update)
    copied = cls.__new__(cls)
    _set(copied, "__dict__", {**model.__dict__, **update})
    _set(copied, "__pydantic_extra__", None)
    _set(copied, "__pydantic_fields_set__", model.__pydantic_fields_set__ | update.keys())
    _set(copied, "__pydantic_private__", None)
    return copied


def _keyed(article_id: str, prefix: str, records: Sequence[M], key: Callable[[M], tuple[Any, ...]]) -> list[M]:
    seen: dict[tuple[Any, ...], int] = {}
    out = []
    for r in records:
        k = key(r)
        seen[k] = n = seen.get(k, 0) + 1
        out.append(_updated(r, {"record_id": f"{prefix}_{record_hash(article_id, prefix, *k, n)}"}))
    return out


def _count_key(c: CaseCount) -> tuple[Any, ...]:
    return (c.date, c.region, c.metric, c.scope, c.measure, c.period_start, c.period_end)


def _district_key(d: District) -> tuple[Any, ...]:
    return (d.code or d.name,)


def _meeting_key(m: Meeting) -> tuple[Any, ...]:
    return (m.date, m.type, m.name)


def _official_key(o: Official) -> tuple[Any, ...]:
    return (o.name,)


def with_record_ids(result: ArticleExtraction) -> ArticleExtraction:
    """``result`` with a ``record_id`` on the article and on every record."""
    aid = result.article.article_id
    return _updated(result, {
        "article": _updated(result.article, {"record_id": "a_" + record_hash(aid, "a")}),
        "case_counts": _keyed(aid, "c", result.case_counts, _count_key),
        "districts": _keyed(aid, "d", result.districts, _district_key),
        "meetings": _keyed(aid, "m", result.meetings, _meeting_key),
        "officials": _keyed(aid, "o", result.officials, _official_key),
    })
