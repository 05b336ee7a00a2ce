"""The columnar part of the series: DuckDB SQL over the JSONL files of one or more runs.

Stages (each a temporary table, so a stage reads as one statement):

1. ``arts``    articles of every run, with their source kind; an article met in two runs
               (same ``article_id`` and ``sha256``) is one source, kept from the first run that has it.
2. ``recs``    dated case counts joined to their article, with the period key.
3. ``keys``    one row per fact, numbered (``fid``); ``ps``: one row per (fact, value, qualifier, article).
4. ``claims``  one row per (fact, value, qualifier): how many articles state it, their best
               source kind, latest publication, and the rules' sort key.
5. ``facts``   one row per fact: the chosen claim by the ``fact`` rules, its status, the
               rule that decided against the runner-up; ``daily`` by the ``daily`` rules.
6. ``checks``  consistency warnings across articles (breakdown over total, cumulative
               going down, a stated change that disagrees with the earlier day's figure).

Nothing here corrects a figure: a disagreement is a status or a warning.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .rules import SOURCE_KINDS, deciding_rule, sort_key, source_kind_sql

__all__ = ["FACT_KEY", "load_runs", "build"]

#: One fact: the period is part of it, so 0—12时 and the whole day are never summed or compared.
#: ``label`` is empty except for metric ``other``, whose label says what is counted (重症, 危重 …).
FACT_KEY = ("date", "region", "region_code", "metric", "label", "scope", "measure", "period")
_KEY = ", ".join(FACT_KEY)

_CASE_COLUMNS = {
    "article_id": "VARCHAR", "date": "DATE", "region": "VARCHAR", "region_code": "VARCHAR",
    "metric": "VARCHAR", "scope": "VARCHAR", "measure": "VARCHAR", "value": "BIGINT", "qualifier": "VARCHAR",
    "period_start": "TIMESTAMP", "period_end": "TIMESTAMP",
    "change": "STRUCT(delta BIGINT, vs_date DATE)", "label": "VARCHAR",
    "evidence": 'STRUCT("start" BIGINT, "end" BIGINT, "text" VARCHAR)',
}
_ARTICLE_COLUMNS = {
    "article_id": "VARCHAR", "source": "VARCHAR", "sha256": "VARCHAR", "title": "VARCHAR", "outlet": "VARCHAR",
    "published": "VARCHAR", "url": "VARCHAR", "script": "VARCHAR",
}
_MEETING_COLUMNS = {
    "article_id": "VARCHAR", "date": "DATE", "type": "VARCHAR", "name": "VARCHAR", "organizer": "VARCHAR",
    "ordinal": "BIGINT", "chair": "VARCHAR", "speakers": "VARCHAR[]", "attendees": "VARCHAR[]",
    "evidence": 'STRUCT("start" BIGINT, "end" BIGINT, "text" VARCHAR)',
}
#: Municipalities (直辖市): their districts sit directly under the city code (500000), not under 5001xx.
_MUNICIPALITIES = ("11", "12", "31", "50")


def _read(con: Any, runs: Sequence[Path], name: str, columns: dict[str, str]) -> str:
    """A UNION ALL over the runs' ``name`` files, each row tagged with its run number."""
    parts = []
    for i, run in enumerate(runs):
        path = run / name
        if not path.is_file():
            continue
        con.execute(f"CREATE OR REPLACE TEMP VIEW _{name.split('.')[0]}_{i} AS SELECT {i} AS run, * FROM "
                    f"read_json('{_literal(path)}', format='newline_delimited', columns={_struct(columns)})")
        parts.append(f"SELECT * FROM _{name.split('.')[0]}_{i}")
    if not parts:
        cols = ", ".join(f"NULL::{t} AS {_q(c)}" for c, t in columns.items())
        return f"SELECT NULL::INTEGER AS run, {cols} WHERE false"
    return " UNION ALL ".join(parts)


def _literal(path: Path) -> str:
    return str(path).replace("'", "''")


def _q(name: str) -> str:
    return f'"{name}"'


def _struct(columns: dict[str, str]) -> str:
    return "{" + ", ".join(f"'{c}': '{t}'" for c, t in columns.items()) + "}"


def load_runs(con: Any, runs: Sequence[Path]) -> None:
    """Create ``arts``, ``recs`` and ``meets`` from the runs' JSONL files."""
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE arts AS
        SELECT run, article_id, coalesce(sha256, 'run' || run) || ':' || article_id AS src, title, outlet, url, script,
               try_cast(published AS TIMESTAMP) AS published, {source_kind_sql()} AS source_kind
        FROM ({_read(con, runs, 'articles.jsonl', _ARTICLE_COLUMNS)})
        QUALIFY row_number() OVER (PARTITION BY run, article_id ORDER BY sha256) = 1""")
    # The same article (same id, same bytes) in two runs is one source: keep it from its first run.
    con.execute("""
        CREATE OR REPLACE TEMP TABLE first_run AS
        SELECT src, min(run) AS run FROM arts GROUP BY src""")
    period = """CASE
        WHEN period_start IS NULL AND period_end IS NULL THEN 'day'
        WHEN period_start = date::TIMESTAMP AND period_end = (date + 1)::TIMESTAMP THEN 'day'
        WHEN period_start::DATE = date AND period_end <= (date + 1)::TIMESTAMP THEN
             strftime(period_start, '%H:%M') || '-' ||
             CASE WHEN period_end = (date + 1)::TIMESTAMP THEN '24:00' ELSE strftime(period_end, '%H:%M') END
        ELSE coalesce(strftime(period_start, '%Y-%m-%dT%H:%M'), '') || '/' ||
             coalesce(strftime(period_end, '%Y-%m-%dT%H:%M'), '')
        END"""
    hours = """CASE WHEN period_start IS NULL OR period_end IS NULL THEN 24.0
        ELSE least(24.0, date_diff('minute', period_start, period_end) / 60.0) END"""
    kinds = ", ".join(f"'{k}'" for k in SOURCE_KINDS)
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE recs AS
        SELECT c.article_id, c.date, c.region, coalesce(c.region_code, '') AS region_code, c.metric,
               CASE WHEN c.metric = 'other' THEN coalesce(c.label, '') ELSE '' END AS label, c.scope,
               c.measure, c.value, c.qualifier, {period} AS period, {hours} AS period_hours, c.change, c.evidence,
               coalesce(a.src, c.run || ':' || c.article_id) AS src,
               coalesce(a.source_kind, 'unknown') AS source_kind,
               list_position([{kinds}], coalesce(a.source_kind, 'unknown')) AS kind_rank,
               a.published
        FROM ({_read(con, runs, 'case_counts.jsonl', _CASE_COLUMNS)}) c
        LEFT JOIN arts a ON a.run = c.run AND a.article_id = c.article_id
        LEFT JOIN first_run f ON f.src = a.src
        WHERE c.date IS NOT NULL AND (f.run IS NULL OR f.run = c.run)""")
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE meets AS
        SELECT m.*, coalesce(a.src, m.run || ':' || m.article_id) AS src
        FROM ({_read(con, runs, 'meetings.jsonl', _MEETING_COLUMNS)}) m
        LEFT JOIN arts a ON a.run = m.run AND a.article_id = m.article_id
        LEFT JOIN first_run f ON f.src = a.src
        WHERE f.run IS NULL OR f.run = m.run""")


def build(con: Any) -> None:
    """Create ``keys``, ``claims``, ``facts`` and ``checks`` from ``recs``.

    Grouping is done once on the wide key: ``keys`` numbers the facts (``fid``) and every
    later stage groups on that integer. No DISTINCT or ordered aggregate runs over all records.
    """
    kinds = ", ".join(f"'{k}'" for k in SOURCE_KINDS)
    # One row per (fact, value, qualifier, source): an article repeating a figure counts once.
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE per_src AS
        SELECT {_KEY}, value, qualifier, src, min(article_id) AS article_id, min(kind_rank) AS kind_rank,
               max(published) AS published, min(period_hours) AS period_hours
        FROM recs GROUP BY ALL""")
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE keys AS
        SELECT row_number() OVER () AS fid, * FROM (SELECT DISTINCT {_KEY} FROM per_src)""")
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE ps AS
        SELECT k.fid, p.value, p.qualifier, p.src, p.article_id, p.kind_rank, p.published, p.period_hours
        FROM per_src p JOIN keys k USING ({_KEY})""")
    con.execute("DROP TABLE per_src")
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE claims AS
        SELECT *, {sort_key('fact')} AS sort_key FROM (
            SELECT fid, value, qualifier, count(*) AS n_articles, [{kinds}][min(kind_rank)] AS source_kind,
                   max(published) AS published, min(period_hours) AS period_hours
            FROM ps GROUP BY fid, value, qualifier)""")
    con.execute("""
        CREATE OR REPLACE TEMP TABLE sources AS
        SELECT fid, count(*) AS n_articles, list_sort(list(article_id)) AS article_ids
        FROM (SELECT fid, src, min(article_id) AS article_id FROM ps GROUP BY fid, src)
        GROUP BY fid""")
    # The best claim of every fact; the runner-up only where there is one (most facts have one claim).
    con.execute("""
        CREATE OR REPLACE TEMP TABLE chosen AS
        SELECT fid, count(*) AS n_claims,
               arg_min({'value': value, 'qualifier': qualifier, 'period_hours': period_hours}, sort_key) AS top,
               min(sort_key) AS top_key
        FROM claims GROUP BY fid""")
    con.execute("""
        CREATE OR REPLACE TEMP TABLE runner_up AS
        SELECT c.fid, min(c.sort_key) AS second_key, n.n_values
        FROM claims c JOIN chosen t ON t.fid = c.fid AND t.n_claims > 1 AND c.sort_key <> t.top_key
        JOIN (SELECT fid, count(*) AS n_values FROM (SELECT DISTINCT fid, value FROM claims) GROUP BY fid) n
          ON n.fid = c.fid
        GROUP BY c.fid, n.n_values""")
    day = ", ".join(k for k in FACT_KEY if k != "period")
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE facts AS
        SELECT *, row_number() OVER (PARTITION BY {day} ORDER BY {sort_key('daily')}, period) = 1 AS daily
        FROM (
            SELECT k.*, c.top.value AS value, c.top.qualifier AS qualifier, c.top.period_hours AS period_hours,
                   CASE WHEN coalesce(r.n_values, 1) > 1 THEN 'conflict' WHEN s.n_articles > 1 THEN 'agreed'
                        ELSE 'single' END AS status,
                   s.n_articles, coalesce(r.n_values, 1) AS n_values, s.article_ids,
                   CASE WHEN r.n_values > 1 THEN {deciding_rule('fact', 'c.top_key', 'r.second_key')} END AS rule
            FROM keys k JOIN chosen c USING (fid) JOIN sources s USING (fid) LEFT JOIN runner_up r USING (fid))""")
    for table in ("runner_up", "chosen", "sources", "keys", "ps"):  # what later stages do not need
        con.execute(f"DROP TABLE {table}")
    _checks(con)


def _checks(con: Any) -> None:
    """Consistency warnings across articles; never a change to a figure."""
    munis = ", ".join(f"'{m}'" for m in _MUNICIPALITIES)
    parent = f"""CASE WHEN substr(region_code, 1, 2) IN ({munis}) THEN substr(region_code, 1, 2) || '0000'
                      ELSE substr(region_code, 1, 4) || '00' END"""
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE checks AS
        WITH kids AS (
            SELECT date, metric, label, scope, measure, period, {parent} AS parent_code, sum(value) AS total,
                   count(*) AS n, list(region || ' ' || value ORDER BY region) AS parts,
                   flatten(list(article_ids)) AS ids
            FROM facts
            WHERE regexp_matches(region_code, '^[0-9]{{6}}$') AND NOT region_code LIKE '%00'
              AND qualifier = 'exact'
            GROUP BY ALL),
        breakdown AS (
            SELECT p.fid, 'breakdown_exceeds_total' AS code, p.date, p.region, p.region_code, p.metric, p.label, p.scope,
                   p.measure, p.period,
                   'the districts stated for this day add up to ' || k.total || ' (' || k.n || ' districts: '
                     || array_to_string(k.parts[:12], ', ') || CASE WHEN k.n > 12 THEN ', …' ELSE '' END
                     || '), more than the total of ' || p.value || ' stated for ' || p.region AS message,
                   p.value AS stated, k.total AS expected,
                   list_sort(list_distinct(list_concat(p.article_ids, k.ids))) AS article_ids
            FROM kids k JOIN facts p
              ON p.region_code = k.parent_code AND p.date = k.date AND p.metric = k.metric AND p.label = k.label
             AND p.scope = k.scope
             AND p.measure = k.measure AND p.period = k.period
            WHERE p.qualifier = 'exact' AND k.total > p.value),
        cumul AS (
            SELECT *, lag(value) OVER w AS prev_value, lag(date) OVER w AS prev_date,
                      lag(qualifier) OVER w AS prev_qualifier, lag(article_ids) OVER w AS prev_ids
            FROM facts WHERE measure = 'cumulative' AND daily
            WINDOW w AS (PARTITION BY region, region_code, metric, label, scope ORDER BY date)),
        down AS (
            SELECT fid, 'cumulative_decreased' AS code, date, region, region_code, metric, label, scope, measure, period,
                   'the cumulative figure ' || value || ' is lower than ' || prev_value || ' stated for '
                     || prev_date AS message,
                   value AS stated, prev_value AS expected,
                   list_sort(list_distinct(list_concat(article_ids, prev_ids))) AS article_ids
            FROM cumul
            WHERE prev_value IS NOT NULL AND value < prev_value AND qualifier = 'exact'
              AND prev_qualifier IN ('exact', 'at_least', 'over')),
        changes AS (
            SELECT r.article_id, r.date, r.region, r.region_code, r.metric, r.label, r.scope, r.measure, r.period,
                   r.value,
                   r.change.delta AS delta, coalesce(r.change.vs_date, r.date - 1) AS vs_date
            FROM recs r WHERE r.change.delta IS NOT NULL AND r.qualifier = 'exact'),
        delta AS (
            SELECT DISTINCT f.fid, 'change_disagrees' AS code, c.date, c.region, c.region_code, c.metric, c.label, c.scope,
                   c.measure, c.period,
                   c.article_id || ' states ' || c.value || ' with a change of '
                     || CASE WHEN c.delta >= 0 THEN '+' ELSE '' END || c.delta || ' against ' || c.vs_date
                     || ', which implies ' || (c.value - c.delta) || ' on ' || c.vs_date || '; the figure for '
                     || c.vs_date || ' is ' || f.value AS message,
                   f.value AS stated, c.value - c.delta AS expected,
                   list_sort(list_distinct(list_append(f.article_ids, c.article_id))) AS article_ids
            FROM changes c JOIN facts f
              ON f.date = c.vs_date AND f.region = c.region AND f.region_code = c.region_code
             AND f.metric = c.metric AND f.label = c.label AND f.scope = c.scope AND f.measure = c.measure AND f.period = c.period
            WHERE f.qualifier = 'exact' AND f.value <> c.value - c.delta)
        SELECT * FROM breakdown UNION ALL SELECT * FROM down UNION ALL SELECT * FROM delta""")
