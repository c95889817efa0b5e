"""Reports about one incident, at the level of whole documents.

For news that is not (or not only) conflict events, the pipeline still gives what
ties two reports to one real-world happening: the names (people, organisations,
places) and figures (amounts, counts, magnitudes), the dates, the trigger words, and
what the text says (its content words and its meaning as a sentence embedding). A
``DocProfile`` holds those; ``similarity`` compares all pairs of a collection;
``cluster`` groups them by average linkage.

Look-alike incidents (the same kind of event with other people, another day) read
alike in every component, so a contradiction weighs against them on top of the sum:
two reports each centred on a different named person (``people_conflict``), or whose
leads state a fixed measurement of the incident far apart (an earthquake's magnitude,
``link/measures.py``). A report without a year is still dated by the months it
names ("since the first week of December").

Used to evaluate linking on ECB+ (``eventwire eval incidents``), and usable to group
reports before event-level linking.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform
from sklearn.feature_extraction.text import TfidfVectorizer

from eventwire.model import Article, When
from eventwire.resolve.times_words import phrases

from .errors import LinkInputError
from .measures import measures_conflict, stated_measures

_CONTENT_POS = {"NOUN", "PROPN", "VERB", "NUM", "ADJ"}
_NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART"}
_FIGURE_LABELS = {"MONEY", "QUANTITY", "PERCENT", "CARDINAL"}
_YEAR = re.compile(r"^(1[89]|20)\d\d$")  # years are dates, compared as such
_LEAD_SENTENCES = 4  # the lead of a news story says what happened; the rest is background

# How the similarity components add up. Set by reasoning about what each one is
# worth, then checked on the ECB+ training topics (see docs/quality-linking.md).
WEIGHTS = {"words": 0.3, "names": 0.3, "meaning": 0.25, "dates": 0.15}
# What is left of the similarity of two reports centred on different people. Set by
# reasoning (strong evidence, but name tagging errs), then checked on the ECB+
# training topics (see docs/quality-linking.md).
PEOPLE_CONFLICT_FACTOR = 0.6
# What is left of the similarity of two reports whose leads state one kind of
# measurement far apart (link/measures.py). Set to the same value by reasoning: strong
# evidence, but a lead may state another quake's magnitude; not tuned.
MEASURE_CONFLICT_FACTOR = 0.6


@dataclass(slots=True)
class DocProfile:
    """What one report says about its incident, in comparable form."""

    id: str
    lemmas: list[str]
    names: list[str]
    dates: set[str]
    lead: str
    triggers: list[str] = field(default_factory=list)
    # How often each person is named, by surname (the last word of the name).
    people: dict[str, int] = field(default_factory=dict)
    # Months of the year the report dates things to, with or without a year.
    months: set[int] = field(default_factory=set)
    # Measurements the lead states ({"magnitude": [5.6]}), see link/measures.py.
    measures: dict[str, list[float]] = field(default_factory=dict)


def _figures(doc) -> list[str]:
    """Amounts and counts ("$200 million", "6.1", "40"), years left out, as name-like tokens.

    Reports of one incident repeat its figures (a toll, a magnitude, a sum); a look-alike
    incident has its own.
    """
    out = []
    for ent in doc.ents:
        if ent.label_ not in _FIGURE_LABELS:
            continue
        parts = [t.text.lower() for t in ent if t.like_num or t.text in "$€£"]
        parts = [p for p in parts if not _YEAR.match(p)]
        if parts and parts not in (["one"], ["1"]):
            out.append("#" + "_".join(parts))
    return out


def _months_named(doc) -> set[int]:
    """Months named in dates ("the first week of December", "Dec. 9"), year or not."""
    table = phrases()["months"]
    return {
        table[t.lower_.rstrip(".")]
        for ent in doc.ents
        if ent.label_ == "DATE"
        for t in ent
        if t.is_title and t.lower_.rstrip(".") in table
    }


def _people(doc) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            counts[ent[-1].text.lower()] += 1
    return dict(counts)


def main_person(profile: DocProfile) -> str | None:
    """The person a report is about: named at least twice and more often than anyone else.

    >>> main_person(DocProfile("d", [], [], set(), "", people={"jackson": 4, "smith": 1}))
    'jackson'
    """
    ranked = Counter(profile.people).most_common(2)
    if not ranked or ranked[0][1] < 2:
        return None
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return ranked[0][0]


def people_conflict(a: DocProfile, b: DocProfile) -> bool:
    """Two reports centred on different people, each naming the other's at most once.

    A report of one incident may name someone else's earlier case in passing ("Jackson
    was arrested last month too"); it does not centre on them.
    """
    pa, pb = main_person(a), main_person(b)
    if pa is None or pb is None or pa == pb:
        return False
    return b.people.get(pa, 0) < 2 and a.people.get(pb, 0) < 2


def profile_from_doc(
    article: Article, doc, whens: Sequence[When] = (), triggers: Sequence[str] = ()
) -> DocProfile:
    """A profile from the article, its spaCy parse, its resolved times and trigger words.

    Dates count at month precision ("2013-05") and as years: reports of one incident
    agree on those even when they date it to different days; the months of the year
    named ("December", year or not) are kept too. Figures join the names; the
    measurements the lead states are kept apart (``link/measures.py``).
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
    names += _figures(doc)
    dates: set[str] = set()
    months = _months_named(doc)
    for when in whens:
        if when.fallback or when.precision == "year":
            dates.add(f"{when.start.year}")
            continue
        dates.update({f"{when.start.year}", f"{when.start.year}-{when.start.month:02d}"})
        months.add(when.start.month)
    sents = [s for s in doc.sents if len(s) > 3]
    lead_text = [s.text.strip() for s in sents[:_LEAD_SENTENCES]]
    lead = " ".join(([article.title] if article.title else []) + lead_text)
    return DocProfile(
        id=article.id,
        lemmas=lemmas,
        names=names,
        dates=dates,
        lead=lead,
        triggers=[t.lower() for t in triggers],
        people=_people(doc),
        months=months,
        measures=stated_measures(sents[:_LEAD_SENTENCES]),
    )


def _tfidf_cosine(docs: list[list[str]]) -> np.ndarray:
    if not any(docs):
        return np.zeros((len(docs), len(docs)))
    vec = TfidfVectorizer(analyzer=lambda d: d, sublinear_tf=True, min_df=1)
    m = vec.fit_transform(docs)
    return (m @ m.T).toarray()


def _date_agreement(profiles: Sequence[DocProfile]) -> np.ndarray:
    """Overlap of the years and months two reports date things to; where one names no
    year, overlap of the months of the year they name; else 0.5."""
    n = len(profiles)
    out = np.full((n, n), 0.5)  # no dates on one side: no evidence either way
    for i in range(n):
        for j in range(i, n):
            a, b = profiles[i].dates, profiles[j].dates
            if not (a and b):
                # A report without a year may still name the month ("since the first
                # week of December"): months of the year are compared then.
                a, b = profiles[i].months, profiles[j].months
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
    """One pairwise similarity matrix (0..1): the weighted sum of the components, scaled
    down by ``PEOPLE_CONFLICT_FACTOR`` for two reports centred on different people and
    by ``MEASURE_CONFLICT_FACTOR`` for two whose leads state measurements far apart."""
    comps = similarity_components(profiles, vectors)
    w = dict(weights or WEIGHTS)
    if "meaning" not in comps:
        w["words"] = w.get("words", 0.0) + w.pop("meaning", 0.0)
    total = sum(w[k] for k in comps if k in w) or 1.0
    sim = sum(w.get(k, 0.0) * m for k, m in comps.items()) / total
    return sim * _conflict_factors(profiles)


def _conflict_factors(profiles: Sequence[DocProfile]) -> np.ndarray:
    n = len(profiles)
    out = np.ones((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            if people_conflict(profiles[i], profiles[j]):
                out[i, j] *= PEOPLE_CONFLICT_FACTOR
            if measures_conflict(profiles[i].measures, profiles[j].measures):
                out[i, j] *= MEASURE_CONFLICT_FACTOR
            out[j, i] = out[i, j]
    return out


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
