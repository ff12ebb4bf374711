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
* two people of the lexicon named in it speak for exactly two states ("Marles sat down
  with Rajnath Singh ..., saying Australia ... India ... China"), or the states it names
  are two once those after "in"/"at" (the venue: "meet in Laos") are set aside, or
* a state is called someone's counterpart ("... met his Australian counterpart", "his
  counterpart, Yasukazu Hamada"): it pairs with the first other state of the sentence;
  with none there, with the other state of the story (below), then the first other state
  of its headline and lead, then an earlier sentence's, the dateline's, a later one's, or
* it speaks of the two as a pair without naming them ("the two ministers", "both
  countries", "between the two", दोनों देशों, दोन्ही देशांच्या, 両国, 両氏, 双方) and
  names no state of another pair: its parties are the story's (or the
  pair its paragraph has just named, or the two of the news after the story turned from
  its background: bot/rules/backdrop.py).

The story's pair is the first pair its headline names, else its lead, else the two
states the headline and lead name between them when they name no other (`Story`, built
once per article by `story_of`). A pair found through the story or a counterpart
outside its sentence is `inferred`: the sentence need not name both states itself.

Datelines ("WASHINGTON (AP) —", "TOKYO, Dec 22 —") say where a report was filed, not who
acted: bot/rules/splitting.py finds them so that the scan can drop their hits. Everything
here is a pure function of a scanned text, cached on the scan.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Mapping, Sequence

from bot.rules.backdrop import local_pair
from bot.rules.dated import counts_years, fold_digits
from bot.rules.denial import denied_sentences
from bot.rules.evaluate import END, LAST, START, WORD, RawHit
from bot.rules.pairwords import (
    BOTH,
    CHOICE,
    CHOOSING,
    COUNTED,
    COUNTERPART,
    DEVANAGARI,
    DEVANAGARI_AND,
    DEVANAGARI_JOINERS,
    JOINED,
    JOINING,
    JOINING_CJK,
    LISTED,
    OTHERS,
    OTHERS_CJK,
    OWN_FORCES,
    PARTNER,
    PARTNER_CJK,
    TITLE_CJK,
    TRADED,
    VESSEL,
)
from bot.rules.partytypes import PartyGroup, PartyHit, Scanned, Story, asks, places_of, sentence_of
from bot.rules.places import AGAINST, base, circumstance, no_actor, set_apart, venue, venue_cjk

__all__ = ["PartyGroup", "Scanned", "Story", "acting", "groups", "parties", "sentence_of",
           "story_of"]


def story_of(title: Scanned, lead: Scanned, body: Scanned | None = None) -> Story:
    """The story of an article from the scans of its headline and lead (and, when they
    give no pair, the ministers its body names)."""
    pair: frozenset[str] = frozenset()
    headline = _named(title)
    for found in (title, lead):
        twos = [g.countries for g in groups(found) if len(g.countries) == 2]
        if twos:
            pair = twos[0]
            break
    named = [*headline, *_named(lead)]
    if not pair and len(set(named)) == 2:
        # a headline and lead that name two states and no more, in sentences of their own
        # ("JS Samidare calls at Mumbai. ... received by the Indian Navy"), are about them
        pair = frozenset(named)
    if not pair and body is not None:
        # a top naming a shortlist or a third state ("a German shipbuilder and a Japanese
        # one"): the two states whose ministers the story quotes are its pair ("Marles ...
        # Nakatani ... The two ministries agreed")
        speakers = {h.country for h in _party_hits(body, body.norm.folded.split()) if h.person}
        if len(speakers) == 2:
            pair = frozenset(speakers)
    # of the headline's own actors (not a venue, nor "as Hegseth warns on China"); or a swap
    opposed = bool(places_of(title, AGAINST) or places_of(title, TRADED)) and len({
        h.country for h in _party_hits(title, title.norm.folded.split()) if not h.venue}) >= 2
    # a question of one state's affairs ("Doors open to US contracts for Nashik's
    # workshops?") asks nothing of a pair: its body's report of the pair's act is news
    asked = asks(title, frozenset(headline))
    untold = bool(named) and (bool(denied_sentences(title.read().text, title.read_starts()))
                              or asked)
    return Story(pair, tuple(dict.fromkeys([*named, *lead.dateline])),
                 opposed and not any(len(g.countries) == 2 for g in groups(title)),
                 tuple(headline), untold=untold,
                 past=bool(named) and counts_years(fold_digits(title.read().text)))


def _party_hits(scan: Scanned, words: list[str]) -> list[PartyHit]:
    countries = scan.countries
    folded = scan.norm.folded
    read = scan.read()
    out: list[tuple[PartyHit, bool]] = []
    for atom, hits in scan.by_atom.items():
        country = countries[atom] if atom < len(countries) else None
        if country is None:
            continue
        person = atom in scan.people
        for h in hits:
            if not person and (no_actor(folded, words, h, read.text, scan.read_span(h))
                               or set_apart(folded, words, h)):
                # "a Japanese man", "Japan's EEZ", "Western Australia", "other than the US":
                # no party, whatever else the sentence sets aside
                continue
            at_base = not person and base(folded, words, h)
            # 日本とオーストラリアで合意: the two agreed (the で of 日米で), no venue
            held_in = venue_cjk(folded, h) and folded[h[START] - 1:h[START]] not in ("と", "や")
            out.append((PartyHit(sentence_of(scan, h), h[WORD], h[LAST], country, person,
                                  at_base or venue(words, h) or held_in, h[END], at_base,
                                  held_in),
                        _circumstance(scan, h)))
    # "... as North Korea fires missiles": what goes on, not who acts, when the rest of the
    # sentence names who does ("Troops in Alaska as India, US open exercise": they do); a
    # state written together with one of such a clause is in it ("as India, US open")
    out.sort(key=lambda pa: (pa[0].sentence, pa[0].word, pa[0].last))
    for i in range(1, len(out)):
        (p, aside), (q, before) = out[i], out[i - 1]
        if before and not aside and p.sentence == q.sentence and p.word - q.last - 1 <= JOINED:
            out[i] = (p, True)
    acts = {p.sentence for p, aside in out if not aside}
    return [p for p, aside in out if not aside or p.sentence not in acts]


def _circumstance(scan: Scanned, hit: RawHit) -> bool:
    start, end = scan.read_span(hit)  # accents folded: "ámid", "Wéstern"
    starts = scan.read_starts()
    return circumstance(scan.read().text, start, end, starts[bisect_right(starts, start) - 1])


def _named(scan: Scanned) -> list[str]:
    """The states of a text that may be parties, in order of first appearance."""
    return list(dict.fromkeys(h.country for h in sorted(
        _party_hits(scan, scan.norm.folded.split()), key=lambda h: h.end) if not h.held_in))


def acting(scan: Scanned) -> frozenset[str]:
    """The states a text names as taking part in what it says: not the nationality of
    private people, not in a clause of circumstances ("as Australia and India watch"),
    and, in a sentence that names its two parties, not a state left outside them and
    every group ("Australia invited Indian forces to Talisman Sabre, its war games with
    the United States": the United States is mentioned)."""
    cached = scan.cache.get("acting")
    if cached is None:
        members: dict[int, set[str]] = {}
        for g in groups(scan):
            if not g.inferred:
                members.setdefault(g.sentence, set()).update(g.countries)
        paired = {g.sentence for g in groups(scan) if not g.inferred and len(g.countries) == 2}
        cached = scan.cache["acting"] = frozenset(
            h.country for h in _party_hits(scan, scan.norm.folded.split())
            if h.sentence not in paired or h.country in members.get(h.sentence, ()))
    assert isinstance(cached, frozenset)
    return cached


def groups(scan: Scanned) -> tuple[PartyGroup, ...]:
    """Every group of parties the sentences of a scanned text name (cached on the scan)."""
    if scan.story.opposed or scan.story.untold or scan.story.past:
        return ()
    cached = scan.cache.get("groups")
    if cached is None:
        cached = scan.cache["groups"] = tuple(_groups(scan))
    assert isinstance(cached, tuple)
    return cached


def _groups(scan: Scanned) -> list[PartyGroup]:
    if not scan.by_atom and len(scan.story.pair) < 2:
        return []
    words = scan.norm.folded.split()
    by_sentence: dict[int, list[PartyHit]] = {}
    for h in _party_hits(scan, words):
        by_sentence.setdefault(h.sentence, []).append(h)
    out: list[PartyGroup] = []
    against = places_of(scan, AGAINST)  # one state against another: adversaries, no pair
    counted = {s for s, _ in places_of(scan, COUNTED)}  # a group counted: no two alone
    counted.update(s for s, _ in places_of(scan, CHOOSING))  # two to choose from: no pair
    # a pair's act a third joins; a swap of prisoners (two at odds, even written together)
    joined = {s for s, _ in [*places_of(scan, JOINING_CJK), *places_of(scan, TRADED)]}
    for sentence, found in by_sentence.items():
        stops = frozenset(w for s, w in against if s == sentence)
        pair = None if stops or sentence in counted or sentence in joined else _pair(found)
        if pair:
            out.append(PartyGroup(sentence, pair))
        # "the US Navy base", マレーシアで: where, not who
        actors = [h for h in found if not h.base and not h.held_in]
        if actors and sentence not in joined:
            out.extend(PartyGroup(sentence, run)
                       for run in _runs(actors, words, scan.norm.folded, stops))
    if by_sentence:
        for sentence, word in places_of(scan, COUNTERPART):
            group = _counterpart(scan, by_sentence, sentence, word)
            if group:
                out.append(group)
        out.extend(_partners_cjk(scan, by_sentence))
    out.extend(_inferred(scan, by_sentence, out))
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
    for sentence, _ in places_of(scan, VESSEL):  # the ship: the headline's first state
        named = {h.country for h in by_sentence.get(sentence, ())}
        pair = story if len(story) == 2 else frozenset(scan.story.order[:1]) | named
        if len(pair) == 2 and len(named) == 1 and named < pair:  # the other, met
            out.append(PartyGroup(sentence, pair, inferred=True))
    return out


def _pair(found: Sequence[PartyHit]) -> frozenset[str] | None:
    """The two states a sentence names, or that its people or its actors (the venue
    set aside) name when it names more."""
    kept_in = [h for h in found if not h.held_in]
    for kept in (kept_in, [h for h in found if h.person], [h for h in found if not h.venue]):
        named = frozenset(h.country for h in kept)
        if len(named) == 2:
            return named
    return None


def _runs(found: Sequence[PartyHit], words: list[str], folded: str,
          stops: frozenset[int] = frozenset()) -> list[frozenset[str]]:
    """The states of each run written together, when it has two or more; a run that goes
    on with "and other(s)" (海上自衛隊や米海軍など) is a group and no pair. A word of one
    state against another (`stops`) ends a run: "US, Japan warn China" warns a third."""
    runs = [[found[0]]]
    for h in found[1:]:
        end = max(r.last for r in runs[-1])
        forces = end
        while forces + 1 < h.word and words[forces + 1] in OWN_FORCES:
            forces += 1
        if forces > end and set(words[forces + 1:h.word]) <= {"and", "the"}:
            end = forces  # "the Australian Defence Force and the Japan ...": one run
        if (h.word - end - 1 <= JOINED and not stops.intersection(range(end + 1, h.word))
                and (h.country == runs[-1][-1].country
                     or _joining(words[end + 1:h.word], bool(stops)))):
            runs[-1].append(h)
        else:
            runs.append([h])
    out = []
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
            countries = countries | {h.country for h in found if not h.venue}
        out.append(countries)
    return [r for r in out if len(r) >= 2]


def _joining(gap: Sequence[str], opposed: bool = False) -> bool:
    """Whether the words between two states join them. Hindi and Marathi attach "of" and
    "in" to the word before (उत्तर कोरियाच्या तणावात जपान-ऑस्ट्रेलिया: "amid North Korea's
    tension, Japan-Australia"), so there a word other than "and", "with" or a particle
    ends the run; other scripts keep the plain limit on the words between."""
    joiners = DEVANAGARI_AND if opposed else DEVANAGARI_JOINERS
    return all(w in joiners or not DEVANAGARI.search(w) for w in gap)


def _counterpart(scan: Scanned, by_sentence: Mapping[int, Sequence[PartyHit]],
                 sentence: int, word: int) -> PartyGroup | None:
    """The pair a "counterpart" makes: the state written next to it ("his Australian
    counterpart", "counterpart from Japan") and the other party, looked for in the
    sentence, then the story, earlier sentences, the dateline, later sentences."""
    found = by_sentence.get(sentence, ())
    near = [h for h in found if (h.last < word and word - h.last - 1 <= JOINED)
            or (h.word > word and h.word - word - 1 <= JOINED)]
    if not near:
        return None
    named = (max(near, key=lambda h: h.last) if any(h.last < word for h in near)
             else near[0]).country
    return _across(scan, by_sentence, sentence, named)


def _partners_cjk(scan: Scanned, by_sentence: Mapping[int, Sequence[PartyHit]]
                  ) -> list[PartyGroup]:
    """Japanese "with X" before a talk or drill (インドの国防相と会談した), English "exercised
    with (ships of) X", in a sentence naming no other state: X and the story's other party."""
    folded = scan.norm.folded
    out: list[PartyGroup | None] = []
    for m in (*PARTNER_CJK.finditer(folded), *PARTNER.finditer(folded)):
        sentence = sentence_of(scan, (m.start(), m.end(), 0, 0, -1, ""))
        found = [h for h in by_sentence.get(sentence, ()) if not h.held_in]
        # English: the next word, not a list's first
        named = [h for h in found if (h.word == folded.count(" ", 0, m.end()) - 1
                                      and not LISTED.match(folded, h.end)
                                      if m.re is PARTNER else h.end <= m.start()
                                      and TITLE_CJK.fullmatch(folded, h.end, m.start()))]
        # a sentence naming its own subject (日印は米豪両国とともに) has its parties already
        if named and {h.country for h in found} == {named[-1].country}:
            out.append(_across(scan, by_sentence, sentence, named[-1].country))
    return [g for g in out if g]


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

