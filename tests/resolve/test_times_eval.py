"""The TimeML scorer and `eventwire eval times`, on small TimeML files written for the tests."""

from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner

from eventwire.cli import cli
from eventwire.evaluate.times import (
    TimeMLError,
    TimeScores,
    normalize_value,
    parse_timeml,
    score_document,
)
from eventwire.model import Span
from eventwire.resolve.times import TimeExpression

DOC = """<?xml version="1.0" ?>
<TimeML>
<DOCID>own-1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2023-10-18" functionInDocument="CREATION_TIME">
20231018</TIMEX3></DCT>
<TEXT>
Rebels &amp; police clashed <TIMEX3 tid="t1" type="DATE" value="2023-10-17">Tuesday</TIMEX3>
after a truce agreed <TIMEX3 tid="t2" type="DATE" value="2023-10">earlier this month</TIMEX3>
collapsed within <TIMEX3 tid="t3" type="DURATION" value="P2D">two days</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_parse_keeps_offsets_into_the_plain_text():
    doc = parse_timeml(DOC, "own-1.tml")
    assert doc.dct == date(2023, 10, 18)
    assert "Rebels & police" in doc.text
    assert [(doc.text[t.start : t.end], t.kind, t.value) for t in doc.timexes] == [
        ("Tuesday", "DATE", "2023-10-17"),
        ("earlier this month", "DATE", "2023-10"),
        ("two days", "DURATION", "P2D"),
    ]


def test_file_without_dct_is_named_in_the_error():
    with pytest.raises(TimeMLError, match="broken.tml: no <DCT>"):
        parse_timeml("<TEXT>nothing</TEXT>", "broken.tml")


def _expr(doc_text: str, phrase: str, value: str, kind: str = "DATE") -> TimeExpression:
    start = doc_text.index(phrase)
    return TimeExpression(Span(start, start + len(phrase), phrase), kind, value, None)


def test_strict_relaxed_and_value_matches_are_counted_on_date_expressions():
    doc = parse_timeml(DOC)
    system = [
        _expr(doc.text, "Tuesday", "2023-10-17"),  # exact span, right value
        _expr(doc.text, "this month", "2023-09"),  # overlapping span, wrong value
        _expr(doc.text, "two days", "P2D", kind="DURATION"),  # not a DATE: not scored
    ]
    scores = TimeScores()
    score_document(doc, system, scores)
    assert (scores.n, scores.n_system) == (2, 2)
    assert (scores.strict, scores.relaxed, scores.value) == (1, 2, 1)
    assert scores.as_dict()["value_f1"] == 0.5


def test_week_values_are_compared_with_two_digit_weeks():
    assert normalize_value("2000-w7") == normalize_value("2000-W07")


def test_cli_prints_json_last(tmp_path):
    (tmp_path / "own-1.tml").write_text(DOC, encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "times", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output.strip().splitlines()[-1])
    assert {"strict_f1", "relaxed_f1", "value_f1", "n"} <= scores.keys()
    assert scores["n"] == 2


def test_cli_names_a_missing_folder(tmp_path):
    result = CliRunner().invoke(cli, ["eval", "times", str(tmp_path / "nowhere")])
    assert result.exit_code != 0
    assert "nowhere: no such file or folder" in result.output


def test_cli_help_has_an_example():
    result = CliRunner().invoke(cli, ["eval", "times", "--help"])
    assert "Example: eventwire eval times" in result.output
