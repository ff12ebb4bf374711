"""Commands people send the bot in private and group chats.

Everyone: /start /topics /mysubs /status /help; /subscribe, /unsubscribe and the topic
buttons change a group's topics only for the group's admins (and operators), so one
member cannot fill a group with alerts. Operators (ids or usernames in
`telegram.admins`): /reload /pause /resume.
Subscriptions live in the database; the Alerter reads them when it writes an alert.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import Connection
from telegram import ChatMember, InlineKeyboardMarkup, LinkPreviewOptions, Update, User
from telegram.constants import ChatType, ParseMode
from telegram.error import BadRequest, TelegramError
from telegram.ext import (
    BaseHandler,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.channels.telegram import texts
from bot.channels.telegram.journal import chat_key
from bot.channels.telegram.texts import TOGGLE_PREFIX, Topic
from bot.store import Database, settings
from bot.store import outbox as outbox_rows
from bot.store import sources as source_rows
from bot.store import subscriptions as subs
from bot.store import telegram_posts as posts
from bot.store.db import utcnow
from bot.store.sources import SourceStatus

log = logging.getLogger("defwatch.telegram")

Context = ContextTypes.DEFAULT_TYPE
_SPLIT = re.compile(r"[\s,]+")


class Control(Protocol):
    """What operators may do to the running service (implemented by the Service)."""

    async def is_paused(self) -> bool: ...

    async def pause(self, by: str | None = None) -> None: ...

    async def resume(self, by: str | None = None) -> None: ...

    async def reload_rules(self) -> str:
        """Reload the rule (and source) files; a sentence saying what happened."""
        ...


def is_admin(user: User | None, admins: Sequence[int | str]) -> bool:
    if user is None:
        return False
    # An empty name ("@" in the config) must not match the people who have no username.
    names = {str(a).lstrip("@").lower() for a in admins if isinstance(a, str)} - {""}
    ids = {int(a) for a in admins if isinstance(a, int) or str(a).lstrip("-").isdigit()}
    return user.id in ids or (user.username or "").lower() in names


def topic_args(args: Sequence[str] | None) -> list[str]:
    words = _SPLIT.split(" ".join(args or ()))
    return list(dict.fromkeys(w.strip().lower().lstrip("#") for w in words if w.strip()))


class Commands:
    def __init__(self, db: Database, topics: Callable[[], Sequence[Topic]], *,
                 admins: Sequence[int | str] = (), control: Control | None = None,
                 clock: Callable[[], datetime] = utcnow) -> None:
        self._db = db
        self._topics = topics
        self._admins = list(admins)
        self._control = control
        self._clock = clock

    def handlers(self) -> list[BaseHandler[Any, Any, Any]]:
        new_messages = filters.UpdateType.MESSAGE  # an edited "/subscribe" is not sent again
        commands = {"start": self.start, "help": self.help, "topics": self.topics,
                    "subscribe": self.subscribe, "unsubscribe": self.unsubscribe,
                    "mysubs": self.mysubs, "status": self.status, "reload": self.reload,
                    "pause": self.pause, "resume": self.resume}
        out: list[BaseHandler[Any, Any, Any]] = [
            CommandHandler(name, callback, filters=new_messages)
            for name, callback in commands.items()]
        out.append(CallbackQueryHandler(self.toggle, pattern=f"^{TOGGLE_PREFIX}"))
        out.append(MessageHandler(filters.UpdateType.CHANNEL_POST, self.channel_post))
        out.append(ChatMemberHandler(self.membership, ChatMemberHandler.MY_CHAT_MEMBER))
        return out

    def fallbacks(self) -> list[BaseHandler[Any, Any, Any]]:
        """Whatever no command took gets a short help: register these after every other
        command set (PTB gives a message to the first handler of a group that wants it)."""
        new_messages = filters.UpdateType.MESSAGE
        return [MessageHandler(filters.COMMAND & new_messages, self.unknown),
                MessageHandler(filters.TEXT & ~filters.COMMAND & filters.ChatType.PRIVATE
                               & new_messages, self.free_text)]

    # -- everyone ---------------------------------------------------------------------

    async def start(self, update: Update, context: Context) -> None:
        await self._reply(update, context, texts.START)

    async def help(self, update: Update, context: Context) -> None:
        await self._reply(update, context, texts.help_text(await self._admin(update)))

    async def unknown(self, update: Update, context: Context) -> None:
        """A command this bot does not have. In a group only when addressed to this bot
        (/cmd@this_bot): a bare /cmd there may be another bot's."""
        message = update.effective_message
        chat = update.effective_chat
        if message is None or chat is None or not message.text:
            return
        word = message.text.split(maxsplit=1)[0]
        name, _, addressee = word.partition("@")
        mine = addressee.lower() == (context.bot.username or "").lower()
        if chat.type != ChatType.PRIVATE and not mine:
            return
        await self._reply(update, context, texts.unknown_command(name, await self._admin(update)))

    async def free_text(self, update: Update, context: Context) -> None:
        """Words without a command, in a private chat: say what the bot understands."""
        await self._reply(update, context, texts.free_text_help(await self._admin(update)))

    async def topics(self, update: Update, context: Context) -> None:
        chat_id = _chat_id(update)
        if chat_id is None:
            return
        known = list(self._topics())
        followed = await self._followed(chat_id)
        await self._reply(update, context, texts.topics_text(known, followed),
                          keyboard=texts.toggle_keyboard(known, followed))

    async def subscribe(self, update: Update, context: Context) -> None:
        chat = update.effective_chat
        wanted = topic_args(context.args)
        if chat is None:
            return
        if not wanted:
            known = list(self._topics())
            followed = await self._followed(chat.id)
            await self._reply(update, context, "Which topics? For example "
                              "<code>/subscribe india-japan</code>, or tap below.",
                              keyboard=texts.toggle_keyboard(known, followed))
            return
        if not await self._may_change(update, context):
            await self._reply(update, context, texts.GROUP_ADMINS_ONLY)
            return
        known_ids = {t.id for t in self._topics()}
        valid = [t for t in wanted if t in known_ids]
        added = await self._db.run(lambda conn: subs.subscribe(
            conn, chat.id, valid, chat_type=chat.type, now=self._clock()))
        log.info("chat=%s subscribed topics=%s", chat.id, ",".join(added) or "-")
        text = texts.changed_text("Following", added, sorted(set(valid) - set(added)),
                                  [t for t in wanted if t not in known_ids],
                                  "Already following", known=known_ids)
        await self._reply(update, context, text)

    async def unsubscribe(self, update: Update, context: Context) -> None:
        chat_id = _chat_id(update)
        wanted = topic_args(context.args)
        if chat_id is None:
            return
        if not wanted:
            await self._reply(update, context, "Which topics? For example "
                              "<code>/unsubscribe acsa</code>, or <code>/unsubscribe all"
                              "</code>. /mysubs shows what this chat follows.")
            return
        if not await self._may_change(update, context):
            await self._reply(update, context, texts.GROUP_ADMINS_ONLY)
            return
        removed = await self._db.run(lambda conn: subs.unsubscribe(
            conn, chat_id, None if "all" in wanted else wanted))
        log.info("chat=%s unsubscribed topics=%s", chat_id, ",".join(removed) or "-")
        if "all" in wanted:
            text = "This chat follows no topics now." if removed else "Nothing to remove."
        else:
            known_ids = {t.id for t in self._topics()}
            text = texts.changed_text("Stopped following", removed,
                                      sorted(set(wanted) - set(removed) & known_ids),
                                      [t for t in wanted if t not in known_ids and
                                       t not in removed], "Not following", known=known_ids)
        await self._reply(update, context, text)

    async def mysubs(self, update: Update, context: Context) -> None:
        chat_id = _chat_id(update)
        if chat_id is None:
            return
        followed = await self._db.run(lambda conn: subs.topics_of(conn, chat_id))
        known = {t.id: t for t in self._topics()}
        await self._reply(update, context, texts.mysubs_text(followed, known))

    async def status(self, update: Update, context: Context) -> None:
        sources, recent, pending = await self._db.run(_status_rows)
        paused = await self._control.is_paused() if self._control else False
        # Error texts and titles can say more than a stranger should read: counts for
        # everyone, the details for operators.
        await self._reply(update, context, texts.status_text(
            sources, recent[0] if recent else None, pending, paused,
            detailed=await self._admin(update)))

    async def toggle(self, update: Update, context: Context) -> None:
        query = update.callback_query
        chat_id = _chat_id(update)
        if query is None or chat_id is None or not query.data:
            return
        topic = query.data.removeprefix(TOGGLE_PREFIX)
        known = list(self._topics())
        if topic not in {t.id for t in known}:
            await query.answer("That topic no longer exists.")
            return
        if not await self._may_change(update, context):
            await query.answer(texts.GROUP_ADMINS_ONLY)
            return
        chat_type = update.effective_chat.type if update.effective_chat else "private"
        def flip(conn: Connection) -> str:
            if topic in subs.topics_of(conn, chat_id):
                subs.unsubscribe(conn, chat_id, [topic])
                return f"Stopped following {topic}"
            subs.subscribe(conn, chat_id, [topic], chat_type=chat_type, now=self._clock())
            return f"Following {topic}"

        note = await self._db.run(flip)
        log.info("chat=%s toggled topic=%s", chat_id, topic)
        await query.answer(note)
        try:
            await query.edit_message_reply_markup(
                reply_markup=texts.toggle_keyboard(known, await self._followed(chat_id)))
        except BadRequest as exc:  # pressed twice: "message is not modified"
            log.debug("keyboard not updated: %s", exc.message)

    async def channel_post(self, update: Update, context: Context) -> None:
        """Someone posted in a channel the bot administers: the post journal learns where
        the channel's message ids are, so even the bot's first post there can be settled
        after a crash. Configured channels are named by @username or by id: both."""
        post = update.channel_post
        if post is None:
            return
        now = self._clock()

        def note(conn: Connection) -> None:
            posts.note(conn, str(post.chat.id), post.message_id, "seen", now)
            if post.chat.username:
                posts.note(conn, chat_key(f"@{post.chat.username}"), post.message_id,
                           "seen", now)

        await self._db.run(note)

    async def membership(self, update: Update, context: Context) -> None:
        change = update.my_chat_member
        if change is None:
            return
        if change.new_chat_member.status in (ChatMember.BANNED, ChatMember.LEFT):
            removed = await self._db.run(lambda conn: subs.unsubscribe(conn, change.chat.id))
            log.info("chat=%s removed the bot; dropped subscriptions=%s", change.chat.id,
                     ",".join(removed) or "-")

    # -- operators --------------------------------------------------------------------

    async def reload(self, update: Update, context: Context) -> None:
        if await self._refuse(update, context) or self._control is None:
            return
        await self._reply(update, context, await self._control.reload_rules())

    async def pause(self, update: Update, context: Context) -> None:
        if await self._refuse(update, context) or self._control is None:
            return
        who = _who(update)
        await self._control.pause(by=who)
        log.warning("paused by user=%s", who)
        await self._reply(update, context, "⏸ Paused: no polling and no new alerts until "
                          "/resume. Deliveries already queued still go out.")

    async def resume(self, update: Update, context: Context) -> None:
        if await self._refuse(update, context) or self._control is None:
            return
        who = _who(update)
        await self._control.resume(by=who)
        log.warning("resumed by user=%s", who)
        await self._reply(update, context, "▶️ Resumed.")

    # -- for other command sets (bot.channels.telegram.lookups) --------------------------------

    async def reply(self, update: Update, context: Context, text: str) -> None:
        await self._reply(update, context, text)

    async def may_change(self, update: Update, context: Context) -> bool:
        return await self._may_change(update, context)

    # -- helpers ----------------------------------------------------------------------

    async def _admin(self, update: Update) -> bool:
        user = update.effective_user
        if user is None or not is_admin(user, self._admins):
            return False
        if user.id in {int(a) for a in self._admins if str(a).lstrip("-").isdigit()}:
            return True
        # Listed by @username: the first account to use it is bound to it for good (a
        # username can be freed and taken by someone else). Numeric ids need no binding.
        key = f"operator:@{(user.username or '').lower()}"
        now = self._clock()

        def bind(conn: Connection) -> int:
            bound = settings.get(conn, key)
            if bound is not None:
                return int(bound.value)
            settings.put(conn, key, user.id, now=now, by=str(user.id))
            log.warning("operator @%s bound to user id %s; list the id in telegram.admins "
                        "to make it explicit", user.username, user.id)
            return user.id

        bound_id = await self._db.run(bind)
        if bound_id != user.id:
            log.warning("refused @%s: the name is bound to another user id (now %s)",
                        user.username, user.id)
        return bound_id == user.id

    async def _may_change(self, update: Update, context: Context) -> bool:
        """Whether the sender may change this chat's topics: anyone in a private chat;
        in a group or channel its admins, and the bot's operators."""
        chat = update.effective_chat
        if chat is None or chat.type == ChatType.PRIVATE or await self._admin(update):
            return True
        message = update.effective_message
        # A button's message is the bot's own (in a channel it speaks as the channel):
        # only a command's message says who sent it. The presser is effective_user.
        if update.callback_query is None and message is not None \
                and message.sender_chat is not None and message.sender_chat.id == chat.id:
            return True  # an anonymous admin, or a channel post, speaks as the chat itself
        user = update.effective_user
        if user is None:
            return False
        try:
            member = await context.bot.get_chat_member(chat.id, user.id)
        except TelegramError as exc:
            log.info("chat=%s: cannot tell whether user=%s is an admin (%s)", chat.id,
                     user.id, exc.message)
            return False
        allowed = member.status in (ChatMember.ADMINISTRATOR, ChatMember.OWNER)
        if not allowed:
            log.info("chat=%s: refused a topic change by user=%s, not an admin", chat.id,
                     user.id)
        return allowed

    async def _refuse(self, update: Update, context: Context) -> bool:
        if await self._admin(update):
            return False
        user = update.effective_user
        log.info("refused operator command from user=%s", user.id if user else "?")
        await self._reply(update, context, texts.REFUSED)
        return True

    async def _followed(self, chat_id: int) -> set[str]:
        return set(await self._db.run(lambda conn: subs.topics_of(conn, chat_id)))

    async def _reply(self, update: Update, context: Context, text: str, *,
                     keyboard: InlineKeyboardMarkup | None = None) -> None:
        chat_id = _chat_id(update)
        if chat_id is None:
            return
        sent = await context.bot.send_message(
            chat_id=chat_id, text=text, parse_mode=ParseMode.HTML,
            link_preview_options=LinkPreviewOptions(is_disabled=True), reply_markup=keyboard)
        # The post journal learns where the chat's message ids are, and that the reply is
        # the bot's own: settling a post cut short never takes the reply for an alert.
        now = utcnow()
        message = update.effective_message if update.callback_query is None else None

        def note(conn: Connection) -> None:
            if message is not None:
                posts.note(conn, str(chat_id), message.message_id, "seen", now)
            posts.note(conn, str(chat_id), sent.message_id, "reply", now)

        await self._db.run(note)


def _status_rows(conn: Connection) -> tuple[list[SourceStatus], list[dict[str, Any]], int]:
    pending = sum(states.get("pending", 0) for states in outbox_rows.backlog(conn).values())
    return source_rows.all_sources(conn), outbox_rows.recent_alerts(conn, 1), pending


def _who(update: Update) -> str:
    user = update.effective_user
    if user is None:
        return "?"
    return f"{user.id} (@{user.username})" if user.username else str(user.id)


def _chat_id(update: Update) -> int | None:
    return update.effective_chat.id if update.effective_chat else None
