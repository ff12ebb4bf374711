"""This process as one of the workers sharing a database, and the reaping of dead ones.

Every claim (a source being polled, entries being processed, deliveries and Telegram
posts being sent) names its worker. A process registers when it starts, beats while it
runs and leaves when it stops; one killed outright leaves its row behind, and whoever
looks next finds it dead and frees its claims, so its work resumes within seconds
instead of when the claims' leases (5-10 minutes) run out. Leases stay, for a live
process that stops making progress.

A worker is dead when
- it shares this process's PID namespace (same machine and boot; bot/service/procinfo.py) and
  its pid no longer runs, or runs another process (another start time): known at once,
  and a live one there is never taken for dead, however late its heartbeat;
- otherwise, when its heartbeat is older than STALE_AFTER (another host or container).
"""

from __future__ import annotations

import logging
import os
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection
from sqlalchemy.exc import SQLAlchemyError

from bot.service import procinfo
from bot.store import Database
from bot.store import workers as rows
from bot.store.workers import Freed, WorkerRow

__all__ = ["HEARTBEAT_S", "STALE_AFTER", "Death", "Heartbeat", "Identity", "Worker"]

log = logging.getLogger("defwatch.workers")

HEARTBEAT_S = 10.0  # one beat per scheduler tick (bot.service.serve.TICK_S)
# Three missed beats. Only a worker whose pid cannot be checked is judged by it.
STALE_AFTER = timedelta(seconds=3 * HEARTBEAT_S)


@dataclass(frozen=True)
class Death:
    reason: str
    silent: bool  # judged by its heartbeat: removed only if it has not beaten since


@dataclass(frozen=True)
class Identity:
    owner: str  # what claims name: one per process, shared by every claimer in it
    host: str
    pid: int
    pid_start: int | None
    pid_space: str | None

    @classmethod
    def current(cls) -> Identity:
        pid = os.getpid()
        return cls(owner=uuid.uuid4().hex, host=procinfo.host_name(), pid=pid,
                   pid_start=procinfo.process_start(pid), pid_space=procinfo.pid_space())


class Worker:
    def __init__(self, db: Database, identity: Identity | None = None, *,
                 clock: Callable[[], datetime] | None = None,
                 stale_after: timedelta = STALE_AFTER) -> None:
        self._db = db
        self.identity = identity or Identity.current()
        self._clock = clock  # None: the database's clock (replicas' clocks may disagree)
        self._stale_after = stale_after
        self._started: datetime | None = None

    @property
    def owner(self) -> str:
        return self.identity.owner

    def join(self) -> Freed:
        """Register, then free what dead workers hold (a restart after a crash frees
        its predecessor's claims here, before its first cycle)."""
        with self._db.engine.begin() as conn:
            self._started = self._now(conn)
            rows.register(conn, self._row(self._started))
        try:
            return self.reap()
        except SQLAlchemyError as exc:  # e.g. a deadlock with a replica: not worth a failed start
            log.warning("could not reap dead workers (the heartbeat tries again): %s", exc)
            return Freed()

    def beat(self) -> Freed:
        """Heartbeat, then reap."""
        with self._db.engine.begin() as conn:
            now = self._now(conn)
            if not rows.beat(conn, self.owner, now):
                # Taken for dead (it went unseen too long) and its claims freed: the work
                # it was doing is checked at commit time (hold_entry, renew) and dropped.
                rows.register(conn, self._row(now))
                log.warning("this worker owner=%s was taken for dead and its claims "
                            "freed; registered again", self.owner)
        return self.reap()

    def leave(self) -> Freed:
        """Remove this worker and give up any claim it still holds (a clean stop)."""
        try:
            with self._db.engine.begin() as conn:
                rows.remove(conn, [self.owner])
                return rows.free_claims(conn, [self.owner])
        except SQLAlchemyError as exc:  # the pid check frees them at the next start
            log.warning("could not unregister worker owner=%s: %s", self.owner, exc)
            return Freed()

    def reap(self) -> Freed:
        """Remove dead workers and free their claims; returns what was freed."""
        freed = Freed()
        with self._db.engine.begin() as conn:
            now = self._now(conn)
            for row in rows.listing(conn):
                death = self.dead(row, now)
                if death is None:
                    continue
                stale = now - self._stale_after if death.silent else None
                if not rows.remove(conn, [row.owner], seen_before=stale):
                    continue  # another process reaped it, or it beat meanwhile
                got = rows.free_claims(conn, [row.owner])
                freed += got
                log.warning("worker owner=%s host=%s pid=%d is dead (%s): freed %d claims "
                            "(sources %d, entries %d, deliveries %d, posts %d)",
                            row.owner, row.host, row.pid, death.reason, got.total, got.sources,
                            got.entries, got.deliveries, got.posts)
        return freed

    def dead(self, row: WorkerRow, now: datetime) -> Death | None:
        """Why the worker of `row` is dead, or None when it may be alive."""
        if row.owner == self.owner:
            return None
        me = self.identity
        if row.pid_space is not None and row.pid_space == me.pid_space:
            if not procinfo.running(row.pid, row.pid_start):
                return Death("its process has ended", silent=False)
            if row.pid_start is not None:
                return None  # that very process runs: alive, even if slow to beat
        silent = now - row.seen_at
        if silent > self._stale_after:
            return Death(f"no heartbeat for {silent.total_seconds():.0f}s", silent=True)
        return None

    def _now(self, conn: Connection) -> datetime:
        return self._clock() if self._clock is not None else rows.db_now(conn)

    def _row(self, now: datetime) -> WorkerRow:
        me = self.identity
        return WorkerRow(owner=me.owner, host=me.host, pid=me.pid, pid_start=me.pid_start,
                         pid_space=me.pid_space, started_at=self._started or now, seen_at=now)


class Heartbeat:
    """Beats (and reaps) every `every_s` from a thread of its own: a long cycle or a
    busy event loop must not make a live process look dead to the others."""

    def __init__(self, worker: Worker, every_s: float = HEARTBEAT_S) -> None:
        self._worker = worker
        self._every = every_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="heartbeat", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def _run(self) -> None:
        while not self._stop.wait(self._every):
            try:
                self._worker.beat()
            except SQLAlchemyError as exc:  # the database is away: beat again next time
                log.warning("heartbeat failed owner=%s: %s", self._worker.owner, exc)
            except Exception:  # a bug here must not end the beats (others would reap us)
                log.exception("heartbeat raised unexpectedly owner=%s", self._worker.owner)
