"""Who did what: the states each sentence of a text names as the parties of what it says.

Two states named in one story are not thereby a pair: one may be the venue, the dateline,
a list of others or a passing comparison. A sentence names its parties when

* it names exactly two states (a state's people count as the state: "Singh spoke to
  Kishi" is India and Japan; which hits may be parties: bot/rules/actors.py), or
* two or more states are written together, nothing but a short word or two between them
  ("India and Japan", "India-Japan", "between Japan and Australia", 日印, "Japan's Kishi
  and India's Singh"): a run of exactly two is a pair, a longer run is a group (the four
  Malabar navies) and no pair; so is a run on the far side of a table ("met their US and
  Japanese counterparts", "with officials from the US and Japan", 米国とインドの国防相を
  交えた: they and whoever met them are three or more), or
* two people of the lexicon named in it speak for exactly two states ("Marles sat down
  with Rajnath Singh ..., saying Australia ... India ... China"), or the states it names
  are two once those after "in"/"at" (the venue: "meet in Laos") are set aside; two
  members of an exercise of three or more that the sentence names are its group ("Japan's
  place in the Malabar exercise with the US"), unless people of the two speak, or
* a state is called someone's counterpart ("... met his Australian counterpart") or met
  "with" in a talk or drill: it pairs with another state of the sentence or, with none
  there, of the story around it (bot/rules/counterparts.py), or
* it speaks of the two as a pair without naming them ("the two ministers", "both
  countries", "between the two", दोनों देशों, दोन्ही देशांच्या, 両国,
  両氏, 双方) and names no state of another pair: its parties are the story's (or the
  pair its paragraph has just named, or the two of the news after the story turned from
  its background: bot/rules/backdrop.py).

The story's pair comes from the top of the article (`Story`, built once per article by
bot/rules/story.py). A pair found through the story or a counterpart outside its sentence
is `inferred`: the sentence need not name both states itself.

Datelines ("WASHINGTON (AP) —", "TOKYO, Dec 22 —") say where a report was filed, not who
acted: bot/rules/splitting.py finds them so that the scan can drop their hits.

Everything here is a pure function of a scanned text, cached on the scan.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from bot.rules.actors import party_hits, toured
from bot.rules.backdrop import local_pair
from bot.rules.counterparts import counterpart, partners
from bot.rules.earlier import continued_sentences, earlier_sentences, tied_sentences
from bot.rules.evaluate import START
from bot.rules.pairwords import (
    ACROSS_AFTER,
    ACROSS_BEFORE,
    ACROSS_CJK,
    BOTH,
    CHOICE,
    CHOOSING,
    COMMISSIONING,
    COUNTED,
    COUNTERPART,
    DEVANAGARI,
    DEVANAGARI_AND,
    DEVANAGARI_JOINERS,
    JOINED,
    JOINING,
    JOINING_CJK,
    OTHERS,
    OTHERS_CJK,
    PACTS,
    SHIP,
    TRADED,
    VESSEL,
    own_forces,
)
from bot.rules.partytypes import (
    PartyGroup,
    PartyHit,
    Scanned,
    places_of,
    sentence_of,
    words_of,
)
from bot.rules.places import AGAINST

__all__ = ["acting", "groups", "parties"]

# what may stand between one state's forces and the next state of a run
_AND = frozenset(("and", "the")) | DEVANAGARI_AND


def acting(scan: Scanned) -> frozenset[str]:
    """The states a text names as taking part in what it says: not the nationality of
    private people, not in a clause of circumstances ("as Australia and India watch"),
    and, in a sentence that names its two parties, not a state left outside them and
    every group ("Australia invited Indian forces to Talisman Sabre, its war games with
    the United States": the United States is mentioned); none under a headline of one
    state against another (its story is one state's statement, Story.opposed) or one that
    counts a thing's years (an anniversary's story, Story.past)."""
    cached = scan.cache.get("acting")
    if scan.story.opposed or scan.story.past:
        return frozenset()
    if cached is None:
        members: dict[int, set[str]] = {}
        for g in groups(scan):
            if not g.inferred:
                members.setdefault(g.sentence, set()).update(g.countries)
        paired = {g.sentence for g in groups(scan) if not g.inferred and len(g.countries) == 2}
        cached = scan.cache["acting"] = frozenset(
            h.country for h in party_hits(scan)
            if h.sentence not in paired or h.country in members.get(h.sentence, ()))
    assert isinstance(cached, frozenset)
    return cached


def groups(scan: Scanned) -> tuple[PartyGroup, ...]:
    """Every group of parties the sentences of a scanned text name (cached on the scan)."""
    if scan.story.untold or scan.story.past:
        return ()
    cached = scan.cache.get("groups")
    if cached is None:
        cached = scan.cache["groups"] = tuple(_groups(scan))
    assert isinstance(cached, tuple)
    if scan.story.opposed:
        # a headline of one state against another ("Pentagon chief warns China"): what
        # the story says of those two is that one's statement; a pair with a state the
        # headline leaves out is another act it tells ("On the sidelines, Carter held
        # talks with Japan's defence minister")
        return tuple(g for g in cached if not g.countries <= scan.story.against)
    if scan.story.told and len(scan.story.headline) == 1 and cached:
        untied = scan.cache.get("untied")
        if untied is None:
            untied = scan.cache["untied"] = _untied(scan, cached)
        assert isinstance(untied, tuple)
        return untied
    return cached


def _untied(scan: Scanned, found: tuple[PartyGroup, ...]) -> tuple[PartyGroup, ...]:
    """Under a headline naming one state (its garrison rotated at home, its troops sent to
    a city of its own), the groups less a pair that a sentence names as meeting "a day
    earlier", "the same day", "meanwhile" (इससे एक दिन पहले, इस बीच, 同日, 一方): another
    event's, tied to the news by time or set beside it ("the two" of the story's own pair,
    in a sentence naming no state, stays theirs). Not under a headline naming none: a
    round-up's items are each news ("Week in review ... Meanwhile, ...")."""
    tied = tied_sentences(scan.read().text, scan.read_starts())
    if not tied:
        return found
    naming = {h.sentence for h in party_hits(scan)}
    return tuple(g for g in found if g.sentence not in tied or len(g.countries) != 2
                 or (g.inferred and g.sentence not in naming))


def _groups(scan: Scanned) -> list[PartyGroup]:
    if not scan.by_atom and len(scan.story.pair) < 2:
        return []
    words = words_of(scan)
    by_sentence: dict[int, list[PartyHit]] = {}
    for h in party_hits(scan):
        by_sentence.setdefault(h.sentence, []).append(h)
    out: list[PartyGroup] = []
    against = places_of(scan, AGAINST)  # one state against another: adversaries, no pair
    counted = {s for s, _ in places_of(scan, COUNTED)}  # a group counted: no two alone
    counted.update(s for s, _ in places_of(scan, CHOOSING))  # two to choose from: no pair
    joined = {s for s, _ in places_of(scan, JOINING_CJK)}  # a pair's act a third joins
    # a swap of prisoners: two sides at odds, even written together
    joined.update(s for s, _ in places_of(scan, TRADED))
    drills = _by_sentence(scan, scan.groupdrills)  # exercises of three or more
    for sentence, found in by_sentence.items():
        stops = frozenset(w for s, w in against if s == sentence)
        pair = (None if stops or sentence in counted or sentence in joined
                else _pair(found, drills.get(sentence, frozenset())))
        if pair:
            out.append(PartyGroup(sentence, pair))
        # "the US Navy base", マレーシアで: where, not who
        actors = [h for h in found if not h.base and not h.held_in]
        if actors and sentence not in joined:
            out.extend(PartyGroup(sentence, run)
                       for run in _runs(actors, words, scan.norm.folded, stops))
    if by_sentence:
        both = places_of(scan, BOTH)
        for sentence, word in places_of(scan, COUNTERPART):
            told = any(s == sentence and w < word for s, w in both)  # "the two countries"
            group = counterpart(scan, by_sentence, sentence, word, words, both=told)
            if group:
                out.append(group)
        out.extend(partners(scan, by_sentence))
    out.extend(_inferred(scan, by_sentence, out))
    out.extend(_continued(scan, by_sentence, out))
    guests = _by_sentence(scan, scan.hosts)  # the states that hold each exercise
    if guests:
        # two states neither of which holds the exercise their sentence names are its
        # guests ("INS Shivalik and JS Izumo drilled during RIMPAC, the US Navy's
        # exercise"; Indian and Japanese jets at Pitch Black): no pair of their own
        out = [g for g in out if len(g.countries) != 2 or g.sentence not in guests
               or not g.countries.isdisjoint(guests[g.sentence])]
    story = scan.story.pair
    if len(story) == 2 and any(len(g.countries) == 2 and g.countries != story for g in out):
        # another pair, told as done before the news, is its background ("He had held
        # talks with the US defense secretary in March", की थी, केली होती)
        earlier = earlier_sentences(scan.read().text, scan.read_starts())
        out = [g for g in out if g.sentence not in earlier or len(g.countries) != 2
               or g.countries == story]
    return list(dict.fromkeys(out))


def _inferred(scan: Scanned, by_sentence: Mapping[int, Sequence[PartyHit]],
              said: Sequence[PartyGroup] = ()) -> list[PartyGroup]:
    """Pairs a sentence names without naming both states: "the two ministers" of the
    story, or its ship ("she", "the destroyer") met by the other, where it names no state
    but theirs. (An exercise of two states is no such pair:
    its name alone would make the top "name a pair", which rules read as a story about
    some pair, not the one they watch.)"""
    out: list[PartyGroup] = []
    story = scan.story.pair
    if len(story) == 2:
        for sentence, _ in places_of(scan, BOTH):
            # a paragraph of two other states ("... US-made P-8Is serve India's forces.
            # Both countries' pacts ...") speaks of them, not of the top's pair
            near = local_pair(scan, by_sentence, sentence, said)
            pair = near if near and not near & story else story
            if {h.country for h in by_sentence.get(sentence, ())} <= pair:
                out.append(PartyGroup(sentence, pair, inferred=True))
    else:
        # the two states around the sentence (its paragraph's, or the news's after the
        # story turned from its background: bot/rules/backdrop.py), else, under a top (or,
        # under a lead of others, a headline) naming one state, it and its partner, the one
        # other state the story names more than once and more than any other ("...
        # Washington's nuclear umbrella ... officials from both capitals met ... American
        # forces"); a state named once, in passing, is no partner ("relations with India")
        partner: frozenset[str] | None = None
        if len(order := scan.story.order) == 1 or len(order := scan.story.headline) == 1:
            times = Counter(h.country for hs in by_sentence.values() for h in hs
                            if h.country != order[0]).most_common(2)
            if times and times[0][1] >= 2 and (len(times) == 1 or times[1][1] < times[0][1]):
                partner = frozenset((order[0], times[0][0]))
        for sentence, _ in places_of(scan, BOTH):
            two = local_pair(scan, by_sentence, sentence, said) or partner
            if two and {h.country for h in by_sentence.get(sentence, ())} <= two:
                out.append(PartyGroup(sentence, two, inferred=True))
    commissioned = {s for s, _ in places_of(scan, COMMISSIONING)}
    for sentence, _ in places_of(scan, VESSEL):  # the ship: the headline's first state
        named = {h.country for h in by_sentence.get(sentence, ())}
        if sentence in commissioned:
            continue  # the ship joins its own navy: met by nobody
        pair = story if len(story) == 2 else frozenset(scan.story.order[:1]) | named
        if len(pair) == 2 and len(named) == 1 and named < pair:  # the other, met
            out.append(PartyGroup(sentence, pair, inferred=True))
    return out


def _continued(scan: Scanned, by_sentence: Mapping[int, Sequence[PartyHit]],
               said: Sequence[PartyGroup]) -> list[PartyGroup]:
    """A sentence whose subject is "he" or "she" (त्यांनी, उन्होंने, 同氏は; a ship's तिने) and
    that names one state, after a sentence whose minister (or, naming no minister, whose
    one state: its ship) is that subject: the two ("Marles arrived in Delhi on Monday. He
    held talks with Rajnath Singh"; "USS Dewey left Chennai. She sailed with INS ...")."""
    paired = {g.sentence for g in said if len(g.countries) == 2}
    paired.update(s for s, _ in places_of(scan, AGAINST))  # "He criticised China": no pair
    ships = {s for s, _ in places_of(scan, SHIP)}  # a ship's "she" needs a ship before it
    out = []
    for sentence in continued_sentences(scan.read().text, scan.read_starts()):
        named = {h.country for h in by_sentence.get(sentence, ()) if not h.venue}
        before = [h for h in by_sentence.get(sentence - 1, ()) if not h.venue]
        subject = ({h.country for h in before if h.person}
                   or ({h.country for h in before} if sentence - 1 in ships else set()))
        if (sentence not in paired and len(named) == 1 and len(subject) == 1
                and subject != named):
            out.append(PartyGroup(sentence, frozenset(named | subject), inferred=True))
    return out


def _pair(found: Sequence[PartyHit], drill: frozenset[str] = frozenset()
          ) -> frozenset[str] | None:
    """The two states a sentence names, or that its people or its actors (the venue
    set aside) name when it names more. Two members of an exercise of three or more
    that the sentence names (`drill`) are its group, not a pair ("welcomed Japan's place
    in the Malabar exercise with the US"), unless their people speak for them."""
    kept_in = [h for h in found if not h.held_in]
    people = [h for h in found if h.person]
    for kept in (kept_in, people, [h for h in found if not h.venue]):
        named = frozenset(h.country for h in kept)
        if len(named) == 2 and (kept is people or not named <= drill):
            return named
    return None


def _by_sentence(scan: Scanned,
                 states: Mapping[int, frozenset[str]]) -> dict[int, frozenset[str]]:
    """The states of the atoms each sentence names, from a table of atom to states."""
    out: dict[int, frozenset[str]] = {}
    for atom, of_atom in states.items():
        for hit in scan.by_atom.get(atom, ()):
            sentence = sentence_of(scan, hit)
            out[sentence] = out.get(sentence, frozenset()) | of_atom
    return out


def _runs(found: Sequence[PartyHit], words: list[str], folded: str,
          stops: frozenset[int] = frozenset()) -> list[frozenset[str]]:
    """The states of each run written together, when it has two or more; a run that goes
    on with "and other(s)" (海上自衛隊や米海軍など) is a group and no pair. A word of one
    state against another (`stops`) ends a run: "US, Japan warn China" warns a third."""
    runs = [[found[0]]]
    for h in found[1:]:
        end = max(r.last for r in runs[-1])
        forces = end
        while forces + 1 < h.word and own_forces(words[forces + 1]):
            forces += 1
        if forces > end and set(words[forces + 1:h.word]) <= _AND:
            end = forces  # "the Australian Defence Force and the Japan ...": one run
        if (h.word - end - 1 <= JOINED and not stops.intersection(range(end + 1, h.word))
                and (h.country == runs[-1][-1].country
                     or _joining(words[end + 1:h.word], bool(stops)))):
            runs[-1].append(h)
        else:
            runs.append([h])
    out: list[frozenset[str]] = []
    for run in runs:
        last = max(r.last for r in run)
        countries = frozenset(r.country for r in run)
        end = max(r.end for r in run)
        first = min(r.word for r in run)
        if len(countries) == 2 and (OTHERS.intersection(words[last + 1:last + 3])
                                    or OTHERS_CJK.match(folded, end)):
            countries = countries | {""}  # more than two: not a pair
        elif len(countries) == 2 and tuple(words[first - 2:first]) in CHOICE:
            countries = countries | {""}  # "choose between Washington and Moscow": rivals
        elif len(countries) == 2 and JOINING.intersection(words[max(0, first - 2):first]):
            countries = _joined(found, countries, words, first, out)
        elif len(countries) == 2 and toured(words, last):
            countries = countries | {""}  # भारत आणि जपानचा दौरा: the places of a tour
        if len(countries) == 2 and (ACROSS_BEFORE.search(" ".join(words[max(0, first - 8):first]))
                                    or ACROSS_AFTER.match(" ".join(words[last + 1:last + 4]))
                                    or ACROSS_CJK.match(folded, end)):
            countries = countries | {""}  # whose counterparts someone met: one side of three
        out.append(countries)
    return [r for r in out if len(r) >= 2]


def _joined(found: Sequence[PartyHit], countries: frozenset[str], words: list[str],
            first: int, out: list[frozenset[str]]) -> frozenset[str]:
    """A run of two that the sentence's other states join ("drills with India and Japan":
    a group of three), unless pacts, more than one, are with the two ("approved access
    agreements with Australia and Britain"): a pact with each, the two no pair of their own,
    and the sentence's one other state each one's partner (added to `out`)."""
    before = [w for w in words[max(0, first - 4):first] if w != "the"]
    if len(before) < 2 or before[-1] != "with" or before[-2] not in PACTS:
        return countries | {h.country for h in found if not h.venue}
    subject = {h.country for h in found if not h.venue} - countries
    if len(subject) == 1:
        out.extend(frozenset(subject | {c}) for c in countries)
    return countries | {""}


def _joining(gap: Sequence[str], opposed: bool = False) -> bool:
    """Whether the words between two states join them. Hindi and Marathi attach "of" and
    "in" to the word before (उत्तर कोरियाच्या तणावात जपान-ऑस्ट्रेलिया: "amid North Korea's
    tension, Japan-Australia"), so there a word other than "and", "with" or a particle
    ends the run; other scripts keep the plain limit on the words between."""
    joiners = DEVANAGARI_AND if opposed else DEVANAGARI_JOINERS
    return all(w in joiners or not DEVANAGARI.search(w) for w in gap)


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
