"""Ingest: reports in (files, folders, stdin, URLs, feeds), Articles out.

The only eventwire stage besides ``store`` that does I/O. Bad inputs never stop a
batch: ``read_inputs`` yields an :class:`IngestError` for each and goes on.

>>> from eventwire.ingest import article_from_text
>>> len(article_from_text("Gunmen attacked a village in Zamfara.").id)
16
"""

from eventwire.ingest.article import article_from_text, split_front_matter
from eventwire.ingest.boilerplate import strip_boilerplate
from eventwire.ingest.errors import IngestError
from eventwire.ingest.fetch import fetch_url
from eventwire.ingest.sources import read_inputs

__all__ = [
    "IngestError",
    "article_from_text",
    "fetch_url",
    "read_inputs",
    "split_front_matter",
    "strip_boilerplate",
]
