"""The root of defwatch's exception tree, and the errors of the watchers package.

`bot` imports from here (never the reverse), so the root lives on this side of the
import direction and both packages share one tree.
"""

from __future__ import annotations

from datetime import UTC, datetime


class DefwatchError(Exception):
    """Base of every error defwatch raises on purpose."""


class FetchError(DefwatchError):
    """A URL could not be fetched: network failure, bad status, too large, timed out."""

    def __init__(self, url: str, reason: str, *, status: int | None = None,
                 retry_after: float | None = None, retry_at: datetime | None = None) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.status = status
        self.retry_after = retry_after
        self.retry_at = retry_at

    def retry_wait(self, now: datetime) -> float | None:
        """Seconds the server asked us to wait, counted from the caller's clock `now`.

        A Retry-After HTTP date is kept as a date (`retry_at`) so that the poller's own
        clock, not the wall clock at fetch time, decides how far away it is.
        """
        if self.retry_at is None:
            return self.retry_after
        if now.tzinfo is None:  # the store's clock is naive UTC
            now = now.replace(tzinfo=UTC)
        return max(0.0, (self.retry_at - now).total_seconds())


class FeedError(DefwatchError):
    """A document was fetched but is not a feed (or listing) we can read."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason


class ExtractError(DefwatchError):
    """A page was fetched but holds no article text we can use."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
