"""Alerts through real python-telegram-bot to the fake Bot API: posting, editing in
place, flood control, chats that block the bot, bad requests, and a token kept secret."""

from __future__ import annotations

import asyncio
import io
import itertools
import logging
import time
from pathlib import Path

import pytest

from bot.channels import Channel, build_channels
from bot.channels.telegram.channel import SubscriberChats
from bot.channels.telegram.runtime import TelegramRuntime
from bot.config.options import TelegramConfig
from bot.errors import DeliveryError
from bot.ops.logs import setup_logging
from bot.pipeline.dispatch import Dispatcher
from bot.store import Database
from bot.store import outbox as outbox_rows
from bot.store import subscriptions as subs
from tests.bot.channels.conftest import T0, make_alert, queue
from tests.fakes.telegram_api import FakeTelegram, visible_text
from tests.loopback import LoopbackServer


def subscribe(db: Database, chat_id: int, *topics: str) -> None:
    with db.engine.begin() as conn:
        subs.subscribe(conn, chat_id, topics, chat_type="private", now=T0)


def dispatcher(db: Database, runtime: TelegramRuntime,
               channels: dict[str, Channel] | None = None) -> Dispatcher:
    return Dispatcher(db, channels or {}, families=[SubscriberChats(db, runtime.sender)])


async def deliver_all(d: Dispatcher, expected: int, timeout: float = 15.0) -> None:
    """Run the dispatcher until `expected` deliveries are sent (retries fall due on the
    real clock), failing at a deadline."""
    sent = 0
    deadline = time.monotonic() + timeout
    while sent < expected:
        assert time.monotonic() < deadline, f"only {sent} of {expected} delivered"
        sent += (await d.run_once()).sent
        await asyncio.sleep(0.02)  # let retry_after run out; the assertions use timestamps
    assert sent == expected


async def test_an_alert_is_posted_then_edited_in_place(db: Database, api: FakeTelegram,
                                                       runtime: TelegramRuntime) -> None:
    subscribe(db, 501, "india-japan")
    d = dispatcher(db, runtime)
    _, names = queue(db, make_alert(sources=1), {})
    assert names == ["telegram:chat:501"]
    assert (await d.run_once()).sent == 1
    [posted] = api.calls_to("sendMessage")
    assert posted.params["parse_mode"] == "HTML"
    assert posted.params["link_preview_options"] == {
        "url": "https://news1.example.org/2020/12/22/call-1.html"}

    queue(db, make_alert(action="update", sources=2), {})
    assert (await d.run_once()).sent == 1
    [edit] = api.calls_to("editMessageText")
    assert edit.params["message_id"] == api.message_ids(501)[0]
    [message] = api.texts(501)  # still one message: the update edited it
    assert "Outlet 2" in message and "Updated" in message
    assert len(api.calls_to("sendMessage")) == 1


async def test_an_unchanged_update_is_not_an_error(db: Database, api: FakeTelegram,
                                                   runtime: TelegramRuntime) -> None:
    subscribe(db, 502, "acsa")
    d = dispatcher(db, runtime)
    queue(db, make_alert(action="new"), {})
    queue(db, make_alert(action="update"), {})
    queue(db, make_alert(action="update"), {})  # same text again: "message is not modified"
    assert (await d.run_once()).sent == 3
    assert [c.status for c in api.calls_to("editMessageText")] == [200, 400]
    with db.engine.begin() as conn:
        assert outbox_rows.backlog(conn) == {"telegram:chat:502": {"sent": 3}}


async def test_a_burst_under_flood_control_waits_out_every_retry_after(
        db: Database, api: FakeTelegram, runtime: TelegramRuntime) -> None:
    subscribe(db, 777, "india-japan")
    for i in range(10):
        queue(db, make_alert(f"ev-{i}", title=f"Burst alert {i}"), {})
    api.fail("sendMessage", 429, retry_after=1, chat_id=777)           # the very first send
    api.fail("sendMessage", 429, retry_after=1, chat_id=777, after=5)  # and one mid-burst
    d = dispatcher(db, runtime)
    await deliver_all(d, 10)

    assert api.violations == []
    calls = [c for c in api.calls_to("sendMessage") if c.params["chat_id"] == 777]
    throttled = [i for i, c in enumerate(calls) if c.status == 429]
    assert len(throttled) == 2
    for i in throttled:
        # The server said "retry after 1s": nothing reached it for this chat sooner.
        assert calls[i + 1].at - calls[i].at >= 1.0
    titles = [visible_text(t).splitlines()[0] for t in api.texts(777)]
    assert titles == [f"🆕 Burst alert {i}" for i in range(10)]  # all, in order
    with db.engine.begin() as conn:
        assert outbox_rows.backlog(conn) == {"telegram:chat:777": {"sent": 10}}


async def test_a_chat_that_blocked_the_bot_loses_its_subscriptions(
        db: Database, api: FakeTelegram, runtime: TelegramRuntime) -> None:
    subscribe(db, 801, "india-japan", "acsa")
    subscribe(db, 802, "india-japan")
    queue(db, make_alert("ev-1"), {})
    queue(db, make_alert("ev-2"), {})
    api.fail("sendMessage", 403, chat_id=801)
    report = await dispatcher(db, runtime).run_once()
    assert (report.sent, report.failed, report.retried) == (2, 2, 0)
    with db.engine.begin() as conn:
        assert subs.topics_of(conn, 801) == []
        assert subs.topics_of(conn, 802) == ["india-japan"]
        backlog = outbox_rows.backlog(conn)
        errors = outbox_rows.last_errors(conn)
    assert backlog == {"telegram:chat:801": {"failed": 2}, "telegram:chat:802": {"sent": 2}}
    assert "blocked" in errors["telegram:chat:801"]
    # The second alert for 801 failed without another call to a chat that refuses us.
    assert len([c for c in api.calls_to("sendMessage") if c.params["chat_id"] == 801]) == 1
    queue(db, make_alert("ev-3"), {})  # the next alert no longer goes to 801 at all
    with db.engine.begin() as conn:
        assert set(outbox_rows.backlog(conn)) == {"telegram:chat:801", "telegram:chat:802"}
        assert outbox_rows.backlog(conn)["telegram:chat:802"] == {"sent": 2, "pending": 1}


async def test_a_group_that_became_a_supergroup_keeps_its_subscriptions(
        db: Database, api: FakeTelegram, runtime: TelegramRuntime) -> None:
    subscribe(db, -4001, "acsa")
    queue(db, make_alert(), {})
    api.fail("sendMessage", 400, chat_id=-4001, migrate_to=-1004001,
             description="Bad Request: group chat was upgraded to a supergroup chat")
    assert (await dispatcher(db, runtime).run_once()).sent == 1
    assert len(api.texts(-1004001)) == 1  # delivered to the new chat at once
    with db.engine.begin() as conn:
        assert subs.topics_of(conn, -4001) == []
        assert subs.topics_of(conn, -1004001) == ["acsa"]
    _, names = queue(db, make_alert("ev-2"), {})
    assert names == ["telegram:chat:-1004001"]


async def test_a_bad_request_fails_for_good_and_is_not_retried(
        db: Database, api: FakeTelegram, runtime: TelegramRuntime) -> None:
    channels = build_channels(["telegram:@jp_watch"], Path.cwd(), telegram=runtime.sender)
    queue(db, make_alert(), channels, subscribers=False)
    api.fail("sendMessage", 400, description="Bad Request: chat not found", times=5)
    d = dispatcher(db, runtime, channels)
    assert (await d.run_once()).failed == 1
    assert (await d.run_once()).failed == 0
    assert len(api.calls_to("sendMessage")) == 1
    with db.engine.begin() as conn:
        assert outbox_rows.backlog(conn) == {"telegram:@jp_watch": {"failed": 1}}
        assert "chat not found" in outbox_rows.last_errors(conn)["telegram:@jp_watch"].lower()


async def test_a_configured_channel_gets_only_its_topics(
        db: Database, api: FakeTelegram, runtime: TelegramRuntime) -> None:
    channels = build_channels(["telegram:@jp_watch?topics=malabar,acsa"], Path.cwd(),
                              telegram=runtime.sender)
    assert list(channels) == ["telegram:@jp_watch"]
    _, skipped = queue(db, make_alert("ev-1", rules=("india-japan",)), channels)
    _, routed = queue(db, make_alert("ev-2", rules=("acsa", "india-japan")), channels)
    assert (skipped, routed) == ([], ["telegram:@jp_watch"])
    assert (await dispatcher(db, runtime, channels).run_once()).sent == 1
    assert len(api.texts("@jp_watch")) == 1


async def test_hostile_page_text_is_shown_not_interpreted(
        db: Database, api: FakeTelegram, runtime: TelegramRuntime) -> None:
    title = '<b>Pwned</b> & "quoted" &amp; <a href="x">link</a> @everyone #tag'
    subscribe(db, 900, "acsa")
    queue(db, make_alert(title=title, summary="a < b > c & d; </i> stray"), {})
    assert (await dispatcher(db, runtime).run_once()).sent == 1  # Telegram parsed it
    [message] = api.texts(900)
    assert "&lt;b&gt;Pwned&lt;/b&gt; &amp; &quot;quoted&quot; &amp;amp;" in message
    assert title in visible_text(message)
    assert "a < b > c & d; </i> stray" in visible_text(message)


async def test_a_long_alert_is_split_and_edited_part_by_part(
        db: Database, api: FakeTelegram, runtime: TelegramRuntime) -> None:
    subscribe(db, 950, "india-japan")
    long_summary = "\n".join(f"Paragraph {i}: " + "logistics & supply " * 60
                             for i in range(9))
    queue(db, make_alert(summary=long_summary, sources=3), {})
    d = dispatcher(db, runtime)
    assert (await d.run_once()).sent == 1
    posted = api.calls_to("sendMessage")
    assert len(posted) >= 3
    assert posted[0].params["link_preview_options"]["url"].startswith("https://news1.")
    assert all(c.params["link_preview_options"] == {"is_disabled": True} for c in posted[1:])
    queue(db, make_alert(action="update", summary=long_summary, sources=4), {})
    assert (await d.run_once()).sent == 1
    assert len(api.texts(950)) == len(posted)  # edited, not re-posted
    assert "Outlet 4" in api.texts(950)[-1]


async def test_messages_to_one_chat_are_spaced_by_the_per_chat_interval(
        db: Database, api: FakeTelegram) -> None:
    rt = TelegramRuntime(TelegramConfig(token=api.token, base_url=api.base_url),
                         per_chat_interval_s=0.2)
    try:
        subscribe(db, 321, "acsa")
        for i in range(3):
            queue(db, make_alert(f"ev-{i}"), {})
        assert (await dispatcher(db, rt).run_once()).sent == 3
    finally:
        await rt.close()
    times = [c.at for c in api.calls_to("sendMessage")]
    assert all(b - a >= 0.2 for a, b in itertools.pairwise(times))


async def test_the_token_never_reaches_the_logs(db: Database, api: FakeTelegram,
                                                runtime: TelegramRuntime,
                                                caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    for name in ("httpx", "telegram", "telegram.Bot", "telegram.ext.ExtBot", "httpcore"):
        caplog.set_level(logging.DEBUG, logger=name)
    subscribe(db, 600, "acsa")
    queue(db, make_alert(), {})
    api.fail("sendMessage", 429, retry_after=1, chat_id=600)
    assert (await dispatcher(db, runtime).run_once()).retried == 1
    secret = api.token.split(":", 1)[1]
    assert "HTTP Request: POST" in caplog.text  # request URLs were logged …
    assert "/bot<token>/sendMessage" in caplog.text  # … with the token taken out
    assert api.token not in caplog.text and secret not in caplog.text
    assert "India and Japan defence ministers" not in caplog.text  # nor message payloads



async def test_a_handled_429_is_no_error_in_the_log(db: Database, api: FakeTelegram,
                                                    runtime: TelegramRuntime) -> None:
    """PTB's rate limiter logs a 429 it hands back as an ERROR with a traceback; the outbox
    handles it (a retry after retry_after), so the log says so, without either."""
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    out = io.StringIO()
    setup_logging(logging.INFO, "text", stream=out)
    try:
        subscribe(db, 602, "acsa")
        queue(db, make_alert(), {})
        api.fail("sendMessage", 429, retry_after=1, chat_id=602)
        assert (await dispatcher(db, runtime).run_once()).retried == 1
    finally:
        for h in [h for h in root.handlers if h not in handlers]:
            root.removeHandler(h)
        root.setLevel(level)
    text = out.getvalue()
    assert "ERROR" not in text and "Traceback" not in text, text
    assert "INFO    telegram.ext.AIORateLimiter: telegram: flood control (RetryAfter: " in text
    assert "WARNING defwatch.outbox: delivery will be retried" in text


async def test_a_wrong_base_url_is_not_called_a_rejected_token(
        db: Database, api: FakeTelegram, loopback: LoopbackServer) -> None:
    """A base_url where no Bot API answers (404 for every path) is said to be the problem."""
    wrong = TelegramRuntime(TelegramConfig(token=api.token, base_url=loopback.url("/nope")),
                            per_chat_interval_s=0.0)
    try:
        with pytest.raises(DeliveryError) as caught:
            await wrong.sender.deliver("telegram:@x", "@x", make_alert(), None)
    finally:
        await wrong.close()
    reason = caught.value.reason
    assert reason.startswith(f"{loopback.url('/nope')} answered 404 Not Found: "
                             "telegram.base_url (TELEGRAM_API_BASE_URL) does not point at a "
                             "Bot API server")
    assert "rejected" not in reason and api.token not in reason


async def test_an_unknown_token_is_said_to_be_rejected(api: FakeTelegram,
                                                       runtime: TelegramRuntime) -> None:
    api.fail("getMe", 401, description="Unauthorized")
    with pytest.raises(DeliveryError) as caught:
        await runtime.sender.deliver("telegram:@x", "@x", make_alert(), None)
    assert caught.value.reason == ("the Bot API rejected the bot token (401 Unauthorized); "
                                   "check TELEGRAM_BOT_TOKEN")
