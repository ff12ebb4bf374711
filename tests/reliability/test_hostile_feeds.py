"""Feeds and pages written to hurt: one bad entry costs that entry only, and text the
publisher controls is read in linear time however it repeats (no regex that scans the rest
of a body from every position it could start at).

The bounded-work tests give inputs whose quadratic cost was minutes to hours a generous
CPU-time guard, far above what the linear code needs even on a loaded machine.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.config.options import BUNDLED_RULES, Config, FetchConfig, SourceConfig
from bot.service.app import App
from tests.loopback import LoopbackServer
from watchers.errors import FeedError
from watchers.models import Response, Source
from watchers.page.headline import MAX_TITLE_CHARS, strip_outlet_suffix, strip_site_name
from watchers.sources import rss
from watchers.sources.rss import parse_feed, plain_text, strip_internal_subset

SOURCE = Source(id="hostile", kind="rss", url="http://feeds.example/rss")
GUARD_S = 20.0  # CPU seconds; the quadratic versions took hours on these inputs


def feed(*titles: str) -> bytes:
    items = "".join(f"<item><title>{t}</title><link>http://feeds.example/{i}</link></item>"
                    for i, t in enumerate(titles))
    return (f"<?xml version='1.0'?><rss version='2.0'><channel><title>T</title>{items}"
            "</channel></rss>").encode()


def parse(body: bytes) -> rss.ParsedFeed:
    return rss.read_feed(Response(url=SOURCE.url, status=200, body=body,
                                  content_type="application/rss+xml"), SOURCE)


@pytest.mark.parametrize(("fragment", "text"), [
    ("x<br>y&#1;z", "x y z"), ("x<br>y\x01z", "x y z"), ("<p>a\x0bb</p>\x7f", "a b"),
    ("x&lt;br&gt;y&amp;#1;z", "x yz"), ("a\x85b <i>c</i>\x9f", "a b c")])
def test_markup_followed_by_a_control_character_becomes_text(fragment: str, text: str) -> None:
    assert plain_text(fragment) == text


def test_a_hostile_title_costs_nothing_and_neighbours_stay() -> None:
    entries = parse_feed(Response(url=SOURCE.url, status=200,
                                  body=feed("First", "x&lt;br&gt;y&amp;#1;z", "Third"),
                                  content_type="application/rss+xml"), SOURCE)
    assert [e.title for e in entries] == ["First", "x y z", "Third"]


@pytest.fixture
def poisoned(monkeypatch: pytest.MonkeyPatch) -> None:
    """Entry text holding 'poison' makes the parser raise, as a future bug might."""
    real = rss.plain_text

    def breaks_on_poison(fragment: str) -> str:
        if "poison" in fragment:
            raise ValueError("a parser refused this text")
        return real(fragment)

    monkeypatch.setattr(rss, "plain_text", breaks_on_poison)


@pytest.mark.usefixtures("poisoned")
def test_an_entry_that_cannot_be_read_is_skipped_logged_and_counted(
        caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="watchers.sources.rss"):
        parsed = parse(feed("First", "poison", "Third"))
    assert [e.title for e in parsed.entries] == ["First", "Third"]
    assert parsed.skipped == 1
    [record] = [r for r in caplog.records if "entry skipped" in r.getMessage()]
    assert "source=hostile" in record.getMessage() and "ValueError" in record.getMessage()


@pytest.mark.usefixtures("poisoned")
def test_every_entry_unreadable_is_counted_not_raised() -> None:
    parsed = parse(feed("poison a", "poison b"))
    assert parsed.entries == () and parsed.skipped == 2


def cpu(call: Callable[..., object], *args: object) -> float:
    started = time.process_time()
    call(*args)
    return time.process_time() - started


@pytest.mark.parametrize("body", [
    b"<!DOCTYPE x [" * 200_000,  # 2.6 MB of subsets that never close
    b"<!DOCTYPE" * 300_000,  # no '[' and no '>' at all
    b"<!DOCTYPE x [" + b"]   " * 500_000,  # ']' never followed by '>'
])
def test_the_internal_subset_is_found_in_linear_time(body: bytes) -> None:
    assert cpu(strip_internal_subset, body) < GUARD_S
    assert strip_internal_subset(body) == body  # nothing closes: nothing to strip


@pytest.mark.parametrize(("body", "kept"), [
    (b"<?xml version='1.0'?><!DOCTYPE rss [<!ENTITY a 'b'>]><rss/>",
     b"<?xml version='1.0'?><rss/>"),
    (b"<!doctype rss [ <!ENTITY a ']'> ] \n><rss/>", b"<rss/>"),
    (b"<!DOCTYPE rss PUBLIC 'x' 'y'><rss/>", b"<!DOCTYPE rss PUBLIC 'x' 'y'><rss/>"),
    (b"<!DOCTYPE a><!DOCTYPE b [<!ENTITY c 'd'>]><rss/>", b"<!DOCTYPE a><rss/>"),
    (b"<!DOCTYPE a [<!DOCTYPE b [ x ]><rss/>", b"<rss/>"),
])
def test_the_internal_subset_goes_and_nothing_else(body: bytes, kept: bytes) -> None:
    assert strip_internal_subset(body) == kept


def test_a_feed_of_unclosed_subsets_is_refused_quickly() -> None:
    body = b"<?xml version='1.0'?>" + b"<!DOCTYPE x [" * 150_000
    started = time.process_time()
    with pytest.raises(FeedError):
        parse(body)
    assert time.process_time() - started < GUARD_S


@pytest.mark.parametrize("title", [
    "one two three | " * 20_000,  # every bar a candidate suffix
    "a" + " " * 300_000 + "b",
    "Talks held - " * 30_000,
])
def test_page_titles_are_cleaned_in_linear_time(title: str) -> None:
    assert cpu(lambda: strip_site_name(title, ("Outlet",))) < GUARD_S
    assert len(strip_site_name(title, ("Outlet",))) <= MAX_TITLE_CHARS


def test_a_title_keeps_its_suffix_rules() -> None:
    assert strip_site_name("India and Japan agree on logistics | Outlet",
                           ("Outlet",)) == "India and Japan agree on logistics"
    assert strip_site_name("Talks in Delhi - India News | Outlet | Home",
                           ("Outlet",)) == "Talks in Delhi - India News"
    assert strip_outlet_suffix("India and Japan agree on a logistics pact | The Outlet"
                               ) == "India and Japan agree on a logistics pact"


def test_an_outlet_suffix_is_found_in_linear_time() -> None:
    title = "India and Japan agree on a pact" + " " * 300_000 + "x"
    assert cpu(strip_outlet_suffix, title) < GUARD_S


@pytest.mark.usefixtures("poisoned")
async def test_a_skipped_entry_is_counted_per_source_and_the_rest_poll(
        loopback: LoopbackServer, tmp_path: Path) -> None:
    items = "".join(f"<item><title>{t}</title><link>{loopback.url(f'/{t}.html')}</link></item>"
                    for t in ("first", "poison", "third"))
    url = loopback.add("/feed.xml", f"<rss version='2.0'><channel>{items}</channel></rss>",
                       content_type="application/rss+xml")
    config = Config(database=f"sqlite:///{tmp_path}/dw.db", rules=BUNDLED_RULES,
                    sources=[SourceConfig(id="hostile", kind="rss", url=url)],
                    channels=["jsonl:alerts.jsonl"], path=tmp_path / "defwatch.yaml",
                    fetch=FetchConfig(per_host_delay=0, allow_private=True))
    async with App(config) as app:
        [poll] = await app.poller.poll_due(everything=True)
        exposition = app.metrics.exposition().decode()
    assert poll.status == "ok" and poll.new_entries == 2
    assert 'defwatch_items_skipped_total{source="hostile"} 1.0' in exposition
