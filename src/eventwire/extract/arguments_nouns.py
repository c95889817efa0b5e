"""Prepositional phrases and noun triggers: "an attack by X on Y in Z", "Israeli strikes",
"X launched a series of attacks".

The two live together because they recurse into each other: "killed by an Israeli airstrike"
asks the strike who carried it out, and a noun trigger reads its own prepositions.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.extract.argument_phrases import (
    argument_for,
    ent_label,
    is_happening,
    is_instrument,
    is_place,
    names_a_country,
)
from eventwire.extract.arguments_clauses import (
    accused_of,
    behind,
    counted_among,
    participant_in,
    standing_for,
    subject_of,
)
from eventwire.extract.lexicon import lexicon, word_set
from eventwire.extract.modality import unsaid
from eventwire.model import Argument
from eventwire.nlp import PLACE_LABELS, TIME_LABELS

_PLACE_PREPS = {"in", "at", "near", "outside", "inside", "around", "across", "into", "from",
                "on"}
_TARGET_PREPS = {"on", "against", "at", "of", "upon", "targeting"}


def pp_arguments(token: Token, args: list[Argument], roles: set[str]) -> None:
    """Add to ``args`` what the prepositional phrases of ``token`` give, in ``roles``."""
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
                args.extend(event_agents(obj))
            elif prep.dep_ == "agent" or word == "by":
                args.append(argument_for("instrument" if is_instrument(obj) else "actor", obj))
            elif word == "on" and token.dep_ == "dobj" and \
                    token.head.lemma_.lower() in word_set("accusation_verbs"):
                args.append(argument_for("actor", obj, keep_preps=False))  # "blamed it on X"
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
                    and token.lemma_.lower() not in word_set("aimed_verbs")) and not (
                    # "killed on the spot", "wounding 13 people on a street": one kills
                    # someone, never on someone, so "on" and "at" say where
                    word in ("on", "at", "upon") and token.pos_ in ("VERB", "AUX")
                    and token.lemma_.lower() in word_set("victim_verbs")):
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
    """Add to ``args`` a time hung on ``token`` without a preposition ("Monday's attack")."""
    for child in token.children:
        if child.dep_ in ("npadvmod", "tmod", "nmod", "compound", "poss") and \
                ent_label(child) in TIME_LABELS:
            args.append(argument_for("time", child))


def event_agents(noun: Token) -> list[Argument]:
    """Who or what carried out the event a noun names ("Israeli airstrikes", "an attack by
    X", "a car bomb"), for the verb it is the subject of."""
    found: list[Argument] = []
    noun_args(noun, found, governing=False)
    return [a for a in found if a.role in ("actor", "instrument") and a.head != noun.text]


def _harms_people(noun: Token) -> bool:
    """A noun of killing, wounding or arrest ("the arrest", "a shooting"): who it names
    suffered it."""
    return noun.lemma_.lower() in word_set("patient_nouns") or \
        noun.lower_ in word_set("patient_nouns")


def _is_patient_possessor(noun: Token, owner: Token) -> bool:
    """"the teenager's killing", "his arrest": the possessor suffered it; not "Hamas's
    kidnapping of X", nor "Israel's killing" (a state or group acts)."""
    if not _harms_people(noun):
        return False
    preps = {c.lower_ for c in noun.children if c.dep_ in ("prep", "agent")}
    if "of" in preps:
        return False
    return "by" in preps or ent_label(owner) not in ("ORG", "NORP", "GPE")


def noun_args(noun: Token, args: list[Argument], governing: bool = True) -> None:
    """Add to ``args`` the arguments of a noun trigger; with ``governing``, also those the
    verb that governs it gives ("X launched attacks")."""
    _modifier_args(noun, args)
    pp_arguments(noun, args, {"target", "place", "time", "instrument", "actor"})
    if noun.dep_ == "compound" and noun.head.pos_ in ("NOUN", "PROPN"):
        # "the homicide rate in X", "rape charges in X": the phrase's place is the event's
        pp_arguments(noun.head, args, {"place"})
        if noun.head.lemma_.lower() in word_set("death_nouns"):  # "a death toll of 11"
            args.extend(argument_for("victim", o) for p in noun.head.children
                        if p.dep_ == "prep" and p.lower_ == "of"
                        for o in p.children if o.dep_ == "pobj")
    if noun.dep_ == "conj" and noun.head.pos_ == "NOUN":
        # "the slaughter and maiming of civilians": conjoined nouns share their phrases
        pp_arguments(noun.head, args, {"target", "place", "actor"})
    time_arguments(noun, args)
    for child in noun.children:
        if child.dep_ == "relcl":  # "an explosion that killed hundreds in a hospital"
            for sub in verb_only_targets(child):
                args.append(sub)
    for prep in (c for c in noun.children if c.dep_ == "prep"):
        # "a bombing at a mosque that killed dozens": the parser hangs the clause on the place
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            for clause in (c for c in obj.children if c.dep_ == "relcl"):
                if clause.lemma_.lower() in word_set("victim_verbs"):
                    args.extend(a for a in verb_only_targets(clause) if a.role == "victim")
    if noun.lemma_.lower() in word_set("death_nouns") | word_set("injury_nouns"):
        args.extend(counted_among(noun))  # "the fatalities included two Iraqis"
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in ("suffer", "sustain", "receive"):
        for child in noun.head.children:  # "13 people had suffered minor injuries"
            if child.dep_ == "nsubj":
                args.append(argument_for("victim", child))
    _doer_clause_args(noun, args, governing)
    _clause_on_noun_args(noun, args)
    if governing:
        _governing_verb_args(noun, args)


def _modifier_args(noun: Token, args: list[Argument]) -> None:
    """What the words before a noun trigger give: "Hamas's kidnapping", "Israeli strikes",
    "the Orlando massacre", "a drone attack", "a checkpoint attack"."""
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
        elif child.dep_ in ("compound", "nmod") and child.lemma_.lower() in lex.instruments \
                and child.lemma_.lower() not in word_set("not_weapons"):  # "suicide bombing"
            args.append(argument_for("instrument", child))
        elif child.dep_ == "compound" and is_place(child) and label in PLACE_LABELS:
            args.append(argument_for("place", child))
        elif child.dep_ == "compound" and child.lemma_.lower() in lexicon().place_nouns:
            # "a checkpoint attack" hit the checkpoint; "house arrest", "a school shooting"
            # happened there
            role = "place" if _harms_people(noun) else "target"
            args.append(argument_for(role, child))


def _doer_clause_args(noun: Token, args: list[Argument], governing: bool) -> None:
    """What the clause in which the event does something gives: "the explosion hit the
    hospital", "the building was shattered by an explosion", "the blast was at a station"."""
    subject = standing_for(noun)  # "a wave of shootings broke out in X"
    if subject.dep_ == "nsubj" and subject.head.pos_ == "AUX":
        pp_arguments(subject.head, args, {"place", "time"})  # "the explosion was at the station"
    if subject.dep_ == "nsubj" and subject.head.pos_ == "VERB":
        # "Tuesday's explosion hit the hospital": the verb's object is the target; not so
        # for "the bombing caused chaos"
        verb_lemma = subject.head.lemma_.lower()
        role = "victim" if verb_lemma in word_set("victim_verbs") | word_set("injury_verbs") \
            else "target" if verb_lemma in word_set("impact_verbs") else None
        for child in subject.head.children:
            if child.dep_ == "dobj" and role is not None:
                args.append(argument_for(role, child))
                pp_arguments(child, args, {"place"})  # "hit a bakery on Hill Street"
        pp_arguments(subject.head, args, {"place", "time"})
    if governing and noun.dep_ == "pobj" and noun.head.dep_ == "agent" and \
            noun.head.head.lemma_.lower() in word_set("impact_verbs"):
        # "the building in X was shattered by an explosion": what it hit, and where that is
        for child in noun.head.head.children:
            if child.dep_ == "nsubjpass":
                args.append(argument_for("target", child))
                pp_arguments(child, args, {"place"})


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
                elif prep.lower_ in ("at", "against", "on") and not is_place(obj) and \
                        child.lemma_.lower() in word_set("aimed_verbs") | word_set("light_verbs"):
                    # "aimed at civilians", "carried out against X"; not "took place on
                    # orders"
                    args.append(argument_for("target", obj, keep_preps=False))
        elif child.dep_ == "prep" and child.lower_ == "between":
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None:
                args.append(argument_for("actor", obj, keep_preps=False))
                for other in obj.conjuncts:
                    args.append(argument_for("target", other, keep_preps=False))
                # "a battle between X and Y in Z": the parser hangs the place on a side
                for side in (obj, *obj.conjuncts):
                    pp_arguments(side, args, {"place"})


def _governing_verb_args(noun: Token, args: list[Argument]) -> None:
    """Who carried it out, from the verb that governs the noun: "X launched a series of
    attacks", "X held a rally", "X claimed responsibility for the bombings"."""
    noun = standing_for(noun)
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in (
            "responsibility", "credit"):
        noun = head.head  # "claimed responsibility for the bombings"
        head = noun.head
    participant = participant_in(noun) if noun.dep_ == "pobj" else None
    if participant is None and noun.dep_ == "pobj":
        participant = behind(noun) or accused_of(noun)
    elif participant is None and noun.dep_ == "dobj":
        participant = accused_of(noun)  # "blamed the strike on Israel"
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
        # not "no group claimed the attack", "the army did not carry it out"
        if subject is not None and subject.lower_ not in ("who", "that", "which") and \
                not unsaid(head, subject):
            args.append(argument_for("actor", subject))
        # "used water cannon against demonstrators": the verb's target is the event's
        pp_arguments(head, args, {"place", "time", "target"})
        time_arguments(head, args)


def verb_only_targets(verb: Token) -> list[Argument]:
    """Who a clause on an event noun harmed, with its place and time ("an explosion that
    killed hundreds"); not its subject, which is the event itself."""
    found: list[Argument] = []
    for child in verb.children:
        if child.dep_ == "dobj":  # "which killed six": victims; "which targeted a base"
            role = "victim" if verb.lemma_.lower() not in word_set("impact_verbs") else "target"
            found.append(argument_for(role, child, keep_preps=False))
    pp_arguments(verb, found, {"place", "time"})
    return found
