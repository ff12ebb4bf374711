"""find_date / w3c_date: dates as listings and sitemaps write them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from watchers.sources.dates import find_date, w3c_date


def day(y: int, m: int, d: int) -> datetime:
    return datetime(y, m, d, tzinfo=UTC)


@pytest.mark.parametrize(("text", "expected"), [
    ("16 Sep 2025", day(2025, 9, 16)),
    ("Posted on: 16-Sep-2025 10:30 AM IST", day(2025, 9, 16)),
    ("16th September, 2025", day(2025, 9, 16)),
    ("Sep. 16, 2025", day(2025, 9, 16)),  # Japan MOD English
    ("September 16 2025", day(2025, 9, 16)),
    ("Updated on Jun 01, 2025 07:52 AM IST", day(2025, 6, 1)),
    ("2025-09-16", day(2025, 9, 16)),
    ("2025-09-16T10:30:00+05:30", day(2025, 9, 16)),
    ("2025/09/16", day(2025, 9, 16)),
    ("2025.9.16", day(2025, 9, 16)),
    ("2025年9月16日", day(2025, 9, 16)),
    ("16-09-2025", day(2025, 9, 16)),  # day first
    ("09/10/2025", day(2025, 10, 9)),  # day first, also when both could be a month
    ("16.09.2025", day(2025, 9, 16)),
    ("31/09/2025 then 01/10/2025", day(2025, 10, 1)),  # no 31 September
    ("Press release 12345 of 2025", None),
    ("Sept 2025 issue", None),
    ("", None),
])
def test_find_date(text: str, expected: datetime | None) -> None:
    assert find_date(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("2025-09-16", day(2025, 9, 16)),
    ("2025-09-16T10:00:00.000+05:30", datetime(2025, 9, 16, 4, 30, tzinfo=UTC)),
    ("2025-09-16T04:30Z", datetime(2025, 9, 16, 4, 30, tzinfo=UTC)),
    (" 2025-09-16T04:30:05z ", datetime(2025, 9, 16, 4, 30, 5, tzinfo=UTC)),
    ("2025-09-16T10:00:00", datetime(2025, 9, 16, 10, tzinfo=UTC)),  # no zone: UTC
    ("16 Sep 2025", None),
    ("", None),
    (None, None),
])
def test_w3c_date(text: str | None, expected: datetime | None) -> None:
    assert w3c_date(text) == expected
