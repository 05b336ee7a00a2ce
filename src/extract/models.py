"""Every record type the pipeline emits, in one module.

These Pydantic models are the source of truth for the output contract
(``../shared/CONTRACT.md``); ``schemas/*.json`` is exported from them by
``python -m extract schema``. All models are frozen and reject unknown fields.

Offsets are half-open ``[start, end)`` character offsets (Python ``str``
indices, i.e. code points) into the *original* decoded text of the article,
so that ``original[start:end] == evidence.text`` always holds.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, TypeVar, get_args

import hashlib

from pydantic import BaseModel, ConfigDict, Field, model_validator

#: Version of the output records' schema, written in every ``articles.jsonl`` line.
#: 1.1.0 added ``record_id``, ``schema_version``, ``published_at``, ``format`` and ``text``.
SCHEMA_VERSION = "1.1.0"

def record_hash(*parts: object) -> str:
    """16 hex digits of the SHA-256 of the parts (joined with U+001F), for record ids."""
    return hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8", "surrogatepass")).hexdigest()[:16]


#: Warning codes an article may carry (the JSON Schema lists them as an enum).
WARNING_CODES = (
    "breakdown_sum_mismatch",
    "change_mismatch",
    "list_count_mismatch",
    "unreadable_published",
    "bad_metadata",
    "undated_counts",
    "html_without_text",
    "invalid_bytes",
    "truncated_input",
    "pinyin_removed",
    "lines_unwrapped",
)

#: Error codes of ``errors.jsonl``.
ErrorCode = Literal[
    "bad_csv",
    "bad_field",
    "bad_json",
    "bad_sidecar",
    "binary",
    "dangling_symlink",
    "duplicate_id",
    "empty",
    "extraction_failed",
    "missing_id",
    "missing_text",
    "not_a_file",
    "not_object",
    "symlink_loop",
    "timeout",
    "too_large",
    "undecodable",
    "unreadable",
    "unsupported_type",
    "worker_crashed",
]

__all__ = [
    "Article",
    "ArticleExtraction",
    "ArticleWarning",
    "CaseCount",
    "Change",
    "District",
    "Evidence",
    "InputError",
    "Meeting",
    "Official",
    "OfficialAppointment",
    "ErrorCode",
    "RECORD_TYPES",
    "SCHEMA_VERSION",
    "Span",
    "WARNING_CODES",
    "case_count",
    "district",
    "evidence",
    "meeting",
    "official",
]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(_Frozen):
    """A half-open character range ``[start, end)`` in the original text."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before start {self.start}")
        return self


class Evidence(Span):
    """Where a record came from: ``original_text[start:end] == text``."""

    text: str


class ArticleWarning(_Frozen):
    """A consistency problem found in an article (never silently corrected).

    Attributes:
        code: machine-readable kind, e.g. ``breakdown_sum_mismatch``.
        message: human-readable explanation in English.
        evidence: the text the warning is about, when there is one.
    """

    code: str = Field(json_schema_extra={"enum": list(WARNING_CODES)})
    message: str
    evidence: Evidence | None = None


Script = Literal["simplified", "traditional", "mixed"]
InputFormat = Literal["text", "markdown", "html"]

_RECORD_ID = Field(default=None, pattern=r"^[a-z]{1,3}_[0-9a-f]{16}$",
                   description="Deterministic id of this record: a hash of the article id, the record type and "
                               "the record's key (a repeated key gets its ordinal); stable across runs and --jobs.")


class Article(_Frozen):
    """One input article and its metadata (``articles.jsonl``).

    Attributes:
        article_id: path relative to the input folder without extension, or the JSONL ``id``.
        source: the input path (for JSONL: ``path:line``; stdin is ``-``).
        sha256: hex digest of the raw input bytes (for JSONL: of the ``text`` in UTF-8).
        record_id: deterministic id of the article record (from ``article_id``).
        schema_version: version of the output schema (:data:`SCHEMA_VERSION`).
        title: headline, Simplified Chinese, or null.
        outlet: publishing outlet (北京青年报, 重庆日报, 人民网 …), or null.
        published: the publication day (``YYYY-MM-DD``, in China Standard Time), or null.
        published_at: the publication instant when a time is known
            (``YYYY-MM-DDTHH:MM:SS+08:00``), or null.
        format: how the input was read: ``text``, ``markdown`` (markup blanked) or ``html`` (converted).
        text: the text evidence offsets index: always for converted (``html``) inputs,
            for the others with ``--with-text``; null otherwise (then it is the input itself).
        url: from the sidecar or JSONL line.
        script: script of the original text.
        encoding: how the bytes were decoded (``utf-8``, ``gb18030`` …).
        reporters / editors / photographers: by-line names, Simplified.
        body: the article body inside the original text, page junk excluded.
        warnings: consistency problems found by the extractors.
        extractor_version: package version, for lineage.
    """

    record_id: str | None = _RECORD_ID
    schema_version: str = SCHEMA_VERSION
    article_id: str
    source: str
    sha256: str
    title: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    published_at: dt.datetime | None = None
    url: str | None = None
    format: InputFormat = "text"
    script: Script
    encoding: str
    reporters: list[str] = []
    editors: list[str] = []
    photographers: list[str] = []
    body: Span
    warnings: list[ArticleWarning] = []
    extractor_version: str
    text: str | None = None


Metric = Literal[
    "confirmed",
    "asymptomatic",
    "infections",
    "asymptomatic_to_confirmed",
    "community_infections",
    "deaths",
    "recovered",
    "released_from_observation",
    "close_contacts",
    "other",
]
Scope = Literal["local", "imported", "unspecified"]
Measure = Literal["new", "cumulative", "current"]
Qualifier = Literal["exact", "over", "about", "at_least"]


class Change(_Frozen):
    """A stated change against an earlier day: 较29日减少1208例 → delta -1208."""

    delta: int
    vs_date: dt.date | None = None


class CaseCount(_Frozen):
    """One dated case count (``case_counts.jsonl``).

    Attributes:
        date: the reporting day the count refers to, or null when no year is knowable.
        region: canonical area name; several areas counted together are joined with ``、``.
        region_code: 6-digit administrative code, when the area has one.
        metric / scope / measure / qualifier: see the contract's vocabulary.
        value: the count (0 for zero counts stated in words).
        period_start / period_end: a stated window such as 0—12时.
        change: a stated change against an earlier day.
        label: the metric phrase as written (Simplified), for ``other`` and for audit.
        summed: true for a count the text does not state but that sums a per-case list
            (病例1—病例510，居住于浦东新区 …): the number of cases listed for the area.
        summed_items: for a summed count, the evidence of every list item it sums (``evidence``
            then spans the list from the first of them to the last); empty otherwise.
    """

    record_id: str | None = _RECORD_ID
    article_id: str
    date: dt.date | None
    region: str
    region_code: str | None = None
    metric: Metric
    scope: Scope = "unspecified"
    measure: Measure = "new"
    value: int = Field(ge=0)
    qualifier: Qualifier = "exact"
    period_start: dt.datetime | None = None
    period_end: dt.datetime | None = None
    change: Change | None = None
    label: str | None = None
    evidence: Evidence
    summed: bool = False
    summed_items: list[Evidence] = Field(default_factory=list)


def case_count(article_id: str, date: dt.date | None, region: str, region_code: str | None, metric: str,
               scope: str, measure: str, value: int, qualifier: str, period_start: dt.datetime | None,
               period_end: dt.datetime | None, change: Change | None, label: str | None,
               evidence: Evidence) -> CaseCount:
    """``CaseCount(...)`` of these fields, the others at their defaults: the model validator's record.

    The extractors' values are of the exact types the fields hold (a record is made of ~2 an article),
    and for such values validation changes nothing: it checks them (a literal among its words, a value
    of at least 0) and keeps them. Those checks are made here (~3 K instructions; ``CaseCount(...)``
    costs ~43 K), and a record is assembled as the validator assembles it (its fields in field order,
    the given ones marked set). Any other value (a word no literal has, a negative value, another
    type) goes through ``CaseCount(...)``, which converts it or refuses it as ever: a bad value still
    cannot reach a record. ``tests/test_case_count_fast.py`` holds both ways equal.
    """
    if (type(value) is int and value >= 0 and type(metric) is str and metric in _METRICS
            and type(scope) is str and scope in _SCOPES and type(measure) is str and measure in _MEASURES
            and type(qualifier) is str and qualifier in _QUALIFIERS and type(article_id) is str and type(region) is str
            and type(evidence) is Evidence and (date is None or type(date) is dt.date)
            and (region_code is None or type(region_code) is str) and (label is None or type(label) is str)
            and (period_start is None or type(period_start) is dt.datetime)
            and (period_end is None or type(period_end) is dt.datetime)
            and (change is None or type(change) is Change)):
        return _assembled(CaseCount, {
            "record_id": None, "article_id": article_id, "date": date, "region": region, "region_code": region_code,
            "metric": metric, "scope": scope, "measure": measure, "value": value, "qualifier": qualifier,
            "period_start": period_start, "period_end": period_end, "change": change, "label": label,
            "evidence": evidence, "summed": False, "summed_items": [],
        }, _CASE_COUNT_GIVEN)
    return CaseCount(
        article_id=article_id, date=date, region=region, region_code=region_code,
        metric=metric, scope=scope, measure=measure, value=value, qualifier=qualifier,  # type: ignore[arg-type]
        period_start=period_start, period_end=period_end, change=change, label=label, evidence=evidence,
    )


#: The words of the literal fields, the fields
#: :func:`case_count` gives, and the setters of a model's slots (as ``BaseModel.__new__`` leaves them).
_METRICS = frozenset(get_args(Metric))
_SCOPES = frozenset(get_args(Scope))
_MEASURES = frozenset(get_args(Measure))
_QUALIFIERS = frozenset(get_args(Qualifier))
_CASE_COUNT_GIVEN = frozenset({
    "article_id", "date", "region", "region_code", "metric", "scope", "measure", "value", "qualifier",
    "period_start", "period_end", "change", "label", "evidence",
})
_SET_DICT = BaseModel.__dict__["__dict__"].__set__
_SET_FIELDS_SET = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_SET_EXTRA = BaseModel.__dict__["__pydantic_extra__"].__set__
_SET_PRIVATE = BaseModel.__dict__["__pydantic_private__"].__set__

_M = TypeVar("_M", bound=BaseModel)


def _assembled(cls: type[_M], fields: dict[str, object], given: frozenset[str]) -> _M:
    """A model of ``cls`` (no extra fields, no private attributes) holding ``fields`` (all of them, in
    field order, already checked), ``given`` marked set: what its validator makes of such values."""
    model = object.__new__(cls)
    _SET_DICT(model, fields)
    _SET_EXTRA(model, None)
    _SET_FIELDS_SET(model, set(given))
    _SET_PRIVATE(model, None)
    return model


AreaKind = Literal[
    "district",
    "county",
    "autonomous_county",
    "county_city",
    "functional_zone",
    "macro_region",
    "city",
    "prefecture",
    "province",
    "country",
]


class District(_Frozen):
    """One (article, area) pair (``districts.jsonl``).

    ``prefecture`` / ``province`` (and their codes) say where the area belongs: the
    prefecture-level unit it lies in (itself for one; null for a unit directly under a
    province-level one, such as Chongqing's districts) and the province-level unit (itself
    for one; null for 全国 and for a name context could not place).
    """

    record_id: str | None = _RECORD_ID
    article_id: str
    name: str
    code: str | None = Field(default=None, pattern=r"^\d{6}$")
    kind: AreaKind
    mentions: list[Evidence]
    count: int = Field(ge=1)
    prefecture: str | None = None
    prefecture_code: str | None = Field(default=None, pattern=r"^\d{6}$")
    province: str | None = None
    province_code: str | None = Field(default=None, pattern=r"^\d{6}$")


def evidence(start: int, end: int, text: str) -> Evidence:
    """``Evidence(start=start, end=end, text=text)``, assembled when the values are plain and ordered
    (ints ``0 <= start <= end``, a str: what validation checks and keeps; ~1 K instructions, the
    validator ~10 K with its Python check of the order), else validated (converted or refused)."""
    if type(start) is int and type(end) is int and 0 <= start <= end and type(text) is str:
        return _assembled(Evidence, {"start": start, "end": end, "text": text}, _EVIDENCE_GIVEN)
    return Evidence(start=start, end=end, text=text)


def district(article_id: str, name: str, code: str | None, kind: str, mentions: list[Evidence],
             prefecture: str | None, prefecture_code: str | None, province: str | None,
             province_code: str | None) -> District:
    """``District(...)`` of an area named at ``mentions`` (``count`` is their number): the validator's record.

    As :func:`case_count`: values of the fields' exact types that pass its checks (a kind among the
    literal's words, codes of six ASCII digits, at least one mention) are assembled (~3 K instructions;
    an article has ~6 districts, each validated ~35 K with two mentions), any other is validated.
    """
    count = len(mentions)
    if (count and type(kind) is str and kind in _AREA_KINDS and type(article_id) is str and type(name) is str
            and _code_or_none(code) and _code_or_none(prefecture_code) and _code_or_none(province_code)
            and (prefecture is None or type(prefecture) is str) and (province is None or type(province) is str)
            and type(mentions) is list and all(type(m) is Evidence for m in mentions)):
        return _assembled(District, {
            "record_id": None, "article_id": article_id, "name": name, "code": code, "kind": kind,
            "mentions": mentions, "count": count, "prefecture": prefecture, "prefecture_code": prefecture_code,
            "province": province, "province_code": province_code,
        }, _DISTRICT_GIVEN)
    return District(
        article_id=article_id, name=name, code=code, kind=kind, mentions=mentions, count=count,  # type: ignore[arg-type]
        prefecture=prefecture, prefecture_code=prefecture_code, province=province, province_code=province_code,
    )


def _code_or_none(code: str | None) -> bool:
    """Whether ``code`` is None or six ASCII digits (the pattern ``^\\d{6}$`` holds them; any other
    code is left to the validator, whose ``\\d`` may read other digits too)."""
    return code is None or (type(code) is str and len(code) == 6 and code.isascii() and code.isdigit())


_EVIDENCE_GIVEN = frozenset({"start", "end", "text"})
_AREA_KINDS = frozenset(get_args(AreaKind))
_DISTRICT_GIVEN = frozenset({
    "article_id", "name", "code", "kind", "mentions", "count", "prefecture", "prefecture_code", "province",
    "province_code",
})


MeetingType = Literal[
    "party_committee",
    "leading_group",
    "press_conference",
    "special_meeting",
    "video_conference",
    "inspection",
    "other",
]


class Meeting(_Frozen):
    """One meeting event (``meetings.jsonl``)."""

    record_id: str | None = _RECORD_ID
    article_id: str
    date: dt.date | None
    type: MeetingType
    name: str
    organizer: str | None = None
    ordinal: int | None = None
    expanded: bool = False
    chair: str | None = None
    speakers: list[str] = []
    attendees: list[str] = []
    evidence: Evidence


def meeting(article_id: str, date: dt.date | None, type_: str, name: str, organizer: str | None,
            ordinal: int | None, expanded: bool, chair: str | None, speakers: list[str], attendees: list[str],
            evidence: Evidence) -> Meeting:
    """``Meeting(...)`` of these fields (``type_`` its ``type``): the validator's record (as :func:`case_count`:
    values of the fields' exact types that pass its checks are assembled, ~3 K instructions against ~40 K;
    the lists copied, as validation copies them; any other value is validated)."""
    # (inline checks, no calls: a Python call or generator costs more than a few type tests)
    if (type(type_) is str and type_ in _MEETING_TYPES and type(article_id) is str and type(name) is str
            and (organizer is None or type(organizer) is str) and (chair is None or type(chair) is str)
            and (date is None or type(date) is dt.date) and (ordinal is None or type(ordinal) is int)
            and type(expanded) is bool and type(evidence) is Evidence
            and type(speakers) is list and (not speakers or set(map(type, speakers)) <= _STR)
            and type(attendees) is list and (not attendees or set(map(type, attendees)) <= _STR)):
        return _assembled(Meeting, {
            "record_id": None, "article_id": article_id, "date": date, "type": type_, "name": name,
            "organizer": organizer, "ordinal": ordinal, "expanded": expanded, "chair": chair,
            "speakers": list(speakers), "attendees": list(attendees), "evidence": evidence,
        }, _MEETING_GIVEN)
    return Meeting(
        article_id=article_id, date=date, type=type_, name=name, organizer=organizer,  # type: ignore[arg-type]
        ordinal=ordinal, expanded=expanded, chair=chair, speakers=speakers, attendees=attendees, evidence=evidence,
    )


#: The type of every item of a list of strings.
_STR = frozenset({str})
_MEETING_TYPES = frozenset(get_args(MeetingType))
_MEETING_GIVEN = frozenset({
    "article_id", "date", "type", "name", "organizer", "ordinal", "expanded", "chair", "speakers", "attendees",
    "evidence",
})


AppointmentAction = Literal["conferred", "removed"]


class OfficialAppointment(_Frozen):
    """A post given or taken away in the article (决定任命甲为… / 免去乙的…职务).

    Attributes:
        title: the post as written, Simplified (司法部部长).
        action: ``conferred`` (任命, 任, 兼任) or ``removed`` (免去, 免职).
        evidence: the appointment clause.
    """

    title: str
    action: AppointmentAction
    evidence: Evidence


class Official(_Frozen):
    """One (article, person) pair (``officials.jsonl``).

    ``appointments`` lists the posts the article says were conferred on or removed
    from the person (empty when it only names them with their titles); the posts of
    both kinds are among ``titles`` too (免去傅政华的司法部部长职务: 司法部部长).
    """

    record_id: str | None = _RECORD_ID
    article_id: str
    name: str
    titles: list[str]
    organization: str | None = None
    evidence: Evidence
    mentions: int = Field(ge=1)
    appointments: list[OfficialAppointment] = Field(default_factory=list)


def official(article_id: str, name: str, titles: list[str], organization: str | None, evidence: Evidence,
             mentions: int, appointments: list[OfficialAppointment]) -> Official:
    """``Official(...)`` of these fields: the validator's record (as :func:`meeting`)."""
    if (type(article_id) is str and type(name) is str and (organization is None or type(organization) is str)
            and type(evidence) is Evidence and type(mentions) is int and mentions >= 1
            and type(titles) is list and (not titles or set(map(type, titles)) <= _STR)
            and type(appointments) is list
            and (not appointments or set(map(type, appointments)) <= _APPOINTMENT)):
        return _assembled(Official, {
            "record_id": None, "article_id": article_id, "name": name, "titles": list(titles),
            "organization": organization, "evidence": evidence, "mentions": mentions,
            "appointments": list(appointments),
        }, _OFFICIAL_GIVEN)
    return Official(article_id=article_id, name=name, titles=titles, organization=organization, evidence=evidence,
                    mentions=mentions, appointments=appointments)


_APPOINTMENT = frozenset({OfficialAppointment})
_OFFICIAL_GIVEN = frozenset({"article_id", "name", "titles", "organization", "evidence", "mentions", "appointments"})


class InputError(_Frozen):
    """An input that could not be read or processed (``errors.jsonl``).

    Attributes:
        source: the input path (``path:line`` for a JSONL line).
        article_id: the id it would have had, when known.
        error: a short machine-readable code, e.g. ``undecodable``, ``empty``.
        message: one human-readable sentence.
    """

    record_id: str | None = _RECORD_ID
    source: str
    article_id: str | None = None
    error: ErrorCode
    message: str

    @model_validator(mode="before")
    @classmethod
    def _with_record_id(cls, data: object) -> object:
        """``record_id`` defaults to ``e_`` and a hash of ``source``, ``article_id`` and ``error``."""
        if isinstance(data, dict) and not data.get("record_id"):
            data = {**data, "record_id": "e_" + record_hash(data.get("source", ""), data.get("article_id") or "", data.get("error", ""))}
        return data


class ArticleExtraction(_Frozen):
    """Everything extracted from one article, nested for notebook use.

    ``text`` is the text every evidence span indexes (the input itself, or the
    text converted from an HTML page): ``text[e.start:e.end] == e.text``.
    """

    article: Article
    text: str = ""
    case_counts: list[CaseCount] = []
    districts: list[District] = []
    meetings: list[Meeting] = []
    officials: list[Official] = []


#: Output file stem → record model, in the order files are written.
RECORD_TYPES: dict[str, type[BaseModel]] = {
    "articles": Article,
    "case_counts": CaseCount,
    "districts": District,
    "meetings": Meeting,
    "officials": Official,
    "errors": InputError,
}
