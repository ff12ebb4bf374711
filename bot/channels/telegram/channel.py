"""Telegram channels.

- Configured: `telegram:@channel` or `telegram:-100123…`, optionally for some topics only
  (`telegram:@jp_watch?topics=india-japan,acsa`). Deliveries are named `telegram:<chat>`,
  without the query, so changing the topics keeps the messages it edits.
- Subscribed chats: each chat that follows topics (/subscribe) gets its own delivery
  rows named `telegram:chat:<id>`, written by the Alerter with the alert; SubscriberChats
  resolves those names for the dispatcher. A chat that blocked or removed the bot (403)
  loses its subscriptions.
"""

from __future__ import annotations

import logging
import re
from urllib.parse import parse_qs

from bot.channels.routing import CHAT_PREFIX, chat_channel
from bot.channels.telegram.sender import ChatBlocked, ChatId, ChatMoved, TelegramSender
from bot.errors import ConfigError
from bot.models import Alert
from bot.store import Database
from bot.store import subscriptions as subs

log = logging.getLogger("defwatch.telegram")

_CHAT = re.compile(r"^(@[A-Za-z][A-Za-z0-9_]{3,}|-?\d+)$")


def parse_spec(arg: str) -> tuple[ChatId, frozenset[str] | None]:
    """`@chan?topics=a,b` → ("@chan", {"a", "b"}); errors name the channel key."""
    target, _, query = arg.partition("?")
    if target.startswith("chat:"):
        raise ConfigError(f"telegram:{arg}: `telegram:chat:` names subscribed chats; "
                          "write telegram:@channel or telegram:<numeric chat id>",
                          key="channels")
    if not _CHAT.match(target):
        raise ConfigError(f"telegram:{arg}: expected telegram:@channel_name or "
                          "telegram:<numeric chat id>", key="channels")
    params = parse_qs(query, keep_blank_values=True)
    unknown = sorted(set(params) - {"topics"})
    if unknown:
        raise ConfigError(f"telegram:{arg}: unknown option(s) {', '.join(unknown)} "
                          "(known: topics)", key="channels")
    topics: frozenset[str] | None = None
    if "topics" in params:
        topics = frozenset(t.strip() for v in params["topics"] for t in v.split(",")
                           if t.strip())
        if not topics:
            raise ConfigError(f"telegram:{arg}: topics= lists no topic", key="channels")
    chat: ChatId = int(target) if target.lstrip("-").isdigit() else target
    return chat, topics


class TelegramChannel:
    """A chat named in the configuration, usually a public channel the bot posts to."""

    def __init__(self, name: str, chat: ChatId, sender: TelegramSender, *,
                 topics: frozenset[str] | None = None) -> None:
        self.name = name
        self.chat = chat
        self.topics = topics
        self._sender = sender

    async def send(self, alert: Alert, *, alert_id: int, previous_ref: str | None) -> str | None:
        return await self._sender.deliver(self.name, self.chat, alert, previous_ref,
                                          alert_id=alert_id)

    async def close(self) -> None:
        return None


class SubscriberChannel:
    """One subscribed chat, resolved from its delivery name when deliveries are due."""

    def __init__(self, chat_id: int, sender: TelegramSender, db: Database) -> None:
        self.name = chat_channel(chat_id)
        self.chat_id = chat_id
        self._sender = sender
        self._db = db
        self._blocked: ChatBlocked | None = None

    async def send(self, alert: Alert, *, alert_id: int, previous_ref: str | None) -> str | None:
        if self._blocked is not None:  # the rest of this chat's queue fails without a call
            raise ChatBlocked(self.name, self._blocked.reason)
        try:
            return await self._sender.deliver(self.name, self.chat_id, alert, previous_ref,
                                              alert_id=alert_id)
        except ChatBlocked as exc:
            self._blocked = exc
            removed = await self._db.run(lambda conn: subs.unsubscribe(conn, self.chat_id))
            log.warning("chat=%s cannot be reached (%s); removed its subscriptions=%s",
                        self.chat_id, exc.reason, ",".join(removed) or "-")
            raise
        except ChatMoved as moved:
            new_id = moved.new_chat_id
            await self._db.run(lambda conn: subs.move_chat(conn, self.chat_id, new_id))
            log.info("chat=%s became chat=%s; subscriptions moved", self.chat_id,
                     moved.new_chat_id)
            return await self._sender.deliver(self.name, moved.new_chat_id, alert, None,
                                              alert_id=alert_id)

    async def close(self) -> None:
        return None


class SubscriberChats:
    """The ChannelFamily of `telegram:chat:<id>` deliveries."""

    prefix = CHAT_PREFIX

    def __init__(self, db: Database, sender: TelegramSender) -> None:
        self._db = db
        self._sender = sender

    def resolve(self, name: str) -> SubscriberChannel | None:
        raw = name.removeprefix(CHAT_PREFIX)
        if not name.startswith(CHAT_PREFIX) or not raw.lstrip("-").isdigit():
            return None
        return SubscriberChannel(int(raw), self._sender, self._db)
