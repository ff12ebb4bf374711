"""An event's members gathered: the whole kept as reports join, and the index that leaves
out the reports that cannot agree with an article give the same scores, assignments and
merges as comparing the article with every report and rebuilding the whole each time."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date
from itertools import combinations
from unittest.mock import patch

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.events import cluster, evidence
from bot.events.cluster import Candidate, assign, merges
from bot.events.gathered import Gathered, may_agree
from bot.events.kind import KINDS, Kind, compatible
from bot.events.signature import Signature, event_day

# Small vocabularies, so that generated reports share countries, people, names and text.
COUNTRIES = ("India", "Japan", "United States", "Australia")
PEOPLE = ("Rajnath Singh", "Kishi Nobuo", "Lloyd Austin", "Richard Marles", "Nobuo Hamada")
NAMES = ("rajnath", "singh", "kishi", "nobuo", "austin", "marles", "hamada", "tokyo")
DAYS = (None, date(2024, 3, 1), date(2024, 3, 2), date(2024, 3, 4), date(2024, 3, 20))


def _subset(items: Sequence[str], most: int) -> st.SearchStrategy[frozenset[str]]:
    return st.frozensets(st.sampled_from(items), max_size=most)


@st.composite
def reports(draw: st.DrawFn) -> Signature:
    countries = draw(_subset(COUNTRIES, 3))
    hashes = draw(st.frozensets(st.integers(0, 40), max_size=12))
    return Signature(
        day=draw(st.sampled_from(DAYS)),
        countries=countries,
        people=draw(_subset(PEOPLE, 3)),
        agreements=draw(_subset(("ACSA", "RAA"), 1)),
        exercises=draw(_subset(("Malabar", "JIMEX"), 1)),
        formats=draw(_subset(("2+2",), 1)),
        pair=draw(st.sampled_from(((), tuple(sorted(countries))[:2], ("India", "Japan")))),
        kind=draw(st.sampled_from((None, *KINDS))),
        stage=draw(st.sampled_from((None, "start", "end"))),
        title_words=draw(_subset(("defence", "talks", "minister", "navy", "pact"), 4)),
        sketch=tuple(sorted(hashes)),
        shingles=len(hashes) + draw(st.sampled_from((0, 0, 30))),
        names=draw(_subset(NAMES, 4)),
    )


def _whole(day: date | None, members: Sequence[Signature]) -> Signature:
    """The event as a whole, worked out from every member at once."""
    kinds = Counter(m.kind for m in members if m.kind is not None).most_common(2)
    pairs = Counter(m.pair for m in members if len(m.pair) == 2).most_common(2)
    none: frozenset[str] = frozenset()
    return Signature(
        day=day,
        countries=none.union(*(m.countries for m in members)),
        people=none.union(*(m.people for m in members)),
        agreements=none.union(*(m.agreements for m in members)),
        exercises=none.union(*(m.exercises for m in members)),
        formats=none.union(*(m.formats for m in members)),
        names=none.union(*(m.names for m in members)),
        pair=pairs[0][0] if pairs and (len(pairs) == 1 or pairs[0][1] > pairs[1][1]) else (),
        kind=kinds[0][0] if kinds and (len(kinds) == 1 or kinds[0][1] > kinds[1][1]) else None,
    )


def _every_member_score(sig: Signature, cand: Candidate, window_days: float = 3.0,
                        exercise_window_days: float = 21.0, *, enough: float = 0.0) -> float:
    """`cluster._candidate_score` the long way: every member scored, the whole rebuilt
    (`enough` changes nothing: the best score is always found)."""
    members = cand.members
    anchor = cand.day if cand.day is not None else event_day(members)
    first = event_day(members)
    long = cluster._exercise(sig) and (
        sig.stage != "start" if sig.day is None or anchor is None or sig.day >= anchor
        else not any(m.stage == "start" for m in members if m.day == first))
    dated = sig.day is not None and anchor is not None
    gap = abs((sig.day - anchor).days) if sig.day is not None and anchor is not None else 0
    scored = [(evidence.score(sig, m), m) for m in members]
    if not any(s > 0 or sig.countries & m.countries or sig.people & m.people
               for s, m in scored):
        return 0.0
    whole = _whole(anchor, members)
    agreed = evidence.reconciled(sig, whole)
    scored.append((evidence.scored(sig, whole, agreed), whole))
    kind = whole.kind
    settled = kind if 2 * sum(m.kind == kind for m in members) >= len(members) else None
    people = len(agreed[0].people & agreed[1].people) if agreed else 0
    floor = 2.0 if people < 2 and not compatible(sig.kind, settled) else 0.0
    best = 0.0
    for s, other in scored:
        if s <= max(best, floor if s < 2.0 else 0.0):
            continue
        if dated:
            limit = exercise_window_days if long and cluster._exercise(other) else window_days
            if gap > limit:
                continue
        elif s < 2.0:
            continue
        best = s
    return best


def _every_shape() -> list[Signature]:
    """Reports of every combination of three countries, three people, the names that
    recover them, two kinds and (for an exercise) whether it names the exercise: all the
    cases of `may_agree`."""
    def subsets(items: Sequence[str]) -> list[frozenset[str]]:
        return [frozenset(c) for n in range(len(items) + 1) for c in combinations(items, n)]

    names: tuple[frozenset[str], ...] = (frozenset(), frozenset({"kishi"}),
                                         frozenset({"kishi", "austin"}))
    kinds: tuple[tuple[Kind, frozenset[str]], ...] = (
        ("exercise", frozenset()), ("exercise", frozenset({"JIMEX"})),
        ("meeting", frozenset()))
    return [Signature(day=DAYS[1], countries=c, people=p, names=n, kind=k, exercises=e,
                      pair=tuple(sorted(c))[:2] if len(c) >= 2 else ())
            for c in subsets(COUNTRIES[:3]) for p in subsets(PEOPLE[1:4])
            for n in names for k, e in kinds]


SHAPES = _every_shape()


def test_a_report_left_out_would_conflict() -> None:
    left_out = [(a, b) for a in SHAPES for b in SHAPES if not may_agree(a, b)]
    assert len(left_out) > len(SHAPES) ** 2 // 4  # most pairs are left out
    assert all(evidence.reconciled(a, b) is None for a, b in left_out)


def test_the_index_finds_every_member_that_may_agree() -> None:
    gathered = Gathered(SHAPES)
    for sig in SHAPES:
        assert gathered.agreeable(sig) == [m for m in SHAPES if may_agree(sig, m)]


@settings(max_examples=100, deadline=None)
@given(st.lists(reports(), min_size=1, max_size=14), st.sampled_from(DAYS))
def test_the_whole_kept_as_reports_join_is_the_whole_of_all_of_them(
        members: list[Signature], day: date | None) -> None:
    cand = Candidate("e", day, tuple(members), Gathered(members[:len(members) // 2]))
    anchor = day if day is not None else event_day(members)
    assert cand.whole == _whole(anchor, members)
    kind = cand.whole.kind
    assert cand.settled == (kind if kind is not None and 2 * sum(
        m.kind == kind for m in members) >= len(members) else None)
    assert cand.summary.first == event_day(members)


@settings(max_examples=120, deadline=None)
@given(st.lists(reports(), min_size=1, max_size=12), st.integers(0, 12), reports(),
       st.sampled_from(DAYS))
def test_scores_are_those_of_comparing_every_member(
        members: list[Signature], held: int, sig: Signature, day: date | None) -> None:
    # the first `held` members gathered beforehand, the others taken one by one
    cand = Candidate("e", day, tuple(members), Gathered(members[:held]))
    assert cluster._candidate_score(sig, cand, 3.0, 21.0) == _every_member_score(sig, cand)
    assert (cluster._candidate_score(sig, cand, 3.0, 21.0, enough=1e-9) > 0) == (
        _every_member_score(sig, cand) > 0)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), reports()), min_size=2, max_size=16),
       reports())
def test_assignments_and_merges_are_those_of_comparing_every_member(
        reports_by_event: list[tuple[int, Signature]], sig: Signature) -> None:
    events: dict[str, list[Signature]] = {}
    for n, report in reports_by_event:
        events.setdefault(f"e{n}", []).append(report)
    kept = [Candidate(e, event_day(m), tuple(m), Gathered(m)) for e, m in events.items()]
    grown = [c.grown([sig]) for c in kept]
    got = assign(sig, kept), [merges(g, kept) for g in grown]
    with patch.object(cluster, "_candidate_score", _every_member_score):
        plain = [Candidate(e, event_day(m), tuple(m)) for e, m in events.items()]
        assert got == (assign(sig, plain), [
            merges(Candidate(c.event_id, event_day((*c.members, sig)), (*c.members, sig)),
                   plain) for c in plain])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(DAYS), st.sampled_from((None, "start", "end"))),
                min_size=1, max_size=8))
def test_the_earliest_day_and_whether_it_tells_of_a_start_follow_the_reports(
        days: list[tuple[date | None, str | None]]) -> None:
    members = [Signature(day=d, stage=s) for d, s in days]  # type: ignore[arg-type]
    summary = Gathered(members).summary
    first = event_day(members)
    assert (summary.first, summary.starts_first) == (
        first, any(m.stage == "start" for m in members if m.day == first))


def test_an_older_exercise_report_joins_within_weeks_unless_the_event_began_with_a_start(
        ) -> None:
    def drill(day: date, stage: str | None) -> Signature:
        return Signature(day=day, countries=frozenset(COUNTRIES[:2]), pair=COUNTRIES[:2],
                         exercises=frozenset({"Malabar"}), kind="exercise",
                         stage=stage)  # type: ignore[arg-type]

    older = drill(date(2024, 3, 4), None)  # 16 days before the event's first report
    for stage, joins in (("start", False), ("end", True)):
        cand = Candidate("e", None, (drill(date(2024, 3, 20), stage),), None)
        assert (cluster._candidate_score(older, cand, 3.0, 21.0) > 0) is joins
        assert cluster._candidate_score(older, cand, 3.0, 21.0) == _every_member_score(
            older, cand)
