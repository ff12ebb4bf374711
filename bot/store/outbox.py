"""The outbox: alerts written with the event change that caused them, and one delivery
row per (alert, channel) that the dispatcher works through.

Dispatchers claim deliveries with a lease (`claimed_until`, `claimed_by`), one claimer at
a time, and never take a delivery while another dispatcher holds an earlier one of the
same event and channel: an update must not overtake the message it edits.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, exists, func, insert, or_, select, update

from bot.store.db import LOCK_OUTBOX, serialize
from bot.store.lease import Lease
from bot.store.tables import alerts, deliveries

LEASE = Lease(deliveries, deliveries.c.id)


@dataclass(frozen=True)
class Delivery:
    id: int
    alert_id: int
    event_id: str
    channel: str
    attempts: int
    payload: dict[str, Any]


def add_alert(conn: Connection, event_id: str, action: str, payload: dict[str, Any],
              channels: list[str], *, now: datetime) -> int:
    key = conn.execute(insert(alerts).values(
        event_id=event_id, action=action, payload=payload, created_at=now,
    )).inserted_primary_key
    assert key is not None  # an INSERT of one row always has one
    alert_id = int(key[0])
    if channels:
        conn.execute(insert(deliveries), [
            {"alert_id": alert_id, "event_id": event_id, "channel": ch, "state": "pending",
             "attempts": 0, "next_try": now} for ch in channels])
    return alert_id


def claim_deliveries(conn: Connection, now: datetime, channels: list[str], *, owner: str,
                     until: datetime, limit: int = 200,
                     prefixes: list[str] | None = None) -> list[Delivery]:
    """Hold pending deliveries whose time has come for `owner` until `until`, for the
    named channels and for the channel families given by prefix (e.g. every
    `telegram:chat:<id>`), oldest alert first."""
    serialize(conn, LOCK_OUTBOX)  # claimers take turns, so each sees the others' claims
    wanted = [deliveries.c.channel.in_(channels),
              *(deliveries.c.channel.startswith(p, autoescape=True) for p in prefixes or ())]
    earlier = deliveries.alias("earlier")
    held_elsewhere = exists().where(
        earlier.c.event_id == deliveries.c.event_id, earlier.c.channel == deliveries.c.channel,
        earlier.c.id < deliveries.c.id, earlier.c.state == "pending",
        earlier.c.claimed_until > now, earlier.c.claimed_by != owner)
    q = (select(deliveries.c.id, deliveries.c.alert_id, deliveries.c.event_id,
                deliveries.c.channel, deliveries.c.attempts, alerts.c.payload)
         .join(alerts, alerts.c.id == deliveries.c.alert_id)
         .where(deliveries.c.state == "pending", deliveries.c.next_try <= now, or_(*wanted),
                LEASE.free(now), ~held_elsewhere)
         .order_by(deliveries.c.alert_id, deliveries.c.id).limit(limit))
    rows = conn.execute(LEASE.skip_locked(conn, q, of=deliveries)).all()
    LEASE.take(conn, [r.id for r in rows], owner=owner, until=until)
    return [Delivery(id=r.id, alert_id=r.alert_id, event_id=r.event_id, channel=r.channel,
                     attempts=r.attempts, payload=r.payload) for r in rows]


@dataclass(frozen=True)
class Waiting:
    """A pending delivery and when it may be tried next."""

    channel: str
    next_try: datetime
    last_error: str | None


def waiting(conn: Connection, channels: list[str], *,
            prefixes: list[str] | None = None) -> list[Waiting]:
    """Pending deliveries of these channels (and channel families), soonest first."""
    wanted = [deliveries.c.channel.in_(channels),
              *(deliveries.c.channel.startswith(p, autoescape=True) for p in prefixes or ())]
    rows = conn.execute(select(deliveries.c.channel, deliveries.c.next_try,
                               deliveries.c.last_error)
                        .where(deliveries.c.state == "pending", or_(*wanted))
                        .order_by(deliveries.c.next_try, deliveries.c.id))
    return [Waiting(r.channel, r.next_try, r.last_error) for r in rows]


def renew(conn: Connection, delivery_id: int, *, owner: str, now: datetime,
          until: datetime) -> bool:
    """Extend `owner`'s claim right before sending. False when the claim was lost (its
    lease ran out and another dispatcher took it), the delivery is no longer pending, or
    it was held back meanwhile (another dispatcher met the channel's flood control)."""
    result = conn.execute(update(deliveries).where(
        deliveries.c.id == delivery_id, LEASE.held_by(owner),
        deliveries.c.state == "pending", deliveries.c.next_try <= now,
    ).values(claimed_until=until))
    return bool(result.rowcount)


def release(conn: Connection, delivery_ids: list[int], *, owner: str) -> None:
    """Give back claims not worked through (a throttled channel, a shutdown)."""
    LEASE.release(conn, delivery_ids, owner=owner, also=[deliveries.c.state == "pending"])


def previous_ref(conn: Connection, event_id: str, channel: str) -> str | None:
    """What the channel returned for its latest delivery of this event: an update edits
    that message (an editing channel returns the same message ids again)."""
    return conn.execute(
        select(deliveries.c.message_ref)
        .where(deliveries.c.event_id == event_id, deliveries.c.channel == channel,
               deliveries.c.state == "sent", deliveries.c.message_ref.is_not(None))
        .order_by(deliveries.c.id.desc()).limit(1)).scalar()


def mark_sent(conn: Connection, delivery_id: int, ref: str | None, now: datetime) -> None:
    conn.execute(update(deliveries).where(deliveries.c.id == delivery_id).values(
        state="sent", message_ref=ref, delivered_at=now, last_error=None,
        attempts=deliveries.c.attempts + 1, **LEASE.ENDED))


def mark_retry(conn: Connection, delivery_id: int, error: str, next_try: datetime, *,
               count_attempt: bool = True) -> None:
    """Try again at next_try; a server's flood control (count_attempt=False) does not use
    up the delivery's attempts."""
    attempts = deliveries.c.attempts + 1 if count_attempt else deliveries.c.attempts
    conn.execute(update(deliveries).where(deliveries.c.id == delivery_id).values(
        last_error=error, next_try=next_try, attempts=attempts, **LEASE.ENDED))


def postpone_channel(conn: Connection, channel: str, until: datetime, error: str) -> int:
    """Hold every pending delivery of a channel until `until` (a server's retry_after):
    none of them may be tried earlier. Returns how many were held."""
    result = conn.execute(update(deliveries).where(
        deliveries.c.channel == channel, deliveries.c.state == "pending",
        deliveries.c.next_try < until).values(next_try=until, last_error=error))
    return int(result.rowcount or 0)


def mark_failed(conn: Connection, delivery_id: int, error: str) -> None:
    conn.execute(update(deliveries).where(deliveries.c.id == delivery_id).values(
        state="failed", last_error=error, attempts=deliveries.c.attempts + 1,
        **LEASE.ENDED))


def backlog(conn: Connection) -> dict[str, dict[str, int]]:
    """Delivery counts by channel and state, for status and metrics."""
    out: dict[str, dict[str, int]] = {}
    rows = conn.execute(select(deliveries.c.channel, deliveries.c.state, func.count())
                        .group_by(deliveries.c.channel, deliveries.c.state))
    for channel, state, n in rows:
        out.setdefault(channel, {})[state] = int(n)
    return out


def last_errors(conn: Connection) -> dict[str, str]:
    """The latest error recorded per channel (pending retries and failures), for status."""
    rows = conn.execute(select(deliveries.c.channel, deliveries.c.last_error)
                        .where(deliveries.c.last_error.is_not(None))
                        .order_by(deliveries.c.id))
    return {str(channel): str(error) for channel, error in rows}


def recent_alerts(conn: Connection, limit: int = 10) -> list[dict[str, Any]]:
    rows = conn.execute(select(alerts.c.payload, alerts.c.created_at)
                        .order_by(alerts.c.id.desc()).limit(limit))
    return [{**r.payload, "created_at": r.created_at.isoformat()} for r in rows]
