"""Alerts composed ahead, in the worker processes, are written only when their event has
not changed since: the same reports and the same action once the event is claimed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from bot.pipeline.alert import Alerter
from bot.pipeline.compose import compose
from bot.store import Database, open_database
from bot.store.tables import alerts
from tests.bot.pipeline.test_held_updates import T0, report


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(f"sqlite:///{tmp_path}/dw.db")
    yield database
    database.close()


def payloads(db: Database) -> list[dict[str, Any]]:
    with db.engine.begin() as conn:
        return [dict(p) for p in conn.execute(select(alerts.c.payload)
                                              .order_by(alerts.c.id)).scalars()]


def test_an_alert_composed_ahead_is_the_one_written(db: Database) -> None:
    alerter = Alerter(db, ["console"], update_every_s=0, clock=lambda: T0)
    report(db, 1, "Wire", "Ministers talk", T0)
    report(db, 2, "Daily", "Second outlet on the call", T0)
    [job] = alerter.jobs()
    assert (job.event_id, job.action, len(job.members)) == ("ev-call", "new", 2)
    composed = compose(job)
    assert len(alerter.emit({job.event_id: (job, composed)})) == 1
    assert payloads(db) == [composed.to_json()]
    assert alerter.jobs() == []  # alerted: nothing left to compose


def test_an_event_that_changed_since_is_composed_again(db: Database) -> None:
    alerter = Alerter(db, ["console"], update_every_s=0, clock=lambda: T0)
    report(db, 1, "Wire", "Ministers talk", T0)
    [job] = alerter.jobs()
    stale = compose(job)
    report(db, 2, "Daily", "Second outlet on the call", T0 + timedelta(minutes=1))
    alerter.emit({job.event_id: (job, stale)})
    [written] = payloads(db)
    assert [s["outlet"] for s in written["sources"]] == ["Wire", "Daily"]
    assert written != stale.to_json()


def test_an_action_that_changed_since_is_composed_again(db: Database) -> None:
    alerter = Alerter(db, ["console"], update_every_s=0, clock=lambda: T0)
    report(db, 1, "Wire", "Ministers talk", T0)
    [job] = alerter.jobs()
    alerter.emit()  # another cycle (or replica) sent the `new` alert meanwhile
    report(db, 2, "Daily", "Second outlet on the call", T0)
    [update] = alerter.jobs()
    alerter.emit({job.event_id: (job, compose(job))})  # composed as `new`: not used
    assert [p["action"] for p in payloads(db)] == ["new", "update"]
    assert payloads(db)[1] == compose(update).to_json()


def test_held_updates_are_not_composed(db: Database) -> None:
    alerter = Alerter(db, ["console"], update_every_s=600, clock=lambda: T0)
    report(db, 1, "Wire", "Ministers talk", T0)
    alerter.emit()
    report(db, 2, "Daily", "Second outlet on the call", T0)
    assert alerter.jobs() == []  # the update waits for events.update_every
