"""Rules for times named relative to publication or to an earlier date: "Wednesday",
"last week", "earlier this month", "the past 24 hours", "three days ago", "the next
day", "recently".

News conventions are documented in `eventwire.resolve.times`.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from eventwire.model import When
from eventwire.resolve.times_calendar import (
    add_months,
    precision_of,
    span_precision,
    week_value,
)
from eventwire.resolve.times_dates import quarter_before
from eventwire.resolve.times_words import (
    Rule,
    alt,
    bare_abbreviation,
    calendar_range,
    fragments,
    month_number,
    number_of,
    period_when,
    phrases,
    single_day,
)

# Words in the clause before a weekday that make it an upcoming day ("will meet
# Friday", "planned to leave on Thursday", "as soon as Tuesday").
_FUTURE_CUE = re.compile(
    r"\b(will|would|shall|could|might|is to|are to|to be held|scheduled|expected to|"
    r"plan(?:s|ned|ning)? to|due to|set to|going to|to meet|to hold|to vote|to resume|"
    r"as soon as|as early as|postponed until|delayed until|deadline)\b",
    re.IGNORECASE,
)

# "a day after" followed by what it is after ("rebels killed ...", "the vote")
_HEADS_CLAUSE = re.compile(r"\s+[A-Za-z]")


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


def relative_rules() -> list[Rule]:
    """The rules for relative times, in tie-break order."""
    table = phrases()
    f = fragments()
    wd, mon, part, num = f.wd, f.mon, f.part, f.num
    rules: list[Rule] = []

    def add(name: str, pattern: str, fn, anaphoric: bool = False) -> None:
        rules.append(Rule(name, re.compile(pattern), fn, anaphoric))

    def month_of_year(m: re.Match[str], pub: date | None):
        if pub is None:
            return None
        step = {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
        value = f"{pub.year + step:04d}-{month_number(m['mon']):02d}"
        return "DATE", value, period_when(value, pub, m[0])

    add(
        "month-of-year",
        rf"\b(?P<mon>{mon})\s+(?:(?i:of)\s+)?(?P<rel>(?i:last|this|next))\s+(?i:year)\b",
        month_of_year,
    )

    def relative_day(m: re.Match[str], pub: date | None):
        info = table["relative_days"][re.sub(r"\s+", " ", m[0].lower())]
        if pub is None:
            return None
        when_day = pub + timedelta(days=info["offset"])
        kind, value, when = single_day(when_day, m[0], info.get("part"))
        return info.get("kind", kind), value, when

    add("relative-day", rf"\b(?i:{alt(list(table['relative_days']))})\b", relative_day)

    def weekday(m: re.Match[str], pub: date | None):
        if pub is None:
            return None
        if bare_abbreviation(m["wd"], table["weekdays"]):
            return None  # "Sun" alone is a newspaper more often than a Sunday
        number = table["weekdays"][m["wd"].lower().rstrip(".")]
        mod = re.sub(r"\s+", " ", (m["mod"] or "").lower())
        before = m.string[max(0, m.start() - 80) : m.start()]
        before = re.split(r"[.;:!?,]\s|\b(?:and|but)\s", before)[-1]  # the clause
        future = bool(_FUTURE_CUE.search(before))
        found = _weekday_date(number, mod, pub, future)
        # "Tuesday night" is still a date: no time-of-day suffix in the value.
        return single_day(found, m[0])

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
        return "DATE", value, period_when(value, pub, m[0])

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
        return "DATE", value, period_when(value, pub, m[0])

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
        start, end = calendar_range(value)
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

    def year_earlier(m: re.Match[str], pub: date | None):
        if pub is None:
            return None
        anchor = quarter_before(m, pub)
        value = f"{int(anchor[:4]) - 1}{anchor[4:]}" if anchor else str(pub.year - 1)
        return "DATE", value, period_when(value, pub, m[0], clip=False)

    add(
        "year-earlier",
        r"\b(?i:(?:the\s+)?(?:comparable\s+)?(?:year-earlier|year-ago)"
        r"(?:\s+(?:quarter|period))?)\b",
        year_earlier,
    )

    def ago(m: re.Match[str], pub: date | None):
        if pub is None:
            return None
        n = number_of(m["n"])
        unit = m["unit"].lower().rstrip("s")
        if n is None:
            return None
        sign = 1 if m["dir"].lower() in ("later", "from now", "hence") else -1
        if unit == "day":
            return single_day(pub + timedelta(days=sign * n), m[0])
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
        return "DATE", value, period_when(value, pub, m[0], clip=False)

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
        if words.endswith(("after", "before")) and _HEADS_CLAUSE.match(m.string, m.end()) \
                and m.string[: m.start()].endswith(", "):
            # "on Monday, a day after rebels killed ...": it dates the clause it heads,
            # which lies on the other side of the day just named
            shift = -shift
        return single_day(ref + timedelta(days=shift), m[0])

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

    add("named-range", rf"\b(?i:(?P<r>{alt(list(table['ranges']))}))\b", named_range)

    def counted_range(m: re.Match[str], pub: date | None):
        n = number_of(m["n"])
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

    def vague(m: re.Match[str], pub: date | None):
        info = table["vague"][re.sub(r"\s+", " ", m[0].lower())]
        if pub is None or info["back"] is None:
            return "DATE", info["value"], None
        start = pub - timedelta(days=info["back"])
        return "DATE", info["value"], When(start, pub, span_precision(start, pub), m[0])

    add("vague", rf"\b(?i:{alt(list(table['vague']))})\b", vague)
    return rules
