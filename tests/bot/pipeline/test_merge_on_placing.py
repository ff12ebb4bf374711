"""Placing a report can show that an event opened earlier is the same happening: the store
merges the two before either is alerted, so users get one alert, not two.

A report naming nobody ("the defence ministers of India and Japan spoke by phone") is
claimed first and opens an event; the ministers' readout cannot join it (naming nobody, it
could be the same pair's other call of the day), so it opens its own, which the first
would have joined had it come second: they are merged. The foreign ministers' call of the
same day stays apart. Fixture texts are written for this test.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from bot.config.options import BUNDLED_RULES, Config, EventsConfig, FetchConfig, SourceConfig
from bot.service.app import App
from tests.loopback import LoopbackServer
from watchers.canonical import entry_key

WHEN = "Tue, 22 Dec 2020 {}:00 +0530"
REPORTS = {  # guid: (hour published, headline, text)
    "nameless-0": ("18", "India and Japan defence chiefs speak by telephone",
                   "The defence ministers of India and Japan spoke by telephone on Tuesday "
                   "evening and agreed that their navies should train together more often."),
    "named-0": ("19", "Rajnath Singh and Kishi Nobuo hold telephone talks",
                "Defence Minister Rajnath Singh spoke by telephone with Japan's Defence "
                "Minister Kishi Nobuo on Tuesday. The two ministers reviewed defence "
                "cooperation between India and Japan and the logistics pact of September."),
    "fm-0": ("20", "Jaishankar and Motegi discuss the Indo-Pacific by telephone",
             "External Affairs Minister S. Jaishankar spoke by telephone with Japanese "
             "Foreign Minister Toshimitsu Motegi on Tuesday about defence and security "
             "cooperation between India and Japan."),
}


def _feed(server: LoopbackServer) -> str:
    items = []
    for guid, (hour, title, text) in REPORTS.items():
        page = (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
                f"<title>{html.escape(title)}</title></head><body><article>"
                f"<h1>{html.escape(title)}</h1><p>{html.escape(text)}</p></article></body></html>")
        url = server.add(f"/merge/{guid}.html", page)
        items.append(f"<item><title>{html.escape(title)}</title><link>{url}</link>"
                     f"<guid isPermaLink='false'>{guid}</guid>"
                     f"<pubDate>{WHEN.format(hour)}</pubDate></item>")
    feed = ("<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>W</title>"
            f"<link>{server.url('/')}</link>{''.join(items)}</channel></rss>")
    return server.add("/merge/feed.xml", feed, content_type="application/rss+xml")


async def test_a_nameless_first_report_and_the_readout_give_one_alert(
        loopback: LoopbackServer, tmp_path: Path) -> None:
    # entries of one poll are placed in key order: the report naming nobody comes first
    assert sorted(REPORTS, key=lambda g: entry_key("wire", g, "")) == list(REPORTS)
    config = Config(database=f"sqlite:///{tmp_path}/dw.db", rules=BUNDLED_RULES,
                    sources=[SourceConfig(id="wire", kind="rss", url=_feed(loopback),
                                          outlet="Wire")],
                    channels=["jsonl:alerts.jsonl"], path=tmp_path / "defwatch.yaml",
                    fetch=FetchConfig(per_host_delay=0, allow_private=True),
                    events=EventsConfig(max_age=None))
    async with App(config) as app:
        await app.cycle(everything=True)
    alerts = [json.loads(line) for line in
              (tmp_path / "alerts.jsonl").read_text(encoding="utf-8").splitlines()]
    events = {frozenset(s["url"].rsplit("/", 1)[-1] for s in a["sources"]) for a in alerts}
    assert [a["action"] for a in alerts] == ["new", "new"], alerts
    assert events == {frozenset({"nameless-0.html", "named-0.html"}), frozenset({"fm-0.html"})}
