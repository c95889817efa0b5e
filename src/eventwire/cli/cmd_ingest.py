"""`eventwire ingest`: read reports, code them and store the events."""

from __future__ import annotations

import sys

import click
from tqdm import tqdm

from eventwire.cli import cli
from eventwire.cli.options import db_option, open_store, published_option
from eventwire.ingest import read_inputs
from eventwire.pipeline import default_pipeline
from eventwire.runners.local import run_ingest


@cli.command("ingest")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@published_option
@click.option("--outlet", metavar="NAME", help="Outlet name for inputs that carry none.")
@db_option
@click.option("--quiet", is_flag=True, help="No progress bar.")
def ingest_cmd(paths: tuple[str, ...], published, outlet: str | None, db: str | None,
               quiet: bool) -> None:
    """Read reports (files, folders, .jsonl, .csv, .html, feeds, URLs or - for stdin),
    code them and store their events. A report already stored is not stored again.

    Example: eventwire ingest examples/ --db sqlite:///events.db
    """
    store = open_store(db)
    items = read_inputs(paths, published=published, outlet=outlet)

    def bar(articles):
        return tqdm(articles, desc="coding", unit="report", disable=quiet or None,
                    file=sys.stderr)

    report = run_ingest(items, store, default_pipeline(),
                        on_error=lambda msg: click.echo(f"error: {msg}", err=True),
                        progress=bar)
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    click.echo(
        f"{report.read} reports read, {report.stored} stored, {report.duplicates} already "
        f"stored, {report.copies} copies of stored stories, {report.skipped} without events; "
        f"{report.events_new} new events, {report.events_linked} linked to stored events, "
        f"{report.statements} statements; {len(report.failed)} inputs failed")
    if report.failed:
        sys.exit(1)
