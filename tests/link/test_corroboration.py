"""Copies found by CopyIndex, sources built by source_for, events merged: corroboration."""

import json
from datetime import date
from pathlib import Path

from eventwire.link.copies import CopyIndex
from eventwire.link.incidents import independent_sources, merge_into
from eventwire.link.provenance import source_for
from eventwire.model import Article, Event

ROWS = [json.loads(line) for line in
        Path(__file__).with_name("copies.jsonl").read_text(encoding="utf-8").splitlines()]


def test_six_reports_of_one_attack_are_three_independent_sources():
    index = CopyIndex(use_embeddings=False)
    event = None
    for row in ROWS:
        if row["incident"] != "I1":
            continue
        article = Article(id=row["id"], text=row["text"], outlet=row["outlet"],
                          byline=row["byline"],
                          published_at=date.fromisoformat(row["published_at"]))
        match = index.add(article)
        report = Event(f"e-{row['id']}", "event", "Explosions/Remote violence",
                       "Air/drone strike",
                       sources=[source_for(article, match.article_id if match else None)])
        event = report if event is None else merge_into(event, report)
    # AP (original, syndicated and reworded copies), Gulf Ledger (and its reworded
    # copy), Northern Star Online and Valley Weekly's own brief.
    assert len(event.sources) == 7
    assert independent_sources(event) == 4
    dependent = {s.article_id for s in event.sources if not s.independent}
    assert dependent == {"a2", "a3", "a6"}
