"""Tables of the event store, and the named migrations that create them."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.engine import Connection

metadata = MetaData()

migrations_table = Table(
    "migrations", metadata,
    Column("name", String(100), primary_key=True),
    Column("applied_at", DateTime, nullable=False),
)

articles = Table(
    "articles", metadata,
    Column("id", String(64), primary_key=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("url", Text),
    Column("outlet", Text),
    Column("byline", Text),
    Column("title", Text),
    Column("text", Text, nullable=False),
    Column("published_at", Date),
    Column("published_inferred", Boolean, default=False),
    Column("language", String(8)),
    Column("origin", Text),
    Column("meta", JSON),
    Column("wire_source", Text),
    Column("copy_of", String(64)),
    Column("ingested_at", DateTime, nullable=False),
)

events = Table(
    "events", metadata,
    Column("id", String(80), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("event_type", Text, nullable=False),
    Column("sub_event_type", Text, nullable=False),
    Column("statement_type", String(32)),
    Column("modality", String(16)),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("date_precision", String(8)),
    Column("lat", Float),
    Column("lon", Float),
    Column("country", String(2)),
    Column("actor_names", Text),  # for --actor filtering: names and ids, lower case
    Column("status", String(16), nullable=False, default="auto"),
    Column("independent_sources", Integer, default=1),
    Column("record", JSON, nullable=False),
    Column("first_seen", DateTime, nullable=False),
    Column("last_changed", DateTime, nullable=False),
    Index("ix_events_date", "date_start", "date_end"),
    Index("ix_events_geo", "lat", "lon"),
    Index("ix_events_country", "country"),
)

mentions = Table(
    "mentions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(80), ForeignKey("events.id"), nullable=False, index=True),
    Column("article_id", String(64), ForeignKey("articles.id"), nullable=False, index=True),
    Column("data", JSON, nullable=False),
    Column("score", Float),
    Column("reasons", JSON),
    Column("locked", Boolean, nullable=False, default=False),
)

decisions = Table(
    "decisions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("action", String(16), nullable=False),  # merge, split, edit, reject
    Column("event_id", String(80), nullable=False),
    Column("other", String(80)),
    Column("note", Text),
    Column("at", DateTime, nullable=False),
)


def _initial(conn: Connection) -> None:
    metadata.create_all(conn, tables=[articles, events, mentions, decisions])


# Named migrations, applied in order and recorded in `migrations` (sqlite-utils style).
MIGRATIONS: list[tuple[str, Callable[[Connection], None]]] = [
    ("0001_initial", _initial),
]
