"""Provenance of a report: which wire agency wrote it, and whether the site's byline says otherwise.

A republished wire story keeps the agency's sign-off ("Associated Press writers ...
contributed", "(Reuters) -", "- AFP") even when a site puts its own reporter's name
on top. The agencies and their phrasings are data: ``data/wire_agencies.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from eventwire.data import read_table
from eventwire.model import Article, Source

from .errors import LinkDataError

# Sign-offs sit in the last lines and datelines in the first; looking only there keeps
# quotes in the body ("AFP reported that ...") from being taken for a credit.
_HEAD_CHARS = 600
_TAIL_CHARS = 1500
# Credit lines that name the wire's own writers, used to tell a wire writer's byline
# from a site reporter's.
_CREDIT_LINE = re.compile(
    r"[^.\n]*\b(?:contributed|reported from|Reporting by|Editing by|Writing by)\b[^.\n]*",
)
_BYLINE_KEYS = ("byline", "author", "authors", "creator")


@dataclass(frozen=True, slots=True)
class WireAgency:
    """One wire agency: its short id, the names it goes by, its compiled sign-offs."""

    id: str
    names: tuple[str, ...]
    signoffs: tuple[re.Pattern[str], ...]


@lru_cache(maxsize=1)
def wire_agencies() -> tuple[WireAgency, ...]:
    """The agencies listed in ``data/wire_agencies.yaml`` (read once per process)."""
    raw = read_table("wire_agencies.yaml", LinkDataError, "wire agency table")
    agencies = []
    for i, row in enumerate((raw or {}).get("agencies", [])):
        if not isinstance(row, dict) or "id" not in row or not row.get("signoff"):
            raise LinkDataError(
                f"wire_agencies.yaml: agency #{i} needs an 'id' and a 'signoff' list")
        try:
            patterns = tuple(re.compile(p, re.MULTILINE) for p in row["signoff"])
        except re.error as exc:
            raise LinkDataError(
                f"wire_agencies.yaml: agency {row['id']!r} has a bad pattern: {exc}") from exc
        names = tuple(row.get("names") or [row["id"]])
        agencies.append(WireAgency(str(row["id"]), names, patterns))
    return tuple(agencies)


def _edges(text: str) -> str:
    if len(text) <= _HEAD_CHARS + _TAIL_CHARS:
        return text
    return text[:_HEAD_CHARS] + "\n" + text[-_TAIL_CHARS:]


def _credit_zone(article: Article) -> str:
    # Ingest moves lines it takes for page furniture (credits among them) into
    # metadata["boilerplate"]; a sign-off there still says who wrote the story.
    removed = article.metadata.get("boilerplate") or []
    lines = [str(x) for x in removed] if isinstance(removed, (list, tuple)) else []
    return "\n".join([_edges(article.text), *lines])


def wire_match(article: Article) -> tuple[str, str] | None:
    """The agency id and the matched credit text, or None.

    The earliest-listed agency whose sign-off appears in the article's first or last
    lines (or in credit lines ingest set aside as boilerplate) wins; an outlet or
    byline that is itself an agency counts as that agency.
    """
    text = _credit_zone(article)
    for agency in wire_agencies():
        for pattern in agency.signoffs:
            found = pattern.search(text)
            if found:
                return agency.id, found.group(0)
    # An outlet or byline that is itself an agency ("By The Associated Press").
    for credit in (article.outlet, site_byline(article)):
        agency = agency_named(credit) if credit else None
        if agency:
            return agency, credit or ""
    return None


def wire_source(article: Article) -> str | None:
    """The wire agency that wrote the article's text, from its sign-off, dateline or outlet.

    >>> from eventwire.model import Article
    >>> wire_source(Article(id="a", text="BAGHDAD (Reuters) - Two drones hit a base."))
    'Reuters'
    >>> wire_source(Article(id="b", text="Two drones hit a base, the mayor said.")) is None
    True
    """
    found = wire_match(article)
    return found[0] if found else None


def agency_named(name: str) -> str | None:
    """The id of the agency that ``name`` names ("Associated Press" -> "AP"), else None."""
    folded = name.strip().casefold()
    for agency in wire_agencies():
        for alias in agency.names:
            alias_f = alias.casefold()
            # Whole-word containment: "Jane Roe, Associated Press" names AP.
            if re.search(rf"(?<!\w){re.escape(alias_f)}(?!\w)", folded):
                return agency.id
    return None


def site_byline(article: Article) -> str | None:
    """The byline the site shows: ``Article.byline`` or a byline/author metadata field."""
    if article.byline and article.byline.strip():
        return article.byline.strip()
    for key in _BYLINE_KEYS:
        value = article.metadata.get(key)
        if isinstance(value, (list, tuple)):
            value = ", ".join(str(v) for v in value)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _credit_text(article: Article, matched: str) -> str:
    tail = _credit_zone(article)
    return " ".join([matched, *(m.group(0) for m in _CREDIT_LINE.finditer(tail))])


def byline_conflict(article: Article) -> bool:
    """True when the site's byline contradicts the wire sign-off.

    The byline agrees when it names the agency itself or a writer the credit lines
    name ("Reporting by Jane Roe" under "By Jane Roe"); any other byline on a wire
    story is a site's own name on someone else's text.

    >>> from eventwire.model import Article
    >>> text = "Two drones hit a base.\\nAssociated Press writer Sam Bell contributed."
    >>> byline_conflict(Article(id="a", text=text, byline="Lee Park"))
    True
    >>> byline_conflict(Article(id="b", text=text, byline="Sam Bell, Associated Press"))
    False
    """
    byline = site_byline(article)
    found = wire_match(article)
    if byline is None or found is None:
        return False
    if found[0] in (agency_named(byline), agency_named(article.outlet or "")):
        return False
    credits = _credit_text(article, found[1])
    # A writer named in the credits: compare surnames, since credits often give only those.
    names = [n for n in re.split(r",|\band\b|&|\bBy\b|\bby\b", byline) if n.strip()]
    for name in names:
        words = re.findall(r"[A-Z][\w'’-]+", name)
        if words and re.search(rf"\b{re.escape(words[-1])}\b", credits):
            return False
    return True


def source_for(
    article: Article,
    copy_of: str | None = None,
) -> Source:
    """The Source record of an article: outlet, wire agency, and the original it copies.

    A copy (``copy_of`` set, usually from ``CopyIndex.find_original``) is marked
    ``independent=False``: it adds no corroboration.

    >>> from eventwire.model import Article
    >>> s = source_for(Article(id="b", text="(AP) - A blast."), copy_of="a")
    >>> (s.wire_source, s.copy_of, s.independent)
    ('AP', 'a', False)
    """
    return Source(
        article_id=article.id,
        outlet=article.outlet,
        url=article.url,
        title=article.title or None,
        published_at=article.published_at,
        wire_source=wire_source(article),
        copy_of=copy_of,
        independent=copy_of is None,
    )
