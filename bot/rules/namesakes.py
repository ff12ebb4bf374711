"""A surname is not a person: the hits of a person's surname that name somebody else.

The lexicon knows a minister by the surname alone ("Kishi", किशी) or with an honorific
(岸氏), as news writes of them once named. A retrospective naming another of that surname
("Kishi Nobusuke", "Nobusuke Kishi", 岸信介: the prime minister of the 1950s) would then
be read as the minister too, and its event shares a person with the minister's news. So,
before anything counts who is named:

* a hit of one person inside a longer hit of another goes: "Nobusuke Kishi" is Kishi
  Nobusuke, not Kishi Nobuo (and किशीदा, Kishida, is no किशी);
* in Latin script, where a capital marks a name, a person's single name written next to
  a given name that is not theirs goes: "Kishi Nobutaka", "Nobutaka Kishi" (Japanese
  names are written in either order) are somebody else. The surname alone, after a
  title ("Minister Kishi", "Japan's Kishi") or with the person's own given name stays
  theirs; in a headline in capitals each word ("Austin Meets Kishi In Tokyo") a capital
  tells nothing, and nothing goes;
* an article that names another person of that surname in full and this one only by the
  surname (or by a short name: 岸氏) names the other: those hits go.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from bot.rules.compile import Compiled
from bot.rules.evaluate import END, LAST, START, WORD, WRITTEN, RawHit
from bot.rules.lexicon import Lexicon
from bot.rules.normalize import core
from bot.rules.scan import ScopeScan

__all__ = ["Namesakes", "namesakes", "other_people"]

# words written with a capital before or after a name that are no given name
_TITLES = frozenset((
    "minister", "secretary", "president", "premier", "chancellor", "senator", "governor",
    "ambassador", "general", "admiral", "colonel", "captain", "commander", "lieutenant",
    "marshal", "chief", "deputy", "vice", "prime", "defence", "defense", "foreign", "state",
    "mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "gen", "adm", "col", "capt",
    "cdr", "lt", "sen", "rep", "prof", "professor", "san", "former", "then", "late",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "jr", "sr"))
# words of a sentence that a writer (or a careless recasing) may capitalise beside a
# name and that are no given name: "Mattis And Onodera agreed" names Mattis
_SMALL_WORDS = frozenset((
    "and", "or", "but", "nor", "the", "a", "an", "of", "in", "on", "at", "to", "for", "with",
    "from", "by", "as", "than", "after", "before", "during", "while", "when", "who", "also",
    "his", "her", "their", "its", "has", "had", "have", "is", "was", "were", "are", "will",
    "would", "said", "says", "told", "met", "meets", "held", "holds", "agreed", "agree",
    "visited", "visits", "called", "calls", "spoke", "speaks", "signed", "signs", "welcomed",
    "discussed", "hosted", "hosts", "thanked", "urged", "added", "noted", "stressed"))
_AFTER = re.compile(r"[ \u00a0]([A-Z][a-z]+)(?![A-Za-z])")
_BEFORE = re.compile(r"(?<![A-Za-z'\u2019.-])([A-Z][a-z]+)[ \u00a0]$")
_SENTENCE_HEAD = re.compile(r"(?:^|[.!?:;\n\"\u201c\u2018(\u2014\u2013-])\s*$")
_WORDS = re.compile(r"(?<![A-Za-z])[A-Za-z]{4,}")
_REACH = 30  # characters looked back for the word before a name


@dataclass(frozen=True)
class Namesakes:
    """What the lexicon says of its people's names, by atom."""

    people: frozenset[int]  # the atoms of people and of their short names
    own: Mapping[int, frozenset[str]]  # the words of a person's own names (lowercase)
    bare: Mapping[int, frozenset[str]]  # a person's surname alone, as the lexicon writes it
    others: Mapping[int, frozenset[int]]  # people of the same surname, named otherwise
    shorts: Mapping[int, int]  # a person's atom → the atom of their short names


def _words(name: str) -> list[str]:
    return core(name).split()  # accents folded, "S. Jaishankar" is two words


def namesakes(lexicon: Lexicon, compiled: Compiled) -> Namesakes:
    atoms = compiled.entity_atoms
    shorts = {person: short for short, person in compiled.shorts}
    own: dict[int, frozenset[str]] = {}
    bare: dict[int, frozenset[str]] = {}
    surnames: dict[int, set[str]] = {}
    for entry in lexicon.entries.values():
        if entry.kind != "person" or entry.id not in atoms:
            continue
        atom = atoms[entry.id]
        names = [entry.name, *entry.aliases]
        longer = {w for n in names if len(_words(n)) > 1 for w in _words(n)}
        own[atom] = frozenset(w.lower() for w in longer)
        single = [n for n in (*entry.aliases, *entry.short) if len(_words(n)) == 1]
        # a single name that is a word of a longer one is the surname (or a given name:
        # either stands for the person only as part of their whole name)
        bare[atom] = frozenset(n for n in single if _words(n)[0] in longer)
        surnames[atom] = {w.lower() for n in bare[atom] for w in _words(n) if w.isascii()}
    others = {atom: frozenset(o for o in own if o != atom and surnames[atom] & own[o])
              for atom in own}
    return Namesakes(frozenset(own) | frozenset(shorts.values()), own, bare,
                     {a: o for a, o in others.items() if o}, shorts)


def other_people(scans: Sequence[ScopeScan], names: Namesakes) -> list[ScopeScan]:
    """The scans of one article without the hits of people that name somebody else."""
    kept = [_within_scan(found, names) for found in scans]
    present: set[int] = set()
    for found in kept:
        present |= found.present
    gone: set[int] = set()
    for atom, others in names.others.items():
        hits = [h for found in kept for h in found.by_atom.get(atom, ())]
        if others & present and all(h[WRITTEN] in names.bare[atom] for h in hits):
            gone.add(atom)  # the surname alone is the other person's
            if atom in names.shorts:
                gone.add(names.shorts[atom])
    if not gone:
        return kept
    return [_without(found, {a: [] for a in gone}) for found in kept]


def _without(found: ScopeScan, changed: Mapping[int, list[RawHit]]) -> ScopeScan:
    by_atom = {a: kept for a, hits in found.by_atom.items() if (kept := changed.get(a, hits))}
    if by_atom == found.by_atom:
        return found
    return replace(found, by_atom=by_atom, present=frozenset(by_atom))


def _within_scan(found: ScopeScan, names: Namesakes) -> ScopeScan:
    mine = [(atom, h) for atom in names.people & found.present for h in found.by_atom[atom]]
    if not mine:
        return found
    changed: dict[int, list[RawHit]] = {}
    for atom, h in mine:
        inside = any(o != atom and atom != names.shorts.get(o) and o != names.shorts.get(atom)
                     and g[START] <= h[START] and h[END] <= g[END]
                     and g[END] - g[START] > h[END] - h[START] for o, g in mine)
        if inside or (h[WORD] == h[LAST] and _given_name_beside(found, atom, h, names)):
            changed.setdefault(atom, list(found.by_atom[atom])).remove(h)
    return _without(found, changed) if changed else found


def _given_name_beside(found: ScopeScan, atom: int, hit: RawHit, names: Namesakes) -> bool:
    """Whether a single name written in Latin letters has a given name that is not the
    person's beside it (no title, no other entity, not the first word of its sentence),
    in a sentence written in sentence case."""
    read = found.read()
    text = read.text
    start, end = found.read_span(hit)
    if not text[start:end].isascii():
        return False
    person = next((p for p, s in names.shorts.items() if s == atom), atom)
    own = names.own.get(person, frozenset())
    covered = {i for hits in found.by_atom.values() for h in hits
               for i in range(h[WORD], h[LAST] + 1)}
    beside = []
    after = _AFTER.match(text, end)
    if after and hit[LAST] + 1 not in covered:
        beside.append(after.group(1))
    before = _BEFORE.search(text, max(0, start - _REACH), start)
    if (before and hit[WORD] - 1 not in covered
            and not _SENTENCE_HEAD.search(text, max(0, before.start() - _REACH),
                                          before.start())):
        beside.append(before.group(1))
    beside = [w for w in beside if w.lower() not in own | _TITLES | _SMALL_WORDS]
    if not beside:
        return False
    starts = found.read_starts()
    i = bisect_right(starts, start) - 1
    sentence = text[starts[i]:starts[i + 1] if i + 1 < len(starts) else len(text)]
    # a headline in capitals each word ("Austin Meets Kishi In Tokyo") has no word of
    # four letters or more in small letters
    return any(w[0].islower() for w in _WORDS.findall(sentence))
