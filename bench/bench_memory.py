"""Memory: peak RSS of a polling cycle at 1,000 sources and 100,000 stored articles.

The store is filled directly (SQLAlchemy Core inserts): articles of ~3 KB with real event
signatures, spread over 1,000 days up to today, one event each, their entries done. The
1,000 sources are RSS feeds on a loopback site in a child process; each lists ten items,
nine of them already stored; every tenth source also has a new page about a recent event,
which is fetched, extracted, matched and placed among the stored events of its days.

Reported: RSS before the App, after start-up, and the peak during one `once`-style cycle
(sampled every 5 ms from /proc), with ru_maxrss as a cross-check.

    .venv/bin/python bench/bench_memory.py [--sources 1000] [--articles 100000]
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import resource
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert

from bench.loopsite import ChildSite, Route
from bot.config.options import BUNDLED_RULES, Config, EventsConfig, FetchConfig, SourceConfig
from bot.events.cluster import signature
from bot.rules import load_ruleset
from bot.service.app import App
from bot.store import open_database
from bot.store.tables import articles, entries, events
from tests.reliability.memory import PeakRss, rss_bytes
from tests.reliability.newsgen import Story, feed_xml, page_html, stories
from watchers.models import Article

DAYS = 1000
MIB = 1 << 20


def _article(story: Story, url: str) -> Article:
    paragraphs = tuple(story.paragraphs() * 3)  # ~3 KB, like a real report
    return Article(url=url, title=story.title, text="\n\n".join(paragraphs),
                   source_id="stored", outlet="Stored Wire", published=story.published,
                   paragraphs=paragraphs)


def templates(count: int = 200) -> list[tuple[Article, dict[str, Any], dict[str, Any],
                                               tuple[str, ...]]]:
    """Real articles with their match results and signatures, to copy with new dates."""
    ruleset = load_ruleset(BUNDLED_RULES)
    out = []
    for story in stories(count):
        article = _article(story, "")
        result = ruleset.match(article)
        out.append((article, result.entities.to_json(),
                    signature(article, result.entities).to_json(), result.rule_ids))
    return out


def fill_store(url: str, total: int, feed_urls: list[str]) -> None:
    """`total` stored articles; the first len(feed_urls) have the URLs the feeds list."""
    db = open_database(url)
    now = datetime.now(UTC).replace(tzinfo=None)
    pool = templates()
    batch_e: list[dict[str, Any]] = []
    batch_a: list[dict[str, Any]] = []
    batch_v: list[dict[str, Any]] = []

    def flush() -> None:
        with db.engine.begin() as conn:
            conn.execute(insert(events), batch_v)
            conn.execute(insert(entries), batch_e)
            conn.execute(insert(articles), batch_a)
        for batch in (batch_e, batch_a, batch_v):
            batch.clear()

    for i in range(total):
        article, ents, sig, rules = pool[i % len(pool)]
        when = now - timedelta(days=i % DAYS, minutes=i % 1440)
        page = feed_urls[i] if i < len(feed_urls) else f"https://stored.example/{i}.html"
        key = hashlib.sha256(page.encode()).hexdigest()[:40]
        event_id = f"ev-stored-{i:07d}"
        batch_v.append({"id": event_id, "day": when.date(), "created_at": when,
                        "updated_at": when, "dirty": False, "alerted_at": when,
                        "alert_count": 1})
        batch_e.append({"key": key, "url": page, "source_id": "stored", "title": article.title,
                        "published": when, "summary": "", "first_seen": when,
                        "status": "done", "attempts": 1})
        batch_a.append({"url": page, "entry_key": key, "source_id": "stored",
                        "outlet": "Stored Wire", "authority": "media", "title": article.title,
                        "text": article.text, "published": when, "language": "en",
                        "fetched_at": when, "rules": list(rules), "matched": {},
                        "entities": ents, "signature": {**sig, "day": when.date().isoformat()},
                        "event_id": event_id, "alerted": True})
        if len(batch_a) >= 5000:
            flush()
    if batch_a:
        flush()
    db.close()


def site_routes(sources: int, new_every: int) -> tuple[list[Route], list[list[str]]]:
    """Feeds of ten items (relative links); returns routes and each feed's item paths."""
    recent = datetime.now(UTC) - timedelta(days=30)
    fresh = iter(stories(sources // new_every + 1, start=recent, first=50_000))
    routes: list[Route] = []
    listed: list[list[str]] = []
    old = iter(stories(sources * 9, first=100_000))
    for n in range(sources):
        items = [(next(old), f"/s{n:04d}/{k}.html") for k in range(9)]
        if n % new_every == 0:
            story = next(fresh)
            path = f"/s{n:04d}/new-{story.slug}.html"
            routes.append((path, page_html(story, f"Outlet {n}").encode(),
                           "text/html; charset=utf-8", None))
            items.insert(0, (story, path))
        routes.append((f"/s{n:04d}/feed.xml", feed_xml(f"Outlet {n}", "", items).encode(),
                       "application/rss+xml", None))
        listed.append([path for _, path in items if "/new-" not in path])
    return routes, listed


async def one_cycle(config: Config) -> tuple[int, float, PeakRss, int]:
    started = rss_bytes()
    async with App(config) as app:
        ready = rss_bytes()
        t = time.perf_counter()
        with PeakRss() as peak:
            report = await app.cycle(everything=True)
            processed = len(report.processed)
            while report.processed or report.delivered.sent:
                report = await app.cycle()
                processed += len(report.processed)
        wall = time.perf_counter() - t
    return processed, wall, peak, ready - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sources", type=int, default=1000)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--new-every", type=int, default=10)
    args = parser.parse_args()

    before = rss_bytes()
    routes, listed = site_routes(args.sources, args.new_every)
    with ChildSite(routes) as site, tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/memory.db"
        t = time.perf_counter()
        known = [site.url(p) for paths in listed for p in paths]
        fill_store(url, max(args.articles, len(known)), known)
        size = Path(f"{tmp}/memory.db").stat().st_size
        print(f"store: {max(args.articles, len(known)):,} articles ({size / MIB:.0f} MiB "
              f"SQLite) filled in {time.perf_counter() - t:.1f}s")
        config = Config(database=url, rules=BUNDLED_RULES,
                        events=EventsConfig(max_age=None),  # the fixtures are old news
                        sources=[SourceConfig(id=f"s{n:04d}", kind="rss",
                                              url=site.url(f"/s{n:04d}/feed.xml"))
                                 for n in range(args.sources)],
                        channels=[f"jsonl:{tmp}/alerts.jsonl"], path=Path(tmp) / "m.yaml",
                        fetch=FetchConfig(per_host_delay=0, per_host_concurrency=16,
                                          allow_private=True))
        base = rss_bytes()
        processed, wall, peak, startup = asyncio.run(one_cycle(config))
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(f"{args.sources:,} sources, {processed} new pages processed in {wall:.1f}s")
    print(f"RSS before the App {base / MIB:.0f} MiB (interpreter, imports, generator: "
          f"{(base - before) / MIB:+.0f} MiB); App start-up {startup / MIB:+.0f} MiB")
    print(f"peak RSS during the cycle {peak.peak / MIB:.0f} MiB "
          f"({peak.delta_mib:+.0f} MiB over the start); ru_maxrss {maxrss / MIB:.0f} MiB")


if __name__ == "__main__":
    main()
