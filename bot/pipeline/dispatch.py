"""The dispatcher: works through due deliveries, one channel never blocking another.

Retries are scheduled in the database. A server's retry_after (Telegram's 429) holds
every pending delivery of that channel until it has passed, and does not use up the
delivery's attempts; other failures back off exponentially up to MAX_ATTEMPTS.

Dispatchers sharing a database (replicas) claim deliveries with a lease and renew the
claim right before each send, so no two of them ever send the same delivery.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.channels import Channel, ChannelFamily
from bot.errors import DeliveryError
from bot.models import Alert
from bot.ops.metrics import Metrics
from bot.store import Database
from bot.store import outbox as rows
from bot.store.db import utcnow

log = logging.getLogger("defwatch.outbox")

MAX_ATTEMPTS = 8
BASE_BACKOFF_S = 5.0
MAX_BACKOFF_S = 3600.0
CLAIM_LEASE = timedelta(minutes=5)  # renewed before each send; a crashed claim runs out


@dataclass(frozen=True)
class DispatchReport:
    sent: int = 0
    retried: int = 0
    failed: int = 0


def backoff(attempts: int, retry_after: float | None) -> float:
    """Seconds to wait before the next try; never earlier than the server asked, and
    when it asked, exactly that (its flood control knows best)."""
    if retry_after:
        return retry_after
    return min(MAX_BACKOFF_S, BASE_BACKOFF_S * 2.0 ** max(0, attempts - 1))


class Dispatcher:
    def __init__(self, db: Database, channels: dict[str, Channel],
                 clock: Callable[[], datetime] = utcnow, *,
                 families: Sequence[ChannelFamily] = (), metrics: Metrics | None = None,
                 owner: str | None = None) -> None:
        self._db = db
        self._owner = owner or uuid.uuid4().hex
        self._channels = channels
        self._clock = clock
        self._families = list(families)
        self._metrics = metrics or Metrics()

    async def run_once(self) -> DispatchReport:
        due = await self._db.claim(self._claim,
                                   undo=lambda got: self._release([d.id for d in got]))
        by_channel: dict[str, list[rows.Delivery]] = defaultdict(list)
        for d in due:
            by_channel[d.channel].append(d)
        reports = await asyncio.gather(*(self._drain(name, items)
                                         for name, items in by_channel.items()))
        return DispatchReport(sent=sum(r.sent for r in reports),
                              retried=sum(r.retried for r in reports),
                              failed=sum(r.failed for r in reports))

    async def flush(self, within: timedelta, *,
                    sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
                    ) -> tuple[DispatchReport, list[rows.Waiting]]:
        """Deliver what is due, then wait for each retry due within `within` from now (a
        server's retry_after, a backoff) and deliver again; returns what was done and the
        deliveries still waiting after that. `defwatch once` ends with this, so a 429
        with retry_after 2 does not leave a post for the next cron run."""
        deadline = self._clock() + within
        total = DispatchReport()
        while True:
            done = await self.run_once()
            total = DispatchReport(total.sent + done.sent, total.retried + done.retried,
                                   total.failed + done.failed)
            left = await self._db.run(lambda conn: rows.waiting(
                conn, list(self._channels), prefixes=[f.prefix for f in self._families]))
            now = self._clock()
            # Only retries are waited for: a delivery due now that this dispatcher did not
            # take is another replica's, in its hands already.
            later = [w for w in left if w.next_try > now]
            if not later or later[0].next_try > deadline:
                return total, left
            wait = (later[0].next_try - now).total_seconds()
            log.info("waiting %.1fs for a retry channel=%s (%s)", wait, later[0].channel,
                     later[0].last_error or "backoff")
            await sleep(wait)

    def _claim(self) -> list[rows.Delivery]:
        now = self._clock()
        with self._db.engine.begin() as conn:
            return rows.claim_deliveries(conn, now, list(self._channels), owner=self._owner,
                                         until=now + CLAIM_LEASE,
                                         prefixes=[f.prefix for f in self._families])

    def _label(self, name: str) -> str:
        """The metrics label: a family's prefix, not one label per subscribed chat."""
        for family in self._families:
            if name.startswith(family.prefix):
                return family.prefix.rstrip(":")
        return name

    def _resolve(self, name: str) -> Channel | None:
        channel = self._channels.get(name)
        if channel is not None:
            return channel
        for family in self._families:
            if name.startswith(family.prefix):
                return family.resolve(name)
        return None

    async def _drain(self, name: str, items: list[rows.Delivery]) -> DispatchReport:
        channel = self._resolve(name)
        if channel is None:
            for d in items:
                await self._db.call(self._failed, d,
                                    DeliveryError(name, "no such channel", permanent=True))
            return DispatchReport(failed=len(items))
        outcomes: list[str] = []
        unfinished = [d.id for d in items]
        try:
            for d in items:
                ours, previous = await self._db.call(self._take_turn, d)
                if not ours:
                    unfinished.remove(d.id)
                    continue
                outcome, throttled = await self._send(channel, d, previous)
                unfinished.remove(d.id)
                outcomes.append(outcome)
                if throttled:
                    # The server throttles this channel: later items would be refused too.
                    break
        finally:
            # Claims not worked through (throttled, or a shutdown or crash cut the drain
            # short, maybe mid-send) go back at once rather than when their lease runs
            # out; a process killed outright leaves them to the lease.
            await self._db.call(self._release, unfinished)
        return DispatchReport(sent=outcomes.count("sent"), retried=outcomes.count("retry"),
                              failed=outcomes.count("failed"))

    def _release(self, ids: list[int]) -> None:
        with self._db.engine.begin() as conn:
            rows.release(conn, ids, owner=self._owner)

    def _take_turn(self, d: rows.Delivery) -> tuple[bool, str | None]:
        """Renew the claim right before sending: (still ours, the message to edit)."""
        now = self._clock()
        with self._db.engine.begin() as conn:
            if rows.renew(conn, d.id, owner=self._owner, now=now, until=now + CLAIM_LEASE):
                return True, rows.previous_ref(conn, d.event_id, d.channel)
            rows.release(conn, [d.id], owner=self._owner)
        log.info("delivery skipped, no longer ours alert=%s channel=%s", d.alert_id, d.channel)
        return False, None

    async def _send(self, channel: Channel, d: rows.Delivery,
                    previous: str | None) -> tuple[str, bool]:
        """Send one claimed delivery: (sent | retry | failed, whether the server throttles
        the channel)."""
        name = d.channel
        try:
            ref = await channel.send(Alert.from_json(d.payload), alert_id=d.alert_id,
                                     previous_ref=previous)
        except DeliveryError as exc:
            return await self._db.call(self._failed, d, exc), bool(exc.retry_after)
        except Exception as exc:  # a channel's bug or library surprise: isolate it
            log.exception("channel %s raised unexpectedly for alert=%s", name, d.alert_id)
            failure = DeliveryError(name, f"{type(exc).__name__}: {exc}")
            return await self._db.call(self._failed, d, failure), False
        await self._db.run(lambda conn: rows.mark_sent(conn, d.id, ref, self._clock()))
        self._metrics.delivery(self._label(name), "sent")
        log.info("delivered alert=%s event=%s channel=%s", d.alert_id, d.event_id, name)
        return "sent", False

    def _failed(self, d: rows.Delivery, exc: DeliveryError) -> str:
        attempts = d.attempts + 1
        with self._db.engine.begin() as conn:
            if exc.permanent or (attempts >= MAX_ATTEMPTS and not exc.retry_after):
                rows.mark_failed(conn, d.id, exc.reason)
                self._metrics.delivery(self._label(d.channel), "failed")
                log.error("delivery failed for good alert=%s channel=%s attempts=%d: %s",
                          d.alert_id, d.channel, attempts, exc.reason)
                return "failed"
            wait = backoff(attempts, exc.retry_after)
            until = self._clock() + timedelta(seconds=wait)
            rows.mark_retry(conn, d.id, exc.reason, until,
                            count_attempt=not exc.retry_after)
            if exc.retry_after:
                rows.postpone_channel(conn, d.channel, until, exc.reason)
        self._metrics.delivery(self._label(d.channel), "retry")
        log.warning("delivery will be retried alert=%s channel=%s in %.1fs: %s",
                    d.alert_id, d.channel, wait, exc.reason)
        return "retry"
