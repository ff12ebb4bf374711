"""Posting and editing alert messages through the Bot API, with Telegram's rules kept:

- one message per second per chat (the AIORateLimiter of the Application keeps the
  global 30/s and 20/min per group; it does not space messages within one chat);
- after a 429 nothing more goes to that chat before its retry_after has passed, and
  the error reaches the outbox as DeliveryError(retry_after=…) so the retry is scheduled
  in the database, not slept on here;
- 403 (blocked, kicked) and 400 (bad request) are permanent; "message is not modified"
  on an edit is success.

A message ref is the comma-separated ids of the messages an alert became ("12,13").

With a journal (bot/channels/telegram/journal.py) each post is written down before and after it
is made, one post in flight per chat, so a post cut short by a crash is settled
(bot/channels/telegram/settle.py) rather than made again.
"""

from __future__ import annotations

import asyncio
import logging
import time
import warnings
from collections.abc import Awaitable, Callable
from datetime import timedelta
from functools import partial
from typing import TypeVar

from telegram import Bot, Message
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
)

from bot.channels.telegram.journal import PartKey, PostJournal, chat_key
from bot.channels.telegram.render import TELEGRAM_LIMIT, TelegramMessage, telegram_message
from bot.channels.telegram.settle import Settler, preview_options
from bot.errors import DeliveryError
from bot.models import Alert, SettleOutcome

log = logging.getLogger("defwatch.telegram")

ChatId = int | str
T = TypeVar("T")


class ChatBlocked(DeliveryError):
    """403: the bot was blocked by the user, kicked from the group, or cannot post."""

    def __init__(self, channel: str, reason: str) -> None:
        super().__init__(channel, reason, permanent=True)


class ChatMoved(DeliveryError):
    """The group became a supergroup with a new id."""

    def __init__(self, channel: str, new_chat_id: int) -> None:
        super().__init__(channel, f"chat migrated to {new_chat_id}")
        self.new_chat_id = new_chat_id


class _StillBlocked(Exception):
    """A chat's retry_after has not run out yet: the call is not made."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"retry after {seconds:.1f}s")
        self.seconds = seconds


class _ChatBusy(Exception):
    """Another sender has a post in flight to this chat."""


CHAT_BUSY_RETRY_S = 2.0


def retry_seconds(exc: RetryAfter) -> float:
    """retry_after as seconds, whichever type this PTB version hands out."""
    with warnings.catch_warnings():  # PTB 22 warns that the int form will become timedelta
        warnings.simplefilter("ignore")
        value = exc.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


OFFICIAL_API = "https://api.telegram.org"


def token_refused(exc: InvalidToken, bot: Bot) -> str:
    """What PTB's InvalidToken means here. The Bot API says 401 for a token it does not
    know; 404 comes from a malformed token, or from a server that is no Bot API at all (a
    wrong telegram.base_url): that is not "the token was rejected"."""
    server = bot.base_url.removesuffix(bot.token).removesuffix("/bot")  # never the token
    # Bot.initialize() re-raises getMe's error as "The token … was rejected": the answer
    # itself is its cause.
    said = exc.__cause__.message if isinstance(exc.__cause__, InvalidToken) else exc.message
    if "Unauthorized" in said or "(401)" in said:
        return ("the Bot API rejected the bot token (401 Unauthorized); check "
                "TELEGRAM_BOT_TOKEN")
    if server == OFFICIAL_API:
        return ("the Bot API answered 404 Not Found for this token: it is malformed; check "
                "TELEGRAM_BOT_TOKEN")
    return (f"{server} answered 404 Not Found: telegram.base_url (TELEGRAM_API_BASE_URL) "
            "does not point at a Bot API server (or the token is malformed)")


def parse_ref(ref: str | None) -> list[int]:
    if not ref:
        return []
    try:
        return [int(x) for x in ref.split(",") if x.strip()]
    except ValueError:
        return []


def _not_modified(exc: BadRequest) -> bool:
    return "message is not modified" in exc.message.lower()


def _gone(exc: BadRequest) -> bool:
    text = exc.message.lower()
    return "message to edit not found" in text or "message can't be edited" in text


class TelegramSender:
    def __init__(self, bot: Bot, *, per_chat_interval_s: float = 1.0,
                 clock: Callable[[], float] = time.monotonic,
                 limit: int = TELEGRAM_LIMIT, journal: PostJournal | None = None,
                 on_settled: Callable[[SettleOutcome], None] = lambda _outcome: None) -> None:
        self.bot = bot
        self._journal = journal
        self._settler = (Settler(bot, self._call, journal, on_outcome=on_settled)
                         if journal else None)
        self._interval = per_chat_interval_s
        self._clock = clock
        self._limit = limit
        self._next_slot: dict[ChatId, float] = {}
        self._blocked_until: dict[ChatId, float] = {}
        self._locks: dict[ChatId, asyncio.Lock] = {}
        # One journaled post at a time per chat in this process, whatever name the chat is
        # reached by: two deliveries must not settle the same post in flight at once.
        self._posting: dict[str, asyncio.Lock] = {}

    async def deliver(self, channel: str, chat: ChatId, alert: Alert,
                      previous_ref: str | None, *, alert_id: int | None = None) -> str:
        """Post the alert, or edit the messages of previous_ref; returns the new ref.
        alert_id names the posts in the journal (none: not journaled)."""
        message = telegram_message(alert, self._limit)
        key = PartKey(alert_id, channel, 0) if alert_id is not None else None
        try:
            await self.bot.initialize()  # getMe once; a no-op when already done
            old = parse_ref(previous_ref)
            ids = await (self._edit(chat, old, message, key) if old
                         else self._post(chat, message, key))
        except RetryAfter as exc:
            wait = retry_seconds(exc)
            self._blocked_until[chat] = self._clock() + wait
            raise DeliveryError(channel, f"flood control, retry after {wait:g}s",
                                retry_after=wait) from exc
        except _StillBlocked as exc:
            raise DeliveryError(channel, f"flood control, retry after {exc.seconds:.1f}s",
                                retry_after=exc.seconds) from exc
        except _ChatBusy as exc:
            raise DeliveryError(channel, "another post to this chat is in flight",
                                retry_after=CHAT_BUSY_RETRY_S) from exc
        except Forbidden as exc:
            raise ChatBlocked(channel, f"forbidden: {exc.message}") from exc
        except ChatMigrated as exc:
            raise ChatMoved(channel, exc.new_chat_id) from exc
        except BadRequest as exc:  # before TelegramError: BadRequest is a NetworkError
            raise DeliveryError(channel, f"bad request: {exc.message}", permanent=True) from exc
        except InvalidToken as exc:
            raise DeliveryError(channel, token_refused(exc, self.bot)) from exc
        except TelegramError as exc:
            raise DeliveryError(channel, f"{type(exc).__name__}: {exc.message}") from exc
        return ",".join(str(i) for i in ids)

    async def _post(self, chat: ChatId, message: TelegramMessage,
                    key: PartKey | None) -> list[int]:
        return [await self._send_part(chat, message, i, key)
                for i in range(len(message.parts))]

    async def _send_part(self, chat: ChatId, message: TelegramMessage, index: int,
                         key: PartKey | None) -> int:
        text = message.parts[index]
        preview_url = message.preview_url if index == 0 else None
        send = partial(self.bot.send_message, chat_id=chat, text=text,
                       parse_mode=ParseMode.HTML, link_preview_options=preview_options(preview_url))
        if key is None or self._journal is None:
            return (await self._call(chat, send)).message_id
        return await self._journaled(chat, PartKey(key.alert_id, key.channel, index), text,
                                     preview_url, send)

    async def _journaled(self, chat: ChatId, key: PartKey, text: str,
                         preview_url: str | None,
                         send: Callable[[], Awaitable[Message]]) -> int:
        """Post one part with the journal: settle what an earlier try left, hold the
        chat, post, write the id down."""
        async with self._posting.setdefault(chat_key(chat), asyncio.Lock()):
            return await self._journaled_turn(chat, key, text, preview_url, send)

    async def _journaled_turn(self, chat: ChatId, key: PartKey, text: str,
                              preview_url: str | None,
                              send: Callable[[], Awaitable[Message]]) -> int:
        assert self._journal is not None and self._settler is not None
        journal = self._journal
        earlier = await journal.find(key)
        if earlier is not None:
            if earlier.message_id is not None:
                return earlier.message_id
            landed = await self._settler.settle(earlier)
            if landed is not None:
                return landed
        for _ in range(3):
            holder = await journal.take(key, chat_key(chat), text, preview_url)
            if holder is None:
                break
            if journal.live(holder):
                raise _ChatBusy
            await self._settler.settle(holder)  # a dead sender's post: settle it first
        else:
            raise _ChatBusy
        try:
            sent = await self._call(chat, send)
        except NetworkError as exc:
            # No answer (a timeout, a dropped connection) may still mean it was posted;
            # BadRequest is a NetworkError too, but an answer.
            if isinstance(exc, BadRequest):
                await journal.forget(key)
            else:
                await journal.unsure(key)
            raise
        except (TelegramError, _StillBlocked):  # answered, or never sent: not posted
            await journal.forget(key)
            raise
        except BaseException:  # cancelled mid-call: it may have gone out
            await journal.unsure(key)
            raise
        await journal.sent(key, sent.message_id)
        return sent.message_id

    async def _edit(self, chat: ChatId, old: list[int], message: TelegramMessage,
                    key: PartKey | None) -> list[int]:
        ids: list[int] = []
        for i, text in enumerate(message.parts):
            if i >= len(old):  # the update grew a part longer: post it after the others
                ids.append(await self._send_part(chat, message, i, key))
                continue
            try:
                await self._call(chat, partial(
                    self.bot.edit_message_text, text=text, chat_id=chat, message_id=old[i],
                    parse_mode=ParseMode.HTML, link_preview_options=preview_options(
                        message.preview_url if i == 0 else None)))
            except BadRequest as exc:
                if _gone(exc):  # deleted by an admin, or too old: post the alert afresh
                    log.info("message %s in chat %s cannot be edited (%s); posting anew",
                             old[i], chat, exc.message)
                    return await self._post(chat, message, key)
                if not _not_modified(exc):
                    raise
            ids.append(old[i])
        for surplus in old[len(message.parts):]:
            await self._delete(chat, surplus)
        return ids

    async def _delete(self, chat: ChatId, message_id: int) -> None:
        try:
            await self._call(chat, partial(self.bot.delete_message, chat_id=chat,
                                           message_id=message_id))
        except BadRequest as exc:
            log.info("could not delete surplus message %s in chat %s: %s", message_id, chat,
                     exc.message)

    async def _call(self, chat: ChatId, call: Callable[[], Awaitable[T]]) -> T:
        """One API call to a chat: after the chat's last call by the per-chat interval,
        and never while a retry_after it was given is running."""
        lock = self._locks.setdefault(chat, asyncio.Lock())
        async with lock:
            now = self._clock()
            blocked = self._blocked_until.get(chat, 0.0) - now
            if blocked > 0:
                raise _StillBlocked(blocked)
            wait = self._next_slot.get(chat, 0.0) - now
            if wait > 0:
                await asyncio.sleep(wait)
            try:
                return await call()
            finally:
                self._next_slot[chat] = self._clock() + self._interval

