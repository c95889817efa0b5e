"""Name keys shared by the gazetteer build and lookups.

A key is the form under which a place name is indexed and looked up: ASCII-folded,
lower case, punctuation as spaces, so that "al-Ḥarīr", "Al Harir" and "AL-HARIR"
meet. Transliteration variants that differ in letters ("Irbil"/"Erbil") are left
to the alternate names of the registries.
"""

from __future__ import annotations

import re

from unidecode import unidecode

# Arabic article forms that reports attach or drop at will ("al-Asad", "Asad").
ARTICLES = ("al ", "el ", "ad ", "ar ", "as ", "an ", "ash ", "at ", "az ", "ul ")
_APOSTROPHES = re.compile(r"[’'`ʿʾ‘ʻ]")
_PUNCT = re.compile(r"[^a-z0-9]+")


def name_key(name: str) -> str:
    """The lookup key of a name.

    >>> name_key("al-Ḥarīr Air-Base")
    'al harir air base'
    >>> name_key("The Gaza Strip")
    'gaza strip'
    """
    text = unidecode(_APOSTROPHES.sub("", name)).lower()
    text = _PUNCT.sub(" ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    return text


def key_variants(key: str) -> list[str]:
    """The key itself and the key without a leading Arabic article.

    >>> key_variants("al asad")
    ['al asad', 'asad']
    """
    out = [key]
    for art in ARTICLES:
        if key.startswith(art) and len(key) > len(art) + 2:
            out.append(key[len(art) :])
            break
    return out
