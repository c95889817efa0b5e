"""Numbers in reports: number words, vague quantities, munitions counts, fatalities, injuries.

Pure functions over spaCy tokens. Vague words follow ACLED's conservative rule
("dozens" 12, "hundreds" 100), with a low/high range kept beside the best figure.

>>> from eventwire.extract.quantities import number_value
>>> number_value("hundreds")
(100, 200, 999)
>>> number_value("twenty-five")
(25, 25, 25)
"""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from eventwire.extract.lexicon import lexicon, word_set
from eventwire.model import Fatalities, Quantity

_DIGITS = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+$")
_LOWER_BOUND = {"least", "more", "over", "than", "above", "exceeding"}
_UPPER_BOUND = {"up", "most", "nearly", "almost", "under", "fewer", "less"}


def number_value(text: str) -> tuple[int, int, int] | None:
    """The (best, low, high) value of a number expression, or None if it is not one."""
    lex = lexicon()
    words = text.lower().replace("-", " ").split()
    if not words:
        return None
    joined = " ".join(words)
    if joined in lex.vague_numbers:
        return lex.vague_numbers[joined]
    total = 0
    current = 0
    seen = False
    for word in words:
        if _DIGITS.match(word):
            current += int(word.replace(",", ""))
            seen = True
        elif word in lex.vague_numbers and len(words) == 1:
            return lex.vague_numbers[word]
        elif word in lex.cardinals:
            value = lex.cardinals[word]
            seen = True
            if word in ("dozen", "score"):  # multipliers: "a dozen", "two dozen"
                current = (current or 1) * value
            elif value in (100, 1000, 1000000) and current:
                current *= value
                if value >= 1000:
                    total += current
                    current = 0
            elif value in (100, 1000, 1000000):
                current = value
            else:
                current += value
        elif word == "and":
            continue
        else:
            return None
    if not seen:
        return None
    value = total + current
    return value, value, value


def _number_of(token: Token) -> tuple[int, int, int] | None:
    """The value of the number phrase that modifies a noun token, with its bounds."""
    nums = [c for c in token.children if c.dep_ in ("nummod", "quantmod") or c.like_num]
    vague = [c for c in token.children if c.lower_ in lexicon().vague_numbers and c.dep_ == "amod"]
    if token.lower_ in lexicon().vague_numbers:  # "hundreds of people"
        return lexicon().vague_numbers[token.lower_]
    for num in nums + vague:
        phrase = [t for t in num.subtree if t.like_num or t.lower_ in lexicon().cardinals
                  or t.lower_ in lexicon().vague_numbers or t.text == "-"]
        value = number_value(" ".join(t.text for t in phrase)) if phrase else None
        if value is None:
            continue
        best, low, high = value
        mods = {t.lower_ for t in num.subtree} | {t.lower_ for t in num.children}
        if mods & _LOWER_BOUND:
            return best, best, max(high, best) if high != best else high
        if mods & _UPPER_BOUND:
            return best, 0, best
        return value
    return None


def _people_count(token: Token) -> tuple[int, int, int] | None:
    """A count of people in the phrase headed by ``token`` ("hundreds of people")."""
    if token.like_num or token.lower_ in lexicon().cardinals:
        return number_value(" ".join(t.text for t in token.subtree if t.like_num or t.text == "-")
                            or token.text)
    value = _number_of(token)
    if value is not None:
        return value
    for child in token.children:  # "dozens of civilians": head "dozens" + of-pp
        if child.dep_ == "prep" and child.lower_ == "of":
            return _number_of(token)
    return None


def munition_counts(sent: SpacySpan) -> list[tuple[Token, Quantity]]:
    """Counted munitions in a sentence ("two drones", "three rockets"), with outcome words,
    each with the token it hangs on so the caller can give it to the nearest trigger."""
    lex = lexicon()
    found: list[tuple[Token, Quantity]] = []
    for token in sent:
        if token.pos_ not in ("NOUN", "PROPN") or token.lemma_.lower() not in lex.munitions:
            continue
        value = _number_of(token)
        if value is None:
            continue
        outcome = None
        for mod in list(token.children) + [token.head]:
            lemma = mod.lemma_.lower()
            if lemma in lex.outcomes and mod.dep_ in ("amod", "ROOT", "relcl", "acl", "conj"):
                outcome = lex.outcomes[lemma]
        found.append((token, Quantity(what=token.lemma_.lower(), count=value[0], low=value[1],
                                      high=value[2], outcome=outcome)))
    return found


def outcome_words(sent: SpacySpan) -> list[str]:
    """Outcome words about munitions in a sentence (intercepted, destroyed, damaged)."""
    lex = lexicon()
    outcomes = []
    for token in sent:
        lemma = token.lemma_.lower()
        if token.pos_ in ("VERB", "ADJ") and lemma in lex.outcomes:
            outcomes.append(lex.outcomes[lemma])
        elif lemma == "shoot" and any(c.lower_ == "down" for c in token.children):
            outcomes.append("intercepted")
    return list(dict.fromkeys(outcomes))


def casualty_items(sent: SpacySpan) -> list[tuple[Token, str, object]]:
    """Deaths, injuries and injury notes stated in a sentence, each anchored on its word.

    Items are ("death", (best, low, high)), ("injury", (best, low, high)) or
    ("note", "minor injuries"). Only counts tied to a death or injury word count;
    "no one was killed" gives 0.
    """
    items: list[tuple[Token, str, object]] = []
    counted_nouns = word_set("death_nouns") | word_set("injury_nouns")
    death_words = word_set("death_verbs") | word_set("death_nouns")
    counted_verbs = word_set("death_verbs") | word_set("injury_verbs")
    for token in sent:
        lemma = token.lemma_.lower()
        kind = "death" if lemma in death_words else "injury"
        if token.pos_ == "VERB" and lemma in counted_verbs:
            value = None
            for child in token.children:
                if child.dep_ in ("dobj", "nsubjpass", "nsubj") and child.lemma_.lower() != "who":
                    value = _people_count(child)
                    if value is None and any(g.lower_ in ("no", "nobody", "none")
                                             for g in child.subtree):
                        value = (0, 0, 0)
                if value:
                    break
            if value is None and any(c.dep_ == "neg" for c in token.children):
                value = (0, 0, 0)
            if value is not None:
                items.append((token, kind, value))
                continue
            adverbs = [c.lower_ for c in token.children if c.dep_ == "advmod" and c.lower_ in (
                "slightly", "lightly", "seriously", "critically", "badly", "severely")]
            if kind == "injury" and adverbs:
                items.append((token, "note", f"{adverbs[0]} injured"))
        elif token.pos_ in ("NOUN", "ADJ") and lemma in counted_nouns:
            value = _number_of(token)
            if value is not None:
                items.append((token, kind, value))
            elif lemma in word_set("injury_nouns"):
                quality = [c.lower_ for c in token.children if c.dep_ == "amod"]
                if quality:
                    items.append((token, "note", f"{' '.join(quality)} {token.lower_}"))
    return items


def summarise_casualties(items: list[tuple[str, object]]) -> tuple[Fatalities, int | None,
                                                                   str | None]:
    """Fatalities (ACLED's most conservative figure), injuries and a note from items."""
    deaths = [v for k, v in items if k == "death"]
    injuries = [v for k, v in items if k == "injury"]
    notes = [v for k, v in items if k == "note"]
    fatalities = Fatalities()
    if deaths:
        fatalities = Fatalities(best=min(d[0] for d in deaths), low=min(d[1] for d in deaths),
                                high=max(d[2] for d in deaths))
    injured = min(i[0] for i in injuries) if injuries else None
    return fatalities, injured, (str(notes[0]) if notes else None)
