"""The place scorer and its readers, on tiny files in the gold formats written by us."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from eventwire.cli import cli
from eventwire.evaluate.places import (
    GoldFormatError,
    Toponym,
    auc_of_errors,
    read_gold,
    read_system,
    realign,
    score,
)

GWN_LIKE = """<?xml version="1.0" ?>
<articles>
  <article file="0">
    <title>t</title>
    <text>Flooding hit Tulsa and the city council met in Oklahoma.</text>
    <toponyms>
      <toponym><extractedName>Tulsa</extractedName><type>Literal</type>
        <start>13</start><end>18</end><geonamesID>1</geonamesID>
        <latitude>36.15</latitude><longitude>-95.99</longitude></toponym>
      <toponym><extractedName>city</extractedName><type>Literal_Expression</type>
        <start>27</start><end>31</end></toponym>
      <toponym><extractedName>Oklahoma</extractedName><type>Literal</type>
        <start>48</start><end>56</end><geonamesID>2</geonamesID>
        <latitude>35.5</latitude><longitude>-97.5</longitude></toponym>
    </toponyms>
  </article>
</articles>
"""

LGL_LIKE = """<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="9">
    <text><![CDATA[Snow fell on Quito.]]></text>
    <toponyms>
      <toponym><phrase>Quito</phrase><start>13</start><end>18</end>
        <gaztag geonameid="3"><name>Quito</name><lat>-0.22</lat><lon>-78.51</lon></gaztag>
      </toponym>
    </toponyms>
  </article>
</articles>
"""


@pytest.fixture()
def gwn_file(tmp_path):
    path = tmp_path / "gwn.xml"
    path.write_text(GWN_LIKE, encoding="utf-8")
    return path


def test_gwn_reader_keeps_toponyms_with_coordinates(gwn_file):
    (doc,) = read_gold(gwn_file)
    assert [t.name for t in doc.toponyms] == ["Tulsa", "Oklahoma"]
    assert doc.text[13:18] == "Tulsa"


def test_lgl_reader(tmp_path):
    path = tmp_path / "lgl.xml"
    path.write_text(LGL_LIKE, encoding="utf-8")
    (doc,) = read_gold(path)
    assert doc.id == "9" and doc.toponyms[0].lat == -0.22


def test_lgl_reader_moves_spans_onto_their_phrase(tmp_path):
    path = tmp_path / "lgl.xml"
    path.write_text(LGL_LIKE.replace("<start>13</start><end>18</end>",
                                     "<start>11</start><end>16</end>"), encoding="utf-8")
    (doc,) = read_gold(path)
    assert (doc.toponyms[0].start, doc.toponyms[0].end) == (13, 18)


def test_bad_file_is_a_clear_error(tmp_path):
    path = tmp_path / "x.xml"
    path.write_text("not xml", encoding="utf-8")
    with pytest.raises(GoldFormatError, match="x.xml"):
        read_gold(path)


def test_score_counts_spans_and_distances(gwn_file):
    gold = read_gold(gwn_file)
    pred = [[Toponym(13, 18, "Tulsa", 36.15, -95.99), Toponym(0, 8, "Flooding", 0.0, 0.0),
             Toponym(48, 56, "Oklahoma", 40.0, -97.5)]]
    s = score(gold, pred)
    assert s["recognition_precision"] == pytest.approx(2 / 3, abs=1e-3)
    assert s["recognition_recall"] == 1.0
    assert s["acc161"] == 0.5  # Oklahoma placed 500 km off
    assert 0 < s["auc"] < 1 and s["n"] == 2


def test_auc_is_zero_for_perfect_and_one_for_worst():
    assert auc_of_errors([0, 0, 0]) == 0.0
    assert auc_of_errors([20039, 20039]) == pytest.approx(1.0, abs=1e-3)


def test_system_file_and_realignment(tmp_path, gwn_file):
    path = tmp_path / "sys.txt"
    path.write_text("Tulsa,,Tulsa,,36.1,,-96.0,,12,,17||\n", encoding="utf-8")
    (gold,) = read_gold(gwn_file)
    (tops,) = read_system(path, 1)
    assert (tops[0].start, realign(tops, gold.text)[0].start) == (12, 13)
    bad = tmp_path / "bad.txt"
    bad.write_text("Tulsa,,Tulsa\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match="6 fields"):
        read_system(bad, 1)


def test_cli_scores_a_peer_file(tmp_path, gwn_file):
    path = tmp_path / "sys.txt"
    path.write_text("Tulsa,,Tulsa,,36.1,,-96.0,,13,,18||\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["eval", "places", str(gwn_file), "--system", str(path), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output.strip().splitlines()[-1])
    assert {"recognition_f1", "acc161", "auc", "mean_km", "n"} <= figures.keys()
    assert figures["acc161"] == 1.0 and figures["n"] == 1


def test_common_accuracy_compares_on_shared_toponyms(gwn_file):
    from eventwire.evaluate.places import common_accuracy

    gold = read_gold(gwn_file)
    ours = [[Toponym(13, 18, "Tulsa", 36.15, -95.99), Toponym(48, 56, "Oklahoma", 35.5, -97.5)]]
    peer = [[Toponym(13, 18, "Tulsa", 10.0, 10.0)]]
    figures = common_accuracy(gold, ours, peer)
    assert figures == {"n_common": 1, "acc161_common": 1.0, "peer_acc161_common": 0.0}


def test_system_file_of_another_data_set_is_refused(tmp_path, gwn_file):
    path = tmp_path / "sys.txt"
    path.write_text("||\n||\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "places", str(gwn_file), "--system", str(path)])
    assert result.exit_code != 0 and "2 lines for 1 gold articles" in result.output
