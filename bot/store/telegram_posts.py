"""The Telegram post journal (table telegram_posts): each part of an alert is written
as `sending` before it is posted and `sent` with its message id afterwards.

A chat has at most one `sending` row (a unique index says so), and the row holds the
chat until its lease runs out. A `sending` row left behind by a crash, or by a post
whose answer never came, is settled later by looking for the message in the chat.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import ColumnElement, Connection, Row, delete, func, insert, select, update

from bot.store.tables import telegram_posts as posts


@dataclass(frozen=True)
class PartKey:
    """One message of one delivery: the alert, the channel name it went through, and
    which part of the alert (long alerts become several messages)."""

    alert_id: int
    channel: str
    part: int

PostState = Literal["sending", "sent"]  # sending: asked Telegram, answer not yet recorded


@dataclass(frozen=True)
class Post:
    key: PartKey
    chat: str
    state: PostState
    message_id: int | None
    text: str
    preview_url: str | None
    baseline: int | None
    lease_until: datetime | None


def _where(key: PartKey) -> tuple[ColumnElement[bool], ...]:
    return (posts.c.alert_id == key.alert_id, posts.c.channel == key.channel,
            posts.c.part == key.part)


def _post(r: Row[Any]) -> Post:
    return Post(key=PartKey(r.alert_id, r.channel, r.part), chat=r.chat, state=r.state,
                message_id=r.message_id, text=r.text or "", preview_url=r.preview_url,
                baseline=r.baseline, lease_until=r.lease_until)


def find(conn: Connection, key: PartKey) -> Post | None:
    row = conn.execute(select(posts).where(*_where(key))).first()
    return _post(row) if row is not None else None


def sending_in(conn: Connection, chat: str) -> Post | None:
    """The chat's post in flight, if any."""
    row = conn.execute(select(posts).where(posts.c.chat == chat,
                                           posts.c.state == "sending")).first()
    return _post(row) if row is not None else None


def highest_id(conn: Connection, chat: str) -> int | None:
    """The chat's highest message id the bot knows of."""
    value = conn.execute(select(func.max(posts.c.message_id))
                         .where(posts.c.chat == chat)).scalar()
    return int(value) if value is not None else None


def known_ids(conn: Connection, chat: str, above: int) -> set[int]:
    return {int(v) for v in conn.execute(
        select(posts.c.message_id).where(posts.c.chat == chat, posts.c.message_id > above))
        .scalars()}


def begin(conn: Connection, key: PartKey, chat: str, text: str, preview_url: str | None,
          *, now: datetime, lease_until: datetime, owner: str | None = None) -> None:
    """Record a part as being sent by `owner`. Raises IntegrityError when the chat
    already has a post in flight (the caller looks at it with sending_in)."""
    conn.execute(insert(posts).values(
        chat=chat, kind="alert", state="sending", alert_id=key.alert_id,
        channel=key.channel, part=key.part, text=text, preview_url=preview_url,
        baseline=highest_id(conn, chat), lease_until=lease_until, claimed_by=owner,
        created_at=now))


def sent(conn: Connection, key: PartKey, message_id: int) -> None:
    conn.execute(update(posts).where(*_where(key)).values(
        state="sent", message_id=message_id, lease_until=None, text=None))


def unsure(conn: Connection, key: PartKey, now: datetime) -> None:
    """The post's outcome is unknown (no answer came): its lease ends now, so whoever
    needs the chat next settles it."""
    conn.execute(update(posts).where(*_where(key), posts.c.state == "sending")
                 .values(lease_until=now))


def forget(conn: Connection, key: PartKey) -> None:
    """The part was not posted: drop its row (the delivery posts it again later)."""
    conn.execute(delete(posts).where(*_where(key), posts.c.state == "sending"))


def note(conn: Connection, chat: str, message_id: int, kind: str, now: datetime) -> None:
    """A message outside the alerts: a command reply of the bot's ("reply") or someone
    else's message it saw ("seen"). Both move the chat's baseline on; a reply is also
    known to be the bot's, so settling never takes it for an alert."""
    conn.execute(insert(posts).values(chat=chat, kind=kind, state="sent",
                                      message_id=message_id, created_at=now))
