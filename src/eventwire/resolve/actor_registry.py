"""The actor registry: canonical actors, their aliases and affiliations, from data files.

Two sources, kept apart as the house plan asks:

- generated: for every country (pycountry's list plus ``countries.csv``) three state actors,
  ``mil-CC`` "Military Forces of X", ``pol-CC`` "Police Forces of X", ``gov-CC`` "Government of X";
- curated: armed groups, militias, parties and missions in ``data/actors/groups/*.yaml``.

Everything is indexed once at load time; a lookup is a dictionary access, never a scan.

>>> reg = ActorRegistry.load()
>>> reg.lookup("Kata'ib Hizballah").id
'kataib-hezbollah'
>>> reg.lookup("U.S. Central Command").name
'Military Forces of the United States'
"""

from __future__ import annotations

import csv
import dataclasses
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pycountry
import yaml

from eventwire.model import ACTOR_KINDS, Actor

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "actors"
STATE_PREFIXES = {"mil": "Military Forces of", "pol": "Police Forces of", "gov": "Government of"}
# Short all-capital aliases ("IS", "KH", "US") only match text written in capitals.
_ACRONYM = re.compile(r"^[A-Z0-9][A-Z0-9&/\-]{1,6}$")
_VOWELS = re.compile(r"[aeiouy]")


class ActorRegistryError(ValueError):
    """A registry data file is missing or holds a bad row."""


def normalise(text: str) -> str:
    """Lower-case, accent-free, punctuation-free form used as the alias key.

    >>> normalise("Kata'ib Hizballah's")
    'kataib hizballah'
    >>> normalise("U.S.-led coalition")
    'us led coalition'
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("‘", "'").replace("`", "'")
    text = re.sub(r"'s\b", "", text)  # possessive: "Israel's army" -> "Israel army"
    text = text.replace("'", "").replace(".", "")
    text = re.sub(r"[^\w]+", " ", text.lower())
    return " ".join(text.split())


def skeleton(norm: str) -> str:
    """Consonant skeleton of a normalised name, so that unseen transliterations still meet.

    >>> skeleton("hizballah") == skeleton("hezbollah")
    True
    """
    out = []
    for word in norm.split():
        word = _VOWELS.sub("", word)
        word = re.sub(r"(.)\1+", r"\1", word)
        if word:
            out.append(word)
    return " ".join(out)


@dataclass(slots=True)
class Country:
    code: str
    name: str
    the: bool = False
    demonyms: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    places: tuple[str, ...] = ()  # capitals and regions: they say where, and speak for it

    @property
    def display(self) -> str:
        return f"the {self.name}" if self.the else self.name


@dataclass(slots=True)
class Entry:
    """One registry row with what does not fit on ``model.Actor`` (dates, backers, source)."""

    actor: Actor
    aliases: tuple[str, ...] = ()
    parents: tuple[dict[str, Any], ...] = ()
    backed_by: tuple[dict[str, Any], ...] = ()
    source: str = ""
    generated: bool = False
    origin: str = ""


@dataclass
class ActorRegistry:
    """All known actors and the indexes used to find them."""

    entries: dict[str, Entry] = field(default_factory=dict)
    countries: dict[str, Country] = field(default_factory=dict)
    alias_index: dict[str, str] = field(default_factory=dict)
    acronym_index: dict[str, str] = field(default_factory=dict)
    skeleton_index: dict[str, str | None] = field(default_factory=dict)
    country_index: dict[str, str] = field(default_factory=dict)
    demonym_index: dict[str, str] = field(default_factory=dict)
    place_keys: set[str] = field(default_factory=set)
    children: dict[tuple[str, str | None], list[str]] = field(default_factory=dict)
    armed_wings: dict[str, str] = field(default_factory=dict)
    state_forms: dict[str, Any] = field(default_factory=dict)
    generic: dict[str, Any] = field(default_factory=dict)
    max_alias_words: int = 1

    # ---- loading -------------------------------------------------------------------------
    @classmethod
    def load(cls, path: Path | None = None) -> ActorRegistry:
        """Read a registry directory (default: the package's ``data/actors``).

        >>> len(ActorRegistry.load()) >= 500
        True
        """
        root = Path(path) if path is not None else DATA_DIR
        if not root.is_dir():
            raise ActorRegistryError(f"actor registry directory {root} does not exist")
        reg = cls()
        reg.state_forms = _read_yaml(root / "state_forms.yaml")
        reg.generic = _read_yaml(root / "generic.yaml")
        reg._load_countries(root / "countries.csv")
        reg._generate_state_actors()
        group_files = sorted((root / "groups").glob("*.yaml"))
        if not group_files:
            raise ActorRegistryError(f"no curated actor files in {root / 'groups'}")
        for file in group_files:
            for i, row in enumerate(_read_yaml(file) or [], start=1):
                reg._add_curated(row, f"{file.name} row {i}")
        reg._index_children()
        return reg

    def _load_countries(self, path: Path) -> None:
        for c in pycountry.countries:
            name = getattr(c, "common_name", None) or c.name
            self.countries[c.alpha_2] = Country(c.alpha_2, name)
        if not path.is_file():
            raise ActorRegistryError(f"country table {path} does not exist")
        with path.open(encoding="utf-8") as fh:
            for i, row in enumerate(csv.DictReader(fh), start=2):
                code = (row.get("code") or "").strip()
                if not re.fullmatch(r"[A-Z]{2}", code):
                    raise ActorRegistryError(f"{path.name} line {i}: bad country code {code!r}")
                self.countries[code] = Country(
                    code,
                    row["name"].strip(),
                    the=(row.get("the") or "").strip() == "1",
                    demonyms=_split(row.get("demonyms")),
                    aliases=_split(row.get("aliases")),
                    places=_split(row.get("places")),
                )
        for country in self.countries.values():
            for name in (country.name, *country.aliases, *country.places):
                self.country_index.setdefault(normalise(name), country.code)
        names = {normalise(n) for c in self.countries.values() for n in (c.name, *c.aliases)}
        for country in self.countries.values():
            places = {normalise(p) for p in country.places}
            self.place_keys.update(places - names)
            official = pycountry.countries.get(alpha_2=country.code)
            if official is not None:
                self.country_index.setdefault(normalise(official.name), country.code)
            for dem in country.demonyms:
                key = normalise(dem)
                self.demonym_index.setdefault(key, country.code)
                if not key.endswith(("s", "sh", "ch", "ese", "x", "z")):
                    # "Iraqis", "Israelis": a plural demonym names the people of the country
                    self.demonym_index.setdefault(key + "s", country.code)

    def _generate_state_actors(self) -> None:
        extra = self.state_forms.get("aliases") or {}
        for country in self.countries.values():
            for prefix, label in STATE_PREFIXES.items():
                actor_id = f"{prefix}-{country.code}"
                actor = Actor(f"{label} {country.display}", "state forces", actor_id, country.code)
                aliases = (actor.name, *(extra.get(actor_id) or ()))
                self._add(Entry(actor, aliases, generated=True, origin="countries.csv"))
        unknown = sorted(set(extra) - set(self.entries))
        if unknown:
            raise ActorRegistryError(f"state_forms.yaml: aliases for unknown actors {unknown}")

    def _add_curated(self, row: dict[str, Any], where: str) -> None:
        if not isinstance(row, dict):
            raise ActorRegistryError(f"{where}: expected a mapping, got {type(row).__name__}")
        for key in ("id", "name", "kind", "source"):
            if not row.get(key):
                raise ActorRegistryError(f"{where}: missing {key!r}")
        if row["kind"] not in ACTOR_KINDS:
            raise ActorRegistryError(
                f"{where}: kind {row['kind']!r} is not one of {', '.join(ACTOR_KINDS)}"
            )
        country = row.get("country")
        if country is not None and country not in self.countries:
            raise ActorRegistryError(f"{where}: unknown country code {country!r}")
        if row["id"] in self.entries:
            raise ActorRegistryError(f"{where}: duplicate actor id {row['id']!r}")
        parents = tuple(_as_link(p, where) for p in row.get("parents") or ())
        actor = Actor(
            str(row["name"]),
            row["kind"],
            str(row["id"]),
            country,
            parents=tuple(p["id"] for p in parents),
        )
        aliases = (actor.name, *(str(a) for a in row.get("aliases") or ()))
        backed = tuple(row.get("backed_by") or ())
        self._add(Entry(actor, aliases, parents, backed, str(row["source"]), origin=where))
        if row.get("wing") == "armed" and actor.parents:
            self.armed_wings[actor.parents[0]] = actor.id

    def _add(self, entry: Entry) -> None:
        actor_id = entry.actor.id
        assert actor_id is not None
        self.entries[actor_id] = entry
        for alias in entry.aliases:
            bare = alias.replace(".", "")
            if _ACRONYM.match(bare):
                self.acronym_index.setdefault(bare, actor_id)
                continue
            key = normalise(alias)
            if not key:
                continue
            # curated rows come after generated ones and win: a group's own name beats a country
            other = self.alias_index.get(key)
            if other and other != actor_id and not entry.generated:
                if not self.entries[other].generated:
                    raise ActorRegistryError(
                        f"{entry.origin}: alias {alias!r} already names {other!r}; "
                        f"make it a context phrase in state_forms.yaml"
                    )
            if other is None or not entry.generated:
                self.alias_index[key] = actor_id
            self.max_alias_words = max(self.max_alias_words, len(key.split()))
            if not entry.generated:
                skel = skeleton(key)
                if len(skel.replace(" ", "")) >= 5:
                    seen = self.skeleton_index.get(skel, actor_id)
                    self.skeleton_index[skel] = actor_id if seen == actor_id else None

    def _index_children(self) -> None:
        for actor_id, entry in self.entries.items():
            for parent in entry.actor.parents:
                if parent not in self.entries:
                    raise ActorRegistryError(f"{entry.origin}: unknown parent id {parent!r}")
                self.children.setdefault((parent, entry.actor.country), []).append(actor_id)

    # ---- queries -------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.entries)

    def get(self, actor_id: str) -> Actor | None:
        """The actor with this id (a copy: callers may change it freely)."""
        entry = self.entries.get(actor_id)
        return dataclasses.replace(entry.actor) if entry else None

    def entry(self, actor_id: str) -> Entry | None:
        return self.entries.get(actor_id)

    def lookup(self, name: str) -> Actor | None:
        """Exact lookup of a name or alias, after normalisation; acronyms are case-sensitive."""
        actor_id = self.lookup_id(name)
        return self.get(actor_id) if actor_id else None

    def lookup_id(self, name: str) -> str | None:
        bare = name.strip().replace(".", "")
        if _ACRONYM.match(bare):
            return self.acronym_index.get(bare)
        return self.alias_index.get(normalise(name))

    def lookup_skeleton(self, name: str) -> str | None:
        """A curated actor whose name has the same consonant skeleton, if exactly one does."""
        skel = skeleton(normalise(name))
        if len(skel.replace(" ", "")) < 5:
            return None
        return self.skeleton_index.get(skel)

    def country_of(self, phrase: str) -> str | None:
        """ISO code of a country name, alias, capital or demonym ("Iraqi" -> "IQ")."""
        key = normalise(phrase)
        return self.country_index.get(key) or self.demonym_index.get(key)

    def country_name(self, code: str | None) -> str:
        country = self.countries.get(code or "")
        return country.name if country else (code or "")

    def backers(self, actor_id: str) -> tuple[str, ...]:
        entry = self.entries.get(actor_id)
        if entry is None:
            return ()
        return tuple(str(b.get("country")) for b in entry.backed_by if b.get("country"))


@lru_cache(maxsize=1)
def default_registry() -> ActorRegistry:
    """The package's registry, loaded once per process."""
    return ActorRegistry.load()


def _read_yaml(path: Path) -> Any:
    if not path.is_file():
        raise ActorRegistryError(f"registry file {path} does not exist")
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ActorRegistryError(f"{path.name}: not valid YAML ({exc})") from exc


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split(";") if v.strip())


def _as_link(value: Any, where: str) -> dict[str, Any]:
    if isinstance(value, str):
        return {"id": value}
    if isinstance(value, dict) and value.get("id"):
        return dict(value)
    raise ActorRegistryError(f"{where}: a parent must be an id or {{id: ..., since: ...}}")


def curated_row(
    registry: ActorRegistry,
    actor_id: str,
    name: str,
    kind: str,
    country: str | None,
    aliases: tuple[str, ...] | list[str],
    parents: tuple[str, ...] | list[str],
    source: str,
) -> str:
    """A checked YAML row for a new curated actor (the caller appends it to a groups file).

    The row is added to ``registry`` on the way, so a bad row fails here, before any file
    is touched; an alias that already names another actor is refused.
    """
    if not re.fullmatch(r"[a-z0-9][a-z0-9\-]*", actor_id):
        raise ActorRegistryError(f"actor id {actor_id!r}: use lower-case letters, digits and '-'")
    for alias in (name, *aliases):
        taken = registry.lookup_id(alias)
        if taken:
            raise ActorRegistryError(f"{alias!r} already names actor {taken!r}")
    for parent in parents:
        if parent not in registry.entries:
            raise ActorRegistryError(f"parent {parent!r} is not a registry id")
    row: dict[str, Any] = {"id": actor_id, "name": name, "kind": kind}
    if country:
        row["country"] = country
    if aliases:
        row["aliases"] = list(aliases)
    if parents:
        row["parents"] = [{"id": p} for p in parents]
    row["source"] = source
    registry._add_curated(row, f"new row {actor_id!r}")
    text = yaml.safe_dump([row], sort_keys=False, allow_unicode=True, width=100)
    return "\n" + text
