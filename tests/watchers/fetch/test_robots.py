"""robots.txt: RFC 9309 answers, per-origin caching, and the Fetcher refusing what it forbids."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from dataclasses import replace

import pytest

from tests.loopback import LoopbackServer
from tests.watchers.conftest import FAST
from watchers.errors import FetchError
from watchers.fetch.http import Fetcher
from watchers.fetch.robots import (
    DISALLOWED,
    MAX_CRAWL_DELAY_S,
    RobotsCache,
    RobotsFile,
    parse_robots,
    robots_url,
)
from watchers.models import Source, SourceState
from watchers.sources import html

SITE = "https://mod.example"


class FakeRobots:
    """Stands in for the Fetcher's download: one canned answer, every request recorded."""

    def __init__(self, answer: RobotsFile) -> None:
        self.answer = answer
        self.asked: list[str] = []

    async def __call__(self, url: str) -> RobotsFile:
        self.asked.append(url)
        await asyncio.sleep(0)  # let concurrent callers pile up, as a real download would
        return self.answer


def robots(text: str) -> FakeRobots:
    return FakeRobots(RobotsFile(200, text.encode()))


async def allowed(cache: RobotsCache, url: str) -> bool:
    try:
        await cache.check(url)
    except FetchError as exc:
        assert exc.reason == DISALLOWED
        return False
    return True


@pytest.mark.parametrize(("text", "path", "expected"), [
    ("User-agent: *\nDisallow: /private/", "/private/memo", False),
    ("User-agent: *\nDisallow: /private/", "/press/1234", True),
    ("User-agent: *\nDisallow:", "/anything", True),  # an empty Disallow allows all
    ("User-agent: *\nDisallow: /", "/press/1234", False),
    # our own group wins over "*", whatever order they are written in
    ("User-agent: *\nDisallow: /\n\nUser-agent: defwatch\nAllow: /", "/press/1", True),
    ("User-agent: defwatch\nDisallow: /press/\n\nUser-agent: *\nAllow: /", "/press/1", False),
    ("User-agent: DefWatch\nDisallow: /press/", "/press/1", False),  # case-insensitive
    ("User-agent: otherbot\nDisallow: /", "/press/1", True),
    # the longest matching rule wins (RFC 9309), not the first one written
    ("User-agent: *\nAllow: /\nDisallow: /private/", "/private/memo", False),
    ("User-agent: *\nDisallow: /\nAllow: /en/", "/en/press/1", True),
    ("User-agent: *\nDisallow: /en/\nAllow: /en/press/", "/en/press/1", True),
    ("\ufeffUser-agent: *\r\nDisallow: /private/\r\n", "/private/memo", False),  # BOM, CRLF
    ("# only comments\n\n", "/press/1", True),
    ("<html><body>Not found</body></html>", "/press/1", True),  # a soft-404 page
])
async def test_rules_for_our_user_agent(text: str, path: str, expected: bool) -> None:
    assert await allowed(RobotsCache(robots(text)), SITE + path) is expected


# RFC 9309 §2.2.2 and §5.2's examples, plus Google's documented wildcard cases.
@pytest.mark.parametrize(("rules", "path", "expected"), [
    ("Disallow: /*.pdf$", "/docs/report.pdf", False),
    ("Disallow: /*.pdf$", "/docs/report.pdf?download=1", True),  # `$` ends the URL
    ("Disallow: /*.pdf$", "/docs/report.PDF", True),  # paths are case-sensitive
    ("Disallow: /*.pdf", "/docs/report.pdf.html", False),  # no `$`: a prefix match
    ("Disallow: /*?", "/press/1?page=2", False),
    ("Disallow: /*?", "/press/1", True),
    ("Disallow: /press/*/print", "/press/2025/09/print", False),
    ("Disallow: /press/*/print", "/press/print", True),
    ("Disallow: /fish*", "/fishheads/yummy.html", False),
    ("Disallow: /fish*", "/Fish.asp", True),
    ("Disallow: *?sessionid=", "/a/b?sessionid=9", False),  # a pattern may start with `*`
    ("Disallow: /a**b", "/a/x/b", False),
    ("Disallow: /$", "/", False),
    ("Disallow: /$", "/index.html", True),
    ("Disallow: /a$b", "/a$b/c", False),  # a `$` not at the end is a plain character
    # longest match wins, whatever the wildcards; Allow wins a tie
    ("Allow: /$\nDisallow: /", "/", True),
    ("Allow: /$\nDisallow: /", "/press/1", False),
    ("Disallow: /*.php\nAllow: /search.php", "/search.php?q=x", True),
    ("Allow: /page\nDisallow: /*.html", "/page.html", False),  # 7 octets beat 5
    ("Allow: /p\nDisallow: /", "/page", True),
    ("Allow: /folder\nDisallow: /folder", "/folder/page", True),  # equal length: allow
    ("Allow: /*.html\nDisallow: /*.htm", "/page.html", True),
    # one spelling for one path: %-escapes and non-ASCII
    ("Disallow: /%7Ejoe/", "/~joe/index.html", False),
    ("Disallow: /~joe/", "/%7ejoe/index.html", False),
    ("Disallow: /foo/bar/ツ", "/foo/bar/%E3%83%84", False),
    ("Disallow: /foo/bar/%E3%83%84", "/foo/bar/ツ", False),
    ("Disallow: /a%2fb", "/a/b", True),  # an escaped slash is not a slash
    ("Disallow: /a%2Fb", "/a%2fb", False),
    ("Disallow: /robots.txt", "/robots.txt", True),  # always allowed
])
async def test_wildcards_and_specificity(rules: str, path: str, expected: bool) -> None:
    text = "User-agent: *\n" + rules
    assert await allowed(RobotsCache(robots(text)), SITE + path) is expected


@pytest.mark.parametrize(("text", "expected"), [
    # groups naming us are merged; "*" is then ignored
    ("User-agent: defwatch\nDisallow: /a/\n\nUser-agent: *\nDisallow: /b/\n\n"
     "User-agent: DefWatch/2.0\nDisallow: /c/", {"/a/1": False, "/b/1": True, "/c/1": False}),
    # consecutive user-agent lines share the rules that follow
    ("User-agent: otherbot\nUser-agent: defwatch\nDisallow: /a/\nUser-agent: *\nAllow: /",
     {"/a/1": False, "/b/1": True}),
    # a rule before any user-agent line belongs to no group; Sitemap: ends no group
    ("Disallow: /\nUser-agent: *\nSitemap: https://mod.example/s.xml\nDisallow: /b/",
     {"/a/1": True, "/b/1": False}),
    # comments, odd spacing and case in keys
    ("USER-AGENT : * # all\n  disallow :  /b/  # not b", {"/a/1": True, "/b/1": False}),
    # a token that only starts like ours is not ours
    ("User-agent: defwatcher\nDisallow: /", {"/a/1": True}),
])
async def test_groups(text: str, expected: dict[str, bool]) -> None:
    cache = RobotsCache(robots(text))
    assert {p: await allowed(cache, SITE + p) for p in expected} == expected


def test_a_hostile_pattern_is_matched_in_reasonable_time() -> None:
    # As a regex, `.*a` twenty-five times over a 2,000-character path backtracks for ages.
    rules = parse_robots("User-agent: *\nDisallow: /" + "*a" * 25 + "b")
    assert rules.allows(SITE + "/" + "a" * 2000) is True
    assert rules.allows(SITE + "/" + "a" * 30 + "b") is False


@pytest.mark.parametrize(("text", "delay"), [
    ("User-agent: *\nCrawl-delay: 5", 5.0),
    ("User-agent: *\nCrawl-delay: 0.5\nDisallow: /x", 0.5),
    ("User-agent: defwatch\nCrawl-delay: 2\n\nUser-agent: *\nCrawl-delay: 30", 2.0),
    ("User-agent: otherbot\nCrawl-delay: 30", None),
    ("User-agent: *\nCrawl-delay: soon", None),
    ("User-agent: *\nCrawl-delay: -3", None),
    ("User-agent: *\nCrawl-delay: nan", None),
    ("User-agent: *\nCrawl-delay: 3\nUser-agent: *\nCrawl-delay: 7", 7.0),  # merged
])
def test_crawl_delay_is_read_from_our_group(text: str, delay: float | None) -> None:
    assert parse_robots(text).crawl_delay == delay


async def test_crawl_delay_is_capped_and_logged(caplog: pytest.LogCaptureFixture) -> None:
    cache = RobotsCache(robots("User-agent: *\nCrawl-delay: 3600\nDisallow: /private/"))
    with caplog.at_level(logging.INFO, logger="watchers.fetch.robots"):
        assert await cache.check(SITE + "/press/1") == MAX_CRAWL_DELAY_S == 60.0
        assert await cache.check(SITE + "/press/2") == 60.0
    [record] = [r.getMessage() for r in caplog.records if "crawl-delay" in r.getMessage()]
    assert record == ("robots.txt crawl-delay robots=https://mod.example/robots.txt "
                      "delay=60s (asked 3600s, capped at 60s)")
    assert await RobotsCache(robots("User-agent: *\nCrawl-delay: 4")).check(SITE + "/a") == 4
    assert await RobotsCache(robots("User-agent: *\nDisallow:")).check(SITE + "/a") == 0.0
    assert await RobotsCache(FakeRobots(RobotsFile(404))).check(SITE + "/a") == 0.0


@pytest.mark.parametrize("status", [400, 401, 403, 404, 410])
async def test_a_missing_robots_txt_allows_everything(status: int) -> None:
    assert await allowed(RobotsCache(FakeRobots(RobotsFile(status))), SITE + "/x")


@pytest.mark.parametrize(("answer", "reason", "status"), [
    (RobotsFile(503, retry_after=120.0), "robots.txt unavailable (HTTP 503)", 503),
    (RobotsFile(500), "robots.txt unavailable (HTTP 500)", 500),
    (RobotsFile(429), "robots.txt unavailable (HTTP 429)", 429),
    (RobotsFile(None, error="timed out after 5s"),
     "timed out after 5s (asking for robots.txt)", None),
    (RobotsFile(None, error="DNS lookup failed for host news.invalid"),
     "DNS lookup failed for host news.invalid (asking for robots.txt)", None),
])
async def test_an_unreachable_robots_txt_refuses_the_origin(answer: RobotsFile, reason: str,
                                                            status: int | None) -> None:
    with pytest.raises(FetchError) as caught:
        await RobotsCache(FakeRobots(answer)).check(SITE + "/press/1")
    assert (caught.value.reason, caught.value.status) == (reason, status)
    assert caught.value.url == SITE + "/press/1"
    assert caught.value.retry_after == answer.retry_after


async def test_one_download_per_origin_even_when_asked_at_once() -> None:
    fake = robots("User-agent: *\nDisallow: /private/")
    cache = RobotsCache(fake)
    urls = [f"{SITE}/press/{i}" for i in range(10)] + ["https://MOD.example:443/a"]
    await asyncio.gather(*(cache.check(u) for u in urls))
    await cache.check("http://mod.example/press/1")  # another scheme: another origin
    await cache.check("https://mod.example:8443/press/1")  # another port: another origin
    assert fake.asked == ["https://mod.example/robots.txt", "http://mod.example/robots.txt",
                          "https://mod.example:8443/robots.txt"]


async def test_verdicts_expire() -> None:
    now = [0.0]
    fake = robots("User-agent: *\nDisallow: /private/")
    cache = RobotsCache(fake, ttl_s=100.0, failure_ttl_s=10.0, clock=lambda: now[0])
    await cache.check(SITE + "/a")
    now[0] = 99.0
    await cache.check(SITE + "/b")
    assert len(fake.asked) == 1
    now[0] = 101.0
    await cache.check(SITE + "/c")
    assert len(fake.asked) == 2

    fake.answer = RobotsFile(503)  # a failure is remembered only briefly
    now[0] = 300.0
    with pytest.raises(FetchError):
        await cache.check(SITE + "/d")
    fake.answer = RobotsFile(404)
    now[0] = 305.0
    with pytest.raises(FetchError):
        await cache.check(SITE + "/e")
    now[0] = 311.0
    await cache.check(SITE + "/f")
    assert len(fake.asked) == 4


@pytest.mark.parametrize(("url", "expected"), [
    ("https://Mod.gov.in/en/press?x=1#top", "https://mod.gov.in/robots.txt"),
    ("http://127.0.0.1:8080/feed.xml", "http://127.0.0.1:8080/robots.txt"),
    ("mailto:press@mod.example", None),
    ("/relative/path", None),
])
def test_robots_url(url: str, expected: str | None) -> None:
    assert robots_url(url) == expected


# -- through the Fetcher, on a real loopback server --------------------------------------

@pytest.fixture
async def polite() -> AsyncIterator[Fetcher]:
    async with Fetcher(replace(FAST, respect_robots=True)) as fetcher:
        yield fetcher


async def test_fetcher_refuses_disallowed_urls_without_requesting_them(
        loopback: LoopbackServer, polite: Fetcher) -> None:
    loopback.add("/robots.txt", "User-agent: defwatch\nDisallow: /private/\n",
                 content_type="text/plain")
    open_url = loopback.add("/press/1", "<p>open</p>")
    closed_url = loopback.add("/private/memo", "<p>secret</p>")
    assert (await polite.get(open_url)).body == b"<p>open</p>"
    with pytest.raises(FetchError) as caught:
        await polite.get(closed_url)
    assert caught.value.reason == "disallowed by robots.txt"
    assert loopback.hits("/private/memo") == 0
    await polite.get(open_url)
    assert loopback.hits("/robots.txt") == 1  # cached for the origin
    robots_request = next(r for r in loopback.requests if r.path == "/robots.txt")
    assert robots_request.headers["user-agent"] == FAST.user_agent


async def test_fetcher_without_robots_txt_fetches(loopback: LoopbackServer,
                                                  polite: Fetcher) -> None:
    url = loopback.add("/press/1", "<p>open</p>")  # /robots.txt answers 404
    assert (await polite.get(url)).status == 200
    assert [r.path for r in loopback.requests] == ["/robots.txt", "/press/1"]


async def test_fetcher_robots_503_fails_the_poll_clearly(loopback: LoopbackServer,
                                                         polite: Fetcher) -> None:
    loopback.add("/robots.txt", "busy", status=503, headers={"Retry-After": "60"})
    url = loopback.add("/press/", "<a href='/press/1'>x</a>")
    source = Source(id="mod", kind="html", url=url)
    with pytest.raises(FetchError) as caught:
        await html.poll(polite, source, SourceState())
    assert caught.value.reason == "robots.txt unavailable (HTTP 503)"
    assert caught.value.retry_after == 60.0
    assert loopback.hits("/press/") == 0


async def test_fetcher_robots_follow_redirects_and_can_be_turned_off(
        loopback: LoopbackServer) -> None:
    loopback.add("/robots.txt", "", status=301,
                 headers={"Location": loopback.url("/static/robots.txt")})
    loopback.add("/static/robots.txt", "User-agent: *\nDisallow: /", content_type="text/plain")
    url = loopback.add("/press/1", "<p>x</p>")
    async with Fetcher(replace(FAST, respect_robots=True)) as polite:
        with pytest.raises(FetchError, match=r"disallowed by robots\.txt"):
            await polite.get(url)
    async with Fetcher(replace(FAST, respect_robots=False)) as rude:
        assert (await rude.get(url)).status == 200
    assert loopback.hits("/robots.txt") == 1


async def test_fetcher_spaces_requests_by_crawl_delay(loopback: LoopbackServer) -> None:
    loopback.add("/robots.txt", "User-agent: *\nCrawl-delay: 0.4\n", content_type="text/plain")
    for path in ("/1", "/2", "/3"):
        loopback.add(path, "ok")
    # per_host_delay 0: only the host's Crawl-delay can space these requests
    async with Fetcher(replace(FAST, respect_robots=True, per_host_delay_s=0.0)) as polite:
        await asyncio.gather(*(polite.get(loopback.url(p)) for p in ("/1", "/2", "/3")))
    starts = sorted(r.at for r in loopback.requests if r.path != "/robots.txt")
    assert len(starts) == 3
    assert starts[1] - starts[0] >= 0.3
    assert starts[2] - starts[1] >= 0.3
