"""The hits of states that may be parties: each hit of a state (or of one of its people:
"Singh spoke to Kishi" is India and Japan) in a scanned text, placed in its sentence,
unless it names no actor ("a Japanese man", "Japan's EEZ", "Western Australia") or is set
apart ("other than the US"); a venue ("meet in Laos", マレーシアで), a base ("the US
Navy base") and the places of a tour (भारत और जापान के दौरे पर) are kept and marked.
A state in a clause of circumstances ("... as North Korea fires missiles") is dropped when
the rest of its sentence names who acts.

bot/rules/parties.py groups these hits into parties sentence by sentence; the story
(bot/rules/story.py) reads them for its headline, lead and speakers.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from bot.rules.evaluate import END, LAST, START, WORD, RawHit
from bot.rules.lexicon import arrival
from bot.rules.pairwords import JOINED
from bot.rules.partytypes import PartyHit, Scanned, sentence_of, words_of
from bot.rules.places import (
    base,
    circumstance,
    compared,
    made,
    no_actor,
    set_apart,
    venue,
    venue_cjk,
)

__all__ = ["party_hits", "toured"]

_HYPHENS = ("-", "\u2013", "\u2010")
# ports abroad where a navy is at home: its ships' arrival there is a return, not a visit
# (the US Seventh Fleet at Yokosuka and Sasebo)
_AT_HOME = {"us": ("yokosuka", "sasebo", "横須賀", "佐世保", "योकोसुका", "योकोसूका", "सासेबो")}


def party_hits(scan: Scanned) -> tuple[PartyHit, ...]:
    """The hits of states in a scanned text that may name a party, in order of sentence
    and word (cached on the scan: the story, the groups and `acting` each ask)."""
    cached = scan.cache.get("party_hits")
    # a scan made from another with other hits (a namesake's dropped) shares its cache
    if not (isinstance(cached, tuple) and cached[0] is scan.by_atom):
        cached = scan.cache["party_hits"] = (scan.by_atom, tuple(_party_hits(scan)))
    found = cached[1]
    assert isinstance(found, tuple)
    return found


def _party_hits(scan: Scanned) -> list[PartyHit]:
    words = words_of(scan)
    countries = scan.countries
    folded = scan.norm.folded
    read = scan.read()
    out: list[tuple[PartyHit, bool]] = []
    makers: set[tuple[int, int]] = set()  # (sentence, word) of "US-built", 米国製
    for atom, hits in scan.by_atom.items():
        country = countries[atom] if atom < len(countries) else None
        if country is None:
            continue
        person = atom in scan.people
        for h in hits:
            if not person and (no_actor(folded, words, h, read.text, scan.read_span(h))
                               or set_apart(folded, words, h)
                               or compared(read.text, *scan.read_span(h))):
                # "a Japanese man", "Japan's EEZ", "Western Australia", "other than the US",
                # "Like Japan, ...": no party, whatever else the sentence sets aside
                continue
            at_base = not person and base(folded, words, h)
            start, end = scan.read_span(h)
            if not person and made(folded, words, h, read.text[end:end + 1] in _HYPHENS
                                   and end > start):
                makers.add((sentence_of(scan, h), h[WORD]))
            # 日本とオーストラリアで合意: the two agreed (the で of 日米で), no venue
            held_in = venue_cjk(folded, h) and folded[h[START] - 1:h[START]] not in ("と", "や")
            out.append((PartyHit(sentence_of(scan, h), h[WORD], h[LAST], country, person,
                                  at_base or venue(words, h) or held_in, h[END], at_base,
                                  held_in),
                        _circumstance(scan, h)))
    out = _visits(scan, out)
    # "... as North Korea fires missiles": what goes on, not who acts, when the rest of the
    # sentence names who does ("Troops in Alaska as India, US open exercise": they do); a
    # state written together with one of such a clause is in it ("as India, US open")
    out.sort(key=lambda pa: (pa[0].sentence, pa[0].word, pa[0].last))
    for i in range(1, len(out)):
        (p, aside), (q, before) = out[i], out[i - 1]
        if before and not aside and p.sentence == q.sentence and p.word - q.last - 1 <= JOINED:
            out[i] = (p, True)
    _mark_tours(out, words)
    if scan.scope == "title" and _closing(out, words):
        out.pop()
    acts = {p.sentence for p, aside in out if not aside}
    kept = [p for p, aside in out if not aside or p.sentence not in acts]
    if not makers:
        return kept
    # where a thing was made ("Japan's destroyer, armed with US-built missiles, ... with
    # the Indian Navy") is no party beside two states that act; alone with one, it is
    # that one's partner in arms ("US-made aircraft serve India's forces")
    others: dict[int, set[str]] = {}
    for p in kept:
        if (p.sentence, p.word) not in makers:
            others.setdefault(p.sentence, set()).add(p.country)
    return [p for p in kept if (p.sentence, p.word) not in makers
            or len(others.get(p.sentence, set()) - {p.country}) < 2]


def _visits(scan: Scanned, out: list[tuple[PartyHit, bool]]) -> list[tuple[PartyHit, bool]]:
    """The hits less the ports that host no visit: a port names its state as the host of
    a port call only beside the visitor in its sentence ("INS Sahyadri arrived at
    Yokosuka"), and not for a navy at home there ("USS Ronald Reagan arrived at Yokosuka":
    back at its base)."""
    folded = scan.norm.folded
    ports = {(sentence_of(scan, h), h[END]): told  # by its end: 日本の横須賀に is one word
             for atom, hits in scan.by_atom.items()
             if atom < len(scan.countries) and scan.countries[atom] and atom not in scan.people
             for h in hits if arrival(told := folded[h[START]:h[END]])}
    if not ports:
        return out
    named: dict[int, set[str]] = {}
    for p, _ in out:
        if (p.sentence, p.end) not in ports:
            named.setdefault(p.sentence, set()).add(p.country)
    kept = []
    for p, aside in out:
        span = ports.get((p.sentence, p.end))
        visitors = named.get(p.sentence, set()) - {p.country}
        if span is None or (visitors and not any(
                home in span for v in visitors for home in _AT_HOME.get(v, ()))):
            kept.append((p, aside))
    return kept


_CLOSING = frozenset(("आणि", "और", "व"))


def _mark_tours(out: list[tuple[PartyHit, bool]], words: list[str]) -> None:
    """Mark the places of a tour (भारत और जापान के दौरे पर, भारत आणि जपानच्या दौऱ्यावर) as
    venues: each is visited, with the state written together before it."""
    for i in range(len(out) - 1, -1, -1):
        p, aside = out[i]
        after = out[i + 1][0] if i + 1 < len(out) else None
        if toured(words, p.last) or (after is not None and after.venue
                                     and after.sentence == p.sentence
                                     and toured(words, after.last)
                                     and after.word - p.last - 1 <= 1):
            out[i] = (replace(p, venue=True), aside)


def _closing(out: list[tuple[PartyHit, bool]], words: list[str]) -> bool:
    """Whether a headline's last hit closes it on "... and India" (जपानचा दुसरा रसद करार आणि
    भारत, चीन की चुनौती और भारत): a column's, the state it weighs the news for and no party
    of it, unless a state stands before the "and" (भारत आणि जपान)."""
    if not out:
        return False
    p = out[-1][0]
    named = {w for q, _ in out for w in range(q.word, q.last + 1)}
    return (p.last == len(words) - 1 and p.word >= 2 and words[p.word - 1] in _CLOSING
            and p.word - 2 not in named)


def toured(words: list[str], last: int) -> bool:
    """Whether a state ending at word `last` is a place of someone's tour or trip: भारत
    आणि ऑस्ट्रेलियाचा दौरा केला, भारत और जापान की यात्रा (each visited, no pair)."""
    after = words[last + 1:last + 3]
    if after[:1] in (["का"], ["की"], ["के"]):
        after = after[1:]
    elif not words[last].endswith(("चा", "ची", "चे", "च्या")):
        return False
    return bool(after) and after[0].startswith(("दौर", "यात्र"))


def _circumstance(scan: Scanned, hit: RawHit) -> bool:
    start, end = scan.read_span(hit)  # accents folded: "ámid", "Wéstern"
    starts = scan.read_starts()
    return circumstance(scan.read().text, start, end, starts[bisect_right(starts, start) - 1])
