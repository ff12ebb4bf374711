"""robots.txt: asked once per origin, remembered for a day, consulted before every GET.

The Fetcher owns one `RobotsCache` and hands it a function that downloads
`scheme://host/robots.txt` through the same polite client, so robots.txt requests obey
the per-host limits too. What each answer means follows RFC 9309 §2.3.1:

  2xx           the rules in the file apply to user-agent "defwatch" (or "*")
  4xx           no robots.txt: everything is allowed (401/403 included, as the RFC says)
  429, 5xx,     robots.txt is unreachable: the whole origin is off limits for now; the
  network error refusal is remembered only briefly so the next poll asks again

Reading the file follows RFC 9309 §2.2. Here we pick the lines that apply to us: groups
are named by user-agent lines (ours is matched case-insensitively by product token, else
"*"), and groups naming the same agent are merged, as the RFC requires and Protego alone
does not. Protego (Scrapy's parser) then matches URLs against those lines: `*` and a
final `$` in paths, %-escapes normalised, the longest matching path wins, Allow on a tie.
`Crawl-delay`, not in the RFC but widely written, is read from the same lines and handed
to the Fetcher as the least time between two requests to the host.
"""

from __future__ import annotations

import asyncio
import logging
import math
import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from protego import Protego

from watchers.canonical import canonical_url
from watchers.errors import FetchError

__all__ = ["AGENT", "DISALLOWED", "MAX_CRAWL_DELAY_S", "RobotsCache", "RobotsFile", "Rules",
           "parse_robots", "robots_url"]

log = logging.getLogger(__name__)

AGENT = "defwatch"  # the product token robots.txt files name us by
DISALLOWED = "disallowed by robots.txt"
TTL_S = 24 * 3600.0  # RFC 9309 §2.4: caching for up to 24 hours is expected
FAILURE_TTL_S = 60.0  # about one poll cycle: a 503 storm is not re-asked per article
MAX_BYTES = 512 * 1024  # RFC 9309 §2.5: parse at least 500 KiB; we read no more
# A site asking for more than a minute between requests would starve its own sources
# (one poll plus its articles would take an hour); we wait this long at most, and say so.
MAX_CRAWL_DELAY_S = 60.0


@dataclass(frozen=True)
class RobotsFile:
    """What asking for robots.txt gave: an HTTP status and body, or a transport failure."""

    status: int | None  # None when no HTTP answer came back (see `error`)
    body: bytes = b""
    error: str | None = None  # "timed out after 20s", "connection refused", ...
    retry_after: float | None = None


FetchRobots = Callable[[str], Awaitable[RobotsFile]]


class Rules:
    """The lines of a robots.txt that apply to one user agent, ready to match URLs."""

    def __init__(self, lines: list[tuple[str, str]] | None = None) -> None:
        lines = lines or []
        body = "".join(f"{key}: {value}\n" for key, value in lines
                       if key in _RULE_KEYS and value)
        self._parser = Protego.parse(f"User-agent: *\n{body}")
        delays = [d for key, value in lines if key == "crawl-delay"
                  for d in [_seconds(value)] if d is not None]
        self.crawl_delay: float | None = max(delays, default=None)  # seconds, uncapped

    def allows(self, url: str) -> bool:
        if urlsplit(url).path == "/robots.txt":  # RFC 9309 §2.2.2: always allowed
            return True
        return bool(self._parser.can_fetch(url, "*"))


@dataclass(frozen=True)
class _Verdict:
    rules: Rules | None  # None: everything allowed
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

    async def check(self, url: str) -> float:
        """The seconds the origin asks between two requests (its Crawl-delay, at most
        MAX_CRAWL_DELAY_S; 0.0 without one) when robots.txt lets us fetch `url`; raises
        FetchError when it does not.

        URLs that are not http(s) pass: the Fetcher reports those itself.
        """
        origin = robots_url(url)
        if origin is None:
            return 0.0
        verdict = await self._verdict(origin)
        if verdict.refusal is not None:
            raise FetchError(url, verdict.refusal, status=verdict.status,
                             retry_after=verdict.retry_after)
        if verdict.rules is None:
            return 0.0
        if not verdict.rules.allows(url):
            raise FetchError(url, DISALLOWED)
        return min(verdict.rules.crawl_delay or 0.0, MAX_CRAWL_DELAY_S)

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
            delay = verdict.rules.crawl_delay if verdict.rules else None
            if delay:
                capped = (f" (asked {delay:g}s, capped at {MAX_CRAWL_DELAY_S:g}s)"
                          if delay > MAX_CRAWL_DELAY_S else "")
                log.info("robots.txt crawl-delay robots=%s delay=%gs%s", origin,
                         min(delay, MAX_CRAWL_DELAY_S), capped)
            return verdict

    def _judge(self, answer: RobotsFile) -> _Verdict:
        now = self._clock()
        status = answer.status
        if status is None or status == 429 or status >= 500:
            # No answer at all (DNS, connection, timeout) is what went wrong, not robots.txt:
            # it leads, so "DNS lookup failed" is not read as a robots.txt problem.
            refusal = (f"{answer.error} (asking for robots.txt)" if status is None
                       else f"robots.txt unavailable (HTTP {status})")
            return _Verdict(None, refusal, status, answer.retry_after,
                            now + self._failure_ttl_s)
        if 400 <= status < 500:
            return _Verdict(None, None, status, None, now + self._ttl_s)
        text = answer.body[:MAX_BYTES].decode("utf-8", errors="replace")
        return _Verdict(parse_robots(text, self._agent), None, status, None,
                        now + self._ttl_s)


_AGENT_KEYS = frozenset({"user-agent", "useragent", "user agent"})
_RULE_KEYS = frozenset({"allow", "disallow"})
_PRODUCT = re.compile(r"\*|[a-z_-]+")  # RFC 9309 §2.2.1: the product token's characters


@dataclass
class _Group:
    agents: set[str]
    lines: list[tuple[str, str]]  # (key, value) of allow, disallow and crawl-delay lines


def parse_robots(text: str, agent: str = AGENT) -> Rules:
    """The rules of a robots.txt that apply to `agent` (a product token such as
    "defwatch"). Pure; lines it cannot read are skipped, as the RFC asks."""
    groups: list[_Group] = []
    collecting_agents = False  # consecutive user-agent lines name one group
    for raw in text.removeprefix("\ufeff").splitlines():
        key, sep, value = raw.split("#", 1)[0].partition(":")
        key, value = key.strip().lower(), value.strip()
        if not sep:
            continue
        if key in _AGENT_KEYS:
            if not collecting_agents:
                groups.append(_Group(set(), []))
            product = _PRODUCT.match(value.lower())
            if product:
                groups[-1].agents.add(product.group())
            collecting_agents = True
        elif (key in _RULE_KEYS or key == "crawl-delay") and groups:
            groups[-1].lines.append((key, value))
            collecting_agents = False
        # Sitemap: and unknown lines belong to no group and end none.
    token = agent.lower()
    ours = [g for g in groups if token in g.agents] or [g for g in groups if "*" in g.agents]
    lines = [line for group in ours for line in group.lines]
    return Rules(lines)


def _seconds(value: str) -> float | None:
    try:
        seconds = float(value)
    except ValueError:
        return None
    return seconds if math.isfinite(seconds) and seconds >= 0 else None
