from datetime import date

from eventwire.model import Article, Event, Place, When
from eventwire.store import EventFilter, Store


def event(eid, day, lat, lon, country="IQ"):
    return Event(id=eid, kind="event", event_type="Battles", sub_event_type="Armed clash",
                 when=When(date(2024, 3, day), date(2024, 3, day)),
                 place=Place(name="x", lat=lat, lon=lon, country=country))


def test_migrations_are_recorded_once(tmp_path):
    url = f"sqlite:///{tmp_path / 's.db'}"
    assert Store.open(url).migrate() == []
    assert Store.open(url).count_events() == 0


def test_article_is_stored_once():
    store = Store.open("sqlite://")
    article = Article(id="a1", text="Some report.", content_hash="h1")
    assert store.add_article(article) is True
    assert store.add_article(article) is False
    assert store.count_articles() == 1


def test_candidates_come_from_a_time_and_space_window():
    store = Store.open("sqlite://")
    store.insert_event(event("near", 5, 33.3, 44.4), [])
    store.insert_event(event("far-away", 5, 36.2, 44.0), [])
    store.insert_event(event("weeks-later", 28, 33.3, 44.4), [])
    found = {e.id for e in store.candidates(event("new", 6, 33.31, 44.41), days=3, km=50)}
    assert found == {"near"}


def test_event_filters():
    store = Store.open("sqlite://")
    store.insert_event(event("iq", 5, 33.3, 44.4), [])
    store.insert_event(event("sy", 9, 36.2, 37.1, country="SY"), [])
    assert [e.id for e in store.events(EventFilter(country="SY"))] == ["sy"]
    assert [e.id for e in store.events(EventFilter(since=date(2024, 3, 8)))] == ["sy"]
    assert [e.id for e in store.events(EventFilter(near=(33.3, 44.4, 10)))] == ["iq"]
