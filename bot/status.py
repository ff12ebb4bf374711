"""`defwatch status`: what the database says about sources, alerts and deliveries."""

from __future__ import annotations

from collections.abc import Callable

from bot.config import Config
from bot.store import open_database
from bot.store import outbox as outbox_rows
from bot.store import polling as source_rows


def print_status(config: Config, write: Callable[[str], None]) -> int:
    db = open_database(config.database)
    try:
        with db.engine.begin() as conn:
            sources = source_rows.all_sources(conn)
            backlog = outbox_rows.backlog(conn)
            recent = outbox_rows.recent_alerts(conn, 5)
    finally:
        db.close()
    write(f"database: {db.url}")
    write(f"sources ({len(sources)}):")
    for s in sources:
        polled = s.last_polled.isoformat(timespec="seconds") if s.last_polled else "never"
        state = "disabled" if not s.enabled else (s.last_status or "new")
        error = f"  error: {s.last_error}" if s.last_error else ""
        write(f"  {s.source.id:<28} {state:<12} failures={s.failures:<3} last={polled} "
              f"next={s.next_due.isoformat(timespec='seconds')} items={s.items_seen}{error}")
    write("deliveries:")
    if not backlog:
        write("  none yet")
    for channel, states in sorted(backlog.items()):
        counts = " ".join(f"{k}={v}" for k, v in sorted(states.items()))
        write(f"  {channel:<28} {counts}")
    write("recent alerts:")
    for a in recent:
        write(f"  {a['created_at']}  {a['action']:<6}  {a['title']}  [{', '.join(a['rules'])}]")
    if not recent:
        write("  none yet")
    return 0
