"""Keep the bot token and chat payloads out of the logs.

The Bot API puts the token in every request path, and libraries log those paths: httpx
logs each request URL at INFO, python-telegram-bot logs its API URL at DEBUG and every
call's parameters and result (message texts, chat payloads) at DEBUG. A filter on each of
those loggers replaces the token with `<token>` and drops the per-call payload records.
Filters sit on the loggers themselves, so they hold whatever handlers are attached later.
"""

from __future__ import annotations

import logging

# The loggers that see request URLs or API payloads; a filter applies only to records
# logged on its own logger, so each is listed by its exact name.
LOGGERS = (
    "httpx",
    "httpcore.connection",
    "httpcore.http11",
    "telegram",
    "telegram.Bot",
    "telegram.ext",
    "telegram.ext.ExtBot",
    "telegram.ext.Application",
    "telegram.ext.Updater",
    "telegram.ext.AIORateLimiter",
    "telegram.request",
    "telegram.request.BaseRequest",
    "telegram.request.HTTPXRequest",
)
_PAYLOAD_RECORDS = ("Calling Bot API endpoint", "Call to Bot API endpoint")
REDACTED = "<token>"


class RedactToken(logging.Filter):
    """Replaces the token in a record's message; drops per-call payload dumps."""

    def __init__(self, token: str) -> None:
        super().__init__(name="defwatch-redact")
        self.token = token

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str) and record.msg.startswith(_PAYLOAD_RECORDS):
            return False
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            message = str(record.msg)
        if self.token in message:
            record.msg = message.replace(self.token, REDACTED)
            record.args = None
        if record.exc_info and record.exc_info[1] is not None:
            text = logging.Formatter().formatException(record.exc_info)
            if self.token in text:
                record.exc_info = None
                record.exc_text = text.replace(self.token, REDACTED)
        return True


def protect_token(token: str) -> None:
    """Install the redacting filter for this token on every listed logger (idempotent)."""
    if not token:
        return
    for name in LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, RedactToken) and f.token == token for f in logger.filters):
            logger.addFilter(RedactToken(token))
