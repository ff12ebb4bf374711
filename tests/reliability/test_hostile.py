"""A page written to break things — markup, Markdown, Telegram tags, bidi overrides,
zero-width characters, terminal escapes and a 10,000-character title — goes through the
whole pipeline and reaches every channel: console, jsonl, Telegram (through the fake,
which refuses bad HTML as Telegram does) and an Apprise JSON webhook."""

from __future__ import annotations

import json
import re
from html import escape
from pathlib import Path

import pytest

from bot.channels.clean import MAX_TEXT
from bot.channels.telegram.render import MAX_TITLE, TELEGRAM_LIMIT, telegram_message, utf16_len
from bot.config.options import (
    BUNDLED_RULES,
    Config,
    EventsConfig,
    FetchConfig,
    SourceConfig,
    TelegramConfig,
)
from bot.service.app import App
from bot.store import open_database
from bot.store import outbox as outbox_rows
from tests.bot.channels.conftest import make_alert
from tests.fakes.telegram_api import FakeTelegram, visible_text
from tests.loopback import LoopbackServer
from tests.reliability.newsgen import feed_xml, page_html, stories

HOSTILE = ("<script>alert(1)</script> <b>bold</b> &amp; </a> <tg-spoiler>x</tg-spoiler> "
           "**stars** _under_ [click](http://evil.example) `tick` # hash "
           "\u202eevil\u202c \u200f\u200b\u200d\ufeff \x1b[2J\x1b]0;pwned\x07 😀🇮🇳")
LONG = "x" * 10_000
# Bidi controls, zero-width spaces and the BOM: invisible, yet they reorder or split text.
INVISIBLE = re.compile(r"[\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069"
                       r"\ufeff\x00-\x08\x0b-\x1f\x7f-\x9f]")
TERMINAL_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e"
                              r"\u2066-\u2069\u2028\u2029]")


def hostile_site(server: LoopbackServer) -> str:
    story = stories(1)[0]
    title = f"{story.title} {HOSTILE} {LONG}"
    page = page_html(story, "Hostile Times").replace(escape(story.title), escape(title))
    page = page.replace("</article>", f"<p>{escape(HOSTILE)} The two navies will hold more "
                                      "joint exercises at sea next year.</p></article>")
    url = server.add("/hostile.html", page)
    server.add("/hook", "ok", content_type="text/plain")
    return server.add("/feed.xml", feed_xml("Hostile Times", server.url("/"), [(story, url)]),
                      content_type="application/rss+xml")


async def test_hostile_text_reaches_every_channel_escaped(
        loopback: LoopbackServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with FakeTelegram() as api:
        hook = f"json://127.0.0.1:{loopback.port}/hook"
        channels = ["console", "jsonl:alerts.jsonl", "telegram:@hostile_watch", hook]
        config = Config(database=f"sqlite:///{tmp_path}/dw.db", rules=BUNDLED_RULES,
                        events=EventsConfig(max_age=None),  # the fixtures are old news
                        sources=[SourceConfig(id="hostile", kind="rss",
                                              url=hostile_site(loopback))],
                        channels=channels, path=tmp_path / "defwatch.yaml",
                        fetch=FetchConfig(per_host_delay=0, allow_private=True),
                        telegram=TelegramConfig(token=api.token, base_url=api.base_url))
        async with App(config) as app:
            report = await app.cycle(everything=True)
        assert len(report.alerts) == 1
        parts = api.texts("@hostile_watch")

    db = open_database(config.database)
    with db.engine.begin() as conn:
        backlog = outbox_rows.backlog(conn)
    db.close()
    sent = {name: states.get("sent") for name, states in backlog.items()}
    assert sent == dict.fromkeys(backlog, 1), backlog
    assert len(backlog) == 4

    [line] = (tmp_path / "alerts.jsonl").read_text(encoding="utf-8").splitlines()
    alert = json.loads(line)
    page_title = alert["sources"][0]["title"]
    assert "<script>alert(1)</script>" in page_title  # data, not markup: kept as written
    assert "x" * 100 in page_title and len(page_title) <= MAX_TEXT  # but bounded
    assert len(alert["title"]) <= MAX_TEXT
    assert not INVISIBLE.search(line), repr(INVISIBLE.search(line))

    assert parts and all(utf16_len(p) <= TELEGRAM_LIMIT for p in parts)
    html = "\n".join(parts)
    assert "<script" not in html and "&lt;script&gt;" in html
    assert "\x1b" not in html
    assert not INVISIBLE.search(html), repr(INVISIBLE.search(html))
    shown = visible_text(html)
    assert "x" * MAX_TITLE not in shown  # the 10k title is cut short

    [request] = [r for r in loopback.requests if r.path == "/hook"]
    message = json.loads(request.body)["message"]
    assert r"\*\*stars\*\*" in message and r"\[click\]" in message  # Markdown made inert
    assert not INVISIBLE.search(message), repr(INVISIBLE.search(message))
    assert "x" * 100 in message and "x" * (MAX_TEXT + 1) not in message

    console = capsys.readouterr().out
    assert "[NEW]" in console and "1. hostile: " in console
    # nothing the terminal would act on: no escape, control or bidi character
    assert not TERMINAL_CONTROL.search(console), repr(TERMINAL_CONTROL.search(console))
    assert "evil" in console and "😀🇮🇳" in console


def test_a_lone_surrogate_in_a_title_does_not_stop_the_telegram_message() -> None:
    alert = make_alert(title="Ministers meet \ud800 in Delhi")
    message = telegram_message(alert)
    assert "\ufffd" in message.parts[0] and "\ud800" not in "".join(message.parts)
    "".join(message.parts).encode("utf-16-le")  # what the Bot API call does with it
