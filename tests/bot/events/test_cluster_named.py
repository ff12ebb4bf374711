"""Grouping signings and exercises: what was signed or exercised identifies the event,
more than who spoke about it. Fixture articles are written for these tests."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from bot.events.cluster import Candidate, Signature, assign, merges
from bot.events.kind import Stage
from tests.bot.events.reports import IJ, _fx, _sig

SIGNED = _fx(
    "signed", "pact", "2020-09-09T18:00:00+05:30",
    "India and Japan sign pact on reciprocal supplies",
    "Officials of the two defence ministries signed the ACSA in New Delhi on Wednesday, "
    "letting each side's forces draw fuel and spares from the other.",
    countries=IJ, agreements=("ACSA",))
SEALED_BY_LEADERS = _fx(
    "sealed", "pact", "2020-09-10T09:00:00+05:30",
    "Modi and Abe hail logistics deal sealed by their governments",
    "Prime Ministers Narendra Modi and Abe Shinzo welcomed the logistics arrangement their "
    "officials signed, in a short exchange of statements.",
    countries=IJ, people=("Narendra Modi", "Abe Shinzo"))


def test_a_signing_naming_its_leaders_joins_the_signing_named_by_its_agreement() -> None:
    """What was signed identifies a signing, not who spoke about it: a report naming the
    leaders but not the agreement joins the event of the same pair's signing that day."""
    signed, sealed = _sig(SIGNED), _sig(SEALED_BY_LEADERS)
    assert signed.kind == sealed.kind == "signing"
    assert assign(sealed, [Candidate("e1", signed.day, (signed,))]) == "e1"
    assert assign(signed, [Candidate("e1", sealed.day, (sealed,))]) == "e1"
    # another agreement named: another signing
    other = replace(sealed, agreements=frozenset({"GSOMIA"}))
    assert assign(other, [Candidate("e1", signed.day, (signed,))]) is None
    # a call naming its ministers does not join a call naming nobody (see fm-call)
    call = replace(sealed, kind="call")
    nobody = replace(signed, kind="call", agreements=frozenset())
    assert assign(call, [Candidate("e1", nobody.day, (nobody,))]) is None


_DRILL_TEXTS = {  # each report in its own words, so that no two are near-duplicates
    "three": ("Navies begin the first phase of the exercise",
              "Warships began the exercise in the Bay of Bengal on Tuesday."),
    "two": ("Frigate joins naval drills off the east coast",
            "An Australian frigate sailed with the other navies for the opening drills."),
    "passing": ("Fleet holds its biggest war game in years",
                "Ships from all commands are at sea; unlike Malabar, no foreign navy takes part."),
    "jimex": ("Destroyers exercise together near Visakhapatnam",
              "The two navies practised replenishment at sea and anti-submarine tactics."),
    "guardian": ("Soldiers train together in jungle school",
                 "Infantry companies of both armies rehearsed counter-terrorism drills."),
    "unnamed": ("Troops begin a joint drill",
                "The contingents started two weeks of joint training at a range up north."),
}


def _drill(name: str, countries: Sequence[str], exercises: Sequence[str]) -> Signature:
    title, text = _DRILL_TEXTS[name]
    return _sig(_fx(name, "drill", "2020-11-03T12:00:00+05:30", title, text,
                    countries=countries, exercises=exercises))


def test_an_exercise_named_in_passing_joins_no_other_pair_s_exercise() -> None:
    three = _drill("three", ("India", "Japan", "United States"), ("Malabar",))
    passing = _drill("passing", ("China", "India"), ("Malabar", "TROPEX"))
    assert three.kind == passing.kind == "exercise"
    assert assign(passing, [Candidate("e1", three.day, (three,))]) is None
    # a report naming other navies of the same exercise, and that exercise alone, is of
    # it: the exercise says who takes part, one shared country is enough
    two = _drill("two", ("Australia", "India"), ("Malabar",))
    assert assign(two, [Candidate("e1", three.day, (three,))]) == "e1"


def test_kind_pair_and_day_never_join_two_named_exercises() -> None:
    jimex = _drill("jimex", IJ, ("JIMEX",))
    guardian = _drill("guardian", IJ, ("Dharma Guardian",))
    assert assign(guardian, [Candidate("e1", jimex.day, (jimex,))]) is None
    unnamed = _drill("unnamed", IJ, ())
    assert assign(unnamed, [Candidate("e1", jimex.day, (jimex,))]) == "e1"


def _malabar(day: int, stage: Stage | None) -> Signature:
    return Signature(day=date(2026, 11, day), countries=frozenset(IJ), pair=IJ,
                     exercises=frozenset({"Malabar"}), kind="exercise",
                     stage=stage)


def test_two_small_events_of_one_exercise_merge_whichever_a_report_tied_into() -> None:
    """The harbour phase opens (9th), a report a day later, the sea phase "begins" (13th,
    within the week a start may follow the event's first report, `PHASE_DAYS`). The
    middle report ties between the two events; whichever it joins, the two become one:
    its own event takes the other's reports."""
    harbour, middle, sea = _malabar(9, "start"), _malabar(10, None), _malabar(13, "start")
    assert assign(sea, [Candidate("e1", harbour.day, (harbour,))]) == "e1"
    with_sea = Candidate("e2", middle.day, (middle, sea))
    with_harbour = Candidate("e1", harbour.day, (harbour, middle))
    assert merges(with_sea, [Candidate("e1", harbour.day, (harbour,))]) == ("e1",)
    assert merges(with_harbour, [Candidate("e2", sea.day, (sea,))]) == ("e2",)
