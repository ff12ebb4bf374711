"""search.poll: a query in a feed URL template, Google-News-style results, redirect wrappers."""

from __future__ import annotations

import html
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

import pytest

from bot.store import entries as entry_rows
from bot.store import open_database
from tests.loopback import LoopbackServer
from watchers.canonical import entry_key
from watchers.errors import FeedError
from watchers.fetch.http import Fetcher
from watchers.models import Entry, Source, SourceState
from watchers.sources.search import poll, search_url, unwrap

RSS = "application/rss+xml; charset=utf-8"
HINDU = "https://www.thehindu.com/news/national/india-japan-defence-ministers-talks/article70.ece"
BING_CLICK = ("http://www.bing.com/news/apiclick.aspx?ref=FexRss&aid=&tid=abc&url="
              + quote("https://www.japantimes.co.jp/news/2025/09/16/japan/acsa-india/?utm_source=rss",
                      safe="") + "&c=123&mkt=en-in")


def source(url: str, query: str | None = "India Japan defence") -> Source:
    return Source(id="gnews-india-japan", kind="search", url=url, outlet="Google News",
                  authority="aggregator", query=query)


def item(title: str, link: str, guid: str, outlet: str, outlet_url: str) -> str:
    description = html.escape(f'<a href="{link}" target="_blank">{title}</a>&nbsp;&nbsp;'
                              f'<font color="#6f6f6f">{outlet}</font>')
    return f"""<item><title>{html.escape(title)} - {html.escape(outlet)}</title>
<link>{html.escape(link)}</link><guid isPermaLink="false">{guid}</guid>
<pubDate>Tue, 16 Sep 2025 07:00:00 GMT</pubDate><description>{description}</description>
<source url="{outlet_url}">{html.escape(outlet)}</source></item>"""


def results_feed() -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel>
<title>"India Japan defence" - Google News</title><link>https://news.google.com/</link>
{item("India, Japan hold defence ministers' talks", "https://news.google.com/rss/articles/"
      "CBMiYWh0dHBzOi8vd3d3LnRoZWhpbmR1LmNvbS9uZXdzL25hdGlvbmFs0gEA?oc=5", "CBMiYWh0",
      "The Hindu", "https://www.thehindu.com")}
{item("Japan and India renew ACSA logistics pact", BING_CLICK, "bing-1", "The Japan Times",
      "https://www.japantimes.co.jp")}
{item("Malabar 2025 to begin off Guam", "https://www.google.com/url?rct=j&sa=t&q="
      + quote(HINDU, safe="") + "&ct=ga", "alert-1", "The Hindu", "https://www.thehindu.com")}
</channel></rss>"""


@pytest.mark.parametrize(("template", "query", "expected"), [
    ("https://news.google.com/rss/search?q={query}&hl=en-IN&gl=IN&ceid=IN:en",
     "India Japan defence",
     "https://news.google.com/rss/search?q=India+Japan+defence&hl=en-IN&gl=IN&ceid=IN:en"),
    ("https://www.bing.com/news/search?q={query}&format=rss", '"2+2" India  Japan',
     "https://www.bing.com/news/search?q=%222%2B2%22+India+Japan&format=rss"),
    ("https://news.google.com/rss/search?q={query}", "日印 防衛",
     "https://news.google.com/rss/search?q=%E6%97%A5%E5%8D%B0+%E9%98%B2%E8%A1%9B"),
])
def test_search_url_encodes_the_query(template: str, query: str, expected: str) -> None:
    assert search_url(source(template, query)) == expected


@pytest.mark.parametrize(("template", "query", "reason"), [
    ("https://news.google.com/rss/search?q=India", "India",
     "a search source's url needs a {query} placeholder"),
    ("https://news.google.com/rss/search?q={query}", None,
     "a search source needs `query:`"),
    ("https://news.google.com/rss/search?q={query}", "   ", "a search source needs `query:`"),
])
def test_misconfigured_search_sources(template: str, query: str | None, reason: str) -> None:
    with pytest.raises(FeedError) as caught:
        search_url(source(template, query))
    assert reason in caught.value.reason


@pytest.mark.parametrize(("url", "expected"), [
    (BING_CLICK, "https://www.japantimes.co.jp/news/2025/09/16/japan/acsa-india/"),
    ("https://www.google.com/url?q=" + quote(HINDU, safe="") + "&sa=U", HINDU),
    # a wrapper of a wrapper
    ("https://l.example/r?u=" + quote(BING_CLICK, safe=""),
     "https://www.japantimes.co.jp/news/2025/09/16/japan/acsa-india/"),
    # opaque: Google News encodes the target; the wrapper stays
    ("https://news.google.com/rss/articles/CBMiYWh0?oc=5",
     "https://news.google.com/rss/articles/CBMiYWh0?oc=5"),
    # a search term is not a target
    ("https://www.thehindu.com/search/?q=India+Japan", "https://www.thehindu.com/search/?q=India+Japan"),
    ("https://x.example/out?url=javascript:alert(1)", "https://x.example/out?url=javascript:alert(1)"),
])
def test_unwrap(url: str, expected: str) -> None:
    assert unwrap(url) == expected


async def test_poll_google_news_style_results(loopback: LoopbackServer,
                                              fetcher: Fetcher) -> None:
    loopback.add("/rss/search", results_feed(), content_type=RSS, etag='"g1"')
    template = loopback.url("/rss/search?q={query}&hl=en-IN&gl=IN&ceid=IN:en")
    result = await poll(fetcher, source(template), SourceState())
    assert loopback.requests[-1].path == ("/rss/search?q=India+Japan+defence"
                                          "&hl=en-IN&gl=IN&ceid=IN:en")
    assert [(e.url, e.title) for e in result.entries] == [
        ("https://news.google.com/rss/articles/CBMiYWh0dHBzOi8vd3d3LnRoZWhpbmR1LmNvbS9uZXdzL25h"
         "dGlvbmFs0gEA?oc=5", "India, Japan hold defence ministers' talks"),
        ("https://www.japantimes.co.jp/news/2025/09/16/japan/acsa-india/",
         "Japan and India renew ACSA logistics pact"),
        (HINDU, "Malabar 2025 to begin off Guam"),
    ]
    wrapped, bing, alert = result.entries
    assert wrapped.key == entry_key("gnews-india-japan", "CBMiYWh0", wrapped.url)
    assert bing.key == entry_key("other-source", None, bing.url)  # URL-keyed, source-free
    assert alert.published == datetime(2025, 9, 16, 7, tzinfo=UTC)
    again = await poll(fetcher, source(template), result.state)
    assert (again.not_modified, again.entries) == (True, ())


async def test_results_already_seen_from_another_source_are_dropped_by_the_store(
        loopback: LoopbackServer, fetcher: Fetcher, tmp_path: Path) -> None:
    loopback.add("/rss/search", results_feed(), content_type=RSS)
    result = await poll(fetcher, source(loopback.url("/rss/search?q={query}")), SourceState())
    from_the_hindu = Entry(key=entry_key("the-hindu-national", None, HINDU), url=HINDU,
                           title="India, Japan hold talks", source_id="the-hindu-national")
    db = open_database(f"sqlite:///{tmp_path}/defwatch.db")
    try:
        now = datetime(2025, 9, 16, 8, tzinfo=UTC)
        with db.engine.begin() as conn:
            assert entry_rows.add_entries(conn, [from_the_hindu], now) == [from_the_hindu]
            fresh = entry_rows.add_entries(conn, list(result.entries), now)
    finally:
        db.close()
    assert [e.url for e in fresh] == [e.url for e in result.entries if e.url != HINDU]
