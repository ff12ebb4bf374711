"""Per-host limits across replicas: the Fetcher's `turns`, held in the database
(bot/store/host_slots.py), so `per_host_concurrency` and `per_host_delay` bound what all
replicas together send to a host, not each of them.

A slot costs two transactions (take, give back). When a host asks for no spacing
(`delay 0`, the case where one host serves page after page), a slot that has just been
used is kept for a moment (`LINGER_S`) and handed to the next request to that host
without asking the database again; one nobody asks for is given back after that moment,
and a kept slot is asked for anew once `RENEW_AFTER` of its lease has gone by, so the
lease always outlasts the request it covers. With a delay every start is recorded, as
the other replicas must space theirs from it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.store import Database
from bot.store import host_slots as slot_rows
from bot.store.db import utcnow

__all__ = ["LINGER_S", "RENEW_AFTER", "DatabaseHostTurns"]

log = logging.getLogger("defwatch.fetch")

# Asking again sooner than this when a host is busy would only load the database.
_MAX_POLL_S = 0.5
_MIN_POLL_S = 0.02
# How long a used slot waits for the next request to its host before it is given back:
# longer than the gap between two pages of a batch, short enough that another replica
# never waits long for a slot this one does not use.
LINGER_S = 0.5
# A kept slot is reused without the database for this long after it was taken; the lease
# (the request's timeout + 30 s, bot/service/app.py) must outlast it by a whole request.
RENEW_AFTER = timedelta(seconds=10)


@dataclass
class _Kept:
    slot: int
    taken: datetime  # when the database last granted it (its lease runs from then)
    expiry: asyncio.TimerHandle | None = None


@dataclass(frozen=True)
class _Granted:
    slot: int | None
    wait_s: float
    taken: datetime


class DatabaseHostTurns:
    def __init__(self, db: Database, owner: str, *, limit: int, lease: timedelta,
                 clock: Callable[[], datetime] = utcnow, linger_s: float = LINGER_S) -> None:
        self._db = db
        self._linger_s = linger_s
        self._owner = owner
        self._limit = limit
        self._lease = lease  # longer than a request may take: a dead process's slot frees
        self._clock = clock
        self._kept: dict[str, list[_Kept]] = {}  # used slots waiting for their next request
        self._giving: set[asyncio.Task[None]] = set()

    @asynccontextmanager
    async def turn(self, host: str, delay_s: float) -> AsyncIterator[None]:
        kept = self._reuse(host) if delay_s <= 0 else None
        if kept is None:
            while (got := await self._db.call(self._take, host, delay_s)).slot is None:
                await asyncio.sleep(min(max(got.wait_s, _MIN_POLL_S), _MAX_POLL_S))
            assert got.slot is not None  # the loop ends with a slot
            kept = _Kept(got.slot, got.taken)
        done = False
        try:
            yield
            done = True
        finally:
            if done and delay_s <= 0:
                self._keep(host, kept)
            else:  # Shielded: a cancelled fetch still gives its slot back at once.
                await asyncio.shield(self._db.call(self._give_back, host, kept.slot))

    async def aclose(self) -> None:
        """Give back every kept slot now (a clean shutdown; a crash leaves them to their
        leases, as it leaves the slots it was using)."""
        for host, kept in list(self._kept.items()):
            for k in kept:
                self._give_later(host, k)
        self._kept.clear()
        while self._giving:
            await asyncio.gather(*self._giving)

    def _reuse(self, host: str) -> _Kept | None:
        kept = self._kept.get(host)
        while kept:
            k = kept.pop()
            if k.expiry is not None:
                k.expiry.cancel()
            if self._clock() - k.taken < RENEW_AFTER:
                return k
            self._give_later(host, k)  # its lease is getting old: ask the database anew
        return None

    def _keep(self, host: str, kept: _Kept) -> None:
        loop = asyncio.get_running_loop()
        kept.expiry = loop.call_later(self._linger_s, self._expire, host, kept)
        self._kept.setdefault(host, []).append(kept)

    def _expire(self, host: str, kept: _Kept) -> None:
        held = self._kept.get(host, [])
        if kept in held:
            held.remove(kept)
            self._give_later(host, kept)

    def _give_later(self, host: str, kept: _Kept) -> None:
        task = asyncio.get_running_loop().create_task(self._give_back_soon(host, kept.slot))
        self._giving.add(task)
        task.add_done_callback(self._giving.discard)

    async def _give_back_soon(self, host: str, slot: int) -> None:
        try:
            await self._db.call(self._give_back, host, slot)
        except Exception:  # the store is failing: the slot frees when its lease runs out
            log.warning("could not give back a slot of host=%s; it frees when its lease "
                        "runs out", host, exc_info=True)

    def _take(self, host: str, delay_s: float) -> _Granted:
        now = self._clock()
        with self._db.engine.begin() as conn:
            got = slot_rows.take(conn, host, owner=self._owner, limit=self._limit,
                                 delay_s=delay_s, now=now, lease=self._lease)
        return _Granted(got.slot, got.wait_s, now)

    def _give_back(self, host: str, slot: int) -> None:
        with self._db.engine.begin() as conn:
            slot_rows.give_back(conn, host, slot, self._owner)
