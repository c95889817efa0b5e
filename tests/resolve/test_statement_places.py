"""Where a statement is placed: where it is made, not where what it speaks of would be."""

from eventwire.pipeline import extract


def test_a_threat_is_placed_where_it_is_made_not_where_it_would_strike() -> None:
    text = ("MOGADISHU, Somalia — The commander of al-Shabaab threatened on Sunday to attack "
            "any ship carrying weapons for the government, including vessels in the Indian "
            "Ocean.\n\nThe group's fighters control much of southern Somalia.")
    threats = [s for s in extract(text, published="2024-03-04")["statements"]
               if s["statement_type"] == "threat"]
    assert threats, "no threat found"
    assert all(s["location"] is not None and s["location"]["country"] == "SO" for s in threats)
