"""An update held back by events.update_every is not silent: the log says so once, with
until when, and `defwatch status` lists it."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.cli.status import StatusReport, render_status
from bot.pipeline.alert import Alerter
from bot.store import Database, open_database
from bot.store import articles as article_rows
from bot.store import events as event_rows
from watchers.models import Article

T0 = datetime(2026, 3, 2, 9, 0, 0)  # naive UTC, as the store's clock
EVERY = 600.0


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(f"sqlite:///{tmp_path}/dw.db")
    yield database
    database.close()


def report(db: Database, n: int, outlet: str, title: str, at: datetime) -> None:
    """Report n of the event ev-call (the first opens it)."""
    text = "The two defence ministers spoke by phone about logistics and exercises."
    article = Article(url=f"https://news{n}.example.org/call", title=title, text=text,
                      source_id=f"s{n}", outlet=outlet,
                      published=datetime(2026, 3, 2, tzinfo=UTC), paragraphs=(text,))
    with db.engine.begin() as conn:
        article_id = article_rows.save_article(
            conn, f"key-{n}", article, now=at, rules=("india-japan",),
            matched={"india-japan": ["India", "Japan"]}, entities={}, signature=None)
        if n == 1:
            event_rows.create_event(conn, "ev-call", None, at)
        event_rows.attach(conn, article_id, "ev-call", at, day=None)


def test_a_held_update_is_logged_once_with_until_when(
        db: Database, caplog: pytest.LogCaptureFixture) -> None:
    now = [T0]
    alerter = Alerter(db, ["console"], update_every_s=EVERY, clock=lambda: now[0])
    report(db, 1, "Wire", "Ministers talk", T0)
    assert len(alerter.emit()) == 1  # the new alert, at T0
    report(db, 2, "Daily", "Second outlet on the call", T0 + timedelta(minutes=3))
    caplog.set_level(logging.INFO, logger="defwatch.alerts")
    for minutes in (3, 4, 5):  # ticks while the update is held
        now[0] = T0 + timedelta(minutes=minutes)
        assert alerter.emit() == []
    held = [r.getMessage() for r in caplog.records if "held" in r.getMessage()]
    assert held == ["update held event=ev-call until 2026-03-02 09:10:00 UTC "
                    "(events.update_every 600s): 1 new source(s), first Daily — Second "
                    "outlet on the call"]
    now[0] = T0 + timedelta(minutes=10)
    assert len(alerter.emit()) == 1  # the update goes out when the time has come
    with db.engine.begin() as conn:
        assert event_rows.held_updates(conn, now[0] - timedelta(seconds=EVERY)) == []


def test_status_lists_held_updates(db: Database) -> None:
    report(db, 1, "Wire", "Ministers talk", T0)
    Alerter(db, ["console"], update_every_s=EVERY, clock=lambda: T0).emit()
    report(db, 2, "Daily", "Second outlet on the call", T0 + timedelta(minutes=3))
    now = T0 + timedelta(minutes=4)
    with db.engine.begin() as conn:
        held = event_rows.held_updates(conn, now - timedelta(seconds=EVERY))
    out = render_status(StatusReport(database="sqlite://", rules="-", now=now, held=held,
                                     update_every_s=EVERY))
    assert "updates held (at most one per event every 10m, events.update_every)" in out
    assert "ev-call" in out and "in 6m (09:10:00 UTC)" in out
    assert "Daily — Second outlet on the call" in out
