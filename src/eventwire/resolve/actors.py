"""Actor resolution: who did it, named the same way every time.

``ActorResolver.for_article(text)`` reads a report once: the actor names it contains, its
country focus, and the affiliations it states ("X, one of the Iran-backed militias that make up
the larger group"). The returned ``ArticleActors`` then resolves each mention the extract stage
found into a registry actor, a generic actor ("Protesters (Iraq)") or an unverified guessed
armed group.

>>> article = ActorResolver().for_article(
...     "The Islamic Resistance in Iraq, an umbrella group of Iran-backed militias, claimed the "
...     "attack. Kataib Sayf al-Haq, one of the Iran-backed militias that make up the larger "
...     "group, claimed a second strike on U.S. forces.")
>>> article.resolve("U.S. forces").name
'Military Forces of the United States'
>>> article.resolve("Iran-backed militias in Iraq").id
'islamic-resistance-in-iraq'
>>> group = article.resolve("Kataib Sayf al-Haq")
>>> (group.verified, group.parents)
(False, ('islamic-resistance-in-iraq',))
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from eventwire.model import Actor
from eventwire.resolve.actor_phrases import (
    BACKER_WORDS,
    MentionReader,
    PhraseContext,
    city_country,
)
from eventwire.resolve.actor_registry import ActorRegistry, default_registry, normalise
from eventwire.resolve.sentences import sentence_around

__all__ = ["ActorRegistry", "ActorResolver", "ArticleActors", "NamedActor", "default_registry"]

_TOKEN = re.compile(r"[\w][\w'’.\-&/]*")
_NAME = (
    r"(?:[A-Z][\w'’\-]*)(?:[ \-](?:(?:al|el|of|in|the|for|and|wal|ul|de|du|la|bin|abu|ibn)[ \-])*"
    r"[A-Z][\w'’\-]*)*"
)
_UMBRELLA = re.compile(
    rf"(?P<x>{_NAME}),\s+(?:an?|the)\s+(?:\w+\s+)?(?:umbrella(?:\s+group|\s+organi[sz]ation)?|"
    r"coalition|alliance|grouping|network|bloc)\s+of\s+(?P<members>[^,.;]+)"
)
_MEMBER = re.compile(
    rf"(?P<x>{_NAME}),\s+(?P<rel>one of(?: the)?|among(?: the)?|(?:a )?part of|a member of|"
    r"a faction (?:of|within)|a unit of|a branch of|an offshoot of|a splinter (?:group|faction) of|"
    r"the (?:armed|military) wing of|an? (?:armed |military )?wing of|an affiliate of|"
    r"a group within|a constituent of|a member group of)\s+(?P<rest>[^.;]+)"
)
_BACKED_GROUP = re.compile(
    rf"(?P<x>{_NAME}),\s+(?:an?|the)\s+(?:[\w-]+\s+)?(?P<backer>[A-Z][\w]*)-(?:backed|aligned|allied)"
    r"\s+(?:armed\s+)?(?:militia|group|faction|movement)"
)
_CALLED = re.compile(
    r"(?:group|faction|movement|militia|organi[sz]ation|outfit)\s+(?:calling itself|called|named|"
    rf"known as)\s+(?:the\s+)?(?P<x>{_NAME})"
    r"|(?:unknown|new|little-known|obscure)\s+(?:armed\s+|militant\s+)?"
    rf"(?:group|faction|movement|militia),\s+(?:the\s+)?(?P<y>{_NAME})"
)
_PARENT_BACKREF = re.compile(
    r"\b(?:the|that)\s+(?:larger|wider|broader|umbrella|parent)\s+(?:group|coalition|alliance|"
    r"organi[sz]ation)|\bthe coalition\b|\bthe alliance\b",
    re.I,
)
_PREPOSITIONS = {"in", "near", "at", "outside", "across", "around", "into", "inside", "from", "of"}
_COMPASS = {
    "northern", "southern", "eastern", "western", "central", "north", "south", "east", "west",
    "occupied", "northeastern", "northwestern", "southeastern", "southwestern",
}
_NON_GROUP_KINDS = {"state forces", "civilians", "protesters", "rioters"}


@dataclass(slots=True)
class NamedActor:
    """An actor name found in the report's text."""

    start: int
    end: int
    text: str
    actor: Actor
    possessive: bool = False


@dataclass
class ArticleActors:
    """Resolves mentions inside one report, using what the report itself says."""

    text: str
    focus: str | None
    registry: ActorRegistry
    reader: MentionReader
    named: list[NamedActor] = field(default_factory=list)
    overrides: dict[str, Actor] = field(default_factory=dict)
    umbrellas: dict[str, str] = field(default_factory=dict)
    published: date | None = None
    introduced: list[tuple[int, int, Actor]] = field(default_factory=list)

    def resolve(self, mention: str, sentence: str = "") -> Actor | None:
        """A mention's text -> registry actor, generic actor, unverified group, or None.

        ``sentence`` is the sentence the mention stands in; it places the mention for words
        that refer back ("the group") and gives context ("youths stormed" are rioters).
        """
        position = self._position(mention, sentence)
        ctx = PhraseContext(
            focus=self.focus,
            sentence=sentence or self._sentence_at(position),
            overrides=self.overrides,
            umbrellas=self.umbrellas,
            anaphor=lambda: self._antecedent(position),
        )
        actor = self.reader.read(mention, ctx)
        if actor is not None and (actor.id or "").startswith("generic:armed-group"):
            for start, end, named in self.introduced:
                if start - 60 <= position <= end:
                    return dataclasses.replace(named)
            for named in self.named:
                # "IS militants" parsed as "IS" + "militants": the name just before qualifies
                if position - 2 <= named.end <= position and not named.possessive and \
                        named.actor.kind not in _NON_GROUP_KINDS:
                    return dataclasses.replace(named.actor)
        return actor

    def named_across(self, start: int, end: int) -> Actor | None:
        """A registry name that a phrase at ``start:end`` cuts short ("15 members of the
        Volunteers" of "... the Volunteers for the Defence of the Homeland")."""
        for named in self.named:
            if named.start < end < named.end and named.start >= start:
                return dataclasses.replace(named.actor)
        return None

    def located(self, actor: Actor | None, country: str | None) -> Actor | None:
        """A generic actor placed by the report's focus, moved to the event's own country
        (a blast in Gaza told in a report about Iraq kills "Civilians (Palestine)")."""
        if actor is None or not country or actor.country == country or \
                actor.country != self.focus:
            return actor
        return self.reader.relocated(actor, country)

    def associated(self, actor: Actor) -> list[Actor]:
        """Associated actors as ACLED keeps them: the coalitions or organisations above it, or
        for a generic actor its community ("Civilians (Nigeria)" -> "Farmers (Nigeria)").

        A parent the registry dates later than the report (``since`` after its year) is left
        out: Kataib Hezbollah was not part of the Islamic Resistance in Iraq in 2020."""
        out: list[Actor] = []
        for parent_id in actor.parents:
            if parent_id.startswith("community:"):
                # the victims' or protesters' community: "Farmers (Nigeria)", "Shia Muslim Group"
                out.append(self.reader.community(parent_id, actor.kind))
                continue
            if not self._parent_valid(actor, parent_id):
                continue
            parent = self.registry.get(parent_id) or self._override_by_id(parent_id)
            if parent is not None:
                out.append(parent)
        return out

    def unverified(self) -> list[tuple[Actor, str]]:
        """Names in the report that look like armed groups but are not in the registry,
        each with the sentence it was found in."""
        seen: dict[str, tuple[Actor, str]] = {}
        for named in self.named:
            if not named.actor.verified and named.actor.id not in seen:
                seen[named.actor.id or named.text] = (named.actor, self._sentence_at(named.start))
        return list(seen.values())

    # ---- helpers ----------------------------------------------------------------------------
    def _position(self, mention: str, sentence: str) -> int:
        if sentence:
            base = self.text.find(sentence)
            if base >= 0:
                offset = sentence.find(mention)
                return base + (offset if offset >= 0 else 0)
        found = self.text.find(mention)
        return found if found >= 0 else len(self.text)

    def _sentence_at(self, position: int) -> str:
        return sentence_around(self.text, position)

    def _antecedent(self, position: int) -> Actor | None:
        for named in reversed(self.named):
            if named.end <= position and not named.possessive:
                if named.actor.kind not in _NON_GROUP_KINDS:
                    return dataclasses.replace(named.actor)
        return None

    def _parent_valid(self, actor: Actor, parent_id: str) -> bool:
        entry = self.registry.entry(actor.id or "")
        if self.published is None or entry is None:
            return True
        for link in entry.parents:
            since = link.get("since")
            if link.get("id") == parent_id and isinstance(since, int):
                return since <= self.published.year
        return True

    def _override_by_id(self, actor_id: str) -> Actor | None:
        for actor in self.overrides.values():
            if actor.id == actor_id:
                return dataclasses.replace(actor)
        return None


class ActorResolver:
    """Builds ``ArticleActors`` for reports; holds the registry and the mention reader.

    >>> ActorResolver().for_article("Hezbollah fired rockets.").resolve("Hizbullah").id
    'hezbollah'
    """

    def __init__(self, registry: ActorRegistry | None = None) -> None:
        self.registry = registry if registry is not None else default_registry()
        self.reader = MentionReader(self.registry)

    def for_article(
        self, text: str, country_focus: str | None = None, published: date | None = None
    ) -> ArticleActors:
        """Reads affiliations stated in the text ("X, one of the Iran-backed militias that make
        up the larger group", "an umbrella group of ..."), so later resolutions in this article
        use them. ``country_focus`` (ISO alpha-2) is one vote with the text's own evidence;
        ``published`` (optional) keeps out affiliations the registry dates later."""
        named = self._scan_registry(text, {})
        focus = self._focus(text, named, country_focus)
        article = ArticleActors(text, focus, self.registry, self.reader, named, published=published)
        self._read_affiliations(article)
        article.named = self._scan_registry(text, article.overrides)
        article.named = self._with_unknown_names(article)
        return article

    # ---- scanning ---------------------------------------------------------------------------
    def _scan_registry(self, text: str, overrides: dict[str, Actor]) -> list[NamedActor]:
        """Registry (and report-defined) names in the text, longest first, by n-gram lookup."""
        # one entry per normalised word, remembering the token it came from ("Houthi-held")
        tokens: list[tuple[int, int, str]] = []
        norms: list[str] = []
        for m in _TOKEN.finditer(text):
            for word in normalise(m.group()).split():
                tokens.append((m.start(), m.end(), m.group()))
                norms.append(word)
        found: list[NamedActor] = []
        i = 0
        width = self.registry.max_alias_words
        while i < len(tokens):
            hit = None
            if any(c.isupper() for c in tokens[i][2]):
                for size in range(min(width, len(tokens) - i), 0, -1):
                    key = " ".join(norms[i : i + size])
                    actor = overrides.get(key)
                    if actor is None:
                        actor_id = self.registry.alias_index.get(key)
                        if size == 1 and actor_id is None:
                            bare = re.sub(r"['’]s$", "", tokens[i][2]).replace(".", "")
                            actor_id = self.registry.acronym_index.get(bare)
                        entry = self.registry.entry(actor_id) if actor_id else None
                        if entry is None or key in self.registry.country_index:
                            continue
                        if i + size < len(norms) and norms[i + size] in BACKER_WORDS:
                            continue  # "the al-Qaeda-linked group" names another group
                        actor = dataclasses.replace(entry.actor)
                    last_end = tokens[i + size - 1][1]
                    last = tokens[i + size - 1][2]
                    possessive = last.endswith(("'s", "’s")) or text[last_end : last_end + 2] in (
                        "'s",
                        "’s",
                    )
                    start = tokens[i][0]
                    hit = NamedActor(start, last_end, text[start:last_end], actor, possessive)
                    i += size
                    break
            if hit is None:
                i += 1
            else:
                found.append(hit)
        return found

    def _with_unknown_names(self, article: ArticleActors) -> list[NamedActor]:
        named = list(article.named)
        taken = [(n.start, n.end) for n in named]
        for m in re.finditer(_NAME, article.text):
            if " " not in m.group() and "-" not in m.group():
                continue
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            actor = article.resolve(m.group(), article._sentence_at(m.start()))
            if actor is not None and not actor.verified:
                named.append(NamedActor(m.start(), m.end(), m.group(), actor))
        named.sort(key=lambda n: n.start)
        return named

    def _focus(
        self, text: str, named: list[NamedActor], given: str | None = None
    ) -> str | None:
        """The country the report is mostly about, weighing places above nationality words.

        A ``given`` focus (from the places stage) counts like one named armed group: it decides
        when the text says nothing, but a country named after a preposition outweighs it."""
        votes: Counter[str] = Counter()
        if given:
            votes[given.upper()] += 1.5
        tokens = [(m.start(), m.group()) for m in _TOKEN.finditer(text)]
        norms = [normalise(t[1]) for t in tokens]
        i = 0
        while i < len(tokens):
            if not tokens[i][1][:1].isupper():
                i += 1
                continue
            after_prep = i > 0 and (
                norms[i - 1] in _PREPOSITIONS
                or (i > 1 and norms[i - 1] in _COMPASS and norms[i - 2] in _PREPOSITIONS)
            )
            for size in (3, 2, 1):
                key = " ".join(norms[i : i + size])
                cc = self.registry.country_index.get(key)
                weight = 3.0 if after_prep else 2.0
                if cc is None:
                    cc = self.registry.demonym_index.get(key)
                    weight = 1.0
                if cc is None and size <= 2:
                    cc = city_country(key)
                    weight = 2.0 if after_prep else 0.5
                if cc:
                    votes[cc] += weight
                    i += size
                    break
            else:
                i += 1
        for n in named:
            # a named armed group says where the conflict is; states and foreign missions do not
            if n.actor.country and n.actor.kind not in ("state forces", "external/other"):
                votes[n.actor.country] += 1.5
        return votes.most_common(1)[0][0] if votes else None

    # ---- affiliations stated in the text ----------------------------------------------------
    def _read_affiliations(self, article: ArticleActors) -> None:
        text = article.text
        umbrellas_at: list[tuple[int, Actor]] = []
        for m in _UMBRELLA.finditer(text):
            actor = self._group(article, m["x"], "political militia", ())
            backer = self._backer(m["members"])
            if actor is None:
                continue
            umbrellas_at.append((m.start(), actor))
            if backer and actor.id:
                article.umbrellas.setdefault(backer, actor.id)
        for m in _BACKED_GROUP.finditer(text):
            self._group(article, m["x"], "political militia", ())
        for m in _CALLED.finditer(text):
            name = m["x"] or m["y"]
            actor = self._group(article, name, None, ())
            if actor is not None:
                # "A little-known group calling itself X": the descriptive phrase names X too
                article.introduced.append((m.start(), m.end(), actor))
        for m in _MEMBER.finditer(text):
            rest = m["rest"]
            parent = None
            if _PARENT_BACKREF.search(rest):
                earlier = [a for pos, a in umbrellas_at if pos < m.start()]
                parent = earlier[-1] if earlier else self._last_group_before(article, m.start())
            if parent is None:
                parent = self._first_named_in(article, rest)
            if parent is None:
                backer = self._backer(rest)
                umbrella_id = article.umbrellas.get(backer or "")
                parent = self.registry.get(umbrella_id) if umbrella_id else None
            if parent is not None and parent.id:
                self._group(article, m["x"], parent.kind, (parent.id,), parent.country)

    def _group(
        self,
        article: ArticleActors,
        name: str,
        kind: str | None,
        parents: tuple[str, ...],
        country: str | None = None,
    ) -> Actor | None:
        """The actor a stated name refers to; an unknown name becomes an unverified group."""
        name = re.sub(r"^(?:The|A|An)\s+", "", name.strip())
        key = normalise(name)
        actor = article.overrides.get(key)
        if actor is None:
            actor = self.registry.lookup(name)
        if actor is None:
            guess = article.resolve(name)
            if guess is not None and guess.verified and guess.id and ":" not in guess.id:
                actor = guess
        if actor is None:
            guess = self.reader.read(name, PhraseContext(focus=article.focus))
            guess_kind = guess.kind if guess is not None and not guess.verified else None
            if kind is None and guess_kind is None:
                return None
            actor = Actor(
                name,
                kind or guess_kind or "political militia",
                f"unverified:{key.replace(' ', '-')}",
                country or article.focus,
                verified=False,
            )
        new_parents = tuple(p for p in parents if p not in actor.parents and p != actor.id)
        if new_parents or key not in article.overrides:
            actor = dataclasses.replace(actor, parents=actor.parents + new_parents)
            article.overrides[key] = actor
        return actor

    def _backer(self, phrase: str) -> str | None:
        words = normalise(phrase).split()
        for i, word in enumerate(words):
            if word in {"backed", "aligned", "allied", "supported", "funded", "sponsored"} and i:
                cc = self.registry.country_of(words[i - 1])
                if cc:
                    return cc
            if word == "pro" and i + 1 < len(words):
                cc = self.registry.country_of(words[i + 1])
                if cc:
                    return cc
        return None

    def _first_named_in(self, article: ArticleActors, phrase: str) -> Actor | None:
        for named in self._scan_registry(phrase, article.overrides):
            if named.actor.kind not in _NON_GROUP_KINDS:
                return named.actor
        return None

    def _last_group_before(self, article: ArticleActors, position: int) -> Actor | None:
        for named in reversed(article.named):
            if named.end <= position and named.actor.kind not in _NON_GROUP_KINDS:
                return named.actor
        return None
