"""Polite HTTP: one client, conditional GET, per-host limits, bounded downloads.

Every byte the watchers read comes through `Fetcher.get`. It returns a `Response` for
200 and 304 (a normal outcome) and raises `FetchError` with a reason a person can act on
for everything else, so callers have exactly one error to handle and back off on.
"""

from __future__ import annotations

import asyncio
import importlib.util
import logging
import socket
import time
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from types import TracebackType
from typing import Protocol, Self
from urllib.parse import urlsplit

import httpcore
import httpx

from watchers.errors import FetchError
from watchers.fetch import inflate, robots
from watchers.fetch.netguard import AddressGuard, AddressRefused, GuardedTransport, Resolver
from watchers.fetch.transport import PoolTransport
from watchers.models import FetchSettings, Response

__all__ = ["MAX_REDIRECTS", "Fetcher", "HostTurns", "accept_encoding", "describe_error",
           "format_size", "parse_retry_after", "split_retry_after"]

log = logging.getLogger(__name__)

# Government sites move between hosts (defense.gov -> war.gov) and chain http -> https ->
# www -> final path; ten hops covers real chains while still stopping loops.
MAX_REDIRECTS = 10

# Feeds first, pages second: some servers content-negotiate the same URL.
_ACCEPT = ("application/rss+xml, application/atom+xml, application/rdf+xml, "
           "application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5")


def accept_encoding() -> str:
    """The codings httpx can decode here: br and zstd only when their packages are installed
    (httpx decodes them with `brotli`/`brotlicffi` and `zstandard`); never promise more."""
    codings = ["gzip", "deflate"]
    if any(importlib.util.find_spec(m) for m in ("brotli", "brotlicffi")):
        codings.append("br")
    if importlib.util.find_spec("zstandard"):
        codings.append("zstd")
    return ", ".join(codings)


class HostTurns(Protocol):
    """Per-host limits shared with other processes (the bot keeps them in its database):
    `turn(host, delay_s)` is entered once a request to `host` may start and left when it
    is done."""

    def turn(self, host: str, delay_s: float) -> AbstractAsyncContextManager[None]: ...


@dataclass
class _HostGate:
    """Concurrency and spacing for one host, shared by every request to it."""

    semaphore: asyncio.Semaphore
    next_start: float = field(default=0.0)  # loop time before which no request may start

    async def wait_turn(self, delay_s: float) -> None:
        # Reserve a start slot before sleeping (no await in between), so concurrent callers
        # queue up at `delay_s` intervals instead of all waking at the same instant.
        now = asyncio.get_running_loop().time()
        start = max(now, self.next_start)
        self.next_start = start + delay_s
        if start > now:
            await asyncio.sleep(start - now)


class Fetcher:
    """An async context manager around one `httpx.AsyncClient` built from FetchSettings.

    `transport` lets tests substitute an `httpx.MockTransport` (no SSRF guard then);
    `resolve` and `network` let them put a fake resolver and network under the guard.
    Production leaves all three None. Proxies named in the environment are not used (the
    guard could not see where a request goes through one).
    """

    def __init__(self, settings: FetchSettings, *,
                 transport: httpx.AsyncBaseTransport | None = None,
                 resolve: Resolver | None = None,
                 network: httpcore.AsyncNetworkBackend | None = None,
                 turns: HostTurns | None = None) -> None:
        self._settings = settings
        self._turns = turns
        self._gates: dict[str, _HostGate] = {}
        if transport is None and not settings.allow_private:
            # The SSRF guard checks every connection, each redirect hop's included.
            transport = GuardedTransport(AddressGuard(resolve), network)
        elif transport is None:
            transport = PoolTransport(network)
        self._client = httpx.AsyncClient(
            headers={"User-Agent": settings.user_agent, "Accept": _ACCEPT,
                     "Accept-Encoding": accept_encoding()},
            timeout=httpx.Timeout(settings.timeout_s),
            follow_redirects=True,
            max_redirects=MAX_REDIRECTS,
            transport=transport,
        )
        self._robots = (robots.RobotsCache(self._fetch_robots)
                        if settings.respect_robots else None)

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                        tb: TracebackType | None) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._client.aclose()

    async def get(self, url: str, *, etag: str | None = None,
                  last_modified: str | None = None) -> Response:
        """GET `url`, conditionally when validators from the last poll are given.

        Returns Response(status=304, body=b"") when the server says nothing changed.
        Raises FetchError for HTTP errors, network failures, timeouts and oversized bodies,
        refused addresses (the SSRF guard), and (with respect_robots) when the host's
        robots.txt refuses the URL or cannot be read.
        """
        try:
            return await self._get(url, etag, last_modified)
        except AddressRefused as exc:  # raised for a host (maybe robots.txt's): name the URL
            raise FetchError(url, exc.reason) from None

    async def _get(self, url: str, etag: str | None, last_modified: str | None) -> Response:
        crawl_delay = 0.0
        if self._robots is not None:
            # Before taking the host's gate: the robots.txt download takes it itself.
            crawl_delay = await self._robots.check(url)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        # A Crawl-delay is the host's own minimum spacing; ours applies when longer.
        async with self._turn(url, max(self._settings.per_host_delay_s, crawl_delay)):
            started = time.perf_counter()
            try:
                # httpx timeouts are per network operation; this bounds the whole
                # exchange, so a server dripping one byte a second cannot hold a worker.
                async with asyncio.timeout(self._settings.timeout_s):
                    response = await self._fetch(url, headers, etag, last_modified)
            except TimeoutError:
                raise FetchError(url, self._timed_out()) from None
            except httpx.TimeoutException as exc:
                raise FetchError(url, self._timed_out()) from exc
            except (httpx.HTTPError, httpx.InvalidURL) as exc:
                raise FetchError(url, describe_error(exc, url)) from exc
        log.debug("fetched url=%s final=%s status=%d bytes=%d ms=%.0f", url, response.url,
                  response.status, len(response.body), (time.perf_counter() - started) * 1e3)
        return response

    async def _fetch(self, url: str, headers: dict[str, str], etag: str | None,
                     last_modified: str | None) -> Response:
        async with self._client.stream("GET", url, headers=headers) as r:
            final_url = str(r.url)
            if r.status_code == 304:
                # A 304 may omit the validators; the ones we sent are still the current ones.
                return Response(url=final_url, status=304, body=b"",
                                etag=r.headers.get("etag") or etag,
                                last_modified=r.headers.get("last-modified") or last_modified)
            if not 200 <= r.status_code < 300:
                reason = f"HTTP {r.status_code}"
                if final_url != url:
                    reason += f" (after redirect to {final_url})"
                retry_after, retry_at = split_retry_after(r.headers.get("retry-after"))
                raise FetchError(url, reason, status=r.status_code,
                                 retry_after=retry_after, retry_at=retry_at)
            body = await self._read_capped(url, r)
            return Response(
                url=final_url,
                status=r.status_code,
                body=body,
                content_type=_media_type(r.headers.get("content-type")),
                charset=r.charset_encoding.lower() if r.charset_encoding else None,
                etag=r.headers.get("etag"),
                last_modified=r.headers.get("last-modified"),
            )

    async def _read_capped(self, url: str, r: httpx.Response) -> bytes:
        limit = self._settings.max_bytes
        too_large = f"larger than {format_size(limit)}"
        declared = r.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit and "content-encoding" not in r.headers:
            raise FetchError(url, too_large, status=r.status_code)
        chunks: list[bytes] = []
        size = 0
        # Decoded bytes, inflated a bounded piece at a time (watchers/fetch/inflate.py), so the
        # cap also stops compression bombs.
        async for chunk in inflate.decoded(r):
            size += len(chunk)
            if size > limit:
                raise FetchError(url, too_large, status=r.status_code)
            chunks.append(chunk)
        return b"".join(chunks)

    async def _fetch_robots(self, url: str) -> robots.RobotsFile:
        """Download robots.txt for RobotsCache: status and (truncated) body, never raising."""
        async with self._turn(url, self._settings.per_host_delay_s):
            try:
                async with asyncio.timeout(self._settings.timeout_s):
                    async with self._client.stream("GET", url) as r:
                        if not 200 <= r.status_code < 300:
                            return robots.RobotsFile(
                                r.status_code,
                                retry_after=parse_retry_after(r.headers.get("retry-after")))
                        body = bytearray()
                        async for chunk in inflate.decoded(r):
                            body += chunk
                            if len(body) >= robots.MAX_BYTES:
                                break  # the RFC lets us ignore the rest
                        return robots.RobotsFile(r.status_code, bytes(body))
            except (TimeoutError, httpx.TimeoutException):
                return robots.RobotsFile(None, error=self._timed_out())
            except (httpx.HTTPError, httpx.InvalidURL) as exc:
                return robots.RobotsFile(None, error=describe_error(exc, url))

    @asynccontextmanager
    async def _turn(self, url: str, delay_s: float) -> AsyncIterator[None]:
        """This process's per-host gate, then (with `turns`) the one shared by replicas."""
        host = urlsplit(url).netloc.lower()
        gate = self._gate(host)
        async with gate.semaphore:
            await gate.wait_turn(delay_s)
            if self._turns is None:
                yield
                return
            async with self._turns.turn(host, delay_s):
                yield

    def _gate(self, host: str) -> _HostGate:
        gate = self._gates.get(host)
        if gate is None:
            gate = _HostGate(asyncio.Semaphore(self._settings.per_host_concurrency))
            self._gates[host] = gate
        return gate

    def _timed_out(self) -> str:
        return f"timed out after {self._settings.timeout_s:g}s"


# Most specific first; each kind is looked for along the whole exception chain, because
# httpx wraps httpcore, which wraps the OSError that says what really happened.
_REASONS: tuple[tuple[type[BaseException], str], ...] = (
    (socket.gaierror, "DNS lookup failed for host {host}"),
    (ConnectionRefusedError, "connection refused"),
    (ConnectionResetError, "connection reset by the server"),
    (httpx.TooManyRedirects, f"too many redirects (more than {MAX_REDIRECTS})"),
    (httpx.UnsupportedProtocol, "not a fetchable http(s) URL ({exc})"),
    (httpx.InvalidURL, "not a fetchable http(s) URL ({exc})"),
    (httpx.DecodingError, "could not decode the compressed response body"),
    (httpx.RemoteProtocolError, "the server broke the HTTP protocol ({exc})"),
    (httpx.ConnectError, "could not connect to {host} ({exc})"),
)


def describe_error(exc: BaseException, url: str) -> str:
    """A short reason for a transport failure, phrased for the person reading the log."""
    causes = _causes(exc)
    for kind, template in _REASONS:
        if any(isinstance(c, kind) for c in causes):
            return template.format(host=urlsplit(url).hostname or url, exc=exc)
    return f"{type(exc).__name__}: {exc}"


def split_retry_after(value: str | None) -> tuple[float | None, datetime | None]:
    """A Retry-After header as (delta-seconds, None) or (None, HTTP date); (None, None)."""
    if value is None or not value.strip():
        return None, None
    value = value.strip()
    if value.isdigit():
        return float(value), None
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None, None
    if when.tzinfo is None:  # RFC 9110 dates are GMT; a naive result means "-0000"
        when = when.replace(tzinfo=UTC)
    return None, when


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header: delta-seconds or an HTTP date."""
    seconds, when = split_retry_after(value)
    if when is None:
        return seconds
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def format_size(n: int) -> str:
    """15728640 -> '15 MiB', 524288 -> '512 KiB', the way the config file writes sizes."""
    for unit, factor in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= factor:
            return f"{n / factor:g} {unit}"
    return f"{n} bytes"


def _media_type(content_type: str | None) -> str | None:
    """'Text/HTML; charset=UTF-8' -> 'text/html' (the charset goes to Response.charset)."""
    media = (content_type or "").split(";")[0].strip().lower()
    return media or None


def _causes(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in seen:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen
