"""`eventwire eval actors` and its scorer, on tiny sets written here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.cli import cli
from eventwire.evaluate.actors import ActorsEvalError, load_rows, score_rows

TEXT = "Houthi rebels fired a missile at a U.S. destroyer in the Red Sea, Yemen."
ROWS = [
    {"text": TEXT, "mention": "Houthi rebels", "gold_id": "houthis", "gold_kind": "rebel group",
     "gold_role": "actor1", "split": "dev"},
    {"text": TEXT, "mention": "a U.S. destroyer", "gold_id": "mil-US",
     "gold_kind": "state forces", "gold_role": "actor2", "split": "heldout"},
]


def _fake_extract(text, published):
    # a pipeline stand-in: one event from the first sentence, with its two actors
    return {"events": [{
        "actor1": {"id": "houthis", "verified": True},
        "actor2": {"id": "mil-US", "verified": True},
        "evidence": [{"field": "event_type", "sentence": text}],
    }], "statements": []}


def test_scores_ids_kinds_and_roles_per_split():
    result = score_rows(ROWS, extract=_fake_extract).as_dict()
    assert (result["n"], result["id_accuracy"], result["kind_accuracy"]) == (2, 1.0, 1.0)
    assert result["role_accuracy"] == 1.0
    assert set(result["by_split"]) == {"dev", "heldout"}


def test_a_role_the_pipeline_missed_is_wrong():
    def no_actors(text, published):
        return {"events": [{"actor1": None, "actor2": None,
                            "evidence": [{"sentence": text}]}], "statements": []}

    assert score_rows(ROWS, extract=no_actors).as_dict()["role_accuracy"] == 0.0


def test_a_source_who_spoke_and_associated_actors_stand_on_their_side():
    text = "Hamas said Israeli jets and Egyptian drones bombed a school and a clinic in Gaza."
    rows = [
        {"text": text, "mention": "Hamas", "gold_id": "hamas", "gold_kind": "rebel group",
         "gold_role": "actor1"},
        {"text": text, "mention": "Egyptian drones", "gold_id": "mil-EG",
         "gold_kind": "state forces", "gold_role": "actor1"},
        {"text": text, "mention": "Hamas", "gold_id": "hamas", "gold_kind": "rebel group",
         "gold_role": "actor2"},
    ]

    def spoken(text, published):
        return {"events": [{
            "actor1": {"id": "mil-IL", "verified": True},
            "assoc_actors": [{"id": "mil-EG", "verified": True}],
            "actor2": None,
            "claims": [{"by": "Hamas", "stance": "blamed"}],
            "evidence": [{"sentence": text}],
        }], "statements": []}

    outcomes = score_rows(rows, extract=spoken).outcomes
    # "actor1 acted or spoke": the claim's source spoke; the associated actor acted
    assert [o.role_ok for o in outcomes] == [True, True, False]


def test_a_failing_pipeline_is_counted_not_fatal():
    def broken(text, published):
        raise RuntimeError("boom")

    scores = score_rows(ROWS, extract=broken)
    assert scores.as_dict()["pipeline_errors"] == 1
    assert scores.as_dict()["role_accuracy"] == 0.0


def _write(tmp_path: Path, rows) -> Path:
    path = tmp_path / "set.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "change,message",
    [
        ({"gold_kind": "warlords"}, "line 1: gold_kind 'warlords'"),
        ({"mention": "Hamas"}, "line 1: mention not found"),
    ],
)
def test_bad_lines_are_named(tmp_path, change, message):
    with pytest.raises(ActorsEvalError, match=message):
        load_rows(_write(tmp_path, [dict(ROWS[0], **change)]))


def test_missing_fields_and_bad_json(tmp_path):
    bad = {k: v for k, v in ROWS[0].items() if k != "gold_role"}
    with pytest.raises(ActorsEvalError, match="missing gold_role"):
        load_rows(_write(tmp_path, [bad]))
    path = tmp_path / "broken.jsonl"
    path.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(ActorsEvalError, match="line 1: not JSON"):
        load_rows(path)


def test_cli_json_last_line_has_the_issue_keys(tmp_path):
    path = _write(tmp_path, ROWS)
    result = CliRunner().invoke(cli, ["eval", "actors", str(path), "--no-roles", "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output.strip().splitlines()[-1])
    assert {"id_accuracy", "kind_accuracy", "role_accuracy", "n"} <= set(scores)
    assert scores["n"] == 2


def test_cli_reports_a_missing_file(tmp_path):
    result = CliRunner().invoke(cli, ["eval", "actors", str(tmp_path / "none.jsonl")])
    assert result.exit_code != 0
    assert "does not exist" in result.output


def test_the_project_test_set_is_well_formed():
    rows = load_rows(Path(__file__).parents[1] / "data" / "actors_eval.jsonl")
    assert len(rows) >= 150
    assert {r["gold_role"] for r in rows} <= {"actor1", "actor2"}
