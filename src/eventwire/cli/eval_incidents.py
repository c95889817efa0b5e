"""`eventwire eval incidents`: document clustering into real incidents on ECB+."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from eventwire.cli import eval_group
from eventwire.evaluate.ecbplus import EcbPlusError
from eventwire.evaluate.incidents import (
    DEFAULT_THRESHOLD,
    DEFAULT_THRESHOLD_NO_EMBEDDINGS,
    evaluate_incidents,
)


def _line(name: str, f: dict) -> str:
    return (
        f"{name:<16} docs={f['n_docs']:<4} B3 P={f['b3_p']:.3f} R={f['b3_r']:.3f} "
        f"F1={f['b3_f1']:.3f}  pairwise F1={f['pairwise_f1']:.3f}  "
        f"clusters={f['n_clusters']} (gold {f['n_incidents']})  "
        f"topics with incidents apart={f['topics_apart']}/{f['n_topics']}"
        + (f" (merged: {' '.join(f['topics_merged'])})" if f["topics_merged"] else "")
    )


def _topic_list(ctx: click.Context, param: click.Parameter, value: str | None) -> list[str] | None:
    if value is None:
        return None
    topics = [t.strip() for t in value.split(",") if t.strip()]
    if not topics:
        raise click.BadParameter("give topic numbers separated by commas, e.g. 9,10,20")
    return topics


@eval_group.command("incidents")
@click.argument("ecb_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--gold",
    "gold_path",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="doc_to_incident.tsv: document, topic, incident, split.",
)
@click.option("--threshold", type=float, default=None,
              help=f"Average similarity above which clusters merge (default "
                   f"{DEFAULT_THRESHOLD}, {DEFAULT_THRESHOLD_NO_EMBEDDINGS} without embeddings).")
@click.option("--no-embeddings", is_flag=True, help="Leave sentence embeddings out.")
@click.option("--no-topic", is_flag=True, help="Also cluster all documents with no topic given.")
@click.option("--topics", callback=_topic_list,
              help="Only these topics, comma-separated (e.g. 9,10,20), for a quick run.")
@click.option("--json", "as_json", is_flag=True, help="End with one JSON line of figures.")
def eval_incidents(
    ecb_dir: Path,
    gold_path: Path,
    threshold: float | None,
    no_embeddings: bool,
    no_topic: bool,
    topics: list[str] | None,
    as_json: bool,
) -> None:
    """Cluster ECB+ news documents into real-world incidents and score B-cubed/pairwise F1.

    Documents of every topic of the gold table (or of --topics) go through ingest, the
    parse, time resolution and trigger extraction, then are clustered within each topic.
    "topics with incidents apart" counts topics whose incidents each have their own main
    cluster; the topics where two share one are named.

    Example: eventwire eval incidents ../shared/eval/ecbplus
    --gold ../shared/eval/ecbplus/doc_to_incident.tsv --json
    """
    with click.progressbar(length=1, label="parsing documents", file=sys.stderr) as bar:

        def progress(done: int, total: int) -> None:
            bar.length = total
            bar.update(done - bar.pos)

        try:
            result = evaluate_incidents(
                ecb_dir, gold_path, threshold=threshold, use_embeddings=not no_embeddings,
                no_topic=no_topic, progress=progress, topics=topics,
            )
        except EcbPlusError as exc:
            raise click.ClickException(str(exc)) from exc
    click.echo(_line("all splits", result))
    for split, figures in result["per_split"].items():
        click.echo(_line(split, figures))
    if "no_topic" in result:
        click.echo(_line("no topic given", result["no_topic"]))
    if result["extract_failures"]:
        click.echo(f"trigger extraction gave up on {len(result['extract_failures'])} "
                   f"document(s): {', '.join(result['extract_failures'])}", err=True)
    if as_json:
        click.echo(json.dumps(result))
