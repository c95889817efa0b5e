"""The tuned sentence half: adapters on the packaged encoder, trained on a few sentences."""

from pathlib import Path

import numpy as np
import pytest

from eventwire.extract import classify, ontology

pytestmark = pytest.mark.skipif(
    not classify.embeddings_available(), reason="embedding extra not installed"
)

TOY = [
    ("Jets bombed the camp.", "AIR_STRIKE"),
    ("A drone struck a car on the highway.", "AIR_STRIKE"),
    ("Warplanes hit the village at dawn.", "AIR_STRIKE"),
    ("Crowds marched peacefully to parliament.", "PEACE_PROTEST"),
    ("Teachers rallied outside the ministry over pay.", "PEACE_PROTEST"),
    ("Students held a silent sit-in at the university.", "PEACE_PROTEST"),
]
ORDER = ("AIR_STRIKE", "PEACE_PROTEST")


@pytest.fixture(scope="module")
def half():
    import torch

    from eventwire.extract.tuned import fit_tuned

    torch.set_num_threads(1)
    texts, labels = zip(*TOY, strict=True)
    return fit_tuned(list(texts), list(labels), ORDER, epochs=8)


def test_tuned_half_learns_its_sentences(half):
    probs = half.predict_proba(["Fighter jets bombed a market.", "Nurses marched for better pay."])
    assert probs.shape == (2, 2)
    assert probs.sum(axis=1) == pytest.approx([1.0, 1.0])
    assert [ORDER[i] for i in probs.argmax(axis=1)] == ["AIR_STRIKE", "PEACE_PROTEST"]


def test_stored_state_gives_the_same_answers(half):
    from eventwire.extract import tuned
    from eventwire.extract.tuned import TunedHalf

    again = TunedHalf.from_state(half.state())
    texts = ["Helicopters fired rockets at a convoy."]
    assert np.allclose(again.predict_proba(texts), half.predict_proba(texts))
    # Only adapters and heads are stored, not the encoder's own weights.
    members = half.state()["members"]
    assert len(members) == tuned.MEMBERS
    assert all(sum(a.size for a in m.values()) < 200_000 for m in members)


def test_training_is_repeatable(half):
    import torch

    from eventwire.extract.tuned import fit_tuned

    torch.set_num_threads(1)
    texts, labels = zip(*TOY, strict=True)
    again = fit_tuned(list(texts), list(labels), ORDER, epochs=8)
    for ours, theirs in zip(half.members, again.members, strict=True):
        for key, value in ours.items():
            assert np.array_equal(value, theirs[key]), key


def test_tuning_leaves_the_shared_embeddings_alone(half):
    # Linking and copy detection read the packaged encoder: adapters must not reach it.
    from eventwire.extract.tuned import TunedHalf
    from eventwire.nlp import _embedding_model, embed

    before = embed(["Rebels shelled the town."])
    TunedHalf.from_state(half.state()).predict_proba(["Rebels shelled the town."])
    assert np.array_equal(before, embed(["Rebels shelled the town."]))
    assert not any(name.endswith((".A", ".B"))
                   for name, _ in _embedding_model()[0].auto_model.named_parameters())


def test_classifier_with_a_tuned_half_round_trips(tmp_path: Path):
    texts, labels = zip(*TOY, strict=True)
    clf = classify.fit_classifier(
        texts, labels, embed_weight=0.5, combine="geometric", label_order=ontology.codes(),
        tune=True,
    )  # fmt: skip
    assert clf.tuned is not None and clf.embed_model is None
    loaded = classify.SubEventClassifier.load(classify.save_classifier(clf, tmp_path / "t.joblib"))
    assert loaded.uses_embeddings
    sentence = ["Jets bombed a camp."]
    assert loaded.predict_proba(sentence)[0] == pytest.approx(clf.predict_proba(sentence)[0])
    assert loaded.predict(sentence)[0][0] == "AIR_STRIKE"
