"""Read access to the SQLite gazetteer built by :mod:`eventwire.resolve.gazetteer_build`.

>>> gaz = Gazetteer(default_gazetteer_path())  # doctest: +SKIP
>>> gaz.lookup("Erbil")[0].gazetteer_id  # doctest: +SKIP
'geonames:95446'
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from eventwire.model import Place
from eventwire.resolve.gazetteer_build import (
    GAZETTEER_VERSION,
    build_gazetteer,
    default_gazetteer_path,
    recipe_hash,
)
from eventwire.resolve.gazetteer_names import key_variants, name_key

log = logging.getLogger(__name__)

FACILITY_FEATURES = frozenset(
    {"airbase", "airport", "military base", "border crossing", "camp", "facility"}
)


class GazetteerError(RuntimeError):
    """The gazetteer file is missing, unreadable or of another version."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry a name may stand for."""

    pid: int
    gazetteer_id: str
    name: str
    lat: float
    lon: float
    country: str | None
    admin1: str | None
    admin2: str | None
    feature: str
    population: int
    kind: str  # how the name matched: main, alt, core, demonym

    def to_place(self, geo_precision: int = 1) -> Place:
        return Place(
            name=self.name,
            lat=self.lat,
            lon=self.lon,
            country=self.country,
            admin1=self.admin1,
            admin2=self.admin2,
            gazetteer_id=self.gazetteer_id,
            feature=self.feature,
            geo_precision=geo_precision,
        )


_QUERY = (
    "SELECT p.id, p.gid, p.name, p.lat, p.lon, p.country, p.admin1, p.admin2, p.feature,"
    " p.population, n.kind FROM name n JOIN place p ON p.id = n.place WHERE n.key = ?"
    " ORDER BY p.population DESC LIMIT 250"
)


class Gazetteer:
    """Name -> candidate places, over one read-only SQLite connection."""

    def __init__(self, path: str | Path | None = None, build_if_missing: bool = True):
        self.path = Path(path) if path else default_gazetteer_path()
        if not self.path.exists():
            if not build_if_missing:
                raise GazetteerError(
                    f"gazetteer {self.path} does not exist; run `eventwire gazetteer build`"
                )
            log.warning("gazetteer %s missing: building it now (about a minute)", self.path)
            build_gazetteer(self.path)
        try:
            self._con = sqlite3.connect(
                f"file:{self.path}?mode=ro", uri=True, check_same_thread=False
            )
            row = self._con.execute("SELECT value FROM meta WHERE key='version'").fetchone()
        except sqlite3.DatabaseError as exc:
            raise GazetteerError(f"gazetteer {self.path} is not readable: {exc}") from exc
        if not row or row[0] != GAZETTEER_VERSION:
            raise GazetteerError(
                f"gazetteer {self.path} has version {row[0] if row else None!r}, expected "
                f"{GAZETTEER_VERSION!r}; rebuild it with `eventwire gazetteer build`"
            )
        recipe = self._con.execute("SELECT value FROM meta WHERE key='recipe'").fetchone()
        if build_if_missing and (not recipe or recipe[0] != recipe_hash()):
            log.warning("gazetteer %s was built from other data: rebuilding it", self.path)
            self._con.close()
            build_gazetteer(self.path)
            self._con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True,
                                        check_same_thread=False)
        self._lookup = lru_cache(maxsize=50_000)(self._lookup_key)

    def lookup(self, name: str) -> list[Candidate]:
        """Candidates for a name, most populous first (article variants included)."""
        return self._lookup(name_key(name))

    def lookup_key(self, key: str) -> list[Candidate]:
        return self._lookup(key)

    def clear_cache(self) -> None:
        """Forget the names looked up so far (for timing a cold lookup)."""
        self._lookup.cache_clear()

    def _lookup_key(self, key: str) -> list[Candidate]:
        seen: dict[int, Candidate] = {}
        for variant in key_variants(key):
            for row in self._con.execute(_QUERY, (variant,)):
                cand = Candidate(*row)
                # Keep the best way each place matched (main > alt > demonym > core).
                old = seen.get(cand.pid)
                if old is None or _KIND_RANK[cand.kind] < _KIND_RANK[old.kind]:
                    seen[cand.pid] = cand
        return sorted(seen.values(), key=lambda c: -c.population)

    def search(self, text: str, limit: int = 20) -> list[Candidate]:
        """Full-text search of main names (every word must occur), for people and tools."""
        words = [w for w in name_key(text).split() if w]
        if not words:
            return []
        query = " ".join(f'"{w}"' for w in words)
        rows = self._con.execute(
            "SELECT p.id, p.gid, p.name, p.lat, p.lon, p.country, p.admin1, p.admin2,"
            " p.feature, p.population, 'main' FROM name_fts f JOIN place p ON p.id = f.place"
            " WHERE name_fts MATCH ? ORDER BY p.population DESC LIMIT ?",
            (query, limit),
        )
        return [Candidate(*r) for r in rows]

    def by_id(self, gazetteer_id: str) -> Candidate | None:
        row = self._con.execute(
            "SELECT id, gid, name, lat, lon, country, admin1, admin2, feature, population,"
            " 'main' FROM place WHERE gid = ?",
            (gazetteer_id,),
        ).fetchone()
        return Candidate(*row) if row else None


_KIND_RANK = {"main": 0, "alt": 1, "demonym": 2, "core": 3}
