"""The tests' loopback HTTP server: a real server on 127.0.0.1 serving canned routes.

Tests talk to it over real sockets instead of mocking the HTTP client, so redirects,
conditional requests, compression and timeouts behave as they do on the internet.

    with LoopbackServer() as server:
        url = server.add("/feed.xml", body, content_type="application/rss+xml", etag='"v1"')
        ...
        assert server.hits("/feed.xml") == 1

It lives in bot/demo/loopback.py, beside the plumbing it shares with the offline demo and the
benchmarks; the pytest fixture `loopback` (tests/conftest.py) yields a started one per test.
"""

from __future__ import annotations

from bot.demo.loopback import LoopbackServer, RecordedRequest, Route

__all__ = ["LoopbackServer", "RecordedRequest", "Route"]
