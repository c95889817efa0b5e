"""The Python API over a store: ``eventwire.open(db)``.

>>> import eventwire
>>> db = eventwire.open("sqlite://")
>>> db.events().empty
True
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import pandas as pd

from eventwire.export import events_frame
from eventwire.ingest import read_inputs
from eventwire.model import Event
from eventwire.pipeline import Pipeline, default_pipeline
from eventwire.runners.local import IngestReport, run_ingest
from eventwire.store import EventFilter, Store


class Database:
    """A store of coded events, with ingestion and queries."""

    def __init__(self, store: Store, pipeline: Pipeline | None = None):
        self.store = store
        self.pipeline = pipeline

    def ingest(self, paths: Iterable[str], published: date | None = None,
               outlet: str | None = None) -> IngestReport:
        """Read, code and store reports (see ``eventwire ingest``)."""
        return run_ingest(read_inputs(list(paths), published=published, outlet=outlet),
                          self.store, self.pipeline or default_pipeline())

    def records(self, **filters) -> list[Event]:
        """Stored events as model objects; filters as in ``EventFilter``."""
        return self.store.events(EventFilter(**filters))

    def events(self, **filters) -> pd.DataFrame:
        """Stored events as a DataFrame with ACLED's columns.

        Filters: since, until, event_type, country, actor, near=(lat, lon, km), kind.
        """
        return events_frame(self.records(**filters))

    def get(self, event_id: str) -> Event:
        return self.store.get_event(event_id)


def open_database(url: str | None = None) -> Database:
    """Open the store at ``url`` (default ``$EVENTWIRE_DB`` or ./eventwire.db)."""
    return Database(Store.open(url))
