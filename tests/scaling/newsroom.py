"""Many loopback feeds with pages behind them: a few about bilateral defence talks (each
its own event, dated weeks apart), the rest ordinary news no rule wants."""

from __future__ import annotations

import html
import threading
from dataclasses import dataclass
from datetime import date, timedelta

from tests.loopback import LoopbackServer, RecordedRequest, Route

FIRST_DAY = date(2025, 1, 6)
TOPICS = ("logistics cooperation", "joint naval drills", "defence equipment transfers",
          "maritime security in the Indian Ocean", "an exchange of military officers",
          "cooperation between their coast guards", "unmanned ground vehicles",
          "training for peacekeeping missions")
FILLER = ("Markets close higher as monsoon rains lift farm stocks",
          "City council approves a new metro line after long debate",
          "Local team wins the regional football final on penalties",
          "Heatwave warning issued for the northern plains this week")


@dataclass(frozen=True)
class Site:
    feeds: list[str]  # feed URLs, one per source
    pages: list[str]  # page paths
    events: int  # pages that report a bilateral defence event, one event each


def _page(title: str, paragraphs: list[str], day: date) -> str:
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{html.escape(title)}</title>
<meta property="article:published_time" content="{day.isoformat()}T10:00:00+05:30"></head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<main><article><h1>{html.escape(title)}</h1>
{body}
</article></main><footer><p>Copyright Loopback News.</p></footer></body></html>"""


def _talks(n: int, day: date) -> tuple[str, list[str]]:
    topic = TOPICS[n % len(TOPICS)]
    when = f"{day:%A} {day.day} {day:%B %Y}"
    return (f"India and Japan defence ministers discuss {topic} (report {n})", [
        f"NEW DELHI — Indian Defence Minister Rajnath Singh and Japanese Defence Minister "
        f"Nakatani Gen spoke by telephone on {when} and discussed {topic}, the defence "
        f"ministry said in a statement after the call.",
        f"The two ministers agreed that the India–Japan defence partnership should deepen, "
        f"and reviewed progress since their previous meeting. Report number {n} of the "
        f"series notes that officials will meet again to take the talks on {topic} forward.",
        "Both sides said the armed forces of the two countries would keep training together."])


def _filler(n: int, day: date) -> tuple[str, list[str]]:
    title = FILLER[n % len(FILLER)]
    return (f"{title} ({n})", [
        f"Officials said on {day:%A} that {title.lower()}, in story number {n}.",
        "Residents were divided, and a decision on the details is expected next month."])


def build(server: LoopbackServer, *, feeds: int, every: int, fillers: int = 10) -> Site:
    """`feeds` RSS feeds. Every `every`-th one reports bilateral talks on its own day (five
    days after the previous report); each also lists one of `fillers` ordinary stories
    that many feeds share, so the same URL arrives from several sources at once."""
    urls, pages, events = [], [], 0
    shared = []
    for n in range(fillers):
        title, paragraphs = _filler(n, FIRST_DAY)
        path = f"/news/filler-{n}.html"
        pages.append(path)
        shared.append((title, server.add(path, _page(title, paragraphs, FIRST_DAY))))
    for f in range(feeds):
        day = FIRST_DAY + timedelta(days=5 * f)
        stories = [(f"story-{f}-filler", *shared[f % fillers])]
        if f % every == 0:
            title, paragraphs = _talks(f, day)
            path = f"/news/talks-{f}.html"
            pages.append(path)
            stories.append((f"story-{f}-talks", title,
                            server.add(path, _page(title, paragraphs, day))))
            events += 1
        items = "".join(f"<item><title>{html.escape(title)}</title><link>{link}</link>"
                        f"<guid isPermaLink='false'>{guid}</guid>"
                        f"<pubDate>{day:%a, %d %b %Y} 04:30:00 GMT</pubDate></item>"
                        for guid, title, link in stories)
        urls.append(server.add(
            f"/feed/{f}.xml", "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'>"
            f"<channel><title>Feed {f}</title><link>{server.url('/')}</link>{items}"
            "</channel></rss>", content_type="application/rss+xml", etag=f'"f{f}"'))
    return Site(feeds=urls, pages=pages, events=events)


class GatedServer(LoopbackServer):
    """Holds every feed request until requests from all `clients` (told apart by their
    User-Agent) have arrived, so replicas started one after the other still race."""

    def __init__(self, clients: set[str], *, timeout: float = 60.0) -> None:
        super().__init__()
        self._waiting = set(clients)
        self._gate = threading.Lock()
        self._open = threading.Event()
        self._timeout = timeout

    def _record(self, request: RecordedRequest) -> None:
        super()._record(request)
        agent = request.headers.get("user-agent", "")
        with self._gate:
            self._waiting -= {c for c in self._waiting if c in agent}
            if not self._waiting:
                self._open.set()

    def _route(self, target: str) -> Route | None:
        if target.startswith("/feed/"):
            self._open.wait(self._timeout)
        return super()._route(target)

    def requests_by(self, client: str, prefix: str) -> list[str]:
        return [r.path for r in self.requests
                if client in r.headers.get("user-agent", "") and r.path.startswith(prefix)]
