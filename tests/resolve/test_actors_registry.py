"""The actor registry: data files, generated state actors, lookups and bad rows."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire.model import ACTOR_KINDS
from eventwire.resolve.actor_registry import (
    DATA_DIR,
    ActorRegistry,
    ActorRegistryError,
    curated_row,
    default_registry,
    normalise,
)


@pytest.fixture(scope="module")
def reg() -> ActorRegistry:
    return default_registry()


def test_at_least_500_entries_each_with_a_kind_and_curated_ones_with_a_source(reg):
    assert len(reg) >= 500
    for entry in reg.entries.values():
        assert entry.actor.kind in ACTOR_KINDS
        if not entry.generated:
            assert entry.source, entry.actor.id


@pytest.mark.parametrize("code,name", [("IQ", "Iraq"), ("US", "the United States"), ("ML", "Mali")])
def test_every_country_has_military_police_and_government(reg, code, name):
    assert reg.get(f"mil-{code}").name == f"Military Forces of {name}"
    assert reg.get(f"pol-{code}").name == f"Police Forces of {name}"
    assert reg.get(f"gov-{code}").kind == "state forces"


def test_acceptance_rows(reg):
    iri = reg.get("islamic-resistance-in-iraq")
    assert (iri.kind, iri.country) == ("political militia", "IQ")
    assert reg.backers("islamic-resistance-in-iraq") == ("IR",)
    assert reg.get("tashkil-al-waritheen").parents == ("islamic-resistance-in-iraq",)
    assert reg.lookup("U.S. Central Command").id == "mil-US"
    assert reg.lookup("IDF").id == "mil-IL"
    assert reg.lookup("coalition forces").kind == "external/other"
    assert reg.lookup("Hamas").id == "hamas"
    assert reg.lookup("Hizbullah").id == "hezbollah"


@pytest.mark.parametrize(
    "spelling",
    ["Kataib Hezbollah", "Kata'ib Hizballah", "Hezbollah Brigades", "KH", "Kataeb Hezbollah",
     "kataib hizbullah"],
)
def test_kataib_hezbollah_spellings(reg, spelling):
    assert reg.lookup(spelling).id == "kataib-hezbollah"


def test_short_acronyms_only_match_in_capitals(reg):
    assert reg.lookup("IS").id == "islamic-state"
    assert reg.lookup("is") is None
    assert reg.lookup("us") is None


def test_unseen_transliteration_meets_by_consonant_skeleton(reg):
    assert reg.lookup("Kataib Hizbollah") is None
    assert reg.lookup_skeleton("Kataib Hizbollah") == "kataib-hezbollah"


def test_get_returns_a_copy(reg):
    actor = reg.get("hamas")
    actor.name = "changed"
    assert reg.get("hamas").name == "Hamas"


class _NoScan(dict):
    """A dict that refuses to be iterated: lookups must not scan the registry."""

    def __iter__(self) -> Iterator:
        raise AssertionError("registry scanned")

    def values(self):
        raise AssertionError("registry scanned")

    def items(self):
        raise AssertionError("registry scanned")


def test_lookup_is_an_index_access_not_a_scan():
    reg = ActorRegistry.load()
    reg.entries = _NoScan(reg.entries)
    assert reg.lookup("Tashkil al-Waritheen").id == "tashkil-al-waritheen"
    assert reg.get("mil-IQ").country == "IQ"


def test_normalise_drops_accents_possessives_and_dots():
    assert normalise("Cártel de Jalisco") == "cartel de jalisco"
    assert normalise("Israel's army") == "israel army"
    assert normalise("U.S. forces") == "us forces"


@pytest.fixture()
def copy(tmp_path) -> Path:
    target = tmp_path / "actors"
    shutil.copytree(DATA_DIR, target)
    return target


@pytest.mark.parametrize(
    "row,message",
    [
        ("- {id: x, name: X, kind: warlords, source: s}", "kind 'warlords' is not one of"),
        ("- {id: x, name: X, kind: rebel group}", "missing 'source'"),
        ("- {id: x, name: X, kind: rebel group, source: s, country: ZZ}", "unknown country code"),
        ("- {id: x, name: X, kind: rebel group, source: s, parents: [nope]}", "unknown parent"),
        ("- {id: hamas, name: X, kind: rebel group, source: s}", "duplicate actor id"),
        ("- {id: x, name: Hizbullah, kind: rebel group, source: s}", "already names 'hezbollah'"),
    ],
)
def test_bad_rows_are_named_with_file_and_row(copy, row, message):
    (copy / "groups" / "zz_bad.yaml").write_text(row + "\n", encoding="utf-8")
    with pytest.raises(ActorRegistryError, match=message) as info:
        ActorRegistry.load(copy)
    assert "zz_bad.yaml" in str(info.value) or "unknown parent" in message


def test_missing_directory_is_reported(tmp_path):
    with pytest.raises(ActorRegistryError, match="does not exist"):
        ActorRegistry.load(tmp_path / "nowhere")


def test_curated_row_checks_before_writing(reg):
    fresh = ActorRegistry.load()
    text = curated_row(fresh, "new-group", "New Group Brigade", "political militia", "IQ",
                       ["NGB Brigade"], ["islamic-resistance-in-iraq"], "our test")
    assert "id: new-group" in text and "islamic-resistance-in-iraq" in text
    assert fresh.lookup("New Group Brigade").parents == ("islamic-resistance-in-iraq",)
    with pytest.raises(ActorRegistryError, match="already names actor 'hamas'"):
        curated_row(fresh, "other", "Hamas", "rebel group", None, [], [], "s")
    with pytest.raises(ActorRegistryError, match="is not a registry id"):
        curated_row(fresh, "other", "Other Brigade", "rebel group", None, [], ["nope"], "s")
