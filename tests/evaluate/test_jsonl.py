"""The one JSON-lines reader every evaluation uses."""

import pytest

from eventwire.evaluate.jsonl import jsonl_rows


class BadFile(ValueError):
    pass


def test_rows_skip_blank_lines_and_say_where_they_stand(tmp_path):
    path = tmp_path / "set.jsonl"
    path.write_text('{"a": 1}\n\n{"a": 2}\n', encoding="utf-8")
    assert [(w.split(", ")[1], r["a"]) for w, r in jsonl_rows(path, BadFile)] == [
        ("line 1", 1), ("line 3", 2)]


def test_a_line_that_is_not_json_is_named_with_its_file(tmp_path):
    path = tmp_path / "set.jsonl"
    path.write_text('{"a": 1}\n{oops\n', encoding="utf-8")
    with pytest.raises(BadFile, match=r"set.jsonl, line 2: not JSON"):
        list(jsonl_rows(path, BadFile))


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(BadFile, match="cannot read .*nope.jsonl"):
        list(jsonl_rows(tmp_path / "nope.jsonl", BadFile))
