"""Options and conversions shared by several commands, written once."""

from __future__ import annotations

from datetime import date

import click

from eventwire.store import Store, StoreError, default_db_url


def parse_date(ctx: click.Context | None, param: click.Parameter | None,
               value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        name = param.name if param is not None else "date"
        raise click.BadParameter(f"{name}: expected YYYY-MM-DD, got {value!r}") from exc


db_option = click.option(
    "--db", "db", default=None, metavar="URL",
    help="Store URL (sqlite:///path.db, a file path, or postgresql://...); "
         "default $EVENTWIRE_DB or sqlite:///eventwire.db.")
published_option = click.option(
    "--published", callback=parse_date, metavar="YYYY-MM-DD",
    help="Publication date for inputs that carry none (anchors 'on Tuesday').")


def open_store(db: str | None) -> Store:
    try:
        return Store.open(db or default_db_url())
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
