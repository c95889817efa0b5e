"""The relevance gate: cheap scoring of whole reports, weights on disk."""

import numpy as np
import pytest

from eventwire.extract import gate


def test_clear_conflict_report_passes():
    text = (
        "The central bank kept rates unchanged on Monday.\n"
        "Gunmen stormed a village overnight, killing twelve residents and burning homes."
    )
    assert gate.is_relevant(text)


def test_ordinary_news_is_rejected():
    assert not gate.is_relevant("The new smartphone will go on sale next month, the firm said.")


def test_a_short_report_naming_an_event_outright_passes():
    # one sentence carries too few words for the weights; "killed" alone says enough
    text = "ISKP claimed a bombing in Kabul that killed six people, including an official."
    assert gate.names_an_event(text)
    assert gate.is_relevant(text)
    assert not gate.names_an_event("Shares rose in March after the bank cut rates.")


def test_score_is_in_unit_interval_and_empty_text_scores_zero():
    assert 0.0 <= gate.relevance_score("Soldiers clashed with rebels near the border.") <= 1.0
    assert gate.relevance_score("   ") == 0.0


def test_non_text_is_refused():
    with pytest.raises(TypeError, match="gate expects text"):
        gate.relevance_score(None)  # type: ignore[arg-type]


def test_missing_weights_name_the_file(tmp_path):
    with pytest.raises(gate.GateError, match="absent.npz"):
        gate.Gate.load(tmp_path / "absent.npz")


def test_wrong_shape_is_refused(tmp_path):
    path = tmp_path / "g.npz"
    np.savez(path, coef=np.zeros(3), intercept=0.0, threshold=0.5)
    with pytest.raises(gate.GateError, match="expected 65536 weights"):
        gate.Gate.load(path)


def test_trained_gate_round_trips(tmp_path):
    texts = ["Rebels attacked the base.", "Troops shelled the town.", "Shares rose.", "It rained."]
    coef, b = gate.fit_gate(texts, [True, True, False, False])
    path = gate.save_gate(coef, b, 0.5, tmp_path / "g.npz")
    g = gate.Gate.load(path)
    assert g.threshold == 0.5
    assert g.score("Rebels attacked the town.") > g.score("Shares rose sharply.")


def test_gate_training_needs_both_kinds():
    with pytest.raises(ValueError, match="both relevant and irrelevant"):
        gate.fit_gate(["a", "b"], [True, True])
