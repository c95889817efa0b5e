"""Mentions -> events, inside one article.

Mentions of the same happening are merged (same kind of event, compatible place and
date); mentions that refer back to reported happenings ("the two attacks", "the
volleys") and interception reports add their facts and sources to the events they
refer to instead of making new ones. Claims, blame and confirmations become
``Claim`` records on the events they are about; who is blamed by a party stays a
claim, so contested attributions are kept side by side. Statements of the same kind
by the same or affiliated actors are one statement told several times.
"""

from __future__ import annotations

import math
from dataclasses import replace

from eventwire.model import (
    Actor,
    Article,
    Claim,
    Event,
    Evidence,
    Fatalities,
    Mention,
    Place,
    Quantity,
    Source,
    When,
    haversine_km,
)

_VIOLENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
_NEAR_KM = 40.0
GUESSED_TYPE = 0.5  # a mention's confidence when no weapon or target settled its sub-type
CODED_MODALITIES = ("occurred", "claimed")  # denied, hypothetical, negated: not coded
BACKGROUND_DAYS = 31  # older than this before publication: context, not news


def _km(a: Place, b: Place) -> float:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return math.inf
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


def _places_compatible(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None:
        return True
    if a.gazetteer_id and a.gazetteer_id == b.gazetteer_id:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    if a.geo_precision >= 3 or b.geo_precision >= 3:
        return True  # a region or country contains the other place
    if a.feature in ("country", "admin1", "region") or b.feature in ("country", "admin1",
                                                                     "region"):
        return True
    return _km(a, b) <= _NEAR_KM


def _places_same(a: Place | None, b: Place | None) -> bool:
    """Both specific and at the same spot: strong evidence of one happening."""
    if a is None or b is None or a.geo_precision >= 3 or b.geo_precision >= 3:
        return False
    return (a.gazetteer_id is not None and a.gazetteer_id == b.gazetteer_id) or _km(a, b) <= 5


def _places_differ(a: Place | None, b: Place | None) -> bool:
    """Both places specific (geo precision 1 or 2) and not the same spot."""
    if a is None or b is None or a.geo_precision >= 3 or b.geo_precision >= 3:
        return False
    return not _places_same(a, b)


def _times_compatible(a: When | None, b: When | None) -> bool:
    if a is None or b is None or a.fallback or b.fallback:
        return True
    return a.start <= b.end and b.start <= a.end


def _types_compatible(a: Mention | Event, b: Mention | Event) -> bool:
    if a.event_type == b.event_type or {a.event_type, b.event_type} == {"Protests", "Riots"}:
        return True  # a protest that turned violent is one gathering
    violent = _VIOLENT_TYPES | {"Strategic developments"}
    return a.event_type in violent and b.event_type in violent and (
        "Attack" in (a.sub_event_type, b.sub_event_type)
        or "Disrupted weapons use" in (a.sub_event_type, b.sub_event_type)
        or (isinstance(b, Mention) and _loosely_told(b)))


def _loosely_told(m: Mention) -> bool:
    """"The group said it had killed ten soldiers": a killing typed with no weapon named
    (see GUESSED_TYPE), and neither placed nor dated by its own sentence, tells of the
    violence already reported rather than of a new clash."""
    return m.confidence <= GUESSED_TYPE and _own_place(m) is None and _own_time(m) is None


def _own_time(m: Mention) -> When | None:
    """The mention's date if its own sentence states it; a date borrowed from earlier in
    the report is too weak to keep two mentions apart."""
    for ev in m.evidence:
        if ev.field == "date" and m.sentence.start <= ev.start < m.sentence.end and \
                ev.confidence >= 0.5:
            return m.when
    return None


def _own_place(m: Mention) -> Place | None:
    """The mention's place if its own sentence names it; a place borrowed from the report's
    context is too weak to tie it to one event or another."""
    if any(a.role == "place" for a in m.arguments):
        return m.place  # the clause names it (possibly vaguely, resolved from elsewhere)
    for ev in m.evidence:
        if ev.field == "location" and m.sentence.start <= ev.start < m.sentence.end:
            return m.place
    return None


def _compatible(event: Event, mention: Mention) -> bool:
    return (_types_compatible(event, mention)
            and _places_compatible(event.place, _own_place(mention))
            and _times_compatible(event.when, _own_time(mention)))


def _shares_target(event: Event, m: Mention) -> bool:
    """The mention's target head ("the school") is named by one of the event's mentions."""
    heads = {a.head.lower() for a in m.arguments if a.role in ("target", "victim")}
    return bool(heads) and any(a.head.lower() in heads or any(
        h in x.sentence.text.lower() for h in heads) for x in event.mentions
        for a in x.arguments)


def _is_collective(m: Mention) -> bool:
    """Refers back to reported happenings, or reports several at once, or only an outcome."""
    several = any(q.count and q.count > 1 for q in m.quantities) and _plural_target(m)
    return m.refers_to_previous or m.sub_event_type == "Disrupted weapons use" or several


def _plural_target(m: Mention) -> bool:
    return any(a.role in ("target", "victim") and a.head.lower().endswith("s")
               for a in m.arguments)


_COUNT_WORDS = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5}


def _wanted_count(m: Mention) -> int | None:
    """"the two attacks": how many happenings a collective mention refers to."""
    before = m.sentence.text[: m.trigger.start - m.sentence.start].lower().split()[-3:]
    words = before + m.trigger.text.lower().split() + [
        w for a in m.arguments if a.role == "target" for w in a.span.text.lower().split()]
    return next((_COUNT_WORDS[w] for w in words if w in _COUNT_WORDS), None)


def _better_place(a: Place | None, b: Place | None) -> Place | None:
    if a is None:
        return b
    if b is None:
        return a
    return b if b.geo_precision < a.geo_precision else a


def _better_when(a: When | None, b: When | None) -> When | None:
    if a is None or (a.fallback and b is not None and not b.fallback):
        return b
    if b is None or b.fallback:
        return a
    if _PRECISION_RANK.get(b.precision, 9) < _PRECISION_RANK.get(a.precision, 9):
        return b
    # two day-precise dates: the later narrows a "past 24 hours" range
    if (b.end - b.start) < (a.end - a.start):
        return b
    return a


def _merge_when(have: When | None, m: Mention, have_is_own: bool) -> When | None:
    """A date stated in the mention's own sentence beats one borrowed from elsewhere."""
    own = _own_time(m)
    if own is not None and not have_is_own:
        return own
    if own is None and have_is_own:
        return have
    return _better_when(have, m.when)


def _merge_fatalities(a: Fatalities, b: Fatalities) -> Fatalities:
    if b.best is None:
        return a
    if a.best is None:
        return b
    return Fatalities(best=min(a.best, b.best), low=min(x for x in (a.low, b.low) if x is not None),
                      high=max(x for x in (a.high, b.high) if x is not None))


def _merge_quantities(have: list[Quantity], new: list[Quantity]) -> list[Quantity]:
    merged = list(have)
    for q in new:
        same = next((h for h in merged if h.what == q.what), None)
        if same is None:
            merged.append(q)
        elif same.outcome is None and q.outcome:
            same.outcome = q.outcome
    return merged


def _speaker_claim(m: Mention, stance: str, about: str | None = None) -> Claim | None:
    if m.speaker is None:
        return None
    return Claim(by=m.speaker.text, stance=stance, about=about)


class _Builder:
    def __init__(self, article: Article):
        self.article = article
        self.events: list[Event] = []
        self.touches: dict[int, list[int]] = {}  # event index -> sentence starts of its mentions
        self.dated_by_own_sentence: set[int] = set()

    def _new_event(self, m: Mention) -> int:
        event = Event(id=f"{self.article.id}-{len(self.events) + 1}", kind="event",
                      event_type=m.event_type, sub_event_type=m.sub_event_type,
                      modality="occurred")
        self.events.append(event)
        return len(self.events) - 1

    def add(self, index: int, m: Mention, as_outcome: bool = False) -> None:
        e = self.events[index]
        e.mentions.append(m)
        self.touches.setdefault(index, []).append(m.sentence.start)
        if not as_outcome and e.sub_event_type in ("Attack", "Disrupted weapons use") and \
                m.sub_event_type not in ("Attack", "Disrupted weapons use") and \
                m.event_type in _VIOLENT_TYPES:
            e.event_type, e.sub_event_type = m.event_type, m.sub_event_type
        elif e.event_type == "Protests" and m.event_type == "Riots":
            # ACLED: a demonstration that turns violent is coded as a riot
            e.event_type, e.sub_event_type = m.event_type, m.sub_event_type
        e.place = _better_place(e.place, m.place)
        e.when = _merge_when(e.when, m, index in self.dated_by_own_sentence)
        if _own_time(m) is not None:
            self.dated_by_own_sentence.add(index)
        if as_outcome:
            if m.speaker is not None:
                self._claim(e, Claim(by=m.speaker.text, stance="confirmed"), m)
        elif m.speaker is None and m.actor1 is not None:
            if e.actor1 is None or (e.actor1.id is None and m.actor1.id is not None):
                e.actor1 = m.actor1
                e.assoc_actors = list(m.assoc_actors)
        elif m.speaker is not None and m.actor1 is not None:
            # a source naming the perpetrator is a claim; it fills actor 1 only while no
            # other source names someone else (see _contested)
            said_by_actor = any(a.role == "actor" and a.span == m.speaker for a in m.arguments)
            # "Israeli jets struck", the army said: its own side's act
            if m.event_type not in _VIOLENT_TYPES:
                stance = "confirmed"  # mediators telling of a truce blame no one
            elif said_by_actor or _told_by_own_side(m) or m.speaker.text == m.actor1.name:
                stance = "claimed"
            else:
                stance = "blamed"
            self._claim(e, Claim(by=m.speaker.text, stance=stance, about=m.actor1.name), m)
            if e.actor1 is None:
                e.actor1 = m.actor1
                e.assoc_actors = list(m.assoc_actors)
        if m.actor2 is not None and (e.actor2 is None or (e.actor2.id is None
                                                          and m.actor2.id is not None)):
            e.actor2 = m.actor2
            e.assoc_actors2 = list(m.assoc_actors2)
        elif m.actor2 is not None and e.actor2 is not None and not as_outcome and \
                not _is_collective(m):
            # more targets of the same event, told of it alone (a summary line's "troops"
            # is too loose to name another side)
            for other in (m.actor2, *m.assoc_actors2):
                # a side's own losses ("three soldiers were killed") make it no target
                mine = e.actor1 is not None and other.id == e.actor1.id
                if other.id != e.actor2.id and not mine and \
                        all(a.id != other.id for a in e.assoc_actors2):
                    e.assoc_actors2.append(other)
        e.fatalities = _merge_fatalities(e.fatalities, m.fatalities)
        if m.injuries is not None:
            e.injuries = m.injuries if e.injuries is None else min(e.injuries, m.injuries)
        if m.injuries_note and not e.injuries_note:
            e.injuries_note = m.injuries_note
        e.quantities = _merge_quantities(e.quantities, m.quantities)
        for word in m.outcomes:
            if word not in e.outcomes:
                e.outcomes.append(word)
        if m.speaker is not None and m.actor1 is None and not as_outcome:
            said = m.sentence.text.lower()
            stance = "confirmed" if "confirm" in said else (
                "claimed" if m.modality == "claimed" else None)
            if stance:
                self._claim(e, Claim(by=m.speaker.text, stance=stance), m)
        e.evidence.extend(m.evidence)
        e.confidence = max(e.confidence, m.confidence)

    @staticmethod
    def _claim(e: Event, claim: Claim, m: Mention) -> None:
        if all((c.by, c.stance, c.about) != (claim.by, claim.stance, claim.about)
               for c in e.claims):
            e.claims.append(claim)
            e.evidence.append(_claim_evidence(m))

    def latest_before(self, index: int, position: int) -> int:
        """Where the event was last told at or before ``position`` (-1: not yet told)."""
        return max((p for p in self.touches.get(index, []) if p <= position), default=-1)

    def nearest(self, index: int, position: int) -> int:
        return min((abs(p - position) for p in self.touches.get(index, [])), default=10**9)

    def candidates(self, m: Mention) -> list[int]:
        return [i for i, e in enumerate(self.events) if _compatible(e, m)]


def _same_head(event: Event, m: Mention) -> bool:
    word = m.trigger.text.split()[-1].lower()
    return any(x.trigger.text.split()[-1].lower() == word for x in event.mentions)


def _outcome_share(m: Mention, event: Event) -> Mention:
    """What an interception report adds to one of several events it covers: outcomes, but
    casualties only where its place words ("at the western base") fit the event."""
    place_words = [a.span.text.lower() for a in m.arguments if a.role == "place"]
    if not place_words:
        return replace(m, quantities=[], place=None)
    said = " ".join(ev.sentence.lower() for ev in event.evidence if ev.field == "location")
    keep = any(w in said for words in place_words for w in words.split()
               if w not in ("the", "a", "base", "at"))
    return replace(m, quantities=[], place=None,
                   injuries=m.injuries if keep else None,
                   injuries_note=m.injuries_note if keep else None,
                   fatalities=m.fatalities if keep else Fatalities())


def _assemble_events(article: Article, mentions: list[Mention]) -> list[Event]:
    b = _Builder(article)
    # a headline that opens the text tells the story ahead of it
    headline_end = len(article.title) if article.title and article.text.startswith(
        article.title) else 0
    primary = [m for m in mentions if not _is_collective(m) and m.sentence.start >= headline_end]
    collective = [m for m in mentions if m not in primary]
    sentence_events: dict[int, list[int]] = {}
    for m in primary:
        own = sentence_events.setdefault(m.sentence.start, [])
        # two happenings told in one sentence stay apart when their places differ
        # ... or when each names its own perpetrator (not one side blaming the other)
        matches = [i for i in b.candidates(m)
                   if not (i in own and _places_differ(b.events[i].place, m.place))
                   and not ((i in own or _told_by_own_side(m))
                            and _actors_differ(b.events[i].actor1, m.actor1)
                            and not _other_side(b.events[i], m))]
        strong = [i for i in matches if _places_same(b.events[i].place, m.place)]
        vague = m.place is None or m.place.geo_precision >= 2
        if strong:
            target = strong[0]
        elif matches and (vague or _own_place(m) is None):
            # a vaguely placed mention tells of a happening already reported, if any fits:
            # the one with the same target, else the latest
            target = max(matches, key=lambda i: (_shares_target(b.events[i], m),
                                                 b.latest_before(i, m.sentence.start)))
        elif len(matches) == 1 and all(
                b.events[i].place is None or b.events[i].place.geo_precision >= 2
                for i in matches):
            target = matches[0]
        else:
            target = b._new_event(m)
        own.append(target)
        b.add(target, m)
    for m in collective:
        headline = m.sentence.start < headline_end
        # an interception report covers the strikes it names by count ("all three"), not
        # by place: its place words only say where casualties were (see _outcome_share)
        probe = replace(m, place=None) if m.sub_event_type == "Disrupted weapons use" else m
        refers = m.refers_to_previous and not headline and \
            m.sub_event_type != "Disrupted weapons use"
        matches = [i for i in b.candidates(probe)
                   if not refers or b.latest_before(i, m.sentence.start) >= 0]
        if refers and not matches:
            # "calls for the strike" after a "silent strike": the same word names it again
            matches = [i for i, e in enumerate(b.events)
                       if b.latest_before(i, m.sentence.start) >= 0 and _same_head(e, m)
                       and _places_compatible(e.place, _own_place(m))
                       and _times_compatible(e.when, _own_time(m))]
        if refers and not matches and m.event_type not in _VIOLENT_TYPES:
            # "signed the agreement at talks in Jeddah": the one agreement already told,
            # wherever it was signed (a violent happening's place still tells it apart)
            matches = [i for i, e in enumerate(b.events)
                       if b.latest_before(i, m.sentence.start) >= 0
                       and e.sub_event_type == m.sub_event_type
                       and _times_compatible(e.when, _own_time(m))]
        wanted = _wanted_count(m)
        if not matches:
            b.add(b._new_event(m), m)
            continue
        if refers:  # "the two attacks": the happenings told most recently before
            matches.sort(key=lambda i: b.latest_before(i, m.sentence.start), reverse=True)
        else:
            matches.sort(key=lambda i: b.nearest(i, m.sentence.start))
        if wanted:
            matches = matches[:wanted]
        elif refers and not m.trigger.text.lower().endswith("s"):
            matches = matches[:1]
        elif refers:  # "the volleys": the happenings told last, together
            last = b.latest_before(matches[0], m.sentence.start)
            matches = [i for i in matches if b.latest_before(i, m.sentence.start) == last]
        for i in matches:
            b.add(i, _outcome_share(m, b.events[i]) if len(matches) > 1 else m,
                  as_outcome=m.sub_event_type == "Disrupted weapons use")
    return b.events


def _told_by_own_side(m: Mention) -> bool:
    """The perpetrator is told plainly or by its own side, not blamed by another."""
    if m.actor1 is None:
        return False
    if m.speaker is None:
        return True
    s = m.speaker_actor
    return s is not None and (s.id == m.actor1.id or _child_of(s, m.actor1)
                              or _child_of(m.actor1, s))


def _actors_differ(a: Actor | None, b: Actor | None) -> bool:
    """Two named perpetrators, neither part of the other ("A hit X after B fired at Y")."""
    # an unnamed one ("gunmen") may be the named one told again
    return a is not None and b is not None and not _generic(a) and not _generic(b) and \
        a.id != b.id and not _child_of(a, b) and not _child_of(b, a)


def _other_side(event: Event, m: Mention) -> bool:
    """In a battle each side tells its part: "the M23 said it repelled the offensive" is
    the army's clash with the M23 told by the M23."""
    return event.event_type == m.event_type == "Battles" and event.actor2 is not None and \
        m.actor1 is not None and not _actors_differ(event.actor2, m.actor1)


def _child_of(a: Actor | None, b: Actor | None) -> bool:
    """``a`` is a member of ``b`` (Tashkil al-Waritheen of the Islamic Resistance in Iraq)."""
    return a is not None and b is not None and b.id is not None and b.id in a.parents


def _generic(a: Actor) -> bool:
    return a.id is None or a.id.startswith("generic") or not a.verified


def _actors_related(a: Actor | None, b: Actor | None, stype: str | None) -> bool:
    """May two statements of one kind be one statement told twice?"""
    if a is None or b is None:
        return True
    if a.id and a.id == b.id:
        return True
    if _generic(a) or _generic(b):
        return a.country == b.country or None in (a.country, b.country)
    # a coalition's threat retold in its member's words is one threat; two groups'
    # claims are two claims
    return stype in ("threat", "announcement") and (_child_of(a, b) or _child_of(b, a))


def _assemble_statements(article: Article, mentions: list[Mention],
                         events: list[Event]) -> list[Event]:
    statements: list[Event] = []
    dated: set[str] = set()
    for m in mentions:
        same = next((s for s in statements if s.statement_type == m.statement_type
                     and _actors_related(s.actor1, m.actor1, m.statement_type)), None)
        if same is None:
            same = Event(id=f"{article.id}-s{len(statements) + 1}", kind="statement",
                         event_type=m.event_type, sub_event_type=m.sub_event_type,
                         statement_type=m.statement_type, modality=m.modality)
            statements.append(same)
        if m.actor1 is not None and (same.actor1 is None or _generic(same.actor1)
                                     or _child_of(m.actor1, same.actor1)):
            # the most specific speaker leads; the one it replaces stays associated
            if same.actor1 is not None and all(a.id != same.actor1.id
                                               for a in same.assoc_actors):
                same.assoc_actors.append(same.actor1)
            same.actor1 = m.actor1
        elif m.actor1 is not None and same.actor1 is not None and m.actor1.id != same.actor1.id:
            if all(a.id != m.actor1.id for a in same.assoc_actors):
                same.assoc_actors.append(m.actor1)
        for a in m.assoc_actors:
            if all(x.id != a.id for x in same.assoc_actors) and (same.actor1 is None
                                                                  or a.id != same.actor1.id):
                same.assoc_actors.append(a)
        same.actor2 = same.actor2 or m.actor2
        same.place = _better_place(same.place, m.place)
        same.when = _merge_when(same.when, m, same.id in dated)
        if _own_time(m) is not None:
            dated.add(same.id)
        same.evidence.extend(m.evidence)
        same.mentions.append(m)
        same.confidence = max(same.confidence, m.confidence)
        _attach_statement(m, events)
    for s in statements:
        if s.actor1 is not None:
            stance = {"claim": "claimed", "denial": "denied", "blame": "blamed"}.get(
                s.statement_type or "")
            if stance:
                s.claims.append(Claim(by=s.actor1.name, stance=stance))
                s.evidence.append(_claim_evidence(s.mentions[0]))
    return statements


def _claim_evidence(m: Mention) -> Evidence:
    """The sentence a claim, denial, blame or confirmation was read from."""
    span = m.speaker or m.trigger
    return Evidence(field="claims", sentence=m.sentence.text, start=span.start, end=span.end,
                    confidence=0.7, article_id=m.article_id)


def _attach_statement(m: Mention, events: list[Event]) -> None:
    """A claim, denial or blame about happenings reported in the same sentence."""
    stance = {"claim": "claimed", "denial": "denied", "blame": "blamed"}.get(
        m.statement_type or "")
    if stance is None or m.actor1 is None:
        return
    about = [e for e in events if any(x.sentence.start == m.sentence.start for x in e.mentions)]
    for e in about:
        claim = Claim(by=m.actor1.name, stance=stance, by_actor=m.actor1,
                      about=m.actor2.name if stance == "blamed" and m.actor2 else None)
        if all((c.by, c.stance) != (claim.by, claim.stance) for c in e.claims):
            e.claims.append(claim)
            e.evidence.append(_claim_evidence(m))
        if stance == "claimed" and (e.actor1 is None or _generic(e.actor1)
                                    or _child_of(m.actor1, e.actor1)):
            # the claimant is the perpetrator ACLED codes; a member group claiming
            # what its coalition claimed is the more specific one
            e.actor1 = m.actor1
            e.assoc_actors = list(m.assoc_actors)
            e.evidence.extend(ev for ev in m.evidence if ev.field in ("actor1", "assoc_actors"))


_PROTEST_ORDER = ("Peaceful protest", "Protest with intervention",
                  "Excessive force against protesters")
_CROWD_KINDS = ("protesters", "rioters")


def _protest_sides(event: Event) -> None:
    """A protest broken up is one event, coded as ACLED does: the most severe intervention
    told of it, the protesters as actor 1 and the force that intervened as actor 2."""
    if event.event_type not in ("Protests", "Riots"):
        return
    told = [m.sub_event_type for m in event.mentions if m.sub_event_type in _PROTEST_ORDER]
    if told and event.event_type == "Protests":
        event.sub_event_type = max(told, key=_PROTEST_ORDER.index)
    forces = [a for m in event.mentions for a in (m.actor1, m.actor2)
              if a is not None and a.kind == "state forces"]
    crowds = [a for m in event.mentions for a in (m.actor1, m.actor2)
              if a is not None and a.kind in _CROWD_KINDS]
    # "residents blocked a road to protest": the residents are the protesters
    if crowds and (event.actor1 is None or event.actor1.kind in ("state forces", "civilians")):
        event.actor1 = crowds[0]
    elif event.actor1 is not None and event.actor1.kind == "state forces":
        event.actor1 = None
    if forces and (event.actor2 is None or event.actor2.kind in (*_CROWD_KINDS, "civilians")):
        event.actor2 = forces[0]
    acting = [m.actor1 for m in event.mentions
              if m.actor1 is not None and m.actor1.kind == "state forces"]
    if event.event_type == "Riots" and acting and event.actor2 is not None and \
            event.actor2.id != acting[0].id:
        # rioters stormed parliament and police fired tear gas: the force is the other side
        if all(a.id != event.actor2.id for a in event.assoc_actors2):
            event.assoc_actors2.append(event.actor2)
        event.actor2 = acting[0]


def _one_sided(event: Event) -> None:
    """ACLED's rule: a clash needs two armed sides; armed men killing civilians who do
    not fight back is an attack on civilians."""
    targets = [a for a in (event.actor2, *event.assoc_actors2) if a is not None]
    if event.sub_event_type == "Armed clash" and targets and all(
            a.kind == "civilians" for a in targets):
        event.event_type, event.sub_event_type = "Violence against civilians", "Attack"


def _contested(event: Event) -> None:
    """Sources blaming different perpetrators: no perpetrator is settled."""
    # an unnamed culprit ("the attackers") competes with no one
    unnamed = {m.actor1.name for m in event.mentions if m.actor1 is not None and _generic(m.actor1)}
    blamed = {c.about for c in event.claims if c.stance == "blamed" and c.about
              and c.about not in unnamed}
    claimed = any(c.stance == "claimed" for c in event.claims)
    if len(blamed) > 1 and not claimed and event.actor1 is not None:
        event.actor1 = None
        event.assoc_actors = []


_OUTCOME_ORDER = ("intercepted", "defused", "destroyed", "damaged", "crashed", "missed")


def _munition_outcomes(event: Event) -> None:
    """Counted weapons of an event take its outcome word ("2 drones, intercepted")."""
    known = [o for o in _OUTCOME_ORDER if o in event.outcomes]
    if not known:
        return
    for q in event.quantities:
        if q.outcome is None:
            q.outcome = known[0]


def _background(m: Mention, published) -> bool:
    """A happening its own sentence dates well before the report ("fighting resumed last
    year", "the 2015 peace agreement"): background, not news to code."""
    own = _own_time(m)
    return published is not None and own is not None and (
        published - own.end).days > BACKGROUND_DAYS


def _crowd_destruction(m: Mention) -> Mention:
    """ACLED's rule: looting and destruction by a crowd are its riot (a violent
    demonstration), not a strategic development; so they join the riot told beside them."""
    if m.sub_event_type == "Looting/property destruction" and m.actor1 is not None and \
            m.actor1.kind in _CROWD_KINDS:
        return replace(m, event_type="Riots", sub_event_type="Violent demonstration")
    return m


def assemble(article: Article, mentions: list[Mention]) -> list[Event]:
    """The events and statements of one article, events first.

    Only happenings that occurred or are claimed become events; threats and other
    statements become statement records.
    """
    happenings = [_crowd_destruction(m) for m in mentions if m.kind == "event"
                  and m.modality in CODED_MODALITIES and not _background(m, article.published_at)]
    said = [m for m in mentions if m.kind == "statement"
            and not _background(m, article.published_at)]
    events = _assemble_events(article, happenings)
    statements = _assemble_statements(article, said, events)
    source = Source(article_id=article.id, outlet=article.outlet, url=article.url,
                    title=article.title or None, published_at=article.published_at)
    for record in events + statements:
        _munition_outcomes(record)
        modalities = {m.modality for m in record.mentions}
        if record.kind == "event":
            record.modality = "occurred" if "occurred" in modalities else sorted(modalities)[0]
        _contested(record)
        _protest_sides(record)
        _one_sided(record)
        record.sources = [source]
        for claim in record.claims:
            claim.reported_by = claim.reported_by or article.outlet
    return events + statements
