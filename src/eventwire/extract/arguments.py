"""Arguments of an event trigger: who acted, on whom, with what, where and when.

The clause structure decides roles: the subject of an active trigger verb acts, its
object is targeted, a passive subject is targeted and the ``by`` agent acts; a
noun trigger takes its target from ``on``/``against``/``of`` and its actor from a
possessor, a nationality adjective or ``by``. Weapons in subject position are
instruments, not actors ("two drones targeted a base": the drones are the
instrument, the attacker is unknown). In "X said Y attacked Z", X is the source
(see ``modality.speech_source``), never an argument.

>>> from eventwire.nlp import parse
>>> from eventwire.model import Span
>>> doc = parse("Gunmen attacked a police checkpoint in Kirkuk on Monday.")
>>> [(a.role, a.span.text) for a in arguments_for_trigger(doc, Span(8, 16, "attacked"))]
[('actor', 'Gunmen'), ('target', 'a police checkpoint'), ('place', 'Kirkuk'), ('time', 'Monday')]
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from eventwire.extract.argument_phrases import (
    argument_for,
    argument_root,
    ent_label,
    is_happening,
    is_instrument,
    is_person,
    is_place,
    names_a_country,
    owned,
)
from eventwire.extract.argument_phrases import counted as counted  # for extract.triggers
from eventwire.extract.argument_phrases import (  # for extract.mentions
    noun_phrase_bounds as noun_phrase_bounds,
)
from eventwire.extract.lexicon import lexicon, word_set
from eventwire.model import Argument, Span
from eventwire.nlp import PLACE_LABELS, TIME_LABELS

_PLACE_PREPS = {"in", "at", "near", "outside", "inside", "around", "across", "into", "from",
                "on"}
_TARGET_PREPS = {"on", "against", "at", "of", "upon", "targeting"}
# Verbs whose weapon object or passive subject was stopped, so it is the target.
_STOPPING = {"intercept", "destroy", "defuse", "down", "shoot"}


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, inherited through xcomp/conj chains ("threatened to attack").

    Through a participle clause, a passive subject is not inherited: in "the building was hit
    by a missile, killing six" the missile killed, not the building."""
    current = verb
    via_clause = False
    for _ in range(4):
        subj = next((c for c in current.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.dep_ == "nsubjpass" and via_clause:
            return next((o for a in current.children if a.dep_ == "agent"
                         for o in a.children if o.dep_ == "pobj"), None)
        if subj is not None:
            return subj if subj.dep_ == "nsubj" or current is not verb else None
        if current.dep_ == "acl" and current.head.pos_ in ("NOUN", "PROPN", "NUM") and (
                current.tag_ == "VBD" or (
                    current.lemma_.lower() in word_set("protest_verbs")
                    and not any(c.dep_ == "agent" for c in current.children))):
            # "Thousands of students protested", parsed as a clause on a noun
            return current.head
        purpose = current.dep_ == "advcl" and (
            any(c.lower_ == "to" and c.dep_ == "aux" for c in current.children)
            or current.tag_ == "VBG")  # "..., killing 130 people"
        if (current.dep_ in ("xcomp", "conj") or purpose) and current.head.i != current.i:
            via_clause = via_clause or purpose
            current = current.head
            continue
        break
    return None


def pp_arguments(token: Token, args: list[Argument], roles: set[str]) -> None:
    for prep in (c for c in token.children if c.dep_ in ("prep", "agent")):
        objs = [c for c in prep.children if c.dep_ == "pobj"]
        for obj in objs:
            word = prep.lower_
            if ent_label(obj) in TIME_LABELS:
                if "time" in roles:
                    args.append(argument_for("time", obj))
                if "place" in roles:  # "on Monday in Kabul": the parser hangs the town on the day
                    pp_arguments(obj, args, {"place"})
            elif (prep.dep_ == "agent" or word == "by") and is_happening(obj) and \
                    not is_instrument(obj):
                # "killed by an Israeli airstrike": who carried out the strike
                args.extend(_event_agents(obj))
            elif prep.dep_ == "agent" or word == "by":
                args.append(argument_for("instrument" if is_instrument(obj) else "actor", obj))
            elif word == "at" and obj.lower_ == "hands":  # "at the hands of militants"
                args.extend(argument_for("actor", o) for of in obj.children
                            if of.dep_ == "prep" and of.lower_ == "of"
                            for o in of.children if o.dep_ == "pobj")
            elif word == "into" and "target" in roles and \
                    token.lemma_.lower() in word_set("ramming_verbs"):
                args.append(argument_for("target", obj, keep_preps=False))  # "crashed into X"
            elif word == "with" and is_instrument(obj):
                args.append(argument_for("instrument", obj))
            elif word == "with" and "target" in roles and \
                    token.lemma_.lower() in word_set("mutual_verbs"):
                args.append(argument_for("target", obj, keep_preps=False))  # "clashed with X"
            elif word == "of" and "place" in roles and ent_label(obj) in PLACE_LABELS:
                args.append(argument_for("place", obj))  # "the bombing of Belfast"
            elif word in _TARGET_PREPS and "target" in roles and not (
                    word in ("at", "on") and ent_label(obj) in PLACE_LABELS) and not (
                    # "an explosion at a bus station": where, unless fired or aimed at it
                    word == "at" and is_place(obj)
                    and token.lemma_.lower() not in word_set("aimed_verbs")):
                args.append(argument_for("target", obj, keep_preps=False))
                # "on US bases in Iraq": the base's own location is the event place
                pp_arguments(obj, args, {"place", "time"})
            elif word == "from" and "target" in roles and not is_place(obj) and \
                    token.lemma_.lower() in word_set("taking_verbs"):
                args.append(argument_for("target", obj, keep_preps=False))  # lost the ground
            elif word in _PLACE_PREPS and is_place(obj) and "place" in roles:
                # keep "in Amman" of "the embassy in Amman": the town names the place
                args.append(argument_for("place", obj, keep_preps=True))
                for conj in obj.conjuncts:
                    args.append(argument_for("place", conj, keep_preps=True))


def time_arguments(token: Token, args: list[Argument]) -> None:
    for child in token.children:
        if child.dep_ in ("npadvmod", "tmod", "nmod", "compound", "poss") and \
                ent_label(child) in TIME_LABELS:
            args.append(argument_for("time", child))


def _patient_role(lemma: str) -> str:
    """Who undergoes a verb: a victim for killing, wounding, arrest ...; else a target."""
    return "victim" if lemma in word_set("victim_verbs") else "target"


def _phrasal(verb: Token) -> str:
    """The verb with its particle: "go off", "pass away" (the parser may call it an adverb)."""
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt" or (
        c.dep_ == "advmod" and c.lower_ in ("away", "off", "up"))), "")
    return f"{verb.lemma_.lower()} {particle}"


def _explodes(verb: Token) -> bool:
    """"exploded", "detonated", "went off": a verb whose subject or object is the device."""
    words = word_set("explosion_verbs")
    return verb.lemma_.lower() in words or _phrasal(verb) in words


def _planters(weapon: Token) -> list[Argument]:
    """"a bomb planted by militants", "a drone launched by the rebels": who used it acted."""
    return [argument_for("actor", obj, keep_preps=False) for clause in weapon.children
            if clause.dep_ == "acl" for agent in clause.children if agent.dep_ == "agent"
            for obj in agent.children if obj.dep_ == "pobj"]


def _verb_args(verb: Token, args: list[Argument]) -> None:
    lemma = verb.lemma_.lower()
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
        # "12 people were killed and 30 injured": the second participle is passive too
        verb.tag_ == "VBN" and verb.dep_ == "conj"
        and any(c.dep_ == "auxpass" for c in verb.head.children)
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children))
    explodes = _explodes(verb)
    subject = subject_of(verb)
    if subject is not None and not passive and (
            lemma in word_set("patient_subject_verbs")
            or _phrasal(verb) in word_set("patient_subject_verbs")):
        args.append(argument_for("victim", subject))  # "scores died": the dead are the subject
        subject = None
    elif subject is not None and (subject.dep_ == "nsubjpass" or (
            passive and subject.head is not verb and subject.dep_ == "nsubj")):
        # "130 more were mutilated, injured ...": a passive subject shared with a conjunct;
        # "he wanted to avoid being arrested": a subject shared with a passive clause
        role = "instrument" if (is_instrument(subject) or explodes) and \
            lemma not in _STOPPING else _patient_role(lemma)
        if not (is_happening(subject) and lemma in word_set("light_verbs")):
            args.append(argument_for(role, subject))  # not "the attack ... was carried out"
        subject = None
    accused = _accused(verb) if subject is None and verb.dep_ == "pcomp" else None
    if accused is not None:  # "the rebels were accused of killing six aid workers"
        args.append(argument_for("actor", accused, keep_preps=False))
    if subject is not None and explodes and not is_person(subject) and \
            not any(c.dep_ == "dobj" for c in verb.children):
        args.append(argument_for("instrument", subject))  # "it exploded": the device
        args.extend(_planters(subject))
    elif subject is not None and is_happening(subject):
        # "Israeli airstrikes killed ten": who carried out the strikes killed
        args.extend(_event_agents(subject))
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
            args.extend(_event_agents(head))  # "a blast which injured six": whoever set it off
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
                lemma not in _STOPPING else _patient_role(lemma)
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
                args.append(argument_for(_patient_role(lemma), child, keep_preps=False))
                pp_arguments(child, args, {"place"})
    if not passive and not any(c.dep_ == "dobj" for c in verb.children):
        # "shot and killed a local chief": verbs joined by "and" share the object
        # ... if the other verb also does harm: "bombarding and starving people", "invade and
        # conquer the town", not "passed away and got a ballot"
        for conj in verb.conjuncts:
            if conj.i > verb.i and conj.pos_ == "VERB" and \
                    conj.lemma_.lower() in _harm_words() and \
                    not any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children):
                for obj in (c for c in conj.children if c.dep_ == "dobj"):
                    args.append(argument_for(_patient_role(lemma), obj, keep_preps=False))
                break
    if not passive and not any(c.dep_ == "dobj" for c in verb.children):
        # "attacked farmers harvesting olives", misparsed as a clause: its subject is the object
        for clause in (c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i):
            subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.pos_ in ("NOUN", "PROPN") and \
                    lemma not in lexicon().reporting_verbs:
                args.append(argument_for(_patient_role(lemma), subj, keep_preps=False))
    pp_arguments(verb, args, {"target", "place", "time", "instrument", "actor"})
    time_arguments(verb, args)


def _event_agents(noun: Token) -> list[Argument]:
    """Who or what carried out the event a noun names ("Israeli airstrikes", "an attack by
    X", "a car bomb"), for the verb it is the subject of."""
    found: list[Argument] = []
    _noun_args(noun, found, governing=False)
    return [a for a in found if a.role in ("actor", "instrument") and a.head != noun.text]


def _is_patient_possessor(noun: Token, owner: Token) -> bool:
    """"the teenager's killing", "his arrest": the possessor suffered it; not "Hamas's
    kidnapping of X", nor "Israel's killing" (a state or group acts)."""
    if noun.lemma_.lower() not in word_set("patient_nouns") and \
            noun.lower_ not in word_set("patient_nouns"):
        return False
    preps = {c.lower_ for c in noun.children if c.dep_ in ("prep", "agent")}
    if "of" in preps:
        return False
    return "by" in preps or ent_label(owner) not in ("ORG", "NORP", "GPE")


def _noun_args(noun: Token, args: list[Argument], governing: bool = True) -> None:
    lex = lexicon()
    for child in noun.children:
        label = ent_label(child)
        if child.dep_ == "poss" and child.lower_ != "its" and _is_patient_possessor(noun, child):
            args.append(argument_for("victim", child))
        elif child.dep_ == "poss" and label not in TIME_LABELS and child.lower_ not in (
                "its", "their", "his", "her"):
            args.append(argument_for("actor", child))
        elif child.dep_ == "compound" and label in ("GPE", "LOC") and \
                not names_a_country(child):
            args.append(argument_for("place", child))  # "the Orlando massacre"
        elif child.dep_ in ("amod", "compound", "nmod") and (
                label in ("NORP", "GPE", "ORG") or (child.pos_ == "PROPN" and child.is_upper
                                                   and label not in PLACE_LABELS)):
            args.append(argument_for("actor", child))  # "Israeli strikes", "IS attacks"
        elif child.dep_ in ("compound", "nmod") and child.lemma_.lower() in lex.instruments:
            args.append(argument_for("instrument", child))
        elif child.dep_ == "compound" and is_place(child) and label in PLACE_LABELS:
            args.append(argument_for("place", child))
        elif child.dep_ == "compound" and child.lemma_.lower() in lexicon().place_nouns:
            args.append(argument_for("target", child))
    pp_arguments(noun, args, {"target", "place", "time", "instrument", "actor"})
    if noun.dep_ == "conj" and noun.head.pos_ == "NOUN":
        # "the slaughter and maiming of civilians": conjoined nouns share their phrases
        pp_arguments(noun.head, args, {"target", "place", "actor"})
    time_arguments(noun, args)
    for child in noun.children:
        if child.dep_ == "relcl":  # "an explosion that killed hundreds in a hospital"
            for sub in _verb_only_targets(child):
                args.append(sub)
    for prep in (c for c in noun.children if c.dep_ == "prep"):
        # "a bombing at a mosque that killed dozens": the parser hangs the clause on the place
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            for clause in (c for c in obj.children if c.dep_ == "relcl"):
                if clause.lemma_.lower() in word_set("victim_verbs"):
                    args.extend(a for a in _verb_only_targets(clause) if a.role == "victim")
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in ("suffer", "sustain", "receive"):
        for child in noun.head.children:  # "13 people had suffered minor injuries"
            if child.dep_ == "nsubj":
                args.append(argument_for("victim", child))
    if noun.dep_ == "nsubj" and noun.head.pos_ == "AUX":
        pp_arguments(noun.head, args, {"place", "time"})  # "the explosion was at the station"
    if noun.dep_ in ("nsubj",) and noun.head.pos_ == "VERB":
        # "Tuesday's explosion hit the hospital": the verb's object is the target; not so
        # for "the bombing caused chaos"
        verb_lemma = noun.head.lemma_.lower()
        role = "victim" if verb_lemma in word_set("victim_verbs") | word_set("injury_verbs") \
            else "target" if verb_lemma in word_set("impact_verbs") else None
        for child in noun.head.children:
            if child.dep_ == "dobj" and role is not None:
                args.append(argument_for(role, child))
        pp_arguments(noun.head, args, {"place", "time"})
    _clause_on_noun_args(noun, args)
    if governing:
        _governing_verb_args(noun, args)


def _clause_on_noun_args(noun: Token, args: list[Argument]) -> None:
    """"attacks carried out by X", "bombings aimed at civilians", "a battle between X and Y"."""
    for child in noun.children:
        if child.dep_ in ("acl", "relcl") and child.pos_ in ("VERB", "AUX"):
            # "bombings which seemed to be aimed at civilians": through the clause's xcomp
            child = next((c for c in child.children if c.dep_ == "xcomp"), child)
            for prep in child.children:
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if obj is None:
                    continue
                if prep.dep_ == "agent" or prep.lower_ == "by":
                    args.append(argument_for("actor", obj))
                elif prep.lower_ in ("at", "against", "on") and not is_place(obj):
                    args.append(argument_for("target", obj, keep_preps=False))
        elif child.dep_ == "prep" and child.lower_ == "between":
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None:
                args.append(argument_for("actor", obj, keep_preps=False))
                for other in obj.conjuncts:
                    args.append(argument_for("target", other, keep_preps=False))


# "<verb> <preposition> <event noun>": the verb's active subject took part in the event.
# (prepositions, word list, whether the list holds the noun's or the verb's lemma, whether
# the subject must be armed)
_PARTICIPATION = (
    (("in",), "joined_events", "noun", False),  # "students blocked a bridge in a protest"
    # "troops rescued 25 children after a gunfight with bandits"
    (("after", "in", "during"), "mutual_verbs", "noun", True),
    (("with",), "response_verbs", "verb", False),  # "the army responded with artillery fire"
    (("to", "on"), "accord_verbs", "verb", False),  # "the army and the RSF agreed to a truce"
)


def _participant(noun: Token) -> Token | None:
    """Who took part in an event named by ``noun``, a preposition's object under a verb."""
    prep, verb = noun.head, noun.head.head
    for preps, words, holder, armed in _PARTICIPATION:
        lemma = (noun if holder == "noun" else verb).lemma_.lower()
        if prep.lower_ not in preps or lemma not in word_set(words):
            continue
        subject = subject_of(verb)
        if subject is not None and subject.dep_ == "nsubj" and (
                not armed or subject.lemma_.lower() in word_set("armed_words")):
            return subject
    return None


def _accused(token: Token) -> Token | None:
    """Who is accused of an event: "the army accused the rebels of attacking a convoy",
    "the rebels were accused of killing", "Hamas blamed Israel for the strike"."""
    prep = token.head
    if token.dep_ not in ("pcomp", "pobj") or prep.lower_ not in ("of", "for", "with"):
        return None
    holder = prep.head
    if holder.dep_ == "dobj" and holder.head.lemma_.lower() in word_set("accusation_verbs"):
        return holder  # the parser hangs "of attacking" on the accused
    if holder.lemma_.lower() not in word_set("accusation_verbs"):
        return None
    return next((c for c in holder.children if c.dep_ in ("dobj", "nsubjpass")), None)


def _behind(noun: Token) -> Token | None:
    """Who is said to stand behind an event: "the man behind the bombing", "34 people are
    involved in the attempt", "a man believed responsible for the blast"."""
    prep = noun.head
    word, holder = prep.lower_, prep.head
    if word == "behind" and holder.pos_ in ("NOUN", "PROPN") and is_person(holder):
        return holder
    if word == "in" and holder.lemma_.lower() in word_set("involvement_words"):
        verb = holder if holder.pos_ == "VERB" else holder.head
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return subject or subject_of(verb)
    if word == "for" and holder.lemma_.lower() == "responsible":
        verb = holder.head  # "X was responsible for", "a man believed (to be) responsible"
        subject = subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None
        while subject is None and verb.dep_ in ("xcomp", "acl", "oprd", "ccomp") and \
                verb.head.i != verb.i:
            if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
                return verb.head
            verb = verb.head
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        return subject
    return None


def _governing_verb_args(noun: Token, args: list[Argument]) -> None:
    """Who carried it out, from the verb that governs the noun: "X launched a series of
    attacks", "X held a rally", "X claimed responsibility for the bombings"."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "of" and \
            head.head.lemma_.lower() in word_set("collective_nouns"):
        noun = head.head  # "a series of attacks" stands for the attacks
        head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in (
            "responsibility", "credit"):
        noun = head.head  # "claimed responsibility for the bombings"
        head = noun.head
    participant = _participant(noun) if noun.dep_ == "pobj" else None
    if participant is None and noun.dep_ == "pobj":
        participant = _behind(noun) or _accused(noun)
    if participant is not None:
        args.append(argument_for("actor", participant))
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "VERB" and \
            not any(a.role == "place" for a in args):
        # "fighters were killed in IS attacks in Badia": the clause's place is the attacks'
        pp_arguments(head.head, args, {"place"})
    carriers = word_set("light_verbs") | word_set("claim_verbs")
    if noun.dep_ == "nsubjpass" and head.lemma_.lower() in word_set("light_verbs"):
        # "the attack was carried out by the PKK"
        args.extend(argument_for("actor", o) for a in head.children if a.dep_ == "agent"
                    for o in a.children if o.dep_ == "pobj")
    if noun.dep_ == "dobj" and head.lemma_.lower() in carriers:
        subject = subject_of(head)
        if subject is not None and subject.lower_ not in ("who", "that", "which"):
            args.append(argument_for("actor", subject))
        # "used water cannon against demonstrators": the verb's target is the event's
        pp_arguments(head, args, {"place", "time", "target"})
        time_arguments(head, args)


def _counted_among(word: Token) -> list[Argument]:
    """"the dead included four children", "two soldiers were among the wounded": the people
    counted among those who died or were hurt."""
    if word.dep_ in ("nsubj", "nsubjpass") and word.head.lemma_.lower() in ("include", "be"):
        return [argument_for("victim", t) for c in word.head.children
                if c.dep_ in ("dobj", "attr") for t in [c, *c.conjuncts]]
    if word.dep_ == "pobj" and word.head.lower_ == "among":
        holder = word.head.head
        return [argument_for("victim", c) for c in holder.children
                if c.dep_ in ("nsubj", "nsubjpass")]
    return []


def _state_args(adjective: Token, args: list[Argument]) -> None:
    """"a man was shot dead", "nine people were dead": the subject of the clause."""
    found = _counted_among(adjective)
    if found:
        args.extend(found)
        return
    verb = adjective.head
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            args.append(argument_for("victim", child))
    pp_arguments(verb, args, {"place", "time", "actor", "instrument"})


def _verb_only_targets(verb: Token) -> list[Argument]:
    found: list[Argument] = []
    for child in verb.children:
        if child.dep_ == "dobj":  # "which killed six": victims; "which targeted a base"
            role = "victim" if verb.lemma_.lower() not in word_set("impact_verbs") else "target"
            found.append(argument_for(role, child, keep_preps=False))
    pp_arguments(verb, found, {"place", "time"})
    return found


def _occupants(target: Token) -> list[Argument]:
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


def _helpers(actor: Token) -> list[Argument]:
    """Who acted beside an actor: "militias, backed by Somali troops, ..." (associated)."""
    found: list[Argument] = []
    for clause in actor.children:
        if clause.dep_ in ("acl", "relcl") and \
                clause.lemma_.lower() in word_set("support_verbs"):
            for agent in (c for c in clause.children if c.dep_ == "agent"):
                found.extend(argument_for("actor", obj, keep_preps=False)
                             for obj in agent.children if obj.dep_ == "pobj")
    return found


def _clause_place(token: Token) -> list[Argument]:
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


def _included(head: Token, role: str) -> list[Argument]:
    """The members listed after "including" on a victim or target, or on its verb."""
    found = []
    places = [head] + ([head.head] if head.dep_ in ("nsubjpass", "dobj") else [])
    for prep in (c for t in places for c in t.children
                 if c.dep_ == "prep" and c.lower_ == "including"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            found.extend(argument_for(role, t, keep_preps=False) for t in [obj, *obj.conjuncts])
    return found


def _harm_words() -> frozenset[str]:
    """Verbs of doing harm: the trigger verbs and the verbs of killing, wounding, hitting."""
    return frozenset(lexicon().verb_triggers) | word_set("victim_verbs") | \
        word_set("injury_verbs") | word_set("death_verbs") | word_set("impact_verbs") | \
        word_set("patient_subject_verbs") | word_set("taking_verbs")


def _harmed_by(token: Token) -> list[Argument]:
    """Who did the harm, told in a clause of its own: "20 people were killed when gunmen
    opened fire", "five died after a rocket hit their house" (a weapon is the instrument);
    "jihadists killed 15 villagers in a raid": who killed carried out the raid."""
    found: list[Argument] = []
    if token.pos_ in ("VERB", "AUX"):
        for clause in token.children:
            if clause.dep_ == "advcl" and clause.lemma_.lower() in _harm_words() | word_set(
                    "light_verbs") | {"open"} and any(
                    c.lower_ in ("when", "as", "after") for c in clause.children):
                for subj in (c for c in clause.children if c.dep_ == "nsubj"):
                    role = "instrument" if is_instrument(subj) else "actor"
                    if not is_happening(subj):
                        found.append(argument_for(role, subj))
    elif token.dep_ == "pobj" and token.head.lower_ in ("in", "during"):
        verb = token.head.head
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if verb.pos_ == "VERB" and verb.lemma_.lower() in _harm_words() and \
                verb.lemma_.lower() not in word_set("patient_subject_verbs") and \
                subject is not None and not is_happening(subject):  # not "scores died in"
            found.append(argument_for("actor", subject))
    return found


def _harmed_when(token: Token) -> list[Argument]:
    """"Two soldiers were wounded when a strike hit their post", "troops were injured in a
    spate of drone strikes": who the clause the event explains says was harmed."""
    if token.dep_ == "pobj" and token.head.lower_ == "of" and \
            token.head.head.lemma_.lower() in word_set("collective_nouns"):
        token = token.head.head  # "a spate of drone strikes" stands for the strikes
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


def trigger_token(doc: Doc, trigger: Span) -> Token:
    """The syntactic head token of a trigger span."""
    span = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        raise ValueError(f"trigger {trigger.text!r} at {trigger.start}-{trigger.end} "
                         "does not align with the document's tokens")
    return span.root


def arguments_for_trigger(doc: Doc, trigger: Span) -> list[Argument]:
    """The arguments of one trigger, in text order, without duplicates."""
    token = trigger_token(doc, trigger)
    args: list[Argument] = []
    suffered = word_set("victim_verbs") | word_set("death_verbs") | word_set("injury_verbs")
    reduced = token.dep_ == "relcl" and token.tag_ == "VBN" and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in token.children)  # "the fighters wounded in"
    if (token.dep_ in ("acl", "amod") or reduced) and \
            token.head.pos_ in ("NOUN", "PROPN", "NUM") and (
            token.lemma_.lower() in suffered or token.lower_ in word_set("state_participles")):
        # "six members killed", "an Afghani injured", "the slain soldier": the noun is who
        # suffered it
        args.append(argument_for("victim", token.head))
        pp_arguments(token, args, {"place", "time", "actor", "instrument"})
    elif token.lower_ in word_set("state_participles") and _counted_among(token):
        args.extend(_counted_among(token))  # "the wounded included ...", parsed as a verb
    elif token.dep_ == "amod" and token.lower_ in word_set("fatal_words") and \
            is_happening(token.head):
        # "the fatal shooting of X by Y": the shooting's target died, its actor killed
        found: list[Argument] = []
        _noun_args(token.head, found)
        args.extend(Argument(role="victim" if a.role == "target" else a.role, span=a.span,
                             head=a.head) for a in found)
    elif token.pos_ in ("VERB", "AUX"):
        _verb_args(token, args)
        if token.dep_ == "relcl" and any(c.lower_ == "where" for c in token.children):
            args.append(argument_for("place", token.head, keep_preps=False))  # "..., where
    elif token.pos_ == "ADJ":
        _state_args(token, args)
    else:
        _noun_args(token, args)
    # "four workers and two soldiers were killed": each conjunct suffered it
    for arg in list(args):
        if arg.role in ("victim", "target", "actor"):
            head = argument_root(doc, arg.span)
            taken = {(a.span.start, a.span.end) for a in args}
            for conj in (head.conjuncts if head is not None else ()):
                if is_happening(conj):
                    continue  # "attacks on soldiers and assassinations": another event
                extra = argument_for(arg.role, conj, keep_preps=False)
                if (extra.span.start, extra.span.end) not in taken:  # "between X and Y"
                    args.append(extra)
    # "six people were arrested, including two journalists": each one named suffered it too
    for arg in list(args):
        head = argument_root(doc, arg.span) if arg.role in ("victim", "target") else None
        if head is not None:
            args.extend(_included(head, arg.role))
    args.extend(_harmed_when(token))
    if not any(a.role in ("actor", "instrument") for a in args):
        args.extend(_harmed_by(token))
    if not any(a.role == "place" for a in args):
        args.extend(_clause_place(token))
    # who acted beside an actor, and who was in a target
    for arg in list(args):
        head = argument_root(doc, arg.span) if arg.role in ("actor", "target") else None
        if head is not None:
            args.extend(_helpers(head) if arg.role == "actor" else _occupants(head))
    seen: set[tuple[str, int, int]] = set()
    unique = []
    for arg in sorted(args, key=lambda a: a.span.start):
        key = (arg.role, arg.span.start, arg.span.end)
        # the trigger itself is no argument; "the slain soldiers" holds it and is one
        root = argument_root(doc, arg.span)
        is_trigger = arg.role != "target" and (root is None or root.i == token.i)
        if key in seen or is_trigger:
            continue
        seen.add(key)
        unique.append(arg)
    return unique
