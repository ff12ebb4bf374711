"""When a source is polled next: a table of histories and the interval they lead to."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

import pytest

from bot.pipeline.pacing import DISABLE_AFTER, MAX_BACKOFF_S, Pace, adapt, backoff, disabled_reason

NOW = datetime(2026, 11, 24, 12, 0, 0)


@pytest.mark.parametrize(("current", "quiet", "new", "first", "expected"), [
    (600, 0, 5, True, Pace(600, 0)),  # the first poll finds everything new: no signal
    (600, 0, 3, False, Pace(300, 0)),  # news: faster
    (300, 0, 1, False, Pace(150, 0)),
    (150, 0, 1, False, Pace(150, 0)),  # never below a quarter of the configured 600s
    (2400, 0, 1, False, Pace(600, 0)),  # a slowed-down source with news: configured pace
    (600, 0, 0, False, Pace(600, 1)),  # quiet: count
    (600, 1, 0, False, Pace(600, 2)),
    (600, 2, 0, False, Pace(1200, 0)),  # the third quiet poll in a row: slower
    (2400, 2, 0, False, Pace(2400, 0)),  # never above max_interval (2400s here)
    (9000, 0, 0, True, Pace(2400, 0)),  # an out-of-range value is brought into range
])
def test_adaptive_interval(current: float, quiet: int, new: int, first: bool,
                           expected: Pace) -> None:
    assert adapt(600.0, current, quiet, new_items=new, first=first, max_s=2400.0) == expected


@pytest.mark.parametrize(("current", "quiet", "expected"), [
    (600, 2, Pace(600, 0)),  # the third quiet poll: still the configured interval
    (2400, 0, Pace(600, 1)),  # stretched before (an older version): back in range
    (300, 2, Pace(600, 0)),  # sped up by news, then quiet: back to the configured pace
])
def test_a_quiet_source_is_never_stretched_without_max_interval(
        current: float, quiet: int, expected: Pace) -> None:
    assert adapt(600.0, current, quiet, new_items=0) == expected


def test_backoff_doubles_with_jitter_up_to_a_cap() -> None:
    rng = random.Random(7)
    waits = [(backoff(NOW, 600.0, n, rng=rng) - NOW).total_seconds() for n in range(1, 8)]
    for n, wait in enumerate(waits, start=1):
        base = min(MAX_BACKOFF_S, 600.0 * 2 ** (n - 1))
        assert 0.9 * base <= wait <= 1.1 * base
    assert (backoff(NOW, 600.0, 40, rng=rng) - NOW).total_seconds() <= 1.1 * MAX_BACKOFF_S


def test_backoff_is_never_sooner_than_retry_after() -> None:
    assert backoff(NOW, 60.0, 1, retry_after=7200.0) == NOW + timedelta(seconds=7200)


def test_a_source_gives_up_after_consecutive_failures() -> None:
    assert disabled_reason(DISABLE_AFTER - 1, "HTTP 500") is None
    assert disabled_reason(DISABLE_AFTER, "HTTP 500") == (
        f"disabled: {DISABLE_AFTER} consecutive failures, last: HTTP 500")
