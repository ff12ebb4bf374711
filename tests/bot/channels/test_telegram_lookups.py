"""/latest, /search and /digest through real python-telegram-bot and the fake Bot API,
and the digest job under an injected clock."""

from __future__ import annotations

import asyncio
from datetime import date, datetime, timedelta

import pytest

from bot.channels.telegram.commands import Commands
from bot.channels.telegram.lookups import DigestJob, Lookups
from bot.channels.telegram.runtime import TelegramRuntime
from bot.channels.telegram.texts import bot_commands
from bot.store import Database
from bot.store import digests as digest_rows
from tests.bot.channels.test_telegram_commands import TOPICS, said
from tests.bot.web.archive import file_alert
from tests.fakes.telegram_api import FakeTelegram, visible_text

PUBLIC = "https://archive.example/dw"
MONDAY = datetime(2024, 6, 3, 7, 0)  # a Monday, at the digest hour


def fill(db: Database) -> None:
    for i in range(7):
        day = date(2024, 5, 27) + timedelta(days=i)
        file_alert(db, f"ev-{i}", title=f"Japan and India naval talks, round {i}",
                   rules=["india-japan"], countries=["India", "Japan"], day=day,
                   at=datetime.combine(day, datetime.min.time()) + timedelta(hours=12))
    file_alert(db, "ev-jimex", title="JIMEX <2024> begins off Visakhapatnam",
               rules=["india-japan", "jimex"], countries=["India", "Japan"],
               day=date(2024, 6, 2), at=datetime(2024, 6, 2, 20),
               summary="The JIMEX exercise between the two navies began.")


@pytest.fixture
async def bot_up(db: Database, api: FakeTelegram, runtime: TelegramRuntime) -> None:
    commands = Commands(db, lambda: TOPICS)
    lookups = Lookups(db, commands, public_url=PUBLIC, digest_hour=7)
    # As the service registers them: the help for unknown commands comes last, so it
    # never takes a look-up command for an unknown one.
    runtime.start_commands([*commands.handlers(), *lookups.handlers(), *commands.fallbacks()],
                           bot_commands())
    await asyncio.wait_for(runtime.polling.wait(), 10)


async def test_latest_lists_the_last_five_events(db: Database, api: FakeTelegram,
                                                 bot_up: None) -> None:
    fill(db)
    api.command(601, "/latest")
    text = await said(api, 601, "/latest")
    lines = text.splitlines()
    assert lines[0] == "Latest events" and len(lines) == 6
    assert "JIMEX <2024> begins" in lines[1]  # escaped in the HTML, shown as text
    assert "round 6" in lines[2] and "round 3" in lines[5]
    assert f'href="{PUBLIC}/events/ev-jimex"' in api.texts(601)[0]
    api.command(601, "/latest jimex")
    only = (await said(api, 601, "/latest jimex", 2)).splitlines()
    assert only[0] == "Latest events · jimex" and len(only) == 2
    api.command(601, "/latest malabar")
    assert "No events archived · malabar yet." in await said(api, 601, "/latest m", 3)


async def test_search_answers_the_best_five(db: Database, api: FakeTelegram,
                                            bot_up: None) -> None:
    fill(db)
    api.command(602, "/search jimex navies")
    text = await said(api, 602, "/search")
    assert text.splitlines()[0] == "Best matches for jimex navies"
    assert len(text.splitlines()) == 2 and "JIMEX" in text
    api.command(602, "/search naval talks")
    assert len((await said(api, 602, "/search naval", 2)).splitlines()) == 6
    api.command(602, "/search submarine")
    assert "Nothing in the archive matches submarine." in await said(api, 602, "/s", 3)
    api.command(602, "/search " + "x" * 300)
    assert "at most 200 characters" in await said(api, 602, "/search long", 4)


async def test_digest_is_set_per_chat(db: Database, api: FakeTelegram, bot_up: None) -> None:
    api.command(603, "/digest weekly")
    assert "weekly digest" in await said(api, 603, "/digest weekly")
    api.command(604, "/digest daily")
    assert "07:00 UTC" in await said(api, 604, "/digest daily")
    with db.engine.begin() as conn:
        assert digest_rows.period_of(conn, 603) == "weekly"
        assert digest_rows.period_of(conn, 604) == "daily"
    api.command(604, "/digest off")
    await said(api, 604, "/digest off", 2)
    api.command(604, "/digest")
    assert "no digest" in await said(api, 604, "/digest", 3)
    with db.engine.begin() as conn:
        assert digest_rows.period_of(conn, 604) is None


async def test_the_digest_goes_once_per_slot(db: Database, api: FakeTelegram,
                                             runtime: TelegramRuntime) -> None:
    fill(db)
    with db.engine.begin() as conn:
        digest_rows.set_period(conn, 701, "daily", datetime(2024, 5, 1))
        digest_rows.set_period(conn, 702, "weekly", datetime(2024, 5, 1))
        digest_rows.set_period(conn, 703, "daily", MONDAY + timedelta(hours=1))  # too late
    now = [MONDAY - timedelta(hours=1)]
    job = DigestJob(db, runtime.application.bot, hour=7, public_url=PUBLIC,
                    clock=lambda: now[0])
    await runtime.application.bot.initialize()
    assert await job.run() == 1  # Sunday 07:00, daily only: ev-5 (first seen Sat 12:00)
    sunday = visible_text(api.texts(701)[0]).splitlines()
    assert sunday[0].startswith("Daily digest") and len(sunday) == 2
    now[0] = MONDAY + timedelta(hours=2)
    assert await job.run() == 2  # Monday's slot: the daily and the weekly
    assert await job.run() == 0  # the same slot again: nothing twice
    daily = visible_text(api.texts(701)[1]).splitlines()
    assert "JIMEX" in daily[1] and "round 6" in daily[2] and len(daily) == 3  # newest first
    weekly = visible_text(api.texts(702)[0]).splitlines()
    assert weekly[0].startswith("Weekly digest") and len(weekly) == 1 + 8  # all eight
    assert f'href="{PUBLIC}/events/ev-jimex"' in api.texts(702)[0]
    assert api.texts(703) == []
    now[0] = MONDAY + timedelta(days=1)
    assert await job.run() == 0  # Tuesday 07:00: nothing first seen since Monday 07:00
