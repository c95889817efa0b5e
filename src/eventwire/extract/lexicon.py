"""Loading of the extractor's data tables (trigger lexicon, number words)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from eventwire.data import read_table


def load_data_yaml(name: str) -> Any:
    """Read a YAML table shipped in ``eventwire/data``."""
    return read_table(name)


@dataclass(frozen=True)
class Lexicon:
    """The trigger lexicon, split into single lemmas and two-word phrases."""

    verb_triggers: dict[str, str]
    noun_triggers: dict[str, str]
    needs_violence_context: frozenset[str]
    violence_context: frozenset[str]
    statements: dict[str, str]
    reporting_verbs: frozenset[str]
    instruments: dict[str, str]
    munitions: frozenset[str]
    outcomes: dict[str, str]
    modality_cues: dict[str, frozenset[str]]
    civilian_targets: frozenset[str]
    place_nouns: frozenset[str]
    cardinals: dict[str, int]
    vague_numbers: dict[str, tuple[int, int, int]]
    gate_words: tuple[str, ...]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicon, read once per process."""
    trig = load_data_yaml("triggers.yaml")
    nums = load_data_yaml("number_words.yaml")
    events = trig["events"]
    return Lexicon(
        verb_triggers=dict(events["verbs"]),
        noun_triggers=dict(events["nouns"]),
        needs_violence_context=frozenset(events["needs_violence_context"]),
        violence_context=frozenset(trig["violence_context"]),
        statements=dict(trig["statements"]),
        reporting_verbs=frozenset(trig["reporting_verbs"]),
        instruments=dict(trig["instruments"]),
        munitions=frozenset(trig["munitions"]),
        outcomes=dict(trig["outcomes"]),
        modality_cues={k: frozenset(v) for k, v in trig["modality_cues"].items()},
        civilian_targets=frozenset(trig["civilian_targets"]),
        place_nouns=frozenset(trig["place_nouns"]),
        cardinals={str(k): int(v) for k, v in nums["cardinals"].items()},
        vague_numbers={str(k): tuple(v) for k, v in nums["vague"].items()},
        gate_words=tuple(trig["gate_words"]),
    )


@lru_cache(maxsize=1)
def _word_sets() -> dict[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in load_data_yaml("role_words.yaml").items()}


def word_set(name: str) -> frozenset[str]:
    """One word list of ``data/role_words.yaml`` ("victim_verbs", "light_verbs", ...)."""
    try:
        return _word_sets()[name]
    except KeyError as exc:
        raise KeyError(f"role_words.yaml has no list {name!r}") from exc
