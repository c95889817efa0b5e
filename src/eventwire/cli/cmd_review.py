"""`eventwire links`, `merge` and `split`: see and correct how reports were linked.

An analyst's merge or split locks the mentions it moves and is recorded in the store's
decision log; ingestion never re-links a locked mention, so re-running it keeps them.
"""

from __future__ import annotations

import json

import click

from eventwire.cli import cli
from eventwire.cli.options import db_option, open_store
from eventwire.link.errors import LinkError
from eventwire.link.incidents import independent_sources, merge_into
from eventwire.link.review import split_off
from eventwire.store import Store, StoreError
from eventwire.store.codec import mention_from


def _event(store: Store, event_id: str):
    try:
        return store.get_event(event_id)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc


def merge_events(store: Store, target_id: str, other_id: str):
    """Fold event ``other_id`` into ``target_id``; returns the merged event."""
    if target_id == other_id:
        raise click.ClickException(f"cannot merge event {target_id!r} with itself")
    target, other = _event(store, target_id), _event(store, other_id)
    if target.kind != other.kind:
        raise click.ClickException(
            f"cannot merge a {target.kind} ({target_id}) with a {other.kind} ({other_id})"
        )
    merged = merge_into(target, other)
    merged.status = "edited"
    moving = [r["id"] for r in store.mention_rows(other_id)]
    staying = [r["id"] for r in store.mention_rows(target_id)]
    store.update_event(merged, independent=independent_sources(merged))
    store.move_mentions(moving + staying, target_id, lock=True)
    store.delete_event(other_id)
    store.record_decision("merge", target_id, other_id)
    return merged


def split_mention(store: Store, event_id: str, mention_id: int):
    """Move mention row ``mention_id`` out of ``event_id`` into a new event; returns both."""
    event = _event(store, event_id)
    rows = {r["id"]: r for r in store.mention_rows(event_id)}
    if mention_id not in rows:
        listed = ", ".join(str(i) for i in rows) or "none"
        raise click.ClickException(
            f"event {event_id!r} has no mention {mention_id} (its mentions: {listed}); "
            f"see `eventwire links {event_id}`"
        )
    new_id = f"{event_id}~{mention_id}"
    try:
        rest, new = split_off(event, mention_from(rows[mention_id]["data"]), new_id)
    except LinkError as exc:
        raise click.ClickException(str(exc)) from exc
    store.insert_event(new, [], independent=independent_sources(new))
    store.move_mentions([mention_id], new_id, lock=True)
    store.move_mentions([i for i in rows if i != mention_id], event_id, lock=True)
    store.update_event(rest, independent=independent_sources(rest))
    store.record_decision("split", event_id, new_id, note=f"mention {mention_id}")
    return rest, new


@cli.command("links")
@click.argument("event_id")
@db_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object per mention.")
def links_cmd(event_id: str, db: str | None, as_json: bool) -> None:
    """Show which mentions (from which reports) make up an event, and why they were linked.

    Example: eventwire links 3f2a9c01d4e5b6a7-1
    """
    store = open_store(db)
    event = _event(store, event_id)
    rows = store.mention_rows(event_id)
    if as_json:
        for r in rows:
            click.echo(json.dumps({k: r[k] for k in ("id", "article_id", "score", "reasons",
                                                      "locked")} | {"event_id": event_id}))
        return
    click.echo(f"{event_id}: {event.sub_event_type or event.statement_type}, "
               f"{independent_sources(event)} independent source(s)")
    for r in rows:
        trigger = (r["data"].get("trigger") or {}).get("text", "")
        score = "first report" if r["score"] is None else f"score {r['score']:.2f}"
        why = ", ".join(f"{k} {v:.2f}" for k, v in (r["reasons"] or {}).items())
        lock = "  [locked by analyst]" if r["locked"] else ""
        click.echo(f"  mention {r['id']}: article {r['article_id']} '{trigger}' {score}"
                   f"{' (' + why + ')' if why else ''}{lock}")


@cli.command("merge")
@click.argument("target")
@click.argument("other")
@db_option
def merge_cmd(target: str, other: str, db: str | None) -> None:
    """Merge event OTHER into event TARGET (same incident); OTHER disappears.

    Example: eventwire merge 3f2a9c01d4e5b6a7-1 9be0c2d4a1f37e55-2
    """
    merged = merge_events(open_store(db), target, other)
    click.echo(f"merged {other} into {target}: {len(merged.sources)} report(s), "
               f"{independent_sources(merged)} independent")


@cli.command("split")
@click.argument("event_id")
@click.argument("mention_id", type=int)
@db_option
def split_cmd(event_id: str, mention_id: int, db: str | None) -> None:
    """Take mention MENTION_ID (see `eventwire links`) out of EVENT_ID into a new event.

    Example: eventwire split 3f2a9c01d4e5b6a7-1 12
    """
    _, new = split_mention(open_store(db), event_id, mention_id)
    click.echo(f"split mention {mention_id} out of {event_id} into {new.id}")
