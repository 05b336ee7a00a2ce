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
from operator import attrgetter
from typing import Any, TypeVar

from pydantic import BaseModel

from .models import ArticleExtraction, CaseCount, District, Meeting, Official, record_hash

__all__ = ["with_record_ids"]

M = TypeVar("M", bound=BaseModel)


#: Per model class: does it forbid extra fields and have no private attributes (see :func:`_updated`)?
_PLAIN: dict[type[BaseModel], bool] = {}
#: The setters of the slots of every model, called directly: ``object.__setattr__(copy, name, value)``
#: would look each name up on the class first (a copy is made for every record).
_SET_DICT = BaseModel.__dict__["__dict__"].__set__
_SET_FIELDS_SET = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_SET_EXTRA = BaseModel.__dict__["__pydantic_extra__"].__set__
_SET_PRIVATE = BaseModel.__dict__["__pydantic_private__"].__set__
_RECORD_ID = frozenset({"record_id"})


def _is_plain(cls: type[BaseModel]) -> bool:
    """Whether ``cls`` forbids extra fields and has no private attributes: its copy is :func:`_copy`."""
    plain = _PLAIN.get(cls)
    if plain is None:
        plain = _PLAIN[cls] = cls.model_config.get("extra") != "allow" and not cls.__private_attributes__
    return plain


def _updated(model: M, update: dict[str, Any]) -> M:
    """``model.model_copy(update=update)`` without its generic steps (a shallow copy of the fields,
    ``update`` applied, its keys marked set), for models that forbid extra fields and have no
    private attributes, as every record model does; any other model is copied by pydantic."""
    if not _is_plain(type(model)):
        return model.model_copy(update=update)
    return _copy(model, {**model.__dict__, **update}, model.__pydantic_fields_set__.union(update))


def _copy(model: M, fields: dict[str, Any], fields_set: set[str]) -> M:
    """A model of the class of ``model`` (a plain one, see :func:`_updated`) with these fields."""
    copied: M = object.__new__(type(model))
    _SET_DICT(copied, fields)
    _SET_EXTRA(copied, None)
    _SET_FIELDS_SET(copied, fields_set)
    _SET_PRIVATE(copied, None)
    return copied


def _keyed(article_id: str, prefix: str, records: Sequence[M], key: Callable[[M], tuple[Any, ...]]) -> list[M]:
    """``records`` with their ids: from the record's key, and its ordinal among the records of that key."""
    seen: dict[tuple[Any, ...], int] = {}
    out = []
    for r in records:
        k = key(r)
        seen[k] = n = seen.get(k, 0) + 1
        out.append(_with_record_id(r, f"{prefix}_{record_hash(article_id, prefix, *k, n)}"))
    return out


def _with_record_id(model: M, record_id: str) -> M:
    """``_updated(model, {"record_id": record_id})``, the update of every record, without building the update."""
    if not _is_plain(type(model)):  # pragma: no cover - every record model is plain
        return model.model_copy(update={"record_id": record_id})
    return _copy(model, {**model.__dict__, "record_id": record_id}, model.__pydantic_fields_set__ | _RECORD_ID)


#: The keys of case counts and meetings: several fields, read as one tuple in C.
_count_key: Callable[[CaseCount], tuple[Any, ...]] = attrgetter(
    "date", "region", "metric", "scope", "measure", "period_start", "period_end"
)
_meeting_key: Callable[[Meeting], tuple[Any, ...]] = attrgetter("date", "type", "name")


def _district_key(d: District) -> tuple[Any, ...]:
    return (d.code or d.name,)


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
