"""`eventwire eval times`: time expressions scored on TimeML gold (TempEval-3)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from eventwire.cli import eval_group
from eventwire.evaluate.times import TimeMLError, evaluate_times


@eval_group.command("times")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object last.")
@click.option("--errors", type=int, default=0, show_default=True, help="Show this many errors.")
def eval_times(path: Path, as_json: bool, errors: int) -> None:
    """Score DATE time expressions (span and value F1) on TimeML files under PATH.

    Example: eventwire eval times ../shared/eval/tempeval3/TBAQ-cleaned_train --json
    """
    try:
        scores = evaluate_times(path)
    except (TimeMLError, OSError) as error:
        raise click.ClickException(str(error)) from error
    for doc, gold_text, gold_value, got in scores.errors[:errors]:
        click.echo(f"{doc}\t{gold_text!r} {gold_value}\t{got}")
    result = scores.as_dict()
    if as_json:
        click.echo(json.dumps(result))
        return
    click.echo(f"documents {result['documents']}, gold DATE expressions {result['n']}")
    for key in ("strict_f1", "relaxed_f1", "value_f1", "value_precision", "value_recall"):
        click.echo(f"{key:16} {result[key]:.3f}")
