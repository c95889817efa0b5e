"""`eventwire actors`: unverified actors to review, registry look-ups, and new registry rows."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from pathlib import Path

import click

from eventwire.cli import cli
from eventwire.cli.options import db_option, open_store
from eventwire.model import ACTOR_KINDS
from eventwire.resolve.actor_registry import (
    DATA_DIR,
    ActorRegistry,
    ActorRegistryError,
    curated_row,
    default_registry,
)
from eventwire.resolve.actors import ActorResolver

ADDED_FILE = "added.yaml"
_ADDED_HEADER = (
    "# Actors added by analysts with `eventwire actors add` (fields: see middle_east.yaml).\n"
)


@cli.group("actors", invoke_without_command=True)
@click.option("--unverified", is_flag=True, help="List unverified actors with counts and examples.")
@click.option("--limit", type=int, default=50, show_default=True, help="Show at most this many.")
@click.option(
    "--file",
    "files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Read this report instead of the store (repeatable).",
)
@db_option
@click.pass_context
def actors_cmd(
    ctx: click.Context, unverified: bool, limit: int, files: tuple[Path, ...], db: str | None
) -> None:
    """Review actors: unknown armed groups found in reports, and the registry.

    With --unverified, lists the actors of stored events that are not in the registry (or,
    with --file, the names in those reports that look like armed groups), most frequent first,
    each with an example sentence, so they can be added with `eventwire actors add`.

    Example: eventwire actors --unverified --db sqlite:///events.db
    """
    if ctx.invoked_subcommand is not None:
        return
    if not unverified:
        click.echo(ctx.get_help())
        return
    counts: Counter[str] = Counter()
    examples: dict[str, tuple[str, str, str]] = {}
    if files:
        resolver = ActorResolver()
        for path in files:
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise click.ClickException(f"cannot read {path}: {exc}") from exc
            for actor, sentence in resolver.for_article(text).unverified():
                counts[actor.name] += 1
                examples.setdefault(actor.name, (actor.kind, actor.country or "", sentence))
    else:
        store = open_store(db)
        for event in store.events():
            for actor in [event.actor1, event.actor2, *event.assoc_actors]:
                if actor is None or actor.verified:
                    continue
                counts[actor.name] += 1
                sentence = next((e.sentence for e in event.evidence if e.sentence), "")
                examples.setdefault(actor.name, (actor.kind, actor.country or "", sentence))
    if not counts:
        click.echo("no unverified actors")
        return
    for name, count in counts.most_common(limit):
        kind, country, sentence = examples[name]
        click.echo(f"{count:5}  {name}  [{kind}{', ' + country if country else ''}]")
        if sentence:
            click.echo(f"       e.g. {sentence.strip()[:160]}")


@actors_cmd.command("lookup")
@click.argument("name")
def lookup_cmd(name: str) -> None:
    """Show the registry actor a name or alias resolves to, with its parents.

    Example: eventwire actors lookup "Kata'ib Hizballah"
    """
    article = ActorResolver().for_article(name)
    actor = article.resolve(name)
    if actor is None:
        raise click.ClickException(f"{name!r} names no actor")
    status = "" if actor.verified else " (unverified)"
    click.echo(f"{actor.id}\t{actor.name}\t{actor.kind}\t{actor.country or '-'}{status}")
    for parent in article.associated(actor):
        click.echo(f"  part of: {parent.id}\t{parent.name}")


@actors_cmd.command("add")
@click.argument("name")
@click.option("--kind", required=True, type=click.Choice(ACTOR_KINDS), help="ACLED actor kind.")
@click.option("--country", metavar="CC", help="ISO 3166-1 alpha-2 code of its main country.")
@click.option("--alias", "aliases", multiple=True, help="Another spelling (repeatable).")
@click.option("--parent", "parents", multiple=True, metavar="ID", help="Parent actor id.")
@click.option("--source", help="Where the knowledge comes from (default: analyst addition).")
@click.option("--id", "actor_id", help="Registry id (default: made from the name).")
@click.option(
    "--registry",
    type=click.Path(file_okay=False, path_type=Path),
    default=DATA_DIR,
    show_default="the package's data/actors",
    help="Registry directory to write to.",
)
def add_cmd(
    name: str,
    kind: str,
    country: str | None,
    aliases: tuple[str, ...],
    parents: tuple[str, ...],
    source: str | None,
    actor_id: str | None,
    registry: Path,
) -> None:
    """Add an actor to the registry: appends a row to data/actors/groups/added.yaml.

    Example: eventwire actors add "Liwa al-Fajr al-Jadid" --kind "political militia" --country IQ
    --alias "Liwa al Fajr" --parent islamic-resistance-in-iraq --source "group's claims, 2024"
    """
    try:
        reg = ActorRegistry.load(registry)
    except ActorRegistryError as exc:
        raise click.ClickException(str(exc)) from exc
    actor_id = actor_id or re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    country = country.upper() if country else None
    source = source or f"analyst addition with `eventwire actors add`, {date.today().isoformat()}"
    try:
        text = curated_row(reg, actor_id, name, kind, country, aliases, parents, source)
    except ActorRegistryError as exc:
        raise click.ClickException(str(exc)) from exc
    target = registry / "groups" / ADDED_FILE
    try:
        if not target.exists():
            target.write_text(_ADDED_HEADER, encoding="utf-8")
        with target.open("a", encoding="utf-8") as fh:
            fh.write(text)
    except OSError as exc:
        raise click.ClickException(f"could not add {name!r} to {target}: {exc}") from exc
    default_registry.cache_clear()
    click.echo(f"added {actor_id} to {target}")
