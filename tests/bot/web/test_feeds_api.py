"""Atom feeds (read by feedparser, checked against RFC 4287 offline) and the JSON API."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import feedparser
import httpx

from bot.models import Alert
from bot.store import open_database
from tests.bot.web.archive import file_alert, serving
from tests.bot.web.atomcheck import atom_problems


def test_the_feeds_are_valid_atom_with_one_entry_per_event(site: str) -> None:
    everything = httpx.get(site + "/feeds/all.atom")
    assert everything.headers["content-type"].startswith("application/atom+xml")
    assert atom_problems(everything.content) == []
    parsed = feedparser.parse(everything.content)
    assert parsed.bozo == 0 and parsed.version == "atom10"
    api = httpx.get(site + "/api/events", params={"limit": 200}).json()["events"]
    assert len(parsed.entries) == len(api)
    assert {e.link for e in parsed.entries} == {f"{site}/events/{e['event_id']}" for e in api}

    topic = feedparser.parse(httpx.get(site + "/feeds/japan-australia.atom").content)
    assert [e.title for e in topic.entries] == [
        e["title"] for e in api if "japan-australia" in e["rules"]]
    assert topic.entries[0].tags[0].term in ("bilateral-defence", "japan-australia")
    none = httpx.get(site + "/feeds/no-such-topic.atom")
    assert atom_problems(none.content) == [] and feedparser.parse(none.content).entries == []


def test_the_atom_check_finds_broken_feeds() -> None:
    ns = 'xmlns="http://www.w3.org/2005/Atom"'
    good = (f'<feed {ns}><id>urn:x</id><title>t</title><updated>2024-01-01T00:00:00Z</updated>'
            '<author><name>n</name></author><link rel="self" href="http://h/f"/></feed>')
    assert atom_problems(good.encode()) == []
    assert atom_problems(good.replace("<id>urn:x</id>", "").encode())  # id is required
    assert atom_problems(good.replace("2024-01-01T00:00:00Z", "yesterday").encode())
    assert atom_problems(good.replace("00:00:00Z", "00:00:00").encode())  # no time zone
    no_author = good.replace("<author><name>n</name></author>", "").replace(
        "</feed>", "<entry><id>urn:e</id><title>e</title><updated>2024-01-01T00:00:00Z"
                   "</updated><link href='http://h/e'/></entry></feed>")
    assert atom_problems(no_author.encode()) == [
        "1: an entry without author in a feed without author"]


def test_an_entry_is_updated_when_sources_join(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path}/feed.db")
    one = {"url": "https://a.example/1", "outlet": "A", "title": "One", "published": None,
           "rules": ["t"]}
    two = {**one, "url": "https://b.example/2", "outlet": "B", "title": "Two"}
    try:
        file_alert(db, "ev-a", title="Talks", rules=["t"], countries=["X", "Y"],
                   day=date(2024, 5, 1), at=datetime(2024, 5, 1, 9), sources=[one])
        file_alert(db, "ev-b", title="Drill", rules=["t"], countries=["X", "Z"],
                   day=date(2024, 5, 2), at=datetime(2024, 5, 2, 9), sources=[one])
        with serving(db, public_url="https://archive.example/dw/") as site:
            before = feedparser.parse(httpx.get(site + "/feeds/t.atom").content)
            assert [e.title for e in before.entries] == ["Drill", "Talks"]
            file_alert(db, "ev-a", title="Talks", rules=["t"], countries=["X", "Y"],
                       day=date(2024, 5, 1), at=datetime(2024, 5, 3, 12), action="update",
                       sources=[one, two])
            after = httpx.get(site + "/feeds/t.atom")
            assert atom_problems(after.content) == []
            parsed = feedparser.parse(after.content)
        talks = parsed.entries[0]
        assert talks.title == "Talks" and talks.updated == "2024-05-03T12:00:00+00:00"
        assert talks.published == "2024-05-01T09:00:00+00:00"
        assert "2 source(s): A, B" in talks.summary
        assert talks.link == "https://archive.example/dw/events/ev-a"
        assert parsed.feed.updated == "2024-05-03T12:00:00+00:00"
    finally:
        db.close()


def test_the_json_api_round_trips_an_event(site: str) -> None:
    listed = httpx.get(site + "/api/events", params={"topic": "india-japan", "limit": 1})
    assert listed.headers["content-type"].startswith("application/json")
    [event] = listed.json()["events"]
    assert {"first_seen", "updated", "event_id", "facts", "sources", "matched"} <= set(event)
    one = httpx.get(f"{site}/api/events/{event['event_id']}").json()
    assert {k: v for k, v in one.items() if k != "alerts"} == event
    assert [a["action"] for a in one["alerts"]] == ["new"]
    alert = Alert.from_json(event)  # the JSONL alert shape, read back by our own reader
    assert alert.to_json() == {k: v for k, v in event.items()
                               if k not in ("first_seen", "updated", "alert_id")}
    assert httpx.get(site + "/api/events/ev-none").status_code == 404
    bad = httpx.get(site + "/api/events", params={"limit": "1000"})
    assert bad.status_code == 400 and bad.json()["error"].startswith("limit:")
    since = httpx.get(site + "/api/events", params={"since": "2026-11-21"}).json()
    assert since["events"] and all(e["facts"]["date"] >= "2026-11-21"
                                   for e in since["events"])
