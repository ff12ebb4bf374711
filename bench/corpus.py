"""The labelled evaluation corpus in tests/corpus: loading and scoring, shared by the
quality report (bench/eval_corpus.py) and the tests that hold its floor."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from itertools import combinations
from pathlib import Path

from bot.events import Candidate, Signature, assign, candidate_query, signature
from bot.rules import RuleSet
from bot.yamlfile import load_yaml, plain
from watchers.models import Article

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "corpus"


@dataclass(frozen=True)
class Labelled:
    id: str
    event: str | None  # None for the hard negatives
    topics: frozenset[str]
    article: Article


def load_corpus(root: Path = CORPUS) -> list[Labelled]:
    out: list[Labelled] = []
    for folder in ("events", "negatives"):
        for path in sorted((root / folder).glob("*.yaml")):
            doc = plain(load_yaml(path))
            for a in doc["articles"]:
                text = a["text"].strip()
                published = a.get("published")
                when = (published if isinstance(published, datetime)
                        else datetime.fromisoformat(str(published)) if published else None)
                article = Article(
                    url=f"https://corpus.invalid/{a['id']}", title=a["title"], text=text,
                    source_id=a["outlet"], outlet=a["outlet"],
                    authority=a.get("authority", "media"), published=when,
                    paragraphs=tuple(p.strip() for p in text.split("\n\n") if p.strip()))
                out.append(Labelled(id=a["id"], event=doc.get("event"),
                                    topics=frozenset(a.get("topics") or ()), article=article))
    return out


@dataclass(frozen=True)
class TopicScore:
    topic: str
    tp: int
    fp: int
    fn: int
    false_positives: tuple[str, ...]
    misses: tuple[str, ...]

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


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


def cluster(ruleset: RuleSet, items: list[Labelled]) -> dict[str, str]:
    """Group matched articles in publication order, as the pipeline does; id -> cluster."""
    ordered = sorted(items, key=lambda i: (i.article.published or datetime.min, i.id))
    members: dict[str, list[Signature]] = defaultdict(list)
    days: dict[str, object] = {}
    out: dict[str, str] = {}
    for item in ordered:
        result = ruleset.match(item.article)
        if not result.matches:
            continue
        sig = signature(item.article, result.entities)
        span = candidate_query(sig)
        cands = [Candidate(eid, sigs[0].day, tuple(sigs)) for eid, sigs in members.items()
                 if span is None or (sigs[0].day is not None and span[0] <= sigs[0].day <= span[1])]
        chosen = assign(sig, cands) or f"c{len(members)}"
        members[chosen].append(sig)
        days.setdefault(chosen, sig.day)
        out[item.id] = chosen
    return out


def score_clusters(ruleset: RuleSet, corpus: list[Labelled]) -> ClusterScore:
    labelled = [i for i in corpus if i.event]
    got = cluster(ruleset, labelled)
    ids = [i for i in labelled if i.id in got]
    truth = {i.id: i.event for i in ids}
    tp = fp = fn = 0
    for a, b in combinations(ids, 2):
        same_truth = truth[a.id] == truth[b.id]
        same_got = got[a.id] == got[b.id]
        tp += same_truth and same_got
        fp += same_got and not same_truth
        fn += same_truth and not same_got
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    by_event: dict[str, set[str]] = defaultdict(set)
    by_cluster: dict[str, set[str]] = defaultdict(set)
    for i in ids:
        by_event[truth[i.id] or ""].add(got[i.id])
        by_cluster[got[i.id]].add(truth[i.id] or "")
    return ClusterScore(precision, recall, f1, len(by_event), len(by_cluster),
                        tuple(sorted(e for e, c in by_event.items() if len(c) > 1)),
                        tuple(sorted("+".join(sorted(e)) for e in by_cluster.values()
                                     if len(e) > 1)))
