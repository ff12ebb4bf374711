"""robots.txt: asked once per origin, remembered for a day, consulted before every GET.

The Fetcher owns one `RobotsCache` and hands it a function that downloads
`scheme://host/robots.txt` through the same polite client, so robots.txt requests obey
the per-host limits too. What each answer means follows RFC 9309 §2.3.1:

  2xx           the rules in the file apply to user-agent "defwatch" (or "*")
  4xx           no robots.txt: everything is allowed (401/403 included, as the RFC says)
  429, 5xx,     robots.txt is unreachable: the whole origin is off limits for now; the
  network error refusal is remembered only briefly so the next poll asks again

The file is read here, after RFC 9309 §2.2: groups are named by user-agent lines (ours is
matched case-insensitively by product token, else "*"; groups naming the same agent are
merged), each Allow/Disallow path may hold `*` (any characters) and a final `$` (end of
URL), and of all the rules that match a URL the one with the longest path wins, Allow
on a tie. `Crawl-delay`, not in the RFC but widely written, is read from the same group
and handed to the Fetcher as the least time between two requests to the host.
"""

from __future__ import annotations

import asyncio
import logging
import math
import re
import string
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

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


@dataclass(frozen=True)
class _Rule:
    allow: bool
    pattern: str  # normalised; `*` is a wildcard, a final `$` anchors at the end
    literal: str  # the pattern up to its first wildcard: a cheap first test

    def matches(self, target: str) -> bool:
        if not target.startswith(self.literal):
            return False
        if self.literal == self.pattern:
            return True
        anchored = self.pattern.endswith("$")
        glob = self.pattern[:-1] if anchored else self.pattern + "*"
        return _glob(glob, target)


@dataclass(frozen=True)
class Rules:
    """The part of a robots.txt that applies to one user agent."""

    rules: tuple[_Rule, ...] = ()  # longest first, Allow before Disallow on a tie
    crawl_delay: float | None = None  # seconds, as written (uncapped)

    def allows(self, url: str) -> bool:
        target = _target(url)
        if target == "/robots.txt":  # RFC 9309 §2.2.2: always allowed
            return True
        # Sorted most specific first, so the first rule that matches is the one in force.
        return next((rule.allow for rule in self.rules if rule.matches(target)), True)


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
_UNRESERVED = frozenset(string.ascii_letters + string.digits + "-._~")
_HEX = frozenset(string.hexdigits)


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
    rules = [_rule(key == "allow", value) for key, value in lines
             if key in _RULE_KEYS and value]
    delays = [d for key, value in lines if key == "crawl-delay"
              for d in [_seconds(value)] if d is not None]
    # Longest pattern first, Allow before Disallow on a tie (RFC 9309 §2.2.2), so the
    # first match is the most specific one.
    rules.sort(key=lambda rule: (-len(rule.pattern), not rule.allow))
    return Rules(tuple(rules), max(delays, default=None))


def _rule(allow: bool, path: str) -> _Rule:
    pattern = _normalise(path if path.startswith(("/", "*")) else "/" + path)
    pattern = re.sub(r"\*+", "*", pattern)  # "**" means "*"; fewer stars, less backtracking
    literal = pattern.split("*", 1)[0]
    if "*" not in pattern:
        literal = literal.removesuffix("$")
    return _Rule(allow, pattern, literal)


def _seconds(value: str) -> float | None:
    try:
        seconds = float(value)
    except ValueError:
        return None
    return seconds if math.isfinite(seconds) and seconds >= 0 else None


def _target(url: str) -> str:
    """The part of a URL rules are matched against: path and query, normalised."""
    parts = urlsplit(url)
    return _normalise((parts.path or "/") + (f"?{parts.query}" if parts.query else ""))


def _normalise(path: str) -> str:
    """One spelling for one path (RFC 9309 §2.2.2): %-escapes of unreserved characters
    decoded, other escapes in upper case, non-ASCII and controls %-encoded as UTF-8."""
    raw = path.encode("utf-8")
    out: list[str] = []
    i = 0
    while i < len(raw):
        byte = raw[i]
        escape = raw[i + 1:i + 3].decode("latin-1")
        if byte == 0x25 and len(escape) == 2 and set(escape) <= _HEX:
            char = chr(int(escape, 16))
            out.append(char if char in _UNRESERVED else "%" + escape.upper())
            i += 3
            continue
        out.append(chr(byte) if 0x20 < byte < 0x7F else f"%{byte:02X}")
        i += 1
    return "".join(out)


def _glob(pattern: str, text: str) -> bool:
    """Whether all of `text` matches `pattern`, where `*` is any run of characters.

    Greedy with one backtrack point: O(len(pattern) x len(text)) at worst, where a regex
    of many `.*` can take exponential time on a hostile robots.txt.
    """
    p = t = 0
    star, resume = -1, 0
    while t < len(text):
        if p < len(pattern) and pattern[p] == "*":
            star, resume = p, t
            p += 1
        elif p < len(pattern) and pattern[p] == text[t]:
            p += 1
            t += 1
        elif star >= 0:
            p, resume = star + 1, resume + 1
            t = resume
        else:
            return False
    return all(c == "*" for c in pattern[p:])
