"""A loopback HTTP server that misbehaves at the socket level, for fault injection.

tests/loopback.py serves well-formed answers; this one runs an asyncio streams server in
its own thread so a route can hang, reset the connection, drip a byte a second, stream
without end, or send a compression bomb — the things real servers do on a bad day.

    with FaultyServer() as server:
        url = server.add("/slow", drip(every=1.0))
        ...
        assert server.hits("/entity") == 0

Every route is an async function of the connection's writer; a client that hangs up
ends it quietly. Unrouted paths (robots.txt included) answer 404. `stop()` ends every
connection still open, so hanging routes never outlive the test.
"""

from __future__ import annotations

import asyncio
import socket
import struct
import threading
import zlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import lru_cache
from types import TracebackType
from typing import Self

__all__ = ["Behaviour", "FaultyServer", "drip", "endless", "gzip_bomb", "hang", "huge",
           "redirect", "reset", "respond"]

Behaviour = Callable[[asyncio.StreamWriter, asyncio.Event], Awaitable[None]]
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class Hit:
    path: str
    host: str


class FaultyServer:
    def __init__(self) -> None:
        self._routes: dict[str, Behaviour] = {}
        self._lock = threading.Lock()
        self._hits: list[Hit] = []
        self._ready = threading.Event()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._thread: threading.Thread | None = None
        self.port = 0

    def url(self, path: str, *, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def add(self, path: str, behaviour: Behaviour) -> str:
        with self._lock:
            self._routes[path] = behaviour
        return self.url(path)

    def hits(self, path: str) -> int:
        with self._lock:
            return sum(h.path.split("?")[0] == path for h in self._hits)

    @property
    def requests(self) -> list[Hit]:
        with self._lock:
            return list(self._hits)

    def start(self) -> Self:
        self._thread = threading.Thread(target=lambda: asyncio.run(self._serve()),
                                        name="faulty-server", daemon=True)
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("the faulty server did not start")
        return self

    def stop(self) -> None:
        if self._loop is not None and self._stop is not None:
            self._loop.call_soon_threadsafe(self._stop.set)
        if self._thread is not None:
            self._thread.join(10)
            self._thread = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    # -- the server thread ----------------------------------------------------------------

    async def _serve(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        handlers: set[asyncio.Task[None]] = set()

        async def on_connect(reader: asyncio.StreamReader, writer: asyncio.StreamWriter
                             ) -> None:
            task = asyncio.current_task()
            assert task is not None
            handlers.add(task)
            try:
                await self._handle(reader, writer)
            except (ConnectionError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
                pass
            finally:
                handlers.discard(task)
                writer.transport.abort()

        server = await asyncio.start_server(on_connect, "127.0.0.1", 0)
        self.port = int(server.sockets[0].getsockname()[1])
        self._ready.set()
        async with server:
            await self._stop.wait()
            server.close()
            for task in list(handlers):
                task.cancel()
            await asyncio.gather(*handlers, return_exceptions=True)

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
                      ) -> None:
        head = await reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        target = lines[0].split(" ")[1] if len(lines[0].split(" ")) > 1 else "/"
        host = next((line.split(":", 1)[1].strip() for line in lines[1:]
                     if line.lower().startswith("host:")), "")
        with self._lock:
            self._hits.append(Hit(target, host))
            behaviour = self._routes.get(target) or self._routes.get(target.split("?")[0])
        assert self._stop is not None
        await (behaviour or respond(404, b"not found\n", "text/plain"))(writer, self._stop)


def _head(status: int, headers: dict[str, str]) -> bytes:
    lines = [f"HTTP/1.1 {status} X"] + [f"{k}: {v}" for k, v in headers.items()]
    return ("\r\n".join([*lines, "Connection: close", "", ""])).encode("latin-1")


def respond(status: int, body: bytes | str, content_type: str = "text/html; charset=utf-8",
            headers: dict[str, str] | None = None) -> Behaviour:
    data = body.encode() if isinstance(body, str) else body

    async def behaviour(writer: asyncio.StreamWriter, _stop: asyncio.Event) -> None:
        out = {"Content-Type": content_type, "Content-Length": str(len(data)),
               **(headers or {})}
        writer.write(_head(status, out) + data)
        await writer.drain()

    return behaviour


def redirect(location: str, status: int = 302) -> Behaviour:
    return respond(status, b"", "text/plain", {"Location": location})


def hang() -> Behaviour:
    """Read the request, answer nothing, hold the connection open until the server stops."""
    async def behaviour(_writer: asyncio.StreamWriter, stop: asyncio.Event) -> None:
        await stop.wait()

    return behaviour


def reset() -> Behaviour:
    """Read the request, then drop the connection with a TCP RST."""
    async def behaviour(writer: asyncio.StreamWriter, _stop: asyncio.Event) -> None:
        sock = writer.get_extra_info("socket")
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        writer.transport.abort()

    return behaviour


def drip(*, every: float = 1.0, total: int = 10_000,
         content_type: str = "application/rss+xml") -> Behaviour:
    """Headers at once, then one byte of body every `every` seconds."""
    async def behaviour(writer: asyncio.StreamWriter, stop: asyncio.Event) -> None:
        writer.write(_head(200, {"Content-Type": content_type,
                                 "Content-Length": str(total)}))
        for _ in range(total):
            writer.write(b"<")
            await writer.drain()
            try:
                await asyncio.wait_for(stop.wait(), every)
            except TimeoutError:
                continue
            return

    return behaviour


def endless(content_type: str = "text/html; charset=utf-8") -> Behaviour:
    """A body without a length that never ends (until the client hangs up)."""
    filler = b"<p>and the story goes on</p>\n" * (_CHUNK // 30)

    async def behaviour(writer: asyncio.StreamWriter, stop: asyncio.Event) -> None:
        writer.write(_head(200, {"Content-Type": content_type}))
        while not stop.is_set():
            writer.write(filler)
            await writer.drain()

    return behaviour


def huge(size: int, *, declare_length: bool,
         content_type: str = "text/html; charset=utf-8") -> Behaviour:
    """`size` bytes of page, with or without a Content-Length saying so."""
    filler = b"<p>padding for a very large page</p>\n" * (_CHUNK // 37)

    async def behaviour(writer: asyncio.StreamWriter, stop: asyncio.Event) -> None:
        headers = {"Content-Type": content_type}
        if declare_length:
            headers["Content-Length"] = str(size)
        writer.write(_head(200, headers))
        sent = 0
        while sent < size and not stop.is_set():
            piece = filler[:size - sent]
            writer.write(piece)
            sent += len(piece)
            await writer.drain()

    return behaviour


@lru_cache(maxsize=4)
def bomb_bytes(expanded: int) -> bytes:
    """A valid gzip file of `expanded` zero bytes (1 GiB packs into about 1 MB).

    Built without compressing a gigabyte: after a full flush a deflate block does not
    refer back, so each MiB of zeros packs to the same bytes and is repeated.
    """
    block = bytes(1 << 20)
    packer = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    packed = packer.compress(block) + packer.flush(zlib.Z_FULL_FLUSH)
    blocks = expanded >> 20
    crc = 0
    for _ in range(blocks):
        crc = zlib.crc32(block, crc)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    trailer = struct.pack("<II", crc, (blocks << 20) & 0xFFFFFFFF)
    return header + packed * blocks + packer.flush() + trailer


def gzip_bomb(expanded: int = 1 << 30, content_type: str = "text/html") -> Behaviour:
    """A small gzip body that inflates to `expanded` bytes."""
    return respond(200, bomb_bytes(expanded), content_type, {"Content-Encoding": "gzip"})
