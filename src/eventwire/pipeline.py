"""Wiring of the per-article stages: annotate -> extract -> resolve -> assemble.

``Pipeline`` holds the loaded resources (language model, gazetteer, actor registry),
created on first use; ``Pipeline.process`` is pure per article, so the same code runs
in one process or in a pool (see ``runners/``).

>>> from eventwire.pipeline import extract
>>> result = extract("Protesters rallied in Baghdad on Friday.", published="2023-10-18")
>>> result["events"][0]["sub_event_type"]
'Peaceful protest'
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from typing import Any

from eventwire.assemble import assemble
from eventwire.extract.gate import is_relevant
from eventwire.extract.mentions import extract_mentions
from eventwire.link.provenance import byline_conflict, wire_source
from eventwire.model import Article, Event, Mention, to_jsonable
from eventwire.nlp import DEFAULT_MODEL, load_nlp, without_datelines
from eventwire.resolve.actors import ActorResolver
from eventwire.resolve.mentions import MentionResolver, country_focus
from eventwire.resolve.places import PlaceResolver
from eventwire.resolve.times import find_times, infer_published

log = logging.getLogger(__name__)


@dataclass(slots=True)
class ArticleResult:
    """What the pipeline makes of one article."""

    article: Article
    events: list[Event] = field(default_factory=list)
    statements: list[Event] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    skipped: str | None = None  # why nothing was coded ("not relevant")
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The record shape: ``{"article": {...}, "events": [...], "statements": [...]}``."""
        art = self.article
        return {
            "article": {
                "id": art.id,
                "title": art.title,
                "url": art.url,
                "outlet": art.outlet,
                "byline": art.byline,
                "published_at": art.published_at.isoformat() if art.published_at else None,
                "published_inferred": art.published_inferred,
                "language": art.language,
                "content_hash": art.content_hash,
                "origin": art.origin,
                "wire_source": art.metadata.get("wire_source"),
                "byline_conflict": art.metadata.get("byline_conflict"),
                "copy_of": art.metadata.get("copy_of"),
            },
            "events": [e.to_record() for e in self.events],
            "statements": [s.to_record() for s in self.statements],
            "skipped": self.skipped,
            "warnings": list(self.warnings),
        }


@dataclass
class Pipeline:
    """The per-article stages with their resources, loaded once on first use."""

    model: str = DEFAULT_MODEL
    gazetteer_path: str | None = None
    use_gate: bool = True

    @cached_property
    def nlp(self):
        return load_nlp(self.model)

    @cached_property
    def places(self) -> PlaceResolver:
        return PlaceResolver(self.gazetteer_path)

    @cached_property
    def actors(self) -> ActorResolver:
        return ActorResolver()

    def _dated(self, article: Article) -> tuple[Article, list[str]]:
        if article.published_at is not None:
            return article, []
        inferred = infer_published(article.text)
        if inferred is None:
            return article, [f"{article.origin or article.id}: no publication date given or "
                             "found in the text; relative dates cannot be resolved"]
        return replace(article, published_at=inferred, published_inferred=True), [
            f"{article.origin or article.id}: publication date {inferred.isoformat()} "
            "inferred from the text"]

    def process(self, article: Article, doc=None) -> ArticleResult:
        """Code one article: its events and statements with evidence."""
        article, warnings = self._dated(article)
        # provenance is read off the report itself; the store adds copy detection
        article.metadata.setdefault("wire_source", wire_source(article))
        article.metadata.setdefault("byline_conflict", byline_conflict(article))
        if self.use_gate and not is_relevant(article.text):
            return ArticleResult(article, skipped="no conflict or political event found by the "
                                 "relevance gate", warnings=warnings)
        doc = doc if doc is not None else self.nlp(without_datelines(article.text))
        mentions = extract_mentions(doc, article)
        places = self.places.find(doc, article)
        times = find_times(article.text, article.published_at)
        actors = self.actors.for_article(article.text, country_focus(places))
        resolver = MentionResolver(article, places, times, actors)
        resolved = [resolver.resolve(m, article.published_at) for m in mentions]
        records = assemble(article, resolved)
        return ArticleResult(
            article,
            events=[r for r in records if r.kind == "event"],
            statements=[r for r in records if r.kind == "statement"],
            mentions=resolved,
            warnings=warnings,
        )

    def process_many(self, articles: Iterable[Article], batch_size: int = 8
                     ) -> Iterator[ArticleResult]:
        """Code many articles, parsing the relevant ones in spaCy batches."""
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= batch_size:
                yield from self._batch(batch)
                batch = []
        if batch:
            yield from self._batch(batch)

    def _batch(self, batch: list[Article]) -> Iterator[ArticleResult]:
        relevant = [a for a in batch if not self.use_gate or is_relevant(a.text)]
        parsed = self.nlp.pipe(without_datelines(a.text) for a in relevant)
        docs = dict(zip((a.id for a in relevant), parsed,
                        strict=True))
        for article in batch:
            yield self.process(article, doc=docs.get(article.id))


def _as_date(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise ValueError(f"published: expected a date as YYYY-MM-DD, got {value!r}") from exc


@dataclass
class _Default:
    pipeline: Pipeline | None = None


_DEFAULT = _Default()


def default_pipeline() -> Pipeline:
    """The process-wide pipeline with default settings, created on first use."""
    if _DEFAULT.pipeline is None:
        _DEFAULT.pipeline = Pipeline()
    return _DEFAULT.pipeline


def extract(text: str, published: date | str | None = None, *, title: str = "",
            url: str | None = None, outlet: str | None = None,
            pipeline: Pipeline | None = None) -> dict[str, Any]:
    """Code one report without storing it; returns the JSON record shape.

    ``published`` (a date or "YYYY-MM-DD") anchors relative dates ("on Tuesday").
    """
    from eventwire.ingest import article_from_text

    article = article_from_text(text, title=title, url=url, outlet=outlet,
                                published=_as_date(published))
    result = (pipeline or default_pipeline()).process(article)
    return to_jsonable(result.to_json())
