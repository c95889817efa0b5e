"""Text plus metadata to an Article: normal form, boilerplate removed, content hash, id.

Plain-text reports may start with a front-matter block of ours: ``Key: value``
lines, then a blank line. Keys (any case): Title, Published, Outlet, URL, Byline,
Language (also Headline, Date, Source, Link, Author, Lang); other keys are kept in
``metadata["front_matter"]``. Example::

    Title: Drone strike hits fuel depot
    Published: 2024-03-02
    Outlet: Example Wire

    KHARKIV, Ukraine — A drone struck a fuel depot overnight ...

Without a ``Title`` line, a first line that looks like a headline becomes the title
(it also stays in the text, as printed).
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from typing import Any

from eventwire.ingest.boilerplate import looks_like_headline, strip_boilerplate
from eventwire.ingest.text import normalise_text
from eventwire.model import Article

# Front-matter keys and the other spellings accepted for them.
FRONT_MATTER_KEYS = {
    "title": ("title", "headline"),
    "published": ("published", "date", "published_at"),
    "outlet": ("outlet", "source", "publisher"),
    "url": ("url", "link"),
    "byline": ("byline", "author"),
    "language": ("language", "lang"),
}
_KEY_OF = {alias: key for key, aliases in FRONT_MATTER_KEYS.items() for alias in aliases}
_FRONT_LINE = re.compile(r"^(?P<key>[A-Za-z][A-Za-z_-]{0,30}):[ \t]*(?P<value>.*)$")
# A title is a single line; beyond this it is a paragraph, not a headline.
_TITLE_MAX_CHARS = 200


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Front-matter fields (canonical lower-case keys) and the text after the block.

    A block counts as front matter when every line is ``Key: value`` and at least one
    key is known; unknown keys are returned too, under their lower-case name.

    >>> split_front_matter("Title: Clash in Gao\\nDate: 2024-03-02\\n\\nFighting broke out.")
    ({'title': 'Clash in Gao', 'published': '2024-03-02'}, 'Fighting broke out.')
    >>> split_front_matter("Gao: fighting broke out.\\n\\nMore.")[0]
    {}
    """
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    head, sep, rest = text.lstrip("\n").partition("\n\n")
    fields: dict[str, str] = {}
    for line in head.strip().split("\n"):
        found = _FRONT_LINE.match(line.strip())
        if not found:
            return {}, text  # not a front-matter block: the text starts right away
        name = found.group("key").lower()
        fields[_KEY_OF.get(name, name)] = found.group("value").strip()
    if not any(key in FRONT_MATTER_KEYS for key in fields):
        return {}, text
    return fields, rest if sep else ""


def headline_of(text: str) -> str:
    """The first line if it reads as a headline, else ""."""
    first = text.split("\n", 1)[0].strip()
    if len(first) <= _TITLE_MAX_CHARS and looks_like_headline(first) and "—" not in first[:40]:
        return first
    return ""


def content_hash(text: str) -> str:
    """sha256 of the article text, hex."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def article_from_text(
    text: str,
    *,
    title: str = "",
    url: str | None = None,
    outlet: str | None = None,
    published: date | None = None,
    byline: str | None = None,
    origin: str = "",
    language: str = "en",
    clean: bool = True,
    metadata: dict[str, Any] | None = None,
) -> Article:
    """An Article from report text and what is known about it.

    The text is normalised (plain spaces, ``\\n`` newlines, paragraphs kept) and, with
    ``clean``, stripped of page boilerplate (recorded in ``metadata["boilerplate"]``).
    The id is the first 16 hex characters of the content hash, so the same text read
    twice gets the same id.

    >>> a = article_from_text("Protesters marched in Khartoum.\\n\\nBack to top button",
    ...                       published=date(2024, 3, 2))
    >>> a.text, a.id == article_from_text("Protesters marched in Khartoum.").id
    ('Protesters marched in Khartoum.', True)
    """
    meta: dict[str, Any] = dict(metadata or {})
    body = normalise_text(text)
    if clean:
        cleaned = strip_boilerplate(body)
        body = cleaned.text
        if cleaned.removed:
            meta["boilerplate"] = cleaned.removed
        if cleaned.bio_name:
            meta["bio_name"] = cleaned.bio_name
            byline = byline or cleaned.bio_name
    digest = content_hash(body)
    return Article(
        id=digest[:16],
        text=body,
        title=normalise_text(title) or headline_of(body),
        url=url or None,
        outlet=outlet or None,
        byline=byline or None,
        published_at=published,
        language=language or "en",
        content_hash=digest,
        origin=origin,
        metadata=meta,
    )
