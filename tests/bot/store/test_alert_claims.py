"""Alerts and deliveries under replicas: a dirty event is alerted once, a delivery is
sent once, whoever races for them."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from bot.models import Alert, AlertSource, Facts
from bot.pipeline.alert import Alerter
from bot.pipeline.dispatch import Dispatcher
from bot.store import Database, open_database
from bot.store import articles as article_rows
from bot.store import events as event_rows
from bot.store import outbox as rows
from bot.store.tables import alerts
from tests.bot.store.helpers import T0, race
from watchers.models import Article

LEASE = timedelta(minutes=5)


class Recorder:
    """A channel that remembers every alert id it was given (from any thread)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.sent: list[int] = []

    async def send(self, alert: Alert, *, alert_id: int, previous_ref: str | None) -> str | None:
        await asyncio.sleep(0)  # let the other dispatchers of this loop run
        self.sent.append(alert_id)
        return None

    async def close(self) -> None:
        return None


def add_event(db: Database, n: int) -> str:
    event_id = f"ev-{n:04d}"
    text = ("Defence Minister Rajnath Singh spoke with his Japanese counterpart on "
            "Tuesday about logistics cooperation.")
    article = Article(url=f"http://127.0.0.1:9/news/{n}.html", title=f"Ministers talk {n}",
                      text=text, source_id="wire", outlet="Wire",
                      published=datetime(2020, 12, 22, tzinfo=UTC), paragraphs=(text,))
    with db.engine.begin() as conn:
        article_id = article_rows.save_article(
            conn, f"key-{n}", article, now=T0, rules=("india-japan",),
            matched={"india-japan": ["India", "Japan"]}, entities={}, signature=None)
        event_rows.create_event(conn, event_id, None, T0)
        event_rows.attach(conn, article_id, event_id, T0, day=None)
    return event_id


def queue(db: Database, n: int, channels: list[str]) -> None:
    alert = Alert(event_id=f"ev-{n}", action="new", rules=("india-japan",), title="Talks",
                  summary="They talked.", facts=Facts(date="2020-12-22"),
                  sources=(AlertSource(url="http://127.0.0.1:9/a", outlet="Wire", title="T",
                                       published=None, rules=("india-japan",)),),
                  matched={"india-japan": ["India", "Japan"]})
    with db.engine.begin() as conn:
        event_rows.create_event(conn, f"ev-{n}", None, T0)
        rows.add_alert(conn, f"ev-{n}", "new", alert.to_json(), channels, now=T0)


def claim(db: Database, now: datetime, owner: str, limit: int = 200) -> list[int]:
    with db.engine.begin() as conn:
        return [d.id for d in rows.claim_deliveries(conn, now, ["a", "b"], owner=owner,
                                                    until=now + LEASE, limit=limit)]


def test_a_delivery_claim_is_renewed_before_sending_and_lost_after_its_lease(db: Database,
                                                                            ) -> None:
    queue(db, 1, ["a", "b"])
    first = claim(db, T0, "x", limit=1)
    second = claim(db, T0, "y")
    assert len(first) == len(second) == 1 and first != second
    assert claim(db, T0 + timedelta(minutes=1), "z") == []
    later = T0 + LEASE + timedelta(seconds=1)
    assert claim(db, later, "z") == first + second  # x and y died: z takes over
    with db.engine.begin() as conn:
        assert not rows.renew(conn, first[0], owner="x", now=later, until=later + LEASE)
        assert rows.renew(conn, first[0], owner="z", now=later, until=later + LEASE)
        rows.release(conn, second, owner="z")
    assert claim(db, later, "w") == second  # given back: claimable at once


def test_a_channel_held_back_elsewhere_is_not_sent_by_a_claim_made_before(db: Database,
                                                                         ) -> None:
    queue(db, 1, ["a"])
    [d] = claim(db, T0, "x")
    with db.engine.begin() as conn:  # another dispatcher met the channel's flood control
        rows.postpone_channel(conn, "a", T0 + timedelta(seconds=30), "HTTP 429")
        assert not rows.renew(conn, d, owner="x", now=T0, until=T0 + LEASE)


def test_racing_dispatchers_send_each_delivery_exactly_once(db_url: str) -> None:
    replicas = [open_database(db_url) for _ in range(4)]
    a, b = Recorder("a"), Recorder("b")
    try:
        for n in range(120):
            queue(replicas[0], n, ["a", "b"])

        async def drain(db: Database) -> int:
            dispatcher = Dispatcher(db, {"a": a, "b": b})
            sent = 0
            while report := await dispatcher.run_once():
                if not report.sent:
                    return sent
                sent += report.sent
            return sent

        sent = race(len(replicas), lambda n: asyncio.run(drain(replicas[n])))
    finally:
        for r in replicas:
            r.close()
    assert sum(sent) == 240
    for channel in (a, b):
        assert len(channel.sent) == 120
        assert set(Counter(channel.sent).values()) == {1}


def test_racing_alerters_write_one_alert_per_event(db_url: str) -> None:
    replicas = [open_database(db_url) for _ in range(4)]
    try:
        events = [add_event(replicas[0], n) for n in range(60)]
        created = race(len(replicas), lambda n: Alerter(
            replicas[n], ["a"], update_every_s=600, clock=lambda: T0).emit())
        with replicas[0].engine.begin() as conn:
            per_event = Counter(conn.execute(select(alerts.c.event_id)).scalars())
            total = conn.execute(select(func.count()).select_from(alerts)).scalar_one()
    finally:
        for r in replicas:
            r.close()
    assert sum(len(c) for c in created) == total == 60
    assert per_event == Counter(events)


def test_an_update_never_overtakes_the_message_it_edits(db: Database) -> None:
    queue(db, 1, ["a"])  # ev-1: new
    with db.engine.begin() as conn:
        rows.add_alert(conn, "ev-1", "update", {}, ["a"], now=T0)
    queue(db, 2, ["a"])  # ev-2: new, unrelated
    [new] = claim(db, T0, "x", limit=1)
    # y may take ev-2, but not ev-1's update while x still holds ev-1's first message.
    with db.engine.begin() as conn:
        taken = rows.claim_deliveries(conn, T0, ["a"], owner="y", until=T0 + LEASE)
    assert [(d.event_id, d.alert_id) for d in taken] == [("ev-2", 3)]
    with db.engine.begin() as conn:
        rows.mark_sent(conn, new, "msg-1", T0)
        [update] = rows.claim_deliveries(conn, T0, ["a"], owner="y", until=T0 + LEASE)
    assert (update.event_id, update.alert_id) == ("ev-1", 2)
