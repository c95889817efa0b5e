"""Where reports come from: files, folders, stdin and URLs, each sent to its reader."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import BinaryIO

from eventwire.ingest.errors import IngestError
from eventwire.ingest.fetch import fetch_url, is_url
from eventwire.ingest.formats import READERS, Defaults, Reader, Result, read_html, sniff
from eventwire.model import Article

STDIN = "-"
# Folder walks skip documentation that sits beside reports.
_NOT_REPORTS = ("readme", "license", "licence", "changelog")
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")


def _run(reader: Reader, data: bytes, source: str, defaults: Defaults) -> Iterator[Result]:
    # Readers raise for a whole-input problem and yield for a row problem; both become items.
    try:
        yield from reader(data, source, defaults)
    except IngestError as exc:
        yield exc


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except PermissionError:
        raise IngestError(str(path), "cannot read (permission denied)") from None
    except IsADirectoryError:
        raise IngestError(str(path), "is a folder, not a file") from None
    except OSError as exc:
        raise IngestError(str(path), f"cannot read ({exc.strerror or exc})") from None


def _is_hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _folder_files(root: Path) -> Iterator[Path | IngestError]:
    """Report files under a folder, recursively, in sorted order; hidden ones skipped."""
    unreadable: list[IngestError] = []

    def note(exc: OSError) -> None:
        where = exc.filename or str(root)
        unreadable.append(IngestError(str(where), f"cannot read folder ({exc.strerror or exc})"))

    for dirpath, dirnames, filenames in os.walk(root, onerror=note):
        yield from unreadable
        unreadable.clear()
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            path = Path(dirpath) / name
            if name.startswith(".") or _is_hidden(path, root):
                continue
            if path.suffix.lower() not in READERS or path.stem.lower() in _NOT_REPORTS:
                continue
            yield path
    yield from unreadable


def _read_file(path: Path, defaults: Defaults) -> Iterator[Result]:
    try:
        data = _read_bytes(path)
    except IngestError as exc:
        yield exc
        return
    reader = READERS.get(path.suffix.lower()) or sniff(data)
    yield from _run(reader, data, str(path), defaults)


def _read_url(url: str, defaults: Defaults) -> Iterator[Result]:
    try:
        fetched = fetch_url(url)
    except IngestError as exc:
        yield exc
        return
    if fetched.content_type in ("text/html", "application/xhtml+xml"):
        try:
            yield from read_html(fetched.data, url, defaults, url=fetched.url)
        except IngestError as exc:
            yield exc
        return
    reader = sniff(fetched.data)
    if fetched.content_type in _FEED_TYPES:
        reader = READERS[".xml"]
    for item in _run(reader, fetched.data, url, defaults):
        if isinstance(item, Article) and not item.url:
            item.url = fetched.url
        yield item


def read_path(spec: str, defaults: Defaults, stdin: BinaryIO | None = None) -> Iterator[Result]:
    """Articles and errors from one input: a file, folder, "-" (stdin) or http(s) URL."""
    if spec == STDIN:
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read()
        yield from _run(sniff(data), data, "<stdin>", defaults)
        return
    if is_url(spec):
        yield from _read_url(spec, defaults)
        return
    path = Path(spec)
    if not path.exists():
        yield IngestError(spec, "no such file or folder")
    elif path.is_dir():
        for item in _folder_files(path):
            if isinstance(item, IngestError):
                yield item
            else:
                yield from _read_file(item, defaults)
    else:
        yield from _read_file(path, defaults)


def read_inputs(
    paths: Iterable[str | os.PathLike[str]],
    published: date | None = None,
    outlet: str | None = None,
    *,
    stdin: BinaryIO | None = None,
) -> Iterator[Article | IngestError]:
    """Read every input in turn; bad inputs come out as IngestError items, the rest goes on.

    ``published`` and ``outlet`` are defaults: a date or outlet given by the input
    itself (front matter, a JSONL/CSV column, HTML meta tags, feed item dates) wins.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("Title: Clash\\n\\nTroops clashed with rebels.")
    >>> article, error = read_inputs([str(folder), str(folder / "nope.txt")])
    >>> article.title, error.problem
    ('Clash', 'no such file or folder')
    """
    defaults = Defaults(published=published, outlet=outlet)
    for spec in paths:
        yield from read_path(os.fspath(spec), defaults, stdin=stdin)
