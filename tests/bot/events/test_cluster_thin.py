"""Grouping reports that share no name: what one bilateral event's reports still share
(the pair, a kind that does not contradict, the day) and what keeps another event of the
same pair out. Fixture articles are written for these tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from bot.events.cluster import Candidate, assign, merges
from tests.bot.events.reports import BY_NAME, IJ, _fx, _sig

# The two defence chiefs, named nowhere, and no cue word for a call or a meeting: a
# report in another script often reads like this once its names are not recognised.
UNTOLD = _fx(
    "untold", "call-dec", "2020-12-22T23:00:00+05:30",
    "India and Japan review defence ties",
    "The two defence chiefs went over maritime security and equipment cooperation on "
    "Tuesday, their ministries said.",
    countries=IJ)
RAA = ("Australia", "Japan")
IN_FORCE = _fx(
    "in-force", "raa", "2023-08-13T09:00:00+09:00",
    "Japan-Australia troop access pact takes effect",
    "The reciprocal access agreement between Japan and Australia took effect on Sunday, "
    "easing the paperwork for each side's forces on the other's soil.",
    countries=RAA, agreements=("RAA",))
IN_FORCE_SIGNED = _fx(
    "in-force-signed", "raa", "2023-08-13T12:00:00+10:00",
    "Access deal signed last year now binds Canberra and Tokyo",
    "The agreement the two prime ministers signed is now in force, and the first "
    "fighter jets are due within weeks.",  # (dated to 2022, the signing would be history)
    countries=RAA, agreements=("RAA",))
IN_FORCE_DRILL = _fx(
    "in-force-drill", "raa", "2023-08-13T15:00:00+09:00",
    "Access agreement in force; joint drills next",
    "With the reciprocal access agreement in force, joint exercises on each other's soil "
    "can begin; officials named none yet.",
    countries=RAA, agreements=("RAA",))


def test_a_report_whose_kind_is_untold_joins_the_same_pair_s_event_of_that_day() -> None:
    """Nameless, no cue for its kind: it joins the pair's event of that day (a report in
    another script whose names and wording the rules did not recognise)."""
    untold = _sig(UNTOLD)
    assert untold.kind is None and not untold.people and untold.pair == IJ
    pib = _sig(BY_NAME["call-pib"])
    assert assign(untold, [Candidate("e1", pib.day, (pib,))]) == "e1"
    # a report of a known kind naming nobody joins an event whose kind is untold, too
    nameless_call = replace(_sig(BY_NAME["call-copy"]), people=frozenset(),
                            names=frozenset())
    told = replace(pib, kind=None)
    assert assign(nameless_call, [Candidate("e1", told.day, (told,))]) == "e1"


# A ministry's written answer to parliament on how often the pact was used, told by an
# English and a Marathi outlet: no people, no cue of a kind in either, the pact named in
# English only.
ANSWER = _fx(
    "answer", "answer", "2024-12-10T16:00:00+05:30",
    "Supplies pact with Japan invoked fourteen times, minister says",
    "The arrangement between India and Japan on reciprocal supplies has been invoked "
    "fourteen times since it took effect, the junior defence minister said in a written "
    "reply on Tuesday, mostly for fuel and water at sea.",
    countries=IJ, agreements=("ACSA",))
ANSWER_MR = _fx(
    "answer-mr", "answer", "2024-12-11T06:00:00+05:30",
    "जपानसोबतच्या रसद करारावर संसदेत प्रश्नोत्तर",
    "भारत आणि जपान यांच्यातील रसद करार आतापर्यंत चौदा वेळा वापरला गेला, असे संरक्षण "
    "राज्यमंत्र्यांनी मंगळवारी लेखी उत्तरात सांगितले.",
    countries=IJ)


def test_two_reports_that_tell_no_kind_join_on_the_pair_and_the_day() -> None:
    """Neither tells its kind, so neither contradicts the other's: the pair and the day
    tie them, whichever arrives first (`merges` asks both ways of two small events)."""
    en, mr = _sig(ANSWER), _sig(ANSWER_MR)
    assert en.kind is None and mr.kind is None and not en.people and not mr.people
    assert assign(mr, [Candidate("e1", en.day, (en,))]) == "e1"
    assert merges(Candidate("e2", mr.day, (mr,)), [Candidate("e1", en.day, (en,))]) == ("e1",)
    # another pair's untold report of that day, or the same pair's days later: apart
    other = replace(en, pair=("Japan", "United States"),
                    countries=frozenset({"Japan", "United States"}))
    assert assign(mr, [Candidate("e1", other.day, (other,))]) is None
    assert en.day is not None
    later = replace(en, day=en.day + timedelta(days=3))  # two days after mr's
    assert assign(mr, [Candidate("e1", later.day, (later,))]) is None


def test_thin_evidence_needs_kinds_that_agree_the_pair_and_the_day() -> None:
    untold, pib = _sig(UNTOLD), _sig(BY_NAME["call-pib"])
    # neither report tells its kind: the pair and the day, which nothing contradicts
    assert assign(untold, [Candidate("e1", pib.day, (replace(pib, kind=None),))]) == "e1"
    # a call and a meeting of that day are two events
    meeting = replace(untold, kind="meeting")
    assert assign(meeting, [Candidate("e1", pib.day, (pib,))]) is None
    # another pair
    other = replace(pib, pair=("Japan", "United States"),
                    countries=frozenset({"Japan", "United States"}))
    assert assign(untold, [Candidate("e1", pib.day, (other,))]) is None
    # two days apart
    assert pib.day is not None
    later = replace(pib, day=pib.day + timedelta(days=2))
    assert assign(untold, [Candidate("e1", later.day, (later,))]) is None
    # a report naming people does not join an event that names nobody on this evidence
    assert assign(pib, [Candidate("e1", untold.day, (untold,))]) is None


def test_once_the_named_report_arrives_the_untold_one_is_merged_into_it() -> None:
    untold, pib, fm = (_sig(UNTOLD), _sig(BY_NAME["call-pib"]), _sig(BY_NAME["fm-call"]))
    first = Candidate("e1", untold.day, (untold,))
    named = Candidate("e2", pib.day, (pib,))
    assert merges(named, [first]) == ("e1",)
    # the foreign ministers' call of that day names other people: never merged with it
    assert merges(named, [Candidate("e3", fm.day, (fm,)), first]) == ("e1",)


def test_an_event_s_kind_keeps_a_report_out_only_when_half_its_reports_give_it() -> None:
    """A treaty coming into force: one report of three mentions drills to come and reads
    as an exercise; a report that reads as a signing still joins on the agreement."""
    force, drill = _sig(IN_FORCE), _sig(IN_FORCE_DRILL)
    signed = _sig(IN_FORCE_SIGNED)
    assert drill.kind == "exercise" and force.kind is None and signed.kind == "signing"
    quiet = replace(force, sketch=(), shingles=0)  # another outlet, other words
    event = Candidate("e1", force.day, (force, quiet, drill))
    assert event.settled is None
    assert assign(signed, [event]) == "e1"
    # two of three reports an exercise: the event is one, and a signing stays out
    drills = Candidate("e1", force.day, (drill, replace(drill, sketch=(), shingles=0), force))
    assert drills.settled == "exercise"
    assert assign(signed, [drills]) is None


def test_an_event_joins_once_its_reports_that_name_more_have_joined() -> None:
    """The untold report joined a nameless call report; neither event names its people.
    The call report joins the other, and with it the untold one: both are merged,
    whichever of them arrived first."""
    untold = _sig(UNTOLD)
    nameless_call = replace(_sig(BY_NAME["call-copy"]), people=frozenset(),
                            names=frozenset())
    told = replace(_sig(BY_NAME["call-pib"]), kind=None)
    grown = Candidate("e2", told.day, (told,))
    assert assign(untold, [grown]) == "e2"  # alone, on the pair and the day
    for members in ((untold, nameless_call), (nameless_call, untold)):
        assert merges(grown, [Candidate("e1", untold.day, members)]) == ("e1",)


PORT_CALL = _fx(
    "port-call", "port-call", "2025-03-12T10:00:00+05:30",
    "Japanese destroyer calls at Mumbai",
    "The destroyer took on fuel and fresh water at Mumbai on Wednesday under the "
    "reciprocal supplies agreement, before sailing on for the Gulf of Aden.",
    countries=IJ, agreements=("ACSA",))
PORT_CALL_HI = _fx(
    "port-call-hi", "port-call", "2025-03-12T18:00:00+05:30",
    "मुंबई पहुँचे जापानी जहाज़ को नौसेना ने दिया ईंधन",
    "जापानी विध्वंसक बुधवार को मुंबई पहुँचा और भारतीय नौसेना ने उसे ईंधन दिया।",
    countries=IJ)


def test_a_port_call_is_a_kind_its_reports_in_any_script_share() -> None:
    """Nobody named, the agreement named in one report only: the kind (a port call, told
    by its cue words in each language) with the pair and the day ties them."""
    call, hindi = _sig(PORT_CALL), _sig(PORT_CALL_HI)
    assert call.kind == hindi.kind == "logistics"
    assert assign(hindi, [Candidate("e1", call.day, (call,))]) == "e1"
    assert assign(call, [Candidate("e1", hindi.day, (hindi,))]) == "e1"
    # the same pair's exercise that day may be the ships' refuelling; a call is not
    drill = replace(call, kind="exercise", agreements=frozenset())
    assert assign(hindi, [Candidate("e1", drill.day, (drill,))]) == "e1"
    phone = replace(call, kind="call", agreements=frozenset())
    assert assign(hindi, [Candidate("e1", phone.day, (phone,))]) is None


def test_a_named_drill_does_not_join_an_untold_report_of_that_day_on_thin_evidence() -> None:
    """A nameless report of a named exercise, a day after the pair's leaders spoke about
    a missile launch (no kind, no exercise): not one event. A report of untold kind
    naming no exercise still joins the drill."""
    drill = _fx("named-drill", "drill", "2022-10-05T10:00:00+09:00",
                "Marines and Japanese troops drill in the north",
                "The annual Iron Ridge exercise continued on Wednesday with rocket "
                "artillery firing on the island.",
                countries=("Japan", "United States"), exercises=("Iron Ridge",))
    launch = _fx("launch", "launch", "2022-10-04T12:00:00+09:00",
                 "Tokyo and Washington condemn launch",
                 "Kishida and Biden spoke of the missile that flew over the north on "
                 "Tuesday morning.",
                 countries=("Japan", "United States"), people=("Kishida Fumio", "Joe Biden"))
    d, lt = _sig(drill), _sig(launch)
    assert d.kind == "exercise" and lt.kind is None and not d.people
    assert assign(d, [Candidate("e1", lt.day, (lt,))]) is None
    # an event of the exercise kind naming nothing is still joined on kind and day
    told = replace(lt, kind="exercise")
    assert assign(d, [Candidate("e1", told.day, (told,))]) == "e1"
