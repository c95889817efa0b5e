"""Exports of stored events: ACLED-style CSV, GeoJSON, JSONL and Parquet."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from eventwire.model import ACTOR_KINDS, Actor, Event

# ACLED's inter codes: 1 state forces ... 8 external/other forces
INTER_CODES = {kind: i + 1 for i, kind in enumerate(ACTOR_KINDS)}
_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "iso", "country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision",
    "source", "notes", "fatalities", "kind", "statement_type", "modality", "claims",
    "status",
]


class ExportError(RuntimeError):
    """The export could not be written."""


def _inter(actor: Actor | None) -> int | None:
    return INTER_CODES.get(actor.kind) if actor else None


def acled_row(e: Event) -> dict:
    """One event as a row with ACLED's column names (and eventwire's additions)."""
    i1, i2 = _inter(e.actor1), _inter(e.actor2)
    place = e.place
    notes = next((ev.sentence for ev in e.evidence if ev.field == "event_type"), "")
    return {
        "event_id_cnty": e.id,
        "event_date": e.when.start.isoformat() if e.when else "",
        "year": e.when.start.year if e.when else "",
        "time_precision": _TIME_PRECISION.get(e.when.precision, 3) if e.when else "",
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
        "actor1": e.actor1.name if e.actor1 else "",
        "assoc_actor_1": "; ".join(a.name for a in e.assoc_actors),
        "inter1": i1 or "",
        "actor2": e.actor2.name if e.actor2 else "",
        "assoc_actor_2": "; ".join(a.name for a in e.assoc_actors2),
        "inter2": i2 or "",
        "interaction": int(f"{min(i1, i2)}{max(i1, i2)}") if i1 and i2 else (i1 or ""),
        "iso": place.country if place else "",
        "country": place.country if place else "",
        "admin1": place.admin1 if place else "",
        "admin2": place.admin2 if place else "",
        "location": place.name if place else "",
        "latitude": place.lat if place else "",
        "longitude": place.lon if place else "",
        "geo_precision": place.geo_precision if place else "",
        "source": "; ".join(sorted({s.outlet or s.article_id for s in e.sources})),
        "notes": notes.strip(),
        "fatalities": e.fatalities.best if e.fatalities.best is not None else 0,
        "kind": e.kind,
        "statement_type": e.statement_type or "",
        "modality": e.modality,
        "claims": "; ".join(f"{c.by} {c.stance}" + (f" {c.about}" if c.about else "")
                            for c in e.claims),
        "status": e.status,
    }


def _csv(events: list[Event], path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=ACLED_COLUMNS)
        writer.writeheader()
        for e in events:
            writer.writerow(acled_row(e))


def _jsonl(events: list[Event], path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for e in events:
            fh.write(json.dumps(e.to_record(), ensure_ascii=False) + "\n")


def _geojson(events: list[Event], path: Path) -> None:
    features = []
    for e in events:
        if e.place is None or e.place.lat is None:
            continue
        props = e.to_record()
        props.pop("evidence", None)
        features.append({"type": "Feature",
                         "geometry": {"type": "Point", "coordinates": [e.place.lon, e.place.lat]},
                         "properties": props})
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features},
                               ensure_ascii=False), encoding="utf-8")


def _parquet(events: list[Event], path: Path) -> None:
    pd.DataFrame([acled_row(e) for e in events], columns=ACLED_COLUMNS).to_parquet(path)


FORMATS: dict[str, Callable[[list[Event], Path], None]] = {
    "acled-csv": _csv, "jsonl": _jsonl, "geojson": _geojson, "parquet": _parquet}


def export_events(events: list[Event], fmt: str, path: str | Path) -> int:
    """Write ``events`` in format ``fmt``; returns the number of records given."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; expected one of "
                          f"{', '.join(sorted(FORMATS))}")
    target = Path(path)
    try:
        FORMATS[fmt](events, target)
    except OSError as exc:
        raise ExportError(f"cannot write {target}: {exc.strerror or exc}") from exc
    return len(events)


def events_frame(events: list[Event]) -> pd.DataFrame:
    """Events as a pandas DataFrame with ACLED's columns."""
    return pd.DataFrame([acled_row(e) for e in events], columns=ACLED_COLUMNS)
