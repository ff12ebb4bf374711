"""Content-Encoding decoded a bounded piece at a time, so a compression bomb costs memory
in proportion to the size cap, not to what the server packed.

httpx inflates each network read in one call: 64 KiB of gzip'd zeros becomes 64 MiB at
once, and a 1.6 KB brotli body becomes a gigabyte, before any size check can run.
`decoded(response)` yields the body of a streamed response in pieces of at most PIECE
bytes for gzip, deflate and br; other codings (zstd, stacked codings) go through
httpx's own decoder as before.
"""

from __future__ import annotations

import zlib
from collections.abc import AsyncIterator, Iterator
from typing import Protocol

import brotli
import httpx

__all__ = ["PIECE", "decoded"]

PIECE = 256 * 1024


class _Inflater(Protocol):
    def feed(self, data: bytes) -> Iterator[bytes]: ...


class _Zlib:
    """gzip (wbits 16+), zlib-wrapped or raw deflate (servers send both as `deflate`)."""

    def __init__(self, encoding: str) -> None:
        self._gzip = encoding != "deflate"
        self._d = zlib.decompressobj(16 + zlib.MAX_WBITS if self._gzip else zlib.MAX_WBITS)
        self._started = False

    def feed(self, data: bytes) -> Iterator[bytes]:
        try:
            while data:
                try:
                    out = self._d.decompress(data, PIECE)
                except zlib.error:
                    if self._gzip or self._started:
                        raise
                    self._d = zlib.decompressobj(-zlib.MAX_WBITS)  # raw deflate
                    out = self._d.decompress(data, PIECE)
                self._started = True
                data = self._d.unconsumed_tail
                if out:
                    yield out
        except zlib.error as exc:
            raise httpx.DecodingError(str(exc)) from exc


class _Brotli:
    def __init__(self) -> None:
        self._d = brotli.Decompressor()

    def feed(self, data: bytes) -> Iterator[bytes]:
        try:
            out = self._d.process(data, output_buffer_limit=PIECE)
            while True:
                if out:
                    yield out
                if self._d.can_accept_more_data() or self._d.is_finished():
                    return
                out = self._d.process(b"", output_buffer_limit=PIECE)
        except Exception as exc:  # brotli.error is a plain Exception subclass
            raise httpx.DecodingError(f"brotli: {exc}") from exc


def _brotli_bounded() -> bool:
    return hasattr(brotli.Decompressor(), "can_accept_more_data")  # brotli >= 1.2


def _inflater(encoding: str) -> _Inflater | None:
    coding = encoding.strip().lower()
    if coding in ("gzip", "x-gzip", "deflate"):
        return _Zlib(coding)
    if coding == "br" and _brotli_bounded():
        return _Brotli()
    return None


async def decoded(response: httpx.Response) -> AsyncIterator[bytes]:
    """The decoded body of a streamed response, in pieces of at most PIECE bytes."""
    encoding = response.headers.get("content-encoding", "identity")
    inflater = _inflater(encoding)
    # A body already read (a test's MockTransport answer) is held decoded: hand it out.
    if inflater is None or response.is_stream_consumed:
        async for chunk in response.aiter_bytes():
            yield chunk
        return
    async for raw in response.aiter_raw():
        for piece in inflater.feed(raw):
            yield piece
