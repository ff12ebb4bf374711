"""Typed values that leave the watchers package."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

SourceKind = Literal["rss", "html", "sitemap", "search"]
Authority = Literal["official", "media", "aggregator"]


@dataclass(frozen=True)
class Source:
    """One place we poll, as configured in sources.yaml."""

    id: str
    kind: SourceKind
    url: str
    interval_s: float = 600.0
    # how far pacing may stretch the interval for a quiet source (None: not at all)
    max_interval_s: float | None = None
    outlet: str = ""
    authority: Authority = "media"
    links: str | None = None  # CSS selector for html listings
    query: str | None = None  # for kind=search


@dataclass(frozen=True)
class ChildState:
    """What the last poll of a sitemap index learnt about one of its child sitemaps."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    lastmod: datetime | None = None  # the index's <lastmod> for the child when it was read
    skips: int = 0  # polls in a row that skipped it on an unchanged <lastmod> alone


@dataclass(frozen=True)
class SourceState:
    """What the last poll left behind for the next conditional request."""

    etag: str | None = None
    last_modified: str | None = None
    # Sitemap indexes only: the children followed last time (at most sitemap.MAX_CHILDREN),
    # so unchanged ones are skipped or fetched conditionally.
    children: tuple[ChildState, ...] = ()


@dataclass(frozen=True)
class FetchSettings:
    per_host_concurrency: int = 2
    per_host_delay_s: float = 1.0
    timeout_s: float = 20.0
    max_bytes: int = 15 * 1024 * 1024
    user_agent: str = "defwatch"
    # Ask each host's robots.txt (as user-agent "defwatch") before every GET; tests that
    # count requests on a loopback server may turn it off.
    respect_robots: bool = True
    # Fetch from loopback, private and link-local addresses (watchers/fetch/netguard.py); off,
    # so a source or a link in a feed cannot reach the machine's own network.
    allow_private: bool = False


@dataclass(frozen=True)
class Response:
    """A fetched document. status is 200 or 304; errors are FetchError."""

    url: str  # final URL after redirects
    status: int
    body: bytes
    content_type: str | None = None
    charset: str | None = None
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass(frozen=True)
class Entry:
    """One item of a feed or listing, before its page is fetched."""

    key: str  # stable identity: GUID or canonical URL, hashed
    url: str  # canonical URL of the article
    title: str
    source_id: str
    published: datetime | None = None
    summary: str = ""


@dataclass(frozen=True)
class PollResult:
    """The outcome of one poll. not_modified means the server answered 304."""

    entries: tuple[Entry, ...]
    state: SourceState
    not_modified: bool = False
    final_url: str | None = None
    skipped: int = 0  # entries that could not be read (logged by the watcher)


@dataclass(frozen=True)
class Article:
    """The text of one page, cleaned of chrome: what rules see."""

    url: str
    title: str
    text: str
    source_id: str
    outlet: str
    authority: Authority = "media"
    published: datetime | None = None
    language: str | None = None
    paragraphs: tuple[str, ...] = field(default=())

    @property
    def lead(self) -> str:
        """The first paragraph: where news writing puts who, what and when."""
        return self.paragraphs[0] if self.paragraphs else self.text[:600]
