"""Model objects to and from the JSON kept in the store."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from eventwire.model import (
    Actor,
    Article,
    Claim,
    Event,
    Evidence,
    Fatalities,
    Mention,
    Place,
    Quantity,
    Source,
    Span,
    When,
    to_jsonable,
)
from eventwire.model import Argument as Arg


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _datetime(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def actor_from(d: dict | None) -> Actor | None:
    if not d:
        return None
    return Actor(name=d["name"], kind=d["kind"], id=d.get("id"), country=d.get("country"),
                 verified=d.get("verified", True), parents=tuple(d.get("parents") or ()))


def place_from(d: dict | None) -> Place | None:
    if not d:
        return None
    return Place(**{k: d.get(k) for k in ("name", "lat", "lon", "country", "admin1", "admin2",
                                          "gazetteer_id", "feature")},
                 geo_precision=d.get("geo_precision") or 1)


def when_from(d: dict | None) -> When | None:
    if not d:
        return None
    return When(start=_date(d["start"]), end=_date(d["end"]), precision=d.get("precision", "day"),
                text=d.get("text", ""), fallback=d.get("fallback", False))


def span_from(d: dict | None) -> Span | None:
    return Span(d["start"], d["end"], d["text"]) if d else None


def mention_from(d: dict) -> Mention:
    return Mention(
        article_id=d["article_id"], sentence=span_from(d["sentence"]),
        trigger=span_from(d["trigger"]), kind=d["kind"], event_type=d["event_type"],
        sub_event_type=d["sub_event_type"], modality=d.get("modality", "occurred"),
        statement_type=d.get("statement_type"),
        arguments=[Arg(a["role"], span_from(a["span"]), a.get("head", ""))
                   for a in d.get("arguments", [])],
        speaker=span_from(d.get("speaker")),
        quantities=[Quantity(**q) for q in d.get("quantities", [])],
        fatalities=Fatalities(**(d.get("fatalities") or {})),
        injuries=d.get("injuries"), injuries_note=d.get("injuries_note"),
        outcomes=list(d.get("outcomes", [])), confidence=d.get("confidence", 0.5),
        actor1=actor_from(d.get("actor1")), actor2=actor_from(d.get("actor2")),
        assoc_actors=[actor_from(a) for a in d.get("assoc_actors", [])],
        assoc_actors2=[actor_from(a) for a in d.get("assoc_actors2", [])],
        speaker_actor=actor_from(d.get("speaker_actor")),
        place=place_from(d.get("place")), when=when_from(d.get("when")),
        claims=[claim_from(c) for c in d.get("claims", [])],
        evidence=[Evidence(**e) for e in d.get("evidence", [])],
        refers_to_previous=d.get("refers_to_previous", False),
    )


def claim_from(d: dict) -> Claim:
    return Claim(by=d["by"], stance=d["stance"], reported_by=d.get("reported_by"),
                 about=d.get("about"), by_actor=actor_from(d.get("by_actor")))


def source_from(d: dict) -> Source:
    return Source(article_id=d["article_id"], outlet=d.get("outlet"), url=d.get("url"),
                  title=d.get("title"), published_at=_date(d.get("published_at")),
                  wire_source=d.get("wire_source"), copy_of=d.get("copy_of"),
                  independent=d.get("independent", True))


def event_to_json(event: Event, with_mentions: bool = False) -> dict[str, Any]:
    data = to_jsonable(event)
    if not with_mentions:
        data.pop("mentions", None)
    return data


def event_from_json(d: dict, mentions: list[Mention] | None = None) -> Event:
    return Event(
        id=d["id"], kind=d["kind"], event_type=d["event_type"],
        sub_event_type=d["sub_event_type"], modality=d.get("modality", "occurred"),
        statement_type=d.get("statement_type"), when=when_from(d.get("when")),
        place=place_from(d.get("place")), actor1=actor_from(d.get("actor1")),
        actor2=actor_from(d.get("actor2")),
        assoc_actors=[actor_from(a) for a in d.get("assoc_actors", [])],
        assoc_actors2=[actor_from(a) for a in d.get("assoc_actors2", [])],
        fatalities=Fatalities(**(d.get("fatalities") or {})), injuries=d.get("injuries"),
        injuries_note=d.get("injuries_note"),
        quantities=[Quantity(**q) for q in d.get("quantities", [])],
        outcomes=list(d.get("outcomes", [])),
        claims=[claim_from(c) for c in d.get("claims", [])],
        sources=[source_from(s) for s in d.get("sources", [])],
        evidence=[Evidence(**e) for e in d.get("evidence", [])],
        confidence=d.get("confidence", 0.5), status=d.get("status", "auto"),
        first_seen=_datetime(d.get("first_seen")), last_changed=_datetime(d.get("last_changed")),
        mentions=mentions or [],
    )


def article_to_row(article: Article) -> dict[str, Any]:
    return {
        "id": article.id, "content_hash": article.content_hash or article.id,
        "url": article.url, "outlet": article.outlet, "byline": article.byline,
        "title": article.title, "text": article.text,
        "published_at": article.published_at,
        "published_inferred": article.published_inferred, "language": article.language,
        "origin": article.origin, "meta": to_jsonable(article.metadata),
    }


def article_from_row(row: Any) -> Article:
    return Article(id=row.id, text=row.text, title=row.title or "", url=row.url,
                   outlet=row.outlet, byline=row.byline, published_at=row.published_at,
                   published_inferred=bool(row.published_inferred),
                   language=row.language or "en", content_hash=row.content_hash,
                   origin=row.origin or "", metadata=dict(row.meta or {}))
