"""Plain text, front matter, headlines, normalisation, ids, defaults."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from eventwire.ingest import IngestError, article_from_text, read_inputs, split_front_matter
from eventwire.model import Article

REPORT = (
    "Title: Gunmen attack village\n"
    "Published: 2024-05-07\n"
    "Outlet: Test Wire\n"
    "URL: https://news.invalid/a1\n"
    "Byline: Ana Ruiz\n"
    "\n"
    "Gunmen attacked the village of Dansadau in Zamfara state on Monday, killing four people.\n"
    "\n"
    "Police said they were searching the forest nearby.\n"
)


def articles(items: list[Article | IngestError]) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def test_front_matter_fills_metadata(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_text(REPORT, encoding="utf-8")
    [article] = read_inputs([str(tmp_path / "r.txt")])
    assert isinstance(article, Article)
    assert article.title == "Gunmen attack village"
    assert article.published_at == date(2024, 5, 7)
    assert article.outlet == "Test Wire"
    assert article.url == "https://news.invalid/a1"
    assert article.byline == "Ana Ruiz"
    assert article.text.startswith("Gunmen attacked the village")
    assert "Title:" not in article.text
    assert article.origin == str(tmp_path / "r.txt")


def test_text_without_front_matter_is_kept_whole() -> None:
    fields, body = split_front_matter("Kabul: a blast hit a school.\n\nMore text.")
    assert fields == {}
    assert body.startswith("Kabul: a blast")


def test_cli_defaults_fill_only_what_is_missing(tmp_path: Path) -> None:
    (tmp_path / "dated.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "undated.txt").write_text("Rebels shelled Goma on Sunday.", encoding="utf-8")
    dated, undated = read_inputs([str(tmp_path)], published=date(2020, 1, 1), outlet="CLI")
    assert dated.published_at == date(2024, 5, 7)
    assert dated.outlet == "Test Wire"
    assert undated.published_at == date(2020, 1, 1)
    assert undated.outlet == "CLI"


def test_first_line_headline_becomes_title_and_stays_in_text() -> None:
    text = "Army retakes border town after week of fighting\n\nThe army said on Friday it had won."
    article = article_from_text(text)
    assert article.title == "Army retakes border town after week of fighting"
    assert article.text.startswith("Army retakes border town")


def test_first_line_sentence_is_not_a_title() -> None:
    assert article_from_text("The army said on Friday it had retaken the town.").title == ""


def test_normalisation_keeps_paragraphs() -> None:
    article = article_from_text("First\u00a0line  here.\r\n\r\n\r\n\r\nSecond\tline.  \n")
    assert article.text == "First line here.\n\nSecond line."


def test_same_text_same_id_and_hash() -> None:
    one = article_from_text("Protesters gathered in Bamako on Friday.", outlet="A")
    two = article_from_text("  Protesters gathered in Bamako on Friday.\r\n", outlet="B")
    assert one.id == two.id and one.content_hash == two.content_hash
    assert len(one.id) == 16 and one.content_hash.startswith(one.id)
    assert article_from_text("Protesters gathered in Mopti on Friday.").id != one.id


def test_bad_front_matter_date_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("Published: last week\n\nTroops clashed with rebels.", encoding="utf-8")
    [error] = read_inputs([str(path)])
    assert isinstance(error, IngestError)
    assert str(error) == f"{path}: published 'last week' is not a date (expected e.g. 2024-03-02)"


def test_utf8_bom_and_utf16_are_read(tmp_path: Path) -> None:
    (tmp_path / "bom.txt").write_bytes("\ufeffDrone hit Odesa port.".encode())
    (tmp_path / "u16.txt").write_bytes("Drone hit Odesa port.".encode("utf-16"))
    bom, u16 = read_inputs([str(tmp_path / "bom.txt"), str(tmp_path / "u16.txt")])
    assert bom.text == u16.text == "Drone hit Odesa port."


def test_stdin_plain_text() -> None:
    stream = io.BytesIO(b"Police arrested 30 students in Dhaka on Tuesday.")
    [article] = read_inputs(["-"], published=date(2024, 7, 16), stdin=stream)
    assert article.published_at == date(2024, 7, 16)
    assert article.origin == "<stdin>"


@pytest.mark.parametrize(
    ("payload", "fmt"),
    [
        (b'{"text": "Gunmen attacked a bus near Maiduguri."}\n', "jsonl"),
        (b"text,published\nGunmen attacked a bus near Maiduguri.,2024-01-02\n", "csv"),
        (
            b"<html><body><article><p>Gunmen attacked a bus near Maiduguri on the main "
            b"road, officials said, adding that the driver and two passengers were hurt."
            b"</p></article></body></html>",
            "html",
        ),
    ],
)
def test_stdin_format_is_sniffed(payload: bytes, fmt: str) -> None:
    [article] = read_inputs(["-"], stdin=io.BytesIO(payload))
    assert isinstance(article, Article)
    assert article.metadata["format"] == fmt
    assert "Maiduguri" in article.text


def test_folder_is_read_recursively_sorted_skipping_hidden(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Report B about Mosul.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Report A about Aleppo.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.md").write_text("Report C about Kherson.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden.", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "d.txt").write_text("Hidden too.", encoding="utf-8")
    (tmp_path / "README.md").write_text("What the files are.", encoding="utf-8")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    texts = [a.text for a in articles(list(read_inputs([str(tmp_path)])))]
    assert texts == ["Report A about Aleppo.", "Report B about Mosul.", "Report C about Kherson."]


def test_reading_twice_gives_identical_articles(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_text(REPORT, encoding="utf-8")
    first = list(read_inputs([str(tmp_path)]))
    second = list(read_inputs([str(tmp_path)]))
    assert [a.id for a in first] == [a.id for a in second]


def test_front_matter_with_windows_newlines_aliases_and_extra_keys(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(
        b"Headline: Riot in Beni\r\nDate: 9 September 2024\r\nAuthor: Jo Test\r\n"
        b"Region: North Kivu\r\n\r\nA crowd burned a police post in Beni.\r\n"
    )
    [article] = read_inputs([str(path)])
    assert (article.title, article.published_at, article.byline) == (
        "Riot in Beni",
        date(2024, 9, 9),
        "Jo Test",
    )
    assert article.metadata["front_matter"] == {"region": "North Kivu"}
    assert article.text == "A crowd burned a police post in Beni."
