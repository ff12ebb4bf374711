"""What /healthz, /readyz and /metrics answer, computed from the running service.

healthz: the process can do its job: the loop answers, the database answers `SELECT 1`,
         the scheduler runs. A failure here means "restart me".
readyz:  the service has started fully: migrations at head, topic rules loaded, the first
         tick done, and it is not shutting down. A failure here means "not yet / going".
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from alembic.config import Config as AlembicConfig
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from bot.ops.http import Response
from bot.ops.metrics import Metrics
from bot.store import Database
from bot.store import outbox as outbox_rows
from bot.store.db import MIGRATIONS

__all__ = ["Probes", "RunState", "head_revisions"]

log = logging.getLogger("defwatch.http")

DB_TIMEOUT_S = 5.0


@dataclass
class RunState:
    """Facts the service reports about itself as it starts, ticks and stops."""

    scheduler_running: Callable[[], bool] = lambda: False
    rules_loaded: Callable[[], int] = lambda: 0
    ticks: int = 0
    last_tick: float | None = None  # time.time() when the last tick finished
    stopping: bool = False
    started: float = field(default_factory=time.time)


def head_revisions() -> frozenset[str]:
    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return frozenset(ScriptDirectory.from_config(cfg).get_heads())


class Probes:
    def __init__(self, db: Database, metrics: Metrics, state: RunState) -> None:
        self._db = db
        self._metrics = metrics
        self._state = state
        self._heads = head_revisions()

    async def healthz(self) -> Response:
        checks = {"db": await self._db_check(),
                  "scheduler": "ok" if self._state.scheduler_running() else "not running"}
        extra = {"ticks": self._state.ticks, "last_tick_age_s": self._age()}
        return _answer(checks, extra)

    async def readyz(self) -> Response:
        migrated = await self._migrated()
        rules = self._state.rules_loaded()
        checks = {"migrations": migrated,
                  "rules": "ok" if rules else "no topic rules loaded",
                  "first_tick": "ok" if self._state.ticks else "not yet",
                  "shutdown": "stopping" if self._state.stopping else "ok"}
        return _answer(checks, {"rules": rules})

    async def metrics(self) -> Response:
        try:
            backlog = await asyncio.wait_for(asyncio.to_thread(self._backlog), DB_TIMEOUT_S)
        except (SQLAlchemyError, TimeoutError) as exc:
            log.warning("metrics: outbox backlog not refreshed: %s", exc)
        else:
            self._metrics.set_backlog(backlog)
        return Response(200, self._metrics.exposition(), self._metrics.content_type)

    # -- database look-ups, run in a worker thread so the loop never waits on a lock ----

    async def _db_check(self) -> str:
        try:
            await asyncio.wait_for(asyncio.to_thread(self._select_one), DB_TIMEOUT_S)
        except TimeoutError:
            return f"no answer within {DB_TIMEOUT_S:.0f}s"
        except SQLAlchemyError as exc:
            return f"error: {type(exc).__name__}"
        return "ok"

    async def _migrated(self) -> str:
        try:
            current = await asyncio.wait_for(asyncio.to_thread(self._revisions), DB_TIMEOUT_S)
        except (SQLAlchemyError, TimeoutError) as exc:
            return f"unknown: {type(exc).__name__}"
        return "ok" if current == self._heads else (
            f"at {','.join(sorted(current)) or 'none'}, "
            f"head is {','.join(sorted(self._heads))}")

    def _select_one(self) -> None:
        with self._db.engine.connect() as conn:
            conn.execute(text("SELECT 1")).scalar_one()

    def _revisions(self) -> frozenset[str]:
        with self._db.engine.connect() as conn:
            return frozenset(conn.execute(text("SELECT version_num FROM alembic_version"))
                             .scalars())

    def _backlog(self) -> dict[str, dict[str, int]]:
        with self._db.engine.connect() as conn:
            return outbox_rows.backlog(conn)

    def _age(self) -> float | None:
        last = self._state.last_tick
        return None if last is None else round(time.time() - last, 1)


def _answer(checks: dict[str, str], extra: Mapping[str, object]) -> Response:
    ok = all(v == "ok" for v in checks.values())
    body = {"status": "ok" if ok else "fail", "checks": checks, **extra}
    return Response(200 if ok else 503, (json.dumps(body) + "\n").encode(),
                    "application/json")
