"""`defwatch status`: what the database says about sources, alerts and deliveries."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable

from bot.cli.statusview import StatusReport, ago, render_status
from bot.config.options import Config
from bot.errors import RuleError
from bot.rules import load_ruleset
from bot.store import open_database, settings
from bot.store import outbox as outbox_rows
from bot.store import sources as source_rows
from bot.store import workers as worker_rows
from bot.store.db import utcnow


def _rules_line(config: Config) -> str:
    try:
        ruleset = load_ruleset(config.rules)
    except RuleError as exc:
        return (f"{config.rules}: {len(exc.problems)} problem(s), see `defwatch rules check`;"
                " a running service keeps the rules it loaded before")
    return f"{len(ruleset.rules)} rules, version {ruleset.version} ({config.rules})"


def print_status(config: Config, write: Callable[[str], None]) -> int:
    db = open_database(config.database)
    try:
        with db.engine.begin() as conn:
            sources = source_rows.all_sources(conn)
            backlog = outbox_rows.backlog(conn)
            errors = outbox_rows.last_errors(conn)
            recent = outbox_rows.recent_alerts(conn, 5)
            pause = settings.get(conn, settings.PAUSED)
            running = worker_rows.listing(conn)
    finally:
        db.close()
    now = utcnow()
    paused = (f"by {pause.updated_by or 'an operator'}, {ago(pause.updated_at, now)}"
              if pause is not None else None)
    report = StatusReport(database=db.url, rules=_rules_line(config), now=now,
                          sources=sources, backlog=backlog, channel_errors=errors,
                          recent=recent, paused=paused, workers=running)
    tty = sys.stdout.isatty()
    width = shutil.get_terminal_size((140, 24)).columns if tty else 140
    write(render_status(report, color=tty, width=width))
    return 0
