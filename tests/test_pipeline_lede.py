"""Whole-path checks on short ledes we wrote: a dateline before the subject, and a strike
named again as "the strike"."""

from datetime import date

from eventwire.model import Article
from eventwire.pipeline import default_pipeline


def process(text, published):
    return default_pipeline().process(Article(id="lede", text=text, published_at=published))


def test_a_dateline_does_not_become_the_subject_of_the_lede():
    text = ("KATSINA, Nigeria — Armed men abducted at least 30 people, most of them women, "
            "from a village in Katsina state overnight, residents and a local official said "
            "on Wednesday.")
    events = process(text, date(2024, 5, 15)).events
    assert [e.sub_event_type for e in events] == ["Abduction/forced disappearance"]
    assert events[0].actor1 is not None and events[0].actor1.kind != "civilians"
    assert events[0].actor2 is not None and events[0].actor2.kind == "civilians"


def test_a_strike_named_again_is_the_same_protest():
    text = ("Traders in Mandalay closed their shops on Saturday for a silent strike against "
            "military rule. Police detained four people who had posted calls for the strike "
            "online.")
    events = process(text, date(2024, 2, 5)).events
    assert sorted(e.sub_event_type for e in events) == ["Arrests", "Peaceful protest"]


def test_a_protest_that_turns_violent_is_one_riot_against_the_force_that_broke_it_up():
    text = ("Several hundred residents of Nasiriyah blocked a bridge on Monday to protest "
            "against power cuts. Some threw stones at the governor's office, and police fired "
            "tear gas to disperse the crowd. The governor promised that more power would reach "
            "the city within days.")
    result = process(text, date(2024, 8, 13))
    assert [(e.event_type, e.sub_event_type) for e in result.events] == [
        ("Riots", "Violent demonstration")]
    riot = result.events[0]
    assert riot.actor1 is not None and riot.actor1.kind in ("protesters", "rioters")
    assert riot.actor2 is not None and riot.actor2.kind == "state forces"
    assert not [s for s in result.statements if s.statement_type == "threat"]


def test_a_cause_or_a_patron_is_not_where_it_happened():
    text = ("Thousands of people held a rally in solidarity with Gaza near the Israeli embassy "
            "in Amman on Friday.")
    events = process(text, date(2023, 10, 21)).events
    assert [e.place.name for e in events] == ["Amman"]
