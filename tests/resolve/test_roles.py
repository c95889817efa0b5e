"""Who acted and who was targeted, as an analyst reads the sentence (actor1 / actor2 and the
associated actors on each side)."""

import pytest

from eventwire.pipeline import extract


def _events(text: str) -> list[dict]:
    return extract(text, published="2024-03-01")["events"]


def _ids(actors: list[dict]) -> set[str]:
    return {a["id"] for a in actors}


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        # an instrument named with its owner, and "their" standing for the speaker
        ("The Sudanese Armed Forces said their aircraft struck RSF positions in Bahri.",
         "mil-SD", "rsf"),
        # the people a target held were targeted
        ("Kataib Sayf al-Haq claimed a drone attack on a base hosting U.S. troops in Erbil.",
         None, "mil-US"),
        # who lost the ground
        ("The Kachin Independence Army seized a jade mining town from the military, a KIA "
         "spokesman said.", "kia", "mil-MM"),
        # the harmed told in the clause the event explains
        ("Two Lebanese soldiers were wounded when an Israeli strike hit near their post in the "
         "south, the Lebanese army said.", "mil-IL", "mil-LB"),
    ],
)
def test_actor_and_target(text: str, actor1: str | None, actor2: str) -> None:
    event = _events(text)[0]
    if actor1 is not None:
        assert event["actor1"]["id"] == actor1
    assert event["actor2"]["id"] == actor2


def test_two_perpetrators_share_the_act() -> None:
    event = _events("Wagner Group mercenaries and Malian soldiers killed dozens of villagers in "
                    "Moura, a human rights group said.")[0]
    assert event["actor1"]["id"] == "wagner-group"
    assert "mil-ML" in _ids(event["assoc_actors"])
    assert event["actor2"]["id"] == "generic:civilians:ML"


def test_two_perpetrators_in_one_sentence_are_two_events() -> None:
    events = _events("Israeli warplanes hit targets in southern Lebanon on Saturday after "
                     "Hezbollah launched rockets at the Golan Heights, Israel's military said.")
    assert {e["actor1"]["id"] for e in events if e["actor1"]} == {"mil-IL", "hezbollah"}
    strike = next(e for e in events if e["actor1"] and e["actor1"]["id"] == "mil-IL")
    # the army telling of its own side's strike claims it; it does not blame anyone
    assert {c["stance"] for c in strike["claims"]} <= {"claimed", "confirmed"}


def test_victims_take_the_country_of_the_event() -> None:
    text = ("Iraqi militias fired drones at a base in Anbar on Tuesday. In Gaza, an explosion "
            "at a hospital killed hundreds of people, health officials said.")
    blast = next(e for e in _events(text) if e["location"] and e["location"]["country"] == "PS")
    assert blast["actor2"]["id"] == "generic:civilians:PS"


@pytest.mark.parametrize(
    ("text", "sub_event_type", "crowd", "force"),
    [
        ("Riot police in Tbilisi, Georgia used water cannon against pro-EU demonstrators "
         "outside parliament.", "Protest with intervention", "generic:protesters:GE", "pol-GE"),
        ("Sudanese protesters marched in Khartoum against the military takeover, and security "
         "forces fired tear gas at them.", "Protest with intervention", "generic:protesters:SD",
         "mil-SD"),
        ("Kenyan police fired live rounds at protesters in Nairobi who were marching against a "
         "new finance bill.", "Excessive force against protesters", "generic:protesters:KE",
         "pol-KE"),
    ],
)
def test_a_protest_met_by_force_is_one_event_coded_as_acled_does(
        text: str, sub_event_type: str, crowd: str, force: str) -> None:
    events = _events(text)
    assert [e["sub_event_type"] for e in events] == [sub_event_type]
    assert (events[0]["actor1"]["id"], events[0]["actor2"]["id"]) == (crowd, force)


def test_the_parties_to_an_agreement_are_its_two_actors() -> None:
    event = _events("Sudan's army and the paramilitary Rapid Support Forces agreed on Tuesday to "
                    "a seven-day ceasefire to ease the suffering of civilians in Khartoum.")[0]
    assert event["sub_event_type"] == "Agreement"
    assert (event["actor1"]["id"], event["actor2"]["id"]) == ("mil-SD", "rsf")


def test_the_agreement_signed_elsewhere_is_the_agreement_told_again() -> None:
    events = extract("JUBA, South Sudan — The army and the SPLM-IO rebels agreed on Monday to "
                     "a ten-day ceasefire to let food convoys reach Malakal, mediators said.\n\n"
                     "The two sides, which signed the agreement at talks in the Ethiopian "
                     "capital Addis Ababa, committed to withdraw fighters from schools.",
                     published="2024-03-05")["events"]
    agreements = [e for e in events if e["sub_event_type"] == "Agreement"]
    assert len(agreements) == 1
    assert agreements[0]["actor1"]["id"] == "mil-SS"
