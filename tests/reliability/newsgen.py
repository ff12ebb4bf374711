"""A synthetic news site of distinct bilateral defence events, for load and crash tests.

Story `i` is a ministers' call or meeting between one pair of states on its own date
(pairs rotate, dates advance a week every len(PAIRS) stories), so the bundled rules
match every story and clustering keeps each one its own event. `second_source=True`
gives the same event told by another outlet in other words, which joins the first
report's event. All wording is ours. Pages carry site chrome (menus, related links, a
footer, scripts) so extraction has real work to do; `chrome` scales it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape

__all__ = ["PAIRS", "Story", "feed_xml", "page_html", "stories"]

# (state, demonym, capital) — countries of rules/lexicon/countries.yaml.
_STATES = {
    "India": ("Indian", "New Delhi"), "Japan": ("Japanese", "Tokyo"),
    "the United States": ("American", "Washington"), "Australia": ("Australian", "Canberra"),
    "France": ("French", "Paris"), "the Philippines": ("Philippine", "Manila"),
    "South Korea": ("South Korean", "Seoul"), "Vietnam": ("Vietnamese", "Hanoi"),
    "Indonesia": ("Indonesian", "Jakarta"), "Germany": ("German", "Berlin"),
    "Canada": ("Canadian", "Ottawa"), "Singapore": ("Singaporean", "Singapore"),
}
PAIRS: tuple[tuple[str, str], ...] = tuple(
    (a, b) for i, a in enumerate(_STATES) for b in list(_STATES)[i + 1:])
_START = datetime(2006, 1, 2, 9, 30, tzinfo=UTC)
_TOPICS = ("maritime security in the Indian Ocean", "joint naval exercises next year",
           "defence equipment and technology cooperation", "training exchanges between "
           "their armed forces", "coast guard cooperation and disaster relief",
           "logistics support between the two militaries", "cyber and space security")


@dataclass(frozen=True)
class Story:
    index: int
    a: str
    b: str
    kind: str  # call | meeting
    published: datetime
    topic: str
    second: bool  # the second outlet's report of the same event

    @property
    def slug(self) -> str:
        return f"{'b' if self.second else 'a'}{self.index:05d}"

    @property
    def title(self) -> str:
        a, b = _bare(self.a), _bare(self.b)
        if self.second:
            return f"{b} and {a} agree to deepen defence ties after ministers' {self._what}"
        return f"{a}, {b} defence ministers hold {self._what} on military cooperation"

    @property
    def _what(self) -> str:
        return "phone call" if self.kind == "call" else "talks"

    def paragraphs(self) -> list[str]:
        a, b = self.a, self.b
        da, ca = _STATES[a]
        db, cb = _STATES[b]
        day = self.published.strftime("%A")
        if self.kind == "call":
            how = "spoke by telephone"
            where = f"Officials in {ca} described the telephone conversation as warm."
        else:
            how = f"held talks in {cb}"
            where = f"The meeting in {cb} lasted about an hour, officials in {ca} said."
        if self.second:
            return [
                f"The defence ministers of {_bare(b)} and {_bare(a)} {how} on {day} and "
                f"agreed to deepen defence cooperation between the two countries.",
                f"According to a statement from {cb}, the two sides reviewed {self.topic} "
                f"and the {da} side proposed regular staff talks between the navies.",
                f"{where} The {db} minister invited the {da} delegation to continue "
                f"the dialogue before the end of the year.",
                f"Analysts said the bilateral defence ties of {_bare(a)} and {_bare(b)} "
                f"had grown steadily, with more joint exercises planned at sea.",
            ]
        return [
            f"The defence minister of {_bare(a)} {how} with the {db} defence minister on "
            f"{day}, and the two counterparts discussed military cooperation between "
            f"{_bare(a)} and {_bare(b)}.",
            f"The ministers reviewed {self.topic}, according to a statement released by "
            f"the defence ministry in {ca} after the conversation ended.",
            f"{where} Both sides said the bilateral defence dialogue would continue, and "
            f"the {da} and {db} navies plan a joint exercise later in the year.",
            "The statement added that the two countries share an interest in a free and "
            "open region and that both armed forces will expand training exchanges.",
        ]


def _bare(state: str) -> str:
    name = state.removeprefix("the ")
    return name[0].upper() + name[1:]


def stories(count: int, *, second_every: int = 0, start: datetime = _START,
            first: int = 0) -> list[Story]:
    """`count` distinct events (numbered from `first`, dated from `start` on), plus a
    second report of every `second_every`-th one."""
    out: list[Story] = []
    for i in range(first, first + count):
        a, b = PAIRS[i % len(PAIRS)]
        week = (i - first) // len(PAIRS)
        published = start + timedelta(days=7 * week, hours=i % 7)
        kind = "call" if (i // 3) % 2 == 0 else "meeting"
        topic = _TOPICS[i % len(_TOPICS)]
        out.append(Story(i, a, b, kind, published, topic, second=False))
        if second_every and i % second_every == 0:
            out.append(Story(i, a, b, kind, published + timedelta(hours=3), topic,
                             second=True))
    return out


def page_html(story: Story, outlet: str, *, chrome: int = 1) -> str:
    """The story as a news page; `chrome` repeats the menus and related links."""
    title = escape(story.title)
    nav = "".join(f"<li><a href='/section/{n}'>Section {n}</a></li>" for n in range(12 * chrome))
    related = "".join(
        f"<li><a href='/related/{story.slug}-{n}'>More from the desk: item {n} of the "
        f"day's coverage</a></li>" for n in range(8 * chrome))
    body = "".join(f"<p>{escape(p)}</p>" for p in story.paragraphs())
    stamp = story.published.isoformat()
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{title} | {escape(outlet)}</title>"
        f"<meta property='og:title' content='{title}'>"
        f"<meta property='article:published_time' content='{stamp}'>"
        "<script>window.dataLayer = window.dataLayer || []; function track(e) {"
        " dataLayer.push(e); }</script>"
        + "<style>" + ".nav li{display:inline;margin:0 4px}" * chrome + "</style>"
        + f"</head><body><header><div class='brand'>{escape(outlet)}</div>"
        f"<nav><ul class='nav'>{nav}</ul></nav></header>"
        f"<main><article><h1>{title}</h1><p class='byline'>By the defence desk, "
        f"{story.published:%d %B %Y}</p>{body}</article>"
        f"<aside><h2>Related</h2><ul>{related}</ul></aside></main>"
        "<footer><p>Subscribe to our newsletter for the day's top stories.</p>"
        f"<p>Copyright {escape(outlet)}. All rights reserved.</p></footer>"
        "</body></html>")


def feed_xml(title: str, site: str, items: Iterable[tuple[Story, str]]) -> str:
    """An RSS 2.0 feed of (story, page URL) pairs."""
    rows = "".join(
        f"<item><title>{escape(s.title)}</title><link>{escape(url)}</link>"
        f"<guid isPermaLink='false'>{s.slug}</guid>"
        f"<pubDate>{format_datetime(s.published)}</pubDate></item>" for s, url in items)
    return ("<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
            f"<title>{escape(title)}</title><link>{escape(site)}</link>{rows}"
            "</channel></rss>")


def split(items: Sequence[Story], parts: int) -> list[list[Story]]:
    """Stories dealt round-robin into `parts` feeds (second reports in their own feeds)."""
    feeds: list[list[Story]] = [[] for _ in range(parts)]
    for n, s in enumerate(items):
        feeds[n % parts].append(s)
    return feeds

