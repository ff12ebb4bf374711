"""A drill is announced days before it starts, and the start-day reports belong with
the announcement: a report of the drill starting joins an event of that drill begun up
to a week before (`cluster.PHASE_DAYS`); a start further on is a new phase. Reports
written for these tests, in each language announcements and starts come in."""

from __future__ import annotations

import itertools

import pytest

from bot.events.cluster import Candidate, assign
from tests.bot.events.reports import Fixture, _fx, _placed, _sig

IJ = ("India", "Japan")
DRILL = ("Sky Bridge",)

ANNOUNCED = _fx(
    "notice-ja", "edition", "2031-12-05T16:00:00+09:00",
    "日印共同訓練（スカイ・ブリッジ）の実施について",
    "航空自衛隊は、インド空軍との間で、下記のとおり日印共同訓練を実施します。\n\n"
    "期間　１２月９日から１２月１２日まで",
    countries=IJ, exercises=DRILL, leading=DRILL)
STARTS = (
    _fx("start-en", "edition", "2031-12-09T17:30:00+05:30",
        "Indian and Japanese air forces begin Sky Bridge at Agra",
        "The two air forces began the Sky Bridge exercise at Agra on Tuesday; it runs to "
        "Friday.", countries=IJ, exercises=DRILL, leading=DRILL),
    _fx("start-hi", "edition", "2031-12-09T19:00:00+05:30",
        "आगरा में भारत-जापान वायुसेनाओं का स्काय ब्रिज अभ्यास शुरू",
        "भारत और जापान की वायुसेनाओं ने मंगलवार को आगरा में स्काय ब्रिज अभ्यास शुरू किया।",
        countries=IJ, exercises=DRILL, leading=DRILL),
    _fx("start-mr", "edition", "2031-12-10T08:00:00+05:30",
        "आग्र्यात भारत-जपान हवाई दलांचा स्काय ब्रिज सराव सुरू",
        "भारत आणि जपानच्या हवाई दलांनी मंगळवारी आग्रा येथे स्काय ब्रिज सराव सुरू केला.",
        countries=IJ, exercises=DRILL, leading=DRILL),
)


def test_the_reports_tell_what_the_case_needs() -> None:
    assert _sig(ANNOUNCED).kind == "exercise" and _sig(ANNOUNCED).stage is None
    assert all(_sig(fx).kind == "exercise" and _sig(fx).stage == "start" for fx in STARTS)


ORDERS = [*itertools.permutations((ANNOUNCED, *STARTS[:2])),
          (*STARTS, ANNOUNCED), (ANNOUNCED, *STARTS), (*STARTS[::-1], ANNOUNCED)]


@pytest.mark.parametrize("order", ORDERS)
def test_an_announcement_and_the_start_it_announces_are_one_event(
        order: tuple[Fixture, ...]) -> None:
    placed = _placed(order)
    assert len(set(placed.values())) == 1, placed


def _start(day: int) -> Fixture:
    return _fx(f"start-{day}", "later", f"2031-12-{day:02d}T09:00:00+05:30",
               "Second phase of Sky Bridge begins at Gwalior",
               "The second phase of the Sky Bridge exercise began at Gwalior on Monday.",
               countries=IJ, exercises=DRILL, leading=DRILL)


@pytest.mark.parametrize(("day", "joins"), [(11, True), (12, True), (13, False), (19, False)])
def test_a_start_more_than_a_week_on_is_a_new_phase(day: int, joins: bool) -> None:
    first = _sig(ANNOUNCED)  # the 5th
    event = Candidate("e1", first.day, (first,))
    assert (assign(_sig(_start(day)), [event]) == "e1") is joins


def test_a_start_of_another_drill_within_the_week_stays_apart() -> None:
    first = _sig(ANNOUNCED)
    other = _fx("army-start", "army", "2031-12-08T09:00:00+05:30",
                "Indian and Japanese armies begin Land Shield in Rajasthan",
                "The two armies began the Land Shield exercise in Rajasthan on Monday.",
                countries=IJ, exercises=("Land Shield",), leading=("Land Shield",))
    assert assign(_sig(other), [Candidate("e1", first.day, (first,))]) is None
