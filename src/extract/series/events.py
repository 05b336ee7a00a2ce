"""Events across articles: one meeting reported by several articles becomes one row of ``events.csv``.

Two meeting records are one event when they have the same date and type and name the same
body: a numbered press conference by its number (第155场), any other meeting by its name with
the outbreak's wording left out (新冠肺炎/新型冠状病毒肺炎/疫情 …) and a leading city or province
name reduced to 市/省 (重庆市委常委会 = 市委常委会); an unnumbered local press conference joins the
day's only numbered one. Their chairs, speakers and attendees are
united; a second chair or organizer is a disagreement, written out, never dropped.
"""

from __future__ import annotations

import functools
from typing import Any

__all__ = ["build_events", "EVENT_WORDING"]

#: Wording that does not change which meeting is meant (longest first: RE2 alternation is leftmost-first).
EVENT_WORDING = ("新型冠状病毒感染的肺炎", "新型冠状病毒肺炎", "新型冠状病毒", "新冠肺炎", "新冠病毒", "新冠", "疫情")


@functools.cache
def _place_prefixes() -> tuple[str, ...]:
    """Names of provinces and cities (重庆, 北京 …) from the gazetteer, for ``^重庆市`` → ``市``."""
    from ..gazetteer import load_gazetteer

    names = set()
    for area in load_gazetteer().areas.values():
        if area.kind in ("province", "city") and area.name[-1] in "市省" and len(area.name) >= 3:
            names.add(area.name[:-1])
    return tuple(sorted(names, key=lambda n: (-len(n), n)))


def _name_key() -> str:
    wording = "|".join(EVENT_WORDING)
    places = "|".join(_place_prefixes()) or "(?!)"
    return (f"regexp_replace(regexp_replace(name, '{wording}', '', 'g'), "
            f"'^(?:{places})(市|省)', '\\1')")


def build_events(con: Any) -> None:
    """Create ``events`` from ``meets`` (dated meetings only).

    An unnumbered press conference of the local government (its name, reduced, starts with
    市/省: 重庆市政府疫情防控新闻发布会) joins the numbered one of the same day when that day has
    exactly one number: the city held one such conference a day.
    """
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE events AS
        WITH named AS (SELECT *, {_name_key()} AS name_key FROM meets WHERE date IS NOT NULL),
        numbered AS (
            SELECT date, min(ordinal) AS day_ordinal FROM named
            WHERE type = 'press_conference' AND ordinal IS NOT NULL
            GROUP BY date HAVING count(DISTINCT ordinal) = 1),
        keyed AS (
            SELECT named.*, CASE
                WHEN type = 'press_conference' AND ordinal IS NOT NULL THEN '第' || ordinal || '场'
                WHEN type = 'press_conference' AND day_ordinal IS NOT NULL AND regexp_matches(name_key, '^(市|省)')
                    THEN '第' || day_ordinal || '场'
                ELSE name_key END AS event_key
            FROM named LEFT JOIN numbered USING (date))
        SELECT date, type, event_key,
               arg_max(name, length(name)) AS name,
               list_sort(list(DISTINCT name)) AS names,
               list_sort(list(DISTINCT organizer) FILTER (WHERE organizer IS NOT NULL)) AS organizers,
               max(ordinal) AS ordinal,
               list_sort(list(DISTINCT chair) FILTER (WHERE chair IS NOT NULL)) AS chairs,
               list_sort(list_distinct(flatten(list(speakers)))) AS speakers,
               list_sort(list_distinct(flatten(list(attendees)))) AS attendees,
               count(DISTINCT src) AS n_articles,
               list_sort(list(DISTINCT article_id)) AS article_ids
        FROM keyed GROUP BY date, type, event_key""")


def disagreement(row: dict[str, Any]) -> str:
    """What the sources of one event disagree on, as one line (empty when they agree).

    >>> disagreement({"chairs": ["李明清", "陈敏尔"], "organizers": ["市委"]})
    'chair: 李明清 | 陈敏尔'
    """
    parts = [f"{label}: {' | '.join(row[key])}" for key, label in (("chairs", "chair"), ("organizers", "organizer"))
             if len(row.get(key) or []) > 1]
    return "; ".join(parts)
