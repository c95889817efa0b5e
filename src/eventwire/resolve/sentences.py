"""The sentence of a text around a character offset, by plain punctuation.

Used where a field's evidence comes from another part of the report than the mention's own
sentence (a borrowed date, an antecedent); the spaCy sentences are not at hand there.
"""

from __future__ import annotations


def sentence_around(text: str, start: int, end: int | None = None) -> str:
    """The sentence of ``text`` holding ``start:end`` (a line break also ends a sentence).

    >>> sentence_around("One thing. The other thing.", 14)
    'The other thing.'
    >>> sentence_around("One thing. The other thing.", 0)
    'One thing.'
    """
    end = start if end is None else end
    dot = text.rfind(". ", 0, start)
    begin = max(dot + 2 if dot >= 0 else 0, text.rfind("\n", 0, start) + 1)
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    stop = min(stops) + 1 if stops else len(text)
    return text[begin:stop].strip()
