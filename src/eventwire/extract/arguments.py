"""Arguments of an event trigger: who acted, on whom, with what, where and when.

The clause structure decides roles: the subject of an active trigger verb acts, its
object is targeted, a passive subject is targeted and the ``by`` agent acts; a
noun trigger takes its target from ``on``/``against``/``of`` and its actor from a
possessor, a nationality adjective or ``by``. Weapons in subject position are
instruments, not actors ("two drones targeted a base": the drones are the
instrument, the attacker is unknown). In "X said Y attacked Z", X is the source
(see ``modality.speech_source``), never an argument.

The rules live in ``arguments_clauses`` (subjects, who undergoes a verb, who stands behind
an event), ``arguments_nouns`` (prepositional phrases and noun triggers),
``arguments_verbs`` (verb and adjective triggers) and ``arguments_context`` (other clauses
of the sentence); this module picks among them for one trigger and tidies the result.

>>> from eventwire.nlp import parse
>>> from eventwire.model import Span
>>> doc = parse("Gunmen attacked a police checkpoint in Kirkuk on Monday.")
>>> [(a.role, a.span.text) for a in arguments_for_trigger(doc, Span(8, 16, "attacked"))]
[('actor', 'Gunmen'), ('target', 'a police checkpoint'), ('place', 'Kirkuk'), ('time', 'Monday')]
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from eventwire.extract.argument_phrases import argument_for, argument_root, is_happening
from eventwire.extract.argument_phrases import counted as counted  # for extract.triggers
from eventwire.extract.argument_phrases import (  # for extract.mentions
    noun_phrase_bounds as noun_phrase_bounds,
)
from eventwire.extract.arguments_clauses import counted_among
from eventwire.extract.arguments_clauses import subject_of as subject_of
from eventwire.extract.arguments_context import (
    carried,
    clause_place,
    harmed_by,
    harmed_when,
    helpers,
    included,
    occupants,
)
from eventwire.extract.arguments_nouns import noun_args
from eventwire.extract.arguments_nouns import pp_arguments as pp_arguments
from eventwire.extract.arguments_nouns import time_arguments as time_arguments
from eventwire.extract.arguments_verbs import state_args, verb_args
from eventwire.extract.lexicon import word_set
from eventwire.model import Argument, Span


def trigger_token(doc: Doc, trigger: Span) -> Token:
    """The syntactic head token of a trigger span."""
    span = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        raise ValueError(f"trigger {trigger.text!r} at {trigger.start}-{trigger.end} "
                         "does not align with the document's tokens")
    return span.root


def _members(head: Token) -> list[Token]:
    """The other members of a list a phrase head stands in; "eight women, a girl and four
    men", which the parser may read as "eight women" with "a girl and four men" in
    apposition, is one list."""
    members = list(head.conjuncts)
    for token in (head, *head.conjuncts):
        if token.dep_ == "appos" and token.conjuncts and token.head not in members and \
                token.head.pos_ in ("NOUN", "PROPN"):
            members.append(token.head)
    if head.pos_ in ("NOUN", "PROPN"):
        members.extend(m for c in head.children if c.dep_ == "appos" and c.conjuncts
                       for m in (c, *c.conjuncts) if m not in members)
    return [m for m in members if m is not head]


def _noun_of(participle: Token) -> Token:
    """The noun a participle or adjective describes; "the slain military officials", which
    the parser may read as "slain military", describes the officials."""
    holder = participle.head
    if participle.dep_ == "amod":
        while holder.dep_ == "amod" and holder.pos_ == "ADJ" and holder.head.i != holder.i:
            holder = holder.head
    return holder


def arguments_for_trigger(doc: Doc, trigger: Span) -> list[Argument]:
    """The arguments of one trigger, in text order, without duplicates."""
    token = trigger_token(doc, trigger)
    args: list[Argument] = []
    suffered = word_set("victim_verbs") | word_set("death_verbs") | word_set("injury_verbs")
    reduced = token.dep_ == "relcl" and token.tag_ == "VBN" and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in token.children)  # "the fighters wounded in"
    holder = _noun_of(token)
    if (token.dep_ in ("acl", "amod") or reduced) and \
            holder.pos_ in ("NOUN", "PROPN", "NUM") and (
            token.lemma_.lower() in suffered or token.lower_ in word_set("state_participles")):
        # "six members killed", "an Afghani injured", "the slain soldier": the noun is who
        # suffered it
        args.append(argument_for("victim", holder))
        pp_arguments(token, args, {"place", "time", "actor", "instrument"})
    elif token.lower_ in word_set("state_participles") and counted_among(token):
        args.extend(counted_among(token))  # "the wounded included ...", parsed as a verb
    elif token.dep_ == "amod" and token.lower_ in word_set("fatal_words") and \
            is_happening(token.head):
        # "the fatal shooting of X by Y": the shooting's target died, its actor killed
        found: list[Argument] = []
        noun_args(token.head, found)
        args.extend(Argument(role="victim" if a.role == "target" else a.role, span=a.span,
                             head=a.head) for a in found)
    elif token.pos_ in ("VERB", "AUX"):
        verb_args(token, args)
        if token.dep_ == "relcl" and any(c.lower_ == "where" for c in token.children):
            args.append(argument_for("place", token.head, keep_preps=False))  # "..., where
    elif token.pos_ in ("ADJ", "ADP"):
        state_args(token, args)  # "nine people were dead", "hundreds are in jail"
    else:
        noun_args(token, args)
    # "four workers and two soldiers were killed": each conjunct suffered it
    for arg in list(args):
        if arg.role in ("victim", "target", "actor"):
            head = argument_root(doc, arg.span)
            taken = {(a.span.start, a.span.end) for a in args}
            for conj in (_members(head) if head is not None else ()):
                if is_happening(conj):
                    continue  # "attacks on soldiers and assassinations": another event
                extra = argument_for(arg.role, conj, keep_preps=False)
                if (extra.span.start, extra.span.end) not in taken:  # "between X and Y"
                    args.append(extra)
    # "six people were arrested, including two journalists": each one named suffered it too
    for arg in list(args):
        head = argument_root(doc, arg.span) if arg.role in ("victim", "target") else None
        if head is not None:
            args.extend(included(head, arg.role))
    args.extend(harmed_when(token))
    if not any(a.role in ("actor", "instrument") for a in args):
        args.extend(harmed_by(token))
    if not any(a.role == "place" for a in args):
        args.extend(clause_place(token))
    # who acted beside an actor and what it carried, and who was in a target
    for arg in list(args):
        head = argument_root(doc, arg.span) if arg.role in ("actor", "target") else None
        if head is not None:
            args.extend(helpers(head) + carried(head) if arg.role == "actor"
                        else occupants(head))
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
