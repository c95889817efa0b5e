"""Incident linking measured on ECB+: which news documents report the same real incident.

Each document goes through the normal pipeline (ingest's Article, one spaCy parse,
times resolved, event triggers extracted) into a ``DocProfile``; documents are then
clustered with ``eventwire.link.documents`` and scored with B-cubed and pairwise F1
against the gold incident of each document.

Two settings: within each topic (the published setting: each topic holds two
incidents of one kind, and telling them apart is the task), and over all documents
with no topic given. Every split the gold table holds is scored (train and dev here;
a table of the test topics works the same way); ``topics`` restricts a run to some.
"""

from __future__ import annotations

import signal
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from eventwire import nlp
from eventwire.extract.mentions import extract_mentions
from eventwire.link import embed as embedding
from eventwire.link.documents import DocProfile, cluster, profile_from_doc, similarity
from eventwire.resolve.times import find_times, infer_published

from .clusters import bcubed, pairwise
from .ecbplus import EcbPlusError, GoldDoc, document_path, read_document, read_gold

# Chosen on the ECB+ training topics only (the best B-cubed F1 on a grid from 0.05 to
# 0.6 in steps of 0.05, see docs/quality-linking.md); dev topics are scored with it unseen.
DEFAULT_THRESHOLD = 0.3
# Without embeddings the similarities run lower (meaning is the component that scores
# highest), so the cut is lower too; chosen the same way, on train topics only.
DEFAULT_THRESHOLD_NO_EMBEDDINGS = 0.2
EXTRACT_SECONDS = 20.0
# Splits in the order they are reported; a gold table may hold any of them.
_SPLIT_ORDER = {"train": 0, "dev": 1, "test": 2}


@dataclass(slots=True)
class Corpus:
    docs: list[GoldDoc]
    profiles: list[DocProfile]
    vectors: np.ndarray | None
    failures: list[str] = field(default_factory=list)


class _TooSlow(Exception):
    pass


def _on_alarm(signum, frame):
    raise _TooSlow


def _triggers(doc, article, failures: list[str]) -> list[str]:
    """Event trigger words from extract, given at most EXTRACT_SECONDS per document.

    A document that extract cannot finish is scored without triggers and named in the
    result, so one bad document neither hangs the evaluation nor goes unnoticed.
    """
    use_alarm = hasattr(signal, "setitimer")
    if use_alarm:
        previous = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, EXTRACT_SECONDS)
    try:
        return [m.trigger.text for m in extract_mentions(doc, article) if m.kind == "event"]
    except _TooSlow:
        failures.append(f"{article.id}: extract took over {EXTRACT_SECONDS}s")
        return []
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def _times_of(text: str):
    published = infer_published(text)
    return [m.when for m in find_times(text, published)]


def load_corpus(
    ecb_dir: Path,
    gold_path: Path,
    splits: Iterable[str] | None = None,
    use_embeddings: bool = True,
    progress: Callable[[int, int], None] | None = None,
    topics: Iterable[str] | None = None,
) -> Corpus:
    """Read, parse and profile every gold document of the given splits and topics
    (None: all the gold table holds)."""
    wanted = set(splits) if splits is not None else None
    chosen = set(topics) if topics is not None else None
    docs = [
        d for d in read_gold(gold_path)
        if (wanted is None or d.split in wanted) and (chosen is None or d.topic in chosen)
    ]
    if chosen is not None and (missing := chosen - {d.topic for d in docs}):
        raise EcbPlusError(f"no gold documents for topic(s) {', '.join(sorted(missing))}")
    articles = [read_document(document_path(ecb_dir, d)) for d in docs]
    profiles, failures = [], []
    for i, (article, doc) in enumerate(
        zip(articles, nlp.parse_many(a.text for a in articles), strict=True)
    ):
        triggers = _triggers(doc, article, failures)
        profiles.append(profile_from_doc(article, doc, _times_of(article.text), triggers))
        if progress:
            progress(i + 1, len(articles))
    vectors = None
    if use_embeddings and embedding.available():
        vectors = embedding.embed([p.lead for p in profiles])
    return Corpus(docs, profiles, vectors, failures)


def predict(corpus: Corpus, threshold: float, by_topic: bool = True) -> dict[str, str]:
    """Predicted cluster label of each document id."""
    groups: dict[str, list[int]] = defaultdict(list)
    for i, d in enumerate(corpus.docs):
        groups[d.topic if by_topic else "all"].append(i)
    pred: dict[str, str] = {}
    for key, idx in groups.items():
        profiles = [corpus.profiles[i] for i in idx]
        vectors = corpus.vectors[idx] if corpus.vectors is not None else None
        labels = cluster(similarity(profiles, vectors), threshold)
        for i, label in zip(idx, labels, strict=True):
            pred[corpus.docs[i].doc_id] = f"{key}/{label}"
    return pred


def score(corpus: Corpus, pred: dict[str, str], split: str | None = None) -> dict[str, Any]:
    """B-cubed and pairwise figures over the documents of one split (or all)."""
    gold = {d.doc_id: d.incident for d in corpus.docs if split is None or d.split == split}
    figures = bcubed(gold, pred) | pairwise(gold, pred)
    figures = {k: round(v, 4) for k, v in figures.items()}
    figures["n_docs"] = len(gold)
    figures["n_clusters"] = len({pred[d] for d in gold})
    figures["n_incidents"] = len(set(gold.values()))
    merged = _topics_merged(corpus, pred, split)
    figures["n_topics"] = len({d.topic for d in corpus.docs if split is None or d.split == split})
    figures["topics_apart"] = figures["n_topics"] - len(merged)
    figures["topics_merged"] = merged
    return figures


def _topics_merged(corpus: Corpus, pred: dict[str, str], split: str | None) -> list[str]:
    """Topics where two incidents share a main cluster (each incident's largest one)."""
    by_topic: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for d in corpus.docs:
        if split is None or d.split == split:
            by_topic[d.topic][d.incident].append(pred[d.doc_id])
    merged = []
    for topic, incidents in by_topic.items():
        mains = [max(sorted(set(labels)), key=labels.count) for labels in incidents.values()]
        if len(set(mains)) != len(mains):
            merged.append(topic)
    return sorted(merged, key=lambda t: (len(t), t))


def choose_threshold(corpus: Corpus, split: str = "train", by_topic: bool = True) -> float:
    """The threshold with the best B-cubed F1 on one split (a grid of 0.05 steps)."""
    grid = [round(t, 2) for t in np.arange(0.1, 0.61, 0.05)]
    sub = Corpus(
        [d for d in corpus.docs if d.split == split],
        [p for p, d in zip(corpus.profiles, corpus.docs, strict=True) if d.split == split],
        None,
    )
    if corpus.vectors is not None:
        keep = [i for i, d in enumerate(corpus.docs) if d.split == split]
        sub.vectors = corpus.vectors[keep]
    return max(grid, key=lambda t: score(sub, predict(sub, t, by_topic))["b3_f1"])


def evaluate_incidents(
    ecb_dir: Path,
    gold_path: Path,
    threshold: float | None = None,
    use_embeddings: bool = True,
    no_topic: bool = False,
    progress: Callable[[int, int], None] | None = None,
    topics: Iterable[str] | None = None,
) -> dict[str, Any]:
    """Figures over every document of the gold table (or of ``topics``), per split, and
    (optionally) with no topic given. The top-level keys are those of the within-topic run
    over all documents."""
    corpus = load_corpus(ecb_dir, gold_path, use_embeddings=use_embeddings, progress=progress,
                         topics=topics)
    if threshold is None:
        with_vectors = corpus.vectors is not None
        threshold = DEFAULT_THRESHOLD if with_vectors else DEFAULT_THRESHOLD_NO_EMBEDDINGS
    pred = predict(corpus, threshold, by_topic=True)
    result: dict[str, Any] = score(corpus, pred)
    result["threshold"] = threshold
    result["embeddings"] = corpus.vectors is not None
    splits = sorted({d.split for d in corpus.docs}, key=lambda s: (_SPLIT_ORDER.get(s, 9), s))
    result["per_split"] = {s: score(corpus, pred, s) for s in splits}
    result["extract_failures"] = corpus.failures
    if no_topic:
        free = predict(corpus, threshold, by_topic=False)
        result["no_topic"] = score(corpus, free)
    return result
