"""Place names in a report: found, told apart from non-places, resolved, and given to events.

>>> from eventwire.nlp import parse
>>> from eventwire.model import Article
>>> art = Article(id="a1", text="Rockets hit Harir air base in Erbil province on Monday.")
>>> mentions = PlaceResolver().find(parse(art.text), art)  # doctest: +SKIP
>>> mentions[0].place.gazetteer_id  # doctest: +SKIP
'eventwire:harir-airbase'
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from eventwire.data import read_table
from eventwire.model import Article, Place, PlaceMention, Span
from eventwire.nlp import DATELINE, PLACE_LABELS, without_datelines
from eventwire.resolve.gazetteer import FACILITY_FEATURES, Candidate, Gazetteer
from eventwire.resolve.gazetteer_names import name_key
from eventwire.resolve.gazetteer_rank import Context, Hints, best, report_context

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as Span_

# Features a tagged name may be lengthened to ("Baja" + "California").
_LONG_NAME_FEATURES = frozenset({"country", "admin1", "region", "sea", "continent"})
NON_EVENT_ROLES = ("demonym", "organisation", "metonym", "dateline", "byline")
# Labels of names; other labels (DATE, PRODUCT, LANGUAGE...) on a place name are mistakes.
_NAME_LABELS = frozenset({"GPE", "LOC", "FAC", "NORP", "ORG", "PERSON"})
# Finer places first: an event is coded at the finest place its clause names.
FEATURE_TIER = {
    "airbase": 0,
    "military base": 0,
    "border crossing": 0,
    "camp": 0,
    "facility": 0,
    "landmark": 0,
    "airport": 0,
    "village": 1,
    "town": 1,
    "city": 1,
    "admin2": 2,
    "admin1": 3,
    "region": 3,
    "country": 4,
    "continent": 5,
}


class PlaceInputError(ValueError):
    """The input to place finding is inconsistent (a doc of another text)."""


@dataclass(frozen=True, slots=True)
class _Cues:
    facility: re.Pattern[str]
    kind_before: dict[str, re.Pattern[str]]
    admin_after: re.Pattern[str]
    organisation: frozenset[str]
    metonymy_verbs: frozenset[str]
    object_metonymy_verbs: frozenset[str]
    byline: re.Pattern[str]
    directions: dict[str, str]
    near: re.Pattern[str]
    not_places: frozenset[str]
    not_where_before: re.Pattern[str]
    affiliation_after: re.Pattern[str]


def _alternation(words: list[str]) -> str:
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    data = read_table("gazetteer/cues.yaml", what="place cue table")
    return _Cues(
        facility=re.compile(rf"^\s*({_alternation(data['facility_words'])})\b", re.I),
        kind_before={
            k: re.compile(rf"\b(?:{_alternation(v)})\s+of\s+$", re.I)
            for k, v in data["kind_before"].items()
        },
        admin_after=re.compile(rf"^\s*({_alternation(data['admin_after'])})\b", re.I),
        organisation=frozenset(data["organisation_words"]),
        metonymy_verbs=frozenset(data["metonymy_verbs"]),
        object_metonymy_verbs=frozenset(data.get("object_metonymy_verbs", [])),
        byline=re.compile("|".join(data["byline_patterns"]), re.I),
        directions={w: d for d, ws in data["directions"].items() for w in ws},
        not_places=frozenset(name_key(n) for n in data.get("not_place_names", [])),
        near=re.compile(
            rf"\b(?:{_alternation(data['near_words'])})\s+(?:the\s+)?"
            rf"(?:(?:village|town|city)\s+of\s+)?$",
            re.I,
        ),
        not_where_before=re.compile(
            rf"\b(?:{_alternation(data['not_where_before'])})\s+(?:the\s+)?\Z", re.I),
        affiliation_after=re.compile(rf"[-‑](?:{_alternation(data['affiliation_after'])})\b"),
    )


# A name written before a facility word, article forms allowed in lower case:
# "al-Harir airbase", "Ain al-Asad air base", "the Kirkuk base".
_FACILITY_NAME = re.compile(
    r"(?<![\w-])((?:(?:[Aa]in|[Aa]yn)\s+)?(?:(?:al|el|Al|El|Ad|As|Ar|At)[- ])?"
    r"[A-Z][\w’'-]+(?:\s+(?:al-)?[A-Z][\w’'-]+){0,2})(?=\s+(?:military\s+|air\s+|army\s+|naval\s+)?"
    r"(?:air\s*base|air\s*field|base|garrison|outpost|camp|crossing|airport)\b)"
)
_DATELINE_AFTER = re.compile(r"^[\s,A-Za-z.]{0,30}?(?:\(\w[\w ]*\)\s*)?[—–-]{1,2}\s")
_CAPITALISED = re.compile(
    r"\b(?:[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+){0,2}|[A-Z]\.?[A-Z]\.?(?:[A-Z]\.?)?)(?![\w.])")
_VAGUE = re.compile(
    r"\b(?:a|an|one|the|another)\s+(?:[\w.]+\s+){0,2}?(?:air\s*base|base|camp|facility|"
    r"airfield|outpost|garrison)\s+in\s+(?:the\s+)?(?:(\w+)\s+)?$",
    re.I,
)
_THE_DIRECTION_BASE = re.compile(
    r"\bthe\s+(north|south|east|west|northern|southern|eastern|western)\s+"
    r"(?:air\s*base|base|camp|facility)\b",
    re.I,
)


_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|at|near|from|outside|into|across|around|towards?)\s+$", re.I)
_CLAUSE_BREAK = re.compile(
    r",\s+(?:as|while|whereas|after|before|but|following|when|which|who|although|though|"
    r"since|and\s+(?:then\s+)?(?:that|the|a|an|one))\b|;|\s[—–]\s|\bwhile\b",
    re.I,
)


# Capitalised words that are almost never place names in English prose.
_NOT_NAMES = frozenset({
    "No", "The", "A", "An", "In", "On", "At", "It", "He", "She", "We", "I", "Mr", "Ms", "Dr",
    "St", "May", "March", "June", "July", "August", "North", "South", "East", "West", "Western",
    "Eastern", "Northern", "Southern", "Central", "Centre", "Center", "City", "Metro", "State",
    "National", "Federal", "Capital", "Union", "Republic", "Marine", "Marines", "Portal"})


_FUNCTION_WORDS = frozenset({
    "The", "A", "An", "In", "On", "At", "It", "He", "She", "We", "I", "No", "Mr", "Ms", "Dr"})


@dataclass(slots=True)
class _Found:
    start: int
    end: int
    label: str
    facility: bool = False
    want: str | None = None
    role: str = "place"
    within: tuple[str, ...] = ()


class PlaceResolver:
    """Finds and resolves the place names of a report.

    >>> resolver = PlaceResolver("/tmp/gazetteer.sqlite")  # nothing is loaded yet
    """

    def __init__(self, gazetteer_path: str | Path | None = None):
        self.gazetteer_path = gazetteer_path
        self._gazetteer: Gazetteer | None = None

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = Gazetteer(self.gazetteer_path)
        return self._gazetteer

    def find(self, doc: Doc, article: Article) -> list[PlaceMention]:
        """Every toponym in the article, resolved in the report's context, each with `role`
        ("place", or "demonym"/"organisation"/"metonym"/"dateline"/"byline", which are never
        event places).
        """
        text = article.text
        if doc.text != text and doc.text != without_datelines(text):
            raise PlaceInputError(
                f"article {article.id!r}: the spaCy doc is not the parse of article.text "
                f"({len(doc.text)} vs {len(text)} characters); parse article.text itself"
            )
        found = self._recognise(doc, text)
        return self._resolve(found, text, article.title)

    # -- recognition ---------------------------------------------------------------

    def _recognise(self, doc: Doc, text: str) -> list[_Found]:
        cues = _cues()
        gaz = self.gazetteer
        spans: list[_Found] = []
        tagged = bytearray(len(text) + 1)  # characters inside the tagger's entities
        for m in _FACILITY_NAME.finditer(text):
            spans.append(_Found(m.start(1), m.end(1), "FAC", facility=True))
        for ent in doc.ents:
            if ent.label_ in PLACE_LABELS or ent.label_ in ("NORP", "ORG", "PERSON"):
                start, end = ent.start_char, ent.end_char
                if ent[0].lower_ == "the":
                    start = ent[0].idx + 4 if len(ent) > 1 else start
                if text[end - 2 : end] in ("'s", "’s"):
                    end -= 2
                elif ent.label_ in PLACE_LABELS:
                    end = self._longer_name(ent, doc, text) or end
                spans.append(_Found(start, end, ent.label_))
            if ent.label_ in _NAME_LABELS:  # a place tagged DATE or PRODUCT is still free
                tagged[ent.start_char : ent.end_char] = b"\x01" * (ent.end_char - ent.start_char)
        for m in DATELINE.finditer(text):
            spans.append(_Found(m.start(1), m.end(1), "DATELINE"))
            if m.group(2):  # "KADUNA, Nigeria —": the country still tells where the report is
                spans.append(_Found(m.start(2), m.end(2), "GPE"))
        # Countries, regions and demonyms the model left untagged.
        for m in _CAPITALISED.finditer(text):
            start, name = _without_leading_words(m.start(), m.group())
            if not name or name in _NOT_NAMES or tagged[start]:
                continue
            cands = gaz.lookup_key(name_key(name))
            located = _LOCATIVE_BEFORE.search(text, max(0, start - 12), start)
            if cands and any(
                c.feature in ("country", "continent", "admin1", "region", "sea")
                or c.kind == "demonym"
                # "flew to Cairns": a town the tagger missed, named after a preposition
                or (located and c.kind == "main" and c.population >= 10_000)
                for c in cands[:3]
            ):
                if m.start() > 0 and text[m.start() - 1] in "-":
                    continue  # "Iran-backed" is handled by the tagger when it matters
                spans.append(_Found(start, m.end(), "AUTO"))
        spans = _dedupe(spans)
        out: list[_Found] = []
        for f in spans:
            f = self._classify(f, doc, text, cues)
            if f is not None:
                out.append(f)
        return out

    def _longer_name(self, ent: Span_, doc: Doc, text: str) -> int | None:
        """End of a longer area name the tagger cut short: "Baja" + "California",
        "Trinidad" + "and Tobago", "Washington" + ", D.C." (a country, first-level area or
        city of the gazetteer; after a comma, only a name the gazetteer knows whole)."""
        nxt = ent.end
        for size in (3, 2, 1):
            words = doc[nxt : nxt + size]
            comma = len(words) > 1 and words[0].text == ","
            if len(words) < size or not words[-1].text[:1].isupper() or any(
                not (w.text[:1].isupper() or w.lower_ in ("and", "of", "&")
                     or (i == 0 and comma)) for i, w in enumerate(words)
            ):
                continue
            name = text[ent.start_char : words[-1].idx + len(words[-1])]
            kinds = ("main", "alt") if comma else ("main",)
            if any(c.kind in kinds and (c.feature in _LONG_NAME_FEATURES
                                        or c.population >= 100_000)
                   for c in self.gazetteer.lookup_key(name_key(name))[:5]):
                return words[-1].idx + len(words[-1])
        return None

    def _classify(self, f: _Found, doc: Doc, text: str, cues: _Cues) -> _Found | None:
        gaz = self.gazetteer
        name = text[f.start : f.end]
        key = name_key(name)
        if key in cues.not_places:
            return None
        cands = gaz.lookup_key(key)
        after = text[f.end : f.end + 40]
        before = text[max(0, f.start - 40) : f.start]
        fac = cues.facility.match(after)
        if fac and not f.facility:
            f.facility = True
        # After "in"/"near"/"from" a tagged person or organisation is more likely a town.
        located = bool(_LOCATIVE_BEFORE.search(before))
        strong = _strong_place(
            cands, 10_000 if located else (100_000 if f.label == "ORG" else 1_000_000)
        )
        if f.label in ("ORG", "PERSON") and not (cands and (f.facility or strong)):
            if f.label == "ORG":
                # "Gaza health ministry", "HSBC Bank Malta": a place inside an organisation's
                # name is a toponym, but never the place of an event.
                return self._inner_place(f, name, cues)
            else:
                return None
        if f.label == "ORG" and name.split()[-1].lower() in cues.organisation:
            return self._inner_place(f, name, cues)
        if not cands:
            return None
        if f.label == "NORP" and not any(c.kind == "demonym" for c in cands[:5]):
            # "Aleppo" tagged as a people is the city; "Christian" or "Nazi" is no place,
            # nor are "Western governments"
            if not _strong_place(cands, 100_000) or name in _NOT_NAMES:
                return None
        elif f.label == "NORP" or (cands[0].kind == "demonym" and not f.facility):
            f.role = "demonym"
            return f
        next_words = [w.lower().strip(".,;:") for w in after.split()[:2]]
        if next_words and (
            next_words[0] in cues.organisation
            or " ".join(next_words) in cues.organisation
            or (
                len(next_words) > 1
                and next_words[1] in cues.organisation
                and next_words[0] not in ("and", "or", "in", "on", "to")
            )
        ):
            f.role = "organisation"
        for kind, pat in cues.kind_before.items():
            if pat.search(before):
                f.want = kind
        if cues.admin_after.match(after):
            f.want = "admin"
        within = re.match(r"^,\s+([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)", after)
        if within:
            f.within = (within.group(1),)
        if f.role == "place":
            f.role = self._non_event_role(f, doc, text, cues, cands)
        return f

    def _inner_place(self, f: _Found, name: str, cues: _Cues) -> _Found | None:
        words = name.split()
        for size in range(min(3, len(words)), 0, -1):
            for i in range(len(words) - size + 1):
                part = " ".join(words[i : i + size])
                if not part[:1].isupper() or part in _NOT_NAMES:
                    continue
                cands = self.gazetteer.lookup_key(name_key(part))
                # A two- or three-word town name is rarely anything else ("Beverly Hills
                # Police Department"); one word must be a strong place ("Hills" is not).
                if cands and _strong_place(cands, 10_000 if size > 1 else 100_000):
                    offset = len(" ".join(words[:i])) + (1 if i else 0)
                    f.start += offset
                    f.end = f.start + len(part)
                    f.role = "organisation"
                    return f
        return None

    def _non_event_role(
        self, f: _Found, doc: Doc, text: str, cues: _Cues, cands: list[Candidate]
    ) -> str:
        line_start = text.rfind("\n", 0, f.start) + 1
        if not text[line_start : f.start].strip() and (_DATELINE_AFTER.match(
            text[f.end : f.end + 60]
        ) or ((line := DATELINE.match(text, line_start)) and line.start(1) == f.start)):
            return "dateline"  # "GOMA, Democratic Republic of Congo —"
        if cues.affiliation_after.match(text, f.end):
            return "demonym"  # "Iran-aligned groups", "the US-led coalition": whose, not where
        sent = doc.char_span(f.start, f.end, alignment_mode="expand")
        if sent is not None:
            whole = sent.sent
            if cues.byline.search(text, whole.start_char, whole.end_char):
                return "byline"
            root = sent.root
            if (
                cands[0].feature == "country"
                and root.dep_ in ("compound", "amod", "nmod")
                and root.head.pos_ == "NOUN"
                and root.head.i > root.i
            ):
                return "demonym"  # "US bases in Iraq": whose bases, not where
            if (
                root.dep_ in ("nsubj", "nsubjpass")
                and root.head.lemma_ in cues.metonymy_verbs
                and _seat_of_power(cands)
                and not f.facility
            ):
                return "metonym"
            governor = root.head.head if root.dep_ == "nsubj" and root.head.dep_ in (
                "ccomp", "oprd", "xcomp") else root.head  # "holding X responsible"
            if (
                root.dep_ in ("dobj", "nsubj")
                and governor.lemma_ in cues.object_metonymy_verbs
                and _seat_of_power(cands)
                and not f.facility
            ):
                return "metonym"  # "holding Washington responsible": its government
        return "place"

    # -- resolution ----------------------------------------------------------------

    def _resolve(self, found: list[_Found], text: str, title: str = "") -> list[PlaceMention]:
        gaz = self.gazetteer
        keys = {id(f): name_key(text[f.start : f.end]) for f in found}
        hints_of = {
            id(f): Hints(
                facility=f.facility,
                want=f.want,
                within=self._within_keys(f.within),
                demonym=f.role == "demonym",
            )
            for f in found
        }
        # One sense per name and hints in a report: resolve each distinct pair once.
        def sense(f: _Found) -> tuple:
            h = hints_of[id(f)]
            return (keys[id(f)], h.facility, h.want, tuple(h.within), h.demonym)

        distinct = {sense(f): f for f in found}
        # Pass 1: each name alone; its clear picks make the report's context for pass 2.
        first = {k: best(gaz.lookup_key(k[0]), hints_of[id(f)], Context())[0]
                 for k, f in distinct.items()}
        picks = [(keys[id(f)], p) for f in found if (p := first[sense(f)]) is not None
                 and f.role in ("place", "demonym", "dateline")]
        anchors = {(keys[id(f)], p.pid): p for f in found if (p := first[sense(f)]) is not None
                   and f.role == "place" and p.feature not in ("country", "continent")}
        # Each name is judged by the other names of the report, not by its own first guess
        # (a thrice-named "Kent" read as Washington's would vote for Washington thrice).
        contexts = {
            key: report_context(
                [p for k, p in picks if k != key],
                list({pid: a for (k, pid), a in anchors.items() if k != key}.values()),
            )
            for key in {k[0] for k in distinct}
        }
        second = {k: best(gaz.lookup_key(k[0]), hints_of[id(f)], contexts[k[0]])
                  for k, f in distinct.items()}
        out: list[PlaceMention] = []
        for f in found:
            pick, margin = second[sense(f)]
            span = Span(f.start, f.end, text[f.start : f.end])
            place = pick.to_place() if pick else None
            out.append(
                PlaceMention(
                    span=span, place=place, role=f.role, score=round(min(1.0, 0.5 + margin / 10), 3)
                )
            )
        return out

    def _within_keys(self, names: tuple[str, ...]) -> list[str]:
        keys: list[str] = []
        for n in names:
            keys.append(n)
            for c in self.gazetteer.lookup(n)[:3]:
                if c.feature == "country" and c.country:
                    keys.append(c.country)
                elif c.feature == "admin1" and c.admin1:
                    keys.append(c.admin1)  # "London, Ont." -> Ontario
        return keys


def _without_leading_words(start: int, name: str) -> tuple[int, str]:
    """"The French" -> "French": a capitalised function word ("The", "In", "No") is not
    part of the name after it ("South" in "South Africa" is)."""
    words = name.split(" ")
    while words and words[0] in _FUNCTION_WORDS:
        start += len(words[0]) + 1
        words = words[1:]
    return start, " ".join(words)


def _seat_of_power(cands: list[Candidate]) -> bool:
    """A name that can stand for a government: a country, capital or state, or a landmark
    of our table ("the White House said")."""
    return cands[0].feature in ("country", "city", "admin1") or any(
        c.feature == "landmark" for c in cands)


def _strong_place(cands: list[Candidate], population: int = 1_000_000) -> bool:
    """A name that means a place even where the tagger saw a person or an organisation.

    "Tamil Nadu" tagged PERSON is a state; "Nelson" or "Notre Dame" are not worth the risk.
    """
    return any(
        (c.kind in ("main", "alt", "demonym")
         and c.feature in ("country", "admin1", "region", "continent", "sea"))
        or (c.kind == "main" and c.population >= population)
        for c in cands[:5]
    )


def _dedupe(spans: list[_Found]) -> list[_Found]:
    """Overlapping candidates: keep facility names, then the longest."""
    spans.sort(key=lambda f: (not f.facility, -(f.end - f.start), f.start))
    taken: list[_Found] = []
    used: set[int] = set()
    for f in spans:
        chars = range(f.start, f.end)
        if not any(c in used for c in chars):
            taken.append(f)
            used.update(chars)
    return sorted(taken, key=lambda f: f.start)


# -- event place ---------------------------------------------------------------------


def _tier(m: PlaceMention) -> int:
    return FEATURE_TIER.get(m.place.feature or "", 3) if m.place else 9


def _direction_fits(place: Place, centre: Place, direction: str | None) -> bool:
    if direction is None or place.lat is None or centre.lat is None:
        return True
    dlat, dlon = place.lat - centre.lat, (place.lon or 0) - (centre.lon or 0)
    if abs(dlat) >= abs(dlon):
        return direction == ("north" if dlat > 0 else "south")
    return direction == ("east" if dlon > 0 else "west")


def _with_precision(m: PlaceMention, precision: int) -> PlaceMention:
    p = m.place
    assert p is not None
    place = Place(
        p.name, p.lat, p.lon, p.country, p.admin1, p.admin2, p.gazetteer_id, p.feature, precision
    )
    return PlaceMention(span=m.span, place=place, role=m.role, score=m.score)


def _specific_facility(
    usable: list[PlaceMention], country: str | None, centre: Place | None, direction: str | None
) -> PlaceMention | None:
    facilities = [
        m
        for m in usable
        if m.place
        and m.place.feature in FACILITY_FEATURES
        and (country is None or m.place.country == country)
    ]
    fitting = [
        m for m in facilities if centre is None or _direction_fits(m.place, centre, direction)
    ]
    names = {m.place.gazetteer_id for m in fitting}
    if len(names) == 1:
        return fitting[0]
    return None


def event_place(
    sentence: Span, trigger: Span, mentions: list[PlaceMention], text: str,
    aside: Sequence[Span] = (),
) -> PlaceMention | None:
    """The place of one event mention: the place of its own clause/sentence (nearest to the
    trigger, preferring facility > village/town > admin area > country), a vague place ("a base
    in western Iraq") replaced by the specific one the report names elsewhere, else the
    report's main place with geo_precision widened (2 or 3). Places inside the `aside`
    spans (who acts, who speaks) are not the sentence's own but still count for the
    report's main place. Returns a PlaceMention whose `place.geo_precision` is set; None
    only if the report has no usable place at all.

    >>> event_place(Span(0, 9, "Hi there."), Span(0, 2, "Hi"), [], "Hi there.") is None
    True
    """
    cues = _cues()
    usable = [
        m for m in mentions if m.role == "place" and m.place is not None and m.place.lat is not None
    ]
    if not usable:
        return None
    lo, hi = _clause(sentence, trigger, text)
    free = [m for m in usable if not any(
        m.span.start < s.end and s.start < m.span.end for s in aside)]
    free = [m for m in free
            if not cues.not_where_before.search(text, max(0, m.span.start - 40), m.span.start)]
    own = [m for m in free if lo <= m.span.start < hi] or [
        m for m in free if sentence.start <= m.span.start < sentence.end
    ]
    if own:
        chosen = min(own, key=lambda m: (_tier(m), abs(m.span.start - trigger.start)))
        before = text[max(sentence.start, chosen.span.start - 60) : chosen.span.start]
        vague = _VAGUE.search(before)
        if vague and _tier(chosen) >= 2:
            direction = cues.directions.get((vague.group(1) or "").lower())
            specific = _specific_facility(usable, chosen.place.country, chosen.place, direction)
            if specific is not None:
                return _with_precision(specific, 1)
            return _with_precision(chosen, 2 if _tier(chosen) == 2 else 3)
        if cues.near.search(before):
            return _with_precision(chosen, 2)
        return _with_precision(
            chosen, 1 if _tier(chosen) <= 1 else (2 if _tier(chosen) == 2 else 3)
        )
    sent_text = text[sentence.start : sentence.end]
    the_base = _THE_DIRECTION_BASE.search(sent_text)
    if the_base:
        direction = cues.directions.get(the_base.group(1).lower())
        country = _main_country(usable)
        centre = next(
            (
                m.place
                for m in usable
                if m.place and m.place.feature == "country" and m.place.country == country
            ),
            None,
        )
        specific = _specific_facility(usable, country, centre, direction)
        if specific is not None:
            return _with_precision(specific, 1)
    main = _main_place(usable, free)
    return _with_precision(main, 2 if _tier(main) <= 2 else 3)


def _clause(sentence: Span, trigger: Span, text: str) -> tuple[int, int]:
    """The character range of the trigger's clause within its sentence."""
    lo, hi = sentence.start, sentence.end
    for m in _CLAUSE_BREAK.finditer(text, sentence.start, sentence.end):
        if m.end() <= trigger.start:
            lo = m.end()
        elif m.start() >= trigger.end:
            hi = m.start()
            break
    return lo, hi


def _main_country(usable: list[PlaceMention]) -> str | None:
    counts = Counter(m.place.country for m in usable if m.place and m.place.country)
    return counts.most_common(1)[0][0] if counts else None


def _main_place(usable: list[PlaceMention], free: list[PlaceMention]) -> PlaceMention:
    """The report's main place: in its most named country, the most named finest place.
    Every naming counts, but the evidence is a free one ("the city of Beni", not "the
    mayor of Beni")."""
    country = _main_country(usable)
    counts = Counter(m.place.gazetteer_id for m in usable
                     if m.place and m.place.country == country)
    pool = [m for m in free or usable if m.place and m.place.country == country] or \
        free or usable
    return min(
        pool,
        key=lambda m: (-counts[m.place.gazetteer_id] if m.place else 0, _tier(m), m.span.start),
    )
