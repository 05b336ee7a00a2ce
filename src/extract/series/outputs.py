"""Filtering and writing the series' files (each written to a temporary name, then renamed)."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .engine import FACT_KEY
from .rules import load_rules

__all__ = ["Filters", "OUTPUT_FILES", "collect_rows", "write_outputs"]

#: The files written, in order.
OUTPUT_FILES = ("series.csv", "series.parquet", "conflicts.jsonl", "series_warnings.jsonl", "events.csv")

_KEY = ", ".join(FACT_KEY)
_ORDER = "date, region, region_code, metric, label, scope, measure, period"


@dataclass(frozen=True)
class Filters:
    """What to keep in the outputs (empty: everything). Checks run on the whole input first."""

    regions: list[str] = field(default_factory=list)
    metrics: list[str] = field(default_factory=list)
    scopes: list[str] = field(default_factory=list)
    measures: list[str] = field(default_factory=list)
    date_from: dt.date | None = None
    date_to: dt.date | None = None

    def where(self, *, dated_only: bool = False) -> tuple[str, list[Any]]:
        """A SQL condition and its parameters (``dated_only``: only the date range, for events)."""
        terms: list[str] = ["true"]
        params: list[Any] = []
        if not dated_only:
            if self.regions:
                marks = ", ".join("?" for _ in self.regions)
                terms.append(f"(region IN ({marks}) OR region_code IN ({marks}))")
                params += self.regions * 2
            for column, values in (("metric", self.metrics), ("scope", self.scopes), ("measure", self.measures)):
                if values:
                    terms.append(f"{column} IN ({', '.join('?' for _ in values)})")
                    params += values
        if self.date_from is not None:
            terms.append("date >= ?")
            params.append(self.date_from)
        if self.date_to is not None:
            terms.append("date <= ?")
            params.append(self.date_to)
        return " AND ".join(terms), params


def _why_sql() -> str:
    arms = " ".join(f"WHEN '{r.rule}' THEN '{r.why.replace(chr(39), chr(39) * 2)}'" for r in load_rules())
    return f"CASE rule {arms} WHEN 'tie' THEN 'no rule tells the values apart; the first in a stable order is chosen' END"


def _select(con: Any, filters: Filters) -> None:
    """The filtered output tables ``o_series``, ``o_conflicts``, ``o_warnings``, ``o_events``."""
    cond, params = filters.where()
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE o_series AS
        SELECT f.date, f.region, nullif(f.region_code, '') AS region_code, f.metric, nullif(f.label, '') AS label,
               f.scope, f.measure, f.period, f.value, f.qualifier, f.status, f.n_articles, f.n_values, f.article_ids,
               f.daily, f.rule, w.codes AS warnings
        FROM facts f
        LEFT JOIN (SELECT fid, list_sort(list(DISTINCT code)) AS codes FROM checks GROUP BY fid) w USING (fid)
        WHERE {cond}
        ORDER BY {_ORDER}""", params)
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE o_conflicts AS
        WITH cf AS (SELECT * FROM facts WHERE status = 'conflict' AND {cond}),
        ev AS (
            SELECT cf.fid, r.value, r.qualifier, list_sort(list(DISTINCT r.article_id)) AS article_ids,
                   list({{'article_id': r.article_id, 'start': r.evidence."start", 'end': r.evidence."end",
                          'text': r.evidence."text"}} ORDER BY r.article_id, r.evidence."start") AS evidence
            FROM recs r JOIN cf USING ({_KEY}) GROUP BY cf.fid, r.value, r.qualifier),
        vals AS (
            SELECT c.fid,
                   list({{'value': c.value, 'qualifier': c.qualifier, 'chosen': c.value = cf.value AND
                          c.qualifier = cf.qualifier, 'n_articles': c.n_articles, 'article_ids': ev.article_ids,
                          'source_kind': c.source_kind, 'published': strftime(c.published, '%Y-%m-%dT%H:%M:%S'),
                          'evidence': ev.evidence}} ORDER BY c.sort_key, c.value, c.qualifier) AS "values"
            FROM claims c JOIN ev USING (fid, value, qualifier) JOIN cf USING (fid) GROUP BY c.fid)
        SELECT cf.date, cf.region, nullif(cf.region_code, '') AS region_code, cf.metric,
               nullif(cf.label, '') AS label, cf.scope, cf.measure, cf.period,
               {{'value': cf.value, 'qualifier': cf.qualifier}} AS chosen, cf.rule, {_why_sql()} AS why, vals."values"
        FROM cf JOIN vals USING (fid)
        ORDER BY {_ORDER}""", params)
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE o_warnings AS
        SELECT code, date, region, nullif(region_code, '') AS region_code, metric, nullif(label, '') AS label, scope,
               measure, period, message,
               stated, expected, article_ids
        FROM checks WHERE {cond}
        ORDER BY {_ORDER}, code, message""", params)
    dcond, dparams = filters.where(dated_only=True)
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE o_events AS
        SELECT date, type, name, array_to_string(names, ' | ') AS names,
               array_to_string(organizers, ' | ') AS organizer, ordinal,
               array_to_string(chairs, ' | ') AS chair, array_to_string(speakers, '、') AS speakers,
               array_to_string(attendees, '、') AS attendees, n_articles,
               array_to_string(article_ids, ' ') AS article_ids,
               concat_ws('; ',
                   CASE WHEN len(chairs) > 1 THEN 'chair: ' || array_to_string(chairs, ' | ') END,
                   CASE WHEN len(organizers) > 1 THEN 'organizer: ' || array_to_string(organizers, ' | ') END)
                 AS disagreement
        FROM events WHERE {dcond}
        ORDER BY date, type, name""", dparams)




def write_outputs(con: Any, target: Path, filters: Filters) -> tuple[dict[str, Path], dict[str, int]]:
    """Write the five files into ``target``; returns their paths and the counts."""
    # The output tables are sorted once when made; COPY keeps their order (and so the bytes are stable).
    con.execute("SET preserve_insertion_order = true")
    _select(con, filters)
    csv_series = """SELECT date, region, region_code, metric, label, scope, measure, period, value, qualifier, status,
                            n_articles, n_values, array_to_string(article_ids, ' ') AS article_ids, daily, rule,
                            array_to_string(warnings, ' ') AS warnings
                     FROM o_series"""
    jobs = {
        "series.csv": (csv_series, "FORMAT csv, HEADER true"),
        "series.parquet": ("SELECT * FROM o_series", "FORMAT parquet"),
        "conflicts.jsonl": ("SELECT * FROM o_conflicts", "FORMAT json"),
        "series_warnings.jsonl": ("SELECT * FROM o_warnings", "FORMAT json"),
        "events.csv": ("SELECT * FROM o_events", "FORMAT csv, HEADER true"),
    }
    files = {}
    for name, (query, options) in jobs.items():
        final = target / name
        tmp = target / f".{name}.tmp"
        con.execute(f"COPY ({query}) TO '{_literal(tmp)}' ({options})")
        os.replace(tmp, final)
        files[name] = final
    counts = dict(zip(
        ("rows", "agreed", "single", "conflict", "daily"),
        con.execute("""SELECT count(*), count(*) FILTER (WHERE status = 'agreed'),
                              count(*) FILTER (WHERE status = 'single'), count(*) FILTER (WHERE status = 'conflict'),
                              count(*) FILTER (WHERE daily) FROM o_series""").fetchone(),
    ))
    counts["warnings"] = con.execute("SELECT count(*) FROM o_warnings").fetchone()[0]
    counts["events"] = con.execute("SELECT count(*) FROM o_events").fetchone()[0]
    counts["records"] = con.execute("SELECT count(*) FROM recs").fetchone()[0]
    return files, counts


def _literal(path: Path) -> str:
    return str(path).replace("'", "''")


def _dicts(con: Any, query: str) -> list[dict[str, Any]]:
    cur = con.execute(query)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def collect_rows(con: Any, filters: Filters) -> tuple[list[dict[str, Any]], ...]:
    """The written records as dicts (series rows, conflicts, warnings, events)."""
    return (
        _dicts(con, "SELECT * FROM o_series"),
        _dicts(con, "SELECT * FROM o_conflicts"),
        _dicts(con, "SELECT * FROM o_warnings"),
        _dicts(con, "SELECT * FROM o_events"),
    )
