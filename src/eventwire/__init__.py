"""eventwire: news reports in, a geocoded, deduplicated, sourced event database out.

>>> import eventwire
>>> result = eventwire.extract("Gunmen killed four villagers in Kaduna on Sunday.",
...                            published="2024-03-05")
>>> result["events"][0]["event_type"]
'Violence against civilians'
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"


def extract(text: str, published: Any = None, **kwargs: Any) -> dict[str, Any]:
    """Code one report without storing it (see ``eventwire.pipeline.extract``)."""
    from eventwire.pipeline import extract as _extract

    return _extract(text, published=published, **kwargs)


def open(db: str | None = None):  # noqa: A001 - the API's name, as in sqlite3.connect
    """Open an event store (see ``eventwire.database.Database``)."""
    from eventwire.database import open_database

    return open_database(db)
