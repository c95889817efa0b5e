"""Finding, resolving and assigning places on reports written for these tests."""

from __future__ import annotations

import pytest

from eventwire.model import Article, Place, PlaceMention, Span
from eventwire.nlp import load_nlp
from eventwire.resolve.gazetteer_rank import haversine_km
from eventwire.resolve.places import PlaceResolver, event_place

# Our own report, built to hold the traps of real wire copy: a dateline, a vague base named
# later, a facility the small model misses, an organisation and a metonym named after
# places, and a sign-off placing the reporters.
REPORT = (
    "ERBIL, Iraq — Rockets struck a base in northern Iraq late on Sunday, local "
    "officials said."
    "\n"
    "\n"
    "The regional counter-terrorism service said the rockets were aimed at al-Harir "
    "airbase, and that one rocket fell near the village of Batas."
    "\n"
    "\n"
    "Hours later a drone hit a camp in western Iraq where coalition troops are "
    "stationed. A spokesman later named the site as the al-Asad air base."
    "\n"
    "\n"
    "Washington said it would respond. Analysts at Chatham House said the strikes "
    "were a warning."
    "\n"
    "\n"
    "Drones also struck US positions in Syria on Monday. "
    "Hundreds of protesters gathered in Baghdad on Monday. In Gaza, shelling damaged "
    "a hospital, the Gaza health ministry said."
    "\n"
    "\n"
    "Dana Fielding reported from Washington. Omar Haddad, a writer based in Canada, "
    "contributed to this report."
    "\n"
    "\n"
)

HARIR_SITE = (36.53, 44.34)


@pytest.fixture(scope="module")
def parsed(small_gazetteer_path):
    doc = load_nlp()(REPORT)
    mentions = PlaceResolver(small_gazetteer_path).find(doc, Article(id="t1", text=REPORT))
    return doc, mentions


def _at(mentions, text, nth=0):
    hits = [m for m in mentions if m.span.text == text]
    assert len(hits) > nth, f"{text!r} not found in {[m.span.text for m in mentions]}"
    return hits[nth]


def _sentence(doc, words):
    sent = next(s for s in doc.sents if words in s.text)
    start = sent.text.index(words.split()[0]) + sent.start_char
    return (Span(sent.start_char, sent.end_char, sent.text),
            Span(start, start + len(words.split()[0]), words.split()[0]))


def test_spans_point_into_the_text(parsed):
    _, mentions = parsed
    for m in mentions:
        assert REPORT[m.span.start : m.span.end] == m.span.text


def test_dateline_is_not_an_event_place(parsed):
    _, mentions = parsed
    assert _at(mentions, "ERBIL").role == "dateline"


def test_facility_name_missed_by_tagger_resolves_to_the_air_base(parsed):
    _, mentions = parsed
    m = _at(mentions, "al-Harir")
    assert m.role == "place"
    assert m.place.gazetteer_id == "eventwire:harir-airbase"
    assert (m.place.country, m.place.admin1, m.place.feature) == ("IQ", "Erbil", "airbase")
    assert haversine_km(m.place.lat, m.place.lon, *HARIR_SITE) < 25


def test_village_is_found_in_the_report_country(parsed):
    _, mentions = parsed
    m = _at(mentions, "Batas")
    assert (m.place.country, m.place.admin1, m.place.feature) == ("IQ", "Erbil", "village")
    assert haversine_km(m.place.lat, m.place.lon, *HARIR_SITE) < 30


def test_cities_resolve_in_context(parsed):
    _, mentions = parsed
    assert _at(mentions, "Baghdad").place.gazetteer_id == "geonames:98182"
    gaza = _at(mentions, "Gaza")
    assert gaza.role == "place" and gaza.place.country == "PS"


def test_organisations_metonyms_and_bylines_are_not_event_places(parsed):
    _, mentions = parsed
    assert _at(mentions, "Gaza", 1).role == "organisation"  # the Gaza health ministry
    assert _at(mentions, "Washington", 0).role == "metonym"  # Washington said
    assert _at(mentions, "Washington", 1).role == "byline"  # reported from Washington
    assert _at(mentions, "Canada").role == "byline"  # based in Canada
    assert all(m.role != "place" for m in mentions if m.span.text.startswith("Chatham"))


def test_vague_base_becomes_the_base_named_elsewhere(parsed):
    doc, mentions = parsed
    sent, trig = _sentence(doc, "struck a base in northern Iraq")
    place = event_place(sent, trig, mentions, REPORT).place
    assert place.gazetteer_id == "eventwire:harir-airbase" and place.geo_precision == 1
    sent, trig = _sentence(doc, "hit a camp in western Iraq")
    place = event_place(sent, trig, mentions, REPORT).place
    assert place.gazetteer_id == "eventwire:ain-al-asad-airbase"
    assert place.admin1 == "Al Anbar"


def test_event_place_of_own_clause_with_precision(parsed):
    doc, mentions = parsed
    sent, trig = _sentence(doc, "gathered in Baghdad")
    place = event_place(sent, trig, mentions, REPORT).place
    assert place.name == "Baghdad" and place.geo_precision == 1
    sent, trig = _sentence(doc, "fell near the village of Batas")
    place = event_place(sent, trig, mentions, REPORT).place
    assert place.name == "Batas" and place.geo_precision == 2


def test_country_as_modifier_is_not_the_event_place(parsed):
    doc, mentions = parsed
    assert _at(mentions, "US").role == "demonym"
    sent, trig = _sentence(doc, "struck US positions in Syria")
    place = event_place(sent, trig, mentions, REPORT).place
    assert place.country == "SY" and place.geo_precision == 3


def test_sentence_without_place_falls_back_to_report_with_wider_precision(parsed):
    doc, mentions = parsed
    sent, trig = _sentence(doc, "said the strikes were a warning")
    result = event_place(sent, trig, mentions, REPORT)
    assert result is not None and result.place.country == "IQ"
    assert result.place.geo_precision in (2, 3)


def _mention(start: int, text: str, feature: str, lat: float, lon: float, role="place"):
    place = Place(text, lat, lon, country="XX", feature=feature, gazetteer_id=f"t:{text}")
    return PlaceMention(Span(start, start + len(text), text), place, role=role)


def test_event_place_prefers_finer_places_and_ignores_non_places():
    text = "Shells hit Alpha town in Beta province, Gamma officials said."
    sentence = Span(0, len(text), text)
    trigger = Span(7, 10, "hit")
    mentions = [
        _mention(11, "Alpha", "town", 1.0, 1.0),
        _mention(25, "Beta", "admin1", 1.5, 1.5),
        _mention(40, "Gamma", "country", 2.0, 2.0, role="demonym"),
    ]
    assert event_place(sentence, trigger, mentions, text).place.name == "Alpha"
    assert event_place(sentence, trigger, mentions[1:], text).place.geo_precision == 3
    assert event_place(sentence, trigger, mentions[2:], text) is None


@pytest.mark.parametrize(
    ("text", "name", "feature"),
    [
        ("Shelling was reported in Erbil province on Friday.", "Erbil", "admin1"),
        ("Shelling was reported in Erbil on Friday.", "Erbil", "city"),
        ("A drone fell on Hit, Anbar, at dawn.", "Hit", "city"),
    ],
)
def test_admin_hints_choose_the_level(text, name, feature, small_gazetteer_path):
    doc = load_nlp()(text)
    mentions = PlaceResolver(small_gazetteer_path).find(doc, Article(id="t2", text=text))
    m = _at(mentions, name)
    assert m.place.country == "IQ"
    assert m.place.feature in ((feature,) if feature != "city" else ("city", "town"))


def test_doc_of_another_text_is_a_clear_error(small_gazetteer_path):
    from eventwire.resolve.places import PlaceInputError

    doc = load_nlp()("Rain in Erbil.")
    with pytest.raises(PlaceInputError, match="not the parse of article.text"):
        PlaceResolver(small_gazetteer_path).find(doc, Article(id="x", text="Other text."))
