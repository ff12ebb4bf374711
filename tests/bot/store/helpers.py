"""Small builders shared by the store tests."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from typing import TypeVar

from watchers.models import Entry, Source

T0 = datetime(2020, 12, 22, 12, 0, 0)  # in the past: rows queued at T0 are due now
R = TypeVar("R")


def source(i: int, *, interval_s: float = 600.0) -> Source:
    return Source(id=f"s{i:03d}", kind="rss", url=f"http://127.0.0.1:9/feed/{i}.xml",
                  interval_s=interval_s, outlet=f"Outlet {i}")


def entry(i: int, *, source_id: str = "s001", url: str | None = None) -> Entry:
    return Entry(key=f"k{i:05d}", url=url or f"http://127.0.0.1:9/news/{i}.html",
                 title=f"Story {i}", source_id=source_id)


def race(workers: int, work: Callable[[int], R]) -> list[R]:
    """Run work(0..workers-1) in threads released together by a barrier."""
    barrier = threading.Barrier(workers)

    def run(n: int) -> R:
        barrier.wait(timeout=30)
        return work(n)

    with ThreadPoolExecutor(workers) as pool:
        return list(pool.map(run, range(workers)))
