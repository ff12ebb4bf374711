"""Channel specs, who gets a delivery row, and how the dispatcher finds and paces them."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.channels import build_channels
from bot.channels.apprise import apprise_name
from bot.channels.telegram.channel import parse_spec
from bot.errors import ConfigError, DeliveryError
from bot.models import Alert
from bot.pipeline.dispatch import Dispatcher
from bot.store import Database
from bot.store import outbox as outbox_rows
from bot.store import subscriptions as subs
from tests.bot.channels.conftest import T0, Clock, make_alert, queue


class Recorder:
    def __init__(self, name: str, failures: list[DeliveryError] | None = None) -> None:
        self.name = name
        self.failures = list(failures or [])
        self.sent: list[str] = []

    async def send(self, alert: Alert, *, alert_id: int, previous_ref: str | None) -> str | None:
        if self.failures:
            raise self.failures.pop(0)
        self.sent.append(alert.event_id)
        return None

    async def close(self) -> None:
        return None


class Broken(Recorder):
    async def send(self, alert: Alert, *, alert_id: int, previous_ref: str | None) -> str | None:
        raise RuntimeError("library surprise")


@pytest.mark.parametrize(("arg", "chat", "topics"), [
    ("@jp_watch", "@jp_watch", None),
    ("-1001234567890", -1001234567890, None),
    ("@jp_watch?topics=india-japan,acsa", "@jp_watch", frozenset({"india-japan", "acsa"})),
    ("42?topics=malabar", 42, frozenset({"malabar"})),
])
def test_telegram_specs(arg: str, chat: int | str, topics: frozenset[str] | None) -> None:
    assert parse_spec(arg) == (chat, topics)


@pytest.mark.parametrize(("spec", "message"), [
    ("telegram:chat:42", "names subscribed chats"),
    ("telegram:jp_watch", "expected telegram:@channel_name"),
    ("telegram:@jp_watch?topic=acsa", "unknown option(s) topic"),
    ("telegram:@jp_watch?topics=", "lists no topic"),
    ("telegram:@jp_watch", "needs a bot token"),
    ("console:html", "console:telegram"),
    ("carrier-pigeon:coo", "unknown channel"),
    ("nosuchscheme://host/x", "Apprise does not accept"),
])
def test_bad_specs_are_config_errors(spec: str, message: str) -> None:
    with pytest.raises(ConfigError, match="channels") as info:
        build_channels([spec], Path.cwd())
    assert message in str(info.value)


def test_channel_names_hide_apprise_secrets_and_clash_is_an_error() -> None:
    url = "json://user:s3cret-pass@127.0.0.1:9/hook"
    channels = build_channels(["console", "console:telegram", url], Path.cwd())
    assert list(channels) == ["console", "console:telegram", apprise_name(url)]
    assert "s3cret" not in apprise_name(url) and apprise_name(url).startswith("apprise:json#")
    with pytest.raises(ConfigError, match="configured twice"):
        build_channels([url, url], Path.cwd())


def test_rows_go_to_accepting_channels_and_subscribed_chats(db: Database) -> None:
    with db.engine.begin() as conn:
        subs.subscribe(conn, 10, ["acsa"], chat_type="private", now=T0)
        subs.subscribe(conn, 20, ["malabar", "acsa"], chat_type="group", now=T0)
        subs.subscribe(conn, 30, ["malabar"], chat_type="private", now=T0)
    channels = build_channels(["console"], Path.cwd())
    _, names = queue(db, make_alert(rules=("acsa", "india-japan")), channels)
    assert names == ["console", "telegram:chat:10", "telegram:chat:20"]
    _, names = queue(db, make_alert("ev-2", rules=("acsa",)), channels, subscribers=False)
    assert names == ["console"]


async def test_retry_after_holds_the_whole_channel_and_spends_no_attempts(
        db: Database) -> None:
    clock = Clock()
    throttles = [DeliveryError("tg", "429", retry_after=60) for _ in range(12)]
    tg = Recorder("tg", throttles)
    other = Recorder("other")
    for i in range(3):
        queue(db, make_alert(f"ev-{i}"), {"tg": tg, "other": other}, subscribers=False)
    d = Dispatcher(db, {"tg": tg, "other": other}, clock=clock)
    for _ in range(12):  # more throttles in a row than MAX_ATTEMPTS
        report = await d.run_once()
        assert report.failed == 0
        clock.advance(59)
        assert (await d.run_once()).sent == 0  # all three held, not just the first
        clock.advance(1)
    assert other.sent == ["ev-0", "ev-1", "ev-2"]
    assert (await d.run_once()).sent == 3
    assert tg.sent == ["ev-0", "ev-1", "ev-2"]


async def test_a_channel_that_raises_does_not_stop_the_others(db: Database) -> None:
    broken, fine = Broken("broken"), Recorder("fine")
    queue(db, make_alert(), {"broken": broken, "fine": fine}, subscribers=False)
    report = await Dispatcher(db, {"broken": broken, "fine": fine}).run_once()
    assert (report.sent, report.retried) == (1, 1)
    with db.engine.begin() as conn:
        assert "RuntimeError: library surprise" in outbox_rows.last_errors(conn)["broken"]


async def test_a_delivery_nobody_can_resolve_fails_visibly(db: Database) -> None:
    queue(db, make_alert(), {"telegram:chat:abc": Recorder("x")}, subscribers=False)

    class Family:
        prefix = "telegram:chat:"

        def resolve(self, name: str) -> None:
            return None

    assert (await Dispatcher(db, {}, families=[Family()]).run_once()).failed == 1
    with db.engine.begin() as conn:
        assert outbox_rows.backlog(conn) == {"telegram:chat:abc": {"failed": 1}}
