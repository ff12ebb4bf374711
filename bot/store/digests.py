"""Telegram chats that asked for a digest (/digest daily|weekly), and when one last went."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy import Connection, delete, insert, or_, select, update

from bot.store.tables import digests

Period = Literal["daily", "weekly"]


@dataclass(frozen=True)
class DigestChat:
    chat_id: int
    period: Period


def set_period(conn: Connection, chat_id: int, period: Period | None, now: datetime) -> None:
    """Ask for `period`'s digest in the chat (None: no digest)."""
    conn.execute(delete(digests).where(digests.c.chat_id == chat_id))
    if period is not None:
        conn.execute(insert(digests).values(chat_id=chat_id, period=period, created_at=now))


def period_of(conn: Connection, chat_id: int) -> Period | None:
    value = conn.execute(select(digests.c.period).where(digests.c.chat_id == chat_id)).scalar()
    return "weekly" if value == "weekly" else "daily" if value == "daily" else None


def chats(conn: Connection, period: Period) -> list[DigestChat]:
    rows = conn.execute(select(digests.c.chat_id).where(digests.c.period == period)
                        .order_by(digests.c.chat_id)).scalars()
    return [DigestChat(chat_id=int(c), period=period) for c in rows]


def claim(conn: Connection, chat_id: int, slot: datetime) -> bool:
    """Take the chat's digest of `slot` (its scheduled time): True once, for one replica,
    however often the job runs; False when it was taken already, or the chat asked for
    digests only after that slot (its first comes at the next one)."""
    done = conn.execute(update(digests).where(
        digests.c.chat_id == chat_id, digests.c.created_at <= slot,
        or_(digests.c.last_sent.is_(None), digests.c.last_sent < slot)).values(last_sent=slot))
    return bool(done.rowcount)
