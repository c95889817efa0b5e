"""The phrases that fill an argument: their bounds, their head and what kind of thing they
name (a weapon, a place, a person, an event, a country).

Used by ``extract.arguments`` (which decides the roles) and ``extract.mentions``.

>>> from eventwire.nlp import parse
>>> doc = parse("Hundreds of hostages were freed.")
>>> counted(doc[0]).text
'hostages'
"""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Token

from eventwire.extract.lexicon import lexicon, word_set
from eventwire.model import Argument, Span
from eventwire.nlp import PLACE_LABELS

_CUT_DEPS = {"relcl", "acl", "appos", "punct", "cc", "conj", "advcl", "prep"}
_KEEP_PREPS = {"of", "in", "from"}


def noun_phrase_bounds(token: Token, keep_preps: bool = True) -> tuple[int, int]:
    """Token bounds of the noun phrase headed by ``token``, without clauses hung on it."""
    left = token.i
    right = token.i
    stack = [token]
    while stack:
        tok = stack.pop()
        for child in tok.children:
            # "of" always belongs to the phrase: "15 members of the VDP", "positions of the RSF"
            kept_prep = child.dep_ == "prep" and child.i > token.i and (
                (child.lower_ in (_KEEP_PREPS if keep_preps else {"of"}) and tok.i == token.i)
                or tok.dep_ == "amod"  # "forces loyal to the council"
                or _inside_name(tok, child))
            if kept_prep and any(c.dep_ == "pcomp" for c in child.children):
                kept_prep = False  # "the rebels of attacking a convoy": a clause, not a name
            if child.dep_ in _CUT_DEPS and not kept_prep:
                continue
            left = min(left, child.left_edge.i if child.dep_ != "prep" else child.i)
            right = max(right, child.i)
            stack.append(child)
    doc = token.doc
    while left < right and doc[left].is_punct:
        left += 1
    while right > left and doc[right].is_punct:
        right -= 1
    return left, right + 1


def _inside_name(tok: Token, prep: Token) -> bool:
    """A preposition within a proper name: "Islamic Resistance in Iraq", "al-Qaeda in the
    Arabian Peninsula"."""
    return (tok.pos_ == "PROPN" or tok.is_title) and prep.lower_ in ("in", "of", "for") and any(
        c.dep_ == "pobj" and c.pos_ == "PROPN" for c in prep.children)


def is_count(token: Token) -> bool:
    """A number or a word of number: "12", "two", "hundreds", "dozens"."""
    lex = lexicon()
    word = token.lower_
    return token.pos_ == "NUM" or word in lex.cardinals or word in lex.vague_numbers or \
        token.lemma_.lower() == "dozen"


def counted(token: Token) -> Token:
    """"hundreds of hostages", "two of its fighters": the people counted, not the count."""
    if is_count(token):
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if obj is not None and obj.pos_ in ("NOUN", "PROPN", "PRON"):
                    return obj
    return token


def antecedent(token: Token) -> Token:
    """"the soldiers who were killed": "who" stands for the noun its clause hangs on."""
    clause = token.head
    if token.lower_ in ("who", "whom", "that", "which") and token.dep_ != "det" and \
            clause.dep_ == "relcl" and clause.head.pos_ in ("NOUN", "PROPN"):
        return clause.head
    return token


def named(token: Token) -> Token:
    """"the alleged killer, Chérif Chekatt": the name in apposition, which an actor list can
    resolve, rather than the description."""
    if token.pos_ != "NOUN":
        return token
    if token.lemma_.lower() in word_set("generic_group_nouns"):
        # "the Islamic State militant group": the name, not the generic word
        name = next((c for c in token.children if c.dep_ in ("compound", "nmod")
                     and c.pos_ == "PROPN" and c.ent_type_ == "ORG"), None)
        if name is not None:
            return name
    doc = token.doc
    return next((c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"
                 and c.ent_type_ in ("PERSON", "ORG") and c.i > token.i
                 # set off by a comma or a dash, not a misparsed "the paramilitary RSF"
                 and doc[c.left_edge.i - 1].is_punct), token)


def _place_name(token: Token) -> Token:
    """"the city of Lyon", "the town of Kidal", "the street Rue Cler": the name, not the
    kind of place."""
    if token.lemma_.lower() not in lexicon().place_nouns or token.pos_ != "NOUN":
        return token
    return next((o for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "of"
                 for o in prep.children if o.dep_ == "pobj" and o.pos_ == "PROPN"),
                next((c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"),
                     token))


def argument_for(role: str, token: Token, keep_preps: bool = True) -> Argument:
    token = antecedent(token)
    if role in ("actor", "target", "victim"):
        token = named(counted(token))
    elif role == "place":
        token = _place_name(token)
    start, end = noun_phrase_bounds(token, keep_preps)
    doc = token.doc
    span = doc[start:end]
    text = span.text.rstrip()
    return Argument(role=role, span=Span(span.start_char, span.start_char + len(text), text),
                    head=token.text)


def ent_label(token: Token) -> str:
    return token.ent_type_ or ""


def is_instrument(token: Token) -> bool:
    lex = lexicon()
    lemma = token.lemma_.lower()
    if lemma in word_set("person_weapons"):
        return False  # "a suicide bomber blew himself up": a person, the attacker
    if lemma in lex.munitions or (lemma in lex.instruments and token.pos_ == "NOUN"
                                  and lemma not in word_set("not_weapons")):
        return True
    if token.pos_ == "NOUN" and lemma in word_set("device_words"):
        return True  # "the device detonated"
    # "an improvised explosive device", "a roadside bomb": the two words before the head
    before = [c.lemma_.lower() for c in token.children if c.i < token.i][-2:]
    if lemma in word_set("non_lethal_words") or \
            any(f"{c.lower_} {token.lower_}" in word_set("non_lethal_words")
                for c in token.children if c.i == token.i - 1):
        return True  # "fired tear gas at protesters"
    return any(f"{w} {lemma}" in lex.instruments for w in before)


def is_happening(token: Token) -> bool:
    """A noun that names an event ("the blast", "an explosion"): a cause, never an actor."""
    return token.lemma_.lower() in lexicon().noun_triggers


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    """Country names and aliases (``data/actors/countries.csv``), lower case."""
    table = resources.files("eventwire.data").joinpath("actors", "countries.csv")
    with table.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    names = {row["name"] for row in rows} | {
        other for row in rows for column in ("aliases", "demonyms")
        for other in (row.get(column) or "").split(";") if other}
    return frozenset(n.strip().lower() for n in names)


def names_a_country(token: Token) -> bool:
    """"US strikes", "Russia's attacks": a state that acts; not "the Orlando massacre"."""
    ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    text = (ent.text if ent is not None else token.text).lower().removeprefix("the ")
    return text in _country_names()


def is_place(token: Token) -> bool:
    """A place by its name or its kind, or told by an apposition ("at Oxford St, the bus
    station"), whatever the parser made of the name."""
    return _names_place(token) or any(
        c.dep_ == "appos" and _names_place(c) for c in token.children)


def _names_place(token: Token) -> bool:
    return ent_label(token) in PLACE_LABELS or token.lemma_.lower() in lexicon().place_nouns


def owned(weapon: Token) -> bool:
    """A weapon named with its owner ("Israeli aircraft", "a U.S. drone", "their jets")."""
    return any(c.dep_ in ("amod", "compound", "poss", "nmod") and (
        c.ent_type_ in ("NORP", "GPE", "ORG") or c.pos_ == "PRON"
        or (c.pos_ == "PROPN" and (c.ent_type_ or c.is_upper))  # not "Twin bombs"
        or "-" in c.text or c.lower_.endswith("-led"))
        for c in weapon.children)


def is_person(token: Token) -> bool:
    """A person or group of people, who can set off a device ("the bomber", "he", "troops")."""
    lemma = token.lemma_.lower()
    return token.ent_type_ in ("PERSON", "NORP", "ORG") or lemma in word_set("person_weapons") \
        or lemma in word_set("people_nouns") or lemma in word_set("armed_words") \
        or token.lower_ in ("he", "she", "i", "we", "you", "who")


def argument_root(doc: Doc, span: Span) -> Token | None:
    """The head token of an argument's phrase (None if it does not align with the tokens)."""
    found = doc.char_span(span.start, span.end, alignment_mode="expand")
    return found.root if found is not None and len(found) else None
