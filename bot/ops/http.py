"""A minimal HTTP/1.1 server on the service's own event loop, for /healthz, /readyz, /metrics.

Deliberately tiny: GET and HEAD, no keep-alive (`Connection: close`), no request bodies,
bounded header size and read time. It serves probes and a scraper, not the public.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from http import HTTPStatus

from bot.errors import ConfigError

__all__ = ["HttpServer", "Response", "Route", "parse_listen"]

log = logging.getLogger("defwatch.http")

READ_TIMEOUT_S = 5.0
MAX_HEADER_LINES = 100
MAX_LINE = 8192


@dataclass(frozen=True)
class Response:
    status: int
    body: bytes
    content_type: str = "text/plain; charset=utf-8"


Route = Callable[[], Awaitable[Response]]


def parse_listen(value: str) -> tuple[str, int] | None:
    """`host:port` (`[v6]:port`, port 0 = any free port) or `off` (None)."""
    text = value.strip()
    if text.lower() in ("off", "false", "no", "none", ""):
        return None
    host, sep, port = text.rpartition(":")
    host = host.removeprefix("[").removesuffix("]")
    if not sep or not host or not port.isdigit() or int(port) > 65535:
        raise ConfigError(f"expected HOST:PORT or off, got {value!r} (e.g. 127.0.0.1:8787)",
                          key="http.listen")
    return host, int(port)


class HttpServer:
    def __init__(self, routes: Mapping[str, Route], host: str, port: int) -> None:
        self._routes = dict(routes)
        self._host = host
        self._port = port
        self._server: asyncio.Server | None = None

    @property
    def port(self) -> int:
        """The bound port (the one the OS chose when configured with port 0)."""
        if self._server is None or not self._server.sockets:
            return self._port
        return int(self._server.sockets[0].getsockname()[1])

    async def start(self) -> None:
        try:
            self._server = await asyncio.start_server(self._client, self._host, self._port,
                                                      limit=MAX_LINE)
        except OSError as exc:
            raise ConfigError(f"cannot listen on {self._host}:{self._port}: {exc.strerror}; "
                              "choose another port or set it to off", key="http.listen"
                              ) from exc
        log.info("http listening on %s port=%d (/healthz /readyz /metrics)", self._host,
                 self.port)

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None

    async def _client(self, reader: asyncio.StreamReader,
                      writer: asyncio.StreamWriter) -> None:
        try:
            method, path = await asyncio.wait_for(_read_request(reader), READ_TIMEOUT_S)
            response = await self._respond(method, path)
            writer.write(_render(response, head=method == "HEAD"))
            await writer.drain()
        except (TimeoutError, ValueError, ConnectionError, asyncio.IncompleteReadError,
                asyncio.LimitOverrunError):
            pass  # a probe that hung up or spoke nonsense gets nothing more
        finally:
            writer.close()
            with contextlib.suppress(ConnectionError):
                await writer.wait_closed()

    async def _respond(self, method: str, path: str) -> Response:
        route = self._routes.get(path.split("?", 1)[0])
        if route is None:
            return Response(404, b"not found\n")
        if method not in ("GET", "HEAD"):
            return Response(405, b"method not allowed\n")
        try:
            return await route()
        except Exception:
            log.exception("http handler failed path=%s", path)
            return Response(500, b"internal error\n")


async def _read_request(reader: asyncio.StreamReader) -> tuple[str, str]:
    line = (await reader.readline()).decode("latin-1").strip()
    parts = line.split()
    if len(parts) != 3 or not parts[2].startswith("HTTP/"):
        raise ValueError(f"bad request line {line[:80]!r}")
    for _ in range(MAX_HEADER_LINES):
        header = await reader.readline()
        if header in (b"\r\n", b"\n", b""):
            return parts[0].upper(), parts[1]
    raise ValueError("too many header lines")


def _render(response: Response, *, head: bool) -> bytes:
    reason = HTTPStatus(response.status).phrase
    headers = (f"HTTP/1.1 {response.status} {reason}\r\n"
               f"Content-Type: {response.content_type}\r\n"
               f"Content-Length: {len(response.body)}\r\n"
               "Cache-Control: no-store\r\nConnection: close\r\n\r\n")
    return headers.encode("latin-1") + (b"" if head else response.body)
