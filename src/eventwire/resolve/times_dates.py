"""Rules for dates named by the calendar: "Oct. 13, 2023", "2023-10-13", "the third
quarter", "last summer", "the 1990s", "Christmas Eve", "nineteen ninety-six".

Each rule is a pattern and a function resolving a match against the publication
date (needed when the year is left out); see `times_rules.find_expressions`.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache

import dateparser

from eventwire.model import When
from eventwire.resolve.times_calendar import (
    add_months,
    easter,
    nth_weekday,
    quarter_of,
    span_precision,
    week_value,
)
from eventwire.resolve.times_words import (
    Rule,
    alt,
    bare_abbreviation,
    calendar_range,
    fragments,
    lead_weekday,
    month_number,
    nearest_year,
    period_when,
    phrases,
    single_day,
)

# "May" alone is a month only after a preposition of time ("in May"), else a verb.
_MAY_CUE = re.compile(r"\b(?:in|since|until|by|during|of|from|through|before|after)\s+$", re.I)


def month_year(m: re.Match[str], pub: date | None):
    value = f"{int(m['y']):04d}-{month_number(m['mon']):02d}"
    return "DATE", value, period_when(value, pub, m[0])


def date_rules() -> list[Rule]:
    """The calendar-date rules, most specific first (ties between equally long
    matches go to the earlier rule)."""
    table = phrases()
    f = fragments()
    wd, mon, day, year, quarter, mods = f.wd, f.mon, f.day, f.year, f.quarter, f.mods
    rules: list[Rule] = []

    def add(name: str, pattern: str, fn, anaphoric: bool = False) -> None:
        rules.append(Rule(name, re.compile(pattern), fn, anaphoric))

    def iso(m: re.Match[str], pub: date | None):
        try:
            return single_day(date(int(m["y"]), int(m["m"]), int(m["d"])), m[0])
        except ValueError:
            return None

    add("iso", r"\b(?P<y>(?:1[89]|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b", iso)

    def numeric(m: re.Match[str], pub: date | None):
        settings = {"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month", "year"]}
        parsed = dateparser.parse(m[0], languages=["en"], settings=settings)
        return single_day(parsed.date(), m[0]) if parsed else None

    add("numeric", r"(?<![\d/.])[0-3]?\d/[0-3]?\d/(?:1[89]|20)?\d\d(?![\d/])", numeric)

    def dotted(m: re.Match[str], pub: date | None):
        # "18.10.2023" is written day first wherever it is used.
        return single_day(date(int(m["y"]), int(m["m"]), int(m["d"])), m[0])

    add(
        "dotted",
        r"(?<![\d.])(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:1[89]|20)\d\d)(?!\d|\.\d)",
        dotted,
    )

    def explicit(m: re.Match[str], pub: date | None):
        month = month_number(m["mon"])
        if m["y"]:
            y = int(m["y"])
        elif pub is not None:
            y = nearest_year(month, int(m["d"]), pub, lead_weekday(m[0]))
        else:
            return None
        try:
            return single_day(date(y, month, int(m["d"])), m[0])
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
    add("month-year", rf"\b(?P<mon>{mon}),?\s+(?:of\s+)?{year}\b", month_year)

    def month_only(m: re.Match[str], pub: date | None):
        if pub is None:
            return None
        if bare_abbreviation(m["mon"], table["months"]):
            return None
        month = month_number(m["mon"])
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
        return "DATE", value, period_when(value, pub, m[0])

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
        return "DATE", value, period_when(value, pub, m[0])

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
        start, end = calendar_range(value)
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
        return "DATE", value, period_when(value, pub, m[0], clip=False)

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
        return "DATE", value, period_when(value, pub, m[0])

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
            end = calendar_range(f"{pub.year}-{info['code']}")[1]
            y = pub.year if end < pub else pub.year - 1
        elif mod == "next":
            y = pub.year if date(pub.year, low, 1) > pub else pub.year + 1
        else:
            y = pub.year
        value = f"{y}-{info['code']}"
        return "DATE", value, period_when(value, pub, m[0])

    s_words = alt(list(table["seasons"]))
    add(
        "season",
        rf"\b(?:{mods}\s+)?(?i:(?:the\s+)?(?P<s>{s_words}))\b(?:\s+(?i:of\s+)?{year}\b)?",
        season,
    )

    def decade(m: re.Match[str], pub: date | None):
        value = m["c"][:3]
        start, end = calendar_range(value)
        return "DATE", value, When(start, end, "year", m[0])

    add("decade", r"\b(?i:the\s+)?(?i:(?:early|mid|late)-?\s*)?(?P<c>(?:1[89]|20)\d0)'?s\b", decade)

    ones = alt(list(table["spelled_numbers"]))
    tens = alt(list(table["spelled_tens"]))
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
        return "DATE", value, period_when(value, pub, m[0])

    add(
        "spelled-year",
        rf"\b(?i:(?:the\s+year\s+)?nineteen(?:\s+hundred)?(?:\s+and)?\s+(?P<nn>{two_digits})"
        rf"|the\s+year\s+two\s+thousand(?:\s+(?:and\s+)?(?P<tt>{two_digits}))?)\b",
        spelled_year,
    )

    def spelled_decade(m: re.Match[str], pub: date | None):
        century = "20" if m["c"] and m["c"].lower().startswith("two") else "19"
        value = century + str(table["decades"][m["dd"].lower()])
        start, end = calendar_range(value)
        return "DATE", value, When(start, end, "year", m[0])

    add(
        "spelled-decade",
        rf"\b(?i:the\s+(?:(?:early|mid|late)-?\s*)?(?P<c>nineteen-?|two\s+thousand\s+)?"
        rf"(?P<dd>{alt(list(table['decades']))}))\b",
        spelled_decade,
    )

    def year_rule(m: re.Match[str], pub: date | None):
        value = m["y"]
        return "DATE", value, period_when(value, pub, m[0])

    add(
        "year",
        rf"(?<![$£€\d,.])\b(?:(?i:fiscal|calendar|mid-|early|late)\s*)?{year}\b"
        r"(?![,.]?\d|\s*(?:%|percent|per cent))",
        year_rule,
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
            return single_day(on(int(m["y"])), m[0])
        if pub is None:
            return None
        candidates = [on(y) for y in (pub.year - 1, pub.year, pub.year + 1)]
        mod = (m["hmod"] or "").lower()
        if mod == "last":
            return single_day(max(d for d in candidates if d < pub), m[0])
        if mod == "next":
            return single_day(min(d for d in candidates if d > pub), m[0])
        if mod == "this":
            return single_day(on(pub.year), m[0])
        # Nearest to publication; the future counts a little less (news looks back).
        best = min(candidates, key=lambda d: abs((d - pub).days) * (1 if d <= pub else 1.5))
        return single_day(best, m[0])

    holidays = alt(list(table["holidays"])).replace("'", "['’]")
    add(
        "holiday",
        rf"\b(?:(?P<hmod>(?i:last|next|this))\s+)?(?i:(?P<h>{holidays}))\b(?:,?\s+{year}\b)?",
        holiday,
    )

    return rules


def quarter_before(m: re.Match[str], pub: date | None) -> str | None:
    """The quarter named last in the text just before `m` (same paragraph), if any."""
    window = m.string[max(0, m.start() - 300) : m.start()].split("\n\n")[-1]
    last: tuple[int, str] | None = None
    for rule in _quarter_rules():
        for found in rule.pattern.finditer(window):
            resolved = rule.resolve(found, pub)
            if resolved and (last is None or found.start() > last[0]):
                last = (found.start(), resolved[1])  # type: ignore[assignment]
    return last[1] if last else None


@cache
def _quarter_rules() -> tuple[Rule, ...]:
    return tuple(r for r in date_rules() if r.name in ("quarter", "latest-quarter"))
