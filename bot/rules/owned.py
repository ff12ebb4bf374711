"""One state's own item beside a pair's: the sentence of the top that tells what one state
did with its own forces ("The Indian Navy commissioned a submarine the same day",
"Separately, Japan's army test-fired a missile", उसी दिन नौसेना में नई पनडुब्बी शामिल हुई,
a ticker's "Navy commissions new submarine") while another sentence of the top names two
states acting together. A reader takes the pair's act to be about defence only when
something said of the pair is: the word of the forces in another state's own story is
that story's, so the rules do not lend it to the pair (bot/rules/environment.py reads
the defence words of the top without those sentences).

A sentence is such an item when it names at most one state, says nothing that ties it to
another (no "with", "both", "joint", "counterpart", साथ, सोबत, 両国, 共同, 会談), and is set
apart as news of its own: an item of a ticker or a briefs column (after a bar or a
bullet), a sentence that says it is told beside the news ("separately", "meanwhile", "the
same day", इस बीच, त्याच दिवशी, 一方, 同じ日), or one that names its one state and tells no
act a pair does (no talks, visit, pact or drill: a commissioning, a test, a delivery).
A sentence naming no state and set apart by nothing continues the pair's story ("The
defence ministers also agreed ..."), and keeps its words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from bot.rules.evaluate import RawHit
from bot.rules.partytypes import Scanned

__all__ = ["FORCES_GROUPS", "OWNED_GROUPS", "outside", "own_items"]

# the groups whose words an own item keeps to itself: the words of the forces, their
# equipment and its delivery ("the RAAF received its first upgraded fighter")
OWNED_GROUPS = frozenset(("defence", "hardware", "handover"))
# the words of the forces themselves: a pair's sentence holding one is told of the forces
# (a verb of delivery, मिळणारी, is not: data "received from satellites")
FORCES_GROUPS = frozenset(("defence", "hardware"))

# told beside the news: anywhere in the sentence ("The Indian Navy commissioned a
# submarine the same day")
_APART = re.compile(
    r"\b(?:separately|meanwhile|in other news|elsewhere|(?:on )?the same day|that same day|"
    r"that day|for (?:its|his|her) part)\b"
    r"|इस बीच|इसी बीच|उधर|दूसरी ओर|(?:इसी|उसी) दिन|वहीं दूसरी"
    r"|दरम्यान|दुसरीकडे|(?:त्याच|याच) दिवशी|याशिवाय"
    r"|一方|同じ日|同日|これとは別に|別途",
    re.IGNORECASE)
# what ties a sentence to a state besides its own: a partner, the pair, a meeting
_TIES = re.compile(
    r"\b(?:with|alongside|both|bilateral|joint|jointly|together|counterparts?|each other|"
    r"two countries|two sides|two navies|two armies|two nations|allies|partners?|their)\b"
    r"|दोनों|द्विपक्षीय|संयुक्त|साथ|समकक्ष|मिलकर|एक-दूसरे|दोन्ही|सोबत|बरोबर|मिळून|एकत्र"
    r"|परस्पर|यांच्यात|यांच्यातील|के बीच"
    # a part taken in the pair's act (a facts box: "भारतीय सहभाग: ...", 参加艦艇)
    r"|\b(?:took part|taking part|takes part|participat\w*)\b|सहभाग|हिस्सा|भाग (?:लिया|ले|घेत)"
    r"|参加|両国|両氏|両政府|両軍|両首脳|両者|共同|合同|二国間|相互|会談|協議|交え|と(?:の)?訓練"
    # who was present at or witnessed the act the sentence before tells ("संरक्षणमंत्री
    # राजनाथ सिंह उपस्थित होते", "the two ministers looked on")
    r"|\b(?:was present|were present|looked on|witnessed)\b|उपस्थित|मौजूद|हजर|साक्षीने"
    r"|立ち会|同席",
    re.IGNORECASE)
_BARS = frozenset("|•▪")
# an item of a ticker or a briefs column: a bar, a bullet or a mark before it
_ITEM_BEFORE = re.compile(r"[|•▪▼▽◆◇■□●▲△★☆]\s*$")
# a line of facts ("ठिकाण: ...", "Venue: ..."): a facet of the story the top tells
_FACT = re.compile(r"\s*[-–•*]?\s*(?:\S+\s+){0,2}\S+\s*[:：]")
_ITEM_START = re.compile(r"\s*(?:[•▪▼▽◆◇■□●▲△★☆]"
                         r"|[0-9\u0966-\u096f]{1,2}[.:)][0-9\u0966-\u096f]*\s)")


# where a sentence holds two clauses of two stories: a semicolon, "while", "whereas",
# वहीं, जबकि, तर, मात्र, 一方 ("India and Japan signed a pact on post; the Indian Navy
# commissioned a submarine", "... पर हस्ताक्षर किए, वहीं नौसेना में ...")
_CLAUSE = re.compile(r";\s|,\s+(?:while|whereas)\s|,\s+(?:वहीं|जबकि|तर|मात्र)\s|、一方")


def own_items(scan: Scanned, acts: Sequence[int], *, clauses: bool = False
              ) -> list[tuple[int, int]]:
    """Spans of `scan.read().text` that are one state's own items: whole sentences (of a
    title or a lead), or clauses of a sentence that holds two stories (`clauses`: only
    those, as in a body, whose sentences are read in pair() one by one). The caller asks
    only when a sentence or clause of the top names two states acting together.
    `acts`: where the hits of an act a pair does begin."""
    text = scan.read().text
    named: list[tuple[int, str]] = []
    for atom, hits in scan.by_atom.items():
        country = scan.countries[atom] if atom < len(scan.countries) else None
        if country is not None:
            named.extend((scan.read_span(h)[0], country) for h in hits)
    starts = scan.read_starts()
    out = []
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(text)
        cuts = [start, *(m.start() for m in _CLAUSE.finditer(text, start, end)), end]
        if clauses and len(cuts) == 2:
            continue
        for a, b in pairwise(cuts):
            if _own(scan, (a, b), len({c for at, c in named if a <= at < b}),
                    any(a <= at < b for at in acts), first=i == 0 and a == start):
                out.append((a, b))
    return out


def _own(scan: Scanned, span: tuple[int, int], count: int, acts: bool, *,
         first: bool) -> bool:
    """Whether a sentence or clause naming `count` states is one state's own item."""
    text = scan.read().text
    a, b = span
    part = text[a:b]
    if count > 1 or _TIES.search(part):
        return False
    item = ((not first and _ITEM_BEFORE.search(text, 0, a) is not None)
            or _ITEM_START.match(part) is not None or part.rstrip()[-1:] in _BARS)
    # with nothing to set it apart, a sentence naming one state and no act of a pair
    # is that state's story ("Japan's Ground Self-Defense Force test-fired a missile"),
    # and so is a headline's naming none ("Navy commissions new submarine")
    alone = count == 1 or (count == 0 and scan.scope == "title")
    return bool(item or _APART.search(part)
                or (alone and not acts and not _FACT.match(part)))


def outside(scan: Scanned, hits: list[RawHit], items: list[tuple[int, int]]) -> list[RawHit]:
    """The hits that lie outside the own items."""
    if not items:
        return hits
    return [h for h in hits
            if not any(a <= scan.read_span(h)[0] < b for a, b in items)]
