"""Data tables shipped with eventwire (lexicons, ontology, registry, gazetteer rows)."""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml


def read_table(name: str, error: type[Exception] = ValueError, what: str = "table") -> Any:
    """One YAML table of ``eventwire/data`` ("triggers.yaml", "gazetteer/cues.yaml").

    An unreadable or malformed file raises ``error`` naming the file and what it holds.
    """
    path = resources.files("eventwire") / "data" / name
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise error(f"cannot read {what} {path}: {exc}") from exc
