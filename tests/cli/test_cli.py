"""The command line as a user drives it (Click's CliRunner, a temporary store)."""

import json

import pytest
from click.testing import CliRunner

from eventwire.cli import cli

REPORT = """Title: Militants shell border town
Published: 2024-03-06
Outlet: Test Courier

KHARTOUM — Rebel fighters shelled the town of Kadugli on Tuesday, killing three civilians,
local officials said. In a separate incident, police arrested twelve protesters in Omdurman.
"""


@pytest.fixture
def report(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    return path


@pytest.fixture
def db(tmp_path):
    return f"sqlite:///{tmp_path / 'events.db'}"


def run(*args, input=None):
    return CliRunner().invoke(cli, [str(a) for a in args], input=input,
                              catch_exceptions=False)


def all_commands(group, prefix=()):
    for name, command in group.commands.items():
        yield (*prefix, name), command
        if hasattr(command, "commands"):
            yield from all_commands(command, (*prefix, name))


@pytest.mark.parametrize("path", [p for p, _ in all_commands(cli)], ids=" ".join)
def test_every_command_has_help_with_an_example(path):
    result = run(*path, "--help")
    assert result.exit_code == 0
    assert "Example" in result.output


def test_extract_json_prints_one_object_with_the_record_shape(report):
    result = run("extract", report, "--json")
    assert result.exit_code == 0
    data = json.loads(result.output.strip().splitlines()[-1])
    assert set(data) >= {"article", "events", "statements"}
    shelling = [e for e in data["events"]
                if e["sub_event_type"] == "Shelling/artillery/missile attack"]
    assert shelling, data["events"]
    event = shelling[0]
    assert event["date"] == "2024-03-05"
    assert event["location"]["country"] == "SD"
    assert event["fatalities"]["best"] == 3
    assert {ev["field"] for ev in event["evidence"]} >= {"event_type", "date", "location"}


def test_extract_reads_stdin():
    result = run("extract", "-", "--published", "2024-03-06", "--json",
                 input="Police arrested twelve activists in Yangon on Monday.")
    data = json.loads(result.output.strip().splitlines()[-1])
    assert data["events"][0]["sub_event_type"] == "Arrests"


def test_ingest_twice_stores_nothing_new(report, db):
    first = run("ingest", report, "--db", db, "--quiet")
    assert first.exit_code == 0, first.output
    events = run("events", "--db", db, "--json").output.strip().splitlines()
    again = run("ingest", report, "--db", db, "--quiet")
    assert "1 already stored" in again.output
    assert run("events", "--db", db, "--json").output.strip().splitlines() == events


def test_bad_input_is_named_and_the_batch_goes_on(report, tmp_path, db):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = CliRunner().invoke(cli, ["ingest", str(empty), str(report), "--db", db,
                                      "--quiet"])
    assert result.exit_code == 1
    assert "empty.txt" in result.output
    assert "1 stored" in result.output


def test_events_filters_show_and_export(report, db, tmp_path):
    run("ingest", report, "--db", db, "--quiet")
    rows = [json.loads(x) for x in run("events", "--db", db, "--json", "--country", "SD")
            .output.splitlines()]
    assert rows and all(r["location"]["country"] == "SD" for r in rows)
    assert run("events", "--db", db, "--json", "--country", "IQ").output.strip() == ""
    assert run("events", "--db", db, "--json", "--since", "2030-01-01").output.strip() == ""
    shown = run("show", rows[0]["id"], "--db", db)
    assert "evidence:" in shown.output and "Kadugli" in shown.output
    for fmt, name in (("acled-csv", "e.csv"), ("geojson", "e.geojson"), ("jsonl", "e.jsonl"),
                      ("parquet", "e.parquet")):
        out = tmp_path / name
        result = run("export", "--format", fmt, "-o", out, "--db", db)
        assert result.exit_code == 0 and out.stat().st_size > 0


def test_show_unknown_event_is_a_clear_error(db):
    result = CliRunner().invoke(cli, ["show", "nope", "--db", db])
    assert result.exit_code != 0
    assert "no event 'nope'" in result.output
