"""The `eventwire` command line: a thin shell over the Python API."""

from __future__ import annotations

import importlib
import pkgutil

import click


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="eventwire")
def cli() -> None:
    """eventwire: news reports in, sourced conflict event records out.

    Example: eventwire extract report.txt --published 2023-10-18 --json
    """


@cli.group(name="eval")
def eval_group() -> None:
    """Measure a stage on public gold data (pass the data set's path).

    Example: eventwire eval event-types ../shared/eval/case2021/dev.tsv --json
    """


def _load_commands() -> None:
    # Each command module registers itself on `cli` or `eval_group` when imported;
    # discovering them keeps the list of commands in one place: the files.
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith(("cmd_", "eval_")):
            importlib.import_module(f"{__name__}.{info.name}")


_load_commands()


def main() -> None:
    cli()
