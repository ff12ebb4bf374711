"""A report is of the drill it leads with (`Signature.focus`), and an exercise event is
known by the drill its reports lead with (`Summary.known_by`): drills named further down
(a summit welcoming the month's drills, a drill's report listing the pair's others, or
another drill under way that week) do not stretch the weeks-long exercise window between
two happenings. Reports written for these tests, in each language such reports come in."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.events.cluster import Candidate, assign, merges
from bot.events.gathered import Gathered
from bot.events.signature import Signature
from tests.bot.events.reports import Fixture, _fx, _placed, _sig

IJ = ("India", "Japan")
LEADERS = ("Narendra Modi", "Kishida Fumio")
BOTH = ("Sky Bridge", "Land Shield")  # the air drill, and the army drill under way too

# An air drill; every report also names the army drill running that week, lower down.
DRILL = (
    _fx("air-en", "air", "2031-03-02T18:00:00+05:30",
        "Indian and Japanese transport crews fly together in Sky Bridge",
        "Indian and Japanese transport aircraft wrapped up the Sky Bridge air drill on "
        "Thursday.\n\nThe drill overlapped with Land Shield, the armies' exercise under way.",
        countries=IJ, exercises=BOTH, leading=("Sky Bridge",)),
    _fx("air-ja", "air", "2031-03-02T19:00:00+09:00",
        "空自とインド空軍が輸送機で共同訓練",
        "航空自衛隊は２日、インド空軍との共同訓練「スカイ・ブリッジ」を実施した。\n\n"
        "陸上部隊の共同訓練「ランド・シールド」も実施中だ。",
        countries=IJ, exercises=BOTH, leading=("Sky Bridge",)),
    _fx("air-mr", "air", "2031-03-03T09:00:00+05:30",
        "भारत-जपान हवाई दलांचा संयुक्त सराव",
        "भारत आणि जपानच्या हवाई दलांचा 'स्काय ब्रिज' सराव गुरुवारी पार पडला.\n\n"
        "दोन्ही लष्करांचा 'लँड शील्ड' सरावही सध्या सुरू आहे.",
        countries=IJ, exercises=BOTH, leading=("Sky Bridge",)),
)
# The leaders' summit eighteen days later, whose reports welcome the army drill below
# their lead; the Marathi one lists "joint exercises" among the fields of cooperation.
SUMMIT = (
    _fx("summit-en", "summit", "2031-03-20T20:00:00+05:30",
        "Modi and Kishida agree to widen defence ties",
        "Prime Minister Narendra Modi and Fumio Kishida agreed on Monday to widen defence "
        "cooperation as they held talks in New Delhi.\n\n"
        "They welcomed the army drill Land Shield.",
        countries=IJ, people=LEADERS, exercises=("Land Shield",)),
    _fx("summit-hi", "summit", "2031-03-20T22:00:00+05:30",
        "मोदी और किशिदा की वार्ता, रक्षा सहयोग बढ़ाने पर सहमति",
        "प्रधानमंत्री नरेंद्र मोदी और फुमियो किशिदा ने सोमवार को नई दिल्ली में वार्ता की।\n\n"
        "दोनों ने थल सेनाओं के लैंड शील्ड अभ्यास का स्वागत किया।",
        countries=IJ, people=LEADERS, exercises=("Land Shield",)),
    _fx("summit-mr", "summit", "2031-03-21T06:00:00+05:30",
        "भारत-जपान संरक्षण सहकार्य वाढवणार",
        "संरक्षण उपकरणे, संयुक्त लष्करी सराव आणि सागरी सुरक्षा या क्षेत्रांत सहकार्य "
        "वाढवण्यावर नरेंद्र मोदी आणि फुमियो किशिदा यांच्यात सोमवारी सहमती झाली.\n\n"
        "दोन्ही नेत्यांनी 'लँड शील्ड' सरावाचे स्वागत केले.",
        countries=IJ, people=LEADERS, exercises=("Land Shield",)),
)


def test_a_summit_report_read_as_an_exercise_still_stays_apart() -> None:
    """Whatever makes a summit's report read as an exercise (a list of cooperation its
    lead gives, which bot/events/kind.py now reads as the agenda), the drill it names
    further down is not the one its event is of, nor the drill's event of that one."""
    drill = [_sig(fx) for fx in DRILL]
    summit = [replace(_sig(fx), kind="exercise") for fx in SUMMIT]
    drills = Candidate("e1", drill[0].day, tuple(drill))
    summits = Candidate("e2", summit[0].day, tuple(summit))
    assert all(assign(s, [drills]) is None for s in summit)
    assert all(assign(d, [summits]) is None for d in drill)
    assert merges(summits, [drills]) == () and merges(drills, [summits]) == ()


@pytest.mark.parametrize("order", [
    DRILL + SUMMIT, SUMMIT + DRILL, SUMMIT[::-1] + DRILL[::-1],
    (SUMMIT[2], DRILL[0], SUMMIT[0], DRILL[1], SUMMIT[1], DRILL[2]),
], ids=["oldest-first", "summit-first", "newest-first", "interleaved"])
def test_a_summit_welcoming_the_month_s_drills_is_not_the_drill(
        order: tuple[Fixture, ...]) -> None:
    placed = _placed(order)
    assert len({placed[fx.name] for fx in DRILL}) == 1
    assert len({placed[fx.name] for fx in SUMMIT}) == 1
    assert placed[DRILL[0].name] != placed[SUMMIT[0].name]


def test_focus_is_the_drill_led_with_else_every_drill_named() -> None:
    assert _sig(DRILL[0]).focus == frozenset({"Sky Bridge"})
    assert _sig(SUMMIT[0]).focus == frozenset({"Land Shield"})
    event = Gathered(_sig(fx) for fx in DRILL)
    # the army drill every report names further down is not what the event is of
    assert event.summary.known_by() == frozenset({"Sky Bridge"})


def _end(leading: tuple[str, ...]) -> Fixture:
    return _fx("air-end", "air", "2031-03-14T18:00:00+05:30",
               "Transport crews head home as joint air drill ends",
               "The Indian and Japanese air forces ended their joint exercise on Friday.\n\n"
               "Sky Bridge ran for two weeks; Land Shield, the armies' drill, goes on.",
               countries=IJ, exercises=BOTH, leading=leading)


def test_a_wrap_up_naming_its_drill_only_below_still_joins_it() -> None:
    """The exercise window still spans a drill's weeks when the wrap-up names it lower
    down: with nothing at the top, every drill it names may be the one it is of."""
    start = _sig(DRILL[0])
    assert assign(_sig(_end(())), [Candidate("e1", start.day, (start,))]) == "e1"


def test_a_report_leading_with_another_drill_stays_apart_weeks_later() -> None:
    """A report twelve days on that leads with the army drill and names the air drill
    below is of the army drill."""
    start = _sig(DRILL[0])
    other: Signature = _sig(_end(("Land Shield",)))
    assert assign(other, [Candidate("e1", start.day, (start,))]) is None
