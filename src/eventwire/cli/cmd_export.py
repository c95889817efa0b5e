"""`eventwire export`: write the stored events to a file."""

from __future__ import annotations

import click

from eventwire.cli import cli
from eventwire.cli.cmd_events import filter_options, make_filter
from eventwire.cli.options import db_option, open_store
from eventwire.export import FORMATS, ExportError, export_events


@cli.command("export")
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), required=True)
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="File to write.")
@filter_options
@db_option
def export_cmd(fmt: str, output: str, db: str | None, **filters) -> None:
    """Export stored events as ACLED-style CSV, GeoJSON, JSONL or Parquet.

    Example: eventwire export --format acled-csv -o events.csv --country IQ
    """
    store = open_store(db)
    events = store.events(make_filter(**filters))
    try:
        n = export_events(events, fmt, output)
    except ExportError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{n} records written to {output}")
