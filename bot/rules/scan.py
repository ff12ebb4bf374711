"""Scanning one piece of text (a title, a lead, a body) with the compiled automata (the
lexicon's Devanagari names over the text's skeleton: bot/rules/skeleton.py).

One pass over each automaton's matches (in order of their end) does everything: acronym
case checks, `not:` masks, word indices for near() (from a running count of spaces), and
one hit per occurrence of an atom (a hit inside a longer one goes; two that overlap merge).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from bot.rules.compile import Compiled
from bot.rules.dated import (
    counted_back,
    counts_on,
    counts_years,
    fold_digits,
    habitual_sentences,
    listed_year,
    old_year,
)
from bot.rules.denial import denied
from bot.rules.evaluate import END, LAST, START, WORD, WRITTEN, RawHit, gap
from bot.rules.mood import unasserted
from bot.rules.normalize import Normalized, forms, normalize
from bot.rules.partytypes import Story
from bot.rules.reading import Reading, reading
from bot.rules.skeleton import has_devanagari, merged, skeleton
from bot.rules.splitting import dateline_ends, sentence_starts

__all__ = ["ScopeScan", "atoms_present", "scan", "sub_scan", "with_short_names"]

_BESIDE = 2  # words between a short name and another person written with it
# or the other person's titles between them ("between Singh and Australia's Deputy Prime
# Minister and Defence Minister Richard Marles", "Singh met US Defense Secretary Pete
# Hegseth"): capitalised words after "and", "with" or a verb of meeting
_TITLED = re.compile(r"\s*(?:and|with|,|met|meets|met with|meets with|spoke with|spoke to|"
                     r"hosted|received)\s+(?:(?:[A-Z][\w.’'-]*|of|and|the|s)\s+){1,9}")
_YEAR = re.compile(r" ?(?:[0-9]{4}|[0-9]{2})(?= )")  # "MALABAR 2020", "JIMEX-22", "Malabar2020"
# a katakana name run on into another katakana word, bare or after a middle dot, is a longer
# name of something else: マラバール・キッチン is a restaurant, not the exercise
_KATAKANA = re.compile(r"[\u30a1-\u30fa\u30fc]")
_RUN_ON = re.compile(r"[・=＝]?[\u30a1-\u30fa]")


@dataclass(frozen=True)
class ScopeScan:
    scope: str
    source: str  # the original text
    norm: Normalized
    by_atom: dict[int, list[RawHit]]  # hits by atom, in text order
    present: frozenset[int]  # the atoms found
    countries: tuple[str | None, ...] = ()  # by atom: the state it stands for (a person's)
    year: int | None = None  # of publication, when known: what is long before is history
    people: frozenset[int] = frozenset()  # the atoms that are people
    dateline: tuple[str, ...] = ()  # states named in the datelines (no parties: dropped)
    story: Story = field(default_factory=Story)  # what the top of the article says of its parties
    # by atom: the states of an exercise of three or more (Malabar), which it names as a group
    groupdrills: dict[int, frozenset[str]] = field(default_factory=dict)
    # by atom: the states that hold an exercise (any of the lexicon's)
    hosts: dict[int, frozenset[str]] = field(default_factory=dict)
    _originals: dict[tuple[int, int], tuple[int, int, str]] = field(
        default_factory=dict, compare=False, repr=False)
    cache: dict[str, object] = field(default_factory=dict, compare=False, repr=False)

    def sentences(self) -> list[int]:
        """Where the sentences of the source begin (a title is one sentence, or a Japanese
        one's items when one of them names a pair of its own)."""
        found = self.cache.get("sentences")
        if found is None:
            found = sentence_starts(self.source, whole=self.scope == "title")
            if self.scope == "title" and len(found) > 1 and not self._item_names_two(found):
                # the items share their subject (豪海軍駆逐艦が入港　海自と訓練終え: the
                # destroyer trained): the headline is one sentence
                found = [0]
            self.cache["sentences"] = found
        assert isinstance(found, list)
        return found

    def _item_names_two(self, starts: list[int]) -> bool:
        """Whether one item of a headline cut at `starts` names two states by itself."""
        named: dict[int, set[str]] = {}
        for atom, hits in self.by_atom.items():
            country = self.countries[atom] if atom < len(self.countries) else None
            if country is not None:
                for h in hits:
                    item = bisect_right(starts, self.original(h)[0]) - 1
                    named.setdefault(item, set()).add(country)
        return any(len(states) >= 2 for states in named.values())

    def read(self) -> Reading:
        """The source as the sentence readers read it: Latin accents folded
        (bot/rules/reading.py), so that "ágreed" is the "agreed" the rules' terms see."""
        found = self.cache.get("reading")
        if found is None:
            found = self.cache["reading"] = reading(self.source)
        assert isinstance(found, Reading)
        return found

    def read_starts(self) -> list[int]:
        """Where the sentences begin in `read().text`."""
        found = self.cache.get("read_starts")
        if found is None:
            at = self.read().at
            found = self.cache["read_starts"] = [at(s) for s in self.sentences()]
        assert isinstance(found, list)
        return found

    def read_span(self, hit: RawHit) -> tuple[int, int]:
        """Where a hit lies in `read().text`."""
        start, end, _ = self.original(hit)
        return self.read().at(start), self.read().at(end)

    def aside(self) -> frozenset[int]:
        """The sentences that name no parties of today's news (all of them: see aside_of)."""
        return self.aside_of(range(len(self.sentences())))

    def aside_of(self, sentences: Iterable[int]) -> frozenset[int]:
        """Those of these sentences that name no parties of today's news: those telling of
        long ago (bot/rules/dated.py), those asking, proposing or supposing what they tell
        (bot/rules/mood.py), and those denying, calling off or putting it off
        (bot/rules/denial.py). Each sentence is tested once, when first asked: the rules
        ask only of the sentences holding their hits, a few of a long page's."""
        memo = self.cache.setdefault("aside", {})
        assert isinstance(memo, dict)
        out = set()
        for i in sentences:
            found = memo.get(i)
            if found is None:
                found = memo[i] = self._aside(i)
            if found:
                out.add(i)
        return frozenset(out)

    def _aside(self, i: int) -> bool:
        starts = self.read_starts()
        if not 0 <= i < len(starts):
            return False
        folded = self.cache.get("digits")
        if folded is None:  # the text with its digits folded, and the sentences counting back
            folded = self.cache["digits"] = fold_digits(self.read().text)
            self.cache["counted_back"] = counted_back(folded, starts)
        assert isinstance(folded, str)
        back = self.cache["counted_back"]
        assert isinstance(back, frozenset)
        end = starts[i + 1] if i + 1 < len(starts) else len(folded)
        if i in back or (self.year is not None and (old_year(folded[starts[i]:end], self.year)
                                                     or listed_year(folded[starts[i]:end],
                                                                    self.year))):
            return True
        if i > 0 and counts_on(folded[starts[i]:end]) and (i - 1 in back or (
                self.year is not None and old_year(folded[starts[i - 1]:starts[i]], self.year))):
            return True  # "decades later", after a sentence of long ago
        # a headline counting the years of a thing is an anniversary's ("70 years of the
        # treaty", 条約70年); in a report's body the count is the occasion of its news
        # (a Japanese headline's items too: ジミックス10年　日印海軍協力の歩み, read whole)
        if self.scope == "title" and counts_years(folded):
            return True
        sentence = self.read().text[starts[i]:end].strip()
        if self.scope == "title" and len(starts) > 1:
            # a headline's later item may tell what became of the first (日米防衛相会談
            # 見送り: the talks, put off) or ask it: the headline is read whole for that
            sentence = self.read().text.strip()
        return unasserted(sentence) or denied(sentence)

    def habits(self) -> frozenset[int]:
        """The sentences that tell what is done as a habit (bot/rules/dated.py): no pair
        of today's act, though they may name what the report is about."""
        found = self.cache.get("habits")
        if found is None:
            found = self.cache["habits"] = habitual_sentences(self.read().text,
                                                              self.read_starts())
        assert isinstance(found, frozenset)
        return found

    def original(self, hit: RawHit) -> tuple[int, int, str]:
        """(start, end, text) of a hit in the original text (memoised: rules share hits)."""
        key = (hit[START], hit[END])
        found = self._originals.get(key)
        if found is None:
            start, end = self.norm.span(hit[START], hit[END])
            found = self._originals[key] = (start, end, self.source[start:end])
        return found

    def first_seen(self) -> list[int]:
        """Atoms in order of their first occurrence."""
        return sorted(self.by_atom, key=lambda atom: self.by_atom[atom][0])


def _mask(by_atom: dict[int, list[RawHit]], masks: list[tuple[int, int, int]]) -> None:
    for atom in {a for a, _, _ in masks}:
        spans = [(s, e) for a, s, e in masks if a == atom]
        kept = [h for h in by_atom.get(atom, ())
                if not any(s <= h[START] and h[END] <= e for s, e in spans)]
        if kept:
            by_atom[atom] = kept
        else:
            by_atom.pop(atom, None)


def _years(by_atom: dict[int, list[RawHit]], exercises: frozenset[int], cased: str) -> None:
    for atom in exercises.intersection(by_atom):
        hits = by_atom[atom]
        for i, (start, end, word, last, _, written) in enumerate(hits):
            m = _YEAR.match(cased, end)
            if m:
                hits[i] = (start, m.end(), word, last + m.group().count(" "), atom, written)


def _run_on(by_atom: dict[int, list[RawHit]], names: frozenset[int], norm: Normalized,
            text: str, inside: bool = False) -> None:
    """Drop the hits of katakana names that run on into another katakana word; `inside`:
    also those that another katakana word runs on into (a person's キシ in メキシコ)."""
    for atom in names.intersection(by_atom):
        kept = []
        for hit in by_atom[atom]:
            start, end = norm.span(hit[START], hit[END])
            if not (_KATAKANA.fullmatch(text[end - 1:end]) and _RUN_ON.match(text, end)) and not (
                    inside and start > 0 and _KATAKANA.fullmatch(text[start:start + 1])
                    and _KATAKANA.fullmatch(text[start - 1:start])):
                kept.append(hit)
        if kept:
            by_atom[atom] = kept
        else:
            del by_atom[atom]


Masks = list[tuple[int, int, int]]


def _inside_number(folded: str, start: int, end: int) -> bool:
    """A Japanese term that begins or ends with a digit is matched with no space at that
    end (2プラス2 in 日印2プラス2を開催), but not inside a longer number: 12か国 holds no
    2か国."""
    return ((folded[start].isdigit() and folded[start - 1].isdigit())
            or (folded[end - 1].isdigit() and folded[end].isdigit()))


def _walk(auto: Any, norm: Normalized, by_atom: dict[int, list[RawHit]], masks: Masks) -> None:
    folded, cased = norm.folded, norm.cased
    spaces, pos = -1, 0  # spaces before pos, the leading padding not counted
    for end, (length, targets) in auto.iter(folded):
        stop = end + 1
        spaces += folded.count(" ", pos, stop)
        pos = stop
        base = stop - length
        for atom, written, mask, lskip, rskip, exact, inner, tail in targets:
            start, hit_end = base + lskip, stop - rskip
            if exact and cased[start:hit_end] != exact:
                continue
            if _inside_number(folded, start, hit_end):
                continue
            if mask:
                masks.append((atom, start, hit_end))
                continue
            last = spaces - tail
            hit = (start, hit_end, last - inner, last, atom, written)
            hits = by_atom.get(atom)
            if hits is None:
                by_atom[atom] = [hit]
            elif start >= hits[-1][END]:
                hits.append(hit)
            elif start <= hits[-1][START]:  # the new hit contains the previous ones
                while hits and start <= hits[-1][START]:
                    hits.pop()
                hits.append(hit)
            else:  # aliases of one entity overlap ("Minister Kishi" + "Kishi Nobuo"): merge
                prev = hits[-1]
                hits[-1] = (prev[START], hit_end, prev[WORD], last, atom, prev[WRITTEN])


def scan(compiled: Compiled, scope: str, text: str, year: int | None = None) -> ScopeScan:
    norm = normalize(text)
    by_atom: dict[int, list[RawHit]] = {}
    masks: Masks = []
    if compiled.spaced is not None:
        _walk(compiled.spaced, norm, by_atom, masks)
    names = skeleton(norm.folded) if has_devanagari(norm.folded) else None
    for auto, seen in ((compiled.unspaced, None if norm.folded.isascii() else norm),
                       (compiled.skeletal, Normalized(names, names) if names else None)):
        if auto is None or seen is None:
            continue
        more: dict[int, list[RawHit]] = {}
        _walk(auto, seen, more, masks)
        for atom, hits in more.items():
            by_atom[atom] = merged(by_atom.get(atom, []) + hits)
    if masks:
        _mask(by_atom, masks)
    if compiled.exercises:
        _years(by_atom, compiled.exercises, norm.cased)
        _run_on(by_atom, compiled.exercises, norm, text)
    if compiled.people and not norm.folded.isascii():
        _run_on(by_atom, compiled.people, norm, text, inside=True)
    read = reading(text)
    dateline = _drop_datelines(by_atom, text, read, compiled.countries) if scope != "title" else ()
    return ScopeScan(scope, text, norm, by_atom, frozenset(by_atom), compiled.countries, year,
                     people=compiled.people, dateline=dateline,
                     groupdrills=compiled.groupdrills, hosts=compiled.hosts,
                     cache={"reading": read})


def _drop_datelines(by_atom: dict[int, list[RawHit]], text: str, read: Reading,
                    countries: tuple[str | None, ...]) -> tuple[str, ...]:
    """A dateline says where a report was filed, not who took part: its hits go. The
    states it named are returned: a "counterpart" with no other state in sight may be
    the dateline's minister's (bot/rules/counterparts.py)."""
    dropped: list[str] = []
    for found in dateline_ends(read.text):  # accents folded: "TÓKYO, Dec 22 —"
        start, end = read.orig(found[0]), read.orig(found[1])
        lo = len(normalize(text[:start]).cased) - 1 if start else 0
        hi = len(normalize(text[:end]).cased) - 1
        for atom in [a for a, hits in by_atom.items() if any(lo <= h[START] < hi for h in hits)]:
            country = countries[atom] if atom < len(countries) else None
            if country is not None:
                dropped.append(country)
            by_atom[atom] = [h for h in by_atom[atom] if not lo <= h[START] < hi]
            if not by_atom[atom]:
                del by_atom[atom]
    return tuple(dict.fromkeys(dropped))


def _beside_person(found: ScopeScan, hit: RawHit) -> bool:
    """Whether another person of the lexicon is written next to a hit ("Kihara and
    Singh", "Carter, Parrikar"): a short name among ministers is the minister."""
    for atom in found.people & found.present:
        for other in found.by_atom[atom]:
            if gap(hit, other) <= _BESIDE or (
                    other[START] > hit[END]
                    and _TITLED.fullmatch(found.norm.cased, hit[END], other[START])):
                return True
    return False


def with_short_names(scans: Sequence[ScopeScan], shorts: Sequence[tuple[int, int]]
                     ) -> list[ScopeScan]:
    """The scans of one article with each person's short name ("Singh") counted as that
    person where the article also names them in full somewhere, or where another person
    is written next to it, and dropped elsewhere."""
    present: set[int] = set()
    for found in scans:
        present |= found.present
    moves = [(short, person) for short, person in shorts if short in present]
    if not moves:
        return list(scans)
    out = []
    for found in scans:
        by_atom = dict(found.by_atom)
        for short, person in moves:
            hits = by_atom.pop(short, None)
            if hits is None:
                continue
            full = by_atom.get(person, [])
            extra = [h for h in hits
                     if (person in present or _beside_person(found, h))
                     and not any(f[START] <= h[START] and h[END] <= f[END] for f in full)]
            if extra:
                by_atom[person] = sorted(full + [(h[START], h[END], h[WORD], h[LAST], person,
                                                   h[WRITTEN]) for h in extra])
        out.append(replace(found, by_atom=by_atom, present=frozenset(by_atom)))
    return out


def sub_scan(whole: ScopeScan, scope: str, prefix: str) -> ScopeScan:
    """The scan of a prefix of an already scanned text (the lead of the body)."""
    limit = len(normalize(prefix).cased) - 1  # where the prefix ends, normalised
    by_atom = {}
    for atom, hits in whole.by_atom.items():
        inside = [h for h in hits if h[END] <= limit]
        if inside:
            by_atom[atom] = inside
    return ScopeScan(scope, prefix, whole.norm, by_atom, frozenset(by_atom), whole.countries,
                     whole.year, people=whole.people, dateline=whole.dateline,
                     groupdrills=whole.groupdrills, hosts=whole.hosts)


def atoms_present(compiled: Compiled, text: str) -> set[int]:
    """The atoms whose terms occur in text, for the early-rejection pass: no hit lists,
    no word counts, and `not:` masks ignored (a mask only ever removes hits), so what it
    finds is a superset of what `scan` finds in the same text."""
    cased, folded = forms(text)
    found: set[int] = set()
    other = not folded.isascii()
    for auto, seen in ((compiled.spaced, folded), (compiled.unspaced, other and folded),
                       (compiled.skeletal, other and has_devanagari(folded) and skeleton(folded))):
        if auto is None or not seen:
            continue
        for end, (length, targets) in auto.iter(seen):
            base = end + 1 - length
            for atom, _, mask, lskip, rskip, exact, _, _ in targets:
                if mask or atom in found:
                    continue
                if exact and cased[base + lskip:end + 1 - rskip] != exact:
                    continue
                found.add(atom)
    return found
