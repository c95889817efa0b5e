"""The whole path on a battle report we wrote: each side tells its part of one clash,
a truce is dated by the day it was agreed, not the day it starts, and words that only
qualify a side ("Uganda-linked", "Western governments") place nothing."""

from datetime import date
from pathlib import Path

import pytest

from eventwire.ingest import read_inputs
from eventwire.pipeline import default_pipeline

FIXTURE = Path(__file__).parent / "fixtures" / "reports" / "hill_battle.txt"


@pytest.fixture(scope="module")
def result():
    article = next(iter(read_inputs([str(FIXTURE)], published=date(2024, 2, 24))))
    return default_pipeline().process(article)


def test_both_sides_accounts_are_one_clash_between_them(result):
    clashes = [e for e in result.events if e.sub_event_type == "Armed clash"]
    assert len(clashes) == 1
    sides = {clashes[0].actor1.id, clashes[0].actor2.id}
    assert "m23" in " ".join(sides).lower()
    assert any(s.startswith("mil-CD") for s in sides)


def test_the_pause_is_dated_by_the_day_it_was_agreed(result):
    pauses = [e for e in result.events if e.sub_event_type == "Agreement"]
    assert [e.when.start for e in pauses] == [date(2024, 2, 23)]


def test_qualifying_words_place_nothing(result):
    for record in result.events + result.statements:
        assert record.place is None or record.place.country == "CD", record.place
