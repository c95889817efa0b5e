from datetime import date

import numpy as np

from eventwire.link.documents import (
    DocProfile,
    cluster,
    main_person,
    people_conflict,
    profile_from_doc,
    similarity,
    similarity_components,
)
from eventwire.link.measures import measures_conflict
from eventwire.model import Article, When
from eventwire.nlp import load_nlp


def _profile(doc_id, text, whens=()):
    return profile_from_doc(Article(id=doc_id, text=text), load_nlp()(text), whens)


def test_cluster_merges_by_average_similarity():
    sim = np.array([[1, 0.8, 0.7, 0.0], [0.8, 1, 0.6, 0.1], [0.7, 0.6, 1, 0.0], [0, 0.1, 0, 1]])
    assert cluster(sim, 0.5) == [0, 0, 0, 1]
    assert cluster(sim, 0.9) == [0, 1, 2, 3]


def test_cluster_of_one_document():
    assert cluster(np.array([[1.0]]), 0.5) == [0]


def test_profiles_keep_month_and_year_of_resolved_dates():
    may = When(date(2013, 5, 3), date(2013, 5, 3))
    vague = When(date(2008, 1, 1), date(2008, 12, 31), precision="year")
    profile = _profile("d", "A ferry sank off the coast.", [may, vague])
    assert profile.dates == {"2013", "2013-05", "2008"}


def test_similarity_prefers_shared_words_and_dates():
    may, june = When(date(2013, 5, 3), date(2013, 5, 3)), When(date(2014, 6, 9), date(2014, 6, 9))
    docs = [
        _profile("a", "A ferry carrying pilgrims sank near the island harbour", [may]),
        _profile("b", "The ferry with pilgrims sank close to the island harbour", [may]),
        _profile("c", "A cargo ship ran aground on a reef far from port", [june]),
    ]
    sim = similarity(docs)
    assert sim.shape == (3, 3)
    assert sim[0, 1] > sim[0, 2]
    assert cluster(sim, 0.3) == [0, 0, 1]


def test_figures_join_the_names_but_years_do_not():
    profile = _profile("d", "The quake of magnitude 6.1 killed 40 people in 2005.")
    assert {"#6.1", "#40"} <= set(profile.names)
    assert not any("2005" in n for n in profile.names)


def test_reports_centred_on_different_people_are_kept_apart():
    jackson = ("Police arrested Vincent Jackson on suspicion of drunk driving. Jackson, a "
               "receiver, was released on bail. Jackson's team said it was aware.")
    williams = ("Police arrested Jamal Williams on suspicion of drunk driving. Williams, a "
                "lineman, was released on bail. Williams is the second player held after "
                "Vincent Jackson.")
    williams_again = ("Jamal Williams was arrested on suspicion of drunk driving early Sunday. "
                      "Williams was later released, police said. Williams will not comment.")
    docs = [_profile("j", jackson), _profile("w", williams), _profile("w2", williams_again)]
    assert main_person(docs[0]) == "jackson"
    assert people_conflict(docs[0], docs[1])  # Williams's report names Jackson only once
    assert not people_conflict(docs[1], docs[2])
    sim = similarity(docs)
    assert sim[1, 2] > sim[0, 1]
    assert cluster(sim, 0.3)[1:] == [cluster(sim, 0.3)[1]] * 2
    assert cluster(sim, 0.3)[0] != cluster(sim, 0.3)[1]


def test_no_main_person_when_two_are_named_equally_often():
    tied = DocProfile("d", [], [], set(), "", people={"smith": 2, "jones": 2})
    once = DocProfile("e", [], [], set(), "", people={"smith": 1})
    assert main_person(tied) is None
    assert main_person(once) is None


# Two earthquakes on one island, told alike, neither report dated: only the stated
# magnitudes (5.4 against 6.1/6.2) tell them apart. Our own invented reports.
_QUAKE_A = [
    "A magnitude 5.4 earthquake struck Kelano island on Sunday, damaging houses in two "
    "villages. The governor said three people were slightly hurt. Relief teams were sent "
    "to the island.",
    "An earthquake measuring 5.4 on the Richter scale shook Kelano island on Sunday, local "
    "media said. Walls of houses collapsed in two villages and three people were hurt.",
]
_QUAKE_B = [
    "A 6.2-magnitude earthquake struck Kelano island, damaging houses in several villages. "
    "The governor said people were hurt. Relief teams were sent to the island.",
    "An earthquake measuring 6.1 on the Richter scale shook Kelano island, local media "
    "said. Houses collapsed in several villages and people were hurt.",
]


def test_quakes_of_different_magnitude_are_kept_apart(monkeypatch):
    docs = [_profile(f"q{i}", text) for i, text in enumerate(_QUAKE_A + _QUAKE_B)]
    assert [d.measures["magnitude"] for d in docs] == [[5.4], [5.4], [6.2], [6.1]]
    assert cluster(similarity(docs), 0.3) == [0, 0, 1, 1]
    # The magnitudes are the reason: without the conflict the four read as one quake.
    monkeypatch.setattr("eventwire.link.documents.MEASURE_CONFLICT_FACTOR", 1.0)
    assert cluster(similarity(docs), 0.3) == [0, 0, 0, 0]


def test_a_rising_toll_is_no_contradiction():
    first = ("A car bomb exploded at the main market in Hadi on Friday, killing 12 people, "
             "police said. Dozens were wounded.")
    later = ("The death toll from Friday's car bomb at the main market in Hadi rose to 40, "
             "hospital officials said, as more of the wounded died.")
    other = ("A roadside bomb hit an army convoy near the border crossing on Tuesday, "
             "killing three soldiers, the army said.")
    docs = [_profile("t1", first), _profile("t2", later), _profile("t3", other)]
    assert not measures_conflict(docs[0].measures, docs[1].measures)
    assert cluster(similarity(docs), 0.3) == [0, 0, 1]


def test_reports_without_a_year_are_compared_by_the_months_they_name():
    october = When(date(2013, 10, 2), date(2013, 10, 2))
    docs = [
        _profile("m1", "The flaw has been exploited since the first week of March, "
                       "researchers said."),
        _profile("m2", "Attacks using the flaw began in early March, the company said."),
        _profile("m3", "The company released a fix for the flaw on Wednesday.", [october]),
        _profile("m4", "The company released a fix for the flaw."),
    ]
    assert [d.months for d in docs] == [{3}, {3}, {10}, set()]
    dates = similarity_components(docs)["dates"]
    assert dates[0, 1] == 1.0  # both name March
    assert dates[0, 2] == 0.0  # March against a report dated October 2013
    assert dates[0, 3] == 0.5  # no date, no month: no evidence either way
