"""Readers, one per input format: bytes of one input to Articles or IngestErrors.

Each reader takes the input's bytes, the name to report it by, and the defaults
from the command line (publication date, outlet), which fill only what the input's
own metadata lacks.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import feedparser

from eventwire.ingest.article import FRONT_MATTER_KEYS, article_from_text, split_front_matter
from eventwire.ingest.dates import DateError, parse_date
from eventwire.ingest.errors import IngestError
from eventwire.ingest.html import extract_page, fragment_text, page_language, primary_language
from eventwire.ingest.text import decode_bytes
from eventwire.model import Article

Result = Article | IngestError

# Column / field names accepted for each Article field in JSONL, JSON and CSV.
FIELD_ALIASES = {
    "text": ("text", "body", "content"),
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "published": ("published", "published_at", "date"),
    "outlet": ("outlet", "source", "publisher"),
    "byline": ("byline", "author"),
    "language": ("language", "lang"),
}


# A record's text that carries block tags is an HTML fragment, not plain text.
_HTML_TEXT = re.compile(r"</(p|div|br|li|h[1-6])>|<br ?/?>", re.IGNORECASE)


@dataclass(frozen=True)
class Defaults:
    """What the caller knows about every input; an input's own metadata wins."""

    published: date | None = None
    outlet: str | None = None


def _field(record: dict[str, Any], name: str) -> Any:
    for key in FIELD_ALIASES[name]:
        value = record.get(key)
        if value not in (None, ""):
            return value
    return None


def _text_field(record: dict[str, Any], name: str) -> str | None:
    """A metadata field as text: lists (several authors) joined, numbers written out."""
    value = _field(record, name)
    if value is None:
        return None
    if isinstance(value, list):
        return ", ".join(str(v) for v in value if v not in (None, "")) or None
    return str(value).strip() or None


def _date_of(value: Any, where: str, source: str) -> date | None:
    try:
        return parse_date(value)
    except DateError as exc:
        raise IngestError(source, f"{where}published {exc}") from None


def _from_record(
    record: dict[str, Any], source: str, where: str, defaults: Defaults, fmt: str
) -> Result:
    """An Article from one JSONL/JSON/CSV record; ``where`` is "line 3: " or similar."""
    text = _field(record, "text")
    if not isinstance(text, str) or not text.strip():
        return IngestError(source, f'{where}no text (expected a non-empty "text" field)')
    try:
        published = _date_of(_field(record, "published"), where, source)
    except IngestError as exc:
        return exc
    location = where.rstrip(": ")
    if _HTML_TEXT.search(text):
        text = fragment_text(text)  # scraped records often keep the page's paragraph tags
    return article_from_text(
        text,
        title=_text_field(record, "title") or "",
        url=_text_field(record, "url"),
        outlet=_text_field(record, "outlet") or defaults.outlet,
        published=published or defaults.published,
        byline=_text_field(record, "byline"),
        language=primary_language(_text_field(record, "language")) or "en",
        origin=f"{source}#{location.replace(' ', '')}" if location else source,
        metadata={"format": fmt},
    )


def read_text(data: bytes, source: str, defaults: Defaults) -> Iterator[Result]:
    """A plain-text report, with optional front matter (see eventwire.ingest.article)."""
    text = decode_bytes(data, source)
    fields, body = split_front_matter(text)
    if not body.strip():
        yield IngestError(source, "no report text" if fields else "file holds only blank space")
        return
    try:
        published = _date_of(fields.get("published"), "", source)
    except IngestError as exc:
        yield exc
        return
    yield article_from_text(
        body,
        title=fields.get("title", ""),
        url=fields.get("url"),
        outlet=fields.get("outlet") or defaults.outlet,
        published=published or defaults.published,
        byline=fields.get("byline"),
        language=fields.get("language") or "en",
        origin=source,
        metadata=_text_metadata(fields),
    )


def _text_metadata(fields: dict[str, str]) -> dict[str, Any]:
    extra = {k: v for k, v in fields.items() if k not in FRONT_MATTER_KEYS}
    return {"format": "text", "front_matter": extra} if extra else {"format": "text"}


def read_html(
    data: bytes, source: str, defaults: Defaults, url: str | None = None
) -> Iterator[Result]:
    """A web page: main text, title, author and date via trafilatura; boilerplate dropped."""
    try:
        html: str | bytes = decode_bytes(data, source)
    except IngestError as exc:
        if not data or exc.problem.startswith("binary"):
            raise
        html = data  # a page in another declared charset: trafilatura reads its meta tag
    page = extract_page(html, url=url)
    language = page_language(html) if page else None
    if page is None:
        yield IngestError(source, "no main text found in the HTML page")
        return
    published = None
    try:
        published = parse_date(page["date"])
    except DateError:
        pass  # a malformed page date is no reason to lose the report
    yield article_from_text(
        page["text"],
        title=page["title"],
        url=page["url"],
        outlet=page["sitename"] or defaults.outlet,
        published=published or defaults.published,
        byline=page["author"],
        language=language or "en",
        origin=source,
        metadata={"format": "html"},
    )


def read_jsonl(data: bytes, source: str, defaults: Defaults) -> Iterator[Result]:
    """One JSON object per line; blank lines are skipped, bad lines reported by number."""
    text = decode_bytes(data, source)
    seen_any = False
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        seen_any = True
        where = f"line {number}: "
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestError(source, f"{where}not valid JSON ({exc.msg}, column {exc.colno})")
            continue
        if not isinstance(record, dict):
            kind = type(record).__name__
            yield IngestError(source, f"{where}expected a JSON object, got {kind}")
            continue
        yield _from_record(record, source, where, defaults, "jsonl")
    if not seen_any:
        yield IngestError(source, "file holds only blank space")


def read_json(data: bytes, source: str, defaults: Defaults) -> Iterator[Result]:
    """A JSON object or a list of them."""
    text = decode_bytes(data, source)
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        yield IngestError(source, f"not valid JSON ({exc.msg}, line {exc.lineno})")
        return
    records = value if isinstance(value, list) else [value]
    for number, record in enumerate(records, start=1):
        where = f"item {number}: " if isinstance(value, list) else ""
        if not isinstance(record, dict):
            kind = type(record).__name__
            yield IngestError(source, f"{where}expected a JSON object, got {kind}")
            continue
        yield _from_record(record, source, where, defaults, "json")


def read_csv(data: bytes, source: str, defaults: Defaults) -> Iterator[Result]:
    """A CSV with a header row; columns text, title, url, published, outlet, byline."""
    text = decode_bytes(data, source)
    # Whole articles sit in one cell; the default limit (128 KiB) is too small for some.
    csv.field_size_limit(16 * 1024 * 1024)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [name.strip().lower() for name in next(reader)]
    except StopIteration:
        yield IngestError(source, "empty file")
        return
    except csv.Error as exc:
        yield IngestError(source, f"not valid CSV ({exc})")
        return
    if not any(alias in header for alias in FIELD_ALIASES["text"]):
        yield IngestError(source, f'no "text" column (columns: {", ".join(header)})')
        return
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield IngestError(source, f"line {reader.line_num}: not valid CSV ({exc})")
            return
        if not any(cell.strip() for cell in row):
            continue
        record = dict(zip(header, row, strict=False))
        yield _from_record(record, source, f"line {reader.line_num}: ", defaults, "csv")


def read_feed(data: bytes, source: str, defaults: Defaults) -> Iterator[Result]:
    """An RSS or Atom feed: one Article per item (its content, else its summary)."""
    if not data.strip():
        raise IngestError(source, "empty file")
    feed = feedparser.parse(data)
    if not feed.entries:
        reason = f" ({feed.bozo_exception})" if feed.get("bozo") else ""
        yield IngestError(source, f"not an RSS/Atom feed with items{reason}")
        return
    outlet = feed.feed.get("title") or defaults.outlet
    language = primary_language(feed.feed.get("language"))
    for number, entry in enumerate(feed.entries, start=1):
        contents = entry.get("content") or []
        raw = contents[0].get("value", "") if contents else entry.get("summary", "")
        text = fragment_text(raw or "")
        if not text.strip():
            yield IngestError(source, f"item {number}: no text (no content or summary)")
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        # feedparser gives the item's time in UTC; the calendar day is what we keep.
        published = date(*stamp[:3]) if stamp else None
        yield article_from_text(
            text,
            title=entry.get("title", ""),
            url=entry.get("link"),
            outlet=outlet,
            published=published or defaults.published,
            byline=entry.get("author"),
            language=language or "en",
            origin=f"{source}#item{number}",
            metadata={"format": "feed"},
        )


Reader = Callable[[bytes, str, Defaults], Iterator[Result]]

READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".text": read_text,
    ".md": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".xhtml": read_html,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".json": read_json,
    ".csv": read_csv,
    ".xml": read_feed,
    ".rss": read_feed,
    ".atom": read_feed,
}


def sniff(data: bytes) -> Reader:
    """The reader for an input of unknown type (stdin, extension-less files, URLs).

    >>> sniff(b'{"text": "Shots were fired."}').__name__
    'read_jsonl'
    """
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<"):
        if b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head:
            return read_feed
        return read_html
    if head.startswith(b"{"):
        return read_jsonl
    if head.startswith(b"["):
        return read_json
    first_line = head.split(b"\n", 1)[0].decode("utf-8", "replace")
    columns = [c.strip().strip('"') for c in first_line.split(",")]
    if len(columns) > 1 and any(alias in columns for alias in FIELD_ALIASES["text"]):
        return read_csv
    return read_text
