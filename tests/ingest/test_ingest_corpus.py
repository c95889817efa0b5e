"""The sample reports under examples/ and the seed-like fixture read cleanly."""

from __future__ import annotations

import json
from pathlib import Path

from eventwire.ingest import IngestError, read_inputs
from eventwire.model import Article

ROOT = Path(__file__).resolve().parents[2]


def test_every_example_reads_with_date_outlet_and_title() -> None:
    items = list(read_inputs([str(ROOT / "examples")]))
    assert [str(i) for i in items if isinstance(i, IngestError)] == []
    articles = [i for i in items if isinstance(i, Article)]
    assert len(articles) >= 14
    assert len({a.id for a in articles}) == len(articles)
    formats = {a.metadata["format"] for a in articles}
    assert formats == {"text", "html", "jsonl", "csv", "feed"}
    for article in articles:
        assert article.published_at is not None, article.origin
        assert article.outlet and article.title, article.origin
        assert 110 <= len(article.text.split()) <= 400, article.origin


def test_seedlike_fixture_page_furniture(fixtures_dir: Path) -> None:
    expected = json.loads((fixtures_dir / "seedlike.expected.json").read_text("utf-8"))
    [article] = read_inputs([str(fixtures_dir / "seedlike.txt")])
    assert isinstance(article, Article)
    page = expected["page"]
    assert article.title == page["title"]
    assert article.byline == "Tom Fixture"
    removed = article.metadata["boilerplate"]
    for item in page["boilerplate"]:
        prefix = item.removesuffix("...").strip()
        assert any(r.startswith(prefix) for r in removed), item
        assert prefix not in article.text
    assert article.text.endswith(page["provenance"]["sign_off"])
    # The caption carries a dated protest: it stays, only its credit goes.
    assert "in Amman, Jordan, on Friday, Oct. 20, 2023." in article.text
