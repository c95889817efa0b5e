"""The event ontology: ACLED event types and sub-event types, CASE codes, statement types.

The table itself lives in ``eventwire/data/ontology.yaml``; this module only reads it
(once per process) and answers look-ups.

>>> sub_event_by_code("AIR_STRIKE").name
'Air/drone strike'
>>> event_type_of("AIR_STRIKE")
'Explosions/Remote violence'
>>> code_of("Air/drone strike")
'AIR_STRIKE'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml


class OntologyError(ValueError):
    """The ontology file is malformed, or a look-up names something it does not hold."""


@dataclass(frozen=True, slots=True)
class SubEventType:
    code: str  # CASE 2021 code, e.g. "AIR_STRIKE"
    name: str  # ACLED sub_event_type, e.g. "Air/drone strike"
    event_type: str  # ACLED event_type, e.g. "Explosions/Remote violence"


@dataclass(frozen=True, slots=True)
class Ontology:
    sub_event_types: tuple[SubEventType, ...]
    event_types: tuple[str, ...]
    statement_types: tuple[str, ...]
    uncoded_codes: tuple[str, ...]


def default_path() -> Path:
    return Path(str(resources.files("eventwire") / "data" / "ontology.yaml"))


def parse_ontology(raw: dict, source: str = "ontology") -> Ontology:
    """Build an Ontology from the YAML mapping, checking codes and names are unique."""
    try:
        subs = tuple(
            SubEventType(code=str(s["code"]), name=str(s["name"]), event_type=str(et["name"]))
            for et in raw["event_types"]
            for s in et["sub_event_types"]
        )
        event_types = tuple(str(et["name"]) for et in raw["event_types"])
        statements = tuple(str(s["name"]) for s in raw.get("statement_types", []))
        uncoded = tuple(str(c) for c in raw.get("uncoded_codes", []))
    except (KeyError, TypeError) as exc:
        raise OntologyError(f"{source}: missing or malformed entry ({exc!r})") from exc
    for label, values in (("code", [s.code for s in subs]), ("name", [s.name for s in subs])):
        dupes = sorted({v for v in values if values.count(v) > 1})
        if dupes:
            raise OntologyError(f"{source}: duplicate sub-event {label}s: {', '.join(dupes)}")
    return Ontology(subs, event_types, statements, uncoded)


@lru_cache(maxsize=4)
def load_ontology(path: str | None = None) -> Ontology:
    """Read the ontology file (the packaged one by default), once per process."""
    file = Path(path) if path else default_path()
    try:
        raw = yaml.safe_load(file.read_text(encoding="utf-8"))
    except OSError as exc:
        raise OntologyError(f"cannot read ontology file {file}: {exc}") from exc
    if not isinstance(raw, dict):
        raise OntologyError(f"{file}: expected a mapping at the top level")
    return parse_ontology(raw, source=str(file))


def codes() -> tuple[str, ...]:
    """The 25 ACLED sub-event codes, in the file's order."""
    return tuple(s.code for s in load_ontology().sub_event_types)


def sub_event_by_code(code: str) -> SubEventType:
    """The sub-event type for a CASE code such as ``"ARMED_CLASH"``."""
    for sub in load_ontology().sub_event_types:
        if sub.code == code:
            return sub
    raise OntologyError(f"unknown sub-event code {code!r}; expected one of {', '.join(codes())}")


def sub_event_by_name(name: str) -> SubEventType:
    """The sub-event type for an ACLED name such as ``"Armed clash"`` (case-insensitive)."""
    wanted = name.strip().casefold()
    for sub in load_ontology().sub_event_types:
        if sub.name.casefold() == wanted:
            return sub
    raise OntologyError(f"unknown sub-event type {name!r}")


def code_of(sub_event_type: str) -> str:
    """The CASE code of an ACLED sub-event type name."""
    return sub_event_by_name(sub_event_type).code


def event_type_of(code: str) -> str:
    """The ACLED event type a sub-event code belongs to."""
    return sub_event_by_code(code).event_type


def sub_event_types_of(event_type: str) -> tuple[SubEventType, ...]:
    """The sub-event types of one ACLED event type, e.g. ``"Protests"``."""
    found = tuple(s for s in load_ontology().sub_event_types if s.event_type == event_type)
    if not found:
        known = ", ".join(load_ontology().event_types)
        raise OntologyError(f"unknown event type {event_type!r}; expected one of {known}")
    return found


def statement_types() -> tuple[str, ...]:
    """The statement types (claim, denial, blame, threat, announcement, demand)."""
    return load_ontology().statement_types


def is_acled_code(code: str) -> bool:
    """True for one of the 25 ACLED codes; False for CASE's extra codes (DIPLO, ...)."""
    return code in codes()
