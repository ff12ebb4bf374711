"""Quality on the labelled corpus: per-topic precision/recall, pairwise clustering P/R/F1,
and how clustering holds up when the same articles arrive in other orders.

`--orders N` (default 50) seeded orders of each kind in `bench.corpus.ORDERS`; article
dates are kept, only the order the pipeline sees them in changes. An order "splits" when
one labelled event ends in two clusters (two alerts for one event) and "merges" when one
cluster holds two events (an alert hidden in another).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import (
    ORDERS,
    ClusterScore,
    load_corpus,
    place,
    publication_order,
    score_clusters,
    score_orders,
    score_partition,
    score_topics,
    signatures,
)
from bot.config.options import BUNDLED_RULES
from bot.rules import load_ruleset


def _line(name: str, c: ClusterScore) -> str:
    return (f"  {name:<15} P={c.precision:.3f} R={c.recall:.3f} F1={c.f1:.3f} "
            f"({c.events} events -> {c.clusters} clusters)"
            + (f"  split: {', '.join(c.split)}" if c.split else "")
            + (f"  merged: {', '.join(c.merged)}" if c.merged else ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--orders", type=int, default=50, help="seeded orders of each kind")
    args = parser.parse_args()
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

    sigs = signatures(ruleset, corpus)
    matched = [i for i in corpus if i.id in sigs]
    truth = {i.id: i.event or f"negative:{i.id}" for i in matched}
    negatives = sum(1 for i in matched if not i.event)
    print(f"\nclustering by arrival order ({len(matched)} matched articles: the labelled "
          f"events and {negatives} matched hard negatives, each its own event)")
    oldest = publication_order(matched)
    for name, order in (("oldest-first", oldest), ("newest-first", oldest[::-1])):
        print(_line(name, score_partition(place((i.id, sigs[i.id]) for i in order), truth)))
    print(f"  {'orders':<15} {'n':>3} {'P min':>6} {'mean':>6} {'R min':>6} {'mean':>6} "
          f"{'F1 min':>6} {'mean':>6} {'split':>6} {'merged':>6}")
    for mode in ORDERS:
        o = score_orders(ruleset, corpus, mode, args.orders)
        print(f"  {mode:<15} {o.orders:3d} {o.low('precision'):6.3f} {o.mean('precision'):6.3f} "
              f"{o.low('recall'):6.3f} {o.mean('recall'):6.3f} {o.low('f1'):6.3f} "
              f"{o.mean('f1'):6.3f} {o.orders_split:6d} {o.orders_merged:6d}")
        for what in ("split", "merged"):
            for event, n in sorted(o.counts(what).items(), key=lambda kv: (-kv[1], kv[0])):
                print(f"    {what} in {n:2d}/{o.orders}: {event}")


if __name__ == "__main__":
    main()
