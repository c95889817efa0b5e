"""Modality and attribution: did it happen, and who says so.

Walks from a trigger up its clause chain. A trigger under "threatened to", "are ready
to", "could ... if", "not", "denied" is not an occurred event; a trigger under a verb
of saying gets that verb's subject as its source.

>>> from eventwire.nlp import parse
>>> from eventwire.extract.modality import modality_of
>>> doc = parse("The militia threatened to attack the base.")
>>> modality_of(doc[4])[0]
'threatened'
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.extract.lexicon import lexicon

_CLAUSE_DEPS = {"xcomp", "ccomp", "advcl", "acl", "relcl", "conj", "pcomp", "pobj", "dobj",
                "prep", "acomp", "nsubj", "nsubjpass", "attr", "appos", "compound", "amod"}
_SPEECH_SUBJECT_DEPS = ("nsubj", "nsubjpass")


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _governors(token: Token) -> list[Token]:
    """The chain of heads from a trigger up to its sentence root, nearest first."""
    chain = []
    current = token
    while current.head.i != current.i and current.dep_ in _CLAUSE_DEPS:
        current = current.head
        chain.append(current)
    return chain


def _negated(token: Token) -> bool:
    if any(c.dep_ == "neg" for c in token.children):
        return True
    return any(c.lower_ in ("no", "never") and c.dep_ in ("det", "neg", "advmod")
               for c in token.children)


def nobody(speaker: Token) -> bool:
    """"No group", "nobody": a subject that names no one."""
    return speaker.lower_ in ("nobody", "none", "no-one") or any(
        c.dep_ == "det" and c.lower_ == "no" for c in speaker.children)


def unsaid(verb: Token, speaker: Token | None) -> bool:
    """"No group claimed the attack", "the army did not deny it": a statement nobody made."""
    return _negated(verb) or (speaker is not None and nobody(speaker))


def _hypothetical_marks(token: Token) -> bool:
    cues = lexicon().modality_cues["hypothetical"]
    for child in token.children:
        if child.dep_ in ("mark", "aux") and child.lower_ in cues:
            return True
        if child.dep_ == "prep" and child.lower_ == "in" and any(
                g.lower_ == "case" for g in child.children):
            return True
    return token.lower_ in ("likely", "unlikely")


def modality_of(trigger: Token) -> tuple[str, Token | None]:
    """The trigger's modality and the token that decided it (None for plain occurrence)."""
    cues = lexicon().modality_cues
    if _negated(trigger) and trigger.pos_ in ("VERB", "AUX"):
        return "negated", trigger
    if trigger.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no"
                                      for c in trigger.children):
        return "negated", trigger  # "reported no clashes"
    if _hypothetical_marks(trigger):
        return "hypothetical", trigger
    below = trigger
    for gov in _governors(trigger):
        lemma = _lemma(gov)
        stopped = lemma in cues.get("stopped", ()) and below.dep_ == "dobj" and \
            lexicon().noun_triggers.get(_lemma(trigger)) != "AGREEMENT"  # "ended a truce"
        below = gov
        if stopped:  # a halt to violence is a decision announced, not violence told
            return "planned", gov
        if lemma in cues["denied"] or lemma in cues["claimed"] or lemma == "responsibility":
            verb = gov.head if lemma == "responsibility" else gov
            verb = verb.head if verb.dep_ == "prep" else verb  # "no claim of responsibility"
            if unsaid(verb, next((c for c in verb.children
                                  if c.dep_ in _SPEECH_SUBJECT_DEPS), None)):
                # "no group claimed the attack" still tells of an attack
                return "occurred", None
        if lemma in cues["denied"]:
            return "denied", gov
        if lemma in cues["threatened"]:
            return "threatened", gov
        if lemma in cues["planned"] and gov.i < trigger.i:
            return "planned", gov
        if _hypothetical_marks(gov) or lemma in cues["hypothetical"]:
            return "hypothetical", gov
        if lemma in cues["claimed"] or (lemma == "responsibility"):
            return "claimed", gov
        if _negated(gov) and gov.pos_ in ("VERB", "AUX") and lemma not in (
                "authorize", "comment"):
            return "negated", gov
        if lemma in lexicon().reporting_verbs:
            # what a speaker reports keeps its own modality; stop at the speech verb
            break
    return "occurred", None


def speech_source(trigger: Token) -> Token | None:
    """The subject of the nearest verb of saying that governs the trigger, if any."""
    reporting = lexicon().reporting_verbs
    for gov in [trigger, *_governors(trigger)]:
        if _lemma(gov) in reporting and gov.i != trigger.i:
            subject = next((c for c in gov.children if c.dep_ in _SPEECH_SUBJECT_DEPS), None)
            if subject is not None and unsaid(gov, subject):
                return None
            if subject is not None:
                return subject
        if _lemma(gov) == "accord":  # "according to a statement from X"
            return _according_source(gov)
    # "..., according to X" attaches to the root
    for child in trigger.sent.root.children:
        if child.lower_ == "according":
            return _according_source(child)
    return None


def _according_source(according: Token) -> Token | None:
    """The source named by "according to (a statement from) X", skipping dates."""
    objects = [t for t in according.subtree if t.dep_ == "pobj" and t.ent_type_ not in (
        "DATE", "TIME")]
    after_from = [t for t in objects if t.head.lower_ in ("from", "by")]
    return (after_from or objects or [None])[0]
