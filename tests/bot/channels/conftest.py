"""Fixtures for the channel tests: a database, a fake Bot API, alerts to send."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator, Mapping
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from bot.channels import Channel
from bot.channels.routing import Router
from bot.channels.telegram.journal import PostJournal
from bot.channels.telegram.runtime import TelegramRuntime
from bot.config.options import TelegramConfig
from bot.models import Alert, AlertSource, Facts
from bot.store import Database, open_database
from bot.store import events as event_rows
from bot.store import outbox as outbox_rows
from tests.fakes.telegram_api import FakeTelegram

T0 = datetime(2020, 12, 22, 12, 0, 0)  # in the past: queued rows are due at once


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(f"sqlite:///{tmp_path}/channels.db")
    yield database
    database.close()


@pytest.fixture
def api() -> Iterator[FakeTelegram]:
    with FakeTelegram() as server:
        yield server


@pytest.fixture
async def runtime(api: FakeTelegram, db: Database) -> AsyncIterator[TelegramRuntime]:
    """PTB pointed at the fake, posting with the journal as the service does; no
    per-chat spacing so tests run at full speed."""
    rt = TelegramRuntime(TelegramConfig(token=api.token, base_url=api.base_url),
                         per_chat_interval_s=0.0, poll_timeout_s=1.0,
                         journal=PostJournal(db))
    yield rt
    await rt.close()


def source(n: int, *, outlet: str | None = None, title: str | None = None) -> AlertSource:
    return AlertSource(url=f"https://news{n}.example.org/2020/12/22/call-{n}.html",
                       outlet=outlet or f"Outlet {n}",
                       title=title or f"Ministers hold a call, report {n}",
                       published="2020-12-22T10:00:00+05:30", rules=("india-japan",))


def make_alert(event_id: str = "ev-1", *, action: str = "new", sources: int = 1,
               title: str = "India and Japan defence ministers hold a call",
               rules: tuple[str, ...] = ("india-japan", "acsa"), summary: str | None = None,
               extra: tuple[AlertSource, ...] = ()) -> Alert:
    return Alert(event_id=event_id, action="new" if action == "new" else "update",
                 rules=rules, title=title,
                 summary=summary if summary is not None else
                 "The two ministers spoke by phone about logistics cooperation.",
                 facts=Facts(date="2020-12-22", countries=("India", "Japan"),
                             agreements=("ACSA",)),
                 sources=tuple(source(i) for i in range(1, sources + 1)) + extra,
                 matched={r: ["India", "Japan"] for r in rules})


def queue(db: Database, alert: Alert, channels: Mapping[str, Channel], *,
          subscribers: bool = True, now: datetime = T0) -> tuple[int, list[str]]:
    """Write the alert and its delivery rows in one transaction, as the Alerter does."""
    with db.engine.begin() as conn:
        if alert.action == "new":
            event_rows.create_event(conn, alert.event_id, None, now)
        names = Router(channels, subscribers=subscribers)(conn, alert)
        alert_id = outbox_rows.add_alert(conn, alert.event_id, alert.action, alert.to_json(),
                                         names, now=now)
    return alert_id, names


class Clock:
    """The dispatcher's clock, moved by hand."""

    def __init__(self, start: datetime = T0) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)
