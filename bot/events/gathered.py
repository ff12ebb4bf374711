"""An event's reports gathered for grouping: the event as a whole, kept up to date as
reports join, and an index of which reports a new one can agree with.

Grouping (bot/events/cluster.py) compares an article with every report of each candidate
event, and with the event as a whole. On a day when one pair's reports pile up (a Malabar
edition, a 2+2, a backfill of one feed) events hold hundreds of reports, and both costs
grow with them: the whole was rebuilt from every report for each article, and most
comparisons end in a conflict (other ministers, another pair of countries) after all the
work of reconciling the two. Here the whole is kept as counts that a joining report
updates (`Summary`), and `Gathered.agreeable()` finds, through indexes by country set,
person and name, the reports that the two conflict tests (`evidence._conflict`, after
`evidence._recovered`) do not rule out; every other report would score 0. So a comparison
costs what the reports that may agree cost, not the event's size.

Both are built from the members' signatures alone, so a store that keeps them in memory
rebuilds them exactly after a restart. They only grow: a report never leaves an event
except by the event being merged away, and then its holder builds a new one. `Candidate`
is an event as grouping sees it, built on a `Gathered` when the caller keeps one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from typing import TypeVar

from bot.events.kind import Kind
from bot.events.signature import Signature, each_side, one_exercise, one_side
from bot.events.similarity import name_parts

__all__ = ["Candidate", "Gathered", "Summary", "may_agree"]

_NONE: frozenset[str] = frozenset()
_T = TypeVar("_T")


@dataclass
class Summary:
    """The event as a whole, as counts a joining report updates (see `whole`)."""

    size: int = 0
    countries: frozenset[str] = _NONE
    people: frozenset[str] = _NONE
    agreements: frozenset[str] = _NONE
    exercises: frozenset[str] = _NONE
    formats: frozenset[str] = _NONE
    names: frozenset[str] = _NONE
    origins: frozenset[tuple[str, str]] = frozenset()
    kinds: Counter[Kind] = field(default_factory=Counter)
    pairs: Counter[tuple[str, ...]] = field(default_factory=Counter)
    # members each exercise is the focus of (`Signature.focus`): what they are reports of
    drills: Counter[str] = field(default_factory=Counter)
    mentioned: frozenset[str] = _NONE
    state_sets: Counter[frozenset[str]] = field(default_factory=Counter)  # parties or not
    first: date | None = None  # the earliest day of a dated member
    # whether a member of that day (of the undated ones while none is dated) tells of a start
    starts_first: bool = False

    def add(self, sig: Signature) -> None:
        self.size += 1
        self.countries |= sig.countries
        self.people |= sig.people
        self.agreements |= sig.agreements
        self.exercises |= sig.exercises
        self.drills.update(sig.focus)
        self.formats |= sig.formats
        self.names |= sig.names
        self.origins |= frozenset(sig.origins)
        if sig.kind is not None:
            self.kinds[sig.kind] += 1
        if len(sig.pair) == 2:
            self.pairs[sig.pair] += 1
        self.mentioned |= sig.mentioned
        self.state_sets[sig.states] += 1
        start = sig.stage == "start"
        if sig.day is None:
            self.starts_first = self.starts_first or (self.first is None and start)
        elif self.first is None or sig.day < self.first:
            self.first, self.starts_first = sig.day, start
        elif sig.day == self.first:
            self.starts_first = self.starts_first or start

    def copy(self) -> Summary:
        """A copy that a report added to leaves this one as it is (the sets are frozen)."""
        return replace(self, kinds=self.kinds.copy(), pairs=self.pairs.copy(),
                       drills=self.drills.copy(), state_sets=self.state_sets.copy())

    def whole(self, day: date | None) -> Signature:
        """Members' entities united, the kind and pair most members give (none on a tie)."""
        return Signature(day=day, countries=self.countries, people=self.people,
                         agreements=self.agreements, exercises=self.exercises,
                         formats=self.formats, pair=_most(self.pairs) or (),
                         kind=_most(self.kinds), names=self.names,
                         origins=tuple(sorted(self.origins)),
                         mentioned=self.mentioned - self.countries)

    def known_by(self) -> frozenset[str]:
        """The exercises the most members are reports of (`Signature.focus`): what the
        event is an exercise of. One named by a single report of several is that
        report's background (the pair's other drills listed), and so is one every report
        names further down (another drill under way that week)."""
        top = max(self.drills.values(), default=0)
        return frozenset(n for n, c in self.drills.items() if c == top)

    def settled(self) -> Kind | None:
        """The kind most members give, when at least half of them give it."""
        kind = _most(self.kinds)
        return kind if kind is not None and 2 * self.kinds[kind] >= self.size else None


def _most(counts: Counter[_T]) -> _T | None:
    top = counts.most_common(2)
    return top[0][0] if top and (len(top) == 1 or top[0][1] > top[1][1]) else None


def _countries_agree(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two country lists do not contradict (`evidence._conflict`'s first test,
    before the exception for two shared people)."""
    return not a or not b or len(a & b) >= min(2, len(a), len(b))


def _named(people: frozenset[str], names: frozenset[str]) -> bool:
    return any(name_parts(p) & names for p in people)


def may_agree(a: Signature, b: Signature) -> bool:
    """False when `evidence.reconciled(a, b)` is None for certain: their countries
    disagree and they cannot share two people (found, or recovered from a text that
    names them), or both name people and share none (unless both are exercise reports);
    between reports of one exercise one state in common, party or not, is enough
    (`one_exercise`).
    True does not mean they agree."""
    if not _countries_agree(a.countries, b.countries) and not one_exercise(a, b):
        if a.people and b.people:
            if len(a.people & b.people) < 2:
                return False
        elif b.people:
            if not _named(b.people, a.names):
                return False
        elif not a.people or not _named(a.people, b.names):
            return False
    if a.people and b.people:
        return bool(a.people & b.people) or a.kind == b.kind == "exercise" or each_side(a, b)
    return True


@dataclass
class _Bucket:
    """The members naming one set of countries (positions in `Gathered.members`)."""

    all: list[int] = field(default_factory=list)
    nameless: list[int] = field(default_factory=list)  # naming no people
    exercise: list[int] = field(default_factory=list)  # exercise reports naming people
    one_side: list[int] = field(default_factory=list)  # naming people of one party only


class Gathered:
    """An event's members with their `Summary` and the index `agreeable()` reads."""

    def __init__(self, members: Iterable[Signature] = ()) -> None:
        self.members: list[Signature] = []
        self.summary = Summary()
        self._buckets: dict[frozenset[str], _Bucket] = {}
        self._by_person: dict[str, list[int]] = {}
        self._by_part: dict[str, list[int]] = {}  # a part of a named person's name
        self._by_name: dict[str, list[int]] = {}  # a capitalised word of a nameless report
        self._by_exercise: dict[str, list[int]] = {}  # an exercise an exercise report names
        for sig in members:
            self.add(sig)

    def add(self, sig: Signature) -> None:
        at = len(self.members)
        self.members.append(sig)
        self.summary.add(sig)
        bucket = self._buckets.setdefault(sig.countries, _Bucket())
        bucket.all.append(at)
        if sig.kind == "exercise":
            for name in sig.exercises:
                self._by_exercise.setdefault(name, []).append(at)
        if sig.people:
            for person in sig.people:
                self._by_person.setdefault(person, []).append(at)
            for part in frozenset().union(*(name_parts(p) for p in sig.people)):
                self._by_part.setdefault(part, []).append(at)
            if sig.kind == "exercise":
                bucket.exercise.append(at)
            if one_side(sig) is not None:
                bucket.one_side.append(at)
        else:
            bucket.nameless.append(at)
            for name in sig.names:
                self._by_name.setdefault(name, []).append(at)

    def __len__(self) -> int:
        return len(self.members)

    def agreeable(self, sig: Signature) -> list[Signature]:
        """The members `may_agree` with sig, in the order they joined; the others would
        score 0 with it."""
        sure: set[int] = set()  # may agree: their countries do not contradict sig's
        agree: set[frozenset[str]] = set()
        # people in common, or named in the text, or the other side: may agree, whatever
        # the countries
        maybe: set[int] = set()
        sided = one_side(sig) is not None
        for countries, bucket in self._buckets.items():
            if _countries_agree(sig.countries, countries):
                agree.add(countries)
                if not sig.people:
                    sure.update(bucket.all)
                    continue
                sure.update(bucket.nameless)
                sure.update(bucket.exercise if sig.kind == "exercise" else ())
                maybe.update(bucket.one_side if sided else ())  # the other side's readout
        members = self.members
        if sig.kind == "exercise":  # one exercise: one shared country is enough
            for name in sig.exercises:
                maybe.update(self._by_exercise.get(name, ()))
        if sig.people:
            for person in sig.people:
                for i in self._by_person.get(person, ()):
                    (sure if members[i].countries in agree else maybe).add(i)
            for part in frozenset().union(*(name_parts(p) for p in sig.people)):
                maybe.update(self._by_name.get(part, ()))
        else:
            for name in sig.names:
                maybe.update(self._by_part.get(name, ()))
        sure.update(i for i in maybe - sure if may_agree(sig, members[i]))
        return [members[i] for i in sorted(sure)]


@dataclass(frozen=True)
class Candidate:
    """An event the store fetched for an article (bot/events/cluster.py): its id, day and
    members' signatures.

    `gathered`, when the caller keeps one for the event, holds the first members (as
    many as it has), so the event as a whole and the members that may agree with an
    article are not worked out again from every member; the members after those are
    taken one by one. A Candidate is valid while its `gathered` does not grow.
    """

    event_id: str
    day: date | None
    members: tuple[Signature, ...]
    gathered: Gathered | None = field(default=None, compare=False, repr=False)

    @cached_property
    def _index(self) -> Gathered:
        return self.gathered if self.gathered is not None else Gathered(self.members)

    @cached_property
    def _rest(self) -> tuple[Signature, ...]:
        return self.members[len(self._index):]

    @cached_property
    def summary(self) -> Summary:
        """The members' entities united and counted (see `Summary`)."""
        if not self._rest:
            return self._index.summary
        out = self._index.summary.copy()
        for sig in self._rest:
            out.add(sig)
        return out

    @cached_property
    def anchor(self) -> date | None:
        """The day windows are measured from: the stored day, else the earliest member's."""
        return self.day if self.day is not None else self.summary.first

    @cached_property
    def whole(self) -> Signature:
        """The event as a whole: members' entities united, the kind and pair most members
        give; `merges` compares every report of every other event with it."""
        return self.summary.whole(self.anchor)

    @cached_property
    def settled(self) -> Kind | None:
        """The kind of the event when at least half its reports give it, else None.

        Only a settled kind keeps a report of another kind out: one report of three
        whose kind is a word in passing (an exercise the readout of a treaty coming into
        force mentions) does not make the event an exercise.
        """
        return self.summary.settled()

    def agreeable(self, sig: Signature) -> list[Signature]:
        """The members that may score above 0 with sig; the others score 0."""
        return [*self._index.agreeable(sig), *(m for m in self._rest if may_agree(sig, m))]

    def grown(self, more: Sequence[Signature]) -> Candidate:
        """This event with more members, its day the earliest member's (`event_day`)."""
        day = min((d for d in (self.summary.first, *(m.day for m in more)) if d is not None),
                  default=None)
        return Candidate(self.event_id, day, (*self.members, *more), self._index)
