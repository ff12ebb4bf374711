"""Worker processes for the CPU work on pages (bot.pipeline.examine), so extraction and matching
use every core while the event loop only does I/O.

* Sized to the cores by default (config `workers:`); `workers: 0` runs the work in one
  thread of this process instead (small installs, tests).
* A bounded number of pages is handed over at a time (twice the workers): a burst of
  fetched pages waits in the caller, not as pickles in a queue, so memory stays flat.
* A worker that dies (killed, out of memory, a crash in a C library) takes only the page
  it was on with it; the pool starts a new worker and the page is tried again, up to
  ATTEMPTS times, after which it fails as a page, not the whole run.
* Workers are started with `spawn`: forking a process that runs threads (the heartbeat,
  the database pool) can copy a held lock into the child.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from pebble import ProcessExpired, ProcessPool

from bot.errors import DefwatchError
from bot.pipeline.boot import boot
from bot.pipeline.examine import (
    PageJob,
    PageResult,
    RulesRef,
    examine,
    examine_job,
    warm_worker,
)
from bot.rules import RuleSet
from bot.rules.cache import pickled
from watchers import Entry, Response, Source

__all__ = ["ATTEMPTS", "CpuPool", "WorkerCrashed", "default_workers"]

log = logging.getLogger("defwatch.pool")

ATTEMPTS = 3  # a page whose worker died this many times is given up (it is the cause)
STOP_WAIT_S = 10.0
A = TypeVar("A")
R = TypeVar("R")


class WorkerCrashed(DefwatchError):
    """A task whose worker process died ATTEMPTS times (it is taken to be the cause)."""


def default_workers() -> int:
    """One worker per core this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class CpuPool:
    """`await pool.examine(response, source, entry, rules, now=...)`; `close()` when done."""

    def __init__(self, workers: int | None = None) -> None:
        self.workers = default_workers() if workers is None else workers
        # each worker loads extraction and matching as it starts, the collector paused
        self._pool = (ProcessPool(max_workers=self.workers, initializer=boot,
                                  context=multiprocessing.get_context("spawn"))
                      if self.workers > 0 else None)
        self._slots: asyncio.Semaphore | None = None
        self._dir: tempfile.TemporaryDirectory[str] | None = None  # made on first use
        self._ref: RulesRef | None = None
        self._busy = 0  # tasks handed to workers and not yet answered
        self._closed = False
        self._versions = 0
        self.crashes = 0  # workers lost while they worked on a page

    def start(self) -> None:
        """Start the workers now, so each loads what extraction and matching need
        (bot.pipeline.boot) while the service polls: the first pages are not the slow
        ones."""
        if self._pool is not None:
            for _ in range(self.workers):
                self._pool.schedule(warm_worker, args=(None,))

    def _rules(self, rules: RuleSet) -> RulesRef:
        """The rule set as workers load it: pickled once per version."""
        if self._ref is None or self._ref.version != rules.version:
            # a new file per version: pages in flight still name the previous one
            if self._dir is None:
                self._dir = tempfile.TemporaryDirectory(prefix="defwatch-rules-")
            self._versions += 1
            path = Path(self._dir.name) / f"rules-{self._versions}.pickle"
            path.write_bytes(pickled(rules))  # the cached file's pickle, when it has one
            self._ref = RulesRef(rules.version, str(path))
        return self._ref

    async def examine(self, response: Response, source: Source, entry: Entry,
                      rules: RuleSet, *, now: datetime) -> PageResult:
        if self._pool is None:
            async with self._bound():
                return await asyncio.to_thread(examine, response, source, entry, rules,
                                               now=now)
        job = PageJob(response, source, entry, self._rules(rules), now)
        try:
            return await self.run(examine_job, job)
        except WorkerCrashed as exc:
            return PageResult("failed", error=str(exc))

    def _bound(self) -> asyncio.Semaphore:
        if self._slots is None:  # bound to the running loop, so made on first use
            self._slots = asyncio.Semaphore(2 * max(1, self.workers))
        return self._slots

    async def run(self, fn: Callable[[A], R], arg: A) -> R:
        """fn(arg) in a worker process (fn and arg must pickle). A worker that dies on it
        is replaced and fn(arg) runs again; WorkerCrashed after ATTEMPTS deaths."""
        if self._pool is None:
            raise RuntimeError("this pool has no worker processes (workers: 0)")
        async with self._bound():
            for attempt in range(1, ATTEMPTS + 1):
                future = self._pool.schedule(fn, args=(arg,))
                self._busy += 1
                try:
                    return await asyncio.wrap_future(future)
                except ProcessExpired as exc:
                    self.crashes += 1
                    log.warning("a worker died at its task (exit code %s), attempt %d of %d",
                                exc.exitcode, attempt, ATTEMPTS)
                except asyncio.CancelledError:
                    future.cancel()  # type: ignore[no-untyped-call]  # a running one ends its worker
                    raise
                finally:
                    self._busy -= 1
        raise WorkerCrashed(f"the page crashed its worker {ATTEMPTS} times")

    def close(self) -> None:
        """Let workers finish what they run (at most STOP_WAIT_S), then end them. A second
        call does nothing."""
        if self._closed:
            return
        self._closed = True
        if self._pool is not None and not self._busy:
            # Nothing handed over is unanswered, so a worker only boots or warms up: a
            # run that found no pages (or finished them) does not wait for that to end
            # only to stop them.
            self._pool.stop()  # type: ignore[no-untyped-call]
            self._pool.join()
        elif self._pool is not None:
            self._pool.close()  # type: ignore[no-untyped-call]
            try:
                self._pool.join(timeout=STOP_WAIT_S)
            except TimeoutError:
                log.warning("workers still busy after %.0fs; stopping them", STOP_WAIT_S)
                self._pool.stop()  # type: ignore[no-untyped-call]
                self._pool.join()
        if self._dir is not None:
            self._dir.cleanup()
