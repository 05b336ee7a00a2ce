"""models.meeting and models.official assemble the records their validators make, and validate the rest."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pydantic import BaseModel

from extract.models import Evidence, Meeting, Official, OfficialAppointment, meeting, official
from extract.pipeline import extract_text
from fast_records import built_as_validated

ROOT = Path(__file__).resolve().parents[1]
TEXTS = [*sorted((ROOT / "data" / "raw").glob("*.txt")), *sorted((ROOT / "tests" / "dev" / "articles").glob("*.txt")),
         *sorted((ROOT / "tests" / "realdev" / "articles").glob("*.txt"))[:20]]
_MEETING = ("article_id", "date", "type", "name", "organizer", "ordinal", "expanded", "chair", "speakers", "attendees",
            "evidence")
_OFFICIAL = ("article_id", "name", "titles", "organization", "evidence", "mentions", "appointments")




def _check(build: object, model: type[BaseModel], names: tuple[str, ...], fields: list[object]) -> None:
    made = built_as_validated(build, lambda: model(**dict(zip(names, fields))), fields)  # type: ignore[arg-type]
    if made is not None:
        for name in ("speakers", "attendees", "titles", "appointments"):  # lists copied, as validation copies them
            if name in names:
                assert getattr(made, name) is not fields[names.index(name)]


def test_the_records_of_real_texts() -> None:
    seen = [0, 0]
    for path in TEXTS:
        result = extract_text(path.read_text(encoding="utf-8"), article_id=path.stem)
        for m in result.meetings:
            _check(meeting, Meeting, _MEETING, [getattr(m, f) for f in _MEETING])
            seen[0] += 1
        for o in result.officials:
            _check(official, Official, _OFFICIAL, [getattr(o, f) for f in _OFFICIAL])
            seen[1] += 1
    assert min(seen) > 5


_EVIDENCE = Evidence(start=0, end=3, text="陈敏尔")
_GOOD_MEETING = ["a", dt.date(2020, 2, 1), "party_committee", "市委常委会", "市委", 3, True, "陈敏尔", ["唐良智"], [], _EVIDENCE]
_GOOD_OFFICIAL = ["a", "陈敏尔", ["市委书记"], "市委", _EVIDENCE, 2,
                  [OfficialAppointment(title="市委书记", action="conferred", evidence=_EVIDENCE)]]


@pytest.mark.parametrize(("at", "value"), [
    (1, None), (4, None), (5, None), (7, None), (2, "party"), (2, ["other"]), (1, "2020-02-01"), (5, "3"), (5, True),
    (6, 1), (6, "yes"), (8, ("唐良智",)), (8, [1]), (9, ["x", None]), (10, {"start": 0, "end": 3, "text": "陈敏尔"}),
    (0, None), (3, 5),
])
def test_other_meeting_values_are_validated(at: int, value: object) -> None:
    fields = list(_GOOD_MEETING)
    fields[at] = value
    _check(meeting, Meeting, _MEETING, fields)


@pytest.mark.parametrize(("at", "value"), [
    (3, None), (6, []), (5, 0), (5, -1), (5, True), (5, "2"), (2, []), (2, ("市委书记",)), (2, [None]), (1, None),
    (6, [{"title": "市长", "action": "removed", "evidence": {"start": 0, "end": 1, "text": "陈"}}]),
    (4, {"start": 0, "end": 3, "text": "陈敏尔"}), (3, 3),
])
def test_other_official_values_are_validated(at: int, value: object) -> None:
    fields = list(_GOOD_OFFICIAL)
    fields[at] = value
    _check(official, Official, _OFFICIAL, fields)
