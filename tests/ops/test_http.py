"""The probe/metrics HTTP server: parsing `http.listen`, routing, and hostile clients."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from bot.errors import ConfigError
from bot.ops.http import HttpServer, Response, parse_listen


@pytest.mark.parametrize(("value", "expected"), [
    ("127.0.0.1:8787", ("127.0.0.1", 8787)),
    ("0.0.0.0:8787", ("0.0.0.0", 8787)),
    ("localhost:0", ("localhost", 0)),
    ("[::1]:9000", ("::1", 9000)),
    ("off", None),
    ("OFF", None),
    ("", None),
])
def test_listen_values(value: str, expected: tuple[str, int] | None) -> None:
    assert parse_listen(value) == expected


@pytest.mark.parametrize("value", ["8787", "127.0.0.1", "127.0.0.1:http", ":8787",
                                   "127.0.0.1:70000"])
def test_bad_listen_values_name_the_key(value: str) -> None:
    with pytest.raises(ConfigError, match=r"http\.listen: expected HOST:PORT or off"):
        parse_listen(value)


async def request(port: int, raw: bytes) -> bytes:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(raw)
    await writer.drain()
    data = await asyncio.wait_for(reader.read(), 5)
    writer.close()
    await writer.wait_closed()
    return data


async def hello() -> Response:
    return Response(200, b"hello\n")


async def broken() -> Response:
    raise RuntimeError("boom")


@pytest.fixture
async def server() -> AsyncIterator[HttpServer]:
    srv = HttpServer({"/hello": hello, "/broken": broken}, "127.0.0.1", 0)
    await srv.start()
    yield srv
    await srv.close()


async def test_get_head_and_unknown_paths(server: HttpServer) -> None:
    got = await request(server.port, b"GET /hello?x=1 HTTP/1.1\r\nHost: a\r\n\r\n")
    head, _, body = got.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200 OK\r\n")
    assert b"Content-Length: 6" in head and b"Connection: close" in head
    assert body == b"hello\n"
    got = await request(server.port, b"HEAD /hello HTTP/1.1\r\n\r\n")
    assert got.startswith(b"HTTP/1.1 200 OK") and got.endswith(b"\r\n\r\n")
    assert (await request(server.port, b"GET /nope HTTP/1.0\r\n\r\n")).startswith(
        b"HTTP/1.1 404 Not Found")
    assert (await request(server.port, b"POST /hello HTTP/1.1\r\n\r\n")).startswith(
        b"HTTP/1.1 405 Method Not Allowed")


async def test_a_failing_handler_is_a_500_and_is_logged(server: HttpServer,
                                                        caplog: pytest.LogCaptureFixture) -> None:
    got = await request(server.port, b"GET /broken HTTP/1.1\r\n\r\n")
    assert got.startswith(b"HTTP/1.1 500 Internal Server Error")
    assert "http handler failed path=/broken" in caplog.text


async def test_garbage_and_silent_clients_get_nothing_and_do_not_hurt(
        server: HttpServer) -> None:
    assert await request(server.port, b"\x16\x03\x01 not http\r\n\r\n") == b""
    # A client that connects and says nothing holds no more than its own connection.
    _, writer = await asyncio.open_connection("127.0.0.1", server.port)
    got = await request(server.port, b"GET /hello HTTP/1.1\r\n\r\n")
    assert got.endswith(b"hello\n")
    writer.close()
    await writer.wait_closed()


async def test_port_in_use_is_a_config_error() -> None:
    first = HttpServer({}, "127.0.0.1", 0)
    await first.start()
    try:
        second = HttpServer({}, "127.0.0.1", first.port)
        with pytest.raises(ConfigError, match=r"cannot listen on 127\.0\.0\.1"):
            await second.start()
    finally:
        await first.close()
