"""The ontology file and its loader."""

import pytest

from eventwire.extract import ontology
from eventwire.model import STATEMENT_TYPES


def test_has_six_event_types_and_25_sub_types():
    onto = ontology.load_ontology()
    assert len(onto.event_types) == 6
    assert len(ontology.codes()) == 25


@pytest.mark.parametrize(
    ("code", "name", "event_type"),
    [
        ("AIR_STRIKE", "Air/drone strike", "Explosions/Remote violence"),
        ("ARREST", "Arrests", "Strategic developments"),
        ("FORCE_AGAINST_PROTEST", "Excessive force against protesters", "Protests"),
        ("NON_STATE_ACTOR_OVERTAKES_TER", "Non-state actor overtakes territory", "Battles"),
    ],
)
def test_code_and_name_round_trip(code, name, event_type):
    sub = ontology.sub_event_by_code(code)
    assert (sub.name, sub.event_type) == (name, event_type)
    assert ontology.code_of(name) == code
    assert ontology.event_type_of(code) == event_type


def test_statement_types_match_the_model():
    assert ontology.statement_types() == STATEMENT_TYPES


def test_unknown_code_names_the_input():
    with pytest.raises(ontology.OntologyError, match="NOT_A_CODE"):
        ontology.sub_event_by_code("NOT_A_CODE")


def test_case_extra_codes_are_not_acled():
    assert not ontology.is_acled_code("DIPLO")
    assert "DIPLO" in ontology.load_ontology().uncoded_codes


def test_duplicate_codes_are_refused():
    raw = {
        "event_types": [
            {
                "name": "A",
                "sub_event_types": [{"code": "X", "name": "x"}, {"code": "X", "name": "y"}],
            }
        ]
    }
    with pytest.raises(ontology.OntologyError, match="duplicate sub-event codes: X"):
        ontology.parse_ontology(raw)
