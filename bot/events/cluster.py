"""Which event an article reports: per-article signatures and a pure assignment rule.

Outlets report one ministers' call hours apart, with their own headlines and spellings.
`signature()` reduces a matched article to what identifies its event — the day, the
canonical countries, people, agreements and exercises, a named format ("2+2"), the kind
of event (call, meeting, signing, exercise), the capitalised words it uses (to find the
people the entity layer missed) and a bottom-k MinHash sketch of its wording — all of it
JSON, so the store keeps one per article and nothing lives only in memory. `assign()` then decides,
from the candidate events the store fetched, which one the article joins (or None: a new
event), weighing the evidence between two reports that bot/events/evidence.py scores
within the windows kept here. Same articles in the same order give the same decisions.

How the store fetches candidates (see `candidate_query`): keep each event's day (the
earliest day of its members, `event_day()`), index it, and load the events whose day lies
in `candidate_query(sig)` with their members' signatures (kept gathered between articles,
bot/events/gathered.py). Undated articles (`candidate_query` is None) can only join
near-duplicates: fetch the events created in the last few days.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta

from bot.events import evidence
from bot.events.gathered import Candidate, Summary
from bot.events.kind import compatible
from bot.events.signature import Signature, event_day, signature

__all__ = ["Candidate", "Signature", "assign", "candidate_query", "event_day", "merges",
           "signature"]

WINDOW_DAYS = 3.0  # a call, meeting or signing is reported within days of happening
EXERCISE_WINDOW_DAYS = 21.0  # an exercise runs for weeks: "begins" and "ends" reports
PHASE_DAYS = 7.0  # an announcement and the start it announces; a later start is a new phase
# A named meeting format ("2+2") is held once or twice a year: a report naming it and both
# of its ministers tells of that meeting up to a week on ("six days after Nakatani and
# Hegseth sat down for the 2+2"), where a call or a plain meeting is reported within days.
FORMAT_DAYS = 7.0


def candidate_query(sig: Signature, *, window_days: float = WINDOW_DAYS,
                    exercise_window_days: float = EXERCISE_WINDOW_DAYS,
                    ) -> tuple[date, date] | None:
    """Inclusive range of event days to fetch candidates from; None for an undated article.

    The range is wider for an exercise report, which may join an exercise that began weeks
    earlier (or, arriving out of order, one whose wrap-up came first). Fetching more events
    than this changes nothing but the cost.
    """
    if sig.day is None:
        return None
    days = (exercise_window_days if _exercise(sig)
            else max(window_days, exercise_window_days) if _unnamed_at_sea(sig)
            else max(window_days, FORMAT_DAYS) if sig.formats and len(sig.people) >= 2
            else window_days)
    span = timedelta(days=math.floor(days))
    return sig.day - span, sig.day + span


def _exercise(sig: Signature) -> bool:
    return sig.kind == "exercise" and bool(sig.exercises)


def _unnamed_at_sea(sig: Signature) -> bool:
    """A report of ships at sea or in port that names no one and no exercise."""
    return sig.kind in evidence.AT_SEA and not sig.exercises and not sig.people


def _plain_window(sig: Signature, cand: Candidate, window_days: float,
                  exercise_window_days: float) -> tuple[float, bool]:
    """How far from the event's day an article may lie when no exercise span applies:
    the plain window; FORMAT_DAYS for a report naming the event's meeting format and two
    of its people; or, for a report of a drill's later days that names no one and no
    exercise and an event at sea, when the later side tells of no start (the article,
    or — for an article older than the event — the event's earliest reports; a start
    days after a drill began is another drill): RUNNING_DAYS, or the exercise window
    when the event is known by a named drill, whose reports run on for its weeks (the
    report still joins only within RUNNING_DAYS of one of them: `near`). With the window,
    whether the report may only join through a report that near (a drill's report names
    the pact that eased it as background, and a pact shared weeks apart ties nothing)."""
    summary = cand.summary
    if (sig.formats & summary.formats and len(sig.people & summary.people) >= 2
            and compatible(sig.kind, cand.settled)):
        return max(window_days, FORMAT_DAYS), False
    settled = cand.settled
    # so, too, a report naming its drill and an event of reports that name none (they came
    # first: the drill's end told without its name, then its start naming it)
    unnamed = _unnamed_at_sea(sig) or (
        _exercise(sig) and not sig.people and not summary.known_by())
    if (not unnamed or settled not in evidence.AT_SEA
            or "exercise" not in (sig.kind, settled) or sig.day is None or cand.anchor is None):
        return window_days, False
    starts = sig.stage == "start" if sig.day >= cand.anchor else summary.starts_first
    if starts:
        return window_days, False
    days = exercise_window_days if summary.known_by() else evidence.RUNNING_DAYS
    return max(window_days, days), True


def _near(a: Signature, b: Signature) -> bool:
    """Whether two reports lie within RUNNING_DAYS of each other."""
    return (a.day is not None and b.day is not None
            and abs((a.day - b.day).days) <= evidence.RUNNING_DAYS)


def _exercise_span(sig: Signature, anchor: date | None, summary: Summary,
                   exercise_window_days: float) -> float | None:
    """How many days apart an exercise report and an event of that exercise may lie
    (None: not such a pair; the plain window applies).

    The exercise window, or only PHASE_DAYS when the later side tells of an exercise
    (or a phase) *starting*: a second phase that begins two weeks after the first is a
    new event, the wrap-up of the first is not; but a drill is announced days before it
    starts, and the start-day reports belong with the announcement. The later side is
    the article, or — for an article older than the event, as in a newest-first
    backfill — the event's earliest reports. None when the article does not tell of the
    exercise the event is known by (`Signature.focus`, `Summary.known_by`): a JIMEX
    report that lists the pair's other drills is no report of the air forces' drill two
    weeks later, nor is a summit's report that welcomes the drills of the month before
    one of the drill whose reports name those further down, nor the other way.
    """
    if not _exercise(sig) or not sig.focus & summary.known_by():
        return None
    if sig.day is None or anchor is None or sig.day >= anchor:
        starts = sig.stage == "start"
    else:
        starts = summary.starts_first
    return min(PHASE_DAYS, exercise_window_days) if starts else exercise_window_days


def _candidate_score(sig: Signature, cand: Candidate, window_days: float,
                     exercise_window_days: float, *, enough: float = math.inf) -> float:
    """The best score of the event's members and of the event as a whole that counts;
    once one reaches `enough`, that one (`merges` only asks whether any counts)."""
    anchor = cand.anchor
    span = _exercise_span(sig, anchor, cand.summary, exercise_window_days)
    dated = sig.day is not None and anchor is not None
    gap = abs((sig.day - anchor).days) if sig.day is not None and anchor is not None else 0
    wide, near = (_plain_window(sig, cand, window_days, exercise_window_days)
                  if gap > window_days else (window_days, False))
    if dated and gap > (max(wide, span) if span is not None else wide):
        return 0.0  # outside every window: no score can count (checked first: it is cheap)
    # The event as a whole is a call (say; see `Candidate.settled`) and the article an
    # exercise report: only a near-duplicate text may still join, however well one
    # member's entities agree — unless two people are shared, found by the entity layer
    # or named in the text.
    whole = cand.whole
    agreed = evidence.reconciled(sig, whole)
    people = len(agreed[0].people & agreed[1].people) if agreed else 0
    floor = 2.0 if people < 2 and not compatible(sig.kind, cand.settled) else 0.0

    def counts(score: float, other: Signature) -> bool:
        if score <= (floor if score < 2.0 else 0.0):
            return False
        if dated:
            if gap <= (max(window_days, span) if span is not None and _exercise(other)
                       else window_days):
                return True
            # the wider plain window: through a report near the article, when `near`
            return gap <= wide and not (near and not _near(sig, other))
        return score >= 2.0  # undated on either side: only a near-duplicate text joins

    # A whole that counts shares a country with the article (it has no text to be a
    # near-duplicate of), so the test for nothing in common below would pass.
    score = evidence.scored(sig, whole, agreed)
    best = score if counts(score, whole) else 0.0
    if best >= enough:
        return best
    positive = False
    for member in cand.agreeable(sig):  # the others score 0, which never counts
        score = evidence.score(sig, member)
        positive = positive or score > 0
        if score > best and counts(score, member):
            best = score
            if best >= enough:
                return best
    if not (positive or sig.countries & whole.countries or sig.people & whole.people):
        return 0.0  # nothing in common with any member, so nothing with the whole either
    return best


def assign(sig: Signature, candidates: Sequence[Candidate], *,
           window_days: float = WINDOW_DAYS,
           exercise_window_days: float = EXERCISE_WINDOW_DAYS) -> str | None:
    """The id of the event the article joins, or None when it starts a new event.

    Each candidate scores the best of its members (and of the event's united entities)
    against the article; the highest score wins, ties go to the smallest event_id, so the
    order of candidates never matters. A pair scores:

    - 0 on conflicting evidence: the countries disagree (fewer than two shared; one is
      enough between two reports of the same exercise, `one_exercise`), or both
      name people who cannot be the same meeting (see `evidence._conflict`). A report whose people
      the entity layer missed counts as naming those of the other report that its text
      names ("Austin", "Hamada"), whichever of the two arrived first (see `evidence._recovered`);
    - 2 + Jaccard for a near-duplicate text: half the shorter text's word 3-shingles in
      the longer, or Jaccard ≥ 0.3 (syndicated copy, light rewrite);
    - 1 + small bonuses when the entities agree: the same pair of countries, shared people
      or shared agreements/exercises/formats ("2+2"), and kinds compatible (a call is not a
      meeting or an exercise) — unless two people are shared: then the kinds are two sides
      of one day;
    - 0.5 + bonus when the headlines share half their words (and 3+) but little else;
    - 0.4 + bonus when the article names no people (the entity layer missed them, and
      its text names none of the other's) but reports the same likely pair of countries
      within a day, and a kind that does not contradict the other's — or neither tells
      one: a report in another script often gives no cue the rules know, and an outlet's
      story of a ministry's written answer gives none in any script.
      Only this way round: an article naming people never joins an event on such thin
      evidence (so a first report naming nobody at all still opens an event of its own,
      and `merges` joins the two once the named report arrives). So, too, two reports
      of the same pair and kinds that agree (one may tell none), a day apart at most, that
      each name one side's people only, a different side each: each government's readout
      (`signature.each_side`).

    Below 2, the event as a whole must also agree: an exercise report does not join an
    event at least half of whose members report a call (`Candidate.settled`), whatever
    one member mentions in passing.
    Whatever the score, the article's day must be within `window_days` of the event's day
    (`Candidate.day`, else its earliest member's), or `exercise_window_days` between
    reports of one exercise — unless the later report is of it (or a new phase) starting.
    So the same ministers' calls a month apart never join; undated articles join only
    near-duplicates.
    """
    best: tuple[float, str] | None = None
    for cand in candidates:
        score = _candidate_score(sig, cand, window_days, exercise_window_days)
        if score > 0 and (best is None or (-score, cand.event_id) < (-best[0], best[1])):
            best = (score, cand.event_id)
    return best[1] if best else None


# Reports of a larger other event must each join `grown` as it is: letting them join one
# after another scores every report of every candidate, which cost the service more than
# all the rest of placing a page (bench/README.md, "merges"); the split it mends is a
# nameless report and the one that joined it on its kind.
FIXPOINT_MEMBERS = 2
# A drill's reports that name neither it nor anyone (its later days, its end) chain by
# the day, each within days of the next: an event of such reports joins one after
# another up to this size (such events stay small: a drill's named reports go elsewhere)
UNNAMED_FIXPOINT_MEMBERS = 8
_ANY = 1e-9  # below every score that counts: `merges` asks only whether one does


def _unnamed_drill(event: Candidate) -> bool:
    """An event of drill or port reports none of which names an exercise or anyone."""
    summary = event.summary
    return (not summary.exercises and not summary.people
            and event.settled in evidence.AT_SEA)


def merges(grown: Candidate, others: Sequence[Candidate], *,
           window_days: float = WINDOW_DAYS,
           exercise_window_days: float = EXERCISE_WINDOW_DAYS) -> tuple[str, ...]:
    """The ids of the other events that `grown`, an event that just gained a report, shows
    to be the same happening: those each of whose reports would have joined it, had it
    been there before them. An event of up to FIXPOINT_MEMBERS reports (of up to
    UNNAMED_FIXPOINT_MEMBERS when they are a drill's that name nothing) may also join one
    report after another (a report naming nothing that joined another on its kind joins
    `grown` once that one has); when both events are that small, so may `grown`'s reports
    join the other (a report that tied between the two joined one of them: the other
    still becomes one with it). Sorted; candidates as for `assign`.

    Joining is not symmetric (a report naming the ministers does not join one that names
    nobody, see `evidence._thin`), so the order reports arrive in can split an event; a later report
    that joins one part can show the other to belong with it. Same events in, same answer,
    whatever the order of `others` or of their members.
    """
    states = grown.whole.states
    out = []
    for other in others:
        if other.event_id == grown.event_id or not other.members:
            continue
        if not all(c & states for c in other.summary.state_sets):
            continue  # every report must name one of grown's states: cheap, and no
            # report joining first changes it
        if len(other.members) > (UNNAMED_FIXPOINT_MEMBERS if _unnamed_drill(other)
                                 else FIXPOINT_MEMBERS):
            # every report must join `grown` as it is; stops at the first that does not
            if all(_candidate_score(m, grown, window_days, exercise_window_days, enough=_ANY) > 0
                   for m in other.members):
                out.append(other.event_id)
            continue
        # both ways when both are small: which of two such events a report joined first
        # (a tie) must not decide whether they become one
        if (_absorbs(grown, other.members, window_days, exercise_window_days)
                or (len(grown.members) <= FIXPOINT_MEMBERS
                    and _absorbs(other, grown.members, window_days, exercise_window_days))):
            out.append(other.event_id)
    return tuple(sorted(out))


def _absorbs(event: Candidate, reports: Sequence[Signature], window_days: float,
             exercise_window_days: float) -> bool:
    """Whether every report joins `event`, one after another (each joined report is a
    member for the next)."""
    pending = list(reports)
    while pending:
        joining = [_candidate_score(m, event, window_days, exercise_window_days,
                                    enough=_ANY) > 0 for m in pending]
        if not any(joining):
            return False
        event = event.grown([m for m, j in zip(pending, joining, strict=True) if j])
        pending = [m for m, j in zip(pending, joining, strict=True) if not j]
    return True
