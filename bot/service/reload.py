"""SIGHUP: read rules and sources again, with the safety of the rule hot reload.

A broken file is logged (file, line, key) and what is in force stays in force. Sources
take effect at once (new ones are due now, removed ones are disabled, the poll state of
kept ones survives); other changed keys are named as needing a restart.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from bot.config.options import Config, load_config, load_sources, sources_written
from bot.errors import ConfigError
from bot.store import sources as source_rows
from bot.store.db import utcnow

if TYPE_CHECKING:
    from bot.service.app import App

__all__ = ["reload_config"]

log = logging.getLogger("defwatch.reload")

_LIVE_KEYS = ("sources", "path")


def reload_config(app: App) -> bool:
    """Rules and sources from disk; True when both reloaded cleanly."""
    rules_ok = app.rules.reload()
    return reload_sources(app) and rules_ok


def reload_sources(app: App) -> bool:
    old = app.config
    try:
        config = load_config(str(old.path)) if old.path is not None else old
        fresh = [s.to_source() for s in load_sources(config) if s.enabled]
    except ConfigError as exc:
        log.error("sources not reloaded, the previous sources stay in force: %s", exc)
        app.metrics.config_reload_errors.inc()
        return False
    with app.db.engine.begin() as conn:
        applied = source_rows.sync_sources(conn, list(fresh), utcnow(),
                                           written=sources_written(config),
                                           by=app.worker.owner)
    if not applied:
        log.warning("sources not applied: the list in the database was written after this "
                    "one (%s); it stays in force for every replica", config.sources)
    change = app.sources.swap(fresh)
    app.metrics.sources.set(len(fresh))
    log.info("sources reloaded count=%d added=%s removed=%s changed=%s", len(fresh),
             ",".join(change.added) or "-", ",".join(change.removed) or "-",
             ",".join(change.changed) or "-")
    if restart := _needs_restart(old, config):
        log.warning("config keys changed that take effect only after a restart: %s",
                    ", ".join(restart))
    return True


def _needs_restart(old: Config, new: Config) -> list[str]:
    return [key for key in type(old).model_fields
            if key not in _LIVE_KEYS and getattr(old, key) != getattr(new, key)]
