"""The event store: SQLite by default, PostgreSQL by URL, through SQLAlchemy.

>>> store = Store.open("sqlite://")          # in memory
>>> store.count_events()
0
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import and_, create_engine, delete, func, insert, or_, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import ArgumentError, OperationalError

from eventwire.model import Article, Event, Mention, haversine_km, to_jsonable
from eventwire.store import schema
from eventwire.store.codec import (
    article_from_row,
    article_to_row,
    event_from_json,
    event_to_json,
    mention_from,
)

DEFAULT_DB_ENV = "EVENTWIRE_DB"


class StoreError(RuntimeError):
    """The store cannot be opened, or an operation names something it does not hold."""


def default_db_url() -> str:
    """``$EVENTWIRE_DB``, else ``sqlite:///eventwire.db`` in the current directory."""
    return os.environ.get(DEFAULT_DB_ENV) or "sqlite:///eventwire.db"


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _normalise_url(url: str) -> str:
    if "://" not in url:  # a bare path means an SQLite file
        return f"sqlite:///{Path(url).expanduser()}"
    if url.startswith("postgresql://"):
        return "postgresql+psycopg://" + url[len("postgresql://"):]
    return url


def _actor_names(event: Event) -> str:
    names = []
    for actor in [event.actor1, event.actor2, *event.assoc_actors, *event.assoc_actors2]:
        if actor is not None:
            names.extend(x for x in (actor.name, actor.id) if x)
    names.extend(c.by for c in event.claims)
    return "|".join(n.lower() for n in names)


def _km_box(lat: float, lon: float, km: float) -> tuple[float, float, float, float]:
    dlat = km / 111.0
    dlon = km / max(1e-6, 111.0 * math.cos(math.radians(lat)))
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon


@dataclass(slots=True)
class EventFilter:
    since: date | None = None
    until: date | None = None
    event_type: str | None = None
    country: str | None = None
    actor: str | None = None
    near: tuple[float, float, float] | None = None  # lat, lon, km
    kind: str | None = None
    status: str | None = None
    limit: int | None = None


class Store:
    """Articles, events, the mentions linking them, and analysts' decisions."""

    def __init__(self, engine: Engine):
        self.engine = engine

    @classmethod
    def open(cls, url: str | None = None) -> Store:
        """Open (and create or migrate) the store at ``url``."""
        url = _normalise_url(url or default_db_url())
        try:
            engine = create_engine(url, future=True)
            store = cls(engine)
            store.migrate()
        except (ArgumentError, OperationalError) as exc:
            raise StoreError(f"cannot open store {url!r}: {exc.__class__.__name__}: "
                             f"{str(exc).splitlines()[0]}") from exc
        except ModuleNotFoundError as exc:
            raise StoreError(f"cannot open store {url!r}: driver missing ({exc.name}); "
                             "install eventwire[postgres] for PostgreSQL") from exc
        return store

    def migrate(self) -> list[str]:
        """Apply the migrations not yet recorded; returns their names."""
        applied = []
        with self.engine.begin() as conn:
            schema.metadata.create_all(conn, tables=[schema.migrations_table])
            done = {r[0] for r in conn.execute(select(schema.migrations_table.c.name))}
            for name, step in schema.MIGRATIONS:
                if name in done:
                    continue
                step(conn)
                conn.execute(insert(schema.migrations_table).values(name=name, applied_at=_now()))
                applied.append(name)
        return applied

    # articles -----------------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(select(schema.articles.c.id).where(
                schema.articles.c.id == article_id)).first() is not None

    def add_article(self, article: Article, wire_source: str | None = None,
                    copy_of: str | None = None) -> bool:
        """Store an article; False (and nothing written) if the same content is stored."""
        if self.has_article(article.id):
            return False
        with self.engine.begin() as conn:
            conn.execute(insert(schema.articles).values(
                **article_to_row(article), wire_source=wire_source, copy_of=copy_of,
                ingested_at=_now()))
        return True

    def get_article(self, article_id: str) -> Article:
        with self.engine.connect() as conn:
            row = conn.execute(select(schema.articles).where(
                schema.articles.c.id == article_id)).first()
        if row is None:
            raise StoreError(f"no article {article_id!r} in the store")
        return article_from_row(row)

    def iter_articles(self) -> Iterator[Article]:
        with self.engine.connect() as conn:
            query = select(schema.articles).order_by(schema.articles.c.ingested_at)
            for row in conn.execute(query):
                yield article_from_row(row)

    def article_provenance(self, article_id: str) -> tuple[str | None, str | None]:
        with self.engine.connect() as conn:
            row = conn.execute(select(schema.articles.c.wire_source, schema.articles.c.copy_of)
                               .where(schema.articles.c.id == article_id)).first()
        return (row[0], row[1]) if row else (None, None)

    def set_copy_of(self, article_id: str, original_id: str | None) -> None:
        """Record which stored article ``article_id`` copies (None: it is an original).

        Copies can arrive before their original; when the older original comes, the copies
        already stored point to it from then on.
        """
        with self.engine.begin() as conn:
            row = conn.execute(select(schema.articles.c.meta).where(
                schema.articles.c.id == article_id)).first()
            if row is None:
                raise StoreError(f"no article {article_id!r} in the store")
            meta = dict(row.meta or {}) | {"copy_of": original_id}
            conn.execute(update(schema.articles).where(schema.articles.c.id == article_id)
                         .values(copy_of=original_id, meta=meta))

    def events_citing(self, article_id: str) -> list[Event]:
        """Stored events and statements with a mention read from ``article_id``."""
        with self.engine.connect() as conn:
            ids = conn.execute(select(schema.mentions.c.event_id).where(
                schema.mentions.c.article_id == article_id).distinct()).scalars().all()
        return [self.get_event(i) for i in sorted(ids)]

    def count_articles(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(schema.articles)).scalar_one()

    # events -------------------------------------------------------------------------------
    def _event_values(self, event: Event, independent: int) -> dict:
        when, place = event.when, event.place
        return {
            "kind": event.kind, "event_type": event.event_type,
            "sub_event_type": event.sub_event_type, "statement_type": event.statement_type,
            "modality": event.modality,
            "date_start": when.start if when else None, "date_end": when.end if when else None,
            "date_precision": when.precision if when else None,
            "lat": place.lat if place else None, "lon": place.lon if place else None,
            "country": place.country if place else None,
            "actor_names": _actor_names(event), "status": event.status,
            "independent_sources": independent, "record": event_to_json(event),
        }

    def insert_event(self, event: Event, mentions: list[Mention], score: float | None = None,
                     reasons: dict | None = None, independent: int = 1) -> None:
        now = _now()
        event.first_seen = event.first_seen or now
        event.last_changed = now
        with self.engine.begin() as conn:
            conn.execute(insert(schema.events).values(
                id=event.id, first_seen=event.first_seen, last_changed=now,
                **self._event_values(event, independent)))
            self._add_mentions(conn, event.id, mentions, score, reasons)

    def update_event(self, event: Event, mentions: list[Mention] = (), score: float | None = None,
                     reasons: dict | None = None, independent: int = 1) -> None:
        event.last_changed = _now()
        with self.engine.begin() as conn:
            conn.execute(update(schema.events).where(schema.events.c.id == event.id).values(
                last_changed=event.last_changed, **self._event_values(event, independent)))
            self._add_mentions(conn, event.id, list(mentions), score, reasons)

    @staticmethod
    def _add_mentions(conn, event_id: str, mentions: list[Mention], score, reasons) -> None:
        for m in mentions:
            conn.execute(insert(schema.mentions).values(
                event_id=event_id, article_id=m.article_id, data=to_jsonable(m), score=score,
                reasons=reasons or {}, locked=False))

    def get_event(self, event_id: str, with_mentions: bool = True) -> Event:
        with self.engine.connect() as conn:
            row = conn.execute(select(schema.events).where(schema.events.c.id == event_id)).first()
            if row is None:
                raise StoreError(f"no event {event_id!r} in the store")
            mentions = []
            if with_mentions:
                mentions = [mention_from(r.data) for r in conn.execute(
                    select(schema.mentions).where(schema.mentions.c.event_id == event_id)
                    .order_by(schema.mentions.c.id))]
        return event_from_json(row.record, mentions)

    def mention_rows(self, event_id: str) -> list[dict]:
        """The mentions of an event with their id, score, reasons and lock."""
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(
                select(schema.mentions).where(schema.mentions.c.event_id == event_id)
                .order_by(schema.mentions.c.id))]

    def independent_sources(self, event_id: str) -> int:
        with self.engine.connect() as conn:
            value = conn.execute(select(schema.events.c.independent_sources).where(
                schema.events.c.id == event_id)).scalar()
        return int(value or 0)

    def candidates(self, event: Event, days: int, km: float) -> list[Event]:
        """Stored events of the same kind inside a time and space window around ``event``."""
        t = schema.events.c
        conds = [t.kind == event.kind, t.status != "rejected"]
        if event.when is not None:
            conds.append(or_(t.date_start.is_(None), and_(
                t.date_start <= event.when.end + timedelta(days=days),
                t.date_end >= event.when.start - timedelta(days=days))))
        if event.place is not None and event.place.lat is not None:
            lat0, lat1, lon0, lon1 = _km_box(event.place.lat, event.place.lon, km)
            conds.append(or_(t.lat.is_(None), and_(t.lat.between(lat0, lat1),
                                                  t.lon.between(lon0, lon1))))
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.id).where(and_(*conds))).all()
        return [self.get_event(r.id) for r in rows]

    def events(self, flt: EventFilter | None = None) -> list[Event]:
        """Stored events matching a filter, by date."""
        flt = flt or EventFilter()
        t = schema.events.c
        conds = []
        if flt.since:
            conds.append(t.date_end >= flt.since)
        if flt.until:
            conds.append(t.date_start <= flt.until)
        if flt.event_type:
            like = f"%{flt.event_type.lower()}%"
            conds.append(or_(func.lower(t.event_type).like(like),
                             func.lower(t.sub_event_type).like(like),
                             func.lower(t.statement_type).like(like)))
        if flt.country:
            conds.append(t.country == flt.country.upper())
        if flt.actor:
            conds.append(t.actor_names.like(f"%{flt.actor.lower()}%"))
        if flt.kind:
            conds.append(t.kind == flt.kind)
        if flt.status:
            conds.append(t.status == flt.status)
        if flt.near:
            lat, lon, km = flt.near
            lat0, lat1, lon0, lon1 = _km_box(lat, lon, km)
            conds.append(and_(t.lat.between(lat0, lat1), t.lon.between(lon0, lon1)))
        query = select(t.id).where(and_(*conds)) if conds else select(t.id)
        query = query.order_by(t.date_start, t.id)
        with self.engine.connect() as conn:
            ids = [r.id for r in conn.execute(query)]
        found = [self.get_event(i, with_mentions=False) for i in ids]
        if flt.near:  # the box is a pre-filter; keep what is truly within the radius
            lat, lon, km = flt.near
            found = [e for e in found if e.place and e.place.lat is not None
                     and haversine_km(lat, lon, e.place.lat, e.place.lon) <= km]
        return found[: flt.limit] if flt.limit else found

    def count_events(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(schema.events)).scalar_one()

    # analyst decisions --------------------------------------------------------------------
    def record_decision(self, action: str, event_id: str, other: str | None = None,
                        note: str | None = None) -> None:
        with self.engine.begin() as conn:
            conn.execute(insert(schema.decisions).values(
                action=action, event_id=event_id, other=other, note=note, at=_now()))

    def decisions(self) -> list[dict]:
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(
                select(schema.decisions).order_by(schema.decisions.c.id))]

    def move_mentions(self, mention_ids: Iterable[int], event_id: str, lock: bool = True) -> None:
        with self.engine.begin() as conn:
            conn.execute(update(schema.mentions).where(
                schema.mentions.c.id.in_(list(mention_ids))).values(event_id=event_id,
                                                                    locked=lock))

    def delete_event(self, event_id: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(delete(schema.events).where(schema.events.c.id == event_id))

    def set_status(self, event_id: str, status: str) -> None:
        event = self.get_event(event_id, with_mentions=False)
        event.status = status
        self.update_event(event, independent=self.independent_sources(event_id))


__all__ = ["EventFilter", "Store", "StoreError", "default_db_url"]
