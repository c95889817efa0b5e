import pytest

from eventwire.evaluate.clusters import bcubed, pairwise


def test_perfect_clustering_scores_one():
    gold = {"a": "1", "b": "1", "c": "2"}
    assert bcubed(gold, {"a": "x", "b": "x", "c": "y"})["b3_f1"] == 1.0
    assert pairwise(gold, {"a": "x", "b": "x", "c": "y"})["pairwise_f1"] == 1.0


def test_all_in_one_cluster_has_full_recall_low_precision():
    gold = {"a": "1", "b": "1", "c": "2", "d": "2"}
    scores = bcubed(gold, dict.fromkeys(gold, "x"))
    assert scores["b3_r"] == 1.0 and scores["b3_p"] == 0.5


def test_singletons_have_full_precision():
    gold = {"a": "1", "b": "1", "c": "2"}
    scores = bcubed(gold, {k: k for k in gold})
    assert scores["b3_p"] == 1.0 and scores["b3_r"] == pytest.approx(2 / 3)
    assert pairwise(gold, {k: k for k in gold})["pairwise_r"] == 0.0


def test_missing_prediction_is_named():
    with pytest.raises(ValueError, match="'b'"):
        bcubed({"a": "1", "b": "1"}, {"a": "x"})
