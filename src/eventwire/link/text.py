"""Plain-text features shared by copy detection and incident linking (no language model)."""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*")
_NUMBER = re.compile(r"\d[\d,.]*")
# A sentence ends at . ! ? (or a closing quote after one) followed by space, or at a newline.
_SENT_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“(A-Z0-9])|\n+")
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:[- ][A-Z][a-z]+)*")


def words(text: str) -> list[str]:
    """Lower-cased word and number tokens."""
    return [w.lower().strip("'’-") for w in _WORD.findall(text)]


def stem(word: str) -> str:
    """A crude stem (first six letters), enough to match "attacked" with "attacks"."""
    return word[:6]


def content_words(text: str) -> set[str]:
    """Stems of the words that carry content (no stop words, no one-letter words)."""
    return {stem(w) for w in words(text) if len(w) > 2 and w not in STOP_WORDS}


def numbers(text: str) -> set[str]:
    """Numbers written in digits, normalised ("1,200" -> "1200")."""
    return {n.rstrip(".,").replace(",", "") for n in _NUMBER.findall(text)}


def names(text: str) -> set[str]:
    """Capitalised words that are not sentence-initial: a cheap stand-in for proper names."""
    return {m.group(0).lower() for m in _NAME.finditer(text)}


def sentences(text: str, min_words: int = 5) -> list[str]:
    """Sentences (and lines) of at least ``min_words`` words."""
    parts = (p.strip() for p in _SENT_END.split(text))
    return [p for p in parts if len(_WORD.findall(p)) >= min_words]


def shingles(text: str, k: int = 5) -> set[str]:
    """Word k-shingles of the lower-cased text."""
    toks = words(text)
    if len(toks) < k:
        return {" ".join(toks)} if toks else set()
    return {" ".join(toks[i : i + k]) for i in range(len(toks) - k + 1)}


def dice(a: set[str], b: set[str]) -> float:
    """Dice overlap of two sets (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def containment(a: set[str], b: set[str]) -> float:
    """Share of the smaller set found in the larger one."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))
