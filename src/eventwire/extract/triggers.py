"""Finding event and statement triggers in a parsed sentence.

A trigger is the word that names a happening ("attacked", "strike", "protest") or a
statement ("claimed", "threatened"). The lexicon lives in ``data/triggers.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from eventwire.extract.arguments import counted
from eventwire.extract.lexicon import Lexicon, lexicon, word_set

# Instruments whose code wins over a trigger's own default ("bombing" by a drone is an air strike).
_OVERRIDABLE = {"ATTACK_GENERIC", "AIR_STRIKE", "REM_EXPLOS", "ART_MISS_ATTACK", "ATTACK"}


@dataclass(frozen=True, slots=True)
class Trigger:
    token: Token
    code: str  # sub-event code, or "" for a statement
    statement_type: str | None = None
    phrase_start: int = -1  # token index where a multi-word trigger starts

    @property
    def is_statement(self) -> bool:
        return self.statement_type is not None


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _has_violence_context(token: Token, sent: SpacySpan, lex: Lexicon) -> bool:
    words = {_lemma(t) for t in sent} | {t.lower_ for t in sent}
    return bool(words & lex.violence_context)


def _into_the_air(token: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ in ("in", "into") and any(
        g.lower_ == "air" for g in c.children) for c in token.children)


def _noun_phrase_key(token: Token) -> tuple[str, int]:
    """A two-word noun trigger ("drone strike", "car bomb") if the lexicon has one."""
    lex = lexicon()
    for child in token.children:
        if child.dep_ in ("compound", "amod", "nmod") and child.i == token.i - 1:
            key = f"{_lemma(child)} {_lemma(token)}"
            if key in lex.noun_triggers:
                return key, child.i
            key = f"{child.lower_} {token.lower_}"
            if key in lex.noun_triggers:
                return key, child.i
    return _lemma(token), token.i


def _clause_tokens(token: Token) -> list[Token]:
    """The trigger's own clause: its subtree, and up to its verb with that verb's arguments."""
    scope = set(token.subtree)
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
        scope.add(verb)
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj", "agent") or (
                child.dep_ == "prep" and child.lower_ in ("with", "by")):
            scope.update(child.subtree)
    return sorted(scope, key=lambda t: abs(t.i - token.i))


def instrument_code(token: Token, sent: SpacySpan | None = None) -> str | None:
    """The sub-event code implied by an instrument in the trigger's clause, nearest first."""
    lex = lexicon()
    for tok in _clause_tokens(token):
        lemma = _lemma(tok)
        if tok.i + 1 < len(tok.doc):
            two = f"{lemma} {_lemma(tok.doc[tok.i + 1])}"
            if two in lex.instruments:
                return lex.instruments[two]
        if tok.pos_ in ("NOUN", "PROPN", "ADJ"):
            if lemma in lex.instruments:
                return lex.instruments[lemma]
            if tok.lower_ in lex.instruments:
                return lex.instruments[tok.lower_]
    return None


def find_triggers(sent: SpacySpan) -> list[Trigger]:
    """Event and statement triggers of one sentence, in text order."""
    lex = lexicon()
    found: list[Trigger] = []
    for token in sent:
        lemma = _lemma(token)
        if token.dep_ == "amod" and token.i < token.head.i:
            continue  # "kidnapped schoolchildren", "wounded soldiers": a state, told before
        if token.pos_ in ("VERB", "AUX") or (token.pos_ == "NOUN" and token.dep_ == "ROOT"
                                             and token.tag_.startswith("VB")):
            particle = next((c.lower_ for c in token.children if c.dep_ in ("prt", "prep")
                             or c.lower_ == "responsible"), "")
            phrasal = f"{lemma} {particle}" if particle else ""
            objects = {_lemma(c) for c in token.children if c.dep_ == "dobj"}
            if lemma in lex.statements or phrasal in lex.statements:
                stype = lex.statements.get(phrasal) or lex.statements[lemma]
                # "claimed that X" is reported speech; "claimed responsibility" is a claim.
                if lemma == "claim" and "responsibility" not in objects and not objects & {
                    "attack", "strike", "bombing", "killing"}:
                    continue
                found.append(Trigger(token, "", stype, token.i))
                continue
            if lemma in ("fire", "shoot") and _into_the_air(token):
                continue  # warning shots hit no one: what they scattered is the event
            code = lex.verb_triggers.get(phrasal) or lex.verb_triggers.get(lemma)
            # a verb with its object names the event: "opened fire", "took control"
            with_object = next((f"{lemma} {o}" for o in sorted(objects)
                                if f"{lemma} {o}" in lex.verb_triggers), None)
            if with_object is not None:
                code = lex.verb_triggers[with_object]
            if code is None:
                continue
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            if code == "ATTACK_GENERIC" and subject is not None and \
                    counted(subject).lemma_.lower() in word_set("crowd_words"):
                code = "VIOL_DEMONSTR"  # "protesters stormed the embassy": a riot
            elif with_object is None and lemma in lex.needs_violence_context and \
                    not _has_violence_context(token, sent, lex):
                continue
            found.append(Trigger(token, code, None, token.i))
        elif token.pos_ in ("NOUN", "PROPN") and token.dep_ != "compound" and not (
                token.pos_ == "PROPN" and token.is_title and token.ent_type_):
            # a capitalised trigger word inside a name ("the March 23 Movement") names nothing
            # "riot police", "attack helicopter": a trigger word as a modifier names no event
            key, start = _noun_phrase_key(token)
            code = lex.noun_triggers.get(key)
            if code is None:
                continue
            if key in lex.needs_violence_context and not _has_violence_context(token, sent, lex):
                continue
            found.append(Trigger(token, code, None, start))
    return found


def refine_code(trigger: Trigger, sent: SpacySpan, target_is_civilian: bool,
                attacker_is_armed: bool) -> str:
    """The final sub-event code of an event trigger, from instruments and participants."""
    code = trigger.code
    if code in _OVERRIDABLE:
        cue = instrument_code(trigger.token, sent)
        if cue and cue != "ATTACK_GENERIC":
            code = cue
    if code == "ATTACK_GENERIC":
        if target_is_civilian:
            return "ATTACK"
        return "ARMED_CLASH" if attacker_is_armed else "ATTACK"
    if code == "DISR_WEAP" and instrument_code(trigger.token, sent) in (None, "ATTACK_GENERIC"):
        return code
    if code == "NON_STATE_ACTOR_OVERTAKES_TER" and target_is_civilian and \
            trigger.token.lemma_.lower() in word_set("taking_verbs"):
        return "ABDUCT_DISSAP"  # "gunmen seized 130 pupils": people taken, not ground
    return code
