"""The default rules on the labelled corpus (tests/corpus): floors under each topic's
precision and recall, under event clustering, recall by language and hard negatives, so
that a rule edit that trades one story type for another shows up here.
`bench/eval_corpus.py` prints the full report.

The dev floors sit a little below what the rules reach on dev, so that one new hard report
does not break the build but a real regression does. The held-out test split is only
scored, never tuned on: its floors are what the rules reached on it when they were last
raised (from the aggregate figures alone), so it guards against a regression too.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.corpus import SPLITS, Labelled, TopicScore, load_corpus, score_clusters, score_topics
from bench.quality import language_recall, micro, negatives_alerted, web_pages, web_verdicts
from bot.rules import RuleSet
from tests.beside import WEB

TOPICS = ("acsa", "bilateral-defence", "india-australia", "india-japan", "india-us",
          "japan-australia", "malabar", "us-japan")
# (precision, recall) floors by topic on the dev split; raise them as the rules improve
# Fresh blind dev batches (fa, fb) lowered the recall floors of bilateral-defence
# 0.95 -> 0.91, japan-australia 0.95 -> 0.87, malabar 0.95 -> 0.93 and us-japan 0.95 -> 0.91;
# raised again (bilateral-defence 0.95, japan-australia 0.93, malabar 0.95, us-japan 0.95)
# when the rules learnt the classes those batches missed (dev 0.988, 0.960, 1.000, 0.978).
# a fresh blind batch (fi) lowered acsa precision 0.97 -> 0.93 (dev 0.932)
# acsa recall 0.91 -> 0.95 when the pact described with the two as its parties counted
# with a word of the forces a few words on, in the next sentence (dev 0.983)
FLOORS = {"acsa": (0.93, 0.95),  # fresh blind batch ff lowered acsa recall 0.97 -> 0.91 (dev 0.918)
          "bilateral-defence": (0.95, 0.95),
          "india-australia": (0.95, 0.95),
          "india-japan": (0.98, 0.95),  # fresh blind batch fv: precision 0.95 -> 0.93 (0.938)
          # fresh blind batch ff: recall 0.95 -> 0.94 (dev 0.947); 0.94 -> 0.97 with arms
          # sales, helicopters and drones as hardware, wire copy's spellings (dev 0.988)
          # fresh blind batches ge, gd: recall 0.97 -> 0.96 (dev 0.967)
          # fresh blind batch gg: recall 0.96 -> 0.94 (dev 0.947)
          # 0.94 -> 0.96 when arms sold between governments and two-navy Malabars read
          # as the pair's (dev 0.986)
          "india-us": (0.95, 0.96),
          "japan-australia": (0.95, 0.89),
          "malabar": (0.93, 0.95),  # fresh blind batches fr, fo: precision 0.95 -> 0.93 (0.938)
          # us-japan recall 0.92 -> 0.95 when two ministers who met apart from a forum's
          # crowd and port calls told as arrivals were read (dev 0.988)
          "us-japan": (0.97, 0.95)}  # fresh blind batch fc lowered us-japan recall 0.95 -> 0.88;
# up to 0.93 when wrapped lines and states named in passing stopped hiding pairs (0.941)
# a fresh blind batch (fd) lowered japan-australia recall 0.93 -> 0.92 (dev 0.927)
# the rest of batch fc (fc06-fc15) lowered the recall of japan-australia 0.92 -> 0.87 and
# us-japan 0.93 -> 0.91 (dev 0.879, 0.915); japan-australia back to 0.92 when Japanese
# pair words (日豪防衛相, 両国) held (0.924); us-japan back to 0.95 when the rules learnt
# batch fc's classes (combined training, a state's forces, Japanese venues, tours) (0.972)
# a fresh blind batch (fe01-fe07) lowered us-japan recall 0.95 -> 0.93 (dev 0.935)
# the rest of batch fe lowered japan-australia recall 0.92 -> 0.89 (dev 0.895)
# the rest of batch fe (fe12: a Japan-UK drill read as US-Japan) with the negatives of
# batches fo, fr lowered us-japan precision 0.95 -> 0.94 (dev 0.946)
# a fresh blind batch (fg) lowered us-japan recall 0.93 -> 0.92 (dev 0.925)
# precision of india-japan 0.93 -> 0.98, us-japan 0.94 -> 0.97 when states met across a
# table of three or more and two members of a group exercise stopped making pairs
# (dev 1.000, 0.982 with the ninth fresh blind batch)
# fresh blind dev batches (fa, fb) lowered it to 0.947; grouping 0.988. 0.98 -> 0.975 when
# the rules found more of batch fc (analyses whose lead names another pair group apart);
# 0.975 -> 0.965 with the rest of batch fc (dev 0.969)
# a fresh blind batch (fe01-fe07) lowered it 0.965 -> 0.96 (dev 0.963); the rules reading
# the pair's act below the top add splits of their own (a month's round-up a week after
# the signing, a summit story whose lead pairs two others): 0.96 -> 0.955 with batch ff
# (dev 0.959; 0.958 with the rest of batch fe); 0.955 -> 0.965 when reports naming one
# exercise, and no other, needed one country in common, not the pair (dev 0.968)
# a fresh blind batch (fg) lowered it 0.965 -> 0.955 (dev 0.961: fg01 merged with h01)
# 0.955 -> 0.965 when an anniversary statement stayed apart from the meeting days before
# it and background of an earlier year stopped telling a report's kind (dev 0.972)
# 0.965 -> 0.97 when two reports that tell no kind joined on the pair and the day, and a
# signed repair arrangement joined the report of the repairs (dev 0.981 with batch fj)
# the eighth fresh blind batch (fk, fl) lowered it 0.97 -> 0.96 (dev 0.966: 10 of its 23
# events split, two merged with events of the same pair two and three weeks away)
# 0.96 -> 0.97 when port calls read as such, approvals outscored the drills they allow,
# drills were told apart by their exercises (not pacts or habits) and nameless drill
# reports three days apart joined (dev 0.979)
# the ninth fresh blind batch (ga, gb) lowered dev to 0.975 (a summit merged with the
# month's air drill); 0.97 -> 0.98 when a report was of the drill it leads with and a
# start joined the announcement days before it (dev 0.983)
# 0.98 -> 0.985 when a drill's later days and end, told without its name or anyone's, joined
# it up to a week after it began, and a port call the drill after it (dev 0.987)
# fresh blind batch gf (Marathi outlets' styles, 4 of 14 events split): 0.985 -> 0.98 (0.982);
# so is gd04-3, a numbered bulletin's port call and passage exercise read since: its kind
# is read from the whole page (a debate in parliament, its first item), so it groups
# apart from its event
# (dev 0.986 with gf, before gd04-3 was read, when talks going on or in the news cast no
# meeting vote, a minister's tour of a visiting ship was its port call and an analysis days
# on joined by the day it tells its act: 16 events split, 21 before; the floor stays 0.98)
CLUSTER_F1_FLOOR = 0.98
# reports of each language that get every gold topic
# fresh blind dev batches (fa, fb) lowered en 0.96 -> 0.92, hi 0.90 -> 0.84,
# ja 0.93 -> 0.90 and mr 0.90 -> 0.85
# Hindi and Marathi back up to 0.96 when their acts, exercises, names and runs of states
# were filled in (dev hi 53 of 53, mr 49 of 49); English and Japanese back up to 0.96 when
# the rules learnt the classes the batches missed (dev en 0.981, ja 1.000)
# a fresh blind batch (fc) lowered en 0.96 -> 0.94, one (fd) ja 0.96 -> 0.94 (dev 0.949);
# en back to 0.96 with wrapped lines and states named in passing (dev en 0.978); the rest
# of batch fc lowered en 0.96 -> 0.94 and ja 0.94 -> 0.92 (dev 0.945, 0.921); ja back to
# 0.96 with Japanese pair words (0.984), en with batch fc's classes learnt (0.972)
# a fresh blind batch (fe01-fe07) lowered en 0.96 -> 0.94 (dev 0.948), its rest to 0.93 (0.936)
# a fresh blind batch (ff) lowered mr 0.96 -> 0.91 (dev 0.915)
# a fresh blind batch (fi) lowered ja 0.96 -> 0.95 (dev 0.959)
# mr 0.91 -> 0.95 when "both countries" read the pair their paragraph or the news after
# the background names, and a described pact its forces in the next sentence (dev 0.978);
# 0.95 -> 0.96 when "this warship" was the story's ship and "the first since the war" news
# (dev 0.986); 0.96 -> 0.98 with Marathi and Hindi wire copy's spellings, arms sold by one
# government to another, a negation read as a word of its own (dev 0.989, fresh ga mr 26/26)
# en back to 0.96 when services named without their state, a watched pair read as its pair
# rule reads it, "exercised with X" and headlines' circumstance clauses were learnt (0.985)
# hi 0.96 -> 0.98 when Hindi and Marathi learnt their classes from a matrix of written
# variants (forces without their state, exercises in Devanagari, acts told as done in
# other verbs) and a pair headline over a lead of others' news (dev hi 0.993 with the
# tenth fresh batch)
# fresh blind batches ge, gd (Marathi in many outlets' styles): mr 0.98 -> 0.96 (0.969);
# gf (40 Marathi reports in a dozen outlets' styles, 7 incomplete) 0.96 -> 0.94 (0.948)
# mr 0.94 -> 0.95 when a page's lead was read below its labels, bylines and captions, a
# live page's items on their own and an explainer's question over an answered act (dev
# 0.963 with the fresh batch gg)
# mr 0.95 -> 0.97 when guards read the news after a column's turn from its background, a
# two-navy Malabar was the pair's and arms bought from a government were a pact (0.978)
LANGUAGE_RECALL_FLOORS = {"en": 0.96, "hi": 0.98, "ja": 0.95, "mr": 0.97}
LANGUAGE_RECALL_FLOOR = 0.90  # a language without a floor of its own
# a fresh blind batch (ft, ja/hi/mr negatives) raised it 2 -> 4 (ft01, ft03 alerted)
# a fresh blind batch (fs01-fs70, en negatives) raised it 4 -> 18 (14 of its 70 alerted)
# the rest of the ft batch raised it 18 -> 21 (ft14: Malabar the coast; ft39, ft59: opinion
# pieces that only propose cooperation)
# false alarms fixed by class (wishes, regions, opinion pages, obituaries, datelines,
# racehorses) lowered it 21 -> 13
# a fresh blind batch (fv) raised it: 34 of its negatives (10 alerted) 13 -> 23; all 60
# (19 alerted) 23 -> 32
# false alarms fixed by class (denials and calls-off, op-ed bylines, reviews, crowds in the
# headline, protests, audits, places named like pacts, question headlines) lowered it 32 -> 10
# a fresh blind batch (fw, 60 negatives: 3 alerted) raised it 10 -> 12; places near a
# state, private firms, habits, town governments and narrower bylines lowered it 12 -> 7
# questions put and cases argued without a modal, names used for a brand or a place,
# schools and firms of two states and tops naming states only as private people lowered
# it 7 -> 1 (fw39, a treaty's anniversary, left)
# a fresh blind batch (fy, 80 negatives in four languages: 9 alerted) raised it 7 -> 16
# a headline's question clause, an op-ed headline's "time to ...", an idiom of distance
# and a ship named after the Malabar coast (fy47, fy56, fy63, fy79, fw45) lowered it 16 -> 11;
# with the classes above and fy's other classes closed (put off, time-to and speculation,
# board games, growth over the past decades, a look back at a first edition), 1 (fw39)
# the anniversary class and the ninth batch's closed it 1 -> 0; the tenth fresh blind batch
# (gz, 30 negatives in four languages: 1 alerted) raised it 0 -> 1; "each other" of a group
# no longer says two met as two, and concern voiced "serious" or "grave" sets two apart:
# gz05 (a Quad commentary) quiet, 1 -> 0; fresh blind batches gw, gx (56 negatives: 1
# alerted) raised it 0 -> 1 (gw05); a headline's "No joint patrols with US" read as a
# denial quiets gw05, 1 -> 0; fresh blind batch gu (20 negatives) raised it 0 -> 1 (gu15);
# one side refusing the act ("declined a meeting proposed by the United States") is a
# denial: gu15 quiet, 1 -> 0; fresh blind batch gq (24 negatives in four languages) raised
# it 0 -> 1 (gq11: a visit called off whose talks would have covered the agreement); a
# headline heading for a delay (延期へ) and a plan told in the past (予定だった, होनी थी,
# होणार होती, "were due to") name no parties: gq11 quiet, 1 -> 0
NEGATIVES_ALERTED_MAX = 0
# the ninth fresh blind batch (fz, gy: 120 held-out-like negatives, 4 alerted) raised it
# 1 -> 5 before anyone tuned on it; anniversaries counted without the word, concern voiced
# over another's drills, a title defence, "remembering ... years later", an obituary: 0
# fresh blind batches fr (ja/hi/mr, 60: 5 alerted), fo (en, 70: 5)
# raised it to 10; their classes learnt (a budget, 在日米軍, territory, a complaint, an
# acronym's long form anywhere, Malabar the place, a tax treaty, a counted group): 10 -> 2
# raised it 0 -> 2 -> 7 -> 10; a fresh blind batch of 60 (2 alerted) brought back to 0 by the rules
# a fresh blind batch of 70 (fm, 6 alerted) raised it 0 -> 6; its classes closed: back to 0
# The held-out split: floors under what the rules reached there when last measured.
# Micro F1, language recall and the negatives were lowered when fresh batches (38 events
# and 50 hard negatives in all), never measured before, joined the split (the rules did
# not change): micro F1 0.917 -> 0.891, lowest language recall 0.700 -> 0.650,
# negatives alerted 3 of 89 -> 8 of 139.
# Raised after the acsa rule learnt the agreement's other names and wordings (tuned on
# dev only): micro F1 0.891 -> 0.903, acsa 0.682 -> 0.906, lowest language recall 0.725.
# With the rules that keep history, other meanings and other fields out (dev hard
# negatives 7 of 84 -> 0 of 122): held out, negatives alerted 8 -> 7 and precision up, but
# us-japan F1 0.844 -> 0.825 (one report fewer); micro F1 0.902 after the grouping change.
# Raised when parties named across a story began to count (micro F1 0.929, lowest
# language recall 0.816); clustering 0.932, under the 0.94 of before: reports matched for
# the first time that share no name the grouping sees with the rest of their event open
# clusters of their own, so more recall shows as more splits.
# Clustering raised when a nameless report whose kind is untold joined the pair's event of
# its day, and port calls and parliaments' approvals became kinds (0.932 -> 0.975).
TEST_MICRO_F1_FLOOR = 0.92
TEST_TOPIC_F1_FLOOR = 0.82
TEST_CLUSTER_F1_FLOOR = 0.96
TEST_LANGUAGE_RECALL_FLOOR = 0.80
TEST_NEGATIVES_ALERTED_MAX: int | None = 4  # 7 -> 6 with the dev classes closed (bases,
# private people, acronyms spelled other ways, runs joined by a third state); 4 -> 2 after
# the precision variants' classes (a body an acronym names, a headline leaving office,
# acts set beside the news) were closed on written variants and dev only; 2 -> 3 when the
# third growth step (60 negatives written blind, pre-registered) joined: 1 of them alerts
# 3 -> 4 when the fifth growth step (32 negatives written blind, pre-registered) joined: 1
# of them alerts
# Real web pages, none of them news of a bilateral defence statement.
WEB_ALERTS_MAX = 0


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


def test_the_corpus_is_labelled_with_the_pack_topics(corpus: list[Labelled],
                                                     held_out: list[Labelled]) -> None:
    assert len(corpus) >= 100
    both = corpus + held_out
    assert len({i.id for i in both}) == len(both), "article ids are unique across splits"
    unknown = {t for i in both for t in i.topics} - set(TOPICS)
    assert not unknown, f"labels that are no rule id: {sorted(unknown)}"
    events = {i.event for i in corpus if i.event} & {i.event for i in held_out if i.event}
    assert not events, f"events in both splits: {sorted(events)}"


def test_a_missing_split_is_empty(tmp_path: Path) -> None:
    assert all(load_corpus(root=tmp_path, split=s) == [] for s in SPLITS)


def test_every_topic_is_scored(scores: dict[str, TopicScore]) -> None:
    assert set(scores) == set(TOPICS)
    assert all(s.tp + s.fn >= 5 for s in scores.values()), _report(scores)


@pytest.mark.parametrize("topic", TOPICS)
def test_topic_precision_and_recall(scores: dict[str, TopicScore], topic: str) -> None:
    s = scores[topic]
    precision_floor, recall_floor = FLOORS[topic]
    assert s.precision >= precision_floor, f"{topic} precision fell\n{_report(scores)}"
    assert s.recall >= recall_floor, f"{topic} recall fell\n{_report(scores)}"


def test_event_clustering(ruleset: RuleSet, corpus: list[Labelled]) -> None:
    c = score_clusters(ruleset, corpus)
    assert c.f1 >= CLUSTER_F1_FLOOR, (
        f"clustering P={c.precision:.3f} R={c.recall:.3f} F1={c.f1:.3f} "
        f"({c.events} events -> {c.clusters} clusters); split: {', '.join(c.split) or '-'}; "
        f"merged: {', '.join(c.merged) or '-'}")


def test_every_language_gets_its_topics(ruleset: RuleSet, corpus: list[Labelled]) -> None:
    low = {lr.lang: (round(lr.recall, 3), lr.incomplete)
           for lr in language_recall(ruleset, corpus)
           if lr.recall < LANGUAGE_RECALL_FLOORS.get(lr.lang, LANGUAGE_RECALL_FLOOR)}
    assert not low, low


def test_hard_negatives_stay_quiet(ruleset: RuleSet, corpus: list[Labelled]) -> None:
    alerted = negatives_alerted(ruleset, corpus)
    assert len(alerted) <= NEGATIVES_ALERTED_MAX, alerted


def test_the_held_out_split_holds_its_floors(ruleset: RuleSet,
                                             held_out: list[Labelled]) -> None:
    """Aggregates only: a failure says which figure fell, never which report."""
    if not held_out:
        pytest.skip("the held-out split is empty")
    scores = score_topics(ruleset, held_out)
    figures = {"micro F1": micro(scores).f1,
               "lowest topic F1": min((s.f1 for s in scores if s.tp + s.fn), default=1.0),
               "clustering F1": score_clusters(ruleset, held_out).f1,
               "lowest language recall": min(
                   (lr.recall for lr in language_recall(ruleset, held_out)), default=1.0)}
    floors = {"micro F1": TEST_MICRO_F1_FLOOR, "lowest topic F1": TEST_TOPIC_F1_FLOOR,
              "clustering F1": TEST_CLUSTER_F1_FLOOR,
              "lowest language recall": TEST_LANGUAGE_RECALL_FLOOR}
    fell = {k: round(v, 3) for k, v in figures.items() if v < floors[k]}
    assert not fell, f"held-out figures below their floors {floors}: {fell}"
    if TEST_NEGATIVES_ALERTED_MAX is not None:
        alerted = len(negatives_alerted(ruleset, held_out))
        assert alerted <= TEST_NEGATIVES_ALERTED_MAX, f"{alerted} held-out negatives alerted"


def test_real_web_pages_stay_quiet(ruleset: RuleSet) -> None:
    pages = web_pages(WEB)
    if not pages:
        pytest.skip(f"no real web pages at {WEB}")
    alerted = {v.name: v.rules for v in web_verdicts(ruleset, pages) if v.rules}
    assert len(alerted) <= WEB_ALERTS_MAX, alerted
