"""Pairs made across the table: a state called someone's counterpart ("... met his
Australian counterpart", "his counterpart, Yasukazu Hamada"), or met "with" in a talk or
drill (インドの国防相と会談した, "exercised with ships of India"), pairs with the first
other state of its sentence; with none there, with the other state of the story, then
the first other state of its headline and lead, then an earlier sentence's, the
dateline's, a later one's. A pair found outside its sentence is `inferred`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from bot.rules.pairwords import (
    GOVERNMENT,
    GOVERNMENT_DEVANAGARI,
    JOINED,
    LISTED,
    PARTNER,
    PARTNER_CJK,
    TITLE_CJK,
)
from bot.rules.partytypes import PartyGroup, PartyHit, Scanned, sentence_of

__all__ = ["counterpart", "partners"]

_FROM = frozenset(("from", "of", "in", "the"))  # "counterparts from the US", "... of Japan"


def counterpart(scan: Scanned, by_sentence: Mapping[int, Sequence[PartyHit]],
                sentence: int, word: int, words: Sequence[str], *, both: bool = False
                ) -> PartyGroup | None:
    """The pair a "counterpart" makes: the state written next to it ("his Australian
    counterpart", "counterpart from Japan") and the other party, looked for in the
    sentence, then the story, earlier sentences, the dateline, later sentences.

    Counterparts of two states ("their US and Japanese counterparts") sit at a table of
    three or more, and so does the counterpart of a third state met by "the two
    countries" of the story (`both`: the sentence speaks of the story's pair before the
    word): a group, no pair."""
    found = by_sentence.get(sentence, ())
    # a state whose name holds the word itself is written before it: its forces named in
    # one name ("यूएस नेवी के साथ अभ्यास", "समुद्री आत्मरक्षा बल के साथ")
    near = [h for h in found if (h.word < word and word - h.last - 1 <= JOINED)
            or (h.word > word and h.word - word - 1 <= JOINED)]
    if not near:
        return None
    before = [h for h in near if h.word < word]
    after = [h for h in near if h.word > word]
    # "counterparts from the US and Japan": the states after the word (not "Japan met
    # counterparts", its subject); else those before it ("his Indian counterpart before a
    # US visit": the Indian one)
    if after and set(words[word + 1:after[0].word]) <= _FROM:
        side = _run(found, after[0])
    else:
        side = before or _run(found, near[0])
    if len({h.country for h in side}) >= 2:
        group = frozenset(h.country for h in found if not h.held_in)
        return PartyGroup(sentence, group) if len(group) > 2 else None
    named = (max(side, key=lambda h: h.last) if side is before else side[0]).country
    story = scan.story.pair
    if both and len(story) == 2 and named not in story:
        return PartyGroup(sentence, story | {named}, inferred=True)
    return _across(scan, by_sentence, sentence, named)


def _run(found: Sequence[PartyHit], first: PartyHit) -> list[PartyHit]:
    """The states written together from `first` on ("counterparts from the US and Japan")."""
    run = [first]
    for h in found:
        if h.word > run[-1].last and h.word - run[-1].last - 1 <= JOINED:
            run.append(h)
    return run


def partners(scan: Scanned, by_sentence: Mapping[int, Sequence[PartyHit]]
                  ) -> list[PartyGroup]:
    """Japanese "with X" before a talk or drill (インドの国防相と会談した), English "exercised
    with (ships of) X", and X's government on the other side of a deal ("with the US
    government", अमेरिकी सरकार के साथ, अमेरिकी सरकारसोबत), in a sentence naming no other
    state: X and the story's other party."""
    folded = scan.norm.folded
    out: list[PartyGroup | None] = []
    end = len(scan.source)
    for m in (*PARTNER_CJK.finditer(folded), *PARTNER.finditer(folded),
              *GOVERNMENT.finditer(folded), *GOVERNMENT_DEVANAGARI.finditer(folded)):
        hit = (m.start(), m.end(), 0, 0, -1, "")
        if scan.original(hit)[0] >= end:
            continue  # the body's, read by its lead's scan (`places_of`)
        sentence = sentence_of(scan, hit)
        found = [h for h in by_sentence.get(sentence, ()) if not h.held_in]
        named = [h for h in found if _named(folded, m, h)]
        # a sentence naming its own subject (日印は米豪両国とともに) has its parties already
        if named and {h.country for h in found} == {named[-1].country}:
            out.append(_across(scan, by_sentence, sentence, named[-1].country))
    return [g for g in out if g]


def _named(folded: str, m: re.Match[str], h: PartyHit) -> bool:
    """Whether a state's hit is the one a partner's words name: English the next word (not
    a list's first; before "government", the state's own words), Hindi and Marathi the
    word before सरकार, Japanese the name before と with at most a title between."""
    word = folded.count(" ", 0, m.end()) - 1
    if m.re is PARTNER:
        return h.word == word and not LISTED.match(folded, h.end)
    if m.re is GOVERNMENT:
        return h.word == word and folded.startswith(" ", h.end) and bool(
            re.match(r" (?:[^ ]+ ){0,2}?(?:government|govt|administration) ", folded[h.end:]))
    if m.re is GOVERNMENT_DEVANAGARI:
        return h.last == folded.count(" ", 0, m.start()) - 2
    return h.end <= m.start() and bool(TITLE_CJK.fullmatch(folded, h.end, m.start()))


def _across(scan: Scanned, by_sentence: Mapping[int, Sequence[PartyHit]], sentence: int,
            named: str) -> PartyGroup | None:
    """The pair a state met across the table makes with the other party, looked for in
    its sentence, then the story, earlier sentences, the dateline, later sentences."""
    found = by_sentence.get(sentence, ())
    story = scan.story
    others = [h for h in found if h.country != named and not h.held_in]
    # of several other states, the story's other party, else the one whose minister
    # speaks, else the first: "On China, Marles told his Japanese counterpart ..."
    partner = [h for h in others if named in story.pair and h.country in story.pair]
    other = next((h.country for h in (*partner, *(h for h in others if h.person), *others)),
                 None)
    if other:
        return PartyGroup(sentence, frozenset((named, other)))
    earlier = [h.country for s in sorted(by_sentence, reverse=True) if s < sentence
               for h in reversed(by_sentence[s]) if not h.held_in]
    later = [h.country for s in sorted(by_sentence) if s > sentence for h in by_sentence[s]
             if not h.held_in]
    for country in [*(story.pair if named in story.pair else ()), *story.order, *earlier,
                    *scan.dateline, *later]:
        if country != named:
            return PartyGroup(sentence, frozenset((named, country)), inferred=True)
    return None
