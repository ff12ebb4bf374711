"""CPU per page of placing matched reports in the store: grouping, the store's reads and
writes, in one process, without fetching, extraction or alerts.

The labelled reports of tests/corpus/dev (matched by the bundled rules, their signatures
made once) at one or more outlets, placed through `Placer` into a fresh SQLite store in a
fixed order, 32 pages a batch as the service claims them. `--one-day` dates every report
on one day, as `bench_peer.py --one-day` does: every report of a pair then meets every
same-day event of that pair, the pile-up of a Malabar edition or a 2+2 made extreme.
Process CPU time, so the figure moves less with the machine's load than wall time does.
The digest of which page went to which event compares the decisions of two checkouts.

    .venv/bin/python bench/bench_placing.py [--one-day] [--copies 2] [--limit 0]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import select

from bench.corpus import load_corpus
from bot.config.options import BUNDLED_RULES
from bot.events.cluster import signature
from bot.ops.metrics import Metrics
from bot.pipeline.examine import PageResult
from bot.pipeline.place import Placer
from bot.rules import load_ruleset
from bot.store import entries as entry_rows
from bot.store import sources as source_rows
from bot.store.db import open_database
from bot.store.tables import articles
from watchers.models import Entry, Source

ONE_DAY = datetime(2020, 12, 22, 10, tzinfo=UTC)
NOW = datetime(2026, 1, 1)  # naive UTC, the store's clock
BATCH = 32


def pages(one_day: bool, copies: int, limit: int) -> list[tuple[Entry, PageResult]]:
    rules = load_ruleset(BUNDLED_RULES)
    out = []
    for copy in range(copies):
        for item in load_corpus()[:limit or None]:
            day = ONE_DAY if one_day else item.article.published or ONE_DAY
            article = replace(item.article, published=day,
                              url=f"http://127.0.0.1/r{copy}/{item.id}")
            result = rules.match(article)
            sig = signature(article, result.entities) if result.matches else None
            entry = Entry(key=f"r{copy}-{item.id}", url=article.url, title=article.title,
                          source_id="bench")
            out.append((entry, PageResult("extracted", article, result, sig)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--one-day", action="store_true", help="every report on one day")
    parser.add_argument("--copies", type=int, default=2, help="outlets carrying each report")
    parser.add_argument("--limit", type=int, default=0, help="at most this many reports")
    args = parser.parse_args()
    work = pages(args.one_day, args.copies, args.limit)
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(f"sqlite:///{tmp}/bench.db")
        with db.engine.begin() as conn:
            source_rows.sync_sources(
                conn, [Source(id="bench", kind="rss", url="http://127.0.0.1:9/feed")], NOW)
            entry_rows.add_entries(conn, [e for e, _ in work], NOW)
            entry_rows.LEASE.take(conn, [e.key for e, _ in work], owner="bench",
                                  until=NOW.replace(year=2100))
        placer = Placer(db, owner="bench", window_days=3.0, max_age=None,
                        clock=lambda: NOW, metrics=Metrics())
        started = time.process_time()
        for n in range(0, len(work), BATCH):
            placer.place(work[n:n + BATCH])
        cpu = time.process_time() - started
        with db.engine.begin() as conn:
            placed = sorted(conn.execute(select(articles.c.url, articles.c.event_id)).all())
        db.close()
    events = {e for _, e in placed if e is not None}
    digest = hashlib.sha256(json.dumps([list(r) for r in placed]).encode()).hexdigest()[:16]
    print(f"{'one day' if args.one_day else 'own days'}: {len(work)} pages, "
          f"{sum(e is not None for _, e in placed)} in {len(events)} events; "
          f"placing {cpu / len(work) * 1000:.2f} ms CPU a page; decisions {digest}")


if __name__ == "__main__":
    main()
