"""The post journal on both engines: one post in flight per chat, baselines, and the
bookkeeping a settled post leaves."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.exc import IntegrityError

from bot.channels.telegram.journal import PostJournal
from bot.store import Database
from bot.store import telegram_posts as rows
from bot.store.telegram_posts import PartKey
from tests.bot.store.helpers import T0

LEASE = T0 + timedelta(minutes=2)


def test_a_chat_has_one_post_in_flight(db: Database) -> None:
    first, second = PartKey(1, "telegram:@c", 0), PartKey(2, "telegram:@c", 0)
    with db.engine.begin() as conn:
        rows.begin(conn, first, "@c", "<b>one</b>", None, now=T0, lease_until=LEASE)
        rows.begin(conn, PartKey(3, "telegram:@d", 0), "@d", "x", None, now=T0,
                   lease_until=LEASE)  # another chat is free
    with pytest.raises(IntegrityError), db.engine.begin() as conn:
        rows.begin(conn, second, "@c", "<b>two</b>", None, now=T0, lease_until=LEASE)
    with db.engine.begin() as conn:
        rows.sent(conn, first, 41)
        rows.begin(conn, second, "@c", "<b>two</b>", None, now=T0, lease_until=LEASE)
        post = rows.sending_in(conn, "@c")
    assert post is not None and post.key == second
    assert post.baseline == 41 and post.text == "<b>two</b>"


async def test_baselines_and_known_ids_come_from_every_kind_of_message(db: Database) -> None:
    journal = PostJournal(db, clock=lambda: T0)
    await journal.note("77", 10, "seen")  # the user's /subscribe
    await journal.note("77", 11, "reply")  # the bot's answer
    key = PartKey(5, "telegram:chat:77", 0)
    assert await journal.take(key, "77", "alert", "https://example.org/a") is None
    post = await journal.find(key)
    assert post is not None and post.baseline == 11 and post.message_id is None
    assert journal.live(post)
    await journal.unsure(key)  # no answer came: anyone may settle it now
    post = await journal.find(key)
    assert post is not None and not journal.live(post)
    assert await journal.take(PartKey(6, "telegram:chat:77", 0), "77", "other", None) == post
    await journal.sent(key, 13)
    assert await journal.known_ids("77", above=10) == {11, 13}
    await journal.forget(key)  # only a post in flight is ever forgotten
    assert await journal.find(key) is not None
