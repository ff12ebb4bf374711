"""The archive over HTTP: pages, filters, paging, bad input and the token."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from bot.store import Database, open_database
from tests.bot.web.archive import file_alert, serving
from tests.bot.web.conftest import HOSTILE, HOSTILE_ID


def titles(html: str) -> list[str]:
    return re.findall(r'<a class="title" href="/events/[^"]+">([^<]*)</a>', html)


def test_the_timeline_is_newest_first_with_each_events_marks(site: str) -> None:
    page = httpx.get(site + "/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    days = re.findall(r'<time datetime="(\d{4}-\d{2}-\d{2})">', page.text)
    assert len(days) >= 3 and days == sorted(days, reverse=True)
    assert "Japan – Australia" in page.text  # the country pair
    assert "✔ confirmed" in page.text and "3 sources" in page.text
    assert 'href="/?topic=japan-australia"' in page.text
    assert "default-src 'none'" in page.headers["content-security-policy"]


@pytest.mark.parametrize(("query", "kept", "dropped"), [
    ("topic=japan-australia", "Tindal", "Raksha Mantri"),
    ("country=australia", "Tindal", HOSTILE[:10]),
    ("country=Ruritania", "&lt;script&gt;", "Tindal"),
    ("since=2026-11-21", "Tindal", "Raksha Mantri"),
    ("until=2026-11-20&since=2026-11-20", "Raksha Mantri", "Tindal"),
    ("q=telephonic", "Raksha Mantri", "Tindal"),
    ("q=TINDAL+marles", "Tindal", "Raksha Mantri"),
    ("topic=bilateral-defence&q=exercise+tindal", "Tindal", "Raksha Mantri"),
])
def test_filters_narrow_the_timeline(site: str, query: str, kept: str, dropped: str) -> None:
    page = httpx.get(f"{site}/?{query}")
    assert page.status_code == 200
    shown = " ".join(titles(page.text))
    assert kept in shown and dropped not in shown


def test_topics_lists_counts_and_feeds(site: str) -> None:
    page = httpx.get(site + "/topics")
    assert re.search(r'>bilateral-defence</a></td><td>\d+</td>', page.text)
    assert 'href="/feeds/japan-australia.atom"' in page.text


@pytest.mark.parametrize(("path", "status", "says"), [
    ("/events/ev-nosuchevent", 404, "No event"),
    ("/events/%3Cscript%3E", 404, "&lt;script&gt;"),
    ("/nowhere", 404, "no page"),
    ("/?since=2020-13-01", 400, "since: expected a date"),
    ("/?until=yesterday", 400, "until: expected a date"),
    ("/?since=2021-01-02&until=2021-01-01", 400, "range is empty"),
    ("/?page=0", 400, "page: expected a whole number"),
    ("/?page=abc", 400, "page: expected a whole number"),
    ("/?topic=%3Cb%3E", 400, "topic:"),
    ("/?topic=a&topic=b", 400, "given 2 times"),
    ("/?country=12345", 400, "country:"),
    ("/?q=%FF", 400, "bad request"),
])
def test_bad_input_gets_a_page_that_says_why(site: str, path: str, status: int,
                                             says: str) -> None:
    page = httpx.get(site + path)
    assert page.status_code == status
    assert says in page.text
    assert "<script>" not in page.text


def test_a_10000_character_search_is_refused(site: str) -> None:
    page = httpx.get(site + "/", params={"q": "x" * 10_000})
    assert page.status_code == 400
    assert "q: a search is at most 200 characters (this one has 10000)" in page.text
    api = httpx.get(site + "/api/events", params={"q": "word " * 2_000})
    assert api.status_code == 400 and "q:" in api.json()["error"]


def test_a_hostile_title_is_escaped_everywhere(site: str) -> None:
    for path in ("/", f"/events/{HOSTILE_ID}", "/?country=narnia"):
        body = httpx.get(site + path).text
        assert "<script>document" not in body and "<img src=x" not in body
        assert "&lt;script&gt;document.title=&#34;owned&#34;&lt;/script&gt;" in body
    event = httpx.get(f"{site}/events/{HOSTILE_ID}").text
    assert "javascript:" not in event and "&lt;b&gt;Bold&lt;/b&gt;" in event


def test_pages_of_fifty(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path}/paged.db")
    start = date(2024, 1, 1)
    for i in range(120):
        day = start + timedelta(days=i)
        file_alert(db, f"ev-{i:03d}", title=f"Event number {i:03d}", rules=["t"],
                   countries=["A", "B"], day=day, at=datetime(2024, 6, 1))
    try:
        with serving(db) as site:
            first = httpx.get(site + "/").text
            assert len(titles(first)) == 50 and titles(first)[0] == "Event number 119"
            assert "120 events, 1–50 shown" in first and 'rel="prev"' not in first
            third = httpx.get(site + "/?page=3").text
            assert titles(third) == [f"Event number {i:03d}" for i in range(19, -1, -1)]
            assert 'rel="next"' not in third and 'href="/?page=2"' in third
            kept = httpx.get(site + "/?topic=t&page=2").text
            assert 'href="/?topic=t&amp;page=3"' in kept
    finally:
        db.close()


def test_a_token_guards_everything_but_the_probes(archive_db: Database) -> None:
    with serving(archive_db, token="s3cret") as site:
        assert httpx.get(site + "/healthz").status_code == 200
        for path in ("/", "/topics", "/feeds/all.atom", "/api/events", "/events/x"):
            refused = httpx.get(site + path)
            assert refused.status_code == 401, path
            assert refused.headers["www-authenticate"] == "Bearer"
        assert httpx.get(site + "/", headers={"Authorization": "Bearer wrong"}
                         ).status_code == 401
        assert httpx.get(site + "/", headers={"Authorization": "Bearer s3cret"}
                         ).status_code == 200
        page = httpx.get(site + "/?token=s3cret")
        assert page.status_code == 200
        # A reader who came with ?token= keeps it on every link of the page.
        assert 'href="/topics?token=s3cret"' in page.text
        assert 'name="token" value="s3cret"' in page.text
        assert httpx.get(site + "/feeds/all.atom?token=s3cret").status_code == 200


def test_the_archive_on_postgresql(postgres_url: str) -> None:
    db = open_database(postgres_url)
    try:
        for i, (title, country) in enumerate((("Navies of India and Japan drill", "Japan"),
                                              ("Australia and India sign a pact", "Australia"))):
            file_alert(db, f"ev-pg{i}", title=title, rules=["t"], countries=["India", country],
                       day=date(2024, 4, 1 + i), at=datetime(2024, 4, 1 + i, 9))
        with serving(db) as site:
            assert titles(httpx.get(site + "/").text) == [
                "Australia and India sign a pact", "Navies of India and Japan drill"]
            assert titles(httpx.get(site + "/?q=drills&country=japan").text) == [
                "Navies of India and Japan drill"]
            assert "Example News" in httpx.get(site + "/events/ev-pg0").text
            assert httpx.get(site + "/api/events?topic=t").json()["total"] == 2
            assert httpx.get(site + "/feeds/t.atom").text.count("<entry>") == 2
    finally:
        db.close()
