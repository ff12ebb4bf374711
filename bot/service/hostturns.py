"""Per-host limits across replicas: the Fetcher's `turns`, held in the database
(bot/store/host_slots.py), so `per_host_concurrency` and `per_host_delay` bound what all
replicas together send to a host, not each of them."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import datetime, timedelta

from bot.store import Database
from bot.store import host_slots as slot_rows
from bot.store.db import utcnow

__all__ = ["DatabaseHostTurns"]

# Asking again sooner than this when a host is busy would only load the database.
_MAX_POLL_S = 0.5
_MIN_POLL_S = 0.02


class DatabaseHostTurns:
    def __init__(self, db: Database, owner: str, *, limit: int, lease: timedelta,
                 clock: Callable[[], datetime] = utcnow) -> None:
        self._db = db
        self._owner = owner
        self._limit = limit
        self._lease = lease  # longer than a request may take: a dead process's slot frees
        self._clock = clock

    @asynccontextmanager
    async def turn(self, host: str, delay_s: float) -> AsyncIterator[None]:
        while (got := await self._db.call(self._take, host, delay_s)).slot is None:
            await asyncio.sleep(min(max(got.wait_s, _MIN_POLL_S), _MAX_POLL_S))
        slot = got.slot
        try:
            yield
        finally:
            # Shielded: a cancelled fetch still gives its slot back at once.
            await asyncio.shield(self._db.call(self._give_back, host, slot))

    def _take(self, host: str, delay_s: float) -> slot_rows.Turn:
        with self._db.engine.begin() as conn:
            return slot_rows.take(conn, host, owner=self._owner, limit=self._limit,
                                  delay_s=delay_s, now=self._clock(), lease=self._lease)

    def _give_back(self, host: str, slot: int) -> None:
        with self._db.engine.begin() as conn:
            slot_rows.give_back(conn, host, slot, self._owner)
