"""canonical_url and entry_key: one spelling per article, one key per entry."""

from __future__ import annotations

import pytest

from watchers.canonical import canonical_url, entry_key


@pytest.mark.parametrize(("url", "base", "expected"), [
    # whitespace around links, as pretty-printed feeds carry them
    ("\n            https://example.com/a/b.cms ", None, "https://example.com/a/b.cms"),
    # scheme and host are case-insensitive; the path is not
    ("HTTPS://Example.COM/News/Item", None, "https://example.com/News/Item"),
    # default ports go, others stay
    ("http://example.com:80/x", None, "http://example.com/x"),
    ("https://example.com:443/x", None, "https://example.com/x"),
    ("http://127.0.0.1:8787/x", None, "http://127.0.0.1:8787/x"),
    # fragments never name a different document
    ("https://example.com/x#comments", None, "https://example.com/x"),
    # an empty path is the root
    ("https://example.com", None, "https://example.com/"),
    # tracking parameters go, the others stay in their order and encoding
    ("https://example.com/x?utm_source=tw&id=7&utm_medium=social&q=a%20b+c",
     None, "https://example.com/x?id=7&q=a%20b+c"),
    ("https://example.com/x?fbclid=abc&gclid=1&mc_cid=2&mc_eid=3&ref=home&cmpid=4&ocid=5",
     None, "https://example.com/x"),
    ("https://example.com/x?UTM_Campaign=z&page=2", None, "https://example.com/x?page=2"),
    ("https://example.com/RSS.ashx?ContentType=1&Site=945&max=10", None,
     "https://example.com/RSS.ashx?ContentType=1&Site=945&max=10"),
    # parameters that merely start like a tracker are kept
    ("https://example.com/x?reference=9&refine=1", None,
     "https://example.com/x?reference=9&refine=1"),
    # relative links resolve against the feed's (final) URL
    ("/news/item-1.html", "http://127.0.0.1:9/feeds/main.xml", "http://127.0.0.1:9/news/item-1.html"),
    ("item-2.html", "https://example.com/feeds/main.xml", "https://example.com/feeds/item-2.html"),
    ("  //cdn.example.com/a ", "https://example.com/", "https://cdn.example.com/a"),
    # absolute links ignore the base
    ("https://other.example/a", "https://example.com/", "https://other.example/a"),
    # other schemes are left alone (apart from the fragment)
    ("mailto:desk@example.com", None, "mailto:desk@example.com"),
])
def test_canonical_url(url: str, base: str | None, expected: str) -> None:
    assert canonical_url(url, base) == expected


def test_canonical_url_is_idempotent() -> None:
    once = canonical_url(" HTTP://Example.com:80/a?utm_x=1&b=2#top ")
    assert canonical_url(once) == once == "http://example.com/a?b=2"


def test_entry_key_is_short_stable_hex() -> None:
    key = entry_key("pib", "article-68888818", "https://example.com/a")
    assert len(key) == 16
    assert int(key, 16) >= 0
    assert key == entry_key("pib", "article-68888818", "https://example.com/a")


def test_entry_key_of_an_opaque_guid_is_scoped_by_source() -> None:
    # the same opaque id in two feeds names two different articles
    assert entry_key("a", "article-1", "https://x.example/1") != entry_key(
        "b", "article-1", "https://x.example/1")
    # and a changed link does not make it a new entry
    assert entry_key("a", "article-1", "https://x.example/1") == entry_key(
        "a", "article-1", "https://x.example/1?utm_source=rss")


@pytest.mark.parametrize("guid", [None, "", "  ", "https://example.com/a"])
def test_entry_key_without_a_real_guid_is_the_canonical_url(guid: str | None) -> None:
    # the same article seen through two sources gets the same key
    assert entry_key("a", guid, "https://Example.com/a?utm_source=x") == entry_key(
        "b", None, "https://example.com/a")


def test_entry_key_separates_different_urls() -> None:
    assert entry_key("a", None, "https://example.com/a") != entry_key(
        "a", None, "https://example.com/b")
