"""The whole path on a report we wrote with the difficulties of a republished wire story
(tests/fixtures/reports/seedlike.txt): dateline, vague then named bases, claims by a
coalition and a member group, a quoted threat, a contested blast, boilerplate."""

import math
from pathlib import Path

import pytest

from eventwire.ingest import read_inputs
from eventwire.pipeline import default_pipeline

FIXTURE = Path(__file__).parent / "fixtures" / "reports" / "seedlike.txt"


@pytest.fixture(scope="module")
def result():
    from datetime import date

    article = next(iter(read_inputs([str(FIXTURE)], published=date(2023, 10, 24))))
    return default_pipeline().process(article)


def km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 6371 * 2 * math.asin(math.sqrt(h))


def test_boilerplate_is_not_part_of_the_story(result):
    text = result.article.text
    for line in ("Oil prices climb", "Related Articles", "Back to top button",
                 "based in New Zealand"):
        assert line not in text


def test_the_named_garrison_is_the_place_of_its_drone_attack(result):
    strikes = [e for e in result.events if e.sub_event_type == "Air/drone strike"
               and e.place and e.place.lat is not None
               and km(e.place.lat, e.place.lon, 33.49, 38.66) <= 30]
    assert strikes, [(e.sub_event_type, e.place) for e in result.events]
    event = strikes[0]
    assert event.place.country == "SY" and event.place.geo_precision == 1
    assert any(q.what == "drone" and q.count == 2 for q in event.quantities)
    assert {ev.field for ev in event.evidence} >= {"event_type", "location", "date"}


def test_the_reporters_home_country_is_never_an_event_place(result):
    assert all(e.place is None or e.place.country != "NZ"
               for e in result.events + result.statements)


def test_the_quoted_threat_is_a_statement_not_an_event(result):
    threats = [s for s in result.statements if s.statement_type == "threat"]
    assert threats and all(s.modality == "threatened" for s in threats)
    assert any(s.actor1 and "Nujaba" in s.actor1.name for s in threats)
    assert all(e.modality in ("occurred", "claimed") for e in result.events)


def test_every_filled_field_has_evidence_inside_the_text(result):
    text = result.article.text
    for record in result.events + result.statements:
        for ev in record.evidence:
            assert 0 <= ev.start < ev.end <= len(text)
            assert text[ev.start:ev.end] in ev.sentence or ev.field in (
                "fatalities", "injuries", "quantities", "outcomes")


def test_every_filled_field_is_covered_by_evidence(result):
    for record in result.events + result.statements:
        rec = record.to_record()
        fields = {ev.field for ev in record.evidence}
        filled = {"event_type"} | {k for k in ("actor1", "actor2", "claims", "quantities")
                                   if rec[k]}
        if rec["location"]:
            filled.add("location")
        if rec["date"]:
            filled.add("date")
        if rec["fatalities"]["best"] is not None:
            filled.add("fatalities")
        assert filled <= fields, (record.id, filled - fields)
