"""Quality on the labelled corpus, each split on its own: per-topic precision/recall/F1,
micro F1, recall by language (reports that get every gold topic), hard negatives alerted,
pairwise clustering P/R/F1 and how it holds up when the same articles arrive in other
orders; then false alarms on a folder of real web pages, when there is one.

The `dev` split is what the rules are tuned on, and it is reported item by item. The
`test` split is held out: only its aggregate figures are printed, never which report
failed, so that nobody tunes on it by accident.

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
    SPLITS,
    ClusterScore,
    Labelled,
    Split,
    load_corpus,
    place,
    publication_order,
    score_clusters,
    score_orders,
    score_partition,
    score_topics,
    signatures,
)
from bench.quality import language_recall, micro, negatives_alerted, web_pages, web_verdicts
from bot.config.options import BUNDLED_RULES
from bot.rules import RuleSet, load_ruleset
from tests.beside import WEB


def _names(names: tuple[str, ...] | list[str], shown: bool) -> str:
    return ", ".join(names) if shown else f"{len(names)} (held out: not named)"


def _line(name: str, c: ClusterScore, shown: bool) -> str:
    return (f"  {name:<15} P={c.precision:.3f} R={c.recall:.3f} F1={c.f1:.3f} "
            f"({c.events} events -> {c.clusters} clusters)"
            + (f"  split: {_names(c.split, shown)}" if c.split else "")
            + (f"  merged: {_names(c.merged, shown)}" if c.merged else ""))


def report_split(ruleset: RuleSet, corpus: list[Labelled], split: Split, orders: int) -> None:
    shown = split == "dev"
    events = {i.event for i in corpus if i.event}
    print(f"\n== {split} split: {len(corpus)} articles, {len(events)} events, "
          f"{sum(1 for i in corpus if not i.event)} hard negatives")
    if not corpus:
        return
    scores = score_topics(ruleset, corpus)
    print(f"{'topic':<20} {'P':>6} {'R':>6} {'F1':>6}   tp  fp  fn")
    for s in scores:
        print(f"{s.topic:<20} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}  "
              f"{s.tp:3d} {s.fp:3d} {s.fn:3d}"
              + (f"   fp: {_names(s.false_positives, shown)}" if s.false_positives else "")
              + (f"   missed: {_names(s.misses, shown)}" if s.misses else ""))
    m = micro(scores)
    print(f"{'micro':<20} {m.precision:6.3f} {m.recall:6.3f} {m.f1:6.3f}  "
          f"{m.tp:3d} {m.fp:3d} {m.fn:3d}")
    print("recall with every gold topic, by language:")
    for lr in language_recall(ruleset, corpus):
        print(f"  {lr.lang:<4} {lr.recall:6.3f}  ({lr.complete} of {lr.reports})"
              + (f"   incomplete: {_names(lr.incomplete, shown)}" if lr.incomplete else ""))
    alerted = negatives_alerted(ruleset, corpus)
    print(f"hard negatives alerted: {len(alerted)} of {sum(1 for i in corpus if not i.event)}"
          + (f"   {_names(alerted, shown)}" if alerted else ""))
    c = score_clusters(ruleset, corpus)
    print(f"clustering (pairwise): P={c.precision:.3f} R={c.recall:.3f} F1={c.f1:.3f} "
          f"({c.events} labelled events -> {c.clusters} clusters)")
    if c.split:
        print("  split:", _names(c.split, shown))
    if c.merged:
        print("  merged:", _names(c.merged, shown))
    if orders:
        report_orders(ruleset, corpus, orders, shown)


def report_orders(ruleset: RuleSet, corpus: list[Labelled], orders: int, shown: bool) -> None:
    sigs = signatures(ruleset, corpus)
    matched = [i for i in corpus if i.id in sigs]
    truth = {i.id: i.event or f"negative:{i.id}" for i in matched}
    negatives = sum(1 for i in matched if not i.event)
    print(f"clustering by arrival order ({len(matched)} matched articles: the labelled "
          f"events and {negatives} matched hard negatives, each its own event)")
    oldest = publication_order(matched)
    for name, order in (("oldest-first", oldest), ("newest-first", oldest[::-1])):
        print(_line(name, score_partition(place((i.id, sigs[i.id]) for i in order), truth),
                    shown))
    print(f"  {'orders':<15} {'n':>3} {'P min':>6} {'mean':>6} {'R min':>6} {'mean':>6} "
          f"{'F1 min':>6} {'mean':>6} {'split':>6} {'merged':>6}")
    for mode in ORDERS:
        o = score_orders(ruleset, corpus, mode, orders)
        print(f"  {mode:<15} {o.orders:3d} {o.low('precision'):6.3f} {o.mean('precision'):6.3f} "
              f"{o.low('recall'):6.3f} {o.mean('recall'):6.3f} {o.low('f1'):6.3f} "
              f"{o.mean('f1'):6.3f} {o.orders_split:6d} {o.orders_merged:6d}")
        if shown:
            for what in ("split", "merged"):
                for event, n in sorted(o.counts(what).items(), key=lambda kv: (-kv[1], kv[0])):
                    print(f"    {what} in {n:2d}/{o.orders}: {event}")


def report_web(ruleset: RuleSet, folder: Path) -> None:
    pages = web_pages(folder)
    if not pages:
        print(f"\n== real web pages: none at {folder} (skipped)")
        return
    verdicts = web_verdicts(ruleset, pages)
    alerted = [v for v in verdicts if v.rules]
    print(f"\n== real web pages: {len(alerted)} of {len(verdicts)} alerted "
          f"({sum(1 for v in verdicts if v.extracted)} reached the rules)")
    for v in alerted:
        print(f"  {v.name}: {', '.join(v.rules)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--orders", type=int, default=50, help="seeded orders of each kind")
    parser.add_argument("--split", choices=(*SPLITS, "all"), default="all")
    parser.add_argument("--web", type=Path, default=WEB,
                        help="a folder of real web pages (*.html), none of them news of a "
                             "bilateral defence statement")
    args = parser.parse_args()
    ruleset = load_ruleset(BUNDLED_RULES)
    for split in SPLITS:
        if args.split in (split, "all"):
            report_split(ruleset, load_corpus(split=split), split, args.orders)
    report_web(ruleset, args.web)


if __name__ == "__main__":
    main()
