"""Per-host politeness held in the database, so replicas share one limit per host: at
most `limit` requests in flight at a host, started at least `delay` apart, whichever
process makes them.

`take` is one short transaction (on PostgreSQL under an advisory lock for the host; on
SQLite every write transaction takes its turn anyway): it answers with a slot, or with
how long to wait before asking again. A slot is held with a lease, so a process that
dies mid-request frees it when the lease runs out; `give_back` ends it at once.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, insert, select, update

from bot.store.db import LOCK_HOSTS, serialize
from bot.store.tables import host_slots

__all__ = ["Turn", "give_back", "take"]


@dataclass(frozen=True)
class Turn:
    slot: int | None  # the slot now held; None: wait `wait_s` and ask again
    wait_s: float = 0.0


def take(conn: Connection, host: str, *, owner: str, limit: int, delay_s: float,
         now: datetime, lease: timedelta) -> Turn:
    """A slot of `host` for `owner` until now + lease, or how long to wait first."""
    serialize(conn, (LOCK_HOSTS << 32) | zlib.crc32(host.encode()))  # this host only
    rows = conn.execute(select(host_slots).where(host_slots.c.host == host)).all()
    busy = {r.slot for r in rows if r.claimed_until is not None and r.claimed_until > now}
    last = max((r.started for r in rows), default=None)
    if last is not None and (ready := last + timedelta(seconds=delay_s)) > now:
        return Turn(None, (ready - now).total_seconds())
    if len(busy) >= limit:
        ends = [r.claimed_until for r in rows if r.slot in busy and r.claimed_until]
        return Turn(None, max(0.0, (min(ends) - now).total_seconds()))
    slot = next(i for i in range(limit) if i not in busy)  # fewer than `limit` are busy
    held = {"claimed_by": owner, "claimed_until": now + lease, "started": now}
    if any(r.slot == slot for r in rows):
        conn.execute(update(host_slots).where(host_slots.c.host == host,
                                              host_slots.c.slot == slot).values(**held))
    else:
        conn.execute(insert(host_slots).values(host=host, slot=slot, **held))
    return Turn(slot)


def give_back(conn: Connection, host: str, slot: int, owner: str) -> None:
    conn.execute(update(host_slots).where(host_slots.c.host == host, host_slots.c.slot == slot,
                                          host_slots.c.claimed_by == owner)
                 .values(claimed_by=None, claimed_until=None))
