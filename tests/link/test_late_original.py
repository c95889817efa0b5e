"""An older original that arrives after its copies: the stored copies point to it."""

from datetime import date

from eventwire.link.copies import CopyIndex
from eventwire.model import Article, Event, Mention, Place, Span, When
from eventwire.pipeline import ArticleResult
from eventwire.runners.local import IngestReport, store_result
from eventwire.store import Store

STORY = (
    "Two drones struck the Qasr Tamir base in western Iraq on Wednesday, officials said. "
    "One drone was shot down before it reached the base and nobody was hurt. "
    "The base hosts foreign troops and has been attacked several times this month. "
    "No group has said it carried out the attack, the officials added. "
)


def _article(aid: str, text: str, published: date, outlet: str) -> Article:
    return Article(id=aid, text=text, published_at=published, outlet=outlet, content_hash=aid)


def _result(article: Article) -> ArticleResult:
    sentence = Span(0, 80, article.text[:80])
    mention = Mention(article.id, sentence, Span(4, 10, "drones"), "event",
                      "Explosions/Remote violence", "Air/drone strike")
    event = Event(
        id=f"ev-{article.id}", kind="event", event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike", when=When(date(2024, 3, 6), date(2024, 3, 6)),
        place=Place("Qasr Tamir", 33.4, 42.1, country="IQ"), mentions=[mention],
    )
    return ArticleResult(article=article, events=[event])


def test_copies_stored_first_point_to_the_older_original():
    store, copies, report = Store.open("sqlite://"), CopyIndex(use_embeddings=False), IngestReport()
    reposted = _article("site-1", STORY + "Read more on our site.", date(2024, 3, 7), "Courier")
    again = _article("site-2", "From the wires. " + STORY, date(2024, 3, 8), "Horizon")
    wire = _article("wire-1", STORY, date(2024, 3, 6), "Wire Agency")
    for article in (reposted, again, wire):
        store_result(store, _result(article), copies, report)

    assert store.article_provenance("site-1")[1] == "wire-1"
    assert store.article_provenance("site-2")[1] == "wire-1"
    assert store.get_article("site-1").metadata["copy_of"] == "wire-1"
    [event] = store.events()
    by_article = {s.article_id: s for s in event.sources}
    assert set(by_article) == {"site-1", "site-2", "wire-1"}
    assert by_article["site-1"].copy_of == "wire-1" and not by_article["site-1"].independent
    assert by_article["wire-1"].independent
    assert store.independent_sources(event.id) == 1


def test_an_original_arriving_first_changes_nothing_stored():
    store, copies, report = Store.open("sqlite://"), CopyIndex(use_embeddings=False), IngestReport()
    wire = _article("wire-1", STORY, date(2024, 3, 6), "Wire Agency")
    reposted = _article("site-1", STORY + "Read more on our site.", date(2024, 3, 7), "Courier")
    for article in (wire, reposted):
        store_result(store, _result(article), copies, report)
    assert store.article_provenance("wire-1")[1] is None
    assert store.article_provenance("site-1")[1] == "wire-1"
