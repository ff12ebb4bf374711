"""rss.poll / parse_feed: real captures and small feeds written for one quirk each."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.loopback import LoopbackServer
from watchers.errors import FeedError
from watchers.fetch.http import Fetcher
from watchers.models import PollResult, Response, Source, SourceState
from watchers.sources.rss import parse_feed, plain_text, poll

RSS = "application/rss+xml; charset=utf-8"


def source(url: str, id: str = "test-feed") -> Source:
    return Source(id=id, kind="rss", url=url, outlet="Test Outlet")


async def poll_once(fetcher: Fetcher, url: str, state: SourceState | None = None) -> PollResult:
    return await poll(fetcher, source(url), state or SourceState())


def parse(body: str | bytes, url: str = "https://feeds.example/main.xml",
          content_type: str | None = "application/rss+xml") -> PollResult:
    raw = body.encode() if isinstance(body, str) else body
    response = Response(url=url, status=200, body=raw, content_type=content_type)
    return PollResult(entries=parse_feed(response, source(url)), state=SourceState())


# -- real captures (../shared/corpus/feeds, read in place) ------------------------------

@dataclass(frozen=True)
class Capture:
    name: str
    count: int
    title: str  # of the first entry
    link: str
    published: datetime


CAPTURES = [
    Capture("002_thehindu_states_rss.xml", 100,
            "Maoist leader Vikram Gowda’s encounter death in Karnataka: A case file",
            "https://www.thehindu.com/news/national/karnataka/"
            "vikram-gowda-encounter-death-in-karnataka/article68888818.ece",
            datetime(2024, 11, 20, 6, 49, 41, tzinfo=UTC)),
    Capture("003_timesofindia_topstories_rss.xml", 48,
            "'Kaun sa dharm ganda hai?': BJP flays Mamata over 'provocative speech' at Eid event",
            "https://timesofindia.indiatimes.com/india/kaun-sa-dharm-ganda-hai-bjp-slams-mamata-"
            "banerjee-over-alleged-provocative-speech-on-eid/articleshow/119799583.cms",
            datetime(2025, 3, 31, 9, 23, 56, tzinfo=UTC)),
    Capture("004_thehindu_sport_rss.xml", 100,
            "IPL's Impact Player — a tussle between evolution and a level-playing field",
            "https://www.thehindu.com/sport/cricket/impact-player-a-tussle-between-evolution-"
            "and-a-level-playing-field/article69405609.ece",
            datetime(2025, 4, 2, 18, 41, 43, tzinfo=UTC)),
    Capture("005_af_mil_articlecs_rss_category745.xml", 20, "BLUE: A new horizon",
            "http://www.af.mil/News/ArticleDisplay/tabid/223/Article/620808/"
            "blue-a-new-horizon.aspx",
            datetime(2015, 9, 28, 19, 13, tzinfo=UTC)),
    Capture("006_af_mil_articlecs_rss_category759.xml", 20,
            "AFSOC historian retires after 50-plus years of service",
            "http://www.af.mil/News/ArticleDisplay/tabid/223/Article/642827/"
            "afsoc-historian-retires-after-50-plus-years-of-service.aspx",
            datetime(2016, 1, 13, 14, 43, tzinfo=UTC)),
]


@pytest.mark.parametrize("capture", CAPTURES, ids=[c.name[:3] for c in CAPTURES])
async def test_real_captures(feeds_dir: Path, loopback: LoopbackServer, fetcher: Fetcher,
                             capture: Capture) -> None:
    url = loopback.add(f"/{capture.name}", (feeds_dir / capture.name).read_bytes(),
                       content_type=RSS)
    entries = (await poll_once(fetcher, url)).entries
    assert len(entries) == capture.count
    first = entries[0]
    assert (first.title, first.url, first.published) == (
        capture.title, capture.link, capture.published)
    assert len({e.key for e in entries}) == capture.count
    for e in entries:
        assert e.url == e.url.strip() and e.url.startswith(("http://", "https://"))
        # every item of these feeds is dated, including TOI's "Sun, 30Mar 2025 …"
        assert e.published is not None and e.published.tzinfo is UTC
        assert e.title and "\n" not in e.title and "  " not in e.title
        assert "<" not in e.summary and "&lt;" not in e.summary and "&#39;" not in e.summary
        assert e.source_id == "test-feed"


def test_af_mil_escaped_html_descriptions_become_text(feeds_dir: Path) -> None:
    body = (feeds_dir / "005_af_mil_articlecs_rss_category745.xml").read_bytes()
    yokota = parse(body).entries[1]
    assert yokota.title == "Yokota brings holiday cheer to islanders"
    assert yokota.summary.endswith("during Operation Christmas Drop Dec. 9.")


def test_an_html_listing_is_not_a_feed(feeds_dir: Path) -> None:
    body = (feeds_dir / "001_india_gov_in_news_press_releases.html").read_bytes()
    with pytest.raises(FeedError, match="not an RSS or Atom feed: the server sent an HTML page"):
        parse(body, content_type="text/html")


# -- conditional polling and redirects --------------------------------------------------

SMALL_FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Harbour Desk</title><link>/</link>
<item><title>Coast guards of two nations rehearse a joint search drill</title>
<link>/stories/drill.html</link><guid isPermaLink="false">story-1</guid>
<pubDate>Wed, 06 Jan 2021 09:30:00 +0530</pubDate></item>
</channel></rss>"""


@pytest.mark.parametrize(("etag", "last_modified"), [
    ('"rev-3"', None), (None, "Wed, 06 Jan 2021 05:00:00 GMT")], ids=["etag", "last-modified"])
async def test_second_poll_is_conditional_and_not_modified(
        loopback: LoopbackServer, fetcher: Fetcher, etag: str | None,
        last_modified: str | None) -> None:
    url = loopback.add("/feed.xml", SMALL_FEED, content_type=RSS, etag=etag,
                       last_modified=last_modified)
    first = await poll_once(fetcher, url)
    assert len(first.entries) == 1 and not first.not_modified
    assert first.state == SourceState(etag=etag, last_modified=last_modified)

    second = await poll_once(fetcher, url, first.state)
    assert second == PollResult(entries=(), state=first.state, not_modified=True,
                                final_url=url)
    assert loopback.hits("/feed.xml") == 2


async def test_without_validators_every_poll_is_a_full_fetch(loopback: LoopbackServer,
                                                             fetcher: Fetcher) -> None:
    url = loopback.add("/feed.xml", SMALL_FEED, content_type=RSS)
    first = await poll_once(fetcher, url)
    assert first.state == SourceState()
    second = await poll_once(fetcher, url, first.state)
    assert second.entries == first.entries and not second.not_modified


async def test_redirect_to_another_host_resolves_links_there(loopback: LoopbackServer,
                                                             fetcher: Fetcher) -> None:
    moved = loopback.url("/v2/feed.xml", host="localhost")
    loopback.add("/v2/feed.xml", SMALL_FEED, content_type=RSS)
    old = loopback.add("/feed.xml", "", status=301, headers={"Location": moved})
    result = await poll_once(fetcher, old)
    assert result.final_url == moved
    [entry] = result.entries
    assert entry.url == loopback.url("/stories/drill.html", host="localhost")
    assert entry.published == datetime(2021, 1, 6, 4, 0, tzinfo=UTC)


async def test_a_feed_url_serving_html_raises_feed_error(loopback: LoopbackServer,
                                                         fetcher: Fetcher) -> None:
    url = loopback.add("/feed", "<!DOCTYPE html><html><body><p>Moved to our new "
                       "website.</p></body></html>")
    with pytest.raises(FeedError) as caught:
        await poll_once(fetcher, url)
    assert caught.value.url == url
    assert caught.value.reason == "not an RSS or Atom feed: the server sent an HTML page"


# -- one quirk per feed ------------------------------------------------------------------

QUIRKS_FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>Quirks Weekly</title><link>https://quirks.example/</link>
<item>
  <title>&lt;b&gt;Navy chiefs&lt;/b&gt; meet in Kochi &amp;amp; agree on
     a training calendar</title>
  <link>
       /news/navy-chiefs-meet.html?utm_source=rss&amp;id=17
  </link>
  <guid isPermaLink="false">
       quirks-0001
  </guid>
  <description>&lt;p&gt;The two chiefs signed a note.&lt;br/&gt;
    &lt;img src=&#39;x.jpg&#39; /&gt;&lt;/p&gt;</description>
  <pubDate><![CDATA[Tue, 22 Dec 2020 16:25:51 +0530]]></pubDate>
</item>
<item>
  <title>Same guid again: a corrected headline that must not create a second entry</title>
  <link>https://quirks.example/news/navy-chiefs-meet-corrected.html</link>
  <guid isPermaLink="false">quirks-0001</guid>
</item>
<item>
  <title>An item without any date</title>
  <link>news/undated.html</link>
</item>
<item>
  <title>A permalink guid and no link</title>
  <guid isPermaLink="true">https://quirks.example/news/permalink-only.html</guid>
  <dc:date>2020-12-21T08:00:00Z</dc:date>
</item>
<item>
  <title>Nothing to fetch: no link, opaque guid</title>
  <guid isPermaLink="false">quirks-0005</guid>
</item>
</channel></rss>"""


def test_quirks_of_real_feeds_written_small() -> None:
    entries = parse(QUIRKS_FEED, url="https://quirks.example/feeds/all.xml").entries
    assert [e.url for e in entries] == [
        "https://quirks.example/news/navy-chiefs-meet.html?id=17",
        "https://quirks.example/feeds/news/undated.html",
        "https://quirks.example/news/permalink-only.html",
    ]
    first, undated, permalink = entries
    assert first.title == "Navy chiefs meet in Kochi & agree on a training calendar"
    assert first.summary == "The two chiefs signed a note."
    assert first.published == datetime(2020, 12, 22, 10, 55, 51, tzinfo=UTC)
    assert undated.published is None
    assert permalink.published == datetime(2020, 12, 21, 8, 0, tzinfo=UTC)


@pytest.mark.parametrize(("pub_date", "expected"), [
    ("Sun, 30Mar 2025 12:41:13 +0530", datetime(2025, 3, 30, 7, 11, 13, tzinfo=UTC)),
    ("Mon,31 Mar 2025 11:34:52 +0530", datetime(2025, 3, 31, 6, 4, 52, tzinfo=UTC)),
    ("Mon, 31 Mar 202510:50:41 +0530", datetime(2025, 3, 31, 5, 20, 41, tzinfo=UTC)),
    ("Tue, 22 Dec 2020 15:00:00GMT", datetime(2020, 12, 22, 15, 0, tzinfo=UTC)),
    ("sometime last week", None),
])
def test_dates_with_lost_spaces_are_repaired(pub_date: str, expected: datetime | None) -> None:
    body = (f"<rss version='2.0'><channel><title>t</title><item><title>a</title>"
            f"<link>https://d.example/a</link><pubDate>{pub_date}</pubDate></item>"
            "</channel></rss>")
    assert parse(body).entries[0].published == expected


def test_duplicate_links_without_guids_collapse() -> None:
    items = "".join(f"<item><title>Take {i}</title><link>https://d.example/a?utm_medium={i}"
                    "</link></item>" for i in range(3))
    entries = parse(f"<rss version='2.0'><channel><title>t</title>{items}</channel></rss>").entries
    assert [e.title for e in entries] == ["Take 0"]


ATOM_FEED = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://atom.example/press/">
  <title>Ministry Press Room</title>
  <id>tag:atom.example,2021:press</id>
  <updated>2021-03-02T12:00:00+09:00</updated>
  <entry>
    <title type="html">Defence ministers hold a video call &amp;amp; review exercises</title>
    <link rel="alternate" href="2021/03/video-call.html"/>
    <link rel="enclosure" href="https://atom.example/media/call.jpg"/>
    <id>tag:atom.example,2021:press/0302</id>
    <published>2021-03-02T11:00:00+09:00</published>
    <updated>2021-03-02T12:00:00+09:00</updated>
    <summary type="html">&lt;p&gt;Both ministers &lt;em&gt;welcomed&lt;/em&gt;
      the drill.&lt;/p&gt;</summary>
  </entry>
  <entry>
    <title>Updated only</title>
    <link href="https://atom.example/press/2021/02/updated-only.html"/>
    <id>tag:atom.example,2021:press/0228</id>
    <updated>2021-02-28T23:30:00-05:00</updated>
  </entry>
</feed>"""


def test_atom() -> None:
    first, second = parse(ATOM_FEED, url="https://atom.example/press/feed.atom",
                          content_type="application/atom+xml").entries
    assert first.url == "https://atom.example/press/2021/03/video-call.html"
    assert first.title == "Defence ministers hold a video call & review exercises"
    assert first.summary == "Both ministers welcomed the drill."
    assert first.published == datetime(2021, 3, 2, 2, 0, tzinfo=UTC)
    assert second.published == datetime(2021, 3, 1, 4, 30, tzinfo=UTC)


RDF_FEED = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://rdf.example/">
    <title>Bulletin Board</title><link>https://rdf.example/</link>
    <description>Notices</description>
    <items><rdf:Seq><rdf:li resource="https://rdf.example/n/1"/>
                    <rdf:li resource="https://rdf.example/n/2"/></rdf:Seq></items>
  </channel>
  <item rdf:about="https://rdf.example/n/1">
    <title>Joint staff talks conclude</title><link>https://rdf.example/n/1</link>
    <dc:date>2021-06-15T10:00:00+05:30</dc:date>
  </item>
  <item rdf:about="https://rdf.example/n/2">
    <title>Logistics pact enters into force</title><link>https://rdf.example/n/2</link>
  </item>
</rdf:RDF>"""

RSS_091_FEED = """<?xml version="1.0"?>
<rss version="0.91"><channel><title>Old Style</title><link>https://old.example/</link>
<description>d</description><language>en</language>
<item><title>Frigate visits port</title><link>https://old.example/frigate</link>
<description>A short visit.</description></item>
</channel></rss>"""


@pytest.mark.parametrize(("body", "titles", "dated"), [
    (RDF_FEED, ["Joint staff talks conclude", "Logistics pact enters into force"],
     [datetime(2021, 6, 15, 4, 30, tzinfo=UTC), None]),
    (RSS_091_FEED, ["Frigate visits port"], [None]),
], ids=["rss1.0-rdf", "rss0.91"])
def test_older_rss_versions(body: str, titles: list[str],
                            dated: list[datetime | None]) -> None:
    entries = parse(body).entries
    assert [e.title for e in entries] == titles
    assert [e.published for e in entries] == dated


def test_a_valid_feed_with_no_items_is_empty_not_an_error() -> None:
    empty = "<rss version='2.0'><channel><title>Quiet</title></channel></rss>"
    assert parse(empty).entries == ()


@pytest.mark.parametrize(("body", "reason"), [
    (b"", "the response body is empty"),
    (b"   \n", "the response body is empty"),
    (b"<html><head><title>Error</title></head><body>Oops</body></html>", "HTML page"),
    (b'<?xml version="1.0"?><rss version="2.0"><channel><title>cut off', "not a readable"),
    (b"just some words", "not"),
], ids=["empty", "blank", "html", "truncated", "text"])
def test_documents_that_are_not_feeds(body: bytes, reason: str) -> None:
    with pytest.raises(FeedError, match=reason):
        parse(body, content_type="application/xml")


def test_entries_without_any_link_are_an_error_not_silence() -> None:
    body = ("<rss version='2.0'><channel><title>t</title>"
            "<item><title>a</title><guid isPermaLink='false'>x1</guid></item></channel></rss>")
    with pytest.raises(FeedError, match="1 entries but none links to a page"):
        parse(body)


@pytest.mark.parametrize(("fragment", "text"), [
    ("Plain title", "Plain title"),
    ("  wrapped\n      over lines ", "wrapped over lines"),
    ("<b>Bold</b> and <i>italic</i>", "Bold and italic"),
    ("One<br/>Two<p>Three</p>", "One Two Three"),
    ("Results &amp;amp; More", "Results & More"),
    ("It&#39;s &quot;here&quot;", 'It\'s "here"'),
    ("Note.&lt;br/&gt; &lt;img src=&#39;a.jpg&#39; /&gt;", "Note."),
    ("a < b and c > d", "a < b and c > d"),
    ("AT&T and R&D", "AT&T and R&D"),
    ("<script>alert(1)</script>Safe", "Safe"),
    ("", ""),
])
def test_plain_text(fragment: str, text: str) -> None:
    assert plain_text(fragment) == text
