"""Posts whose answer never came (the fake carries the call out and hangs up, as a crash
between a post and its commit would leave things) are settled by the post journal:
found in the chat and not posted again, or found missing and posted once."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.channels import Channel, build_channels
from bot.channels.telegram.channel import SubscriberChats, TelegramChannel
from bot.channels.telegram.journal import PartKey, PostJournal
from bot.channels.telegram.runtime import TelegramRuntime
from bot.channels.telegram.sender import TelegramSender
from bot.channels.telegram.settle import END_AFTER
from bot.config.options import TelegramConfig
from bot.pipeline.dispatch import Dispatcher
from bot.store import Database
from bot.store import outbox as outbox_rows
from bot.store import subscriptions as subs
from bot.store.tables import deliveries
from tests.bot.channels.conftest import T0, Clock, make_alert, queue
from tests.fakes.telegram_api import DROP, FakeTelegram

DESK = "@desk"


@pytest.fixture
def settled() -> list[str]:
    """How each settling ended, as the metrics hear it."""
    return []


@pytest.fixture
async def runtime(api: FakeTelegram, db: Database,
                  settled: list[str]) -> AsyncIterator[TelegramRuntime]:
    rt = TelegramRuntime(TelegramConfig(token=api.token, base_url=api.base_url),
                         per_chat_interval_s=0.0, journal=PostJournal(db),
                         on_settled=settled.append)
    yield rt
    await rt.close()


def desk(runtime: TelegramRuntime, tmp_path: Path, *specs: str) -> dict[str, Channel]:
    return build_channels(list(specs) or [f"telegram:{DESK}"], tmp_path,
                          telegram=runtime.sender)


async def run_until_sent(d: Dispatcher, clock: Clock, expected: int) -> None:
    sent = 0
    for _ in range(10):
        sent += (await d.run_once()).sent
        if sent == expected:
            return
        clock.advance(60)  # retries are scheduled in the database, on the dispatcher's clock
    raise AssertionError(f"{sent} of {expected} sent")


def statuses(api: FakeTelegram, method: str) -> list[int]:
    return [c.status for c in api.calls_to(method)]


def refs(db: Database) -> list[str | None]:
    with db.engine.connect() as conn:
        return [r.message_ref for r in conn.execute(
            deliveries.select().order_by(deliveries.c.id))]


async def test_a_post_whose_answer_was_lost_is_found_not_repeated(
        db: Database, api: FakeTelegram, runtime: TelegramRuntime, tmp_path: Path,
        settled: list[str]) -> None:
    channels, clock = desk(runtime, tmp_path), Clock()
    d = Dispatcher(db, channels, clock=clock)
    queue(db, make_alert("ev-1"), channels)
    await run_until_sent(d, clock, 1)  # the chat's baseline: message 1
    api.drop_answer("sendMessage")
    queue(db, make_alert("ev-2", title="Australia and Japan sign a reciprocal access deal"),
          channels)
    assert (await d.run_once()).retried == 1  # no answer: the outcome is unknown
    await run_until_sent(d, clock, 1)
    assert statuses(api, "sendMessage") == [200, DROP]  # posted once, never again
    assert statuses(api, "editMessageText") == [400]  # "not modified": it is there
    assert len(api.texts(DESK)) == 2 and "Australia" in api.texts(DESK)[1]
    assert refs(db) == ["1", "2"]
    assert settled == ["landed"]


async def test_a_post_that_never_went_out_is_posted_once(
        db: Database, api: FakeTelegram, runtime: TelegramRuntime, tmp_path: Path,
        settled: list[str]) -> None:
    channels, clock = desk(runtime, tmp_path), Clock()
    d = Dispatcher(db, channels, clock=clock)
    queue(db, make_alert("ev-1"), channels)
    await run_until_sent(d, clock, 1)
    alert_id, _ = queue(db, make_alert("ev-2", title="A second call"), channels)
    # A process that wrote the part down and died before posting it:
    journal = PostJournal(db, clock=clock)
    key = PartKey(alert_id, f"telegram:{DESK}", 0)
    assert await journal.take(key, DESK, "<b>whatever it was</b>", None) is None
    await journal.unsure(key)
    await run_until_sent(d, clock, 1)
    assert statuses(api, "editMessageText") == [400] * END_AFTER  # past the chat's end
    assert statuses(api, "sendMessage") == [200, 200]
    assert len(api.texts(DESK)) == 2
    assert settled == ["absent"]


async def test_other_peoples_messages_in_between_are_looked_past(
        db: Database, api: FakeTelegram, runtime: TelegramRuntime, tmp_path: Path) -> None:
    group = -100777
    channels, clock = desk(runtime, tmp_path, f"telegram:{group}"), Clock()
    d = Dispatcher(db, channels, clock=clock)
    queue(db, make_alert("ev-1"), channels)
    await run_until_sent(d, clock, 1)
    for n in range(3):
        api.post_as_someone(group, f"comment {n}")
    api.drop_answer("sendMessage")
    queue(db, make_alert("ev-2", title="A second call"), channels)
    await run_until_sent(d, clock, 1)
    assert statuses(api, "sendMessage") == [200, DROP]
    assert statuses(api, "editMessageText") == [400] * 4  # three "can't be edited", ours
    assert api.message_ids(group) == [1, 5]
    assert refs(db) == ["1", "5"]


async def test_the_first_post_to_a_chat_cannot_be_settled_so_it_is_posted_again(
        db: Database, api: FakeTelegram, runtime: TelegramRuntime,
        caplog: pytest.LogCaptureFixture, settled: list[str]) -> None:
    channels, clock = desk(runtime, Path.cwd()), Clock()  # no file channels: no base
    d = Dispatcher(db, channels, clock=clock)
    api.drop_answer("sendMessage")
    queue(db, make_alert("ev-1"), channels)
    with caplog.at_level(logging.WARNING, "defwatch.telegram"):
        await run_until_sent(d, clock, 1)
    assert "no earlier message of the chat is known" in caplog.text
    assert statuses(api, "sendMessage") == [DROP, 200]  # at least once: never lost
    assert api.calls_to("editMessageText") == []
    assert settled == ["reposted"]


async def test_no_looking_where_the_bot_may_edit_other_peoples_posts(
        db: Database, api: FakeTelegram, runtime: TelegramRuntime, tmp_path: Path,
        caplog: pytest.LogCaptureFixture) -> None:
    api.member(DESK, can_edit_messages=True)
    channels, clock = desk(runtime, tmp_path), Clock()
    d = Dispatcher(db, channels, clock=clock)
    queue(db, make_alert("ev-1"), channels)
    await run_until_sent(d, clock, 1)
    theirs = api.post_as_someone(DESK, "an editor's own post")
    api.drop_answer("sendMessage")
    queue(db, make_alert("ev-2", title="A second call"), channels)
    with caplog.at_level(logging.WARNING, "defwatch.telegram"):
        await run_until_sent(d, clock, 1)
    assert "may edit other people's messages" in caplog.text
    assert api.calls_to("editMessageText") == []
    assert api.message(DESK, theirs) == "an editor's own post"
    assert statuses(api, "sendMessage") == [200, DROP, 200]


async def test_a_chat_reached_by_two_names_never_gets_a_post_twice(
        db: Database, api: FakeTelegram, runtime: TelegramRuntime, tmp_path: Path) -> None:
    # A group configured as a channel and also subscribed: a delivery under one name may
    # find the other's post in flight, left by a sender that got no answer, and settles
    # it before posting.
    group = -100777
    with db.engine.begin() as conn:
        subs.subscribe(conn, group, ["acsa"], chat_type="supergroup", now=T0)
    channels, clock = desk(runtime, tmp_path, f"telegram:{group}"), Clock()
    d_first = Dispatcher(db, channels, clock=clock)
    d_all = Dispatcher(db, channels, clock=clock, families=[SubscriberChats(db, runtime.sender)])
    queue(db, make_alert("ev-0"), channels, subscribers=False)
    await run_until_sent(d_first, clock, 1)
    api.drop_answer("sendMessage")
    queue(db, make_alert("ev-1", title="A call"), channels, subscribers=False)
    assert (await d_first.run_once()).retried == 1
    _, names = queue(db, make_alert("ev-2", title="Another call"), channels)
    assert names == [f"telegram:{group}", f"telegram:chat:{group}"]
    clock.advance(60)
    await run_until_sent(d_all, clock, 3)  # ev-1's retry and ev-2 under both names
    texts = api.texts(group)
    assert len(texts) == 4 and sum("A call" in t for t in texts) == 1


async def test_a_live_post_in_flight_holds_the_chat(
        db: Database, api: FakeTelegram, runtime: TelegramRuntime, tmp_path: Path) -> None:
    channels, clock = desk(runtime, tmp_path), Clock()
    d = Dispatcher(db, channels, clock=clock)
    queue(db, make_alert("ev-1"), channels)
    # Held on the real clock, as the runtime's journal holds it: the lease runs.
    assert await PostJournal(db).take(PartKey(999, "elsewhere", 0), DESK, "x", None) is None
    report = await d.run_once()
    assert report.retried == 1 and api.calls_to("sendMessage") == []
    with db.engine.connect() as conn:
        assert "in flight" in str(outbox_rows.last_errors(conn))


async def test_a_long_alert_cut_short_between_its_parts_is_finished_not_restarted(
        db: Database, api: FakeTelegram, runtime: TelegramRuntime) -> None:
    sender = TelegramSender(runtime.application.bot, per_chat_interval_s=0.0, limit=400,
                            journal=PostJournal(db))
    channel = TelegramChannel(f"telegram:{DESK}", DESK, sender)
    clock = Clock()
    d = Dispatcher(db, {channel.name: channel}, clock=clock)
    long = " ".join(f"Sentence {n} of a long account of the talks." for n in range(40))
    queue(db, make_alert("ev-1", summary=long), {channel.name: channel})
    await run_until_sent(d, clock, 1)
    parts = len(api.texts(DESK))
    assert parts >= 3, "the alert must need several messages at this limit"
    api.drop_answer("sendMessage", after=1)  # the second part is posted, unanswered
    queue(db, make_alert("ev-2", title="A second call", summary=long),
          {channel.name: channel})
    await run_until_sent(d, clock, 1)
    assert len(api.texts(DESK)) == 2 * parts
    assert statuses(api, "sendMessage").count(200) == 2 * parts - 1
    assert refs(db)[1] == ",".join(str(i) for i in range(parts + 1, 2 * parts + 1))
