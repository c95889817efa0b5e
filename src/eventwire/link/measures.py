"""Measurements a report states of its incident, and when two reports contradict.

Some figures are fixed once an incident happened and every report of it repeats them
within a little: an earthquake's magnitude. Two reports whose leads state values of
one kind further apart than agencies and revisions differ report two incidents, even
when the rest (same island, same words, no people) reads alike. The kinds, their cue
words and tolerances are data (``data/measures.yaml``); tolls and counts are left out
on purpose, since they rise as reports come in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from eventwire.data import read_table

from .errors import LinkDataError

_NUMBER = re.compile(r"\d{1,2}(?:\.\d)?")
_HYPHENS = re.compile(r"[-–]")


@dataclass(frozen=True, slots=True)
class Measure:
    """One kind of measurement: the words that mark it, its range and its tolerance."""

    kind: str
    cues: frozenset[str]
    before: frozenset[str]
    window: int
    low: float
    high: float
    tolerance: float


@lru_cache(maxsize=1)
def measures() -> tuple[Measure, ...]:
    """The kinds listed in ``data/measures.yaml`` (read once per process)."""
    raw = read_table("measures.yaml", LinkDataError, "measurement table")
    out = []
    for kind, row in ((raw or {}).get("measures") or {}).items():
        try:
            low, high = (float(v) for v in row["range"])
            out.append(Measure(
                kind=str(kind),
                cues=frozenset(w.lower() for w in row["cues"]),
                before=frozenset(w.lower() for w in row.get("before", [])),
                window=int(row.get("window", 4)),
                low=low,
                high=high,
                tolerance=float(row["tolerance"]),
            ))
        except (KeyError, TypeError, ValueError) as exc:
            raise LinkDataError(
                f"measures.yaml: measure {kind!r} needs 'cues', 'range' [low, high] and "
                f"'tolerance' ({exc})"
            ) from exc
    return tuple(out)


def _words(sent) -> list[str]:
    """The sentence's words, lower-cased, hyphenated tokens split ("magnitude-5.2",
    "-magnitude" and "5.6-magnitude" all give the number and the word apart)."""
    return [part for t in sent for part in _HYPHENS.split(t.lower_) if part]


def _is_measure(words: list[str], i: int, measure: Measure) -> bool:
    near = words[max(0, i - measure.window) : i + measure.window + 1]
    if any(w in measure.cues for w in near):
        return True
    return "." in words[i] and i + 1 < len(words) and words[i + 1] in measure.before


def stated_measures(sentences: Iterable) -> dict[str, list[float]]:
    """Values of each kind stated in the given sentences (spaCy spans), in order.

    >>> import spacy
    >>> doc = spacy.blank("en")("A magnitude-5.6 quake hit the island, injuring 5.")
    >>> stated_measures([doc[:]])
    {'magnitude': [5.6]}
    """
    out: dict[str, list[float]] = {}
    for sent in sentences:
        words = _words(sent)
        for i, word in enumerate(words):
            if not _NUMBER.fullmatch(word):
                continue
            value = float(word)
            for measure in measures():
                if measure.low <= value <= measure.high and _is_measure(words, i, measure):
                    out.setdefault(measure.kind, []).append(value)
    return out


def measures_conflict(a: dict[str, list[float]], b: dict[str, list[float]]) -> bool:
    """Two reports state one kind of measurement with values further apart than its
    tolerance allows, every value of one against every value of the other.

    >>> measures_conflict({"magnitude": [5.6]}, {"magnitude": [5.9, 6.1]})
    True
    >>> measures_conflict({"magnitude": [5.9]}, {"magnitude": [6.1]})
    False
    """
    for measure in measures():
        va, vb = a.get(measure.kind), b.get(measure.kind)
        if va and vb and min(abs(x - y) for x in va for y in vb) > measure.tolerance + 1e-9:
            return True
    return False
