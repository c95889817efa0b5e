"""Plain-text rendering of events for the terminal."""

from __future__ import annotations

from eventwire.model import Event

_COLUMNS = (("id", 18), ("date", 10), ("type", 28), ("place", 26), ("actor 1", 28),
            ("actor 2", 24), ("fat.", 4), ("src", 3))


def _cut(text: str, width: int) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


def event_row(e: Event) -> list[str]:
    kind = e.statement_type if e.kind == "statement" else e.sub_event_type
    if e.kind == "statement":
        kind = f"{kind} (statement)"
    place = ""
    if e.place is not None:
        place = ", ".join(x for x in (e.place.name, e.place.country) if x)
    independent = len({s.article_id for s in e.sources if s.independent}) or len(e.sources)
    return [e.id, e.when.start.isoformat() if e.when else "", kind or "", place,
            e.actor1.name if e.actor1 else "", e.actor2.name if e.actor2 else "",
            "" if e.fatalities.best is None else str(e.fatalities.best), str(independent)]


def event_table(events: list[Event]) -> str:
    """Events as a fixed-width table, one per line."""
    header = "  ".join(name.ljust(width) for name, width in _COLUMNS)
    lines = [header, "  ".join("-" * width for _, width in _COLUMNS)]
    for e in events:
        cells = event_row(e)
        lines.append("  ".join(_cut(c, w).ljust(w) for c, (_, w) in zip(cells, _COLUMNS,
                                                                           strict=True)))
    if not events:
        lines.append("(no events)")
    return "\n".join(lines)


def event_detail(e: Event) -> str:
    """Every field of an event with the sentence it came from."""
    record = e.to_record()
    out = [f"{e.id}  [{e.kind}, {e.status}]"]
    for key in ("event_type", "sub_event_type", "statement_type", "modality", "date",
                "date_end", "date_precision", "location", "actor1", "actor2", "assoc_actors",
                "fatalities", "injuries", "injuries_note", "quantities", "outcomes", "claims",
                "confidence"):
        value = record.get(key)
        if value in (None, [], {}) or (isinstance(value, dict) and not any(value.values())):
            continue
        out.append(f"  {key}: {value}")
    out.append("  sources:")
    for s in e.sources:
        flags = [] if s.independent else [f"copy of {s.copy_of}"]
        if s.wire_source:
            flags.append(f"wire: {s.wire_source}")
        out.append(f"    - {s.outlet or '?'} {s.url or ''} ({s.article_id})"
                   + (f" [{', '.join(flags)}]" if flags else ""))
    out.append("  evidence:")
    for ev in e.evidence:
        out.append(f"    - {ev.field} [{ev.start}:{ev.end}] ({ev.confidence:.2f}): "
                   f"{ev.sentence.strip()}")
    return "\n".join(out)
