"""The dispatcher: works through due deliveries, one channel never blocking another."""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.channels import Channel
from bot.errors import DeliveryError
from bot.models import alert_from_json
from bot.store import Database
from bot.store import outbox as rows
from bot.store.db import utcnow

log = logging.getLogger("defwatch.outbox")

MAX_ATTEMPTS = 8
BASE_BACKOFF_S = 5.0
MAX_BACKOFF_S = 3600.0


@dataclass(frozen=True)
class DispatchReport:
    sent: int = 0
    retried: int = 0
    failed: int = 0


def backoff(attempts: int, retry_after: float | None) -> float:
    """Seconds to wait before the next try; never earlier than the server asked."""
    wait = min(MAX_BACKOFF_S, BASE_BACKOFF_S * 2 ** max(0, attempts - 1))
    return max(wait, retry_after or 0.0)


class Dispatcher:
    def __init__(self, db: Database, channels: dict[str, Channel],
                 clock: Callable[[], datetime] = utcnow) -> None:
        self._db = db
        self._channels = channels
        self._clock = clock

    async def run_once(self) -> DispatchReport:
        with self._db.engine.begin() as conn:
            due = rows.due_deliveries(conn, self._clock(), list(self._channels))
        by_channel: dict[str, list[rows.Delivery]] = defaultdict(list)
        for d in due:
            by_channel[d.channel].append(d)
        reports = await asyncio.gather(*(self._drain(name, items)
                                         for name, items in by_channel.items()))
        return DispatchReport(sent=sum(r.sent for r in reports),
                              retried=sum(r.retried for r in reports),
                              failed=sum(r.failed for r in reports))

    async def _drain(self, name: str, items: list[rows.Delivery]) -> DispatchReport:
        channel = self._channels[name]
        sent = retried = failed = 0
        for d in items:
            alert = alert_from_json(d.payload)
            with self._db.engine.begin() as conn:
                prev = rows.previous_ref(conn, d.event_id, name)
            try:
                ref = await channel.send(alert, alert_id=d.alert_id, previous_ref=prev)
            except DeliveryError as exc:
                outcome = self._failed(d, exc)
                retried += outcome == "retry"
                failed += outcome == "failed"
                if exc.retry_after:
                    # The server throttles this channel: later items would be refused too.
                    break
                continue
            with self._db.engine.begin() as conn:
                rows.mark_sent(conn, d.id, ref, self._clock())
            sent += 1
            log.info("delivered alert=%s event=%s channel=%s", d.alert_id, d.event_id, name)
        return DispatchReport(sent=sent, retried=retried, failed=failed)

    def _failed(self, d: rows.Delivery, exc: DeliveryError) -> str:
        attempts = d.attempts + 1
        with self._db.engine.begin() as conn:
            if exc.permanent or attempts >= MAX_ATTEMPTS:
                rows.mark_failed(conn, d.id, exc.reason)
                log.error("delivery failed for good alert=%s channel=%s attempts=%d: %s",
                          d.alert_id, d.channel, attempts, exc.reason)
                return "failed"
            wait = backoff(attempts, exc.retry_after)
            rows.mark_retry(conn, d.id, exc.reason, self._clock() + timedelta(seconds=wait))
        log.warning("delivery will be retried alert=%s channel=%s in %.0fs: %s",
                    d.alert_id, d.channel, wait, exc.reason)
        return "retry"
