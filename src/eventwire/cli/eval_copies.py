"""`eventwire eval copies`: copy detection and provenance on a JSONL set of our own."""

from __future__ import annotations

import json
from pathlib import Path

import click

from eventwire.cli import eval_group
from eventwire.evaluate.copies import CopiesGoldError, evaluate_copies


@eval_group.command("copies")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--no-embeddings", is_flag=True, help="Word overlap only (no sentence model).")
@click.option("--json", "as_json", is_flag=True, help="End with one JSON line of figures.")
def eval_copies(gold: Path, no_embeddings: bool, as_json: bool) -> None:
    """Score copy detection: which reports are one story republished (pairwise P/R/F1).

    GOLD is a JSONL file, one report a line with "id", "text", "story" (same story =
    copies) and optionally "outlet", "byline", "published_at", "wire", "byline_conflict".

    Example: eventwire eval copies tests/link/copies.jsonl --json
    """
    try:
        result = evaluate_copies(gold, use_embeddings=not no_embeddings)
    except CopiesGoldError as exc:
        raise click.ClickException(str(exc)) from exc
    for r in result["reports"]:
        found = f"copy of {r['copy_of']} ({r['method']})" if r["copy_of"] else "original"
        wire = f" wire={r['wire_source']}" if r["wire_source"] else ""
        conflict = " byline-conflict" if r["byline_conflict"] else ""
        click.echo(f"{r['id']}: {found}{wire}{conflict}")
    figures = {k: v for k, v in result.items() if k != "reports"}
    click.echo(
        f"copy pairs: P={figures['copy_p']:.3f} R={figures['copy_r']:.3f} "
        f"F1={figures['copy_f1']:.3f} over {figures['n_reports']} reports, "
        f"{figures['n_gold_pairs']} gold pairs"
    )
    if as_json:
        click.echo(json.dumps(figures))
