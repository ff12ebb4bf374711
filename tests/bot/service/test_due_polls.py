"""`run` starts a poll when its source falls due, not on the next 10 s tick: after each
tick the service plans a wake-up for the earliest due source."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from bot.config.options import BUNDLED_RULES, Config, FetchConfig, SourceConfig
from bot.service.app import App
from bot.service.serve import DUE_SLACK_S, MIN_WAKE_S, Service
from bot.store import sources as source_rows
from bot.store.db import utcnow
from bot.store.tables import sources
from tests.loopback import LoopbackServer
from tests.ops.fixtures import serve_site


def config(tmp_path: Path, feed: str, *, interval: str) -> Config:
    return Config(database=f"sqlite:///{tmp_path}/dw.db", rules=BUNDLED_RULES,
                  sources=[SourceConfig(id="quiet", kind="rss", url=feed,
                                        interval=interval)],  # type: ignore[arg-type]
                  channels=[], path=tmp_path / "defwatch.yaml",
                  fetch=FetchConfig(per_host_delay=0, allow_private=True), workers=0)


async def test_the_next_wake_up_is_when_the_source_falls_due(
        loopback: LoopbackServer, tmp_path: Path) -> None:
    wakes: list[datetime] = []
    async with App(config(tmp_path, serve_site(loopback), interval="10m")) as app:
        service = Service(app)
        service.on_due = wakes.append
        await service.tick()  # the first poll
        with app.db.engine.begin() as conn:
            [status] = source_rows.all_sources(conn)
            due = source_rows.earliest_due(conn)
    assert due is not None and status.last_polled is not None
    # polled now, due again one interval later: the wake-up is then, not a tick later
    assert wakes == [due + timedelta(seconds=DUE_SLACK_S)]
    assert timedelta(minutes=9) < due - utcnow() <= timedelta(minutes=10)


async def test_a_source_already_due_wakes_the_service_soon_but_not_at_once(
        loopback: LoopbackServer, tmp_path: Path) -> None:
    wakes: list[datetime] = []
    async with App(config(tmp_path, serve_site(loopback), interval="10m")) as app:
        service = Service(app)
        service.on_due = wakes.append
        await service.tick()
        with app.db.engine.begin() as conn:  # overdue, and another replica is on it
            conn.execute(sources.update().values(
                next_due=utcnow() - timedelta(minutes=1), claimed_by="other",
                claimed_until=utcnow() + timedelta(minutes=5)))
        before = utcnow()
        await service.tick()
    assert before + timedelta(seconds=MIN_WAKE_S) <= wakes[-1] <= (
        utcnow() + timedelta(seconds=MIN_WAKE_S))
