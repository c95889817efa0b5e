from datetime import date

import pytest

from eventwire.link.errors import LinkInputError
from eventwire.link.incidents import (
    candidate_window,
    incident_score,
    independent_sources,
    link_events,
    merge_into,
    reconcile_fatalities,
)
from eventwire.model import (
    Actor,
    Claim,
    Event,
    Evidence,
    Fatalities,
    Mention,
    Place,
    Source,
    Span,
    When,
)

DRONE = ("Explosions/Remote violence", "Air/drone strike")
QASR_TAMIR = Place("Qasr Tamir base", 36.12, 43.95, country="IQ", geo_precision=1)
QASR_TOWN = Place("Qasr Tamir", 36.10, 43.90, country="IQ", geo_precision=2)
SAFRA = Place("Safra airfield", 33.42, 42.10, country="IQ", geo_precision=1)
NORTH_IRAQ = Place("Nineveh", 36.35, 43.15, country="IQ", admin1="Nineveh", geo_precision=3)
PORT_MIREL = Place("Port Mirel", -8.30, 115.10, country="ID", geo_precision=1)
GUARDIANS = Actor("Guardians of the Valley", "political militia", id="guardians-valley")
US_FORCES = Actor("Military Forces of the United States", "state forces", id="us-military")


def day(d: int, month: int = 3, precision: str = "day") -> When:
    return When(date(2026, month, d), date(2026, month, d), precision=precision)


def event(eid, *, when=None, place=QASR_TAMIR, kind=DRONE, sentence="", actor1=GUARDIANS,
          outlet=None, fatalities=None, **kw):
    return Event(
        id=eid,
        kind="event",
        event_type=kind[0],
        sub_event_type=kind[1],
        when=when or day(3),
        place=place,
        actor1=actor1,
        actor2=US_FORCES,
        fatalities=fatalities or Fatalities(),
        sources=[Source(article_id=f"art-{eid}", outlet=outlet or f"outlet-{eid}")],
        evidence=[Evidence("event", sentence, 0, len(sentence), article_id=f"art-{eid}")]
        if sentence
        else [],
        **kw,
    )


def test_two_reports_of_one_drone_attack_link():
    a = event("a", sentence="Two drones struck the base near Qasr Tamir, wounding three soldiers.")
    b = event("b", when=day(3), place=QASR_TOWN,
              sentence="Three soldiers were lightly hurt when drones hit their base at Qasr Tamir.")
    score, reasons = incident_score(a, b)
    assert score >= 0.62
    assert reasons["place"] == 1.0 and reasons["time"] == 1.0


def test_night_attack_dated_to_either_day_links():
    a = event("a", when=day(3))
    b = event("b", when=day(4))
    assert incident_score(a, b)[0] >= 0.62


def test_two_drone_attacks_on_two_bases_on_one_day_stay_apart():
    a = event("a", sentence="A drone hit a base in Iraq on Tuesday.")
    b = event("b", place=SAFRA, sentence="A drone hit a base in Iraq on Tuesday.")
    score, reasons = incident_score(a, b)
    assert reasons["place"] == 0.0
    assert score < 0.62


def test_two_shootings_in_one_city_a_week_apart_stay_apart():
    shooting = ("Violence against civilians", "Attack")
    a = event("a", when=day(10, 4), place=PORT_MIREL, kind=shooting,
              sentence="A gunman shot two men dead in Port Mirel.")
    b = event("b", when=day(17, 4), place=PORT_MIREL, kind=shooting,
              sentence="A gunman shot a man dead in Port Mirel.")
    score, reasons = incident_score(a, b)
    assert reasons["time"] == 0.0
    assert score < 0.62


def test_different_event_types_never_link():
    protest = ("Protests", "Peaceful protest")
    score, reasons = incident_score(event("a"), event("b", kind=protest))
    assert score == 0.0 and reasons["type"] == 0.0


def test_a_region_level_place_is_compatible_with_a_town_inside_it():
    a = event("a", place=NORTH_IRAQ)
    assert incident_score(a, event("b"))[1]["place"] == 1.0


def test_month_precision_overlap_is_weaker_than_a_day():
    a = event("a", when=When(date(2026, 3, 1), date(2026, 3, 31), precision="month"))
    assert incident_score(a, event("b"))[1]["time"] < 1.0


def test_contested_perpetrators_do_not_block_a_link():
    israel = Actor("Military Forces of Israel", "state forces", id="idf")
    militants = Actor("Palestinian militants", "rebel group", id=None)
    blast = ("Explosions/Remote violence", "Remote explosive/landmine/IED")
    hospital = Place("Gaza City hospital", 31.50, 34.46, country="PS")
    a = event("a", kind=blast, place=hospital, actor1=israel,
              sentence="An explosion at a hospital in Gaza City killed hundreds.")
    b = event("b", kind=blast, place=hospital, actor1=militants,
              sentence="An explosion at a Gaza City hospital killed hundreds of people.")
    assert incident_score(a, b)[0] >= 0.62
    merged = merge_into(a, b)
    blamed = {(c.about, c.reported_by) for c in merged.claims if c.stance == "blamed"}
    assert blamed == {(israel.name, "outlet-a"), (militants.name, "outlet-b")}
    assert merged.actor1 == israel
    assert militants in merged.assoc_actors


def test_claims_already_extracted_are_kept_not_doubled():
    israel = Actor("Military Forces of Israel", "state forces", id="idf")
    militants = Actor("Palestinian militants", "rebel group")
    a = event("a", actor1=israel,
              claims=[Claim("Hamas", "blamed", reported_by="outlet-a", about=israel.name)])
    b = event("b", actor1=militants,
              claims=[Claim("Israel", "blamed", reported_by="outlet-b", about=militants.name)])
    merged = merge_into(a, b)
    assert sorted(c.by for c in merged.claims) == ["Hamas", "Israel"]


def test_link_events_takes_the_best_candidate_and_each_candidate_once():
    stored_north = event("s1")
    stored_west = event("s2", place=SAFRA)
    new_north = event("n1")
    new_west = event("n2", place=SAFRA)
    new_elsewhere = event("n3", place=PORT_MIREL)
    decisions = link_events([new_north, new_west, new_elsewhere], [stored_west, stored_north])
    assert [(d.event_id, d.target_id) for d in decisions] == [
        ("n1", "s1"),
        ("n2", "s2"),
        ("n3", None),
    ]
    assert decisions[0].reasons["place"] == 1.0
    assert decisions[2].score < 0.62


def test_two_events_of_one_article_never_land_on_one_candidate():
    stored = event("s1")
    first, second = event("n1"), event("n2")
    decisions = link_events([first, second], [stored])
    assert [d.target_id for d in decisions].count("s1") == 1


def test_link_events_rejects_duplicate_new_ids():
    with pytest.raises(LinkInputError, match="distinct ids"):
        link_events([event("n1"), event("n1")], [])


def test_merge_keeps_the_most_precise_date_and_place():
    vague = event("a", when=When(date(2026, 3, 1), date(2026, 3, 31), precision="month"),
                  place=NORTH_IRAQ)
    sharp = event("b", when=day(3), place=QASR_TAMIR)
    merged = merge_into(vague, sharp)
    assert merged.id == "a"
    assert merged.when == sharp.when and merged.place == sharp.place
    assert vague.place == NORTH_IRAQ  # inputs untouched


def _mention(article_id, best, low=None, high=None):
    return Mention(
        article_id=article_id,
        sentence=Span(0, 10, "x"),
        trigger=Span(0, 1, "x"),
        kind="event",
        event_type=DRONE[0],
        sub_event_type=DRONE[1],
        fatalities=Fatalities(best, low, high),
    )


def test_fatalities_are_reconciled_over_sources():
    a = event("a", mentions=[_mention("art-a", 3)])
    b = event("b", mentions=[_mention("art-b", 5, 4, 7)])
    c = event("c", mentions=[_mention("art-c", 4)])
    merged = merge_into(merge_into(a, b), c)
    assert merged.fatalities == Fatalities(best=4, low=3, high=7)


def test_reconcile_fatalities_of_nothing_is_unknown():
    assert reconcile_fatalities([Fatalities(), Fatalities()]) == Fatalities()


def test_merge_keeps_sources_and_evidence_of_each_report():
    a = event("a", sentence="Two drones struck the base.")
    b = event("b", sentence="Drones hit the base at dawn.")
    merged = merge_into(a, b)
    assert [s.article_id for s in merged.sources] == ["art-a", "art-b"]
    assert {e.article_id for e in merged.evidence} == {"art-a", "art-b"}
    assert merge_into(merged, b).sources == merged.sources  # folding twice adds nothing


def test_merge_keeps_every_source_s_target_beside_the_one_kept():
    coalition = Actor("Operation Inherent Resolve Coalition", "external/other", id="coalition")
    iraqi = Actor("Military Forces of Iraq", "state forces", id="iraq-military")
    a = event("a")
    b = event("b", assoc_actors2=[coalition])
    b.actor2 = iraqi
    merged = merge_into(a, b)
    assert merged.actor2 == US_FORCES
    assert [x.id for x in merged.assoc_actors2] == ["coalition", "iraq-military"]


def test_merging_an_event_into_itself_is_an_error():
    with pytest.raises(LinkInputError, match="into itself"):
        merge_into(event("a"), event("a"))


def test_copies_add_no_independent_source():
    e = event("a")
    e.sources = [
        Source("w1", outlet="Associated Press", wire_source="AP"),
        Source("c1", outlet="Riverside Courier", wire_source="AP", copy_of="w1",
               independent=False),
        Source("c2", outlet="Daily Horizon Times", copy_of="w1", independent=False),
        Source("g1", outlet="Gulf Ledger"),
        Source("g2", outlet="Region Pulse", copy_of="g1", independent=False),
        Source("n1", outlet="Northern Star Online"),
    ]
    assert independent_sources(e) == 3


def test_two_outlets_running_one_wire_story_count_once():
    e = event("a")
    e.sources = [Source("x", outlet="Courier", wire_source="Reuters"),
                 Source("y", outlet="Ledger", wire_source="Reuters")]
    assert independent_sources(e) == 1


def test_candidate_window_grows_with_vagueness():
    sharp = candidate_window(event("a"))
    vague = candidate_window(event("b", place=NORTH_IRAQ,
                                   when=When(date(2026, 3, 1), date(2026, 3, 31), "month")))
    assert vague[0] > sharp[0] and vague[1] > sharp[1]


def test_two_attacks_on_one_base_two_days_apart_stay_apart():
    sentence = "Two drones struck the base near Qasr Tamir, wounding three soldiers."
    a = event("a", when=day(3), sentence=sentence)
    b = event("b", when=day(5), sentence=sentence)
    score, reasons = incident_score(a, b)
    assert reasons["time"] == 0.0
    assert score < 0.62


def test_a_day_and_the_week_it_falls_in_still_link():
    week = When(date(2026, 2, 28), date(2026, 3, 6), precision="week")
    sentence = "Two drones struck the base near Qasr Tamir, wounding three soldiers."
    a = event("a", when=day(3), sentence=sentence)
    b = event("b", when=week, sentence=sentence)
    assert incident_score(a, b)[0] >= 0.62


def test_two_bases_25_km_apart_hit_the_same_day_stay_apart():
    sentence = "A drone hit a base in northern Iraq on Tuesday."
    other_base = Place("Kiwan base", 36.34, 43.95, country="IQ", geo_precision=1)  # ~25 km
    score, reasons = incident_score(event("a", sentence=sentence),
                                    event("b", place=other_base, sentence=sentence))
    assert reasons["place"] == 0.0
    assert score < 0.62


def test_a_town_named_near_the_base_still_links():
    sentence = "A drone hit a base in northern Iraq on Tuesday."
    near = Place("Qasr Tamir outskirts", 36.20, 43.95, country="IQ", geo_precision=2)  # ~9 km
    assert incident_score(event("a", sentence=sentence),
                          event("b", place=near, sentence=sentence))[0] >= 0.62
