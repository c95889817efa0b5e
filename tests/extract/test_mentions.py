"""Behaviour of the rule-based extractor on sentences we wrote."""

import pytest

from eventwire.extract.arguments import arguments_for_trigger
from eventwire.extract.mentions import extract_mentions
from eventwire.extract.quantities import number_value
from eventwire.model import Article, Span
from eventwire.nlp import parse


def mentions(text):
    return extract_mentions(parse(text), Article(id="t", text=text))


@pytest.mark.parametrize(
    "text, kind, label, modality",
    [
        ("Gunmen killed four villagers in Kaduna on Sunday.", "event", "Attack", "occurred"),
        ("Two drones struck a base near Erbil on Monday.", "event", "Air/drone strike",
         "occurred"),
        ("Artillery shelled the town of Vovchansk overnight.", "event",
         "Shelling/artillery/missile attack", "occurred"),
        ("A roadside bomb exploded near a convoy in Kismayo.", "event",
         "Remote explosive/landmine/IED", "occurred"),
        ("Thousands of students held a rally in Bogota on Friday.", "event", "Peaceful protest",
         "occurred"),
        ("Police arrested twelve activists in Yangon.", "event", "Arrests", "occurred"),
        ("The militia threatened to attack the airport.", "statement", "threat", "threatened"),
        ("The group claimed responsibility for the bombing.", "statement", "claim", "claimed"),
        ("The army denied that it had shelled the market.", "statement", "denial", "denied"),
    ],
)
def test_first_mention_kind_type_and_modality(text, kind, label, modality):
    found = [m for m in mentions(text) if m.kind == kind]
    assert found, f"no {kind} in {text!r}"
    m = found[0]
    assert (m.statement_type if kind == "statement" else m.sub_event_type) == label
    assert m.modality == modality


@pytest.mark.parametrize(
    "text",
    [
        "The truce could collapse if militants attack the border town.",
        "Officials said the rebels did not attack the convoy.",
        "The commander said his fighters were ready to attack the base.",
    ],
)
def test_no_occurred_event_from_hypotheticals_negations_and_plans(text):
    assert not [m for m in mentions(text) if m.kind == "event" and m.modality == "occurred"]


@pytest.mark.parametrize(
    "text",
    [
        "No group claimed the ambush on the convoy.",
        "Nobody has claimed responsibility for the bombing of the market.",
        "There was no claim of responsibility for the bombing of the market.",
        "The army did not deny the killings in the village.",
    ],
)
def test_a_claim_or_denial_nobody_made_is_no_statement_and_the_event_stands(text):
    found = mentions(text)
    assert not [m for m in found if m.kind == "statement"]
    assert [m for m in found if m.kind == "event" and m.modality == "occurred"]


def test_reported_speech_keeps_speaker_out_of_the_attack():
    text = "Police said gunmen attacked a checkpoint in Kirkuk."
    event = next(m for m in mentions(text) if m.kind == "event")
    roles = {a.role: a.span.text for a in event.arguments}
    assert roles["actor"] == "gunmen"
    assert roles["target"] == "a checkpoint"
    assert event.speaker is not None and event.speaker.text == "Police"


def test_arguments_of_a_given_trigger():
    text = "Gunmen attacked a police checkpoint in Kirkuk on Monday."
    doc = parse(text)
    args = arguments_for_trigger(doc, Span(7, 15, "attacked"))
    assert [(a.role, a.span.text) for a in args] == [
        ("actor", "Gunmen"), ("target", "a police checkpoint"), ("place", "Kirkuk"),
        ("time", "Monday")]


def test_two_events_in_one_sentence_are_kept_apart():
    text = "Two drones targeted a base in Anbar and one drone targeted a base near Erbil."
    events = [m for m in mentions(text) if m.kind == "event"]
    assert len(events) == 2
    assert [q.count for m in events for q in m.quantities] == [2, 1]


def test_fatalities_take_the_conservative_figure_and_injuries_stay_apart():
    text = "The blast killed hundreds of people and wounded 40 others in Gaza City."
    event = next(m for m in mentions(text) if m.kind == "event")
    assert (event.fatalities.best, event.fatalities.low) == (100, 100)
    assert event.injuries == 40


@pytest.mark.parametrize(
    "words, value",
    [("three", (3, 3, 3)), ("twenty-five", (25, 25, 25)), ("1,200", (1200, 1200, 1200)),
     ("dozens", (12, 12, 99)), ("a dozen", (12, 12, 12)), ("two dozen", (24, 24, 24)),
     ("hundreds", (100, 100, 999)), ("several", (3, 3, 9))],
)
def test_number_words(words, value):
    assert number_value(words) == value


@pytest.mark.parametrize(
    "text, label",
    [
        ("Shopkeepers in the capital held a general strike on Monday.", "Peaceful protest"),
        ("Gunmen seized more than 100 pupils from a school in Kuriga.",
         "Abduction/forced disappearance"),
        ("Rebels seized the town of Kidal after a day of fighting.",
         "Non-state actor overtakes territory"),
    ],
)
def test_strikes_of_workers_and_seized_people_are_typed_for_what_they_are(text, label):
    assert mentions(text)[0].sub_event_type == label


def test_warning_shots_are_no_attack():
    text = "Soldiers fired into the air as the crowd gathered outside the barracks."
    assert not [m for m in mentions(text) if m.kind == "event" and m.modality == "occurred"]


@pytest.mark.parametrize(
    "text",
    [
        "Under the deal, the rebels will suspend kidnappings for ransom.",
        "The two sides agreed to halt attacks on civilians.",
    ],
)
def test_a_halt_to_violence_is_no_violence(text):
    assert not [m for m in mentions(text) if m.kind == "event" and m.modality == "occurred"]


def test_the_parties_to_a_truce_are_those_who_agreed_to_it():
    text = "The government and the rebel front agreed on Monday to extend their ceasefire."
    truce = next(m for m in mentions(text) if m.sub_event_type == "Agreement")
    assert [a.span.text for a in truce.arguments if a.role == "actor"] == [
        "The government", "the rebel front"]


@pytest.mark.parametrize(
    "text",
    [
        "Elders blame the militia, an armed group that swore loyalty to al-Qaeda, for the "
        "killings near the well on Friday.",
        "Militants carried out the killings in the valley on Friday night, officials said.",
        "Witnesses blamed fighters of the Front for the killing near the market.",
    ],
)
def test_a_killing_with_no_armed_side_as_its_target_is_an_attack_not_a_clash(text):
    found = [m for m in mentions(text) if m.kind == "event"]
    assert [m.sub_event_type for m in found] == ["Attack"]


@pytest.mark.parametrize(
    "text",
    [
        "Both factions committed to stop attacks on hospitals and markets, according to the "
        "agreement text.",
        "A commander of the militia said his fighters are committed to any truce that protects "
        "the civilians of our region.",
        "The rebels vowed to halt raids on farmers, the spokesman said.",
    ],
)
def test_a_pledge_to_halt_violence_or_keep_a_truce_is_no_threat(text):
    said = [m for m in mentions(text) if m.kind == "statement"]
    assert all(m.statement_type != "threat" for m in said)
    # the civilians the halted violence would have hit are not the statement's target
    assert not [a for m in said for a in m.arguments if a.role in ("target", "victim")]


def test_a_plan_to_attack_in_a_speakers_words_is_still_a_threat():
    said = [m for m in mentions("The militia leader said his men were ready to attack the "
                                "airport.") if m.kind == "statement"]
    assert [m.statement_type for m in said] == ["threat"]
