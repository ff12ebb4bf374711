"""The sender's side of the post journal (bot/store/telegram_posts.py): each call is
its own short transaction, committed before the Bot API call it brackets."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy.exc import IntegrityError

from bot.store import Database
from bot.store import telegram_posts as rows
from bot.store.db import utcnow
from bot.store.telegram_posts import PartKey, Post

__all__ = ["PartKey", "Post", "PostJournal", "chat_key"]

# How long a sender may hold a chat for one post: well above a Bot API call's timeouts,
# so only a sender that died leaves a lease to run out.
POST_LEASE = timedelta(minutes=2)


def chat_key(chat: int | str) -> str:
    """How the journal names a chat: its id, or its @username in lower case (Telegram
    usernames ignore case; the configuration and Telegram may spell one differently)."""
    text = str(chat)
    return text.lower() if text.startswith("@") else text


class PostJournal:
    def __init__(self, db: Database, clock: Callable[[], datetime] = utcnow, *,
                 owner: str | None = None) -> None:
        self._db = db
        self._clock = clock
        self._owner = owner  # the process's worker id: its death ends the lease early

    # Every look-up and write runs in a database thread: a sender waiting for the journal
    # never holds up the event loop.

    async def find(self, key: PartKey) -> Post | None:
        return await self._db.run(lambda conn: rows.find(conn, key))

    async def take(self, key: PartKey, chat: str, text: str, preview_url: str | None
                   ) -> Post | None:
        """Hold the chat for this part: None when held, else the post in flight there."""
        return await self._db.call(self._take, key, chat, text, preview_url)

    def _take(self, key: PartKey, chat: str, text: str, preview_url: str | None
              ) -> Post | None:
        for attempt in range(3):
            try:
                with self._db.engine.begin() as conn:
                    holder = rows.sending_in(conn, chat)
                    if holder is not None:
                        return holder
                    now = self._clock()
                    rows.begin(conn, key, chat, text, preview_url, now=now,
                               lease_until=now + POST_LEASE, owner=self._owner)
                    return None
            except IntegrityError:  # another sender took the chat meanwhile: look again
                if attempt == 2:
                    raise
        return None  # not reached: the last attempt returns or raises

    def live(self, post: Post) -> bool:
        """Whether a sender may still be posting it (its lease runs)."""
        return post.lease_until is not None and post.lease_until > self._clock()

    async def sent(self, key: PartKey, message_id: int) -> None:
        await self._db.run(lambda conn: rows.sent(conn, key, message_id))

    async def unsure(self, key: PartKey) -> None:
        await self._db.run(lambda conn: rows.unsure(conn, key, self._clock()))

    async def forget(self, key: PartKey) -> None:
        await self._db.run(lambda conn: rows.forget(conn, key))

    async def known_ids(self, chat: str, above: int) -> set[int]:
        return await self._db.run(lambda conn: rows.known_ids(conn, chat, above))

    async def note(self, chat: str, message_id: int, kind: str) -> None:
        await self._db.run(lambda conn: rows.note(conn, chat, message_id, kind, self._clock()))
