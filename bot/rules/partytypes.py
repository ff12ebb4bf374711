"""The values bot/rules/parties.py and its helpers (actors, counterparts, story) work
with: what they read of a scanned text, a state's hit in a sentence, a group of parties,
and what the top of a story says of its parties; and where a pattern of pair words falls
(sentence, word)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from bot.rules.evaluate import WORD, RawHit
from bot.rules.normalize import Normalized
from bot.rules.reading import Reading

__all__ = ["PartyGroup", "PartyHit", "Scanned", "Story", "asks", "places_of", "sentence_of",
           "words_of"]


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
    @property
    def people(self) -> frozenset[int]: ...
    @property
    def dateline(self) -> tuple[str, ...]: ...
    @property
    def story(self) -> Story: ...
    @property
    def groupdrills(self) -> Mapping[int, frozenset[str]]: ...
    @property
    def hosts(self) -> Mapping[int, frozenset[str]]: ...
    @property
    def source(self) -> str: ...
    @property
    def scope(self) -> str: ...
    def sentences(self) -> list[int]: ...
    def read(self) -> Reading: ...
    def read_starts(self) -> list[int]: ...
    def read_span(self, hit: RawHit) -> tuple[int, int]: ...
    def original(self, hit: RawHit) -> tuple[int, int, str]: ...


def sentence_of(scan: Scanned, hit: RawHit) -> int:
    starts = scan.sentences()
    return bisect_right(starts, scan.original(hit)[0]) - 1


@dataclass(frozen=True)
class PartyHit:
    sentence: int
    word: int
    last: int
    country: str
    person: bool  # a person of the lexicon, speaking for their state
    venue: bool  # after "in"/"at", or a state's base: where something happens
    end: int = 0  # where the hit ends in the folded text
    base: bool = False  # a state's base ("the US Navy base"), a place of no run either
    # a Japanese venue (マレーシアで, 東京において): where the meeting was held, never one of
    # its parties, even when the sentence names only one other state
    held_in: bool = False


@dataclass(frozen=True)
class PartyGroup:
    """States one sentence names together as the parties of what it says; `inferred`
    when the sentence does not name them all itself (the story's pair, a counterpart's
    state found outside it)."""

    sentence: int
    countries: frozenset[str]
    inferred: bool = False


@dataclass(frozen=True)
class Story:
    """What the top of an article says about its parties, for the sentences that name
    them only as "the two ministers" or "his Japanese counterpart"."""

    pair: frozenset[str] = frozenset()  # the first pair of the headline, else of the lead
    order: tuple[str, ...] = ()  # states of the headline and the lead, then the datelines'
    # a headline of one state against another, naming no two as one ("Japan protests
    # Chinese incursion"): one state's statement, none of its sentences names a pair of
    # the headline's states (a pair with another is another act the story tells)
    opposed: bool = False
    headline: tuple[str, ...] = ()  # the states the headline names that may be parties
    # a headline telling of an act not done, or asking about one, with a state in it
    # ("India-Japan defence talks postponed", 日米防衛相の電話会談、見送り, बैठक रद्द, "Will
    # Tokyo and Delhi build arms together?"): the story tells what did not happen or
    # weighs what might, and none of its sentences names the parties of an act
    untold: bool = False
    # every state an `opposed` headline names, as a party or not ("US sanctions Indian
    # firms over parts shipped to Russia"): a pair of them is that statement's
    against: frozenset[str] = frozenset()
    # a headline counting the years of a thing, with nothing done today ("70 years of the
    # peace treaty", 日印平和条約70年, संधि के 70 साल; bot/rules/dated.py): an anniversary's
    # story, history like one that says "anniversary", and none of its sentences names the
    # parties of today's act
    past: bool = False
    # whether the story has been read from the top (not while its headline and lead are
    # first grouped, to find its pair)
    told: bool = False


def words_of(scan: Scanned) -> list[str]:
    """The words of a scan's folded text (cached on the scan; not to be changed)."""
    folded = scan.norm.folded
    cached = scan.cache.get("words")
    if not (isinstance(cached, tuple) and cached[0] is folded):
        cached = scan.cache["words"] = (folded, folded.split())
    words = cached[1]
    assert isinstance(words, list)
    return words


def places_of(scan: Scanned, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """(sentence, word) of each match of a pattern in the scan's own text.

    A lead's scan reads the folded text of its whole body (bot/rules/scan.py: sub_scan),
    so the search finds the body's matches too; those lie past the lead's last sentence
    and would be credited to it ("both countries" or "his Japanese counterpart" six
    paragraphs down making a pair of the lead's last sentence, a word of one state
    against another there taking its pair away). Only the matches that begin inside the
    scan's text count."""
    end = len(scan.source)
    out = []
    for hit in _matches(pattern, scan.norm.folded):
        if scan.original(hit)[0] >= end:
            break  # the matches come in order of their start
        out.append((sentence_of(scan, hit), hit[WORD]))
    return out


@lru_cache(maxsize=64)
def _matches(pattern: re.Pattern[str], folded: str) -> tuple[RawHit, ...]:
    """Each match of a pattern in a folded text, as a hit of its first word. Memoised: a
    lead's scan reads the folded text of its whole body (bot/rules/scan.py: sub_scan), so
    the body's and the lead's readers search the same text with the same patterns, and
    these searches were the dearest part of grouping."""
    out: list[RawHit] = []
    # spaces before `counted`, each counted once (matches come in order of their start)
    spaces, counted = 0, 0
    for m in pattern.finditer(folded):
        start = m.start() + (folded[m.start()] == " ")
        spaces += folded.count(" ", counted, start)
        counted = start
        word = spaces - 1
        # the end is exclusive: one more would reach past a text that ends on the match
        out.append((start, m.end(), word, word, -1, ""))
    return tuple(out)


# what ends a headline's clause before its question: "India, US sign pact: what next?"
_CLAUSE = re.compile(r"[:;|\u2014\u2013]|\s-\s|[.!\u0964\u3002]\s")
# an explainer's question, which asks what a thing is, not whether the act happens: "India,
# US sign BECA: what is the pact?", बेका समझौता, जानिए क्या है यह?, करारावर स्वाक्षऱ्या; काय
# आहे हा करार?, 日印ACSAに署名 その中身とは? Where the question begins
_EXPLAINER = re.compile(
    r"(?i)\b(?:what (?:is|are|does|do|it means|this means|we know)|why (?:it|this) "
    r"matters|how (?:it|this|the \w+) (?:works?|will work)|explained)\b"
    r"|जानिए|जाणून घ्या|(?:क्या|क्यों) (?:है|हैं)|काय (?:आहे|आहेत)|म्हणजे काय|कशासाठी|"
    r"का (?:महत्त्वाचा|महत्वाचा|महत्त्वाची|महत्त्वाचे)|[^\s、。]{0,12}とは"
    # what happened and what it means, asked of news told: "... : काय घडले आणि का
    # महत्त्वाचे?", "... युद्धसराव : महत्त्व काय?", "क्या हुआ, क्यों अहम?", "what happened"
    r"|(?i:what happened|what it means|why (?:it|this) is important)"
    r"|(?:नेमके )?काय घडले|(?:महत्त्व|महत्व|अर्थ) काय|काय (?:महत्त्व|अर्थ)|"
    r"क्या हुआ|(?:महत्व|मायने|अर्थ) क्या|क्यों (?:अहम|महत्वपूर्ण|महत्त्वपूर्ण|खास)")


def asks(title: Scanned, states: frozenset[str]) -> bool:
    """Whether a headline naming two of these states asks about them: it ends on a
    question, or its question's clause (the words before its question mark, back to a
    colon, a dash or a stop) names two of them, whatever follows ("Will the US give India
    F-35s? The odds and the reality", अमेरिका भारताला एफ-३५ देणार? शक्यता आणि वास्तव).
    An explainer's question ("what is the pact?", काय आहे हा करार?) asks only from its
    own first word: the act told before it is news."""
    source = title.source.rstrip()
    if len(states) < 2:
        return False
    end = max(source.rfind("?"), source.rfind("\uff1f"))
    if end < 0:
        return False
    start = max((m.end() for m in _CLAUSE.finditer(source, 0, end)), default=0)
    explainer = _EXPLAINER.search(source, start, end)
    before = source[start:explainer.start()].rstrip(" ") if explainer else ""
    if explainer and (not before.strip(" '\"‘’“”\u3000") or before.endswith((",", "、", "\u3000"))):
        # the question is a clause of its own, or follows a comma or a Japanese headline's
        # wide space (", जानिए क्या है यह?", 署名　その中身とは？): it asks from its first
        # word ("What is the India-Japan pact?" asks of them)
        start = explainer.start()
    elif source.endswith(("?", "\uff1f")):
        return True
    named = {title.countries[atom] for atom, hits in title.by_atom.items()
             if atom < len(title.countries) and title.countries[atom] in states
             for h in hits if start <= title.original(h)[0] < end}
    return len(named) >= 2
