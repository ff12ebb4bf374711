"""Reports of one drill, port call or approval that tell it in other words: a ship's
visit read as a meeting, a pact named as the drill's background, an approval whose lead
gives the drills it allows. Fixture articles are written for these tests."""

from __future__ import annotations

import pytest

from bot.events.cluster import Candidate, assign
from bot.events.kind import compatible, event_kind
from bot.events.signature import Signature
from tests.bot.events.reports import Fixture, _fx, _sig

JA = ("Australia", "Japan")
IA = ("Australia", "India")
IJ = ("India", "Japan")


@pytest.mark.parametrize(("title", "body"), [
    ("Upper house approves troop pact with Canberra",
     "The upper house on Friday approved the access agreement, which will let the two "
     "forces train and exercise on each other's soil."),
    ("参院、日豪円滑化協定を承認",
     "参院本会議は２８日、協定を承認した。両国の部隊が共同訓練で相互に訪問しやすくなる。"),
    ("संसद ने सैन्य पहुंच समझौते को मंजूरी दी",
     "संसद ने शुक्रवार को समझौते को मंजूरी दी। इससे दोनों सेनाएं साझा अभ्यास आसानी से कर सकेंगी।"),
    ("सैन्य प्रवेश कराराला संसदेची मंजुरी",
     "संसदेने शुक्रवारी कराराला मंजुरी दिली. त्यामुळे दोन्ही देशांच्या सैन्यांना संयुक्त सराव करणे सोपे होईल."),
])
def test_an_approval_in_the_headline_outweighs_the_drills_its_lead_gives_as_purpose(
        title: str, body: str) -> None:
    assert event_kind(title, body) == "approval"


@pytest.mark.parametrize(("title", "body"), [
    ("Troop pact with Manila moves ahead",
     "The Senate approved the pact on Monday, and joint exercises on each other's soil "
     "will be easier. Officials welcomed it."),
    ("フィリピンとの部隊往来、発効へ前進",
     "比上院が１６日、協定の批准に同意した。両国の部隊が共同訓練をしやすくなる。"),
])
def test_an_approval_beside_the_drills_it_allows_is_the_approval(title: str,
                                                                 body: str) -> None:
    """Neither the headline nor the lead outweighs: the approval is the news, the drills
    are what it allows."""
    assert event_kind(title, body) == "approval"


def test_a_drill_in_the_headline_stays_a_drill_whatever_approval_the_lead_recalls() -> None:
    assert event_kind("Navies open joint exercise off Kyushu",
                      "The drill began on Tuesday. The upper house approved the access pact "
                      "in April.") == "exercise"
    # repairs in a headline are as often what the ministers met about
    assert event_kind("Navy chief visits Tokyo; Mumbai yard offered for repairs",
                      "The navy chief met his counterpart on Monday. They discussed "
                      "shipbuilding.") == "meeting"


@pytest.mark.parametrize(("title", "body"), [
    ("Indian frigate ties up in Darwin",
     "The frigate INS Godavari arrived in Darwin on Monday for a four-day visit. Its "
     "crew will play cricket with Australian sailors."),
    ("Tanker refuels ships off Kochi",
     "The fleet tanker passed fuel to two visiting Japan Maritime Self-Defense Force "
     "destroyers on Tuesday. It took two hours."),
    ("ऑस्ट्रेलियाची युद्धनौका गोव्यात",
     "ऑस्ट्रेलियन नौदलाची फ्रिगेट सोमवारी तीन दिवसांच्या भेटीसाठी गोव्यात दाखल झाली. "
     "नौदल अधिकाऱ्यांनी स्वागत केले."),
    ("खलाशी आणि गोव्याचा समुद्रकिनारा",
     "खलाशांनी मंगळवारी शहरात फेरफटका मारला. निमित्त होते ऑस्ट्रेलियन युद्धनौकेच्या गोवा "
     "भेटीचे."),
])
def test_a_ship_s_visit_is_a_port_call_not_a_meeting(title: str, body: str) -> None:
    assert event_kind(title, body) == "logistics"


def test_a_minister_s_visit_stays_a_meeting() -> None:
    assert event_kind("मंत्र्यांची टोकियो भेट",
                      "संरक्षणमंत्र्यांच्या भेटीदरम्यान दोन्ही देशांत चर्चा झाली. पुढील बैठक "
                      "दिल्लीत होईल.") == "meeting"


DRILL_NAMED = _fx(
    "drill-named", "drill", "2024-10-22T11:00:00+11:00",
    "HMAS Parramatta trains with JMSDF in Nichi Gou Trident",
    "HMAS Parramatta joined two Japanese destroyers for Exercise Nichi Gou Trident west of "
    "Kyushu on Tuesday, practising anti-submarine warfare and a gunnery shoot.",
    countries=JA, exercises=("Nichi-Gou Trident",))
DRILL_PACT_JA = _fx(
    "drill-pact-ja", "drill", "2024-10-22T18:00:00+09:00",
    "豪艦が海自と九州西方で共同訓練",
    "豪海軍のフリゲートが２２日、九州西方で海自の護衛艦と共同訓練を行った。"
    "円滑化協定の発効後、部隊間の訓練は活発になっている。",
    countries=JA, agreements=("RAA",))
DRILL_SUPPLIES_JA = _fx(
    "drill-supplies-ja", "drill", "2024-10-21T15:00:00+09:00",
    "日豪共同訓練の実施について",
    "海上自衛隊は豪海軍と共同訓練を実施します。訓練中、物品役務相互提供協定に基づき補給を"
    "実施する場合があります。",
    countries=JA, agreements=("ACSA",))
REFUEL_PACT = _fx(
    "refuel-pact", "refuel", "2026-02-04T20:00:00+05:30",
    "Indian tanker refuels Japanese destroyers off Goa",
    "The fleet tanker INS Deepak passed fuel to two Japanese destroyers off Goa on "
    "Wednesday under the supplies agreement between the two countries.",
    countries=IJ, agreements=("ACSA",))
REFUEL_DRILL_MR = _fx(
    "refuel-drill-mr", "refuel", "2026-02-05T07:00:00+05:30",
    "जपानी विनाशिकांना भारतीय नौदलाचे इंधन",
    "गोवा : भारतीय नौदलाच्या 'आयएनएस दीपक' जहाजाने बुधवारी जपानच्या दोन विनाशिकांना इंधन पुरवले. "
    "दोन्ही देशांचे नौदल नियमितपणे 'जिमेक्स' सराव करतात.",
    countries=IJ, exercises=("JIMEX",))
REFUEL_DRILL_HI = _fx(
    "refuel-drill-hi", "refuel", "2026-02-05T08:00:00+05:30",
    "गोवा तट पर जापानी युद्धपोतों में भरा ईंधन",
    "गोवा। भारतीय नौसेना के पोत आईएनएस दीपक ने बुधवार को जापान के दो विध्वंसकों में ईंधन भरा। "
    "दोनों नौसेनाएं हर साल 'जिमेक्स' अभ्यास करती हैं।",
    countries=IJ, exercises=("JIMEX",))


def test_a_drill_s_report_naming_the_pact_behind_it_joins_one_naming_the_drill() -> None:
    """The Japanese reports name the access or supplies pact that eased the drill, the
    English one the exercise: neither names another drill, so they are one."""
    named, pact, supplies = _sig(DRILL_NAMED), _sig(DRILL_PACT_JA), _sig(DRILL_SUPPLIES_JA)
    assert named.kind == pact.kind == supplies.kind == "exercise"
    assert assign(pact, [Candidate("e1", named.day, (named,))]) == "e1"
    assert assign(supplies, [Candidate("e1", pact.day, (pact,))]) == "e1"
    assert assign(named, [Candidate("e1", supplies.day, (supplies, pact))]) == "e1"


@pytest.mark.parametrize("other", [REFUEL_DRILL_MR, REFUEL_DRILL_HI])
def test_a_refuelling_s_report_naming_the_drill_held_every_year_joins_one_naming_the_pact(
        other: Fixture) -> None:
    pact = _sig(REFUEL_PACT)
    drill = _sig(other)
    assert pact.kind == "logistics" and compatible(pact.kind, drill.kind)
    assert assign(drill, [Candidate("e1", pact.day, (pact,))]) == "e1"


def test_two_drills_or_two_pacts_named_still_keep_two_events_apart() -> None:
    """Another exercise named, or (between reports of no drill) another agreement, is
    another event of the pair on the same day."""
    named = _sig(DRILL_NAMED)
    other_drill = _sig(_fx(
        "other-drill", "other", "2024-10-22T20:00:00+09:00", "日豪共同訓練",
        "豪空軍と空自が２２日、共同訓練を行った。", countries=JA,
        exercises=("Bushido Guardian",)))
    assert assign(other_drill, [Candidate("e1", named.day, (named,))]) is None
    signing = _sig(_fx(
        "signing", "s", "2024-10-22T12:00:00+11:00", "Ministers sign access deal",
        "The two ministers signed the access agreement on Tuesday.", countries=JA,
        agreements=("RAA",)))
    meeting = _sig(_fx(
        "meeting", "m", "2024-10-22T14:00:00+11:00", "Ministers meet on supplies pact",
        "The two ministers met on Tuesday to discuss the supplies pact.", countries=JA,
        agreements=("ACSA",)))
    assert assign(meeting, [Candidate("e1", signing.day, (signing,))]) is None


DRILL_LATE_HI = _fx(
    "drill-late-hi", "drill", "2024-10-25T08:00:00+05:30",
    "क्यूशू के पास जापान-ऑस्ट्रेलिया नौसेनाओं का साझा अभ्यास",
    "जापान और ऑस्ट्रेलिया की नौसेनाओं का क्यूशू के पश्चिम में चल रहा साझा अभ्यास शुक्रवार को "
    "भी जारी रहा।",
    countries=JA)
DRILL_LATE_MR = _fx(
    "drill-late-mr", "drill", "2024-10-25T09:00:00+05:30",
    "क्यूशूजवळ जपान-ऑस्ट्रेलिया नौदलांचा सराव",
    "जपान आणि ऑस्ट्रेलियाच्या नौदलांचा क्यूशूच्या पश्चिमेला सुरू असलेला सराव शुक्रवारीही चालू होता.",
    countries=JA)


@pytest.mark.parametrize("late", [DRILL_LATE_HI, DRILL_LATE_MR])
def test_a_nameless_drill_report_days_later_joins_the_pair_s_drill(late: Fixture) -> None:
    """A drill runs for days and its outlets write it up on any of them: a report naming
    no exercise and nobody, three days after one naming the exercise, is of it."""
    named, sig = _sig(DRILL_NAMED), _sig(late)
    assert sig.kind == "exercise" and not sig.exercises and not sig.people
    assert sig.day is not None and named.day is not None
    assert (sig.day - named.day).days == 3
    assert assign(sig, [Candidate("e1", named.day, (named,))]) == "e1"


def test_ministers_meetings_stay_a_day_s() -> None:
    """Two nameless meetings of the pair three days apart are two meetings."""
    first = _sig(_fx("m1", "m1", "2024-10-22T12:00:00+11:00", "Australia, Japan hold talks",
                     "The two sides met in Canberra on Tuesday.", countries=JA))
    later = _sig(_fx("m2", "m2", "2024-10-25T12:00:00+09:00", "日豪が会談",
                     "日豪の当局者が２５日、東京で会談した。", countries=JA))
    assert first.kind == later.kind == "meeting"
    assert assign(later, [Candidate("e1", first.day, (first,))]) is None


def _drill(name: str, when: str, exercises: tuple[str, ...], title: str) -> Signature:
    return _sig(_fx(name, name, when, title, "The navies' drill went on at sea.",
                    countries=IJ, exercises=exercises))


def test_an_exercise_one_report_lists_as_background_is_not_the_event_s() -> None:
    """Three reports of a JIMEX edition, one listing the pair's other drills: a report of
    the air forces' drill eleven days later does not join it by the exercise window; a
    JIMEX report as late still does."""
    jimex = [_drill("j1", "2025-11-24T18:00:00+05:30", ("JIMEX",), "JIMEX opens at sea"),
             _drill("j2", "2025-11-25T08:00:00+05:30", ("JIMEX",), "JIMEX goes on"),
             _drill("j3", "2025-11-25T10:00:00+05:30",
                    ("JIMEX", "Dharma Guardian", "Shinyuu Maitri"), "Navies drill at sea")]
    event = Candidate("e1", jimex[0].day, tuple(jimex))
    air = _drill("air", "2025-12-05T16:00:00+09:00", ("Shinyuu Maitri",),
                 "Air forces hold Shinyuu Maitri drill")
    assert assign(air, [event]) is None
    late = _drill("j4", "2025-12-05T16:00:00+05:30", ("JIMEX",), "JIMEX drill ends")
    assert assign(late, [event]) == "e1"
