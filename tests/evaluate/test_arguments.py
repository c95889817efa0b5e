"""Scoring argument extraction on WikiEvents-style documents, by argument heads."""

import json

import pytest

from eventwire.evaluate import arguments as ev
from eventwire.model import Argument, Span
from eventwire.nlp import load_nlp

# One document of our own in the WikiEvents shape: token offsets, entities, one event.
WORDS = ["Rebels", "attacked", "the", "police", "station", "in", "Goma", "."]


def _doc_json() -> dict:
    offsets, pos = [], 0
    for w in WORDS:
        offsets.append([w, pos, pos + len(w)])
        pos += len(w) + 1
    return {
        "doc_id": "toy-1",
        "text": " ".join(WORDS),
        "sentences": [[offsets, " ".join(WORDS)]],
        "entity_mentions": [
            {"id": "E1", "start": 0, "end": 1, "text": "Rebels"},
            {"id": "E2", "start": 2, "end": 5, "text": "the police station"},
            {"id": "E3", "start": 6, "end": 7, "text": "Goma"},
        ],
        "event_mentions": [
            {
                "id": "V1",
                "event_type": "Conflict.Attack.Unspecified",
                "trigger": {"start": 1, "end": 2, "text": "attacked"},
                "arguments": [
                    {"entity_id": "E1", "role": "Attacker", "text": "Rebels"},
                    {"entity_id": "E2", "role": "Target", "text": "the police station"},
                    {"entity_id": "E3", "role": "Place", "text": "Goma"},
                ],
            },
            {
                "id": "V2",
                "event_type": "Contact.Contact.Unspecified",
                "trigger": {"start": 1, "end": 2, "text": "attacked"},
                "arguments": [],
            },
        ],
    }


@pytest.fixture
def docs(tmp_path):
    path = tmp_path / "toy.jsonl"
    path.write_text(json.dumps(_doc_json()) + "\n", encoding="utf-8")
    return ev.read_wikievents(path)


def test_reader_finds_trigger_and_gold_spans(docs):
    (doc,) = docs
    event = doc.events[0]
    assert event.trigger.text == "attacked"
    assert [(a.role, a.text) for a in event.args] == [
        ("Attacker", "Rebels"), ("Target", "the police station"), ("Place", "Goma"),
    ]  # fmt: skip


def test_role_map_prefers_the_most_specific_type():
    assert ev.kairos_role("Conflict.Attack.Unspecified", "instrument") == "Instrument"
    assert ev.kairos_role("Conflict.Attack.DetonateExplode", "instrument") == "ExplosiveDevice"
    assert ev.kairos_role("Life.Die.Unspecified", "victim") == "Victim"
    assert ev.kairos_role("Life.Die.Unspecified", "time") is None
    assert not ev.is_scored("Contact.Contact.Unspecified")


def _arg(text: str, role: str, sentence: str) -> Argument:
    start = sentence.index(text)
    return Argument(role=role, span=Span(start, start + len(text), text))


def test_heads_match_even_when_spans_differ(docs):
    text = docs[0].text

    def toy(doc, trigger):
        return [
            _arg("Rebels", "actor", text),
            _arg("police station", "victim", text),  # head "station", KAIROS role Target
            _arg("Goma", "actor", text),  # right head, wrong role
        ]

    result = ev.evaluate_arguments(docs, toy, nlp=load_nlp())
    assert result["n_events"] == 1 and result["n_gold"] == 3 and result["n_pred"] == 3
    assert result["arg_i_f1"] == 1.0
    assert result["arg_c_p"] == result["arg_c_r"] == pytest.approx(2 / 3, abs=1e-3)


def test_unmapped_roles_are_not_counted(docs):
    text = docs[0].text
    result = ev.evaluate_arguments(
        docs, lambda doc, trig: [_arg("Goma", "time", text)], nlp=load_nlp()
    )
    assert result["n_pred"] == 0 and result["arg_c_f1"] == 0.0


def test_bad_line_is_named(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"doc_id": "x"}\n', encoding="utf-8")
    with pytest.raises(ev.EvalDataError, match="bad.jsonl, line 1: not a WikiEvents document"):
        ev.read_wikievents(path)


# One window of our own in the RAMS 1.0 shape: tokenised sentences, inclusive token spans
# numbered through the window, role names with their "evtNNNargNN" prefix.
RAMS_SENTENCES = [
    ["Militants", "stormed", "a", "village", "near", "Gao", "on", "Friday", "."],
    ["They", "did", "n't", "spare", "the", "mayor", "'s", "house", "(", "officials", ")", "."],
]


def _rams_json() -> dict:
    return {
        "doc_key": "toy-rams-1",
        "sentences": RAMS_SENTENCES,
        "evt_triggers": [[1, 1, [["conflict.attack.n/a", 1.0]]]],
        "gold_evt_links": [
            [[1, 1], [0, 0], "evt004arg01attacker"],
            [[1, 1], [2, 3], "evt004arg02target"],
            [[1, 1], [5, 5], "evt004arg04place"],
        ],
        "ent_spans": [],
    }


@pytest.fixture
def rams_path(tmp_path):
    path = tmp_path / "toy.jsonlines"
    path.write_text(json.dumps(_rams_json()) + "\n", encoding="utf-8")
    return path


def test_rams_reader_rebuilds_text_and_strips_role_prefixes(rams_path):
    docs, role_map = ev.read_gold(rams_path)
    (doc,) = docs
    assert doc.text.splitlines() == [
        "Militants stormed a village near Gao on Friday.",
        "They didn't spare the mayor's house (officials).",
    ]
    (event,) = doc.events
    assert event.event_type == "conflict.attack.n/a" and event.trigger.text == "stormed"
    assert [(a.role, a.text) for a in event.args] == [
        ("attacker", "Militants"), ("target", "a village"), ("place", "Gao"),
    ]  # fmt: skip
    assert ev.kairos_role(event.event_type, "victim", role_map) == "target"
    assert ev.kairos_role("life.die.deathcausedbyviolentevents", "actor", role_map) == "killer"
    assert not ev.is_scored("conflict.yield.surrender", role_map)


def test_rams_is_scored_with_its_own_role_map(rams_path):
    docs, role_map = ev.read_gold(rams_path)
    result = ev.evaluate_arguments(docs, nlp=load_nlp(), role_map=role_map)
    assert result["n_events"] == 1 and result["n_gold"] == 3
    assert result["by_role"]["attacker"] == {"gold": 1, "predicted": 1, "matched": 1}
    assert result["by_role"]["target"]["matched"] == 1


def test_wikievents_is_told_from_rams(docs, tmp_path):
    path = tmp_path / "toy.jsonl"
    path.write_text(json.dumps(_doc_json()) + "\n", encoding="utf-8")
    found, role_map = ev.read_gold(path)
    assert found[0].events[0].trigger.text == "attacked"
    assert role_map is ev.load_role_map()


def test_bad_rams_line_is_named(tmp_path):
    path = tmp_path / "bad.jsonlines"
    path.write_text('{"gold_evt_links": [], "doc_key": "x"}\n', encoding="utf-8")
    with pytest.raises(ev.EvalDataError, match="bad.jsonlines, line 1: not a RAMS document"):
        ev.read_gold(path)
