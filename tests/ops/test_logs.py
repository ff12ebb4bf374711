"""Log lines: JSON for machines, key=value for people, and never a bot token."""

from __future__ import annotations

import asyncio
import io
import json
import logging
from collections.abc import Iterator

import pytest
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.ops.logs import JsonFormatter, TextFormatter, redact, setup_logging

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"


def record(msg: str, *args: object, level: int = logging.INFO,
           **extra: object) -> logging.LogRecord:
    rec = logging.LogRecord("defwatch.poll", level, __file__, 1, msg, args, None)
    for key, value in extra.items():
        setattr(rec, key, value)
    return rec


def test_json_line_has_message_level_logger_time_and_fields() -> None:
    line = JsonFormatter().format(record(
        "polled source=%s status=%s items=%d url=%s", "pib", "ok", 3, "http://x/a?b=1",
        event_id="ev-1"))
    doc = json.loads(line)
    assert doc["message"] == "polled source=pib status=ok items=3 url=http://x/a?b=1"
    assert doc["level"] == "INFO" and doc["logger"] == "defwatch.poll"
    assert doc["time"].endswith("+00:00")
    assert doc["source"] == "pib" and doc["status"] == "ok" and doc["url"] == "http://x/a?b=1"
    assert doc["event_id"] == "ev-1"  # an `extra=` field
    assert "items" not in doc  # only the known keys are lifted


@pytest.mark.parametrize(("message", "fields"), [
    ("alert=12 event=ev-3 action=new rules=acsa,india-japan sources=2",
     {"alert": 12, "event": "ev-3", "action": "new", "rules": "acsa,india-japan"}),
    ("delivery will be retried alert=4 channel=telegram:@x in 5s: HTTP 502",
     {"alert": 4, "channel": "telegram:@x"}),
    ("poll failed (source=pib), giving up", {"source": "pib"}),
    ("no fields here: resource=x sub.source=y", {}),
])
def test_known_key_value_pairs_become_fields(message: str, fields: dict[str, object]) -> None:
    doc = json.loads(JsonFormatter().format(record(message)))
    lifted = {k: v for k, v in doc.items() if k not in ("time", "level", "logger", "message")}
    assert lifted == fields


def test_text_line_is_readable_and_appends_extra_fields() -> None:
    line = TextFormatter().format(record("polled source=%s", "pib", attempt=2))
    assert " INFO    defwatch.poll: polled source=pib attempt=2" in line
    assert line.count("source=") == 1


@pytest.mark.parametrize("text", [
    f"GET https://api.telegram.org/bot{TOKEN}/sendMessage 200",
    f"token={TOKEN}",
    f"https://api.telegram.org/file/bot{TOKEN}/photos/1.jpg",
])
def test_tokens_are_redacted(text: str) -> None:
    clean = redact(text)
    assert TOKEN not in clean and "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw" not in clean
    assert "<redacted>" in clean


def test_ids_and_timestamps_are_not_mistaken_for_tokens() -> None:
    text = "alert=123456 at 2026-11-23T10:00:00 chat=-1001234567890 ev-6a7e6f29db68e41a"
    assert redact(text) == text


@pytest.fixture
def root_handler() -> Iterator[None]:
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    yield
    for h in [h for h in root.handlers if h not in handlers]:
        root.removeHandler(h)
    root.setLevel(level)


def test_setup_logging_redacts_messages_and_tracebacks(root_handler: None) -> None:
    out = io.StringIO()
    setup_logging(logging.INFO, "json", stream=out)
    setup_logging(logging.INFO, "json", stream=out)  # again: still one handler
    log = logging.getLogger("defwatch.telegram")
    log.info("calling https://api.telegram.org/bot%s/getMe", TOKEN)
    try:
        raise RuntimeError(f"bad URL https://api.telegram.org/bot{TOKEN}/x")
    except RuntimeError:
        log.exception("send failed")
    lines = [json.loads(x) for x in out.getvalue().splitlines()]
    assert len(lines) == 2
    assert TOKEN not in out.getvalue()
    assert "bot<redacted>/getMe" in lines[0]["message"]
    assert "RuntimeError" in lines[1]["exc"]


def test_auto_format_is_json_off_a_terminal_and_text_on_one(root_handler: None) -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    pipe, tty = io.StringIO(), Tty()
    setup_logging(logging.INFO, "auto", stream=pipe)
    logging.getLogger("defwatch").info("hello source=x")
    setup_logging(logging.INFO, "auto", stream=tty)
    logging.getLogger("defwatch").info("hello source=x")
    assert json.loads(pipe.getvalue())["source"] == "x"
    assert tty.getvalue().rstrip().endswith("INFO    defwatch: hello source=x")


async def test_a_skipped_scheduler_run_is_info_not_a_warning(root_handler: None) -> None:
    """A tick still running when the next one is due: APScheduler's own WARNING becomes an
    INFO line that says what happens next."""
    out = io.StringIO()
    setup_logging(logging.INFO, "text", stream=out)
    release = asyncio.Event()

    async def long_tick() -> None:
        await release.wait()

    scheduler = AsyncIOScheduler(event_loop=asyncio.get_running_loop())
    scheduler.add_job(long_tick, "interval", seconds=0.05, id="tick", max_instances=1)
    scheduler.start()
    try:
        deadline = asyncio.get_running_loop().time() + 10
        while "skipped" not in out.getvalue():
            assert asyncio.get_running_loop().time() < deadline, out.getvalue()
            await asyncio.sleep(0.01)
    finally:
        release.set()
        scheduler.shutdown(wait=False)
    line = next(x for x in out.getvalue().splitlines() if "skipped" in x)
    assert " INFO    apscheduler.scheduler: job tick skipped: its previous run is still " \
           "going (a long cycle); the next run picks up the work" in line
    assert "WARNING" not in out.getvalue()


def test_a_lost_connection_while_fetching_commands_is_a_warning_without_traceback(
        root_handler: None) -> None:
    out = io.StringIO()
    setup_logging(logging.INFO, "text", stream=out)
    try:
        raise ConnectionError("connection reset by peer")
    except ConnectionError:
        logging.getLogger("telegram.ext.Updater").exception(
            "Exception happened while polling for updates.")
    assert out.getvalue().rstrip().endswith(
        "WARNING telegram.ext.Updater: telegram: cannot fetch commands (ConnectionError: "
        "connection reset by peer); trying again")
    assert "Traceback" not in out.getvalue()


def test_handled_lines_below_the_level_are_dropped(root_handler: None) -> None:
    out = io.StringIO()
    setup_logging(logging.WARNING, "text", stream=out)  # `status`, `rules`: quiet
    logging.getLogger("telegram.ext.AIORateLimiter").error(
        "Rate limit hit after maximum of %d retries", 0)
    logging.getLogger("defwatch").error("a real error")
    assert "Rate limit" not in out.getvalue() and "flood control" not in out.getvalue()
    assert "a real error" in out.getvalue()
