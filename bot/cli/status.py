"""`defwatch status`: what the database says about sources, alerts and deliveries."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta

from bot.cli.statusview import StatusReport, ago, render_status
from bot.config.options import Config, load_sources
from bot.errors import ConfigError, RuleError
from bot.rules import load_ruleset
from bot.store import articles as article_rows
from bot.store import events as event_rows
from bot.store import open_database, settings
from bot.store import outbox as outbox_rows
from bot.store import sources as source_rows
from bot.store import workers as worker_rows
from bot.store.db import utcnow
from bot.store.sources import SourceStatus


def _rules_line(config: Config) -> str:
    try:
        ruleset = load_ruleset(config.rules)
    except RuleError as exc:
        return (f"{config.rules}: {len(exc.problems)} problem(s), see `defwatch rules check`;"
                " a running service keeps the rules it loaded before")
    return f"{len(ruleset.rules)} rules, version {ruleset.version} ({config.rules})"


def _configured(config: Config, stored: list[SourceStatus], now: datetime,
                ) -> list[SourceStatus]:
    """The configured sources with what the database knows of them: one never polled
    (not even synced: no service has started with it yet) still appears. Rows of sources
    no longer configured are left out."""
    by_id = {s.source.id: s for s in stored}
    try:
        configured = load_sources(config)
    except ConfigError:  # `defwatch sources check` says what is wrong; show what was polled
        return stored
    out = []
    for src in configured:
        known = by_id.get(src.id)
        if known is None:
            known = SourceStatus(source=src.to_source(), enabled=src.enabled, next_due=now,
                                 last_polled=None, last_status=None, last_error=None,
                                 failures=0, items_seen=0)
        elif not src.enabled:
            known = replace(known, enabled=False)
        out.append(known)
    return out


def print_status(config: Config, write: Callable[[str], None], *,
                 show_all: bool = False) -> int:
    now = utcnow()
    every = config.events.update_every
    db = open_database(config.database)
    try:
        with db.engine.begin() as conn:
            stored = source_rows.all_sources(conn)
            backlog = outbox_rows.backlog(conn)
            errors = outbox_rows.last_errors(conn)
            recent = outbox_rows.recent_alerts(conn, 5)
            pause = settings.get(conn, settings.PAUSED)
            running = worker_rows.listing(conn)
            held = event_rows.held_updates(conn, now - timedelta(seconds=every))
            entries = article_rows.entry_counts(conn)
    finally:
        db.close()
    paused = (f"by {pause.updated_by or 'an operator'}, {ago(pause.updated_at, now)}"
              if pause is not None else None)
    report = StatusReport(database=db.url, rules=_rules_line(config), now=now,
                          sources=_configured(config, stored, now), backlog=backlog,
                          channel_errors=errors, recent=recent, paused=paused,
                          workers=running, show_all=show_all, held=held,
                          update_every_s=every, entries=entries,
                          max_age_s=config.events.max_age)
    tty = sys.stdout.isatty()
    width = shutil.get_terminal_size((140, 24)).columns if tty else 140
    write(render_status(report, color=tty, width=width))
    return 0
