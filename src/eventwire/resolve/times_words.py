"""Shared pieces of the time rules: the word tables, pattern fragments built from
them, the `Rule` type and small resolution helpers.

>>> [bool(re.fullmatch(fragments().mon, w)) for w in ("Oct.", "October", "march")]
[True, True, False]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

import yaml

from eventwire.model import When
from eventwire.resolve.times_calendar import period_range, precision_of

Resolved = tuple[str, str | None, When | None]


@dataclass(frozen=True, slots=True)
class Rule:
    """A pattern and the function resolving its match against an anchor date."""

    name: str
    pattern: re.Pattern[str]
    resolve: Callable[[re.Match[str], date | None], Resolved | None]
    # Anaphoric phrases ("the next day", "two days later") count from the latest date
    # named before them in the text, not from publication.
    anaphoric: bool = False


@cache
def phrases() -> dict:
    """The time word tables (data/time_phrases.yaml)."""
    text = resources.files("eventwire").joinpath("data/time_phrases.yaml").read_text("utf-8")
    return yaml.safe_load(text)


def alt(words: list[str]) -> str:
    """A regex alternation of `words`, longest first so "Thursday" wins over "Thu"."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def names(table: dict) -> str:
    """Capitalised or upper-case forms only: "march"/"may"/"sat" are ordinary words.

    An abbreviation (a key with a longer sibling of the same value) may end in a dot.
    """
    longest: dict[int, int] = {}
    for word, number in table.items():
        longest[number] = max(longest.get(number, 0), len(word))
    forms = []
    for word in sorted(table, key=len, reverse=True):
        dot = r"\.?" if len(word) < longest[table[word]] else ""
        forms += [re.escape(word.capitalize()) + dot, re.escape(word.upper()) + dot]
    return "(?:" + "|".join(forms) + r")(?!\w)"


@dataclass(frozen=True, slots=True)
class Fragments:
    wd: str  # a weekday name
    mon: str  # a month name, group "mon"
    day: str  # a day of the month, group "d"
    year: str  # a four-digit year, group "y"
    part: str  # a part of the day, group "part"
    num: str  # a count in digits or words, group "n"
    quarter: str  # a quarter ordinal, group "q"
    mods: str  # a modifier before a month or season, group "mod"


@cache
def fragments() -> Fragments:
    table = phrases()
    return Fragments(
        wd=names(table["weekdays"]),
        mon=names(table["months"]),
        day=r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?",
        year=r"(?P<y>(?:1[89]|20)\d\d)",
        part=r"(?P<part>" + alt(list(table["day_parts"])) + r")",
        num=r"(?P<n>\d+|" + alt(list(table["numbers"])) + r")",
        quarter=r"(?P<q>" + alt(list(table["quarters"])) + r")",
        mods=r"(?P<mod>(?i:last|this|next|early|late|mid|earlier|later))",
    )


def calendar_range(value: str) -> tuple[date, date]:
    """First and last day of a period value; ValueError if it is not one."""
    period = period_range(value)
    if period is None:  # a year out of the calendar's range, say
        raise ValueError(f"not a calendar period: {value!r}")
    return period


def period_when(value: str, published: date | None, text: str, clip: bool = True) -> When:
    """The When of a period value, cut at publication when the period is still running."""
    start, end = calendar_range(value)
    # A period still running at publication cannot hold a reported event after that day.
    if clip and published is not None and start <= published < end:
        end = published
    return When(start, end, precision_of(value), text)


def single_day(day: date, text: str, part: str | None = None) -> tuple[str, str, When]:
    value = day.isoformat() + (f"T{part}" if part else "")
    return "DATE", value, When(day, day, "day", text)


def month_number(word: str) -> int:
    return phrases()["months"][word.lower().rstrip(".")]


def bare_abbreviation(word: str, table: dict) -> bool:
    """An abbreviation written without its dot ("Sun", "Jan"), too ambiguous alone."""
    if word.endswith("."):
        return False
    key = word.lower()
    return any(len(other) > len(key) and table[other] == table[key] for other in table)


def lead_weekday(text: str) -> int | None:
    """The ISO weekday a phrase starts with ("Friday, Oct. 13" -> 5), if any."""
    word = re.match(r"[A-Za-z]+", text)
    return phrases()["weekdays"].get(word[0].lower()) if word else None


def nearest_year(month: int, day: int, published: date, weekday: int | None = None) -> int | None:
    """The year of a date written without one: the nearest such date to publication.

    News looks back more than forward, so the future costs half as much again. A
    weekday named with it ("Friday, Oct. 13") picks the year where the date falls
    on that weekday.
    """
    best: tuple[float, int] | None = None
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        delta = (candidate - published).days
        cost = abs(delta) * (1.0 if delta <= 0 else 1.5)
        if weekday is not None and candidate.isoweekday() != weekday:
            cost += 10_000
        if best is None or cost < best[0]:
            best = (cost, year)
    return None if best is None else best[1]


def number_of(word: str) -> int | None:
    """A count written in digits or words ("three" -> 3; "several" -> None)."""
    word = word.lower()
    if word.isdigit():
        return int(word)
    return phrases()["numbers"].get(word)
