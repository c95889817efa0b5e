"""`eventwire eval event-types` and `eventwire eval arguments` through the CLI."""

import json

from click.testing import CliRunner

from eventwire.cli import cli

TSV = (
    "id\tEventSnippet\tSubType\n"
    "1\tWarplanes bombed a market in the town, killing six.\tAIR_STRIKE\n"
    "2\tTeachers marched peacefully to the ministry.\tPEACE_PROTEST\n"
    "3\tThe central bank raised interest rates again.\tDIPLO\n"
)


def test_event_types_help_has_an_example():
    result = CliRunner().invoke(cli, ["eval", "event-types", "--help"])
    assert result.exit_code == 0
    assert "Example: eventwire eval event-types" in result.output


def test_event_types_json_is_the_last_line(tmp_path):
    path = tmp_path / "mini.tsv"
    path.write_text(TSV, encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["eval", "event-types", str(path), "--json", "--no-embeddings"]
    )
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output.strip().splitlines()[-1])
    for key in ("weighted_f1", "macro_f1", "micro_f1", "n", "gate_reject_accuracy"):
        assert key in figures
    assert figures["n"] == 2


def test_event_types_bad_file_gets_a_message(tmp_path):
    path = tmp_path / "wrong.tsv"
    path.write_text("x\ty\n1\t2\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "event-types", str(path)])
    assert result.exit_code != 0
    assert "wrong.tsv: expected a tab-separated header" in result.output


def test_cv_needs_train_extra(tmp_path):
    path = tmp_path / "mini.tsv"
    path.write_text(TSV, encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "event-types", str(path), "--cv", "3"])
    assert result.exit_code == 2
    assert "--train-extra" in result.output


def test_arguments_help_has_an_example():
    result = CliRunner().invoke(cli, ["eval", "arguments", "--help"])
    assert result.exit_code == 0
    assert "Example: eventwire eval arguments" in result.output


def test_arguments_bad_file_gets_a_message(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"doc_id": "x"}\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "arguments", str(path)])
    assert result.exit_code != 0
    assert "not a WikiEvents document" in result.output
