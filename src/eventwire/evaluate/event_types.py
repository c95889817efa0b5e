"""Score sub-event typing and the relevance gate on CASE 2021 data (id, EventSnippet, SubType).

Rows whose gold code is one of ACLED's 25 are scored as in the shared task (accuracy,
micro/macro/weighted F1, per-type table, worst confusions). A row the gate rejects counts as
predicted "uncoded", i.e. wrong: that is what the pipeline would do with it. Rows with other
codes (ORG_CRIME, DIPLO, ...) are scored apart: the share the gate correctly leaves uncoded.

>>> rows = read_case_tsv("../shared/eval/case2021/dev.tsv")   # doctest: +SKIP
>>> report = evaluate(rows, shipped_predictor())               # doctest: +SKIP
>>> round(report.summary()["weighted_f1"], 3)                  # doctest: +SKIP
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from eventwire.evaluate.jsonl import jsonl_rows
from eventwire.extract import ontology

UNCODED = "UNCODED"
# A predictor maps snippets to (code the classifier picks, whether the snippet is kept as an
# event, and optionally whether the cheap gate alone kept it).
Predictor = Callable[[Sequence[str]], list[tuple]]


class EvalDataError(ValueError):
    """The gold file is missing, or not in the CASE 2021 format."""


@dataclass(frozen=True, slots=True)
class CaseRow:
    id: str
    text: str
    code: str


def read_case_tsv(path: str | Path) -> list[CaseRow]:
    """Read a CASE 2021 TSV with a header ``id, EventSnippet, SubType``."""
    file = Path(path)
    try:
        handle = file.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise EvalDataError(f"cannot read {file}: {exc.strerror or exc}") from exc
    with handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        needed = {"id", "EventSnippet", "SubType"}
        if reader.fieldnames is None or not needed <= set(reader.fieldnames):
            raise EvalDataError(
                f"{file}: expected a tab-separated header with columns id, EventSnippet, "
                f"SubType; found {reader.fieldnames}"
            )
        rows = []
        for n, rec in enumerate(reader, start=2):
            text, code = (rec.get("EventSnippet") or "").strip(), (rec.get("SubType") or "").strip()
            if not text or not code:
                raise EvalDataError(f"{file}:{n}: empty snippet or code")
            rows.append(CaseRow(id=str(rec["id"]), text=text, code=code))
    if not rows:
        raise EvalDataError(f"{file}: no rows")
    return rows


@dataclass
class EventTypeReport:
    n: int  # ACLED rows scored
    accuracy: float
    micro_f1: float
    macro_f1: float
    weighted_f1: float
    weighted_f1_no_gate: float  # the classifier alone, as if the gate let everything through
    accuracy_no_gate: float
    n_uncoded: int  # rows with non-ACLED codes
    gate_reject_accuracy: float | None  # share of those the gate rejects
    gate_false_reject: float  # share of ACLED rows the gate wrongly rejects
    cheap_gate_reject_accuracy: float | None = None  # the hashed-feature gate alone
    cheap_gate_false_reject: float | None = None
    per_type: list[dict[str, Any]] = field(default_factory=list)
    confusions: list[dict[str, Any]] = field(default_factory=list)
    uncoded_by_code: dict[str, dict[str, int]] = field(default_factory=dict)
    mode: str = "shipped model"

    def summary(self) -> dict[str, Any]:
        keys = (
            "weighted_f1", "macro_f1", "micro_f1", "n", "gate_reject_accuracy", "accuracy",
            "weighted_f1_no_gate", "accuracy_no_gate", "gate_false_reject", "n_uncoded",
            "cheap_gate_reject_accuracy", "cheap_gate_false_reject", "mode",
        )  # fmt: skip
        out = {k: getattr(self, k) for k in keys}
        return {k: round(v, 4) if isinstance(v, float) else v for k, v in out.items()}


def evaluate(rows: Sequence[CaseRow], predictor: Predictor, mode: str = "shipped model"):
    """Score ``predictor`` on CASE rows; see the module docstring for what counts."""
    preds = predictor([r.text for r in rows])
    if len(preds) != len(rows):
        raise ValueError(f"predictor returned {len(preds)} answers for {len(rows)} rows")
    return score(rows, preds, mode=mode)


def score(rows: Sequence[CaseRow], preds: Sequence[tuple], mode: str = ""):
    from sklearn.metrics import accuracy_score, f1_score, precision_recall_fscore_support

    codes = set(ontology.codes())
    acled = [(r, p) for r, p in zip(rows, preds, strict=True) if r.code in codes]
    other = [(r, p) for r, p in zip(rows, preds, strict=True) if r.code not in codes]
    if not acled:
        raise EvalDataError("no row has one of the 25 ACLED codes; is this a CASE 2021 file?")
    gold = [r.code for r, _ in acled]
    pred = [p[0] if p[1] else UNCODED for _, p in acled]
    pred_raw = [p[0] for _, p in acled]
    labels = sorted(set(gold))
    # Micro F1 over the ACLED codes only: an uncoded answer is a miss, not a false alarm.
    micro = f1_score(gold, pred, labels=sorted(codes), average="micro", zero_division=0)
    p, r, f, s = precision_recall_fscore_support(gold, pred, labels=labels, zero_division=0)
    per_type = [
        {"code": c, "precision": float(p[i]), "recall": float(r[i]), "f1": float(f[i]),
         "support": int(s[i])}
        for i, c in enumerate(labels)
    ]  # fmt: skip
    confusions = [
        {"gold": g, "predicted": q, "count": n}
        for (g, q), n in Counter(
            (g, q) for g, q in zip(gold, pred, strict=True) if g != q
        ).most_common(10)
    ]
    uncoded_by_code: dict[str, dict[str, int]] = {}
    for row, p in other:
        entry = uncoded_by_code.setdefault(row.code, {"rows": 0, "rejected": 0})
        entry["rows"] += 1
        entry["rejected"] += int(not p[1])
    rejected = sum(not p[1] for _, p in other)
    cheap = all(len(p) > 2 for p in preds)
    cheap_reject = sum(not p[2] for _, p in other) / len(other) if cheap and other else None
    cheap_false = sum(not p[2] for _, p in acled) / len(acled) if cheap else None
    return EventTypeReport(
        n=len(acled),
        accuracy=float(accuracy_score(gold, pred)),
        micro_f1=float(micro),
        macro_f1=float(f1_score(gold, pred, labels=labels, average="macro", zero_division=0)),
        weighted_f1=float(f1_score(gold, pred, labels=labels, average="weighted", zero_division=0)),
        weighted_f1_no_gate=float(
            f1_score(gold, pred_raw, labels=labels, average="weighted", zero_division=0)
        ),
        accuracy_no_gate=float(accuracy_score(gold, pred_raw)),
        n_uncoded=len(other),
        gate_reject_accuracy=rejected / len(other) if other else None,
        gate_false_reject=sum(q == UNCODED for q in pred) / len(acled),
        cheap_gate_reject_accuracy=cheap_reject,
        cheap_gate_false_reject=cheap_false,
        per_type=per_type,
        confusions=confusions,
        uncoded_by_code=dict(sorted(uncoded_by_code.items())),
        mode=mode,
    )


def shipped_predictor(use_embeddings: bool = True) -> Predictor:
    """The classifier and gate the pipeline uses, as loaded from the packaged artifacts.

    A snippet is kept when the cheap gate passes it and the classifier finds an event in it
    (P(NONE) below one half); the third answer is the cheap gate's verdict alone.
    """
    from eventwire.extract.classify import SubEventClassifier
    from eventwire.extract.gate import Gate

    clf = SubEventClassifier.load()
    clf.use_embeddings = use_embeddings
    gate = Gate.load()

    def predict(texts: Sequence[str]) -> list[tuple[str, bool, bool]]:
        out = []
        for t, (code, _, event_p) in zip(texts, clf.predict_with_event(list(texts)), strict=True):
            cheap = gate.is_relevant(t)
            out.append((code, cheap and event_p >= clf.event_threshold, cheap))
        return out

    return predict


def cross_validate(
    rows: Sequence[CaseRow],
    training: Sequence[dict[str, str]],
    k: int = 5,
    seed: int = 0,
    embed_weight: float | None = None,
    gate_recall: float | None = None,
    tune: bool = False,
    combine: str = "linear",
) -> EventTypeReport:
    """K-fold: train on our sentences plus k-1 folds of ``rows``, score the held-out fold.

    Every row is scored exactly once, by models that never saw it. Non-ACLED rows of the
    training folds teach the gate what to reject. With ``embed_weight=None`` each fold's
    model picks its combination rule and weight by an inner cross-validation on its own
    training part, judged on that part's rows of the file (never on the held-out fold).
    With ``tune`` the sentence half is the tuned encoder, as in the shipped model; pass the
    shipped ``embed_weight`` and ``combine`` then, as an inner choice per fold costs three
    more tunings.
    """
    from sklearn.model_selection import StratifiedKFold

    from eventwire.extract import classify, gate

    if k < 2:
        raise ValueError(f"--cv needs at least 2 folds, got {k}")
    codes = set(ontology.codes())
    known = codes | {"NONE"}
    ours = [t for t in training if t["label"] in known]
    our_texts = [t["text"] for t in ours]
    our_labels = [t["label"] for t in ours]
    use_embed = embed_weight != 0
    frozen = use_embed and not tune  # a tuned half reads the sentences, not their vectors
    our_vecs = classify.embed(our_texts) if frozen else None
    row_vecs = classify.embed([r.text for r in rows]) if frozen else None
    gate_y = [t["label"] != "NONE" for t in ours]
    # Stratify on the code, merging codes too rare to split k ways.
    counts = Counter(r.code for r in rows)
    strata = [r.code if counts[r.code] >= k else "rare" for r in rows]
    preds: list[tuple | None] = [None] * len(rows)
    folds = StratifiedKFold(n_splits=k, shuffle=True, random_state=seed)
    for train_idx, test_idx in folds.split(np.zeros(len(rows)), strata):
        train_idx = list(train_idx)
        texts = our_texts + [rows[i].text for i in train_idx]
        # The file's non-ACLED rows are examples of "no event" for both checks.
        labels = our_labels + [rows[i].code if rows[i].code in codes else "NONE" for i in train_idx]
        vecs = np.vstack([our_vecs, row_vecs[train_idx]]) if frozen else None
        # In-domain rows judge the inner choice; ours are there only to learn from.
        in_file = [False] * len(our_texts) + [True] * len(train_idx)
        clf = classify.fit_classifier(
            texts, labels, vectors=vecs, embed_weight=embed_weight, seed=seed,
            label_order=ontology.codes(), select_on=in_file, tune=tune, combine=combine,
        )  # fmt: skip
        g_y = gate_y + [rows[i].code in codes for i in train_idx]
        coef, b = gate.fit_gate(texts, g_y, seed=seed)
        threshold = gate.choose_threshold(texts, g_y, gate_recall or gate.DEFAULT_RECALL, seed)
        fold_gate = gate.Gate(coef=coef.astype(np.float64), intercept=b, threshold=threshold)
        test_texts = [rows[i].text for i in test_idx]
        test_vecs = row_vecs[test_idx] if frozen else None
        answers = clf.predict_with_event(test_texts, vectors=test_vecs)
        for i, (code, _, event_p) in zip(test_idx, answers, strict=True):
            cheap = fold_gate.is_relevant(rows[i].text)
            preds[i] = (code, cheap and event_p >= clf.event_threshold, cheap)
    mode = f"{k}-fold cross-validation, trained on our sentences + the other folds"
    return score(rows, [p for p in preds if p is not None], mode=mode)


def read_training_jsonl(path: str | Path) -> list[dict[str, str]]:
    """Our training sentences (``{"text", "label"}`` per line)."""
    out = []
    for where, rec in jsonl_rows(path, EvalDataError):
        try:
            out.append({"text": str(rec["text"]), "label": str(rec["label"])})
        except (KeyError, TypeError) as exc:
            raise EvalDataError(f"{where}: expected JSON with text and label") from exc
    return out
