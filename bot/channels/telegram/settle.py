"""Finding out whether a post whose answer never came (a crash, a lost connection)
reached its chat, so it is neither lost nor posted twice.

The Bot API cannot list a chat's messages, but an edit tells: editing a message of the
bot's to the text it already has is refused as "message is not modified". With at most
one post in flight per chat (the journal's rule), a message above the chat's baseline
that the journal does not know can only be the post in flight; so settling edits the
ids after the baseline, one by one, to the post's own text:

- "not modified": this is the post; it landed.
- "message to edit not found" several times in a row: past the end of the chat; it
  did not land.
- "message can't be edited": someone else's message; look further.

Editing is harmless only where the bot cannot edit other people's messages. A channel
admin with "edit messages of others" could change a stranger's post, so there settling
does not look and the part is posted again (at least once, never lost); the same when
the chat has no known baseline (its first post was the one cut short).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any, Protocol

from telegram import Bot, ChatMemberAdministrator, ChatMemberOwner, LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden

from bot.channels.telegram.journal import Post, PostJournal
from bot.models import SettleOutcome

log = logging.getLogger("defwatch.telegram")

ChatId = int | str
PROBE_SPAN = 50  # ids looked at after the baseline before giving up
END_AFTER = 5  # this many "not found" in a row: past the chat's last message


class Caller(Protocol):
    async def __call__(self, chat: ChatId, call: Callable[[], Awaitable[Any]]) -> Any: ...


def chat_id(chat: str) -> ChatId:
    return int(chat) if chat.lstrip("-").isdigit() else chat


def preview_options(url: str | None) -> LinkPreviewOptions:
    return LinkPreviewOptions(url=url) if url else LinkPreviewOptions(is_disabled=True)


class Settler:
    """on_outcome hears how each settling ended: "landed", "absent", or "reposted" (it
    could not be told, so the part is posted again)."""

    def __init__(self, bot: Bot, call: Caller, journal: PostJournal, *,
                 on_outcome: Callable[[SettleOutcome], None] = lambda _outcome: None,
                 ) -> None:
        self._bot = bot
        self._call = call
        self._journal = journal
        self._on_outcome = on_outcome

    async def settle(self, post: Post) -> int | None:
        """The message id the post landed as, or None when it did not land (or cannot be
        told apart, in which case it is posted again). The journal says the same after."""
        chat = chat_id(post.chat)
        where = f"alert={post.key.alert_id} part={post.key.part} chat={post.chat}"
        if post.baseline is None:
            log.warning("telegram: cannot tell whether %s landed (no earlier message of the "
                        "chat is known); posting it again", where)
            await self._journal.forget(post.key)
            self._on_outcome("reposted")
            return None
        if not await self._may_probe(chat):
            log.warning("telegram: cannot tell whether %s landed (the bot may edit other "
                        "people's messages there, so it does not look); posting it again",
                        where)
            await self._journal.forget(post.key)
            self._on_outcome("reposted")
            return None
        found, outcome = await self._probe(chat, post)
        if found is None:
            await self._journal.forget(post.key)
        else:
            await self._journal.sent(post.key, found)
        self._on_outcome(outcome)
        return found

    async def _probe(self, chat: ChatId, post: Post) -> tuple[int | None, SettleOutcome]:
        assert post.baseline is not None
        where = f"alert={post.key.alert_id} part={post.key.part} chat={post.chat}"
        known = await self._journal.known_ids(post.chat, post.baseline)
        misses = 0
        for message_id in range(post.baseline + 1, post.baseline + 1 + PROBE_SPAN):
            if message_id in known:
                misses = 0
                continue
            try:
                await self._call(chat, partial(
                    self._bot.edit_message_text, chat_id=chat, message_id=message_id,
                    text=post.text, parse_mode=ParseMode.HTML,
                    link_preview_options=preview_options(post.preview_url)))
            except BadRequest as exc:
                text = exc.message.lower()
                if "message is not modified" in text:
                    log.info("telegram: %s had landed as message %s", where, message_id)
                    return message_id, "landed"
                if "not found" in text:
                    misses += 1
                    if misses >= END_AFTER:
                        log.info("telegram: %s had not landed", where)
                        return None, "absent"
                else:
                    misses = 0
                continue
            # The edit went through: a message of the bot's the journal did not know of
            # (a reply whose note was lost) now carries the part, so the part is there.
            log.warning("telegram: settling %s rewrote message %s, which the journal did "
                        "not know; the part is there now", where, message_id)
            return message_id, "landed"
        log.warning("telegram: cannot tell whether %s landed (%d messages after the last "
                    "known one); posting it again", where, PROBE_SPAN)
        return None, "reposted"

    async def _may_probe(self, chat: ChatId) -> bool:
        """Whether editing by id can only ever touch the bot's own messages here."""
        if isinstance(chat, int) and chat > 0:  # a private chat: only the bot's own
            return True
        try:
            member = await self._call(chat, partial(self._bot.get_chat_member, chat_id=chat,
                                                    user_id=self._bot.id))
        except (BadRequest, Forbidden):
            return False
        if isinstance(member, ChatMemberOwner):
            return False
        if isinstance(member, ChatMemberAdministrator):
            return not member.can_edit_messages
        return True
