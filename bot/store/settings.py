"""Operators' switches (table settings): small JSON values by key."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from bot.store.tables import settings

PAUSED = "paused"


@dataclass(frozen=True)
class Setting:
    value: Any
    updated_at: datetime
    updated_by: str | None


def get(conn: Connection, key: str) -> Setting | None:
    row = conn.execute(select(settings).where(settings.c.key == key)).first()
    return Setting(row.value, row.updated_at, row.updated_by) if row is not None else None


def put(conn: Connection, key: str, value: Any, *, now: datetime, by: str | None) -> None:
    changed = conn.execute(update(settings).where(settings.c.key == key).values(
        value=value, updated_at=now, updated_by=by)).rowcount
    if not changed:
        conn.execute(insert(settings).values(key=key, value=value, updated_at=now,
                                             updated_by=by))


def clear(conn: Connection, key: str) -> None:
    conn.execute(delete(settings).where(settings.c.key == key))
