"""Time to alert: from a page appearing in a loopback feed to its message reaching the fake
Telegram Bot API, for a source polled every 60 s.

1. Pipeline after the poll (measured): the page and its feed entry appear, a cycle polls,
   fetches, extracts, matches, clusters, alerts and posts; the fake records the arrival.
2. Waiting for the poll (modelled): the page appears at a uniformly random moment of
   the source's poll period P, so the wait is U(0, P). `run` starts a poll when its source
   falls due (a poll sets next_due = poll end + interval), so a 60 s interval polls every
   60 s; adaptive pacing (bot/pipeline/pacing.py) shortens it to 15 s while a source has
   news and never stretches it beyond the interval unless the source opts in with
   `max_interval`. Latency = wait + pipeline, by Monte Carlo over the measured pipeline.
3. With --run-minutes N (the full run), `defwatch run` itself with a quiet source
   (`--interval`, default 30 s; a page every 2 to 4 intervals, at random moments):
   measured end to end.

    .venv/bin/python bench/bench_latency.py [--samples 20] [--run-minutes 8 --interval 30]
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.loopsite import ChildSite
from bot.config.options import (
    BUNDLED_RULES,
    Config,
    EventsConfig,
    FetchConfig,
    SourceConfig,
    TelegramConfig,
)
from bot.service.app import App
from tests.fakes.telegram_api import FakeTelegram
from tests.reliability.newsgen import Story, feed_xml, page_html, stories

CHAT = "@latency_watch"
INTERVAL_S = 60.0
PROJECT = Path(__file__).resolve().parents[1]


class Feed:
    """One outlet's feed on the child site; `publish` adds a story and returns when."""

    def __init__(self, site: ChildSite) -> None:
        self.site = site
        self.items: list[tuple[Story, str]] = []
        self.url = site.put("/feed.xml", self._xml(), content_type="application/rss+xml")

    def _xml(self) -> str:
        return feed_xml("Latency Post", self.site.url("/"), self.items)

    def publish(self, story: Story) -> tuple[str, float]:
        url = self.site.put(f"/{story.slug}.html", page_html(story, "Latency Post"),
                            content_type="text/html; charset=utf-8")
        self.items.insert(0, (story, url))
        self.site.put("/feed.xml", self._xml(), content_type="application/rss+xml",
                      etag=f'"v{len(self.items)}"')
        return url, time.monotonic()


def arrival(api: FakeTelegram, url: str) -> float | None:
    for call in api.calls_to("sendMessage"):
        if call.status == 200 and url in str(call.params.get("text", "")):
            return call.at
    return None


async def pipeline_samples(count: int) -> list[float]:
    """Seconds from a page appearing to its Telegram message, when the poll follows."""
    out: list[float] = []
    with ChildSite([]) as site, FakeTelegram() as api, tempfile.TemporaryDirectory() as tmp:
        feed = Feed(site)
        config = Config(database=f"sqlite:///{tmp}/latency.db", rules=BUNDLED_RULES,
                        events=EventsConfig(max_age=None),  # the fixtures are old news
                        sources=[SourceConfig(id="latency", kind="rss", url=feed.url,
                                              interval=INTERVAL_S)],
                        channels=[f"telegram:{CHAT}"], path=Path(tmp) / "latency.yaml",
                        fetch=FetchConfig(per_host_delay=0, allow_private=True),
                        telegram=TelegramConfig(token=api.token, base_url=api.base_url))
        async with App(config) as app:
            await app.cycle(everything=True)  # the empty feed: first poll, robots.txt
            for story in stories(count):
                await asyncio.sleep(1.0)  # Telegram's one message a second per chat
                url, appeared = feed.publish(story)
                await app.cycle(everything=True)
                arrived = arrival(api, url)
                if arrived is None:
                    raise SystemExit(f"no Telegram message for {url}")
                out.append(arrived - appeared)
    return out


def period(interval_s: float) -> float:
    """How often `run` polls a source: when it falls due, poll end + interval."""
    return interval_s


def percentiles(values: list[float]) -> tuple[float, float]:
    ordered = sorted(values)
    return (ordered[len(ordered) // 2], ordered[min(len(ordered) - 1,
                                                    int(0.95 * len(ordered)))])


def model(pipeline: list[float], poll_period: float, draws: int = 200_000) -> tuple[float, float]:
    rng = random.Random(7)
    return percentiles([rng.uniform(0, poll_period) + rng.choice(pipeline)
                        for _ in range(draws)])


def run_service(minutes: float, interval: float) -> list[float]:
    """`defwatch run` with a quiet source; pages appear at random moments, rarely."""
    rng = random.Random(11)
    out: list[float] = []
    with ChildSite([]) as site, FakeTelegram() as api, tempfile.TemporaryDirectory() as tmp:
        feed = Feed(site)
        config = Path(tmp) / "defwatch.yaml"
        config.write_text(
            f"database: sqlite:///{tmp}/run.db\nrules: {BUNDLED_RULES}\n"
            f"sources:\n  - {{id: latency, kind: rss, url: '{feed.url}', "
            f"interval: {interval:g}s}}\n"
            f"channels: ['telegram:{CHAT}']\nhttp: {{listen: 'off'}}\n"
            "fetch: {per_host_delay: 0s, allow_private: true}\n"
            "events: {max_age: 'off'}\n",  # the generated stories are dated 2006 on
            encoding="utf-8")
        env = {**os.environ, "TELEGRAM_BOT_TOKEN": api.token,
               "TELEGRAM_API_BASE_URL": api.base_url, "PYTHONPATH": str(PROJECT)}
        with (Path(tmp) / "run.log").open("wb") as log:
            proc = subprocess.Popen([sys.executable, "-m", "bot.cli", "run", "-c", str(config)],
                                    env=env, stdout=log, stderr=log, cwd=tmp)
        try:
            time.sleep(15)  # start-up and the first poll of the empty feed
            published: list[tuple[str, float]] = []
            deadline = time.monotonic() + minutes * 60
            for story in stories(1000):
                pause = rng.uniform(2 * interval, 4 * interval)  # quiet between pages
                if time.monotonic() + pause > deadline:
                    break
                time.sleep(pause)
                published.append(feed.publish(story))
            time.sleep(2 * interval + 10)  # the last one
            for url, appeared in published:
                arrived = arrival(api, url)
                out.append(float("inf") if arrived is None else arrived - appeared)
            if not any(math.isfinite(x) for x in out):  # say why, before tmp is gone
                print((Path(tmp) / "run.log").read_text(errors="replace")[-2000:])
        finally:
            proc.terminate()
            proc.wait(30)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--samples", type=int, default=20)
    parser.add_argument("--run-minutes", type=float, default=0.0)
    parser.add_argument("--interval", type=float, default=30.0,
                        help="the source's interval in the full run (seconds)")
    args = parser.parse_args()

    pipeline = asyncio.run(pipeline_samples(args.samples))
    p50, p95 = percentiles(pipeline)
    print(f"pipeline after the poll ({len(pipeline)} samples): p50 {p50:.2f}s  p95 {p95:.2f}s"
          f"  mean {statistics.fmean(pipeline):.2f}s  max {max(pipeline):.2f}s")
    print(f"time to alert, interval {INTERVAL_S:.0f}s (model: "
          "U(0, poll period) + measured pipeline):")
    for label, interval in (("steady (60 s)", INTERVAL_S),
                            ("busy source (x1/4)", INTERVAL_S / 4),
                            ("quiet source", INTERVAL_S),
                            ("quiet, max_interval 4x", INTERVAL_S * 4)):
        p = period(interval)
        m50, m95 = model(pipeline, p)
        print(f"  {label:<20} polled every {p:>4.0f}s: p50 {m50:6.1f}s  p95 {m95:6.1f}s")
    if args.run_minutes:
        measured = run_service(args.run_minutes, args.interval)
        lost = sum(math.isinf(x) for x in measured)
        seen = [x for x in measured if not math.isinf(x)]
        if seen:
            r50, r95 = percentiles(seen)
            print(f"`defwatch run`, quiet source, interval {args.interval:g}s, "
                  f"{args.run_minutes:g} min, {len(seen)} pages: p50 {r50:.1f}s  "
                  f"p95 {r95:.1f}s  max {max(seen):.1f}s  never arrived: {lost}")
        else:
            print(f"`defwatch run`: no page arrived ({lost} published)")


if __name__ == "__main__":
    main()
