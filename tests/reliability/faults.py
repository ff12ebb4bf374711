"""The fault table: what each misbehaving feed or page serves and what defwatch must
record for it. Used by test_faults.py, which serves them all in one cycle beside a
healthy feed."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

import brotli

from tests.reliability.faulty_server import (
    Behaviour,
    FaultyServer,
    drip,
    endless,
    gzip_bomb,
    hang,
    huge,
    redirect,
    reset,
    respond,
)
from tests.reliability.newsgen import Story, feed_xml, page_html, stories

__all__ = ["ACCENTED", "FEEDS_READ_ANYWAY", "FEED_FAULTS", "PAGE_FAULTS", "CharsetPage", "Fault",
           "brotli_bomb", "charset_pages", "laughs_dtd"]

RSS = "application/rss+xml"
TOO_LARGE = "larger than 15 MiB"
# Long enough for a 15 MiB body to stream on a loaded 2-core machine, short enough that the
# hanging and dripping routes below still time out within a test run.
FETCH_TIMEOUT_S = 4
TIMED_OUT = f"timed out after {FETCH_TIMEOUT_S}s"


@dataclass(frozen=True)
class Fault:
    name: str
    serve: Callable[[FaultyServer], Behaviour]
    expect: str  # a regular expression the recorded reason must match (re.search)


def laughs_dtd(root: str, server: FaultyServer) -> str:
    """A DOCTYPE with nested entities (a billion "lol"s) and external ones."""
    levels = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    return (f'<!DOCTYPE {root} [<!ENTITY l0 "lol">{levels}'
            f'<!ENTITY remote SYSTEM "{server.url("/entity")}">'
            '<!ENTITY secret SYSTEM "file:///etc/passwd">'
            f'<!ENTITY % dtd SYSTEM "{server.url("/entity-dtd")}"> %dtd;]>')


def _feed_laughs(server: FaultyServer) -> Behaviour:
    feed = ("<?xml version='1.0'?>" + laughs_dtd("rss", server)
            + "<rss version='2.0'><channel><title>Laughs</title><item><title>&l9;</title>"
            f"<link>{server.url('/missing-page')}</link><description>&remote; &secret;"
            "</description></item></channel></rss>")
    return respond(200, feed, RSS)


def _page_laughs(server: FaultyServer) -> Behaviour:
    page = ("<?xml version='1.0'?>" + laughs_dtd("html", server)
            + "<html xmlns='http://www.w3.org/1999/xhtml'><head><title>Laughs</title></head>"
            "<body><article><p>&l9; &remote; &secret;</p></article></body></html>")
    return respond(200, page, "application/xhtml+xml")


def _truncated_feed(server: FaultyServer) -> Behaviour:
    story = stories(2)[1]
    whole = feed_xml("Cut", server.url("/"), [(story, server.url("/truncated-story"))])
    server.add("/truncated-story", respond(200, page_html(story, "Cut Wire")))
    cut = whole.index("</item>") + len("</item>")
    return respond(200, whole[:cut] + "<item><title>The next story was cut off", RSS)


def _binary(_server: FaultyServer) -> Behaviour:
    noise = random.Random(9).randbytes(64 * 1024)
    return respond(200, b"\x00\x01" + noise, "text/html")


def brotli_bomb() -> bytes:
    """1 GiB of zeros as a brotli body (670 KB)."""
    packer = brotli.Compressor(quality=0)  # the fastest to build; still 1:1600
    parts = [packer.process(bytes(1 << 20)) for _ in range(1024)]
    return b"".join(parts) + bytes(packer.finish())


def _brotli(_server: FaultyServer) -> Behaviour:
    return respond(200, brotli_bomb(), "text/html", {"Content-Encoding": "br"})


FEED_FAULTS: tuple[Fault, ...] = (
    Fault("feed-timeout", lambda s: hang(), TIMED_OUT),
    Fault("feed-reset", lambda s: reset(), "^connection reset by the server$"),
    Fault("feed-503", lambda s: respond(503, "down for maintenance"), "^HTTP 503$"),
    Fault("feed-429", lambda s: respond(429, "slow down", headers={"Retry-After": "3600"}),
          "^HTTP 429$"),
    Fault("feed-drip", lambda s: drip(every=1.0), TIMED_OUT),
    Fault("feed-endless", lambda s: endless(RSS), TOO_LARGE),
    Fault("feed-50mib", lambda s: huge(50 << 20, declare_length=True, content_type=RSS),
          TOO_LARGE),
    Fault("feed-gzip-bomb", lambda s: gzip_bomb(content_type=RSS), TOO_LARGE),
    Fault("feed-redirect-loop", lambda s: redirect("/feed-redirect-loop-2"),
          r"^too many redirects \(more than 10\)$"),
    Fault("feed-garbage", lambda s: respond(200, "{\"not\": \"a feed\"} ][ <<>>", RSS),
          "^not a(n| readable) RSS or Atom feed"),
    Fault("feed-html", lambda s: respond(200, "<!DOCTYPE html><html><body>Hello</body></html>"),
          "^not an RSS or Atom feed: the server sent an HTML page$"),
    Fault("feed-empty", lambda s: respond(200, b"", RSS),
          "^not a feed: the response body is empty$"),
    Fault("feed-binary", _binary, "^not a(n| readable) RSS or Atom feed|not a feed"),
)

# Feeds that misbehave in ways defwatch should get through: (name, behaviour, entries).
FEEDS_READ_ANYWAY: tuple[tuple[str, Callable[[FaultyServer], Behaviour], int], ...] = (
    ("feed-truncated", _truncated_feed, 1),
    ("feed-laughs", _feed_laughs, 1),
)

PAGE_FAULTS: tuple[Fault, ...] = (
    Fault("page-timeout", lambda s: hang(), TIMED_OUT),
    Fault("page-reset", lambda s: reset(), "^connection reset by the server$"),
    Fault("page-503", lambda s: respond(503, "busy"), "^HTTP 503$"),
    Fault("page-429", lambda s: respond(429, "busy", headers={"Retry-After": "60"}),
          "^HTTP 429$"),
    Fault("page-drip", lambda s: drip(every=1.0, content_type="text/html"), TIMED_OUT),
    Fault("page-endless", lambda s: endless(), TOO_LARGE),
    Fault("page-50mib", lambda s: huge(50 << 20, declare_length=True), TOO_LARGE),
    Fault("page-50mib-streamed", lambda s: huge(50 << 20, declare_length=False), TOO_LARGE),
    Fault("page-gzip-bomb", lambda s: gzip_bomb(), TOO_LARGE),
    Fault("page-brotli-bomb", _brotli, TOO_LARGE),
    Fault("page-redirect-loop", lambda s: redirect("/page-redirect-loop-2"),
          r"^too many redirects \(more than 10\)$"),
    Fault("page-no-text", lambda s: respond(
        200, "<html><body><nav><a href='/'>Home</a> <a href='/a'>World</a></nav>"
             "<div class='ad'></div><footer>Copyright</footer></body></html>"),
          "^no (main|article) text"),
    Fault("page-binary", _binary, r"^binary content \(text/html\), not an HTML page$"),
    Fault("page-pdf", lambda s: respond(200, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "text/html"),
          "^a PDF document, not an HTML page$"),
    Fault("page-empty", lambda s: respond(200, b""), "^empty page$"),
    Fault("page-laughs", _page_laughs, "^no (main|article) text"),
)


ACCENTED = "Le ministère de la Défense a salué « un dialogue très franc » à Paris."


@dataclass(frozen=True)
class CharsetPage:
    """A story page whose charset is wrong or missing; it must still be read and alerted.
    `meta` is the <meta charset> written in the page (None: none)."""

    name: str
    story: Story
    content_type: str
    meta: str | None
    encoding: str

    def body(self) -> bytes:
        page = page_html(self.story, "Charset Daily")
        meta = f"<meta charset='{self.meta}'>" if self.meta else ""
        page = page.replace("<meta charset='utf-8'>", meta)
        page = page.replace("</article>", f"<p>{ACCENTED}</p></article>")
        return page.encode(self.encoding)


def charset_pages() -> list[CharsetPage]:
    tales = stories(12)[4:]
    html = "text/html"
    return [
        CharsetPage("charset-declared-utf8-is-cp1252", tales[0], f"{html}; charset=utf-8",
                    None, "cp1252"),
        CharsetPage("charset-declared-latin1-is-utf8", tales[1],
                    f"{html}; charset=iso-8859-1", "utf-8", "utf-8"),
        CharsetPage("charset-missing-meta-cp1252", tales[2], html, "windows-1252", "cp1252"),
        CharsetPage("charset-missing-everywhere-utf8", tales[3], html, None, "utf-8"),
        CharsetPage("charset-unknown-name", tales[4], f"{html}; charset=x-no-such-charset",
                    None, "utf-8"),
    ]
