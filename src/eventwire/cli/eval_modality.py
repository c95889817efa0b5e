"""`eventwire eval modality`: modality accuracy on sentences we wrote."""

from __future__ import annotations

import json
from pathlib import Path

import click

from eventwire.cli import eval_group
from eventwire.evaluate.modality import ModalityDataError, evaluate_modality


@eval_group.command("modality")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object last.")
@click.option("--errors", is_flag=True, help="List the sentences labelled wrongly.")
def eval_modality(path: Path, as_json: bool, errors: bool) -> None:
    """Score modality (occurred, threatened, planned, hypothetical, negated, denied,
    claimed) on a JSONL file of {"text", "modality"} lines.

    Example: eventwire eval modality tests/data/modality_eval.jsonl --json
    """
    try:
        scores = evaluate_modality(path)
    except ModalityDataError as exc:
        raise click.ClickException(str(exc)) from exc
    result = scores.as_dict()
    if errors:
        for gold, got, text in scores.errors:
            click.echo(f"{gold:>12} -> {got:<12} {text}")
    if as_json:
        click.echo(json.dumps(result))
        return
    click.echo(f"sentences {result['n']}, accuracy {result['accuracy']:.3f}")
    for label, acc in result["per_label"].items():
        click.echo(f"  {label:<13} {acc:.3f}")
    for (gold, got), count in scores.confusions.most_common(5):
        click.echo(f"  confused {gold} -> {got}: {count}")
