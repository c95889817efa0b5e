import json
from datetime import date

from click.testing import CliRunner

from eventwire.cli import cli
from eventwire.model import Article, Event, Fatalities, Mention, Place, Source, Span, When
from eventwire.store import Store

DRONE = ("Explosions/Remote violence", "Air/drone strike")


def _seed(url):
    store = Store.open(url)
    for n, best in ((1, 2), (2, 5)):
        aid = f"r{n}"
        store.add_article(Article(id=aid, text=f"Report {n}.", content_hash=f"h{n}",
                                  outlet=f"Outlet {n}"))
        sentence = "Drones hit the base near Qasr Tamir."
        m = Mention(aid, Span(0, len(sentence), sentence), Span(0, 6, "Drones"), "event", *DRONE,
                    fatalities=Fatalities(best))
        store.insert_event(
            Event(f"e{n}", "event", *DRONE, when=When(date(2026, 3, 3), date(2026, 3, 3)),
                  place=Place("Qasr Tamir", 36.1, 43.9, country="IQ"),
                  fatalities=Fatalities(best), sources=[Source(aid, outlet=f"Outlet {n}")],
                  mentions=[m]),
            [m],
        )
    return store


def test_merge_then_split_round_trip(tmp_path):
    url = f"sqlite:///{tmp_path / 'review.db'}"
    store = _seed(url)
    run = CliRunner().invoke

    result = run(cli, ["merge", "e1", "e2", "--db", url])
    assert result.exit_code == 0, result.output
    assert "2 independent" in result.output
    merged = store.get_event("e1")
    assert merged.status == "edited" and merged.fatalities.high == 5
    assert store.count_events() == 1
    assert [d["action"] for d in store.decisions()] == ["merge"]

    result = run(cli, ["links", "e1", "--db", url, "--json"])
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [r["article_id"] for r in rows] == ["r1", "r2"]
    assert all(r["locked"] for r in rows)

    moved = rows[1]["id"]
    result = run(cli, ["split", "e1", str(moved), "--db", url])
    assert result.exit_code == 0, result.output
    assert store.count_events() == 2
    new = store.get_event(f"e1~{moved}")
    assert [s.article_id for s in new.sources] == ["r2"]
    assert [s.article_id for s in store.get_event("e1").sources] == ["r1"]


def test_review_errors_name_the_problem(tmp_path):
    url = f"sqlite:///{tmp_path / 'review.db'}"
    _seed(url)
    run = CliRunner().invoke
    result = run(cli, ["merge", "e1", "nope", "--db", url])
    assert result.exit_code != 0 and "nope" in result.output
    result = run(cli, ["split", "e1", "999", "--db", url])
    assert result.exit_code != 0 and "no mention 999" in result.output
    result = run(cli, ["merge", "e1", "e1", "--db", url])
    assert result.exit_code != 0 and "itself" in result.output
