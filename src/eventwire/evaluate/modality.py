"""Modality of sentences: did it happen, is it threatened, planned, hypothetical,
negated, denied or claimed? Scored on a JSONL file of ``{"text", "modality"}`` lines.

The label of a sentence is read off what the extractor gives for it, in this order:
a denial, a claim, a plan, a threat, an occurred happening, then a hypothetical or
negated one; a sentence with none of these is "none".
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.evaluate.jsonl import jsonl_rows
from eventwire.extract.mentions import extract_mentions
from eventwire.model import Article, Mention
from eventwire.nlp import load_nlp

LABELS = ("occurred", "threatened", "planned", "hypothetical", "negated", "denied", "claimed")


class ModalityDataError(ValueError):
    """The test file is missing or a line is not a {"text", "modality"} object."""


def sentence_label(mentions: list[Mention]) -> str:
    """The modality a reader would give a sentence from its extracted mentions."""
    found = {m.modality for m in mentions}
    kinds = {(m.kind, m.statement_type) for m in mentions}
    if "denied" in found or ("statement", "denial") in kinds:
        return "denied"
    if "claimed" in found or ("statement", "claim") in kinds:
        return "claimed"
    for label in ("planned", "threatened", "occurred", "hypothetical", "negated"):
        if label in found:
            return label
    return "none"


@dataclass
class ModalityScores:
    n: int = 0
    correct: int = 0
    per_label: dict[str, list[int]] = field(default_factory=dict)  # label -> [right, total]
    confusions: Counter = field(default_factory=Counter)
    errors: list[tuple[str, str, str]] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "accuracy": round(self.correct / self.n, 4) if self.n else 0.0,
            "n": self.n,
            "per_label": {k: round(r / t, 4) for k, (r, t) in sorted(self.per_label.items())},
        }


def read_items(path: Path) -> list[dict]:
    items = []
    for where, item in jsonl_rows(path, ModalityDataError):
        try:
            if item["modality"] not in LABELS or not isinstance(item["text"], str):
                raise KeyError("modality")
        except (KeyError, TypeError) as exc:
            raise ModalityDataError(f"{where}: expected an object with "
                                    f"'text' and a 'modality' in {LABELS}") from exc
        items.append(item)
    return items


def evaluate_modality(path: Path) -> ModalityScores:
    """Score the extractor's modality on every sentence of the file."""
    nlp = load_nlp()
    scores = ModalityScores()
    items = read_items(path)
    for item, doc in zip(items, nlp.pipe(i["text"] for i in items), strict=True):
        got = sentence_label(extract_mentions(doc, Article(id="m", text=item["text"])))
        gold = item["modality"]
        scores.n += 1
        right = got == gold
        scores.correct += right
        tally = scores.per_label.setdefault(gold, [0, 0])
        tally[0] += right
        tally[1] += 1
        if not right:
            scores.confusions[(gold, got)] += 1
            scores.errors.append((gold, got, item["text"]))
    return scores
