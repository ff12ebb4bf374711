"""The SSRF guard: sources and the links in their feeds may not reach loopback, private
or link-local addresses unless the configuration says `fetch.allow_private: true` —
checked before the first request and again on every redirect hop."""

from __future__ import annotations

import re
import socket
import ssl
from collections.abc import Iterable
from ipaddress import ip_address
from pathlib import Path
from typing import Any

import httpcore
import pytest

from bot.config.options import (
    BUNDLED_RULES,
    Config,
    EventsConfig,
    FetchConfig,
    SourceConfig,
    load_config,
)
from bot.service.app import App
from tests.loopback import LoopbackServer
from watchers.errors import FetchError
from watchers.fetch.http import Fetcher
from watchers.fetch.netguard import non_public
from watchers.models import FetchSettings

GUARDED = FetchSettings(per_host_delay_s=0.0, timeout_s=5.0)  # allow_private=False


@pytest.mark.parametrize(("address", "kind"), [
    ("10.0.0.1", "a private address"),
    ("172.16.5.4", "a private address"),
    ("192.168.1.1", "a private address"),
    ("127.0.0.1", "a loopback address"),
    ("127.8.9.10", "a loopback address"),
    ("::1", "a loopback address"),
    ("169.254.169.254", "a link-local address"),  # cloud metadata services live here
    ("fe80::1", "a link-local address"),
    ("::ffff:10.1.2.3", "a private address"),  # IPv4-mapped IPv6 reaches the IPv4 host
    ("0.0.0.0", "an unspecified address"),
    ("224.0.0.1", "a multicast address"),
    ("fc00::5", "a private address"),
    ("100.64.0.1", "a non-public address"),  # carrier-grade NAT
    ("93.184.215.14", None),
    ("2606:4700:4700::1111", None),
])
def test_address_kinds(address: str, kind: str | None) -> None:
    assert non_public(ip_address(address)) == kind


def test_config_default_refuses_and_the_key_allows() -> None:
    assert FetchConfig().allow_private is False
    assert FetchConfig().settings().allow_private is False
    assert FetchConfig(allow_private=True).settings().allow_private is True


def test_the_key_is_read_from_the_file(tmp_path: Path) -> None:
    path = tmp_path / "defwatch.yaml"
    path.write_text("fetch: {allow_private: true}\n", encoding="utf-8")
    assert load_config(str(path)).fetch.allow_private is True


async def test_a_private_literal_is_refused_without_a_connection() -> None:
    async with Fetcher(GUARDED) as fetcher:
        with pytest.raises(FetchError) as caught:
            await fetcher.get("http://10.0.0.1/feed.xml")
    assert caught.value.reason == "refused: 10.0.0.1 is a private address (fetch.allow_private)"


async def test_loopback_is_refused_before_any_request(loopback: LoopbackServer) -> None:
    url = loopback.add("/feed.xml", "<rss/>", content_type="application/rss+xml")
    async with Fetcher(GUARDED) as fetcher:
        with pytest.raises(FetchError) as caught:
            await fetcher.get(url)
    assert caught.value.reason == ("refused: 127.0.0.1 is a loopback address "
                                   "(fetch.allow_private)")
    assert loopback.requests == []  # not even robots.txt


async def test_a_name_is_resolved_before_connecting(loopback: LoopbackServer) -> None:
    url = loopback.add("/feed.xml", "<rss/>", content_type="application/rss+xml")
    async with Fetcher(GUARDED) as fetcher:
        with pytest.raises(FetchError) as caught:
            await fetcher.get(url.replace("127.0.0.1", "localhost"))
    assert re.fullmatch(r"refused: localhost resolves to (127\.0\.0\.1|::1), a loopback "
                        r"address \(fetch\.allow_private\)", caught.value.reason)
    assert loopback.requests == []


async def test_a_public_chain_is_followed(loopback: LoopbackServer) -> None:
    loopback.add("/feed", "", status=301,
                 headers={"Location": f"http://www.news.example:{loopback.port}/final"})
    loopback.add("/final", "<rss version='2.0'/>", content_type="application/rss+xml")
    net = Redirector(loopback, {"news.example": ["93.184.215.14"],
                                "www.news.example": ["93.184.215.15"]})
    async with guarded(net) as fetcher:
        response = await fetcher.get(f"http://news.example:{loopback.port}/feed")
    assert response.url == f"http://www.news.example:{loopback.port}/final"
    assert net.dialled == [("93.184.215.14", loopback.port), ("93.184.215.15", loopback.port)]


async def test_a_refused_source_is_recorded_and_others_poll(loopback: LoopbackServer,
                                                            tmp_path: Path) -> None:
    url = loopback.add("/feed.xml", "<rss version='2.0'><channel/></rss>",
                       content_type="application/rss+xml")
    config = Config(database=f"sqlite:///{tmp_path}/dw.db", rules=BUNDLED_RULES,
                    events=EventsConfig(max_age=None),  # the fixtures are old news
                    sources=[SourceConfig(id="inside", kind="rss", url=url)],
                    channels=["jsonl:alerts.jsonl"], path=tmp_path / "defwatch.yaml",
                    fetch=FetchConfig(per_host_delay=0))  # allow_private left False
    async with App(config) as app:
        report = await app.cycle(everything=True)
    [poll] = report.polls
    assert poll.status == "error"
    assert poll.error == "refused: 127.0.0.1 is a loopback address (fetch.allow_private)"
    assert loopback.requests == []


@pytest.mark.parametrize(("address", "kind"), [
    ("2002:a00:1::1", "a 6to4 address"),  # 6to4 for 10.0.0.1
    ("2002:5db8:d70e::1", "a 6to4 address"),  # 6to4 relays reach wherever they like
    ("fec0::1", "a site-local address"),
    ("feff::1", "a site-local address"),
    ("64:ff9b::a00:1", "a NAT64 address"),  # NAT64 for 10.0.0.1
    ("64:ff9b::7f00:1", "a NAT64 address"),
    ("64:ff9b:1::a00:1", "a NAT64 address"),  # local-use NAT64 (RFC 8215)
    ("::a00:1", "an IPv4-compatible address"),  # deprecated ::10.0.0.1
    ("::5db8:d70e", "an IPv4-compatible address"),
    ("2001:0:4136:e378:8000:63bf:f5ff:fffe", "a Teredo address"),
    ("::ffff:127.0.0.1", "a loopback address"),
    ("::ffff:93.184.215.14", None),  # IPv4-mapped public: the public IPv4 host
])
def test_ipv6_embeddings_are_refused(address: str, kind: str | None) -> None:
    assert non_public(ip_address(address)) == kind


class Redirector:
    """A fake resolver and a network beneath the guard: names resolve from `table`; a
    connection to a public address in `routes` reaches the loopback server instead, and
    every address actually dialled is recorded."""

    def __init__(self, loopback: LoopbackServer, table: dict[str, list[str]]) -> None:
        self.table = table
        self.lookups: list[str] = []
        self.dialled: list[tuple[str, int]] = []
        self.server_names: list[str | None] = []
        self._loopback = loopback

    async def resolve(self, host: str, port: int) -> list[str]:
        self.lookups.append(host)
        answers = self.table.get(host)
        if not answers:
            raise socket.gaierror(socket.EAI_NONAME, f"no such host {host}")
        # A rebinding server: the first answer is public, every later one private.
        return [answers.pop(0)] if len(answers) > 1 else answers

    def network(self) -> httpcore.AsyncNetworkBackend:
        outer = self

        class Network(httpcore.AnyIOBackend):
            async def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                                  local_address: str | None = None,
                                  socket_options: Iterable[Any] | None = None,
                                  ) -> httpcore.AsyncNetworkStream:
                outer.dialled.append((host, port))
                stream = await super().connect_tcp("127.0.0.1", outer._loopback.port, timeout)
                return Recording(stream, outer.server_names)

        return Network()


class Recording(httpcore.AsyncNetworkStream):
    def __init__(self, inner: httpcore.AsyncNetworkStream, names: list[str | None]) -> None:
        self._inner, self._names = inner, names

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self._inner.read(max_bytes, timeout)

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._inner.write(buffer, timeout)

    async def aclose(self) -> None:
        await self._inner.aclose()

    async def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                        timeout: float | None = None) -> httpcore.AsyncNetworkStream:
        self._names.append(server_hostname)
        await self._inner.aclose()
        raise httpcore.ConnectError("no TLS on the loopback server")


def guarded(net: Redirector) -> Fetcher:
    return Fetcher(FetchSettings(per_host_delay_s=0.0, timeout_s=5.0, respect_robots=False),
                   resolve=net.resolve, network=net.network())


async def test_the_connection_goes_to_the_address_that_was_checked(
        loopback: LoopbackServer) -> None:
    loopback.add("/feed.xml", "<rss/>", content_type="application/rss+xml")
    net = Redirector(loopback, {"news.example": ["93.184.215.14", "10.0.0.7"]})
    async with guarded(net) as fetcher:
        response = await fetcher.get(f"http://news.example:{loopback.port}/feed.xml")
    assert response.status == 200
    assert net.lookups == ["news.example"]  # resolved once
    assert net.dialled == [("93.184.215.14", loopback.port)]  # the checked address
    [request] = loopback.requests
    assert request.headers["host"] == f"news.example:{loopback.port}"  # Host kept


async def test_tls_is_started_for_the_name_not_the_address(loopback: LoopbackServer) -> None:
    net = Redirector(loopback, {"secure.example": ["93.184.215.14"]})
    async with guarded(net) as fetcher:
        with pytest.raises(FetchError):
            await fetcher.get(f"https://secure.example:{loopback.port}/feed.xml")
    assert net.dialled == [("93.184.215.14", loopback.port)]
    assert net.server_names == ["secure.example"]  # SNI (and certificate check) by name


async def test_a_failed_lookup_fails_closed(loopback: LoopbackServer) -> None:
    net = Redirector(loopback, {})
    async with guarded(net) as fetcher:
        with pytest.raises(FetchError) as caught:
            await fetcher.get(f"http://nowhere.example:{loopback.port}/feed.xml")
    assert caught.value.reason == "DNS lookup failed for host nowhere.example"
    assert net.dialled == [] and loopback.requests == []


@pytest.mark.parametrize(("target", "shown"), [
    ("http://intranet.example:{port}/admin", "intranet.example resolves to 10.0.0.5, a "
                                             "private address"),
    ("http://[2002:a00:1::1]:{port}/", "2002:a00:1::1 is a 6to4 address"),
    ("http://127.0.0.1:{port}/metrics", "127.0.0.1 is a loopback address"),
])
async def test_a_redirect_to_a_private_address_is_refused_before_connecting(
        loopback: LoopbackServer, target: str, shown: str) -> None:
    loopback.add("/feed.xml", "", status=302,
                 headers={"Location": target.format(port=loopback.port)})
    net = Redirector(loopback, {"news.example": ["93.184.215.14"],
                                "intranet.example": ["10.0.0.5"]})
    async with guarded(net) as fetcher:
        with pytest.raises(FetchError) as caught:
            await fetcher.get(f"http://news.example:{loopback.port}/feed.xml")
    assert caught.value.reason == f"refused: {shown} (fetch.allow_private)"
    assert net.dialled == [("93.184.215.14", loopback.port)]
    assert [r.path for r in loopback.requests] == ["/feed.xml"]
