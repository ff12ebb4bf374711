"""robots.txt: asked once per origin, remembered for a day, consulted before every GET.

The Fetcher owns one `RobotsCache` and hands it a function that downloads
`scheme://host/robots.txt` through the same polite client, so robots.txt requests obey
the per-host limits too. What each answer means follows RFC 9309 §2.3.1:

  2xx           the rules in the file apply to user-agent "defwatch" (or "*")
  4xx           no robots.txt: everything is allowed (401/403 included, as the RFC says)
  429, 5xx,     robots.txt is unreachable: the whole origin is off limits for now; the
  network error refusal is remembered only briefly so the next poll asks again

urllib.robotparser does the parsing. It applies the *first* matching rule, where the
RFC (and Google) apply the *longest*; we reorder each group's rules longest-first so
"Allow: /\\nDisallow: /private/" keeps us out of /private/. It does not understand the
`*` and `$` wildcards of RFC 9309: such rules match only literally.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from watchers.canonical import canonical_url
from watchers.errors import FetchError

__all__ = ["AGENT", "DISALLOWED", "RobotsCache", "RobotsFile", "robots_url"]

AGENT = "defwatch"  # the product token robots.txt files name us by
DISALLOWED = "disallowed by robots.txt"
TTL_S = 24 * 3600.0  # RFC 9309 §2.4: caching for up to 24 hours is expected
FAILURE_TTL_S = 60.0  # about one poll cycle: a 503 storm is not re-asked per article
MAX_BYTES = 512 * 1024  # RFC 9309 §2.5: parse at least 500 KiB; we read no more


@dataclass(frozen=True)
class RobotsFile:
    """What asking for robots.txt gave: an HTTP status and body, or a transport failure."""

    status: int | None  # None when no HTTP answer came back (see `error`)
    body: bytes = b""
    error: str | None = None  # "timed out after 20s", "connection refused", ...
    retry_after: float | None = None


FetchRobots = Callable[[str], Awaitable[RobotsFile]]


@dataclass(frozen=True)
class _Verdict:
    parser: RobotFileParser | None  # None: everything allowed
    refusal: str | None  # set: every URL of the origin is refused with this reason
    status: int | None
    retry_after: float | None
    expires: float


def robots_url(url: str) -> str | None:
    """'https://Mod.gov.in:443/en/x?y' -> 'https://mod.gov.in/robots.txt'; None if not http(s)."""
    parts = urlsplit(canonical_url(url))  # lower-case host, no default port
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}/robots.txt"


class RobotsCache:
    """Per-origin robots.txt verdicts, in memory (a restart asks again: cheap and polite)."""

    def __init__(self, fetch: FetchRobots, *, agent: str = AGENT, ttl_s: float = TTL_S,
                 failure_ttl_s: float = FAILURE_TTL_S,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._fetch = fetch
        self._agent = agent
        self._ttl_s = ttl_s
        self._failure_ttl_s = failure_ttl_s
        self._clock = clock
        self._verdicts: dict[str, _Verdict] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def check(self, url: str) -> None:
        """Return when robots.txt lets us fetch `url`; raise FetchError when it does not.

        URLs that are not http(s) pass: the Fetcher reports those itself.
        """
        origin = robots_url(url)
        if origin is None:
            return
        verdict = await self._verdict(origin)
        if verdict.refusal is not None:
            raise FetchError(url, verdict.refusal, status=verdict.status,
                             retry_after=verdict.retry_after)
        if verdict.parser is not None and not verdict.parser.can_fetch(self._agent, url):
            raise FetchError(url, DISALLOWED)

    async def _verdict(self, origin: str) -> _Verdict:
        cached = self._verdicts.get(origin)
        if cached is not None and cached.expires > self._clock():
            return cached
        # One download per origin even when twenty article fetches arrive at once.
        lock = self._locks.setdefault(origin, asyncio.Lock())
        async with lock:
            cached = self._verdicts.get(origin)
            if cached is not None and cached.expires > self._clock():
                return cached
            verdict = self._judge(await self._fetch(origin))
            self._verdicts[origin] = verdict
            return verdict

    def _judge(self, answer: RobotsFile) -> _Verdict:
        now = self._clock()
        status = answer.status
        if status is None or status == 429 or status >= 500:
            what = answer.error if status is None else f"HTTP {status}"
            return _Verdict(None, f"robots.txt unavailable ({what})", status,
                            answer.retry_after, now + self._failure_ttl_s)
        if 400 <= status < 500:
            return _Verdict(None, None, status, None, now + self._ttl_s)
        return _Verdict(_parse(answer.body), None, status, None, now + self._ttl_s)


def _parse(body: bytes) -> RobotFileParser:
    parser = RobotFileParser()
    text = body[:MAX_BYTES].decode("utf-8", errors="replace").removeprefix("\ufeff")
    parser.parse(text.splitlines())
    # Longest path first, Allow before Disallow on a tie: RFC 9309 §2.2.2's "most
    # specific match wins" expressed through robotparser's "first match wins".
    groups = [*getattr(parser, "entries", []), getattr(parser, "default_entry", None)]
    for group in groups:
        if group is not None:
            group.rulelines.sort(key=lambda rule: (-len(rule.path), not rule.allowance))
    return parser
