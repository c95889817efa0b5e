"""Finding time expressions and resolving them against a publication date.

Our own patterns find candidate phrases (fast: a dozen regular expressions per
article); each is resolved by news conventions to a TimeML-style value (what the
gold data sets annotate) and to a `When` (what an event record needs). dateparser
is asked only about numeric dates, where its locale knowledge helps; it is wrong
for bare weekdays and silent on "the past 24 hours", so those are ours.

>>> from datetime import date
>>> found = find_expressions("It rained on Wednesday.", date(2023, 10, 18))
>>> [(e.span.text, e.value) for e in found]
[('Wednesday', '2023-10-18')]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib import resources

import dateparser
import yaml

from eventwire.model import Span, When
from eventwire.resolve.times_calendar import (
    add_months,
    easter,
    nth_weekday,
    period_range,
    precision_of,
    quarter_of,
    span_precision,
    week_value,
)


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
def phrases() -> dict:
    """The time word tables (data/time_phrases.yaml)."""
    text = resources.files("eventwire").joinpath("data/time_phrases.yaml").read_text("utf-8")
    return yaml.safe_load(text)


def _alt(words: list[str]) -> str:
    # Longest first so that "Thursday" wins over "Thu".
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _names(table: dict) -> str:
    # Capitalised or upper-case only: "march"/"may"/"sat" are ordinary words. An
    # abbreviation (a key with a longer sibling of the same value) may end in a dot.
    longest: dict[int, int] = {}
    for word, number in table.items():
        longest[number] = max(longest.get(number, 0), len(word))
    forms = []
    for word in sorted(table, key=len, reverse=True):
        dot = r"\.?" if len(word) < longest[table[word]] else ""
        forms += [re.escape(word.capitalize()) + dot, re.escape(word.upper()) + dot]
    return "(?:" + "|".join(forms) + r")(?!\w)"


@dataclass(frozen=True, slots=True)
class _Rule:
    name: str
    pattern: re.Pattern[str]
    resolve: Callable[[re.Match[str], date | None], tuple[str, str | None, When | None] | None]
    # Anaphoric phrases ("the next day", "two days later") count from the latest date
    # named before them in the text, not from publication.
    anaphoric: bool = False


# ---- resolution helpers ------------------------------------------------------------------


def _range(value: str) -> tuple[date, date]:
    period = period_range(value)
    if period is None:  # a year out of the calendar's range, say
        raise ValueError(f"not a calendar period: {value!r}")
    return period


def _period(value: str, published: date | None, text: str, clip: bool = True) -> When:
    start, end = _range(value)
    # A period still running at publication cannot hold a reported event after that day.
    if clip and published is not None and start <= published < end:
        end = published
    return When(start, end, precision_of(value), text)


def _day(day: date, text: str, part: str | None = None) -> tuple[str, str, When]:
    value = day.isoformat() + (f"T{part}" if part else "")
    return "DATE", value, When(day, day, "day", text)


def _month_number(word: str) -> int:
    return phrases()["months"][word.lower().rstrip(".")]


def _bare_abbreviation(word: str, table: dict) -> bool:
    """An abbreviation written without its dot ("Sun", "Jan"), too ambiguous alone."""
    if word.endswith("."):
        return False
    key = word.lower()
    return any(len(other) > len(key) and table[other] == table[key] for other in table)


def _lead_weekday(text: str) -> int | None:
    word = re.match(r"[A-Za-z]+", text)
    return phrases()["weekdays"].get(word[0].lower()) if word else None


def _nearest_year(month: int, day: int, published: date, weekday: int | None = None) -> int | None:
    # A date without a year is the nearest such date to publication; news looks back
    # more than forward, so a tie goes to the past. A weekday named with it
    # ("Friday, Oct. 13") picks the year where that date falls on that weekday.
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


# "May" alone is a month only after a preposition of time ("in May"), else a verb.
_MAY_CUE = re.compile(r"\b(?:in|since|until|by|during|of|from|through|before|after)\s+$", re.I)


def _number(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    return phrases()["numbers"].get(word)


# Words in the clause before a weekday that make it an upcoming day ("will meet
# Friday", "planned to leave on Thursday", "as soon as Tuesday").
_FUTURE_CUE = re.compile(
    r"\b(will|would|shall|could|might|is to|are to|to be held|scheduled|expected to|"
    r"plan(?:s|ned|ning)? to|due to|set to|going to|to meet|to hold|to vote|to resume|"
    r"as soon as|as early as|postponed until|delayed until|deadline)\b",
    re.IGNORECASE,
)


def _weekday_date(weekday: int, modifier: str, published: date, future: bool) -> date:
    back = (published.isoweekday() - weekday) % 7
    on_or_before = published - timedelta(days=back)
    if modifier in ("last", "this past"):
        # The latest such day strictly before publication: "last Wednesday" in a
        # Wednesday report is a week back, in a Friday report two days back.
        return published - timedelta(days=(published.isoweekday() - weekday - 1) % 7 + 1)
    if modifier in ("next", "coming", "this coming"):
        ahead = (weekday - published.isoweekday()) % 7 or 7
        return published + timedelta(days=ahead)
    if modifier == "this":
        monday = published - timedelta(days=published.isoweekday() - 1)
        return monday + timedelta(days=weekday - 1)
    if future:
        return published + timedelta(days=(weekday - published.isoweekday()) % 7)
    return on_or_before


# ---- the rules -------------------------------------------------------------------------


def _build_rules() -> list[_Rule]:
    table = phrases()
    wd = _names(table["weekdays"])
    mon = _names(table["months"])
    day = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
    year = r"(?P<y>(?:1[89]|20)\d\d)"
    part = r"(?P<part>" + _alt(list(table["day_parts"])) + r")"
    num = r"(?P<n>\d+|" + _alt([k for k in table["numbers"]]) + r")"
    quarter = r"(?P<q>" + _alt(list(table["quarters"])) + r")"
    rules: list[_Rule] = []

    def add(name: str, pattern: str, fn: Callable, anaphoric: bool = False) -> None:
        rules.append(_Rule(name, re.compile(pattern), fn, anaphoric))

    def iso(m: re.Match[str], pub: date | None):
        try:
            return _day(date(int(m["y"]), int(m["m"]), int(m["d"])), m[0])
        except ValueError:
            return None

    add("iso", r"\b(?P<y>(?:1[89]|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b", iso)

    def numeric(m: re.Match[str], pub: date | None):
        settings = {"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month", "year"]}
        parsed = dateparser.parse(m[0], languages=["en"], settings=settings)
        return _day(parsed.date(), m[0]) if parsed else None

    add("numeric", r"(?<![\d/.])[0-3]?\d/[0-3]?\d/(?:1[89]|20)?\d\d(?![\d/])", numeric)

    def dotted(m: re.Match[str], pub: date | None):
        # "18.10.2023" is written day first wherever it is used.
        return _day(date(int(m["y"]), int(m["m"]), int(m["d"])), m[0])

    add(
        "dotted",
        r"(?<![\d.])(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:1[89]|20)\d\d)(?!\d|\.\d)",
        dotted,
    )

    def explicit(m: re.Match[str], pub: date | None):
        month = _month_number(m["mon"])
        if m["y"]:
            y = int(m["y"])
        elif pub is not None:
            y = _nearest_year(month, int(m["d"]), pub, _lead_weekday(m[0]))
        else:
            return None
        try:
            return _day(date(y, month, int(m["d"])), m[0])
        except (ValueError, TypeError):
            return None

    def day_range(m: re.Match[str], pub: date | None):
        if m["to"].strip().lower() == "and" and not re.search(
            r"(?i)\bbetween\s+$", m.string[max(0, m.start() - 10) : m.start()]
        ):
            return None  # "Oct. 7 and 10 others": only "between Oct. 7 and 9" is a range
        first = explicit(m, pub)
        if first is None:
            return None
        start = first[2].start
        end = start.replace(day=int(m["d2"]))
        if end <= start:
            return None
        return "DATE", start.isoformat(), When(start, end, span_precision(start, end), m[0])

    to = r"\s*(?P<to>-|\u2013|(?i:to|through|and|until))\s*"
    day2 = r"(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?"
    add(
        "month-day-range",
        rf"\b(?P<mon>{mon})\s+{day}{to}{day2}\b(?!\s*(?:%|{mon}))(?:,?\s+{year}\b)?",
        day_range,
    )
    add(
        "day-month-range",
        rf"\b{day}{to}{day2}\s+(?:of\s+)?(?P<mon>{mon})(?:,?\s+{year}\b)?",
        day_range,
    )

    lead = rf"(?:(?:{wd}),?\s+)?"
    add("month-day", rf"\b{lead}(?P<mon>{mon})\s+{day}\b(?:,?\s+{year}\b)?(?!\s*%)", explicit)
    add("day-month", rf"\b{lead}{day}\s+(?:of\s+)?(?P<mon>{mon})(?:,?\s+{year}\b)?", explicit)
    add("month-year", rf"\b(?P<mon>{mon}),?\s+(?:of\s+)?{year}\b", _month_year)

    def month_only(m: re.Match[str], pub: date | None):
        if pub is None:
            return None
        if _bare_abbreviation(m["mon"], table["months"]):
            return None
        month = _month_number(m["mon"])
        mod = (m["mod"] or "").lower()
        if m["mon"].lower() == "may" and not mod and not _MAY_CUE.search(m.string[: m.start()]):
            return None
        if mod == "last":
            y = pub.year if month < pub.month else pub.year - 1
        elif mod == "next":
            y = pub.year if month > pub.month else pub.year + 1
        elif mod == "this":
            y = pub.year
        else:
            # A month named alone is mostly one gone by: it lies within the nine months
            # before publication or the three after it.
            ahead = (month - pub.month) % 12
            if ahead <= 3:
                y = pub.year + (month < pub.month)
            else:
                y = pub.year - (month > pub.month)
        value = f"{y:04d}-{month:02d}"
        return "DATE", value, _period(value, pub, m[0])

    def month_of_year(m: re.Match[str], pub: date | None):
        if pub is None:
            return None
        step = {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
        value = f"{pub.year + step:04d}-{_month_number(m['mon']):02d}"
        return "DATE", value, _period(value, pub, m[0])

    add(
        "month-of-year",
        rf"\b(?P<mon>{mon})\s+(?:(?i:of)\s+)?(?P<rel>(?i:last|this|next))\s+(?i:year)\b",
        month_of_year,
    )

    mods = r"(?P<mod>(?i:last|this|next|early|late|mid|earlier|later))"
    add("month", rf"(?:\b{mods}[\s-]+)?\b(?P<mon>{mon})(?!\s*\d)", month_only)

    def quarter_rule(m: re.Match[str], pub: date | None):
        q = table["quarters"][m["q"].lower()]
        if m["y"] or m["y2"]:
            y = int(m["y"] or m["y2"])
        elif pub is not None:
            y = pub.year if q <= quarter_of(pub) else pub.year - 1
        else:
            return None
        value = f"{y}-Q{q}"
        return "DATE", value, _period(value, pub, m[0])

    q_lead = rf"(?:(?i:the)\s+)?(?:(?:(?i:fiscal)\s+)?{year}(?:'s)?\s+|(?i:this year's)\s+)?"
    add(
        "quarter",
        rf"{q_lead}\b(?i:{quarter}[\s-]quarter)\b"
        rf"(?:\s+(?i:of)\s+(?:(?i:fiscal)\s+)?{year.replace('<y>', '<y2>')})?",
        quarter_rule,
    )

    def half(m: re.Match[str], pub: date | None):
        rel = (m["rel"] or "").lower()
        if m["y"]:
            y = int(m["y"])
        elif pub is None:
            return None
        else:
            y = pub.year + {"last": -1, "next": 1}.get(rel, 0)
        which = 1 if (m["h"] or "first").lower() in ("first", "1st") else 2
        value = f"{y}-H{which}"
        start, end = _range(value)
        if pub is not None and start <= pub < end:
            end = pub
        return "DATE", value, When(start, end, "year", m[0])

    add(
        "half",
        r"\b(?i:(?:the\s+)?(?P<h>first|1st|second|2nd|last|latter)\s+half"
        r"|(?:the\s+)?first\s+two\s+quarters)\s+(?i:of)\s+"
        rf"(?:{year}\b|(?i:(?:the|(?P<rel>this|last|next))\s+year\b))",
        half,
    )

    def week_of(m: re.Match[str], pub: date | None):
        inner = explicit(m, pub)
        if inner is None:
            return None
        day = inner[2].start
        value = week_value(day)
        return "DATE", value, _period(value, pub, m[0], clip=False)

    add(
        "week-of",
        rf"\b(?i:the\s+week\s+of)\s+(?P<mon>{mon})\s+{day}\b(?:,?\s+{year}\b)?",
        week_of,
    )

    def latest_quarter(m: re.Match[str], pub: date | None):
        if pub is None:
            return None
        current = date(pub.year, (quarter_of(pub) - 1) * 3 + 1, 1)
        # "the quarter" in a report is the latest one completed (results are reported
        # after a quarter ends); "the current quarter" is the one under way.
        anchor = current if (m["which"] or "").lower() == "current" else add_months(current, -3)
        value = f"{anchor.year}-Q{quarter_of(anchor)}"
        return "DATE", value, _period(value, pub, m[0])

    add(
        "latest-quarter",
        r"\b(?i:the)\s+(?:(?i:(?P<which>latest|most recent|just-ended|current|past))\s+)?"
        r"quarter\b(?!\s+of\b)",
        latest_quarter,
    )

    def season(m: re.Match[str], pub: date | None):
        info = table["seasons"][m["s"].lower()]
        low = info["months"][0]
        mod = (m["mod"] or "").lower()
        if m["y"]:
            y = int(m["y"])
        elif pub is None or not mod:
            return None
        elif mod == "last":
            end = _range(f"{pub.year}-{info['code']}")[1]
            y = pub.year if end < pub else pub.year - 1
        elif mod == "next":
            y = pub.year if date(pub.year, low, 1) > pub else pub.year + 1
        else:
            y = pub.year
        value = f"{y}-{info['code']}"
        return "DATE", value, _period(value, pub, m[0])

    s_words = _alt(list(table["seasons"]))
    add(
        "season",
        rf"\b(?:{mods}\s+)?(?i:(?:the\s+)?(?P<s>{s_words}))\b(?:\s+(?i:of\s+)?{year}\b)?",
        season,
    )

    def decade(m: re.Match[str], pub: date | None):
        value = m["c"][:3]
        start, end = _range(value)
        return "DATE", value, When(start, end, "year", m[0])

    add("decade", r"\b(?i:the\s+)?(?i:(?:early|mid|late)-?\s*)?(?P<c>(?:1[89]|20)\d0)'?s\b", decade)

    ones = _alt(list(table["spelled_numbers"]))
    tens = _alt(list(table["spelled_tens"]))
    two_digits = rf"(?:(?:{tens})(?:[-\s](?:{ones}))?|{ones})"

    def spelled_number(words: str) -> int:
        total = 0
        for word in re.split(r"[-\s]+", words.lower()):
            total += table["spelled_numbers"].get(word, 0) + table["spelled_tens"].get(word, 0)
        return total

    def spelled_year(m: re.Match[str], pub: date | None):
        if m["nn"]:
            value = str(1900 + spelled_number(m["nn"]))
        else:
            value = str(2000 + spelled_number(m["tt"] or ""))
        return "DATE", value, _period(value, pub, m[0])

    add(
        "spelled-year",
        rf"\b(?i:(?:the\s+year\s+)?nineteen(?:\s+hundred)?(?:\s+and)?\s+(?P<nn>{two_digits})"
        rf"|the\s+year\s+two\s+thousand(?:\s+(?:and\s+)?(?P<tt>{two_digits}))?)\b",
        spelled_year,
    )

    def spelled_decade(m: re.Match[str], pub: date | None):
        century = "20" if m["c"] and m["c"].lower().startswith("two") else "19"
        value = century + str(table["decades"][m["dd"].lower()])
        start, end = _range(value)
        return "DATE", value, When(start, end, "year", m[0])

    add(
        "spelled-decade",
        rf"\b(?i:the\s+(?:(?:early|mid|late)-?\s*)?(?P<c>nineteen-?|two\s+thousand\s+)?"
        rf"(?P<dd>{_alt(list(table['decades']))}))\b",
        spelled_decade,
    )

    def year_rule(m: re.Match[str], pub: date | None):
        value = m["y"]
        return "DATE", value, _period(value, pub, m[0])

    add(
        "year",
        rf"(?<![$£€\d,.])\b(?:(?i:fiscal|calendar|mid-|early|late)\s*)?{year}\b"
        r"(?![,.]?\d|\s*(?:%|percent|per cent))",
        year_rule,
    )

    def relative_day(m: re.Match[str], pub: date | None):
        info = table["relative_days"][re.sub(r"\s+", " ", m[0].lower())]
        if pub is None:
            return None
        when_day = pub + timedelta(days=info["offset"])
        kind, value, when = _day(when_day, m[0], info.get("part"))
        return info.get("kind", kind), value, when

    add("relative-day", rf"\b(?i:{_alt(list(table['relative_days']))})\b", relative_day)

    def weekday(m: re.Match[str], pub: date | None):
        if pub is None:
            return None
        if _bare_abbreviation(m["wd"], table["weekdays"]):
            return None  # "Sun" alone is a newspaper more often than a Sunday
        number = table["weekdays"][m["wd"].lower().rstrip(".")]
        mod = re.sub(r"\s+", " ", (m["mod"] or "").lower())
        before = m.string[max(0, m.start() - 80) : m.start()]
        before = re.split(r"[.;:!?,]\s|\b(?:and|but)\s", before)[-1]  # the clause
        future = bool(_FUTURE_CUE.search(before))
        found = _weekday_date(number, mod, pub, future)
        # "Tuesday night" is still a date: no time-of-day suffix in the value.
        return _day(found, m[0])

    add(
        "weekday",
        rf"\b(?:(?P<mod>(?i:last|next|this past|this coming|this|coming|early|late))\s+)?"
        rf"(?P<wd>{wd})(?!\w)(?:\s+(?i:{part}))?",
        weekday,
    )

    def relative_unit(m: re.Match[str], pub: date | None):
        if pub is None:
            return None
        mod = m["mod"].lower()
        step = {"last": -1, "past": -1, "previous": -1, "this": 0, "current": 0}.get(mod, 1)
        unit = m["unit"].lower()
        if unit in ("week", "weekend"):
            anchor = pub + timedelta(weeks=step)
            value = week_value(anchor) + ("-WE" if unit == "weekend" else "")
        elif unit == "month":
            anchor = add_months(pub, step)
            value = f"{anchor.year}-{anchor.month:02d}"
        elif unit == "year":
            value = str(pub.year + step)
        else:  # decade
            value = str(pub.year // 10 + step)
        return "DATE", value, _period(value, pub, m[0])

    add(
        "relative-unit",
        r"\b(?i:(?P<mod>last|this|next|past|coming|previous|current)\s+"
        r"(?P<unit>weekend|week|month|year|decade))\b",
        relative_unit,
    )

    def the_weekend(m: re.Match[str], pub: date | None):
        if pub is None:
            return None
        # The weekend just gone, or the one under way on publication.
        back = (pub.isoweekday() - 6) % 7
        saturday = pub - timedelta(days=back)
        value = week_value(saturday) + "-WE"
        return "DATE", value, _period(value, pub, m[0])

    add("the-weekend", r"\b(?i:the\s+weekend)\b", the_weekend)

    def part_of_period(m: re.Match[str], pub: date | None):
        if pub is None:
            return None
        which = m["which"].lower()
        unit = m["unit"].lower()
        step = {"last": -1, "this": 0, "next": 1}[which]
        if unit == "week":
            anchor = pub + timedelta(weeks=step)
            value = week_value(anchor)
        elif unit == "month":
            anchor = add_months(pub, step)
            value = f"{anchor.year}-{anchor.month:02d}"
        else:
            value = str(pub.year + step)
        start, end = _range(value)
        edge = m["edge"].lower()
        if step == 0 and edge in ("earlier", "early"):
            end = pub  # "earlier this month" is the month so far
        elif step == 0 and edge in ("later", "late"):
            start = pub
        elif start <= pub < end:
            end = pub
        return "DATE", value, When(start, end, precision_of(value), m[0])

    add(
        "part-of-period",
        r"\b(?i:(?P<edge>earlier|later|early|late|mid)[\s-]+(?P<which>this|last|next)\s+"
        r"(?P<unit>week|month|year))\b",
        part_of_period,
    )

    quarter_rules = [r for r in rules if r.name in ("quarter", "latest-quarter")]

    def quarter_before(m: re.Match[str], pub: date | None) -> str | None:
        # The quarter named last in the text just before `m` (same paragraph), if any.
        window = m.string[max(0, m.start() - 300) : m.start()].split("\n\n")[-1]
        last: tuple[int, str] | None = None
        for rule in quarter_rules:
            for found in rule.pattern.finditer(window):
                resolved = rule.resolve(found, pub)
                if resolved and (last is None or found.start() > last[0]):
                    last = (found.start(), resolved[1])  # type: ignore[assignment]
        return last[1] if last else None

    def year_earlier(m: re.Match[str], pub: date | None):
        if pub is None:
            return None
        anchor = quarter_before(m, pub)
        value = f"{int(anchor[:4]) - 1}{anchor[4:]}" if anchor else str(pub.year - 1)
        return "DATE", value, _period(value, pub, m[0], clip=False)

    add(
        "year-earlier",
        r"\b(?i:(?:the\s+)?(?:comparable\s+)?(?:year-earlier|year-ago)"
        r"(?:\s+(?:quarter|period))?)\b",
        year_earlier,
    )

    def ago(m: re.Match[str], pub: date | None):
        if pub is None:
            return None
        n = _number(m["n"])
        unit = m["unit"].lower().rstrip("s")
        if n is None:
            return None
        sign = 1 if m["dir"].lower() in ("later", "from now", "hence") else -1
        if unit == "day":
            return _day(pub + timedelta(days=sign * n), m[0])
        if unit == "week":
            value = week_value(pub + timedelta(weeks=sign * n))
        elif unit == "month":
            shifted = add_months(pub, sign * n)
            value = f"{shifted.year}-{shifted.month:02d}"
        else:
            anchor = quarter_before(m, pub)
            if anchor:  # "profit rose in the third quarter from a year ago": that quarter
                value = f"{int(anchor[:4]) + sign * n}{anchor[4:]}"
            else:
                value = str(pub.year + sign * n)
        return "DATE", value, _period(value, pub, m[0], clip=False)

    add(
        "ago",
        rf"\b(?i:{num}\s+(?P<unit>days?|weeks?|months?|years?)\s+(?P<dir>ago|from now|hence))\b",
        ago,
    )
    add(
        "later",
        rf"\b(?i:{num}\s+(?P<unit>days?|weeks?|months?|years?)\s+(?P<dir>earlier|before|later))\b",
        ago,
        anaphoric=True,
    )

    def next_day(m: re.Match[str], ref: date | None):
        if ref is None:
            return None
        words = m[0].lower()
        if "that" in words:  # "later that day" is still that day
            shift = 0
        elif re.search(r"next|following|after|later", words):
            shift = 1
        elif re.search(r"previous|prior|before|earlier", words):
            shift = -1
        else:
            shift = 0
        return _day(ref + timedelta(days=shift), m[0])

    add(
        "next-day",
        r"\b(?i:the\s+(?:next|following|previous|prior)\s+(?:day|morning|afternoon|evening|night)"
        r"|the\s+day\s+(?:before|after)"
        r"|(?:(?:earlier|later)\s+)?that\s+(?:same\s+)?(?:day|morning|afternoon|evening|night)"
        r"|the\s+same\s+day|a\s+day\s+(?:later|earlier|before|after))\b",
        next_day,
        anaphoric=True,
    )

    def named_range(m: re.Match[str], pub: date | None):
        info = table["ranges"][re.sub(r"\s+", " ", m["r"].lower())]
        if pub is None:
            return info["kind"], info["value"], None
        start = pub - timedelta(days=info["back"])
        return info["kind"], info["value"], When(start, pub, info["precision"], m[0])

    add("named-range", rf"\b(?i:(?P<r>{_alt(list(table['ranges']))}))\b", named_range)

    def counted_range(m: re.Match[str], pub: date | None):
        n = _number(m["n"])
        unit = m["unit"].lower().rstrip("s")
        letter = {"hour": "H", "day": "D", "week": "W", "month": "M", "year": "Y"}[unit]
        value = f"P{n if n is not None else 'X'}{letter}"
        if unit == "hour":
            value = f"PT{n if n is not None else 'X'}H"
        if pub is None:
            return "DURATION", value, None
        count = n if n is not None else 3  # "the past few days": about three
        days = {"hour": count / 24, "day": count, "week": 7 * count}.get(unit)
        if days is None:
            months = count * (12 if unit == "year" else 1)
            start = add_months(pub, -months) + timedelta(days=1)
        else:
            start = pub - timedelta(days=max(int(round(days)) - 1, 1 if unit == "hour" else 0))
        if m["dir"].lower() in ("next", "coming"):
            end = pub + (pub - start)
            return "DURATION", value, When(pub, end, span_precision(pub, end), m[0])
        return "DURATION", value, When(start, pub, span_precision(start, pub), m[0])

    add(
        "counted-range",
        rf"\b(?i:(?:the\s+)?(?P<dir>past|last|previous|next|coming)\s+{num}\s+"
        r"(?P<unit>hours?|days?|weeks?|months?|years?))\b",
        counted_range,
    )

    def holiday(m: re.Match[str], pub: date | None):
        rule = table["holidays"][re.sub(r"\s+", " ", m["h"].lower()).replace("’", "'")]

        def on(year: int) -> date:
            if "date" in rule:
                month, day = (int(x) for x in rule["date"].split("-"))
                return date(year, month, day)
            if "nth" in rule:
                return nth_weekday(year, *rule["nth"])
            return easter(year) + timedelta(days=rule["easter"])

        if m["y"]:
            return _day(on(int(m["y"])), m[0])
        if pub is None:
            return None
        candidates = [on(y) for y in (pub.year - 1, pub.year, pub.year + 1)]
        mod = (m["hmod"] or "").lower()
        if mod == "last":
            return _day(max(d for d in candidates if d < pub), m[0])
        if mod == "next":
            return _day(min(d for d in candidates if d > pub), m[0])
        if mod == "this":
            return _day(on(pub.year), m[0])
        # Nearest to publication; the future counts a little less (news looks back).
        best = min(candidates, key=lambda d: abs((d - pub).days) * (1 if d <= pub else 1.5))
        return _day(best, m[0])

    holidays = _alt(list(table["holidays"])).replace("'", "['’]")
    add(
        "holiday",
        rf"\b(?:(?P<hmod>(?i:last|next|this))\s+)?(?i:(?P<h>{holidays}))\b(?:,?\s+{year}\b)?",
        holiday,
    )

    def vague(m: re.Match[str], pub: date | None):
        info = table["vague"][re.sub(r"\s+", " ", m[0].lower())]
        if pub is None or info["back"] is None:
            return "DATE", info["value"], None
        start = pub - timedelta(days=info["back"])
        return "DATE", info["value"], When(start, pub, span_precision(start, pub), m[0])

    add("vague", rf"\b(?i:{_alt(list(table['vague']))})\b", vague)
    return rules


def _month_year(m: re.Match[str], pub: date | None):
    value = f"{int(m['y']):04d}-{_month_number(m['mon']):02d}"
    return "DATE", value, _period(value, pub, m[0])


@cache
def rules() -> tuple[_Rule, ...]:
    return tuple(_build_rules())


def _resolve(rule: _Rule, match: re.Match[str], anchor: date | None):
    try:
        return rule.resolve(match, anchor)
    except (ValueError, OverflowError):
        # Dates outside the calendar ("Feb. 30", "a million years ago") are not times.
        return None


def find_expressions(text: str, published: date | None) -> list[TimeExpression]:
    """Every time expression in `text`, longest match first where candidates overlap."""
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
