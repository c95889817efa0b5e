import pytest

from eventwire.link.provenance import agency_named, byline_conflict, source_for, wire_source
from eventwire.model import Article

BODY = "Two drones struck a base near Qasr Tamir on Tuesday, officials said.\n\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (BODY + "Associated Press writers Ann Lee in Baghdad and Bo Kim contributed.", "AP"),
        (BODY + "Hale reported from Washington. Associated Press writer Ann Lee contributed "
         "to this report.", "AP"),
        ("ERBIL, Iraq (AP) — " + BODY, "AP"),
        ("BAGHDAD (Reuters) - " + BODY, "Reuters"),
        (BODY + "Reporting by Ann Lee; Editing by Bo Kim", "Reuters"),
        (BODY + "— AFP", "AFP"),
        (BODY + "The mayor said AFP had reported the blast first.", None),
        (BODY, None),
    ],
)
def test_wire_source_from_signoffs_and_datelines(text, expected):
    assert wire_source(Article(id="x", text=text)) == expected


def test_wire_photo_credit_alone_is_not_a_wire_story():
    text = BODY + "(AP Photo/Ann Lee)\n\nThe council met on Monday to discuss the base."
    assert wire_source(Article(id="x", text=text)) is None


def test_outlet_or_byline_naming_an_agency_counts():
    assert wire_source(Article(id="x", text=BODY, outlet="Reuters")) == "Reuters"
    assert wire_source(Article(id="x", text=BODY, byline="By The Associated Press")) == "AP"


def test_agency_named_matches_whole_words_only():
    assert agency_named("Jane Roe, Associated Press") == "AP"
    assert agency_named("Agence France-Presse") == "AFP"
    assert agency_named("Apollo Daily") is None


SIGNED = BODY + "Hale reported from Washington. Associated Press writer Ann Lee contributed."


@pytest.mark.parametrize(
    ("byline", "outlet", "conflict"),
    [
        ("Laura Finch", "Daily Horizon Times", True),  # site reporter over a wire story
        ("Ann Lee", "Daily Horizon Times", False),  # a writer the credits name
        ("By Tom Hale and Ann Lee", None, False),
        ("Associated Press", "Riverside Courier", False),
        ("Rami Jaber", "Associated Press", False),  # the agency's own site
        (None, "Riverside Courier", False),  # nothing to contradict
    ],
)
def test_byline_conflict(byline, outlet, conflict):
    article = Article(id="x", text=SIGNED, byline=byline, outlet=outlet)
    assert byline_conflict(article) is conflict


def test_byline_from_metadata_author():
    article = Article(id="x", text=SIGNED, metadata={"author": ["Laura Finch"]})
    assert byline_conflict(article) is True


def test_no_conflict_without_a_wire_signoff():
    assert byline_conflict(Article(id="x", text=BODY, byline="Laura Finch")) is False


def test_source_for_marks_copies_dependent():
    article = Article(id="b", text=SIGNED, outlet="Daily Horizon Times")
    original = source_for(article)
    copy = source_for(article, copy_of="a")
    assert (original.independent, original.copy_of, original.wire_source) == (True, None, "AP")
    assert (copy.independent, copy.copy_of) == (False, "a")


def test_signoff_set_aside_by_ingest_still_counts():
    article = Article(id="x", text=BODY, byline="Jonas Pike",
                      metadata={"boilerplate": ["Reporting by Paul Oren; Editing by Clara Mendes"]})
    assert wire_source(article) == "Reuters"
    assert byline_conflict(article) is True
