from datetime import date

import numpy as np

from eventwire.link.documents import cluster, profile_from_doc, similarity
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
