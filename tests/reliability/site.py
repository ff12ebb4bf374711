"""A synthetic news site (tests/reliability/newsgen.py) on a loopback server that keeps
connections alive, as real sites do: the crash trials fetch many pages at a time.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.demo.loopback import LoopbackServer
from tests.reliability.newsgen import Story, feed_xml, page_html, split

__all__ = ["SiteServer", "serve_news"]


class SiteServer(LoopbackServer):
    """A LoopbackServer answering HTTP/1.1 with keep-alive."""

    def __init__(self) -> None:
        super().__init__(keep_alive=True)


def serve_news(server: LoopbackServer, items: Sequence[Story], *, feeds: int = 1,
               chrome: int = 1) -> list[str]:
    """Serve every story's page and `feeds` RSS feeds listing them; returns the feed
    URLs. Second reports of an event go to a feed of their own (another outlet)."""
    firsts = [s for s in items if not s.second]
    seconds = [s for s in items if s.second]
    groups = split(firsts, feeds) + ([seconds] if seconds else [])
    urls = []
    for n, group in enumerate(groups):
        outlet = f"Outlet {n}"
        listed = []
        for story in group:
            url = server.add(f"/o{n}/{story.slug}.html", page_html(story, outlet, chrome=chrome))
            listed.append((story, url))
        feed = feed_xml(outlet, server.url(f"/o{n}/"), listed)
        urls.append(server.add(f"/o{n}/feed.xml", feed, content_type="application/rss+xml",
                               etag=f'"o{n}-1"'))
    return urls
