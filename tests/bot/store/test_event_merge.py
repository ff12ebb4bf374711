"""Events found later to report one happening become one, without undoing a sent alert."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from bot.store import Database
from bot.store import articles as article_rows
from bot.store import events as event_rows
from bot.store.tables import articles, events
from tests.bot.store.helpers import T0
from watchers.models import Article


def open_event(db: Database, name: str, day: date, created: datetime, *,
               alerted: bool = False) -> str:
    """An event of one report; alerted: its alert went out."""
    text = f"Report {name}: the two defence ministers spoke about logistics."
    article = Article(url=f"http://127.0.0.1:9/news/{name}.html", title=f"Report {name}",
                      text=text, source_id="wire", outlet="Wire",
                      published=datetime(day.year, day.month, day.day, tzinfo=UTC),
                      paragraphs=(text,))
    with db.engine.begin() as conn:
        article_id = article_rows.save_article(
            conn, f"key-{name}", article, now=created, rules=("india-japan",),
            matched={"india-japan": ["India", "Japan"]}, entities={}, signature=None)
        event_rows.create_event(conn, f"ev-{name}", day, created)
        event_rows.attach(conn, article_id, f"ev-{name}", created, day)
        if alerted:
            event_rows.mark_alerted(conn, f"ev-{name}", created)
    return f"ev-{name}"


def state(db: Database) -> tuple[dict[str, str], dict[str, tuple[date, bool]]]:
    """(article url's last part -> event, event -> (day, dirty))."""
    with db.engine.begin() as conn:
        placed = {r.url.rsplit("/", 1)[-1]: r.event_id
                  for r in conn.execute(select(articles.c.url, articles.c.event_id))}
        rows = {r.id: (r.day, r.dirty)
                for r in conn.execute(select(events.c.id, events.c.day, events.c.dirty))}
    return placed, rows


def test_the_first_created_event_keeps_the_others_reports(db: Database) -> None:
    b = open_event(db, "b", date(2020, 12, 22), T0 + timedelta(minutes=5))
    a = open_event(db, "a", date(2020, 12, 23), T0)
    c = open_event(db, "c", date(2020, 12, 21), T0 + timedelta(minutes=9))
    with db.engine.begin() as conn:
        assert event_rows.merge(conn, [b, c, a], T0 + timedelta(hours=1)) == (a, (b, c))
    placed, rows = state(db)
    assert placed == {"a.html": a, "b.html": a, "c.html": a}
    assert rows == {a: (date(2020, 12, 21), True)}  # the earliest day of all its reports


def test_an_alerted_event_is_kept_and_another_alerted_one_left_alone(db: Database) -> None:
    fresh = open_event(db, "fresh", date(2020, 12, 22), T0)
    sent = open_event(db, "sent", date(2020, 12, 22), T0 + timedelta(minutes=5),
                      alerted=True)
    also = open_event(db, "also", date(2020, 12, 22), T0 + timedelta(minutes=7),
                      alerted=True)
    with db.engine.begin() as conn:
        # the alerted one stays, even though the fresh one was opened first; the second
        # alerted one keeps its reports: its message went out
        assert event_rows.merge(conn, [fresh, also, sent], T0 + timedelta(hours=1)) == (
            sent, (fresh,))
    placed, rows = state(db)
    assert placed == {"fresh.html": sent, "sent.html": sent, "also.html": also}
    assert rows == {sent: (date(2020, 12, 22), True), also: (date(2020, 12, 22), False)}
    # nothing to merge: the same answer, nothing changed
    with db.engine.begin() as conn:
        assert event_rows.merge(conn, [also, sent], T0 + timedelta(hours=2)) == (sent, ())
    assert state(db) == (placed, rows)
