"""A small loopback news site for the ops tests: one RSS feed, two articles (our own words)
about one India–Japan defence ministers' call, so the bundled rules match them."""

from __future__ import annotations

from tests.loopback import LoopbackServer

ARTICLES = {
    "/news/ministers-call.html": (
        "India and Japan defence ministers hold phone talks on military cooperation",
        "Tue, 10 Nov 2026 09:00:00 +0530",
        "India's Defence Minister Rajnath Singh spoke by telephone with Japan's Defence "
        "Minister on Tuesday. The two ministers reviewed defence cooperation between India "
        "and Japan, including the logistics agreement (ACSA) and the Malabar naval "
        "exercise, and agreed to hold the next 2+2 ministerial dialogue early next year. "
        "Officials in New Delhi said the conversation covered joint exercises of the Indian "
        "Navy and the Japan Maritime Self-Defense Force and cooperation on defence "
        "equipment and technology. Both sides stressed a free and open Indo-Pacific.",
    ),
    "/news/tokyo-delhi-talks.html": (
        "Japan, India defense chiefs agree to deepen security ties in call",
        "Tue, 10 Nov 2026 13:30:00 +0900",
        "Japan's Defense Minister and India's Defence Minister Rajnath Singh agreed in a "
        "telephone call on Tuesday to deepen defense cooperation. The ministers discussed "
        "the Acquisition and Cross-Servicing Agreement between Japan and India, bilateral "
        "naval drills and the Malabar exercise with the United States and Australia, and "
        "confirmed plans for the next two-plus-two meeting of foreign and defense "
        "ministers. Japan's Ministry of Defense said the talks lasted about forty minutes.",
    ),
}


def page(title: str, published: str, body: str) -> str:
    return ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
            f"<title>{title}</title>"
            f"<meta property='og:title' content='{title}'>"
            f"<meta property='article:published_time' content='2026-11-10T09:00:00+05:30'>"
            "</head><body><header><nav><a href='/'>Home</a> <a href='/world/'>World</a>"
            f"</nav></header><main><article><h1>{title}</h1>"
            f"<p class='byline'>Staff reporter, {published}</p>"
            + "".join(f"<p>{sentence.strip()}.</p>" for sentence in body.split(". "))
            + "</article></main><footer>Copyright Loopback News</footer></body></html>")


def serve_site(server: LoopbackServer) -> str:
    """Serve the feed and its two articles; returns the feed URL."""
    items = []
    for i, (path, (title, published, body)) in enumerate(ARTICLES.items()):
        url = server.add(path, page(title, published, body))
        items.append(f"<item><title>{title}</title><link>{url}</link>"
                     f"<guid isPermaLink='false'>loop-{i}</guid>"
                     f"<pubDate>{published}</pubDate></item>")
    feed = ("<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
            f"<title>Loopback News</title><link>{server.url('/')}</link>{''.join(items)}"
            "</channel></rss>")
    return server.add("/feed.xml", feed, content_type="application/rss+xml",
                      etag='"feed-1"')
