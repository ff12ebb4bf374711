"""Dirty events become alerts in the outbox, in the same transaction that marks them."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from sqlalchemy import Connection

from bot.events.summary import summarise
from bot.models import Alert, AlertSource, Entities
from bot.ops.metrics import Metrics
from bot.store import Database
from bot.store import archive as archive_rows
from bot.store import articles as article_rows
from bot.store import events as event_rows
from bot.store import outbox as outbox_rows
from bot.store.articles import StoredArticle
from bot.store.db import utcnow

log = logging.getLogger("defwatch.alerts")


def build_alert(event_id: str, action: str, members: list[StoredArticle]) -> Alert:
    summary = summarise([m.article for m in members],
                        [Entities.from_json(m.entities) for m in members])
    rules = sorted({r for m in members for r in m.rules})
    matched: dict[str, list[str]] = {}
    for rule in rules:
        words: dict[str, None] = {}
        for m in members:
            for w in m.matched.get(rule, ()):
                words.setdefault(w, None)
        matched[rule] = list(words)
    sources = tuple(
        AlertSource(url=m.article.url, outlet=m.article.outlet, title=m.article.title,
                    published=m.article.published.isoformat() if m.article.published else None,
                    rules=m.rules, authority=m.article.authority)
        for m in members)
    return Alert(event_id=event_id, action="new" if action == "new" else "update",
                 rules=tuple(rules), title=summary.title, summary=summary.summary,
                 facts=summary.facts, sources=sources, matched=matched,
                 confirmed=any(m.article.authority == "official" for m in members))


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

    def emit(self) -> list[int]:
        """Alert every event with news: `new` the first time, then at most one `update`
        per event per update_every; a throttled event stays dirty for a later call.

        Each event is claimed in its alert's transaction (replicas skip an event another
        one is alerting, and see it clean once that one commits): one alert per change.
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
                alert = self._alert(conn, event_id, now)
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

    def _alert(self, conn: Connection, event_id: str, now: datetime,
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
        alert = build_alert(event_id, action, article_rows.event_articles(conn, event_id))
        payload = alert.to_json()
        alert_id = outbox_rows.add_alert(conn, event_id, action, payload,
                                         list(self._recipients(conn, alert)), now=now)
        archive_rows.record(conn, alert_id, payload, now)
        event_rows.mark_alerted(conn, event_id, now)
        return alert_id, alert
