"""Copies of one story: syndicated wire copy and machine-reworded republications.

Two checks, cheapest first:

- near-duplicates share long word sequences: containment of word 5-shingles;
- reworded copies (synonym swaps, shuffled clauses) lose the shingles but keep the
  story's sentences one for one, in order: most sentences of the shorter text have a
  close counterpart (sentence embeddings, or word overlap without them) and the
  counterparts run in the same order.

Two independent reports of one incident share names, numbers and perhaps a quoted
statement, but not most of their sentences in order; that is the line drawn here.

``CopyIndex`` finds candidates with MinHash LSH (over shingles, and over names and
numbers, which survive rewording) so a new report is compared with a few stored
ones, not all of them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date

import numpy as np
from datasketch import MinHash, MinHashLSH

from eventwire.model import Article

from . import embed as embedding
from .text import containment, content_words, dice, names, numbers, sentences, shingles

SHINGLE_CONTAINMENT = 0.5  # share of the shorter text's 5-shingles found in the other
SENTENCE_EMBED_MIN = 0.78  # cosine for two sentences to count as one sentence reworded
SENTENCE_WORDS_MIN = 0.45  # Dice of content stems, the fallback without embeddings
ALIGNED_SHARE = 0.55  # share of the shorter text's sentences with a counterpart
# Share of the longer text's sentences that are counterparts: a copy tells about as
# much as its original, while a brief retelling of a story covers a small part of it.
LONGER_SHARE = 0.5
IN_ORDER_SHARE = 0.7  # share of those counterparts that keep the original order
MIN_SENTENCES = 3  # below this a text is too short to call a copy by rewording


@dataclass(frozen=True, slots=True)
class CopyMatch:
    """``article_id`` is the article copied from; ``method`` is exact, shingles or reworded."""

    article_id: str
    similarity: float
    method: str


@dataclass(slots=True)
class CopyFeatures:
    """An article's digest, shingles, names/numbers and sentences, for copy checks."""

    id: str
    published_at: date | None
    digest: str
    shingles: set[str]
    names: set[str]
    sentences: list[str]
    stems: list[set[str]]
    vectors: np.ndarray | None = field(default=None)


def features_of(article: Article) -> CopyFeatures:
    """What copy detection compares, computed once per article (embeddings on demand)."""
    text = article.text
    sents = sentences(text)
    norm = " ".join(text.split()).casefold()
    return CopyFeatures(
        id=article.id,
        published_at=article.published_at,
        digest=hashlib.sha1(norm.encode("utf-8")).hexdigest(),
        shingles=shingles(text),
        names=names(text) | numbers(text),
        sentences=sents,
        stems=[content_words(s) for s in sents],
    )


def _vectors(f: CopyFeatures, use_embeddings: bool) -> np.ndarray | None:
    if not use_embeddings or not f.sentences or not embedding.available():
        return None
    if f.vectors is None:
        f.vectors = embedding.embed(f.sentences)
    return f.vectors


def _longest_increasing(seq: list[int]) -> int:
    tails: list[int] = []
    for x in seq:
        lo, hi = 0, len(tails)
        while lo < hi:
            mid = (lo + hi) // 2
            if tails[mid] < x:
                lo = mid + 1
            else:
                hi = mid
        if lo == len(tails):
            tails.append(x)
        else:
            tails[lo] = x
    return len(tails)


def _alignment(
    short: CopyFeatures, long: CopyFeatures, use_embeddings: bool
) -> tuple[float, float, float]:
    """Shares: short's sentences with a counterpart in long, of those kept in order, and
    of long's sentences that are counterparts."""
    vs, vl = _vectors(short, use_embeddings), _vectors(long, use_embeddings)
    if vs is not None and vl is not None:
        sims = vs @ vl.T
        cut = SENTENCE_EMBED_MIN
    else:
        sims = np.array([[dice(a, b) for b in long.stems] for a in short.stems])
        cut = SENTENCE_WORDS_MIN
    best = sims.argmax(axis=1)
    hit = sims.max(axis=1) >= cut
    aligned = [int(j) for j, ok in zip(best, hit, strict=True) if ok]
    if not aligned:
        return 0.0, 0.0, 0.0
    return (
        len(aligned) / len(short.sentences),
        _longest_increasing(aligned) / len(aligned),
        len(set(aligned)) / len(long.sentences),
    )


def compare_features(
    a: CopyFeatures, b: CopyFeatures, use_embeddings: bool
) -> tuple[float, str] | None:
    """(similarity, method) when two articles' features say one story, else None."""
    if a.digest == b.digest:
        return 1.0, "exact"
    shared = containment(a.shingles, b.shingles)
    if shared >= SHINGLE_CONTAINMENT:
        return shared, "shingles"
    short, long = sorted((a, b), key=lambda f: len(f.sentences))
    if len(short.sentences) < MIN_SENTENCES:
        return None
    aligned, in_order, covered = _alignment(short, long, use_embeddings)
    if aligned >= ALIGNED_SHARE and in_order >= IN_ORDER_SHARE and covered >= LONGER_SHARE:
        return aligned, "reworded"
    return None


def is_copy(a: Article, b: Article, use_embeddings: bool = True) -> CopyMatch | None:
    """A CopyMatch naming ``b`` when ``a`` is a copy of ``b`` (or one story with it), else None.

    The check is symmetric; which of two copies is the original is decided by the
    caller (``CopyIndex`` takes the earliest published).

    >>> from eventwire.model import Article
    >>> story = "Two drones struck a base in western Iraq on Wednesday. " * 3
    >>> is_copy(Article(id="b", text=story), Article(id="a", text=story)).method
    'exact'
    """
    found = compare_features(features_of(a), features_of(b), use_embeddings)
    if found is None:
        return None
    return CopyMatch(article_id=b.id, similarity=round(found[0], 3), method=found[1])


def _minhash(tokens: set[str], num_perm: int) -> MinHash:
    m = MinHash(num_perm=num_perm)
    for t in tokens:
        m.update(t.encode("utf-8"))
    return m


class CopyIndex:
    """Stored articles, searchable for the one a new article copies.

    >>> from eventwire.model import Article
    >>> index = CopyIndex(use_embeddings=False)
    >>> story = "Two drones struck a base in western Iraq on Wednesday, officials said. " * 4
    >>> index.add(Article(id="wire-1", text=story))
    >>> index.find_original(Article(id="site-9", text=story + " Read more.")).article_id
    'wire-1'
    """

    def __init__(self, num_perm: int = 128, use_embeddings: bool = True) -> None:
        self.num_perm = num_perm
        self.use_embeddings = use_embeddings
        # Low thresholds: LSH only proposes candidates, the pairwise check decides.
        self._by_shingles = MinHashLSH(threshold=0.3, num_perm=num_perm)
        self._by_names = MinHashLSH(threshold=0.3, num_perm=num_perm)
        self._features: dict[str, CopyFeatures] = {}
        self._copy_of: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._features)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._features

    def _candidates(self, f: CopyFeatures) -> set[str]:
        found: set[str] = set()
        if f.shingles:
            found.update(self._by_shingles.query(_minhash(f.shingles, self.num_perm)))
        if f.names:
            found.update(self._by_names.query(_minhash(f.names, self.num_perm)))
        found.discard(f.id)
        return found

    def _matches(self, f: CopyFeatures) -> list[tuple[str, float, str]]:
        out = []
        for cid in sorted(self._candidates(f)):
            found = compare_features(f, self._features[cid], self.use_embeddings)
            if found:
                out.append((cid, found[0], found[1]))
        return out

    def add(self, article: Article) -> CopyMatch | None:
        """Index an article; returns what it copies (as ``find_original`` would), if anything.

        Adding an id twice is a no-op the second time.
        """
        if article.id in self._features:
            return self.find_original(article)
        f = features_of(article)
        match = self._find(f)
        self._features[f.id] = f
        if f.shingles:
            self._by_shingles.insert(f.id, _minhash(f.shingles, self.num_perm))
        if f.names:
            self._by_names.insert(f.id, _minhash(f.names, self.num_perm))
        if match is not None:
            self._copy_of[f.id] = match.article_id
        else:
            # Reports arrive in any order: stored versions published after this one
            # are copies of it, and now point to it.
            mine = f.published_at or date.max
            for cid, _, _ in self._matches(f):
                root = self._root(cid)
                if root != f.id and (self._features[root].published_at or date.max) > mine:
                    self._copy_of[root] = f.id
        return match

    def _root(self, article_id: str) -> str:
        seen = set()
        while article_id in self._copy_of and article_id not in seen:
            seen.add(article_id)
            article_id = self._copy_of[article_id]
        return article_id

    def _find(self, f: CopyFeatures) -> CopyMatch | None:
        matches = [m for m in self._matches(f) if self._root(m[0]) != f.id]
        if not matches:
            return None
        # The original is the earliest published of the story's versions (undated ones
        # last); a version that is itself a copy points on to its own original.
        def age(item: tuple[str, float, str]) -> tuple[date, str]:
            root = self._features[self._root(item[0])]
            return (root.published_at or date.max, root.id)

        cid, sim, method = min(matches, key=age)
        root = self._root(cid)
        mine = f.published_at or date.max
        theirs = self._features[root].published_at or date.max
        if mine < theirs:
            # The newcomer is older than what we hold: it is the original, not a copy.
            return None
        return CopyMatch(article_id=root, similarity=round(sim, 3), method=method)

    def find_original(self, article: Article) -> CopyMatch | None:
        """The stored article this one copies (the story's earliest version), or None."""
        if article.id in self._copy_of:
            cid = self._copy_of[article.id]
            f = self._features[article.id]
            found = compare_features(f, self._features[cid], self.use_embeddings)
            sim, method = found if found else (0.0, "recorded")
            return CopyMatch(self._root(cid), round(sim, 3), method)
        f = self._features.get(article.id) or features_of(article)
        return self._find(f)

    def copies_of(self, article_id: str) -> list[str]:
        """Ids of indexed articles recorded as copies of ``article_id`` (directly or not)."""
        return sorted(a for a in self._copy_of if self._root(a) == article_id)
