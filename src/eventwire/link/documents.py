"""Reports about one incident, at the level of whole documents.

For news that is not (or not only) conflict events, the pipeline still gives what
ties two reports to one real-world happening: the names (people, organisations,
places), the dates, the trigger words, and what the text says (its content words and
its meaning as a sentence embedding). A ``DocProfile`` holds those; ``similarity``
compares all pairs of a collection; ``cluster`` groups them by average linkage.

Used to evaluate linking on ECB+ (``eventwire eval incidents``), and usable to group
reports before event-level linking.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform
from sklearn.feature_extraction.text import TfidfVectorizer

from eventwire.model import Article, When

from .errors import LinkInputError

_CONTENT_POS = {"NOUN", "PROPN", "VERB", "NUM", "ADJ"}
_NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART"}
_LEAD_SENTENCES = 4  # the lead of a news story says what happened; the rest is background

# How the similarity components add up. Set by reasoning about what each one is
# worth, then checked on the ECB+ training topics (see docs/quality-linking.md).
WEIGHTS = {"words": 0.3, "names": 0.3, "meaning": 0.25, "dates": 0.15}


@dataclass(slots=True)
class DocProfile:
    """What one report says about its incident, in comparable form."""

    id: str
    lemmas: list[str]
    names: list[str]
    dates: set[str]
    lead: str
    triggers: list[str] = field(default_factory=list)


def profile_from_doc(
    article: Article, doc, whens: Sequence[When] = (), triggers: Sequence[str] = ()
) -> DocProfile:
    """A profile from the article, its spaCy parse, its resolved times and trigger words.

    Dates count at month precision ("2013-05") and as years: reports of one incident
    agree on those even when they date it to different days.
    """
    lemmas = [
        t.lemma_.lower()
        for t in doc
        if t.pos_ in _CONTENT_POS and not t.is_stop and t.is_alpha and len(t) > 1
    ]
    names: list[str] = []
    for ent in doc.ents:
        if ent.label_ not in _NAME_LABELS:
            continue
        text = " ".join(t.text for t in ent if not t.is_punct and t.lower_ != "the").lower()
        if not text:
            continue
        names.append(text.replace(" ", "_"))
        if ent.label_ == "PERSON" and len(ent) > 1:
            # The surname alone: "Lohan" later in a story that began "Lindsay Lohan".
            names.append(ent[-1].text.lower())
    dates: set[str] = set()
    for when in whens:
        if when.fallback or when.precision == "year":
            dates.add(f"{when.start.year}")
            continue
        dates.update({f"{when.start.year}", f"{when.start.year}-{when.start.month:02d}"})
    sents = [s.text.strip() for s in doc.sents if len(s) > 3]
    lead = " ".join(([article.title] if article.title else []) + sents[:_LEAD_SENTENCES])
    return DocProfile(
        id=article.id,
        lemmas=lemmas,
        names=names,
        dates=dates,
        lead=lead,
        triggers=[t.lower() for t in triggers],
    )


def _tfidf_cosine(docs: list[list[str]]) -> np.ndarray:
    if not any(docs):
        return np.zeros((len(docs), len(docs)))
    vec = TfidfVectorizer(analyzer=lambda d: d, sublinear_tf=True, min_df=1)
    m = vec.fit_transform(docs)
    return (m @ m.T).toarray()


def _date_agreement(profiles: Sequence[DocProfile]) -> np.ndarray:
    n = len(profiles)
    out = np.full((n, n), 0.5)  # no dates on one side: no evidence either way
    for i in range(n):
        for j in range(i, n):
            a, b = profiles[i].dates, profiles[j].dates
            if a and b:
                out[i, j] = out[j, i] = len(a & b) / len(a | b)
    return out


def similarity_components(
    profiles: Sequence[DocProfile], vectors: np.ndarray | None = None
) -> dict[str, np.ndarray]:
    """Pairwise similarity matrices, one per component (words, names, meaning, dates).

    ``vectors`` are unit-length embeddings of each profile's lead, or None to leave
    meaning out (its weight then goes to the words).
    """
    comps = {
        "words": _tfidf_cosine([p.lemmas + p.triggers for p in profiles]),
        "names": _tfidf_cosine([p.names for p in profiles]),
        "dates": _date_agreement(profiles),
    }
    if vectors is not None:
        if len(vectors) != len(profiles):
            raise LinkInputError(f"{len(vectors)} vectors for {len(profiles)} profiles")
        comps["meaning"] = np.clip(vectors @ vectors.T, 0.0, 1.0)
    return comps


def similarity(
    profiles: Sequence[DocProfile],
    vectors: np.ndarray | None = None,
    weights: dict[str, float] | None = None,
) -> np.ndarray:
    """One pairwise similarity matrix (0..1): the weighted sum of the components."""
    comps = similarity_components(profiles, vectors)
    w = dict(weights or WEIGHTS)
    if "meaning" not in comps:
        w["words"] = w.get("words", 0.0) + w.pop("meaning", 0.0)
    total = sum(w[k] for k in comps if k in w) or 1.0
    return sum(w.get(k, 0.0) * m for k, m in comps.items()) / total


def cluster(sim: np.ndarray, threshold: float) -> list[int]:
    """Average-linkage clusters: groups merge while their mean similarity is >= threshold.

    Labels are numbered in order of each cluster's first member.

    >>> cluster(np.array([[1, .9, .1], [.9, 1, .2], [.1, .2, 1]]), 0.5)
    [0, 0, 1]
    """
    n = len(sim)
    if n == 0:
        return []
    if n == 1:
        return [0]
    dist = np.clip(1.0 - np.asarray(sim, dtype=float), 0.0, None)
    dist = (dist + dist.T) / 2
    np.fill_diagonal(dist, 0.0)
    tree = linkage(squareform(dist, checks=False), method="average")
    # Average linkage never decreases up the tree, so cutting at 1 - threshold keeps
    # exactly the merges whose mean similarity reached the threshold.
    flat = fcluster(tree, t=1.0 - threshold + 1e-12, criterion="distance")
    order: dict[int, int] = {}
    return [order.setdefault(int(c), len(order)) for c in flat]
