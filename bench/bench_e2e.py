"""End to end on a loopback corpus: articles per second per core through the whole pipeline
(poll feeds, fetch pages, extract, match, cluster, alert, deliver to jsonl), beside bare
baselines over the same pages, so defwatch's overhead is visible as a ratio:

* bare fetch: the same pages downloaded with one httpx client, nothing else;
* bare trafilatura: trafilatura.extract() of each page, already in memory;
* keyword filter: a lower-cased substring test for a few defence words;
* defwatch's own extract() and RuleSet.match(), timed alone.

CPU time is the process's (all threads); the site is served from a child process so
its work is not counted. "per core" = articles / CPU seconds.

    .venv/bin/python bench/bench_e2e.py [--articles 1000] [--chrome 20] [--feeds 10]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx
import trafilatura

from bench.loopsite import ChildSite, news_routes
from bot.config.options import BUNDLED_RULES, Config, EventsConfig, FetchConfig, SourceConfig
from bot.rules import load_ruleset
from bot.service.app import App
from watchers.models import Response, Source
from watchers.page.extract import extract

KEYWORDS = ("defence", "defense", "military", "navy", "minister", "exercise")


class Timer:
    def __init__(self) -> None:
        self.cpu = self.wall = 0.0

    def __enter__(self) -> Timer:
        self._cpu, self._wall = time.process_time(), time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.cpu = time.process_time() - self._cpu
        self.wall = time.perf_counter() - self._wall


async def run_defwatch(site: ChildSite, feeds: list[str], workdir: Path) -> tuple[int, Timer]:
    config = Config(database=f"sqlite:///{workdir}/bench.db", rules=BUNDLED_RULES,
                    sources=[SourceConfig(id=f"feed-{i}", kind="rss", url=site.url(path))
                             for i, path in enumerate(feeds)],
                    channels=[f"jsonl:{workdir}/alerts.jsonl"], path=workdir / "bench.yaml",
                    fetch=FetchConfig(per_host_delay=0, per_host_concurrency=16,
                                      allow_private=True),
                    events=EventsConfig(update_every=0, max_age=None))
    async with App(config) as app:
        processed = 0
        with Timer() as timer:
            report = await app.cycle(everything=True)
            processed += len(report.processed)
            while report.processed or report.delivered.sent:  # as `once` does
                report = await app.cycle()
                processed += len(report.processed)
    return processed, timer


async def bare_fetch(urls: list[str], concurrency: int = 16) -> Timer:
    slots = asyncio.Semaphore(concurrency)
    async with httpx.AsyncClient() as client:
        async def one(url: str) -> None:
            async with slots:
                (await client.get(url)).raise_for_status()
        with Timer() as timer:
            await asyncio.gather(*(one(u) for u in urls))
    return timer


def timed(fn: Callable[[], object]) -> Timer:
    with Timer() as timer:
        fn()
    return timer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--chrome", type=int, default=20, help="page chrome multiplier")
    parser.add_argument("--feeds", type=int, default=10)
    args = parser.parse_args()

    routes, feeds = news_routes("", args.articles, feeds=args.feeds, chrome=args.chrome)
    pages = [(path, body) for path, body, kind, _ in routes if kind.startswith("text/html")]
    size = sum(len(b) for _, b in pages) / len(pages)
    print(f"corpus: {len(pages)} articles in {len(feeds)} feeds, pages {size / 1024:.1f} KB "
          f"on average (chrome x{args.chrome})")

    with ChildSite(routes) as site, tempfile.TemporaryDirectory() as tmp:
        processed, pipeline = asyncio.run(run_defwatch(site, feeds, Path(tmp)))
        fetched = asyncio.run(bare_fetch([site.url(p) for p, _ in pages]))
    assert processed == len(pages), f"processed {processed} of {len(pages)}"

    source = Source(id="bench", kind="rss", url="http://127.0.0.1/", outlet="Bench")
    responses = [Response(url=f"http://127.0.0.1{p}", status=200, body=b,
                          content_type="text/html", charset="utf-8") for p, b in pages]
    texts = [b.decode() for _, b in pages]
    bare = timed(lambda: [trafilatura.extract(t) for t in texts])
    ours: list[object] = []
    now = datetime.now(UTC)
    own_extract = timed(lambda: ours.extend(extract(r, source, now=now) for r in responses))
    ruleset = load_ruleset(BUNDLED_RULES)
    articles = [a for a in ours if not isinstance(a, Exception)]
    matching = timed(lambda: [ruleset.match(a) for a in articles])  # type: ignore[arg-type]
    extracted = [trafilatura.extract(t) or "" for t in texts]
    keyword = timed(lambda: [any(k in t.lower() for k in KEYWORDS) for t in extracted])

    n = len(pages)
    rows = [
        ("defwatch end to end", pipeline),
        ("  bare fetch (httpx)", fetched),
        ("  bare trafilatura.extract", bare),
        ("  defwatch extract()", own_extract),
        ("  RuleSet.match (8 rules)", matching),
        ("  keyword filter", keyword),
    ]
    print(f"{'stage':<30} {'ms CPU/article':>15} {'articles/s/core':>16} {'wall s':>8} "
          f"{'x trafilatura':>14}")
    for name, t in rows:
        per = t.cpu / n * 1000
        rate = n / t.cpu if t.cpu else float("inf")
        print(f"{name:<30} {per:>15.2f} {rate:>16.1f} {t.wall:>8.2f} "
              f"{t.cpu / bare.cpu:>14.2f}")
    cores = pipeline.cpu / pipeline.wall if pipeline.wall else 0.0
    print(f"defwatch: {n / pipeline.cpu:.1f} articles/s per core (target >= 25), "
          f"{n / pipeline.wall:.1f} articles/s wall using {cores:.2f} cores")


if __name__ == "__main__":
    main()
