"""A small gazetteer shared by the place tests (built once per test session)."""

from __future__ import annotations

import tempfile
from functools import lru_cache
from pathlib import Path

from eventwire.resolve.gazetteer_build import build_gazetteer

COUNTRIES = ("IQ", "PS", "US", "GB", "CA", "LB", "SY", "IL", "IR", "UA")


@lru_cache(maxsize=1)
def small_gazetteer_path() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="eventwire-gaz-"))
    return build_gazetteer(folder / "gazetteer.sqlite", countries=COUNTRIES)
