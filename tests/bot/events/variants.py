"""Helpers of the grouping-variant tests: reports written as tuples, read by the bundled
rules, and grouped in seeded orders as `bench.corpus` groups the corpus (as they come;
"anonymous-first": the first report of each event without its people; "nameless-first":
without its people and names)."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime

from bench.corpus import place
from bot.events.signature import Signature, signature
from bot.rules import RuleSet
from watchers.models import Article

# name, event, published, language, headline, text
Report = tuple[str, str, str, str, str, str]
ORDERS = 40
MODES = ("as-is", "anonymous-first", "nameless-first")


def article(report: Report) -> Article:
    name, _, when, lang, title, text = report
    return Article(url=f"https://example.test/{name}", title=title, text=text, source_id=name,
                   outlet=name, authority="media", published=datetime.fromisoformat(when),
                   language=lang,
                   paragraphs=tuple(p.strip() for p in text.split("\n\n") if p.strip()))


def read(ruleset: RuleSet, reports: Sequence[Report]) -> dict[str, Signature]:
    """Each report's signature, as the pipeline makes it; every report must match a rule."""
    out = {}
    for report in reports:
        result = ruleset.match(article(report))
        assert result.matches, f"{report[0]} matches no rule"
        out[report[0]] = signature(article(report), result.entities)
    return out


def _orders(names: list[str], seed: str) -> list[list[str]]:
    rng = random.Random(seed)
    return [names, names[::-1], *(rng.sample(names, len(names)) for _ in range(ORDERS))]


def assert_grouped(sigs: Mapping[str, Signature], reports: Sequence[Report], mode: str,
                   seed: str) -> None:
    """Each event one group and no two events in one, in every seeded order."""
    truth = {r[0]: r[1] for r in reports}
    for order in _orders(list(sigs), f"{seed}:{mode}"):
        seen: set[str] = set()
        arrivals = []
        for name in order:
            sig = sigs[name]
            if mode != "as-is" and truth[name] not in seen:
                sig = replace(sig, people=frozenset())
                if mode == "nameless-first":
                    sig = replace(sig, names=frozenset())
            seen.add(truth[name])
            arrivals.append((name, sig))
        got = place(arrivals)
        events = {e: {got[n] for n in truth if truth[n] == e} for e in set(truth.values())}
        assert all(len(c) == 1 for c in events.values()), (order, sorted(got.items()))
        assert len({c for cs in events.values() for c in cs}) == len(events), (
            order, sorted(got.items()))
