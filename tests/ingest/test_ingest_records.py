"""JSONL, JSON and CSV inputs: one Article per record, per-record metadata wins."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from eventwire.ingest import IngestError, read_inputs
from eventwire.model import Article


def test_jsonl_records(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    rows = [
        {
            "text": "A drone struck a depot in Kharkiv overnight.",
            "title": "Depot hit",
            "url": "https://news.invalid/1",
            "published": "2024-03-02T06:10:00+02:00",
            "outlet": "Wire One",
            "author": "Oleh K.",
        },
        {"text": "Shelling hit Kupiansk on Friday."},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    first, second = read_inputs([str(path)], published=date(2024, 3, 9), outlet="Default")
    assert (first.title, first.url, first.outlet, first.byline) == (
        "Depot hit",
        "https://news.invalid/1",
        "Wire One",
        "Oleh K.",
    )
    assert first.published_at == date(2024, 3, 2)  # the row's date beats the CLI default
    assert second.published_at == date(2024, 3, 9)
    assert second.outlet == "Default"
    assert first.origin == f"{path}#line1" and second.origin == f"{path}#line2"


def test_json_array(tmp_path: Path) -> None:
    path = tmp_path / "batch.json"
    path.write_text(json.dumps([{"text": "Riot in Karachi."}, 3]), encoding="utf-8")
    article, error = read_inputs([str(path)])
    assert isinstance(article, Article) and article.text == "Riot in Karachi."
    assert str(error) == f"{path}: item 2: expected a JSON object, got int"


def test_csv_rows(tmp_path: Path) -> None:
    path = tmp_path / "batch.csv"
    path.write_text(
        "Title,Text,URL,Published,Outlet\n"
        'Clash in Gao,"Soldiers clashed with rebels near Gao.\n\nTwo died.",'
        "https://news.invalid/2,2024-02-11,Sahel Desk\n"
        ",,,,\n"
        "Protest,Students marched in Dakar.,,11 February 2024,\n",
        encoding="utf-8",
    )
    first, second = read_inputs([str(path)])
    assert first.title == "Clash in Gao"
    assert first.text == "Soldiers clashed with rebels near Gao.\n\nTwo died."
    assert first.published_at == date(2024, 2, 11) == second.published_at
    assert first.outlet == "Sahel Desk" and second.outlet is None


def test_csv_bad_date_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "batch.csv"
    path.write_text("text,published\nRiot in Lahore.,soon\nRiot in Multan.,2024-01-01\n")
    error, article = read_inputs([str(path)])
    assert isinstance(error, IngestError)
    assert error.problem == "line 2: published 'soon' is not a date (expected e.g. 2024-03-02)"
    assert isinstance(article, Article)


def test_jsonl_with_html_text_and_author_list(tmp_path: Path) -> None:
    path = tmp_path / "scraped.jsonl"
    record = {
        "content": "<p>Police fired tear gas in Nairobi.</p><p>Eight were held.</p>",
        "author": ["A. Test", "B. Sample"],
        "link": "https://news.invalid/3",
        "lang": "en-KE",
    }
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    [article] = read_inputs([str(path)])
    assert article.text == "Police fired tear gas in Nairobi.\n\nEight were held."
    assert article.byline == "A. Test, B. Sample"
    assert article.url == "https://news.invalid/3" and article.language == "en"
