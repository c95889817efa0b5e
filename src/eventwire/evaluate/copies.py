"""Copy detection measured on a JSONL set of reports with their gold story.

Each line: ``{"id", "text", "outlet", "byline", "published_at", "story"}``; reports
with the same ``story`` are one story republished (verbatim or reworded), and a
``wire`` field, when present, names the agency that wrote it. Reports are indexed
one by one in the order of the file, as they would arrive.
"""

from __future__ import annotations

import dataclasses
from itertools import combinations
from pathlib import Path
from typing import Any

from eventwire.evaluate.jsonl import jsonl_rows
from eventwire.ingest import article_from_text
from eventwire.ingest.dates import DateError, parse_date
from eventwire.link.copies import CopyIndex, compare_features, features_of
from eventwire.link.provenance import byline_conflict, wire_source
from eventwire.model import Article

from .clusters import pairwise


class CopiesGoldError(ValueError):
    """The gold file of the copies evaluation cannot be read."""


def read_gold(path: Path) -> list[tuple[Article, dict[str, Any]]]:
    """Articles (through ingest, ids kept from the file) with their gold rows."""
    out = []
    for where, row in jsonl_rows(path, CopiesGoldError):
        try:
            published = parse_date(row.get("published_at"))
        except DateError as exc:
            raise CopiesGoldError(f"{where}: {exc}") from exc
        if not row.get("id") or not row.get("text") or not row.get("story"):
            raise CopiesGoldError(f'{where}: needs "id", "text" and "story"')
        article = article_from_text(
            row["text"], outlet=row.get("outlet"), byline=row.get("byline"), published=published
        )
        out.append((dataclasses.replace(article, id=str(row["id"])), row))
    return out


def _all_pairs(
    articles: list[Article], gold: dict[str, str], use_embeddings: bool
) -> dict[str, float]:
    """Every pair checked with the pairwise test alone (no index, no earliest-version rule)."""
    feats = [features_of(a) for a in articles]
    tp = fp = fn = 0
    for i, j in combinations(range(len(feats)), 2):
        said = compare_features(feats[i], feats[j], use_embeddings) is not None
        truth = gold[feats[i].id] == gold[feats[j].id]
        tp += said and truth
        fp += said and not truth
        fn += truth and not said
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {
        "pairs_p": round(p, 4),
        "pairs_r": round(r, 4),
        "pairs_f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
    }


def evaluate_copies(path: Path, use_embeddings: bool = True) -> dict[str, Any]:
    """Pairwise precision/recall of "these two reports are one story", and provenance found.

    Returns ``copy_p``, ``copy_r``, ``copy_f1`` (the index, reports added in file order),
    ``pairs_p``, ``pairs_r``, ``pairs_f1`` (the pairwise test on every pair),
    ``n_reports``, ``n_gold_pairs``,
    ``wire_accuracy`` and ``byline_conflict_accuracy`` (over rows that give ``wire`` /
    ``byline_conflict``) and, per report, the original found, the wire source and
    whether the byline conflicts.
    """
    rows = read_gold(path)
    index = CopyIndex(use_embeddings=use_embeddings)
    for article, _ in rows:
        index.add(article)
    gold = {a.id: str(row["story"]) for a, row in rows}
    rows_by = {a.id: row for a, row in rows}
    pred = {}
    reports = []
    for article, row in rows:
        match = index.find_original(article)
        pred[article.id] = match.article_id if match else article.id
        reports.append(
            {
                "id": article.id,
                "copy_of": match.article_id if match else None,
                "method": match.method if match else None,
                "wire_source": wire_source(article),
                "gold_wire": row.get("wire"),
                "byline_conflict": byline_conflict(article),
                "gold_byline_conflict": row.get("byline_conflict"),
            }
        )
    scores = pairwise(gold, pred)
    all_pairs = _all_pairs([a for a, _ in rows], gold, use_embeddings)
    wire_ok = sum(r["wire_source"] == r["gold_wire"] for r in reports if "wire" in rows_by[r["id"]])
    wire_n = sum("wire" in row for _, row in rows)
    conflict_ok = sum(
        r["byline_conflict"] == r["gold_byline_conflict"]
        for r in reports
        if "byline_conflict" in rows_by[r["id"]]
    )
    conflict_n = sum("byline_conflict" in row for _, row in rows)
    n_pairs = sum(1 for a in gold for b in gold if a < b and gold[a] == gold[b])
    return {
        "copy_p": round(scores["pairwise_p"], 4),
        "copy_r": round(scores["pairwise_r"], 4),
        "copy_f1": round(scores["pairwise_f1"], 4),
        "n_reports": len(rows),
        **all_pairs,
        "n_gold_pairs": n_pairs,
        "wire_accuracy": round(wire_ok / wire_n, 4) if wire_n else None,
        "byline_conflict_accuracy": round(conflict_ok / conflict_n, 4) if conflict_n else None,
        "embeddings": use_embeddings,
        "reports": reports,
    }
