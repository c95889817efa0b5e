"""`eventwire eval arguments`: argument extraction on WikiEvents or RAMS with gold triggers."""

from __future__ import annotations

import json
from pathlib import Path

import click

from eventwire.cli import eval_group


@eval_group.command("arguments")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="End with one JSON line of figures.")
def eval_arguments(path: Path, as_json: bool) -> None:
    """Score argument identification/classification (head F1) on a WikiEvents JSONL.

    Gold triggers are given; for each event of type Conflict.*, Life.Die.*, Life.Injure.*
    or Justice.ArrestJailDetain.* eventwire's argument finder is called on the trigger and
    its roles are mapped to KAIROS roles (data/kairos_roles.yaml). A RAMS 1.0 file
    (.jsonlines, told apart by its gold_evt_links) is scored the same way on its attack,
    protest, death, injury and arrest events, with data/rams_roles.yaml.

    Example: eventwire eval arguments ../shared/eval/wikievents/dev.jsonl --json
    """
    from eventwire.evaluate.arguments import EvalDataError, evaluate_arguments, read_gold

    try:
        docs, role_map = read_gold(path)
        result = evaluate_arguments(docs, role_map=role_map)
    except EvalDataError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{'role':16} {'gold':>5} {'pred':>5} {'match':>5}")
    for role, c in result["by_role"].items():
        click.echo(f"{role:16} {c['gold']:5d} {c['predicted']:5d} {c['matched']:5d}")
    click.echo(
        f"events {result['n_events']}, gold arguments {result['n_gold']}, "
        f"predicted {result['n_pred']}\n"
        f"Arg-I head: P {result['arg_i_p']:.3f} R {result['arg_i_r']:.3f} "
        f"F1 {result['arg_i_f1']:.3f}\n"
        f"Arg-C head: P {result['arg_c_p']:.3f} R {result['arg_c_r']:.3f} "
        f"F1 {result['arg_c_f1']:.3f}"
    )
    if as_json:
        figures = {k: v for k, v in result.items() if k != "by_role"}
        click.echo(json.dumps(figures))
