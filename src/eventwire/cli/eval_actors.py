"""`eventwire eval actors`: actor resolution scored on a test set of mentions in context."""

from __future__ import annotations

import json
from pathlib import Path

import click

from eventwire.cli import eval_group
from eventwire.evaluate.actors import ActorsEvalError, evaluate_actors


@eval_group.command("actors")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object last.")
@click.option("--split", type=click.Choice(["dev", "heldout"]), help="Score one part of the set.")
@click.option("--no-roles", is_flag=True, help="Skip role scoring (which runs the full pipeline).")
@click.option("--errors", type=int, default=0, show_default=True, help="Show this many errors.")
def eval_actors(path: Path, as_json: bool, split: str | None, no_roles: bool, errors: int) -> None:
    """Score actor ids, kinds and roles (actor1 acted / actor2 targeted) on a JSONL test set.

    Example: eventwire eval actors tests/data/actors_eval.jsonl --json
    """
    try:
        scores = evaluate_actors(path, roles=not no_roles, split=split)
    except (ActorsEvalError, OSError) as error:
        raise click.ClickException(str(error)) from error
    for outcome in scores.errors()[:errors]:
        row, actor = outcome.row, outcome.actor
        got = "None" if actor is None else f"{actor.id} [{actor.kind}]"
        click.echo(
            f"{row['mention']!r}: gold {row['gold_id']} [{row['gold_kind']}] {row['gold_role']}"
            f" | got {got} {outcome.role or ''}"
        )
    result = scores.as_dict()
    if as_json:
        click.echo(json.dumps(result))
        return
    click.echo(f"mentions {result['n']} (roles scored on {result['role_n']})")
    for key in ("id_accuracy", "kind_accuracy", "role_accuracy"):
        value = result[key]
        click.echo(f"{key:14} {'n/a' if value is None else f'{value:.3f}'}")
    for name, part in (result.get("by_split") or {}).items():
        figures = ", ".join(
            f"{k} {part[k]:.3f}" for k in ("id_accuracy", "kind_accuracy", "role_accuracy")
            if part[k] is not None
        )
        click.echo(f"  {name} (n={part['n']}): {figures}")
    if result["pipeline_errors"]:
        click.echo(f"pipeline failed on {result['pipeline_errors']} report(s); roles there: none")
