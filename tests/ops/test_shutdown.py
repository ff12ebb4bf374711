"""Graceful shutdown: no new work, the tick in flight finishes or is cut short at its
deadline, and the outbox is flushed before the process exits."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

import bot.service.serve
from bot.config.options import BUNDLED_RULES, Config, EventsConfig, FetchConfig, SourceConfig
from bot.models import Alert, AlertSource, Facts
from bot.service.app import App
from bot.service.serve import Service
from bot.store import events as event_rows
from bot.store import outbox as outbox_rows
from bot.store.db import utcnow
from bot.store.tables import deliveries


def an_alert() -> Alert:
    return Alert(event_id="ev-old", action="new", rules=("india-japan",), title="Ministers talk",
                 summary="They talked.", facts=Facts(date="2026-11-20",
                                                     countries=("India", "Japan")),
                 sources=(AlertSource(url="http://127.0.0.1/a", outlet="Wire", title="T",
                                      published=None, rules=("india-japan",)),),
                 matched={"india-japan": ["India", "Japan"]})


async def test_drain_cuts_a_hung_tick_short_and_flushes_the_outbox(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    accepted = asyncio.Event()

    async def never_answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        accepted.set()
        await reader.read()  # until the client gives up
        writer.close()

    silent = await asyncio.start_server(never_answer, "127.0.0.1", 0)
    port = silent.sockets[0].getsockname()[1]
    config = Config(database=f"sqlite:///{tmp_path}/dw.db", rules=BUNDLED_RULES,
                    events=EventsConfig(max_age=None),  # the fixtures are old news
                    sources=[SourceConfig(id="hung", kind="rss",
                                          url=f"http://127.0.0.1:{port}/feed.xml")],
                    channels=["jsonl:alerts.jsonl"], path=tmp_path / "defwatch.yaml",
                    fetch=FetchConfig(per_host_delay=0, timeout=120,
                                      allow_private=True))
    monkeypatch.setattr(bot.service.serve, "IN_FLIGHT_S", 0.2)
    try:
        async with App(config) as app:
            with app.db.engine.begin() as conn:  # a delivery left over from earlier
                event_rows.create_event(conn, "ev-old", None, utcnow())
                outbox_rows.add_alert(conn, "ev-old", "new", an_alert().to_json(),
                                      ["jsonl:alerts.jsonl"], now=utcnow())
            service = Service(app)
            tick = asyncio.create_task(service.tick())
            await asyncio.wait_for(accepted.wait(), 10)

            await asyncio.wait_for(service.drain(), 10)
            await asyncio.wait_for(tick, 1)  # ended quietly, not with CancelledError
            await service.tick()  # a tick after the drain does nothing
            with app.db.engine.begin() as conn:
                pending = conn.execute(select(func.count()).select_from(deliveries)
                                       .where(deliveries.c.state == "pending")).scalar()
    finally:
        silent.close()
        await silent.wait_closed()
    assert service.state.stopping
    assert service.state.ticks == 0
    assert pending == 0
    lines = (tmp_path / "alerts.jsonl").read_text().splitlines()
    assert [json.loads(x)["event_id"] for x in lines] == ["ev-old"]
