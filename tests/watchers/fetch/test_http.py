"""Fetcher: conditional GET, redirects, limits and errors a person can read.

Each test here looks at single exchanges, so robots.txt checks are off (RAW); how the
Fetcher consults robots.txt is tested in test_robots.py.
"""

from __future__ import annotations

import asyncio
import gzip
import socket
from collections.abc import AsyncIterator, Callable
from dataclasses import replace
from datetime import UTC, datetime

import httpx
import pytest

from tests.loopback import LoopbackServer
from tests.watchers.conftest import FAST
from watchers.errors import FetchError
from watchers.fetch.http import Fetcher, accept_encoding, format_size, parse_retry_after

LAST_MODIFIED = "Tue, 22 Dec 2020 15:00:00 GMT"
RAW = replace(FAST, respect_robots=False)


@pytest.fixture
async def fetcher() -> AsyncIterator[Fetcher]:
    async with Fetcher(RAW) as f:
        yield f


async def test_get_returns_body_type_charset_and_validators(loopback: LoopbackServer,
                                                            fetcher: Fetcher) -> None:
    url = loopback.add("/page", "<p>Verteidigungsminister trafen sich</p>",
                       content_type="Text/HTML; Charset=ISO-8859-1", etag='"a1"',
                       last_modified=LAST_MODIFIED)
    r = await fetcher.get(url)
    assert (r.status, r.url, r.content_type, r.charset) == (200, url, "text/html", "iso-8859-1")
    assert r.body == b"<p>Verteidigungsminister trafen sich</p>"
    assert (r.etag, r.last_modified, r.not_modified) == ('"a1"', LAST_MODIFIED, False)


async def test_sends_user_agent_and_accepts_compression(loopback: LoopbackServer,
                                                        fetcher: Fetcher) -> None:
    await fetcher.get(loopback.add("/ua", "x"))
    [seen] = loopback.requests
    assert seen.headers["user-agent"] == FAST.user_agent
    assert seen.headers["accept-encoding"] == accept_encoding()
    assert "gzip" in seen.headers["accept-encoding"]
    assert "if-none-match" not in seen.headers


@pytest.mark.parametrize(("validators", "header"), [
    ({"etag": '"v7"'}, "if-none-match"),
    ({"last_modified": LAST_MODIFIED}, "if-modified-since"),
])
async def test_conditional_get_answers_304_without_body(
        loopback: LoopbackServer, fetcher: Fetcher, validators: dict[str, str],
        header: str) -> None:
    url = loopback.add("/feed", "<rss/>", etag='"v7"', last_modified=LAST_MODIFIED)
    r = await fetcher.get(url, **validators)
    assert (r.status, r.body, r.not_modified) == (304, b"", True)
    assert (r.etag, r.last_modified) == ('"v7"', LAST_MODIFIED)
    assert loopback.requests[-1].headers[header] == next(iter(validators.values()))


async def test_follows_redirects_across_hosts(loopback: LoopbackServer,
                                              fetcher: Fetcher) -> None:
    # defense.gov -> war.gov, played by 127.0.0.1 -> localhost
    final = loopback.url("/new/feed.xml", host="localhost")
    loopback.add("/new/feed.xml", "<rss/>", content_type="application/rss+xml")
    loopback.add("/old", "", status=301, headers={"Location": loopback.url("/hop")})
    loopback.add("/hop", "", status=302, headers={"Location": final})
    r = await fetcher.get(loopback.url("/old"))
    assert (r.status, r.url, r.body) == (200, final, b"<rss/>")


async def test_redirect_loops_stop(loopback: LoopbackServer, fetcher: Fetcher) -> None:
    loopback.add("/loop", "", status=302, headers={"Location": loopback.url("/loop")})
    with pytest.raises(FetchError, match=r"too many redirects \(more than 10\)"):
        await fetcher.get(loopback.url("/loop"))
    assert loopback.hits("/loop") == 11


async def test_decodes_gzip(loopback: LoopbackServer, fetcher: Fetcher) -> None:
    body = b"<rss>" + b"<item/>" * 500 + b"</rss>"
    url = loopback.add("/gz", gzip.compress(body), content_type="application/xml",
                       headers={"Content-Encoding": "gzip"})
    assert (await fetcher.get(url)).body == body


async def test_decodes_brotli_when_the_package_is_installed(loopback: LoopbackServer,
                                                            fetcher: Fetcher) -> None:
    brotli = pytest.importorskip("brotli")
    body = b"<rss>" + b"<item/>" * 500 + b"</rss>"
    url = loopback.add("/br", brotli.compress(body), content_type="application/xml",
                       headers={"Content-Encoding": "br"})
    assert (await fetcher.get(url)).body == body
    assert "br" in loopback.requests[-1].headers["accept-encoding"].split(", ")


@pytest.mark.parametrize(("status", "reason"), [(404, "HTTP 404"), (500, "HTTP 500"),
                                                (403, "HTTP 403"), (410, "HTTP 410")])
async def test_error_statuses_raise(loopback: LoopbackServer, fetcher: Fetcher,
                                    status: int, reason: str) -> None:
    url = loopback.add("/e", "nope", status=status)
    with pytest.raises(FetchError) as caught:
        await fetcher.get(url)
    assert (caught.value.reason, caught.value.status, caught.value.url) == (reason, status, url)
    assert caught.value.retry_after is None


async def test_error_after_redirect_names_the_final_url(loopback: LoopbackServer,
                                                        fetcher: Fetcher) -> None:
    loopback.add("/moved", "", status=301, headers={"Location": loopback.url("/gone")})
    with pytest.raises(FetchError, match=r"HTTP 404 \(after redirect to .*/gone\)"):
        await fetcher.get(loopback.url("/moved"))


@pytest.mark.parametrize(("header", "expected"), [("120", 120.0), (None, None)])
async def test_503_carries_retry_after(loopback: LoopbackServer, fetcher: Fetcher,
                                       header: str | None, expected: float | None) -> None:
    url = loopback.add("/busy", "later", status=503,
                       headers={"Retry-After": header} if header else None)
    with pytest.raises(FetchError) as caught:
        await fetcher.get(url)
    assert (caught.value.reason, caught.value.retry_after) == ("HTTP 503", expected)


async def test_429_retry_after_as_http_date(loopback: LoopbackServer, fetcher: Fetcher) -> None:
    url = loopback.add("/slow-down", "", status=429,
                       headers={"Retry-After": "Fri, 01 Jan 2100 00:00:00 GMT"})
    with pytest.raises(FetchError) as caught:
        await fetcher.get(url)
    assert caught.value.status == 429
    assert caught.value.retry_at == datetime(2100, 1, 1, tzinfo=UTC)
    # The caller's clock, not the wall clock, says how far away that is.
    assert caught.value.retry_wait(datetime(2099, 12, 31, 23, 0)) == 3600.0


@pytest.mark.parametrize("gzipped", [False, True], ids=["content-length", "gzip-bomb"])
async def test_bodies_past_max_bytes_are_refused(loopback: LoopbackServer,
                                                 gzipped: bool) -> None:
    # Plain: refused on the declared Content-Length. Gzipped: 5000 bytes compress to a
    # few dozen, so only counting the decoded stream catches them.
    body = b"x" * 5000
    headers = {"Content-Encoding": "gzip"} if gzipped else {}
    url = loopback.add("/big", gzip.compress(body) if gzipped else body, headers=headers)
    async with Fetcher(replace(RAW, max_bytes=4096)) as small:
        with pytest.raises(FetchError, match=r"^.*: larger than 4 KiB$") as caught:
            await small.get(url)
    assert caught.value.reason == "larger than 4 KiB"


async def test_connection_refused() -> None:
    with socket.socket() as s:  # a port that was free a moment ago and is closed now
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    async with Fetcher(RAW) as fetcher:
        with pytest.raises(FetchError) as caught:
            await fetcher.get(f"http://127.0.0.1:{port}/feed")
    assert caught.value.reason == "connection refused"
    assert caught.value.status is None


async def test_dns_failure_names_the_host() -> None:
    def resolve_nothing(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("[Errno -2] Name or service not known",
                                 request=request) from socket.gaierror(-2, "not known")

    async with Fetcher(RAW, transport=httpx.MockTransport(resolve_nothing)) as fetcher:
        with pytest.raises(FetchError) as caught:
            await fetcher.get("https://news.example.invalid/rss")
    assert caught.value.reason == "DNS lookup failed for host news.example.invalid"


async def test_whole_exchange_is_bounded_by_the_timeout() -> None:
    never = asyncio.Event()

    async def stall(request: httpx.Request) -> httpx.Response:
        await never.wait()
        return httpx.Response(200)

    async with Fetcher(replace(RAW, timeout_s=0.05),
                       transport=httpx.MockTransport(stall)) as fetcher:
        with pytest.raises(FetchError) as caught:
            await fetcher.get("https://slow.example/feed")
    assert caught.value.reason == "timed out after 0.05s"


async def test_not_an_http_url() -> None:
    async with Fetcher(RAW) as fetcher:
        with pytest.raises(FetchError, match="not a fetchable http"):
            await fetcher.get("ftp://example.com/feed")


async def test_per_host_concurrency_limit() -> None:
    in_flight = peak = 0
    release = asyncio.Event()

    async def hold(request: httpx.Request) -> httpx.Response:
        nonlocal in_flight, peak
        in_flight += 1
        peak = max(peak, in_flight)
        await release.wait()
        in_flight -= 1
        return httpx.Response(200, content=b"ok")

    limited = replace(RAW, per_host_concurrency=2)
    async with Fetcher(limited, transport=httpx.MockTransport(hold)) as fetcher:
        same_host = [asyncio.create_task(fetcher.get(f"https://a.example/{i}"))
                     for i in range(5)]
        other_host = asyncio.create_task(fetcher.get("https://b.example/0"))
        await _until(lambda: in_flight == 3)  # two for a.example, one for b.example
        for _ in range(10):  # give the queued requests every chance to (wrongly) start
            await asyncio.sleep(0)
        assert peak == 3
        release.set()
        results = await asyncio.gather(*same_host, other_host)
    assert [r.status for r in results] == [200] * 6


async def test_per_host_delay_spaces_requests_to_one_host(loopback: LoopbackServer) -> None:
    for path in ("/1", "/2", "/3"):
        loopback.add(path, "ok")
    async with Fetcher(replace(RAW, per_host_delay_s=0.4)) as fetcher:
        await asyncio.gather(fetcher.get(loopback.url("/1")), fetcher.get(loopback.url("/2")),
                             fetcher.get(loopback.url("/3", host="localhost")))
    arrivals = {r.path: r.at for r in loopback.requests}
    first, second = sorted((arrivals["/1"], arrivals["/2"]))
    assert second - first >= 0.3
    # another host is not held back by the first host's spacing
    assert arrivals["/3"] < second


@pytest.mark.parametrize(("value", "expected"), [
    ("0", 0.0), ("120", 120.0), (" 30 ", 30.0),
    ("Tue, 22 Dec 2020 15:02:00 GMT", 120.0),
    ("Tue, 22 Dec 2020 14:00:00 GMT", 0.0),  # already past: retry now
    ("soon", None), ("", None), (None, None), ("-5", None),
])
def test_parse_retry_after(value: str | None, expected: float | None) -> None:
    now = datetime(2020, 12, 22, 15, 0, tzinfo=UTC)
    assert parse_retry_after(value, now=now) == expected


@pytest.mark.parametrize(("size", "text"), [
    (15 * 1024 * 1024, "15 MiB"), (512 * 1024, "512 KiB"), (4096, "4 KiB"),
    (1536, "1.5 KiB"), (100, "100 bytes"), (2 << 30, "2 GiB"),
])
def test_format_size(size: int, text: str) -> None:
    assert format_size(size) == text


async def _until(condition: Callable[[], bool], timeout: float = 2.0) -> None:
    """Yield to the loop until condition() is true; fail after `timeout` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        assert loop.time() < deadline, "condition not reached in time"
        await asyncio.sleep(0.001)
