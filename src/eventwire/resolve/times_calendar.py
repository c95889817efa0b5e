"""Calendar arithmetic for time resolution: periods as date ranges and TimeML values.

A period is named by a TimeML-style value ("2023-10-18", "2023-W42", "2023-10",
"2023-Q4", "2023-SU", "2023", "202" for a decade); `period_range` turns it into
the first and last day it covers.

>>> period_range("2023-W42")
(datetime.date(2023, 10, 16), datetime.date(2023, 10, 22))
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: date, months: int) -> date:
    """`day` moved by whole months, clamped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def week_value(day: date) -> str:
    iso = day.isocalendar()
    return f"{iso.year}-W{iso.week:02d}"


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^(\d{4})-(\d{2})-(\d{2})"), "day"),
    (re.compile(r"^(\d{4})-W(\d{1,2})(-WE)?$"), "week"),
    (re.compile(r"^(\d{4})-Q([1-4])$"), "quarter"),
    (re.compile(r"^(\d{4})-H([12])$"), "half"),
    (re.compile(r"^(\d{4})-(SP|SU|FA|WI)$"), "season"),
    (re.compile(r"^(\d{4})-(\d{2})$"), "month"),
    (re.compile(r"^(\d{4})$"), "year"),
    (re.compile(r"^(\d{3})$"), "decade"),
]


def period_range(value: str) -> tuple[date, date] | None:
    """First and last day of the period a TimeML date value names, or None."""
    for pattern, kind in _PATTERNS:
        match = pattern.match(value)
        if not match:
            continue
        year = int(match.group(1))
        if kind == "day":
            day = date(year, int(match.group(2)), int(match.group(3)))
            return day, day
        if kind == "week":
            monday = date.fromisocalendar(year, int(match.group(2)), 1)
            if match.group(3):
                return monday + timedelta(days=5), monday + timedelta(days=6)
            return monday, monday + timedelta(days=6)
        if kind == "quarter":
            first = (int(match.group(2)) - 1) * 3 + 1
            return date(year, first, 1), month_end(year, first + 2)
        if kind == "half":
            first = 1 if match.group(2) == "1" else 7
            return date(year, first, 1), month_end(year, first + 5)
        if kind == "season":
            low, high = _SEASON_MONTHS[match.group(2)]
            end = add_months(date(year, low, 1), high - low)
            return date(year, low, 1), month_end(end.year, end.month)
        if kind == "month":
            month = int(match.group(2))
            return date(year, month, 1), month_end(year, month)
        if kind == "year":
            return date(year, 1, 1), date(year, 12, 31)
        return date(year * 10, 1, 1), date(year * 10 + 9, 12, 31)
    return None


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 (the algorithm's own name)
    m = (a + 11 * h + 19 * l) // 433
    month = (h + l - 7 * m + 90) // 25
    return date(year, month, (h + l - 7 * m + 33 * month + 19) % 32)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th ISO `weekday` of a month; n = -1 is the last one."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    last = month_end(year, month)
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


def precision_of(value: str) -> str:
    """The When precision a period value is worth."""
    if re.match(r"^\d{4}-\d{2}-\d{2}", value):
        return "day"
    if "-W" in value:
        return "week"
    if re.match(r"^\d{4}-(\d{2}|Q\d|SP|SU|FA|WI)$", value):
        return "month"
    return "year"


def span_precision(start: date, end: date) -> str:
    """Precision of a range of days: up to two days is still 'day' (ACLED convention)."""
    days = (end - start).days + 1
    if days <= 2:
        return "day"
    if days <= 7:
        return "week"
    if days <= 31:
        return "month"
    return "year"
