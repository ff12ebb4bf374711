"""The outbox: alerts written with the event change that caused them, and one delivery
row per (alert, channel) that the dispatcher works through."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from bot.store.schema import alerts, deliveries


@dataclass(frozen=True)
class Delivery:
    id: int
    alert_id: int
    event_id: str
    channel: str
    attempts: int
    payload: dict[str, Any]


def add_alert(conn: Connection, event_id: str, action: str, payload: dict[str, Any],
              channels: list[str], now: datetime) -> int:
    alert_id = int(conn.execute(insert(alerts).values(
        event_id=event_id, action=action, payload=payload, created_at=now,
    )).inserted_primary_key[0])
    if channels:
        conn.execute(insert(deliveries), [
            {"alert_id": alert_id, "event_id": event_id, "channel": ch, "state": "pending",
             "attempts": 0, "next_try": now} for ch in channels])
    return alert_id


def due_deliveries(conn: Connection, now: datetime, channels: list[str],
                   limit: int = 200) -> list[Delivery]:
    rows = conn.execute(
        select(deliveries.c.id, deliveries.c.alert_id, deliveries.c.event_id,
               deliveries.c.channel, deliveries.c.attempts, alerts.c.payload)
        .join(alerts, alerts.c.id == deliveries.c.alert_id)
        .where(deliveries.c.state == "pending", deliveries.c.next_try <= now,
               deliveries.c.channel.in_(channels))
        .order_by(deliveries.c.alert_id, deliveries.c.id).limit(limit))
    return [Delivery(id=r.id, alert_id=r.alert_id, event_id=r.event_id, channel=r.channel,
                     attempts=r.attempts, payload=r.payload) for r in rows]


def previous_ref(conn: Connection, event_id: str, channel: str) -> str | None:
    """The message a channel sent first for this event: an update edits it."""
    return conn.execute(
        select(deliveries.c.message_ref)
        .where(deliveries.c.event_id == event_id, deliveries.c.channel == channel,
               deliveries.c.state == "sent", deliveries.c.message_ref.is_not(None))
        .order_by(deliveries.c.id).limit(1)).scalar()


def mark_sent(conn: Connection, delivery_id: int, ref: str | None, now: datetime) -> None:
    conn.execute(update(deliveries).where(deliveries.c.id == delivery_id).values(
        state="sent", message_ref=ref, delivered_at=now, last_error=None,
        attempts=deliveries.c.attempts + 1))


def mark_retry(conn: Connection, delivery_id: int, error: str, next_try: datetime) -> None:
    conn.execute(update(deliveries).where(deliveries.c.id == delivery_id).values(
        last_error=error, next_try=next_try, attempts=deliveries.c.attempts + 1))


def mark_failed(conn: Connection, delivery_id: int, error: str) -> None:
    conn.execute(update(deliveries).where(deliveries.c.id == delivery_id).values(
        state="failed", last_error=error, attempts=deliveries.c.attempts + 1))


def backlog(conn: Connection) -> dict[str, dict[str, int]]:
    """Delivery counts by channel and state, for status and metrics."""
    out: dict[str, dict[str, int]] = {}
    rows = conn.execute(select(deliveries.c.channel, deliveries.c.state, func.count())
                        .group_by(deliveries.c.channel, deliveries.c.state))
    for channel, state, n in rows:
        out.setdefault(channel, {})[state] = int(n)
    return out


def recent_alerts(conn: Connection, limit: int = 10) -> list[dict[str, Any]]:
    rows = conn.execute(select(alerts.c.payload, alerts.c.created_at)
                        .order_by(alerts.c.id.desc()).limit(limit))
    return [{**r.payload, "created_at": r.created_at.isoformat()} for r in rows]
