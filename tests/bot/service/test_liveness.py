"""The process as a worker: the App registers once, claims under that one id, gives
everything back on a clean stop; the heartbeat beats and reaps from its own thread."""

from __future__ import annotations

import os
import threading
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from bot.config.options import BUNDLED_RULES, Config, EventsConfig, FetchConfig, SourceConfig
from bot.service.app import App
from bot.service.liveness import Heartbeat, Identity, Worker
from bot.service.procinfo import process_start
from bot.store import open_database
from bot.store import workers as rows
from bot.store.db import utcnow
from bot.store.tables import sources
from bot.store.workers import Freed, WorkerRow
from tests.bot.store.helpers import T0


async def test_the_app_claims_as_its_worker_and_gives_everything_back_on_exit(
        tmp_path: Path) -> None:
    config = Config(database=f"sqlite:///{tmp_path}/dw.db", rules=BUNDLED_RULES,
                    events=EventsConfig(max_age=None),  # the fixtures are old news
                    sources=[SourceConfig(id="feed", kind="rss", url="http://127.0.0.1:9/f")],
                    channels=["jsonl:alerts.jsonl"], path=tmp_path / "defwatch.yaml",
                    fetch=FetchConfig(allow_private=True))
    async with App(config) as app:
        with app.db.engine.begin() as conn:
            [me] = rows.listing(conn)
        assert (me.owner, me.pid, me.pid_start) == (app.worker.owner, os.getpid(),
                                                    process_start(os.getpid()))
        assert len(app.poller.claim(since=utcnow())) == 1
        with app.db.engine.begin() as conn:
            assert conn.execute(select(sources.c.claimed_by)).scalar_one() == me.owner
    db = open_database(config.database)
    try:
        with db.engine.begin() as conn:
            assert rows.listing(conn) == []
            assert conn.execute(select(sources.c.claimed_until)).scalar_one() is None
    finally:
        db.close()


class Watched(Worker):
    """A worker that says when it has beaten twice."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.beats = 0
        self.twice = threading.Event()

    def beat(self) -> Freed:
        freed = super().beat()
        self.beats += 1
        if self.beats == 2:
            self.twice.set()
        return freed


def test_the_heartbeat_beats_and_reaps_from_its_own_thread(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path}/dw.db")
    ticks = iter(range(1_000_000))

    def clock() -> datetime:  # a minute passes at every look
        return T0 + timedelta(minutes=next(ticks))

    me = Watched(db, Identity("me", "vm", os.getpid(), process_start(os.getpid()), "here"),
                 clock=clock)
    me.join()
    with db.engine.begin() as conn:
        rows.register(conn, WorkerRow(owner="far", host="elsewhere", pid=1, pid_start=1,
                                      pid_space="there", started_at=T0, seen_at=T0))
    heartbeat = Heartbeat(me, every_s=0.01)
    heartbeat.start()
    try:
        assert me.twice.wait(30)
    finally:
        heartbeat.stop()
    try:
        with db.engine.begin() as conn:
            seen = {w.owner: w.seen_at for w in rows.listing(conn)}
    finally:
        db.close()
    assert list(seen) == ["me"]  # far went unseen for minutes: reaped
    assert seen["me"] > T0 + timedelta(minutes=1)  # beaten since it joined
