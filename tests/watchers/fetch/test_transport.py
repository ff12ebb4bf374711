"""The pool's connections keep their socket: a keep-alive connection is reused while it
lives, and one the server hung up is noticed (the socket reads as ready) and replaced
instead of failing the next request."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from dataclasses import replace

import pytest

from tests.watchers.conftest import FAST
from watchers.fetch.http import Fetcher
from watchers.fetch.transport import is_readable

RAW = replace(FAST, respect_robots=False)
REPLY = (b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n"
         b"Connection: keep-alive\r\n\r\nok")


class Server:
    """Answers each request on a connection with REPLY (keep-alive promised); with
    `hang_up`, closes the connection after the first answer without saying so."""

    def __init__(self, hang_up: bool) -> None:
        self.hang_up = hang_up
        self.connections = 0
        self.closed = asyncio.Event()

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        try:
            while await reader.readuntil(b"\r\n\r\n"):
                writer.write(REPLY)
                await writer.drain()
                if self.hang_up:
                    break
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        writer.close()
        await writer.wait_closed()
        self.closed.set()


@pytest.fixture(params=[False, True], ids=["kept", "hung-up"])
async def server(request: pytest.FixtureRequest) -> AsyncIterator[tuple[Server, str]]:
    server = Server(hang_up=request.param)
    listener = await asyncio.start_server(server.handle, "127.0.0.1", 0)
    port = listener.sockets[0].getsockname()[1]
    async with listener:
        yield server, f"http://127.0.0.1:{port}/page"


async def test_a_connection_is_reused_or_replaced_when_the_server_hung_up(
        server: tuple[Server, str]) -> None:
    state, url = server
    async with Fetcher(RAW) as fetcher:
        first = await fetcher.get(url)
        if state.hang_up:
            await asyncio.wait_for(state.closed.wait(), 10)
        second = await fetcher.get(url)
    assert (first.body, second.body) == (b"ok", b"ok")
    assert state.connections == (2 if state.hang_up else 1)


def test_a_socket_reads_as_ready_once_data_or_the_end_is_there() -> None:
    ours, theirs = socket.socketpair()
    with ours, theirs:
        assert not is_readable(ours)
        theirs.sendall(b"x")
        assert is_readable(ours)
        ours.recv(1)
        assert not is_readable(ours)
        theirs.close()
        assert is_readable(ours)  # the end of the stream: the next read returns b""
    assert is_readable(None)  # no socket at all: as good as ended
