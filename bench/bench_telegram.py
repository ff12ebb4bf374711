"""What the Telegram post journal costs: alerts posted through the dispatcher to the fake
Bot API on loopback, without pacing (Telegram's own limit of about 20 posts a minute to a
channel is far below either figure), with the journal and without; then how long settling
a post whose answer was lost takes.

    .venv/bin/python bench/bench_telegram.py [--alerts 300] [--settles 30]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.channels import build_channels
from bot.channels.telegram import runtime
from bot.channels.telegram.journal import PostJournal
from bot.channels.telegram.runtime import TelegramRuntime
from bot.config.options import TelegramConfig
from bot.pipeline.dispatch import Dispatcher
from bot.store import Database, open_database
from tests.bot.channels.conftest import make_alert, queue
from tests.fakes.telegram_api import FakeTelegram

CHAT = "@bench"
# The Application's AIORateLimiter would hold a channel to 20 posts a minute: off, as in
# tests/reliability/crash_child.py, so what is timed is defwatch's own work.
runtime.build_application = partial(runtime.build_application, rate_limits=False)


async def post_all(db: Database, api: FakeTelegram, alerts: int, *, journal: bool) -> float:
    """Seconds to post `alerts` alerts, one dispatcher pass after another."""
    runtime = TelegramRuntime(TelegramConfig(token=api.token, base_url=api.base_url),
                              per_chat_interval_s=0.0,
                              journal=PostJournal(db) if journal else None)
    try:
        channels = build_channels([f"telegram:{CHAT}"], Path.cwd(), telegram=runtime.sender)
        for n in range(alerts):
            queue(db, make_alert(f"ev-{journal}-{n}", title=f"Call number {n}"), channels)
        dispatcher = Dispatcher(db, channels)
        await runtime.application.bot.initialize()
        started = time.perf_counter()
        sent = 0
        while sent < alerts:
            sent += (await dispatcher.run_once()).sent
        return time.perf_counter() - started
    finally:
        await runtime.close()


async def settle_times(db: Database, api: FakeTelegram, settles: int) -> list[float]:
    """Per lost answer: seconds from the failed try to the settled delivery."""
    runtime = TelegramRuntime(TelegramConfig(token=api.token, base_url=api.base_url),
                              per_chat_interval_s=0.0, journal=PostJournal(db))
    out: list[float] = []
    try:
        channels = build_channels(["telegram:@settle"], Path.cwd(), telegram=runtime.sender)
        dispatcher = Dispatcher(db, channels)
        queue(db, make_alert("ev-s-base"), channels)  # the chat's baseline
        await dispatcher.run_once()
        for n in range(settles):
            api.drop_answer("sendMessage")
            queue(db, make_alert(f"ev-s-{n}", title=f"Lost answer {n}"), channels)
            await dispatcher.run_once()  # no answer: retried later
            with db.engine.begin() as conn:  # the retry falls due now
                conn.exec_driver_sql("UPDATE deliveries SET next_try = '2000-01-01'"
                                     " WHERE state = 'pending'")
            started = time.perf_counter()
            assert (await dispatcher.run_once()).sent == 1
            out.append(time.perf_counter() - started)
    finally:
        await runtime.close()
    return out


async def main_async(alerts: int, settles: int) -> None:
    with tempfile.TemporaryDirectory() as tmp, FakeTelegram() as api:
        for journal in (False, True):
            db = open_database(f"sqlite:///{tmp}/bench-{journal}.db")
            seconds = await post_all(db, api, alerts, journal=journal)
            label = "with journal   " if journal else "without journal"
            print(f"{label}: {alerts} posts in {seconds:.2f}s = {alerts / seconds:.0f} posts/s,"
                  f" {1000 * seconds / alerts:.2f} ms per post")
            db.close()
        db = open_database(f"sqlite:///{tmp}/bench-settle.db")
        times = sorted(await settle_times(db, api, settles))
        db.close()
        p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
        print(f"settling a lost answer ({settles}x): p50 {1000 * statistics.median(times):.1f}"
              f" ms, p95 {1000 * p95:.1f} ms (one probe edit, then the delivery is marked)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--alerts", type=int, default=300)
    parser.add_argument("--settles", type=int, default=30)
    args = parser.parse_args()
    asyncio.run(main_async(args.alerts, args.settles))
    return 0


if __name__ == "__main__":
    sys.exit(main())
