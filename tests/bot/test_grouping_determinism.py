"""The same pages give the same events whatever order the feed lists them in.

Reports of labelled dev events (and a few hard negatives) are served as article pages of
one loopback RSS feed and run through the whole pipeline (poll, fetch, extract, match,
group, alert) five times, each time with the feed's items in another seeded order, another
number of parallel fetches and a fresh database. Every run must end with the same events:
the same pages in each, the same topics for each. (Entries are claimed by key, not in feed
order, and placed in claim order: see bot/pipeline/process.py.)
"""

from __future__ import annotations

import html
import json
import random
from pathlib import Path
from typing import Any

from bench.corpus import Labelled
from bot.config.options import BUNDLED_RULES, Config, EventsConfig, FetchConfig, SourceConfig
from bot.service.app import App
from tests.loopback import LoopbackServer

RUNS = 5
EVENTS = 30
NEGATIVES = 10

Events = frozenset[tuple[frozenset[str], tuple[str, ...]]]


def _page(item: Labelled) -> str:
    a = item.article
    stamp = a.published.isoformat() if a.published else ""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in a.paragraphs)
    return (f"<!DOCTYPE html><html lang='{item.lang}'><head><meta charset='utf-8'>"
            f"<title>{html.escape(a.title)}</title>"
            f"<meta property='article:published_time' content='{stamp}'></head><body>"
            f"<article><h1>{html.escape(a.title)}</h1>{body}</article></body></html>")


def _feed(server: LoopbackServer, items: list[Labelled], seed: int) -> str:
    order = list(items)
    random.Random(seed).shuffle(order)
    entries = []
    for item in order:
        url = server.add(f"/news/{item.id}.html", _page(item))  # the same pages every run
        when = item.article.published
        date = when.strftime("%a, %d %b %Y %H:%M:%S %z") if when else ""
        entries.append(f"<item><title>{html.escape(item.article.title)}</title><link>{url}</link>"
                       f"<guid isPermaLink='false'>{item.id}</guid><pubDate>{date}</pubDate>"
                       "</item>")
    feed = ("<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
            f"<title>Corpus</title><link>{server.url('/')}</link>{''.join(entries)}"
            "</channel></rss>")
    return server.add(f"/feed-{seed}.xml", feed, content_type="application/rss+xml")


def _events(path: Path) -> Events:
    latest: dict[str, dict[str, Any]] = {}  # an event's last alert lists all its sources
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            alert = json.loads(line)
            latest[alert["event_id"]] = alert
    out: set[tuple[frozenset[str], tuple[str, ...]]] = set()
    for alert in latest.values():
        pages = frozenset(str(s["url"]).rsplit("/", 1)[-1] for s in alert["sources"])
        out.add((pages, tuple(alert["rules"])))
    return frozenset(out)


def _sample(corpus: list[Labelled]) -> list[Labelled]:
    events = sorted({i.event for i in corpus if i.event})[:EVENTS]
    negatives = [i for i in corpus if not i.event][:NEGATIVES]
    return [i for i in corpus if i.event in events] + negatives


async def test_shuffled_feeds_give_the_same_events(loopback: LoopbackServer, tmp_path: Path,
                                                   corpus: list[Labelled]) -> None:
    items = _sample(corpus)
    runs = []
    for seed in range(RUNS):
        root = tmp_path / f"run{seed}"
        root.mkdir()
        config = Config(database=f"sqlite:///{root}/dw.db", rules=BUNDLED_RULES,
                        sources=[SourceConfig(id="corpus", kind="rss",
                                              url=_feed(loopback, items, seed), outlet="Corpus")],
                        channels=["jsonl:alerts.jsonl"], path=root / "defwatch.yaml",
                        fetch=FetchConfig(per_host_delay=0, per_host_concurrency=1 + seed,
                                          allow_private=True),
                        events=EventsConfig(max_age=None))  # the corpus is old news
        async with App(config) as app:
            await app.cycle(everything=True)
        runs.append(_events(root / "alerts.jsonl"))
    assert runs[0], "the sample alerted nothing"
    for seed, events in enumerate(runs[1:], start=1):
        differ = sorted(f"{sorted(pages)} {rules}" for pages, rules in events ^ runs[0])
        assert events == runs[0], f"run {seed} differs from run 0: {differ}"
