"""`defwatch status`: what the database says about sources, alerts and deliveries, as tables:
sources, deliveries, recent alerts, the rule set in force.
"""

from __future__ import annotations

import io
import shutil
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from bot.config.options import Config
from bot.errors import RuleError
from bot.rules import load_ruleset
from bot.store import open_database, settings
from bot.store import outbox as outbox_rows
from bot.store import sources as source_rows
from bot.store import workers as worker_rows
from bot.store.db import utcnow
from bot.store.sources import SourceStatus
from bot.store.workers import WorkerRow

__all__ = ["StatusReport", "ago", "print_status", "render_status"]


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


@dataclass(frozen=True)
class StatusReport:
    database: str
    rules: str  # "12 rules, version 3f2a…" or why they do not load
    now: datetime  # naive UTC, like the columns
    sources: Sequence[SourceStatus] = ()
    backlog: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    channel_errors: Mapping[str, str] = field(default_factory=dict)
    recent: Sequence[Mapping[str, Any]] = ()
    paused: str | None = None  # who paused the service, and when, while it is paused
    workers: Sequence[WorkerRow] = ()  # the processes working on this database


def ago(then: datetime | None, now: datetime) -> str:
    """`3m ago`, `in 5m`, `now`; `never` for None."""
    if then is None:
        return "never"
    seconds = (now - then).total_seconds()
    span = abs(seconds)
    if span < 30:
        return "now"
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if span >= size:
            text = f"{span / size:.0f}{unit}"
            break
    else:
        text = f"{span:.0f}s"
    return f"{text} ago" if seconds > 0 else f"in {text}"


def _sources(report: StatusReport) -> Table:
    table = Table(title=f"sources ({len(report.sources)})", title_justify="left",
                  expand=False)
    for name in ("source", "state", "last poll", "next due", "failures", "items"):
        table.add_column(name, justify="right" if name in ("failures", "items") else "left")
    table.add_column("last error", overflow="fold", max_width=60)
    for s in report.sources:
        state = "disabled" if not s.enabled else (s.last_status or "new")
        style = "red" if s.failures else ("dim" if not s.enabled else "")
        table.add_row(s.source.id, Text(state, style=style), ago(s.last_polled, report.now),
                      ago(s.next_due, report.now) if s.enabled else "-", str(s.failures),
                      str(s.items_seen), s.last_error or "")
    return table


def _deliveries(report: StatusReport) -> Table:
    table = Table(title="outbox", title_justify="left")
    for name in ("channel", "pending", "sent", "failed"):
        table.add_column(name, justify="left" if name == "channel" else "right")
    table.add_column("last error", overflow="fold", max_width=60)
    for channel, states in sorted(report.backlog.items()):
        pending = states.get("pending", 0)
        table.add_row(channel, Text(str(pending), style="yellow" if pending else ""),
                      str(states.get("sent", 0)), str(states.get("failed", 0)),
                      report.channel_errors.get(channel, ""))
    return table


def _workers(report: StatusReport) -> Table:
    table = Table(title="workers", title_justify="left")
    for name in ("host", "pid", "started", "last heartbeat", "id"):
        table.add_column(name, justify="right" if name == "pid" else "left")
    for w in sorted(report.workers, key=lambda w: (w.host, w.pid)):
        table.add_row(w.host, str(w.pid), ago(w.started_at, report.now),
                      ago(w.seen_at, report.now), w.owner[:8])
    return table


def _alerts(report: StatusReport) -> Table:
    table = Table(title="recent alerts", title_justify="left")
    for name in ("created (UTC)", "action", "title", "topics", "sources"):
        table.add_column(name, overflow="fold")
    for a in report.recent:
        table.add_row(str(a.get("created_at", ""))[:19].replace("T", " "),
                      str(a.get("action", "")), str(a.get("title", "")),
                      ", ".join(a.get("rules", ())), str(len(a.get("sources", ()))))
    return table


def render_status(report: StatusReport, *, color: bool = False, width: int = 140) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=color,
                      color_system="standard" if color else None, highlight=False)
    console.print(f"database: {report.database}")
    console.print(f"rules:    {report.rules}")
    if report.paused:
        console.print(f"PAUSED:   {report.paused}; no polling and no new alerts until /resume",
                      markup=False)
    console.print(_sources(report))
    if report.workers:
        console.print(_workers(report))
    else:
        console.print("workers: none running")
    if report.backlog:
        console.print(_deliveries(report))
    else:
        console.print("outbox: no deliveries yet")
    if report.recent:
        console.print(_alerts(report))
    else:
        console.print("recent alerts: none yet")
    return buffer.getvalue().rstrip("\n")
