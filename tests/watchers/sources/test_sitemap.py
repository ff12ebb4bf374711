"""sitemap.poll / parse_sitemap: news sitemaps, indexes, gzip, and hostile XML, on loopback."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime, timedelta

import pytest

from tests.loopback import LoopbackServer
from watchers.canonical import entry_key
from watchers.errors import FeedError, FetchError
from watchers.fetch.http import Fetcher
from watchers.models import ChildState, PollResult, Response, Source, SourceState
from watchers.sources import sitemap
from watchers.sources.sitemap import parse_sitemap, poll

XML = "application/xml"
NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
NEWS_NS = 'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"'


def source(url: str) -> Source:
    return Source(id="wire-news", kind="sitemap", url=url, outlet="Wire")


def news_sitemap(base: str, items: list[tuple[str, str, str]]) -> str:
    """items: (path, title, publication_date)."""
    urls = "".join(f"""
  <url><loc>{base}{path}</loc>
    <news:news><news:publication><news:name>Wire</news:name>
      <news:language>en</news:language></news:publication>
      <news:publication_date>{date}</news:publication_date>
      <news:title>{title}</news:title></news:news></url>""" for path, title, date in items)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset {NS} {NEWS_NS}>{urls}\n</urlset>'


def plain_sitemap(base: str, paths: list[str], lastmod: str | None = None,
                  ns: str = NS) -> str:
    mod = f"<lastmod>{lastmod}</lastmod>" if lastmod else ""
    urls = "".join(f"<url><loc>{base}{p}</loc>{mod}</url>" for p in paths)
    return f"<urlset {ns}>{urls}</urlset>"


def index(children: list[tuple[str, str | None]]) -> str:
    items = "".join(f"<sitemap><loc>{url}</loc>"
                    + (f"<lastmod>{mod}</lastmod>" if mod else "") + "</sitemap>"
                    for url, mod in children)
    return f'<?xml version="1.0"?><sitemapindex {NS}>{items}</sitemapindex>'


def parse(body: str | bytes, url: str = "https://wire.example.com/news-sitemap.xml"
          ) -> sitemap.Sitemap:
    raw = body.encode() if isinstance(body, str) else body
    return parse_sitemap(Response(url=url, status=200, body=raw, content_type=XML),
                         source(url))


async def poll_once(fetcher: Fetcher, url: str,
                    state: SourceState | None = None) -> PollResult:
    return await poll(fetcher, source(url), state or SourceState())


# -- news sitemaps ------------------------------------------------------------------

async def test_news_sitemap_titles_dates_newest_first(loopback: LoopbackServer,
                                                      fetcher: Fetcher) -> None:
    base = loopback.url("")
    body = news_sitemap(base, [
        ("/2025/09/15/acsa-renewed", "India, Japan renew ACSA &amp; logistics pact",
         "2025-09-15T08:00:00+05:30"),
        ("/2025/09/16/rajnath-koizumi-call?utm_source=sitemap", "Rajnath Singh speaks to "
         "Koizumi", "2025-09-16T04:30:00Z"),
        ("/2025/09/14/malabar", "  Malabar\n  begins  ", "2025-09-14"),
    ])
    url = loopback.add("/news-sitemap.xml", body, content_type=XML, etag='"s1"')
    result = await poll_once(fetcher, url)
    assert [(e.url, e.title, e.published) for e in result.entries] == [
        (base + "/2025/09/16/rajnath-koizumi-call", "Rajnath Singh speaks to Koizumi",
         datetime(2025, 9, 16, 4, 30, tzinfo=UTC)),
        (base + "/2025/09/15/acsa-renewed", "India, Japan renew ACSA & logistics pact",
         datetime(2025, 9, 15, 2, 30, tzinfo=UTC)),
        (base + "/2025/09/14/malabar", "Malabar begins", datetime(2025, 9, 14, tzinfo=UTC)),
    ]
    assert [e.key for e in result.entries] == [
        entry_key("wire-news", None, e.url) for e in result.entries]
    again = await poll_once(fetcher, url, result.state)
    assert (again.not_modified, again.entries) == (True, ())


@pytest.mark.parametrize("ns", [NS, 'xmlns="http://www.google.com/schemas/sitemap/0.84"', ""])
def test_plain_sitemaps_in_any_namespace(ns: str) -> None:
    parsed = parse(plain_sitemap("https://wire.example.com", ["/a/one", "/a/two"],
                                 lastmod="2025-09-16", ns=ns))
    assert [e.url for e in parsed.entries] == ["https://wire.example.com/a/one",
                                               "https://wire.example.com/a/two"]
    assert {e.published for e in parsed.entries} == {datetime(2025, 9, 16, tzinfo=UTC)}
    assert {e.title for e in parsed.entries} == {""}


def test_entries_are_capped_to_the_newest() -> None:
    start = datetime(2025, 1, 1, tzinfo=UTC)
    urls = "".join(f"<url><loc>https://wire.example.com/a/{i}</loc><lastmod>"
                   f"{(start + timedelta(hours=i)).isoformat()}</lastmod></url>"
                   for i in range(500))
    entries = parse(f"<urlset {NS}>{urls}</urlset>").entries
    assert len(entries) == sitemap.MAX_ENTRIES == 200
    assert entries[0].url == "https://wire.example.com/a/499"
    assert entries[-1].url == "https://wire.example.com/a/300"


def test_urls_on_other_sites_are_skipped() -> None:
    parsed = parse(plain_sitemap("https://wire.example.com", ["/a/1"])
                   .replace("</urlset>", "<url><loc>https://elsewhere.example.org/x</loc>"
                                         "</url></urlset>"))
    assert [e.url for e in parsed.entries] == ["https://wire.example.com/a/1"]
    with pytest.raises(FeedError, match="all 1 URLs of the sitemap are on other sites"):
        parse(plain_sitemap("https://elsewhere.example.org", ["/x"]))


def test_an_empty_news_sitemap_is_a_quiet_day() -> None:
    assert parse(f"<urlset {NS} {NEWS_NS}></urlset>").entries == ()


def test_a_feed_served_as_a_sitemap_is_read_as_a_feed() -> None:
    rss = ('<rss version="2.0"><channel><title>Wire</title><item><title>Talks held</title>'
           "<link>https://wire.example.com/a/1</link></item></channel></rss>")
    [entry] = parse(rss).entries
    assert (entry.url, entry.title) == ("https://wire.example.com/a/1", "Talks held")


# -- indexes --------------------------------------------------------------------------

async def test_index_follows_the_newest_children_only(loopback: LoopbackServer,
                                                      fetcher: Fetcher) -> None:
    base = loopback.url("")
    months = {"/sm/2025-06.xml": "2025-06-30", "/sm/2025-07.xml": "2025-07-31",
              "/sm/2025-08.xml": "2025-08-31T23:00:00+00:00", "/sm/2025-09.xml": "2025-09-16",
              "/sm/undated.xml": None}
    for path, mod in months.items():
        loopback.add(path, plain_sitemap(base, [f"/a{path.removesuffix('.xml')}"],
                                         lastmod=mod), content_type=XML)
    children = [(base + p, m) for p, m in months.items()]
    children.append(("https://elsewhere.example.org/sitemap.xml", "2025-09-17"))
    url = loopback.add("/sitemap_index.xml", index(children), content_type=XML)
    result = await poll_once(fetcher, url)
    assert [e.url for e in result.entries] == [
        base + "/a/sm/2025-09", base + "/a/sm/2025-08", base + "/a/sm/2025-07"]
    assert [loopback.hits(p) for p in months] == [0, 1, 1, 1, 0]


def test_children_without_lastmod_keep_their_order_after_dated_ones() -> None:
    parsed = parse(index([("https://wire.example.com/b.xml", None),
                          ("https://wire.example.com/a.xml", None),
                          ("https://wire.example.com/c.xml", "2025-01-01")]))
    assert [c.url for c in parsed.children] == ["https://wire.example.com/c.xml",
                                                "https://wire.example.com/b.xml",
                                                "https://wire.example.com/a.xml"]


async def test_gzip_children_and_a_failing_child(loopback: LoopbackServer,
                                                 fetcher: Fetcher) -> None:
    base = loopback.url("")
    news = news_sitemap(base, [("/a/1", "One", "2025-09-16")])
    loopback.add("/news.xml.gz", gzip.compress(news.encode()),
                 content_type="application/x-gzip")
    loopback.add("/encoded.xml", gzip.compress(plain_sitemap(base, ["/a/2"]).encode()),
                 content_type=XML, headers={"Content-Encoding": "gzip"})
    url = loopback.add("/index.xml", index([(base + "/news.xml.gz", "2025-09-16"),
                                            (base + "/encoded.xml", "2025-09-15"),
                                            (base + "/gone.xml", "2025-09-14")]),
                       content_type=XML)
    result = await poll_once(fetcher, url)
    assert [e.url for e in result.entries] == [base + "/a/1", base + "/a/2"]


async def test_an_index_whose_children_all_fail_raises(loopback: LoopbackServer,
                                                       fetcher: Fetcher) -> None:
    base = loopback.url("")
    url = loopback.add("/index.xml", index([(base + "/gone.xml", "2025-09-14")]),
                       content_type=XML)
    with pytest.raises(FetchError, match="HTTP 404"):
        await poll_once(fetcher, url)


async def test_a_nested_index_is_not_followed(loopback: LoopbackServer,
                                              fetcher: Fetcher) -> None:
    base = loopback.url("")
    loopback.add("/inner.xml", index([(base + "/deep.xml", None)]), content_type=XML)
    loopback.add("/ok.xml", plain_sitemap(base, ["/a/1"]), content_type=XML)
    url = loopback.add("/outer.xml", index([(base + "/inner.xml", "2025-09-16"),
                                            (base + "/ok.xml", "2025-09-15")]),
                       content_type=XML)
    assert [e.url for e in (await poll_once(fetcher, url)).entries] == [base + "/a/1"]
    assert loopback.hits("/deep.xml") == 0


# -- indexes across polls: unchanged children cost a 304 or nothing ---------------------

def child_requests(loopback: LoopbackServer, path: str) -> list[dict[str, str]]:
    return [r.headers for r in loopback.requests if r.path == path]


async def test_index_children_are_fetched_conditionally(loopback: LoopbackServer,
                                                        fetcher: Fetcher) -> None:
    base = loopback.url("")
    loopback.add("/news.xml", plain_sitemap(base, ["/a/1"]), content_type=XML, etag='"n1"')
    loopback.add("/video.xml", plain_sitemap(base, ["/v/1"]), content_type=XML,
                 last_modified="Tue, 16 Sep 2025 08:00:00 GMT")
    url = loopback.add("/index.xml", index([(base + "/news.xml", None),
                                            (base + "/video.xml", None)]), content_type=XML)
    first = await poll_once(fetcher, url)
    assert [e.url for e in first.entries] == [base + "/a/1", base + "/v/1"]
    assert first.state.children == (
        ChildState(base + "/news.xml", etag='"n1"'),
        ChildState(base + "/video.xml", last_modified="Tue, 16 Sep 2025 08:00:00 GMT"))

    # The index is served again (no validators of its own); only /news.xml changed.
    loopback.add("/news.xml", plain_sitemap(base, ["/a/2", "/a/1"]), content_type=XML,
                 etag='"n2"')
    second = await poll_once(fetcher, url, first.state)
    assert [e.url for e in second.entries] == [base + "/a/2", base + "/a/1"]
    assert second.state.children == (
        ChildState(base + "/news.xml", etag='"n2"'),
        ChildState(base + "/video.xml", last_modified="Tue, 16 Sep 2025 08:00:00 GMT"))
    assert child_requests(loopback, "/news.xml")[-1]["if-none-match"] == '"n1"'
    assert child_requests(loopback, "/video.xml")[-1]["if-modified-since"] == \
        "Tue, 16 Sep 2025 08:00:00 GMT"

    third = await poll_once(fetcher, url, second.state)  # nothing changed: two 304s
    assert (third.entries, third.not_modified) == ((), False)
    assert third.state == second.state
    assert (loopback.hits("/news.xml"), loopback.hits("/video.xml")) == (3, 3)


async def test_children_without_validators_are_skipped_on_an_unchanged_lastmod(
        loopback: LoopbackServer, fetcher: Fetcher) -> None:
    base = loopback.url("")
    loopback.add("/daily.xml", plain_sitemap(base, ["/a/1"]), content_type=XML)
    monthly = loopback.add("/monthly.xml", plain_sitemap(base, ["/m/1"]), content_type=XML)
    url = loopback.add("/index.xml", index([(base + "/daily.xml", "2025-09-16T08:00:00Z"),
                                            (monthly, None)]), content_type=XML)
    state = (await poll_once(fetcher, url)).state
    assert [(c.url, c.lastmod) for c in state.children] == [
        (base + "/daily.xml", datetime(2025, 9, 16, 8, tzinfo=UTC)), (monthly, None)]

    for skipped in range(1, sitemap.MAX_LASTMOD_SKIPS + 1):
        result = await poll_once(fetcher, url, state)
        state = result.state
        assert [c.skips for c in state.children] == [skipped, 0]
        assert [e.url for e in result.entries] == [base + "/m/1"]  # no <lastmod>: read
    assert (loopback.hits("/daily.xml"), loopback.hits("/monthly.xml")) == (1, 6)

    # Read again after MAX_LASTMOD_SKIPS polls, in case the site never updates <lastmod>.
    loopback.add("/daily.xml", plain_sitemap(base, ["/a/2"]), content_type=XML)
    result = await poll_once(fetcher, url, state)
    assert [e.url for e in result.entries] == [base + "/a/2", base + "/m/1"]
    assert [c.skips for c in result.state.children] == [0, 0]

    # A new <lastmod> is read at once.
    loopback.add("/daily.xml", plain_sitemap(base, ["/a/3"]), content_type=XML)
    loopback.add("/index.xml", index([(base + "/daily.xml", "2025-09-16T09:00:00Z"),
                                      (monthly, None)]), content_type=XML)
    result = await poll_once(fetcher, url, result.state)
    assert [e.url for e in result.entries] == [base + "/a/3", base + "/m/1"]
    assert result.state.children[0].lastmod == datetime(2025, 9, 16, 9, tzinfo=UTC)


async def test_a_failed_child_is_retried_on_the_next_poll(loopback: LoopbackServer,
                                                          fetcher: Fetcher) -> None:
    base = loopback.url("")
    loopback.add("/ok.xml", plain_sitemap(base, ["/a/1"]), content_type=XML, etag='"ok"')
    loopback.add("/flaky.xml", "busy", status=503, content_type="text/plain")
    url = loopback.add("/index.xml", index([(base + "/ok.xml", None),
                                            (base + "/flaky.xml", None)]),
                       content_type=XML, etag='"i1"')
    first = await poll_once(fetcher, url)
    assert [e.url for e in first.entries] == [base + "/a/1"]
    # Without the index's ETag the next poll reads the index, so the child is retried.
    assert (first.state.etag, first.state.children) == (None, (ChildState(base + "/ok.xml",
                                                                          etag='"ok"'),))

    loopback.add("/flaky.xml", plain_sitemap(base, ["/f/1"]), content_type=XML)
    second = await poll_once(fetcher, url, first.state)
    assert [e.url for e in second.entries] == [base + "/f/1"]  # /ok.xml answered 304
    assert second.state.etag == '"i1"'
    assert [c.url for c in second.state.children] == [base + "/ok.xml", base + "/flaky.xml"]
    third = await poll_once(fetcher, url, second.state)
    assert third.not_modified
    assert (loopback.hits("/index.xml"), loopback.hits("/ok.xml")) == (3, 2)


async def test_child_state_is_bounded_to_the_children_followed(loopback: LoopbackServer,
                                                               fetcher: Fetcher) -> None:
    base = loopback.url("")
    for month in range(1, 6):
        loopback.add(f"/sm/{month}.xml", plain_sitemap(base, [f"/a/{month}"]),
                     content_type=XML, etag=f'"m{month}"')
    children: list[tuple[str, str | None]] = [(f"{base}/sm/{m}.xml", f"2025-0{m}-28")
                                              for m in range(1, 6)]
    forgotten = tuple(ChildState(f"{base}/sm/old-{i}.xml", etag='"x"') for i in range(50))
    result = await poll_once(fetcher, loopback.add("/index.xml", index(children),
                                                   content_type=XML),
                             SourceState(children=forgotten))
    assert [c.url for c in result.state.children] == [f"{base}/sm/{m}.xml" for m in (5, 4, 3)]
    assert len(result.state.children) == sitemap.MAX_CHILDREN


# -- hostile or broken documents --------------------------------------------------------

async def test_entities_are_not_expanded_and_nothing_is_fetched(
        loopback: LoopbackServer, fetcher: Fetcher) -> None:
    dtd = loopback.add("/evil.dtd", '<!ENTITY remote "FROM-THE-NETWORK">',
                       content_type="application/xml-dtd")
    body = f"""<?xml version="1.0"?>
<!DOCTYPE urlset SYSTEM "{dtd}" [
  <!ENTITY local SYSTEM "file:///etc/hostname">
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
]>
<urlset {NS}><url><loc>{loopback.url("/a/1")}</loc>
<news:news {NEWS_NS}><news:title>T&local;&lol2;&remote;</news:title></news:news></url></urlset>"""
    url = loopback.add("/sitemap.xml", body, content_type=XML)
    [entry] = (await poll_once(fetcher, url)).entries
    assert entry.title == "T"
    assert loopback.hits("/evil.dtd") == 0


@pytest.mark.parametrize(("body", "reason"), [
    (b"", "not a sitemap: the response body is empty"),
    (b"<!DOCTYPE html><html><body>Sitemap</body></html>",
     "not a sitemap: the server sent an HTML page"),
    (b"<urlset><url><loc>https://wire.example.com/a</loc>", "not a readable sitemap"),
    (b"<feedback/>", "not a sitemap: the document's root is <feedback>"),
    (gzip.compress(b"x")[:-6], "not a readable gzip file"),
    (f"<sitemapindex {NS}></sitemapindex>".encode(),
     "the sitemap index lists no sitemaps on its own site"),
], ids=["empty", "html", "broken-xml", "other-root", "truncated-gzip", "empty-index"])
def test_not_a_sitemap(body: bytes, reason: str) -> None:
    with pytest.raises(FeedError) as caught:
        parse(body)
    assert reason in caught.value.reason


def test_a_compression_bomb_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sitemap, "MAX_INFLATED", 64 * 1024)
    bomb = gzip.compress(b"<urlset>" + b" " * (1 << 20) + b"</urlset>")
    assert len(bomb) < 4096
    with pytest.raises(FeedError, match="inflates to more than 64 KiB"):
        parse(bomb)
