"""Arguments told beside the trigger's own phrases: who did the harm or was harmed in a
clause of its own, the place of a clause the trigger is joined to, the members listed after
"including", who acted beside an actor and who was in a target."""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.extract.argument_phrases import (
    argument_for,
    argument_root,
    ent_label,
    is_happening,
    is_instrument,
)
from eventwire.extract.arguments_clauses import harm_words, standing_for
from eventwire.extract.arguments_nouns import pp_arguments
from eventwire.extract.lexicon import lexicon, word_set
from eventwire.model import Argument
from eventwire.nlp import PLACE_LABELS


def occupants(target: Token) -> list[Argument]:
    """Who was in a target: "a base hosting U.S. troops", "a checkpoint manned by X" (also
    when the parser hangs the clause on the target's place: "a base in X province housing Y")."""
    found: list[Argument] = []
    held = [target] + [obj for prep in target.children if prep.dep_ == "prep"
                       for obj in prep.children if obj.dep_ == "pobj"]
    for clause in (c for t in held for c in t.children):
        if clause.dep_ not in ("acl", "relcl") or \
                clause.lemma_.lower() not in word_set("occupant_verbs"):
            continue
        for child in clause.children:
            if child.dep_ == "dobj":
                found.append(argument_for("target", child, keep_preps=False))
            elif child.dep_ == "agent":
                found.extend(argument_for("target", obj, keep_preps=False)
                             for obj in child.children if obj.dep_ == "pobj")
    return found


def helpers(actor: Token) -> list[Argument]:
    """Who acted beside an actor: "militias, backed by Somali troops, ..." (associated)."""
    found: list[Argument] = []
    for clause in actor.children:
        if clause.dep_ in ("acl", "relcl") and \
                clause.lemma_.lower() in word_set("support_verbs"):
            for agent in (c for c in clause.children if c.dep_ == "agent"):
                found.extend(argument_for("actor", obj, keep_preps=False)
                             for obj in agent.children if obj.dep_ == "pobj")
    return found


def carried(actor: Token) -> list[Argument]:
    """What an actor carried, told in a clause on it: "gunmen armed with rifles", "a man
    wearing an explosive vest", "a bomber riding a motorcycle loaded with explosives"."""
    found: list[Argument] = []
    holders = [actor]
    for _ in range(2):  # the actor's clause, and a clause on what that clause names
        things = [o for h in holders for clause in h.children if clause.dep_ == "acl"
                  for o in _objects(clause)]
        found.extend(argument_for("instrument", o, keep_preps=False) for o in things
                     if is_instrument(o))
        holders = [o for o in things if not is_instrument(o)]
    return found


def _objects(clause: Token) -> list[Token]:
    """The object of a clause and of its "with" ("armed with rifles")."""
    return [c for c in clause.children if c.dep_ == "dobj"] + [
        o for p in clause.children if p.dep_ == "prep" and p.lower_ == "with"
        for o in p.children if o.dep_ == "pobj"]


def clause_place(token: Token) -> list[Argument]:
    """"In Mosul, gunmen stormed a school and killed six": a named place of the clause a
    verb is joined to (by "and", a participle or "to") is the verb's too; not that of a
    verb of saying ("officials in Kabul said ...")."""
    found: list[Argument] = []
    current = token
    for _ in range(3):
        if current.pos_ not in ("VERB", "AUX") or \
                current.dep_ not in ("conj", "advcl", "xcomp") or current.head.i == current.i:
            break
        current = current.head
        if current.lemma_.lower() in lexicon().reporting_verbs:
            break
        pp_arguments(current, found, {"place"})
        found = [a for a in found if ent_label(argument_root(token.doc, a.span)) in
                 PLACE_LABELS]
        if found:
            break
    return found


def included(head: Token, role: str) -> list[Argument]:
    """The members listed after "including" on a victim or target, or on its verb."""
    found = []
    places = [head] + ([head.head] if head.dep_ in ("nsubjpass", "dobj") else [])
    for prep in (c for t in places for c in t.children
                 if c.dep_ == "prep" and c.lower_ == "including"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            found.extend(argument_for(role, t, keep_preps=False) for t in [obj, *obj.conjuncts])
    return found


def harmed_by(token: Token) -> list[Argument]:
    """Who did the harm, told in a clause of its own: "20 people were killed when gunmen
    opened fire", "five died after a rocket hit their house" (a weapon is the instrument);
    "jihadists killed 15 villagers in a raid": who killed carried out the raid."""
    found: list[Argument] = []
    if token.pos_ in ("VERB", "AUX"):
        for clause in token.children:
            if clause.dep_ == "advcl" and clause.lemma_.lower() in harm_words() | word_set(
                    "light_verbs") | {"open"} and any(
                    c.lower_ in ("when", "as", "after") for c in clause.children):
                for subj in (c for c in clause.children if c.dep_ == "nsubj"):
                    role = "instrument" if is_instrument(subj) else "actor"
                    if not is_happening(subj):
                        found.append(argument_for(role, subj))
    elif token.dep_ == "pobj" and token.head.lower_ in ("in", "during"):
        verb = token.head.head
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if verb.pos_ == "VERB" and verb.lemma_.lower() in harm_words() and \
                verb.lemma_.lower() not in word_set("patient_subject_verbs") and \
                subject is not None and not is_happening(subject):  # not "scores died in"
            found.append(argument_for("actor", subject))
    return found


def harmed_when(token: Token) -> list[Argument]:
    """"Two soldiers were wounded when a strike hit their post", "troops were injured in a
    spate of drone strikes": who the clause the event explains says was harmed."""
    token = standing_for(token)  # "a spate of drone strikes" stands for the strikes
    if token.dep_ == "pobj" and token.head.lower_ in ("in", "during", "by"):
        harmed = token.head.head  # "troops were injured in a drone strike"
        if harmed.lemma_.lower() not in word_set("injury_verbs"):
            return []  # "killed in an attack": the killing is an event of its own
    else:
        verb = token.head if token.dep_ == "nsubj" else token
        if verb.dep_ != "advcl" or not any(c.lower_ in ("when", "as", "after")
                                           for c in verb.children):
            return []
        harmed = verb.head
    if harmed.lemma_.lower() not in word_set("victim_verbs") | word_set("injury_verbs"):
        return []
    return [argument_for("victim", c, keep_preps=False) for c in harmed.children
            if c.dep_ == "nsubjpass"]
