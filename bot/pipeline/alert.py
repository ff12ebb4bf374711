"""Dirty events become alerts in the outbox, in the same transaction that marks them."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timedelta

from sqlalchemy import Connection

from bot.models import Alert
from bot.ops.metrics import Metrics
from bot.pipeline.compose import AlertJob, Member, compose
from bot.store import Database
from bot.store import archive as archive_rows
from bot.store import articles as article_rows
from bot.store import events as event_rows
from bot.store import outbox as outbox_rows
from bot.store.articles import StoredArticle
from bot.store.db import utcnow

log = logging.getLogger("defwatch.alerts")


def alert_job(event_id: str, action: str, members: list[StoredArticle]) -> AlertJob:
    return AlertJob(event_id, "new" if action == "new" else "update",
                    tuple(Member(m.id, m.article, m.rules, m.matched, m.entities)
                          for m in members))


def build_alert(event_id: str, action: str, members: list[StoredArticle]) -> Alert:
    return compose(alert_job(event_id, action, members))


# Alerts composed ahead (in the worker processes), by event id, with what they were
# composed from.
Composed = Mapping[str, tuple[AlertJob, Alert]]


Recipients = Callable[[Connection, Alert], Sequence[str]]


class Alerter:
    """channels: the delivery channel names every alert goes to, or a function choosing
    them per alert inside the alert's transaction (bot.channels.routing.Router: topic
    filters and the Telegram chats subscribed to the alert's rules)."""

    def __init__(self, db: Database, channels: Sequence[str] | Recipients, *,
                 update_every_s: float, clock: Callable[[], datetime] = utcnow,
                 metrics: Metrics | None = None) -> None:
        self._db = db
        fixed = list(channels) if not callable(channels) else []
        self._recipients: Recipients = channels if callable(channels) else (
            lambda _conn, _alert: fixed)
        self._update_every = timedelta(seconds=update_every_s)
        self._clock = clock
        self._metrics = metrics or Metrics()
        self._told: set[tuple[str, datetime]] = set()  # held updates already logged

    def jobs(self) -> list[AlertJob]:
        """The alerts emit() would write now, as jobs to compose elsewhere (the worker
        processes) and hand to emit(): the dirty events not held back, with their reports."""
        recent = self._clock() - self._update_every
        with self._db.engine.begin() as conn:
            return [alert_job(event_id, "update" if count else "new",
                              article_rows.event_articles(conn, event_id))
                    for event_id, alerted_at, count in event_rows.dirty_events(conn)
                    if not (count and alerted_at and alerted_at > recent)]

    def emit(self, composed: Composed | None = None) -> list[int]:
        """Alert every event with news: `new` the first time, then at most one `update`
        per event per update_every; a throttled event stays dirty for a later call.

        Each event is claimed in its alert's transaction (replicas skip an event another
        one is alerting, and see it clean once that one commits): one alert per change.
        An alert in `composed` is used when, claimed, its event has the same reports and
        the same action as it was composed from; otherwise it is composed here.
        """
        now = self._clock()
        with self._db.engine.begin() as conn:
            dirty = event_rows.dirty_events(conn)
        created: list[int] = []
        recent = now - self._update_every
        if any(count and alerted_at and alerted_at > recent for _, alerted_at, count in dirty):
            self._tell_held(recent)
        for event_id, _, _ in dirty:
            with self._db.engine.begin() as conn:
                alert = self._alert(conn, event_id, now, composed or {})
            if alert is None:
                continue
            alert_id, written = alert
            created.append(alert_id)
            self._metrics.alert(written.action)
            log.info("alert=%d event=%s action=%s rules=%s sources=%d", alert_id, event_id,
                     written.action, ",".join(written.rules), len(written.sources))
        return created

    def _tell_held(self, recent: datetime) -> None:
        """Log each held update once: which event, what waits, and until when."""
        with self._db.engine.begin() as conn:
            held = event_rows.held_updates(conn, recent)
        self._told = {told for told in self._told if told[1] > recent}  # gone out since
        for h in held:
            if (h.event_id, h.alerted_at) in self._told:
                continue
            self._told.add((h.event_id, h.alerted_at))
            until = h.alerted_at + self._update_every
            log.info("update held event=%s until %s UTC (events.update_every %gs): %d new "
                     "source(s), first %s — %s", h.event_id,
                     until.isoformat(sep=" ", timespec="seconds"),
                     self._update_every.total_seconds(), h.waiting, h.outlet, h.title)

    def _alert(self, conn: Connection, event_id: str, now: datetime, composed: Composed,
               ) -> tuple[int, Alert] | None:
        """Write the event's alert and mark it clean; None when it is not (or no longer)
        ours to alert now."""
        claimed = event_rows.claim_dirty(conn, event_id)
        if claimed is None:
            return None
        alerted_at, count = claimed
        if count and alerted_at and now - alerted_at < self._update_every:
            return None
        action = "update" if count else "new"
        ready = composed.get(event_id)
        if (ready is not None and ready[0].action == action
                and ready[0].member_ids == article_rows.event_member_ids(conn, event_id)):
            alert = ready[1]
        else:  # not composed ahead, or the event changed since
            alert = build_alert(event_id, action, article_rows.event_articles(conn, event_id))
        payload = alert.to_json()
        alert_id = outbox_rows.add_alert(conn, event_id, action, payload,
                                         list(self._recipients(conn, alert)), now=now)
        archive_rows.record(conn, alert_id, payload, now)
        event_rows.mark_alerted(conn, event_id, now)
        return alert_id, alert
