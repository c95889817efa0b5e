"""Reading the JSON-lines test and gold files, one way for every evaluation."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any


def jsonl_rows(path: str | Path, error: type[Exception]) -> Iterator[tuple[str, Any]]:
    """Each non-blank line of ``path``, parsed, with where it stands ("x.jsonl, line 3").

    An unreadable file or a line that is not JSON raises ``error`` naming the file and the
    line, so callers check only what their rows must hold and raise ``error(f"{where}: ...")``.
    """
    file = Path(path)
    try:
        lines = file.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise error(f"cannot read {file}: {exc.strerror or exc}") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{file}, line {number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise error(f"{where}: not JSON ({exc.msg})") from exc
        yield where, row
