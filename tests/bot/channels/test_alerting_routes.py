"""The Alerter writes one delivery row per recipient in the alert's own transaction:
configured channels whose topics match, and every chat subscribed to one of its rules."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from bot.channels import build_channels
from bot.channels.routing import Router
from bot.pipeline.alert import Alerter
from bot.store import Database
from bot.store import articles as article_rows
from bot.store import events as event_rows
from bot.store import subscriptions as subs
from bot.store.tables import deliveries
from tests.bot.channels.conftest import T0
from watchers.models import Article


def add_event(db: Database, event_id: str, rules: tuple[str, ...]) -> None:
    text = ("Defence Minister Rajnath Singh spoke with his Japanese counterpart on "
            "Tuesday about logistics cooperation.")
    article = Article(url=f"https://news.example.org/{event_id}", title="Ministers talk",
                      text=text, source_id="wire", outlet="Wire",
                      published=datetime(2020, 12, 22, tzinfo=UTC), paragraphs=(text,))
    with db.engine.begin() as conn:
        article_id = article_rows.save_article(
            conn, f"key-{event_id}", article, now=T0, rules=rules,
            matched={r: ["India", "Japan"] for r in rules}, entities={}, signature=None)
        event_rows.create_event(conn, event_id, None, T0)
        event_rows.attach(conn, article_id, event_id, T0, day=None)


def test_each_alert_gets_a_row_per_matching_channel_and_subscribed_chat(
        db: Database) -> None:
    with db.engine.begin() as conn:
        subs.subscribe(conn, 41, ["acsa"], chat_type="private", now=T0)
        subs.subscribe(conn, 42, ["malabar"], chat_type="group", now=T0)
    channels = build_channels(["console", "console:telegram"], Path.cwd())
    alerter = Alerter(db, Router(channels, subscribers=True), update_every_s=0,
                      clock=lambda: T0)
    add_event(db, "ev-acsa", ("acsa", "india-japan"))
    add_event(db, "ev-malabar", ("malabar",))
    assert len(alerter.emit()) == 2
    with db.engine.begin() as conn:
        rows = conn.execute(select(deliveries.c.event_id, deliveries.c.channel)
                            .order_by(deliveries.c.id)).all()
    assert [tuple(r) for r in rows] == [
        ("ev-acsa", "console"), ("ev-acsa", "console:telegram"), ("ev-acsa", "telegram:chat:41"),
        ("ev-malabar", "console"), ("ev-malabar", "console:telegram"),
        ("ev-malabar", "telegram:chat:42")]


def test_a_plain_list_of_channels_still_works(db: Database) -> None:
    alerter = Alerter(db, ["jsonl:a.jsonl"], update_every_s=0, clock=lambda: T0)
    add_event(db, "ev-1", ("acsa",))
    assert len(alerter.emit()) == 1
    with db.engine.begin() as conn:
        assert conn.execute(select(deliveries.c.channel)).scalars().all() == ["jsonl:a.jsonl"]
