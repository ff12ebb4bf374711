"""Quality on the labelled corpus: per-topic precision/recall, pairwise clustering P/R/F1."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import load_corpus, score_clusters, score_topics
from bot.config import BUNDLED_RULES
from bot.rules import load_ruleset


def main() -> None:
    ruleset = load_ruleset(BUNDLED_RULES)
    corpus = load_corpus()
    events = {i.event for i in corpus if i.event}
    print(f"corpus: {len(corpus)} articles, {len(events)} events, "
          f"{sum(1 for i in corpus if not i.event)} hard negatives")
    print(f"{'topic':<20} {'P':>6} {'R':>6}   tp  fp  fn")
    for s in score_topics(ruleset, corpus):
        print(f"{s.topic:<20} {s.precision:6.3f} {s.recall:6.3f}  {s.tp:3d} {s.fp:3d} {s.fn:3d}"
              + (f"   fp: {', '.join(s.false_positives)}" if s.false_positives else "")
              + (f"   missed: {', '.join(s.misses)}" if s.misses else ""))
    c = score_clusters(ruleset, corpus)
    print(f"clustering (pairwise): P={c.precision:.3f} R={c.recall:.3f} F1={c.f1:.3f} "
          f"({c.events} labelled events -> {c.clusters} clusters)")
    if c.split:
        print("  split:", ", ".join(c.split))
    if c.merged:
        print("  merged:", ", ".join(c.merged))


if __name__ == "__main__":
    main()
