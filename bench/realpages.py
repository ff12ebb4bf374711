"""Real-size news pages for the throughput benchmarks: an article's text inside the chrome
that a commercial news site wraps it in (inline scripts and styles, SVG icons, a mega menu,
tickers, share bars, related-story grids, comments, a long footer), about 170 KB a page,
which is what pages of the big outlets weigh. All wording is ours.

`relevant_texts()` are the labelled corpus's reports (mostly bilateral defence news);
`general_texts(n)` are everyday news of no interest to the rules (weather, sport, markets,
a council budget), written from templates.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime
from html import escape

from bench.corpus import load_corpus

__all__ = ["PageText", "general_texts", "page_html", "relevant_texts"]


@dataclass(frozen=True)
class PageText:
    slug: str
    title: str
    paragraphs: tuple[str, ...]
    published: datetime | None = None  # the report's own date, when it has one


def relevant_texts() -> list[PageText]:
    return [PageText(item.id, item.article.title, item.article.paragraphs,
                     item.article.published)
            for item in load_corpus()]


_PLACES = ("Riverton", "Lakeside", "Northfield", "Old Harbour", "Millbrook", "Eastgate",
           "Stonebridge", "Westvale", "Cedar Falls", "Hillcrest")
_SUBJECTS = (
    ("the city council", "approved its budget for the coming year",
     "Councillors spent most of the evening on road repairs and the library's opening hours."),
    ("the weather service", "warned of heavy rain over the weekend",
     "Residents near the river were asked to move cars from low-lying streets."),
    ("the home side", "won the derby with a late goal",
     "The coach praised a young midfielder who came off the bench in the second half."),
    ("shares of food retailers", "rose after a strong quarter",
     "Analysts pointed to lower transport costs and steady demand for fresh produce."),
    ("the film festival", "opened with a comedy about a travelling circus",
     "Tickets for the closing night sold out within an hour of going on sale."),
    ("a local bakery", "celebrated fifty years in the same street",
     "Customers queued from dawn for the anniversary loaf baked to the original recipe."),
    ("the transport authority", "announced new night bus routes",
     "Students and shift workers had asked for later services for several years."),
    ("the school board", "unveiled plans for a new science wing",
     "Parents will be consulted on the design before building starts in the spring."),
    ("a tech start-up", "released a cheaper smart thermostat",
     "Reviewers liked the simple app but found the installation guide confusing."),
    ("the marathon organisers", "expect a record field this autumn",
     "Volunteers are still needed at the water stations along the canal path."),
)
_FILLERS = (
    "Officials said more details would be published on the website next week.",
    "A spokesperson declined to give a timetable but said the work was a priority.",
    "Local shop owners welcomed the news and hoped it would bring more visitors.",
    "Critics argued the plan came too late and would cost more than promised.",
    "The announcement followed months of meetings with residents and local groups.",
    "Figures released on Tuesday showed a small improvement on the same month last year.",
    "Several people who spoke to reporters said they had noticed the change already.",
    "The next public meeting on the subject is planned for the end of the month.",
)


def general_texts(count: int, seed: int = 7) -> list[PageText]:
    rng = random.Random(seed)
    out = []
    for i in range(count):
        who, did, detail = _SUBJECTS[i % len(_SUBJECTS)]
        place = _PLACES[(i // len(_SUBJECTS)) % len(_PLACES)]
        title = f"{place}: {who} {did}"
        paragraphs = [f"{place.upper()} - {who.capitalize()} {did} on {rng.choice(_DAYS)}, "
                      f"in a decision that many had expected.", detail]
        paragraphs += [" ".join(rng.sample(_FILLERS, 3)) for _ in range(rng.randint(4, 8))]
        out.append(PageText(f"g{i:05d}", title, tuple(paragraphs)))
    return out


_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_SECTIONS = ("Home", "Local", "Region", "World", "Business", "Markets", "Technology",
             "Science", "Health", "Sport", "Football", "Cricket", "Tennis", "Culture",
             "Film", "Music", "Books", "Food", "Travel", "Motoring", "Property", "Opinion",
             "Letters", "Puzzles", "Podcasts")
_TEASERS = ("Five ways to keep your garden green through a dry summer",
            "The best budget headphones we tested this year",
            "Why the old railway station is getting a second life",
            "Quiz: how well do you know the town's history?",
            "A week of meals for under fifty, tried and tasted",
            "Traffic: lane closures on the ring road this weekend",
            "Meet the volunteers who run the riverside café",
            "Markets close mixed as investors wait for rate news",
            "Review: a slow, beautiful novel about a lighthouse keeper",
            "The street food stalls worth queuing for",
            "How to read your energy bill, line by line",
            "Photo gallery: the spring flower show in pictures")
_COMMENTS = ("Great to see this covered, thanks for the detailed write-up.",
             "I remember when this was first discussed years ago, nothing changed then.",
             "Does anyone know where the full document can be read?",
             "The article could have included more background, in my view.",
             "Shared this with my neighbours, very useful.",
             "Interesting, but I would like to hear the other side too.")


def _script(rng: random.Random, functions: int) -> str:
    """Minified-looking analytics and ad code: the bulk of a real page's bytes."""
    parts = []
    for n in range(functions):
        name = f"_{rng.randrange(16 ** 6):06x}"
        parts.append(f"function {name}(a,b){{var c=a||{{}};c.k{n}='{rng.randrange(10 ** 9)}';"
                     f"if(b&&b.length>{n % 7}){{c.q=b.slice(0,{n % 5 + 1}).join('|')}}"
                     f"window.__adq=window.__adq||[];window.__adq.push([{n},c]);return c}}")
    return "<script>" + ";".join(parts) + "</script>"


def _style(rng: random.Random, rules: int) -> str:
    body = "".join(f".c{rng.randrange(16 ** 5):05x}{{margin:{n % 9}px {n % 5}px;"
                   f"color:#{rng.randrange(16 ** 6):06x};font-size:{12 + n % 8}px}}"
                   for n in range(rules))
    return f"<style>{body}</style>"


def _icon(rng: random.Random) -> str:
    path = " ".join(f"L{rng.randrange(24)}.{rng.randrange(100)} {rng.randrange(24)}."
                    f"{rng.randrange(100)}" for _ in range(40))
    return f"<svg viewBox='0 0 24 24' class='icon'><path d='M0 0 {path} Z'/></svg>"


def page_html(text: PageText, outlet: str, published: str, *, seed: int = 0) -> str:
    """The text as an article page of a heavy commercial news site (~170 KB)."""
    rng = random.Random(f"{outlet}:{text.slug}:{seed}")
    title = escape(text.title)
    menu = "".join(
        f"<li class='menu-section'><a href='/{s.lower()}'>{s}</a><ul class='sub'>"
        + "".join(f"<li><a href='/{s.lower()}/topic-{k}'>{s} topic {k}</a></li>"
                  for k in range(14)) + "</ul></li>" for s in _SECTIONS)
    ticker = "".join(f"<li><a href='/live/{k}'>{escape(rng.choice(_TEASERS))}</a></li>"
                     for k in range(10))
    share = "".join(f"<a class='share' href='#share-{n}'>{_icon(rng)}<span>{n}</span></a>"
                    for n in ("Copy link", "Email", "Print", "Save"))
    body = []
    for n, paragraph in enumerate(text.paragraphs):
        body.append(f"<p>{escape(paragraph)}</p>")
        if n == 1:
            body.append("<div class='also-read'><span>Also read</span><a href='/x'>"
                        f"{escape(rng.choice(_TEASERS))}</a></div>")
    cards = "".join(
        f"<div class='card'><a href='/story/{rng.randrange(10 ** 6)}'>{_icon(rng)}"
        f"<h3>{escape(rng.choice(_TEASERS))}</h3></a><p>{escape(rng.choice(_TEASERS))}.</p>"
        f"<span class='time'>{rng.randrange(1, 59)} min ago</span></div>" for _ in range(30))
    comments = "".join(
        f"<li class='comment'><b>reader{rng.randrange(999)}</b><p>{escape(c)}</p></li>"
        for c in rng.sample(_COMMENTS, 5))
    footer = "".join(f"<a href='/about/{k}'>{s} {k}</a>" for k in range(4)
                     for s in _SECTIONS)
    ld = ('{"@context":"https://schema.org","@type":"NewsArticle","headline":"'
          + title.replace('"', "") + f'","datePublished":"{published}"}}')
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{title} | {escape(outlet)}</title>"
        f"<meta property='og:title' content='{title}'>"
        f"<meta property='og:site_name' content='{escape(outlet)}'>"
        f"<meta property='article:published_time' content='{published}'>"
        f"<script type='application/ld+json'>{ld}</script>"
        + _style(rng, 260) + _script(rng, 540) +
        "</head><body>"
        "<div class='consent'><p>We use cookies to improve your experience and show "
        "relevant ads.</p><button>Accept</button><button>Settings</button></div>"
        f"<header><div class='brand'>{_icon(rng)}{escape(outlet)}</div>"
        f"<nav class='mega'><ul>{menu}</ul></nav>"
        f"<div class='ticker'><b>Latest</b><ul>{ticker}</ul></div></header>"
        "<main><nav class='crumbs'><a href='/'>Home</a> / <a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1><div class='byline'>By our correspondent | "
        f"{escape(published[:10])}</div><div class='share-bar'>{share}</div>"
        f"{''.join(body)}<div class='tags'><a href='/t/1'>Top stories</a></div></article>"
        "<section class='newsletter'><h2>Morning briefing</h2><form><input name='email'>"
        "<button>Sign up</button></form></section>"
        f"<section class='comments'><h2>Comments</h2><ul>{comments}</ul></section>"
        f"<aside><h2>More stories</h2>{cards}</aside></main>"
        f"<footer><nav>{footer}</nav><p>All rights reserved.</p></footer>"
        + _script(rng, 60) + "</body></html>")
