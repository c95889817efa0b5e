"""Resolving actor mentions in context (reports below are written by us)."""

from __future__ import annotations

import pytest

from eventwire.resolve.actors import ActorResolver

REPORT = (
    "Drones struck two bases used by U.S. forces in western and northern Iraq on Wednesday, "
    "U.S. Central Command said. The Islamic Resistance in Iraq, an umbrella group of "
    "Iranian-backed militias, claimed the first attack. Kataib Sayf al-Haq, one of the "
    "Iran-backed militias that make up the larger group, claimed the second. Kataib Hezbollah "
    "later threatened more strikes; the group also blamed Washington for the war. Hamas said "
    "an Israeli airstrike hit the hospital, while Israel blamed a misfire by Palestinian "
    "militants. Iraqis rallied in Baghdad in support of the Palestinians."
)


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver()


@pytest.fixture(scope="module")
def article(resolver):
    return resolver.for_article(REPORT)


def _sentence(text: str, mention: str) -> str:
    return next(s for s in text.split(". ") if mention in s)


def test_country_focus_is_read_from_the_text(article):
    assert article.focus == "IQ"


@pytest.mark.parametrize(
    "mention,expected",
    [
        ("U.S. forces", "mil-US"),
        ("U.S. Central Command", "mil-US"),
        ("The Islamic Resistance in Iraq", "islamic-resistance-in-iraq"),
        ("Iran-backed militias in Iraq", "islamic-resistance-in-iraq"),
        ("Kataib Hezbollah", "kataib-hezbollah"),
        ("Hamas", "hamas"),
        ("an Israeli airstrike", "mil-IL"),
        ("Israel", "gov-IL"),
        ("Palestinian militants", "generic:armed-group:PS"),
        ("Iraqis", "generic:protesters:IQ"),
    ],
)
def test_mentions_in_the_report(article, mention, expected):
    actor = article.resolve(mention, _sentence(REPORT, mention.split()[-1]))
    assert actor is not None and actor.id == expected


def test_stated_membership_makes_an_unverified_group_with_its_parent(article):
    actor = article.resolve("Kataib Sayf al-Haq")
    assert (actor.verified, actor.kind, actor.parents) == (
        False, "political militia", ("islamic-resistance-in-iraq",))
    assert [a.id for a in article.associated(actor)] == ["islamic-resistance-in-iraq"]


def test_the_group_refers_back_to_the_last_named_group(article):
    sentence = "Kataib Hezbollah later threatened more strikes; the group also blamed Washington"
    assert article.resolve("the group", sentence).id == "kataib-hezbollah"


def test_associated_actors_are_the_registry_parents(article):
    kh = article.resolve("Kataib Hezbollah")
    assert [a.name for a in article.associated(kh)] == ["Islamic Resistance in Iraq"]


def test_unverified_names_are_listed_with_their_sentence(article):
    names = {actor.name: sentence for actor, sentence in article.unverified()}
    assert "Kataib Sayf al-Haq" in names
    assert names["Kataib Sayf al-Haq"].startswith("Kataib Sayf al-Haq, one of")


@pytest.mark.parametrize(
    "text,mention,expected_id,expected_kind",
    [
        ("Gunmen killed four villagers in Kaduna, Nigeria.", "Gunmen",
         "generic:armed-group:NG", "political militia"),
        ("Gunmen killed four villagers in Kaduna, Nigeria.", "four villagers",
         "generic:civilians:NG", "civilians"),
        ("Students marched in Belgrade, Serbia to protest against the government.", "Students",
         "generic:protesters:RS", "protesters"),
        ("Angry youths stormed a police station in Kisumu, Kenya and set it on fire.",
         "Angry youths", "generic:rioters:KE", "rioters"),
        ("Riot police in Tbilisi fired water cannon at the crowd.", "Riot police", "pol-GE",
         "state forces"),
        ("Iran-backed militias in Syria shelled a base.", "Iran-backed militias in Syria",
         "generic:pro-iran-militia:SY", "political militia"),
        ("The ISIL affiliate in Mozambique raided a village.", "The ISIL affiliate in Mozambique",
         "is-mozambique", "rebel group"),
        ("Islamic Jihad's armed wing fired rockets from Gaza.", "Islamic Jihad's armed wing",
         "al-quds-brigades", "rebel group"),
        ("Forces loyal to Khalifa Haftar shelled the airport in Tripoli, Libya.",
         "Forces loyal to Khalifa Haftar", "lna", "rebel group"),
        ("Dissidents of the former FARC attacked a patrol in Cauca, Colombia.",
         "Dissidents of the former FARC", "farc-dissidents", "rebel group"),
        ("SNA troops pushed al-Shabaab out of a town near Mogadishu.", "SNA troops", "mil-SO",
         "state forces"),
        ("The SNA shelled Kurdish positions near Manbij in Syria.", "The SNA", "sna",
         "political militia"),
        ("Coalition aircraft bombed Saada in Yemen.", "Coalition aircraft", "saudi-led-coalition",
         "external/other"),
        ("A KH commander was killed in Baghdad.", "A KH commander", "kataib-hezbollah",
         "political militia"),
        ("Paramilitary fighters shelled El Fasher, the Sudanese army said.",
         "Paramilitary fighters", "rsf", "rebel group"),
    ],
)
def test_context_decides(resolver, text, mention, expected_id, expected_kind):
    actor = resolver.for_article(text).resolve(mention, text)
    assert actor is not None
    assert (actor.id, actor.kind) == (expected_id, expected_kind)


def test_given_country_focus_wins_over_guessing(resolver):
    article = resolver.for_article("Soldiers opened fire on a crowd.", country_focus="ML")
    assert article.resolve("Soldiers").id == "mil-ML"


def test_unknown_group_names_are_kept_unverified_with_a_guessed_kind(resolver):
    text = ("A new armed movement, the Front for the Liberation of Lake Chad, attacked a town "
            "in Chad.")
    actor = resolver.for_article(text).resolve("the Front for the Liberation of Lake Chad", text)
    assert actor.verified is False
    assert (actor.kind, actor.country) == ("rebel group", "TD")
    assert actor.id.startswith("unverified:")


@pytest.mark.parametrize("mention", ["a hospital", "the al-Asad military base", "Tuesday",
                                     "Lahib Higel", "International Crisis Group", ""])
def test_things_that_are_not_actors_give_none(resolver, mention):
    assert resolver.for_article("A drone hit a hospital in Iraq.").resolve(mention) is None


@pytest.mark.parametrize(
    "text,mention,expected",
    [
        ("Gangs burned a police station in Port-au-Prince, Haiti.", "Port-au-Prince", None),
        ("Missiles hit Kyiv overnight, Ukraine said.", "Kyiv", None),
        ("Moscow denied targeting civilians in Ukraine.", "Moscow", "gov-RU"),
        ("Israel struck Gaza overnight.", "Israel", "mil-IL"),
        ("A drone struck his car in Baghdad, Iraq.", "his car", None),
        ("Jihadists attacked a gendarmerie post in Mali.", "a gendarmerie post", "pol-ML"),
        ("HTS shelled government positions near Idlib, Syria.", "government positions", "mil-SY"),
        ("Near Tulkarm in the West Bank, troops shot a gunman.", "troops", "mil-IL"),
        ("Two drones struck a base in Iraq.", "Two drones", None),
    ],
)
def test_places_weapons_and_possessions_are_not_actors(resolver, text, mention, expected):
    actor = resolver.for_article(text).resolve(mention, text)
    assert (actor.id if actor else None) == expected


def test_a_country_named_in_the_text_outweighs_a_wrong_given_focus(resolver):
    text = "Gunmen shot dead an activist in Amara, in southern Iraq."
    assert resolver.for_article(text, country_focus="ET").focus == "IQ"


def test_affiliations_dated_after_the_report_are_not_associated(resolver):
    from datetime import date

    text = "Kataib Hezbollah fired rockets at a base in Iraq."
    before = resolver.for_article(text, published=date(2020, 3, 11))
    after = resolver.for_article(text, published=date(2024, 1, 28))
    kh = before.resolve("Kataib Hezbollah")
    assert before.associated(kh) == []
    assert [a.id for a in after.associated(kh)] == ["islamic-resistance-in-iraq"]


def test_a_descriptive_phrase_before_a_new_name_is_that_group(resolver):
    text = ("A little-known group calling itself Liwa al-Nasr al-Akhir claimed a bomb attack on a "
            "convoy in southern Iraq.")
    actor = resolver.for_article(text).resolve("A little-known group", text)
    assert (actor.name, actor.verified) == ("Liwa al-Nasr al-Akhir", False)


@pytest.mark.parametrize(
    "text,mention,expected",
    [
        ("Brigade General Hector Ramos of the army spoke in Caracas, Venezuela.",
         "Brigade General Hector Ramos", None),
        ("Russia left the Intermediate-range Nuclear Forces Treaty.",
         "Intermediate-range Nuclear Forces Treaty", None),
        ("The Soviet Union collapsed in 1991.", "The Soviet Union", None),
        ("The Bolivarian National Armed Forces deployed in Caracas, Venezuela.",
         "The Bolivarian National Armed Forces", "mil-VE"),
    ],
)
def test_people_things_and_state_bodies_are_not_new_groups(resolver, text, mention, expected):
    actor = resolver.for_article(text).resolve(mention, text)
    assert (actor.id if actor else None) == expected


@pytest.mark.parametrize(
    "text,mention,expected",
    [
        ("Boko Haram killed nine farmers in Borno, Nigeria.", "nine farmers",
         ["Farmers (Nigeria)"]),
        ("A bomb killed dozens of worshippers at a Shia mosque in Kunduz, Afghanistan.",
         "dozens of worshippers", ["Shia Muslim Group (Afghanistan)"]),
        ("Gunmen killed three Yazidi farmers in Sinjar, Iraq.", "three Yazidi farmers",
         ["Farmers (Iraq)", "Yazidi Ethnic Group (Iraq)"]),
        ("Kurdish security forces in Erbil, Iraq arrested a man.", "a man", []),
    ],
)
def test_the_community_of_generic_actors_is_associated(resolver, text, mention, expected):
    article = resolver.for_article(text)
    actor = article.resolve(mention, text)
    assert [a.name for a in article.associated(actor)] == expected
