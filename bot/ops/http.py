"""A minimal HTTP/1.1 server on the service's own event loop: /healthz, /readyz, /metrics
and, through `app`, the read-only archive.

Deliberately tiny: GET and HEAD, no keep-alive (`Connection: close`), no request bodies,
bounded header size and read time. With a `token`, every path but the probes asks for it
(`Authorization: Bearer …`, or `?token=` for feed readers that cannot send headers).
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from http import HTTPStatus
from urllib.parse import parse_qs, unquote, urlsplit

from bot.errors import ConfigError

__all__ = ["App", "HttpServer", "Request", "Response", "Route", "parse_listen"]

log = logging.getLogger("defwatch.http")

READ_TIMEOUT_S = 5.0
MAX_HEADER_LINES = 100
MAX_LINE = 16384  # room for a long search, so that the archive can say what is wrong with it
MAX_FIELDS = 50
OPEN_PATHS = frozenset({"/healthz", "/readyz"})  # what orchestrators probe: never a token


@dataclass(frozen=True)
class Response:
    status: int
    body: bytes
    content_type: str = "text/plain; charset=utf-8"
    headers: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Request:
    method: str
    path: str  # percent-decoded, without the query
    query: Mapping[str, list[str]] = field(default_factory=dict)
    headers: Mapping[str, str] = field(default_factory=dict)  # names lower-cased


Route = Callable[[], Awaitable[Response]]
App = Callable[[Request], Awaitable[Response]]


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
    def __init__(self, routes: Mapping[str, Route], host: str, port: int, *,
                 app: App | None = None, token: str | None = None) -> None:
        self._routes = dict(routes)
        self._host = host
        self._port = port
        self._app = app
        self._token = token or None
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
        log.info("http listening on %s port=%d (/healthz /readyz /metrics%s)", self._host,
                 self.port, " and the archive" if self._app else "")

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None

    async def _client(self, reader: asyncio.StreamReader,
                      writer: asyncio.StreamWriter) -> None:
        try:
            request = await asyncio.wait_for(_read_request(reader), READ_TIMEOUT_S)
            if isinstance(request, Response):  # HTTP, but a target we cannot read
                writer.write(_render(request, head=False))
                await writer.drain()
                return
            response = await self._respond(request)
            writer.write(_render(response, head=request.method == "HEAD"))
            await writer.drain()
        except (TimeoutError, ValueError, ConnectionError, asyncio.IncompleteReadError,
                asyncio.LimitOverrunError):
            pass  # a probe that hung up or spoke nonsense gets nothing more
        finally:
            writer.close()
            with contextlib.suppress(ConnectionError):
                await writer.wait_closed()

    async def _respond(self, request: Request) -> Response:
        route = self._routes.get(request.path)
        if route is None and self._app is None:
            return Response(404, b"not found\n")
        if request.method not in ("GET", "HEAD"):
            return Response(405, b"method not allowed\n")
        if self._token and request.path not in OPEN_PATHS and not self._authorized(request):
            return Response(401, b"a token is needed: Authorization: Bearer TOKEN, "
                            b"or ?token=TOKEN\n", headers=(("WWW-Authenticate", "Bearer"),))
        try:
            if route is not None:
                return await route()
            assert self._app is not None
            return await self._app(request)
        except Exception:
            log.exception("http handler failed path=%s", request.path)
            return Response(500, b"internal error\n")

    def _authorized(self, request: Request) -> bool:
        assert self._token is not None
        header = request.headers.get("authorization", "")
        given = header[7:].strip() if header[:7].lower() == "bearer " else ""
        given = given or (request.query.get("token") or [""])[0]
        return hmac.compare_digest(given.encode(), self._token.encode())


async def _read_request(reader: asyncio.StreamReader) -> Request | Response:
    """The request, or the 400 answer to a well-formed request line whose target cannot be
    decoded (bad UTF-8 escapes, too many fields). Nonsense raises ValueError."""
    line = (await reader.readline()).decode("latin-1").strip()
    parts = line.split()
    if len(parts) != 3 or not parts[2].startswith("HTTP/"):
        raise ValueError(f"bad request line {line[:80]!r}")
    headers: dict[str, str] = {}
    for _ in range(MAX_HEADER_LINES):
        header = (await reader.readline()).decode("latin-1")
        if header.strip() == "":
            target = urlsplit(parts[1])
            try:
                query = parse_qs(target.query, keep_blank_values=True,
                                 max_num_fields=MAX_FIELDS, errors="strict")
                path = unquote(target.path, errors="strict")
            except ValueError as exc:
                return Response(400, f"bad request: {exc}\n".encode())
            return Request(method=parts[0].upper(), path=path, query=query, headers=headers)
        name, _, value = header.partition(":")
        headers[name.strip().lower()] = value.strip()
    raise ValueError("too many header lines")


def _render(response: Response, *, head: bool) -> bytes:
    reason = HTTPStatus(response.status).phrase
    extra = "".join(f"{name}: {value}\r\n" for name, value in response.headers)
    headers = (f"HTTP/1.1 {response.status} {reason}\r\n"
               f"Content-Type: {response.content_type}\r\n"
               f"Content-Length: {len(response.body)}\r\n{extra}"
               "Cache-Control: no-store\r\nConnection: close\r\n\r\n")
    return headers.encode("latin-1") + (b"" if head else response.body)
