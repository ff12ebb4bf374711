"""`defwatch sources check` (poll each source once, report, change nothing stored) and
`defwatch sources enable ID` (put a source that gave up after its failures back to work).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass

import watchers
from bot.config.options import Config, SourceConfig
from bot.errors import StoreError
from bot.store import open_database
from bot.store import sources as source_rows
from bot.store.db import utcnow
from watchers import FeedError, Fetcher, FetchError, SourceState

__all__ = ["check_sources", "enable_source"]


@dataclass(frozen=True)
class CheckRow:
    source_id: str
    kind: str
    ok: bool
    latency_s: float
    items: int = 0
    dated: int = 0  # entries with a publication date: an html listing may have none
    error: str = ""


async def check_sources(config: Config, sources: list[SourceConfig],
                        write: Callable[[str], None], *,
                        fetcher: Fetcher | None = None) -> int:
    """Poll every enabled source once with a fresh state; print a table; 1 if any failed.

    `fetcher` lets tests pass one of their own; by default one is built from `config`.
    """
    enabled = [s for s in sources if s.enabled]
    if fetcher is None:
        async with Fetcher(config.fetch.settings()) as own:
            rows = await asyncio.gather(*(_check(own, s) for s in enabled))
    else:
        rows = await asyncio.gather(*(_check(fetcher, s) for s in enabled))
    width = max((len(r.source_id) for r in rows), default=10)
    write(f"{'source':<{width}}  kind     status  latency  items  dated  error")
    for r in rows:
        write(f"{r.source_id:<{width}}  {r.kind:<7}  {'ok' if r.ok else 'FAIL':<6}  "
              f"{r.latency_s * 1000:6.0f}ms  {r.items:5d}  {r.dated:5d}  {r.error}")
    failed = sum(not r.ok for r in rows)
    write(f"{len(rows)} sources, {failed} failing")
    return 1 if failed else 0


async def _check(fetcher: Fetcher, config: SourceConfig) -> CheckRow:
    source = config.to_source()
    started = time.perf_counter()
    try:
        result = await watchers.poll(fetcher, source, SourceState())
    except (FetchError, FeedError) as exc:
        return CheckRow(source.id, source.kind, False, time.perf_counter() - started,
                        error=exc.reason)
    return CheckRow(source.id, source.kind, True, time.perf_counter() - started,
                    items=len(result.entries),
                    dated=sum(e.published is not None for e in result.entries))


def enable_source(config: Config, source_id: str, write: Callable[[str], None]) -> int:
    """Clear the source's failures and make it due now; a running service (any replica)
    polls it on its next tick. Unknown ids are an error naming the database."""
    db = open_database(config.database)
    try:
        with db.engine.begin() as conn:
            try:
                was = source_rows.enable(conn, source_id, utcnow())
            except LookupError:
                raise StoreError(f"no source {source_id!r} in {db.url}; `defwatch status` "
                                 "lists them (a source is stored once the service has "
                                 "started with it configured)") from None
    finally:
        db.close()
    if was:
        write(f"{source_id}: enabled, due now (it was {was})")
    else:
        write(f"{source_id}: was not disabled; failures cleared, due now")
    return 0
