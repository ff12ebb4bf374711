"""An office named alone is the paper's own state's: Hindi and Marathi news write
संरक्षणमंत्री, रक्षा मंत्री for India's defence minister without the state, as English
news in India writes "Raksha Mantri" ("संरक्षणमंत्र्यांनी त्यांच्या जपानी समकक्षांशी चर्चा
केली": India and Japan). The lexicon lists the office as a name of India
(rules/lexicon/countries.yaml); a hit of it names India only when nothing says the office
is somebody else's. Before anything counts who is named, the hits go that are:

* the ministry, not the minister (संरक्षण मंत्रालय, रक्षा मंत्रालय: whose ministry speaks is
  the story's, not the paper's), unless its sentence sets another state's government
  across the table from it: a ministry that signs with the US government is the paper's
  own (रक्षा मंत्रालय ने अमेरिकी सरकार के साथ सौदे पर हस्ताक्षर किए);
* qualified: a state, a genitive or "both", "their", "former", "new" just before it
  (जपानचे संरक्षणमंत्री, जापान के रक्षा मंत्री, जपानी संरक्षणमंत्री, दोन्ही देशांच्या
  संरक्षणमंत्र्यांची, दोनों रक्षा मंत्रियों, माजी संरक्षणमंत्री);
* followed by a minister's name: another state's (संरक्षणमंत्री नाकातानी) is theirs, and
  India's own (संरक्षणमंत्री राजनाथ सिंह) names India already;
* in a sentence that names two other states (जपान-ऑस्ट्रेलिया संरक्षणमंत्र्यांची बैठक:
  their ministers);
* in an article that names another state's office of its kind so (जपानचे संरक्षणमंत्री),
  unless its own sentence names that office too: elsewhere the bare office is the other
  state's minister named again (… . संरक्षणमंत्र्यांनी सांगितले), not India's; beside it,
  it is the other side of the table (संरक्षणमंत्र्यांनी जपानच्या संरक्षणमंत्र्यांशी चर्चा
  केली).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace

from bot.rules.evaluate import LAST, WORD, WRITTEN, RawHit
from bot.rules.pairwords import GOVERNMENT_DEVANAGARI
from bot.rules.scan import ScopeScan

__all__ = ["own_offices"]

_HOME = "india"
# the office's aliases (and their stems) as the lexicon writes them
_OFFICES = ("संरक्षणमंत्र", "संरक्षण मंत्र", "रक्षामंत्र", "रक्षा मंत्र", "नौदलप्रमुख",
            "लष्करप्रमुख", "हवाईदलप्रमुख", "हवाई दलप्रमुख", "नौसेनाध्यक्ष", "थलसेनाध्यक्ष",
            "वायुसेनाध्यक्ष", "सेनाध्यक्ष")
# what the office's last word holds when it is the minister: not the ministry
# (मंत्रालय) nor a chant (रक्षा मंत्र), which the aliases' stems reach too
_MINISTER = ("मंत्री", "मंत्रि", "मंत्र्य", "प्रमुख", "ध्यक्ष")
# a word before the office that makes it somebody's in particular
_QUALIFIERS = frozenset((
    "दोन्ही", "दोनों", "दोनो", "तिन्ही", "तीनों", "चारही", "चारों", "माजी", "पूर्व",
    "तत्कालीन", "नवे", "नव्या", "नवीन", "नए", "नये", "नई", "सध्याचे", "विद्यमान", "अपने",
    "उनके", "उनकी", "आपल्या", "त्यांच्या", "त्यांचे", "के", "की", "का", "देशों", "देशांच्या",
    "देशांचे", "इतर", "अन्य", "दूसरे", "विदेशी", "परदेशी"))
_GENITIVE = ("चे", "च्या", "ची", "चा")


def own_offices(scans: Sequence[ScopeScan]) -> list[ScopeScan]:
    """The scans of one article without the hits of a bare office that is not the paper's
    own state's (see the module's docstring)."""
    offices = [_office_hits(found) for found in scans]
    if not any(offices):
        return list(scans)
    # the kinds of office (a minister, a chief) the article writes as another state's
    others = {(_kind(h), owner) for found, hits in zip(scans, offices, strict=True)
              for h in hits if (owner := _owner(found, h)) not in (None, _HOME)}
    return [_without_others(found, hits, others)
            for found, hits in zip(scans, offices, strict=True)]


def _office_hits(found: ScopeScan) -> list[RawHit]:
    return [h for atom, hits in found.by_atom.items()
            if atom < len(found.countries) and found.countries[atom] == _HOME
            and atom not in found.people
            for h in hits if h[WRITTEN].startswith(_OFFICES)]


def _kind(hit: RawHit) -> bool:
    """True for a minister, False for a service chief."""
    return hit[WRITTEN].startswith(_OFFICES[:4])


def _opens(found: ScopeScan, hit: RawHit) -> bool:
    """Whether the office is its sentence's first word (the word before it is another
    sentence's: "... घोषित की। रक्षा मंत्री ने")."""
    start = found.original(hit)[0]
    starts = found.sentences()
    return not found.source[starts[bisect_right(starts, start) - 1]:start].strip()


def _owner(found: ScopeScan, hit: RawHit) -> str | None:
    """The state written just before the office (जपानचे, जापान के, जपानी), if any."""
    if _opens(found, hit):
        return None
    before = hit[WORD] - 1
    words = found.norm.folded.split()
    if 0 <= before < len(words) and words[before] in ("के", "की", "का"):
        before -= 1
    for atom, hits in found.by_atom.items():
        country = found.countries[atom] if atom < len(found.countries) else None
        if country and atom not in found.people and any(h[LAST] == before for h in hits):
            return country
    return None


def _without_others(found: ScopeScan, offices: list[RawHit],
                    others: set[tuple[bool, str]]) -> ScopeScan:
    if not offices:
        return found
    words = found.norm.folded.split()
    starts = found.sentences()
    gone: set[RawHit] = set()
    for h in offices:
        word = words[h[LAST]] if h[LAST] < len(words) else ""
        before = words[h[WORD] - 1] if h[WORD] > 0 and not _opens(found, h) else ""
        theirs = {c for kind, c in others if kind == _kind(h)}
        if ((not any(m in word for m in _MINISTER) and not _deals(found, h, starts))
                or before in _QUALIFIERS
                or before.endswith(_GENITIVE) or _owner(found, h) or _name_after(found, h)
                or (theirs and not _across(found, h, offices, theirs, starts))
                or len(_named_in(found, h, starts) - {_HOME}) >= 2):
            gone.add(h)
    if not gone:
        return found
    by_atom = {a: kept for a, hits in found.by_atom.items()
               if (kept := [h for h in hits if h not in gone])}
    return replace(found, by_atom=by_atom, present=frozenset(by_atom))


def _deals(found: ScopeScan, hit: RawHit, starts: list[int]) -> bool:
    """Whether the ministry's sentence sets another state's government across the table
    from it (रक्षा मंत्रालय ने ... अमेरिकी सरकार के साथ सौदे पर हस्ताक्षर किए): a ministry
    that deals with a foreign government is the paper's own state's."""
    at = found.original(hit)[0]
    i = bisect_right(starts, at) - 1
    end = starts[i + 1] if i + 1 < len(starts) else len(found.source)
    return bool(GOVERNMENT_DEVANAGARI.search(f" {found.source[starts[i]:end]} "))


def _name_after(found: ScopeScan, hit: RawHit) -> bool:
    """Whether a minister is named just after the office: another state's is theirs
    (संरक्षणमंत्री नाकातानी), and India's names India already (संरक्षणमंत्री राजनाथ सिंह)."""
    return any(0 < h[WORD] - hit[LAST] <= 2
               for atom in found.people & found.present for h in found.by_atom[atom])


def _across(found: ScopeScan, hit: RawHit, offices: list[RawHit], theirs: set[str],
            starts: list[int]) -> bool:
    """Whether the office's sentence names the same office of one of those states: the
    other side of the table (संरक्षणमंत्र्यांनी जपानच्या संरक्षणमंत्र्यांशी चर्चा केली)."""
    sentence = bisect_right(starts, found.original(hit)[0])
    return any(o != hit and _kind(o) == _kind(hit) and _owner(found, o) in theirs
               and bisect_right(starts, found.original(o)[0]) == sentence for o in offices)


def _named_in(found: ScopeScan, hit: RawHit, starts: list[int]) -> set[str]:
    """The states the office's sentence names (the office itself aside)."""
    sentence = bisect_right(starts, found.original(hit)[0])
    return {country for atom, hits in found.by_atom.items()
            if atom < len(found.countries) and (country := found.countries[atom])
            and any(h != hit and bisect_right(starts, found.original(h)[0]) == sentence
                    for h in hits)}
