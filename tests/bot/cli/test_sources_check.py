"""`defwatch sources check`: one poll per source of every kind, a table, an exit code."""

from __future__ import annotations

from typing import get_args

from bot.cli.source_admin import check_sources
from bot.config.options import Config, SourceConfig
from tests.loopback import LoopbackServer
from tests.watchers.conftest import FAST
from watchers import POLLERS
from watchers.fetch.http import Fetcher
from watchers.models import SourceKind

LISTING = """<html><body><main><ul>
<li><a href="/en/press-release/india-japan-defence-ministers-hold-talks">India and Japan
defence ministers hold talks</a> <span>16 Sep 2025</span></li>
<li><a href="/en/press-release/coast-guards-sign-memorandum">Coast guards of both countries
sign a memorandum</a></li></ul></main></body></html>"""
FEED = """<rss version="2.0"><channel><title>t</title>
<item><title>Talks</title><link>{base}/a/1</link></item></channel></rss>"""
SITEMAP = """<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>{base}/a/2</loc><lastmod>2025-09-16</lastmod></url></urlset>"""


async def test_every_kind_is_checked_and_failures_set_the_exit_code(
        loopback: LoopbackServer) -> None:
    base = loopback.url("")
    loopback.add("/listing", LISTING)
    loopback.add("/feed.xml", FEED.format(base=base), content_type="application/rss+xml")
    loopback.add("/search", FEED.format(base=base), content_type="application/rss+xml")
    loopback.add("/sitemap.xml", SITEMAP.format(base=base), content_type="application/xml")
    sources = [
        SourceConfig(id="a-rss", kind="rss", url=base + "/feed.xml"),
        SourceConfig(id="b-html", kind="html", url=base + "/listing"),
        SourceConfig(id="c-sitemap", kind="sitemap", url=base + "/sitemap.xml"),
        SourceConfig(id="d-search", kind="search", url=base + "/search?q={query}",
                     query="India Japan"),
        SourceConfig(id="e-broken", kind="html", url=base + "/gone"),
        SourceConfig(id="f-off", kind="rss", url=base + "/off", enabled=False),
    ]
    lines: list[str] = []
    async with Fetcher(FAST) as fetcher:
        code = await check_sources(Config(), sources, lines.append, fetcher=fetcher)
    assert code == 1
    header, *rows, summary = lines
    assert header.split() == ["source", "kind", "status", "latency", "items", "dated", "error"]
    table = {row.split()[0]: row.split() for row in rows}
    assert {k: (v[1], v[2], v[4], v[5]) for k, v in table.items() if k != "e-broken"} == {
        "a-rss": ("rss", "ok", "1", "0"), "b-html": ("html", "ok", "2", "1"),
        "c-sitemap": ("sitemap", "ok", "1", "1"), "d-search": ("search", "ok", "1", "0")}
    assert table["e-broken"][1:3] == ["html", "FAIL"]
    assert rows[4].endswith("HTTP 404")
    assert summary == "5 sources, 1 failing"
    assert loopback.hits("/off") == 0


async def test_all_good_exits_zero(loopback: LoopbackServer) -> None:
    url = loopback.add("/listing", LISTING)
    lines: list[str] = []
    async with Fetcher(FAST) as fetcher:
        code = await check_sources(Config(), [SourceConfig(id="mod", kind="html", url=url)],
                                   lines.append, fetcher=fetcher)
    assert (code, lines[-1]) == (0, "1 sources, 0 failing")


def test_every_source_kind_has_a_watcher() -> None:
    assert set(POLLERS) == set(get_args(SourceKind))
