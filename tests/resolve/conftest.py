"""Shared fixtures of the resolve tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.resolve.gazetteer_build import build_gazetteer


@pytest.fixture(scope="session")
def small_gazetteer_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A gazetteer of a few countries, built once per test session."""
    path = tmp_path_factory.mktemp("gazetteer") / "small.sqlite"
    build_gazetteer(path, countries=("IQ", "PS", "US", "GB", "CA", "LB", "SY", "IL", "IR"))
    return path
