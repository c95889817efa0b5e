"""The data types that flow through eventwire's stages.

Plain dataclasses, no behaviour beyond conversion to JSON-ready dicts. Every
stage takes and returns these; nothing here imports another eventwire module.

Offsets (``start``/``end``) are always character offsets into ``Article.text``.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

# The controlled vocabularies, kept here because the record shape depends on them.
ACTOR_KINDS = (
    "state forces",
    "rebel group",
    "political militia",
    "identity militia",
    "rioters",
    "protesters",
    "civilians",
    "external/other",
)
MODALITIES = ("occurred", "claimed", "denied", "threatened", "planned", "hypothetical", "negated")
STATEMENT_TYPES = ("claim", "denial", "blame", "threat", "announcement", "demand")
CLAIM_STANCES = ("claimed", "denied", "blamed", "confirmed")
PRECISIONS = ("day", "week", "month", "year")
EVENT_STATUSES = ("auto", "confirmed", "edited", "rejected")


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of an article's text."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Article:
    """One report as read by ingest."""

    id: str
    text: str
    title: str = ""
    url: str | None = None
    outlet: str | None = None
    byline: str | None = None
    published_at: date | None = None
    published_inferred: bool = False
    language: str = "en"
    content_hash: str = ""
    origin: str = ""
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Evidence:
    """Where one field's value came from."""

    field: str
    sentence: str
    start: int
    end: int
    confidence: float = 1.0
    article_id: str | None = None


@dataclass(slots=True)
class Actor:
    """A registry actor, or a generic one (``id`` None) with a kind and country."""

    name: str
    kind: str
    id: str | None = None
    country: str | None = None
    verified: bool = True
    parents: tuple[str, ...] = ()


@dataclass(slots=True)
class Place:
    """A resolved location. ``geo_precision`` follows ACLED: 1 exact, 2 near/part, 3 region."""

    name: str
    lat: float | None
    lon: float | None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    gazetteer_id: str | None = None
    feature: str | None = None
    geo_precision: int = 1


@dataclass(slots=True)
class When:
    """A date or date range; ``precision`` is day, week, month or year."""

    start: date
    end: date
    precision: str = "day"
    text: str = ""
    fallback: bool = False


@dataclass(slots=True)
class Quantity:
    what: str
    count: int | None
    low: int | None = None
    high: int | None = None
    outcome: str | None = None


@dataclass(slots=True)
class Fatalities:
    best: int | None = None
    low: int | None = None
    high: int | None = None


@dataclass(slots=True)
class Claim:
    """Who claimed, denied, blamed or confirmed what, and who reported it."""

    by: str
    stance: str
    reported_by: str | None = None
    about: str | None = None
    by_actor: Actor | None = None


@dataclass(slots=True)
class PlaceMention:
    """A toponym found in the text, with its resolution (``place`` None if unresolved).

    ``role`` tells whether it can be an event place: "place", or one of
    "demonym", "organisation", "metonym", "dateline", "byline" which cannot.
    """

    span: Span
    place: Place | None
    role: str = "place"
    score: float = 0.0


@dataclass(slots=True)
class TimeMention:
    span: Span
    when: When


@dataclass(slots=True)
class Argument:
    """A role filler found by extract, before resolution."""

    role: str  # actor, target, place, time, instrument, victim, speaker
    span: Span
    head: str = ""


@dataclass(slots=True)
class Mention:
    """One mention of a happening or a statement in one sentence."""

    article_id: str
    sentence: Span
    trigger: Span
    kind: str  # "event" or "statement"
    event_type: str
    sub_event_type: str
    modality: str = "occurred"
    statement_type: str | None = None
    arguments: list[Argument] = field(default_factory=list)
    speaker: Span | None = None
    quantities: list[Quantity] = field(default_factory=list)
    fatalities: Fatalities = field(default_factory=Fatalities)
    injuries: int | None = None
    injuries_note: str | None = None
    outcomes: list[str] = field(default_factory=list)
    confidence: float = 0.5
    # filled by resolve
    actor1: Actor | None = None
    actor2: Actor | None = None
    assoc_actors: list[Actor] = field(default_factory=list)  # on actor 1's side
    assoc_actors2: list[Actor] = field(default_factory=list)  # on actor 2's side
    speaker_actor: Actor | None = None  # who the speaker is, when the registry knows
    place: Place | None = None
    when: When | None = None
    claims: list[Claim] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    # what this mention refers back to ("the attack", "the claim") when it is not a new happening
    refers_to_previous: bool = False


@dataclass(slots=True)
class Source:
    article_id: str
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    published_at: date | None = None
    wire_source: str | None = None
    copy_of: str | None = None
    independent: bool = True


@dataclass(slots=True)
class Event:
    """One coded event or statement: the record eventwire stores and serves."""

    id: str
    kind: str
    event_type: str
    sub_event_type: str
    modality: str = "occurred"
    statement_type: str | None = None
    when: When | None = None
    place: Place | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    assoc_actors: list[Actor] = field(default_factory=list)  # on actor 1's side
    assoc_actors2: list[Actor] = field(default_factory=list)  # on actor 2's side
    fatalities: Fatalities = field(default_factory=Fatalities)
    injuries: int | None = None
    injuries_note: str | None = None
    quantities: list[Quantity] = field(default_factory=list)
    outcomes: list[str] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 0.5
    status: str = "auto"
    first_seen: datetime | None = None
    last_changed: datetime | None = None
    mentions: list[Mention] = field(default_factory=list)

    def to_record(self) -> dict[str, Any]:
        """The JSON shape of an event or statement (see README, "The record")."""
        return event_record(self)


EARTH_RADIUS_KM = 6371.0


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km; the one distance every stage uses.

    >>> round(haversine_km(33.34, 44.40, 36.19, 44.01))
    319
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dphi, dlmb = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dlmb / 2) ** 2
    return EARTH_RADIUS_KM * 2 * math.asin(min(1.0, math.sqrt(a)))


def _jsonable(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if dataclasses.is_dataclass(value):
        return {f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    return value


def to_jsonable(value: Any) -> Any:
    """Any model value as plain JSON types (dates as ISO strings)."""
    return _jsonable(value)


def _actor(actor: Actor | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    return {
        "name": actor.name,
        "kind": actor.kind,
        "id": actor.id,
        "country": actor.country,
        "verified": actor.verified,
    }


def event_record(event: Event) -> dict[str, Any]:
    when = event.when
    place = event.place
    return {
        "id": event.id,
        "kind": event.kind,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "statement_type": event.statement_type,
        "modality": event.modality,
        "date": when.start.isoformat() if when else None,
        "date_end": when.end.isoformat() if when else None,
        "date_precision": when.precision if when else None,
        "location": None
        if place is None
        else {
            "name": place.name,
            "lat": place.lat,
            "lon": place.lon,
            "country": place.country,
            "admin1": place.admin1,
            "admin2": place.admin2,
            "gazetteer_id": place.gazetteer_id,
            "geo_precision": place.geo_precision,
        },
        "actor1": _actor(event.actor1),
        "actor2": _actor(event.actor2),
        "assoc_actors": [_actor(a) for a in event.assoc_actors],
        "assoc_actors2": [_actor(a) for a in event.assoc_actors2],
        "fatalities": _jsonable(event.fatalities),
        "injuries": event.injuries,
        "injuries_note": event.injuries_note,
        "quantities": _jsonable(event.quantities),
        "outcomes": list(event.outcomes),
        "claims": [
            {"by": c.by, "stance": c.stance, "reported_by": c.reported_by, "about": c.about}
            for c in event.claims
        ],
        "sources": _jsonable(event.sources),
        "evidence": _jsonable(event.evidence),
        "confidence": round(event.confidence, 3),
        "status": event.status,
    }
