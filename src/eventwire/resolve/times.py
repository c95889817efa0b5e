"""Time resolution: time phrases -> absolute dates with precision, and each event's date.

Conventions (news style, publication date P):

- a bare weekday is the latest such day on or before P ("Wednesday" in a Wednesday
  report is P itself) unless the clause speaks of the future ("will meet Friday");
  "last Wednesday" is the latest one strictly before P (a week back in a Wednesday
  report, two days back in a Friday report); "Tuesday night" is Tuesday;
- "the past 24 hours" and "overnight" are the range P-1..P with day precision (a range
  of two days or less keeps day precision; the record's first date is the earlier day);
- vague periods become ranges with coarser precision: "in recent days" P-6..P (week),
  "earlier this month" first of month..P (month), "last year" the whole year (year);
- explicit dates win, with or without a weekday ("Friday, Oct. 13, 2023"); a date
  without a year is the nearest such date (past preferred); a month named alone lies
  within the nine months before P or the three after;
- an event takes the time nearest its trigger in its sentence, else the latest
  non-background time earlier in the report, else P widened to the week before it
  (``When.fallback`` True), never silently.

>>> from datetime import date
>>> [(t.span.text, str(t.when.start)) for t in find_times("Shelling hit the town on Tuesday night.",
...                                                      date(2023, 10, 18))]
[('Tuesday night', '2023-10-17')]
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from eventwire.model import Span, TimeMention, When
from eventwire.resolve.times_rules import TimeExpression, find_expressions

__all__ = [
    "NoTimeError",
    "TimeExpression",
    "event_time",
    "find_expressions",
    "find_times",
    "infer_published",
]

# How far before publication an earlier date may lie and still govern later
# sentences; older dates in a report are background ("since the war began on ...").
GOVERNING_WINDOW_DAYS = 31
# Words right before a time phrase that make it a bound, not the time of the event.
_BOUND_WORDS = re.compile(r"\b(since|until|till|before|after|by)\s*$", re.IGNORECASE)


class NoTimeError(ValueError):
    """Raised when an event has no time expression and the report no publication date."""


def find_times(text: str, published: date | None) -> list[TimeMention]:
    """Every time expression in the text, resolved against the publication date.

    Offsets are character offsets into `text`. Background dates are returned too;
    `event_time` picks the one that dates an event.

    >>> from datetime import date
    >>> found = find_times("Protests began last Wednesday.", date(2023, 10, 18))
    >>> [str(t.when.start) for t in found]
    ['2023-10-11']
    """
    return [
        TimeMention(expr.span, expr.when)
        for expr in find_expressions(text, published)
        if expr.when is not None
    ]


def _distance(a: Span, b: Span) -> int:
    if a.end <= b.start:
        return b.start - a.end
    if b.end <= a.start:
        return a.start - b.end
    return 0


def _is_bound(sentence: Span, mention: TimeMention) -> bool:
    before = sentence.text[: max(0, mention.span.start - sentence.start)]
    return bool(_BOUND_WORDS.search(before))


def event_time(
    sentence: Span, trigger: Span, times: list[TimeMention], published: date | None
) -> tuple[When, TimeMention | None]:
    """The time of one event mention, and the time mention it came from.

    In order: the expression in the event's own sentence nearest the trigger (phrases
    that are bounds, "since ...", "until ...", only if nothing else is there); else the
    nearest earlier expression in the report that is not background (not in the
    future, not more than a month before publication); else the publication date
    widened to the week before it (``fallback=True``, mention None).

    >>> from datetime import date
    >>> text = "Militants shelled the town on Monday."
    >>> times = find_times(text, date(2023, 10, 18))
    >>> event_time(Span(0, len(text), text), Span(10, 17, "shelled"), times, None)[0].start
    datetime.date(2023, 10, 16)

    Raises NoTimeError when nothing dates the event and `published` is None.
    """
    inside = [t for t in times if sentence.start <= t.span.start and t.span.end <= sentence.end]
    if inside:
        best = min(
            inside,
            key=lambda t: (_is_bound(sentence, t), _distance(t.span, trigger), t.span.start),
        )
        return best.when, best
    earlier = [t for t in times if t.span.end <= sentence.start]
    for mention in sorted(earlier, key=lambda t: t.span.start, reverse=True):
        if published is not None:
            too_old = mention.when.end < published - timedelta(days=GOVERNING_WINDOW_DAYS)
            if too_old or mention.when.start > published:
                continue
        return mention.when, mention
    if published is None:
        raise NoTimeError(
            f"no time expression dates the event {trigger.text!r} "
            f"(sentence at {sentence.start}-{sentence.end}) and the report has no "
            "publication date"
        )
    widened = When(published - timedelta(days=6), published, "week", "", fallback=True)
    return widened, None


_PUBLISHED_CUE = re.compile(
    r"(?i:\b(?:first\s+)?published|\bposted|\bupdated|\blast\s+updated|\bissued)"
    r"\s*(?:on|at)?\s*:?\s*$"
)
_HEAD_CHARS = 600
_TAIL_CHARS = 400
_SHORT_LINE = 100
_DATELINE_END = re.compile(r"^\s*(?:\([^)]{1,40}\))?\s*(?:[-\u2013\u2014:|]|$)")


def _line_of(text: str, span: Span) -> tuple[str, int]:
    start = text.rfind("\n", 0, span.start) + 1
    end = text.find("\n", span.end)
    return text[start : end if end >= 0 else len(text)], start


def _is_masthead(text: str, span: Span) -> bool:
    """A date on a short line of its own (under a title, a byline) or closing a dateline."""
    line, line_start = _line_of(text, span)
    if len(line.strip()) <= _SHORT_LINE:
        return True
    before = line[: span.start - line_start]
    after = line[span.end - line_start :]
    # "CITY, Oct. 18, 2023 (Wire) - ...": no sentence has ended before it.
    return (
        len(before) <= 60 and not re.search(r"[.!?]\s", before) and bool(_DATELINE_END.match(after))
    )


def infer_published(text: str) -> date | None:
    """A publication date read from the text itself, or None.

    Looks for a full date (day, month and year) labelled "Published"/"Posted"/
    "Updated" anywhere, then for one in the report's opening that stands as a
    dateline or on a short line of its own (not a date inside the story), then in
    its closing lines. Relative phrases never count: they need a publication date
    to mean anything.

    >>> infer_published("BAGHDAD, Oct. 18, 2023 (Wire) - Two drones were shot down.")
    datetime.date(2023, 10, 18)
    >>> infer_published("Two drones were shot down on Wednesday.") is None
    True
    """
    full = [
        e
        for e in find_expressions(text, None)
        if e.when is not None
        and e.when.precision == "day"
        and e.kind == "DATE"
        and re.search(r"\d{4}|\d/\d", e.span.text)  # written out, not "the next day"
    ]
    labelled = [
        e for e in full if _PUBLISHED_CUE.search(text[max(0, e.span.start - 40) : e.span.start])
    ]
    if labelled:
        # A page may show both "Published" and "Updated": the earliest is publication.
        return min(e.when.start for e in labelled)  # type: ignore[union-attr]
    head = [e for e in full if e.span.start < _HEAD_CHARS and _is_masthead(text, e.span)]
    if head:
        return head[0].when.start  # type: ignore[union-attr]
    tail = [
        e for e in full if e.span.start >= len(text) - _TAIL_CHARS and _is_masthead(text, e.span)
    ]
    if tail:
        return tail[-1].when.start  # type: ignore[union-attr]
    return None
