"""Reference points and ranking rules of place resolution, on the small test gazetteer."""

from __future__ import annotations

import csv
from importlib import resources
from pathlib import Path

import pytest
from spacy.tokens import Span as SpacySpan

from eventwire.model import Article
from eventwire.nlp import load_nlp
from eventwire.resolve.gazetteer import Gazetteer
from eventwire.resolve.gazetteer_rank import haversine_km
from eventwire.resolve.places import PlaceResolver


@pytest.fixture(scope="module")
def gazetteer(small_gazetteer_path) -> Gazetteer:
    return Gazetteer(small_gazetteer_path)


def _rows(name: str) -> list[dict[str, str]]:
    path = resources.files("eventwire") / "data" / "gazetteer" / name
    with open(str(path), encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.parametrize("name", ["country_points.csv", "admin_points.csv"])
def test_reference_point_tables_are_well_formed(name):
    rows = _rows(name)
    assert rows
    for row in rows:
        assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180
        assert row["source"]


def test_countries_and_provinces_take_geonames_points(gazetteer):
    canada = next(c for c in gazetteer.lookup("Canada") if c.feature == "country")
    assert haversine_km(canada.lat, canada.lon, 60.10867, -113.64258) < 1
    ontario = next(c for c in gazetteer.lookup("Ontario") if c.feature == "admin1")
    assert haversine_km(ontario.lat, ontario.lon, 49.25014, -84.49983) < 1


def _resolve(text: str, small_gazetteer_path: Path) -> dict[str, list]:
    doc = load_nlp()(text)
    mentions = PlaceResolver(small_gazetteer_path).find(doc, Article(id="r", text=text))
    out: dict[str, list] = {}
    for m in mentions:
        out.setdefault(m.span.text, []).append(m.place)
    return out


def test_a_small_town_does_not_take_a_state_or_nations_name(small_gazetteer_path):
    # Wales (a town in England) and Montana City (also called Montana) are small places.
    places = _resolve("Unemployment fell in Wales last year. Farmers in Montana want rain.",
                      small_gazetteer_path)
    assert places["Wales"][0].feature == "admin1" and places["Wales"][0].country == "GB"
    assert places["Montana"][0].feature == "admin1" and places["Montana"][0].country == "US"


def test_a_repeated_name_is_judged_by_the_other_names(small_gazetteer_path):
    # Kent, Washington is a city of 127,000; Kent, England a county. Three mentions of Kent
    # must not outvote Maidstone and Canterbury.
    text = ("Floods hit Kent on Monday. Police in Kent said roads near Maidstone and "
            "Canterbury were closed, and Kent schools shut.")
    places = _resolve(text, small_gazetteer_path)
    assert {p.country for p in places["Kent"]} == {"GB"}


def test_a_name_the_tagger_cut_short_is_lengthened(small_gazetteer_path):
    text = "Storms hit Nova Scotia today."
    doc = load_nlp()(text)
    doc.ents = [SpacySpan(doc, 2, 3, label="GPE")]  # the tagger saw only "Nova"
    mentions = PlaceResolver(small_gazetteer_path).find(doc, Article(id="n", text=text))
    assert [m.span.text for m in mentions] == ["Nova Scotia"]
    assert mentions[0].place.feature == "admin1"


def _with_ents(text: str, ents: list[tuple[int, int, str]], small_gazetteer_path: Path):
    """The parse of ``text`` with the tagger's entities replaced (token offsets)."""
    doc = load_nlp()(text)
    doc.ents = [SpacySpan(doc, start, end, label=label) for start, end, label in ents]
    mentions = PlaceResolver(small_gazetteer_path).find(doc, Article(id="e", text=text))
    return {m.span.text: m for m in mentions}


def test_a_people_tag_on_a_city_is_the_city_and_on_a_faith_no_place(small_gazetteer_path):
    found = _with_ents("Shelling hit Aleppo again.", [(2, 3, "NORP")], small_gazetteer_path)
    assert found["Aleppo"].role == "place" and found["Aleppo"].place.country == "SY"
    assert _with_ents("Christian leaders met.", [(0, 1, "NORP")], small_gazetteer_path) == {}


def test_a_place_under_a_date_tag_is_still_found(small_gazetteer_path):
    found = _with_ents("Rain fell in Winnipeg today.", [(3, 4, "DATE")], small_gazetteer_path)
    assert found["Winnipeg"].place.country == "CA"


def test_a_sentence_initial_the_is_not_part_of_the_name(small_gazetteer_path):
    found = _with_ents("The Syrian government protested.", [], small_gazetteer_path)
    assert list(found) == ["Syrian"] and found["Syrian"].role == "demonym"
