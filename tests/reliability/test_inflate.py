"""Compressed bodies are inflated a bounded piece at a time (watchers/fetch/inflate.py): the
usual codings read back exactly, a bomb costs memory in proportion to the size cap
(not to what it would inflate to), and a corrupt body is a clear FetchError."""

from __future__ import annotations

import gzip
import tracemalloc
import zlib
from dataclasses import replace

import brotli
import pytest

from tests.reliability.faults import brotli_bomb
from tests.reliability.faulty_server import FaultyServer, gzip_bomb, respond
from watchers.errors import FetchError
from watchers.fetch.http import Fetcher
from watchers.models import FetchSettings

SETTINGS = FetchSettings(per_host_delay_s=0.0, timeout_s=5.0, max_bytes=4 << 20,
                         allow_private=True)
TEXT = ("<p>Ministers of the two countries met for talks on naval cooperation.</p>\n"
        * 4000).encode()


def _raw_deflate(data: bytes) -> bytes:
    packer = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    return packer.compress(data) + packer.flush()


def _brotli(data: bytes) -> bytes:
    return bytes(brotli.compress(data))


@pytest.mark.parametrize(("coding", "pack"), [
    ("gzip", gzip.compress),
    ("x-gzip", gzip.compress),
    ("deflate", zlib.compress),  # zlib-wrapped, as RFC 9110 says
    ("deflate", _raw_deflate),  # raw, as some servers send it
    ("br", _brotli),
])
async def test_codings_read_back_exactly(coding: str, pack: object) -> None:
    assert callable(pack)
    with FaultyServer() as server:
        url = server.add("/page", respond(200, pack(TEXT), headers={"Content-Encoding": coding}))
        async with Fetcher(SETTINGS) as fetcher:
            response = await fetcher.get(url)
    assert response.body == TEXT


@pytest.mark.parametrize("coding", ["gzip", "br"])
async def test_a_bomb_costs_about_the_cap(coding: str) -> None:
    body = gzip_bomb() if coding == "gzip" else None
    if coding == "br":
        body = respond(200, brotli_bomb(), "text/html", {"Content-Encoding": "br"})
    assert body is not None
    with FaultyServer() as server:
        url = server.add("/bomb", body)
        async with Fetcher(SETTINGS) as fetcher:
            tracemalloc.start()
            try:
                with pytest.raises(FetchError) as caught:
                    await fetcher.get(url)
                peak = tracemalloc.get_traced_memory()[1]
            finally:
                tracemalloc.stop()
    assert caught.value.reason == "larger than 4 MiB"
    # The chunks held up to the cap, their join, one piece in flight, and the raw body.
    assert peak < 3 * SETTINGS.max_bytes, f"peak {peak / 2**20:.0f} MiB"


async def test_a_corrupt_body_is_reported() -> None:
    broken = b"plain text that claims to be gzip" * 100
    with FaultyServer() as server:
        url = server.add("/broken", respond(200, broken, headers={"Content-Encoding": "gzip"}))
        async with Fetcher(SETTINGS) as fetcher:
            with pytest.raises(FetchError) as caught:
                await fetcher.get(url)
    assert caught.value.reason == "could not decode the compressed response body"


async def test_a_robots_txt_bomb_is_cut_short() -> None:
    with FaultyServer() as server:
        server.add("/robots.txt", gzip_bomb(content_type="text/plain"))
        url = server.add("/page", respond(200, TEXT))
        async with Fetcher(replace(SETTINGS, respect_robots=True)) as fetcher:
            tracemalloc.start()
            try:
                response = await fetcher.get(url)
                peak = tracemalloc.get_traced_memory()[1]
            finally:
                tracemalloc.stop()
    assert response.body == TEXT  # 512 KiB of zeros hold no rule: everything is allowed
    assert peak < 16 << 20, f"peak {peak / 2**20:.0f} MiB"
