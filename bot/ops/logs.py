"""Log set-up: JSON lines for machines, key=value lines for people, tokens never shown.

Call sites stay plain `log.info("polled source=%s status=%s", ...)`. The formatters lift
the well-known `key=value` pairs of a message (source, event, alert, channel, ...) into
fields of their own, so a JSON line can be filtered on `source` without anyone changing
how they log; `extra={...}` fields are carried over as well.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal, TextIO

__all__ = ["HANDLED", "HandledFilter", "JsonFormatter", "LogFormat", "RedactFilter",
           "TextFormatter", "redact", "setup_logging"]

LogFormat = Literal["auto", "json", "text"]

# A Telegram token is `<bot id>:<35 url-safe chars>`; in Bot API URLs it follows "bot".
_TOKEN = re.compile(r"(?<![A-Za-z0-9])(bot)?\d{5,}:[A-Za-z0-9_-]{30,}")
# The keys our messages use as `key=value`; they become JSON fields of the same name.
FIELD_KEYS = ("source", "event", "alert", "channel", "status", "action", "url", "rules",
              "version", "port", "signal")
_FIELD = re.compile(r"(?<![\w.])(" + "|".join(FIELD_KEYS) + r")=(\S+)")
# Attributes every LogRecord has; anything else on a record came from `extra=`.
_STANDARD = frozenset(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {
    "message", "asctime", "taskName"}
# Library chatter (every HTTP request, every scheduler tick) drowns our own lines.
NOISY = ("httpx", "httpcore", "apscheduler", "alembic", "trafilatura", "htmldate")


@dataclass(frozen=True)
class Handled:
    """A library's log line about something that was handled, at the level it deserves.

    python-telegram-bot logs a 429 its rate limiter hands back to us as an ERROR with a
    traceback, though the outbox schedules the retry; APScheduler warns when a tick is
    skipped because the previous one runs long, though the next one picks up. Only what
    an operator must act on is an ERROR; handled conditions lose their traceback.
    """

    logger: str  # the logger's name, or a parent of it
    says: str  # a piece of the message template
    level: int
    text: str  # the message instead, "{error}" standing for the exception, "{job}" a job id


HANDLED = (
    Handled("telegram.ext.AIORateLimiter", "Rate limit hit after maximum of", logging.INFO,
            "telegram: flood control ({error}); the outbox retries after that"),
    Handled("telegram.ext.Updater", "Exception happened while polling for updates",
            logging.WARNING, "telegram: cannot fetch commands ({error}); trying again"),
    Handled("apscheduler.scheduler", "maximum number of running instances reached",
            logging.INFO, "{job} skipped: its previous run is still going (a long cycle); "
                          "the next run picks up the work"),
)


class HandledFilter(logging.Filter):
    """Rewrites the HANDLED library lines; drops them when below the configured level."""

    def __init__(self, level: int = logging.NOTSET) -> None:
        super().__init__()
        self.level = level

    def filter(self, record: logging.LogRecord) -> bool:
        for rule in HANDLED:
            if (record.name == rule.logger or record.name.startswith(rule.logger + ".")) \
                    and rule.says in str(record.msg):
                _rewrite(record, rule)
                return record.levelno >= self.level
        return True


def _rewrite(record: logging.LogRecord, rule: Handled) -> None:
    error = record.exc_info[1] if record.exc_info else None
    job = record.args[0] if isinstance(record.args, tuple) and record.args else None
    record.msg = rule.text.format(
        error=f"{type(error).__name__}: {error}" if error else "no details",
        job=f"job {getattr(job, 'id', job)}" if job is not None else "a job")
    record.args = None
    record.exc_info = record.exc_text = None
    record.levelno, record.levelname = rule.level, logging.getLevelName(rule.level)


def redact(text: str) -> str:
    """Replace anything shaped like a Telegram bot token."""
    return _TOKEN.sub(lambda m: (m.group(1) or "") + "<redacted>", text)


# Apprise logs each service's full URL (the webhook's secret is its path, or its "host")
# at DEBUG, and the request path again when a request fails.
_URL_TAIL = re.compile(r"(?<=://)[^\s'\"()]+|(?<=url: )/\S+")


def redact_urls(text: str) -> str:
    """'https://hooks.example/T/B/secret' -> 'https://…'; 'url: /secret' -> 'url: …'."""
    return _URL_TAIL.sub("…", text)


class RedactFilter(logging.Filter):
    """Rewrites the rendered message of every record it sees without any token in it
    (and, for Apprise's records, without the webhook URLs)."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            return True  # a malformed call; logging's own error report shows it
        clean = redact(message)
        if record.name == "apprise" or record.name.startswith("apprise."):
            clean = redact_urls(clean)
        if clean != message:
            record.msg, record.args = clean, None
        return True


def fields(record: logging.LogRecord) -> dict[str, Any]:
    """key=value pairs lifted from the message, then `extra=` fields (which win)."""
    out: dict[str, Any] = {}
    for key, raw in _FIELD.findall(record.getMessage()):
        value = raw.rstrip(",.;:)")
        out.setdefault(key, int(value) if value.isdigit() else value)
    for key, value in vars(record).items():
        if key not in _STANDARD and not key.startswith("_"):
            out[key] = value
    return out


def _timestamp(record: logging.LogRecord) -> str:
    return datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds")


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, fields, exception."""

    def format(self, record: logging.LogRecord) -> str:
        doc: dict[str, Any] = {"time": _timestamp(record), "level": record.levelname,
                               "logger": record.name, "message": record.getMessage()}
        for key, value in fields(record).items():
            doc.setdefault(key, value)
        if record.exc_info:
            doc["exc"] = self.formatException(record.exc_info)
        elif record.exc_text:
            doc["exc"] = record.exc_text
        return redact(json.dumps(doc, ensure_ascii=False, default=str))


class TextFormatter(logging.Formatter):
    """`2026-01-01T10:00:00 INFO    defwatch.poll: message key=value` for a terminal."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)-7s %(name)s: %(message)s",
                         datefmt="%Y-%m-%dT%H:%M:%S")

    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        message = record.getMessage()
        extra = {k: v for k, v in fields(record).items() if f"{k}=" not in message}
        if extra:
            tail = " ".join(f"{k}={v}" for k, v in extra.items())
            head, sep, rest = line.partition("\n")
            line = f"{head} {tail}{sep}{rest}"
        return redact(line)


class _StderrHandler(logging.StreamHandler[TextIO]):
    """Writes to whatever sys.stderr is at the time, so a swapped stream (pytest's capture,
    a daemon's redirect) never leaves the handler writing to a closed file."""

    def __init__(self) -> None:
        super().__init__(sys.stderr)

    def emit(self, record: logging.LogRecord) -> None:
        # Follow whatever sys.stderr is now without flushing the old one (setStream would),
        # which may have been closed by whoever swapped it (pytest's capture does).
        if self.stream is not sys.stderr:
            self.stream = sys.stderr
        super().emit(record)


def setup_logging(level: int, fmt: LogFormat = "auto", stream: TextIO | None = None) -> None:
    """Install the one defwatch handler on the root logger (again: it is replaced).

    fmt "auto" writes JSON lines unless the stream is a terminal.
    """
    out = stream if stream is not None else sys.stderr
    if fmt == "auto":
        fmt = "text" if _isatty(out) else "json"
    handler: logging.Handler = (_StderrHandler() if stream is None
                                else logging.StreamHandler(stream))
    handler.setFormatter(JsonFormatter() if fmt == "json" else TextFormatter())
    handler.addFilter(HandledFilter(level))
    handler.addFilter(RedactFilter())
    handler.set_name("defwatch")
    root = logging.getLogger()
    for old in [h for h in root.handlers if h.get_name() == "defwatch"]:
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    logging.captureWarnings(True)  # a library's warning is a log line too, not raw stderr
    for noisy in NOISY:
        logging.getLogger(noisy).setLevel(max(level, logging.WARNING))


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
