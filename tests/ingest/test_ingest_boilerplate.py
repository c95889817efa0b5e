"""Boilerplate removal on plain-text web copies (texts written for these tests)."""

from __future__ import annotations

from eventwire.ingest import article_from_text, strip_boilerplate
from eventwire.ingest.boilerplate import looks_like_headline

WEB_COPY = """Rockets fall on northern town as talks stall

AMMAN, Jordan — Several rockets struck the town of Qamishli in northeastern Syria on Monday, \
wounding three civilians, local officials said.

Residents queue for bread outside a bakery in Qamishli, Syria, on Sunday, May 5, 2024. \
(AP Photo/Sami Example)

Share this article

Ministers meet in Geneva to revive stalled ceasefire plan

The officials said the rockets were fired from the south and landed near a market.

Omar Test reported from Amman. Associated Press writer Lina Example in Beirut contributed \
to this report.

Jane Sample

Jane Sample is a Newsdeskdaily world news reporter based in Ireland. She covers conflict \
and migration. You can get in touch with her by email.

Related Articles

Back to top button"""


def test_web_copy_is_cleaned() -> None:
    result = strip_boilerplate(WEB_COPY)
    assert result.removed == [
        "(AP Photo/Sami Example)",
        "Share this article",
        "Related Articles",
        "Back to top button",
        "Jane Sample",
        "Jane Sample is a Newsdeskdaily world news reporter based in Ireland. She covers "
        "conflict and migration. You can get in touch with her by email.",
        "Ministers meet in Geneva to revive stalled ceasefire plan",
    ]
    assert result.bio_name == "Jane Sample"
    # The story's own headline, the factual caption and the wire sign-off stay.
    assert result.text.startswith("Rockets fall on northern town as talks stall\n\nAMMAN")
    assert "on Sunday, May 5, 2024.\n\n" in result.text
    assert result.text.endswith("Lina Example in Beirut contributed to this report.")


def test_article_records_removed_lines_and_byline_from_bio() -> None:
    article = article_from_text(WEB_COPY)
    assert article.byline == "Jane Sample"
    assert "Related Articles" in article.metadata["boilerplate"]
    assert article.title == "Rockets fall on northern town as talks stall"
    assert "Back to top" not in article.text


def test_known_byline_is_not_replaced_by_bio() -> None:
    assert article_from_text(WEB_COPY, byline="Omar Test").byline == "Omar Test"


def test_clean_false_keeps_everything() -> None:
    article = article_from_text(WEB_COPY, clean=False)
    assert "Related Articles" in article.text and "boilerplate" not in article.metadata


def test_hard_wrapped_paragraph_lines_are_not_headlines() -> None:
    text = (
        "Troops clashed with rebels near the town of Rutshuru on Sunday and\n"
        "Fighting continued into the night around the camp\n"
        "according to two residents.\n\nThe army said it held the road."
    )
    assert strip_boilerplate(text).text == text


def test_lines_joined_without_blank_lines_are_cleaned_too() -> None:
    text = (
        "Police fired tear gas at marchers in Nairobi.\nRelated Articles\nThey had gathered early."
    )
    result = strip_boilerplate(text)
    assert result.text == "Police fired tear gas at marchers in Nairobi.\nThey had gathered early."


def test_quote_paragraph_is_not_a_headline() -> None:
    assert not looks_like_headline("“We will not leave,” said one protester.")
    assert not looks_like_headline("“We will not leave our homes”")  # opens with a quote mark
    assert looks_like_headline("Protesters vow to stay in square despite curfew")


def test_hard_wrapped_text_without_blank_lines_keeps_every_line() -> None:
    text = (
        "Police said the blast in Kayseri struck a bus carrying off-duty soldiers on\n"
        "Saturday morning.\n"
        "Officials said the attacker had parked a car packed with explosives near the\n"
        "University Of Erciyes Campus And Detonated It\n"
        "As the bus passed. Thirteen soldiers were killed.\n"
    ).strip()
    assert strip_boilerplate(text).text == text


def test_caption_with_source_credit_keeps_caption() -> None:
    text = (
        "Shelling hit Kupiansk.\n\nSmoke rises over the town centre (Source: Test Agency)\n\nMore."
    )
    result = strip_boilerplate(text)
    assert result.removed == ["(Source: Test Agency)"]
    assert "Smoke rises over the town centre\n\nMore." in result.text


def test_story_sentence_naming_a_journalist_is_not_a_bio() -> None:
    text = (
        "Gunmen seized a reporter in Gao.\n\n"
        "Ali Test is a freelance journalist based in Bamako who covers the Sahel.\n\n"
        "His family said he was taken on Monday and has not been heard from since."
    )
    result = strip_boilerplate(text)
    assert result.text == text and result.bio_name is None
