"""Dates as listings and sitemaps write them, read without guessing.

Two readers: `w3c_date` for machine-written stamps (sitemaps, `<time datetime>`; read
by dateutil's ISO 8601 parser), and `find_date` for the day a person wrote next to a
link ("16 Sep 2025", "Sep. 16, 2025", "16-09-2025", "2025年9月16日"). Both return UTC
datetimes; a day without a time becomes midnight UTC, which extract() later refines with
the page's own timestamp.

Numeric dates are read day-first (16-09-2025): the sites that publish only HTML
listings are ministries in India, Japan and Europe. A month-first US listing would be
misread on days 1-12, which is why `find_date` prefers the unambiguous forms first.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from dateutil.parser import isoparse

__all__ = ["find_date", "w3c_date"]

_MONTHS = {name: i for i, names in enumerate((
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
    ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
    ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
    ("dec", "december")), start=1) for name in names}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_SEP = r"[\s,./-]+"

# Most explicit first: a named month or a four-digit year first cannot be misread.
_PATTERNS = tuple(re.compile(p, re.IGNORECASE) for p in (
    rf"(?<!\d){_YEAR}-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})(?!\d)",  # 2025-09-16(T10:00)
    rf"(?<!\d){_YEAR}\s*年\s*(?P<m>\d{{1,2}})\s*月\s*(?P<d>\d{{1,2}})\s*日",  # 2025年9月16日
    rf"\b{_DAY}{_SEP}{_MONTH}{_SEP}{_YEAR}\b",  # 16 Sep 2025, 16-Sep-2025, 16th September, 2025
    rf"\b{_MONTH}{_SEP}{_DAY}{_SEP}{_YEAR}\b",  # Sep 16, 2025, Sep. 16 2025
    rf"(?<!\d){_YEAR}[./](?P<m>\d{{1,2}})[./](?P<d>\d{{1,2}})(?!\d)",  # 2025/09/16
    # 16-09-2025, 16.09.2025, 16/09/2025 (day first)
    r"(?<!\d)(?P<d>\d{1,2})[./-](?P<m>\d{1,2})[./-](?P<year>(?:19|20)\d{2})(?!\d)",
))


def find_date(text: str) -> datetime | None:
    """The first real calendar day written in `text`, as midnight UTC; None if there is none."""
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            day = _day(match.groupdict())
            if day is not None:
                return datetime(day.year, day.month, day.day, tzinfo=UTC)
    return None


def w3c_date(text: str | None) -> datetime | None:
    """A W3C-datetime / ISO 8601 stamp ('2025-09-16', '2025-09-16T10:00:00.000+05:30',
    '2025-09-16T04:30Z') in UTC. A stamp without a zone is taken as UTC."""
    value = (text or "").strip()
    if not value:
        return None
    try:
        stamp: datetime = isoparse(value)
    except (ValueError, OverflowError):
        return None
    if stamp.tzinfo is None:
        return stamp.replace(tzinfo=UTC)
    return stamp.astimezone(UTC)


def _day(groups: dict[str, str | None]) -> date | None:
    month_name = groups.get("month")
    month = _MONTHS.get(month_name.lower()) if month_name else _int(groups.get("m"))
    day = _int(groups.get("day") or groups.get("d"))
    year = _int(groups.get("year"))
    if month is None or day is None or year is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:  # 31 Sep, 29 Feb 2025, month 16 of a month-first date
        return None


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None
