"""Every kind of bad input gives one clear line naming it, and the batch goes on."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from eventwire.ingest import IngestError, read_inputs
from eventwire.model import Article


def errors(items: list[Article | IngestError]) -> list[str]:
    return [str(i) for i in items if isinstance(i, IngestError)]


def test_ingest_error_shape() -> None:
    error = IngestError("a.txt", "empty file")
    assert (error.input, error.problem, str(error)) == ("a.txt", "empty file", "a.txt: empty file")


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01")
    assert errors(list(read_inputs([str(path)]))) == [f"{path}: binary file, not text"]


def test_empty_and_blank_files(bad_dir: Path) -> None:
    found = errors(list(read_inputs([str(bad_dir / "empty.txt"), str(bad_dir / "blank.txt")])))
    assert found == [
        f"{bad_dir / 'empty.txt'}: empty file",
        f"{bad_dir / 'blank.txt'}: file holds only blank space",
    ]


def test_wrong_encoding_names_byte_and_offset(bad_dir: Path) -> None:
    [error] = read_inputs([str(bad_dir / "latin1.txt")])
    assert str(error) == f"{bad_dir / 'latin1.txt'}: not valid UTF-8 text (byte 0xe1 at offset 39)"


def test_malformed_jsonl_lines_are_reported_and_others_read(bad_dir: Path) -> None:
    path = bad_dir / "malformed.jsonl"
    items = list(read_inputs([str(path)]))
    assert [a.text[:12] for a in items if isinstance(a, Article)] == [
        "Police arres",
        "A roadside b",
    ]
    assert errors(items) == [
        f"{path}: line 2: not valid JSON (Expecting ',' delimiter, column 87)",
        f'{path}: line 3: no text (expected a non-empty "text" field)',
        f"{path}: line 4: expected a JSON object, got list",
        f"{path}: line 5: published 'not a date' is not a date (expected e.g. 2024-03-02)",
    ]


def test_csv_without_text_column(bad_dir: Path) -> None:
    path = bad_dir / "no_text_column.csv"
    assert errors(list(read_inputs([str(path)]))) == [
        f'{path}: no "text" column (columns: headline, published)'
    ]


def test_missing_path() -> None:
    assert errors(list(read_inputs(["/nowhere/report.txt"]))) == [
        "/nowhere/report.txt: no such file or folder"
    ]


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("Troops clashed.", encoding="utf-8")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    # Simulated: tests may run as root, for whom chmod 000 does not lock a file.
    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert errors(list(read_inputs([str(path)]))) == [f"{path}: cannot read (permission denied)"]


def test_batch_goes_on_after_bad_inputs(tmp_path: Path, bad_dir: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Rebels attacked an army post near Beni.", encoding="utf-8")
    items = list(read_inputs([str(bad_dir), "/nowhere", str(good)]))
    assert [a.text for a in items if isinstance(a, Article)][-1] == good.read_text()
    assert len(errors(items)) >= 7
    assert all(": " in e for e in errors(items))


def test_empty_stdin() -> None:
    assert errors(list(read_inputs(["-"], stdin=io.BytesIO(b"")))) == ["<stdin>: empty file"]


def test_html_without_main_text(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text("<html><body><nav>Home</nav></body></html>", encoding="utf-8")
    expected = f"{path}: no main text found in the HTML page"
    assert errors(list(read_inputs([str(path)]))) == [expected]


def test_xml_that_is_not_a_feed(tmp_path: Path) -> None:
    path = tmp_path / "data.xml"
    path.write_text("<config><a>1</a></config>", encoding="utf-8")
    [error] = read_inputs([str(path)])
    assert isinstance(error, IngestError)
    assert error.problem.startswith("not an RSS/Atom feed with items")
