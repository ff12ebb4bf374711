"""Cost per article of event grouping: signature() + candidate fetch + assign().

Builds a store of N events (default 10,000) spread over D days, each with 1-4 member
articles whose signatures are kept as JSON, as the real store keeps them. Then it feeds
new articles — half further reports of stored events, half new events — and for each one
times signature(), the candidate fetch (events whose day is within candidate_query's range,
members decoded with Signature.from_json) and assign(). Synthetic text, fixed seed.

    .venv/bin/python bench/bench_events.py [--events 10000] [--days 365] [--articles 1000]
"""

from __future__ import annotations

import argparse
import bisect
import gc
import random
import statistics
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from bot.events.cluster import (
    Candidate,
    Signature,
    assign,
    candidate_query,
    event_day,
    merges,
    signature,
)
from bot.models import Entities
from watchers.models import Article

COUNTRIES = ["India", "Japan", "United States", "Australia", "France", "United Kingdom",
             "Philippines", "South Korea", "Singapore", "Indonesia", "Vietnam", "Germany"]
AGREEMENTS = ["ACSA", "LEMOA", "COMCASA", "BECA", "RAA", "MLSA", "GSOMIA", "SOFA"]
EXERCISES = ["Malabar", "JIMEX", "Dharma Guardian", "Veer Guardian", "Varuna", "Balikatan",
             "Yudh Abhyas", "Talisman Sabre"]
CUES = {"call": "held a telephone conversation with", "meeting": "met",
        "signing": "signed an agreement with", "exercise": "began a joint exercise with"}
START = date(2023, 1, 1)


def _vocabulary(rng: random.Random, n: int = 4000) -> list[str]:
    syllables = ["ka", "ri", "to", "me", "sa", "na", "lo", "vi", "de", "po", "ru", "shi",
                 "ta", "ne", "mo", "ga", "zu", "li", "fa", "bo"]
    return sorted({"".join(rng.choices(syllables, k=rng.randint(2, 4))) for _ in range(n)})


@dataclass(frozen=True)
class Spec:
    """What one synthetic event is about."""

    day: date
    countries: tuple[str, str]
    people: tuple[str, str]
    kind: str
    agreements: tuple[str, ...]
    exercises: tuple[str, ...]


class Writer:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.vocab = _vocabulary(rng)
        self.people = [f"{rng.choice(self.vocab).title()} {rng.choice(self.vocab).title()}"
                       for _ in range(300)]

    def spec(self, day: date) -> Spec:
        rng = self.rng
        pair = rng.sample(COUNTRIES, 2)
        kind = rng.choice(list(CUES))
        return Spec(day, (pair[0], pair[1]), (rng.choice(self.people), rng.choice(self.people)),
                    kind, tuple(rng.sample(AGREEMENTS, rng.randint(0, 1))),
                    tuple(rng.sample(EXERCISES, rng.randint(0, 1 + (kind == "exercise")))))

    def report(self, spec: Spec, n: int) -> tuple[Article, Entities]:
        """One outlet's report: own wording around the same facts, 300-600 words."""
        rng = self.rng
        a, b = spec.people
        lead = (f"{a} of {spec.countries[0]} {CUES[spec.kind]} {b} of {spec.countries[1]} "
                f"on Tuesday, officials said.")
        things = " ".join(f"They discussed the {t}." for t in spec.agreements + spec.exercises)
        paragraphs = [lead, things] + [
            " ".join(rng.choices(self.vocab, k=rng.randint(60, 120))) + "."
            for _ in range(rng.randint(3, 5))]
        title = " ".join([a.split()[-1], "and", b.split()[-1], *rng.choices(self.vocab, k=5)])
        hour = rng.randint(0, 23)
        published = datetime(spec.day.year, spec.day.month, spec.day.day, hour, tzinfo=UTC)
        article = Article(url=f"https://bench.test/{n}", title=title,
                          text="\n\n".join(paragraphs), source_id="bench", outlet="bench",
                          published=published, paragraphs=tuple(paragraphs))
        return article, Entities(spec.countries, spec.people, spec.agreements, spec.exercises)


class Store:
    """Events by day, members as JSON: what the database returns for a day-range query."""

    def __init__(self) -> None:
        self.days: list[date] = []  # sorted, parallel to ids
        self.ids: list[str] = []
        self.members: dict[str, list[dict[str, Any]]] = {}

    def add(self, event_id: str, day: date, sig: Signature) -> None:
        if event_id not in self.members:
            i = bisect.bisect_right(self.days, day)
            self.days.insert(i, day)
            self.ids.insert(i, event_id)
            self.members[event_id] = []
        self.members[event_id].append(sig.to_json())

    def candidates(self, lo: date, hi: date) -> list[Candidate]:
        i, j = bisect.bisect_left(self.days, lo), bisect.bisect_right(self.days, hi)
        out = []
        for day, eid in zip(self.days[i:j], self.ids[i:j], strict=True):
            members = tuple(Signature.from_json(m) for m in self.members[eid])
            out.append(Candidate(eid, day, members))
        return out


def build(writer: Writer, events: int, days: int) -> tuple[Store, list[Spec]]:
    store, specs, n = Store(), [], 0
    for e in range(events):
        spec = writer.spec(START + timedelta(days=writer.rng.randrange(days)))
        specs.append(spec)
        for _ in range(writer.rng.randint(1, 4)):
            sig = signature(*writer.report(spec, n))
            n += 1
            store.add(f"ev{e:06d}", event_day([sig]) or spec.day, sig)
    return store, specs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--articles", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    writer = Writer(random.Random(args.seed))
    started = time.perf_counter()
    store, specs = build(writer, args.events, args.days)
    gc.collect()
    gc.freeze()  # the real store lives in the database, not in this process's heap
    members = sum(len(m) for m in store.members.values())
    print(f"store: {args.events} events, {members} member signatures over {args.days} days "
          f"(built in {time.perf_counter() - started:.1f}s)")

    t_sig, t_fetch, t_assign, t_merge, n_cands = [], [], [], [], []
    joined = strayed = merged = 0
    rng = writer.rng
    for i in range(args.articles):
        old = i % 2 == 0
        spec = rng.choice(specs) if old else writer.spec(
            START + timedelta(days=rng.randrange(args.days)))
        article, entities = writer.report(spec, 10**7 + i)
        t0 = time.perf_counter()
        sig = signature(article, entities)
        t1 = time.perf_counter()
        span = candidate_query(sig)
        cands = store.candidates(*span) if span else []
        t2 = time.perf_counter()
        event_id = assign(sig, cands)
        t3 = time.perf_counter()
        grown = [c.members for c in cands if c.event_id == event_id]
        group = (*(grown[0] if grown else ()), sig)
        merged += bool(merges(Candidate(event_id or "new", event_day(group), group),
                              [c for c in cands if c.event_id != event_id]))
        t4 = time.perf_counter()
        t_sig.append(t1 - t0)
        t_fetch.append(t2 - t1)
        t_assign.append(t3 - t2)
        t_merge.append(t4 - t3)
        n_cands.append(len(cands))
        joined += old and event_id is not None
        strayed += not old and event_id is not None

    def ms(xs: list[float]) -> str:
        return f"{1000 * statistics.mean(xs):7.3f} ms (p95 {1000 * _p95(xs):.3f})"

    total = [a + b + c + d for a, b, c, d in zip(t_sig, t_fetch, t_assign, t_merge, strict=True)]
    print(f"{args.articles} articles, candidates/article: mean {statistics.mean(n_cands):.0f}, "
          f"max {max(n_cands)}")
    print(f"  signature()           {ms(t_sig)}")
    print(f"  fetch + from_json     {ms(t_fetch)}")
    print(f"  assign()              {ms(t_assign)}")
    print(f"  merges()              {ms(t_merge)}")
    print(f"  total per article     {ms(total)}")
    print(f"  further reports that joined an event: {joined}/{(args.articles + 1) // 2}, "
          f"new events that joined one: {strayed}/{args.articles // 2}, "
          f"articles whose event would absorb another: {merged}")


def _p95(xs: list[float]) -> float:
    return sorted(xs)[int(0.95 * (len(xs) - 1))]


if __name__ == "__main__":
    main()
