"""`defwatch sources check`: poll each source once, report, change nothing stored."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from bot.config import Config, SourceConfig
from bot.polling import WATCHERS
from watchers.errors import FeedError, FetchError
from watchers.http import Fetcher
from watchers.models import SourceState


async def check_sources(config: Config, sources: list[SourceConfig],
                        write: Callable[[str], None]) -> int:
    async with Fetcher(config.fetch.settings()) as fetcher:

        async def one(sc: SourceConfig) -> tuple[str, str, float, int, str]:
            source = sc.to_source()
            started = time.perf_counter()
            watcher = WATCHERS.get(source.kind)
            try:
                if watcher is None:
                    raise FeedError(source.url, f"no watcher for kind {source.kind!r}")
                result = await watcher(fetcher, source, SourceState())
            except (FetchError, FeedError) as exc:
                return source.id, "FAIL", time.perf_counter() - started, 0, exc.reason
            return source.id, "ok", time.perf_counter() - started, len(result.entries), ""

        rows = await asyncio.gather(*(one(s) for s in sources if s.enabled))
    width = max((len(r[0]) for r in rows), default=10)
    write(f"{'source':<{width}}  status  latency  items  error")
    for sid, status, latency, items, error in rows:
        write(f"{sid:<{width}}  {status:<6}  {latency * 1000:6.0f}ms  {items:5d}  {error}")
    failed = sum(r[1] != "ok" for r in rows)
    write(f"{len(rows)} sources, {failed} failing")
    return 1 if failed else 0
