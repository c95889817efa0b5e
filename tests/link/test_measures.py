import pytest

from eventwire.link.measures import measures, measures_conflict, stated_measures
from eventwire.nlp import load_nlp


def _stated(text):
    return stated_measures(load_nlp()(text).sents)


@pytest.mark.parametrize("text, values", [
    ("A magnitude 5.4 earthquake struck the island.", [5.4]),
    ("A 6.2-magnitude earthquake struck the island.", [6.2]),
    ("State television said a magnitude-5.2 quake hit the coast.", [5.2]),
    ("The tremor measured 6.1 on the Richter scale.", [6.1]),
    ("Early on Sunday a 5.6 quake jolted the island.", [5.6]),
    ("The quake killed 6 people and injured 40 in two villages.", []),
    ("The island, 5.5 km long, was evacuated after the quake.", []),
])
def test_stated_magnitudes(text, values):
    assert _stated(text).get("magnitude", []) == values


def test_tolls_and_counts_are_no_measurement():
    kinds = {m.kind for m in measures()}
    assert "magnitude" in kinds
    assert not kinds & {"fatalities", "deaths", "toll", "injured"}


@pytest.mark.parametrize("a, b, conflict", [
    ([5.6], [5.9, 6.1], True),   # another quake
    ([6.1], [5.4], True),
    ([5.9], [6.1], False),       # two agencies, one quake
    ([5.4, 5.2], [5.6], False),  # any pair within the tolerance is enough
    ([5.6], [], False),          # nothing stated on one side: no evidence
])
def test_magnitudes_further_apart_than_the_tolerance_conflict(a, b, conflict):
    assert measures_conflict({"magnitude": a}, {"magnitude": b}) is conflict
