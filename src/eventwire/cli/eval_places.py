"""`eventwire eval places`: place recognition and geocoding on GeoWebNews / TR-News."""

from __future__ import annotations

import json
import time

import click

from eventwire.cli import eval_group


@eval_group.command("places")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--system", "system_file", type=click.Path(exists=True, dir_okay=False),
              help="Score a peer's output (gwn_*.txt format) instead of eventwire's.")
@click.option("--against", "against_file", type=click.Path(exists=True, dir_okay=False),
              help="Also compare acc@161 with a peer's output (gwn_*.txt) on the toponyms "
              "both found.")
@click.option("--gazetteer", type=click.Path(dir_okay=False), default=None,
              help="Gazetteer file (default: the built one under $EVENTWIRE_HOME).")
@click.option("--limit", type=int, default=None, help="Only the first N articles.")
@click.option("--json", "as_json", is_flag=True, help="End with one JSON object of figures.")
def eval_places(path: str, system_file: str | None, against_file: str | None,
                gazetteer: str | None, limit: int | None, as_json: bool) -> None:
    """Score place recognition (P/R/F1) and geocoding (acc@161, AUC, mean km) on PATH.

    PATH is GeoWebNews (GWN.xml) or an LGL/TR-News XML file (TR-News.xml).

    Example: eventwire eval places ../shared/eval/geoparsing/GWN.xml --json

    Example: eventwire eval places ../shared/eval/geoparsing/GWN.xml
    --system ../shared/eval/geoparsing/gwn_edin.txt

    Example: eventwire eval places ../shared/eval/geoparsing/GWN.xml
    --against ../shared/eval/geoparsing/gwn_edin.txt --json
    """
    from eventwire.evaluate.places import (
        GoldFormatError,
        common_accuracy,
        predict,
        read_gold,
        read_system,
        realign,
        score,
    )
    from eventwire.resolve.gazetteer import GazetteerError

    try:
        gold = read_gold(path)
        total = len(gold)
        if limit:
            gold = gold[:limit]
        started = time.perf_counter()
        timings: dict = {}
        if system_file:
            system = read_system(system_file, len(gold), total)
            preds = [realign(tops, doc.text) for tops, doc in zip(system, gold, strict=True)]
        else:
            from eventwire.nlp import parse_many
            from eventwire.resolve.places import PlaceResolver

            resolver = PlaceResolver(gazetteer)
            _ = resolver.gazetteer  # load (or build) before timing
            preds = predict(gold, resolver, parse_many, timings)
        if against_file:
            peer_out = read_system(against_file, len(gold), total)
            peer = [realign(tops, doc.text) for tops, doc in zip(peer_out, gold, strict=True)]
            timings |= common_accuracy(gold, preds, peer)
    except (GoldFormatError, GazetteerError) as exc:
        raise click.ClickException(str(exc)) from exc
    figures = score(gold, preds) | timings
    figures["system"] = system_file or "eventwire"
    figures["seconds"] = round(time.perf_counter() - started, 1)
    for key, value in figures.items():
        click.echo(f"{key:32} {value}")
    if as_json:
        click.echo(json.dumps(figures))
