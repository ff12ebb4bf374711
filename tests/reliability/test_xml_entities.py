"""XML entities in feeds: declared entities are neither expanded nor fetched, and a
"billion laughs" feed costs what its size costs. Before watchers/sources/rss.py dropped the
DOCTYPE's internal subset, expat expanded nested entities up to its amplification limit
through a Python callback per piece: a 1 MB feed took ~30 s of CPU and 1.5 GB."""

from __future__ import annotations

import time
import tracemalloc

import pytest

from watchers.models import Response, Source
from watchers.sources.rss import parse_feed

SOURCE = Source(id="laughs", kind="rss", url="http://feeds.example/rss")
LEVELS = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))


def feed(padding: int, *, dtd: str = LEVELS) -> bytes:
    return ("<?xml version='1.0'?>"
            f"<!DOCTYPE rss [<!ENTITY l0 'lol'>{dtd}"
            "<!ENTITY secret SYSTEM 'file:///etc/passwd'>]>"
            f"<!-- {'x' * padding} -->"
            "<rss version='2.0'><channel><title>Laughs</title><item><title>&l9; &secret;</title>"
            "<link>http://feeds.example/a</link></item></channel></rss>").encode()


@pytest.mark.parametrize("padding", [0, 1_000_000])
def test_a_billion_laughs_feed_is_cheap(padding: int) -> None:
    tracemalloc.start()
    started = time.process_time()
    try:
        [entry] = parse_feed(Response(url=SOURCE.url, status=200, body=feed(padding),
                                      content_type="application/rss+xml"), SOURCE)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.process_time() - started < 2.0
    assert peak < 64 << 20, f"peak {peak / 2**20:.0f} MiB"
    assert "lollol" not in entry.title and "root:" not in entry.title
    assert entry.url == "http://feeds.example/a"


def test_a_feed_without_entities_keeps_its_doctype_meaning() -> None:
    """RSS 0.91 feeds name Netscape's DTD; there is no internal subset to drop."""
    body = (b"<?xml version='1.0'?><!DOCTYPE rss PUBLIC '-//Netscape Communications//DTD "
            b"RSS 0.91//EN' 'http://my.netscape.com/publish/formats/rss-0.91.dtd'>"
            b"<rss version='0.91'><channel><title>Old</title><item><title>Caf&#233; talks"
            b"</title><link>http://feeds.example/b</link></item></channel></rss>")
    [entry] = parse_feed(Response(url=SOURCE.url, status=200, body=body,
                                  content_type="application/rss+xml"), SOURCE)
    assert entry.title == "Café talks"
