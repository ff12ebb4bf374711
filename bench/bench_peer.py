"""defwatch against a naive sequential peer, on the same loopback corpus in one run.

The peer is what a weekend script does, in one process: fetch each feed and parse it with
feedparser, fetch each page, `trafilatura.extract()` it, test the text against keyword
lists. defwatch runs `once` (App.cycle until nothing is left) with its defaults: worker
processes, early rejection, the store (SQLite) and a jsonl channel.

Two corpora of real-size pages (bench/realpages.py, ~170 KB: heavy page chrome around our
own texts), served from a child process on 127.0.0.1:

* relevant: every labelled report of tests/corpus, at two outlets (mostly defence news),
  each dated as the report is (--one-day: all on one day, so a pair's reports pile up);
* mixed: everyday news with one page in ten relevant (plus real web pages, when a folder
  of them is beside the repository or named with --web).

Each side runs in its own child process; pages/s is pages over wall time, CPU is the
side's processes (workers included), peak RSS is the sum over its process tree sampled
every 20 ms. defwatch's CPU by stage comes from its workers' own accounting (parse,
early-rejection pass, extraction, matching); "rest" is everything else (fetch, store,
alerts, the event loop, worker hand-over). The service process's own CPU during the cycles
(start-up and workers left out) is printed too: on a loaded machine it is steadier than
wall time, and it is where placing and grouping run.

    .venv/bin/python bench/bench_peer.py [--sets relevant,mixed] [--general 216] [--copies 2]
                                         [--one-day]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.beside import WEB

if TYPE_CHECKING:
    from bench.loopsite import Route
    from bench.realpages import PageText

ROOT = Path(__file__).resolve().parents[1]
FEED_ITEMS = 20
ONE_DAY = datetime(2020, 12, 22, 10, tzinfo=UTC)  # feed date of the mixed set
# The peer's keyword lists: one per topic, a page is relevant when it names two states
# and a defence word.
STATES = ("india", "japan", "united states", "australia", "france", "philippines", "korea")
DEFENCE = ("defence", "defense", "military", "navy", "naval", "exercise", "minister")


def _feed(title: str, items: list[tuple[str, str, datetime]]) -> bytes:
    rows = "".join(f"<item><title>{t}</title><link>{u}</link><guid>{u}</guid>"
                   f"<pubDate>{format_datetime(d)}</pubDate></item>"
                   for t, u, d in items)
    return (f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
            f"<title>{title}</title>{rows}</channel></rss>").encode()


def build(name: str, args: argparse.Namespace) -> tuple[list[Route], list[str]]:
    """Routes (pages and feeds) and the feed paths of one corpus."""
    # here, not at the top: defwatch's spawned workers run this script's imports again
    # (as `__mp_main__`), and the corpus's modules are no work of theirs
    from bench.realpages import general_texts, page_html, relevant_texts

    pages: list[tuple[str, str, bytes, datetime]] = []  # path, title, body, date
    if name == "relevant":
        texts = relevant_texts()[:args.limit or None]
        for copy in range(args.copies):
            outlet = ("Daily Ledger", "Evening Courier", "Morning Star")[copy % 3]
            # each report on its own day, as a feed carries it; --one-day dates them all
            # ONE_DAY, so every report of a pair meets every same-day event of that pair
            # (the many reports of one day a Malabar edition or a 2+2 bring, made extreme)
            pages += [(f"/r{copy}/{t.slug}.html", escape(t.title),
                       page_html(t, outlet, day.isoformat()).encode(), day)
                      for t in texts
                      for day in [ONE_DAY if args.one_day else t.published or ONE_DAY]]
    else:
        relevant = relevant_texts()
        general = general_texts(args.general)
        mixed: list[PageText] = []
        for n, t in enumerate(general):
            mixed.append(t)
            if n % 9 == 8:
                mixed.append(relevant[(n // 9) % len(relevant)])
        pages += [(f"/m/{n}-{t.slug}.html", escape(t.title),
                   page_html(t, "Daily Ledger", "2024-03-01T08:00:00+00:00").encode(),
                   ONE_DAY)
                  for n, t in enumerate(mixed)]
        if args.web and Path(args.web).is_dir():
            pages += [(f"/w/{p.name}", "", p.read_bytes(), ONE_DAY)
                      for p in sorted(Path(args.web).glob("*.html"))]
    routes: list[Route] = [(p, b, "text/html; charset=utf-8", None) for p, _, b, _ in pages]
    feeds = []
    for n in range(0, len(pages), FEED_ITEMS):
        path = f"/feeds/{name}-{n // FEED_ITEMS}.xml"
        chunk = pages[n:n + FEED_ITEMS]
        routes.append((path, _feed(f"{name} {n}", [(t, f"{{base}}{p}", d) for p, t, _, d in chunk]),
                       "application/rss+xml", None))
        feeds.append(path)
    return routes, feeds


# -- the two sides, each in its own process ------------------------------------------------


def run_peer(base: str, feeds: list[str]) -> dict[str, object]:
    import feedparser
    import httpx
    import trafilatura

    stages = dict.fromkeys(("fetch", "feedparser", "extract", "keywords"), 0.0)
    pages = relevant = 0

    def timed(stage: str, fn, *a):  # type: ignore[no-untyped-def]
        t = time.process_time()
        out = fn(*a)
        stages[stage] += time.process_time() - t
        return out

    started = time.perf_counter()
    with httpx.Client() as client:
        for feed in feeds:
            body = timed("fetch", lambda u: client.get(u).content, base + feed)
            parsed = timed("feedparser", feedparser.parse, body)
            for item in parsed.entries:
                html = timed("fetch", lambda u: client.get(u).text, item.link)
                text = (timed("extract", trafilatura.extract, html) or "").lower()
                pages += 1
                relevant += timed("keywords", lambda t: sum(s in t for s in STATES) >= 2
                                  and any(d in t for d in DEFENCE), text)
    wall = time.perf_counter() - started
    return {"pages": pages, "flagged": relevant, "wall": wall, "stages": stages}


def run_defwatch(base: str, feeds: list[str], early: bool = True) -> dict[str, object]:
    from bot.config.options import BUNDLED_RULES, Config, EventsConfig, FetchConfig, SourceConfig
    from bot.pipeline.cpu_pool import CpuPool
    from bot.service.app import App

    async def go(workdir: Path) -> dict[str, object]:
        config = Config(database=f"sqlite:///{workdir}/bench.db", rules=BUNDLED_RULES,
                        sources=[SourceConfig(id=f"feed-{i}", kind="rss", url=base + path)
                                 for i, path in enumerate(feeds)],
                        channels=[f"jsonl:{workdir}/alerts.jsonl"],
                        path=workdir / "bench.yaml",
                        fetch=FetchConfig(per_host_delay=0, per_host_concurrency=16,
                                          allow_private=True),
                        # the corpus is dated 2020-2024: old news is
                        # still work to measure, as in a backtest
                        events=EventsConfig(update_every=0, max_age=None))
        started = time.perf_counter()
        pool = CpuPool(config.workers)
        if early:  # as `once` does: workers start first, while the store opens and the
            pool.start()  # feeds are fetched
        async with App(config, pool=pool) as app:
            service = _own_cpu()
            report = await app.cycle(everything=True)
            processed = list(report.processed)
            while report.processed or report.delivered.sent:  # as `once` does
                report = await app.cycle()
                processed += report.processed
            service = _own_cpu() - service
            stages = app.metrics.page_cpu_seconds()
        wall = time.perf_counter() - started
        outcomes: dict[str, int] = {}
        for p in processed:
            outcomes[p.outcome] = outcomes.get(p.outcome, 0) + 1
        return {"pages": len(processed), "outcomes": outcomes, "wall": wall,
                "stages": stages, "service": service}

    with tempfile.TemporaryDirectory() as tmp:
        return asyncio.run(go(Path(tmp)))


def _own_cpu() -> float:
    """CPU seconds of this process's threads so far (not its children's)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime


def side_main(side: str, base: str, feeds: list[str]) -> None:
    result = (run_peer(base, feeds) if side == "peer"
              else run_defwatch(base, feeds, early=side == "defwatch"))
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)  # the workers, once joined
    result["cpu"] = own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime
    print(json.dumps(result))


# -- the parent: serve, run each side, sample memory ---------------------------------------


def _tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            status = Path(f"/proc/{p}/status").read_text().splitlines()
            total += next(int(line.split()[1]) * 1024 for line in status
                          if line.startswith("VmRSS:"))
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, StopIteration):
            continue
    return total


def run_side(side: str, base: str, feeds: list[str]) -> Side:
    cmd = [sys.executable, __file__, "--side", side, "--base", base, "--feeds", *feeds]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.wait(0.02):
            peak = max(peak, _tree_rss(proc.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = proc.communicate()
    done.set()
    sampler.join()
    if proc.returncode:
        raise SystemExit(f"{side} failed with exit code {proc.returncode}")
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    result["peak_rss"] = peak
    return Side.of(result)


@dataclass(frozen=True)
class Side:
    """One side's figures, as its child process printed them."""

    pages: int
    wall: float
    cpu: float
    peak_rss: int
    stages: dict[str, float]
    outcomes: dict[str, int]
    flagged: int
    service: float  # defwatch: its service process's CPU during the cycles (no workers)

    @classmethod
    def of(cls, r: dict[str, Any]) -> Side:
        return cls(int(r["pages"]), float(r["wall"]), float(r["cpu"]), int(r["peak_rss"]),
                   dict(r["stages"]), dict(r.get("outcomes", {})), int(r.get("flagged", 0)),
                   float(r.get("service", 0.0)))

    @property
    def rate(self) -> float:
        return self.pages / self.wall


def report(name: str, pages: int, peer: Side, ours: Side) -> None:
    print(f"\n{name}: {pages} pages")
    print(f"  {'':<10} {'pages/s':>8} {'wall s':>7} {'CPU s':>7} {'ms CPU/page':>12} "
          f"{'peak RSS':>9}")
    for label, r in (("peer", peer), ("defwatch", ours)):
        print(f"  {label:<10} {r.rate:8.1f} {r.wall:7.2f} {r.cpu:7.2f} "
              f"{r.cpu / r.pages * 1000:12.1f} {r.peak_rss / 2 ** 20:6.0f} MiB")
    for label, r in (("peer", peer), ("defwatch", ours)):
        rest = r.cpu - sum(r.stages.values())
        parts = [f"{k} {v / r.pages * 1000:.1f}" for k, v in r.stages.items()]
        print(f"  {label} CPU ms/page by stage: {', '.join(parts)}, "
              f"rest {rest / r.pages * 1000:.1f}")
    print(f"  defwatch outcomes: {ours.outcomes}; peer flagged {peer.flagged}")
    # steadier than wall time on a shared machine: the one process that does the I/O,
    # the store and grouping, without start-up and without the workers
    print(f"  defwatch service process during the cycles: "
          f"{ours.service / ours.pages * 1000:.1f} ms CPU/page")
    print(f"  ratio: defwatch {ours.rate / peer.rate:.2f}x the peer's pages/s")
    # what bare trafilatura.extract() manages on every core: the peer's extract stage
    cores = os.cpu_count() or 1
    bare = cores / (peer.stages["extract"] / peer.pages)
    print(f"  bare trafilatura.extract() on {cores} cores: {bare:.1f} pages/s; defwatch "
          f"{ours.rate / bare:.0%} of it")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sets", default="relevant,mixed")
    parser.add_argument("--general", type=int, default=216,
                        help="everyday pages in the mixed corpus")
    parser.add_argument("--limit", type=int, default=0,
                        help="at most this many reports in the relevant corpus (0: all)")
    parser.add_argument("--copies", type=int, default=2,
                        help="outlets serving each relevant report")
    parser.add_argument("--one-day", action="store_true",
                        help="date every relevant page ONE_DAY (in the feed and the page)")
    parser.add_argument("--web", default=str(WEB),
                        help="a folder of real web pages to add to the mixed corpus")
    parser.add_argument("--only", choices=("peer", "defwatch", "defwatch-lazy"),
                        help="serve the corpus and run one side in this process (to time "
                             "the two as whole commands; defwatch-lazy: its workers start "
                             "with the first page, not with the run)")
    parser.add_argument("--side", choices=("peer", "defwatch"), help=argparse.SUPPRESS)
    parser.add_argument("--base", help=argparse.SUPPRESS)
    parser.add_argument("--feeds", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.side:
        side_main(args.side, args.base, args.feeds)
        return
    from bench.loopsite import ChildSite

    print(f"machine: {os.cpu_count()} cores; defwatch workers: default (= cores)")
    for name in args.sets.split(","):
        routes, feeds = build(name, args)
        with ChildSite([]) as site:
            base = site.url("")
            for path, body, kind, etag in routes:
                site.put(path, body.replace(b"{base}", base.encode()), content_type=kind,
                         etag=etag)
            pages = sum(1 for r in routes if r[2].startswith("text/html"))
            size = sum(len(r[1]) for r in routes if r[2].startswith("text/html")) / pages
            print(f"{name}: {pages} pages of {size / 1024:.0f} KB on average in "
                  f"{len(feeds)} feeds", flush=True)
            if args.only:
                side_main(args.only, base, feeds)
                continue
            peer = run_side("peer", base, feeds)
            ours = run_side("defwatch", base, feeds)
        report(name, pages, peer, ours)


if __name__ == "__main__":
    main()
