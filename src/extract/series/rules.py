"""The series' preference rules and source kinds, as data (``data/series_rules.tsv``, ``data/series_sources.tsv``).

The rules become one SQL sort key per candidate (a list of numbers, one per rule,
smaller is better), and a ``CASE`` that names the first rule telling the chosen
candidate from the runner-up: the choice and its explanation come from the same table.
"""

from __future__ import annotations

import functools
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..errors import ResourceError
from ..resources import read_data, tsv_rows, validated

__all__ = ["Rule", "SourcePattern", "load_rules", "load_sources", "sort_key", "deciding_rule", "source_kind_sql", "stage_rules", "SOURCE_KINDS"]

#: Source kinds, best first, as the rule notice_over_repost ranks them (and ``unknown`` last).
SOURCE_KINDS = ("health_commission", "government", "media", "unknown")

#: What each rule column means in SQL, on a candidate row of ``claims``/``facts``.
_COLUMNS = {
    "qualifier": "qualifier",
    "source_kind": "source_kind",
    "published": "published",
    "n_articles": "n_articles",
    "value": "value",
    "period_hours": "period_hours",
}
_VALUES = {
    "qualifier": ("exact", "at_least", "over", "about"),
    "source_kind": SOURCE_KINDS,
}


class Rule(BaseModel):
    """One preference rule (a row of ``series_rules.tsv``)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    stage: Literal["fact", "daily"]
    order: int = Field(ge=1)
    rule: str = Field(pattern=r"^[a-z_]+$")
    column: Literal["qualifier", "source_kind", "published", "n_articles", "value", "period_hours"]
    prefer: tuple[str, ...]
    why: str = Field(min_length=1)

    @field_validator("prefer", mode="before")
    @classmethod
    def _split(cls, v: object) -> object:
        return tuple(x.strip() for x in v.split(",") if x.strip()) if isinstance(v, str) else v

    @model_validator(mode="after")
    def _known_values(self) -> Rule:
        if self.prefer in (("highest",), ("lowest",)):
            return self
        known = _VALUES.get(self.column)
        if known is None:
            raise ValueError(f"column {self.column} takes `highest` or `lowest`, not a list of values")
        unknown = [v for v in self.prefer if v not in known]
        if unknown:
            raise ValueError(f"unknown {self.column} value(s) {unknown}; known: {list(known)}")
        return self

    def sort_value(self) -> str:
        """A SQL number, smaller for the preferred candidate (NULL counts as the worst)."""
        col = _COLUMNS[self.column]
        num = f"epoch({col})" if self.column == "published" else f"{col}::DOUBLE"
        if self.prefer == ("highest",):
            return f"coalesce(-{num}, 1e300)"
        if self.prefer == ("lowest",):
            return f"coalesce({num}, 1e300)"
        values = ", ".join(f"'{v}'" for v in self.prefer)
        return f"coalesce(list_position([{values}], {col}), 99)::DOUBLE"


class SourcePattern(BaseModel):
    """One row of ``series_sources.tsv``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: Literal["health_commission", "government", "media"]
    field: Literal["outlet", "title", "url", "source"]
    pattern: str = Field(min_length=1)

    @field_validator("pattern")
    @classmethod
    def _no_quote(cls, v: str) -> str:
        if "'" in v:
            raise ValueError("a pattern may not contain a single quote")
        return v


@functools.cache
def load_rules(text: str | None = None) -> tuple[Rule, ...]:
    """The preference rules, validated, in (stage, order) order.

    Raises:
        ResourceError: a malformed row, two rules of one stage with the same order, or a stage without rules.
    """
    origin = "series_rules.tsv"
    raw = read_data(origin) if text is None else text
    rules = [validated(Rule, origin, n, row) for n, row in tsv_rows(raw, origin, tuple(Rule.model_fields))]
    for stage in ("fact", "daily"):
        orders = [r.order for r in rules if r.stage == stage]
        if not orders:
            raise ResourceError(f"{origin}: no rule for stage {stage}")
        if len(set(orders)) != len(orders):
            raise ResourceError(f"{origin}: two {stage} rules share an order")
    return tuple(sorted(rules, key=lambda r: (r.stage, r.order)))


@functools.cache
def load_sources(text: str | None = None) -> tuple[SourcePattern, ...]:
    """The source-kind patterns, in file order."""
    origin = "series_sources.tsv"
    raw = read_data(origin) if text is None else text
    return tuple(validated(SourcePattern, origin, n, row) for n, row in tsv_rows(raw, origin, ("kind", "field", "pattern")))


def stage_rules(stage: str) -> list[Rule]:
    """The rules of one stage, in order."""
    return [r for r in load_rules() if r.stage == stage]


def sort_key(stage: str) -> str:
    """SQL: the list of a stage's rule values (DOUBLE[]); the smallest list is the preferred candidate."""
    return "[" + ", ".join(r.sort_value() for r in stage_rules(stage)) + "]::DOUBLE[]"


def deciding_rule(stage: str, chosen: str, runner_up: str) -> str:
    """SQL naming the first rule of ``stage`` whose values differ between two sort keys (see :func:`sort_key`).

    It is ``NULL`` when there is no runner-up and ``'tie'`` when no rule tells them apart.
    """
    arms = " ".join(f"WHEN {chosen}[{i}] IS DISTINCT FROM {runner_up}[{i}] THEN '{r.rule}'"
                    for i, r in enumerate(stage_rules(stage), 1))
    return f"CASE WHEN {runner_up} IS NULL THEN NULL {arms} ELSE 'tie' END"


def source_kind_sql() -> str:
    """SQL classifying an article row (columns outlet, title, url, source, script) into a source kind."""
    arms = " ".join(
        f"WHEN regexp_matches(coalesce({p.field}, ''), '{p.pattern}') THEN '{p.kind}'" for p in load_sources()
    )
    kind = f"CASE {arms} ELSE 'unknown' END"
    # A Traditional rendering is a repost, never the issuing body's own notice.
    return f"CASE WHEN script = 'traditional' AND ({kind}) IN ('health_commission', 'government') THEN 'media' ELSE {kind} END"
