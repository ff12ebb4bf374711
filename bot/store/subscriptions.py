"""Telegram subscriptions: one row per (chat, topic); a topic is a rule id."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import Connection, delete, insert, select, update

from bot.store.tables import subscriptions


def subscribe(conn: Connection, chat_id: int, topics: Iterable[str], *, chat_type: str,
              now: datetime) -> list[str]:
    """Add topics to a chat's subscriptions; returns those that were not there yet."""
    have = set(topics_of(conn, chat_id))
    fresh = sorted(set(topics) - have)
    if fresh:
        conn.execute(insert(subscriptions), [
            {"chat_id": chat_id, "topic": t, "chat_type": chat_type, "created_at": now}
            for t in fresh])
    return fresh


def unsubscribe(conn: Connection, chat_id: int, topics: Iterable[str] | None = None,
                ) -> list[str]:
    """Remove some topics (all of them with topics=None); returns those removed."""
    have = set(topics_of(conn, chat_id))
    gone = sorted(have if topics is None else have & set(topics))
    if gone:
        conn.execute(delete(subscriptions).where(subscriptions.c.chat_id == chat_id,
                                                 subscriptions.c.topic.in_(gone)))
    return gone


def topics_of(conn: Connection, chat_id: int) -> list[str]:
    rows = conn.execute(select(subscriptions.c.topic)
                        .where(subscriptions.c.chat_id == chat_id)
                        .order_by(subscriptions.c.topic))
    return list(rows.scalars())


def chats_for(conn: Connection, topics: Iterable[str]) -> list[int]:
    """Chats following at least one of the topics, each once, in a stable order."""
    wanted = sorted(set(topics))
    if not wanted:
        return []
    rows = conn.execute(select(subscriptions.c.chat_id)
                        .where(subscriptions.c.topic.in_(wanted))
                        .group_by(subscriptions.c.chat_id)
                        .order_by(subscriptions.c.chat_id))
    return [int(c) for c in rows.scalars()]


def move_chat(conn: Connection, old_id: int, new_id: int) -> None:
    """A group became a supergroup under a new id: its subscriptions follow it."""
    topics = set(topics_of(conn, old_id)) - set(topics_of(conn, new_id))
    conn.execute(update(subscriptions)
                 .where(subscriptions.c.chat_id == old_id, subscriptions.c.topic.in_(topics))
                 .values(chat_id=new_id, chat_type="supergroup"))
    conn.execute(delete(subscriptions).where(subscriptions.c.chat_id == old_id))


def subscriber_count(conn: Connection) -> int:
    rows = conn.execute(select(subscriptions.c.chat_id).group_by(subscriptions.c.chat_id))
    return len(rows.all())
