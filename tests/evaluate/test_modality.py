import pytest

from eventwire.evaluate.modality import ModalityDataError, evaluate_modality, read_items


def test_scores_a_small_file(tmp_path):
    path = tmp_path / "m.jsonl"
    path.write_text(
        '{"text": "Militants threatened to attack the airport.", "modality": "threatened"}\n'
        '{"text": "Police arrested ten protesters in Lagos.", "modality": "occurred"}\n',
        encoding="utf-8")
    scores = evaluate_modality(path)
    assert scores.n == 2 and scores.correct == 2


def test_a_bad_line_is_named(tmp_path):
    path = tmp_path / "m.jsonl"
    path.write_text('{"text": "x", "modality": "maybe"}\n', encoding="utf-8")
    with pytest.raises(ModalityDataError, match="line 1"):
        read_items(path)
