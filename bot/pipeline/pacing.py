"""When to poll a source next: adaptive intervals, backoff on errors, giving up.

Pure functions of a source's recent history, so the rules read (and test) as a table:

- a poll with new items halves the interval, down to a quarter of the configured one
  (a slowed-down source that has news again returns to the configured interval first);
- QUIET_POLLS polls in a row without new items double it, up to the source's
  `max_interval` when it has one (opt-in), else never beyond the configured interval: a
  quiet official source is often the one whose news matters most;
- a failed poll backs off exponentially with jitter, never sooner than the server's
  Retry-After (429 and 503 carry one), capped at MAX_BACKOFF_S;
- DISABLE_AFTER consecutive failures disable the source until `defwatch sources enable`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

MIN_FACTOR = 0.25  # fastest: a quarter of the configured interval
QUIET_POLLS = 3  # polls without news before slowing down
MAX_BACKOFF_S = 6 * 3600.0
DISABLE_AFTER = 20  # consecutive failures


@dataclass(frozen=True)
class Pace:
    interval_s: float  # the effective interval from now on
    quiet_polls: int  # polls in a row without new items, since the last change


def adapt(configured_s: float, current_s: float, quiet_polls: int, *, new_items: int,
          first: bool = False, max_s: float | None = None) -> Pace:
    """The interval after a successful poll that found `new_items` unseen entries.

    The first poll of a source finds everything new and says nothing about its pace.
    """
    low, high = configured_s * MIN_FACTOR, max(configured_s, max_s or configured_s)
    current = min(max(current_s, low), high)
    if first:
        return Pace(current, 0)
    if new_items:
        if current > configured_s:  # a quiet source woke up: the configured pace at once
            return Pace(configured_s, 0)
        return Pace(max(low, current / 2), 0)
    quiet = quiet_polls + 1
    if quiet >= QUIET_POLLS:
        return Pace(min(high, current * 2), 0)
    return Pace(current, quiet)


def backoff(now: datetime, interval_s: float, failures: int,
            retry_after: float | None = None, *, rng: random.Random | None = None,
            ) -> datetime:
    """Exponential backoff with jitter, capped, and never sooner than Retry-After."""
    wait = min(MAX_BACKOFF_S, max(interval_s, 60.0) * 2 ** min(failures - 1, 8))
    wait *= (rng or random).uniform(0.9, 1.1)
    return now + timedelta(seconds=max(wait, retry_after or 0.0))


def disabled_reason(failures: int, error: str) -> str | None:
    """What the source's status says once it gives up; None while it keeps trying."""
    if failures < DISABLE_AFTER:
        return None
    return f"disabled: {failures} consecutive failures, last: {error}"
