"""Choosing among the candidate places of a name, with the report as context.

The score adds a population prior, the kind of place the text asks for ("X province",
"X air base"), the countries the report is about, the admin areas named with it
("Harir, Erbil") and the distance to the other places resolved in the same report.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from eventwire.resolve.gazetteer import FACILITY_FEATURES, Candidate

# What a bare name most likely means when nothing else tells (before population).
FEATURE_PRIOR = {
    "continent": 3.5,
    "country": 4.0,
    "admin1": 1.6,
    "region": 2.0,
    "admin2": 0.3,
    "city": 0.8,
    "town": 0.0,
    "village": -0.3,
    "airport": -2.0,
    "airbase": -2.0,
}
KIND_BONUS = {"main": 0.4, "alt": 0.0, "demonym": 0.0, "core": -0.5}
MAX_CANDIDATES = 200


@dataclass(slots=True)
class Hints:
    """What the text around one mention says about the place it names."""

    facility: bool = False  # "... air base", "... camp"
    want: str | None = None  # "village", "town", "admin"
    within: list[str] = field(default_factory=list)  # names of enclosing areas ("Erbil")
    demonym: bool = False


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km.

    >>> round(haversine_km(33.34, 44.40, 36.19, 44.01))
    319
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dphi, dlmb = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dlmb / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def focus_countries(picks: Iterable[Candidate]) -> Counter[str]:
    """How much the report is about each country, from its confidently resolved places."""
    focus: Counter[str] = Counter()
    for cand in picks:
        if cand.country:
            focus[cand.country] += 1
    return focus


def score(
    cand: Candidate,
    hints: Hints,
    focus: Counter[str],
    anchors: list[Candidate],
) -> float:
    """Score of one candidate for one mention (higher is better)."""
    s = 0.35 * math.log10(cand.population + 10)
    facility = cand.feature in FACILITY_FEATURES
    if hints.facility:
        s += 5.0 if facility else -1.0
    elif cand.kind == "core":
        return -math.inf  # "Kirkuk" alone is the city, not Kirkuk Air Base
    s += FEATURE_PRIOR.get(cand.feature, 0.0)
    s += KIND_BONUS.get(cand.kind, 0.0)
    if hints.demonym:
        s += 2.0 if cand.kind == "demonym" or cand.feature in ("country", "continent") else -2
    if hints.want == "admin":
        s += 3.0 if cand.feature in ("admin1", "admin2") else -1.0
    elif hints.want in ("village", "town"):
        s += 1.0 if cand.feature in ("village", "town", "city") else -2.0
    total = sum(focus.values())
    if total and cand.country:
        s += 3.0 * focus[cand.country] / total
    if hints.within:
        keys = {w.lower() for w in hints.within}
        if any(v and v.lower() in keys for v in (cand.admin1, cand.admin2, cand.country)) or any(
            a.country == cand.country and a.name.lower() in keys for a in anchors
        ):
            s += 3.0
    if anchors and cand.feature not in ("country", "continent"):
        near = min(haversine_km(cand.lat, cand.lon, a.lat, a.lon) for a in anchors)
        if near < 50:
            s += 2.0
        elif near < 250:
            s += 1.2
        elif near < 1000:
            s += 0.4
    return s


def best(
    cands: list[Candidate], hints: Hints, focus: Counter[str], anchors: list[Candidate]
) -> tuple[Candidate | None, float]:
    """The best candidate and its margin over the runner-up (0 when alone)."""
    scored = sorted(
        ((score(c, hints, focus, anchors), c) for c in cands[:MAX_CANDIDATES]),
        key=lambda t: -t[0],
    )
    if not scored or scored[0][0] == -math.inf:
        return None, 0.0
    margin = scored[0][0] - scored[1][0] if len(scored) > 1 else 5.0
    return scored[0][1], margin
