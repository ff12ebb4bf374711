"""The SSRF guard: sources and the links in their feeds may not reach loopback, private
or link-local addresses unless the configuration says `fetch.allow_private: true` —
checked before the first request and again on every redirect hop."""

from __future__ import annotations

import re
from collections.abc import Iterator
from ipaddress import ip_address
from pathlib import Path

import httpx
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
from watchers.fetch import netguard
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


@pytest.fixture
def fake_dns(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, str]]:
    """Names the guard resolves, without a DNS server."""
    table: dict[str, str] = {}

    async def resolve(host: str, port: int) -> list[str]:
        if host not in table:
            raise OSError(f"no such host {host}")
        return [table[host]]

    monkeypatch.setattr(netguard, "system_resolve", resolve)
    yield table


@pytest.mark.parametrize(("target", "address", "kind"), [
    ("http://intranet.example/admin", "10.0.0.5", "a private address"),
    ("http://metadata.example/latest/", "169.254.169.254", "a link-local address"),
    ("http://127.0.0.1:8787/metrics", None, "a loopback address"),
])
async def test_every_redirect_hop_is_checked(fake_dns: dict[str, str], target: str,
                                             address: str | None, kind: str) -> None:
    fake_dns.update({"news.example": "93.184.215.14", "intranet.example": "10.0.0.5",
                     "metadata.example": "169.254.169.254"})
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        return httpx.Response(302, headers={"Location": target})

    async with Fetcher(GUARDED, transport=httpx.MockTransport(handler)) as fetcher:
        with pytest.raises(FetchError) as caught:
            await fetcher.get("http://news.example/feed.xml")
    host = httpx.URL(target).host
    shown = f"{host} resolves to {address}," if address else f"{host} is"
    assert caught.value.reason == f"refused: {shown} {kind} (fetch.allow_private)"
    assert seen == ["http://news.example/robots.txt", "http://news.example/feed.xml"]


async def test_a_public_chain_is_followed(fake_dns: dict[str, str]) -> None:
    fake_dns.update({"news.example": "93.184.215.14", "www.news.example": "93.184.215.15"})

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        if request.url.host == "news.example":
            return httpx.Response(301, headers={"Location": "http://www.news.example/feed"})
        return httpx.Response(200, text="<rss version='2.0'/>")

    async with Fetcher(GUARDED, transport=httpx.MockTransport(handler)) as fetcher:
        response = await fetcher.get("http://news.example/feed")
    assert response.url == "http://www.news.example/feed"


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
