"""The three seed articles of ../shared/seeds, read in place and dressed as web pages.

The seed texts are third-party: they are never copied into this repository. The page
around them (navigation, footer, related links) is ours, so extraction has chrome to drop.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest

from bot.models import Entities
from tests.beside import SEEDS
from watchers.models import Article

OUTLETS = ("Policy Desk", "The Weekly Review", "Asia Newswire")

_SCRAPE_DATE = re.compile(r"^\s*date \d{4}-\d{2}-\d{2}\s*")


@dataclass(frozen=True)
class Seed:
    name: str
    title: str
    text: str
    outlet: str


def seeds() -> list[Seed]:
    files = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if len(files) != 3:
        pytest.skip("../shared/seeds is not beside the repository")
    out = []
    for path, outlet in zip(files, OUTLETS, strict=True):
        text = path.read_text(encoding="utf-8")
        first = next(line for line in text.splitlines() if line.strip() and len(line) > 30)
        title = re.split(r"(?<=[a-z0-9])\.\s", _SCRAPE_DATE.sub("", first))[0][:140]
        out.append(Seed(name=path.stem, title=title, text=text, outlet=outlet))
    return out


# What a reader finds in each seed: the same pair, ministers and agreement; the exercises
# that report names.
_SEED_EXERCISES = {"000": ("Malabar", "JIMEX"), "002": (), "004": ("Malabar",)}


def seed_articles() -> list[tuple[str, Article, Entities]]:
    """(name, article, entities) of each seed, as the events stage receives them."""
    out = []
    for seed in seeds():
        title = next(line.strip() for line in seed.text.splitlines() if line.strip())
        article = Article(url=f"https://seed.test/{seed.name}", title=title, text=seed.text,
                          source_id=seed.name, outlet=seed.name,
                          published=datetime(2020, 12, 22, tzinfo=UTC))
        entities = Entities(("India", "Japan"), ("Rajnath Singh", "Kishi Nobuo"), ("ACSA",),
                            _SEED_EXERCISES.get(seed.name[:3], ()))
        out.append((seed.name, article, entities))
    return out


def page(seed: Seed) -> str:
    paragraphs = "\n".join(f"<p>{html.escape(p.strip())}</p>"
                           for p in seed.text.split("\n") if p.strip())
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(seed.title)}</title>
<meta property="article:published_time" content="2020-12-22T18:30:00+05:30"></head>
<body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/defence">Defence</a>
<a href="/subscribe">Subscribe for unlimited access</a></nav></header>
<main><article><h1>{html.escape(seed.title)}</h1>
{paragraphs}
</article>
<aside><h2>More from {seed.outlet}</h2><ul><li><a href="/x">Monsoon session ends early</a></li>
<li><a href="/y">Markets close higher on Friday</a></li></ul></aside></main>
<footer><p>Copyright {seed.outlet}. All rights reserved.</p>
<a href="/privacy">Privacy policy</a> <a href="/terms">Terms of use</a></footer>
</body></html>"""
