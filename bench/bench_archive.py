"""Answer times of the web archive over HTTP at N archived events (default 100,000).

Builds a SQLite store of N alerted events through the archive's own write path
(`bot.store.archive.record`, as the Alerter calls it): synthetic titles, summaries and
sources from a fixed-seed vocabulary, 2-4 of 12 topics, a country pair of 12, dates over
ten years. Then it serves the archive on 127.0.0.1 (bot.ops.http + bot.web, as `run`
does) and times whole HTTP answers at a client (wall), and the CPU time of each answer in
its handler thread (which the machine's other load barely moves): timeline pages
(unfiltered, by topic, by country, by date range, a deep page) and searches (a rare word,
a common word, two words, a search within a topic), each kind R times in turn, plus
/api/events and the feeds. Reports p50 / p95 / max per kind and over all timeline and all
search requests. `--database FILE` keeps the filled store (and reuses it when it exists).

    .venv/bin/python bench/bench_archive.py [--events 100000] [--repeat 30] [--database F]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx
from sqlalchemy import insert

from bot.ops.http import Request, Response
from bot.store import Database, open_database
from bot.store import archive as archive_rows
from bot.store.tables import alerts, events
from bot.web import ArchiveSite
from tests.bot.web.archive import serving_app

TOPICS = ["india-japan", "india-us", "japan-australia", "acsa", "malabar", "jimex", "raa",
          "bilateral-defence", "us-philippines", "uk-japan", "france-india", "korea-japan"]
COUNTRIES = ["India", "Japan", "United States", "Australia", "France", "United Kingdom",
             "Philippines", "South Korea", "Singapore", "Indonesia", "Vietnam", "Germany"]
OUTLETS = ["Harbour Daily", "Pacific Wire", "Ministry of Defence", "Capital Times",
           "Eastern Herald", "Strait Post"]
KINDS = ["holds talks with", "signs logistics pact with", "begins naval drill with",
         "hosts defence dialogue with", "agrees to share supplies with"]
START = date(2016, 1, 1)
BATCH = 2000


def _vocabulary(rng: random.Random, n: int = 6000) -> list[str]:
    syllables = ["ka", "ri", "to", "me", "sa", "na", "lo", "vi", "de", "po", "ru", "shi",
                 "ta", "ne", "mo", "ga", "zu", "li", "fa", "bo"]
    return sorted({"".join(rng.choices(syllables, k=rng.randint(2, 4))) for _ in range(n)})


def _payload(rng: random.Random, vocab: list[str], i: int) -> tuple[dict[str, Any], date]:
    day = START + timedelta(days=rng.randrange(3650))
    pair = rng.sample(COUNTRIES, 2)
    words = " ".join(rng.choices(vocab, k=6))
    title = f"{pair[0]} {rng.choice(KINDS)} {pair[1]}: {words}"
    summary = " ".join(rng.choices(vocab, k=40)) + "."
    rules = sorted(rng.sample(TOPICS, rng.randint(2, 4)))
    sources = [{"url": f"https://news{j}.example/{i}", "outlet": rng.choice(OUTLETS),
                "title": f"{title} ({j})", "published": day.isoformat(), "rules": rules}
               for j in range(rng.randint(1, 4))]
    return ({"event_id": f"ev-{i:08d}", "action": "new", "rules": rules, "title": title,
             "summary": summary, "facts": {"date": day.isoformat(), "countries": pair,
                                           "people": [], "agreements": [], "exercises": []},
             "sources": sources, "matched": {r: [] for r in rules}, "confirmed": i % 3 == 0},
            day)


def build(db: Database, n: int, rng: random.Random) -> tuple[float, list[str]]:
    """Fill the archive; returns the seconds taken and the vocabulary used."""
    vocab = _vocabulary(rng)
    started = time.perf_counter()
    for low in range(0, n, BATCH):
        with db.engine.begin() as conn:
            for i in range(low, min(n, low + BATCH)):
                payload, day = _payload(rng, vocab, i)
                seen = datetime.combine(day, datetime.min.time()) + timedelta(hours=9)
                conn.execute(insert(events).values(id=payload["event_id"], day=day,
                                                   created_at=seen, updated_at=seen,
                                                   dirty=False, alert_count=1))
                key = conn.execute(insert(alerts).values(
                    event_id=payload["event_id"], action="new", payload=payload,
                    created_at=seen)).inserted_primary_key
                assert key is not None
                archive_rows.record(conn, int(key[0]), payload, seen)
    return time.perf_counter() - started, vocab


def _cases(vocab: list[str], rng: random.Random) -> dict[str, list[str]]:
    return {
        "timeline /": ["/"],
        "timeline topic": [f"/?topic={t}" for t in TOPICS],
        "timeline country": [f"/?country={c}" for c in COUNTRIES],
        "timeline dates": [f"/?since={2016 + k}-03-01&until={2016 + k}-05-31" for k in range(9)],
        "timeline page 40": ["/?page=40"],
        "timeline topic+country+dates": [
            f"/?topic={t}&country=Japan&since=2019-01-01&until=2021-12-31" for t in TOPICS],
        "search rare word": [f"/?q={w}" for w in rng.sample(vocab, 20)],
        "search common word": ["/?q=japan", "/?q=india", "/?q=drill", "/?q=talks"],
        "search two words": [f"/?q={a}+{b}" for a, b in zip(rng.sample(vocab, 10),
                                                           rng.sample(vocab, 10), strict=True)],
        "search in topic": [f"/?topic={t}&q=logistics" for t in TOPICS],
        "api 50": ["/api/events?limit=50", "/api/events?topic=acsa&q=naval"],
        "feed all.atom": ["/feeds/all.atom"],
        "feed topic.atom": [f"/feeds/{t}.atom" for t in TOPICS],
    }


class TimedSite:
    """The archive as `run` serves it (a worker thread per request), noting the CPU time
    each answer took in its thread: a figure the machine's other load barely moves."""

    def __init__(self, db: Database) -> None:
        self.site = ArchiveSite(db)
        self.cpu_ms: list[float] = []

    async def __call__(self, request: Request) -> Response:
        return await asyncio.to_thread(self._handle, request)

    def _handle(self, request: Request) -> Response:
        started = time.thread_time()
        response = self.site.handle(request)
        self.cpu_ms.append((time.thread_time() - started) * 1000)
        return response


def measure(base: str, app: TimedSite, cases: dict[str, list[str]],
            repeat: int) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Wall time at the client and CPU time in the handler, per kind, in milliseconds."""
    wall: dict[str, list[float]] = defaultdict(list)
    cpu: dict[str, list[float]] = defaultdict(list)
    with httpx.Client(base_url=base, timeout=30) as client:
        for path in [p for paths in cases.values() for p in paths]:  # warm the caches
            client.get(path).raise_for_status()
        for _ in range(repeat):
            for kind, paths in cases.items():
                for path in paths[:4]:
                    started = time.perf_counter()
                    client.get(path).raise_for_status()
                    wall[kind].append((time.perf_counter() - started) * 1000)
                    cpu[kind].append(app.cpu_ms[-1])
    return wall, cpu


def _p(values: list[float], q: float) -> float:
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--database", help="SQLite file to fill (or reuse when it exists)")
    args = parser.parse_args()
    rng = random.Random(18)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.database) if args.database else Path(tmp) / "archive.db"
        reuse = path.exists()
        db = open_database(f"sqlite:///{path}")
        if reuse:
            vocab = _vocabulary(rng)
            print(f"reusing {path}")
        else:
            took, vocab = build(db, args.events, rng)
            print(f"filed {args.events:,} events in {took:.1f}s "
                  f"({took / args.events * 1000:.2f} ms per event, record() included)")
        app = TimedSite(db)
        with serving_app(app) as base:
            wall, cpu = measure(base, app, _cases(vocab, rng), args.repeat)
        app.site.close()
        db.close()
    print(f"load average at the end: {os.getloadavg()[0]:.1f} (2 cores)")
    print(f"{'kind':<30} {'n':>4} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7} "
          f"{'cpu p50':>8} {'cpu p95':>8}")
    groups: dict[str, tuple[list[float], list[float]]] = defaultdict(lambda: ([], []))
    for kind, values in wall.items():
        print(f"{kind:<30} {len(values):>4} {_p(values, 50):>7.1f} {_p(values, 95):>7.1f} "
              f"{max(values):>7.1f} {_p(cpu[kind], 50):>8.1f} {_p(cpu[kind], 95):>8.1f}")
        groups[kind.split()[0]][0].extend(values)
        groups[kind.split()[0]][1].extend(cpu[kind])
    for group in ("timeline", "search"):
        values, used = groups[group]
        print(f"ALL {group:<26} {len(values):>4} {_p(values, 50):>7.1f} "
              f"{_p(values, 95):>7.1f} {max(values):>7.1f} {_p(used, 50):>8.1f} "
              f"{_p(used, 95):>8.1f}  (archive p95 answer time)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
