"""The pair that "both countries" stands for, read from around the sentence: the pair an
earlier sentence of its paragraph names, else the two states its news names after the
backdrop (bot/rules/parties.py asks before it falls back on the top's pair or one state).

A report often opens on the background of its news and only then turns to it: China's
submarines in the Indian Ocean and Pakistan's new warships, then "या पार्श्वभूमीवर"
(against this background) a US aircraft refuelled at an Indian base "under the two
countries' agreement"; "इस पृष्ठभूमि में", "Against this backdrop", "こうした中". The
headline and lead may name only the states of the background ("Romeo's eye on Chinese
submarines"; "Pakistan buys submarines from China"), and the pair the story's "both
countries" are is then the one its own paragraph has just named ("US-made P-8Is already
serve India's forces. Both countries' logistics pacts ..."), or the two that the story
names most from its turn on.

Pure functions of a scanned text and the party hits of its sentences.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence

from bot.rules.partytypes import PartyGroup, PartyHit, Scanned, places_of

__all__ = ["BACKDROP", "local_pair"]

# the turn from the background to the news, in the folded text (punctuation is spaces)
BACKDROP = re.compile(
    r" (?:[^ ]+ )?पार्श्वभूमीवर(?= )|(?<= )(?:इस|इसी|ऐसी|इन) पृष्ठभूमि में(?= )"
    r"| against (?:this|that|such a|the) (?:backdrop|background)(?= )"
    r"|こうした(?:中|なか|状況)|そうした(?:中|なか)|このような(?:中|なか|状況)")


def _paragraph(scan: Scanned, sentence: int) -> range:
    """The sentences of the paragraph a sentence is in (paragraphs end at a blank line, or
    at a line break in a text that has no blank line)."""
    source, starts = scan.source, scan.sentences()
    breaks = "\n\n" if "\n\n" in source else "\n"
    start = source.rfind(breaks, 0, starts[sentence] + 1)
    end = source.find(breaks, starts[sentence])
    end = len(source) if end < 0 else end
    inside = [i for i, s in enumerate(starts) if start < s <= end]
    return range(min(inside, default=sentence), max(inside, default=sentence) + 1)


def _actors(hits: Sequence[PartyHit]) -> list[str]:
    return [h.country for h in hits if not h.venue and not h.held_in]


def local_pair(scan: Scanned, by_sentence: Mapping[int, Sequence[PartyHit]],
               sentence: int, named: Sequence[PartyGroup] = ()) -> frozenset[str] | None:
    """The two states a sentence's "both countries" stand for, from around it: the pair
    an earlier sentence of its paragraph names (of the groups `named`), else, after the
    story turned from its background, the two named most from the turn on (a third named
    less). None when neither tells."""
    paragraph = _paragraph(scan, sentence)
    before = [g for g in named if g.sentence in paragraph and g.sentence < sentence
              and len(g.countries) == 2 and not g.inferred]
    if before:
        return max(before, key=lambda g: g.sentence).countries
    turns = scan.cache.get("backdrop")
    if turns is None:
        turns = scan.cache["backdrop"] = [s for s, _ in places_of(scan, BACKDROP)]
    assert isinstance(turns, list)
    turn = next((s for s in turns if s <= sentence), None)
    if turn is None:
        return None
    times = Counter(c for s, hits in by_sentence.items() if s >= turn for c in _actors(hits))
    most = times.most_common(3)
    if len(most) >= 2 and (len(most) == 2 or most[2][1] < most[1][1]):
        return frozenset((most[0][0], most[1][0]))
    return None
