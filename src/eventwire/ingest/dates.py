"""Publication dates from metadata strings (ISO, RFC 2822, written-out dates)."""

from __future__ import annotations

import email.utils
from datetime import date, datetime

import dateparser

# Only absolute forms: a metadata date of "yesterday" would silently mean today's run date.
_DATEPARSER_SETTINGS = {
    "PARSERS": ["custom-formats", "absolute-time"],
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PREFER_DAY_OF_MONTH": "first",
}


class DateError(ValueError):
    """A metadata value that is not a date."""


def parse_date(value: object) -> date | None:
    """A date from a metadata value; None for empty values, DateError for non-dates.

    The date is taken as written (a timestamp's own time zone), not converted.

    >>> parse_date("2023-10-18T21:30:00-04:00")
    datetime.date(2023, 10, 18)
    >>> parse_date("Wed, 18 Oct 2023 09:00:00 GMT")
    datetime.date(2023, 10, 18)
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise DateError(f"{value!r} is not a date")
    text = value.strip()
    if not text:
        return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    parsed = dateparser.parse(text, languages=["en"], settings=_DATEPARSER_SETTINGS)
    if parsed is None:
        raise DateError(f"{text!r} is not a date (expected e.g. 2024-03-02)")
    return parsed.date()
