"""The sub-event classifier: shipped artifact, training, saving, errors."""

from pathlib import Path

import pytest

from eventwire.extract import classify, ontology


@pytest.fixture(scope="module")
def shipped():
    clf = classify.SubEventClassifier.load()
    clf.use_embeddings = False  # TF-IDF half only: fast; the embedding path has its own test
    return clf


def test_shipped_artifact_covers_the_25_codes(shipped):
    assert shipped.codes == ontology.codes()


def test_event_probability_separates_events_from_other_news(shipped):
    (_, _, event_p), (_, _, other_p) = shipped.predict_with_event(
        ["Gunmen shot dead five villagers.", "The football club signed a new striker."]
    )
    assert 0.0 <= other_p < event_p <= 1.0
    assert shipped.is_event(["Gunmen shot dead five villagers."]) == [True]


def test_predict_proba_is_a_distribution_over_codes(shipped):
    (probs,) = shipped.predict_proba(["Police fired tear gas at marchers in the capital."])
    assert set(probs) == set(ontology.codes())
    assert sum(probs.values()) == pytest.approx(1.0)


def test_predict_gives_one_code_per_sentence(shipped):
    out = shipped.predict(["A roadside bomb hit a patrol.", "Rebels seized the town."])
    assert len(out) == 2
    for code, p in out:
        assert code in ontology.codes()
        assert 0.0 < p <= 1.0


def test_empty_input_gives_empty_output(shipped):
    assert shipped.predict([]) == []
    assert shipped.predict_proba([]) == []


def test_a_bare_string_is_refused(shipped):
    with pytest.raises(TypeError, match="list of sentences"):
        shipped.predict("Rebels seized the town.")


def test_missing_artifact_names_the_path(tmp_path):
    with pytest.raises(classify.ClassifierError, match="nothing-here.joblib"):
        classify.SubEventClassifier.load(tmp_path / "nothing-here.joblib")


def test_foreign_file_is_refused(tmp_path):
    import joblib

    path = tmp_path / "other.joblib"
    joblib.dump({"something": 1}, path)
    with pytest.raises(classify.ClassifierError, match="not a sub-event classifier"):
        classify.SubEventClassifier.load(path)


TOY = [
    ("Jets bombed the camp.", "AIR_STRIKE"),
    ("A drone struck a car.", "AIR_STRIKE"),
    ("Warplanes hit the village.", "AIR_STRIKE"),
    ("Crowds marched peacefully.", "PEACE_PROTEST"),
    ("Teachers rallied outside the ministry.", "PEACE_PROTEST"),
    ("Students held a peaceful march.", "PEACE_PROTEST"),
]


def test_trained_model_round_trips_byte_for_byte(tmp_path: Path):
    texts, labels = zip(*TOY, strict=True)
    clf = classify.fit_classifier(texts, labels, embed_weight=0.0, label_order=ontology.codes())
    a = classify.save_classifier(clf, tmp_path / "a.joblib")
    again = classify.fit_classifier(texts, labels, embed_weight=0.0, label_order=ontology.codes())
    b = classify.save_classifier(again, tmp_path / "b.joblib")
    assert a.read_bytes() == b.read_bytes()
    loaded = classify.SubEventClassifier.load(a)
    (probs,) = loaded.predict_proba(["Jets bombed a camp."])
    # A label absent from training gets probability 0, and the rest still sum to 1.
    assert probs["GRENADE"] == 0.0
    assert sum(probs.values()) == pytest.approx(1.0)
    assert loaded.predict(["Jets bombed a camp."])[0][0] == "AIR_STRIKE"


@pytest.mark.skipif(not classify.embeddings_available(), reason="embedding extra not installed")
def test_embedding_path_runs_on_the_shipped_model():
    clf = classify.SubEventClassifier.load()
    clf.use_embeddings = True
    assert clf.uses_embeddings
    (probs,) = clf.predict_proba(["Militants fired mortar shells at the army camp."])
    assert sum(probs.values()) == pytest.approx(1.0)


def test_both_combination_rules_give_distributions():
    import numpy as np

    text_p = np.array([[0.7, 0.3, 0.0], [0.2, 0.5, 0.3]])
    emb_p = np.array([[0.1, 0.6, 0.3], [0.3, 0.3, 0.4]])
    for how in classify.COMBINES:
        joint = classify.combine_proba(text_p, emb_p, 0.4, how)
        assert joint.shape == text_p.shape
        assert joint.sum(axis=1) == pytest.approx([1.0, 1.0])
    # The geometric mean lets a half that rules a class out veto it; the linear one cannot.
    geometric = classify.combine_proba(text_p, emb_p, 0.4, "geometric")
    linear = classify.combine_proba(text_p, emb_p, 0.4, "linear")
    assert geometric[0, 2] < 1e-3 < linear[0, 2]


def test_unknown_combination_rule_is_named():
    import numpy as np

    p = np.array([[1.0]])
    with pytest.raises(ValueError, match="'median'"):
        classify.combine_proba(p, p, 0.5, "median")


TOY_NONE = [
    ("Prices rose last month.", "NONE"),
    ("The club signed a striker.", "NONE"),
    ("Rain is expected on Sunday.", "NONE"),
]


def test_inner_cross_validation_chooses_rule_weight_and_threshold(tmp_path: Path):
    import numpy as np

    texts, labels = zip(*(TOY + TOY_NONE), strict=True)
    # Stand-in embeddings that separate the three labels, so no model needs loading.
    centres = {"AIR_STRIKE": 0, "PEACE_PROTEST": 1, "NONE": 2}
    vectors = np.eye(3)[[centres[lab] for lab in labels]] + 0.01
    clf = classify.fit_classifier(
        texts, labels, vectors=vectors, embed_weight=None, label_order=ontology.codes()
    )
    choice = clf.metadata["selection"]
    assert choice["combine"] == clf.combine in classify.COMBINES
    assert choice["embed_weight"] == clf.embed_weight in classify.EMBED_WEIGHTS
    assert clf.event_threshold == choice["event_threshold"] in classify.EVENT_THRESHOLDS
    loaded = classify.SubEventClassifier.load(classify.save_classifier(clf, tmp_path / "c.joblib"))
    assert (loaded.combine, loaded.embed_weight) == (clf.combine, clf.embed_weight)
    assert loaded.event_threshold == clf.event_threshold


def test_event_threshold_is_the_highest_that_keeps_the_recall():
    import numpy as np

    sure = np.full(200, 0.9)
    assert classify._event_threshold(sure) == max(classify.EVENT_THRESHOLDS)
    # One event in ten at 0.52: only the lowest threshold keeps 99.5% of them.
    mixed = np.array([0.9] * 9 + [0.52])
    assert classify._event_threshold(mixed) == min(classify.EVENT_THRESHOLDS)
