"""The whole path on a short report we wrote: a crowd that burns and loots after a
killing told in the same sentence, and a blamed group described by where it comes from."""

from datetime import date
from pathlib import Path

import pytest

from eventwire.ingest import read_inputs
from eventwire.pipeline import default_pipeline

FIXTURE = Path(__file__).parent / "fixtures" / "reports" / "town_riot.txt"


@pytest.fixture(scope="module")
def result():
    article = next(iter(read_inputs([str(FIXTURE)], published=date(2024, 5, 16))))
    return default_pipeline().process(article)


def test_a_crowd_burning_and_looting_is_its_riot_not_a_strategic_development(result):
    types = [e.sub_event_type for e in result.events]
    assert "Looting/property destruction" not in types
    riots = [e for e in result.events if e.event_type == "Riots"]
    assert len(riots) == 1
    assert riots[0].actor1 is not None and riots[0].actor1.kind in ("rioters", "protesters")


def test_people_killed_in_another_clause_are_civilians_not_the_rioters(result):
    killed = [e for e in result.events if e.fatalities.best == 8]
    assert len(killed) == 1
    assert killed[0].sub_event_type == "Attack"
    assert killed[0].actor2 is not None and killed[0].actor2.kind == "civilians"


def test_where_a_group_has_its_roots_is_not_where_it_killed(result):
    assert all(e.place is not None and e.place.country == "BF" for e in result.events)
