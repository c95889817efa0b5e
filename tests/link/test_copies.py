import json
from datetime import date
from pathlib import Path

import pytest

from eventwire.link.copies import CopyIndex, is_copy
from eventwire.model import Article

FIXTURE = Path(__file__).with_name("copies.jsonl")


def _rows():
    return [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines()]


def _article(row):
    return Article(
        id=row["id"],
        text=row["text"],
        outlet=row["outlet"],
        byline=row["byline"],
        published_at=date.fromisoformat(row["published_at"]),
    )


ARTICLES = {row["id"]: _article(row) for row in _rows()}


def test_exact_and_syndicated_copies_are_found_without_embeddings():
    assert is_copy(ARTICLES["a2"], ARTICLES["a1"], use_embeddings=False).method == "shingles"
    same = Article(id="z", text=ARTICLES["a1"].text)
    assert is_copy(same, ARTICLES["a1"], use_embeddings=False).method == "exact"


@pytest.mark.parametrize(("copy", "original"), [("a3", "a1"), ("a6", "a4"), ("a10", "a9")])
def test_reworded_copies_are_found(copy, original):
    match = is_copy(ARTICLES[copy], ARTICLES[original])
    assert match is not None and match.method == "reworded"
    assert match.article_id == original


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("a4", "a1"),  # same incident, own reporting
        ("a5", "a4"),
        ("a7", "a4"),  # look-alike incident, same outlet and day
        ("a9", "a8"),  # same city, a week apart
        ("a11", "a8"),  # same shooting, another outlet's own story
    ],
)
def test_independent_reports_are_not_copies(a, b):
    assert is_copy(ARTICLES[a], ARTICLES[b]) is None


def test_index_points_copies_to_the_earliest_version():
    index = CopyIndex()
    for row in _rows():
        index.add(ARTICLES[row["id"]])
    assert index.find_original(ARTICLES["a3"]).article_id == "a1"
    assert index.find_original(ARTICLES["a6"]).article_id == "a4"
    assert index.find_original(ARTICLES["a1"]) is None
    assert index.find_original(ARTICLES["a5"]) is None
    assert index.copies_of("a1") == ["a2", "a3"]


def test_index_handles_reports_arriving_out_of_order():
    index = CopyIndex(use_embeddings=False)
    later = ARTICLES["a2"]
    earlier = Article(id="a0", text=later.text, published_at=date(2026, 3, 1))
    assert index.add(later) is None
    assert index.add(earlier) is None  # the older one is the original
    assert index.find_original(later).article_id == "a0"
    assert index.copies_of("a0") == ["a2"]


def test_adding_twice_is_harmless():
    index = CopyIndex(use_embeddings=False)
    index.add(ARTICLES["a1"])
    index.add(ARTICLES["a1"])
    assert len(index) == 1 and "a1" in index


def test_short_texts_are_not_called_reworded_copies():
    a = Article(id="a", text="Two drones hit a base on Tuesday near the town.")
    b = Article(id="b", text="A pair of drones struck a base on Tuesday close to the town.")
    assert is_copy(a, b) is None


def test_a_brief_retelling_is_not_a_copy_even_by_word_overlap():
    assert is_copy(ARTICLES["a5"], ARTICLES["a1"], use_embeddings=False) is None
