"""How strongly two reports tell of one event: the evidence grouping weighs between them.

Two signatures (bot/events/signature.py) either contradict each other (other countries,
other ministers: `_conflict`), or agree once the people one report's text names are
recovered from the other (`reconciled`), and then score by what they share: a
near-duplicate text, the same people, agreements, exercises or formats, a headline, or
— for a report whose people the entity layer missed — kind, pair and day alone (`score`).
bot/events/cluster.py turns these pair scores into the event an article joins.
"""

from __future__ import annotations

from dataclasses import replace

from bot.events.kind import compatible
from bot.events.signature import Signature, each_side, one_exercise
from bot.events.similarity import jaccard, name_parts, overlap

__all__ = ["AT_SEA", "NEAR_DUP_CONTAINMENT", "NEAR_DUP_JACCARD", "RUNNING_DAYS", "reconciled",
           "score", "scored"]

NEAR_DUP_CONTAINMENT = 0.5  # half the shorter text's 3-shingles repeated: a rewrite or copy
NEAR_DUP_JACCARD = 0.3
TITLE_JACCARD = 0.5


def _conflict(a: Signature, b: Signature) -> bool:
    """Evidence of two different events, whatever the wording shares.

    Countries: both name some and share fewer than two (or fewer than the shorter list),
    unless they share two people of two states (the entity layer missed a demonym, not a
    new event; see `_two_sides`), or one country and the exercise both report
    (`one_exercise`: Malabar read as India-Australia in one report, India-US in another).
    People (not for two exercise reports, which quote whoever is at hand): both name some,
    and they share neither two people, nor all of the shorter list, nor one person with the
    same likely pair of countries — Kihara meeting Marles is not Kihara meeting Shin —
    unless each names one side of the same pair (`each_side`: two readouts).
    Days: one tells of an anniversary and the other does not, two days apart or more
    (`_other_day`), whoever both name.
    """
    if _other_day(a, b):
        return True
    if a.countries and b.countries and not _two_sides(a, b):
        shared = len(a.countries & b.countries)
        if shared < min(2, len(a.countries), len(b.countries)) and not one_exercise(a, b):
            return True
    if not a.people or not b.people or (a.kind == b.kind == "exercise"):
        return False
    shared = len(a.people & b.people)
    same_pair = len(a.pair) == 2 and a.pair == b.pair
    return not (shared >= 2 or shared == min(len(a.people), len(b.people))
                or (shared == 1 and same_pair) or each_side(a, b))


def _other_day(a: Signature, b: Signature) -> bool:
    """Whether a commemoration and another report lie days apart: the same ministers
    mark a treaty's anniversary with a statement days after they met, and the statement
    names the meeting's people, pair and treaty. An anniversary is kept on its day, so a
    report of it is a day or so from the others (time zones, the next morning's paper);
    the meeting's reports are not."""
    if a.day is None or b.day is None:
        return False
    if (a.kind == "anniversary") != (b.kind == "anniversary"):
        return abs((a.day - b.day).days) >= 2
    # So, too, a signing and the ministers' talks days before it, reported by the same
    # people: the talks' reports are out the next morning at the latest, and a report days
    # on that tells the signing on the talks' day (`Signature.told`) is of them
    return {a.kind, b.kind} == {"meeting", "signing"} and _apart(a, b) >= 2


def _two_sides(a: Signature, b: Signature) -> bool:
    """Whether a and b share two people of two different states, so the people outweigh
    the countries: a President and his Defense Secretary vouch for one side alone (their
    call with Japan is not their call with India). A missed demonym is one state missed
    in a report of two: each report names one of those states, and one missing one names
    two states at most (a forum's report naming eight states is no meeting of two).
    A person whose state is unknown (an older record) counts as a state of their own.
    Never when each names two parties, each pair vouched for by people of its own, and
    the pairs differ: Japan's minister meeting the American one and then the Australian
    one at a forum are two meetings, whoever else each report names."""
    shared = a.people & b.people
    if len(shared) < 2 or (_vouched(a) and _vouched(b) and a.countries != b.countries):
        return False
    origins = [a.origin_of.get(p) or b.origin_of.get(p) for p in shared]
    known = {o for o in origins if o}
    sides = len(known) + origins.count(None)
    return sides >= 2 and all(
        not known or (s.countries & known and (known <= s.countries or len(s.countries) <= 2))
        for s in (a, b))


def _vouched(sig: Signature) -> bool:
    """Whether sig names two parties and people of both of them."""
    return len(sig.countries) == 2 and sig.countries <= set(sig.origin_of.values())


def _recovered(a: Signature, b: Signature) -> Signature | None:
    """a with the people of b that its text names, when the entity layer found none in a.

    "Austin" and "Hamada" in a report are Lloyd Austin and Hamada Yasukazu when the other
    report names them. It takes two such people, or one and the same pair of countries —
    the rule `_conflict` applies between reports that both name people. A text naming one
    of the two people of b but not the other (Kihara, not Marles) reports another meeting
    of that person: None, a conflict. Otherwise a, unchanged.
    """
    if a.people or not b.people or not a.names:
        return a
    found = frozenset(p for p in b.people if name_parts(p) & a.names)
    if len(found) >= 2 or (found and len(a.pair) == 2 and a.pair == b.pair):
        return replace(a, people=found)
    return None if found and len(b.people) == 2 else a


def reconciled(a: Signature, b: Signature) -> tuple[Signature, Signature] | None:
    """a and b with the people their texts name recovered, or None on a conflict."""
    ra, rb = _recovered(a, b), _recovered(b, a)
    if ra is None or rb is None or _conflict(ra, rb):
        return None
    return ra, rb


def score(a: Signature, b: Signature) -> float:
    """How strongly a and b report one event (0: not at all); see `assign`."""
    return scored(a, b, reconciled(a, b))


def scored(a: Signature, b: Signature,
            agreed: tuple[Signature, Signature] | None) -> float:
    """`score` given `reconciled(a, b)`, for a caller that needs both."""
    if agreed is None:
        return 0.0
    a, b = agreed
    text = overlap(a.sketch, a.shingles, b.sketch, b.shingles,
                   a_set=a.sketch_set, b_set=b.sketch_set)
    if text.containment >= NEAR_DUP_CONTAINMENT or text.jaccard >= NEAR_DUP_JACCARD:
        return 2.0 + text.jaccard
    if a.day is None or b.day is None:
        return 0.0
    return _entity_score(a, b, text.jaccard)


def _entity_score(a: Signature, b: Signature, text: float) -> float:
    """The score of two dated reports whose wording differs: what their entities say."""
    people = len(a.people & b.people)
    countries = len(a.countries & b.countries)
    if ((people < 2 and not compatible(a.kind, b.kind))
            or not (countries >= 2 or (countries == 1 and people >= 2) or one_exercise(a, b))):
        return 0.0
    things = len(_things(a) & _things(b))
    if people or things:
        return 1.0 + 0.1 * min(people, 4) + 0.05 * min(things, 4) + 0.5 * text
    title = jaccard(a.title_words, b.title_words)
    if title >= TITLE_JACCARD and len(a.title_words & b.title_words) >= 3:
        return 0.5 + 0.4 * title
    # The kinds agree (tested first) or one or both are untold: the pair and the day are
    # what is left to tell, and an untold kind contradicts nothing
    same = len(a.pair) == 2 and a.pair == b.pair
    if same and _thin(a, b) and a.day and b.day and _apart(a, b) <= _days(a, b):
        return 0.4 + 0.2 * title  # a report whose people (or thing) the entity layer missed
    # each side's readout of one call or meeting, of kinds that agree (tested first: one
    # readout may tell none, "spoke with India's Minister of Defence"), a day apart at
    # most: the same thin evidence, with each side's people for its own
    if (same and each_side(a, b) and a.day and b.day
            and abs(a.day - b.day).days <= 1):
        return 0.4 + 0.2 * title
    return 0.0


AT_SEA = frozenset({"exercise", "logistics"})


def _apart(a: Signature, b: Signature) -> int:
    """Days between two dated reports, or between the day one tells its act happened
    (`Signature.told`: an analysis days on) and the other's, whichever is fewer."""
    days = [(x, y) for x in (a.day, a.told) for y in (b.day, b.told)
            if x is not None and y is not None]
    return min(abs((x - y).days) for x, y in days)


# A drill runs for days and its outlets write it up on any of them, its later days and
# its end without its name ("the bilateral maritime exercise concluded", संयुक्त सराव
# सुरू आहे): a report of ships at sea naming nobody and nothing that tells of no start
# joins one of the drill up to this many days before it.
RUNNING_DAYS = 7


def _days(a: Signature, b: Signature) -> int:
    """How many days apart two reports may join on the pair and the kind alone: a day,
    or three between reports of ships at sea or in port naming nobody (ministers'
    meetings are a day's), or up to RUNNING_DAYS when one of them is a drill's report
    and the later one tells of no start (a start is a new drill, or a new port call).
    A port call or drill one of whose reports names a minister touring the ship (and
    the other nobody) is still told over its days: three."""
    if not {a.kind, b.kind} <= AT_SEA or (a.people and b.people):
        return 1
    if a.people or b.people:
        return 3
    later = a if b.day is None or (a.day is not None and a.day >= b.day) else b
    if "exercise" in (a.kind, b.kind) and later.stage != "start" and not later.exercises:
        return RUNNING_DAYS
    return 3


def _thin(a: Signature, b: Signature) -> bool:
    """Whether article a may join b on kind, likely pair and day alone (their text, people
    and named things having nothing in common).

    When a names nobody: its people were missed, or it names them in another script. When
    a names people but b names nobody: only for a signing or an exercise that b names and
    a does not, since the act is known by what was signed or trained, not by who spoke; a
    call or a meeting is not (the same pair's foreign ministers may call the same day).
    Never when both name the things they are about (`_about`) and share none: two
    exercises, two agreements; nor when a names the exercise or agreement it is about and
    b names none and tells no kind (a drill on the day of a missile launch is no report of
    the launch).
    """
    if _about(a) and (_about(b) or b.kind is None):
        return False
    if not a.people:
        return True
    return (a.kind in ("signing", "exercise") and not b.people and not _things(a)
            and bool(_things(b)))


def _about(sig: Signature) -> frozenset[str]:
    """The named things that tell which event a report is of. A drill's or a port call's
    report names the pact that eased it (an access or supplies agreement) as background,
    and a refuelling's the drill its navies hold every year as often as the drill it
    followed: there an agreement tells no event from another (an exercise or a meeting
    format still does)."""
    return (sig.exercises | sig.formats if sig.kind in AT_SEA else _things(sig))


def _things(sig: Signature) -> frozenset[str]:
    """The named things a report is about: agreements, exercises, meeting formats."""
    return sig.agreements | sig.exercises | sig.formats
