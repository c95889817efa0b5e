"""`eventwire extract`: code one report without storing it."""

from __future__ import annotations

import json
import sys

import click

from eventwire.cli import cli
from eventwire.cli.options import published_option
from eventwire.cli.render import event_table
from eventwire.ingest import IngestError, read_inputs
from eventwire.model import to_jsonable
from eventwire.pipeline import default_pipeline


@cli.command("extract")
@click.argument("source", metavar="FILE|-")
@published_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def extract_cmd(source: str, published, as_json: bool) -> None:
    """Code one report (a file, or - for standard input) and print its events.

    Example: eventwire extract report.txt --published 2023-10-18 --json
    """
    items = list(read_inputs([source], published=published))
    errors = [i for i in items if isinstance(i, IngestError)]
    articles = [i for i in items if not isinstance(i, IngestError)]
    for err in errors:
        click.echo(f"error: {err}", err=True)
    if not articles:
        raise click.ClickException(f"{source}: no report could be read")
    if len(articles) > 1:
        click.echo(f"warning: {source} holds {len(articles)} reports; coding the first "
                   "(use `eventwire ingest` for batches)", err=True)
    result = default_pipeline().process(articles[0])
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    if as_json:
        click.echo(json.dumps(to_jsonable(result.to_json()), ensure_ascii=False))
    else:
        click.echo(event_table(result.events + result.statements))
    if errors:
        sys.exit(1)
