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

from eventwire.model import haversine_km  # re-exported: scorers import it from here
from eventwire.resolve.gazetteer import FACILITY_FEATURES, Candidate

# What a bare name most likely means when nothing else tells (before population).
FEATURE_PRIOR = {
    "continent": 3.5,
    "country": 4.0,
    "admin1": 2.2,
    "region": 2.0,
    "sea": 2.0,
    "admin2": 0.3,
    "city": 0.8,
    "town": 0.0,
    "village": -0.3,
    "airport": -2.0,
    # Seats of power in our own table (White House, Kremlin): far better known than the
    # small towns that share their names.
    "landmark": 2.5,
    "airbase": -2.0,
}
AREA_FEATURES = frozenset({"country", "continent", "admin1", "admin2", "region", "sea"})
KIND_BONUS = {"main": 0.4, "alt": 0.0, "demonym": 0.0, "core": -0.5}
MAX_CANDIDATES = 200
PROXIMITY_CANDIDATES = 8


@dataclass(slots=True)
class Hints:
    """What the text around one mention says about the place it names."""

    facility: bool = False  # "... air base", "... camp"
    want: str | None = None  # "village", "town", "admin"
    within: list[str] = field(default_factory=list)  # names of enclosing areas ("Erbil")
    demonym: bool = False


@dataclass(slots=True)
class Context:
    """What the whole report says about where it is: countries, admin areas, places."""

    countries: Counter[str] = field(default_factory=Counter)
    admin1: Counter[tuple[str, str]] = field(default_factory=Counter)
    anchors: list[Candidate] = field(default_factory=list)


def report_context(picks: Iterable[Candidate], anchors: list[Candidate]) -> Context:
    """The report's focus, from the places resolved in a first pass."""
    ctx = Context(anchors=anchors)
    for cand in picks:
        if cand.country:
            ctx.countries[cand.country] += 1
        if cand.admin1 and cand.feature in ("admin1", "city"):
            ctx.admin1[(cand.country or "", cand.admin1)] += 1
    return ctx


POPULATION_WEIGHT = 0.35
COUNTRY_FOCUS_WEIGHT = 2.0
ADMIN_FOCUS_WEIGHT = 1.5
ADMIN_POPULATION_FACTOR = 0.0


def proximity(cand: Candidate, anchors: list[Candidate]) -> float:
    """Bonus for being near the report's other places (areas and the place itself excluded)."""
    if cand.feature in AREA_FEATURES:
        return 0.0
    near = min((haversine_km(cand.lat, cand.lon, a.lat, a.lon) for a in anchors
                if a.pid != cand.pid), default=math.inf)
    if near < 50:
        return 2.0
    if near < 250:
        return 1.2
    return 0.4 if near < 1000 else 0.0


def score(cand: Candidate, hints: Hints, ctx: Context) -> float:
    """Score of one candidate for one mention (higher is better)."""
    focus, anchors = ctx.countries, ctx.anchors
    people = cand.population
    if cand.feature in ("admin1", "admin2"):
        # An area's people make its name common, but less so than a city's own people.
        people = int(people * ADMIN_POPULATION_FACTOR)
    s = POPULATION_WEIGHT * math.log10(people + 10)
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
        # "the village of X": a village, perhaps a town, hardly a city.
        fit = {"village": 1.5, "town": 1.0, "city": 0.3 if hints.want == "village" else 1.0}
        s += fit.get(cand.feature, -2.0)
    total = sum(focus.values())
    if total:
        # Seas and continents belong to no country: they lose nothing to the focus.
        share = focus[cand.country] if cand.country else max(focus.values())
        s += COUNTRY_FOCUS_WEIGHT * share / total
    admin_total = sum(ctx.admin1.values())
    if admin_total and cand.admin1 and cand.feature not in ("admin1", "country"):
        s += ADMIN_FOCUS_WEIGHT * ctx.admin1[(cand.country or "", cand.admin1)] / admin_total
    if hints.within:
        keys = {w.lower() for w in hints.within}
        if any(v and v.lower() in keys for v in (cand.admin1, cand.admin2, cand.country)) or any(
            a.country == cand.country and a.name.lower() in keys for a in anchors
        ):
            s += 3.0
    if anchors:
        s += proximity(cand, anchors)
    return s


SHADOW_PENALTY = 1.5
SHADOW_POPULATION = 100_000


def _area_named(cands: list[Candidate]) -> bool:
    """Whether the name is the main name of a country or first-level area."""
    return any(c.kind == "main" and c.feature in ("country", "admin1")
               for c in cands[:MAX_CANDIDATES])


def _small(cand: Candidate) -> bool:
    """A town or village, which a bare state's or country's name hardly means
    ("Wales", "Montana", "California" the towns)."""
    return cand.feature not in AREA_FEATURES and cand.population < SHADOW_POPULATION


def _missing_locality(cand: Candidate, hints: Hints, ctx: Context) -> bool:
    """"The village of Mushu" in a report set in Nigeria, whose only namesakes lie abroad:
    a locality the gazetteer lacks, better left unplaced than put in another country."""
    return (hints.want in ("village", "town") and bool(ctx.countries)
            and cand.country is not None and ctx.countries[cand.country] == 0)


def best(cands: list[Candidate], hints: Hints, ctx: Context) -> tuple[Candidate | None, float]:
    """The best candidate and its margin over the runner-up (0 when alone).

    Distances to the report's other places are costly, so they are added only for the
    candidates that lead without them.
    """
    bare = Context(ctx.countries, ctx.admin1, [])
    shadow = _area_named(cands) and hints.want not in ("village", "town")
    scored = sorted(
        ((score(c, hints, bare) - (SHADOW_PENALTY if shadow and _small(c) else 0.0), c)
         for c in cands[:MAX_CANDIDATES]),
        key=lambda t: -t[0],
    )
    if ctx.anchors and len(scored) > 1:
        head = [(s + proximity(c, ctx.anchors), c) for s, c in scored[:PROXIMITY_CANDIDATES]]
        scored = sorted(head, key=lambda t: -t[0]) + scored[PROXIMITY_CANDIDATES:]
    if not scored or scored[0][0] == -math.inf:
        return None, 0.0
    if _missing_locality(scored[0][1], hints, ctx):
        return None, 0.0
    margin = scored[0][0] - scored[1][0] if len(scored) > 1 else 5.0
    return scored[0][1], margin
