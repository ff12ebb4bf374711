"""The default rules on the labelled corpus (tests/corpus): a floor under each topic's
precision and recall and under event clustering, so that a rule edit that trades one
story type for another shows up here. `bench/eval_corpus.py` prints the full report.

The floors sit a little below what the rules reach (every topic 1.00 when written), so
that one new hard article does not break the build, but a real regression does.
"""

from __future__ import annotations

import pytest

from bench.corpus import Labelled, TopicScore, score_clusters, score_topics
from bot.rules import RuleSet

TOPICS = ("acsa", "bilateral-defence", "india-australia", "india-japan", "india-us",
          "japan-australia", "malabar", "us-japan")
PRECISION_FLOOR = 0.95
RECALL_FLOOR = 0.95
CLUSTER_F1_FLOOR = 0.95


@pytest.fixture(scope="module")
def scores(ruleset: RuleSet, corpus: list[Labelled]) -> dict[str, TopicScore]:
    return {s.topic: s for s in score_topics(ruleset, corpus)}


def _report(scores: dict[str, TopicScore]) -> str:
    lines = [f"{'topic':<20} {'P':>6} {'R':>6}   tp  fp  fn"]
    for s in scores.values():
        lines.append(f"{s.topic:<20} {s.precision:6.3f} {s.recall:6.3f}  {s.tp:3d} {s.fp:3d} "
                     f"{s.fn:3d}"
                     + (f"   fp: {', '.join(s.false_positives)}" if s.false_positives else "")
                     + (f"   missed: {', '.join(s.misses)}" if s.misses else ""))
    return "\n".join(lines)


def test_the_corpus_is_labelled_with_the_pack_topics(corpus: list[Labelled]) -> None:
    assert len(corpus) >= 100
    assert len({i.id for i in corpus}) == len(corpus), "article ids are unique"
    unknown = {t for i in corpus for t in i.topics} - set(TOPICS)
    assert not unknown, f"labels that are no rule id: {sorted(unknown)}"


def test_every_topic_is_scored(scores: dict[str, TopicScore]) -> None:
    assert set(scores) == set(TOPICS)
    assert all(s.tp + s.fn >= 5 for s in scores.values()), _report(scores)


@pytest.mark.parametrize("topic", TOPICS)
def test_topic_precision_and_recall(scores: dict[str, TopicScore], topic: str) -> None:
    s = scores[topic]
    assert s.precision >= PRECISION_FLOOR, f"{topic} precision fell\n{_report(scores)}"
    assert s.recall >= RECALL_FLOOR, f"{topic} recall fell\n{_report(scores)}"


def test_event_clustering(ruleset: RuleSet, corpus: list[Labelled]) -> None:
    c = score_clusters(ruleset, corpus)
    assert c.f1 >= CLUSTER_F1_FLOOR, (
        f"clustering P={c.precision:.3f} R={c.recall:.3f} F1={c.f1:.3f} "
        f"({c.events} events -> {c.clusters} clusters); split: {', '.join(c.split) or '-'}; "
        f"merged: {', '.join(c.merged) or '-'}")
