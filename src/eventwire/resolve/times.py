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
- an event takes the time nearest its trigger in its sentence, else the governing
  non-background time earlier in the report (same paragraph, else the lede's when the
  article text is given), else P widened to the week before it (``When.fallback``
  True), never silently.

>>> from datetime import date
>>> [(t.span.text, str(t.when.start)) for t in find_times("Shelling hit the town on Tuesday night.",
...                                                      date(2023, 10, 18))]
[('Tuesday night', '2023-10-17')]
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from eventwire.model import Span, TimeMention, When
from eventwire.resolve.times_rules import TimeExpression, find_expressions
from eventwire.resolve.times_words import alt, phrases

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
_BOUND_WORDS = re.compile(
    rf"\b({alt(phrases()['bound_words'])})(?:\s+on|\s+from)?\s*$", re.IGNORECASE)
# A clause opened by one of these words sets the scene ("Since the war began on
# October 7, ..."): its date bounds the events of the rest of the sentence.
_SCENE_WORDS = re.compile(r"\b(since|until|till|before|after)\b", re.IGNORECASE)
# A time right after a verb of saying dates the saying ("the chairman said on Monday"),
# not what was said.
_SAID_BEFORE = re.compile(
    rf"\b({alt(phrases()['said_words'])}|told\s+(?:\w+\s+){{0,2}}?\w+)\s+"
    r"(?:(?:late|early)\s+)?(?:on\s+)?$", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;:()\u2013\u2014]|[.!?]\s")


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


def _clause_start(text: str, offset: int, floor: int = 0) -> int:
    """Where the clause holding `offset` begins (after the last comma, colon, ...)."""
    start = floor
    for found in _CLAUSE_BREAK.finditer(text, floor, offset):
        start = found.end()
    return start


def _is_bound(text: str, base: int, mention: TimeMention, trigger: Span | None) -> bool:
    """Whether `mention` bounds rather than dates the event at `trigger`.

    `text` starts at offset `base` of the article. True when the phrase follows
    "since"/"until"/"by"... directly, or sits in a clause opened by such a word that
    does not also hold the trigger.
    """
    before = text[: max(0, mention.span.start - base)]
    if _BOUND_WORDS.search(before):
        return True
    offset = mention.span.start - base
    clause = _clause_start(text, offset, max(0, offset - 300))
    if trigger is not None and clause + base <= trigger.start < mention.span.end:
        return False  # the event is told inside the same clause as its date
    if trigger is not None and mention.span.end <= trigger.start:
        between = text[mention.span.end - base : trigger.start - base]
        if not _CLAUSE_BREAK.search(between):
            return False
    return bool(_SCENE_WORDS.search(text[clause : mention.span.start - base]))


def event_time(
    sentence: Span,
    trigger: Span,
    times: list[TimeMention],
    published: date | None,
    text: str | None = None,
) -> tuple[When, TimeMention | None]:
    """The time of one event mention, and the time mention it came from.

    In order: the expression in the event's own sentence nearest the trigger (phrases
    that are bounds, "since ...", "until ...", only if nothing else is there); else the
    governing time earlier in the report that is not background (not in the future,
    not more than a month before publication): the nearest one, or with `text` the
    nearest in the same paragraph, else the report's first; else the publication date
    widened to the week before it (``fallback=True``, mention None).

    >>> from datetime import date
    >>> text = "Militants shelled the town on Monday."
    >>> times = find_times(text, date(2023, 10, 18))
    >>> event_time(Span(0, len(text), text), Span(10, 17, "shelled"), times, None)[0].start
    datetime.date(2023, 10, 16)

    `text`, the article's text, is optional: given, paragraphs are respected and
    earlier times that only set a scene ("Since the war began on October 7, ...") do
    not govern.

    Raises NoTimeError when nothing dates the event and `published` is None.
    """
    if isinstance(published, datetime):
        published = published.date()
    inside = [t for t in times if sentence.start <= t.span.start and t.span.end <= sentence.end]
    # the time of saying, and a bound ("since April 2023"), date the event only when
    # neither its own sentence nor the report's governing time does
    aside = [t for t in inside if (_is_bound(sentence.text, sentence.start, t, trigger)
                                   and not _same_clause(sentence, t.span, trigger))
             or _SAID_BEFORE.search(sentence.text, 0, max(0, t.span.start - sentence.start))]
    if len(aside) < len(inside):
        return _nearest([t for t in inside if t not in aside], sentence, trigger)
    governing = _governing(sentence, times, published, text)
    if governing is not None:
        return governing.when, governing
    if aside:  # when it was said is still the latest it can have happened
        return _nearest(aside, sentence, trigger)
    if published is None:
        raise NoTimeError(
            f"no time expression dates the event {trigger.text!r} "
            f"(sentence at {sentence.start}-{sentence.end}) and the report has no "
            "publication date"
        )
    widened = When(published - timedelta(days=6), published, "week", "", fallback=True)
    return widened, None


def _same_clause(sentence: Span, a: Span, b: Span) -> bool:
    """No comma, colon or dash between the two: "fighting the army since April" is one
    clause, "blamed the RSF, the group fighting since April" two."""
    lo, hi = sorted((a, b), key=lambda s: s.start)
    between = sentence.text[max(0, lo.end - sentence.start) : max(0, hi.start - sentence.start)]
    return not _CLAUSE_BREAK.search(between)


def _nearest(inside: list[TimeMention], sentence: Span,
             trigger: Span) -> tuple[When, TimeMention]:
    best = min(
        inside,
        key=lambda t: (
            _is_bound(sentence.text, sentence.start, t, trigger),
            _distance(t.span, trigger),
            t.span.start,
        ),
    )
    return best.when, best


def _governs(mention: TimeMention, published: date | None, text: str | None) -> bool:
    if published is not None:
        too_old = mention.when.end < published - timedelta(days=GOVERNING_WINDOW_DAYS)
        if too_old or mention.when.start > published:
            return False
    return text is None or not _is_bound(text, 0, mention, None)


def _governing(
    sentence: Span, times: list[TimeMention], published: date | None, text: str | None
) -> TimeMention | None:
    # Without the text: the nearest earlier time. With it, news structure: the nearest
    # earlier time in the same paragraph, else the report's first time (the lede's),
    # since later paragraphs without a date mostly elaborate the main story.
    earlier = sorted(
        (t for t in times if t.span.end <= sentence.start and _governs(t, published, text)),
        key=lambda t: t.span.start,
    )
    if not earlier:
        return None
    if text is None:
        return earlier[-1]
    paragraph = text.rfind("\n", 0, sentence.start)
    same = [t for t in earlier if t.span.start > paragraph]
    return same[-1] if same else earlier[0]


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
