import pytest

from eventwire.link.errors import LinkInputError
from eventwire.link.incidents import merge_into
from eventwire.link.review import split_off
from eventwire.model import Event, Evidence, Fatalities, Mention, Source, Span

DRONE = ("Explosions/Remote violence", "Air/drone strike")


def _mention(article_id, start, best=None):
    sentence = f"Drones hit the base ({article_id})."
    return Mention(article_id, Span(0, len(sentence), sentence), Span(start, start + 6, "Drones"),
                   "event", *DRONE, fatalities=Fatalities(best))


def _event(eid, article_id, best=None):
    m = _mention(article_id, 0, best)
    return Event(eid, "event", *DRONE, fatalities=Fatalities(best),
                 sources=[Source(article_id, outlet=f"outlet {article_id}")],
                 evidence=[Evidence("event", m.sentence.text, 0, 5, article_id=article_id)],
                 mentions=[m])


def test_split_undoes_a_merge():
    merged = merge_into(_event("e1", "r1", 2), _event("e2", "r2", 9))
    assert merged.fatalities.high == 9
    rest, new = split_off(merged, merged.mentions[1], "e1~2")
    assert [s.article_id for s in rest.sources] == ["r1"]
    assert {e.article_id for e in rest.evidence} == {"r1"}
    assert rest.fatalities == Fatalities(2, 2, 2)
    assert (new.id, [s.article_id for s in new.sources], new.fatalities.best) == ("e1~2", ["r2"], 9)
    assert rest.status == new.status == "edited"


def test_split_keeps_the_source_while_the_article_has_other_mentions():
    event = _event("e1", "r1")
    event.mentions.append(_mention("r1", 20))
    rest, new = split_off(event, event.mentions[1], "e1~2")
    assert [s.article_id for s in rest.sources] == ["r1"] == [s.article_id for s in new.sources]


def test_split_errors_are_clear():
    event = _event("e1", "r1")
    with pytest.raises(LinkInputError, match="only this mention"):
        split_off(event, event.mentions[0], "x")
    with pytest.raises(LinkInputError, match="no mention"):
        split_off(event, _mention("r9", 3), "x")
