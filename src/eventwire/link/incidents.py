"""One incident, many reports: score, link and merge events from different articles.

Two events are one incident when their types agree, their dates overlap (allowing for
each date's precision), their places are close (allowing for each place's precision),
their actors do not contradict, and their evidence reads alike. Dates and places are
what keep look-alikes apart (two drone attacks on two bases on one day; two shootings
in one city a week apart), so either one far off vetoes a link.

Actors weigh little on purpose: sources blame different perpetrators for one incident,
and that must become two claims on one event, not two events.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, replace

from eventwire.model import Actor, Claim, Event, Fatalities, Place, Source, When, haversine_km

from .errors import LinkInputError
from .text import content_words, dice, numbers

DEFAULT_THRESHOLD = 0.62
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
# How far apart two dates of a precision may be and still be one incident: reports of
# a night attack date it to either day, "this week" spans seven days, and so on.
_DATE_SLACK_DAYS = {"day": 1, "week": 3, "month": 7, "year": 30}
# How far apart two places may be, by the coarser ACLED geo precision of the two
# (1 the place itself, 2 near it or part of a region, 3 a larger region).
_PLACE_SLACK_KM = {1: 15.0, 2: 60.0, 3: 250.0}
_WEIGHTS = {"type": 0.15, "time": 0.25, "place": 0.25, "actors": 0.1, "evidence": 0.25}
_NEUTRAL = 0.5  # a component nobody reported neither argues for nor against a link


@dataclass(slots=True)
class LinkDecision:
    """Where a new event goes: ``target_id`` an existing event's id, or None for a new event."""

    event_id: str
    target_id: str | None
    score: float
    reasons: dict[str, float]


def _gap_days(a: When, b: When) -> int:
    """Days between two date ranges (0 when they overlap)."""
    if a.end < b.start:
        return (b.start - a.end).days
    if b.end < a.start:
        return (a.start - b.end).days
    return 0


def time_score(a: When | None, b: When | None) -> float:
    """1 for overlapping dates, falling to 0 past the slack the coarser precision allows
    (at once past it when both are dated to the day).

    >>> from datetime import date
    >>> d = lambda day: When(date(2026, 3, day), date(2026, 3, day))
    >>> time_score(d(3), d(4)), time_score(d(3), d(5)), time_score(d(3), d(10))
    (0.75, 0.0, 0.0)
    """
    if a is None or b is None:
        return _NEUTRAL
    coarse = max(a.precision, b.precision, key=lambda p: _PRECISION_RANK.get(p, 3))
    slack = _DATE_SLACK_DAYS.get(coarse, 30)
    gap = _gap_days(a, b)
    if gap == 0:
        # Overlap with a month or a year says little: compatible, not confirming.
        return 1.0 if coarse in ("day", "week") else 0.7
    if gap > slack * 2 or (coarse == "day" and gap > slack):
        # Both dated to the day: a night attack may be dated to either day, but two days
        # apart is another incident (a base attacked again), however alike the rest reads.
        return 0.0
    return round(max(0.0, 1.0 - gap / (slack * 4)), 3)


def distance_km(a: Place, b: Place) -> float | None:
    """Great-circle distance, or None when either place has no coordinates."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


def place_score(a: Place | None, b: Place | None) -> float:
    """1 for the same place, falling with distance at a rate set by the coarser precision
    (at once past the slack when both are exact places, ACLED geo precision 1)."""
    if a is None or b is None:
        return _NEUTRAL
    if a.gazetteer_id and a.gazetteer_id == b.gazetteer_id:
        return 1.0
    if a.country and b.country and a.country != b.country:
        return 0.0
    km = distance_km(a, b)
    if km is None:
        same_name = a.name.casefold() == b.name.casefold()
        return 0.9 if same_name else _NEUTRAL
    coarse = max(a.geo_precision, b.geo_precision)
    slack = _PLACE_SLACK_KM.get(coarse, 250.0)
    if km <= slack:
        return 1.0
    if coarse == 1:
        # Both name the place itself: farther apart than the slack they are two places
        # (two bases hit the same day), however alike the rest reads.
        return 0.0
    return round(max(0.0, 1.0 - (km - slack) / (slack * 2)), 3)


def type_score(a: Event, b: Event) -> float:
    """1 same sub-event type, 0.7 same event type, 0 otherwise (and for event vs statement)."""
    if a.kind != b.kind:
        return 0.0
    if a.sub_event_type and a.sub_event_type == b.sub_event_type:
        return 1.0
    return 0.7 if a.event_type == b.event_type else 0.0


def _actor_key(actor: Actor) -> str:
    return actor.id or actor.name.casefold()


def _actors_agree(x: Actor | None, y: Actor | None) -> float | None:
    if x is None or y is None:
        return None
    if _actor_key(x) == _actor_key(y) or _actor_key(x) in y.parents or _actor_key(y) in x.parents:
        return 1.0
    return 0.6 if x.kind == y.kind else 0.2


def actor_score(a: Event, b: Event) -> float:
    """Agreement of actor 1 and actor 2 (registry id, name, parent group or kind)."""
    found = [s for s in (_actors_agree(a.actor1, b.actor1), _actors_agree(a.actor2, b.actor2))
             if s is not None]
    return round(sum(found) / len(found), 3) if found else _NEUTRAL


def _evidence_text(event: Event) -> str:
    parts = [e.sentence for e in event.evidence]
    parts += [m.sentence.text for m in event.mentions]
    return " ".join(dict.fromkeys(parts))


def evidence_score(a: Event, b: Event) -> float:
    """Overlap of the evidence sentences' content words and numbers."""
    ta, tb = _evidence_text(a), _evidence_text(b)
    if not ta or not tb:
        return _NEUTRAL
    words = dice(content_words(ta), content_words(tb))
    nums_a, nums_b = numbers(ta), numbers(tb)
    if nums_a and nums_b:
        # Sentences about one incident share its numbers; scale Dice up since two
        # outlets' sentences seldom share more than a third of their words.
        return round(min(1.0, 0.7 * words * 2 + 0.3 * dice(nums_a, nums_b)), 3)
    return round(min(1.0, words * 2), 3)


def incident_score(a: Event, b: Event) -> tuple[float, dict[str, float]]:
    """How likely two events are one incident (0..1), with the score of each component.

    >>> from datetime import date
    >>> day = When(date(2026, 3, 3), date(2026, 3, 3))
    >>> base = Place("Qasr Tamir", 36.1, 43.9, country="IQ")
    >>> a = Event("e1", "event", "Explosions/Remote violence", "Air/drone strike",
    ...           when=day, place=base)
    >>> b = Event("e2", "event", "Explosions/Remote violence", "Air/drone strike",
    ...           when=day, place=Place("Safra", 33.4, 42.1, country="IQ"))
    >>> incident_score(a, a)[0] > 0.62 > incident_score(a, b)[0]
    True
    """
    reasons = {
        "type": type_score(a, b),
        "time": time_score(a.when, b.when),
        "place": place_score(a.place, b.place),
        "actors": actor_score(a, b),
        "evidence": evidence_score(a, b),
    }
    if reasons["type"] == 0.0:
        return 0.0, reasons
    score = sum(_WEIGHTS[k] * v for k, v in reasons.items())
    # A far-off date or place is decisive on its own, whatever else agrees.
    if reasons["time"] == 0.0 or reasons["place"] == 0.0:
        score = min(score, 0.3)
    return round(score, 4), reasons


def candidate_window(event: Event) -> tuple[int, float]:
    """(days, km) around an event within which a store should look for link candidates."""
    precision = event.when.precision if event.when else "year"
    geo = event.place.geo_precision if event.place else 3
    return _DATE_SLACK_DAYS.get(precision, 30) * 2, _PLACE_SLACK_KM.get(geo, 250.0) * 3


def link_events(
    new: list[Event], candidates: list[Event], threshold: float = DEFAULT_THRESHOLD
) -> list[LinkDecision]:
    """Decide, for each new event, the candidate it is the same incident as (or none).

    Best pairs are taken first and each candidate is used once: two events of one
    article are two happenings, so they never land on the same stored event.

    >>> link_events([], [])
    []
    """
    ids = [e.id for e in new]
    if len(set(ids)) != len(ids):
        raise LinkInputError(f"new events must have distinct ids, got {ids}")
    scored = []
    for i, event in enumerate(new):
        for j, cand in enumerate(candidates):
            if cand.id == event.id:
                continue
            score, reasons = incident_score(event, cand)
            scored.append((score, i, j, reasons))
    scored.sort(key=lambda s: (-s[0], s[1], s[2]))
    decided: dict[int, LinkDecision] = {}
    used: set[int] = set()
    best_seen: dict[int, tuple[float, dict[str, float]]] = {}
    for score, i, j, reasons in scored:
        best_seen.setdefault(i, (score, reasons))
        if i in decided or j in used or score < threshold:
            continue
        decided[i] = LinkDecision(new[i].id, candidates[j].id, score, reasons)
        used.add(j)
    out = []
    for i, event in enumerate(new):
        if i in decided:
            out.append(decided[i])
        else:
            score, reasons = best_seen.get(i, (0.0, {}))
            out.append(LinkDecision(event.id, None, score, reasons))
    return out


def _more_precise_when(a: When | None, b: When | None) -> When | None:
    if a is None or b is None:
        return a or b

    def rank(w: When) -> tuple[int, int, int]:
        return (int(w.fallback), _PRECISION_RANK.get(w.precision, 3), (w.end - w.start).days)

    return b if rank(b) < rank(a) else a


def _more_precise_place(a: Place | None, b: Place | None) -> Place | None:
    if a is None or b is None:
        return a or b

    def rank(p: Place) -> tuple[int, int, int]:
        return (p.geo_precision, int(p.lat is None), int(p.gazetteer_id is None))

    return b if rank(b) < rank(a) else a


def _per_source_fatalities(event: Event) -> dict[str, Fatalities]:
    """Fatalities each article reported (its largest mention), from the event's mentions."""
    out: dict[str, Fatalities] = {}
    for m in event.mentions:
        f = m.fatalities
        if f.best is None and f.low is None and f.high is None:
            continue
        have = out.get(m.article_id)
        if have is None or (f.best or 0) > (have.best or 0):
            out[m.article_id] = f
    return out


def reconcile_fatalities(reports: list[Fatalities]) -> Fatalities:
    """Best, low and high over the sources: low the smallest figure anyone gives, high the
    largest, best the median of the sources' best figures (rounded down, to stay cautious).

    >>> reconcile_fatalities([Fatalities(3), Fatalities(5, 4, 6), Fatalities(4)])
    Fatalities(best=4, low=3, high=6)
    """
    bests = [f.best for f in reports if f.best is not None]
    lows = [v for f in reports for v in (f.low, f.best) if v is not None]
    highs = [v for f in reports for v in (f.high, f.best) if v is not None]
    if not lows:
        return Fatalities()
    best = int(statistics.median_low(bests)) if bests else None
    return Fatalities(best=best, low=min(lows), high=max(highs))


def _claim_key(c: Claim) -> tuple[str, str, str | None, str | None]:
    return (c.by.casefold(), c.stance, (c.about or "").casefold() or None, c.reported_by)


def _reporter(event: Event) -> str | None:
    for s in event.sources:
        if s.independent:
            return s.outlet or s.article_id
    return event.sources[0].outlet or event.sources[0].article_id if event.sources else None


def _perpetrator_claims(target: Event, other: Event) -> list[Claim]:
    """When the two sides name different perpetrators, each becomes a claim of its source."""
    a, b = target.actor1, other.actor1
    if a is None or b is None or _actors_agree(a, b) == 1.0:
        return []
    out = []
    for event, actor in ((target, a), (other, b)):
        name = actor.name.casefold()
        if any(c.about and c.about.casefold() == name for c in event.claims):
            continue  # the extractor already recorded who blames this actor
        reporter = _reporter(event) or "unknown source"
        out.append(Claim(by=reporter, stance="blamed", reported_by=reporter, about=actor.name,
                         by_actor=None))
    return out


def _union(items: list, key) -> list:
    seen, out = set(), []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out


def merge_into(target: Event, other: Event) -> Event:
    """``target`` with ``other``'s reports folded in (neither input is changed).

    Keeps the most precise date and place, fatalities as best/low/high over the sources,
    every claim (differing perpetrators become competing "blamed" claims, actor 1 stays
    the target's), every source (copies stay marked ``independent=False``) and each
    source's evidence.

    >>> from datetime import date
    >>> a = Event("e1", "event", "Battles", "Armed clash", fatalities=Fatalities(3),
    ...           sources=[Source("r1", outlet="Gulf Ledger")])
    >>> b = Event("e2", "event", "Battles", "Armed clash", fatalities=Fatalities(5),
    ...           sources=[Source("r2", outlet="Coastline Daily")])
    >>> m = merge_into(a, b)
    >>> (m.id, m.fatalities.low, m.fatalities.high, independent_sources(m))
    ('e1', 3, 5, 2)
    """
    if target.id == other.id:
        raise LinkInputError(f"cannot merge event {target.id!r} into itself")
    per_source = _per_source_fatalities(target) | _per_source_fatalities(other)
    reports = list(per_source.values()) or [target.fatalities, other.fatalities]
    for f, ev in ((target.fatalities, target), (other.fatalities, other)):
        # An event's own figure counts when its mentions carry none (e.g. edited by hand).
        if not _per_source_fatalities(ev) and f != Fatalities():
            reports.append(f)
    sources = _union(target.sources + other.sources, key=lambda s: s.article_id)
    evidence = _union(
        target.evidence + other.evidence,
        key=lambda e: (e.article_id, e.field, e.start, e.end, e.sentence),
    )
    claims = _union(
        target.claims + other.claims + _perpetrator_claims(target, other), key=_claim_key
    )
    assoc = _union(
        target.assoc_actors + other.assoc_actors + ([other.actor1] if _differs(target, other)
                                                     else []),
        key=_actor_key,
    )
    actor2 = target.actor2 or other.actor2
    # another source's target, or its associated targets, stand beside the one kept
    assoc2 = _union(
        target.assoc_actors2 + other.assoc_actors2 + [
            a for a in (target.actor2, other.actor2) if a is not None and a is not actor2],
        key=_actor_key,
    )
    firsts = [t for t in (target.first_seen, other.first_seen) if t is not None]
    return replace(
        target,
        when=_more_precise_when(target.when, other.when),
        place=_more_precise_place(target.place, other.place),
        actor1=target.actor1 or other.actor1,
        actor2=actor2,
        assoc_actors=[a for a in assoc if a is not None],
        assoc_actors2=[a for a in assoc2 if actor2 is None or _actor_key(a) != _actor_key(actor2)],
        fatalities=reconcile_fatalities(reports),
        injuries=_max_or_none(target.injuries, other.injuries),
        injuries_note=target.injuries_note or other.injuries_note,
        quantities=_union(target.quantities + other.quantities,
                          key=lambda q: (q.what, q.count, q.low, q.high, q.outcome)),
        outcomes=list(dict.fromkeys(target.outcomes + other.outcomes)),
        claims=claims,
        sources=sources,
        evidence=evidence,
        mentions=_union(target.mentions + other.mentions,
                        key=lambda m: (m.article_id, m.trigger.start, m.trigger.end)),
        confidence=max(target.confidence, other.confidence),
        first_seen=min(firsts) if firsts else None,
    )


def _differs(target: Event, other: Event) -> bool:
    # Another source's perpetrator is kept among the associated actors only when it is
    # contested (a different actor 1), so the record still names it.
    return (
        target.actor1 is not None
        and other.actor1 is not None
        and _actors_agree(target.actor1, other.actor1) != 1.0
    )


def _max_or_none(a: int | None, b: int | None) -> int | None:
    found = [v for v in (a, b) if v is not None]
    return max(found) if found else None


def _source_root(source: Source) -> str:
    if source.wire_source:
        return f"wire:{source.wire_source.casefold()}"
    if source.copy_of:
        return f"article:{source.copy_of}"
    if source.outlet:
        return f"outlet:{source.outlet.casefold()}"
    return f"article:{source.article_id}"


def independent_sources(event: Event) -> int:
    """How many independent sources support the event.

    Copies count with their original, wire stories with their agency, and several
    reports of one outlet as one outlet.

    >>> e = Event("e", "event", "Battles", "Armed clash", sources=[
    ...     Source("a1", outlet="AP", wire_source="AP"),
    ...     Source("a2", outlet="Courier", wire_source="AP", copy_of="a1", independent=False),
    ...     Source("a3", outlet="Gulf Ledger")])
    >>> independent_sources(e)
    2
    """
    roots: set[str] = set()
    by_article = {s.article_id: s for s in event.sources}
    for s in event.sources:
        root = s
        seen = set()
        # Follow a copy to its original when the original is a source of this event.
        while root.copy_of in by_article and root.copy_of not in seen:
            seen.add(root.copy_of)
            root = by_article[root.copy_of]
        roots.add(_source_root(root))
    return len(roots)


__all__ = [
    "DEFAULT_THRESHOLD",
    "LinkDecision",
    "candidate_window",
    "distance_km",
    "incident_score",
    "independent_sources",
    "link_events",
    "merge_into",
    "reconcile_fatalities",
]
