"""Finding time expressions and resolving them against a publication date.

Our own patterns find candidate phrases (a few dozen regular expressions per
article, from `times_dates` and `times_relative`); each is resolved by news
conventions to a TimeML-style value (what the gold data sets annotate) and to a
`When` (what an event record needs). dateparser is asked only about numeric dates,
where its locale knowledge helps; it is wrong for bare weekdays and silent on "the
past 24 hours", so those are ours.

>>> from datetime import date
>>> found = find_expressions("It rained on Wednesday.", date(2023, 10, 18))
>>> [(e.span.text, e.value) for e in found]
[('Wednesday', '2023-10-18')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache

from eventwire.model import Span, When
from eventwire.resolve.times_dates import date_rules
from eventwire.resolve.times_relative import relative_rules
from eventwire.resolve.times_words import Resolved, Rule


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """One time expression: TimeML kind (DATE, TIME, DURATION) and value, and its When.

    `when` is None where the phrase cannot place an event ("the future", or a
    relative phrase with no publication date to resolve against).
    """

    span: Span
    kind: str
    value: str | None
    when: When | None


@cache
def rules() -> tuple[Rule, ...]:
    """All rules; where two equally long matches overlap, the earlier rule wins."""
    return (*date_rules(), *relative_rules())


def _resolve(rule: Rule, match: re.Match[str], anchor: date | None) -> Resolved | None:
    try:
        return rule.resolve(match, anchor)
    except (ValueError, OverflowError):
        # Dates outside the calendar ("Feb. 30", "a million years ago") are not times.
        return None


def find_expressions(text: str, published: date | None) -> list[TimeExpression]:
    """Every time expression in `text`, longest match first where candidates overlap."""
    if isinstance(published, datetime):  # a timestamp counts by its calendar day
        published = published.date()
    candidates: list[tuple[int, int, int, re.Match[str]]] = []
    for order, rule in enumerate(rules()):
        for match in rule.pattern.finditer(text):
            if match.end() > match.start():
                candidates.append((match.start(), match.end(), order, match))
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[tuple[int, int, int, re.Match[str]]] = []
    occupied = bytearray(len(text))  # characters already inside a chosen expression
    for start, end, order, match in candidates:
        if 1 in occupied[start:end]:
            continue
        rule = rules()[order]
        if rule.anaphoric or _resolve(rule, match, published) is not None:
            taken.append((start, end, order, match))
            occupied[start:end] = b"\x01" * (end - start)
    found: list[TimeExpression] = []
    reference = published
    for start, end, order, match in sorted(taken):
        rule = rules()[order]
        resolved = _resolve(rule, match, reference if rule.anaphoric else published)
        if resolved is None:
            continue
        kind, value, when = resolved
        found.append(TimeExpression(Span(start, end, match[0]), kind, value, when))
        if kind == "DATE" and when is not None and when.start == when.end:
            reference = when.start
    return found
