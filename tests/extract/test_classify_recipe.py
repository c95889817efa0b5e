"""The shipped artifacts are current: built from today's training file, as the recipe says."""

import hashlib
import json
from pathlib import Path

from eventwire.extract import classify

MODELS = classify.default_artifact().parent
ROOT = MODELS.parents[3]  # src/eventwire/data/models -> repository root


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _recipe() -> dict:
    return json.loads((MODELS / classify.RECIPE_NAME).read_text(encoding="utf-8"))


def test_artifacts_match_their_recipe():
    for name, digest in _recipe()["artifacts"].items():
        assert _sha(MODELS / name) == digest, f"{name} differs from its recipe; run make train"


def test_training_data_unchanged_since_the_artifacts_were_built():
    for entry in _recipe()["data"]:
        path = ROOT / entry["path"]
        assert _sha(path) == entry["sha256"], f"{path} changed; run make train and commit"


def test_artifacts_stay_small():
    total = sum(p.stat().st_size for p in MODELS.iterdir())
    assert total < 5 * 1024 * 1024


def test_recipe_lists_every_training_file():
    listed = {entry["path"] for entry in _recipe()["data"]}
    on_disk = {str(p.relative_to(ROOT)) for p in (MODELS.parent / "training").glob("*.jsonl")}
    assert on_disk <= listed, f"not in the recipe: {sorted(on_disk - listed)}; run make train"
