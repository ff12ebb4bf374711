"""Reports of one drill or port call written many ways, read by the bundled rules and
grouped in many orders: a port call, a drill's start, its later days and its end (some
naming the drill, some naming nothing), a round-up item, a ship come into port and the
drill it leaves for — in English, Japanese, Hindi and Marathi. Each event must be one
whatever the order, and its neighbours of the same pair (the pair's other drill and their
2+2 the same month, another ship's port call) stay apart. Reports written for these
tests; tests/bot/events/test_grouping_talks.py does the same for calls and meetings."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from bot.events.cluster import Candidate, assign
from bot.events.kind import event_kind, exercise_stage
from bot.events.signature import Signature, event_day
from bot.rules import RuleSet
from tests.bot.events.variants import MODES, Report, assert_grouped, read

DRILL: tuple[Report, ...] = (
    ("jimex-port", "jimex", "2029-10-05T12:00:00+05:30", "en",
     "Japanese destroyers arrive in Visakhapatnam",
     "Two destroyers of the Japan Maritime Self-Defense Force arrived at Visakhapatnam on "
     "Friday on a port call, ahead of JIMEX with the Indian Navy."),
    ("jimex-start-en", "jimex", "2029-10-06T15:00:00+05:30", "en",
     "JIMEX begins off Visakhapatnam",
     "VISAKHAPATNAM: The Indian Navy and the Japan Maritime Self-Defense Force began the "
     "latest edition of JIMEX off Visakhapatnam on Saturday.\n\nTwo Japanese destroyers and "
     "an Indian frigate are taking part in the drill, which runs to October 11."),
    ("jimex-start-hi", "jimex", "2029-10-06T19:00:00+05:30", "hi",
     "विशाखापत्तनम में भारत-जापान नौसेनाओं का जिमेक्स अभ्यास शुरू",
     "भारतीय नौसेना और जापान की समुद्री आत्मरक्षा सेना ने शनिवार को विशाखापत्तनम के पास "
     "जिमेक्स अभ्यास शुरू किया।"),
    ("jimex-start-ja", "jimex", "2029-10-07T10:00:00+09:00", "ja",
     "日印共同訓練「JIMEX」始まる　ベンガル湾で",
     "海上自衛隊は6日、インド海軍との共同訓練「JIMEX」をベンガル湾で開始した。護衛艦2隻が"
     "参加している。"),
    # its later days and its end, without its name, four and five days after it began
    ("jimex-running-mr", "jimex", "2029-10-09T08:00:00+05:30", "mr",
     "बंगालच्या उपसागरात भारत-जपान नौदलांचा संयुक्त सराव",
     "भारत आणि जपानच्या नौदलांचा बंगालच्या उपसागरात संयुक्त सराव सुरू आहे. दोन्ही नौदलांच्या "
     "युद्धनौकांनी पाणबुडीविरोधी कवायती केल्या."),
    ("jimex-end-en", "jimex", "2029-10-11T18:00:00+05:30", "en",
     "India-Japan naval exercise concludes",
     "The bilateral maritime exercise between the navies of India and Japan concluded in the "
     "Bay of Bengal on Thursday with a steam-past.\n\nOver six days the ships practised "
     "anti-submarine warfare and replenishment at sea."),
    ("jimex-end-ja", "jimex", "2029-10-12T09:00:00+09:00", "ja",
     "日印共同訓練JIMEXが終了",
     "海上自衛隊は11日、インド海軍との共同訓練JIMEXを終えたと発表した。"),
    ("jimex-roundup", "jimex", "2029-10-13T09:00:00+05:30", "en",
     "Week in defence: radars cleared, a Japanese drill wraps up, and a new chief",
     "It was a busy week for the armed forces.\n\nThe defence ministry cleared new radars for "
     "the air force on Monday.\n\nAt sea, the Indian and Japanese navies wrapped up JIMEX in "
     "the Bay of Bengal on Thursday after six days of drills.\n\nThe army named a new vice "
     "chief on Friday."),
    # neighbours: the armies' drill later in the month, the 2+2 between the two
    ("army-en", "army", "2029-10-20T10:00:00+05:30", "en",
     "Indian, Japanese armies begin Dharma Guardian in Rajasthan",
     "The armies of India and Japan began the Dharma Guardian exercise in Rajasthan on "
     "Saturday."),
    ("army-hi", "army", "2029-10-20T18:00:00+05:30", "hi",
     "राजस्थान में भारत-जापान सेनाओं का धर्म गार्डियन अभ्यास शुरू",
     "भारत और जापान की सेनाओं ने शनिवार को राजस्थान में धर्म गार्डियन अभ्यास शुरू किया।"),
    ("two-plus-two", "2+2", "2029-10-15T18:00:00+05:30", "en",
     "India, Japan hold 2+2 dialogue in New Delhi",
     "The foreign and defence ministers of India and Japan met in New Delhi on Monday for "
     "their 2+2 dialogue.\n\nThey welcomed the conduct of JIMEX earlier this month and agreed "
     "to expand exercises."),
)


PORT: tuple[Report, ...] = (
    ("port-en", "visit", "2029-05-03T12:00:00+09:00", "en",
     "Australian frigate arrives in Yokosuka for port call",
     "The Royal Australian Navy frigate HMAS Parramatta arrived in Yokosuka on Thursday for a "
     "five-day port call, the Japan Maritime Self-Defense Force said.\n\nThe crew will take "
     "on fuel and stores before the ship sails with Japanese destroyers."),
    # the drill after the stay, five days on, naming neither the port call nor a drill's name
    ("drill-en", "visit", "2029-05-08T15:00:00+09:00", "en",
     "Japanese and Australian warships hold drill off Boso Peninsula",
     "A Japanese destroyer and the Australian frigate HMAS Parramatta held a joint exercise "
     "off the Boso Peninsula on Wednesday after the frigate's stay in Yokosuka, practising "
     "communications and replenishment at sea."),
    ("drill-hi", "visit", "2029-05-08T20:00:00+05:30", "hi",
     "जापान और ऑस्ट्रेलिया की नौसेनाओं ने किया संयुक्त अभ्यास",
     "जापान और ऑस्ट्रेलिया के युद्धपोतों ने बुधवार को बोसो प्रायद्वीप के पास संयुक्त नौसैनिक "
     "अभ्यास किया।"),
    ("drill-mr", "visit", "2029-05-09T08:00:00+05:30", "mr",
     "जपान-ऑस्ट्रेलिया नौदलांचा संयुक्त सराव",
     "जपान आणि ऑस्ट्रेलियाच्या युद्धनौकांनी बुधवारी बोसो द्वीपकल्पाजवळ संयुक्त सराव केला."),
    # neighbours: another ship's port call two weeks on, the ministers' talks that week
    ("port-later", "visit2", "2029-05-19T12:00:00+09:00", "en",
     "Australian submarine makes rare port call at Yokosuka",
     "The Australian submarine HMAS Rankin arrived at Yokosuka on Saturday for a rare port "
     "call, the Japan Maritime Self-Defense Force said."),
    ("ministers", "meet", "2029-05-06T18:00:00+09:00", "en",
     "Japan, Australia defence ministers meet in Tokyo",
     "Japanese Defence Minister Gen Nakatani and Australia's Richard Marles held talks in "
     "Tokyo on Monday and agreed to deepen cooperation between their forces."),
)


# A submarine comes into port (told as its arrival, with no "port call" in the headline),
# leaves for a drill with the other navy and ends it five days later
SUB: tuple[Report, ...] = (
    ("sub-arrives-en", "sub", "2029-06-12T14:00:00+09:00", "en",
     "A rare sight in Sasebo Bay as an American submarine slips into port",
     "Ferry passengers in Sasebo had company on Tuesday: an American attack submarine "
     "escorted by tugs and a Japanese patrol boat.\n\nThe submarine will leave on Thursday "
     "for anti-submarine training with Japanese destroyers and patrol aircraft."),
    ("sub-arrives-ja", "sub", "2029-06-12T17:00:00+09:00", "ja",
     "米原潜が佐世保に入港　海自と対潜訓練へ",
     "米海軍の攻撃型原子力潜水艦が12日、佐世保基地に入港した。海上自衛隊との対潜訓練に"
     "参加する予定。"),
    ("sub-arrives-hi", "sub", "2029-06-12T19:00:00+05:30", "hi",
     "अमेरिकी पनडुब्बी सासेबो बंदरगाह पहुंची, जापानी नौसेना के साथ करेगी अभ्यास",
     "अमेरिकी नौसेना की एक हमलावर पनडुब्बी मंगलवार को जापान के सासेबो बंदरगाह पहुंची। यह "
     "जापानी नौसेना के साथ पनडुब्बी-रोधी अभ्यास में हिस्सा लेगी।"),
    ("sub-drill-ends-en", "sub", "2029-06-17T11:00:00+09:00", "en",
     "Submarine completes anti-submarine training with JMSDF",
     "The US Navy attack submarine concluded a bilateral anti-submarine exercise with the "
     "Japan Maritime Self-Defense Force on Sunday, after a port visit to Sasebo."),
    ("sub-drill-ends-mr", "sub", "2029-06-17T18:00:00+05:30", "mr",
     "अमेरिकी पाणबुडीचा जपानी नौदलासोबत पाणबुडीविरोधी सराव पूर्ण",
     "अमेरिकी नौदलाच्या पाणबुडीने जपानच्या नौदलासोबत चार दिवसांचा पाणबुडीविरोधी सराव पूर्ण "
     "केला. त्याआधी ही पाणबुडी सासेबो बंदरात दाखल झाली होती."),
    # the neighbour: a US destroyer's port call at Sasebo nine days after the submarine came
    ("destroyer-arrives", "destroyer", "2029-06-21T14:00:00+09:00", "en",
     "US destroyer docks at Sasebo",
     "An American destroyer docked at Sasebo on Thursday for a four-day port call, and "
     "will train with Japanese destroyers when it leaves, the US Navy said."),
)


# A two-week army drill: its start and a report days on name it; its later days and its
# end, two weeks after the start, are told without its name (a closing ceremony, सराव
# पूर्ण, समारोप), each within a few days of another report of it
LONG: tuple[Report, ...] = (
    ("ya-start-en", "ya", "2029-11-02T15:00:00+05:30", "en",
     "India-US Exercise Yudh Abhyas commences at Chaubattia",
     "The 25th edition of Exercise Yudh Abhyas between the armies of India and the United "
     "States commenced at Chaubattia in Uttarakhand on Friday. The exercise will run for two "
     "weeks."),
    ("ya-mid-hi", "ya", "2029-11-06T18:00:00+05:30", "hi",
     "युद्ध अभ्यास: पहाड़ों में भारत-अमेरिका सैनिकों का संयुक्त प्रशिक्षण",
     "भारत और अमेरिका की सेनाओं के बीच चौबटिया में चल रहे युद्ध अभ्यास में सैनिकों ने ऊंचे पहाड़ी "
     "इलाकों में संयुक्त अभियान का अभ्यास किया।"),
    ("ya-mid-mr", "ya", "2029-11-10T08:00:00+05:30", "mr",
     "भारत-अमेरिका लष्कराचा डोंगराळ भागात संयुक्त सराव",
     "भारत आणि अमेरिकेच्या लष्करांचा उत्तराखंडमधील डोंगराळ भागात संयुक्त सराव सुरू आहे. "
     "दोन्ही लष्करांच्या जवानांनी बचाव मोहिमांचा सराव केला."),
    ("ya-end-en", "ya", "2029-11-15T17:00:00+05:30", "en",
     "Indian, US troops close out two-week exercise in Uttarakhand",
     "Soldiers of the Indian Army and the US Army concluded their two-week joint exercise in "
     "Uttarakhand on Thursday with a closing ceremony."),
    ("ya-end-mr", "ya", "2029-11-16T08:00:00+05:30", "mr",
     "भारत-अमेरिका लष्करी सरावाचा समारोप",
     "भारत आणि अमेरिकेच्या लष्करांच्या दोन आठवड्यांच्या संयुक्त सरावाचा गुरुवारी समारोप झाला."),
)

SETS = {"drill": DRILL, "port": PORT, "sub": SUB, "long": LONG}
# Reports the drill's event must not take in: the air forces' drill starting a week after
# the navies' began, and a report of ships at sea nine days after the drill's last report
# here, neither naming a drill or anyone (a start is a new drill; a report joins a drill's
# within RUNNING_DAYS of one of them)
OUTSIDE: tuple[Report, ...] = (
    ("air-start-mr", "air", "2029-10-12T19:00:00+05:30", "mr",
     "आग्र्यात भारत-जपान हवाई दलांचा संयुक्त सराव सुरू",
     "भारत आणि जपानच्या हवाई दलांनी शुक्रवारी आग्रा येथे संयुक्त सराव सुरू केला."),
    ("drill-over-hi", "over", "2029-10-16T19:00:00+05:30", "hi",
     "भारत-जापान नौसैनिक अभ्यास में शामिल युद्धपोत लौटे",
     "भारत और जापान के संयुक्त नौसैनिक अभ्यास में शामिल युद्धपोत शनिवार को अपने अड्डों पर लौट "
     "आए।"),
)


@pytest.fixture(scope="module")
def sigs(ruleset: RuleSet) -> dict[str, dict[str, Signature]]:
    return {key: read(ruleset, reports) for key, reports in (*SETS.items(), ("outside", OUTSIDE))}


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("key", sorted(SETS))
def test_each_event_is_one_and_its_neighbours_stay_apart(
        sigs: dict[str, dict[str, Signature]], key: str, mode: str) -> None:
    assert_grouped(sigs[key], SETS[key], mode, key)


def test_the_reports_read_as_the_case_needs(sigs: dict[str, dict[str, Signature]]) -> None:
    """The drill's later days and its end name no drill and no one; the port call is
    logistics and the drill after it an exercise: what the window for them is about."""
    drill, port = sigs["drill"], sigs["port"]
    for name in ("jimex-running-mr", "jimex-end-en"):
        assert drill[name].kind == "exercise" and not drill[name].exercises
        assert drill[name].stage != "start" and not drill[name].people
    assert port["port-en"].kind == "logistics" and port["drill-en"].kind == "exercise"
    sub = sigs["sub"]
    # a ship come into port is a port call that starts (or, where the headline tells the
    # drill it came for as loudly, that drill's start)
    assert sub["sub-arrives-en"].kind == sub["destroyer-arrives"].kind == "logistics"
    for name in ("sub-arrives-en", "sub-arrives-ja", "sub-arrives-hi", "destroyer-arrives"):
        assert sub[name].kind in ("logistics", "exercise") and sub[name].stage == "start", name
    for name in ("sub-drill-ends-en", "sub-drill-ends-mr"):  # "completed", पूर्ण केला
        assert sub[name].stage == "end", name


def test_a_start_a_week_on_or_a_report_past_the_running_days_stays_apart(
        sigs: dict[str, dict[str, Signature]]) -> None:
    """The JIMEX event as its first three days' reports make it: the air forces' start
    seven days after its first report is another drill; a report of ships at sea nine days
    after its last is past RUNNING_DAYS; the navies' report of the drill ending, six days
    after it, joins."""
    drill = sigs["drill"]
    first = [drill[n] for n in ("jimex-port", "jimex-start-en", "jimex-start-hi",
                                "jimex-start-ja")]
    event = Candidate("e1", event_day(first), tuple(first))
    air, over = sigs["outside"]["air-start-mr"], sigs["outside"]["drill-over-hi"]
    assert air.stage == "start" and not air.exercises and air.kind == "exercise"
    assert assign(air, [event]) is None
    assert over.kind == "exercise" and not over.exercises
    assert assign(over, [event]) is None
    assert assign(drill["jimex-end-en"], [event]) == "e1"


@pytest.mark.parametrize("title", [
    "A rare sight in Sasebo Bay as a US submarine slips into port",
    "US submarine pulls into Sasebo",
    "British carrier docks at Yokosuka",
    "Australian frigate enters Yokosuka harbour",
    "米原潜が佐世保に入港",
    "अमेरिकी पनडुब्बी सासेबो बंदरगाह पहुंची",
    "अमेरिकी पाणबुडी सासेबो बंदरात दाखल",
])
def test_a_ship_come_into_port_is_a_port_call_that_starts(title: str) -> None:
    assert event_kind(title, "Crowds watched from the pier.") == "logistics"
    assert exercise_stage(title, "") == "start"


@pytest.mark.parametrize("title", [
    "अमेरिकी पाणबुडीचा जपानी नौदलासोबत सराव पूर्ण",
    "भारत-अमेरिका लष्करी सरावाचा समारोप",
    "भारत-अमेरिका सैन्य अभ्यास पूरा हुआ",
    "日米共同訓練が完了",
])
def test_a_drill_completed_is_its_end(title: str) -> None:
    assert exercise_stage(title, "") == "end"


def test_a_pact_shared_weeks_apart_ties_no_nameless_report_to_a_drill(
        sigs: dict[str, dict[str, Signature]]) -> None:
    """A drill's report names the pact that eased it: a nameless drill report two weeks
    after the JIMEX reports, naming the same pact, is past RUNNING_DAYS of each of them
    and stays apart; four days after the last, it joins (through that report)."""
    drill = sigs["drill"]
    named = [replace(drill[n], agreements=frozenset({"ACSA"}))
             for n in ("jimex-start-en", "jimex-start-hi", "jimex-start-ja")]
    event = Candidate("e1", event_day(named), tuple(named))
    later = replace(drill["jimex-running-mr"], agreements=frozenset({"ACSA"}))
    assert assign(replace(later, day=date(2029, 10, 21)), [event]) is None
    assert assign(replace(later, day=date(2029, 10, 11)), [event]) == "e1"
