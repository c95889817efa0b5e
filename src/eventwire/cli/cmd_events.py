"""`eventwire events` and `eventwire show`: query the store."""

from __future__ import annotations

import json

import click

from eventwire.cli import cli
from eventwire.cli.options import db_option, open_store, parse_date
from eventwire.cli.render import event_detail, event_table
from eventwire.store import EventFilter, StoreError


def _near(ctx, param, value: str | None):
    if value is None:
        return None
    try:
        lat, lon, km = (float(x) for x in value.split(","))
    except ValueError as exc:
        raise click.BadParameter(f"expected LAT,LON,KM (e.g. 33.8,42.4,50), got {value!r}") \
            from exc
    return lat, lon, km


def filter_options(fn):
    """The event filters, shared by `events` and `export`."""
    for opt in reversed([
        click.option("--since", callback=parse_date, metavar="YYYY-MM-DD"),
        click.option("--until", callback=parse_date, metavar="YYYY-MM-DD"),
        click.option("--type", "event_type", metavar="TEXT",
                     help="Event type, sub-type or statement type (substring)."),
        click.option("--country", metavar="CC", help="ISO 3166-1 alpha-2 code."),
        click.option("--actor", metavar="TEXT", help="Actor name or id (substring)."),
        click.option("--near", callback=_near, metavar="LAT,LON,KM"),
        click.option("--kind", type=click.Choice(["event", "statement"])),
    ]):
        fn = opt(fn)
    return fn


def make_filter(**kw) -> EventFilter:
    return EventFilter(since=kw.get("since"), until=kw.get("until"),
                       event_type=kw.get("event_type"), country=kw.get("country"),
                       actor=kw.get("actor"), near=kw.get("near"), kind=kw.get("kind"))


@cli.command("events")
@filter_options
@db_option
@click.option("--json", "as_json", is_flag=True, help="One JSON record per line.")
def events_cmd(db: str | None, as_json: bool, **filters) -> None:
    """List stored events and statements.

    Example: eventwire events --country IQ --since 2023-10-01 --type "drone"
    """
    store = open_store(db)
    found = store.events(make_filter(**filters))
    if as_json:
        for e in found:
            record = e.to_record()
            record["independent_sources"] = store.independent_sources(e.id)
            click.echo(json.dumps(record, ensure_ascii=False))
    else:
        click.echo(event_table(found))


@cli.command("show")
@click.argument("event_id")
@db_option
def show_cmd(event_id: str, db: str | None) -> None:
    """Show every field of one event with the sentence it came from.

    Example: eventwire show 3f2a9c0d1e2b4a5c-1
    """
    store = open_store(db)
    try:
        event = store.get_event(event_id)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(event_detail(event))
    click.echo(f"  independent sources: {store.independent_sources(event_id)}")
