"""Shared checks of the record fast paths (``models.case_count``, ``district``, ``meeting``, ``official``):
a record they build is the very record pydantic's validation builds, and a value they do not take is refused
with pydantic's own errors. Imported by the ``test_*_fast`` modules."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pydantic import BaseModel, ValidationError


def same_record(ours: BaseModel, theirs: BaseModel) -> None:
    """``ours`` equals ``theirs`` field by field, in field order, with the same set fields and JSON."""
    assert type(ours) is type(theirs) and ours == theirs
    assert list(ours.__dict__.items()) == list(theirs.__dict__.items())
    assert ours.__pydantic_fields_set__ == theirs.__pydantic_fields_set__
    assert ours.__pydantic_extra__ == theirs.__pydantic_extra__ and ours.__pydantic_private__ == theirs.__pydantic_private__
    assert ours.model_dump_json() == theirs.model_dump_json()


def built_as_validated(build: Callable[..., BaseModel], validated: Callable[[], BaseModel], fields: list[object]) -> BaseModel | None:
    """``build(*fields)`` is what ``validated()`` gives, or raises the errors it raises; the record built, if any."""
    try:
        expected = validated()
    except ValidationError as error:
        with pytest.raises(ValidationError) as ours:
            build(*fields)
        assert ours.value.errors(include_context=False) == error.errors(include_context=False)
        return None
    made = build(*fields)
    same_record(made, expected)
    return made
