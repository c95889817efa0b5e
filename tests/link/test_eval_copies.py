import json
from pathlib import Path

from click.testing import CliRunner

from eventwire.cli import cli

FIXTURE = Path(__file__).with_name("copies.jsonl")


def test_eval_copies_prints_figures_as_last_json_line():
    result = CliRunner().invoke(cli, ["eval", "copies", str(FIXTURE), "--no-embeddings", "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output.strip().splitlines()[-1])
    assert {"copy_p", "copy_r", "copy_f1", "n_reports"} <= set(figures)
    assert figures["n_reports"] == 14


def test_eval_copies_names_a_bad_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "text": "no story field"}\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "copies", str(bad)])
    assert result.exit_code != 0
    assert "line 1" in result.output and "story" in result.output
