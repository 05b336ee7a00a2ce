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

import datetime as dt
from collections.abc import Callable, Sequence
from hashlib import sha256
from operator import itemgetter
from typing import Any, TypeVar

from pydantic import BaseModel

from .models import ArticleExtraction, CaseCount, District, Meeting, Official, record_hash

__all__ = ["article_record_id", "with_new_record_ids", "with_record_ids"]

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


def _keyed(article_id: str, prefix: str, records: Sequence[M], key: Callable[[dict[str, Any]], Any],
           text: Callable[[str, Any, int], str], in_place: bool = False) -> list[M]:
    """``records`` with their ids: from the record's key, and its ordinal among the records of that key.

    ``key`` reads the key from a record's fields; ``text`` spells the hashed text of the article id,
    a key and its ordinal (what :func:`~extract.models.record_hash` hashes). ``in_place``: see
    :func:`with_new_record_ids`.
    """
    seen: dict[Any, int] = {}
    out = []
    for r in records:
        k = key(r.__dict__)
        seen[k] = n = seen.get(k, 0) + 1
        record_id = f"{prefix}_{_hash(text(article_id, k, n))}"
        if in_place and r.__dict__["record_id"] is None:
            r.__dict__["record_id"] = record_id
            _SET_FIELDS_SET(r, r.__pydantic_fields_set__ | _RECORD_ID)
            out.append(r)
        else:
            out.append(_with_record_id(r, record_id))
    return out


def _with_record_id(model: M, record_id: str) -> M:
    """``_updated(model, {"record_id": record_id})``, the update of every record, without building the update."""
    if not _is_plain(type(model)):  # pragma: no cover - every record model is plain
        return model.model_copy(update={"record_id": record_id})
    return _copy(model, {**model.__dict__, "record_id": record_id}, model.__pydantic_fields_set__ | _RECORD_ID)


def _hash(text: str) -> str:
    """:func:`~extract.models.record_hash` of parts already joined into ``text``."""
    return sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


#: ``str`` of the dates and naive moments in keys, kept: ``str`` of a date calls its ``isoformat`` by
#: name (~4.7 K instructions). Equal dates (equal naive moments) have equal ``str``; an aware moment
#: is never kept (equal ones may differ in their zones). None is ``"None"`` as ``str`` makes it.
_TEXTS: dict[object, str] = {None: "None"}


def _text(part: object) -> str:
    """``str(part)``, from :data:`_TEXTS` when kept there."""
    text = _TEXTS.get(part)
    if text is None:
        text = str(part)
        cls = type(part)
        if (cls is dt.date or (cls is dt.datetime and part.tzinfo is None)) and len(_TEXTS) < 100_000:  # type: ignore[attr-defined]
            _TEXTS[part] = text
    return text


# The keys of each record type, read from a record's fields (its ``__dict__``) in C, and the text
# ``record_hash(article_id, prefix, *key, ordinal)`` hashes for each, spelled as one f-string (``!s``
# is ``str``, as ``record_hash`` applies it, without a call per part).
_count_key: Callable[[dict[str, Any]], tuple[Any, ...]] = itemgetter(
    "date", "region", "metric", "scope", "measure", "period_start", "period_end"
)
_meeting_key: Callable[[dict[str, Any]], tuple[Any, ...]] = itemgetter("date", "type", "name")


def _count_text(article_id: str, k: tuple[Any, ...], n: int) -> str:
    date, region, metric, scope, measure, start, end = k
    return (f"{article_id!s}\x1fc\x1f{_text(date)}\x1f{region!s}\x1f{metric!s}\x1f{scope!s}\x1f{measure!s}"
            f"\x1f{_text(start)}\x1f{_text(end)}\x1f{n}")


def _meeting_text(article_id: str, k: tuple[Any, ...], n: int) -> str:
    date, type_, name = k
    return f"{article_id!s}\x1fm\x1f{_text(date)}\x1f{type_!s}\x1f{name!s}\x1f{n}"


def _district_key(fields: dict[str, Any]) -> Any:
    return fields["code"] or fields["name"]


def _district_text(article_id: str, k: Any, n: int) -> str:
    return f"{article_id!s}\x1fd\x1f{k!s}\x1f{n}"


_official_key: Callable[[dict[str, Any]], Any] = itemgetter("name")


def _official_text(article_id: str, k: Any, n: int) -> str:
    return f"{article_id!s}\x1fo\x1f{k!s}\x1f{n}"


def article_record_id(article_id: str) -> str:
    """The ``record_id`` of the article record of ``article_id``."""
    return "a_" + record_hash(article_id, "a")


def with_record_ids(result: ArticleExtraction) -> ArticleExtraction:
    """``result`` with a ``record_id`` on the article and on every record (copies: ``result`` is left as it is)."""
    aid = result.article.article_id
    return _updated(result, {
        "article": _updated(result.article, {"record_id": article_record_id(aid)}),
        **_records_with_ids(aid, result.case_counts, result.districts, result.meetings, result.officials, False),
    })


def with_new_record_ids(article_id: str, case_counts: Sequence[CaseCount], districts: Sequence[District],
                        meetings: Sequence[Meeting], officials: Sequence[Official]) -> dict[str, list[Any]]:
    """The records of one article with their ids, as :func:`with_record_ids` gives them: for the pipeline,
    whose records the extractors have just built, each for this article alone.

    A record with no id yet gets its id in place instead of in a copy (~10 K instructions a record): it
    is seen nowhere else yet, and neither its key nor its hash reads ``record_id``. A record that has an
    id (one object listed twice: its second listing) is copied, as :func:`with_record_ids` copies every
    record, so the records given are those it would give.
    """
    return _records_with_ids(article_id, case_counts, districts, meetings, officials, True)


def _records_with_ids(article_id: str, case_counts: Sequence[CaseCount], districts: Sequence[District],
                      meetings: Sequence[Meeting], officials: Sequence[Official], in_place: bool) -> dict[str, list[Any]]:
    return {
        "case_counts": _keyed(article_id, "c", case_counts, _count_key, _count_text, in_place),
        "districts": _keyed(article_id, "d", districts, _district_key, _district_text, in_place),
        "meetings": _keyed(article_id, "m", meetings, _meeting_key, _meeting_text, in_place),
        "officials": _keyed(article_id, "o", officials, _official_key, _official_text, in_place),
    }
