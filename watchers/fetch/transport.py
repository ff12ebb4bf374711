"""httpx's transport over a network backend of our choosing, with each connection's socket
looked up once.

httpcore asks every idle pooled connection whether its socket has become readable (the
server hung up) each time a request joins or leaves the pool, and the anyio stream answers
by building all of a socket's attributes (a `getpeername` call among them) for each
question. With a few dozen keep-alive connections that was a fifth of the event loop's
time in a poll of real-size pages. `KeptSocket` answers from the socket it found when the
connection was made, with the same readiness check.
"""

from __future__ import annotations

import select
import socket
import ssl
from collections.abc import Iterable
from typing import Any

import httpcore
import httpx

__all__ = ["KeptSocket", "PoolTransport", "is_readable"]


def is_readable(sock: socket.socket | None) -> bool:
    """True when a read would not block: data, or the end of the stream (the server closed
    it). A socket that is gone counts as readable, as its next read would end the stream."""
    fd = -1 if sock is None else sock.fileno()
    if fd < 0:
        return True
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    return bool(poller.poll(0))


class _Stream(httpcore.AsyncNetworkStream):
    """The inner backend's stream; only `is_readable` is answered here."""

    def __init__(self, inner: httpcore.AsyncNetworkStream) -> None:
        self._inner = inner
        self._socket: socket.socket | None = inner.get_extra_info("socket")

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self._inner.read(max_bytes, timeout)

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._inner.write(buffer, timeout)

    async def aclose(self) -> None:
        await self._inner.aclose()

    async def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                        timeout: float | None = None) -> httpcore.AsyncNetworkStream:
        return _Stream(await self._inner.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> Any:
        if info == "is_readable" and self._socket is not None:
            return is_readable(self._socket)
        return self._inner.get_extra_info(info)


class KeptSocket(httpcore.AsyncNetworkBackend):
    """A network backend whose streams keep their socket (see the module's doc)."""

    def __init__(self, inner: httpcore.AsyncNetworkBackend | None = None) -> None:
        self._inner = inner or httpcore.AnyIOBackend()

    async def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                          local_address: str | None = None,
                          socket_options: Iterable[Any] | None = None,
                          ) -> httpcore.AsyncNetworkStream:
        return _Stream(await self._inner.connect_tcp(host, port, timeout, local_address,
                                                     socket_options))

    async def connect_unix_socket(self, path: str, timeout: float | None = None,
                                  socket_options: Iterable[Any] | None = None,
                                  ) -> httpcore.AsyncNetworkStream:
        return _Stream(await self._inner.connect_unix_socket(path, timeout, socket_options))

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class PoolTransport(httpx.AsyncHTTPTransport):
    """httpx's own transport (TLS, pooling, HTTP/1.1, exception mapping, streaming) over
    `network`, wrapped in KeptSocket. httpx does not take a network backend, so the pool
    it built is replaced by one that does, with httpx's default limits (httpcore's own
    would cap the pool at 10 connections)."""

    def __init__(self, network: httpcore.AsyncNetworkBackend | None = None) -> None:
        context = httpx.create_ssl_context()  # one (loading the CA bundle is ~30 ms of CPU)
        super().__init__(verify=context)
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=context,
            max_connections=100, max_keepalive_connections=20, keepalive_expiry=5.0,
            network_backend=KeptSocket(network))
