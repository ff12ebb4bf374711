"""Reports of one exercise that read its parties differently: a multilateral drill
read as another pair, a third state's objection, a host named only as the place. The
exercise both name, and a country they share, make them one event; fixture articles are
written for these tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from bot.events.cluster import Candidate, assign, merges
from bot.events.gathered import Gathered, may_agree
from tests.bot.events.reports import _fx, _sig

START = _fx(
    "sea-start", "sea-drill", "2024-10-08T09:00:00+05:30",
    "Indian and US navies begin Sea Lance drill off Kochi",
    "The Indian Navy and the US Navy began the Sea Lance exercise off Kochi on Tuesday, "
    "with two frigates and a maritime patrol aircraft from each side.",
    countries=("India", "United States"), exercises=("Sea Lance",))
OTHER_PAIR = _fx(
    "sea-guests", "sea-drill", "2024-10-09T10:00:00+05:30",
    "Australian frigate sails with Indian ships as Sea Lance widens",
    "An Australian frigate joined Indian warships on the second day of the Sea Lance "
    "exercise, the first time Canberra has sent a ship to the drill.",
    countries=("Australia", "India"), exercises=("Sea Lance",))
OBJECTION = _fx(
    "sea-objection", "sea-drill", "2024-10-15T12:00:00+05:30",
    "Delhi brushes off Beijing's complaint about Sea Lance exercise",
    "India's foreign ministry said the Sea Lance exercise off Kochi was a routine bilateral "
    "drill and dismissed a Chinese statement calling it provocative.",
    countries=("China", "India"), exercises=("Sea Lance",))


def test_reports_of_one_exercise_sharing_one_country_are_one_event() -> None:
    start, guests, objection = _sig(START), _sig(OTHER_PAIR), _sig(OBJECTION)
    assert start.kind == guests.kind == objection.kind == "exercise"
    event = Candidate("e1", start.day, (start,))
    assert assign(guests, [event]) == "e1"
    # a week later, inside the exercise window
    assert assign(objection, [event]) == "e1"
    # whichever arrived first: the index finds the member, merges mend the split
    assert may_agree(objection, start) and may_agree(start, objection)
    assert Gathered([start]).agreeable(objection) == [start]
    assert merges(Candidate("e2", guests.day, (guests,)), [event]) == ("e1",)


def test_without_the_exercise_or_a_shared_country_the_countries_still_conflict() -> None:
    start, objection = _sig(START), _sig(OBJECTION)
    event = Candidate("e1", start.day, (start,))
    # another exercise of the same week
    other = replace(objection, exercises=frozenset({"Blue Flag"}))
    assert assign(other, [event]) is None
    assert not may_agree(other, start)
    # the same exercise named, but no country in common
    far = replace(objection, countries=frozenset({"China", "Japan"}), pair=("China", "Japan"))
    assert assign(far, [event]) is None
    # a report of another kind naming the exercise in passing (a meeting)
    meeting = replace(objection, kind="meeting")
    assert assign(meeting, [event]) is None
    assert not may_agree(meeting, start)


def test_the_exercise_window_still_bounds_them() -> None:
    start, objection = _sig(START), _sig(OBJECTION)
    assert objection.day is not None
    late = replace(objection, day=objection.day + timedelta(days=30))
    assert assign(late, [Candidate("e1", start.day, (start,))]) is None


def test_a_report_naming_another_exercise_too_stays_apart() -> None:
    """A report of one navy's own drill that names the other exercise in passing shares
    a country and that name, but names an exercise the event does not."""
    start = _sig(START)
    own = _fx("own-drill", "own", "2024-10-09T08:00:00+05:30",
              "Western fleet puts to sea for its annual war game",
              "Every command sent ships to the Coastal Shield exercise; unlike Sea Lance, "
              "no foreign navy takes part.",
              countries=("China", "India"), exercises=("Coastal Shield", "Sea Lance"))
    assert assign(_sig(own), [Candidate("e1", start.day, (start,))]) is None


def test_the_beginning_of_the_month_tells_of_no_start() -> None:
    def stage(lead: str) -> str | None:
        return _sig(_fx("lead", "x", "2024-10-12T07:00:00+05:30", "Navy drill", lead,
                        countries=("India", "Japan"))).stage
    assert stage("At the beginning of the month the fleet sailed for Guam.") is None
    assert stage("या महिन्याच्या सुरुवातीला नौदलांचा सराव पार पडला.") is None
    assert stage("महीने की शुरुआत में नौसेनाओं का अभ्यास हुआ.") is None
    assert stage("The exercise is beginning off Kochi today.") == "start"
    assert stage("विशाखापट्टणममध्ये नौदल सरावाला सुरुवात झाली.") == "start"
    assert stage("अभ्यास की शुरुआत हुई.") == "start"



FOUR_NAVIES = _fx(
    "sea-four", "sea-four", "2024-10-01T19:00:00+05:30",
    "Australia to sail in Sea Lance, bringing four navies together",
    "Australia will join India, the United States and Japan in this year's Sea Lance "
    "exercise, the defence ministry said on Tuesday.",
    countries=("India", "Japan", "United States"), exercises=("Sea Lance",),
    mentioned=("Australia",))
FOUR_NAVIES_HI = _fx(
    "sea-four-hi", "sea-four", "2024-10-02T06:00:00+05:30",
    "सी लांस अभ्यास में ऑस्ट्रेलिया भी उतरेगा, चीन की नजर",
    "इस साल सी लांस नौसैनिक अभ्यास में भारत, अमेरिका और जापान के साथ ऑस्ट्रेलिया भी "
    "हिस्सा लेगा; चीन ने इस पर नाराजगी जताई है।",
    countries=("Australia", "China"), exercises=("Sea Lance",),
    mentioned=("India", "Japan", "United States"))


def test_reports_of_one_drill_whose_parties_one_reads_as_bystanders_are_one_event() -> None:
    """A multilateral drill: one report reads three navies as its parties and names the
    fourth in passing, the other reads the newcomer and the objecting state as parties
    and names the three in passing. Every state either names counts."""
    three, two = _sig(FOUR_NAVIES), _sig(FOUR_NAVIES_HI)
    assert not three.countries & two.countries
    assert three.mentioned == {"Australia"} and "India" in two.mentioned
    assert assign(two, [Candidate("e1", three.day, (three,))]) == "e1"
    assert assign(three, [Candidate("e1", two.day, (two,))]) == "e1"
    assert may_agree(two, three) and Gathered([three]).agreeable(two) == [three]
    assert merges(Candidate("e2", two.day, (two,)), [Candidate("e1", three.day, (three,))]) \
        == ("e1",)
    # no state in common even among those named in passing: still two events
    apart = replace(two, countries=frozenset({"Canada", "China"}), pair=("Canada", "China"),
                    mentioned=frozenset({"Korea"}))
    assert assign(apart, [Candidate("e1", three.day, (three,))]) is None
    # nor between a report of the drill and a meeting that names it
    meeting = replace(two, kind="meeting")
    assert assign(meeting, [Candidate("e1", three.day, (three,))]) is None
