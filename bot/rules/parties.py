"""Who did what: the sentences of a text, and the states each one names as the parties of
what it says.

Two states named in one story are not thereby a pair: one may be the venue, the dateline,
a list of others or a passing comparison. A sentence names its parties when

* it names exactly two states (a state's people count as the state: "Singh spoke to
  Kishi" is India and Japan), or
* two or more states are written together, nothing but a short word or two between them
  ("India and Japan", "India-Japan", "between Japan and Australia", 日印, "Japan's Kishi
  and India's Singh"): a run of exactly two is a pair, a longer run is a group (the four
  Malabar navies) and no pair, or
* a state is called someone's counterpart ("... met his Australian counterpart"): it
  pairs with the first other state of the sentence.

Datelines ("WASHINGTON (AP) —", "TOKYO, Dec 22 —") say where a report was filed, not who
acted: `dateline_end` finds them so that the scan can drop their hits.

Everything here is a pure function of a scanned text, cached on the scan.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from bot.rules.evaluate import ATOM, LAST, START, WORD, RawHit
from bot.rules.normalize import Normalized


class Scanned(Protocol):
    """What this module reads of a scanned text (bot/rules/scan.py)."""

    @property
    def by_atom(self) -> Mapping[int, list[RawHit]]: ...
    @property
    def countries(self) -> tuple[str | None, ...]: ...
    @property
    def norm(self) -> Normalized: ...
    @property
    def cache(self) -> dict[str, object]: ...
    def sentences(self) -> list[int]: ...
    def original(self, hit: RawHit) -> tuple[int, int, str]: ...


__all__ = ["PartyGroup", "Scanned", "dateline_ends", "groups", "parties", "sentence_of",
           "sentence_starts"]

# A sentence ends at . ! ? (then spaces and a capital or a non-Latin letter), at a line
# break, or after the full stops of Japanese (。) and Hindi/Marathi (।).
_BREAK = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+|\n+|(?<=[。！？।])")
_ABBREVIATION = re.compile(
    r"(?:\b(?:[A-Za-z]\.){1,3}|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|Adm|Capt|Cdr|Gov|Sen|Rep|Jr|"
    r"Sr|No|Nos|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|vs|Corp|Inc|Ltd|Co|Rs|"
    r"approx|Hon|Maj|Brig|Lt-Gen|Vice-Adm)\.)$")
# "WASHINGTON (AP) —", "NEW DELHI, Oct 4 (Reuters) -", "TOKYO, Dec 22 —", "Tokyo, Dec 22:"
_DATELINE = re.compile(
    r"[A-Z][A-Za-z.'\u2019 -]{1,40}?(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
    r"\s*(?:\([A-Za-z .&-]{1,30}\))?\s*(?:[—–]|--?|:)\s")
# Words of a pair written together: at most this many words between two states.
_JOINED = 2
_COUNTERPART = re.compile(r" (?:counterparts?|समकक्षों|समकक्ष)(?= )")


def sentence_starts(text: str, *, whole: bool = False) -> list[int]:
    """Offsets where the sentences of text begin; `whole`: the text is one sentence."""
    starts = [0]
    if whole:
        return starts
    for m in _BREAK.finditer(text):
        end = m.end()
        if end >= len(text):
            break
        if "\n" not in m.group() and m.group().strip() == "" and m.start() > 0 and (
                text[m.start() - 1] in ".!?" and (
                    _ABBREVIATION.search(text, max(0, m.start() - 12), m.start())
                    or text[end].islower() or text[end].isdigit())):
            continue  # "U.S. Defense Secretary", "Mr. Singh", "approx. five"
        starts.append(end)
    return starts


def dateline_ends(text: str) -> list[tuple[int, int]]:
    """(start, end) of each dateline at the head of a paragraph of text."""
    out = []
    for para in re.finditer(r"(?:^|\n)\s*", text):
        head = para.end()
        m = _DATELINE.match(text, head)
        if m and _looks_like_dateline(m.group()):
            out.append((head, m.end()))
    return out


def _looks_like_dateline(found: str) -> bool:
    place = re.split(r"[,(—–:]|--?\s", found, maxsplit=1)[0].strip()
    # a place in capitals ("WASHINGTON"), or a place and a date ("Tokyo, Dec 22")
    return bool(place) and (place.upper() == place or bool(re.search(r"\d", found))
                            or "(" in found)


def sentence_of(scan: Scanned, hit: RawHit) -> int:
    starts = scan.sentences()
    return bisect_right(starts, scan.original(hit)[0]) - 1


@dataclass(frozen=True)
class _PartyHit:
    sentence: int
    word: int
    last: int
    country: str


@dataclass(frozen=True)
class PartyGroup:
    """States one sentence names together as the parties of what it says."""

    sentence: int
    countries: frozenset[str]


def _party_hits(scan: Scanned) -> list[_PartyHit]:
    countries = scan.countries
    out: list[_PartyHit] = []
    for atom, hits in scan.by_atom.items():
        country = countries[atom] if atom < len(countries) else None
        if country is None:
            continue
        out.extend(_PartyHit(sentence_of(scan, h), h[WORD], h[LAST], country) for h in hits)
    out.sort(key=lambda p: (p.sentence, p.word, p.last))
    return out


def _counterparts(scan: Scanned) -> list[tuple[int, int]]:
    """(sentence, word) of each "counterpart" in the text."""
    folded = scan.norm.folded
    out: list[tuple[int, int]] = []
    for m in _COUNTERPART.finditer(folded):
        start = m.start() + 1
        word = folded.count(" ", 0, start) - 1
        hit: RawHit = (start, m.end() + 1, word, word, -1, "")
        out.append((sentence_of(scan, hit), word))
    return out


def groups(scan: Scanned) -> tuple[PartyGroup, ...]:
    """Every group of parties the sentences of a scanned text name (cached on the scan)."""
    cached = scan.cache.get("groups")
    if cached is None:
        cached = scan.cache["groups"] = tuple(_groups(scan))
    assert isinstance(cached, tuple)
    return cached


def _groups(scan: Scanned) -> list[PartyGroup]:
    hits = _party_hits(scan)
    by_sentence: dict[int, list[_PartyHit]] = {}
    for h in hits:
        by_sentence.setdefault(h.sentence, []).append(h)
    counterparts: dict[int, list[int]] = {}
    if by_sentence:
        for sentence, word in _counterparts(scan):
            counterparts.setdefault(sentence, []).append(word)
    out: list[PartyGroup] = []
    for sentence, found in by_sentence.items():
        named = {h.country for h in found}
        if len(named) == 2:
            out.append(PartyGroup(sentence, frozenset(named)))
        out.extend(PartyGroup(sentence, run) for run in _runs(found))
        for word in counterparts.get(sentence, ()):
            pair = _counterpart_pair(found, word)
            if pair:
                out.append(PartyGroup(sentence, pair))
    return list(dict.fromkeys(out))


def _runs(found: Sequence[_PartyHit]) -> list[frozenset[str]]:
    """The states of each run written together, when it has two or more."""
    out = []
    run = [found[0]]
    for h in found[1:]:
        if h.word - max(r.last for r in run) - 1 <= _JOINED:
            run.append(h)
            continue
        out.append(frozenset(r.country for r in run))
        run = [h]
    out.append(frozenset(r.country for r in run))
    return [r for r in out if len(r) >= 2]


def _counterpart_pair(found: Sequence[_PartyHit], word: int) -> frozenset[str] | None:
    before = [h for h in found if h.last < word and word - h.last - 1 <= _JOINED]
    if not before:
        return None
    named = before[-1].country
    other = next((h.country for h in found if h.country != named), None)
    return frozenset((named, other)) if other else None


def parties(scans: Sequence[Scanned]) -> tuple[str, ...]:
    """The states an article names as parties, in order of appearance: those of the
    groups in its first scans that have any (title and lead before the body)."""
    for scan in scans:
        found = groups(scan)
        if found:
            order = {country: i for i, country in enumerate(_first_seen(scan))}
            members = {c for g in found for c in g.countries}
            return tuple(sorted(members, key=lambda c: order.get(c, len(order))))
    return ()


def _first_seen(scan: Scanned) -> list[str]:
    seen: dict[str, None] = {}
    for atom in sorted(scan.by_atom, key=lambda a: scan.by_atom[a][0][START]):
        country = scan.countries[atom] if atom < len(scan.countries) else None
        if country is not None:
            seen.setdefault(country, None)
    return list(seen)


def hit_countries(scan: Scanned, hits: Sequence[RawHit]) -> set[tuple[int, str]]:
    """(sentence, country) of hits whose atom stands for a state."""
    out = set()
    for h in hits:
        country = scan.countries[h[ATOM]] if h[ATOM] < len(scan.countries) else None
        if country is not None:
            out.add((sentence_of(scan, h), country))
    return out
