"""Looking things up in the archive from a chat: /latest [TOPIC], /search WORDS and
/digest daily|weekly|off, and the digest job the service's scheduler runs once an hour
(each chat gets its digest at `telegram.digest_hour` UTC; weekly ones on Mondays).

Links go to the archive's event pages when `http.public_url` is set, else to the first
source. Database reads and writes run in threads, never on the loop.
"""

from __future__ import annotations

import asyncio
import html
import logging
from collections.abc import Callable, Sequence
from datetime import datetime, time, timedelta
from typing import Any

from telegram import Bot, LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import BaseHandler, CommandHandler, ContextTypes, filters

from bot.channels.telegram.commands import Commands, topic_args
from bot.store import Database
from bot.store import digests as digest_rows
from bot.store.archive_query import ArchivedEvent, TimelineQuery, best, between, timeline
from bot.store.db import utcnow
from bot.store.digests import Period

__all__ = ["DigestJob", "Lookups", "event_lines"]

log = logging.getLogger("defwatch.telegram")

Context = ContextTypes.DEFAULT_TYPE
SHOWN = 5
DIGEST_MAX = 30  # events listed in one digest message; more are counted, not listed
MAX_WORDS = 200  # characters of a /search, as the web archive allows
_PERIODS: dict[str, Period | None] = {"daily": "daily", "weekly": "weekly", "off": None}


def event_lines(events: Sequence[ArchivedEvent], public_url: str | None) -> list[str]:
    """One HTML line per event: date, linked title, sources, confirmed mark, topics."""
    lines = []
    for e in events:
        alert = e.alert
        url = (f"{public_url.rstrip('/')}/events/{e.event_id}" if public_url
               else alert.sources[0].url if alert.sources else None)
        title = html.escape(alert.title or e.event_id)
        linked = f'<a href="{html.escape(url, quote=True)}">{title}</a>' if url else title
        mark = " ✔" if alert.confirmed else ""
        topics = " ".join(f"#{r.replace('-', '_')}" for r in alert.rules)
        lines.append(f"• {e.happened.isoformat()} {linked} ({len(alert.sources)} "
                     f"source{'' if len(alert.sources) == 1 else 's'}{mark}) {topics}")
    return lines


class Lookups:
    """The three commands; replies go through `commands` (its post journal and its rule
    of who may change a group's settings)."""

    def __init__(self, db: Database, commands: Commands, *, public_url: str | None = None,
                 digest_hour: int = 7, clock: Callable[[], datetime] = utcnow) -> None:
        self._db = db
        self._commands = commands
        self._public_url = public_url
        self._digest_hour = digest_hour
        self._clock = clock

    def handlers(self) -> list[BaseHandler[Any, Any, Any]]:
        new_messages = filters.UpdateType.MESSAGE
        return [CommandHandler(name, callback, filters=new_messages) for name, callback in
                (("latest", self.latest), ("search", self.search), ("digest", self.digest))]

    async def latest(self, update: Update, context: Context) -> None:
        args = topic_args(context.args)
        topic = args[0] if args else None
        events, _ = await asyncio.to_thread(self._read, lambda conn: timeline(
            conn, TimelineQuery(topic=topic, limit=SHOWN)))
        about = f" · {html.escape(topic)}" if topic else ""
        if not events:
            await self._commands.reply(update, context, f"No events archived{about} yet.")
            return
        head = f"<b>Latest events{about}</b>"
        await self._commands.reply(update, context, "\n".join(
            [head, *event_lines(events, self._public_url)]))

    async def search(self, update: Update, context: Context) -> None:
        words = " ".join(context.args or ()).strip()
        if not words:
            await self._commands.reply(update, context, "Search for what? For example "
                                       "<code>/search JIMEX 2024</code>.")
            return
        if len(words) > MAX_WORDS:
            await self._commands.reply(update, context, f"A search is at most {MAX_WORDS} "
                                       "characters.")
            return
        found = await asyncio.to_thread(self._read, lambda conn: best(conn, words, SHOWN))
        if not found:
            await self._commands.reply(update, context,
                                       f"Nothing in the archive matches {html.escape(words)}.")
            return
        await self._commands.reply(update, context, "\n".join(
            [f"<b>Best matches for {html.escape(words)}</b>",
             *event_lines(found, self._public_url)]))

    async def digest(self, update: Update, context: Context) -> None:
        chat = update.effective_chat
        args = topic_args(context.args)
        if chat is None:
            return
        if not args or args[0] not in _PERIODS:
            current = await asyncio.to_thread(
                self._read, lambda conn: digest_rows.period_of(conn, chat.id))
            await self._commands.reply(update, context, (
                f"This chat gets a {current} digest." if current else
                "This chat gets no digest.") + " Use <code>/digest daily</code>, "
                "<code>/digest weekly</code> or <code>/digest off</code>.")
            return
        if not await self._commands.may_change(update, context):
            await self._commands.reply(update, context, "Only this group's admins can "
                                       "change its digest.")
            return
        period = _PERIODS[args[0]]
        now = self._clock()

        def store() -> None:
            with self._db.engine.begin() as conn:
                digest_rows.set_period(conn, chat.id, period, now)

        await asyncio.to_thread(store)
        log.info("chat=%s digest=%s", chat.id, period or "off")
        when = f"{self._digest_hour:02d}:00 UTC"
        await self._commands.reply(update, context, "No digest from now on." if period is None
                                   else f"A {period} digest of new events will come here at "
                                   f"{when}{' on Mondays' if period == 'weekly' else ''}.")

    def _read(self, work: Callable[[Any], Any]) -> Any:
        with self._db.engine.connect() as conn:
            return work(conn)


class DigestJob:
    """Sends each chat's digest once per slot: daily at `hour` UTC, weekly at `hour` on
    Mondays. Run it hourly (or more often): a slot is claimed in the database, so a
    re-run, a restart or a second replica sends nothing twice."""

    def __init__(self, db: Database, bot: Bot, *, hour: int, public_url: str | None = None,
                 clock: Callable[[], datetime] = utcnow) -> None:
        self._db = db
        self._bot = bot
        self._hour = hour
        self._public_url = public_url
        self._clock = clock

    async def run(self) -> int:
        """Send the digests due now; returns how many were sent."""
        now = self._clock()
        slot = datetime.combine(now.date(), time(self._hour))
        if now < slot:
            slot -= timedelta(days=1)
        sent = 0
        periods: list[tuple[Period, timedelta]] = [("daily", timedelta(days=1))]
        if slot.weekday() == 0:  # Monday
            periods.append(("weekly", timedelta(days=7)))
        for period, span in periods:
            for chat in await asyncio.to_thread(self._chats, period):
                text = await asyncio.to_thread(self._take, chat.chat_id, period, slot, span)
                if text is None:
                    continue
                try:
                    await self._bot.send_message(
                        chat_id=chat.chat_id, text=text, parse_mode=ParseMode.HTML,
                        link_preview_options=LinkPreviewOptions(is_disabled=True))
                except TelegramError as exc:
                    log.warning("digest chat=%s not sent: %s", chat.chat_id, exc.message)
                    continue
                sent += 1
        return sent

    def _chats(self, period: Period) -> list[digest_rows.DigestChat]:
        with self._db.engine.begin() as conn:
            return digest_rows.chats(conn, period)

    def _take(self, chat_id: int, period: Period, slot: datetime,
              span: timedelta) -> str | None:
        """The digest's text if this call claimed the slot and there is news, else None."""
        with self._db.engine.begin() as conn:
            if not digest_rows.claim(conn, chat_id, slot):
                return None
            events = between(conn, slot - span, slot, limit=DIGEST_MAX + 1)
        if not events:
            return None
        more = len(events) > DIGEST_MAX
        head = (f"<b>{period.capitalize()} digest</b>: events first seen "
                f"{(slot - span):%Y-%m-%d %H:%M} – {slot:%Y-%m-%d %H:%M} UTC")
        tail = ["… and more: the archive lists them all."] if more else []
        return "\n".join([head, *event_lines(events[:DIGEST_MAX], self._public_url), *tail])
