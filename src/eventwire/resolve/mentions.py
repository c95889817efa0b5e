"""Resolving one article's mentions: actors to registry ids, places to the gazetteer,
time phrases to dates; each resolved field gets its evidence.

Pure over model types: the place mentions, time mentions and actor context of the
article are computed once by the caller and passed in.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from datetime import date

from eventwire.model import (
    Actor,
    Argument,
    Article,
    Evidence,
    Mention,
    PlaceMention,
    Span,
    TimeMention,
)
from eventwire.resolve.places import event_place
from eventwire.resolve.sentences import sentence_around
from eventwire.resolve.times import NoTimeError, event_time

_PRONOUNS = {
    "he",
    "she",
    "they",
    "it",
    "we",
    "the group",
    "the militia",
    "the statement",
    "the organisation",
    "the organization",
    "the movement",
    "the faction",
    "the coalition",
    "the armed group",
    "them",
    "its",
    "their",
}

# possessives and pronouns that stand for the speaker of "X said its fighters ..."
_SPEAKER_WORDS = {"it", "its", "they", "their", "we", "our"}
_POSSESSIVES = {"its", "their", "our"}
# "militias in Iraq": the country says where the actor is, so it may be the place of its
# statement; of an event only its own clause tells ("a group with roots in Uganda")
_LOCATED_IN = re.compile(r"\b(?:in|of|from|at|near|across|inside)\s", re.I)
# "a Houthi-held district" is a place by its holder, not that actor as a target
_HOLDER = re.compile(r"\b[\w'.-]+-(?:held|controlled|run|occupied|administered)\b", re.I)
# "..., a day after rebels killed 11 people": a clause telling of a happening at another time
_OTHER_TIME = re.compile(
    r",\s+(?:(?:a|an|one|two|three|several|\d+)\s+)?(?:days?|hours?|weeks?|nights?|months?)\s+"
    r"(?:after|before)\b", re.I)


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _evidence(
    field: str, sentence: Span, span: Span, article: Article, confidence: float = 0.8
) -> Evidence:
    said = sentence.text
    if not (sentence.start <= span.start and span.end <= sentence.end):
        said = sentence_around(article.text, span.start, span.end)
    return Evidence(
        field=field,
        sentence=said,
        start=span.start,
        end=span.end,
        confidence=confidence,
        article_id=article.id,
    )


def _own_part(sentence: Span, trigger: Span, text: str) -> Span:
    """The part of the sentence that tells the trigger's happening: a crowd rioting in the
    main clause does not make "11 people" killed a day earlier rioters."""
    start, end = sentence.start, sentence.end
    for cut in _OTHER_TIME.finditer(text, sentence.start, sentence.end):
        if cut.start() >= trigger.end:
            end = min(end, cut.start())
        else:
            start = max(start, cut.start() + 1)
    return Span(start, end, text[start:end]) if (start, end) != (
        sentence.start, sentence.end) else sentence


def country_focus(places: list[PlaceMention]) -> str | None:
    """The country most event-usable places of the report lie in."""
    counts = Counter(
        m.place.country
        for m in places
        if m.role == "place" and m.place is not None and m.place.country
    )
    return counts.most_common(1)[0][0] if counts else None


class MentionResolver:
    """Resolves the mentions of one article against its places, times and actors.

    ``actors`` is the article-level actor resolver (``ArticleActors``): it must offer
    ``resolve(mention, sentence) -> Actor | None``, ``associated(actor) -> list[Actor]`` and
    ``located(actor, country) -> Actor | None`` and ``named_across(start, end) -> Actor | None``.
    """

    def __init__(
        self, article: Article, places: list[PlaceMention], times: list[TimeMention], actors
    ) -> None:
        self.article = article
        self.places = places
        self.times = times
        self.actors = actors
        self._last_speaker: Actor | None = None

    def _actor(self, arg: Argument | Span | None, sentence: Span,
               speaker: Span | None = None) -> Actor | None:
        if arg is None:
            return None
        span = arg.span if isinstance(arg, Argument) else arg
        cut_short = self.actors.named_across(span.start, span.end)
        if cut_short is not None:  # the parser ended the phrase inside a name
            return cut_short
        text = _HOLDER.sub("", span.text.strip())
        actor = self.actors.resolve(text, sentence.text) if text.strip() else None
        if actor is not None:
            return actor
        words = text.lower().split()
        if speaker is not None and words and (words[0] in _SPEAKER_WORDS or
                                              _POSSESSIVES & set(words)):
            # "X said its fighters blew up ...", "one of its positions": the speaker's own
            return self.actors.resolve(speaker.text.strip(), sentence.text)
        if text.lower() in _PRONOUNS:
            return self._last_speaker  # "He also threatened ...": the last speaker
        return None

    def _actors_of(self, args: list[Argument], sentence: Span, speaker: Span | None,
                   besides: Actor | None = None) -> list[tuple[Actor, Argument]]:
        """The distinct actors the arguments name, in order, each with its argument: the
        first leads, the others stand beside it ("Wagner mercenaries and Malian troops")."""
        found: list[tuple[Actor, Argument]] = []
        for arg in args:
            actor = self._actor(arg, sentence, speaker)
            if actor is not None and (besides is None or actor.id != besides.id) and all(
                    actor.id != a.id for a, _ in found):
                found.append((actor, arg))
        return found

    def _not_its_place(self, mention: Mention) -> list[Span]:
        """Spans whose places are not the mention's own: "Britain carried out air strikes"
        (a country that acts is a side) and "a police spokesman in Jos confirmed the attack"
        (where the source sits). A statement is made where its speaker is, so for one only
        a country that is the actor itself counts ("militias in Iraq" leave Iraq), and what
        a threat threatens, after its trigger, says where it would strike, not where it
        was made."""
        event = mention.kind == "event"
        aside = [mention.speaker] if event and mention.speaker is not None else []
        if mention.statement_type == "threat":
            # "threatened to target ships in the Mediterranean": where it would strike
            aside.append(Span(mention.trigger.end, mention.sentence.end, ""))
        for arg in mention.arguments:
            if arg.role != "actor":
                continue
            aside += [p.span for p in self.places
                      if p.place is not None and p.place.feature == "country"
                      and _overlaps(p.span, arg.span) and (event or not _LOCATED_IN.search(
                          self.article.text, arg.span.start, max(arg.span.start, p.span.start)))]
        return aside

    def _place(self, mention: Mention) -> PlaceMention | None:
        """The clause's own place ("in Baghdad" on the trigger's verb) anchors the choice;
        ``event_place`` then upgrades a vague place or falls back to the report's context."""
        aside = self._not_its_place(mention)
        usable = [p for p in self.places if p.role == "place" and p.place is not None]
        anchor = mention.trigger
        for arg in mention.arguments:
            if arg.role == "place" and any(_overlaps(p.span, arg.span) for p in usable):
                anchor = arg.span
                break
        return event_place(mention.sentence, anchor, self.places, self.article.text, aside)

    def resolve(self, mention: Mention, published: date | None) -> Mention:
        """The mention with actors, place, time and their evidence filled in."""
        art = self.article
        sent = mention.sentence
        evidence = [_evidence("event_type", sent, mention.trigger, art, mention.confidence)]
        if mention.kind == "statement":
            evidence.append(_evidence("statement_type", sent, mention.trigger, art))
        evidence.append(_evidence("modality", sent, mention.trigger, art))

        def having(*roles: str) -> list[Argument]:
            return [a for role in roles for a in mention.arguments if a.role == role]

        speaker = mention.speaker if mention.kind == "event" else None
        part = _own_part(sent, mention.trigger, art.text)
        # an instrument may name its owner ("Israeli warplanes", "their aircraft")
        side1 = self._actors_of(having("actor", "instrument"), part, speaker)
        actor1 = side1[0][0] if side1 else None
        if mention.kind == "statement" and actor1 is not None:
            self._last_speaker = actor1
        # one side named twice is not its own target
        side2 = self._actors_of(having("target", "victim"), part, speaker, besides=actor1)
        if mention.sub_event_type == "Agreement":
            # the parties agree with each other ("the army and the RSF agreed to a truce");
            # whom a truce protects is no side of it
            side1, side2 = side1[:1] + side1[2:], side1[1:2]
        actor2 = side2[0][0] if side2 else None
        for field, side, confidence in (("actor1", side1[:1], 0.7), ("actor2", side2[:1], 0.6),
                                        ("assoc_actors", side1[1:], 0.6),
                                        ("assoc_actors2", side2[1:], 0.6)):
            evidence.extend(_evidence(field, sent, arg.span, art, confidence) for _, arg in side)
        assoc: list[Actor] = []
        if actor1 is not None:
            assoc = [a for a, _ in side1[1:]]
            for parent in self.actors.associated(actor1):
                if parent.id != actor1.id and all(parent.id != a.id for a in assoc):
                    assoc.append(parent)
                    evidence.append(_evidence("assoc_actors", sent, side1[0][1].span, art, 0.6))
        assoc2 = [a for a, _ in side2[1:]]

        place_mention = self._place(mention)
        place = place_mention.place if place_mention is not None else None
        if place is not None and place.country and mention.kind == "event":
            # where a statement is made says nothing of whom it is about
            actor1 = self.actors.located(actor1, place.country)
            actor2 = self.actors.located(actor2, place.country)
        if place is not None and place_mention is not None:
            evidence.append(_evidence("location", sent, place_mention.span, art, 0.7))

        try:
            when, time_mention = event_time(sent, mention.trigger, self.times, published,
                                            text=art.text)
        except NoTimeError:
            when, time_mention = None, None
        if when is not None:
            span = time_mention.span if time_mention is not None else mention.trigger
            own = time_mention is not None and _overlaps(time_mention.span, sent)
            confidence = 0.8 if own else 0.5 if time_mention is not None else 0.3
            evidence.append(_evidence("date", sent, span, art, confidence))
        for field, filled in (
            ("fatalities", mention.fatalities.best is not None),
            ("injuries", mention.injuries is not None or mention.injuries_note is not None),
            ("quantities", bool(mention.quantities)),
            ("outcomes", bool(mention.outcomes)),
        ):
            if filled:
                evidence.append(_evidence(field, sent, sent, art, 0.6))
        return dataclasses.replace(
            mention,
            actor1=actor1,
            actor2=actor2,
            assoc_actors=assoc,
            assoc_actors2=assoc2,
            speaker_actor=self._actor(mention.speaker, sent),
            place=place,
            when=when,
            evidence=evidence,
        )
