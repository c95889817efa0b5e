"""`eventwire actors`: listing unverified actors, look-ups, and adding registry rows."""

from __future__ import annotations

import shutil

import pytest
import yaml
from click.testing import CliRunner

from eventwire.cli import cli
from eventwire.resolve.actor_registry import DATA_DIR, ActorRegistry


@pytest.fixture()
def registry(tmp_path):
    target = tmp_path / "actors"
    shutil.copytree(DATA_DIR, target)
    return target


def test_add_appends_a_row_that_the_registry_then_knows(registry):
    args = ["actors", "add", "Liwa al-Fajr al-Jadid", "--kind", "political militia",
            "--country", "iq", "--alias", "Liwa al Fajr", "--parent", "islamic-resistance-in-iraq",
            "--source", "group's claims as reported in news, 2024", "--registry", str(registry)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    rows = yaml.safe_load((registry / "groups" / "added.yaml").read_text(encoding="utf-8"))
    assert rows[0]["id"] == "liwa-al-fajr-al-jadid" and rows[0]["country"] == "IQ"
    actor = ActorRegistry.load(registry).lookup("Liwa al Fajr")
    assert actor.parents == ("islamic-resistance-in-iraq",)


@pytest.mark.parametrize(
    "extra,message",
    [
        (["Hamas", "--kind", "rebel group"], "already names actor 'hamas'"),
        (["New Brigade", "--kind", "rebel group", "--parent", "nope"], "is not a registry id"),
        (["New Brigade", "--kind", "rebel group", "--country", "ZZ"], "unknown country code"),
    ],
)
def test_add_refuses_bad_rows_and_leaves_files_alone(registry, extra, message):
    result = CliRunner().invoke(cli, ["actors", "add", *extra, "--registry", str(registry)])
    assert result.exit_code != 0
    assert message in result.output
    assert not (registry / "groups" / "added.yaml").exists()


def test_unverified_from_report_files(tmp_path):
    report = tmp_path / "report.txt"
    report.write_text(
        "A little-known group calling itself Saraya al-Fajr al-Akhir claimed a rocket attack "
        "on a base in Basra, Iraq. Hezbollah denied any role.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["actors", "--unverified", "--file", str(report)])
    assert result.exit_code == 0, result.output
    assert "Saraya al-Fajr al-Akhir" in result.output
    assert "e.g. A little-known group" in result.output
    assert "Hezbollah" not in result.output.split("e.g.")[0]


def test_unverified_from_the_store(tmp_path):
    from eventwire.model import Actor, Event, Evidence
    from eventwire.store import Store

    url = f"sqlite:///{tmp_path / 'events.db'}"
    store = Store.open(url)
    guess = Actor("Saraya al-Fajr al-Akhir", "political militia", "unverified:x", "IQ",
                  verified=False)
    event = Event("e1", "event", "Explosions/Remote violence", "Air/drone strike", actor1=guess,
                  evidence=[Evidence("actor1", "Saraya al-Fajr al-Akhir claimed it.", 0, 10)])
    store.insert_event(event, [])
    result = CliRunner().invoke(cli, ["actors", "--unverified", "--db", url])
    assert result.exit_code == 0, result.output
    assert "1  Saraya al-Fajr al-Akhir  [political militia, IQ]" in result.output


def test_lookup_shows_id_and_parents():
    result = CliRunner().invoke(cli, ["actors", "lookup", "Kata'ib Hizballah"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("kataib-hezbollah\tKataib Hezbollah")
    assert "part of: islamic-resistance-in-iraq" in result.output


def test_help_has_examples():
    for args in (["actors", "--help"], ["actors", "add", "--help"], ["eval", "actors", "--help"]):
        result = CliRunner().invoke(cli, args)
        assert "Example:" in result.output
