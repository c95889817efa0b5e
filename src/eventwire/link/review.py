"""An analyst's corrections to linking: take one mention out of an event.

Merging two events is ``incidents.merge_into``; splitting is its inverse for one
mention: the mention becomes an event of its own and the rest is rebuilt without it.
Both results are marked ``status="edited"`` so every face can show a person decided.
"""

from __future__ import annotations

from dataclasses import replace

from eventwire.model import Event, Mention

from .errors import LinkInputError
from .incidents import reconcile_fatalities


def _same(a: Mention, b: Mention) -> bool:
    return (a.article_id, a.trigger.start, a.trigger.end) == (b.article_id, b.trigger.start,
                                                              b.trigger.end)


def event_from_mention(mention: Mention, event_id: str, like: Event | None = None) -> Event:
    """A new event holding one mention; sources and evidence of its article come from ``like``.

    >>> from eventwire.model import Span
    >>> m = Mention("r1", Span(0, 9, "A blast."), Span(2, 7, "blast"), "event",
    ...             "Explosions/Remote violence", "Remote explosive/landmine/IED")
    >>> event_from_mention(m, "e9").sub_event_type
    'Remote explosive/landmine/IED'
    """
    sources = [s for s in (like.sources if like else []) if s.article_id == mention.article_id]
    evidence = list(mention.evidence) or [
        e for e in (like.evidence if like else []) if e.article_id == mention.article_id
    ]
    return Event(
        id=event_id,
        kind=mention.kind,
        event_type=mention.event_type,
        sub_event_type=mention.sub_event_type,
        modality=mention.modality,
        statement_type=mention.statement_type,
        when=mention.when,
        place=mention.place,
        actor1=mention.actor1,
        actor2=mention.actor2,
        assoc_actors=list(mention.assoc_actors),
        assoc_actors2=list(mention.assoc_actors2),
        fatalities=mention.fatalities,
        injuries=mention.injuries,
        injuries_note=mention.injuries_note,
        quantities=list(mention.quantities),
        outcomes=list(mention.outcomes),
        claims=list(mention.claims),
        sources=sources,
        evidence=evidence,
        confidence=mention.confidence,
        status="edited",
        mentions=[mention],
    )


def split_off(event: Event, mention: Mention, new_id: str) -> tuple[Event, Event]:
    """(the event without ``mention``, a new event ``new_id`` made of it).

    The article's source and evidence leave the old event only when none of its other
    mentions comes from that article; fatalities are reconciled again over what stays.
    """
    if not any(_same(mention, m) for m in event.mentions):
        raise LinkInputError(f"event {event.id!r} has no mention at {mention.article_id}:"
                             f"{mention.trigger.start}-{mention.trigger.end}")
    rest = [m for m in event.mentions if not _same(mention, m)]
    if not rest:
        raise LinkInputError(f"event {event.id!r} has only this mention: nothing to split from")
    still = {m.article_id for m in rest}
    gone = mention.article_id not in still
    per_source = [m.fatalities for m in rest if m.fatalities.best is not None
                  or m.fatalities.low is not None]
    remaining = replace(
        event,
        mentions=rest,
        sources=[s for s in event.sources if not gone or s.article_id != mention.article_id],
        evidence=[e for e in event.evidence
                  if not gone or e.article_id != mention.article_id],
        fatalities=reconcile_fatalities(per_source) if per_source else event.fatalities,
        status="edited",
    )
    return remaining, event_from_mention(mention, new_id, like=event)
