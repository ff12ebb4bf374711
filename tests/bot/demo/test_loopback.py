"""The loopback server other tests build on: routes, 404, conditional requests, records."""

from __future__ import annotations

import httpx

from tests.loopback import LoopbackServer


def test_serves_routes_and_records_requests(loopback: LoopbackServer) -> None:
    url = loopback.add("/a?x=1", "héllo", content_type="text/plain; charset=utf-8",
                       headers={"X-Extra": "yes"})
    assert url == loopback.url("/a?x=1")
    r = httpx.get(url, headers={"X-Probe": "1"})
    assert (r.status_code, r.text, r.headers["x-extra"]) == (200, "héllo", "yes")
    assert r.headers["content-type"] == "text/plain; charset=utf-8"
    [seen] = loopback.requests
    assert (seen.method, seen.path, seen.headers["x-probe"]) == ("GET", "/a?x=1", "1")
    assert loopback.hits("/a?x=1") == loopback.hits("/a") == 1


def test_str_body_is_encoded_with_the_declared_charset(loopback: LoopbackServer) -> None:
    url = loopback.add("/latin", "café", content_type="text/html; charset=iso-8859-1")
    assert httpx.get(url).content == "café".encode("iso-8859-1")


def test_route_without_query_matches_any_query(loopback: LoopbackServer) -> None:
    loopback.add("/feed", "ok")
    assert httpx.get(loopback.url("/feed?page=2")).text == "ok"


def test_unknown_path_is_404(loopback: LoopbackServer) -> None:
    assert httpx.get(loopback.url("/missing")).status_code == 404
    assert loopback.hits("/missing") == 1


def test_status_and_redirect_headers(loopback: LoopbackServer) -> None:
    loopback.add("/new", "moved here")
    loopback.add("/old", "", status=301, headers={"Location": loopback.url("/new")})
    r = httpx.get(loopback.url("/old"), follow_redirects=True)
    assert (r.status_code, r.text, r.history[0].status_code) == (200, "moved here", 301)


def test_etag_and_last_modified_answer_304(loopback: LoopbackServer) -> None:
    url = loopback.add("/f", "body", etag='"v1"', last_modified="Tue, 22 Dec 2020 15:00:00 GMT")
    first = httpx.get(url)
    assert (first.headers["etag"], first.headers["last-modified"]) == (
        '"v1"', "Tue, 22 Dec 2020 15:00:00 GMT")
    for headers in ({"If-None-Match": '"v1"'}, {"If-None-Match": 'W/"v0", W/"v1"'},
                    {"If-Modified-Since": "Tue, 22 Dec 2020 15:00:00 GMT"},
                    {"If-Modified-Since": "Wed, 23 Dec 2020 00:00:00 GMT"}):
        r = httpx.get(url, headers=headers)
        assert (r.status_code, r.content) == (304, b""), headers
    # a stale validator gets the full body; If-None-Match decides when both are sent
    for headers in ({"If-None-Match": '"v0"'},
                    {"If-Modified-Since": "Mon, 21 Dec 2020 00:00:00 GMT"},
                    {"If-None-Match": '"v0"',
                     "If-Modified-Since": "Tue, 22 Dec 2020 15:00:00 GMT"}):
        assert httpx.get(url, headers=headers).status_code == 200, headers


def test_context_manager_outside_pytest_fixtures() -> None:
    with LoopbackServer() as server:
        url = server.add("/x", b"\x00\x01", content_type="application/octet-stream")
        assert httpx.get(url).content == b"\x00\x01"
    try:
        httpx.get(url, timeout=2)
    except httpx.ConnectError:
        pass
    else:
        raise AssertionError("the server still answers after stop()")
