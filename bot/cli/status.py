"""`defwatch status`: what the database says about sources, alerts and deliveries, as tables:
a summary first, then what needs attention (every source with --all), held updates,
deliveries, recent alerts, the rule set in force.
"""

from __future__ import annotations

import io
import shutil
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from bot.config.options import Config, load_sources
from bot.errors import ConfigError, RuleError
from bot.rules.cache import RuleCache
from bot.store import entries as entry_rows
from bot.store import events as event_rows
from bot.store import open_database, settings
from bot.store import outbox as outbox_rows
from bot.store import sources as source_rows
from bot.store import workers as worker_rows
from bot.store.db import utcnow
from bot.store.events import Held
from bot.store.sources import SourceStatus
from bot.store.workers import WorkerRow

__all__ = ["HEALTH", "StatusReport", "ago", "health", "print_status", "render_status"]


def _rules_line(config: Config) -> str:
    try:
        ruleset = RuleCache(config.cache).load(config.rules)
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
            entries = entry_rows.entry_counts(conn)
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


# How a source is doing, in the order status lists them: what needs attention first.
HEALTH = ("failing", "disabled", "never polled", "healthy")


def health(s: SourceStatus) -> str:
    if not s.enabled:
        return "disabled"
    if s.failures or s.last_status == "error":
        return "failing"
    return "never polled" if s.last_polled is None else "healthy"


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
    show_all: bool = False  # list every source, not only those that need attention
    held: Sequence[Held] = ()  # updates waiting for events.update_every
    update_every_s: float = 600.0
    entries: Mapping[str, int] = field(default_factory=dict)  # feed entries by status
    max_age_s: float | None = None  # events.max_age; None: off
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


def _summary(report: StatusReport) -> str:
    counts = dict.fromkeys(HEALTH, 0)
    for s in report.sources:
        counts[health(s)] += 1
    return f"{len(report.sources)} configured: " + ", ".join(
        f"{counts[h]} {h}" for h in ("healthy", "failing", "never polled", "disabled"))


def _duration(seconds: float) -> str:
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size and seconds % size == 0:
            return f"{seconds / size:.0f}{unit}"
    return f"{seconds:g}s"


def _entries(report: StatusReport) -> str:
    counts = report.entries
    parts = [f"{counts.get(k, 0)} {k}" for k in ("done", "pending", "failed")]
    if counts.get("old") or report.max_age_s is not None:
        limit = (f"older than events.max_age {_duration(report.max_age_s)}"
                 if report.max_age_s is not None else "events.max_age is off now")
        parts.insert(1, f"{counts.get('old', 0)} old news, not alerted ({limit})")
    return ", ".join(parts)


def _held(report: StatusReport) -> Table:
    every = _duration(report.update_every_s)
    table = Table(title=f"updates held (at most one per event every {every}, "
                        "events.update_every)", title_justify="left")
    for name in ("event", "goes out", "new sources", "first new source"):
        table.add_column(name, overflow="fold")
    for h in report.held:
        until = h.alerted_at + timedelta(seconds=report.update_every_s)
        table.add_row(h.event_id, f"{ago(until, report.now)} ({until:%H:%M:%S} UTC)",
                      str(h.waiting), f"{h.outlet} — {h.title}")
    return table


def _sources(report: StatusReport) -> Table:
    listed = sorted(report.sources, key=lambda s: (HEALTH.index(health(s)), s.source.id))
    if not report.show_all:
        listed = [s for s in listed if health(s) != "healthy"]
    title = ("sources" if report.show_all
             else "sources that need attention (all of them: defwatch status --all)")
    table = Table(title=f"{title} ({len(listed)})", title_justify="left", expand=False)
    for name in ("source", "state", "last poll", "next due", "failures", "items"):
        table.add_column(name, justify="right" if name in ("failures", "items") else "left")
    table.add_column("last error", overflow="fold", max_width=60)
    for s in listed:
        state = "disabled" if not s.enabled else (s.last_status or "never polled")
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
    console.print(f"sources:  {_summary(report)}")
    console.print(f"entries:  {_entries(report)}", markup=False)
    if report.paused:
        console.print(f"PAUSED:   {report.paused}; no polling and no new alerts until /resume",
                      markup=False)
    if report.held:
        console.print(_held(report))
    if report.show_all or any(health(s) != "healthy" for s in report.sources):
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
