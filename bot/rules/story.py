"""What the top of a story says of its parties (`Story`, built once per article by
`story_of` before its sentences are grouped).

The story's pair is the first pair its headline names, else its lead, else the two states
the headline and lead name between them when they name no other, else the two states
whose ministers its body quotes. A headline of one state against another that names no
two as one ("Japan protests Chinese incursion") is `opposed`, and one that tells of an act
not done or asks about one ("India-Japan defence talks postponed", "Will Tokyo and Delhi
build arms together?") is `untold`, and so is one under an editorial's label (【主張】,
＜社説＞: its lead recounts the news it argues from), and one that counts ten or more
years of a treaty ("70 years of the peace treaty", 条約70年) is `past`:
bot/rules/parties.py then reads no parties in it (in an `opposed` one, no pair of the
headline's own states).
"""

from __future__ import annotations

import re

from bot.rules.actors import party_hits
from bot.rules.dated import counts_years, fold_digits
from bot.rules.denial import denied_sentences
from bot.rules.pairwords import TRADED
from bot.rules.parties import groups
from bot.rules.partytypes import Scanned, Story, asks, places_of
from bot.rules.places import AGAINST

__all__ = ["story_of"]

# the label a Japanese paper sets before an editorial's or a column's headline
_EDITORIAL = re.compile(
    r"^\s*[【〈＜<\[［(（]\s*(?:主張|社説|論説|正論|オピニオン|コラム)\s*[】〉＞>\]］)）]")


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
        speakers = {h.country for h in party_hits(body) if h.person}
        if len(speakers) == 2:
            pair = frozenset(speakers)
    # of the headline's own actors (not a venue, nor "as Hegseth warns on China"), or two
    # who swap prisoners ("Russia, US swap prisoners": at odds, though written together)
    opposed = bool(places_of(title, AGAINST) or places_of(title, TRADED)) and len({
        h.country for h in party_hits(title) if not h.venue}) >= 2
    # a question of one state's affairs ("Doors open to US contracts for Nashik's
    # workshops?") asks nothing of a pair: its body's report of the pair's act is news
    asked = asks(title, frozenset(headline)) and not _answered(lead, pair)
    # the headline read whole, not item by item: 一致せず　日米防衛相会談 puts off no talks
    untold = bool(named) and (bool(denied_sentences(title.read().text, [0]))
                              or asked or bool(_EDITORIAL.match(title.source)))
    # a headline counting ten or more years of a thing: an anniversary's (bot/rules/dated.py)
    past = bool(named) and counts_years(fold_digits(title.read().text))
    opposed = opposed and not any(len(g.countries) == 2 for g in groups(title))
    against = frozenset(c for atom in title.by_atom if atom < len(title.countries)
                        and (c := title.countries[atom]) is not None) if opposed else frozenset()
    return Story(pair, tuple(dict.fromkeys([*named, *lead.dateline])), opposed,
                 tuple(headline), untold=untold, past=past, against=against, told=True)


# an act told as done, and the day it was done on: the lead of a report
_DONE = re.compile(r"\b(?:signed|inked|began|started|opened|launched|held|met|agreed|"
                   r"concluded|completed|ended|exchanged|hosted|conducted|entered into force|"
                   r"came into force|took effect)\b", re.IGNORECASE)
_DAY = re.compile(r"\b(?:on|last|this) (?:monday|tuesday|wednesday|thursday|friday|"
                  r"saturday|sunday)\b|\b(?:today|yesterday)\b", re.IGNORECASE)
_DONE_CJK = re.compile(r"[0-9０-９]{1,2}日.*(?:した|めた|いた|った|んだ)[。\s]*$")
# the same in Hindi and Marathi: a weekday's or yesterday's act, told in the perfective
# ("गुरुवारी ... इंधन दिले", "सोमवार को ... हस्ताक्षर किए")
_DAY_DEVANAGARI = re.compile(
    r"(?:सोम|मंगळ|बुध|गुरु|शुक्र|शनि|रवि)वारी|(?:सोम|मंगल|बुध|गुरु|बृहस्पति|शुक्र|शनि|रवि)"
    r"वार को|(?:^|\s)(?:काल|कल|आज)(?=\s)")
_DONE_DEVANAGARI = re.compile(
    r"(?:केल|झाल|घेतल|दिल|पडल|साधल|आल|गेल|पोहोचल)(?:[ाीे]|्या)(?=[\s.।,;]|$)"
    r"|(?:किया|किए|किये|हुआ|हुई|हुए|लिया|दिया|पहुंचा|पहुँचा)(?=[\s.।,;]|$)")


def _answered(lead: Scanned, pair: frozenset[str]) -> bool:
    """Whether the lead tells the act of the pair a headline asks about as done, on a day
    ("Why are US and Japanese troops training in Hokkaido?" over "US Marines and Japan's
    Ground Self-Defense Force began Resolute Dragon on Monday"; 日印ACSAとは？ over
    日本とインドは13日、協定に署名した): an explainer's question over the news it explains,
    not a doubt about an act to come."""
    starts = [*lead.sentences(), len(lead.source)]
    for g in groups(lead):
        if g.countries == pair and not g.inferred:
            said = lead.source[starts[g.sentence]:starts[g.sentence + 1]]
            if ((_DONE.search(said) and _DAY.search(said)) or _DONE_CJK.search(said)
                    or (_DONE_DEVANAGARI.search(said) and _DAY_DEVANAGARI.search(said))):
                return True
    return False


def _named(scan: Scanned) -> list[str]:
    """The states of a text that may be parties, in order of first appearance."""
    return list(dict.fromkeys(h.country for h in sorted(
        party_hits(scan), key=lambda h: h.end) if not h.held_in))
