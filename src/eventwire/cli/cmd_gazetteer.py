"""`eventwire gazetteer ...`: build and query the offline gazetteer."""

from __future__ import annotations

import json
import logging

import click

from eventwire.cli import cli


@cli.group(name="gazetteer")
def gazetteer_group() -> None:
    """Build and query the offline place gazetteer.

    Example: eventwire gazetteer build
    """


@gazetteer_group.command("build")
@click.option("--path", type=click.Path(dir_okay=False), default=None,
              help="Where to write it (default: $EVENTWIRE_HOME/gazetteer-<version>.sqlite).")
@click.option("--country", "countries", multiple=True,
              help="Only these ISO country codes (repeatable; for small test gazetteers).")
def build(path: str | None, countries: tuple[str, ...]) -> None:
    """Build the SQLite gazetteer from the installed registry packages and our rows.

    Example: eventwire gazetteer build --path /tmp/gazetteer.sqlite
    """
    from eventwire.resolve.gazetteer_build import GazetteerBuildError, build_gazetteer

    logging.basicConfig(level=logging.INFO, format="%(message)s")
    try:
        target = build_gazetteer(path, countries or None)
    except GazetteerBuildError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(str(target))


@gazetteer_group.command("lookup")
@click.argument("name")
@click.option("--path", type=click.Path(dir_okay=False), default=None, help="Gazetteer file.")
@click.option("--limit", type=int, default=10, show_default=True)
def lookup(name: str, path: str | None, limit: int) -> None:
    """Candidate places for NAME, most populous first, one JSON object a line.

    Example: eventwire gazetteer lookup "al-Harir"
    """
    from eventwire.resolve.gazetteer import Gazetteer, GazetteerError

    try:
        cands = Gazetteer(path).lookup(name)
    except GazetteerError as exc:
        raise click.ClickException(str(exc)) from exc
    for cand in cands[:limit]:
        click.echo(json.dumps({"gazetteer_id": cand.gazetteer_id, "name": cand.name,
                               "lat": cand.lat, "lon": cand.lon, "country": cand.country,
                               "admin1": cand.admin1, "admin2": cand.admin2,
                               "feature": cand.feature, "population": cand.population,
                               "matched_as": cand.kind}, ensure_ascii=False))
