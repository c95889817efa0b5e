"""The gazetteer build and its lookups, on a small build limited to a few countries."""

from __future__ import annotations

import sqlite3

import pytest
from click.testing import CliRunner

from eventwire.cli import cli
from eventwire.resolve.gazetteer import Gazetteer, GazetteerError
from eventwire.resolve.gazetteer_build import default_gazetteer_path
from eventwire.resolve.gazetteer_names import key_variants, name_key
from eventwire.resolve.gazetteer_rank import haversine_km


@pytest.fixture(scope="module")
def small_gazetteer(small_gazetteer_path) -> Gazetteer:
    return Gazetteer(small_gazetteer_path)


@pytest.mark.parametrize(
    ("raw", "key"),
    [("al-Ḥarīr", "al harir"), ("The Gaza Strip", "gaza strip"), ("Ain al‘Asad", "ain alasad"),
     ("KYIV", "kyiv")],
)
def test_name_key_folds_script_case_and_punctuation(raw, key):
    assert name_key(raw) == key


def test_key_variants_drop_arabic_article():
    assert key_variants("al asad") == ["al asad", "asad"]
    assert key_variants("alabama") == ["alabama"]


def test_default_path_follows_eventwire_home(monkeypatch, tmp_path):
    monkeypatch.setenv("EVENTWIRE_HOME", str(tmp_path))
    assert default_gazetteer_path().parent == tmp_path
    assert default_gazetteer_path().name.startswith("gazetteer-")


def test_transliterated_alternate_names_find_the_city(small_gazetteer):
    for spelling in ("Erbil", "Irbil", "Arbil", "Hewler"):
        ids = [c.gazetteer_id for c in small_gazetteer.lookup(spelling)]
        assert "geonames:95446" in ids, spelling


def test_air_base_rows_carry_source_and_admin_area(small_gazetteer):
    cand = small_gazetteer.by_id("eventwire:harir-airbase")
    assert cand is not None and cand.feature == "airbase" and cand.admin1 == "Erbil"
    con = sqlite3.connect(small_gazetteer.path)
    (source,) = con.execute(
        "SELECT source FROM place WHERE gid='eventwire:harir-airbase'").fetchone()
    assert source  # every row of our own says where its coordinates come from


def test_airports_from_registry_are_facilities(small_gazetteer):
    feats = {c.feature for c in small_gazetteer.lookup("Kirkuk Air Base")}
    assert "airbase" in feats


def test_countries_subdivisions_and_demonyms(small_gazetteer):
    iraq = small_gazetteer.lookup("Iraq")[0]
    assert iraq.feature == "country" and iraq.country == "IQ"
    assert haversine_km(iraq.lat, iraq.lon, 33.0, 44.0) < 300
    anbar = [c for c in small_gazetteer.lookup("Anbar") if c.feature == "admin1"]
    assert anbar and anbar[0].country == "IQ"
    assert any(c.kind == "demonym" and c.country == "IQ" for c in small_gazetteer.lookup("Iraqi"))


def test_full_text_search_finds_names_by_word(small_gazetteer):
    names = [c.name for c in small_gazetteer.search("Asad air")]
    assert "Ain al-Asad Air Base" in names


def test_missing_gazetteer_is_a_clear_error(tmp_path):
    with pytest.raises(GazetteerError, match="does not exist"):
        Gazetteer(tmp_path / "none.sqlite", build_if_missing=False)


def test_wrong_version_is_a_clear_error(tmp_path):
    path = tmp_path / "old.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE meta (key TEXT, value TEXT)")
    con.execute("INSERT INTO meta VALUES ('version', '0')")
    con.commit()
    con.close()
    with pytest.raises(GazetteerError, match="rebuild"):
        Gazetteer(path)


def test_cli_build_and_lookup(tmp_path):
    path = tmp_path / "g.sqlite"
    runner = CliRunner()
    result = runner.invoke(cli, ["gazetteer", "build", "--path", str(path), "--country", "LB"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(cli, ["gazetteer", "lookup", "Beirut", "--path", str(path)])
    assert result.exit_code == 0 and '"country": "LB"' in result.output
