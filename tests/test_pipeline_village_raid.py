"""The whole path on a short report we wrote with traps a lede often sets: a dateline
before the subject, a time of saying, a source's own whereabouts, an unclaimed attack,
a village missing from the gazetteer, countries that act, a warning of no violence."""

from datetime import date
from pathlib import Path

import pytest

from eventwire.ingest import read_inputs
from eventwire.pipeline import default_pipeline

FIXTURE = Path(__file__).parent / "fixtures" / "reports" / "village_raid.txt"


@pytest.fixture(scope="module")
def result():
    article = next(iter(read_inputs([str(FIXTURE)], published=date(2024, 3, 12))))
    return default_pipeline().process(article)


@pytest.fixture(scope="module")
def raid(result):
    assert len(result.events) == 1, [(e.sub_event_type, e.place) for e in result.events]
    return result.events[0]


def test_armed_men_killing_villagers_is_one_attack_on_civilians(raid):
    assert raid.sub_event_type == "Attack"
    assert raid.actor1 is not None and raid.actor1.kind != "civilians"
    assert raid.actor2 is not None and raid.actor2.kind == "civilians"


def test_the_raid_is_dated_by_the_night_it_happened_not_the_day_it_was_told(raid):
    assert raid.when.start == date(2024, 3, 9)


def test_the_place_is_the_raided_area_not_the_sources_town_or_a_namesake_abroad(raid):
    assert raid.place is not None and raid.place.country == "NG"
    assert raid.place.name not in ("Zaria",)
    assert raid.place.admin1 == "Kaduna"


def test_nobody_claiming_the_raid_is_no_claim(result, raid):
    assert not [s for s in result.statements if s.statement_type == "claim"]
    assert all(c.stance != "claimed" for c in raid.claims)


def test_a_warning_of_hunger_is_no_threat(result):
    assert not [s for s in result.statements if s.statement_type == "threat"]
