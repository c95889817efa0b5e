"""Scoring CASE 2021-style files: typing figures and the gate's rejections."""

import pytest

from eventwire.evaluate import event_types as et

TSV = (
    "id\tEventSnippet\tSubType\n"
    "1\tJets bombed a camp in the hills.\tAIR_STRIKE\n"
    "2\tA drone hit a car near the town.\tAIR_STRIKE\n"
    "3\tTeachers marched to the ministry.\tPEACE_PROTEST\n"
    "4\tA flood swept away a bridge.\tNATURAL_DISASTER\n"
    "5\tThe two ministers met in Rome.\tDIPLO\n"
)


@pytest.fixture
def rows(tmp_path):
    path = tmp_path / "mini.tsv"
    path.write_text(TSV, encoding="utf-8")
    return et.read_case_tsv(path)


def fixed(answers):
    return lambda texts: [answers[t] for t in texts]


def test_reads_rows(rows):
    assert [r.code for r in rows] == [
        "AIR_STRIKE", "AIR_STRIKE", "PEACE_PROTEST", "NATURAL_DISASTER", "DIPLO",
    ]  # fmt: skip


def test_perfect_predictor_scores_one(rows):
    answers = {r.text: (r.code if r.code != "NATURAL_DISASTER" and r.code != "DIPLO"
                        else "ARREST", r.code in ("AIR_STRIKE", "PEACE_PROTEST"))
               for r in rows}  # fmt: skip
    report = et.evaluate(rows, fixed(answers))
    s = report.summary()
    assert s["n"] == 3 and s["n_uncoded"] == 2
    assert s["weighted_f1"] == 1.0 and s["macro_f1"] == 1.0 and s["micro_f1"] == 1.0
    assert s["gate_reject_accuracy"] == 1.0
    assert s["gate_false_reject"] == 0.0


def test_gate_rejection_of_an_acled_row_counts_as_a_miss(rows):
    answers = {r.text: ("PEACE_PROTEST" if r.code == "PEACE_PROTEST" else "AIR_STRIKE", True)
               for r in rows}  # fmt: skip
    answers[rows[0].text] = ("AIR_STRIKE", False)  # classifier right, gate wrong
    report = et.evaluate(rows, fixed(answers))
    assert report.accuracy == pytest.approx(2 / 3)
    assert report.accuracy_no_gate == 1.0
    assert report.gate_false_reject == pytest.approx(1 / 3)
    assert report.gate_reject_accuracy == 0.0
    assert {"gold": "AIR_STRIKE", "predicted": et.UNCODED, "count": 1} in report.confusions
    assert report.uncoded_by_code["DIPLO"] == {"rows": 1, "rejected": 0}


def test_json_keys_the_issue_names(rows):
    answers = {r.text: ("AIR_STRIKE", True) for r in rows}
    summary = et.evaluate(rows, fixed(answers)).summary()
    for key in ("weighted_f1", "macro_f1", "micro_f1", "n", "gate_reject_accuracy"):
        assert key in summary


def test_wrong_header_is_named(tmp_path):
    path = tmp_path / "bad.tsv"
    path.write_text("a\tb\n1\t2\n", encoding="utf-8")
    with pytest.raises(et.EvalDataError, match="bad.tsv: expected a tab-separated header"):
        et.read_case_tsv(path)


def test_missing_file_is_named(tmp_path):
    with pytest.raises(et.EvalDataError, match="cannot read .*nope.tsv"):
        et.read_case_tsv(tmp_path / "nope.tsv")


def test_file_without_acled_rows_is_refused(tmp_path):
    path = tmp_path / "other.tsv"
    path.write_text("id\tEventSnippet\tSubType\n1\tA quake.\tNATURAL_DISASTER\n", encoding="utf-8")
    rows = et.read_case_tsv(path)
    with pytest.raises(et.EvalDataError, match="no row has one of the 25 ACLED codes"):
        et.evaluate(rows, lambda texts: [("ARREST", False)] * len(texts))


def test_cross_validation_scores_every_row_once(tmp_path):
    lines = ["id\tEventSnippet\tSubType"]
    kinds = {
        "AIR_STRIKE": "Jets bombed the camp at {}.",
        "PEACE_PROTEST": "Teachers marched peacefully in {}.",
        "DIPLO": "The ministers of {} met for talks.",
    }
    towns = ["Aro", "Bel", "Cas", "Dun", "Eko", "Fal"]
    n = 0
    for code, pattern in kinds.items():
        for town in towns:
            n += 1
            lines.append(f"{n}\t{pattern.format(town)}\t{code}")
    path = tmp_path / "cv.tsv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    training = [
        {"text": "Warplanes struck a base.", "label": "AIR_STRIKE"},
        {"text": "Crowds rallied in the square.", "label": "PEACE_PROTEST"},
        {"text": "Prices rose last month.", "label": "NONE"},
    ]
    report = et.cross_validate(et.read_case_tsv(path), training, k=3, embed_weight=0.0)
    assert report.n == 12 and report.n_uncoded == 6
    assert "3-fold" in report.mode
