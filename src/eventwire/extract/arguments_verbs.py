"""Verb and adjective triggers: subjects, objects and passives, devices that go off, verbs
joined by "and", and "a man was shot dead"."""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.extract.argument_phrases import (
    argument_for,
    is_happening,
    is_instrument,
    is_person,
    is_place,
    owned,
)
from eventwire.extract.arguments_clauses import (
    accused_of,
    counted_among,
    harm_words,
    patient_role,
    phrasal,
    subject_of,
)
from eventwire.extract.arguments_nouns import event_agents, pp_arguments, time_arguments
from eventwire.extract.lexicon import lexicon, word_set
from eventwire.model import Argument

# Verbs whose weapon object or passive subject was stopped, so it is the target.
_STOPPING = {"intercept", "destroy", "defuse", "down", "shoot"}


def _explodes(verb: Token) -> bool:
    """"exploded", "detonated", "went off": a verb whose subject or object is the device."""
    words = word_set("explosion_verbs")
    return verb.lemma_.lower() in words or phrasal(verb) in words


def _planters(weapon: Token) -> list[Argument]:
    """"a bomb planted by militants", "a drone launched by the rebels": who used it acted."""
    return [argument_for("actor", obj, keep_preps=False) for clause in weapon.children
            if clause.dep_ == "acl" for agent in clause.children if agent.dep_ == "agent"
            for obj in agent.children if obj.dep_ == "pobj"]


def _absolute_subjects(participle: Token) -> list[Token]:
    """"Six soldiers were killed, with two others injured": the object of "with" before a
    participle that has no subject of its own is who underwent it (the parser hangs both on
    the main verb)."""
    if participle.dep_ != "advcl" or any(
            c.dep_ in ("nsubj", "nsubjpass") for c in participle.children):
        return []
    return [obj for prep in participle.head.children
            if prep.dep_ == "prep" and prep.lower_ == "with" and prep.i < participle.i
            for obj in prep.children if obj.dep_ == "pobj"]


def verb_args(verb: Token, args: list[Argument]) -> None:
    """Add to ``args`` the arguments of a verb trigger."""
    lemma = verb.lemma_.lower()
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
        # "12 people were killed and 30 injured": the second participle is passive too
        verb.tag_ == "VBN" and verb.dep_ == "conj"
        and any(c.dep_ == "auxpass" for c in verb.head.children)
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children))
    # "..., with two drivers wounded": the participle's subject underwent it
    absolute = verb.tag_ == "VBN" and any(
        c.dep_ == "mark" and c.lower_ == "with" for c in verb.children)
    passive = passive or absolute
    explodes = _explodes(verb)
    subject = subject_of(verb)
    if subject is not None and not passive and (
            lemma in word_set("patient_subject_verbs")
            or phrasal(verb) in word_set("patient_subject_verbs")):
        args.append(argument_for("victim", subject))  # "scores died": the dead are the subject
        subject = None
    elif subject is not None and (subject.dep_ == "nsubjpass" or (
            passive and (subject.head is not verb or absolute) and subject.dep_ == "nsubj")):
        # "130 more were mutilated, injured ...": a passive subject shared with a conjunct;
        # "he wanted to avoid being arrested": a subject shared with a passive clause
        role = "instrument" if (is_instrument(subject) or explodes) and \
            lemma not in _STOPPING else patient_role(lemma)
        if not (is_happening(subject) and lemma in word_set("light_verbs")):
            args.append(argument_for(role, subject))  # not "the attack ... was carried out"
        subject = None
    accused = accused_of(verb) if subject is None and verb.dep_ == "pcomp" else None
    if accused is not None:  # "the rebels were accused of killing six aid workers"
        args.append(argument_for("actor", accused, keep_preps=False))
    if subject is None and not passive and verb.tag_ in ("VBN", "VBD"):  # VBD: a misparse
        args.extend(argument_for(patient_role(lemma), t, keep_preps=False)
                    for t in _absolute_subjects(verb))
    if subject is not None and explodes and not is_person(subject) and \
            not any(c.dep_ == "dobj" for c in verb.children):
        args.append(argument_for("instrument", subject))  # "it exploded": the device
        args.extend(_planters(subject))
    elif subject is not None and is_happening(subject):
        # "Israeli airstrikes killed ten": who carried out the strikes killed
        args.extend(event_agents(subject))
    elif subject is not None and subject.lower_ not in ("who", "that", "which"):
        role = "instrument" if is_instrument(subject) else "actor"
        args.append(argument_for(role, subject))
        if role == "instrument" and owned(subject):
            # "Turkish drones struck": the drones' owner acted
            args.append(argument_for("actor", subject))
        if role == "instrument":
            args.extend(_planters(subject))
    elif subject is not None and verb.dep_ == "relcl":
        head = verb.head
        if is_happening(head):
            args.extend(event_agents(head))  # "a blast which injured six": whoever set it off
        elif not (is_place(head) and not is_person(head)):
            # not "the cafe in Madrid which killed 13": the clause belongs to the event
            role = "instrument" if is_instrument(head) or (explodes and not is_person(
                head)) else "actor"
            args.append(argument_for(role, head))
    for child in verb.children:
        if child.dep_ == "nsubjpass" and is_happening(child) and \
                lemma in word_set("light_verbs"):
            continue  # "the attack was carried out by X": the event itself, not a target
        if child.dep_ == "nsubjpass":
            # "the bomb was detonated": the weapon is what was used, unless it was stopped
            role = "instrument" if (is_instrument(child) or explodes) and \
                lemma not in _STOPPING else patient_role(lemma)
            args.append(argument_for(role, child))
        elif child.dep_ == "dobj" and not passive:
            if f"{lemma} {child.lemma_.lower()}" in lexicon().verb_triggers:
                continue  # "returned fire", "took control": the object is part of the trigger
            if child.lower_ in ("himself", "herself", "themselves", "itself"):
                continue  # "blew himself up": the bomber is the actor already
            if (is_instrument(child) or (explodes and not is_person(child))) and \
                    lemma not in _STOPPING:
                args.append(argument_for("instrument", child))  # "before detonating them"
            else:
                args.append(argument_for(patient_role(lemma), child, keep_preps=False))
                pp_arguments(child, args, {"place"})
    if not passive and not any(c.dep_ == "dobj" for c in verb.children):
        # "shot and killed a local chief": verbs joined by "and" share the object
        # ... if the other verb also does harm: "bombarding and starving people", "invade and
        # conquer the town", not "passed away and got a ballot"
        for conj in verb.conjuncts:
            if conj.i > verb.i and conj.pos_ == "VERB" and \
                    conj.lemma_.lower() in harm_words() and \
                    not any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children):
                for obj in (c for c in conj.children if c.dep_ == "dobj"):
                    args.append(argument_for(patient_role(lemma), obj, keep_preps=False))
                break
    if not passive and not any(c.dep_ == "dobj" for c in verb.children):
        # "attacked farmers harvesting olives", misparsed as a clause: its subject is the object
        for clause in (c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i):
            subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.pos_ in ("NOUN", "PROPN") and \
                    lemma not in lexicon().reporting_verbs:
                args.append(argument_for(patient_role(lemma), subj, keep_preps=False))
    pp_arguments(verb, args, {"target", "place", "time", "instrument", "actor"})
    time_arguments(verb, args)


def state_args(adjective: Token, args: list[Argument]) -> None:
    """"a man was shot dead", "nine people were dead": the subject of the clause; "the
    gunman, shot dead by police": the noun the clause hangs on."""
    found = counted_among(adjective)
    if found:
        args.extend(found)
        return
    verb = adjective.head
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        subjects = [verb.head]
    args.extend(argument_for("victim", s) for s in subjects)
    pp_arguments(verb, args, {"place", "time", "actor", "instrument"})
