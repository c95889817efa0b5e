"""Who stands where in a clause: the subject of a verb, who undergoes it, who is said to
stand behind an event (the accused, whoever is "behind" or "involved in" it, or took part),
and who is counted among the dead or hurt.

Used by the verb rules (``arguments_verbs``) and the noun rules (``arguments_nouns``).
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.extract.argument_phrases import argument_for, is_count, is_person
from eventwire.extract.lexicon import lexicon, word_set
from eventwire.model import Argument


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


def standing_for(noun: Token) -> Token:
    """"a series of attacks", "a spate of drone strikes": the collective noun that stands for
    the events in its clause."""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "of" and \
            prep.head.lemma_.lower() in word_set("collective_nouns"):
        return prep.head
    return noun


def patient_role(lemma: str) -> str:
    """Who undergoes a verb: a victim for killing, wounding, arrest ...; else a target."""
    return "victim" if lemma in word_set("victim_verbs") else "target"


def phrasal(verb: Token) -> str:
    """The verb with its particle: "go off", "pass away" (the parser may call it an adverb)."""
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt" or (
        c.dep_ == "advmod" and c.lower_ in ("away", "off", "up"))), "")
    return f"{verb.lemma_.lower()} {particle}"


def harm_words() -> frozenset[str]:
    """Verbs of doing harm: the trigger verbs and the verbs of killing, wounding, hitting."""
    return frozenset(lexicon().verb_triggers) | word_set("victim_verbs") | \
        word_set("injury_verbs") | word_set("death_verbs") | word_set("impact_verbs") | \
        word_set("patient_subject_verbs") | word_set("taking_verbs")


def accused_of(token: Token) -> Token | None:
    """Who is accused of an event: "the army accused the rebels of attacking a convoy",
    "the rebels were accused of killing", "Hamas blamed Israel for the strike", "they
    blamed the strike on Israel"."""
    if token.dep_ == "dobj" and token.head.lemma_.lower() in word_set("accusation_verbs"):
        return next((o for p in token.head.children if p.dep_ == "prep" and p.lower_ == "on"
                     for o in p.children if o.dep_ == "pobj"), None)
    prep = token.head
    if token.dep_ not in ("pcomp", "pobj") or prep.lower_ not in ("of", "for", "with"):
        return None
    holder = prep.head
    if holder.dep_ == "dobj" and holder.head.lemma_.lower() in word_set("accusation_verbs"):
        return holder  # the parser hangs "of attacking" on the accused
    if holder.lemma_.lower() not in word_set("accusation_verbs"):
        return None
    return next((c for c in holder.children if c.dep_ in ("dobj", "nsubjpass")), None)


def behind(noun: Token) -> Token | None:
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


def participant_in(noun: Token) -> Token | None:
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


def counted_among(word: Token) -> list[Argument]:
    """"the dead included four children", "two soldiers were among the wounded", "11 of the
    injured", "hundreds of wounded": the people counted among those who died or were hurt."""
    if word.dep_ in ("nsubj", "nsubjpass") and word.head.lemma_.lower() in ("include", "be"):
        return [argument_for("victim", t) for c in word.head.children
                if c.dep_ in ("dobj", "attr") for t in [c, *c.conjuncts]]
    if word.dep_ == "pobj" and word.head.lower_ == "among":
        holder = word.head.head
        return [argument_for("victim", c) for c in holder.children
                if c.dep_ in ("nsubj", "nsubjpass")]
    if word.dep_ == "pobj" and word.head.lower_ == "of" and is_count(word.head.head):
        return [argument_for("victim", word.head.head)]  # "11 of the injured"
    return []
