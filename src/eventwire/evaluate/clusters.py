"""Clustering metrics: B-cubed and pairwise precision/recall/F1 of a predicted partition."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from itertools import combinations


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _groups(labels: Mapping[str, str]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for item, label in labels.items():
        out[label].add(item)
    return out


def bcubed(gold: Mapping[str, str], pred: Mapping[str, str]) -> dict[str, float]:
    """B-cubed precision, recall and F1 over the items of ``gold`` (item -> cluster label).

    >>> bcubed({"a": "1", "b": "1", "c": "2"}, {"a": "x", "b": "x", "c": "x"})["b3_r"]
    1.0
    """
    items = list(gold)
    missing = [i for i in items if i not in pred]
    if missing:
        raise ValueError(f"prediction has no cluster for {len(missing)} items, e.g. {missing[0]!r}")
    g_of, p_of = _groups(gold), _groups({i: pred[i] for i in items})
    p_sum = r_sum = 0.0
    for i in items:
        g, p = g_of[gold[i]], p_of[pred[i]]
        both = len(g & p)
        p_sum += both / len(p)
        r_sum += both / len(g)
    n = len(items) or 1
    p, r = p_sum / n, r_sum / n
    return {"b3_p": p, "b3_r": r, "b3_f1": _f1(p, r)}


def pairwise(gold: Mapping[str, str], pred: Mapping[str, str]) -> dict[str, float]:
    """Precision, recall and F1 over the pairs of items put in one cluster.

    >>> pairwise({"a": "1", "b": "1", "c": "2"}, {"a": "x", "b": "x", "c": "y"})["pairwise_f1"]
    1.0
    """
    gold_pairs = {tuple(sorted(p)) for g in _groups(gold).values() for p in combinations(g, 2)}
    pred_sub = {i: pred[i] for i in gold}
    pred_pairs = {tuple(sorted(p)) for g in _groups(pred_sub).values() for p in combinations(g, 2)}
    tp = len(gold_pairs & pred_pairs)
    p = tp / len(pred_pairs) if pred_pairs else (1.0 if not gold_pairs else 0.0)
    r = tp / len(gold_pairs) if gold_pairs else 1.0
    return {"pairwise_p": p, "pairwise_r": r, "pairwise_f1": _f1(p, r)}


def cluster_sizes(labels: Mapping[str, str]) -> Counter[int]:
    """How many clusters of each size."""
    return Counter(Counter(labels.values()).values())
