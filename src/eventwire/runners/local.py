"""The local runner: read inputs, code each new report, link its events into the store.

Reports are coded in spaCy batches in this process; linking runs against the store
one article at a time, so the order of arrival does not matter.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace

from eventwire.ingest import IngestError
from eventwire.link.copies import CopyIndex
from eventwire.link.incidents import (
    candidate_window,
    independent_sources,
    link_events,
    merge_into,
)
from eventwire.link.provenance import source_for, wire_source
from eventwire.model import Article, Event
from eventwire.pipeline import ArticleResult, Pipeline
from eventwire.store import Store

log = logging.getLogger(__name__)


@dataclass
class IngestReport:
    """What one ingestion run did."""

    read: int = 0
    stored: int = 0
    duplicates: int = 0
    skipped: int = 0
    copies: int = 0
    events_new: int = 0
    events_linked: int = 0
    statements: int = 0
    failed: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _fresh(items: Iterable[Article | IngestError], store: Store, report: IngestReport,
           on_error: Callable[[str], None]) -> Iterator[Article]:
    seen: set[str] = set()
    for item in items:
        if isinstance(item, IngestError):
            report.failed.append(str(item))
            on_error(str(item))
            continue
        report.read += 1
        if item.id in seen or store.has_article(item.id):
            report.duplicates += 1
            continue
        seen.add(item.id)
        yield item


def store_result(store: Store, result: ArticleResult, copies: CopyIndex,
                 report: IngestReport) -> None:
    """Store one coded article and link its events to the stored ones."""
    article = result.article
    match = copies.find_original(article)
    copy_of = match.article_id if match else None
    wire = wire_source(article)
    article.metadata.update(wire_source=wire, copy_of=copy_of)
    store.add_article(article, wire_source=wire, copy_of=copy_of)
    copies.add(article)
    if copy_of is None:
        _repoint_copies(store, copies, article.id)
    report.stored += 1
    report.copies += copy_of is not None
    source = source_for(article, copy_of)
    events = []
    for record in result.events + result.statements:
        record = replace(record, sources=[source])
        if record.kind == "statement":
            store.insert_event(record, record.mentions, independent=independent_sources(record))
            report.statements += 1
        else:
            events.append(record)
    _link_events(store, events, report)


def _repoint_copies(store: Store, copies: CopyIndex, original_id: str) -> None:
    """Stored copies of an original that arrived after them point to it from now on: in
    their article rows and in the sources of their events, which then count them with it."""
    for cid in copies.copies_of(original_id):
        if store.article_provenance(cid)[1] == original_id:
            continue
        store.set_copy_of(cid, original_id)
        for event in store.events_citing(cid):
            sources = [
                replace(s, copy_of=original_id, independent=False) if s.article_id == cid else s
                for s in event.sources
            ]
            event = replace(event, sources=sources)
            store.update_event(event, independent=independent_sources(event))


def _link_events(store: Store, events: list[Event], report: IngestReport) -> None:
    """Link one report's events together, so two of them never land on one stored event."""
    candidates: dict[str, Event] = {}
    for event in events:
        days, km = candidate_window(event)
        for cand in store.candidates(event, days, km):
            candidates.setdefault(cand.id, cand)
    decisions = link_events(events, list(candidates.values()))
    for event, decision in zip(events, decisions, strict=True):
        if decision.target_id is None:
            store.insert_event(event, event.mentions, decision.score or None, decision.reasons,
                               independent=independent_sources(event))
            report.events_new += 1
            continue
        merged = merge_into(candidates[decision.target_id], event)
        store.update_event(merged, event.mentions, decision.score, decision.reasons,
                           independent=independent_sources(merged))
        report.events_linked += 1


def run_ingest(items: Iterable[Article | IngestError], store: Store, pipeline: Pipeline,
               on_error: Callable[[str], None] = log.warning,
               progress: Callable[[Iterable], Iterable] = lambda it: it) -> IngestReport:
    """Code and store every new report of ``items``; bad inputs are reported and skipped.

    A report whose processing fails is reported by ``on_error`` and the batch goes on;
    nothing of it is stored, so a later run can retry it.
    """
    report = IngestReport()
    copies = CopyIndex(use_embeddings=False)
    for stored in store.iter_articles():
        copies.add(stored)
    fresh = list(_fresh(items, store, report, on_error))
    for article in progress(fresh):
        try:
            result = pipeline.process(article)
        except Exception as exc:  # one bad report must not stop the batch
            message = f"{article.origin or article.id}: could not be coded ({exc})"
            report.failed.append(message)
            on_error(message)
            continue
        report.warnings.extend(result.warnings)
        if result.skipped:
            report.skipped += 1
        store_result(store, result, copies, report)
    return report
