"""The relevance gate: does a report hold any conflict or political event at all?

It runs before the parse, so it must be cheap: word 1-2 grams are hashed into a fixed-size
vector (no vocabulary to store, no spaCy) and scored by one logistic regression. A report is
scored sentence by sentence and keeps its best sentence's score, so a long article with one
relevant paragraph is not diluted by the rest.

The weights are written by ``scripts/train_classifier.py`` to
``eventwire/data/models/gate.npz`` (tens of kilobytes).

>>> is_relevant("Gunmen attacked a police post, killing two officers.")  # doctest: +SKIP
True
>>> is_relevant("The central bank kept its interest rate unchanged on Thursday.")  # doctest: +SKIP
False
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

GATE_NAME = "gate.npz"
N_FEATURES = 2**16
NGRAMS = (1, 2)
# Split on sentence ends and line breaks; good enough for scoring, and far cheaper than a parse.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
# Very long inputs: only the first part is scored (lead paragraphs carry the news).
MAX_CHARS = 20000
# A report holding no event word passes on its weights only above this score. The weights'
# own threshold keeps 99% of event sentences, which lets almost all ordinary news through;
# with the words keeping events, a stricter bar skips ordinary news (chosen on CASE dev and
# our sets: no ACLED dev row lost, 3 of the 6 ordinary bench reports skipped).
WORDLESS_THRESHOLD = 0.45
# Share of event sentences the threshold keeps under cross-validation. The gate only has to
# skip plainly ordinary news; a lost event costs more than a needless parse.
DEFAULT_RECALL = 0.99


class GateError(RuntimeError):
    """The gate weights are missing or malformed."""


def default_path() -> Path:
    return Path(str(resources.files("eventwire") / "data" / "models" / GATE_NAME))


@lru_cache(maxsize=1)
def _vectorizer():
    from sklearn.feature_extraction.text import HashingVectorizer

    return HashingVectorizer(
        n_features=N_FEATURES,
        ngram_range=NGRAMS,
        alternate_sign=False,
        binary=True,
        norm="l2",
        lowercase=True,
    )


def features(texts: Sequence[str]):
    """The hashed sparse features the gate reads (shared with training)."""
    return _vectorizer().transform(list(texts))


@dataclass(frozen=True)
class Gate:
    """Hashed-feature logistic regression with a decision threshold."""

    coef: np.ndarray  # shape (N_FEATURES,)
    intercept: float
    threshold: float

    @classmethod
    def load(cls, path: str | Path | None = None) -> Gate:
        return _load_cached(str(Path(path) if path else default_path()))

    def sentence_scores(self, sentences: Sequence[str]) -> np.ndarray:
        if not sentences:
            return np.zeros(0)
        logits = features(sentences) @ self.coef + self.intercept
        return 1.0 / (1.0 + np.exp(-logits))

    def score(self, text: str) -> float:
        """Probability-like score in [0, 1] that ``text`` reports a conflict/political event."""
        if not isinstance(text, str):
            raise TypeError(f"gate expects text, got {type(text).__name__}")
        parts = [p for p in _SENTENCE_END.split(text[:MAX_CHARS]) if p.strip()]
        if not parts:
            return 0.0
        # The whole text is scored too: a snippet's words together can outweigh each sentence.
        scores = self.sentence_scores([*parts, text[:MAX_CHARS]])
        return float(scores.max())

    def is_relevant(self, text: str, threshold: float | None = None) -> bool:
        """An event word keeps the text; without one, its score must clear the bar."""
        if names_an_event(text):
            return True
        bar = max(self.threshold if threshold is None else threshold, WORDLESS_THRESHOLD)
        return self.score(text) >= bar


@lru_cache(maxsize=4)
def _load_cached(path: str) -> Gate:
    file = Path(path)
    if not file.is_file():
        raise GateError(f"gate weights {file} not found; build them with `make train`")
    try:
        with np.load(file) as data:
            coef = np.asarray(data["coef"], dtype=np.float64)
            intercept = float(data["intercept"])
            threshold = float(data["threshold"])
    except (OSError, KeyError, ValueError) as exc:
        raise GateError(f"cannot read gate weights {file}: {exc}") from exc
    if coef.shape != (N_FEATURES,):
        raise GateError(f"{file}: expected {N_FEATURES} weights, found shape {coef.shape}")
    return Gate(coef=coef, intercept=intercept, threshold=threshold)


def relevance_score(text: str) -> float:
    """Score in [0, 1] from the packaged gate (see :class:`Gate`)."""
    return Gate.load().score(text)


def is_relevant(text: str, threshold: float | None = None) -> bool:
    """True when ``text`` names an event outright (``gate_words`` of ``data/triggers.yaml``),
    or, holding none of those words, scores clearly on the packaged gate's weights.

    >>> is_relevant("ISKP claimed a bombing in Kabul that killed six people.")  # doctest: +SKIP
    True
    """
    return Gate.load().is_relevant(text, threshold)


@lru_cache(maxsize=1)
def _gate_words() -> re.Pattern[str]:
    from eventwire.extract.lexicon import lexicon

    words = sorted(lexicon().gate_words, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)


def names_an_event(text: str) -> bool:
    """The text holds a word that on its own tells of an event ("killed", "airstrike")."""
    return _gate_words().search(text[:MAX_CHARS]) is not None


def fit_gate(
    texts: Sequence[str], relevant: Sequence[bool], *, seed: int = 0, c: float = 4.0
) -> tuple[np.ndarray, float]:
    """Train the gate's weights; returns (coef, intercept). The threshold is chosen apart."""
    from sklearn.linear_model import LogisticRegression

    y = np.asarray(relevant, dtype=int)
    if len(set(y.tolist())) < 2:
        raise ValueError("gate training needs both relevant and irrelevant examples")
    # liblinear: a binary problem over 65k sparse columns, where lbfgs spends most of its time
    # on the dense weight vector.
    model = LogisticRegression(
        C=c, solver="liblinear", max_iter=3000, class_weight="balanced", random_state=seed
    )
    model.fit(features(texts), y)
    return model.coef_[0].astype(np.float32), float(model.intercept_[0])


def choose_threshold(
    texts: Sequence[str], relevant: Sequence[bool], recall: float = DEFAULT_RECALL, seed: int = 0
) -> float:
    """The threshold keeping ``recall`` of relevant texts, from 5-fold cross-validated scores."""
    from sklearn.model_selection import StratifiedKFold

    y = np.asarray(relevant, dtype=bool)
    scores = np.zeros(len(texts))
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=seed)
    for train, test in folds.split(np.zeros(len(texts)), y):
        coef, b = fit_gate([texts[i] for i in train], y[train].tolist(), seed=seed)
        g = Gate(coef=coef.astype(np.float64), intercept=b, threshold=0.5)
        scores[test] = [g.score(texts[i]) for i in test]
    return float(np.quantile(scores[y], 1.0 - recall))


def save_gate(coef: np.ndarray, intercept: float, threshold: float, path: str | Path) -> Path:
    file = Path(path)
    file.parent.mkdir(parents=True, exist_ok=True)
    # np.savez_compressed embeds no timestamps, so the same weights give the same bytes.
    np.savez_compressed(
        file,
        coef=coef.astype(np.float32),
        intercept=np.float64(intercept),
        threshold=np.float64(threshold),
    )
    return file
