"""An event's headline: the most central good headline of its reports (an official
source's first), else one written from the facts."""

from __future__ import annotations

from collections.abc import Sequence

from bot.events.facets import Facets, mentions
from bot.events.kind import Kind
from bot.events.sentences import is_chrome, is_tweet, strip_dateline
from bot.events.similarity import content_words, jaccard
from bot.models import Facts
from watchers import Article, strip_outlet_suffix

__all__ = ["headline"]



def _clean_title(title: str) -> str:
    return strip_outlet_suffix(strip_dateline(" ".join(title.split())))


def _good_title(title: str, facets: Facets) -> bool:
    n_words = len(title.split())
    names = facets.countries + facets.people + facets.agreements + facets.exercises
    words = frozenset(content_words(title))
    return (3 <= n_words <= 18 and len(title) <= 120 and not is_chrome(title)
            and not is_tweet(title) and title[-1] not in ":." and "(" not in title[:3]
            and (not names or any(mentions(words, n) for n in names)))


def headline(articles: Sequence[Article], facets: Facets, facts: Facts,
           kind: Kind | None) -> str:
    titles = [_clean_title(a.title) for a in articles]
    good = [i for i, t in enumerate(titles) if t and _good_title(t, facets)]
    official = [i for i in good if articles[i].authority == "official"]
    pool = official or good
    if not pool:
        return _generated_title(kind, facts)
    bags = [frozenset(content_words(f"{a.title} {a.lead}")) for a in articles]

    def centrality(i: int) -> float:
        words = frozenset(content_words(titles[i]))
        others = [jaccard(words, b) for j, b in enumerate(bags) if j != i]
        return (sum(others) / len(others) if others else 0.0) + 0.1 * facets.share(words)

    return titles[max(pool, key=lambda i: (centrality(i), -i))]


def _generated_title(kind: Kind | None, facts: Facts) -> str:
    """"India–Japan: Rajnath Singh and Kishi Nobuo hold phone call" from the facts."""
    people = " and ".join(facts.people[:2])
    verb = "hold" if len(facts.people) > 1 else "holds"
    if kind == "call":
        what = f"{people} {verb} phone call" if people else "defence ministers' phone call"
    elif kind == "meeting":
        what = f"{people} {verb} talks" if people else "defence talks"
    elif kind == "signing":
        what = f"{facts.agreements[0]} signed" if facts.agreements else "defence agreement signed"
    elif kind == "exercise":
        what = f"{facts.exercises[0]} exercise" if facts.exercises else "joint exercise"
    elif kind == "logistics":
        what = (f"supplies under {facts.agreements[0]}" if facts.agreements
                else "port call and supplies")
    elif kind == "transfer":
        what = "equipment handed over"
    elif kind == "anniversary":
        what = "anniversary statement"
    elif kind == "approval":
        what = (f"{facts.agreements[0]} approved" if facts.agreements
                else "defence agreement approved")
    else:
        what = "bilateral defence statement"
    pair = "\u2013".join(facts.countries[:2])
    return f"{pair}: {what}" if pair else what[:1].upper() + what[1:]
