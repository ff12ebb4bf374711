"""The labelled evaluation corpus in tests/corpus: loading and scoring, shared by the
quality report (bench/eval_corpus.py) and the tests that hold its floor.

The corpus has two splits: `dev/` (the rules are tuned on it) and `test/` (held out: never
read while tuning, only scored). Each has `events/*.yaml` (reports of one real event, with
their gold topics) and `negatives/*.yaml` (hard negatives: no topic may match).
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from itertools import combinations
from pathlib import Path
from typing import Any, Literal, cast

from bot.config.yamlfile import load_yaml, plain
from bot.events.cluster import (
    Candidate,
    Signature,
    assign,
    candidate_query,
    merges,
    signature,
)
from bot.events.gathered import Gathered
from bot.rules import RuleSet
from watchers.models import Article

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "corpus"
Split = Literal["dev", "test"]
SPLITS: tuple[Split, ...] = ("dev", "test")


@dataclass(frozen=True)
class Labelled:
    id: str
    event: str | None  # None for the hard negatives
    topics: frozenset[str]
    article: Article
    lang: str = "en"  # the language the report is written in (ISO 639-1)
    split: Split = "dev"


def load_corpus(root: Path = CORPUS, split: Split = "dev") -> list[Labelled]:
    """Every report of one split; a split that does not exist (yet) is empty.

    An event file may carry a free-text `note:` for the people who write the corpus; an
    article may say its `lang:` (default "en"), which becomes the Article's language.
    """
    out: list[Labelled] = []
    for folder in ("events", "negatives"):
        for path in sorted((root / split / folder).glob("*.yaml")):
            doc = plain(load_yaml(path)) or {}
            for a in doc.get("articles") or ():
                out.append(_labelled(a, doc.get("event"), split))
    return out


def _labelled(a: dict[str, Any], event: str | None, split: Split) -> Labelled:
    text = str(a["text"]).strip()
    published = a.get("published")
    when = (published if isinstance(published, datetime)
            else datetime.fromisoformat(str(published)) if published else None)
    lang = str(a.get("lang") or "en")
    article = Article(
        url=f"https://corpus.invalid/{a['id']}", title=str(a["title"]), text=text,
        source_id=a["outlet"], outlet=a["outlet"], authority=a.get("authority", "media"),
        published=when, language=lang,
        paragraphs=tuple(p.strip() for p in text.split("\n\n") if p.strip()))
    return Labelled(id=str(a["id"]), event=event, topics=frozenset(a.get("topics") or ()),
                    article=article, lang=lang, split=split)


def harmonic_f1(precision: float, recall: float) -> float:
    """F1: the harmonic mean of precision and recall (0 when both are 0)."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass(frozen=True)
class TopicScore:
    """The verdicts on one topic, or summed over all topics (bench.quality.micro)."""

    topic: str
    tp: int
    fp: int
    fn: int
    false_positives: tuple[str, ...] = ()
    misses: tuple[str, ...] = ()

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        return harmonic_f1(self.precision, self.recall)


def score_topics(ruleset: RuleSet, corpus: list[Labelled]) -> list[TopicScore]:
    got = {item.id: set(ruleset.match(item.article).rule_ids) for item in corpus}
    scores = []
    for topic in sorted(ruleset.rules):
        fps = [i.id for i in corpus if topic in got[i.id] and topic not in i.topics]
        misses = [i.id for i in corpus if topic not in got[i.id] and topic in i.topics]
        tp = sum(1 for i in corpus if topic in got[i.id] and topic in i.topics)
        scores.append(TopicScore(topic, tp, len(fps), len(misses), tuple(fps), tuple(misses)))
    return scores


@dataclass(frozen=True)
class ClusterScore:
    precision: float
    recall: float
    f1: float
    events: int
    clusters: int
    split: tuple[str, ...]  # labelled events spread over more than one cluster
    merged: tuple[str, ...]  # clusters holding more than one labelled event


def signatures(ruleset: RuleSet, items: Iterable[Labelled]) -> dict[str, Signature]:
    """The event signature of every item a rule matches (the others never reach an event)."""
    out = {}
    for item in items:
        result = ruleset.match(item.article)
        if result.matches:
            out[item.id] = signature(item.article, result.entities)
    return out


def place(arrivals: Iterable[tuple[str, Signature]]) -> dict[str, str]:
    """Group signatures in arrival order as the pipeline and its store do; id -> cluster.

    An event keeps the earliest day of its members (the store's `events.day`) and its
    members in arrival order, gathered as the service keeps them (bot/events/gathered.py);
    an article sees the events whose day lies in its `candidate_query` (an undated one
    sees them all: in the corpus every event is recent). The event it joins then absorbs
    the events `merges` names, into the oldest of them, as the store does while none of
    them has been alerted (all arrivals come before alerts).
    """
    members: dict[str, Gathered] = {}
    days: dict[str, date | None] = {}
    out: dict[str, str] = {}
    opened = 0
    for key, sig in arrivals:
        span = candidate_query(sig)
        cands = [Candidate(eid, days[eid], tuple(held.members), held)
                 for eid, held in members.items()
                 if span is None or (days[eid] is not None
                                     and span[0] <= cast(date, days[eid]) <= span[1])]
        chosen = assign(sig, cands)
        if chosen is None:
            chosen, opened = f"c{opened:03d}", opened + 1
        members.setdefault(chosen, Gathered()).add(sig)
        days[chosen] = members[chosen].summary.first  # the earliest member's day
        out[key] = chosen
        grown = Candidate(chosen, days[chosen], tuple(members[chosen].members), members[chosen])
        group = sorted({chosen, *merges(grown, [c for c in cands if c.event_id != chosen])})
        survivor = group[0]  # the oldest: ids are opened in order
        for eid in group[1:]:
            for joined in members.pop(eid).members:
                members[survivor].add(joined)
            del days[eid]
            out.update({k: survivor for k, c in out.items() if c == eid})
        days[survivor] = members[survivor].summary.first
    return out


def publication_order(items: Iterable[Labelled]) -> list[Labelled]:
    return sorted(items, key=lambda i: (i.article.published or datetime.min, i.id))


def cluster(ruleset: RuleSet, items: list[Labelled]) -> dict[str, str]:
    """Group matched articles in publication order, as the pipeline does; id -> cluster."""
    sigs = signatures(ruleset, items)
    return place((i.id, sigs[i.id]) for i in publication_order(items) if i.id in sigs)


def score_partition(got: Mapping[str, str], truth: Mapping[str, str]) -> ClusterScore:
    """Pairwise precision/recall of a grouping (id -> cluster) against labels (id -> event)."""
    ids = sorted(i for i in truth if i in got)
    tp = fp = fn = 0
    for a, b in combinations(ids, 2):
        same_truth = truth[a] == truth[b]
        same_got = got[a] == got[b]
        tp += same_truth and same_got
        fp += same_got and not same_truth
        fn += same_truth and not same_got
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = harmonic_f1(precision, recall)
    by_event: dict[str, set[str]] = defaultdict(set)
    by_cluster: dict[str, set[str]] = defaultdict(set)
    for i in ids:
        by_event[truth[i]].add(got[i])
        by_cluster[got[i]].add(truth[i])
    return ClusterScore(precision, recall, f1, len(by_event), len(by_cluster),
                        tuple(sorted(e for e, c in by_event.items() if len(c) > 1)),
                        tuple(sorted("+".join(sorted(e)) for e in by_cluster.values()
                                     if len(e) > 1)))


def score_clusters(ruleset: RuleSet, corpus: list[Labelled]) -> ClusterScore:
    labelled = [i for i in corpus if i.event]
    return score_partition(cluster(ruleset, labelled), {i.id: i.event or "" for i in labelled})


# Arrival orders. Article dates stay as published; only the order the pipeline sees them
# in changes. "event-shuffled": events in publication order of their first report, each
# event's reports in random order (outlets polled at different times). "shuffled": the
# whole corpus in random order (a backfill, a source added late, a feed that lags days).
# "anonymous-first": shuffled, and the entity layer missed the people of whichever report
# of each event arrives first (the order most likely to split an event); its text still
# names them. "nameless-first": that first report names nobody at all ("the two
# ministers"), so nothing but countries, kind, day and wording can place the reports after.
ORDERS = ("event-shuffled", "shuffled", "anonymous-first", "nameless-first")
_STRIPPED = ("anonymous-first", "nameless-first")


def arrival_order(items: Sequence[Labelled], mode: str, seed: int) -> list[Labelled]:
    rng = random.Random(f"{mode}:{seed}")
    if mode == "shuffled" or mode in _STRIPPED:
        out = list(items)
        rng.shuffle(out)
        return out
    if mode == "event-shuffled":
        keys = {i.id: i.article.published.timestamp() if i.article.published else 0.0
                for i in items}
        first: dict[str, float] = {}
        for i in items:
            ev = i.event or i.id
            first[ev] = min(first.get(ev, keys[i.id]), keys[i.id])
        tiebreak = {i.id: rng.random() for i in items}
        return sorted(items, key=lambda i: (first[i.event or i.id], i.event or i.id,
                                            tiebreak[i.id]))
    raise ValueError(f"unknown arrival order {mode!r}; expected one of {ORDERS}")


def arrivals(order: Sequence[Labelled], sigs: Mapping[str, Signature], mode: str,
             ) -> list[tuple[str, Signature]]:
    """(id, signature) in arrival order; for "anonymous-first", the first report of each
    event without its people, for "nameless-first" without its people and names."""
    seen: set[str] = set()
    out = []
    for item in order:
        sig = sigs[item.id]
        event = item.event or item.id
        if mode in _STRIPPED and event not in seen:
            sig = replace(sig, people=frozenset())
            if mode == "nameless-first":
                sig = replace(sig, names=frozenset())
        seen.add(event)
        out.append((item.id, sig))
    return out


@dataclass(frozen=True)
class OrderScores:
    """Clustering quality over many arrival orders of the same articles."""

    mode: str
    scores: tuple[ClusterScore, ...]

    @property
    def orders(self) -> int:
        return len(self.scores)

    def low(self, field: str) -> float:
        return min(float(getattr(s, field)) for s in self.scores)

    def mean(self, field: str) -> float:
        return sum(float(getattr(s, field)) for s in self.scores) / len(self.scores)

    @property
    def orders_split(self) -> int:
        return sum(1 for s in self.scores if s.split)

    @property
    def orders_merged(self) -> int:
        return sum(1 for s in self.scores if s.merged)

    def counts(self, what: str) -> Counter[str]:
        """How many orders split each event (what="split") or merged each set of events."""
        return Counter(e for s in self.scores for e in getattr(s, what))


def score_orders(ruleset: RuleSet, corpus: list[Labelled], mode: str, count: int,
                 ) -> OrderScores:
    """Cluster the labelled events and the matched hard negatives (each its own event,
    a trap to merge into) under `count` seeded arrival orders of kind `mode`."""
    sigs = signatures(ruleset, corpus)
    items = [i for i in corpus if i.id in sigs]
    truth = {i.id: i.event or f"negative:{i.id}" for i in items}
    scores = []
    for seed in range(count):
        order = arrival_order(items, mode, seed)
        scores.append(score_partition(place(arrivals(order, sigs, mode)), truth))
    return OrderScores(mode, tuple(scores))
