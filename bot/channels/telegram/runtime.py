"""One python-telegram-bot Application per process, sharing the asyncio loop with our
scheduler: its bot sends the alerts (through TelegramSender) and, under `defwatch run`,
its updater long-polls for the commands people send.

PTB's JobQueue is off (APScheduler is our one scheduler), and the AIORateLimiter keeps
the global and per-group flood limits with max_retries=0: a 429 is not slept on inside
PTB but handed to the outbox, which schedules the retry in the database.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from collections.abc import Callable, Sequence
from datetime import timedelta
from typing import Any

from telegram import BotCommand, Update
from telegram.error import InvalidToken, TelegramError
from telegram.ext import AIORateLimiter, Application, ApplicationBuilder, BaseHandler, ContextTypes

from bot.channels.telegram.channel import SubscriberChats
from bot.channels.telegram.journal import PostJournal
from bot.channels.telegram.logsafe import protect_token
from bot.channels.telegram.sender import TelegramSender, token_refused
from bot.config.options import TelegramConfig
from bot.errors import ConfigError
from bot.models import SettleOutcome
from bot.store import Database

log = logging.getLogger("defwatch.telegram")

TgApplication = Application[Any, Any, Any, Any, Any, Any]
Handler = BaseHandler[Any, Any, Any]

BRING_UP_RETRY_S = (5.0, 15.0, 60.0, 300.0)  # Telegram unreachable at start: try again


def build_application(config: TelegramConfig, *, rate_limits: bool = True) -> TgApplication:
    """The Application for this token and (optionally self-hosted) Bot API server."""
    if not config.token:
        raise ConfigError("a Telegram channel needs a bot token: set TELEGRAM_BOT_TOKEN "
                          "or telegram.token", key="telegram.token")
    protect_token(config.token)
    # Opt in to PTB's future timedelta attributes (retry_after …); the int form warns.
    os.environ.setdefault("PTB_TIMEDELTA", "true")
    builder: ApplicationBuilder[Any, Any, Any, Any, Any, Any] = (
        ApplicationBuilder().token(config.token).job_queue(None))
    if rate_limits:
        builder = builder.rate_limiter(AIORateLimiter(max_retries=0))
    if config.base_url:
        base = config.base_url.rstrip("/")
        builder = builder.base_url(f"{base}/bot").base_file_url(f"{base}/file/bot")
    return builder.build()


class TelegramRuntime:
    """Owns the Application; `sender` is what the Telegram channels post through."""

    def __init__(self, config: TelegramConfig, *, per_chat_interval_s: float = 1.0,
                 poll_timeout_s: float = 10.0, journal: PostJournal | None = None,
                 on_settled: Callable[[SettleOutcome], None] = lambda _outcome: None,
                 ) -> None:
        self.application: TgApplication = build_application(config)
        self.sender = TelegramSender(self.application.bot,
                                     per_chat_interval_s=per_chat_interval_s, journal=journal,
                                     on_settled=on_settled)
        self._poll_timeout = timedelta(seconds=poll_timeout_s)
        self._bring_up: asyncio.Task[None] | None = None
        self.polling = asyncio.Event()  # set once commands are being received

    def subscribers(self, db: Database) -> SubscriberChats:
        """The delivery family of the chats that follow topics (/subscribe)."""
        return SubscriberChats(db, self.sender)

    def start_commands(self, handlers: Sequence[Handler], commands: Sequence[BotCommand],
                       ) -> None:
        """Receive commands from now on; keeps trying in the background while the Bot
        API cannot be reached, so a Telegram outage at start does not stop the service."""
        self.application.add_handlers(list(handlers))
        self.application.add_error_handler(_on_error)
        self._bring_up = asyncio.create_task(self._start_polling(list(commands)),
                                             name="telegram-commands")

    async def _start_polling(self, commands: list[BotCommand]) -> None:
        attempt = 0
        while True:
            try:
                await self.application.initialize()
                await self.application.bot.set_my_commands(commands)
                await self.application.start()
                updater = self.application.updater
                if updater is not None:
                    await updater.start_polling(
                        timeout=self._poll_timeout,
                        allowed_updates=["message", "channel_post", "callback_query",
                                         "my_chat_member"])
                self.polling.set()
                log.info("telegram commands on as @%s", self.application.bot.username)
                return
            except InvalidToken as exc:
                log.error("telegram: %s; commands stay off until that is fixed and the "
                          "service restarted", token_refused(exc, self.application.bot))
                return
            except TelegramError as exc:
                wait = BRING_UP_RETRY_S[min(attempt, len(BRING_UP_RETRY_S) - 1)]
                attempt += 1
                log.warning("telegram: cannot start commands (%s: %s); trying again in "
                            "%.0fs", type(exc).__name__, exc.message, wait)
                await asyncio.sleep(wait)

    async def close(self) -> None:
        if self._bring_up is not None:
            self._bring_up.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._bring_up
        app = self.application
        try:
            if app.updater is not None and app.updater.running:
                await app.updater.stop()
            if app.running:
                await app.stop()
            await app.shutdown()
            await app.bot.shutdown()  # the sender may have initialized the bot alone
        except TelegramError as exc:
            log.warning("telegram: unclean shutdown: %s", exc.message)


async def _on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The one error handler: what went wrong and where, never the chat's payload."""
    where = update.update_id if isinstance(update, Update) else "-"
    error = context.error
    if isinstance(error, TelegramError):
        log.warning("telegram: update=%s failed: %s: %s", where, type(error).__name__,
                    error.message)
        return
    log.error("telegram: update=%s failed", where, exc_info=error)
