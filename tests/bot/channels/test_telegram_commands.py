"""People talking to the bot: real python-telegram-bot long-polling the fake Bot API."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.channels import build_channels
from bot.channels.telegram.channel import SubscriberChats
from bot.channels.telegram.commands import Commands
from bot.channels.telegram.runtime import TelegramRuntime
from bot.channels.telegram.texts import TOGGLE_PREFIX, Topic, bot_commands
from bot.pipeline.dispatch import Dispatcher
from bot.store import Database
from bot.store import sources as source_rows
from bot.store import subscriptions as subs
from bot.store import telegram_posts as post_rows
from bot.store.tables import deliveries
from tests.bot.channels.conftest import T0, make_alert, queue
from tests.fakes.telegram_api import DROP, FakeTelegram, visible_text
from watchers.models import Source

TOPICS = [
    Topic("india-japan", "India–Japan defence", "Ministers' calls, 2+2, exercises & pacts"),
    Topic("acsa", "ACSA", "Acquisition and Cross-Servicing Agreements"),
    Topic("malabar", "Malabar", "The Malabar naval exercise"),
]
ADMIN = 11


class FakeControl:
    def __init__(self) -> None:
        self.paused = False
        self.reloads = 0

    async def is_paused(self) -> bool:
        return self.paused

    async def pause(self, by: str | None = None) -> None:
        self.paused = True

    async def resume(self, by: str | None = None) -> None:
        self.paused = False

    async def reload_rules(self) -> str:
        self.reloads += 1
        return "Reloaded: 3 rules in force."


@pytest.fixture
async def control(db: Database, api: FakeTelegram,
                  runtime: TelegramRuntime) -> AsyncIterator[FakeControl]:
    """The bot answering commands, with TOPICS and one operator."""
    ctl = FakeControl()
    commands = Commands(db, lambda: TOPICS, admins=[ADMIN, "@chief"], control=ctl)
    runtime.start_commands([*commands.handlers(), *commands.fallbacks()], bot_commands())
    await asyncio.wait_for(runtime.polling.wait(), 10)
    yield ctl


async def said(api: FakeTelegram, chat_id: int, text: str, count: int = 1) -> str:
    """Wait for the bot's `count`-th message in the chat to arrive; return its text."""
    await api.wait_for(lambda: len(api.texts(chat_id)) >= count,
                       f"reply #{count} in chat {chat_id} to {text!r}")
    return visible_text(api.texts(chat_id)[count - 1])


async def test_subscribe_then_receive_an_alert_then_see_it_updated(
        db: Database, api: FakeTelegram, runtime: TelegramRuntime,
        control: FakeControl) -> None:
    api.command(501, "/subscribe india-japan nonsense")
    reply = await said(api, 501, "/subscribe")
    assert "Following: india-japan" in reply and "Unknown topics: nonsense" in reply
    with db.engine.begin() as conn:
        assert subs.topics_of(conn, 501) == ["india-japan"]

    d = Dispatcher(db, {}, families=[SubscriberChats(db, runtime.sender)])
    queue(db, make_alert(rules=("india-japan",)), {})
    queue(db, make_alert("ev-other", rules=("malabar",)), {})  # not followed here
    assert (await d.run_once()).sent == 1
    alert_id = api.message_ids(501)[-1]
    assert "India and Japan defence ministers" in visible_text(api.texts(501)[-1])

    queue(db, make_alert(action="update", sources=2, rules=("india-japan",)), {})
    assert (await d.run_once()).sent == 1
    assert api.message_ids(501)[-1] == alert_id  # the same message, edited
    assert "Outlet 2" in visible_text(api.message(501, alert_id) or "")
    [menu] = api.calls_to("setMyCommands")  # the command menu people see
    assert [c["command"] for c in menu.params["commands"]][:3] == [
        "start", "topics", "subscribe"]


async def test_topics_lists_descriptions_and_buttons_toggle(
        db: Database, api: FakeTelegram, control: FakeControl) -> None:
    api.command(502, "/topics")
    text = await said(api, 502, "/topics")
    assert "Ministers' calls, 2+2, exercises & pacts" in text
    message_id = api.message_ids(502)[0]
    buttons = api.markup(502, message_id)["inline_keyboard"]
    assert [row[0]["callback_data"] for row in buttons] == [
        "sub:india-japan", "sub:acsa", "sub:malabar"]

    api.press(502, message_id, "sub:acsa")
    await api.wait_for(lambda: api.calls_to("editMessageReplyMarkup"), "the keyboard edit")
    with db.engine.begin() as conn:
        assert subs.topics_of(conn, 502) == ["acsa"]
    labels = [row[0]["text"] for row in api.markup(502, message_id)["inline_keyboard"]]
    assert labels[1].startswith("✅") and labels[0].startswith("➕")
    assert api.calls_to("answerCallbackQuery")

    api.press(502, message_id, "sub:acsa")  # tap again: unfollow
    await api.wait_for(lambda: len(api.calls_to("editMessageReplyMarkup")) == 2, "2nd edit")
    with db.engine.begin() as conn:
        assert subs.topics_of(conn, 502) == []


async def test_mysubs_and_unsubscribe_all(db: Database, api: FakeTelegram,
                                          control: FakeControl) -> None:
    api.command(503, "/subscribe acsa, malabar")
    await said(api, 503, "/subscribe", 1)
    api.command(503, "/mysubs")
    assert "acsa — ACSA" in await said(api, 503, "/mysubs", 2)
    api.command(503, "/unsubscribe all")
    assert "follows no topics" in await said(api, 503, "/unsubscribe all", 3)
    with db.engine.begin() as conn:
        assert subs.topics_of(conn, 503) == []


async def test_start_help_and_status_answer_everyone(api: FakeTelegram,
                                                     control: FakeControl) -> None:
    api.command(504, "/start")
    assert "bilateral defence statement" in await said(api, 504, "/start", 1)
    api.command(504, "/help")
    help_text = await said(api, 504, "/help", 2)
    assert "/subscribe" in help_text and "/pause" not in help_text
    api.command(504, "/status")
    status = await said(api, 504, "/status", 3)
    assert "Sources:" in status and "Last alert: none yet" in status


async def test_operator_commands_are_refused_politely_to_others(
        api: FakeTelegram, control: FakeControl) -> None:
    api.command(505, "/pause", user_id=999)
    assert "only the operators" in await said(api, 505, "/pause", 1)
    assert control.paused is False

    api.command(ADMIN, "/pause", user_id=ADMIN)
    assert "Paused" in await said(api, ADMIN, "/pause", 1)
    assert control.paused is True
    api.command(ADMIN, "/status", user_id=ADMIN)
    assert "paused" in await said(api, ADMIN, "/status", 2)
    api.command(ADMIN, "/resume", user_id=ADMIN)
    assert "Resumed" in await said(api, ADMIN, "/resume", 3)
    api.command(606, "/reload", user_id=606, username="chief")  # admin by username
    assert "Reloaded" in await said(api, 606, "/reload", 1)
    assert (control.paused, control.reloads) == (False, 1)


async def test_a_group_that_removes_the_bot_is_forgotten(
        db: Database, api: FakeTelegram, control: FakeControl) -> None:
    api.member(-100500, user_id=5, status="administrator")
    api.command(-100500, "/subscribe malabar", user_id=5, chat_type="supergroup")
    await said(api, -100500, "/subscribe")
    api.remove_bot(-100500, chat_type="supergroup")

    def forgotten() -> bool:
        with db.engine.begin() as conn:
            return subs.topics_of(conn, -100500) == []

    await api.wait_for(forgotten, "the subscriptions to be dropped")


async def test_only_a_groups_admins_change_its_topics(
        db: Database, api: FakeTelegram, control: FakeControl) -> None:
    group = -100600

    def followed() -> list[str]:
        with db.engine.begin() as conn:
            return subs.topics_of(conn, group)

    api.command(group, "/subscribe malabar", user_id=7, chat_type="supergroup")
    assert "Only this group's admins" in await said(api, group, "/subscribe", 1)
    assert followed() == []
    api.member(group, user_id=8, status="creator")
    api.command(group, "/subscribe malabar", user_id=8, chat_type="supergroup")
    assert "Following: malabar" in await said(api, group, "/subscribe", 2)
    api.command(group, "/unsubscribe all", user_id=7, chat_type="supergroup")
    assert "Only this group's admins" in await said(api, group, "/unsubscribe", 3)
    api.command(group, "/subscribe acsa", chat_type="supergroup", anonymous=True)
    assert "Following: acsa" in await said(api, group, "/subscribe", 4)
    api.command(group, "/subscribe india-japan", user_id=ADMIN, chat_type="supergroup")
    assert "Following: india-japan" in await said(api, group, "/subscribe", 5)  # operator
    assert followed() == ["acsa", "india-japan", "malabar"]

    api.command(group, "/topics", user_id=7, chat_type="supergroup")  # anyone may look
    await said(api, group, "/topics", 6)
    api.press(group, api.message_ids(group)[-1], f"{TOGGLE_PREFIX}acsa", user_id=7,
              chat_type="supergroup")
    await api.wait_for(lambda: api.calls_to("answerCallbackQuery"), "the button's answer")
    [answer] = api.calls_to("answerCallbackQuery")
    assert "Only this group's admins" in answer.params["text"]
    assert followed() == ["acsa", "india-japan", "malabar"]


async def test_a_channel_post_gives_even_the_first_alert_a_baseline(
        db: Database, api: FakeTelegram, runtime: TelegramRuntime,
        control: FakeControl) -> None:
    channel = -100900
    posted = api.channel_post(channel, "Defence_Desk", "Good morning from the desk editor")

    def noted() -> bool:
        with db.engine.begin() as conn:
            return post_rows.highest_id(conn, "@defence_desk") == posted

    await api.wait_for(noted, "the channel post in the journal")
    channels = build_channels(["telegram:@Defence_Desk"], Path.cwd(), telegram=runtime.sender)
    api.drop_answer("sendMessage")  # the bot's very first post there loses its answer
    queue(db, make_alert("ev-1"), channels)
    d = Dispatcher(db, channels)
    assert (await d.run_once()).retried == 1
    with db.engine.begin() as conn:  # the retry is due now
        conn.execute(deliveries.update().values(next_try=T0))
    assert (await d.run_once()).sent == 1
    assert [c.status for c in api.calls_to("sendMessage")] == [DROP]  # settled, not reposted
    assert api.message_ids(channel) == [posted + 1]


async def test_a_button_on_a_channel_post_checks_who_pressed_it(
        db: Database, api: FakeTelegram, control: FakeControl) -> None:
    """The message carrying the button speaks as the channel; the presser is a stranger."""
    channel = -100700
    api.member(channel, user_id=9, status="member")
    api.press(channel, api.post_as_someone(channel, "topics"), f"{TOGGLE_PREFIX}acsa",
              user_id=9, chat_type="channel")
    await api.wait_for(lambda: api.calls_to("answerCallbackQuery"), "the button's answer")
    [answer] = api.calls_to("answerCallbackQuery")
    assert "admins" in answer.params["text"]
    with db.engine.begin() as conn:
        assert subs.topics_of(conn, channel) == []


async def test_an_operator_username_is_bound_to_the_first_id_that_uses_it(
        api: FakeTelegram, control: FakeControl) -> None:
    api.command(606, "/reload", user_id=606, username="chief")
    assert "Reloaded" in await said(api, 606, "/reload", 1)
    # The username freed and taken by a new account: no longer the operator.
    api.command(707, "/reload", user_id=707, username="Chief")
    assert "only the operators" in await said(api, 707, "/reload", 1)
    api.command(606, "/pause", user_id=606, username="chief")
    assert "Paused" in await said(api, 606, "/pause", 2)
    assert control.reloads == 1


async def test_public_status_shows_counts_and_operators_see_details(
        db: Database, api: FakeTelegram, control: FakeControl) -> None:
    now = T0
    with db.engine.begin() as conn:
        source_rows.sync_sources(conn, [Source(id="leaky", kind="rss",
                                               url="https://feeds.example/rss")], now)
        source_rows.record_failure(
            conn, "leaky", "HTTP 404 (after redirect to https://feeds.example/x?api_key=s3cr3t)",
            now=now, next_due=now)
    api.command(808, "/status", user_id=808)
    public = await said(api, 808, "/status", 1)
    assert "1 failing" in public and "leaky" not in public and "s3cr3t" not in public
    api.command(ADMIN, "/status", user_id=ADMIN)
    detailed = await said(api, ADMIN, "/status", 1)
    assert "leaky" in detailed and "https://feeds.example/x" in detailed
    assert "s3cr3t" not in detailed  # the stored error lost its query string


async def test_a_misspelt_topic_gets_a_did_you_mean(db: Database, api: FakeTelegram,
                                                   control: FakeControl) -> None:
    api.command(520, "/subscribe india-japn malabar")
    reply = await said(api, 520, "/subscribe")
    assert "Following: malabar" in reply
    assert "Unknown topics: india-japn — see /topics." in reply
    assert "Did you mean india-japan? (for india-japn)" in reply
    api.command(520, "/unsubscribe malabr")
    reply = await said(api, 520, "/unsubscribe", count=2)
    assert "Did you mean malabar? (for malabr)" in reply
    api.command(520, "/subscribe weather")  # nothing close: no guess
    assert "Did you mean" not in await said(api, 520, "/subscribe weather", count=3)


async def test_unknown_commands_and_free_text_get_a_short_help(
        api: FakeTelegram, control: FakeControl) -> None:
    api.command(521, "/weather tomorrow")
    reply = await said(api, 521, "/weather")
    assert reply.startswith("I do not know /weather. What I understand:")
    assert "/subscribe — follow topics" in reply and "/reload" not in reply
    api.say(521, "hello, what can you do?")
    reply = await said(api, 521, "hello", count=2)
    assert reply.startswith("I answer commands only, such as /subscribe india-japan.")
    assert "/topics — topics you can follow" in reply
    api.command(ADMIN, "/weather")  # an operator's help lists the operator commands
    assert "/reload — reload the rule files" in await said(api, ADMIN, "/weather")


async def test_in_a_group_only_commands_addressed_to_the_bot_get_the_help(
        api: FakeTelegram, control: FakeControl) -> None:
    group = -100521
    api.command(group, "/weather", user_id=9, chat_type="supergroup")  # maybe another bot's
    api.say(group, "nice weather today", chat_type="supergroup")  # people talking
    api.command(group, "/weather@defwatch_bot", user_id=9, chat_type="supergroup")
    reply = await said(api, group, "/weather@defwatch_bot")
    assert reply.startswith("I do not know /weather. What I understand:")
    api.command(group, "/mysubs", user_id=9, chat_type="supergroup")
    await said(api, group, "/mysubs", count=2)
    assert len(api.texts(group)) == 2  # nothing for the bare /weather or the chat
